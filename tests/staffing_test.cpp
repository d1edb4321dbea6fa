// 安全监管机构: what an office's form holds (each problem naming its field), the counts, and the
// rule staffing.office at its edges: one member short, one full-time member short, none recorded.
#include <gtest/gtest.h>

#include "domain/staffing/staffing.hpp"

namespace xiaoan::domain::staffing {
namespace {

using rules::Outcome;

bool Names(const std::vector<ErrorDetail>& problems, const std::string& field) {
  for (const auto& p : problems) {
    if (p.field == field) return true;
  }
  return false;
}

SafetyOffice Office(std::vector<Member> members) {
  SafetyOffice o;
  o.unit_id = 7;
  o.name = "安全办公室";
  o.members = std::move(members);
  o.version = 1;
  return o;
}

TEST(StaffingCheck, NamesEachField) {
  EXPECT_TRUE(CheckOffice(Office({{"王主任", "主任", false, "", ""}})).empty());
  auto bad = Office({{"", "", true, "", ""},
                     {"李明", std::string(kMaxPostChars + 1, 'x'), true,
                      std::string(kMaxQualificationChars + 1, 'x'), "12345"},
                     {"李明", "", false, "", ""}});
  bad.name = " ";
  const auto problems = CheckOffice(bad);
  EXPECT_TRUE(Names(problems, "name"));
  EXPECT_TRUE(Names(problems, "members[0].name"));
  EXPECT_TRUE(Names(problems, "members[1].post"));
  EXPECT_TRUE(Names(problems, "members[1].qualifications"));
  EXPECT_TRUE(Names(problems, "members[1].phone"));
  EXPECT_TRUE(Names(problems, "members[2].name"));
  EXPECT_EQ(problems.size(), 6U);
  // At the bounds: passes.
  auto edge = Office({{"李明", std::string(kMaxPostChars, 'x'), true,
                       std::string(kMaxQualificationChars, 'x'), "0571-87654321"}});
  edge.name = std::string(kMaxOfficeChars, 'x');
  EXPECT_TRUE(CheckOffice(edge).empty());
  edge.name += "x";
  EXPECT_TRUE(Names(CheckOffice(edge), "name"));
  std::vector<Member> many;
  for (std::size_t i = 0; i < kMaxMembers; ++i)
    many.push_back({"人" + std::to_string(i), "", false, "", ""});
  EXPECT_TRUE(CheckOffice(Office(many)).empty());
  many.push_back({"多一人", "", false, "", ""});
  EXPECT_TRUE(Names(CheckOffice(Office(many)), "members"));
}

TEST(StaffingCounts, MembersFullTimeAndQualified) {
  const auto c = CountsOf(Office({{"甲", "", true, "注册安全工程师", ""},
                                  {"乙", "", false, " ", ""},
                                  {"丙", "", true, "", ""},
                                  {" ", "", true, "x", ""}}));
  EXPECT_EQ(c.members, 3);
  EXPECT_EQ(c.full_time, 2);
  EXPECT_EQ(c.qualified, 1);
}

TEST(StaffingRule, Declared) {
  ASSERT_EQ(RuleDecls().size(), 1U);
  EXPECT_TRUE(rules::CheckCatalog(RuleDecls()).empty());
  EXPECT_EQ(OfficeRule().id, "staffing.office");
  EXPECT_EQ(OfficeRule().measure, 18);
  EXPECT_EQ(OfficeRule().period, rules::Period::kMonth);
  const auto d = rules::Defaults(OfficeRule());
  EXPECT_EQ(d.at("min_members"), 2);
  EXPECT_EQ(d.at("min_full_time"), 1);
  // More full-time members asked for than members: refused, naming min_full_time.
  std::vector<ErrorDetail> problems;
  rules::CheckValues(OfficeRule(), {{"min_members", 2}, {"min_full_time", 3}}, problems);
  EXPECT_TRUE(Names(problems, "min_full_time"));
  problems.clear();
  rules::CheckValues(OfficeRule(), {{"min_members", 3}, {"min_full_time", 3}}, problems);
  EXPECT_TRUE(problems.empty());
}

TEST(StaffingRule, AtItsEdges) {
  auto v = rules::Defaults(OfficeRule());  // 2 members, 1 full time
  EXPECT_EQ(JudgeOffice(std::nullopt, v).reason, "尚未登记安全监管机构人员");
  EXPECT_EQ(JudgeOffice(std::nullopt, v).outcome, Outcome::kFail);
  auto unsaved = Office({{"甲", "", true, "", ""}, {"乙", "", false, "", ""}});
  unsaved.version = 0;
  EXPECT_EQ(JudgeOffice(unsaved, v).outcome, Outcome::kFail);
  EXPECT_EQ(JudgeOffice(Office({}), v).outcome, Outcome::kFail);
  auto r = JudgeOffice(Office({{"甲", "", true, "", ""}, {"乙", "", false, "", ""}}), v);
  EXPECT_EQ(r.outcome, Outcome::kPass);
  EXPECT_EQ(r.reason, "安全办公室 2 人，其中专职 1 人");
  EXPECT_EQ(r.evidence, std::vector<std::int64_t>{7});
  r = JudgeOffice(Office({{"甲", "", true, "", ""}}), v);
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_EQ(r.reason, "机构人员 1 人，少于 2 人");
  r = JudgeOffice(Office({{"甲", "", false, "", ""}, {"乙", "", false, "", ""}}), v);
  EXPECT_EQ(r.reason, "专职 0 人，少于 1 人");
  r = JudgeOffice(Office({{"甲", "", false, "", ""}}), v);
  EXPECT_EQ(r.reason, "机构人员 1 人，少于 2 人；专职 0 人，少于 1 人");
  v["min_full_time"] = 0;
  EXPECT_EQ(JudgeOffice(Office({{"甲", "", false, "", ""}, {"乙", "", false, "", ""}}), v).outcome,
            Outcome::kPass);
  v["min_members"] = 3;
  v["min_full_time"] = 2;
  EXPECT_EQ(
      JudgeOffice(
          Office({{"甲", "", true, "", ""}, {"乙", "", true, "", ""}, {"丙", "", false, "", ""}}),
          v)
          .outcome,
      Outcome::kPass);
}

}  // namespace
}  // namespace xiaoan::domain::staffing
