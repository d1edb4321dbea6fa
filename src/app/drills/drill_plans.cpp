// Drill plans (演练计划): a school's, or the bureau's for a school, drills to come; recording the
// drill closes the plan (drills.cpp), and the home board lists the open ones due this week.
#include "app/calendar/calendar.hpp"
#include "app/drills/drills.hpp"
#include "domain/auth/auth.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/org/org.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace dr = domain::drill;
namespace cal = domain::calendar;

namespace {

Result<domain::Unit> SchoolUnitInScope(domain::Tx& tx, const RequestContext& ctx,
                                       domain::UnitId id) {
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(id));
  if (!unit || unit->kind != "school" || !ctx.Covers(unit->path)) {
    return domain::ValidationError({{"school_id", "学校不存在或不在您的管辖范围内"}});
  }
  return *unit;
}

Result<dr::DrillPlan> LoadInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto p, tx.drill_plans().Find(id, ctx.Scope()));
  if (!p) return NotFound("演练计划不存在或不在您的管辖范围内");
  return *p;
}

DrillPlanView ViewOf(const RequestContext& ctx, dr::DrillPlan p, cal::Date today) {
  DrillPlanView v;
  v.status = dr::StatusOf(p, today);
  v.can_edit = ctx.Can(domain::perm::kDrillRecord) && v.status != dr::PlanStatus::kDone;
  v.plan = std::move(p);
  return v;
}

std::string Summary(const dr::DrillPlan& p, const std::string& school) {
  const auto* kind = dr::FindKind(p.kind);
  return school + " " + p.date + " " + (kind ? std::string(kind->label) : p.kind) + "演练" +
         (p.title.empty() ? "" : "「" + p.title + "」");
}

Status CheckFilter(const dr::DrillPlanFilter& f) {
  if (f.kind && !dr::FindKind(*f.kind)) return InvalidArgument("kind", "没有这种演练类型");
  for (const auto& [field, v] : {std::pair{"from", f.from}, std::pair{"to", f.to}}) {
    if (v && !cal::ParseDate(*v)) return InvalidArgument(field, "须为 YYYY-MM-DD 格式的日期");
  }
  return {};
}

void SetToday(dr::DrillPlanFilter& f, cal::Date today) {
  f.today = cal::FormatDate(today);
  f.due_until = cal::FormatDate(today + std::chrono::days{dr::kPlanDueDays});
}

}  // namespace

Result<DrillPlanView> CreateDrillPlan(Services& s, const RequestContext& ctx, dr::DrillPlan in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRecord, "制定演练计划"));
  const auto today = TodayInChina(s);
  auto problems = dr::ValidatePlan(in, today);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  DrillPlanView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, SchoolUnitInScope(tx, ctx, in.school_id));
    in.drill_id.reset();
    in.created_by = ctx.actor;
    in.created_at = s.Now();
    in.updated_at = in.created_at;
    XA_TRY(tx.drill_plans().Insert(in));
    XA_TRY(
        tx.audit().Append(AuditOf(s, ctx, "drill_plan.create", "drill_plan", std::to_string(in.id),
                                  "制定演练计划：" + Summary(in, school.name))));
    XA_ASSIGN_OR_RETURN(auto stored, LoadInScope(tx, RequestContext{}, in.id));
    out = ViewOf(ctx, std::move(stored), today);
    return {};
  }));
  return out;
}

Result<DrillPlanView> EditDrillPlan(Services& s, const RequestContext& ctx, std::int64_t id,
                                    dr::DrillPlan in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRecord, "修改演练计划"));
  const auto today = TodayInChina(s);
  DrillPlanView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto old, LoadInScope(tx, ctx, id));
    if (old.drill_id) {
      return FailedPrecondition("drill_plan.done",
                                "这个演练计划已按计划记录了演练，不能再修改；可修改演练记录");
    }
    in.id = id;
    in.school_id = old.school_id;  // a plan stays with its school
    in.drill_id.reset();
    auto problems = dr::ValidatePlan(in, in.date == old.date ? std::nullopt : std::optional(today));
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    in.created_by = old.created_by;
    in.created_at = old.created_at;
    in.updated_at = s.Now();
    XA_TRY(tx.drill_plans().Update(in));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "drill_plan.edit", "drill_plan", std::to_string(id),
                                     "修改演练计划：" + Summary(in, old.school_name))));
    XA_ASSIGN_OR_RETURN(auto stored, LoadInScope(tx, RequestContext{}, id));
    out = ViewOf(ctx, std::move(stored), today);
    return {};
  }));
  return out;
}

Status DeleteDrillPlan(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRecord, "删除演练计划"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto old, LoadInScope(tx, ctx, id));
    if (old.drill_id) {
      return FailedPrecondition("drill_plan.done",
                                "这个演练计划已按计划记录了演练，不能删除；可删除演练记录");
    }
    XA_TRY(tx.drill_plans().Remove(id));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "drill_plan.delete", "drill_plan", std::to_string(id),
                                     "删除演练计划：" + Summary(old, old.school_name))));
    return {};
  });
}

Result<DrillPlanView> GetDrillPlan(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRead, "查看演练计划"));
  DrillPlanView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto p, LoadInScope(tx, ctx, id));
    out = ViewOf(ctx, std::move(p), TodayInChina(s));
    return {};
  }));
  return out;
}

Result<domain::PageResult<DrillPlanView>> ListDrillPlans(Services& s, const RequestContext& ctx,
                                                         dr::DrillPlanFilter f,
                                                         const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRead, "查看演练计划"));
  XA_TRY(CheckFilter(f));
  const auto today = TodayInChina(s);
  SetToday(f, today);
  domain::PageResult<DrillPlanView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto list, tx.drill_plans().List(f, ctx.Scope(), page));
    out.total = list.total;
    for (auto& p : list.items) out.items.push_back(ViewOf(ctx, std::move(p), today));
    return {};
  }));
  return out;
}

Result<std::string> ExportDrillPlans(Services& s, const RequestContext& ctx,
                                     dr::DrillPlanFilter f) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRead, "导出演练计划"));
  XA_TRY(CheckFilter(f));
  const auto today = TodayInChina(s);
  SetToday(f, today);
  std::vector<office::Row> rows = {
      office::TextRow({"学校", "计划日期", "开始时间", "类型", "名称", "昼夜", "范围", "总指挥",
                       "说明", "状态", "演练记录", "制定人"})};
  std::int64_t n = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    domain::PageRequest page;
    page.page_size = 500;
    for (page.page = 1;; ++page.page) {
      XA_ASSIGN_OR_RETURN(auto list, tx.drill_plans().List(f, ctx.Scope(), page));
      for (const auto& p : list.items) {
        const auto* kind = dr::FindKind(p.kind);
        rows.push_back(office::TextRow(
            {p.school_name, p.date, p.start_time, kind ? std::string(kind->label) : p.kind, p.title,
             p.night ? "夜间" : "白天", p.whole_school ? "全员" : p.scope_note, p.commander, p.note,
             std::string(dr::PlanStatusLabel(dr::StatusOf(p, today))),
             p.drill_id ? "#" + std::to_string(*p.drill_id) : "", p.created_by}));
        ++n;
      }
      if (static_cast<std::int64_t>(page.page) * page.page_size >= list.total) break;
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"演练计划", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "drill_plan.export", "drill_plan", "*",
                                     "导出演练计划 " + std::to_string(n) + " 条")));
    return {};
  }));
  return bytes;
}

}  // namespace xiaoan::app
