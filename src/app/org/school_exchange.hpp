#pragma once
// Schools in and out of Excel (.xlsx) and CSV, in the column layout of a Chinese school roster.
#include <string>
#include <vector>

#include "app/context.hpp"

namespace xiaoan::app {

struct ImportOptions {
  std::string format;            // "xlsx" | "xls" | "csv" | "" (detect from content)
  bool update_existing = false;  // rows whose 学校代码 exists update that school
  bool all_or_nothing = true;    // any failed row → nothing is written
};

struct ImportRowError {
  int row = 0;  // spreadsheet row number (the header is row 1)
  std::string column;
  std::string reason;
};

struct ImportReport {
  int rows = 0;
  int created = 0;
  int updated = 0;
  int removed = 0;  // entries an import that replaces lists took away
  int failed = 0;
  bool applied = false;  // false when all-or-nothing refused the file
  std::vector<ImportRowError> errors;
};
// An all-or-nothing import refused for its problems: each on the report by row (in the order
// found within a row), the rows that failed counted, nothing counted as written.
void RefuseImport(ImportReport& report, std::vector<ErrorDetail> problems);

// The header row of the template and the export.
const std::vector<std::string>& SchoolColumns();
Result<std::string> SchoolTemplate(const std::string& format);
Result<std::string> ExportSchools(Services& s, const RequestContext& ctx,
                                  const domain::SchoolFilter& filter, const std::string& format);
Result<ImportReport> ImportSchools(Services& s, const RequestContext& ctx, std::string_view bytes,
                                   const ImportOptions& options);

}  // namespace xiaoan::app
