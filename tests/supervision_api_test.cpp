// 监管事项 over real HTTP on both stores: the bureau's safety office adds an item for a section
// (each bad field named; a person of another section refused), changes it at its version (a stale
// one refused) and deletes it; the coverage of the plan's measures follows; the section head reads
// their own items and the page but cannot change them; a school is refused; 我的待办 names the
// measures no section covers; the workbooks out and in, all or nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "office/table.hpp"
#include "support/module_api_test.hpp"

namespace xiaoan {
namespace {

namespace json = boost::json;
using testing::HttpReply;
using testing::WebSession;

constexpr const char* kItems = "/api/v1/duties/supervision";

class SupervisionApiTest : public testing::ModuleApiTest {
 protected:
  void SetUp() override {
    ModuleApiTest::SetUp();
    if (!Ready()) return;
    office_ = As("safety_office");
    head_ = As("section_basic");
    basic_ = UnitOf("section_basic");
    head_id_ = UserIdOf("section_basic");
    preschool_ = UnitOf("section_preschool");
  }

  json::object Body(std::int64_t section, std::int64_t person, json::array measures) {
    return json::object{{"section_id", section},    {"kind", "stage"},
                        {"stage", "primary"},       {"title", "督促小学落实1530安全提醒"},
                        {"detail", "每月抽查两所"}, {"measures", std::move(measures)},
                        {"post", "科长"},           {"person_user_id", person}};
  }
  // "covered/21 uncovered[0]" of the coverage.
  std::string Coverage(const WebSession& as) {
    const auto v = Json(as.Call("GET", "/api/v1/duties/supervision/coverage"));
    const auto& un = v.at("uncovered").as_array();
    return std::to_string(v.at("covered").as_int64()) + "/" +
           std::to_string(v.at("total").as_int64()) + " " +
           (un.empty() ? std::string("-") : std::to_string(un[0].as_int64()));
  }

  WebSession office_;
  WebSession head_;
  std::int64_t basic_ = 0;
  std::int64_t head_id_ = 0;
  std::int64_t preschool_ = 0;
};

TEST_P(SupervisionApiTest, TheOfficeKeepsTheItemsAndTheCoverageFollows) {
  auto r = office_.Call("GET", kItems);
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = Json(r);
  EXPECT_TRUE(v.at("items").as_array().empty());
  EXPECT_TRUE(v.at("can_edit").as_bool());
  ASSERT_EQ(v.at("sections").as_array().size(), 5u);
  bool head_listed = false;
  for (const auto& sec : v.at("sections").as_array()) {
    if (sec.at("id").as_int64() != basic_) continue;
    for (const auto& p : sec.at("people").as_array()) {
      head_listed = head_listed || p.at("user_id").as_int64() == head_id_;
    }
  }
  EXPECT_TRUE(head_listed);
  EXPECT_EQ(Coverage(office_), "0/21 1");

  // Each bad field named; the person must be of the section.
  r = office_.Call("POST", kItems,
                   json::serialize(json::object{{"section_id", basic_},
                                                {"kind", "stage"},
                                                {"title", ""},
                                                {"measures", json::array{0, 5, 5}},
                                                {"post", "科长"},
                                                {"person_user_id", head_id_}}));
  EXPECT_EQ(Fields(r), "stage,title,measures[0],measures[2]");
  r = office_.Call("POST", kItems, json::serialize(Body(preschool_, head_id_, {20})));
  EXPECT_EQ(Fields(r), "person_user_id");
  r = office_.Call("POST", kItems, json::serialize(Body(UnitOf("school1_leader"), head_id_, {20})));
  EXPECT_EQ(Fields(r), "section_id");
  r = office_.Call("POST", kItems, json::serialize(Body(basic_, UserIdOf("school1_leader"), {20})));
  EXPECT_EQ(Fields(r), "person_user_id");
  EXPECT_TRUE(Json(office_.Call("GET", kItems)).at("items").as_array().empty());

  r = office_.Call("POST", kItems, json::serialize(Body(basic_, head_id_, {21, 20})));
  ASSERT_EQ(r.status, 201) << r.body;
  v = Json(r);
  const auto id = v.at("id").as_int64();
  EXPECT_EQ(v.at("section_name").as_string(), "基础教育科");
  EXPECT_EQ(v.at("person_name").as_string(), "基础教育科 郑科长");
  EXPECT_EQ(v.at("stage_label").as_string(), "小学");
  EXPECT_EQ(v.at("measures"), (json::array{20, 21}));
  EXPECT_EQ(v.at("version").as_int64(), 1);
  EXPECT_EQ(Coverage(office_), "2/21 1");

  // Changed at its version; the old version refused.
  const auto item = "/api/v1/duties/supervision/" + std::to_string(id);
  auto change = Body(basic_, head_id_, {1, 20, 21});
  change["version"] = 1;
  r = office_.Call("PUT", item, json::serialize(change));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("version").as_int64(), 2);
  r = office_.Call("PUT", item, json::serialize(change));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(FirstField(r), "duty.stale");
  EXPECT_EQ(Coverage(office_), "3/21 2");
  r = office_.Call("PUT", "/api/v1/duties/supervision/999999", json::serialize(change));
  EXPECT_EQ(r.status, 404);

  // The section head reads it, as their own item too, and cannot change it.
  r = head_.Call("GET", kItems);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(Json(r).at("can_edit").as_bool());
  EXPECT_EQ(Json(r).at("items").as_array().size(), 1u);
  r = head_.Call("GET", "/api/v1/duties/supervision/mine");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("items").as_array().size(), 1u);
  EXPECT_TRUE(Json(As("section_preschool").Call("GET", "/api/v1/duties/supervision/mine"))
                  .at("items")
                  .as_array()
                  .empty());
  EXPECT_EQ(head_.Call("PUT", item, json::serialize(change)).status, 403);
  EXPECT_EQ(Coverage(head_), "3/21 2");
  r = office_.Call("GET", kItems + std::string("?section_id=") + std::to_string(preschool_));
  EXPECT_TRUE(Json(r).at("items").as_array().empty());

  // A school sees none of it; its own items are none.
  EXPECT_EQ(As("school1_leader").Call("GET", kItems).status, 403);
  EXPECT_EQ(As("school1_leader").Call("GET", "/api/v1/duties/supervision/coverage").status, 403);
  EXPECT_EQ(As("school1_teacher").Call("GET", kItems).status, 403);

  // 我的待办 of the office names the measures no section covers, first measure 2.
  r = office_.Call("GET", "/api/v1/me/tasks");
  ASSERT_EQ(r.status, 200);
  bool named = false;
  const auto tasks = Json(r);
  for (const auto& g : tasks.at("groups").as_array()) {
    if (g.at("kind").as_string() != "duty.coverage") continue;
    EXPECT_EQ(g.at("count").as_int64(), 18);
    EXPECT_EQ(g.at("items").at(0).at("subject_id").as_int64(), 2);
    named = true;
  }
  EXPECT_TRUE(named);
  bool head_has = false;
  const auto head_tasks = Json(head_.Call("GET", "/api/v1/me/tasks"));
  for (const auto& g : head_tasks.at("groups").as_array()) {
    head_has = head_has || g.at("kind").as_string() == "duty.coverage";
  }
  EXPECT_FALSE(head_has);

  // Deleted at its version only.
  EXPECT_EQ(office_.Call("DELETE", item + "?version=1").status, 409);
  EXPECT_EQ(office_.Call("DELETE", item).status, 422);
  EXPECT_EQ(head_.Call("DELETE", item + "?version=2").status, 403);
  EXPECT_EQ(office_.Call("DELETE", item + "?version=2").status, 204);
  EXPECT_EQ(Coverage(office_), "0/21 1");
  EXPECT_EQ(office_.Call("DELETE", item + "?version=3").status, 404);
}

// The items and the coverage as workbooks; items from a workbook all or nothing, each problem by
// row and column.
TEST_P(SupervisionApiTest, WorkbooksOutAndIn) {
  auto t = office_.Call("GET", "/api/v1/duties/supervision/import-template");
  ASSERT_EQ(t.status, 200) << t.body;
  auto head = office::ReadXlsx(t.body);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->at(0).at(0).text, "科室*");
  EXPECT_EQ(head->at(0).at(5).text, "对应措施*");
  EXPECT_EQ(head_.Call("GET", "/api/v1/duties/supervision/import-template").status, 403);

  const auto file = [](std::vector<std::vector<std::string>> rows) {
    std::vector<office::Row> out = {office::TextRow(
        {"科室*", "类别*", "学段", "监管事项*", "说明", "对应措施*", "岗位*", "责任人用户名*"})};
    for (auto& r : rows) out.push_back(office::TextRow(std::move(r)));
    return office::WriteXlsx({office::Sheet{"监管事项", out}}).value();
  };
  const std::string path = "/api/v1/duties/supervision/import";
  auto r = office_.Call(
      "POST", path,
      file({{"基础教育科", "管学段", "小学", "督促小学落实1530", "", "20、21", "科长",
             "section_basic"},
            {"宣传科", "管业务", "", "宣传", "", "21", "科长", "section_basic"},
            {"学前教育科", "管学段", "", "幼儿园安全", "", "1、22", "科长", "section_preschool"},
            {"学前教育科", "管业务", "", "幼儿园演练", "", "13", "科长", "section_basic"}}));
  ASSERT_EQ(r.status, 422) << r.body;
  auto v = Json(r);
  EXPECT_FALSE(v.at("applied").as_bool());
  std::string where;
  for (const auto& e : v.at("errors").as_array()) {
    where += std::to_string(e.at("row").as_int64()) + ":" +
             std::string(e.at("column").as_string()) + ";";
  }
  EXPECT_EQ(where, "3:科室;4:学段;4:对应措施;5:责任人用户名;");
  EXPECT_TRUE(Json(office_.Call("GET", kItems)).at("items").as_array().empty());

  r = office_.Call("POST", path,
                   file({{"基础教育科", "管学段", "小学", "督促小学落实1530", "每月", "20、21",
                          "科长", "section_basic"},
                         {"学前教育科", "stage", "学前教育", "幼儿园安全", "", "第1项，第4项",
                          "科长", "section_preschool"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("created").as_int64(), 2);
  EXPECT_EQ(Coverage(office_), "4/21 2");
  EXPECT_EQ(head_.Call("POST", path, file({})).status, 403);

  r = office_.Call("GET", "/api/v1/duties/supervision/export");
  ASSERT_EQ(r.status, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(rows->at(0).at(0).text, "科室");
  EXPECT_EQ(rows->at(1).at(1).text, "管学段（小学）");
  EXPECT_EQ(rows->at(1).at(4).text, "20、21");
  r = head_.Call("GET", "/api/v1/duties/supervision/coverage/export");
  ASSERT_EQ(r.status, 200);
  rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 22u);
  EXPECT_EQ(rows->at(1).at(2).text, "学前教育科");
  EXPECT_EQ(rows->at(3).at(5).text, "无科室监管");
  EXPECT_EQ(rows->at(20).at(5).text, "已覆盖");
  EXPECT_EQ(As("school1_leader").Call("GET", "/api/v1/duties/supervision/export").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Stores, SupervisionApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
