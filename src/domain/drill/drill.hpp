#pragma once
// Drills (measure 13; the attack drills of measure 19): a school's drill records with the fields
// of the 2014 national guide, and their storage port. The rules judged on them are in
// drill_rules.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::drill {

// fire 消防疏散, earthquake 地震避险, attack 防暴恐, school_bus 校车疏散, other 其他.
struct KindInfo {
  std::string_view code;
  std::string_view label;
  bool evacuation;  // an evacuation drill unless the record says otherwise
};
std::vector<KindInfo> Kinds();
const KindInfo* FindKind(std::string_view code);

// A problem found in a drill; it can become a hazard in one step (the hazard links back).
struct Problem {
  std::string text;
  std::optional<std::int64_t> hazard_id;
};

struct Drill {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string school_name;  // read-only, filled by queries
  std::string kind;
  std::string title;
  std::string date;        // YYYY-MM-DD
  std::string start_time;  // HH:MM
  bool night = false;
  bool announced = true;
  bool evacuation = true;    // an evacuation drill (counts for the evacuation rules)
  bool whole_school = true;  // all staff and students (全员)
  std::string scope_note;    // grades or buildings when not the whole school
  std::optional<std::int64_t> building_id;
  std::string building;  // its name (kept if the building is removed)
  int floors = 0;        // the building's floors (or the school's tallest), 0 unknown
  std::string commander;
  int students = 0;
  int staff = 0;
  std::string signal_time;   // HH:MM:SS, "" when not timed
  std::string all_out_time;  // HH:MM:SS
  bool headcount_ok = true;
  std::string headcount_note;
  int injuries = 0;
  std::vector<Problem> problems;
  std::string actions;  // corrective actions
  std::string recorded_by;
  std::string created_at;
  std::string updated_at;
  std::optional<std::int64_t> plan_id;  // the plan it carried out (read-only, filled by queries)
};

// "HH:MM:SS" (or "HH:MM") → seconds after midnight.
std::optional<int> ParseTimeOfDay(std::string_view text);
// Seconds from the signal to all evacuated, when both are recorded and in order.
std::optional<int> EvacuationSeconds(const Drill& d);

// Every problem of a record (field + reason); today: a drill cannot be recorded for a later day.
std::vector<ErrorDetail> ValidateDrill(const Drill& d, calendar::Date today);

// ---- Drill plans (演练计划) -------------------------------------------------------------------
// What a school means to drill and when; the record that carries a plan out closes it.
struct DrillPlan {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string school_name;  // read-only, filled by queries
  std::string kind;
  std::string title;
  std::string date;        // YYYY-MM-DD
  std::string start_time;  // HH:MM or ""
  bool night = false;
  bool whole_school = true;
  std::string scope_note;
  std::string commander;
  std::string note;
  std::optional<std::int64_t> drill_id;  // the record that carried it out
  std::string created_by;
  std::string created_at;
  std::string updated_at;
};

// done: carried out; overdue: its day has passed; due: within kPlanDueDays from today; planned:
// later.
enum class PlanStatus { kPlanned, kDue, kOverdue, kDone };
inline constexpr int kPlanDueDays = 7;
std::string_view PlanStatusCode(PlanStatus s);
std::string_view PlanStatusLabel(PlanStatus s);
std::optional<PlanStatus> ParsePlanStatus(std::string_view code);
PlanStatus StatusOf(const DrillPlan& p, calendar::Date today);

// Every problem of a plan (field + reason). not_before: the earliest day it may be planned for
// (today for a new plan or a moved one; nothing when the day is kept).
std::vector<ErrorDetail> ValidatePlan(const DrillPlan& p, std::optional<calendar::Date> not_before);

// A record made from a plan: the plan must be open and of the record's school (field plan_id).
std::vector<ErrorDetail> CheckPlanForRecord(const DrillPlan& plan, const Drill& record);

struct DrillPlanFilter {
  std::optional<std::int64_t> school_id;
  std::optional<std::string> kind;
  std::optional<std::string> from;   // date, inclusive
  std::optional<std::string> to;     // date, inclusive
  std::vector<PlanStatus> statuses;  // any of them; empty: all
  std::string today;                 // YYYY-MM-DD, for the statuses
  std::string due_until;             // today + kPlanDueDays
  std::string q;                     // title or school name contains
};

class DrillPlanRepository {
 public:
  virtual ~DrillPlanRepository() = default;
  virtual Status Insert(DrillPlan& p) = 0;  // assigns id
  virtual Status Update(const DrillPlan& p) = 0;
  virtual Status Remove(std::int64_t id) = 0;
  virtual Result<std::optional<DrillPlan>> Find(std::int64_t id, const ScopeFilter& scope) = 0;
  virtual Result<PageResult<DrillPlan>> List(const DrillPlanFilter& filter,
                                             const ScopeFilter& scope, const PageRequest& page) = 0;
  virtual Status SetDrill(std::int64_t plan_id, std::int64_t drill_id) = 0;
};

struct DrillFilter {
  std::optional<std::int64_t> school_id;
  std::optional<std::string> kind;
  std::optional<std::string> from;  // date, inclusive
  std::optional<std::string> to;    // date, inclusive
  std::string q;                    // title or school name contains
};

class DrillRepository {
 public:
  virtual ~DrillRepository() = default;
  virtual Status Insert(Drill& d) = 0;  // assigns id
  virtual Status Update(const Drill& d) = 0;
  virtual Status Remove(std::int64_t id) = 0;
  virtual Result<std::optional<Drill>> Find(std::int64_t id, const ScopeFilter& scope) = 0;
  virtual Result<PageResult<Drill>> List(const DrillFilter& filter, const ScopeFilter& scope,
                                         const PageRequest& page) = 0;
  // A school's drills with a date in [from, to], oldest first (for the rules).
  virtual Result<std::vector<Drill>> OfSchool(std::int64_t school_id, const std::string& from,
                                              const std::string& to) = 0;
  virtual Status SetProblemHazard(std::int64_t drill_id, int index, std::int64_t hazard_id) = 0;
};

}  // namespace xiaoan::domain::drill
