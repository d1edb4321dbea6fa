// Campus traffic: a vehicle at the gate by its class, gates, hours and validity (the edges: the
// first and last valid day, the window's first minute and its end, a window across midnight),
// a registration's problems, and the rule traffic.ebike.
#include <gtest/gtest.h>

#include "domain/traffic/campus.hpp"

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

}  // namespace
}  // namespace xiaoan::domain::traffic
