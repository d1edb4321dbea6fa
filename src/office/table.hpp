#pragma once
// Exchange of ledgers (台账) as Excel (.xlsx) and CSV. Everything is UTF-8 text: the readers never
// interpret values beyond what is documented below, so callers validate columns themselves.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::office {

using Row = std::vector<std::string>;  // cells as UTF-8 text
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
};

// .xlsx bytes: one worksheet per Sheet; the header row bold with a light fill, frozen,
// column widths fitted to the content (CJK characters count double), every cell written as text
// (so codes like "0123" keep their leading zero).
// Sheet names are made valid for Excel (forbidden characters become '_', at most 31 characters,
// duplicates get a " (2)" suffix). Fails on invalid UTF-8, on a cell longer than Excel's 32767
// characters, or on more rows/columns than Excel allows.
Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets);

// Reads the FIRST worksheet of an .xlsx (as ordered in xl/workbook.xml) into rows of text.
// Rows end at their last non-empty cell, rows missing from the file are empty, trailing empty
// rows are dropped. Numbers keep the text Excel stored, except integer values ("12.0" -> "12");
// dates therefore arrive as Excel serial numbers. Booleans are "TRUE"/"FALSE", error cells empty.
Result<std::vector<Row>> ReadXlsx(std::string_view bytes, const ReadLimits& limits = {});

// CSV, RFC 4180, UTF-8 with a BOM (so Excel in China opens it correctly), CRLF line ends;
// quote a cell when it contains , " CR or LF; also prefix a cell that starts with = + - @ (or a
// tab / CR) with a single quote ' to block formula injection when opened in a spreadsheet.
std::string WriteCsv(const std::vector<Row>& rows);

// Reads CSV bytes: strips a UTF-8 BOM, accepts CRLF or LF, quoted cells with "" escapes and
// embedded newlines; rejects bytes that are not valid UTF-8 (error message says the file must be
// UTF-8, naming the line); enforces max_bytes/max_rows/max_columns.
// A row whose cells are all empty (e.g. a blank line) is an empty Row; trailing ones are dropped.
// The ' that WriteCsv puts before = + - @ is removed again, so exported ledgers re-import
// unchanged.
Result<std::vector<Row>> ReadCsv(std::string_view bytes, const ReadLimits& limits = {});

// Detects the format from content: "xlsx" when bytes start with the zip signature PK\x03\x04,
// otherwise "csv".
std::string_view DetectFormat(std::string_view bytes);

}  // namespace xiaoan::office
