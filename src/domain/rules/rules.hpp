#pragma once
// The rules engine's declarations: every checkable rule of the plan (hazard.overdue,
// drill.fire_semester, …) is declared once, beside its module's domain code, with the measure it
// belongs to, the period it is judged for, its source and the parameters a district may change.
// The engine reads these declarations to list, configure, version and show rules; a module's pure
// evaluation takes the checked parameter values (docs/adr/0009-rules-engine.md).
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"

namespace xiaoan::domain::rules {

// An integer parameter: days, counts, thresholds.
struct ParamSpec {
  std::string key;    // overdue_leader_days
  std::string label;  // 逾期几天后告知学校领导
  std::string unit;   // 天, 次, 人 …
  int min = 0;
  int max = 0;
  int default_value = 0;
  std::string help;
};

using ParamValues = std::map<std::string, int>;

// What a rule is judged for: one record (a hazard), or a school over a period of its calendar.
enum class Period { kRecord, kDay, kWeek, kMonth, kQuarter, kSemester, kYear };
std::string_view PeriodCode(Period p);
std::string_view PeriodLabel(Period p);

struct RuleDecl {
  std::string id;   // <module>.<rule>, e.g. hazard.overdue
  int version = 1;  // raised when the rule's meaning changes (not its parameters)
  int measure = 0;  // 1–21, the plan's measure
  std::string title;
  std::string subject;  // "hazard", "school"
  Period period = Period::kRecord;
  std::string source;  // the document or practice it comes from
  std::vector<ParamSpec> params;
  // Checks across parameters (e.g. a later step not before an earlier one), naming the key.
  std::function<std::vector<ErrorDetail>(const ParamValues&)> check_values;
  // The rule's own defaults for some of the effects (EffectSpecs), where the engine's would not
  // fit its period: a weekly rule is not reminded of 30 days ahead.
  ParamValues effect_defaults = {};
};

// What the engine does about a school rule's findings, set per rule with its values: reminders
// before the period ends while it is due (the first and the second, days before its last day;
// 0: none) and once it was missed, to whom (the school's leaders, its safety officers, the
// bureau's safety office), and whether a failed period raises a hazard at the school. Every rule
// judged per school and period has these parameters after its own (SpecsOf).
struct Effects {
  int remind_first_days = 30;
  int remind_second_days = 7;
  bool remind_missed = true;
  bool notify_leaders = true;
  bool notify_safety_officers = true;
  bool notify_bureau = false;
  bool raise_hazard = false;
};
const std::vector<ParamSpec>& EffectSpecs();
bool IsEffectKey(std::string_view key);
// A rule's parameters: its own, then the effects when it is judged per school and period.
std::vector<ParamSpec> SpecsOf(const RuleDecl& rule);
// The effects among a rule's values (absent keys: the defaults).
Effects EffectsOf(const ParamValues& values);
// The rule's own values, without the effects (what a finding records as the values it used).
ParamValues OwnValues(const ParamValues& values);

// The default of every parameter (SpecsOf).
ParamValues Defaults(const RuleDecl& rule);
// The value of one of the rule's parameters among `values` (per rule id), or its default.
int ValueOf(const std::map<std::string, ParamValues>& values, const RuleDecl& rule,
            const std::string& key);
// Stored or submitted values checked against the declaration: integers within bounds, no key
// the rule does not declare, then the rule's own cross-checks; a key left out keeps its default.
// Problems name "<prefix><key>".
ParamValues CheckValues(const RuleDecl& rule, const std::map<std::string, std::int64_t>& values,
                        std::vector<ErrorDetail>& problems, const std::string& prefix = {});
// A catalog is well formed: ids unique and of the form module.rule, measures 1–21, titles and
// labels present, parameter keys unique with min ≤ default ≤ max.
std::vector<ErrorDetail> CheckCatalog(std::span<const RuleDecl> rules);
const RuleDecl* FindRule(std::span<const RuleDecl> rules, std::string_view id);

// The key of the period a day falls in, on the school's calendar where it matters: week
// "W2026-10-05" (its Monday; school weeks run Sunday to Saturday), month "2026-10", quarter
// "2026-Q4", semester "2026-1" (school year and term; "" outside every semester), year "2026",
// day "2026-10-08". Records have no period ("").
std::string PeriodKey(Period period, calendar::Date day, const calendar::SchoolCalendar& school);

// A period with its first and last day and a Chinese label (2026年10月, 2026年第四季度,
// 2026—2027学年第一学期, 2026年 …).
struct PeriodSpan {
  std::string key;
  std::string label;
  calendar::Date first{};
  calendar::Date last{};
};
// The period the day falls in; nullopt for records and for a semester outside every term.
std::optional<PeriodSpan> PeriodOf(Period period, calendar::Date day,
                                   const calendar::SchoolCalendar& school);

// What a rule says of its subject. Due: the period has not ended and what it needs is not there
// yet ("so far"); fail: it ended without; warn: a warning that is not a failure.
enum class Outcome { kPass, kDue, kFail, kWarn, kNotApplicable };
std::string_view OutcomeCode(Outcome o);   // pass, due, fail, warn, na
std::string_view OutcomeLabel(Outcome o);  // 达标, 待完成, 未达标, 提醒, 不适用
std::optional<Outcome> ParseOutcome(std::string_view code);

// A rule's answer with its reason in Chinese and the records it rests on.
struct Verdict {
  Outcome outcome = Outcome::kNotApplicable;
  std::string reason;
  std::vector<std::int64_t> evidence;
};

// One rule judged for a school and a period.
struct Judgement {
  const RuleDecl* rule = nullptr;
  PeriodSpan period;
  bool so_far = false;  // the period had not ended on the day it was judged
  Verdict verdict;
};

// The reminder a school finding calls for on `today`, if any: "due_30" (the first reminder) or
// "due_7" (the second) while it is due and at most that many days of its period remain (the
// tighter one; a reminder set to 0 days is never sent), "missed" once it failed, for a week
// after the period's last day (older failures are history, not news), unless turned off.
std::string NoticeFor(Outcome outcome, const PeriodSpan& period, calendar::Date today,
                      const Effects& effects = {});
// 30 天内到期 … with the days the effects set.
std::string NoticeLabel(std::string_view notice, const Effects& effects = {});

// Count-in-period rules (at least `need` of something in the period): pass when `have` ≥ `need`;
// otherwise due while the period runs (today ≤ last day), fail once it has ended.
Outcome CountOutcome(int have, int need, const PeriodSpan& period, calendar::Date today);

}  // namespace xiaoan::domain::rules
