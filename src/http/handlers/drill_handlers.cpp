// Drill records: list, record, edit, remove, export, and a problem raised as a hazard.
#include <boost/json.hpp>

#include "app/drills/drills.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/drill/drill.hpp"
#include "http/api.hpp"
#include "http/json/drill_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

namespace {

domain::drill::DrillFilter ReadFilter(QueryReader& q) {
  domain::drill::DrillFilter f;
  f.school_id = q.Int("school_id");
  f.kind = q.Str("kind");
  f.from = q.Str("from");
  f.to = q.Str("to");
  f.q = q.Str("q").value_or("");
  return f;
}

HttpResponse DetailResponse(int status, const app::DrillDetail& d) {
  return JsonResponse(status, json::serialize(ToJson(d)));
}

Result<domain::drill::DrillPlanFilter> ReadPlanFilter(QueryReader& q) {
  domain::drill::DrillPlanFilter f;
  f.school_id = q.Int("school_id");
  f.kind = q.Str("kind");
  f.from = q.Str("from");
  f.to = q.Str("to");
  f.q = q.Str("q").value_or("");
  if (const auto statuses = q.Str("status")) {
    for (const auto& code : Split(*statuses, ',')) {
      const auto st = domain::drill::ParsePlanStatus(Trim(code));
      if (!st)
        return InvalidArgument("status", "取值须为 planned、due、overdue、done（可用逗号分隔）");
      f.statuses.push_back(*st);
    }
  }
  return f;
}

void AddDrillPlanRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/drill-plans", Access::Need(perm::kDrillRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = ReadPlanFilter(q);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto filter, std::move(f));
          XA_ASSIGN_OR_RETURN(auto result,
                              app::ListDrillPlans(s, ContextOf(req), std::move(filter), page));
          json::array items;
          for (const auto& p : result.items) items.push_back(ToJson(p));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
  r.Add("GET", "/api/v1/drill-plans/export", Access::Need(perm::kDrillRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = ReadPlanFilter(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto filter, std::move(f));
          XA_ASSIGN_OR_RETURN(auto bytes,
                              app::ExportDrillPlans(s, ContextOf(req), std::move(filter)));
          return FileResponse(std::move(bytes), "xlsx", "演练计划.xlsx");
        });
  r.Add(
      "POST", "/api/v1/drill-plans", Access::Need(perm::kDrillRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto p = DrillPlanFromJson(f, true);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::CreateDrillPlan(s, ContextOf(req), std::move(p)));
        return JsonResponse(201, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/drill-plans/{id}", Access::Need(perm::kDrillRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetDrillPlan(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "PUT", "/api/v1/drill-plans/{id}", Access::Need(perm::kDrillRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto p = DrillPlanFromJson(f, false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::EditDrillPlan(s, ContextOf(req), id, std::move(p)));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/drill-plans/{id}", Access::Need(perm::kDrillRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_TRY(app::DeleteDrillPlan(s, ContextOf(req), id));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
}

}  // namespace

void AddDrillRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/drills", Access::Need(perm::kDrillRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto f = ReadFilter(q);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListDrills(s, ContextOf(req), f, page));
          json::array items;
          for (const auto& d : result.items) items.push_back(ToJson(d));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
  r.Add("GET", "/api/v1/drills/export", Access::Need(perm::kDrillRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto f = ReadFilter(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportDrills(s, ContextOf(req), f));
          return FileResponse(std::move(bytes), "xlsx", "应急演练.xlsx");
        });
  r.Add(
      "POST", "/api/v1/drills", Access::Need(perm::kDrillRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto d = DrillFromJson(f, true);
        const auto file_ids = f.Ids("file_ids");
        const auto plan_id = f.Int("plan_id", false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out,
                            app::RecordDrill(s, ContextOf(req), std::move(d), file_ids, plan_id));
        return DetailResponse(201, out);
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/drills/{id}", Access::Need(perm::kDrillRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetDrill(s, ContextOf(req), id));
          return DetailResponse(200, out);
        });
  r.Add(
      "PUT", "/api/v1/drills/{id}", Access::Need(perm::kDrillRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto d = DrillFromJson(f, false);
        const auto file_ids = f.Ids("file_ids");
        f.Int("plan_id", false);  // sent back as read; a record keeps the plan it carried out
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out,
                            app::EditDrill(s, ContextOf(req), id, std::move(d), file_ids));
        return DetailResponse(200, out);
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/drills/{id}", Access::Need(perm::kDrillRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_TRY(app::DeleteDrill(s, ContextOf(req), id));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/drills/{id}/hazards", Access::Need(perm::kDrillRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        app::ProblemHazardInput in;
        in.index =
            static_cast<int>(std::clamp<std::int64_t>(f.Int("index", true).value_or(0), -1, 1000));
        in.domain = f.Str("domain", true).value_or("");
        in.level = f.Str("level", false).value_or("general");
        in.building_id = f.Int("building_id", false);
        in.key_place_id = f.Int("key_place_id", false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::RaiseProblemHazard(s, ContextOf(req), id, in));
        return DetailResponse(201, out);
      },
      0, Runs::kInWriteBatch);
  AddDrillPlanRoutes(r, s);
  r.Add("GET", "/api/v1/drill-kinds", Access::Need(perm::kDrillRead),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          json::array items;
          for (const auto& k : domain::drill::Kinds()) {
            items.push_back(json::object{{"code", std::string(k.code)},
                                         {"label", std::string(k.label)},
                                         {"evacuation", k.evacuation}});
          }
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
        });
}

}  // namespace xiaoan::http
