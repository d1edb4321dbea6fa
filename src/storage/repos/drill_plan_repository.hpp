#pragma once
// Drill plans (演练计划) and the records that carried them out.
#include "domain/drill/drill.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlDrillPlanRepository final : public domain::drill::DrillPlanRepository {
 public:
  explicit SqlDrillPlanRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::drill::DrillPlan& p) override;
  Status Update(const domain::drill::DrillPlan& p) override;
  Status Remove(std::int64_t id) override;
  Result<std::optional<domain::drill::DrillPlan>> Find(std::int64_t id,
                                                       const domain::ScopeFilter& scope) override;
  Result<domain::PageResult<domain::drill::DrillPlan>> List(
      const domain::drill::DrillPlanFilter& filter, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Status SetDrill(std::int64_t plan_id, std::int64_t drill_id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
