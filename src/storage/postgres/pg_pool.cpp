#include "storage/postgres/pg_pool.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string_view>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

namespace xiaoan::storage::postgres {
namespace {

// Type OIDs fixed by the system catalog (catalog/pg_type.h is a server header that libpq-dev
// does not ship, and these values never change between releases).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

// A fresh TCP connect to an unreachable host can otherwise hang for minutes.
constexpr const char* kDefaultConnectTimeoutSeconds = "10";

struct ResultDeleter {
  void operator()(PGresult* res) const { PQclear(res); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

struct ConnDeleter {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
using PgConnPtr = std::unique_ptr<PGconn, ConnDeleter>;

// libpq messages end with a newline, which would break the line our message is logged on.
std::string Trimmed(const char* text) {
  std::string s = text != nullptr ? text : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

// What is needed to (re)connect and to keep the password out of every message.
struct ConnectSpec {
  std::string conninfo;
  std::vector<std::string> secrets;
};

// The password both as written in the URI (possibly percent-encoded; this is what libpq quotes
// in URI syntax errors) and as decoded by libpq (which also covers ?password=...).
std::vector<std::string> SecretsOf(const std::string& conninfo) {
  std::vector<std::string> secrets;
  const auto scheme_end = conninfo.find("://");
  if (scheme_end != std::string::npos) {
    // libpq ends the user info at the first '@' or '/', so neither can occur raw in it.
    const std::size_t start = scheme_end + 3;
    const std::size_t stop = conninfo.find_first_of("@/", start);
    if (stop != std::string::npos && conninfo[stop] == '@') {
      const std::string userinfo = conninfo.substr(start, stop - start);
      const auto colon = userinfo.find(':');
      if (colon != std::string::npos && colon + 1 < userinfo.size()) {
        secrets.push_back(userinfo.substr(colon + 1));
      }
    }
  }
  char* parse_error = nullptr;
  if (PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parse_error)) {
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
      if (std::strcmp(o->keyword, "password") == 0 && o->val != nullptr && *o->val != '\0') {
        secrets.emplace_back(o->val);
      }
    }
    PQconninfoFree(options);
  }
  if (parse_error != nullptr) PQfreemem(parse_error);
  return secrets;
}

std::string Scrub(std::string text, const std::vector<std::string>& secrets) {
  static constexpr std::string_view kMask = "***";
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (auto pos = text.find(secret); pos != std::string::npos;
         pos = text.find(secret, pos + kMask.size())) {
      text.replace(pos, secret.size(), kMask);
    }
  }
  return text;
}

std::string ErrorField(const PGresult* res, int field) {
  const char* value = res != nullptr ? PQresultErrorField(res, field) : nullptr;
  return value != nullptr ? value : "";
}

// Maps SQLSTATE classes to the codes the HTTP layer understands, so that e.g. a duplicate
// student number becomes 409 rather than 500 without each repository inspecting driver errors.
Error ErrorFromResult(PGconn* conn, const PGresult* res) {
  const std::string sqlstate = ErrorField(res, PG_DIAG_SQLSTATE);
  std::string primary = ErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
  // Client-side failures (lost connection) carry no SQLSTATE; the text is on the connection.
  if (primary.empty()) primary = Trimmed(PQerrorMessage(conn));
  const std::string constraint = ErrorField(res, PG_DIAG_CONSTRAINT_NAME);
  const std::string column = ErrorField(res, PG_DIAG_COLUMN_NAME);

  if (sqlstate == "23505") {
    return AlreadyExists(constraint.empty() ? "记录已存在（违反唯一约束）"
                                            : "记录已存在（违反唯一约束 " + constraint + "）",
                         constraint);
  }
  if (sqlstate == "23503") {
    return FailedPrecondition("foreign_key",
                              constraint.empty()
                                  ? "关联记录不存在或仍被引用"
                                  : "关联记录不存在或仍被引用（外键约束 " + constraint + "）");
  }
  if (sqlstate == "23502") return InvalidArgument(column.empty() ? "value" : column, "不能为空");
  if (sqlstate == "23514") {
    return InvalidArgument(constraint.empty() ? "value" : constraint, "违反检查约束");
  }
  if (sqlstate.size() == 5 && sqlstate.compare(0, 2, "22") == 0) {
    return InvalidArgument(column.empty() ? "value" : column, primary);
  }
  return Internal("PostgreSQL 错误" + (sqlstate.empty() ? "" : " " + sqlstate) + "：" + primary);
}

// Shortest text that reads back to the same double; the special values in the spelling
// float8in accepts on every supported server version.
std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  if (ec != std::errc()) return std::to_string(d);
  return std::string(buf, end);
}

sql::Value ConvertCell(Oid type, std::string_view text) {
  const char* first = text.data();
  const char* last = text.data() + text.size();
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      std::int64_t v = 0;
      const auto [end, ec] = std::from_chars(first, last, v);
      if (ec == std::errc() && end == last) return v;
      break;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      // numeric beyond double's range (or precision) cannot be represented: it falls back to
      // text below when out of range, and is rounded otherwise.
      double v = 0;
      const auto [end, ec] = std::from_chars(first, last, v);
      if (ec == std::errc() && end == last) return v;
      break;
    }
    case kBoolOid:
      return std::int64_t{text == "t" ? 1 : 0};
    default:
      break;
  }
  return std::string(text);
}

sql::Rows ToRows(const PGresult* res) {
  const int column_count = PQnfields(res);
  const int row_count = PQntuples(res);
  std::vector<std::string> columns;
  std::vector<Oid> types;
  columns.reserve(column_count);
  types.reserve(column_count);
  for (int c = 0; c < column_count; ++c) {
    columns.emplace_back(PQfname(res, c));
    types.push_back(PQftype(res, c));
  }
  std::vector<sql::Value> cells;
  cells.reserve(static_cast<std::size_t>(row_count) * static_cast<std::size_t>(column_count));
  for (int r = 0; r < row_count; ++r) {
    for (int c = 0; c < column_count; ++c) {
      if (PQgetisnull(res, r, c)) {
        cells.emplace_back(sql::Null{});
      } else {
        cells.push_back(ConvertCell(
            types[c], std::string_view(PQgetvalue(res, r, c),
                                       static_cast<std::size_t>(PQgetlength(res, r, c)))));
      }
    }
  }
  return sql::Rows(std::move(columns), std::move(cells));
}

bool IsTableName(std::string_view table) {
  return !table.empty() && std::all_of(table.begin(), table.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
  });
}

class PgConnection final : public sql::Connection {
 public:
  explicit PgConnection(PgConnPtr conn) : conn_(std::move(conn)) {}

  PGconn* raw() const { return conn_.get(); }

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }

  Result<sql::Rows> Query(std::string_view sql, const sql::Params& params) override {
    XA_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
    return ToRows(res.get());
  }

  Result<std::int64_t> Exec(std::string_view sql, const sql::Params& params) override {
    XA_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
    const std::string_view tuples = PQcmdTuples(res.get());
    std::int64_t changed = 0;
    std::from_chars(tuples.data(), tuples.data() + tuples.size(), changed);
    return changed;
  }

  Status ExecScript(std::string_view sql) override {
    // PQexec uses the simple query protocol, the only one that accepts several statements.
    const std::string text(sql);
    XA_TRY(Check(PgResult(PQexec(conn_.get(), text.c_str()))));
    return {};
  }

  // The write flag only matters for SQLite's lock upgrade; PostgreSQL row locks need no hint.
  Status Begin(bool /*write*/) override { return Simple("BEGIN ISOLATION LEVEL READ COMMITTED"); }

  Status Commit() override {
    XA_ASSIGN_OR_RETURN(PgResult res, Check(PgResult(PQexec(conn_.get(), "COMMIT"))));
    // After a failed statement PostgreSQL answers COMMIT with ROLLBACK and no error; reporting
    // success here would silently lose every write of the transaction.
    if (std::strcmp(PQcmdStatus(res.get()), "ROLLBACK") == 0) {
      return Internal("事务中有语句失败，PostgreSQL 已回滚整个事务");
    }
    return {};
  }

  Status Rollback() override {
    // InTransaction also rolls back after a failed COMMIT, when the server has already ended
    // the transaction; sending ROLLBACK then would only log a warning.
    if (PQtransactionStatus(conn_.get()) == PQTRANS_IDLE) return {};
    return Simple("ROLLBACK");
  }

  Status ResetIdSequence(std::string_view table) override {
    // The name is spliced into the SQL (it is an identifier, not a value), so only plain
    // lower-case identifiers are accepted.
    if (!IsTableName(table)) return InvalidArgument("table", "表名只能包含 a-z、0-9 和 _");
    const std::string name(table);
    const std::string sql = "SELECT setval(pg_get_serial_sequence('" + name +
                            "', 'id'), COALESCE((SELECT MAX(id) FROM " + name + "), 0) + 1, false)";
    XA_TRY(Run(sql, {}));
    return {};
  }

  // Session settings are lost by PQreset, so this runs after every (re)connect. UTC makes
  // timestamptz text identical whatever the server's default time zone is.
  Status Configure() { return Simple("SET TimeZone TO 'UTC'"); }

  // Leaves no open transaction behind for the next borrower of this connection.
  void RollbackIfOpen() {
    const PGTransactionStatusType status = PQtransactionStatus(conn_.get());
    if (status == PQTRANS_INTRANS || status == PQTRANS_INERROR) {
      PQclear(PQexec(conn_.get(), "ROLLBACK"));
    }
  }

 private:
  Status Simple(const char* sql) {
    XA_TRY(Check(PgResult(PQexec(conn_.get(), sql))));
    return {};
  }

  Result<PgResult> Run(std::string_view sql, const sql::Params& params) {
    // Text format for every parameter; the declared type only fixes how the server parses it.
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<Oid> types(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const sql::Value& p = params[i];
      if (const auto* v = std::get_if<std::int64_t>(&p)) {
        texts[i] = std::to_string(*v);
        types[i] = kInt8Oid;
        values[i] = texts[i].c_str();
      } else if (const auto* d = std::get_if<double>(&p)) {
        texts[i] = FormatDouble(*d);
        types[i] = kFloat8Oid;
        values[i] = texts[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&p)) {
        // libpq takes NUL-terminated text: an embedded NUL would silently cut the value.
        if (s->find('\0') != std::string::npos) {
          return InvalidArgument("$" + std::to_string(i + 1), "文本不能包含 NUL 字符");
        }
        values[i] = s->c_str();  // type 0: the server infers it from the context
      }
    }
    const std::string text(sql);
    return Check(PgResult(PQexecParams(conn_.get(), text.c_str(), static_cast<int>(params.size()),
                                       types.data(), values.data(), nullptr, nullptr,
                                       /*resultFormat=*/0)));
  }

  Result<PgResult> Check(PgResult res) {
    if (!res) return Internal("PostgreSQL 请求失败：" + Trimmed(PQerrorMessage(conn_.get())));
    switch (PQresultStatus(res.get())) {
      case PGRES_COMMAND_OK:
      case PGRES_TUPLES_OK:
      case PGRES_EMPTY_QUERY:
        return res;
      case PGRES_COPY_IN:
      case PGRES_COPY_OUT:
      case PGRES_COPY_BOTH:
        AbandonCopy();
        return Internal("不支持 COPY 语句");
      default:
        return ErrorFromResult(conn_.get(), res.get());
    }
  }

  // A COPY left in progress would make the connection unusable for the next borrower.
  void AbandonCopy() {
    PQputCopyEnd(conn_.get(), "COPY is not supported by this client");
    char* buffer = nullptr;
    while (PQgetCopyData(conn_.get(), &buffer, 0) > 0) PQfreemem(buffer);
    while (PGresult* res = PQgetResult(conn_.get())) PQclear(res);
  }

  PgConnPtr conn_;
};

// libpq prints every server notice to stderr by default; "NOTICE: relation already exists,
// skipping" from idempotent migrations is noise, while warnings may point at real mistakes.
void OnNotice(void* /*arg*/, const PGresult* res) {
  const std::string severity = ErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
  if (severity == "WARNING") std::fprintf(stderr, "%s", PQresultErrorMessage(res));
}

Result<std::unique_ptr<PgConnection>> Connect(const ConnectSpec& spec) {
  // libpq applies keywords in order: the ones before the URI are defaults it may override,
  // the one after it is forced (all text we exchange is UTF-8).
  const char* const keywords[] = {"connect_timeout", "fallback_application_name", "dbname",
                                  "client_encoding", nullptr};
  const char* const values[] = {kDefaultConnectTimeoutSeconds, "xiaoan", spec.conninfo.c_str(),
                                "UTF8", nullptr};
  PgConnPtr conn(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
  if (!conn) return Internal("无法连接 PostgreSQL：内存不足");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return Internal("无法连接 PostgreSQL：" +
                    Scrub(Trimmed(PQerrorMessage(conn.get())), spec.secrets));
  }
  PQsetNoticeReceiver(conn.get(), OnNotice, nullptr);  // kept by PQreset
  auto pg = std::make_unique<PgConnection>(std::move(conn));
  XA_TRY(pg->Configure());
  return pg;
}

std::string DescribeConnection(PGconn* conn) {
  std::string host = Trimmed(PQhost(conn));
  if (host.find(':') != std::string::npos) host = "[" + host + "]";  // IPv6 literal
  return host + ":" + Trimmed(PQport(conn)) + "/" + Trimmed(PQdb(conn));
}

class PgPool final : public sql::Pool {
 public:
  PgPool(ConnectSpec spec, int size, std::unique_ptr<PgConnection> first)
      : spec_(std::move(spec)), size_(size), description_(DescribeConnection(first->raw())) {
    idle_.push_back(std::move(first));
    open_ = 1;
  }

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }

  Result<sql::PooledConnection> Acquire() override {
    std::unique_ptr<PgConnection> conn;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return !idle_.empty() || open_ < size_; });
      if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
      } else {
        ++open_;  // reserve the slot; connecting happens outside the lock
      }
    }
    if (!conn) {
      auto opened = Connect(spec_);
      if (!opened.ok()) {
        Forget();
        return std::move(opened).error();
      }
      conn = std::move(opened).value();
    } else if (PQstatus(conn->raw()) != CONNECTION_OK) {
      // The previous borrower lost the connection (server restart, network); libpq only
      // notices on use, so the repair happens here rather than in the failed call.
      PQreset(conn->raw());
      Status configured =
          PQstatus(conn->raw()) == CONNECTION_OK
              ? conn->Configure()
              : Status(Internal("PostgreSQL 连接已断开且重连失败：" +
                                Scrub(Trimmed(PQerrorMessage(conn->raw())), spec_.secrets)));
      if (!configured.ok()) {
        conn.reset();
        Forget();
        return std::move(configured).error();
      }
    }
    return sql::PooledConnection(this, std::move(conn));
  }

  void Release(std::unique_ptr<sql::Connection> conn) override {
    auto* pg = dynamic_cast<PgConnection*>(conn.get());
    if (pg == nullptr) return;  // not one of ours; destroying it is all we can do
    pg->RollbackIfOpen();
    conn.release();
    {
      std::lock_guard lock(mu_);
      idle_.emplace_back(pg);
    }
    cv_.notify_one();
  }

  std::string Describe() const override { return description_; }

 private:
  // Gives back a reserved slot whose connection could not be (re)opened.
  void Forget() {
    {
      std::lock_guard lock(mu_);
      --open_;
    }
    cv_.notify_one();
  }

  const ConnectSpec spec_;
  const int size_;
  const std::string description_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;  // idle + lent out + being opened
};

}  // namespace

Result<std::unique_ptr<sql::Pool>> OpenPostgresPool(const std::string& conninfo,
                                                    const sql::PoolOptions& options) {
  if (conninfo.rfind("postgresql://", 0) != 0 && conninfo.rfind("postgres://", 0) != 0) {
    return InvalidArgument("database", "PostgreSQL 连接串须以 postgresql:// 或 postgres:// 开头");
  }
  ConnectSpec spec{conninfo, SecretsOf(conninfo)};
  // Parsing first reports a malformed URI as such instead of as a failed connection.
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(conninfo.c_str(), &parse_error);
  if (parsed == nullptr) {
    std::string reason =
        parse_error != nullptr ? Scrub(Trimmed(parse_error), spec.secrets) : "格式错误";
    if (parse_error != nullptr) PQfreemem(parse_error);
    return InvalidArgument("database", "PostgreSQL 连接串格式错误：" + reason);
  }
  PQconninfoFree(parsed);

  XA_ASSIGN_OR_RETURN(auto first, Connect(spec));
  return std::unique_ptr<sql::Pool>(
      std::make_unique<PgPool>(std::move(spec), std::max(1, options.size), std::move(first)));
}

}  // namespace xiaoan::storage::postgres
