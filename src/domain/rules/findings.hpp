#pragma once
// The rules engine's storage port: the versioned values each unit sets for a rule, and the
// findings of every rule in one table (docs/adr/0009-rules-engine.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/rules/rules.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::rules {

// The values a unit set for a rule, versioned: each change is a new version (1, 2, …) of the
// unit's set; version 0 is the declared defaults.
struct ParamSet {
  std::int64_t unit_id = 0;
  std::string rule_id;
  int version = 0;
  ParamValues values;
  std::string note;
  std::string changed_by;
  std::string changed_at;
};

// A stored finding: one rule judged for one subject (a school for a period, or a record).
struct Finding {
  std::int64_t id = 0;
  std::string rule_id;
  int rule_version = 1;
  int params_version = 0;
  std::int64_t params_unit_id = 0;  // the unit whose values were used (0: defaults)
  std::string params;               // the values used, "key=value,…"
  std::string subject_type;         // school | drill | …
  std::int64_t subject_id = 0;
  std::int64_t unit_id = 0;  // the school
  std::string unit_name;     // read-only, filled by queries
  std::string period_key;
  std::string period_label;
  std::string period_first;
  std::string period_last;
  bool so_far = false;  // judged before the period ended
  Outcome outcome = Outcome::kNotApplicable;
  std::string reason;
  std::vector<std::int64_t> evidence;
  std::string evaluated_at;
};
std::string FormatParams(const ParamValues& values);

struct FindingFilter {
  std::vector<std::string> rules;  // any of these (empty: all)
  std::optional<std::int64_t> unit_id;
  std::vector<Outcome> outcomes;         // any of these (empty: all)
  std::vector<std::string> period_keys;  // any of these (empty: all)
  std::optional<std::string> subject_type;
};

struct FindingCount {
  std::string rule_id;
  std::string period_key;
  Outcome outcome = Outcome::kNotApplicable;
  std::int64_t count = 0;
};

class RuleRepository {
 public:
  virtual ~RuleRepository() = default;
  // Every version the units set of a rule, oldest first.
  virtual Result<std::vector<ParamSet>> ParamSetsOf(const std::string& rule_id,
                                                    const std::vector<std::int64_t>& units) = 0;
  // The latest version each unit set, for each of the rules.
  virtual Result<std::vector<ParamSet>> LatestParamSets(const std::vector<std::string>& rules,
                                                        const std::vector<std::int64_t>& units) = 0;
  virtual Status InsertParamSet(const ParamSet& set) = 0;
  // Inserts or replaces the finding of (rule, subject, period).
  virtual Status SaveFinding(const Finding& f) = 0;
  // Records that a reminder was sent; false when it had been sent before.
  virtual Result<bool> MarkNotice(const std::string& rule_id, const std::string& subject_type,
                                  std::int64_t subject_id, const std::string& period_key,
                                  const std::string& notice, const std::string& at) = 0;
  // Removes the findings of a subject (a deleted record).
  virtual Status RemoveFindings(const std::string& subject_type, std::int64_t subject_id) = 0;
  virtual Result<PageResult<Finding>> ListFindings(const FindingFilter& filter,
                                                   const ScopeFilter& scope,
                                                   const PageRequest& page) = 0;
  // Findings per rule, period and outcome of the schools in scope, of the periods given.
  // Schools in scope with a finding of any of the outcomes, for any of the rules and periods.
  virtual Result<std::int64_t> CountSchoolsWith(const std::vector<std::string>& rules,
                                                const std::vector<std::string>& periods,
                                                const std::vector<Outcome>& outcomes,
                                                const ScopeFilter& scope) = 0;
  virtual Result<std::vector<FindingCount>> CountFindings(const std::vector<std::string>& rules,
                                                          const std::vector<std::string>& periods,
                                                          const ScopeFilter& scope) = 0;
};

}  // namespace xiaoan::domain::rules
