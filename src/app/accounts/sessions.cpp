#include <algorithm>

#include "app/accounts/accounts.hpp"
#include "app/accounts/auth_cache.hpp"
#include "core/crypto.hpp"
#include "core/password.hpp"
#include "core/strings.hpp"
#include "domain/auth/totp.hpp"

namespace xiaoan::app {
namespace {

std::optional<Instant> ParseOpt(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  Instant t;
  if (!ParseInstant(*text, t)) return std::nullopt;
  return t;
}

Error Unauthenticated(std::string message, std::string reason = "credentials") {
  return UnauthenticatedError(std::move(message), std::move(reason));
}

domain::AuditEntry LoginAudit(const Services& s, const std::string& actor,
                              std::optional<domain::UnitId> unit, std::string action,
                              std::string result, const std::string& source,
                              const std::string& request_id, std::string summary) {
  RequestContext ctx;
  ctx.actor = actor;
  ctx.unit_id = unit;
  ctx.source = source;
  ctx.request_id = request_id;
  auto e = AuditOf(s, ctx, std::move(action), "user", actor, std::move(summary));
  e.result = std::move(result);
  return e;
}

}  // namespace

Error UnauthenticatedError(std::string message, std::string field) {
  Error e{ErrorCode::kUnauthenticated, std::move(message), {}};
  e.details.push_back({std::move(field), e.message, 0});
  return e;
}

domain::LoginGate AccountGate(const domain::User& user, Instant now) {
  return domain::CheckAccount(user.status, ParseOpt(user.locked_until), ParseOpt(user.expires_at),
                              now);
}

domain::FailureOutcome LoginThrottle::RecordUnknown(const std::string& name, Instant now,
                                                    const domain::PasswordPolicy& policy) {
  std::lock_guard lock(mu_);
  if (unknown_.size() > 10000) {  // bound memory under a spray of names: keep running locks
    for (auto it = unknown_.begin(); it != unknown_.end();) {
      it = it->second.locked_until && *it->second.locked_until > now ? std::next(it)
                                                                     : unknown_.erase(it);
    }
  }
  auto& state = unknown_[name];
  state = domain::RecordFailure(state.failures, state.locked_until, now, policy,
                                domain::AccountLockoutThreshold(policy));
  return state;
}

std::optional<Instant> LoginThrottle::UnknownLockedUntil(const std::string& name, Instant now) {
  std::lock_guard lock(mu_);
  const auto it = unknown_.find(name);
  if (it == unknown_.end() || !it->second.locked_until || *it->second.locked_until <= now) {
    return std::nullopt;
  }
  return it->second.locked_until;
}

std::string LoginThrottle::PairKey(const std::string& name, const std::string& address) {
  return name + '\n' + address;
}

domain::PairFailures LoginThrottle::RecordPair(const std::string& name, const std::string& address,
                                               Instant now, const domain::PasswordPolicy& policy) {
  std::lock_guard lock(mu_);
  if (pairs_.size() > 10000) {  // bound memory under a spray: keep running locks
    for (auto it = pairs_.begin(); it != pairs_.end();) {
      it = domain::PairLocked(it->second, now) ? std::next(it) : pairs_.erase(it);
    }
  }
  auto& state = pairs_[PairKey(name, address)];
  state = domain::RecordPairFailure(state, now, policy);
  return state;
}

std::optional<Instant> LoginThrottle::PairLockedUntil(const std::string& name,
                                                      const std::string& address, Instant now) {
  std::lock_guard lock(mu_);
  const auto it = pairs_.find(PairKey(name, address));
  if (it == pairs_.end() || !domain::PairLocked(it->second, now)) return std::nullopt;
  return it->second.locked_until;
}

void LoginThrottle::ForgetPair(const std::string& name, const std::string& address) {
  std::lock_guard lock(mu_);
  pairs_.erase(PairKey(name, address));
}

void LoginThrottle::Forget(const std::string& name) {
  std::lock_guard lock(mu_);
  unknown_.erase(name);
  const std::string prefix = name + '\n';
  for (auto it = pairs_.begin(); it != pairs_.end();) {
    it = it->first.starts_with(prefix) ? pairs_.erase(it) : std::next(it);
  }
}

bool LoginThrottle::Allow(const std::string& address, Instant now, int per_minute) {
  std::lock_guard lock(mu_);
  if (attempts_.size() > 10000) attempts_.clear();  // bound memory under a spray of addresses
  auto& list = attempts_[address];
  const auto cutoff = now - std::chrono::minutes(1);
  list.erase(std::remove_if(list.begin(), list.end(), [&](Instant t) { return t < cutoff; }),
             list.end());
  if (static_cast<int>(list.size()) >= per_minute) return false;
  list.push_back(now);
  return true;
}

Result<domain::PasswordPolicy> LoadPolicy(domain::Tx& tx) {
  domain::PasswordPolicy p;
  XA_ASSIGN_OR_RETURN(auto settings, tx.users().PolicySettings());
  for (const auto& [key, value] : settings) {
    const int v = static_cast<int>(ParseInt(value).value_or(-1));
    if (v < 0) continue;
    if (key == "min_length") p.min_length = v;
    if (key == "min_classes") p.min_classes = v;
    if (key == "history") p.history = v;
    if (key == "max_age_days") p.max_age_days = v;
    if (key == "lockout_threshold") p.lockout_threshold = v;
    if (key == "lockout_minutes") p.lockout_minutes = v;
    if (key == "idle_minutes") p.idle_minutes = v;
    if (key == "absolute_hours") p.absolute_hours = v;
    if (key == "address_attempts_per_minute") p.address_attempts_per_minute = v;
    if (key == "totp_required_for_admins") p.totp_required_for_admins = v;
  }
  return p;
}

Result<Principal> LoadPrincipal(domain::Tx& tx, const domain::User& user) {
  Principal p;
  p.user_id = user.id;
  p.username = user.username;
  p.display_name = user.display_name;
  p.unit_id = user.unit_id;
  p.unit_name = user.unit_name;
  p.unit_path = user.unit_path;
  p.unit_kind = user.unit_kind;
  XA_ASSIGN_OR_RETURN(p.roles, tx.users().RolesOf(user.id));
  std::vector<std::string> custom_paths;
  bool custom_loaded = false;
  bool first = true;
  p.scope = domain::DataScope{domain::ScopeKind::kOwnUnit, {}};
  for (const auto& role : p.roles) {
    for (const auto& perm : role.permissions) p.permissions.insert(perm);
    domain::DataScope scope{role.scope, {}};
    if (role.scope == domain::ScopeKind::kCustom) {
      if (!custom_loaded) {
        XA_ASSIGN_OR_RETURN(auto ids, tx.users().ScopeUnitsOf(user.id));
        for (auto id : ids) {
          XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(id));
          if (unit) custom_paths.push_back(unit->path);
        }
        custom_loaded = true;
      }
      scope.paths = custom_paths.empty() ? std::vector<std::string>{user.unit_path} : custom_paths;
    } else if (role.scope != domain::ScopeKind::kAll) {
      scope.paths = {user.unit_path};
    }
    p.scope = first ? scope : domain::DataScope::Union(p.scope, scope);
    first = false;
  }
  if (first) p.scope.paths = {user.unit_path};  // no roles: own unit, and no permissions
  return p;
}

bool IsAdministrator(const Principal& p) {
  for (const auto& r : p.roles) {
    const auto* builtin = domain::FindBuiltinRole(r.code);
    if (builtin != nullptr && builtin->administrator) return true;
  }
  // A custom role that allows what only an administrator may do makes one too.
  return domain::HoldsAdministratorPermission(p.permissions);
}

// The answer when failed verifications have just locked an account (or a name that is none).
static Error LockedAnswer(int minutes) {
  return Unauthenticated("验证失败次数过多，账号已锁定 " + std::to_string(minutes) + " 分钟",
                         "locked");
}

// The answer while one address may not try a name (the account stays open elsewhere).
static Error PairLockedAnswer(Instant until, Instant now) {
  const auto minutes = std::chrono::ceil<std::chrono::minutes>(until - now).count();
  return Unauthenticated("此账号在本地址登录失败次数过多，请 " + std::to_string(minutes) +
                             " 分钟后再试，或请安全管理员解锁",
                         "locked");
}

Status RequirePersonSession(const RequestContext& ctx) {
  if (!ctx.principal || ctx.principal->user_id == 0) return Unauthenticated("请先登录", "session");
  if (ctx.principal->token_id != 0) {
    return Error{ErrorCode::kPermissionDenied,
                 "此操作须由本人登录后进行，不能使用接口令牌",
                 {{"token", "接口令牌不能执行此操作", 0}}};
  }
  return {};
}

Error CountFailedVerification(Services& s, std::int64_t user_id, const std::string& action,
                              const std::string& what, const std::string& source,
                              const std::string& request_id, Error answer, int threshold) {
  const Instant now = s.clock.Now();
  std::optional<Instant> locked;
  int minutes = 0;
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto policy, LoadPolicy(tx));
    minutes = policy.lockout_minutes;
    // Re-read inside the write transaction so concurrent failures all count.
    XA_ASSIGN_OR_RETURN(auto fresh, tx.users().FindById(user_id));
    if (!fresh) return {};
    const auto counted = domain::RecordFailure(fresh->failed_logins, ParseOpt(fresh->locked_until),
                                               now, policy, threshold);
    fresh->failed_logins = counted.failures;
    fresh->locked_until.reset();
    if (counted.locked_until) fresh->locked_until = FormatInstant(*counted.locked_until);
    locked = counted.locked_until;
    fresh->updated_at = FormatInstant(now);
    XA_TRY(tx.users().UpdateSecurity(*fresh));
    XA_TRY(tx.audit().Append(
        LoginAudit(s, fresh->username, fresh->unit_id, action, "failed", source, request_id,
                   what + "（第 " + std::to_string(counted.failures) + " 次）")));
    if (counted.locked_until) {
      XA_TRY(tx.audit().Append(
          LoginAudit(s, fresh->username, fresh->unit_id, "auth.lock", "ok", source, request_id,
                     "连续 " + std::to_string(counted.failures) + " 次验证失败，锁定 " +
                         std::to_string(policy.lockout_minutes) + " 分钟")));
    }
    return {};
  });
  if (!st.ok()) return std::move(st).error();
  if (locked) {
    return LockedAnswer(minutes);
  }
  return answer;
}

Result<LoginResult> Login(Services& s, LoginThrottle& throttle, const std::string& username,
                          const std::string& password, const std::string& source,
                          const std::string& user_agent, const std::string& request_id,
                          const std::string& totp) {
  const Instant now = s.clock.Now();
  std::optional<domain::User> user;
  domain::PasswordPolicy policy;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(policy, LoadPolicy(tx));
    XA_ASSIGN_OR_RETURN(user, tx.users().FindByUsername(username));
    return {};
  }));
  if (!throttle.Allow(source, now, policy.address_attempts_per_minute)) {
    return Unauthenticated("登录尝试过于频繁，请一分钟后再试", "rate_limited");
  }
  const std::string attempted = username.substr(0, 64);
  const std::optional<domain::UnitId> unit =
      user ? std::optional<domain::UnitId>(user->unit_id) : std::nullopt;
  // One address that keeps failing under a name is stopped first, whether the name is an
  // account or not, and answered without checking the password.
  if (const auto until = throttle.PairLockedUntil(attempted, source, now)) {
    XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
      XA_TRY(tx.audit().Append(LoginAudit(s, attempted, unit, "auth.login", "denied", source,
                                          request_id, "本地址已暂停登录此账号")));
      return {};
    }));
    return PairLockedAnswer(*until, now);
  }
  // After a failure: the pair's count, and the answer when it has just locked the pair.
  auto count_pair = [&](Error answer) -> Error {
    const auto pair = throttle.RecordPair(attempted, source, now, policy);
    if (pair.locked_until && *pair.locked_until > now && answer.details.size() == 1 &&
        answer.details[0].field != "locked") {
      const auto minutes =
          std::chrono::ceil<std::chrono::minutes>(*pair.locked_until - now).count();
      (void)s.store.Write([&](domain::Tx& tx) -> Status {
        XA_TRY(tx.audit().Append(
            LoginAudit(s, attempted, unit, "auth.lock", "ok", source, request_id,
                       "本地址连续 " + std::to_string(pair.failures) +
                           " 次登录失败，暂停本地址登录 " + std::to_string(minutes) + " 分钟")));
        return {};
      });
      return PairLockedAnswer(*pair.locked_until, now);
    }
    // A wrong name or password says how many tries this address has before the pause, the same
    // for a name that is no account (the count is the pair's, kept for both).
    if (answer.details.size() == 1 && answer.details[0].field == "credentials") {
      const int left = policy.lockout_threshold - pair.failures;
      if (left > 0) answer.message += "，本地址还可尝试 " + std::to_string(left) + " 次";
    }
    return answer;
  };
  if (!user) {
    // The same answers as for an account, after the same work: a running lock is answered at
    // once, as for a locked account; otherwise one password verification (against a hash made
    // once), one audited failure, and `locked` when the failures reach the threshold.
    if (const auto until = throttle.UnknownLockedUntil(attempted, now)) {
      const auto gate = domain::CheckAccount("active", until, std::nullopt, now);
      XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
        XA_TRY(tx.audit().Append(LoginAudit(s, attempted, std::nullopt, "auth.login", "denied",
                                            source, request_id, "用户名不存在（已锁定）")));
        return {};
      }));
      return Unauthenticated(gate.message, gate.reason_code);
    }
    static const std::string kNoAccountHash = HashPassword(RandomHex(16));
    (void)VerifyPassword(kNoAccountHash, password);
    const auto counted = throttle.RecordUnknown(attempted, now, policy);
    XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
      XA_TRY(tx.audit().Append(
          LoginAudit(s, attempted, std::nullopt, "auth.login", "failed", source, request_id,
                     "用户名不存在（第 " + std::to_string(counted.failures) + " 次）")));
      return {};
    }));
    if (counted.locked_until) {
      return count_pair(LockedAnswer(policy.lockout_minutes));
    }
    return count_pair(Unauthenticated("用户名或密码错误"));
  }
  const auto gate = AccountGate(*user, now);
  if (!gate.allowed) {
    XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
      XA_TRY(tx.audit().Append(LoginAudit(s, user->username, user->unit_id, "auth.login", "denied",
                                          source, request_id, "账号状态：" + gate.reason_code)));
      return {};
    }));
    return Unauthenticated(gate.message, gate.reason_code);
  }
  // A wrong password or second-factor code counts towards the lock.
  auto fail = [&](const std::string& what, const std::string& message,
                  const std::string& field) -> Error {
    return count_pair(CountFailedVerification(s, user->id, "auth.login", what, source, request_id,
                                              Unauthenticated(message, field),
                                              domain::AccountLockoutThreshold(policy)));
  };
  if (!VerifyPassword(user->password_hash, password)) {
    return fail("密码错误", "用户名或密码错误", "credentials");
  }
  std::optional<std::int64_t> totp_step;
  if (user->totp_enabled) {
    // The password was right: asking for the code reveals nothing and costs no attempt.
    if (totp.empty()) return Unauthenticated("请输入动态验证码", "totp_required");
    const auto secret = domain::Base32Decode(user->totp_secret.value_or(""));
    totp_step =
        secret ? domain::VerifyTotp(*secret, totp, now, user->totp_last_step) : std::nullopt;
    if (!totp_step) return fail("动态验证码错误", "动态验证码错误或已使用", "totp_invalid");
  }
  throttle.ForgetPair(attempted, source);
  LoginResult result;
  result.session_token = RandomHex(32);
  domain::Session session;
  session.id_hash = Sha256Hex(result.session_token);
  session.user_id = user->id;
  session.csrf_token = RandomHex(16);
  session.created_at = session.last_seen_at = now;
  session.source = source;
  session.user_agent = StorableText(user_agent, 200);
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    user->failed_logins = 0;
    user->locked_until.reset();
    user->last_login_at = FormatInstant(now);
    user->updated_at = FormatInstant(now);
    XA_TRY(tx.users().UpdateSecurity(*user));
    if (totp_step) XA_TRY(tx.users().SetTotpLastStep(user->id, *totp_step));
    XA_TRY(tx.users().InsertSession(session));
    XA_TRY(tx.audit().Append(LoginAudit(s, user->username, user->unit_id, "auth.login", "ok",
                                        source, request_id, "登录成功")));
    XA_ASSIGN_OR_RETURN(result.principal, LoadPrincipal(tx, *user));
    return {};
  }));
  Instant changed{};
  const bool expired = ParseInstant(user->password_changed_at, changed) &&
                       domain::PasswordExpired(changed, now, policy);
  result.principal.must_change_password = user->must_change_password || expired;
  result.principal.must_enroll_totp = policy.totp_required_for_admins != 0 && !user->totp_enabled &&
                                      IsAdministrator(result.principal);
  result.principal.session_hash = session.id_hash;
  result.principal.csrf_token = session.csrf_token;
  return result;
}

Result<Principal> Authenticate(Services& s, const std::string& session_token, AuthCache* cache) {
  if (session_token.size() != 64) return Unauthenticated("请先登录", "session");
  const std::string hash = Sha256Hex(session_token);
  const Instant now = s.clock.Now();
  std::optional<domain::Session> session;
  std::optional<domain::User> user;
  Principal principal;
  domain::PasswordPolicy policy;
  domain::SessionState state = domain::SessionState::kActive;
  // The epoch is read before the records, so that a change committed meanwhile makes this entry
  // stale rather than letting it hide the change.
  const std::uint64_t epoch = s.store.access_epoch();
  std::shared_ptr<const AuthCache::Entry> cached;
  if (cache != nullptr) cached = cache->Find(hash, epoch);
  if (cached) {
    session = cached->session;
    user = cached->user;
    policy = cached->policy;
    principal = cached->principal;
    state = domain::EvaluateSession(*session, now, policy);
  } else {
    XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
      XA_ASSIGN_OR_RETURN(session, tx.users().FindSession(hash));
      if (!session) return {};
      XA_ASSIGN_OR_RETURN(policy, LoadPolicy(tx));
      state = domain::EvaluateSession(*session, now, policy);
      if (state != domain::SessionState::kActive) return {};
      XA_ASSIGN_OR_RETURN(user, tx.users().FindById(session->user_id));
      if (!user) return {};
      XA_ASSIGN_OR_RETURN(principal, LoadPrincipal(tx, *user));
      return {};
    }));
    if (cache != nullptr && session && user && state == domain::SessionState::kActive) {
      cache->Put(hash, {*session, *user, policy, principal, epoch, {}});
    }
  }
  if (!session) return Unauthenticated("请先登录", "session");
  if (state != domain::SessionState::kActive) {
    if (cache != nullptr) cache->Forget(hash);
    if (state != domain::SessionState::kEnded) {
      XA_TRY(s.store.Write([&](domain::Tx& tx) { return tx.users().EndSession(hash, now); }));
    }
    return Unauthenticated(
        state == domain::SessionState::kEnded ? "会话已结束，请重新登录" : "会话已过期，请重新登录",
        "session_expired");
  }
  if (!user) return Unauthenticated("请先登录", "session");
  const auto gate = AccountGate(*user, now);
  if (!gate.allowed) return Unauthenticated(gate.message, gate.reason_code);
  // Writing last_seen on every request would serialise readers on SQLite (see
  // SessionTouchInterval).
  if (now - session->last_seen_at >= domain::SessionTouchInterval(policy)) {
    XA_TRY(s.store.Write([&](domain::Tx& tx) { return tx.users().TouchSession(hash, now); }));
    if (cache != nullptr) cache->Touched(hash, now);
  }
  Instant changed{};
  const bool expired = ParseInstant(user->password_changed_at, changed) &&
                       domain::PasswordExpired(changed, now, policy);
  principal.must_change_password = user->must_change_password || expired;
  principal.must_enroll_totp =
      policy.totp_required_for_admins != 0 && !user->totp_enabled && IsAdministrator(principal);
  principal.session_hash = hash;
  principal.csrf_token = session->csrf_token;
  return principal;
}

Status Logout(Services& s, const RequestContext& ctx) {
  if (!ctx.principal) return Unauthenticated("请先登录", "session");
  const auto& p = *ctx.principal;
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.users().EndSession(p.session_hash, s.clock.Now()));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "auth.logout", "user", p.username, "退出登录")));
    return {};
  });
}

Result<std::string> CheckOwnPassword(Services& s, const RequestContext& ctx,
                                     const std::string& password, const std::string& field,
                                     const std::string& wrong) {
  XA_TRY(RequirePersonSession(ctx));
  std::optional<domain::User> user;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(user, tx.users().FindById(ctx.principal->user_id));
    return {};
  }));
  if (!user) return Unauthenticated("请先登录", "session");
  if (!VerifyPassword(user->password_hash, password)) {
    // A guess here counts like one at login: an open session is no licence to keep guessing.
    return CountFailedVerification(s, user->id, "auth.verify", "密码错误（" + field + "）",
                                   ctx.source, ctx.request_id, InvalidArgument(field, wrong));
  }
  return user->password_hash;
}

Status ChangePassword(Services& s, const RequestContext& ctx, const std::string& old_password,
                      const std::string& new_password) {
  XA_TRY(RequirePersonSession(ctx));
  const auto& p = *ctx.principal;
  // Every hash and verification runs before the write transaction: the old password, the new
  // one against the history, and the new hash (each about 0.2 s).
  XA_ASSIGN_OR_RETURN(auto checked_hash,
                      CheckOwnPassword(s, ctx, old_password, "old_password", "原密码不正确"));
  domain::PasswordPolicy policy;
  std::vector<std::string> history;
  std::string username;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(policy, LoadPolicy(tx));
    XA_ASSIGN_OR_RETURN(auto user, tx.users().FindById(p.user_id));
    if (!user) return Unauthenticated("请先登录", "session");
    username = user->username;
    XA_ASSIGN_OR_RETURN(history, tx.users().PasswordHistory(user->id, policy.history));
    return {};
  }));
  auto problems = domain::CheckPasswordStrength(policy, new_password, username);
  if (!problems.empty()) {
    for (auto& d : problems) d.field = "new_password";
    return domain::ValidationError(std::move(problems));
  }
  for (const auto& old_hash : history) {
    if (VerifyPassword(old_hash, new_password)) {
      return InvalidArgument(
          "new_password", "不能与最近 " + std::to_string(policy.history) + " 次使用过的密码相同");
    }
  }
  const std::string new_hash = HashPassword(new_password);
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto user, tx.users().FindById(p.user_id));
    if (!user) return Unauthenticated("请先登录", "session");
    if (user->password_hash != checked_hash) {
      return InvalidArgument("old_password", "密码已被修改，请重新输入");
    }
    const std::string now = s.Now();
    XA_TRY(tx.users().UpdatePassword(user->id, new_hash, now, false));
    // Whoever else held a session with the old password is signed out.
    XA_ASSIGN_OR_RETURN(auto sessions, tx.users().ActiveSessionsOf(user->id));
    for (const auto& other : sessions) {
      if (other.id_hash != p.session_hash)
        XA_TRY(tx.users().EndSession(other.id_hash, s.clock.Now()));
    }
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "auth.password_change", "user", user->username, "修改密码")));
    return {};
  });
}

Result<std::vector<SessionInfo>> ListMySessions(Services& s, const RequestContext& ctx) {
  if (!ctx.principal) return Unauthenticated("请先登录", "session");
  std::vector<SessionInfo> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto policy, LoadPolicy(tx));
    XA_ASSIGN_OR_RETURN(auto sessions, tx.users().ActiveSessionsOf(ctx.principal->user_id));
    const Instant now = s.clock.Now();
    for (const auto& session : sessions) {
      if (domain::EvaluateSession(session, now, policy) != domain::SessionState::kActive) continue;
      out.push_back({session.id_hash.substr(0, 16), FormatInstant(session.created_at),
                     FormatInstant(session.last_seen_at), session.source, session.user_agent,
                     session.id_hash == ctx.principal->session_hash});
    }
    return {};
  }));
  return out;
}

Status EndMySession(Services& s, const RequestContext& ctx, const std::string& handle) {
  if (!ctx.principal) return Unauthenticated("请先登录", "session");
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto sessions, tx.users().ActiveSessionsOf(ctx.principal->user_id));
    for (const auto& session : sessions) {
      if (handle.size() == 16 && session.id_hash.rfind(handle, 0) == 0) {
        XA_TRY(tx.users().EndSession(session.id_hash, s.clock.Now()));
        XA_TRY(tx.audit().Append(
            AuditOf(s, ctx, "auth.session_end", "session", handle, "结束会话 " + handle)));
        return {};
      }
    }
    return NotFound("会话不存在");
  });
}

}  // namespace xiaoan::app

namespace xiaoan::app {

Result<PurgeCounts> PurgeStaleSessions(Services& s, const RequestContext& ctx) {
  PurgeCounts counts;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto policy, LoadPolicy(tx));
    const auto purge = domain::SessionPurgeAt(s.clock.Now(), policy);
    XA_ASSIGN_OR_RETURN(counts.sessions, tx.users().PurgeSessions(purge));
    XA_ASSIGN_OR_RETURN(counts.tokens, tx.users().PurgeTokens(purge));
    if (counts.sessions == 0 && counts.tokens == 0) return {};
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "session.purge", "sessions", "",
                "清理停止生效超过 " + std::to_string(domain::kSessionRecordRetention.count() / 24) +
                    " 天的会话记录 " + std::to_string(counts.sessions) + " 条、接口令牌 " +
                    std::to_string(counts.tokens) + " 个")));
    return {};
  }));
  return counts;
}

}  // namespace xiaoan::app
