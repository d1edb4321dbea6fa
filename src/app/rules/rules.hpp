#pragma once
// The rules engine: every module's declared rules with the values in force, the versioned values
// a unit sets, evaluation of schools into findings, and the boards that count them
// (docs/rules.md, docs/adr/0009-rules-engine.md).
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/plan/plan.hpp"
#include "domain/rules/findings.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::app {

// The values in force for one rule at a unit: the latest version set by the nearest unit on its
// path, or the declared defaults (version 0, unit 0).
struct InForce {
  domain::rules::ParamValues values;
  int version = 0;
  std::int64_t unit_id = 0;
};
using ValuesInForce = std::map<std::string, InForce>;

// What a school's rules are judged with.
struct SchoolJudgeInput {
  const domain::School& school;
  const domain::calendar::SchoolCalendar& calendar;
  const std::map<std::string, domain::rules::ParamValues>& values;  // per rule id
  domain::calendar::Date day;    // judge the periods that contain this day
  domain::calendar::Date today;  // "so far" until a period's last day
};

// What a module registers (app/modules.cpp): its rules, where they are configured, and how a
// school is judged on them.
struct RuleModule {
  std::string module;  // "hazard", "drill"
  std::span<const domain::rules::RuleDecl> rules;
  // Values the module keeps itself (the hazard ledger's settings); absent: the engine keeps them
  // as versioned rows per unit, configured through PUT /api/v1/rules/{id}/parameters.
  std::function<Result<domain::rules::ParamValues>(domain::Tx&)> values;
  std::string configure_path;
  // The school × period rules judged from the module's records (absent: none).
  std::function<Result<std::vector<domain::rules::Judgement>>(domain::Tx&, const SchoolJudgeInput&)>
      judge_school;
  // Where the module keeps its values (with `values`): stores one rule's checked values inside
  // the engine's write, which records them as a new version at the top unit (the values apply
  // to the whole installation). Absent: only the module's own page configures them.
  std::function<Status(Services&, domain::Tx&, const RequestContext&,
                       const domain::rules::RuleDecl&, const domain::rules::ParamValues&)>
      store_values;
  // The hazard a failed period raises at the school when its rule's raise_hazard effect is on:
  // the module's source and domain in the ledger (empty source: the module's rules raise none).
  std::string hazard_source;
  std::string hazard_domain = "other";
  // Runs after the engine stored a school's judgements of the module's rules (absent: nothing):
  // the module's own consequences of a judgement, such as closing the hazards a rule now met
  // had raised.
  std::function<Status(Services&, domain::Tx&, const domain::School&,
                       const std::vector<domain::rules::Judgement>&, domain::calendar::Date today)>
      after_judge;
  // The module's record rules (Period::kRecord) judged afresh on each of the school's records
  // when the school is judged for today (absent: its record rules are judged on write only).
  // Stores the findings itself (SaveRecordFinding) with the values in force at the school.
  std::function<Status(Services&, domain::Tx&, const domain::School&, const ValuesInForce&,
                       domain::calendar::Date today)>
      judge_records;
};

struct RuleView {
  const domain::rules::RuleDecl* rule = nullptr;
  std::string module;
  domain::rules::ParamValues values;  // in force: stored or default
  std::string configure_path;
  int params_version = 0;
  std::int64_t params_unit_id = 0;
  bool engine_values = false;  // configured through the engine
};

// Every registered rule, in registration order; measure filters when set (1–21). Values of the
// engine's rules are those in force at the caller's unit.
Result<std::vector<RuleView>> ListRules(Services& s, const RequestContext& ctx,
                                        std::optional<int> measure);

struct RuleDetail {
  RuleView view;
  std::vector<domain::rules::ParamSet> history;  // versions set on the caller's path
};
Result<RuleDetail> GetRule(Services& s, const RequestContext& ctx, const std::string& id);
// A new version of the unit's values for an engine rule (unit: the caller's own by default),
// checked against the declaration and audited as rules.configure.
Result<RuleDetail> SetRuleParameters(Services& s, const RequestContext& ctx, const std::string& id,
                                     std::optional<domain::UnitId> unit,
                                     const std::map<std::string, std::int64_t>& values,
                                     const std::string& note);

// For a module that keeps its values: records the values it stored as a new version of the rule
// at the caller's top unit when they differ from the latest (its own configuration page calls
// this after saving). Trusted local callers without a unit record nothing.
Status RecordModuleValues(Services& s, domain::Tx& tx, const RequestContext& ctx,
                          const domain::rules::RuleDecl& rule,
                          const domain::rules::ParamValues& values, const std::string& note);

// ---- Evaluation --------------------------------------------------------------------------------
// The values in force at a unit for each of the rules.
Result<ValuesInForce> LoadValuesInForce(domain::Tx& tx, const domain::Unit& unit,
                                        std::span<const domain::rules::RuleDecl> rules);
// The same for many units at once (a board over the schools in scope), read in one query.
Result<std::map<std::int64_t, ValuesInForce>> LoadValuesInForceOf(
    domain::Tx& tx, const std::vector<domain::Unit>& units,
    std::span<const domain::rules::RuleDecl> rules);
// The values alone, per rule id (what a module's pure rules take).
std::map<std::string, domain::rules::ParamValues> PlainValues(const ValuesInForce& in_force);
// Judges the school on every registered module's school rules (only `module`'s when given) for
// the periods containing `day` and stores the findings, inside the caller's transaction (a module
// calls this after its write).
Status EvaluateSchool(Services& s, domain::Tx& tx, domain::UnitId school_id,
                      domain::calendar::Date day, std::string_view module = {});
// Stores the finding of a rule judged on one record (drill.time on a drill).
Status SaveRecordFinding(Services& s, domain::Tx& tx, const domain::rules::RuleDecl& rule,
                         const InForce& in_force, const std::string& subject_type,
                         std::int64_t subject_id, domain::UnitId school_id,
                         const domain::rules::Verdict& verdict);
// Every school in scope judged for the periods containing `day` (the daily job runs this for
// yesterday and today, so periods that ended are closed); returns the schools judged.
Result<int> EvaluateSchools(Services& s, const RequestContext& ctx, domain::calendar::Date day);
// The same for a day given as text (absent: today in China); a bad date is named as `date`.
Result<int> EvaluateSchools(Services& s, const RequestContext& ctx,
                            const std::optional<std::string>& date);

// ---- Findings and boards -----------------------------------------------------------------------
struct FindingQuery {
  std::optional<std::string> rule;
  std::optional<int> measure;
  std::optional<std::string> module;
  domain::rules::FindingFilter filter;
  domain::PageRequest page;
};
Result<domain::PageResult<domain::rules::Finding>> ListFindings(Services& s,
                                                                const RequestContext& ctx,
                                                                FindingQuery q);
Result<std::string> ExportFindings(Services& s, const RequestContext& ctx, FindingQuery q);

// One rule on a board: the period judged on the board's day and the schools by outcome.
struct RuleBoardRow {
  const domain::rules::RuleDecl* rule = nullptr;
  std::string module;
  std::vector<std::string> periods;  // keys counted (a kindergarten's quarter beside the month)
  std::string period_label;
  std::map<std::string, std::int64_t> counts;  // outcome code → schools
  std::int64_t schools = 0;                    // schools in scope
  std::int64_t unjudged = 0;                   // schools without a finding for the period
};
struct RuleBoard {
  std::string date;
  std::vector<RuleBoardRow> rows;
  std::vector<domain::rules::Finding> failing;  // fail and due, at most 200
};
// module: one module's rules (absent: all with school rules); date: the day whose periods are
// counted (absent: today in China).
Result<RuleBoard> GetRuleBoard(Services& s, const RequestContext& ctx,
                               const std::optional<std::string>& module,
                               const std::optional<std::string>& date);

// ---- The plan board (规范落实年看板) ---------------------------------------------------------
struct PlanMeasureRow {
  int number = 0;
  std::string title;
  std::vector<RuleBoardRow> school_rules;                    // judged per school and period
  std::vector<const domain::rules::RuleDecl*> record_rules;  // judged per record (hazards …)
  std::int64_t schools_failing = 0;  // schools with a due or failing finding of its rules
  std::int64_t schools_judged = 0;   // schools with any finding of its rules
};
struct PlanActionRow {
  int number = 0;
  std::string title;
  std::vector<PlanMeasureRow> measures;
};
struct PlanBoard {
  std::string date;
  std::int64_t schools = 0;
  std::vector<PlanActionRow> actions;
  // The plan followed: the year of `date`, the shipped plan or a bureau's own.
  int plan_year = 0;
  bool plan_loaded = false;
  std::string plan_title;
  std::string plan_unit_name;
};
// The actions and measures of the plan in force for the caller in the year of `date` (default
// today) with their rules and, for the school rules, the schools by outcome in the periods of
// `date` within the caller's scope.
Result<PlanBoard> GetPlanBoard(Services& s, const RequestContext& ctx,
                               const std::optional<std::string>& date);

// The plan board by month: for each month of `year` (default this year) up to this month, each
// measure's failing and judged schools on the month's last day (today for this month). Findings
// are kept per period, so a semester or year rule shows its period's latest judgement.
struct PlanTrendMeasure {
  int number = 0;
  std::int64_t schools_failing = 0;
  std::int64_t schools_judged = 0;
};
struct PlanTrendMonth {
  std::string month;  // YYYY-MM
  std::string date;   // the day counted
  std::int64_t schools = 0;
  std::vector<PlanTrendMeasure> measures;  // the plan's, in order
};
struct PlanTrend {
  int year = 0;
  std::vector<PlanTrendMonth> months;
};
Result<PlanTrend> GetPlanTrend(Services& s, const RequestContext& ctx, std::optional<int> year);

// ---- The plan for a year (docs/plan-board.md) ------------------------------------------------
// The plan in force for a caller: the nearest bureau's own plan for the year on the caller's
// path, or the shipped plan, whose measures take the rules that declare them.
struct YearPlanView {
  domain::plan::YearPlan plan;  // rules named in every measure
  bool loaded = false;          // a bureau's own (plan.unit_id), not the shipped one
  std::string unit_name;        // the bureau whose plan it is
  bool can_load = false;        // the caller may load, replace or remove one at their unit
};
// Any registered rule by id, or null.
const domain::rules::RuleDecl* FindRegisteredRule(std::string_view id);
Result<YearPlanView> YearPlanIn(domain::Tx& tx, const RequestContext& ctx, int year);
Result<YearPlanView> GetYearPlan(Services& s, const RequestContext& ctx, int year);
// A bureau (rules:configure) loads its own plan for the year at its unit, replacing one it had.
Result<YearPlanView> LoadYearPlan(Services& s, const RequestContext& ctx, int year,
                                  domain::plan::YearPlan in);
// Removes the caller's unit's own plan for the year (404 when it has none).
Status RemoveYearPlan(Services& s, const RequestContext& ctx, int year);
// The plan in force as a spreadsheet (行动序号, 行动, 措施序号, 措施, 规则编号): the template.
Result<std::string> ExportYearPlan(Services& s, const RequestContext& ctx, int year,
                                   const std::string& format);
struct ImportReport;
// Loads the plan from such a spreadsheet, all or nothing, with the problems by row and column;
// title: the plan's (default "<year> 年度学校安全工作计划").
Result<ImportReport> ImportYearPlan(Services& s, const RequestContext& ctx, int year,
                                    std::string_view bytes, const std::string& format,
                                    const std::string& title = {});

}  // namespace xiaoan::app
