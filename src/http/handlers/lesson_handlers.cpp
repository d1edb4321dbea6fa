// Safety education records and the education calendar (docs/education.md).
#include <boost/json.hpp>

#include <algorithm>

#include "app/calendar/calendar.hpp"

#include "app/edu/lessons.hpp"
#include "domain/auth/auth.hpp"
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
namespace rules = domain::rules;

namespace {

json::object ToJson(const edu::Lesson& l) {
  const auto* theme = edu::FindTheme(l.theme);
  json::array classes;
  for (const auto id : l.class_ids) classes.push_back(id);
  return {{"id", l.id},
          {"school_id", l.school_id},
          {"school_name", l.school_name},
          {"date", l.date},
          {"theme", l.theme},
          {"theme_label", theme ? std::string(theme->label) : l.theme},
          {"observance", l.observance},
          {"observance_label", l.observance.empty() ? "" : edu::ObservanceLabel(l.observance)},
          {"title", l.title},
          {"whole_school", l.whole_school},
          {"class_ids", std::move(classes)},
          {"participants", l.participants},
          {"speaker", l.speaker},
          {"materials", l.materials},
          {"note", l.note},
          {"recorded_by", l.recorded_by},
          {"recorded_by_name", l.recorded_by_name},
          {"created_at", FormatInstant(l.created_at)},
          {"updated_at", FormatInstant(l.updated_at)},
          {"version", l.version}};
}

json::object ToJson(const app::LessonDetail& d) {
  auto out = ToJson(d.lesson);
  json::array names;
  for (const auto& n : d.class_names) names.push_back(json::string(n));
  json::array files;
  for (const auto& f : d.files) files.push_back(http::ToJson(f));
  out["class_names"] = std::move(names);
  out["files"] = std::move(files);
  out["can_edit"] = d.can_edit;
  return out;
}

edu::Lesson LessonFromJson(Fields& f, bool create) {
  edu::Lesson l;
  if (create) {
    l.school_id = f.Int("school_id", true).value_or(0);
  } else {
    f.Ignore({"school_id"});
    l.version = static_cast<int>(f.Int("version", true).value_or(0));
  }
  l.date = f.Str("date", true).value_or("");
  l.theme = f.Str("theme", true).value_or("");
  l.observance = f.Str("observance", false).value_or("");
  l.title = f.Str("title", true).value_or("");
  l.whole_school = f.Bool("whole_school", false).value_or(true);
  l.class_ids = f.Ids("class_ids");
  l.participants = static_cast<int>(
      std::clamp<std::int64_t>(f.Int("participants", true).value_or(0), -1, 1000000));
  l.speaker = f.Str("speaker", false).value_or("");
  l.materials = f.Str("materials", false).value_or("");
  l.note = f.Str("note", false).value_or("");
  // Read-only fields sent back as read.
  f.Ignore({"id", "school_name", "theme_label", "observance_label", "recorded_by",
            "recorded_by_name", "created_at", "updated_at", "class_names", "files", "can_edit"});
  if (create) f.Ignore({"version"});
  return l;
}

edu::LessonFilter FilterOf(QueryReader& q) {
  edu::LessonFilter f;
  f.school_id = q.Int("school_id");
  f.theme = q.Str("theme");
  f.observance = q.Str("observance");
  f.from = q.Str("from");
  f.to = q.Str("to");
  f.q = q.Str("q").value_or("");
  return f;
}

json::object ToJson(const edu::CalendarItem& i) {
  json::array evidence;
  for (const auto id : i.evidence) evidence.push_back(id);
  return {{"key", i.key},
          {"code", i.code},
          {"rule", i.rule},
          {"label", i.label},
          {"note", i.note},
          {"first", cal::FormatDate(i.first)},
          {"last", cal::FormatDate(i.last)},
          {"outcome", std::string(rules::OutcomeCode(i.outcome))},
          {"outcome_label", std::string(rules::OutcomeLabel(i.outcome))},
          {"reason", i.reason},
          {"evidence", std::move(evidence)}};
}

json::object ToJson(const app::EduCalendarView& v) {
  json::object out{{"year", v.year}, {"today", cal::FormatDate(v.today)}, {"school", v.school}};
  if (v.school) {
    json::array items;
    for (const auto& i : v.items) items.push_back(ToJson(i));
    out["school_id"] = v.school_id;
    out["school_name"] = v.school_name;
    out["items"] = std::move(items);
    return out;
  }
  json::array columns;
  for (const auto& c : v.columns) {
    columns.push_back(json::object{{"key", c.key},
                                   {"code", c.code},
                                   {"label", c.label},
                                   {"note", c.note},
                                   {"first", cal::FormatDate(c.first)},
                                   {"last", cal::FormatDate(c.last)}});
  }
  json::array schools;
  for (const auto& row : v.schools) {
    json::object cells;
    for (const auto& [key, outcome] : row.cells) {
      cells[key] = std::string(rules::OutcomeCode(outcome));
    }
    schools.push_back(json::object{{"school_id", row.school_id},
                                   {"school_name", row.school_name},
                                   {"pass", row.pass},
                                   {"due", row.due},
                                   {"fail", row.fail},
                                   {"cells", std::move(cells)}});
  }
  out["columns"] = std::move(columns);
  out["schools"] = std::move(schools);
  return out;
}

}  // namespace

void AddLessonRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/edu/themes", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto year = q.Int("year");
          XA_TRY(q.Finish());
          const int y = static_cast<int>(std::clamp<std::int64_t>(
              year.value_or(cal::YearOf(app::TodayInChina(s))), 2000, 2100));
          json::array themes;
          for (const auto& t : edu::Themes()) {
            themes.push_back(
                json::object{{"code", std::string(t.code)}, {"label", std::string(t.label)}});
          }
          json::array observances;
          for (const auto& o : edu::Observances(y)) {
            observances.push_back(json::object{{"code", o.code},
                                               {"label", o.label},
                                               {"note", o.note},
                                               {"day", cal::FormatDate(o.day)},
                                               {"first", cal::FormatDate(o.first)},
                                               {"last", cal::FormatDate(o.last)}});
          }
          return JsonResponse(
              200, json::serialize(json::object{{"year", y},
                                                {"themes", std::move(themes)},
                                                {"observances", std::move(observances)}}));
        });
  r.Add("GET", "/api/v1/edu/lessons", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto f = FilterOf(q);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListLessons(s, ContextOf(req), f, page));
          json::array items;
          for (const auto& l : result.items) items.push_back(ToJson(l));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
  r.Add("GET", "/api/v1/edu/lessons/export", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto f = FilterOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportLessons(s, ContextOf(req), f));
          return FileResponse(std::move(bytes), "xlsx", "安全教育活动.xlsx");
        });
  r.Add(
      "POST", "/api/v1/edu/lessons", Access::Need(perm::kEduLessons),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto l = LessonFromJson(f, true);
        const auto file_ids = f.Ids("file_ids");
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::RecordLesson(s, ContextOf(req), std::move(l), file_ids));
        return JsonResponse(201, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/edu/lessons/{id}", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetLesson(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "PUT", "/api/v1/edu/lessons/{id}", Access::Need(perm::kEduLessons),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto l = LessonFromJson(f, false);
        const auto file_ids = f.Ids("file_ids");
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out,
                            app::EditLesson(s, ContextOf(req), id, std::move(l), file_ids));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/edu/lessons/{id}", Access::Need(perm::kEduLessons),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_TRY(app::DeleteLesson(s, ContextOf(req), id));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/edu/calendar", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto school_id = q.Int("school_id");
          const auto year = q.Int("year");
          XA_TRY(q.Finish());
          std::optional<int> y;
          if (year) y = static_cast<int>(std::clamp<std::int64_t>(*year, -1, 100000));
          XA_ASSIGN_OR_RETURN(auto v, app::GetEduCalendar(s, ContextOf(req), school_id, y));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
}

}  // namespace xiaoan::http
