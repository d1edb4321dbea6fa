// 吹哨报到: whistles, their steps, the bureau's routing table and the department statistics.
#include <boost/json.hpp>

#include "app/whistles/whistles.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/whistle_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

namespace {

// A step's body: {note} (and {final, file_ids} for feedback).
struct StepBody {
  std::string note;
  bool final = false;
  std::vector<std::int64_t> file_ids;
};
Result<StepBody> ReadStep(const HttpRequest& req, bool feedback) {
  StepBody out;
  if (req.body.empty()) return out;
  XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
  Fields f(obj);
  out.note = f.NullableStr("note").value_or("");
  if (feedback) {
    out.final = f.Bool("final", false).value_or(false);
    out.file_ids = f.Ids("file_ids");
  }
  XA_TRY(f.Finish());
  return out;
}

using StepFn = Result<app::WhistleView> (*)(app::Services&, const app::RequestContext&,
                                            std::int64_t, const std::string&);

void AddStep(Router& r, app::Services& s, const char* path, const char* permission, StepFn fn) {
  r.Add(
      "POST", path, Access::Need(permission),
      [&s, fn](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto body, ReadStep(req, false));
        XA_ASSIGN_OR_RETURN(auto v, fn(s, ContextOf(req), id, body.note));
        return JsonResponse(200, json::serialize(ToJson(v, true)));
      },
      0, Runs::kInWriteBatch);
}

}  // namespace

void AddWhistleRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/whistles", Access::Need(perm::kWhistleRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          app::WhistleQuery query;
          auto& f = query.filter;
          f.state = q.Str("state");
          f.severity = q.Str("severity");
          f.category = q.Str("category");
          f.school_id = q.Int("school_id");
          f.department_id = q.Int("department_id");
          f.hazard_id = q.Int("hazard_id");
          f.q = q.Str("q").value_or("");
          query.overdue = q.Bool("overdue").value_or(false);
          query.todo = q.Bool("todo").value_or(false);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListWhistles(s, ContextOf(req), query, page));
          json::array items;
          for (const auto& x : result.items) items.push_back(ToJson(x, false));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
  r.Add(
      "POST", "/api/v1/whistles", Access::Need(perm::kWhistleRaise),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto school_id = f.Int("school_id", true).value_or(0);
        auto draft = WhistleDraftFromJson(f);
        const auto file_ids = f.Ids("file_ids");
        const auto hazard_id = f.Int("hazard_id", false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::RaiseWhistle(s, ContextOf(req), school_id,
                                                      std::move(draft), file_ids, hazard_id));
        return JsonResponse(201, json::serialize(ToJson(v, true)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/whistles/{id}", Access::Need(perm::kWhistleRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::GetWhistle(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v, true)));
        });
  AddStep(r, s, "/api/v1/whistles/{id}/acknowledge", perm::kWhistleRespond,
          &app::AcknowledgeWhistle);
  AddStep(r, s, "/api/v1/whistles/{id}/confirm", perm::kWhistleRaise, &app::ConfirmWhistle);
  AddStep(r, s, "/api/v1/whistles/{id}/send-back", perm::kWhistleRaise, &app::SendBackWhistle);
  r.Add(
      "POST", "/api/v1/whistles/{id}/feedback", Access::Need(perm::kWhistleRespond),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto body, ReadStep(req, true));
        XA_ASSIGN_OR_RETURN(auto v, app::ReportWhistleFeedback(s, ContextOf(req), id, body.note,
                                                               body.final, body.file_ids));
        return JsonResponse(200, json::serialize(ToJson(v, true)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/whistles/{id}/route", Access::Need(perm::kWhistleRoute),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto ids = f.Ids("department_ids");
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::RouteWhistle(s, ContextOf(req), id, ids));
        return JsonResponse(200, json::serialize(ToJson(v, true)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/whistles/{id}/hazard", Access::Need(perm::kWhistleRaise),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        std::optional<std::string> domain_code, level;
        if (!req.body.empty()) {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          domain_code = f.NullableStr("domain");
          level = f.NullableStr("level");
          XA_TRY(f.Finish());
        }
        XA_ASSIGN_OR_RETURN(auto v,
                            app::WhistleToHazard(s, ContextOf(req), id, domain_code, level));
        return JsonResponse(200, json::serialize(ToJson(v, true)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/whistle-routes", Access::Need(perm::kWhistleRoute),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto v, app::GetWhistleRoutes(s, ContextOf(req)));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add(
      "PUT", "/api/v1/whistle-routes", Access::Need(perm::kWhistleRoute),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto routes = WhistleRoutesFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::SetWhistleRoutes(s, ContextOf(req), routes));
        return JsonResponse(200, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/schools/{id}/whistle-reports", Access::Need(perm::kWhistleRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::GetSchoolWhistleReports(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add(
      "POST", "/api/v1/schools/{id}/whistle-reports", Access::Need(perm::kWhistleRaise),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto body, ReadStep(req, false));
        XA_ASSIGN_OR_RETURN(auto v, app::FileWhistleReport(s, ContextOf(req), id, body.note));
        return JsonResponse(200, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/whistle-reports", Access::Need(perm::kWhistleRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto month = q.Str("month");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto v, app::GetWhistleReportBoard(s, ContextOf(req), month));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add("GET", "/api/v1/whistle-stats", Access::Need(perm::kWhistleRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto from = q.Str("from");
          const auto to = q.Str("to");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto v, app::GetWhistleStats(s, ContextOf(req), from, to));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add("GET", "/api/v1/whistle-stats/export", Access::Need(perm::kWhistleRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto from = q.Str("from");
          const auto to = q.Str("to");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportWhistleStats(s, ContextOf(req), from, to));
          return FileResponse(std::move(bytes), "xlsx", "吹哨报到部门统计.xlsx");
        });
}

}  // namespace xiaoan::http
