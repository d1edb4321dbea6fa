// 应急处置: what a school enters (each problem naming its field), the phones that reach a person,
// the day a plan must be revised (month ends), and the rules emergency.command, emergency.unit
// and emergency.plan at their edges: one person short of a group, a phone that does not reach,
// a plan revised exactly review_months ago, a warning on the first day of its window.
#include <gtest/gtest.h>

#include "domain/emergency/emergency.hpp"
#include "domain/emergency/people_sheet.hpp"

namespace xiaoan::domain::emergency {
namespace {

using rules::Outcome;

calendar::Date D(const char* s) { return *calendar::ParseDate(s); }

Member M(const char* role, const char* name, const char* phone = "13905710001") {
  return {role, name, "", phone};
}

// A setup that meets every rule at its defaults.
EmergencySetup Complete() {
  EmergencySetup e;
  e.unit_id = 7;
  e.unit_name = "示范区双桥小学";
  e.version = 1;
  e.command = {M("commander", "王校长"), M("evacuation", "李老师"), M("rescue", "赵主任"),
               M("communication", "陈老师"), M("logistics", "刘主任")};
  e.unit = {M("guard", "张保安"), M("staff", "周老师"), M("staff", "吴老师"),
            M("volunteer", "黄店主", "0571-87654321")};
  e.plans = {{"综合应急预案", "overall", "2026-03-02", std::nullopt, ""}};
  return e;
}

rules::ParamValues Values(const rules::RuleDecl& r) { return rules::Defaults(r); }

bool Names(const std::vector<ErrorDetail>& problems, const std::string& field) {
  for (const auto& p : problems) {
    if (p.field == field) return true;
  }
  return false;
}

TEST(EmergencyPhones, MobileAndFixedLines) {
  EXPECT_TRUE(IsReachablePhone("13905710001"));
  EXPECT_TRUE(IsReachablePhone("0571-87654321"));
  EXPECT_TRUE(IsReachablePhone("010-1234567"));
  EXPECT_TRUE(IsReachablePhone("057187654321"));  // area code without the dash, 12 digits
  EXPECT_TRUE(IsReachablePhone("0101234567"));    // 10 digits
  EXPECT_TRUE(IsReachablePhone("87654321"));
  EXPECT_TRUE(IsReachablePhone("7654321"));
  EXPECT_FALSE(IsReachablePhone(""));
  EXPECT_FALSE(IsReachablePhone("12345"));
  EXPECT_FALSE(IsReachablePhone("654321"));          // six digits
  EXPECT_FALSE(IsReachablePhone("987654321"));       // nine digits
  EXPECT_FALSE(IsReachablePhone("07654321"));        // a local number does not start with 0
  EXPECT_FALSE(IsReachablePhone("12905710001"));     // second digit 2: not a mobile
  EXPECT_FALSE(IsReachablePhone("010123456"));       // 9 digits with its area code
  EXPECT_FALSE(IsReachablePhone("0571876543210"));   // 13
  EXPECT_FALSE(IsReachablePhone("05-87654321"));     // area code of 2
  EXPECT_FALSE(IsReachablePhone("05711-87654321"));  // area code of 5
  EXPECT_FALSE(IsReachablePhone("571-87654321"));    // area code without its 0
  EXPECT_FALSE(IsReachablePhone("0571-0765432"));    // local part starting with 0
  EXPECT_FALSE(IsReachablePhone("0571-876543"));     // local part of 6
  EXPECT_FALSE(IsReachablePhone("0571-876543210"));  // local part of 9
  EXPECT_FALSE(IsReachablePhone("0a71-87654321"));
  EXPECT_FALSE(IsReachablePhone("0571-8765432a"));
  EXPECT_FALSE(IsReachablePhone("05718765432a"));
}

TEST(EmergencySetupCheck, NamesEachField) {
  auto e = Complete();
  const auto today = D("2026-12-07");
  EXPECT_TRUE(CheckSetup(e, today).empty());
  e.command.push_back({"chief", "某某", "", ""});
  e.unit.push_back({"volunteer", "", "", "12345"});
  e.unit.push_back(M("guard", "张保安"));  // twice in one role
  e.duty_phone = "110abc";
  e.plans.push_back({"", "drill", "2026-12-08", std::nullopt, ""});
  e.plans.push_back({"现场处置方案", "onsite", "2026/03/01", std::nullopt, ""});
  const auto p = CheckSetup(e, today);
  EXPECT_TRUE(Names(p, "command[5].role"));
  EXPECT_TRUE(Names(p, "unit[4].name"));
  EXPECT_TRUE(Names(p, "unit[4].phone"));
  EXPECT_TRUE(Names(p, "unit[5].name"));
  EXPECT_FALSE(Names(p, "unit[5].phone"));
  EXPECT_TRUE(Names(p, "duty_phone"));
  EXPECT_TRUE(Names(p, "plans[1].title"));
  EXPECT_TRUE(Names(p, "plans[1].kind"));
  EXPECT_TRUE(Names(p, "plans[1].revised_on"));  // tomorrow
  EXPECT_TRUE(Names(p, "plans[2].revised_on"));
  EXPECT_FALSE(Names(p, "plans[0].revised_on"));
  EXPECT_EQ(p.size(), 9u);
}

TEST(EmergencySetupCheck, TodayIsAllowedAndTheSameNameInTwoRoles) {
  auto e = Complete();
  e.plans[0].revised_on = "2026-12-07";
  e.unit.push_back(M("staff", "王校长"));  // also the commander
  EXPECT_TRUE(CheckSetup(e, D("2026-12-07")).empty());
}

TEST(EmergencySetupCheck, Lengths) {
  auto e = Complete();
  e.command[0].name = std::string(kMaxNameChars, 'a');
  e.command[0].post = std::string(kMaxPostChars, 'b');
  e.gathering_point = std::string(kMaxTextChars, 'c');
  e.duty_phone = "0571-87654321";
  EXPECT_TRUE(CheckSetup(e, D("2026-12-07")).empty());
  e.command[0].name += "a";
  e.command[0].post += "b";
  e.gathering_point += "c";
  e.hospital = "\x01";
  e.police_station = std::string(kMaxTextChars + 1, 'd');
  const auto p = CheckSetup(e, D("2026-12-07"));
  EXPECT_TRUE(Names(p, "command[0].name"));
  EXPECT_TRUE(Names(p, "command[0].post"));
  EXPECT_TRUE(Names(p, "gathering_point"));
  EXPECT_TRUE(Names(p, "hospital"));
  EXPECT_TRUE(Names(p, "police_station"));
  EXPECT_EQ(p.size(), 5u);
  // A phone with anything around its digits is refused.
  e = Complete();
  e.unit[0].phone = "0571-87654321 ";
  EXPECT_TRUE(Names(CheckSetup(e, D("2026-12-07")), "unit[0].phone"));
}

TEST(EmergencySetupCheck, Counts) {
  auto e = Complete();
  e.unit.clear();
  for (std::size_t i = 0; i < kMaxPeople; ++i) {
    e.unit.push_back(M("staff", ("教师" + std::to_string(i)).c_str()));
  }
  e.plans.assign(kMaxPlans, {"预案", "special", "2026-03-02", std::nullopt, ""});
  EXPECT_TRUE(CheckSetup(e, D("2026-12-07")).empty());
  e.unit.push_back(M("staff", "多一人"));
  e.plans.push_back({"预案", "special", "2026-03-02", std::nullopt, ""});
  const auto p = CheckSetup(e, D("2026-12-07"));
  EXPECT_TRUE(Names(p, "unit"));
  EXPECT_TRUE(Names(p, "plans"));
  EXPECT_EQ(p.size(), 2u);
}

TEST(EmergencySetupCheck, OneFileForOnePlan) {
  auto e = Complete();
  e.plans[0].file_id = 5;
  e.plans.push_back({"火灾现场处置方案", "onsite", "2026-03-02", 6, ""});
  EXPECT_TRUE(CheckSetup(e, D("2026-12-07")).empty());
  e.plans.push_back({"踩踏现场处置方案", "onsite", "2026-03-02", 5, ""});
  const auto p = CheckSetup(e, D("2026-12-07"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].field, "plans[2].file_id");
}

TEST(EmergencyLabels, Codes) {
  EXPECT_EQ(CommandRoleLabel("commander"), "总指挥");
  EXPECT_EQ(CommandRoleLabel("medical"), "医疗救护组");
  EXPECT_EQ(CommandRoleLabel("guard"), "");
  EXPECT_EQ(UnitRoleLabel("volunteer"), "周边商户志愿者");
  EXPECT_EQ(PlanKindLabel("onsite"), "现场处置方案");
  EXPECT_EQ(PlanKindLabel("x"), "");
  EXPECT_EQ(CommandRoles().size(), 7u);
  EXPECT_EQ(UnitRoles().size(), 3u);
  EXPECT_EQ(PlanKinds().size(), 3u);
}

TEST(EmergencyReview, MonthsLaterAtTheMonthsEnd) {
  PlanDoc p{"预案", "overall", "2026-03-02", std::nullopt, ""};
  EXPECT_EQ(ReviewBy(p, 12), D("2027-03-02"));
  p.revised_on = "2026-01-31";
  EXPECT_EQ(ReviewBy(p, 1), D("2026-02-28"));
  EXPECT_EQ(ReviewBy(p, 13), D("2027-02-28"));
  p.revised_on = "2027-08-31";
  EXPECT_EQ(ReviewBy(p, 6), D("2028-02-29"));
  p.revised_on = "2026-10-30";
  EXPECT_EQ(ReviewBy(p, 4), D("2027-02-28"));
  EXPECT_EQ(ReviewBy(p, 5), D("2027-03-30"));
  p.revised_on = "soon";
  EXPECT_EQ(ReviewBy(p, 12), std::nullopt);
}

TEST(EmergencyRules, Declared) {
  ASSERT_EQ(RuleDecls().size(), 3u);
  EXPECT_TRUE(rules::CheckCatalog(RuleDecls()).empty());
  for (const auto& r : RuleDecls()) {
    EXPECT_EQ(r.measure, 19);
    EXPECT_EQ(r.period, rules::Period::kMonth);
    EXPECT_EQ(r.subject, "school");
  }
  EXPECT_EQ(CommandRule().id, "emergency.command");
  EXPECT_EQ(UnitRule().id, "emergency.unit");
  EXPECT_EQ(PlanRule().id, "emergency.plan");
  // The unit's counts cannot all be 0.
  std::vector<ErrorDetail> problems;
  rules::CheckValues(UnitRule(), {{"min_guards", 0}, {"min_staff", 0}, {"min_volunteers", 0}},
                     problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "min_staff");
  problems.clear();
  rules::CheckValues(UnitRule(), {{"min_guards", 0}, {"min_staff", 0}, {"min_volunteers", 1}},
                     problems);
  EXPECT_TRUE(problems.empty());
}

TEST(EmergencyCommand, AtItsEdges) {
  const auto v = Values(CommandRule());
  EXPECT_EQ(JudgeCommand(std::nullopt, v).outcome, Outcome::kFail);
  EXPECT_EQ(JudgeCommand(std::nullopt, v).reason, "尚未建立应急指挥体系");
  auto unsaved = Complete();
  unsaved.version = 0;
  EXPECT_EQ(JudgeCommand(unsaved, v).outcome, Outcome::kFail);
  auto e = Complete();
  const auto pass = JudgeCommand(e, v);
  EXPECT_EQ(pass.outcome, Outcome::kPass);
  EXPECT_EQ(pass.reason,
            "总指挥已明确；疏散引导组 1 人，抢险救援组 1 人，通讯联络组 1 人，后勤保障组 1 人");
  EXPECT_EQ(pass.evidence, std::vector<std::int64_t>{7});
  // Two per group: one short in each.
  auto two = v;
  two["min_per_group"] = 2;
  const auto short_two = JudgeCommand(e, two);
  EXPECT_EQ(short_two.outcome, Outcome::kFail);
  EXPECT_NE(short_two.reason.find("疏散引导组 1 人，少于 2 人"), std::string::npos);
  EXPECT_NE(short_two.reason.find("后勤保障组 1 人，少于 2 人"), std::string::npos);
  e.command.push_back(M("evacuation", "孙老师"));
  e.command.push_back(M("rescue", "钱老师"));
  e.command.push_back(M("communication", "冯老师"));
  e.command.push_back(M("logistics", "朱老师"));
  EXPECT_EQ(JudgeCommand(e, two).outcome, Outcome::kPass);
  // A blank name does not count; a group left out fails alone.
  e = Complete();
  e.command[2].name = "　";
  const auto blank = JudgeCommand(e, v);
  EXPECT_EQ(blank.outcome, Outcome::kFail);
  EXPECT_EQ(blank.reason, "抢险救援组 0 人，少于 1 人");
  // The commander: named, then reachable.
  e = Complete();
  e.command[0].phone = "";
  EXPECT_EQ(JudgeCommand(e, v).reason, "总指挥无有效联系电话");
  e.command[0].role = "deputy";
  EXPECT_EQ(JudgeCommand(e, v).reason, "未明确总指挥");
  // A second commander with a phone is enough.
  e.command.push_back(M("commander", "副书记"));
  EXPECT_EQ(JudgeCommand(e, v).outcome, Outcome::kPass);
}

TEST(EmergencyUnit, AtItsEdges) {
  const auto v = Values(UnitRule());
  EXPECT_EQ(JudgeUnit(std::nullopt, v).reason, "尚未组建最小应急单元");
  auto e = Complete();
  const auto pass = JudgeUnit(e, v);
  EXPECT_EQ(pass.outcome, Outcome::kPass);
  EXPECT_EQ(pass.reason, "保安员 1 人，教职工 2 人，周边商户志愿者 1 人，均有联系电话");
  EXPECT_EQ(pass.evidence, std::vector<std::int64_t>{7});
  // One staff short.
  e.unit.erase(e.unit.begin() + 2);
  auto f = JudgeUnit(e, v);
  EXPECT_EQ(f.outcome, Outcome::kFail);
  EXPECT_EQ(f.reason, "教职工 1 人，少于 2 人");
  // No volunteer, and a guard without a phone.
  e = Complete();
  e.unit.pop_back();
  e.unit[0].phone = "12345";
  f = JudgeUnit(e, v);
  EXPECT_EQ(f.reason, "周边商户志愿者 0 人，少于 1 人；1 人无有效联系电话");
  // The counts follow the values: no volunteer asked.
  auto none = v;
  none["min_volunteers"] = 0;
  e = Complete();
  e.unit.pop_back();
  EXPECT_EQ(JudgeUnit(e, none).outcome, Outcome::kPass);
  auto three = v;
  three["min_guards"] = 2;
  EXPECT_EQ(JudgeUnit(Complete(), three).reason, "保安员 1 人，少于 2 人");
  // A person of another list's role is not counted.
  e = Complete();
  e.unit[0].role = "commander";
  EXPECT_EQ(JudgeUnit(e, v).reason, "保安员 0 人，少于 1 人");
}

TEST(EmergencyPlans, AtTheirEdges) {
  const auto v = Values(PlanRule());  // 12 months, warn 30 days
  const auto e = Complete();          // revised 2026-03-02: due 2027-03-02
  EXPECT_EQ(JudgePlans(std::nullopt, v, D("2026-12-07")).reason, "尚未登记应急预案");
  auto empty = Complete();
  empty.plans.clear();
  EXPECT_EQ(JudgePlans(empty, v, D("2026-12-07")).outcome, Outcome::kFail);
  const auto pass = JudgePlans(e, v, D("2027-01-31"));
  EXPECT_EQ(pass.outcome, Outcome::kPass);
  EXPECT_EQ(pass.reason, "1 份应急预案，均在修订期内");
  EXPECT_EQ(pass.evidence, std::vector<std::int64_t>{7});
  // 30 days before: still quiet; 29 days before: a warning.
  EXPECT_EQ(JudgePlans(e, v, D("2027-01-31")).outcome, Outcome::kPass);
  const auto warn = JudgePlans(e, v, D("2027-02-01"));
  EXPECT_EQ(warn.outcome, Outcome::kWarn);
  EXPECT_EQ(warn.reason, "《综合应急预案》须于 2027-03-02 前修订");
  // The due day itself is a warning; the day after, a failure.
  EXPECT_EQ(JudgePlans(e, v, D("2027-03-02")).outcome, Outcome::kWarn);
  const auto late = JudgePlans(e, v, D("2027-03-03"));
  EXPECT_EQ(late.outcome, Outcome::kFail);
  EXPECT_EQ(late.reason, "《综合应急预案》应于 2027-03-02 前修订");
  // No warning window.
  auto quiet = v;
  quiet["warn_days"] = 0;
  EXPECT_EQ(JudgePlans(e, quiet, D("2027-03-02")).outcome, Outcome::kPass);
  auto one = v;
  one["warn_days"] = 1;
  EXPECT_EQ(JudgePlans(e, one, D("2027-03-01")).outcome, Outcome::kPass);
  EXPECT_EQ(JudgePlans(e, one, D("2027-03-02")).outcome, Outcome::kWarn);
  // A longer review period.
  auto longer = v;
  longer["review_months"] = 24;
  EXPECT_EQ(JudgePlans(e, longer, D("2027-03-03")).outcome, Outcome::kPass);
  // Without an overall plan.
  auto special = Complete();
  special.plans[0].kind = "special";
  EXPECT_EQ(JudgePlans(special, v, D("2026-12-07")).reason, "缺少综合应急预案");
  // Missing overall and one late: both named; late wins over a warning of another.
  special.plans.push_back({"防汛预案", "special", "2025-11-01", std::nullopt, ""});
  special.plans.push_back({"消防预案", "special", "2026-01-01", std::nullopt, ""});
  const auto both = JudgePlans(special, v, D("2026-12-07"));
  EXPECT_EQ(both.outcome, Outcome::kFail);
  EXPECT_EQ(both.reason, "缺少综合应急预案；《防汛预案》应于 2026-11-01 前修订");
  // An unreadable date is skipped, not judged late.
  auto odd = Complete();
  odd.plans.push_back({"旧预案", "special", "早年", std::nullopt, ""});
  EXPECT_EQ(JudgePlans(odd, v, D("2026-12-07")).outcome, Outcome::kPass);
}

TEST(EmergencyPeopleSheet, ARowByItsColumns) {
  ASSERT_EQ(PeopleColumns().size(), 7U);
  EXPECT_EQ(PeopleColumnNotes().size(), PeopleColumns().size());
  auto ok = ParsePeopleRow(
      2, {" S1 ", "双桥小学", "应急指挥体系", "通讯联络组", " 陈老师 ", "办公室", "13905710004"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->row, 2);
  EXPECT_EQ(ok->school_code, "S1");
  EXPECT_EQ(ok->list, PeopleList::kCommand);
  EXPECT_EQ(ok->member.role, "communication");
  EXPECT_EQ(ok->member.name, "陈老师");
  EXPECT_EQ(ok->member.post, "办公室");
  EXPECT_EQ(ok->member.phone, "13905710004");
  auto unit = ParsePeopleRow(3, {"S1", "", "最小应急单元", "周边商户志愿者", "赵明"});
  ASSERT_TRUE(unit.ok());  // a short row: the missing cells empty
  EXPECT_EQ(unit->list, PeopleList::kUnit);
  EXPECT_EQ(unit->member.role, "volunteer");
  EXPECT_EQ(unit->member.phone, "");
  const auto fields = [](const Result<PeopleRow>& r) {
    std::string out;
    for (const auto& d : r.error().details) {
      out += (out.empty() ? "" : ",") + d.field + "@" + std::to_string(d.row);
    }
    return out;
  };
  // A role of the other list; no list; nothing at all.
  auto bad = ParsePeopleRow(4, {"S1", "", "最小应急单元", "总指挥", "王校长", "", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(fields(bad), "职责@4");
  EXPECT_EQ(bad.error().details[0].reason, "最小应急单元的职责须为 保安员、教职工、周边商户志愿者");
  bad = ParsePeopleRow(5, {"S1", "", "应急小组", "总指挥", "王校长"});
  EXPECT_EQ(fields(bad), "名单@5");  // the role is not judged without its list
  bad = ParsePeopleRow(6, {});
  EXPECT_EQ(fields(bad), "学校代码@6,名单@6,姓名@6");
  bad = ParsePeopleRow(7, {"S1", "", "应急指挥体系", "", "王校长"});
  EXPECT_EQ(fields(bad), "职责@7");
}

TEST(EmergencyPeopleSheet, CellsAndColumns) {
  const Member m{"volunteer", "赵明", "双桥便利店", "13905710009"};
  EXPECT_EQ(PeopleCells(PeopleList::kUnit, m),
            (std::vector<std::string>{"最小应急单元", "周边商户志愿者", "赵明", "双桥便利店",
                                      "13905710009"}));
  const Member c{"commander", "王校长", "校长", ""};
  EXPECT_EQ(PeopleCells(PeopleList::kCommand, c)[1], "总指挥");
  // What a row's cells give back is the same person.
  std::vector<std::string> row = {"S1", "双桥小学"};
  for (auto& x : PeopleCells(PeopleList::kUnit, m)) row.push_back(x);
  auto back = ParsePeopleRow(2, row);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->member.role, m.role);
  EXPECT_EQ(back->member.post, m.post);
  EXPECT_EQ(PeopleColumnOf("unit[3].phone"), "联系电话");
  EXPECT_EQ(PeopleColumnOf("command[0].name"), "姓名");
  EXPECT_EQ(PeopleColumnOf("command[0].role"), "职责");
  EXPECT_EQ(PeopleColumnOf("unit[1].post"), "职务或单位");
  EXPECT_EQ(PeopleColumnOf("unit"), "");
  EXPECT_EQ(PeopleColumnOf("plans[0].title"), "");
  EXPECT_EQ(PeopleListLabel(PeopleList::kUnit), "最小应急单元");
}

}  // namespace
}  // namespace xiaoan::domain::emergency
