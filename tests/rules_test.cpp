// The rules engine's declarations: parameters checked against their schema at the edges, the
// catalog's own checks, the period a day falls in on a school's 2026 calendar, and the hazard
// ledger's rules declared through the engine.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/hazard/hazard.hpp"
#include "domain/hazard/hazard_rules.hpp"
#include "domain/plan/plan.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan {
namespace {

using namespace domain::rules;
namespace cal = domain::calendar;

cal::Date D(const char* text) { return *cal::ParseDate(text); }

RuleDecl Sample() {
  RuleDecl r;
  r.id = "drill.night_boarding";
  r.measure = 13;
  r.title = "寄宿制学校每年至少两次夜间疏散演练";
  r.subject = "school";
  r.period = Period::kYear;
  r.source = "规范落实年方案措施 13";
  r.params = {{"count", "每年夜间演练次数", "次", 1, 12, 2, ""},
              {"max_seconds", "疏散用时上限", "秒", 30, 600, 120, ""}};
  r.check_values = [](const ParamValues& v) {
    std::vector<ErrorDetail> out;
    if (v.at("count") * 60 > v.at("max_seconds") * 3) out.push_back({"count", "太多"});
    return out;
  };
  return r;
}

bool Has(const std::vector<ErrorDetail>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const ErrorDetail& p) { return p.field == field; });
}

TEST(RuleParams, DefaultsAndBoundsAtTheirEdges) {
  const auto r = Sample();
  EXPECT_EQ(OwnValues(Defaults(r)), (ParamValues{{"count", 2}, {"max_seconds", 120}}));
  std::vector<ErrorDetail> p;
  auto v = CheckValues(r, {{"count", 1}, {"max_seconds", 600}}, p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(v.at("count"), 1);
  EXPECT_EQ(v.at("max_seconds"), 600);
  v = CheckValues(r, {{"count", 12}, {"max_seconds", 240}}, p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(v.at("count"), 12);
  v = CheckValues(r, {{"count", 0}}, p, "parameters.");
  EXPECT_TRUE(Has(p, "parameters.count"));
  EXPECT_EQ(v.at("count"), 2);  // a refused value keeps the default
  p.clear();
  CheckValues(r, {{"count", 13}}, p);
  EXPECT_TRUE(Has(p, "count"));
  EXPECT_EQ(p.front().reason, "须在 1 到 12 之间");
  p.clear();
  CheckValues(r, {{"max_seconds", 29}}, p);
  EXPECT_TRUE(Has(p, "max_seconds"));
  p.clear();
  CheckValues(r, {{"max_seconds", 601}}, p);
  EXPECT_TRUE(Has(p, "max_seconds"));
  p.clear();
  CheckValues(r, {{"colour", 1}}, p, "parameters.");
  EXPECT_TRUE(Has(p, "parameters.colour"));
  // A key left out keeps its default.
  p.clear();
  v = CheckValues(r, {}, p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(v, Defaults(r));
}

// Every rule judged per school and period has the engine's effects after its own parameters,
// set and checked like them; a record rule has none.
TEST(RuleEffects, SchoolRulesCarryTheEffectsWithTheirDefaults) {
  const auto r = Sample();
  const auto specs = SpecsOf(r);
  ASSERT_EQ(specs.size(), 2u + EffectSpecs().size());
  EXPECT_EQ(specs[0].key, "count");
  EXPECT_EQ(specs[2].key, "remind_first_days");
  const auto d = Defaults(r);
  EXPECT_EQ(d.at("remind_first_days"), 30);
  EXPECT_EQ(d.at("remind_second_days"), 7);
  EXPECT_EQ(d.at("raise_hazard"), 0);
  const auto e = EffectsOf(d);
  EXPECT_EQ(e.remind_first_days, 30);
  EXPECT_EQ(e.remind_second_days, 7);
  EXPECT_TRUE(e.remind_missed);
  EXPECT_TRUE(e.notify_leaders);
  EXPECT_TRUE(e.notify_safety_officers);
  EXPECT_FALSE(e.notify_bureau);
  EXPECT_FALSE(e.raise_hazard);
  auto record = Sample();
  record.subject = "drill";
  EXPECT_EQ(SpecsOf(record).size(), 2u);
  auto per_record = Sample();
  per_record.period = Period::kRecord;
  EXPECT_EQ(SpecsOf(per_record).size(), 2u);
  EXPECT_EQ(Defaults(record).size(), 2u);

  std::vector<ErrorDetail> p;
  auto v = CheckValues(r,
                       {{"remind_first_days", 0},
                        {"remind_second_days", 60},
                        {"remind_missed", 0},
                        {"notify_leaders", 0},
                        {"notify_safety_officers", 0},
                        {"notify_bureau", 1},
                        {"raise_hazard", 1}},
                       p, "values.");
  EXPECT_TRUE(p.empty());
  const auto set = EffectsOf(v);
  EXPECT_EQ(set.remind_first_days, 0);
  EXPECT_EQ(set.remind_second_days, 60);
  EXPECT_FALSE(set.remind_missed);
  EXPECT_FALSE(set.notify_leaders);
  EXPECT_FALSE(set.notify_safety_officers);
  EXPECT_TRUE(set.notify_bureau);
  EXPECT_TRUE(set.raise_hazard);
  EXPECT_EQ(OwnValues(v), (ParamValues{{"count", 2}, {"max_seconds", 120}}));
  CheckValues(r, {{"raise_hazard", 2}, {"remind_first_days", 181}, {"remind_second_days", 61}}, p,
              "values.");
  EXPECT_TRUE(Has(p, "values.raise_hazard"));
  EXPECT_TRUE(Has(p, "values.remind_first_days"));
  EXPECT_TRUE(Has(p, "values.remind_second_days"));
  p.clear();
  CheckValues(r, {{"remind_first_days", 180}, {"remind_second_days", -1}}, p);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].field, "remind_second_days");
  p.clear();
  CheckValues(record, {{"raise_hazard", 1}}, p);
  EXPECT_TRUE(Has(p, "raise_hazard"));  // a record rule has no effects
  EXPECT_TRUE(IsEffectKey("notify_bureau"));
  EXPECT_FALSE(IsEffectKey("count"));
  // A rule's own key may not take an effect's name.
  auto clash = Sample();
  clash.params[0].key = "raise_hazard";
  clash.check_values = nullptr;
  EXPECT_TRUE(Has(CheckCatalog(std::vector<RuleDecl>{clash}), "drill.night_boarding.raise_hazard"));
}

TEST(RuleParams, CrossChecksRunOnlyOnValuesInBounds) {
  const auto r = Sample();
  std::vector<ErrorDetail> p;
  CheckValues(r, {{"count", 6}, {"max_seconds", 120}}, p, "x.");  // 360 > 360? no
  EXPECT_TRUE(p.empty());
  CheckValues(r, {{"count", 7}, {"max_seconds", 120}}, p, "x.");  // 420 > 360
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].field, "x.count");
  p.clear();
  // An out-of-range value is reported alone; the cross-check does not add to it.
  CheckValues(r, {{"count", 7}, {"max_seconds", 20}}, p);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].field, "max_seconds");
  // Problems already in the list from elsewhere do not stop this rule's cross-check.
  p = {{"other", "x"}};
  CheckValues(r, {{"count", 7}, {"max_seconds", 120}}, p);
  EXPECT_EQ(p.size(), 2u);
}

// A rule may set its own defaults for the effects (a weekly rule is not reminded a month ahead);
// only a school rule judged per period has effects, and the default stays within their bounds.
TEST(RuleCatalog, ARuleSetsItsOwnEffectDefaults) {
  auto r = Sample();
  r.effect_defaults = {{"remind_first_days", 0}, {"remind_second_days", 1}};
  EXPECT_TRUE(CheckCatalog(std::vector<RuleDecl>{r}).empty());
  const auto d = Defaults(r);
  EXPECT_EQ(d.at("remind_first_days"), 0);
  EXPECT_EQ(d.at("remind_second_days"), 1);
  EXPECT_EQ(d.at("remind_missed"), 1);  // not set: the engine's
  EXPECT_EQ(EffectsOf(d).remind_first_days, 0);
  EXPECT_EQ(EffectsOf(Defaults(Sample())).remind_first_days, 30);
  r.effect_defaults = {{"remind_second_days", 61}};  // above its maximum of 60
  EXPECT_TRUE(
      Has(CheckCatalog(std::vector<RuleDecl>{r}), "drill.night_boarding.remind_second_days"));
  r.effect_defaults = {{"count", 3}};  // not an effect
  EXPECT_TRUE(Has(CheckCatalog(std::vector<RuleDecl>{r}), "drill.night_boarding.count"));
  r.effect_defaults = {{"remind_first_days", 0}};
  r.period = Period::kRecord;  // a record rule has no effects
  EXPECT_TRUE(
      Has(CheckCatalog(std::vector<RuleDecl>{r}), "drill.night_boarding.remind_first_days"));
}

TEST(RuleCatalog, ACatalogIsCheckedForEveryDefect) {
  EXPECT_TRUE(CheckCatalog(std::vector<RuleDecl>{Sample()}).empty());
  auto bad = Sample();
  bad.id = "nodot";
  EXPECT_TRUE(Has(CheckCatalog(std::vector<RuleDecl>{bad}), "nodot"));
  for (const char* id : {".x", "x.", "."}) {
    bad.id = id;
    EXPECT_FALSE(CheckCatalog(std::vector<RuleDecl>{bad}).empty()) << id;
  }
  EXPECT_FALSE(CheckCatalog(std::vector<RuleDecl>{Sample(), Sample()}).empty());
  for (int measure : {0, 22}) {
    bad = Sample();
    bad.measure = measure;
    EXPECT_FALSE(CheckCatalog(std::vector<RuleDecl>{bad}).empty()) << measure;
  }
  for (int measure : {1, 21}) {
    bad = Sample();
    bad.measure = measure;
    EXPECT_TRUE(CheckCatalog(std::vector<RuleDecl>{bad}).empty()) << measure;
  }
  bad = Sample();
  bad.title.clear();
  EXPECT_FALSE(CheckCatalog(std::vector<RuleDecl>{bad}).empty());
  bad = Sample();
  bad.source.clear();
  EXPECT_FALSE(CheckCatalog(std::vector<RuleDecl>{bad}).empty());
  bad = Sample();
  bad.subject.clear();
  EXPECT_FALSE(CheckCatalog(std::vector<RuleDecl>{bad}).empty());
  bad = Sample();
  bad.version = 0;
  EXPECT_FALSE(CheckCatalog(std::vector<RuleDecl>{bad}).empty());
  bad = Sample();
  bad.params.push_back(bad.params[0]);
  EXPECT_TRUE(Has(CheckCatalog(std::vector<RuleDecl>{bad}), "drill.night_boarding.count"));
  bad = Sample();
  bad.params[0].label.clear();
  EXPECT_TRUE(Has(CheckCatalog(std::vector<RuleDecl>{bad}), "drill.night_boarding.count"));
  bad = Sample();
  bad.params[0].default_value = 0;  // below min
  EXPECT_FALSE(CheckCatalog(std::vector<RuleDecl>{bad}).empty());
  bad.params[0].default_value = 13;  // above max
  EXPECT_FALSE(CheckCatalog(std::vector<RuleDecl>{bad}).empty());
  bad.params[0].default_value = 12;  // at max, but the cross-check fails on the defaults
  EXPECT_TRUE(Has(CheckCatalog(std::vector<RuleDecl>{bad}), "drill.night_boarding.count"));
  bad.params[0].default_value = 1;  // at min
  EXPECT_TRUE(CheckCatalog(std::vector<RuleDecl>{bad}).empty());
  bad = Sample();
  bad.params[1].default_value = 600;  // at max, and the cross-check holds
  EXPECT_TRUE(CheckCatalog(std::vector<RuleDecl>{bad}).empty());
  bad.params[1].default_value = 601;
  EXPECT_TRUE(Has(CheckCatalog(std::vector<RuleDecl>{bad}), "drill.night_boarding.max_seconds"));
  EXPECT_EQ(FindRule(std::vector<RuleDecl>{Sample()}, "drill.night_boarding")->measure, 13);
}

TEST(RuleCatalog, TheHazardLedgersRulesAreDeclared) {
  const auto rules = domain::hazard::RuleDecls();
  EXPECT_TRUE(CheckCatalog(rules).empty());
  ASSERT_EQ(rules.size(), 6u);
  for (const auto& r : rules) {
    EXPECT_EQ(r.measure, 8) << r.id;
    EXPECT_EQ(r.subject, "hazard") << r.id;
    EXPECT_EQ(r.period, Period::kRecord) << r.id;
  }
  // The declared defaults are the ledger's defaults.
  const auto stored = domain::hazard::RulesFromSettings({});
  EXPECT_EQ(Defaults(*FindRule(rules, "hazard.overdue")),
            (ParamValues{{"overdue_leader_days", stored.escalation.overdue_leader_days},
                         {"overdue_bureau_days", stored.escalation.overdue_bureau_days}}));
  EXPECT_EQ(Defaults(*FindRule(rules, "hazard.deadline")),
            (ParamValues{{"general_days", stored.deadlines.general_days},
                         {"major_days", stored.deadlines.major_days}}));
  // The bureau's step may not come before the leader's, in the engine as in the settings.
  std::vector<ErrorDetail> p;
  CheckValues(*FindRule(rules, "hazard.overdue"),
              {{"overdue_leader_days", 5}, {"overdue_bureau_days", 4}}, p);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].field, "overdue_bureau_days");
  p.clear();
  CheckValues(*FindRule(rules, "hazard.overdue"),
              {{"overdue_leader_days", 5}, {"overdue_bureau_days", 5}}, p);
  EXPECT_TRUE(p.empty());
}

TEST(RulePeriods, TheKeyOfADayOnTheSchoolCalendar) {
  cal::PublicCalendar h;
  h.Add({2026,
         "2026",
         "",
         {{"国庆节", D("2026-10-01"), D("2026-10-07"), {D("2026-09-20"), D("2026-10-10")}}},
         "",
         ""});
  const cal::SchoolCalendar school(h,
                                   {{1, 2025, 2, D("2026-03-02"), D("2026-07-10")},
                                    {1, 2026, 1, D("2026-09-01"), D("2027-01-22")}},
                                   {});
  EXPECT_EQ(PeriodKey(Period::kRecord, D("2026-10-10"), school), "");
  EXPECT_EQ(PeriodKey(Period::kDay, D("2026-10-10"), school), "2026-10-10");
  // The make-up Sunday opens the school week of Monday 21 September.
  EXPECT_EQ(PeriodKey(Period::kWeek, D("2026-09-20"), school), "W2026-09-21");
  EXPECT_EQ(PeriodKey(Period::kWeek, D("2026-10-10"), school), "W2026-10-05");
  EXPECT_EQ(PeriodKey(Period::kMonth, D("2026-10-31"), school), "2026-10");
  for (const auto& [day, quarter] :
       std::vector<std::pair<const char*, const char*>>{{"2026-01-01", "2026-Q1"},
                                                        {"2026-03-31", "2026-Q1"},
                                                        {"2026-04-01", "2026-Q2"},
                                                        {"2026-06-30", "2026-Q2"},
                                                        {"2026-07-01", "2026-Q3"},
                                                        {"2026-09-30", "2026-Q3"},
                                                        {"2026-10-01", "2026-Q4"},
                                                        {"2026-12-31", "2026-Q4"}}) {
    EXPECT_EQ(PeriodKey(Period::kQuarter, D(day), school), quarter) << day;
  }
  EXPECT_EQ(PeriodKey(Period::kSemester, D("2026-03-02"), school), "2025-2");
  EXPECT_EQ(PeriodKey(Period::kSemester, D("2026-07-10"), school), "2025-2");
  EXPECT_EQ(PeriodKey(Period::kSemester, D("2026-07-11"), school), "");
  EXPECT_EQ(PeriodKey(Period::kSemester, D("2027-01-22"), school), "2026-1");
  EXPECT_EQ(PeriodKey(Period::kYear, D("2027-01-22"), school), "2027");
  EXPECT_EQ(PeriodCode(Period::kSemester), "semester");
  EXPECT_EQ(PeriodLabel(Period::kMonth), "每个教学月");
  for (const auto p : {Period::kRecord, Period::kDay, Period::kWeek, Period::kMonth,
                       Period::kQuarter, Period::kSemester, Period::kYear}) {
    EXPECT_FALSE(PeriodCode(p).empty());
    EXPECT_FALSE(PeriodLabel(p).empty());
  }
}

// ---- The plan for a year --------------------------------------------------------------------
namespace plan = domain::plan;

plan::YearPlan SmallPlan() {
  plan::YearPlan p;
  p.year = 2026;
  p.title = "工作要点";
  p.actions = {{1, "演练", {{13, "消防演练", {"drill.fire_semester"}}, {19, "防暴恐", {}}}},
               {2, "隐患", {{7, "清零", {"hazard.overdue"}}}}};
  return p;
}

bool KnownRule(std::string_view id) {
  return id.starts_with("drill.") || id.starts_with("hazard.");
}

std::string FirstField(const std::vector<ErrorDetail>& e) { return e.empty() ? "" : e[0].field; }

TEST(YearPlan, ShippedPlanHasTheEightActionsAndTwentyOneMeasures) {
  plan::YearPlan p;
  p.title = plan::kShippedTitle;
  p.actions = plan::DefaultPlan();
  EXPECT_TRUE(plan::ValidatePlan(p, KnownRule).empty());
  int n = 0;
  for (const auto& a : p.actions) {
    for (const auto& m : a.measures) EXPECT_EQ(m.number, ++n);
  }
  EXPECT_EQ(n, 21);
  EXPECT_EQ(p.actions.size(), 8u);
}

TEST(YearPlan, ChecksNumbersTitlesAndRules) {
  EXPECT_TRUE(plan::ValidatePlan(SmallPlan(), KnownRule).empty());
  auto p = SmallPlan();
  p.title = "";
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "title");
  p.title = std::string(100, 'x');
  EXPECT_TRUE(plan::ValidatePlan(p, KnownRule).empty());
  p.title += "x";
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "title");
  p = SmallPlan();
  p.actions.clear();
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions");
  p = SmallPlan();
  p.actions[1].number = 1;
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[1].number");
  for (const int bad : {0, 100}) {
    p.actions[1].number = bad;
    EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[1].number") << bad;
  }
  for (const int good : {2, 99}) {
    p.actions[1].number = good;
    EXPECT_TRUE(plan::ValidatePlan(p, KnownRule).empty()) << good;
  }
  p = SmallPlan();
  p.actions[1].title = "";
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[1].title");
  p = SmallPlan();
  p.actions[1].measures.clear();
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[1].measures");
  p = SmallPlan();
  p.actions[1].measures[0].number = 13;  // the same number in another action
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[1].measures[0].number");
  for (const int bad : {0, 1000}) {
    p.actions[1].measures[0].number = bad;
    EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[1].measures[0].number");
  }
  for (const int good : {1, 999}) {
    p.actions[1].measures[0].number = good;
    EXPECT_TRUE(plan::ValidatePlan(p, KnownRule).empty()) << good;
  }
  p = SmallPlan();
  p.actions[0].measures[1].title = "";
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[0].measures[1].title");
  p = SmallPlan();
  p.actions[0].measures[0].rules = {"drill.fire_semester", "calendar.x"};
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[0].measures[0].rules[1]");
  p.actions[0].measures[0].rules = {"drill.fire_semester", "drill.fire_semester"};
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[0].measures[0].rules[1]");
  p.actions[0].measures[0].rules.assign(plan::kMaxRulesPerMeasure, "drill.x");
  for (std::size_t i = 0; i < plan::kMaxRulesPerMeasure; ++i) {
    p.actions[0].measures[0].rules[i] += std::to_string(i);
  }
  EXPECT_TRUE(plan::ValidatePlan(p, KnownRule).empty());
  p.actions[0].measures[0].rules.push_back("drill.more");
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[0].measures[0].rules");
  // At most 30 actions and 200 measures in the plan.
  p = SmallPlan();
  p.actions.clear();
  int number = 0;
  for (int a = 1; a <= 30; ++a) {  // 20 actions of 7 measures and 10 of 6: 200
    p.actions.push_back({a, "行动", {}});
    for (int m = 0; m < (a <= 20 ? 7 : 6); ++m) {
      p.actions.back().measures.push_back({++number, "措施", {}});
    }
  }
  EXPECT_TRUE(plan::ValidatePlan(p, KnownRule).empty());
  p.actions.back().measures.push_back({999, "措施", {}});
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions[29].measures[6]");
  p.actions.back().measures.pop_back();
  EXPECT_TRUE(plan::ValidatePlan(p, KnownRule).empty());
  p.actions.push_back({31, "行动", {{998, "措施", {}}}});
  EXPECT_EQ(FirstField(plan::ValidatePlan(p, KnownRule)), "actions");
}

TEST(YearPlan, RowsGroupIntoActionsAndProblemsLandOnTheirRow) {
  const std::vector<plan::PlanRow> rows = {
      {2, "1", "演练", "13", "消防演练", "drill.fire_semester、drill.monthly"},
      {3, "1", "", "19", "防暴恐", ""},
      {4, "", "", "", "", ""},
      {5, "2", "隐患", "7", "清零", "hazard.overdue，hazard.repeat ;hazard.missed"},
      {6, "1", "演练", "21", "教育", "drill.x"},
  };
  auto parsed = plan::PlanFromRows(rows);
  EXPECT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.actions.size(), 2u);
  EXPECT_EQ(parsed.actions[0].measures.size(), 3u);  // row 6 joins action 1
  EXPECT_EQ(parsed.rows_of[0], (std::vector<int>{2, 3, 6}));
  EXPECT_EQ(parsed.rows_of[1], (std::vector<int>{5}));
  EXPECT_EQ(parsed.actions[0].measures[0].rules,
            (std::vector<std::string>{"drill.fire_semester", "drill.monthly"}));
  EXPECT_EQ(parsed.actions[1].measures[0].rules,
            (std::vector<std::string>{"hazard.overdue", "hazard.repeat", "hazard.missed"}));
  // Problems found by the check move onto the row and column.
  const auto at = [&](const std::string& field) {
    const auto e = plan::RowErrorOf({field, "x"}, parsed);
    return std::to_string(e.row) + " " + e.field;
  };
  EXPECT_EQ(at("actions[0].measures[2].rules[0]"), "6 规则编号");
  EXPECT_EQ(at("actions[0].measures[1].number"), "3 措施序号");
  EXPECT_EQ(at("actions[0].measures[1].title"), "3 措施");
  EXPECT_EQ(at("actions[1].number"), "5 行动序号");
  EXPECT_EQ(at("actions[1].title"), "5 行动");
  EXPECT_EQ(at("actions[1].measures"), "5 行动");
  EXPECT_EQ(at("title"), "0 title");
  EXPECT_EQ(at("actions"), "0 行动");
  // Row problems: numbers that are not, an action whose title changes.
  auto bad = plan::PlanFromRows({{2, "一", "演练", "13", "消防", ""},
                                 {3, "1", "演练", "x", "消防", ""},
                                 {4, "1", "别的", "14", "交通", ""}});
  ASSERT_EQ(bad.errors.size(), 3u);
  EXPECT_EQ(bad.errors[0].row, 2);
  EXPECT_EQ(bad.errors[0].field, "行动序号");
  EXPECT_EQ(bad.errors[1].row, 3);
  EXPECT_EQ(bad.errors[1].field, "措施序号");
  EXPECT_EQ(bad.errors[2].row, 4);
  EXPECT_EQ(bad.errors[2].field, "行动");
  EXPECT_NE(bad.errors[2].reason.find("第 3 行"), std::string::npos);
}

// The edges of reading rows: numbers with anything after them or too large, rows with one cell
// blank, and problems whose path names an action or measure the rows do not have.
TEST(YearPlan, RowEdges) {
  auto parsed = plan::PlanFromRows({{2, "1", "演练", "13a", "消防", ""},
                                    {3, "1", "演练", "99999999999", "交通", ""},
                                    {4, "", "演练", "14", "交通", ""},
                                    {5, "1", "", "", "交通", ""},
                                    {6, "1", "演练", "15", "", ""},
                                    {7, "", "", "", "", "drill.x"}});
  std::vector<std::string> got;
  for (const auto& e : parsed.errors) got.push_back(std::to_string(e.row) + " " + e.field);
  EXPECT_EQ(got, (std::vector<std::string>{"2 措施序号", "3 措施序号", "4 行动序号", "5 措施序号",
                                           "7 行动序号"}));
  // Row 6 is read (its blank title is the check's to refuse).
  ASSERT_EQ(parsed.actions.size(), 1u);
  EXPECT_EQ(parsed.rows_of[0], (std::vector<int>{2, 3, 5, 6}));
  // Paths outside the rows fall back to the action's first row, or to no row.
  plan::ParsedPlan two;
  two.rows_of = {{2, 3, 4}, {}};
  const auto at = [&](const std::string& field) {
    const auto e = plan::RowErrorOf({field, "x"}, two);
    return std::to_string(e.row) + " " + e.field;
  };
  EXPECT_EQ(at("actions[0].measures[2].title"), "4 措施");
  EXPECT_EQ(at("actions[0].measures[3].title"), "2 措施");  // no such measure: the first row
  EXPECT_EQ(at("actions[1].title"), "0 行动");              // an action without rows
  EXPECT_EQ(at("actions[2].title"), "0 行动");              // past the last action
  EXPECT_EQ(at("actions[x].title"), "0 行动");
  EXPECT_EQ(at("actions[-1].title"), "0 行动");
  // More than 30 actions: only the count is reported, not the actions past the 30th.
  plan::YearPlan many;
  many.title = "要点";
  for (int a = 1; a <= 31; ++a) many.actions.push_back({a, "行动", {{a, "措施", {}}}});
  many.actions.back().title = "";
  const auto errors = plan::ValidatePlan(many, KnownRule);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "actions");
}

TEST(YearPlan, RuleIdsSplitOnEverySeparatorAndJoinWithTheEnumerationComma) {
  EXPECT_EQ(plan::SplitRuleIds(" a、b，c;d；e,f  g\th\n"),
            (std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h"}));
  EXPECT_TRUE(plan::SplitRuleIds("、 ,").empty());
  EXPECT_EQ(plan::JoinRuleIds({"a", "b"}), "a、b");
  EXPECT_EQ(plan::JoinRuleIds({}), "");
  EXPECT_EQ(plan::SplitRuleIds(plan::JoinRuleIds({"drill.x", "hazard.y"})),
            (std::vector<std::string>{"drill.x", "hazard.y"}));
}

}  // namespace
}  // namespace xiaoan
