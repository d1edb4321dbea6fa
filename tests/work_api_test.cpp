// 全区“一盘棋” over real HTTP on both stores: the bureau's safety office deploys a monthly item to
// two schools and a section (each bad field named; a department refused as a target), each unit
// reads its due days on the public calendar (a Sunday's moved to the Friday) and reports them (not
// a day that is not due, not in the future, not twice; a teacher cannot), withdraws its own
// report only; the item's detail, the board and 我的待办 follow; the item is changed and deleted
// at its version; the workbooks out and in, all or nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "office/table.hpp"
#include "support/module_api_test.hpp"

namespace xiaoan {
namespace {

namespace json = boost::json;
using testing::HttpReply;
using testing::WebSession;

constexpr const char* kWork = "/api/v1/duties/work";

class WorkApiTest : public testing::ModuleApiTest {
 protected:
  void SetUp() override {
    ModuleApiTest::SetUp();
    if (!Ready()) return;
    office_ = As("safety_office");
    safety_ = As("school1_safety");
    section_ = As("section_basic");
    school1_ = UnitOf("school1_safety");
    school2_ = UnitOf("school2_safety");
    basic_ = UnitOf("section_basic");
  }

  json::object Monthly(json::array targets) {
    return json::object{
        {"kind", "routine"},
        {"title", "每月隐患排查报送"},
        {"detail", "每月25日前报送本月隐患排查情况"},
        {"measures", json::array{3, 5}},
        {"lead_section_id", basic_},
        {"targets", std::move(targets)},
        {"schedule",
         json::object{
             {"repeat", "monthly"}, {"day", 25}, {"from", "2026-09-01"}, {"until", "2027-01-31"}}}};
  }
  HttpReply Report(const WebSession& as, std::int64_t id, json::object body) {
    return as.Call("POST", std::string(kWork) + "/" + std::to_string(id) + "/reports",
                   json::serialize(body));
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
  // The outcome and reason of school 1's duty.work finding for December.
  std::string Finding() {
    auto f = office_.Call("GET", "/api/v1/rule-findings?school_id=" + std::to_string(school1_) +
                                     "&rule=duty.work&period=2026-12");
    EXPECT_EQ(f.status, 200) << f.body;
    const auto items = Json(f).at("items").as_array();
    if (items.size() != 1) return std::to_string(items.size()) + " findings";
    return std::string(items[0].at("outcome").as_string()) + " " +
           std::string(items[0].at("reason").as_string());
  }
  static std::string Totals(const json::value& t) {
    return std::to_string(t.at("due").as_int64()) + " due, " +
           std::to_string(t.at("done").as_int64()) + " done, " +
           std::to_string(t.at("done_late").as_int64()) + " late, " +
           std::to_string(t.at("overdue").as_int64()) + " overdue, " +
           std::to_string(t.at("units_overdue").as_int64()) + " units";
  }

  WebSession office_;
  WebSession safety_;
  WebSession section_;
  std::int64_t school1_ = 0;
  std::int64_t school2_ = 0;
  std::int64_t basic_ = 0;
};

TEST_P(WorkApiTest, TheBureauDeploysWorkAndEachUnitReportsItsDays) {
  auto r = office_.Call("GET", kWork);
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = Json(r);
  EXPECT_TRUE(v.at("items").as_array().empty());
  EXPECT_TRUE(v.at("can_edit").as_bool());
  EXPECT_EQ(v.at("today").as_string(), "2026-12-07");
  bool found = false;
  for (const auto& u : v.at("schools").as_array()) found |= u.at("id").as_int64() == school1_;
  EXPECT_TRUE(found);

  // Each bad field named; a department is no target.
  auto bad = Monthly(json::array{});
  bad["title"] = "";
  bad["schedule"].as_object()["day"] = 0;
  bad["schedule"].as_object().erase("from");
  EXPECT_EQ(Fields(office_.Call("POST", kWork, json::serialize(bad))),
            "title,targets,schedule.day,schedule.from");
  r = office_.Call("POST", kWork,
                   json::serialize(Monthly(json::array{school1_, UnitOf("dept1_liaison")})));
  EXPECT_EQ(Fields(r), "targets[1]");
  auto once = Monthly(json::array{school1_});
  once["schedule"] = json::object{{"repeat", "once"}, {"due", "2026-13-01"}};
  EXPECT_EQ(Fields(office_.Call("POST", kWork, json::serialize(once))), "schedule.due");
  EXPECT_EQ(section_.Call("POST", kWork, json::serialize(Monthly(json::array{school1_}))).status,
            403);
  EXPECT_TRUE(Json(office_.Call("GET", kWork)).at("items").as_array().empty());

  r = office_.Call("POST", kWork,
                   json::serialize(Monthly(json::array{school2_, basic_, school1_})));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = Json(r).at("id").as_int64();
  const auto item = std::string(kWork) + "/" + std::to_string(id);
  EXPECT_EQ(Json(r).at("lead_section_name").as_string(), "基础教育科");

  // Due on 24 September (the 25th is 中秋节), 23 October (the 25th a Sunday), 25 November,
  // 25 December and 25 January: three have come for three units, none reported.
  v = Json(office_.Call("GET", kWork));
  ASSERT_EQ(v.at("items").as_array().size(), 1u);
  const auto& row = v.at("items").at(0);
  EXPECT_EQ(row.at("due_days").as_int64(), 5);
  EXPECT_EQ(row.at("next_due").as_string(), "2026-12-25");
  EXPECT_EQ(row.at("target_units").as_array().size(), 3u);
  EXPECT_EQ(Totals(row.at("totals")), "9 due, 0 done, 0 late, 9 overdue, 3 units");

  r = safety_.Call("GET", std::string(kWork) + "/mine");
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_TRUE(v.at("can_report").as_bool());
  EXPECT_EQ(v.at("unit").at("id").as_int64(), school1_);
  ASSERT_EQ(v.at("items").as_array().size(), 1u);
  const auto& mine = v.at("items").at(0);
  EXPECT_EQ(mine.at("progress").at("next").as_string(), "2026-09-24");
  EXPECT_EQ(mine.at("progress").at("next_state").as_string(), "overdue");
  ASSERT_EQ(mine.at("days").as_array().size(), 5u);
  EXPECT_EQ(mine.at("days").at(1).at("due").as_string(), "2026-10-23");
  EXPECT_EQ(mine.at("days").at(1).at("state").as_string(), "overdue");
  EXPECT_EQ(mine.at("days").at(3).at("state").as_string(), "pending");
  EXPECT_EQ(Task(safety_, "duty.work"), "3:每月隐患排查报送");
  EXPECT_EQ(Task(office_, "duty.work.overdue"), "1:每月隐患排查报送：3 个单位逾期");

  // Reported: on time, then late (done today); not a day that is not due, not tomorrow, not twice.
  r = Report(safety_, id, {{"due", "2026-09-24"}, {"done_on", "2026-09-24"}, {"note", "已报送"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("unit_id").as_int64(), school1_);
  // The report judged the school's month again: December's day is still to come.
  EXPECT_EQ(Finding(), "due 本月到期 1 项，已完成 0 项");
  r = Report(safety_, id, {{"due", "2026-09-24"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(FirstField(r), "duty.work.reported");
  EXPECT_EQ(Fields(Report(safety_, id, {{"due", "2026-10-25"}})), "due");
  EXPECT_EQ(Fields(Report(safety_, id, {{"due", "2026-10-23"}, {"done_on", "2026-12-08"}})),
            "done_on");
  EXPECT_EQ(Fields(Report(safety_, id, {{"due", "23 October"}})), "due");
  r = Report(safety_, id, {{"due", "2026-10-23"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("done_on").as_string(), "2026-12-07");
  EXPECT_EQ(Report(As("school1_teacher"), id, {{"due", "2026-11-25"}}).status, 403);
  r = Report(section_, id, {{"due", "2026-11-25"}, {"done_on", "2026-11-20"}});
  ASSERT_EQ(r.status, 201) << r.body;
  // School 2 reports late; it cannot withdraw school 1's report.
  EXPECT_EQ(Report(As("school2_leader"), id, {{"due", "2026-11-25"}}).status, 201);
  auto school2 = As("school2_safety");
  EXPECT_EQ(school2.Call("DELETE", item + "/reports/2026-09-24").status, 404);

  // School 1 withdraws its late report: two days overdue remain.
  EXPECT_EQ(safety_.Call("DELETE", item + "/reports/2026-10-23").status, 204);
  EXPECT_EQ(safety_.Call("DELETE", item + "/reports/2026-10-23").status, 404);
  EXPECT_EQ(Task(safety_, "duty.work"), "2:每月隐患排查报送");
  // The school's 述职 counts the year's due days so far: one on time, two not done.
  r = safety_.Call("GET", "/api/v1/duties/year");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto year = Json(r);
  const auto& work = year.at("work");
  EXPECT_EQ(work.at("due").as_int64(), 3);
  EXPECT_EQ(work.at("done").as_int64(), 1);
  EXPECT_EQ(work.at("done_late").as_int64(), 0);
  EXPECT_EQ(work.at("overdue").as_int64(), 2);

  r = office_.Call("GET", item);
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_EQ(v.at("dates").as_array().size(), 5u);
  EXPECT_EQ(v.at("reports").as_array().size(), 3u);
  ASSERT_EQ(v.at("units").as_array().size(), 3u);
  for (const auto& u : v.at("units").as_array()) {
    EXPECT_EQ(u.at("progress").at("overdue").as_int64(), 2);  // two days each
    if (u.at("id").as_int64() != school1_) continue;
    EXPECT_EQ(u.at("progress").at("done").as_int64(), 1);
    EXPECT_EQ(u.at("progress").at("next").as_string(), "2026-10-23");
  }
  EXPECT_EQ(Totals(v.at("totals")), "9 due, 2 done, 1 late, 6 overdue, 3 units");

  r = office_.Call("GET", std::string(kWork) + "/board");
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  EXPECT_EQ(v.at("items").as_int64(), 1);
  EXPECT_EQ(Totals(v.at("totals")), "9 due, 2 done, 1 late, 6 overdue, 3 units");
  EXPECT_EQ(v.at("kinds").at(2).at("kind").as_string(), "routine");
  EXPECT_EQ(v.at("kinds").at(2).at("items").as_int64(), 1);
  EXPECT_EQ(v.at("kinds").at(0).at("items").as_int64(), 0);
  ASSERT_EQ(v.at("units").as_array().size(), 3u);
  for (const auto& u : v.at("units").as_array()) {
    EXPECT_EQ(u.at("totals").at("overdue").as_int64(), 2);
    EXPECT_EQ(u.at("totals").at("due").as_int64(), 3);
  }
  EXPECT_EQ(office_.Call("GET", std::string(kWork) + "/board?kind=urgent").status, 422);
  EXPECT_EQ(safety_.Call("GET", std::string(kWork) + "/board").status, 403);
  EXPECT_EQ(safety_.Call("GET", item).status, 403);

  // Changed at its version: school 2 is no longer targeted and its report goes.
  auto changed = Monthly(json::array{school1_, basic_});
  changed["version"] = 1;
  changed["kind"] = "key";
  r = office_.Call("PUT", item, json::serialize(changed));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("version").as_int64(), 2);
  EXPECT_EQ(office_.Call("PUT", item, json::serialize(changed)).status, 409);
  EXPECT_EQ(Json(office_.Call("GET", item)).at("reports").as_array().size(), 2u);
  EXPECT_TRUE(
      Json(school2.Call("GET", std::string(kWork) + "/mine")).at("items").as_array().empty());
  EXPECT_EQ(
      Json(office_.Call("GET", std::string(kWork) + "?kind=routine")).at("items").as_array().size(),
      0u);
  EXPECT_EQ(section_.Call("PUT", item, json::serialize(changed)).status, 403);

  EXPECT_EQ(office_.Call("DELETE", item + "?version=1").status, 409);
  EXPECT_EQ(office_.Call("DELETE", item + "?version=2").status, 204);
  EXPECT_EQ(office_.Call("GET", item).status, 404);
  EXPECT_EQ(Task(safety_, "duty.work"), "none");
}

TEST_P(WorkApiTest, WorkbooksOutAndIn) {
  auto t = office_.Call("GET", std::string(kWork) + "/import-template");
  ASSERT_EQ(t.status, 200) << t.body;
  auto head = office::ReadXlsx(t.body);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->at(0).at(0).text, "类别*");
  EXPECT_EQ(head->at(0).at(5).text, "下达对象*");
  EXPECT_EQ(section_.Call("GET", std::string(kWork) + "/import-template").status, 403);

  const auto file = [](std::vector<std::vector<std::string>> rows) {
    std::vector<office::Row> out = {
        office::TextRow({"类别*", "工作名称*", "说明", "对应措施*", "牵头科室*", "下达对象*",
                         "周期*", "截止日期", "日", "起始日期", "结束日期"})};
    for (auto& r : rows) out.push_back(office::TextRow(std::move(r)));
    return office::WriteXlsx({office::Sheet{"全区工作", out}}).value();
  };
  const std::string path = std::string(kWork) + "/import";
  auto r = office_.Call("POST", path,
                        file({{"共性任务", "开学安全检查", "", "3", "基础教育科", "全部学校",
                               "一次性", "2026-09-10", "", "", ""},
                              {"重点事项", "防溺水专项", "", "21", "宣传科", "全部学校", "一次性",
                               "2026-06-30", "", "", ""},
                              {"常规工作", "每周巡查", "", "3", "基础教育科", "全部学校、某某小学",
                               "每周", "", "5", "2026-09-01", "2027-01-15"},
                              {"常规工作", "季度分析", "", "3、22", "基础教育科", "全部科室",
                               "每季度", "", "31", "2026-01-01", "2026-12-31"}}));
  ASSERT_EQ(r.status, 422) << r.body;
  auto v = Json(r);
  EXPECT_FALSE(v.at("applied").as_bool());
  std::string where;
  for (const auto& e : v.at("errors").as_array()) {
    where += std::to_string(e.at("row").as_int64()) + ":" +
             std::string(e.at("column").as_string()) + ";";
  }
  EXPECT_EQ(where, "3:牵头科室;4:下达对象;5:对应措施;");
  EXPECT_TRUE(Json(office_.Call("GET", kWork)).at("items").as_array().empty());

  r = office_.Call("POST", path,
                   file({{"共性任务", "开学安全检查", "开学前完成", "3", "基础教育科", "全部学校",
                          "一次性", "2026-09-10", "", "", ""},
                         {"routine", "季度安全形势分析", "", "3、11", "基础教育科", "全部科室",
                          "每季度", "", "31", "2026-01-01", "2026-12-31"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("created").as_int64(), 2);
  v = Json(office_.Call("GET", kWork));
  ASSERT_EQ(v.at("items").as_array().size(), 2u);
  EXPECT_EQ(v.at("items").at(0).at("schedule").at("repeat").as_string(), "quarterly");
  EXPECT_EQ(v.at("items").at(0).at("due_days").as_int64(), 4);
  EXPECT_EQ(v.at("items").at(1).at("target_units").as_array().size(),
            v.at("schools").as_array().size());
  EXPECT_EQ(section_.Call("POST", path, file({})).status, 403);

  r = section_.Call("GET", std::string(kWork) + "/export");
  ASSERT_EQ(r.status, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(rows->at(0).at(0).text, "类别");
  EXPECT_EQ(rows->at(2).at(0).text, "共性任务");
  EXPECT_EQ(rows->at(2).at(5).text, "一次性，2026-09-10 截止");
  EXPECT_EQ(rows->at(1).at(5).text, "每季度末月31日（2026-01-01 至 2026-12-31）");
  EXPECT_EQ(As("school1_leader").Call("GET", std::string(kWork) + "/export").status, 403);
}

// 述职 of a section: the work 基础教育科 led, by its units (school 1 on time, the section late, the
// rest not done), and the work deployed to it; the bureau names the section, another section and a
// school cannot read it.
TEST_P(WorkApiTest, ASectionsYearCountsTheWorkItLedAndItsOwn) {
  auto r = office_.Call("POST", kWork, json::serialize(Monthly(json::array{school1_, basic_})));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = Json(r).at("id").as_int64();
  ASSERT_EQ(Report(safety_, id, {{"due", "2026-09-24"}, {"done_on", "2026-09-24"}}).status, 201);
  ASSERT_EQ(Report(section_, id, {{"due", "2026-10-23"}}).status, 201);

  const std::string path = "/api/v1/duties/year/section";
  r = section_.Call("GET", path);
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = Json(r);
  EXPECT_EQ(v.at("section_id").as_int64(), basic_);
  EXPECT_EQ(v.at("section_name").as_string(), "基础教育科");
  EXPECT_EQ(v.at("year").as_int64(), 2026);
  EXPECT_EQ(v.at("as_of").as_string(), "2026-12-07");
  EXPECT_FALSE(v.at("people").as_array().empty());
  ASSERT_EQ(v.at("led").as_array().size(), 1u);
  const auto& led = v.at("led").at(0);
  EXPECT_EQ(led.at("title").as_string(), "每月隐患排查报送");
  EXPECT_EQ(led.at("units").as_int64(), 2);
  // Three days each have come for two units: one on time, one late, four not done.
  EXPECT_EQ(Totals(json::object{{"due", led.at("figures").at("due")},
                                {"done", led.at("figures").at("done")},
                                {"done_late", led.at("figures").at("done_late")},
                                {"overdue", led.at("figures").at("overdue")},
                                {"units_overdue", 0}}),
            "6 due, 1 done, 1 late, 4 overdue, 0 units");
  EXPECT_EQ(v.at("led_total").at("overdue").as_int64(), 4);
  EXPECT_EQ(v.at("own").at("due").as_int64(), 3);
  EXPECT_EQ(v.at("own").at("done_late").as_int64(), 1);
  EXPECT_EQ(v.at("own").at("overdue").as_int64(), 2);

  EXPECT_EQ(Fields(office_.Call("GET", path)), "section_id");
  r = office_.Call("GET", path + "?section_id=" + std::to_string(basic_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("led_total").at("done").as_int64(), 1);
  EXPECT_EQ(Fields(section_.Call("GET", path + "?year=2027")), "year");
  EXPECT_EQ(
      As("section_preschool").Call("GET", path + "?section_id=" + std::to_string(basic_)).status,
      404);
  EXPECT_EQ(office_.Call("GET", path + "?section_id=" + std::to_string(school1_)).status, 404);
  EXPECT_EQ(safety_.Call("GET", path).status, 403);
  // Last year: the item's days all fall in this one.
  r = section_.Call("GET", path + "?year=2025");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Json(r).at("led").as_array().empty());
  EXPECT_EQ(Json(r).at("as_of").as_string(), "2025-12-31");

  r = section_.Call("GET", path + "/export");
  ASSERT_EQ(r.status, 200);
  auto rows = office::ReadXlsx(r.body);
  ASSERT_TRUE(rows.ok());
  ASSERT_GE(rows->size(), 6u);
  EXPECT_EQ(rows->at(1).at(1).text, "基础教育科");
  EXPECT_EQ(rows->at(4).at(0).text, "牵头全区工作");
  EXPECT_EQ(rows->at(5).at(1).text, "1/3");
}

INSTANTIATE_TEST_SUITE_P(Stores, WorkApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace xiaoan
