#include "app/duty/work.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/duty/bureau.hpp"
#include "app/platform/spreadsheet.hpp"
#include "app/rules/rules.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/duty/duty.hpp"
#include "domain/org/org.hpp"
#include "domain/store.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace du = domain::duty;
namespace cal = domain::calendar;
namespace perm = domain::perm;

namespace {

constexpr const char* kSubject = "work_item";

std::string Stale() { return "这项工作刚被他人修改，请刷新后再试"; }

Result<domain::Unit> BureauOf(domain::Tx& tx, const RequestContext& ctx,
                              std::int64_t trusted_bureau_id) {
  return CallerBureau(tx, ctx, trusted_bureau_id, "全区工作由教育局及其内设科室部署和查看");
}

Result<std::vector<WorkUnit>> UnitsOf(domain::Tx& tx, const domain::Unit& bureau,
                                      const char* kind) {
  domain::UnitFilter f;
  f.kind = kind;
  if (std::string_view(kind) == "section") {
    f.parent_id = bureau.id;
  } else {
    f.scope = domain::ScopeFilter::Subtree(bureau.path);
  }
  f.page.page_size = static_cast<int>(du::kMaxWorkTargets);
  XA_ASSIGN_OR_RETURN(auto page, tx.org().ListUnits(f));
  std::vector<WorkUnit> out;
  for (auto& u : page.items) out.push_back({u.id, std::move(u.name), std::move(u.kind)});
  return out;
}

// What every view of a bureau's work reads once.
struct Loaded {
  domain::Unit bureau;
  std::vector<WorkUnit> sections;
  std::vector<WorkUnit> schools;
  std::map<std::int64_t, const WorkUnit*> units;
  cal::PublicCalendar calendar;
};

// The caller's bureau (a trusted caller names it with `trusted_bureau`) with its units.
Status Load(domain::Tx& tx, const RequestContext& ctx, Loaded& out,
            std::int64_t trusted_bureau = 0) {
  XA_ASSIGN_OR_RETURN(out.bureau, BureauOf(tx, ctx, trusted_bureau));
  XA_ASSIGN_OR_RETURN(out.sections, UnitsOf(tx, out.bureau, "section"));
  XA_ASSIGN_OR_RETURN(out.schools, UnitsOf(tx, out.bureau, "school"));
  for (const auto& u : out.sections) out.units[u.id] = &u;
  for (const auto& u : out.schools) out.units[u.id] = &u;
  XA_ASSIGN_OR_RETURN(out.calendar, LoadPublicCalendar(tx));
  return {};
}

du::WorkingDay WorkingOf(const cal::PublicCalendar& c) {
  return [&c](du::Day d) { return c.IsWorkingDay(d); };
}

std::vector<std::pair<du::Day, du::Day>> DoneOf(const std::vector<du::WorkReport>& reports,
                                                std::int64_t unit_id) {
  std::vector<std::pair<du::Day, du::Day>> out;
  for (const auto& r : reports) {
    if (r.unit_id == unit_id) out.emplace_back(r.due, r.done_on);
  }
  return out;
}

void Add(WorkTotals& t, const du::WorkProgress& p) {
  ++t.units;
  t.due += p.due;
  t.done += p.done;
  t.done_late += p.done_late;
  t.overdue += p.overdue;
  if (p.overdue > 0) ++t.units_overdue;
}

void Add(WorkTotals& t, const WorkTotals& more) {
  t.units += more.units;
  t.due += more.due;
  t.done += more.done;
  t.done_late += more.done_late;
  t.overdue += more.overdue;
  t.units_overdue += more.units_overdue;
}

struct Figures {
  WorkItemRow row;
  std::vector<du::Day> days;
  std::vector<WorkUnitProgress> units;
};

Figures FiguresOf(du::WorkItem item, const std::vector<du::WorkReport>& reports, const Loaded& l,
                  du::Day today) {
  Figures f;
  f.days = du::DueDays(item.schedule, WorkingOf(l.calendar));
  f.row.due_days = static_cast<int>(f.days.size());
  const auto next = std::lower_bound(f.days.begin(), f.days.end(), today);
  if (next != f.days.end()) f.row.next_due = *next;
  for (const auto id : item.targets) {
    const auto it = l.units.find(id);
    WorkUnit unit = it != l.units.end() ? *it->second : WorkUnit{id, "（已撤销的单位）", ""};
    const auto p = du::ProgressOf(f.days, DoneOf(reports, id), today);
    Add(f.row.totals, p);
    f.row.targets.push_back(unit);
    f.units.push_back({std::move(unit), p});
  }
  f.row.item = std::move(item);
  return f;
}

std::string Weekday(int d) {
  static const char* k[] = {"一", "二", "三", "四", "五", "六", "日"};
  return d >= 1 && d <= 7 ? k[d - 1] : "?";
}

std::string ScheduleText(const du::WorkSchedule& s) {
  const auto day = [](const std::optional<du::Day>& d) { return d ? cal::FormatDate(*d) : ""; };
  if (s.repeat == "once") return "一次性，" + day(s.due) + " 截止";
  std::string out;
  if (s.repeat == "weekly") {
    out = "每周" + Weekday(s.day);
  } else if (s.repeat == "monthly") {
    out = "每月" + std::to_string(s.day) + "日";
  } else {
    out = "每季度末月" + std::to_string(s.day) + "日";
  }
  return out + "（" + day(s.from) + " 至 " + day(s.until) + "）";
}

std::string Rate(const WorkTotals& t) {
  if (t.due == 0) return "—";
  return std::to_string((t.done + t.done_late) * 100 / t.due) + "%";
}

Status Audit(Services& s, domain::Tx& tx, const RequestContext& ctx, const char* action,
             std::int64_t id, const std::string& text) {
  XA_TRY(tx.audit().Append(AuditOf(s, ctx, action, kSubject, std::to_string(id), text)));
  return {};
}

// The lead section and each target: the bureau's own.
void CheckPlacement(const Loaded& l, const du::WorkItem& in, std::vector<ErrorDetail>& problems) {
  const auto lead = l.units.find(in.lead_section_id);
  if (in.lead_section_id > 0 && (lead == l.units.end() || lead->second->kind != "section")) {
    problems.push_back({"lead_section_id", "牵头科室不是本局的内设科室"});
  }
  for (std::size_t i = 0; i < in.targets.size(); ++i) {
    if (!l.units.contains(in.targets[i])) {
      problems.push_back(
          {"targets[" + std::to_string(i) + "]", "下达对象应为本局所属学校或内设科室"});
    }
  }
}

}  // namespace

Result<WorkItemsView> GetWorkItems(Services& s, const RequestContext& ctx,
                                   std::optional<std::string> kind) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看全区工作"));
  WorkItemsView out;
  out.today = TodayInChina(s);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    Loaded l;
    XA_TRY(Load(tx, ctx, l));
    out.bureau_id = l.bureau.id;
    out.bureau_name = l.bureau.name;
    XA_ASSIGN_OR_RETURN(auto items, tx.duties().WorkItems(l.bureau.id));
    for (auto& i : items) {
      if (kind && i.kind != *kind) continue;
      XA_ASSIGN_OR_RETURN(const auto reports, tx.duties().WorkReports(i.id));
      out.items.push_back(FiguresOf(std::move(i), reports, l, out.today).row);
    }
    out.sections = std::move(l.sections);
    out.schools = std::move(l.schools);
    return {};
  }));
  out.can_edit = ctx.Can(perm::kDutyTemplate);
  return out;
}

Result<WorkItemView> GetWorkItem(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看全区工作"));
  WorkItemView out;
  out.today = TodayInChina(s);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    Loaded l;
    XA_TRY(Load(tx, ctx, l));
    XA_ASSIGN_OR_RETURN(auto item, tx.duties().WorkItemById(id));
    if (!item || item->bureau_id != l.bureau.id) return NotFound("工作不存在");
    XA_ASSIGN_OR_RETURN(out.reports, tx.duties().WorkReports(id));
    auto f = FiguresOf(std::move(*item), out.reports, l, out.today);
    out.row = std::move(f.row);
    out.due_days = std::move(f.days);
    out.units = std::move(f.units);
    return {};
  }));
  std::stable_sort(out.units.begin(), out.units.end(),
                   [](const WorkUnitProgress& a, const WorkUnitProgress& b) {
                     if (a.progress.overdue != b.progress.overdue) {
                       return a.progress.overdue > b.progress.overdue;
                     }
                     return a.unit.name < b.unit.name;
                   });
  out.can_edit = ctx.Can(perm::kDutyTemplate);
  return out;
}

Result<du::WorkItem> SaveWorkItem(Services& s, const RequestContext& ctx, du::WorkItem in) {
  XA_TRY(RequirePermission(ctx, perm::kDutyTemplate, "部署全区工作"));
  in.kind = std::string(Trim(in.kind));
  in.title = std::string(Trim(in.title));
  in.detail = std::string(Trim(in.detail));
  in.schedule.repeat = std::string(Trim(in.schedule.repeat));
  auto problems = du::CheckWorkItem(in);
  const bool adding = in.version == 0;
  in.updated_by = ctx.actor;
  in.updated_at = s.clock.Now();
  du::WorkItem saved;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    Loaded l;
    XA_TRY(Load(tx, ctx, l, in.bureau_id));
    if (ctx.principal && ctx.principal->unit_kind != "bureau") {
      return Error{ErrorCode::kPermissionDenied, "全区工作由教育局部署", {}};
    }
    if (!adding) {
      XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().WorkItemById(in.id));
      if (!stored || stored->bureau_id != l.bureau.id) return NotFound("工作不存在");
    }
    CheckPlacement(l, in, problems);
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    in.bureau_id = l.bureau.id;
    XA_ASSIGN_OR_RETURN(const bool ok, tx.duties().SaveWorkItem(in));
    if (!ok) return FailedPrecondition("duty.stale", Stale());
    XA_ASSIGN_OR_RETURN(auto read, tx.duties().WorkItemById(in.id));
    if (!read) return Internal("工作保存后未找到");
    saved = std::move(*read);
    return Audit(s, tx, ctx, adding ? "duty.work.add" : "duty.work.edit", saved.id,
                 std::string(adding ? "部署" : "修改") + "全区工作：" +
                     std::string(du::WorkKindLabel(saved.kind)) + " " + saved.title + "（" +
                     ScheduleText(saved.schedule) + "，下达 " +
                     std::to_string(saved.targets.size()) + " 个单位）");
  }));
  return saved;
}

Status DeleteWorkItem(Services& s, const RequestContext& ctx, std::int64_t id, int version) {
  XA_TRY(RequirePermission(ctx, perm::kDutyTemplate, "删除全区工作"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().WorkItemById(id));
    if (!stored) return NotFound("工作不存在");
    XA_ASSIGN_OR_RETURN(const auto bureau, BureauOf(tx, ctx, stored->bureau_id));
    if (stored->bureau_id != bureau.id) return NotFound("工作不存在");
    if (ctx.principal && ctx.principal->unit_kind != "bureau") {
      return Error{ErrorCode::kPermissionDenied, "全区工作由教育局部署", {}};
    }
    XA_ASSIGN_OR_RETURN(const bool ok, tx.duties().DeleteWorkItem(id, version));
    if (!ok) return FailedPrecondition("duty.stale", Stale());
    return Audit(
        s, tx, ctx, "duty.work.delete", id,
        "删除全区工作：" + std::string(du::WorkKindLabel(stored->kind)) + " " + stored->title);
  });
}

namespace {

// The caller's unit when it is a school or a section; a trusted caller names it.
Result<domain::Unit> WorkingUnit(domain::Tx& tx, const RequestContext& ctx,
                                 std::int64_t trusted_unit_id) {
  const auto unit_id = ctx.principal ? ctx.principal->unit_id : trusted_unit_id;
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(unit_id));
  if (!unit) return NotFound("单位不存在");
  return *unit;
}

bool CanReport(const RequestContext& ctx, const domain::Unit& unit) {
  if (!ctx.principal) return true;
  if (unit.kind == "school") return ctx.Can(perm::kDutyManage);
  return unit.kind == "section" && ctx.Can(perm::kDutyRead);
}

// The item, deployed to the unit; 404 otherwise.
Result<du::WorkItem> DeployedTo(domain::Tx& tx, std::int64_t item_id, std::int64_t unit_id) {
  XA_ASSIGN_OR_RETURN(auto item, tx.duties().WorkItemById(item_id));
  if (!item || !std::binary_search(item->targets.begin(), item->targets.end(), unit_id)) {
    return NotFound("工作不存在或未下达本单位");
  }
  return std::move(*item);
}

}  // namespace

Result<std::vector<du::WorkDue>> WorkDuesOf(domain::Tx& tx, std::int64_t unit_id) {
  std::vector<du::WorkDue> out;
  XA_ASSIGN_OR_RETURN(const auto items, tx.duties().WorkItemsFor(unit_id));
  if (items.empty()) return out;
  XA_ASSIGN_OR_RETURN(const auto reports, tx.duties().WorkReportsOf(unit_id));
  XA_ASSIGN_OR_RETURN(const auto calendar, LoadPublicCalendar(tx));
  for (const auto& item : items) {
    for (const auto d : du::DueDays(item.schedule, WorkingOf(calendar))) {
      du::WorkDue due{item.id, item.title, d, std::nullopt};
      for (const auto& r : reports) {
        if (r.item_id == item.id && r.due == d) due.done_on = r.done_on;
      }
      out.push_back(std::move(due));
    }
  }
  return out;
}

Result<MyWorkView> GetMyWork(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看本单位的全区工作"));
  MyWorkView out;
  out.today = TodayInChina(s);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto unit, WorkingUnit(tx, ctx, 0));
    out.unit = {unit.id, unit.name, unit.kind};
    out.can_report = CanReport(ctx, unit);
    XA_ASSIGN_OR_RETURN(auto items, tx.duties().WorkItemsFor(unit.id));
    if (items.empty()) return {};
    XA_ASSIGN_OR_RETURN(const auto reports, tx.duties().WorkReportsOf(unit.id));
    XA_ASSIGN_OR_RETURN(const auto calendar, LoadPublicCalendar(tx));
    for (auto& item : items) {
      MyWorkItem m;
      const auto days = du::DueDays(item.schedule, WorkingOf(calendar));
      std::vector<std::pair<du::Day, du::Day>> done;
      for (const auto d : days) {
        MyWorkDay day{d, du::WorkState::kPending, std::nullopt};
        for (const auto& r : reports) {
          if (r.item_id == item.id && r.due == d) day.report = r;
        }
        if (day.report) done.emplace_back(d, day.report->done_on);
        day.state = du::StateOf(
            d, day.report ? std::optional<du::Day>(day.report->done_on) : std::nullopt, out.today);
        m.days.push_back(std::move(day));
      }
      m.progress = du::ProgressOf(days, done, out.today);
      m.item = std::move(item);
      out.items.push_back(std::move(m));
    }
    return {};
  }));
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const MyWorkItem& a, const MyWorkItem& b) {
                     if (a.progress.next.has_value() != b.progress.next.has_value()) {
                       return a.progress.next.has_value();
                     }
                     return a.progress.next < b.progress.next;
                   });
  return out;
}

Result<du::WorkReport> ReportWork(Services& s, const RequestContext& ctx, du::WorkReport in) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "报告全区工作完成情况"));
  const auto today = TodayInChina(s);
  if (in.done_on == du::Day{}) in.done_on = today;
  in.note = std::string(Trim(in.note));
  in.reported_by = ctx.actor;
  in.reported_at = s.clock.Now();
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto unit, WorkingUnit(tx, ctx, in.unit_id));
    if (!CanReport(ctx, unit)) {
      return Error{
          ErrorCode::kPermissionDenied, "只有学校领导、安全干部或承办科室可以报告完成", {}};
    }
    in.unit_id = unit.id;
    XA_ASSIGN_OR_RETURN(const auto item, DeployedTo(tx, in.item_id, unit.id));
    XA_ASSIGN_OR_RETURN(const auto calendar, LoadPublicCalendar(tx));
    auto problems = du::CheckWorkReport(in, du::DueDays(item.schedule, WorkingOf(calendar)), today);
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    XA_ASSIGN_OR_RETURN(const bool added, tx.duties().AddWorkReport(in));
    if (!added) {
      return FailedPrecondition("duty.work.reported",
                                cal::FormatDate(in.due) + " 这一期已报告完成，如需更正请先撤回");
    }
    if (unit.kind == "school") {
      XA_TRY(EvaluateSchool(s, tx, unit.id, today, "duty"));
    }
    return Audit(s, tx, ctx, "duty.work.report", item.id,
                 unit.name + " 报告完成：" + item.title + "（" + cal::FormatDate(in.due) +
                     " 到期，" + cal::FormatDate(in.done_on) + " 完成）");
  }));
  return in;
}

Status WithdrawWork(Services& s, const RequestContext& ctx, std::int64_t item_id,
                    std::int64_t unit_id, du::Day due) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "撤回全区工作完成报告"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto unit, WorkingUnit(tx, ctx, unit_id));
    if (ctx.principal && unit_id != unit.id) return NotFound("完成报告不存在");
    if (!CanReport(ctx, unit)) {
      return Error{ErrorCode::kPermissionDenied, "只有学校领导、安全干部或承办科室可以撤回", {}};
    }
    XA_ASSIGN_OR_RETURN(const auto item, DeployedTo(tx, item_id, unit.id));
    XA_ASSIGN_OR_RETURN(const bool removed, tx.duties().RemoveWorkReport(item_id, unit.id, due));
    if (!removed) return NotFound("完成报告不存在");
    if (unit.kind == "school") {
      XA_TRY(EvaluateSchool(s, tx, unit.id, TodayInChina(s), "duty"));
    }
    return Audit(
        s, tx, ctx, "duty.work.withdraw", item.id,
        unit.name + " 撤回完成报告：" + item.title + "（" + cal::FormatDate(due) + " 到期）");
  });
}

Result<WorkBoardView> GetWorkBoard(Services& s, const RequestContext& ctx,
                                   std::optional<std::string> kind) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看全区工作看板"));
  WorkBoardView out;
  out.today = TodayInChina(s);
  for (const auto& k : du::WorkKinds()) out.kinds.push_back({std::string(k.code), 0, {}});
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    Loaded l;
    XA_TRY(Load(tx, ctx, l));
    out.bureau_id = l.bureau.id;
    out.bureau_name = l.bureau.name;
    std::map<std::int64_t, WorkBoardView::Unit> units;
    XA_ASSIGN_OR_RETURN(auto items, tx.duties().WorkItems(l.bureau.id));
    for (auto& i : items) {
      if (kind && i.kind != *kind) continue;
      XA_ASSIGN_OR_RETURN(const auto reports, tx.duties().WorkReports(i.id));
      const auto f = FiguresOf(std::move(i), reports, l, out.today);
      ++out.items;
      Add(out.totals, f.row.totals);
      for (auto& k : out.kinds) {
        if (k.kind == f.row.item.kind) {
          ++k.items;
          Add(k.totals, f.row.totals);
        }
      }
      for (const auto& u : f.units) {
        auto& row = units[u.unit.id];
        row.unit = u.unit;
        ++row.items;
        Add(row.totals, u.progress);
      }
    }
    for (auto& [id, u] : units) {
      u.totals.units = 1;
      u.totals.units_overdue = u.totals.overdue > 0 ? 1 : 0;
      out.units.push_back(std::move(u));
    }
    return {};
  }));
  std::stable_sort(out.units.begin(), out.units.end(),
                   [](const WorkBoardView::Unit& a, const WorkBoardView::Unit& b) {
                     if (a.totals.overdue != b.totals.overdue) {
                       return a.totals.overdue > b.totals.overdue;
                     }
                     return a.unit.name < b.unit.name;
                   });
  return out;
}

Result<std::string> ExportWorkItems(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "导出全区工作"));
  std::vector<office::Row> rows = {
      office::TextRow({"类别", "工作名称", "说明", "对应措施", "牵头科室", "周期", "下达单位数",
                       "应完成", "按时完成", "逾期完成", "逾期未完成", "完成率"})};
  std::vector<office::Row> units = {office::TextRow(
      {"工作名称", "单位", "应完成", "按时完成", "逾期完成", "逾期未完成", "下一到期日", "状态"})};
  std::string bureau_name;
  int count = 0;
  const auto today = TodayInChina(s);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    Loaded l;
    XA_TRY(Load(tx, ctx, l));
    bureau_name = l.bureau.name;
    XA_ASSIGN_OR_RETURN(auto items, tx.duties().WorkItems(l.bureau.id));
    for (auto& i : items) {
      XA_ASSIGN_OR_RETURN(const auto reports, tx.duties().WorkReports(i.id));
      const auto f = FiguresOf(std::move(i), reports, l, today);
      const auto& w = f.row.item;
      const auto& t = f.row.totals;
      ++count;
      rows.push_back(office::TextRow(
          {std::string(du::WorkKindLabel(w.kind)), w.title, w.detail, du::MeasuresText(w.measures),
           w.lead_section_name, ScheduleText(w.schedule), std::to_string(w.targets.size()),
           std::to_string(t.due), std::to_string(t.done), std::to_string(t.done_late),
           std::to_string(t.overdue), Rate(t)}));
      for (const auto& u : f.units) {
        const auto& p = u.progress;
        units.push_back(office::TextRow(
            {w.title, u.unit.name, std::to_string(p.due), std::to_string(p.done),
             std::to_string(p.done_late), std::to_string(p.overdue),
             p.next ? cal::FormatDate(*p.next) : "",
             p.next ? std::string(du::WorkStateLabel(p.next_state)) : "已全部完成"}));
      }
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"全区工作", rows},
                                                     office::Sheet{"各单位进度", units}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    return Audit(s, tx, ctx, "duty.work.export", 0,
                 "导出全区工作：" + bureau_name + " " + std::to_string(count) + " 项");
  }));
  return bytes;
}

// ---- Workbook -----------------------------------------------------------------------------------

namespace {

const std::vector<std::string>& Columns() {
  static const std::vector<std::string> k = {"类别*",     "工作名称*", "说明",    "对应措施*",
                                             "牵头科室*", "下达对象*", "周期*",   "截止日期",
                                             "日",        "起始日期",  "结束日期"};
  return k;
}

std::string ColumnOf(const std::string& field) {
  static const std::map<std::string, std::string, std::less<>> k = {{"kind", "类别"},
                                                                    {"title", "工作名称"},
                                                                    {"detail", "说明"},
                                                                    {"lead_section_id", "牵头科室"},
                                                                    {"schedule.repeat", "周期"},
                                                                    {"schedule.due", "截止日期"},
                                                                    {"schedule.day", "日"},
                                                                    {"schedule.from", "起始日期"},
                                                                    {"schedule.until", "结束日期"},
                                                                    {"schedule", "周期"}};
  if (field.rfind("measures", 0) == 0) return "对应措施";
  if (field.rfind("targets", 0) == 0) return "下达对象";
  const auto it = k.find(field);
  return it == k.end() ? field : it->second;
}

// "全部学校、示范小学，基础教育科" as its names, separated by 、 or a comma of either width.
std::vector<std::string> NamesOf(std::string_view text) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, 3) == "、" || text.substr(i, 3) == "，") {
      out.emplace_back();
      i += 3;
    } else if (text[i] == ',') {
      out.emplace_back();
      ++i;
    } else {
      out.back() += text[i++];
    }
  }
  for (auto& n : out) n = std::string(Trim(n));
  std::erase_if(out, [](const std::string& n) { return n.empty(); });
  return out;
}

}  // namespace

Result<std::pair<std::string, std::string>> WorkItemTemplate() {
  std::vector<office::Row> notes = {
      office::TextRow({"列", "填写说明"}),
      office::TextRow({"类别*", "共性任务、重点事项 或 常规工作"}),
      office::TextRow({"工作名称*", "不超过 100 个字"}),
      office::TextRow({"说明", "可不填，不超过 1000 个字"}),
      office::TextRow({"对应措施*", "方案的措施序号 1–21，多项用“、”分隔，如 3、5"}),
      office::TextRow({"牵头科室*", "本局内设科室的名称"}),
      office::TextRow({"下达对象*", "全部学校、全部科室，或学校和科室的名称，多个用“、”分隔"}),
      office::TextRow({"周期*", "一次性、每周、每月 或 每季度"}),
      office::TextRow({"截止日期", "一次性工作必填，如 2026-09-10"}),
      office::TextRow(
          {"日", "每周填 1–7（周一为 1）；每月、每季度填 1–31（当月没有该日时为月末）"}),
      office::TextRow({"起始日期", "周期性工作必填"}),
      office::TextRow({"结束日期", "周期性工作必填，与起始日期相隔不超过 366 天"}),
      office::TextRow({"说明",
                       "到期日遇节假日和周末提前到此前最近的工作日；每行新增一项工作；"
                       "有一行未通过校验时整个文件不导入"})};
  XA_ASSIGN_OR_RETURN(auto bytes,
                      office::WriteXlsx({office::Sheet{"全区工作", {office::TextRow(Columns())}},
                                         office::Sheet{"填写说明", notes}}));
  return std::make_pair(std::string("全区工作导入模板.xlsx"), std::move(bytes));
}

Result<ImportReport> ImportWorkItems(Services& s, const RequestContext& ctx, std::string_view bytes,
                                     const std::string& format) {
  XA_TRY(RequirePermission(ctx, perm::kDutyTemplate, "导入全区工作"));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  XA_TRY(CheckHeaderRow(file.rows, Columns(), "请使用全区工作导入模板"));
  const auto data = DataRows(file.rows, Columns().size(), [](std::size_t) { return false; });
  if (data.empty()) return InvalidArgument("file", "文件中没有数据行");
  ImportReport report;
  report.rows = static_cast<int>(data.size());
  std::vector<ErrorDetail> problems;
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    Loaded l;
    XA_TRY(Load(tx, ctx, l));
    if (ctx.principal && ctx.principal->unit_kind != "bureau") {
      return Error{ErrorCode::kPermissionDenied, "全区工作由教育局部署", {}};
    }
    std::vector<du::WorkItem> added;
    for (const auto& r : data) {
      const auto fail = [&](const std::string& column, std::string reason) {
        problems.push_back({column, std::move(reason), r.row});
      };
      du::WorkItem w;
      w.bureau_id = l.bureau.id;
      w.kind = OptionCodeOf(du::WorkKinds(), r.cells[0]);
      w.title = r.cells[1];
      w.detail = r.cells[2];
      w.measures = du::MeasuresFromText(r.cells[3]);
      for (const auto& sec : l.sections) {
        if (sec.name == r.cells[4]) w.lead_section_id = sec.id;
      }
      if (w.lead_section_id == 0 && !r.cells[4].empty()) {
        fail("牵头科室", "“" + r.cells[4] + "”不是本局的内设科室");
        continue;
      }
      bool known = true;
      for (const auto& name : NamesOf(r.cells[5])) {
        if (name == "全部学校" || name == "全部科室") {
          for (const auto& u : (name == "全部学校" ? l.schools : l.sections)) {
            w.targets.push_back(u.id);
          }
          continue;
        }
        std::int64_t id = 0;
        for (const auto& [uid, u] : l.units) {
          if (u->name == name) id = uid;
        }
        if (id == 0) {
          fail("下达对象", "“" + name + "”不是本局所属学校或内设科室");
          known = false;
          break;
        }
        w.targets.push_back(id);
      }
      if (!known) continue;
      std::sort(w.targets.begin(), w.targets.end());
      w.targets.erase(std::unique(w.targets.begin(), w.targets.end()), w.targets.end());
      w.schedule.repeat = OptionCodeOf(du::WorkRepeats(), r.cells[6]);
      const auto date = [&](const std::string& text, const char* column,
                            std::optional<du::Day>& into) {
        if (text.empty()) return true;
        into = cal::ParseDate(text);
        if (!into) fail(column, "“" + text + "”不是有效日期，请写作 2026-09-10");
        return into.has_value();
      };
      if (!date(r.cells[7], "截止日期", w.schedule.due) ||
          !date(r.cells[9], "起始日期", w.schedule.from) ||
          !date(r.cells[10], "结束日期", w.schedule.until)) {
        continue;
      }
      if (!r.cells[8].empty()) {
        const auto day = ParseInt(r.cells[8]);
        if (!day) {
          fail("日", "“" + r.cells[8] + "”不是整数");
          continue;
        }
        w.schedule.day = static_cast<int>(*day);
      }
      auto checked = du::CheckWorkItem(w);
      for (const auto& d : checked) fail(ColumnOf(d.field), d.reason);
      if (checked.empty()) added.push_back(std::move(w));
    }
    if (!problems.empty()) {
      return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
    }
    for (auto& w : added) {
      w.updated_by = ctx.actor;
      w.updated_at = s.clock.Now();
      XA_ASSIGN_OR_RETURN(const bool ok, tx.duties().SaveWorkItem(w));
      if (!ok) return Internal("工作未能保存");
      ++report.created;
    }
    XA_TRY(Audit(
        s, tx, ctx, "duty.work.import", 0,
        "导入全区工作：" + l.bureau.name + " 新增 " + std::to_string(report.created) + " 项"));
    report.applied = true;
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kFailedPrecondition && !problems.empty()) {
      RefuseImport(report, std::move(problems));
      return report;
    }
    return std::move(st).error();
  }
  return report;
}

TaskSource WorkTaskSource() {
  return {
      "duty.work", [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
        std::vector<TaskGroup> out;
        if (!ctx.principal || !ctx.Can(perm::kDutyRead)) return out;
        const auto& kind = ctx.principal->unit_kind;
        if (kind == "bureau") {
          if (!ctx.Can(perm::kDutyTemplate)) return out;
          XA_ASSIGN_OR_RETURN(const auto view, GetWorkItems(s, ctx, std::nullopt));
          TaskGroup g{"duty.work.overdue", "全区工作有单位逾期", 0, 0, {}};
          for (const auto& row : view.items) {
            if (row.totals.units_overdue == 0) continue;
            ++g.count;
            ++g.overdue;
            if (g.items.size() < static_cast<std::size_t>(kTaskItems)) {
              g.items.push_back(
                  {kSubject, row.item.id, std::nullopt,
                   row.item.title + "：" + std::to_string(row.totals.units_overdue) + " 个单位逾期",
                   row.item.lead_section_name, "", true});
            }
          }
          if (g.count > 0) out.push_back(std::move(g));
          return out;
        }
        if (kind != "school" && kind != "section") return out;
        XA_ASSIGN_OR_RETURN(const auto mine, GetMyWork(s, ctx));
        if (!mine.can_report) return out;
        TaskGroup g{"duty.work", "全区工作待完成", 0, 0, {}};
        std::vector<TaskItem> overdue;
        std::vector<TaskItem> soon;
        for (const auto& m : mine.items) {
          for (const auto& d : m.days) {
            if (d.state != du::WorkState::kOverdue && d.state != du::WorkState::kDueSoon) {
              continue;
            }
            const bool late = d.state == du::WorkState::kOverdue;
            ++g.count;
            if (late) ++g.overdue;
            (late ? overdue : soon)
                .push_back({kSubject, m.item.id, std::nullopt, m.item.title, mine.unit.name,
                            cal::FormatDate(d.due), late});
          }
        }
        if (g.count == 0) return out;
        for (auto* list : {&overdue, &soon}) {
          for (auto& t : *list) {
            if (g.items.size() < static_cast<std::size_t>(kTaskItems)) {
              g.items.push_back(std::move(t));
            }
          }
        }
        out.push_back(std::move(g));
        return out;
      }};
}

}  // namespace xiaoan::app
