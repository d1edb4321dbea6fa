#include "domain/traffic/bus_registry.hpp"

#include "core/strings.hpp"

namespace xiaoan::domain::traffic {

namespace {

void CheckText(std::vector<ErrorDetail>& out, const char* field, const std::string& value,
               const char* what, std::size_t max, bool required) {
  if (const auto problem = TextProblem(value); !problem.empty()) {
    out.push_back({field, std::string(what) + problem});
  } else if (required && IsBlank(value)) {
    out.push_back({field, std::string("请填写") + what});
  } else if (Utf8Length(value).value_or(0) > max) {
    out.push_back({field, std::string(what) + "不能超过 " + std::to_string(max) + " 个字"});
  }
}

void CheckMeta(std::vector<ErrorDetail>& out, const BusRecordMeta& m) {
  CheckText(out, "note", m.note, "备注", kMaxBusNoteChars, false);
}

// An optional date (empty: not recorded); `past` refuses one after today.
void CheckDate(std::vector<ErrorDetail>& out, const char* field, const std::string& value,
               const char* what, bool required, const calendar::Date* past) {
  if (value.empty()) {
    if (required) out.push_back({field, std::string("请填写") + what});
    return;
  }
  const auto d = calendar::ParseDate(value);
  if (!d || calendar::YearOf(*d) < 1900 || calendar::YearOf(*d) > 2100) {
    out.push_back({field, std::string(what) + "须为 YYYY-MM-DD 格式的日期"});
  } else if (past && *d > *past) {
    out.push_back({field, std::string(what) + "不能晚于今天"});
  }
}

bool IsClock(const std::string& t) {
  if (t.size() != 5 || t[2] != ':') return false;
  for (const std::size_t i : {0U, 1U, 3U, 4U}) {
    if (t[i] < '0' || t[i] > '9') return false;
  }
  const int h = (t[0] - '0') * 10 + (t[1] - '0');
  const int m = (t[3] - '0') * 10 + (t[4] - '0');
  return h < 24 && m < 60;
}

std::optional<calendar::Date> DateOf(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return calendar::ParseDate(text);
}

}  // namespace

std::vector<ErrorDetail> CheckProvider(const BusProvider& p) {
  std::vector<ErrorDetail> out;
  CheckText(out, "name", p.name, "单位名称", kMaxBusNameChars, true);
  CheckText(out, "licence_no", p.licence_no, "道路运输经营许可证号", kMaxBusNameChars, false);
  CheckDate(out, "licence_until", p.licence_until, "许可证有效期", false, nullptr);
  CheckDate(out, "contract_until", p.contract_until, "合同到期日", false, nullptr);
  CheckText(out, "contact", p.contact, "联系人及电话", kMaxBusNameChars, false);
  CheckMeta(out, p.meta);
  return out;
}

std::vector<ErrorDetail> CheckVehicle(const BusVehicle& v, calendar::Date today) {
  std::vector<ErrorDetail> out;
  if (IsBlank(v.plate)) {
    out.push_back({"plate", "请填写车牌号"});
  } else if (!NormalizePlate(v.plate)) {
    out.push_back({"plate", "车牌号须为省份简称、字母和 5 到 6 位字母或数字，如 浙A12345"});
  }
  if (v.seats < 1 || v.seats > kMaxBusSeats) {
    out.push_back({"seats", "核定载人数须为 1 到 " + std::to_string(kMaxBusSeats) + " 之间的整数"});
  }
  CheckText(out, "permit_no", v.permit_no, "校车标牌号", kMaxBusNameChars, false);
  CheckDate(out, "permit_until", v.permit_until, "校车标牌有效期", false, nullptr);
  CheckDate(out, "inspected_on", v.inspected_on, "最近安全技术检验日期", false, &today);
  CheckDate(out, "insurance_until", v.insurance_until, "承运人责任险到期日", false, nullptr);
  CheckMeta(out, v.meta);
  return out;
}

std::vector<ErrorDetail> CheckDriver(const BusDriver& d, calendar::Date today) {
  std::vector<ErrorDetail> out;
  CheckText(out, "name", d.name, "姓名", kMaxBusNameChars, true);
  CheckDate(out, "birth", d.birth, "出生日期", true, &today);
  if (d.licence_class.empty()) {
    out.push_back({"licence_class", "请填写准驾车型"});
  } else if (!NormalizeLicenceClass(d.licence_class)) {
    out.push_back({"licence_class", "准驾车型须为 A1、A2、A3、B1、B2 或 C1"});
  }
  CheckDate(out, "licence_since", d.licence_since, "初次领证日期", false, &today);
  if (const auto birth = DateOf(d.birth), since = DateOf(d.licence_since);
      birth && since && *since < *birth) {
    out.push_back({"licence_since", "初次领证日期不能早于出生日期"});
  }
  CheckDate(out, "health_checked_on", d.health_checked_on, "最近体检日期", false, &today);
  CheckMeta(out, d.meta);
  return out;
}

std::vector<ErrorDetail> CheckMonitor(const BusMonitor& m, calendar::Date today) {
  std::vector<ErrorDetail> out;
  CheckText(out, "name", m.name, "姓名", kMaxBusNameChars, true);
  CheckDate(out, "trained_on", m.trained_on, "安全培训日期", false, &today);
  CheckMeta(out, m.meta);
  return out;
}

std::vector<ErrorDetail> CheckRoute(const BusRoute& r) {
  std::vector<ErrorDetail> out;
  CheckText(out, "name", r.name, "线路名称", kMaxBusNameChars, true);
  CheckText(out, "stops", r.stops, "站点", kMaxBusTextChars, false);
  if (!r.leave_at.empty() && !IsClock(r.leave_at)) {
    out.push_back({"leave_at", "早上发车时间须为 HH:MM"});
  }
  if (!r.return_at.empty() && !IsClock(r.return_at)) {
    out.push_back({"return_at", "下午发车时间须为 HH:MM"});
  }
  if (r.riders < 0 || r.riders > kMaxRiders) {
    out.push_back({"riders", "乘车学生数须为 0 到 " + std::to_string(kMaxRiders) + " 之间的整数"});
  }
  CheckMeta(out, r.meta);
  return out;
}

std::vector<ErrorDetail> CheckOuting(const BusOuting& o) {
  std::vector<ErrorDetail> out;
  CheckText(out, "purpose", o.purpose, "出行事由", kMaxBusNameChars, true);
  CheckText(out, "destination", o.destination, "目的地", kMaxBusTextChars, true);
  CheckDate(out, "date", o.date, "出行日期", true, nullptr);
  const bool leave = IsClock(o.leave_at);
  const bool back = IsClock(o.return_at);
  if (!o.leave_at.empty() && !leave) out.push_back({"leave_at", "出发时间须为 HH:MM"});
  if (!o.return_at.empty() && !back) out.push_back({"return_at", "返回时间须为 HH:MM"});
  if (leave && back && o.return_at <= o.leave_at) {
    out.push_back({"return_at", "返回时间须晚于出发时间"});
  }
  if (o.riders < 0 || o.riders > kMaxRiders) {
    out.push_back({"riders", "乘车学生数须为 0 到 " + std::to_string(kMaxRiders) + " 之间的整数"});
  }
  if (!o.vehicle_id) out.push_back({"vehicle_id", "请选择出行车辆"});
  if (!o.driver_id) out.push_back({"driver_id", "请选择驾驶人"});
  CheckMeta(out, o.meta);
  return out;
}

DriverFacts FactsOf(const BusDriver& d) {
  DriverFacts f;
  f.birth = DateOf(d.birth).value_or(calendar::Date{});
  f.licence_class = NormalizeLicenceClass(d.licence_class).value_or(d.licence_class);
  f.licence_since = DateOf(d.licence_since);
  f.bus_endorsement = d.bus_endorsement;
  f.full_points_in_3_cycles = d.full_points_in_3_cycles;
  f.fatal_accident_responsibility = d.fatal_accident_responsibility;
  f.drink_driving = d.drink_driving;
  f.overload_or_speeding_last_year = d.overload_or_speeding_last_year;
  f.criminal_record = d.criminal_record;
  f.health_checked_on = DateOf(d.health_checked_on);
  return f;
}

VehicleFacts FactsOf(const BusVehicle& v) {
  VehicleFacts f;
  f.seats = v.seats;
  f.permit_until = DateOf(v.permit_until);
  f.inspected_on = DateOf(v.inspected_on);
  return f;
}

}  // namespace xiaoan::domain::traffic
