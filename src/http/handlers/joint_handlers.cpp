// 联防联控: the bureau's tasks for the drowning-prevention member departments and their reports
// (docs/education.md).
#include <boost/json.hpp>

#include <algorithm>

#include "app/edu/joint.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/enums.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/hazard_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace edu = domain::edu;
namespace cal = domain::calendar;

namespace {

json::object ToJson(const edu::JointReport& r) {
  return {{"id", r.id},
          {"text", r.text},
          {"patrolled", r.patrolled},
          {"signs", r.signs},
          {"fences", r.fences},
          {"hazards", r.hazards},
          {"by", r.by},
          {"by_name", r.by_name},
          {"at", FormatInstant(r.at)},
          {"on", cal::FormatDate(r.on)}};
}

json::object ToJson(const app::JointTaskView& v, bool with_files = false) {
  const auto& t = v.task;
  json::array kinds;
  json::array labels;
  for (const auto& k : t.kinds) {
    kinds.push_back(json::string(k));
    const auto* kind = edu::FindJointKind(k);
    labels.push_back(json::string(kind ? kind->label : k));
  }
  json::array departments;
  for (const auto& d : v.departments) {
    json::object o{{"department_id", d.department_id},
                   {"name", d.name},
                   {"kind", d.kind},
                   {"kind_label", domain::LabelOf(domain::DepartmentKinds(), d.kind)},
                   {"state", edu::JointStateCode(d.state)},
                   {"state_label", edu::JointStateLabel(d.state)}};
    if (d.report) {
      auto r = ToJson(*d.report);
      // A task's own page and the report's answer carry the photos; the list does not.
      if (with_files) {
        json::array files;
        for (const auto& file : d.files) files.push_back(http::ToJson(file));
        r["files"] = std::move(files);
      }
      o["report"] = std::move(r);
    } else {
      o["report"] = nullptr;
    }
    departments.push_back(std::move(o));
  }
  return {{"id", t.id},
          {"unit_id", t.unit_id},
          {"unit_name", t.unit_name},
          {"title", t.title},
          {"text", t.text},
          {"kinds", std::move(kinds)},
          {"kind_labels", std::move(labels)},
          {"due_on", cal::FormatDate(t.due_on)},
          {"created_by", t.created_by},
          {"created_by_name", t.created_by_name},
          {"created_at", FormatInstant(t.created_at)},
          {"departments", std::move(departments)},
          {"reported", v.reported},
          {"overdue", v.overdue},
          {"can_report", v.can_report},
          {"can_delete", v.can_delete}};
}

}  // namespace

void AddJointRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/edu/joint-tasks", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto list, app::ListJointTasks(s, ContextOf(req)));
          json::array items;
          for (const auto& v : list) items.push_back(ToJson(v));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
        });
  r.Add(
      "POST", "/api/v1/edu/joint-tasks", Access::Need(perm::kEduContent),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        edu::JointTask t;
        t.title = f.Str("title", true).value_or("");
        t.text = f.Str("text", true).value_or("");
        t.kinds = f.Strings("kinds", true);
        t.department_ids = f.Ids("department_ids");
        if (const auto due = f.Str("due_on", true)) {
          if (const auto d = cal::ParseDate(*due)) {
            t.due_on = *d;
          } else {
            f.AddError("due_on", "日期须为 YYYY-MM-DD");
          }
        }
        f.Ignore({"id", "unit_id", "unit_name", "kind_labels", "created_by", "created_by_name",
                  "created_at", "departments", "reported", "overdue", "can_report", "can_delete"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::CreateJointTask(s, ContextOf(req), std::move(t)));
        return JsonResponse(201, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/edu/joint-tasks/{id}", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::GetJointTask(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v, true)));
        });
  r.Add(
      "DELETE", "/api/v1/edu/joint-tasks/{id}", Access::Need(perm::kEduContent),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_TRY(app::DeleteJointTask(s, ContextOf(req), id));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "PUT", "/api/v1/edu/joint-tasks/{id}/report", Access::Need(perm::kEduJoint),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        edu::JointReport in;
        in.text = f.Str("text", true).value_or("");
        const auto count = [&](const char* key) {
          return static_cast<int>(
              std::clamp<std::int64_t>(f.Int(key, false).value_or(0), -1, edu::kMaxJointCount + 1));
        };
        in.patrolled = count("patrolled");
        in.signs = count("signs");
        in.fences = count("fences");
        in.hazards = count("hazards");
        const auto file_ids = f.Ids("file_ids");
        f.Ignore({"id", "by", "by_name", "at", "on", "files"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v,
                            app::ReportJointTask(s, ContextOf(req), id, std::move(in), file_ids));
        return JsonResponse(200, json::serialize(ToJson(v, true)));
      },
      0, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
