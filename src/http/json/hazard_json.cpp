#include "http/json/hazard_json.hpp"

#include <boost/json.hpp>

#include "domain/org/enums.hpp"
#include "http/json/writer.hpp"

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

// A hazard's members, once, for both encodings: Sink::Field(key, value) and
// Sink::Object(key, fill).
template <typename Sink>
void HazardFields(Sink& s, const hz::Hazard& h) {
  s.Field("id", h.id);
  s.Field("school_id", h.school_id);
  s.Field("school_name", h.school_name);
  s.Field("building_id", h.building_id);
  s.Field("key_place_id", h.key_place_id);
  s.Field("place", h.place);
  s.Field("domain", h.domain);
  s.Field("domain_label", domain::LabelOf(hz::Domains(), h.domain));
  s.Field("level", h.level);
  s.Field("level_label", domain::LabelOf(hz::Levels(), h.level));
  s.Field("title", h.title);
  s.Field("description", h.description);
  s.Field("found_at", h.found_at);
  s.Field("found_by", h.found_by);
  s.Field("source", h.source);
  s.Field("source_label", domain::LabelOf(hz::Sources(), h.source));
  s.Field("campaign_id", h.campaign_id);
  s.Field("origin_type", h.origin_type);
  s.Field("origin_id", h.origin_id);
  s.Field("responsible", h.responsible);
  s.Field("owner", h.owner);
  s.Field("deadline", h.deadline);
  s.Field("deadline_reason", h.deadline_reason);
  s.Field("interim_measures", h.interim_measures);
  s.Object("five", [&](auto& f) {
    f.Field("measures", h.five.measures);
    f.Field("responsible", h.five.responsible);
    f.Field("funds", h.five.funds);
    f.Field("deadline", h.five.deadline);
    f.Field("contingency_plan", h.five.contingency_plan);
  });
  s.Field("state", hz::StateCode(h.state));
  s.Field("state_label", domain::LabelOf(hz::States(), hz::StateCode(h.state)));
  s.Field("rectifier", h.rectifier);
  s.Field("rework_count", h.rework_count);
  s.Field("reopen_count", h.reopen_count);
  s.Field("supervised", h.supervised);
  s.Field("created_at", h.created_at);
  s.Field("updated_at", h.updated_at);
  s.Field("closed_at", h.closed_at);
}

// Members into a boost::json object.
struct ObjectSink {
  json::object& o;
  template <typename T>
  void Field(std::string_view key, const std::optional<T>& v) {
    if (v) {
      o.emplace(key, *v);
    } else {
      o.emplace(key, nullptr);
    }
  }
  template <typename T>
  void Field(std::string_view key, const T& v) {
    o.emplace(key, v);
  }
  template <typename Fill>
  void Object(std::string_view key, Fill fill) {
    json::object child(o.storage());
    ObjectSink sink{child};
    fill(sink);
    o.emplace(key, std::move(child));
  }
};

// Members as text.
struct WriterSink {
  JsonWriter& w;
  template <typename T>
  void Field(std::string_view key, const T& v) {
    w.Field(key, v);
  }
  template <typename Fill>
  void Object(std::string_view key, Fill fill) {
    w.Key(key);
    w.BeginObject();
    fill(*this);
    w.EndObject();
  }
};

// A stored file's members, for both encodings.
template <typename Sink>
void FileFields(Sink& s, const domain::StoredFile& f) {
  s.Field("id", f.id);
  s.Field("name", f.name);
  s.Field("content_type", f.content_type);
  s.Field("size", f.size);
  s.Field("sha256", f.sha256);
  s.Field("uploaded_by", f.uploaded_by);
  s.Field("uploaded_at", f.uploaded_at);
  // The record the file is attached to; hazard_id kept for the hazard ledger's clients.
  s.Field("subject_type", f.subject_type);
  s.Field("subject_id", f.subject_id);
  s.Field("hazard_id", f.subject_type == std::optional<std::string>("hazard")
                           ? f.subject_id
                           : std::optional<std::int64_t>());
  s.Field("url", "/api/v1/files/" + std::to_string(f.id));
}

}  // namespace

json::value ToJson(const hz::Hazard& h) {
  json::object o;
  o.reserve(37);
  ObjectSink sink{o};
  HazardFields(sink, h);
  return o;
}

void WriteJson(JsonWriter& w, const hz::Hazard& h) {
  WriterSink sink{w};
  w.BeginObject();
  HazardFields(sink, h);
  w.EndObject();
}

std::string HazardPageJson(const app::HazardPage& page) {
  std::string body;
  body.reserve(64 + page.page.items.size() * 1600);
  JsonWriter w(body);
  WriterSink sink{w};
  const auto name_of = [&page](const std::string& username) {
    const auto it = page.names.find(username);
    return it == page.names.end() ? std::string() : it->second;
  };
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  for (const auto& h : page.page.items) {
    w.BeginObject();
    HazardFields(sink, h);
    w.Field("found_by_name", name_of(h.found_by));
    w.Field("owner_name", name_of(h.owner));
    w.EndObject();
  }
  w.EndArray();
  w.Field("total", page.page.total);
  w.EndObject();
  return body;
}

json::value ToJson(const domain::StoredFile& f) {
  json::object o;
  ObjectSink sink{o};
  FileFields(sink, f);
  return o;
}

std::string DetailJson(const app::HazardDetail& d) {
  std::string out;
  out.reserve(2048 + d.events.size() * 320 + d.files.size() * 256);
  JsonWriter w(out);
  WriterSink sink{w};
  w.BeginObject();
  HazardFields(sink, d.hazard);
  const auto name_of = [&d](const std::string& username) {
    const auto it = d.names.find(username);
    return it == d.names.end() ? std::string() : it->second;
  };
  w.Field("found_by_name", name_of(d.hazard.found_by));
  w.Field("owner_name", name_of(d.hazard.owner));
  w.Field("rectifier_name", name_of(d.hazard.rectifier));
  w.Key("timeline");
  w.BeginArray();
  for (const auto& e : d.events) {
    w.BeginObject();
    w.Field("id", e.id);
    w.Field("at", e.at);
    w.Field("actor", e.actor);
    w.Field("actor_name", name_of(e.actor));
    w.Field("action", e.action);
    w.Field("from_state", e.from_state);
    w.Field("to_state", e.to_state);
    w.Field("note", e.note);
    w.Key("signature");
    const domain::Signature* signature = nullptr;
    for (const auto& g : d.signatures) {
      if (e.signature_id && g.id == *e.signature_id) signature = &g;
    }
    if (signature != nullptr) {
      w.BeginObject();
      w.Field("id", signature->id);
      w.Field("username", signature->username);
      w.Field("method", signature->method);
      w.Field("signed_at", signature->signed_at);
      w.Field("content_hash", signature->content_hash);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("file_ids");
    w.BeginArray();
    for (auto id : e.file_ids) w.Int(id);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("files");
  w.BeginArray();
  for (const auto& f : d.files) {
    w.BeginObject();
    FileFields(sink, f);
    w.EndObject();
  }
  w.EndArray();
  w.Key("escalations");
  w.BeginArray();
  for (const auto& e : d.escalations) {
    w.BeginObject();
    w.Field("rule", e.rule);
    w.Field("target", e.target);
    w.Field("supervision", e.supervision);
    w.Field("reason", e.reason);
    w.Field("fired_at", e.fired_at);
    w.Field("rule_version", e.rule_version);
    w.EndObject();
  }
  w.EndArray();
  w.Key("actions");
  w.BeginArray();
  for (const auto& a : d.actions) w.String(a);
  w.EndArray();
  w.Field("default_deadline_days", d.default_deadline_days);
  w.Field("days_overdue", d.days_overdue);
  w.EndObject();
  return out;
}

json::value ToJson(const domain::SupervisionOrder& o) {
  const bool hazard = o.subject_type == "hazard";
  return json::object{{"id", o.id},
                      {"subject_type", o.subject_type},
                      {"subject_id", o.subject_id},
                      {"subject_title", o.subject_title},
                      // Kept for the hazard ledger's clients.
                      {"hazard_id", hazard ? json::value(o.subject_id) : nullptr},
                      {"hazard_title", hazard ? json::value(o.subject_title) : nullptr},
                      {"school_id", o.school_id},
                      {"school_name", o.school_name},
                      {"rule", o.rule},
                      {"reason", o.reason},
                      {"deadline", o.deadline},
                      {"state", domain::OrderStateCode(o.state)},
                      {"reply", o.reply},
                      {"replied_by", o.replied_by},
                      {"replied_at", Opt(o.replied_at)},
                      {"created_at", o.created_at},
                      {"closed_at", Opt(o.closed_at)},
                      {"closed_by", o.closed_by}};
}

json::value ToJson(const domain::Notification& n) {
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
