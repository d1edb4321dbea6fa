#pragma once
#include "domain/store.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlUserRepository final : public domain::UserRepository {
 public:
  explicit SqlUserRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::optional<domain::User>> FindByUsername(const std::string& username) override;
  Status Insert(domain::User& user) override;

 private:
  sql::Connection& conn_;
};

class SqlAuditRepository final : public domain::AuditRepository {
 public:
  SqlAuditRepository(sql::Connection& conn, domain::AuditHash hash) : conn_(conn), hash_(hash) {}
  Result<domain::AuditRecord> Append(const domain::AuditEntry& entry) override;
  Result<std::vector<domain::AuditRecord>> ReadAfter(std::int64_t after_id, int limit) override;

 private:
  sql::Connection& conn_;
  domain::AuditHash hash_;
};

}  // namespace xiaoan::storage
