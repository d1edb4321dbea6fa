#pragma once
// One data row of a traffic registry's spreadsheet, read by column name: the texts, the yes/no
// columns, the whole numbers, and what is wrong with them named by column and row (the school-bus
// and the campus lists share it).
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::domain::traffic {

// A data row as read: its 1-based row number in the file and its cells (every column).
struct SheetRow {
  int row = 0;
  std::vector<std::string> cells;
};

class SheetRowReader {
 public:
  SheetRowReader(const std::vector<std::string>& columns, const SheetRow& row)
      : columns_(columns), row_(row) {}
  // The cell under `column` ("" past the row's end or for a column the list lacks).
  std::string Text(std::string_view column) const;
  // 是/有/Y/y/1 true; empty, 否/无/N/n/0 false; anything else a problem (须为 是 或 否).
  bool Flag(std::string_view column);
  // A whole number; `empty_value` for an empty cell or one that is not (a problem: 须为整数).
  int Number(std::string_view column, int empty_value);
  void Fail(std::string_view column, std::string reason);
  std::vector<ErrorDetail>& problems() { return problems_; }

 private:
  const std::vector<std::string>& columns_;
  const SheetRow& row_;
  std::vector<ErrorDetail> problems_;
};

}  // namespace xiaoan::domain::traffic
