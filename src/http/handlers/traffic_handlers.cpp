// 校内交通: each school's vehicles and e-bikes, the gate's check and its refusals
// (docs/traffic.md).
#include <boost/json.hpp>

#include "app/traffic/campus.hpp"
#include "domain/auth/auth.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/org_json.hpp"
#include "http/json/traffic_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace tr = domain::traffic;
namespace rules = domain::rules;

namespace {

json::object ToJson(const app::CampusVehicleView& v) {
  const auto& r = v.record;
  auto o = RecordMetaJson(r.meta);
  const auto cls = tr::ParseVehicleClass(r.vehicle_class);
  json::array gates;
  for (const auto& g : r.gates) gates.push_back(json::string(g));
  o["vehicle_class"] = r.vehicle_class;
  o["vehicle_class_label"] = cls ? std::string(tr::VehicleClassLabel(*cls)) : r.vehicle_class;
  o["plate"] = r.plate;
  o["owner"] = r.owner;
  o["gates"] = std::move(gates);
  o["from"] = r.from;
  o["to"] = r.to;
  o["valid_from"] = r.valid_from;
  o["valid_until"] = r.valid_until;
  o["validity"] = v.validity;
  o["can_edit"] = v.can_edit;
  return o;
}

json::object ToJson(const app::EbikeView& v) {
  const auto& r = v.record;
  auto o = RecordMetaJson(r.meta);
  o["owner"] = r.owner;
  o["licence_plate"] = r.licence_plate;
  o["campus_plate"] = r.campus_plate;
  o["checked_on"] = r.checked_on;
  o["modified"] = r.modified;
  o["outcome"] = rules::OutcomeCode(v.check.outcome);
  o["outcome_label"] = rules::OutcomeLabel(v.check.outcome);
  o["reason"] = v.check.reason;
  o["can_edit"] = v.can_edit;
  return o;
}

json::object ToJson(const tr::GateRefusal& g) {
  return {{"id", g.id},
          {"unit_id", g.unit_id},
          {"unit_name", g.unit_name},
          {"kind", g.kind},
          {"gate", g.gate},
          {"plate", g.plate},
          {"subject_id", g.subject_id ? json::value(*g.subject_id) : json::value(nullptr)},
          {"reason", g.reason},
          {"on", g.on},
          {"at", FormatInstant(g.at)},
          {"recorded_by", g.recorded_by},
          {"recorded_by_name", g.recorded_by_name}};
}

tr::CampusVehicleRecord VehicleFromJson(Fields& f, bool create) {
  tr::CampusVehicleRecord v;
  ReadRecordMeta(f, v.meta, create);
  v.vehicle_class = f.Str("vehicle_class", true).value_or("");
  v.plate = f.Str("plate", true).value_or("");
  v.owner = f.Str("owner", true).value_or("");
  v.gates = f.Strings("gates", false);
  v.from = f.Str("from", false).value_or("");
  v.to = f.Str("to", false).value_or("");
  v.valid_from = f.Str("valid_from", false).value_or("");
  v.valid_until = f.Str("valid_until", false).value_or("");
  f.Ignore({"vehicle_class_label", "validity"});
  return v;
}

tr::EbikeRecord EbikeFromJson(Fields& f, bool create) {
  tr::EbikeRecord e;
  ReadRecordMeta(f, e.meta, create);
  e.owner = f.Str("owner", true).value_or("");
  e.licence_plate = f.Str("licence_plate", false).value_or("");
  e.campus_plate = f.Str("campus_plate", false).value_or("");
  e.checked_on = f.Str("checked_on", false).value_or("");
  e.modified = f.Bool("modified", false).value_or(false);
  f.Ignore({"outcome", "outcome_label", "reason"});
  return e;
}

tr::CampusFilter FilterOf(QueryReader& q, bool vehicles) {
  tr::CampusFilter f;
  f.unit_id = q.Int("unit_id");
  if (vehicles) f.vehicle_class = q.Str("vehicle_class");
  f.include_inactive = q.Bool("include_inactive").value_or(false);
  f.q = q.Str("q").value_or("");
  return f;
}

template <typename View>
HttpResponse PageJson(const domain::PageResult<View>& result, const domain::PageRequest& page) {
  json::array items;
  for (const auto& v : result.items) items.push_back(ToJson(v));
  return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                        {"total", result.total},
                                                        {"page", page.page},
                                                        {"page_size", page.page_size}}));
}

}  // namespace

void AddTrafficRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/traffic/vehicles", Access::Need(perm::kTrafficRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto f = FilterOf(q, true);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListCampusVehicles(s, ContextOf(req), f, page));
          return PageJson(result, page);
        });
  r.Add(
      "POST", "/api/v1/traffic/vehicles", Access::Need(perm::kTrafficManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto v = VehicleFromJson(f, true);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::SaveCampusVehicle(s, ContextOf(req), std::move(v)));
        return JsonResponse(201, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/traffic/vehicles/{id}", Access::Need(perm::kTrafficRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetCampusVehicle(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "PUT", "/api/v1/traffic/vehicles/{id}", Access::Need(perm::kTrafficManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto v = VehicleFromJson(f, false);
        XA_TRY(f.Finish());
        v.meta.id = id;
        XA_ASSIGN_OR_RETURN(auto out, app::SaveCampusVehicle(s, ContextOf(req), std::move(v)));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/traffic/ebikes", Access::Need(perm::kTrafficRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto f = FilterOf(q, false);
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListEbikes(s, ContextOf(req), f, page));
          return PageJson(result, page);
        });
  r.Add(
      "POST", "/api/v1/traffic/ebikes", Access::Need(perm::kTrafficManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto e = EbikeFromJson(f, true);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::SaveEbike(s, ContextOf(req), std::move(e)));
        return JsonResponse(201, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/traffic/ebikes/{id}", Access::Need(perm::kTrafficRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetEbike(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "PUT", "/api/v1/traffic/ebikes/{id}", Access::Need(perm::kTrafficManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        auto e = EbikeFromJson(f, false);
        XA_TRY(f.Finish());
        e.meta.id = id;
        XA_ASSIGN_OR_RETURN(auto out, app::SaveEbike(s, ContextOf(req), std::move(e)));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/traffic/gate-checks", Access::Need(perm::kTrafficGate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        const auto unit_id = f.Int("unit_id", true).value_or(0);
        const auto kind = f.Str("kind", true).value_or("");
        const auto gate = f.Str("gate", true).value_or("");
        const auto plate = f.Str("plate", false).value_or("");
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto d,
                            app::CheckAtGate(s, ContextOf(req), unit_id, kind, gate, plate));
        json::object out{
            {"allowed", d.allowed},
            {"reason", d.reason},
            {"subject_id", d.subject_id ? json::value(*d.subject_id) : json::value(nullptr)},
            {"refusal", d.refusal ? json::value(ToJson(*d.refusal)) : json::value(nullptr)}};
        return JsonResponse(d.refusal ? 201 : 200, json::serialize(out));
      },
      0, Runs::kInWriteBatch);
  // The vehicles and the e-bikes in and out of Excel (list: vehicles, ebikes).
  r.Add("GET", "/api/v1/traffic/import-template", Access::Need(perm::kTrafficManage),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto list = q.Str("list").value_or("");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto file, app::CampusListTemplate(list));
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add(
      "POST", "/api/v1/traffic/import", Access::Need(perm::kTrafficManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto list = q.Str("list").value_or("");
        const auto format = q.Str("format").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report,
                            app::ImportCampusList(s, ContextOf(req), list, req.body, format));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      8 << 20);
  r.Add("GET", "/api/v1/traffic/export", Access::Need(perm::kTrafficRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto list = q.Str("list").value_or("");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto file, app::ExportCampusList(s, ContextOf(req), list));
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add("GET", "/api/v1/traffic/gate-refusals", Access::Need(perm::kTrafficRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          tr::RefusalFilter f;
          f.unit_id = q.Int("unit_id");
          f.kind = q.Str("kind");
          f.from = q.Str("from").value_or("");
          f.to = q.Str("to").value_or("");
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto result, app::ListGateRefusals(s, ContextOf(req), f, page));
          json::array items;
          for (const auto& g : result.items) items.push_back(ToJson(g));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
}

}  // namespace xiaoan::http
