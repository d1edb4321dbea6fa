#pragma once
// The rules engine's store: versioned rule values per unit and the findings of every rule.
#include "domain/rules/findings.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlRuleRepository final : public domain::rules::RuleRepository {
 public:
  explicit SqlRuleRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::vector<domain::rules::ParamSet>> ParamSetsOf(
      const std::string& rule_id, const std::vector<std::int64_t>& units) override;
  Result<std::vector<domain::rules::ParamSet>> LatestParamSets(
      const std::vector<std::string>& rules, const std::vector<std::int64_t>& units) override;
  Status InsertParamSet(const domain::rules::ParamSet& set) override;
  Status SaveFinding(const domain::rules::Finding& f) override;
  Result<bool> MarkNotice(const std::string& rule_id, const std::string& subject_type,
                          std::int64_t subject_id, const std::string& period_key,
                          const std::string& notice, const std::string& at) override;
  Status RemoveFindings(const std::string& subject_type, std::int64_t subject_id) override;
  Result<domain::PageResult<domain::rules::Finding>> ListFindings(
      const domain::rules::FindingFilter& filter, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<std::int64_t> CountSchoolsWith(const std::vector<std::string>& rules,
                                        const std::vector<std::string>& periods,
                                        const std::vector<domain::rules::Outcome>& outcomes,
                                        const domain::ScopeFilter& scope) override;
  Result<std::vector<domain::rules::FindingCount>> CountFindings(
      const std::vector<std::string>& rules, const std::vector<std::string>& periods,
      const domain::ScopeFilter& scope) override;

 private:
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
