#include "storage/repos/joint_repository.hpp"

#include <map>

#include "core/strings.hpp"
#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace edu = domain::edu;
namespace cal = domain::calendar;

namespace {

constexpr const char* kSelect =
    "SELECT t.id, t.unit_id, u.path, u.name, t.title, t.text, t.kinds, t.due_on, t.created_by, "
    "COALESCE((SELECT display_name FROM users cu WHERE cu.username = t.created_by), ''), "
    "t.created_at FROM edu_joint_tasks t JOIN org_units u ON u.id = t.unit_id";

std::string Join(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

}  // namespace

Status SqlJointRepository::InsertTask(edu::JointTask& t) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO edu_joint_tasks (unit_id, title, text, kinds, due_on, "
                  "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                  {t.unit_id, t.title, t.text, Join(t.kinds), cal::FormatDate(t.due_on),
                   t.created_by, FormatInstant(t.created_at)}));
  t.id = r.Int(0, 0);
  for (const auto department : t.department_ids) {
    XA_TRY(Done(conn_.Exec(
        "INSERT INTO edu_joint_task_departments (task_id, department_id) VALUES ($1, $2)",
        {t.id, department})));
  }
  return {};
}

Status SqlJointRepository::RemoveTask(std::int64_t id) {
  XA_TRY(Done(conn_.Exec("DELETE FROM edu_joint_reports WHERE task_id = $1", {id})));
  XA_TRY(Done(conn_.Exec("DELETE FROM edu_joint_task_departments WHERE task_id = $1", {id})));
  return Done(conn_.Exec("DELETE FROM edu_joint_tasks WHERE id = $1", {id}));
}

Result<std::vector<edu::JointTask>> SqlJointRepository::Load(const std::string& where_and_order,
                                                             const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kSelect) + where_and_order, params));
  std::vector<edu::JointTask> out;
  out.reserve(r.size());
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::JointTask t;
    t.id = r.Int(i, 0);
    t.unit_id = r.Int(i, 1);
    t.unit_path = r.TakeText(i, 2);
    t.unit_name = r.TakeText(i, 3);
    t.title = r.TakeText(i, 4);
    t.text = r.TakeText(i, 5);
    for (auto& k : Split(r.Text(i, 6), ',')) {
      if (!k.empty()) t.kinds.push_back(std::move(k));
    }
    t.due_on = cal::ParseDate(r.Text(i, 7)).value_or(cal::Date{});
    t.created_by = r.TakeText(i, 8);
    t.created_by_name = r.TakeText(i, 9);
    ParseInstant(r.Text(i, 10), t.created_at);
    at[t.id] = out.size();
    out.push_back(std::move(t));
  }
  if (out.empty()) return out;
  sql::Params ids;
  for (const auto& t : out) ids.push_back(t.id);
  std::string in;
  for (std::size_t i = 0; i < ids.size(); ++i) in += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
  XA_ASSIGN_OR_RETURN(auto d, conn_.Query("SELECT task_id, department_id FROM "
                                          "edu_joint_task_departments WHERE task_id IN (" +
                                              in + ") ORDER BY task_id, department_id",
                                          ids));
  for (std::size_t i = 0; i < d.size(); ++i) {
    const auto it = at.find(d.Int(i, 0));
    if (it != at.end()) out[it->second].department_ids.push_back(d.Int(i, 1));
  }
  return out;
}

Result<std::optional<edu::JointTask>> SqlJointRepository::FindTask(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, Load(" WHERE t.id = $1", {id}));
  if (found.empty()) return std::optional<edu::JointTask>{};
  return std::optional<edu::JointTask>{std::move(found.front())};
}

Result<std::vector<edu::JointTask>> SqlJointRepository::Tasks(
    const domain::ScopeFilter& scope, std::optional<std::int64_t> department_id, int limit) {
  WhereBuilder where;
  if (department_id) {
    where.Add("t.id IN (SELECT task_id FROM edu_joint_task_departments WHERE department_id = ?)",
              {*department_id});
  } else {
    AddScope(where, scope, "u.path");
  }
  auto params = where.params();
  params.push_back(std::int64_t{limit});
  // The LIMIT's placeholder follows the clause's own.
  std::string sql = where.Sql() + " ORDER BY t.id DESC LIMIT $";
  sql += std::to_string(params.size());
  return Load(sql, params);
}

Result<bool> SqlJointRepository::SaveReport(edu::JointReport& r) {
  XA_ASSIGN_OR_RETURN(auto existing,
                      conn_.Query("SELECT id FROM edu_joint_reports WHERE task_id = $1 AND "
                                  "department_id = $2",
                                  {r.task_id, r.department_id}));
  const sql::Params fields = {r.text,
                              std::int64_t{r.patrolled},
                              std::int64_t{r.signs},
                              std::int64_t{r.fences},
                              std::int64_t{r.hazards},
                              r.by,
                              FormatInstant(r.at),
                              cal::FormatDate(r.on)};
  if (existing.size() > 0) {
    r.id = existing.Int(0, 0);
    auto params = fields;
    params.push_back(r.id);
    XA_TRY(
        Done(conn_.Exec("UPDATE edu_joint_reports SET text = $1, patrolled = $2, signs = $3, "
                        "fences = $4, hazards = $5, reported_by = $6, at = $7, reported_on = "
                        "$8 WHERE id = $9",
                        params)));
    return false;
  }
  auto params = fields;
  params.push_back(r.task_id);
  params.push_back(r.department_id);
  XA_ASSIGN_OR_RETURN(auto ins,
                      conn_.Query("INSERT INTO edu_joint_reports (text, patrolled, signs, fences, "
                                  "hazards, reported_by, at, reported_on, task_id, department_id) "
                                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                                  params));
  r.id = ins.Int(0, 0);
  return true;
}

Result<std::vector<edu::JointReport>> SqlJointRepository::ReportsOf(
    const std::vector<std::int64_t>& task_ids) {
  std::vector<edu::JointReport> out;
  if (task_ids.empty()) return out;
  sql::Params ids(task_ids.begin(), task_ids.end());
  std::string in;
  for (std::size_t i = 0; i < ids.size(); ++i) in += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT r.id, r.task_id, r.department_id, r.text, r.patrolled, r.signs, "
                          "r.fences, r.hazards, r.reported_by, COALESCE((SELECT display_name FROM "
                          "users ru WHERE ru.username = r.reported_by), ''), r.at, r.reported_on "
                          "FROM edu_joint_reports r WHERE r.task_id IN (" +
                              in + ") ORDER BY r.task_id, r.department_id",
                          ids));
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::JointReport x;
    x.id = r.Int(i, 0);
    x.task_id = r.Int(i, 1);
    x.department_id = r.Int(i, 2);
    x.text = r.TakeText(i, 3);
    x.patrolled = static_cast<int>(r.Int(i, 4));
    x.signs = static_cast<int>(r.Int(i, 5));
    x.fences = static_cast<int>(r.Int(i, 6));
    x.hazards = static_cast<int>(r.Int(i, 7));
    x.by = r.TakeText(i, 8);
    x.by_name = r.TakeText(i, 9);
    ParseInstant(r.Text(i, 10), x.at);
    x.on = cal::ParseDate(r.Text(i, 11)).value_or(cal::Date{});
    out.push_back(std::move(x));
  }
  return out;
}

Result<std::optional<std::int64_t>> SqlJointRepository::TaskOfReport(std::int64_t report_id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT task_id FROM edu_joint_reports WHERE id = $1", {report_id}));
  if (r.size() == 0) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{r.Int(0, 0)};
}

}  // namespace xiaoan::storage
