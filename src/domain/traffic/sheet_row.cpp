#include "domain/traffic/sheet_row.hpp"

#include <algorithm>
#include <charconv>

namespace xiaoan::domain::traffic {

std::string SheetRowReader::Text(std::string_view column) const {
  const auto it = std::find(columns_.begin(), columns_.end(), column);
  const auto i = static_cast<std::size_t>(it - columns_.begin());
  return i < row_.cells.size() ? row_.cells[i] : std::string();
}

bool SheetRowReader::Flag(std::string_view column) {
  const auto t = Text(column);
  if (t.empty() || t == "否" || t == "无" || t == "N" || t == "n" || t == "0") return false;
  if (t == "是" || t == "有" || t == "Y" || t == "y" || t == "1") return true;
  Fail(column, "须为 是 或 否");
  return false;
}

int SheetRowReader::Number(std::string_view column, int empty_value) {
  const auto t = Text(column);
  if (t.empty()) return empty_value;
  int v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size()) {
    Fail(column, "须为整数");
    return empty_value;
  }
  return v;
}

void SheetRowReader::Fail(std::string_view column, std::string reason) {
  problems_.push_back({std::string(column), std::move(reason), row_.row});
}

}  // namespace xiaoan::domain::traffic
