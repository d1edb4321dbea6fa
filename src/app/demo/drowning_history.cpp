// 防溺水警示提醒 at the demo schools: the bureau's two campaigns of the summer (the flood season
// for rural, township and urban-rural-fringe schools from mid-June, and the week before the
// summer vacation for every school), and each class's warnings on its warning days up to
// yesterday. A 1530 check-in about drowning that day already counts, so nothing more is written
// for it; most schools record every other warning, one school in four a sixth short; one in
// twenty is recorded a day late. The class teacher with an account has their last two days left.
// The weeks of September are judged on edu.drowning.
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/edu/drowning.hpp"
#include "app/rules/rules.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace edu = domain::edu;

namespace {

constexpr const char* kNotes[] = {
    "", "", "", "讲了防溺水“六不”", "结合班会进行", "已在家长群转发提醒"};

Instant AtChinaTime(cal::Date day, int minutes) {
  return std::chrono::time_point_cast<Instant::duration>(
      std::chrono::sys_days(day) + std::chrono::minutes(minutes) - std::chrono::hours(8));
}

}  // namespace

Result<int> SeedDrowningHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                domain::UnitId bureau, const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  DemoRng rnd(seed, 0xd20a1119ULL);
  // The bureau's campaigns, issued the day before each starts (those ending before today only
  // when the demo runs after them, as a real district's would be).
  struct Spec {
    const char* title;
    const char* text;
    const char* from;
    const char* to;
    std::vector<std::string> types;
  };
  const Spec specs[] = {
      {"汛期防溺水专项预警",
       "近期进入主汛期，降雨频繁，河流、池塘、水库水位上涨。请各班放学前再次提醒学生：不到河边、塘"
       "边、"
       "水库边玩耍，不私自下水游泳；上下学不走临水小路；发现同伴落水立即呼救、拨打110，不手拉手下水"
       "施救。",
       "2026-06-15",
       "2026-07-10",
       {"rural", "township", "fringe"}},
      {"暑假前防溺水集中提醒",
       "暑假将至，请各班利用放学前时间集中开展防溺水警示教育，讲清“六不”，并请家长落实监护责任，"
       "假期不让孩子独自或结伴到野外水域游泳。",
       "2026-07-06",
       "2026-07-10",
       {}}};
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(bureau));
  if (!unit) return 0;
  for (const auto& spec : specs) {
    edu::DrowningCampaign c;
    c.unit_id = bureau;
    c.title = spec.title;
    c.text = spec.text;
    c.from = *cal::ParseDate(spec.from);
    c.to = *cal::ParseDate(spec.to);
    if (*today < c.from) continue;
    c.location_types = spec.types;
    c.created_by = "safety_office";
    c.created_at = AtChinaTime(c.from - std::chrono::days{1}, 17 * 60);
    XA_TRY(tx.drowning().InsertCampaign(c));
  }
  XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
  const cal::Date first = *cal::ParseDate("2026-03-02");
  const cal::Date yesterday = *today - std::chrono::days{1};
  if (yesterday < first) return 0;
  XA_ASSIGN_OR_RETURN(auto campaigns,
                      tx.drowning().Campaigns(cal::FormatDate(first), cal::FormatDate(yesterday)));
  for (auto& c : campaigns) c.unit_path = unit->path;
  int written = 0;
  for (std::size_t n = 0; n < schools.size(); ++n) {
    const auto id = schools[n];
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
    if (!school) continue;
    XA_ASSIGN_OR_RETURN(auto data, LoadSchoolTerms(tx, school->unit));
    const cal::SchoolCalendar calendar(holidays, data.terms, data.exceptions);
    XA_ASSIGN_OR_RETURN(auto in_force,
                        LoadValuesInForce(tx, school->unit, edu::DrowningRuleDecls()));
    const auto plan = edu::PlanOf(PlainValues(in_force));
    std::vector<edu::DrowningCampaign> aimed;
    for (const auto& c : campaigns) {
      if (edu::Targets(c, school->unit.path, school->profile.location_type)) aimed.push_back(c);
    }
    const auto days =
        edu::WarningDays(calendar, plan, edu::HighRiskLocation(school->profile.location_type),
                         aimed, first, yesterday);
    const bool with_accounts =
        std::find(account_schools.begin(), account_schools.end(), id) != account_schools.end();
    const int keep = n % 4 == 1 ? rnd.Between(80, 88) : 100;
    edu::ClassFilter f;
    f.school_id = id;
    XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses(f, domain::ScopeFilter{}));
    std::vector<std::int64_t> ids;
    for (const auto& c : classes) ids.push_back(c.id);
    XA_ASSIGN_OR_RETURN(auto checkins, tx.edu().CheckInsOf(ids, cal::FormatDate(first),
                                                           cal::FormatDate(yesterday)));
    std::set<std::pair<std::int64_t, cal::Date>> by_checkin;
    for (const auto& k : checkins) {
      if (k.topic == edu::Topic::kDrowning) by_checkin.insert({k.class_id, k.date});
    }
    for (const auto& c : classes) {
      const bool theirs = with_accounts && !c.draft.teacher.empty();
      for (const auto& d : days) {
        if (d.date < c.since || by_checkin.count({c.id, d.date}) > 0) continue;
        if (theirs && d.date + std::chrono::days{2} >= *today) continue;
        if (!rnd.Chance(keep)) continue;
        edu::DrowningWarning w;
        w.class_id = c.id;
        w.school_id = id;
        w.date = d.date;
        w.note = kNotes[rnd.Between(0, 5)];
        w.by = theirs ? c.draft.teacher : "demo";
        const bool late = rnd.Chance(5) && d.date + std::chrono::days{1} < *today;
        w.on = late ? d.date + std::chrono::days{1} : d.date;
        w.at = AtChinaTime(w.on, late ? 8 * 60 + 30 : 15 * 60 + 50);
        XA_ASSIGN_OR_RETURN(const bool inserted, tx.drowning().InsertWarning(w));
        if (inserted) ++written;
      }
    }
    // September's weeks judged as the daily job would have.
    for (const char* day : {"2026-09-02", "2026-09-09", "2026-09-16", "2026-09-23", "2026-09-30"}) {
      const auto d = *cal::ParseDate(day);
      if (d < *today) XA_TRY(EvaluateSchool(s, tx, id, d, kDrowningModule));
    }
  }
  return written;
}

}  // namespace xiaoan::app
