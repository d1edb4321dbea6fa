#pragma once
// The security indicators (四个100%, measure 4) as the rules engine declares them, and their pure
// evaluation on a school's security record as screened on a day: security.guards (full-time
// guards for the school's size), security.guard_license (保安员证, age), security.closed_campus,
// security.alarm (one-key alarm linked to 110, tested), security.video (areas, retention, faults
// fixed), security.gate_duty (护学岗 at both peaks) and security.patrol (rounds a day); then the
// four indicators of a school and the district's rate of each (../shared/spec/rules.md).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/calendar.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain::security {

std::span<const rules::RuleDecl> RuleDecls();

struct Guard {
  std::int64_t id = 0;
  std::string name;
  bool full_time = false;
  std::string license_no;  // 保安员证编号; empty: none
  std::optional<calendar::Date> birth_date;
  std::string employer;  // 保安服务公司 or the school itself
  std::string shifts;    // 班次, as the school writes it
};

struct Alarm {
  std::int64_t id = 0;
  std::string location;
  bool linked_110 = false;
  bool linked_bureau = false;
  std::optional<calendar::Date> last_test;
};

// Who stands a 护学岗: police, auxiliary (辅警), guard, teacher, volunteer (志愿者、家长).
struct PostKind {
  std::string_view code;
  std::string_view label;
};
std::span<const PostKind> PostKinds();

// Where video must reach: gate, outside_gate, teaching, gathering, dormitory_entrance (boarding
// schools), canteen_kitchen (schools with a canteen).
struct VideoArea {
  std::string_view code;
  std::string_view label;
};
std::span<const VideoArea> VideoAreas();

struct Video {
  std::vector<std::string> areas;  // codes of VideoAreas() covered
  int retention_days = 0;
  std::optional<calendar::Date> open_fault_since;  // a fault not yet repaired, reported that day
  std::optional<calendar::Date> last_repair;       // the last fault repaired, for the record
};

// A 护学岗 post at the morning or afternoon peak, with the people on it.
struct GatePost {
  std::int64_t id = 0;
  std::string gate;
  std::string peak;  // morning, afternoon
  int people = 0;
  std::vector<std::string> kinds;  // codes of PostKinds() on the post
};

struct SchoolSecurity {
  int students = 0;
  int staff = 0;
  bool boarding = false;
  int boarders = 0;
  bool has_canteen = false;
  std::vector<Guard> guards;
  bool perimeter = false;           // 围墙或围栏
  bool gate_controlled = false;     // 门禁
  bool visitor_register = false;    // 来访登记
  bool gate_house_staffed = false;  // 门卫室 24 小时有人
  std::vector<Alarm> alarms;
  Video video;
  std::vector<GatePost> posts;
  int patrols_per_day = 0;  // rounds of the key areas recorded on an ordinary day
};

// Full-time guards a school of `people` students and staff needs: below `small_below` (100) at
// least `min_small` (1); up to `medium_max` (1000) at least `min_medium` (2); above it one more
// per `extra_per` (500) beyond, a part counting whole unless `round_up` is 0; and, when
// `boarders_per_guard` is not 0, one more per that many boarders (a part counting whole).
int RequiredGuards(int people, int boarders, const rules::ParamValues& values);

// Whole years of age on `day` (the birthday itself counts the new year; 29 February birthdays
// count on 1 March in other years).
int AgeOn(calendar::Date birth, calendar::Date day);

// Each security rule judged on the school's record as it stands on `today`, with the values in
// force per rule (a rule missing from `values` uses its defaults): pass or fail with the reason
// in Chinese and the guards, alarms or posts it rests on.
struct Finding {
  const rules::RuleDecl* rule = nullptr;
  rules::Verdict verdict;
};
std::vector<Finding> JudgeSchool(const SchoolSecurity& school,
                                 const std::map<std::string, rules::ParamValues>& values,
                                 calendar::Date today);

// The four indicators: 专职保安 (guards, guard_license and patrol), 封闭管理 (closed_campus),
// 一键报警与视频监控 (alarm and video), 护学岗 (gate_duty). A rule not judged counts as met.
struct Indicators {
  bool guards = false;
  bool closed_campus = false;
  bool alarm_video = false;
  bool gate_duty = false;
  bool All() const { return guards && closed_campus && alarm_video && gate_duty; }
};
Indicators IndicatorsOf(std::span<const Finding> findings);

// The district's rate of one indicator: compliant schools / schools screened, in tenths of a
// percent rounded down (1000 = 100 %, so a district is never shown at 100 % before it is).
struct Rate {
  int compliant = 0;
  int screened = 0;
  int permille() const { return screened == 0 ? 0 : compliant * 1000 / screened; }
};
struct DistrictRates {
  Rate guards;
  Rate closed_campus;
  Rate alarm_video;
  Rate gate_duty;
  Rate all;
};
DistrictRates RatesOf(std::span<const Indicators> schools);

}  // namespace xiaoan::domain::security
