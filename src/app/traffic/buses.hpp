#pragma once
// 校车台账 (docs/traffic.md): each school's school-bus providers, vehicles, drivers, monitors and
// routes, the bus rules judged on each write and daily, a route refused a driver or vehicle that
// fails, and the district's survey (底数).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/traffic/bus_registry.hpp"

namespace xiaoan::app {

// A rule's verdict on a record as shown with it.
struct BusCheck {
  std::string rule_id;
  std::string title;
  domain::rules::Outcome outcome = domain::rules::Outcome::kNotApplicable;
  std::string reason;
};

template <typename T>
struct BusView {
  T record;
  std::vector<BusCheck> checks;  // drivers, vehicles and routes; in the rules' order
  bool can_edit = false;
};

// Creates (id 0) or changes a record of a school in the caller's scope (bus:manage); a change
// carries the version read (409 bus.stale). Each write is audited as bus.<kind>.create / edit
// and judges the record on the bus rules. A route is refused (422, naming driver_id,
// vehicle_id or riders) a driver or vehicle that fails a bus rule today, or more riders than
// seats; its vehicle, driver and monitor are the same school's and in use.
Result<BusView<domain::traffic::BusProvider>> SaveBusProvider(Services& s,
                                                              const RequestContext& ctx,
                                                              domain::traffic::BusProvider in);
Result<BusView<domain::traffic::BusVehicle>> SaveBusVehicle(Services& s, const RequestContext& ctx,
                                                            domain::traffic::BusVehicle in);
Result<BusView<domain::traffic::BusDriver>> SaveBusDriver(Services& s, const RequestContext& ctx,
                                                          domain::traffic::BusDriver in);
Result<BusView<domain::traffic::BusMonitor>> SaveBusMonitor(Services& s, const RequestContext& ctx,
                                                            domain::traffic::BusMonitor in);
Result<BusView<domain::traffic::BusRoute>> SaveBusRoute(Services& s, const RequestContext& ctx,
                                                        domain::traffic::BusRoute in);
// An outing in a rented vehicle: refused (422 on vehicle_id, driver_id, riders) what a route is
// refused, judged on the outing's day; a new outing may not be dated before today (422 on date).
// Its checks are the route's and its vehicle's and driver's on that day.
Result<BusView<domain::traffic::BusOuting>> SaveBusOuting(Services& s, const RequestContext& ctx,
                                                          domain::traffic::BusOuting in);

Result<BusView<domain::traffic::BusProvider>> GetBusProvider(Services& s, const RequestContext& ctx,
                                                             std::int64_t id);
Result<BusView<domain::traffic::BusVehicle>> GetBusVehicle(Services& s, const RequestContext& ctx,
                                                           std::int64_t id);
Result<BusView<domain::traffic::BusDriver>> GetBusDriver(Services& s, const RequestContext& ctx,
                                                         std::int64_t id);
Result<BusView<domain::traffic::BusMonitor>> GetBusMonitor(Services& s, const RequestContext& ctx,
                                                           std::int64_t id);
Result<BusView<domain::traffic::BusRoute>> GetBusRoute(Services& s, const RequestContext& ctx,
                                                       std::int64_t id);
Result<BusView<domain::traffic::BusOuting>> GetBusOuting(Services& s, const RequestContext& ctx,
                                                         std::int64_t id);

template <typename T>
using BusPage = domain::PageResult<BusView<T>>;
Result<BusPage<domain::traffic::BusProvider>> ListBusProviders(Services& s,
                                                               const RequestContext& ctx,
                                                               const domain::traffic::BusFilter& f,
                                                               const domain::PageRequest& page);
Result<BusPage<domain::traffic::BusVehicle>> ListBusVehicles(Services& s, const RequestContext& ctx,
                                                             const domain::traffic::BusFilter& f,
                                                             const domain::PageRequest& page);
Result<BusPage<domain::traffic::BusDriver>> ListBusDrivers(Services& s, const RequestContext& ctx,
                                                           const domain::traffic::BusFilter& f,
                                                           const domain::PageRequest& page);
Result<BusPage<domain::traffic::BusMonitor>> ListBusMonitors(Services& s, const RequestContext& ctx,
                                                             const domain::traffic::BusFilter& f,
                                                             const domain::PageRequest& page);
Result<BusPage<domain::traffic::BusRoute>> ListBusRoutes(Services& s, const RequestContext& ctx,
                                                         const domain::traffic::BusFilter& f,
                                                         const domain::PageRequest& page);
Result<BusPage<domain::traffic::BusOuting>> ListBusOutings(Services& s, const RequestContext& ctx,
                                                           const domain::traffic::BusFilter& f,
                                                           const domain::PageRequest& page);

// The district survey (底数): per school in scope with a bus record, and the totals.
struct BusSurveyRow {
  std::int64_t school_id = 0;
  std::string school_name;
  int providers = 0;
  int vehicles = 0;
  int drivers = 0;
  int monitors = 0;
  int routes = 0;
  int riders = 0;
  int failing_vehicles = 0;
  int failing_drivers = 0;
  int failing_routes = 0;
  int warnings = 0;  // records with an expiry within the warning days
};
struct BusSurvey {
  BusSurveyRow total;  // school_id 0; school_name the count of schools as text
  int schools = 0;
  std::vector<BusSurveyRow> rows;  // most failing first, then by name
};
Result<BusSurvey> GetBusSurvey(Services& s, const RequestContext& ctx);
// The survey and the registries as one workbook (底数, 车辆, 驾驶人, 线路); audited.
Result<std::string> ExportBusSurvey(Services& s, const RequestContext& ctx);

// ---- The registry in and out of Excel (list: providers, vehicles, drivers, monitors, routes) ----
struct ImportReport;
// The blank template (the header row, then how to fill each column) and its file name.
Result<std::pair<std::string, std::string>> BusListTemplate(const std::string& list);
// The list's records in scope in the template's columns (bus:read), audited as bus.export; the
// file name and the bytes.
Result<std::pair<std::string, std::string>> ExportBusList(Services& s, const RequestContext& ctx,
                                                          const std::string& list);
// All or nothing (bus:manage): each row adds a record to the school named by 学校代码 or updates
// the school's record with its key (a vehicle's plate, a driver's name and date of birth, the
// others' names); names are resolved within the school (a route's vehicle by plate, its driver
// and monitor by name), every record is checked as a form would be and a route refused what
// fails a bus rule; each school written is judged at once; audited as bus.import. Refused: the
// report with every row's problems, named by column, and nothing written.
Result<ImportReport> ImportBusList(Services& s, const RequestContext& ctx, const std::string& list,
                                   std::string_view bytes, const std::string& format);

// 我的待办 for a school's holder of bus:manage: its vehicles, drivers and routes that fail a bus
// rule (overdue) or have an expiry within the warning days.
TaskSource BusTaskSource();

// The rules engine's registration (app/modules.cpp): the bus rules, judged daily per record.
RuleModule BusRuleModule();

}  // namespace xiaoan::app
