#pragma once
// The audit log is append-only and hash-chained: each record carries the hash of the previous
// one, so any edit, deletion or reordering breaks the chain at a findable place.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace xiaoan::domain {

struct AuditEntry {
  std::string at;  // UTC instant text
  std::string actor;
  std::optional<std::int64_t> unit_id;
  std::string action;  // e.g. school.create
  std::string object_type;
  std::string object_id;
  std::string result;  // ok | denied | failed
  std::string source;  // client address
  std::string request_id;
  std::string summary;  // what changed, as JSON text
};

struct AuditRecord {
  std::int64_t id = 0;
  AuditEntry entry;
  std::string prev_hash;
  std::string hash;
};

enum class AuditHash { kSha256, kSm3 };

inline constexpr const char* kAuditGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Hash over the previous hash and every field of the record, length-prefixed so that moving text
// between fields changes the hash.
std::string AuditRecordHash(const AuditEntry& entry, std::int64_t id, const std::string& prev_hash,
                            AuditHash algorithm);

struct ChainBreak {
  std::int64_t id = 0;  // the first record whose link does not hold
  std::string reason;
};

// Checks records (in id order) continuing from prev_hash / prev_id (kAuditGenesis / 0 at start).
// Returns the first break, or nothing when the chain holds.
std::optional<ChainBreak> VerifyAuditChain(const std::vector<AuditRecord>& records,
                                           std::string& prev_hash, std::int64_t& prev_id,
                                           AuditHash algorithm);

}  // namespace xiaoan::domain
