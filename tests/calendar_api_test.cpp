// The school calendar over real HTTP on both stores: the shipped 2026 notice, a year loaded
// later, semesters inherited from the bureau and overridden by a school, days off and extra
// days, dismissal times and the 1530 duties they time, scope and the errors that name a field.
#include <gtest/gtest.h>

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

Instant Start() {
  Instant t;
  ParseInstant("2026-10-12T01:00:00Z", t);
  return t;
}

const char* kNotice2027 = R"({
  "year": 2027,
  "title": "国务院办公厅关于2027年部分节假日安排的通知",
  "holidays": [
    {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "workdays": []},
    {"name": "春节", "from": "2027-02-06", "to": "2027-02-13", "workdays": ["2027-02-14"]}
  ]
})";

class CalendarApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    services_ = std::make_unique<app::Services>(app::Services{*store_, clock_});
    passwords_ = testing::SeedDemoAccounts(*services_, 5);
    ASSERT_FALSE(passwords_.empty());
    http::ApiOptions o;
    o.web_root = "/nonexistent";
    server_ = std::make_unique<testing::TestServer>(*services_, o);
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    leader_ = As("school1_leader");
    office_ = As("safety_office");
    ASSERT_FALSE(leader_.cookie.empty());
    ASSERT_FALSE(office_.cookie.empty());
    school_ = Json(leader_.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
    bureau_ = Json(office_.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  }

  WebSession As(const std::string& user) { return testing::LoginAs(port_, user, passwords_[user]); }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  static std::string FirstField(const HttpReply& r) {
    const auto v = json::parse(r.body);
    const auto& details = v.at("error").at("details").as_array();
    return details.empty() ? "" : std::string(details[0].at("field").as_string());
  }
  std::string SchoolPath(std::int64_t id) {
    return "/api/v1/units/" + std::to_string(id) + "/calendar";
  }

  // The days of a school's month by date.
  std::map<std::string, json::object> Month(const WebSession& s, const std::string& month,
                                            json::value* whole = nullptr) {
    auto r =
        s.Call("GET", "/api/v1/schools/" + std::to_string(school_) + "/calendar?month=" + month);
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, json::object> out;
    if (r.status != 200) return out;
    auto v = Json(r);
    for (const auto& d : v.at("days").as_array()) {
      out[std::string(d.at("date").as_string())] = d.as_object();
    }
    if (whole != nullptr) *whole = v;
    return out;
  }
  static std::string Str(const json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->as_string()) : "";
  }
  static std::vector<std::string> Duties(const json::object& day) {
    std::vector<std::string> out;
    for (const auto& d : day.at("duties").as_array()) {
      out.push_back(std::string(d.at("code").as_string()) + "@" +
                    (d.at("at").is_string() ? std::string(d.at("at").as_string()) : "-"));
    }
    return out;
  }

  FixedClock clock_{Start()};
  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<app::Services> services_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  WebSession leader_;
  WebSession office_;
  std::int64_t school_ = 0;
  std::int64_t bureau_ = 0;
};

TEST_P(CalendarApiTest, TheShippedNoticeAndAYearLoadedLater) {
  auto r = office_.Call("GET", "/api/v1/calendar/holidays");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = Json(r).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("year").as_int64(), 2026);
  EXPECT_EQ(items[0].at("loaded_by").as_string(), "system");
  const auto& holidays = items[0].at("holidays").as_array();
  ASSERT_EQ(holidays.size(), 7u);
  EXPECT_EQ(holidays[6].at("name").as_string(), "国庆节");
  EXPECT_EQ(holidays[6].at("days").as_int64(), 7);
  EXPECT_EQ(holidays[6].at("workdays").as_array().size(), 2u);
  EXPECT_EQ(holidays[6].at("workdays").as_array()[0].as_string(), "2026-09-20");

  // January 2027 lies in the autumn semester, but 2027 is not loaded: unknown, not guessed.
  json::value whole;
  auto jan = Month(leader_, "2027-01", &whole);
  EXPECT_EQ(whole.at("missing_years").as_array().size(), 1u);
  EXPECT_EQ(Str(jan["2027-01-04"], "kind"), "unknown");
  EXPECT_EQ(Str(jan["2027-01-25"], "kind"), "vacation");

  // Only the holder of calendar:holidays loads a notice; the path and the body agree.
  EXPECT_EQ(office_.Call("PUT", "/api/v1/calendar/holidays/2027", kNotice2027).status, 403);
  auto admin = As("sysadmin");
  r = admin.Call("PUT", "/api/v1/calendar/holidays/2028", kNotice2027);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "year");
  std::string bad = kNotice2027;
  bad.replace(bad.find("\"2027-02-14\""), 12, "\"2027-02-15\"");  // a Monday
  r = admin.Call("PUT", "/api/v1/calendar/holidays/2027", bad);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "holidays[1].workdays[0]");
  r = admin.Call("PUT", "/api/v1/calendar/holidays/2027",
                 R"({"year":2027,"title":"x","holidays":[],"extra":1})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "extra");
  r = admin.Call("PUT", "/api/v1/calendar/holidays/2027", R"({"year":2027,"year":2027})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(admin.Call("PUT", "/api/v1/calendar/holidays/2027", "{").status, 400);
  r = admin.Call("PUT", "/api/v1/calendar/holidays/2027", kNotice2027);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("loaded_by").as_string(), "sysadmin");
  jan = Month(leader_, "2027-01", &whole);
  EXPECT_TRUE(whole.at("missing_years").as_array().empty());
  EXPECT_EQ(Str(jan["2027-01-01"], "kind"), "holiday");
  EXPECT_EQ(Str(jan["2027-01-04"], "kind"), "school_day");
  EXPECT_EQ(Str(jan["2027-01-22"], "before_break"), "寒假");
  EXPECT_EQ(Json(office_.Call("GET", "/api/v1/calendar/holidays")).at("items").as_array().size(),
            2u);
  auto audit = As("auditor").Call("GET", "/api/v1/audit-logs?action=calendar.holidays");
  ASSERT_EQ(audit.status, 200);
  EXPECT_EQ(Json(audit).at("total").as_int64(), 1);  // 2027; the shipped 2026 is reference data
}

TEST_P(CalendarApiTest, NationalDayMonthWithItsMakeupDaysAndDuties) {
  auto oct = Month(leader_, "2026-10");
  ASSERT_EQ(oct.size(), 31u);
  EXPECT_EQ(Str(oct["2026-10-01"], "kind"), "holiday");
  EXPECT_EQ(Str(oct["2026-10-01"], "name"), "国庆节");
  EXPECT_EQ(Str(oct["2026-10-10"], "kind"), "school_day");
  EXPECT_TRUE(oct["2026-10-10"].at("makeup_workday").as_bool());
  EXPECT_EQ(Str(oct["2026-10-10"], "name"), "国庆节调休上课");
  EXPECT_TRUE(oct["2026-10-10"].at("last_of_week").as_bool());
  EXPECT_FALSE(oct["2026-10-09"].at("last_of_week").as_bool());
  // The bureau's times: 16:30, Fridays 15:40; a make-up Saturday keeps the default.
  EXPECT_EQ(Str(oct["2026-10-09"], "dismissal"), "15:40");
  EXPECT_EQ(Duties(oct["2026-10-09"]), std::vector<std::string>{"edu.1530.daily@15:39"});
  EXPECT_EQ(Duties(oct["2026-10-10"]),
            (std::vector<std::string>{"edu.1530.daily@16:29", "edu.1530.weekly@16:25"}));
  EXPECT_TRUE(oct["2026-10-11"].at("duties").as_array().empty());
  EXPECT_EQ(Str(oct["2026-10-12"], "term"), "2026—2027学年第一学期");
  auto sep = Month(leader_, "2026-09");
  EXPECT_EQ(Str(sep["2026-09-20"], "kind"), "school_day");
  EXPECT_EQ(Str(sep["2026-09-24"], "before_break"), "中秋节");
  EXPECT_EQ(Str(sep["2026-09-30"], "before_break"), "国庆节");
  EXPECT_EQ(Duties(sep["2026-09-30"]),
            (std::vector<std::string>{"edu.1530.daily@16:29", "edu.1530.weekly@16:25",
                                      "edu.1530.holiday@16:00"}));
  EXPECT_EQ(Str(sep["2026-08-31"], "kind"), "");  // not in this month
  auto may = Month(leader_, "2026-05");
  EXPECT_EQ(Str(may["2026-04-30"], "kind"), "");
  EXPECT_EQ(Str(may["2026-05-05"], "kind"), "holiday");
  EXPECT_TRUE(may["2026-05-09"].at("last_of_week").as_bool());
  // The month defaults to the current one in China; a malformed month names the parameter.
  auto r = leader_.Call("GET", "/api/v1/schools/" + std::to_string(school_) + "/calendar");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("month").as_string(), "2026-10");
  for (const char* bad : {"2026-13", "2026-1", "abcd-ef", "2026-10-01", "1999-12"}) {
    r = leader_.Call("GET",
                     "/api/v1/schools/" + std::to_string(school_) + "/calendar?month=" + bad);
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_EQ(FirstField(r), "month") << bad;
  }
}

TEST_P(CalendarApiTest, ASchoolInheritsTheBureauAndOverridesIt) {
  auto r = leader_.Call("GET", SchoolPath(school_));
  ASSERT_EQ(r.status, 200) << r.body;
  auto c = Json(r);
  EXPECT_TRUE(c.at("terms").as_array().empty());
  ASSERT_EQ(c.at("effective_terms").as_array().size(), 2u);
  EXPECT_EQ(c.at("effective_terms").as_array()[1].at("unit_id").as_int64(), bureau_);
  EXPECT_EQ(c.at("effective_terms").as_array()[1].at("unit_name").as_string(), "示范区教育局");

  // The school starts its autumn semester a day early.
  r = leader_.Call(
      "PUT", SchoolPath(school_) + "/terms",
      R"({"terms":[{"school_year":2026,"term":1,"starts_on":"2026-08-31","ends_on":"2027-01-15"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  c = Json(r);
  ASSERT_EQ(c.at("terms").as_array().size(), 1u);
  const auto& eff = c.at("effective_terms").as_array();
  ASSERT_EQ(eff.size(), 2u);
  EXPECT_EQ(eff[0].at("unit_id").as_int64(), bureau_);  // spring still inherited
  EXPECT_EQ(eff[1].at("unit_id").as_int64(), school_);
  auto aug = Month(leader_, "2026-08");
  EXPECT_EQ(Str(aug["2026-08-31"], "kind"), "school_day");
  EXPECT_EQ(Str(aug["2026-08-30"], "kind"), "vacation");
  EXPECT_EQ(Str(aug["2026-08-30"], "name"), "暑假");

  // The bureau closes every school for a day; the school keeps its classes that day.
  r = office_.Call(
      "PUT", SchoolPath(bureau_) + "/exceptions",
      R"({"exceptions":[{"date":"2026-11-06","school_day":false,"reason":"全区教师培训"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto nov = Month(leader_, "2026-11");
  EXPECT_EQ(Str(nov["2026-11-06"], "kind"), "day_off");
  EXPECT_EQ(Str(nov["2026-11-06"], "name"), "全区教师培训");
  EXPECT_EQ(Str(nov["2026-11-05"], "before_break"), "全区教师培训");
  EXPECT_TRUE(nov["2026-11-05"].at("last_of_week").as_bool());  // the week ends early
  // The weekend's 5-minute lesson moves to Thursday; a day off is no holiday: no 30-minute one.
  EXPECT_EQ(Duties(nov["2026-11-05"]),
            (std::vector<std::string>{"edu.1530.daily@16:29", "edu.1530.weekly@16:25"}));
  // The school's own list keeps its demo days (运动会) and adds one.
  c = Json(leader_.Call("GET", SchoolPath(school_)));
  json::array days = c.at("exceptions").as_array();
  const auto kept = days.size();
  json::array input;
  for (const auto& d : days) {
    input.push_back(json::object{
        {"date", d.at("date")}, {"school_day", d.at("school_day")}, {"reason", d.at("reason")}});
  }
  input.push_back(
      json::object{{"date", "2026-11-06"}, {"school_day", true}, {"reason", "本校照常上课"}});
  r = leader_.Call("PUT", SchoolPath(school_) + "/exceptions",
                   json::serialize(json::object{{"exceptions", input}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("exceptions").as_array().size(), kept + 1);
  nov = Month(leader_, "2026-11");
  EXPECT_EQ(Str(nov["2026-11-06"], "kind"), "school_day");
  EXPECT_TRUE(nov["2026-11-06"].at("exception").as_bool());
  EXPECT_TRUE(nov["2026-11-06"].at("last_of_week").as_bool());

  // A bad element refuses the whole list, naming it, and what was stored stays.
  r = leader_.Call(
      "PUT", SchoolPath(school_) + "/exceptions",
      R"({"exceptions":[{"date":"2026-12-01","school_day":false,"reason":"x"},{"date":"2026-12-32","school_day":false,"reason":"y"}]})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "exceptions[1].date");
  r = leader_.Call("PUT", SchoolPath(school_) + "/exceptions",
                   R"({"exceptions":[{"date":"2026-12-01","school_day":false,"reason":""}]})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "exceptions[0].reason");
  r = leader_.Call(
      "PUT", SchoolPath(school_) + "/exceptions",
      R"({"exceptions":[{"date":"2026-12-01","school_day":false,"reason":"x","why":1}]})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "exceptions[0].why");
  EXPECT_EQ(Json(leader_.Call("GET", SchoolPath(school_))).at("exceptions").as_array().size(),
            kept + 1);
  r = leader_.Call(
      "PUT", SchoolPath(school_) + "/terms",
      R"({"terms":[{"school_year":2026,"term":1,"starts_on":"2026-11-02","ends_on":"2027-01-15"}]})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "terms[0].starts_on");
  EXPECT_EQ(Json(leader_.Call("GET", SchoolPath(school_))).at("terms").as_array().size(), 1u);

  // An empty list inherits again.
  r = leader_.Call("PUT", SchoolPath(school_) + "/terms", R"({"terms":[]})");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("effective_terms").as_array()[1].at("unit_id").as_int64(), bureau_);
  auto audit = As("auditor").Call("GET", "/api/v1/audit-logs?action=calendar.");
  ASSERT_EQ(audit.status, 200);
  EXPECT_GE(Json(audit).at("total").as_int64(), 4);
}

TEST_P(CalendarApiTest, DismissalTimesByGradeAndWeekday) {
  auto r = leader_.Call(
      "PUT", SchoolPath(school_) + "/dismissals",
      R"({"dismissals":[{"time":"16:10"},{"weekday":5,"time":"15:00"},{"grade":6,"time":"17:00"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto c = Json(r);
  ASSERT_EQ(c.at("effective_dismissals").as_array().size(), 3u);
  EXPECT_EQ(c.at("effective_dismissals").as_array()[0].at("unit_id").as_int64(), school_);
  auto oct = Month(leader_, "2026-10");
  EXPECT_EQ(Str(oct["2026-10-12"], "dismissal"), "16:10");
  EXPECT_EQ(Str(oct["2026-10-16"], "dismissal"), "15:00");
  EXPECT_EQ(Duties(oct["2026-10-16"]),
            (std::vector<std::string>{"edu.1530.daily@14:59", "edu.1530.weekly@14:55"}));
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"dismissals":[{"time":"9:30"}]})", "dismissals[0].time"},
           {R"({"dismissals":[{"time":"09:59"}]})", "dismissals[0].time"},
           {R"({"dismissals":[{"time":"16:00","grade":13}]})", "dismissals[0].grade"},
           {R"({"dismissals":[{"time":"16:00","weekday":8}]})", "dismissals[0].weekday"},
           {R"({"dismissals":[{"time":"16:00"},{"time":"17:00"}]})", "dismissals[1].grade"},
           {R"({"dismissals":{}})", "dismissals"},
           {R"({})", "dismissals"}}) {
    r = leader_.Call("PUT", SchoolPath(school_) + "/dismissals", body);
    EXPECT_EQ(r.status, 422) << body;
    EXPECT_EQ(FirstField(r), field) << body;
  }
  EXPECT_EQ(Json(leader_.Call("GET", SchoolPath(school_))).at("dismissals").as_array().size(), 3u);
}

TEST_P(CalendarApiTest, ScopeAndTheUnitsThatKeepACalendar) {
  // A school leader sets nothing for the bureau or another school.
  auto r = leader_.Call("PUT", SchoolPath(bureau_) + "/terms", R"({"terms":[]})");
  EXPECT_EQ(r.status, 404);
  auto teacher = As("school1_teacher");
  EXPECT_EQ(teacher.Call("GET", SchoolPath(school_)).status, 200);
  EXPECT_EQ(teacher.Call("PUT", SchoolPath(school_) + "/terms", R"({"terms":[]})").status, 403);
  EXPECT_EQ(As("dept1_liaison").Call("GET", "/api/v1/calendar/holidays").status, 403);
  // Sections and departments keep no calendar.
  auto units = Json(office_.Call("GET", "/api/v1/units?kind=section"));
  const auto section = units.at("items").as_array()[0].at("id").as_int64();
  r = office_.Call("PUT", SchoolPath(section) + "/terms", R"({"terms":[]})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "unit_id");
  // The month of a unit that is not a school is not found.
  r = office_.Call("GET", "/api/v1/schools/" + std::to_string(bureau_) + "/calendar");
  EXPECT_EQ(r.status, 404);
}

INSTANTIATE_TEST_SUITE_P(Stores, CalendarApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
