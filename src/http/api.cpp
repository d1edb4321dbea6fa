#include "http/api.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>

#include "app/accounts/accounts.hpp"
#include "app/audit/audit_log.hpp"
#include "app/org/school_exchange.hpp"
#include "core/strings.hpp"
#include "domain/audit/audit.hpp"
#include "http/error_response.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace {

void AddCommonHeaders(HttpResponse& res, const HttpRequest& req, bool api) {
  res.headers.emplace_back("X-Request-Id", req.request_id);
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("X-Frame-Options", "DENY");
  res.headers.emplace_back("Referrer-Policy", "no-referrer");
  res.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
      "script-src 'self'; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  if (api) {
    bool has_cache = false;
    for (const auto& [k, v] : res.headers) has_cache = has_cache || k == "Cache-Control";
    if (!has_cache) res.headers.emplace_back("Cache-Control", "no-store");
  }
}

}  // namespace

app::RequestContext ContextOf(const HttpRequest& req) {
  if (req.principal) return app::ContextFor(*req.principal, req.remote, req.request_id);
  app::RequestContext ctx;
  ctx.actor = "anonymous";
  ctx.source = req.remote;
  ctx.request_id = req.request_id;
  // An unauthenticated request sees nothing: an empty principal with no scope.
  ctx.principal = app::Principal{};
  ctx.principal->scope = domain::DataScope{domain::ScopeKind::kOwnUnit, {}};
  return ctx;
}

std::string CookieValue(const HttpRequest& req, const std::string& name) {
  const std::string header = req.Header("cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return {};
}

Status Api::Guard(const Route& route, HttpRequest& req) {
  if (route.access.kind == Access::kPublic) return {};
  // Integrations send an API token; browsers send the session cookie.
  const std::string authorization = req.Header("authorization");
  const bool bearer = authorization.rfind("Bearer ", 0) == 0;
  const std::string token = bearer ? authorization.substr(7) : CookieValue(req, kSessionCookie);
  if (token.empty()) {
    return Error{ErrorCode::kUnauthenticated, "请先登录", {{"session", "请先登录", 0}}};
  }
  XA_ASSIGN_OR_RETURN(req.principal, bearer ? app::AuthenticateToken(services_, token)
                                            : app::Authenticate(services_, token, &auth_cache_));
  // Known from here on, also when refused below: a refusal is audited under this caller.
  const app::Principal& principal = *req.principal;
  if (principal.must_change_password && !route.access.during_password_change) {
    return Error{ErrorCode::kPermissionDenied,
                 "首次登录或密码已过期，请先修改密码",
                 {{"password_change_required", "请先修改密码", 0}}};
  }
  if (principal.must_enroll_totp && !route.access.during_password_change) {
    return Error{ErrorCode::kPermissionDenied,
                 "安全策略要求先绑定动态验证码",
                 {{"totp_enrollment_required", "请先绑定动态验证码", 0}}};
  }
  if (route.access.kind == Access::kPermission && !principal.Can(route.access.permission)) {
    return Error{ErrorCode::kPermissionDenied,
                 "没有权限执行此操作",
                 {{route.access.permission, "缺少权限 " + route.access.permission, 0}}};
  }
  // Cookie-authenticated writes must carry the session's CSRF token in a header, which a page
  // of another site cannot set.
  if (!bearer && req.method != "GET" && req.method != "HEAD" &&
      req.Header(kCsrfHeader) != principal.csrf_token) {
    return Error{ErrorCode::kPermissionDenied,
                 "请求缺少有效的 CSRF 令牌",
                 {{"X-CSRF-Token", "缺少或不匹配", 0}}};
  }
  return {};
}

HttpResponse JsonResponse(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Result<app::ImportOptions> ImportOptionsOf(QueryReader& q) {
  app::ImportOptions o;
  o.format = q.Str("format").value_or("");
  if (!o.format.empty() && o.format != "xlsx" && o.format != "xls" && o.format != "csv") {
    return InvalidArgument("format", "须为 xlsx、xls 或 csv");
  }
  const std::string mode = q.Str("mode").value_or("all_or_nothing");
  if (mode != "all_or_nothing" && mode != "partial") {
    return InvalidArgument("mode", "须为 all_or_nothing 或 partial");
  }
  o.all_or_nothing = mode == "all_or_nothing";
  return o;
}

std::string EncodeFileName(const std::string& name) {
  std::string encoded;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  return encoded;
}

Result<HttpResponse> FileResponse(std::string bytes, const std::string& format,
                                  const std::string& filename) {
  HttpResponse r;
  r.body = std::move(bytes);
  if (format == "csv") {
    r.content_type = "text/csv; charset=utf-8";
  } else {
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  // RFC 6266/5987: an ASCII fallback plus the UTF-8 name, percent-encoded.
  const std::string ext = format == "csv" ? "csv" : "xlsx";
  r.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"export." + ext + "\"; filename*=UTF-8''" + EncodeFileName(filename));
  return r;
}

Api::Api(app::Services& services, ApiOptions options)
    : services_(services), options_(std::move(options)) {
  AddRoutes(router_, services_, options_);
}

std::size_t Api::BodyLimit(const std::string& method, const std::string& path) const {
  auto m = router_.Find(method, path);
  if (m.kind == Router::MatchKind::kFound && m.route->body_limit > 0) return m.route->body_limit;
  return options_.max_body_bytes;
}

bool Api::DispatchInWriteBatch(HttpRequest& req, std::function<void(HttpResponse)> reply) {
  auto m = router_.Find(req.method, req.path);
  if (m.kind != Router::MatchKind::kFound || m.route->runs != Runs::kInWriteBatch) return false;
  auto res = std::make_shared<HttpResponse>();
  return services_.store.RunInWriteBatch(
      [this, &req, res] { *res = Dispatch(req); },
      [this, &req, res, reply = std::move(reply)](const Status& committed) {
        if (!committed.ok()) {
          spdlog::error("[{}] {} {}: not committed: {}", req.request_id, req.method, req.path,
                        committed.error().message);
          *res = ErrorResponse(committed.error(), req.request_id);
          AddCommonHeaders(*res, req, true);
        }
        reply(std::move(*res));
      });
}

HttpResponse Api::Dispatch(HttpRequest& req) {
  const auto start = std::chrono::steady_clock::now();
  HttpResponse res;
  const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
  try {
    if (api) {
      auto m = router_.Find(req.method, req.path);
      if (m.kind == Router::MatchKind::kFound) {
        req.path_params = std::move(m.params);
        // A path parameter that is no storable text cannot name a record.
        bool bad_param = false;
        for (const auto& [name, value] : req.path_params) bad_param |= !TextProblem(value).empty();
        Status guard = Guard(*m.route, req);
        auto r = !guard.ok() ? Result<HttpResponse>(guard.error())
                 : bad_param ? Result<HttpResponse>(NotFound("记录不存在"))
                             : m.route->handler(req);
        if (r.ok()) {
          res = std::move(r).value();
        } else {
          if (r.error().code == ErrorCode::kInternal) {
            spdlog::error("[{}] {} {}: {}", req.request_id, req.method, req.path,
                          r.error().message);
          }
          const bool write = req.method != "GET" && req.method != "HEAD";
          if (req.principal && domain::RefusalIsAudited(write, r.error().code)) {
            const Status audited =
                app::AuditRefusal(services_, ContextOf(req), req.method, req.path, r.error());
            if (!audited.ok()) {
              spdlog::error("[{}] refusal not audited: {}", req.request_id,
                            audited.error().message);
            }
          }
          res = ErrorResponse(r.error(), req.request_id);
        }
      } else if (m.kind == Router::MatchKind::kWrongMethod) {
        res = ProtocolError(405, "method_not_allowed", "该地址不支持 " + req.method + " 方法",
                            req.request_id);
      } else {
        res = ProtocolError(404, "not_found", "接口不存在：" + req.path, req.request_id);
      }
    } else if (req.method == "GET" || req.method == "HEAD") {
      res = ServeStatic(options_.web_root, req);
    } else {
      res = ProtocolError(404, "not_found", "地址不存在：" + req.path, req.request_id);
    }
  } catch (const std::exception& e) {
    spdlog::error("[{}] {} {}: unhandled exception: {}", req.request_id, req.method, req.path,
                  e.what());
    res = ErrorResponse(Internal(e.what()), req.request_id);
  }
  AddCommonHeaders(res, req, api);
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  spdlog::info("[{}] {} {} {} {}us {} {}", req.request_id, req.method, req.path, res.status, us,
               req.remote, req.principal ? req.principal->username : "-");
  return res;
}

}  // namespace xiaoan::http
