#pragma once
// The safety office of each bureau and school with its members (migration 0044).
#include "domain/staffing/staffing.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlStaffingRepository final : public domain::staffing::StaffingRepository {
 public:
  explicit SqlStaffingRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::optional<domain::staffing::SafetyOffice>> Office(std::int64_t unit_id) override;
  Result<std::vector<domain::staffing::SafetyOffice>> Offices(
      const domain::ScopeFilter& scope) override;
  Result<bool> Save(domain::staffing::SafetyOffice& o) override;

 private:
  Result<std::vector<domain::staffing::SafetyOffice>> Load(const std::string& where,
                                                           const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
