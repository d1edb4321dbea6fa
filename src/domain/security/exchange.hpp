#pragma once
// Three lists of the security record in and out of a spreadsheet for many schools at once:
// guards (保安员), one-key alarms (一键报警) and 护学岗 posts, one row per entry with the school's
// code first. Pure: the rows read from the file, the entries per school they give, and where a
// problem of the record's checks sits on the sheet (docs/screening.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/security/indicators.hpp"

namespace xiaoan::domain::security {

enum class ListKind { kGuards, kAlarms, kPosts };

// "guards", "alarms" or "posts"; nothing for anything else.
std::optional<ListKind> ListKindOf(std::string_view code);
// The list's name in Chinese (保安员, 一键报警, 护学岗) and its key in the record ("guards" …).
std::string_view ListLabel(ListKind kind);
std::string_view ListKey(ListKind kind);

// The header row of the template and the export.
const std::vector<std::string>& ListColumns(ListKind kind);

// A row of the sheet as text (dates as YYYY-MM-DD where the cell was a date) with its number
// (the header is row 1).
struct ListRow {
  int row = 0;
  std::vector<std::string> cells;
};

// The entries of one school in the file, in the file's order, with the row of each.
struct SchoolList {
  std::string code;
  std::vector<int> rows;
  std::vector<Guard> guards;  // the one of the three the file is about is filled
  std::vector<Alarm> alarms;
  std::vector<GatePost> posts;
};

struct ParsedList {
  std::vector<SchoolList> schools;  // in the order each first appears
  std::vector<ErrorDetail> errors;  // field: the column's header; row: the sheet's row
};

// Reads the rows after the header: the school's code is required; 是/否 columns take 是, 否 (and
// Y/N, TRUE/FALSE, 1/0); dates take YYYY-MM-DD (also with / or .); 时段 takes 上学 or 放学
// (上学高峰, 早高峰, 放学高峰, 晚高峰, morning, afternoon); 人员类别 takes the kinds' names or
// codes separated by 、 , ， ; ； or spaces; 人数 a whole number. Blank rows are skipped.
ParsedList ParseList(ListKind kind, const std::vector<ListRow>& rows);

// The list `kind` of `data` replaced by `sent`: an entry sent keeps the id of a stored entry with
// the same key (a guard's name, an alarm's location, a post's gate and peak), each stored entry
// taken once; the counts of entries kept, new and removed.
struct Merge {
  int kept = 0;
  int added = 0;
  int removed = 0;
};
Merge ReplaceList(ListKind kind, SchoolSecurity& data, const SchoolList& sent);

// A problem of Validate() on a school's record after the replacement, on the sheet: an entry's
// field ("guards[2].name") becomes the row of that entry and the column's header; anything else
// keeps its field on row 0.
ErrorDetail RowErrorOf(ListKind kind, const SchoolList& sent, const ErrorDetail& e);

// The cells of each entry of the list, after the school's code and name.
std::vector<std::vector<std::string>> ListCells(ListKind kind, const SchoolSecurity& data);

}  // namespace xiaoan::domain::security
