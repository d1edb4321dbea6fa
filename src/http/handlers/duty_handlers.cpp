// 安全责任: the duty templates per post, each person's duty list and its signing, the owners of
// a school's business areas (三管三必须) and the bureau's board (docs/duties.md).
#include <algorithm>
#include <boost/json.hpp>

#include "app/duty/duty.hpp"
#include "app/duty/year_report.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/org_json.hpp"
#include "http/json/verdict_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace du = domain::duty;
namespace rules = domain::rules;

namespace {

json::array StringsOf(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& i : items) out.push_back(json::value(i));
  return out;
}

json::array Options(std::span<const du::Option> options) {
  json::array out;
  for (const auto& o : options) {
    out.push_back(json::object{{"code", std::string(o.code)}, {"label", std::string(o.label)}});
  }
  return out;
}

json::object TemplateJson(const du::Template& t) {
  return {{"post", t.post},
          {"post_label", std::string(du::PostLabel(t.post))},
          {"items", StringsOf(t.items)},
          {"version", t.version},
          {"changed_on", t.changed_on},
          {"updated_by", t.updated_by}};
}

json::object ListJson(const app::DutyListView& v) {
  const auto& l = v.list;
  json::array posts;
  for (const auto& p : l.posts) {
    posts.push_back(json::object{{"code", p}, {"label", std::string(du::PostLabel(p))}});
  }
  json::value signing = nullptr;
  if (l.signing) {
    signing = json::object{{"list_version", l.signing->list_version},
                           {"signature_id", l.signing->signature_id},
                           {"signed_on", l.signing->signed_on},
                           {"signed_at", FormatInstant(l.signing->signed_at)}};
  }
  return {{"id", l.id},
          {"unit_id", l.school_id},
          {"unit_name", l.school_name},
          {"user_id", l.user_id},
          {"holder_name", l.holder_name},
          {"posts", std::move(posts)},
          {"local_items", StringsOf(l.local_items)},
          {"version", l.version},
          {"changed_on", l.changed_on},
          {"signing", std::move(signing)},
          {"state", std::string(du::StateCode(v.state.state))},
          {"state_label", std::string(du::StateLabel(v.state.state))},
          {"state_reason", v.state.reason},
          {"waiting_since", v.state.since},
          {"content", v.content},
          {"can_sign", v.can_sign},
          {"can_edit", v.can_edit}};
}

json::object AreasJson(const app::DutyAreasView& v) {
  json::array areas;
  for (const auto& a : v.set.areas) {
    areas.push_back(
        json::object{{"area", a.area},
                     {"label", std::string(du::AreaLabel(a.area))},
                     {"applicable", a.applicable},
                     {"owner_user_id",
                      a.owner_user_id == 0 ? json::value(nullptr) : json::value(a.owner_user_id)},
                     {"owner_name", a.owner_name}});
  }
  json::array gaps;
  for (const auto& g : v.gaps) gaps.push_back(json::object{{"area", g.area}, {"text", g.text}});
  json::array people;
  for (const auto& p : v.people) {
    people.push_back(json::object{{"user_id", p.user_id}, {"name", p.name}});
  }
  return {
      {"unit_id", v.school_id},   {"unit_name", v.school_name},     {"areas", std::move(areas)},
      {"gaps", std::move(gaps)},  {"check", VerdictJson(v.check)},  {"people", std::move(people)},
      {"version", v.set.version}, {"updated_by", v.set.updated_by}, {"can_edit", v.can_edit}};
}

// posts as codes, local_items as text lines; the rest of what a list reads back is ignored.
void ListFields(Fields& f, du::DutyList& l) {
  l.posts = f.Strings("posts", true);
  l.local_items = f.Strings("local_items", false);
  f.Ignore({"id", "unit_name", "holder_name", "changed_on", "signing", "state", "state_label",
            "state_reason", "waiting_since", "content", "can_sign", "can_edit"});
}

std::optional<std::int64_t> UnitParam(QueryReader& q) { return q.Int("unit_id"); }

json::object YearJson(const app::LeaderYear& r) {
  json::array leaders;
  for (const auto& l : r.leaders) {
    leaders.push_back(json::object{
        {"name", l.name}, {"posts", l.posts}, {"state", l.state}, {"signed_on", l.signed_on}});
  }
  json::array failing;
  for (const auto& f : r.failing) {
    failing.push_back(json::object{{"rule_id", f.rule_id},
                                   {"title", f.title},
                                   {"measure", f.measure},
                                   {"periods", f.periods},
                                   {"last_reason", f.last_reason}});
  }
  return {{"unit_id", r.school_id},
          {"unit_name", r.school_name},
          {"year", r.year},
          {"as_of", r.as_of},
          {"leaders", std::move(leaders)},
          {"lists", r.lists},
          {"lists_signed", r.lists_signed},
          {"hazards", json::object{{"found", r.hazards_found},
                                   {"found_closed", r.hazards_found_closed},
                                   {"closed", r.hazards_closed}}},
          {"drills", r.drills},
          {"training_sessions", r.training_sessions},
          {"supervision",
           json::object{{"orders", r.supervision_orders}, {"answered", r.supervision_answered}}},
          {"work", json::object{{"due", r.work_due},
                                {"done", r.work_done},
                                {"done_late", r.work_done_late},
                                {"overdue", r.work_overdue}}},
          {"failing", std::move(failing)}};
}

std::optional<int> YearParam(QueryReader& q) {
  const auto y = q.Int("year");
  if (!y) return std::nullopt;
  return static_cast<int>(std::clamp<std::int64_t>(*y, -1, 100000));
}

}  // namespace

void AddDutyRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/duties/templates", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto out, app::GetDutyTemplates(s, ContextOf(req)));
          json::array templates;
          for (const auto& t : out.templates) templates.push_back(TemplateJson(t));
          return JsonResponse(200, json::serialize(json::object{{"templates", std::move(templates)},
                                                                {"posts", Options(du::Posts())},
                                                                {"areas", Options(du::Areas())},
                                                                {"can_edit", out.can_edit}}));
        });
  r.Add(
      "PUT", "/api/v1/duties/templates/{post}", Access::Need(perm::kDutyTemplate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        du::Template t;
        t.post = req.path_params.at("post");
        t.items = f.Strings("items", true);
        t.version = static_cast<int>(f.Int("version", true).value_or(0));
        f.Ignore({"post", "post_label", "changed_on", "updated_by"});
        XA_TRY(f.Finish());
        if (du::PostLabel(t.post).empty()) return NotFound("岗位不存在");
        XA_ASSIGN_OR_RETURN(auto out, app::SaveDutyTemplate(s, ContextOf(req), std::move(t)));
        return JsonResponse(200, json::serialize(TemplateJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/duties/lists", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto unit = UnitParam(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::GetSchoolDuties(s, ContextOf(req), unit));
          json::array lists;
          for (const auto& v : out.lists) lists.push_back(ListJson(v));
          return JsonResponse(200, json::serialize(json::object{
                                       {"unit_id", out.school_id},
                                       {"unit_name", out.school_name},
                                       {"lists", std::move(lists)},
                                       {"counts", json::object{{"signed", out.signed_count},
                                                               {"unsigned", out.unsigned_count},
                                                               {"outdated", out.outdated_count}}},
                                       {"check", VerdictJson(out.check)},
                                       {"can_edit", out.can_edit}}));
        });
  r.Add("GET", "/api/v1/duties/lists/export", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto unit = UnitParam(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportSchoolDuties(s, ContextOf(req), unit));
          return FileResponse(std::move(bytes), "xlsx", "安全工作职责清单.xlsx");
        });
  r.Add("GET", "/api/v1/duties/lists/import-template", Access::Need(perm::kDutyManage),
        [](HttpRequest&) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto file, app::DutyListTemplate());
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add(
      "POST", "/api/v1/duties/lists/import", Access::Need(perm::kDutyManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto unit = UnitParam(q);
        const auto format = q.Str("format").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report,
                            app::ImportDutyLists(s, ContextOf(req), unit, req.body, format));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      8 << 20);
  r.Add(
      "POST", "/api/v1/duties/lists", Access::Need(perm::kDutyManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        du::DutyList l;
        l.school_id = f.Int("unit_id", true).value_or(0);
        l.user_id = f.Int("user_id", true).value_or(0);
        ListFields(f, l);
        f.Ignore({"version"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::SaveDutyList(s, ContextOf(req), std::move(l)));
        return JsonResponse(201, json::serialize(ListJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/duties/lists/{id}", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetDutyList(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ListJson(out)));
        });
  r.Add(
      "PUT", "/api/v1/duties/lists/{id}", Access::Need(perm::kDutyManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        du::DutyList l;
        l.id = id;
        l.version = static_cast<int>(f.Int("version", true).value_or(0));
        ListFields(f, l);
        f.Ignore({"unit_id", "user_id"});
        XA_TRY(f.Finish());
        if (l.version <= 0) return InvalidArgument("version", "请提供读取时的版本号");
        XA_ASSIGN_OR_RETURN(auto out, app::SaveDutyList(s, ContextOf(req), std::move(l)));
        return JsonResponse(200, json::serialize(ListJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("POST", "/api/v1/duties/lists/{id}/sign", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          app::SignDutyRequest in;
          in.id = id;
          in.version = static_cast<int>(f.Int("version", true).value_or(0));
          in.password = f.Str("password", false).value_or("");
          in.totp = f.Str("totp", false).value_or("");
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::SignDutyList(s, ContextOf(req), in));
          return JsonResponse(200, json::serialize(ListJson(out)));
        });
  r.Add("GET", "/api/v1/duties/mine", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto out, app::GetMyDutyList(s, ContextOf(req)));
          return JsonResponse(
              200, json::serialize(json::object{
                       {"list", out ? json::value(ListJson(*out)) : json::value(nullptr)}}));
        });
  r.Add("GET", "/api/v1/duties/areas/{unit_id}", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetDutyAreas(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(AreasJson(out)));
        });
  r.Add(
      "PUT", "/api/v1/duties/areas/{unit_id}", Access::Need(perm::kDutyManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        du::AreaSet set;
        set.school_id = id;
        set.version = static_cast<int>(f.Int("version", true).value_or(0));
        if (const auto* arr = f.Array("areas", true)) {
          for (std::size_t i = 0; i < arr->size() && i <= du::Areas().size(); ++i) {
            const std::string at = "areas[" + std::to_string(i) + "]";
            const auto* item = f.Object((*arr)[i], at);
            if (!item) continue;
            Fields a(*item, at);
            du::Area area;
            area.area = a.Str("area", true).value_or("");
            area.applicable = a.Bool("applicable", false).value_or(true);
            if (a.Has("owner_user_id") && !(*item).at("owner_user_id").is_null()) {
              area.owner_user_id = a.Int("owner_user_id", false).value_or(0);
            } else {
              a.Ignore({"owner_user_id"});
            }
            a.Ignore({"label", "owner_name"});
            (void)a.Finish();
            f.Merge(a);
            set.areas.push_back(std::move(area));
          }
        }
        f.Ignore({"unit_id", "unit_name", "gaps", "check", "people", "updated_by", "can_edit"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::SaveDutyAreas(s, ContextOf(req), std::move(set)));
        return JsonResponse(200, json::serialize(AreasJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/duties/year", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto unit = UnitParam(q);
          const auto year = YearParam(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::GetLeaderYear(s, ContextOf(req), unit, year));
          return JsonResponse(200, json::serialize(YearJson(out)));
        });
  r.Add("GET", "/api/v1/duties/year/export", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto unit = UnitParam(q);
          const auto year = YearParam(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportLeaderYear(s, ContextOf(req), unit, year));
          return FileResponse(std::move(bytes), "xlsx", "安全述职.xlsx");
        });
  r.Add("GET", "/api/v1/duties/board", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto out, app::GetDutyBoard(s, ContextOf(req)));
          json::array rows;
          for (const auto& row : out.rows) {
            rows.push_back(json::object{{"unit_id", row.school_id},
                                        {"unit_name", row.school_name},
                                        {"lists", row.lists},
                                        {"signed", row.signed_count},
                                        {"unsigned", row.unsigned_count},
                                        {"outdated", row.outdated_count},
                                        {"gaps", row.gaps},
                                        {"signed_check", VerdictJson(row.signed_check)},
                                        {"areas_check", VerdictJson(row.areas_check)}});
          }
          return JsonResponse(
              200, json::serialize(json::object{
                       {"rows", std::move(rows)},
                       {"totals", json::object{{"schools", out.schools},
                                               {"lists", out.lists},
                                               {"signed", out.signed_count},
                                               {"schools_passing", out.schools_passing}}}}));
        });
  r.Add("GET", "/api/v1/duties/board/export", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportDutyBoard(s, ContextOf(req)));
          return FileResponse(std::move(bytes), "xlsx", "责任落实看板.xlsx");
        });
}

}  // namespace xiaoan::http
