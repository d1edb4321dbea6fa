#pragma once
// 应急处置 (measure 19): each school's emergency command structure (总指挥 and the groups for
// evacuation, rescue, communication and logistics with named people), its minimal emergency unit
// (最小应急单元: security guards, staff and volunteers from the shops nearby, each with a phone
// that reaches them), what its emergency card shows (the duty phone, the gathering point, the
// police station, the nearest hospital), and its emergency plans with the day each was last
// revised. Pure: checks naming the field, and the rules emergency.command, emergency.unit and
// emergency.plan (docs/emergency.md).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/platform/field_checks.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
}  // namespace xiaoan::domain

namespace xiaoan::domain::emergency {

inline constexpr std::size_t kMaxPeople = 60;  // per list
inline constexpr std::size_t kMaxPlans = 20;
inline constexpr std::size_t kMaxNameChars = 20;
inline constexpr std::size_t kMaxPostChars = 40;
inline constexpr std::size_t kMaxTextChars = 100;

struct Member {
  // command: commander 总指挥, deputy 副总指挥, evacuation 疏散引导组, rescue 抢险救援组,
  // communication 通讯联络组, logistics 后勤保障组, medical 医疗救护组;
  // unit: guard 保安员, staff 教职工, volunteer 周边商户志愿者.
  std::string role;
  std::string name;
  std::string post;  // 职务, or the shop a volunteer keeps
  std::string phone;
};

struct PlanDoc {
  std::string title;
  std::string kind;  // overall 综合应急预案, special 专项应急预案, onsite 现场处置方案
  std::string revised_on;  // YYYY-MM-DD: the day it was issued or last revised
  std::optional<std::int64_t> file_id;
  std::string file_name;  // read with the setup
};

struct EmergencySetup {
  std::int64_t unit_id = 0;
  std::string unit_name;  // read with the setup
  std::vector<Member> command;
  std::vector<Member> unit;
  std::string duty_phone;       // 学校应急值班电话
  std::string gathering_point;  // 紧急疏散集合点
  std::string police_station;   // 属地派出所（含电话）
  std::string hospital;         // 就近医院（含电话）
  std::vector<PlanDoc> plans;
  int version = 0;  // 0: not stored yet
  std::string updated_by;
  std::string updated_by_name;  // read with the setup
  Instant updated_at{};
};

struct Option {
  std::string_view code;
  std::string_view label;
};
std::span<const Option> CommandRoles();  // in the card's order
std::span<const Option> UnitRoles();
std::span<const Option> PlanKinds();
// The label of a code ("" for an unknown one).
std::string_view CommandRoleLabel(std::string_view code);
std::string_view UnitRoleLabel(std::string_view code);
std::string_view PlanKindLabel(std::string_view code);

using ::xiaoan::domain::IsReachablePhone;  // domain/platform/field_checks.hpp

// What is entered, each problem naming its field (command[2].phone): names required and within
// their lengths, roles and kinds known, phones reachable when given, the revision day a date not
// after `today`, at most kMaxPeople per list and kMaxPlans plans, no person twice in one role.
std::vector<ErrorDetail> CheckSetup(const EmergencySetup& s, calendar::Date today);

// The day a plan revised on `revised_on` must be revised again: `months` later (the last day of
// the month when that month is shorter).
std::optional<calendar::Date> ReviewBy(const PlanDoc& p, int months);

// The rules, judged per school and month on the setup as it stands.
std::span<const rules::RuleDecl> RuleDecls();
const rules::RuleDecl& CommandRule();
const rules::RuleDecl& UnitRule();
const rules::RuleDecl& PlanRule();
// emergency.command: a 总指挥 with a reachable phone, and at least min_per_group named people in
// each of the groups for evacuation, rescue, communication and logistics.
rules::Verdict JudgeCommand(const std::optional<EmergencySetup>& s, const rules::ParamValues& v);
// emergency.unit: at least min_guards security guards, min_staff staff and min_volunteers
// volunteers from nearby shops, each with a reachable phone.
rules::Verdict JudgeUnit(const std::optional<EmergencySetup>& s, const rules::ParamValues& v);
// emergency.plan: a 综合应急预案, and no plan past its review day (review_months after its
// revision); a warning when one falls due within warn_days.
rules::Verdict JudgePlans(const std::optional<EmergencySetup>& s, const rules::ParamValues& v,
                          calendar::Date today);

// The setups, one per school, each stored whole (migration 0042).
class EmergencyRepository {
 public:
  virtual ~EmergencyRepository() = default;
  virtual Result<std::optional<EmergencySetup>> Setup(std::int64_t unit_id) = 0;
  // Every setup of the schools in scope.
  virtual Result<std::vector<EmergencySetup>> Setups(const ScopeFilter& scope) = 0;
  // Stores the whole setup: a new one (version 0) or the version read, then raises the version;
  // false when it changed since.
  virtual Result<bool> Save(EmergencySetup& s) = 0;
};

}  // namespace xiaoan::domain::emergency
