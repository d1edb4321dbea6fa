#pragma once
// The school-bus registry (校车台账, measure 16): providers (校车服务提供者), vehicles, drivers,
// monitors (照管人员) and routes, each kept by a school (a provider may also be kept by a bureau
// for its district). Checks of what is entered, the facts the bus rules judge, and the
// repository port (migrations 0038 and 0041).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/traffic/bus.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::traffic {

inline constexpr std::size_t kMaxBusNameChars = 50;
inline constexpr std::size_t kMaxBusTextChars = 200;
inline constexpr std::size_t kMaxBusNoteChars = 500;
inline constexpr int kMaxBusSeats = 80;
inline constexpr int kMaxRiders = 200;

// What every registry record carries besides its own fields.
struct BusRecordMeta {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;  // the school (a provider: the school or bureau) that keeps it
  std::string unit_name;     // read with the record
  bool active = true;
  std::string note;
  std::string updated_by;
  Instant updated_at{};
  int version = 0;
};

struct BusProvider {
  BusRecordMeta meta;
  std::string name;
  std::string licence_no;      // 道路运输经营许可证号
  std::string licence_until;   // YYYY-MM-DD, "" when not recorded
  std::string contract_until;  // the school's contract with it
  std::string contact;         // 联系人及电话 (the company's)
};

struct BusVehicle {
  BusRecordMeta meta;
  std::optional<std::int64_t> provider_id;
  std::string provider_name;  // read with the record
  std::string plate;          // normalised (NormalizePlate)
  int seats = 0;
  std::string permit_no;        // 校车标牌号
  std::string permit_until;     // YYYY-MM-DD
  std::string inspected_on;     // last safety inspection
  std::string insurance_until;  // 承运人责任险
  bool gps = false;             // 卫星定位装置
  bool rented = false;          // rented for an outing (租用车辆), judged the same
};

struct BusDriver {
  BusRecordMeta meta;
  std::optional<std::int64_t> provider_id;
  std::string provider_name;
  std::string name;
  std::string birth;  // YYYY-MM-DD
  std::string licence_class;
  std::string licence_since;  // first issue of that class
  bool bus_endorsement = false;
  bool full_points_in_3_cycles = false;
  bool fatal_accident_responsibility = false;
  bool drink_driving = false;
  bool overload_or_speeding_last_year = false;
  bool criminal_record = false;
  std::string health_checked_on;
};

struct BusMonitor {
  BusRecordMeta meta;
  std::string name;
  std::string trained_on;  // 安全培训, YYYY-MM-DD or ""
};

struct BusRoute {
  BusRecordMeta meta;
  std::string name;
  std::string stops;      // 站点, in order, separated by 、 or newlines
  std::string leave_at;   // HH:MM, the morning departure
  std::string return_at;  // HH:MM, the afternoon departure
  int riders = 0;
  std::optional<std::int64_t> vehicle_id;
  std::optional<std::int64_t> driver_id;
  std::optional<std::int64_t> monitor_id;
  std::string vehicle_plate;  // read with the record
  std::string driver_name;
  std::string monitor_name;
};

// An outing in a vehicle rented for it (春秋游、研学用车): the vehicle (registered, usually with
// `rented`), its driver and a monitor, judged by the bus rules on the outing's day, not today.
struct BusOuting {
  BusRecordMeta meta;
  std::string purpose;      // 春季研学旅行 …
  std::string destination;  // 目的地
  std::string date;         // YYYY-MM-DD, the day of the outing
  std::string leave_at;     // HH:MM or ""
  std::string return_at;    // HH:MM or ""
  int riders = 0;
  std::optional<std::int64_t> vehicle_id;
  std::optional<std::int64_t> driver_id;
  std::optional<std::int64_t> monitor_id;
  std::string vehicle_plate;  // read with the record
  std::string driver_name;
  std::string monitor_name;
};

// Problems with a record as entered, naming the field; dates not after `today` where they are
// of the past (inspection, first issue, birth, health check, training).
std::vector<ErrorDetail> CheckProvider(const BusProvider& p);
std::vector<ErrorDetail> CheckVehicle(const BusVehicle& v, calendar::Date today);
std::vector<ErrorDetail> CheckDriver(const BusDriver& d, calendar::Date today);
std::vector<ErrorDetail> CheckMonitor(const BusMonitor& m, calendar::Date today);
std::vector<ErrorDetail> CheckRoute(const BusRoute& r);
// An outing's purpose and destination, its day (a date), times as HH:MM with the return after the
// departure, riders 0–200; its vehicle and driver are named (an outing without them is not a plan).
std::vector<ErrorDetail> CheckOuting(const BusOuting& o);

// The facts the bus rules judge (dates parsed; a record that passed its check).
DriverFacts FactsOf(const BusDriver& d);
VehicleFacts FactsOf(const BusVehicle& v);

struct BusFilter {
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> provider_id;  // vehicles and drivers
  bool include_inactive = false;
  std::string q;  // name, plate or licence number contains
};

class BusRepository {
 public:
  virtual ~BusRepository() = default;
  // Insert assigns the id and version 1; Update is false when the version read is not current.
  virtual Status Insert(BusProvider& p) = 0;
  virtual Result<bool> Update(BusProvider& p) = 0;
  virtual Status Insert(BusVehicle& v) = 0;
  virtual Result<bool> Update(BusVehicle& v) = 0;
  virtual Status Insert(BusDriver& d) = 0;
  virtual Result<bool> Update(BusDriver& d) = 0;
  virtual Status Insert(BusMonitor& m) = 0;
  virtual Result<bool> Update(BusMonitor& m) = 0;
  virtual Status Insert(BusRoute& r) = 0;
  virtual Result<bool> Update(BusRoute& r) = 0;
  virtual Status Insert(BusOuting& o) = 0;
  virtual Result<bool> Update(BusOuting& o) = 0;

  virtual Result<std::optional<BusProvider>> FindProvider(std::int64_t id,
                                                          const ScopeFilter& scope) = 0;
  virtual Result<std::optional<BusVehicle>> FindVehicle(std::int64_t id,
                                                        const ScopeFilter& scope) = 0;
  virtual Result<std::optional<BusDriver>> FindDriver(std::int64_t id,
                                                      const ScopeFilter& scope) = 0;
  virtual Result<std::optional<BusMonitor>> FindMonitor(std::int64_t id,
                                                        const ScopeFilter& scope) = 0;
  virtual Result<std::optional<BusRoute>> FindRoute(std::int64_t id, const ScopeFilter& scope) = 0;
  virtual Result<std::optional<BusOuting>> FindOuting(std::int64_t id,
                                                      const ScopeFilter& scope) = 0;
  // A plate in use by another active vehicle (0: none).
  virtual Result<std::int64_t> VehicleWithPlate(const std::string& plate) = 0;

  // By unit name, then name (plate); a page.
  virtual Result<PageResult<BusProvider>> Providers(const BusFilter& f, const ScopeFilter& scope,
                                                    const PageRequest& page) = 0;
  virtual Result<PageResult<BusVehicle>> Vehicles(const BusFilter& f, const ScopeFilter& scope,
                                                  const PageRequest& page) = 0;
  virtual Result<PageResult<BusDriver>> Drivers(const BusFilter& f, const ScopeFilter& scope,
                                                const PageRequest& page) = 0;
  virtual Result<PageResult<BusMonitor>> Monitors(const BusFilter& f, const ScopeFilter& scope,
                                                  const PageRequest& page) = 0;
  virtual Result<PageResult<BusRoute>> Routes(const BusFilter& f, const ScopeFilter& scope,
                                              const PageRequest& page) = 0;
  // Newest day first, then by unit name.
  virtual Result<PageResult<BusOuting>> Outings(const BusFilter& f, const ScopeFilter& scope,
                                                const PageRequest& page) = 0;
  // The active routes that use a vehicle, driver or monitor.
  virtual Result<std::vector<BusRoute>> RoutesUsing(std::optional<std::int64_t> vehicle_id,
                                                    std::optional<std::int64_t> driver_id,
                                                    std::optional<std::int64_t> monitor_id) = 0;
};

}  // namespace xiaoan::domain::traffic
