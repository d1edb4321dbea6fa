#include "http/json/drill_json.hpp"

#include <boost/json.hpp>

#include "domain/drill/drill_rules.hpp"
#include "http/json/hazard_json.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace rules = domain::rules;
namespace dr = domain::drill;

namespace {

json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

json::value ToJson(const rules::Finding& f) {
  json::array evidence;
  for (const auto id : f.evidence) evidence.push_back(id);
  return json::object{{"id", f.id},
                      {"rule_id", f.rule_id},
                      {"rule_version", f.rule_version},
                      {"params_version", f.params_version},
                      {"params_unit_id", f.params_unit_id},
                      {"params", f.params},
                      {"subject_type", f.subject_type},
                      {"subject_id", f.subject_id},
                      {"school_id", f.unit_id},
                      {"school_name", f.unit_name},
                      {"period_key", f.period_key},
                      {"period_label", f.period_label},
                      {"period_first", f.period_first},
                      {"period_last", f.period_last},
                      {"so_far", f.so_far},
                      {"outcome", std::string(rules::OutcomeCode(f.outcome))},
                      {"outcome_label", std::string(rules::OutcomeLabel(f.outcome))},
                      {"reason", f.reason},
                      {"evidence", std::move(evidence)},
                      {"evaluated_at", f.evaluated_at}};
}

json::value ToJson(const dr::Drill& d) {
  json::array problems;
  for (const auto& p : d.problems) {
    problems.push_back(json::object{{"text", p.text}, {"hazard_id", Opt(p.hazard_id)}});
  }
  const auto* kind = dr::FindKind(d.kind);
  const auto seconds = dr::EvacuationSeconds(d);
  return json::object{
      {"id", d.id},
      {"school_id", d.school_id},
      {"school_name", d.school_name},
      {"kind", d.kind},
      {"kind_label", kind ? std::string(kind->label) : d.kind},
      {"title", d.title},
      {"date", d.date},
      {"start_time", d.start_time},
      {"night", d.night},
      {"announced", d.announced},
      {"evacuation", d.evacuation},
      {"whole_school", d.whole_school},
      {"scope_note", d.scope_note},
      {"building_id", Opt(d.building_id)},
      {"building", d.building},
      {"floors", d.floors},
      {"commander", d.commander},
      {"students", d.students},
      {"staff", d.staff},
      {"signal_time", d.signal_time},
      {"all_out_time", d.all_out_time},
      {"evacuation_seconds", seconds ? json::value(*seconds) : json::value(nullptr)},
      {"headcount_ok", d.headcount_ok},
      {"headcount_note", d.headcount_note},
      {"injuries", d.injuries},
      {"problems", std::move(problems)},
      {"actions", d.actions},
      {"recorded_by", d.recorded_by},
      {"created_at", d.created_at},
      {"updated_at", d.updated_at},
      {"plan_id", d.plan_id ? json::value(*d.plan_id) : json::value(nullptr)}};
}

json::value ToJson(const app::DrillPlanView& v) {
  const auto& p = v.plan;
  return json::object{{"id", p.id},
                      {"school_id", p.school_id},
                      {"school_name", p.school_name},
                      {"kind", p.kind},
                      {"title", p.title},
                      {"date", p.date},
                      {"start_time", p.start_time},
                      {"night", p.night},
                      {"whole_school", p.whole_school},
                      {"scope_note", p.scope_note},
                      {"commander", p.commander},
                      {"note", p.note},
                      {"drill_id", p.drill_id ? json::value(*p.drill_id) : json::value(nullptr)},
                      {"status", std::string(dr::PlanStatusCode(v.status))},
                      {"can_edit", v.can_edit},
                      {"created_by", p.created_by},
                      {"created_at", p.created_at},
                      {"updated_at", p.updated_at}};
}

dr::DrillPlan DrillPlanFromJson(Fields& f, bool creating) {
  dr::DrillPlan p;
  if (creating) p.school_id = f.Int("school_id", true).value_or(0);
  p.kind = f.Str("kind", true).value_or("");
  p.title = f.Str("title", false).value_or("");
  p.date = f.Str("date", true).value_or("");
  p.start_time = f.Str("start_time", false).value_or("");
  p.night = f.Bool("night", false).value_or(false);
  p.whole_school = f.Bool("whole_school", false).value_or(true);
  p.scope_note = f.Str("scope_note", false).value_or("");
  p.commander = f.Str("commander", true).value_or("");
  p.note = f.Str("note", false).value_or("");
  return p;
}

json::value ToJson(const app::DrillDetail& d) {
  json::array findings;
  for (const auto& f : d.findings) findings.push_back(ToJson(f));
  auto out = ToJson(d.drill).as_object();
  out["findings"] = std::move(findings);
  json::array files;
  for (const auto& f : d.files) files.push_back(ToJson(f));
  out["files"] = std::move(files);
  out["can_edit"] = d.can_edit;
  return out;
}

dr::Drill DrillFromJson(Fields& f, bool creating) {
  dr::Drill d;
  if (creating) d.school_id = f.Int("school_id", true).value_or(0);
  d.kind = f.Str("kind", true).value_or("");
  d.title = f.Str("title", false).value_or("");
  d.date = f.Str("date", true).value_or("");
  d.start_time = f.Str("start_time", false).value_or("");
  d.night = f.Bool("night", false).value_or(false);
  d.announced = f.Bool("announced", false).value_or(true);
  const auto* kind = dr::FindKind(d.kind);
  d.evacuation = f.Bool("evacuation", false).value_or(kind ? kind->evacuation : true);
  d.whole_school = f.Bool("whole_school", false).value_or(true);
  d.scope_note = f.Str("scope_note", false).value_or("");
  d.building_id = f.Int("building_id", false);
  d.commander = f.Str("commander", true).value_or("");
  d.students = static_cast<int>(
      std::clamp<std::int64_t>(f.Int("students", false).value_or(0), -1, 1'000'000));
  d.staff =
      static_cast<int>(std::clamp<std::int64_t>(f.Int("staff", false).value_or(0), -1, 1'000'000));
  d.signal_time = f.Str("signal_time", false).value_or("");
  d.all_out_time = f.Str("all_out_time", false).value_or("");
  d.headcount_ok = f.Bool("headcount_ok", false).value_or(true);
  d.headcount_note = f.Str("headcount_note", false).value_or("");
  d.injuries = static_cast<int>(
      std::clamp<std::int64_t>(f.Int("injuries", false).value_or(0), -1, 1'000'000));
  d.actions = f.Str("actions", false).value_or("");
  if (const auto* arr = f.Array("problems", false)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string path = f.Path("problems") + "[" + std::to_string(i) + "]";
      if (const auto* s = (*arr)[i].if_string()) {
        d.problems.push_back({std::string(*s), std::nullopt});
      } else if (const auto* o = f.Object((*arr)[i], path)) {
        Fields item(*o, path);
        d.problems.push_back({item.Str("text", true).value_or(""), std::nullopt});
        item.Int("hazard_id", false);  // sent back as read; links are kept by the server
        f.Merge(item);
      }
    }
  }
  return d;
}

}  // namespace xiaoan::http
