// Drills and the rules engine over real HTTP on both stores: a dozen schools (day, boarding,
// kindergarten, with school buses) record drills and each drill rule passes, stays due or fails
// with its reason at the edges of its period; a parameter change makes a new version that the
// next findings name while the old ones keep theirs; a problem becomes a hazard that points back;
// scope, permissions and errors that name the field.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "core/clock.hpp"
#include "http/api.hpp"
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

class DrillApiTest : public ::testing::TestWithParam<std::string> {
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
    ASSERT_FALSE(office_.cookie.empty());
    bureau_ = Json(office_.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  }

  WebSession As(const std::string& user) { return testing::LoginAs(port_, user, passwords_[user]); }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  static std::string FirstField(const HttpReply& r) {
    const auto v = json::parse(r.body);
    const auto& details = v.at("error").at("details").as_array();
    return details.empty() ? "" : std::string(details[0].at("field").as_string());
  }

  // A new school under the bureau.
  std::int64_t School(const std::string& code, const std::string& stage, bool boarding, int buses,
                      int floors = 4) {
    json::object body{
        {"code", code},
        {"name", "演练测试" + code},
        {"region_code", "990102"},
        {"parent_id", bureau_},
        {"stage", stage},
        {"ownership", "public"},
        {"location_type", "urban"},
        {"boarding", boarding},
        {"boarders", boarding ? 100 : 0},
        {"students", 600},
        {"staff", 50},
        {"school_buses", buses},
        {"buildings", json::array{json::object{{"name", "教学楼"}, {"floors", floors}}}}};
    auto r = office_.Call("POST", "/api/v1/schools", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status != 201) return 0;
    EXPECT_EQ(Json(r).at("school_buses").as_int64(), buses);
    return Json(r).at("id").as_int64();
  }

  json::object Drill(std::int64_t school, const std::string& date, const std::string& kind = "fire",
                     bool night = false) {
    return {
        {"school_id", school},       {"kind", kind},    {"date", date}, {"night", night},
        {"commander", "校长"},       {"students", 600}, {"staff", 50},  {"signal_time", "10:00:00"},
        {"all_out_time", "10:01:40"}};
  }
  json::value Record(const json::object& body, const WebSession* as = nullptr) {
    auto r = (as ? *as : office_).Call("POST", "/api/v1/drills", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r) : json::value();
  }

  // The school's finding of a rule for a period: "outcome|reason|params_version".
  json::object Finding(std::int64_t school, const std::string& rule, const std::string& period) {
    auto r = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school) +
                                     "&rule=" + rule + "&period=" + period);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto v = Json(r);
    const auto& items = v.at("items").as_array();
    EXPECT_EQ(items.size(), 1u) << rule << " " << period << ": " << r.body;
    return items.empty() ? json::object{} : items[0].as_object();
  }
  std::string Outcome(std::int64_t school, const std::string& rule, const std::string& period) {
    const auto f = Finding(school, rule, period);
    return f.contains("outcome") ? std::string(f.at("outcome").as_string()) : "";
  }
  void Evaluate(const std::string& date) {
    auto r = office_.Call("POST", "/api/v1/rules/evaluate", R"({"date":")" + date + R"("})");
    ASSERT_EQ(r.status, 200) << r.body;
  }

  FixedClock clock_{At("2026-12-03T02:00:00Z")};
  testing::TempDir files_;
  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<app::Services> services_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  WebSession office_;
  std::int64_t bureau_ = 0;
};

TEST_P(DrillApiTest, EachDrillRulePassesAndFailsAtItsEdges) {
  const auto day_a = School("DR01", "primary", false, 0);
  const auto day_b = School("DR02", "junior", false, 0);
  const auto boarding_a = School("DR03", "senior", true, 0);
  const auto boarding_b = School("DR04", "nine_year", true, 0);
  const auto kinder_a = School("DR05", "kindergarten", false, 0);
  const auto kinder_b = School("DR06", "kindergarten", false, 0);
  const auto bus_a = School("DR07", "primary", false, 2);
  const auto bus_b = School("DR08", "primary", true, 1);
  const auto tall = School("DR09", "senior", false, 0, 6);
  const auto low = School("DR10", "primary", false, 0, 3);
  const auto vocational = School("DR11", "vocational", true, 0);
  const auto special = School("DR12", "special", false, 0);
  ASSERT_NE(special, 0);

  // The semester's first day counts; the day before it belongs to no semester.
  Record(Drill(day_a, "2026-09-01"));
  EXPECT_EQ(Outcome(day_a, "drill.fire_semester", "2026-1"), "pass");
  EXPECT_EQ(Outcome(day_a, "drill.semester_floor", "2026-1"), "pass");
  EXPECT_EQ(Outcome(day_a, "drill.monthly", "2026-09"), "pass");
  EXPECT_EQ(Outcome(day_a, "drill.night_boarding", "2026"), "na");
  EXPECT_EQ(Outcome(day_a, "drill.school_bus", "2026-1"), "na");
  Record(Drill(day_b, "2026-08-31"));
  EXPECT_EQ(Outcome(day_b, "drill.monthly", "2026-08"), "na");
  // The spring semester's last day counts for it.
  Record(Drill(day_b, "2026-07-10"));
  EXPECT_EQ(Outcome(day_b, "drill.fire_semester", "2025-2"), "pass");
  // Judged today for every school: what is missing this semester is due, with its reason.
  Evaluate("2026-12-03");
  auto f = Finding(day_b, "drill.fire_semester", "2026-1");
  EXPECT_EQ(f.at("outcome").as_string(), "due");
  EXPECT_TRUE(f.at("so_far").as_bool());
  EXPECT_NE(std::string(f.at("reason").as_string()).find("已记录 0 次"), std::string::npos)
      << f.at("reason");
  EXPECT_EQ(Outcome(day_b, "drill.monthly", "2026-12"), "due");
  EXPECT_EQ(Outcome(special, "drill.monthly", "2026-12"), "due");

  // Boarding schools: two night drills in one semester make the year.
  Record(Drill(boarding_a, "2026-09-15", "fire", true));
  Record(Drill(boarding_a, "2026-11-10", "earthquake", true));
  EXPECT_EQ(Outcome(boarding_a, "drill.night_boarding", "2026"), "pass");
  Record(Drill(boarding_b, "2026-10-14", "fire", true));
  Record(Drill(vocational, "2026-10-14", "attack", true));  // not an evacuation
  f = Finding(boarding_b, "drill.night_boarding", "2026");
  EXPECT_EQ(f.at("outcome").as_string(), "due");
  EXPECT_NE(std::string(f.at("reason").as_string()).find("已记录 1 次：2026-10-14"),
            std::string::npos);
  EXPECT_EQ(Outcome(vocational, "drill.night_boarding", "2026"), "due");

  // Kindergartens by quarter.
  Record(Drill(kinder_a, "2026-10-01", "earthquake"));
  EXPECT_EQ(Outcome(kinder_a, "drill.monthly", "2026-Q4"), "pass");
  Record(Drill(kinder_b, "2026-09-30", "earthquake"));
  EXPECT_EQ(Outcome(kinder_b, "drill.monthly", "2026-Q3"), "pass");
  Evaluate("2026-12-03");
  EXPECT_EQ(Outcome(kinder_b, "drill.monthly", "2026-Q4"), "due");

  // Schools with buses.
  Record(Drill(bus_a, "2026-11-02", "school_bus"));
  EXPECT_EQ(Outcome(bus_a, "drill.school_bus", "2026-1"), "pass");
  EXPECT_EQ(Outcome(bus_b, "drill.school_bus", "2026-1"), "due");

  // drill.time: a warning in a low building only.
  auto slow = Drill(low, "2026-11-03");
  slow["all_out_time"] = "10:02:01";
  const auto warned = Record(slow);
  bool warn = false;
  for (const auto& x : warned.at("findings").as_array()) {
    if (x.at("rule_id") == "drill.time") {
      warn = x.at("outcome") == "warn";
      EXPECT_NE(std::string(x.at("reason").as_string()).find("121 秒"), std::string::npos);
    }
  }
  EXPECT_TRUE(warn) << json::serialize(warned);
  slow["school_id"] = tall;
  const auto tall_drill = Record(slow);
  for (const auto& x : tall_drill.at("findings").as_array()) {
    if (x.at("rule_id") == "drill.time") {
      EXPECT_EQ(x.at("outcome"), "na");
    }
  }

  // The year ends: what was due has failed; the last day of the year still counted.
  clock_.Set(At("2027-01-01T02:00:00Z"));
  office_ = As("safety_office");  // the session ended with the time that passed
  Evaluate("2026-12-31");
  EXPECT_EQ(Outcome(boarding_b, "drill.night_boarding", "2026"), "fail");
  EXPECT_EQ(Outcome(kinder_b, "drill.monthly", "2026-Q4"), "fail");
  EXPECT_EQ(Outcome(day_b, "drill.monthly", "2026-12"), "fail");
  EXPECT_EQ(Outcome(day_b, "drill.fire_semester", "2026-1"), "due");  // ends 2027-01-22
  Record(Drill(boarding_b, "2026-12-31", "fire", true));
  EXPECT_EQ(Outcome(boarding_b, "drill.night_boarding", "2026"), "pass");

  // The board counts the schools by outcome for the periods of its day.
  auto board = office_.Call("GET", "/api/v1/rule-board?module=drill&date=2026-12-31");
  ASSERT_EQ(board.status, 200) << board.body;
  const auto b = Json(board);
  ASSERT_EQ(b.at("rows").as_array().size(), 5u);
  for (const auto& row : b.at("rows").as_array()) {
    if (row.at("rule_id") == "drill.night_boarding") {
      EXPECT_EQ(row.at("period_label").as_string(), "2026年");
      EXPECT_GE(row.at("counts").at("pass").as_int64(), 2);
      EXPECT_GE(row.at("counts").at("fail").as_int64(), 1);  // the vocational school
    }
  }
  EXPECT_FALSE(b.at("failing").as_array().empty());

  // The plan board: 8 actions, all 21 measures; measure 13 with the drill rules and the schools
  // that fail any of them, measure 8 with the ledger's record rules, measures with no rule yet.
  auto plan = office_.Call("GET", "/api/v1/plan-board?date=2026-12-31");
  ASSERT_EQ(plan.status, 200) << plan.body;
  const auto pb = Json(plan);
  ASSERT_EQ(pb.at("actions").as_array().size(), 8u);
  int measures = 0;
  for (const auto& a : pb.at("actions").as_array()) {
    for (const auto& m : a.at("measures").as_array()) {
      ++measures;
      EXPECT_EQ(m.at("number").as_int64(), measures);
      if (measures == 13) {
        EXPECT_EQ(m.at("school_rules").as_array().size(), 5u);
        EXPECT_EQ(m.at("record_rules").at(0).at("rule_id").as_string(), "drill.time");
        EXPECT_GE(m.at("schools_failing").as_int64(), 3);  // vocational, kinder_b, day_b …
        EXPECT_GE(m.at("schools_judged").as_int64(), 12);
        EXPECT_LE(m.at("schools_failing").as_int64(), m.at("schools_judged").as_int64());
      } else if (measures == 8) {
        EXPECT_TRUE(m.at("school_rules").as_array().empty());
        EXPECT_EQ(m.at("record_rules").as_array().size(), 6u);
      } else if (measures == 1) {
        // 安全责任: duty.signed and duty.areas; the test district has no duty lists yet.
        EXPECT_TRUE(m.at("has_rules").as_bool());
        EXPECT_EQ(m.at("school_rules").as_array().size(), 2u);
      } else if (measures == 3) {
        // 全区工作: duty.work; the test district has deployed no work.
        EXPECT_TRUE(m.at("has_rules").as_bool());
        EXPECT_EQ(m.at("school_rules").as_array().size(), 1u);
        EXPECT_EQ(m.at("schools_failing").as_int64(), 0);
      } else if (measures == 12) {
        EXPECT_FALSE(m.at("has_rules").as_bool());
        EXPECT_EQ(m.at("schools_failing").as_int64(), 0);
      }
    }
  }
  EXPECT_EQ(measures, 21);
  EXPECT_GE(pb.at("schools").as_int64(), 12);
  // By month: each month of the year counted on its last day, December as the board above.
  auto trend = office_.Call("GET", "/api/v1/plan-board/trend?year=2026");
  ASSERT_EQ(trend.status, 200) << trend.body;
  const auto tr = Json(trend);
  ASSERT_EQ(tr.at("months").as_array().size(), 12u);
  const auto& december = tr.at("months").at(11);
  EXPECT_EQ(december.at("month").as_string(), "2026-12");
  EXPECT_EQ(december.at("date").as_string(), "2026-12-31");
  EXPECT_EQ(tr.at("months").at(1).at("date").as_string(), "2026-02-28");
  ASSERT_EQ(december.at("measures").as_array().size(), 21u);
  std::int64_t failing_13 = -1;
  for (const auto& a : pb.at("actions").as_array()) {
    for (const auto& m : a.at("measures").as_array()) {
      if (m.at("number") == 13) failing_13 = m.at("schools_failing").as_int64();
    }
  }
  EXPECT_EQ(december.at("measures").at(12).at("number").as_int64(), 13);
  EXPECT_EQ(december.at("measures").at(12).at("schools_failing").as_int64(), failing_13);
  // September: the schools that drilled in the autumn semester's first month are judged.
  EXPECT_GE(tr.at("months").at(8).at("measures").at(12).at("schools_judged").as_int64(), 1);
  // This year (2027 on the clock) so far: January only; a year not yet begun is refused.
  auto this_year = Json(office_.Call("GET", "/api/v1/plan-board/trend"));
  EXPECT_EQ(this_year.at("year").as_int64(), 2027);
  EXPECT_EQ(this_year.at("months").as_array().size(), 1u);
  EXPECT_EQ(this_year.at("months").at(0).at("date").as_string(), "2027-01-01");
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/plan-board/trend?year=2028")), "year");
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/plan-board/trend?year=1999")), "year");
  EXPECT_EQ(As("school1_teacher").Call("GET", "/api/v1/plan-board").status, 403);
  EXPECT_EQ(office_.Call("GET", "/api/v1/rule-board?module=nothing").status, 422);
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/rule-board?date=2026-02-30")), "date");
  auto xlsx = office_.Call("GET", "/api/v1/rule-findings/export?module=drill&outcome=fail,due");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/rule-findings?outcome=bad")), "outcome");
}

TEST_P(DrillApiTest, AParameterChangeIsANewVersionThatTheNextFindingsName) {
  const auto school = School("DR21", "primary", false, 0);
  Record(Drill(school, "2026-07-10"));  // spring, judged with the defaults
  Record(Drill(school, "2026-10-14"));
  EXPECT_EQ(Outcome(school, "drill.fire_semester", "2026-1"), "pass");
  auto r = office_.Call("PUT", "/api/v1/rules/drill.fire_semester/parameters",
                        R"({"values":{"min_count":2},"note":"区里要求每学期两次"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("params_version").as_int64(), 1);
  EXPECT_EQ(Json(r).at("history").as_array().size(), 1u);
  Evaluate("2026-12-03");
  auto f = Finding(school, "drill.fire_semester", "2026-1");
  EXPECT_EQ(f.at("outcome").as_string(), "due");
  EXPECT_EQ(f.at("params_version").as_int64(), 1);
  EXPECT_EQ(f.at("rule_version").as_int64(), 1);
  EXPECT_EQ(f.at("params").as_string(), "min_count=2");
  EXPECT_NE(std::string(f.at("reason").as_string()).find("2 次"), std::string::npos);
  auto old = Finding(school, "drill.fire_semester", "2025-2");
  EXPECT_EQ(old.at("outcome").as_string(), "pass");
  EXPECT_EQ(old.at("params_version").as_int64(), 0);
  // A second change is version 2; the catalog shows the values in force.
  r = office_.Call("PUT", "/api/v1/rules/drill.fire_semester/parameters",
                   R"({"values":{"min_count":1}})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("params_version").as_int64(), 2);
  auto rule = Json(office_.Call("GET", "/api/v1/rules/drill.fire_semester"));
  EXPECT_EQ(rule.at("params").at(0).at("value").as_int64(), 1);
  EXPECT_EQ(rule.at("history").as_array().size(), 2u);

  // Checked against the declaration; the hazard rules stay on their own page; audited.
  r = office_.Call("PUT", "/api/v1/rules/drill.fire_semester/parameters",
                   R"({"values":{"min_count":11}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "values.min_count");
  EXPECT_EQ(FirstField(office_.Call("PUT", "/api/v1/rules/drill.fire_semester/parameters",
                                    R"({"values":{"often":1}})")),
            "values.often");
  EXPECT_EQ(FirstField(office_.Call("PUT", "/api/v1/rules/drill.fire_semester/parameters",
                                    R"({"values":{"min_count":"2"}})")),
            "values.min_count");
  // The ledger's rules apply district-wide: not set for one school.
  r = office_.Call(
      "PUT", "/api/v1/rules/hazard.overdue/parameters",
      R"({"unit_id":)" + std::to_string(school) + R"(,"values":{"overdue_leader_days":1}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "unit_id");
  EXPECT_EQ(office_.Call("GET", "/api/v1/rules/drill.none").status, 404);
  auto leader = As("school1_leader");
  EXPECT_EQ(leader
                .Call("PUT", "/api/v1/rules/drill.fire_semester/parameters",
                      R"({"values":{"min_count":2}})")
                .status,
            403);
  auto audit = Json(As("auditor").Call("GET", "/api/v1/audit-logs?action=rules.configure"));
  EXPECT_EQ(audit.at("total").as_int64(), 2);
}

// A rule's effects are set with its values: who is reminded, and a hazard raised once for each
// school and period that ended without what the rule needs.
TEST_P(DrillApiTest, ARulesEffectsChooseWhoIsRemindedAndRaiseAHazardOnce) {
  const auto school = School("DR31", "primary", false, 0);
  ASSERT_NE(school, 0);
  auto rule = Json(office_.Call("GET", "/api/v1/rules/drill.monthly"));
  bool listed = false;
  for (const auto& p : rule.at("params").as_array()) {
    if (p.at("key") == "raise_hazard") {
      listed = p.at("effect").as_bool() && p.at("value").as_int64() == 0;
    }
  }
  EXPECT_TRUE(listed) << rule;
  auto r = office_.Call("PUT", "/api/v1/rules/drill.monthly/parameters",
                        R"({"values":{"raise_hazard":1,"notify_bureau":1,"notify_leaders":0}})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(FirstField(office_.Call("PUT", "/api/v1/rules/drill.monthly/parameters",
                                    R"({"values":{"raise_hazard":2}})")),
            "values.raise_hazard");
  EXPECT_EQ(FirstField(office_.Call("PUT", "/api/v1/rules/drill.time/parameters",
                                    R"({"values":{"raise_hazard":1}})")),
            "values.raise_hazard");  // a record rule has no effects

  // The day judged is checked where it is read.
  EXPECT_EQ(FirstField(office_.Call("POST", "/api/v1/rules/evaluate", R"({"date":"2026-02-30"})")),
            "date");
  EXPECT_EQ(FirstField(office_.Call("POST", "/api/v1/rules/evaluate", R"({"date":"1999-12-31"})")),
            "date");
  EXPECT_EQ(As("school1_safety").Call("POST", "/api/v1/rules/evaluate", "{}").status, 403);
  // November has ended without a drill: failed, a hazard at the school, once.
  Evaluate("2026-11-30");
  Evaluate("2026-11-30");
  auto f = Finding(school, "drill.monthly", "2026-11");
  EXPECT_EQ(f.at("outcome").as_string(), "fail");
  // The finding records the rule's own values and the version that set the effects.
  EXPECT_EQ(std::string(f.at("params").as_string()).find("raise_hazard"), std::string::npos);
  EXPECT_EQ(f.at("params_version").as_int64(), 1);
  auto hazards = Json(office_.Call("GET", "/api/v1/hazards?school_id=" + std::to_string(school)));
  ASSERT_EQ(hazards.at("total").as_int64(), 1) << hazards;
  const auto& h = hazards.at("items").at(0);
  EXPECT_EQ(h.at("source").as_string(), "drill");
  EXPECT_NE(std::string(h.at("title").as_string()).find("未达标（2026年11月）"), std::string::npos)
      << h;
  // December is still due: no hazard for it.
  Evaluate("2026-12-03");
  EXPECT_EQ(Json(office_.Call("GET", "/api/v1/hazards?school_id=" + std::to_string(school)))
                .at("total")
                .as_int64(),
            1);

  // The missed month is told to the bureau's office and the schools' safety officers, not to
  // their leaders.
  const auto missed = [&](WebSession& who) {
    auto n = Json(who.Call("GET", "/api/v1/notifications?page_size=100"));
    int count = 0;
    for (const auto& item : n.at("items").as_array()) {
      if (item.at("kind") == "rule_missed" && item.at("object_id") == "drill.monthly@2026-11") {
        ++count;
      }
    }
    return count;
  };
  auto safety = As("school1_safety");
  auto leader = As("school1_leader");
  EXPECT_GE(missed(office_), 2);  // DR31 and the demo schools
  EXPECT_EQ(missed(safety), 1);
  EXPECT_EQ(missed(leader), 0);
  // With the hazard off again, another school's missed month raises none.
  r = office_.Call("PUT", "/api/v1/rules/drill.monthly/parameters",
                   R"({"values":{"raise_hazard":0}})");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto later = School("DR32", "primary", false, 0);
  Evaluate("2026-11-30");
  EXPECT_EQ(Outcome(later, "drill.monthly", "2026-11"), "fail");
  EXPECT_EQ(Json(office_.Call("GET", "/api/v1/hazards?school_id=" + std::to_string(later)))
                .at("total")
                .as_int64(),
            0);
}

TEST_P(DrillApiTest, RecordsAreCheckedScopedAndProblemsBecomeHazards) {
  auto safety = As("school1_safety");
  const auto me = Json(safety.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  auto body = Drill(me, "2026-12-04");  // tomorrow
  auto r = safety.Call("POST", "/api/v1/drills", json::serialize(body));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "date");
  body["date"] = "2026-11-20";
  body["whole_school"] = false;
  r = safety.Call("POST", "/api/v1/drills", json::serialize(body));
  EXPECT_EQ(FirstField(r), "scope_note");
  body["scope_note"] = "一至三年级";
  body["problems"] = json::array{"二楼东侧楼梯疏散指示灯不亮", "三班集合慢"};
  body["actions"] = "更换指示灯";
  // A photo uploaded first is attached by its id; another's upload is refused by index.
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, '\x01');
  auto upload = safety.Call("POST", "/api/v1/files?name=evacuation.png", png);
  ASSERT_EQ(upload.status, 201) << upload.body;
  const auto photo = Json(upload).at("id").as_int64();
  auto not_mine = As("school2_safety").Call("POST", "/api/v1/files?name=gate.png", png);
  ASSERT_EQ(not_mine.status, 201) << not_mine.body;
  const auto theirs = Json(not_mine).at("id").as_int64();
  body["file_ids"] = json::array{photo, theirs};
  r = safety.Call("POST", "/api/v1/drills", json::serialize(body));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "file_ids[1]");
  body["file_ids"] = json::array{photo};
  auto created = Record(body, &safety);
  ASSERT_TRUE(created.is_object());
  const auto id = created.at("id").as_int64();
  EXPECT_EQ(created.at("problems").as_array().size(), 2u);
  ASSERT_EQ(created.at("files").as_array().size(), 1u);
  EXPECT_EQ(created.at("files").at(0).at("id").as_int64(), photo);
  EXPECT_EQ(created.at("files").at(0).at("subject_type").as_string(), "drill");
  body.erase("file_ids");
  // Whoever may read the drill downloads the photo; another school may not.
  EXPECT_EQ(office_.Call("GET", "/api/v1/files/" + std::to_string(photo)).body, png);
  EXPECT_EQ(As("school2_safety").Call("GET", "/api/v1/files/" + std::to_string(photo)).status, 404);
  // Attached once: the same id on another record is refused.
  auto again = Drill(me, "2026-11-21");
  again["file_ids"] = json::array{photo};
  r = safety.Call("POST", "/api/v1/drills", json::serialize(again));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "file_ids[0]");

  // Another school's officer cannot see or record it.
  auto other = As("school2_safety");
  EXPECT_EQ(other.Call("GET", "/api/v1/drills/" + std::to_string(id)).status, 404);
  EXPECT_EQ(FirstField(other.Call("POST", "/api/v1/drills", json::serialize(body))), "school_id");
  EXPECT_EQ(As("school1_teacher").Call("POST", "/api/v1/drills", json::serialize(body)).status,
            403);
  EXPECT_EQ(As("school1_teacher").Call("GET", "/api/v1/rule-findings").status, 403);
  EXPECT_EQ(Json(other.Call("GET", "/api/v1/drills")).at("total").as_int64(), 0);

  // A problem becomes a hazard in one step; the hazard points back; not twice.
  r = safety.Call("POST", "/api/v1/drills/" + std::to_string(id) + "/hazards",
                  R"({"index":0,"domain":"fire"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto hazard = Json(r).at("problems").at(0).at("hazard_id").as_int64();
  auto h = Json(safety.Call("GET", "/api/v1/hazards/" + std::to_string(hazard)));
  EXPECT_EQ(h.at("source").as_string(), "drill");
  EXPECT_EQ(h.at("origin_type").as_string(), "drill");
  EXPECT_EQ(h.at("origin_id").as_int64(), id);
  EXPECT_EQ(safety
                .Call("POST", "/api/v1/drills/" + std::to_string(id) + "/hazards",
                      R"({"index":0,"domain":"fire"})")
                .status,
            409);
  EXPECT_EQ(FirstField(safety.Call("POST", "/api/v1/drills/" + std::to_string(id) + "/hazards",
                                   R"({"index":5,"domain":"fire"})")),
            "index");
  EXPECT_EQ(FirstField(safety.Call("POST", "/api/v1/drills/" + std::to_string(id) + "/hazards",
                                   R"({"index":1,"domain":"nothing"})")),
            "domain");
  // An edit keeps the link of a problem kept; a record with a hazard cannot be removed.
  body.erase("school_id");
  body["problems"] = json::array{"二楼东侧楼梯疏散指示灯不亮"};
  auto second_photo = safety.Call("POST", "/api/v1/files?name=roll-call.png", png);
  ASSERT_EQ(second_photo.status, 201);
  body["file_ids"] = json::array{Json(second_photo).at("id").as_int64()};
  r = safety.Call("PUT", "/api/v1/drills/" + std::to_string(id), json::serialize(body));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("problems").at(0).at("hazard_id").as_int64(), hazard);
  EXPECT_EQ(Json(r).at("files").as_array().size(), 2u);  // added to the first
  body.erase("file_ids");
  EXPECT_EQ(safety.Call("DELETE", "/api/v1/drills/" + std::to_string(id)).status, 409);

  // Removing a record judges its periods again.
  auto lone = Drill(me, "2026-09-02");
  const auto second = Record(lone, &safety).at("id").as_int64();
  EXPECT_EQ(Outcome(me, "drill.monthly", "2026-09"), "pass");
  EXPECT_EQ(safety.Call("DELETE", "/api/v1/drills/" + std::to_string(second)).status, 204);
  EXPECT_EQ(Outcome(me, "drill.monthly", "2026-09"), "fail");
  // Judged today, December is due with 28 days left: the school's officers are reminded once.
  auto reminders = [&] {
    auto n = Json(safety.Call("GET", "/api/v1/notifications?page_size=100"));
    int count = 0;
    for (const auto& item : n.at("items").as_array()) {
      if (item.at("kind") == "rule_due_30" && item.at("object_id") == "drill.monthly@2026-12") {
        ++count;
        EXPECT_NE(std::string(item.at("title").as_string()).find("30 天内到期"), std::string::npos);
      }
    }
    return count;
  };
  Evaluate("2026-12-03");
  EXPECT_EQ(reminders(), 1);
  Evaluate("2026-12-03");
  EXPECT_EQ(reminders(), 1);
  auto list = Json(safety.Call("GET", "/api/v1/drills?from=2026-11-01&kind=fire"));
  EXPECT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(FirstField(safety.Call("GET", "/api/v1/drills?kind=flood")), "kind");
  auto xlsx = safety.Call("GET", "/api/v1/drills/export");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

// Drill plans: made for today or later, due within 7 days, overdue once the day passes; a record
// made from a plan closes it (once, for its own school), and removing the record reopens it.
TEST_P(DrillApiTest, PlansAreScheduledCarriedOutAndReopened) {
  auto safety = As("school1_safety");
  const auto me = Json(safety.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  json::object plan{{"school_id", me},      {"kind", "fire"},        {"title", "冬季消防疏散"},
                    {"date", "2026-12-02"}, {"start_time", "10:00"}, {"commander", "王校长"}};
  auto r = safety.Call("POST", "/api/v1/drill-plans", json::serialize(plan));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "date");  // yesterday
  plan["date"] = "2026-12-10";       // today + 7: due this week
  plan["whole_school"] = false;
  EXPECT_EQ(FirstField(safety.Call("POST", "/api/v1/drill-plans", json::serialize(plan))),
            "scope_note");
  plan["whole_school"] = true;
  plan["start_time"] = "10:00:00";
  EXPECT_EQ(FirstField(safety.Call("POST", "/api/v1/drill-plans", json::serialize(plan))),
            "start_time");
  plan["start_time"] = "10:00";
  plan["kind"] = "flood";
  EXPECT_EQ(FirstField(safety.Call("POST", "/api/v1/drill-plans", json::serialize(plan))), "kind");
  plan["kind"] = "fire";
  r = safety.Call("POST", "/api/v1/drill-plans", json::serialize(plan));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto due = Json(r).at("id").as_int64();
  EXPECT_EQ(Json(r).at("status").as_string(), "due");
  EXPECT_TRUE(Json(r).at("drill_id").is_null());
  plan["date"] = "2026-12-11";  // today + 8: later
  plan["kind"] = "earthquake";
  r = safety.Call("POST", "/api/v1/drill-plans", json::serialize(plan));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto later = Json(r).at("id").as_int64();
  EXPECT_EQ(Json(r).at("status").as_string(), "planned");
  plan["date"] = "2026-12-03";  // today: due
  r = safety.Call("POST", "/api/v1/drill-plans", json::serialize(plan));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto today = Json(r).at("id").as_int64();
  EXPECT_EQ(Json(r).at("status").as_string(), "due");

  // Scope and permission.
  auto other = As("school2_safety");
  EXPECT_EQ(other.Call("GET", "/api/v1/drill-plans/" + std::to_string(due)).status, 404);
  EXPECT_EQ(FirstField(other.Call("POST", "/api/v1/drill-plans", json::serialize(plan))),
            "school_id");
  EXPECT_EQ(As("school1_teacher").Call("POST", "/api/v1/drill-plans", json::serialize(plan)).status,
            403);
  EXPECT_EQ(Json(other.Call("GET", "/api/v1/drill-plans")).at("total").as_int64(), 0);
  auto total = [&](const std::string& query) {
    auto list = safety.Call("GET", "/api/v1/drill-plans?" + query);
    EXPECT_EQ(list.status, 200) << query << ": " << list.body;
    return list.status == 200 ? Json(list).at("total").as_int64() : -1;
  };
  EXPECT_EQ(total("status=due"), 2);
  EXPECT_EQ(total("status=planned"), 1);
  EXPECT_EQ(total("status=due,planned"), 3);
  EXPECT_EQ(total("status=overdue"), 0);
  EXPECT_EQ(total("kind=earthquake&from=2026-12-11&to=2026-12-11"), 1);
  EXPECT_EQ(FirstField(safety.Call("GET", "/api/v1/drill-plans?status=soon")), "status");

  // The day passes: the plan of today is overdue, the one of the 10th still due.
  clock_.Set(At("2026-12-04T02:00:00Z"));
  safety = As("school1_safety");  // the sessions of yesterday have expired
  other = As("school2_safety");
  office_ = As("safety_office");
  EXPECT_EQ(total("status=overdue"), 1);
  EXPECT_EQ(Json(safety.Call("GET", "/api/v1/drill-plans/" + std::to_string(today)))
                .at("status")
                .as_string(),
            "overdue");
  // An overdue plan keeps its day when edited, and cannot be moved into the past.
  plan.erase("school_id");
  plan["title"] = "推迟的地震演练";
  r = safety.Call("PUT", "/api/v1/drill-plans/" + std::to_string(today), json::serialize(plan));
  EXPECT_EQ(r.status, 200) << r.body;
  plan["date"] = "2026-12-02";
  EXPECT_EQ(FirstField(safety.Call("PUT", "/api/v1/drill-plans/" + std::to_string(today),
                                   json::serialize(plan))),
            "date");
  EXPECT_EQ(safety.Call("DELETE", "/api/v1/drill-plans/" + std::to_string(today)).status, 204);

  // A record made from the plan closes it; another school's record or a second record cannot.
  auto body = Drill(me, "2026-12-04");
  body["plan_id"] = due;
  auto theirs = Drill(Json(other.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64(),
                      "2026-12-04");
  theirs["plan_id"] = due;
  EXPECT_EQ(FirstField(other.Call("POST", "/api/v1/drills", json::serialize(theirs))), "plan_id");
  auto drill = Record(body, &safety);
  ASSERT_TRUE(drill.is_object());
  const auto drill_id = drill.at("id").as_int64();
  EXPECT_EQ(drill.at("plan_id").as_int64(), due);
  auto done = Json(safety.Call("GET", "/api/v1/drill-plans/" + std::to_string(due)));
  EXPECT_EQ(done.at("status").as_string(), "done");
  EXPECT_EQ(done.at("drill_id").as_int64(), drill_id);
  EXPECT_FALSE(done.at("can_edit").as_bool());
  EXPECT_EQ(FirstField(safety.Call("POST", "/api/v1/drills", json::serialize(body))), "plan_id");
  EXPECT_EQ(safety.Call("PUT", "/api/v1/drill-plans/" + std::to_string(due), json::serialize(plan))
                .status,
            409);
  EXPECT_EQ(safety.Call("DELETE", "/api/v1/drill-plans/" + std::to_string(due)).status, 409);
  EXPECT_EQ(total("status=done"), 1);
  // Edited, the record keeps its plan.
  body.erase("school_id");
  r = safety.Call("PUT", "/api/v1/drills/" + std::to_string(drill_id), json::serialize(body));
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("plan_id").as_int64(), due);
  // Removing the record reopens the plan.
  EXPECT_EQ(safety.Call("DELETE", "/api/v1/drills/" + std::to_string(drill_id)).status, 204);
  auto reopened = Json(safety.Call("GET", "/api/v1/drill-plans/" + std::to_string(due)));
  EXPECT_EQ(reopened.at("status").as_string(), "due");
  EXPECT_TRUE(reopened.at("drill_id").is_null());
  EXPECT_EQ(total("status=done"), 0);
  EXPECT_EQ(total("sort=-date"), 2);
  EXPECT_EQ(Json(safety.Call("GET", "/api/v1/drill-plans?sort=-date")).at("items").at(0).at("id"),
            later);
  auto xlsx = office_.Call("GET", "/api/v1/drill-plans/export?status=due");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

// The plan for a year: the shipped one until a bureau loads its own (as JSON or a spreadsheet,
// checked all or nothing); the schools below follow it, the plan board shows its measures, and
// removing it brings the shipped plan back.
TEST_P(DrillApiTest, ABureauLoadsItsOwnPlanForAYear) {
  auto measures_of = [](const json::value& plan) {
    std::vector<std::int64_t> out;
    for (const auto& a : plan.at("actions").as_array()) {
      for (const auto& m : a.at("measures").as_array()) out.push_back(m.at("number").as_int64());
    }
    return out;
  };
  auto shipped = Json(office_.Call("GET", "/api/v1/plans/2026"));
  EXPECT_EQ(shipped.at("source").as_string(), "shipped");
  EXPECT_TRUE(shipped.at("can_load").as_bool());
  EXPECT_EQ(shipped.at("actions").as_array().size(), 8u);
  EXPECT_EQ(measures_of(shipped).size(), 21u);
  std::vector<std::string> rules_13;
  for (const auto& m : shipped.at("actions").at(4).at("measures").as_array()) {
    if (m.at("number") != 13) continue;
    for (const auto& r : m.at("rules").as_array()) rules_13.emplace_back(r.at("id").as_string());
  }
  EXPECT_NE(std::find(rules_13.begin(), rules_13.end(), "drill.fire_semester"), rules_13.end());
  auto safety = As("school1_safety");
  EXPECT_FALSE(Json(safety.Call("GET", "/api/v1/plans/2026")).at("can_load").as_bool());
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/plans/1999")), "year");

  json::object mine{
      {"title", "2026 年示范区学校安全工作要点"},
      {"actions",
       json::array{
           json::object{{"number", 1},
                        {"title", "演练与应急"},
                        {"measures",
                         json::array{json::object{{"number", 13},
                                                  {"title", "消防演练"},
                                                  {"rules", json::array{"drill.fire_semester",
                                                                        "drill.night_boarding"}}},
                                     json::object{{"number", 19},
                                                  {"title", "防暴恐演练"},
                                                  {"rules", json::array{}}}}}},
           json::object{{"number", 2},
                        {"title", "隐患治理"},
                        {"measures",
                         json::array{json::object{{"number", 7},
                                                  {"title", "隐患动态清零"},
                                                  {"rules", json::array{"hazard.overdue"}}}}}}}}};
  auto bad = mine;
  bad["actions"].as_array()[1].as_object()["measures"].as_array()[0].as_object()["rules"] =
      json::array{"hazard.overdue", "drill.nothing"};
  auto r = office_.Call("PUT", "/api/v1/plans/2026", json::serialize(bad));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "actions[1].measures[0].rules[1]");
  bad = mine;
  bad["actions"].as_array()[1].as_object()["measures"].as_array()[0].as_object()["number"] = 13;
  EXPECT_EQ(FirstField(office_.Call("PUT", "/api/v1/plans/2026", json::serialize(bad))),
            "actions[1].measures[0].number");
  bad = mine;
  bad["title"] = "";
  EXPECT_EQ(FirstField(office_.Call("PUT", "/api/v1/plans/2026", json::serialize(bad))), "title");
  EXPECT_EQ(Json(office_.Call("GET", "/api/v1/plans/2026")).at("source").as_string(), "shipped");

  r = office_.Call("PUT", "/api/v1/plans/2026", json::serialize(mine));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("source").as_string(), "loaded");
  EXPECT_EQ(measures_of(Json(r)), (std::vector<std::int64_t>{13, 19, 7}));
  // The schools below follow it; another year keeps the shipped plan.
  auto followed = Json(safety.Call("GET", "/api/v1/plans/2026"));
  EXPECT_EQ(followed.at("source").as_string(), "loaded");
  EXPECT_EQ(followed.at("title").as_string(), "2026 年示范区学校安全工作要点");
  EXPECT_FALSE(followed.at("unit_name").as_string().empty());
  EXPECT_EQ(Json(safety.Call("GET", "/api/v1/plans/2025")).at("source").as_string(), "shipped");

  // The plan board shows its measures with the rules it names.
  auto board = Json(office_.Call("GET", "/api/v1/plan-board?date=2026-12-03"));
  EXPECT_EQ(board.at("plan").at("source").as_string(), "loaded");
  EXPECT_EQ(measures_of(board), (std::vector<std::int64_t>{13, 19, 7}));
  const auto& fire = board.at("actions").at(0).at("measures").at(0);
  ASSERT_EQ(fire.at("school_rules").as_array().size(), 2u);
  EXPECT_EQ(fire.at("school_rules").at(1).at("rule_id").as_string(), "drill.night_boarding");
  EXPECT_FALSE(board.at("actions").at(0).at("measures").at(1).at("has_rules").as_bool());
  EXPECT_EQ(board.at("actions").at(1).at("measures").at(0).at("record_rules").at(0).at("rule_id"),
            "hazard.overdue");
  auto trend = Json(office_.Call("GET", "/api/v1/plan-board/trend?year=2026"));
  EXPECT_EQ(trend.at("months").at(0).at("measures").as_array().size(), 3u);
  auto last_year = Json(office_.Call("GET", "/api/v1/plan-board?date=2025-12-03"));
  EXPECT_EQ(last_year.at("plan").at("source").as_string(), "shipped");

  // The spreadsheet: the export is the template; a file with problems changes nothing and says
  // where they are; a good one replaces the plan.
  auto csv = office_.Call("GET", "/api/v1/plans/2026/export?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("drill.fire_semester、drill.night_boarding"), std::string::npos);
  const std::string header = "行动序号,行动,措施序号,措施,规则编号\n";
  r = office_.Call("POST", "/api/v1/plans/2026/import?format=csv",
                   header +
                       "1,演练,13,消防演练,drill.fire_semester\n1,演练,十四,交通,\n"
                       "2,隐患,7,清零,hazard.nothing\n");
  EXPECT_EQ(r.status, 422) << r.body;
  auto report = Json(r);
  EXPECT_FALSE(report.at("applied").as_bool());
  ASSERT_EQ(report.at("errors").as_array().size(), 1u) << r.body;
  EXPECT_EQ(report.at("errors").at(0).at("row").as_int64(), 3);
  EXPECT_EQ(report.at("errors").at(0).at("column").as_string(), "措施序号");
  r = office_.Call("POST", "/api/v1/plans/2026/import?format=csv",
                   header +
                       "1,演练,13,消防演练,drill.fire_semester\n,,,,\n"
                       "2,隐患,7,清零,hazard.nothing\n");
  report = Json(r);
  ASSERT_EQ(report.at("errors").as_array().size(), 1u) << r.body;
  EXPECT_EQ(report.at("errors").at(0).at("row").as_int64(), 4);
  EXPECT_EQ(report.at("errors").at(0).at("column").as_string(), "规则编号");
  EXPECT_EQ(measures_of(Json(office_.Call("GET", "/api/v1/plans/2026"))).size(), 3u);
  EXPECT_EQ(FirstField(office_.Call("POST", "/api/v1/plans/2026/import?format=csv",
                                    "序号,行动\n1,演练\n")),
            "file");
  r = office_.Call("POST",
                   "/api/v1/plans/2026/import?format=csv&title=" +
                       std::string("%E5%B7%A5%E4%BD%9C%E8%A6%81%E7%82%B9"),  // 工作要点
                   header +
                       "1,演练与应急,13,消防演练,drill.fire_semester、drill.monthly\n"
                       "1,,21,安全教育,\n2,隐患,7,清零,hazard.overdue；hazard.repeat\n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("created").as_int64(), 3);
  auto loaded = Json(office_.Call("GET", "/api/v1/plans/2026"));
  EXPECT_EQ(loaded.at("title").as_string(), "工作要点");
  EXPECT_EQ(measures_of(loaded), (std::vector<std::int64_t>{13, 21, 7}));
  EXPECT_EQ(loaded.at("actions").at(0).at("measures").at(0).at("rules").at(1).at("id"),
            "drill.monthly");
  EXPECT_EQ(loaded.at("actions").at(1).at("measures").at(0).at("rules").as_array().size(), 2u);

  // Removed, the shipped plan is back; there is nothing left to remove.
  EXPECT_EQ(office_.Call("DELETE", "/api/v1/plans/2026").status, 204);
  EXPECT_EQ(Json(safety.Call("GET", "/api/v1/plans/2026")).at("source").as_string(), "shipped");
  EXPECT_EQ(office_.Call("DELETE", "/api/v1/plans/2026").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Stores, DrillApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
