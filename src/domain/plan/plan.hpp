#pragma once
// The plan as data: the 规范落实年 plan's 8 actions and 21 measures, which the plan board groups
// the rules by (each rule declares its measure), and a bureau's own plan for a year in the same
// shape, whose measures name their rules.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::domain::plan {

struct Measure {
  int number = 0;  // 1–21 in the shipped plan; any of 1–999 in a bureau's own
  std::string title;
  // The rules judged for the measure (ids). Empty in the shipped plan, whose measures take the
  // rules that declare them.
  std::vector<std::string> rules;
};

struct Action {
  int number = 0;  // 1–8 in the shipped plan
  std::string title;
  std::vector<Measure> measures;
};

// The plan Xiaoan ships (规范落实年 2026): every measure once, numbered 1–21 in order.
const std::vector<Action>& DefaultPlan();
inline constexpr const char* kShippedTitle = "学校安全“规范落实年”行动方案";

// A bureau's own plan for a year: in force for the bureau and every unit below it, unless a
// nearer bureau has its own.
struct YearPlan {
  std::int64_t unit_id = 0;
  int year = 0;
  std::string title;
  std::vector<Action> actions;
  std::string loaded_by;
  std::string loaded_at;
};

inline constexpr std::size_t kMaxActions = 30;
inline constexpr std::size_t kMaxMeasures = 200;  // in the whole plan
inline constexpr std::size_t kMaxRulesPerMeasure = 20;

// Every problem of a plan a bureau loads (field paths such as actions[0].measures[1].rules[0]):
// a title, 1–30 actions numbered 1–99 once each with a title, 1–200 measures in all numbered
// 1–999 once each in the plan with a title, at most 20 rules per measure, each a rule that
// exists (known) and named once in the measure.
std::vector<ErrorDetail> ValidatePlan(const YearPlan& plan,
                                      const std::function<bool(std::string_view)>& known);

// A plan in a spreadsheet, one row per measure: 行动序号, 行动, 措施序号, 措施, 规则编号.
inline constexpr const char* kColActionNumber = "行动序号";
inline constexpr const char* kColAction = "行动";
inline constexpr const char* kColMeasureNumber = "措施序号";
inline constexpr const char* kColMeasure = "措施";
inline constexpr const char* kColRules = "规则编号";

struct PlanRow {
  int row = 0;  // the spreadsheet's row number
  std::string action_number;
  std::string action_title;  // may be blank on the rows after an action's first
  std::string measure_number;
  std::string measure_title;
  std::string rules;  // rule ids separated by 、 , ， ; ； or spaces
};

// The rows grouped into actions in their order (rows of one action number form that action).
// Row-level problems (numbers that are not numbers, an action number whose title changes) are
// returned with their row and column; `rows_of[i][j]` is the row of action i's measure j.
struct ParsedPlan {
  std::vector<Action> actions;
  std::vector<std::vector<int>> rows_of;
  std::vector<ErrorDetail> errors;  // field: the column's header
};
ParsedPlan PlanFromRows(const std::vector<PlanRow>& rows);

// A ValidatePlan problem moved onto the spreadsheet: its row and column.
ErrorDetail RowErrorOf(const ErrorDetail& e, const ParsedPlan& parsed);

std::vector<std::string> SplitRuleIds(std::string_view text);
std::string JoinRuleIds(const std::vector<std::string>& ids);

class PlanRepository {
 public:
  virtual ~PlanRepository() = default;
  // The plan of the first of `units` (nearest first) that has one for the year.
  virtual Result<std::optional<YearPlan>> Nearest(const std::vector<std::int64_t>& units,
                                                  int year) = 0;
  virtual Status Save(const YearPlan& plan) = 0;  // replaces the unit's plan for the year
  virtual Status Remove(std::int64_t unit_id, int year) = 0;
};

}  // namespace xiaoan::domain::plan
