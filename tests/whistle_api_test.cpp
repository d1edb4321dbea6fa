// 吹哨报到 over real HTTP on both stores, through 国庆节: a school raises a general and a major
// whistle on the eve of the holiday; the acknowledgement hours run through the holiday, the
// feedback working days skip it and count its make-up Saturday; the major one reaches the bureau
// at once; the escalation run tells the bureau of each late acknowledgement once; departments see
// only what was routed to them; a department reports progress and its result, the school sends it
// back and then confirms; the bureau edits its routing table and adds a department to a whistle;
// photos follow the whistle; the department statistics and their workbook match a hand count.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/whistles/whistles.hpp"
#include "core/clock.hpp"
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

class WhistleApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    services_ = std::make_unique<app::Services>(app::Services{*store_, clock_});
    services_->files_dir = files_.path();
    passwords_ = testing::SeedDemoAccounts(*services_, 5);
    ASSERT_FALSE(passwords_.empty());
    http::ApiOptions o;
    o.web_root = "/nonexistent";
    server_ = std::make_unique<testing::TestServer>(*services_, o);
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    office_ = As("safety_office");
    school_ = As("school1_safety");
    police_ = As("dept1_liaison");
    traffic_ = As("dept2_liaison");
    ASSERT_FALSE(traffic_.cookie.empty());
    school_id_ = UnitOf(school_);
    police_id_ = UnitOf(police_);
    traffic_id_ = UnitOf(traffic_);
  }

  WebSession As(const std::string& user) { return testing::LoginAs(port_, user, passwords_[user]); }
  // Moves the clock (days pass: everyone signs in again, as sessions time out).
  void SetClock(const char* text) {
    clock_.Set(At(text));
    office_ = As("safety_office");
    school_ = As("school1_safety");
    police_ = As("dept1_liaison");
    traffic_ = As("dept2_liaison");
    ASSERT_FALSE(traffic_.cookie.empty());
  }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  static std::int64_t UnitOf(const WebSession& s) {
    return Json(s.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  }
  static std::string FirstField(const HttpReply& r) {
    const auto v = json::parse(r.body);
    const auto& details = v.at("error").at("details").as_array();
    return details.empty() ? "" : std::string(details[0].at("field").as_string());
  }
  static std::string Str(const json::value& v, const char* key) {
    return std::string(v.at(key).as_string());
  }

  json::object Draft(const std::string& title, const std::string& category,
                     const std::string& severity = "general") {
    return {{"school_id", school_id_}, {"title", title},         {"description", "放学时段拥堵"},
            {"category", category},    {"place", "around"},      {"location", "南门外"},
            {"severity", severity},    {"interim_measures", ""}, {"file_ids", json::array{}}};
  }

  json::value Raise(const json::object& body) {
    auto r = school_.Call("POST", "/api/v1/whistles", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r) : json::value();
  }

  json::value Step(const WebSession& as, std::int64_t id, const std::string& step,
                   const json::object& body = {}, int expect = 200) {
    auto r = as.Call("POST", "/api/v1/whistles/" + std::to_string(id) + "/" + step,
                     json::serialize(body));
    EXPECT_EQ(r.status, expect) << step << ": " << r.body;
    return Json(r);
  }

  // The assignment of a department in a whistle.
  static json::object Part(const json::value& w, std::int64_t dept) {
    for (const auto& a : w.at("assignments").as_array()) {
      if (a.at("department_id").as_int64() == dept) return a.as_object();
    }
    ADD_FAILURE() << "no assignment of department " << dept;
    return {};
  }

  // A department's row of the statistics (zeros when it has none).
  json::object Stats(const std::string& query, std::int64_t dept) {
    auto r = office_.Call("GET", "/api/v1/whistle-stats" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto v = Json(r);
    for (const auto& row : v.at("items").as_array()) {
      if (row.at("department_id").as_int64() == dept) return row.as_object();
    }
    return {{"received", 0}, {"acknowledged", 0}, {"acknowledged_on_time", 0}, {"ack_overdue", 0},
            {"closed", 0},   {"open", 0},         {"feedback_overdue", 0},     {"answered", 0}};
  }

  std::int64_t Unread(const WebSession& as, const std::string& kind) {
    auto r = as.Call("GET", "/api/v1/notifications?page_size=100");
    std::int64_t n = 0;
    const auto list = Json(r);
    for (const auto& x : list.at("items").as_array()) {
      if (Str(x, "kind") == kind && x.at("read_at").is_null()) ++n;
    }
    return n;
  }

  FixedClock clock_{At("2026-09-30T08:00:00.000Z")};  // Wednesday 30 September, 16:00 in China
  testing::TempDir files_;
  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<domain::Store> store_;
  std::unique_ptr<app::Services> services_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  WebSession office_, school_, police_, traffic_;
  std::int64_t school_id_ = 0, police_id_ = 0, traffic_id_ = 0;
};

TEST_P(WhistleApiTest, AcrossTheNationalDayHolidayToTheStatistics) {
  const std::string period = "?from=2026-09-30&to=2026-10-31";
  const auto traffic_before = Stats(period, traffic_id_);
  const auto police_before = Stats(period, police_id_);
  const auto bureau_whistles = Unread(office_, "whistle");

  // A major risk states the school's interim measures.
  auto bad = school_.Call("POST", "/api/v1/whistles",
                          json::serialize(Draft("路口信号灯损坏", "public_order", "major")));
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(FirstField(bad), "interim_measures");

  // General, to the traffic police: 24 h to acknowledge, through the holiday; first feedback in
  // 5 working days: 8, 9, 10 (make-up Saturday), 12, 13 October.
  const auto general = Raise(Draft("吹哨测试：南门缺少人行横道", "traffic"));
  const auto general_id = general.at("id").as_int64();
  EXPECT_EQ(Str(general, "state"), "waiting");
  ASSERT_EQ(general.at("assignments").as_array().size(), 1u);
  auto part = Part(general, traffic_id_);
  EXPECT_EQ(part.at("ack_due").as_string(), "2026-10-01T08:00:00.000Z");
  EXPECT_EQ(part.at("feedback_due").as_string(), "2026-10-13");
  EXPECT_FALSE(part.at("feedback_due_provisional").as_bool());
  EXPECT_EQ(Str(general.at("events").as_array()[0], "kind"), "raised");

  // Major, to the police: 2 h; the bureau is told at once.
  auto major_body = Draft("吹哨测试：校门外聚集闲散人员", "public_order", "major");
  major_body["interim_measures"] = "保安在校门值守，放学时段教师护送";
  const auto major = Raise(major_body);
  const auto major_id = major.at("id").as_int64();
  EXPECT_EQ(Part(major, police_id_).at("ack_due").as_string(), "2026-09-30T10:00:00.000Z");
  EXPECT_EQ(Unread(office_, "whistle"), bureau_whistles + 1);

  // Each department sees only what was routed to it; the bureau sees both.
  const auto q = "/api/v1/whistles?q=" + std::string("%E5%90%B9%E5%93%A8%E6%B5%8B%E8%AF%95");
  EXPECT_EQ(Json(traffic_.Call("GET", q)).at("total").as_int64(), 1);
  EXPECT_EQ(Json(police_.Call("GET", q)).at("total").as_int64(), 1);
  EXPECT_EQ(Json(office_.Call("GET", q)).at("total").as_int64(), 2);
  EXPECT_EQ(police_.Call("GET", "/api/v1/whistles/" + std::to_string(general_id)).status, 404);
  Step(police_, general_id, "acknowledge", {}, 404);
  // The traffic police's to-do holds the general one, and it may acknowledge it.
  auto todo = Json(traffic_.Call("GET", q + "&todo=1"));
  ASSERT_EQ(todo.at("total").as_int64(), 1);
  EXPECT_TRUE(todo.at("items").as_array()[0].at("can").at("acknowledge").as_bool());

  // At 18:00:00.001 on the first day of the holiday both acknowledgements are late: the run tells
  // the bureau once per department, and not again.
  SetClock("2026-10-01T08:00:00.001Z");
  const auto escalated_before = Unread(office_, "escalated");
  auto fired = app::RunWhistleEscalations(*services_);
  ASSERT_TRUE(fired.ok());
  EXPECT_GE(*fired, 2);
  EXPECT_EQ(Unread(office_, "escalated"), escalated_before + 2);
  fired = app::RunWhistleEscalations(*services_);
  ASSERT_TRUE(fired.ok());
  EXPECT_EQ(*fired, 0);
  auto overdue = Json(office_.Call("GET", q + "&overdue=1"));
  EXPECT_EQ(overdue.at("total").as_int64(), 2);
  const auto late = Json(office_.Call("GET", "/api/v1/whistles/" + std::to_string(general_id)));
  EXPECT_TRUE(Part(late, traffic_id_).at("escalated").as_bool());
  EXPECT_TRUE(Part(late, traffic_id_).at("ack_overdue").as_bool());
  EXPECT_EQ(Str(late.at("events").as_array().back(), "kind"), "escalated");

  // The traffic police reports in late, then progress on Friday 9 October: the next report is
  // due 10 working days later (10, 12–16, 19–22 October).
  auto w = Step(traffic_, general_id, "acknowledge", {{"note", "已安排民警勘查"}});
  EXPECT_EQ(Str(w, "state"), "in_progress");
  EXPECT_FALSE(Part(w, traffic_id_).at("ack_overdue").as_bool());
  Step(traffic_, general_id, "acknowledge", {}, 409);
  EXPECT_FALSE(Step(school_, general_id, "confirm", {}, 409).is_null());
  SetClock("2026-10-09T02:00:00.000Z");
  w = Step(traffic_, general_id, "feedback", {{"note", "已报市政部门施划人行横道"}});
  EXPECT_EQ(Part(w, traffic_id_).at("feedback_due").as_string(), "2026-10-22");
  auto no_note =
      traffic_.Call("POST", "/api/v1/whistles/" + std::to_string(general_id) + "/feedback",
                    R"({"note":"  ","final":true})");
  EXPECT_EQ(no_note.status, 422);
  EXPECT_EQ(FirstField(no_note), "note");
  // The result; the school sends it back (a note is needed), the department answers again and
  // the school confirms on Thursday 15 October.
  w = Step(traffic_, general_id, "feedback", {{"note", "人行横道已施划"}, {"final", true}});
  EXPECT_EQ(Str(w, "state"), "answered");
  EXPECT_TRUE(Part(w, traffic_id_).at("feedback_due").is_null());
  Step(school_, general_id, "send-back", {}, 422);
  SetClock("2026-10-12T02:00:00.000Z");
  w = Step(school_, general_id, "send-back", {{"note", "缺少减速带"}});
  EXPECT_EQ(Str(w, "state"), "in_progress");
  EXPECT_EQ(Part(w, traffic_id_).at("feedback_due").as_string(), "2026-10-19");
  w = Step(traffic_, general_id, "feedback", {{"note", "减速带已安装"}, {"final", true}});
  SetClock("2026-10-15T02:00:00.000Z");
  w = Step(school_, general_id, "confirm", {{"note", "已核实"}});
  EXPECT_EQ(Str(w, "state"), "closed");
  EXPECT_EQ(Str(w, "closed_at"), "2026-10-15T02:00:00.000Z");
  Step(traffic_, general_id, "feedback", {{"note", "x"}}, 409);
  std::vector<std::string> kinds;
  for (const auto& e : w.at("events").as_array()) kinds.push_back(Str(e, "kind"));
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"raised", "routed", "escalated", "acknowledged", "feedback",
                                      "result", "sent_back", "result", "confirmed"}));

  // The statistics against a hand count: the traffic police received 1, acknowledged it late
  // (after 22 h 00 min 00 s … on 1 October at 18:00:00.001 + the time it took), closed it; the
  // police received 1 and never reported in.
  const auto traffic = Stats(period, traffic_id_);
  const auto police = Stats(period, police_id_);
  auto delta = [](const json::object& after, const json::object& before, const char* key) {
    return after.at(key).as_int64() - before.at(key).as_int64();
  };
  EXPECT_EQ(delta(traffic, traffic_before, "received"), 1);
  EXPECT_EQ(delta(traffic, traffic_before, "acknowledged"), 1);
  EXPECT_EQ(delta(traffic, traffic_before, "acknowledged_on_time"), 0);
  EXPECT_EQ(delta(traffic, traffic_before, "closed"), 1);
  EXPECT_EQ(delta(traffic, traffic_before, "open"), 0);
  EXPECT_EQ(delta(police, police_before, "received"), 1);
  EXPECT_EQ(delta(police, police_before, "acknowledged"), 0);
  EXPECT_EQ(delta(police, police_before, "ack_overdue"), 1);
  EXPECT_EQ(delta(police, police_before, "open"), 1);
  EXPECT_EQ(delta(police, police_before, "feedback_overdue"), 1);  // due 13 October
  if (traffic_before.at("received").as_int64() == 0) {
    EXPECT_DOUBLE_EQ(traffic.at("average_close_days").as_double(), 15.0 - 0.25);
  }
  // A liaison's statistics hold only its own department.
  const auto own = Json(police_.Call("GET", "/api/v1/whistle-stats" + period));
  ASSERT_EQ(own.at("items").as_array().size(), 1u);
  EXPECT_EQ(own.at("items").as_array()[0].at("department_id").as_int64(), police_id_);
  // The workbook says the same.
  auto xlsx = office_.Call("GET", "/api/v1/whistle-stats/export" + period);
  ASSERT_EQ(xlsx.status, 200);
  auto rows = office::ReadXlsx(xlsx.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_GE(rows->size(), 3u);
  EXPECT_EQ((*rows)[0][0].text, "部门");
  bool found = false;
  for (const auto& row : *rows) {
    if (!row.empty() &&
        row[0].text == Str(Json(traffic_.Call("GET", "/api/v1/auth/me")).at("unit"), "name")) {
      found = true;
      EXPECT_EQ(row[1].text, std::to_string(traffic.at("received").as_int64()));
      EXPECT_EQ(row[7].text, std::to_string(traffic.at("closed").as_int64()));
    }
  }
  EXPECT_TRUE(found);
  // Bad periods name their field.
  auto bad_period = office_.Call("GET", "/api/v1/whistle-stats?from=2026-10-31&to=2026-10-01");
  EXPECT_EQ(bad_period.status, 422);
  EXPECT_EQ(FirstField(bad_period), "to");
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/whistle-stats?from=2026-13-01")), "from");
  (void)major_id;
}

TEST_P(WhistleApiTest, TheBureauRoutesAndPhotosFollowTheWhistle) {
  // The default route of traffic is the traffic police; the bureau adds the police.
  auto routes = Json(office_.Call("GET", "/api/v1/whistle-routes"));
  const json::object* traffic_row = nullptr;
  for (const auto& row : routes.at("items").as_array()) {
    if (Str(row, "category") == "traffic") traffic_row = &row.as_object();
  }
  ASSERT_NE(traffic_row, nullptr);
  EXPECT_FALSE(traffic_row->at("custom").as_bool());
  ASSERT_EQ(traffic_row->at("department_ids").as_array().size(), 1u);
  EXPECT_EQ(traffic_row->at("department_ids").as_array()[0].as_int64(), traffic_id_);

  auto bad = office_.Call(
      "PUT", "/api/v1/whistle-routes",
      json::serialize(json::object{
          {"routes", json::array{json::object{{"category", "traffic"},
                                              {"department_ids", json::array{school_id_}}}}}}));
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FirstField(bad), "routes[0].department_ids[0]");
  bad = office_.Call("PUT", "/api/v1/whistle-routes",
                     R"({"routes":[{"category":"roads","department_ids":[]}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FirstField(bad), "routes[0].category");
  auto set = office_.Call(
      "PUT", "/api/v1/whistle-routes",
      json::serialize(json::object{
          {"routes",
           json::array{json::object{{"category", "traffic"},
                                    {"department_ids", json::array{traffic_id_, police_id_}}}}}}));
  ASSERT_EQ(set.status, 200) << set.body;
  const auto stored = Json(set);
  for (const auto& row : stored.at("items").as_array()) {
    if (Str(row, "category") == "traffic") {
      EXPECT_TRUE(row.at("custom").as_bool());
      EXPECT_EQ(row.at("department_ids").as_array().size(), 2u);
    }
  }

  // A photo goes with the whistle; both departments reach it, the school's other leader too.
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "pixels";
  auto up = school_.Call("POST", "/api/v1/files?name=gate.png", png);
  ASSERT_EQ(up.status, 201) << up.body;
  const auto file_id = Json(up).at("id").as_int64();
  auto body = Draft("路口缺少减速带", "traffic");
  body["file_ids"] = json::array{file_id};
  const auto w = Raise(body);
  const auto id = w.at("id").as_int64();
  EXPECT_EQ(w.at("assignments").as_array().size(), 2u);
  ASSERT_EQ(w.at("files").as_array().size(), 1u);
  const auto file = "/api/v1/files/" + std::to_string(file_id);
  EXPECT_EQ(police_.Call("GET", file).status, 200);
  EXPECT_EQ(traffic_.Call("GET", file).status, 200);
  EXPECT_EQ(As("school2_safety").Call("GET", file).status, 404);

  // The bureau adds a department that is not routed yet; one already routed is refused.
  const auto fire = [&] {
    for (const auto& d : routes.at("departments").as_array()) {
      if (Str(d, "department_kind") == "fire_rescue") return d.at("id").as_int64();
    }
    return std::int64_t{0};
  }();
  ASSERT_NE(fire, 0);
  auto again =
      office_.Call("POST", "/api/v1/whistles/" + std::to_string(id) + "/route",
                   json::serialize(json::object{{"department_ids", json::array{police_id_}}}));
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(FirstField(again), "department_ids[0]");
  auto added = office_.Call("POST", "/api/v1/whistles/" + std::to_string(id) + "/route",
                            json::serialize(json::object{{"department_ids", json::array{fire}}}));
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(Json(added).at("assignments").as_array().size(), 3u);
  EXPECT_EQ(Part(Json(added), fire).at("state").as_string(), "pending");
  // A school may not route, nor a department.
  EXPECT_EQ(school_
                .Call("POST", "/api/v1/whistles/" + std::to_string(id) + "/route",
                      R"({"department_ids":[1]})")
                .status,
            403);
  // Only the school that raised it confirms; the whistle's state needs every department's result.
  Step(traffic_, id, "acknowledge");
  Step(police_, id, "acknowledge");
  // The traffic police answer with a photo of their own (a department may upload for this);
  // the school's photo or ten photos are refused and change nothing.
  auto shot = traffic_.Call("POST", "/api/v1/files?name=hump.png", png + "2");
  ASSERT_EQ(shot.status, 201) << shot.body;
  const auto shot_id = Json(shot).at("id").as_int64();
  const auto feedback = "/api/v1/whistles/" + std::to_string(id) + "/feedback";
  auto refused =
      traffic_.Call("POST", feedback,
                    json::serialize(json::object{
                        {"note", "已安装"}, {"final", true}, {"file_ids", json::array{file_id}}}));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(FirstField(refused), "file_ids[0]");
  json::array ten;
  for (int i = 0; i < 10; ++i) ten.push_back(shot_id);
  refused = traffic_.Call(
      "POST", feedback,
      json::serialize(json::object{{"note", "已安装"}, {"final", true}, {"file_ids", ten}}));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(FirstField(refused), "file_ids");
  auto w2 = Step(traffic_, id, "feedback",
                 {{"note", "已安装"}, {"final", true}, {"file_ids", json::array{shot_id}}});
  const auto& events = w2.at("events").as_array();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(Str(events.back(), "kind"), "result");
  ASSERT_EQ(events.back().at("files").as_array().size(), 1u);
  EXPECT_EQ(events.back().at("files").at(0).at("id").as_int64(), shot_id);
  EXPECT_TRUE(events.front().at("files").as_array().empty());
  const auto shot_path = "/api/v1/files/" + std::to_string(shot_id);
  EXPECT_EQ(school_.Call("GET", shot_path).status, 200);
  EXPECT_EQ(police_.Call("GET", shot_path).status, 200);
  EXPECT_EQ(office_.Call("GET", shot_path).status, 200);
  EXPECT_EQ(As("school2_safety").Call("GET", shot_path).status, 404);
  EXPECT_EQ(Str(w2, "state"), "in_progress");
  EXPECT_FALSE(w2.at("can").at("confirm").as_bool());
  Step(school_, id, "confirm", {}, 409);
  EXPECT_EQ(As("school2_leader")
                .Call("POST", "/api/v1/whistles/" + std::to_string(id) + "/confirm", "{}")
                .status,
            404);
}

TEST_P(WhistleApiTest, TheEngineCarriesTheDeadlines) {
  // The bureau shortens the acknowledgement of a general risk to 12 hours.
  auto r = office_.Call("PUT", "/api/v1/rules/whistle.ack/parameters",
                        R"({"values":{"hours":12,"major_hours":2},"note":"区里要求"})");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto w = Raise(Draft("围墙外消防通道被占", "fire"));
  for (const auto& a : w.at("assignments").as_array()) {
    EXPECT_EQ(a.at("ack_due").as_string(), "2026-09-30T20:00:00.000Z");
  }
  r = office_.Call("PUT", "/api/v1/rules/whistle.ack/parameters",
                   R"({"values":{"hours":12,"major_hours":13}})");
  EXPECT_EQ(r.status, 422);
  // A deadline that runs into 2027, whose notice is not loaded, is counted Monday to Friday.
  SetClock("2026-12-25T02:00:00.000Z");
  const auto late_year = Raise(Draft("年末吹哨", "traffic"));
  const auto part = Part(late_year, traffic_id_);
  EXPECT_EQ(part.at("feedback_due").as_string(), "2027-01-01");
  EXPECT_TRUE(part.at("feedback_due_provisional").as_bool());
}

TEST_P(WhistleApiTest, AHazardBecomesAWhistleAndAWhistleAHazard) {
  // A hazard the school cannot fix alone, with its photo, raised as a whistle.
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "pixels";
  auto up = school_.Call("POST", "/api/v1/files?name=road.png", png);
  ASSERT_EQ(up.status, 201) << up.body;
  auto hazard = school_.Call(
      "POST", "/api/v1/hazards",
      json::serialize(json::object{{"school_id", school_id_},
                                   {"domain", "traffic"},
                                   {"level", "general"},
                                   {"title", "校门外道路坑洼"},
                                   {"description", "雨天积水，学生绕行"},
                                   {"file_ids", json::array{Json(up).at("id").as_int64()}}}));
  ASSERT_EQ(hazard.status, 201) << hazard.body;
  const auto hazard_id = Json(hazard).at("id").as_int64();
  auto body = Draft("校门外道路坑洼", "traffic");
  body["hazard_id"] = hazard_id;
  const auto w = Raise(body);
  EXPECT_EQ(w.at("hazard_id").as_int64(), hazard_id);
  EXPECT_EQ(w.at("files").as_array().size(), 1u);
  EXPECT_NE(Str(w.at("events").as_array()[0], "note").find("由隐患"), std::string::npos);
  // One whistle per hazard; a hazard of another school is refused.
  auto twice = school_.Call("POST", "/api/v1/whistles", json::serialize(body));
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(FirstField(twice), "whistle.hazard_linked");
  body["hazard_id"] = 999999;
  auto other = school_.Call("POST", "/api/v1/whistles", json::serialize(body));
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(FirstField(other), "hazard_id");
  // The hazard's whistle is found by the hazard.
  auto linked =
      Json(office_.Call("GET", "/api/v1/whistles?hazard_id=" + std::to_string(hazard_id)));
  EXPECT_EQ(linked.at("total").as_int64(), 1);

  // A whistle that needs work inside the school becomes a hazard of its ledger in one step.
  const auto inside = Raise(Draft("校内围墙外侧堆放易燃物", "fire", "general"));
  const auto inside_id = inside.at("id").as_int64();
  EXPECT_TRUE(inside.at("can").at("hazard").as_bool());
  EXPECT_EQ(
      police_.Call("POST", "/api/v1/whistles/" + std::to_string(inside_id) + "/hazard", "").status,
      403);
  auto made = Step(school_, inside_id, "hazard");
  ASSERT_TRUE(made.at("hazard_id").is_int64()) << json::serialize(made);
  EXPECT_FALSE(made.at("can").at("hazard").as_bool());
  EXPECT_EQ(Str(made.at("events").as_array().back(), "kind"), "hazard");
  const auto new_hazard = Json(
      school_.Call("GET", "/api/v1/hazards/" + std::to_string(made.at("hazard_id").as_int64())));
  EXPECT_EQ(Str(new_hazard, "source"), "whistle");
  EXPECT_EQ(Str(new_hazard, "domain"), "fire");
  EXPECT_EQ(Str(new_hazard, "origin_type"), "whistle");
  EXPECT_EQ(new_hazard.at("origin_id").as_int64(), inside_id);
  Step(school_, inside_id, "hazard", {}, 409);
  // A bad domain names its field, and nothing is linked.
  const auto third = Raise(Draft("校门口水沟无盖板", "other"));
  auto bad = school_.Call(
      "POST", "/api/v1/whistles/" + std::to_string(third.at("id").as_int64()) + "/hazard",
      R"({"domain":"roads"})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(FirstField(bad), "domain");
  EXPECT_TRUE(
      Json(school_.Call("GET", "/api/v1/whistles/" + std::to_string(third.at("id").as_int64())))
          .at("hazard_id")
          .is_null());
}

TEST_P(WhistleApiTest, EachSchoolFilesItsMonthlyReport) {
  SetClock("2026-11-20T02:00:00.000Z");
  const auto path = "/api/v1/schools/" + std::to_string(school_id_) + "/whistle-reports";
  auto view = Json(school_.Call("GET", path));
  EXPECT_EQ(Str(view, "month"), "2026-11");
  EXPECT_TRUE(view.at("current").is_null());
  EXPECT_TRUE(view.at("draft").at("nil").as_bool());
  const auto board_before = Json(office_.Call("GET", "/api/v1/whistle-reports?month=2026-11"));
  // Nothing open: a nil return (零报告).
  auto filed = school_.Call("POST", path, R"({"note":"本月无需协调事项"})");
  ASSERT_EQ(filed.status, 200) << filed.body;
  auto current = Json(filed).at("current");
  EXPECT_TRUE(current.at("nil").as_bool());
  EXPECT_EQ(Str(current, "note"), "本月无需协调事项");
  const auto board = Json(office_.Call("GET", "/api/v1/whistle-reports?month=2026-11"));
  EXPECT_EQ(board.at("filed").as_int64(), board_before.at("filed").as_int64() + 1);
  EXPECT_EQ(board.at("nil").as_int64(), board_before.at("nil").as_int64() + 1);
  bool listed = false;
  for (const auto& row : board.at("items").as_array()) {
    if (row.at("school_id").as_int64() == school_id_) {
      listed = true;
      EXPECT_TRUE(row.at("filed").as_bool());
    }
  }
  EXPECT_TRUE(listed);
  // A whistle opens: filed again, the report lists it.
  const auto w = Raise(Draft("校门外占道经营", "vendors"));
  filed = school_.Call("POST", path, "{}");
  ASSERT_EQ(filed.status, 200) << filed.body;
  current = Json(filed).at("current");
  EXPECT_FALSE(current.at("nil").as_bool());
  EXPECT_EQ(current.at("open_count").as_int64(), 1);
  EXPECT_NE(Str(current, "summary").find("校门外占道经营"), std::string::npos);
  EXPECT_EQ(Json(filed).at("reports").as_array().size(), 1u);  // replaced, not added
  // The rule engine holds the month as passed for the school; a school that did not file is due.
  auto findings =
      Json(office_.Call("GET", "/api/v1/rule-findings?rule=whistle.periodic&school_id=" +
                                   std::to_string(school_id_)));
  ASSERT_GE(findings.at("items").as_array().size(), 1u);
  EXPECT_EQ(Str(findings.at("items").as_array()[0], "outcome"), "pass");
  // Errors: a bad month, a school out of scope, a department.
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/whistle-reports?month=2026-13")), "month");
  const auto other = Json(As("school2_safety").Call("GET", "/api/v1/auth/me")).at("unit").at("id");
  EXPECT_EQ(
      school_
          .Call("POST", "/api/v1/schools/" + std::to_string(other.as_int64()) + "/whistle-reports",
                "{}")
          .status,
      404);
  EXPECT_EQ(police_.Call("POST", path, "{}").status, 403);
  (void)w;
}

TEST_P(WhistleApiTest, AnOverduePartGoesUpToTheDistrictLeadershipWhenSet) {
  // The bureau's inspector becomes the district's leader in charge (区县分管领导).
  auto secadmin = As("secadmin");
  const auto users = Json(secadmin.Call("GET", "/api/v1/users?q=inspector"));
  const auto leader_id = users.at("items").at(0).at("id").as_int64();
  ASSERT_EQ(secadmin
                .Call("PUT", "/api/v1/users/" + std::to_string(leader_id) + "/roles",
                      R"({"roles":["district_leader"]})")
                .status,
            204);
  auto r = office_.Call("PUT", "/api/v1/rules/whistle.ack/parameters",
                        R"({"values":{"leader_days":2},"note":"超期两天仍未办理报区领导"})");
  ASSERT_EQ(r.status, 200) << r.body;

  // Raised Wednesday 16:00 in China: due Thursday 16:00; the bureau is told at 16:00:00.001.
  const auto w = Raise(Draft("路口护栏缺失", "traffic"));
  const auto id = w.at("id").as_int64();
  EXPECT_EQ(Part(w, traffic_id_).at("ack_due").as_string(), "2026-10-01T08:00:00.000Z");
  SetClock("2026-10-01T08:00:00.001Z");
  auto fired = app::RunWhistleEscalations(*services_);
  ASSERT_TRUE(fired.ok());
  EXPECT_EQ(*fired, 1);
  auto leader = As("inspector");
  EXPECT_EQ(Unread(leader, "escalated_leader"), 0);
  // Two whole days after the bureau was told, less a millisecond: not yet.
  SetClock("2026-10-03T08:00:00.000Z");
  fired = app::RunWhistleEscalations(*services_);
  ASSERT_TRUE(fired.ok());
  EXPECT_EQ(*fired, 0);
  // Exactly two days: the leader is told once; the event says so.
  SetClock("2026-10-03T08:00:00.001Z");
  fired = app::RunWhistleEscalations(*services_);
  ASSERT_TRUE(fired.ok());
  EXPECT_EQ(*fired, 1);
  leader = As("inspector");
  EXPECT_EQ(Unread(leader, "escalated_leader"), 1);
  fired = app::RunWhistleEscalations(*services_);
  ASSERT_TRUE(fired.ok());
  EXPECT_EQ(*fired, 0);
  const auto late = Json(office_.Call("GET", "/api/v1/whistles/" + std::to_string(id)));
  EXPECT_EQ(Str(late.at("events").as_array().back(), "kind"), "escalated_leader");
  // The leader reads the whistle (read-only) and the statistics.
  EXPECT_EQ(leader.Call("GET", "/api/v1/whistles/" + std::to_string(id)).status, 200);
  EXPECT_EQ(leader
                .Call("POST", "/api/v1/whistles/" + std::to_string(id) + "/route",
                      R"({"department_ids":[]})")
                .status,
            403);
  // A department that reports in, late but before the leader's day, goes no further.
  const auto second = Raise(Draft("校门外摊贩聚集", "public_order"));
  const auto second_id = second.at("id").as_int64();
  SetClock("2026-10-04T08:00:00.002Z");
  fired = app::RunWhistleEscalations(*services_);
  ASSERT_TRUE(fired.ok());
  EXPECT_EQ(*fired, 1);  // the bureau is told
  Step(police_, second_id, "acknowledge", {{"note", "已派民警"}});
  SetClock("2026-10-06T08:00:00.002Z");
  fired = app::RunWhistleEscalations(*services_);
  ASSERT_TRUE(fired.ok());
  EXPECT_EQ(*fired, 0);
}

INSTANTIATE_TEST_SUITE_P(Stores, WhistleApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
