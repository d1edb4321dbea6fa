#pragma once
// The PostgreSQL adapter of the connection port. libpq stays inside pg_pool.cpp so that code
// including this header needs neither libpq-fe.h nor its include path.
#include <memory>
#include <string>

#include "core/error.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage::postgres {

// conninfo: a libpq URI "postgresql://user:pass@127.0.0.1:5432/db" (also "postgres://").
// One connection is opened at once so that a wrong address or password is reported here rather
// than on the first request; the rest (up to options.size) are opened on demand. Error messages
// never contain the password.
Result<std::unique_ptr<sql::Pool>> OpenPostgresPool(const std::string& conninfo,
                                                    const sql::PoolOptions& options);

}  // namespace xiaoan::storage::postgres
