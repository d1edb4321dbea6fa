#pragma once
// Shared by the security module's use cases (security.cpp, screening.cpp); not for other modules.
#include <map>
#include <string>

#include "app/security/security.hpp"
#include "office/table.hpp"

namespace xiaoan::app::security_internal {

inline constexpr int kMaxSchools = 100000;

// The record's size from the school's profile.
void TakeSize(domain::security::SchoolSecurity& d, const domain::SchoolProfile& p);
// The values in force at the school, per rule.
Result<std::map<std::string, domain::rules::ParamValues>> ValuesAt(domain::Tx& tx,
                                                                   const domain::Unit& school);
// Full-time guards the school needs under security.guards with its values in force.
int RequiredOf(const domain::security::SchoolSecurity& d,
               const std::map<std::string, domain::rules::ParamValues>& values);
// The schools in the caller's scope by name, all of them or the first `limit` (with the total).
Result<domain::PageResult<domain::School>> SchoolsInScope(domain::Tx& tx, const RequestContext& ctx,
                                                          int limit = kMaxSchools);
// The school's record as it stands, judged today.
Result<SecurityView> ViewOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                            const domain::School& school);

// The rounds in the caller's scope that began by `day`, the earliest first.
Result<std::vector<RoundSummary>> RoundTrend(domain::Tx& tx, const RequestContext& ctx,
                                             domain::calendar::Date day,
                                             domain::calendar::Date today);

// The rates as a workbook's summary rows: the header (指标, 达标学校数, 筛查学校数, 达标率), then
// all four and each indicator, the rate as 33.3% (rounded down, as on the board).
std::vector<office::Row> RateRows(const domain::security::DistrictRates& rates);

}  // namespace xiaoan::app::security_internal
