// 1530 over real HTTP on both stores: a school's twelve classes, the class teacher's sessions and
// check-ins (on the day, late within the rule's days, refused after it, before it, twice, for a
// class that is not theirs or a day without that session), a photo readable by the school only,
// completion for the school and the district against a count made by hand, the rules judged
// into findings, the class teacher's task, classes imported from .xlsx all or nothing, and
// errors that name the field.
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

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, '\x03');

class EduApiTest : public ::testing::TestWithParam<std::string> {
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
    other_school_ =
        Json(As("school2_safety").Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
    // The school's own dismissal times: 16:30, Fridays 15:40.
    auto r = As("school1_leader")
                 .Call("PUT", "/api/v1/units/" + std::to_string(school_) + "/calendar/dismissals",
                       R"({"dismissals":[{"time":"16:30"},{"weekday":5,"time":"15:40"}]})");
    ASSERT_EQ(r.status, 200) << r.body;
  }

  // Sessions end when the clock moves on by days: everyone signs in again.
  void Login() {
    safety_ = As("school1_safety");
    teacher_ = As("school1_teacher");
    office_ = As("safety_office");
    ASSERT_FALSE(safety_.cookie.empty());
    ASSERT_FALSE(teacher_.cookie.empty());
  }
  void Today(const char* instant) {
    clock_.Set(At(instant));
    Login();
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
  HttpReply CheckIn(const WebSession& as, std::int64_t cls, const std::string& date,
                    const std::string& kind = "daily", json::object extra = {}) {
    extra["class_id"] = cls;
    extra["date"] = date;
    extra["kind"] = kind;
    return as.Call("POST", "/api/v1/edu/1530/checkins", json::serialize(extra));
  }
  void MustCheckIn(const WebSession& as, std::int64_t cls, const std::string& date) {
    auto r = CheckIn(as, cls, date);
    ASSERT_EQ(r.status, 201) << date << " " << r.body;
  }
  json::object Completion(const WebSession& as, const std::string& query) {
    auto r = as.Call("GET", "/api/v1/edu/1530/completion?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Json(r).as_object() : json::object{};
  }
  static std::string Counts(const json::value& c) {
    return std::to_string(c.at("due").as_int64()) + "/" + std::to_string(c.at("done").as_int64()) +
           "/" + std::to_string(c.at("late").as_int64()) + "/" +
           std::to_string(c.at("missed").as_int64());
  }

  FixedClock clock_{At("2026-11-30T01:00:00Z")};  // Monday 09:00 in China
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
  std::int64_t other_school_ = 0;
};

TEST_P(EduApiTest, ClassesAreCheckedAndTheClassTeacherSeesOnlyTheirs) {
  auto r = safety_.Call(
      "POST", "/api/v1/edu/classes",
      json::serialize(json::object{{"school_id", school_}, {"grade", 13}, {"name", "1班"}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "grade");
  r = safety_.Call(
      "POST", "/api/v1/edu/classes",
      json::serialize(json::object{
          {"school_id", school_}, {"grade", 3}, {"name", "2班"}, {"teacher", "school2_teacher"}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "teacher");  // an account of another school
  r = safety_.Call(
      "POST", "/api/v1/edu/classes",
      json::serialize(json::object{{"school_id", other_school_}, {"grade", 3}, {"name", "2班"}}));
  EXPECT_EQ(FirstField(r), "school_id");  // not in scope
  r = safety_.Call("POST", "/api/v1/edu/classes",
                   json::serialize(json::object{{"school_id", school_}, {"grade", 3}}));
  EXPECT_EQ(FirstField(r), "name");
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/edu/classes")).at("total").as_int64(), 0);

  const auto mine = CreateClass(3, "2班", "school1_teacher");
  const auto other = CreateClass(3, "3班");
  ASSERT_NE(mine, 0);
  r = safety_.Call(
      "POST", "/api/v1/edu/classes",
      json::serialize(json::object{{"school_id", school_}, {"grade", 3}, {"name", "2班"}}));
  EXPECT_EQ(r.status, 409);  // one per school, grade and name

  // The teacher sees their class only, with their display name; cannot manage classes.
  auto list = Json(teacher_.Call("GET", "/api/v1/edu/classes"));
  ASSERT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").as_array()[0].at("id").as_int64(), mine);
  EXPECT_EQ(list.at("items").as_array()[0].at("teacher_name").as_string(), "班主任");
  EXPECT_EQ(list.at("items").as_array()[0].at("grade_label").as_string(), "三年级");
  EXPECT_EQ(teacher_.Call("POST", "/api/v1/edu/classes", "{}").status, 403);
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/edu/classes")).at("total").as_int64(), 2);
  EXPECT_EQ(Json(office_.Call("GET", "/api/v1/edu/classes?school_id=" + std::to_string(school_)))
                .at("total")
                .as_int64(),
            2);
  EXPECT_EQ(Json(As("school2_safety").Call("GET", "/api/v1/edu/classes")).at("total").as_int64(),
            0);
  EXPECT_EQ(As("dept1_liaison").Call("GET", "/api/v1/edu/classes").status, 403);

  // A change with the version read; a stale one is refused and nothing changes.
  auto c = Json(safety_.Call("GET", "/api/v1/edu/classes?q=3%E7%8F%AD")).at("items").as_array()[0];
  ASSERT_EQ(c.at("id").as_int64(), other);
  json::object change{{"grade", 3},
                      {"name", "3班"},
                      {"teacher", "school1_teacher"},
                      {"active", true},
                      {"version", c.at("version")}};
  r = safety_.Call("PUT", "/api/v1/edu/classes/" + std::to_string(other), json::serialize(change));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("version").as_int64(), 2);
  r = safety_.Call("PUT", "/api/v1/edu/classes/" + std::to_string(other), json::serialize(change));
  EXPECT_EQ(r.status, 409);
  change["name"] = "2班";
  change["version"] = 2;
  r = safety_.Call("PUT", "/api/v1/edu/classes/" + std::to_string(other), json::serialize(change));
  EXPECT_EQ(r.status, 409);  // the name of the other class
  EXPECT_EQ(Json(teacher_.Call("GET", "/api/v1/edu/classes")).at("total").as_int64(), 2);
  // Stopped: gone from lists unless asked for.
  change["name"] = "3班";
  change["active"] = false;
  r = safety_.Call("PUT", "/api/v1/edu/classes/" + std::to_string(other), json::serialize(change));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/edu/classes")).at("total").as_int64(), 1);
  EXPECT_EQ(
      Json(safety_.Call("GET", "/api/v1/edu/classes?include_inactive=true")).at("total").as_int64(),
      2);
  EXPECT_EQ(As("school2_safety")
                .Call("PUT", "/api/v1/edu/classes/" + std::to_string(mine), json::serialize(change))
                .status,
            404);
}

// Twelve classes over the week of 30 November; counted by hand:
//   Monday:    classes 0–9 on the day; class 10 on Tuesday (late); class 11 never.
//   Tuesday:   classes 0–5 on the day.
//   Wednesday: class 0 on Thursday (late); class 11's Monday is refused then (3 days late).
//   Thursday:  class 1 on the day (10:00); the rest of Thursday is still open.
// On Thursday the week's due sessions are Monday to Wednesday (36) and class 1's Thursday (1):
// 37 due, 17 done, 2 late, 18 missed.
TEST_P(EduApiTest, AWeekOfCheckInsAgainstAHandCount) {
  std::vector<std::int64_t> classes;
  for (int grade = 1; grade <= 6; ++grade) {
    for (const char* name : {"1班", "2班"}) {
      classes.push_back(CreateClass(grade, name, grade == 1 ? "school1_teacher" : ""));
    }
  }
  ASSERT_EQ(classes.size(), 12u);

  // Monday. The teacher's page: today's daily session of each of their two classes.
  auto mine = Json(teacher_.Call("GET", "/api/v1/edu/1530/sessions"));
  EXPECT_EQ(mine.at("today").as_string(), "2026-11-30");
  EXPECT_EQ(mine.at("late_days").as_int64(), 2);
  const auto& items = mine.at("items").as_array();
  ASSERT_EQ(items.size(), 2u) << mine;
  EXPECT_EQ(items[0].at("date").as_string(), "2026-11-30");
  EXPECT_EQ(items[0].at("kind").as_string(), "daily");
  EXPECT_EQ(items[0].at("at").as_string(), "16:29");
  EXPECT_EQ(items[0].at("state").as_string(), "due");
  EXPECT_TRUE(items[0].at("can_check_in").as_bool());
  EXPECT_TRUE(items[0].at("checkin").is_null());
  EXPECT_FALSE(items[0].at("text").as_string().empty());
  // Winter: fire, electricity, gas and carbon monoxide for a daily session in December? Not yet:
  // 30 November is November, which is winter too.
  EXPECT_EQ(items[0].at("topic").as_string(), "fire");

  // The teacher checks in their class with a photo and another topic; the rest by the school's
  // safety officer.
  auto photo = teacher_.Call("POST", "/api/v1/files?name=1530.png", kPng);
  ASSERT_EQ(photo.status, 201) << photo.body;
  const auto file = Json(photo).at("id").as_int64();
  auto r =
      CheckIn(teacher_, classes[0], "2026-11-30", "daily",
              {{"topic", "traffic"}, {"note", "放学路上靠右走"}, {"file_ids", json::array{file}}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto v = Json(r);
  EXPECT_EQ(v.at("state").as_string(), "done");
  EXPECT_EQ(v.at("topic").as_string(), "traffic");
  EXPECT_EQ(v.at("checkin").at("by_name").as_string(), "班主任");
  EXPECT_EQ(v.at("checkin").at("file_ids").as_array().size(), 1u);
  EXPECT_FALSE(v.at("can_check_in").as_bool());
  // Twice: refused, and the first stays.
  r = CheckIn(teacher_, classes[0], "2026-11-30");
  EXPECT_EQ(r.status, 409);
  // Not their class: refused; another school's safety officer: no such class for them.
  EXPECT_EQ(CheckIn(teacher_, classes[2], "2026-11-30").status, 403);
  r = CheckIn(As("school2_safety"), classes[2], "2026-11-30");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "class_id");
  // Days and kinds that have no such session, ahead of time, bad values.
  r = CheckIn(safety_, classes[2], "2026-12-05");  // Saturday
  EXPECT_EQ(FirstField(r), "date");
  r = CheckIn(safety_, classes[2], "2026-11-30", "weekly");  // the weekly one is on Friday
  EXPECT_EQ(FirstField(r), "date");
  r = CheckIn(safety_, classes[2], "2026-12-01");  // tomorrow
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "date");
  EXPECT_EQ(FirstField(CheckIn(safety_, classes[2], "2026-11-30", "monthly")), "kind");
  EXPECT_EQ(FirstField(CheckIn(safety_, classes[2], "2026-11-31")), "date");
  EXPECT_EQ(FirstField(CheckIn(safety_, classes[2], "2026-11-30", "daily", {{"topic", "x"}})),
            "topic");
  EXPECT_EQ(FirstField(CheckIn(safety_, classes[2], "2026-11-30", "daily",
                               {{"note", std::string(501, 'a')}})),
            "note");
  EXPECT_EQ(FirstField(CheckIn(safety_, classes[2], "2026-11-30", "daily",
                               {{"file_ids", json::array{file}}})),
            "file_ids[0]");  // already attached, and not theirs
  for (int i = 1; i <= 9; ++i) MustCheckIn(safety_, classes[i], "2026-11-30");

  // The photo: the school reads it, another school does not.
  EXPECT_EQ(safety_.Call("GET", "/api/v1/files/" + std::to_string(file)).status, 200);
  EXPECT_EQ(As("school2_safety").Call("GET", "/api/v1/files/" + std::to_string(file)).status, 404);

  // Tuesday.
  Today("2026-12-01T01:00:00Z");
  for (int i = 0; i <= 5; ++i) MustCheckIn(i < 2 ? teacher_ : safety_, classes[i], "2026-12-01");
  r = CheckIn(safety_, classes[10], "2026-11-30");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "late");
  // Wednesday passes without a check-in. Thursday 10:00.
  Today("2026-12-03T02:00:00Z");
  r = CheckIn(safety_, classes[11], "2026-11-30");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "date");
  EXPECT_NE(r.body.find("补录期限"), std::string::npos) << r.body;
  // The teacher's page: Thursday's two sessions, Wednesday's two to record late; then Tuesday's
  // and Monday's are done and not listed.
  mine = Json(teacher_.Call("GET", "/api/v1/edu/1530/sessions"));
  std::vector<std::string> seen;
  for (const auto& s : mine.at("items").as_array()) {
    seen.push_back(std::string(s.at("date").as_string()) + " " +
                   std::string(s.at("state").as_string()) +
                   (s.at("can_check_in").as_bool() ? " open" : ""));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"2026-12-03 due open", "2026-12-03 due open",
                                            "2026-12-02 missed open", "2026-12-02 missed open"}));
  // The teacher's task: four sessions, two of them late.
  bool found = false;
  const auto tasks = Json(teacher_.Call("GET", "/api/v1/me/tasks"));
  for (const auto& g : tasks.at("groups").as_array()) {
    if (g.at("kind") != "edu.1530") continue;
    found = true;
    EXPECT_EQ(g.at("count").as_int64(), 4);
    EXPECT_EQ(g.at("overdue").as_int64(), 2);
  }
  EXPECT_TRUE(found);
  MustCheckIn(teacher_, classes[0], "2026-12-02");
  MustCheckIn(teacher_, classes[1], "2026-12-03");

  // The school's week as the safety officer sees it.
  auto week = Completion(safety_, "school_id=" + std::to_string(school_));
  EXPECT_EQ(week.at("from").as_string(), "2026-11-29");
  EXPECT_EQ(week.at("to").as_string(), "2026-12-05");
  EXPECT_EQ(Counts(week.at("totals")), "37/17/2/18");
  EXPECT_NEAR(week.at("totals").at("rate").as_double(), 19.0 / 37.0, 1e-9);
  EXPECT_EQ(Counts(week.at("by_kind").at("daily")), "37/17/2/18");
  EXPECT_EQ(Counts(week.at("by_kind").at("weekly")), "0/0/0/0");  // Friday is ahead
  const auto& rows = week.at("classes").as_array();
  ASSERT_EQ(rows.size(), 12u);
  EXPECT_EQ(Counts(rows[0]), "3/2/1/0");   // grade 1 1班: Mon, Tue, Wed late; Thu open
  EXPECT_EQ(Counts(rows[1]), "4/3/0/1");   // grade 1 2班: Mon, Tue, Thu; Wed missed
  EXPECT_EQ(Counts(rows[10]), "3/0/1/2");  // grade 6 1班: Mon late; Tue, Wed missed
  EXPECT_EQ(Counts(rows[11]), "3/0/0/3");
  EXPECT_EQ(week.at("missing").as_array().size(), 18u);
  EXPECT_EQ(week.at("missing").as_array()[0].at("date").as_string(), "2026-12-02");

  // The district: school 1 first (the lowest rate), the same figures; a school without classes
  // has nothing due.
  auto district = Completion(office_, "period=week");
  EXPECT_EQ(district.at("scope").as_string(), "district");
  EXPECT_EQ(Counts(district.at("totals")), "37/17/2/18");
  const auto& schools = district.at("schools").as_array();
  ASSERT_GE(schools.size(), 2u);
  EXPECT_EQ(schools[0].at("school_id").as_int64(), school_);
  EXPECT_EQ(schools[0].at("classes").as_int64(), 12);
  EXPECT_EQ(Counts(schools[1]), "0/0/0/0");
  // A custom range and the semester; errors name the field.
  EXPECT_EQ(Counts(Completion(safety_, "school_id=" + std::to_string(school_) +
                                           "&period=custom&from=2026-11-30&to=2026-11-30")
                       .at("totals")),
            "12/10/1/1");
  auto semester = Completion(safety_, "school_id=" + std::to_string(school_) + "&period=semester");
  EXPECT_EQ(semester.at("from").as_string(), "2026-09-01");
  // The classes were registered on Monday: nothing before counts against them.
  EXPECT_EQ(Counts(semester.at("totals")), "37/17/2/18");
  r = safety_.Call("GET",
                   "/api/v1/edu/1530/completion?period=custom&from=2026-12-03&to=2026-12-01");
  EXPECT_EQ(FirstField(r), "to");
  r = safety_.Call("GET", "/api/v1/edu/1530/completion?period=month");
  EXPECT_EQ(FirstField(r), "period");
  r = safety_.Call("GET", "/api/v1/edu/1530/completion?school_id=" + std::to_string(other_school_));
  EXPECT_EQ(FirstField(r), "school_id");
  auto xlsx = safety_.Call(
      "GET", "/api/v1/edu/1530/completion/export?school_id=" + std::to_string(school_));
  ASSERT_EQ(xlsx.status, 200);
  auto sheets = office::ReadXlsx(xlsx.body);
  ASSERT_TRUE(sheets.ok());
  ASSERT_EQ(sheets->size(), 14u);  // header, 12 classes, the total
  EXPECT_EQ((*sheets)[13][3].text, "37");

  // The rules: the daily rule is due for the week so far, in the engine's findings.
  auto f = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school_) +
                                   "&rule=edu.1530.daily&period=W2026-11-30");
  ASSERT_EQ(f.status, 200) << f.body;
  const auto findings = Json(f);
  const auto& found_items = findings.at("items").as_array();
  ASSERT_EQ(found_items.size(), 1u) << f.body;
  EXPECT_EQ(found_items[0].at("outcome").as_string(), "due");
}

TEST_P(EduApiTest, ClassesComeFromASpreadsheetAllOrNothing) {
  auto tpl = safety_.Call("GET", "/api/v1/edu/classes/import-template");
  ASSERT_EQ(tpl.status, 200);
  auto rows = office::ReadXlsx(tpl.body);
  ASSERT_TRUE(rows.ok());
  const auto header = (*rows)[0];
  const auto school = Json(safety_.Call("GET", "/api/v1/schools/" + std::to_string(school_)));
  const std::string code(school.at("code").as_string());
  std::vector<std::string> names;
  for (const auto& c : header) names.push_back(c.text);
  office::Sheet sheet{"班级", {office::TextRow(names)}};
  sheet.rows.push_back(office::TextRow({code, "初二", "1班", "school1_teacher"}));
  sheet.rows.push_back(office::TextRow({code, "十三年级", "2班", ""}));          // row 3: grade
  sheet.rows.push_back(office::TextRow({"NOSUCH", "3", "2班", ""}));             // row 4: school
  sheet.rows.push_back(office::TextRow({code, "3", "2班", "school2_teacher"}));  // row 5
  sheet.rows.push_back(office::TextRow({code, "初二", "1班", ""}));              // row 6: twice
  auto xlsx = office::WriteXlsx({sheet});
  ASSERT_TRUE(xlsx.ok());
  auto r = safety_.Call("POST", "/api/v1/edu/classes/import", *xlsx);
  ASSERT_EQ(r.status, 422) << r.body;
  auto report = Json(r);
  EXPECT_FALSE(report.at("applied").as_bool());
  std::vector<std::string> errors;
  for (const auto& e : report.at("errors").as_array()) {
    errors.push_back(std::to_string(e.at("row").as_int64()) + " " +
                     std::string(e.at("column").as_string()));
  }
  EXPECT_EQ(errors, (std::vector<std::string>{"3 年级", "4 学校代码", "5 班主任用户名", "6 班级"}));
  EXPECT_EQ(Json(safety_.Call("GET", "/api/v1/edu/classes")).at("total").as_int64(), 0);

  CreateClass(8, "1班");
  office::Sheet good{"班级", {office::TextRow(names)}};
  good.rows.push_back(office::TextRow({code, "初二", "1班", "school1_teacher"}));
  good.rows.push_back(office::TextRow({code, "7", "3班", ""}));
  good.rows.push_back(office::TextRow({code, "幼儿园", "大一班", ""}));
  xlsx = office::WriteXlsx({good});
  r = safety_.Call("POST", "/api/v1/edu/classes/import", *xlsx);
  ASSERT_EQ(r.status, 200) << r.body;
  report = Json(r);
  EXPECT_EQ(report.at("created").as_int64(), 2);
  EXPECT_EQ(report.at("updated").as_int64(), 1);
  auto list = Json(teacher_.Call("GET", "/api/v1/edu/classes"));
  ASSERT_EQ(list.at("total").as_int64(), 1);  // 初二 1班 now has its class teacher
  EXPECT_EQ(list.at("items").as_array()[0].at("grade").as_int64(), 8);
  // Out again: three classes; the teacher may not import.
  auto out = safety_.Call("GET", "/api/v1/edu/classes/export");
  ASSERT_EQ(out.status, 200);
  auto back = office::ReadXlsx(out.body);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->size(), 4u);
  EXPECT_EQ(teacher_.Call("POST", "/api/v1/edu/classes/import", *xlsx).status, 403);
}

// Education records: checked with the field named, within the school's scope and classes; judged
// at once by edu.first_lesson and edu.days into findings; shown on the school's and the
// district's education calendar; a stale edit refused; exported; deleted with the judgement
// following.
TEST_P(EduApiTest, EducationRecordsAreJudgedAndShownOnTheCalendar) {
  const auto cls = CreateClass(3, "2班");
  auto r = As("school2_safety")
               .Call("POST", "/api/v1/edu/classes",
                     json::serialize(json::object{
                         {"school_id", other_school_}, {"grade", 1}, {"name", "1班"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto foreign_class = Json(r).at("id").as_int64();
  auto lesson = [&](json::object extra) {
    json::object body{{"school_id", school_},
                      {"date", "2026-11-09"},
                      {"theme", "fire"},
                      {"title", "消防日疏散知识讲座"},
                      {"participants", 620}};
    for (const auto& [k, v] : extra) body[k] = v;
    return body;
  };
  auto post = [&](const WebSession& as, json::object body) {
    return as.Call("POST", "/api/v1/edu/lessons", json::serialize(body));
  };
  // Refusals name the field and write nothing.
  EXPECT_EQ(FirstField(post(safety_, lesson({{"date", "2026-12-01"}}))), "date");
  EXPECT_EQ(
      FirstField(post(safety_, lesson({{"date", "2026-10-30"}, {"observance", "fire_month"}}))),
      "observance");
  EXPECT_EQ(FirstField(post(safety_, lesson({{"theme", "nope"}}))), "theme");
  EXPECT_EQ(FirstField(post(safety_, lesson({{"participants", 0}}))), "participants");
  EXPECT_EQ(FirstField(post(safety_, lesson({{"school_id", other_school_}}))), "school_id");
  EXPECT_EQ(FirstField(post(safety_, lesson({{"whole_school", false},
                                             {"class_ids", json::array{cls, foreign_class}}}))),
            "class_ids[1]");
  EXPECT_EQ(post(teacher_, lesson({})).status, 403);
  r = safety_.Call("GET", "/api/v1/edu/lessons");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("total").as_int64(), 0);

  // The fire month's activity with a photo.
  auto photo = safety_.Call("POST", "/api/v1/files?name=fire.png", kPng);
  ASSERT_EQ(photo.status, 201) << photo.body;
  const auto file = Json(photo).at("id").as_int64();
  r = post(safety_, lesson({{"observance", "fire_month"}, {"file_ids", json::array{file}}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto fire = Json(r);
  const auto fire_id = fire.at("id").as_int64();
  EXPECT_EQ(fire.at("files").as_array().size(), 1u);
  EXPECT_EQ(fire.at("observance_label").as_string(), "消防宣传月");
  EXPECT_TRUE(fire.at("whole_school").as_bool());
  EXPECT_EQ(As("school2_safety").Call("GET", "/api/v1/files/" + std::to_string(file)).status, 404);
  EXPECT_EQ(
      As("school2_safety").Call("GET", "/api/v1/edu/lessons/" + std::to_string(fire_id)).status,
      404);
  auto finding = [&](const std::string& rule, const std::string& period) {
    auto f = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school_) +
                                     "&rule=" + rule + "&period=" + period);
    EXPECT_EQ(f.status, 200) << f.body;
    const auto items = Json(f).at("items").as_array();
    return items.size() == 1 ? std::string(items[0].at("outcome").as_string()) : "none";
  };
  EXPECT_EQ(finding("edu.days", "2026-11"), "pass");

  // A first lesson outside the first week (1–7 September) counts for nothing.
  r = post(safety_, lesson({{"date", "2026-09-08"},
                            {"theme", "first_lesson"},
                            {"title", "开学安全第一课"},
                            {"whole_school", false},
                            {"class_ids", json::array{cls}}}));
  ASSERT_EQ(r.status, 201) << r.body;
  auto first = Json(r).as_object();
  EXPECT_EQ(first.at("class_names").as_array().at(0).as_string(), "三年级2班");
  EXPECT_EQ(finding("edu.first_lesson", "2026-1"), "fail");
  auto calendar = [&](const WebSession& as, const std::string& query) {
    auto c = as.Call("GET", "/api/v1/edu/calendar?" + query);
    EXPECT_EQ(c.status, 200) << c.body;
    return c.status == 200 ? Json(c) : json::value{};
  };
  auto item = [&](const json::value& cal, const std::string& key) -> std::string {
    for (const auto& i : cal.at("items").as_array()) {
      if (i.at("key").as_string() == key) return std::string(i.at("outcome").as_string());
    }
    return "none";
  };
  const auto school_query = "school_id=" + std::to_string(school_) + "&year=2026";
  auto c = calendar(safety_, school_query);
  EXPECT_EQ(c.at("items").as_array().size(), 8u);  // two semesters starting in 2026, four days
  EXPECT_EQ(item(c, "fire_month:2026"), "pass");
  EXPECT_EQ(item(c, "first_lesson:2026-1"), "fail");
  EXPECT_EQ(item(c, "bullying_lesson:2026-1"), "due");
  EXPECT_EQ(item(c, "security_day:2026"), "fail");

  // Moved into the week by an edit with the version read; a stale one is refused.
  const auto path = "/api/v1/edu/lessons/" + std::to_string(first.at("id").as_int64());
  first["date"] = "2026-09-07";
  r = safety_.Call("PUT", path, json::serialize(first));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("version").as_int64(), 2);
  EXPECT_EQ(safety_.Call("PUT", path, json::serialize(first)).status, 409);
  EXPECT_EQ(finding("edu.first_lesson", "2026-1"), "pass");
  EXPECT_EQ(item(calendar(safety_, school_query), "first_lesson:2026-1"), "pass");

  // The district: one row per school, the most failures first; a school sees its own row only.
  c = calendar(office_, "year=2026");
  EXPECT_FALSE(c.at("school").as_bool());
  EXPECT_EQ(c.at("columns").as_array().size(), 8u);
  std::map<std::int64_t, json::object> rows;
  for (const auto& row : c.at("schools").as_array()) {
    rows[row.at("school_id").as_int64()] = row.as_object();
  }
  ASSERT_TRUE(rows.count(school_) && rows.count(other_school_));
  EXPECT_EQ(rows[school_].at("cells").at("fire_month:2026").as_string(), "pass");
  // 30 November: the month has a day left.
  EXPECT_EQ(rows[other_school_].at("cells").at("fire_month:2026").as_string(), "due");
  EXPECT_EQ(rows[school_].at("pass").as_int64(), 2);
  EXPECT_EQ(calendar(safety_, "year=2026").at("schools").as_array().size(), 1u);
  EXPECT_EQ(FirstField(safety_.Call(
                "GET", "/api/v1/edu/calendar?school_id=" + std::to_string(other_school_))),
            "school_id");

  // Lists and the export.
  r = office_.Call("GET", "/api/v1/edu/lessons?observance=fire_month");
  EXPECT_EQ(Json(r).at("total").as_int64(), 1);
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/edu/lessons?theme=nope")), "theme");
  auto xlsx = safety_.Call("GET", "/api/v1/edu/lessons/export");
  ASSERT_EQ(xlsx.status, 200);
  auto sheets = office::ReadXlsx(xlsx.body);
  ASSERT_TRUE(sheets.ok());
  ASSERT_EQ(sheets->size(), 3u);  // header and two records, newest first
  EXPECT_EQ((*sheets)[1][3].text, "消防宣传月");
  EXPECT_EQ((*sheets)[2][5].text, "三年级2班");

  // Deleted: the month is short again, and missed once it is over.
  EXPECT_EQ(safety_.Call("DELETE", "/api/v1/edu/lessons/" + std::to_string(fire_id)).status, 204);
  EXPECT_EQ(finding("edu.days", "2026-11"), "due");
  EXPECT_EQ(safety_.Call("GET", "/api/v1/edu/lessons/" + std::to_string(fire_id)).status, 404);
  Today("2026-12-01T01:00:00Z");
  EXPECT_EQ(item(calendar(safety_, school_query), "fire_month:2026"), "fail");
  EXPECT_EQ(item(calendar(safety_, school_query), "first_lesson:2026-1"), "pass");
  // The safety officer's tasks: the semester's anti-bullying lesson still open, and the fire
  // month just missed (a late record still counts); a teacher records none.
  auto task = [&](const WebSession& as) -> std::string {
    const auto tasks = Json(as.Call("GET", "/api/v1/me/tasks"));
    for (const auto& g : tasks.at("groups").as_array()) {
      if (g.at("kind") != "edu.lessons") continue;
      std::string out = std::to_string(g.at("count").as_int64()) + "/" +
                        std::to_string(g.at("overdue").as_int64());
      for (const auto& i : g.at("items").as_array()) {
        out += " " + std::string(i.at("due").as_string());
      }
      return out;
    }
    return "none";
  };
  EXPECT_EQ(task(safety_), "2/1 2026-11-30 2027-01-22");
  EXPECT_EQ(task(teacher_), "none");
}

// The district's own reminder texts: the bureau writes its text for a topic and an age group
// (with the version read), its school's class teacher is offered it, the school sees it as the
// bureau's and cannot change it, and 恢复默认 brings the shipped text back.
TEST_P(EduApiTest, TheDistrictWritesItsOwnReminderTexts) {
  const auto cls = CreateClass(3, "2班", "school1_teacher");
  ASSERT_GT(cls, 0);
  auto r = office_.Call("GET", "/api/v1/edu/1530/contents");
  ASSERT_EQ(r.status, 200) << r.body;
  auto list = Json(r);
  EXPECT_TRUE(list.at("can_edit").as_bool());
  ASSERT_EQ(list.at("items").as_array().size(), 45u);  // 9 topics × 5 age groups
  std::string shipped;
  for (const auto& i : list.at("items").as_array()) {
    EXPECT_EQ(i.at("source").as_string(), "shipped");
    if (i.at("topic") == "fire" && i.at("age_group") == "lower_primary") {
      shipped = std::string(i.at("text").as_string());
    }
  }
  ASSERT_FALSE(shipped.empty());
  auto session_text = [&] {
    auto s = teacher_.Call("GET", "/api/v1/edu/1530/sessions");
    EXPECT_EQ(s.status, 200) << s.body;
    const auto body = Json(s);
    const auto& items = body.at("items").as_array();
    EXPECT_FALSE(items.empty());
    EXPECT_EQ(items.at(0).at("topic").as_string(), "fire");  // 30 November: winter
    return std::string(items.at(0).at("text").as_string());
  };
  EXPECT_EQ(session_text(), shipped);

  auto put = [&](const WebSession& as, json::object body) {
    return as.Call("PUT", "/api/v1/edu/1530/contents", json::serialize(body));
  };
  json::object edit{{"topic", "fire"},
                    {"age_group", "lower_primary"},
                    {"text", "天冷了，取暖不玩火，电器用完要断电。"},
                    {"version", 0}};
  EXPECT_EQ(put(safety_, edit).status, 403);  // a school keeps the district's texts
  auto bad = edit;
  bad["text"] = "　";
  EXPECT_EQ(FirstField(put(office_, bad)), "text");
  bad = edit;
  bad["age_group"] = "primary";
  EXPECT_EQ(FirstField(put(office_, bad)), "age_group");
  r = put(office_, edit);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("source").as_string(), "own");
  EXPECT_EQ(Json(r).at("version").as_int64(), 1);
  EXPECT_EQ(put(office_, edit).status, 409);  // read before the first save
  edit["version"] = 1;
  edit["text"] = "天冷了，取暖不玩火，离开教室关电器。";
  r = put(office_, edit);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("version").as_int64(), 2);
  EXPECT_EQ(session_text(), "天冷了，取暖不玩火，离开教室关电器。");
  // The school sees the bureau's text as inherited, and may not edit it.
  list = Json(safety_.Call("GET", "/api/v1/edu/1530/contents"));
  EXPECT_FALSE(list.at("can_edit").as_bool());
  for (const auto& i : list.at("items").as_array()) {
    if (i.at("topic") != "fire" || i.at("age_group") != "lower_primary") continue;
    EXPECT_EQ(i.at("source").as_string(), "inherited");
    EXPECT_FALSE(i.at("source_unit_name").as_string().empty());
    EXPECT_EQ(i.at("version").as_int64(), 0);
  }
  // 恢复默认.
  r = office_.Call("DELETE", "/api/v1/edu/1530/contents?topic=fire&age_group=lower_primary");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("source").as_string(), "shipped");
  EXPECT_EQ(Json(r).at("text").as_string(), shipped);
  EXPECT_EQ(session_text(), shipped);
  EXPECT_EQ(
      FirstField(office_.Call("DELETE", "/api/v1/edu/1530/contents?topic=x&age_group=junior")),
      "topic");
}

// 致家长的一封信: the school writes and publishes a letter, each class gets a link; parents
// confirm without an account, once per student, within the class's size; the school sees who,
// the bureau only the rates; wrong links and floods from one address are stopped.
TEST_P(EduApiTest, ParentsConfirmALetterWithoutAnAccount) {
  auto make_class = [&](const std::string& name, int students, const std::string& teacher) {
    json::object body{{"school_id", school_}, {"grade", 3}, {"name", name}, {"students", students}};
    if (!teacher.empty()) body["teacher"] = teacher;
    auto r = safety_.Call("POST", "/api/v1/edu/classes", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(Json(r).at("students").as_int64(), students);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  };
  const auto mine = make_class("2班", 3, "school1_teacher");
  const auto unsized = make_class("3班", 0, "");
  ASSERT_GT(mine, 0);
  ASSERT_GT(unsized, 0);
  EXPECT_EQ(FirstField(safety_.Call(
                "POST", "/api/v1/edu/classes",
                json::serialize(json::object{
                    {"school_id", school_}, {"grade", 3}, {"name", "4班"}, {"students", 201}}))),
            "students");

  json::object letter{{"school_id", school_},
                      {"school_year", 2026},
                      {"term", 1},
                      {"title", "寒假安全致家长的一封信"},
                      {"body", "各位家长：\n寒假将至，请看护好孩子，不私自下水。"},
                      {"closes_on", "2026-12-31"}};
  auto post = [&](const WebSession& as, json::object body) {
    return as.Call("POST", "/api/v1/edu/letters", json::serialize(body));
  };
  for (const auto& [field, value] : std::vector<std::pair<std::string, json::value>>{
           {"title", json::value("　")},
           {"term", json::value(3)},
           {"closes_on", json::value("2026-13-01")},
           {"school_id", json::value(other_school_)}}) {
    auto bad = letter;
    bad[field] = value;
    EXPECT_EQ(FirstField(post(safety_, bad)), field);
  }
  EXPECT_EQ(post(teacher_, letter).status, 403);  // a class teacher shares, not writes
  auto r = post(safety_, letter);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = Json(r).at("id").as_int64();
  const auto base = "/api/v1/edu/letters/" + std::to_string(id);
  EXPECT_EQ(Json(r).at("status").as_string(), "draft");
  EXPECT_EQ(Json(r).at("term_label").as_string(), "2026—2027学年第一学期");
  EXPECT_TRUE(Json(r).at("rate").is_null());

  // Published: a link per class; the school shares them, the class teacher only theirs.
  r = safety_.Call("POST", base + "/publish");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("status").as_string(), "published");
  EXPECT_EQ(Json(r).at("classes").as_int64(), 2);
  EXPECT_EQ(Json(r).at("expected").as_int64(), 3);
  const auto classes = [&](const WebSession& as) {
    auto c = as.Call("GET", base + "/classes");
    EXPECT_EQ(c.status, 200) << c.body;
    std::map<std::int64_t, json::object> out;
    const auto body = Json(c);
    for (const auto& row : body.at("items").as_array()) {
      out[row.at("class_id").as_int64()] = row.as_object();
    }
    return out;
  };
  auto rows = classes(safety_);
  ASSERT_EQ(rows.size(), 2u);
  const std::string token(rows[mine].at("token").as_string());
  EXPECT_EQ(token.size(), 24u);
  EXPECT_NE(rows[unsized].at("token").as_string(), token);
  auto theirs = classes(teacher_);
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_EQ(theirs[mine].at("token").as_string(), token);
  for (const auto& [cid, row] : classes(office_)) {
    EXPECT_EQ(row.at("token").as_string(), "") << cid;  // the bureau sees rates, not links
  }
  // 我的待办: the classes of known size still short of receipts (a class teacher: theirs).
  const auto letter_task = [&](const WebSession& as) -> std::string {
    const auto tasks = Json(as.Call("GET", "/api/v1/me/tasks"));
    for (const auto& g : tasks.at("groups").as_array()) {
      if (g.at("kind") != "edu.letters") continue;
      const auto& items = g.at("items").as_array();
      return std::to_string(g.at("count").as_int64()) + " " +
             (items.empty() ? "" : std::string(items[0].at("title").as_string()));
    }
    return "none";
  };
  EXPECT_EQ(letter_task(safety_), "1 《寒假安全致家长的一封信》回执 0/3，1 个班未齐");
  EXPECT_EQ(letter_task(teacher_), "1 《寒假安全致家长的一封信》回执 0/3，1 个班未齐");
  EXPECT_EQ(letter_task(office_), "none");

  // The parent's page: no account, the letter and the class, nobody else's data.
  testing::HttpClient parent(port_);
  const auto page = "/api/v1/public/letters/" + token;
  auto p = parent.Request("GET", page);
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(Json(p).at("class_name").as_string(), "三年级2班");
  EXPECT_TRUE(Json(p).at("open").as_bool());
  EXPECT_EQ(Json(p).at("relations").as_array().size(), 4u);
  auto confirm = [&](const std::string& name, const std::string& relation) {
    return parent.Request(
        "POST", page + "/receipts",
        json::serialize(json::object{{"student_name", name}, {"relation", relation}}));
  };
  p = confirm("张 三", "mother");
  ASSERT_EQ(p.status, 201) << p.body;
  EXPECT_TRUE(Json(p).at("first").as_bool());
  EXPECT_EQ(Json(p).at("student_name").as_string(), "张三");
  p = confirm("张三", "father");  // the other parent: still one student
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_FALSE(Json(p).at("first").as_bool());
  EXPECT_EQ(FirstField(confirm("张3", "mother")), "student_name");
  EXPECT_EQ(FirstField(confirm("http://x.cn", "mother")), "student_name");
  EXPECT_EQ(FirstField(confirm("李四", "uncle")), "relation");
  EXPECT_EQ(confirm("李四", "").status, 422);
  ASSERT_EQ(confirm("李四", "grandparent").status, 201);
  ASSERT_EQ(confirm("阿依·古丽", "guardian").status, 201);
  r = safety_.Call("GET", base);
  EXPECT_EQ(Json(r).at("received").as_int64(), 3);
  EXPECT_DOUBLE_EQ(Json(r).at("rate").as_double(), 1.0);
  EXPECT_EQ(letter_task(safety_), "none");  // every student of the class confirmed
  // A class of three takes three and five spare, never more.
  for (const char* name : {"甲", "乙", "丙", "丁", "戊"}) {
    ASSERT_EQ(confirm(name, "mother").status, 201) << name;
  }
  p = confirm("己", "mother");
  EXPECT_EQ(p.status, 409);
  EXPECT_EQ(FirstField(p), "letter.full");
  r = safety_.Call("GET", base);
  EXPECT_EQ(Json(r).at("received").as_int64(), 8);
  EXPECT_DOUBLE_EQ(Json(r).at("rate").as_double(), 1.0);  // a class counts up to its size
  p = parent.Request("GET", page);
  EXPECT_EQ(p.body.find("张三"), std::string::npos);  // nothing of other parents

  // Who confirmed: the school and the class teacher; the bureau is refused the names.
  r = safety_.Call("GET", base + "/receipts");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("items").as_array().size(), 8u);
  const auto names = Json(r);
  EXPECT_EQ(names.at("items").as_array()[0].at("class_name").as_string(), "三年级2班");
  r = teacher_.Call("GET", base + "/receipts?class_id=" + std::to_string(mine));
  EXPECT_EQ(Json(r).at("items").as_array().size(), 8u);
  EXPECT_EQ(
      FirstField(teacher_.Call("GET", base + "/receipts?class_id=" + std::to_string(unsized))),
      "class_id");
  EXPECT_EQ(office_.Call("GET", base + "/receipts").status, 403);

  // Excel: the classes' receipts (and, for the school, who confirmed).
  r = safety_.Call("GET", base + "/export");
  ASSERT_EQ(r.status, 200) << r.body;
  auto sheet = office::ReadXlsx(r.body);
  ASSERT_TRUE(sheet.ok()) << sheet.error().message;
  ASSERT_EQ(sheet->size(), 3u);
  const auto cell = [](const office::Row& row, std::size_t c) {
    return c < row.size() ? row[c].text : std::string();
  };
  EXPECT_EQ(cell((*sheet)[0], 4), "回执率");
  EXPECT_EQ(cell((*sheet)[1], 0), "三年级2班");
  EXPECT_EQ(cell((*sheet)[1], 2), "3");
  EXPECT_EQ(cell((*sheet)[1], 3), "8");
  EXPECT_EQ(cell((*sheet)[1], 4), "100.0%");
  EXPECT_EQ(cell((*sheet)[2], 4), "—");  // size unknown
  EXPECT_EQ(office_.Call("GET", base + "/export").status, 200);

  // The bureau's board: schools without a letter first, the school with its rate.
  r = office_.Call("GET", "/api/v1/edu/letters/board?school_year=2026&term=1");
  ASSERT_EQ(r.status, 200) << r.body;
  auto board = Json(r);
  EXPECT_EQ(board.at("total").at("with_letter").as_int64(), 1);
  EXPECT_EQ(board.at("total").at("received").as_int64(), 8);
  const auto& schools = board.at("schools").as_array();
  ASSERT_GE(schools.size(), 2u);
  EXPECT_EQ(schools.front().at("letters").as_int64(), 0);
  EXPECT_EQ(schools.back().at("school_id").as_int64(), school_);
  EXPECT_EQ(schools.back().at("expected").as_int64(), 3);
  EXPECT_EQ(office_.Call("GET", "/api/v1/edu/letters/board?school_year=2026").status, 422);
  r = office_.Call("GET", "/api/v1/edu/letters/board");  // 30 November: the first term
  EXPECT_EQ(Json(r).at("term").as_int64(), 1);

  // Wrong links: ten from an address, then even the right one waits a minute.
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(parent
                  .Request("GET", "/api/v1/public/letters/zzzzzzzzzzzzzzzzzzzzzzz" +
                                      std::to_string(i % 10))
                  .status,
              404);
  }
  p = parent.Request("GET", page);
  EXPECT_EQ(p.status, 429);
  EXPECT_EQ(p.headers["retry-after"], "60");
  clock_.Set(clock_.Now() + std::chrono::seconds(61));
  EXPECT_EQ(parent.Request("GET", page).status, 200);
  // A flood of receipts from one address: twenty a minute.
  int refused = 0;
  for (int i = 0; i < 21; ++i) {
    if (confirm("张三", "mother").status == 429) ++refused;
  }
  EXPECT_EQ(refused, 1);
  clock_.Set(clock_.Now() + std::chrono::seconds(61));

  // Once published the text stays; the closing day can move, and closes the page.
  Login();
  json::object edit{{"version", Json(safety_.Call("GET", base)).at("version")},
                    {"title", "改过的标题"},
                    {"body", letter["body"]},
                    {"closes_on", "2026-12-31"}};
  r = safety_.Call("PUT", base, json::serialize(edit));
  EXPECT_EQ(FirstField(r), "letter.published");
  edit["title"] = letter["title"];
  edit["closes_on"] = "2026-11-29";
  r = safety_.Call("PUT", base, json::serialize(edit));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(Json(parent.Request("GET", page)).at("open").as_bool());
  EXPECT_EQ(FirstField(confirm("庚", "mother")), "letter.closed");
  r = safety_.Call("PUT", base, json::serialize(edit));  // the version read is old now
  EXPECT_EQ(FirstField(r), "edu_letter.stale");
  r = safety_.Call("POST", base + "/close");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("status").as_string(), "closed");
  EXPECT_EQ(FirstField(safety_.Call("POST", base + "/publish")), "letter.closed");
  EXPECT_EQ(safety_.Call("DELETE", base).status, 409);
  r = post(safety_, letter);
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(
      safety_.Call("DELETE", "/api/v1/edu/letters/" + std::to_string(Json(r).at("id").as_int64()))
          .status,
      204);
  r = office_.Call("GET", "/api/v1/edu/letters?status=closed");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("total").as_int64(), 1);
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/edu/letters?status=sent")), "status");
}

// 周边水域风险: a school records the water near it; the gaps and the priority follow the measures
// and the distance; the lists filter on them; the bureau's board counts them by school.
TEST_P(EduApiTest, SchoolsKeepTheWaterNearThem) {
  json::object pond{{"school_id", school_},   {"name", "村东大塘"},        {"kind", "pond"},
                    {"distance_m", 300},      {"warning_sign", true},      {"location", "学校东侧"},
                    {"keeper", "村民委员会"}, {"checked_on", "2026-11-28"}};
  auto post = [&](const WebSession& as, const json::object& body) {
    return as.Call("POST", "/api/v1/edu/waters", json::serialize(body));
  };
  for (const auto& [field, value] : std::vector<std::pair<std::string, json::value>>{
           {"name", json::value("")},
           {"kind", json::value("sea")},
           {"distance_m", json::value(50001)},
           {"checked_on", json::value("2026-12-01")},
           {"school_id", json::value(other_school_)}}) {
    auto bad = pond;
    bad[field] = value;
    EXPECT_EQ(FirstField(post(safety_, bad)), field);
  }
  EXPECT_EQ(post(teacher_, pond).status, 403);
  auto r = post(safety_, pond);
  ASSERT_EQ(r.status, 201) << r.body;
  auto w = Json(r);
  const auto id = w.at("id").as_int64();
  const auto path = "/api/v1/edu/waters/" + std::to_string(id);
  EXPECT_EQ(w.at("kind_label").as_string(), "池塘");
  EXPECT_EQ(json::serialize(w.at("gaps")), R"(["护栏","救生设施","巡查"])");
  EXPECT_TRUE(w.at("priority").as_bool());
  EXPECT_TRUE(w.at("active").as_bool());

  const auto count = [&](const WebSession& as, const std::string& query) -> std::int64_t {
    auto l = as.Call("GET", "/api/v1/edu/waters" + query);
    EXPECT_EQ(l.status, 200) << query << " " << l.body;
    return l.status == 200 ? Json(l).at("total").as_int64() : -1;
  };
  EXPECT_EQ(count(safety_, "?priority=true"), 1);
  EXPECT_EQ(count(safety_, "?gaps=true"), 1);
  EXPECT_EQ(count(safety_, "?kind=river"), 0);
  EXPECT_EQ(count(safety_, "?q=%E5%A4%A7%E5%A1%98"), 1);  // 大塘
  EXPECT_EQ(count(teacher_, ""), 1);                      // every teacher of the school reads
  EXPECT_EQ(FirstField(safety_.Call("GET", "/api/v1/edu/waters?kind=sea")), "kind");
  EXPECT_EQ(As("school2_safety").Call("GET", path).status, 404);

  // Every measure in place: no gap, no priority; an old version is refused.
  auto all = pond;
  all["fence"] = all["rescue_gear"] = all["patrol"] = true;
  all["version"] = 1;
  r = safety_.Call("PUT", path, json::serialize(all));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::serialize(Json(r).at("gaps")), "[]");
  EXPECT_FALSE(Json(r).at("priority").as_bool());
  EXPECT_EQ(FirstField(safety_.Call("PUT", path, json::serialize(all))), "edu_water.stale");
  EXPECT_EQ(count(safety_, "?priority=true"), 0);
  EXPECT_EQ(count(safety_, "?gaps=true"), 0);

  // A river further off without a fence: a gap, not a priority.
  auto river = pond;
  river["name"] = "青石河";
  river["kind"] = "river";
  river["distance_m"] = 3000;
  river["warning_sign"] = true;
  r = post(safety_, river);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto river_id = Json(r).at("id").as_int64();
  EXPECT_FALSE(Json(r).at("priority").as_bool());
  EXPECT_EQ(count(safety_, "?gaps=true"), 1);

  r = office_.Call("GET", "/api/v1/edu/waters/board");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto board = Json(r);
  EXPECT_EQ(board.at("total").at("waters").as_int64(), 2);
  EXPECT_EQ(board.at("total").at("with_gaps").as_int64(), 1);
  EXPECT_EQ(board.at("total").at("priority").as_int64(), 0);
  EXPECT_EQ(board.at("total").at("with_waters").as_int64(), 1);
  const auto& first = board.at("schools").as_array().at(0);
  EXPECT_EQ(first.at("school_id").as_int64(), school_);  // the one with a gap leads
  EXPECT_EQ(first.at("nearest_m").as_int64(), 300);

  r = office_.Call("GET", "/api/v1/edu/waters/export");
  ASSERT_EQ(r.status, 200) << r.body;
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[1][1].text, "村东大塘");
  EXPECT_EQ((*rows)[2][9].text, "护栏、救生设施、巡查");

  // Gone (filled in): out of the lists unless asked for; then deleted.
  auto gone = river;
  gone["active"] = false;
  gone["version"] = 1;
  r = safety_.Call("PUT", "/api/v1/edu/waters/" + std::to_string(river_id), json::serialize(gone));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(count(safety_, ""), 1);
  EXPECT_EQ(count(safety_, "?include_inactive=true"), 2);
  EXPECT_EQ(teacher_.Call("DELETE", path).status, 403);
  EXPECT_EQ(safety_.Call("DELETE", path).status, 204);
  EXPECT_EQ(safety_.Call("GET", path).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Stores, EduApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
