#pragma once
// Routine patrols (常态化防火巡查, measure 11): a school schedules patrols of its key places —
// dormitories, canteens, labs, halls — from a checklist template, daily, weekly or per shift; the
// patrol is filled on a phone at the place (its QR code opens it); a failed item becomes a hazard
// in one step; a patrol not done by the end of its day (or week) is missed. What is due is
// computed from the plan and the school calendar, never stored in advance; only the patrols done
// are stored (docs/patrols.md).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/checklist/checklist.hpp"
#include "domain/org/enums.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::patrol {

EnumTable Frequencies();  // daily 每日, weekly 每周, shift 每班次

// A schedule of patrols of one key place, filled from one version of a template.
struct Plan {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::int64_t key_place_id = 0;
  std::int64_t template_id = 0;  // the version it was scheduled with; kept when the code moves on
  std::string frequency = "daily";
  // shift: the times of day (minutes after midnight) each shift's patrol is due, ascending.
  std::vector<int> shifts;
  bool school_days_only = true;  // false: every day, vacations included (a boarding dormitory)
  std::string patroller;         // who patrols: 宿管员、值班保安 …
  std::string starts_on;         // YYYY-MM-DD
  std::optional<std::string> ends_on;
  std::string note;
  // Filled by the repository.
  std::string school_name;
  std::string school_path;
  std::string place_name;
  std::string place_kind;
  std::string template_code;
  std::string template_name;
  int template_version = 0;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
};

// Every problem of a plan, each naming its field (frequency, shifts[1], starts_on, ends_on …).
std::vector<ErrorDetail> ValidatePlan(const Plan& p);

// One patrol the plan asks for: on a day (daily, shift) or in a school week (weekly, named by
// its Monday and running Sunday to Saturday like every school week).
struct Slot {
  calendar::Date date{};    // the day; weekly: the week's Monday
  int shift = 0;            // shift: 1-based index into Plan::shifts; otherwise 0
  calendar::Date due_by{};  // the last day it may be done: the day, or the week's Saturday
};
// The slots of a plan whose day (weekly: whose week's last day) lies in [from, to], within the
// plan's own dates. With school_days_only a day counts only when the school calendar says the
// school is open, and a week only when it has a school day; days whose year is not loaded count
// as closed (nothing is flagged on a guess).
std::vector<Slot> SlotsBetween(const Plan& p, const calendar::SchoolCalendar& cal,
                               calendar::Date from, calendar::Date to);

// A patrol done: the day it was done and, for a shift plan, which shift.
struct Done {
  std::int64_t record_id = 0;
  calendar::Date date{};
  int shift = 0;
};
// Whether a record fills the slot: the same day and shift; weekly: any day of the slot's week.
bool Fills(const Plan& p, const Slot& slot, const Done& done);

enum class SlotState { kDone, kDue, kMissed, kUpcoming };
std::string_view SlotStateCode(SlotState s);   // done, due, missed, upcoming
std::string_view SlotStateLabel(SlotState s);  // 已巡查, 待巡查, 漏巡, 未到期
// A slot is done when a record fills it, missed once its last day has passed without one, due
// while today lies in it, upcoming before it starts.
SlotState StateOf(const Slot& slot, bool done, calendar::Date today);

struct SlotStatus {
  Slot slot;
  SlotState state = SlotState::kUpcoming;
  std::optional<std::int64_t> record_id;
};
// The plan's slots in [from, to] with their states on `today`; each record fills one slot.
std::vector<SlotStatus> Schedule(const Plan& p, const calendar::SchoolCalendar& cal,
                                 calendar::Date from, calendar::Date to, std::span<const Done> done,
                                 calendar::Date today);

// A shift's time as "21:30" (1-based shift of a shift plan); empty for no such shift.
std::string ShiftTime(const Plan& p, int shift);

// Which slot a patrol done on `day` (shift: its 1-based shift) fills, or an error naming the field:
// the day outside the plan's dates ("date"), a shift the plan does not have ("shift").
Result<Slot> SlotOf(const Plan& p, const calendar::SchoolCalendar& cal, calendar::Date day,
                    int shift);

// ---- Records -----------------------------------------------------------------------------------
using checklist::ItemAnswer;

struct Record {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::int64_t school_id = 0;
  std::int64_t key_place_id = 0;
  std::int64_t template_id = 0;
  std::string date;  // the day patrolled
  int shift = 0;
  std::string patrolled_at;  // instant
  std::string patroller;     // who filled it (display name)
  std::string username;
  std::string note;
  std::vector<ItemAnswer> answers;  // empty in lists
  int failed = 0;
  // Filled by the repository.
  std::string school_name;
  std::string school_path;
  std::string place_name;
  std::string place_kind;
  std::string template_name;
  int template_version = 0;
};

// The items of the template a patrol of the place answers (checklist::ItemsFor).
using checklist::ItemsFor;

// Judges every answer against its item (verdict and failed count filled); every item must be
// answered once. Problems name answers[i].value / answers[i].photo / answers[i].item_key, and
// "answers" for an item left out, "note" for a note over 500 characters.
Status JudgeAnswers(const std::vector<checklist::Item>& items, Record& r);

// ---- The rule ----------------------------------------------------------------------------------
// patrol.done: the key places' patrols of the school week done as planned, at most
// allowed_missed of them missed.
std::span<const rules::RuleDecl> RuleDecls();
// The school's plans over the week containing `day`, judged on `today`: not applicable without
// slots; fail once more than allowed_missed slots are missed; pass when every slot is done or
// the week is over within the allowance; due otherwise. Evidence: the records that filled slots.
// `done`: the records of those plans as (plan id, done), as PatrolRepository::DoneBetween gives.
using PlanDone = std::pair<std::int64_t, Done>;
rules::Judgement JudgeWeek(std::span<const Plan> plans, std::span<const PlanDone> done,
                           const calendar::SchoolCalendar& cal, const rules::ParamValues& values,
                           calendar::Date day, calendar::Date today);

struct PlanFilter {
  std::optional<std::int64_t> school_id;
  std::optional<std::int64_t> key_place_id;
  bool active_only = false;  // not ended before active_on
  std::string active_on;     // YYYY-MM-DD
};

struct RecordFilter {
  std::optional<std::int64_t> school_id;
  std::optional<std::int64_t> plan_id;
  std::string from;  // YYYY-MM-DD, inclusive; empty: open
  std::string to;
  bool failed_only = false;
};

class PatrolRepository {
 public:
  virtual ~PatrolRepository() = default;
  virtual Status InsertPlan(Plan& p) = 0;  // assigns id
  virtual Status UpdatePlan(const Plan& p) = 0;
  virtual Result<std::optional<Plan>> FindPlan(std::int64_t id) = 0;
  // Ordered by school, place and id.
  virtual Result<std::vector<Plan>> ListPlans(const PlanFilter& f, const ScopeFilter& scope) = 0;
  virtual Result<std::int64_t> CountRecordsOfPlan(std::int64_t plan_id) = 0;
  virtual Status DeletePlan(std::int64_t id) = 0;
  virtual Status InsertRecord(Record& r) = 0;  // with its answers; assigns id
  virtual Result<std::optional<Record>> FindRecord(std::int64_t id) = 0;  // with answers
  // Without answers, newest first.
  virtual Result<PageResult<Record>> ListRecords(const RecordFilter& f, const ScopeFilter& scope,
                                                 const PageRequest& page) = 0;
  // The days (and shifts) patrolled per plan in [from, to].
  virtual Result<std::vector<PlanDone>> DoneBetween(const std::vector<std::int64_t>& plan_ids,
                                                    const std::string& from,
                                                    const std::string& to) = 0;
  virtual Status SetAnswerHazard(std::int64_t record_id, const std::string& item_key,
                                 std::int64_t hazard_id) = 0;
};

}  // namespace xiaoan::domain::patrol
