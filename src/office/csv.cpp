#include <cstddef>
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

}  // namespace

std::string WriteCsv(const std::vector<Row>& rows) {
  std::string out(kBom);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      AppendCell(out, row[i]);
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
    return FileError(
        "不支持旧版 Excel（.xls）或加密的 Excel 文件，请另存为 .xlsx 或 CSV UTF-8 后再上传");
  }
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  // Validate everything up front: a GBK file (Excel's default "CSV" in China) must be refused as a
  // whole, not imported as mojibake up to the first bad byte.
  if (const std::size_t bad = internal::FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    return FileError(
        "文件必须是 UTF-8 编码：第 " + std::to_string(LineOf(bytes, bad)) +
        " 行含有非 UTF-8 字符。请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”后重新上传");
  }

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
  const auto is_delimiter = [](char c) { return c == ',' || c == '\r' || c == '\n'; };

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
    if (bytes[i] == ',') {
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
