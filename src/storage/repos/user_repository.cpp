#include "storage/field_protection.hpp"
#include "storage/repos/audit_user_repository.hpp"
#include "storage/repos/query_builder.hpp"

#include <algorithm>

#include "core/strings.hpp"

namespace xiaoan::storage {
namespace {

using sql::Null;
using sql::Value;

constexpr const char* kUserSelect =
    "SELECT x.id, x.unit_id, x.username, x.display_name, x.password_hash, x.status, "
    "x.must_change_password, x.created_at, x.updated_at, x.failed_logins, x.locked_until, "
    "x.password_changed_at, x.expires_at, x.last_login_at, u.name, u.path, u.kind, "
    "x.totp_secret, x.totp_enabled, x.totp_last_step, x.mobile "
    "FROM users x JOIN org_units u ON u.id = x.unit_id";

domain::User ReadUser(const sql::Rows& r, std::size_t i, const FieldCipher* cipher) {
  domain::User u;
  u.id = r.Int(i, 0);
  u.unit_id = r.Int(i, 1);
  u.username = r.Text(i, 2);
  u.display_name = r.Text(i, 3);
  u.password_hash = r.Text(i, 4);
  u.status = r.Text(i, 5);
  u.must_change_password = r.Int(i, 6) != 0;
  u.created_at = r.Text(i, 7);
  u.updated_at = r.Text(i, 8);
  u.failed_logins = static_cast<int>(r.Int(i, 9));
  u.locked_until = OptText(r, i, 10);
  u.password_changed_at = r.Text(i, 11);
  u.expires_at = OptText(r, i, 12);
  u.last_login_at = OptText(r, i, 13);
  u.unit_name = r.Text(i, 14);
  u.unit_path = r.Text(i, 15);
  u.unit_kind = r.Text(i, 16);
  u.totp_secret = OptText(r, i, 17);
  if (u.totp_secret) u.totp_secret = OpenField(cipher, std::move(*u.totp_secret));
  u.totp_enabled = r.Int(i, 18) != 0;
  u.totp_last_step = r.Int(i, 19);
  u.mobile = OpenField(cipher, r.Text(i, 20));
  return u;
}

domain::Session ReadSession(const sql::Rows& r, std::size_t i) {
  domain::Session s;
  s.id_hash = r.Text(i, 0);
  s.user_id = r.Int(i, 1);
  s.csrf_token = r.Text(i, 2);
  ParseInstant(r.Text(i, 3), s.created_at);
  ParseInstant(r.Text(i, 4), s.last_seen_at);
  if (!r.Null(i, 5)) {
    Instant ended;
    ParseInstant(r.Text(i, 5), ended);
    s.ended_at = ended;
  }
  s.source = r.Text(i, 6);
  s.user_agent = r.Text(i, 7);
  return s;
}

constexpr const char* kSessionSelect =
    "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, ended_at, source, user_agent "
    "FROM sessions";

}  // namespace

Result<std::optional<domain::User>> SqlUserRepository::FindByUsername(const std::string& name) {
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query(std::string(kUserSelect) + " WHERE x.username = $1", {name}));
  if (r.empty()) return std::optional<domain::User>{};
  return std::optional<domain::User>{ReadUser(r, 0, cipher_)};
}

Result<std::optional<domain::User>> SqlUserRepository::FindById(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kUserSelect) + " WHERE x.id = $1", {id}));
  if (r.empty()) return std::optional<domain::User>{};
  return std::optional<domain::User>{ReadUser(r, 0, cipher_)};
}

Result<domain::PageResult<domain::User>> SqlUserRepository::List(const domain::UserFilter& f) {
  WhereBuilder where;
  if (!f.q.empty()) {
    const std::string like = LikeContains(f.q);
    where.Add("x.username LIKE ? ESCAPE '\\' OR x.display_name LIKE ? ESCAPE '\\'", {like, like});
  }
  if (f.unit_id) where.Add("x.unit_id = ?", {*f.unit_id});
  if (f.status) where.Add("x.status = ?", {*f.status});
  AddScope(where, f.scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query("SELECT COUNT(*) FROM users x JOIN org_units u ON u.id = x.unit_id" + where.Sql(),
                  where.params()));
  sql::Params params = where.params();
  std::string sql =
      std::string(kUserSelect) + where.Sql() +
      OrderBy(f.page.sort, {{"username", "x.username"}, {"created_at", "x.created_at"}},
              "x.username", "x.id") +
      " LIMIT $" + std::to_string(params.size() + 1) + " OFFSET $" +
      std::to_string(params.size() + 2);
  params.emplace_back(std::int64_t{f.page.page_size});
  params.emplace_back(std::int64_t{(f.page.page - 1) * f.page.page_size});
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<domain::User> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadUser(rows, i, cipher_));
  return out;
}

Status SqlUserRepository::Insert(domain::User& u) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO users (unit_id, username, display_name, password_hash, status, "
                  "must_change_password, created_at, updated_at, password_changed_at, expires_at, "
                  "mobile, mobile_index) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                  {u.unit_id, u.username, u.display_name, u.password_hash, u.status,
                   std::int64_t{u.must_change_password ? 1 : 0}, u.created_at, u.updated_at,
                   u.password_changed_at, Opt(u.expires_at), SealField(cipher_, u.mobile),
                   IndexOf(cipher_, u.mobile)}));
  u.id = r.Int(0, 0);
  return Done(
      conn_.Exec("INSERT INTO password_history (user_id, password_hash, created_at) "
                 "VALUES ($1, $2, $3)",
                 {u.id, u.password_hash, u.created_at}));
}

Status SqlUserRepository::UpdateSecurity(const domain::User& u) {
  MarkAccessChanged();
  return Done(conn_.Exec(
      "UPDATE users SET status = $2, failed_logins = $3, locked_until = $4, last_login_at = $5, "
      "display_name = $6, expires_at = $7, updated_at = $8 WHERE id = $1",
      {u.id, u.status, std::int64_t{u.failed_logins}, Opt(u.locked_until), Opt(u.last_login_at),
       u.display_name, Opt(u.expires_at), u.updated_at}));
}

Status SqlUserRepository::UpdateProfile(const domain::User& u) {
  return Done(conn_.Exec(
      "UPDATE users SET display_name = $2, mobile = $3, mobile_index = $4, updated_at = $5 "
      "WHERE id = $1",
      {u.id, u.display_name, SealField(cipher_, u.mobile), IndexOf(cipher_, u.mobile),
       u.updated_at}));
}

Result<std::map<std::string, std::string>> SqlUserRepository::DisplayNames(
    const std::vector<std::string>& usernames) {
  std::map<std::string, std::string> out;
  // In batches, so that a page of records costs one query per 200 distinct people.
  constexpr std::size_t kBatch = 200;
  for (std::size_t at = 0; at < usernames.size(); at += kBatch) {
    const std::size_t n = std::min(kBatch, usernames.size() - at);
    sql::Params names;
    for (std::size_t i = 0; i < n; ++i) names.emplace_back(usernames[at + i]);
    WhereBuilder where;
    where.Add("username IN (" + Placeholders(n) + ")", std::move(names));
    where.Add("display_name <> ''", {});
    XA_ASSIGN_OR_RETURN(
        auto r,
        conn_.Query("SELECT username, display_name FROM users" + where.Sql(), where.params()));
    for (std::size_t i = 0; i < r.size(); ++i) out[r.Text(i, 0)] = r.Text(i, 1);
  }
  return out;
}

Status SqlUserRepository::UpdatePassword(std::int64_t user_id, const std::string& hash,
                                         const std::string& changed_at, bool must_change) {
  MarkAccessChanged();
  XA_TRY(
      conn_.Exec("UPDATE users SET password_hash = $2, password_changed_at = $3, "
                 "must_change_password = $4, updated_at = $3 WHERE id = $1",
                 {user_id, hash, changed_at, std::int64_t{must_change ? 1 : 0}}));
  return Done(
      conn_.Exec("INSERT INTO password_history (user_id, password_hash, created_at) "
                 "VALUES ($1, $2, $3)",
                 {user_id, hash, changed_at}));
}

Result<std::vector<std::string>> SqlUserRepository::PasswordHistory(std::int64_t user_id,
                                                                    int limit) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT password_hash FROM password_history WHERE "
                                          "user_id = $1 ORDER BY id DESC LIMIT $2",
                                          {user_id, std::int64_t{limit}}));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(r.Text(i, 0));
  return out;
}

Result<std::vector<domain::Role>> SqlUserRepository::LoadRoles(const std::string& where,
                                                               const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT r.id, r.code, r.name, r.scope_kind, r.builtin, p.permission "
                          "FROM roles r LEFT JOIN role_permissions p ON p.role_id = r.id " +
                              where + " ORDER BY r.id, p.permission",
                          params));
  std::vector<domain::Role> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (out.empty() || out.back().id != r.Int(i, 0)) {
      domain::Role role;
      role.id = r.Int(i, 0);
      role.code = r.Text(i, 1);
      role.name = r.Text(i, 2);
      role.scope = domain::ScopeKindFromName(r.Text(i, 3)).value_or(domain::ScopeKind::kOwnUnit);
      role.builtin = r.Int(i, 4) != 0;
      out.push_back(std::move(role));
    }
    if (!r.Null(i, 5)) out.back().permissions.push_back(r.Text(i, 5));
  }
  return out;
}

Result<std::vector<domain::Role>> SqlUserRepository::ListRoles() { return LoadRoles("", {}); }

Result<std::optional<domain::Role>> SqlUserRepository::FindRole(const std::string& code) {
  XA_ASSIGN_OR_RETURN(auto roles, LoadRoles("WHERE r.code = $1", {code}));
  if (roles.empty()) return std::optional<domain::Role>{};
  return std::optional<domain::Role>{roles.front()};
}

Status SqlUserRepository::UpsertRole(domain::Role& role, const std::string& now) {
  MarkAccessChanged();
  XA_ASSIGN_OR_RETURN(auto found, conn_.Query("SELECT id FROM roles WHERE code = $1", {role.code}));
  const std::string scope(domain::ScopeKindName(role.scope));
  if (found.empty()) {
    XA_ASSIGN_OR_RETURN(
        auto r,
        conn_.Query("INSERT INTO roles (code, name, scope_kind, builtin, created_at, "
                    "updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                    {role.code, role.name, scope, std::int64_t{role.builtin ? 1 : 0}, now}));
    role.id = r.Int(0, 0);
  } else {
    role.id = found.Int(0, 0);
    XA_TRY(
        conn_.Exec("UPDATE roles SET name = $2, scope_kind = $3, builtin = $4, updated_at = $5 "
                   "WHERE id = $1",
                   {role.id, role.name, scope, std::int64_t{role.builtin ? 1 : 0}, now}));
    XA_TRY(conn_.Exec("DELETE FROM role_permissions WHERE role_id = $1", {role.id}));
  }
  for (const auto& p : role.permissions) {
    XA_TRY(conn_.Exec("INSERT INTO role_permissions (role_id, permission) VALUES ($1, $2)",
                      {role.id, p}));
  }
  return {};
}

Result<std::vector<domain::Role>> SqlUserRepository::RolesOf(std::int64_t user_id) {
  return LoadRoles("JOIN user_roles ur ON ur.role_id = r.id WHERE ur.user_id = $1", {user_id});
}

Result<std::vector<std::int64_t>> SqlUserRepository::HoldersOf(std::int64_t role_id) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("SELECT user_id FROM user_roles WHERE role_id = $1 ORDER BY user_id", {role_id}));
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(r.Int(i, 0));
  return out;
}

Status SqlUserRepository::SetRoles(std::int64_t user_id, const std::vector<std::int64_t>& ids) {
  MarkAccessChanged();
  XA_TRY(conn_.Exec("DELETE FROM user_roles WHERE user_id = $1", {user_id}));
  for (auto id : ids) {
    XA_TRY(conn_.Exec("INSERT INTO user_roles (user_id, role_id) VALUES ($1, $2)", {user_id, id}));
  }
  return {};
}

Result<std::vector<domain::UnitId>> SqlUserRepository::ScopeUnitsOf(std::int64_t user_id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT unit_id FROM user_scope_units WHERE user_id = "
                                          "$1 ORDER BY unit_id",
                                          {user_id}));
  std::vector<domain::UnitId> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(r.Int(i, 0));
  return out;
}

Status SqlUserRepository::SetScopeUnits(std::int64_t user_id,
                                        const std::vector<domain::UnitId>& ids) {
  MarkAccessChanged();
  XA_TRY(conn_.Exec("DELETE FROM user_scope_units WHERE user_id = $1", {user_id}));
  for (auto id : ids) {
    XA_TRY(conn_.Exec("INSERT INTO user_scope_units (user_id, unit_id) VALUES ($1, $2)",
                      {user_id, id}));
  }
  return {};
}

Status SqlUserRepository::InsertSession(const domain::Session& s) {
  return Done(
      conn_.Exec("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, "
                 "last_seen_at, source, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                 {s.id_hash, s.user_id, s.csrf_token, FormatInstant(s.created_at),
                  FormatInstant(s.last_seen_at), s.source, s.user_agent}));
}

Result<std::optional<domain::Session>> SqlUserRepository::FindSession(const std::string& id_hash) {
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query(std::string(kSessionSelect) + " WHERE id_hash = $1", {id_hash}));
  if (r.empty()) return std::optional<domain::Session>{};
  return std::optional<domain::Session>{ReadSession(r, 0)};
}

Status SqlUserRepository::TouchSession(const std::string& id_hash, Instant at) {
  return Done(conn_.Exec("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1",
                         {id_hash, FormatInstant(at)}));
}

Status SqlUserRepository::EndSession(const std::string& id_hash, Instant at) {
  MarkAccessChanged();
  return Done(
      conn_.Exec("UPDATE sessions SET ended_at = $2 WHERE id_hash = $1 AND ended_at IS NULL",
                 {id_hash, FormatInstant(at)}));
}

Result<std::vector<domain::Session>> SqlUserRepository::ActiveSessionsOf(std::int64_t user_id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query(std::string(kSessionSelect) + " WHERE user_id = $1 AND ended_at IS NULL "
                                                        "ORDER BY created_at DESC",
                          {user_id}));
  std::vector<domain::Session> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ReadSession(r, i));
  return out;
}

Result<std::int64_t> SqlUserRepository::PurgeSessions(const domain::SessionPurge& p) {
  return conn_.Exec(
      "DELETE FROM sessions WHERE ended_at < $1 OR last_seen_at < $2 OR created_at < $3",
      {FormatInstant(p.ended_before), FormatInstant(p.last_seen_before),
       FormatInstant(p.created_before)});
}

Result<std::int64_t> SqlUserRepository::PurgeTokens(const domain::SessionPurge& p) {
  return conn_.Exec("DELETE FROM api_tokens WHERE revoked_at < $1 OR expires_at < $1",
                    {FormatInstant(p.token_before)});
}

Status SqlUserRepository::EndSessionsOf(std::int64_t user_id, Instant at) {
  MarkAccessChanged();
  return Done(
      conn_.Exec("UPDATE sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL",
                 {user_id, FormatInstant(at)}));
}

Status SqlUserRepository::SetTotp(std::int64_t user_id, const std::optional<std::string>& secret,
                                  bool enabled) {
  MarkAccessChanged();
  return Done(
      conn_.Exec("UPDATE users SET totp_secret = $2, totp_enabled = $3, totp_last_step = 0 "
                 "WHERE id = $1",
                 {user_id, secret ? Value(SealField(cipher_, *secret)) : Value(Null{}),
                  std::int64_t{enabled ? 1 : 0}}));
}

Status SqlUserRepository::SetTotpLastStep(std::int64_t user_id, std::int64_t step) {
  return Done(conn_.Exec("UPDATE users SET totp_last_step = $2 WHERE id = $1", {user_id, step}));
}

namespace {
constexpr const char* kTokenSelect =
    "SELECT id, user_id, name, token_hash, permissions, created_at, expires_at, revoked_at, "
    "last_used_at FROM api_tokens";

domain::ApiToken ReadToken(const sql::Rows& r, std::size_t i) {
  domain::ApiToken t;
  t.id = r.Int(i, 0);
  t.user_id = r.Int(i, 1);
  t.name = r.Text(i, 2);
  t.token_hash = r.Text(i, 3);
  for (auto& p : Split(r.Text(i, 4), ',')) {
    if (!p.empty()) t.permissions.push_back(p);
  }
  t.created_at = r.Text(i, 5);
  t.expires_at = r.Text(i, 6);
  t.revoked_at = OptText(r, i, 7);
  t.last_used_at = OptText(r, i, 8);
  return t;
}
}  // namespace

Status SqlUserRepository::InsertToken(domain::ApiToken& t) {
  std::string perms;
  for (const auto& p : t.permissions) perms += (perms.empty() ? "" : ",") + p;
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO api_tokens (user_id, name, token_hash, "
                          "permissions, created_at, expires_at) VALUES ($1, $2, "
                          "$3, $4, $5, $6) RETURNING id",
                          {t.user_id, t.name, t.token_hash, perms, t.created_at, t.expires_at}));
  t.id = r.Int(0, 0);
  return {};
}

Result<std::optional<domain::ApiToken>> SqlUserRepository::FindTokenByHash(
    const std::string& token_hash) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query(std::string(kTokenSelect) + " WHERE token_hash = $1", {token_hash}));
  if (r.empty()) return std::optional<domain::ApiToken>{};
  return std::optional<domain::ApiToken>{ReadToken(r, 0)};
}

Result<std::vector<domain::ApiToken>> SqlUserRepository::TokensOf(std::int64_t user_id) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query(std::string(kTokenSelect) + " WHERE user_id = $1 ORDER BY id", {user_id}));
  std::vector<domain::ApiToken> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ReadToken(r, i));
  return out;
}

Result<std::int64_t> SqlUserRepository::RevokeToken(std::int64_t user_id, std::int64_t token_id,
                                                    const std::string& at) {
  MarkAccessChanged();
  return conn_.Exec(
      "UPDATE api_tokens SET revoked_at = $3 WHERE id = $2 AND user_id = $1 AND "
      "revoked_at IS NULL",
      {user_id, token_id, at});
}

Status SqlUserRepository::TouchToken(std::int64_t token_id, const std::string& at) {
  return Done(conn_.Exec("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", {token_id, at}));
}

Status SqlUserRepository::InsertSignature(domain::Signature& g) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO signatures (user_id, username, unit_id, object_type, "
                          "object_id, step, content_hash, method, signed_at, audit_id) VALUES "
                          "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                          {g.user_id, g.username, g.unit_id, g.object_type, g.object_id, g.step,
                           g.content_hash, g.method, g.signed_at, g.audit_id}));
  g.id = r.Int(0, 0);
  return {};
}

Result<std::vector<domain::Signature>> SqlUserRepository::SignaturesOf(
    const std::string& object_type, const std::string& object_id,
    const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("g.object_type = ?", {object_type});
  where.Add("g.object_id = ?", {object_id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT g.id, g.user_id, g.username, g.unit_id, g.object_type, "
                          "g.object_id, g.step, g.content_hash, g.method, g.signed_at, g.audit_id "
                          "FROM signatures g JOIN org_units u ON u.id = g.unit_id" +
                              where.Sql() + " ORDER BY g.id",
                          where.params()));
  std::vector<domain::Signature> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Int(i, 3), r.Text(i, 4), r.Text(i, 5),
                   r.Text(i, 6), r.Text(i, 7), r.Text(i, 8), r.Text(i, 9), r.Int(i, 10)});
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> SqlUserRepository::PolicySettings() {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT key, value FROM security_policy ORDER BY key"));
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.emplace_back(r.Text(i, 0), r.Text(i, 1));
  return out;
}

Status SqlUserRepository::SetPolicySetting(const std::string& key, const std::string& value) {
  MarkAccessChanged();
  XA_TRY(conn_.Exec("DELETE FROM security_policy WHERE key = $1", {key}));
  return Done(conn_.Exec("INSERT INTO security_policy (key, value) VALUES ($1, $2)", {key, value}));
}

}  // namespace xiaoan::storage
