#pragma once
#include <memory>
#include <string>

#include "storage/sql/connection.hpp"

namespace xiaoan::storage::sqlite {

// Opens (creating if needed) the SQLite database at path: WAL, foreign keys on, busy timeout,
// synchronous=FULL so that every acknowledged commit survives a crash.
Result<std::unique_ptr<sql::Pool>> OpenSqlitePool(const std::string& path,
                                                  const sql::PoolOptions& options);

}  // namespace xiaoan::storage::sqlite
