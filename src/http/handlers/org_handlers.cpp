#include <boost/json.hpp>

#include "app/org/org_use_cases.hpp"
#include "app/org/school_exchange.hpp"
#include "http/api.hpp"
#include "http/json/org_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

namespace {

template <typename T>
std::string ListBody(const domain::PageResult<T>& page) {
  json::array items;
  items.reserve(page.items.size());
  for (const auto& item : page.items) items.push_back(ToJson(item));
  return json::serialize(json::object{{"items", std::move(items)}, {"total", page.total}});
}

domain::SchoolFilter SchoolFilterOf(QueryReader& q) {
  domain::SchoolFilter f;
  f.q = q.Str("q").value_or("");
  f.stage = q.Str("stage");
  f.ownership = q.Str("ownership");
  f.location_type = q.Str("location_type");
  f.boarding = q.Bool("boarding");
  f.cluster_id = q.Int("cluster_id");
  f.region_code = q.Str("region_code");
  f.phone = q.Str("phone");
  f.page = q.Page();
  return f;
}

Result<std::string> FormatOf(QueryReader& q) {
  const std::string format = q.Str("format").value_or("xlsx");
  if (format != "xlsx" && format != "csv") return InvalidArgument("format", "须为 xlsx 或 csv");
  return format;
}

void AddRegionRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/regions", Access::Need(perm::kRegionRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto regions, app::ListRegions(s));
          domain::PageResult<domain::Region> page{std::move(regions), 0};
          page.total = static_cast<std::int64_t>(page.items.size());
          return JsonResponse(200, ListBody(page));
        });
  r.Add("POST", "/api/v1/regions", Access::Need(perm::kRegionWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          domain::Region region;
          region.code = f.Str("code", true).value_or("");
          region.name = f.Str("name", true).value_or("");
          region.parent_code = f.NullableStr("parent_code");
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto created,
                              app::CreateRegion(s, ContextOf(req), std::move(region)));
          return JsonResponse(201, json::serialize(ToJson(created)));
        });
  r.Add("GET", "/api/v1/regions/{code}", Access::Need(perm::kRegionRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto region, app::GetRegion(s, req.path_params["code"]));
          return JsonResponse(200, json::serialize(ToJson(region)));
        });
  r.Add("PUT", "/api/v1/regions/{code}", Access::Need(perm::kRegionWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto name = f.Str("name", true);
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto region,
                              app::RenameRegion(s, ContextOf(req), req.path_params["code"], *name));
          return JsonResponse(200, json::serialize(ToJson(region)));
        });
  r.Add("DELETE", "/api/v1/regions/{code}", Access::Need(perm::kRegionWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_TRY(app::DeleteRegion(s, ContextOf(req), req.path_params["code"]));
          return JsonResponse(204, "");
        });
}

// /units and /departments share the unit use cases; /departments fixes the kind.
void AddUnitRoutes(Router& r, app::Services& s, const std::string& base, bool department) {
  const std::string kind_filter = department ? "department" : "";
  const std::string read = department ? perm::kDepartmentRead : perm::kUnitRead;
  const std::string write = department ? perm::kDepartmentWrite : perm::kUnitWrite;
  r.Add("GET", base, Access::Need(read),
        [&s, department](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          domain::UnitFilter f;
          if (department) {
            f.kind = "department";
          } else {
            f.kind = q.Str("kind");
            f.parent_id = q.Int("parent_id");
          }
          f.region_code = q.Str("region_code");
          f.q = q.Str("q").value_or("");
          f.phone = q.Str("phone");
          f.page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto page, app::ListUnits(s, ContextOf(req), f));
          return JsonResponse(200, ListBody(page));
        });
  r.Add("POST", base, Access::Need(write),
        [&s, department](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          domain::Unit unit = UnitFromJson(f, true, department);
          XA_TRY(f.Finish());
          if (!department && unit.kind == "department") {
            return InvalidArgument("kind", "部门请通过 /api/v1/departments 新增");
          }
          XA_ASSIGN_OR_RETURN(auto created, app::CreateUnit(s, ContextOf(req), std::move(unit)));
          return JsonResponse(201, json::serialize(ToJson(created)));
        });
  r.Add("GET", base + "/{id}", Access::Need(read),
        [&s, kind_filter](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto unit, app::GetUnit(s, ContextOf(req), id, kind_filter));
          return JsonResponse(200, json::serialize(ToJson(unit)));
        });
  r.Add("PUT", base + "/{id}", Access::Need(write),
        [&s, department, kind_filter](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          domain::Unit unit = UnitFromJson(f, false, department);
          XA_TRY(f.Finish());
          unit.id = id;
          XA_ASSIGN_OR_RETURN(auto updated,
                              app::UpdateUnit(s, ContextOf(req), std::move(unit), kind_filter));
          return JsonResponse(200, json::serialize(ToJson(updated)));
        });
  r.Add("DELETE", base + "/{id}", Access::Need(write),
        [&s, kind_filter](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_TRY(app::DeleteUnit(s, ContextOf(req), id, kind_filter));
          return JsonResponse(204, "");
        });
}

void AddSchoolRoutes(Router& r, app::Services& s, const ApiOptions& options) {
  r.Add("GET", "/api/v1/schools", Access::Need(perm::kSchoolRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = SchoolFilterOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto page, app::ListSchools(s, ContextOf(req), f));
          return JsonResponse(200, ListBody(page));
        });
  r.Add("POST", "/api/v1/schools", Access::Need(perm::kSchoolWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          domain::School school = SchoolFromJson(f);
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto created,
                              app::CreateSchool(s, ContextOf(req), std::move(school)));
          return JsonResponse(201, json::serialize(ToJson(created)));
        });
  r.Add("GET", "/api/v1/schools/export", Access::Need(perm::kSchoolExport),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = SchoolFilterOf(q);
          XA_ASSIGN_OR_RETURN(auto format, FormatOf(q));
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportSchools(s, ContextOf(req), f, format));
          return FileResponse(std::move(bytes), format, "学校名册." + format);
        });
  r.Add("GET", "/api/v1/schools/import-template", Access::Need(perm::kSchoolImport),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_ASSIGN_OR_RETURN(auto format, FormatOf(q));
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::SchoolTemplate(format));
          return FileResponse(std::move(bytes), format, "学校导入模板." + format);
        });
  r.Add(
      "POST", "/api/v1/schools/import", Access::Need(perm::kSchoolImport),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        XA_ASSIGN_OR_RETURN(auto o, ImportOptionsOf(q));
        o.update_existing = q.Bool("update_existing").value_or(false);
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report, app::ImportSchools(s, ContextOf(req), req.body, o));
        // A refused all-or-nothing import is still a complete answer: the per-row report.
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      options.max_upload_bytes);
  r.Add("GET", "/api/v1/schools/{id}", Access::Need(perm::kSchoolRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto school, app::GetSchool(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(school)));
        });
  r.Add("PUT", "/api/v1/schools/{id}", Access::Need(perm::kSchoolWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          domain::School school = SchoolFromJson(f);
          XA_TRY(f.Finish());
          school.unit.id = id;
          XA_ASSIGN_OR_RETURN(auto updated,
                              app::UpdateSchool(s, ContextOf(req), std::move(school)));
          return JsonResponse(200, json::serialize(ToJson(updated)));
        });
  r.Add("DELETE", "/api/v1/schools/{id}", Access::Need(perm::kSchoolWrite),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_TRY(app::DeleteSchool(s, ContextOf(req), id));
          return JsonResponse(204, "");
        });
}

}  // namespace

void AddOrgRoutes(Router& router, app::Services& services, const ApiOptions& options) {
  AddRegionRoutes(router, services);
  AddUnitRoutes(router, services, "/api/v1/units", false);
  AddUnitRoutes(router, services, "/api/v1/departments", true);
  AddSchoolRoutes(router, services, options);
}

}  // namespace xiaoan::http
