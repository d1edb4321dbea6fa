#include "http/json/security_json.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "domain/hazard/hazard.hpp"
#include "http/json/hazard_json.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace sec = domain::security;
namespace cal = domain::calendar;

namespace {

json::value DateJson(const std::optional<cal::Date>& d) {
  return d ? json::value(cal::FormatDate(*d)) : json::value(nullptr);
}

std::optional<cal::Date> DateField(Fields& f, const char* key) {
  const auto text = f.NullableStr(key);
  if (!text || text->empty()) return std::nullopt;
  const auto d = cal::ParseDate(*text);
  if (!d) f.AddError(f.Path(key), "须为日期 YYYY-MM-DD");
  return d;
}

int IntField(Fields& f, const char* key) {
  return static_cast<int>(std::clamp<std::int64_t>(f.Int(key, false).value_or(0), -1, 1'000'000));
}

json::array Codes(const std::vector<std::string>& codes) {
  json::array out;
  for (const auto& c : codes) out.emplace_back(c);
  return out;
}

json::object IndicatorsJson(const sec::Indicators& i) {
  return {{"guards", i.guards},
          {"closed_campus", i.closed_campus},
          {"alarm_video", i.alarm_video},
          {"gate_duty", i.gate_duty},
          {"all", i.All()}};
}

json::object RateJson(const sec::Rate& r) {
  return {{"compliant", r.compliant}, {"screened", r.screened}, {"permille", r.permille()}};
}

json::object RatesJson(const sec::DistrictRates& r) {
  return {{"guards", RateJson(r.guards)},
          {"closed_campus", RateJson(r.closed_campus)},
          {"alarm_video", RateJson(r.alarm_video)},
          {"gate_duty", RateJson(r.gate_duty)},
          {"all", RateJson(r.all)}};
}

json::object SummaryJson(const app::RoundSummary& r) {
  return {{"id", r.round.id},
          {"name", r.round.name},
          {"from", r.round.from},
          {"to", r.round.to},
          {"bureau_id", r.round.bureau_id},
          {"bureau_name", r.round.bureau_name},
          {"window", r.window},
          {"created_by", r.round.created_by},
          {"created_at", r.round.created_at},
          {"schools", r.schools},
          {"screened", r.screened},
          {"hazards_raised", r.hazards_raised},
          {"hazards_open", r.hazards_open},
          {"rates", RatesJson(r.rates)}};
}

json::array HazardsJson(const std::vector<sec::ScreenedHazard>& hazards) {
  json::array out;
  for (const auto& h : hazards) {
    out.push_back(json::object{
        {"indicator", h.indicator},
        {"hazard_id", h.hazard_id},
        {"title", h.title},
        {"state", h.state},
        {"state_label", std::string(domain::LabelOf(domain::hazard::States(), h.state))}});
  }
  return out;
}

// A screening's own fields, spread into the object that carries it.
void PutScreening(json::object& o, const std::optional<sec::Screening>& x) {
  o["screened"] = x.has_value();
  o["screened_at"] = x ? json::value(x->screened_at) : json::value(nullptr);
  o["screened_by"] = x ? json::value(x->screened_by) : json::value(nullptr);
  o["indicators"] = x ? json::value(IndicatorsJson(x->indicators)) : json::value(nullptr);
  o["reasons"] = x ? json::value(x->reasons) : json::value(nullptr);
  o["hazards"] = x ? HazardsJson(x->hazards) : json::array{};
}

// Each entry of a list field, read with its own path (guards[2]).
template <typename Read>
void EachEntry(Fields& f, const char* key, Read read) {
  const auto* arr = f.Array(key, false);
  if (!arr) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string path = f.Path(key) + "[" + std::to_string(i) + "]";
    if (const auto* o = f.Object((*arr)[i], path)) {
      Fields item(*o, path);
      read(item);
      f.Merge(item);
    }
  }
}

}  // namespace

json::value ToJson(const app::SecurityView& v) {
  const auto& d = v.record.data;
  json::array guards;
  for (const auto& g : d.guards) {
    guards.push_back(json::object{{"id", g.id},
                                  {"name", g.name},
                                  {"full_time", g.full_time},
                                  {"license_no", g.license_no},
                                  {"birth_date", DateJson(g.birth_date)},
                                  {"employer", g.employer},
                                  {"shifts", g.shifts}});
  }
  json::array alarms;
  for (const auto& a : d.alarms) {
    alarms.push_back(json::object{{"id", a.id},
                                  {"location", a.location},
                                  {"linked_110", a.linked_110},
                                  {"linked_bureau", a.linked_bureau},
                                  {"last_test", DateJson(a.last_test)}});
  }
  json::array posts;
  for (const auto& p : d.posts) {
    posts.push_back(json::object{{"id", p.id},
                                 {"gate", p.gate},
                                 {"peak", p.peak},
                                 {"people", p.people},
                                 {"kinds", Codes(p.kinds)}});
  }
  json::array areas;
  for (const auto& a : sec::VideoAreas()) {
    const bool required = (a.code != "dormitory_entrance" || d.boarding) &&
                          (a.code != "canteen_kitchen" || d.has_canteen);
    areas.push_back(json::object{{"code", a.code}, {"label", a.label}, {"required", required}});
  }
  json::array findings;
  for (const auto& f : v.findings) {
    findings.push_back(
        json::object{{"rule", f.rule->id},
                     {"title", f.rule->title},
                     {"outcome", domain::rules::OutcomeCode(f.verdict.outcome)},
                     {"outcome_label", domain::rules::OutcomeLabel(f.verdict.outcome)},
                     {"reason", f.verdict.reason}});
  }
  return json::object{
      {"school_id", v.record.school_id},
      {"school_name", v.school_name},
      {"students", d.students},
      {"staff", d.staff},
      {"boarding", d.boarding},
      {"boarders", d.boarders},
      {"recorded", v.recorded},
      {"version", v.record.version},
      {"updated_at", v.record.updated_at},
      {"updated_by", v.record.updated_by},
      {"has_canteen", d.has_canteen},
      {"perimeter", d.perimeter},
      {"gate_controlled", d.gate_controlled},
      {"visitor_register", d.visitor_register},
      {"gate_house_staffed", d.gate_house_staffed},
      {"guards", std::move(guards)},
      {"alarms", std::move(alarms)},
      {"video", json::object{{"areas", Codes(d.video.areas)},
                             {"retention_days", d.video.retention_days},
                             {"open_fault_since", DateJson(d.video.open_fault_since)},
                             {"last_repair", DateJson(d.video.last_repair)}}},
      {"posts", std::move(posts)},
      {"patrols_per_day", d.patrols_per_day},
      {"required_guards", v.required_guards},
      {"video_areas", std::move(areas)},
      {"findings", std::move(findings)},
      {"indicators", v.recorded ? json::value(IndicatorsJson(v.indicators)) : json::value(nullptr)},
      {"can_edit", v.can_edit}};
}

json::value ToJson(const app::SecurityBoard& b) {
  json::array short_schools;
  for (const auto& s : b.short_schools) {
    json::array reasons;
    for (const auto& f : s.failed) {
      const auto* rule = domain::rules::FindRule(sec::RuleDecls(), f.rule_id);
      reasons.push_back(json::object{
          {"rule", f.rule_id}, {"title", rule ? rule->title : f.rule_id}, {"reason", f.reason}});
    }
    short_schools.push_back(json::object{{"school_id", s.school_id},
                                         {"school_name", s.school_name},
                                         {"indicators", IndicatorsJson(s.indicators)},
                                         {"reasons", std::move(reasons)}});
  }
  json::array unscreened;
  for (const auto& [id, name] : b.unscreened) {
    unscreened.push_back(json::object{{"school_id", id}, {"school_name", name}});
  }
  json::array trend;
  for (const auto& m : b.trend) {
    trend.push_back(json::object{{"month", m.month}, {"rates", RatesJson(m.rates)}});
  }
  json::array rounds;
  for (const auto& r : b.rounds) rounds.push_back(SummaryJson(r));
  return json::object{{"date", b.date},
                      {"month", b.month},
                      {"schools", b.schools},
                      {"screened", b.rates.all.screened},
                      {"rates", RatesJson(b.rates)},
                      {"short", std::move(short_schools)},
                      {"unscreened", std::move(unscreened)},
                      {"trend", std::move(trend)},
                      {"rounds", std::move(rounds)}};
}

json::value ToJson(const app::RoundList& l) {
  json::array items;
  for (const auto& r : l.items) items.push_back(SummaryJson(r));
  return json::object{{"items", std::move(items)}, {"can_open", l.can_open}};
}

json::value ToJson(const app::RoundView& v) {
  auto o = SummaryJson(v.summary);
  o["can_screen"] = v.can_screen;
  json::array rows;
  for (const auto& row : v.rows) {
    json::object r{{"school_id", row.school_id}, {"school_name", row.school_name}};
    PutScreening(r, row.screening);
    rows.push_back(std::move(r));
  }
  o["rows"] = std::move(rows);
  return o;
}

json::value ToJson(const app::ScreeningView& v) {
  json::object o{
      {"round", SummaryJson(v.round)}, {"school_id", v.school_id}, {"school_name", v.school_name}};
  PutScreening(o, v.screening);
  json::array evidence;
  for (const auto& e : v.evidence) {
    json::array files;
    for (const auto& f : e.files) files.push_back(ToJson(f));
    evidence.push_back(json::object{{"indicator", e.indicator},
                                    {"label", std::string(sec::IndicatorLabel(e.indicator))},
                                    {"note", e.note},
                                    {"files", std::move(files)}});
  }
  o["evidence"] = std::move(evidence);
  json::array findings;
  for (const auto& f : v.current.findings) {
    findings.push_back(
        json::object{{"rule", f.rule->id},
                     {"title", f.rule->title},
                     {"indicator", std::string(sec::IndicatorOfRule(f.rule->id))},
                     {"outcome", std::string(domain::rules::OutcomeCode(f.verdict.outcome))},
                     {"reason", f.verdict.reason}});
  }
  o["current"] = json::object{
      {"recorded", v.current.recorded},
      {"required_guards", v.current.required_guards},
      {"indicators", v.current.recorded ? json::value(IndicatorsJson(v.current.indicators))
                                        : json::value(nullptr)},
      {"findings", std::move(findings)}};
  o["can_screen"] = v.can_screen;
  return o;
}

app::RoundInput RoundInputFromJson(Fields& f) {
  app::RoundInput in;
  in.name = f.Str("name", true).value_or("");
  in.from = f.Str("from", true).value_or("");
  in.to = f.Str("to", true).value_or("");
  if (f.Has("school_ids")) in.school_ids = f.Ids("school_ids");
  return in;
}

std::vector<sec::Evidence> EvidenceFromJson(Fields& f) {
  std::vector<sec::Evidence> out;
  if (!f.Array("evidence", true)) return out;
  EachEntry(f, "evidence", [&](Fields& item) {
    sec::Evidence e;
    e.indicator = item.Str("indicator", true).value_or("");
    e.note = item.Str("note", false).value_or("");
    e.file_ids = item.Ids("file_ids");
    out.push_back(std::move(e));
  });
  return out;
}

sec::Record SecurityRecordFromJson(Fields& f) {
  sec::Record r;
  r.version = IntField(f, "version");
  auto& d = r.data;
  d.has_canteen = f.Bool("has_canteen", false).value_or(false);
  d.perimeter = f.Bool("perimeter", false).value_or(false);
  d.gate_controlled = f.Bool("gate_controlled", false).value_or(false);
  d.visitor_register = f.Bool("visitor_register", false).value_or(false);
  d.gate_house_staffed = f.Bool("gate_house_staffed", false).value_or(false);
  d.patrols_per_day = IntField(f, "patrols_per_day");
  EachEntry(f, "guards", [&](Fields& item) {
    sec::Guard g;
    g.id = item.Int("id", false).value_or(0);
    g.name = item.Str("name", true).value_or("");
    g.full_time = item.Bool("full_time", false).value_or(true);
    g.license_no = item.Str("license_no", false).value_or("");
    g.birth_date = DateField(item, "birth_date");
    g.employer = item.Str("employer", false).value_or("");
    g.shifts = item.Str("shifts", false).value_or("");
    d.guards.push_back(std::move(g));
  });
  EachEntry(f, "alarms", [&](Fields& item) {
    sec::Alarm a;
    a.id = item.Int("id", false).value_or(0);
    a.location = item.Str("location", true).value_or("");
    a.linked_110 = item.Bool("linked_110", false).value_or(false);
    a.linked_bureau = item.Bool("linked_bureau", false).value_or(false);
    a.last_test = DateField(item, "last_test");
    d.alarms.push_back(std::move(a));
  });
  EachEntry(f, "posts", [&](Fields& item) {
    sec::GatePost p;
    p.id = item.Int("id", false).value_or(0);
    p.gate = item.Str("gate", true).value_or("");
    p.peak = item.Str("peak", true).value_or("");
    p.people = IntField(item, "people");
    p.kinds = item.Strings("kinds", false);
    d.posts.push_back(std::move(p));
  });
  if (const auto* video = f.ObjectField("video", false)) {
    Fields v(*video, f.Path("video"));
    d.video.areas = v.Strings("areas", false);
    d.video.retention_days = IntField(v, "retention_days");
    d.video.open_fault_since = DateField(v, "open_fault_since");
    d.video.last_repair = DateField(v, "last_repair");
    f.Merge(v);
  }
  // Read-only fields a client sends back as it read them.
  f.Ignore({"school_id", "school_name", "students", "staff", "boarding", "boarders", "recorded",
            "updated_at", "updated_by", "required_guards", "video_areas", "findings", "indicators",
            "can_edit"});
  return r;
}

}  // namespace xiaoan::http
