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

void AddAuthRoutes(Router& r, app::Services& s, const ApiOptions& options) {
  auto throttle = std::make_shared<app::LoginThrottle>();
  const bool secure = options.secure_cookies;
  r.Add("POST", "/api/v1/auth/login", Access::Public(),
        [&s, throttle, secure](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto username = f.Str("username", true);
          auto password = f.Str("password", true);
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto login, app::Login(s, *throttle, *username, *password, req.remote,
                                                     req.Header("user-agent"), req.request_id));
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
  r.Add("DELETE", "/api/v1/auth/sessions/{id}", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_TRY(app::EndMySession(s, ContextOf(req), req.path_params["id"]));
          return JsonResponse(204, "");
        });
}

}  // namespace xiaoan::http
