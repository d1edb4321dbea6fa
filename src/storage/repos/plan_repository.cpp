#include "storage/repos/plan_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace plan = domain::plan;

Result<std::optional<plan::YearPlan>> SqlPlanRepository::Nearest(
    const std::vector<std::int64_t>& units, int year) {
  if (units.empty()) return std::optional<plan::YearPlan>();
  sql::Params params = {std::int64_t{year}};
  for (const auto u : units) params.emplace_back(u);
  std::string in;
  for (std::size_t i = 0; i < units.size(); ++i) {
    in += (i ? ", $" : "$") + std::to_string(i + 2);
  }
  XA_ASSIGN_OR_RETURN(auto heads, conn_.Query("SELECT unit_id, title, loaded_by, loaded_at FROM "
                                              "year_plans WHERE year = $1 AND unit_id IN (" +
                                                  in + ")",
                                              params));
  std::optional<plan::YearPlan> out;
  std::size_t best = units.size();
  for (std::size_t i = 0; i < heads.size(); ++i) {
    const auto unit = heads.Int(i, 0);
    for (std::size_t k = 0; k < best; ++k) {
      if (units[k] != unit) continue;
      best = k;
      out = plan::YearPlan{
          unit, year, heads.TakeText(i, 1), {}, heads.TakeText(i, 2), heads.TakeText(i, 3)};
      break;
    }
  }
  if (!out) return out;
  XA_ASSIGN_OR_RETURN(
      auto rows,
      conn_.Query("SELECT action_number, action_title, measure_number, measure_title, rule_ids "
                  "FROM year_plan_measures WHERE unit_id = $1 AND year = $2 ORDER BY seq",
                  {out->unit_id, std::int64_t{year}}));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto number = static_cast<int>(rows.Int(i, 0));
    if (out->actions.empty() || out->actions.back().number != number) {
      out->actions.push_back({number, rows.TakeText(i, 1), {}});
    }
    out->actions.back().measures.push_back({static_cast<int>(rows.Int(i, 2)), rows.TakeText(i, 3),
                                            plan::SplitRuleIds(rows.TakeText(i, 4))});
  }
  return out;
}

Status SqlPlanRepository::Save(const plan::YearPlan& p) {
  XA_TRY(Remove(p.unit_id, p.year));
  XA_TRY(
      Done(conn_.Exec("INSERT INTO year_plans (unit_id, year, title, loaded_by, loaded_at) "
                      "VALUES ($1, $2, $3, $4, $5)",
                      {p.unit_id, std::int64_t{p.year}, p.title, p.loaded_by, p.loaded_at})));
  std::int64_t seq = 0;
  for (const auto& a : p.actions) {
    for (const auto& m : a.measures) {
      XA_TRY(Done(conn_.Exec(
          "INSERT INTO year_plan_measures (unit_id, year, seq, action_number, action_title, "
          "measure_number, measure_title, rule_ids) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          {p.unit_id, std::int64_t{p.year}, seq++, std::int64_t{a.number}, a.title,
           std::int64_t{m.number}, m.title, plan::JoinRuleIds(m.rules)})));
    }
  }
  return {};
}

Status SqlPlanRepository::Remove(std::int64_t unit_id, int year) {
  XA_TRY(Done(conn_.Exec("DELETE FROM year_plan_measures WHERE unit_id = $1 AND year = $2",
                         {unit_id, std::int64_t{year}})));
  return Done(conn_.Exec("DELETE FROM year_plans WHERE unit_id = $1 AND year = $2",
                         {unit_id, std::int64_t{year}}));
}

}  // namespace xiaoan::storage
