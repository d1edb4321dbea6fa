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
  // Failed logins under names that are no account, counted by the accounts' own rule (in
  // memory), so that such a name answers `locked` after as many failures as a real account
  // would: neither the answers nor their timing tell which names exist. RecordUnknown returns
  // the state after this failure; UnknownState the state now.
  domain::FailureOutcome RecordUnknown(const std::string& name, Instant now,
                                       const domain::PasswordPolicy& policy);
  std::optional<Instant> UnknownLockedUntil(const std::string& name, Instant now);
  // Failed logins from one address under one name, account or not (domain::RecordPairFailure).
  domain::PairFailures RecordPair(const std::string& name, const std::string& address, Instant now,
                                  const domain::PasswordPolicy& policy);
  std::optional<Instant> PairLockedUntil(const std::string& name, const std::string& address,
                                         Instant now);
  void ForgetPair(const std::string& name, const std::string& address);
  // Lifts every lock held in memory under a name (an administrator unlocked the account).
  void Forget(const std::string& name);

 private:
  static std::string PairKey(const std::string& name, const std::string& address);
  std::mutex mu_;
  std::unordered_map<std::string, std::vector<Instant>> attempts_;
  std::unordered_map<std::string, domain::FailureOutcome> unknown_;
  std::unordered_map<std::string, domain::PairFailures> pairs_;
};

struct LoginResult {
  std::string session_token;  // to the client once, in a cookie
  Principal principal;
};

// totp: the second factor's code, required when the account has one.
Result<LoginResult> Login(Services& s, LoginThrottle& throttle, const std::string& username,
                          const std::string& password, const std::string& source,
                          const std::string& user_agent, const std::string& request_id,
                          const std::string& totp = {});
// Resolves a session token into the caller, enforcing idle and absolute expiry. With a cache,
// the session, user, roles and policy come from it while they are current (see AuthCache).
class AuthCache;
Result<Principal> Authenticate(Services& s, const std::string& session_token,
                               AuthCache* cache = nullptr);
// Resolves an API token ("xa_…") into its owner with the token's permissions.
Result<Principal> AuthenticateToken(Services& s, const std::string& token);
Status Logout(Services& s, const RequestContext& ctx);

// Second factor (TOTP): enrol (a new secret, not yet active), confirm with a code, disable.
struct TotpEnrollment {
  std::string secret;  // base32
  std::string otpauth_uri;
};
Result<TotpEnrollment> EnrollTotp(Services& s, const RequestContext& ctx);
Status ConfirmTotp(Services& s, const RequestContext& ctx, const std::string& code);
Status DisableTotp(Services& s, const RequestContext& ctx, const std::string& password);
// A system administrator clears another user's second factor (a lost phone).
Status ResetTotp(Services& s, const RequestContext& ctx, std::int64_t user_id);

// API tokens: created by a user for a subset of their permissions, shown once.
struct CreatedToken {
  domain::ApiToken token;
  std::string secret;  // "xa_…", shown once
};
Result<CreatedToken> CreateApiToken(Services& s, const RequestContext& ctx, const std::string& name,
                                    std::vector<std::string> permissions, int days);
Result<std::vector<domain::ApiToken>> ListApiTokens(Services& s, const RequestContext& ctx);
Status RevokeApiToken(Services& s, const RequestContext& ctx, std::int64_t token_id);

// Signatures (签字压责): the signer re-enters the password (or a TOTP code) and the signature
// covers the exact content signed.
struct SignRequest {
  std::string object_type;
  std::string object_id;
  std::string step;
  std::string content;
  std::string password;
  std::string totp;
};
Result<domain::Signature> SignStep(Services& s, const RequestContext& ctx, const SignRequest& req);
// The signer's password or TOTP code, checked before the write it authorises and outside any
// transaction: an Argon2id verification takes about 0.2 s, and on SQLite every other write of
// the district would wait behind a transaction that holds it. SignInTx then confirms inside the
// write that the password is still the one checked and that the TOTP step is still unused.
struct VerifiedSigner {
  std::int64_t user_id = 0;
  std::string password_hash;  // the stored hash the password was checked against
  std::string method;         // password | totp
  std::int64_t totp_step = 0;
};
// The signed-in user's own password checked outside any transaction; returns the stored hash it
// matched, which the write that follows compares with the one it reads (a refusal names `field`).
Result<std::string> CheckOwnPassword(Services& s, const RequestContext& ctx,
                                     const std::string& password, const std::string& field,
                                     const std::string& wrong);
Result<VerifiedSigner> VerifySigner(Services& s, const RequestContext& ctx,
                                    const std::string& password, const std::string& totp);
// Records the signature inside a caller's transaction, so a signed step and its record commit
// together; `signer` comes from VerifySigner for the same request.
Result<domain::Signature> SignInTx(Services& s, const RequestContext& ctx, domain::Tx& tx,
                                   const SignRequest& req, const VerifiedSigner& signer);
Result<std::vector<domain::Signature>> ListSignatures(Services& s, const RequestContext& ctx,
                                                      const std::string& object_type,
                                                      const std::string& object_id);
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

// Recovery from the server's command line (any account, including the three administrators):
// a new password that must be changed at next login, the lock and second factor cleared, and
// every session and API token ended.
Status RecoverAccount(Services& s, const RequestContext& ctx, const std::string& username,
                      const std::string& password);

// User administration (system administrator).
struct NewUser {
  std::string username;
  std::string display_name;
  domain::UnitId unit_id = 0;
  std::optional<std::string> expires_at;
  std::string mobile;  // '' or a mobile number (domain::IsMobileNumber)
};
struct CreatedUser {
  domain::User user;
  std::string initial_password;  // shown once
};
Result<domain::PageResult<domain::User>> ListUsers(Services& s, const RequestContext& ctx,
                                                   domain::UserFilter filter);
Result<domain::User> GetUser(Services& s, const RequestContext& ctx, std::int64_t id);
Result<CreatedUser> CreateUser(Services& s, const RequestContext& ctx, const NewUser& input);
// The checks of a new account that need no database: username, name, mobile, expiry.
Status CheckNewUser(const NewUser& input);
// Writes a checked account inside the caller's transaction (CreateUser, the import): the unit
// must be in the caller's scope and the username free. Audited as user.create.
Result<domain::User> InsertUserInTx(Services& s, const RequestContext& ctx, domain::Tx& tx,
                                    const NewUser& input, const std::string& password_hash);
// A person's own details, by the system administrator: display name and mobile (a masked
// mobile sent back unchanged keeps the stored one). Audited as user.update.
struct UserProfile {
  std::string display_name;
  std::string mobile;
};
Result<domain::User> UpdateUserProfile(Services& s, const RequestContext& ctx, std::int64_t id,
                                       const UserProfile& profile);
// status: active (also unlocks) | locked | disabled.
// Setting `active` also lifts the locks that failed logins left in the throttle, when given.
Result<domain::User> SetUserStatus(Services& s, const RequestContext& ctx, std::int64_t id,
                                   const std::string& status, LoginThrottle* throttle = nullptr);
// The security administrator lifts what failed logins locked — the account's timed lock and every
// address's lock under its name — for any account, an administrator's included. A lock set by an
// administrator (status `locked`) stays. Audited as user.unlock.
Result<domain::User> UnlockUser(Services& s, const RequestContext& ctx, LoginThrottle& throttle,
                                std::int64_t id);
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

// kUnauthenticated with the reason in details[0].field (session, credentials, locked, totp …).
Error UnauthenticatedError(std::string message, std::string field);
// A person's own login session: not the command line, not an API token (403 naming `token`).
// Changing one's password, the second factor and signing need one.
Status RequirePersonSession(const RequestContext& ctx);

// The daily clean-up of session and API token records that stopped working more than
// domain::kSessionRecordRetention ago; audited as session.purge when it deleted anything.
struct PurgeCounts {
  std::int64_t sessions = 0;
  std::int64_t tokens = 0;
};
Result<PurgeCounts> PurgeStaleSessions(Services& s, const RequestContext& ctx);
// Counts a wrong password or code of user_id towards the lockout as at login (audited as
// action, failed, with what), and returns the answer: 401 `locked` when this failure locked the
// account, else `answer`.
Error CountFailedVerification(Services& s, std::int64_t user_id, const std::string& action,
                              const std::string& what, const std::string& source,
                              const std::string& request_id, Error answer, int threshold = 0);
// Whether the account may be used now: status, a running lock, the account's expiry.
domain::LoginGate AccountGate(const domain::User& user, Instant now);

// One of the three administrators (三员).
bool IsAdministrator(const Principal& p);

// Loads the caller for a user id (roles, permissions, scope). Shared by login and sessions.
Result<Principal> LoadPrincipal(domain::Tx& tx, const domain::User& user);

}  // namespace xiaoan::app
