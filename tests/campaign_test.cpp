// Inspection campaigns, the pure rules: which schools a campaign targets, what a deployment and a
// team must hold, the sheets a school owes and which are outstanding, the items an inspection
// flags 自查未发现, the China day that decides "on time", and the evaluation's scores and ranks
// computed by hand at their edges.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/campaign/campaign.hpp"

namespace xiaoan {
namespace {

namespace cp = domain::campaign;
namespace cl = domain::checklist;

bool HasField(const std::vector<ErrorDetail>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const ErrorDetail& p) { return p.field == field; });
}

domain::SchoolProfile Profile(std::string stage, std::string location, bool boarding,
                              std::optional<std::int64_t> cluster = std::nullopt) {
  domain::SchoolProfile p;
  p.stage = std::move(stage);
  p.location_type = std::move(location);
  p.boarding = boarding;
  p.cluster_id = cluster;
  return p;
}

cp::Campaign Valid() {
  cp::Campaign c;
  c.name = "2026年秋季消防安全专项行动";
  c.domains = {"fire", "electrical"};
  c.template_ids = {3, 4};
  c.self_from = "2026-10-08";
  c.self_to = "2026-10-23";
  c.inspect_from = "2026-10-26";
  c.inspect_to = "2026-11-13";
  return c;
}

TEST(CampaignTargets, EveryConditionGivenMustHoldAndTheListNarrows) {
  const auto urban_primary = Profile("primary", "urban", false, 7);
  cp::Targeting all;
  EXPECT_TRUE(cp::Targets(all, 1, urban_primary));

  cp::Targeting t;
  t.stages = {"primary", "junior"};
  EXPECT_TRUE(cp::Targets(t, 1, urban_primary));
  EXPECT_FALSE(cp::Targets(t, 1, Profile("senior", "urban", false)));
  t.location_types = {"rural"};
  EXPECT_FALSE(cp::Targets(t, 1, urban_primary));
  t.location_types = {"urban"};
  t.boarding = true;
  EXPECT_FALSE(cp::Targets(t, 1, urban_primary));
  EXPECT_TRUE(cp::Targets(t, 1, Profile("primary", "urban", true)));
  t.boarding = false;
  EXPECT_TRUE(cp::Targets(t, 1, urban_primary));

  cp::Targeting clusters;
  clusters.cluster_ids = {7};
  EXPECT_TRUE(cp::Targets(clusters, 1, urban_primary));
  EXPECT_FALSE(cp::Targets(clusters, 1, Profile("primary", "urban", false, 8)));
  EXPECT_FALSE(cp::Targets(clusters, 1, Profile("primary", "urban", false)));

  cp::Targeting list;
  list.school_ids = {2, 5};
  EXPECT_FALSE(cp::Targets(list, 1, urban_primary));
  EXPECT_TRUE(cp::Targets(list, 5, urban_primary));
  list.stages = {"junior"};
  EXPECT_FALSE(cp::Targets(list, 5, urban_primary));  // the list narrows, never widens
}

TEST(CampaignValidation, ACompleteDeploymentIsValid) {
  EXPECT_TRUE(cp::ValidateCampaign(Valid()).empty());
  auto one_day = Valid();
  one_day.self_to = one_day.self_from;
  one_day.inspect_from = one_day.self_from;  // inspection may start the day self-checks do
  one_day.inspect_to = one_day.inspect_from;
  EXPECT_TRUE(cp::ValidateCampaign(one_day).empty());
}

TEST(CampaignValidation, EachProblemNamesItsField) {
  auto c = Valid();
  c.name = "";
  c.level = "province";
  c.domains = {"fire", "lightning", "fire"};
  c.template_ids = {3, 3};
  c.targets.stages = {"college"};
  c.targets.location_types = {"moon"};
  const auto p = cp::ValidateCampaign(c);
  for (const char* field : {"name", "level", "domains[1]", "domains[2]", "template_ids[1]",
                            "targets.stages[0]", "targets.location_types[0]"}) {
    EXPECT_TRUE(HasField(p, field)) << field;
  }
  EXPECT_FALSE(HasField(p, "domains[0]"));
  EXPECT_FALSE(HasField(p, "template_ids[0]"));

  auto none = Valid();
  none.domains.clear();
  none.template_ids.clear();
  EXPECT_TRUE(HasField(cp::ValidateCampaign(none), "domains"));
  EXPECT_TRUE(HasField(cp::ValidateCampaign(none), "template_ids"));

  auto many = Valid();
  many.template_ids.clear();
  for (std::int64_t i = 1; i <= 20; ++i) many.template_ids.push_back(i);
  EXPECT_FALSE(HasField(cp::ValidateCampaign(many), "template_ids"));
  many.template_ids.push_back(21);
  EXPECT_TRUE(HasField(cp::ValidateCampaign(many), "template_ids"));

  auto name = Valid();
  name.name = std::string(100 * 3, 'x').substr(0, 100);
  EXPECT_FALSE(HasField(cp::ValidateCampaign(name), "name"));
  name.name += "长";
  EXPECT_TRUE(HasField(cp::ValidateCampaign(name), "name"));
}

TEST(CampaignValidation, TextsAtTheirLimits) {
  auto c = Valid();
  c.summary = std::string(1999, 'x') + "结";  // 2,000 characters
  EXPECT_FALSE(HasField(cp::ValidateCampaign(c), "summary"));
  c.summary += "。";
  EXPECT_TRUE(HasField(cp::ValidateCampaign(c), "summary"));

  cp::Team t;
  t.name = std::string(59, 'x') + "组";  // 60 characters
  t.members = {std::string(64, 'u')};
  EXPECT_TRUE(cp::ValidateTeam(t).empty());
  t.name += "二";
  t.members = {std::string(65, 'u')};
  EXPECT_TRUE(HasField(cp::ValidateTeam(t), "name"));
  EXPECT_TRUE(HasField(cp::ValidateTeam(t), "members[0]"));
  t.name = "督导组";
  t.members.clear();
  for (int i = 0; i < 50; ++i) t.members.push_back("user" + std::to_string(i));
  EXPECT_TRUE(cp::ValidateTeam(t).empty());
  t.members.push_back("user50");
  EXPECT_TRUE(HasField(cp::ValidateTeam(t), "members"));

  cp::Message m;
  m.text = std::string(1999, 'x') + "复";  // 2,000 characters
  EXPECT_TRUE(cp::ValidateMessage(m).empty());
  m.text += "。";
  EXPECT_TRUE(HasField(cp::ValidateMessage(m), "text"));
}

TEST(CampaignValidation, TheWindowsRunForwardAndInspectionNotBeforeSelfInspection) {
  auto c = Valid();
  c.self_to = "2026-10-07";  // the day before self_from
  EXPECT_TRUE(HasField(cp::ValidateCampaign(c), "self_to"));
  c = Valid();
  c.inspect_to = "2026-10-25";
  EXPECT_TRUE(HasField(cp::ValidateCampaign(c), "inspect_to"));
  c = Valid();
  c.inspect_from = "2026-10-07";
  EXPECT_TRUE(HasField(cp::ValidateCampaign(c), "inspect_from"));
  c.inspect_from = "2026-10-08";
  EXPECT_FALSE(HasField(cp::ValidateCampaign(c), "inspect_from"));
  c = Valid();
  c.self_from = "2026-02-30";
  c.inspect_to = "";
  const auto p = cp::ValidateCampaign(c);
  EXPECT_TRUE(HasField(p, "self_from"));
  EXPECT_TRUE(HasField(p, "inspect_to"));
}

TEST(CampaignValidation, WeightsAreWholePointsSummingToAHundred) {
  cp::Weights w;
  EXPECT_TRUE(cp::ValidateWeights(w).empty());
  w.closed = 11;
  EXPECT_TRUE(HasField(cp::ValidateWeights(w), "weights"));
  w = {100, 0, 0, 0, 0};
  EXPECT_TRUE(cp::ValidateWeights(w).empty());
  w = {101, -1, 0, 0, 0};
  const auto p = cp::ValidateWeights(w);
  EXPECT_TRUE(HasField(p, "weights.completion"));
  EXPECT_TRUE(HasField(p, "weights.self_found"));
  EXPECT_FALSE(HasField(p, "weights"));  // the sum is not judged over bad parts
  auto c = Valid();
  c.weights.rectified = 30;
  EXPECT_TRUE(HasField(cp::ValidateCampaign(c), "weights"));
}

TEST(CampaignTeams, ATeamHasANameAKindAndDistinctMembers) {
  cp::Team t;
  t.name = "第一检查组";
  t.members = {"inspector", "bureau"};
  EXPECT_TRUE(cp::ValidateTeam(t).empty());
  t.kind = "city";
  EXPECT_TRUE(cp::ValidateTeam(t).empty());
  t.kind = "self";
  t.members = {"a", "a", "", "x,y"};
  t.name = "";
  const auto p = cp::ValidateTeam(t);
  for (const char* field : {"kind", "name", "members[1]", "members[2]", "members[3]"}) {
    EXPECT_TRUE(HasField(p, field)) << field;
  }
  EXPECT_FALSE(HasField(p, "members[0]"));
  t.members.clear();
  EXPECT_TRUE(HasField(cp::ValidateTeam(t), "members"));
}

TEST(CampaignMessages, FeedbackMayCarryADeadlineAReplyMayNot) {
  cp::Message m;
  m.text = "宿舍楼二层疏散指示灯损坏，请于期限前整改并回复。";
  m.deadline = "2026-11-20";
  EXPECT_TRUE(cp::ValidateMessage(m).empty());
  m.deadline = "2026-11-31";
  EXPECT_TRUE(HasField(cp::ValidateMessage(m), "deadline"));
  m.kind = "reply";
  m.deadline = "2026-11-20";
  EXPECT_TRUE(HasField(cp::ValidateMessage(m), "deadline"));
  m.deadline.reset();
  EXPECT_TRUE(cp::ValidateMessage(m).empty());
  m.text.clear();
  m.kind = "note";
  const auto p = cp::ValidateMessage(m);
  EXPECT_TRUE(HasField(p, "text"));
  EXPECT_TRUE(HasField(p, "kind"));
}

cl::Template FireTemplate(std::int64_t id) {
  cl::Template t;
  t.id = id;
  t.items = {{"F01", "疏散通道畅通", "fire", std::string("dormitory")},
             {"F02", "灭火器在有效期内", "fire", std::string("dormitory")},
             {"C01", "燃气报警器正常", "gas", std::string("canteen")},
             {"S01", "消防安全责任人明确", "fire", std::nullopt}};
  return t;
}

TEST(CampaignSheets, ASchoolOwesATemplateAtEachPlaceItHasItemsForAndOnceForTheWholeSchool) {
  auto fire = FireTemplate(3);
  auto boarding_only = FireTemplate(4);
  boarding_only.applies.boarding = true;
  const std::vector<domain::KeyPlace> places = {
      {11, "dormitory", "1号宿舍楼", {}}, {12, "canteen", "食堂", {}}, {13, "lab", "实验室", {}}};
  const auto due = cp::SheetsDue({fire, boarding_only}, Profile("primary", "urban", false), places);
  ASSERT_EQ(due.size(), 3u);  // the boarding template does not apply; the lab has no items
  EXPECT_EQ(due[0].place.key_place_id, 11);
  EXPECT_EQ(due[1].place.key_place_id, 12);
  EXPECT_FALSE(due[2].place.key_place_id.has_value());
  EXPECT_EQ(due[2].place.name, "全校");
  EXPECT_TRUE(due[2].place.kind.empty());

  cp::Sheet dorm;
  dorm.kind = "self";
  dorm.template_id = 3;
  dorm.key_place_id = 11;
  cp::Sheet inspected_canteen = dorm;
  inspected_canteen.kind = "bureau";
  inspected_canteen.key_place_id = 12;
  auto left = cp::Outstanding(due, {dorm, inspected_canteen});
  ASSERT_EQ(left.size(), 2u);  // an inspector's sheet is not the school's
  EXPECT_EQ(left[0].place.key_place_id, 12);
  EXPECT_FALSE(left[1].place.key_place_id.has_value());
  cp::Sheet whole = dorm;
  whole.key_place_id.reset();
  cp::Sheet canteen = dorm;
  canteen.key_place_id = 12;
  EXPECT_TRUE(cp::Outstanding(due, {dorm, whole, canteen}).empty());
  cp::Sheet other_template = canteen;
  other_template.template_id = 4;
  EXPECT_EQ(cp::Outstanding(due, {dorm, whole, other_template}).size(), 1u);
}

cp::Sheet Filled(std::int64_t id, std::string kind, std::optional<std::int64_t> place,
                 std::vector<std::pair<std::string, std::string>> verdicts) {
  cp::Sheet s;
  s.id = id;
  s.school_id = 9;
  s.kind = std::move(kind);
  s.template_id = 3;
  s.key_place_id = place;
  for (auto& [key, verdict] : verdicts) {
    cl::ItemAnswer a;
    a.item_key = key;
    a.verdict = verdict;
    s.answers.push_back(std::move(a));
  }
  return s;
}

TEST(CampaignMissed, AnInspectorsFailureTheSchoolPassedAtTheSamePlaceIsMissed) {
  const auto own = Filled(1, "self", 11, {{"F01", "pass"}, {"F02", "fail"}, {"F03", "na"}});
  const auto inspection =
      Filled(2, "bureau", 11, {{"F01", "fail"}, {"F02", "fail"}, {"F03", "fail"}, {"F04", "fail"}});
  // F01 passed by the school: missed; F02 the school found; F03 it called not applicable; F04
  // it never answered.
  EXPECT_EQ(cp::MissedItems(inspection, {own}), std::vector<std::string>{"F01"});

  auto elsewhere = own;
  elsewhere.key_place_id = 12;
  EXPECT_TRUE(cp::MissedItems(inspection, {elsewhere}).empty());
  auto whole_school = own;
  whole_school.key_place_id.reset();
  EXPECT_TRUE(cp::MissedItems(inspection, {whole_school}).empty());
  auto other_template = own;
  other_template.template_id = 4;
  EXPECT_TRUE(cp::MissedItems(inspection, {other_template}).empty());
  auto other_school = own;
  other_school.school_id = 10;
  EXPECT_TRUE(cp::MissedItems(inspection, {other_school}).empty());
  auto team_sheet = own;
  team_sheet.kind = "city";
  EXPECT_TRUE(cp::MissedItems(inspection, {team_sheet}).empty());

  // The school's latest sheet counts (a later sheet that found F01 failing).
  auto later = Filled(5, "self", 11, {{"F01", "fail"}});
  EXPECT_TRUE(cp::MissedItems(inspection, {own, later}).empty());
  EXPECT_TRUE(cp::MissedItems(inspection, {later, own}).empty());

  // Of two sheets with the same id (one record listed twice), the first listed counts.
  auto twin = later;
  twin.id = own.id;
  EXPECT_EQ(cp::MissedItems(inspection, {own, twin}), std::vector<std::string>{"F01"});
  EXPECT_TRUE(cp::MissedItems(inspection, {twin, own}).empty());

  // A self-inspection flags nothing; passes flag nothing.
  EXPECT_TRUE(cp::MissedItems(own, {own}).empty());
  const auto passing = Filled(3, "city", 11, {{"F01", "pass"}});
  EXPECT_TRUE(cp::MissedItems(passing, {own}).empty());
}

TEST(CampaignDays, TheChinaDayOfAnInstantDecidesOnTime) {
  EXPECT_EQ(cp::ChinaDay("2026-10-23T15:59:59.999Z"), "2026-10-23");
  EXPECT_EQ(cp::ChinaDay("2026-10-23T16:00:00.000Z"), "2026-10-24");
  EXPECT_EQ(cp::ChinaDay("not a time"), "");

  cp::HazardFact h;
  EXPECT_FALSE(cp::ClosedOnTime(h));  // open
  h.closed_at = "2026-11-20T15:59:59.000Z";
  EXPECT_TRUE(cp::ClosedOnTime(h));  // no deadline
  h.deadline = "2026-11-20";
  EXPECT_TRUE(cp::ClosedOnTime(h));
  h.closed_at = "2026-11-20T16:00:00.000Z";  // 00:00 on the 21st in China
  EXPECT_FALSE(cp::ClosedOnTime(h));
  h.closed_at = "garbage";
  EXPECT_FALSE(cp::ClosedOnTime(h));
}

cp::HazardFact Hazard(std::string source, std::optional<std::string> deadline,
                      std::optional<std::string> closed_at) {
  return {std::move(source), std::move(deadline), std::move(closed_at)};
}

TEST(CampaignEvaluation, ScoresMatchAHandComputation) {
  const cp::Weights w;  // 30 / 20 / 20 / 20 / 10
  std::vector<cp::SchoolFacts> facts(4);
  // A: submitted on the last day (23:59 China time), 3 hazards, 2 its own, 1 missed item;
  // one closed on time, one closed late, one open.
  facts[0] = {1,
              "甲校",
              "2026-10-23T15:59:00.000Z",
              1,
              {Hazard("self_inspection", "2026-11-01", "2026-10-30T02:00:00.000Z"),
               Hazard("self_inspection", "2026-11-01", "2026-11-02T02:00:00.000Z"),
               Hazard("bureau_inspection", "2026-11-10", std::nullopt)}};
  // B: submitted a minute into the next day: half of completion; nothing found by anyone.
  facts[1] = {2, "乙校", "2026-10-23T16:01:00.000Z", 0, {}};
  // C: never submitted, 4 missed items (more than three: none of that part); one inspector's
  // hazard closed on time.
  facts[2] = {3, "丙校", "", 4, {Hazard("city_inspection", "2026-11-30", "2026-11-29T01:00:00Z")}};
  // D: the same as B but submitted on time: ties with nobody, ranks first.
  facts[3] = {4, "丁校", "2026-10-20T01:00:00.000Z", 0, {}};
  const auto scores = cp::Evaluate(w, "2026-10-23", facts);
  ASSERT_EQ(scores.size(), 4u);
  const auto of = [&](std::int64_t id) {
    return *std::find_if(scores.begin(), scores.end(),
                         [&](const cp::Score& s) { return s.school_id == id; });
  };
  const auto a = of(1);
  EXPECT_DOUBLE_EQ(a.completion, 30);
  EXPECT_DOUBLE_EQ(a.self_found, 13.3);  // 20 × 2/3
  EXPECT_DOUBLE_EQ(a.no_missed, 13.3);   // 20 × (1 − 1/3)
  EXPECT_DOUBLE_EQ(a.rectified, 6.7);    // 20 × 1/3
  EXPECT_DOUBLE_EQ(a.closed, 6.7);       // 10 × 2/3
  EXPECT_DOUBLE_EQ(a.total, 70);
  EXPECT_EQ(a.hazards, 3);
  EXPECT_EQ(a.self_hazards, 2);
  EXPECT_EQ(a.open, 1);
  EXPECT_EQ(a.missed, 1);
  const auto b = of(2);
  EXPECT_DOUBLE_EQ(b.completion, 15);
  EXPECT_DOUBLE_EQ(b.total, 85);  // 15 + 20 + 20 + 20 + 10
  const auto c = of(3);
  EXPECT_DOUBLE_EQ(c.completion, 0);
  EXPECT_DOUBLE_EQ(c.self_found, 0);
  EXPECT_DOUBLE_EQ(c.no_missed, 0);
  EXPECT_DOUBLE_EQ(c.rectified, 20);
  EXPECT_DOUBLE_EQ(c.closed, 10);
  EXPECT_DOUBLE_EQ(c.total, 30);
  EXPECT_DOUBLE_EQ(of(4).total, 100);
  EXPECT_EQ(scores[0].school_id, 4);
  EXPECT_EQ(scores[0].rank, 1);
  EXPECT_EQ(scores[1].school_id, 2);
  EXPECT_EQ(scores[2].school_id, 1);
  EXPECT_EQ(scores[3].school_id, 3);
  EXPECT_EQ(scores[3].rank, 4);
}

TEST(CampaignEvaluation, MissedItemsTakeAThirdEachAndEqualTotalsShareARank) {
  const cp::Weights w{40, 0, 60, 0, 0};
  std::vector<cp::SchoolFacts> facts = {{1, "甲", "2026-10-01T00:00:00Z", 2, {}},
                                        {2, "乙", "2026-10-01T00:00:00Z", 3, {}},
                                        {3, "丙", "2026-10-01T00:00:00Z", 2, {}},
                                        {4, "丁", "2026-10-01T00:00:00Z", 0, {}}};
  const auto scores = cp::Evaluate(w, "2026-10-23", facts);
  ASSERT_EQ(scores.size(), 4u);
  EXPECT_EQ(scores[0].school_id, 4);
  EXPECT_DOUBLE_EQ(scores[0].total, 100);
  EXPECT_EQ(scores[1].school_id, 1);  // equal totals: by school id
  EXPECT_EQ(scores[2].school_id, 3);
  EXPECT_DOUBLE_EQ(scores[1].no_missed, 20);  // 60 × 1/3
  EXPECT_EQ(scores[1].rank, 2);
  EXPECT_EQ(scores[2].rank, 2);
  EXPECT_EQ(scores[3].rank, 4);
  EXPECT_DOUBLE_EQ(scores[3].no_missed, 0);
  EXPECT_DOUBLE_EQ(scores[3].total, 40);
}

TEST(CampaignEvaluation, ASchoolWithNoHazardsKeepsThoseParts) {
  const auto scores = cp::Evaluate(cp::Weights{}, "2026-10-23", {{7, "戊", "", 0, {}}});
  ASSERT_EQ(scores.size(), 1u);
  EXPECT_DOUBLE_EQ(scores[0].self_found, 20);
  EXPECT_DOUBLE_EQ(scores[0].rectified, 20);
  EXPECT_DOUBLE_EQ(scores[0].closed, 10);
  EXPECT_DOUBLE_EQ(scores[0].total, 70);
  EXPECT_EQ(scores[0].rank, 1);
}

TEST(CampaignKinds, EachInspectionKindReportsItsSource) {
  EXPECT_EQ(cp::SourceOf("self"), "self_inspection");
  EXPECT_EQ(cp::SourceOf("bureau"), "bureau_inspection");
  EXPECT_EQ(cp::SourceOf("city"), "city_inspection");
}

TEST(CampaignTypical, TheNoteHoldsFiveHundredCharactersAndNoMore) {
  cp::Typical t{1, 2, std::string(), "", ""};
  EXPECT_TRUE(cp::ValidateTypical(t).empty());
  for (int i = 0; i < 500; ++i) t.note += "问";
  EXPECT_TRUE(cp::ValidateTypical(t).empty());
  t.note += "题";
  const auto errors = cp::ValidateTypical(t);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "note");
}

TEST(CampaignTypical, TheBriefingPutsMajorHazardsFirstThenSchoolThenFoundThenId) {
  std::vector<cp::BriefingKey> keys = {
      {5, "general", "示范区实验中学", "2026-10-12T02:00:00Z"},
      {4, "general", "示范区双桥小学", "2026-10-13T02:00:00Z"},
      {3, "general", "示范区双桥小学", "2026-10-12T02:00:00Z"},
      {2, "major", "示范区实验中学", "2026-10-14T02:00:00Z"},
      {6, "general", "示范区双桥小学", "2026-10-12T02:00:00Z"},
      {1, "major", "示范区双桥小学", "2026-10-15T02:00:00Z"},
  };
  std::sort(keys.begin(), keys.end(), cp::BriefingBefore);
  std::vector<std::int64_t> ids;
  for (const auto& k : keys) ids.push_back(k.hazard_id);
  // Major first (by school: 双 U+53CC < 实 U+5B9E), then 双桥 by found time and id, then 实验.
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 2, 3, 6, 4, 5}));
  // Equal in every key: neither comes first.
  EXPECT_FALSE(cp::BriefingBefore(keys[2], keys[2]));
  EXPECT_TRUE(cp::BriefingBefore({1, "major", "乙", "b"}, {2, "general", "甲", "a"}));
  EXPECT_FALSE(cp::BriefingBefore({2, "general", "甲", "a"}, {1, "major", "乙", "b"}));
}

}  // namespace
}  // namespace xiaoan
