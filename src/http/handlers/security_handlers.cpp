// 四个100%: a school's security record and the bureau's board with its export.
#include <boost/json.hpp>

#include "app/org/school_exchange.hpp"
#include "app/security/security.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/org_json.hpp"
#include "http/json/security_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

void AddSecurityRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/schools/{id}/security", Access::Need(perm::kSecurityRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::GetSecurityRecord(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add(
      "PUT", "/api/v1/schools/{id}/security", Access::Need(perm::kSecurityRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto in = SecurityRecordFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::SaveSecurityRecord(s, ContextOf(req), id, std::move(in)));
        return JsonResponse(200, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/security/board", Access::Need(perm::kSecurityRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto date = q.Str("date");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto b, app::GetSecurityBoard(s, ContextOf(req), date));
          return JsonResponse(200, json::serialize(ToJson(b)));
        });
  r.Add("GET", "/api/v1/security/board/export", Access::Need(perm::kSecurityRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto date = q.Str("date");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportSecurityBoard(s, ContextOf(req), date));
          return FileResponse(std::move(bytes), "xlsx", "四个100%统计.xlsx");
        });
  // The record's lists (guards, alarms, posts) in and out of Excel for many schools at once.
  r.Add("GET", "/api/v1/security/import-template", Access::Need(perm::kSecurityRecord),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto list = q.Str("list").value_or("");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto file, app::SecurityListTemplate(list));
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add(
      "POST", "/api/v1/security/import", Access::Need(perm::kSecurityRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto list = q.Str("list").value_or("");
        const auto format = q.Str("format").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report,
                            app::ImportSecurityList(s, ContextOf(req), list, req.body, format));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      8 << 20);
  r.Add("GET", "/api/v1/security/export", Access::Need(perm::kSecurityRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto list = q.Str("list").value_or("");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto file, app::ExportSecurityList(s, ContextOf(req), list));
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add("GET", "/api/v1/security/rounds", Access::Need(perm::kSecurityRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto l, app::ListSecurityRounds(s, ContextOf(req)));
          return JsonResponse(200, json::serialize(ToJson(l)));
        });
  r.Add(
      "POST", "/api/v1/security/rounds", Access::Need(perm::kCampaignManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto in = RoundInputFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::OpenSecurityRound(s, ContextOf(req), std::move(in)));
        return JsonResponse(201, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/security/rounds/{id}", Access::Need(perm::kSecurityRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::GetSecurityRound(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add("GET", "/api/v1/security/rounds/{id}/export", Access::Need(perm::kSecurityRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto file, app::ExportSecurityRound(s, ContextOf(req), id));
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add("GET", "/api/v1/security/rounds/{id}/schools/{school_id}",
        Access::Need(perm::kSecurityRead), [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto school_id, PathId(req, "school_id"));
          XA_ASSIGN_OR_RETURN(auto v, app::GetSecurityScreening(s, ContextOf(req), id, school_id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add(
      "POST", "/api/v1/security/rounds/{id}/schools/{school_id}/screen",
      Access::Need(perm::kSecurityRecord),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto school_id, PathId(req, "school_id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto evidence = EvidenceFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(
            auto v, app::ScreenSchool(s, ContextOf(req), id, school_id, std::move(evidence)));
        return JsonResponse(201, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
