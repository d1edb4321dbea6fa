// The platform's routes, shared by every module: files, supervision orders, notifications.
#include <boost/json.hpp>

#include "app/platform/platform.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/hazard_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;

void AddPlatformRoutes(Router& r, app::Services& s, const ApiOptions& options) {
  r.Add(
      // hazard:read or whistle:respond, decided by the use case.
      "POST", "/api/v1/files", Access::LoggedIn(),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto name = q.Str("name");
        XA_TRY(q.Finish());
        // Without a name the use case refuses it, after deciding whether the caller may upload.
        XA_ASSIGN_OR_RETURN(auto file,
                            app::UploadFile(s, ContextOf(req), name.value_or(""), req.body));
        return JsonResponse(201, json::serialize(ToJson(file)));
      },
      options.max_upload_bytes);
  // Any signed-in user: the file's record decides (FileSubjects), or its uploader while unattached.
  r.Add("GET", "/api/v1/files/{id}", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto content, app::ReadFile(s, ContextOf(req), id));
          HttpResponse res;
          res.status = 200;
          res.content_type = content.file.content_type;
          res.body = std::move(content.bytes);
          res.headers.emplace_back(
              "Content-Disposition",
              "inline; filename=\"file\"; filename*=UTF-8''" + EncodeFileName(content.file.name));
          res.headers.emplace_back("Cache-Control", "private, max-age=3600");
          return res;
        });
  r.Add("GET", "/api/v1/supervision-orders", Access::Need(perm::kHazardRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          domain::OrderFilter f;
          const auto state = q.Str("state");
          f.school_id = q.Int("school_id");
          f.subject_type = q.Str("subject_type");
          f.subject_id = q.Int("subject_id");
          if (const auto hazard = q.Int("hazard_id")) {  // the hazard ledger's filter
            f.subject_type = "hazard";
            f.subject_id = hazard;
          }
          const auto page = q.Page();
          XA_TRY(q.Finish());
          if (state) {
            f.state = domain::OrderStateFromCode(*state);
            if (!f.state) return InvalidArgument("state", "须为 open、replied 或 closed");
          }
          XA_ASSIGN_OR_RETURN(auto result, app::ListSupervisionOrders(s, ContextOf(req), f, page));
          json::array items;
          for (const auto& o : result.items) items.push_back(ToJson(o));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total}}));
        });
  r.Add(
      "POST", "/api/v1/supervision-orders/{id}/reply", Access::Need(perm::kHazardReply),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto reply = f.Str("reply", true);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto o, app::ReplySupervisionOrder(s, ContextOf(req), id, *reply));
        return JsonResponse(200, json::serialize(ToJson(o)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/supervision-orders/{id}/close", Access::Need(perm::kHazardSupervise),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto o, app::CloseSupervisionOrder(s, ContextOf(req), id));
        return JsonResponse(200, json::serialize(ToJson(o)));
      },
      0, Runs::kInWriteBatch);
  // Every signed-in user, for the units in their scope (app::ListStaff decides).
  r.Add("GET", "/api/v1/staff", Access::LoggedIn(), [&s](HttpRequest& req) -> Result<HttpResponse> {
    QueryReader q(req);
    const auto unit_id = q.Int("unit_id");
    const auto text = q.Str("q");
    XA_TRY(q.Finish());
    XA_ASSIGN_OR_RETURN(auto staff, app::ListStaff(s, ContextOf(req), unit_id, text.value_or("")));
    json::array items;
    for (const auto& m : staff) {
      json::array roles;
      for (const auto& r : m.roles)
        roles.push_back(json::object{{"code", r.code}, {"name", r.name}});
      items.push_back(json::object{{"user_id", m.user_id},
                                   {"username", m.username},
                                   {"display_name", m.display_name},
                                   {"unit_id", m.unit_id},
                                   {"unit_name", m.unit_name},
                                   {"roles", std::move(roles)}});
    }
    const auto total = static_cast<std::int64_t>(items.size());
    return JsonResponse(
        200, json::serialize(json::object{{"items", std::move(items)}, {"total", total}}));
  });
  // Every signed-in user: the groups follow the caller's permissions (app::ListMyTasks).
  r.Add("GET", "/api/v1/me/tasks", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          const auto ctx = ContextOf(req);
          XA_ASSIGN_OR_RETURN(auto groups, app::ListMyTasks(s, ctx));
          json::array out;
          for (const auto& g : groups) {
            json::array items;
            for (const auto& i : g.items) {
              json::object item{{"subject_type", i.subject_type},
                                {"subject_id", i.subject_id},
                                {"title", i.title},
                                {"school_name", i.school_name},
                                {"due", i.due},
                                {"overdue", i.overdue}};
              if (i.order_id) item["order_id"] = *i.order_id;
              items.push_back(std::move(item));
            }
            out.push_back(json::object{{"kind", g.kind},
                                       {"label", g.label},
                                       {"count", g.count},
                                       {"overdue", g.overdue},
                                       {"items", std::move(items)}});
          }
          return JsonResponse(200, json::serialize(json::object{{"generated_at", s.Now()},
                                                                {"groups", std::move(out)}}));
        });
  r.Add("GET", "/api/v1/notifications", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const bool unread = q.Bool("unread").value_or(false);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListNotifications(s, ContextOf(req), unread, page));
          json::array items;
          for (const auto& n : result.page.items) items.push_back(ToJson(n));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.page.total},
                                                                {"unread", result.unread}}));
        });
  r.Add(
      "POST", "/api/v1/notifications/{id}/read", Access::LoggedIn(),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto changed, app::MarkNotificationsRead(s, ContextOf(req), id));
        return JsonResponse(200, json::serialize(json::object{{"changed", changed}}));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/notifications/read-all", Access::LoggedIn(),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto changed,
                            app::MarkNotificationsRead(s, ContextOf(req), std::nullopt));
        return JsonResponse(200, json::serialize(json::object{{"changed", changed}}));
      },
      0, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
