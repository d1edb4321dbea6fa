#include <algorithm>

#include "app/accounts/accounts.hpp"
#include "app/platform/platform.hpp"
#include "core/password.hpp"
#include "domain/platform/personal_info.hpp"
#include "office/table.hpp"

namespace xiaoan::app {
namespace {

Status CheckUsername(const std::string& username) {
  if (username.size() < 3 || username.size() > 32) {
    return InvalidArgument("username", "用户名长度须为 3 到 32 个字符");
  }
  for (char c : username) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
      return InvalidArgument("username", "用户名只能包含小写字母、数字、_ . -");
    }
  }
  return {};
}

// A user is visible to an administrator when the user's unit is in the administrator's scope.
Result<domain::User> FindVisibleUser(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto user, tx.users().FindById(id));
  if (!user || !ctx.Covers(user->unit_path)) return NotFound("用户不存在");
  return *user;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

// A reset password or a locked account also ends every way in: sessions and API tokens.
Status EndAccessOf(domain::Tx& tx, std::int64_t user_id, Instant now) {
  XA_TRY(tx.users().EndSessionsOf(user_id, now));
  XA_ASSIGN_OR_RETURN(auto tokens, tx.users().TokensOf(user_id));
  for (const auto& t : tokens) {
    if (!t.revoked_at) XA_TRY(tx.users().RevokeToken(user_id, t.id, FormatInstant(now)));
  }
  return {};
}

// 三员: one administrator may not take over another's account (by resetting its password, locking
// it or changing its name and mobile); such accounts are managed from the command line on the
// server. `refused` says what was refused, in the message after 不能.
Status CheckNotAnotherAdministrator(domain::Tx& tx, const RequestContext& ctx, std::int64_t id,
                                    std::string_view refused) {
  if (!ctx.principal || ctx.principal->user_id == id) return {};
  XA_ASSIGN_OR_RETURN(auto roles, tx.users().RolesOf(id));
  for (const auto& r : roles) {
    const auto* builtin = domain::FindBuiltinRole(r.code);
    // An administrator by role or by what a custom role allows.
    if ((builtin != nullptr && builtin->administrator) ||
        !domain::AdminAreasOf(r.permissions).empty()) {
      return FailedPrecondition(
          "user.separation_of_duties",
          "不能" + std::string(refused) + "，请在服务器上用 xiaoan recover-account 处理");
    }
  }
  return {};
}

}  // namespace

Status EnsureBuiltinRoles(Services& s) {
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto existing, tx.users().ListRoles());
    for (const auto& builtin : domain::BuiltinRoles()) {
      domain::Role role;
      role.code = std::string(builtin.code);
      role.name = std::string(builtin.name);
      role.scope = builtin.scope;
      role.builtin = true;
      role.permissions = builtin.permissions;
      std::sort(role.permissions.begin(), role.permissions.end());
      bool same = false;
      for (const auto& e : existing) {
        if (e.code == role.code) {
          auto perms = e.permissions;
          std::sort(perms.begin(), perms.end());
          same = e.name == role.name && e.scope == role.scope && perms == role.permissions;
        }
      }
      if (!same) XA_TRY(tx.users().UpsertRole(role, s.Now()));
    }
    return {};
  });
}

Result<domain::User> CreateAdmin(Services& s, const RequestContext& ctx,
                                 const std::string& username, const std::string& password,
                                 std::optional<domain::UnitId> unit, const std::string& role_code) {
  const auto* builtin = domain::FindBuiltinRole(role_code);
  if (builtin == nullptr || !builtin->administrator) {
    return InvalidArgument("role", "须为 system_admin、security_admin 或 audit_admin");
  }
  if (username.size() < 3 || username.size() > 32) {
    return InvalidArgument("username", "用户名长度须为 3 到 32 个字符");
  }
  for (char c : username) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
      return InvalidArgument("username", "用户名只能包含小写字母、数字、_ . -");
    }
  }
  domain::User user;
  // Hashed before the write transaction, which must not wait on it (about 0.2 s).
  const std::string password_hash = HashPassword(password);
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto policy, LoadPolicy(tx));
    if (auto problems = domain::CheckPasswordStrength(policy, password, username);
        !problems.empty()) {
      return domain::ValidationError(std::move(problems));
    }
    XA_ASSIGN_OR_RETURN(auto existing, tx.users().FindByUsername(username));
    if (existing) return AlreadyExists("用户名 " + username + " 已存在", "username");
    domain::UnitId unit_id = 0;
    if (unit) {
      XA_ASSIGN_OR_RETURN(auto u, tx.org().FindUnit(*unit));
      if (!u) return InvalidArgument("unit", "单位不存在");
      unit_id = u->id;
    } else {
      domain::UnitFilter f;
      f.kind = "bureau";
      f.page.page_size = 1;
      XA_ASSIGN_OR_RETURN(auto bureaus, tx.org().ListUnits(f));
      if (bureaus.items.empty()) {
        return FailedPrecondition("admin.unit",
                                  "还没有任何教育局：请先建立组织架构或用 --unit 指定单位");
      }
      unit_id = bureaus.items[0].id;
    }
    user.unit_id = unit_id;
    user.username = username;
    user.display_name = username;
    user.password_hash = password_hash;
    user.must_change_password = true;
    user.created_at = user.updated_at = user.password_changed_at = s.Now();
    XA_TRY(tx.users().Insert(user));
    XA_ASSIGN_OR_RETURN(auto role, tx.users().FindRole(role_code));
    if (!role) return Internal("built-in role missing: " + role_code);
    XA_TRY(tx.users().SetRoles(user.id, {role->id}));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "user.create_admin", "user", std::to_string(user.id),
                                     "创建管理员 " + username + "（" + role_code + "）")));
    return {};
  }));
  user.password_hash.clear();
  return user;
}

Status RecoverAccount(Services& s, const RequestContext& ctx, const std::string& username,
                      const std::string& password) {
  if (ctx.principal) {
    return Error{ErrorCode::kPermissionDenied, "只能在服务器上用命令行恢复账号", {}};
  }
  const std::string password_hash = HashPassword(password);  // outside the transaction
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto policy, LoadPolicy(tx));
    XA_ASSIGN_OR_RETURN(auto user, tx.users().FindByUsername(username));
    if (!user) return NotFound("用户 " + username + " 不存在");
    if (auto problems = domain::CheckPasswordStrength(policy, password, username);
        !problems.empty()) {
      return domain::ValidationError(std::move(problems));
    }
    XA_TRY(tx.users().UpdatePassword(user->id, password_hash, s.Now(), true));
    user->status = "active";
    user->failed_logins = 0;
    user->locked_until.reset();
    user->updated_at = s.Now();
    XA_TRY(tx.users().UpdateSecurity(*user));
    XA_TRY(tx.users().SetTotp(user->id, std::nullopt, false));
    XA_TRY(EndAccessOf(tx, user->id, s.clock.Now()));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "user.recover", "user", std::to_string(user->id),
                "命令行恢复账号 " + username + "：重置密码、解锁、清除动态验证码")));
    return {};
  });
}

Result<domain::PageResult<domain::User>> ListUsers(Services& s, const RequestContext& ctx,
                                                   domain::UserFilter filter) {
  if (filter.page.page < 1 || filter.page.page_size < 1 || filter.page.page_size > 500) {
    return InvalidArgument("page_size", "须在 1 到 500 之间");
  }
  if (!filter.page.sort.empty() && filter.page.sort != "username" &&
      filter.page.sort != "-username" && filter.page.sort != "created_at" &&
      filter.page.sort != "-created_at") {
    return InvalidArgument("sort", "只能按以下字段排序：username, created_at");
  }
  filter.scope = ctx.Scope();
  domain::PageResult<domain::User> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.users().List(filter));
    return {};
  }));
  for (auto& u : out.items) {
    u.password_hash.clear();
    if (s.mask_personal_fields) u.mobile = domain::MaskPhone(u.mobile);
  }
  return out;
}

Result<domain::User> GetUser(Services& s, const RequestContext& ctx, std::int64_t id) {
  domain::User user;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(user, FindVisibleUser(tx, ctx, id));
    return {};
  }));
  user.password_hash.clear();
  return user;
}

Status CheckNewUser(const NewUser& input) {
  XA_TRY(CheckUsername(input.username));
  if (input.display_name.empty() || input.display_name.size() > 150) {
    return InvalidArgument("display_name", "姓名不能为空且不超过 50 个字");
  }
  if (!input.mobile.empty() && !domain::IsMobileNumber(input.mobile)) {
    return InvalidArgument("mobile", "手机号须为 11 位数字，以 1 开头");
  }
  if (input.expires_at) {
    Instant t;
    if (!ParseInstant(*input.expires_at, t)) {
      return InvalidArgument("expires_at", "须为 UTC 时间，如 2027-01-01T00:00:00.000Z");
    }
  }
  return {};
}

Result<domain::User> InsertUserInTx(Services& s, const RequestContext& ctx, domain::Tx& tx,
                                    const NewUser& input, const std::string& password_hash) {
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(input.unit_id));
  if (!unit || !ctx.Covers(unit->path)) return InvalidArgument("unit_id", "单位不存在");
  XA_ASSIGN_OR_RETURN(auto existing, tx.users().FindByUsername(input.username));
  if (existing) return AlreadyExists("用户名 " + input.username + " 已存在", "username");
  domain::User u;
  u.unit_id = unit->id;
  u.username = input.username;
  u.display_name = input.display_name;
  u.mobile = input.mobile;
  u.password_hash = password_hash;
  u.must_change_password = true;
  u.expires_at = input.expires_at;
  u.created_at = u.updated_at = u.password_changed_at = s.Now();
  XA_TRY(tx.users().Insert(u));
  XA_TRY(tx.audit().Append(AuditOf(s, ctx, "user.create", "user", std::to_string(u.id),
                                   "新增用户 " + u.username + "（" + unit->name + "）")));
  XA_ASSIGN_OR_RETURN(auto stored, tx.users().FindById(u.id));
  if (stored) u = *stored;
  u.password_hash.clear();
  return u;
}

Result<CreatedUser> CreateUser(Services& s, const RequestContext& ctx, const NewUser& input) {
  XA_TRY(CheckNewUser(input));
  CreatedUser out;
  out.initial_password = GeneratePassword(16);
  const std::string password_hash = HashPassword(out.initial_password);  // outside the transaction
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out.user, InsertUserInTx(s, ctx, tx, input, password_hash));
    return {};
  }));
  return out;
}

Result<domain::User> UpdateUserProfile(Services& s, const RequestContext& ctx, std::int64_t id,
                                       const UserProfile& profile) {
  if (profile.display_name.empty() || profile.display_name.size() > 150) {
    return InvalidArgument("display_name", "姓名不能为空且不超过 50 个字");
  }
  domain::User user;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(user, FindVisibleUser(tx, ctx, id));
    XA_TRY(CheckNotAnotherAdministrator(tx, ctx, id, "修改其他管理员（三员）的姓名和手机号"));
    const std::string mobile =
        domain::KeepUnlessMasked(profile.mobile, user.mobile, domain::MaskPhone);
    if (!mobile.empty() && !domain::IsMobileNumber(mobile)) {
      return InvalidArgument("mobile", "手机号须为 11 位数字，以 1 开头");
    }
    std::string changed;
    if (user.display_name != profile.display_name) {
      changed += "姓名 " + user.display_name + " → " + profile.display_name;
    }
    if (user.mobile != mobile) changed += std::string(changed.empty() ? "" : "；") + "手机号已改";
    if (changed.empty()) return {};
    user.display_name = profile.display_name;
    user.mobile = mobile;
    user.updated_at = s.Now();
    XA_TRY(tx.users().UpdateProfile(user));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "user.update", "user", std::to_string(id),
                                     user.username + "：" + changed)));
    return {};
  }));
  user.password_hash.clear();
  return user;
}

Result<domain::User> SetUserStatus(Services& s, const RequestContext& ctx, std::int64_t id,
                                   const std::string& status, LoginThrottle* throttle) {
  if (status != "active" && status != "locked" && status != "disabled") {
    return InvalidArgument("status", "须为 active、locked 或 disabled");
  }
  domain::User user;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(user, FindVisibleUser(tx, ctx, id));
    XA_TRY(CheckNotAnotherAdministrator(tx, ctx, id, "锁定或停用其他管理员（三员）的账号"));
    if (ctx.principal && ctx.principal->user_id == id && status != "active") {
      return FailedPrecondition("user.self_lock", "不能锁定或停用自己的账号");
    }
    const std::string before = user.status;
    user.status = status;
    if (status == "active") {  // unlocking clears the failure count and the timed lock
      user.failed_logins = 0;
      user.locked_until.reset();
    }
    user.updated_at = s.Now();
    XA_TRY(tx.users().UpdateSecurity(user));
    if (status != "active") XA_TRY(EndAccessOf(tx, id, s.clock.Now()));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "user.status", "user", std::to_string(id),
                                     user.username + " 状态 " + before + " → " + status)));
    return {};
  }));
  if (throttle != nullptr && status == "active") throttle->Forget(user.username);
  user.password_hash.clear();
  return user;
}

Result<domain::User> UnlockUser(Services& s, const RequestContext& ctx, LoginThrottle& throttle,
                                std::int64_t id) {
  domain::User user;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(user, FindVisibleUser(tx, ctx, id));
    user.failed_logins = 0;
    user.locked_until.reset();
    user.updated_at = s.Now();
    XA_TRY(tx.users().UpdateSecurity(user));
    XA_TRY(
        tx.audit().Append(AuditOf(s, ctx, "user.unlock", "user", std::to_string(id),
                                  "解除 " + user.username + " 因登录失败的锁定（账号及各地址）")));
    return {};
  }));
  throttle.Forget(user.username);
  user.password_hash.clear();
  return user;
}

Result<std::string> ResetPassword(Services& s, const RequestContext& ctx, std::int64_t id) {
  const std::string password = GeneratePassword(16);
  const std::string password_hash = HashPassword(password);  // outside the transaction
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto user, FindVisibleUser(tx, ctx, id));
    XA_TRY(CheckNotAnotherAdministrator(tx, ctx, id, "重置其他管理员（三员）的密码"));
    XA_TRY(tx.users().UpdatePassword(id, password_hash, s.Now(), true));
    XA_TRY(EndAccessOf(tx, id, s.clock.Now()));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "user.reset_password", "user", std::to_string(id),
                                     "重置 " + user.username + " 的密码")));
    return {};
  }));
  return password;
}

Result<std::vector<domain::Role>> ListRoles(Services& s) {
  std::vector<domain::Role> roles;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(roles, tx.users().ListRoles());
    return {};
  }));
  return roles;
}

Result<std::vector<domain::Role>> RolesOfUser(Services& s, const RequestContext& ctx,
                                              std::int64_t user_id) {
  std::vector<domain::Role> roles;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_TRY(FindVisibleUser(tx, ctx, user_id));
    XA_ASSIGN_OR_RETURN(roles, tx.users().RolesOf(user_id));
    return {};
  }));
  return roles;
}

Result<std::vector<domain::UnitId>> ScopeUnitsOfUser(Services& s, const RequestContext& ctx,
                                                     std::int64_t user_id) {
  std::vector<domain::UnitId> units;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_TRY(FindVisibleUser(tx, ctx, user_id));
    XA_ASSIGN_OR_RETURN(units, tx.users().ScopeUnitsOf(user_id));
    return {};
  }));
  return units;
}

Status AssignRoles(Services& s, const RequestContext& ctx, std::int64_t user_id,
                   const std::vector<std::string>& role_codes,
                   const std::vector<domain::UnitId>& scope_units) {
  if (ctx.principal && ctx.principal->user_id == user_id) {
    return FailedPrecondition("user.own_roles", "不能修改自己的角色");
  }
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto user, FindVisibleUser(tx, ctx, user_id));
    std::vector<std::int64_t> ids;
    std::vector<std::vector<std::string>> permissions;
    for (std::size_t i = 0; i < role_codes.size(); ++i) {
      XA_ASSIGN_OR_RETURN(auto role, tx.users().FindRole(role_codes[i]));
      if (!role) {
        return InvalidArgument("roles[" + std::to_string(i) + "]",
                               "角色 " + role_codes[i] + " 不存在");
      }
      ids.push_back(role->id);
      permissions.push_back(role->permissions);
    }
    // 三员 by what the roles allow, whatever they are called.
    if (auto bad = domain::CheckSeparationOfDuties(permissions)) {
      return domain::ValidationError({*bad});
    }
    for (std::size_t i = 0; i < scope_units.size(); ++i) {
      XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(scope_units[i]));
      if (!unit) return InvalidArgument("scope_unit_ids[" + std::to_string(i) + "]", "单位不存在");
    }
    XA_ASSIGN_OR_RETURN(auto before, tx.users().RolesOf(user_id));
    std::vector<std::string> before_codes;
    for (const auto& r : before) before_codes.push_back(r.code);
    XA_TRY(tx.users().SetRoles(user_id, ids));
    XA_TRY(tx.users().SetScopeUnits(user_id, scope_units));
    // A change of permissions takes effect at once: the user signs in again.
    XA_TRY(tx.users().EndSessionsOf(user_id, s.clock.Now()));
    std::vector<std::string> units;
    for (auto id : scope_units) units.push_back(std::to_string(id));
    XA_TRY(
        tx.audit().Append(AuditOf(s, ctx, "user.roles", "user", std::to_string(user_id),
                                  user.username + " 角色 [" + Join(before_codes) + "] → [" +
                                      Join(role_codes) + "]，自定义范围 [" + Join(units) + "]")));
    return {};
  });
}

Result<domain::Role> SaveCustomRole(Services& s, const RequestContext& ctx, domain::Role role) {
  if (role.code.size() < 3 || role.code.size() > 40) {
    return InvalidArgument("code", "角色代码长度须为 3 到 40 个字符");
  }
  for (char c : role.code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return InvalidArgument("code", "角色代码只能包含小写字母、数字和 _");
    }
  }
  if (domain::FindBuiltinRole(role.code) != nullptr) {
    return FailedPrecondition("role.builtin", "内置角色不能修改");
  }
  if (role.name.empty() || role.name.size() > 150) return InvalidArgument("name", "名称不能为空");
  for (std::size_t i = 0; i < role.permissions.size(); ++i) {
    const auto& all = domain::AllPermissions();
    if (std::find(all.begin(), all.end(), role.permissions[i]) == all.end()) {
      return InvalidArgument("permissions[" + std::to_string(i) + "]",
                             "权限 " + role.permissions[i] + " 不存在");
    }
  }
  // 三员: one role reaches at most one administrator's area, and a changed role may not give
  // one of its holders a second area through their other roles.
  if (auto bad = domain::CheckSeparationOfDuties({role.permissions}, "permissions")) {
    return domain::ValidationError({*bad});
  }
  role.builtin = false;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto existing, tx.users().FindRole(role.code));
    if (existing) {
      XA_ASSIGN_OR_RETURN(auto holders, tx.users().HoldersOf(existing->id));
      for (const auto holder : holders) {
        XA_ASSIGN_OR_RETURN(auto theirs, tx.users().RolesOf(holder));
        std::vector<std::vector<std::string>> permissions = {role.permissions};
        for (const auto& r : theirs) {
          if (r.id != existing->id) permissions.push_back(r.permissions);
        }
        if (auto bad = domain::CheckSeparationOfDuties(permissions, "permissions")) {
          XA_ASSIGN_OR_RETURN(auto user, tx.users().FindById(holder));
          bad->reason = "持有该角色的用户 " + (user ? user->username : std::to_string(holder)) +
                        " 会因此兼有两类管理员的权限：" + bad->reason;
          return domain::ValidationError({*bad});
        }
      }
    }
    XA_TRY(tx.users().UpsertRole(role, s.Now()));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "role.save", "role", role.code,
                                     "角色 " + role.code + " 范围 " +
                                         std::string(domain::ScopeKindName(role.scope)) +
                                         " 权限 [" + Join(role.permissions) + "]")));
    return {};
  }));
  return role;
}

Result<domain::PasswordPolicy> GetPolicy(Services& s) {
  domain::PasswordPolicy p;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(p, LoadPolicy(tx));
    return {};
  }));
  return p;
}

Result<domain::PasswordPolicy> UpdatePolicy(Services& s, const RequestContext& ctx,
                                            const domain::PasswordPolicy& p) {
  const std::pair<const char*, std::pair<int, std::pair<int, int>>> checks[] = {
      {"min_length", {p.min_length, {8, 64}}},
      {"min_classes", {p.min_classes, {1, 4}}},
      {"history", {p.history, {0, 24}}},
      {"max_age_days", {p.max_age_days, {0, 365}}},
      {"lockout_threshold", {p.lockout_threshold, {3, 20}}},
      {"lockout_minutes", {p.lockout_minutes, {1, 1440}}},
      {"idle_minutes", {p.idle_minutes, {1, 240}}},
      {"absolute_hours", {p.absolute_hours, {1, 72}}},
      {"address_attempts_per_minute", {p.address_attempts_per_minute, {1, 1000}}},
      {"totp_required_for_admins", {p.totp_required_for_admins, {0, 1}}}};
  std::vector<ErrorDetail> problems;
  for (const auto& [name, spec] : checks) {
    if (spec.first < spec.second.first || spec.first > spec.second.second) {
      problems.push_back({name, "须在 " + std::to_string(spec.second.first) + " 到 " +
                                    std::to_string(spec.second.second) + " 之间"});
    }
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    std::string summary;
    for (const auto& [name, spec] : checks) {
      XA_TRY(tx.users().SetPolicySetting(name, std::to_string(spec.first)));
      summary += std::string(summary.empty() ? "" : ", ") + name + "=" + std::to_string(spec.first);
    }
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "policy.update", "policy", "password", summary)));
    return {};
  }));
  return p;
}

Result<domain::PageResult<domain::AuditRecord>> SearchAudit(Services& s, const RequestContext& ctx,
                                                            const domain::AuditFilter& filter) {
  (void)ctx;
  if (filter.page.page < 1 || filter.page.page_size < 1 || filter.page.page_size > 500) {
    return InvalidArgument("page_size", "须在 1 到 500 之间");
  }
  if (!filter.page.sort.empty()) return InvalidArgument("sort", "审计日志固定按时间倒序排列");
  domain::PageResult<domain::AuditRecord> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.audit().Search(filter));
    std::vector<std::string> actors;
    for (const auto& r : out.items) actors.push_back(r.entry.actor);
    XA_ASSIGN_OR_RETURN(auto names, DisplayNames(tx, actors));
    for (auto& r : out.items) {
      if (auto it = names.find(r.entry.actor); it != names.end()) r.actor_name = it->second;
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportAudit(Services& s, const RequestContext& ctx,
                                domain::AuditFilter filter) {
  std::vector<office::Row> rows = {{"编号", "时间(UTC)", "用户", "姓名", "单位编号", "操作",
                                    "对象类型", "对象编号", "结果", "来源地址", "请求编号", "摘要",
                                    "哈希"}};
  filter.page.page_size = 500;
  std::int64_t total = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    for (filter.page.page = 1;; ++filter.page.page) {
      XA_ASSIGN_OR_RETURN(auto page, tx.audit().Search(filter));
      std::vector<std::string> actors;
      for (const auto& r : page.items) actors.push_back(r.entry.actor);
      XA_ASSIGN_OR_RETURN(auto names, DisplayNames(tx, actors));
      for (const auto& r : page.items) {
        const auto& e = r.entry;
        const auto name = names.find(e.actor);
        rows.push_back({std::to_string(r.id), e.at, e.actor,
                        name == names.end() ? std::string() : name->second,
                        e.unit_id ? std::to_string(*e.unit_id) : "", e.action, e.object_type,
                        e.object_id, e.result, e.source, e.request_id, e.summary, r.hash});
      }
      total = page.total;
      if (static_cast<std::int64_t>(filter.page.page) * filter.page.page_size >= page.total) break;
      if (rows.size() > 1000000) return InvalidArgument("to", "导出范围过大，请缩小时间范围");
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"审计日志", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "audit.export", "audit_log", "*",
                                     "导出审计日志 " + std::to_string(total) + " 条")));
    return {};
  }));
  return bytes;
}

}  // namespace xiaoan::app
