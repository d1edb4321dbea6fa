#pragma once
// 周边水域风险 (measure 9, drowning prevention): the ponds, rivers, reservoirs and other water near
// a school — above all rural, township and urban-rural-fringe schools — with the measures in
// place at each (a warning sign, a fence, rescue gear, someone patrolling). A water missing one
// is flagged; within kPriorityMeters of the school it is a priority (重点). Pure checks and the
// repository port (migration 0035).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::edu {

inline constexpr int kMaxWaterDistance = 50000;  // metres
inline constexpr int kPriorityMeters = 1000;
inline constexpr std::size_t kMaxWaterNameChars = 50;
inline constexpr std::size_t kMaxWaterLocationChars = 200;
inline constexpr std::size_t kMaxWaterKeeperChars = 50;
inline constexpr std::size_t kMaxWaterNoteChars = 500;

struct WaterKind {
  std::string_view code;   // pond, river, reservoir, canal, lake, pit, other
  std::string_view label;  // 池塘, 河流 …
};
std::span<const WaterKind> WaterKinds();
const WaterKind* FindWaterKind(std::string_view code);

struct Water {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string school_name;    // read with the record
  std::string location_type;  // the school's (urban, township, rural, fringe), read with it
  std::string name;
  std::string kind;
  int distance_m = 0;
  std::string location;
  bool warning_sign = false;
  bool fence = false;
  bool rescue_gear = false;
  bool patrol = false;
  std::string keeper;      // 管理责任单位
  std::string checked_on;  // YYYY-MM-DD
  std::string note;
  bool active = true;
  std::string updated_by;
  std::string updated_by_name;  // read with the record
  Instant updated_at{};
  int version = 0;
};

// Problems with a water as entered, naming the field: a name, a known kind, a distance of
// 0–50000 m, checked_on a date not after `today`, texts within their lengths.
std::vector<ErrorDetail> CheckWater(const Water& w, calendar::Date today);
// The measures missing, in the order 警示牌, 护栏, 救生设施, 巡查.
std::vector<std::string> WaterGaps(const Water& w);
// In use, within kPriorityMeters and missing a measure.
bool IsPriority(const Water& w);

struct WaterFilter {
  std::optional<std::int64_t> school_id;
  std::optional<std::string> kind;
  bool gaps_only = false;      // missing a measure
  bool priority_only = false;  // within kPriorityMeters and missing a measure
  bool include_inactive = false;
  std::string q;  // name, location or keeper contains
};

// One school's figures on the board.
struct WaterSchoolRow {
  std::int64_t school_id = 0;
  std::string school_name;
  std::string location_type;
  int waters = 0;
  int with_gaps = 0;
  int priority = 0;
  std::optional<int> nearest_m;
};
// Adds a water in use to its school's row.
void AddWater(WaterSchoolRow& row, const Water& w);
// Most priority first, then most with gaps, then schools without a water recorded in rural,
// township and fringe locations, then the rest; by name within each.
void SortWaterBoard(std::vector<WaterSchoolRow>& rows);

class WaterRepository {
 public:
  virtual ~WaterRepository() = default;
  virtual Status Insert(Water& w) = 0;        // version 1, assigns the id
  virtual Result<bool> Update(Water& w) = 0;  // false when the version read is not current
  virtual Status Remove(std::int64_t id) = 0;
  virtual Result<std::optional<Water>> Find(std::int64_t id, const ScopeFilter& scope) = 0;
  // By school name, then nearest first.
  virtual Result<PageResult<Water>> List(const WaterFilter& f, const ScopeFilter& scope,
                                         const PageRequest& page) = 0;
  // Every water in use of schools in scope (boards).
  virtual Result<std::vector<Water>> InScope(const ScopeFilter& scope) = 0;
};

}  // namespace xiaoan::domain::edu
