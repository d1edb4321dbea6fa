#pragma once
// 四个100% (measure 4): a school keeps its security record (guards, campus closure, one-key
// alarms, video, 护学岗 posts, patrol rounds); the engine judges it on the security rules each
// month; the bureau's board counts the four indicators over its schools (docs/screening.md).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/rules/rules.hpp"
#include "domain/security/record.hpp"

namespace xiaoan::app {

struct SecurityView {
  domain::security::Record record;  // data carries the school's size from its profile
  std::string school_name;
  int required_guards = 0;
  std::vector<domain::security::Finding> findings;  // every rule judged today
  domain::security::Indicators indicators;
  bool recorded = false;  // saved at least once
  bool can_edit = false;
};

// The school's record as it stands, judged today with the values in force at the school.
Result<SecurityView> GetSecurityRecord(Services& s, const RequestContext& ctx,
                                       domain::UnitId school_id);
// Stores the school's whole record (`in.version`: the version read; 409 security.stale when
// another save came first), audited as security.save, and judges the school at once.
Result<SecurityView> SaveSecurityRecord(Services& s, const RequestContext& ctx,
                                        domain::UnitId school_id, domain::security::Record in);

// The board for the month of `date` (absent: today in China), over the caller's schools.
struct SecurityShort {
  std::int64_t school_id = 0;
  std::string school_name;
  domain::security::Indicators indicators;
  std::vector<domain::rules::Finding> failed;  // the rules failed, with their reasons
};
struct SecurityTrendMonth {
  std::string month;  // YYYY-MM
  domain::security::DistrictRates rates;
};
struct SecurityBoard {
  std::string date;
  std::string month;
  std::int64_t schools = 0;  // in scope
  domain::security::DistrictRates rates;
  std::vector<SecurityShort> short_schools;                      // by school name
  std::vector<std::pair<std::int64_t, std::string>> unscreened;  // school id, name
  std::vector<SecurityTrendMonth> trend;  // the months of the year up to `date`'s
};
Result<SecurityBoard> GetSecurityBoard(Services& s, const RequestContext& ctx,
                                       const std::optional<std::string>& date);
// The board as a workbook in the shape a bureau reports upward: the rates, then one row per
// school with its figures and each indicator; audited as security.export.
Result<std::string> ExportSecurityBoard(Services& s, const RequestContext& ctx,
                                        const std::optional<std::string>& date);

RuleModule SecurityRuleModule();

}  // namespace xiaoan::app
