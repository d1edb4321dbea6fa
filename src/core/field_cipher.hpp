#pragma once
// Personal-information fields (phone numbers, ID-card numbers) encrypted in the database under
// the GM profile (GB/T 39786): SM4-CTR with an HMAC-SM3 tag over the key version, the counter
// block and the cipher text (encrypt-then-MAC), and a blind index (HMAC-SM3 of the normalised
// value) so that an exact lookup needs no plain text in the database. The keys live in a key file
// outside the database, one line per version; the newest seals, every listed one opens, so that a
// rotation appends a line, re-seals the fields (xiaoan protect-fields) and then drops the old one.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace xiaoan {

class FieldCipher {
 public:
  // Key file text: lines "<version> <64 hex digits>", versions increasing; '#' starts a comment.
  // sealing: new values are written sealed (the GM profile is on); without it the cipher only
  // opens values sealed earlier, and protect-fields writes them back in plain text.
  static Result<std::shared_ptr<const FieldCipher>> FromKeyText(std::string_view text,
                                                                std::string_view source,
                                                                bool sealing);
  // Reads the key file; when it is missing and create is set, creates it (0600) with one key.
  static Result<std::shared_ptr<const FieldCipher>> OpenKeyFile(const std::string& path,
                                                                bool create, bool sealing);
  // A new key line for the next version (the rotation step documented in docs/security.md).
  static std::string NewKeyLine(int version);

  bool sealing() const { return sealing_; }
  int current_version() const;
  // "sm4:<version>:<hex of counter block, cipher text, tag>"; the empty text stays empty.
  std::string Seal(std::string_view plain) const;
  // The plain text of a sealed value; a value that is not sealed is returned as it is. An error
  // when the tag does not match (the value was altered) or its key version is not in the file.
  Result<std::string> Open(std::string_view stored) const;
  // Whether a stored value is sealed with the newest key.
  bool SealedWithCurrent(std::string_view stored) const;
  // The blind index under the newest key (32 hex digits); empty for an empty value.
  std::string Index(std::string_view value) const;

 private:
  struct Key {
    int version = 0;
    std::string enc;    // 16 bytes, SM4
    std::string mac;    // 32 bytes, HMAC-SM3 tag
    std::string index;  // 32 bytes, HMAC-SM3 blind index
  };
  FieldCipher(std::vector<Key> keys, bool sealing) : keys_(std::move(keys)), sealing_(sealing) {}
  const Key* Find(int version) const;
  std::vector<Key> keys_;  // oldest first
  bool sealing_;
};

// Whether a stored value is sealed (starts "sm4:").
bool IsSealedField(std::string_view stored);
// The value a blind index is taken of: spaces and hyphens dropped, ASCII letters upper-cased
// (a phone typed "0571-8123 4567" and an ID card ending in "x" find their records).
std::string NormaliseForIndex(std::string_view value);
// The blind index with or without a cipher: without one (the GM profile off, values in plain
// text beside it) an unkeyed SM3 digest, so that lookups work the same way either way.
std::string FieldIndex(const FieldCipher* cipher, std::string_view value);

}  // namespace xiaoan
