// The rules engine's catalog: every module's rules with their parameters and the values in force.
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "app/rules/rules.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/drill_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace rules = domain::rules;

namespace {

json::object RuleJson(const app::RuleView& v) {
  const auto& r = *v.rule;
  json::array params;
  for (const auto& p : rules::SpecsOf(r)) {
    const auto value = v.values.find(p.key);
    params.push_back(
        json::object{{"key", p.key},
                     {"effect", rules::IsEffectKey(p.key)},
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
          {"configure_path", v.configure_path},
          {"engine_values", v.engine_values},
          {"params_version", v.params_version},
          {"params_unit_id", v.params_unit_id}};
}

json::object DetailJson(const app::RuleDetail& d) {
  auto out = RuleJson(d.view);
  json::array history;
  for (const auto& h : d.history) {
    json::object values;
    for (const auto& [k, v] : h.values) values[k] = v;
    history.push_back(json::object{{"unit_id", h.unit_id},
                                   {"version", h.version},
                                   {"values", std::move(values)},
                                   {"note", h.note},
                                   {"changed_by", h.changed_by},
                                   {"changed_at", h.changed_at}});
  }
  out["history"] = std::move(history);
  return out;
}

json::object BoardRowJson(const app::RuleBoardRow& row) {
  json::object counts;
  for (const auto o : {rules::Outcome::kPass, rules::Outcome::kDue, rules::Outcome::kFail,
                       rules::Outcome::kWarn, rules::Outcome::kNotApplicable}) {
    const std::string code(rules::OutcomeCode(o));
    const auto it = row.counts.find(code);
    counts[code] = it != row.counts.end() ? it->second : 0;
  }
  json::array periods;
  for (const auto& p : row.periods) periods.push_back(json::value(p));
  return {{"rule_id", row.rule->id},
          {"title", row.rule->title},
          {"module", row.module},
          {"measure", row.rule->measure},
          {"period", std::string(rules::PeriodCode(row.rule->period))},
          {"period_label", row.period_label},
          {"periods", std::move(periods)},
          {"schools", row.schools},
          {"unjudged", row.unjudged},
          {"counts", std::move(counts)}};
}

// The findings' filters, shared by the list and the export.
app::FindingQuery ReadFindingQuery(QueryReader& q, std::vector<ErrorDetail>& problems) {
  app::FindingQuery out;
  out.rule = q.Str("rule");
  out.module = q.Str("module");
  if (const auto m = q.Int("measure")) {
    out.measure = static_cast<int>(std::clamp<std::int64_t>(*m, -1, 100));
  }
  out.filter.unit_id = q.Int("school_id");
  if (const auto o = q.Str("outcome")) {
    for (const auto& code : Split(*o, ',')) {
      if (const auto parsed = rules::ParseOutcome(code)) {
        out.filter.outcomes.push_back(*parsed);
      } else {
        problems.push_back({"outcome", "取值须为 pass、due、fail、warn、na（可用逗号分隔）"});
        break;
      }
    }
  }
  if (const auto p = q.Str("period")) out.filter.period_keys.push_back(*p);
  if (const auto st = q.Str("subject_type")) out.filter.subject_type = *st;
  return out;
}

}  // namespace

void AddRuleRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/rules", Access::LoggedIn(), [&s](HttpRequest& req) -> Result<HttpResponse> {
    QueryReader q(req);
    const auto measure = q.Int("measure");
    XA_TRY(q.Finish());
    std::optional<int> m;
    if (measure) m = static_cast<int>(std::clamp<std::int64_t>(*measure, -1, 100));
    XA_ASSIGN_OR_RETURN(auto list, app::ListRules(s, ContextOf(req), m));
    json::array items;
    for (const auto& v : list) items.push_back(RuleJson(v));
    return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
  });
  r.Add("GET", "/api/v1/rules/{id}", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto d, app::GetRule(s, ContextOf(req), req.path_params.at("id")));
          return JsonResponse(200, json::serialize(DetailJson(d)));
        });
  r.Add(
      "PUT", "/api/v1/rules/{id}/parameters", Access::Need(domain::perm::kRulesConfigure),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto unit = f.Int("unit_id", false);
        const auto note = f.Str("note", false).value_or("");
        std::map<std::string, std::int64_t> values;
        if (const auto* o = f.ObjectField("values", true)) {
          for (const auto& kv : *o) {
            const std::string key(kv.key());
            if (const auto* n = kv.value().if_int64()) {
              values[key] = *n;
            } else {
              f.AddError("values." + key, "须为整数");
            }
          }
        }
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(
            auto d, app::SetRuleParameters(s, ContextOf(req), req.path_params.at("id"), unit,
                                           values, note));
        return JsonResponse(200, json::serialize(DetailJson(d)));
      },
      0, Runs::kInWriteBatch);
  r.Add("POST", "/api/v1/rules/evaluate", Access::Need(domain::perm::kRulesConfigure),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body.empty() ? "{}" : req.body));
          Fields f(obj);
          const auto date = f.Str("date", false);
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto n, app::EvaluateSchools(s, ContextOf(req), date));
          return JsonResponse(200, json::serialize(json::object{{"schools", n}}));
        });
  r.Add("GET", "/api/v1/rule-findings", Access::Need(domain::perm::kRulesRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          std::vector<ErrorDetail> problems;
          auto query = ReadFindingQuery(q, problems);
          query.page = q.Page();
          XA_TRY(q.Finish());
          if (!problems.empty()) return domain::ValidationError(std::move(problems));
          XA_ASSIGN_OR_RETURN(auto result, app::ListFindings(s, ContextOf(req), query));
          json::array items;
          for (const auto& f : result.items) items.push_back(ToJson(f));
          return JsonResponse(200,
                              json::serialize(json::object{{"items", std::move(items)},
                                                           {"total", result.total},
                                                           {"page", query.page.page},
                                                           {"page_size", query.page.page_size}}));
        });
  r.Add("GET", "/api/v1/rule-findings/export", Access::Need(domain::perm::kRulesRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          std::vector<ErrorDetail> problems;
          auto query = ReadFindingQuery(q, problems);
          XA_TRY(q.Finish());
          if (!problems.empty()) return domain::ValidationError(std::move(problems));
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportFindings(s, ContextOf(req), query));
          return FileResponse(std::move(bytes), "xlsx", "规则判定结果.xlsx");
        });
  r.Add("GET", "/api/v1/rule-board", Access::Need(domain::perm::kRulesRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto module = q.Str("module");
          const auto date = q.Str("date");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto board, app::GetRuleBoard(s, ContextOf(req), module, date));
          json::array rows;
          for (const auto& row : board.rows) rows.push_back(BoardRowJson(row));
          json::array failing;
          for (const auto& f : board.failing) failing.push_back(ToJson(f));
          return JsonResponse(200, json::serialize(json::object{{"date", board.date},
                                                                {"rows", std::move(rows)},
                                                                {"failing", std::move(failing)}}));
        });
  r.Add("GET", "/api/v1/plan-board/trend", Access::Need(domain::perm::kRulesRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto year = q.Int("year");
          XA_TRY(q.Finish());
          std::optional<int> y;
          if (year) y = static_cast<int>(std::clamp<std::int64_t>(*year, 0, 100000));
          XA_ASSIGN_OR_RETURN(auto trend, app::GetPlanTrend(s, ContextOf(req), y));
          json::array months;
          for (const auto& m : trend.months) {
            json::array measures;
            for (const auto& row : m.measures) {
              measures.push_back(json::object{{"number", row.number},
                                              {"schools_failing", row.schools_failing},
                                              {"schools_judged", row.schools_judged}});
            }
            months.push_back(json::object{{"month", m.month},
                                          {"date", m.date},
                                          {"schools", m.schools},
                                          {"measures", std::move(measures)}});
          }
          return JsonResponse(200, json::serialize(json::object{{"year", trend.year},
                                                                {"months", std::move(months)}}));
        });
  r.Add("GET", "/api/v1/plan-board", Access::Need(domain::perm::kRulesRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto date = q.Str("date");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto board, app::GetPlanBoard(s, ContextOf(req), date));
          json::array actions;
          for (const auto& a : board.actions) {
            json::array measures;
            for (const auto& m : a.measures) {
              json::array school_rules;
              for (const auto& r : m.school_rules) school_rules.push_back(BoardRowJson(r));
              json::array record_rules;
              for (const auto* r : m.record_rules) {
                record_rules.push_back(json::object{{"rule_id", r->id}, {"title", r->title}});
              }
              const bool has_rules = !m.school_rules.empty() || !m.record_rules.empty();
              measures.push_back(json::object{{"number", m.number},
                                              {"title", m.title},
                                              {"has_rules", has_rules},
                                              {"school_rules", std::move(school_rules)},
                                              {"record_rules", std::move(record_rules)},
                                              {"schools_failing", m.schools_failing},
                                              {"schools_judged", m.schools_judged}});
            }
            actions.push_back(json::object{
                {"number", a.number}, {"title", a.title}, {"measures", std::move(measures)}});
          }
          return JsonResponse(200, json::serialize(json::object{{"date", board.date},
                                                                {"schools", board.schools},
                                                                {"actions", std::move(actions)}}));
        });
}

}  // namespace xiaoan::http
