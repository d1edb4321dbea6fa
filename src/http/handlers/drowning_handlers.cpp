// 防溺水警示提醒: the class teacher's warning days and records, the bureau's campaigns and the
// board (docs/education.md).
#include <boost/json.hpp>

#include "app/edu/drowning.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/enums.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/json/edu_json.hpp"
#include "http/json/fields.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace edu = domain::edu;
namespace cal = domain::calendar;

namespace {

std::string LocationLabel(const std::string& code) {
  return std::string(domain::LabelOf(domain::LocationTypes(), code));
}

json::object ToJson(const app::WarningView& v) {
  json::array reasons;
  json::array reason_labels;
  for (const auto r : v.day.reasons) {
    reasons.push_back(json::string(edu::WarningReasonCode(r)));
    reason_labels.push_back(json::string(edu::WarningReasonLabel(r)));
  }
  json::array campaigns;
  for (const auto& c : v.campaigns) {
    campaigns.push_back(json::object{{"id", c.id}, {"title", c.title}, {"text", c.text}});
  }
  json::object out{
      {"class_id", v.cls.id},
      {"class_name", v.cls.draft.name},
      {"grade", v.cls.draft.grade},
      {"grade_label", edu::GradeLabel(v.cls.draft.grade)},
      {"school_id", v.cls.school_id},
      {"school_name", v.cls.school_name},
      {"date", cal::FormatDate(v.day.date)},
      {"reasons", std::move(reasons)},
      {"reason_labels", std::move(reason_labels)},
      {"occasion", v.day.occasion},
      {"campaigns", std::move(campaigns)},
      {"state", edu::SessionStateCode(v.state)},
      {"state_label", SessionStateLabel(v.state)},
      {"via", v.via},
      {"checkin_id", v.checkin_id == 0 ? json::value(nullptr) : json::value(v.checkin_id)},
      {"text", v.text},
      {"can_give", v.can_give}};
  if (v.warning) {
    const auto& w = *v.warning;
    out["warning"] = json::object{{"id", w.id},
                                  {"note", w.note},
                                  {"by", w.by},
                                  {"by_name", w.by_name},
                                  {"at", FormatInstant(w.at)},
                                  {"on", cal::FormatDate(w.on)}};
  } else {
    out["warning"] = nullptr;
  }
  return out;
}

json::object ToJson(const app::DrowningCampaignView& v) {
  const auto& c = v.campaign;
  json::array types;
  json::array labels;
  for (const auto& t : c.location_types) {
    types.push_back(json::string(t));
    labels.push_back(json::string(LocationLabel(t)));
  }
  return {{"id", c.id},
          {"unit_id", c.unit_id},
          {"unit_name", v.unit_name},
          {"title", c.title},
          {"text", c.text},
          {"from", cal::FormatDate(c.from)},
          {"to", cal::FormatDate(c.to)},
          {"location_types", std::move(types)},
          {"location_type_labels", std::move(labels)},
          {"created_by", c.created_by},
          {"created_by_name", c.created_by_name},
          {"created_at", FormatInstant(c.created_at)},
          {"can_delete", v.can_delete}};
}

json::object ToJson(const app::DrowningBoard& b) {
  json::object out{{"scope", b.school ? "school" : "district"},
                   {"from", cal::FormatDate(b.from)},
                   {"to", cal::FormatDate(b.to)},
                   {"label", b.label},
                   {"totals", CompletionJson(b.totals)},
                   {"high_risk", CompletionJson(b.high_risk)},
                   {"other", CompletionJson(b.other)}};
  if (b.school) {
    out["school_id"] = b.school_id;
    out["school_name"] = b.school_name;
    out["location_type"] = b.location_type;
    out["location_type_label"] = LocationLabel(b.location_type);
    out["high_risk_school"] = b.high_risk_school;
    out["days"] = b.days;
    json::array classes;
    for (const auto& c : b.classes) {
      auto row = CompletionJson(c.completion);
      row["class_id"] = c.cls.id;
      row["class_name"] = c.cls.draft.name;
      row["grade"] = c.cls.draft.grade;
      row["grade_label"] = edu::GradeLabel(c.cls.draft.grade);
      row["teacher"] = c.cls.draft.teacher;
      row["teacher_name"] = c.cls.teacher_name;
      classes.push_back(std::move(row));
    }
    out["classes"] = std::move(classes);
    json::array missing;
    for (const auto& m : b.missing) {
      const auto& c = b.classes[m.cls].cls;
      missing.push_back(json::object{{"class_id", c.id},
                                     {"class_name", c.draft.name},
                                     {"grade", c.draft.grade},
                                     {"grade_label", edu::GradeLabel(c.draft.grade)},
                                     {"date", cal::FormatDate(m.date)}});
    }
    out["missing"] = std::move(missing);
  } else {
    json::array schools;
    for (const auto& r : b.schools) {
      auto row = CompletionJson(r.completion);
      row["school_id"] = r.school_id;
      row["school_name"] = r.school_name;
      row["location_type"] = r.location_type;
      row["location_type_label"] = LocationLabel(r.location_type);
      row["high_risk"] = r.high_risk;
      row["classes"] = r.classes;
      row["days"] = r.days;
      schools.push_back(std::move(row));
    }
    out["schools"] = std::move(schools);
  }
  return out;
}

}  // namespace

void AddDrowningRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/edu/drowning/warnings", Access::Need(perm::kEduCheckIn),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto class_id = q.Int("class_id");
          const auto date = q.Str("date");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto mine, app::ListMyWarnings(s, ContextOf(req), class_id, date));
          json::array items;
          for (const auto& v : mine.items) items.push_back(ToJson(v));
          return JsonResponse(200,
                              json::serialize(json::object{{"today", cal::FormatDate(mine.today)},
                                                           {"late_days", mine.late_days},
                                                           {"items", std::move(items)}}));
        });
  r.Add(
      "POST", "/api/v1/edu/drowning/warnings", Access::Need(perm::kEduCheckIn),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        app::WarningInput in;
        in.class_id = f.Int("class_id", true).value_or(0);
        in.date = f.Str("date", true).value_or("");
        in.note = f.Str("note", false).value_or("");
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::GiveWarning(s, ContextOf(req), std::move(in)));
        return JsonResponse(201, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/edu/drowning/board", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto query = CompletionQueryOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto b, app::GetDrowningBoard(s, ContextOf(req), query));
          return JsonResponse(200, json::serialize(ToJson(b)));
        });
  r.Add("GET", "/api/v1/edu/drowning/board/export", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto query = CompletionQueryOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportDrowningBoard(s, ContextOf(req), query));
          return FileResponse(std::move(bytes), "xlsx", "防溺水提醒完成情况.xlsx");
        });
  r.Add("GET", "/api/v1/edu/drowning/campaigns", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto list, app::ListDrowningCampaigns(s, ContextOf(req)));
          json::array items;
          for (const auto& v : list) items.push_back(ToJson(v));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
        });
  r.Add(
      "POST", "/api/v1/edu/drowning/campaigns", Access::Need(perm::kEduContent),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        edu::DrowningCampaign c;
        c.title = f.Str("title", true).value_or("");
        c.text = f.Str("text", true).value_or("");
        const auto from = f.Str("from", true);
        const auto to = f.Str("to", true);
        c.location_types = f.Strings("location_types", false);
        if (from) {
          if (const auto d = cal::ParseDate(*from)) {
            c.from = *d;
          } else {
            f.AddError("from", "日期须为 YYYY-MM-DD");
          }
        }
        if (to) {
          if (const auto d = cal::ParseDate(*to)) {
            c.to = *d;
          } else {
            f.AddError("to", "日期须为 YYYY-MM-DD");
          }
        }
        f.Ignore({"id", "unit_id", "unit_name", "created_by", "created_by_name", "created_at",
                  "location_type_labels", "can_delete"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::CreateDrowningCampaign(s, ContextOf(req), std::move(c)));
        return JsonResponse(201, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/edu/drowning/campaigns/{id}", Access::Need(perm::kEduContent),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_TRY(app::DeleteDrowningCampaign(s, ContextOf(req), id));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
