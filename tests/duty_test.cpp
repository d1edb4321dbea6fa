// 安全责任: the shipped templates, what a list's and a template's forms hold (each problem naming
// its field), the state of a list — re-signed on a template's new version, on a change of the
// list, on a post added — the 三管三必须 gap check and the rules duty.signed and duty.areas at
// their edges (the grace period's last day, the principal and party secretary present).
#include <gtest/gtest.h>

#include "domain/duty/duty.hpp"

namespace xiaoan::domain::duty {
namespace {

using rules::Outcome;

bool Names(const std::vector<ErrorDetail>& problems, const std::string& field) {
  for (const auto& p : problems) {
    if (p.field == field) return true;
  }
  return false;
}

DutyList ListOf(std::int64_t id, std::int64_t user, std::vector<std::string> posts) {
  DutyList l;
  l.id = id;
  l.school_id = 7;
  l.user_id = user;
  l.holder_name = "张" + std::to_string(user);
  l.posts = std::move(posts);
  l.version = 1;
  l.changed_on = "2026-09-01";
  return l;
}

void SignNow(DutyList& l, const Templates& t, const std::string& day = "2026-09-02") {
  auto s = SigningOf(l, t);
  s.signed_on = day;
  s.signature_id = 99;
  l.signing = s;
}

Template Revised(const std::string& post, int version, const std::string& day) {
  Template t;
  t.post = post;
  t.items = {"修订后的职责"};
  t.version = version;
  t.changed_on = day;
  return t;
}

rules::ParamValues Grace(int days) { return {{"grace_days", days}}; }

TEST(DutyTemplates, OneShippedPerPostAtVersionOne) {
  const auto& shipped = DefaultTemplates();
  ASSERT_EQ(shipped.size(), Posts().size());
  for (std::size_t i = 0; i < shipped.size(); ++i) {
    EXPECT_EQ(shipped[i].post, Posts()[i].code);
    EXPECT_EQ(shipped[i].version, 1);
    EXPECT_TRUE(CheckTemplate(shipped[i]).empty()) << shipped[i].post;
  }
  const auto t = InForce({Revised("principal", 3, "2026-10-01"), Revised("nobody", 2, "")});
  EXPECT_EQ(t.size(), Posts().size());
  EXPECT_EQ(t.at("principal").version, 3);
  EXPECT_EQ(t.at("teacher").version, 1);
  EXPECT_FALSE(t.contains("nobody"));
}

TEST(DutyTemplates, CheckNamesTheItem) {
  Template t;
  t.post = "principal";
  EXPECT_TRUE(Names(CheckTemplate(t), "items"));
  t.items = {"甲", "", "甲", std::string(kMaxItemChars + 1, 'x')};
  auto problems = CheckTemplate(t);
  EXPECT_FALSE(Names(problems, "items[0]"));
  EXPECT_TRUE(Names(problems, "items[1]"));
  EXPECT_TRUE(Names(problems, "items[2]"));
  EXPECT_TRUE(Names(problems, "items[3]"));
  t.items = {std::string(kMaxItemChars, 'x')};
  EXPECT_TRUE(CheckTemplate(t).empty());
  t.items.assign(kMaxItems, "");
  for (std::size_t i = 0; i < kMaxItems; ++i) t.items[i] = "职责" + std::to_string(i);
  EXPECT_TRUE(CheckTemplate(t).empty());
  t.items.push_back("再多一条");
  EXPECT_TRUE(Names(CheckTemplate(t), "items"));
  t.post = "mayor";
  EXPECT_TRUE(Names(CheckTemplate(t), "post"));
}

TEST(DutyLists, CheckNamesThePostAndItem) {
  auto l = ListOf(1, 1, {});
  EXPECT_TRUE(Names(CheckList(l), "posts"));
  l.posts = {"principal", "mayor", "principal"};
  l.local_items = {"补充", " "};
  auto problems = CheckList(l);
  EXPECT_FALSE(Names(problems, "posts[0]"));
  EXPECT_TRUE(Names(problems, "posts[1]"));
  EXPECT_TRUE(Names(problems, "posts[2]"));
  EXPECT_FALSE(Names(problems, "local_items[0]"));
  EXPECT_TRUE(Names(problems, "local_items[1]"));
  l.posts = {"principal", "safety_vp", "teacher", "guard", "lab"};
  l.local_items.clear();
  EXPECT_TRUE(CheckList(l).empty());
  l.posts.push_back("canteen");
  EXPECT_TRUE(Names(CheckList(l), "posts"));
}

TEST(DutyLists, PostsAndItemsFromAWorkbooksCells) {
  EXPECT_EQ(PostsFromText("党组织书记、校长"),
            (std::vector<std::string>{"party_secretary", "principal"}));
  EXPECT_EQ(PostsFromText(" 班主任，teacher ; 保安员,，"),
            (std::vector<std::string>{"class_teacher", "teacher", "guard"}));
  EXPECT_EQ(PostsFromText("校长 厨师"), (std::vector<std::string>{"principal", "厨师"}));
  EXPECT_TRUE(PostsFromText(" 、 ").empty());
  EXPECT_EQ(ItemsFromText("负责东门；周三值日;\r\n管理监控\n\n"),
            (std::vector<std::string>{"负责东门", "周三值日", "管理监控"}));
  EXPECT_TRUE(ItemsFromText("").empty());
}

TEST(DutyLists, ContentNumbersEachPostsItemsThenTheLocalOnes) {
  const auto t = InForce({});
  auto l = ListOf(1, 1, {"guard", "class_teacher"});
  l.local_items = {"负责东门护学岗"};
  const auto text = ContentOf(l, t);
  EXPECT_NE(text.find("【保安员（第 1 版）】\n1. "), std::string::npos);
  const auto n = t.at("guard").items.size() + t.at("class_teacher").items.size();
  EXPECT_NE(text.find("【本岗位补充职责】\n" + std::to_string(n + 1) + ". 负责东门护学岗"),
            std::string::npos);
  EXPECT_LT(text.find("保安员"), text.find("班主任"));
}

TEST(DutyLists, SignedUntilItsTemplateHasANewVersion) {
  auto t = InForce({});
  auto l = ListOf(1, 1, {"principal", "party_secretary"});
  EXPECT_EQ(StateOf(l, t).state, State::kUnsigned);
  EXPECT_EQ(StateOf(l, t).since, "2026-09-01");
  SignNow(l, t);
  EXPECT_EQ(StateOf(l, t).state, State::kSigned);
  EXPECT_EQ(StateOf(l, t).since, "");
  // Another post's template changes: still signed.
  t = InForce({Revised("teacher", 2, "2026-10-08")});
  EXPECT_EQ(StateOf(l, t).state, State::kSigned);
  // The principal's: signed again, waiting since the day it changed.
  t = InForce({Revised("principal", 2, "2026-10-09")});
  auto st = StateOf(l, t);
  EXPECT_EQ(st.state, State::kOutdated);
  EXPECT_EQ(st.since, "2026-10-09");
  EXPECT_NE(st.reason.find("校长职责已更新为第 2 版"), std::string::npos);
  SignNow(l, t, "2026-10-10");
  EXPECT_EQ(StateOf(l, t).state, State::kSigned);
  // A version signed that is newer than the one in force (a restored backup) is not the one.
  t = InForce({Revised("principal", 1, "2026-10-11")});
  EXPECT_EQ(StateOf(l, t).state, State::kOutdated);
}

TEST(DutyLists, AChangeOrANewPostNeedsANewSignature) {
  const auto t = InForce({Revised("guard", 2, "2026-08-01")});
  auto l = ListOf(1, 1, {"teacher"});
  SignNow(l, t);
  l.version = 2;
  l.changed_on = "2026-09-20";
  auto st = StateOf(l, t);
  EXPECT_EQ(st.state, State::kOutdated);
  EXPECT_EQ(st.since, "2026-09-20");
  EXPECT_NE(st.reason.find("清单内容已修改"), std::string::npos);
  SignNow(l, t);
  l.posts.push_back("guard");
  l.version = 3;
  l.changed_on = "2026-09-21";
  st = StateOf(l, t);
  EXPECT_EQ(st.state, State::kOutdated);
  EXPECT_NE(st.reason.find("新增岗位保安员"), std::string::npos);
  // A post whose template changed after the list did: waiting since the later day.
  const auto later = InForce({Revised("teacher", 2, "2026-09-25")});
  EXPECT_EQ(StateOf(l, later).since, "2026-09-25");
  const auto earlier = InForce({Revised("teacher", 2, "2026-09-10")});
  EXPECT_EQ(StateOf(l, earlier).since, "2026-09-21");
}

TEST(DutyAreas, CheckNamesTheArea) {
  AreaSet s;
  s.areas = {{"canteen", true, 1, ""}, {"kitchen", true, 0, ""}, {"canteen", false, 0, ""}};
  const auto problems = CheckAreas(s);
  EXPECT_FALSE(Names(problems, "areas[0].area"));
  EXPECT_TRUE(Names(problems, "areas[1].area"));
  EXPECT_TRUE(Names(problems, "areas[2].area"));
}

AreaSet AllOwnedBy(std::int64_t user) {
  AreaSet s;
  s.school_id = 7;
  s.version = 1;
  for (const auto& a : Areas()) s.areas.push_back({std::string(a.code), true, user, "王校长"});
  return s;
}

TEST(DutyAreas, GapsForNoOwnerAnUnsignedOwnerAndNoSafetyOffice) {
  const auto t = InForce({});
  auto owner = ListOf(1, 5, {"principal"});
  SignNow(owner, t);
  // Nothing written: every area lacks an owner, and the office is missing.
  auto gaps = AreaGaps(std::nullopt, {owner}, t, false);
  ASSERT_EQ(gaps.size(), Areas().size() + 1);
  EXPECT_EQ(gaps.back().area, "");
  EXPECT_NE(gaps.front().text.find("未明确业务负责人"), std::string::npos);
  // Every area owned by a signed holder, the office staffed: no gap.
  auto set = AllOwnedBy(5);
  EXPECT_TRUE(AreaGaps(set, {owner}, t, true).empty());
  EXPECT_EQ(JudgeAreas({}).outcome, Outcome::kPass);
  // The dormitory does not apply; the canteen has nobody; the lab's owner has no list.
  set.areas[4].applicable = false;
  set.areas[4].owner_user_id = 0;
  set.areas[3].owner_user_id = 0;
  set.areas[5].owner_user_id = 8;
  set.areas[5].owner_name = "李老师";
  gaps = AreaGaps(set, {owner}, t, true);
  ASSERT_EQ(gaps.size(), 2u);
  EXPECT_EQ(gaps[0].area, "canteen");
  EXPECT_EQ(gaps[1].area, "lab");
  EXPECT_NE(gaps[1].text.find("李老师没有安全工作职责清单"), std::string::npos);
  // The owner's list waits for a new signature: a gap too.
  const auto revised = InForce({Revised("principal", 2, "2026-10-01")});
  gaps = AreaGaps(AllOwnedBy(5), {owner}, revised, true);
  ASSERT_EQ(gaps.size(), Areas().size());
  EXPECT_NE(gaps[0].text.find("待重签"), std::string::npos);
  // An area missing from what was written counts as applicable and unowned.
  set = AllOwnedBy(5);
  set.areas.pop_back();
  gaps = AreaGaps(set, {owner}, t, true);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].area, "security");
}

TEST(DutyAreas, TheVerdictNamesTheFirstThreeGaps) {
  EXPECT_EQ(JudgeAreas({{"a", "一"}, {"b", "二"}}).reason, "一；二");
  std::vector<Gap> gaps = {{"a", "一"}, {"b", "二"}, {"c", "三"}};
  auto v = JudgeAreas(gaps);
  EXPECT_EQ(v.outcome, Outcome::kFail);
  EXPECT_EQ(v.reason, "一；二；三");
  gaps.push_back({"d", "四"});
  v = JudgeAreas(gaps);
  EXPECT_EQ(v.reason, "一；二；三 等 4 处");
}

TEST(DutySigned, FailsWithoutListsOrWithoutThePrincipalOrSecretary) {
  const auto t = InForce({});
  EXPECT_EQ(JudgeSigned({}, t, "2026-09-05", Grace(14)).outcome, Outcome::kFail);
  auto principal = ListOf(1, 1, {"principal"});
  SignNow(principal, t);
  auto v = JudgeSigned({principal}, t, "2026-09-05", Grace(14));
  EXPECT_EQ(v.outcome, Outcome::kFail);
  EXPECT_NE(v.reason.find("党组织书记未建立职责清单"), std::string::npos);
  auto secretary = ListOf(2, 2, {"party_secretary"});
  SignNow(secretary, t);
  v = JudgeSigned({principal, secretary}, t, "2026-09-05", Grace(14));
  EXPECT_EQ(v.outcome, Outcome::kPass);
  EXPECT_EQ(v.reason, "职责清单全部签订（2/2）");
  // One person holding both posts is enough.
  auto both = ListOf(3, 3, {"party_secretary", "principal"});
  SignNow(both, t);
  EXPECT_EQ(JudgeSigned({both}, t, "2026-09-05", Grace(14)).outcome, Outcome::kPass);
}

TEST(DutySigned, AWaitingListWarnsThroughTheGraceDaysThenFails) {
  const auto t = InForce({});
  auto both = ListOf(3, 3, {"party_secretary", "principal"});
  SignNow(both, t);
  auto teacher = ListOf(4, 4, {"teacher"});  // changed 2026-09-01, unsigned
  // 14 days after: the last day of grace.
  auto v = JudgeSigned({both, teacher}, t, "2026-09-15", Grace(14));
  EXPECT_EQ(v.outcome, Outcome::kWarn);
  EXPECT_EQ(v.reason, "1 份职责清单待签订（已签 1/2）");
  EXPECT_EQ(v.evidence, std::vector<std::int64_t>{4});
  v = JudgeSigned({both, teacher}, t, "2026-09-16", Grace(14));
  EXPECT_EQ(v.outcome, Outcome::kFail);
  EXPECT_EQ(v.reason, "1 份职责清单超过 14 天未签订（已签 1/2）");
  // No grace: late the next day, not the same day.
  EXPECT_EQ(JudgeSigned({both, teacher}, t, "2026-09-01", Grace(0)).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgeSigned({both, teacher}, t, "2026-09-02", Grace(0)).outcome, Outcome::kFail);
  // An unknown day counts as late.
  teacher.changed_on = "";
  EXPECT_EQ(JudgeSigned({both, teacher}, t, "2026-09-02", Grace(14)).outcome, Outcome::kFail);
  // A template's new version starts the grace again from the day it changed.
  auto signed_teacher = ListOf(4, 4, {"teacher"});
  SignNow(signed_teacher, t);
  const auto revised = InForce({Revised("teacher", 2, "2026-11-02")});
  EXPECT_EQ(JudgeSigned({both, signed_teacher}, revised, "2026-11-16", Grace(14)).outcome,
            Outcome::kWarn);
  EXPECT_EQ(JudgeSigned({both, signed_teacher}, revised, "2026-11-17", Grace(14)).outcome,
            Outcome::kFail);
}

TEST(DutySigned, LateAndMissingAreNamedTogether) {
  const auto t = InForce({});
  auto teacher = ListOf(4, 4, {"teacher"});
  const auto v = JudgeSigned({teacher}, t, "2026-12-01", Grace(14));
  EXPECT_EQ(v.outcome, Outcome::kFail);
  EXPECT_EQ(v.reason,
            "党组织书记未建立职责清单；校长未建立职责清单；1 份职责清单超过 14 天未签订（已签 "
            "0/1）");
}

TEST(DutyRules, DeclaredForMeasureOneMonthly) {
  ASSERT_EQ(RuleDecls().size(), 3u);
  EXPECT_EQ(SignedRule().id, "duty.signed");
  EXPECT_EQ(WorkRule().id, "duty.work");
  EXPECT_EQ(WorkRule().measure, 3);
  EXPECT_EQ(WorkRule().subject, "school");
  EXPECT_EQ(WorkRule().period, rules::Period::kMonth);
  EXPECT_EQ(AreasRule().id, "duty.areas");
  EXPECT_EQ(SignedRule().measure, 1);
  EXPECT_EQ(SignedRule().period, rules::Period::kMonth);
  EXPECT_EQ(rules::Defaults(SignedRule()).at("grace_days"), 14);
  EXPECT_EQ(StateCode(State::kOutdated), "outdated");
  EXPECT_EQ(StateLabel(State::kUnsigned), "未签订");
  EXPECT_EQ(PostLabel("safety_vp"), "分管安全副校长");
  EXPECT_EQ(AreaLabel("transport"), "交通与校车");
  EXPECT_EQ(PostLabel("x"), "");
}

// ---- 监管事项
// -------------------------------------------------------------------------------------

SupervisionItem Item(std::int64_t section, std::vector<int> measures, bool active = true) {
  SupervisionItem i;
  i.section_id = section;
  i.kind = "business";
  i.title = "统筹全区学校安全责任体系";
  i.measures = std::move(measures);
  i.post = "科长";
  i.person_user_id = 9;
  i.person_active = active;
  return i;
}

std::vector<std::string> FieldsOf(const std::vector<ErrorDetail>& d) {
  std::vector<std::string> out;
  for (const auto& e : d) out.push_back(e.field);
  return out;
}

TEST(SupervisionItems, CheckNamesEachFieldAndSortsTheMeasures) {
  auto ok = Item(3, {8, 1, 5});
  EXPECT_TRUE(CheckSupervisionItem(ok).empty());
  EXPECT_EQ(ok.measures, (std::vector<int>{1, 5, 8}));

  SupervisionItem empty;
  EXPECT_EQ(FieldsOf(CheckSupervisionItem(empty)),
            (std::vector<std::string>{"section_id", "kind", "title", "measures", "post",
                                      "person_user_id"}));

  // Measures 1 and 21 are the plan's edges; 0 and 22 are not; one named twice.
  auto edges = Item(3, {1, 21, 0, 22, 21});
  const auto d = CheckSupervisionItem(edges);
  EXPECT_EQ(FieldsOf(d), (std::vector<std::string>{"measures[2]", "measures[3]", "measures[4]"}));
  EXPECT_EQ(d[0].reason, "措施序号应为 1 至 21 之间的整数");
  EXPECT_EQ(d[2].reason, "措施 21 重复");
  EXPECT_EQ(edges.measures, (std::vector<int>{1, 21, 0, 22, 21}));  // left as sent when refused

  // 21 measures at most, each once: all of them pass, the 22nd entry is refused.
  std::vector<int> all;
  for (int m = 1; m <= 21; ++m) all.push_back(m);
  auto every = Item(3, all);
  EXPECT_TRUE(CheckSupervisionItem(every).empty());
  all.push_back(5);
  auto too_many = Item(3, all);
  EXPECT_EQ(FieldsOf(CheckSupervisionItem(too_many)),
            (std::vector<std::string>{"measures", "measures[21]"}));

  // 管学段 needs a known stage; 管业务 takes none.
  auto stage = Item(3, {20});
  stage.kind = "stage";
  EXPECT_EQ(FieldsOf(CheckSupervisionItem(stage)), (std::vector<std::string>{"stage"}));
  stage.stage = "college";
  EXPECT_EQ(CheckSupervisionItem(stage)[0].reason, "学段不存在");
  stage.stage = "primary";
  EXPECT_TRUE(CheckSupervisionItem(stage).empty());
  auto business = Item(3, {20});
  business.stage = "primary";
  EXPECT_EQ(CheckSupervisionItem(business)[0].reason, "管业务的事项不填学段");
  business.kind = "other";
  EXPECT_EQ(FieldsOf(CheckSupervisionItem(business)), (std::vector<std::string>{"kind"}));

  // Text lengths at their edges: 100 and 101 characters of title, 20 and 21 of post.
  auto title = Item(3, {1});
  title.title.clear();
  for (int i = 0; i < 100; ++i) title.title += "事";
  EXPECT_TRUE(CheckSupervisionItem(title).empty());
  title.title += "项";
  EXPECT_EQ(FieldsOf(CheckSupervisionItem(title)), (std::vector<std::string>{"title"}));
  auto post = Item(3, {1});
  post.post = std::string(20, 'p');
  EXPECT_TRUE(CheckSupervisionItem(post).empty());
  post.post += "p";
  EXPECT_EQ(FieldsOf(CheckSupervisionItem(post)), (std::vector<std::string>{"post"}));
  auto detail = Item(3, {1});
  detail.detail = std::string(500, 'd');
  EXPECT_TRUE(CheckSupervisionItem(detail).empty());
  detail.detail += "d";
  EXPECT_EQ(FieldsOf(CheckSupervisionItem(detail)), (std::vector<std::string>{"detail"}));
  auto section = Item(0, {1});
  EXPECT_EQ(FieldsOf(CheckSupervisionItem(section)), (std::vector<std::string>{"section_id"}));
  auto person = Item(1, {1});
  person.person_user_id = 0;
  EXPECT_EQ(FieldsOf(CheckSupervisionItem(person)), (std::vector<std::string>{"person_user_id"}));
  person.person_user_id = 1;
  EXPECT_TRUE(CheckSupervisionItem(person).empty());
}

TEST(SupervisionItems, MeasuresFromAWorkbooksCell) {
  EXPECT_EQ(MeasuresFromText("1、5、8"), (std::vector<int>{1, 5, 8}));
  EXPECT_EQ(MeasuresFromText("第1项，第 20 项;措施21"), (std::vector<int>{1, 20, 21}));
  EXPECT_EQ(MeasuresFromText(" 3 ,4\n5\t6；7"), (std::vector<int>{3, 4, 5, 6, 7}));
  EXPECT_EQ(MeasuresFromText("1、五、8"), (std::vector<int>{1, 0, 8}));  // 五 names no number
  EXPECT_EQ(MeasuresFromText("x"), (std::vector<int>{0}));
  EXPECT_EQ(MeasuresFromText("12a"), (std::vector<int>{12, 0}));
  EXPECT_TRUE(MeasuresFromText("").empty());
  EXPECT_TRUE(MeasuresFromText("、 ，").empty());
  EXPECT_EQ(MeasuresFromText("999999999999"), (std::vector<int>{999999}));
  EXPECT_EQ(MeasuresFromText("1000000"), (std::vector<int>{100000}));  // stops growing there
  // Only the text given is read, not what follows it in memory.
  EXPECT_EQ(MeasuresFromText(std::string_view("123", 2)), (std::vector<int>{12}));
  // Each separator ends a piece: two pieces without a number are two problems.
  for (const char* text : {"x,y", "x;y", "x y", "x\ny", "x\ty", "x、y", "x，y", "x；y"}) {
    EXPECT_EQ(MeasuresFromText(text), (std::vector<int>{0, 0})) << text;
  }
  EXPECT_EQ(MeasuresText({1, 5, 8}), "1、5、8");
  EXPECT_EQ(MeasuresText({}), "");
}

TEST(SupervisionItems, CoverageBySectionWithThePersonInPlace) {
  const std::vector<SectionRef> sections = {
      {2, "安全管理科"}, {3, "基础教育科"}, {4, "教育督导室"}};
  const std::vector<SupervisionItem> items = {
      Item(2, {1, 2}),     Item(3, {2, 20}), Item(3, {20, 21}),
      Item(4, {3}, false),  // its person left: measure 3 has an item but no one in place
      Item(9, {5}),         // a section not the bureau's: not counted
      Item(2, {0, 22}),     // numbers outside the plan (as stored before a check): not counted
  };
  const auto c = CoverageOf(items, sections);
  ASSERT_EQ(c.measures.size(), 21u);
  EXPECT_EQ(c.measures[0].measure, 1);
  EXPECT_EQ(c.measures[20].measure, 21);
  EXPECT_TRUE(c.measures[0].covered);
  EXPECT_EQ(c.measures[1].sections.size(), 2u);  // measure 2: both sections, each once
  EXPECT_EQ(c.measures[1].sections[1].name, "基础教育科");
  EXPECT_EQ(c.measures[19].items, 2);  // measure 20: two items of one section
  EXPECT_EQ(c.measures[19].sections.size(), 1u);
  EXPECT_FALSE(c.measures[2].covered);
  EXPECT_EQ(c.measures[2].items, 1);
  EXPECT_EQ(c.measures[2].unassigned, 1);
  EXPECT_FALSE(c.measures[4].covered);  // measure 5 only in a foreign section
  EXPECT_EQ(c.measures[4].items, 0);
  EXPECT_EQ(c.covered, 4);  // 1, 2, 20, 21
  ASSERT_EQ(c.uncovered.size(), 17u);
  EXPECT_EQ(c.uncovered.front(), 3);
  EXPECT_EQ(c.uncovered.back(), 19);
  EXPECT_EQ(c.unassigned, 1);
  ASSERT_EQ(c.sections.size(), 3u);
  EXPECT_EQ(c.sections[0].items, 2);
  EXPECT_EQ(c.sections[0].measures, (std::vector<int>{1, 2}));
  EXPECT_EQ(c.sections[1].items, 2);
  EXPECT_EQ(c.sections[1].measures, (std::vector<int>{2, 20, 21}));
  EXPECT_EQ(c.sections[2].unassigned, 1);
  EXPECT_EQ(c.sections[2].measures, (std::vector<int>{3}));

  // A second item with its person in place covers measure 3.
  auto more = items;
  more.push_back(Item(2, {3}));
  const auto again = CoverageOf(more, sections);
  EXPECT_TRUE(again.measures[2].covered);
  EXPECT_EQ(again.covered, 5);
  EXPECT_TRUE(CoverageOf({}, {}).uncovered.size() == 21u && CoverageOf({}, {}).sections.empty());
  EXPECT_EQ(SupervisionKindLabel("stage"), "管学段");
  EXPECT_EQ(SupervisionStageLabel("vocational"), "中等职业学校");
  EXPECT_EQ(SupervisionStageLabel("x"), "");
}

}  // namespace
}  // namespace xiaoan::domain::duty
