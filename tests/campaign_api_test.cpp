// An inspection campaign over real HTTP on both stores, for a dozen schools end to end: the
// bureau deploys it with its own checklist, the schools self-inspect (one failure with a photo,
// one school late, one never done), an inspection team and the bureau inspect (an item a school
// passed fails: 自查未发现, escalated by hazard.missed), feedback and a reply, the school's own
// hazard rectified through the signed close-out, the progress board, and the evaluation whose
// scores match the hand computation written below; scope (a school sees only its own, an
// inspector only the schools of its team), permissions, errors naming the field, and closing.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <tuple>

#include "core/clock.hpp"
#include "core/password.hpp"
#include "domain/auth/auth.hpp"
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

const std::string kPassword = "Campaign#Test2026";

class CampaignApiTest : public ::testing::TestWithParam<std::string> {
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
    bureau_ = As("safety_office");
    ASSERT_FALSE(bureau_.cookie.empty());
    // Twelve schools with a canteen: the two with demo accounts first.
    for (const char* user : {"school1_safety", "school2_safety"}) {
      const auto me = Json(As(user).Call("GET", "/api/v1/auth/me"));
      schools_.push_back(me.at("unit").at("id").as_int64());
      users_.push_back(user);
    }
    auto list = bureau_.Call("GET", "/api/v1/schools?page_size=100");
    ASSERT_EQ(list.status, 200) << list.body;
    const auto listed = Json(list);
    for (const auto& item : listed.at("items").as_array()) {
      if (schools_.size() == 12) break;
      const auto id = item.at("id").as_int64();
      if (std::find(schools_.begin(), schools_.end(), id) != schools_.end()) continue;
      if (Canteen(id) == 0) continue;
      const std::string user = "c" + std::to_string(schools_.size() + 1) + "_safety";
      ASSERT_TRUE(AddSafetyOfficer(user, id));
      schools_.push_back(id);
      users_.push_back(user);
    }
    ASSERT_EQ(schools_.size(), 12u);
    for (const auto id : schools_) canteens_.push_back(Canteen(id));
    ASSERT_NE(canteens_[0], 0);
    template_ = CreateTemplate();
    ASSERT_NE(template_, 0);
  }

  WebSession As(const std::string& user) {
    const auto it = passwords_.find(user);
    return testing::LoginAs(port_, user, it == passwords_.end() ? kPassword : it->second);
  }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  static std::string FirstField(const HttpReply& r) {
    const auto v = json::parse(r.body);
    const auto& details = v.at("error").at("details").as_array();
    return details.empty() ? "" : std::string(details[0].at("field").as_string());
  }
  std::string Pw(const std::string& user) {
    const auto it = passwords_.find(user);
    return it == passwords_.end() ? kPassword : it->second;
  }

  std::int64_t Canteen(std::int64_t school) {
    auto r = bureau_.Call("GET", "/api/v1/schools/" + std::to_string(school));
    EXPECT_EQ(r.status, 200) << r.body;
    const auto found = Json(r);
    for (const auto& p : found.at("key_places").as_array()) {
      if (p.at("kind") == "canteen") return p.at("id").as_int64();
    }
    return 0;
  }

  // A safety officer of a school who may sign in at once (what an administrator sets up).
  bool AddSafetyOfficer(const std::string& username, std::int64_t school) {
    return AddUser(username, school, "school_safety_officer");
  }
  bool AddUser(const std::string& username, std::int64_t unit, const std::string& role_code) {
    const auto now = FormatInstant(clock_.Now());
    auto done = store_->Write([&](domain::Tx& tx) -> Status {
      XA_ASSIGN_OR_RETURN(auto roles, tx.users().ListRoles());
      std::int64_t role = 0;
      for (const auto& r : roles) {
        if (r.code == role_code) role = r.id;
      }
      domain::User u;
      u.unit_id = unit;
      u.username = username;
      u.display_name = "安全干部";
      u.password_hash = HashPassword(kPassword);
      u.must_change_password = false;
      u.created_at = u.updated_at = u.password_changed_at = now;
      XA_TRY(tx.users().Insert(u));
      return tx.users().SetRoles(u.id, {role});
    });
    EXPECT_TRUE(done.ok()) << done.error().message;
    return done.ok();
  }

  // The bureau's own checklist: two whole-school items and two at the canteen.
  std::int64_t CreateTemplate() {
    json::object body{
        {"code", "campaign.autumn"},
        {"name", "秋季校园安全专项检查表"},
        {"items", json::array{json::object{{"key", "G01"},
                                           {"text", "上下学时段校门口有人值守，人车分流"},
                                           {"domain", "traffic"},
                                           {"place_kind", nullptr}},
                              json::object{{"key", "G02"},
                                           {"text", "消防车通道畅通无占用"},
                                           {"domain", "fire"},
                                           {"place_kind", nullptr}},
                              json::object{{"key", "K01"},
                                           {"text", "后厨灭火器、灭火毯配置到位"},
                                           {"domain", "fire"},
                                           {"place_kind", "canteen"}},
                              json::object{{"key", "K02"},
                                           {"text", "燃气泄漏报警装置完好有效"},
                                           {"domain", "gas"},
                                           {"place_kind", "canteen"}}}}};
    auto r = bureau_.Call("POST", "/api/v1/checklist-templates", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  json::object Campaign() {
    json::array ids;
    for (const auto id : schools_) ids.emplace_back(id);
    return {{"name", "2026年秋季校园安全专项行动"},
            {"domains", json::array{"fire", "gas", "traffic"}},
            {"template_ids", json::array{template_}},
            {"description", "消防、燃气和校门口交通安全，学校自查、教育局督导检查。"},
            {"targets", json::object{{"school_ids", std::move(ids)}}},
            {"self_from", "2026-11-02"},
            {"self_to", "2026-11-13"},
            {"inspect_from", "2026-11-16"},
            {"inspect_to", "2026-11-27"}};
  }

  static json::array Answers(const std::vector<std::string>& keys,
                             const std::map<std::string, json::object>& special = {}) {
    json::array out;
    for (const auto& key : keys) {
      const auto it = special.find(key);
      out.push_back(it != special.end() ? it->second
                                        : json::object{{"item_key", key}, {"value", "pass"}});
    }
    return out;
  }
  HttpReply Sheet(const WebSession& s, std::int64_t school_index, bool canteen,
                  const json::array& answers, const std::string& kind = "self") {
    json::object body{{"school_id", schools_[school_index]},
                      {"kind", kind},
                      {"template_id", template_},
                      {"answers", answers}};
    if (canteen) body["key_place_id"] = canteens_[school_index];
    return s.Call("POST", Path("/sheets"), json::serialize(body));
  }
  // Both sheets of a school, every item passed, then submitted.
  void SelfInspectClean(std::size_t i) {
    auto s = As(users_[i]);
    ASSERT_FALSE(s.cookie.empty()) << users_[i];
    auto r = Sheet(s, i, false, Answers({"G01", "G02"}));
    ASSERT_EQ(r.status, 201) << r.body;
    r = Sheet(s, i, true, Answers({"K01", "K02"}));
    ASSERT_EQ(r.status, 201) << r.body;
    r = s.Call("POST", Path("/schools/" + std::to_string(schools_[i]) + "/submit"));
    ASSERT_EQ(r.status, 200) << r.body;
  }
  // Time passes: the sessions left idle have ended; the bureau signs in again.
  void Later(Instant t) {
    clock_.Set(t);
    bureau_ = As("safety_office");
  }
  std::string Path(const std::string& rest = "") const {
    return "/api/v1/campaigns/" + std::to_string(campaign_) + rest;
  }
  HttpReply Step(const WebSession& s, std::int64_t id, const std::string& user, json::object body) {
    body["password"] = Pw(user);
    return s.Call("POST", "/api/v1/hazards/" + std::to_string(id) + "/transitions",
                  json::serialize(body));
  }
  std::vector<std::string> Escalations(std::int64_t hazard) {
    auto r = bureau_.Call("GET", "/api/v1/hazards/" + std::to_string(hazard));
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    if (r.status != 200) return out;
    const auto hazard = Json(r);
    for (const auto& e : hazard.at("escalations").as_array()) {
      out.emplace_back(e.at("rule").as_string());
    }
    return out;
  }

  FixedClock clock_{At("2026-11-02T02:00:00Z")};  // Monday 10:00 in China
  testing::TempDir files_;
  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<app::Services> services_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  WebSession bureau_;
  std::vector<std::int64_t> schools_;
  std::vector<std::string> users_;
  std::vector<std::int64_t> canteens_;
  std::int64_t template_ = 0;
  std::int64_t campaign_ = 0;
};

TEST_P(CampaignApiTest, ADozenSchoolsFromDeploymentToEvaluation) {
  // ---- Deploy (Monday 2 November) ------------------------------------------------------------
  auto r = bureau_.Call("POST", "/api/v1/campaigns", json::serialize(Campaign()));
  ASSERT_EQ(r.status, 201) << r.body;
  auto c = Json(r);
  campaign_ = c.at("id").as_int64();
  EXPECT_EQ(c.at("school_count").as_int64(), 12);
  EXPECT_EQ(c.at("state"), "open");
  EXPECT_EQ(c.at("weights").at("completion").as_int64(), 30);
  EXPECT_TRUE(c.at("roles").at("manage").as_bool());
  EXPECT_EQ(c.at("templates").at(0).at("name"), "秋季校园安全专项检查表");

  // The schools are told; a school sees the campaign, its own entry and nobody else's.
  auto s1 = As(users_[0]);
  auto notes = Json(s1.Call("GET", "/api/v1/notifications?unread=true"));
  ASSERT_GE(notes.at("unread").as_int64(), 1) << notes;
  EXPECT_EQ(notes.at("items").at(0).at("kind"), "campaign_deployed");
  auto mine = Json(s1.Call("GET", "/api/v1/campaigns"));
  ASSERT_EQ(mine.at("total").as_int64(), 1);
  EXPECT_EQ(Json(s1.Call("GET", Path())).at("roles").at("fill").as_bool(), true);
  auto own = Json(s1.Call("GET", Path("/schools")));
  ASSERT_EQ(own.at("total").as_int64(), 1);
  EXPECT_EQ(own.at("items").at(0).at("school_id").as_int64(), schools_[0]);
  EXPECT_EQ(s1.Call("GET", Path("/schools/" + std::to_string(schools_[1]))).status, 404);
  EXPECT_EQ(s1.Call("GET", Path("/board")).status, 403);
  EXPECT_EQ(s1.Call("GET", Path("/evaluation")).status, 403);
  auto view = Json(s1.Call("GET", Path("/schools/" + std::to_string(schools_[0]))));
  ASSERT_EQ(view.at("due").as_array().size(), 2u);  // the canteen and the whole school
  EXPECT_TRUE(view.at("can_fill").as_bool());
  EXPECT_FALSE(view.at("can_inspect").as_bool());

  // ---- Self-inspection (Thursday 5 November) -------------------------------------------------
  Later(At("2026-11-05T03:00:00Z"));
  s1 = As(users_[0]);
  // Submitting before every due sheet is filled names what is left.
  r = s1.Call("POST", Path("/schools/" + std::to_string(schools_[0]) + "/submit"));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(FirstField(r), "campaign.sheets_missing");
  EXPECT_NE(r.body.find("全校"), std::string::npos);
  // Errors name the field: an item left out, a bad value, a place the checklist has no items for.
  r = Sheet(s1, 0, true, Answers({"K01"}));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "answers");
  r = Sheet(s1, 0, true,
            Answers({"K01", "K02"}, {{"K02", {{"item_key", "K02"}, {"value", "ok"}}}}));
  EXPECT_EQ(FirstField(r), "answers[1].value");
  json::object bad_place{{"school_id", schools_[0]},
                         {"template_id", template_},
                         {"key_place_id", canteens_[1]},
                         {"answers", Answers({"K01", "K02"})}};
  r = s1.Call("POST", Path("/sheets"), json::serialize(bad_place));
  EXPECT_EQ(FirstField(r), "key_place_id");
  // A school fills only its own.
  r = Sheet(s1, 1, false, Answers({"G01", "G02"}));
  EXPECT_EQ(r.status, 404);

  // School 1: the canteen's extinguishers are missing (with a photo), the rest sound.
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, '\x05');
  auto up = s1.Call("POST", "/api/v1/files?name=canteen.png", png);
  ASSERT_EQ(up.status, 201) << up.body;
  const auto photo = Json(up).at("id").as_int64();
  r = Sheet(s1, 0, true,
            Answers({"K01", "K02"}, {{"K01",
                                      {{"item_key", "K01"},
                                       {"value", "fail"},
                                       {"note", "后厨缺少灭火毯"},
                                       {"file_ids", json::array{photo}}}}}));
  ASSERT_EQ(r.status, 201) << r.body;
  auto sheet = Json(r);
  EXPECT_EQ(sheet.at("kind"), "self");
  EXPECT_EQ(sheet.at("failed").as_int64(), 1);
  ASSERT_EQ(sheet.at("files").as_array().size(), 1u);
  const auto self_hazard = sheet.at("answers").at(0).at("hazard_id").as_int64();
  EXPECT_TRUE(sheet.at("answers").at(1).at("hazard_id").is_null());
  auto h = Json(bureau_.Call("GET", "/api/v1/hazards/" + std::to_string(self_hazard)));
  EXPECT_EQ(h.at("source"), "self_inspection");
  EXPECT_EQ(h.at("campaign_id").as_int64(), campaign_);
  EXPECT_EQ(h.at("key_place_id").as_int64(), canteens_[0]);
  EXPECT_EQ(h.at("domain"), "fire");
  EXPECT_EQ(h.at("files").as_array().size(), 1u);  // a copy of the photo
  // The same place's sheet twice is refused.
  r = Sheet(s1, 0, true, Answers({"K01", "K02"}));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(FirstField(r), "campaign.sheet_filled");
  r = Sheet(s1, 0, false, Answers({"G01", "G02"}));
  ASSERT_EQ(r.status, 201) << r.body;
  r = s1.Call("POST", Path("/schools/" + std::to_string(schools_[0]) + "/submit"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("state"), "submitted");
  r = Sheet(s1, 0, false, Answers({"G01", "G02"}));
  EXPECT_EQ(FirstField(r), "campaign.submitted");

  // Schools 3 to 10 find everything sound and submit on time; school 11 fills only the whole
  // school; school 12 does nothing.
  for (std::size_t i = 2; i < 10; ++i) SelfInspectClean(i);
  {
    auto s11 = As(users_[10]);
    r = Sheet(s11, 10, false, Answers({"G01", "G02"}));
    ASSERT_EQ(r.status, 201) << r.body;
  }
  // School 2 submits a day late (Saturday 14 November, 09:00 in China).
  Later(At("2026-11-14T01:00:00Z"));
  s1 = As(users_[0]);
  SelfInspectClean(1);

  // ---- Teams and inspection (Tuesday 17 November) ---------------------------------------------
  // Inspection is not open before its window.
  r = bureau_.Call("POST", Path("/teams"),
                   R"({"name":"第一督导组","kind":"bureau","members":["inspector","nobody"]})");
  EXPECT_EQ(FirstField(r), "members[1]");
  r = bureau_.Call("POST", Path("/teams"),
                   R"({"name":"第一督导组","kind":"bureau","members":["inspector"]})");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto team = Json(r).at("id").as_int64();
  json::array first_six;
  for (std::size_t i = 0; i < 6; ++i) first_six.emplace_back(schools_[i]);
  r = bureau_.Call("POST", Path("/assignments"),
                   json::serialize(json::object{{"school_ids", first_six}, {"team_id", team}}));
  ASSERT_EQ(r.status, 200) << r.body;
  auto inspector = As("inspector");
  r = Sheet(inspector, 0, true, Answers({"K01", "K02"}), "inspection");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(FirstField(r), "campaign.inspection_not_open");
  Later(At("2026-11-17T02:00:00Z"));
  s1 = As(users_[0]);
  inspector = As("inspector");

  // The inspector sees the campaign and the six schools of the team, no other.
  auto listed = Json(inspector.Call("GET", "/api/v1/campaigns"));
  EXPECT_EQ(listed.at("total").as_int64(), 1);
  auto assigned = Json(inspector.Call("GET", Path("/schools")));
  EXPECT_EQ(assigned.at("total").as_int64(), 6);
  EXPECT_EQ(inspector.Call("GET", Path("/schools/" + std::to_string(schools_[6]))).status, 404);
  EXPECT_EQ(Sheet(inspector, 6, false, Answers({"G01", "G02"}), "inspection").status, 404);
  EXPECT_EQ(inspector.Call("GET", Path("/board")).status, 403);

  // School 1's canteen: the extinguishers still missing, and the gas alarm — which the school
  // passed — is broken: 自查未发现, escalated by hazard.missed.
  r = Sheet(inspector, 0, true,
            Answers({"K01", "K02"},
                    {{"K01", {{"item_key", "K01"}, {"value", "fail"}}},
                     {"K02", {{"item_key", "K02"}, {"value", "fail"}, {"note", "报警器无电源"}}}}),
            "inspection");
  ASSERT_EQ(r.status, 201) << r.body;
  sheet = Json(r);
  EXPECT_EQ(sheet.at("kind"), "bureau");
  EXPECT_EQ(sheet.at("team_id").as_int64(), team);
  EXPECT_EQ(sheet.at("missed"), (json::array{"K02"}));
  const auto found_again = sheet.at("answers").at(0).at("hazard_id").as_int64();
  const auto missed_hazard = sheet.at("answers").at(1).at("hazard_id").as_int64();
  h = Json(bureau_.Call("GET", "/api/v1/hazards/" + std::to_string(missed_hazard)));
  EXPECT_EQ(h.at("source"), "bureau_inspection");
  EXPECT_EQ(h.at("domain"), "gas");
  EXPECT_NE(std::string(h.at("description").as_string()).find("自查未发现"), std::string::npos);
  EXPECT_NE(std::string(h.at("description").as_string()).find("检查结果：不合格"),
            std::string::npos)
      << h.at("description");
  const auto missed_rules = Escalations(missed_hazard);
  EXPECT_NE(std::find(missed_rules.begin(), missed_rules.end(), "hazard.missed"),
            missed_rules.end());
  // The extinguishers the school did report: found again, not missed.
  const auto again_rules = Escalations(found_again);
  EXPECT_EQ(std::find(again_rules.begin(), again_rules.end(), "hazard.missed"), again_rules.end());
  // School 2, by the team: sound.
  r = Sheet(inspector, 1, true, Answers({"K01", "K02"}), "inspection");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(Json(r).at("missed").as_array().empty());
  // School 7, by the bureau itself: the fire lane the school passed is blocked.
  r = Sheet(bureau_, 6, false,
            Answers({"G01", "G02"}, {{"G02", {{"item_key", "G02"}, {"value", "fail"}}}}),
            "inspection");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("missed"), (json::array{"G02"}));
  const auto lane = Json(r).at("answers").at(1).at("hazard_id").as_int64();
  const auto lane_rules = Escalations(lane);
  EXPECT_NE(std::find(lane_rules.begin(), lane_rules.end(), "hazard.missed"), lane_rules.end());
  // A school does not inspect.
  EXPECT_EQ(Sheet(s1, 0, true, Answers({"K01", "K02"}), "inspection").status, 403);

  // ---- The progress board ----------------------------------------------------------------------
  r = bureau_.Call("GET", Path("/board"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto board = Json(r);
  EXPECT_EQ(board.at("schools").as_int64(), 12);
  EXPECT_EQ(board.at("by_state").at("submitted").as_int64(), 10);
  EXPECT_EQ(board.at("by_state").at("in_progress").as_int64(), 1);
  EXPECT_EQ(board.at("by_state").at("not_started").as_int64(), 1);
  EXPECT_EQ(board.at("hazards_open").as_int64(), 4);
  EXPECT_EQ(board.at("hazards_closed").as_int64(), 0);
  EXPECT_EQ(board.at("missed").as_int64(), 2);
  std::map<std::string, std::int64_t> failed;
  for (const auto& f : board.at("failed").as_array()) {
    failed[std::string(f.at("domain").as_string()) + "@" +
           std::string(f.at("place_kind").as_string())] = f.at("items").as_int64();
  }
  EXPECT_EQ(failed, (std::map<std::string, std::int64_t>{
                        {"fire@canteen", 2}, {"gas@canteen", 1}, {"fire@", 1}}));

  // ---- Feedback and reply -----------------------------------------------------------------------
  r = bureau_.Call(
      "POST", Path("/messages"),
      json::serialize(json::object{{"school_id", schools_[0]},
                                   {"text", "食堂燃气报警器失效，自查未发现，请立即整改并回复。"},
                                   {"deadline", "2026-11-24"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  r = s1.Call("POST", Path("/messages"),
              json::serialize(json::object{{"school_id", schools_[0]},
                                           {"kind", "reply"},
                                           {"text", "已更换报警器电源，灭火毯已配齐。"},
                                           {"deadline", "2026-11-25"}}));
  EXPECT_EQ(FirstField(r), "deadline");  // a reply has no deadline
  r = s1.Call("POST", Path("/messages"),
              json::serialize(json::object{{"school_id", schools_[0]},
                                           {"kind", "reply"},
                                           {"text", "已更换报警器电源，灭火毯已配齐。"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(s1.Call("POST", Path("/messages"),
                    json::serialize(json::object{{"school_id", schools_[0]}, {"text", "自己反馈"}}))
                .status,
            403);  // a school sends no feedback
  EXPECT_EQ(
      inspector
          .Call("POST", Path("/messages"),
                json::serialize(json::object{{"school_id", schools_[6]}, {"text", "不是本组"}}))
          .status,
      404);
  view = Json(s1.Call("GET", Path("/schools/" + std::to_string(schools_[0]))));
  ASSERT_EQ(view.at("messages").as_array().size(), 2u);
  EXPECT_EQ(view.at("messages").at(0).at("deadline"), "2026-11-24");
  EXPECT_EQ(view.at("messages").at(1).at("kind"), "reply");
  EXPECT_EQ(view.at("sheets").as_array().size(), 3u);  // its two and the team's
  EXPECT_FALSE(view.at("can_fill").as_bool());         // submitted
  EXPECT_TRUE(view.at("can_reply").as_bool());

  // ---- Rectify: the school's own hazard closed through the signed close-out by its deadline ----
  auto leader = As("school1_leader");
  auto teacher = As("school1_teacher");
  auto step = [&](WebSession& s, const std::string& user, json::object body) {
    auto x = Step(s, self_hazard, user, std::move(body));
    EXPECT_EQ(x.status, 200) << user << ": " << x.body;
  };
  step(s1, users_[0],
       {{"action", "assign"}, {"owner", "school1_teacher"}, {"deadline", "2026-11-19"}});
  step(teacher, "school1_teacher", {{"action", "start_rectifying"}});
  auto evidence = teacher.Call("POST", "/api/v1/files?name=fixed.png", png);
  ASSERT_EQ(evidence.status, 201) << evidence.body;
  step(teacher, "school1_teacher",
       {{"action", "submit"}, {"file_ids", json::array{Json(evidence).at("id")}}});
  step(s1, users_[0], {{"action", "approve"}});
  Later(At("2026-11-19T08:00:00Z"));  // 16:00 on the deadline day
  leader = As("school1_leader");
  step(leader, "school1_leader", {{"action", "close"}});

  // ---- Evaluation (Friday 20 November) ---------------------------------------------------------
  Later(At("2026-11-20T02:00:00Z"));
  s1 = As(users_[0]);
  r = bureau_.Call("GET", Path("/evaluation"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto eval = Json(r);
  std::map<std::int64_t, json::object> by_school;
  for (const auto& sc : eval.at("scores").as_array()) {
    by_school[sc.at("school_id").as_int64()] = sc.as_object();
  }
  ASSERT_EQ(by_school.size(), 12u);
  // Hand computation with the default weights 30 / 20 / 20 / 20 / 10:
  // School 1: on time 30; 3 hazards (its own, the team's two), 1 its own → 20 × 1/3 = 6.7;
  //   1 missed item → 20 × (1 − 1/3) = 13.3; 1 of 3 closed on time → 6.7; 1 of 3 closed → 3.3.
  //   Total 60.0.
  const auto& one = by_school.at(schools_[0]);
  EXPECT_DOUBLE_EQ(one.at("completion").as_double(), 30);
  EXPECT_DOUBLE_EQ(one.at("self_found").as_double(), 6.7);
  EXPECT_DOUBLE_EQ(one.at("no_missed").as_double(), 13.3);
  EXPECT_DOUBLE_EQ(one.at("rectified").as_double(), 6.7);
  EXPECT_DOUBLE_EQ(one.at("closed").as_double(), 3.3);
  EXPECT_DOUBLE_EQ(one.at("total").as_double(), 60);
  EXPECT_EQ(one.at("hazards").as_int64(), 3);
  EXPECT_EQ(one.at("open").as_int64(), 2);
  // School 2: late → 15; nothing found → the other parts whole: 85.
  EXPECT_DOUBLE_EQ(by_school.at(schools_[1]).at("total").as_double(), 85);
  EXPECT_DOUBLE_EQ(by_school.at(schools_[1]).at("completion").as_double(), 15);
  // Schools 3–6 and 8–10: 100, ranked first together.
  for (std::size_t i : {2, 3, 4, 5, 7, 8, 9}) {
    EXPECT_DOUBLE_EQ(by_school.at(schools_[i]).at("total").as_double(), 100) << i;
    EXPECT_EQ(by_school.at(schools_[i]).at("rank").as_int64(), 1) << i;
  }
  // School 7: on time 30; its one hazard the bureau's → 0; 1 missed → 13.3; open → 0 and 0.
  EXPECT_DOUBLE_EQ(by_school.at(schools_[6]).at("total").as_double(), 43.3);
  // Schools 11 and 12: not submitted → 0; no hazards → 70, sharing rank 9.
  EXPECT_DOUBLE_EQ(by_school.at(schools_[10]).at("total").as_double(), 70);
  EXPECT_DOUBLE_EQ(by_school.at(schools_[11]).at("total").as_double(), 70);
  EXPECT_EQ(by_school.at(schools_[10]).at("rank").as_int64(), 9);
  EXPECT_EQ(by_school.at(schools_[11]).at("rank").as_int64(), 9);
  EXPECT_EQ(by_school.at(schools_[1]).at("rank").as_int64(), 8);
  EXPECT_EQ(one.at("rank").as_int64(), 11);
  EXPECT_EQ(by_school.at(schools_[6]).at("rank").as_int64(), 12);
  EXPECT_EQ(eval.at("ranked").as_int64(), 12);

  // Each school sees its own score and rank among the twelve, nobody else's.
  const auto own_path = [&](std::size_t i) {
    return Path("/schools/" + std::to_string(schools_[i]) + "/evaluation");
  };
  auto s7 = As(users_[6]);
  r = s7.Call("GET", own_path(6));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto own_eval = Json(r);
  EXPECT_EQ(own_eval.at("ranked").as_int64(), 12);
  ASSERT_EQ(own_eval.at("scores").as_array().size(), 1u);
  EXPECT_EQ(own_eval.at("scores").at(0).at("school_id").as_int64(), schools_[6]);
  EXPECT_DOUBLE_EQ(own_eval.at("scores").at(0).at("total").as_double(), 43.3);
  EXPECT_EQ(own_eval.at("scores").at(0).at("rank").as_int64(), 12);
  EXPECT_EQ(own_eval.at("weights").at("completion").as_int64(), 30);
  EXPECT_EQ(s7.Call("GET", own_path(0)).status, 404);
  r = bureau_.Call("GET", own_path(10));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("scores").at(0).at("rank").as_int64(), 9);

  // The evaluation sheet opens, ranked.
  r = bureau_.Call("GET", Path("/evaluation/export"));
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 13u);
  EXPECT_EQ((*rows)[0][1].text, "学校");
  EXPECT_EQ((*rows)[12][2].text, "43.3");
  EXPECT_EQ(s1.Call("GET", Path("/evaluation/export")).status, 403);

  // ---- Typical problems and the briefing -----------------------------------------------------
  r = bureau_.Call("GET", Path("/hazards"));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto campaign_hazards = Json(r);
  std::int64_t with_photo = 0;
  std::int64_t other = 0;
  for (const auto& h : campaign_hazards.at("items").as_array()) {
    EXPECT_TRUE(h.at("typical").is_null());
    EXPECT_EQ(h.at("hazard").at("campaign_id").as_int64(), campaign_);
    const auto id = h.at("hazard").at("id").as_int64();
    if (with_photo == 0 && !h.at("photos").as_array().empty()) {
      with_photo = id;
    } else if (other == 0 && h.at("photos").as_array().empty()) {
      other = id;
    }
  }
  ASSERT_NE(with_photo, 0) << campaign_hazards;
  ASSERT_NE(other, 0) << campaign_hazards;
  const auto typical = [&](std::int64_t id) { return Path("/typical/" + std::to_string(id)); };
  // A school neither lists nor marks; the note has a limit; a hazard of no campaign is refused.
  EXPECT_EQ(s1.Call("GET", Path("/hazards")).status, 403);
  EXPECT_EQ(s1.Call("PUT", typical(with_photo), "{}").status, 403);
  std::string long_note;
  for (int i = 0; i < 501; ++i) long_note += "问";
  EXPECT_EQ(FirstField(bureau_.Call("PUT", typical(with_photo),
                                    json::serialize(json::object{{"note", long_note}}))),
            "note");
  r = s1.Call("POST", "/api/v1/hazards",
              json::serialize(json::object{{"school_id", schools_[0]},
                                           {"domain", "electrical"},
                                           {"level", "general"},
                                           {"title", "配电箱未上锁"},
                                           {"source", "self_inspection"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto outside = Json(r).at("id").as_int64();
  EXPECT_EQ(FirstField(bureau_.Call("PUT", typical(outside), "{}")), "hazard_id");
  // Marked, marked again with another note (replaced), and one more without a note.
  r = bureau_.Call("PUT", typical(with_photo), R"({"note":"食堂后厨灭火器缺失"})");
  ASSERT_EQ(r.status, 200) << r.body;
  r = bureau_.Call("PUT", typical(with_photo),
                   R"({"note":"食堂后厨灭火器缺失，已在视频会上通报"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("typical").at("note"), "食堂后厨灭火器缺失，已在视频会上通报");
  // The answer is the marked hazard itself, with its photos.
  EXPECT_EQ(Json(r).at("hazard").at("id").as_int64(), with_photo);
  EXPECT_EQ(Json(r).at("photos").as_array().size(), 2u) << r.body;
  ASSERT_EQ(bureau_.Call("PUT", typical(other), "{}").status, 200);
  r = bureau_.Call("GET", Path("/hazards?typical=true"));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto briefing = Json(r);
  const auto& lines = briefing.at("items").as_array();
  ASSERT_EQ(lines.size(), 2u);
  // In the briefing's order: major first, then by school name, then the earliest found.
  const auto key = [](const json::value& line) {
    const auto& h = line.at("hazard");
    return std::make_tuple(h.at("level") != "major", std::string(h.at("school_name").as_string()),
                           std::string(h.at("found_at").as_string()), h.at("id").as_int64());
  };
  EXPECT_LT(key(lines[0]), key(lines[1]));
  const auto& photo_line =
      lines[0].at("hazard").at("id").as_int64() == with_photo ? lines[0] : lines[1];
  ASSERT_EQ(photo_line.at("hazard").at("id").as_int64(), with_photo);
  // The photo of the failed item, and the one the school's rectification was signed with.
  std::string photo_names;
  for (const auto& f : photo_line.at("photos").as_array()) {
    EXPECT_EQ(f.at("content_type"), "image/png");
    photo_names += (photo_names.empty() ? "" : "、") + std::string(f.at("name").as_string());
  }
  EXPECT_EQ(photo_line.at("photos").as_array().size(), 2u) << photo_names;
  // The briefing sheet opens with both, the note and the photo's name.
  r = bureau_.Call("GET", Path("/briefing/export"));
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 200);
  rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0][3].text, "问题");
  // A row ends at its last cell with text: the line without a note or photo is shorter.
  const auto cell = [&](std::size_t row, std::size_t col) {
    return col < (*rows)[row].size() ? (*rows)[row][col].text : std::string();
  };
  bool noted = false;
  for (std::size_t i = 1; i < rows->size(); ++i) {
    if (cell(i, 9) != "食堂后厨灭火器缺失，已在视频会上通报") continue;
    noted = true;
    EXPECT_EQ(cell(i, 1), photo_line.at("hazard").at("school_name").as_string());
    EXPECT_EQ(cell(i, 10), photo_names);
  }
  EXPECT_TRUE(noted);
  EXPECT_EQ(s1.Call("GET", Path("/briefing/export")).status, 403);
  // Unmarked: gone from the briefing; unmarking again is not found.
  EXPECT_EQ(bureau_.Call("DELETE", typical(other)).status, 204);
  EXPECT_EQ(bureau_.Call("DELETE", typical(other)).status, 404);
  EXPECT_EQ(Json(bureau_.Call("GET", Path("/hazards?typical=true"))).at("total").as_int64(), 1);

  // ---- Close
  // -------------------------------------------------------------------------------------
  EXPECT_EQ(FirstField(bureau_.Call("POST", Path("/close"), R"({"summary":""})")), "summary");
  EXPECT_EQ(As("inspector").Call("POST", Path("/close"), R"({"summary":"x"})").status, 403);
  r = bureau_.Call("POST", Path("/close"),
                   R"({"summary":"12 所学校参加，10 所按期提交，自查未发现 2 项，已通报。"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("state"), "closed");
  r = s1.Call("POST", Path("/messages"),
              json::serialize(
                  json::object{{"school_id", schools_[0]}, {"kind", "reply"}, {"text", "补充"}}));
  EXPECT_EQ(FirstField(r), "campaign.closed");
}

// A campaign of a bureau reaches the schools of a bureau below it (a city's campaign and a
// district's schools): that bureau lists and reads it, its board and its ranking for its own
// schools only, and changes nothing; a campaign without its schools stays hidden from it.
TEST_P(CampaignApiTest, ABureauBelowReadsACampaignThatReachesItsSchools) {
  std::int64_t below = 0;
  std::int64_t school = 0;
  const auto now = FormatInstant(clock_.Now());
  auto made = store_->Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto first, tx.org().FindUnit(schools_[0]));
    domain::Unit b;
    b.kind = "bureau";
    b.name = "示范区第二教育管理中心";
    b.region_code = first->region_code;
    b.parent_id = first->parent_id;
    b.created_at = b.updated_at = now;
    XA_TRY(tx.org().InsertUnit(b));
    below = b.id;
    domain::Unit u;
    u.kind = "school";
    u.name = "管理中心附属小学";
    u.code = "XC-S1";
    u.region_code = first->region_code;
    u.parent_id = b.id;
    u.created_at = u.updated_at = now;
    XA_TRY(tx.org().InsertUnit(u));
    school = u.id;
    domain::SchoolProfile p;
    p.stage = "primary";
    p.ownership = "public";
    p.location_type = "urban";
    p.students = 320;
    p.staff = 28;
    p.principal = "王校长";
    return tx.org().InsertSchoolProfile(u.id, p);
  });
  ASSERT_TRUE(made.ok()) << made.error().message;
  ASSERT_TRUE(AddUser("centre_office", below, "bureau_safety_office"));

  auto body = Campaign();
  body["targets"] = json::object{{"school_ids", json::array{schools_[0], schools_[1], school}}};
  auto r = bureau_.Call("POST", "/api/v1/campaigns", json::serialize(body));
  ASSERT_EQ(r.status, 201) << r.body;
  campaign_ = Json(r).at("id").as_int64();
  body = Campaign();
  body["name"] = "城区学校燃气专项检查";
  body["targets"] = json::object{{"school_ids", json::array{schools_[0]}}};
  r = bureau_.Call("POST", "/api/v1/campaigns", json::serialize(body));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto elsewhere = Json(r).at("id").as_int64();

  const auto centre = As("centre_office");
  ASSERT_FALSE(centre.cookie.empty());
  r = centre.Call("GET", "/api/v1/campaigns?page_size=100");
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<std::int64_t> listed;
  const auto page = Json(r);
  for (const auto& c : page.at("items").as_array()) listed.push_back(c.at("id").as_int64());
  EXPECT_EQ(listed, std::vector<std::int64_t>{campaign_});
  r = centre.Call("GET", Path());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(Json(r).at("roles").at("manage").as_bool());
  EXPECT_EQ(centre.Call("GET", "/api/v1/campaigns/" + std::to_string(elsewhere)).status, 404);
  // Its own school only, on the list, the board and in the ranking among all three.
  r = centre.Call("GET", Path("/schools"));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(Json(r).at("items").as_array().size(), 1u) << r.body;
  EXPECT_EQ(Json(r).at("items").as_array()[0].at("school_id").as_int64(), school);
  EXPECT_EQ(centre.Call("GET", Path("/schools/" + std::to_string(schools_[0]))).status, 404);
  r = centre.Call("GET", Path("/board"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("schools").as_int64(), 1);
  EXPECT_EQ(Json(r).at("by_state").at("not_started").as_int64(), 1);
  EXPECT_EQ(Json(bureau_.Call("GET", Path("/board"))).at("schools").as_int64(), 3);
  r = centre.Call("GET", Path("/evaluation"));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(Json(r).at("scores").as_array().size(), 1u) << r.body;
  EXPECT_EQ(Json(r).at("scores").as_array()[0].at("school_id").as_int64(), school);
  EXPECT_EQ(Json(r).at("ranked").as_int64(), 3);
  // Reading is all: feedback, typical problems and closing stay with the deploying bureau.
  r = centre.Call("POST", Path("/messages"),
                  json::serialize(json::object{{"school_id", school}, {"text", "请按期完成自查"}}));
  EXPECT_TRUE(r.status == 403 || r.status == 404) << r.status << " " << r.body;
  EXPECT_EQ(centre.Call("GET", Path("/hazards")).status, 403);
  r = centre.Call("POST", Path("/close"), R"({"summary":"结束"})");
  EXPECT_TRUE(r.status == 403 || r.status == 404) << r.status << " " << r.body;
}

TEST_P(CampaignApiTest, DeploymentErrorsNameTheFieldAndNothingIsStored) {
  auto body = Campaign();
  body["self_to"] = "2026-11-01";
  body["weights"] = json::object{
      {"completion", 50}, {"self_found", 20}, {"no_missed", 20}, {"rectified", 20}, {"closed", 10}};
  auto r = bureau_.Call("POST", "/api/v1/campaigns", json::serialize(body));
  EXPECT_EQ(r.status, 422);
  const auto v = Json(r);
  std::vector<std::string> fields;
  for (const auto& d : v.at("error").at("details").as_array()) {
    fields.emplace_back(d.at("field").as_string());
  }
  EXPECT_NE(std::find(fields.begin(), fields.end(), "self_to"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "weights"), fields.end());

  body = Campaign();
  body["template_ids"] = json::array{999999};
  EXPECT_EQ(FirstField(bureau_.Call("POST", "/api/v1/campaigns", json::serialize(body))),
            "template_ids[0]");
  body = Campaign();
  body["targets"] = json::object{{"school_ids", json::array{999999}}};
  EXPECT_EQ(FirstField(bureau_.Call("POST", "/api/v1/campaigns", json::serialize(body))),
            "targets.school_ids[0]");
  body = Campaign();
  body["targets"] = json::object{{"cluster_ids", json::array{999999}}};
  EXPECT_EQ(FirstField(bureau_.Call("POST", "/api/v1/campaigns", json::serialize(body))),
            "targets");  // no school matches
  body = Campaign();
  body["frobnicate"] = 1;
  EXPECT_EQ(FirstField(bureau_.Call("POST", "/api/v1/campaigns", json::serialize(body))),
            "frobnicate");
  // A school and an inspector do not deploy.
  EXPECT_EQ(As(users_[0]).Call("POST", "/api/v1/campaigns", json::serialize(Campaign())).status,
            403);
  EXPECT_EQ(As("inspector").Call("POST", "/api/v1/campaigns", json::serialize(Campaign())).status,
            403);
  // Nothing was stored by the refusals.
  EXPECT_EQ(Json(bureau_.Call("GET", "/api/v1/campaigns")).at("total").as_int64(), 0);

  // Targets by condition: every primary school of the bureau.
  body = Campaign();
  body["targets"] = json::object{{"stages", json::array{"primary"}}};
  r = bureau_.Call("POST", "/api/v1/campaigns", json::serialize(body));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto primary = Json(bureau_.Call("GET", "/api/v1/schools?stage=primary&page_size=1"));
  EXPECT_EQ(Json(r).at("school_count").as_int64(), primary.at("total").as_int64());
}

INSTANTIATE_TEST_SUITE_P(Stores, CampaignApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
