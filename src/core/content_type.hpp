#pragma once
// What an uploaded file is, by its first bytes (never by its name or the client's word).
#include <optional>
#include <string>
#include <string_view>

namespace xiaoan {

// image/jpeg, image/png, image/webp or application/pdf; nothing for anything else.
std::optional<std::string> SniffContentType(std::string_view bytes);

}  // namespace xiaoan
