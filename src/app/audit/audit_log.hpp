#pragma once
// The audit log's maintenance: chain verification and archiving past the retention period.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace xiaoan::app {

struct AuditVerification {
  std::int64_t checked = 0;
  std::int64_t archived_up_to = 0;  // records up to this id are in archive files
  std::optional<domain::ChainBreak> first_break;
};
// How long a committed record may stay past the anchored head before it counts as forged.
inline constexpr int kAnchorGraceSeconds = 60;
// Walks the hash chain from the genesis (or the last archive checkpoint) to the newest record.
// A checkpoint counts only when the chain records it (an audit.archive record naming it and the
// file's digest) and its file is there with that digest: archives_dir, when given, is where the
// archive files are now (else the path recorded at archiving). Then the table must agree with the
// head anchored outside it (ADR 0004): no newest record missing, none appended behind Xiaoan.
// by: who asked (the auditor through the API); their verification is itself audited as
// audit.verify, ok when the chain holds and failed with the break when not.
Result<AuditVerification> VerifyAudit(Services& s, const RequestContext* by = nullptr,
                                      const std::string& archives_dir = {});
// After a restore, or at start when the table runs past the anchored head (the server stopped
// between a commit and its anchor, or records were appended behind it): the gap is recorded in
// the chain as audit.anchor, and the head anchored where the table now ends.
Status ReanchorAudit(Services& s, const RequestContext& ctx, const std::string& why);

// Archiving runs in two steps so the records are safely in a file before they leave the table:
// Plan reads them, the caller writes and syncs the file, Commit records the checkpoint and
// removes exactly those records in one transaction.
struct AuditArchivePlan {
  std::vector<domain::AuditRecord> records;  // oldest first, contiguous ids
};
// before: a civil date (YYYY-MM-DD); it must lie at least retention_days in the past.
Result<AuditArchivePlan> PlanAuditArchive(Services& s, const std::string& before,
                                          int retention_days);
Status CommitAuditArchive(Services& s, const RequestContext& ctx, const AuditArchivePlan& plan,
                          const std::string& file_name, const std::string& file_sha256);

// Records a refused request (domain::RefusalIsAudited) as `access.denied` / `denied`: who, from
// where, the method and path, and the answer's code, message and first field. Its own transaction:
// the refused work left nothing.
Status AuditRefusal(Services& s, const RequestContext& ctx, const std::string& method,
                    const std::string& path, const Error& refusal);

// 我的待办 of the audit administrator: refused actions and account, role and policy changes of the
// last 7 days, and the chain's last verification.
struct TaskSource;
TaskSource AuditTaskSource();

}  // namespace xiaoan::app
