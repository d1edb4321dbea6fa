#include "domain/audit/audit.hpp"

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

}  // namespace xiaoan::domain
