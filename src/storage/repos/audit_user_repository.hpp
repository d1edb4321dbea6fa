#pragma once
#include "core/field_cipher.hpp"
#include "domain/store.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlUserRepository final : public domain::UserRepository {
 public:
  // access_changed, when given, is set by every write that changes what authentication
  // depends on (see domain::Store::access_epoch).
  // cipher: seals and opens the TOTP secret (field_protection.hpp); null without a field key.
  explicit SqlUserRepository(sql::Connection& conn, bool* access_changed = nullptr,
                             const FieldCipher* cipher = nullptr)
      : conn_(conn), access_changed_(access_changed), cipher_(cipher) {}
  Result<std::optional<domain::User>> FindByUsername(const std::string& username) override;
  Result<std::optional<domain::User>> FindById(std::int64_t id) override;
  Result<domain::PageResult<domain::User>> List(const domain::UserFilter& filter) override;
  Status Insert(domain::User& user) override;
  Status UpdateSecurity(const domain::User& user) override;
  Status UpdateProfile(const domain::User& user) override;
  Result<std::map<std::string, std::string>> DisplayNames(
      const std::vector<std::string>& usernames) override;
  Status UpdatePassword(std::int64_t user_id, const std::string& hash,
                        const std::string& changed_at, bool must_change) override;
  Result<std::vector<std::string>> PasswordHistory(std::int64_t user_id, int limit) override;
  Result<std::vector<domain::Role>> ListRoles() override;
  Result<std::optional<domain::Role>> FindRole(const std::string& code) override;
  Status UpsertRole(domain::Role& role, const std::string& now) override;
  Result<std::vector<domain::Role>> RolesOf(std::int64_t user_id) override;
  Result<std::vector<std::int64_t>> HoldersOf(std::int64_t role_id) override;
  Status SetRoles(std::int64_t user_id, const std::vector<std::int64_t>& role_ids) override;
  Result<std::vector<domain::UnitId>> ScopeUnitsOf(std::int64_t user_id) override;
  Status SetScopeUnits(std::int64_t user_id, const std::vector<domain::UnitId>& unit_ids) override;
  Status InsertSession(const domain::Session& session) override;
  Result<std::optional<domain::Session>> FindSession(const std::string& id_hash) override;
  Status TouchSession(const std::string& id_hash, Instant at) override;
  Status EndSession(const std::string& id_hash, Instant at) override;
  Result<std::vector<domain::Session>> ActiveSessionsOf(std::int64_t user_id) override;
  Status EndSessionsOf(std::int64_t user_id, Instant at) override;
  Result<std::int64_t> PurgeSessions(const domain::SessionPurge& purge) override;
  Result<std::int64_t> PurgeTokens(const domain::SessionPurge& purge) override;
  Status SetTotp(std::int64_t user_id, const std::optional<std::string>& secret,
                 bool enabled) override;
  Status SetTotpLastStep(std::int64_t user_id, std::int64_t step) override;
  Status InsertToken(domain::ApiToken& token) override;
  Result<std::optional<domain::ApiToken>> FindTokenByHash(const std::string& token_hash) override;
  Result<std::vector<domain::ApiToken>> TokensOf(std::int64_t user_id) override;
  Result<std::int64_t> RevokeToken(std::int64_t user_id, std::int64_t token_id,
                                   const std::string& at) override;
  Status TouchToken(std::int64_t token_id, const std::string& at) override;
  Status InsertSignature(domain::Signature& signature) override;
  Result<std::vector<domain::Signature>> SignaturesOf(const std::string& object_type,
                                                      const std::string& object_id,
                                                      const domain::ScopeFilter& scope) override;
  Result<std::vector<std::pair<std::string, std::string>>> PolicySettings() override;
  Status SetPolicySetting(const std::string& key, const std::string& value) override;

 private:
  Result<std::vector<domain::Role>> LoadRoles(const std::string& where, const sql::Params& params);
  void MarkAccessChanged() {
    if (access_changed_ != nullptr) *access_changed_ = true;
  }
  sql::Connection& conn_;
  bool* access_changed_ = nullptr;
  const FieldCipher* cipher_ = nullptr;
};

class SqlAuditRepository final : public domain::AuditRepository {
 public:
  // first_appended: the id of the first record this transaction appended (the store anchors the
  // head after the commit).
  SqlAuditRepository(sql::Connection& conn, domain::AuditHash hash,
                     std::optional<std::int64_t>* first_appended = nullptr)
      : conn_(conn), hash_(hash), first_appended_(first_appended) {}
  Result<domain::AuditRecord> Append(const domain::AuditEntry& entry) override;
  Result<std::vector<domain::AuditRecord>> ReadAfter(std::int64_t after_id, int limit) override;
  Result<domain::PageResult<domain::AuditRecord>> Search(const domain::AuditFilter& f) override;
  Result<std::optional<domain::AuditCheckpoint>> LatestCheckpoint() override;
  Result<std::optional<domain::AuditRecord>> Newest() override;
  Result<std::optional<std::int64_t>> LastIdBefore(const std::string& at) override;
  Status Archive(const domain::AuditCheckpoint& checkpoint) override;

 private:
  sql::Connection& conn_;
  domain::AuditHash hash_;
  std::optional<std::int64_t>* first_appended_;
};

}  // namespace xiaoan::storage
