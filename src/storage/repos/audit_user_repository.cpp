#include "storage/repos/audit_user_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

std::vector<domain::AuditRecord> ReadAuditRows(const sql::Rows& r);
namespace {
constexpr const char* kAuditColumns =
    "SELECT id, at, actor, unit_id, action, object_type, object_id, result, source, request_id, "
    "summary, prev_hash, hash FROM audit_log";
}  // namespace

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
  if (first_appended_ != nullptr && (!*first_appended_ || rec.id < **first_appended_)) {
    *first_appended_ = rec.id;
  }
  return rec;
}

Result<std::vector<domain::AuditRecord>> SqlAuditRepository::ReadAfter(std::int64_t after_id,
                                                                       int limit) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query(std::string(kAuditColumns) + " WHERE id > $1 ORDER BY id LIMIT $2",
                          {after_id, std::int64_t{limit}}));
  return ReadAuditRows(r);
}

Result<std::optional<domain::AuditRecord>> SqlAuditRepository::Newest() {
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query(std::string(kAuditColumns) + " ORDER BY id DESC LIMIT 1"));
  auto rows = ReadAuditRows(r);
  if (rows.empty()) return std::optional<domain::AuditRecord>{};
  return std::optional<domain::AuditRecord>{std::move(rows.front())};
}

std::vector<domain::AuditRecord> ReadAuditRows(const sql::Rows& r) {
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

namespace xiaoan::storage {

Result<domain::PageResult<domain::AuditRecord>> SqlAuditRepository::Search(
    const domain::AuditFilter& f) {
  WhereBuilder where;
  if (f.actor) where.Add("actor = ?", {*f.actor});
  if (f.action) where.Add("action LIKE ? ESCAPE '\\'", {LikeContains(*f.action).substr(1)});
  if (f.result) where.Add("result = ?", {*f.result});
  if (f.from) where.Add("at >= ?", {*f.from});
  if (f.to) where.Add("at < ?", {*f.to});
  XA_ASSIGN_OR_RETURN(auto count,
                      conn_.Query("SELECT COUNT(*) FROM audit_log" + where.Sql(), where.params()));
  sql::Params params = where.params();
  std::string sql = std::string(kAuditColumns) + where.Sql() + " ORDER BY id DESC LIMIT $" +
                    std::to_string(params.size() + 1) + " OFFSET $" +
                    std::to_string(params.size() + 2);
  params.emplace_back(std::int64_t{f.page.page_size});
  params.emplace_back(std::int64_t{(f.page.page - 1) * f.page.page_size});
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  return domain::PageResult<domain::AuditRecord>{ReadAuditRows(rows), count.Int(0, 0)};
}

Result<std::optional<domain::AuditCheckpoint>> SqlAuditRepository::LatestCheckpoint() {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT up_to_id, up_to_hash, records, file_name, "
                                          "file_sha256, created_at FROM audit_archives "
                                          "ORDER BY up_to_id DESC LIMIT 1"));
  if (r.empty()) return std::optional<domain::AuditCheckpoint>{};
  return std::optional<domain::AuditCheckpoint>{domain::AuditCheckpoint{
      r.Int(0, 0), r.Text(0, 1), r.Int(0, 2), r.Text(0, 3), r.Text(0, 4), r.Text(0, 5)}};
}

Result<std::optional<std::int64_t>> SqlAuditRepository::LastIdBefore(const std::string& at) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT MAX(id) FROM audit_log WHERE at < $1", {at}));
  if (r.empty() || r.Null(0, 0)) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{r.Int(0, 0)};
}

Status SqlAuditRepository::Archive(const domain::AuditCheckpoint& c) {
  if (conn_.dialect() == sql::Dialect::kPostgres) {
    XA_TRY(conn_.Exec("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE"));
  }
  XA_TRY(
      conn_.Exec("INSERT INTO audit_archives (up_to_id, up_to_hash, records, file_name, "
                 "file_sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                 {c.up_to_id, c.up_to_hash, c.records, c.file_name, c.file_sha256, c.created_at}));
  XA_TRY(conn_.Exec("DELETE FROM audit_log WHERE id <= $1", {c.up_to_id}));
  return {};
}

}  // namespace xiaoan::storage
