// The demo district's school calendar: the bureau's semesters of 2026, dismissal times that
// follow a school's stage (earlier on Fridays), and a few schools' own days off and extra days.
#include "app/demo/seed_demo.hpp"
#include "domain/calendar/calendar.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;

namespace {

cal::Date Day(const char* text) { return cal::ParseDate(text).value_or(cal::Date{}); }

int Clock(const char* text) { return cal::ParseClock(text).value_or(16 * 60); }

}  // namespace

Status SeedDemoTerms(domain::Tx& tx, domain::UnitId bureau) {
  // 2025—2026学年第二学期 and 2026—2027学年第一学期, as the bureau's notice sets them.
  return tx.calendar().ReplaceTerms(bureau,
                                    {{bureau, 2025, 2, Day("2026-03-02"), Day("2026-07-10")},
                                     {bureau, 2026, 1, Day("2026-09-01"), Day("2027-01-22")}});
}

Status SeedDemoCalendar(domain::Tx& tx, domain::UnitId bureau,
                        const std::vector<domain::School>& schools) {
  XA_TRY(SeedDemoTerms(tx, bureau));
  // Primary schools by default: 16:30, Fridays 15:40.
  XA_TRY(tx.calendar().ReplaceDismissals(
      bureau, {{bureau, 0, 0, Clock("16:30")}, {bureau, 0, 5, Clock("15:40")}}));
  int kindergarten = 0;
  int secondary = 0;
  for (std::size_t i = 0; i < schools.size(); ++i) {
    const auto& school = schools[i];
    const auto id = school.unit.id;
    const auto& stage = school.profile.stage;
    if (stage == "kindergarten") {
      XA_TRY(tx.calendar().ReplaceDismissals(id, {{id, 0, 0, Clock("16:00")}}));
      // One kindergarten starts its autumn semester a day early for the new children.
      if (kindergarten++ == 0) {
        XA_TRY(tx.calendar().ReplaceExceptions(
            id, {{id, Day("2026-08-31"), true, "小班新生入园适应"}}));
      }
    } else if (stage == "junior" || stage == "senior" || stage == "vocational") {
      // Secondary schools: 17:30, Fridays 16:30; the graduating grade stays for evening study.
      std::vector<cal::Dismissal> times = {{id, 0, 0, Clock("17:30")}, {id, 0, 5, Clock("16:30")}};
      if (stage == "junior") times.push_back({id, 9, 0, Clock("18:10")});
      if (stage == "senior") times.push_back({id, 12, 0, Clock("21:00")});
      XA_TRY(tx.calendar().ReplaceDismissals(id, times));
      if (secondary++ == 0) {
        // A sports meeting: two days off, made up on the Saturday after.
        XA_TRY(tx.calendar().ReplaceExceptions(
            id, {{id, Day("2026-10-22"), false, "秋季运动会"},
                 {id, Day("2026-10-23"), false, "秋季运动会"},
                 {id, Day("2026-10-24"), true, "补 10 月 22 日的课"}}));
      }
    } else if (stage == "primary" && i % 5 == 0) {
      XA_TRY(tx.calendar().ReplaceExceptions(id, {{id, Day("2026-04-24"), false, "春季运动会"},
                                                  {id, Day("2026-11-20"), false, "秋季运动会"}}));
    }
  }
  return {};
}

}  // namespace xiaoan::app
