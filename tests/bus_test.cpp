// The school-bus rules (bus.*) at their edges: ages on the birthday (29 February too), the
// licence's anniversary, six months after an inspection (the end of a shorter month), a permit
// expiring in 30 days, the background checks, a route's monitor and capacity.
#include <gtest/gtest.h>

#include <map>

#include "domain/traffic/bus.hpp"
#include "domain/traffic/bus_registry.hpp"
#include "domain/traffic/bus_sheet.hpp"

namespace xiaoan::domain::traffic {
namespace {

using rules::Outcome;

cal::Date D(const char* s) { return *cal::ParseDate(s); }

DriverFacts GoodDriver() {
  DriverFacts d;
  d.birth = D("1980-06-15");
  d.licence_class = "A1";
  d.licence_since = D("2010-03-01");
  d.bus_endorsement = true;
  d.health_checked_on = D("2026-09-01");
  return d;
}

TEST(BusDates, AgeGrowsOnTheBirthday) {
  EXPECT_EQ(AgeOn(D("2001-12-03"), D("2026-12-02")), 24);
  EXPECT_EQ(AgeOn(D("2001-12-03"), D("2026-12-03")), 25);
  EXPECT_EQ(AgeOn(D("2001-12-03"), D("2026-12-04")), 25);
  // 29 February: a year older on 1 March in a common year, on the 29th in a leap year.
  EXPECT_EQ(AgeOn(D("2000-02-29"), D("2026-02-28")), 25);
  EXPECT_EQ(AgeOn(D("2000-02-29"), D("2025-02-28")), 24);
  EXPECT_EQ(AgeOn(D("2000-02-29"), D("2025-03-01")), 25);
  EXPECT_EQ(AgeOn(D("2000-02-29"), D("2024-02-28")), 23);
  EXPECT_EQ(AgeOn(D("2000-02-29"), D("2024-02-29")), 24);
  EXPECT_EQ(AgeOn(D("2026-05-01"), D("2026-04-30")), 0);  // before birth
  EXPECT_EQ(AgeOn(D("2026-05-01"), D("2026-05-01")), 0);
  EXPECT_EQ(YearsAfter(D("2000-02-29"), 1), D("2001-03-01"));
  EXPECT_EQ(YearsAfter(D("2000-02-29"), 4), D("2004-02-29"));
  EXPECT_EQ(YearsAfter(D("2023-12-31"), 3), D("2026-12-31"));
}

TEST(BusDates, MonthsAfterKeepsTheDayOrTakesTheMonthsEnd) {
  EXPECT_EQ(MonthsAfter(D("2026-01-15"), 6), D("2026-07-15"));
  EXPECT_EQ(MonthsAfter(D("2025-08-31"), 6), D("2026-02-28"));
  EXPECT_EQ(MonthsAfter(D("2027-08-31"), 6), D("2028-02-29"));
  EXPECT_EQ(MonthsAfter(D("2026-07-31"), 6), D("2027-01-31"));
  EXPECT_EQ(MonthsAfter(D("2026-09-30"), 12), D("2027-09-30"));
  EXPECT_EQ(MonthsAfter(D("2026-03-31"), 1), D("2026-04-30"));
}

TEST(BusLicences, ClassesAndWhatTheyCover) {
  EXPECT_EQ(NormalizeLicenceClass(" a1 "), "A1");
  EXPECT_EQ(NormalizeLicenceClass("b1"), "B1");
  EXPECT_EQ(NormalizeLicenceClass("C2"), std::nullopt);  // automatic cars: no school bus
  EXPECT_EQ(NormalizeLicenceClass("D"), std::nullopt);
  EXPECT_EQ(NormalizeLicenceClass(""), std::nullopt);
  EXPECT_TRUE(LicenceCovers("A1", "A1"));
  EXPECT_TRUE(LicenceCovers("A1", "B1"));
  EXPECT_TRUE(LicenceCovers("A1", "C1"));
  EXPECT_TRUE(LicenceCovers("A3", "C1"));
  EXPECT_FALSE(LicenceCovers("A3", "B1"));
  EXPECT_FALSE(LicenceCovers("B1", "A1"));
  EXPECT_TRUE(LicenceCovers("B1", "C1"));
  EXPECT_FALSE(LicenceCovers("C1", "B1"));
  EXPECT_FALSE(LicenceCovers("", "C1"));
  EXPECT_FALSE(LicenceCovers("A1", ""));
  EXPECT_FALSE(LicenceCovers("X9", "C1"));
  EXPECT_EQ(RequiredLicenceClass(56), "A1");
  EXPECT_EQ(RequiredLicenceClass(20), "A1");
  EXPECT_EQ(RequiredLicenceClass(19), "B1");
  EXPECT_EQ(RequiredLicenceClass(10), "B1");
  EXPECT_EQ(RequiredLicenceClass(9), "C1");
}

TEST(BusRules, DeclaredOnceForMeasure16) {
  EXPECT_TRUE(rules::CheckCatalog(BusRuleDecls()).empty());
  ASSERT_EQ(BusRuleDecls().size(), 7u);
  for (const auto& r : BusRuleDecls()) {
    EXPECT_EQ(r.measure, 16) << r.id;
    EXPECT_EQ(r.period, rules::Period::kRecord) << r.id;
    EXPECT_EQ(FindBusRule(r.id), &r);
  }
  EXPECT_EQ(FindBusRule("bus.nothing"), nullptr);
  // The age bounds are the parameters' own: a minimum above 30 or a maximum below 50 is refused.
  const auto* age = FindBusRule("bus.driver_age");
  ASSERT_NE(age, nullptr);
  std::vector<ErrorDetail> problems;
  rules::CheckValues(*age, {{"min_age", 26}, {"max_age", 55}}, problems);
  EXPECT_TRUE(problems.empty());
  rules::CheckValues(*age, {{"min_age", 31}, {"max_age", 49}}, problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "max_age");  // in the order of the keys
  EXPECT_EQ(problems[1].field, "min_age");
}

TEST(BusRules, DriverAgeOnTheExactDay) {
  auto d = GoodDriver();
  d.birth = D("2001-12-03");  // 25 on 2026-12-03
  EXPECT_EQ(JudgeDriverAge(d, D("2026-12-02")).outcome, Outcome::kFail);
  EXPECT_NE(JudgeDriverAge(d, D("2026-12-02")).reason.find("2026-12-03 年满"), std::string::npos);
  EXPECT_EQ(JudgeDriverAge(d, D("2026-12-03")).outcome, Outcome::kPass);
  // 60 until the day before the 61st birthday; warned in the last 30 days.
  d.birth = D("1966-01-05");                                              // 61 on 2027-01-05
  EXPECT_EQ(JudgeDriverAge(d, D("2026-12-05")).outcome, Outcome::kPass);  // 31 days left
  EXPECT_EQ(JudgeDriverAge(d, D("2026-12-06")).outcome, Outcome::kWarn);  // 30 days left
  EXPECT_NE(JudgeDriverAge(d, D("2026-12-06")).reason.find("还有 30 天"), std::string::npos);
  EXPECT_EQ(JudgeDriverAge(d, D("2027-01-04")).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgeDriverAge(d, D("2027-01-05")).outcome, Outcome::kFail);
  // The district's own bounds and warning.
  RuleValues v{{"bus.driver_age", {{"min_age", 26}, {"max_age", 55}, {"warn_days", 0}}}};
  d.birth = D("2000-12-03");  // 26 on 2026-12-03
  EXPECT_EQ(JudgeDriverAge(d, D("2026-12-02"), v).outcome, Outcome::kFail);
  EXPECT_EQ(JudgeDriverAge(d, D("2026-12-03"), v).outcome, Outcome::kPass);
  d.birth = D("1971-12-04");  // 55 until 2027-12-03, 56 on 2027-12-04
  EXPECT_EQ(JudgeDriverAge(d, D("2027-12-02"), v).outcome, Outcome::kPass);
  EXPECT_EQ(JudgeDriverAge(d, D("2027-12-03"), v).outcome, Outcome::kPass);  // warn 0: never
  EXPECT_EQ(JudgeDriverAge(d, D("2027-12-04"), v).outcome, Outcome::kFail);
}

TEST(BusRules, DriverExperienceOnTheAnniversary) {
  auto d = GoodDriver();
  d.licence_since = D("2023-12-04");
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2026-12-03")).outcome, Outcome::kFail);
  EXPECT_NE(JudgeDriverExperience(d, "A1", D("2026-12-03")).reason.find("2026-12-04 满"),
            std::string::npos);
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2026-12-04")).outcome, Outcome::kPass);
  // 29 February: three years on 1 March.
  d.licence_since = D("2024-02-29");
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2027-02-28")).outcome, Outcome::kFail);
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2027-03-01")).outcome, Outcome::kPass);
  RuleValues five{{"bus.driver_experience", {{"years", 5}}}};
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2029-02-28"), five).outcome, Outcome::kFail);
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2029-03-01"), five).outcome, Outcome::kPass);
  // The class must cover the bus; any school-bus class when none is named.
  d = GoodDriver();
  d.licence_class = "B1";
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2026-12-03")).outcome, Outcome::kFail);
  EXPECT_EQ(JudgeDriverExperience(d, "B1", D("2026-12-03")).outcome, Outcome::kPass);
  EXPECT_EQ(JudgeDriverExperience(d, "", D("2026-12-03")).outcome, Outcome::kPass);
  d.licence_class = "C2";
  EXPECT_EQ(JudgeDriverExperience(d, "", D("2026-12-03")).outcome, Outcome::kFail);
  d = GoodDriver();
  d.licence_since.reset();
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2026-12-03")).reason, "初次领证日期未登记");
  d = GoodDriver();
  d.bus_endorsement = false;
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2026-12-03")).outcome, Outcome::kFail);
  EXPECT_EQ(JudgeDriverExperience(d, "A1", D("2026-12-03")).reason, "驾驶证未签注准许驾驶校车");
}

TEST(BusRules, DriverRecordAndHealthCheck) {
  const auto day = D("2026-12-03");
  EXPECT_EQ(JudgeDriverRecord(GoodDriver(), day).outcome, Outcome::kPass);
  const auto fails_with = [&](auto set, const std::string& text) {
    auto d = GoodDriver();
    set(d);
    const auto v = JudgeDriverRecord(d, day);
    EXPECT_EQ(v.outcome, Outcome::kFail) << text;
    EXPECT_NE(v.reason.find(text), std::string::npos) << v.reason;
  };
  fails_with([](DriverFacts& d) { d.full_points_in_3_cycles = true; }, "满分");
  fails_with([](DriverFacts& d) { d.fatal_accident_responsibility = true; }, "事故责任");
  fails_with([](DriverFacts& d) { d.drink_driving = true; }, "醉酒");
  fails_with([](DriverFacts& d) { d.overload_or_speeding_last_year = true; }, "超员");
  fails_with([](DriverFacts& d) { d.criminal_record = true; }, "犯罪");
  fails_with([](DriverFacts& d) { d.health_checked_on.reset(); }, "未登记体检");
  auto both = GoodDriver();
  both.drink_driving = true;
  both.criminal_record = true;
  EXPECT_NE(JudgeDriverRecord(both, day).reason.find("；"), std::string::npos);
  // A health check is good for 12 months, through the same day; warned 30 days before.
  auto d = GoodDriver();
  d.health_checked_on = D("2025-12-03");
  EXPECT_EQ(JudgeDriverRecord(d, D("2026-12-03")).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgeDriverRecord(d, D("2026-12-04")).outcome, Outcome::kFail);
  EXPECT_EQ(JudgeDriverRecord(d, D("2026-11-03")).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgeDriverRecord(d, D("2026-11-02")).outcome, Outcome::kPass);
  RuleValues six{{"bus.driver_record", {{"health_months", 6}, {"warn_days", 10}}}};
  EXPECT_EQ(JudgeDriverRecord(d, D("2026-05-24"), six).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgeDriverRecord(d, D("2026-05-23"), six).outcome, Outcome::kPass);
  EXPECT_EQ(JudgeDriverRecord(d, D("2026-06-03"), six).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgeDriverRecord(d, D("2026-06-04"), six).outcome, Outcome::kFail);
}

TEST(BusRules, InspectionSixMonthsOn) {
  VehicleFacts v;
  v.seats = 35;
  v.inspected_on = D("2026-06-03");
  EXPECT_EQ(JudgeInspection(v, D("2026-11-02")).outcome, Outcome::kPass);
  EXPECT_EQ(JudgeInspection(v, D("2026-11-03")).outcome, Outcome::kWarn);  // 30 days left
  EXPECT_EQ(JudgeInspection(v, D("2026-12-03")).outcome, Outcome::kWarn);  // the last day
  EXPECT_EQ(JudgeInspection(v, D("2026-12-04")).outcome, Outcome::kFail);
  EXPECT_NE(JudgeInspection(v, D("2026-12-04")).reason.find("2026-12-03"), std::string::npos);
  // 31 August + 6 months: the last day of February.
  v.inspected_on = D("2026-08-31");
  EXPECT_EQ(JudgeInspection(v, D("2027-02-28")).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgeInspection(v, D("2027-03-01")).outcome, Outcome::kFail);
  RuleValues yearly{{"bus.inspection", {{"months", 12}, {"warn_days", 0}}}};
  EXPECT_EQ(JudgeInspection(v, D("2027-08-30"), yearly).outcome, Outcome::kPass);
  EXPECT_EQ(JudgeInspection(v, D("2027-08-31"), yearly).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgeInspection(v, D("2027-09-01"), yearly).outcome, Outcome::kFail);
  v.inspected_on.reset();
  EXPECT_EQ(JudgeInspection(v, D("2026-12-03")).outcome, Outcome::kFail);
}

TEST(BusRules, PermitValidThroughItsLastDayWarned30DaysAhead) {
  VehicleFacts v;
  v.permit_until = D("2027-01-02");
  EXPECT_EQ(JudgePermit(v, D("2026-12-02")).outcome, Outcome::kPass);  // 31 days
  EXPECT_EQ(JudgePermit(v, D("2026-12-03")).outcome, Outcome::kWarn);  // 30 days
  EXPECT_NE(JudgePermit(v, D("2026-12-03")).reason.find("还有 30 天"), std::string::npos);
  EXPECT_EQ(JudgePermit(v, D("2027-01-02")).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgePermit(v, D("2027-01-03")).outcome, Outcome::kFail);
  RuleValues early{{"bus.permit", {{"warn_days", 60}}}};
  EXPECT_EQ(JudgePermit(v, D("2026-11-03"), early).outcome, Outcome::kWarn);
  EXPECT_EQ(JudgePermit(v, D("2026-11-02"), early).outcome, Outcome::kPass);
  v.permit_until.reset();
  EXPECT_EQ(JudgePermit(v, D("2026-12-03")).reason, "未取得校车标牌");
}

TEST(BusRules, RouteMonitorAndCapacity) {
  RouteFacts r;
  EXPECT_EQ(JudgeMonitor(r).outcome, Outcome::kFail);
  r.has_monitor = true;
  EXPECT_EQ(JudgeMonitor(r).outcome, Outcome::kPass);
  EXPECT_EQ(JudgeCapacity(r).outcome, Outcome::kNotApplicable);
  r.seats = 35;
  r.riders = 35;
  EXPECT_EQ(JudgeCapacity(r).outcome, Outcome::kPass);
  r.riders = 36;
  EXPECT_EQ(JudgeCapacity(r).outcome, Outcome::kFail);
  EXPECT_NE(JudgeCapacity(r).reason.find("超员"), std::string::npos);
  r.riders = 0;
  EXPECT_EQ(JudgeCapacity(r).outcome, Outcome::kPass);
}

TEST(BusRules, AFailingDriverOrVehicleIsKeptOffRoutes) {
  const auto day = D("2026-12-03");
  auto verdicts = JudgeDriver(GoodDriver(), "A1", day);
  ASSERT_EQ(verdicts.size(), 3u);
  EXPECT_EQ(verdicts[0].rule_id, "bus.driver_age");
  EXPECT_FALSE(AnyFails(verdicts));
  auto old = GoodDriver();
  old.birth = D("1960-01-01");
  EXPECT_TRUE(AnyFails(JudgeDriver(old, "A1", day)));
  // A warning alone does not keep them off.
  auto expiring = GoodDriver();
  expiring.health_checked_on = D("2025-12-10");
  const auto warned = JudgeDriver(expiring, "A1", day);
  EXPECT_EQ(warned[2].verdict.outcome, Outcome::kWarn);
  EXPECT_FALSE(AnyFails(warned));
  VehicleFacts v;
  v.seats = 35;
  v.inspected_on = D("2026-09-01");
  v.permit_until = D("2027-08-31");
  EXPECT_FALSE(AnyFails(JudgeVehicle(v, day)));
  v.permit_until = D("2026-12-02");
  const auto lapsed = JudgeVehicle(v, day);
  EXPECT_EQ(lapsed[1].rule_id, "bus.permit");
  EXPECT_TRUE(AnyFails(lapsed));
  EXPECT_FALSE(AnyFails({}));
}

TEST(BusRoutes, AFailingDriverOrVehicleOrTooManyRidersAreRefused) {
  const auto day = D("2026-12-03");
  VehicleFacts big;
  big.seats = 35;
  big.inspected_on = D("2026-09-01");
  big.permit_until = D("2027-08-31");
  EXPECT_TRUE(RouteProblems(GoodDriver(), big, 35, day).empty());
  EXPECT_TRUE(RouteProblems(std::nullopt, std::nullopt, 0, day).empty());
  // One rider more than the seats.
  auto problems = RouteProblems(GoodDriver(), big, 36, day);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "riders");
  EXPECT_NE(problems[0].reason.find("36"), std::string::npos);
  // A B1 licence does not drive a 35-seat bus (A1), but a 19-seat one (B1), and any when no
  // vehicle is assigned yet.
  auto medium = GoodDriver();
  medium.licence_class = "B1";
  problems = RouteProblems(medium, big, 30, day);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "driver_id");
  EXPECT_NE(problems[0].reason.find("驾驶人不符合校车驾驶人条件：准驾车型 B1"), std::string::npos)
      << problems[0].reason;
  auto small = big;
  small.seats = 19;
  EXPECT_TRUE(RouteProblems(medium, small, 19, day).empty());
  EXPECT_TRUE(RouteProblems(medium, std::nullopt, 30, day).empty());
  // Two failing driver rules, both named; a lapsed permit on the vehicle.
  auto old = GoodDriver();
  old.birth = D("1960-01-01");
  old.criminal_record = true;
  auto lapsed = big;
  lapsed.permit_until = D("2026-12-02");
  problems = RouteProblems(old, lapsed, 10, day);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "driver_id");
  EXPECT_NE(problems[0].reason.find("已超过 60 周岁；有犯罪记录"), std::string::npos)
      << problems[0].reason;
  EXPECT_EQ(problems[1].field, "vehicle_id");
  EXPECT_NE(problems[1].reason.find("校车标牌已过期"), std::string::npos) << problems[1].reason;
  // A warning keeps no one off; negative riders are refused.
  auto expiring = GoodDriver();
  expiring.health_checked_on = D("2025-12-10");
  EXPECT_TRUE(RouteProblems(expiring, big, 1, day).empty());
  problems = RouteProblems(std::nullopt, std::nullopt, -1, day);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "riders");
  // The district's values apply: a 70-year maximum lets the older driver pass the age rule.
  RuleValues v{{"bus.driver_age", {{"max_age", 70}}}};
  old.criminal_record = false;
  EXPECT_TRUE(RouteProblems(old, big, 10, day, v).empty());
  EXPECT_FALSE(RouteProblems(old, big, 10, day).empty());
}

TEST(BusPlates, NormalizedOrRefused) {
  EXPECT_EQ(NormalizePlate("浙a·12345"), "浙A12345");
  EXPECT_EQ(NormalizePlate(" 浙A 12345 "), "浙A12345");
  EXPECT_EQ(NormalizePlate("浙A-12345"), "浙A12345");
  EXPECT_EQ(NormalizePlate("浙A・12345"), "浙A12345");
  EXPECT_EQ(NormalizePlate("浙A･12345"), "浙A12345");
  EXPECT_EQ(NormalizePlate("浙\tAD12345"), "浙AD12345");  // new energy: six after the letter
  EXPECT_EQ(NormalizePlate("京A12345"), "京A12345");      // the first province
  EXPECT_EQ(NormalizePlate("琼B12345"), "琼B12345");      // the last
  EXPECT_EQ(NormalizePlate("浙Z09AZ9"), "浙Z09AZ9");
  EXPECT_EQ(NormalizePlate(""), std::nullopt);
  EXPECT_EQ(NormalizePlate("浙"), std::nullopt);
  EXPECT_EQ(NormalizePlate("浙A1234"), std::nullopt);     // too short
  EXPECT_EQ(NormalizePlate("浙A1234567"), std::nullopt);  // too long
  EXPECT_EQ(NormalizePlate("AB1234567"), std::nullopt);   // no province
  EXPECT_EQ(NormalizePlate("港A12345"), std::nullopt);    // not a province abbreviation
  EXPECT_EQ(NormalizePlate("浙112345"), std::nullopt);    // a digit after the province
  EXPECT_EQ(NormalizePlate("浙@12345"), std::nullopt);    // just before A
  EXPECT_EQ(NormalizePlate("浙[12345"), std::nullopt);    // just after Z
  EXPECT_EQ(NormalizePlate("浙A1234/"), std::nullopt);    // just before 0
  EXPECT_EQ(NormalizePlate("浙A1234:"), std::nullopt);    // just after 9
  EXPECT_EQ(NormalizePlate("浙A1234@"), std::nullopt);
  EXPECT_EQ(NormalizePlate("浙A1234["), std::nullopt);
  EXPECT_EQ(NormalizePlate("浙A1234学"), std::nullopt);
}

// The fields each check names, in order.
std::string Named(const std::vector<ErrorDetail>& problems) {
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : ",") + p.field;
  return out;
}

cal::Date Day(const char* text) { return cal::ParseDate(text).value(); }

TEST(BusRegistry, AVehicleAtTheEdges) {
  const auto today = Day("2026-11-30");
  BusVehicle v;
  v.plate = "浙a12345";
  v.seats = 1;
  v.inspected_on = "2026-11-30";  // today: allowed
  EXPECT_EQ(Named(CheckVehicle(v, today)), "");
  v.seats = kMaxBusSeats;
  EXPECT_EQ(Named(CheckVehicle(v, today)), "");
  v.seats = kMaxBusSeats + 1;
  EXPECT_EQ(Named(CheckVehicle(v, today)), "seats");
  v.seats = 0;
  EXPECT_EQ(Named(CheckVehicle(v, today)), "seats");
  v.seats = 19;
  v.inspected_on = "2026-12-01";  // tomorrow
  EXPECT_EQ(Named(CheckVehicle(v, today)), "inspected_on");
  v.inspected_on = "";
  v.permit_until = "2100-12-31";
  v.insurance_until = "1900-01-01";
  EXPECT_EQ(Named(CheckVehicle(v, today)), "");
  v.permit_until = "2101-01-01";
  v.insurance_until = "1899-12-31";
  EXPECT_EQ(Named(CheckVehicle(v, today)), "permit_until,insurance_until");
  v.permit_until = "";
  v.insurance_until = "";
  v.plate = " ";
  EXPECT_EQ(Named(CheckVehicle(v, today)), "plate");
  v.plate = "浙A1234";
  EXPECT_EQ(Named(CheckVehicle(v, today)), "plate");
  v.plate = "浙A12345";
  v.permit_no = std::string(kMaxBusNameChars, 'x');
  v.meta.note = std::string(kMaxBusNoteChars, 'x');
  EXPECT_EQ(Named(CheckVehicle(v, today)), "");
  v.permit_no += "x";
  v.meta.note += "x";
  EXPECT_EQ(Named(CheckVehicle(v, today)), "permit_no,note");
  const auto facts = FactsOf(BusVehicle{.seats = 39, .permit_until = "2027-06-30"});
  EXPECT_EQ(facts.seats, 39);
  EXPECT_EQ(facts.permit_until, Day("2027-06-30"));
  EXPECT_FALSE(facts.inspected_on.has_value());
}

TEST(BusRegistry, ADriverAtTheEdges) {
  const auto today = Day("2026-11-30");
  BusDriver d;
  d.name = "王建国";
  d.birth = "2026-11-30";
  d.licence_class = " b1";
  d.licence_since = "2026-11-30";  // the day of birth and today: allowed
  d.health_checked_on = "2026-11-30";
  EXPECT_EQ(Named(CheckDriver(d, today)), "");
  d.birth = "2026-12-01";
  d.licence_since = "2026-12-01";
  d.health_checked_on = "2026-12-01";
  EXPECT_EQ(Named(CheckDriver(d, today)), "birth,licence_since,health_checked_on");
  d.birth = "1975-03-18";
  d.licence_since = "1975-03-17";  // the day before birth
  d.health_checked_on = "";
  EXPECT_EQ(Named(CheckDriver(d, today)), "licence_since");
  d.licence_since = "1975-03-18";
  EXPECT_EQ(Named(CheckDriver(d, today)), "");
  d.birth = "";
  d.licence_class = "";
  d.name = "";
  EXPECT_EQ(Named(CheckDriver(d, today)), "name,birth,licence_class");
  d = {};
  d.name = "王";
  d.birth = "1975-03-18";
  d.licence_class = "D";
  EXPECT_EQ(Named(CheckDriver(d, today)), "licence_class");
  d.licence_class = "a1";
  d.bus_endorsement = true;
  d.drink_driving = true;
  const auto f = FactsOf(d);
  EXPECT_EQ(f.licence_class, "A1");
  EXPECT_EQ(f.birth, Day("1975-03-18"));
  EXPECT_TRUE(f.bus_endorsement && f.drink_driving && !f.criminal_record);
  EXPECT_FALSE(f.licence_since.has_value());
}

TEST(BusRegistry, AnOutingAtTheEdges) {
  BusOuting o;
  o.purpose = "春季研学旅行";
  o.destination = "市科技馆";
  o.date = "2027-04-09";
  o.leave_at = "08:00";
  o.return_at = "08:01";  // a minute later is later
  o.riders = kMaxRiders;
  o.vehicle_id = 1;
  o.driver_id = 2;
  EXPECT_EQ(Named(CheckOuting(o)), "");
  o.return_at = "08:00";  // not after the departure
  EXPECT_EQ(Named(CheckOuting(o)), "return_at");
  o.return_at = "";  // either time may be left out
  o.riders = 0;
  EXPECT_EQ(Named(CheckOuting(o)), "");
  o.leave_at = "7:00";
  o.return_at = "07:60";
  o.riders = kMaxRiders + 1;
  EXPECT_EQ(Named(CheckOuting(o)), "leave_at,return_at,riders");
  o.leave_at = "";
  o.return_at = "";
  o.riders = -1;
  o.date = "2027-02-30";
  EXPECT_EQ(Named(CheckOuting(o)), "date,riders");
  o.riders = 1;
  o.date = "";
  o.purpose = " ";
  o.destination = std::string(kMaxBusTextChars + 1, 'x');
  o.vehicle_id.reset();
  o.driver_id.reset();
  EXPECT_EQ(Named(CheckOuting(o)), "purpose,destination,date,vehicle_id,driver_id");
}

TEST(BusRegistry, ARouteAMonitorAndAProvider) {
  BusRoute r;
  r.name = "一号线";
  r.leave_at = "00:00";
  r.return_at = "23:59";
  r.riders = kMaxRiders;
  EXPECT_EQ(Named(CheckRoute(r)), "");
  r.riders = 0;
  EXPECT_EQ(Named(CheckRoute(r)), "");
  r.riders = kMaxRiders + 1;
  r.leave_at = "24:00";
  r.return_at = "12:60";
  EXPECT_EQ(Named(CheckRoute(r)), "leave_at,return_at,riders");
  r.riders = -1;
  r.leave_at = "7:05";
  r.return_at = "07-05";
  EXPECT_EQ(Named(CheckRoute(r)), "leave_at,return_at,riders");
  r.riders = 1;
  r.leave_at = "0a:00";
  r.return_at = "09:5x";
  EXPECT_EQ(Named(CheckRoute(r)), "leave_at,return_at");
  r.leave_at = "0/:00";  // just before '0': would read as hour -1
  r.return_at = "00:0/";
  EXPECT_EQ(Named(CheckRoute(r)), "leave_at,return_at");
  r.leave_at = "";
  r.return_at = "";
  r.name = "";
  r.stops = std::string(kMaxBusTextChars + 1, 'x');
  EXPECT_EQ(Named(CheckRoute(r)), "name,stops");

  const auto today = Day("2026-11-30");
  BusMonitor m;
  m.name = "赵秀兰";
  m.trained_on = "2026-11-30";
  EXPECT_EQ(Named(CheckMonitor(m, today)), "");
  m.trained_on = "2026-12-01";
  EXPECT_EQ(Named(CheckMonitor(m, today)), "trained_on");
  m.name = std::string(kMaxBusNameChars + 1, 'x');
  m.trained_on = "";
  EXPECT_EQ(Named(CheckMonitor(m, today)), "name");

  BusProvider p;
  p.name = "平安校车";
  p.licence_until = "2030-01-01";
  p.contract_until = "2020-01-01";  // an expired contract is still recorded
  EXPECT_EQ(Named(CheckProvider(p)), "");
  p.licence_until = "2030-02-30";
  p.contract_until = "明年";
  p.contact = "\x01";
  EXPECT_EQ(Named(CheckProvider(p)), "licence_until,contract_until,contact");
}

// The problems of a row as "column" list, or the record's key when it parsed.
std::string ParsedRow(BusList list, std::vector<std::string> cells) {
  auto r = ParseBusRow(list, {7, std::move(cells)});
  if (r.ok()) return "ok";
  std::string out;
  for (const auto& d : r.error().details) {
    out += (out.empty() ? "" : ",") + std::to_string(d.row) + ":" + d.field;
  }
  return out;
}

TEST(BusSheet, RowsAreReadByColumn) {
  EXPECT_EQ(BusListOf("vehicles"), BusList::kVehicles);
  EXPECT_EQ(BusListOf("buses"), std::nullopt);
  for (const auto list : {BusList::kProviders, BusList::kVehicles, BusList::kDrivers,
                          BusList::kMonitors, BusList::kRoutes}) {
    const auto& columns = BusColumns(list);
    EXPECT_EQ(columns[0], "学校代码");
    EXPECT_EQ(columns[1], "学校名称");
    EXPECT_EQ(columns.back(), "备注");
    EXPECT_FALSE(BusDateColumn(list, 0));
    EXPECT_FALSE(BusDateColumn(list, columns.size()));
    EXPECT_GE(BusColumnNotes(list).size(), 3U);
  }
  // Every list's date columns, and no other.
  const std::map<BusList, std::vector<std::string>> dates = {
      {BusList::kProviders, {"许可证有效期至", "合同到期日"}},
      {BusList::kVehicles, {"标牌有效期至", "最近安全技术检验", "承运人责任险到期"}},
      {BusList::kDrivers, {"出生日期", "初次领证日期", "最近体检日期"}},
      {BusList::kMonitors, {"安全培训日期"}},
      {BusList::kRoutes, {}}};
  for (const auto& [list, expected] : dates) {
    std::vector<std::string> found;
    for (std::size_t c = 0; c < BusColumns(list).size(); ++c) {
      if (BusDateColumn(list, c)) found.push_back(BusColumns(list)[c]);
    }
    EXPECT_EQ(found, expected) << BusListLabel(list);
  }

  // Yes and no as people write them; anything else is named.
  std::vector<std::string> v = {"S1", "", "浙a·12345", "39", "", "", "", "", "", "是", "否", ""};
  EXPECT_EQ(ParsedRow(BusList::kVehicles, v), "ok");
  for (const char* yes : {"是", "有", "Y", "y", "1"}) {
    v[9] = yes;
    auto r = ParseBusRow(BusList::kVehicles, {2, v});
    ASSERT_TRUE(r.ok()) << yes;
    EXPECT_TRUE(r->vehicle.gps) << yes;
    EXPECT_EQ(r->vehicle.plate, "浙A12345");
    EXPECT_EQ(r->vehicle.seats, 39);
  }
  for (const char* no : {"", "否", "无", "N", "n", "0"}) {
    v[9] = no;
    auto r = ParseBusRow(BusList::kVehicles, {2, v});
    ASSERT_TRUE(r.ok()) << no;
    EXPECT_FALSE(r->vehicle.gps) << no;
  }
  v[9] = "2";
  v[3] = "39座";
  EXPECT_EQ(ParsedRow(BusList::kVehicles, v), "7:核定载人数,7:卫星定位");
  v[3] = "-1";
  v[9] = "";
  auto negative = ParseBusRow(BusList::kVehicles, {2, v});
  ASSERT_TRUE(negative.ok());
  EXPECT_EQ(negative->vehicle.seats, -1);  // CheckVehicle refuses it
  v[3] = "";
  auto empty = ParseBusRow(BusList::kVehicles, {2, v});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->vehicle.seats, 0);
  v[0] = "";
  EXPECT_EQ(ParsedRow(BusList::kVehicles, v), "7:学校代码");

  // A short row reads its missing cells as empty.
  auto driver = ParseBusRow(BusList::kDrivers, {3, {"S1", "", "王建国", "1975-03-18", "a1"}});
  ASSERT_TRUE(driver.ok());
  EXPECT_EQ(driver->driver.licence_class, "A1");
  EXPECT_EQ(driver->school_code, "S1");
  EXPECT_EQ(BusKey(driver->driver), "王建国|1975-03-18");
  auto route = ParseBusRow(BusList::kRoutes, {4,
                                              {"S1", "", "一号线", "桥头", "07:05", "16:40", "32",
                                               "浙a12345", "王建国", "赵秀兰", "x"}});
  ASSERT_TRUE(route.ok());
  EXPECT_EQ(route->vehicle_plate, "浙A12345");
  EXPECT_EQ(route->driver_name, "王建国");
  EXPECT_EQ(route->monitor_name, "赵秀兰");
  EXPECT_EQ(route->route.riders, 32);
  EXPECT_EQ(route->route.meta.note, "x");
  EXPECT_EQ(BusColumnOf(BusList::kRoutes, "vehicle_id"), "车牌号");
  EXPECT_EQ(BusColumnOf(BusList::kVehicles, "plate"), "车牌号");
  EXPECT_EQ(BusColumnOf(BusList::kDrivers, "note"), "备注");
  EXPECT_EQ(BusColumnOf(BusList::kMonitors, "unknown"), "unknown");
  EXPECT_EQ(BusCells(BusVehicle{.plate = "浙A12345", .seats = 19, .gps = true}).at(7), "是");
}

}  // namespace
}  // namespace xiaoan::domain::traffic
