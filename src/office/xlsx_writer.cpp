#include <stdlib.h>  // mkstemp
#include <unistd.h>  // close, unlink
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "office/internal.hpp"
#include "office/table.hpp"

namespace xiaoan::office {
namespace {

using internal::FileError;

constexpr std::size_t kExcelMaxRows = LXW_ROW_MAX;
constexpr std::size_t kExcelMaxColumns = LXW_COL_MAX;
constexpr std::size_t kExcelMaxCellChars = 32767;
constexpr std::size_t kSheetNameMaxChars = LXW_SHEETNAME_MAX;
constexpr double kMinColumnWidth = 6;
constexpr double kMaxColumnWidth = 60;  // longer text is still all there, just not all visible
// Built-in number format 49 is "@", which Excel lists as "Text" and keeps for typed-in values.
constexpr std::uint8_t kTextNumFormat = 49;
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;  // light blue, readable when printed in grey

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// True when s[i..] looks like an OOXML character escape "_xHHHH_".
bool IsOoxmlEscapeAt(std::string_view s, std::size_t i) {
  return s.size() - i >= 7 && s[i] == '_' && s[i + 1] == 'x' && IsHex(s[i + 2]) &&
         IsHex(s[i + 3]) && IsHex(s[i + 4]) && IsHex(s[i + 5]) && s[i + 6] == '_';
}

void AppendEscape(std::string& out, char32_t cp) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  out += "_x";
  for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(cp >> shift) & 0xF];
  out += '_';
}

// XML 1.0 cannot carry most control characters, and XML parsers turn CR into LF, so they are
// written as Excel's own "_xHHHH_" escapes; text that merely looks like such an escape gets its
// '_' escaped as _x005F_ so Excel (and our reader) show it literally.
std::string EscapeForXlsx(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (IsOoxmlEscapeAt(text, i)) {
      AppendEscape(out, '_');
      ++i;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = internal::NextCodePoint(text, i);
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF) {
      AppendEscape(out, cp);
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

// East Asian wide and fullwidth ranges (plus emoji): these take about two columns in Excel.
bool IsWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

// Width in Excel character units of the longest line of a (valid UTF-8) cell.
std::size_t DisplayWidth(std::string_view text) {
  std::size_t widest = 0;
  std::size_t current = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = internal::NextCodePoint(text, i);
    if (cp == '\n' || cp == '\r') {
      current = 0;
      continue;
    }
    current += IsWide(cp) ? 2 : 1;
    widest = std::max(widest, current);
  }
  return widest;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The first `max_chars` code points of valid UTF-8 text.
std::string_view TakeChars(std::string_view s, std::size_t max_chars) {
  std::size_t i = 0;
  for (std::size_t n = 0; n < max_chars && i < s.size(); ++n) internal::NextCodePoint(s, i);
  return s.substr(0, i);
}

// Excel refuses names with []:*?/\, longer than 31 characters, starting or ending with ', or
// equal to another sheet's name ignoring ASCII case; callers pass display names like "学生台账"
// and should not have to know these rules.
std::string SheetNameFor(std::string_view wanted, std::size_t index,
                         std::set<std::string>& used_lower) {
  std::string name;
  for (std::size_t i = 0; i < wanted.size();) {
    const std::size_t start = i;
    const char32_t cp = internal::NextCodePoint(wanted, i);
    if (cp < 0x20 || std::u32string_view(U"[]:*?/\\").find(cp) != std::u32string_view::npos) {
      name += '_';
    } else {
      name.append(wanted.substr(start, i - start));
    }
  }
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  name = std::string(TakeChars(name, kSheetNameMaxChars));
  while (!name.empty() && name.back() == '\'') name.pop_back();
  if (name.empty()) name = "Sheet" + std::to_string(index + 1);
  if (AsciiLower(name) == "history") name += '_';  // reserved by Excel

  std::string candidate = name;
  for (int n = 2; used_lower.count(AsciiLower(candidate)) > 0; ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    candidate = std::string(TakeChars(name, kSheetNameMaxChars - suffix.size())) + suffix;
  }
  used_lower.insert(AsciiLower(candidate));
  return candidate;
}

std::string CellName(std::size_t row, std::size_t col) {
  std::string letters;
  for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

Status CheckSheet(const Sheet& sheet) {
  if (internal::FindInvalidUtf8(sheet.name) != std::string_view::npos) {
    return FileError("工作表名称不是有效的 UTF-8 文本");
  }
  if (sheet.rows.size() > kExcelMaxRows) {
    return FileError("工作表“" + sheet.name + "”超过 Excel 的行数上限（" +
                     std::to_string(kExcelMaxRows) + " 行）");
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const Row& row = sheet.rows[r];
    if (row.size() > kExcelMaxColumns) {
      return FileError("工作表“" + sheet.name + "”超过 Excel 的列数上限（" +
                       std::to_string(kExcelMaxColumns) + " 列）");
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (internal::FindInvalidUtf8(row[c].text) != std::string_view::npos) {
        return FileError("工作表“" + sheet.name + "”的单元格 " + CellName(r, c) +
                         " 不是有效的 UTF-8 文本");
      }
      // Cheap byte test first: a cell over the limit in characters is over it in bytes too.
      if (row[c].text.size() > kExcelMaxCellChars &&
          TakeChars(row[c].text, kExcelMaxCellChars).size() < row[c].text.size()) {
        return FileError("工作表“" + sheet.name + "”的单元格 " + CellName(r, c) +
                         " 超过 Excel 的单元格上限（32767 个字符）");
      }
    }
  }
  return {};
}

// Deletes the temporary file on every path out of WriteXlsx.
class TempFile {
 public:
  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }

  Status Create() {
    std::error_code ec;
    dir_ = std::filesystem::temp_directory_path(ec).string();
    if (ec || dir_.empty()) dir_ = "/tmp";
    std::string pattern = dir_ + "/xiaoan-xlsx-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return Internal("无法创建临时文件以生成 Excel 文件");
    ::close(fd);
    path_ = pattern;
    return {};
  }
  const std::string& path() const { return path_; }
  std::string& dir() { return dir_; }

 private:
  std::string dir_;
  std::string path_;
};

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Internal("无法读取生成的 Excel 临时文件");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Internal("无法读取生成的 Excel 临时文件");
  return data;
}

Error XlsxWriterError(lxw_error error) {
  return Internal(std::string("生成 Excel 文件失败：") + lxw_strerror(error));
}

// The workbook's cell formats.
struct Formats {
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;
  lxw_format* date = nullptr;       // yyyy-mm-dd
  lxw_format* date_time = nullptr;  // yyyy-mm-dd hh:mm:ss
  lxw_format* time = nullptr;       // hh:mm:ss
  lxw_format* number = nullptr;     // General
};

// Writes one cell of a data row in its type; a date that is not one (a bad text) stays text.
lxw_error WriteCell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell,
                    const Formats& f) {
  switch (cell.type) {
    case Cell::Type::kDate:
    case Cell::Type::kDateTime:
      if (auto serial = internal::SerialFromText(cell.text)) {
        return worksheet_write_number(ws, r, c, *serial,
                                      cell.type == Cell::Type::kDate ? f.date : f.date_time);
      }
      break;
    case Cell::Type::kTime: {
      int h = 0;
      int m = 0;
      int sec = 0;
      char tail = 0;
      if (cell.text.size() == 8 &&
          std::sscanf(cell.text.c_str(), "%2d:%2d:%2d%c", &h, &m, &sec, &tail) == 3 && h >= 0 &&
          h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 60) {
        return worksheet_write_number(ws, r, c, (h * 3600 + m * 60 + sec) / 86400.0, f.time);
      }
      break;
    }
    case Cell::Type::kNumber: {
      double v = 0;
      const char* end = cell.text.data() + cell.text.size();
      const auto [ptr, ec] = std::from_chars(cell.text.data(), end, v);
      if (ec == std::errc{} && ptr == end && std::isfinite(v)) {
        return worksheet_write_number(ws, r, c, v, f.number);
      }
      break;
    }
    case Cell::Type::kBoolean:
      if (cell.text == "TRUE" || cell.text == "FALSE") {
        return worksheet_write_boolean(ws, r, c, cell.text == "TRUE", f.number);
      }
      break;
    default:
      break;
  }
  // Text: numbers-as-text keep leading zeros and never become formulas.
  const std::string escaped = EscapeForXlsx(cell.text);
  return worksheet_write_string(ws, r, c, escaped.c_str(), f.text);
}

// Writes one sheet; formats belong to the workbook.
Status WriteSheet(lxw_worksheet* ws, const Sheet& sheet, const Formats& f) {
  std::vector<std::size_t> widths;
  // A column whose data cells are dates gets the date format for values typed in later.
  std::vector<lxw_format*> column_format;
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const Row& row = sheet.rows[r];
    if (widths.size() < row.size()) {
      widths.resize(row.size(), 0);
      column_format.resize(row.size(), nullptr);
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      const auto lxw_row = static_cast<lxw_row_t>(r);
      const auto lxw_col = static_cast<lxw_col_t>(c);
      const Cell& cell = row[c];
      if (cell.empty()) {
        // Blank header cells still get the header style so the band is unbroken.
        if (r == 0) {
          if (lxw_error e = worksheet_write_blank(ws, lxw_row, lxw_col, f.header)) {
            return XlsxWriterError(e);
          }
        }
        continue;
      }
      widths[c] = std::max(widths[c], DisplayWidth(cell.text));
      if (r == 0) {
        const std::string escaped = EscapeForXlsx(cell.text);
        if (lxw_error e = worksheet_write_string(ws, lxw_row, lxw_col, escaped.c_str(), f.header)) {
          return XlsxWriterError(e);
        }
        continue;
      }
      if (cell.type == Cell::Type::kDate && column_format[c] == nullptr) column_format[c] = f.date;
      if (lxw_error e = WriteCell(ws, lxw_row, lxw_col, cell, f)) return XlsxWriterError(e);
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const double width =
        std::clamp(static_cast<double>(widths[c]) + 2, kMinColumnWidth, kMaxColumnWidth);
    // The column's format makes values typed in later by users stay text (or dates) as well.
    const auto col = static_cast<lxw_col_t>(c);
    lxw_format* format = column_format[c] != nullptr ? column_format[c] : f.text;
    if (lxw_error e = worksheet_set_column(ws, col, col, width, format)) return XlsxWriterError(e);
  }
  if (!sheet.rows.empty()) worksheet_freeze_panes(ws, 1, 0);
  return {};
}

}  // namespace

Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets) {
  if (sheets.empty()) return FileError("没有要导出的工作表");
  for (const auto& sheet : sheets) XA_TRY(CheckSheet(sheet));

  // libxlsxwriter 1.1.4 (Debian 12) has no in-memory output, so it writes a private mkstemp file
  // that is read back and always deleted.
  TempFile file;
  XA_TRY(file.Create());
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;  // shared strings and random access need the normal mode
  options.tmpdir = file.dir().data();
  lxw_workbook* workbook = workbook_new_opt(file.path().c_str(), &options);
  if (workbook == nullptr) return Internal("生成 Excel 文件失败：无法创建工作簿");

  Formats f;
  f.header = workbook_add_format(workbook);
  format_set_bold(f.header);
  format_set_bg_color(f.header, kHeaderFill);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  format_set_num_format_index(f.header, kTextNumFormat);
  f.text = workbook_add_format(workbook);
  format_set_num_format_index(f.text, kTextNumFormat);
  f.date = workbook_add_format(workbook);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.date_time = workbook_add_format(workbook);
  format_set_num_format(f.date_time, "yyyy-mm-dd hh:mm:ss");
  f.time = workbook_add_format(workbook);
  format_set_num_format(f.time, "hh:mm:ss");
  f.number = workbook_add_format(workbook);

  Status status;
  std::set<std::string> used_names;
  for (std::size_t i = 0; i < sheets.size() && status.ok(); ++i) {
    const std::string name = SheetNameFor(sheets[i].name, i, used_names);
    lxw_worksheet* ws = workbook_add_worksheet(workbook, name.c_str());
    if (ws == nullptr) {
      status = Internal("生成 Excel 文件失败：无法添加工作表“" + name + "”");
      break;
    }
    status = WriteSheet(ws, sheets[i], f);
  }
  // workbook_close also frees the workbook, so it runs on the error path too.
  const lxw_error close_error = workbook_close(workbook);
  if (!status.ok()) return std::move(status).error();
  if (close_error != LXW_NO_ERROR) return XlsxWriterError(close_error);
  return ReadWholeFile(file.path());
}

}  // namespace xiaoan::office
