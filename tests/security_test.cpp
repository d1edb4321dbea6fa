// The security indicators (四个100%) at their edges: guards for the school's size on each side of
// every threshold and with both roundings, a guard's age on the exact day (and a 29 February
// birthday), an alarm tested exactly `test_days` ago, video kept exactly the days required and a
// fault on its last day to be fixed, both peaks of 护学岗, patrol rounds, the four indicators and
// the district's rates.
#include <gtest/gtest.h>

#include "domain/security/indicators.hpp"

namespace xiaoan::domain::security {
namespace {

using calendar::Date;
using rules::Outcome;
using rules::ParamValues;

Date D(const char* text) { return *calendar::ParseDate(text); }

const rules::RuleDecl& Rule(std::string_view id) {
  const auto* r = rules::FindRule(RuleDecls(), id);
  EXPECT_NE(r, nullptr) << id;
  return *r;
}

ParamValues Guards(std::map<std::string, int> changes = {}) {
  auto v = rules::Defaults(Rule("security.guards"));
  for (const auto& [k, n] : changes) v[k] = n;
  return v;
}

// A school that meets every rule on 2026-12-05.
SchoolSecurity Compliant() {
  SchoolSecurity s;
  s.students = 420;
  s.staff = 40;
  s.has_canteen = true;
  s.guards = {{1, "张保安", true, "鄂保证2019001", D("1970-03-01")},
              {2, "李保安", true, "鄂保证2020002", D("1975-06-01")}};
  s.perimeter = s.gate_controlled = s.visitor_register = s.gate_house_staffed = true;
  s.alarms = {{7, "门卫室", true, true, D("2026-11-20")}};
  s.video.areas = {"gate", "outside_gate", "teaching", "gathering", "canteen_kitchen"};
  s.video.retention_days = 30;
  s.posts = {{3, "南门", "morning", 2}, {4, "南门", "afternoon", 2}};
  s.patrols_per_day = 5;
  return s;
}

Outcome OutcomeOf(const SchoolSecurity& s, std::string_view id, const Date today = D("2026-12-05"),
                  const std::map<std::string, ParamValues>& values = {}) {
  for (const auto& f : JudgeSchool(s, values, today)) {
    if (f.rule->id == id) return f.verdict.outcome;
  }
  ADD_FAILURE() << "not judged: " << id;
  return Outcome::kNotApplicable;
}

TEST(SecurityRules, TheCatalogIsWellFormedAndChecksItsThresholds) {
  EXPECT_TRUE(rules::CheckCatalog(RuleDecls()).empty());
  EXPECT_EQ(RuleDecls().size(), 7u);
  for (const auto& r : RuleDecls()) EXPECT_EQ(r.measure, 4) << r.id;
  std::vector<ErrorDetail> problems;
  rules::CheckValues(Rule("security.guards"), {{"small_below", 500}, {"medium_max", 500}},
                     problems);
  EXPECT_TRUE(problems.empty());  // equal is allowed
  rules::CheckValues(Rule("security.guards"), {{"small_below", 501}, {"medium_max", 500}},
                     problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "medium_max");
  problems.clear();
  rules::CheckValues(Rule("security.guards"), {{"min_small", 2}, {"min_medium", 2}}, problems);
  EXPECT_TRUE(problems.empty());
  rules::CheckValues(Rule("security.guards"), {{"min_small", 3}, {"min_medium", 2}}, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "min_medium");
}

TEST(SecurityRules, GuardsNeededAtEachThreshold) {
  const auto v = Guards();
  EXPECT_EQ(RequiredGuards(0, 0, v), 1);
  EXPECT_EQ(RequiredGuards(99, 0, v), 1);
  EXPECT_EQ(RequiredGuards(100, 0, v), 2);
  EXPECT_EQ(RequiredGuards(1000, 0, v), 2);
  EXPECT_EQ(RequiredGuards(1001, 0, v), 3);  // a part of 500 counts whole
  EXPECT_EQ(RequiredGuards(1500, 0, v), 3);
  EXPECT_EQ(RequiredGuards(1501, 0, v), 4);
  EXPECT_EQ(RequiredGuards(2000, 0, v), 4);
  EXPECT_EQ(RequiredGuards(2001, 0, v), 5);
  // Rounded down: only whole 500s beyond 1000 count.
  const auto down = Guards({{"round_up", 0}});
  EXPECT_EQ(RequiredGuards(1001, 0, down), 2);
  EXPECT_EQ(RequiredGuards(1499, 0, down), 2);
  EXPECT_EQ(RequiredGuards(1500, 0, down), 3);
  // Boarders are not counted unless the district says so; then a part of 200 counts whole.
  EXPECT_EQ(RequiredGuards(500, 600, v), 2);
  const auto boarding = Guards({{"boarders_per_guard", 200}});
  EXPECT_EQ(RequiredGuards(500, 0, boarding), 2);
  EXPECT_EQ(RequiredGuards(500, 1, boarding), 3);
  EXPECT_EQ(RequiredGuards(500, 200, boarding), 3);
  EXPECT_EQ(RequiredGuards(500, 201, boarding), 4);
  // Other thresholds.
  const auto local = Guards({{"small_below", 200},
                             {"min_small", 2},
                             {"medium_max", 800},
                             {"min_medium", 3},
                             {"extra_per", 400}});
  EXPECT_EQ(RequiredGuards(199, 0, local), 2);
  EXPECT_EQ(RequiredGuards(200, 0, local), 3);
  EXPECT_EQ(RequiredGuards(800, 0, local), 3);
  EXPECT_EQ(RequiredGuards(801, 0, local), 4);
  EXPECT_EQ(RequiredGuards(1200, 0, local), 4);
  EXPECT_EQ(RequiredGuards(1201, 0, local), 5);
}

TEST(SecurityRules, OnlyFullTimeGuardsCount) {
  auto s = Compliant();  // 460 people: 2 needed
  EXPECT_EQ(OutcomeOf(s, "security.guards"), Outcome::kPass);
  s.guards[1].full_time = false;
  EXPECT_EQ(OutcomeOf(s, "security.guards"), Outcome::kFail);
  s.guards[1].full_time = true;
  s.students = 1001 - s.staff;  // 1001 people: 3 needed
  const auto findings = JudgeSchool(s, {}, D("2026-12-05"));
  EXPECT_EQ(findings[0].verdict.outcome, Outcome::kFail);
  EXPECT_EQ(findings[0].verdict.reason, "师生 1001 人，应配专职保安 3 名，现有 2 名，缺 1 名");
  EXPECT_EQ(findings[0].verdict.evidence, (std::vector<std::int64_t>{1, 2}));
  // Boarders count when the district configures it, and only at a boarding school.
  s = Compliant();
  s.boarders = 150;
  const std::map<std::string, ParamValues> per200 = {
      {"security.guards", {{"boarders_per_guard", 200}}}};
  EXPECT_EQ(OutcomeOf(s, "security.guards", D("2026-12-05"), per200), Outcome::kPass);
  s.boarding = true;
  EXPECT_EQ(OutcomeOf(s, "security.guards", D("2026-12-05"), per200), Outcome::kFail);
}

TEST(SecurityRules, AgeOnTheExactDay) {
  EXPECT_EQ(AgeOn(D("1966-12-05"), D("2026-12-04")), 59);
  EXPECT_EQ(AgeOn(D("1966-12-05"), D("2026-12-05")), 60);
  EXPECT_EQ(AgeOn(D("1966-12-05"), D("2026-12-06")), 60);
  EXPECT_EQ(AgeOn(D("1966-11-30"), D("2026-12-01")), 60);  // a later month, an earlier day
  EXPECT_EQ(AgeOn(D("1966-12-31"), D("2026-01-01")), 59);  // an earlier month, a later day
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2026-02-28")), 17);
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2026-03-01")), 18);
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2028-02-29")), 20);
}

TEST(SecurityRules, GuardsHoldALicenceAndAreNotOverAge) {
  auto s = Compliant();
  s.guards[0].birth_date = D("1965-12-06");  // 60 until tomorrow
  EXPECT_EQ(OutcomeOf(s, "security.guard_license"), Outcome::kPass);
  EXPECT_EQ(OutcomeOf(s, "security.guard_license", D("2026-12-06")), Outcome::kFail);
  const auto findings = JudgeSchool(s, {}, D("2026-12-06"));
  EXPECT_EQ(findings[1].verdict.reason, "张保安已满 61 岁");
  EXPECT_EQ(findings[1].verdict.evidence, std::vector<std::int64_t>{1});
  // No age limit.
  EXPECT_EQ(OutcomeOf(s, "security.guard_license", D("2026-12-06"),
                      {{"security.guard_license", {{"max_age", 0}}}}),
            Outcome::kPass);
  // A guard without a licence; no guards at all.
  s = Compliant();
  s.guards[1].license_no.clear();
  EXPECT_EQ(OutcomeOf(s, "security.guard_license"), Outcome::kFail);
  s.guards.clear();
  EXPECT_EQ(OutcomeOf(s, "security.guard_license"), Outcome::kFail);
}

TEST(SecurityRules, ClosedCampusNeedsAllFour) {
  for (bool SchoolSecurity::*part :
       {&SchoolSecurity::perimeter, &SchoolSecurity::gate_controlled,
        &SchoolSecurity::visitor_register, &SchoolSecurity::gate_house_staffed}) {
    auto s = Compliant();
    EXPECT_EQ(OutcomeOf(s, "security.closed_campus"), Outcome::kPass);
    s.*part = false;
    EXPECT_EQ(OutcomeOf(s, "security.closed_campus"), Outcome::kFail);
  }
}

TEST(SecurityRules, AlarmLinkedAndTestedWithinTheDays) {
  auto s = Compliant();
  s.alarms[0].last_test = D("2026-11-04");  // 31 days before
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kPass);
  s.alarms[0].last_test = D("2026-11-03");  // 32
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kFail);
  EXPECT_EQ(
      OutcomeOf(s, "security.alarm", D("2026-12-05"), {{"security.alarm", {{"test_days", 32}}}}),
      Outcome::kPass);
  s = Compliant();
  s.alarms[0].last_test.reset();
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kFail);
  s = Compliant();
  s.alarms[0].linked_110 = false;
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kFail);
  // The bureau link only when required.
  s = Compliant();
  s.alarms[0].linked_bureau = false;
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kPass);
  const std::map<std::string, ParamValues> bureau = {{"security.alarm", {{"require_bureau", 1}}}};
  EXPECT_EQ(OutcomeOf(s, "security.alarm", D("2026-12-05"), bureau), Outcome::kFail);
  s.alarms.push_back({8, "教学楼", true, true, D("2026-12-01")});
  const auto findings = JudgeSchool(s, bureau, D("2026-12-05"));
  EXPECT_EQ(findings[3].verdict.reason, "门卫室未联通教育局");
  EXPECT_EQ(findings[3].verdict.evidence, std::vector<std::int64_t>{7});
  s.alarms.clear();
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kFail);
}

TEST(SecurityRules, VideoCoversTheAreasKeepsTheDaysAndIsRepairedInTime) {
  auto s = Compliant();
  s.video.retention_days = 29;
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kFail);
  s = Compliant();
  s.video.open_fault_since = D("2026-12-04");  // one day: still within fix_days
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kPass);
  s.video.open_fault_since = D("2026-12-03");
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kFail);
  // A boarding school's dormitory entrance; a kitchen only where there is a canteen.
  s = Compliant();
  s.boarding = true;
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kFail);
  s.video.areas.push_back("dormitory_entrance");
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kPass);
  s = Compliant();
  std::erase(s.video.areas, "canteen_kitchen");
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kFail);
  s.has_canteen = false;
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kPass);
  std::erase(s.video.areas, "outside_gate");
  const auto findings = JudgeSchool(s, {}, D("2026-12-05"));
  EXPECT_EQ(findings[4].verdict.reason, "未覆盖校门外");
}

TEST(SecurityRules, GateDutyAtBothPeaksWithEnoughPeople) {
  auto s = Compliant();
  EXPECT_EQ(OutcomeOf(s, "security.gate_duty"), Outcome::kPass);
  EXPECT_EQ(OutcomeOf(s, "security.gate_duty", D("2026-12-05"),
                      {{"security.gate_duty", {{"min_people", 2}}}}),
            Outcome::kPass);
  EXPECT_EQ(OutcomeOf(s, "security.gate_duty", D("2026-12-05"),
                      {{"security.gate_duty", {{"min_people", 3}}}}),
            Outcome::kFail);
  s.posts.pop_back();
  EXPECT_EQ(OutcomeOf(s, "security.gate_duty"), Outcome::kFail);
  const auto findings = JudgeSchool(s, {}, D("2026-12-05"));
  EXPECT_EQ(findings[5].verdict.reason, "放学高峰没有满员的护学岗");
}

TEST(SecurityRules, PatrolRoundsADay) {
  auto s = Compliant();
  EXPECT_EQ(OutcomeOf(s, "security.patrol"), Outcome::kPass);
  s.patrols_per_day = 4;
  EXPECT_EQ(OutcomeOf(s, "security.patrol"), Outcome::kFail);
}

TEST(SecurityRules, TheFourIndicatorsAndTheDistrictRates) {
  const auto ok = JudgeSchool(Compliant(), {}, D("2026-12-05"));
  EXPECT_TRUE(IndicatorsOf(ok).All());
  auto s = Compliant();
  s.patrols_per_day = 1;  // the guards' indicator
  auto i1 = IndicatorsOf(JudgeSchool(s, {}, D("2026-12-05")));
  EXPECT_FALSE(i1.guards);
  EXPECT_TRUE(i1.closed_campus && i1.alarm_video && i1.gate_duty);
  s = Compliant();
  s.video.retention_days = 7;
  s.posts.clear();
  auto i2 = IndicatorsOf(JudgeSchool(s, {}, D("2026-12-05")));
  EXPECT_TRUE(i2.guards && i2.closed_campus);
  EXPECT_FALSE(i2.alarm_video);
  EXPECT_FALSE(i2.gate_duty);
  const std::vector<Indicators> district = {IndicatorsOf(ok), i1, i2};
  const auto r = RatesOf(district);
  EXPECT_EQ(r.all.compliant, 1);
  EXPECT_EQ(r.all.screened, 3);
  EXPECT_EQ(r.all.permille(), 333);
  EXPECT_EQ(r.guards.permille(), 666);  // two of three, rounded down
  EXPECT_EQ(r.closed_campus.permille(), 1000);
  EXPECT_EQ(r.alarm_video.compliant, 2);
  EXPECT_EQ(r.gate_duty.compliant, 2);
  EXPECT_EQ(RatesOf({}).all.permille(), 0);
}

}  // namespace
}  // namespace xiaoan::domain::security
