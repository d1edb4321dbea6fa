#pragma once
// Patrol plans, the patrols done and their answers (migration 0022).
#include "domain/patrol/patrol.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlPatrolRepository final : public domain::patrol::PatrolRepository {
 public:
  explicit SqlPatrolRepository(sql::Connection& conn) : conn_(conn) {}
  Status InsertPlan(domain::patrol::Plan& p) override;
  Status UpdatePlan(const domain::patrol::Plan& p) override;
  Result<std::optional<domain::patrol::Plan>> FindPlan(std::int64_t id) override;
  Result<std::vector<domain::patrol::Plan>> ListPlans(const domain::patrol::PlanFilter& f,
                                                      const domain::ScopeFilter& scope) override;
  Result<std::int64_t> CountRecordsOfPlan(std::int64_t plan_id) override;
  Status DeletePlan(std::int64_t id) override;
  Status InsertRecord(domain::patrol::Record& r) override;
  Result<std::optional<domain::patrol::Record>> FindRecord(std::int64_t id) override;
  Result<domain::PageResult<domain::patrol::Record>> ListRecords(
      const domain::patrol::RecordFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<std::vector<domain::patrol::PlanDone>> DoneBetween(
      const std::vector<std::int64_t>& plan_ids, const std::string& from,
      const std::string& to) override;
  Status SetAnswerHazard(std::int64_t record_id, const std::string& item_key,
                         std::int64_t hazard_id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
