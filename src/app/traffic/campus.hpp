#pragma once
// 校内交通 (docs/traffic.md): each school's vehicles by class and its e-bikes, the gate's check of
// a plate with the refusals it records, and the rule traffic.ebike judged on each write and daily.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/org/school_exchange.hpp"
#include "app/rules/rules.hpp"
#include "domain/traffic/campus_registry.hpp"

namespace xiaoan::app {

struct CampusVehicleView {
  domain::traffic::CampusVehicleRecord record;
  std::string validity;  // valid, pending (before its first day), expired, inactive — today
  bool can_edit = false;
};
struct EbikeView {
  domain::traffic::EbikeRecord record;
  domain::rules::Verdict check;  // traffic.ebike today
  bool can_edit = false;
};

// Creates (id 0) or changes a school's record in the caller's scope (traffic:manage); a change
// carries the version read (409 traffic.stale). Audited as traffic.vehicle.create / edit and
// traffic.ebike.create / edit; an e-bike is judged on traffic.ebike at once.
Result<CampusVehicleView> SaveCampusVehicle(Services& s, const RequestContext& ctx,
                                            domain::traffic::CampusVehicleRecord in);
Result<EbikeView> SaveEbike(Services& s, const RequestContext& ctx,
                            domain::traffic::EbikeRecord in);
Result<CampusVehicleView> GetCampusVehicle(Services& s, const RequestContext& ctx, std::int64_t id);
Result<EbikeView> GetEbike(Services& s, const RequestContext& ctx, std::int64_t id);
Result<domain::PageResult<CampusVehicleView>> ListCampusVehicles(
    Services& s, const RequestContext& ctx, const domain::traffic::CampusFilter& f,
    const domain::PageRequest& page);
Result<domain::PageResult<EbikeView>> ListEbikes(Services& s, const RequestContext& ctx,
                                                 const domain::traffic::CampusFilter& f,
                                                 const domain::PageRequest& page);

// At the gate (traffic:gate): a vehicle's plate or an e-bike's (licence or campus plate; none
// for one without) read at `gate` of a school in scope, judged now against the school's
// registrations. A refusal is recorded (and audited as traffic.gate.refuse); an entry allowed
// is not.
struct GateDecision {
  bool allowed = false;
  std::string reason;
  std::optional<domain::traffic::GateRefusal> refusal;
  std::optional<std::int64_t> subject_id;  // the registration it matched
};
Result<GateDecision> CheckAtGate(Services& s, const RequestContext& ctx, std::int64_t unit_id,
                                 const std::string& kind, const std::string& gate,
                                 const std::string& plate);
Result<domain::PageResult<domain::traffic::GateRefusal>> ListGateRefusals(
    Services& s, const RequestContext& ctx, const domain::traffic::RefusalFilter& f,
    const domain::PageRequest& page);

// The vehicles and the e-bikes in and out of Excel (list: vehicles, ebikes; another → 422 on
// `list`): the template (file name, bytes), the records in use of every school in scope
// (traffic:read, audited traffic.export), and an all-or-nothing import (traffic:manage) whose rows
// create or update by key within their school (a vehicle's plate; an e-bike's owner and licence
// plate), each row checked as the form checks it, problems named by row and column; e-bikes are
// judged on traffic.ebike as they are written. Audited traffic.import.
Result<std::pair<std::string, std::string>> CampusListTemplate(const std::string& list);
Result<std::pair<std::string, std::string>> ExportCampusList(Services& s, const RequestContext& ctx,
                                                             const std::string& list);
Result<ImportReport> ImportCampusList(Services& s, const RequestContext& ctx,
                                      const std::string& list, std::string_view bytes,
                                      const std::string& format);

// The rules engine's registration (app/modules.cpp): traffic.ebike, judged daily per e-bike.
RuleModule TrafficRuleModule();

}  // namespace xiaoan::app
