// 防溺水警示提醒 over real HTTP on both stores: a rural school's three classes in the week of
// 端午节 2026 (warning days 16, 17 and 18 June), the class teacher's warnings on the day and late,
// refused early, late, twice, for a day that is no warning day or a class that is not theirs; a
// 1530 check-in about drowning counting as the day's warning; the school's and the district's
// board against a hand count; the rule edu.drowning judged into findings; the bureau's campaign
// aimed at some location types, checked field by field, and the tasks of the class teacher;
// the joint-prevention departments' tasks, their reports on time and late, and who is told.
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

class DrowningApiTest : public ::testing::TestWithParam<std::string> {
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
    SetLocation(school_, "rural");
  }

  void Login() {
    safety_ = As("school1_safety");
    teacher_ = As("school1_teacher");
    office_ = As("safety_office");
    ASSERT_FALSE(safety_.cookie.empty());
    ASSERT_FALSE(teacher_.cookie.empty());
    ASSERT_FALSE(office_.cookie.empty());
  }
  void Today(const char* instant) {
    clock_.Set(At(instant));
    Login();
  }

  // The school's location type, as the bureau edits the school.
  void SetLocation(std::int64_t school, const std::string& type) {
    const auto path = "/api/v1/schools/" + std::to_string(school);
    auto got = office_.Call("GET", path);
    ASSERT_EQ(got.status, 200) << got.body;
    auto body = Json(got).as_object();
    body["location_type"] = type;
    for (const char* read_only : {"id", "path", "cluster_name", "created_at", "updated_at"}) {
      body.erase(read_only);
    }
    auto r = office_.Call("PUT", path, json::serialize(body));
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(Json(r).at("location_type").as_string(), type);
  }

  WebSession As(const std::string& user) { return testing::LoginAs(port_, user, passwords_[user]); }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  static std::string FirstField(const HttpReply& r) {
    const auto v = json::parse(r.body);
    const auto& details = v.at("error").at("details").as_array();
    return details.empty() ? "" : std::string(details[0].at("field").as_string());
  }
  std::int64_t CreateClass(int grade, const std::string& name, const std::string& teacher = "") {
    json::object body{{"school_id", school_}, {"grade", grade}, {"name", name}};
    if (!teacher.empty()) body["teacher"] = teacher;
    auto r = safety_.Call("POST", "/api/v1/edu/classes", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  HttpReply Give(const WebSession& as, std::int64_t cls, const std::string& date,
                 const std::string& note = "") {
    return as.Call(
        "POST", "/api/v1/edu/drowning/warnings",
        json::serialize(json::object{{"class_id", cls}, {"date", date}, {"note", note}}));
  }
  static std::string Counts(const json::value& c) {
    return std::to_string(c.at("due").as_int64()) + "/" + std::to_string(c.at("done").as_int64()) +
           "/" + std::to_string(c.at("late").as_int64()) + "/" +
           std::to_string(c.at("missed").as_int64());
  }
  std::string Finding(const std::string& period) {
    auto f = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school_) +
                                     "&rule=edu.drowning&period=" + period);
    EXPECT_EQ(f.status, 200) << f.body;
    const auto items = Json(f).at("items").as_array();
    return items.size() == 1 ? std::string(items[0].at("outcome").as_string()) : "none";
  }

  FixedClock clock_{At("2026-06-16T01:00:00Z")};  // Tuesday 16 June 09:00 in China
  testing::TempDir files_;
  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<app::Services> services_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  WebSession safety_;
  WebSession teacher_;
  WebSession office_;
  std::int64_t school_ = 0;
};

TEST_P(DrowningApiTest, AWeekOfWarningsAgainstAHandCount) {
  const auto a = CreateClass(3, "三年级1班", "school1_teacher");
  const auto b = CreateClass(3, "三年级2班");
  const auto c = CreateClass(4, "四年级1班");
  ASSERT_NE(a * b * c, 0);        // registered on Tuesday 16 June, the week's first warning day
  Today("2026-06-17T01:00:00Z");  // Wednesday

  // The class teacher's page: today's warning of their class first, then yesterday's, still open.
  auto r = teacher_.Call("GET", "/api/v1/edu/drowning/warnings");
  ASSERT_EQ(r.status, 200) << r.body;
  auto mine = Json(r);
  EXPECT_EQ(mine.at("today").as_string(), "2026-06-17");
  EXPECT_EQ(mine.at("late_days").as_int64(), 1);
  const auto& items = mine.at("items").as_array();
  ASSERT_EQ(items.size(), 2u) << r.body;
  EXPECT_EQ(items[0].at("class_id").as_int64(), a);
  EXPECT_EQ(items[0].at("date").as_string(), "2026-06-17");
  EXPECT_EQ(json::serialize(items[0].at("reasons")), R"(["frequency"])");
  EXPECT_EQ(items[0].at("state").as_string(), "due");
  EXPECT_TRUE(items[0].at("can_give").as_bool());
  EXPECT_NE(std::string(items[0].at("text").as_string()).find("六不"), std::string::npos);
  EXPECT_EQ(items[1].at("date").as_string(), "2026-06-16");
  EXPECT_TRUE(items[1].at("can_give").as_bool());

  // Refused: not a warning day, not yet, too long a note, not their class, not a class in scope.
  EXPECT_EQ(FirstField(Give(teacher_, a, "2026-06-15")), "date");  // Monday: no warning day
  EXPECT_EQ(FirstField(Give(teacher_, a, "2026-06-18")), "date");  // tomorrow
  EXPECT_EQ(FirstField(Give(teacher_, a, "2026-06-17", std::string(201, 'x'))), "note");
  EXPECT_EQ(FirstField(Give(teacher_, a, "17 June")), "date");
  EXPECT_EQ(Give(teacher_, b, "2026-06-17").status, 403);
  EXPECT_EQ(FirstField(Give(As("school2_safety"), a, "2026-06-17")), "class_id");

  r = Give(teacher_, a, "2026-06-17", "讲了“六不”");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "done");
  EXPECT_EQ(Json(r).at("via").as_string(), "warning");
  EXPECT_EQ(Json(r).at("warning").at("note").as_string(), "讲了“六不”");
  EXPECT_EQ(Give(teacher_, a, "2026-06-17").status, 409);
  r = Give(teacher_, a, "2026-06-16");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "late");

  // A 1530 check-in about drowning is class B's warning of the day.
  r = safety_.Call(
      "POST", "/api/v1/edu/1530/checkins",
      json::serialize(json::object{
          {"class_id", b}, {"date", "2026-06-17"}, {"kind", "daily"}, {"topic", "drowning"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  r = Give(safety_, b, "2026-06-17");
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("1530"), std::string::npos) << r.body;
  // A check-in about something else is not.
  r = safety_.Call(
      "POST", "/api/v1/edu/1530/checkins",
      json::serialize(json::object{
          {"class_id", c}, {"date", "2026-06-17"}, {"kind", "daily"}, {"topic", "traffic"}}));
  ASSERT_EQ(r.status, 201) << r.body;

  Today("2026-06-18T01:00:00Z");  // Thursday, the eve of 端午节
  r = teacher_.Call("GET", "/api/v1/edu/drowning/warnings");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::serialize(Json(r).at("items").at(0).at("reasons")), R"(["weekend","holiday"])");
  EXPECT_EQ(Json(r).at("items").at(0).at("occasion").as_string(), "端午节");
  ASSERT_EQ(Give(teacher_, a, "2026-06-18").status, 201);
  r = Give(safety_, c, "2026-06-17");  // late, within the rule's one day
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "late");

  Today("2026-06-22T01:00:00Z");                                  // Monday after the holiday
  EXPECT_EQ(FirstField(Give(safety_, b, "2026-06-18")), "date");  // past the late day

  // The school's board for the week: 3 classes × 3 days (16, 17, 18). Done on the day: A 17,
  // A 18, B 17 (1530); late: A 16, C 17; missed: B 16, B 18, C 16, C 18.
  r = safety_.Call("GET", "/api/v1/edu/drowning/board?school_id=" + std::to_string(school_) +
                              "&period=week&date=2026-06-18");
  ASSERT_EQ(r.status, 200) << r.body;
  auto board = Json(r);
  EXPECT_EQ(board.at("scope").as_string(), "school");
  EXPECT_EQ(board.at("from").as_string(), "2026-06-14");
  EXPECT_EQ(board.at("to").as_string(), "2026-06-20");
  EXPECT_EQ(Counts(board.at("totals")), "9/3/2/4");
  EXPECT_EQ(Counts(board.at("high_risk")), "9/3/2/4");
  EXPECT_EQ(Counts(board.at("other")), "0/0/0/0");
  EXPECT_TRUE(board.at("high_risk_school").as_bool());
  EXPECT_EQ(board.at("location_type").as_string(), "rural");
  EXPECT_EQ(board.at("days").as_int64(), 3);
  const auto& missing = board.at("missing").as_array();
  ASSERT_EQ(missing.size(), 4u);
  EXPECT_EQ(missing[0].at("date").as_string(), "2026-06-18");
  const auto& classes = board.at("classes").as_array();
  ASSERT_EQ(classes.size(), 3u);
  EXPECT_EQ(Counts(classes[0]), "3/2/1/0");  // 三年级1班
  EXPECT_EQ(Counts(classes[1]), "3/1/0/2");  // 三年级2班
  EXPECT_EQ(Counts(classes[2]), "3/0/1/2");  // 四年级1班
  EXPECT_EQ(missing[3].at("date").as_string(), "2026-06-16");

  // The district: the rural school among the others with no classes.
  r = office_.Call("GET", "/api/v1/edu/drowning/board?period=week&date=2026-06-18");
  ASSERT_EQ(r.status, 200) << r.body;
  board = Json(r);
  EXPECT_EQ(board.at("scope").as_string(), "district");
  EXPECT_EQ(Counts(board.at("totals")), "9/3/2/4");
  EXPECT_EQ(Counts(board.at("high_risk")), "9/3/2/4");
  bool found = false;
  for (const auto& row : board.at("schools").as_array()) {
    if (row.at("school_id").as_int64() != school_) continue;
    found = true;
    EXPECT_EQ(row.at("location_type").as_string(), "rural");
    EXPECT_TRUE(row.at("high_risk").as_bool());
    EXPECT_EQ(row.at("classes").as_int64(), 3);
    EXPECT_EQ(row.at("days").as_int64(), 3);
    EXPECT_EQ(Counts(row), "9/3/2/4");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(board.at("schools").at(0).at("school_id").as_int64(), school_);  // lowest rate first
  EXPECT_EQ(FirstField(safety_.Call("GET", "/api/v1/edu/drowning/board?period=month")), "period");
  auto xlsx = office_.Call("GET", "/api/v1/edu/drowning/board/export?period=week&date=2026-06-18");
  ASSERT_EQ(xlsx.status, 200);
  auto rows = office::ReadXlsx(xlsx.body);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0][1].text, "所在地");
  EXPECT_EQ(rows->back()[7].text, "4");  // the total's 未提醒

  // The rule: failed for the week once it ended (5 of 9 is short of 100 %).
  const auto judge = [&](int rate) {
    auto p = office_.Call("PUT", "/api/v1/rules/edu.drowning/parameters",
                          R"({"values":{"min_rate":)" + std::to_string(rate) + "}}");
    EXPECT_EQ(p.status, 200) << p.body;
    auto e = office_.Call("POST", "/api/v1/rules/evaluate", R"({"date":"2026-06-18"})");
    EXPECT_EQ(e.status, 200) << e.body;
    return Finding("W2026-06-15");
  };
  EXPECT_EQ(judge(100), "fail");
  EXPECT_EQ(judge(60), "fail");  // ceil(5.4) = 6 of 9
  EXPECT_EQ(judge(50), "pass");  // ceil(4.5) = 5 of 9
  // A rural frequency below the city's is refused, naming it.
  r = office_.Call("PUT", "/api/v1/rules/edu.drowning/parameters",
                   R"({"values":{"days":3,"high_days":2}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "values.high_days");
}

TEST_P(DrowningApiTest, TheBureausCampaignWarnsTheSchoolsItIsAimedAt) {
  const auto a = CreateClass(3, "三年级1班", "school1_teacher");
  ASSERT_NE(a, 0);
  const auto post = [&](const WebSession& as, const json::object& body) {
    return as.Call("POST", "/api/v1/edu/drowning/campaigns", json::serialize(body));
  };
  json::object flood{{"title", "汛期防溺水专项预警"},
                     {"text", "近期强降雨，河塘水位上涨，放学后不到河边、塘边玩耍。"},
                     {"from", "2026-06-22"},
                     {"to", "2026-06-26"},
                     {"location_types", json::array{"rural", "城乡结合部"}}};
  for (const auto& [field, value] : std::vector<std::pair<std::string, json::value>>{
           {"title", json::value("")},
           {"text", json::value(std::string(2001, 'x'))},
           {"to", json::value("2026-06-15")},
           {"to", json::value("2026-10-30")},
           {"from", json::value("June")},
           {"location_types", json::array{"village"}}}) {
    auto bad = flood;
    bad[field] = value;
    EXPECT_EQ(FirstField(post(office_, bad)), field) << json::serialize(value);
  }
  EXPECT_EQ(post(safety_, flood).status, 403);  // a school does not issue campaigns
  auto r = post(office_, flood);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto campaign = Json(r);
  const auto id = campaign.at("id").as_int64();
  EXPECT_EQ(json::serialize(campaign.at("location_types")), R"(["rural","fringe"])");
  EXPECT_EQ(json::serialize(campaign.at("location_type_labels")), R"(["乡村","城乡结合部"])");
  EXPECT_TRUE(campaign.at("can_delete").as_bool());

  // The school sees it; another school of another location type does not.
  auto l = safety_.Call("GET", "/api/v1/edu/drowning/campaigns");
  ASSERT_EQ(l.status, 200);
  ASSERT_EQ(Json(l).at("items").as_array().size(), 1u);
  EXPECT_FALSE(Json(l).at("items").at(0).at("can_delete").as_bool());
  const auto other =
      Json(As("school2_safety").Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  SetLocation(other, "urban");
  EXPECT_EQ(Json(As("school2_safety").Call("GET", "/api/v1/edu/drowning/campaigns"))
                .at("items")
                .as_array()
                .size(),
            0u);

  // Monday 22 June: out of the week's last three days, but a campaign day.
  Today("2026-06-22T01:00:00Z");
  r = teacher_.Call("GET", "/api/v1/edu/drowning/warnings");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto warnings = Json(r);
  const auto& items = warnings.at("items").as_array();
  ASSERT_FALSE(items.empty()) << r.body;
  EXPECT_EQ(items[0].at("date").as_string(), "2026-06-22");
  EXPECT_EQ(json::serialize(items[0].at("reasons")), R"(["campaign"])");
  EXPECT_EQ(items[0].at("campaigns").at(0).at("title").as_string(), "汛期防溺水专项预警");
  // The class teacher's task.
  auto t = teacher_.Call("GET", "/api/v1/me/tasks");
  ASSERT_EQ(t.status, 200) << t.body;
  bool task = false;
  const auto tasks = Json(t);
  for (const auto& g : tasks.at("groups").as_array()) {
    if (g.at("kind").as_string() == "edu.drowning") {
      task = true;
      EXPECT_EQ(g.at("count").as_int64(), 1);
      EXPECT_EQ(g.at("items").at(0).at("due").as_string(), "2026-06-22");
    }
  }
  EXPECT_TRUE(task) << t.body;
  ASSERT_EQ(Give(teacher_, a, "2026-06-22").status, 201);

  // Withdrawn: Tuesday is a plain day again for the school.
  EXPECT_EQ(safety_.Call("DELETE", "/api/v1/edu/drowning/campaigns/" + std::to_string(id)).status,
            403);
  EXPECT_EQ(office_.Call("DELETE", "/api/v1/edu/drowning/campaigns/" + std::to_string(id)).status,
            204);
  EXPECT_EQ(office_.Call("DELETE", "/api/v1/edu/drowning/campaigns/" + std::to_string(id)).status,
            404);
  Today("2026-06-23T01:00:00Z");
  EXPECT_EQ(FirstField(Give(teacher_, a, "2026-06-23")), "date");
  // The audit trail names both.
  auto audit = As("auditor").Call("GET", "/api/v1/audit-logs?action=edu.drowning.campaign");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(Json(audit).at("total").as_int64(), 2);  // edu.drowning.campaign(.delete)
}

// edu.drowning.letter: the spring semester's letter to parents, judged on publishing and on the
// receipts of its classes of known size.
TEST_P(DrowningApiTest, TheTermsParentLetterIsJudgedOnItsReceipts) {
  auto r =
      safety_.Call("POST", "/api/v1/edu/classes",
                   json::serialize(json::object{
                       {"school_id", school_}, {"grade", 3}, {"name", "2班"}, {"students", 5}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto evaluate = [&] {
    auto e = office_.Call("POST", "/api/v1/rules/evaluate", "{}");
    EXPECT_EQ(e.status, 200) << e.body;
  };
  const auto finding = [&] {
    auto f = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school_) +
                                     "&rule=edu.drowning.letter&period=2025-2");
    EXPECT_EQ(f.status, 200) << f.body;
    const auto body = Json(f);
    const auto& items = body.at("items").as_array();
    return items.size() == 1 ? std::string(items[0].at("outcome").as_string()) + " " +
                                   std::string(items[0].at("reason").as_string())
                             : "none";
  };
  evaluate();
  EXPECT_EQ(finding(), "due 2025—2026学年第二学期尚未发布致家长的一封信");
  r = safety_.Call(
      "POST", "/api/v1/edu/letters",
      json::serialize(json::object{{"school_id", school_},
                                   {"school_year", 2025},
                                   {"term", 2},
                                   {"title", "暑假防溺水致家长的一封信"},
                                   {"body", "各位家长：暑假将至，请牢记防溺水“六不”。"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto base = "/api/v1/edu/letters/" + std::to_string(Json(r).at("id").as_int64());
  ASSERT_EQ(safety_.Call("POST", base + "/publish").status, 200);
  // Judged on publishing: no receipt yet.
  EXPECT_EQ(finding(), "due 2025—2026学年第二学期致家长的一封信回执率 0%，需 80%");
  auto c = safety_.Call("GET", base + "/classes");
  ASSERT_EQ(c.status, 200) << c.body;
  const auto classes = Json(c);
  const std::string token(classes.at("items").at(0).at("token").as_string());
  testing::HttpClient parent(port_);
  for (const char* name : {"张三", "李四", "王五", "赵六"}) {
    auto p = parent.Request(
        "POST", "/api/v1/public/letters/" + token + "/receipts",
        json::serialize(json::object{{"student_name", name}, {"relation", "mother"}}));
    ASSERT_EQ(p.status, 201) << p.body;
  }
  evaluate();
  EXPECT_EQ(finding(), "pass 2025—2026学年第二学期致家长的一封信回执率 80%，需 80%");
}

TEST_P(DrowningApiTest, DepartmentsReportOnTheirJointPreventionTasks) {
  auto dept1 = As("dept1_liaison");
  auto dept2 = As("dept2_liaison");
  const auto unit_of = [&](WebSession& as) {
    return Json(as.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  };
  const auto d1 = unit_of(dept1);
  const auto d2 = unit_of(dept2);
  const auto post = [&](const WebSession& as, const json::object& body) {
    return as.Call("POST", "/api/v1/edu/joint-tasks", json::serialize(body));
  };
  json::object patrol{{"title", "暑期水域巡查"},
                      {"text", "汛期前完成辖区坑塘、河道巡查，补齐警示标志和防护设施。"},
                      {"kinds", json::array{"patrol", "signs", "fences"}},
                      {"due_on", "2026-06-30"},
                      {"department_ids", json::array{d1, d2}}};
  for (const auto& [field, value] :
       std::vector<std::pair<std::string, json::value>>{{"title", json::value("")},
                                                        {"kinds", json::array{"swim"}},
                                                        {"due_on", json::value("2026-06-15")},
                                                        {"due_on", json::value("June")},
                                                        {"department_ids", json::array{}},
                                                        {"department_ids", json::array{school_}}}) {
    auto bad = patrol;
    bad[field] = value;
    EXPECT_EQ(FirstField(post(office_, bad)), field) << json::serialize(value);
  }
  // A department of the city, outside the district bureau's county.
  auto city_dept =
      As("sysadmin")
          .Call("POST", "/api/v1/departments",
                R"({"name":"示范市水利局","department_kind":"water","region_code":"990100"})");
  ASSERT_EQ(city_dept.status, 201) << city_dept.body;
  auto outside = patrol;
  outside["department_ids"] = json::array{d1, Json(city_dept).at("id").as_int64()};
  auto refused = post(office_, outside);
  EXPECT_EQ(FirstField(refused), "department_ids");
  EXPECT_NE(refused.body.find("不在"), std::string::npos) << refused.body;
  EXPECT_EQ(post(safety_, patrol).status, 403);
  EXPECT_EQ(post(dept1, patrol).status, 403);
  auto r = post(office_, patrol);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto task = Json(r);
  const auto id = task.at("id").as_int64();
  const auto path = "/api/v1/edu/joint-tasks/" + std::to_string(id);
  EXPECT_EQ(json::serialize(task.at("kind_labels")),
            R"(["巡查水域","设置警示标志","设置防护设施"])");
  EXPECT_EQ(task.at("departments").as_array().size(), 2u);
  EXPECT_EQ(task.at("departments").at(0).at("state").as_string(), "pending");
  EXPECT_TRUE(task.at("can_delete").as_bool());
  EXPECT_FALSE(task.at("can_report").as_bool());
  // Only for the second department: the first does not see it.
  auto only2 = patrol;
  only2["department_ids"] = json::array{d2};
  r = post(office_, only2);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto second = Json(r).at("id").as_int64();
  EXPECT_EQ(dept1.Call("GET", "/api/v1/edu/joint-tasks/" + std::to_string(second)).status, 404);

  // Who sees what: the department its task, the bureau both, a school none.
  const auto listed = [&](WebSession& as) -> std::int64_t {
    auto l = as.Call("GET", "/api/v1/edu/joint-tasks");
    EXPECT_EQ(l.status, 200) << l.body;
    return l.status == 200 ? static_cast<std::int64_t>(Json(l).at("items").as_array().size()) : -1;
  };
  EXPECT_EQ(listed(dept1), 1);
  EXPECT_EQ(listed(dept2), 2);
  EXPECT_EQ(listed(office_), 2);
  EXPECT_EQ(listed(safety_), 0);
  EXPECT_EQ(As("secadmin").Call("GET", "/api/v1/edu/joint-tasks").status, 403);
  const auto group = [&](WebSession& as, const std::string& kind) -> std::int64_t {
    auto t = as.Call("GET", "/api/v1/me/tasks");
    EXPECT_EQ(t.status, 200) << t.body;
    const auto tasks = Json(t);
    for (const auto& g : tasks.at("groups").as_array()) {
      if (g.at("kind").as_string() == kind) return g.at("count").as_int64();
    }
    return 0;
  };
  EXPECT_EQ(group(dept1, "edu.joint"), 1);

  // The first department reports on time; errors name the field.
  const auto report = [&](WebSession& as, const std::string& task_path, json::object body) {
    return as.Call("PUT", task_path + "/report", json::serialize(body));
  };
  json::object done{{"text", "巡查坑塘 12 处，新设警示牌 8 块，加装护栏 2 处。"},
                    {"patrolled", 12},
                    {"signs", 8},
                    {"fences", 2},
                    {"hazards", 1}};
  auto bad = done;
  bad["patrolled"] = -1;
  EXPECT_EQ(FirstField(report(dept1, path, bad)), "patrolled");
  bad = done;
  bad["text"] = "";
  EXPECT_EQ(FirstField(report(dept1, path, bad)), "text");
  EXPECT_EQ(report(office_, path, done).status, 403);
  // Photos from the site: the department's own uploads only, each refusal naming its place.
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, '\x07');
  const auto upload = [&](WebSession& as, const std::string& name) -> std::int64_t {
    auto u = as.Call("POST", "/api/v1/files?name=" + name, png);
    EXPECT_EQ(u.status, 201) << u.body;
    return u.status == 201 ? Json(u).at("id").as_int64() : 0;
  };
  const auto pond = upload(dept1, "pond.png");
  const auto not_mine = upload(dept2, "river.png");
  auto with_photos = done;
  with_photos["file_ids"] = json::array{pond, not_mine};
  r = report(dept1, path, with_photos);
  EXPECT_EQ(FirstField(r), "file_ids[1]") << r.body;
  EXPECT_EQ(Json(office_.Call("GET", path)).at("reported").as_int64(), 0);  // nothing half written
  with_photos["file_ids"] = json::array{pond};
  r = report(dept1, path, with_photos);
  ASSERT_EQ(r.status, 200) << r.body;
  auto after = Json(r);
  EXPECT_EQ(after.at("reported").as_int64(), 1);
  EXPECT_EQ(after.at("departments").at(0).at("state").as_string(), "reported");
  EXPECT_EQ(after.at("departments").at(0).at("report").at("signs").as_int64(), 8);
  ASSERT_EQ(after.at("departments").at(0).at("report").at("files").as_array().size(), 1u);
  EXPECT_EQ(after.at("departments").at(0).at("report").at("files").at(0).at("id").as_int64(), pond);
  // The list carries no photos; the task's own page does, for the bureau too.
  EXPECT_FALSE(Json(office_.Call("GET", "/api/v1/edu/joint-tasks"))
                   .at("items")
                   .at(1)
                   .at("departments")
                   .at(0)
                   .at("report")
                   .as_object()
                   .contains("files"));
  EXPECT_EQ(Json(office_.Call("GET", path))
                .at("departments")
                .at(0)
                .at("report")
                .at("files")
                .as_array()
                .size(),
            1u);
  // Whoever sees the task downloads its photos; a school does not.
  const auto photo_path = "/api/v1/files/" + std::to_string(pond);
  EXPECT_EQ(office_.Call("GET", photo_path).body, png);
  EXPECT_EQ(dept2.Call("GET", photo_path).status, 200);
  EXPECT_EQ(safety_.Call("GET", photo_path).status, 404);
  // An attached photo is not claimed twice.
  with_photos["file_ids"] = json::array{pond};
  EXPECT_EQ(FirstField(report(dept1, path, with_photos)), "file_ids[0]");
  EXPECT_FALSE(after.at("can_delete").as_bool());
  EXPECT_EQ(group(dept1, "edu.joint"), 0);
  auto notes = office_.Call("GET", "/api/v1/notifications");
  ASSERT_EQ(notes.status, 200) << notes.body;
  EXPECT_NE(notes.body.find("已报告：暑期水域巡查"), std::string::npos) << notes.body;

  // Not withdrawn once reported; the other one is.
  r = office_.Call("DELETE", path);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(office_.Call("DELETE", "/api/v1/edu/joint-tasks/" + std::to_string(second)).status,
            204);

  // After the due day: the second department is overdue, then reports late; the first updates.
  Today("2026-07-02T01:00:00Z");
  dept1 = As("dept1_liaison");
  dept2 = As("dept2_liaison");
  r = office_.Call("GET", path);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("overdue").as_int64(), 1);
  EXPECT_EQ(Json(r).at("departments").at(1).at("state").as_string(), "overdue");
  EXPECT_EQ(group(office_, "edu.joint.overdue"), 1);
  r = report(dept2, path, done);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("departments").at(1).at("state").as_string(), "late");
  EXPECT_EQ(Json(r).at("departments").at(1).at("state_label").as_string(), "逾期报告");
  done["signs"] = 10;
  r = report(dept1, path, done);
  ASSERT_EQ(r.status, 200) << r.body;
  after = Json(r);
  EXPECT_EQ(after.at("reported").as_int64(), 2);
  EXPECT_EQ(after.at("overdue").as_int64(), 0);
  // Replaced, and now after the due day.
  EXPECT_EQ(after.at("departments").at(0).at("report").at("signs").as_int64(), 10);
  // The earlier report's photo stays with the replaced report.
  EXPECT_EQ(after.at("departments").at(0).at("report").at("files").as_array().size(), 1u);
  EXPECT_EQ(after.at("departments").at(0).at("state").as_string(), "late");
  EXPECT_EQ(group(office_, "edu.joint.overdue"), 0);
  auto audit = As("auditor").Call("GET", "/api/v1/audit-logs?action=edu.joint");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(Json(audit).at("total").as_int64(), 6);  // 2 created, 1 withdrawn, 3 reports
  EXPECT_NE(audit.body.find("照片 1 张"), std::string::npos) << audit.body;
}

INSTANTIATE_TEST_SUITE_P(Stores, DrowningApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
