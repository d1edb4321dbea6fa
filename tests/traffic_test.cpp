// Campus traffic: a vehicle at the gate by its class, gates, hours and validity (the edges: the
// first and last valid day, the window's first minute and its end, a window across midnight),
// a registration's problems, and the rule traffic.ebike.
#include <gtest/gtest.h>

#include "domain/traffic/campus.hpp"
#include "domain/traffic/campus_registry.hpp"

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
  ASSERT_EQ(CampusRuleDecls().size(), 1u);
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

}  // namespace
}  // namespace xiaoan::domain::traffic
