#!/usr/bin/env python3
"""Converts docs/api/openapi.yaml to JSON and embeds it as a C++ source (build step)."""
import json
import sys

import yaml

src, json_out, cpp_out = sys.argv[1:4]
with open(src, encoding="utf-8") as f:
    doc = yaml.safe_load(f)
text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
with open(json_out, "w", encoding="utf-8") as f:
    f.write(text)
delim = "xiaoan_openapi"
assert ")" + delim + '"' not in text
with open(cpp_out, "w", encoding="utf-8") as f:
    f.write('// Generated from docs/api/openapi.yaml. Do not edit.\n')
    f.write('#include "core/embedded_file.hpp"\n')
    f.write("namespace xiaoan::http::embedded {\nnamespace {\n")
    f.write("const xiaoan::EmbeddedFile kFiles[] = {{\"openapi.json\", R\"%s(%s)%s\"}};\n"
            % (delim, text, delim))
    f.write("}  // namespace\n")
    f.write("std::span<const xiaoan::EmbeddedFile> OpenApiDocument() { return kFiles; }\n")
    f.write("}  // namespace xiaoan::http::embedded\n")
