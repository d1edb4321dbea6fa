// The demo district's autumn round of 四个100% screening (逐校筛查), as it stands today: opened by
// the bureau a fortnight ago over every school, most schools screened in the first days of this
// month through the screening use case (notes for each indicator), a hazard in the ledger for each
// indicator a school failed, and about half of those schools have since repaired what was short,
// so the rules closed their hazards. The first account school has not screened yet, so its safety
// officer finds the round waiting.

#include <algorithm>
#include <chrono>

#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/security/security.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace sec = domain::security;

namespace {

// `minutes` past 08:30 in China on the day `days` from today, never later than now.
Instant At(const Clock& real, cal::Date today, int days, int minutes) {
  const auto t =
      Instant{std::chrono::sys_days{today + std::chrono::days{days}}.time_since_epoch()} +
      std::chrono::minutes{30 + minutes};
  return std::min(t, real.Now());
}

constexpr const char* kNotes[] = {"现场核对保安员名册、保安员证和排班表，查看巡查记录",
                                  "沿围墙巡看一周，核对门禁、来访登记本和门卫室值守",
                                  "现场按下一键报警测试联动，调阅监控回放核对保存天数",
                                  "上学、放学高峰到校门口查看护学岗人员在岗情况"};

// What the school does about the indicators it failed: hires licensed guards, closes the campus,
// tests and links its alarms, completes the video, posts people at both peaks.
void Repair(sec::SchoolSecurity& d, const sec::Indicators& ind, int need, cal::Date today) {
  if (!ind.guards) {
    std::erase_if(d.guards, [&](const sec::Guard& g) {
      return g.license_no.empty() || (g.birth_date && sec::AgeOn(*g.birth_date, today) > 60);
    });
    int full_time = static_cast<int>(std::count_if(
        d.guards.begin(), d.guards.end(), [](const sec::Guard& g) { return g.full_time; }));
    for (int n = 1; full_time < need; ++n, ++full_time) {
      sec::Guard g;
      g.name = "新聘保安员" + std::to_string(n);
      g.full_time = true;
      g.license_no = "保安员证" + std::to_string(2026120 + n);
      g.birth_date = cal::ParseDate("1982-05-01");
      g.employer = "示范区保安服务有限公司";
      g.shifts = "白班、夜班轮换";
      d.guards.push_back(std::move(g));
    }
    d.patrols_per_day = std::max(d.patrols_per_day, 6);
  }
  if (!ind.closed_campus) {
    d.perimeter = d.gate_controlled = d.visitor_register = d.gate_house_staffed = true;
  }
  if (!ind.alarm_video) {
    if (d.alarms.empty()) d.alarms.push_back({0, "门卫室", true, true, today});
    for (auto& a : d.alarms) {
      a.linked_110 = true;
      a.linked_bureau = true;
      a.last_test = today;
    }
    for (const auto& area : sec::VideoAreas()) {
      if (std::find(d.video.areas.begin(), d.video.areas.end(), area.code) == d.video.areas.end()) {
        d.video.areas.emplace_back(area.code);
      }
    }
    d.video.retention_days = std::max(d.video.retention_days, 30);
    if (d.video.open_fault_since) d.video.last_repair = today;
    d.video.open_fault_since.reset();
  }
  if (!ind.gate_duty) {
    for (const char* peak : {"morning", "afternoon"}) {
      d.posts.push_back({0, "正门", peak, 2, {"police", "guard"}});
    }
  }
}

}  // namespace

Result<int> SeedSecurityRound(Services& s, std::uint64_t seed, domain::UnitId bureau,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools,
                              const std::string& office_user) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today || schools.empty()) return 0;
  DemoRng rnd(seed, 0x9E3779B97F4A7C15ULL);
  const auto day_of_month =
      static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day{*today}.day()));
  // Screenings fall in this month, whose findings the records as they stand now belong to.
  const int first_day = -std::min(4, day_of_month - 1);
  FixedClock clock(At(s.clock, *today, -15, 0));
  Services at{s.store, clock};
  at.files_dir = s.files_dir;

  RequestContext office;
  office.actor = office_user;
  office.unit_id = bureau;
  RoundInput in;
  in.name = "2026年秋季四个100%逐校筛查";
  in.from = cal::FormatDate(*today - std::chrono::days{15});
  in.to = cal::FormatDate(*today + std::chrono::days{10});
  in.school_ids = schools;
  XA_ASSIGN_OR_RETURN(auto round, OpenSecurityRound(at, office, in));
  const auto id = round.summary.round.id;

  int screened = 0;
  int failing = 0;
  for (const auto school : schools) {
    if (!account_schools.empty() && school == account_schools.front()) continue;
    if (rnd.Chance(8)) continue;  // not screened yet
    RequestContext staff;
    staff.actor =
        account_schools.size() > 1 && school == account_schools[1] ? "school2_safety" : "demo";
    staff.unit_id = school;
    const int day = rnd.Between(first_day, 0);
    clock.Set(At(s.clock, *today, day, rnd.Between(0, 480)));
    std::vector<sec::Evidence> evidence;
    for (std::size_t i = 0; i < sec::IndicatorList().size(); ++i) {
      evidence.push_back({std::string(sec::IndicatorList()[i].code), kNotes[i], {}});
    }
    auto done = ScreenSchool(at, staff, id, school, std::move(evidence));
    if (!done.ok()) {
      if (done.error().code == ErrorCode::kFailedPrecondition) continue;  // no record
      return done.error();
    }
    ++screened;
    const auto ind = done->screening->indicators;
    if (ind.All() || failing++ % 2 == 1) continue;
    // Every other school short repairs it the next day (or later today): the rules close the
    // hazards.
    clock.Set(std::min(clock.Now() + std::chrono::hours{day < 0 ? 24 : 2}, s.clock.Now()));
    XA_ASSIGN_OR_RETURN(auto view, GetSecurityRecord(at, staff, school));
    auto record = view.record;
    Repair(record.data, ind, view.required_guards,
           cal::ParseDate(domain::hazard::ChinaDate(clock.Now())).value_or(*today));
    XA_TRY(SaveSecurityRecord(at, staff, school, std::move(record)));
  }
  return screened;
}

}  // namespace xiaoan::app
