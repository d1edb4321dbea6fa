#include "storage/repos/patrol_repository.hpp"

#include <charconv>
#include <map>

#include "storage/repos/answer_rows.hpp"
#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace pt = domain::patrol;

namespace {

constexpr const char* kPlanSelect =
    "SELECT p.id, p.school_id, u.name, u.path, p.key_place_id, k.name, k.kind, p.template_id, "
    "t.code, t.name, t.version, p.frequency, p.shifts, p.school_days_only, p.patroller, "
    "p.starts_on, p.ends_on, p.note, p.created_by, p.created_at FROM patrol_plans p "
    "JOIN org_units u ON u.id = p.school_id JOIN school_key_places k ON k.id = p.key_place_id "
    "JOIN checklist_templates t ON t.id = p.template_id";

constexpr const char* kRecordColumns =
    "SELECT r.id, r.plan_id, r.school_id, u.name, u.path, r.key_place_id, k.name, k.kind, "
    "r.template_id, t.name, t.version, r.patrol_date, r.shift, r.patrolled_at, r.patroller, "
    "r.username, r.note, r.failed";
constexpr const char* kRecordFrom =
    " FROM patrol_records r JOIN org_units u ON u.id = r.school_id "
    "JOIN school_key_places k ON k.id = r.key_place_id "
    "JOIN checklist_templates t ON t.id = r.template_id";

std::int64_t B(bool v) { return v ? 1 : 0; }

std::string JoinInts(const std::vector<int>& v) {
  std::string out;
  for (const int x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}
template <typename T>
std::vector<T> SplitInts(std::string_view text) {
  std::vector<T> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto part = text.substr(0, comma);
    T v{};
    if (std::from_chars(part.data(), part.data() + part.size(), v).ec == std::errc()) {
      out.push_back(v);
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

pt::Plan ReadPlan(sql::Rows& r, std::size_t i) {
  pt::Plan p;
  p.id = r.Int(i, 0);
  p.school_id = r.Int(i, 1);
  p.school_name = r.TakeText(i, 2);
  p.school_path = r.TakeText(i, 3);
  p.key_place_id = r.Int(i, 4);
  p.place_name = r.TakeText(i, 5);
  p.place_kind = r.TakeText(i, 6);
  p.template_id = r.Int(i, 7);
  p.template_code = r.TakeText(i, 8);
  p.template_name = r.TakeText(i, 9);
  p.template_version = static_cast<int>(r.Int(i, 10));
  p.frequency = r.TakeText(i, 11);
  p.shifts = SplitInts<int>(r.Text(i, 12));
  p.school_days_only = r.Int(i, 13) != 0;
  p.patroller = r.TakeText(i, 14);
  p.starts_on = r.TakeText(i, 15);
  p.ends_on = OptText(r, i, 16);
  p.note = r.TakeText(i, 17);
  p.created_by = r.TakeText(i, 18);
  p.created_at = r.TakeText(i, 19);
  return p;
}

pt::Record ReadRecord(sql::Rows& r, std::size_t i) {
  pt::Record x;
  x.id = r.Int(i, 0);
  x.plan_id = r.Int(i, 1);
  x.school_id = r.Int(i, 2);
  x.school_name = r.TakeText(i, 3);
  x.school_path = r.TakeText(i, 4);
  x.key_place_id = r.Int(i, 5);
  x.place_name = r.TakeText(i, 6);
  x.place_kind = r.TakeText(i, 7);
  x.template_id = r.Int(i, 8);
  x.template_name = r.TakeText(i, 9);
  x.template_version = static_cast<int>(r.Int(i, 10));
  x.date = r.TakeText(i, 11);
  x.shift = static_cast<int>(r.Int(i, 12));
  x.patrolled_at = r.TakeText(i, 13);
  x.patroller = r.TakeText(i, 14);
  x.username = r.TakeText(i, 15);
  x.note = r.TakeText(i, 16);
  x.failed = static_cast<int>(r.Int(i, 17));
  return x;
}

}  // namespace

Status SqlPatrolRepository::InsertPlan(pt::Plan& p) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO patrol_plans (school_id, key_place_id, template_id, frequency, "
                  "shifts, school_days_only, patroller, starts_on, ends_on, note, created_by, "
                  "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                  "$12, $12) RETURNING id",
                  {p.school_id, p.key_place_id, p.template_id, p.frequency, JoinInts(p.shifts),
                   B(p.school_days_only), p.patroller, p.starts_on, Opt(p.ends_on), p.note,
                   p.created_by, p.created_at}));
  p.id = r.Int(0, 0);
  return {};
}

Status SqlPatrolRepository::UpdatePlan(const pt::Plan& p) {
  return Done(conn_.Exec(
      "UPDATE patrol_plans SET key_place_id = $2, template_id = $3, frequency = $4, shifts = $5, "
      "school_days_only = $6, patroller = $7, starts_on = $8, ends_on = $9, note = $10, "
      "updated_at = $11 WHERE id = $1",
      {p.id, p.key_place_id, p.template_id, p.frequency, JoinInts(p.shifts), B(p.school_days_only),
       p.patroller, p.starts_on, Opt(p.ends_on), p.note, p.updated_at}));
}

Result<std::optional<pt::Plan>> SqlPatrolRepository::FindPlan(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kPlanSelect) + " WHERE p.id = $1", {id}));
  if (r.empty()) return std::optional<pt::Plan>();
  return std::optional<pt::Plan>(ReadPlan(r, 0));
}

Result<std::vector<pt::Plan>> SqlPatrolRepository::ListPlans(const pt::PlanFilter& f,
                                                             const domain::ScopeFilter& scope) {
  WhereBuilder where;
  if (f.school_id) where.Add("p.school_id = ?", {*f.school_id});
  if (f.key_place_id) where.Add("p.key_place_id = ?", {*f.key_place_id});
  if (f.active_only) {
    where.Add("p.starts_on <= ? AND (p.ends_on IS NULL OR p.ends_on >= ?)",
              {f.active_on, f.active_on});
  }
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query(kPlanSelect + where.Sql() + " ORDER BY u.name, k.name, p.id", where.params()));
  std::vector<pt::Plan> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ReadPlan(r, i));
  return out;
}

Result<std::int64_t> SqlPatrolRepository::CountRecordsOfPlan(std::int64_t plan_id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT COUNT(*) FROM patrol_records WHERE plan_id = $1", {plan_id}));
  return r.Int(0, 0);
}

Status SqlPatrolRepository::DeletePlan(std::int64_t id) {
  return Done(conn_.Exec("DELETE FROM patrol_plans WHERE id = $1", {id}));
}

Status SqlPatrolRepository::InsertRecord(pt::Record& x) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO patrol_records (plan_id, school_id, key_place_id, template_id, "
                  "patrol_date, shift, patrolled_at, patroller, username, note, failed) VALUES "
                  "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                  {x.plan_id, x.school_id, x.key_place_id, x.template_id, x.date,
                   static_cast<std::int64_t>(x.shift), x.patrolled_at, x.patroller, x.username,
                   x.note, static_cast<std::int64_t>(x.failed)}));
  x.id = r.Int(0, 0);
  return InsertAnswers(conn_, "patrol_answers", "record_id", x.id, x.answers);
}

Result<std::optional<pt::Record>> SqlPatrolRepository::FindRecord(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query(std::string(kRecordColumns) + kRecordFrom + " WHERE r.id = $1", {id}));
  if (r.empty()) return std::optional<pt::Record>();
  auto x = ReadRecord(r, 0);
  XA_ASSIGN_OR_RETURN(auto a, conn_.Query(std::string("SELECT ") + kAnswerColumns +
                                              " FROM patrol_answers WHERE record_id = $1 "
                                              "ORDER BY position",
                                          {id}));
  for (std::size_t i = 0; i < a.size(); ++i) x.answers.push_back(ReadAnswer(a, i, 0));
  return std::optional<pt::Record>(std::move(x));
}

Result<domain::PageResult<pt::Record>> SqlPatrolRepository::ListRecords(
    const pt::RecordFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.school_id) where.Add("r.school_id = ?", {*f.school_id});
  if (f.plan_id) where.Add("r.plan_id = ?", {*f.plan_id});
  if (!f.from.empty()) where.Add("r.patrol_date >= ?", {f.from});
  if (!f.to.empty()) where.Add("r.patrol_date <= ?", {f.to});
  if (f.failed_only) where.Add("r.failed > 0", {});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query(std::string("SELECT COUNT(*)") + kRecordFrom + where.Sql(), where.params()));
  std::string sql = kRecordColumns + std::string(kRecordFrom) + where.Sql() +
                    OrderBy(page.sort, {{"date", "r.patrol_date"}, {"school", "u.name"}},
                            "r.patrol_date DESC, r.patrolled_at DESC", "r.id DESC");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<pt::Record> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadRecord(rows, i));
  return out;
}

Result<std::vector<pt::PlanDone>> SqlPatrolRepository::DoneBetween(
    const std::vector<std::int64_t>& plan_ids, const std::string& from, const std::string& to) {
  std::vector<pt::PlanDone> out;
  if (plan_ids.empty()) return out;
  sql::Params params;
  for (const auto id : plan_ids) params.emplace_back(id);
  params.emplace_back(from);
  params.emplace_back(to);
  std::string list;
  for (std::size_t i = 0; i < plan_ids.size(); ++i) {
    list += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
  }
  const auto n = plan_ids.size();
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT plan_id, id, patrol_date, shift FROM patrol_records WHERE "
                          "plan_id IN (" +
                              list + ") AND patrol_date >= $" + std::to_string(n + 1) +
                              " AND patrol_date <= $" + std::to_string(n + 2) +
                              " ORDER BY patrol_date, patrolled_at, id",
                          params));
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    const auto day = domain::calendar::ParseDate(r.Text(i, 2));
    if (!day) continue;
    out.push_back({r.Int(i, 0), {r.Int(i, 1), *day, static_cast<int>(r.Int(i, 3))}});
  }
  return out;
}

Status SqlPatrolRepository::SetAnswerHazard(std::int64_t record_id, const std::string& item_key,
                                            std::int64_t hazard_id) {
  return Done(
      conn_.Exec("UPDATE patrol_answers SET hazard_id = $3 WHERE record_id = $1 AND item_key = $2",
                 {record_id, item_key, hazard_id}));
}

}  // namespace xiaoan::storage
