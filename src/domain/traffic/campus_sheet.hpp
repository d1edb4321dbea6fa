#pragma once
// The campus traffic registry in and out of Excel: the vehicles' and the e-bikes' columns
// (学校代码 and 学校名称 first), a record's cells in them, and a row's record with its problems
// named by column. Pure; the app reads the file and writes what passed (docs/traffic.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/traffic/campus_registry.hpp"
#include "domain/traffic/sheet_row.hpp"

namespace xiaoan::domain::traffic {

enum class CampusList { kVehicles, kEbikes };
std::optional<CampusList> CampusListOf(std::string_view code);  // vehicles, ebikes
std::string_view CampusListLabel(CampusList list);              // 校内车辆, 电动自行车
const std::vector<std::string>& CampusColumns(CampusList list);
// The columns read as dates whatever the cell's type.
bool CampusDateColumn(CampusList list, std::size_t col);
// How to fill each column (the template's second sheet): column, note.
std::vector<std::pair<std::string, std::string>> CampusColumnNotes(CampusList list);

// A record's cells after 学校代码 and 学校名称: a vehicle's class by its label, its gates joined
// with 、.
std::vector<std::string> CampusCells(const CampusVehicleRecord& v);
std::vector<std::string> CampusCells(const EbikeRecord& e);

using CampusSheetRow = SheetRow;  // a data row as read (sheet_row.hpp)
struct CampusRowRecord {
  int row = 0;
  std::string school_code;
  CampusVehicleRecord vehicle;
  EbikeRecord ebike;
};
// The row's record, or its problems (field: the column's name, row: the row's number): a school
// code, a class among the labels, yes or no where asked. The record's own checks are the caller's.
Result<CampusRowRecord> ParseCampusRow(CampusList list, const CampusSheetRow& row);
// The column a record's check names its field in (plate → 车牌号).
std::string CampusColumnOf(CampusList list, std::string_view field);
// The key an imported row updates a stored record by, within its school: a vehicle's plate; an
// e-bike's owner and licence plate.
std::string CampusKey(const CampusVehicleRecord& v);
std::string CampusKey(const EbikeRecord& e);

}  // namespace xiaoan::domain::traffic
