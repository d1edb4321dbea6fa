#pragma once
// Each school's emergency setup: command structure, minimal emergency unit, card facts and plans
// (migration 0042).
#include "domain/emergency/emergency.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlEmergencyRepository final : public domain::emergency::EmergencyRepository {
 public:
  explicit SqlEmergencyRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::optional<domain::emergency::EmergencySetup>> Setup(std::int64_t unit_id) override;
  Result<std::vector<domain::emergency::EmergencySetup>> Setups(
      const domain::ScopeFilter& scope) override;
  Result<bool> Save(domain::emergency::EmergencySetup& s) override;

 private:
  Result<std::vector<domain::emergency::EmergencySetup>> Load(const std::string& where,
                                                              const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
