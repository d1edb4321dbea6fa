#include "app/edu/joint.hpp"

#include <algorithm>
#include <map>

#include "app/calendar/calendar.hpp"
#include "core/strings.hpp"

namespace xiaoan::app {

namespace edu = domain::edu;
namespace cal = domain::calendar;
namespace perm = domain::perm;

namespace {

constexpr const char* kSubject = "edu_joint_task";
constexpr const char* kReportSubject = "edu_joint_report";
constexpr int kListed = 200;

bool IsDepartment(const RequestContext& ctx) {
  return ctx.principal && ctx.principal->unit_kind == "department" && ctx.unit_id.has_value();
}

// A department sees the tasks given to it; the bureau those issued in its scope.
bool MaySee(const RequestContext& ctx, const edu::JointTask& t) {
  if (ctx.Can(perm::kEduRead) && ctx.Covers(t.unit_path)) return true;
  return ctx.Can(perm::kEduJoint) && IsDepartment(ctx) &&
         std::find(t.department_ids.begin(), t.department_ids.end(), *ctx.unit_id) !=
             t.department_ids.end();
}

// `with_files`: each report's photos too (one query per report: a task's own page).
Result<std::vector<JointTaskView>> ViewsOf(domain::Tx& tx, const RequestContext& ctx,
                                           std::vector<edu::JointTask> tasks, cal::Date today,
                                           bool with_files = false) {
  std::vector<std::int64_t> ids;
  for (const auto& t : tasks) ids.push_back(t.id);
  XA_ASSIGN_OR_RETURN(auto reports, tx.joint().ReportsOf(ids));
  std::map<std::pair<std::int64_t, std::int64_t>, edu::JointReport> by;
  for (auto& r : reports) by.emplace(std::make_pair(r.task_id, r.department_id), std::move(r));
  std::map<std::int64_t, domain::Unit> units;
  std::vector<JointTaskView> out;
  out.reserve(tasks.size());
  for (auto& t : tasks) {
    JointTaskView v;
    for (const auto d : t.department_ids) {
      auto u = units.find(d);
      if (u == units.end()) {
        XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(d));
        u = units.emplace(d, unit.value_or(domain::Unit{})).first;
      }
      JointDepartmentView dv;
      dv.department_id = d;
      dv.name = u->second.name;
      dv.kind = u->second.department_kind.value_or("");
      const auto r = by.find({t.id, d});
      if (r != by.end()) {
        dv.report = r->second;
        if (with_files) {
          XA_ASSIGN_OR_RETURN(dv.files, tx.files().OfSubject(kReportSubject, r->second.id));
        }
      }
      dv.state = edu::JointStateOf(t.due_on,
                                   dv.report ? std::optional(dv.report->on) : std::nullopt, today);
      if (dv.report) ++v.reported;
      if (dv.state == edu::JointState::kOverdue) ++v.overdue;
      v.departments.push_back(std::move(dv));
    }
    v.can_report = ctx.Can(perm::kEduJoint) && IsDepartment(ctx) &&
                   std::find(t.department_ids.begin(), t.department_ids.end(), *ctx.unit_id) !=
                       t.department_ids.end();
    v.can_delete = ctx.Can(perm::kEduContent) && ctx.Covers(t.unit_path) && v.reported == 0;
    v.task = std::move(t);
    out.push_back(std::move(v));
  }
  return out;
}

Error TaskNotFound() { return NotFound("联防联控任务不存在或不在您的管辖范围内"); }

Status RequireReader(const RequestContext& ctx) {
  if (ctx.Can(perm::kEduRead) || ctx.Can(perm::kEduJoint)) return {};
  return RequirePermission(ctx, perm::kEduRead, "查看联防联控任务");
}

}  // namespace

Result<std::vector<JointTaskView>> ListJointTasks(Services& s, const RequestContext& ctx) {
  XA_TRY(RequireReader(ctx));
  const auto today = TodayInChina(s);
  std::vector<JointTaskView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    std::vector<edu::JointTask> tasks;
    if (ctx.Can(perm::kEduRead)) {
      XA_ASSIGN_OR_RETURN(tasks, tx.joint().Tasks(ctx.Scope(), std::nullopt, kListed));
    } else if (IsDepartment(ctx)) {
      XA_ASSIGN_OR_RETURN(tasks, tx.joint().Tasks({}, *ctx.unit_id, kListed));
    }
    XA_ASSIGN_OR_RETURN(out, ViewsOf(tx, ctx, std::move(tasks), today));
    return {};
  }));
  return out;
}

Result<JointTaskView> GetJointTask(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequireReader(ctx));
  const auto today = TodayInChina(s);
  JointTaskView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto t, tx.joint().FindTask(id));
    if (!t || !MaySee(ctx, *t)) return TaskNotFound();
    XA_ASSIGN_OR_RETURN(auto views, ViewsOf(tx, ctx, {std::move(*t)}, today, true));
    out = std::move(views.front());
    return {};
  }));
  return out;
}

Result<JointTaskView> CreateJointTask(Services& s, const RequestContext& ctx, edu::JointTask in) {
  XA_TRY(RequirePermission(ctx, perm::kEduContent, "下达联防联控任务"));
  if (!ctx.unit_id) {
    return domain::ValidationError({{"unit_id", "下达联防联控任务须以所属单位的身份"}});
  }
  in.title = std::string(Trim(in.title));
  in.text = std::string(Trim(in.text));
  std::vector<ErrorDetail> problems;
  if (const auto p = TextProblem(in.title); !p.empty()) problems.push_back({"title", p});
  if (const auto p = TextProblem(in.text); !p.empty()) problems.push_back({"text", p});
  const auto today = TodayInChina(s);
  if (problems.empty()) problems = edu::CheckJointTask(in, today);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  JointTaskView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(*ctx.unit_id));
    if (!unit) return NotFound("所属单位不存在");
    std::vector<std::string> names;
    for (const auto d : in.department_ids) {
      XA_ASSIGN_OR_RETURN(auto dept, tx.org().FindUnit(d));
      if (!dept || dept->kind != "department") {
        return domain::ValidationError(
            {{"department_ids", "成员单位须为部门（编号 " + std::to_string(d) + "）"}});
      }
      if (!edu::InRegion(unit->region_code, dept->region_code)) {
        return domain::ValidationError(
            {{"department_ids", "“" + dept->name + "”不在" + unit->name + "的辖区内"}});
      }
      names.push_back(dept->name);
    }
    in.id = 0;
    in.unit_id = unit->id;
    in.created_by = ctx.actor;
    in.created_at = s.clock.Now();
    XA_TRY(tx.joint().InsertTask(in));
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : "、") + n;
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.joint.create", kSubject, std::to_string(in.id),
                                     "下达联防联控任务“" + in.title + "”给" + joined +
                                         "，报告期限 " + cal::FormatDate(in.due_on))));
    for (const auto d : in.department_ids) {
      XA_ASSIGN_OR_RETURN(auto users, Recipients(tx, d, {"department_liaison"}));
      XA_TRY(Notify(s, tx, users,
                    {"edu.joint", "联防联控任务：" + in.title,
                     unit->name + "下达，请于 " + cal::FormatDate(in.due_on) + " 前报告工作情况",
                     kSubject, std::to_string(in.id)},
                    ctx.actor));
    }
    XA_ASSIGN_OR_RETURN(auto stored, tx.joint().FindTask(in.id));
    XA_ASSIGN_OR_RETURN(auto views, ViewsOf(tx, ctx, {std::move(*stored)}, today));
    out = std::move(views.front());
    return {};
  }));
  return out;
}

Status DeleteJointTask(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kEduContent, "撤销联防联控任务"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto t, tx.joint().FindTask(id));
    if (!t || !ctx.Covers(t->unit_path)) return TaskNotFound();
    XA_ASSIGN_OR_RETURN(auto reports, tx.joint().ReportsOf({id}));
    if (!reports.empty()) {
      return FailedPrecondition("edu_joint.reported", "已有成员单位报告了这项任务，不能撤销");
    }
    XA_TRY(tx.joint().RemoveTask(id));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.joint.delete", kSubject, std::to_string(id),
                                     "撤销联防联控任务“" + t->title + "”")));
    return {};
  });
}

Result<JointTaskView> ReportJointTask(Services& s, const RequestContext& ctx, std::int64_t id,
                                      edu::JointReport in,
                                      const std::vector<std::int64_t>& file_ids) {
  XA_TRY(RequirePermission(ctx, perm::kEduJoint, "报告联防联控任务"));
  in.text = std::string(Trim(in.text));
  std::vector<ErrorDetail> problems;
  if (const auto p = TextProblem(in.text); !p.empty()) problems.push_back({"text", p});
  if (problems.empty()) problems = edu::CheckJointReport(in);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  const auto today = TodayInChina(s);
  JointTaskView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto t, tx.joint().FindTask(id));
    if (!t || !MaySee(ctx, *t)) return TaskNotFound();
    if (!IsDepartment(ctx) || std::find(t->department_ids.begin(), t->department_ids.end(),
                                        *ctx.unit_id) == t->department_ids.end()) {
      return Error{ErrorCode::kPermissionDenied, "只有任务中的成员单位可以报告", {}};
    }
    XA_ASSIGN_OR_RETURN(auto dept, tx.org().FindUnit(*ctx.unit_id));
    const std::string dept_name = dept ? dept->name : "";
    in.id = 0;
    in.task_id = id;
    in.department_id = *ctx.unit_id;
    in.by = ctx.actor;
    in.at = s.clock.Now();
    in.on = today;
    XA_ASSIGN_OR_RETURN(auto files, ClaimFiles(tx, ctx, file_ids));
    XA_ASSIGN_OR_RETURN(const bool first, tx.joint().SaveReport(in));
    XA_TRY(AttachFiles(tx, files, kReportSubject, in.id));
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "edu.joint.report", kSubject, std::to_string(id),
        dept_name + (first ? "报告" : "更新报告") + "联防联控任务“" + t->title + "”：巡查水域 " +
            std::to_string(in.patrolled) + " 处，警示标志 " + std::to_string(in.signs) +
            " 块，防护设施 " + std::to_string(in.fences) + " 处，发现隐患 " +
            std::to_string(in.hazards) + " 处" +
            (files.empty() ? std::string() : "，照片 " + std::to_string(files.size()) + " 张"))));
    XA_ASSIGN_OR_RETURN(auto office, Recipients(tx, t->unit_id, {"bureau_safety_office"}));
    XA_TRY(Notify(
        s, tx, office,
        {"edu.joint", dept_name + "已报告：" + t->title,
         in.text.size() > 300 ? in.text.substr(0, 300) : in.text, kSubject, std::to_string(id)},
        ctx.actor));
    XA_ASSIGN_OR_RETURN(auto views, ViewsOf(tx, ctx, {std::move(*t)}, today, true));
    out = std::move(views.front());
    return {};
  }));
  return out;
}

FileSubject JointReportFileSubject() {
  return {kReportSubject, [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            XA_ASSIGN_OR_RETURN(auto task_id, tx.joint().TaskOfReport(id));
            if (!task_id) return TaskNotFound();
            XA_ASSIGN_OR_RETURN(auto t, tx.joint().FindTask(*task_id));
            if (!t || !MaySee(ctx, *t)) return TaskNotFound();
            return {};
          }};
}

TaskSource JointTaskSource() {
  return {
      "edu_joint", [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
        std::vector<TaskGroup> out;
        if (!ctx.principal) return out;
        const bool department = ctx.Can(perm::kEduJoint) && IsDepartment(ctx);
        const bool bureau = ctx.Can(perm::kEduContent);
        if (!department && !bureau) return out;
        XA_ASSIGN_OR_RETURN(auto tasks, ListJointTasks(s, ctx));
        TaskGroup g{department ? "edu.joint" : "edu.joint.overdue",
                    department ? "联防联控任务待报告" : "联防联控任务逾期未报告",
                    0,
                    0,
                    {}};
        for (const auto& v : tasks) {
          bool open = false;
          bool late = false;
          if (department) {
            for (const auto& d : v.departments) {
              if (d.department_id != *ctx.unit_id || d.report) continue;
              open = true;
              late = d.state == edu::JointState::kOverdue;
            }
          } else {
            open = v.overdue > 0;
            late = open;
          }
          if (!open) continue;
          ++g.count;
          if (late) ++g.overdue;
          if (g.items.size() < static_cast<std::size_t>(kTaskItems)) {
            g.items.push_back(
                {"edu_joint_task", v.task.id, std::nullopt,
                 department ? v.task.title
                            : v.task.title + "（" + std::to_string(v.overdue) + " 个单位未报告）",
                 v.task.unit_name, cal::FormatDate(v.task.due_on), late});
          }
        }
        if (g.count > 0) out.push_back(std::move(g));
        return out;
      }};
}

}  // namespace xiaoan::app
