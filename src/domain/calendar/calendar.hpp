#pragma once
// The school calendar (校历): the State Council's public holidays and make-up working days (调休)
// as data per year, semesters and vacations per region with school overrides, per-school days
// off and extra school days, dismissal times. Pure functions: the store supplies the data, and a
// year whose notice is not loaded is reported as missing, never guessed.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::domain::calendar {

using Date = std::chrono::sys_days;

// "YYYY-MM-DD" with a real month and day, or nullopt.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(Date d);
// 1 = Monday … 7 = Sunday.
int Weekday(Date d);
int YearOf(Date d);
int MonthOf(Date d);
// "YYYY-MM" of the day's month.
std::string MonthKey(Date d);

// ---- Public holidays (the State Council's notice of one year) ---------------------------------
struct Holiday {
  std::string name;            // 元旦, 春节 …
  Date from{};                 // first day off
  Date to{};                   // last day off
  std::vector<Date> workdays;  // make-up working days (调休上班) that belong to it
};
struct HolidayYear {
  int year = 0;
  std::string title;   // 国务院办公厅关于2026年部分节假日安排的通知
  std::string source;  // where it came from (shipped with Xiaoan, a file, a person)
  std::vector<Holiday> holidays;
  std::string loaded_at;
  std::string loaded_by;
};
// Problems naming the field (year, title, holidays[i].name/from/to/workdays[j]): days more than
// a month outside the year (元旦 may begin on 30 December), a range running backwards or longer
// than 15 days, a day listed twice, a make-up working day that is not a Saturday or Sunday.
std::vector<ErrorDetail> CheckHolidayYear(const HolidayYear& notice);

enum class PublicDay { kWorkday, kWeekend, kHoliday, kMakeupWorkday, kUnknown };

class PublicCalendar {
 public:
  void Add(const HolidayYear& notice);  // replaces a notice of the same year
  bool Knows(int year) const { return years_.count(year) > 0; }
  std::vector<int> Years() const;
  PublicDay Classify(Date d) const;
  // The holiday's name on a day off or a make-up working day; empty otherwise.
  std::string NameOf(Date d) const;
  // Working day on the public calendar; nullopt when the year is not loaded.
  std::optional<bool> IsWorkingDay(Date d) const;
  // The n-th working day after `from` (n ≥ 1; `from` itself does not count): a deadline "in n
  // working days". Fails with calendar.year_missing naming the year that is not loaded.
  Result<Date> AddWorkingDays(Date from, int n) const;
  // Working days in (from, to]; 0 when to ≤ from.
  Result<int> WorkingDaysBetween(Date from, Date to) const;

 private:
  struct Entry {
    bool off = false;
    std::string name;
  };
  std::map<int, std::map<Date, Entry>> years_;
};

Error YearMissing(int year);

// ---- Semesters, exceptions, dismissal times ----------------------------------------------------
struct Term {
  std::int64_t unit_id = 0;  // the unit that set it (a region's bureau or the school itself)
  int school_year = 0;       // 2026 = 2026—2027学年
  int term = 1;              // 1 = 第一学期 (autumn), 2 = 第二学期 (spring)
  Date starts{};
  Date ends{};
};
std::string TermLabel(int school_year, int term);  // 2026—2027学年第一学期
// Problems naming terms[i].*: term not 1 or 2, end before start, longer than 8 months, the
// first term starting outside July–October of its school year or the second outside January–April
// of the next, two terms of the list overlapping or one key listed twice.
std::vector<ErrorDetail> CheckTerms(const std::vector<Term>& terms);

struct DayException {
  std::int64_t unit_id = 0;
  Date date{};
  bool school_day = false;  // false: a day off (运动会、校庆 …); true: an extra school day
  std::string reason;
};
std::vector<ErrorDetail> CheckExceptions(const std::vector<DayException>& days);

struct Dismissal {
  std::int64_t unit_id = 0;
  int grade = 0;    // 0: every grade
  int weekday = 0;  // 0: every day, 1 = Monday … 7 = Sunday
  int minutes = 0;  // minutes after midnight
};
std::optional<int> ParseClock(std::string_view hh_mm);  // "16:30" → 990
std::string FormatClock(int minutes);
std::vector<ErrorDetail> CheckDismissals(const std::vector<Dismissal>& times);
// The dismissal time of a grade on a weekday: the most specific entry (grade and weekday, then
// grade, then weekday, then the school's default).
std::optional<int> DismissalTime(const std::vector<Dismissal>& times, int grade, int weekday);

// What a school inherits: for each (school year, term) the term set by the nearest unit, and
// for each date the exception set by the nearest unit; dismissal times from the nearest unit
// that has any. `nearest_first` lists the school and then its ancestors.
std::vector<Term> EffectiveTerms(const std::vector<std::int64_t>& nearest_first,
                                 const std::vector<Term>& defined);
std::vector<DayException> EffectiveExceptions(const std::vector<std::int64_t>& nearest_first,
                                              const std::vector<DayException>& defined);
std::vector<Dismissal> EffectiveDismissals(const std::vector<std::int64_t>& nearest_first,
                                           const std::vector<Dismissal>& defined);

// ---- One school's calendar ---------------------------------------------------------------------
enum class DayKind {
  kSchoolDay,
  kWeekend,
  kHoliday,   // a public holiday
  kVacation,  // outside every semester (寒假、暑假)
  kDayOff,    // the school's own day off
  kUnknown,   // in a semester, but the year's holiday notice is not loaded
};
std::string_view DayKindCode(DayKind k);

struct DayInfo {
  Date date{};
  DayKind kind = DayKind::kUnknown;
  bool makeup_workday = false;  // a weekend day worked for a holiday (调休上班)
  bool exception = false;       // set by the school's (or region's) exceptions
  std::string name;             // what the day is: holiday name, exception reason, 寒假/暑假
  std::string holiday;          // the public holiday the day is off or worked for, if any
  const Term* term = nullptr;   // the semester the day falls in
};

// A break from school: the days between the last school day before it and the next school day,
// when they hold a public holiday, a vacation or a day off (a plain weekend is not a break).
struct Break {
  Date last_school_day{};
  Date first_day{};  // first day without school
  Date last_day{};   // last day without school
  DayKind kind = DayKind::kHoliday;
  std::string name;  // 国庆节, 寒假, 运动会 …
};

struct TeachingMonth {
  std::string month;  // YYYY-MM
  int school_days = 0;
};

class SchoolCalendar {
 public:
  SchoolCalendar(const PublicCalendar& holidays, std::vector<Term> terms,
                 std::vector<DayException> exceptions);
  const std::vector<Term>& terms() const { return terms_; }
  const Term* TermOf(Date d) const;
  DayInfo Day(Date d) const;
  // Whether the school is open; nullopt when the answer needs a year that is not loaded.
  std::optional<bool> IsSchoolDay(Date d) const;
  // The school week runs Sunday to Saturday, so that a make-up Saturday belongs to the week
  // before it and a make-up Sunday to the week after it; it is named by its Monday.
  static Date WeekOf(Date d);
  std::vector<Date> SchoolDaysOfWeek(Date d) const;
  std::optional<Date> LastSchoolDayOfWeek(Date d) const;
  // School days in [from, to].
  std::vector<Date> SchoolDays(Date from, Date to) const;
  // Breaks whose last school day lies in [from, to]; a break is searched at most 120 days on.
  std::vector<Break> BreaksFrom(Date from, Date to) const;
  // Months of a semester with at least min_school_days school days (教学月).
  std::vector<TeachingMonth> TeachingMonths(const Term& term, int min_school_days) const;
  // The years a range needs and that are not loaded.
  std::vector<int> MissingYears(Date from, Date to) const;

 private:
  const PublicCalendar& holidays_;
  std::vector<Term> terms_;
  std::map<Date, DayException> exceptions_;
};

// ---- What falls due on a school day ----------------------------------------------------------
// The 1530 reminders (edu.1530.*): every school day 1 minute before dismissal, the last school
// day of the school week 5 minutes before, the last school day before a break 30 minutes before.
struct Duty {
  std::string code;  // edu.1530.daily, edu.1530.weekly, edu.1530.holiday
  std::string label;
  std::optional<int> at;  // minutes after midnight, when the dismissal time is known
};
// `break_name` is the break the day precedes ("" when none).
std::vector<Duty> Reminders1530(bool last_of_week, const std::string& break_name,
                                std::optional<int> dismissal);

// ---- The store ---------------------------------------------------------------------------------
class CalendarRepository {
 public:
  virtual ~CalendarRepository() = default;
  // Every loaded notice with its holidays, by year.
  virtual Result<std::vector<HolidayYear>> HolidayYears() = 0;
  virtual Status ReplaceHolidayYear(const HolidayYear& notice) = 0;
  // What the units set (a school and its ancestors, or one unit).
  virtual Result<std::vector<Term>> TermsOf(const std::vector<std::int64_t>& units) = 0;
  virtual Result<std::vector<DayException>> ExceptionsOf(
      const std::vector<std::int64_t>& units) = 0;
  virtual Result<std::vector<Dismissal>> DismissalsOf(const std::vector<std::int64_t>& units) = 0;
  // Replace everything of that kind the unit set.
  virtual Status ReplaceTerms(std::int64_t unit, const std::vector<Term>& terms) = 0;
  virtual Status ReplaceExceptions(std::int64_t unit, const std::vector<DayException>& days) = 0;
  virtual Status ReplaceDismissals(std::int64_t unit, const std::vector<Dismissal>& times) = 0;
};

}  // namespace xiaoan::domain::calendar
