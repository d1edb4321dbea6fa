// Traffic and school buses over real HTTP on both stores. 校车台账: a school's provider, vehicles,
// drivers, monitor and route; what is entered checked field by field; a route refused a vehicle
// whose 校车标牌 expired, a driver too young or without the class the vehicle needs, more riders
// than seats; a vehicle on a route not retired; the rules judged live and into findings on the
// exact day a driver turns 25; the district survey and its workbook; scope and permissions.
// 校内交通: vehicles by class with their gates and hours, e-bikes judged on traffic.ebike, and the
// gate's check on a phone with the refusals it records.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/rules/rules.hpp"
#include "core/clock.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "office/table.hpp"
#include "support/test_server.hpp"
#include "support/test_store.hpp"

namespace xiaoan {
namespace {

namespace json = boost::json;
using testing::HttpReply;
using testing::WebSession;

Instant At(const char* text) {
  Instant t;
  ParseInstant(text, t);
  return t;
}

class BusApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    services_ = std::make_unique<app::Services>(app::Services{*store_, clock_});
    services_->files_dir = files_.path();
    passwords_ = testing::SeedDemoAccounts(*services_, 7);
    ASSERT_FALSE(passwords_.empty());
    http::ApiOptions o;
    o.web_root = "/nonexistent";
    server_ = std::make_unique<testing::TestServer>(*services_, o);
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    Login();
    school_ = Json(safety_.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  }

  void Login() {
    safety_ = As("school1_safety");
    office_ = As("safety_office");
    ASSERT_FALSE(safety_.cookie.empty());
    ASSERT_FALSE(office_.cookie.empty());
  }

  WebSession As(const std::string& user) { return testing::LoginAs(port_, user, passwords_[user]); }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  static std::string FirstFieldOf(const HttpReply& r) {
    const auto v = json::parse(r.body);
    const auto& details = v.at("error").at("details").as_array();
    return details.empty() ? "" : std::string(details[0].at("field").as_string());
  }
  static std::string Fields(const HttpReply& r) {
    if (r.status != 422) return "status " + std::to_string(r.status) + ": " + r.body;
    std::string out;
    const auto body = json::parse(r.body);
    for (const auto& d : body.at("error").at("details").as_array()) {
      out += (out.empty() ? "" : ",") + std::string(d.at("field").as_string());
    }
    return out;
  }
  HttpReply Post(const std::string& kind, json::object body) {
    if (!body.contains("unit_id")) body["unit_id"] = school_;
    return safety_.Call("POST", "/api/v1/bus/" + kind, json::serialize(body));
  }
  std::int64_t Create(const std::string& kind, json::object body) {
    auto r = Post(kind, std::move(body));
    EXPECT_EQ(r.status, 201) << kind << " " << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  // The outcome of one rule among a record's checks ("" when not judged).
  static std::string Outcome(const json::value& rec, const std::string& rule) {
    for (const auto& c : rec.at("checks").as_array()) {
      if (c.at("rule_id").as_string() == rule) return std::string(c.at("outcome").as_string());
    }
    return "";
  }
  json::object Vehicle(const std::string& plate, int seats, const std::string& permit_until) {
    return {{"plate", plate},
            {"seats", seats},
            {"permit_no", "校车标牌001"},
            {"permit_until", permit_until},
            {"inspected_on", "2026-10-08"},
            {"gps", true}};
  }
  json::object Driver(const std::string& name, const std::string& birth,
                      const std::string& licence_class) {
    return {{"name", name},
            {"birth", birth},
            {"licence_class", licence_class},
            {"licence_since", "2008-04-01"},
            {"bus_endorsement", true},
            {"health_checked_on", "2026-06-01"}};
  }

  FixedClock clock_{At("2026-11-30T01:00:00Z")};  // Monday 30 November, 09:00 in China
  testing::TempDir files_;
  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<app::Services> services_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  WebSession safety_;
  WebSession office_;
  std::int64_t school_ = 0;
};

TEST_P(BusApiTest, WhatIsEnteredIsCheckedByField) {
  EXPECT_EQ(Fields(Post("vehicles", Vehicle("浙12345", 39, ""))), "plate");
  EXPECT_EQ(Fields(Post("vehicles", Vehicle("浙A12345", 0, ""))), "seats");
  EXPECT_EQ(Fields(Post("vehicles", Vehicle("浙A12345", 81, "2027-02-30"))), "seats,permit_until");
  auto future = Vehicle("浙A12345", 39, "");
  future["inspected_on"] = "2026-12-01";
  EXPECT_EQ(Fields(Post("vehicles", future)), "inspected_on");
  EXPECT_EQ(Fields(Post("drivers", Driver("", "1980-01-01", "D"))), "name,licence_class");
  auto born_after = Driver("王", "1980-01-01", "A1");
  born_after["licence_since"] = "1979-12-31";
  EXPECT_EQ(Fields(Post("drivers", born_after)), "licence_since");
  EXPECT_EQ(Fields(Post("routes", {{"name", "线"}, {"leave_at", "7:05"}, {"riders", 201}})),
            "leave_at,riders");
  EXPECT_EQ(Fields(Post("monitors", {{"name", "赵"}, {"unit_id", 999999}})), "unit_id");
  EXPECT_EQ(Fields(Post("providers", {{"name", "公司"}, {"licence_until", "明年"}})),
            "licence_until");
  // The plate is stored as registered; a second active vehicle with it is refused.
  auto r = Post("vehicles", Vehicle("浙a·12345", 39, "2027-06-30"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("plate").as_string(), "浙A12345");
  EXPECT_EQ(Json(r).at("required_licence_class").as_string(), "A1");
  EXPECT_EQ(Fields(Post("vehicles", Vehicle("浙A 12345", 19, ""))), "plate");
  // Nothing half written: one vehicle.
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/bus/vehicles")).at("total").as_int64(), 1);
}

TEST_P(BusApiTest, ARouteIsRefusedWhatFailsABusRule) {
  const auto provider = Create("providers", {{"name", "示范区平安校车服务有限公司"}});
  auto big = Vehicle("浙A52701", 39, "2027-06-30");
  big["provider_id"] = provider;
  const auto good_vehicle = Create("vehicles", big);
  // Its 校车标牌 expired yesterday.
  auto r = Post("vehicles", Vehicle("浙A52702", 19, "2026-11-29"));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto expired = Json(r).at("id").as_int64();
  EXPECT_EQ(Outcome(Json(r), "bus.permit"), "fail");
  EXPECT_EQ(Json(r).at("state").as_string(), "fail");
  const auto wang = Create("drivers", Driver("王建国", "1975-03-18", "A1"));
  // 25 tomorrow: 24 years old today.
  r = Post("drivers", Driver("小周", "2001-12-01", "A1"));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto young = Json(r).at("id").as_int64();
  EXPECT_EQ(Outcome(Json(r), "bus.driver_age"), "fail");
  const auto li = Create("drivers", Driver("李卫东", "1970-08-09", "B1"));
  const auto zhao = Create("monitors", {{"name", "赵秀兰"}, {"trained_on", "2026-09-01"}});

  json::object route{{"name", "双桥—河东线"}, {"stops", "河东村委会、桥头、学校"},
                     {"leave_at", "07:05"},   {"return_at", "16:40"},
                     {"riders", 18},          {"vehicle_id", expired},
                     {"driver_id", wang},     {"monitor_id", zhao}};
  r = Post("routes", route);
  EXPECT_EQ(Fields(r), "vehicle_id");
  EXPECT_NE(r.body.find("校车标牌"), std::string::npos) << r.body;
  route["vehicle_id"] = good_vehicle;
  route["driver_id"] = young;
  EXPECT_EQ(Fields(Post("routes", route)), "driver_id");
  // A B1 licence does not cover the 39-seat bus (A1).
  route["driver_id"] = li;
  EXPECT_EQ(Fields(Post("routes", route)), "driver_id");
  route["driver_id"] = wang;
  route["riders"] = 40;
  EXPECT_EQ(Fields(Post("routes", route)), "riders");
  route["riders"] = 39;
  r = Post("routes", route);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto route_id = Json(r).at("id").as_int64();
  EXPECT_EQ(Json(r).at("state").as_string(), "pass");
  EXPECT_EQ(Json(r).at("vehicle_plate").as_string(), "浙A52701");
  EXPECT_EQ(Outcome(Json(r), "bus.capacity"), "pass");
  EXPECT_EQ(Outcome(Json(r), "bus.monitor"), "pass");
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/bus/routes")).at("total").as_int64(), 1);

  // The vehicle on the route is not retired; a stale version is refused.
  const auto vpath = "/api/v1/bus/vehicles/" + std::to_string(good_vehicle);
  auto v = Json(safety_.Call("GET", vpath)).as_object();
  v["active"] = false;
  EXPECT_EQ(Fields(safety_.Call("PUT", vpath, json::serialize(v))), "active");
  v["active"] = true;
  v["seats"] = 35;
  r = safety_.Call("PUT", vpath, json::serialize(v));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(safety_.Call("PUT", vpath, json::serialize(v)).status, 409);
  // Fewer seats than riders now: the route fails bus.capacity.
  auto route_now = Json(safety_.Call("GET", "/api/v1/bus/routes/" + std::to_string(route_id)));
  EXPECT_EQ(Outcome(route_now, "bus.capacity"), "fail");

  // 我的待办: the school's safety officer is shown the failing records, failing first; the
  // bureau (not a school) and the teacher (no bus:manage) are not.
  const auto tasks_of = [&](const WebSession& as) -> json::object {
    const auto all = Json(as.Call("GET", "/api/v1/me/tasks"));
    for (const auto& g : all.at("groups").as_array()) {
      if (g.at("kind").as_string() == "bus.checks") return g.as_object();
    }
    return {};
  };
  const auto mine = tasks_of(safety_);
  ASSERT_FALSE(mine.empty());
  // The expired vehicle, the young driver, the route short of seats.
  EXPECT_EQ(mine.at("count").as_int64(), 3);
  EXPECT_EQ(mine.at("overdue").as_int64(), 3);
  const auto& first = mine.at("items").as_array().at(0);
  EXPECT_EQ(first.at("subject_type").as_string(), "bus_vehicle");
  EXPECT_EQ(first.at("subject_id").as_int64(), expired);
  EXPECT_TRUE(tasks_of(office_).empty());
  EXPECT_TRUE(tasks_of(As("school1_teacher")).empty());

  // Scope and permissions: another school's safety officer does not find it, a teacher may not
  // read the registry, the bureau reads it but the school's teacher cannot write.
  EXPECT_EQ(As("school2_safety").Call("GET", vpath).status, 404);
  EXPECT_EQ(As("school1_teacher").Call("GET", "/api/v1/bus/vehicles").status, 403);
  EXPECT_EQ(office_.Call("GET", vpath).status, 200);
  EXPECT_EQ(As("inspector").Call("POST", "/api/v1/bus/monitors", R"({"name":"x"})").status, 403);
}

// An outing in a rented coach is judged on its own day: a 校车标牌 valid today but expired by then
// is refused, a driver who is 24 today but 25 on the day is accepted, more riders than seats are
// refused, and a new outing may not be dated in the past.
TEST_P(BusApiTest, AnOutingIsJudgedOnItsOwnDay) {
  auto coach = Vehicle("浙A66001", 45, "2027-04-10");
  coach["rented"] = true;
  coach["inspected_on"] = "2026-11-20";
  const auto vehicle = Create("vehicles", coach);
  const auto driver = Create("drivers", Driver("小周", "2001-12-01", "A1"));  // 25 tomorrow
  const auto monitor = Create("monitors", {{"name", "赵秀兰"}, {"trained_on", "2026-09-01"}});
  json::object outing{
      {"purpose", "春季研学旅行"}, {"destination", "市科技馆"}, {"date", "2027-04-20"},
      {"leave_at", "08:00"},       {"return_at", "15:30"},      {"riders", 40},
      {"vehicle_id", vehicle},     {"driver_id", driver},       {"monitor_id", monitor}};
  EXPECT_EQ(
      Fields(Post("outings",
                  {{"purpose", ""}, {"destination", ""}, {"date", "4月"}, {"return_at", "7:00"}})),
      "purpose,destination,date,return_at,vehicle_id,driver_id");
  auto r = Post("outings", outing);
  EXPECT_EQ(Fields(r), "vehicle_id");
  EXPECT_NE(r.body.find("校车标牌"), std::string::npos) << r.body;
  outing["date"] = "2027-04-09";
  outing["riders"] = 46;
  EXPECT_EQ(Fields(Post("outings", outing)), "riders");
  outing["riders"] = 40;
  outing["date"] = "2026-11-29";
  EXPECT_EQ(Fields(Post("outings", outing)), "date");
  // Today the driver is 24 and fails bus.driver_age; on the outing's day he is 25.
  outing["date"] = "2026-11-30";
  EXPECT_EQ(Fields(Post("outings", outing)), "driver_id");
  outing["date"] = "2027-04-09";
  r = Post("outings", outing);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto body = Json(r);
  EXPECT_EQ(body.at("vehicle_plate").as_string(), "浙A66001");
  EXPECT_EQ(body.at("driver_name").as_string(), "小周");
  EXPECT_EQ(Outcome(body, "bus.driver_age"), "pass");
  EXPECT_EQ(Outcome(body, "bus.capacity"), "pass");
  EXPECT_EQ(Outcome(body, "bus.monitor"), "pass");
  EXPECT_EQ(Outcome(body, "bus.permit"), "warn");  // expires the next day
  // Listed newest day first; another school's officer sees none of it.
  EXPECT_EQ(Fields(Post("outings", {{"purpose", "秋游"},
                                    {"destination", "森林公园"},
                                    {"date", "2026-12-10"},
                                    {"riders", 30},
                                    {"vehicle_id", vehicle},
                                    {"driver_id", 0}})),
            "driver_id");
  auto list = Json(safety_.Call("GET", "/api/v1/bus/outings"));
  ASSERT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").at(0).at("date").as_string(), "2027-04-09");
  EXPECT_EQ(Json(As("school2_safety").Call("GET", "/api/v1/bus/outings")).at("total").as_int64(),
            0);
  const auto path = "/api/v1/bus/outings/" + std::to_string(body.at("id").as_int64());
  EXPECT_EQ(As("school2_safety").Call("GET", path).status, 404);
  EXPECT_EQ(office_.Call("GET", path).status, 200);

  // The coach's 校车标牌 is corrected to end before the outing: the outing now fails on its day
  // and is in the officer's 我的待办 (the coach itself only warns today).
  const auto outing_tasks = [&] {
    int n = 0;
    const auto all = Json(safety_.Call("GET", "/api/v1/me/tasks"));
    for (const auto& g : all.at("groups").as_array()) {
      for (const auto& i : g.at("items").as_array()) {
        n += i.at("subject_type").as_string() == "bus_outing" ? 1 : 0;
      }
    }
    return n;
  };
  EXPECT_EQ(outing_tasks(), 0);
  const auto vpath = "/api/v1/bus/vehicles/" + std::to_string(vehicle);
  auto v = Json(safety_.Call("GET", vpath)).as_object();
  v["permit_until"] = "2027-04-01";
  r = safety_.Call("PUT", vpath, json::serialize(v));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Outcome(Json(safety_.Call("GET", path)), "bus.permit"), "fail");
  EXPECT_EQ(outing_tasks(), 1);
}

TEST_P(BusApiTest, TheRulesAreJudgedOnTheExactDay) {
  const auto young = Create("drivers", Driver("小周", "2001-12-01", "A1"));
  const auto path = "/api/v1/bus/drivers/" + std::to_string(young);
  EXPECT_EQ(Outcome(Json(safety_.Call("GET", path)), "bus.driver_age"), "fail");
  const auto finding = [&]() -> std::string {
    auto r = office_.Call("GET", "/api/v1/rule-findings?rule=bus.driver_age");
    EXPECT_EQ(r.status, 200) << r.body;
    const auto list = Json(r);
    for (const auto& f : list.at("items").as_array()) {
      if (f.at("subject_id").as_int64() == young) return std::string(f.at("outcome").as_string());
    }
    return "";
  };
  EXPECT_EQ(finding(), "fail");
  // 1 December: 25 today.
  clock_.Set(At("2026-12-01T01:00:00Z"));
  Login();
  EXPECT_EQ(Outcome(Json(safety_.Call("GET", path)), "bus.driver_age"), "pass");
  EXPECT_EQ(finding(), "fail") << "the finding is the last judgement until the daily job";
  auto judged =
      app::EvaluateSchools(*services_, app::RequestContext{}, std::optional<std::string>{});
  ASSERT_TRUE(judged.ok()) << judged.error().message;
  EXPECT_EQ(finding(), "pass");
}

TEST_P(BusApiTest, TheDistrictSurvey) {
  Create("providers", {{"name", "平安校车"}});
  Create("vehicles", Vehicle("浙A52701", 39, "2027-06-30"));
  Create("vehicles", Vehicle("浙A52702", 19, "2026-11-29"));
  // 校车标牌 within 30 days: a warning, still allowed.
  Create("vehicles", Vehicle("浙A52703", 19, "2026-12-20"));
  const auto wang = Create("drivers", Driver("王建国", "1975-03-18", "A1"));
  const auto bus = Create("vehicles", Vehicle("浙A52704", 39, "2027-06-30"));
  Create("routes", {{"name", "一号线"}, {"riders", 30}, {"vehicle_id", bus}, {"driver_id", wang}});

  auto r = office_.Call("GET", "/api/v1/bus/survey");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto survey = Json(r);
  const auto& total = survey.at("total");
  EXPECT_EQ(total.at("schools").as_int64(), 1);
  EXPECT_EQ(total.at("vehicles").as_int64(), 4);
  EXPECT_EQ(total.at("failing_vehicles").as_int64(), 1);
  EXPECT_EQ(total.at("warnings").as_int64(), 1);
  EXPECT_EQ(total.at("routes").as_int64(), 1);
  EXPECT_EQ(total.at("riders").as_int64(), 30);
  // The route has no monitor: it fails bus.monitor.
  EXPECT_EQ(total.at("failing_routes").as_int64(), 1);
  const auto& row = survey.at("schools").as_array().at(0);
  EXPECT_EQ(row.at("school_id").as_int64(), school_);
  EXPECT_EQ(row.at("drivers").as_int64(), 1);
  // The school's safety officer was told once of each: the expired 校车标牌 and the one about to
  // expire; judging again the next day tells nothing new.
  const auto told = [&](const std::string& text) {
    const auto list = Json(safety_.Call("GET", "/api/v1/notifications?page_size=100"));
    int n = 0;
    for (const auto& item : list.at("items").as_array()) {
      if (std::string(item.at("title").as_string()).find(text) != std::string::npos) ++n;
    }
    return n;
  };
  EXPECT_EQ(told("校车不合格：校车 浙A52702"), 1);
  EXPECT_EQ(told("校车临期提醒：校车 浙A52703"), 1);
  clock_.Set(At("2026-12-01T01:00:00Z"));
  Login();
  ASSERT_TRUE(
      app::EvaluateSchools(*services_, app::RequestContext{}, std::optional<std::string>{}).ok());
  EXPECT_EQ(told("浙A52702"), 1);
  EXPECT_EQ(told("浙A52703"), 1);
  EXPECT_EQ(told("浙A52701"), 0);

  // Another school's safety officer sees none of it.
  auto other = Json(As("school2_safety").Call("GET", "/api/v1/bus/survey"));
  EXPECT_EQ(other.at("total").at("vehicles").as_int64(), 0);

  r = office_.Call("GET", "/api/v1/bus/survey/export");
  ASSERT_EQ(r.status, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3U);  // header, the school, 合计
  EXPECT_EQ(rows->at(0).at(0).text, "学校");
  EXPECT_EQ(rows->at(2).at(0).text, "合计");
  EXPECT_EQ(rows->at(2).at(2).text, "4");
}

TEST_P(BusApiTest, TheListsComeFromASpreadsheetAllOrNothing) {
  std::string code;
  ASSERT_TRUE(services_->store
                  .Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(school_));
                    if (unit) code = unit->code.value_or("");
                    return {};
                  })
                  .ok());
  ASSERT_FALSE(code.empty());
  auto r = safety_.Call("GET", "/api/v1/bus/import-template?list=vehicles");
  ASSERT_EQ(r.status, 200);
  auto header = office::ReadXlsx(r.body);
  ASSERT_TRUE(header.ok());
  ASSERT_EQ(header->size(), 1U);
  EXPECT_EQ(header->at(0).at(2).text, "车牌号");
  EXPECT_EQ(safety_.Call("GET", "/api/v1/bus/import-template?list=buses").status, 422);

  const auto file = [&](const std::string& list, std::vector<std::vector<std::string>> rows) {
    auto t = safety_.Call("GET", "/api/v1/bus/import-template?list=" + list);
    auto head = office::ReadXlsx(t.body);
    std::vector<office::Row> out = {head->at(0)};
    for (auto& row : rows) out.push_back(office::TextRow(row));
    return office::WriteXlsx({office::Sheet{"x", out}}).value();
  };
  const auto import = [&](const std::string& list, const std::string& bytes) {
    return safety_.Call("POST", "/api/v1/bus/import?list=" + list, bytes);
  };
  const auto errors = [](const HttpReply& reply) {
    std::string out;
    const auto body = json::parse(reply.body);
    for (const auto& e : body.at("errors").as_array()) {
      out += (out.empty() ? "" : ",") + std::to_string(e.at("row").as_int64()) + ":" +
             std::string(e.at("column").as_string());
    }
    return out;
  };
  // Refused: a plate short of a character and no seats, an unknown school, a plate twice; nothing
  // written.
  r = import("vehicles",
             file("vehicles", {{code, "", "浙A11111", "39", "", "标牌1", "2027-06-30", "2026-10-08",
                                "", "是", "否", ""},
                               {code, "", "浙A2222", "0", "", "", "", "", "", "", "", ""},
                               {"NOPE", "", "浙A33333", "19", "", "", "", "", "", "", "", ""},
                               {code, "", "浙a·11111", "19", "", "", "", "", "", "", "", ""},
                               {code, "", "浙A44444", "19", "", "", "", "", "", "也许", "", ""}}));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(errors(r), "3:车牌号,3:核定载人数,4:学校代码,5:车牌号,6:卫星定位");
  EXPECT_EQ(json::parse(r.body).at("failed").as_int64(), 4);
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/bus/vehicles")).at("total").as_int64(), 0);

  // Written: two vehicles, one whose 校车标牌 expired yesterday.
  r = import("vehicles", file("vehicles", {{code, "", "浙A11111", "39", "", "标牌1", "2027-06-30",
                                            "2026-10-08", "", "是", "否", ""},
                                           {code, "", "浙A22222", "19", "", "标牌2", "2026-11-29",
                                            "2026-10-08", "", "是", "否", ""}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body).at("created").as_int64(), 2);
  r = import("drivers",
             file("drivers", {{code, "", "王建国", "1975-03-18", "a1", "2004-06-01", "是", "否",
                               "否", "否", "否", "否", "2026-06-01", "", ""}}));
  ASSERT_EQ(r.status, 200) << r.body;
  // A route on the expired vehicle is refused at 车牌号, with the rule's reason.
  r = import("routes", file("routes", {{code, "", "一号线", "桥头、学校", "07:05", "16:40", "18",
                                        "浙A22222", "王建国", "", ""}}));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(errors(r), "2:车牌号");
  EXPECT_NE(r.body.find("校车标牌"), std::string::npos) << r.body;
  r = import("routes", file("routes", {{code, "", "一号线", "桥头、学校", "07:05", "16:40", "18",
                                        "浙A11111", "王建国", "赵", ""}}));
  EXPECT_EQ(errors(r), "2:照管人员");
  r = import("routes", file("routes", {{code, "", "一号线", "桥头、学校", "07:05", "16:40", "18",
                                        "浙A11111", "王建国", "", ""}}));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto routes = Json(safety_.Call("GET", "/api/v1/bus/routes"));
  ASSERT_EQ(routes.at("total").as_int64(), 1);
  EXPECT_EQ(routes.at("items").at(0).at("driver_name").as_string(), "王建国");

  // The export imports back as it is: each vehicle updated by its plate, none added.
  r = safety_.Call("GET", "/api/v1/bus/export?list=vehicles");
  ASSERT_EQ(r.status, 200);
  auto exported = office::ReadXlsx(r.body);
  ASSERT_TRUE(exported.ok());
  ASSERT_EQ(exported->size(), 3U);
  EXPECT_EQ(exported->at(1).at(0).text, code);
  r = import("vehicles", r.body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body).at("created").as_int64(), 0);
  EXPECT_EQ(json::parse(r.body).at("updated").as_int64(), 2);
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/bus/vehicles")).at("total").as_int64(), 2);
  // Another school's officer may not import into this school.
  r = As("school2_safety")
          .Call("POST", "/api/v1/bus/import?list=monitors",
                file("monitors", {{code, "", "赵秀兰", "", ""}}));
  EXPECT_EQ(errors(r), "2:学校代码");
}

// 校内交通 in and out of Excel: refused whole with each problem by row and column, written with
// the e-bikes judged, exported and imported back as updates.
TEST_P(BusApiTest, CampusVehiclesAndEbikesComeFromASpreadsheetAllOrNothing) {
  std::string code;
  ASSERT_TRUE(services_->store
                  .Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(school_));
                    if (unit) code = unit->code.value_or("");
                    return {};
                  })
                  .ok());
  ASSERT_FALSE(code.empty());
  auto r = safety_.Call("GET", "/api/v1/traffic/import-template?list=ebikes");
  ASSERT_EQ(r.status, 200);
  auto header = office::ReadXlsx(r.body);
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(header->at(0).at(2).text, "车主");
  EXPECT_EQ(FirstFieldOf(safety_.Call("GET", "/api/v1/traffic/import-template?list=bikes")),
            "list");
  const auto file = [&](const std::string& list, std::vector<std::vector<std::string>> rows) {
    auto t = safety_.Call("GET", "/api/v1/traffic/import-template?list=" + list);
    auto head = office::ReadXlsx(t.body);
    std::vector<office::Row> out = {head->at(0)};
    for (auto& row : rows) out.push_back(office::TextRow(row));
    return office::WriteXlsx({office::Sheet{"x", out}}).value();
  };
  const auto import = [&](const std::string& list, const std::string& bytes) {
    return safety_.Call("POST", "/api/v1/traffic/import?list=" + list, bytes);
  };
  const auto errors = [](const HttpReply& reply) {
    std::string out;
    const auto body = json::parse(reply.body);
    for (const auto& e : body.at("errors").as_array()) {
      out += (out.empty() ? "" : ",") + std::to_string(e.at("row").as_int64()) + ":" +
             std::string(e.at("column").as_string());
    }
    return out;
  };
  // Refused: an unknown class, hours without an end, a visitor without its last day, a plate
  // twice, a date in the future, modified without a check, a campus plate given twice.
  r = import("vehicles",
             file("vehicles",
                  {{code, "", "教职工车辆", "浙A81001", "张老师", "南门、北门", "06:30", "20:00",
                    "", "", ""},
                   {code, "", "校车", "浙A81002", "李老师", "", "", "", "", "", ""},
                   {code, "", "服务车辆", "浙A81003", "食堂", "", "06:00", "", "", "", ""},
                   {code, "", "访客车辆", "浙A81004", "督导", "", "", "", "2026-11-30", "", ""},
                   {code, "", "staff", "浙a·81001", "张老师", "", "", "", "", "", ""}}));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(errors(r), "3:车辆类别,4:准入结束,5:有效期结束,6:车牌号");
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/traffic/vehicles")).at("total").as_int64(), 0);
  r = import("ebikes",
             file("ebikes", {{code, "", "张老师", "浙杭100001", "校100", "2026-11-20", "否", ""},
                             {code, "", "李老师", "", "校100", "", "", ""},
                             {code, "", "王老师", "", "", "2026-12-01", "否", ""},
                             {code, "", "赵老师", "", "", "", "是", ""},
                             {code, "", "钱老师", "", "", "", "也许", ""}}));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(errors(r), "3:校内牌照,4:改装检查日期,5:已改装,6:已改装");
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/traffic/ebikes")).at("total").as_int64(), 0);

  // Written: two vehicles (the gates split) and two e-bikes judged at once.
  r = import("vehicles", file("vehicles", {{code, "", "教职工车辆", "浙A81001", "张老师",
                                            "南门、北门", "06:30", "20:00", "", "", ""},
                                           {code, "", "访客车辆", "浙A81004", "督导", "", "", "",
                                            "2026-11-30", "2026-12-04", "周检查"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body).at("created").as_int64(), 2);
  auto list = Json(safety_.Call("GET", "/api/v1/traffic/vehicles?q=A81001"));
  ASSERT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").at(0).at("gates").as_array().size(), 2U);
  EXPECT_EQ(list.at("items").at(0).at("vehicle_class").as_string(), "staff");
  r = import("ebikes",
             file("ebikes", {{code, "", "张老师", "浙杭100001", "校100", "2026-11-20", "否", ""},
                             {code, "", "李老师", "", "校101", "2026-11-20", "否", ""}}));
  ASSERT_EQ(r.status, 200) << r.body;
  auto bikes = Json(safety_.Call("GET", "/api/v1/traffic/ebikes"));
  ASSERT_EQ(bikes.at("total").as_int64(), 2);
  std::map<std::string, std::string> outcome;
  for (const auto& b : bikes.at("items").as_array()) {
    outcome[std::string(b.at("owner").as_string())] = std::string(b.at("outcome").as_string());
  }
  EXPECT_EQ(outcome["张老师"], "pass");
  EXPECT_EQ(outcome["李老师"], "fail");

  // The export imports back as it is: updated by key, none added; audited.
  for (const std::string kind : {"vehicles", "ebikes"}) {
    r = safety_.Call("GET", "/api/v1/traffic/export?list=" + kind);
    ASSERT_EQ(r.status, 200);
    auto exported = office::ReadXlsx(r.body);
    ASSERT_TRUE(exported.ok());
    ASSERT_EQ(exported->size(), 3U) << kind;
    EXPECT_EQ(exported->at(1).at(0).text, code);
    r = import(kind, r.body);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(json::parse(r.body).at("created").as_int64(), 0) << kind;
    EXPECT_EQ(json::parse(r.body).at("updated").as_int64(), 2) << kind;
  }
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/traffic/ebikes")).at("total").as_int64(), 2);
  // Another school's officer may not import into this school.
  r = As("school2_safety")
          .Call("POST", "/api/v1/traffic/import?list=ebikes",
                file("ebikes", {{code, "", "孙老师", "", "", "", "", ""}}));
  EXPECT_EQ(errors(r), "2:学校代码");
}

TEST_P(BusApiTest, TheGateLetsInWhatIsRegisteredAndRecordsWhatItRefuses) {
  const auto post = [&](const std::string& path, json::object body) {
    if (!body.contains("unit_id")) body["unit_id"] = school_;
    return safety_.Call("POST", path, json::serialize(body));
  };
  // Checked by field: the class, the plate, the hours both or neither, a visitor's last day.
  auto r = post("/api/v1/traffic/vehicles",
                {{"vehicle_class", "bus"}, {"plate", "浙A1"}, {"owner", ""}, {"from", "07:00"}});
  EXPECT_EQ(Fields(r), "vehicle_class,plate,owner");
  r = post(
      "/api/v1/traffic/vehicles",
      {{"vehicle_class", "staff"}, {"plate", "浙A81001"}, {"owner", "张老师"}, {"from", "07:00"}});
  EXPECT_EQ(Fields(r), "to");
  r = post("/api/v1/traffic/vehicles",
           {{"vehicle_class", "visitor"}, {"plate", "浙B20001"}, {"owner", "督导"}});
  EXPECT_EQ(Fields(r), "valid_until");
  // A canteen supplier at the north gate from 06:00 to 08:00.
  r = post("/api/v1/traffic/vehicles", {{"vehicle_class", "service"},
                                        {"plate", "浙a·31001"},
                                        {"owner", "食堂配送"},
                                        {"gates", json::array{"北门"}},
                                        {"from", "06:00"},
                                        {"to", "08:00"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto van = Json(r).at("id").as_int64();
  EXPECT_EQ(Json(r).at("plate").as_string(), "浙A31001");
  EXPECT_EQ(Json(r).at("validity").as_string(), "valid");
  EXPECT_EQ(Fields(post("/api/v1/traffic/vehicles",
                        {{"vehicle_class", "staff"}, {"plate", "浙A31001"}, {"owner", "x"}})),
            "plate");

  // E-bikes: judged on traffic.ebike as they are saved.
  r = post("/api/v1/traffic/ebikes", {{"owner", "张老师"},
                                      {"licence_plate", "浙杭123456"},
                                      {"campus_plate", "校001"},
                                      {"checked_on", "2026-11-30"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("outcome").as_string(), "pass");
  r = post("/api/v1/traffic/ebikes",
           {{"owner", "李老师"}, {"campus_plate", "校002"}, {"checked_on", "2026-11-20"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto no_plate = Json(r).at("id").as_int64();
  EXPECT_EQ(Json(r).at("outcome").as_string(), "fail");
  EXPECT_EQ(Json(r).at("reason").as_string(), "无号牌");
  EXPECT_EQ(Fields(post("/api/v1/traffic/ebikes", {{"owner", "王"}, {"checked_on", "2026-12-01"}})),
            "checked_on");
  EXPECT_EQ(Fields(post("/api/v1/traffic/ebikes", {{"owner", "王"}, {"modified", true}})),
            "modified");
  EXPECT_EQ(Fields(post("/api/v1/traffic/ebikes", {{"owner", "王"}, {"campus_plate", "校001"}})),
            "campus_plate");

  // At the gate (Monday 09:00 in China): the van is past its hours, an unregistered car and the
  // e-bike without a plate are refused and recorded; the registered e-bike goes in, unrecorded.
  const auto gate = [&](const std::string& kind, const std::string& gate_name,
                        const std::string& plate) {
    return post("/api/v1/traffic/gate-checks",
                {{"kind", kind}, {"gate", gate_name}, {"plate", plate}});
  };
  r = gate("vehicle", "北门", "浙A31001");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_FALSE(Json(r).at("allowed").as_bool());
  EXPECT_EQ(Json(r).at("reason").as_string(), "服务车辆只能在 06:00—08:00 进入");
  EXPECT_EQ(Json(r).at("subject_id").as_int64(), van);
  r = gate("vehicle", "南门", "浙A99999");
  EXPECT_EQ(Json(r).at("reason").as_string(), "未登记的车辆");
  r = gate("ebike", "南门", "校002");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("reason").as_string(), "电动自行车不得进入：无号牌");
  EXPECT_EQ(Json(r).at("subject_id").as_int64(), no_plate);
  r = gate("ebike", "南门", "浙杭123456");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Json(r).at("allowed").as_bool());
  EXPECT_TRUE(Json(r).at("refusal").is_null());
  EXPECT_EQ(Fields(gate("vehicle", "", "")), "gate,plate");
  EXPECT_EQ(Fields(gate("bike", "南门", "x")), "kind");
  // At 07:30 the van goes in.
  clock_.Set(At("2026-11-29T23:30:00Z"));
  Login();
  r = gate("vehicle", "北门", "浙A31001");
  EXPECT_TRUE(Json(r).at("allowed").as_bool()) << r.body;
  r = gate("vehicle", "南门", "浙A31001");
  EXPECT_EQ(Json(r).at("reason").as_string(), "服务车辆只能走北门");

  // The school's log: the four refusals, newest first; the bureau reads it, another school and a
  // teacher do not.
  r = safety_.Call("GET", "/api/v1/traffic/gate-refusals");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto log = Json(r);
  EXPECT_EQ(log.at("total").as_int64(), 4);
  EXPECT_EQ(log.at("items").at(0).at("gate").as_string(), "南门");
  EXPECT_EQ(log.at("items").at(0).at("on").as_string(), "2026-11-30");
  EXPECT_EQ(log.at("items").at(3).at("plate").as_string(), "浙A31001");
  EXPECT_EQ(
      Json(office_.Call("GET", "/api/v1/traffic/gate-refusals?kind=ebike")).at("total").as_int64(),
      1);
  EXPECT_EQ(Json(As("school2_safety").Call("GET", "/api/v1/traffic/gate-refusals"))
                .at("total")
                .as_int64(),
            0);
  EXPECT_EQ(As("school1_teacher").Call("GET", "/api/v1/traffic/gate-refusals").status, 403);
  EXPECT_EQ(FirstFieldOf(office_.Call("GET", "/api/v1/traffic/gate-refusals?from=12-01")), "from");
  EXPECT_EQ(office_
                .Call("POST", "/api/v1/traffic/gate-checks",
                      R"({"unit_id":1,"kind":"ebike","gate":"南门"})")
                .status,
            403);

  // The e-bike gets its plate: it passes, and the daily judging agrees.
  const auto path = "/api/v1/traffic/ebikes/" + std::to_string(no_plate);
  auto bike = Json(safety_.Call("GET", path)).as_object();
  bike["licence_plate"] = "浙杭654321";
  r = safety_.Call("PUT", path, json::serialize(bike));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("outcome").as_string(), "pass");
  EXPECT_EQ(safety_.Call("PUT", path, json::serialize(bike)).status, 409);
  r = office_.Call("GET", "/api/v1/rule-findings?rule=traffic.ebike");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto findings = Json(r);
  int failing = 0;
  for (const auto& f : findings.at("items").as_array()) {
    if (f.at("outcome").as_string() == "fail") ++failing;
  }
  EXPECT_EQ(findings.at("total").as_int64(), 2);
  EXPECT_EQ(failing, 0);
}

// 交通安全一校一策: written whole and checked by field, published with what a guide needs (the
// rule traffic.guide passes for the semester), its road-facility needs sent to the traffic
// police as one whistle and kept as sent, the district's overview and its workbook.
TEST_P(BusApiTest, TheSchoolsTrafficGuideIsPublishedAndItsNeedsGoToThePolice) {
  const auto path = "/api/v1/traffic/guides/" + std::to_string(school_);
  auto r = safety_.Call("GET", path);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "none");
  EXPECT_EQ(Json(r).at("version").as_int64(), 0);
  EXPECT_TRUE(Json(r).at("can_edit").as_bool());
  // 我的待办 of the school's officer: the guide not yet published this semester.
  const auto tasks = [&](const WebSession& as) -> std::string {
    const auto all = Json(as.Call("GET", "/api/v1/me/tasks"));
    for (const auto& g : all.at("groups").as_array()) {
      if (g.at("kind").as_string() != "traffic.guide") continue;
      std::string out;
      for (const auto& i : g.at("items").as_array()) {
        EXPECT_EQ(i.at("subject_type").as_string(), "traffic_guide");
        EXPECT_EQ(i.at("subject_id").as_int64(), school_);
        out += (out.empty() ? "" : "|") + std::string(i.at("title").as_string());
      }
      return std::to_string(g.at("overdue").as_int64()) + " " + out;
    }
    return "none";
  };
  EXPECT_EQ(tasks(safety_), "1 交通安全一校一策未制定（2026—2027学年第一学期）");
  EXPECT_EQ(tasks(office_), "none");  // not a school

  json::object g{
      {"version", 0},
      {"gates", json::array{json::object{{"name", "南门"}, {"use", "people"}},
                            json::object{{"name", "南门"}, {"use", "cars"}}}},
      {"peaks", json::array{json::object{{"grade", "一年级"},
                                         {"kind", "arrival"},
                                         {"from", "07:40"},
                                         {"to", "07:30"},
                                         {"gate", "东门"}}}},
      {"needs", json::array{json::object{{"kind", "bridge"}, {"location", "学校南侧"}}}}};
  EXPECT_EQ(Fields(safety_.Call("PUT", path, json::serialize(g))),
            "gates[1].use,gates[1].name,peaks[0].to,peaks[0].gate,needs[0].kind");

  g["gates"] =
      json::array{json::object{{"name", "南门"}, {"use", "people"}, {"hours", "7:30—8:00"}},
                  json::object{{"name", "西门"}, {"use", "vehicles"}}};
  g["peaks"] = json::array{json::object{{"grade", "一至三年级"},
                                        {"kind", "arrival"},
                                        {"from", "07:30"},
                                        {"to", "07:50"},
                                        {"gate", "南门"}},
                           json::object{{"grade", "一至三年级"},
                                        {"kind", "dismissal"},
                                        {"from", "15:30"},
                                        {"to", "15:50"},
                                        {"gate", "南门"}}};
  g["zones"] = json::array{json::object{{"kind", "drop_off"}, {"name", "南侧临时停靠区"}}};
  g["posts"] = json::array{json::object{{"place", "南门斑马线"},
                                        {"from", "07:20"},
                                        {"to", "08:00"},
                                        {"people", "值周教师 2 人、家长志愿者 2 人"}}};
  g["separation"] = "南门行人、西门车辆，校内车辆不在上下学时段进出";
  g["needs"] = json::array{
      json::object{
          {"kind", "crossing"}, {"location", "南门外育才路"}, {"description", "施划人行横道"}},
      json::object{{"kind", "speed_hump"}, {"location", "育才路东段"}}};
  r = safety_.Call("PUT", path, json::serialize(g));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("version").as_int64(), 1);
  EXPECT_EQ(Json(r).at("state").as_string(), "draft");
  EXPECT_EQ(Json(r).at("unsent_needs").as_int64(), 2);
  // Publishing asks for the police's peak duty; a stale version is refused.
  EXPECT_EQ(Fields(safety_.Call("POST", path + "/publish", R"({"version":1})")), "police_duty");
  g["version"] = 1;
  g["police_unit"] = "城关交警中队";
  g["police_duty"] = "上下学高峰在南门路口设岗";
  r = safety_.Call("PUT", path, json::serialize(g));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(safety_.Call("POST", path + "/publish", R"({"version":1})").status, 409);
  r = safety_.Call("POST", path + "/publish", R"({"version":2})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = Json(r);
  EXPECT_EQ(body.at("state").as_string(), "current");
  EXPECT_EQ(body.at("published_on").as_string(), "2026-11-30");
  EXPECT_EQ(body.at("term_label").as_string(), "2026—2027学年第一学期");
  EXPECT_EQ(body.at("version").as_int64(), 3);
  EXPECT_EQ(tasks(safety_), "0 有 2 项交通设施需求尚未报送交警");
  auto current = Json(office_.Call("GET", "/api/v1/traffic/guides?state=current"));
  ASSERT_EQ(current.at("items").as_array().size(), 1U);
  EXPECT_EQ(current.at("items").at(0).at("term_label").as_string(), "2026—2027学年第一学期");
  EXPECT_EQ(current.at("items").at(0).at("published_on").as_string(), "2026-11-30");
  // Judged at once on traffic.guide for the semester.
  auto f = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school_) +
                                   "&rule=traffic.guide&period=2026-1");
  ASSERT_EQ(f.status, 200) << f.body;
  ASSERT_EQ(Json(f).at("items").as_array().size(), 1U) << f.body;
  EXPECT_EQ(Json(f).at("items").at(0).at("outcome").as_string(), "pass");

  // The needs go to the traffic police as one whistle; the guide stays current.
  r = safety_.Call("POST", path + "/needs/whistle", R"({"version":3})");
  ASSERT_EQ(r.status, 200) << r.body;
  body = Json(r);
  EXPECT_EQ(body.at("state").as_string(), "current");
  EXPECT_EQ(body.at("unsent_needs").as_int64(), 0);
  EXPECT_FALSE(body.at("can_send_needs").as_bool());
  const auto whistle = body.at("needs").at(0).at("whistle_id").as_int64();
  EXPECT_EQ(body.at("needs").at(1).at("whistle_id").as_int64(), whistle);
  auto w = safety_.Call("GET", "/api/v1/whistles/" + std::to_string(whistle));
  ASSERT_EQ(w.status, 200) << w.body;
  const auto wb = Json(w);
  EXPECT_EQ(wb.at("category").as_string(), "traffic");
  EXPECT_EQ(wb.at("place").as_string(), "around");
  EXPECT_EQ(wb.at("school_id").as_int64(), school_);
  EXPECT_NE(
      std::string(wb.at("description").as_string()).find("人行横道（南门外育才路）：施划人行横道"),
      std::string::npos);
  r = safety_.Call("POST", path + "/needs/whistle", R"({"version":4})");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(FirstFieldOf(r), "traffic.guide.no_needs");

  // A need sent is kept as sent; a new one can be added; editing makes the guide 修改未发布.
  auto again = body;
  again.as_object()["needs"].as_array()[0].as_object()["description"] = "改一下";
  EXPECT_EQ(Fields(safety_.Call("PUT", path, json::serialize(again))), "needs[0]");
  again = body;
  again.as_object()["needs"].as_array().push_back(
      json::object{{"kind", "signal"}, {"location", "育才路口"}});
  r = safety_.Call("PUT", path, json::serialize(again));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "changed");
  EXPECT_EQ(Json(r).at("unsent_needs").as_int64(), 1);
  EXPECT_EQ(
      tasks(safety_),
      "0 交通安全一校一策修改未发布（2026—2027学年第一学期）|有 1 项交通设施需求尚未报送交警");
  EXPECT_EQ(Json(r).at("needs").at(0).at("whistle_id").as_int64(), whistle);

  // The district's overview: this school changed, the others without a guide.
  auto o = office_.Call("GET", "/api/v1/traffic/guides");
  ASSERT_EQ(o.status, 200) << o.body;
  const auto ov = Json(o);
  EXPECT_EQ(ov.at("counts").at("changed").as_int64(), 1);
  EXPECT_EQ(ov.at("counts").at("current").as_int64(), 0);
  const auto none = ov.at("counts").at("none").as_int64();
  EXPECT_GE(none, 1);
  EXPECT_EQ(static_cast<std::int64_t>(ov.at("items").as_array().size()), none + 1);
  o = office_.Call("GET", "/api/v1/traffic/guides?state=changed");
  ASSERT_EQ(Json(o).at("items").as_array().size(), 1U);
  EXPECT_EQ(Json(o).at("items").at(0).at("needs_sent").as_int64(), 2);
  EXPECT_EQ(Json(o).at("items").at(0).at("needs").as_int64(), 3);
  EXPECT_EQ(FirstFieldOf(office_.Call("GET", "/api/v1/traffic/guides?state=old")), "state");
  auto x = office_.Call("GET", "/api/v1/traffic/guides/export");
  ASSERT_EQ(x.status, 200);
  auto book = office::ReadXlsx(x.body);
  ASSERT_TRUE(book.ok()) << book.error().message;
  EXPECT_EQ(book.value().size(), static_cast<std::size_t>(none + 2));
  // A school sees its own guide only; a teacher cannot write it.
  EXPECT_EQ(safety_.Call("GET", "/api/v1/traffic/guides").status, 200);
  EXPECT_EQ(As("school1_teacher").Call("PUT", path, json::serialize(again)).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Stores, BusApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
