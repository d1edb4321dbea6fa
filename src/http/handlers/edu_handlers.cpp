// 1530: classes, the class teacher's sessions and check-ins, completion (docs/education.md).
#include <boost/json.hpp>

#include <algorithm>

#include "app/edu/contents.hpp"
#include "app/edu/edu.hpp"
#include "app/org/school_exchange.hpp"
#include "domain/auth/auth.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/json/edu_json.hpp"
#include "http/json/org_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace edu = domain::edu;

namespace {

edu::ClassFilter ClassFilterOf(QueryReader& q) {
  edu::ClassFilter f;
  f.school_id = q.Int("school_id");
  if (const auto g = q.Int("grade")) f.grade = static_cast<int>(*g);
  f.teacher = q.Str("teacher");
  f.q = q.Str("q").value_or("");
  f.include_inactive = q.Bool("include_inactive").value_or(false);
  return f;
}

json::object ToJson(const app::ContentItem& i) {
  return {{"topic", edu::TopicCode(i.topic)},
          {"topic_label", edu::TopicLabel(i.topic)},
          {"age_group", edu::AgeGroupCode(i.age)},
          {"age_group_label", edu::AgeGroupLabel(i.age)},
          {"text", i.text},
          {"source", i.source},
          {"source_unit_name", i.source_unit_name},
          {"shipped_text", edu::ShippedText(i.topic, i.age)},
          {"version", i.version},
          {"updated_by", i.updated_by},
          {"updated_at", i.updated_at ? FormatInstant(*i.updated_at) : std::string()}};
}

void AddContentRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/edu/1530/contents", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto v, app::ListEduContents(s, ContextOf(req)));
          json::array topics;
          for (const auto t : edu::AllTopics()) {
            topics.push_back(
                json::object{{"code", edu::TopicCode(t)}, {"label", edu::TopicLabel(t)}});
          }
          json::array ages;
          for (const auto a : edu::AllAgeGroups()) {
            ages.push_back(
                json::object{{"code", edu::AgeGroupCode(a)}, {"label", edu::AgeGroupLabel(a)}});
          }
          json::array items;
          for (const auto& i : v.items) items.push_back(ToJson(i));
          return JsonResponse(200, json::serialize(json::object{{"unit_id", v.unit_id},
                                                                {"unit_name", v.unit_name},
                                                                {"can_edit", v.can_edit},
                                                                {"topics", std::move(topics)},
                                                                {"age_groups", std::move(ages)},
                                                                {"items", std::move(items)}}));
        });
  r.Add(
      "PUT", "/api/v1/edu/1530/contents", Access::Need(perm::kEduContent),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto topic = f.Str("topic", true).value_or("");
        const auto age = f.Str("age_group", true).value_or("");
        const auto text = f.Str("text", true).value_or("");
        const auto version = f.Int("version", false).value_or(0);
        f.Ignore({"topic_label", "age_group_label", "source", "source_unit_name", "shipped_text",
                  "updated_by", "updated_at"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(
            auto item,
            app::SetEduContent(s, ContextOf(req), topic, age, text,
                               static_cast<int>(std::clamp<std::int64_t>(version, 0, 1000000000))));
        return JsonResponse(200, json::serialize(ToJson(item)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/edu/1530/contents", Access::Need(perm::kEduContent),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto topic = q.Str("topic").value_or("");
        const auto age = q.Str("age_group").value_or("");
        XA_TRY(q.Finish());
        XA_ASSIGN_OR_RETURN(auto item, app::ResetEduContent(s, ContextOf(req), topic, age));
        return JsonResponse(200, json::serialize(ToJson(item)));
      },
      0, Runs::kInWriteBatch);
}

}  // namespace

void AddEduRoutes(Router& r, app::Services& s) {
  AddContentRoutes(r, s);
  r.Add("GET", "/api/v1/edu/classes", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = ClassFilterOf(q);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListEduClasses(s, ContextOf(req), f, page));
          json::array items;
          for (const auto& c : result.items) items.push_back(ToJson(c));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
  r.Add(
      "POST", "/api/v1/edu/classes", Access::Need(perm::kEduClasses),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto school_id = f.Int("school_id", true).value_or(0);
        auto d = ClassDraftFromJson(f);
        f.Ignore({"active", "version"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto c,
                            app::CreateEduClass(s, ContextOf(req), school_id, std::move(d)));
        return JsonResponse(201, json::serialize(ToJson(c)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "PUT", "/api/v1/edu/classes/{id}", Access::Need(perm::kEduClasses),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        app::ClassUpdate in;
        in.keep_students = !obj.contains("students");
        in.draft = ClassDraftFromJson(f);
        in.active = f.Bool("active", false).value_or(true);
        in.version = static_cast<int>(f.Int("version", true).value_or(0));
        f.Ignore({"school_id"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto c, app::UpdateEduClass(s, ContextOf(req), id, std::move(in)));
        return JsonResponse(200, json::serialize(ToJson(c)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/edu/classes/import-template", Access::Need(perm::kEduClasses),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::EduClassTemplate());
          return FileResponse(std::move(bytes), "xlsx", "班级导入模板.xlsx");
        });
  r.Add(
      "POST", "/api/v1/edu/classes/import", Access::Need(perm::kEduClasses),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto format = q.Str("format").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report,
                            app::ImportEduClasses(s, ContextOf(req), req.body, format));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      8 << 20);
  r.Add("GET", "/api/v1/edu/classes/export", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = ClassFilterOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportEduClasses(s, ContextOf(req), std::move(f)));
          return FileResponse(std::move(bytes), "xlsx", "班级.xlsx");
        });
  r.Add(
      "GET", "/api/v1/edu/1530/topics", Access::Need(perm::kEduRead),
      [](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        XA_TRY(q.Finish());
        json::array items;
        for (auto t : edu::AllTopics()) {
          items.push_back(json::object{{"code", edu::TopicCode(t)}, {"label", edu::TopicLabel(t)}});
        }
        return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
      });
  r.Add("GET", "/api/v1/edu/1530/sessions", Access::Need(perm::kEduCheckIn),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto class_id = q.Int("class_id");
          const auto date = q.Str("date");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto mine, app::ListMySessions(s, ContextOf(req), class_id, date));
          return JsonResponse(200, json::serialize(ToJson(mine)));
        });
  r.Add(
      "POST", "/api/v1/edu/1530/checkins", Access::Need(perm::kEduCheckIn),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto in = CheckInFromJson(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::CheckIn1530(s, ContextOf(req), std::move(in)));
        return JsonResponse(201, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/edu/1530/completion", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto query = CompletionQueryOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto v, app::Get1530Completion(s, ContextOf(req), query));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add("GET", "/api/v1/edu/1530/completion/export", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto query = CompletionQueryOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::Export1530Completion(s, ContextOf(req), query));
          return FileResponse(std::move(bytes), "xlsx", "1530完成情况.xlsx");
        });
}

}  // namespace xiaoan::http
