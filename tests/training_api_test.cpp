// 安全培训 over real HTTP on both stores: a school's key-post staff added and edited field by
// field (a stale version refused), sessions recorded with their attendees (another school's
// people refused), the due list and the rules training.rotation and training.holiday answered
// with the list and stored as findings, 我的待办, the sign-in sheet's template and import, the
// bureau's board and workbook, scope (another school is 404) and permissions (a teacher reads
// nothing of it, the bureau's section reads but cannot write).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "office/table.hpp"
#include "support/module_api_test.hpp"

namespace xiaoan {
namespace {

namespace json = boost::json;
using testing::HttpReply;
using testing::WebSession;

class TrainingApiTest : public testing::ModuleApiTest {
 protected:
  void SetUp() override {
    ModuleApiTest::SetUp();
    if (!Ready()) return;
    safety_ = As("school1_safety");
    office_ = As("safety_office");
    school_ = UnitOf("school1_safety");
    other_ = UnitOf("school2_safety");
  }

  // "outcome reason" of one rule among the list's checks.
  static std::string Check(const json::value& v, const std::string& rule) {
    for (const auto& c : v.at("checks").as_array()) {
      if (c.at("rule").as_string() == rule) {
        return std::string(c.at("outcome").as_string()) + " " +
               std::string(c.at("reason").as_string());
      }
    }
    return "";
  }
  // "name:state:due_by" of each person, in the list's order.
  static std::string Dues(const json::value& v) {
    std::string out;
    for (const auto& p : v.at("items").as_array()) {
      out += (out.empty() ? "" : ",") + std::string(p.at("name").as_string()) + ":" +
             std::string(p.at("state").as_string()) + ":" + std::string(p.at("due_by").as_string());
    }
    return out;
  }
  std::string Staff() const { return "/api/v1/training/staff?unit_id=" + std::to_string(school_); }
  HttpReply AddPerson(const WebSession& as, std::int64_t unit, const char* name, const char* post,
                      const char* since) {
    return as.Call("POST", "/api/v1/training/staff",
                   json::serialize(json::object{{"unit_id", unit},
                                                {"name", name},
                                                {"post", post},
                                                {"phone", "13905710001"},
                                                {"since", since},
                                                {"note", ""}}));
  }
  HttpReply Record(const WebSession& as, std::int64_t unit, const char* kind, const char* on,
                   json::array ids, int others) {
    return as.Call("POST", "/api/v1/training/sessions",
                   json::serialize(json::object{{"unit_id", unit},
                                                {"title", "重点岗位安全培训"},
                                                {"kind", kind},
                                                {"held_on", on},
                                                {"hours", 1.5},
                                                {"trainer", "区消防救援大队"},
                                                {"place", "学校会议室"},
                                                {"staff_ids", std::move(ids)},
                                                {"other_count", others},
                                                {"note", ""}}));
  }
  // "count/overdue" of the training group of 我的待办, each item's title after it.
  std::string Tasks(const WebSession& as) {
    const auto all = Json(as.Call("GET", "/api/v1/me/tasks"));
    for (const auto& g : all.at("groups").as_array()) {
      if (g.at("kind").as_string() != "training.due") continue;
      std::string out;
      for (const auto& i : g.at("items").as_array()) {
        EXPECT_EQ(i.at("subject_type").as_string(), "training_staff");
        EXPECT_EQ(i.at("subject_id").as_int64(), school_);
        out += "|" + std::string(i.at("title").as_string());
      }
      return std::to_string(g.at("count").as_int64()) + "/" +
             std::to_string(g.at("overdue").as_int64()) + out;
    }
    return "none";
  }
  std::string Finding(const std::string& rule, const std::string& period) {
    auto f = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school_) +
                                     "&rule=" + rule + "&period=" + period);
    EXPECT_EQ(f.status, 200) << f.body;
    const auto items = Json(f).at("items").as_array();
    if (items.size() != 1) return std::to_string(items.size()) + " findings";
    return std::string(items[0].at("outcome").as_string()) + " " +
           std::string(items[0].at("reason").as_string());
  }

  WebSession safety_;
  WebSession office_;
  std::int64_t school_ = 0;
  std::int64_t other_ = 0;
};

TEST_P(TrainingApiTest, TheDueListAndTheRulesFollowTheSessions) {
  auto r = safety_.Call("GET", "/api/v1/training/staff");  // the officer's own school
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = Json(r);
  EXPECT_EQ(v.at("unit_id").as_int64(), school_);
  EXPECT_TRUE(v.at("can_edit").as_bool());
  EXPECT_EQ(v.at("today").as_string(), "2026-12-07");
  EXPECT_EQ(v.at("interval_months").as_int64(), 12);
  EXPECT_EQ(v.at("posts").as_array().size(), 5U);
  EXPECT_EQ(Check(v, "training.rotation"), "fail 尚未登记重点岗位人员");
  // The demo calendar: the spring term ended 2026-07-10, the autumn one began 2026-09-01.
  EXPECT_EQ(Check(v, "training.holiday"),
            "fail 暑假（2026-07-11 至 2026-09-15）未开展假期安保培训");

  // Every problem named by its field; nothing stored.
  r = safety_.Call("POST", "/api/v1/training/staff",
                   R"({"unit_id":)" + std::to_string(school_) +
                       R"(,"name":"","post":"cook","phone":"123","since":"2026-12-08"})");
  EXPECT_EQ(Fields(r), "name,post,phone,since");
  EXPECT_EQ(Fields(safety_.Call("POST", "/api/v1/training/staff", R"({"unit_id":1,"name":5})")),
            "name,post,since");
  EXPECT_EQ(Fields(AddPerson(safety_, other_, "张强", "security", "2024-03-01")), "unit_id");
  EXPECT_TRUE(Json(safety_.Call("GET", Staff())).at("items").as_array().empty());

  r = AddPerson(safety_, school_, "张强", "security", "2024-03-01");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto zhang = Json(r).at("id").as_int64();
  EXPECT_EQ(Json(r).at("state").as_string(), "overdue");
  EXPECT_EQ(Json(r).at("post_label").as_string(), "安保");
  r = AddPerson(safety_, school_, "李明", "fire", "2026-01-07");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto li = Json(r).at("id").as_int64();
  const auto theirs = Json(AddPerson(As("school2_safety"), other_, "王五", "lab", "2025-01-01"))
                          .at("id")
                          .as_int64();
  v = Json(safety_.Call("GET", Staff()));
  // 李明 is due a year after taking the post: 31 days away, not yet due soon.
  EXPECT_EQ(Dues(v), "张强:overdue:2025-03-01,李明:ok:2027-01-07");
  EXPECT_EQ(Check(v, "training.rotation"), "fail 张强 轮训逾期");
  EXPECT_EQ(Tasks(safety_),
            "2/2|假期安保培训：安保人员和教职工突发冲撞、侵害处置训练：暑假（2026-07-11 至 "
            "2026-09-15）未开展假期安保培训|张强（安保）须参加安全培训");
  EXPECT_EQ(Tasks(office_), "none");  // not a school
  EXPECT_EQ(Finding("training.rotation", "2026-12"), "fail 张强 轮训逾期");

  // A session: its fields, and attendees of this school only.
  EXPECT_EQ(Fields(Record(safety_, school_, "party", "2026-12-08", {}, 0)),
            "kind,held_on,staff_ids");
  EXPECT_EQ(Fields(Record(safety_, school_, "rotation", "2026-12-01", {zhang, theirs}, 0)),
            "staff_ids[1]");
  EXPECT_EQ(Fields(Record(safety_, school_, "rotation", "2026-12-01", {zhang, zhang}, 0)),
            "staff_ids[1]");
  r = Record(safety_, school_, "rotation", "2026-12-01", {zhang}, 3);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto rotation = Json(r).at("id").as_int64();
  EXPECT_EQ(Json(r).at("attendees").at(0).at("name").as_string(), "张强");
  EXPECT_EQ(Json(r).at("hours").as_double(), 1.5);
  EXPECT_EQ(Json(r).at("created_by").as_string(), "school1_safety");
  v = Json(safety_.Call("GET", Staff()));
  EXPECT_EQ(Dues(v), "李明:ok:2027-01-07,张强:ok:2027-12-01");
  EXPECT_EQ(v.at("items").at(1).at("last_trained_on").as_string(), "2026-12-01");
  EXPECT_EQ(v.at("items").at(1).at("last_session_id").as_int64(), rotation);
  EXPECT_EQ(Check(v, "training.rotation"), "pass 2 名重点岗位人员均在轮训期内");
  EXPECT_EQ(Finding("training.rotation", "2026-12"), "pass 2 名重点岗位人员均在轮训期内");

  // The summer's holiday session: attended by the guard and ten teachers.
  r = Record(safety_, school_, "holiday", "2026-08-25", {zhang}, 10);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto holiday = Json(r).at("id").as_int64();
  v = Json(safety_.Call("GET", Staff()));
  EXPECT_EQ(Check(v, "training.holiday"),
            "pass 暑假 2026-08-25 开展假期安保培训，安保人员 1 人、教职工 10 人参加");
  EXPECT_EQ(Tasks(safety_), "none");
  EXPECT_EQ(Finding("training.holiday", "2026-1").substr(0, 4), "pass");

  // Editing: fields, a stale version, then 李明 leaves the post.
  const auto put = [&](std::int64_t id, json::object body) {
    return safety_.Call("PUT", "/api/v1/training/staff/" + std::to_string(id),
                        json::serialize(body));
  };
  json::object edit{{"name", "李明"},        {"post", "fire"},  {"phone", "0571-87654321"},
                    {"since", "2026-01-07"}, {"active", false}, {"note", "调离"},
                    {"version", 1}};
  auto bad = edit;
  bad["post"] = "cook";
  EXPECT_EQ(Fields(put(li, bad)), "post");
  bad = edit;
  bad["version"] = 5;
  EXPECT_EQ(put(li, bad).status, 409);
  EXPECT_EQ(put(theirs, edit).status, 404);
  r = put(li, edit);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("state").as_string(), "inactive");
  EXPECT_EQ(Json(r).at("version").as_int64(), 2);
  EXPECT_EQ(put(li, edit).status, 409);  // the version read is gone
  v = Json(safety_.Call("GET", Staff()));
  EXPECT_EQ(Dues(v), "张强:ok:2027-12-01,李明:inactive:");
  EXPECT_EQ(Check(v, "training.rotation"), "pass 1 名重点岗位人员均在轮训期内");
  // A person who left cannot attend.
  EXPECT_EQ(Fields(Record(safety_, school_, "topic", "2026-12-02", {li}, 0)), "staff_ids[0]");

  // Sessions: listed newest first, by kind, one read; a deleted one no longer counts.
  r = safety_.Call("GET", "/api/v1/training/sessions?unit_id=" + std::to_string(school_));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(Json(r).at("items").as_array().size(), 2U);
  EXPECT_EQ(Json(r).at("items").at(0).at("id").as_int64(), rotation);
  EXPECT_EQ(Json(r).at("kinds").as_array().size(), 3U);
  r = safety_.Call("GET", "/api/v1/training/sessions?kind=holiday");
  ASSERT_EQ(Json(r).at("items").as_array().size(), 1U);
  EXPECT_EQ(Json(r).at("items").at(0).at("kind_label").as_string(),
            "假期安保培训（突发冲撞、侵害处置）");
  EXPECT_EQ(Fields(safety_.Call("GET", "/api/v1/training/sessions?kind=party")), "kind");
  EXPECT_EQ(safety_.Call("GET", "/api/v1/training/sessions/" + std::to_string(holiday)).status,
            200);
  EXPECT_EQ(As("school2_safety")
                .Call("GET", "/api/v1/training/sessions/" + std::to_string(holiday))
                .status,
            404);
  EXPECT_EQ(As("school2_safety")
                .Call("DELETE", "/api/v1/training/sessions/" + std::to_string(rotation))
                .status,
            404);
  ASSERT_EQ(safety_.Call("DELETE", "/api/v1/training/sessions/" + std::to_string(rotation)).status,
            204);
  EXPECT_EQ(safety_.Call("GET", "/api/v1/training/sessions/" + std::to_string(rotation)).status,
            404);
  v = Json(safety_.Call("GET", Staff()));
  // 张强's last training is the summer's holiday session now.
  EXPECT_EQ(Dues(v), "张强:ok:2027-08-25,李明:inactive:");
  EXPECT_EQ(Finding("training.rotation", "2026-12"), "pass 1 名重点岗位人员均在轮训期内");

  // Audited.
  const auto auditor = As("auditor");
  for (const char* action : {"training.staff.add", "training.staff.edit", "training.session.add",
                             "training.session.delete"}) {
    auto audit = auditor.Call("GET", std::string("/api/v1/audit-logs?action=") + action);
    ASSERT_EQ(audit.status, 200) << audit.body;
    EXPECT_GT(Json(audit).at("total").as_int64(), 0) << action;
  }
  auto audit = auditor.Call("GET", "/api/v1/audit-logs?action=training.session.delete");
  EXPECT_NE(audit.body.find("删除培训记录"), std::string::npos) << audit.body;
}

TEST_P(TrainingApiTest, ScopeAndPermissions) {
  ASSERT_EQ(AddPerson(safety_, school_, "张强", "security", "2024-03-01").status, 201);
  // Another school's officer: 404 on this school; the bureau must name the school.
  EXPECT_EQ(As("school2_safety").Call("GET", Staff()).status, 404);
  EXPECT_EQ(Fields(office_.Call("GET", "/api/v1/training/staff")), "unit_id");
  auto r = office_.Call("GET", Staff());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Json(r).at("can_edit").as_bool());
  // A teacher reads none of it; the bureau's section reads but may not write.
  const auto teacher = As("school1_teacher");
  EXPECT_EQ(teacher.Call("GET", Staff()).status, 403);
  EXPECT_EQ(AddPerson(teacher, school_, "王五", "lab", "2025-01-01").status, 403);
  const auto section = As("section_basic");
  r = section.Call("GET", "/api/v1/training/board");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(AddPerson(section, school_, "王五", "lab", "2025-01-01").status, 403);
  EXPECT_EQ(Fields(safety_.Call("GET", "/api/v1/training/staff?unit_id=abc")), "unit_id");
}

TEST_P(TrainingApiTest, TheBureausBoardAndItsWorkbook) {
  const auto zhang =
      Json(AddPerson(safety_, school_, "张强", "security", "2024-03-01")).at("id").as_int64();
  ASSERT_EQ(AddPerson(safety_, school_, "李明", "fire", "2026-01-20").status, 201);
  ASSERT_EQ(Record(safety_, school_, "holiday", "2026-08-25", {zhang}, 10).status, 201);
  auto r = office_.Call("GET", "/api/v1/training/board");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto v = Json(r);
  EXPECT_EQ(v.at("today").as_string(), "2026-12-07");
  bool seen = false;
  for (const auto& row : v.at("rows").as_array()) {
    if (row.at("unit_id").as_int64() == school_) {
      seen = true;
      EXPECT_EQ(row.at("staff").as_int64(), 2);
      EXPECT_EQ(row.at("overdue").as_int64(), 0);  // 张强 trained in August
      EXPECT_EQ(row.at("due_soon").as_int64(), 0);
      EXPECT_EQ(row.at("last_session_on").as_string(), "2026-08-25");
      EXPECT_EQ(row.at("rotation").at("outcome").as_string(), "pass");
      EXPECT_EQ(row.at("holiday").at("outcome").as_string(), "pass");
    } else {
      EXPECT_EQ(row.at("staff").as_int64(), 0);
      EXPECT_EQ(row.at("rotation").at("outcome").as_string(), "fail");
    }
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(v.at("totals").at("staff").as_int64(), 2);
  EXPECT_EQ(v.at("totals").at("schools").as_int64(),
            static_cast<std::int64_t>(v.at("rows").as_array().size()));
  // A school's officer sees only their own school on the board.
  r = safety_.Call("GET", "/api/v1/training/board");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(Json(r).at("rows").as_array().size(), 1U);

  r = office_.Call("GET", "/api/v1/training/board/export");
  ASSERT_EQ(r.status, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).at(0).text, "学校");
  EXPECT_EQ(rows->at(0).at(6).text, "假期安保培训");
  EXPECT_EQ(rows->size(), v.at("rows").as_array().size() + 1);
  bool exported = false;
  for (const auto& row : *rows) {
    if (row.at(0).text == std::string(v.at("rows").at(0).at("unit_name").as_string())) {
      exported = true;
    }
  }
  EXPECT_TRUE(exported);
}

TEST_P(TrainingApiTest, TheSignInSheetAddsItsNames) {
  const auto zhang =
      Json(AddPerson(safety_, school_, "张强", "security", "2024-03-01")).at("id").as_int64();
  ASSERT_EQ(AddPerson(safety_, school_, "李明", "fire", "2024-03-01").status, 201);
  auto r = Record(safety_, school_, "rotation", "2026-12-01", {zhang}, 0);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto session = Json(r).at("id").as_int64();
  const auto path = "/api/v1/training/sessions/" + std::to_string(session) + "/sign-in";

  auto t = safety_.Call("GET", "/api/v1/training/sign-in-template");
  ASSERT_EQ(t.status, 200);
  auto head = office::ReadXlsx(t.body);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->at(0).at(0).text, "姓名*");
  const auto file = [&](std::vector<std::vector<std::string>> rows) {
    std::vector<office::Row> out = {head->at(0)};
    for (auto& row : rows) out.push_back(office::TextRow(row));
    return office::WriteXlsx({office::Sheet{"签到表", out}}).value();
  };
  // A name too long: refused by its row, nothing changed.
  r = safety_.Call("POST", path, file({{"李明", "", ""}, {std::string(63, 'x'), "", ""}}));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_FALSE(Json(r).at("applied").as_bool());
  EXPECT_EQ(Json(r).at("errors").at(0).at("row").as_int64(), 3);
  EXPECT_EQ(Json(r).at("errors").at(0).at("column").as_string(), "姓名");
  EXPECT_EQ(Json(r).at("failed").as_int64(), 1);
  auto s = Json(safety_.Call("GET", "/api/v1/training/sessions/" + std::to_string(session)));
  EXPECT_EQ(s.at("staff_ids").as_array().size(), 1U);
  // 李明 matched, 张强 already there, two teachers counted as others.
  r = safety_.Call("POST", path,
                   file({{"李明", "消防", ""},
                         {"张强", "", ""},
                         {"王老师", "", ""},
                         {"陈老师", "", ""},
                         {"王老师", "", "重复"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Json(r).at("applied").as_bool());
  EXPECT_EQ(Json(r).at("rows").as_int64(), 5);
  EXPECT_EQ(Json(r).at("matched").as_int64(), 2);
  EXPECT_EQ(Json(r).at("others").as_int64(), 2);
  EXPECT_EQ(Json(r).at("failed").as_int64(), 0);
  s = Json(safety_.Call("GET", "/api/v1/training/sessions/" + std::to_string(session)));
  ASSERT_EQ(s.at("attendees").as_array().size(), 2U);
  EXPECT_EQ(s.at("attendees").at(1).at("name").as_string(), "李明");
  EXPECT_EQ(s.at("other_count").as_int64(), 2);
  const auto v = Json(safety_.Call("GET", Staff()));
  EXPECT_EQ(Dues(v), "张强:ok:2027-12-01,李明:ok:2027-12-01");
  // Not the template; another school's officer; a teacher.
  EXPECT_EQ(safety_
                .Call("POST", path,
                      office::WriteXlsx({office::Sheet{"x", {office::TextRow({"名字"})}}}).value())
                .status,
            422);
  EXPECT_EQ(As("school2_safety").Call("POST", path, file({{"李明", "", ""}})).status, 404);
  EXPECT_EQ(As("school1_teacher").Call("POST", path, file({{"李明", "", ""}})).status, 403);
}

// 安全监管机构: a school's office saved whole field by field (a stale version 409), judged on
// staffing.office at once and in 我的待办 while short; the bureau's own office (not judged);
// another school's office 404, a section reads and may not write; the board and its workbook.
TEST_P(TrainingApiTest, TheSafetyOfficesOfTheBureauAndTheSchools) {
  const auto path = [](std::int64_t unit) {
    return "/api/v1/staffing/offices/" + std::to_string(unit);
  };
  auto r = safety_.Call("GET", path(school_));
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = Json(r);
  EXPECT_EQ(v.at("version").as_int64(), 0);
  EXPECT_EQ(v.at("unit_kind").as_string(), "school");
  EXPECT_EQ(v.at("check").at("reason").as_string(), "尚未登记安全监管机构人员");
  EXPECT_TRUE(v.at("can_edit").as_bool());
  const auto tasks = [&]() {
    const auto all = Json(safety_.Call("GET", "/api/v1/me/tasks"));
    for (const auto& g : all.at("groups").as_array()) {
      if (g.at("kind").as_string() != "staffing.office") continue;
      EXPECT_EQ(g.at("items").at(0).at("subject_type").as_string(), "safety_office");
      EXPECT_EQ(g.at("items").at(0).at("subject_id").as_int64(), school_);
      return std::string(g.at("items").at(0).at("title").as_string());
    }
    return std::string("none");
  };
  EXPECT_EQ(tasks(), "学校安全监管机构人员配备：尚未登记安全监管机构人员");

  const auto member = [](const char* name, bool full_time, const char* phone) {
    return json::object{{"name", name},
                        {"post", "专职安全员"},
                        {"full_time", full_time},
                        {"qualifications", "注册安全工程师"},
                        {"phone", phone}};
  };
  json::object body{{"version", 0},
                    {"name", "安全办公室"},
                    {"members", json::array{member("王主任", false, "13905710001"),
                                            member("", true, "123"), member("王主任", true, "")}}};
  EXPECT_EQ(Fields(safety_.Call("PUT", path(school_), json::serialize(body))),
            "members[1].name,members[1].phone,members[2].name");
  EXPECT_EQ(Fields(safety_.Call("PUT", path(school_), R"({"version":0,"name":3})")), "name");
  body["members"] = json::array{member("王主任", false, "13905710001")};
  r = safety_.Call("PUT", path(school_), json::serialize(body));
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_EQ(v.at("version").as_int64(), 1);
  EXPECT_EQ(v.at("counts").at("members").as_int64(), 1);
  EXPECT_EQ(v.at("check").at("reason").as_string(),
            "机构人员 1 人，少于 2 人；专职 0 人，少于 1 人");
  EXPECT_EQ(Finding("staffing.office", "2026-12"),
            "fail 机构人员 1 人，少于 2 人；专职 0 人，少于 1 人");
  EXPECT_EQ(safety_.Call("PUT", path(school_), json::serialize(body)).status, 409);
  body["version"] = 1;
  body["members"].as_array().push_back(member("李明", true, "0571-87654321"));
  r = safety_.Call("PUT", path(school_), json::serialize(body));
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_EQ(v.at("check").at("outcome").as_string(), "pass");
  EXPECT_EQ(v.at("members").at(1).at("full_time").as_bool(), true);
  EXPECT_EQ(v.at("counts").at("full_time").as_int64(), 1);
  EXPECT_EQ(v.at("counts").at("qualified").as_int64(), 2);
  EXPECT_EQ(tasks(), "none");
  EXPECT_EQ(Finding("staffing.office", "2026-12"), "pass 安全办公室 2 人，其中专职 1 人");

  // The bureau's own office: kept, not judged; a school's officer cannot reach it.
  const auto bureau = Json(office_.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  r = office_.Call("PUT", path(bureau),
                   json::serialize(json::object{
                       {"version", 0},
                       {"name", "安全管理科"},
                       {"members", json::array{member("赵科长", true, "13905710009")}}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Json(r).at("check").is_null());
  EXPECT_EQ(safety_.Call("GET", path(bureau)).status, 404);
  EXPECT_EQ(As("school2_safety").Call("GET", path(school_)).status, 404);
  EXPECT_EQ(As("school1_teacher").Call("GET", path(school_)).status, 403);
  const auto section = As("section_basic");
  EXPECT_EQ(section.Call("GET", path(school_)).status, 200);
  EXPECT_EQ(section.Call("PUT", path(school_), json::serialize(body)).status, 403);
  // A department is not a unit with a safety office.
  const auto dept =
      Json(As("dept1_liaison").Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
  EXPECT_EQ(office_.Call("GET", path(dept)).status, 404);

  // The board: the bureau first, then each school; the workbook.
  r = office_.Call("GET", "/api/v1/staffing/board");
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_EQ(v.at("rows").at(0).at("unit_kind").as_string(), "bureau");
  EXPECT_EQ(v.at("rows").at(0).at("office_name").as_string(), "安全管理科");
  EXPECT_TRUE(v.at("rows").at(0).at("check").is_null());
  EXPECT_EQ(v.at("totals").at("offices").as_int64(), 2);
  EXPECT_EQ(v.at("totals").at("members").as_int64(), 3);
  EXPECT_EQ(v.at("totals").at("full_time").as_int64(), 2);
  int failing = 0;
  for (const auto& row : v.at("rows").as_array()) {
    if (row.at("unit_id").as_int64() == school_) {
      EXPECT_EQ(row.at("check").at("outcome").as_string(), "pass");
    } else if (row.at("unit_kind").as_string() == "school") {
      EXPECT_EQ(row.at("check").at("outcome").as_string(), "fail");
      ++failing;
    }
  }
  EXPECT_GT(failing, 0);
  r = office_.Call("GET", "/api/v1/staffing/board/export");
  ASSERT_EQ(r.status, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).at(2).text, "机构名称");
  EXPECT_EQ(rows->size(), v.at("rows").as_array().size() + 1);
  EXPECT_EQ(rows->at(1).at(1).text, "教育局");
  // A school's officer sees only their school.
  r = safety_.Call("GET", "/api/v1/staffing/board");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("rows").as_array().size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(Stores, TrainingApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
