#pragma once
// Hazard ledger use cases (隐患台账): report, read, edit, the signed close-out workflow,
// self-inspection results and escalation (督办). Files, notifications and supervision orders are
// the platform's (app/platform), used here.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/hazard/ledger.hpp"

namespace xiaoan::app {

struct HazardInput {
  std::int64_t school_id = 0;
  std::optional<std::int64_t> building_id;
  std::optional<std::int64_t> key_place_id;
  std::string domain;
  std::string level = "general";
  std::string title;
  std::string description;
  std::optional<std::string> found_at;  // instant; default now
  std::string source = "self_inspection";
  std::optional<std::int64_t> campaign_id;
  std::optional<std::string> origin_type;  // set by the module a hazard is raised from
  std::optional<std::int64_t> origin_id;
  std::string responsible;
  std::string interim_measures;
  domain::hazard::FiveInPlace five;
  std::vector<std::int64_t> file_ids;  // photos/documents uploaded beforehand
  // Files already attached to the record the hazard is raised from (a patrol's photo): a copy of
  // each is attached to the hazard; the bytes are stored once, by digest.
  std::vector<domain::StoredFile> copies;
};

// The editable details of a hazard that is not closed.
struct HazardEdit {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> responsible;
  std::optional<std::string> interim_measures;
  std::optional<domain::hazard::FiveInPlace> five;
};

struct TransitionInput {
  std::string action;  // assign, start_rectifying, submit, approve, reject, close, reopen
  std::string owner;
  std::optional<std::string> deadline;
  std::string reason;
  std::string note;
  std::vector<std::int64_t> file_ids;
  std::string password;  // the signature: password or TOTP code
  std::string totp;
};

struct HazardDetail {
  domain::hazard::Hazard hazard;
  std::vector<domain::hazard::HazardEvent> events;
  std::vector<domain::StoredFile> files;
  std::vector<domain::hazard::EscalationRecord> escalations;
  std::vector<domain::Signature> signatures;
  std::vector<std::string> actions;  // what the caller may do now
  int default_deadline_days = 0;
  int days_overdue = 0;
  // The display names of the people the record names (finder, owner, rectifier, each step's
  // actor), by username.
  std::map<std::string, std::string> names;
};

Result<HazardDetail> ReportHazard(Services& s, const RequestContext& ctx, HazardInput in);
// The same inside another module's transaction (a drill's problem raised as a hazard).
Result<domain::hazard::Hazard> ReportHazardIn(Services& s, const RequestContext& ctx,
                                              domain::Tx& tx, HazardInput in);
Result<HazardDetail> GetHazard(Services& s, const RequestContext& ctx, std::int64_t id);
Result<domain::PageResult<domain::hazard::Hazard>> ListHazards(
    Services& s, const RequestContext& ctx, const domain::hazard::HazardFilter& filter,
    const domain::PageRequest& page);
// The ledger's page as people read it: ListHazards and the display names of each row's finder
// and owner, by username.
struct HazardPage {
  domain::PageResult<domain::hazard::Hazard> page;
  std::map<std::string, std::string> names;
};
Result<HazardPage> ListHazardPage(Services& s, const RequestContext& ctx,
                                  const domain::hazard::HazardFilter& filter,
                                  const domain::PageRequest& page);
Result<HazardDetail> EditHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                const HazardEdit& edit);
Result<HazardDetail> TransitionHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                      const TransitionInput& in);

// Closes a hazard a module's rule raised once the module finds the rule met again: state
// closed, an event rule_close by the rules engine carrying `reason`, audited as
// hazard.rule_close, the school's leaders and safety officers told. A closed or missing hazard
// is left as it is.
Status CloseHazardByRule(Services& s, domain::Tx& tx, std::int64_t hazard_id,
                         const std::string& reason);

// Files attached to a hazard are readable by whoever may read the hazard (app/modules.cpp).
FileSubject HazardFileSubject();
// 我的待办 of the ledger, and what a supervision order's reply or closing puts on the hazard.
TaskSource HazardTaskSource();
SupervisionSubject HazardSupervisionSubject();
// The ledger's rules in the engine's catalog, with the district's values (app/modules.cpp).
RuleModule HazardRuleModule();

Result<domain::hazard::SelfInspection> RecordSelfInspection(Services& s, const RequestContext& ctx,
                                                            domain::hazard::SelfInspection in);

// The filtered ledger as .xlsx (default) or .csv, in the usual column layout, with file links.
const std::vector<std::string>& HazardLedgerColumns();
Result<std::string> ExportHazards(Services& s, const RequestContext& ctx,
                                  const domain::hazard::HazardFilter& filter,
                                  const std::string& format);

// Imports an existing ledger in the export's column layout (the export doubles as the template):
// one hazard per row, closed (已销号, with 销号时间) or open (starts as reported, escalation
// rules apply). All-or-nothing by default; the per-row report names row and column.
struct ImportOptions;
struct ImportReport;
Result<std::string> HazardImportTemplate(const std::string& format);
Result<ImportReport> ImportHazards(Services& s, const RequestContext& ctx, std::string_view bytes,
                                   const ImportOptions& options);

// The hazard board for the caller's scope, or one school in it.
Result<domain::hazard::Board> GetHazardBoard(Services& s, const RequestContext& ctx,
                                             std::optional<std::int64_t> school_id);

// The district's hazard rules: default deadlines and escalation limits (hazard:read to read,
// hazard:configure to change). Settings are key/value (see domain::hazard::RulesFromSettings);
// the update replaces them all and is audited.
Result<domain::hazard::RuleSet> GetHazardRules(Services& s, const RequestContext& ctx);
Result<domain::hazard::RuleSet> UpdateHazardRules(
    Services& s, const RequestContext& ctx,
    const std::vector<std::pair<std::string, std::string>>& settings);

// Evaluates the escalation rules on every open hazard (the scheduled job); returns how many
// escalations fired.
Result<int> RunHazardEscalations(Services& s);

}  // namespace xiaoan::app
