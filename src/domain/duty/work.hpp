#pragma once
// The district's work as one plan (全区“一盘棋”, measure 3): the bureau's common tasks (共性任务),
// key matters (重点事项) and routine work (常规工作), each led by a section of the bureau and
// deployed to schools and to the bureau's sections, due once or on a recurrence; each unit reports
// each due day done. Pure: the checks naming the field, the due days of a schedule on the public
// calendar, and the state of a due day — pending, due soon, overdue, done, done late
// (docs/duties.md).
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/duty/supervision.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain::duty {

using Day = std::chrono::sys_days;

inline constexpr std::size_t kMaxWorkTitleChars = 100;
inline constexpr std::size_t kMaxWorkDetailChars = 1000;
inline constexpr std::size_t kMaxWorkTargets = 3000;
inline constexpr std::size_t kMaxWorkNoteChars = 500;
inline constexpr int kMaxWorkSpanDays = 366;  // a recurrence runs a year at most
inline constexpr int kWorkSoonDays = 3;       // a due day this near (calendar days) is 即将到期
inline constexpr int kMaxWorkdayShift = 14;   // a due day moves back at most this many days

// common 共性任务, key 重点事项, routine 常规工作.
std::span<const Option> WorkKinds();
std::string_view WorkKindLabel(std::string_view code);
// once 一次性, weekly 每周, monthly 每月, quarterly 每季度.
std::span<const Option> WorkRepeats();
std::string_view WorkRepeatLabel(std::string_view code);

struct WorkSchedule {
  std::string repeat = "once";
  std::optional<Day> due;    // once: the due day
  int day = 0;               // weekly: 1–7 (Monday 1); monthly and quarterly: the day, 1–31
  std::optional<Day> from;   // a recurrence's first day
  std::optional<Day> until;  // and its last (inclusive)
};

struct WorkItem {
  std::int64_t id = 0;
  std::int64_t bureau_id = 0;
  std::string kind;  // common | key | routine
  std::string title;
  std::string detail;
  std::vector<int> measures;          // the plan's measures it serves, ascending
  std::int64_t lead_section_id = 0;   // the bureau's section that leads it
  std::string lead_section_name;      // read with the item
  std::vector<std::int64_t> targets;  // the schools and sections it is deployed to, ascending
  WorkSchedule schedule;
  int version = 0;  // 0: not stored yet
  std::string updated_by;
  Instant updated_at{};
};

// Every problem naming its field: kind, title (1–100 characters), detail (≤ 1000), measures (as
// for a supervision item, measures[i]), lead_section_id, targets (1–3000 units, none twice:
// targets[i]), schedule.repeat, schedule.due (once), schedule.day (weekly 1–7, monthly and
// quarterly 1–31), schedule.from and schedule.until (a recurrence: both, until not before from,
// at most 366 days) and schedule (a recurrence with no due day in its range). Sorts the measures
// and the targets.
std::vector<ErrorDetail> CheckWorkItem(WorkItem& item);

// Whether a day is a working day on the public calendar; nullopt when its year is not loaded.
using WorkingDay = std::function<std::optional<bool>(Day)>;

// A due day that falls on a day off moves back to the working day before it (a report due on a
// Sunday is due on the Friday), by at most 14 days; a day whose year is not loaded stays.
Day OnWorkingDay(Day d, const WorkingDay& working);

// The schedule's due days, ascending and each once: the due day of a one-off; a weekly one's
// weekday in each week, a monthly one's day in each month (the month's last day when it is
// shorter), a quarterly one's day in the last month of each quarter, from `from` to `until` —
// each moved onto a working day, and kept when the moved day is still in the range. Empty for a
// schedule CheckWorkItem refuses.
std::vector<Day> DueDays(const WorkSchedule& schedule, const WorkingDay& working);

enum class WorkState { kPending, kDueSoon, kOverdue, kDone, kDoneLate };
std::string_view WorkStateCode(WorkState s);  // pending, due_soon, overdue, done, done_late
std::string_view WorkStateLabel(WorkState s);  // 未到期, 即将到期, 逾期未完成, 已完成, 逾期完成

// A due day's state for one unit: done on or before the day is done, after it done late; not done,
// overdue from the day after, due soon from three days before.
WorkState StateOf(Day due, std::optional<Day> done_on, Day today);

// A unit's report of one due day: the day must be one of the item's, done not after today, a note
// of at most 500 characters (fields due, done_on, note).
struct WorkReport {
  std::int64_t item_id = 0;
  std::int64_t unit_id = 0;
  Day due{};
  Day done_on{};
  std::string note;
  std::string reported_by;
  Instant reported_at{};
};
std::vector<ErrorDetail> CheckWorkReport(const WorkReport& report, const std::vector<Day>& due_days,
                                         Day today);

// One unit's progress on an item by `today`: the due days that have come (due on or before today),
// of them done on time, done late and overdue (today's, not done yet, is none of these); the first
// due day not done and its state. `done` holds the unit's reports as (due day, done day).
struct WorkProgress {
  int due = 0;
  int done = 0;
  int done_late = 0;
  int overdue = 0;
  std::optional<Day> next;  // the first due day not done, if any
  WorkState next_state = WorkState::kPending;
};
WorkProgress ProgressOf(const std::vector<Day>& due_days,
                        const std::vector<std::pair<Day, Day>>& done, Day today);

// duty.work (each month, measure 3), declared with the duty rules (RuleDecls): a school's due days
// of the month, each with the item it belongs to and the day it was done.
const rules::RuleDecl& WorkRule();
struct WorkDue {
  std::int64_t item_id = 0;
  std::string title;
  Day due{};
  std::optional<Day> done_on;
};
// The due days in [first, last]: any not done after its day fails (naming the first three); any
// done late warns; any still to come is due; all done on time pass; none is not applicable. The
// evidence is the items failing or late.
rules::Verdict JudgeWork(const std::vector<WorkDue>& dues, Day first, Day last, Day today);

// Part of the duty repository (tx.duties()); duty_work_repository.cpp.
class WorkRepository {
 public:
  virtual ~WorkRepository() = default;
  // The bureau's items, the newest first, each with its targets.
  virtual Result<std::vector<WorkItem>> WorkItems(std::int64_t bureau_id) = 0;
  // The items deployed to a unit (a school or a section), the newest first.
  virtual Result<std::vector<WorkItem>> WorkItemsFor(std::int64_t unit_id) = 0;
  virtual Result<std::optional<WorkItem>> WorkItemById(std::int64_t id) = 0;
  // A new item (version 0 → 1, id set) or the version read (false when it changed since); the
  // targets are replaced, and the reports of a unit no longer targeted are removed.
  virtual Result<bool> SaveWorkItem(WorkItem& item) = 0;
  // With its targets and reports, at the version read; false when it changed since or is gone.
  virtual Result<bool> DeleteWorkItem(std::int64_t id, int version) = 0;
  // The reports of an item (by unit, then due day), or of a unit across items.
  virtual Result<std::vector<WorkReport>> WorkReports(std::int64_t item_id) = 0;
  virtual Result<std::vector<WorkReport>> WorkReportsOf(std::int64_t unit_id) = 0;
  // A unit's report of a due day; false when that day is reported already.
  virtual Result<bool> AddWorkReport(const WorkReport& report) = 0;
  // Withdraws it; false when there was none.
  virtual Result<bool> RemoveWorkReport(std::int64_t item_id, std::int64_t unit_id, Day due) = 0;
};

}  // namespace xiaoan::domain::duty
