#pragma once
// Routine patrols (常态化防火巡查, measure 11): a school's patrol plans of its key places, what is
// due and missed on its calendar, the patrols filled at the place (opened by the place's QR code),
// a failed item raised as a hazard with its photos, and the rule patrol.done (docs/patrols.md).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/patrol/patrol.hpp"

namespace xiaoan::app {

struct PatrolPlanView {
  domain::patrol::Plan plan;
  bool can_edit = false;  // patrol:manage and the school in scope
  // The items a patrol of the place answers (GetPatrolPlan and the place; empty in lists).
  std::vector<domain::checklist::Item> items;
};

// Plans in scope; active_only: running today.
Result<std::vector<PatrolPlanView>> ListPatrolPlans(Services& s, const RequestContext& ctx,
                                                    domain::patrol::PlanFilter f);
Result<PatrolPlanView> GetPatrolPlan(Services& s, const RequestContext& ctx, std::int64_t id);
// A plan of a school in scope, for one of its key places, from a template the school sees that
// applies to it and has items for the place (errors name school_id, key_place_id, template_id).
Result<PatrolPlanView> CreatePatrolPlan(Services& s, const RequestContext& ctx,
                                        domain::patrol::Plan in);
// Changes a plan (its school stays); the patrols done keep the template version they answered.
Result<PatrolPlanView> EditPatrolPlan(Services& s, const RequestContext& ctx, std::int64_t id,
                                      domain::patrol::Plan in);
// Only a plan without patrols (409 patrol_plan.has_records: set its end date instead).
Status DeletePatrolPlan(Services& s, const RequestContext& ctx, std::int64_t id);

// ---- What is due -------------------------------------------------------------------------------
struct ScheduleQuery {
  std::optional<std::string> from;  // default: 6 days before today
  std::optional<std::string> to;    // default: today; at most 62 days after from
  std::optional<std::int64_t> school_id;
  std::optional<std::string> state;  // done | due | missed | upcoming
};
struct ScheduleRow {
  const domain::patrol::Plan* plan = nullptr;  // into ScheduleResult::plans
  domain::patrol::SlotStatus slot;
};
struct ScheduleResult {
  std::vector<domain::patrol::Plan> plans;
  std::vector<ScheduleRow> rows;      // by day (newest first), then school, place and shift
  std::map<std::string, int> counts;  // per state code, before the state filter
  std::string from;
  std::string to;
};
Result<ScheduleResult> PatrolSchedule(Services& s, const RequestContext& ctx, ScheduleQuery q);

// What a place's QR code opens: the place, its school and the plans running today.
struct PatrolPlaceView {
  std::int64_t school_id = 0;
  std::string school_name;
  domain::KeyPlace place;
  struct PlanToday {
    PatrolPlanView plan;
    std::vector<domain::patrol::SlotStatus> today;  // today's slots (a weekly plan: its week)
  };
  std::vector<PlanToday> plans;
  bool can_record = false;
};
Result<PatrolPlaceView> GetPatrolPlace(Services& s, const RequestContext& ctx,
                                       std::int64_t key_place_id);

// ---- Patrols -----------------------------------------------------------------------------------
struct PatrolInput {
  std::int64_t plan_id = 0;
  std::optional<std::string> date;  // default: today; not in the future, at most 7 days back
  int shift = 0;
  std::string note;
  std::vector<domain::patrol::ItemAnswer> answers;  // file_ids: the caller's uploads
};
struct PatrolDetail {
  domain::patrol::Record record;
  std::vector<domain::checklist::Item> items;  // the items answered, in the template's order
  std::vector<domain::StoredFile> files;       // the patrol's photos, oldest first
  std::string shift_time;                      // "21:30" for a shift plan's patrol
  bool can_raise = false;                      // may raise its failed items as hazards
};
Result<PatrolDetail> RecordPatrol(Services& s, const RequestContext& ctx, PatrolInput in);
Result<PatrolDetail> GetPatrolRecord(Services& s, const RequestContext& ctx, std::int64_t id);
Result<domain::PageResult<domain::patrol::Record>> ListPatrolRecords(
    Services& s, const RequestContext& ctx, const domain::patrol::RecordFilter& f,
    const domain::PageRequest& page);
Result<std::string> ExportPatrolRecords(Services& s, const RequestContext& ctx,
                                        const domain::patrol::RecordFilter& f);

// A failed item of a patrol as a hazard (source 日常巡查, at the place, with copies of the item's
// photos); level and domain default to the item's.
struct PatrolHazardInput {
  std::string item_key;
  std::optional<std::string> level;
  std::optional<std::string> domain;
};
Result<PatrolDetail> RaisePatrolHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                       const PatrolHazardInput& in);

// Whether the caller may read a patrol (who may download its photos).
FileSubject PatrolFileSubject();
RuleModule PatrolRuleModule();

}  // namespace xiaoan::app
