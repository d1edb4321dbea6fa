#include "app/audit/audit_log.hpp"

#include <chrono>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/strings.hpp"

namespace xiaoan::app {

Result<AuditVerification> VerifyAudit(Services& s, const RequestContext* by,
                                      const std::string& archives_dir) {
  AuditVerification out;
  std::string prev_hash = domain::kAuditGenesis;
  std::int64_t prev_id = 0;
  // Read before the table, so that a commit racing the check is past the head, not missing.
  auto anchored = s.store.AnchoredAuditHead();
  std::optional<domain::AuditCheckpoint> checkpoint;
  bool checkpoint_recorded = false;
  std::int64_t last_id = 0;
  std::optional<std::string> hash_at_head;
  std::optional<domain::AuditRecord> first_past_head;
  const auto head = anchored.ok() ? *anchored : std::nullopt;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    // Archived records left the table; the chain continues from the last checkpoint.
    XA_ASSIGN_OR_RETURN(checkpoint, tx.audit().LatestCheckpoint());
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
      for (const auto& r : batch) {
        if (checkpoint &&
            domain::RecordsArchive(r, checkpoint->up_to_id, checkpoint->file_sha256)) {
          checkpoint_recorded = true;
        }
        if (head && r.id == head->id) hash_at_head = r.hash;
        if (head && r.id > head->id && !first_past_head) first_past_head = r;
      }
      last_id = batch.back().id;
      out.checked += static_cast<std::int64_t>(batch.size());
    }
  }));
  if (!out.first_break && checkpoint) {
    // A checkpoint that the chain does not record is forged: the records before it were deleted.
    if (!checkpoint_recorded) {
      out.first_break = domain::ChainBreak{
          checkpoint->up_to_id, "归档检查点（至记录 " + std::to_string(checkpoint->up_to_id) +
                                    "）没有对应的 audit.archive 审计记录：检查点是伪造的，"
                                    "其之前的记录被删除"};
    } else {
      namespace fs = std::filesystem;
      const fs::path recorded(checkpoint->file_name);
      const fs::path file =
          archives_dir.empty() ? recorded : fs::path(archives_dir) / recorded.filename();
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        out.first_break = domain::ChainBreak{checkpoint->up_to_id,
                                             "归档文件 " + file.string() + " 不存在或无法读取"};
      } else {
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (Sha256Hex(bytes.str()) != checkpoint->file_sha256) {
          out.first_break = domain::ChainBreak{
              checkpoint->up_to_id, "归档文件 " + file.string() + " 与检查点记录的摘要不符"};
        }
      }
    }
  }
  if (!out.first_break && !anchored.ok()) {
    out.first_break = domain::ChainBreak{0, anchored.error().message};
  }
  if (!out.first_break && head) {
    out.first_break = domain::CheckAnchoredHead(*head, last_id, hash_at_head, first_past_head,
                                                s.Now(), kAnchorGraceSeconds);
  }
  if (by != nullptr) {
    auto entry =
        AuditOf(s, *by, "audit.verify", "audit_log", "",
                out.first_break ? "校验审计日志：在记录 " + std::to_string(out.first_break->id) +
                                      " 处断链（" + out.first_break->reason + "）"
                                : "校验审计日志：完整，共 " + std::to_string(out.checked) + " 条");
    if (out.first_break) entry.result = "failed";
    XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
      XA_TRY(tx.audit().Append(entry));
      return {};
    }));
  }
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

Status AuditRefusal(Services& s, const RequestContext& ctx, const std::string& method,
                    const std::string& path, const Error& refusal) {
  std::string summary = "拒绝 " + method + " " + StorableText(path, 300) + "：" +
                        std::string(ErrorCodeName(refusal.code)) + " " +
                        StorableText(refusal.message, 200);
  if (!refusal.details.empty()) {
    summary += "（" + StorableText(refusal.details[0].field, 100) + "）";
  }
  auto entry = AuditOf(s, ctx, "access.denied", "request", method + " " + StorableText(path, 300),
                       std::move(summary));
  entry.result = "denied";
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(entry));
    return {};
  });
}

Status ReanchorAudit(Services& s, const RequestContext& ctx, const std::string& why) {
  XA_ASSIGN_OR_RETURN(auto anchored, s.store.AnchoredAuditHead());
  std::optional<domain::AuditRecord> newest;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(newest, tx.audit().Newest());
    return {};
  }));
  if (!newest) return {};
  if (anchored && anchored->id == newest->id && anchored->hash == newest->hash) return {};
  XA_TRY(s.store.ReanchorAudit({newest->id, newest->hash}));
  std::string summary =
      anchored
          ? why + "：表外保存的链头为记录 " + std::to_string(anchored->id) + "，表中最新为记录 " +
                std::to_string(newest->id) +
                (newest->id > anchored->id ? "（记录 " + std::to_string(anchored->id + 1) + "–" +
                                                 std::to_string(newest->id) + " 提交后未经锚定）"
                                           : "") +
                "，已在此重新锚定"
          : why + "：开始在表外保存审计链头（表中最新为记录 " + std::to_string(newest->id) + "）";
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "audit.anchor", "audit_log",
                                     std::to_string(newest->id), std::move(summary))));
    return {};
  });
}

}  // namespace xiaoan::app
