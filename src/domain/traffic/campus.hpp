#pragma once
// Campus traffic (校内交通, measure 14): vehicles by class with the gates and hours they may use
// and their validity, and e-bikes kept out unless licensed, given a campus plate and checked
// for modification (rule traffic.ebike). Pure: the registry hands in what it holds, the gate asks
// whether a vehicle may enter now.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/calendar.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain::traffic {

// 教职工车辆, 服务车辆 (deliveries, canteen suppliers, maintenance), 访客车辆.
enum class VehicleClass { kStaff, kService, kVisitor };
std::optional<VehicleClass> ParseVehicleClass(std::string_view code);  // staff, service, visitor
std::string_view VehicleClassCode(VehicleClass c);
std::string_view VehicleClassLabel(VehicleClass c);

struct CampusVehicle {
  VehicleClass cls = VehicleClass::kStaff;
  std::vector<std::string> gates;  // the gates it may use; empty: every gate
  // The hours it may enter, minutes after midnight, from included, to excluded; none: any time.
  // A window across midnight (22:00–06:00) has from after to.
  std::optional<int> from_minute;
  std::optional<int> to_minute;
  std::optional<calendar::Date> valid_from;   // first day, included
  std::optional<calendar::Date> valid_until;  // last day, included
  bool active = true;
};

// Whether the vehicle may enter at `gate` on `day` at `minute` (after midnight, China time); the
// reason in Chinese either way.
struct EntryDecision {
  bool allowed = false;
  std::string reason;
};
EntryDecision MayEnter(const CampusVehicle& v, std::string_view gate, calendar::Date day,
                       int minute);

// A registration's problems, each naming its field: hours both or neither and within a day, the
// validity in order, a visitor's pass with its last day and at most `kMaxVisitorDays` long.
inline constexpr int kMaxVisitorDays = 31;
std::vector<ErrorDetail> CheckCampusVehicle(const CampusVehicle& v);

struct EbikeFacts {
  bool licence_plate = false;  // 公安机关登记的号牌
  bool campus_plate = false;   // 校内牌照
  bool checked = false;        // checked for modification (改装检查)
  bool modified = false;       // found modified (speed limiter removed, battery enlarged …)
};

// The module's rules: traffic.ebike (measure 14), per e-bike, and traffic.guide (measure 15,
// domain/traffic/guide), per school and semester.
std::span<const rules::RuleDecl> CampusRuleDecls();
// Fail: no licence plate, modified, or no campus plate; due: not yet checked; pass otherwise.
rules::Verdict JudgeEbike(const EbikeFacts& e);
// An e-bike enters only when it passes.
EntryDecision MayEnter(const EbikeFacts& e);

}  // namespace xiaoan::domain::traffic
