#include "core/content_type.hpp"

namespace xiaoan {
namespace {

bool StartsWith(std::string_view b, std::string_view prefix) {
  return b.size() >= prefix.size() && b.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::optional<std::string> SniffContentType(std::string_view b) {
  if (StartsWith(b, "\xFF\xD8\xFF")) return "image/jpeg";
  if (StartsWith(b, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (b.size() >= 12 && StartsWith(b, "RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
  if (StartsWith(b, "%PDF-")) return "application/pdf";
  return std::nullopt;
}

}  // namespace xiaoan
