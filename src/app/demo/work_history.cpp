// 全区“一盘棋” at the demo district: the bureau's common tasks, key matters and routine work of
// the term, each led by one of its sections and deployed to every school or to the sections —
// the term's opening check and the summer's drowning campaign (done), the monthly hazard report,
// the weekly patrol report, the sections' quarterly analysis and a winter fire check due in two
// days. Most units report on time, some late, a few not at all; the two schools with accounts
// have their last monthly report still open. Inside the caller's transaction; returns the items.
#include <algorithm>
#include <chrono>

#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "domain/duty/duty.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

namespace du = domain::duty;
using std::chrono::days;

Result<int> SeedWorkHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                            domain::UnitId bureau_id,
                            const std::vector<domain::UnitId>& account_schools) {
  DemoRng rnd(seed, 0x90b1a7e5ULL);
  XA_ASSIGN_OR_RETURN(const auto bureau, tx.org().FindUnit(bureau_id));
  if (!bureau) return Internal("demo bureau missing");
  const auto list = [&](const char* kind) -> Result<std::vector<domain::Unit>> {
    domain::UnitFilter f;
    f.kind = kind;
    if (std::string_view(kind) == "section") {
      f.parent_id = bureau_id;
    } else {
      f.scope = domain::ScopeFilter::Subtree(bureau->path);
    }
    f.page.page_size = static_cast<int>(du::kMaxWorkTargets);
    XA_ASSIGN_OR_RETURN(auto page, tx.org().ListUnits(f));
    return std::move(page.items);
  };
  XA_ASSIGN_OR_RETURN(const auto schools, list("school"));
  XA_ASSIGN_OR_RETURN(const auto sections, list("section"));
  if (schools.empty() || sections.empty()) return 0;
  const auto section = [&](std::string_view name) {
    for (const auto& u : sections) {
      if (u.name == name) return u.id;
    }
    return sections.front().id;
  };
  std::vector<std::int64_t> all_schools;
  for (const auto& u : schools) all_schools.push_back(u.id);
  std::vector<std::int64_t> all_sections;
  for (const auto& u : sections) all_sections.push_back(u.id);

  const auto today = TodayInChina(s);
  XA_ASSIGN_OR_RETURN(const auto calendar, LoadPublicCalendar(tx));
  const du::WorkingDay working = [&calendar](du::Day d) { return calendar.IsWorkingDay(d); };

  struct Seed {
    const char* kind;
    const char* title;
    const char* detail;
    std::vector<int> measures;
    const char* lead;
    bool to_sections;
    du::WorkSchedule schedule;
    int late_percent;
    int missing_percent;
  };
  const auto once = [](du::Day due) {
    du::WorkSchedule w;
    w.due = due;
    return w;
  };
  const auto every = [](const char* repeat, int day, du::Day from, du::Day until) {
    du::WorkSchedule w;
    w.repeat = repeat;
    w.day = day;
    w.from = from;
    w.until = until;
    return w;
  };
  const Seed seeds[] = {
      {"key",
       "防溺水专项行动",
       "开展防溺水专题教育和家访，排查学校周边危险水域并设置警示标志",
       {21},
       "安全管理科",
       false,
       once(today - days{165}),
       8,
       3},
      {"common",
       "开学安全检查",
       "开学前完成校舍、消防、食堂、校车等安全检查，报送检查表和整改清单",
       {6, 7},
       "安全管理科",
       false,
       once(today - days{92}),
       12,
       2},
      {"routine",
       "每月隐患排查情况报送",
       "每月25日前报送本月隐患排查治理情况（台账截图和整改销号）",
       {6, 7, 8},
       "安全管理科",
       false,
       every("monthly", 25, today - days{100}, today + days{55}),
       15,
       6},
      {"routine",
       "每周安全巡查记录报送",
       "每周五报送本周校园安全巡查和值班记录",
       {3, 11},
       "安全管理科",
       false,
       every("weekly", 5, today - days{63}, today + days{38}),
       10,
       5},
      {"key",
       "季度学校安全形势分析",
       "各科室分析分管学段和业务的安全形势，提出下季度防范措施",
       {2, 3},
       "教育督导室",
       true,
       every("quarterly", 31, today - days{250}, today + days{115}),
       0,
       0},
      {"common",
       "冬季消防安全专项检查",
       "检查消防设施、“生命通道”和宿舍用电，报送自查表",
       {11, 12},
       "安全管理科",
       false,
       once(today + days{2}),
       0,
       0},
  };
  int written = 0;
  for (const auto& seed : seeds) {
    du::WorkItem w;
    w.bureau_id = bureau_id;
    w.kind = seed.kind;
    w.title = seed.title;
    w.detail = seed.detail;
    w.measures = seed.measures;
    w.lead_section_id = section(seed.lead);
    w.targets = seed.to_sections ? all_sections : all_schools;
    w.schedule = seed.schedule;
    w.updated_by = "safety_office";
    w.updated_at = s.clock.Now() - days{120};
    if (const auto problems = du::CheckWorkItem(w); !problems.empty()) {
      return Internal("demo work item invalid: " + problems.front().field);
    }
    XA_ASSIGN_OR_RETURN(const bool saved, tx.duties().SaveWorkItem(w));
    if (!saved) return Internal("demo work item not saved");
    ++written;
    const auto due_days = du::DueDays(w.schedule, working);
    for (const auto unit : w.targets) {
      const bool account =
          std::find(account_schools.begin(), account_schools.end(), unit) != account_schools.end();
      for (const auto due : due_days) {
        if (due >= today) continue;
        // The schools with accounts leave their last monthly report open, for 我的待办.
        if (account && w.schedule.repeat == "monthly" && due + days{31} > today) continue;
        if (!account && rnd.Chance(seed.missing_percent)) continue;
        du::WorkReport r;
        r.item_id = w.id;
        r.unit_id = unit;
        r.due = due;
        r.done_on = !account && rnd.Chance(seed.late_percent) ? due + days{rnd.Between(1, 6)}
                                                              : due - days{rnd.Between(0, 2)};
        if (r.done_on > today) r.done_on = today;
        r.note = rnd.Chance(30) ? "已按要求报送" : "";
        r.reported_by = "demo";
        r.reported_at = s.clock.Now() - (today - r.done_on);
        XA_ASSIGN_OR_RETURN(const bool added, tx.duties().AddWorkReport(r));
        (void)added;
      }
    }
  }
  return written;
}

}  // namespace xiaoan::app
