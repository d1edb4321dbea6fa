#pragma once
// Drill records and the problems found in them.
#include "domain/drill/drill.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlDrillRepository final : public domain::drill::DrillRepository {
 public:
  explicit SqlDrillRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::drill::Drill& d) override;
  Status Update(const domain::drill::Drill& d) override;
  Status Remove(std::int64_t id) override;
  Result<std::optional<domain::drill::Drill>> Find(std::int64_t id,
                                                   const domain::ScopeFilter& scope) override;
  Result<domain::PageResult<domain::drill::Drill>> List(const domain::drill::DrillFilter& filter,
                                                        const domain::ScopeFilter& scope,
                                                        const domain::PageRequest& page) override;
  Result<std::vector<domain::drill::Drill>> OfSchool(std::int64_t school_id,
                                                     const std::string& from,
                                                     const std::string& to) override;
  Status SetProblemHazard(std::int64_t drill_id, int index, std::int64_t hazard_id) override;

 private:
  Status SaveProblems(const domain::drill::Drill& d);
  Status LoadProblems(std::vector<domain::drill::Drill>& drills);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
