// 交通安全一校一策: a school's guide, its publication, its road-facility needs sent to the traffic
// police as a whistle, and the district's overview (docs/traffic.md).
#include <boost/json.hpp>

#include "app/traffic/guide.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace tr = domain::traffic;

namespace {

json::value OptionalId(const std::optional<std::int64_t>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

json::object ToJson(const app::GuideView& v) {
  const auto& g = v.guide;
  json::array gates, peaks, zones, posts, needs;
  for (const auto& x : g.gates) {
    gates.push_back(json::object{{"name", x.name},
                                 {"use", x.use},
                                 {"use_label", std::string(tr::GateUseLabel(x.use))},
                                 {"hours", x.hours}});
  }
  for (const auto& x : g.peaks) {
    peaks.push_back(json::object{{"grade", x.grade},
                                 {"kind", x.kind},
                                 {"kind_label", std::string(tr::PeakKindLabel(x.kind))},
                                 {"from", x.from},
                                 {"to", x.to},
                                 {"gate", x.gate}});
  }
  for (const auto& x : g.zones) {
    zones.push_back(json::object{{"kind", x.kind},
                                 {"kind_label", std::string(tr::ZoneKindLabel(x.kind))},
                                 {"name", x.name},
                                 {"location", x.location}});
  }
  for (const auto& x : g.posts) {
    posts.push_back(
        json::object{{"place", x.place}, {"from", x.from}, {"to", x.to}, {"people", x.people}});
  }
  for (const auto& x : g.needs) {
    needs.push_back(json::object{{"kind", x.kind},
                                 {"kind_label", std::string(tr::NeedKindLabel(x.kind))},
                                 {"location", x.location},
                                 {"description", x.description},
                                 {"whistle_id", OptionalId(x.whistle_id)}});
  }
  return {{"unit_id", g.unit_id},
          {"unit_name", g.unit_name},
          {"gates", std::move(gates)},
          {"peaks", std::move(peaks)},
          {"zones", std::move(zones)},
          {"separation", g.separation},
          {"posts", std::move(posts)},
          {"police_unit", g.police_unit},
          {"police_duty", g.police_duty},
          {"early_arrival", g.early_arrival},
          {"after_school", g.after_school},
          {"needs", std::move(needs)},
          {"published_on", g.published_on},
          {"published_by", g.published_by},
          {"published_by_name", g.published_by_name},
          {"published_version", g.published_version},
          {"version", g.version},
          {"updated_by", g.updated_by},
          {"updated_at",
           g.version > 0 ? json::value(FormatInstant(g.updated_at)) : json::value(nullptr)},
          {"state", std::string(tr::GuideStateCode(v.state))},
          {"state_label", std::string(tr::GuideStateLabel(v.state))},
          {"term_label", v.term_label},
          {"unsent_needs", v.unsent_needs},
          {"can_edit", v.can_edit},
          {"can_send_needs", v.can_send_needs}};
}

// Each item of a list read with `read` (its fields prefixed list[i].); at most one more than the
// limit, so the check names the count.
template <typename T, typename Read>
std::vector<T> Items(Fields& f, const char* key, Read read) {
  std::vector<T> out;
  const auto* arr = f.Array(key, false);
  if (!arr) return out;
  for (std::size_t i = 0; i < arr->size() && i <= tr::kMaxGuideRows; ++i) {
    const std::string at = f.Path(key) + "[" + std::to_string(i) + "]";
    const auto* o = f.Object((*arr)[i], at);
    if (!o) continue;
    Fields item(*o, at);
    item.Ignore({"use_label", "kind_label"});  // as the guide was read
    out.push_back(read(item));
    (void)item.Finish();
    f.Merge(item);
  }
  return out;
}

tr::TrafficGuide GuideFromJson(Fields& f) {
  tr::TrafficGuide g;
  g.version = static_cast<int>(f.Int("version", true).value_or(0));
  g.gates = Items<tr::GuideGate>(f, "gates", [](Fields& i) {
    return tr::GuideGate{i.Str("name", true).value_or(""), i.Str("use", true).value_or(""),
                         i.Str("hours", false).value_or("")};
  });
  g.peaks = Items<tr::GuidePeak>(f, "peaks", [](Fields& i) {
    return tr::GuidePeak{i.Str("grade", true).value_or(""), i.Str("kind", true).value_or(""),
                         i.Str("from", true).value_or(""), i.Str("to", true).value_or(""),
                         i.Str("gate", false).value_or("")};
  });
  g.zones = Items<tr::GuideZone>(f, "zones", [](Fields& i) {
    return tr::GuideZone{i.Str("kind", true).value_or(""), i.Str("name", true).value_or(""),
                         i.Str("location", false).value_or("")};
  });
  g.posts = Items<tr::GuidePost>(f, "posts", [](Fields& i) {
    return tr::GuidePost{i.Str("place", true).value_or(""), i.Str("from", true).value_or(""),
                         i.Str("to", true).value_or(""), i.Str("people", false).value_or("")};
  });
  g.needs = Items<tr::GuideNeed>(f, "needs", [](Fields& i) {
    tr::GuideNeed n{i.Str("kind", true).value_or(""), i.Str("location", true).value_or(""),
                    i.Str("description", false).value_or(""), std::nullopt};
    if (i.Has("whistle_id")) {
      if (const auto id = i.Int("whistle_id", false)) n.whistle_id = *id;
    }
    return n;
  });
  g.separation = f.Str("separation", false).value_or("");
  g.police_unit = f.Str("police_unit", false).value_or("");
  g.police_duty = f.Str("police_duty", false).value_or("");
  g.early_arrival = f.Str("early_arrival", false).value_or("");
  g.after_school = f.Str("after_school", false).value_or("");
  return g;
}

json::object ToJson(const app::GuideOverview& o) {
  json::array rows;
  for (const auto& r : o.rows) {
    rows.push_back(json::object{{"unit_id", r.unit_id},
                                {"unit_name", r.unit_name},
                                {"state", std::string(tr::GuideStateCode(r.state))},
                                {"state_label", std::string(tr::GuideStateLabel(r.state))},
                                {"term_label", r.term_label},
                                {"published_on", r.published_on},
                                {"gates", r.gates},
                                {"posts", r.posts},
                                {"needs", r.needs},
                                {"needs_sent", r.needs_sent}});
  }
  json::object counts;
  for (const auto st : {tr::GuideState::kNone, tr::GuideState::kDraft, tr::GuideState::kChanged,
                        tr::GuideState::kOutdated, tr::GuideState::kCurrent}) {
    const std::string code(tr::GuideStateCode(st));
    const auto it = o.counts.find(code);
    counts[code] = it == o.counts.end() ? 0 : it->second;
  }
  return {{"items", std::move(rows)}, {"counts", std::move(counts)}};
}

Result<int> VersionOf(HttpRequest& req) {
  XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
  Fields f(obj);
  const auto version = f.Int("version", true).value_or(0);
  XA_TRY(f.Finish());
  return static_cast<int>(version);
}

}  // namespace

void AddTrafficGuideRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/traffic/guides", Access::Need(perm::kTrafficRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto state = q.Str("state");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::GetGuideOverview(s, ContextOf(req), state));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add("GET", "/api/v1/traffic/guides/export", Access::Need(perm::kTrafficRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportGuideOverview(s, ContextOf(req)));
          return FileResponse(std::move(bytes), "xlsx", "交通安全一校一策.xlsx");
        });
  r.Add("GET", "/api/v1/traffic/guides/{unit_id}", Access::Need(perm::kTrafficRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetTrafficGuide(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "PUT", "/api/v1/traffic/guides/{unit_id}", Access::Need(perm::kTrafficManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto g = GuideFromJson(f);
        f.Ignore({"unit_id", "unit_name", "published_on", "published_by", "published_by_name",
                  "published_version", "updated_by", "updated_at", "state", "state_label",
                  "term_label", "unsent_needs", "can_edit", "can_send_needs"});
        XA_TRY(f.Finish());
        g.unit_id = id;
        XA_ASSIGN_OR_RETURN(auto out, app::SaveTrafficGuide(s, ContextOf(req), std::move(g)));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/traffic/guides/{unit_id}/publish", Access::Need(perm::kTrafficManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
        XA_ASSIGN_OR_RETURN(const auto version, VersionOf(req));
        XA_ASSIGN_OR_RETURN(auto out, app::PublishTrafficGuide(s, ContextOf(req), id, version));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/traffic/guides/{unit_id}/needs/whistle", Access::Need(perm::kTrafficManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
        XA_ASSIGN_OR_RETURN(const auto version, VersionOf(req));
        XA_ASSIGN_OR_RETURN(auto out, app::SendGuideNeeds(s, ContextOf(req), id, version));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
