#pragma once
// Reading uploaded ledgers, for every import: the one reader (.xlsx, .xls, CSV in any of the
// encodings spreadsheet programs save) and the cell values imports need, the same whether the
// user typed a date as a date, as a number with a date format, or as text.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

// Imports hold a file's rows (many small texts: several times the file's size) while they
// check and write them, so at most kMaxConcurrentImports run at once in a server; the next
// waits up to `wait`, then gets 409 import.busy (同时进行的导入过多). When a turn ends, the memory
// the import freed is given back to the system (jemalloc's purge, or malloc_trim).
inline constexpr int kMaxConcurrentImports = 2;
class ImportTurn {
 public:
  ImportTurn() = default;
  ImportTurn(ImportTurn&& other) noexcept : held_(other.held_) { other.held_ = false; }
  ImportTurn& operator=(ImportTurn&& other) noexcept;
  ImportTurn(const ImportTurn&) = delete;
  ImportTurn& operator=(const ImportTurn&) = delete;
  ~ImportTurn();
  static Result<ImportTurn> Take(std::chrono::milliseconds wait = std::chrono::seconds(20));

 private:
  void Release();
  bool held_ = false;
};

// An import's file: its rows, and its turn, which ends after the rows are gone.
struct ImportFile {
  ImportTurn turn;
  std::vector<office::Row> rows;
};

// format: "xlsx", "xls", "csv", or empty to detect it from the content. Takes an import turn.
Result<ImportFile> ReadImportFile(std::string_view bytes, const std::string& format);

// The text of cell col with surrounding whitespace removed; empty past the end of the row.
std::string CellText(const office::Row& row, std::size_t col);

inline constexpr std::size_t kAllColumnsRequired = static_cast<std::size_t>(-1);

// Every import's first check: the file's first row names the template's `columns` in order. A
// trailing * (a required column's mark in the templates) is ignored on either side, and the
// columns from `optional_from` on may be missing (added to a template later: files made with the
// older template end without them). Otherwise an error on "file" naming the first column that
// differs, then `hint` (for example 请使用导入模板).
Status CheckHeaderRow(const std::vector<office::Row>& rows, const std::vector<std::string>& columns,
                      std::string_view hint, std::size_t optional_from = kAllColumnsRequired);

// A calendar date "YYYY-MM-DD" from a date or date-time cell, or from text such as 2026-11-03,
// 2026/11/3, 2026.11.3 or 2026年11月3日 (a time after it is ignored); nothing for anything else,
// including impossible dates (2026-02-30).
std::optional<std::string> CellDate(const office::Cell& cell);

// The data rows under a template's header (row 1), each as the texts of its `columns` cells —
// a date column (`is_date`) as YYYY-MM-DD when the cell holds a date — with its 1-based row
// number in the file; blank rows are left out.
struct DataRow {
  int row = 0;
  std::vector<std::string> cells;
};
std::vector<DataRow> DataRows(const std::vector<office::Row>& rows, std::size_t columns,
                              const std::function<bool(std::size_t)>& is_date);

// An instant as stored ("2026-11-20T00:30:00.000Z") from a date-time cell or text with a time
// (2026-11-20 08:30, 2026/11/20 8:30:15), read as China Standard Time (UTC+8); from a bare date,
// 09:00 China time that day; an ISO 8601 instant as it is.
std::optional<std::string> CellInstant(const office::Cell& cell);
// An instant as a workbook shows it: "YYYY-MM-DD HH:MM:SS" in China (UTC+8), for
// office::Cell::DateTime.
std::string ChinaDateTimeText(Instant t);

}  // namespace xiaoan::app
