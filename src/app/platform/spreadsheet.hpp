#pragma once
// Reading uploaded ledgers, for every import: the one reader (.xlsx, .xls, CSV in any of the
// encodings spreadsheet programs save) and the cell values imports need, the same whether the
// user typed a date as a date, as a number with a date format, or as text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

// format: "xlsx", "xls", "csv", or empty to detect it from the content.
Result<std::vector<office::Row>> ReadImportFile(std::string_view bytes, const std::string& format);

// The text of cell col with surrounding whitespace removed; empty past the end of the row.
std::string CellText(const office::Row& row, std::size_t col);

// A calendar date "YYYY-MM-DD" from a date or date-time cell, or from text such as 2026-11-03,
// 2026/11/3, 2026.11.3 or 2026年11月3日 (a time after it is ignored); nothing for anything else,
// including impossible dates (2026-02-30).
std::optional<std::string> CellDate(const office::Cell& cell);

// An instant as stored ("2026-11-20T00:30:00.000Z") from a date-time cell or text with a time
// (2026-11-20 08:30, 2026/11/20 8:30:15), read as China Standard Time (UTC+8); from a bare date,
// 09:00 China time that day; an ISO 8601 instant as it is.
std::optional<std::string> CellInstant(const office::Cell& cell);

}  // namespace xiaoan::app
