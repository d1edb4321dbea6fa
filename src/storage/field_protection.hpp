#pragma once
// The protected personal-information columns (docs/security.md, GM profile): each stored sealed
// (core/field_cipher) when the profile is on, with a blind index column beside it for exact
// lookups. A module that keeps phone or ID-card numbers adds its columns to ProtectedColumns()
// and reads and writes them through SealField/OpenField/IndexOf.
#include <string>
#include <string_view>
#include <vector>

#include "core/field_cipher.hpp"
#include "domain/store.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

struct ProtectedColumn {
  std::string_view table;
  std::string_view column;        // text, NULL allowed (left as it is)
  std::string_view index_column;  // empty: no lookup by this column
};
const std::vector<ProtectedColumn>& ProtectedColumns();

// What a write stores: sealed when the cipher seals, else the plain text.
std::string SealField(const FieldCipher* cipher, std::string_view plain);
// What a read shows: the plain text of a sealed value. A value that cannot be opened (altered in
// the database, or its key gone) reads as kUnreadableField and is logged; it is never shown raw.
std::string OpenField(const FieldCipher* cipher, std::string stored);
inline constexpr std::string_view kUnreadableField = "〔无法解密〕";
// The blind index stored beside a value, and looked up for an exact match.
inline std::string IndexOf(const FieldCipher* cipher, std::string_view plain) {
  return FieldIndex(cipher, plain);
}

// Brings every protected column to the cipher's state (see domain::Store::ProtectFields), inside
// the caller's transaction.
Result<domain::FieldProtectionReport> ProtectFieldsIn(sql::Connection& conn,
                                                      const FieldCipher* cipher);

}  // namespace xiaoan::storage
