// The demo district's whistles since March: about one school in two raises one or two risks it
// cannot remove alone (roads outside the gate most often, then vendors, loiterers, building
// sites; water bodies in the summer months), routed to the departments by the default table.
// Most were acknowledged within hours, some late (escalated to the bureau), followed up and
// confirmed; the recent ones are still open. The first account school has one waiting for the
// traffic police to report in, one the police are working on and one whose result waits for its
// confirmation, so each demo account has something to do. Each school files its monthly report
// (定期报告) from September, most on time, and each month is judged on whistle.periodic; this
// month the first account school has not filed yet.
#include <algorithm>

#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "core/clock.hpp"
#include "domain/whistle/whistle.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace wh = domain::whistle;

namespace {

struct Risk {
  const char* category;
  const char* title;
  const char* location;
  const char* interim;  // the school's interim measures when it is major
};
constexpr Risk kRisks[] = {
    {"traffic", "校门口缺少人行横道和减速带", "校门外主干道", "上下学时段安排保安和教师护导"},
    {"traffic", "放学时段校门外车辆乱停乱放", "校门外两侧道路", "错峰放学，家长分区等候"},
    {"traffic", "校门前道路缺少交通信号灯和警示标志", "校门前路口", "护学岗延长至放学后 20 分钟"},
    {"traffic", "渣土车上下学时段从校门前通行", "校门外道路", "上下学时段封闭校门前便道"},
    {"vendors", "校门口流动摊贩售卖三无食品", "校门外人行道", "班主任提醒学生不购买三无食品"},
    {"vendors", "学校周边小卖部销售辣条等三无零食", "学校东侧商铺", "开展食品安全主题班会"},
    {"public_order", "放学时段校门外有闲散人员聚集", "校门外广场",
     "保安加强巡逻，教师护送学生离校"},
    {"public_order", "学校周边网吧接纳未成年人", "学校南侧商业街", "家校联系提醒家长加强看护"},
    {"rental", "学校围墙外出租屋人员复杂", "学校北侧居民区", "加强围墙周边巡查"},
    {"construction", "学校围墙外建筑工地围挡缺失", "学校西侧工地", "设置临时警示带，禁止学生靠近"},
    {"fire", "学校周边商铺占用消防通道", "学校东侧消防通道", "已向商户口头劝导"},
    {"water", "学校附近池塘无警示标志和防护栏", "学校南侧池塘", "每日放学前开展防溺水提醒"},
    {"water", "河道边护栏破损", "学校附近河道", "在破损处设置临时警示牌"},
};

constexpr const char* kNotes[] = {"已安排人员到现场勘查", "已约谈相关商户并责令整改",
                                  "已协调相关单位制定整改方案", "已纳入近期整治计划"};
constexpr const char* kResults[] = {"已整改到位，现场复查无问题", "已设置警示标志和防护设施",
                                    "已清理完毕，纳入日常巡查", "已施划标线并安排高峰时段执勤"};

wh::Instant Hours(wh::Instant t, int h) { return t + std::chrono::hours{h}; }

// A school day's hour in China as an instant.
wh::Instant AtChina(cal::Date d, int hour) { return wh::Instant{d} + std::chrono::hours{hour - 8}; }

}  // namespace

Result<int> SeedWhistleHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                               const std::vector<domain::UnitId>& schools,
                               const std::vector<domain::UnitId>& account_schools) {
  DemoRng rnd(seed, 0x0B1A5E0B1A5E0B1AULL);
  XA_ASSIGN_OR_RETURN(const auto holidays, LoadPublicCalendar(tx));
  const wh::Deadlines d;
  const auto now = s.clock.Now();
  const auto today = TodayInChina(s);
  const cal::Date first_day{std::chrono::year{cal::YearOf(today)} / std::chrono::March / 2};
  if (today <= first_day + std::chrono::days{10}) return 0;
  const int span = static_cast<int>((today - first_day).count());
  std::map<std::string, std::vector<domain::Unit>> departments_of;  // by region
  int written = 0;

  // The months reported: September (or the last three) to this one, each judged on its last day
  // (today for this one).
  const int year = cal::YearOf(today);
  const int this_month = cal::MonthOf(today);
  std::vector<cal::Date> month_ends;
  for (int back = std::min(3, this_month >= 9 ? this_month - 9 : this_month + 3); back >= 1;
       --back) {
    const int m0 = this_month - back;
    const int y = m0 >= 1 ? year : year - 1;
    const int m = m0 >= 1 ? m0 : m0 + 12;
    const cal::Date first_next{std::chrono::year{m == 12 ? y + 1 : y} /
                               std::chrono::month{static_cast<unsigned>(m == 12 ? 1 : m + 1)} /
                               std::chrono::day{1}};
    month_ends.push_back(first_next - std::chrono::days{1});
  }
  month_ends.push_back(today);

  for (const auto school_id : schools) {
    std::vector<wh::Whistle> raised;  // this school's, for its reports
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindUnit(school_id));
    if (!school) continue;
    auto it = departments_of.find(school->region_code);
    if (it == departments_of.end()) {
      domain::UnitFilter f;
      f.kind = "department";
      f.region_code = school->region_code;
      f.page.page_size = 100;
      XA_ASSIGN_OR_RETURN(auto page, tx.org().ListUnits(f));
      it = departments_of.emplace(school->region_code, std::move(page.items)).first;
    }
    const auto& departments = it->second;
    const auto account = std::find(account_schools.begin(), account_schools.end(), school_id);
    const bool first_account =
        account == account_schools.begin() && account != account_schools.end();
    // The first account school's three open whistles, or 0–2 of the year at the others.
    const int count = first_account ? 3 : (rnd.Chance(50) ? rnd.Between(1, 2) : 0);
    for (int k = 0; k < count; ++k) {
      const Risk* risk = &kRisks[rnd.Between(0, std::size(kRisks) - 1)];
      cal::Date day = first_day + std::chrono::days{rnd.Between(0, span - 2)};
      if (first_account) {
        // Waiting for the traffic police (raised two hours ago); with the police for a week;
        // answered by the market regulators three days ago.
        risk = &kRisks[k == 0 ? 0 : k == 1 ? 6 : 4];
      } else if (std::string(risk->category) == "water" &&
                 (cal::MonthOf(day) < 5 || cal::MonthOf(day) > 9)) {
        risk = &kRisks[rnd.Between(0, 3)];  // water bodies are a summer risk
      }
      wh::Whistle w;
      w.school_id = school_id;
      w.draft.title = risk->title;
      w.draft.description =
          std::string("学校排查发现：") + risk->title + "，学校无法独立消除，请相关部门协助处置。";
      w.draft.category = risk->category;
      w.draft.place = "around";
      w.draft.location = risk->location;
      w.draft.severity = (!first_account && rnd.Chance(10)) ? "major" : "general";
      w.draft.interim_measures = risk->interim;
      w.raised_by = first_account ? "school1_safety" : "demo";
      w.raised_at = first_account ? (k == 0   ? now - std::chrono::hours{2}
                                     : k == 1 ? now - std::chrono::hours{24 * 7}
                                              : now - std::chrono::hours{24 * 12})
                                  : AtChina(day, rnd.Between(8, 16));
      if (w.raised_at >= now) continue;
      std::vector<domain::Unit> to;
      for (const auto& kind : wh::DefaultDepartmentKinds(w.draft.category)) {
        for (const auto& dep : departments) {
          if (dep.department_kind && *dep.department_kind == kind) to.push_back(dep);
        }
      }
      if (to.empty()) continue;
      auto event = [&](wh::Instant at, std::string kind, std::string note, std::string actor,
                       std::optional<std::int64_t> dept = std::nullopt) {
        wh::Event e;
        e.at = at;
        e.kind = std::move(kind);
        e.note = std::move(note);
        e.actor = std::move(actor);
        e.department_id = dept;
        w.events.push_back(std::move(e));
      };
      event(w.raised_at, "raised", w.draft.interim_measures, w.raised_by);
      wh::Instant last_result{};
      bool all_answered = true;
      for (const auto& dep : to) {
        wh::Assignment a;
        a.department_id = dep.id;
        a.department_path = dep.path;
        a.routed_at = w.raised_at;
        a.ack_due = wh::AckDue(w.raised_at, w.draft.severity, d);
        const auto first_due =
            wh::WorkingDaysAfter(wh::ChinaDay(w.raised_at), d.first_feedback_days, holidays);
        a.feedback_due = first_due.date;
        a.feedback_due_provisional = first_due.provisional;
        event(w.raised_at, "routed", "按派送规则派送", "system", dep.id);
        const std::string liaison =
            dep.department_kind == std::optional<std::string>("police")           ? "dept1_liaison"
            : dep.department_kind == std::optional<std::string>("traffic_police") ? "dept2_liaison"
                                                                                  : "demo";
        // Hours to report in: mostly within the day, one in eight late.
        int ack_hours = w.draft.severity == "major" ? rnd.Between(0, 1) : rnd.Between(1, 20);
        if (rnd.Chance(12)) ack_hours = rnd.Between(26, 60);
        if (first_account) ack_hours = k == 0 ? 1000 : 3;
        const auto acked = Hours(w.raised_at, ack_hours);
        if (acked > a.ack_due && a.ack_due + std::chrono::minutes{5} < now) {
          a.escalated_at = a.ack_due + std::chrono::minutes{5};
          event(*a.escalated_at, "escalated", dep.name + "未按时报到，已告知教育局", "system",
                dep.id);
        }
        if (acked >= now) {
          all_answered = false;
          w.assignments.push_back(std::move(a));
          continue;
        }
        a.state = "acknowledged";
        a.acknowledged_at = acked;
        a.acknowledged_by = liaison;
        event(acked, "acknowledged", "已收到，安排人员处置", liaison, dep.id);
        // Progress after 2–4 working days, the result 3–25 days after raising.
        const auto progress_day =
            wh::WorkingDaysAfter(wh::ChinaDay(acked), rnd.Between(2, 4), holidays).date;
        const auto progress = AtChina(progress_day, rnd.Between(9, 17));
        int result_days = rnd.Between(3, 25);
        if (first_account) result_days = k == 2 ? 9 : 1000;
        const auto result = Hours(w.raised_at, 24 * result_days);
        if (progress < now && progress < result) {
          a.last_feedback_at = progress;
          const auto next = wh::WorkingDaysAfter(progress_day, d.feedback_interval_days, holidays);
          a.feedback_due = next.date;
          a.feedback_due_provisional = next.provisional;
          event(progress, "feedback", kNotes[rnd.Between(0, 3)], liaison, dep.id);
        }
        if (result >= now) {
          all_answered = false;
          w.assignments.push_back(std::move(a));
          continue;
        }
        a.state = "answered";
        a.answered_at = result;
        a.last_feedback_at = result;
        a.feedback_due.reset();
        a.feedback_due_provisional = false;
        event(result, "result", kResults[rnd.Between(0, 3)], liaison, dep.id);
        last_result = std::max(last_result, result);
        w.assignments.push_back(std::move(a));
      }
      if (all_answered) {
        const auto confirmed = Hours(last_result, 24 * rnd.Between(1, 3));
        if (confirmed < now && !first_account) {
          w.closed_at = confirmed;
          event(confirmed, "confirmed", "经现场核实，已整改到位", w.raised_by);
        }
      }
      std::stable_sort(w.events.begin(), w.events.end(),
                       [](const wh::Event& a, const wh::Event& b) { return a.at < b.at; });
      w.state = wh::StateOf(w.assignments, w.closed_at.has_value());
      XA_TRY(tx.whistles().Insert(w));
      raised.push_back(std::move(w));
      ++written;
    }
    // The monthly reports: filed in the month's last week by most schools; this month by half
    // (not yet by the first account school).
    for (std::size_t i = 0; i < month_ends.size(); ++i) {
      const bool current = i + 1 == month_ends.size();
      const bool files = current ? (!first_account && rnd.Chance(50)) : rnd.Chance(92);
      const auto end = month_ends[i];
      if (files) {
        const auto day = current ? end : end - std::chrono::days{rnd.Between(0, 6)};
        wh::PeriodicReport r;
        r.school_id = school_id;
        r.month = cal::MonthKey(end);
        r.filed_by = first_account ? "school1_safety" : "demo";
        r.filed_at = AtChina(day, rnd.Between(9, 11));
        if (current && r.filed_at >= now) r.filed_at = now - std::chrono::minutes{30};
        std::vector<wh::Whistle> open;
        for (const auto& w : raised) {
          if (w.raised_at <= r.filed_at && (!w.closed_at || *w.closed_at > r.filed_at)) {
            open.push_back(w);
            open.back().state = "in_progress";
          }
        }
        wh::Summarize(r, open);
        XA_TRY(tx.whistles().SaveReport(r));
      }
      // Judged as on that day (20:00 in China), this month as of now.
      const FixedClock then(Instant{end} + std::chrono::hours{12});
      const Clock& clock = current ? s.clock : static_cast<const Clock&>(then);
      Services at{s.store, clock, s.files_dir, s.mask_personal_fields};
      XA_TRY(EvaluateSchool(at, tx, school_id, end, "whistle"));
    }
  }
  return written;
}

}  // namespace xiaoan::app
