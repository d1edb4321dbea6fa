#pragma once
// The school-bus registry in and out of Excel: each list's columns (学校代码 and 学校名称 first),
// a record's cells in them, and a row's record with its problems named by column. Pure; the app
// reads the file and writes what passed (docs/traffic.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/traffic/bus_registry.hpp"
#include "domain/traffic/sheet_row.hpp"

namespace xiaoan::domain::traffic {

enum class BusList { kProviders, kVehicles, kDrivers, kMonitors, kRoutes };
std::optional<BusList> BusListOf(std::string_view code);  // providers, vehicles …
std::string_view BusListLabel(BusList list);              // 校车服务单位, 校车 …
const std::vector<std::string>& BusColumns(BusList list);
// The columns read as dates whatever the cell's type.
bool BusDateColumn(BusList list, std::size_t col);
// How to fill each column (the template's second sheet): column, note.
std::vector<std::pair<std::string, std::string>> BusColumnNotes(BusList list);

// A record's cells after 学校代码 and 学校名称. A route names its vehicle by plate, its driver
// and monitor by name; a vehicle and driver their provider by name.
std::vector<std::string> BusCells(const BusProvider& p);
std::vector<std::string> BusCells(const BusVehicle& v);
std::vector<std::string> BusCells(const BusDriver& d);
std::vector<std::string> BusCells(const BusMonitor& m);
std::vector<std::string> BusCells(const BusRoute& r);

using BusSheetRow = SheetRow;  // a data row as read (sheet_row.hpp)
// What a row holds, before the names are resolved to records of its school.
struct BusRowRecord {
  int row = 0;
  std::string school_code;
  std::string provider_name;  // vehicles and drivers
  std::string vehicle_plate;  // routes
  std::string driver_name;
  std::string monitor_name;
  BusProvider provider;
  BusVehicle vehicle;
  BusDriver driver;
  BusMonitor monitor;
  BusRoute route;
};
// The row's record, or its problems (field: the column's name, row: the row's number): a school
// code, yes or no in the yes/no columns, whole numbers where a number is asked for. The record's
// own checks (CheckVehicle …) are the caller's.
Result<BusRowRecord> ParseBusRow(BusList list, const BusSheetRow& row);
// The column that a record's check names its field in (plate → 车牌号), for the row's error.
std::string BusColumnOf(BusList list, std::string_view field);
// The key that an imported row updates a stored record by, within its school: a provider's and
// a monitor's name, a vehicle's plate, a driver's name and date of birth, a route's name.
std::string BusKey(const BusProvider& p);
std::string BusKey(const BusVehicle& v);
std::string BusKey(const BusDriver& d);
std::string BusKey(const BusMonitor& m);
std::string BusKey(const BusRoute& r);

}  // namespace xiaoan::domain::traffic
