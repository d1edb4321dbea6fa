#pragma once
// 四个100% (measure 4): a school keeps its security record (guards, campus closure, one-key
// alarms, video, 护学岗 posts, patrol rounds); the engine judges it on the security rules each
// month; the bureau's board counts the four indicators over its schools (docs/screening.md).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/platform/file.hpp"
#include "domain/security/record.hpp"

namespace xiaoan::app {

struct ImportReport;

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
// ---- Screening rounds (逐校筛查) -------------------------------------------------------------
// A round as its reader sees it: the counts over its schools in the caller's scope.
struct RoundSummary {
  domain::security::Round round;
  std::string window;  // not_open, open, ended (today in China)
  std::int64_t schools = 0;
  std::int64_t screened = 0;
  std::int64_t hazards_raised = 0;
  std::int64_t hazards_open = 0;
  domain::security::DistrictRates rates;  // over the schools screened
};
struct RoundList {
  std::vector<RoundSummary> items;  // the latest first
  bool can_open = false;
};
struct RoundRow {
  std::int64_t school_id = 0;
  std::string school_name;
  std::optional<domain::security::Screening> screening;  // absent: not screened yet
};
struct RoundView {
  RoundSummary summary;
  bool can_screen = false;
  std::vector<RoundRow> rows;  // by school name
};
struct EvidenceView {
  std::string indicator;
  std::string note;
  std::vector<domain::StoredFile> files;
};
struct ScreeningView {
  RoundSummary round;
  std::int64_t school_id = 0;
  std::string school_name;
  std::optional<domain::security::Screening> screening;
  std::vector<EvidenceView> evidence;  // in the indicators' order
  SecurityView current;                // the record judged today
  bool can_screen = false;             // the caller may screen the school now
};
struct RoundInput {
  std::string name;
  std::string from;
  std::string to;
  std::optional<std::vector<std::int64_t>> school_ids;  // absent: every school in scope
};

// The rounds that include a school in the caller's scope (security:read).
Result<RoundList> ListSecurityRounds(Services& s, const RequestContext& ctx);
// Opens a round over the caller's schools (campaign:manage: deployed like a campaign), audited as
// security.round; the schools' leaders and safety officers are told.
Result<RoundView> OpenSecurityRound(Services& s, const RequestContext& ctx, RoundInput in);
Result<RoundView> GetSecurityRound(Services& s, const RequestContext& ctx, std::int64_t id);
Result<ScreeningView> GetSecurityScreening(Services& s, const RequestContext& ctx,
                                           std::int64_t round_id, domain::UnitId school_id);
// Screens a school in a round (security:record): judges its record as it stands, stores the
// indicators with the evidence, and raises a hazard (source 安全排查) for each indicator failed
// that has none open; audited as security.screen.
Result<ScreeningView> ScreenSchool(Services& s, const RequestContext& ctx, std::int64_t round_id,
                                   domain::UnitId school_id,
                                   std::vector<domain::security::Evidence> evidence);
// The round as a workbook (筛查汇总, 学校明细) and its file name; audited as security.export.
Result<std::pair<std::string, std::string>> ExportSecurityRound(Services& s,
                                                                const RequestContext& ctx,
                                                                std::int64_t id);
// Closes the school's screening hazards whose indicator its judgements of today meet (the
// security module's after_judge in the rules engine).
Status CloseRepairedScreeningHazards(Services& s, domain::Tx& tx, const domain::School& school,
                                     const std::vector<domain::rules::Judgement>& judged,
                                     domain::calendar::Date today);
// Evidence photos are readable by whoever may read the school's security record.
FileSubject ScreeningFileSubject();

struct SecurityBoard {
  std::string date;
  std::string month;
  std::int64_t schools = 0;  // in scope
  domain::security::DistrictRates rates;
  std::vector<SecurityShort> short_schools;                      // by school name
  std::vector<std::pair<std::int64_t, std::string>> unscreened;  // school id, name
  std::vector<SecurityTrendMonth> trend;  // the months of the year up to `date`'s
  std::vector<RoundSummary> rounds;       // the trend by screening round, the earliest first
};
Result<SecurityBoard> GetSecurityBoard(Services& s, const RequestContext& ctx,
                                       const std::optional<std::string>& date);
// The board as a workbook in the shape a bureau reports upward: the rates, then one row per
// school with its figures and each indicator; audited as security.export.
Result<std::string> ExportSecurityBoard(Services& s, const RequestContext& ctx,
                                        const std::optional<std::string>& date);

// ---- The record's lists in and out of Excel (list: guards, alarms, posts) ----
// The blank template (the header row, then how to fill each column) and its file name.
Result<std::pair<std::string, std::string>> SecurityListTemplate(const std::string& list);
// The list's entries of every school in scope in the template's columns (security:read),
// audited as security.export; the file name and the bytes.
Result<std::pair<std::string, std::string>> ExportSecurityList(Services& s,
                                                               const RequestContext& ctx,
                                                               const std::string& list);
// All or nothing (security:record): each school named in the file (学校代码) gets its list
// replaced by the file's rows, an entry with a stored entry's key keeping its id; each school
// written is judged at once; audited as security.import. Refused: the report with every row's
// problems and nothing written.
Result<ImportReport> ImportSecurityList(Services& s, const RequestContext& ctx,
                                        const std::string& list, std::string_view bytes,
                                        const std::string& format);

RuleModule SecurityRuleModule();

}  // namespace xiaoan::app
