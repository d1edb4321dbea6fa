#pragma once
// Exchange of ledgers (台账) as Excel (.xlsx, and .xls to read) and CSV. Cells are typed (text,
// number, boolean, date, time, date-time) and all carry their value as UTF-8 text; the readers
// never interpret values beyond what is documented below, so callers validate columns themselves.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::office {

// One cell of a ledger. Every cell also has its value as UTF-8 text, in one canonical form per
// type, so an import can read a date column the same way whether the user typed the date as a
// date, as a number with a date format, or as text:
//   kText      as stored
//   kNumber    as Excel shows it in General format for integers ("12", not "12.0" or "1.2E1");
//              other numbers as stored ("3.25")
//   kBoolean   "TRUE" / "FALSE"
//   kDate      "2026-11-20"
//   kTime      "08:30:00"
//   kDateTime  "2026-11-20 08:30:00" (local time, as typed; no time zone)
struct Cell {
  enum class Type { kEmpty, kText, kNumber, kBoolean, kDate, kTime, kDateTime };
  Type type = Type::kEmpty;
  std::string text;

  Cell() = default;
  // Text cells (empty text is an empty cell), so rows can be written as lists of strings.
  Cell(std::string t) : type(t.empty() ? Type::kEmpty : Type::kText), text(std::move(t)) {}
  Cell(const char* t) : Cell(std::string(t)) {}
  Cell(std::string_view t) : Cell(std::string(t)) {}
  // A date "YYYY-MM-DD" or a date-time "YYYY-MM-DD HH:MM:SS" written as a date cell with a date
  // format; empty text gives an empty cell.
  static Cell Date(std::string iso_date);
  static Cell DateTime(std::string iso_date_time);
  static Cell Of(Type type, std::string text);

  bool empty() const { return text.empty(); }
  bool IsDateOrTime() const {
    return type == Type::kDate || type == Type::kTime || type == Type::kDateTime;
  }
  friend bool operator==(const Cell& a, const Cell& b) {
    return a.type == b.type && a.text == b.text;
  }
};

using Row = std::vector<Cell>;
// A row of text cells.
Row TextRow(const std::vector<std::string>& texts);

struct Sheet {
  std::string name;
  std::vector<Row> rows;  // rows[0] is the header row
};
struct ReadLimits {
  std::size_t max_bytes = 20 * 1024 * 1024;          // the file itself
  std::size_t max_entries = 1000;                    // zip entries (xlsx)
  std::size_t max_uncompressed = 200 * 1024 * 1024;  // sum of entry sizes, checked BEFORE reading
  std::size_t max_rows = 100000;
  std::size_t max_columns = 200;
  std::size_t max_cells = 4000000;  // rows × columns a .xls declares (FreeXL allocates them)
};

// .xlsx bytes: one worksheet per Sheet; the header row bold with a light fill, frozen,
// column widths fitted to the content (CJK characters count double). Text cells are written as
// text (so codes like "0123" keep their leading zero), numbers as numbers, dates and date-times
// as date cells (the serial number with the format yyyy-mm-dd or yyyy-mm-dd hh:mm:ss), so a
// ledger opened, edited and saved in a spreadsheet program imports back unchanged.
// Sheet names are made valid for Excel (forbidden characters become '_', at most 31 characters,
// duplicates get a " (2)" suffix). Fails on invalid UTF-8, on a cell longer than Excel's 32767
// characters, or on more rows/columns than Excel allows.
Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets);

// Reads the FIRST worksheet of an .xlsx (as ordered in xl/workbook.xml) into rows of cells.
// Rows end at their last non-empty cell, rows missing from the file are empty, trailing empty
// rows are dropped. A number whose cell format is a date or time format (the built-in ones and
// custom formats with y, m, d, h or s outside quotes) is a date, time or date-time cell,
// converted in the workbook's date system (1900, with Excel's phantom 1900-02-29, or 1904);
// other numbers keep the text Excel stored, except integer values ("12.0" -> "12"). Booleans are
// "TRUE"/"FALSE", error cells empty; "d" cells (ISO 8601) are dates or date-times.
Result<std::vector<Row>> ReadXlsx(std::string_view bytes, const ReadLimits& limits = {});

// Reads the first worksheet of an Excel 97–2003 .xls (BIFF5/BIFF8) through FreeXL, with the
// same limits and the same cell types as ReadXlsx (FreeXL applies the date formats and the date
// system). A file over the limits is refused before its cells are loaded; an encrypted or
// corrupt file gets a clear error.
Result<std::vector<Row>> ReadXls(std::string_view bytes, const ReadLimits& limits = {});

// FreeXL parses untrusted binary files in C: once a helper program is named (the server names
// itself), ReadSpreadsheet reads .xls in a child process, `PROGRAM read-xls FILE`, so that a
// fault in FreeXL ends the child and the import fails with a clear error, not the server.
void UseXlsHelper(std::string program);
std::string XlsHelper();
Result<std::vector<Row>> ReadXlsInChild(const std::string& program, std::string_view bytes,
                                        const ReadLimits& limits = {});
// The child's answer on its standard output, and reading it back (an error as its message).
std::string EncodeRows(const Result<std::vector<Row>>& rows);
Result<std::vector<Row>> DecodeRows(std::string_view encoded);

// CSV, RFC 4180, UTF-8 with a BOM (so Excel in China opens it correctly), CRLF line ends;
// quote a cell when it contains , " CR or LF; also prefix a cell that starts with = + - @ (or a
// tab / CR) with a single quote ' to block formula injection when opened in a spreadsheet.
std::string WriteCsv(const std::vector<Row>& rows);

// Reads CSV bytes in the encodings spreadsheet programs save: UTF-8 with or without a BOM,
// UTF-16 (little or big endian) with a BOM, and otherwise GB18030 (which contains GBK, Excel's
// "CSV" on Chinese Windows); text that is none of them is refused naming the line. A file whose
// first line has tabs and no commas is tab-separated (Excel's "Unicode text"). Accepts CRLF or
// LF, quoted cells with "" escapes and embedded newlines; enforces max_bytes/max_rows/max_columns.
// Every cell is a text cell.
// A row whose cells are all empty (e.g. a blank line) is an empty Row; trailing ones are dropped.
// The ' that WriteCsv puts before = + - @ is removed again, so exported ledgers re-import
// unchanged.
Result<std::vector<Row>> ReadCsv(std::string_view bytes, const ReadLimits& limits = {});

// Detects the format from content: "xlsx" when bytes start with the zip signature PK\x03\x04,
// "xls" for an OLE2 compound document (D0 CF 11 E0 …), otherwise "csv".
std::string_view DetectFormat(std::string_view bytes);

// The one entry for imports: reads bytes as format ("xlsx", "xls", "csv", or empty to detect
// it from the content). An unknown format is an error naming the "format" field.
Result<std::vector<Row>> ReadSpreadsheet(std::string_view bytes, std::string_view format,
                                         const ReadLimits& limits = {});

}  // namespace xiaoan::office
