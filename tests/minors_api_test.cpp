// Minors' data over real HTTP on both stores: a school's parents confirm its letter; the school's
// own staff read the names, the bureau is refused until the school's leader approves its request
// (each bad field named, a second open request refused, a request out of scope or one's own
// refused); the grant lets the bureau read the whole school's names until its end to the
// millisecond, then not; revoked at once; every read logged; the year's access report for the
// school leader and the auditor, and its workbook.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>

#include "office/table.hpp"
#include "support/module_api_test.hpp"

namespace xiaoan {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;
using testing::HttpReply;
using testing::WebSession;

constexpr const char* kGrants = "/api/v1/minors/grants";

class MinorsApiTest : public testing::ModuleApiTest {
 protected:
  void SetUp() override {
    ModuleApiTest::SetUp();
    if (!Ready()) return;
    school_ = UnitOf("school1_safety");
  }

  // A class of the school with a teacher, a published letter, and two parents' receipts.
  std::string LetterWithReceipts() {
    auto safety = As("school1_safety");
    auto r = safety.Call("POST", "/api/v1/edu/classes",
                         json::serialize(json::object{{"school_id", school_},
                                                      {"grade", 4},
                                                      {"name", "1班"},
                                                      {"students", 30},
                                                      {"teacher", "school1_teacher"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    r = safety.Call("POST", "/api/v1/edu/letters",
                    json::serialize(json::object{{"school_id", school_},
                                                 {"school_year", 2026},
                                                 {"term", 1},
                                                 {"title", "寒假安全致家长的一封信"},
                                                 {"body", "各位家长：寒假将至，请看护好孩子。"},
                                                 {"closes_on", "2026-12-31"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    const auto base = "/api/v1/edu/letters/" + std::to_string(Json(r).at("id").as_int64());
    EXPECT_EQ(safety.Call("POST", base + "/publish").status, 200);
    auto c = safety.Call("GET", base + "/classes");
    EXPECT_EQ(c.status, 200) << c.body;
    const std::string token(Json(c).at("items").at(0).at("token").as_string());
    testing::HttpClient parent(server_->port());
    for (const char* name : {"张小明", "李小红"}) {
      auto p = parent.Request(
          "POST", "/api/v1/public/letters/" + token + "/receipts",
          json::serialize(json::object{{"student_name", name}, {"relation", "mother"}}));
      EXPECT_EQ(p.status, 201) << p.body;
    }
    return base;
  }

  HttpReply Ask(const WebSession& as, json::object body) {
    return as.Call("POST", kGrants, json::serialize(body));
  }
  json::object Request(int days = 7) {
    return json::object{{"unit_id", school_},
                        {"kind", "edu_letter_receipt"},
                        {"reason", "督导检查寒假致家长信回执落实情况"},
                        {"days", days}};
  }
  std::int64_t Group(WebSession& as, const std::string& kind) {
    auto t = as.Call("GET", "/api/v1/me/tasks");
    EXPECT_EQ(t.status, 200) << t.body;
    const auto tasks = Json(t);
    for (const auto& g : tasks.at("groups").as_array()) {
      if (g.at("kind").as_string() == kind) return g.at("count").as_int64();
    }
    return 0;
  }

  std::int64_t school_ = 0;
};

TEST_P(MinorsApiTest, TheBureauReadsStudentsNamesOnlyThroughTheLeadersGrant) {
  if (!Ready()) return;
  const auto base = LetterWithReceipts();
  const auto receipts = base + "/receipts";
  auto office = As("safety_office");
  auto leader = As("school1_leader");
  auto safety = As("school1_safety");

  // The school's own staff read the names; the bureau is told it needs a grant.
  auto r = safety.Call("GET", receipts);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("items").as_array().size(), 2u);
  r = office.Call("GET", receipts);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_NE(r.body.find("须经学校负责人授权"), std::string::npos) << r.body;

  // The request, field by field.
  for (const auto& [field, value] : std::vector<std::pair<std::string, json::value>>{
           {"days", json::value(0)},
           {"days", json::value(31)},
           {"reason", json::value(" ")},
           {"kind", json::value("health")},
           {"unit_id", json::value(UnitOf("safety_office"))},
           {"unit_id", json::value(UnitOf("school2_safety") + 100000)}}) {
    auto bad = Request();
    bad[field] = value;
    EXPECT_EQ(FirstField(Ask(office, bad)), field) << json::serialize(value);
  }
  r = Ask(safety, Request());
  EXPECT_EQ(FirstField(r), "unit_id");  // one's own school
  EXPECT_NE(r.body.find("无需申请"), std::string::npos) << r.body;
  EXPECT_EQ(Ask(As("dept1_liaison"), Request()).status, 403);  // no edu:read

  r = Ask(office, Request());
  ASSERT_EQ(r.status, 201) << r.body;
  const auto grant = Json(r);
  const auto id = grant.at("id").as_int64();
  const auto path = std::string(kGrants) + "/" + std::to_string(id);
  EXPECT_EQ(grant.at("state").as_string(), "requested");
  EXPECT_EQ(grant.at("state_label").as_string(), "待审批");
  EXPECT_FALSE(grant.at("can_decide").as_bool());
  EXPECT_EQ(FirstField(Ask(office, Request())), "minors.grant_open");
  EXPECT_EQ(office.Call("GET", receipts).status, 403);  // not yet

  // The leader of that school decides; not another school's, not the safety officer.
  EXPECT_EQ(Group(leader, "minors.grants"), 1);
  auto listed = leader.Call("GET", kGrants);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(Json(listed).at("items").as_array().size(), 1u);
  EXPECT_TRUE(Json(listed).at("items").at(0).at("can_decide").as_bool());
  EXPECT_EQ(Json(As("school2_leader").Call("GET", kGrants)).at("items").as_array().size(), 0u);
  EXPECT_EQ(As("school2_leader").Call("POST", path + "/approve", "{}").status, 404);
  EXPECT_EQ(safety.Call("POST", path + "/approve", "{}").status, 403);
  EXPECT_EQ(FirstField(leader.Call("POST", path + "/refuse", "{}")), "note");
  auto notes = leader.Call("GET", "/api/v1/notifications");
  EXPECT_NE(notes.body.find("查阅申请待审批"), std::string::npos) << notes.body;

  r = leader.Call("POST", path + "/approve", R"({"note":"限督导检查使用"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "active");
  EXPECT_EQ(Json(r).at("from").as_string(), "2026-12-07T01:00:00.000Z");
  EXPECT_EQ(Json(r).at("until").as_string(), "2026-12-14T01:00:00.000Z");
  EXPECT_EQ(Json(r).at("decided_by").as_string(), "school1_leader");
  EXPECT_EQ(FirstField(leader.Call("POST", path + "/approve", "{}")), "minors.grant_decided");
  EXPECT_EQ(Group(leader, "minors.grants"), 0);
  notes = office.Call("GET", "/api/v1/notifications");
  EXPECT_NE(notes.body.find("查阅申请已同意"), std::string::npos) << notes.body;

  // Now the bureau reads the whole school's names, until the grant's end to the millisecond.
  r = office.Call("GET", receipts);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("items").as_array().size(), 2u);
  EXPECT_NE(r.body.find("张小明"), std::string::npos);
  Instant end;
  ASSERT_TRUE(ParseInstant("2026-12-14T01:00:00.000Z", end));
  clock_.Set(end - 1ms);
  office = As("safety_office");
  EXPECT_EQ(office.Call("GET", receipts).status, 200);
  clock_.Set(end);
  office = As("safety_office");
  EXPECT_EQ(office.Call("GET", receipts).status, 403);
  EXPECT_EQ(Json(office.Call("GET", path)).at("state").as_string(), "expired");

  // Asked again after it ran out; revoked by its grantee, at once.
  r = Ask(office, Request(3));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto second = std::string(kGrants) + "/" + std::to_string(Json(r).at("id").as_int64());
  leader = As("school1_leader");
  ASSERT_EQ(leader.Call("POST", second + "/approve", "{}").status, 200);
  EXPECT_EQ(office.Call("GET", receipts + "?class_id=0").status, 422);
  EXPECT_EQ(office.Call("GET", receipts).status, 200);
  r = office.Call("POST", second + "/revoke", "{}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "revoked");
  EXPECT_EQ(office.Call("GET", receipts).status, 403);
  EXPECT_EQ(FirstField(office.Call("POST", second + "/revoke", "{}")), "minors.grant_inactive");
  EXPECT_EQ(As("school2_leader").Call("POST", second + "/revoke", "{}").status, 404);

  // The year's report: the school's own read and the bureau's three through grants.
  auto report = leader.Call("GET", "/api/v1/minors/access-report?year=2026");
  ASSERT_EQ(report.status, 200) << report.body;
  const auto rows = Json(report).at("rows").as_array();
  ASSERT_EQ(rows.size(), 2u) << report.body;
  std::int64_t by_grant = 0;
  std::int64_t own = 0;
  for (const auto& row : rows) {
    if (row.at("via_grant").as_bool()) {
      EXPECT_EQ(row.at("reader").as_string(), "safety_office");
      by_grant = row.at("reads").as_int64();
      EXPECT_EQ(row.at("records").as_int64(), 6);
    } else {
      EXPECT_EQ(row.at("reader").as_string(), "school1_safety");
      own = row.at("reads").as_int64();
    }
  }
  EXPECT_EQ(by_grant, 3);
  EXPECT_EQ(own, 1);
  EXPECT_EQ(Json(report).at("grants").at("approved").as_int64(), 1);
  EXPECT_EQ(Json(report).at("grants").at("revoked").as_int64(), 1);
  EXPECT_EQ(Json(leader.Call("GET", "/api/v1/minors/access-report?year=2025"))
                .at("rows")
                .as_array()
                .size(),
            0u);
  auto auditor = As("auditor");
  EXPECT_EQ(Json(auditor.Call("GET", "/api/v1/minors/access-report?year=2026"))
                .at("rows")
                .as_array()
                .size(),
            2u);
  EXPECT_EQ(office.Call("GET", "/api/v1/minors/access-report").status, 403);
  EXPECT_EQ(As("school1_safety").Call("GET", "/api/v1/minors/access-report").status, 403);
  EXPECT_EQ(FirstField(leader.Call("GET", "/api/v1/minors/access-report?year=1999")), "year");
  EXPECT_EQ(Json(As("school2_leader").Call("GET", "/api/v1/minors/access-report?year=2026"))
                .at("rows")
                .as_array()
                .size(),
            0u);
  auto book = leader.Call("GET", "/api/v1/minors/access-report/export?year=2026");
  ASSERT_EQ(book.status, 200) << book.body;
  auto sheet = office::ReadXlsx(book.body);
  ASSERT_TRUE(sheet.ok());
  ASSERT_EQ(sheet->size(), 3u);
  EXPECT_EQ(sheet->at(0).at(0).text, "学校");
  bool grant_row = false;
  for (const auto& row : *sheet) grant_row = grant_row || row.at(5).text == "查阅授权";
  EXPECT_TRUE(grant_row);

  // Every read is in the audit log; refused reads are not reads.
  auto audit = auditor.Call("GET", "/api/v1/audit-logs?action=minors.read");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(Json(audit).at("total").as_int64(), 4);
  audit = auditor.Call("GET", "/api/v1/audit-logs?action=minors.grant");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(Json(audit).at("total").as_int64(), 5);  // 2 requests, 2 approvals, 1 revocation
}

INSTANTIATE_TEST_SUITE_P(Stores, MinorsApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
