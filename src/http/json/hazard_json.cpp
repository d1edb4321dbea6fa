#include "http/json/hazard_json.hpp"

#include <boost/json.hpp>

#include "domain/org/enums.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace hz = domain::hazard;

namespace {
json::value Opt(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
}  // namespace

json::value ToJson(const hz::Hazard& h) {
  return json::object{{"id", h.id},
                      {"school_id", h.school_id},
                      {"school_name", h.school_name},
                      {"building_id", Opt(h.building_id)},
                      {"key_place_id", Opt(h.key_place_id)},
                      {"place", h.place},
                      {"domain", h.domain},
                      {"domain_label", domain::LabelOf(hz::Domains(), h.domain)},
                      {"level", h.level},
                      {"level_label", domain::LabelOf(hz::Levels(), h.level)},
                      {"title", h.title},
                      {"description", h.description},
                      {"found_at", h.found_at},
                      {"found_by", h.found_by},
                      {"source", h.source},
                      {"source_label", domain::LabelOf(hz::Sources(), h.source)},
                      {"campaign_id", Opt(h.campaign_id)},
                      {"responsible", h.responsible},
                      {"owner", h.owner},
                      {"deadline", Opt(h.deadline)},
                      {"deadline_reason", h.deadline_reason},
                      {"interim_measures", h.interim_measures},
                      {"five", json::object{{"measures", h.five.measures},
                                            {"responsible", h.five.responsible},
                                            {"funds", h.five.funds},
                                            {"deadline", h.five.deadline},
                                            {"contingency_plan", h.five.contingency_plan}}},
                      {"state", h.state},
                      {"state_label", domain::LabelOf(hz::States(), h.state)},
                      {"rectifier", h.rectifier},
                      {"rework_count", h.rework_count},
                      {"reopen_count", h.reopen_count},
                      {"supervised", h.supervised},
                      {"created_at", h.created_at},
                      {"updated_at", h.updated_at},
                      {"closed_at", Opt(h.closed_at)}};
}

json::value ToJson(const hz::StoredFile& f) {
  return json::object{{"id", f.id},
                      {"name", f.name},
                      {"content_type", f.content_type},
                      {"size", f.size},
                      {"sha256", f.sha256},
                      {"uploaded_by", f.uploaded_by},
                      {"uploaded_at", f.uploaded_at},
                      {"hazard_id", Opt(f.hazard_id)},
                      {"url", "/api/v1/files/" + std::to_string(f.id)}};
}

json::value ToJson(const app::HazardDetail& d) {
  auto obj = ToJson(d.hazard).as_object();
  json::array events;
  for (const auto& e : d.events) {
    json::array files;
    for (auto id : e.file_ids) files.push_back(id);
    json::value signature = nullptr;
    for (const auto& g : d.signatures) {
      if (e.signature_id && g.id == *e.signature_id) {
        signature = json::object{{"id", g.id},
                                 {"username", g.username},
                                 {"method", g.method},
                                 {"signed_at", g.signed_at},
                                 {"content_hash", g.content_hash}};
      }
    }
    events.push_back(json::object{{"id", e.id},
                                  {"at", e.at},
                                  {"actor", e.actor},
                                  {"action", e.action},
                                  {"from_state", e.from_state},
                                  {"to_state", e.to_state},
                                  {"note", e.note},
                                  {"signature", std::move(signature)},
                                  {"file_ids", std::move(files)}});
  }
  json::array files;
  for (const auto& f : d.files) files.push_back(ToJson(f));
  json::array escalations;
  for (const auto& e : d.escalations) {
    escalations.push_back(json::object{{"rule", e.rule},
                                       {"target", e.target},
                                       {"supervision", e.supervision},
                                       {"reason", e.reason},
                                       {"fired_at", e.fired_at}});
  }
  json::array actions;
  for (const auto& a : d.actions) actions.emplace_back(json::string(a));
  obj["timeline"] = std::move(events);
  obj["files"] = std::move(files);
  obj["escalations"] = std::move(escalations);
  obj["actions"] = std::move(actions);
  obj["default_deadline_days"] = d.default_deadline_days;
  obj["days_overdue"] = d.days_overdue;
  return obj;
}

json::value ToJson(const hz::SupervisionOrder& o) {
  return json::object{{"id", o.id},
                      {"hazard_id", o.hazard_id},
                      {"hazard_title", o.hazard_title},
                      {"school_id", o.school_id},
                      {"school_name", o.school_name},
                      {"rule", o.rule},
                      {"reason", o.reason},
                      {"deadline", o.deadline},
                      {"state", o.state},
                      {"reply", o.reply},
                      {"replied_by", o.replied_by},
                      {"replied_at", Opt(o.replied_at)},
                      {"created_at", o.created_at},
                      {"closed_at", Opt(o.closed_at)},
                      {"closed_by", o.closed_by}};
}

json::value ToJson(const hz::Notification& n) {
  return json::object{{"id", n.id},
                      {"kind", n.kind},
                      {"title", n.title},
                      {"body", n.body},
                      {"object_type", n.object_type},
                      {"object_id", n.object_id},
                      {"created_at", n.created_at},
                      {"read_at", Opt(n.read_at)}};
}

json::value ToJson(const hz::SelfInspection& si) {
  return json::object{{"id", si.id},
                      {"school_id", si.school_id},
                      {"key_place_id", Opt(si.key_place_id)},
                      {"domain", si.domain},
                      {"passed", si.passed},
                      {"checked_at", si.checked_at},
                      {"checked_by", si.checked_by},
                      {"campaign_id", Opt(si.campaign_id)},
                      {"note", si.note}};
}

}  // namespace xiaoan::http
