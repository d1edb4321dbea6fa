// Inspection campaigns: deploy, schools and teams, sheets, feedback, board, evaluation, typical
// problems and their briefing, close.
#include <boost/json.hpp>

#include "app/campaigns/campaigns.hpp"
#include "domain/auth/auth.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/json/campaign_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

namespace {

HttpResponse Json(int status, const json::value& v) {
  return JsonResponse(status, json::serialize(v));
}

json::value Items(const std::vector<domain::campaign::Target>& targets) {
  json::array items;
  for (const auto& t : targets) items.push_back(ToJson(t));
  const auto total = static_cast<std::int64_t>(items.size());
  return json::object{{"items", std::move(items)}, {"total", total}};
}

}  // namespace

void AddCampaignRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/campaigns", Access::Need(perm::kCampaignRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          domain::campaign::CampaignFilter f;
          f.state = q.Str("state");
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListCampaigns(s, ContextOf(req), f, page));
          json::array items;
          for (const auto& c : result.items) items.push_back(ToJson(c));
          return Json(200, json::object{{"items", std::move(items)},
                                        {"total", result.total},
                                        {"page", page.page},
                                        {"page_size", page.page_size}});
        });
  r.Add(
      "POST", "/api/v1/campaigns", Access::Need(perm::kCampaignManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto c = CampaignFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::DeployCampaign(s, ContextOf(req), std::move(c)));
        return Json(201, ToJson(out));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/campaigns/{id}", Access::Need(perm::kCampaignRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetCampaign(s, ContextOf(req), id));
          return Json(200, ToJson(out));
        });
  r.Add("GET", "/api/v1/campaigns/{id}/schools", Access::Need(perm::kCampaignRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::CampaignSchools(s, ContextOf(req), id));
          return Json(200, Items(out));
        });
  r.Add("GET", "/api/v1/campaigns/{id}/schools/{school_id}", Access::Need(perm::kCampaignRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto school_id, PathId(req, "school_id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetCampaignSchool(s, ContextOf(req), id, school_id));
          return Json(200, ToJson(out));
        });
  r.Add(
      "POST", "/api/v1/campaigns/{id}/schools/{school_id}/submit",
      Access::Need(perm::kCampaignFill),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto school_id, PathId(req, "school_id"));
        XA_ASSIGN_OR_RETURN(auto out, app::SubmitSelfInspection(s, ContextOf(req), id, school_id));
        return Json(200, ToJson(out));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/campaigns/{id}/teams", Access::Need(perm::kCampaignManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto t = TeamFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::CreateCampaignTeam(s, ContextOf(req), id, std::move(t)));
        return Json(201, ToJson(out));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/campaigns/{id}/assignments", Access::Need(perm::kCampaignManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto schools = f.Ids("school_ids");
        const auto team = f.Int("team_id", false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out,
                            app::AssignCampaignSchools(s, ContextOf(req), id, schools, team));
        return Json(200, Items(out));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/campaigns/{id}/sheets", Access::Need(perm::kCampaignRead),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto in = SheetFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::FillCampaignSheet(s, ContextOf(req), id, std::move(in)));
        return Json(201, ToJson(out));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/campaign-sheets/{id}", Access::Need(perm::kCampaignRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetCampaignSheet(s, ContextOf(req), id));
          return Json(200, ToJson(out));
        });
  r.Add(
      "POST", "/api/v1/campaigns/{id}/messages", Access::Need(perm::kCampaignRead),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto m = MessageFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out,
                            app::PostCampaignMessage(s, ContextOf(req), id, std::move(m)));
        return Json(201, ToJson(out));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/campaigns/{id}/board", Access::Need(perm::kCampaignRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetCampaignBoard(s, ContextOf(req), id));
          return Json(200, ToJson(out));
        });
  r.Add("GET", "/api/v1/campaigns/{id}/evaluation", Access::Need(perm::kCampaignRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::EvaluateCampaign(s, ContextOf(req), id));
          return Json(200, ToJson(out));
        });
  r.Add("GET", "/api/v1/campaigns/{id}/schools/{school_id}/evaluation",
        Access::Need(perm::kCampaignRead), [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto school_id, PathId(req, "school_id"));
          XA_ASSIGN_OR_RETURN(auto out,
                              app::EvaluateCampaignSchool(s, ContextOf(req), id, school_id));
          return Json(200, ToJson(out));
        });
  r.Add("GET", "/api/v1/campaigns/{id}/evaluation/export", Access::Need(perm::kCampaignRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportEvaluation(s, ContextOf(req), id));
          return FileResponse(std::move(bytes), "xlsx", "专项行动评价.xlsx");
        });
  r.Add("GET", "/api/v1/campaigns/{id}/hazards", Access::Need(perm::kCampaignManage),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          QueryReader q(req);
          const bool typical_only = q.Bool("typical").value_or(false);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::CampaignHazards(s, ContextOf(req), id, typical_only));
          json::array items;
          for (const auto& h : out) items.push_back(ToJson(h));
          const auto total = static_cast<std::int64_t>(items.size());
          return Json(200, json::object{{"items", std::move(items)}, {"total", total}});
        });
  r.Add(
      "PUT", "/api/v1/campaigns/{id}/typical/{hazard_id}", Access::Need(perm::kCampaignManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto hazard_id, PathId(req, "hazard_id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto note = f.Str("note", false).value_or("");
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::MarkTypical(s, ContextOf(req), id, hazard_id, note));
        return Json(200, ToJson(out));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/campaigns/{id}/typical/{hazard_id}", Access::Need(perm::kCampaignManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto hazard_id, PathId(req, "hazard_id"));
        XA_TRY(app::UnmarkTypical(s, ContextOf(req), id, hazard_id));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/campaigns/{id}/briefing/export", Access::Need(perm::kCampaignManage),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportBriefing(s, ContextOf(req), id));
          return FileResponse(std::move(bytes), "xlsx", "典型问题通报.xlsx");
        });
  r.Add(
      "POST", "/api/v1/campaigns/{id}/close", Access::Need(perm::kCampaignManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto summary = f.Str("summary", true).value_or("");
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::CloseCampaign(s, ContextOf(req), id, summary));
        return Json(200, ToJson(out));
      },
      0, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
