// The hazard ledger over real HTTP on both stores: the whole close-out loop with three users,
// the rules that refuse a step, escalation firing once with its reason, supervision orders,
// files and scope.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>

#include <boost/json.hpp>

#include "app/hazards/hazards.hpp"
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

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, '\x01');

Instant Start() {
  Instant t;
  ParseInstant("2026-11-02T01:00:00Z", t);  // 09:00 in UTC+8
  return t;
}

class HazardApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void TearDown() override {
    // No write transaction of the test hashed or verified a password.
    if (watch_) {
      EXPECT_EQ(watch_->writes_with_password_work(), 0);
    }
  }
  void SetUp() override {
    db_ = std::make_unique<testing::FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    watch_ = std::make_unique<testing::PasswordWatchStore>(*store_);
    services_ = std::make_unique<app::Services>(app::Services{*watch_, clock_});
    services_->files_dir = files_.path();
    passwords_ = testing::SeedDemoAccounts(*services_, 3);
    watch_->Reset();  // the demo seed hashes its accounts' passwords in one transaction
    ASSERT_FALSE(passwords_.empty());
    http::ApiOptions o;
    o.web_root = files_.path();
    o.max_upload_bytes = 1024 * 1024;
    server_ = std::make_unique<testing::TestServer>(*services_, o);
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    safety_ = As("school1_safety");
    ASSERT_FALSE(safety_.cookie.empty());
    auto me = Json(safety_.Call("GET", "/api/v1/auth/me"));
    school_ = me.at("unit").at("id").as_int64();
    auto school = Json(safety_.Call("GET", "/api/v1/schools/" + std::to_string(school_)));
    for (const auto& p : school.at("key_places").as_array()) {
      if (p.at("kind").as_string() == "canteen") canteen_ = p.at("id").as_int64();
      if (p.at("kind").as_string() == "dormitory" || p.at("kind").as_string() == "power") {
        other_place_ = p.at("id").as_int64();
      }
    }
    ASSERT_NE(canteen_, 0);
  }

  WebSession As(const std::string& user) { return testing::LoginAs(port_, user, passwords_[user]); }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  std::string Pw(const std::string& user) { return passwords_[user]; }
  std::string SchoolName() {
    return std::string(Json(safety_.Call("GET", "/api/v1/schools/" + std::to_string(school_)))
                           .at("name")
                           .as_string());
  }
  // One CSV line of a ledger, cells as given (none needs quoting here).
  static std::string line(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
    return out + "\n";
  }

  std::int64_t Upload(const WebSession& s, const std::string& name = "photo.png") {
    auto r = s.Call("POST", "/api/v1/files?name=" + name, kPng);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  json::value Report(const WebSession& s, json::object extra = {}) {
    json::object body{{"school_id", school_},
                      {"key_place_id", canteen_},
                      {"domain", "fire"},
                      {"title", "食堂灭火器压力不足"},
                      {"description", "2 具灭火器指针在红区"},
                      {"source", "self_inspection"}};
    for (auto& [k, v] : extra) body[k] = v;
    auto r = s.Call("POST", "/api/v1/hazards", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return Json(r);
  }

  HttpReply Step(const WebSession& s, std::int64_t id, const std::string& user, json::object body) {
    body["password"] = Pw(user);
    return s.Call("POST", "/api/v1/hazards/" + std::to_string(id) + "/transitions",
                  json::serialize(body));
  }

  json::value StepOk(const WebSession& s, std::int64_t id, const std::string& user,
                     json::object body) {
    auto r = Step(s, id, user, std::move(body));
    EXPECT_EQ(r.status, 200) << user << ": " << r.body;
    return Json(r);
  }

  static std::string Rule(const HttpReply& r) {
    auto v = json::parse(r.body);
    const auto& d = v.at("error").at("details").as_array();
    return d.empty() ? "" : std::string(d[0].at("field").as_string());
  }

  static std::vector<std::string> Rules(const json::value& hazard) {
    std::vector<std::string> out;
    for (const auto& e : hazard.at("escalations").as_array()) {
      out.emplace_back(e.at("rule").as_string());
    }
    return out;
  }

  // Walks a hazard to "verified": assigned to owner, rectified and submitted by owner, approved
  // by verifier.
  void ToVerified(std::int64_t id, const std::string& owner, const std::string& verifier) {
    const auto deadline = *domain::hazard::AddDays(domain::hazard::ChinaDate(clock_.Now()), 3);
    StepOk(safety_, id, "school1_safety",
           {{"action", "assign"}, {"owner", owner}, {"deadline", deadline}});
    auto o = As(owner);
    StepOk(o, id, owner, {{"action", "start_rectifying"}});
    StepOk(o, id, owner, {{"action", "submit"}, {"file_ids", json::array{Upload(o)}}});
    StepOk(As(verifier), id, verifier, {{"action", "approve"}});
  }

  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<testing::PasswordWatchStore> watch_;
  FixedClock clock_{Start()};
  testing::TempDir files_;
  std::unique_ptr<app::Services> services_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  WebSession safety_;
  std::int64_t school_ = 0;
  std::int64_t canteen_ = 0;
  std::int64_t other_place_ = 0;
};

TEST_P(HazardApiTest, WholeLoopWithThreeUsersSignedAtEveryStep) {
  const auto photo = Upload(safety_, "%E7%8E%B0%E5%9C%BA.png");
  auto h = Report(safety_, {{"file_ids", json::array{photo}}});
  const auto id = h.at("id").as_int64();
  EXPECT_EQ(h.at("state").as_string(), "reported");
  EXPECT_EQ(h.at("deadline").as_string(), "2026-11-09");  // general: 7 days
  EXPECT_EQ(h.at("files").as_array().size(), 1u);
  EXPECT_EQ(h.at("actions"), (json::array{"assign"}));

  // A later deadline than the default needs a reason.
  auto late =
      Step(safety_, id, "school1_safety",
           {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-30"}});
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(Rule(late), "hazard.deadline");
  StepOk(safety_, id, "school1_safety",
         {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-06"}});

  auto teacher = As("school1_teacher");
  auto notes = Json(teacher.Call("GET", "/api/v1/notifications?unread=true"));
  ASSERT_EQ(notes.at("unread").as_int64(), 1) << notes;
  EXPECT_EQ(notes.at("items").at(0).at("kind").as_string(), "assigned");

  StepOk(teacher, id, "school1_teacher", {{"action", "start_rectifying"}});
  // Submitting needs evidence.
  auto bare = Step(teacher, id, "school1_teacher", {{"action", "submit"}});
  EXPECT_EQ(bare.status, 409);
  EXPECT_EQ(Rule(bare), "hazard.evidence");
  // A wrong password is no signature, and nothing changes.
  const auto evidence = Upload(teacher, "after.png");
  auto wrong = teacher.Call("POST", "/api/v1/hazards/" + std::to_string(id) + "/transitions",
                            R"({"action":"submit","file_ids":[)" + std::to_string(evidence) +
                                R"(],"password":"Wrong#Pass1"})");
  EXPECT_EQ(wrong.status, 401) << wrong.body;
  EXPECT_EQ(
      Json(teacher.Call("GET", "/api/v1/hazards/" + std::to_string(id))).at("state").as_string(),
      "rectifying");
  StepOk(
      teacher, id, "school1_teacher",
      {{"action", "submit"}, {"note", "已更换 2 具灭火器"}, {"file_ids", json::array{evidence}}});
  // The teacher may not verify at all.
  auto no_perm = Step(teacher, id, "school1_teacher", {{"action", "approve"}});
  EXPECT_EQ(no_perm.status, 403) << no_perm.body;

  StepOk(safety_, id, "school1_safety", {{"action", "approve"}});
  auto leader = As("school1_leader");
  auto closed = StepOk(leader, id, "school1_leader", {{"action", "close"}});
  EXPECT_EQ(closed.at("state").as_string(), "closed");
  EXPECT_FALSE(closed.at("closed_at").is_null());
  EXPECT_EQ(closed.at("files").as_array().size(), 2u);

  // Every step is on the timeline with its signer.
  std::vector<std::string> steps;
  for (const auto& e : closed.at("timeline").as_array()) {
    steps.emplace_back(e.at("action").as_string());
    if (e.at("action").as_string() != "report") {
      ASSERT_TRUE(e.at("signature").is_object()) << e;
      EXPECT_EQ(e.at("signature").at("username").as_string(), e.at("actor").as_string());
      EXPECT_EQ(e.at("signature").at("method").as_string(), "password");
    }
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"report", "assign", "start_rectifying", "submit",
                                             "approve", "close"}));
  // The bureau sees it; the signatures are in the general signature list too.
  auto office = As("safety_office");
  EXPECT_EQ(office.Call("GET", "/api/v1/hazards/" + std::to_string(id)).status, 200);
  auto sigs = Json(
      safety_.Call("GET", "/api/v1/signatures?object_type=hazard&object_id=" + std::to_string(id)));
  EXPECT_EQ(sigs.at("total").as_int64(), 5);
  // A closed hazard can be reopened by the bureau only, with a reason, and it is counted.
  auto not_school = Step(leader, id, "school1_leader", {{"action", "reopen"}, {"reason", "复查"}});
  EXPECT_EQ(not_school.status, 403);
  auto reopened = StepOk(office, id, "safety_office",
                         {{"action", "reopen"}, {"reason", "复查发现仍有 1 具过期"}});
  EXPECT_EQ(reopened.at("state").as_string(), "rectifying");
  EXPECT_EQ(reopened.at("reopen_count").as_int64(), 1);
}

// A school saved back as it was read keeps its buildings' and key places' ids, so its hazards
// keep their key place; the school's own leader may edit it; a key place with records cannot be
// removed, one without can.
TEST_P(HazardApiTest, ASchoolSavedAsReadKeepsItsKeyPlaces) {
  const auto path = "/api/v1/schools/" + std::to_string(school_);
  auto h = Report(safety_);
  const auto hazard_path = "/api/v1/hazards/" + std::to_string(h.at("id").as_int64());
  auto leader = As("school1_leader");
  auto read = leader.Call("GET", path);
  ASSERT_EQ(read.status, 200);
  // What the console's form sends back: the record without its read-only fields.
  auto as_read = Json(read).as_object();
  for (const char* k : {"id", "path", "cluster_name", "created_at", "updated_at"}) as_read.erase(k);
  auto saved = leader.Call("PUT", path, json::serialize(as_read));
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto before = Json(read);
  auto after = Json(saved);
  EXPECT_EQ(after.at("buildings"), before.at("buildings"));
  EXPECT_EQ(after.at("key_places"), before.at("key_places"));
  EXPECT_EQ(Json(safety_.Call("GET", hazard_path)).at("key_place_id").as_int64(), canteen_);

  // Renamed by id, one place removed, one added without an id.
  auto body = as_read;
  auto& places = body["key_places"].as_array();
  json::array kept;
  std::int64_t removed = 0;
  for (auto& p : places) {
    const auto pid = p.at("id").as_int64();
    if (pid == canteen_) {
      p.as_object()["name"] = "第一食堂";
      kept.push_back(p);
    } else if (removed == 0) {
      removed = pid;  // the first other place goes
    } else {
      kept.push_back(p);
    }
  }
  ASSERT_NE(removed, 0);
  kept.push_back(json::object{{"kind", "lab"}, {"name", "新建实验室"}, {"building", nullptr}});
  body["key_places"] = kept;
  auto edited = leader.Call("PUT", path, json::serialize(body));
  ASSERT_EQ(edited.status, 200) << edited.body;
  const auto edited_school = Json(edited);
  const auto& edited_places = edited_school.at("key_places").as_array();
  bool renamed = false;
  for (const auto& p : edited_places) {
    EXPECT_NE(p.at("id").as_int64(), removed);
    if (p.at("id").as_int64() == canteen_) renamed = p.at("name").as_string() == "第一食堂";
  }
  EXPECT_TRUE(renamed);
  EXPECT_EQ(edited_places.size(), kept.size());

  // The canteen has a hazard: removing it is refused and nothing is written.
  json::array without_canteen;
  for (const auto& p : edited_places) {
    if (p.at("id").as_int64() != canteen_) without_canteen.push_back(p);
  }
  body["key_places"] = without_canteen;
  body["name"] = "不应保存的校名";
  auto in_use = leader.Call("PUT", path, json::serialize(body));
  EXPECT_EQ(in_use.status, 409) << in_use.body;
  EXPECT_EQ(Rule(in_use), "key_place.in_use");
  EXPECT_EQ(Json(leader.Call("GET", path)).at("key_places"), edited_school.at("key_places"));
  EXPECT_NE(Json(leader.Call("GET", path)).at("name").as_string(), "不应保存的校名");

  // An id from another school is refused with its field.
  body["name"] = edited_school.at("name");
  body["key_places"] = edited_school.at("key_places");
  body["buildings"].as_array().push_back(
      json::object{{"id", 999999}, {"name", "别校楼"}, {"floors", 2}});
  auto foreign = leader.Call("PUT", path, json::serialize(body));
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_NE(foreign.body.find("buildings["), std::string::npos);
}

TEST_P(HazardApiTest, TheRectifierCannotVerifyTheirOwnWork) {
  const auto id = Report(safety_).at("id").as_int64();
  StepOk(safety_, id, "school1_safety",
         {{"action", "assign"}, {"owner", "school1_safety"}, {"deadline", "2026-11-06"}});
  StepOk(safety_, id, "school1_safety", {{"action", "start_rectifying"}});
  auto submitted = StepOk(safety_, id, "school1_safety",
                          {{"action", "submit"}, {"file_ids", json::array{Upload(safety_)}}});
  EXPECT_EQ(submitted.at("actions"), json::array{});  // no verification buttons for the rectifier
  auto own = Step(safety_, id, "school1_safety", {{"action", "approve"}});
  EXPECT_EQ(own.status, 409) << own.body;
  EXPECT_EQ(Rule(own), "hazard.verify");
  auto again = Json(safety_.Call("GET", "/api/v1/hazards/" + std::to_string(id)));
  EXPECT_EQ(again.at("state").as_string(), "submitted");
  // Someone else may.
  auto leader = As("school1_leader");
  EXPECT_EQ(StepOk(leader, id, "school1_leader", {{"action", "approve"}}).at("state").as_string(),
            "verified");
}

TEST_P(HazardApiTest, AMajorHazardClosesOnlyWithTheFiveInPlace) {
  auto h = Report(safety_,
                  {{"level", "major"},
                   {"title", "宿舍楼配电箱线路老化"},
                   {"five", json::object{{"measures", "更换线路"}, {"responsible", "李校长"}}}});
  const auto id = h.at("id").as_int64();
  EXPECT_EQ(h.at("deadline").as_string(), "2026-12-02");  // major: 30 days
  // Every major hazard is under supervision at once, with an order for the school.
  EXPECT_EQ(Rules(h), std::vector<std::string>{"hazard.major"});
  EXPECT_TRUE(h.at("supervised").as_bool());
  ToVerified(id, "school1_teacher", "school1_safety");
  auto leader = As("school1_leader");
  auto refused = Step(leader, id, "school1_leader", {{"action", "close"}});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(Rule(refused), "hazard.major_five");
  EXPECT_NE(refused.body.find("five.funds"), std::string::npos);
  EXPECT_NE(refused.body.find("five.contingency_plan"), std::string::npos);
  // Parts made of spaces (ASCII or the ideographic space) are still missing.
  auto blank = leader.Call("PUT", "/api/v1/hazards/" + std::to_string(id),
                           R"({"five":{"measures":"更换线路","responsible":"李校长","funds":"  ",)"
                           R"("deadline":"2026-11-30","contingency_plan":"\u3000\u3000"}})");
  ASSERT_EQ(blank.status, 200) << blank.body;
  refused = Step(leader, id, "school1_leader", {{"action", "close"}});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(Rule(refused), "hazard.major_five");
  EXPECT_NE(refused.body.find("five.funds"), std::string::npos);
  EXPECT_NE(refused.body.find("five.contingency_plan"), std::string::npos);
  auto edited =
      leader.Call("PUT", "/api/v1/hazards/" + std::to_string(id),
                  R"({"five":{"measures":"更换线路","responsible":"李校长","funds":"3 万元",)"
                  R"("deadline":"2026-11-30","contingency_plan":"停用并设警戒"}})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(StepOk(leader, id, "school1_leader", {{"action", "close"}}).at("state").as_string(),
            "closed");
}

TEST_P(HazardApiTest, EachEscalationFiresOnceWithItsReason) {
  // Overdue: owner at once, leader after 3 days, bureau after 7.
  const auto late = Report(safety_).at("id").as_int64();
  StepOk(safety_, late, "school1_safety",
         {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-06"}});
  clock_.Set(Start() + std::chrono::days{14});
  auto fired = app::RunHazardEscalations(*services_);
  ASSERT_TRUE(fired.ok()) << fired.error().message;
  EXPECT_EQ(*fired, 3);
  auto again = app::RunHazardEscalations(*services_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);  // each rule fires once

  auto office = As("safety_office");  // sessions from before the jump have expired
  auto h = Json(office.Call("GET", "/api/v1/hazards/" + std::to_string(late)));
  EXPECT_EQ(Rules(h), (std::vector<std::string>{"hazard.overdue.owner", "hazard.overdue.leader",
                                                "hazard.overdue.bureau"}));
  const std::string reason(h.at("escalations").at(2).at("reason").as_string());
  EXPECT_EQ(h.at("escalations").at(2).at("rule_version").as_int64(), 0);  // the defaults
  EXPECT_NE(reason.find("2026-11-06"), std::string::npos) << reason;
  EXPECT_NE(reason.find("教育局督办"), std::string::npos) << reason;
  EXPECT_TRUE(h.at("supervised").as_bool());

  // The bureau's supervision order: the school replies, the bureau closes it.
  auto orders =
      Json(office.Call("GET", "/api/v1/supervision-orders?hazard_id=" + std::to_string(late)));
  ASSERT_EQ(orders.at("total").as_int64(), 1) << orders;
  const auto order = orders.at("items").at(0).at("id").as_int64();
  EXPECT_EQ(orders.at("items").at(0).at("rule").as_string(), "hazard.overdue.bureau");
  auto early_close =
      office.Call("POST", "/api/v1/supervision-orders/" + std::to_string(order) + "/close");
  EXPECT_EQ(early_close.status, 409);
  auto leader = As("school1_leader");
  auto replied =
      leader.Call("POST", "/api/v1/supervision-orders/" + std::to_string(order) + "/reply",
                  R"({"reply":"已采购灭火器，11 月 20 日前更换完毕"})");
  EXPECT_EQ(replied.status, 200) << replied.body;
  auto done = office.Call("POST", "/api/v1/supervision-orders/" + std::to_string(order) + "/close");
  EXPECT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(Json(done).at("state").as_string(), "closed");
  // The leader was told (overdue after 3 days and the order).
  auto leader_notes = Json(leader.Call("GET", "/api/v1/notifications"));
  EXPECT_GE(leader_notes.at("total").as_int64(), 2);

  // Rework: rejected twice.
  safety_ = As("school1_safety");
  const auto rework = Report(safety_, {{"key_place_id", other_place_},
                                       {"domain", "electrical"},
                                       {"title", "配电房线缆裸露"}})
                          .at("id")
                          .as_int64();
  StepOk(safety_, rework, "school1_safety",
         {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-20"}});
  auto teacher = As("school1_teacher");
  StepOk(teacher, rework, "school1_teacher", {{"action", "start_rectifying"}});
  for (int round = 1; round <= 2; ++round) {
    StepOk(teacher, rework, "school1_teacher",
           {{"action", "submit"}, {"file_ids", json::array{Upload(teacher)}}});
    auto r =
        StepOk(safety_, rework, "school1_safety", {{"action", "reject"}, {"reason", "仍有裸露"}});
    EXPECT_EQ(r.at("rework_count").as_int64(), round);
    EXPECT_EQ(Rules(r).size(), round == 2 ? 1u : 0u) << r;
  }
  auto reworked = Json(safety_.Call("GET", "/api/v1/hazards/" + std::to_string(rework)));
  EXPECT_EQ(Rules(reworked), std::vector<std::string>{"hazard.rework"});

  // Repeat: the same place and domain as one closed within 180 days.
  const auto first = Report(safety_, {{"title", "食堂灭火器过期"}}).at("id").as_int64();
  ToVerified(first, "school1_teacher", "school1_safety");
  StepOk(As("school1_leader"), first, "school1_leader", {{"action", "close"}});
  auto repeat = Report(safety_, {{"title", "食堂灭火器又过期"}});
  EXPECT_EQ(Rules(repeat), std::vector<std::string>{"hazard.repeat"});
  EXPECT_NE(json::serialize(repeat.at("escalations")).find("#" + std::to_string(first)),
            std::string::npos);

  // Missed by self-inspection: the school reported the dormitory's fire safety as passed, then a
  // bureau inspection found a fire hazard there.
  auto self = safety_.Call("POST", "/api/v1/self-inspections",
                           json::serialize(json::object{{"school_id", school_},
                                                        {"key_place_id", other_place_},
                                                        {"domain", "fire"},
                                                        {"passed", true}}));
  ASSERT_EQ(self.status, 201) << self.body;
  // A self-inspection dated ahead of the clock (beyond a phone's skew) is refused.
  const auto skew = std::chrono::minutes(10) + std::chrono::seconds(1);
  for (const auto& at : {std::string("2029-11-02T01:00:00Z"), FormatInstant(clock_.Now() + skew)}) {
    auto ahead = safety_.Call("POST", "/api/v1/self-inspections",
                              json::serialize(json::object{{"school_id", school_},
                                                           {"key_place_id", other_place_},
                                                           {"domain", "fire"},
                                                           {"passed", false},
                                                           {"checked_at", at}}));
    EXPECT_EQ(ahead.status, 422) << at << ": " << ahead.body;
    EXPECT_EQ(Rule(ahead), "checked_at") << at;
  }
  auto inspector = As("inspector");
  auto missed = Report(inspector, {{"key_place_id", other_place_},
                                   {"source", "bureau_inspection"},
                                   {"title", "配电房灭火器缺失"}});
  EXPECT_EQ(Rules(missed), std::vector<std::string>{"hazard.missed"});
  EXPECT_TRUE(missed.at("supervised").as_bool());
}

// The school's reply and the bureau's 办结 are steps of the hazard's timeline; 挂牌督办 (the
// hazard's mark, the list's filter and the board's count) lasts until its last order is closed.
TEST_P(HazardApiTest, SupervisionStepsReachTheTimelineAndTheLastClosingLiftsTheMark) {
  // Order one: a bureau inspection finds what the school's self-inspection passed.
  auto self = safety_.Call("POST", "/api/v1/self-inspections",
                           json::serialize(json::object{{"school_id", school_},
                                                        {"key_place_id", other_place_},
                                                        {"domain", "fire"},
                                                        {"passed", true}}));
  ASSERT_EQ(self.status, 201) << self.body;
  const auto id = Report(As("inspector"), {{"key_place_id", other_place_},
                                           {"source", "bureau_inspection"},
                                           {"title", "配电房灭火器缺失"}})
                      .at("id")
                      .as_int64();
  // Order two: still not rectified a week after its deadline.
  StepOk(safety_, id, "school1_safety",
         {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-06"}});
  clock_.Set(Start() + std::chrono::days{14});
  ASSERT_TRUE(app::RunHazardEscalations(*services_).ok());
  auto office = As("safety_office");
  auto leader = As("school1_leader");
  const auto path = "/api/v1/hazards/" + std::to_string(id);
  auto orders =
      Json(office.Call("GET", "/api/v1/supervision-orders?hazard_id=" + std::to_string(id)));
  ASSERT_EQ(orders.at("total").as_int64(), 2) << orders;
  const auto supervised_on_board = [&] {
    return Json(office.Call("GET", "/api/v1/boards/hazards")).at("supervised").as_int64();
  };
  const auto supervised_listed = [&] {
    return Json(office.Call("GET", "/api/v1/hazards?supervised=true")).at("total").as_int64();
  };
  const auto actions = [&] {
    std::vector<std::string> out;
    const auto h = Json(office.Call("GET", path));
    for (const auto& e : h.at("timeline").as_array()) {
      out.emplace_back(e.at("action").as_string());
    }
    return out;
  };
  const auto count = [](const std::vector<std::string>& v, const std::string& a) {
    return std::count(v.begin(), v.end(), a);
  };
  // The demo district's own hazards escalate too: count relative to now.
  const auto board0 = supervised_on_board();
  const auto listed0 = supervised_listed();
  ASSERT_GE(board0, 1);

  for (std::size_t i = 0; i < 2; ++i) {
    const auto order = std::to_string(orders.at("items").at(i).at("id").as_int64());
    const std::string reply = "第 " + std::to_string(i + 1) + " 份回复：已购置灭火器";
    auto r = leader.Call("POST", "/api/v1/supervision-orders/" + order + "/reply",
                         json::serialize(json::object{{"reply", reply}}));
    ASSERT_EQ(r.status, 200) << r.body;
    auto h = Json(office.Call("GET", path));
    const auto& last = h.at("timeline").as_array().back();
    EXPECT_EQ(last.at("action").as_string(), "supervision_reply");
    EXPECT_EQ(last.at("note").as_string(), reply);
    EXPECT_EQ(last.at("actor").as_string(), "school1_leader");
    EXPECT_EQ(last.at("from_state").as_string(), last.at("to_state").as_string());
    EXPECT_TRUE(h.at("supervised").as_bool()) << "a reply does not end the order";

    auto c = office.Call("POST", "/api/v1/supervision-orders/" + order + "/close");
    ASSERT_EQ(c.status, 200) << c.body;
    h = Json(office.Call("GET", path));
    EXPECT_EQ(h.at("timeline").as_array().back().at("action").as_string(), "supervision_close");
    EXPECT_EQ(h.at("timeline").as_array().back().at("actor").as_string(), "safety_office");
    // The first closing leaves the second order open: still supervised.
    EXPECT_EQ(h.at("supervised").as_bool(), i == 0) << "after closing order " << i + 1;
    EXPECT_EQ(supervised_on_board(), board0 - (i == 0 ? 0 : 1));
    EXPECT_EQ(supervised_listed(), listed0 - (i == 0 ? 0 : 1));
  }
  const auto all = actions();
  EXPECT_EQ(count(all, "supervision_reply"), 2);
  EXPECT_EQ(count(all, "supervision_close"), 2);
  // Closing did not re-raise the escalations that were already fired.
  ASSERT_TRUE(app::RunHazardEscalations(*services_).ok());
  EXPECT_FALSE(Json(office.Call("GET", path)).at("supervised").as_bool());
}

// 我的待办: each role sees the work that waits for it in its scope, the most urgent first.
TEST_P(HazardApiTest, MyTasksListWhatWaitsForEachRole) {
  const auto groups = [&](const WebSession& s) {
    std::map<std::string, json::object> out;
    auto r = s.Call("GET", "/api/v1/me/tasks");
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = Json(r);
    for (const auto& g : body.at("groups").as_array()) {
      out[std::string(g.at("kind").as_string())] = g.as_object();
    }
    return out;
  };
  const auto first_ids = [](const json::object& g) {
    std::vector<std::int64_t> out;
    for (const auto& i : g.at("items").as_array()) out.push_back(i.at("subject_id").as_int64());
    return out;
  };
  // The demo district's school 1 starts with hazards of its own: count what is added here.
  auto before = groups(safety_);
  ASSERT_TRUE(before.count("hazard.assign")) << "the safety officer assigns";
  const auto assign0 = before["hazard.assign"].at("count").as_int64();
  const auto verify0 = before["hazard.verify"].at("count").as_int64();

  // A bureau watches its schools instead of doing their work: what was reported today.
  const auto today0 = groups(As("safety_office"))["hazard.today"].at("count").as_int64();
  const auto a = Report(safety_, {{"title", "待办一"}}).at("id").as_int64();
  const auto b = Report(safety_, {{"title", "待办二"}}).at("id").as_int64();
  auto bureau = groups(As("safety_office"));
  EXPECT_FALSE(bureau.count("hazard.assign")) << "the school assigns its own hazards";
  EXPECT_EQ(bureau["hazard.today"].at("count").as_int64(), today0 + 2);
  EXPECT_EQ(bureau["hazard.today"].at("items").at(0).at("subject_id").as_int64(), b);
  auto now = groups(safety_);
  EXPECT_EQ(now["hazard.assign"].at("count").as_int64(), assign0 + 2);
  EXPECT_EQ(now["hazard.assign"].at("label").as_string(), "待交办隐患");
  EXPECT_LE(now["hazard.assign"].at("items").as_array().size(), 5u);

  // To rectify, for the teacher: the one due first leads, and a day past its deadline it is
  // overdue in the item and in the group's count.
  StepOk(safety_, a, "school1_safety",
         {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-09"}});
  StepOk(safety_, b, "school1_safety",
         {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-05"}});
  auto teacher = As("school1_teacher");
  auto t = groups(teacher);
  EXPECT_FALSE(t.count("hazard.assign")) << "a teacher does not assign";
  ASSERT_TRUE(t.count("hazard.rectify"));
  const auto rectify = t["hazard.rectify"];
  const auto ids = first_ids(rectify);
  const auto pos_a = std::find(ids.begin(), ids.end(), a) - ids.begin();
  const auto pos_b = std::find(ids.begin(), ids.end(), b) - ids.begin();
  if (pos_a < static_cast<long>(ids.size())) {
    EXPECT_LT(pos_b, pos_a) << "the earlier deadline first";
  }
  const auto overdue0 = rectify.at("overdue").as_int64();

  clock_.Set(Start() + std::chrono::days{4});  // 2026-11-06 in China: b is a day late
  teacher = As("school1_teacher");
  t = groups(teacher);
  EXPECT_EQ(t["hazard.rectify"].at("overdue").as_int64(), overdue0 + 1);
  bool b_overdue = false, a_overdue = true;
  for (const auto& i : t["hazard.rectify"].at("items").as_array()) {
    if (i.at("subject_id").as_int64() == b) b_overdue = i.at("overdue").as_bool();
    if (i.at("subject_id").as_int64() == a) a_overdue = i.at("overdue").as_bool();
    EXPECT_EQ(i.at("subject_type").as_string(), "hazard");
  }
  EXPECT_TRUE(b_overdue);
  EXPECT_FALSE(a_overdue);

  // The schools with the most overdue hazards first, each opening the school's overdue list.
  bureau = groups(As("safety_office"));
  const auto& ranked = bureau["hazard.schools"];
  ASSERT_GE(ranked.at("count").as_int64(), 1) << json::serialize(ranked);
  std::int64_t last = std::numeric_limits<std::int64_t>::max();
  for (const auto& i : ranked.at("items").as_array()) {
    EXPECT_EQ(i.at("subject_type").as_string(), "school");
    const std::string title(i.at("title").as_string());
    const auto n = std::stoll(title.substr(title.find(' ') + 1));  // 超期 N 项 · 重大 …
    EXPECT_LE(n, last) << title;
    last = n;
  }
  // The school's own row counts b among its overdue hazards.
  const auto one = Json(As("safety_office")
                            .Call("GET", "/api/v1/hazards?overdue=true&page_size=1&school_id=" +
                                             std::to_string(school_)));
  EXPECT_GE(one.at("total").as_int64(), 1);

  // To verify: the submitted one moves from the teacher's list to the safety officer's.
  StepOk(teacher, b, "school1_teacher", {{"action", "start_rectifying"}});
  StepOk(teacher, b, "school1_teacher",
         {{"action", "submit"}, {"file_ids", json::array{Upload(teacher)}}});
  safety_ = As("school1_safety");
  EXPECT_EQ(groups(safety_)["hazard.verify"].at("count").as_int64(), verify0 + 1);

  // Supervision orders: the school's leader answers, the bureau closes; the auditor has no work
  // here and a department liaison only its whistles.
  auto leader = As("school1_leader");
  EXPECT_TRUE(groups(leader).count("supervision.reply"));
  EXPECT_FALSE(groups(leader).count("supervision.close"));
  auto office = As("safety_office");
  auto o = groups(office);
  EXPECT_TRUE(o.count("supervision.close"));
  EXPECT_TRUE(o.count("supervision.late"));
  // The auditor's work is the log: refusals and account changes of the week, the chain's state.
  auto auditor = As("auditor");
  auto log = groups(auditor);
  EXPECT_EQ(log.size(), 3u);
  EXPECT_FALSE(log.count("hazard.assign"));
  ASSERT_TRUE(log.count("audit.refused") && log.count("audit.accounts") &&
              log.count("audit.verify"));
  const auto refused0 = log["audit.refused"].at("count").as_int64();
  EXPECT_EQ(As("school1_teacher").Call("POST", "/api/v1/users", "{}").status, 403);
  log = groups(auditor);
  EXPECT_EQ(log["audit.refused"].at("count").as_int64(), refused0 + 1);
  const auto& refusal = log["audit.refused"].at("items").at(0);
  EXPECT_EQ(refusal.at("subject_type").as_string(), "audit");
  EXPECT_EQ(refusal.at("school_name").as_string(), "school1_teacher");  // who was refused
  EXPECT_EQ(log["audit.verify"].at("count").as_int64(), 1) << "never verified: a task";
  ASSERT_EQ(auditor.Call("POST", "/api/v1/audit-logs/verify").status, 200);
  log = groups(auditor);
  EXPECT_EQ(log["audit.verify"].at("count").as_int64(), 0) << log["audit.verify"];
  EXPECT_EQ(log["audit.verify"].at("items").at(0).at("overdue").as_bool(), false);
  clock_.Set(clock_.Now() + std::chrono::days{8});
  EXPECT_EQ(groups(As("auditor"))["audit.verify"].at("count").as_int64(), 1) << "a week old";
  auto liaison = groups(As("dept1_liaison"));
  EXPECT_TRUE(liaison.count("whistle.todo"));
  EXPECT_FALSE(liaison.count("hazard.assign"));
}

// People are chosen and shown by name: the staff of a unit in the caller's scope with their roles,
// and the display names of the finder and of each step's actor on a hazard.
TEST_P(HazardApiTest, PeopleAreChosenAndShownByName) {
  const auto staff = [](const WebSession& s, const std::string& query) {
    return s.Call("GET", "/api/v1/staff" + query);
  };
  auto own = staff(safety_, "");
  ASSERT_EQ(own.status, 200) << own.body;
  const auto body = Json(own);
  std::map<std::string, json::object> by_name;
  for (const auto& m : body.at("items").as_array()) {
    EXPECT_EQ(m.at("unit_id").as_int64(), school_) << m;
    by_name[std::string(m.at("username").as_string())] = m.as_object();
  }
  ASSERT_TRUE(by_name.count("school1_teacher")) << body;
  const auto& teacher = by_name["school1_teacher"];
  EXPECT_FALSE(teacher.at("display_name").as_string().empty());
  ASSERT_FALSE(teacher.at("roles").as_array().empty());
  EXPECT_FALSE(teacher.at("roles").at(0).at("name").as_string().empty());
  EXPECT_FALSE(by_name.count("safety_office")) << "the bureau's staff are not the school's";
  EXPECT_EQ(body.at("total").as_int64(), static_cast<std::int64_t>(by_name.size()));

  // q narrows by username or name.
  auto one = Json(staff(safety_, "?q=school1_teacher"));
  ASSERT_EQ(one.at("total").as_int64(), 1) << one;
  EXPECT_EQ(one.at("items").at(0).at("username").as_string(), "school1_teacher");

  // The bureau chooses among a school's staff; a school cannot look into another school.
  auto office = As("safety_office");
  auto from_bureau = staff(office, "?unit_id=" + std::to_string(school_));
  ASSERT_EQ(from_bureau.status, 200) << from_bureau.body;
  EXPECT_EQ(Json(from_bureau).at("total").as_int64(), body.at("total").as_int64());
  std::int64_t other = 0;
  const auto schools = Json(office.Call("GET", "/api/v1/schools?page_size=5"));
  for (const auto& x : schools.at("items").as_array()) {
    if (x.at("id").as_int64() != school_) other = x.at("id").as_int64();
  }
  ASSERT_NE(other, 0);
  EXPECT_EQ(staff(safety_, "?unit_id=" + std::to_string(other)).status, 404);
  EXPECT_EQ(staff(safety_, "?unit_id=abc").status, 422);
  EXPECT_EQ(staff(safety_, "?unit_id=999999").status, 404);

  // The hazard names its finder and each step's actor.
  const auto me = Json(safety_.Call("GET", "/api/v1/auth/me"));
  const std::string my_name(me.at("user").at("display_name").as_string());
  ASSERT_FALSE(my_name.empty());
  const auto id = Report(safety_).at("id").as_int64();
  StepOk(safety_, id, "school1_safety",
         {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-09"}});
  const auto h = Json(safety_.Call("GET", "/api/v1/hazards/" + std::to_string(id)));
  EXPECT_EQ(h.at("found_by_name").as_string(), my_name);
  EXPECT_EQ(h.at("owner_name").as_string(), teacher.at("display_name").as_string());
  EXPECT_EQ(h.at("rectifier_name").as_string(), "");
  for (const auto& e : h.at("timeline").as_array()) {
    EXPECT_EQ(e.at("actor_name").as_string(), my_name) << e;
  }
  // So does the ledger's row.
  const auto page = Json(safety_.Call("GET", "/api/v1/hazards?page_size=100"));
  bool listed = false;
  for (const auto& row : page.at("items").as_array()) {
    if (row.at("id").as_int64() != id) continue;
    listed = true;
    EXPECT_EQ(row.at("found_by_name").as_string(), my_name);
    EXPECT_EQ(row.at("owner_name").as_string(), teacher.at("display_name").as_string());
  }
  EXPECT_TRUE(listed);

  // 我的隐患: the teacher's own (the one assigned to them), not the rest of the school's.
  Report(safety_);  // the school's, not the teacher's
  auto teacher_session = As("school1_teacher");
  const auto mine = Json(teacher_session.Call("GET", "/api/v1/hazards?mine=true&page_size=100"));
  const auto school_all = Json(teacher_session.Call("GET", "/api/v1/hazards?page_size=100"));
  EXPECT_LT(mine.at("total").as_int64(), school_all.at("total").as_int64());
  EXPECT_EQ(mine.at("total").as_int64(),
            static_cast<std::int64_t>(mine.at("items").as_array().size()));
  bool assigned_listed = false;
  for (const auto& row : mine.at("items").as_array()) {
    const bool theirs =
        row.at("owner").as_string() == "school1_teacher" ||
        row.at("found_by").as_string() == "school1_teacher" ||
        (row.at("rectifier").is_string() && row.at("rectifier").as_string() == "school1_teacher");
    EXPECT_TRUE(theirs) << row;
    assigned_listed = assigned_listed || row.at("id").as_int64() == id;
  }
  EXPECT_TRUE(assigned_listed);
  // The safety officer's own include the ones they found.
  const auto officer_mine = Json(safety_.Call("GET", "/api/v1/hazards?mine=1&page_size=100"));
  for (const auto& row : officer_mine.at("items").as_array()) {
    EXPECT_TRUE(row.at("found_by").as_string() == "school1_safety" ||
                row.at("owner").as_string() == "school1_safety" ||
                row.at("rectifier").as_string() == "school1_safety")
        << row;
  }
  EXPECT_GE(officer_mine.at("total").as_int64(), 1);
}

TEST_P(HazardApiTest, ScopeFilesAndBoard) {
  auto h = Report(safety_, {{"file_ids", json::array{Upload(safety_)}}});
  const auto id = h.at("id").as_int64();
  const auto file = h.at("files").at(0).at("id").as_int64();
  // Another school sees neither the hazard nor its file.
  auto other = As("school2_safety");
  EXPECT_EQ(other.Call("GET", "/api/v1/hazards/" + std::to_string(id)).status, 404);
  EXPECT_EQ(other.Call("GET", "/api/v1/files/" + std::to_string(file)).status, 404);
  EXPECT_EQ(Json(other.Call("GET", "/api/v1/hazards")).at("total").as_int64(), 0);
  auto own = safety_.Call("GET", "/api/v1/files/" + std::to_string(file));
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(own.body, kPng);
  EXPECT_EQ(own.headers["content-type"], "image/png");
  // Files are checked by content, not by name.
  auto text = safety_.Call("POST", "/api/v1/files?name=photo.png", "not an image at all");
  EXPECT_EQ(text.status, 422) << text.body;
  EXPECT_NE(text.body.find("\"file\""), std::string::npos);
  // Another school cannot report for this one.
  auto foreign = other.Call(
      "POST", "/api/v1/hazards",
      json::serialize(json::object{{"school_id", school_}, {"domain", "fire"}, {"title", "x"}}));
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  // Filters: state and overdue.
  auto listed = Json(safety_.Call("GET", "/api/v1/hazards?state=reported,assigned&domain=fire"));
  EXPECT_EQ(listed.at("total").as_int64(), 1);
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/hazards?overdue=true")).at("total").as_int64(), 0);
  EXPECT_EQ(safety_.Call("GET", "/api/v1/hazards?page_size=0").status, 422);
  EXPECT_EQ(safety_.Call("GET", "/api/v1/hazards?state=open").status, 422);

  // The export holds the filtered ledger in the usual columns, with the photo as a link, and
  // only what the caller may see.
  auto xlsx = safety_.Call("GET", "/api/v1/hazards/export?state=reported");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  auto sheet = office::ReadXlsx(xlsx.body);
  ASSERT_TRUE(sheet.ok()) << sheet.error().message;
  ASSERT_EQ(sheet->size(), 2u);
  EXPECT_EQ(sheet->at(0), office::TextRow(app::HazardLedgerColumns()));
  EXPECT_EQ(sheet->at(1).at(5), "食堂灭火器压力不足");
  EXPECT_EQ(sheet->at(1).at(17), "已上报");
  EXPECT_NE(sheet->at(1).back().text.find("/api/v1/files/" + std::to_string(file)),
            std::string::npos);
  auto none = safety_.Call("GET", "/api/v1/hazards/export?state=closed&format=csv");
  ASSERT_EQ(none.status, 200);
  EXPECT_EQ(office::ReadCsv(none.body)->size(), 1u);  // the header only
  EXPECT_EQ(office::ReadXlsx(other.Call("GET", "/api/v1/hazards/export").body)->size(), 1u);
  EXPECT_EQ(safety_.Call("GET", "/api/v1/hazards/export?format=pdf").status, 422);

  // The board: the bureau sees the school's open hazard; closing it moves the numbers.
  auto office = As("safety_office");
  auto board = Json(office.Call("GET", "/api/v1/boards/hazards"));
  EXPECT_EQ(board.at("open_total").as_int64(), 1) << board;
  EXPECT_EQ(board.at("schools").at(0).at("school_id").as_int64(), school_);
  EXPECT_EQ(board.at("trend").as_array().size(), 12u);
  EXPECT_EQ(board.at("trend").at(11).at("month").as_string(), "2026-11");
  EXPECT_EQ(board.at("trend").at(11).at("open").as_int64(), 1);
  ToVerified(id, "school1_teacher", "school1_safety");
  StepOk(As("school1_leader"), id, "school1_leader", {{"action", "close"}});
  board = Json(office.Call("GET", "/api/v1/boards/hazards"));
  EXPECT_EQ(board.at("open_total").as_int64(), 0);
  EXPECT_EQ(board.at("closed_this_month").as_int64(), 1);
  EXPECT_DOUBLE_EQ(board.at("closure_rate").as_double(), 1.0);
  EXPECT_EQ(Json(other.Call("GET", "/api/v1/boards/hazards")).at("closed_this_month").as_int64(),
            0);
  EXPECT_EQ(other.Call("GET", "/api/v1/boards/hazards?school_id=" + std::to_string(school_)).status,
            404);
}

TEST_P(HazardApiTest, TheDistrictsRulesSetDeadlinesAndEscalation) {
  auto office = As("safety_office");
  auto rules = Json(office.Call("GET", "/api/v1/hazard-rules"));
  EXPECT_EQ(rules.at("deadlines").at("general_days").as_int64(), 7);
  EXPECT_EQ(rules.at("escalation").at("overdue_bureau_days").as_int64(), 7);
  // A school reads them but may not change them.
  EXPECT_EQ(safety_.Call("GET", "/api/v1/hazard-rules").status, 200);
  const std::string body =
      R"({"deadlines":{"general_days":5,"major_days":20,"general_by_domain":{"fire":2},)"
      R"("major_by_domain":{}},"escalation":{"overdue_leader_days":1,"overdue_bureau_days":2,)"
      R"("missed_window_days":30,"repeat_window_days":180,"rework_threshold":1}})";
  EXPECT_EQ(safety_.Call("PUT", "/api/v1/hazard-rules", body).status, 403);
  // Bad values are named by their path, and nothing is stored.
  std::string bad = body;
  bad.replace(bad.find("\"overdue_bureau_days\":2"), 23, "\"overdue_bureau_days\":0");
  auto refused = office.Call("PUT", "/api/v1/hazard-rules", bad);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find("escalation.overdue_bureau_days"), std::string::npos) << refused.body;
  EXPECT_NE(std::string(Json(refused).at("error").at("message").as_string())
                .find("escalation.overdue_bureau_days"),
            std::string::npos)
      << refused.body;
  auto unknown = office.Call(
      "PUT", "/api/v1/hazard-rules",
      R"({"deadlines":{"general_days":5,"major_days":20,"general_by_domain":{"spaceship":2}},)"
      R"("escalation":{"overdue_leader_days":1,"overdue_bureau_days":2,"missed_window_days":30,)"
      R"("repeat_window_days":180,"rework_threshold":1}})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("deadlines.general_by_domain.spaceship"), std::string::npos);
  EXPECT_EQ(Json(office.Call("GET", "/api/v1/hazard-rules")).at("deadlines").at("general_days"), 7);
  // The rules engine's catalog lists the ledger's rules with the values in force.
  const auto param = [&](const std::string& rule, const std::string& key) -> json::value {
    auto catalog = Json(safety_.Call("GET", "/api/v1/rules?measure=8"));
    for (const auto& r : catalog.at("items").as_array()) {
      if (r.at("id").as_string() != rule) continue;
      for (const auto& p : r.at("params").as_array()) {
        if (p.at("key").as_string() == key) return p;
      }
    }
    return nullptr;
  };
  ASSERT_TRUE(param("hazard.overdue", "overdue_bureau_days").is_object());
  EXPECT_EQ(param("hazard.overdue", "overdue_bureau_days").at("value").as_int64(), 7);
  EXPECT_EQ(param("hazard.overdue", "overdue_bureau_days").at("default").as_int64(), 7);
  auto saved = office.Call("PUT", "/api/v1/hazard-rules", body);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(Json(saved).at("deadlines").at("general_by_domain").at("fire").as_int64(), 2);
  EXPECT_EQ(param("hazard.overdue", "overdue_bureau_days").at("value").as_int64(), 2);
  EXPECT_EQ(param("hazard.overdue", "overdue_bureau_days").at("default").as_int64(), 7);
  EXPECT_EQ(param("hazard.rework", "rework_threshold").at("value").as_int64(), 1);
  // Each rule the ledger's page changed is a new version in the engine; one not changed is not.
  auto overdue = Json(office.Call("GET", "/api/v1/rules/hazard.overdue"));
  EXPECT_EQ(overdue.at("params_version").as_int64(), 1);
  ASSERT_EQ(overdue.at("history").as_array().size(), 1u);
  EXPECT_EQ(overdue.at("history").at(0).at("note").as_string(), "在隐患规则页修改");
  EXPECT_TRUE(
      Json(office.Call("GET", "/api/v1/rules/hazard.repeat")).at("history").as_array().empty());
  // Configured through the engine: a new version, the ledger reads it, the rest is kept.
  auto via_engine = office.Call("PUT", "/api/v1/rules/hazard.missed/parameters",
                                R"({"values":{"missed_window_days":45},"note":"延长自查有效期"})");
  ASSERT_EQ(via_engine.status, 200) << via_engine.body;
  EXPECT_EQ(Json(via_engine).at("params_version").as_int64(), 1);
  EXPECT_EQ(Json(via_engine).at("params").at(0).at("value").as_int64(), 45);
  auto ledger = Json(office.Call("GET", "/api/v1/hazard-rules"));
  EXPECT_EQ(ledger.at("escalation").at("missed_window_days").as_int64(), 45);
  EXPECT_EQ(ledger.at("deadlines").at("general_by_domain").at("fire").as_int64(), 2);
  EXPECT_EQ(ledger.at("escalation").at("overdue_bureau_days").as_int64(), 2);
  // Checked against the declaration, by whoever may configure both; nothing half stored.
  auto crossed = office.Call("PUT", "/api/v1/rules/hazard.overdue/parameters",
                             R"({"values":{"overdue_leader_days":5,"overdue_bureau_days":2}})");
  EXPECT_EQ(crossed.status, 422);
  EXPECT_NE(crossed.body.find("values.overdue_bureau_days"), std::string::npos) << crossed.body;
  EXPECT_EQ(safety_
                .Call("PUT", "/api/v1/rules/hazard.missed/parameters",
                      R"({"values":{"missed_window_days":10}})")
                .status,
            403);
  EXPECT_EQ(Json(office.Call("GET", "/api/v1/hazard-rules"))
                .at("escalation")
                .at("overdue_leader_days")
                .as_int64(),
            1);
  auto catalog = Json(safety_.Call("GET", "/api/v1/rules?measure=8"));
  std::vector<std::string> ids;
  for (const auto& r : catalog.at("items").as_array()) {
    ids.emplace_back(r.at("id").as_string());
    EXPECT_EQ(r.at("measure").as_int64(), 8);
    EXPECT_EQ(r.at("configure_path").as_string(),
              "/api/v1/rules/" + std::string(r.at("id").as_string()) + "/parameters");
    EXPECT_TRUE(r.at("engine_values").as_bool());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"hazard.deadline", "hazard.overdue", "hazard.missed",
                                           "hazard.repeat", "hazard.rework", "hazard.major"}));
  // The drill rules are measure 13's, configured through the engine.
  const auto drills = Json(safety_.Call("GET", "/api/v1/rules?measure=13")).at("items").as_array();
  ASSERT_EQ(drills.size(), 6u);
  EXPECT_EQ(drills[0].at("configure_path").as_string(),
            "/api/v1/rules/drill.fire_semester/parameters");
  // Measure 12 (fire lanes) has no rule yet; 14 (campus traffic) has traffic.ebike, 15 (traffic
  // around the school) traffic.guide; 21 (safety education) has three.
  EXPECT_TRUE(Json(safety_.Call("GET", "/api/v1/rules?measure=12")).at("items").as_array().empty());
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/rules?measure=14")).at("items").as_array().size(),
            1u);
  const auto guide = Json(safety_.Call("GET", "/api/v1/rules?measure=15")).at("items").as_array();
  ASSERT_EQ(guide.size(), 1u);
  EXPECT_EQ(guide[0].at("id").as_string(), "traffic.guide");
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/rules?measure=21")).at("items").as_array().size(),
            3u);
  EXPECT_EQ(safety_.Call("GET", "/api/v1/rules?measure=22").status, 422);
  EXPECT_EQ(safety_.Call("GET", "/api/v1/rules?measure=x").status, 422);

  // A fire hazard now gets 2 days, another domain 5.
  auto fire = Report(safety_);
  EXPECT_EQ(fire.at("deadline").as_string(), "2026-11-04");
  EXPECT_EQ(fire.at("default_deadline_days").as_int64(), 2);
  auto gas = Report(safety_, {{"domain", "gas"}, {"title", "燃气软管老化"}});
  EXPECT_EQ(gas.at("deadline").as_string(), "2026-11-07");
  // Assigning 3 days out is now later than the default and needs a reason.
  const auto id = fire.at("id").as_int64();
  auto late =
      Step(safety_, id, "school1_safety",
           {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-05"}});
  EXPECT_EQ(Rule(late), "hazard.deadline");
  StepOk(safety_, id, "school1_safety",
         {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-04"}});
  // The bureau hears of it after 2 days past the deadline instead of 7; one rejection is rework.
  clock_.Set(Start() + std::chrono::days{5});
  ASSERT_TRUE(app::RunHazardEscalations(*services_).ok());
  auto h = Json(As("safety_office").Call("GET", "/api/v1/hazards/" + std::to_string(id)));
  EXPECT_EQ(Rules(h), (std::vector<std::string>{"hazard.overdue.owner", "hazard.overdue.leader",
                                                "hazard.overdue.bureau"}));
  // Each escalation names the version of hazard.overdue's values it was decided with.
  for (const auto& e : h.at("escalations").as_array()) {
    EXPECT_EQ(e.at("rule_version").as_int64(), 1) << e.at("rule").as_string();
  }
}

TEST_P(HazardApiTest, AnExistingLedgerImportsRowByRow) {
  const std::string school_name = SchoolName();
  std::string csv = line(app::HazardLedgerColumns());
  csv += line({"1",          school_name,  "学生食堂",   "消防安全", "一般隐患", "灭火器过期",
               "压力不足",   "2026-10-20", "王老师",     "学校自查", "张老师",   "",
               "2026-10-27", "",           "",           "",         "",         "已销号",
               "否",         "0",          "2026-10-25", ""});
  csv += line({"2",        school_name,
               "",         "gas",
               "重大隐患", "燃气管道锈蚀",
               "",         "2026/10/30",
               "",         "教育局检查",
               "李校长",   "",
               "",         "停用",
               "更换管道", "2万元",
               "应急预案", "整改中",
               "是",       "0",
               "",         ""});
  csv += line({"3",        "不存在的学校",
               "",         "天灾",
               "一般隐患", "x",
               "",         "2026-10-30",
               "",         "",
               "",         "",
               "",         "",
               "",         "",
               "",         "",
               "",         "",
               "",         ""});
  auto refused = safety_.Call("POST", "/api/v1/hazards/import", csv);
  ASSERT_EQ(refused.status, 422) << refused.body;
  auto report = Json(refused);
  EXPECT_FALSE(report.at("applied").as_bool());
  EXPECT_EQ(report.at("failed").as_int64(), 1);
  ASSERT_EQ(report.at("errors").as_array().size(), 2u) << report;
  EXPECT_EQ(report.at("errors").at(0).at("row").as_int64(), 4);
  EXPECT_EQ(report.at("errors").at(0).at("column").as_string(), "学校");
  EXPECT_EQ(report.at("errors").at(1).at("column").as_string(), "隐患类别");
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/hazards")).at("total").as_int64(), 0);

  auto partial = safety_.Call("POST", "/api/v1/hazards/import?mode=partial", csv);
  ASSERT_EQ(partial.status, 200) << partial.body;
  EXPECT_EQ(Json(partial).at("created").as_int64(), 2);
  auto closed = Json(safety_.Call("GET", "/api/v1/hazards?state=closed"));
  ASSERT_EQ(closed.at("total").as_int64(), 1);
  EXPECT_EQ(closed.at("items").at(0).at("closed_at").as_string().subview(0, 10), "2026-10-25");
  auto open = Json(safety_.Call("GET", "/api/v1/hazards?state=reported"));
  ASSERT_EQ(open.at("total").as_int64(), 1);
  const auto& major = open.at("items").at(0);
  EXPECT_EQ(major.at("level").as_string(), "major");
  EXPECT_TRUE(major.at("supervised").as_bool());  // the major-hazard rule fired on import
  EXPECT_EQ(major.at("found_at").as_string().subview(0, 10), "2026-10-30");
  // Another school cannot import rows for this one.
  auto other = As("school2_safety").Call("POST", "/api/v1/hazards/import?mode=partial", csv);
  EXPECT_EQ(Json(other).at("created").as_int64(), 0);
  // The template is the export's header; a wrong header is refused naming the file.
  auto tpl = safety_.Call("GET", "/api/v1/hazards/import-template?format=csv");
  ASSERT_EQ(tpl.status, 200);
  EXPECT_EQ(office::ReadCsv(tpl.body)->at(0), office::TextRow(app::HazardLedgerColumns()));
  auto wrong = safety_.Call("POST", "/api/v1/hazards/import", "a,b,c\n1,2,3\n");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("\"file\""), std::string::npos);
}

// Every text that enters is UTF-8 without control characters: a file name, a query value, a
// JSON string or a path parameter that is not is refused naming it, so nothing stored can break
// an export or a backup.
TEST_P(HazardApiTest, TextThatIsNotStorableIsRefusedNamingTheField) {
  auto bad_name = safety_.Call("POST", "/api/v1/files?name=%FF.png", kPng);
  EXPECT_EQ(bad_name.status, 422) << bad_name.body;
  EXPECT_EQ(Json(bad_name).at("error").at("details").at(0).at("field").as_string(), "name");
  auto control_name = safety_.Call("POST", "/api/v1/files?name=a%1B.png", kPng);
  EXPECT_EQ(control_name.status, 422) << control_name.body;
  auto bad_query = safety_.Call("GET", "/api/v1/hazards?q=%C0%AF");
  EXPECT_EQ(bad_query.status, 422) << bad_query.body;
  EXPECT_EQ(Json(bad_query).at("error").at("details").at(0).at("field").as_string(), "q");
  auto bad_key = safety_.Call("GET", "/api/v1/hazards?%FF=1");
  EXPECT_EQ(bad_key.status, 422) << bad_key.body;
  EXPECT_NO_THROW(Json(bad_key));  // the answer itself is valid JSON
  // JSON escapes of NUL, ESC and DEL (raw control characters are not JSON at all: 400).
  for (const char* title : {R"(a\u0000b)", R"(a\u001b[31mb)", R"(a\u007fb)"}) {
    auto r = safety_.Call("POST", "/api/v1/hazards",
                          std::string(R"({"school_id":)") + std::to_string(school_) +
                              R"(,"domain":"fire","title":")" + title + R"("})");
    EXPECT_EQ(r.status, 422) << title << ": " << r.body;
    EXPECT_EQ(Json(r).at("error").at("details").at(0).at("field").as_string(), "title") << title;
  }
  // Tab and line breaks stay allowed in free text.
  auto multiline = Report(safety_, {{"description", "第一行\n第二行\t备注"}});
  EXPECT_EQ(multiline.at("description").as_string(), "第一行\n第二行\t备注");
  EXPECT_EQ(safety_.Call("GET", "/api/v1/files/%FF").status, 404);
  // Nothing refused was stored: the ledger exports as a valid workbook.
  auto xlsx = safety_.Call("GET", "/api/v1/hazards/export");
  ASSERT_EQ(xlsx.status, 200);
  auto rows = office::ReadXlsx(xlsx.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(rows->size(), 2u);
}

// Exports write dates as date cells; a ledger opened and saved again by spreadsheet programs
// (openpyxl as .xlsx, xlwt as Excel 97-2003 .xls) imports back with the same values.
TEST_P(HazardApiTest, AnExportedLedgerResavedElsewhereImportsBackUnchanged) {
  const std::string school_name = SchoolName();
  std::string csv = line(app::HazardLedgerColumns());
  csv += line({"1",          school_name,  "学生食堂",   "消防安全", "一般隐患", "灭火器过期",
               "压力不足",   "2026-10-20", "王老师",     "学校自查", "张老师",   "",
               "2026-10-27", "",           "",           "",         "",         "已销号",
               "否",         "0",          "2026-10-25", ""});
  csv += line({"2",          school_name,
               "锅炉房",     "gas",
               "重大隐患",   "燃气管道锈蚀",
               "",           "2026/10/30",
               "",           "教育局检查",
               "李校长",     "",
               "2026-11-30", "停用",
               "更换管道",   "2万元",
               "应急预案",   "整改中",
               "是",         "0",
               "",           ""});
  ASSERT_EQ(safety_.Call("POST", "/api/v1/hazards/import", csv).status, 200);

  auto exported = safety_.Call("GET", "/api/v1/hazards/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  auto original = office::ReadXlsx(exported.body);
  ASSERT_TRUE(original.ok()) << original.error().message;
  ASSERT_EQ(original->size(), 3u);
  // 发现时间, 整改期限 and 销号时间 are date cells, as a spreadsheet program expects them.
  const auto& closed_row =
      original->at(1).at(5).text == "灭火器过期" ? original->at(1) : original->at(2);
  EXPECT_EQ(closed_row.at(7), office::Cell::Date("2026-10-20"));
  EXPECT_EQ(closed_row.at(12), office::Cell::Date("2026-10-27"));
  EXPECT_EQ(closed_row.at(20), office::Cell::Date("2026-10-25"));
  EXPECT_EQ(closed_row.at(19).type, office::Cell::Type::kNumber);

  char pattern[] = "/tmp/xiaoan-resave-XXXXXX";
  const std::string dir = ::mkdtemp(pattern);
  {
    std::ofstream out(dir + "/export.xlsx", std::ios::binary);
    out << exported.body;
  }
  // The ledger rows without 序号 (which numbers the export), by title.
  auto rows_by_title = [](const std::vector<office::Row>& rows) {
    std::map<std::string, std::vector<office::Row>> by_title;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      office::Row r = rows[i];
      r.erase(r.begin());
      by_title[r.at(4).text].push_back(r);
    }
    return by_title;
  };
  int round = 1;
  for (const char* resaved : {"resaved.xlsx", "resaved.xls"}) {
    const std::string cmd = "/usr/bin/python3 " XIAOAN_SOURCE_DIR
                            "/tests/fixtures/spreadsheets.py resave " +
                            dir + "/export.xlsx " + dir + "/" + resaved;
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream in(dir + "/" + resaved, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto imported = safety_.Call("POST", "/api/v1/hazards/import", bytes);
    ASSERT_EQ(imported.status, 200) << resaved << ": " << imported.body;
    EXPECT_EQ(Json(imported).at("created").as_int64(), 2) << resaved;
    ++round;
    auto again = office::ReadXlsx(safety_.Call("GET", "/api/v1/hazards/export").body);
    ASSERT_TRUE(again.ok());
    ASSERT_EQ(again->size(), 1u + 2u * round);
    for (const auto& [title, rows] : rows_by_title(*again)) {
      ASSERT_EQ(rows.size(), static_cast<std::size_t>(round)) << title;
      for (const auto& r : rows) EXPECT_EQ(r, rows.front()) << resaved << " " << title;
    }
  }
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Stores, HazardApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
