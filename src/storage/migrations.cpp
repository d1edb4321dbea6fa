#include <algorithm>

#include "core/embedded_file.hpp"
#include "storage/sql_store.hpp"

namespace xiaoan::storage::embedded {
std::span<const EmbeddedFile> SqliteMigrations();
std::span<const EmbeddedFile> PostgresMigrations();
}  // namespace xiaoan::storage::embedded

namespace xiaoan::storage {
namespace {

std::span<const EmbeddedFile> MigrationsFor(sql::Dialect d) {
  return d == sql::Dialect::kSqlite ? embedded::SqliteMigrations() : embedded::PostgresMigrations();
}

int VersionOf(const EmbeddedFile& f) { return std::atoi(std::string(f.name.substr(0, 4)).c_str()); }

Status EnsureTable(sql::Connection& conn) {
  return conn.ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
}

}  // namespace

int LatestSchemaVersion(sql::Dialect dialect) {
  int v = 0;
  for (const auto& f : MigrationsFor(dialect)) v = std::max(v, VersionOf(f));
  return v;
}

Result<int> CurrentSchemaVersion(sql::Connection& conn) {
  XA_TRY(EnsureTable(conn));
  XA_ASSIGN_OR_RETURN(auto rows,
                      conn.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  return static_cast<int>(rows.Int(0, 0));
}

Status CheckSchemaNotNewer(sql::Pool& pool) {
  XA_ASSIGN_OR_RETURN(auto conn, pool.Acquire());
  XA_ASSIGN_OR_RETURN(int current, CurrentSchemaVersion(*conn));
  const int latest = LatestSchemaVersion(pool.dialect());
  if (current > latest) {
    return FailedPrecondition(
        "schema.version", "数据库结构版本 " + std::to_string(current) + " 高于本程序支持的版本 " +
                              std::to_string(latest) + "，请升级 xiaoan 后再启动");
  }
  return {};
}

Result<int> Migrate(sql::Pool& pool, const std::string& now, int up_to) {
  XA_TRY(CheckSchemaNotNewer(pool));
  XA_ASSIGN_OR_RETURN(auto conn, pool.Acquire());
  int applied = 0;
  for (const auto& f : MigrationsFor(pool.dialect())) {
    const int version = VersionOf(f);
    if (version > up_to) break;
    XA_TRY(sql::InTransaction(*conn, true, [&]() -> Status {
      // Re-read inside the write transaction: another process may have migrated meanwhile.
      XA_ASSIGN_OR_RETURN(int current, CurrentSchemaVersion(*conn));
      if (version <= current) return {};
      if (auto s = conn->ExecScript(f.text); !s.ok()) {
        return Internal("迁移 " + std::string(f.name) + " 失败：" + s.error().message);
      }
      XA_TRY(
          conn->Exec("INSERT INTO schema_migrations (version, name, applied_at) "
                     "VALUES ($1, $2, $3)",
                     {std::int64_t{version}, std::string(f.name), now}));
      ++applied;
      return {};
    }));
  }
  return applied;
}

}  // namespace xiaoan::storage
