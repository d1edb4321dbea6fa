#pragma once
// 全区“一盘棋” (measure 3, docs/duties.md): the bureau's common tasks, key matters and routine
// work, each led by one of its sections, deployed to schools and sections, due once or on a
// recurrence whose due days follow the public calendar; each unit reports each due day done; the
// bureau sees every unit's progress and lateness; each unit sees what it must do.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/platform.hpp"
#include "domain/duty/work.hpp"

namespace xiaoan::app {

struct WorkUnit {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // school | section
};

// The figures of an item across its units by today: due days come (units × days), done on time,
// done late, overdue, and the units with at least one overdue day.
struct WorkTotals {
  int units = 0;
  int due = 0;
  int done = 0;
  int done_late = 0;
  int overdue = 0;
  int units_overdue = 0;
};

struct WorkItemRow {
  domain::duty::WorkItem item;
  std::vector<WorkUnit> targets;              // as the item's targets, with their names
  int due_days = 0;                           // all the schedule's due days
  std::optional<domain::duty::Day> next_due;  // the first due day not before today
  WorkTotals totals;
};

struct WorkItemsView {
  std::int64_t bureau_id = 0;
  std::string bureau_name;
  domain::duty::Day today{};
  std::vector<WorkItemRow> items;  // the newest first
  std::vector<WorkUnit> sections;  // the bureau's sections, for the lead section and targets
  std::vector<WorkUnit> schools;   // the bureau's schools, for the targets
  bool can_edit = false;           // duty:template
};
// The caller's bureau's items (duty:read at the bureau or one of its sections; 403 otherwise),
// of one kind when given.
Result<WorkItemsView> GetWorkItems(Services& s, const RequestContext& ctx,
                                   std::optional<std::string> kind);

struct WorkUnitProgress {
  WorkUnit unit;
  domain::duty::WorkProgress progress;
};
struct WorkItemView {
  WorkItemRow row;
  std::vector<domain::duty::Day> due_days;
  std::vector<WorkUnitProgress> units;  // the most overdue first, then by name
  std::vector<domain::duty::WorkReport> reports;
  domain::duty::Day today{};
  bool can_edit = false;
};
Result<WorkItemView> GetWorkItem(Services& s, const RequestContext& ctx, std::int64_t id);

// A new item (version 0) or a change at the version read (409 duty.stale) — duty:template at the
// bureau: the lead section one of the bureau's (lead_section_id), each target one of its schools
// or sections (targets[i]); a unit no longer targeted loses its reports. Audited duty.work.add /
// duty.work.edit. A trusted caller names the bureau in bureau_id.
Result<domain::duty::WorkItem> SaveWorkItem(Services& s, const RequestContext& ctx,
                                            domain::duty::WorkItem in);
// With its reports, at the version read (409 duty.stale); audited duty.work.delete.
Status DeleteWorkItem(Services& s, const RequestContext& ctx, std::int64_t id, int version);

// The items deployed to the caller's unit (a school or a section; any login with duty:read),
// each with its due days' states for the unit.
struct MyWorkDay {
  domain::duty::Day due{};
  domain::duty::WorkState state = domain::duty::WorkState::kPending;
  std::optional<domain::duty::WorkReport> report;
};
struct MyWorkItem {
  domain::duty::WorkItem item;
  domain::duty::WorkProgress progress;
  std::vector<MyWorkDay> days;
};
struct MyWorkView {
  WorkUnit unit;
  domain::duty::Day today{};
  std::vector<MyWorkItem> items;  // the first due day not done, the soonest first
  bool can_report = false;        // a school's duty:manage, or a section's duty:read
};
Result<MyWorkView> GetMyWork(Services& s, const RequestContext& ctx);

// The caller's unit reports a due day of an item done (its own unit must be targeted; a school
// needs duty:manage): fields due, done_on (not after today), note; 409 duty.work.reported when
// that day is reported already. Audited duty.work.report. A trusted caller names the unit.
Result<domain::duty::WorkReport> ReportWork(Services& s, const RequestContext& ctx,
                                            domain::duty::WorkReport in);
// Withdraws the unit's report of a day (404 when none); audited duty.work.withdraw.
Status WithdrawWork(Services& s, const RequestContext& ctx, std::int64_t item_id,
                    std::int64_t unit_id, domain::duty::Day due);

// The bureau's board: every unit's figures across the items, the most overdue first, and the
// totals; of one kind when given (duty:read at the bureau).
struct WorkBoardView {
  std::int64_t bureau_id = 0;
  std::string bureau_name;
  domain::duty::Day today{};
  int items = 0;
  WorkTotals totals;
  struct ByKind {
    std::string kind;
    int items = 0;
    WorkTotals totals;
  };
  std::vector<ByKind> kinds;  // common, key, routine
  struct Unit {
    WorkUnit unit;
    int items = 0;
    WorkTotals totals;  // units is 1
  };
  std::vector<Unit> units;
};
Result<WorkBoardView> GetWorkBoard(Services& s, const RequestContext& ctx,
                                   std::optional<std::string> kind);

// The items with every unit's progress as a workbook (duty:read; audited duty.work.export).
Result<std::string> ExportWorkItems(Services& s, const RequestContext& ctx);
// The import template (类别*, 工作名称*, 说明, 对应措施*, 牵头科室*, 下达对象*, 周期*, 截止日期,
// 日, 起始日期, 结束日期) with a sheet of notes.
Result<std::pair<std::string, std::string>> WorkItemTemplate();
// Items added from a workbook (duty:template), all or nothing, problems by row and column;
// audited duty.work.import.
Result<ImportReport> ImportWorkItems(Services& s, const RequestContext& ctx, std::string_view bytes,
                                     const std::string& format);

// A unit's due days across the items deployed to it, each with the day it was done (for the rule
// duty.work); inside the caller's transaction.
Result<std::vector<domain::duty::WorkDue>> WorkDuesOf(domain::Tx& tx, std::int64_t unit_id);

// 我的待办: a unit's due days due soon or overdue; for duty:template at a bureau, the items with
// units overdue.
TaskSource WorkTaskSource();

}  // namespace xiaoan::app
