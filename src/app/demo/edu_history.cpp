// 1530 at the demo schools: every school's classes by its stage (three a grade in secondary
// schools, two in primary schools, 小班/中班/大班 in kindergartens), registered before the spring
// semester, and their check-ins up to yesterday: most schools every session, a third of those
// missing one now and then, one school in five a tenth short; one session in twenty recorded a
// day late. The class teacher with an account teaches 三年级2班 (or the school's first class) at
// each school with accounts, and the sessions of their last two days are left for them (today's,
// or one to record late on a day without school). The last weeks are judged on the 1530 rules.
#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "domain/edu/edu.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace edu = domain::edu;

namespace {

struct ClassSpec {
  int grade;
  std::string name;
};

std::vector<ClassSpec> ClassesOf(const std::string& stage) {
  std::vector<ClassSpec> out;
  const auto add = [&](int from, int to, int per_grade) {
    for (int g = from; g <= to; ++g) {
      for (int n = 1; n <= per_grade; ++n) out.push_back({g, std::to_string(n) + "班"});
    }
  };
  if (stage == "kindergarten") {
    out = {{0, "小一班"}, {0, "中一班"}, {0, "大一班"}};
  } else if (stage == "junior") {
    add(7, 9, 3);
  } else if (stage == "senior" || stage == "vocational") {
    add(10, 12, 3);
  } else if (stage == "nine_year") {
    add(1, 6, 1);
    add(7, 9, 2);
  } else if (stage == "twelve_year") {
    add(1, 12, 1);
  } else {
    add(1, 6, 2);
  }
  return out;
}

constexpr const char* kNotes[] = {"", "", "", "结合班会进行", "放学排队时提醒", "已在家长群同步"};

}  // namespace

Result<int> SeedEduHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                           const std::vector<domain::UnitId>& schools,
                           const std::vector<domain::UnitId>& account_schools,
                           EduHistoryOptions options) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  DemoRng rnd(seed, 0x1530153015301530ULL);
  DemoRng sizes(seed, 0xc1a55e5ULL);  // the class sizes: their own stream
  XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
  const cal::Date since = *cal::ParseDate("2026-02-27");
  const cal::Date first = *cal::ParseDate("2026-03-02");
  const cal::Date last = *today - std::chrono::days{1 + std::max(0, options.open_days)};
  int written = 0;
  for (std::size_t n = 0; n < schools.size(); ++n) {
    const auto id = schools[n];
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
    if (!school) continue;
    XA_ASSIGN_OR_RETURN(auto data, LoadSchoolTerms(tx, school->unit));
    const cal::SchoolCalendar calendar(holidays, data.terms, data.exceptions);
    const bool with_accounts =
        std::find(account_schools.begin(), account_schools.end(), id) != account_schools.end();
    std::string teacher;
    if (with_accounts) {
      const auto index =
          std::find(account_schools.begin(), account_schools.end(), id) - account_schools.begin();
      teacher = "school" + std::to_string(index + 1) + "_teacher";
    }
    // How well the school keeps up: most every session, a third of those missing one now and
    // then, one school in five a tenth short.
    const int keep = n % 5 == 3 ? rnd.Between(85, 92) : (n % 3 == 0 ? 99 : 100);
    const auto specs = ClassesOf(school->profile.stage);
    // The class teacher with an account teaches 三年级2班, or the school's first class.
    std::size_t taught = 0;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (specs[i].grade == 3 && specs[i].name == "2班") taught = i;
    }
    for (std::size_t i = 0; i < specs.size(); ++i) {
      edu::Class c;
      c.school_id = id;
      c.draft = {specs[i].grade, specs[i].name, "",
                 specs[i].grade == 0 ? sizes.Between(25, 32) : sizes.Between(36, 48)};
      const bool theirs = !teacher.empty() && i == taught;
      if (theirs) c.draft.teacher = teacher;
      c.since = since;
      XA_TRY(tx.edu().InsertClass(c));
      for (const auto& session :
           edu::Sessions(calendar, data.dismissals, c.draft.grade, first, last)) {
        // The class teacher's last two days are left for them to record (today's, and one
        // still open for a late check-in when today has none).
        if (theirs && session.date + std::chrono::days{2} >= *today) continue;
        if (!rnd.Chance(keep)) continue;
        edu::CheckIn k;
        k.class_id = c.id;
        k.school_id = id;
        k.date = session.date;
        k.kind = session.kind;
        k.topic = edu::SuggestedTopic(session, edu::InTermStart(calendar, session.date));
        k.note = kNotes[rnd.Between(0, 5)];
        k.by = theirs ? teacher : "demo";
        // One in twenty a day late (when that day is not today).
        const bool late = rnd.Chance(5) && session.date + std::chrono::days{1} < *today;
        k.on = late ? session.date + std::chrono::days{1} : session.date;
        // At the session's time in China (UTC+8), or at 09:00 the next morning when late.
        const int minutes = late ? 9 * 60 : session.at.value_or(16 * 60);
        k.at = std::chrono::time_point_cast<Instant::duration>(
            std::chrono::sys_days(k.on) + std::chrono::minutes(minutes) - std::chrono::hours(8));
        XA_ASSIGN_OR_RETURN(const bool inserted, tx.edu().InsertCheckIn(k));
        if (inserted) ++written;
      }
    }
    // The last four weeks judged as the daily job would have.
    for (int w = 4; options.judge && w >= 0; --w) {
      XA_TRY(EvaluateSchool(s, tx, id, *today - std::chrono::days{7 * w}, "edu"));
    }
  }
  return written;
}

}  // namespace xiaoan::app
