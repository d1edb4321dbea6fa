#pragma once
// The audit log is append-only and hash-chained: each record carries the hash of the previous
// one, so any edit, deletion or reordering breaks the chain at a findable place.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

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
  // Read-only, filled for people who read the log (not part of the chain): the actor's name.
  std::string actor_name;
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

// The chain's head as last anchored outside the table (a signed file the database cannot reach):
// deleting the newest records or appending forged ones shows against it.
struct AuditHead {
  std::int64_t id = 0;
  std::string hash;
};
// Checks the table against the anchored head. last_id: the newest record in the table (0: none);
// hash_at_head: the hash of the record with the head's id, when it is still in the table (not
// archived); first_past_head: the oldest record past the head, if any. A record past the head is
// normal for as long as a commit takes to be anchored (grace); older, it was appended by someone
// other than Xiaoan, or the server stopped between the commit and the anchor.
std::optional<ChainBreak> CheckAnchoredHead(const AuditHead& head, std::int64_t last_id,
                                            const std::optional<std::string>& hash_at_head,
                                            const std::optional<AuditRecord>& first_past_head,
                                            const std::string& now, int grace_seconds);

// An archive checkpoint is trusted only when the chain itself records it: an `audit.archive`
// record past the checkpoint naming its last id and the file's digest. Returns whether `record` is
// that record for the checkpoint (up_to_id, file_sha256).
bool RecordsArchive(const AuditRecord& record, std::int64_t up_to_id,
                    const std::string& file_sha256);

// 等保 (安全审计): a refused action is itself audited — every refusal of permission (403,
// including a missing CSRF token or a password change still owed), and on a write a record out of
// the caller's reach (404) or a refusal by a rule (409: the separation of duties, a state that
// forbids the change). A read that finds nothing, bad input (422) and a missing login (401, the
// login's own failures are audited where they happen) are not.
bool RefusalIsAudited(bool write, ErrorCode code);

}  // namespace xiaoan::domain
