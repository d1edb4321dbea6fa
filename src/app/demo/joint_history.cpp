// 联防联控 in the demo district: the bureau's tasks of the year for the drowning-prevention
// member departments (自然资源和规划局, 农业农村局, 应急管理局, and the 公安分局 that patrols
// with them) — the check before the flood season, the summer's joint patrols, and a winter
// check issued three days ago and still open — with the departments' reports: most on time, one
// late, one department never reporting on the spring task. dept1_liaison's department has the
// winter task to report on.
#include <map>

#include "app/demo/seed_demo.hpp"
#include "domain/edu/joint.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace edu = domain::edu;

namespace {

Instant AtChinaTime(cal::Date day, int minutes) {
  return std::chrono::time_point_cast<Instant::duration>(
      std::chrono::sys_days(day) + std::chrono::minutes(minutes) - std::chrono::hours(8));
}

struct ReportSpec {
  const char* kind;    // the department's kind
  int days_after_due;  // the report's day against the due day (> 0: late)
  const char* text;
  int patrolled, signs, fences, hazards;
};

struct TaskSpec {
  const char* title;
  const char* text;
  std::vector<std::string> kinds;
  int issued;  // days before today; or a fixed day when `on` is set
  const char* issued_on;
  const char* due_on;
  int due_in;  // days after today when `due_on` is null
  std::vector<ReportSpec> reports;
};

}  // namespace

Result<int> SeedJointHistory(Services& s, domain::Tx& tx, domain::UnitId bureau) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(bureau));
  if (!unit) return 0;
  // The member departments of the bureau's district, by kind.
  domain::UnitFilter f;
  f.kind = "department";
  f.region_code = unit->region_code;
  f.page.page_size = 200;
  XA_ASSIGN_OR_RETURN(auto departments, tx.org().ListUnits(f));
  std::map<std::string, domain::UnitId> by_kind;
  for (const auto& d : departments.items) {
    if (d.department_kind) by_kind.emplace(*d.department_kind, d.id);
  }
  const std::vector<std::string> members = {"natural_resources", "agriculture", "emergency",
                                            "police"};
  const std::vector<TaskSpec> tasks = {
      {"汛期前水域安全隐患排查",
       "汛期来临前，请各成员单位对辖区内坑塘、河道、水库、采砂坑等水域开展一次全面排查，重点是"
       "学校、村庄周边水域，补齐警示标志和防护设施，5月底前报告排查情况。",
       {"patrol", "signs", "fences"},
       0,
       "2026-05-06",
       "2026-05-31",
       0,
       {{"natural_resources", -3, "排查辖区坑塘、采砂坑 46 处，督促整改 5 处，新设警示牌 18 块。",
         46, 18, 3, 5},
        {"agriculture", 2, "排查农村坑塘、灌溉渠 38 处，对 4 处深水坑塘加装护栏。", 38, 9, 4, 4},
        {"emergency", -1, "会同乡镇排查水库、河道 21 处，补充救生圈、救生绳 30 套。", 21, 6, 0,
         2}}},
      {"暑期防溺水联合巡查",
       "暑假期间每周至少开展两次重点水域联合巡查，劝离野泳人员，检查警示标志和救生设施完好情况，"
       "8月底前报告巡查情况。",
       {"patrol", "rescue", "publicity"},
       0,
       "2026-07-01",
       "2026-08-31",
       0,
       {{"natural_resources", -2, "暑期联合巡查 16 次，劝离野泳 27 人次，更换破损警示牌 7 块。", 64,
         7, 0, 3},
        {"agriculture", -5, "巡查农村坑塘 52 处次，发放防溺水宣传单 1200 份。", 52, 3, 2, 1},
        {"emergency", 3, "组织水上救援演练 2 次，巡查水库、河道 40 处次。", 40, 0, 0, 2},
        {"police", -1, "派出所夜间巡逻覆盖重点水域 12 处，劝离野泳 35 人次。", 12, 0, 0, 0}}},
      {"冬季枯水期坑塘、河道安全巡查",
       "冬季枯水期河床、坑塘裸露，学生易到河滩、坑塘边玩耍。请各成员单位对学校周边水域开展一次"
       "巡查，检查警示标志和防护设施，两周内报告。",
       {"patrol", "signs"},
       3,
       nullptr,
       nullptr,
       14,
       {{"natural_resources", -100, "已巡查学校周边坑塘 12 处，补设警示牌 4 块。", 12, 4, 0, 1}}},
  };
  int written = 0;
  for (const auto& spec : tasks) {
    edu::JointTask t;
    t.unit_id = bureau;
    t.title = spec.title;
    t.text = spec.text;
    t.kinds = spec.kinds;
    const cal::Date issued =
        spec.issued_on ? *cal::ParseDate(spec.issued_on) : *today - std::chrono::days{spec.issued};
    t.due_on = spec.due_on ? *cal::ParseDate(spec.due_on) : *today + std::chrono::days{spec.due_in};
    if (*today <= issued) continue;
    for (const auto& kind : members) {
      const auto it = by_kind.find(kind);
      if (it != by_kind.end()) t.department_ids.push_back(it->second);
    }
    if (t.department_ids.empty()) continue;
    t.created_by = "safety_office";
    t.created_at = AtChinaTime(issued, 10 * 60);
    XA_TRY(tx.joint().InsertTask(t));
    for (const auto& r : spec.reports) {
      const auto it = by_kind.find(r.kind);
      if (it == by_kind.end()) continue;
      // A report lands between the issue and yesterday.
      cal::Date on = t.due_on + std::chrono::days{r.days_after_due};
      if (on <= issued) on = issued + std::chrono::days{1};
      if (on >= *today) continue;
      edu::JointReport report;
      report.task_id = t.id;
      report.department_id = it->second;
      report.text = r.text;
      report.patrolled = r.patrolled;
      report.signs = r.signs;
      report.fences = r.fences;
      report.hazards = r.hazards;
      report.by = "demo";
      report.on = on;
      report.at = AtChinaTime(on, 16 * 60);
      XA_ASSIGN_OR_RETURN(const bool first, tx.joint().SaveReport(report));
      if (first) ++written;
    }
  }
  return written;
}

}  // namespace xiaoan::app
