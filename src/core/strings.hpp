#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xiaoan {

std::string_view Trim(std::string_view s);
// True when the text holds nothing but spaces: ASCII white space, the ideographic space U+3000
// that Chinese input methods type, and the no-break space U+00A0.
bool IsBlank(std::string_view s);
std::vector<std::string> Split(std::string_view s, char sep);
// Number of Unicode code points in valid UTF-8; std::nullopt when the bytes are not UTF-8.
std::optional<std::size_t> Utf8Length(std::string_view s);
bool IsAllDigits(std::string_view s);
std::optional<std::int64_t> ParseInt(std::string_view s);
std::string ToHex(const unsigned char* data, std::size_t size);

}  // namespace xiaoan
