#include "storage/repos/whistle_repository.hpp"

#include <map>

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace wh = domain::whistle;
namespace cal = domain::calendar;

namespace {

sql::Value At(const wh::Instant& t) { return FormatInstant(t); }
sql::Value OptAt(const std::optional<wh::Instant>& t) {
  return t ? sql::Value(FormatInstant(*t)) : sql::Value(sql::Null{});
}
wh::Instant ReadAt(const sql::Rows& r, std::size_t i, std::size_t col) {
  wh::Instant t{};
  ParseInstant(r.Text(i, col), t);
  return t;
}
std::optional<wh::Instant> ReadOptAt(const sql::Rows& r, std::size_t i, std::size_t col) {
  if (r.Null(i, col)) return std::nullopt;
  return ReadAt(r, i, col);
}

constexpr const char* kSelect =
    "SELECT w.id, w.school_id, su.name, su.path, w.title, w.description, w.category, w.place, "
    "w.location, w.severity, w.interim_measures, w.state, w.raised_by, "
    "COALESCE((SELECT display_name FROM users ru WHERE ru.username = w.raised_by), ''), "
    "w.raised_at, w.closed_at, w.version, w.hazard_id FROM whistles w JOIN org_units su ON su.id = "
    "w.school_id";

}  // namespace

Status SqlWhistleRepository::InsertAssignment(std::int64_t whistle_id, const wh::Assignment& a) {
  return Done(conn_.Exec(
      "INSERT INTO whistle_assignments (whistle_id, department_id, state, routed_at, ack_due, "
      "acknowledged_at, acknowledged_by, feedback_due, feedback_due_provisional, "
      "last_feedback_at, answered_at, escalated_at, leader_escalated_at) VALUES ($1, $2, $3, $4, "
      "$5, $6, $7, $8, $9, $10, $11, $12, $13)",
      {whistle_id, a.department_id, a.state, At(a.routed_at), At(a.ack_due),
       OptAt(a.acknowledged_at), a.acknowledged_by,
       a.feedback_due ? sql::Value(cal::FormatDate(*a.feedback_due)) : sql::Value(sql::Null{}),
       std::int64_t{a.feedback_due_provisional ? 1 : 0}, OptAt(a.last_feedback_at),
       OptAt(a.answered_at), OptAt(a.escalated_at), OptAt(a.leader_escalated_at)}));
}

Status SqlWhistleRepository::InsertEvent(std::int64_t whistle_id, wh::Event& e) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO whistle_events (whistle_id, department_id, kind, note, "
                          "actor, at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                          {whistle_id, Opt(e.department_id), e.kind, e.note, e.actor, At(e.at)}));
  e.id = r.Int(0, 0);
  return {};
}

Status SqlWhistleRepository::Insert(wh::Whistle& w) {
  const auto& d = w.draft;
  w.version = 1;
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO whistles (school_id, title, description, category, place, "
                          "location, severity, interim_measures, state, raised_by, raised_at, "
                          "closed_at, version, hazard_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                          "$9, $10, $11, $12, $13, $14) RETURNING id",
                          {w.school_id, d.title, d.description, d.category, d.place, d.location,
                           d.severity, d.interim_measures, w.state, w.raised_by, At(w.raised_at),
                           OptAt(w.closed_at), std::int64_t{w.version}, Opt(w.hazard_id)}));
  w.id = r.Int(0, 0);
  for (const auto& a : w.assignments) XA_TRY(InsertAssignment(w.id, a));
  for (auto& e : w.events) XA_TRY(InsertEvent(w.id, e));
  return {};
}

Result<bool> SqlWhistleRepository::Update(wh::Whistle& w, std::vector<wh::Event>& new_events) {
  XA_ASSIGN_OR_RETURN(
      const auto changed,
      conn_.Exec("UPDATE whistles SET state = $1, closed_at = $2, hazard_id = $3, version = "
                 "version + 1 WHERE id = $4 AND version = $5",
                 {w.state, OptAt(w.closed_at), Opt(w.hazard_id), w.id, std::int64_t{w.version}}));
  if (changed == 0) return false;
  ++w.version;
  XA_ASSIGN_OR_RETURN(auto stored,
                      conn_.Query("SELECT department_id FROM whistle_assignments WHERE "
                                  "whistle_id = $1",
                                  {w.id}));
  std::map<std::int64_t, bool> present;
  for (std::size_t i = 0; i < stored.size(); ++i) present[stored.Int(i, 0)] = true;
  for (const auto& a : w.assignments) {
    if (!present.count(a.department_id)) {
      XA_TRY(InsertAssignment(w.id, a));
      continue;
    }
    XA_TRY(Done(conn_.Exec(
        "UPDATE whistle_assignments SET state = $1, acknowledged_at = $2, acknowledged_by = $3, "
        "feedback_due = $4, feedback_due_provisional = $5, last_feedback_at = $6, "
        "answered_at = $7, escalated_at = $8, leader_escalated_at = $9 WHERE whistle_id = $10 "
        "AND department_id = $11",
        {a.state, OptAt(a.acknowledged_at), a.acknowledged_by,
         a.feedback_due ? sql::Value(cal::FormatDate(*a.feedback_due)) : sql::Value(sql::Null{}),
         std::int64_t{a.feedback_due_provisional ? 1 : 0}, OptAt(a.last_feedback_at),
         OptAt(a.answered_at), OptAt(a.escalated_at), OptAt(a.leader_escalated_at), w.id,
         a.department_id})));
  }
  for (auto& e : new_events) XA_TRY(InsertEvent(w.id, e));
  return true;
}

Result<std::vector<wh::Whistle>> SqlWhistleRepository::Load(const std::string& where_and_order,
                                                            const sql::Params& params,
                                                            bool events) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kSelect) + where_and_order, params));
  std::vector<wh::Whistle> out;
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < r.size(); ++i) {
    wh::Whistle w;
    w.id = r.Int(i, 0);
    w.school_id = r.Int(i, 1);
    w.school_name = r.TakeText(i, 2);
    w.school_path = r.TakeText(i, 3);
    auto& d = w.draft;
    d.title = r.TakeText(i, 4);
    d.description = r.TakeText(i, 5);
    d.category = r.TakeText(i, 6);
    d.place = r.TakeText(i, 7);
    d.location = r.TakeText(i, 8);
    d.severity = r.TakeText(i, 9);
    d.interim_measures = r.TakeText(i, 10);
    w.state = r.TakeText(i, 11);
    w.raised_by = r.TakeText(i, 12);
    w.raised_by_name = r.TakeText(i, 13);
    w.raised_at = ReadAt(r, i, 14);
    w.closed_at = ReadOptAt(r, i, 15);
    w.version = static_cast<int>(r.Int(i, 16));
    w.hazard_id = OptInt(r, i, 17);
    index[w.id] = out.size();
    out.push_back(std::move(w));
  }
  if (out.empty()) return out;
  sql::Params ids;
  for (const auto& w : out) ids.push_back(w.id);
  std::string in;
  for (std::size_t i = 1; i <= ids.size(); ++i) in += (i == 1 ? "$" : ", $") + std::to_string(i);
  XA_ASSIGN_OR_RETURN(auto a,
                      conn_.Query("SELECT a.whistle_id, a.department_id, d.name, d.path, a.state, "
                                  "a.routed_at, a.ack_due, a.acknowledged_at, a.acknowledged_by, "
                                  "a.feedback_due, a.feedback_due_provisional, a.last_feedback_at, "
                                  "a.answered_at, a.escalated_at, a.leader_escalated_at FROM "
                                  "whistle_assignments a JOIN "
                                  "org_units d ON d.id = a.department_id WHERE a.whistle_id IN (" +
                                      in + ") ORDER BY a.whistle_id, d.name, a.department_id",
                                  ids));
  for (std::size_t i = 0; i < a.size(); ++i) {
    wh::Assignment x;
    x.department_id = a.Int(i, 1);
    x.department_name = a.TakeText(i, 2);
    x.department_path = a.TakeText(i, 3);
    x.state = a.TakeText(i, 4);
    x.routed_at = ReadAt(a, i, 5);
    x.ack_due = ReadAt(a, i, 6);
    x.acknowledged_at = ReadOptAt(a, i, 7);
    x.acknowledged_by = a.TakeText(i, 8);
    if (!a.Null(i, 9)) x.feedback_due = cal::ParseDate(a.Text(i, 9));
    x.feedback_due_provisional = a.Int(i, 10) != 0;
    x.last_feedback_at = ReadOptAt(a, i, 11);
    x.answered_at = ReadOptAt(a, i, 12);
    x.escalated_at = ReadOptAt(a, i, 13);
    x.leader_escalated_at = ReadOptAt(a, i, 14);
    out[index[a.Int(i, 0)]].assignments.push_back(std::move(x));
  }
  if (!events) return out;
  XA_ASSIGN_OR_RETURN(
      auto e, conn_.Query("SELECT e.whistle_id, e.id, e.department_id, COALESCE(d.name, ''), "
                          "e.kind, e.note, e.actor, COALESCE((SELECT display_name FROM users eu "
                          "WHERE eu.username = e.actor), ''), e.at FROM whistle_events e LEFT "
                          "JOIN org_units d ON d.id = e.department_id WHERE e.whistle_id IN (" +
                              in + ") ORDER BY e.whistle_id, e.id",
                          ids));
  for (std::size_t i = 0; i < e.size(); ++i) {
    wh::Event x;
    x.id = e.Int(i, 1);
    x.department_id = OptInt(e, i, 2);
    x.department_name = e.TakeText(i, 3);
    x.kind = e.TakeText(i, 4);
    x.note = e.TakeText(i, 5);
    x.actor = e.TakeText(i, 6);
    x.actor_name = e.TakeText(i, 7);
    x.at = ReadAt(e, i, 8);
    out[index[e.Int(i, 0)]].events.push_back(std::move(x));
  }
  return out;
}

Result<std::optional<wh::Whistle>> SqlWhistleRepository::Find(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, Load(" WHERE w.id = $1", {id}, true));
  if (found.empty()) return std::optional<wh::Whistle>{};
  return std::optional<wh::Whistle>{std::move(found.front())};
}

Result<std::optional<std::int64_t>> SqlWhistleRepository::WhistleOfEvent(std::int64_t event_id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT whistle_id FROM whistle_events WHERE id = $1", {event_id}));
  if (r.size() == 0) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{r.Int(0, 0)};
}

Result<domain::PageResult<wh::Whistle>> SqlWhistleRepository::List(
    const wh::WhistleFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.state) where.Add("w.state = ?", {*f.state});
  if (f.severity) where.Add("w.severity = ?", {*f.severity});
  if (f.category) where.Add("w.category = ?", {*f.category});
  if (f.school_id) where.Add("w.school_id = ?", {*f.school_id});
  if (f.hazard_id) where.Add("w.hazard_id = ?", {*f.hazard_id});
  if (f.department_id) {
    where.Add(
        "EXISTS (SELECT 1 FROM whistle_assignments fa WHERE fa.whistle_id = w.id AND "
        "fa.department_id = ?)",
        {*f.department_id});
  }
  if (!f.q.empty()) {
    const auto like = LikeContains(f.q);
    where.Add(
        "(w.title LIKE ? ESCAPE '\\' OR w.location LIKE ? ESCAPE '\\' OR su.name LIKE ? "
        "ESCAPE '\\')",
        {like, like, like});
  }
  if (f.raised_from) where.Add("w.raised_at >= ?", {*f.raised_from});
  if (f.raised_to) where.Add("w.raised_at < ?", {*f.raised_to});
  if (!f.states.empty()) {
    // The clause first: an argument moved from may be evaluated before the other.
    const auto clause = "w.state IN (" + Placeholders(f.states.size()) + ")";
    where.Add(clause, sql::Params(f.states.begin(), f.states.end()));
  }
  // Visible: a school in scope raised it, or it went to a department in scope; with
  // assignment_states, only through an assignment in one of those states at such a department.
  auto [reach, values] = ScopeClause(scope, "ad.path");
  std::string assignment =
      "EXISTS (SELECT 1 FROM whistle_assignments sa JOIN org_units ad ON "
      "ad.id = sa.department_id WHERE sa.whistle_id = w.id AND (" +
      reach + ")";
  if (!f.assignment_states.empty()) {
    assignment += " AND sa.state IN (" + Placeholders(f.assignment_states.size()) + ")";
    values.insert(values.end(), f.assignment_states.begin(), f.assignment_states.end());
    where.Add(assignment + ")", std::move(values));
  } else if (!scope.all) {
    auto [own, more] = ScopeClause(scope, "su.path");
    more.insert(more.end(), values.begin(), values.end());
    where.Add("(" + own + ") OR " + assignment + ")", std::move(more));
  }
  XA_ASSIGN_OR_RETURN(auto count,
                      conn_.Query("SELECT COUNT(*) FROM whistles w JOIN org_units su ON su.id = "
                                  "w.school_id" +
                                      where.Sql(),
                                  where.params()));
  std::string sql =
      where.Sql() + OrderBy(page.sort, {{"raised_at", "w.raised_at"}, {"school", "su.name"}},
                            "w.raised_at DESC", "w.id DESC");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  domain::PageResult<wh::Whistle> out;
  out.total = count.Int(0, 0);
  XA_ASSIGN_OR_RETURN(out.items, Load(sql, params, false));
  return out;
}

Result<std::vector<wh::Whistle>> SqlWhistleRepository::ListOpen() {
  return Load(
      " WHERE w.state <> 'closed' AND EXISTS (SELECT 1 FROM whistle_assignments oa WHERE "
      "oa.whistle_id = w.id AND oa.state <> 'answered') ORDER BY w.id",
      {}, false);
}

Result<std::vector<wh::Route>> SqlWhistleRepository::Routes(std::int64_t bureau_id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT category, department_id FROM whistle_routes "
                                          "WHERE bureau_id = $1 ORDER BY category, department_id",
                                          {bureau_id}));
  std::vector<wh::Route> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto category = r.Text(i, 0);
    if (out.empty() || out.back().category != category) out.push_back({category, {}});
    out.back().department_ids.push_back(r.Int(i, 1));
  }
  return out;
}

Status SqlWhistleRepository::ReplaceRoutes(std::int64_t bureau_id,
                                           const std::vector<wh::Route>& routes) {
  XA_TRY(Done(conn_.Exec("DELETE FROM whistle_routes WHERE bureau_id = $1", {bureau_id})));
  for (const auto& route : routes) {
    for (const auto id : route.department_ids) {
      XA_TRY(Done(conn_.Exec(
          "INSERT INTO whistle_routes (bureau_id, category, department_id) VALUES ($1, $2, $3)",
          {bureau_id, route.category, id})));
    }
  }
  return {};
}

Status SqlWhistleRepository::SaveReport(const wh::PeriodicReport& r) {
  return Done(conn_.Exec(
      "INSERT INTO whistle_reports (school_id, month, nil, open_count, summary, note, filed_by, "
      "filed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (school_id, month) DO "
      "UPDATE SET nil = excluded.nil, open_count = excluded.open_count, summary = "
      "excluded.summary, note = excluded.note, filed_by = excluded.filed_by, filed_at = "
      "excluded.filed_at",
      {r.school_id, r.month, std::int64_t{r.nil ? 1 : 0}, std::int64_t{r.open_count}, r.summary,
       r.note, r.filed_by, At(r.filed_at)}));
}

Result<std::vector<wh::PeriodicReport>> SqlWhistleRepository::LoadReports(
    const std::string& where, const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT p.school_id, u.name, p.month, p.nil, p.open_count, p.summary, "
                          "p.note, p.filed_by, p.filed_at FROM whistle_reports p JOIN org_units u "
                          "ON u.id = p.school_id" +
                              where,
                          params));
  std::vector<wh::PeriodicReport> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    wh::PeriodicReport x;
    x.school_id = r.Int(i, 0);
    x.school_name = r.TakeText(i, 1);
    x.month = r.TakeText(i, 2);
    x.nil = r.Int(i, 3) != 0;
    x.open_count = static_cast<int>(r.Int(i, 4));
    x.summary = r.TakeText(i, 5);
    x.note = r.TakeText(i, 6);
    x.filed_by = r.TakeText(i, 7);
    x.filed_at = ReadAt(r, i, 8);
    out.push_back(std::move(x));
  }
  return out;
}

Result<std::optional<wh::PeriodicReport>> SqlWhistleRepository::FindReport(
    std::int64_t school_id, const std::string& month) {
  XA_ASSIGN_OR_RETURN(auto found,
                      LoadReports(" WHERE p.school_id = $1 AND p.month = $2", {school_id, month}));
  if (found.empty()) return std::optional<wh::PeriodicReport>{};
  return std::optional<wh::PeriodicReport>{std::move(found.front())};
}

Result<std::vector<wh::PeriodicReport>> SqlWhistleRepository::ReportsOf(std::int64_t school_id) {
  return LoadReports(" WHERE p.school_id = $1 ORDER BY p.month DESC", {school_id});
}

Result<std::vector<wh::PeriodicReport>> SqlWhistleRepository::ReportsFor(
    const std::string& month, const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("p.month = ?", {month});
  AddScope(where, scope, "u.path");
  return LoadReports(where.Sql() + " ORDER BY u.name, p.school_id", where.params());
}

}  // namespace xiaoan::storage
