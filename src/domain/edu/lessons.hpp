#pragma once
// Safety education records (measure 21 and the education calendar of measure 20): 开学安全第一课,
// the anti-bullying lesson, themed education (反邪教, 反恐怖, 防诈骗, 防溺水 …) and the dated days
// and months of the year, each activity recorded by its school with its classes, participants,
// materials and photos. The rules edu.first_lesson, edu.bullying_lesson and edu.days judge them
// on the school's calendar, and the same judgement gives the education calendar of a school.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::edu {

// ---- Themes and dated days ---------------------------------------------------------------------
struct Theme {
  std::string_view code;   // first_lesson, bullying, drowning …
  std::string_view label;  // 开学安全第一课, 防欺凌 …
};
std::span<const Theme> Themes();
const Theme* FindTheme(std::string_view code);

// A dated day or month of safety education in a year (全国中小学生安全教育日 …). An activity
// counts for it when it is recorded with its code and dated within [first, last].
struct Observance {
  std::string code;        // safety_day, security_day, production_month, fire_month
  std::string label;       // 全国中小学生安全教育日
  calendar::Date day{};    // the day itself (the month's first day for a month)
  calendar::Date first{};  // the month the activity falls in
  calendar::Date last{};
  std::string note;  // 3月最后一个星期一, 11月9日全国消防日 …
};
// The year's observances by date: the last Monday of March (全国中小学生安全教育日), 15 April
// (全民国家安全教育日), June (安全生产月, 16 June 安全宣传咨询日), November (消防宣传月, 9 November
// 全国消防日).
std::vector<Observance> Observances(int year);
// The code is one of the observances' (any year).
bool IsObservance(std::string_view code);
std::string ObservanceLabel(std::string_view code);

// ---- Records -----------------------------------------------------------------------------------
inline constexpr std::size_t kMaxTitleChars = 100;
inline constexpr std::size_t kMaxLessonTextChars = 2000;
inline constexpr int kMaxParticipants = 100000;
inline constexpr std::size_t kMaxLessonClasses = 500;

struct Lesson {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string school_name;  // read with the record
  std::string date;         // YYYY-MM-DD
  std::string theme;        // Themes()
  std::string observance;   // an observance's code, or "" (Observances)
  std::string title;
  bool whole_school = true;
  std::vector<std::int64_t> class_ids;  // the school's classes when not the whole school
  int participants = 0;
  std::string speaker;    // 主讲人
  std::string materials;  // 课件、视频、资料
  std::string note;
  std::string recorded_by;
  std::string recorded_by_name;  // read with the record
  Instant created_at{};
  Instant updated_at{};
  int version = 0;
};

// Problems with a record as entered, naming the field: a valid date not after `today`, a known
// theme and observance (an observance's activity dated within its month of that year), a title,
// the classes when not the whole school, participants 1–100000, texts within their lengths.
std::vector<ErrorDetail> CheckLesson(const Lesson& l, calendar::Date today);

struct LessonFilter {
  std::optional<std::int64_t> school_id;
  std::optional<std::string> theme;
  std::optional<std::string> observance;
  std::optional<std::string> from;  // dates, inclusive
  std::optional<std::string> to;
  std::string q;  // the title contains
};

// ---- Rules -------------------------------------------------------------------------------------
std::span<const rules::RuleDecl> LessonRuleDecls();

// The first week of a semester as edu.first_lesson reads it: from the semester's first school
// day, `window_days` calendar days; nullopt when the first school day is unknown (no school day
// in the first 60 days, or the year's holidays not loaded).
struct Window {
  calendar::Date first{};
  calendar::Date last{};
};
std::optional<Window> FirstWeek(const calendar::SchoolCalendar& cal, const calendar::Term& term,
                                int window_days);

// The school's lessons judged on the three rules for the periods containing `day`, on `today`:
//   edu.first_lesson — the semester's 开学安全第一课 in its first week (the finding's period runs
//   to
//     the week's end, so that reminders and the failure come with the week);
//   edu.bullying_lesson — at least `min_count` anti-bullying lessons in the semester;
//   edu.days — each observance of the month recorded at least `min_count` times in its month;
//     not applicable in a month without one, or without a school day.
// `lessons` are the school's records around the day (any order).
std::vector<rules::Judgement> JudgeLessons(const calendar::SchoolCalendar& cal,
                                           std::span<const Lesson> lessons,
                                           const std::map<std::string, rules::ParamValues>& values,
                                           calendar::Date day, calendar::Date today);

// One line of a school's education calendar: what is due in a window, and where it stands.
struct CalendarItem {
  std::string key;   // first_lesson:2026-1, bullying_lesson:2026-1, safety_day:2026
  std::string code;  // first_lesson, bullying_lesson, or an observance's code
  std::string rule;  // the rule judging it
  std::string label;
  std::string note;
  calendar::Date first{};
  calendar::Date last{};
  rules::Outcome outcome = rules::Outcome::kNotApplicable;
  std::string reason;
  std::vector<std::int64_t> evidence;  // the records that count
};
// The school's education calendar for a calendar year: each semester's first lesson and
// anti-bullying lesson (semesters starting in the year) and the year's observances, by date.
std::vector<CalendarItem> EducationCalendar(const calendar::SchoolCalendar& cal,
                                            std::span<const Lesson> lessons,
                                            const std::map<std::string, rules::ParamValues>& values,
                                            int year, calendar::Date today);

// ---- The store ---------------------------------------------------------------------------------
class LessonRepository {
 public:
  virtual ~LessonRepository() = default;
  // Inserts with version 1 and assigns the id.
  virtual Status Insert(Lesson& l) = 0;
  // Stores the record's fields; false when the version read is not current.
  virtual Result<bool> Update(Lesson& l) = 0;
  virtual Status Remove(std::int64_t id) = 0;
  // The record when its school is in scope.
  virtual Result<std::optional<Lesson>> Find(std::int64_t id, const ScopeFilter& scope) = 0;
  // Newest first.
  virtual Result<PageResult<Lesson>> List(const LessonFilter& f, const ScopeFilter& scope,
                                          const PageRequest& page) = 0;
  // A school's records dated in [from, to] ("YYYY-MM-DD"), by date.
  virtual Result<std::vector<Lesson>> OfSchool(std::int64_t school_id, const std::string& from,
                                               const std::string& to) = 0;
  // The records of schools in scope dated in [from, to], by school and date.
  virtual Result<std::vector<Lesson>> InScope(const ScopeFilter& scope, const std::string& from,
                                              const std::string& to) = 0;
};

}  // namespace xiaoan::domain::edu
