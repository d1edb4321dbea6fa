// 应急处置: a school's command structure, minimal emergency unit, card facts and plans, and the
// district's overview (docs/emergency.md).
#include <boost/json.hpp>

#include "app/emergency/emergency.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/org_json.hpp"
#include "http/json/verdict_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace em = domain::emergency;
namespace rules = domain::rules;

namespace {

json::array OptionsOf(std::span<const em::Option> options) {
  json::array out;
  for (const auto& o : options) {
    out.push_back(json::object{{"code", std::string(o.code)}, {"label", std::string(o.label)}});
  }
  return out;
}

json::array PeopleOf(const std::vector<em::Member>& people,
                     std::string_view (*label)(std::string_view)) {
  json::array out;
  for (const auto& m : people) {
    out.push_back(json::object{{"role", m.role},
                               {"role_label", std::string(label(m.role))},
                               {"name", m.name},
                               {"post", m.post},
                               {"phone", m.phone}});
  }
  return out;
}

json::object ToJson(const app::EmergencyView& v) {
  const auto& e = v.setup;
  json::array plans, checks;
  for (std::size_t i = 0; i < e.plans.size(); ++i) {
    const auto& p = e.plans[i];
    plans.push_back(
        json::object{{"title", p.title},
                     {"kind", p.kind},
                     {"kind_label", std::string(em::PlanKindLabel(p.kind))},
                     {"revised_on", p.revised_on},
                     {"review_by", i < v.review_by.size() ? v.review_by[i] : std::string()},
                     {"overdue", i < v.overdue.size() && v.overdue[i]},
                     {"file_id", p.file_id ? json::value(*p.file_id) : json::value(nullptr)},
                     {"file_name", p.file_name}});
  }
  for (const auto& c : v.checks) {
    auto o = VerdictJson(c.verdict);
    o["rule"] = c.rule->id;
    o["title"] = c.rule->title;
    checks.push_back(std::move(o));
  }
  return {
      {"unit_id", e.unit_id},
      {"unit_name", e.unit_name},
      {"command", PeopleOf(e.command, em::CommandRoleLabel)},
      {"unit", PeopleOf(e.unit, em::UnitRoleLabel)},
      {"duty_phone", e.duty_phone},
      {"gathering_point", e.gathering_point},
      {"police_station", e.police_station},
      {"hospital", e.hospital},
      {"plans", std::move(plans)},
      {"version", e.version},
      {"updated_by", e.updated_by},
      {"updated_by_name", e.updated_by_name},
      {"updated_at",
       e.version > 0 ? json::value(FormatInstant(e.updated_at)) : json::value(nullptr)},
      {"checks", std::move(checks)},
      {"can_edit", v.can_edit},
      {"attack_drill", v.attack_drill ? json::value(json::object{{"id", v.attack_drill->id},
                                                                 {"date", v.attack_drill->date},
                                                                 {"title", v.attack_drill->title}})
                                      : json::value(nullptr)},
      {"options", json::object{{"command_roles", OptionsOf(em::CommandRoles())},
                               {"unit_roles", OptionsOf(em::UnitRoles())},
                               {"plan_kinds", OptionsOf(em::PlanKinds())}}}};
}

// Each item of a list read with `read` (its fields prefixed list[i].); at most one more than the
// limit, so the check names the count.
template <typename T, typename Read>
std::vector<T> Items(Fields& f, const char* key, std::size_t max, Read read) {
  std::vector<T> out;
  const auto* arr = f.Array(key, false);
  if (!arr) return out;
  for (std::size_t i = 0; i < arr->size() && i <= max; ++i) {
    const std::string at = f.Path(key) + "[" + std::to_string(i) + "]";
    const auto* o = f.Object((*arr)[i], at);
    if (!o) continue;
    Fields item(*o, at);
    item.Ignore({"role_label", "kind_label", "review_by", "overdue", "file_name"});
    out.push_back(read(item));
    (void)item.Finish();
    f.Merge(item);
  }
  return out;
}

em::Member MemberOf(Fields& i) {
  return {i.Str("role", true).value_or(""), i.Str("name", true).value_or(""),
          i.Str("post", false).value_or(""), i.Str("phone", false).value_or("")};
}

em::EmergencySetup SetupFromJson(Fields& f) {
  em::EmergencySetup e;
  e.version = static_cast<int>(f.Int("version", true).value_or(0));
  e.command = Items<em::Member>(f, "command", em::kMaxPeople, MemberOf);
  e.unit = Items<em::Member>(f, "unit", em::kMaxPeople, MemberOf);
  e.plans = Items<em::PlanDoc>(f, "plans", em::kMaxPlans, [](Fields& i) {
    em::PlanDoc p;
    p.title = i.Str("title", true).value_or("");
    p.kind = i.Str("kind", true).value_or("");
    p.revised_on = i.Str("revised_on", true).value_or("");
    if (i.Has("file_id")) {
      if (const auto id = i.Int("file_id", false)) p.file_id = *id;
    }
    return p;
  });
  e.duty_phone = f.Str("duty_phone", false).value_or("");
  e.gathering_point = f.Str("gathering_point", false).value_or("");
  e.police_station = f.Str("police_station", false).value_or("");
  e.hospital = f.Str("hospital", false).value_or("");
  return e;
}

json::object ToJson(const app::EmergencyOverview& o) {
  json::array rows;
  for (const auto& r : o.rows) {
    rows.push_back(json::object{
        {"unit_id", r.unit_id},
        {"unit_name", r.unit_name},
        {"state", std::string(app::EmergencyStateCode(r.state))},
        {"state_label", std::string(app::EmergencyStateLabel(r.state))},
        {"command", VerdictJson(r.command)},
        {"unit", VerdictJson(r.unit)},
        {"plan", VerdictJson(r.plan)},
        {"commander", r.commander},
        {"command_people", r.command_people},
        {"guards", r.guards},
        {"staff", r.staff},
        {"volunteers", r.volunteers},
        {"plans", r.plans},
        {"updated_at", r.updated_at.empty() ? json::value(nullptr) : json::value(r.updated_at)}});
  }
  json::object counts;
  for (const auto st : {app::EmergencyState::kNone, app::EmergencyState::kIncomplete,
                        app::EmergencyState::kComplete}) {
    const std::string code(app::EmergencyStateCode(st));
    const auto it = o.counts.find(code);
    counts[code] = it == o.counts.end() ? 0 : it->second;
  }
  return {{"items", std::move(rows)}, {"counts", std::move(counts)}};
}

}  // namespace

void AddEmergencyRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/emergency/setups", Access::Need(perm::kEmergencyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto state = q.Str("state");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::GetEmergencyOverview(s, ContextOf(req), state));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add("GET", "/api/v1/emergency/setups/export", Access::Need(perm::kEmergencyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportEmergencyOverview(s, ContextOf(req)));
          return FileResponse(std::move(bytes), "xlsx", "应急体系.xlsx");
        });
  r.Add("GET", "/api/v1/emergency/setups/{unit_id}", Access::Need(perm::kEmergencyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetEmergencySetup(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "PUT", "/api/v1/emergency/setups/{unit_id}", Access::Need(perm::kEmergencyManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto e = SetupFromJson(f);
        f.Ignore({"unit_id", "unit_name", "updated_by", "updated_by_name", "updated_at", "checks",
                  "can_edit", "options", "attack_drill"});
        XA_TRY(f.Finish());
        e.unit_id = id;
        XA_ASSIGN_OR_RETURN(auto out, app::SaveEmergencySetup(s, ContextOf(req), std::move(e)));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  // The people of the setups in and out of Excel.
  r.Add("GET", "/api/v1/emergency/people/import-template", Access::Need(perm::kEmergencyManage),
        [](HttpRequest&) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto file, app::EmergencyPeopleTemplate());
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add("GET", "/api/v1/emergency/people/export", Access::Need(perm::kEmergencyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto file, app::ExportEmergencyPeople(s, ContextOf(req)));
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add(
      "POST", "/api/v1/emergency/people/import", Access::Need(perm::kEmergencyManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto format = q.Str("format").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report,
                            app::ImportEmergencyPeople(s, ContextOf(req), req.body, format));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      8 << 20);
}

}  // namespace xiaoan::http
