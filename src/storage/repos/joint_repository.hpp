#pragma once
// The joint-prevention departments' tasks and reports (migration 0037).
#include "domain/edu/joint.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlJointRepository final : public domain::edu::JointRepository {
 public:
  explicit SqlJointRepository(sql::Connection& conn) : conn_(conn) {}
  Status InsertTask(domain::edu::JointTask& t) override;
  Status RemoveTask(std::int64_t id) override;
  Result<std::optional<domain::edu::JointTask>> FindTask(std::int64_t id) override;
  Result<std::vector<domain::edu::JointTask>> Tasks(const domain::ScopeFilter& scope,
                                                    std::optional<std::int64_t> department_id,
                                                    int limit) override;
  Result<bool> SaveReport(domain::edu::JointReport& r) override;
  Result<std::vector<domain::edu::JointReport>> ReportsOf(
      const std::vector<std::int64_t>& task_ids) override;
  Result<std::optional<std::int64_t>> TaskOfReport(std::int64_t report_id) override;

 private:
  Result<std::vector<domain::edu::JointTask>> Load(const std::string& where_and_order,
                                                   const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
