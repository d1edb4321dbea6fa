#include "storage/field_protection.hpp"

#include <spdlog/spdlog.h>

namespace xiaoan::storage {

const std::vector<ProtectedColumn>& ProtectedColumns() {
  static const std::vector<ProtectedColumn> kColumns = {
      {"org_units", "phone", "phone_index"},  // a unit's contact person's phone
      {"users", "totp_secret", ""},           // the second factor's shared secret, no lookup
      {"users", "mobile", "mobile_index"},    // a user's mobile number
  };
  return kColumns;
}

std::string SealField(const FieldCipher* cipher, std::string_view plain) {
  if (cipher != nullptr && cipher->sealing()) return cipher->Seal(plain);
  return std::string(plain);
}

std::string OpenField(const FieldCipher* cipher, std::string stored) {
  if (!IsSealedField(stored)) return stored;
  if (cipher == nullptr) {
    spdlog::error("a protected field is sealed but no field key file is configured");
    return std::string(kUnreadableField);
  }
  auto plain = cipher->Open(stored);
  if (!plain.ok()) {
    spdlog::error("a protected field cannot be opened: {}", plain.error().message);
    return std::string(kUnreadableField);
  }
  return std::move(*plain);
}

Result<domain::FieldProtectionReport> ProtectFieldsIn(sql::Connection& conn,
                                                      const FieldCipher* cipher) {
  domain::FieldProtectionReport report;
  report.sealing = cipher != nullptr && cipher->sealing();
  report.key_version = cipher != nullptr ? cipher->current_version() : 0;
  for (const auto& c : ProtectedColumns()) {
    const std::string table(c.table);
    const std::string column(c.column);
    const std::string index(c.index_column);
    // A column without a lookup reads '' for its index, and never writes one.
    const std::string index_sql = index.empty() ? "''" : index;
    XA_ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, COALESCE(" + column + ", ''), " +
                                              index_sql + " FROM " + table + " ORDER BY id"));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string stored = rows.Text(i, 1);
      if (stored.empty() && rows.Text(i, 2).empty()) continue;
      ++report.rows;
      std::string plain = stored;
      if (IsSealedField(stored)) {
        if (cipher == nullptr) {
          return FailedPrecondition(
              "field.key_missing",
              table + "." + column +
                  " 中有加密的值，但未配置字段密钥文件（security.field_key_file）");
        }
        auto opened = cipher->Open(stored);
        if (!opened.ok()) {
          return FailedPrecondition("field.unreadable", table + "." + column + "（id " +
                                                            std::to_string(rows.Int(i, 0)) +
                                                            "）：" + opened.error().message);
        }
        plain = std::move(*opened);
      }
      std::string want = stored;
      if (report.sealing) {
        if (!cipher->SealedWithCurrent(stored)) want = cipher->Seal(plain);
      } else {
        want = plain;
      }
      const std::string want_index = index.empty() ? "" : IndexOf(cipher, plain);
      if (want != stored || want_index != rows.Text(i, 2)) {
        if (index.empty()) {
          XA_TRY(conn.Exec("UPDATE " + table + " SET " + column + " = $2 WHERE id = $1",
                           {rows.Int(i, 0), want}));
        } else {
          XA_TRY(conn.Exec(
              "UPDATE " + table + " SET " + column + " = $2, " + index + " = $3 WHERE id = $1",
              {rows.Int(i, 0), want, want_index}));
        }
        ++report.changed;
      }
      if (IsSealedField(want)) ++report.sealed;
      if (IsSealedField(stored) && !IsSealedField(want)) ++report.opened;
    }
  }
  return report;
}

}  // namespace xiaoan::storage
