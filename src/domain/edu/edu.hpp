#pragma once
// The 1530 records (measure 20): each school's classes with their class teacher, and the
// check-ins of the sessions the calendar gives them (the sessions themselves are computed,
// reminders1530.hpp). Pure checks of a class as entered, the tally of a class's sessions against
// its check-ins, and the repository port (migration 0031).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/edu/reminders1530.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::edu {

using Instant = ::xiaoan::Instant;

inline constexpr int kMaxGrade = 12;  // 0: kindergarten or no grade; 1–12 一年级 … 高三
inline constexpr std::size_t kMaxClassNameChars = 20;
inline constexpr std::size_t kMaxNoteChars = 500;
inline constexpr int kMaxClassStudents = 200;

struct ClassDraft {
  int grade = 0;
  std::string name;     // 2班, 三年级2班, 大一班
  std::string teacher;  // the class teacher's username; "" while none
  int students = 0;     // 班级人数, 0–200; 0 while unknown
};
// Problems with a class as entered, naming grade, name or students (prefixed with `prefix`).
std::vector<ErrorDetail> CheckClass(const ClassDraft& d, const std::string& prefix = {});
// The Chinese label of a grade: 幼儿园/未分年级 (0), 一年级 … 六年级, 初一 … 初三, 高一 … 高三.
std::string GradeLabel(int grade);
// A grade as written in a spreadsheet: a number 0–12 or its label (一年级, 初二, 高三, 七年级 …).
std::optional<int> ParseGrade(std::string_view text);

struct Class {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string school_name;
  std::string school_path;
  std::string school_stage;
  ClassDraft draft;
  std::string teacher_name;  // display name, read with the class
  bool active = true;
  // The day the class was registered: its sessions start then, not at the semester's start.
  calendar::Date since{};
  int version = 0;
};

struct ClassFilter {
  std::optional<std::int64_t> school_id;
  std::optional<int> grade;
  std::optional<std::string> teacher;  // exactly this class teacher
  std::string q;                       // the class's name contains
  bool include_inactive = false;
};

// A session done (or done late): one per class, day and kind.
struct CheckIn {
  std::int64_t id = 0;
  std::int64_t class_id = 0;
  std::int64_t school_id = 0;
  calendar::Date date{};  // the session's day
  SessionKind kind = SessionKind::kDaily;
  Topic topic = Topic::kGeneral;
  std::string note;
  std::string by;
  std::string by_name;  // display name, read with the check-in
  Instant at{};
  calendar::Date on{};  // the China date of `at`: on the session's day, or later (补录)
};
std::optional<SessionKind> ParseSessionKind(std::string_view code);  // daily, weekly, holiday
std::string_view SessionKindCode(SessionKind k);
std::optional<Topic> ParseTopic(std::string_view code);
std::span<const Topic> AllTopics();

// A class's sessions against its check-ins, on `today`.
using CheckInKey = std::tuple<calendar::Date, SessionKind>;
struct Missing {
  calendar::Date date{};
  SessionKind kind = SessionKind::kDaily;
};
// The sessions of a class on or after `since`.
std::vector<Session> SessionsSince(std::vector<Session> sessions, calendar::Date since);
struct Tally {
  Completion total;
  std::map<SessionKind, Completion> by_kind;  // every kind present, counted or not
  std::vector<Missing> missing;               // the missed sessions, by date
};
Tally TallyOf(const std::vector<Session>& sessions,
              const std::map<CheckInKey, calendar::Date>& checked_in_on, calendar::Date today);
// A check-in as the boards count it: the class, the session's day and kind, the day recorded.
struct CheckInMark {
  std::int64_t class_id = 0;
  calendar::Date date{};
  SessionKind kind = SessionKind::kDaily;
  calendar::Date on{};
};
// Orders marks by class, day and kind (as TallyOf below reads one class's).
bool MarkBefore(const CheckInMark& a, const CheckInMark& b);
// The same tally for a board: the sessions on or after `since` against one class's marks, in
// MarkBefore order; counts only (no missing list).
Completion TallyOf(const std::vector<Session>& sessions, calendar::Date since,
                   std::span<const CheckInMark> marks, calendar::Date today,
                   std::map<SessionKind, Completion>& by_kind);
void Add(Completion& into, const Completion& c);

class EduRepository {
 public:
  virtual ~EduRepository() = default;
  // Inserts the class with version 1 and assigns its id.
  virtual Status InsertClass(Class& c) = 0;
  // Stores grade, name, teacher and active; false when the version read is not current.
  virtual Result<bool> UpdateClass(Class& c) = 0;
  virtual Result<std::optional<Class>> FindClass(std::int64_t id) = 0;
  // The school's class of that grade and name (active or not).
  virtual Result<std::optional<Class>> FindClassByName(std::int64_t school_id, int grade,
                                                       const std::string& name) = 0;
  // Classes of schools in scope, by school, grade and name.
  virtual Result<PageResult<Class>> ListClasses(const ClassFilter& f, const ScopeFilter& scope,
                                                const PageRequest& page) = 0;
  // Every class matching the filter in scope (boards and exports), in the same order.
  virtual Result<std::vector<Class>> AllClasses(const ClassFilter& f, const ScopeFilter& scope) = 0;
  // Inserts the check-in and assigns its id; false (nothing written) when the class already has
  // one for that day and kind.
  virtual Result<bool> InsertCheckIn(CheckIn& c) = 0;
  virtual Result<std::optional<CheckIn>> FindCheckIn(std::int64_t id) = 0;
  // The check-ins of the given classes for sessions on days in [from, to] ("YYYY-MM-DD").
  virtual Result<std::vector<CheckIn>> CheckInsOf(const std::vector<std::int64_t>& class_ids,
                                                  const std::string& from,
                                                  const std::string& to) = 0;
  // The check-ins of classes of schools in scope for sessions on days in [from, to].
  virtual Result<std::vector<CheckIn>> CheckInsIn(const ScopeFilter& scope, const std::string& from,
                                                  const std::string& to) = 0;
  // The check-ins of the given schools' classes as marks (boards): only class, day, kind and
  // the day recorded, for sessions on days in [from, to], in no given order.
  virtual Result<std::vector<CheckInMark>> CheckInMarksOf(
      const std::vector<std::int64_t>& school_ids, const std::string& from,
      const std::string& to) = 0;
};

}  // namespace xiaoan::domain::edu
