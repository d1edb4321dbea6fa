#include "http/json/campaign_json.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "domain/hazard/hazard.hpp"
#include "http/json/checklist_json.hpp"
#include "http/json/hazard_json.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace cp = domain::campaign;

namespace {

json::value OptText(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value OptId(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
std::string Label(domain::EnumTable table, const std::string& code) {
  return std::string(domain::LabelOf(table, code));
}
std::string PlaceKindLabel(const std::string& kind) {
  return kind.empty() ? std::string("全校") : Label(domain::KeyPlaceKinds(), kind);
}
template <typename T>
json::array Array(const std::vector<T>& v) {
  json::array out;
  for (const auto& x : v) out.emplace_back(x);
  return out;
}

// A list of texts (codes, usernames) under `key`; a non-text entry is an error naming key[i].
std::vector<std::int64_t> IdList(Fields& f, const char* key) {
  return f.Has(key) ? f.Ids(key) : std::vector<std::int64_t>{};
}

json::object WeightsJson(const cp::Weights& w) {
  return json::object{{"completion", w.completion},
                      {"self_found", w.self_found},
                      {"no_missed", w.no_missed},
                      {"rectified", w.rectified},
                      {"closed", w.closed}};
}

json::object SheetJson(const cp::Sheet& s, const std::vector<domain::checklist::Item>& items) {
  return json::object{{"id", s.id},
                      {"campaign_id", s.campaign_id},
                      {"school_id", s.school_id},
                      {"school_name", s.school_name},
                      {"kind", s.kind},
                      {"kind_label", Label(cp::InspectionKinds(), s.kind)},
                      {"team_id", OptId(s.team_id)},
                      {"template_id", s.template_id},
                      {"template_name", s.template_name},
                      {"template_version", s.template_version},
                      {"key_place_id", OptId(s.key_place_id)},
                      {"place_name", s.place_name},
                      {"place_kind", s.place_kind},
                      {"place_kind_label", PlaceKindLabel(s.place_kind)},
                      {"filled_by", s.filled_by},
                      {"username", s.username},
                      {"filled_at", s.filled_at},
                      {"note", s.note},
                      {"failed", s.failed},
                      {"missed", Array(s.missed)},
                      {"answers", AnswersToJson(s.answers, items)}};
}

}  // namespace

json::value ToJson(const cp::Campaign& c) {
  json::array domain_labels;
  for (const auto& d : c.domains) domain_labels.emplace_back(Label(domain::hazard::Domains(), d));
  return json::object{
      {"id", c.id},
      {"name", c.name},
      {"level", c.level},
      {"level_label", Label(cp::Levels(), c.level)},
      {"domains", Array(c.domains)},
      {"domain_labels", std::move(domain_labels)},
      {"description", c.description},
      {"targets", json::object{{"stages", Array(c.targets.stages)},
                               {"location_types", Array(c.targets.location_types)},
                               {"boarding", c.targets.boarding ? json::value(*c.targets.boarding)
                                                               : json::value(nullptr)},
                               {"cluster_ids", Array(c.targets.cluster_ids)},
                               {"school_ids", Array(c.targets.school_ids)}}},
      {"self_from", c.self_from},
      {"self_to", c.self_to},
      {"inspect_from", c.inspect_from},
      {"inspect_to", c.inspect_to},
      {"weights", WeightsJson(c.weights)},
      {"state", c.state},
      {"state_label", Label(cp::States(), c.state)},
      {"summary", c.summary},
      {"owner_unit_id", c.owner_unit_id},
      {"owner_name", c.owner_name},
      {"created_by", c.created_by},
      {"created_at", c.created_at},
      {"closed_at", c.closed_at.empty() ? json::value(nullptr) : json::value(c.closed_at)},
      {"school_count", c.school_count},
      {"submitted_count", c.submitted_count}};
}

json::value ToJson(const app::CampaignView& v) {
  auto out = ToJson(v.campaign).as_object();
  json::array templates;
  for (const auto& t : v.templates) {
    templates.push_back(
        json::object{{"id", t.id}, {"code", t.code}, {"name", t.name}, {"version", t.version}});
  }
  out["templates"] = std::move(templates);
  out["template_ids"] = Array(v.campaign.template_ids);
  json::array teams;
  for (const auto& t : v.teams) teams.push_back(ToJson(t));
  out["teams"] = std::move(teams);
  out["roles"] = json::object{{"manage", v.roles.manage},
                              {"inspect", v.roles.inspect},
                              {"fill", v.roles.fill},
                              {"school_id", OptId(v.roles.school_id)},
                              {"team_ids", Array(v.roles.team_ids)}};
  return out;
}

cp::Campaign CampaignFromJson(Fields& f) {
  cp::Campaign c;
  f.Ignore({"id", "level_label", "domain_labels", "state", "state_label", "summary",
            "owner_unit_id", "owner_name", "created_by", "created_at", "closed_at", "school_count",
            "submitted_count", "templates", "teams", "roles"});
  c.name = f.Str("name", true).value_or("");
  c.level = f.Str("level", false).value_or("bureau");
  c.domains = f.Strings("domains", true);
  c.template_ids = f.Ids("template_ids");
  c.description = f.Str("description", false).value_or("");
  if (const auto* t = f.ObjectField("targets", false)) {
    Fields a(*t, f.Path("targets"));
    c.targets.stages = a.Strings("stages", false);
    c.targets.location_types = a.Strings("location_types", false);
    c.targets.boarding = a.Bool("boarding", false);
    c.targets.cluster_ids = IdList(a, "cluster_ids");
    c.targets.school_ids = IdList(a, "school_ids");
    f.Merge(a);
  }
  c.self_from = f.Str("self_from", true).value_or("");
  c.self_to = f.Str("self_to", true).value_or("");
  c.inspect_from = f.Str("inspect_from", true).value_or("");
  c.inspect_to = f.Str("inspect_to", true).value_or("");
  if (const auto* w = f.ObjectField("weights", false)) {
    Fields a(*w, f.Path("weights"));
    const auto part = [&](const char* key, int& into) {
      if (const auto v = a.Int(key, true))
        into = static_cast<int>(std::clamp<std::int64_t>(*v, -1, 101));
    };
    part("completion", c.weights.completion);
    part("self_found", c.weights.self_found);
    part("no_missed", c.weights.no_missed);
    part("rectified", c.weights.rectified);
    part("closed", c.weights.closed);
    f.Merge(a);
  }
  return c;
}

cp::Team TeamFromJson(Fields& f) {
  cp::Team t;
  f.Ignore({"id", "campaign_id", "kind_label", "school_ids"});
  t.name = f.Str("name", true).value_or("");
  t.kind = f.Str("kind", false).value_or("bureau");
  t.members = f.Strings("members", true);
  return t;
}

json::value ToJson(const cp::Team& t) {
  return json::object{{"id", t.id},
                      {"campaign_id", t.campaign_id},
                      {"name", t.name},
                      {"kind", t.kind},
                      {"kind_label", Label(cp::InspectionKinds(), t.kind)},
                      {"members", Array(t.members)},
                      {"school_ids", Array(t.school_ids)}};
}

json::value ToJson(const cp::Target& t) {
  return json::object{{"school_id", t.school_id},
                      {"school_name", t.school_name},
                      {"state", t.state},
                      {"state_label", Label(cp::SchoolStates(), t.state)},
                      {"team_id", OptId(t.team_id)},
                      {"team_name", t.team_name},
                      {"started_at", t.started_at},
                      {"submitted_at", t.submitted_at},
                      {"sheets", t.sheets},
                      {"failed", t.failed}};
}

json::value ToJson(const app::CampaignSchoolView& v) {
  json::array due;
  for (const auto& d : v.due) {
    json::array items;
    for (const auto& i : d.items) items.push_back(ToJson(i));
    due.push_back(json::object{{"template_id", d.due.template_id},
                               {"template_name", d.template_name},
                               {"key_place_id", OptId(d.due.place.key_place_id)},
                               {"place_name", d.due.place.name},
                               {"place_kind", d.due.place.kind},
                               {"place_kind_label", PlaceKindLabel(d.due.place.kind)},
                               {"sheet_id", OptId(d.sheet_id)},
                               {"items", std::move(items)}});
  }
  json::array sheets;
  for (const auto& s : v.sheets) {
    const auto d = std::find_if(v.due.begin(), v.due.end(), [&](const auto& x) {
      return x.due.template_id == s.template_id && x.due.place.key_place_id == s.key_place_id;
    });
    sheets.push_back(
        SheetJson(s, d == v.due.end() ? std::vector<domain::checklist::Item>{} : d->items));
  }
  json::array messages;
  for (const auto& m : v.messages) messages.push_back(ToJson(m));
  return json::object{{"target", ToJson(v.target)},     {"due", std::move(due)},
                      {"sheets", std::move(sheets)},    {"messages", std::move(messages)},
                      {"can_fill", v.can_fill},         {"can_inspect", v.can_inspect},
                      {"can_feedback", v.can_feedback}, {"can_reply", v.can_reply}};
}

json::value ToJson(const app::SheetDetail& d) {
  auto out = SheetJson(d.sheet, d.items);
  json::array files;
  for (const auto& f : d.files) files.push_back(ToJson(f));
  out["files"] = std::move(files);
  return out;
}

app::SheetInput SheetFromJson(Fields& f) {
  app::SheetInput in;
  in.school_id = f.Int("school_id", true).value_or(0);
  in.kind = f.Str("kind", false).value_or("self");
  in.template_id = f.Int("template_id", true).value_or(0);
  in.key_place_id = f.Int("key_place_id", false);
  in.note = f.Str("note", false).value_or("");
  in.answers = AnswersFromJson(f);
  return in;
}

json::value ToJson(const cp::Message& m) {
  return json::object{{"id", m.id},
                      {"school_id", m.school_id},
                      {"school_name", m.school_name},
                      {"kind", m.kind},
                      {"kind_label", m.kind == "reply" ? "学校回复" : "反馈"},
                      {"text", m.text},
                      {"deadline", OptText(m.deadline)},
                      {"author", m.author},
                      {"username", m.username},
                      {"at", m.at}};
}

cp::Message MessageFromJson(Fields& f) {
  cp::Message m;
  m.school_id = f.Int("school_id", true).value_or(0);
  m.kind = f.Str("kind", false).value_or("feedback");
  m.text = f.Str("text", true).value_or("");
  m.deadline = f.NullableStr("deadline");
  if (m.deadline && m.deadline->empty()) m.deadline.reset();
  return m;
}

json::value ToJson(const app::CampaignBoard& b) {
  json::object states;
  for (const auto& s : cp::SchoolStates()) {
    const auto it = b.progress.schools.find(std::string(s.code));
    states[s.code] = it == b.progress.schools.end() ? 0 : it->second;
  }
  json::array failed;
  for (const auto& x : b.progress.failed) {
    failed.push_back(json::object{{"domain", x.domain},
                                  {"domain_label", Label(domain::hazard::Domains(), x.domain)},
                                  {"place_kind", x.place_kind},
                                  {"place_kind_label", PlaceKindLabel(x.place_kind)},
                                  {"items", x.items}});
  }
  return json::object{{"schools", b.schools},
                      {"by_state", std::move(states)},
                      {"failed", std::move(failed)},
                      {"hazards_open", b.progress.hazards_open},
                      {"hazards_closed", b.progress.hazards_closed},
                      {"missed", b.progress.missed}};
}

json::value ToJson(const app::Evaluation& e) {
  json::array scores;
  for (const auto& s : e.scores) {
    scores.push_back(json::object{{"rank", s.rank},
                                  {"school_id", s.school_id},
                                  {"school_name", s.school_name},
                                  {"total", s.total},
                                  {"completion", s.completion},
                                  {"self_found", s.self_found},
                                  {"no_missed", s.no_missed},
                                  {"rectified", s.rectified},
                                  {"closed", s.closed},
                                  {"hazards", s.hazards},
                                  {"self_hazards", s.self_hazards},
                                  {"missed", s.missed},
                                  {"open", s.open}});
  }
  return json::object{
      {"weights", WeightsJson(e.weights)}, {"scores", std::move(scores)}, {"ranked", e.ranked}};
}

json::value ToJson(const app::CampaignHazard& h) {
  json::value typical = nullptr;
  if (h.typical) {
    typical = json::object{{"note", h.typical->note},
                           {"marked_by", h.typical->marked_by},
                           {"marked_at", h.typical->marked_at}};
  }
  json::array photos;
  for (const auto& f : h.photos) photos.push_back(ToJson(f));
  return json::object{
      {"hazard", ToJson(h.hazard)}, {"typical", std::move(typical)}, {"photos", std::move(photos)}};
}

}  // namespace xiaoan::http
