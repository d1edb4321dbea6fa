#pragma once
// Regions, organisation units, schools and outside departments.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::domain {

using UnitId = std::int64_t;

struct Region {
  std::string code;  // 6 digits, GB/T 2260 style
  std::string name;
  std::optional<std::string> parent_code;
  std::string level;  // province | city | county (derived from the code)
  std::string created_at;
  std::string updated_at;
};

// A unit in the organisation tree. path is "/<root id>/…/<own id>/" so that "unit and below" is
// a prefix match.
struct Unit {
  UnitId id = 0;
  std::string kind;  // bureau | section | school | department | cluster
  std::string name;
  std::optional<std::string> code;
  std::string region_code;
  std::optional<UnitId> parent_id;
  std::string path;
  std::optional<std::string> department_kind;  // departments only
  std::string contact_person;
  std::string phone;
  std::string address;
  std::string created_at;
  std::string updated_at;
};

struct Building {
  std::int64_t id = 0;
  std::string name;
  int floors = 1;
};

struct KeyPlace {
  std::int64_t id = 0;
  std::string kind;
  std::string name;
  std::optional<std::string> building;  // building name within the same school
};

struct SchoolProfile {
  std::string stage;
  std::string ownership;
  bool boarding = false;
  int boarders = 0;
  int school_buses = 0;  // school buses it uses (its own or rented)
  std::string location_type;
  int students = 0;
  int staff = 0;
  std::string principal;
  std::optional<UnitId> cluster_id;
  std::string cluster_name;  // read-only, filled by queries
};

struct School {
  Unit unit;  // kind == "school"; code required
  SchoolProfile profile;
  std::vector<Building> buildings;
  std::vector<KeyPlace> key_places;
};

// Level of a region from its code: XX0000 province, XXXX00 city, otherwise county.
std::string RegionLevel(const std::string& code);

// Validation collects every problem (field + reason) so a form or an import row can show all of
// them at once. An empty vector means valid.
std::vector<ErrorDetail> ValidateRegion(const Region& region);
// The parent must be the region one level up with the same code prefix (a county may also sit
// directly under its province, as 省直辖县级 units do).
std::optional<ErrorDetail> CheckRegionParent(const Region& child, const Region* parent);
std::vector<ErrorDetail> ValidateUnit(const Unit& unit);
// Which kinds may sit under which: sections, schools and clusters under a bureau; bureaus at the
// root or under a bureau; departments at the root or under a department.
std::optional<ErrorDetail> CheckUnitParent(const std::string& kind, const Unit* parent);
std::vector<ErrorDetail> ValidateSchool(const School& school);

// What saving a school's buildings and key places changes, so that edits keep their ids (the
// hazards and inspections of a key place point to it by id). An entry sent with an id keeps it;
// an id that is not one of the school's is refused. An entry sent without an id takes the id of
// an unclaimed existing entry with the same name (buildings) or the same kind and name (key
// places; an import sends no ids), or is new (id 0). Existing entries not sent are removed.
struct PlaceChanges {
  std::vector<Building> buildings;   // what the school has afterwards; id 0 = to insert
  std::vector<KeyPlace> key_places;  // likewise
  std::vector<std::int64_t> removed_buildings;
  std::vector<std::int64_t> removed_key_places;
};
Result<PlaceChanges> PlanPlaceChanges(const std::vector<Building>& existing_buildings,
                                      const std::vector<KeyPlace>& existing_places,
                                      std::vector<Building> buildings,
                                      std::vector<KeyPlace> key_places);

// Builds a validation error from collected details.
Error ValidationError(std::vector<ErrorDetail> details);

}  // namespace xiaoan::domain
