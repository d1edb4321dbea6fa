// Checklist templates over real HTTP on both stores: the shipped templates read by every school
// and refused for editing; a bureau copies one as its own, revises it into a new version while the
// old version stays as it was, corrects a name in place, writes one from nothing; the items go out
// to Excel and come back in (a refused row named by row and column, nothing written); a school
// sees its bureau's templates and cannot change them; errors name the field.
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

constexpr const char* kTemplates = "/api/v1/checklist-templates";

class ChecklistApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    services_ = std::make_unique<app::Services>(app::Services{*store_, clock_});
    passwords_ = testing::SeedDemoAccounts(*services_, 3);
    ASSERT_FALSE(passwords_.empty());
    http::ApiOptions o;
    o.web_root = "/nonexistent";
    server_ = std::make_unique<testing::TestServer>(*services_, o);
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    office_ = As("safety_office");
    ASSERT_FALSE(office_.cookie.empty());
    bureau_ = Json(office_.Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
    // The nine shipped templates and the demo bureau's own two (its dormitory copy at version 2).
    baseline_ = Json(office_.Call("GET", kTemplates)).at("total").as_int64();
    ASSERT_EQ(baseline_, 11);
    own_ = "u" + std::to_string(bureau_) + ".";
  }

  WebSession As(const std::string& user) { return testing::LoginAs(port_, user, passwords_[user]); }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  static std::string FirstField(const HttpReply& r) {
    const auto v = json::parse(r.body);
    const auto& details = v.at("error").at("details").as_array();
    return details.empty() ? "" : std::string(details[0].at("field").as_string());
  }
  static std::string Str(const json::value& v, const char* key) {
    return std::string(v.at(key).as_string());
  }
  // The shipped template of a code, with its items.
  json::object Shipped(WebSession& as, const std::string& code) {
    auto list = as.Call("GET", std::string(kTemplates) + "?code=" + code);
    EXPECT_EQ(list.status, 200) << list.body;
    const auto listed = Json(list);
    const auto& items = listed.at("items").as_array();
    EXPECT_EQ(items.size(), 1u) << list.body;
    if (items.empty()) return {};
    auto one = as.Call(
        "GET", std::string(kTemplates) + "/" + std::to_string(items[0].at("id").as_int64()));
    EXPECT_EQ(one.status, 200) << one.body;
    return Json(one).as_object();
  }
  std::string Path(std::int64_t id, const std::string& tail = "") {
    return std::string(kTemplates) + "/" + std::to_string(id) + tail;
  }

  SystemClock clock_;
  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<app::Services> services_;
  std::map<std::string, std::string> passwords_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  WebSession office_;
  std::int64_t bureau_ = 0;
  std::int64_t baseline_ = 0;
  std::string own_;  // the bureau's code prefix
};

TEST_P(ChecklistApiTest, ShippedTemplatesAreReadByEveryoneAndCopiedBeforeTheyAreRevised) {
  auto teacher = As("school1_teacher");
  auto list = teacher.Call("GET", kTemplates);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(Json(list).at("total").as_int64(), baseline_);  // the school sees its bureau's too
  auto dorm = Shipped(teacher, "fire.dormitory");
  ASSERT_FALSE(dorm.empty());
  EXPECT_EQ(Str(dorm, "name"), "学生宿舍消防安全检查表");
  EXPECT_TRUE(dorm.at("shipped").as_bool());
  EXPECT_EQ(Str(dorm, "owner_name"), "系统内置");
  EXPECT_FALSE(dorm.at("can_edit").as_bool());
  EXPECT_TRUE(dorm.at("latest").as_bool());
  EXPECT_TRUE(dorm.at("applies").at("boarding").as_bool());
  const auto& first = dorm.at("items").as_array()[0];
  EXPECT_EQ(Str(first, "domain_label"), "消防安全");
  EXPECT_FALSE(Str(first, "answer_label").empty());
  const auto id = dorm.at("id").as_int64();

  // The bureau may not change a shipped template, even unchanged; it copies it.
  auto office_view = Json(office_.Call("GET", Path(id)));
  EXPECT_FALSE(office_view.at("can_edit").as_bool());
  auto refused = office_.Call("PUT", Path(id), json::serialize(office_view));
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("checklist.shipped"), std::string::npos) << refused.body;
  // A teacher may neither copy nor write.
  EXPECT_EQ(teacher.Call("POST", Path(id, "/copy"), "").status, 403);
  EXPECT_EQ(teacher.Call("POST", kTemplates, R"({"name":"x","items":[]})").status, 403);

  auto copy = office_.Call("POST", Path(id, "/copy"), "");
  ASSERT_EQ(copy.status, 201) << copy.body;
  const auto c = Json(copy);
  EXPECT_EQ(Str(c, "code"), own_ + "fire.dormitory_2");  // the demo bureau has one copy
  EXPECT_EQ(c.at("version").as_int64(), 1);
  EXPECT_FALSE(c.at("shipped").as_bool());
  EXPECT_TRUE(c.at("can_edit").as_bool());
  EXPECT_EQ(c.at("owner_unit_id").as_int64(), bureau_);
  EXPECT_NE(Str(c, "name").find("学生宿舍消防安全检查表（"), std::string::npos);
  EXPECT_EQ(c.at("items").as_array().size(), dorm.at("items").as_array().size());
  // A second copy, named, gets the next free code; copying one's own copy does not stack prefixes.
  auto again = office_.Call("POST", Path(id, "/copy"), R"({"name":"宿舍夜查表"})");
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(Str(Json(again), "code"), own_ + "fire.dormitory_3");
  EXPECT_EQ(Str(Json(again), "name"), "宿舍夜查表");
  auto of_copy = office_.Call("POST", Path(c.at("id").as_int64(), "/copy"), "");
  ASSERT_EQ(of_copy.status, 201) << of_copy.body;
  EXPECT_EQ(Str(Json(of_copy), "code"), own_ + "fire.dormitory_4");
  auto bad = office_.Call("POST", Path(id, "/copy"), R"({"title":"x"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FirstField(bad), "title");
  EXPECT_EQ(office_.Call("POST", Path(999999, "/copy"), "").status, 404);

  // The school sees the bureau's copies beside the shipped ones, and may not revise them.
  auto safety = As("school1_safety");
  EXPECT_EQ(Json(safety.Call("GET", kTemplates)).at("total").as_int64(), baseline_ + 3);
  auto seen = safety.Call("GET", Path(c.at("id").as_int64()));
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_FALSE(Json(seen).at("can_edit").as_bool());
  EXPECT_EQ(safety.Call("PUT", Path(c.at("id").as_int64()), seen.body).status, 403);
}

TEST_P(ChecklistApiTest, ARevisionIsANewVersionAndTheOldOneStaysAsItWas) {
  auto dorm = Shipped(office_, "fire.dormitory");
  auto copy = office_.Call("POST", Path(dorm.at("id").as_int64(), "/copy"), "");
  ASSERT_EQ(copy.status, 201) << copy.body;
  auto v1 = Json(copy).as_object();
  const auto v1_id = v1.at("id").as_int64();
  const std::string old_text = Str(v1.at("items").as_array()[0], "text");

  // Name only: corrected in place, still version 1.
  auto renamed = v1;
  renamed["name"] = "宿舍消防检查表（区定）";
  auto r = office_.Call("PUT", Path(v1_id), json::serialize(renamed));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("id").as_int64(), v1_id);
  EXPECT_EQ(Json(r).at("version").as_int64(), 1);
  EXPECT_EQ(Str(Json(r), "name"), "宿舍消防检查表（区定）");
  // Sent back unchanged: nothing written, same answer.
  auto same = office_.Call("PUT", Path(v1_id), r.body);
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(Json(same).at("version").as_int64(), 1);

  // An item's text: version 2, a new record; version 1 keeps its text and is no longer editable.
  auto edited = Json(r).as_object();
  edited.at("items").as_array()[0].as_object()["text"] = "宿舍楼每层疏散通道畅通，夜间不锁闭";
  auto v2 = office_.Call("PUT", Path(v1_id), json::serialize(edited));
  ASSERT_EQ(v2.status, 200) << v2.body;
  const auto v2_id = Json(v2).at("id").as_int64();
  EXPECT_NE(v2_id, v1_id);
  EXPECT_EQ(Json(v2).at("version").as_int64(), 2);
  EXPECT_TRUE(Json(v2).at("can_edit").as_bool());
  auto old = Json(office_.Call("GET", Path(v1_id)));
  EXPECT_EQ(Str(old.at("items").as_array()[0], "text"), old_text);
  EXPECT_FALSE(old.at("latest").as_bool());
  EXPECT_FALSE(old.at("can_edit").as_bool());
  auto stale = office_.Call("PUT", Path(v1_id), json::serialize(edited));
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("checklist.not_latest"), std::string::npos) << stale.body;

  // Applicability alone also makes a version.
  auto wider = Json(v2).as_object();
  wider["applies"] = json::object{{"stages", json::array{"junior", "senior"}},
                                  {"location_types", json::array{}},
                                  {"boarding", nullptr}};
  auto v3 = office_.Call("PUT", Path(v2_id), json::serialize(wider));
  ASSERT_EQ(v3.status, 200) << v3.body;
  EXPECT_EQ(Json(v3).at("version").as_int64(), 3);
  EXPECT_TRUE(Json(v3).at("applies").at("boarding").is_null());

  // The versions of the code, oldest first; the list shows only the newest.
  const std::string code = Str(v1, "code");
  auto versions =
      Json(office_.Call("GET", std::string(kTemplates) + "?code=" + code + "&all_versions=true"));
  ASSERT_EQ(versions.at("total").as_int64(), 3);
  EXPECT_EQ(versions.at("items").as_array()[0].at("version").as_int64(), 1);
  EXPECT_EQ(versions.at("items").as_array()[2].at("version").as_int64(), 3);
  EXPECT_FALSE(versions.at("items").as_array()[0].at("latest").as_bool());
  EXPECT_TRUE(versions.at("items").as_array()[2].at("latest").as_bool());
  auto newest = Json(office_.Call("GET", std::string(kTemplates) + "?code=" + code));
  ASSERT_EQ(newest.at("total").as_int64(), 1);
  EXPECT_EQ(newest.at("items").as_array()[0].at("version").as_int64(), 3);
  EXPECT_FALSE(newest.at("items").as_array()[0].as_object().contains("items"));
  EXPECT_GT(newest.at("items").as_array()[0].at("item_count").as_int64(), 0);

  // The audit log holds the copy, the correction and both versions.
  auto auditor = As("auditor");
  for (const char* action : {"checklist.copy", "checklist.edit", "checklist.version"}) {
    auto log = auditor.Call("GET", std::string("/api/v1/audit-logs?action=") + action);
    ASSERT_EQ(log.status, 200) << log.body;
    EXPECT_EQ(Json(log).at("total").as_int64(), std::string(action) == "checklist.version" ? 2 : 1)
        << action;
  }
}

TEST_P(ChecklistApiTest, WritingATemplateNamesEachWrongField) {
  json::object item{{"key", "A01"},
                    {"text", "灭火器在有效期内"},
                    {"domain", "fire"},
                    {"place_kind", nullptr},
                    {"answer", "pass_fail"},
                    {"photo_required", true},
                    {"failure_level", "general"},
                    {"basis", "GB 50140"}};
  json::object body{{"name", "消防器材检查表"}, {"items", json::array{item}}};
  auto created = office_.Call("POST", kTemplates, json::serialize(body));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Str(Json(created), "code"), own_ + "1");
  EXPECT_EQ(Json(created).at("version").as_int64(), 1);
  auto second = office_.Call("POST", kTemplates, json::serialize(body));
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(Str(Json(second), "code"), own_ + "2");

  auto with_code = body;
  with_code["code"] = "fire.dormitory";  // a shipped code
  auto taken = office_.Call("POST", kTemplates, json::serialize(with_code));
  EXPECT_EQ(taken.status, 409) << taken.body;
  with_code["code"] = "Bad Code";
  auto bad_code = office_.Call("POST", kTemplates, json::serialize(with_code));
  EXPECT_EQ(bad_code.status, 422);
  EXPECT_EQ(FirstField(bad_code), "code");

  const auto wrong = [&](json::object change, const std::string& field) {
    auto b = body;
    auto it = b.at("items").as_array()[0].as_object();
    for (const auto& [k, v] : change) it[k] = v;
    b["items"] = json::array{item, it};
    b.at("items").as_array()[1].as_object()["key"] =
        change.contains("key") ? change.at("key") : json::value("A02");
    auto r = office_.Call("POST", kTemplates, json::serialize(b));
    EXPECT_EQ(r.status, 422) << field << ": " << r.body;
    EXPECT_EQ(FirstField(r), field) << r.body;
  };
  wrong({{"text", ""}}, "items[1].text");
  wrong({{"domain", "space"}}, "items[1].domain");
  wrong({{"place_kind", "roof"}}, "items[1].place_kind");
  wrong({{"answer", "number"}, {"min", 1.4}}, "items[1].unit");
  wrong({{"answer", "number"}, {"min", 2}, {"max", 1}, {"unit", "米"}}, "items[1].max");
  wrong({{"min", "一点四"}}, "items[1].min");
  wrong({{"key", "A01"}}, "items[1].key");
  wrong({{"colour", "red"}}, "items[1].colour");
  auto no_items = office_.Call("POST", kTemplates, R"({"name":"空表","items":[]})");
  EXPECT_EQ(no_items.status, 422);
  EXPECT_EQ(FirstField(no_items), "items");
  auto bad_stage = office_.Call(
      "POST", kTemplates,
      json::serialize(json::object{{"name", "x"},
                                   {"applies", json::object{{"stages", json::array{"college"}}}},
                                   {"items", json::array{item}}}));
  EXPECT_EQ(bad_stage.status, 422);
  EXPECT_EQ(FirstField(bad_stage), "applies.stages");
  // Nothing of the refused ones was stored.
  EXPECT_EQ(Json(office_.Call("GET", kTemplates)).at("total").as_int64(), baseline_ + 2);
}

TEST_P(ChecklistApiTest, ItemsGoToExcelAndComeBackAsATemplateOrAVersion) {
  auto canteen = Shipped(office_, "fire.canteen");
  ASSERT_FALSE(canteen.empty());
  auto xlsx = office_.Call("GET", Path(canteen.at("id").as_int64(), "/export"));
  ASSERT_EQ(xlsx.status, 200);
  auto rows = office::ReadXlsx(xlsx.body);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), canteen.at("items").as_array().size() + 1);
  EXPECT_EQ((*rows)[0][1].text, "检查内容");
  EXPECT_EQ((*rows)[1][1].text, Str(canteen.at("items").as_array()[0], "text"));
  auto tmpl = office_.Call("GET", std::string(kTemplates) + "/import-template");
  ASSERT_EQ(tmpl.status, 200);
  EXPECT_TRUE(office::ReadXlsx(tmpl.body).ok());

  const std::string header =
      "编号,检查内容,隐患类别,检查部位,回答方式,下限,上限,单位,须拍照,不合格时隐患等级,依据\n";
  const std::string good =
      "B01,燃气报警器完好,燃气安全,食堂,合格/不合格/不适用,,,,是,重大隐患,GB 50028\n"
      "B02,排烟罩油垢厚度,消防安全,食堂,数值,,2,毫米,否,一般隐患,\n";
  const auto import = [&](const std::string& query, const std::string& csv) {
    return office_.Call("POST", std::string(kTemplates) + "/import?format=csv&" + query, csv,
                        {{"Content-Type", "application/octet-stream"}});
  };
  // A wrong category and a number with no unit: both named by row and column; nothing written.
  auto refused =
      import("name=%E9%A3%9F%E5%A0%82", header + good + "B03,油烟管道清洗,厨房安全,食堂,,,,,,,\n" +
                                            "B04,储气间温度,燃气安全,食堂,数值,,30,,否,,\n");
  ASSERT_EQ(refused.status, 422) << refused.body;
  const auto refusal = Json(refused);
  const auto& errors = refusal.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u) << refused.body;  // the unit is checked once the rows read
  EXPECT_EQ(errors[0].at("row").as_int64(), 4);
  EXPECT_EQ(Str(errors[0], "column"), "隐患类别");
  auto unitless = import("name=%E9%A3%9F%E5%A0%82",
                         header + good + "B04,储气间温度,燃气安全,食堂,数值,,30,,否,,\n");
  ASSERT_EQ(unitless.status, 422) << unitless.body;
  EXPECT_EQ(Json(unitless).at("errors").as_array()[0].at("row").as_int64(), 4);
  EXPECT_EQ(Str(Json(unitless).at("errors").as_array()[0], "column"), "单位");
  EXPECT_EQ(Json(office_.Call("GET", kTemplates)).at("total").as_int64(), baseline_);
  EXPECT_EQ(import("", header + good).status, 422);  // neither a name nor a template

  auto made = import("name=%E9%A3%9F%E5%A0%82%E7%87%83%E6%B0%94", header + good);
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_TRUE(Json(made).at("applied").as_bool());
  EXPECT_EQ(Json(made).at("created").as_int64(), 2);
  const auto made_id = Json(made).at("template").at("id").as_int64();
  auto stored = Json(office_.Call("GET", Path(made_id)));
  EXPECT_EQ(Str(stored, "name"), "食堂燃气");
  const auto& items = stored.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Str(items[0], "place_kind"), "canteen");
  EXPECT_EQ(Str(items[0], "failure_level"), "major");
  EXPECT_TRUE(items[0].at("photo_required").as_bool());
  EXPECT_EQ(Str(items[1], "answer"), "number");
  EXPECT_TRUE(items[1].at("min").is_null());
  EXPECT_DOUBLE_EQ(items[1].at("max").as_double(), 2.0);

  // Its own template again, one row more: version 2. A shipped one cannot be revised this way.
  auto v2 = import("template_id=" + std::to_string(made_id),
                   header + good + "B03,液化气钢瓶不超过两瓶,燃气安全,食堂,,,,,,,\n");
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_EQ(Json(v2).at("template").at("version").as_int64(), 2);
  EXPECT_EQ(Json(v2).at("template").at("item_count").as_int64(), 3);
  auto shipped =
      import("template_id=" + std::to_string(canteen.at("id").as_int64()), header + good);
  EXPECT_EQ(shipped.status, 409) << shipped.body;
  auto wrong_header = import("name=x", "编号,内容\nA,B\n");
  EXPECT_EQ(wrong_header.status, 422);
  EXPECT_EQ(FirstField(wrong_header), "file");
}

INSTANTIATE_TEST_SUITE_P(Stores, ChecklistApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
