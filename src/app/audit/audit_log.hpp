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
// Walks the hash chain from the genesis (or the last archive checkpoint) to the newest record.
Result<AuditVerification> VerifyAudit(Services& s);

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

}  // namespace xiaoan::app
