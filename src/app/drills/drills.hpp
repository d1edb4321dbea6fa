#pragma once
// Drills (measure 13): a school records its drills; each record is judged by the drill rules at
// once (the school's semester, year and teaching month, and the record's evacuation time), and a
// problem found becomes a hazard in one step (docs/drills.md).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/drill/drill.hpp"

namespace xiaoan::app {

struct DrillDetail {
  domain::drill::Drill drill;
  // The record's own finding and the school's findings for the periods its date falls in.
  std::vector<domain::rules::Finding> findings;
  std::vector<domain::StoredFile> files;  // photos and documents, oldest first
  bool can_edit = false;
};

// Checks, stores and judges a record (the school in the caller's scope; a building of the
// school, whose floors drill.time reads, or the school's tallest). `file_ids`: the caller's
// uploads attached to the record (an edit adds to those already attached).
// `plan_id`: the drill plan it carries out (of the same school, still open), which it closes.
Result<DrillDetail> RecordDrill(Services& s, const RequestContext& ctx, domain::drill::Drill in,
                                const std::vector<std::int64_t>& file_ids = {},
                                std::optional<std::int64_t> plan_id = std::nullopt);
Result<DrillDetail> EditDrill(Services& s, const RequestContext& ctx, std::int64_t id,
                              domain::drill::Drill in,
                              const std::vector<std::int64_t>& file_ids = {});
// Whether the caller may read a drill (who may download its files).
FileSubject DrillFileSubject();
Status DeleteDrill(Services& s, const RequestContext& ctx, std::int64_t id);
Result<DrillDetail> GetDrill(Services& s, const RequestContext& ctx, std::int64_t id);
Result<domain::PageResult<domain::drill::Drill>> ListDrills(Services& s, const RequestContext& ctx,
                                                            const domain::drill::DrillFilter& f,
                                                            const domain::PageRequest& page);
Result<std::string> ExportDrills(Services& s, const RequestContext& ctx,
                                 const domain::drill::DrillFilter& f);

// A problem of the record raised as a hazard (source 演练发现, pointing back to the drill).
struct ProblemHazardInput {
  int index = 0;
  std::string domain;
  std::string level = "general";
  std::optional<std::int64_t> building_id;
  std::optional<std::int64_t> key_place_id;
};
Result<DrillDetail> RaiseProblemHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                       const ProblemHazardInput& in);

RuleModule DrillRuleModule();

// ---- Drill plans (演练计划) -------------------------------------------------------------------
struct DrillPlanView {
  domain::drill::DrillPlan plan;
  domain::drill::PlanStatus status = domain::drill::PlanStatus::kPlanned;
  bool can_edit = false;  // the caller records drills and the plan is not yet carried out
};
// A plan for a school in the caller's scope, on today or later.
Result<DrillPlanView> CreateDrillPlan(Services& s, const RequestContext& ctx,
                                      domain::drill::DrillPlan in);
// Changes an open plan (409 drill_plan.done once carried out); a moved day may not be past.
Result<DrillPlanView> EditDrillPlan(Services& s, const RequestContext& ctx, std::int64_t id,
                                    domain::drill::DrillPlan in);
Status DeleteDrillPlan(Services& s, const RequestContext& ctx, std::int64_t id);
Result<DrillPlanView> GetDrillPlan(Services& s, const RequestContext& ctx, std::int64_t id);
// statuses and dates are read against today in China.
Result<domain::PageResult<DrillPlanView>> ListDrillPlans(Services& s, const RequestContext& ctx,
                                                         domain::drill::DrillPlanFilter f,
                                                         const domain::PageRequest& page);
Result<std::string> ExportDrillPlans(Services& s, const RequestContext& ctx,
                                     domain::drill::DrillPlanFilter f);

}  // namespace xiaoan::app
