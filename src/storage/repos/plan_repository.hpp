#pragma once
// A bureau's own plan for a year: its actions and measures, one row per measure.
#include "domain/plan/plan.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlPlanRepository final : public domain::plan::PlanRepository {
 public:
  explicit SqlPlanRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::optional<domain::plan::YearPlan>> Nearest(const std::vector<std::int64_t>& units,
                                                        int year) override;
  Status Save(const domain::plan::YearPlan& plan) override;
  Status Remove(std::int64_t unit_id, int year) override;

 private:
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
