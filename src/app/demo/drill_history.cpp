// A believable year of drills for the demo district: most schools drill once in most teaching
// months (fire evacuation at the start of each semester, earthquake in May around 防灾减灾日),
// boarding schools at night in spring and autumn, schools with buses once a semester,
// kindergartens each quarter; some months are missed, some drills are slow or find problems.
// Most drills were planned ahead (演练计划); every school has its next drill planned, due within
// the week at the schools with accounts, and a few schools let a planned day pass.
// Then every school is judged for the months that passed, so the boards have a history.
#include <random>

#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;

namespace {

std::string Clock(int seconds) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return buf;
}

constexpr const char* kProblems[] = {"二楼东侧楼梯疏散指示灯不亮", "个别班级集合用时偏长",
                                     "应急广播三楼声音偏小",       "宿舍楼安全出口堆放杂物",
                                     "部分学生未按路线撤离",       "校车应急锤位置不明显"};

}  // namespace

Result<int> SeedDrillHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                             const std::vector<domain::UnitId>& schools,
                             const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  DemoRng rnd(seed, 0xD1B54A32D192ED03ULL);
  XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
  int written = 0;
  for (const auto id : schools) {
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
    if (!school) continue;
    XA_ASSIGN_OR_RETURN(auto data, LoadSchoolTerms(tx, school->unit));
    const cal::SchoolCalendar calendar(holidays, data.terms, data.exceptions);
    const auto& p = school->profile;
    const bool account =
        std::find(account_schools.begin(), account_schools.end(), id) != account_schools.end();
    const bool kindergarten = p.stage == "kindergarten";
    int max_floors = 0;
    for (const auto& b : school->buildings) max_floors = std::max(max_floors, b.floors);
    auto plan = [&](cal::Date day, const std::string& kind, bool night,
                    std::optional<std::int64_t> drill_id) -> Status {
      domain::drill::DrillPlan pl;
      pl.school_id = id;
      pl.kind = kind;
      const auto* k = domain::drill::FindKind(kind);
      pl.title = std::string(night ? "夜间" : "") + (k ? std::string(k->label) : "") + "演练";
      pl.date = cal::FormatDate(day);
      pl.start_time = night ? "20:30" : "10:00";
      pl.night = night;
      pl.commander = p.principal.empty() ? "校长" : p.principal;
      pl.note = kind == "fire" ? "邀请辖区消防救援站指导" : "";
      pl.created_by = "demo";
      pl.created_at = FormatInstant(s.clock.Now());
      pl.updated_at = pl.created_at;
      XA_TRY(tx.drill_plans().Insert(pl));
      if (drill_id) XA_TRY(tx.drill_plans().SetDrill(pl.id, *drill_id));
      return {};
    };
    auto add = [&](cal::Date day, const std::string& kind, bool night) -> Status {
      domain::drill::Drill d;
      d.school_id = id;
      d.kind = kind;
      d.date = cal::FormatDate(day);
      d.night = night;
      d.evacuation = kind != "attack";
      d.whole_school = kind == "fire" || rnd.Chance(70);
      if (!d.whole_school) d.scope_note = "一至三年级";
      d.announced = !rnd.Chance(15);
      const int start = night ? 20 * 3600 + 30 * 60 : 10 * 3600 + rnd.Between(0, 60) * 60;
      d.start_time = Clock(start).substr(0, 5);
      d.signal_time = Clock(start + 120);
      d.all_out_time = Clock(start + 120 + rnd.Between(70, rnd.Chance(15) ? 170 : 118));
      d.floors = max_floors;
      d.commander = p.principal.empty() ? "校长" : p.principal;
      d.students = d.whole_school ? p.students : p.students / 2;
      d.staff = d.whole_school ? p.staff : p.staff / 2;
      d.headcount_ok = !rnd.Chance(5);
      if (!d.headcount_ok) d.headcount_note = "一名学生如厕未及时撤离，已找到";
      if (rnd.Chance(25)) {
        d.problems.push_back({kProblems[rnd.Between(0, 5)], std::nullopt});
        d.actions = "已落实整改并在下次演练中复查";
      }
      d.recorded_by = "demo";
      d.created_at = FormatInstant(s.clock.Now());
      d.updated_at = d.created_at;
      XA_TRY(tx.drills().Insert(d));
      ++written;
      if (rnd.Chance(60)) XA_TRY(plan(day, kind, night, d.id));
      return {};
    };
    // A school day between the 8th and the 22nd of the month (or the first one after it).
    auto school_day = [&](int year, int month) -> std::optional<cal::Date> {
      const cal::Date first{std::chrono::year{year} / std::chrono::month{unsigned(month)} /
                            std::chrono::day{unsigned(rnd.Between(8, 22))}};
      for (cal::Date d = first; d < first + std::chrono::days{14}; d += std::chrono::days{1}) {
        if (d >= *today) return std::nullopt;
        if (calendar.IsSchoolDay(d).value_or(false)) return d;
      }
      return std::nullopt;
    };
    const std::pair<int, int> months[] = {{2026, 3}, {2026, 4},  {2026, 5},  {2026, 6}, {2026, 7},
                                          {2026, 9}, {2026, 10}, {2026, 11}, {2026, 12}};
    for (const auto& [y, m] : months) {
      // Kindergartens drill once a quarter; the account schools have not drilled this month.
      if (kindergarten && m % 3 != 2) continue;
      if (account && y == 2026 && m == 12) continue;
      if (!rnd.Chance(m == 7 ? 55 : 88)) continue;
      const auto day = school_day(y, m);
      if (!day) continue;
      const std::string kind = (m == 3 || m == 9) ? "fire"
                               : m == 5           ? "earthquake"
                               : rnd.Chance(20)   ? "attack"
                               : rnd.Chance(50)   ? "fire"
                                                  : "other";
      XA_TRY(add(*day, kind, false));
      if (kind == "attack" && rnd.Chance(70)) {
        if (const auto again = school_day(y, m)) XA_TRY(add(*again, "earthquake", false));
      }
    }
    if (p.boarding) {
      for (const auto& [y, m] : {std::pair{2026, 4}, std::pair{2026, 11}}) {
        if (!rnd.Chance(80)) continue;
        if (const auto day = school_day(y, m)) XA_TRY(add(*day, "fire", true));
      }
    }
    if (p.school_buses > 0) {
      for (const auto& [y, m] : {std::pair{2026, 4}, std::pair{2026, 10}}) {
        if (!rnd.Chance(75)) continue;
        if (const auto day = school_day(y, m)) XA_TRY(add(*day, "school_bus", false));
      }
    }
    // The next drills: within the week at the account schools (the home card's task), within
    // the month elsewhere; a few planned days have passed without a drill.
    XA_TRY(plan(*today + std::chrono::days{account ? 3 : rnd.Between(4, 30)},
                rnd.Chance(70) ? "fire" : "earthquake", false, std::nullopt));
    if (!account && rnd.Chance(8)) {
      XA_TRY(plan(*today - std::chrono::days{rnd.Between(2, 12)}, "attack", false, std::nullopt));
    }
    // Judged for the end of each month that passed and for today.
    for (const auto& [y, m] : months) {
      const cal::Date end =
          cal::Date{std::chrono::year{y} / std::chrono::month{unsigned(m)} / std::chrono::last};
      XA_TRY(EvaluateSchool(s, tx, id, std::min(end, *today)));
    }
  }
  return written;
}

}  // namespace xiaoan::app
