#pragma once
// Accounts, sessions, roles, the security policy and the audit log's reading side.
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/context.hpp"

namespace xiaoan::app {

// Creates or refreshes the built-in roles from the code (the source of truth for them).
Status EnsureBuiltinRoles(Services& s);

Result<domain::PasswordPolicy> LoadPolicy(domain::Tx& tx);

// Per-address limit on login attempts (in memory, per process).
class LoginThrottle {
 public:
  // True when the address may try again now; records the attempt.
  bool Allow(const std::string& address, Instant now, int per_minute);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::vector<Instant>> attempts_;
};

struct LoginResult {
  std::string session_token;  // to the client once, in a cookie
  Principal principal;
};

Result<LoginResult> Login(Services& s, LoginThrottle& throttle, const std::string& username,
                          const std::string& password, const std::string& source,
                          const std::string& user_agent, const std::string& request_id);
// Resolves a session token into the caller, enforcing idle and absolute expiry.
Result<Principal> Authenticate(Services& s, const std::string& session_token);
Status Logout(Services& s, const RequestContext& ctx);
Status ChangePassword(Services& s, const RequestContext& ctx, const std::string& old_password,
                      const std::string& new_password);

struct SessionInfo {
  std::string handle;  // a prefix of the stored hash: names a session without revealing it
  std::string created_at;
  std::string last_seen_at;
  std::string source;
  std::string user_agent;
  bool current = false;
};
Result<std::vector<SessionInfo>> ListMySessions(Services& s, const RequestContext& ctx);
Status EndMySession(Services& s, const RequestContext& ctx, const std::string& handle);

// Creates one of the three administrators (三员) from the server's command line, at the given
// unit or the first bureau; the account must change the password at first login.
Result<domain::User> CreateAdmin(Services& s, const RequestContext& ctx,
                                 const std::string& username, const std::string& password,
                                 std::optional<domain::UnitId> unit, const std::string& role_code);

// User administration (system administrator).
struct NewUser {
  std::string username;
  std::string display_name;
  domain::UnitId unit_id = 0;
  std::optional<std::string> expires_at;
};
struct CreatedUser {
  domain::User user;
  std::string initial_password;  // shown once
};
Result<domain::PageResult<domain::User>> ListUsers(Services& s, const RequestContext& ctx,
                                                   domain::UserFilter filter);
Result<domain::User> GetUser(Services& s, const RequestContext& ctx, std::int64_t id);
Result<CreatedUser> CreateUser(Services& s, const RequestContext& ctx, const NewUser& input);
// status: active (also unlocks) | locked | disabled.
Result<domain::User> SetUserStatus(Services& s, const RequestContext& ctx, std::int64_t id,
                                   const std::string& status);
Result<std::string> ResetPassword(Services& s, const RequestContext& ctx, std::int64_t id);

// Roles and scopes (security administrator).
Result<std::vector<domain::Role>> ListRoles(Services& s);
Result<std::vector<domain::Role>> RolesOfUser(Services& s, const RequestContext& ctx,
                                              std::int64_t user_id);
Result<std::vector<domain::UnitId>> ScopeUnitsOfUser(Services& s, const RequestContext& ctx,
                                                     std::int64_t user_id);
Status AssignRoles(Services& s, const RequestContext& ctx, std::int64_t user_id,
                   const std::vector<std::string>& role_codes,
                   const std::vector<domain::UnitId>& scope_units);
Result<domain::Role> SaveCustomRole(Services& s, const RequestContext& ctx, domain::Role role);

Result<domain::PasswordPolicy> GetPolicy(Services& s);
Result<domain::PasswordPolicy> UpdatePolicy(Services& s, const RequestContext& ctx,
                                            const domain::PasswordPolicy& policy);

// Audit log (audit administrator).
Result<domain::PageResult<domain::AuditRecord>> SearchAudit(Services& s, const RequestContext& ctx,
                                                            const domain::AuditFilter& filter);
Result<std::string> ExportAudit(Services& s, const RequestContext& ctx, domain::AuditFilter filter);

// Loads the caller for a user id (roles, permissions, scope). Shared by login and sessions.
Result<Principal> LoadPrincipal(domain::Tx& tx, const domain::User& user);

}  // namespace xiaoan::app
