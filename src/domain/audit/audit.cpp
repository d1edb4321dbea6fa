#include "domain/audit/audit.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace xiaoan::domain {
namespace {
void Field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += '|';
}
}  // namespace

std::string AuditRecordHash(const AuditEntry& e, std::int64_t id, const std::string& prev_hash,
                            AuditHash algorithm) {
  std::string text;
  text.reserve(256 + e.summary.size());
  Field(text, prev_hash);
  Field(text, std::to_string(id));
  Field(text, e.at);
  Field(text, e.actor);
  Field(text, e.unit_id ? std::to_string(*e.unit_id) : std::string());
  Field(text, e.action);
  Field(text, e.object_type);
  Field(text, e.object_id);
  Field(text, e.result);
  Field(text, e.source);
  Field(text, e.request_id);
  Field(text, e.summary);
  return algorithm == AuditHash::kSm3 ? Sm3Hex(text) : Sha256Hex(text);
}

std::optional<ChainBreak> VerifyAuditChain(const std::vector<AuditRecord>& records,
                                           std::string& prev_hash, std::int64_t& prev_id,
                                           AuditHash algorithm) {
  for (const auto& r : records) {
    if (r.id <= prev_id) return ChainBreak{r.id, "记录顺序被改动"};
    if (r.prev_hash != prev_hash) {
      return ChainBreak{r.id, "上一条记录的哈希不符（前面的记录被删除、改动或调换）"};
    }
    if (AuditRecordHash(r.entry, r.id, r.prev_hash, algorithm) != r.hash) {
      return ChainBreak{r.id, "记录内容与其哈希不符（该记录被改动）"};
    }
    prev_hash = r.hash;
    prev_id = r.id;
  }
  return std::nullopt;
}

std::optional<ChainBreak> CheckAnchoredHead(const AuditHead& head, std::int64_t last_id,
                                            const std::optional<std::string>& hash_at_head,
                                            const std::optional<AuditRecord>& first_past_head,
                                            const std::string& now, int grace_seconds) {
  if (last_id < head.id) {
    const std::string gone = last_id + 1 == head.id
                                 ? std::to_string(head.id)
                                 : std::to_string(last_id + 1) + "–" + std::to_string(head.id);
    return ChainBreak{last_id + 1, "记录 " + gone + " 已不在表中：表外保存的链头为记录 " +
                                       std::to_string(head.id) + "（最新的记录被删除）"};
  }
  if (hash_at_head && *hash_at_head != head.hash) {
    return ChainBreak{head.id, "与表外保存的链头不符（该记录或其之前的记录被替换）"};
  }
  if (first_past_head) {
    Instant at;
    Instant current;
    const bool dated = ParseInstant(first_past_head->entry.at, at) && ParseInstant(now, current);
    if (!dated || current - at >= std::chrono::seconds(grace_seconds)) {
      return ChainBreak{first_past_head->id,
                        "在表外保存的链头（记录 " + std::to_string(head.id) +
                            "）之后、未经锚定：可能是伪造的追加，或服务器在提交后异常退出"};
    }
  }
  return std::nullopt;
}

bool RecordsArchive(const AuditRecord& record, std::int64_t up_to_id,
                    const std::string& file_sha256) {
  return record.entry.action == "audit.archive" && record.id > up_to_id &&
         record.entry.object_id == std::to_string(up_to_id) && !file_sha256.empty() &&
         record.entry.summary.find(file_sha256) != std::string::npos;
}

bool RefusalIsAudited(bool write, ErrorCode code) {
  switch (code) {
    case ErrorCode::kPermissionDenied:
      return true;
    case ErrorCode::kNotFound:
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
      return write;
    default:
      return false;
  }
}

}  // namespace xiaoan::domain
