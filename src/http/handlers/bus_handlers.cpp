// 校车台账: providers, vehicles, drivers, monitors and routes of each school, and the district's
// survey (docs/traffic.md).
#include <boost/json.hpp>

#include <algorithm>

#include "app/org/school_exchange.hpp"
#include "app/traffic/buses.hpp"
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

json::value IdOrNull(const std::optional<std::int64_t>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

void Put(json::object& o, const tr::BusProvider& p) {
  o["name"] = p.name;
  o["licence_no"] = p.licence_no;
  o["licence_until"] = p.licence_until;
  o["contract_until"] = p.contract_until;
  o["contact"] = p.contact;
}
void Put(json::object& o, const tr::BusVehicle& v) {
  o["provider_id"] = IdOrNull(v.provider_id);
  o["provider_name"] = v.provider_name;
  o["plate"] = v.plate;
  o["seats"] = v.seats;
  o["required_licence_class"] = tr::RequiredLicenceClass(v.seats);
  o["permit_no"] = v.permit_no;
  o["permit_until"] = v.permit_until;
  o["inspected_on"] = v.inspected_on;
  o["insurance_until"] = v.insurance_until;
  o["gps"] = v.gps;
  o["rented"] = v.rented;
}
void Put(json::object& o, const tr::BusDriver& d) {
  o["provider_id"] = IdOrNull(d.provider_id);
  o["provider_name"] = d.provider_name;
  o["name"] = d.name;
  o["birth"] = d.birth;
  o["licence_class"] = d.licence_class;
  o["licence_since"] = d.licence_since;
  o["bus_endorsement"] = d.bus_endorsement;
  o["full_points_in_3_cycles"] = d.full_points_in_3_cycles;
  o["fatal_accident_responsibility"] = d.fatal_accident_responsibility;
  o["drink_driving"] = d.drink_driving;
  o["overload_or_speeding_last_year"] = d.overload_or_speeding_last_year;
  o["criminal_record"] = d.criminal_record;
  o["health_checked_on"] = d.health_checked_on;
}
void Put(json::object& o, const tr::BusMonitor& m) {
  o["name"] = m.name;
  o["trained_on"] = m.trained_on;
}
void Put(json::object& o, const tr::BusRoute& r) {
  o["name"] = r.name;
  o["stops"] = r.stops;
  o["leave_at"] = r.leave_at;
  o["return_at"] = r.return_at;
  o["riders"] = r.riders;
  o["vehicle_id"] = IdOrNull(r.vehicle_id);
  o["driver_id"] = IdOrNull(r.driver_id);
  o["monitor_id"] = IdOrNull(r.monitor_id);
  o["vehicle_plate"] = r.vehicle_plate;
  o["driver_name"] = r.driver_name;
  o["monitor_name"] = r.monitor_name;
}
void Put(json::object& o, const tr::BusOuting& r) {
  o["purpose"] = r.purpose;
  o["destination"] = r.destination;
  o["date"] = r.date;
  o["leave_at"] = r.leave_at;
  o["return_at"] = r.return_at;
  o["riders"] = r.riders;
  o["vehicle_id"] = IdOrNull(r.vehicle_id);
  o["driver_id"] = IdOrNull(r.driver_id);
  o["monitor_id"] = IdOrNull(r.monitor_id);
  o["vehicle_plate"] = r.vehicle_plate;
  o["driver_name"] = r.driver_name;
  o["monitor_name"] = r.monitor_name;
}

template <typename T>
json::object ToJson(const app::BusView<T>& v) {
  auto o = RecordMetaJson(v.record.meta);
  Put(o, v.record);
  json::array checks;
  bool fails = false;
  bool warns = false;
  for (const auto& c : v.checks) {
    fails = fails || c.outcome == rules::Outcome::kFail;
    warns = warns || c.outcome == rules::Outcome::kWarn;
    checks.push_back(json::object{{"rule_id", c.rule_id},
                                  {"title", c.title},
                                  {"outcome", rules::OutcomeCode(c.outcome)},
                                  {"outcome_label", rules::OutcomeLabel(c.outcome)},
                                  {"reason", c.reason}});
  }
  o["checks"] = std::move(checks);
  o["state"] = fails ? "fail" : warns ? "warn" : "pass";
  o["can_edit"] = v.can_edit;
  return o;
}

// The shared fields of a write (ReadRecordMeta), and what a bus record sends back read-only.
void ReadMeta(Fields& f, tr::BusRecordMeta& m, bool create) {
  ReadRecordMeta(f, m, create);
  f.Ignore({"checks", "state"});
}

int Count(Fields& f, const char* key, bool required, int max) {
  return static_cast<int>(
      std::clamp<std::int64_t>(f.Int(key, required).value_or(0), -1, std::int64_t{max} + 1));
}

void Read(Fields& f, tr::BusProvider& p) {
  p.name = f.Str("name", true).value_or("");
  p.licence_no = f.Str("licence_no", false).value_or("");
  p.licence_until = f.Str("licence_until", false).value_or("");
  p.contract_until = f.Str("contract_until", false).value_or("");
  p.contact = f.Str("contact", false).value_or("");
}
void Read(Fields& f, tr::BusVehicle& v) {
  v.provider_id = f.Int("provider_id", false);
  v.plate = f.Str("plate", true).value_or("");
  v.seats = Count(f, "seats", true, tr::kMaxBusSeats);
  v.permit_no = f.Str("permit_no", false).value_or("");
  v.permit_until = f.Str("permit_until", false).value_or("");
  v.inspected_on = f.Str("inspected_on", false).value_or("");
  v.insurance_until = f.Str("insurance_until", false).value_or("");
  v.gps = f.Bool("gps", false).value_or(false);
  v.rented = f.Bool("rented", false).value_or(false);
  f.Ignore({"provider_name", "required_licence_class"});
}
void Read(Fields& f, tr::BusDriver& d) {
  d.provider_id = f.Int("provider_id", false);
  d.name = f.Str("name", true).value_or("");
  d.birth = f.Str("birth", true).value_or("");
  d.licence_class = f.Str("licence_class", true).value_or("");
  d.licence_since = f.Str("licence_since", false).value_or("");
  d.bus_endorsement = f.Bool("bus_endorsement", false).value_or(false);
  d.full_points_in_3_cycles = f.Bool("full_points_in_3_cycles", false).value_or(false);
  d.fatal_accident_responsibility = f.Bool("fatal_accident_responsibility", false).value_or(false);
  d.drink_driving = f.Bool("drink_driving", false).value_or(false);
  d.overload_or_speeding_last_year =
      f.Bool("overload_or_speeding_last_year", false).value_or(false);
  d.criminal_record = f.Bool("criminal_record", false).value_or(false);
  d.health_checked_on = f.Str("health_checked_on", false).value_or("");
  f.Ignore({"provider_name"});
}
void Read(Fields& f, tr::BusMonitor& m) {
  m.name = f.Str("name", true).value_or("");
  m.trained_on = f.Str("trained_on", false).value_or("");
}
void Read(Fields& f, tr::BusRoute& r) {
  r.name = f.Str("name", true).value_or("");
  r.stops = f.Str("stops", false).value_or("");
  r.leave_at = f.Str("leave_at", false).value_or("");
  r.return_at = f.Str("return_at", false).value_or("");
  r.riders = Count(f, "riders", false, tr::kMaxRiders);
  r.vehicle_id = f.Int("vehicle_id", false);
  r.driver_id = f.Int("driver_id", false);
  r.monitor_id = f.Int("monitor_id", false);
  f.Ignore({"vehicle_plate", "driver_name", "monitor_name"});
}
void Read(Fields& f, tr::BusOuting& r) {
  r.purpose = f.Str("purpose", true).value_or("");
  r.destination = f.Str("destination", true).value_or("");
  r.date = f.Str("date", true).value_or("");
  r.leave_at = f.Str("leave_at", false).value_or("");
  r.return_at = f.Str("return_at", false).value_or("");
  r.riders = Count(f, "riders", false, tr::kMaxRiders);
  r.vehicle_id = f.Int("vehicle_id", false);
  r.driver_id = f.Int("driver_id", false);
  r.monitor_id = f.Int("monitor_id", false);
  f.Ignore({"vehicle_plate", "driver_name", "monitor_name"});
}

// provider_id filters the vehicles and drivers only.
tr::BusFilter FilterOf(QueryReader& q, bool by_provider) {
  tr::BusFilter f;
  f.unit_id = q.Int("unit_id");
  if (by_provider) f.provider_id = q.Int("provider_id");
  f.include_inactive = q.Bool("include_inactive").value_or(false);
  f.q = q.Str("q").value_or("");
  return f;
}

// The five registries' use cases, by record type.
template <typename T>
struct UseCases;
template <>
struct UseCases<tr::BusProvider> {
  static constexpr auto kSave = app::SaveBusProvider;
  static constexpr auto kGet = app::GetBusProvider;
  static constexpr auto kList = app::ListBusProviders;
};
template <>
struct UseCases<tr::BusVehicle> {
  static constexpr auto kSave = app::SaveBusVehicle;
  static constexpr auto kGet = app::GetBusVehicle;
  static constexpr auto kList = app::ListBusVehicles;
};
template <>
struct UseCases<tr::BusDriver> {
  static constexpr auto kSave = app::SaveBusDriver;
  static constexpr auto kGet = app::GetBusDriver;
  static constexpr auto kList = app::ListBusDrivers;
};
template <>
struct UseCases<tr::BusMonitor> {
  static constexpr auto kSave = app::SaveBusMonitor;
  static constexpr auto kGet = app::GetBusMonitor;
  static constexpr auto kList = app::ListBusMonitors;
};
template <>
struct UseCases<tr::BusRoute> {
  static constexpr auto kSave = app::SaveBusRoute;
  static constexpr auto kGet = app::GetBusRoute;
  static constexpr auto kList = app::ListBusRoutes;
};
template <>
struct UseCases<tr::BusOuting> {
  static constexpr auto kSave = app::SaveBusOuting;
  static constexpr auto kGet = app::GetBusOuting;
  static constexpr auto kList = app::ListBusOutings;
};

template <typename T>
void AddRegistry(Router& r, app::Services& s, const std::string& base) {
  using U = UseCases<T>;
  r.Add("GET", base, Access::Need(perm::kBusRead), [&s](HttpRequest& req) -> Result<HttpResponse> {
    QueryReader q(req);
    const auto f =
        FilterOf(q, std::is_same_v<T, tr::BusVehicle> || std::is_same_v<T, tr::BusDriver>);
    const auto page = q.Page();
    XA_TRY(q.Finish());
    XA_ASSIGN_OR_RETURN(auto result, U::kList(s, ContextOf(req), f, page));
    json::array items;
    for (const auto& v : result.items) items.push_back(ToJson(v));
    return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                          {"total", result.total},
                                                          {"page", page.page},
                                                          {"page_size", page.page_size}}));
  });
  r.Add(
      "POST", base, Access::Need(perm::kBusManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        T rec;
        ReadMeta(f, rec.meta, true);
        Read(f, rec);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto v, U::kSave(s, ContextOf(req), std::move(rec)));
        return JsonResponse(201, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", base + "/{id}", Access::Need(perm::kBusRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, U::kGet(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add(
      "PUT", base + "/{id}", Access::Need(perm::kBusManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        T rec;
        ReadMeta(f, rec.meta, false);
        Read(f, rec);
        XA_TRY(f.Finish());
        rec.meta.id = id;
        XA_ASSIGN_OR_RETURN(auto v, U::kSave(s, ContextOf(req), std::move(rec)));
        return JsonResponse(200, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
}

json::object SurveyRowJson(const app::BusSurveyRow& r) {
  return {{"school_id", r.school_id},
          {"school_name", r.school_name},
          {"providers", r.providers},
          {"vehicles", r.vehicles},
          {"drivers", r.drivers},
          {"monitors", r.monitors},
          {"routes", r.routes},
          {"riders", r.riders},
          {"failing_vehicles", r.failing_vehicles},
          {"failing_drivers", r.failing_drivers},
          {"failing_routes", r.failing_routes},
          {"warnings", r.warnings}};
}

}  // namespace

void AddBusRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/bus/survey", Access::Need(perm::kBusRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto b, app::GetBusSurvey(s, ContextOf(req)));
          json::array schools;
          for (const auto& row : b.rows) schools.push_back(SurveyRowJson(row));
          auto total = SurveyRowJson(b.total);
          total.erase("school_id");
          total.erase("school_name");
          total["schools"] = b.schools;
          return JsonResponse(200, json::serialize(json::object{{"total", std::move(total)},
                                                                {"schools", std::move(schools)}}));
        });
  r.Add("GET", "/api/v1/bus/survey/export", Access::Need(perm::kBusRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportBusSurvey(s, ContextOf(req)));
          return FileResponse(std::move(bytes), "xlsx", "校车底数.xlsx");
        });
  // Each list in and out of Excel (list: providers, vehicles, drivers, monitors, routes).
  r.Add("GET", "/api/v1/bus/import-template", Access::Need(perm::kBusManage),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto list = q.Str("list").value_or("");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto file, app::BusListTemplate(list));
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add(
      "POST", "/api/v1/bus/import", Access::Need(perm::kBusManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto list = q.Str("list").value_or("");
        const auto format = q.Str("format").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report,
                            app::ImportBusList(s, ContextOf(req), list, req.body, format));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      8 << 20);
  r.Add("GET", "/api/v1/bus/export", Access::Need(perm::kBusRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto list = q.Str("list").value_or("");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto file, app::ExportBusList(s, ContextOf(req), list));
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  AddRegistry<tr::BusProvider>(r, s, "/api/v1/bus/providers");
  AddRegistry<tr::BusVehicle>(r, s, "/api/v1/bus/vehicles");
  AddRegistry<tr::BusDriver>(r, s, "/api/v1/bus/drivers");
  AddRegistry<tr::BusMonitor>(r, s, "/api/v1/bus/monitors");
  AddRegistry<tr::BusRoute>(r, s, "/api/v1/bus/routes");
  AddRegistry<tr::BusOuting>(r, s, "/api/v1/bus/outings");
}

}  // namespace xiaoan::http
