#pragma once
// 联防联控 (measure 10 of the plan): the bureau's tasks for the member departments of the
// drowning-prevention mechanism (natural resources and planning, agriculture, emergency
// management, water …) for the season — patrolling water bodies, warning signs, fences, rescue
// gear — and each department's report back. Pure checks, where a department stands on a task,
// and the repository port (migration 0037).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
}  // namespace xiaoan::domain

namespace xiaoan::domain::edu {

inline constexpr std::size_t kMaxJointTitleChars = 60;
inline constexpr std::size_t kMaxJointTextChars = 2000;
inline constexpr std::size_t kMaxJointReportChars = 1000;
inline constexpr std::size_t kMaxJointDepartments = 50;
inline constexpr int kMaxJointCount = 100000;

struct JointKind {
  std::string_view code;   // patrol, signs, fences, rescue, publicity, other
  std::string_view label;  // 巡查水域, 设置警示标志 …
};
std::span<const JointKind> JointKinds();
const JointKind* FindJointKind(std::string_view code);

struct JointTask {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;  // the issuing bureau
  std::string unit_path;     // read with the record
  std::string unit_name;     // read with the record
  std::string title;
  std::string text;
  std::vector<std::string> kinds;  // what is asked, JointKinds codes
  calendar::Date due_on{};         // report back by
  std::vector<std::int64_t> department_ids;
  std::string created_by;
  std::string created_by_name;  // read with the record
  Instant created_at{};
};
// Problems with a task as entered, naming title, text, kinds, due_on or department_ids: a
// title, a text within its length, at least one known kind without repeats, a due day not
// before `today`, one to kMaxJointDepartments departments without repeats.
std::vector<ErrorDetail> CheckJointTask(const JointTask& t, calendar::Date today);

// Whether a department of `department_region` works within the bureau's region (6-digit codes):
// a county bureau its county's departments; a city bureau also those of the counties of its
// city (XXXX00); a province bureau those of its province (XX0000).
bool InRegion(std::string_view bureau_region, std::string_view department_region);

// A department's report on a task (one per department; a later one replaces it).
struct JointReport {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::int64_t department_id = 0;
  std::string text;   // what was done
  int patrolled = 0;  // water bodies patrolled
  int signs = 0;      // warning signs set up or repaired
  int fences = 0;     // fences or nets built or repaired (places)
  int hazards = 0;    // hazards found and handed over
  std::string by;
  std::string by_name;  // read with the record
  Instant at{};
  calendar::Date on{};  // the China date of `at`
};
// Problems naming text, patrolled, signs, fences or hazards: a text within its length, counts
// of 0–kMaxJointCount.
std::vector<ErrorDetail> CheckJointReport(const JointReport& r);

// Where a department stands: reported by the due day (reported) or after it (late); not yet,
// while the due day has not passed (pending) or once it has (overdue).
enum class JointState { kPending, kReported, kLate, kOverdue };
std::string_view JointStateCode(JointState s);  // pending, reported, late, overdue
std::string_view JointStateLabel(JointState s);  // 待报告, 已报告, 逾期报告, 逾期未报告
JointState JointStateOf(calendar::Date due_on, std::optional<calendar::Date> reported_on,
                        calendar::Date today);

class JointRepository {
 public:
  virtual ~JointRepository() = default;
  // Inserts the task with its departments and assigns its id.
  virtual Status InsertTask(JointTask& t) = 0;
  virtual Status RemoveTask(std::int64_t id) = 0;
  virtual Result<std::optional<JointTask>> FindTask(std::int64_t id) = 0;
  // Tasks issued by units in `scope`, or (with `department_id`) given to that department; newest
  // first, at most `limit`.
  virtual Result<std::vector<JointTask>> Tasks(const ScopeFilter& scope,
                                               std::optional<std::int64_t> department_id,
                                               int limit) = 0;
  // Stores the department's report on the task, replacing an earlier one; true when it is its
  // first. Assigns the id.
  virtual Result<bool> SaveReport(JointReport& r) = 0;
  virtual Result<std::vector<JointReport>> ReportsOf(const std::vector<std::int64_t>& task_ids) = 0;
  // The task a report belongs to (its photos are readable by whoever may see the task).
  virtual Result<std::optional<std::int64_t>> TaskOfReport(std::int64_t report_id) = 0;
};

}  // namespace xiaoan::domain::edu
