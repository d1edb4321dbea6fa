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
// Offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or npos when all of s is valid.
std::size_t FindInvalidUtf8(std::string_view s);
// Why text cannot be stored, or "" when it can: it must be well-formed UTF-8 without control
// characters other than tab, line feed and carriage return (no NUL, no ESC, no DEL). Every text
// that enters the system is checked with this, so nothing stored breaks an export or a backup.
std::string TextProblem(std::string_view s);
// Text from outside that is kept rather than refused (a User-Agent, a forwarded address): bytes
// that are not UTF-8 become U+FFFD, control characters are dropped, and the result is cut to at
// most max_bytes at a character boundary.
std::string StorableText(std::string_view s, std::size_t max_bytes);
// Number of Unicode code points in valid UTF-8; std::nullopt when the bytes are not UTF-8.
std::optional<std::size_t> Utf8Length(std::string_view s);
bool IsAllDigits(std::string_view s);
std::optional<std::int64_t> ParseInt(std::string_view s);
std::string ToHex(const unsigned char* data, std::size_t size);

}  // namespace xiaoan
