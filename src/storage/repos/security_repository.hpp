#pragma once
// Schools' security records: the record, its guards, alarms and 护学岗 posts (migration 0025).
#include "domain/security/record.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlSecurityRepository final : public domain::security::SecurityRepository {
 public:
  explicit SqlSecurityRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::optional<domain::security::Record>> Find(std::int64_t school_id) override;
  Result<bool> Save(domain::security::Record& record) override;
  Result<std::vector<domain::security::Record>> List(const domain::ScopeFilter& scope) override;

 private:
  // Reads the records matched by `where` (on security_records r joined to org_units u) with
  // their lists.
  Result<std::vector<domain::security::Record>> Load(const std::string& where,
                                                     const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
