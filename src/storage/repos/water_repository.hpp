#pragma once
// The water near each school (migration 0035).
#include "domain/edu/waters.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlWaterRepository final : public domain::edu::WaterRepository {
 public:
  explicit SqlWaterRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::edu::Water& w) override;
  Result<bool> Update(domain::edu::Water& w) override;
  Status Remove(std::int64_t id) override;
  Result<std::optional<domain::edu::Water>> Find(std::int64_t id,
                                                 const domain::ScopeFilter& scope) override;
  Result<domain::PageResult<domain::edu::Water>> List(const domain::edu::WaterFilter& f,
                                                      const domain::ScopeFilter& scope,
                                                      const domain::PageRequest& page) override;
  Result<std::vector<domain::edu::Water>> InScope(const domain::ScopeFilter& scope) override;

 private:
  Result<std::vector<domain::edu::Water>> Load(const std::string& where_and_order,
                                               const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
