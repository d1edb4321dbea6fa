#pragma once
#include <span>
#include <string_view>

namespace xiaoan {
// A text file compiled into the binary (migrations, the OpenAPI document).
struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};
}  // namespace xiaoan
