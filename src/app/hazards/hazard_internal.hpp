#pragma once
// Shared inside the hazard use cases (not an interface for other layers).
#include <string>
#include <vector>

#include "app/hazards/hazards.hpp"

namespace xiaoan::app::hazard_internal {

Result<domain::hazard::Hazard> LoadInScope(domain::Tx& tx, const RequestContext& ctx,
                                           std::int64_t id);
// Attaches claimed files to the hazard and links them to the step they came with.
Status AttachAll(domain::Tx& tx, const std::vector<domain::StoredFile>& files,
                 std::int64_t hazard_id, std::int64_t event_id);
Result<HazardDetail> Detail(Services& s, const RequestContext& ctx, domain::Tx& tx,
                            const domain::hazard::Hazard& h);
Status AppendAudit(domain::Tx& tx, const domain::AuditEntry& entry);

// The rules in force (the stored configuration over the defaults).
Result<domain::hazard::RuleSet> LoadRules(domain::Tx& tx);

// Evaluates the escalation rules for one hazard and fires the ones not fired before: a timeline
// entry, notifications, and for supervision a supervision order; marks the hazard supervised.
// Callers that escalate many hazards in one transaction pass the rules they loaded once.
Status Escalate(Services& s, domain::Tx& tx, domain::hazard::Hazard& h,
                const domain::hazard::RuleSet* rules = nullptr);
// Notifications for a workflow step (assignment, submission, rejection, approval).
Status NotifyStep(Services& s, domain::Tx& tx, const domain::hazard::Hazard& h,
                  domain::hazard::Action action, const std::string& actor);

}  // namespace xiaoan::app::hazard_internal
