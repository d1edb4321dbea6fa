#include "storage/sqlite/sqlite_pool.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace xiaoan::storage::sqlite {
namespace {

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  const int ext = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (ext) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: {
      // "UNIQUE constraint failed: schools.code" → field "schools.code"
      std::string field;
      if (auto pos = msg.find(": "); pos != std::string::npos) field = msg.substr(pos + 2);
      Error e{ErrorCode::kAlreadyExists, "记录已存在（" + field + "）", {}};
      e.details.push_back({field, "已存在", 0});
      return e;
    }
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return FailedPrecondition("foreign_key", "记录仍被引用或引用的记录不存在");
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_CHECK:
      return {ErrorCode::kInvalidArgument, msg, {}};
    default:
      return Internal(std::string(what) + ": " + msg);
  }
}

class SqliteConnection final : public sql::Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }

  Result<sql::Rows> Query(std::string_view sql, const sql::Params& params) override {
    XA_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    const int ncol = sqlite3_column_count(stmt);
    std::vector<std::string> columns;
    columns.reserve(ncol);
    for (int i = 0; i < ncol; ++i) columns.emplace_back(sqlite3_column_name(stmt, i));
    std::vector<sql::Value> cells;
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int i = 0; i < ncol; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_INTEGER:
            cells.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
            break;
          case SQLITE_FLOAT:
            cells.emplace_back(sqlite3_column_double(stmt, i));
            break;
          case SQLITE_NULL:
            cells.emplace_back(sql::Null{});
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            cells.emplace_back(std::string(text, sqlite3_column_bytes(stmt, i)));
          }
        }
      }
    }
    if (rc != SQLITE_DONE) {
      Error e = SqliteError(db_, rc, "query");
      sqlite3_reset(stmt);
      return e;
    }
    sqlite3_reset(stmt);
    return sql::Rows(std::move(columns), std::move(cells));
  }

  Result<std::int64_t> Exec(std::string_view sql, const sql::Params& params) override {
    XA_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      Error e = SqliteError(db_, rc, "exec");
      sqlite3_reset(stmt);
      return e;
    }
    sqlite3_reset(stmt);
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  Status ExecScript(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err != nullptr ? err : "unknown";
      sqlite3_free(err);
      return Internal("script: " + msg);
    }
    return {};
  }

  Status Begin(bool write) override { return Simple(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  Status Commit() override { return Simple("COMMIT"); }
  Status Rollback() override {
    if (sqlite3_get_autocommit(db_) != 0) return {};
    return Simple("ROLLBACK");
  }
  Status ResetIdSequence(std::string_view) override {
    // INTEGER PRIMARY KEY tables take max(rowid)+1 by themselves.
    return {};
  }

  bool InTransaction() const override { return sqlite3_get_autocommit(db_) == 0; }

 private:
  Status Simple(const char* sql) {
    auto r = Exec(sql, {});
    if (!r.ok()) return std::move(r).error();
    return {};
  }

  // Prepares (cached) and binds by parameter *name*: SQLite numbers "$N" parameters by first
  // appearance, so positional binding would mis-bind "$2 - $1".
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const sql::Params& params) {
    sqlite3_stmt* stmt = nullptr;
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) {
      stmt = it->second;
      sqlite3_clear_bindings(stmt);
    } else {
      const int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) return SqliteError(db_, rc, "prepare");
      if (stmt == nullptr) return Internal("prepare: empty statement");
      if (cache_.size() > 256) {
        for (auto& [s, st] : cache_) sqlite3_finalize(st);
        cache_.clear();
      }
      cache_.emplace(std::move(key), stmt);
    }
    const int declared = sqlite3_bind_parameter_count(stmt);
    for (int i = 1; i <= declared; ++i) {
      const char* name = sqlite3_bind_parameter_name(stmt, i);
      if (name == nullptr || name[0] != '$') return Internal("SQL uses a non-$N placeholder");
      const auto n = std::strtoul(name + 1, nullptr, 10);
      if (n < 1 || n > params.size()) return Internal(std::string("missing parameter ") + name);
      const sql::Value& v = params[n - 1];
      int rc = SQLITE_OK;
      if (const auto* iv = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, i, *iv);
      } else if (const auto* dv = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, i, *dv);
      } else if (const auto* sv = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(stmt, i, sv->data(), sv->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(stmt, i);
      }
      if (rc != SQLITE_OK) return SqliteError(db_, rc, "bind");
    }
    return stmt;
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

Result<std::unique_ptr<SqliteConnection>> OpenConnection(const std::string& path,
                                                         const sql::PoolOptions& options) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Internal("无法打开 SQLite 数据库 " + path + "：" + msg);
  }
  auto conn = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  XA_TRY(
      // temp_store stays at its default (files): every write runs in a savepoint of the group
      // commit, and SQLite keeps a savepoint's journal in memory as a list it walks from the
      // start on each access; spilled to a temporary file past 64 KiB, a large write (an
      // import, the demo data) stays linear.
      conn->ExecScript(
          "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"));
  XA_TRY(conn->ExecScript("PRAGMA cache_size=-" +
                          std::to_string(std::max(1, options.sqlite_cache_mib) * 1024) + ";"));
  return conn;
}

class SqlitePool final : public sql::Pool {
 public:
  SqlitePool(std::string path, sql::PoolOptions options)
      : path_(std::move(path)), options_(options) {}

  Status Init() {
    XA_ASSIGN_OR_RETURN(auto conn, OpenConnection(path_, options_));
    // A quick check that this is a database at all (a text file opens fine but fails here).
    XA_TRY(conn->Query("SELECT count(*) FROM sqlite_master", {}));
    free_.push_back(std::move(conn));
    opened_ = 1;
    return {};
  }

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }

  Result<sql::PooledConnection> Acquire() override {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty() || opened_ < options_.size; });
    if (!free_.empty()) {
      auto conn = std::move(free_.back());
      free_.pop_back();
      return sql::PooledConnection(this, std::move(conn));
    }
    ++opened_;
    lock.unlock();
    auto conn = OpenConnection(path_, options_);
    if (!conn.ok()) {
      std::lock_guard relock(mu_);
      --opened_;
      cv_.notify_one();
      return std::move(conn).error();
    }
    return sql::PooledConnection(this, std::move(conn).value());
  }

  void Release(std::unique_ptr<sql::Connection> conn) override {
    auto* sc = static_cast<SqliteConnection*>(conn.get());
    if (sc->InTransaction()) (void)sc->Rollback();
    std::lock_guard lock(mu_);
    free_.emplace_back(static_cast<SqliteConnection*>(conn.release()));
    cv_.notify_one();
  }

  std::string Describe() const override { return "sqlite:" + path_; }

 private:
  std::string path_;
  sql::PoolOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<SqliteConnection>> free_;
  int opened_ = 0;
};

}  // namespace

Result<std::unique_ptr<sql::Pool>> OpenSqlitePool(const std::string& path,
                                                  const sql::PoolOptions& options) {
  // SQLite's memory statistics take one process-wide mutex on every allocation, which the
  // server's threads would queue on; Xiaoan never reads them. Only possible before the library
  // initialises itself (the first open), hence once and first.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  auto pool = std::make_unique<SqlitePool>(path, options);
  XA_TRY(pool->Init());
  return std::unique_ptr<sql::Pool>(std::move(pool));
}

}  // namespace xiaoan::storage::sqlite
