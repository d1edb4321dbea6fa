#include "domain/traffic/campus_sheet.hpp"

#include <algorithm>

#include "core/strings.hpp"

namespace xiaoan::domain::traffic {

namespace {

const std::vector<std::string> kVehicleColumns = {
    "学校代码", "学校名称", "车辆类别",   "车牌号",     "车主或单位", "准入校门",
    "准入开始", "准入结束", "有效期开始", "有效期结束", "备注"};
const std::vector<std::string> kEbikeColumns = {"学校代码", "学校名称",     "车主",   "号牌",
                                                "校内牌照", "改装检查日期", "已改装", "备注"};

std::string YesNo(bool b) { return b ? "是" : "否"; }

// The gates as written in a cell: separated by 、 , ， ; ； or a new line; blanks dropped.
std::vector<std::string> SplitGates(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    const auto t = std::string(Trim(current));
    if (!t.empty()) out.push_back(t);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    bool cut = false;
    for (const std::string_view sep : {"、", "，", "；", ",", ";", "\n"}) {
      if (text.compare(i, sep.size(), sep) == 0) {
        flush();
        i += sep.size();
        cut = true;
        break;
      }
    }
    if (!cut) current += text[i++];
  }
  flush();
  return out;
}

}  // namespace

std::optional<CampusList> CampusListOf(std::string_view code) {
  if (code == "vehicles") return CampusList::kVehicles;
  if (code == "ebikes") return CampusList::kEbikes;
  return std::nullopt;
}

std::string_view CampusListLabel(CampusList list) {
  return list == CampusList::kVehicles ? "校内车辆" : "电动自行车";
}

const std::vector<std::string>& CampusColumns(CampusList list) {
  return list == CampusList::kVehicles ? kVehicleColumns : kEbikeColumns;
}

bool CampusDateColumn(CampusList list, std::size_t col) {
  const auto& columns = CampusColumns(list);
  if (col >= columns.size()) return false;
  const auto& c = columns[col];
  return c == "有效期开始" || c == "有效期结束" || c == "改装检查日期";
}

std::vector<std::pair<std::string, std::string>> CampusColumnNotes(CampusList list) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"学校代码", "必填，学校名册中的学校代码"}, {"学校名称", "仅供核对，导入时不读取"}};
  const auto date = std::string("日期，如 2026-11-20");
  if (list == CampusList::kVehicles) {
    out.insert(out.end(), {{"车辆类别", "必填，教职工车辆、服务车辆 或 访客车辆"},
                           {"车牌号", "必填，如 浙A12345；同一学校已有该车牌的，更新该车辆"},
                           {"车主或单位", "必填"},
                           {"准入校门", "可留空（所有校门）；多个校门用顿号隔开，如 南门、北门"},
                           {"准入开始", "如 06:30，与准入结束同时填写；留空为不限时段"},
                           {"准入结束", "如 20:00"},
                           {"有效期开始", date},
                           {"有效期结束", date + "；访客车辆必填，最长 31 天"}});
  } else {
    out.insert(out.end(), {{"车主", "必填；同一学校车主和号牌都相同的，更新该车"},
                           {"号牌", "公安机关登记的号牌，没有的留空（不得进校）"},
                           {"校内牌照", "学校发放的校内牌照号，同一学校不能重复"},
                           {"改装检查日期", date + "，不能晚于今天；未检查的留空"},
                           {"已改装", "是 或 否；须先填改装检查日期"}});
  }
  out.emplace_back("说明", "整个文件校验通过才写入；有错误的行逐行列出，不写入任何数据");
  return out;
}

std::vector<std::string> CampusCells(const CampusVehicleRecord& v) {
  const auto cls = ParseVehicleClass(v.vehicle_class);
  std::string gates;
  for (const auto& g : v.gates) gates += (gates.empty() ? "" : "、") + g;
  return {cls ? std::string(VehicleClassLabel(*cls)) : v.vehicle_class,
          v.plate,
          v.owner,
          gates,
          v.from,
          v.to,
          v.valid_from,
          v.valid_until,
          v.meta.note};
}

std::vector<std::string> CampusCells(const EbikeRecord& e) {
  return {e.owner, e.licence_plate, e.campus_plate, e.checked_on, YesNo(e.modified), e.meta.note};
}

Result<CampusRowRecord> ParseCampusRow(CampusList list, const CampusSheetRow& row) {
  SheetRowReader in(CampusColumns(list), row);
  CampusRowRecord out;
  out.row = row.row;
  out.school_code = in.Text("学校代码");
  if (out.school_code.empty()) in.Fail("学校代码", "请填写学校代码");
  const auto note = in.Text("备注");
  if (list == CampusList::kVehicles) {
    auto& v = out.vehicle;
    const auto label = in.Text("车辆类别");
    for (const auto c : {VehicleClass::kStaff, VehicleClass::kService, VehicleClass::kVisitor}) {
      if (label == VehicleClassLabel(c) || label == VehicleClassCode(c)) {
        v.vehicle_class = std::string(VehicleClassCode(c));
      }
    }
    if (v.vehicle_class.empty()) in.Fail("车辆类别", "须为 教职工车辆、服务车辆 或 访客车辆");
    v.plate = NormalizePlate(in.Text("车牌号")).value_or(in.Text("车牌号"));
    v.owner = in.Text("车主或单位");
    v.gates = SplitGates(in.Text("准入校门"));
    v.from = in.Text("准入开始");
    v.to = in.Text("准入结束");
    v.valid_from = in.Text("有效期开始");
    v.valid_until = in.Text("有效期结束");
    v.meta.note = note;
  } else {
    auto& e = out.ebike;
    e.owner = in.Text("车主");
    e.licence_plate = in.Text("号牌");
    e.campus_plate = in.Text("校内牌照");
    e.checked_on = in.Text("改装检查日期");
    e.modified = in.Flag("已改装");
    e.meta.note = note;
  }
  if (!in.problems().empty()) {
    return Error{ErrorCode::kInvalidArgument, "数据行有误", std::move(in.problems())};
  }
  return out;
}

std::string CampusColumnOf(CampusList list, std::string_view field) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kVehicle = {
      {"vehicle_class", "车辆类别"}, {"plate", "车牌号"},           {"owner", "车主或单位"},
      {"gates", "准入校门"},         {"from", "准入开始"},          {"to", "准入结束"},
      {"valid_from", "有效期开始"},  {"valid_until", "有效期结束"}, {"note", "备注"},
      {"unit_id", "学校代码"}};
  static const std::vector<std::pair<std::string_view, std::string_view>> kEbike = {
      {"owner", "车主"},
      {"licence_plate", "号牌"},
      {"campus_plate", "校内牌照"},
      {"checked_on", "改装检查日期"},
      {"modified", "已改装"},
      {"note", "备注"},
      {"unit_id", "学校代码"}};
  for (const auto& [f, c] : list == CampusList::kVehicles ? kVehicle : kEbike) {
    if (f == field) return std::string(c);
  }
  return std::string(field);
}

std::string CampusKey(const CampusVehicleRecord& v) { return v.plate; }
std::string CampusKey(const EbikeRecord& e) { return e.owner + "|" + e.licence_plate; }

}  // namespace xiaoan::domain::traffic
