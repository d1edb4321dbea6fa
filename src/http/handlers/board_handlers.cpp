// Boards (看板): summaries of what the caller's data scope covers, for the console's pages.
#include <boost/json.hpp>

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
}

}  // namespace xiaoan::http
