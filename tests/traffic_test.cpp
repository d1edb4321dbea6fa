// Campus traffic: a vehicle at the gate by its class, gates, hours and validity (the edges: the
// first and last valid day, the window's first minute and its end, a window across midnight),
// a registration's problems, and the rule traffic.ebike; the traffic guide (一校一策): its checks,
// its state against the semester and the rule traffic.guide on the semester's first and last day.
#include <gtest/gtest.h>

#include "domain/traffic/campus.hpp"
#include "domain/traffic/campus_registry.hpp"
#include "domain/traffic/campus_sheet.hpp"
#include "domain/traffic/guide.hpp"

namespace xiaoan::domain::traffic {
namespace {

using rules::Outcome;

calendar::Date D(const char* s) { return *calendar::ParseDate(s); }

CampusVehicle Staff() {
  CampusVehicle v;
  v.cls = VehicleClass::kStaff;
  v.gates = {"南门"};
  v.from_minute = 7 * 60;
  v.to_minute = 18 * 60;
  v.valid_from = D("2026-09-01");
  v.valid_until = D("2027-01-31");
  return v;
}

TEST(CampusVehicles, Classes) {
  for (auto c : {VehicleClass::kStaff, VehicleClass::kService, VehicleClass::kVisitor}) {
    EXPECT_EQ(ParseVehicleClass(VehicleClassCode(c)), c);
  }
  EXPECT_EQ(ParseVehicleClass("taxi"), std::nullopt);
  EXPECT_EQ(VehicleClassLabel(VehicleClass::kService), "服务车辆");
  EXPECT_EQ(VehicleClassLabel(VehicleClass::kVisitor), "访客车辆");
  EXPECT_EQ(VehicleClassLabel(VehicleClass::kStaff), "教职工车辆");
}

TEST(CampusVehicles, AtTheGate) {
  const auto v = Staff();
  EXPECT_TRUE(MayEnter(v, "南门", D("2026-12-03"), 7 * 60).allowed);
  EXPECT_EQ(MayEnter(v, "南门", D("2026-12-03"), 7 * 60).reason, "教职工车辆准许进入");
  EXPECT_FALSE(MayEnter(v, "南门", D("2026-12-03"), 7 * 60 - 1).allowed);
  EXPECT_TRUE(MayEnter(v, "南门", D("2026-12-03"), 18 * 60 - 1).allowed);
  const auto late = MayEnter(v, "南门", D("2026-12-03"), 18 * 60);
  EXPECT_FALSE(late.allowed);
  EXPECT_EQ(late.reason, "教职工车辆只能在 07:00—18:00 进入");
  const auto north = MayEnter(v, "北门", D("2026-12-03"), 8 * 60);
  EXPECT_FALSE(north.allowed);
  EXPECT_EQ(north.reason, "教职工车辆只能走南门");
  // Valid from the first day through the last.
  EXPECT_FALSE(MayEnter(v, "南门", D("2026-08-31"), 8 * 60).allowed);
  EXPECT_NE(MayEnter(v, "南门", D("2026-08-31"), 8 * 60).reason.find("2026-09-01 起"),
            std::string::npos);
  EXPECT_TRUE(MayEnter(v, "南门", D("2026-09-01"), 8 * 60).allowed);
  EXPECT_TRUE(MayEnter(v, "南门", D("2027-01-31"), 8 * 60).allowed);
  EXPECT_FALSE(MayEnter(v, "南门", D("2027-02-01"), 8 * 60).allowed);
  EXPECT_NE(MayEnter(v, "南门", D("2027-02-01"), 8 * 60).reason.find("已于 2027-01-31 到期"),
            std::string::npos);
  // Any gate, any time, no end.
  CampusVehicle open;
  EXPECT_TRUE(MayEnter(open, "北门", D("2030-01-01"), 0).allowed);
  auto two = Staff();
  two.gates = {"南门", "东门"};
  EXPECT_TRUE(MayEnter(two, "东门", D("2026-12-03"), 8 * 60).allowed);
  EXPECT_EQ(MayEnter(two, "北门", D("2026-12-03"), 8 * 60).reason, "教职工车辆只能走南门、东门");
  auto stopped = Staff();
  stopped.active = false;
  EXPECT_EQ(MayEnter(stopped, "南门", D("2026-12-03"), 8 * 60).reason, "教职工车辆已停用");
}

TEST(CampusVehicles, AWindowAcrossMidnight) {
  auto v = Staff();
  v.cls = VehicleClass::kService;
  v.from_minute = 22 * 60;
  v.to_minute = 6 * 60;  // canteen deliveries at night
  EXPECT_TRUE(MayEnter(v, "南门", D("2026-12-03"), 22 * 60).allowed);
  EXPECT_TRUE(MayEnter(v, "南门", D("2026-12-03"), 0).allowed);
  EXPECT_TRUE(MayEnter(v, "南门", D("2026-12-03"), 6 * 60 - 1).allowed);
  EXPECT_FALSE(MayEnter(v, "南门", D("2026-12-03"), 6 * 60).allowed);
  EXPECT_FALSE(MayEnter(v, "南门", D("2026-12-03"), 22 * 60 - 1).allowed);
  EXPECT_EQ(MayEnter(v, "南门", D("2026-12-03"), 12 * 60).reason,
            "服务车辆只能在 22:00—06:00 进入");
  // From a time to the same time (refused at registration) is read as the whole day.
  v.to_minute = 22 * 60;
  EXPECT_TRUE(MayEnter(v, "南门", D("2026-12-03"), 12 * 60).allowed);
  EXPECT_TRUE(MayEnter(v, "南门", D("2026-12-03"), 22 * 60).allowed);
}

bool Names(const std::vector<ErrorDetail>& problems, const std::string& field) {
  for (const auto& p : problems) {
    if (p.field == field) return true;
  }
  return false;
}

TEST(CampusVehicles, RegistrationProblemsNameTheirField) {
  EXPECT_TRUE(CheckCampusVehicle(Staff()).empty());
  auto half = Staff();
  half.to_minute.reset();
  EXPECT_TRUE(Names(CheckCampusVehicle(half), "to"));
  half = Staff();
  half.from_minute.reset();
  EXPECT_TRUE(Names(CheckCampusVehicle(half), "from"));
  auto bad = Staff();
  bad.from_minute = -1;
  EXPECT_TRUE(Names(CheckCampusVehicle(bad), "from"));
  bad.from_minute = 0;
  EXPECT_TRUE(CheckCampusVehicle(bad).empty());
  bad.to_minute = 24 * 60;
  EXPECT_TRUE(Names(CheckCampusVehicle(bad), "to"));
  bad.to_minute = 24 * 60 - 1;
  EXPECT_TRUE(CheckCampusVehicle(bad).empty());
  bad.to_minute = 0;  // the same as from
  EXPECT_TRUE(Names(CheckCampusVehicle(bad), "to"));
  auto backwards = Staff();
  backwards.valid_until = D("2026-08-31");
  EXPECT_TRUE(Names(CheckCampusVehicle(backwards), "valid_until"));
  backwards.valid_until = D("2026-09-01");  // one day
  EXPECT_TRUE(CheckCampusVehicle(backwards).empty());
  // A visitor's pass: its last day, at most 31 days.
  CampusVehicle visitor;
  visitor.cls = VehicleClass::kVisitor;
  EXPECT_TRUE(Names(CheckCampusVehicle(visitor), "valid_until"));
  visitor.valid_until = D("2026-12-03");
  EXPECT_TRUE(CheckCampusVehicle(visitor).empty());
  visitor.valid_from = D("2026-12-03");
  visitor.valid_until = D("2027-01-02");  // 31 days
  EXPECT_TRUE(CheckCampusVehicle(visitor).empty());
  visitor.valid_until = D("2027-01-03");  // 32 days
  EXPECT_TRUE(Names(CheckCampusVehicle(visitor), "valid_until"));
  auto staff = Staff();
  staff.valid_until.reset();  // staff and service vehicles may have no end
  EXPECT_TRUE(CheckCampusVehicle(staff).empty());
}

TEST(Ebikes, KeptOutUnlessLicensedCheckedAndGivenACampusPlate) {
  ASSERT_EQ(CampusRuleDecls().size(), 2u);  // and traffic.guide (below)
  EXPECT_TRUE(rules::CheckCatalog(CampusRuleDecls()).empty());
  EXPECT_EQ(CampusRuleDecls()[0].id, "traffic.ebike");
  EXPECT_EQ(CampusRuleDecls()[0].measure, 14);
  EbikeFacts ok{true, true, true, false};
  EXPECT_EQ(JudgeEbike(ok).outcome, Outcome::kPass);
  EXPECT_TRUE(MayEnter(ok).allowed);
  EbikeFacts no_plate = ok;
  no_plate.licence_plate = false;
  EXPECT_EQ(JudgeEbike(no_plate).outcome, Outcome::kFail);
  EXPECT_EQ(JudgeEbike(no_plate).reason, "无号牌");
  EXPECT_FALSE(MayEnter(no_plate).allowed);
  EXPECT_EQ(MayEnter(no_plate).reason, "电动自行车不得进入：无号牌");
  EbikeFacts modified = ok;
  modified.modified = true;
  EXPECT_EQ(JudgeEbike(modified).reason, "已改装");
  EbikeFacts no_campus = ok;
  no_campus.campus_plate = false;
  EXPECT_EQ(JudgeEbike(no_campus).reason, "未发放校内牌照");
  EbikeFacts unchecked = ok;
  unchecked.checked = false;
  EXPECT_EQ(JudgeEbike(unchecked).outcome, Outcome::kDue);
  EXPECT_FALSE(MayEnter(unchecked).allowed);
  unchecked.modified = true;  // not checked: what it says of modification is not yet known
  EXPECT_EQ(JudgeEbike(unchecked).outcome, Outcome::kDue);
  EbikeFacts worst{false, false, true, true};
  EXPECT_EQ(JudgeEbike(worst).reason, "无号牌，已改装，未发放校内牌照");
}

std::string FieldsOf(const std::vector<ErrorDetail>& problems) {
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : ",") + p.field;
  return out;
}

TEST(CampusRegistry, AVehicleAsEntered) {
  CampusVehicleRecord v;
  v.vehicle_class = "staff";
  v.plate = "浙a·81001";
  v.owner = "张老师";
  v.gates = {"南门"};
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "");
  v.from = "00:00";
  v.to = "23:59";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "");
  v.from = "24:00";
  v.to = "23:60";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "from,to");
  v.from = "7:00";
  v.to = "0/:00";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "from,to");
  v.from = "07:00";
  v.to = "";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "to");  // CheckCampusVehicle: both or neither
  v.to = "07:00";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "to");
  v.from = v.to = "";
  v.valid_from = "2026-12-01";
  v.valid_until = "2026-11-30";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "valid_until");
  v.valid_from = "明天";
  v.valid_until = "2026-13-01";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "valid_from,valid_until");
  v.valid_from = v.valid_until = "";
  v.vehicle_class = "visitor";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "valid_until");
  v.vehicle_class = "truck";
  v.plate = "";
  v.owner = " ";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "vehicle_class,plate,owner");
  v.vehicle_class = "service";
  v.plate = "浙A1234";
  v.owner = "配送";
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "plate");
  v.from = "07:00";  // without its end: not judged until the plate reads
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "plate");
  v.from = "";
  v.plate = "浙A12345";
  v.gates = std::vector<std::string>(kMaxGates, "门");
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "");
  v.gates.push_back("门");
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "gates");
  v.gates = {"南门", "", std::string(kMaxGateChars + 1, 'x')};
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "gates");  // once, for the first
  v.gates = {std::string(kMaxGateChars, 'x')};
  v.meta.note = std::string(kMaxBusNoteChars + 1, 'x');
  EXPECT_EQ(FieldsOf(CheckCampusVehicleRecord(v)), "note");

  CampusVehicleRecord facts;
  facts.vehicle_class = "visitor";
  facts.gates = {"南门"};
  facts.from = "22:00";
  facts.to = "06:00";
  facts.valid_until = "2026-12-05";
  facts.meta.active = false;
  const auto f = FactsOf(facts);
  EXPECT_EQ(f.cls, VehicleClass::kVisitor);
  EXPECT_EQ(f.from_minute, 22 * 60);
  EXPECT_EQ(f.to_minute, 6 * 60);
  EXPECT_FALSE(f.valid_from.has_value());
  EXPECT_EQ(f.valid_until, D("2026-12-05"));
  EXPECT_FALSE(f.active);
  EXPECT_EQ(f.gates, facts.gates);
}

TEST(CampusRegistry, AnEbikeAndTheGateCheckAsEntered) {
  const auto today = D("2026-11-30");
  EbikeRecord e;
  e.owner = "张老师";
  e.checked_on = "2026-11-30";
  e.modified = true;
  EXPECT_EQ(FieldsOf(CheckEbike(e, today)), "");
  e.checked_on = "2026-12-01";
  EXPECT_EQ(FieldsOf(CheckEbike(e, today)), "checked_on");
  e.checked_on = "11-30";
  EXPECT_EQ(FieldsOf(CheckEbike(e, today)), "checked_on");
  e.checked_on = "";
  EXPECT_EQ(FieldsOf(CheckEbike(e, today)), "modified");
  e.modified = false;
  e.owner = "";
  e.licence_plate = std::string(kMaxEbikePlateChars + 1, '1');
  e.campus_plate = std::string(kMaxEbikePlateChars + 1, '1');
  EXPECT_EQ(FieldsOf(CheckEbike(e, today)), "owner,licence_plate,campus_plate");
  e.owner = "x";
  e.licence_plate = std::string(kMaxEbikePlateChars, '1');
  e.campus_plate = " ";
  EXPECT_EQ(FieldsOf(CheckEbike(e, today)), "");
  const auto f = FactsOf(e);
  EXPECT_TRUE(f.licence_plate);
  EXPECT_FALSE(f.campus_plate);  // blank is none
  EXPECT_FALSE(f.checked);
  e.checked_on = "2026-11-01";
  e.modified = true;
  EXPECT_TRUE(FactsOf(e).checked && FactsOf(e).modified);

  EXPECT_EQ(FieldsOf(CheckGateCheck("vehicle", "南门", "浙A12345")), "");
  EXPECT_EQ(FieldsOf(CheckGateCheck("ebike", "南门", "")), "");
  EXPECT_EQ(FieldsOf(CheckGateCheck("vehicle", "南门", "")), "plate");
  EXPECT_EQ(FieldsOf(CheckGateCheck("car", "", "")), "kind,gate");

  EXPECT_EQ(ClockMinute("00:00"), 0);
  EXPECT_EQ(ClockMinute("23:59"), 23 * 60 + 59);
  EXPECT_EQ(ClockMinute("09:5:"), std::nullopt);
  EXPECT_EQ(ClockMinute("0:000"), std::nullopt);
  EXPECT_EQ(ClockMinute("0900"), std::nullopt);
  EXPECT_EQ(ClockMinute("09000"), std::nullopt);   // five characters without the colon
  EXPECT_EQ(ClockMinute("09:000"), std::nullopt);  // the colon, one character too many
  // 01:00 UTC is 09:00 in China; 16:00 UTC is midnight.
  Instant t;
  ParseInstant("2026-11-30T01:00:00Z", t);
  EXPECT_EQ(MinuteInChina(t), 9 * 60);
  ParseInstant("2026-11-30T16:00:00Z", t);
  EXPECT_EQ(MinuteInChina(t), 0);
  ParseInstant("2026-11-30T15:59:00Z", t);
  EXPECT_EQ(MinuteInChina(t), 23 * 60 + 59);
}

TrafficGuide Guide() {
  TrafficGuide g;
  g.unit_id = 7;
  g.unit_name = "示范小学";
  g.gates = {{"南门", "people", ""}, {"西门", "vehicles", ""}};
  g.peaks = {{"一年级", "arrival", "07:30", "07:50", "南门"},
             {"一年级", "dismissal", "15:30", "15:50", ""}};
  g.posts = {{"南门斑马线", "07:20", "08:00", "值周教师"}};
  g.separation = "南门行人、西门车辆";
  g.police_duty = "高峰设岗";
  return g;
}

TEST(TrafficGuide, WhatIsEnteredIsCheckedByField) {
  EXPECT_EQ(FieldsOf(CheckGuide(Guide())), "");
  auto g = Guide();
  g.gates.push_back({"南门", "both", ""});
  g.gates.push_back({" ", "lane", ""});
  g.peaks[0].to = "07:30";                                          // not after from
  g.peaks[1].from = "7:30";                                         // not HH:MM
  g.peaks[1].gate = "北门";                                         // not one of the gates
  g.peaks.push_back({"二年级", "noon", "11:00", "11:01", "西门"});  // one minute is a span
  g.zones = {{"roof", "", ""}};
  g.posts[0].from = "08:00";  // equal to the end
  g.needs = {{"speed_hump", "", std::string(kMaxNeedChars + 1, 'x'), {}}};
  EXPECT_EQ(FieldsOf(CheckGuide(g)),
            "gates[2].name,gates[3].name,gates[3].use,peaks[0].to,peaks[1].from,peaks[1].gate,"
            "peaks[2].kind,zones[0].kind,zones[0].name,posts[0].to,needs[0].location,"
            "needs[0].description");
  auto many = Guide();
  many.gates.assign(kMaxGuideRows, {"门", "both", ""});
  for (std::size_t i = 0; i < many.gates.size(); ++i) many.gates[i].name += std::to_string(i);
  many.peaks[0].gate = "门0";
  EXPECT_EQ(FieldsOf(CheckGuide(many)), "");
  many.gates.push_back({"门X", "both", ""});
  EXPECT_EQ(FieldsOf(CheckGuide(many)), "gates");
  auto needs = Guide();
  needs.needs.assign(kMaxGuideNeeds, {"sign", "路口", std::string(kMaxNeedChars, 'x'), {}});
  EXPECT_EQ(FieldsOf(CheckGuide(needs)), "");
  needs.needs.push_back({"sign", "路口", "", {}});
  EXPECT_EQ(FieldsOf(CheckGuide(needs)), "needs");
}

TEST(TrafficGuide, PublishingAsksForWhatAGuideNeeds) {
  EXPECT_EQ(FieldsOf(CheckPublishable(Guide())), "");
  TrafficGuide empty;
  EXPECT_EQ(FieldsOf(CheckPublishable(empty)), "gates,peaks,peaks,posts,separation,police_duty");
  auto g = Guide();
  g.peaks.pop_back();  // no dismissal
  g.posts[0].people = " ";
  EXPECT_EQ(FieldsOf(CheckPublishable(g)), "peaks,posts");
  g.peaks.push_back(g.peaks.front());  // two arrival peaks: still no dismissal
  const auto problems = CheckPublishable(g);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].reason, "发布前请填写放学高峰时段");
  g = Guide();
  g.peaks.erase(g.peaks.begin());  // no arrival
  g.posts.push_back({"西门", "07:00", "08:00", ""});
  EXPECT_EQ(FieldsOf(CheckPublishable(g)), "peaks");
}

TEST(TrafficGuide, StateAgainstTheSemester) {
  const auto term = D("2026-09-01");
  EXPECT_EQ(StateOf(std::nullopt, term), GuideState::kNone);
  auto g = Guide();
  EXPECT_EQ(StateOf(g, term), GuideState::kNone);  // version 0: not stored
  g.version = 1;
  EXPECT_EQ(StateOf(g, term), GuideState::kDraft);
  g.version = 3;
  g.published_version = 3;
  g.published_on = "2026-09-01";  // the semester's first day
  EXPECT_EQ(StateOf(g, term), GuideState::kCurrent);
  EXPECT_EQ(StateOf(g, std::nullopt), GuideState::kCurrent);
  g.published_on = "2026-08-31";  // the day before
  EXPECT_EQ(StateOf(g, term), GuideState::kOutdated);
  EXPECT_EQ(StateOf(g, std::nullopt), GuideState::kCurrent);
  g.version = 4;  // edited since
  EXPECT_EQ(StateOf(g, term), GuideState::kChanged);
  g.published_on = "";
  EXPECT_EQ(StateOf(g, term), GuideState::kDraft);
  for (auto s : {GuideState::kNone, GuideState::kDraft, GuideState::kChanged, GuideState::kOutdated,
                 GuideState::kCurrent}) {
    EXPECT_FALSE(GuideStateLabel(s).empty());
  }
  EXPECT_EQ(GuideStateCode(GuideState::kOutdated), "outdated");
}

TEST(TrafficGuide, TheRuleOnTheSemestersFirstAndLastDay) {
  const rules::PeriodSpan semester{"2026-1", "2026—2027学年第一学期", D("2026-09-01"),
                                   D("2027-01-22")};
  EXPECT_EQ(GuideRule().id, "traffic.guide");
  EXPECT_EQ(GuideRule().measure, 15);
  EXPECT_EQ(GuideRule().period, rules::Period::kSemester);
  // No guide: due through the last day, failed the day after.
  EXPECT_EQ(JudgeGuide(semester, std::nullopt, D("2027-01-22")).verdict.outcome, Outcome::kDue);
  EXPECT_TRUE(JudgeGuide(semester, std::nullopt, D("2027-01-22")).so_far);
  EXPECT_EQ(JudgeGuide(semester, std::nullopt, D("2027-01-23")).verdict.outcome, Outcome::kFail);
  EXPECT_FALSE(JudgeGuide(semester, std::nullopt, D("2027-01-23")).so_far);
  auto g = Guide();
  g.version = 2;
  g.published_version = 2;
  for (const auto& [on, outcome] :
       {std::pair{"2026-08-31", Outcome::kDue}, std::pair{"2026-09-01", Outcome::kPass},
        std::pair{"2027-01-22", Outcome::kPass}, std::pair{"2027-01-23", Outcome::kDue}}) {
    g.published_on = on;
    const auto j = JudgeGuide(semester, g, D("2026-12-01"));
    EXPECT_EQ(j.verdict.outcome, outcome) << on;
  }
  g.published_on = "2026-10-08";
  const auto pass = JudgeGuide(semester, g, D("2026-12-01"));
  EXPECT_EQ(pass.verdict.reason, "2026—2027学年第一学期已于 2026-10-08 发布一校一策");
  EXPECT_EQ(pass.verdict.evidence, (std::vector<std::int64_t>{7}));
  // Written but never published counts as none.
  g.published_version = 0;
  EXPECT_EQ(JudgeGuide(semester, g, D("2026-12-01")).verdict.outcome, Outcome::kDue);
  // The module's rules: traffic.ebike and traffic.guide.
  ASSERT_EQ(CampusRuleDecls().size(), 2U);
  EXPECT_EQ(CampusRuleDecls()[1].id, "traffic.guide");
}

TEST(TrafficGuide, TheNeedsNotYetSentMakeOneWhistle) {
  auto g = Guide();
  EXPECT_FALSE(WhistleOfNeeds(g).has_value());
  g.needs = {{"crossing", "南门外育才路", "施划人行横道", {}},
             {"sign", "育才路口", "", 12},
             {"crossing", "西门外", "", {}},
             {"speed_hump", "育才路东段", "两处", {}}};
  const auto w = WhistleOfNeeds(g);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->title, "学校周边交通设施需求：人行横道、减速带");
  EXPECT_EQ(w->location, "南门外育才路");
  EXPECT_NE(w->description.find("示范小学"), std::string::npos);
  EXPECT_NE(
      w->description.find("1. 人行横道（南门外育才路）：施划人行横道\n2. 人行横道（西门外）\n3. "
                          "减速带（育才路东段）：两处\n"),
      std::string::npos);
  EXPECT_EQ(w->description.find("交通标志"), std::string::npos);
  for (auto& n : g.needs) n.whistle_id = 12;
  EXPECT_FALSE(WhistleOfNeeds(g).has_value());
  EXPECT_EQ(NeedKinds().size(), 7U);
  EXPECT_EQ(NeedKindLabel("fence"), "隔离护栏");
  EXPECT_EQ(NeedKindLabel("wall"), "");
  EXPECT_EQ(GateUseLabel("both"), "人车共用");
  EXPECT_EQ(PeakKindLabel("dismissal"), "放学");
  EXPECT_EQ(ZoneKindLabel("bus"), "校车停靠区");
}

TEST(CampusSheet, ARowReadsAsTheFormWouldHaveIt) {
  ASSERT_EQ(CampusListOf("vehicles"), CampusList::kVehicles);
  ASSERT_EQ(CampusListOf("ebikes"), CampusList::kEbikes);
  EXPECT_FALSE(CampusListOf("bikes").has_value());
  const auto& vc = CampusColumns(CampusList::kVehicles);
  ASSERT_EQ(vc.size(), 11U);
  EXPECT_TRUE(CampusDateColumn(CampusList::kVehicles, 8));
  EXPECT_TRUE(CampusDateColumn(CampusList::kVehicles, 9));
  EXPECT_FALSE(CampusDateColumn(CampusList::kVehicles, 6));
  EXPECT_FALSE(CampusDateColumn(CampusList::kVehicles, 11));  // past the last column
  EXPECT_TRUE(CampusDateColumn(CampusList::kEbikes, 5));
  EXPECT_FALSE(CampusDateColumn(CampusList::kEbikes, 6));

  auto v = ParseCampusRow(CampusList::kVehicles,
                          {4,
                           {"S1", "示范小学", "服务车辆", "浙a·31001", "食堂",
                            " 北门、东门，西门;南门 ; ", "06:00", "08:00", "", "", "周一至周五"}});
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->row, 4);
  EXPECT_EQ(v->school_code, "S1");
  EXPECT_EQ(v->vehicle.vehicle_class, "service");
  EXPECT_EQ(v->vehicle.plate, "浙A31001");
  EXPECT_EQ(v->vehicle.gates, (std::vector<std::string>{"北门", "东门", "西门", "南门"}));
  EXPECT_EQ(v->vehicle.meta.note, "周一至周五");
  // Out again in the same columns: the label, the gates joined.
  EXPECT_EQ(CampusCells(v->vehicle),
            (std::vector<std::string>{"服务车辆", "浙A31001", "食堂", "北门、东门、西门、南门",
                                      "06:00", "08:00", "", "", "周一至周五"}));
  auto bad = ParseCampusRow(CampusList::kVehicles, {5, {"", "", "校车", "浙A1"}});
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().details.size(), 2U);
  EXPECT_EQ(bad.error().details[0].field, "学校代码");
  EXPECT_EQ(bad.error().details[1].field, "车辆类别");
  EXPECT_EQ(bad.error().details[1].row, 5);

  auto e = ParseCampusRow(CampusList::kEbikes,
                          {2, {"S1", "", "张老师", "浙杭100001", "校100", "2026-11-20", "是", ""}});
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->ebike.modified);
  EXPECT_EQ(CampusCells(e->ebike),
            (std::vector<std::string>{"张老师", "浙杭100001", "校100", "2026-11-20", "是", ""}));
  for (const char* no : {"", "否", "无", "N", "n", "0"}) {
    auto r = ParseCampusRow(CampusList::kEbikes, {2, {"S1", "", "张", "", "", "", no, ""}});
    ASSERT_TRUE(r.ok()) << no;
    EXPECT_FALSE(r->ebike.modified) << no;
  }
  for (const char* yes : {"是", "有", "Y", "y", "1"}) {
    auto r = ParseCampusRow(CampusList::kEbikes, {2, {"S1", "", "张", "", "", "", yes, ""}});
    ASSERT_TRUE(r.ok()) << yes;
    EXPECT_TRUE(r->ebike.modified) << yes;
  }
  EXPECT_FALSE(
      ParseCampusRow(CampusList::kEbikes, {2, {"S1", "", "张", "", "", "", "也许", ""}}).ok());
  // A record's field by its column; the keys within a school.
  EXPECT_EQ(CampusColumnOf(CampusList::kVehicles, "to"), "准入结束");
  EXPECT_EQ(CampusColumnOf(CampusList::kVehicles, "unit_id"), "学校代码");
  EXPECT_EQ(CampusColumnOf(CampusList::kEbikes, "checked_on"), "改装检查日期");
  EXPECT_EQ(CampusColumnOf(CampusList::kEbikes, "plate"), "plate");
  EXPECT_EQ(CampusKey(e->ebike), "张老师|浙杭100001");
  EXPECT_EQ(CampusKey(v->vehicle), "浙A31001");
  EXPECT_EQ(CampusListLabel(CampusList::kEbikes), "电动自行车");
  EXPECT_EQ(CampusColumnNotes(CampusList::kVehicles).size(), 11U);
}

}  // namespace
}  // namespace xiaoan::domain::traffic
