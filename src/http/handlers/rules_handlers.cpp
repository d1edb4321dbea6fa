// The rules engine's catalog: every module's rules with their parameters and the values in force.
#include <boost/json.hpp>

#include "app/rules/rules.hpp"
#include "http/api.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace rules = domain::rules;

namespace {

json::object RuleJson(const app::RuleView& v) {
  const auto& r = *v.rule;
  json::array params;
  for (const auto& p : r.params) {
    const auto value = v.values.find(p.key);
    params.push_back(
        json::object{{"key", p.key},
                     {"label", p.label},
                     {"unit", p.unit},
                     {"min", p.min},
                     {"max", p.max},
                     {"default", p.default_value},
                     {"value", value != v.values.end() ? value->second : p.default_value},
                     {"help", p.help}});
  }
  return {{"id", r.id},
          {"version", r.version},
          {"module", v.module},
          {"measure", r.measure},
          {"title", r.title},
          {"subject", r.subject},
          {"period", std::string(rules::PeriodCode(r.period))},
          {"period_label", std::string(rules::PeriodLabel(r.period))},
          {"source", r.source},
          {"params", std::move(params)},
          {"configure_path", v.configure_path}};
}

}  // namespace

void AddRuleRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/rules", Access::LoggedIn(), [&s](HttpRequest& req) -> Result<HttpResponse> {
    QueryReader q(req);
    const auto measure = q.Int("measure");
    XA_TRY(q.Finish());
    std::optional<int> m;
    if (measure) m = static_cast<int>(std::clamp<std::int64_t>(*measure, -1, 100));
    XA_ASSIGN_OR_RETURN(auto list, app::ListRules(s, m));
    json::array items;
    for (const auto& v : list) items.push_back(RuleJson(v));
    return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
  });
}

}  // namespace xiaoan::http
