#include <errno.h>
#include <iconv.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "office/internal.hpp"
#include "office/table.hpp"

namespace xiaoan::office {
namespace {

using internal::FileError;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// Old binary .xls files and password-protected .xlsx files are both OLE2 compound documents.
constexpr std::string_view kOle2Signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// Spreadsheets treat these leading characters as the start of a formula (OWASP "CSV injection");
// tab and CR are included because some spreadsheet programs skip them before looking.
bool StartsLikeFormula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

void AppendCell(std::string& out, std::string_view cell) {
  const bool guard = StartsLikeFormula(cell);
  const bool quote = cell.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out += '"';
  if (guard) out += '\'';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  if (quote) out += '"';
}

// Physical line (1-based) of byte `offset`, counting LF, CRLF and lone CR as line ends.
std::size_t LineOf(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

bool IsBlank(const Row& row) {
  for (const auto& cell : row) {
    if (!cell.empty()) return false;
  }
  return true;
}

Error EncodingError(std::string_view text, std::size_t offset, std::string_view encoding) {
  return FileError("文件编码无法识别：第 " + std::to_string(LineOf(text, offset)) +
                   " 行不是有效的 " + std::string(encoding) +
                   " 文本。请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”后重新上传");
}

// UTF-16 (after its BOM) to UTF-8; unpaired surrogates are refused.
Result<std::string> FromUtf16(std::string_view bytes, bool little_endian) {
  if (bytes.size() % 2 != 0) return EncodingError(bytes, bytes.size() - 1, "UTF-16");
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (b << 8 | a) : (a << 8 | b);
  };
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 3 >= bytes.size()) return EncodingError(out, out.size(), "UTF-16");
      const char32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) return EncodingError(out, out.size(), "UTF-16");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return EncodingError(out, out.size(), "UTF-16");
    }
    internal::AppendUtf8(out, cp);
  }
  return out;
}

// GB18030 (a superset of GBK and GB2312) to UTF-8 with the C library's iconv.
Result<std::string> FromGb18030(std::string_view bytes) {
  iconv_t cd = ::iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return Internal("无法转换 GB18030 编码（iconv）");
  const std::unique_ptr<void, int (*)(iconv_t)> close(cd, ::iconv_close);
  std::string out(bytes.size() * 2 + 16, '\0');  // at most 4 UTF-8 bytes per 2- or 4-byte char
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  if (::iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
    return EncodingError(bytes, bytes.size() - in_left, "UTF-8 或 GBK/GB18030");
  }
  out.resize(out.size() - out_left);
  return out;
}

// The text of a CSV file as UTF-8, whichever of the encodings spreadsheet programs save it in.
Result<std::string> DecodeText(std::string_view bytes) {
  constexpr std::string_view kUtf16Le = "\xFF\xFE";
  constexpr std::string_view kUtf16Be = "\xFE\xFF";
  if (bytes.substr(0, kBom.size()) == kBom) {
    bytes.remove_prefix(kBom.size());
    // A BOM says UTF-8: a bad byte after it is damage, not another encoding.
    if (const std::size_t bad = internal::FindInvalidUtf8(bytes); bad != std::string_view::npos) {
      return EncodingError(bytes, bad, "UTF-8");
    }
    return std::string(bytes);
  }
  if (bytes.substr(0, 2) == kUtf16Le) return FromUtf16(bytes.substr(2), true);
  if (bytes.substr(0, 2) == kUtf16Be) return FromUtf16(bytes.substr(2), false);
  if (internal::FindInvalidUtf8(bytes) == std::string_view::npos) return std::string(bytes);
  return FromGb18030(bytes);
}

}  // namespace

std::string WriteCsv(const std::vector<Row>& rows) {
  std::string out(kBom);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      AppendCell(out, row[i].text);
    }
    out += "\r\n";
  }
  return out;
}

Result<std::vector<Row>> ReadCsv(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return FileError("文件超过大小上限（最大 " + internal::FormatSize(limits.max_bytes) + "）");
  }
  if (bytes.substr(0, kOle2Signature.size()) == kOle2Signature) {
    return FileError("这是 Excel 文件（.xls），不是 CSV 文件，请按 Excel 格式上传");
  }
  // Decode everything up front: a file in an encoding we cannot read is refused as a whole, not
  // imported as mojibake up to the first bad byte.
  XA_ASSIGN_OR_RETURN(const std::string text, DecodeText(bytes));
  bytes = text;
  // Excel's "Unicode text" is UTF-16 with tabs between cells: a first line with tabs and no commas.
  const std::string_view first_line = bytes.substr(0, bytes.find_first_of("\r\n"));
  const char separator = first_line.find('\t') != std::string_view::npos &&
                                 first_line.find(',') == std::string_view::npos
                             ? '\t'
                             : ',';

  std::vector<Row> rows;
  // Blank rows are only counted until a non-blank row follows, so a file of empty lines cannot
  // make us allocate a Row per byte, and trailing blank rows are dropped for free.
  std::size_t pending_blank = 0;
  Row row;
  std::size_t line = 1;         // current physical line, for messages
  std::size_t record_line = 1;  // line where the current record started

  const auto push_cell = [&](std::string cell) -> Status {
    if (row.size() >= limits.max_columns) {
      return FileError("第 " + std::to_string(record_line) + " 行的列数超过上限（最多 " +
                       std::to_string(limits.max_columns) + " 列）");
    }
    // Undo WriteCsv's injection guard ("'=x" -> "=x") so exported ledgers re-import unchanged.
    if (cell.size() >= 2 && cell[0] == '\'' &&
        StartsLikeFormula(std::string_view(cell).substr(1))) {
      cell.erase(0, 1);
    }
    row.push_back(std::move(cell));
    return {};
  };
  const auto end_record = [&]() -> Status {
    if (IsBlank(row)) {
      ++pending_blank;
    } else {
      if (rows.size() + pending_blank + 1 > limits.max_rows) {
        return FileError("行数超过上限（最多 " + std::to_string(limits.max_rows) + " 行）");
      }
      rows.resize(rows.size() + pending_blank);
      pending_blank = 0;
      rows.push_back(std::move(row));
    }
    row.clear();
    return {};
  };
  const auto is_delimiter = [separator](char c) {
    return c == separator || c == '\r' || c == '\n';
  };

  const std::size_t n = bytes.size();
  std::size_t i = 0;
  bool at_record_start = true;
  while (i < n) {
    if (at_record_start) {
      record_line = line;
      at_record_start = false;
    }
    std::string cell;
    if (bytes[i] == '"') {
      const std::size_t quote_line = line;
      bool closed = false;
      for (++i; i < n; ++i) {
        const char c = bytes[i];
        if (c == '"') {
          if (i + 1 < n && bytes[i + 1] == '"') {
            cell += '"';
            ++i;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (c == '\n' || (c == '\r' && (i + 1 >= n || bytes[i + 1] != '\n'))) ++line;
        cell += c;
      }
      if (!closed) {
        return FileError("第 " + std::to_string(quote_line) + " 行的引号没有闭合，文件可能已损坏");
      }
      // Text between a closing quote and the next delimiter is kept, as Excel does, rather than
      // refusing a file that Excel itself opens.
      while (i < n && !is_delimiter(bytes[i])) cell += bytes[i++];
    } else {
      while (i < n && !is_delimiter(bytes[i])) cell += bytes[i++];
    }
    XA_TRY(push_cell(std::move(cell)));
    if (i >= n) break;
    if (bytes[i] == separator) {
      ++i;
      if (i >= n) XA_TRY(push_cell({}));  // "a,b," at the very end still has three cells
      continue;
    }
    if (bytes[i] == '\r' && i + 1 < n && bytes[i + 1] == '\n') ++i;
    ++i;
    ++line;
    XA_TRY(end_record());
    at_record_start = true;
  }
  if (!at_record_start) XA_TRY(end_record());
  return rows;
}

}  // namespace xiaoan::office
