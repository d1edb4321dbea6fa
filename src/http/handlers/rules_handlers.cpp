// The rules engine's catalog: every module's rules with their parameters and the values in force.
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "app/rules/rules.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/drill_json.hpp"
#include "http/json/org_json.hpp"
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

json::object YearPlanJson(const app::YearPlanView& v) {
  json::array actions;
  for (const auto& a : v.plan.actions) {
    json::array measures;
    for (const auto& m : a.measures) {
      json::array rules;
      for (const auto& id : m.rules) {
        const auto* decl = app::FindRegisteredRule(id);
        rules.push_back(json::object{{"id", id},
                                     {"title", decl ? decl->title : ""},
                                     {"subject", decl ? decl->subject : ""}});
      }
      measures.push_back(
          json::object{{"number", m.number}, {"title", m.title}, {"rules", std::move(rules)}});
    }
    actions.push_back(
        json::object{{"number", a.number}, {"title", a.title}, {"measures", std::move(measures)}});
  }
  return {{"year", v.plan.year},
          {"source", v.loaded ? "loaded" : "shipped"},
          {"unit_id", v.loaded ? json::value(v.plan.unit_id) : json::value(nullptr)},
          {"unit_name", v.unit_name},
          {"title", v.plan.title},
          {"loaded_by", v.plan.loaded_by},
          {"loaded_at", v.plan.loaded_at},
          {"can_load", v.can_load},
          {"actions", std::move(actions)}};
}

// A plan in JSON: {title, actions: [{number, title, measures: [{number, title, rules: [id]}]}]}.
domain::plan::YearPlan YearPlanFromJson(Fields& f) {
  domain::plan::YearPlan p;
  p.title = f.Str("title", true).value_or("");
  const auto number = [](Fields& item) {
    return static_cast<int>(
        std::clamp<std::int64_t>(item.Int("number", true).value_or(0), -1, 1'000'000));
  };
  if (const auto* actions = f.Array("actions", true)) {
    for (std::size_t i = 0; i < actions->size() && i <= domain::plan::kMaxActions; ++i) {
      const std::string at = f.Path("actions") + "[" + std::to_string(i) + "]";
      const auto* o = f.Object((*actions)[i], at);
      if (!o) continue;
      Fields af(*o, at);
      domain::plan::Action a;
      a.number = number(af);
      a.title = af.Str("title", true).value_or("");
      if (const auto* measures = af.Array("measures", true)) {
        for (std::size_t j = 0; j < measures->size() && j <= domain::plan::kMaxMeasures; ++j) {
          const std::string mat = af.Path("measures") + "[" + std::to_string(j) + "]";
          const auto* mo = af.Object((*measures)[j], mat);
          if (!mo) continue;
          Fields mf(*mo, mat);
          domain::plan::Measure m;
          m.number = number(mf);
          m.title = mf.Str("title", true).value_or("");
          if (const auto* rules = mf.Array("rules", false)) {
            for (std::size_t k = 0; k < rules->size(); ++k) {
              if (const auto* id = (*rules)[k].if_string()) {
                m.rules.emplace_back(*id);
              } else {
                m.rules.emplace_back();  // refused by the check: no rule has an empty id
              }
            }
          }
          af.Merge(mf);
          a.measures.push_back(std::move(m));
        }
      }
      f.Merge(af);
      p.actions.push_back(std::move(a));
    }
  }
  return p;
}

Result<int> PlanYear(const HttpRequest& req) {
  XA_ASSIGN_OR_RETURN(auto year, PathId(req, "year"));
  return static_cast<int>(std::clamp<std::int64_t>(year, 0, 100000));
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
  r.Add("GET", "/api/v1/plans/{year}", Access::Need(domain::perm::kRulesRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto year, PlanYear(req));
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto view, app::GetYearPlan(s, ContextOf(req), year));
          return JsonResponse(200, json::serialize(YearPlanJson(view)));
        });
  r.Add(
      "PUT", "/api/v1/plans/{year}", Access::Need(domain::perm::kRulesConfigure),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto year, PlanYear(req));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto plan = YearPlanFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto view, app::LoadYearPlan(s, ContextOf(req), year, std::move(plan)));
        return JsonResponse(200, json::serialize(YearPlanJson(view)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/plans/{year}", Access::Need(domain::perm::kRulesConfigure),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto year, PlanYear(req));
        XA_TRY(app::RemoveYearPlan(s, ContextOf(req), year));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/plans/{year}/export", Access::Need(domain::perm::kRulesRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto year, PlanYear(req));
          QueryReader q(req);
          const std::string format = q.Str("format").value_or("xlsx");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportYearPlan(s, ContextOf(req), year, format));
          return FileResponse(std::move(bytes), format,
                              std::to_string(year) + "年度计划." + format);
        });
  r.Add(
      "POST", "/api/v1/plans/{year}/import", Access::Need(domain::perm::kRulesConfigure),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto year, PlanYear(req));
        QueryReader q(req);
        const std::string format = q.Str("format").value_or("");
        const std::string title = q.Str("title").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report,
                            app::ImportYearPlan(s, ContextOf(req), year, req.body, format, title));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      1 << 20);
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
          return JsonResponse(
              200, json::serialize(json::object{
                       {"date", board.date},
                       {"schools", board.schools},
                       {"plan", json::object{{"year", board.plan_year},
                                             {"source", board.plan_loaded ? "loaded" : "shipped"},
                                             {"title", board.plan_title},
                                             {"unit_name", board.plan_unit_name}}},
                       {"actions", std::move(actions)}}));
        });
}

}  // namespace xiaoan::http
