#include <boost/json.hpp>

#include "core/embedded_file.hpp"
#include "http/api.hpp"

namespace xiaoan::http::embedded {
std::span<const EmbeddedFile> OpenApiDocument();
}

namespace xiaoan::http {

void AddSystemRoutes(Router& router, const ApiOptions& options) {
  // Health answers without touching the database, so a load balancer can probe it cheaply.
  const std::string health = boost::json::serialize(
      boost::json::object{{"status", "ok"}, {"service", "xiaoan"}, {"version", options.version}});
  router.Add("GET", "/api/v1/health", Access::Public(),
             [health](HttpRequest&) -> Result<HttpResponse> { return JsonResponse(200, health); });
  router.Add("GET", "/api/v1/openapi.json", Access::Public(),
             [](HttpRequest&) -> Result<HttpResponse> {
               auto files = embedded::OpenApiDocument();
               if (files.empty()) return Internal("OpenAPI document missing from the build");
               HttpResponse r = JsonResponse(200, std::string(files[0].text));
               r.headers.emplace_back("Cache-Control", "no-cache");
               return r;
             });
}

}  // namespace xiaoan::http
