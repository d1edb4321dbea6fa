// Administration: users (system administrator), roles, scopes and policy (security
// administrator), the audit log (audit administrator).
#include <boost/json.hpp>

#include "app/accounts/accounts.hpp"
#include "app/accounts/user_exchange.hpp"
#include "app/audit/audit_log.hpp"
#include "app/demo/seed_demo.hpp"
#include "http/api.hpp"
#include "http/json/account_json.hpp"
#include "http/json/fields.hpp"
#include "http/json/org_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

namespace {

template <typename T>
std::string ListBody(const std::vector<T>& items, std::int64_t total) {
  json::array arr;
  for (const auto& i : items) arr.push_back(ToJson(i));
  return json::serialize(json::object{{"items", std::move(arr)}, {"total", total}});
}

domain::AuditFilter AuditFilterOf(QueryReader& q) {
  domain::AuditFilter f;
  f.actor = q.Str("actor");
  f.action = q.Str("action");
  f.result = q.Str("result");
  f.from = q.Str("from");
  f.to = q.Str("to");
  f.page = q.Page();
  return f;
}

void AddUserRoutes(Router& r, app::Services& s, const std::shared_ptr<app::LoginThrottle>& throttle,
                   std::size_t max_upload_bytes) {
  r.Add("GET", "/api/v1/users", Access::Need(perm::kUserRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          domain::UserFilter f;
          f.q = q.Str("q").value_or("");
          f.unit_id = q.Int("unit_id");
          f.status = q.Str("status");
          f.page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto page, app::ListUsers(s, ContextOf(req), f));
          return JsonResponse(200, ListBody(page.items, page.total));
        });
  r.Add("POST", "/api/v1/users", Access::Need(perm::kUserWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          app::NewUser u;
          u.username = f.Str("username", true).value_or("");
          u.display_name = f.Str("display_name", true).value_or("");
          u.unit_id = f.Int("unit_id", true).value_or(0);
          u.expires_at = f.NullableStr("expires_at");
          u.mobile = f.Str("mobile", false).value_or("");
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto created, app::CreateUser(s, ContextOf(req), u));
          return JsonResponse(
              201, json::serialize(json::object{{"user", ToJson(created.user)},
                                                {"initial_password", created.initial_password}}));
        });
  r.Add("GET", "/api/v1/users/import-template", Access::Need(perm::kUserWrite),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const std::string format = q.Str("format").value_or("xlsx");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::UserImportTemplate(format));
          return FileResponse(std::move(bytes), format, "用户导入模板." + format);
        });
  r.Add(
      "POST", "/api/v1/users/import", Access::Need(perm::kUserWrite),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        XA_ASSIGN_OR_RETURN(auto o, ImportOptionsOf(q));
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto imported, app::ImportUsers(s, ContextOf(req), req.body, o));
        json::value body = ToJson(imported.report);
        json::array accounts;
        for (const auto& a : imported.accounts) {
          accounts.push_back(json::object{{"username", a.username},
                                          {"display_name", a.display_name},
                                          {"initial_password", a.initial_password}});
        }
        body.as_object()["accounts"] = std::move(accounts);
        // A refused all-or-nothing import is still a complete answer: the per-row report.
        return JsonResponse(imported.report.applied ? 200 : 422, json::serialize(body));
      },
      max_upload_bytes);
  r.Add("PUT", "/api/v1/users/{id}", Access::Need(perm::kUserWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          app::UserProfile p;
          p.display_name = f.Str("display_name", true).value_or("");
          p.mobile = f.Str("mobile", false).value_or("");
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto user, app::UpdateUserProfile(s, ContextOf(req), id, p));
          return JsonResponse(200, json::serialize(ToJson(user)));
        });
  r.Add("GET", "/api/v1/users/{id}", Access::Need(perm::kUserRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto user, app::GetUser(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(user)));
        });
  r.Add("PUT", "/api/v1/users/{id}/status", Access::Need(perm::kUserWrite),
        [&s, throttle](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto status = f.Str("status", true);
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto user,
                              app::SetUserStatus(s, ContextOf(req), id, *status, throttle.get()));
          return JsonResponse(200, json::serialize(ToJson(user)));
        });
  r.Add("POST", "/api/v1/users/{id}/unlock", Access::Need(perm::kPolicyWrite),
        [&s, throttle](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto user, app::UnlockUser(s, ContextOf(req), *throttle, id));
          return JsonResponse(200, json::serialize(ToJson(user)));
        });
  r.Add("POST", "/api/v1/users/{id}/totp-reset", Access::Need(perm::kUserWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_TRY(app::ResetTotp(s, ContextOf(req), id));
          return JsonResponse(204, "");
        });
  r.Add("POST", "/api/v1/users/{id}/reset-password", Access::Need(perm::kUserWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto password, app::ResetPassword(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(json::object{{"initial_password", password}}));
        });
}

void AddRoleRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/roles", Access::Need(perm::kRoleRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto roles, app::ListRoles(s));
          return JsonResponse(200, ListBody(roles, static_cast<std::int64_t>(roles.size())));
        });
  r.Add("PUT", "/api/v1/roles/{code}", Access::Need(perm::kRoleWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          domain::Role role;
          role.code = req.path_params["code"];
          role.name = f.Str("name", true).value_or("");
          const auto scope = f.Str("scope", true);
          role.permissions = f.Strings("permissions", true);
          if (scope) {
            auto kind = domain::ScopeKindFromName(*scope);
            if (!kind) {
              f.AddError("scope", "须为 own、own_unit、unit_and_below、custom 或 all");
            } else {
              role.scope = *kind;
            }
          }
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto saved, app::SaveCustomRole(s, ContextOf(req), role));
          return JsonResponse(200, json::serialize(ToJson(saved)));
        });
  r.Add("GET", "/api/v1/users/{id}/roles", Access::Need(perm::kRoleRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto roles, app::RolesOfUser(s, ContextOf(req), id));
          XA_ASSIGN_OR_RETURN(auto units, app::ScopeUnitsOfUser(s, ContextOf(req), id));
          json::array codes;
          for (const auto& role : roles) codes.emplace_back(json::string(role.code));
          json::array unit_ids;
          for (auto u : units) unit_ids.emplace_back(u);
          return JsonResponse(
              200, json::serialize(json::object{{"roles", std::move(codes)},
                                                {"scope_unit_ids", std::move(unit_ids)}}));
        });
  r.Add("PUT", "/api/v1/users/{id}/roles", Access::Need(perm::kRoleWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          const std::vector<std::string> roles = f.Strings("roles", true);
          std::vector<domain::UnitId> units;
          if (const auto* arr = f.Array("scope_unit_ids", false)) {
            for (std::size_t i = 0; i < arr->size(); ++i) {
              if ((*arr)[i].is_int64()) {
                units.push_back((*arr)[i].as_int64());
              } else {
                f.AddError("scope_unit_ids[" + std::to_string(i) + "]", "须为整数");
              }
            }
          }
          XA_TRY(f.Finish());
          XA_TRY(app::AssignRoles(s, ContextOf(req), id, roles, units));
          return JsonResponse(204, "");
        });
  r.Add("GET", "/api/v1/security-policy", Access::Need(perm::kPolicyRead),
        [&s](HttpRequest&) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto p, app::GetPolicy(s));
          return JsonResponse(200, json::serialize(ToJson(p)));
        });
  r.Add("PUT", "/api/v1/security-policy", Access::Need(perm::kPolicyWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          domain::PasswordPolicy p;
          auto field = [&](const char* name, int& target) {
            if (auto v = f.Int(name, true)) target = static_cast<int>(*v);
          };
          field("min_length", p.min_length);
          field("min_classes", p.min_classes);
          field("history", p.history);
          field("max_age_days", p.max_age_days);
          field("lockout_threshold", p.lockout_threshold);
          field("lockout_minutes", p.lockout_minutes);
          field("idle_minutes", p.idle_minutes);
          field("absolute_hours", p.absolute_hours);
          field("address_attempts_per_minute", p.address_attempts_per_minute);
          if (auto v = f.Bool("totp_required_for_admins", true)) p.totp_required_for_admins = *v;
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto saved, app::UpdatePolicy(s, ContextOf(req), p));
          return JsonResponse(200, json::serialize(ToJson(saved)));
        });
}

void AddAuditRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/audit-logs", Access::Need(perm::kAuditRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = AuditFilterOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto page, app::SearchAudit(s, ContextOf(req), f));
          return JsonResponse(200, ListBody(page.items, page.total));
        });
  r.Add("GET", "/api/v1/audit-logs/export", Access::Need(perm::kAuditExport),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = AuditFilterOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportAudit(s, ContextOf(req), f));
          return FileResponse(std::move(bytes), "xlsx", "审计日志.xlsx");
        });
  r.Add("POST", "/api/v1/audit-logs/verify", Access::Need(perm::kAuditRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          const auto ctx = ContextOf(req);
          XA_ASSIGN_OR_RETURN(auto v, app::VerifyAudit(s, &ctx));
          json::object body{{"checked", v.checked}, {"intact", !v.first_break.has_value()}};
          if (v.first_break) {
            body["first_broken_id"] = v.first_break->id;
            body["reason"] = v.first_break->reason;
          }
          return JsonResponse(200, json::serialize(body));
        });
}

}  // namespace

void AddAdminRoutes(Router& router, app::Services& services, const ApiOptions& options,
                    const std::shared_ptr<app::LoginThrottle>& throttle) {
  AddUserRoutes(router, services, throttle, options.max_upload_bytes);
  AddRoleRoutes(router, services);
  AddAuditRoutes(router, services);
}

}  // namespace xiaoan::http
