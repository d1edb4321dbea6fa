#pragma once
// School buses (校车, measure 16): the legal checks of 《校车安全管理条例》 on drivers, vehicles
// and routes, judged on a day. Pure: the registries hand in what they hold, the rules answer
// pass, warn (still allowed, an expiry within the warning days) or fail, with the reason in
// Chinese. A driver or vehicle that fails cannot be put on a route.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain::traffic {

namespace cal = calendar;

// Age in completed years on `day` (周岁): one year older on each birthday; a 29 February
// birthday falls on 1 March in a common year. Negative before birth is clamped to 0.
int AgeOn(cal::Date birth, cal::Date day);
// The day `years` after `from` on the calendar (the same month and day; 29 February → 1 March
// in a common year).
cal::Date YearsAfter(cal::Date from, int years);
// The day `months` after `from` (the same day of the month, or the month's last day when it
// has fewer days: 31 August + 6 months = 28 or 29 February).
cal::Date MonthsAfter(cal::Date from, int months);

// Driving licence classes (准驾车型) that may drive a school bus, and what each also covers
// (《机动车驾驶证申领和使用规定》: A1 covers A3, B1, B2, C1…; A3 and B1 cover C1).
std::optional<std::string> NormalizeLicenceClass(std::string_view text);  // "a1 " → "A1"
bool LicenceCovers(std::string_view held, std::string_view required);
// The class a school bus needs by its approved seats: more than 19 → A1 (large); 10–19 → B1
// (medium); fewer → C1 (small).
std::string RequiredLicenceClass(int seats);

struct DriverFacts {
  cal::Date birth{};
  std::string licence_class;               // A1, A3, B1, C1 …
  std::optional<cal::Date> licence_since;  // first issue of that class
  bool bus_endorsement = false;            // 驾驶证签注准许驾驶校车
  // Background checks (背景审查), true when the record holds it.
  bool full_points_in_3_cycles = false;         // 最近连续 3 个记分周期内有满分记录
  bool fatal_accident_responsibility = false;   // 致人死亡或重伤的交通事故责任
  bool drink_driving = false;                   // 饮酒后驾驶或醉酒驾驶
  bool overload_or_speeding_last_year = false;  // 最近 1 年内驾驶客运车辆超员、超速
  bool criminal_record = false;                 // 犯罪记录
  std::optional<cal::Date> health_checked_on;   // 最近一次体检
};

struct VehicleFacts {
  int seats = 0;                          // approved capacity (核定载人数)
  std::optional<cal::Date> permit_until;  // 校车标牌 valid through this day
  std::optional<cal::Date> inspected_on;  // last safety inspection
};

struct RouteFacts {
  bool has_monitor = false;  // 照管人员
  int riders = 0;
  std::optional<int> seats;  // the vehicle's, when a vehicle is assigned
};

// The rules bus.* (measure 16), per record, judged daily.
std::span<const rules::RuleDecl> BusRuleDecls();
const rules::RuleDecl* FindBusRule(std::string_view id);

// Each rule's verdict for a driver, a vehicle or a route on `day`, with `values` the rules'
// parameters in force (absent: defaults).
using RuleValues = std::map<std::string, rules::ParamValues>;
rules::Verdict JudgeDriverAge(const DriverFacts& d, cal::Date day, const RuleValues& values = {});
rules::Verdict JudgeDriverExperience(const DriverFacts& d, std::string_view required_class,
                                     cal::Date day, const RuleValues& values = {});
rules::Verdict JudgeDriverRecord(const DriverFacts& d, cal::Date day,
                                 const RuleValues& values = {});
rules::Verdict JudgeInspection(const VehicleFacts& v, cal::Date day, const RuleValues& values = {});
rules::Verdict JudgePermit(const VehicleFacts& v, cal::Date day, const RuleValues& values = {});
rules::Verdict JudgeMonitor(const RouteFacts& r);
rules::Verdict JudgeCapacity(const RouteFacts& r);

// Every driver rule (the class needed: the strictest among the vehicles they drive, or "" for
// any school-bus class), every vehicle rule: rule id → verdict, in the order declared.
struct RuleVerdict {
  std::string rule_id;
  rules::Verdict verdict;
};
std::vector<RuleVerdict> JudgeDriver(const DriverFacts& d, std::string_view required_class,
                                     cal::Date day, const RuleValues& values = {});
std::vector<RuleVerdict> JudgeVehicle(const VehicleFacts& v, cal::Date day,
                                      const RuleValues& values = {});
// A failing verdict among them (what keeps a driver or vehicle off a route).
bool AnyFails(const std::vector<RuleVerdict>& verdicts);

// What refuses a route's assignment on `day`: a driver failing a driver rule for this vehicle's
// class (field driver_id), a vehicle failing a vehicle rule (vehicle_id), more riders than the
// vehicle's seats (riders). A route without a driver or vehicle yet has nothing to refuse for it.
std::vector<ErrorDetail> RouteProblems(const std::optional<DriverFacts>& driver,
                                       const std::optional<VehicleFacts>& vehicle, int riders,
                                       cal::Date day, const RuleValues& values = {});

// A licence plate as registered: spaces, hyphens and the middle dot removed, letters upper case;
// a province abbreviation, a letter, then 5 characters (6 for a new-energy vehicle) of letters
// and digits: "浙a·12345" → "浙A12345". nullopt when it is not a plate.
std::optional<std::string> NormalizePlate(std::string_view text);

}  // namespace xiaoan::domain::traffic
