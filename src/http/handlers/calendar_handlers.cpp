// The school calendar's routes: holiday notices, what a bureau, cluster or school sets, and a
// school's month.
#include <boost/json.hpp>

#include "app/calendar/calendar.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/calendar_json.hpp"
#include "http/json/fields.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

namespace {

HttpResponse UnitCalendarResponse(const app::UnitCalendar& c) {
  return JsonResponse(200, json::serialize(ToJson(c)));
}

// PUT /api/v1/units/{id}/calendar/<list>: {"<list>": [...]} replaces what the unit set of it.
template <typename Read, typename Set>
void AddUnitListRoute(Router& r, app::Services& s, const std::string& list, Read read, Set set) {
  r.Add(
      "PUT", "/api/v1/units/{id}/calendar/" + list, Access::Need(perm::kCalendarWrite),
      [&s, read, set](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto items = read(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto c, set(s, ContextOf(req), id, std::move(items)));
        return UnitCalendarResponse(c);
      },
      0, Runs::kInWriteBatch);
}

}  // namespace

void AddCalendarRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/calendar/holidays", Access::Need(perm::kCalendarRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto years, app::ListHolidayYears(s, ContextOf(req)));
          json::array items;
          for (const auto& y : years) items.push_back(ToJson(y));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
        });
  r.Add(
      "PUT", "/api/v1/calendar/holidays/{year}", Access::Need(perm::kCalendarHolidays),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto year, PathId(req, "year"));
        XA_TRY(ParseObject(req.body));  // malformed JSON (400) and repeated keys
        XA_ASSIGN_OR_RETURN(auto notice, app::ParseHolidayNotice(req.body));
        if (notice.year != year) {
          return InvalidArgument("year", "请求体中的年份 " + std::to_string(notice.year) +
                                             " 与地址中的 " + std::to_string(year) + " 不一致");
        }
        XA_ASSIGN_OR_RETURN(auto stored,
                            app::ImportHolidayYear(s, ContextOf(req), std::move(notice)));
        return JsonResponse(200, json::serialize(ToJson(stored)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/units/{id}/calendar", Access::Need(perm::kCalendarRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto c, app::GetUnitCalendar(s, ContextOf(req), id));
          return UnitCalendarResponse(c);
        });
  AddUnitListRoute(r, s, "terms", TermsFromJson, app::SetTerms);
  AddUnitListRoute(r, s, "exceptions", ExceptionsFromJson, app::SetExceptions);
  AddUnitListRoute(r, s, "dismissals", DismissalsFromJson, app::SetDismissals);
  r.Add("GET", "/api/v1/schools/{id}/calendar", Access::Need(perm::kCalendarRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          QueryReader q(req);
          const auto month = q.Str("month");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto m, app::GetSchoolMonth(s, ContextOf(req), id, month));
          return JsonResponse(200, json::serialize(ToJson(m)));
        });
}

}  // namespace xiaoan::http
