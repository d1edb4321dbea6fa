#pragma once
// The hazard ledger's rules (隐患台账): the record's enumerations, the close-out workflow as a
// state machine, default deadlines, and the escalation rules (督办). Pure: no storage, no clock
// of its own (callers pass `now`), so every rule is unit-tested with a pinned time.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/org/enums.hpp"

namespace xiaoan::domain::hazard {

EnumTable Domains();  // fire, electrical, gas, … other
EnumTable Levels();   // general, major
EnumTable Sources();  // self_inspection, bureau_inspection, city_inspection, drill, whistle, …
EnumTable States();   // reported … closed

enum class State { kReported, kAssigned, kRectifying, kSubmitted, kVerified, kClosed };
std::string_view StateCode(State s);
std::optional<State> StateFromCode(std::string_view code);

enum class Action { kAssign, kStartRectifying, kSubmit, kApprove, kReject, kClose, kReopen };
std::string_view ActionCode(Action a);
std::optional<Action> ActionFromCode(std::string_view code);

// 五落实: what a major hazard must record before it can be closed.
struct FiveInPlace {
  std::string measures;
  std::string responsible;
  std::string funds;
  std::string deadline;
  std::string contingency_plan;
};
// The missing parts, as error details naming the field (empty when complete).
std::vector<ErrorDetail> MissingFiveInPlace(const FiveInPlace& f);

// A self-inspection is recorded after it happened: its time may run ahead of the server's clock
// by at most kClockSkew (a phone's clock), never more.
inline constexpr std::chrono::minutes kClockSkew{10};
std::optional<ErrorDetail> CheckInspectionTime(Instant checked_at, Instant now);

// What the workflow needs to know about a hazard and the actor to judge one step.
struct StepFacts {
  State state = State::kReported;
  bool major = false;
  FiveInPlace five;
  std::string rectifier;  // who submitted the rectification for verification
  std::string actor;
  int evidence_count = 0;               // files attached to this step
  std::string owner;                    // for kAssign: the person made responsible
  std::optional<std::string> deadline;  // for kAssign: YYYY-MM-DD
  std::string reason;  // for kReject, kReopen, and a deadline later than the default
  bool deadline_beyond_default = false;
};

struct StepOutcome {
  State to = State::kReported;
  bool counts_rework = false;  // a rejected verification
  bool counts_reopen = false;  // a closed hazard reopened by the bureau
};

// The transition table plus the rules on each step. A step the workflow does not allow, or one
// that breaks a rule, answers kFailedPrecondition with a detail naming the rule
// (hazard.workflow, hazard.verify, hazard.evidence, hazard.major_five, …).
Result<StepOutcome> Step(const StepFacts& facts, Action action);

// The actions open from a state (for the console's buttons).
std::vector<Action> ActionsFrom(State s);

// Days to rectify by default: per domain where the district configured it, else per level.
struct DeadlineRules {
  int general_days = 7;
  int major_days = 30;
  std::map<std::string, int> general_by_domain;  // domain code → days
  std::map<std::string, int> major_by_domain;
};
int DefaultDeadlineDays(const DeadlineRules& rules, bool major, std::string_view domain);

// ---- Escalation (督办) ----

struct EscalationRules {
  int overdue_leader_days = 3;
  int overdue_bureau_days = 7;
  int missed_window_days = 30;
  int repeat_window_days = 180;
  int rework_threshold = 2;
};

enum class Target { kOwner, kSchoolLeader, kBureau };
std::string_view TargetCode(Target t);

struct Escalation {
  std::string rule;  // hazard.overdue.owner, hazard.overdue.leader, hazard.overdue.bureau,
                     // hazard.missed, hazard.repeat, hazard.rework, hazard.major
  Target target = Target::kOwner;
  bool supervision = false;  // creates a supervision order (督办单)
  std::string reason;        // human-readable, in Chinese
};

// A self-inspection result: a place and domain the school reported as passed.
struct SelfCheck {
  std::optional<std::int64_t> key_place_id;
  std::string domain;
  Instant at;
  std::optional<std::int64_t> campaign_id;
};

// An earlier hazard at the same school that was closed.
struct ClosedHazard {
  std::int64_t id = 0;
  std::optional<std::int64_t> key_place_id;
  std::string domain;
  Instant closed_at;
};

struct HazardSnapshot {
  std::int64_t id = 0;
  State state = State::kReported;
  bool major = false;
  std::string domain;
  std::string source;
  std::optional<std::int64_t> key_place_id;
  std::optional<std::int64_t> campaign_id;
  Instant found_at;
  std::optional<std::string> deadline;  // YYYY-MM-DD, end of that day counts
  int rework_count = 0;
};

struct EscalationInputs {
  std::vector<SelfCheck> self_checks;       // the school's passed self-inspections
  std::vector<ClosedHazard> closed_before;  // the school's closed hazards
};

// The district's configuration as key/value settings (hazard_rule_settings): general_days,
// major_days, general.<domain>, major.<domain>, overdue_leader_days, overdue_bureau_days,
// missed_window_days, repeat_window_days, rework_threshold. Unknown keys or values out of range
// are reported as problems naming the key; absent keys keep the defaults.
struct RuleSet {
  DeadlineRules deadlines;
  EscalationRules escalation;
};
RuleSet RulesFromSettings(const std::vector<std::pair<std::string, std::string>>& settings,
                          std::vector<ErrorDetail>* problems = nullptr);
std::vector<std::pair<std::string, std::string>> SettingsOf(const RuleSet& rules);

// Every rule that holds for the hazard now. The caller fires each rule once per hazard (it
// stores which fired); a closed hazard escalates nothing.
std::vector<Escalation> Evaluate(const HazardSnapshot& h, const EscalationInputs& in, Instant now,
                                 const EscalationRules& rules);

// Calendar dates in China Standard Time (UTC+8), where deadlines are set and read.
std::string ChinaDate(Instant t);  // YYYY-MM-DD
std::optional<std::string> AddDays(const std::string& date, int days);
bool ValidDate(const std::string& date);
// Why a hazard cannot have been found at `found`, or "": later than five minutes from now
// (clocks differ that much at most) or before the year 2000 (a mistyped year, such as 0001).
std::string FoundAtProblem(Instant found, Instant now);

// Whole days past the deadline (0 when not overdue or no deadline).
int DaysOverdue(const std::optional<std::string>& deadline, Instant now);

}  // namespace xiaoan::domain::hazard
