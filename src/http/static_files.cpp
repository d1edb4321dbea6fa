#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "http/api.hpp"

namespace xiaoan::http {
namespace {

std::string ContentTypeOf(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  };
  for (const auto& [ext, type] : kTypes) {
    const std::string e(ext);
    if (path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) {
      return type;
    }
  }
  return "application/octet-stream";
}

// Shown when the console has not been built: the server itself is up and says how to go on.
constexpr const char* kNoConsolePage = R"(<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>校安 Xiaoan</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.6">
<h1>校安 Xiaoan 服务已启动</h1>
<p>Web 控制台尚未构建（未找到 <code>web/dist/index.html</code>）。接口已可使用：</p>
<ul><li><a href="/api/v1/health">/api/v1/health</a> — 运行状态</li>
<li><a href="/api/v1/openapi.json">/api/v1/openapi.json</a> — 接口文档（OpenAPI）</li>
<li><a href="/api/v1/schools">/api/v1/schools</a> — 学校列表</li></ul>
</body></html>
)";

// Whether the client takes a content coding ("br", "gzip"): named in Accept-Encoding without
// q=0 (a "*" does not count: only what is named is sent).
bool Accepts(const std::string& accept_encoding, const std::string& coding) {
  std::size_t at = 0;
  while (at <= accept_encoding.size()) {
    const auto end = std::min(accept_encoding.find(',', at), accept_encoding.size());
    std::string item = accept_encoding.substr(at, end - at);
    at = end + 1;
    std::string name = item.substr(0, item.find(';'));
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != coding) continue;
    const auto q = item.find("q=");
    if (q == std::string::npos) return true;
    return std::strtod(item.c_str() + q + 2, nullptr) > 0;
  }
  return false;
}

// Text the build stored beside itself compressed (app.js.br, app.js.gz): sent as it is.
bool Compressible(const std::string& content_type) {
  return content_type.rfind("text/", 0) == 0 || content_type.rfind("application/json", 0) == 0 ||
         content_type == "image/svg+xml";
}

bool SafePath(const std::string& path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos) {
    return false;
  }
  return true;
}

}  // namespace

HttpResponse ServeStatic(const std::string& web_root, const HttpRequest& req) {
  HttpResponse res;
  std::string rel = req.path;
  if (!SafePath(rel)) {
    res.status = 404;
    res.content_type = "text/plain; charset=utf-8";
    res.body = "not found";
    return res;
  }
  if (rel == "/") rel = "/index.html";
  std::string file = web_root + rel;
  struct stat st {};
  bool found = ::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  const bool asset = rel.rfind("/assets/", 0) == 0;
  if (!found && !asset) {
    // SPA fallback: client-side routes are answered with index.html.
    file = web_root + "/index.html";
    rel = "/index.html";
    found = ::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode);
    if (!found) {
      res.content_type = "text/html; charset=utf-8";
      res.body = kNoConsolePage;
      res.headers.emplace_back("Cache-Control", "no-cache");
      return res;
    }
  }
  if (!found) {
    res.status = 404;
    res.content_type = "text/plain; charset=utf-8";
    res.body = "not found";
    return res;
  }
  res.content_type = ContentTypeOf(rel);
  // The build's precompressed copy when the client takes it (Brotli first, then gzip); the ETag
  // names the coding, so a cache never answers one coding's validator with the other's body.
  const char* coding = nullptr;
  if (Compressible(res.content_type)) {
    const std::string accepted = req.Header("accept-encoding");
    for (const auto& [name, ext] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
      struct stat cst {};
      if (Accepts(accepted, name) && ::stat((file + ext).c_str(), &cst) == 0 &&
          S_ISREG(cst.st_mode) && cst.st_mtim.tv_sec >= st.st_mtim.tv_sec) {
        coding = name;
        file += ext;
        st = cst;
        break;
      }
    }
    res.headers.emplace_back("Vary", "Accept-Encoding");
  }
  char etag[80];
  std::snprintf(
      etag, sizeof etag, "\"%llx-%llx%s%s\"", static_cast<unsigned long long>(st.st_size),
      static_cast<unsigned long long>(st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec),
      coding ? "-" : "", coding ? coding : "");
  res.headers.emplace_back("ETag", etag);
  if (coding) res.headers.emplace_back("Content-Encoding", coding);
  // Hashed build assets never change; index.html must be revalidated to pick up new builds.
  res.headers.emplace_back("Cache-Control",
                           asset ? "public, max-age=31536000, immutable" : "no-cache");
  if (req.Header("if-none-match") == etag) {
    res.status = 304;
    res.body.clear();
    return res;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  res.body = ss.str();
  return res;
}

}  // namespace xiaoan::http
