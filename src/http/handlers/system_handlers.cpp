#include <boost/json.hpp>

#include "core/embedded_file.hpp"
#include "domain/auth/auth.hpp"
#include "domain/checklist/checklist.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/org/enums.hpp"
#include "domain/whistle/whistle.hpp"
#include "http/api.hpp"
#include "http/json/org_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http::embedded {
std::span<const EmbeddedFile> OpenApiDocument();
}

namespace xiaoan::http {

namespace {

// Every enumeration the console labels codes with, from the domain tables.
std::string DictionariesBody() {
  boost::json::array scope_kinds;
  for (auto kind : domain::AllScopeKinds()) {
    scope_kinds.push_back(boost::json::object{{"code", domain::ScopeKindName(kind)},
                                              {"label", domain::ScopeKindLabel(kind)}});
  }
  boost::json::array permissions;
  for (const auto& p : domain::PermissionLabels()) {
    permissions.push_back(
        boost::json::object{{"code", p.code}, {"label", p.label}, {"group", p.group}});
  }
  return boost::json::serialize(boost::json::object{
      {"unit_kinds", EnumJson(domain::UnitKinds())},
      {"school_stages", EnumJson(domain::SchoolStages())},
      {"ownerships", EnumJson(domain::Ownerships())},
      {"location_types", EnumJson(domain::LocationTypes())},
      {"department_kinds", EnumJson(domain::DepartmentKinds())},
      {"key_place_kinds", EnumJson(domain::KeyPlaceKinds())},
      {"hazard_domains", EnumJson(domain::hazard::Domains())},
      {"hazard_levels", EnumJson(domain::hazard::Levels())},
      {"hazard_sources", EnumJson(domain::hazard::Sources())},
      {"hazard_states", EnumJson(domain::hazard::States())},
      {"whistle_categories", EnumJson(domain::whistle::Categories())},
      {"whistle_places", EnumJson(domain::whistle::Places())},
      {"whistle_severities", EnumJson(domain::whistle::Severities())},
      {"whistle_states", EnumJson(domain::whistle::States())},
      {"whistle_assignment_states", EnumJson(domain::whistle::AssignmentStates())},
      {"checklist_answers", EnumJson(domain::checklist::AnswerKinds())},
      {"scope_kinds", std::move(scope_kinds)},
      {"permissions", std::move(permissions)}});
}

}  // namespace

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
  // The tables are compiled in: the body is built once.
  router.Add("GET", "/api/v1/dictionaries", Access::LoggedIn(),
             [body = DictionariesBody()](HttpRequest& req) -> Result<HttpResponse> {
               QueryReader q(req);
               XA_TRY(q.Finish());
               return JsonResponse(200, body);
             });
}

}  // namespace xiaoan::http
