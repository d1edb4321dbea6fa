#include <algorithm>
#include <boost/json.hpp>
#include <memory>

#include "app/accounts/accounts.hpp"
#include "http/api.hpp"
#include "http/json/account_json.hpp"
#include "http/json/fields.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;

namespace {
std::string SessionCookie(const std::string& value, bool secure, bool clear) {
  std::string c = std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) c += "; Secure";
  if (clear) c += "; Max-Age=0";
  return c;
}
}  // namespace

void AddAuthRoutes(Router& r, app::Services& s, const ApiOptions& options,
                   const std::shared_ptr<app::LoginThrottle>& throttle) {
  const bool secure = options.secure_cookies;
  r.Add("POST", "/api/v1/auth/login", Access::Public(),
        [&s, throttle, secure](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto username = f.Str("username", true);
          auto password = f.Str("password", true);
          auto totp = f.Str("totp", false);
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(
              auto login, app::Login(s, *throttle, *username, *password, req.remote,
                                     req.Header("user-agent"), req.request_id, totp.value_or("")));
          HttpResponse res = JsonResponse(200, json::serialize(PrincipalJson(login.principal)));
          res.headers.emplace_back("Set-Cookie", SessionCookie(login.session_token, secure, false));
          return res;
        });
  r.Add("POST", "/api/v1/auth/logout", Access::LoggedIn(true),
        [&s, secure](HttpRequest& req) -> Result<HttpResponse> {
          XA_TRY(app::Logout(s, ContextOf(req)));
          HttpResponse res = JsonResponse(204, "");
          res.headers.emplace_back("Set-Cookie", SessionCookie("", secure, true));
          return res;
        });
  // The console's first question on opening, answered 200 either way (a browser reports every
  // 401 it receives as an error): the caller as /auth/me describes them with authenticated=true,
  // or only authenticated=false. Session cookies only; a token or a dead session is not an error.
  r.Add("GET", "/api/v1/auth/session", Access::Public(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          if (const auto token = CookieValue(req, kSessionCookie); !token.empty()) {
            auto principal = app::Authenticate(s, token);
            if (principal.ok()) {
              auto body = PrincipalJson(*principal);
              body.as_object()["authenticated"] = true;
              return JsonResponse(200, json::serialize(body));
            }
            if (principal.error().code != ErrorCode::kUnauthenticated) {
              return std::move(principal).error();
            }
          }
          return JsonResponse(200, R"({"authenticated":false})");
        });
  r.Add("GET", "/api/v1/auth/me", Access::LoggedIn(true),
        [](HttpRequest& req) -> Result<HttpResponse> {
          return JsonResponse(200, json::serialize(PrincipalJson(*req.principal)));
        });
  r.Add("POST", "/api/v1/auth/password", Access::LoggedIn(true),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto old_password = f.Str("old_password", true);
          auto new_password = f.Str("new_password", true);
          XA_TRY(f.Finish());
          XA_TRY(app::ChangePassword(s, ContextOf(req), *old_password, *new_password));
          return JsonResponse(204, "");
        });
  r.Add("GET", "/api/v1/auth/sessions", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto sessions, app::ListMySessions(s, ContextOf(req)));
          json::array items;
          for (const auto& x : sessions) {
            items.push_back(json::object{{"id", x.handle},
                                         {"created_at", x.created_at},
                                         {"last_seen_at", x.last_seen_at},
                                         {"source", x.source},
                                         {"user_agent", x.user_agent},
                                         {"current", x.current}});
          }
          const auto total = static_cast<std::int64_t>(items.size());
          return JsonResponse(
              200, json::serialize(json::object{{"items", std::move(items)}, {"total", total}}));
        });
  r.Add("POST", "/api/v1/auth/totp/enroll", Access::LoggedIn(true),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto e, app::EnrollTotp(s, ContextOf(req)));
          return JsonResponse(200, json::serialize(json::object{{"secret", e.secret},
                                                                {"otpauth_uri", e.otpauth_uri}}));
        });
  r.Add("POST", "/api/v1/auth/totp/confirm", Access::LoggedIn(true),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto code = f.Str("code", true);
          XA_TRY(f.Finish());
          XA_TRY(app::ConfirmTotp(s, ContextOf(req), *code));
          return JsonResponse(204, "");
        });
  r.Add("POST", "/api/v1/auth/totp/disable", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto password = f.Str("password", true);
          XA_TRY(f.Finish());
          XA_TRY(app::DisableTotp(s, ContextOf(req), *password));
          return JsonResponse(204, "");
        });
  r.Add("GET", "/api/v1/auth/tokens", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto tokens, app::ListApiTokens(s, ContextOf(req)));
          json::array items;
          for (const auto& t : tokens) items.push_back(ToJson(t));
          const auto total = static_cast<std::int64_t>(items.size());
          return JsonResponse(
              200, json::serialize(json::object{{"items", std::move(items)}, {"total", total}}));
        });
  r.Add("POST", "/api/v1/auth/tokens", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto name = f.Str("name", true);
          auto days = f.Int("expires_in_days", true);
          std::vector<std::string> perms = f.Strings("permissions", true);
          XA_TRY(f.Finish());
          const int d = static_cast<int>(std::clamp<std::int64_t>(*days, -1, 100000));
          XA_ASSIGN_OR_RETURN(auto created,
                              app::CreateApiToken(s, ContextOf(req), *name, perms, d));
          auto body = ToJson(created.token).as_object();
          body["token"] = created.secret;
          return JsonResponse(201, json::serialize(body));
        });
  r.Add("DELETE", "/api/v1/auth/tokens/{id}", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_TRY(app::RevokeApiToken(s, ContextOf(req), id));
          return JsonResponse(204, "");
        });
  r.Add("POST", "/api/v1/signatures", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          app::SignRequest sr;
          sr.object_type = f.Str("object_type", true).value_or("");
          sr.object_id = f.Str("object_id", true).value_or("");
          sr.step = f.Str("step", true).value_or("");
          sr.content = f.Str("content", true).value_or("");
          sr.password = f.Str("password", false).value_or("");
          sr.totp = f.Str("totp", false).value_or("");
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto sig, app::SignStep(s, ContextOf(req), sr));
          return JsonResponse(201, json::serialize(ToJson(sig)));
        });
  r.Add("GET", "/api/v1/signatures", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto type = q.Str("object_type");
          auto id = q.Str("object_id");
          XA_TRY(q.Finish());
          if (!type) return InvalidArgument("object_type", "缺少必填参数");
          if (!id) return InvalidArgument("object_id", "缺少必填参数");
          XA_ASSIGN_OR_RETURN(auto sigs, app::ListSignatures(s, ContextOf(req), *type, *id));
          json::array items;
          for (const auto& g : sigs) items.push_back(ToJson(g));
          const auto total = static_cast<std::int64_t>(items.size());
          return JsonResponse(
              200, json::serialize(json::object{{"items", std::move(items)}, {"total", total}}));
        });
  r.Add("DELETE", "/api/v1/auth/sessions/{id}", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_TRY(app::EndMySession(s, ContextOf(req), req.path_params["id"]));
          return JsonResponse(204, "");
        });
}

}  // namespace xiaoan::http
