// Routine patrols: plans, what is due, the place a QR code opens, patrols and their hazards.
#include <boost/json.hpp>

#include "app/patrols/patrols.hpp"
#include "domain/auth/auth.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/json/patrol_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

namespace {

domain::patrol::RecordFilter RecordFilterOf(QueryReader& q) {
  domain::patrol::RecordFilter f;
  f.school_id = q.Int("school_id");
  f.plan_id = q.Int("plan_id");
  f.from = q.Str("from").value_or("");
  f.to = q.Str("to").value_or("");
  f.failed_only = q.Bool("failed").value_or(false);
  return f;
}

HttpResponse PlanResponse(int status, const app::PatrolPlanView& v) {
  return JsonResponse(status, json::serialize(ToJson(v, true)));
}

}  // namespace

void AddPatrolRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/patrol-plans", Access::Need(perm::kPatrolRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          domain::patrol::PlanFilter f;
          f.school_id = q.Int("school_id");
          f.key_place_id = q.Int("key_place_id");
          f.active_only = q.Bool("active").value_or(false);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto plans, app::ListPatrolPlans(s, ContextOf(req), std::move(f)));
          json::array items;
          for (const auto& v : plans) items.push_back(ToJson(v, false));
          const auto total = static_cast<std::int64_t>(items.size());
          return JsonResponse(
              200, json::serialize(json::object{{"items", std::move(items)}, {"total", total}}));
        });
  r.Add(
      "POST", "/api/v1/patrol-plans", Access::Need(perm::kPatrolManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto p = PlanFromJson(f, true);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::CreatePatrolPlan(s, ContextOf(req), std::move(p)));
        return PlanResponse(201, out);
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/patrol-plans/{id}", Access::Need(perm::kPatrolRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetPatrolPlan(s, ContextOf(req), id));
          return PlanResponse(200, out);
        });
  r.Add(
      "PUT", "/api/v1/patrol-plans/{id}", Access::Need(perm::kPatrolManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto p = PlanFromJson(f, false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::EditPatrolPlan(s, ContextOf(req), id, std::move(p)));
        return PlanResponse(200, out);
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/patrol-plans/{id}", Access::Need(perm::kPatrolManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_TRY(app::DeletePatrolPlan(s, ContextOf(req), id));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/patrol-schedule", Access::Need(perm::kPatrolRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          app::ScheduleQuery in;
          in.from = q.Str("from");
          in.to = q.Str("to");
          in.school_id = q.Int("school_id");
          in.state = q.Str("state");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::PatrolSchedule(s, ContextOf(req), std::move(in)));
          json::array items;
          for (const auto& row : out.rows) items.push_back(ToJson(*row.plan, row.slot));
          json::object counts;
          for (const char* st : {"done", "due", "missed", "upcoming"}) {
            const auto it = out.counts.find(st);
            counts[st] = it == out.counts.end() ? 0 : it->second;
          }
          const auto total = static_cast<std::int64_t>(items.size());
          return JsonResponse(200, json::serialize(json::object{{"from", out.from},
                                                                {"to", out.to},
                                                                {"items", std::move(items)},
                                                                {"total", total},
                                                                {"counts", std::move(counts)}}));
        });
  r.Add("GET", "/api/v1/patrol-places/{id}", Access::Need(perm::kPatrolRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetPatrolPlace(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add("GET", "/api/v1/patrol-records", Access::Need(perm::kPatrolRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = RecordFilterOf(q);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListPatrolRecords(s, ContextOf(req), f, page));
          json::array items;
          for (const auto& x : result.items) items.push_back(ToJson(x));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
  r.Add("GET", "/api/v1/patrol-records/export", Access::Need(perm::kPatrolRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = RecordFilterOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportPatrolRecords(s, ContextOf(req), f));
          return FileResponse(std::move(bytes), "xlsx", "巡查记录.xlsx");
        });
  r.Add(
      "POST", "/api/v1/patrol-records", Access::Need(perm::kPatrolRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto in = PatrolFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::RecordPatrol(s, ContextOf(req), std::move(in)));
        return JsonResponse(201, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/patrol-records/{id}", Access::Need(perm::kPatrolRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetPatrolRecord(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "POST", "/api/v1/patrol-records/{id}/hazards", Access::Need(perm::kPatrolRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        app::PatrolHazardInput in;
        in.item_key = f.Str("item_key", true).value_or("");
        in.level = f.Str("level", false);
        in.domain = f.Str("domain", false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::RaisePatrolHazard(s, ContextOf(req), id, in));
        return JsonResponse(201, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
