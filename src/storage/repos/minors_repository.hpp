#pragma once
// Grants to read minors' data and the log of its reads (migration 0048).
#include "domain/platform/minors.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlMinorsRepository final : public domain::MinorsRepository {
 public:
  explicit SqlMinorsRepository(sql::Connection& conn) : conn_(conn) {}
  Status InsertGrant(domain::MinorsGrant& g) override;
  Status UpdateGrant(const domain::MinorsGrant& g) override;
  Result<std::optional<domain::MinorsGrant>> FindGrant(std::int64_t id) override;
  Result<std::vector<domain::MinorsGrant>> Grants(const domain::GrantFilter& f,
                                                  const domain::ScopeFilter& scope,
                                                  int limit) override;
  Result<std::vector<domain::MinorsGrant>> OpenGrants(const std::string& grantee,
                                                      std::int64_t unit_id,
                                                      const std::string& kind) override;
  Status LogRead(const domain::MinorsRead& r) override;
  Result<std::vector<domain::MinorsReadRow>> ReadReport(const domain::ScopeFilter& scope,
                                                        Instant from, Instant until) override;
  Result<std::vector<std::pair<domain::GrantState, std::int64_t>>> GrantCounts(
      const domain::ScopeFilter& scope, Instant from, Instant until) override;

 private:
  Result<std::vector<domain::MinorsGrant>> Load(const std::string& where_and_order,
                                                const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
