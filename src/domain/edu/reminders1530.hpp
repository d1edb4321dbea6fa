#pragma once
// The 1530 safety reminders of a class (measure 20 of the plan; rules edu.1530.daily, .weekly and
// .holiday), computed from the school's calendar and never stored ahead:
//   - every school day, 1 minute before the class's dismissal;
//   - the last school day of each school week (a make-up Saturday or Sunday can be that day),
//     5 minutes before;
//   - the last school day before each public holiday or vacation, 30 minutes before.
// A school's own day off (运动会, 校庆 …) moves them like any day without school, but is no holiday
// of its own. Then what a session should be about (the age group, the season, the occasion), and
// where a session stands once its check-in is known or missing.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/calendar.hpp"

namespace xiaoan::domain::edu {

namespace cal = calendar;

enum class SessionKind { kDaily, kWeekly, kHoliday };
std::string_view SessionCode(SessionKind k);   // edu.1530.daily, edu.1530.weekly, edu.1530.holiday
std::string_view SessionLabel(SessionKind k);  // 每日放学前1分钟 …
int MinutesBefore(SessionKind k);              // 1, 5, 30

struct Session {
  cal::Date date{};
  SessionKind kind = SessionKind::kDaily;
  // Minutes after midnight: the class's dismissal time less 1, 5 or 30 minutes; nullopt while no
  // dismissal time is set for the class's grade on that weekday.
  std::optional<int> at;
  std::string occasion;  // the holiday or vacation a holiday session comes before (国庆节, 暑假)
};

// Whether a break brings the 30-minute holiday lesson on its eve: a public holiday or a vacation
// does; a school's own day off alone does not (the calendar's month view asks the same).
bool HolidayLessonBefore(const cal::Break& b);

// The sessions of a class of `grade` on the school days in [from, to], by date, then daily,
// weekly, holiday. A week's last school day is judged on the whole week and a holiday on the days
// after `to`, so a range that cuts a week or ends on a holiday's eve gives the same sessions as a
// longer one.
std::vector<Session> Sessions(const cal::SchoolCalendar& calendar,
                              const std::vector<cal::Dismissal>& dismissals, int grade,
                              cal::Date from, cal::Date to);

// ---- What a session is about -------------------------------------------------------------------
enum class AgeGroup { kKindergarten, kLowerPrimary, kUpperPrimary, kJunior, kSenior };
std::string_view AgeGroupCode(
    AgeGroup g);  // kindergarten, lower_primary, upper_primary, junior, senior
// The age group of a class: a kindergarten's, a junior or a senior (and vocational) school's
// classes by their stage; a primary, nine-year, twelve-year or special school's by the grade
// (1–3 lower primary, 4–6 upper primary, 7–9 junior, 10–12 senior; 0 or unknown: lower primary).
AgeGroup AgeGroupOf(std::string_view stage, int grade);

// The topics of the content library.
enum class Topic {
  kDrowning,       // 防溺水
  kFire,           // 防火与用电、燃气、一氧化碳 (winter)
  kTraffic,        // 交通安全
  kBullying,       // 防欺凌
  kHolidayTravel,  // 假期出行与居家安全
  kFireworks,      // 烟花爆竹与春节安全
  kFood,           // 食品卫生与传染病
  kFraud,          // 防诈骗与网络安全
  kGeneral,        // 日常安全
};
std::string_view TopicCode(Topic t);
std::string_view TopicLabel(Topic t);

// The suggested topic of a session on its day, first match wins:
//   1. a holiday session: the occasion's risks (暑假, 端午节 → drowning; 寒假, 春节 → fireworks;
//      元旦 → fire; other holidays → travel);
//   2. the first two school weeks of a semester (`term_start`): traffic, and bullying for the
//      weekly session;
//   3. the season: June to August drowning, and in May and September drowning for the weekly
//      session (before the weekend by the water); November to February fire, electricity, gas
//      and carbon monoxide;
//   4. otherwise a weekly session on fraud and the internet, a daily one on everyday safety,
//      alternating with traffic (even days of the month).
Topic SuggestedTopic(const Session& s, bool term_start);
// Whether the day falls in the first two weeks (14 days from its first day) of a semester.
bool InTermStart(const cal::SchoolCalendar& calendar, cal::Date d);

// The shipped content library: for every topic and age group, what the class teacher says (a few
// sentences written for the plan: the "六不" of drowning, the winter's fire, electricity, gas and
// carbon monoxide, traffic and bullying at term start, each holiday's risks). The district edits
// its own copy; this is where a new district starts.
struct Content {
  Topic topic = Topic::kGeneral;
  AgeGroup age = AgeGroup::kLowerPrimary;
  std::string_view text;
};
std::span<const Content> ShippedContent();
// The shipped text for a topic and an age group (every pair has one).
std::string_view ShippedText(Topic topic, AgeGroup age);

// ---- Where a session stands --------------------------------------------------------------------
enum class SessionState {
  kUpcoming,  // a later day
  kDue,       // today, not yet checked in
  kDone,      // checked in on its day
  kLate,      // checked in on a later day (补录)
  kMissed,    // its day is over and there is no check-in
};
std::string_view SessionStateCode(SessionState s);
// `checked_in_on`: the China date of the check-in, if any; `today`: the China date now.
SessionState StateOf(const Session& s, std::optional<cal::Date> checked_in_on, cal::Date today);
// Whether a check-in of the session is accepted today: on its day, or late up to `late_days`
// days after it (0: its day only); never before its day.
bool CheckInOpen(const Session& s, cal::Date today, int late_days);

// Completion of sessions that were due (their day is today or past): done on the day, late, and
// missed; the rate is (done + late) / due (1 when nothing was due), today's open session counts
// as due only once checked in.
struct Completion {
  int due = 0;
  int done = 0;
  int late = 0;
  int missed = 0;
  double Rate() const { return due == 0 ? 1.0 : static_cast<double>(done + late) / due; }
};
void Count(Completion& c, SessionState state);
// The boards' order: the lower rate first, then by name.
bool LowerRate(const Completion& a, std::string_view a_name, const Completion& b,
               std::string_view b_name);

}  // namespace xiaoan::domain::edu
