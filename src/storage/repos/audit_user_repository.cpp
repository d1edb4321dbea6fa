#include "storage/repos/audit_user_repository.hpp"

namespace xiaoan::storage {

Result<std::optional<domain::User>> SqlUserRepository::FindByUsername(const std::string& name) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT id, unit_id, username, display_name, password_hash, status, "
                          "must_change_password, created_at, updated_at FROM users "
                          "WHERE username = $1",
                          {name}));
  if (r.empty()) return std::optional<domain::User>{};
  domain::User u;
  u.id = r.Int(0, 0);
  u.unit_id = r.Int(0, 1);
  u.username = r.Text(0, 2);
  u.display_name = r.Text(0, 3);
  u.password_hash = r.Text(0, 4);
  u.status = r.Text(0, 5);
  u.must_change_password = r.Int(0, 6) != 0;
  u.created_at = r.Text(0, 7);
  u.updated_at = r.Text(0, 8);
  return std::optional<domain::User>{std::move(u)};
}

Status SqlUserRepository::Insert(domain::User& u) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO users (unit_id, username, display_name, password_hash, status, "
                  "must_change_password, created_at, updated_at) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                  {u.unit_id, u.username, u.display_name, u.password_hash, u.status,
                   std::int64_t{u.must_change_password ? 1 : 0}, u.created_at, u.updated_at}));
  u.id = r.Int(0, 0);
  return {};
}

Result<domain::AuditRecord> SqlAuditRepository::Append(const domain::AuditEntry& e) {
  // Appends are serialised so that two writers never chain to the same predecessor. SQLite write
  // transactions already hold the database lock (BEGIN IMMEDIATE).
  if (conn_.dialect() == sql::Dialect::kPostgres) {
    XA_TRY(conn_.Exec("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE"));
  }
  XA_ASSIGN_OR_RETURN(auto last,
                      conn_.Query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
  domain::AuditRecord rec;
  rec.entry = e;
  rec.id = last.empty() ? 1 : last.Int(0, 0) + 1;
  rec.prev_hash = last.empty() ? domain::kAuditGenesis : last.Text(0, 1);
  rec.hash = domain::AuditRecordHash(e, rec.id, rec.prev_hash, hash_);
  const sql::Value unit = e.unit_id ? sql::Value{*e.unit_id} : sql::Value{sql::Null{}};
  XA_TRY(conn_.Exec(
      "INSERT INTO audit_log (id, at, actor, unit_id, action, object_type, object_id, result, "
      "source, request_id, summary, prev_hash, hash) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
      {rec.id, e.at, e.actor, unit, e.action, e.object_type, e.object_id, e.result, e.source,
       e.request_id, e.summary, rec.prev_hash, rec.hash}));
  return rec;
}

Result<std::vector<domain::AuditRecord>> SqlAuditRepository::ReadAfter(std::int64_t after_id,
                                                                       int limit) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT id, at, actor, unit_id, action, object_type, object_id, "
                          "result, source, request_id, summary, prev_hash, hash FROM audit_log "
                          "WHERE id > $1 ORDER BY id LIMIT $2",
                          {after_id, std::int64_t{limit}}));
  std::vector<domain::AuditRecord> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    domain::AuditRecord rec;
    rec.id = r.Int(i, 0);
    rec.entry.at = r.Text(i, 1);
    rec.entry.actor = r.Text(i, 2);
    if (!r.Null(i, 3)) rec.entry.unit_id = r.Int(i, 3);
    rec.entry.action = r.Text(i, 4);
    rec.entry.object_type = r.Text(i, 5);
    rec.entry.object_id = r.Text(i, 6);
    rec.entry.result = r.Text(i, 7);
    rec.entry.source = r.Text(i, 8);
    rec.entry.request_id = r.Text(i, 9);
    rec.entry.summary = r.Text(i, 10);
    rec.prev_hash = r.Text(i, 11);
    rec.hash = r.Text(i, 12);
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace xiaoan::storage
