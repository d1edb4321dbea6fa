#include "domain/traffic/bus_sheet.hpp"

#include <algorithm>

#include "core/strings.hpp"

namespace xiaoan::domain::traffic {

namespace {

const std::vector<std::string> kProviderColumns = {
    "学校代码",       "学校名称",   "单位名称",     "道路运输经营许可证号",
    "许可证有效期至", "合同到期日", "联系人及电话", "备注"};
const std::vector<std::string> kVehicleColumns = {
    "学校代码",         "学校名称",   "车牌号",       "核定载人数",
    "校车服务单位",     "校车标牌号", "标牌有效期至", "最近安全技术检验",
    "承运人责任险到期", "卫星定位",   "租用车辆",     "备注"};
const std::vector<std::string> kDriverColumns = {
    "学校代码",       "学校名称",          "姓名",
    "出生日期",       "准驾车型",          "初次领证日期",
    "校车签注",       "3个记分周期内满分", "致人死亡或重伤事故责任",
    "饮酒或醉酒驾驶", "1年内客运超员超速", "犯罪记录",
    "最近体检日期",   "校车服务单位",      "备注"};
const std::vector<std::string> kMonitorColumns = {"学校代码", "学校名称", "姓名", "安全培训日期",
                                                  "备注"};
const std::vector<std::string> kRouteColumns = {"学校代码", "学校名称", "线路名称", "站点",
                                                "早上发车", "下午发车", "乘车学生", "车牌号",
                                                "驾驶人",   "照管人员", "备注"};

std::string YesNo(bool b) { return b ? "是" : "否"; }

}  // namespace

std::optional<BusList> BusListOf(std::string_view code) {
  if (code == "providers") return BusList::kProviders;
  if (code == "vehicles") return BusList::kVehicles;
  if (code == "drivers") return BusList::kDrivers;
  if (code == "monitors") return BusList::kMonitors;
  if (code == "routes") return BusList::kRoutes;
  return std::nullopt;
}

std::string_view BusListLabel(BusList list) {
  switch (list) {
    case BusList::kProviders:
      return "校车服务单位";
    case BusList::kVehicles:
      return "校车";
    case BusList::kDrivers:
      return "校车驾驶人";
    case BusList::kMonitors:
      return "照管人员";
    case BusList::kRoutes:
      return "校车线路";
  }
  return "";
}

const std::vector<std::string>& BusColumns(BusList list) {
  switch (list) {
    case BusList::kProviders:
      return kProviderColumns;
    case BusList::kVehicles:
      return kVehicleColumns;
    case BusList::kDrivers:
      return kDriverColumns;
    case BusList::kMonitors:
      return kMonitorColumns;
    case BusList::kRoutes:
      break;
  }
  return kRouteColumns;
}

bool BusDateColumn(BusList list, std::size_t col) {
  const auto& columns = BusColumns(list);
  if (col >= columns.size()) return false;
  const auto& c = columns[col];
  return c == "许可证有效期至" || c == "合同到期日" || c == "标牌有效期至" ||
         c == "最近安全技术检验" || c == "承运人责任险到期" || c == "出生日期" ||
         c == "初次领证日期" || c == "最近体检日期" || c == "安全培训日期";
}

std::vector<std::pair<std::string, std::string>> BusColumnNotes(BusList list) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"学校代码", "必填，学校名册中的学校代码"}, {"学校名称", "仅供核对，导入时不读取"}};
  const auto date = std::string("日期，如 2026-11-20");
  switch (list) {
    case BusList::kProviders:
      out.insert(out.end(), {{"单位名称", "必填；同一学校已有同名单位的，更新该单位"},
                             {"许可证有效期至", date},
                             {"合同到期日", date}});
      break;
    case BusList::kVehicles:
      out.insert(out.end(), {{"车牌号", "必填，如 浙A12345；同一学校已有该车牌的，更新该车辆"},
                             {"核定载人数", "必填，1 到 80"},
                             {"校车服务单位", "本校已登记的服务单位名称，可留空"},
                             {"标牌有效期至", date},
                             {"最近安全技术检验", date + "，不能晚于今天"},
                             {"卫星定位", "是 或 否"},
                             {"租用车辆", "是 或 否（春秋游等临时租用的车辆）"}});
      break;
    case BusList::kDrivers:
      out.insert(out.end(), {{"姓名", "必填；同一学校同名且出生日期相同的，更新该驾驶人"},
                             {"出生日期", "必填，" + date},
                             {"准驾车型", "必填，A1、A2、A3、B1、B2 或 C1"},
                             {"初次领证日期", date},
                             {"校车签注", "是 或 否"},
                             {"3个记分周期内满分", "是 或 否，背景审查结果"},
                             {"最近体检日期", date + "，不能晚于今天"}});
      break;
    case BusList::kMonitors:
      out.insert(out.end(), {{"姓名", "必填；同一学校已有同名的，更新该照管人员"},
                             {"安全培训日期", date + "，不能晚于今天"}});
      break;
    case BusList::kRoutes:
      out.insert(out.end(), {{"线路名称", "必填；同一学校已有同名线路的，更新该线路"},
                             {"早上发车", "如 07:05"},
                             {"乘车学生", "0 到 200"},
                             {"车牌号", "本校已登记的车辆；车辆或驾驶人不合格的线路不能导入"},
                             {"驾驶人", "本校已登记的驾驶人姓名"},
                             {"照管人员", "本校已登记的照管人员姓名"}});
      break;
  }
  out.emplace_back("说明", "整个文件校验通过才写入；有错误的行逐行列出，不写入任何数据");
  return out;
}

std::vector<std::string> BusCells(const BusProvider& p) {
  return {p.name, p.licence_no, p.licence_until, p.contract_until, p.contact, p.meta.note};
}
std::vector<std::string> BusCells(const BusVehicle& v) {
  return {v.plate,        std::to_string(v.seats), v.provider_name, v.permit_no,     v.permit_until,
          v.inspected_on, v.insurance_until,       YesNo(v.gps),    YesNo(v.rented), v.meta.note};
}
std::vector<std::string> BusCells(const BusDriver& d) {
  return {d.name,
          d.birth,
          d.licence_class,
          d.licence_since,
          YesNo(d.bus_endorsement),
          YesNo(d.full_points_in_3_cycles),
          YesNo(d.fatal_accident_responsibility),
          YesNo(d.drink_driving),
          YesNo(d.overload_or_speeding_last_year),
          YesNo(d.criminal_record),
          d.health_checked_on,
          d.provider_name,
          d.meta.note};
}
std::vector<std::string> BusCells(const BusMonitor& m) {
  return {m.name, m.trained_on, m.meta.note};
}
std::vector<std::string> BusCells(const BusRoute& r) {
  return {r.name,          r.stops,       r.leave_at,     r.return_at, std::to_string(r.riders),
          r.vehicle_plate, r.driver_name, r.monitor_name, r.meta.note};
}

Result<BusRowRecord> ParseBusRow(BusList list, const BusSheetRow& row) {
  SheetRowReader in(BusColumns(list), row);
  BusRowRecord out;
  out.row = row.row;
  out.school_code = in.Text("学校代码");
  if (out.school_code.empty()) in.Fail("学校代码", "请填写学校代码");
  const auto note = in.Text("备注");
  switch (list) {
    case BusList::kProviders: {
      auto& p = out.provider;
      p.name = in.Text("单位名称");
      p.licence_no = in.Text("道路运输经营许可证号");
      p.licence_until = in.Text("许可证有效期至");
      p.contract_until = in.Text("合同到期日");
      p.contact = in.Text("联系人及电话");
      p.meta.note = note;
      break;
    }
    case BusList::kVehicles: {
      auto& v = out.vehicle;
      v.plate = NormalizePlate(in.Text("车牌号")).value_or(in.Text("车牌号"));
      v.seats = in.Number("核定载人数", 0);
      out.provider_name = in.Text("校车服务单位");
      v.permit_no = in.Text("校车标牌号");
      v.permit_until = in.Text("标牌有效期至");
      v.inspected_on = in.Text("最近安全技术检验");
      v.insurance_until = in.Text("承运人责任险到期");
      v.gps = in.Flag("卫星定位");
      v.rented = in.Flag("租用车辆");
      v.meta.note = note;
      break;
    }
    case BusList::kDrivers: {
      auto& d = out.driver;
      d.name = in.Text("姓名");
      d.birth = in.Text("出生日期");
      d.licence_class = NormalizeLicenceClass(in.Text("准驾车型")).value_or(in.Text("准驾车型"));
      d.licence_since = in.Text("初次领证日期");
      d.bus_endorsement = in.Flag("校车签注");
      d.full_points_in_3_cycles = in.Flag("3个记分周期内满分");
      d.fatal_accident_responsibility = in.Flag("致人死亡或重伤事故责任");
      d.drink_driving = in.Flag("饮酒或醉酒驾驶");
      d.overload_or_speeding_last_year = in.Flag("1年内客运超员超速");
      d.criminal_record = in.Flag("犯罪记录");
      d.health_checked_on = in.Text("最近体检日期");
      out.provider_name = in.Text("校车服务单位");
      d.meta.note = note;
      break;
    }
    case BusList::kMonitors: {
      out.monitor.name = in.Text("姓名");
      out.monitor.trained_on = in.Text("安全培训日期");
      out.monitor.meta.note = note;
      break;
    }
    case BusList::kRoutes: {
      auto& r = out.route;
      r.name = in.Text("线路名称");
      r.stops = in.Text("站点");
      r.leave_at = in.Text("早上发车");
      r.return_at = in.Text("下午发车");
      r.riders = in.Number("乘车学生", 0);
      out.vehicle_plate = NormalizePlate(in.Text("车牌号")).value_or(in.Text("车牌号"));
      out.driver_name = in.Text("驾驶人");
      out.monitor_name = in.Text("照管人员");
      r.meta.note = note;
      break;
    }
  }
  if (!in.problems().empty()) {
    return Error{ErrorCode::kInvalidArgument, "数据行有误", std::move(in.problems())};
  }
  return out;
}

std::string BusColumnOf(BusList list, std::string_view field) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kShared = {
      {"note", "备注"}, {"unit_id", "学校代码"}, {"provider_id", "校车服务单位"}};
  for (const auto& [f, c] : kShared) {
    if (f == field) return std::string(c);
  }
  std::vector<std::pair<std::string_view, std::string_view>> own;
  switch (list) {
    case BusList::kProviders:
      own = {{"name", "单位名称"},
             {"licence_no", "道路运输经营许可证号"},
             {"licence_until", "许可证有效期至"},
             {"contract_until", "合同到期日"},
             {"contact", "联系人及电话"}};
      break;
    case BusList::kVehicles:
      own = {{"plate", "车牌号"},
             {"seats", "核定载人数"},
             {"permit_no", "校车标牌号"},
             {"permit_until", "标牌有效期至"},
             {"inspected_on", "最近安全技术检验"},
             {"insurance_until", "承运人责任险到期"}};
      break;
    case BusList::kDrivers:
      own = {{"name", "姓名"},
             {"birth", "出生日期"},
             {"licence_class", "准驾车型"},
             {"licence_since", "初次领证日期"},
             {"health_checked_on", "最近体检日期"}};
      break;
    case BusList::kMonitors:
      own = {{"name", "姓名"}, {"trained_on", "安全培训日期"}};
      break;
    case BusList::kRoutes:
      own = {{"name", "线路名称"},      {"stops", "站点"},         {"leave_at", "早上发车"},
             {"return_at", "下午发车"}, {"riders", "乘车学生"},    {"vehicle_id", "车牌号"},
             {"driver_id", "驾驶人"},   {"monitor_id", "照管人员"}};
      break;
  }
  for (const auto& [f, c] : own) {
    if (f == field) return std::string(c);
  }
  return std::string(field);
}

std::string BusKey(const BusProvider& p) { return p.name; }
std::string BusKey(const BusVehicle& v) { return v.plate; }
std::string BusKey(const BusDriver& d) { return d.name + "|" + d.birth; }
std::string BusKey(const BusMonitor& m) { return m.name; }
std::string BusKey(const BusRoute& r) { return r.name; }

}  // namespace xiaoan::domain::traffic
