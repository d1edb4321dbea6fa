// The demo district's 四个100% screening since September: every school keeps its security
// record; at first about a third fall short somewhere (a guard too few, a licence missing, a
// guard past 60, visitors not registered, the alarm not tested, video kept too briefly, no
// afternoon 护学岗, too few patrols), fewer each month as they repair. Each month's record is
// judged on the security rules as it stood on the month's last day, so the board has a trend;
// the first account school is still a guard short today.
#include <algorithm>

#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "core/clock.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/security/record.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace sec = domain::security;
namespace rules = domain::rules;

namespace {

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
constexpr const char* kGiven[] = {"建国", "志强", "国华", "德明", "卫东", "海涛", "红军", "长青"};
constexpr const char* kEmployers[] = {"区保安服务有限公司", "平安保安服务公司", "学校自聘"};

enum class Fault {
  kNone,
  kGuardShort,
  kNoLicence,
  kOverAge,
  kNoRegister,
  kAlarmUntested,
  kShortRetention,
  kNoAfternoonPost,
  kFewPatrols
};

// The school's record as it stood on `day` with one fault (or none).
sec::SchoolSecurity RecordOf(DemoRng& rnd, const domain::School& school, int need, Fault fault,
                             cal::Date day) {
  sec::SchoolSecurity d;
  d.has_canteen = school.profile.stage != "kindergarten" || rnd.Chance(50);
  d.perimeter = d.gate_controlled = d.gate_house_staffed = true;
  d.visitor_register = fault != Fault::kNoRegister;
  const int guards = fault == Fault::kGuardShort ? need - 1 : need + (rnd.Chance(20) ? 1 : 0);
  for (int i = 0; i < guards; ++i) {
    sec::Guard g;
    g.name = std::string(kSurnames[rnd.Between(0, 9)]) + kGiven[rnd.Between(0, 7)];
    g.full_time = true;
    g.license_no = (i == 0 && fault == Fault::kNoLicence)
                       ? ""
                       : "鄂保" + std::to_string(2015 + rnd.Between(0, 9)) +
                             std::to_string(rnd.Between(10000, 99999));
    const int age = (i == 0 && fault == Fault::kOverAge) ? 61 : rnd.Between(32, 58);
    g.birth_date = cal::Date{std::chrono::year{cal::YearOf(day) - age} /
                             std::chrono::month{static_cast<unsigned>(rnd.Between(1, 12))} /
                             std::chrono::day{static_cast<unsigned>(rnd.Between(1, 28))}} -
                   std::chrono::days{i == 0 && fault == Fault::kOverAge ? 366 : 0};
    g.employer = kEmployers[rnd.Between(0, 2)];
    g.shifts = i % 2 == 0 ? "白班" : "夜班";
    d.guards.push_back(std::move(g));
  }
  const int tested_ago = fault == Fault::kAlarmUntested ? rnd.Between(40, 70) : rnd.Between(1, 25);
  d.alarms.push_back({0, "门卫室", true, rnd.Chance(70), day - std::chrono::days{tested_ago}});
  if (rnd.Chance(40)) {
    d.alarms.push_back(
        {0, "行政楼值班室", true, true, day - std::chrono::days{rnd.Between(1, 25)}});
  }
  d.video.areas = {"gate", "outside_gate", "teaching", "gathering"};
  if (school.profile.boarding) d.video.areas.push_back("dormitory_entrance");
  if (d.has_canteen) d.video.areas.push_back("canteen_kitchen");
  d.video.retention_days = fault == Fault::kShortRetention ? 15 : (rnd.Chance(30) ? 90 : 30);
  d.video.last_repair = day - std::chrono::days{rnd.Between(10, 80)};
  const int people = rnd.Between(2, 4);
  d.posts.push_back({0, "正门", "morning", people, {"police", "guard", "teacher"}});
  if (fault != Fault::kNoAfternoonPost) {
    d.posts.push_back({0, "正门", "afternoon", people, {"auxiliary", "guard", "volunteer"}});
  }
  d.patrols_per_day = fault == Fault::kFewPatrols ? 3 : rnd.Between(5, 8);
  return d;
}

}  // namespace

Result<int> SeedSecurityHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  DemoRng rnd(seed, 0x5EC0A11D5EC0A11DULL);
  // From September of this school year (the last four months at most) to this month.
  const int year = cal::YearOf(*today);
  const int month = cal::MonthOf(*today);
  std::vector<cal::Date> month_ends;  // the last day judged of each month, today for this one
  for (int back = std::min(3, month >= 9 ? month - 9 : month + 3); back >= 1; --back) {
    const int m0 = month - back;  // may be 0 or below: the previous year
    const int y = m0 >= 1 ? year : year - 1;
    const int m = m0 >= 1 ? m0 : m0 + 12;
    const auto first_next = cal::Date{
        std::chrono::year{m == 12 ? y + 1 : y} /
        std::chrono::month{static_cast<unsigned>(m == 12 ? 1 : m + 1)} / std::chrono::day{1}};
    month_ends.push_back(first_next - std::chrono::days{1});
  }
  month_ends.push_back(*today);
  const auto values = rules::Defaults(*rules::FindRule(sec::RuleDecls(), "security.guards"));
  int written = 0;
  for (const auto id : schools) {
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
    if (!school) continue;
    const auto& p = school->profile;
    const int need = sec::RequiredGuards(p.students + p.staff, p.boarding ? p.boarders : 0, values);
    const bool first_account = !account_schools.empty() && account_schools.front() == id;
    const bool account =
        std::find(account_schools.begin(), account_schools.end(), id) != account_schools.end();
    // Short at first with a third's chance; each month a fault is repaired with 40 %.
    Fault fault = rnd.Chance(35) ? static_cast<Fault>(rnd.Between(1, 8)) : Fault::kNone;
    sec::Record record;
    record.school_id = id;
    for (std::size_t i = 0; i < month_ends.size(); ++i) {
      const bool now = i + 1 == month_ends.size();
      if (now && first_account) {
        fault = Fault::kGuardShort;  // one guard left this month: the officer has to act
      } else if (now && account) {
        fault = Fault::kNone;
      }
      auto data = RecordOf(rnd, *school, need, fault, month_ends[i]);
      record.data = std::move(data);
      record.updated_at = FormatInstant(Instant{month_ends[i]} + std::chrono::hours{1});  // 9:00
      record.updated_by = "demo";
      XA_ASSIGN_OR_RETURN(const bool saved, tx.security().Save(record));
      if (!saved) break;
      // Judged as on that day: the month's record, with that day as today.
      const FixedClock then(Instant{month_ends[i]} + std::chrono::hours{12});  // 20:00 in China
      const Clock& clock = now ? s.clock : static_cast<const Clock&>(then);
      Services at{s.store, clock, s.files_dir, s.mask_personal_fields};
      XA_TRY(EvaluateSchool(at, tx, id, month_ends[i], "security"));
      if (fault != Fault::kNone && rnd.Chance(40)) fault = Fault::kNone;
    }
    ++written;
  }
  return written;
}

}  // namespace xiaoan::app
