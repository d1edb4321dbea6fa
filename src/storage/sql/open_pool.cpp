#include "storage/postgres/pg_pool.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sqlite/sqlite_pool.hpp"

namespace xiaoan::sql {

Result<std::unique_ptr<Pool>> OpenPool(const std::string& url, const PoolOptions& options) {
  if (url.rfind("sqlite:", 0) == 0) {
    const std::string path = url.substr(7);
    if (path.empty()) return InvalidArgument("database", "sqlite: 后缺少文件路径");
    return storage::sqlite::OpenSqlitePool(path, options);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return storage::postgres::OpenPostgresPool(url, options);
  }
  return InvalidArgument("database", "数据库地址须为 sqlite:路径 或 postgresql://… 连接串");
}

}  // namespace xiaoan::sql
