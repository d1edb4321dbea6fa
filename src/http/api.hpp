#pragma once
// The application's HTTP surface: the route table, dispatch with the common headers and error
// mapping, and static files of the web console.
#include <functional>
#include <memory>
#include <string>

#include "app/accounts/auth_cache.hpp"
#include "app/context.hpp"
#include "http/router.hpp"

namespace xiaoan::app {
struct ImportOptions;
class LoginThrottle;
}  // namespace xiaoan::app

namespace xiaoan::http {

class QueryReader;

struct ApiOptions {
  std::string web_root = "web/dist";
  bool secure_cookies = false;  // add Secure to the session cookie (behind TLS)
  std::size_t max_body_bytes = kDefaultBodyLimit;
  std::size_t max_upload_bytes = 20 * 1024 * 1024;
  std::string version = "0.0.0";
};

class Api {
 public:
  Api(app::Services& services, ApiOptions options);
  HttpResponse Dispatch(HttpRequest& req);
  // For a route that runs in the store's write batch: dispatches the request there and calls
  // `reply` (from the committing thread) once its writes are committed, or with an error answer
  // if the batch failed. False, and nothing done, for any other request or when the store has
  // no write batches; `req` must stay alive until `reply` is called.
  bool DispatchInWriteBatch(HttpRequest& req, std::function<void(HttpResponse)> reply);
  std::size_t BodyLimit(const std::string& method, const std::string& path) const;
  const Router& router() const { return router_; }

 private:
  // Authenticates and authorises a request for its route; fills req.principal.
  Status Guard(const Route& route, HttpRequest& req);
  app::Services& services_;
  ApiOptions options_;
  Router router_;
  app::AuthCache auth_cache_;
};

// Route registration, one function per area (routes.cpp calls them all).
void AddSystemRoutes(Router& router, const ApiOptions& options);
void AddOrgRoutes(Router& router, app::Services& services, const ApiOptions& options);
// The login throttle is shared: the security administrator's unlock lifts what it holds.
void AddAuthRoutes(Router& router, app::Services& services, const ApiOptions& options,
                   const std::shared_ptr<app::LoginThrottle>& throttle);
void AddAdminRoutes(Router& router, app::Services& services, const ApiOptions& options,
                    const std::shared_ptr<app::LoginThrottle>& throttle);
void AddBoardRoutes(Router& router, app::Services& services);
void AddPlatformRoutes(Router& router, app::Services& services, const ApiOptions& options);
void AddHazardRoutes(Router& router, app::Services& services, const ApiOptions& options);
void AddCalendarRoutes(Router& router, app::Services& services);
void AddDrillRoutes(Router& router, app::Services& services);
void AddChecklistRoutes(Router& router, app::Services& services);
void AddPatrolRoutes(Router& router, app::Services& services);
void AddSecurityRoutes(Router& router, app::Services& services);
void AddWhistleRoutes(Router& router, app::Services& services);
void AddEduRoutes(Router& router, app::Services& services);
void AddLessonRoutes(Router& router, app::Services& services);
void AddLetterRoutes(Router& router, app::Services& services);
void AddWaterRoutes(Router& router, app::Services& services);
void AddBusRoutes(Router& router, app::Services& services);
void AddTrafficRoutes(Router& router, app::Services& services);
void AddTrafficGuideRoutes(Router& router, app::Services& services);
void AddEmergencyRoutes(Router& router, app::Services& services);
void AddTrainingRoutes(Router& router, app::Services& services);
void AddStaffingRoutes(Router& router, app::Services& services);
void AddDutyRoutes(Router& router, app::Services& services);
void AddSupervisionItemRoutes(Router& router, app::Services& services);
void AddWorkRoutes(Router& router, app::Services& services);
void AddDrowningRoutes(Router& router, app::Services& services);
void AddJointRoutes(Router& router, app::Services& services);
void AddMinorsRoutes(Router& router, app::Services& services);
void AddCampaignRoutes(Router& router, app::Services& services);
void AddRuleRoutes(Router& router, app::Services& services);
void AddRoutes(Router& router, app::Services& services, const ApiOptions& options);

// Static files with ETag, cache headers and the SPA fallback to index.html.
HttpResponse ServeStatic(const std::string& web_root, const HttpRequest& req);

// The request's context for use cases (actor, source, request id, the authenticated caller).
app::RequestContext ContextOf(const HttpRequest& req);

inline constexpr const char* kSessionCookie = "xiaoan_session";
inline constexpr const char* kCsrfHeader = "x-csrf-token";
std::string CookieValue(const HttpRequest& req, const std::string& name);

// Helpers shared by handlers.
HttpResponse JsonResponse(int status, std::string body);
// A file name for Content-Disposition's filename*=UTF-8'' (RFC 5987): UTF-8, percent-encoded.
std::string EncodeFileName(const std::string& name);
// The query of an import: format=xlsx|csv (default: detect from the content) and
// mode=all_or_nothing (default)|partial.
Result<app::ImportOptions> ImportOptionsOf(QueryReader& q);
Result<HttpResponse> FileResponse(std::string bytes, const std::string& format,
                                  const std::string& filename);

}  // namespace xiaoan::http
