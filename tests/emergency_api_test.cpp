// 应急处置 over real HTTP on both stores: a school's setup written whole and checked field by
// field, a stale version refused, the three rules answered with the setup and stored as findings
// for the month, a plan's document attached by its upload and downloadable by whoever may read
// the setup, 我的待办 for what is missing, the bureau's overview with its filter and workbook,
// scope (another school's setup is 404) and permissions (a teacher reads, cannot write).
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

Instant At(const char* text) {
  Instant t;
  ParseInstant(text, t);
  return t;
}

class EmergencyApiTest : public testing::ModuleApiTest {
 protected:
  void SetUp() override {
    ModuleApiTest::SetUp();
    if (!Ready()) return;
    safety_ = As("school1_safety");
    office_ = As("safety_office");
    school_ = UnitOf("school1_safety");
    other_ = UnitOf("school2_safety");
  }

  // "outcome reason" of one rule among the setup's checks.
  static std::string Check(const json::value& v, const std::string& rule) {
    for (const auto& c : v.at("checks").as_array()) {
      if (c.at("rule").as_string() == rule) {
        return std::string(c.at("outcome").as_string()) + " " +
               std::string(c.at("reason").as_string());
      }
    }
    return "";
  }
  static json::object Person(const char* role, const char* name, const char* phone) {
    return {{"role", role}, {"name", name}, {"post", ""}, {"phone", phone}};
  }
  static json::object Body() {
    return {{"version", 0},
            {"command", json::array{Person("commander", "王校长", "13905710001"),
                                    Person("evacuation", "李老师", "13905710002"),
                                    Person("rescue", "赵主任", "13905710003"),
                                    Person("communication", "陈老师", "13905710004"),
                                    Person("logistics", "刘主任", "13905710005")}},
            {"unit", json::array{Person("guard", "张保安", "13905710006"),
                                 Person("staff", "周老师", "13905710007"),
                                 Person("staff", "吴老师", "0571-87650007")}},
            {"duty_phone", "0571-87650001"},
            {"gathering_point", "田径场"},
            {"police_station", "城关派出所 0571-87650110"},
            {"hospital", "区人民医院"},
            {"plans", json::array{json::object{{"title", "学校突发事件综合应急预案"},
                                               {"kind", "overall"},
                                               {"revised_on", "2026-03-02"}}}}};
  }
  std::string Path(std::int64_t unit) const {
    return "/api/v1/emergency/setups/" + std::to_string(unit);
  }
  std::string Tasks(const WebSession& as) {
    const auto all = Json(as.Call("GET", "/api/v1/me/tasks"));
    for (const auto& g : all.at("groups").as_array()) {
      if (g.at("kind").as_string() != "emergency.setup") continue;
      std::string out;
      for (const auto& i : g.at("items").as_array()) {
        EXPECT_EQ(i.at("subject_type").as_string(), "emergency_setup");
        EXPECT_EQ(i.at("subject_id").as_int64(), school_);
        out += (out.empty() ? "" : "|") + std::string(i.at("title").as_string());
      }
      return std::to_string(g.at("count").as_int64()) + "/" +
             std::to_string(g.at("overdue").as_int64()) + " " + out;
    }
    return "none";
  }

  WebSession safety_;
  WebSession office_;
  std::int64_t school_ = 0;
  std::int64_t other_ = 0;
};

TEST_P(EmergencyApiTest, ASchoolKeepsItsSetupAndTheRulesJudgeIt) {
  auto r = safety_.Call("GET", Path(school_));
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = Json(r);
  EXPECT_EQ(v.at("version").as_int64(), 0);
  EXPECT_TRUE(v.at("can_edit").as_bool());
  EXPECT_TRUE(v.at("updated_at").is_null());
  EXPECT_EQ(Check(v, "emergency.command"), "fail 尚未建立应急指挥体系");
  EXPECT_TRUE(v.at("attack_drill").is_null());
  // The school's last attack drill of the past year (the drill module) is shown with the setup;
  // a fire drill is not, nor one older than a year.
  for (const auto& [date, kind] :
       {std::pair{"2025-12-06", "attack"}, std::pair{"2026-09-10", "attack"},
        std::pair{"2026-11-20", "fire"}}) {
    auto d = safety_.Call("POST", "/api/v1/drills",
                          json::serialize(json::object{{"school_id", school_},
                                                       {"kind", kind},
                                                       {"date", date},
                                                       {"commander", "校长"},
                                                       {"students", 600},
                                                       {"staff", 50},
                                                       {"signal_time", "10:00:00"},
                                                       {"all_out_time", "10:01:40"}}));
    ASSERT_EQ(d.status, 201) << d.body;
  }
  v = Json(safety_.Call("GET", Path(school_)));
  ASSERT_TRUE(v.at("attack_drill").is_object()) << v;
  EXPECT_EQ(v.at("attack_drill").at("date").as_string(), "2026-09-10");
  EXPECT_EQ(v.at("options").at("unit_roles").as_array().size(), 3U);
  EXPECT_EQ(Tasks(safety_),
            "3/3 应急指挥体系：总指挥和各工作组人员明确：尚未建立应急指挥体系|"
            "最小应急单元：保安员、教职工、周边志愿者人数和联系方式：尚未组建最小应急单元|"
            "应急预案齐全并按期修订：尚未登记应急预案");
  EXPECT_EQ(Tasks(office_), "none");  // not a school

  // Every problem named by its field; nothing stored.
  auto bad = Body();
  bad["command"].as_array().push_back(Person("chief", "某某", ""));
  bad["unit"].as_array().push_back(Person("volunteer", "赵明", "12345"));
  bad["plans"].as_array().push_back(
      json::object{{"title", ""}, {"kind", "overall"}, {"revised_on", "2026-12-08"}});
  bad["duty_phone"] = "110abc";
  EXPECT_EQ(Fields(safety_.Call("PUT", Path(school_), json::serialize(bad))),
            "command[5].role,unit[3].phone,duty_phone,plans[1].title,plans[1].revised_on");
  EXPECT_EQ(FirstField(safety_.Call("PUT", Path(school_), R"({"version":0,"unit":"x"})")), "unit");
  EXPECT_EQ(Json(safety_.Call("GET", Path(school_))).at("version").as_int64(), 0);

  // Saved: command and plans pass, the unit lacks its volunteer.
  r = safety_.Call("PUT", Path(school_), json::serialize(Body()));
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_EQ(v.at("version").as_int64(), 1);
  EXPECT_EQ(v.at("updated_by").as_string(), "school1_safety");
  EXPECT_EQ(v.at("unit").at(2).at("role_label").as_string(), "教职工");
  EXPECT_EQ(v.at("plans").at(0).at("review_by").as_string(), "2027-03-02");
  EXPECT_FALSE(v.at("plans").at(0).at("overdue").as_bool());
  EXPECT_EQ(
      Check(v, "emergency.command"),
      "pass 总指挥已明确；疏散引导组 1 人，抢险救援组 1 人，通讯联络组 1 人，后勤保障组 1 人");
  EXPECT_EQ(Check(v, "emergency.unit"), "fail 周边商户志愿者 0 人，少于 1 人");
  EXPECT_EQ(Check(v, "emergency.plan"), "pass 1 份应急预案，均在修订期内");
  EXPECT_EQ(
      Tasks(safety_),
      "1/1 最小应急单元：保安员、教职工、周边志愿者人数和联系方式：周边商户志愿者 0 人，少于 1 人");
  // Judged at once: the month's finding.
  auto f = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school_) +
                                   "&rule=emergency.unit&period=2026-12");
  ASSERT_EQ(f.status, 200) << f.body;
  ASSERT_EQ(Json(f).at("items").as_array().size(), 1U) << f.body;
  EXPECT_EQ(Json(f).at("items").at(0).at("outcome").as_string(), "fail");

  // A stale version is refused; the volunteer with a plan document makes every rule pass.
  EXPECT_EQ(safety_.Call("PUT", Path(school_), json::serialize(Body())).status, 409);
  const std::string pdf = "%PDF-1.4\n" + std::string(64, 'x') + "\n%%EOF\n";
  auto up = safety_.Call("POST", "/api/v1/files?name=plan.pdf", pdf);
  ASSERT_EQ(up.status, 201) << up.body;
  const auto file = Json(up).at("id").as_int64();
  auto theirs = As("school2_safety").Call("POST", "/api/v1/files?name=theirs.pdf", pdf);
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  auto next = Body();
  next["version"] = 1;
  next["unit"].as_array().push_back(Person("volunteer", "赵明", "13905710009"));
  next["plans"].as_array()[0].as_object()["file_id"] = Json(theirs).at("id").as_int64();
  r = safety_.Call("PUT", Path(school_), json::serialize(next));
  EXPECT_EQ(Fields(r), "plans[0].file_id");
  next["plans"].as_array()[0].as_object()["file_id"] = file;
  r = safety_.Call("PUT", Path(school_), json::serialize(next));
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_EQ(Check(v, "emergency.unit"),
            "pass 保安员 1 人，教职工 2 人，周边商户志愿者 1 人，均有联系电话");
  EXPECT_EQ(v.at("plans").at(0).at("file_name").as_string(), "plan.pdf");
  EXPECT_EQ(Tasks(safety_), "none");
  // Saved again with the document it has: kept, not claimed twice.
  auto same = v;
  r = safety_.Call("PUT", Path(school_), json::serialize(same));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("plans").at(0).at("file_id").as_int64(), file);
  // Whoever may read the setup downloads it; another school may not.
  EXPECT_EQ(office_.Call("GET", "/api/v1/files/" + std::to_string(file)).body, pdf);
  EXPECT_EQ(As("school1_teacher").Call("GET", "/api/v1/files/" + std::to_string(file)).body, pdf);
  EXPECT_EQ(As("school2_safety").Call("GET", "/api/v1/files/" + std::to_string(file)).status, 404);

  // A plan past its review day fails emergency.plan; 29 days before it, a warning.
  clock_.Set(At("2027-02-01T01:00:00Z"));
  safety_ = As("school1_safety");  // the session of December has expired
  v = Json(safety_.Call("GET", Path(school_)));
  EXPECT_EQ(Check(v, "emergency.plan"), "warn 《学校突发事件综合应急预案》须于 2027-03-02 前修订");
  EXPECT_EQ(Tasks(safety_),
            "1/0 应急预案齐全并按期修订：《学校突发事件综合应急预案》须于 2027-03-02 前修订");
  clock_.Set(At("2027-03-03T01:00:00Z"));
  safety_ = As("school1_safety");
  v = Json(safety_.Call("GET", Path(school_)));
  EXPECT_EQ(Check(v, "emergency.plan"), "fail 《学校突发事件综合应急预案》应于 2027-03-02 前修订");
  EXPECT_TRUE(v.at("plans").at(0).at("overdue").as_bool());
}

TEST_P(EmergencyApiTest, TheBureauSeesEverySchoolAndASchoolOnlyItsOwn) {
  auto mine = Body();
  mine["unit"].as_array().push_back(Person("volunteer", "赵明", "13905710009"));
  ASSERT_EQ(safety_.Call("PUT", Path(school_), json::serialize(mine)).status, 200);
  auto theirs = Body();
  theirs["command"].as_array().erase(theirs["command"].as_array().begin() + 1);
  auto r = As("school2_safety").Call("PUT", Path(other_), json::serialize(theirs));
  ASSERT_EQ(r.status, 200) << r.body;

  r = office_.Call("GET", "/api/v1/emergency/setups");
  ASSERT_EQ(r.status, 200) << r.body;
  auto o = Json(r);
  EXPECT_EQ(o.at("counts").at("complete").as_int64(), 1);
  EXPECT_EQ(o.at("counts").at("incomplete").as_int64(), 1);
  const auto none = o.at("counts").at("none").as_int64();
  EXPECT_GE(none, 1);
  EXPECT_EQ(static_cast<std::int64_t>(o.at("items").as_array().size()), none + 2);
  r = office_.Call("GET", "/api/v1/emergency/setups?state=incomplete");
  o = Json(r);
  ASSERT_EQ(o.at("items").as_array().size(), 1U);
  const auto& row = o.at("items").at(0);
  EXPECT_EQ(row.at("unit_id").as_int64(), other_);
  EXPECT_EQ(row.at("state_label").as_string(), "未达标");
  EXPECT_EQ(row.at("command").at("reason").as_string(), "疏散引导组 0 人，少于 1 人");
  EXPECT_EQ(row.at("commander").as_string(), "王校长");
  EXPECT_EQ(row.at("guards").as_int64(), 1);
  EXPECT_EQ(row.at("staff").as_int64(), 2);
  EXPECT_EQ(row.at("volunteers").as_int64(), 0);
  EXPECT_EQ(row.at("plans").as_int64(), 1);
  r = office_.Call("GET", "/api/v1/emergency/setups?state=complete");
  ASSERT_EQ(Json(r).at("items").as_array().size(), 1U);
  EXPECT_EQ(Json(r).at("items").at(0).at("unit_id").as_int64(), school_);
  r = office_.Call("GET", "/api/v1/emergency/setups?state=none");
  EXPECT_EQ(static_cast<std::int64_t>(Json(r).at("items").as_array().size()), none);
  EXPECT_TRUE(Json(r).at("items").at(0).at("updated_at").is_null());
  EXPECT_EQ(FirstField(office_.Call("GET", "/api/v1/emergency/setups?state=old")), "state");
  auto x = office_.Call("GET", "/api/v1/emergency/setups/export");
  ASSERT_EQ(x.status, 200);
  auto book = office::ReadXlsx(x.body);
  ASSERT_TRUE(book.ok()) << book.error().message;
  EXPECT_EQ(book.value().size(), static_cast<std::size_t>(none + 3));

  // The bureau may write a school's setup; a school sees its own only; a teacher reads it.
  auto edit = Json(office_.Call("GET", Path(other_)));
  EXPECT_TRUE(edit.at("can_edit").as_bool());
  EXPECT_EQ(safety_.Call("GET", Path(other_)).status, 404);
  EXPECT_EQ(safety_.Call("PUT", Path(other_), json::serialize(theirs)).status, 404);
  r = safety_.Call("GET", "/api/v1/emergency/setups");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(Json(r).at("items").as_array().size(), 1U);
  auto teacher = As("school1_teacher");
  r = teacher.Call("GET", Path(school_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(Json(r).at("can_edit").as_bool());
  EXPECT_EQ(teacher.Call("PUT", Path(school_), json::serialize(mine)).status, 403);
  EXPECT_EQ(Tasks(teacher), "none");
}

// 应急人员 in and out of Excel: refused whole with each problem by row and column (a school not
// found, a role of the other list, a phone that does not reach, a name twice in one role), then
// written: the lists in the file replace the school's, the rest of the setup kept; exported and
// imported back unchanged; another school's officer may not import into this school.
TEST_P(EmergencyApiTest, ThePeopleComeFromASpreadsheetAllOrNothing) {
  std::string code;
  ASSERT_TRUE(services_->store
                  .Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(school_));
                    if (unit) code = unit->code.value_or("");
                    return {};
                  })
                  .ok());
  ASSERT_FALSE(code.empty());
  ASSERT_EQ(safety_.Call("PUT", Path(school_), json::serialize(Body())).status, 200);
  auto t = safety_.Call("GET", "/api/v1/emergency/people/import-template");
  ASSERT_EQ(t.status, 200);
  auto head = office::ReadXlsx(t.body);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->at(0).at(2).text, "名单");
  EXPECT_EQ(head->at(0).at(6).text, "联系电话");
  const auto file = [&](std::vector<std::vector<std::string>> rows) {
    std::vector<office::Row> out = {head->at(0)};
    for (auto& row : rows) out.push_back(office::TextRow(row));
    return office::WriteXlsx({office::Sheet{"x", out}}).value();
  };
  const auto import = [&](const WebSession& as, const std::string& bytes) {
    return as.Call("POST", "/api/v1/emergency/people/import", bytes);
  };
  const auto errors = [](const HttpReply& reply) {
    std::string out;
    const auto body = json::parse(reply.body);
    for (const auto& e : body.at("errors").as_array()) {
      out += (out.empty() ? "" : ",") + std::to_string(e.at("row").as_int64()) + ":" +
             std::string(e.at("column").as_string());
    }
    return out;
  };
  auto r = import(safety_, file({{code, "", "最小应急单元", "保安员", "张保安", "", "13905710006"},
                                 {"NOPE", "", "最小应急单元", "教职工", "周老师", "", ""},
                                 {code, "", "最小应急单元", "总指挥", "吴老师", "", ""},
                                 {code, "", "应急小组", "教职工", "吴老师", "", ""},
                                 {code, "", "最小应急单元", "教职工", "", "", ""},
                                 {code, "", "最小应急单元", "周边商户志愿者", "赵明", "", "12345"},
                                 {code, "", "最小应急单元", "保安员", "张保安", "", ""}}));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(errors(r), "3:学校代码,4:职责,5:名单,6:姓名,7:联系电话,8:姓名") << r.body;
  EXPECT_FALSE(Json(r).at("applied").as_bool());
  EXPECT_EQ(Json(safety_.Call("GET", Path(school_))).at("unit").as_array().size(), 3U);

  // Written: the unit replaced (three people by four), the command and the plans kept.
  r = import(
      safety_,
      file({{code, "", "最小应急单元", "保安员", "张保安", "门卫", "13905710006"},
            {code, "", "最小应急单元", "教职工", "周老师", "", "13905710007"},
            {code, "", "最小应急单元", "教职工", "孙老师", "", "0571-87650008"},
            {code, "", "最小应急单元", "周边商户志愿者", "赵明", "双桥便利店", "13905710009"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("created").as_int64(), 4);
  EXPECT_EQ(Json(r).at("removed").as_int64(), 3);
  auto v = Json(safety_.Call("GET", Path(school_)));
  EXPECT_EQ(v.at("version").as_int64(), 2);
  EXPECT_EQ(v.at("unit").as_array().size(), 4U);
  EXPECT_EQ(v.at("unit").at(3).at("post").as_string(), "双桥便利店");
  EXPECT_EQ(v.at("command").as_array().size(), 5U);
  EXPECT_EQ(v.at("plans").as_array().size(), 1U);
  EXPECT_EQ(Check(v, "emergency.unit"),
            "pass 保安员 1 人，教职工 2 人，周边商户志愿者 1 人，均有联系电话");

  // Exported in the template's columns, and imported back unchanged.
  auto x = safety_.Call("GET", "/api/v1/emergency/people/export");
  ASSERT_EQ(x.status, 200);
  auto book = office::ReadXlsx(x.body);
  ASSERT_TRUE(book.ok());
  ASSERT_EQ(book->size(), 10U);  // the header, five in command, four in the unit
  EXPECT_EQ(book->at(1).at(0).text, code);
  EXPECT_EQ(book->at(1).at(2).text, "应急指挥体系");
  EXPECT_EQ(book->at(1).at(3).text, "总指挥");
  EXPECT_EQ(book->at(9).at(3).text, "周边商户志愿者");
  r = import(safety_, x.body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("created").as_int64(), 9);
  v = Json(safety_.Call("GET", Path(school_)));
  EXPECT_EQ(v.at("command").at(0).at("name").as_string(), "王校长");
  EXPECT_EQ(v.at("unit").at(3).at("phone").as_string(), "13905710009");
  // Another school's officer may not import into this school; a teacher may not import at all.
  r = import(As("school2_safety"),
             file({{code, "", "最小应急单元", "保安员", "张保安", "", "13905710006"}}));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(errors(r), "2:学校代码");
  EXPECT_EQ(import(As("school1_teacher"), x.body).status, 403);
  EXPECT_EQ(FirstField(import(safety_, "")), "file");
}

INSTANTIATE_TEST_SUITE_P(Stores, EmergencyApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
