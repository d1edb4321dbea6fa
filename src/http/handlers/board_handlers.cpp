// Boards (看板): summaries of what the caller's data scope covers, for the console's pages.
#include <boost/json.hpp>

#include "app/hazards/hazards.hpp"
#include "app/org/org_use_cases.hpp"
#include "http/api.hpp"
#include "http/json/org_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;

void AddBoardRoutes(Router& router, app::Services& services) {
  router.Add("GET", "/api/v1/boards/home", Access::LoggedIn(),
             [&s = services](HttpRequest& req) -> Result<HttpResponse> {
               QueryReader q(req);
               XA_TRY(q.Finish());
               XA_ASSIGN_OR_RETURN(auto board, app::GetHomeBoard(s, ContextOf(req)));
               json::object body{
                   {"scope", json::object{{"kind", domain::ScopeKindName(board.scope_kind)},
                                          {"unit_name", board.unit_name}}},
                   {"schools", board.schools ? ToJson(*board.schools) : json::value(nullptr)},
                   {"generated_at", board.generated_at}};
               return JsonResponse(200, json::serialize(body));
             });
  router.Add(
      "GET", "/api/v1/boards/hazards", Access::Need(domain::perm::kHazardRead),
      [&s = services](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto school_id = q.Int("school_id");
        XA_TRY(q.Finish());
        XA_ASSIGN_OR_RETURN(auto b, app::GetHazardBoard(s, ContextOf(req), school_id));
        const auto counts = [](const std::vector<domain::CodeCount>& cs) {
          json::array out;
          for (const auto& c : cs) {
            out.push_back(json::object{{"code", c.code}, {"label", c.label}, {"count", c.count}});
          }
          return out;
        };
        json::array trend;
        for (const auto& m : b.trend) {
          trend.push_back(json::object{{"month", m.month}, {"open", m.open}});
        }
        json::array schools;
        for (const auto& x : b.schools) {
          schools.push_back(json::object{{"school_id", x.school_id},
                                         {"school_name", x.school_name},
                                         {"open", x.open},
                                         {"open_major", x.open_major},
                                         {"overdue", x.overdue},
                                         {"supervised", x.supervised}});
        }
        json::object body{{"open_total", b.open_total},
                          {"open_by_level", counts(b.open_by_level)},
                          {"open_by_domain", counts(b.open_by_domain)},
                          {"overdue", b.overdue},
                          {"supervised", b.supervised},
                          {"closed_this_month", b.closed_this_month},
                          {"closure_rate", b.closure_rate},
                          {"avg_days_to_close", b.avg_days_to_close},
                          {"trend", std::move(trend)},
                          {"schools", std::move(schools)}};
        return JsonResponse(200, json::serialize(body));
      });
}

}  // namespace xiaoan::http
