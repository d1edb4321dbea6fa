#include "domain/traffic/campus.hpp"

#include <algorithm>

#include "domain/traffic/guide.hpp"

namespace xiaoan::domain::traffic {

namespace {

using rules::Outcome;

constexpr int kDayMinutes = 24 * 60;

std::string Clock(int minute) {
  const int h = minute / 60;
  const int m = minute % 60;
  std::string out;
  out += static_cast<char>('0' + h / 10);
  out += static_cast<char>('0' + h % 10);
  out += ':';
  out += static_cast<char>('0' + m / 10);
  out += static_cast<char>('0' + m % 10);
  return out;
}

bool InWindow(int minute, int from, int to) {
  if (from < to) return minute >= from && minute < to;
  return minute >= from || minute < to;  // across midnight
}

}  // namespace

std::optional<VehicleClass> ParseVehicleClass(std::string_view code) {
  if (code == "staff") return VehicleClass::kStaff;
  if (code == "service") return VehicleClass::kService;
  if (code == "visitor") return VehicleClass::kVisitor;
  return std::nullopt;
}

std::string_view VehicleClassCode(VehicleClass c) {
  switch (c) {
    case VehicleClass::kStaff:
      return "staff";
    case VehicleClass::kService:
      return "service";
    case VehicleClass::kVisitor:
      return "visitor";
  }
  return "staff";
}

std::string_view VehicleClassLabel(VehicleClass c) {
  switch (c) {
    case VehicleClass::kStaff:
      return "教职工车辆";
    case VehicleClass::kService:
      return "服务车辆";
    case VehicleClass::kVisitor:
      return "访客车辆";
  }
  return "教职工车辆";
}

EntryDecision MayEnter(const CampusVehicle& v, std::string_view gate, calendar::Date day,
                       int minute) {
  const std::string what(VehicleClassLabel(v.cls));
  if (!v.active) return {false, what + "已停用"};
  if (v.valid_from && day < *v.valid_from) {
    return {false, what + "自 " + calendar::FormatDate(*v.valid_from) + " 起有效"};
  }
  if (v.valid_until && day > *v.valid_until) {
    return {false, what + "已于 " + calendar::FormatDate(*v.valid_until) + " 到期"};
  }
  if (!v.gates.empty() && std::find(v.gates.begin(), v.gates.end(), gate) == v.gates.end()) {
    std::string allowed;
    for (const auto& g : v.gates) allowed += (allowed.empty() ? "" : "、") + g;
    return {false, what + "只能走" + allowed};
  }
  if (v.from_minute && v.to_minute && !InWindow(minute, *v.from_minute, *v.to_minute)) {
    return {false, what + "只能在 " + Clock(*v.from_minute) + "—" + Clock(*v.to_minute) + " 进入"};
  }
  return {true, what + "准许进入"};
}

std::vector<ErrorDetail> CheckCampusVehicle(const CampusVehicle& v) {
  std::vector<ErrorDetail> out;
  if (v.from_minute.has_value() != v.to_minute.has_value()) {
    out.push_back({v.from_minute ? "to" : "from", "准入时段须同时填写开始和结束时间"});
  }
  for (const auto& [field, m] : {std::pair{"from", v.from_minute}, std::pair{"to", v.to_minute}}) {
    if (m && (*m < 0 || *m >= kDayMinutes)) out.push_back({field, "时间须在 00:00 到 23:59 之间"});
  }
  if (v.from_minute && v.to_minute && *v.from_minute == *v.to_minute) {
    out.push_back({"to", "结束时间不能等于开始时间"});
  }
  if (v.valid_from && v.valid_until && *v.valid_until < *v.valid_from) {
    out.push_back({"valid_until", "有效期结束不能早于开始"});
  }
  if (v.cls == VehicleClass::kVisitor) {
    if (!v.valid_until) {
      out.push_back({"valid_until", "访客车辆须填写有效期的最后一天"});
    } else if (v.valid_from && (*v.valid_until - *v.valid_from).count() >= kMaxVisitorDays) {
      out.push_back(
          {"valid_until", "访客车辆的有效期不能超过 " + std::to_string(kMaxVisitorDays) + " 天"});
    }
  }
  return out;
}

std::span<const rules::RuleDecl> CampusRuleDecls() {
  static const std::vector<rules::RuleDecl> kRules = {
      {"traffic.ebike",
       1,
       14,
       "进校电动自行车已登记、有号牌、未改装",
       "ebike",
       rules::Period::kRecord,
       "规范落实年方案措施 14：严禁无牌、改装电动自行车进入校园；进入校园的电动自行车登记造册，"
       "发放校内牌照",
       {},
       {}},
      GuideRule(),
  };
  return kRules;
}

rules::Verdict JudgeEbike(const EbikeFacts& e) {
  std::vector<std::string> problems;
  if (!e.licence_plate) problems.emplace_back("无号牌");
  if (e.checked && e.modified) problems.emplace_back("已改装");
  if (!e.campus_plate) problems.emplace_back("未发放校内牌照");
  if (!problems.empty()) {
    std::string reason;
    for (const auto& p : problems) reason += (reason.empty() ? "" : "，") + p;
    return {Outcome::kFail, reason, {}};
  }
  if (!e.checked) return {Outcome::kDue, "尚未做改装检查", {}};
  return {Outcome::kPass, "有号牌和校内牌照，已检查未改装", {}};
}

EntryDecision MayEnter(const EbikeFacts& e) {
  const auto v = JudgeEbike(e);
  if (v.outcome == Outcome::kPass) return {true, "电动自行车准许进入"};
  return {false, "电动自行车不得进入：" + v.reason};
}

}  // namespace xiaoan::domain::traffic
