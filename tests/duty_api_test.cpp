// 安全责任 over real HTTP on both stores: the templates read by a school and revised by the bureau
// (a stale version refused), a duty list made for the teacher (each bad field named), signed by
// the teacher alone with their password (nobody else, not twice, not a stale version), made to
// wait for a new signature by the template's new version and by a change of the list, the rule
// duty.signed stored as a finding, 我的待办 of the teacher and of the leader, 三管三必须 with its
// gaps, the board and the workbooks, scope (another school is 404) and permissions.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "office/table.hpp"
#include "support/module_api_test.hpp"

namespace xiaoan {
namespace {

namespace json = boost::json;
using testing::HttpReply;
using testing::WebSession;

class DutyApiTest : public testing::ModuleApiTest {
 protected:
  void SetUp() override {
    ModuleApiTest::SetUp();
    if (!Ready()) return;
    leader_ = As("school1_leader");
    teacher_ = As("school1_teacher");
    office_ = As("safety_office");
    school_ = UnitOf("school1_teacher");
    teacher_id_ = UserIdOf("school1_teacher");
    leader_id_ = UserIdOf("school1_leader");
    other_teacher_id_ = UserIdOf("school2_teacher");
  }

  // The rule a 409 names, or the error's code.
  static std::string Code(const HttpReply& r) {
    if (r.status < 400) return "status " + std::to_string(r.status);
    if (r.status == 409) return FirstField(r);
    return std::string(Json(r).at("error").at("code").as_string());
  }
  std::string Lists() const { return "/api/v1/duties/lists?unit_id=" + std::to_string(school_); }
  HttpReply Create(const WebSession& as, std::int64_t user, json::array posts) {
    return as.Call("POST", "/api/v1/duties/lists",
                   json::serialize(json::object{{"unit_id", school_},
                                                {"user_id", user},
                                                {"posts", std::move(posts)},
                                                {"local_items", json::array{"负责三楼东侧楼梯"}}}));
  }
  HttpReply Sign(const WebSession& as, std::int64_t id, std::int64_t version,
                 const std::string& password) {
    return as.Call("POST", "/api/v1/duties/lists/" + std::to_string(id) + "/sign",
                   json::serialize(json::object{{"version", version}, {"password", password}}));
  }
  // "signed/unsigned/outdated" of the school's counts.
  std::string Counts() {
    const auto c = Json(leader_.Call("GET", Lists())).at("counts");
    return std::to_string(c.at("signed").as_int64()) + "/" +
           std::to_string(c.at("unsigned").as_int64()) + "/" +
           std::to_string(c.at("outdated").as_int64());
  }
  // "count:first title" of a group of 我的待办, or "none".
  static std::string Task(const WebSession& as, const std::string& kind) {
    const auto all = Json(as.Call("GET", "/api/v1/me/tasks"));
    for (const auto& g : all.at("groups").as_array()) {
      if (g.at("kind").as_string() != kind) continue;
      return std::to_string(g.at("count").as_int64()) + ":" +
             std::string(g.at("items").at(0).at("title").as_string());
    }
    return "none";
  }
  std::string Finding(const std::string& rule) {
    auto f = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school_) +
                                     "&rule=" + rule + "&period=2026-12");
    EXPECT_EQ(f.status, 200) << f.body;
    const auto items = Json(f).at("items").as_array();
    if (items.size() != 1) return std::to_string(items.size()) + " findings";
    return std::string(items[0].at("outcome").as_string()) + " " +
           std::string(items[0].at("reason").as_string());
  }

  WebSession leader_;
  WebSession teacher_;
  WebSession office_;
  std::int64_t school_ = 0;
  std::int64_t teacher_id_ = 0;
  std::int64_t leader_id_ = 0;
  std::int64_t other_teacher_id_ = 0;
};

TEST_P(DutyApiTest, TheTeacherSignsAndSignsAgainAfterTheTemplateChanges) {
  auto r = leader_.Call("GET", "/api/v1/duties/templates");
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = Json(r);
  EXPECT_EQ(v.at("templates").as_array().size(), 11U);
  EXPECT_EQ(v.at("templates").at(5).at("post").as_string(), "class_teacher");
  EXPECT_EQ(v.at("templates").at(5).at("version").as_int64(), 1);
  EXPECT_FALSE(v.at("can_edit").as_bool());
  EXPECT_EQ(Counts(), "0/0/0");
  EXPECT_EQ(Json(leader_.Call("GET", Lists())).at("check").at("reason").as_string(),
            "尚未建立安全工作职责清单");

  // Every bad field named; nothing stored.
  EXPECT_EQ(Fields(Create(leader_, teacher_id_, json::array{"class_teacher", "mayor"})),
            "posts[1]");
  EXPECT_EQ(Fields(leader_.Call("POST", "/api/v1/duties/lists",
                                R"({"unit_id":1,"user_id":"x","posts":[]})")),
            "user_id");
  EXPECT_EQ(Fields(Create(leader_, other_teacher_id_, json::array{"teacher"})), "user_id");
  EXPECT_EQ(Counts(), "0/0/0");

  r = Create(leader_, teacher_id_, json::array{"class_teacher", "teacher"});
  ASSERT_EQ(r.status, 201) << r.body;
  v = Json(r);
  const auto id = v.at("id").as_int64();
  EXPECT_EQ(v.at("state").as_string(), "unsigned");
  EXPECT_EQ(v.at("holder_name").as_string(), "班主任");
  EXPECT_EQ(v.at("waiting_since").as_string(), "2026-12-07");
  EXPECT_FALSE(v.at("can_sign").as_bool());  // the leader made it; the teacher signs
  EXPECT_NE(std::string(v.at("content").as_string()).find("【班主任（第 1 版）】"),
            std::string::npos);
  EXPECT_EQ(Fields(Create(leader_, teacher_id_, json::array{"teacher"})), "user_id");
  EXPECT_EQ(Counts(), "0/1/0");
  EXPECT_EQ(Finding("duty.signed"),
            "fail 党组织书记未建立职责清单；校长未建立职责清单（已签 0/1）");

  // The teacher finds it in 我的待办 and on their own page; reads nothing else of the module.
  EXPECT_EQ(Task(teacher_, "duty.sign"), "1:我的安全工作职责清单未签订：尚未签订");
  EXPECT_EQ(Task(leader_, "duty.pending"), "1:班主任：尚未签订");
  r = teacher_.Call("GET", "/api/v1/duties/mine");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("list").at("id").as_int64(), id);
  EXPECT_TRUE(Json(r).at("list").at("can_sign").as_bool());
  EXPECT_EQ(teacher_.Call("GET", "/api/v1/duties/lists/" + std::to_string(id)).status, 200);
  EXPECT_EQ(teacher_.Call("GET", Lists()).status, 403);
  EXPECT_EQ(teacher_.Call("GET", "/api/v1/duties/templates").status, 403);
  EXPECT_TRUE(Json(leader_.Call("GET", "/api/v1/duties/mine")).at("list").is_null());

  // Only the holder signs, with their own password, at the version read.
  EXPECT_EQ(Sign(leader_, id, 1, passwords_["school1_leader"]).status, 403);
  EXPECT_EQ(Sign(As("school2_safety"), id, 1, passwords_["school2_safety"]).status, 404);
  r = Sign(teacher_, id, 1, "Wrong#Pass1");
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(Code(Sign(teacher_, id, 2, passwords_["school1_teacher"])), "duty.stale");
  EXPECT_EQ(Counts(), "0/1/0");
  r = Sign(teacher_, id, 1, passwords_["school1_teacher"]);
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_EQ(v.at("state").as_string(), "signed");
  EXPECT_EQ(v.at("signing").at("signed_on").as_string(), "2026-12-07");
  EXPECT_GT(v.at("signing").at("signature_id").as_int64(), 0);
  EXPECT_FALSE(v.at("can_sign").as_bool());
  EXPECT_EQ(Code(Sign(teacher_, id, 1, passwords_["school1_teacher"])), "duty.signed");
  EXPECT_EQ(Counts(), "1/0/0");
  EXPECT_EQ(Task(teacher_, "duty.sign"), "none");
  EXPECT_EQ(Task(leader_, "duty.pending"), "none");
  // The signature covers the content signed.
  r = office_.Call("GET",
                   "/api/v1/signatures?object_type=duty_list&object_id=" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;

  // The bureau revises the class teacher's duties: a new version, and the teacher signs again.
  EXPECT_EQ(
      leader_
          .Call("PUT", "/api/v1/duties/templates/class_teacher", R"({"items":["a"],"version":1})")
          .status,
      403);
  EXPECT_EQ(Fields(office_.Call("PUT", "/api/v1/duties/templates/class_teacher",
                                R"({"items":["甲"," ","甲"],"version":1})")),
            "items[1]");
  EXPECT_EQ(office_.Call("PUT", "/api/v1/duties/templates/mayor", R"({"items":["a"],"version":1})")
                .status,
            404);
  r = office_.Call("PUT", "/api/v1/duties/templates/class_teacher",
                   R"({"items":["对本班学生安全负直接责任","每周与家长沟通一次"],"version":1})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("version").as_int64(), 2);
  EXPECT_EQ(Json(r).at("changed_on").as_string(), "2026-12-07");
  EXPECT_EQ(Code(office_.Call("PUT", "/api/v1/duties/templates/class_teacher",
                              R"({"items":["x"],"version":1})")),
            "duty.stale");
  EXPECT_EQ(Counts(), "0/0/1");
  v = Json(teacher_.Call("GET", "/api/v1/duties/mine")).at("list");
  EXPECT_EQ(v.at("state").as_string(), "outdated");
  EXPECT_EQ(v.at("state_reason").as_string(), "班主任职责已更新为第 2 版，需重新签订");
  EXPECT_EQ(Task(teacher_, "duty.sign"),
            "1:我的安全工作职责清单待重签：班主任职责已更新为第 2 版，需重新签订");
  ASSERT_EQ(Sign(teacher_, id, 1, passwords_["school1_teacher"]).status, 200);
  EXPECT_EQ(Counts(), "1/0/0");

  // The leader changes the list: its version rises and it waits again.
  EXPECT_EQ(Code(leader_.Call("PUT", "/api/v1/duties/lists/" + std::to_string(id),
                              R"({"posts":["teacher"],"local_items":[],"version":2})")),
            "duty.stale");
  r = leader_.Call(
      "PUT", "/api/v1/duties/lists/" + std::to_string(id),
      R"({"posts":["class_teacher","teacher"],"local_items":["周三值日"],"version":1})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("version").as_int64(), 2);
  EXPECT_EQ(Json(r).at("state_reason").as_string(), "清单内容已修改，需重新签订");
  EXPECT_EQ(Counts(), "0/0/1");

  // Another school's officer does not see the list.
  auto other = As("school2_safety");
  EXPECT_EQ(other.Call("GET", "/api/v1/duties/lists/" + std::to_string(id)).status, 404);
  EXPECT_EQ(other.Call("GET", Lists()).status, 404);
  EXPECT_EQ(other
                .Call("PUT", "/api/v1/duties/lists/" + std::to_string(id),
                      R"({"posts":["teacher"],"local_items":[],"version":2})")
                .status,
            404);
}

TEST_P(DutyApiTest, TheAreasNameTheirGapsAndTheBoardCountsThem) {
  const auto areas = "/api/v1/duties/areas/" + std::to_string(school_);
  auto r = leader_.Call("GET", areas);
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = Json(r);
  EXPECT_EQ(v.at("areas").as_array().size(), 9U);
  EXPECT_EQ(v.at("version").as_int64(), 0);
  EXPECT_EQ(v.at("gaps").as_array().size(), 10U);   // nine areas and no safety office
  EXPECT_EQ(v.at("people").as_array().size(), 3U);  // the school's three accounts
  EXPECT_EQ(v.at("check").at("outcome").as_string(), "fail");

  // The leader owns everything but the canteen; the school has no dormitory.
  const auto body = [&](std::int64_t owner, std::int64_t version) {
    json::array items;
    for (const auto* code : {"teaching", "student", "logistics", "canteen", "dormitory", "lab",
                             "construction", "transport", "security"}) {
      json::object a{{"area", code}, {"applicable", std::string(code) != "dormitory"}};
      a["owner_user_id"] =
          std::string(code) == "canteen" ? json::value(nullptr) : json::value(owner);
      items.push_back(std::move(a));
    }
    return json::serialize(json::object{{"version", version}, {"areas", std::move(items)}});
  };
  EXPECT_EQ(Fields(leader_.Call("PUT", areas, body(other_teacher_id_, 0))),
            "areas[0].owner_user_id,areas[1].owner_user_id,areas[2].owner_user_id,areas[5]."
            "owner_user_id,areas[6].owner_user_id,areas[7].owner_user_id,areas[8].owner_user_id");
  EXPECT_EQ(Fields(leader_.Call("PUT", areas, R"({"version":0,"areas":[{"area":"kitchen"}]})")),
            "areas[0].area");
  r = leader_.Call("PUT", areas, body(leader_id_, 0));
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_EQ(v.at("version").as_int64(), 1);
  EXPECT_EQ(v.at("areas").at(0).at("owner_name").as_string(), "校长");
  EXPECT_TRUE(v.at("areas").at(3).at("owner_user_id").is_null());
  // The canteen, the leader's list missing for seven areas, and no office.
  std::string gaps;
  for (const auto& g : v.at("gaps").as_array()) {
    gaps += std::string(g.at("area").as_string()) + ";";
  }
  EXPECT_EQ(gaps, "teaching;student;logistics;canteen;lab;construction;transport;security;;");
  EXPECT_EQ(v.at("gaps").at(0).at("text").as_string(), "教育教学负责人校长没有安全工作职责清单");
  EXPECT_EQ(Code(leader_.Call("PUT", areas, body(leader_id_, 0))), "duty.stale");
  EXPECT_EQ(Task(leader_, "duty.areas").substr(0, 2), "9:");
  EXPECT_EQ(teacher_.Call("PUT", areas, body(leader_id_, 1)).status, 403);
  EXPECT_EQ(As("school2_safety").Call("GET", areas).status, 404);

  // The board: one row per school, this one failing both rules.
  r = office_.Call("GET", "/api/v1/duties/board");
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  bool found = false;
  for (const auto& row : v.at("rows").as_array()) {
    if (row.at("unit_id").as_int64() != school_) continue;
    found = true;
    EXPECT_EQ(row.at("gaps").as_int64(), 9);
    EXPECT_EQ(row.at("lists").as_int64(), 0);
    EXPECT_EQ(row.at("signed_check").at("outcome").as_string(), "fail");
    EXPECT_EQ(row.at("areas_check").at("outcome").as_string(), "fail");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(v.at("totals").at("schools_passing").as_int64(), 0);
  EXPECT_EQ(v.at("totals").at("schools").as_int64(),
            static_cast<std::int64_t>(v.at("rows").as_array().size()));
  r = office_.Call("GET", "/api/v1/duties/board/export");
  ASSERT_EQ(r.status, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).at(0).text, "学校");
  EXPECT_EQ(rows->size(), v.at("rows").as_array().size() + 1);
  r = leader_.Call("GET", "/api/v1/duties/lists/export");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(As("section_basic").Call("GET", "/api/v1/duties/board").status, 200);
  EXPECT_EQ(As("section_basic").Call("PUT", areas, body(leader_id_, 1)).status, 403);
  EXPECT_EQ(Finding("duty.areas").substr(0, 5), "fail ");
}

// 述职: the school's year — the leaders' lists, hazards, a training session, the rules failed —
// read by the leader and the bureau, exported as a workbook; another year, a year to come, the
// teacher and another school refused or empty.
TEST_P(DutyApiTest, TheLeadersYearHoldsTheFiguresOfTheOtherModules) {
  ASSERT_EQ(Create(leader_, leader_id_, json::array{"party_secretary", "principal"}).status, 201);
  auto mine = Json(leader_.Call("GET", "/api/v1/duties/mine")).at("list");
  ASSERT_EQ(Sign(leader_, mine.at("id").as_int64(), 1, passwords_["school1_leader"]).status, 200);
  ASSERT_EQ(Create(leader_, teacher_id_, json::array{"teacher"}).status, 201);
  auto r = leader_.Call("POST", "/api/v1/hazards",
                        json::serialize(json::object{{"school_id", school_},
                                                     {"domain", "fire"},
                                                     {"title", "食堂灭火器压力不足"},
                                                     {"description", "2 具灭火器指针在红区"},
                                                     {"source", "self_inspection"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  r = leader_.Call("POST", "/api/v1/training/sessions",
                   json::serialize(json::object{{"unit_id", school_},
                                                {"title", "消防安全培训"},
                                                {"kind", "topic"},
                                                {"held_on", "2026-11-20"},
                                                {"hours", 1},
                                                {"staff_ids", json::array{}},
                                                {"other_count", 30}}));
  ASSERT_EQ(r.status, 201) << r.body;

  const auto year = "/api/v1/duties/year?unit_id=" + std::to_string(school_);
  r = office_.Call("GET", year);
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = Json(r);
  EXPECT_EQ(v.at("year").as_int64(), 2026);
  EXPECT_EQ(v.at("as_of").as_string(), "2026-12-07");
  EXPECT_EQ(v.at("lists").as_int64(), 2);
  EXPECT_EQ(v.at("lists_signed").as_int64(), 1);
  ASSERT_EQ(v.at("leaders").as_array().size(), 1U);  // the teacher holds no leader's post
  EXPECT_EQ(v.at("leaders").at(0).at("posts").as_string(), "党组织书记、校长");
  EXPECT_EQ(v.at("leaders").at(0).at("state").as_string(), "已签订");
  EXPECT_EQ(v.at("leaders").at(0).at("signed_on").as_string(), "2026-12-07");
  EXPECT_EQ(v.at("hazards").at("found").as_int64(), 1);
  EXPECT_EQ(v.at("hazards").at("closed").as_int64(), 0);
  EXPECT_EQ(v.at("drills").as_int64(), 0);
  EXPECT_EQ(v.at("training_sessions").as_int64(), 1);
  EXPECT_EQ(v.at("supervision").at("orders").as_int64(), 0);
  // The rules judged on the writes this month: 三管三必须 has gaps.
  bool areas = false;
  for (const auto& f : v.at("failing").as_array()) {
    if (f.at("rule_id").as_string() != "duty.areas") continue;
    areas = true;
    EXPECT_EQ(f.at("measure").as_int64(), 1);
    EXPECT_EQ(f.at("periods").as_int64(), 1);
    EXPECT_EQ(f.at("title").as_string(), "三管三必须业务分工");
  }
  EXPECT_TRUE(areas) << r.body;
  // The leader's own school without unit_id; the workbook holds the same figures.
  EXPECT_EQ(Json(leader_.Call("GET", "/api/v1/duties/year")).at("unit_id").as_int64(), school_);
  r = leader_.Call("GET", "/api/v1/duties/year/export");
  ASSERT_EQ(r.status, 200) << r.body;
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok());
  std::string found;
  for (const auto& row : *rows) {
    if (row.size() >= 2 && row[0].text == "发现隐患") found = row[1].text;
  }
  EXPECT_EQ(found, "1");

  // Last year is empty; a year to come, the teacher and another school are refused.
  v = Json(office_.Call("GET", year + "&year=2025"));
  EXPECT_EQ(v.at("as_of").as_string(), "2025-12-31");
  EXPECT_EQ(v.at("lists").as_int64(), 0);  // both were made and signed this year
  EXPECT_TRUE(v.at("leaders").as_array().empty());
  EXPECT_EQ(v.at("hazards").at("found").as_int64(), 0);
  EXPECT_EQ(v.at("training_sessions").as_int64(), 0);
  EXPECT_TRUE(v.at("failing").as_array().empty());
  EXPECT_EQ(Fields(office_.Call("GET", year + "&year=2027")), "year");
  EXPECT_EQ(teacher_.Call("GET", year).status, 403);
  EXPECT_EQ(As("school2_safety").Call("GET", year).status, 404);
}

// 述职 for a past year reads each list as its holder had signed it by the year's last day: the
// leader signed in December, the list changed in January and was signed again; 2026 still shows
// the December signature, 2027 the January one.
TEST_P(DutyApiTest, APastYearReadsTheSignatureMadeInsideIt) {
  ASSERT_EQ(Create(leader_, leader_id_, json::array{"principal"}).status, 201);
  auto mine = Json(leader_.Call("GET", "/api/v1/duties/mine")).at("list");
  const auto id = mine.at("id").as_int64();
  ASSERT_EQ(Sign(leader_, id, 1, passwords_["school1_leader"]).status, 200);

  Instant january;
  ParseInstant("2027-01-11T02:00:00Z", january);
  clock_.Set(january);
  auto leader = As("school1_leader");
  auto r = leader.Call("PUT", "/api/v1/duties/lists/" + std::to_string(id),
                       json::serialize(json::object{{"version", 1},
                                                    {"posts", json::array{"principal"}},
                                                    {"local_items", json::array{"每月带班检查"}}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "outdated");
  const auto year = "/api/v1/duties/year?unit_id=" + std::to_string(school_);
  auto v = Json(leader.Call("GET", year + "&year=2026"));
  EXPECT_EQ(v.at("as_of").as_string(), "2026-12-31");
  ASSERT_EQ(v.at("leaders").as_array().size(), 1U);
  EXPECT_EQ(v.at("leaders").at(0).at("state").as_string(), "已签订");
  EXPECT_EQ(v.at("leaders").at(0).at("signed_on").as_string(), "2026-12-07");
  EXPECT_EQ(v.at("lists_signed").as_int64(), 1);
  v = Json(leader.Call("GET", year));
  EXPECT_EQ(v.at("year").as_int64(), 2027);
  EXPECT_EQ(v.at("leaders").at(0).at("state").as_string(), "待重签");
  EXPECT_EQ(v.at("lists_signed").as_int64(), 0);

  ASSERT_EQ(Sign(leader, id, 2, passwords_["school1_leader"]).status, 200);
  v = Json(leader.Call("GET", year));
  EXPECT_EQ(v.at("leaders").at(0).at("state").as_string(), "已签订");
  EXPECT_EQ(v.at("leaders").at(0).at("signed_on").as_string(), "2027-01-11");
  v = Json(leader.Call("GET", year + "&year=2026"));
  EXPECT_EQ(v.at("leaders").at(0).at("signed_on").as_string(), "2026-12-07");
  EXPECT_EQ(v.at("lists_signed").as_int64(), 1);
}

// The school's lists from a workbook: the template's header; a file with a stranger, a post that
// does not exist, a name that does not match and a person twice refused whole with each problem
// by row and column; a good one creates the teacher's list and replaces the leader's, which must
// be signed again; the same file again changes nothing.
TEST_P(DutyApiTest, ListsImportFromAWorkbookAllOrNothing) {
  auto t = leader_.Call("GET", "/api/v1/duties/lists/import-template");
  ASSERT_EQ(t.status, 200) << t.body;
  auto head = office::ReadXlsx(t.body);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->at(0).at(0).text, "用户名*");
  EXPECT_EQ(head->at(0).at(2).text, "岗位*");
  ASSERT_EQ(Create(leader_, leader_id_, json::array{"principal"}).status, 201);
  auto mine = Json(leader_.Call("GET", "/api/v1/duties/mine")).at("list");
  ASSERT_EQ(Sign(leader_, mine.at("id").as_int64(), 1, passwords_["school1_leader"]).status, 200);
  EXPECT_EQ(Counts(), "1/0/0");

  const auto file = [](std::vector<std::vector<std::string>> rows) {
    std::vector<office::Row> out = {office::TextRow({"用户名*", "姓名", "岗位*", "补充职责"})};
    for (auto& r : rows) out.push_back(office::TextRow(std::move(r)));
    return office::WriteXlsx({office::Sheet{"职责清单", out}}).value();
  };
  const auto path = "/api/v1/duties/lists/import?unit_id=" + std::to_string(school_);
  auto r = leader_.Call("POST", path,
                        file({{"school1_teacher", "", "班主任、厨师", ""},
                              {"school2_teacher", "", "教师", ""},
                              {"school1_safety", "王主任", "中层干部", ""},
                              {"school1_teacher", "", "教师", ""}}));
  ASSERT_EQ(r.status, 422) << r.body;
  auto v = Json(r);
  EXPECT_FALSE(v.at("applied").as_bool());
  EXPECT_EQ(v.at("failed").as_int64(), 4);
  std::string where;
  for (const auto& e : v.at("errors").as_array()) {
    where += std::to_string(e.at("row").as_int64()) + ":" +
             std::string(e.at("column").as_string()) + ";";
  }
  EXPECT_EQ(where, "2:岗位;3:用户名;4:姓名;5:用户名;");
  EXPECT_EQ(Counts(), "1/0/0");

  const auto good =
      file({{"school1_teacher", "班主任", "班主任、教师", "负责三楼东侧楼梯；周三值日"},
            {"school1_leader", "", "党组织书记、校长", ""}});
  r = leader_.Call("POST", path, good);
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_TRUE(v.at("applied").as_bool());
  EXPECT_EQ(v.at("created").as_int64(), 1);
  EXPECT_EQ(v.at("updated").as_int64(), 1);
  EXPECT_EQ(Counts(), "0/1/1");
  v = Json(teacher_.Call("GET", "/api/v1/duties/mine")).at("list");
  EXPECT_EQ(v.at("local_items").as_array().size(), 2U);
  EXPECT_EQ(v.at("posts").at(0).at("code").as_string(), "class_teacher");
  r = leader_.Call("POST", path, good);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("created").as_int64() + Json(r).at("updated").as_int64(), 0);
  EXPECT_EQ(teacher_.Call("POST", path, good).status, 403);
  EXPECT_EQ(As("school2_safety").Call("POST", path, good).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Stores, DutyApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
