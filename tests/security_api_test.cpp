// 四个100% over real HTTP on both stores: a dozen schools at the edges of the guard rule (and of
// the licence age, the alarm test and the other indicators) save their security records; each
// record is judged at once, the board counts the four rates as a hand count says, a repair lifts
// the rate, a parameter change moves a school across the edge; errors name the field; scope and
// permissions; the export in the shape a bureau reports upward.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

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

// What a school's record is made of, for the test: everything met unless changed.
struct Shape {
  int guards = 2;
  bool part_time_second = false;
  std::string birth_date = "1980-05-01";  // the first guard's
  bool visitor_register = true;
  std::string last_test = "2026-12-01";
  bool afternoon_post = true;
};

Shape Guards(int n) {
  Shape s;
  s.guards = n;
  return s;
}

// A dozen schools at the edges of the guard rule, the licence age, the alarm test and the other
// indicators (on Monday 7 December 2026), with what each must give.
struct Case {
  const char* code;
  int people;
  Shape shape;
  int need;
  bool guards, closed, alarm_video, gate_duty;
};
std::vector<Case> EdgeCases() {
  Shape two_part_time;
  two_part_time.part_time_second = true;
  Shape sixty;  // 60 today, the day before the 61st birthday
  sixty.guards = 1;
  sixty.birth_date = "1965-12-08";
  Shape sixty_one;
  sixty_one.birth_date = "1965-12-07";
  Shape no_register;
  no_register.visitor_register = false;
  Shape tested_31_days_ago;
  tested_31_days_ago.last_test = "2026-11-06";
  Shape tested_32_days_ago;
  tested_32_days_ago.last_test = "2026-11-05";
  Shape morning_only;
  morning_only.afternoon_post = false;
  const auto guards = Guards;
  return {
      {"SA", 99, sixty, 1, true, true, true, true},            // below 100: one
      {"SB", 100, guards(1), 2, false, true, true, true},      // 100: two
      {"SC", 1000, guards(2), 2, true, true, true, true},      // up to 1000: two
      {"SD", 1001, guards(2), 3, false, true, true, true},     // one more per 500 begun
      {"SE", 1500, guards(3), 3, true, true, true, true},      //
      {"SF", 1501, guards(3), 4, false, true, true, true},     //
      {"SG", 600, sixty_one, 2, false, true, true, true},      // a guard of 61
      {"SH", 600, two_part_time, 2, false, true, true, true},  // a part-time guard
      {"SI", 600, no_register, 2, true, false, true, true},
      {"SJ", 600, tested_31_days_ago, 2, true, true, true, true},
      {"SK", 600, tested_32_days_ago, 2, true, true, false, true},
      {"SL", 600, morning_only, 2, true, true, true, false},
  };
}

class SecurityApiTest : public ::testing::TestWithParam<std::string> {
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

  // A new day school under the bureau with `people` students and staff.
  std::int64_t School(const std::string& code, int people) {
    json::object body{{"code", code},
                      {"name", "安防测试" + code},
                      {"region_code", "990102"},
                      {"parent_id", bureau_},
                      {"stage", "primary"},
                      {"ownership", "public"},
                      {"location_type", "urban"},
                      {"boarding", false},
                      {"boarders", 0},
                      {"students", people - 10},
                      {"staff", 10}};
    auto r = office_.Call("POST", "/api/v1/schools", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  static json::object Body(const Shape& s, std::int64_t version = 0) {
    json::array guards;
    for (int i = 0; i < s.guards; ++i) {
      guards.push_back(json::object{{"name", "保安" + std::to_string(i + 1)},
                                    {"full_time", !(i == 1 && s.part_time_second)},
                                    {"license_no", "鄂A" + std::to_string(100 + i)},
                                    {"birth_date", i == 0 ? s.birth_date : "1985-01-01"},
                                    {"employer", "安保公司"},
                                    {"shifts", "白班"}});
    }
    json::array posts{json::object{{"gate", "南门"},
                                   {"peak", "morning"},
                                   {"people", 2},
                                   {"kinds", json::array{"police", "guard"}}}};
    if (s.afternoon_post) {
      posts.push_back(json::object{{"gate", "南门"},
                                   {"peak", "afternoon"},
                                   {"people", 2},
                                   {"kinds", json::array{"teacher"}}});
    }
    return json::object{
        {"version", version},
        {"has_canteen", true},
        {"perimeter", true},
        {"gate_controlled", true},
        {"visitor_register", s.visitor_register},
        {"gate_house_staffed", true},
        {"guards", std::move(guards)},
        {"alarms", json::array{json::object{{"location", "门卫室"},
                                            {"linked_110", true},
                                            {"linked_bureau", true},
                                            {"last_test", s.last_test}}}},
        {"video", json::object{{"areas", json::array{"gate", "outside_gate", "teaching",
                                                     "gathering", "canteen_kitchen"}},
                               {"retention_days", 30},
                               {"open_fault_since", nullptr},
                               {"last_repair", "2026-10-02"}}},
        {"posts", std::move(posts)},
        {"patrols_per_day", 5}};
  }

  json::value Save(std::int64_t school, const json::object& body, WebSession* as = nullptr) {
    auto r = (as ? *as : office_)
                 .Call("PUT", "/api/v1/schools/" + std::to_string(school) + "/security",
                       json::serialize(body));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Json(r) : json::value();
  }

  json::value Board(const std::string& query = "") {
    auto r = office_.Call("GET", "/api/v1/security/board" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Json(r) : json::value();
  }

  static std::int64_t Compliant(const json::value& board, const char* indicator) {
    return board.at("rates").at(indicator).at("compliant").as_int64();
  }

  FixedClock clock_{At("2026-12-07T02:00:00Z")};  // Monday 7 December, 10:00 in China
  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<app::Services> services_;
  testing::TempDir files_;
  std::unique_ptr<testing::TestServer> server_;
  std::map<std::string, std::string> passwords_;
  int port_ = 0;
  WebSession office_;
  std::int64_t bureau_ = 0;
};

TEST_P(SecurityApiTest, ADozenSchoolsAtTheEdgesGiveTheRatesAHandCountGives) {
  const auto cases = EdgeCases();
  std::map<std::string, std::int64_t> ids;
  int guards_ok = 0, closed_ok = 0, alarm_ok = 0, duty_ok = 0, all_ok = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    const auto id = School(c.code, c.people);
    ASSERT_NE(id, 0);
    ids[c.code] = id;
    const auto v = Save(id, Body(c.shape));
    ASSERT_TRUE(v.is_object());
    EXPECT_TRUE(v.at("recorded").as_bool());
    EXPECT_EQ(v.at("version").as_int64(), 1);
    EXPECT_EQ(v.at("required_guards").as_int64(), c.need);
    const auto& ind = v.at("indicators");
    EXPECT_EQ(ind.at("guards").as_bool(), c.guards);
    EXPECT_EQ(ind.at("closed_campus").as_bool(), c.closed);
    EXPECT_EQ(ind.at("alarm_video").as_bool(), c.alarm_video);
    EXPECT_EQ(ind.at("gate_duty").as_bool(), c.gate_duty);
    const bool all = c.guards && c.closed && c.alarm_video && c.gate_duty;
    EXPECT_EQ(ind.at("all").as_bool(), all);
    EXPECT_EQ(v.at("findings").as_array().size(), 7u);
    guards_ok += c.guards;
    closed_ok += c.closed;
    alarm_ok += c.alarm_video;
    duty_ok += c.gate_duty;
    all_ok += all;
  }
  // The reasons say what is short.
  auto sb = Json(office_.Call("GET", "/api/v1/schools/" + std::to_string(ids["SB"]) + "/security"));
  const auto findings = sb.at("findings");
  EXPECT_EQ(findings.at(0).at("rule").as_string(), "security.guards");
  EXPECT_EQ(findings.at(0).at("outcome").as_string(), "fail");
  EXPECT_NE(std::string(findings.at(0).at("reason").as_string()).find("缺 1 名"), std::string::npos)
      << findings.at(0).at("reason").as_string();

  auto board = Board();
  ASSERT_TRUE(board.is_object());
  EXPECT_EQ(board.at("month").as_string(), "2026-12");
  EXPECT_EQ(board.at("screened").as_int64(), 12);
  EXPECT_EQ(Compliant(board, "guards"), guards_ok);
  EXPECT_EQ(guards_ok, 7);
  EXPECT_EQ(Compliant(board, "closed_campus"), closed_ok);
  EXPECT_EQ(Compliant(board, "alarm_video"), alarm_ok);
  EXPECT_EQ(Compliant(board, "gate_duty"), duty_ok);
  EXPECT_EQ(Compliant(board, "all"), all_ok);
  EXPECT_EQ(all_ok, 4);
  EXPECT_EQ(board.at("rates").at("all").at("permille").as_int64(), 333);  // 4/12 rounded down
  EXPECT_EQ(board.at("rates").at("guards").at("permille").as_int64(), 583);
  EXPECT_EQ(board.at("short").as_array().size(), 12u - all_ok);
  // The demo's own schools have no record: listed as not screened.
  const auto schools = board.at("schools").as_int64();
  EXPECT_EQ(static_cast<std::int64_t>(board.at("unscreened").as_array().size()), schools - 12);
  const auto& trend = board.at("trend").as_array();
  ASSERT_EQ(trend.size(), 12u);
  EXPECT_EQ(trend[10].at("month").as_string(), "2026-11");
  EXPECT_EQ(trend[10].at("rates").at("all").at("screened").as_int64(), 0);
  EXPECT_EQ(trend[11].at("rates").at("all").at("compliant").as_int64(), all_ok);

  // A repair lifts the rate: SB takes a second guard.
  auto repaired = Save(ids["SB"], Body(Guards(2), 1));
  EXPECT_TRUE(repaired.at("indicators").at("guards").as_bool());
  EXPECT_EQ(repaired.at("version").as_int64(), 2);
  board = Board();
  EXPECT_EQ(Compliant(board, "guards"), guards_ok + 1);
  EXPECT_EQ(Compliant(board, "all"), all_ok + 1);
  EXPECT_EQ(board.at("rates").at("all").at("permille").as_int64(), 416);
  for (const auto& row : board.at("short").as_array()) {
    EXPECT_NE(row.at("school_id").as_int64(), ids["SB"]);
  }

  // The district counts one more guard per 400 beyond 1000: SE (1500) now needs four.
  auto r = office_.Call("PUT", "/api/v1/rules/security.guards/parameters",
                        R"({"values":{"extra_per":400},"note":"区里按 400 人增配"})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto se = Json(office_.Call("GET", "/api/v1/schools/" + std::to_string(ids["SE"]) + "/security"));
  EXPECT_EQ(se.at("required_guards").as_int64(), 4);
  EXPECT_FALSE(se.at("indicators").at("guards").as_bool());
  r = office_.Call("POST", "/api/v1/rules/evaluate", R"({"date":"2026-12-07"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Compliant(Board(), "guards"), guards_ok);  // SE out, SB in

  // The export: the rates first, then one row per school with a record.
  r = office_.Call("GET", "/api/v1/security/board/export");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_GE(rows->size(), 2u);
  EXPECT_EQ((*rows)[1][0].text, "四个100%全部达标");
  EXPECT_EQ((*rows)[1][1].text, std::to_string(all_ok));  // SB in, SE out
  EXPECT_EQ((*rows)[1][2].text, "12");
  EXPECT_EQ((*rows)[1][3].text, "33.3%");
}

TEST_P(SecurityApiTest, BadInputNamesTheFieldAndStoresNothing) {
  const auto school = School("SX", 600);
  const auto path = "/api/v1/schools/" + std::to_string(school) + "/security";
  const auto refused = [&](json::object body, const std::string& field) {
    auto r = office_.Call("PUT", path, json::serialize(body));
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(FirstField(r), field) << r.body;
  };
  Shape ok;
  auto body = Body(ok);
  body["guards"].as_array()[1].as_object()["name"] = "";
  refused(body, "guards[1].name");
  body = Body(ok);
  body["guards"].as_array()[0].as_object()["birth_date"] = "1980-13-01";
  refused(body, "guards[0].birth_date");
  body = Body(ok);
  body["guards"].as_array()[0].as_object()["birth_date"] = "2015-01-01";
  refused(body, "guards[0].birth_date");  // under 16
  body = Body(ok);
  body["posts"].as_array()[0].as_object()["peak"] = "noon";
  refused(body, "posts[0].peak");
  body = Body(ok);
  body["posts"].as_array()[1].as_object()["kinds"] = json::array{"teacher", "soldier"};
  refused(body, "posts[1].kinds[1]");
  body = Body(ok);
  body["video"].as_object()["areas"] = json::array{"roof"};
  refused(body, "video.areas[0]");
  body = Body(ok);
  body["alarms"].as_array()[0].as_object()["last_test"] = "2026-12-08";  // tomorrow
  refused(body, "alarms[0].last_test");
  body = Body(ok);
  body["guards"].as_array()[0].as_object()["id"] = 999999;  // not one of the school's
  refused(body, "guards[0].id");
  body = Body(ok);
  body["colour"] = "red";
  refused(body, "colour");
  auto stored = Json(office_.Call("GET", path));
  EXPECT_FALSE(stored.at("recorded").as_bool());
  EXPECT_TRUE(stored.at("indicators").is_null());
  EXPECT_EQ(stored.at("version").as_int64(), 0);

  // Two editors from the same version: the second is told to reload.
  Save(school, Body(ok, 0));
  auto r = office_.Call("PUT", path, json::serialize(Body(ok, 0)));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(r.body.find("security.stale"), std::string::npos) << r.body;
  EXPECT_EQ(Json(office_.Call("GET", path)).at("version").as_int64(), 1);
  EXPECT_EQ(office_.Call("GET", "/api/v1/security/board?date=2026-02-30").status, 422);
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/security/board?date=2026-02-30")), "date");
}

TEST_P(SecurityApiTest, ASchoolKeepsItsOwnRecordAndSeesNoOtherSchool) {
  auto officer = As("school1_safety");
  const auto own = Json(officer.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  const auto other = School("SY", 600);
  Shape ok;
  auto v = Save(own, Body(ok), &officer);
  ASSERT_TRUE(v.is_object());
  EXPECT_TRUE(v.at("can_edit").as_bool());
  EXPECT_EQ(v.at("updated_by").as_string(), "school1_safety");
  // Another school reads as missing, for reading and for saving.
  EXPECT_EQ(officer.Call("GET", "/api/v1/schools/" + std::to_string(other) + "/security").status,
            404);
  EXPECT_EQ(officer
                .Call("PUT", "/api/v1/schools/" + std::to_string(other) + "/security",
                      json::serialize(Body(ok)))
                .status,
            404);
  // A teacher neither reads nor writes it; the bureau's section reads it but cannot save.
  auto teacher = As("school1_teacher");
  EXPECT_EQ(teacher.Call("GET", "/api/v1/schools/" + std::to_string(own) + "/security").status,
            403);
  auto section = As("section_basic");
  auto read = section.Call("GET", "/api/v1/schools/" + std::to_string(own) + "/security");
  EXPECT_EQ(read.status, 200) << read.body;
  EXPECT_FALSE(Json(read).at("can_edit").as_bool());
  EXPECT_EQ(section
                .Call("PUT", "/api/v1/schools/" + std::to_string(own) + "/security",
                      json::serialize(Body(ok, 1)))
                .status,
            403);
  // The school's own board counts the school alone.
  auto board = Json(officer.Call("GET", "/api/v1/security/board"));
  EXPECT_EQ(board.at("schools").as_int64(), 1);
  EXPECT_EQ(board.at("screened").as_int64(), 1);
}

// ---- Screening rounds (逐校筛查) -------------------------------------------------------------

// Evidence for the four indicators: a note each, photos for the first.
json::array Evidence(const std::vector<std::int64_t>& photos = {}) {
  json::array out;
  for (const char* code : {"guards", "closed_campus", "alarm_video", "gate_duty"}) {
    json::array files;
    if (std::string(code) == "guards") {
      for (const auto id : photos) files.push_back(id);
    }
    out.push_back(json::object{
        {"indicator", code}, {"note", std::string("现场核查：") + code}, {"file_ids", files}});
  }
  return out;
}

TEST_P(SecurityApiTest, ScreeningADozenSchoolsRaisesAHazardPerFailedIndicatorAndARepairClosesIt) {
  const auto cases = EdgeCases();
  std::map<std::string, std::int64_t> ids;
  json::array targets;
  for (const auto& c : cases) {
    ids[c.code] = School(c.code, c.people);
    ASSERT_NE(ids[c.code], 0);
    targets.push_back(ids[c.code]);
    Save(ids[c.code], Body(c.shape));
  }
  auto r = office_.Call("POST", "/api/v1/security/rounds",
                        json::serialize(json::object{{"name", "冬季逐校筛查"},
                                                     {"from", "2026-12-01"},
                                                     {"to", "2026-12-20"},
                                                     {"school_ids", targets}}));
  ASSERT_EQ(r.status, 201) << r.body;
  auto round = Json(r);
  const auto id = round.at("id").as_int64();
  const auto base = "/api/v1/security/rounds/" + std::to_string(id);
  EXPECT_EQ(round.at("window").as_string(), "open");
  EXPECT_EQ(round.at("schools").as_int64(), 12);
  EXPECT_EQ(round.at("screened").as_int64(), 0);
  EXPECT_EQ(round.at("rows").as_array().size(), 12u);

  // A photo for SA's guards: it goes with the screening and onto no hazard (SA passes).
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "guards";
  auto up = office_.Call("POST", "/api/v1/files?name=roster.png", png);
  ASSERT_EQ(up.status, 201) << up.body;
  const auto photo = Json(up).at("id").as_int64();

  int raised = 0, guards_ok = 0, all_ok = 0;
  std::map<std::string, std::int64_t> hazard_of;  // school code → its guards hazard
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    const auto school = std::to_string(ids[c.code]);
    const auto evidence = std::string(c.code) == "SA" ? Evidence({photo}) : Evidence();
    r = office_.Call("POST", base + "/schools/" + school + "/screen",
                     json::serialize(json::object{{"evidence", evidence}}));
    ASSERT_EQ(r.status, 201) << r.body;
    const auto v = Json(r);
    const auto& ind = v.at("indicators");
    EXPECT_EQ(ind.at("guards").as_bool(), c.guards);
    EXPECT_EQ(ind.at("closed_campus").as_bool(), c.closed);
    EXPECT_EQ(ind.at("alarm_video").as_bool(), c.alarm_video);
    EXPECT_EQ(ind.at("gate_duty").as_bool(), c.gate_duty);
    const int failed = !c.guards + !c.closed + !c.alarm_video + !c.gate_duty;
    const auto& hazards = v.at("hazards").as_array();
    ASSERT_EQ(static_cast<int>(hazards.size()), failed);
    EXPECT_EQ(v.at("evidence").as_array().size(), 4u);
    EXPECT_FALSE(v.at("can_screen").as_bool());
    for (const auto& h : hazards) {
      EXPECT_EQ(h.at("state").as_string(), "reported");
      if (h.at("indicator").as_string() == "guards") {
        hazard_of[c.code] = h.at("hazard_id").as_int64();
      }
    }
    EXPECT_EQ(v.at("reasons").as_string().empty(), failed == 0) << v.at("reasons");
    raised += failed;
    guards_ok += c.guards;
    all_ok += c.guards && c.closed && c.alarm_video && c.gate_duty;
  }
  EXPECT_EQ(raised, 8);  // SB, SD, SF, SG, SH short of guards; SI, SK and SL one each
  round = Json(office_.Call("GET", base));
  EXPECT_EQ(round.at("screened").as_int64(), 12);
  EXPECT_EQ(round.at("hazards_raised").as_int64(), raised);
  EXPECT_EQ(round.at("hazards_open").as_int64(), raised);
  EXPECT_EQ(round.at("rates").at("guards").at("compliant").as_int64(), guards_ok);
  EXPECT_EQ(round.at("rates").at("all").at("compliant").as_int64(), all_ok);
  EXPECT_EQ(round.at("rates").at("all").at("permille").as_int64(), 333);

  // The hazard SB's guards raised: in the ledger as found by screening.
  const auto sb_hazard = "/api/v1/hazards/" + std::to_string(hazard_of["SB"]);
  auto hz = Json(office_.Call("GET", sb_hazard));
  EXPECT_EQ(hz.at("source").as_string(), "screening");
  EXPECT_EQ(hz.at("domain").as_string(), "security_equipment");
  EXPECT_EQ(hz.at("origin_type").as_string(), "security_screening");
  EXPECT_NE(std::string(hz.at("description").as_string()).find("缺 1 名"), std::string::npos)
      << hz.at("description");
  // The evidence photo reads for whoever reads the school's record, and only for them.
  const auto file = "/api/v1/files/" + std::to_string(photo);
  EXPECT_EQ(As("section_basic").Call("GET", file).status, 200);
  EXPECT_EQ(As("school1_safety").Call("GET", file).status, 404);
  EXPECT_EQ(As("dept1_liaison").Call("GET", file).status, 404);

  // Once per school and round.
  r = office_.Call("POST", base + "/schools/" + std::to_string(ids["SB"]) + "/screen",
                   json::serialize(json::object{{"evidence", Evidence()}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(FirstField(r), "screening.done");

  // SB takes a second guard: the rule closes its hazard, the month's rate lifts, the round keeps
  // what was screened and counts one hazard fewer open.
  const auto before = Compliant(Board(), "guards");
  Save(ids["SB"], Body(Guards(2), 1));
  hz = Json(office_.Call("GET", sb_hazard));
  EXPECT_EQ(hz.at("state").as_string(), "closed");
  const auto& events = hz.at("timeline").as_array();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().at("action").as_string(), "rule_close");
  EXPECT_EQ(events.back().at("actor").as_string(), "rules-engine");
  EXPECT_EQ(Compliant(Board(), "guards"), before + 1);
  round = Json(office_.Call("GET", base));
  EXPECT_EQ(round.at("hazards_open").as_int64(), raised - 1);
  EXPECT_EQ(round.at("rates").at("guards").at("compliant").as_int64(), guards_ok);
  // A save that repairs nothing closes nothing: SD is still a guard short.
  Save(ids["SD"], Body(Guards(2), 1));
  EXPECT_EQ(Json(office_.Call("GET", "/api/v1/hazards/" + std::to_string(hazard_of["SD"])))
                .at("state")
                .as_string(),
            "reported");

  // The next round finds SD's hazard still open and lists it instead of raising another.
  r = office_.Call("POST", "/api/v1/security/rounds",
                   json::serialize(json::object{{"name", "复查"},
                                                {"from", "2026-12-07"},
                                                {"to", "2026-12-31"},
                                                {"school_ids", json::array{ids["SD"]}}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto second = "/api/v1/security/rounds/" + std::to_string(Json(r).at("id").as_int64());
  r = office_.Call("POST", second + "/schools/" + std::to_string(ids["SD"]) + "/screen",
                   json::serialize(json::object{{"evidence", Evidence()}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto rescreened = Json(r);
  const auto& again = rescreened.at("hazards").as_array();
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].at("hazard_id").as_int64(), hazard_of["SD"]);

  // The board's trend by round, the earliest first; the round's workbook.
  const auto board = Board();
  ASSERT_EQ(board.at("rounds").as_array().size(), 2u);
  EXPECT_EQ(board.at("rounds").at(0).at("name").as_string(), "冬季逐校筛查");
  EXPECT_EQ(board.at("rounds").at(1).at("rates").at("all").at("screened").as_int64(), 1);
  r = office_.Call("GET", base + "/export");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_GE(rows->size(), 2u);
  EXPECT_EQ((*rows)[1][0].text, "四个100%全部达标");
  EXPECT_EQ((*rows)[1][1].text, std::to_string(all_ok));
  EXPECT_EQ((*rows)[1][3].text, "33.3%");
}

TEST_P(SecurityApiTest, ScreeningRefusesBadInputAndKeepsTheSchoolInItsLane) {
  auto officer = As("school1_safety");
  const auto own = Json(officer.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  const auto other = School("SZ", 600);
  const auto open = [&](json::object body) {
    return office_.Call("POST", "/api/v1/security/rounds", json::serialize(body));
  };
  // The round's own fields.
  auto r = open({{"name", " "}, {"from", "2026-12-01"}, {"to", "2026-12-20"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "name");
  r = open({{"name", "筛查"}, {"from", "2026-12-10"}, {"to", "2026-12-09"}});
  EXPECT_EQ(FirstField(r), "to");
  r = open({{"name", "筛查"}, {"from", "2026-11-01"}, {"to", "2026-12-06"}});  // ended yesterday
  EXPECT_EQ(FirstField(r), "to");
  r = open({{"name", "筛查"},
            {"from", "2026-12-01"},
            {"to", "2026-12-20"},
            {"school_ids", json::array{other, 999999}}});
  EXPECT_EQ(FirstField(r), "school_ids[1]");
  EXPECT_EQ(officer
                .Call("POST", "/api/v1/security/rounds",
                      R"({"name":"筛查","from":"2026-12-01","to":"2026-12-20"})")
                .status,
            403);
  EXPECT_TRUE(Json(office_.Call("GET", "/api/v1/security/rounds")).at("items").as_array().empty());

  // Every school of the bureau: the officer's school among them.
  r = open({{"name", "全区筛查"}, {"from", "2026-12-01"}, {"to", "2026-12-20"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto base = "/api/v1/security/rounds/" + std::to_string(Json(r).at("id").as_int64());
  const auto mine = base + "/schools/" + std::to_string(own);
  // The school sees the round with itself alone and is told to fill in its record first.
  auto list = Json(officer.Call("GET", "/api/v1/security/rounds"));
  ASSERT_EQ(list.at("items").as_array().size(), 1u);
  EXPECT_EQ(list.at("items").at(0).at("schools").as_int64(), 1);
  EXPECT_FALSE(list.at("can_open").as_bool());
  EXPECT_EQ(Json(officer.Call("GET", base)).at("rows").as_array().size(), 1u);
  auto view = Json(officer.Call("GET", mine));
  EXPECT_FALSE(view.at("can_screen").as_bool());
  EXPECT_FALSE(view.at("current").at("recorded").as_bool());
  r = officer.Call("POST", mine + "/screen",
                   json::serialize(json::object{{"evidence", Evidence()}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(FirstField(r), "screening.no_record");
  Save(own, Body(Guards(static_cast<int>(view.at("current").at("required_guards").as_int64()))),
       &officer);
  EXPECT_TRUE(Json(officer.Call("GET", mine)).at("can_screen").as_bool());

  // Evidence: each indicator once, with a note or a photo; the caller's own photos only.
  const auto refused = [&](json::array evidence, const std::string& field) {
    auto reply = officer.Call("POST", mine + "/screen",
                              json::serialize(json::object{{"evidence", evidence}}));
    EXPECT_EQ(reply.status, 422) << reply.body;
    EXPECT_EQ(FirstField(reply), field) << reply.body;
  };
  auto ev = Evidence();
  ev.pop_back();
  refused(ev, "evidence");
  ev = Evidence();
  ev[1].as_object()["indicator"] = "guards";
  refused(ev, "evidence[1].indicator");
  ev = Evidence();
  ev[2].as_object()["indicator"] = "fence";
  refused(ev, "evidence[2].indicator");
  ev = Evidence();
  ev[3].as_object()["note"] = "";
  refused(ev, "evidence[3].note");
  ev = Evidence();
  ev[0].as_object()["note"] = std::string(501 * 3, 'x');
  refused(ev, "evidence[0].note");
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "gate";
  auto up = office_.Call("POST", "/api/v1/files?name=gate.png", png);
  ASSERT_EQ(up.status, 201) << up.body;
  refused(Evidence({Json(up).at("id").as_int64()}), "evidence[0].file_ids[0]");
  r = officer.Call("POST", mine + "/screen", R"({"evidence":[],"extra":1})");
  EXPECT_EQ(r.status, 422);
  EXPECT_FALSE(Json(officer.Call("GET", mine)).at("screened").as_bool());

  // Another school reads as missing; a teacher neither reads nor screens.
  const auto theirs = base + "/schools/" + std::to_string(other);
  EXPECT_EQ(officer.Call("GET", theirs).status, 404);
  EXPECT_EQ(
      officer
          .Call("POST", theirs + "/screen", json::serialize(json::object{{"evidence", Evidence()}}))
          .status,
      404);
  auto teacher = As("school1_teacher");
  EXPECT_EQ(teacher.Call("GET", base).status, 403);
  EXPECT_EQ(
      teacher
          .Call("POST", mine + "/screen", json::serialize(json::object{{"evidence", Evidence()}}))
          .status,
      403);

  // A round that opens tomorrow is not open yet.
  r = open({{"name", "明日开始"}, {"from", "2026-12-08"}, {"to", "2026-12-20"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("window").as_string(), "not_open");
  const auto later = "/api/v1/security/rounds/" + std::to_string(Json(r).at("id").as_int64()) +
                     "/schools/" + std::to_string(own) + "/screen";
  r = officer.Call("POST", later, json::serialize(json::object{{"evidence", Evidence()}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(FirstField(r), "screening.not_open");

  // The school screens itself: all met, no hazard.
  r = officer.Call("POST", mine + "/screen",
                   json::serialize(json::object{{"evidence", Evidence()}}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(Json(r).at("indicators").at("all").as_bool());
  EXPECT_TRUE(Json(r).at("hazards").as_array().empty());
  EXPECT_EQ(Json(r).at("screened_by").as_string(), "school1_safety");
  EXPECT_EQ(Json(office_.Call("GET", base)).at("screened").as_int64(), 1);
}

// The record's lists in and out of Excel: a refused file names each row and column and writes
// nothing; a good one replaces each named school's list (an entry with a stored name keeps its
// id) and judges the schools at once; the export imports back unchanged; a school cannot write
// another school's list.
TEST_P(SecurityApiTest, TheListsGoInAndOutOfExcelAndARefusedFileWritesNothing) {
  const auto sa = School("SA", 600);
  const auto sb = School("SB", 600);
  ASSERT_TRUE(sa != 0 && sb != 0);
  const auto before = Save(sa, Body(Guards(2)));
  ASSERT_TRUE(before.is_object());
  const auto first_id = before.at("guards").at(0).at("id").as_int64();
  const auto record = [&](std::int64_t id) {
    auto r = office_.Call("GET", "/api/v1/schools/" + std::to_string(id) + "/security");
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r);
  };
  const auto screened = [&] { return Board().at("rates").at("guards").at("screened").as_int64(); };
  const auto screened_before = screened();

  // The template: the header row the import checks.
  auto r = office_.Call("GET", "/api/v1/security/import-template?list=guards");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 200);
  auto tpl = office::ReadXlsx(r.body);
  ASSERT_TRUE(tpl.ok());
  ASSERT_EQ(tpl->size(), 1u);
  std::vector<std::string> header;
  for (const auto& c : (*tpl)[0]) header.push_back(c.text);
  ASSERT_EQ(header.size(), 8u);
  EXPECT_EQ(header[0], "学校代码");
  EXPECT_EQ(header[3], "是否专职");

  // Refused: every problem on its row and column, and nothing written.
  const std::string csv_header =
      "学校代码,学校名称,姓名,是否专职,保安员证编号,出生日期,所属单位,班次\n";
  r = office_.Call("POST", "/api/v1/security/import?list=guards",
                   csv_header +
                       "SA,,保安1,是,鄂A100,1980-05-01,安保公司,白班\n"  // 2
                       "SA,,保安3,也许,,,,\n"                            // 3: the flag
                       ",,,,,,,\n"                                       // 4: blank, skipped
                       "ZZZ,,王五,是,,,,\n"                              // 5: no such school
                       "SB,,,是,,,,\n"                                   // 6: no name
                       "SB,,张三,是,,2010-12-08,,\n");                   // 7: 16 tomorrow
  ASSERT_EQ(r.status, 422) << r.body;
  auto report = Json(r);
  EXPECT_FALSE(report.at("applied").as_bool());
  EXPECT_EQ(report.at("rows").as_int64(), 5);
  EXPECT_EQ(report.at("failed").as_int64(), 4);
  std::vector<std::pair<std::int64_t, std::string>> errors;
  for (const auto& e : report.at("errors").as_array()) {
    errors.emplace_back(e.at("row").as_int64(), std::string(e.at("column").as_string()));
  }
  const std::vector<std::pair<std::int64_t, std::string>> want = {
      {3, "是否专职"}, {5, "学校代码"}, {6, "姓名"}, {7, "出生日期"}};
  EXPECT_EQ(errors, want) << r.body;
  EXPECT_EQ(record(sa).at("guards").as_array().size(), 2u);
  EXPECT_EQ(record(sa).at("version").as_int64(), before.at("version").as_int64());
  EXPECT_FALSE(record(sb).at("recorded").as_bool());
  // 16 on the exact day passes where 16 tomorrow did not.
  r = office_.Call("POST", "/api/v1/security/import?list=guards",
                   csv_header + "SB,,张三,是,,2010-12-07,,\n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("created").as_int64(), 1);

  // From .xlsx, a birth date typed as a date: SA keeps 保安1's id, gets 保安3 and 保安4 and
  // loses 保安2; SB's 张三 stays and 李四 comes.
  office::Sheet sheet{"保安员", {office::TextRow(header)}};
  const auto guard = [&](const char* code, const char* name, const char* full_time,
                         const char* born) {
    office::Row row = office::TextRow({code, "", name, full_time, "", "", "安保公司", "白班"});
    row[5] = office::Cell::Date(born);
    sheet.rows.push_back(std::move(row));
  };
  guard("SA", "保安1", "是", "1980-05-01");
  guard("SA", "保安3", "是", "1990-02-03");
  guard("SA", "保安4", "否", "1991-02-03");
  guard("SB", "张三", "是", "2010-12-07");
  guard("SB", "李四", "Y", "1979-03-02");
  auto xlsx = office::WriteXlsx({sheet});
  ASSERT_TRUE(xlsx.ok());
  r = office_.Call("POST", "/api/v1/security/import?list=guards", *xlsx);
  ASSERT_EQ(r.status, 200) << r.body;
  report = Json(r);
  EXPECT_TRUE(report.at("applied").as_bool());
  EXPECT_EQ(report.at("rows").as_int64(), 5);
  EXPECT_EQ(report.at("created").as_int64(), 3);  // 保安3, 保安4, 李四
  EXPECT_EQ(report.at("updated").as_int64(), 2);  // 保安1, 张三
  EXPECT_EQ(report.at("removed").as_int64(), 1);  // 保安2
  const auto sa_after = record(sa);
  const auto& guards = sa_after.at("guards").as_array();
  ASSERT_EQ(guards.size(), 3u);
  EXPECT_EQ(guards[0].at("id").as_int64(), first_id);
  EXPECT_EQ(guards[1].at("name").as_string(), "保安3");
  EXPECT_FALSE(guards[2].at("full_time").as_bool());
  EXPECT_EQ(sa_after.at("alarms").as_array().size(), 1u);  // the other lists are untouched
  const auto sb_after = record(sb);
  ASSERT_EQ(sb_after.at("guards").as_array().size(), 2u);
  EXPECT_EQ(sb_after.at("guards").at(1).at("birth_date").as_string(), "1979-03-02");
  EXPECT_EQ(screened(), screened_before + 1);  // SB judged at once

  // Posts with their peak and the kinds of people by name.
  r = office_.Call("POST", "/api/v1/security/import?list=posts",
                   "学校代码,学校名称,校门,时段,人数,人员类别\n"
                   "SB,,北门,放学,3,公安民警、教师，志愿者/家长\n");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto post = record(sb).at("posts").at(0);
  EXPECT_EQ(post.at("peak").as_string(), "afternoon");
  EXPECT_EQ(post.at("kinds"), (json::array{"police", "teacher", "volunteer"}));

  // The export is the template's shape and imports back as it is.
  r = office_.Call("GET", "/api/v1/security/export?list=guards");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 200);
  auto exported = office::ReadXlsx(r.body);
  ASSERT_TRUE(exported.ok());
  ASSERT_GE(exported->size(), 6u);
  EXPECT_EQ((*exported)[0].size(), 8u);
  std::size_t sa_rows = 0;
  for (const auto& row : *exported) {
    if (!row.empty() && row[0].text == "SA") {
      ++sa_rows;
      EXPECT_EQ(row[5].type, office::Cell::Type::kDate);
    }
  }
  EXPECT_EQ(sa_rows, 3u);
  const auto version = record(sa).at("version").as_int64();
  r = office_.Call("POST", "/api/v1/security/import?list=guards", r.body);
  ASSERT_EQ(r.status, 200) << r.body;
  report = Json(r);
  EXPECT_EQ(report.at("created").as_int64(), 0);
  EXPECT_EQ(report.at("removed").as_int64(), 0);
  EXPECT_EQ(report.at("updated").as_int64(), static_cast<std::int64_t>(exported->size() - 1));
  EXPECT_EQ(record(sa).at("version").as_int64(), version + 1);
  EXPECT_EQ(record(sa).at("guards").at(0).at("id").as_int64(), first_id);

  // A school cannot write another school's list; a teacher cannot import; bad requests.
  auto school1 = As("school1_safety");
  r = school1.Call("POST", "/api/v1/security/import?list=guards", csv_header + "SA,,冒名,是,,,,\n");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(Json(r).at("errors").at(0).at("column").as_string(), "学校代码");
  EXPECT_EQ(record(sa).at("guards").as_array().size(), 3u);
  EXPECT_EQ(As("school1_teacher")
                .Call("POST", "/api/v1/security/import?list=guards", csv_header + "SA,,x,是,,,,\n")
                .status,
            403);
  r = office_.Call("POST", "/api/v1/security/import?list=cameras", csv_header);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "list");
  r = office_.Call("POST", "/api/v1/security/import?list=alarms", csv_header + "SA,,x,是,,,,\n");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "file");
}

INSTANTIATE_TEST_SUITE_P(Stores, SecurityApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
