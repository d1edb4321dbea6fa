// The second factor (TOTP), API tokens and signatures.
#include <algorithm>

#include "app/accounts/accounts.hpp"
#include "core/crypto.hpp"
#include "core/password.hpp"
#include "core/strings.hpp"
#include "domain/auth/totp.hpp"

namespace xiaoan::app {
namespace {

Error Unauthenticated(std::string message, std::string field) {
  return UnauthenticatedError(std::move(message), std::move(field));
}

constexpr std::string_view kTokenPrefix = "xa_";

}  // namespace

Result<TotpEnrollment> EnrollTotp(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePersonSession(ctx));
  TotpEnrollment out;
  out.secret = domain::Base32Encode(RandomBytes(20));  // 160 bits, as RFC 4226 recommends
  out.otpauth_uri = domain::TotpUri("校安 Xiaoan", ctx.principal->username, out.secret);
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto user, tx.users().FindById(ctx.principal->user_id));
    if (!user) return Unauthenticated("请先登录", "session");
    if (user->totp_enabled) {
      return FailedPrecondition("totp.enabled", "已启用动态验证码；如需更换请先停用");
    }
    XA_TRY(tx.users().SetTotp(user->id, out.secret, false));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "auth.totp_enroll", "user", user->username, "开始绑定动态验证码")));
    return {};
  }));
  return out;
}

Status ConfirmTotp(Services& s, const RequestContext& ctx, const std::string& code) {
  XA_TRY(RequirePersonSession(ctx));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto user, tx.users().FindById(ctx.principal->user_id));
    if (!user) return Unauthenticated("请先登录", "session");
    if (user->totp_enabled) return FailedPrecondition("totp.enabled", "已启用动态验证码");
    if (!user->totp_secret) return FailedPrecondition("totp.not_enrolled", "请先获取绑定二维码");
    const auto secret = domain::Base32Decode(*user->totp_secret);
    const auto step = secret ? domain::VerifyTotp(*secret, code, s.clock.Now(), 0) : std::nullopt;
    if (!step) return InvalidArgument("code", "动态验证码不正确");
    XA_TRY(tx.users().SetTotp(user->id, user->totp_secret, true));
    XA_TRY(tx.users().SetTotpLastStep(user->id, *step));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "auth.totp_enable", "user", user->username, "启用动态验证码")));
    return {};
  });
}

Status DisableTotp(Services& s, const RequestContext& ctx, const std::string& password) {
  XA_TRY(RequirePersonSession(ctx));
  // The password is checked before the write transaction (see VerifySigner).
  XA_ASSIGN_OR_RETURN(auto checked_hash,
                      CheckOwnPassword(s, ctx, password, "password", "密码不正确"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto policy, LoadPolicy(tx));
    if (policy.totp_required_for_admins != 0 && IsAdministrator(*ctx.principal)) {
      return FailedPrecondition("totp.required", "安全策略要求管理员使用动态验证码，不能停用");
    }
    XA_ASSIGN_OR_RETURN(auto user, tx.users().FindById(ctx.principal->user_id));
    if (!user) return Unauthenticated("请先登录", "session");
    if (user->password_hash != checked_hash) {
      return InvalidArgument("password", "密码已被修改，请重新输入");
    }
    XA_TRY(tx.users().SetTotp(user->id, std::nullopt, false));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "auth.totp_disable", "user", user->username, "停用动态验证码")));
    return {};
  });
}

Status ResetTotp(Services& s, const RequestContext& ctx, std::int64_t user_id) {
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto user, tx.users().FindById(user_id));
    if (!user || !ctx.Covers(user->unit_path)) return NotFound("用户不存在");
    if (ctx.principal && ctx.principal->user_id != user_id) {
      XA_ASSIGN_OR_RETURN(auto roles, tx.users().RolesOf(user_id));
      Principal target;
      target.roles = roles;
      if (IsAdministrator(target)) {
        return FailedPrecondition(
            "user.separation_of_duties",
            "不能重置其他管理员（三员）的动态验证码，请在服务器上用命令行处理");
      }
    }
    XA_TRY(tx.users().SetTotp(user_id, std::nullopt, false));
    XA_TRY(tx.users().EndSessionsOf(user_id, s.clock.Now()));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "user.totp_reset", "user", std::to_string(user_id),
                                     "清除 " + user->username + " 的动态验证码")));
    return {};
  });
}

Result<CreatedToken> CreateApiToken(Services& s, const RequestContext& ctx, const std::string& name,
                                    std::vector<std::string> permissions, int days) {
  XA_TRY(RequirePersonSession(ctx));
  if (name.empty() || name.size() > 100) return InvalidArgument("name", "名称不能为空");
  if (days < 1 || days > 365) return InvalidArgument("expires_in_days", "须在 1 到 365 之间");
  if (permissions.empty()) return InvalidArgument("permissions", "至少选择一项权限");
  std::sort(permissions.begin(), permissions.end());
  permissions.erase(std::unique(permissions.begin(), permissions.end()), permissions.end());
  for (std::size_t i = 0; i < permissions.size(); ++i) {
    if (!ctx.principal->Can(permissions[i])) {
      return InvalidArgument("permissions[" + std::to_string(i) + "]",
                             "您没有权限 " + permissions[i] + "，令牌不能超出本人权限");
    }
  }
  CreatedToken out;
  out.secret = std::string(kTokenPrefix) + RandomHex(24);
  auto& t = out.token;
  t.user_id = ctx.principal->user_id;
  t.name = name;
  t.token_hash = Sha256Hex(out.secret);
  t.permissions = permissions;
  t.created_at = s.Now();
  t.expires_at = FormatInstant(s.clock.Now() + std::chrono::days(days));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.users().InsertToken(t));
    std::string perms;
    for (const auto& p : permissions) perms += (perms.empty() ? "" : ",") + p;
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "auth.token_create", "api_token", std::to_string(t.id),
                                     "创建接口令牌 " + name + "，权限 [" + perms + "]，有效期 " +
                                         std::to_string(days) + " 天")));
    return {};
  }));
  return out;
}

Result<std::vector<domain::ApiToken>> ListApiTokens(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePersonSession(ctx));
  std::vector<domain::ApiToken> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.users().TokensOf(ctx.principal->user_id));
    return {};
  }));
  for (auto& t : out) t.token_hash.clear();
  return out;
}

Status RevokeApiToken(Services& s, const RequestContext& ctx, std::int64_t token_id) {
  XA_TRY(RequirePersonSession(ctx));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto changed,
                        tx.users().RevokeToken(ctx.principal->user_id, token_id, s.Now()));
    if (changed == 0) return NotFound("令牌不存在或已吊销");
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "auth.token_revoke", "api_token",
                                     std::to_string(token_id), "吊销接口令牌")));
    return {};
  });
}

Result<Principal> AuthenticateToken(Services& s, const std::string& token) {
  if (token.rfind(kTokenPrefix, 0) != 0 || token.size() != kTokenPrefix.size() + 48) {
    return Unauthenticated("接口令牌无效", "token");
  }
  const Instant now = s.clock.Now();
  Principal principal;
  std::optional<domain::ApiToken> found;
  std::optional<domain::User> user;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(found, tx.users().FindTokenByHash(Sha256Hex(token)));
    if (!found) return {};
    XA_ASSIGN_OR_RETURN(user, tx.users().FindById(found->user_id));
    if (user) {
      XA_ASSIGN_OR_RETURN(principal, LoadPrincipal(tx, *user));
    }
    return {};
  }));
  Instant expires{};
  if (!found || !user || found->revoked_at || !ParseInstant(found->expires_at, expires) ||
      expires <= now) {
    return Unauthenticated("接口令牌无效、已过期或已吊销", "token");
  }
  const auto gate = AccountGate(*user, now);
  if (!gate.allowed) return Unauthenticated(gate.message, gate.reason_code);
  // The token carries at most the permissions it was made with, and never more than the owner
  // holds today.
  std::set<std::string> allowed;
  for (const auto& p : found->permissions) {
    if (principal.permissions.count(p) > 0) allowed.insert(p);
  }
  principal.permissions = std::move(allowed);
  principal.token_id = found->id;
  const bool stale = !found->last_used_at ||
                     found->last_used_at->substr(0, 16) != FormatInstant(now).substr(0, 16);
  if (stale) {
    XA_TRY(s.store.Write(
        [&](domain::Tx& tx) { return tx.users().TouchToken(found->id, FormatInstant(now)); }));
  }
  return principal;
}

Result<VerifiedSigner> VerifySigner(Services& s, const RequestContext& ctx,
                                    const std::string& password, const std::string& totp) {
  XA_TRY(RequirePersonSession(ctx));
  if (password.empty() == totp.empty()) {
    return InvalidArgument("password", "请重新输入密码或动态验证码（二选一）以确认签字");
  }
  std::optional<domain::User> user;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(user, tx.users().FindById(ctx.principal->user_id));
    return {};
  }));
  if (!user) return Unauthenticated("请先登录", "session");
  VerifiedSigner out;
  out.user_id = user->id;
  out.password_hash = user->password_hash;
  if (!password.empty()) {
    if (!VerifyPassword(user->password_hash, password)) {
      return CountFailedVerification(s, user->id, "auth.verify", "签字密码错误", ctx.source,
                                     ctx.request_id,
                                     Unauthenticated("密码不正确，签字未生效", "password"));
    }
    out.method = "password";
    return out;
  }
  const auto secret = domain::Base32Decode(user->totp_secret.value_or(""));
  const auto step = user->totp_enabled && secret
                        ? domain::VerifyTotp(*secret, totp, s.clock.Now(), user->totp_last_step)
                        : std::nullopt;
  if (!step) {
    return CountFailedVerification(s, user->id, "auth.verify", "签字动态验证码错误", ctx.source,
                                   ctx.request_id,
                                   Unauthenticated("动态验证码不正确，签字未生效", "totp"));
  }
  out.method = "totp";
  out.totp_step = *step;
  return out;
}

Result<domain::Signature> SignInTx(Services& s, const RequestContext& ctx, domain::Tx& tx,
                                   const SignRequest& req, const VerifiedSigner& signer) {
  XA_TRY(RequirePersonSession(ctx));
  std::vector<ErrorDetail> problems;
  const std::pair<const char*, const std::string*> fields[] = {
      {"object_type", &req.object_type}, {"object_id", &req.object_id}, {"step", &req.step}};
  for (const auto& [name, value] : fields) {
    if (value->empty() || value->size() > 100)
      problems.push_back({name, "不能为空且不超过 100 个字符"});
  }
  if (req.content.empty() || req.content.size() > 1024 * 1024) {
    problems.push_back({"content", "签字内容不能为空且不超过 1 MB"});
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  XA_ASSIGN_OR_RETURN(auto user, tx.users().FindById(ctx.principal->user_id));
  if (!user || user->id != signer.user_id) return Unauthenticated("请先登录", "session");
  // What was checked before the transaction must still hold inside it.
  if (user->password_hash != signer.password_hash) {
    return Unauthenticated("密码已被修改，签字未生效，请重新签字", "password");
  }
  domain::Signature sig;
  sig.method = signer.method;
  if (signer.method == "totp") {
    if (signer.totp_step <= user->totp_last_step) {
      return Unauthenticated("动态验证码已使用过，签字未生效", "totp");
    }
    XA_TRY(tx.users().SetTotpLastStep(user->id, signer.totp_step));
  }
  sig.user_id = user->id;
  sig.username = user->username;
  sig.unit_id = user->unit_id;
  sig.object_type = req.object_type;
  sig.object_id = req.object_id;
  sig.step = req.step;
  sig.content_hash = s.store.audit_hash() == domain::AuditHash::kSm3 ? Sm3Hex(req.content)
                                                                     : Sha256Hex(req.content);
  sig.signed_at = s.Now();
  XA_ASSIGN_OR_RETURN(auto audit, tx.audit().Append(AuditOf(
                                      s, ctx, "signature.sign", req.object_type, req.object_id,
                                      "签字：" + req.step + "；内容摘要 " + sig.content_hash +
                                          "；方式 " + sig.method)));
  sig.audit_id = audit.id;
  XA_TRY(tx.users().InsertSignature(sig));
  return sig;
}

Result<domain::Signature> SignStep(Services& s, const RequestContext& ctx, const SignRequest& req) {
  XA_ASSIGN_OR_RETURN(auto signer, VerifySigner(s, ctx, req.password, req.totp));
  domain::Signature sig;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(sig, SignInTx(s, ctx, tx, req, signer));
    return {};
  }));
  return sig;
}

Result<std::vector<domain::Signature>> ListSignatures(Services& s, const RequestContext& ctx,
                                                      const std::string& object_type,
                                                      const std::string& object_id) {
  std::vector<domain::Signature> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.users().SignaturesOf(object_type, object_id, ctx.Scope()));
    return {};
  }));
  return out;
}

}  // namespace xiaoan::app
