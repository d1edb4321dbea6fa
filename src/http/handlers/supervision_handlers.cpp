// 监管事项: the matters each section of the bureau oversees, the coverage of the plan's measures
// by section, the workbooks and each person's own items (docs/duties.md).
#include <algorithm>
#include <boost/json.hpp>

#include "app/duty/supervision.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/org_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace du = domain::duty;

namespace {

json::array OptionsJson(std::span<const du::Option> options) {
  json::array out;
  for (const auto& o : options) {
    out.push_back(json::object{{"code", std::string(o.code)}, {"label", std::string(o.label)}});
  }
  return out;
}

json::array IntsJson(const std::vector<int>& v) {
  json::array out;
  for (const int i : v) out.push_back(i);
  return out;
}

json::object ItemJson(const du::SupervisionItem& i) {
  return {{"id", i.id},
          {"section_id", i.section_id},
          {"section_name", i.section_name},
          {"kind", i.kind},
          {"kind_label", std::string(du::SupervisionKindLabel(i.kind))},
          {"stage", i.stage},
          {"stage_label", std::string(du::SupervisionStageLabel(i.stage))},
          {"title", i.title},
          {"detail", i.detail},
          {"measures", IntsJson(i.measures)},
          {"post", i.post},
          {"person_user_id", i.person_user_id},
          {"person_name", i.person_name},
          {"person_active", i.person_active},
          {"version", i.version},
          {"updated_by", i.updated_by},
          {"updated_at", FormatInstant(i.updated_at)}};
}

json::array ItemsJson(const std::vector<du::SupervisionItem>& items) {
  json::array out;
  for (const auto& i : items) out.push_back(ItemJson(i));
  return out;
}

// The fields of an item a client writes.
void ItemFields(Fields& f, du::SupervisionItem& i) {
  i.section_id = f.Int("section_id", true).value_or(0);
  i.kind = f.Str("kind", true).value_or("");
  i.stage = f.Str("stage", false).value_or("");
  i.title = f.Str("title", true).value_or("");
  i.detail = f.Str("detail", false).value_or("");
  for (const auto m : f.Ids("measures")) {
    i.measures.push_back(static_cast<int>(std::clamp<std::int64_t>(m, -1, 1000)));
  }
  i.post = f.Str("post", true).value_or("");
  i.person_user_id = f.Int("person_user_id", true).value_or(0);
  f.Ignore({"id", "section_name", "kind_label", "stage_label", "person_name", "person_active",
            "updated_by", "updated_at"});
}

}  // namespace

void AddSupervisionItemRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/duties/supervision", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto section = q.Int("section_id");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::GetSupervisionItems(s, ContextOf(req), section));
          json::array sections;
          for (const auto& sec : out.sections) {
            json::array people;
            for (const auto& p : sec.people) {
              people.push_back(json::object{{"user_id", p.user_id}, {"name", p.name}});
            }
            sections.push_back(
                json::object{{"id", sec.id}, {"name", sec.name}, {"people", std::move(people)}});
          }
          return JsonResponse(
              200, json::serialize(json::object{{"bureau_id", out.bureau_id},
                                                {"bureau_name", out.bureau_name},
                                                {"items", ItemsJson(out.items)},
                                                {"sections", std::move(sections)},
                                                {"kinds", OptionsJson(du::SupervisionKinds())},
                                                {"stages", OptionsJson(du::SupervisionStages())},
                                                {"can_edit", out.can_edit}}));
        });
  r.Add(
      "POST", "/api/v1/duties/supervision", Access::Need(perm::kDutyTemplate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        du::SupervisionItem i;
        ItemFields(f, i);
        f.Ignore({"version"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::SaveSupervisionItem(s, ContextOf(req), std::move(i)));
        return JsonResponse(201, json::serialize(ItemJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "PUT", "/api/v1/duties/supervision/{id}", Access::Need(perm::kDutyTemplate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        du::SupervisionItem i;
        i.id = id;
        i.version = static_cast<int>(f.Int("version", true).value_or(0));
        ItemFields(f, i);
        XA_TRY(f.Finish());
        if (i.version <= 0) return InvalidArgument("version", "请提供读取时的版本号");
        XA_ASSIGN_OR_RETURN(auto out, app::SaveSupervisionItem(s, ContextOf(req), std::move(i)));
        return JsonResponse(200, json::serialize(ItemJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/duties/supervision/{id}", Access::Need(perm::kDutyTemplate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        QueryReader q(req);
        const auto version = q.Int("version");
        XA_TRY(q.Finish());
        if (!version || *version <= 0) return InvalidArgument("version", "请提供读取时的版本号");
        XA_TRY(app::DeleteSupervisionItem(s, ContextOf(req), id, static_cast<int>(*version)));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/duties/supervision/mine", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto out, app::GetMySupervisionItems(s, ContextOf(req)));
          return JsonResponse(200, json::serialize(json::object{{"items", ItemsJson(out)}}));
        });
  r.Add("GET", "/api/v1/duties/supervision/coverage", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto out, app::GetSupervisionCoverage(s, ContextOf(req)));
          const auto& c = out.coverage;
          json::array measures;
          for (const auto& m : c.measures) {
            json::array sections;
            for (const auto& sec : m.sections) {
              sections.push_back(json::object{{"id", sec.id}, {"name", sec.name}});
            }
            measures.push_back(
                json::object{{"number", m.measure},
                             {"title", out.measure_titles[static_cast<std::size_t>(m.measure - 1)]},
                             {"sections", std::move(sections)},
                             {"items", m.items},
                             {"unassigned", m.unassigned},
                             {"covered", m.covered}});
          }
          json::array sections;
          for (const auto& sc : c.sections) {
            sections.push_back(json::object{{"id", sc.section.id},
                                            {"name", sc.section.name},
                                            {"items", sc.items},
                                            {"unassigned", sc.unassigned},
                                            {"measures", IntsJson(sc.measures)}});
          }
          return JsonResponse(200,
                              json::serialize(json::object{{"bureau_id", out.bureau_id},
                                                           {"bureau_name", out.bureau_name},
                                                           {"measures", std::move(measures)},
                                                           {"sections", std::move(sections)},
                                                           {"covered", c.covered},
                                                           {"total", du::kPlanMeasures},
                                                           {"uncovered", IntsJson(c.uncovered)},
                                                           {"unassigned", c.unassigned}}));
        });
  r.Add("GET", "/api/v1/duties/supervision/coverage/export", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportSupervisionCoverage(s, ContextOf(req)));
          return FileResponse(std::move(bytes), "xlsx", "方案措施覆盖情况.xlsx");
        });
  r.Add("GET", "/api/v1/duties/supervision/export", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportSupervisionItems(s, ContextOf(req)));
          return FileResponse(std::move(bytes), "xlsx", "科室监管事项.xlsx");
        });
  r.Add("GET", "/api/v1/duties/supervision/import-template", Access::Need(perm::kDutyTemplate),
        [](HttpRequest&) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto file, app::SupervisionItemTemplate());
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add(
      "POST", "/api/v1/duties/supervision/import", Access::Need(perm::kDutyTemplate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto format = q.Str("format").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report,
                            app::ImportSupervisionItems(s, ContextOf(req), req.body, format));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      8 << 20);
}

}  // namespace xiaoan::http
