#pragma once
// The audit chain's head kept outside the database (ADR 0004): a small file holding the newest
// record's id and hash, signed (HMAC-SHA256) with a key in a second file that the database never
// sees. Someone who can only write to the database cannot make deleted or forged newest records
// agree with it.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/audit/audit.hpp"

namespace xiaoan::storage {

class AuditAnchor {
 public:
  // head_path: the head file; key_path: its key, created (0600, 32 random bytes) when missing.
  static Result<std::shared_ptr<AuditAnchor>> Open(const std::string& head_path,
                                                   const std::string& key_path);
  // A commit appended records first_id..head.id. The head moves to it only when the records run
  // on from the anchored head without a gap (commits that finish out of order wait for the ones
  // before them); records appended behind Xiaoan's back leave a gap the head never crosses, so
  // verification finds them. Written to a new file and renamed over the old one.
  Status Advance(std::int64_t first_id, const domain::AuditHead& head);
  // Sets the head where it is, also backwards: after a restore, or when re-anchoring a gap that
  // has been recorded in the chain.
  Status Reset(const domain::AuditHead& head);
  // The anchored head; nothing before the first anchor. An error when the file does not carry
  // the key's signature (it was edited) or cannot be read.
  Result<std::optional<domain::AuditHead>> Read() const;
  const std::string& head_path() const { return head_path_; }

 private:
  AuditAnchor(std::string head_path, std::string key);
  Status WriteLocked(const domain::AuditHead& head);
  std::string head_path_;
  std::string key_;
  mutable std::mutex mu_;
  std::int64_t written_id_ = -1;
  std::map<std::int64_t, domain::AuditHead> pending_;  // by first id: commits waiting for a gap
};

}  // namespace xiaoan::storage
