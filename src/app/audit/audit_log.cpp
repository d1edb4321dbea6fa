#include "app/audit/audit_log.hpp"

#include <chrono>

namespace xiaoan::app {

Result<AuditVerification> VerifyAudit(Services& s) {
  AuditVerification out;
  std::string prev_hash = domain::kAuditGenesis;
  std::int64_t prev_id = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    // Archived records left the table; the chain continues from the last checkpoint.
    XA_ASSIGN_OR_RETURN(auto checkpoint, tx.audit().LatestCheckpoint());
    if (checkpoint) {
      prev_hash = checkpoint->up_to_hash;
      prev_id = checkpoint->up_to_id;
      out.archived_up_to = checkpoint->up_to_id;
    }
    for (;;) {
      XA_ASSIGN_OR_RETURN(auto batch, tx.audit().ReadAfter(prev_id, 1000));
      if (batch.empty()) return {};
      if (auto b = domain::VerifyAuditChain(batch, prev_hash, prev_id, s.store.audit_hash())) {
        out.first_break = b;
        // Count what was verified before the break.
        for (const auto& r : batch) {
          if (r.id < b->id) ++out.checked;
        }
        return {};
      }
      out.checked += static_cast<std::int64_t>(batch.size());
    }
  }));
  return out;
}

Result<AuditArchivePlan> PlanAuditArchive(Services& s, const std::string& before,
                                          int retention_days) {
  Instant cutoff;
  if (before.size() != 10 || !ParseInstant(before + "T00:00:00.000Z", cutoff)) {
    return InvalidArgument("before", "须为日期 YYYY-MM-DD");
  }
  if (retention_days < 180) return InvalidArgument("retention_days", "保留期不得少于 180 天");
  if (cutoff > s.clock.Now() - std::chrono::days(retention_days)) {
    return FailedPrecondition("audit.retention",
                              "只能归档 " + std::to_string(retention_days) + " 天以前的审计记录");
  }
  AuditArchivePlan plan;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto last, tx.audit().LastIdBefore(FormatInstant(cutoff)));
    if (!last) return {};
    XA_ASSIGN_OR_RETURN(auto checkpoint, tx.audit().LatestCheckpoint());
    std::int64_t after = checkpoint ? checkpoint->up_to_id : 0;
    while (after < *last) {
      XA_ASSIGN_OR_RETURN(auto batch, tx.audit().ReadAfter(after, 1000));
      if (batch.empty()) break;
      for (auto& r : batch) {
        if (r.id > *last) return {};
        after = r.id;
        plan.records.push_back(std::move(r));
      }
    }
    return {};
  }));
  return plan;
}

Status CommitAuditArchive(Services& s, const RequestContext& ctx, const AuditArchivePlan& plan,
                          const std::string& file_name, const std::string& file_sha256) {
  if (plan.records.empty()) return FailedPrecondition("audit.archive_empty", "没有需要归档的记录");
  return s.store.Write([&](domain::Tx& tx) -> Status {
    // The chain up to the last archived record must hold, or the archive would hide a break.
    XA_ASSIGN_OR_RETURN(auto checkpoint, tx.audit().LatestCheckpoint());
    std::string prev_hash = checkpoint ? checkpoint->up_to_hash : domain::kAuditGenesis;
    std::int64_t prev_id = checkpoint ? checkpoint->up_to_id : 0;
    if (auto broken =
            domain::VerifyAuditChain(plan.records, prev_hash, prev_id, s.store.audit_hash())) {
      return FailedPrecondition(
          "audit.chain_broken",
          "审计日志在记录 " + std::to_string(broken->id) + " 处断链，不能归档：" + broken->reason);
    }
    domain::AuditCheckpoint c;
    c.up_to_id = plan.records.back().id;
    c.up_to_hash = plan.records.back().hash;
    c.records = static_cast<std::int64_t>(plan.records.size());
    c.file_name = file_name;
    c.file_sha256 = file_sha256;
    c.created_at = s.Now();
    XA_TRY(tx.audit().Archive(c));
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "audit.archive", "audit_log", std::to_string(c.up_to_id),
        "归档审计记录 " + std::to_string(plan.records.front().id) + "–" +
            std::to_string(c.up_to_id) + " 至 " + file_name + "（SHA-256 " + file_sha256 + "）")));
    return {};
  });
}

}  // namespace xiaoan::app
