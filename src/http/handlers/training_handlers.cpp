// 安全培训: a school's key-post staff with their due list, its training sessions with who
// attended (and the sign-in sheet), and the bureau's board (docs/training.md).
#include <boost/json.hpp>

#include "app/training/training.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/verdict_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace tr = domain::training;
namespace rules = domain::rules;

namespace {

json::array OptionsOf(std::span<const tr::Option> options) {
  json::array out;
  for (const auto& o : options) {
    out.push_back(json::object{{"code", std::string(o.code)}, {"label", std::string(o.label)}});
  }
  return out;
}

std::string DateOf(const std::optional<domain::calendar::Date>& d) {
  return d ? domain::calendar::FormatDate(*d) : std::string();
}

json::object ToJson(const app::TrainingStaffItem& item) {
  const auto& p = item.staff;
  const auto& d = item.due;
  return {{"id", p.id},
          {"unit_id", p.unit_id},
          {"unit_name", p.unit_name},
          {"name", p.name},
          {"post", p.post},
          {"post_label", std::string(tr::PostLabel(p.post))},
          {"phone", p.phone},
          {"since", p.since},
          {"active", p.active},
          {"note", p.note},
          {"version", p.version},
          {"last_trained_on", DateOf(d.last_trained)},
          {"last_session_id",
           d.last_session_id ? json::value(d.last_session_id) : json::value(nullptr)},
          {"last_session_title", d.last_session_title},
          {"due_by", DateOf(d.due_by)},
          {"state", std::string(tr::DueStateCode(d.state))},
          {"state_label", std::string(tr::DueStateLabel(d.state))}};
}

json::array ChecksOf(const std::vector<app::TrainingCheck>& checks) {
  json::array out;
  for (const auto& c : checks) {
    auto o = VerdictJson(c.verdict);
    o["rule"] = c.rule->id;
    o["title"] = c.rule->title;
    out.push_back(std::move(o));
  }
  return out;
}

json::object ToJson(const app::TrainingStaffView& v) {
  json::array items;
  for (const auto& i : v.items) items.push_back(ToJson(i));
  return {{"unit_id", v.school.id},
          {"unit_name", v.school.name},
          {"can_edit", v.can_edit},
          {"today", v.today},
          {"interval_months", v.interval_months},
          {"items", std::move(items)},
          {"posts", OptionsOf(tr::Posts())},
          {"checks", ChecksOf(v.checks)}};
}

json::object ToJson(const tr::Session& s) {
  json::array ids, attendees;
  for (const auto id : s.staff_ids) ids.push_back(id);
  for (const auto& a : s.attendees) {
    attendees.push_back(json::object{{"id", a.staff_id},
                                     {"name", a.name},
                                     {"post", a.post},
                                     {"post_label", std::string(tr::PostLabel(a.post))}});
  }
  return {{"id", s.id},
          {"unit_id", s.unit_id},
          {"unit_name", s.unit_name},
          {"title", s.title},
          {"kind", s.kind},
          {"kind_label", std::string(tr::KindLabel(s.kind))},
          {"held_on", s.held_on},
          {"hours", s.hours},
          {"trainer", s.trainer},
          {"place", s.place},
          {"staff_ids", std::move(ids)},
          {"attendees", std::move(attendees)},
          {"other_count", s.other_count},
          {"note", s.note},
          {"created_by", s.created_by},
          {"created_by_name", s.created_by_name},
          {"created_at", FormatInstant(s.created_at)}};
}

tr::KeyStaff StaffFromJson(Fields& f, bool update) {
  tr::KeyStaff p;
  p.name = f.Str("name", true).value_or("");
  p.post = f.Str("post", true).value_or("");
  p.phone = f.Str("phone", false).value_or("");
  p.since = f.Str("since", true).value_or("");
  p.note = f.Str("note", false).value_or("");
  if (update) {
    p.active = f.Bool("active", true).value_or(true);
    p.version = static_cast<int>(f.Int("version", true).value_or(0));
  } else {
    p.unit_id = f.Int("unit_id", true).value_or(0);
  }
  f.Ignore({"id", "unit_name", "post_label", "last_trained_on", "last_session_id",
            "last_session_title", "due_by", "state", "state_label"});
  if (!update) f.Ignore({"active", "version"});
  return p;
}

std::optional<std::int64_t> UnitParam(QueryReader& q) { return q.Int("unit_id"); }

}  // namespace

void AddTrainingRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/training/staff", Access::Need(perm::kTrainingRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto unit = UnitParam(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::GetTrainingStaff(s, ContextOf(req), unit));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "POST", "/api/v1/training/staff", Access::Need(perm::kTrainingManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto p = StaffFromJson(f, false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::AddTrainingStaff(s, ContextOf(req), std::move(p)));
        return JsonResponse(201, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "PUT", "/api/v1/training/staff/{id}", Access::Need(perm::kTrainingManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto p = StaffFromJson(f, true);
        f.Ignore({"unit_id"});
        XA_TRY(f.Finish());
        p.id = id;
        XA_ASSIGN_OR_RETURN(auto out, app::UpdateTrainingStaff(s, ContextOf(req), std::move(p)));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/training/sessions", Access::Need(perm::kTrainingRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto unit = UnitParam(q);
          const auto kind = q.Str("kind").value_or("");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto out, app::ListTrainingSessions(s, ContextOf(req), unit, kind));
          json::array items;
          for (const auto& t : out.items) items.push_back(ToJson(t));
          return JsonResponse(200,
                              json::serialize(json::object{{"unit_id", out.school.id},
                                                           {"unit_name", out.school.name},
                                                           {"can_edit", out.can_edit},
                                                           {"items", std::move(items)},
                                                           {"kinds", OptionsOf(tr::Kinds())}}));
        });
  r.Add(
      "POST", "/api/v1/training/sessions", Access::Need(perm::kTrainingManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        tr::Session t;
        t.unit_id = f.Int("unit_id", true).value_or(0);
        t.title = f.Str("title", true).value_or("");
        t.kind = f.Str("kind", true).value_or("");
        t.held_on = f.Str("held_on", true).value_or("");
        t.hours = f.Number("hours", true).value_or(0);
        t.trainer = f.Str("trainer", false).value_or("");
        t.place = f.Str("place", false).value_or("");
        t.staff_ids = f.Ids("staff_ids");
        t.other_count = static_cast<int>(f.Int("other_count", false).value_or(0));
        t.note = f.Str("note", false).value_or("");
        f.Ignore({"id", "unit_name", "kind_label", "attendees", "created_by", "created_by_name",
                  "created_at"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::RecordTrainingSession(s, ContextOf(req), std::move(t)));
        return JsonResponse(201, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/training/sessions/{id}", Access::Need(perm::kTrainingRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetTrainingSession(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "DELETE", "/api/v1/training/sessions/{id}", Access::Need(perm::kTrainingManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_TRY(app::DeleteTrainingSession(s, ContextOf(req), id));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/training/sign-in-template", Access::Need(perm::kTrainingManage),
        [](HttpRequest&) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto file, app::TrainingSignInTemplate());
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add(
      "POST", "/api/v1/training/sessions/{id}/sign-in", Access::Need(perm::kTrainingManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        QueryReader q(req);
        const auto format = q.Str("format").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report,
                            app::ImportTrainingSignIn(s, ContextOf(req), id, req.body, format));
        json::array errors;
        for (const auto& e : report.errors) {
          errors.push_back(json::object{
              {"row", e.row}, {"column", e.column}, {"field", e.column}, {"reason", e.reason}});
        }
        return JsonResponse(report.applied ? 200 : 422,
                            json::serialize(json::object{{"rows", report.rows},
                                                         {"matched", report.matched},
                                                         {"others", report.others},
                                                         {"created", report.matched},
                                                         {"updated", report.others},
                                                         {"removed", 0},
                                                         {"failed", report.failed},
                                                         {"applied", report.applied},
                                                         {"errors", std::move(errors)}}));
      },
      8 << 20);
  r.Add("GET", "/api/v1/training/board", Access::Need(perm::kTrainingRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto out, app::GetTrainingBoard(s, ContextOf(req)));
          json::array rows;
          for (const auto& row : out.rows) {
            rows.push_back(json::object{{"unit_id", row.unit_id},
                                        {"unit_name", row.unit_name},
                                        {"staff", row.staff},
                                        {"overdue", row.overdue},
                                        {"due_soon", row.due_soon},
                                        {"last_session_on", row.last_session_on},
                                        {"rotation", VerdictJson(row.rotation)},
                                        {"holiday", VerdictJson(row.holiday)}});
          }
          return JsonResponse(200, json::serialize(json::object{
                                       {"today", out.today},
                                       {"rows", std::move(rows)},
                                       {"totals", json::object{{"schools", out.schools},
                                                               {"staff", out.staff},
                                                               {"overdue", out.overdue},
                                                               {"due_soon", out.due_soon}}}}));
        });
  r.Add("GET", "/api/v1/training/board/export", Access::Need(perm::kTrainingRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportTrainingBoard(s, ContextOf(req)));
          return FileResponse(std::move(bytes), "xlsx", "轮训看板.xlsx");
        });
}

}  // namespace xiaoan::http
