// Routine patrols over real HTTP on both stores: a school schedules the patrols of its canteen,
// what is due and missed on its calendar, patrols filled late and on the day with a photo, a
// failed item raised as a hazard that carries the photo, the week judged by patrol.done, the
// place a QR code opens, export, scope and permissions, and errors that name the field.
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

class PatrolApiTest : public ::testing::TestWithParam<std::string> {
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
    safety_ = As("school1_safety");
    ASSERT_FALSE(safety_.cookie.empty());
    school_ = Json(safety_.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
    const auto other = As("school2_safety");
    other_school_ = Json(other.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
    canteen_ = Place(school_, "canteen");
    other_canteen_ = Place(other_school_, "canteen");
    storeroom_ = Place(school_, "storeroom");
    canteen_checklist_ = Template("fire.canteen");
    lab_checklist_ = Template("lab.hazmat");
    ASSERT_NE(canteen_, 0);
    ASSERT_NE(canteen_checklist_, 0);
  }

  WebSession As(const std::string& user) { return testing::LoginAs(port_, user, passwords_[user]); }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  static std::string FirstField(const HttpReply& r) {
    const auto v = json::parse(r.body);
    const auto& details = v.at("error").at("details").as_array();
    return details.empty() ? "" : std::string(details[0].at("field").as_string());
  }

  std::int64_t Place(std::int64_t school, const std::string& kind) {
    auto r = safety_.Call("GET", "/api/v1/schools/" + std::to_string(school));
    if (r.status != 200)
      r = As("safety_office").Call("GET", "/api/v1/schools/" + std::to_string(school));
    EXPECT_EQ(r.status, 200) << r.body;
    const auto v = Json(r);
    for (const auto& p : v.at("key_places").as_array()) {
      if (p.at("kind") == kind.c_str()) return p.at("id").as_int64();
    }
    return 0;
  }
  std::int64_t Template(const std::string& code) {
    auto r = safety_.Call("GET", "/api/v1/checklist-templates?code=" + code);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto v = Json(r);
    const auto& items = v.at("items").as_array();
    return items.empty() ? 0 : items[0].at("id").as_int64();
  }

  json::object Plan(std::int64_t place, const std::string& starts_on = "2026-11-30") {
    return {{"school_id", school_},
            {"key_place_id", place},
            {"template_id", canteen_checklist_},
            {"frequency", "daily"},
            {"patroller", "食堂管理员 李师傅"},
            {"starts_on", starts_on}};
  }
  std::int64_t CreatePlan(const json::object& body, const WebSession* as = nullptr) {
    auto r = (as ? *as : safety_).Call("POST", "/api/v1/patrol-plans", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  // Every canteen item answered "pass", the given ones as given.
  json::array Answers(const std::map<std::string, json::object>& special = {}) {
    json::array out;
    for (const char* key : {"C01", "C02", "C03", "C04", "C05", "C06"}) {
      const auto it = special.find(key);
      out.push_back(it != special.end() ? it->second
                                        : json::object{{"item_key", key}, {"value", "pass"}});
    }
    return out;
  }
  HttpReply Patrol(std::int64_t plan, const std::string& date, const json::array& answers,
                   const WebSession* as = nullptr) {
    json::object body{{"plan_id", plan}, {"answers", answers}, {"note", "午餐后巡查"}};
    if (!date.empty()) body["date"] = date;
    return (as ? *as : safety_).Call("POST", "/api/v1/patrol-records", json::serialize(body));
  }
  // "date#shift=state" of every slot in the range, oldest first.
  std::vector<std::string> Slots(const std::string& query, const WebSession* as = nullptr) {
    auto r = (as ? *as : safety_).Call("GET", "/api/v1/patrol-schedule?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    if (r.status != 200) return out;
    const auto v = Json(r);
    for (const auto& s : v.at("items").as_array()) {
      const auto shift = s.at("shift").as_int64();
      out.push_back(std::string(s.at("date").as_string()) +
                    (shift ? "#" + std::to_string(shift) : "") + "=" +
                    std::string(s.at("state").as_string()));
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  FixedClock clock_{At("2026-12-03T02:00:00Z")};  // Thursday 10:00 in China
  testing::TempDir files_;
  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<app::Services> services_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  WebSession safety_;
  std::int64_t school_ = 0;
  std::int64_t other_school_ = 0;
  std::int64_t canteen_ = 0;
  std::int64_t other_canteen_ = 0;
  std::int64_t storeroom_ = 0;
  std::int64_t canteen_checklist_ = 0;
  std::int64_t lab_checklist_ = 0;
};

TEST_P(PatrolApiTest, PlansAreCheckedAgainstTheSchoolItsPlacesAndTheChecklist) {
  auto body = Plan(other_canteen_);
  auto r = safety_.Call("POST", "/api/v1/patrol-plans", json::serialize(body));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "key_place_id");  // a place of another school
  body = Plan(canteen_);
  body["template_id"] = lab_checklist_;  // nothing of it is checked in a canteen
  r = safety_.Call("POST", "/api/v1/patrol-plans", json::serialize(body));
  EXPECT_EQ(FirstField(r), "template_id");
  EXPECT_NE(r.body.find("食堂"), std::string::npos) << r.body;
  body = Plan(canteen_);
  body["school_id"] = other_school_;
  r = safety_.Call("POST", "/api/v1/patrol-plans", json::serialize(body));
  EXPECT_EQ(FirstField(r), "school_id");  // not in the caller's scope
  body = Plan(canteen_);
  body["frequency"] = "shift";
  r = safety_.Call("POST", "/api/v1/patrol-plans", json::serialize(body));
  EXPECT_EQ(FirstField(r), "shifts");
  body["shifts"] = json::array{"12:00", "25:00"};
  r = safety_.Call("POST", "/api/v1/patrol-plans", json::serialize(body));
  EXPECT_EQ(FirstField(r), "shifts[1]");
  body["shifts"] = json::array{"21:30", "12:00"};
  r = safety_.Call("POST", "/api/v1/patrol-plans", json::serialize(body));
  EXPECT_EQ(FirstField(r), "shifts[1]");
  body = Plan(canteen_);
  body["ends_on"] = "2026-11-01";
  r = safety_.Call("POST", "/api/v1/patrol-plans", json::serialize(body));
  EXPECT_EQ(FirstField(r), "ends_on");
  body = Plan(canteen_);
  body["frequency"] = "hourly";
  r = safety_.Call("POST", "/api/v1/patrol-plans", json::serialize(body));
  EXPECT_EQ(FirstField(r), "frequency");
  // Nothing was stored by the refused requests.
  r = safety_.Call("GET", "/api/v1/patrol-plans");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("total").as_int64(), 0);

  // A teacher records patrols but does not schedule them; a department liaison sees none.
  EXPECT_EQ(As("school1_teacher")
                .Call("POST", "/api/v1/patrol-plans", json::serialize(Plan(canteen_)))
                .status,
            403);
  EXPECT_EQ(As("dept1_liaison").Call("GET", "/api/v1/patrol-plans").status, 403);

  // The bureau schedules for a school below it; the school sees the plan and its items.
  const auto office = As("safety_office");
  body = Plan(canteen_);
  body["frequency"] = "shift";
  body["shifts"] = json::array{"12:00", "21:30"};
  const auto id = CreatePlan(body, &office);
  ASSERT_NE(id, 0);
  r = safety_.Call("GET", "/api/v1/patrol-plans/" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  auto plan = Json(r);
  EXPECT_EQ(plan.at("template_code"), "fire.canteen");
  EXPECT_EQ(plan.at("place_kind_label"), "食堂");
  EXPECT_EQ(plan.at("shifts").as_array().size(), 2u);
  EXPECT_EQ(plan.at("shifts").at(1), "21:30");
  EXPECT_EQ(plan.at("items").as_array().size(), 6u);  // C01–C06; C07 is checked at the gas room
  EXPECT_EQ(As("school2_safety").Call("GET", "/api/v1/patrol-plans/" + std::to_string(id)).status,
            404);
  // Changed to weekly: the shifts go with it; its school stays.
  body["frequency"] = "weekly";
  body.erase("shifts");
  body["school_id"] = other_school_;
  r = safety_.Call("PUT", "/api/v1/patrol-plans/" + std::to_string(id), json::serialize(body));
  ASSERT_EQ(r.status, 200) << r.body;
  plan = Json(r);
  EXPECT_EQ(plan.at("frequency_label"), "每周");
  EXPECT_EQ(plan.at("school_id").as_int64(), school_);
  EXPECT_TRUE(plan.at("shifts").as_array().empty());
  // Without patrols a plan may be deleted.
  EXPECT_EQ(safety_.Call("DELETE", "/api/v1/patrol-plans/" + std::to_string(id)).status, 204);
  EXPECT_EQ(safety_.Call("GET", "/api/v1/patrol-plans/" + std::to_string(id)).status, 404);
}

TEST_P(PatrolApiTest, MissedPatrolsAreFlaggedAndAFailedItemBecomesAHazardWithItsPhoto) {
  const auto plan = CreatePlan(Plan(canteen_));  // daily from Monday 11-30
  ASSERT_NE(plan, 0);
  // Thursday 12-03: Monday to Wednesday passed without a patrol; today is due.
  EXPECT_EQ(Slots("from=2026-11-30&to=2026-12-03"),
            (std::vector<std::string>{"2026-11-30=missed", "2026-12-01=missed", "2026-12-02=missed",
                                      "2026-12-03=due"}));
  // Tomorrow and the weekend: Friday upcoming, no patrol asked on Saturday and Sunday.
  EXPECT_EQ(Slots("from=2026-12-04&to=2026-12-06"),
            (std::vector<std::string>{"2026-12-04=upcoming"}));

  // Filled late for Tuesday (within a week), by a teacher on duty.
  const auto teacher = As("school1_teacher");
  auto r = Patrol(plan, "2026-12-01", Answers(), &teacher);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("failed").as_int64(), 0);
  EXPECT_EQ(Json(r).at("patroller"), "班主任");
  // Not in the future, not older than a week, not before the plan.
  EXPECT_EQ(FirstField(Patrol(plan, "2026-12-04", Answers())), "date");
  EXPECT_EQ(FirstField(Patrol(plan, "2026-11-25", Answers())), "date");
  EXPECT_EQ(FirstField(Patrol(plan, "2026-11-29", Answers())), "date");

  // Answers checked item by item; nothing stored when refused.
  auto partial = Answers();
  partial.erase(partial.begin() + 5);
  r = Patrol(plan, "", partial);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "answers");
  EXPECT_NE(r.body.find("C06"), std::string::npos);
  r = Patrol(plan, "", Answers({{"C02", {{"item_key", "C02"}, {"value", "maybe"}}}}));
  EXPECT_EQ(FirstField(r), "answers[1].value");
  r = Patrol(plan, "", Answers({{"C03", {{"item_key", "C09"}, {"value", "pass"}}}}));
  EXPECT_EQ(FirstField(r), "answers[2].item_key");
  // A photo must be the caller's own upload.
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, '\x02');
  auto theirs = As("school2_safety").Call("POST", "/api/v1/files?name=hood.png", png);
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  r = Patrol(plan, "",
             Answers({{"C04",
                       {{"item_key", "C04"},
                        {"value", "fail"},
                        {"file_ids", json::array{Json(theirs).at("id")}}}}}));
  EXPECT_EQ(FirstField(r), "answers[3].file_ids[0]");
  EXPECT_EQ(Slots("from=2026-12-03&to=2026-12-03"), (std::vector<std::string>{"2026-12-03=due"}));

  // Today's patrol: the hood is greasy, with a photo.
  auto mine = safety_.Call("POST", "/api/v1/files?name=hood.png", png);
  ASSERT_EQ(mine.status, 201) << mine.body;
  const auto photo = Json(mine).at("id").as_int64();
  r = Patrol(plan, "",
             Answers({{"C04",
                       {{"item_key", "C04"},
                        {"value", "fail"},
                        {"note", "烟罩油污较厚"},
                        {"file_ids", json::array{photo}}}}}));
  ASSERT_EQ(r.status, 201) << r.body;
  auto record = Json(r);
  const auto record_id = record.at("id").as_int64();
  EXPECT_EQ(record.at("date"), "2026-12-03");
  EXPECT_EQ(record.at("failed").as_int64(), 1);
  EXPECT_TRUE(record.at("can_raise").as_bool());
  ASSERT_EQ(record.at("files").as_array().size(), 1u);
  EXPECT_EQ(record.at("files").at(0).at("subject_type"), "patrol_record");
  const auto& c04 = record.at("answers").at(3);
  EXPECT_EQ(c04.at("item_key"), "C04");
  EXPECT_EQ(c04.at("verdict"), "fail");
  EXPECT_EQ(c04.at("verdict_label"), "不合格");
  EXPECT_EQ(c04.at("text").as_string().find("排油烟管道"), 0u);
  EXPECT_TRUE(c04.at("hazard_id").is_null());

  EXPECT_EQ(Slots("from=2026-11-30&to=2026-12-03"),
            (std::vector<std::string>{"2026-11-30=missed", "2026-12-01=done", "2026-12-02=missed",
                                      "2026-12-03=done"}));
  r = safety_.Call("GET", "/api/v1/patrol-schedule?from=2026-11-30&to=2026-12-03&state=missed");
  ASSERT_EQ(r.status, 200) << r.body;
  auto schedule = Json(r);
  EXPECT_EQ(schedule.at("total").as_int64(), 2);
  EXPECT_EQ(schedule.at("counts").at("missed").as_int64(), 2);
  EXPECT_EQ(schedule.at("counts").at("done").as_int64(), 2);
  EXPECT_EQ(schedule.at("items").at(0).at("state_label"), "漏巡");
  EXPECT_EQ(FirstField(safety_.Call("GET", "/api/v1/patrol-schedule?state=late")), "state");
  EXPECT_EQ(
      FirstField(safety_.Call("GET", "/api/v1/patrol-schedule?from=2026-09-01&to=2026-12-03")),
      "to");
  EXPECT_EQ(
      FirstField(safety_.Call("GET", "/api/v1/patrol-schedule?from=2026-12-04&to=2026-12-03")),
      "to");

  // The week is judged by patrol.done: two missed, none allowed.
  r = safety_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school_) +
                              "&rule=patrol.done&period=W2026-11-30");
  ASSERT_EQ(r.status, 200) << r.body;
  auto findings = Json(r);
  ASSERT_EQ(findings.at("items").as_array().size(), 1u) << r.body;
  EXPECT_EQ(findings.at("items").at(0).at("outcome"), "fail");
  EXPECT_NE(findings.at("items").at(0).at("reason").as_string().find("漏巡 2 次"),
            std::string::npos)
      << r.body;

  // The failed item becomes a hazard at the canteen, with a copy of its photo.
  r = safety_.Call("POST", "/api/v1/patrol-records/" + std::to_string(record_id) + "/hazards",
                   R"({"item_key":"C01"})");
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("patrol.item_passed"), std::string::npos) << r.body;
  r = safety_.Call("POST", "/api/v1/patrol-records/" + std::to_string(record_id) + "/hazards",
                   R"({"item_key":"C99"})");
  EXPECT_EQ(FirstField(r), "item_key");
  r = safety_.Call("POST", "/api/v1/patrol-records/" + std::to_string(record_id) + "/hazards",
                   R"({"item_key":"C04"})");
  ASSERT_EQ(r.status, 201) << r.body;
  record = Json(r);
  const auto hazard_id = record.at("answers").at(3).at("hazard_id").as_int64();
  r = safety_.Call("GET", "/api/v1/hazards/" + std::to_string(hazard_id));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto hazard = Json(r);
  EXPECT_EQ(hazard.at("source"), "patrol");
  EXPECT_EQ(hazard.at("domain"), "fire");
  EXPECT_EQ(hazard.at("level"), "general");
  EXPECT_EQ(hazard.at("key_place_id").as_int64(), canteen_);
  EXPECT_EQ(hazard.at("origin_type"), "patrol_record");
  EXPECT_EQ(hazard.at("origin_id").as_int64(), record_id);
  EXPECT_EQ(hazard.at("title").as_string().find("学生食堂："), 0u) << hazard.at("title");
  EXPECT_NE(hazard.at("description").as_string().find("烟罩油污较厚"), std::string::npos);
  EXPECT_NE(hazard.at("description").as_string().find("检查结果：不合格"), std::string::npos)
      << hazard.at("description");
  ASSERT_EQ(hazard.at("files").as_array().size(), 1u) << r.body;
  const auto copy = hazard.at("files").at(0).at("id").as_int64();
  EXPECT_NE(copy, photo);
  // The leader reads the hazard's photo and the patrol's; another school reads neither.
  const auto leader = As("school1_leader");
  auto download = leader.Call("GET", "/api/v1/files/" + std::to_string(copy));
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, png);
  EXPECT_EQ(leader.Call("GET", "/api/v1/files/" + std::to_string(photo)).status, 200);
  const auto other = As("school2_safety");
  EXPECT_EQ(other.Call("GET", "/api/v1/files/" + std::to_string(photo)).status, 404);
  // Raised once.
  r = safety_.Call("POST", "/api/v1/patrol-records/" + std::to_string(record_id) + "/hazards",
                   R"({"item_key":"C04"})");
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("patrol.item_raised"), std::string::npos) << r.body;

  // Another school sees none of it.
  EXPECT_EQ(other.Call("GET", "/api/v1/patrol-records/" + std::to_string(record_id)).status, 404);
  EXPECT_EQ(FirstField(Patrol(plan, "", Answers(), &other)), "plan_id");
  EXPECT_EQ(other.Call("GET", "/api/v1/patrol-places/" + std::to_string(canteen_)).status, 404);
  EXPECT_TRUE(Slots("from=2026-11-30&to=2026-12-03", &other).empty());
  r = other.Call("GET", "/api/v1/patrol-records");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("total").as_int64(), 0);

  // The bureau's lists: the school's patrols newest first, only the failed ones, and .xlsx.
  const auto office = As("safety_office");
  r = office.Call("GET", "/api/v1/patrol-records?school_id=" + std::to_string(school_));
  ASSERT_EQ(r.status, 200) << r.body;
  auto list = Json(r);
  ASSERT_EQ(list.at("total").as_int64(), 2);
  EXPECT_EQ(list.at("items").at(0).at("date"), "2026-12-03");
  r = office.Call("GET", "/api/v1/patrol-records?failed=true");
  EXPECT_EQ(Json(r).at("total").as_int64(), 1);
  r = office.Call("GET", "/api/v1/patrol-records?from=2026-12-02&to=2026-12-02");
  EXPECT_EQ(Json(r).at("total").as_int64(), 0);
  EXPECT_EQ(FirstField(office.Call("GET", "/api/v1/patrol-records?from=yesterday")), "from");
  r = office.Call("GET", "/api/v1/patrol-records/export?school_id=" + std::to_string(school_));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.substr(0, 2), "PK");

  // A plan with patrols is stopped, not deleted.
  r = safety_.Call("DELETE", "/api/v1/patrol-plans/" + std::to_string(plan));
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("patrol_plan.has_records"), std::string::npos) << r.body;
}

TEST_P(PatrolApiTest, TheQrCodeOpensThePlaceWithTodaysPatrols) {
  const auto plan = CreatePlan(Plan(canteen_));
  auto weekly = Plan(canteen_);
  weekly["frequency"] = "weekly";
  weekly["starts_on"] = "2026-12-01";
  const auto week_plan = CreatePlan(weekly);
  auto ended = Plan(canteen_);
  ended["ends_on"] = "2026-12-02";  // stopped yesterday: not offered today
  CreatePlan(ended);
  ASSERT_NE(week_plan, 0);
  auto r = safety_.Call("GET", "/api/v1/patrol-places/" + std::to_string(canteen_));
  ASSERT_EQ(r.status, 200) << r.body;
  auto place = Json(r);
  EXPECT_EQ(place.at("school_id").as_int64(), school_);
  EXPECT_EQ(place.at("key_place").at("kind_label"), "食堂");
  EXPECT_TRUE(place.at("can_record").as_bool());
  ASSERT_EQ(place.at("plans").as_array().size(), 2u);
  for (const auto& p : place.at("plans").as_array()) {
    EXPECT_EQ(p.at("items").as_array().size(), 6u);
    ASSERT_EQ(p.at("today").as_array().size(), 1u);
    EXPECT_EQ(p.at("today").at(0).at("state"), "due");
    if (p.at("id").as_int64() == week_plan) {
      EXPECT_EQ(p.at("today").at(0).at("date"), "2026-11-30");  // the week's Monday
      EXPECT_EQ(p.at("today").at(0).at("due_by"), "2026-12-05");
    }
  }
  // One patrol on Wednesday filled the week; today's daily patrol fills today.
  ASSERT_EQ(Patrol(week_plan, "2026-12-02", Answers()).status, 201);
  ASSERT_EQ(Patrol(plan, "", Answers()).status, 201);
  r = safety_.Call("GET", "/api/v1/patrol-places/" + std::to_string(canteen_));
  place = Json(r);
  for (const auto& p : place.at("plans").as_array()) {
    EXPECT_EQ(p.at("today").at(0).at("state"), "done") << json::serialize(p);
    EXPECT_TRUE(p.at("today").at(0).at("record_id").is_int64());
  }
  // A place without a plan opens with none; a place that does not exist is not found.
  r = safety_.Call("GET", "/api/v1/patrol-places/" + std::to_string(storeroom_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Json(r).at("plans").as_array().empty());
  EXPECT_EQ(safety_.Call("GET", "/api/v1/patrol-places/99999999").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Stores, PatrolApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
