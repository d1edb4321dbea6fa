#include "storage/repos/training_repository.hpp"

#include <cmath>
#include <map>

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace tr = domain::training;

Result<std::vector<tr::KeyStaff>> SqlTrainingRepository::LoadStaff(const std::string& where,
                                                                   const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT s.id, s.unit_id, u.name, s.name, s.post, s.phone, s.since, "
                          "s.active, s.note, s.version, s.updated_by, s.updated_at FROM "
                          "training_staff s JOIN org_units u ON u.id = s.unit_id" +
                              where + " ORDER BY u.name, s.unit_id, s.name, s.id",
                          params));
  std::vector<tr::KeyStaff> out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& s = out[i];
    s.id = r.Int(i, 0);
    s.unit_id = r.Int(i, 1);
    s.unit_name = r.TakeText(i, 2);
    s.name = r.TakeText(i, 3);
    s.post = r.TakeText(i, 4);
    s.phone = r.TakeText(i, 5);
    s.since = r.TakeText(i, 6);
    s.active = r.Int(i, 7) != 0;
    s.note = r.TakeText(i, 8);
    s.version = static_cast<int>(r.Int(i, 9));
    s.updated_by = r.TakeText(i, 10);
    ParseInstant(r.Text(i, 11), s.updated_at);
  }
  return out;
}

Result<std::optional<tr::KeyStaff>> SqlTrainingRepository::Staff(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadStaff(" WHERE s.id = $1", {id}));
  if (found.empty()) return std::optional<tr::KeyStaff>{};
  return std::optional<tr::KeyStaff>{std::move(found.front())};
}

Result<std::vector<tr::KeyStaff>> SqlTrainingRepository::StaffOf(std::int64_t unit_id) {
  return LoadStaff(" WHERE s.unit_id = $1", {unit_id});
}

Result<std::vector<tr::KeyStaff>> SqlTrainingRepository::StaffIn(const domain::ScopeFilter& scope) {
  WhereBuilder where;
  AddScope(where, scope, "u.path");
  return LoadStaff(where.Sql(), where.params());
}

Result<std::int64_t> SqlTrainingRepository::InsertStaff(tr::KeyStaff& s) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO training_staff (unit_id, name, post, phone, since, active, "
                  "note, version, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, "
                  "$7, 1, $8, $9) RETURNING id",
                  {s.unit_id, s.name, s.post, s.phone, s.since, std::int64_t{s.active ? 1 : 0},
                   s.note, s.updated_by, FormatInstant(s.updated_at)}));
  s.id = r.Int(0, 0);
  s.version = 1;
  return s.id;
}

Result<bool> SqlTrainingRepository::UpdateStaff(tr::KeyStaff& s) {
  XA_ASSIGN_OR_RETURN(
      const auto n,
      conn_.Exec("UPDATE training_staff SET name = $1, post = $2, phone = $3, since = $4, active "
                 "= $5, note = $6, updated_by = $7, updated_at = $8, version = version + 1 WHERE "
                 "id = $9 AND version = $10",
                 {s.name, s.post, s.phone, s.since, std::int64_t{s.active ? 1 : 0}, s.note,
                  s.updated_by, FormatInstant(s.updated_at), s.id, std::int64_t{s.version}}));
  if (n == 0) return false;
  ++s.version;
  return true;
}

Result<std::vector<tr::Session>> SqlTrainingRepository::LoadSessions(const std::string& where,
                                                                     const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT t.id, t.unit_id, u.name, t.title, t.kind, t.held_on, "
                          "t.half_hours, t.trainer, t.place, t.other_count, t.note, t.created_by, "
                          "COALESCE((SELECT display_name FROM users pu WHERE pu.username = "
                          "t.created_by), ''), t.created_at FROM training_sessions t JOIN "
                          "org_units u ON u.id = t.unit_id" +
                              where + " ORDER BY t.held_on DESC, t.id DESC",
                          params));
  std::vector<tr::Session> out(r.size());
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& s = out[i];
    s.id = r.Int(i, 0);
    s.unit_id = r.Int(i, 1);
    s.unit_name = r.TakeText(i, 2);
    s.title = r.TakeText(i, 3);
    s.kind = r.TakeText(i, 4);
    s.held_on = r.TakeText(i, 5);
    s.hours = static_cast<double>(r.Int(i, 6)) / 2;
    s.trainer = r.TakeText(i, 7);
    s.place = r.TakeText(i, 8);
    s.other_count = static_cast<int>(r.Int(i, 9));
    s.note = r.TakeText(i, 10);
    s.created_by = r.TakeText(i, 11);
    s.created_by_name = r.TakeText(i, 12);
    ParseInstant(r.Text(i, 13), s.created_at);
    at[s.id] = i;
  }
  if (out.empty()) return out;
  XA_ASSIGN_OR_RETURN(
      auto a, conn_.Query("SELECT a.session_id, a.staff_id, p.name, p.post FROM "
                          "training_attendance a JOIN training_sessions t ON t.id = a.session_id "
                          "JOIN training_staff p ON p.id = a.staff_id JOIN org_units u ON u.id = "
                          "t.unit_id" +
                              where + " ORDER BY a.session_id, a.seq",
                          params));
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto it = at.find(a.Int(i, 0));
    if (it == at.end()) continue;
    auto& s = out[it->second];
    s.staff_ids.push_back(a.Int(i, 1));
    s.attendees.push_back({a.Int(i, 1), a.TakeText(i, 2), a.TakeText(i, 3)});
  }
  return out;
}

Result<std::optional<tr::Session>> SqlTrainingRepository::FindSession(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadSessions(" WHERE t.id = $1", {id}));
  if (found.empty()) return std::optional<tr::Session>{};
  return std::optional<tr::Session>{std::move(found.front())};
}

Result<std::vector<tr::Session>> SqlTrainingRepository::SessionsOf(std::int64_t unit_id,
                                                                   const std::string& kind) {
  if (kind.empty()) return LoadSessions(" WHERE t.unit_id = $1", {unit_id});
  return LoadSessions(" WHERE t.unit_id = $1 AND t.kind = $2", {unit_id, kind});
}

Result<std::vector<tr::Session>> SqlTrainingRepository::SessionsIn(
    const domain::ScopeFilter& scope) {
  WhereBuilder where;
  AddScope(where, scope, "u.path");
  return LoadSessions(where.Sql(), where.params());
}

Result<std::int64_t> SqlTrainingRepository::InsertSession(tr::Session& s) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query(
          "INSERT INTO training_sessions (unit_id, title, kind, held_on, half_hours, "
          "trainer, place, other_count, note, created_by, created_at) VALUES ($1, $2, $3, "
          "$4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
          {s.unit_id, s.title, s.kind, s.held_on,
           static_cast<std::int64_t>(std::lround(s.hours * 2)), s.trainer, s.place,
           std::int64_t{s.other_count}, s.note, s.created_by, FormatInstant(s.created_at)}));
  s.id = r.Int(0, 0);
  XA_TRY(SetAttendance(s));
  return s.id;
}

Status SqlTrainingRepository::SetAttendance(const tr::Session& s) {
  XA_TRY(conn_.Exec("UPDATE training_sessions SET other_count = $1 WHERE id = $2",
                    {std::int64_t{s.other_count}, s.id}));
  XA_TRY(conn_.Exec("DELETE FROM training_attendance WHERE session_id = $1", {s.id}));
  std::int64_t seq = 0;
  for (const auto id : s.staff_ids) {
    XA_TRY(conn_.Exec(
        "INSERT INTO training_attendance (session_id, staff_id, seq) VALUES ($1, $2, $3)",
        {s.id, id, ++seq}));
  }
  return {};
}

Status SqlTrainingRepository::DeleteSession(std::int64_t id) {
  XA_TRY(conn_.Exec("DELETE FROM training_attendance WHERE session_id = $1", {id}));
  XA_TRY(conn_.Exec("DELETE FROM training_sessions WHERE id = $1", {id}));
  return {};
}

}  // namespace xiaoan::storage
