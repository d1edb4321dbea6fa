#pragma once
// The campus traffic registry (校内交通, measure 14): each school's vehicles by class with their
// gates, hours and validity, its e-bikes with their plates and modification check, and the
// entries refused at the gate (门岗拒入记录). Checks of what is entered, the facts the gate and
// the rule traffic.ebike judge, and the repository port (migration 0039).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/traffic/bus_registry.hpp"
#include "domain/traffic/campus.hpp"
#include "domain/traffic/guide.hpp"

namespace xiaoan::domain::traffic {

inline constexpr std::size_t kMaxGateChars = 20;
inline constexpr std::size_t kMaxGates = 10;
inline constexpr std::size_t kMaxEbikePlateChars = 20;

struct CampusVehicleRecord {
  BusRecordMeta meta;  // the school, retirement, note, version (shared with the bus registry)
  std::string vehicle_class;       // staff, service, visitor
  std::string plate;               // normalised (NormalizePlate)
  std::string owner;               // 车主或单位
  std::vector<std::string> gates;  // none: every gate
  std::string from;                // HH:MM or "" (with `to`)
  std::string to;
  std::string valid_from;  // YYYY-MM-DD or ""
  std::string valid_until;
};

struct EbikeRecord {
  BusRecordMeta meta;
  std::string owner;
  std::string licence_plate;  // 公安机关登记的号牌, "" when it has none
  std::string campus_plate;   // 校内牌照, "" when not issued
  std::string checked_on;     // 改装检查, YYYY-MM-DD or "" when not checked
  bool modified = false;      // found modified at that check
};

// An entry refused at a gate, as recorded there.
struct GateRefusal {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;  // read with the record
  std::string kind;       // vehicle, ebike
  std::string gate;
  std::string plate;                       // as read at the gate, "" when it had none
  std::optional<std::int64_t> subject_id;  // the registration it matched
  std::string reason;
  std::string on;  // the day in China, YYYY-MM-DD
  Instant at{};
  std::string recorded_by;
  std::string recorded_by_name;  // read with the record
};

// Problems with a record as entered, naming the field: a class, a plate, an owner, the gates,
// the hours as HH:MM (both or neither), the validity as dates (CheckCampusVehicle's rules); an
// e-bike's owner and plates, its check not after `today`.
std::vector<ErrorDetail> CheckCampusVehicleRecord(const CampusVehicleRecord& v);
std::vector<ErrorDetail> CheckEbike(const EbikeRecord& e, calendar::Date today);
// A gate's name as recorded (trimmed); a gate check's problems: a gate, a kind, a vehicle's plate.
std::vector<ErrorDetail> CheckGateCheck(const std::string& kind, const std::string& gate,
                                        const std::string& plate);

// The facts the gate judges.
CampusVehicle FactsOf(const CampusVehicleRecord& v);
EbikeFacts FactsOf(const EbikeRecord& e);
// The minute after midnight in China (UTC+8) of an instant: what the gate's hours are read in.
int MinuteInChina(Instant t);
// "07:30" → 450; nullopt for anything else.
std::optional<int> ClockMinute(const std::string& hhmm);

struct CampusFilter {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> vehicle_class;  // vehicles
  bool include_inactive = false;
  std::string q;  // plate or owner contains
};
struct RefusalFilter {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> kind;
  std::string from;  // YYYY-MM-DD, included; "" for none
  std::string to;
};

class CampusRepository {
 public:
  virtual ~CampusRepository() = default;
  virtual Status Insert(CampusVehicleRecord& v) = 0;
  virtual Result<bool> Update(CampusVehicleRecord& v) = 0;
  virtual Status Insert(EbikeRecord& e) = 0;
  virtual Result<bool> Update(EbikeRecord& e) = 0;
  virtual Status Insert(GateRefusal& r) = 0;
  virtual Result<std::optional<CampusVehicleRecord>> FindVehicle(std::int64_t id,
                                                                 const ScopeFilter& scope) = 0;
  virtual Result<std::optional<EbikeRecord>> FindEbike(std::int64_t id,
                                                       const ScopeFilter& scope) = 0;
  // The school's active vehicle with this plate; its active e-bike with this licence or campus
  // plate.
  virtual Result<std::optional<CampusVehicleRecord>> VehicleByPlate(std::int64_t unit_id,
                                                                    const std::string& plate) = 0;
  virtual Result<std::optional<EbikeRecord>> EbikeByPlate(std::int64_t unit_id,
                                                          const std::string& plate) = 0;
  // By school name, then plate (owner); a page.
  virtual Result<PageResult<CampusVehicleRecord>> Vehicles(const CampusFilter& f,
                                                           const ScopeFilter& scope,
                                                           const PageRequest& page) = 0;
  virtual Result<PageResult<EbikeRecord>> Ebikes(const CampusFilter& f, const ScopeFilter& scope,
                                                 const PageRequest& page) = 0;
  // Newest first.
  virtual Result<PageResult<GateRefusal>> Refusals(const RefusalFilter& f, const ScopeFilter& scope,
                                                   const PageRequest& page) = 0;

  // 一校一策: the school's guide (nullopt when not written); every guide in the scope with its
  // lists (the district's overview).
  virtual Result<std::optional<TrafficGuide>> Guide(std::int64_t unit_id) = 0;
  virtual Result<std::vector<TrafficGuide>> Guides(const ScopeFilter& scope) = 0;
  // Stores the guide whole: version 0 inserts it at version 1; otherwise only when the stored
  // version is g.version (false when not), which then grows by one.
  virtual Result<bool> SaveGuide(TrafficGuide& g) = 0;
};

}  // namespace xiaoan::domain::traffic
