#include "storage/repos/drill_plan_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

using domain::drill::DrillPlan;
using domain::drill::PlanStatus;

namespace {

constexpr const char* kPlanSelect =
    "SELECT p.id, p.school_id, u.name, p.kind, p.title, p.plan_date, p.start_time, p.night, "
    "p.whole_school, p.scope_note, p.commander, p.note, p.drill_id, p.created_by, p.created_at, "
    "p.updated_at FROM drill_plans p JOIN org_units u ON u.id = p.school_id";
constexpr const char* kPlanFrom = " FROM drill_plans p JOIN org_units u ON u.id = p.school_id";

DrillPlan ReadPlan(sql::Rows& r, std::size_t i) {
  DrillPlan p;
  p.id = r.Int(i, 0);
  p.school_id = r.Int(i, 1);
  p.school_name = r.TakeText(i, 2);
  p.kind = r.TakeText(i, 3);
  p.title = r.TakeText(i, 4);
  p.date = r.TakeText(i, 5);
  p.start_time = r.TakeText(i, 6);
  p.night = r.Int(i, 7) != 0;
  p.whole_school = r.Int(i, 8) != 0;
  p.scope_note = r.TakeText(i, 9);
  p.commander = r.TakeText(i, 10);
  p.note = r.TakeText(i, 11);
  p.drill_id = OptInt(r, i, 12);
  p.created_by = r.TakeText(i, 13);
  p.created_at = r.TakeText(i, 14);
  p.updated_at = r.TakeText(i, 15);
  return p;
}

std::int64_t B(bool v) { return v ? 1 : 0; }

// The condition of one status, with its parameters.
std::pair<std::string, sql::Params> StatusCondition(PlanStatus s,
                                                    const domain::drill::DrillPlanFilter& f) {
  switch (s) {
    case PlanStatus::kDone:
      return {"p.drill_id IS NOT NULL", {}};
    case PlanStatus::kOverdue:
      return {"(p.drill_id IS NULL AND p.plan_date < ?)", {f.today}};
    case PlanStatus::kDue:
      return {"(p.drill_id IS NULL AND p.plan_date >= ? AND p.plan_date <= ?)",
              {f.today, f.due_until}};
    case PlanStatus::kPlanned:
      break;
  }
  return {"(p.drill_id IS NULL AND p.plan_date > ?)", {f.due_until}};
}

}  // namespace

Status SqlDrillPlanRepository::Insert(DrillPlan& p) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO drill_plans (school_id, kind, title, plan_date, start_time, "
                          "night, whole_school, scope_note, commander, note, created_by, "
                          "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                          "$10, $11, $12, $13) RETURNING id",
                          {p.school_id, p.kind, p.title, p.date, p.start_time, B(p.night),
                           B(p.whole_school), p.scope_note, p.commander, p.note, p.created_by,
                           p.created_at, p.updated_at}));
  p.id = r.Int(0, 0);
  return {};
}

Status SqlDrillPlanRepository::Update(const DrillPlan& p) {
  return Done(conn_.Exec(
      "UPDATE drill_plans SET kind = $2, title = $3, plan_date = $4, start_time = $5, night = $6, "
      "whole_school = $7, scope_note = $8, commander = $9, note = $10, updated_at = $11 "
      "WHERE id = $1",
      {p.id, p.kind, p.title, p.date, p.start_time, B(p.night), B(p.whole_school), p.scope_note,
       p.commander, p.note, p.updated_at}));
}

Status SqlDrillPlanRepository::Remove(std::int64_t id) {
  return Done(conn_.Exec("DELETE FROM drill_plans WHERE id = $1", {id}));
}

Result<std::optional<DrillPlan>> SqlDrillPlanRepository::Find(std::int64_t id,
                                                              const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("p.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(kPlanSelect + where.Sql(), where.params()));
  if (r.empty()) return std::optional<DrillPlan>();
  return std::optional<DrillPlan>(ReadPlan(r, 0));
}

Result<domain::PageResult<DrillPlan>> SqlDrillPlanRepository::List(
    const domain::drill::DrillPlanFilter& f, const domain::ScopeFilter& scope,
    const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.school_id) where.Add("p.school_id = ?", {*f.school_id});
  if (f.kind) where.Add("p.kind = ?", {*f.kind});
  if (f.from) where.Add("p.plan_date >= ?", {*f.from});
  if (f.to) where.Add("p.plan_date <= ?", {*f.to});
  if (!f.statuses.empty()) {
    std::string any;
    sql::Params params;
    for (const auto s : f.statuses) {
      auto [cond, p] = StatusCondition(s, f);
      any += (any.empty() ? "(" : " OR ") + cond;
      params.insert(params.end(), p.begin(), p.end());
    }
    where.Add(any + ")", std::move(params));
  }
  if (!f.q.empty()) {
    const std::string like = LikeContains(f.q);
    where.Add("(p.title LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\')", {like, like});
  }
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query(std::string("SELECT COUNT(*)") + kPlanFrom + where.Sql(), where.params()));
  std::string sql = kPlanSelect + where.Sql() +
                    // By default the open plans first, the nearest day first.
                    OrderBy(page.sort, {{"date", "p.plan_date"}, {"school", "u.name"}},
                            "(p.drill_id IS NOT NULL), p.plan_date", "p.id");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<DrillPlan> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadPlan(rows, i));
  return out;
}

Status SqlDrillPlanRepository::SetDrill(std::int64_t plan_id, std::int64_t drill_id) {
  return Done(
      conn_.Exec("UPDATE drill_plans SET drill_id = $2 WHERE id = $1", {plan_id, drill_id}));
}

}  // namespace xiaoan::storage
