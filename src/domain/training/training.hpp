#pragma once
// 安全培训 (measures 17 and 19): the staff of each school in key posts (消防安全, 基建工程, 实验室,
// 实习实训, 安保) with the day each took the post, the training sessions a school holds with who
// attended, each person's next training due (the rotation due list), and the rules
// training.rotation (every key-post person trained within the interval) and training.holiday
// (security staff and teachers trained in handling intrusion and attack in each vacation). Pure:
// checks naming the field, the due list and the verdicts (docs/training.md).
#include <cstdint>
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
}  // namespace xiaoan::domain

namespace xiaoan::domain::training {

inline constexpr std::size_t kMaxNameChars = 20;
inline constexpr std::size_t kMaxTitleChars = 60;
inline constexpr std::size_t kMaxTextChars = 100;
inline constexpr std::size_t kMaxNoteChars = 500;
inline constexpr std::size_t kMaxAttendees = 500;
inline constexpr int kMaxOthers = 5000;
inline constexpr double kMaxHours = 40;

struct Option {
  std::string_view code;
  std::string_view label;
};
// fire 消防安全, construction 基建工程, lab 实验室, practice 实习实训, security 安保.
std::span<const Option> Posts();
// rotation 重点岗位轮训, holiday 假期安保培训（突发冲撞、侵害处置）, topic 专题安全培训.
std::span<const Option> Kinds();
std::string_view PostLabel(std::string_view code);  // "" for an unknown code
std::string_view KindLabel(std::string_view code);

// A person in a key post of a school.
struct KeyStaff {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;  // read with the person
  std::string name;
  std::string post;
  std::string phone;
  std::string since;  // YYYY-MM-DD: the day they took the post
  bool active = true;
  std::string note;
  int version = 0;
  std::string updated_by;
  Instant updated_at{};
};

struct Attendee {
  std::int64_t staff_id = 0;
  std::string name;
  std::string post;
};

// A training session a school held.
struct Session {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;  // read with the session
  std::string title;
  std::string kind;
  std::string held_on;  // YYYY-MM-DD
  double hours = 0;     // 0.5 to kMaxHours, in half hours
  std::string trainer;
  std::string place;
  std::vector<std::int64_t> staff_ids;  // the key-post staff who attended
  std::vector<Attendee> attendees;      // read with the session, in staff_ids' order
  int other_count = 0;                  // other staff and teachers who attended
  std::string note;
  std::string created_by;
  std::string created_by_name;  // read with the session
  Instant created_at{};
};

// A person as entered: name required, post known, phone a mobile or fixed line when given, the
// day taken a date not after `today`, lengths bounded; each problem names its field.
std::vector<ErrorDetail> CheckStaff(const KeyStaff& s, calendar::Date today);
// A session as entered: title, kind known, the day a date not after `today`, hours 0.5–40 in
// half hours, attendees listed once each and at most kMaxAttendees, other_count 0–kMaxOthers,
// someone attending. Whether each attendee is a key-post person of the school is the caller's.
std::vector<ErrorDetail> CheckSession(const Session& s, calendar::Date today);

// Where a person stands: trained within the interval (ok), due within warn_days (due soon),
// past the day it was due (overdue), or no longer in the post (inactive).
enum class DueState { kOk, kDueSoon, kOverdue, kInactive };
std::string_view DueStateCode(DueState s);   // ok, due_soon, overdue, inactive
std::string_view DueStateLabel(DueState s);  // 正常, 即将到期, 逾期, 已停用

struct Due {
  std::int64_t staff_id = 0;
  std::optional<calendar::Date> last_trained;
  std::int64_t last_session_id = 0;  // 0: never trained
  std::string last_session_title;
  std::optional<calendar::Date> due_by;  // none for an inactive person
  DueState state = DueState::kOk;
};

// Each person's next training: `months` after the last session they attended on or before
// `today` (any kind), or after the day they took the post when they have none (month-end
// clamped); overdue once that day has passed, due soon when it is fewer than warn_days away.
Due DueOf(const KeyStaff& s, const std::vector<Session>& sessions, int months, int warn_days,
          calendar::Date today);
// The due list of a school's staff: overdue first, then due soon, then ok, each by the day due,
// inactive last.
std::vector<Due> DueList(const std::vector<KeyStaff>& staff, const std::vector<Session>& sessions,
                         int months, int warn_days, calendar::Date today);

// The vacation a semester's holiday training belongs to: the days from the end of the term
// before it (or 60 days before its start when the calendar has none) to grace_days after its
// start (the first days back count); named 寒假 before a second term, 暑假 before a first.
struct HolidayWindow {
  calendar::Date from{};
  calendar::Date to{};
  std::string name;
};
HolidayWindow WindowBefore(const calendar::Term& term, const std::vector<calendar::Term>& terms,
                           int grace_days);

std::span<const rules::RuleDecl> RuleDecls();
const rules::RuleDecl& RotationRule();
const rules::RuleDecl& HolidayRule();
// training.rotation (each month): every active key-post person trained within interval_months;
// a warning when someone falls due within warn_days; failed when the school lists nobody.
rules::Verdict JudgeRotation(const std::vector<KeyStaff>& staff,
                             const std::vector<Session>& sessions, const rules::ParamValues& v,
                             calendar::Date today);
// training.holiday (each semester, for the vacation before it): a 假期安保培训 session within
// the window attended by at least one of the school's security staff and by at least min_staff
// other staff (teachers and key-post people of other posts); due until the window closes.
rules::Verdict JudgeHoliday(const std::vector<KeyStaff>& staff,
                            const std::vector<Session>& sessions, const HolidayWindow& window,
                            const rules::ParamValues& v, calendar::Date today);

// Names in a sign-in sheet matched to a school's active staff: the staff ids found (each once,
// in the sheet's order; namesakes all) and how many names matched nobody. Blank names and a name
// written twice are skipped.
struct SignIn {
  std::vector<std::int64_t> staff_ids;
  int others = 0;
};
SignIn MatchSignIn(const std::vector<std::string>& names, const std::vector<KeyStaff>& staff);

class TrainingRepository {
 public:
  virtual ~TrainingRepository() = default;
  virtual Result<std::optional<KeyStaff>> Staff(std::int64_t id) = 0;
  // A school's people (unit_id), or every person of the schools in scope.
  virtual Result<std::vector<KeyStaff>> StaffOf(std::int64_t unit_id) = 0;
  virtual Result<std::vector<KeyStaff>> StaffIn(const ScopeFilter& scope) = 0;
  virtual Result<std::int64_t> InsertStaff(KeyStaff& s) = 0;
  // At the version read; false when it changed since.
  virtual Result<bool> UpdateStaff(KeyStaff& s) = 0;

  virtual Result<std::optional<Session>> FindSession(std::int64_t id) = 0;
  // A school's sessions, newest first (kind "" for all), or those of the schools in scope.
  virtual Result<std::vector<Session>> SessionsOf(std::int64_t unit_id,
                                                  const std::string& kind) = 0;
  virtual Result<std::vector<Session>> SessionsIn(const ScopeFilter& scope) = 0;
  virtual Result<std::int64_t> InsertSession(Session& s) = 0;
  // Replaces who attended (staff_ids and other_count).
  virtual Status SetAttendance(const Session& s) = 0;
  virtual Status DeleteSession(std::int64_t id) = 0;
};

}  // namespace xiaoan::domain::training
