// A checklist template's items as spreadsheet rows, out and in.
#include <charconv>
#include <cmath>

#include "domain/checklist/checklist.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::domain::checklist {
namespace {

enum Column { kKey, kText, kDomain, kPlace, kAnswer, kMin, kMax, kUnit, kPhoto, kLevel, kBasis };

constexpr const char* kWholeSchool = "全校";

std::string Number(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *v);
  return ec == std::errc() ? std::string(buf, end) : "";
}

std::optional<double> ParseNumber(const std::string& text, bool& ok) {
  ok = true;
  if (text.empty()) return std::nullopt;
  double v = 0;
  const auto* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || p != end || !std::isfinite(v)) {
    ok = false;
    return std::nullopt;
  }
  return v;
}

// "items[3].text" → the item's index (3) and field ("text"); nothing for other fields.
std::optional<std::pair<std::size_t, std::string>> ItemField(const std::string& field) {
  if (field.rfind("items[", 0) != 0) return std::nullopt;
  const auto close = field.find(']');
  if (close == std::string::npos || field.compare(close, 2, "].") != 0) return std::nullopt;
  std::size_t index = 0;
  const auto [p, ec] = std::from_chars(field.data() + 6, field.data() + close, index);
  if (ec != std::errc() || p != field.data() + close) return std::nullopt;
  return std::pair{index, field.substr(close + 2)};
}

std::string ColumnOfField(const std::string& field) {
  static const std::pair<const char*, Column> kFields[] = {{"key", kKey},
                                                           {"text", kText},
                                                           {"domain", kDomain},
                                                           {"place_kind", kPlace},
                                                           {"answer", kAnswer},
                                                           {"min", kMin},
                                                           {"max", kMax},
                                                           {"unit", kUnit},
                                                           {"photo_required", kPhoto},
                                                           {"failure_level", kLevel},
                                                           {"basis", kBasis}};
  for (const auto& [name, column] : kFields) {
    if (field == name) return ItemColumns()[column];
  }
  return field;
}

}  // namespace

const std::vector<std::string>& ItemColumns() {
  static const std::vector<std::string> kColumns = {
      "编号", "检查内容", "隐患类别", "检查部位",         "回答方式", "下限",
      "上限", "单位",     "须拍照",   "不合格时隐患等级", "依据"};
  return kColumns;
}

std::vector<std::string> ItemRow(const Item& item) {
  return {item.key,
          item.text,
          std::string(LabelOf(hazard::Domains(), item.domain)),
          item.place_kind ? std::string(LabelOf(KeyPlaceKinds(), *item.place_kind)) : kWholeSchool,
          std::string(LabelOf(AnswerKinds(), item.answer)),
          Number(item.min),
          Number(item.max),
          item.unit,
          item.photo_required ? "是" : "否",
          std::string(LabelOf(hazard::Levels(), item.failure_level)),
          item.basis};
}

SheetItems ItemsFromRows(const std::vector<std::vector<std::string>>& rows) {
  SheetItems out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& cells = rows[r];
    const int row = static_cast<int>(r) + 2;  // the header is row 1
    const auto cell = [&](Column c) -> std::string {
      return static_cast<std::size_t>(c) < cells.size() ? cells[c] : std::string();
    };
    bool blank = true;
    for (const auto& c : cells) blank = blank && c.empty();
    if (blank) continue;
    const auto bad = [&](Column c, std::string reason) {
      out.errors.push_back({ItemColumns()[c], std::move(reason), row});
    };
    Item item;
    item.key = cell(kKey);
    item.text = cell(kText);
    item.unit = cell(kUnit);
    item.basis = cell(kBasis);
    const auto enum_cell = [&](Column c, EnumTable table, std::string fallback) -> std::string {
      const std::string text = cell(c);
      if (text.empty()) return fallback;
      if (auto code = CodeFromText(table, text)) return *code;
      bad(c, "“" + text + "”不在可选范围内，可选：" + JoinLabels(table));
      return fallback;
    };
    item.domain = enum_cell(kDomain, hazard::Domains(), "");
    if (cell(kDomain).empty()) bad(kDomain, "请填写隐患类别");
    const std::string place = cell(kPlace);
    if (!place.empty() && place != kWholeSchool) {
      if (auto code = CodeFromText(KeyPlaceKinds(), place)) {
        item.place_kind = *code;
      } else {
        bad(kPlace, "“" + place + "”不是重点部位，可填“全校”或：" + JoinLabels(KeyPlaceKinds()));
      }
    }
    item.answer = enum_cell(kAnswer, AnswerKinds(), "pass_fail");
    item.failure_level = enum_cell(kLevel, hazard::Levels(), "general");
    bool ok = true;
    item.min = ParseNumber(cell(kMin), ok);
    if (!ok) bad(kMin, "须为数字");
    item.max = ParseNumber(cell(kMax), ok);
    if (!ok) bad(kMax, "须为数字");
    const std::string photo = cell(kPhoto);
    if (photo == "是") {
      item.photo_required = true;
    } else if (!photo.empty() && photo != "否") {
      bad(kPhoto, "须填“是”或“否”");
    }
    out.items.push_back(std::move(item));
    out.rows.push_back(row);
  }
  return out;
}

ErrorDetail SheetErrorOf(const ErrorDetail& e, const SheetItems& sheet) {
  const auto at = ItemField(e.field);
  if (!at || at->first >= sheet.rows.size()) return {e.field, e.reason, 0};
  return {ColumnOfField(at->second), e.reason, sheet.rows[at->first]};
}

}  // namespace xiaoan::domain::checklist
