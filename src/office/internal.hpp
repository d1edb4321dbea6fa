#pragma once
// Helpers shared by the office readers and writers; not part of the public API.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/strings.hpp"
#include "office/table.hpp"

namespace xiaoan::office::internal {

// Upload problems are for the user to fix, so the message is the plain Chinese reason (without
// the "字段 … 无效" prefix of InvalidArgument) while the detail still names the "file" field.
inline Error FileError(std::string reason) {
  Error error{ErrorCode::kInvalidArgument, reason, {}};
  error.details.push_back({"file", std::move(reason), 0});
  return error;
}

// Offset of the first byte that is not well-formed UTF-8, or npos (core/strings.hpp). Stricter
// than xiaoan::Utf8Length on purpose: overlong forms are a classic filter bypass.
using xiaoan::FindInvalidUtf8;

// Decodes the code point at s[i] and advances i. Only for text already checked by
// FindInvalidUtf8.
inline char32_t NextCodePoint(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += len;
  return cp;
}

inline void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// What a number format shows: not a date, a date, a time of day, or both.
enum class DateKind { kNone, kDate, kTime, kDateTime };
// Built-in number formats by id (ECMA-376 §18.8.30, with the ids Excel in Chinese uses).
DateKind BuiltinFormatKind(int id);
// A custom format code, e.g. yyyy/m/d, [$-804]yyyy"年"m"月"d"日", h:mm AM/PM, [h]:mm:ss.
DateKind CustomFormatKind(std::string_view code);
// The cell for an Excel serial number shown as kind (not kNone), in the 1900 or 1904 date
// system; nothing when the serial is no date (negative, past 9999, 1900-02-29, 1900-01-00).
std::optional<Cell> CellFromSerial(double serial, DateKind kind, bool date1904);
// The 1900-system serial of "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (from 1900-03-01 on).
std::optional<double> SerialFromText(std::string_view text);

// "20 MB" style text for limit messages shown to users.
inline std::string FormatSize(std::size_t bytes) {
  constexpr std::size_t kMiB = 1024 * 1024;
  if (bytes >= kMiB) return std::to_string(bytes / kMiB) + " MB";
  if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " 字节";
}

}  // namespace xiaoan::office::internal
