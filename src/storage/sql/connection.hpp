#pragma once
// The connection port: repositories are written once against it with $1-style placeholders;
// the SQLite and PostgreSQL adapters implement it.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::sql {

enum class Dialect { kSqlite, kPostgres };

struct Null {
  bool operator==(const Null&) const = default;
};
// A bound parameter or a result cell. Booleans are stored as 0/1 integers in both dialects.
using Value = std::variant<Null, std::int64_t, double, std::string>;

inline bool IsNull(const Value& v) { return std::holds_alternative<Null>(v); }

// A fully read result set (row-major).
class Rows {
 public:
  Rows() = default;
  Rows(std::vector<std::string> columns, std::vector<Value> cells)
      : columns_(std::move(columns)), cells_(std::move(cells)) {}

  std::size_t size() const { return columns_.empty() ? 0 : cells_.size() / columns_.size(); }
  bool empty() const { return size() == 0; }
  std::size_t column_count() const { return columns_.size(); }
  const std::vector<std::string>& columns() const { return columns_; }
  const Value& at(std::size_t row, std::size_t col) const {
    return cells_[row * columns_.size() + col];
  }
  // Typed accessors; NULL reads as 0 / "" (use at() + IsNull to distinguish).
  std::int64_t Int(std::size_t row, std::size_t col) const;
  double Double(std::size_t row, std::size_t col) const;
  std::string Text(std::size_t row, std::size_t col) const;
  // Text() that moves a text cell out instead of copying it (the cell is left empty): for
  // reading each cell of a result once into a record.
  std::string TakeText(std::size_t row, std::size_t col);
  bool Null(std::size_t row, std::size_t col) const { return IsNull(at(row, col)); }

 private:
  std::vector<std::string> columns_;
  std::vector<Value> cells_;
};

using Params = std::vector<Value>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement with $1..$N parameters and returns every row (possibly none).
  virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement; returns the number of rows changed.
  virtual Result<std::int64_t> Exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;
  // write=true takes the write lock at once (SQLite BEGIN IMMEDIATE) so that concurrent
  // writers queue instead of failing on lock upgrade.
  virtual Status Begin(bool write) = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // Whether a transaction is open (SQLite ends one by itself after some errors).
  virtual bool InTransaction() const { return true; }
  // Makes the next generated id of table.id greater than every stored one (after restore).
  virtual Status ResetIdSequence(std::string_view table) = 0;
};

// A pool of connections to one database. Acquire blocks until one is free.
class Pool;
class PooledConnection {
 public:
  PooledConnection(Pool* pool, std::unique_ptr<Connection> conn)
      : pool_(pool), conn_(std::move(conn)) {}
  PooledConnection(PooledConnection&&) = default;
  PooledConnection& operator=(PooledConnection&&) = delete;
  ~PooledConnection();
  Connection* operator->() const { return conn_.get(); }
  Connection& operator*() const { return *conn_; }

 private:
  Pool* pool_;
  std::unique_ptr<Connection> conn_;
};

class Pool {
 public:
  virtual ~Pool() = default;
  virtual Dialect dialect() const = 0;
  virtual Result<PooledConnection> Acquire() = 0;
  virtual void Release(std::unique_ptr<Connection> conn) = 0;
  // Human-readable description without credentials, for logs.
  virtual std::string Describe() const = 0;
};

// Runs fn inside one transaction: commits when fn returns ok, rolls back otherwise.
template <typename Fn>
auto InTransaction(Connection& conn, bool write, Fn&& fn) -> decltype(fn()) {
  if (auto s = conn.Begin(write); !s.ok()) return std::move(s).error();
  auto result = fn();
  if (!result.ok()) {
    (void)conn.Rollback();
    return result;
  }
  if (auto s = conn.Commit(); !s.ok()) {
    (void)conn.Rollback();
    return std::move(s).error();
  }
  return result;
}

// Opens a pool from a database URL: "sqlite:PATH" or "postgresql://..." / "postgres://...".
struct PoolOptions {
  int size = 4;
  int busy_timeout_ms = 5000;
  int sqlite_cache_mib = 16;  // page cache per SQLite connection
};
Result<std::unique_ptr<Pool>> OpenPool(const std::string& url, const PoolOptions& options);

}  // namespace xiaoan::sql
