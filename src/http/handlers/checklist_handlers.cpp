// Checklist templates: list, read, write, revise, copy, and their items in and out of Excel.
#include <boost/json.hpp>

#include "app/checklist/checklists.hpp"
#include "app/org/school_exchange.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/checklist_json.hpp"
#include "http/json/org_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

namespace {

HttpResponse TemplateResponse(int status, const app::TemplateView& v) {
  return JsonResponse(status, json::serialize(ToJson(v, true)));
}

}  // namespace

void AddChecklistRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/checklist-templates", Access::Need(perm::kChecklistRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          domain::checklist::TemplateFilter f;
          f.q = q.Str("q").value_or("");
          f.code = q.Str("code");
          f.all_versions = q.Bool("all_versions").value_or(false);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result,
                              app::ListChecklistTemplates(s, ContextOf(req), std::move(f), page));
          json::array items;
          for (const auto& v : result.items) items.push_back(ToJson(v, false));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
  r.Add("GET", "/api/v1/checklist-templates/import-template", Access::Need(perm::kChecklistManage),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ChecklistImportTemplate());
          return FileResponse(std::move(bytes), "xlsx", "检查表导入模板.xlsx");
        });
  r.Add(
      "POST", "/api/v1/checklist-templates/import", Access::Need(perm::kChecklistManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        app::ChecklistImport in;
        in.format = q.Str("format").value_or("");
        in.template_id = q.Int("template_id");
        in.name = q.Str("name").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        app::TemplateView written;
        XA_ASSIGN_OR_RETURN(
            auto report, app::ImportChecklistTemplate(s, ContextOf(req), req.body, in, &written));
        auto body = ToJson(report).as_object();
        if (report.applied) body["template"] = ToJson(written, false);
        return JsonResponse(report.applied ? 200 : 422, json::serialize(body));
      },
      1 << 20);
  r.Add(
      "POST", "/api/v1/checklist-templates", Access::Need(perm::kChecklistManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto t = TemplateFromJson(f, true);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out,
                            app::CreateChecklistTemplate(s, ContextOf(req), std::move(t)));
        return TemplateResponse(201, out);
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/checklist-templates/{id}", Access::Need(perm::kChecklistRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetChecklistTemplate(s, ContextOf(req), id));
          return TemplateResponse(200, out);
        });
  r.Add(
      "PUT", "/api/v1/checklist-templates/{id}", Access::Need(perm::kChecklistManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto t = TemplateFromJson(f, false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out,
                            app::EditChecklistTemplate(s, ContextOf(req), id, std::move(t)));
        return TemplateResponse(200, out);
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/checklist-templates/{id}/copy", Access::Need(perm::kChecklistManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        std::string name;
        if (!req.body.empty()) {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          name = f.Str("name", false).value_or("");
          XA_TRY(f.Finish());
        }
        XA_ASSIGN_OR_RETURN(auto out,
                            app::CopyChecklistTemplate(s, ContextOf(req), id, std::move(name)));
        return TemplateResponse(201, out);
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/checklist-templates/{id}/export", Access::Need(perm::kChecklistRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportChecklistTemplate(s, ContextOf(req), id));
          return FileResponse(std::move(bytes), "xlsx", "检查表.xlsx");
        });
}

}  // namespace xiaoan::http
