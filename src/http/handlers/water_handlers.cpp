// 周边水域风险: the water near each school and the bureau's board (docs/education.md).
#include <boost/json.hpp>

#include <algorithm>

#include "app/edu/waters.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/enums.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace edu = domain::edu;

namespace {

std::string LocationLabel(const std::string& code) {
  return std::string(domain::LabelOf(domain::LocationTypes(), code));
}

json::object ToJson(const app::WaterView& v) {
  const auto& w = v.water;
  const auto* kind = edu::FindWaterKind(w.kind);
  json::array gaps;
  for (const auto& g : edu::WaterGaps(w)) gaps.push_back(json::string(g));
  return {{"id", w.id},
          {"school_id", w.school_id},
          {"school_name", w.school_name},
          {"location_type", w.location_type},
          {"location_type_label", LocationLabel(w.location_type)},
          {"name", w.name},
          {"kind", w.kind},
          {"kind_label", kind ? std::string(kind->label) : w.kind},
          {"distance_m", w.distance_m},
          {"location", w.location},
          {"warning_sign", w.warning_sign},
          {"fence", w.fence},
          {"rescue_gear", w.rescue_gear},
          {"patrol", w.patrol},
          {"keeper", w.keeper},
          {"checked_on", w.checked_on},
          {"note", w.note},
          {"active", w.active},
          {"gaps", std::move(gaps)},
          {"priority", edu::IsPriority(w)},
          {"updated_by", w.updated_by},
          {"updated_by_name", w.updated_by_name},
          {"updated_at", FormatInstant(w.updated_at)},
          {"version", w.version},
          {"can_edit", v.can_edit}};
}

edu::Water WaterFromJson(Fields& f, bool create) {
  edu::Water w;
  if (create) {
    w.school_id = f.Int("school_id", true).value_or(0);
    f.Ignore({"version", "active"});
  } else {
    w.version = static_cast<int>(f.Int("version", true).value_or(0));
    w.active = f.Bool("active", false).value_or(true);
    f.Ignore({"school_id"});
  }
  w.name = f.Str("name", true).value_or("");
  w.kind = f.Str("kind", true).value_or("");
  w.distance_m = static_cast<int>(std::clamp<std::int64_t>(f.Int("distance_m", true).value_or(0),
                                                           -1, edu::kMaxWaterDistance + 1));
  w.location = f.Str("location", false).value_or("");
  w.warning_sign = f.Bool("warning_sign", false).value_or(false);
  w.fence = f.Bool("fence", false).value_or(false);
  w.rescue_gear = f.Bool("rescue_gear", false).value_or(false);
  w.patrol = f.Bool("patrol", false).value_or(false);
  w.keeper = f.Str("keeper", false).value_or("");
  w.checked_on = f.Str("checked_on", true).value_or("");
  w.note = f.Str("note", false).value_or("");
  // Read-only fields sent back as read.
  f.Ignore({"id", "school_name", "location_type", "location_type_label", "kind_label", "gaps",
            "priority", "updated_by", "updated_by_name", "updated_at", "can_edit"});
  return w;
}

edu::WaterFilter FilterOf(QueryReader& q) {
  edu::WaterFilter f;
  f.school_id = q.Int("school_id");
  f.kind = q.Str("kind");
  f.gaps_only = q.Bool("gaps").value_or(false);
  f.priority_only = q.Bool("priority").value_or(false);
  f.include_inactive = q.Bool("include_inactive").value_or(false);
  f.q = q.Str("q").value_or("");
  return f;
}

}  // namespace

void AddWaterRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/edu/waters", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto f = FilterOf(q);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListWaters(s, ContextOf(req), f, page));
          json::array items;
          for (const auto& v : result.items) items.push_back(ToJson(v));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
  r.Add("GET", "/api/v1/edu/waters/export", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto f = FilterOf(q);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportWaters(s, ContextOf(req), f));
          return FileResponse(std::move(bytes), "xlsx", "周边水域风险.xlsx");
        });
  r.Add("GET", "/api/v1/edu/waters/board", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto b, app::GetWaterBoard(s, ContextOf(req)));
          json::array schools;
          for (const auto& row : b.rows) {
            schools.push_back(json::object{
                {"school_id", row.school_id},
                {"school_name", row.school_name},
                {"location_type", row.location_type},
                {"location_type_label", LocationLabel(row.location_type)},
                {"waters", row.waters},
                {"with_gaps", row.with_gaps},
                {"priority", row.priority},
                {"nearest_m", row.nearest_m ? json::value(*row.nearest_m) : json::value(nullptr)}});
          }
          return JsonResponse(200, json::serialize(json::object{
                                       {"total", json::object{{"schools", b.schools},
                                                              {"with_waters", b.with_waters},
                                                              {"waters", b.waters},
                                                              {"with_gaps", b.with_gaps},
                                                              {"priority", b.priority}}},
                                       {"schools", std::move(schools)}}));
        });
  r.Add(
      "POST", "/api/v1/edu/waters", Access::Need(perm::kEduLessons),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto w = WaterFromJson(f, true);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::CreateWater(s, ContextOf(req), std::move(w)));
        return JsonResponse(201, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/edu/waters/{id}", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::GetWater(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add(
      "PUT", "/api/v1/edu/waters/{id}", Access::Need(perm::kEduLessons),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto w = WaterFromJson(f, false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, app::EditWater(s, ContextOf(req), id, std::move(w)));
        return JsonResponse(200, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/edu/waters/{id}", Access::Need(perm::kEduLessons),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_TRY(app::DeleteWater(s, ContextOf(req), id));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
