// API tests over real HTTP on loopback against a server started in the test, on both stores.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "app/accounts/accounts.hpp"
#include "app/audit/audit_log.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/platform/platform.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/embedded_file.hpp"
#include "core/field_cipher.hpp"
#include "core/password.hpp"
#include "domain/auth/totp.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "office/table.hpp"
#include "support/test_server.hpp"
#include "support/test_store.hpp"

namespace xiaoan::http::embedded {
std::span<const EmbeddedFile> OpenApiDocument();
}

namespace xiaoan {
namespace {

namespace json = boost::json;
using testing::HttpClient;
using testing::HttpReply;

class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void TearDown() override {
    // No write transaction of the test hashed or verified a password.
    if (watch_) {
      EXPECT_EQ(watch_->writes_with_password_work(), 0);
    }
  }
  void SetUp() override {
    db_ = std::make_unique<testing::FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    watch_ = std::make_unique<testing::PasswordWatchStore>(*store_);
    services_ = std::make_unique<app::Services>(app::Services{*watch_, clock_});
    passwords_ = testing::SeedDemoAccounts(*services_, 3);
    watch_->Reset();  // the demo seed hashes its accounts' passwords in one transaction
    ASSERT_FALSE(passwords_.empty());
    http::ApiOptions o;
    o.web_root = web_.path();
    o.max_body_bytes = 64 * 1024;
    o.max_upload_bytes = 4 * 1024 * 1024;
    server_ = std::make_unique<testing::TestServer>(*services_, o);
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    admin_ = testing::LoginAs(port_, "sysadmin", passwords_["sysadmin"]);
    ASSERT_FALSE(admin_.cookie.empty());
  }
  HttpReply Call(const std::string& method, const std::string& target, const std::string& body = {},
                 const std::map<std::string, std::string>& headers = {}) {
    return admin_.Call(method, target, body, headers);
  }
  testing::WebSession As(const std::string& username) {
    return testing::LoginAs(port_, username, passwords_[username]);
  }
  static json::value Json(const HttpReply& r) { return json::parse(r.body); }
  static std::string ErrorCode(const HttpReply& r) {
    return std::string(Json(r).at("error").at("code").as_string());
  }
  static std::string FirstField(const HttpReply& r) {
    return std::string(Json(r).at("error").at("details").at(0).at("field").as_string());
  }
  std::int64_t BureauId() {
    auto r = Call("GET", "/api/v1/units?kind=bureau");
    return Json(r).at("items").at(0).at("id").as_int64();
  }

  std::unique_ptr<testing::FreshDatabase> db_;
  testing::TempDir web_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<testing::PasswordWatchStore> watch_;
  SystemClock clock_;
  std::unique_ptr<app::Services> services_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
  std::map<std::string, std::string> passwords_;
  testing::WebSession admin_;
};

TEST_P(ApiTest, HealthHasRequestIdAndSecurityHeaders) {
  auto r = Call("GET", "/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(Json(r).at("status").as_string(), "ok");
  EXPECT_EQ(r.headers["x-request-id"].size(), 16u);
  EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
  EXPECT_EQ(r.headers["x-frame-options"], "DENY");
  EXPECT_NE(r.headers["content-security-policy"].find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.headers["referrer-policy"], "no-referrer");
  EXPECT_EQ(r.headers["cache-control"], "no-store");
  EXPECT_NE(Call("GET", "/api/v1/health").headers["x-request-id"], r.headers["x-request-id"]);
}

TEST_P(ApiTest, ErrorCasesHaveTheDocumentedStatusAndShape) {
  auto unknown = Call("GET", "/api/v1/nothing-here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(ErrorCode(unknown), "not_found");
  EXPECT_EQ(Json(unknown).at("error").at("request_id").as_string(),
            unknown.headers["x-request-id"]);

  auto bad_json = Call("POST", "/api/v1/regions", "{\"code\": ");
  EXPECT_EQ(bad_json.status, 400);
  EXPECT_EQ(ErrorCode(bad_json), "bad_request");

  auto unknown_field = Call("POST", "/api/v1/regions",
                            R"({"code":"990103","name":"新区","parent_code":"990100","colour":1})");
  EXPECT_EQ(unknown_field.status, 422);
  EXPECT_EQ(ErrorCode(unknown_field), "invalid_argument");
  EXPECT_EQ(FirstField(unknown_field), "colour");

  auto invalid = Call("POST", "/api/v1/regions", R"({"code":"12ab","name":"x"})");
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(FirstField(invalid), "code");

  // A key given twice is refused naming it (a parser keeps only one of them), also nested.
  auto twice = Call("POST", "/api/v1/regions",
                    R"({"code":"990103","name":"新区","name":"旧区","parent_code":"990100"})");
  EXPECT_EQ(twice.status, 422) << twice.body;
  EXPECT_EQ(FirstField(twice), "name");
  // Lists in a fixed order refuse another one, saying which order they keep.
  const auto auditor = As("auditor");
  for (const auto& sorted : {Call("GET", "/api/v1/notifications?sort=created_at"),
                             auditor.Call("GET", "/api/v1/audit-logs?sort=at")}) {
    EXPECT_EQ(sorted.status, 422) << sorted.body;
    EXPECT_EQ(FirstField(sorted), "sort");
    EXPECT_NE(std::string(Json(sorted).at("error").at("message").as_string()).find("倒序"),
              std::string::npos)
        << sorted.body;
  }
  auto nested = Call("POST", "/api/v1/regions", R"({"code":"990103","x":{"a":1,"a":2}})");
  EXPECT_EQ(nested.status, 422);
  EXPECT_EQ(FirstField(nested), "a");
  // The same key in two different objects is no duplicate.
  auto apart = Call("POST", "/api/v1/regions", R"({"code":"12ab","name":"x","o":{"name":1}})");
  EXPECT_EQ(apart.status, 422);
  EXPECT_NE(FirstField(apart), "name");

  auto wrong_type = Call("POST", "/api/v1/regions", R"({"code":990103,"name":"x"})");
  EXPECT_EQ(wrong_type.status, 422);
  EXPECT_EQ(FirstField(wrong_type), "code");

  auto too_large = Call("POST", "/api/v1/regions", std::string(100 * 1024, ' '));
  EXPECT_EQ(too_large.status, 413);
  EXPECT_EQ(ErrorCode(too_large), "payload_too_large");

  auto wrong_method = Call("PATCH", "/api/v1/schools");
  EXPECT_EQ(wrong_method.status, 405);

  auto missing = Call("GET", "/api/v1/schools/999999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/schools/abc").status, 404);

  auto conflict =
      Call("POST", "/api/v1/regions", R"({"code":"990102","name":"重复","parent_code":"990100"})");
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(ErrorCode(conflict), "already_exists");

  auto bad_query = Call("GET", "/api/v1/schools?page_size=abc");
  EXPECT_EQ(bad_query.status, 422);
  EXPECT_EQ(FirstField(bad_query), "page_size");
  EXPECT_EQ(FirstField(Call("GET", "/api/v1/schools?frobnicate=1")), "frobnicate");
  EXPECT_EQ(FirstField(Call("GET", "/api/v1/schools?page_size=100000")), "page_size");
}

// The GM profile over HTTP: phones sealed in the database, masked in lists and exports, whole on
// the record's own page, found by an exact lookup; a masked phone sent back keeps the stored one.
TEST_P(ApiTest, PersonalFieldsAreMaskedInListsAndSealedUnderTheGmProfile) {
  auto cipher = FieldCipher::FromKeyText("1 " + std::string(64, '7'), "test", true);
  ASSERT_TRUE(cipher.ok());
  store_->SetFieldCipher(*cipher);
  services_->mask_personal_fields = true;
  app::RequestContext system;
  system.actor = "system";
  auto sealed = app::ProtectPersonalFields(*services_, system);  // the demo's phones, as at start
  ASSERT_TRUE(sealed.ok()) << sealed.error().message;
  EXPECT_GT(sealed->sealed, 10);
  watch_->Reset();

  const auto bureau = BureauId();
  json::object body{{"code", "GM0001"},         {"name", "国密测试小学"}, {"region_code", "990102"},
                    {"parent_id", bureau},      {"stage", "primary"},     {"ownership", "public"},
                    {"location_type", "urban"}, {"students", 400},        {"staff", 30},
                    {"phone", "138 1234 5678"}};
  auto created = Call("POST", "/api/v1/schools", json::serialize(body));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = Json(created).at("id").as_int64();
  const std::string path = "/api/v1/schools/" + std::to_string(id);
  EXPECT_EQ(Json(Call("GET", path)).at("phone").as_string(), "138 1234 5678");
  {
    auto c = store_->pool().Acquire();
    auto raw = (*c)->Query("SELECT phone FROM org_units WHERE id = $1", {id});
    EXPECT_EQ(raw->Text(0, 0).rfind("sm4:1:", 0), 0u);
    auto plain =
        (*c)->Query("SELECT COUNT(*) FROM org_units WHERE phone <> '' AND phone NOT LIKE 'sm4:%'");
    EXPECT_EQ(plain->Int(0, 0), 0);
  }
  auto found = Call("GET", "/api/v1/schools?phone=13812345678");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(Json(found).at("total").as_int64(), 1);
  EXPECT_EQ(Json(found).at("items").at(0).at("id").as_int64(), id);
  EXPECT_EQ(Json(found).at("items").at(0).at("phone").as_string(), "138 **** 5678");
  auto all = Json(Call("GET", "/api/v1/schools?page_size=100"));
  for (const auto& item : all.at("items").as_array()) {
    const std::string phone(item.at("phone").as_string());
    if (!phone.empty()) {
      EXPECT_NE(phone.find("****"), std::string::npos) << phone;
    }
  }
  auto units = Json(Call("GET", "/api/v1/units?kind=bureau"));
  EXPECT_NE(std::string(units.at("items").at(0).at("phone").as_string()).find('*'),
            std::string::npos);
  auto empty = Call("GET", "/api/v1/schools?phone=%20-");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(FirstField(empty), "phone");

  // An edit form filled from the list sends the mask back: the stored number stays.
  body["phone"] = "138 **** 5678";
  body["name"] = "国密测试小学（改）";
  auto kept = Call("PUT", path, json::serialize(body));
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(Json(Call("GET", path)).at("phone").as_string(), "138 1234 5678");
  body["phone"] = "139 **** 5678";  // not the stored number's mask: refused as a phone
  auto wrong = Call("PUT", path, json::serialize(body));
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(FirstField(wrong), "phone");

  // The export masks too, and importing it again keeps every number.
  auto csv = Call("GET", "/api/v1/schools/export?format=csv&q=GM0001");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("138 **** 5678"), std::string::npos);
  EXPECT_EQ(csv.body.find("1234"), std::string::npos);
  auto again = Call("POST", "/api/v1/schools/import?format=csv&update_existing=true", csv.body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json(again).at("updated").as_int64(), 1);
  EXPECT_EQ(Json(Call("GET", path)).at("phone").as_string(), "138 1234 5678");
}

TEST_P(ApiTest, SchoolCrudWithValidation) {
  const auto bureau = BureauId();
  json::object body{
      {"code", "API0001"},
      {"name", "接口测试小学"},
      {"region_code", "990102"},
      {"parent_id", bureau},
      {"stage", "primary"},
      {"ownership", "public"},
      {"location_type", "rural"},
      {"boarding", true},
      {"boarders", 50},
      {"students", 400},
      {"staff", 30},
      {"buildings", json::array{json::object{{"name", "教学楼"}, {"floors", 4}}}},
      {"key_places",
       json::array{json::object{{"kind", "lab"}, {"name", "实验室"}, {"building", "教学楼"}}}}};
  auto created = Call("POST", "/api/v1/schools", json::serialize(body));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = Json(created).at("id").as_int64();
  EXPECT_EQ(Json(created).at("key_places").at(0).at("building").as_string(), "教学楼");

  auto got = Call("GET", "/api/v1/schools/" + std::to_string(id));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(Json(got).at("name").as_string(), "接口测试小学");

  body["boarders"] = 5000;  // more boarders than students
  body["name"] = "改名小学";
  auto invalid = Call("PUT", "/api/v1/schools/" + std::to_string(id), json::serialize(body));
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(FirstField(invalid), "boarders");
  EXPECT_EQ(Json(Call("GET", "/api/v1/schools/" + std::to_string(id))).at("name").as_string(),
            "接口测试小学");  // nothing half written

  body["boarders"] = 40;
  auto updated = Call("PUT", "/api/v1/schools/" + std::to_string(id), json::serialize(body));
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(Json(updated).at("name").as_string(), "改名小学");

  body["stage"] = "university";
  body["code"] = "API0002";
  auto bad_enum = Call("POST", "/api/v1/schools", json::serialize(body));
  EXPECT_EQ(bad_enum.status, 422);
  EXPECT_EQ(FirstField(bad_enum), "stage");

  auto list = Call("GET", "/api/v1/schools?q=%E6%94%B9%E5%90%8D&page_size=5");  // q=改名
  EXPECT_EQ(Json(list).at("total").as_int64(), 1);

  EXPECT_EQ(Call("DELETE", "/api/v1/schools/" + std::to_string(id)).status, 204);
  EXPECT_EQ(Call("GET", "/api/v1/schools/" + std::to_string(id)).status, 404);
}

TEST_P(ApiTest, DepartmentsAndUnits) {
  auto deps = Call("GET", "/api/v1/departments?page_size=50");
  EXPECT_EQ(Json(deps).at("total").as_int64(), 8);
  auto created =
      Call("POST", "/api/v1/departments",
           R"({"name":"示范区水利局","department_kind":"water","region_code":"990102"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = Json(created).at("id").as_int64();
  auto bad_kind = Call("POST", "/api/v1/departments",
                       R"({"name":"x","department_kind":"army","region_code":"990102"})");
  EXPECT_EQ(bad_kind.status, 422);
  EXPECT_EQ(FirstField(bad_kind), "department_kind");
  auto renamed = Call("PUT", "/api/v1/departments/" + std::to_string(id),
                      R"({"name":"示范区水利局（改）","phone":"0571-1234"})");
  EXPECT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(Json(renamed).at("department_kind").as_string(), "water");
  // A school is not a department.
  auto school_id =
      Json(Call("GET", "/api/v1/schools?page_size=1")).at("items").at(0).at("id").as_int64();
  EXPECT_EQ(Call("GET", "/api/v1/departments/" + std::to_string(school_id)).status, 404);
  // A section must sit under a bureau.
  auto orphan = Call("POST", "/api/v1/units",
                     R"({"kind":"section","name":"孤立科室","region_code":"990102"})");
  EXPECT_EQ(orphan.status, 422);
  EXPECT_EQ(FirstField(orphan), "parent_id");
}

TEST_P(ApiTest, KeepAliveAndPipelining) {
  HttpClient c(port_);
  auto replies = c.Raw(
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n",
      3);
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0].status, 200);
  EXPECT_EQ(replies[1].status, 200);
  EXPECT_NE(replies[1].body.find("\"paths\""), std::string::npos);
  EXPECT_EQ(replies[2].status, 404);
  // The same connection serves more requests.
  EXPECT_EQ(c.Request("GET", "/api/v1/health").status, 200);
}

TEST_P(ApiTest, ImportReportsRowErrorsAndWritesNothingWhenAllOrNothing) {
  auto tmpl = Call("GET", "/api/v1/schools/import-template?format=xlsx");
  ASSERT_EQ(tmpl.status, 200);
  EXPECT_NE(tmpl.headers["content-disposition"].find("attachment"), std::string::npos);
  auto rows = office::ReadXlsx(tmpl.body);
  ASSERT_TRUE(rows.ok());
  ASSERT_GE(rows->size(), 2u);
  auto header = (*rows)[0];
  auto good = (*rows)[1];
  good[0] = "IMP001";
  auto good2 = good;
  good2[0] = "IMP002";
  good2[1] = "导入第二小学";
  auto bad = good;
  bad[0] = "IMP003";
  bad[3] = "大学";  // not a stage
  auto file = office::WriteXlsx({office::Sheet{"s", {header, good, bad, good2}}});
  ASSERT_TRUE(file.ok());
  auto before = Json(Call("GET", "/api/v1/schools")).at("total").as_int64();
  auto refused =
      Call("POST", "/api/v1/schools/import", *file, {{"Content-Type", "application/octet-stream"}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  auto report = Json(refused);
  EXPECT_FALSE(report.at("applied").as_bool());
  EXPECT_EQ(report.at("failed").as_int64(), 1);
  EXPECT_EQ(report.at("errors").at(0).at("row").as_int64(), 3);
  EXPECT_EQ(report.at("errors").at(0).at("column").as_string(), "学段");
  EXPECT_EQ(Json(Call("GET", "/api/v1/schools")).at("total").as_int64(), before);

  auto partial = Call("POST", "/api/v1/schools/import?mode=partial", *file,
                      {{"Content-Type", "application/octet-stream"}});
  EXPECT_EQ(partial.status, 200) << partial.body;
  EXPECT_EQ(Json(partial).at("created").as_int64(), 2);
  EXPECT_EQ(Json(Call("GET", "/api/v1/schools")).at("total").as_int64(), before + 2);

  // CSV export opens and holds the filtered rows.
  auto csv = Call("GET", "/api/v1/schools/export?format=csv&q=IMP");
  ASSERT_EQ(csv.status, 200);
  auto csv_rows = office::ReadCsv(csv.body);
  ASSERT_TRUE(csv_rows.ok());
  EXPECT_EQ(csv_rows->size(), 3u);  // header + two schools
  auto xlsx = Call("GET", "/api/v1/schools/export?format=xlsx");
  auto xrows = office::ReadXlsx(xlsx.body);
  ASSERT_TRUE(xrows.ok());
  EXPECT_EQ(static_cast<std::int64_t>(xrows->size()), before + 3);

  // Re-import with update_existing changes the existing school instead of failing.
  auto changed = good;
  changed[1] = "导入更名小学";
  auto upd = office::WriteCsv({header, changed});
  auto dup = Call("POST", "/api/v1/schools/import?format=csv", upd);
  EXPECT_EQ(dup.status, 422);
  auto ok = Call("POST", "/api/v1/schools/import?format=csv&update_existing=true", upd);
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Json(ok).at("updated").as_int64(), 1);
  EXPECT_EQ(Json(Call("GET", "/api/v1/schools?q=%E5%AF%BC%E5%85%A5%E6%9B%B4%E5%90%8D"))
                .at("total")
                .as_int64(),
            1);
  // Garbage is refused with a clear error naming the file.
  auto junk = Call("POST", "/api/v1/schools/import?format=xlsx", "not a spreadsheet");
  EXPECT_EQ(junk.status, 422);
  EXPECT_EQ(FirstField(junk), "file");
}

TEST_P(ApiTest, StaticFilesWithSpaFallbackAndEtag) {
  auto no_console = Call("GET", "/");
  EXPECT_EQ(no_console.status, 200);
  EXPECT_NE(no_console.body.find("校安"), std::string::npos);
  {
    std::ofstream(web_.path() + "/index.html") << "<html>console</html>";
    std::filesystem::create_directories(web_.path() + "/assets");
    std::ofstream(web_.path() + "/assets/app.123.js") << "console.log(1)";
  }
  auto index = Call("GET", "/schools/12");  // a client-side route
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<html>console</html>");
  EXPECT_EQ(index.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_EQ(index.headers["cache-control"], "no-cache");
  auto js = Call("GET", "/assets/app.123.js");
  EXPECT_EQ(js.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_NE(js.headers["cache-control"].find("immutable"), std::string::npos);
  auto cached = Call("GET", "/assets/app.123.js", {}, {{"If-None-Match", js.headers["etag"]}});
  EXPECT_EQ(cached.status, 304);
  EXPECT_EQ(Call("GET", "/assets/missing.js").status, 404);
  EXPECT_EQ(Call("GET", "/../../etc/passwd").status, 404);

  // The build's precompressed copies go to a client that takes them, Brotli first; the ETag
  // names the coding and caches are told the answer varies.
  {
    std::ofstream(web_.path() + "/assets/app.123.js.br") << "BROTLI";
    std::ofstream(web_.path() + "/assets/app.123.js.gz") << "GZIP";
  }
  const auto get = [&](const std::string& accept) {
    return Call("GET", "/assets/app.123.js", {}, {{"Accept-Encoding", accept}});
  };
  auto br = get("gzip, deflate, br");
  EXPECT_EQ(br.body, "BROTLI");
  EXPECT_EQ(br.headers["content-encoding"], "br");
  EXPECT_EQ(br.headers["vary"], "Accept-Encoding");
  EXPECT_EQ(br.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_NE(br.headers["etag"].find("-br\""), std::string::npos) << br.headers["etag"];
  auto gz = get("br;q=0, gzip");
  EXPECT_EQ(gz.body, "GZIP");
  EXPECT_EQ(gz.headers["content-encoding"], "gzip");
  EXPECT_NE(gz.headers["etag"], br.headers["etag"]);
  EXPECT_EQ(get("GZIP;q=0.5").body, "GZIP");
  for (const auto& none : {std::string("identity"), std::string("*"), std::string("gzip;q=0")}) {
    auto plain = get(none);
    EXPECT_EQ(plain.body, "console.log(1)") << none;
    EXPECT_EQ(plain.headers.count("content-encoding"), 0u) << none;
  }
  EXPECT_EQ(Call("GET", "/assets/app.123.js", {},
                 {{"Accept-Encoding", "br"}, {"If-None-Match", br.headers["etag"]}})
                .status,
            304);
  EXPECT_EQ(Call("GET", "/assets/app.123.js", {},
                 {{"Accept-Encoding", "gzip"}, {"If-None-Match", br.headers["etag"]}})
                .status,
            200);
}

TEST_P(ApiTest, EveryWriteIsAudited) {
  auto before = app::VerifyAudit(*services_);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(
      Call("POST", "/api/v1/regions", R"({"code":"990103","name":"新区","parent_code":"990100"})")
          .status,
      201);
  ASSERT_EQ(Call("PUT", "/api/v1/regions/990103", R"({"name":"新区二"})").status, 200);
  ASSERT_EQ(Call("DELETE", "/api/v1/regions/990103").status, 204);
  auto after = app::VerifyAudit(*services_);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->checked, before->checked + 3);
  EXPECT_FALSE(after->first_break.has_value());
}

TEST_P(ApiTest, OpenApiDocumentsEveryRoute) {
  auto r = Call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  auto doc = Json(r);
  const auto& paths = doc.at("paths").as_object();
  for (const auto& route : server_->api().router().routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    const auto* path = paths.if_contains(route.pattern);
    ASSERT_NE(path, nullptr) << "openapi.yaml lacks " << route.pattern;
    EXPECT_TRUE(path->as_object().contains(method))
        << "openapi.yaml lacks " << route.method << " " << route.pattern;
  }
}

TEST_P(ApiTest, LoginSetsAHardenedCookieAndFailuresSayLittle) {
  HttpReply reply;
  auto session = testing::LoginAs(port_, "safety_office", passwords_["safety_office"], &reply);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const std::string cookie = reply.headers["set-cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // not behind TLS in this test
  auto me = Json(reply);
  EXPECT_EQ(me.at("scope").at("kind").as_string(), "unit_and_below");
  EXPECT_EQ(me.at("csrf_token").as_string().size(), 32u);
  EXPECT_EQ(me.as_object().count("password_hash"), 0u);

  HttpReply wrong;
  testing::LoginAs(port_, "safety_office", "Wrong#Passw0rd", &wrong);
  HttpReply unknown;
  testing::LoginAs(port_, "nobody_here", "Wrong#Passw0rd", &unknown);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(Json(wrong).at("error").at("message"), Json(unknown).at("error").at("message"));
  EXPECT_EQ(Call("GET", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(testing::HttpClient(port_).Request("GET", "/api/v1/schools").status, 401);
}

// The console's opening question is answered 200 with or without a session, so a browser on the
// login page logs no error; with one it describes the caller as /auth/me does.
TEST_P(ApiTest, TheSessionQuestionIsAnsweredWithoutAnError) {
  auto none = testing::HttpClient(port_).Request("GET", "/api/v1/auth/session");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(json::serialize(Json(none)), R"({"authenticated":false})");
  auto s = As("school1_teacher");
  auto live = s.Call("GET", "/api/v1/auth/session");
  ASSERT_EQ(live.status, 200) << live.body;
  auto me = Json(s.Call("GET", "/api/v1/auth/me"));
  auto body = Json(live);
  EXPECT_TRUE(body.at("authenticated").as_bool());
  EXPECT_EQ(body.at("user").at("username"), me.at("user").at("username"));
  EXPECT_EQ(body.at("csrf_token"), me.at("csrf_token"));
  EXPECT_EQ(body.at("permissions"), me.at("permissions"));
  ASSERT_EQ(s.Call("POST", "/api/v1/auth/logout").status / 100, 2);
  auto ended = s.Call("GET", "/api/v1/auth/session");
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_FALSE(Json(ended).at("authenticated").as_bool());
  EXPECT_EQ(s.Call("GET", "/api/v1/auth/me").status, 401);
}

TEST_P(ApiTest, FiveFailuresLockTheAccountUntilUnlocked) {
  HttpReply r;
  for (int i = 0; i < 5; ++i) {
    testing::LoginAs(port_, "inspector", "Wrong#Passw0rd", &r);
    const std::string message(Json(r).at("error").at("message").as_string());
    // Each failure before the lock says how many tries are left; the lock says only that.
    const auto left = "还可尝试 " + std::to_string(4 - i) + " 次";
    if (i < 4) {
      EXPECT_NE(message.find(left), std::string::npos) << i << ": " << message;
    } else {
      EXPECT_EQ(message.find("还可尝试"), std::string::npos) << message;
    }
  }
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(FirstField(r), "locked");
  // Even the right password is refused while locked.
  auto locked = testing::LoginAs(port_, "inspector", passwords_["inspector"], &r);
  EXPECT_TRUE(locked.cookie.empty());
  EXPECT_EQ(FirstField(r), "locked");
  auto users = Json(Call("GET", "/api/v1/users?q=inspector"));
  const auto id = users.at("items").at(0).at("id").as_int64();
  EXPECT_EQ(Call("PUT", "/api/v1/users/" + std::to_string(id) + "/status", R"({"status":"active"})")
                .status,
            200);
  EXPECT_FALSE(As("inspector").cookie.empty());
  auto audit = As("auditor").Call("GET", "/api/v1/audit-logs?action=auth.lock");
  ASSERT_EQ(audit.status, 200);
  EXPECT_EQ(Json(audit).at("total").as_int64(), 1);
}

// Five anonymous requests from one address no longer lock an administrator for everyone; what
// failed logins locked, the security administrator unlocks (the system administrator may not).
TEST_P(ApiTest, TheSecurityAdministratorUnlocksAnAdministrator) {
  HttpReply r;
  for (int i = 0; i < 5; ++i) testing::LoginAs(port_, "auditor", "Wrong#Passw0rd", &r);
  EXPECT_EQ(FirstField(r), "locked");
  auto users = Json(Call("GET", "/api/v1/users?q=auditor"));
  const auto id = std::to_string(users.at("items").at(0).at("id").as_int64());
  // Only this address was stopped: the account itself carries no lock.
  EXPECT_TRUE(users.at("items").at(0).at("locked_until").is_null());
  EXPECT_EQ(Call("POST", "/api/v1/users/" + id + "/unlock").status, 403);
  auto sec = As("secadmin");
  auto unlocked = sec.Call("POST", "/api/v1/users/" + id + "/unlock");
  ASSERT_EQ(unlocked.status, 200) << unlocked.body;
  EXPECT_EQ(Json(unlocked).at("username").as_string(), "auditor");
  EXPECT_EQ(sec.Call("POST", "/api/v1/users/999999/unlock").status, 404);
  auto auditor = As("auditor");
  ASSERT_FALSE(auditor.cookie.empty());
  auto audit = auditor.Call("GET", "/api/v1/audit-logs?action=user.unlock");
  ASSERT_EQ(audit.status, 200);
  EXPECT_EQ(Json(audit).at("total").as_int64(), 1);
}

// A name that is no account answers as an account does, after the same work: `credentials`
// four times, then `locked` — with the same words — and one password verification each time.
TEST_P(ApiTest, UnknownNamesAnswerAsAccountsDo) {
  HttpReply real;
  HttpReply unknown;
  for (int i = 1; i <= 5; ++i) {
    testing::LoginAs(port_, "inspector", "Wrong#Passw0rd", &real);
    testing::LoginAs(port_, "nobody_here", "Wrong#Passw0rd", &unknown);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(FirstField(unknown), FirstField(real)) << "attempt " << i;
    EXPECT_EQ(Json(unknown).at("error").at("message"), Json(real).at("error").at("message"));
  }
  EXPECT_EQ(FirstField(unknown), "locked");
  testing::LoginAs(port_, "inspector", passwords_["inspector"], &real);
  testing::LoginAs(port_, "nobody_here", passwords_["inspector"], &unknown);
  EXPECT_EQ(FirstField(unknown), "locked");
  EXPECT_EQ(Json(unknown).at("error").at("message"), Json(real).at("error").at("message"));

  app::LoginThrottle throttle;
  (void)app::Login(*services_, throttle, "warm_up", "x", "192.0.2.1", "test", "r0");
  const auto before_unknown = PasswordWorkCount();
  (void)app::Login(*services_, throttle, "another_nobody", "x", "192.0.2.1", "test", "r1");
  const auto unknown_work = PasswordWorkCount() - before_unknown;
  const auto before_real = PasswordWorkCount();
  (void)app::Login(*services_, throttle, "school2_leader", "x", "192.0.2.1", "test", "r2");
  EXPECT_EQ(unknown_work, PasswordWorkCount() - before_real);
  EXPECT_EQ(unknown_work, 1u);
}

TEST_P(ApiTest, CookieWritesNeedTheCsrfToken) {
  auto no_csrf = admin_;
  no_csrf.csrf.clear();
  const std::string body = R"({"code":"990103","name":"新区","parent_code":"990100"})";
  auto refused = no_csrf.Call("POST", "/api/v1/regions", body);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(FirstField(refused), "X-CSRF-Token");
  auto wrong = admin_;
  wrong.csrf = std::string(32, 'a');
  EXPECT_EQ(wrong.Call("POST", "/api/v1/regions", body).status, 403);
  EXPECT_EQ(no_csrf.Call("GET", "/api/v1/regions").status, 200);  // reads need no token
  EXPECT_EQ(Call("POST", "/api/v1/regions", body).status, 201);
}

TEST_P(ApiTest, LogoutEndsTheSessionOnTheServer) {
  auto s = As("school1_teacher");
  ASSERT_EQ(s.Call("GET", "/api/v1/schools").status, 200);
  auto out = s.Call("POST", "/api/v1/auth/logout");
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.headers["set-cookie"].find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(s.Call("GET", "/api/v1/schools").status, 401);
}

TEST_P(ApiTest, NewUserMustChangeTheInitialPasswordUnderThePolicy) {
  auto school = Json(Call("GET", "/api/v1/schools?page_size=1")).at("items").at(0);
  const auto unit_id = school.at("id").as_int64();
  auto created = Call("POST", "/api/v1/users",
                      R"({"username":"new_teacher","display_name":"新老师","unit_id":)" +
                          std::to_string(unit_id) + "}");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string initial(Json(created).at("initial_password").as_string());
  const auto user_id = Json(created).at("user").at("id").as_int64();
  auto sec = As("secadmin");
  EXPECT_EQ(sec.Call("PUT", "/api/v1/users/" + std::to_string(user_id) + "/roles",
                     R"({"roles":["teacher"]})")
                .status,
            204);
  HttpReply login;
  auto s = testing::LoginAs(port_, "new_teacher", initial, &login);
  ASSERT_FALSE(s.cookie.empty());
  EXPECT_TRUE(Json(login).at("must_change_password").as_bool());
  auto blocked = s.Call("GET", "/api/v1/schools");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(FirstField(blocked), "password_change_required");
  auto change = [&](const std::string& old_pw, const std::string& new_pw) {
    return s.Call("POST", "/api/v1/auth/password",
                  R"({"old_password":")" + old_pw + R"(","new_password":")" + new_pw + R"("})");
  };
  EXPECT_EQ(FirstField(change(initial, "short1A")), "new_password");        // too short
  EXPECT_EQ(FirstField(change(initial, "alllowercase")), "new_password");   // one class
  EXPECT_EQ(FirstField(change(initial, "P@ssw0rd")), "new_password");       // common
  EXPECT_EQ(FirstField(change(initial, "New_teacher#1")), "new_password");  // has username
  EXPECT_EQ(FirstField(change("Not#The0ld", "Fresh#Start2026")), "old_password");
  EXPECT_EQ(FirstField(change(initial, initial)), "new_password");  // reuse
  EXPECT_EQ(change(initial, "Fresh#Start2026").status, 204);
  EXPECT_EQ(s.Call("GET", "/api/v1/schools").status, 200);
  EXPECT_EQ(Json(s.Call("GET", "/api/v1/schools")).at("total").as_int64(), 1);  // own school
  EXPECT_EQ(FirstField(change("Fresh#Start2026", initial)), "new_password");    // in history
}

TEST_P(ApiTest, UsersImportFromTheTemplateWithPerRowErrorsAndPasswordsShownOnce) {
  auto tmpl = Call("GET", "/api/v1/users/import-template?format=xlsx");
  ASSERT_EQ(tmpl.status, 200) << tmpl.body;
  auto rows = office::ReadXlsx(tmpl.body);
  ASSERT_TRUE(rows.ok());
  ASSERT_GE(rows->size(), 2u);
  const auto header = (*rows)[0];
  ASSERT_EQ(header.size(), 5u);
  EXPECT_EQ(header[2].text, "所属单位");
  const std::string school(
      Json(Call("GET", "/api/v1/schools?page_size=1")).at("items").at(0).at("name").as_string());
  auto row = [&](std::string username, std::string name, std::string unit, std::string mobile,
                 std::string expires = "") {
    return office::TextRow({std::move(username), std::move(name), std::move(unit),
                            std::move(mobile), std::move(expires)});
  };
  auto file = office::WriteXlsx({office::Sheet{
      "s",
      {header, row("imp_ok", "导入老师", school, "13800001111", "2027-07-31"),
       row("imp_bad_mobile", "号码错", school, "1380000111"), row("imp_ok", "重复", school, ""),
       row("imp_nowhere", "无单位", "不存在的学校", ""), row("Bad Name", "坏用户名", school, ""),
       row("imp_second", "第二位", school, "", "2027-13-01")}}});
  ASSERT_TRUE(file.ok());
  const auto users_now = [&] { return Json(Call("GET", "/api/v1/users")).at("total").as_int64(); };
  const auto before = users_now();
  auto refused =
      Call("POST", "/api/v1/users/import", *file, {{"Content-Type", "application/octet-stream"}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  auto report = Json(refused);
  EXPECT_FALSE(report.at("applied").as_bool());
  EXPECT_EQ(report.at("rows").as_int64(), 6);
  EXPECT_EQ(report.at("failed").as_int64(), 5);
  EXPECT_EQ(report.at("created").as_int64(), 0);
  EXPECT_TRUE(report.at("accounts").as_array().empty());
  std::map<std::int64_t, std::string> column_of;
  for (const auto& e : report.at("errors").as_array()) {
    column_of[e.at("row").as_int64()] = std::string(e.at("column").as_string());
  }
  EXPECT_EQ(column_of,
            (std::map<std::int64_t, std::string>{
                {3, "手机号"}, {4, "用户名"}, {5, "所属单位"}, {6, "用户名"}, {7, "有效期至"}}));
  EXPECT_EQ(users_now(), before);

  auto partial = Call("POST", "/api/v1/users/import?mode=partial", *file,
                      {{"Content-Type", "application/octet-stream"}});
  ASSERT_EQ(partial.status, 200) << partial.body;
  auto done = Json(partial);
  EXPECT_EQ(done.at("created").as_int64(), 1);
  const auto accounts = done.at("accounts").as_array();
  ASSERT_EQ(accounts.size(), 1u);
  EXPECT_EQ(accounts[0].at("username").as_string(), "imp_ok");
  EXPECT_EQ(accounts[0].at("display_name").as_string(), "导入老师");
  const std::string password(accounts[0].at("initial_password").as_string());
  EXPECT_EQ(users_now(), before + 1);
  auto listed = Json(Call("GET", "/api/v1/users?q=imp_ok")).at("items").at(0);
  EXPECT_EQ(listed.at("mobile").as_string(), "13800001111");
  EXPECT_EQ(listed.at("expires_at").as_string(), "2027-07-31T16:00:00.000Z");
  EXPECT_FALSE(testing::LoginAs(port_, "imp_ok", password).cookie.empty());
  // The same file again: every row now fails, the first because the account exists.
  auto again = Json(Call("POST", "/api/v1/users/import?mode=partial", *file,
                         {{"Content-Type", "application/octet-stream"}}));
  EXPECT_EQ(again.at("created").as_int64(), 0);
  EXPECT_EQ(again.at("errors").at(0).at("column").as_string(), "用户名");

  // Editing the person: a bad mobile names the field and changes nothing.
  const auto id = std::to_string(listed.at("id").as_int64());
  auto bad = Call("PUT", "/api/v1/users/" + id, R"({"display_name":"改名","mobile":"2380000"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FirstField(bad), "mobile");
  auto good =
      Call("PUT", "/api/v1/users/" + id, R"({"display_name":"改名","mobile":"13900002222"})");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(Json(good).at("display_name").as_string(), "改名");
  EXPECT_EQ(Json(Call("GET", "/api/v1/users/" + id)).at("mobile").as_string(), "13900002222");
  // The audit log names the administrator who did it.
  auto log = Json(As("auditor").Call("GET", "/api/v1/audit-logs?action=user.update"));
  ASSERT_GE(log.at("total").as_int64(), 1);
  auto me = Json(Call("GET", "/api/v1/auth/me"));
  ASSERT_FALSE(me.at("user").at("display_name").as_string().empty());
  EXPECT_EQ(log.at("items").at(0).at("actor_name"), me.at("user").at("display_name"));
  EXPECT_EQ(log.at("items").at(0).at("summary").as_string().find("13900002222"),
            std::string::npos);  // the number itself stays out of the log
}

TEST_P(ApiTest, UsersSeeAndEndTheirOtherSessions) {
  auto first = As("school2_safety");
  auto second = As("school2_safety");
  auto list = Json(second.Call("GET", "/api/v1/auth/sessions"));
  ASSERT_EQ(list.at("total").as_int64(), 2);
  std::string other;
  for (const auto& item : list.at("items").as_array()) {
    if (!item.at("current").as_bool()) other = std::string(item.at("id").as_string());
  }
  ASSERT_EQ(other.size(), 16u);
  EXPECT_EQ(second.Call("DELETE", "/api/v1/auth/sessions/" + other).status, 204);
  EXPECT_EQ(first.Call("GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(second.Call("GET", "/api/v1/auth/me").status, 200);
  // Another user's session cannot be named.
  auto third = As("school1_safety");
  EXPECT_EQ(third.Call("DELETE", "/api/v1/auth/sessions/" + other).status, 404);
}

TEST_P(ApiTest, NoAccountHoldsTwoAdministratorRoles) {
  auto users = Json(Call("GET", "/api/v1/users?q=auditor"));
  const auto id = users.at("items").at(0).at("id").as_int64();
  auto r = As("secadmin")
               .Call("PUT", "/api/v1/users/" + std::to_string(id) + "/roles",
                     R"({"roles":["audit_admin","system_admin"]})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FirstField(r), "roles");
}

// 三员 follows what roles allow, not their names: a custom role holding every permission, or
// two administrators' permissions, is refused; a role with one administrator's permissions makes
// its holder an administrator (second factor, no reset by another administrator) and cannot be
// given to, or widened for, a holder of another administrator's area.
TEST_P(ApiTest, ACustomRoleCannotCombineAdministratorAreas) {
  auto sec = As("secadmin");
  const auto role = [&](const std::string& code, const json::array& permissions) {
    return sec.Call("PUT", "/api/v1/roles/" + code,
                    json::serialize(json::object{
                        {"name", code}, {"scope", "all"}, {"permissions", permissions}}));
  };
  json::array every;
  for (const auto& p : domain::AllPermissions()) every.emplace_back(p);
  auto r = role("custom_all", every);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(FirstField(r), "permissions");
  r = role("custom_mixed", json::array{"audit:read", "user:write"});
  EXPECT_EQ(r.status, 422) << r.body;
  ASSERT_EQ(role("custom_audit", json::array{"audit:read", "school:read"}).status / 100, 2);
  ASSERT_EQ(role("custom_schools", json::array{"school:read", "user:read"}).status / 100, 2);
  auto find = [&](const std::string& name) {
    return Json(Call("GET", "/api/v1/users?q=" + name)).at("items").at(0).at("id").as_int64();
  };
  const auto roles_of = [&](const std::string& user, const std::string& roles) {
    return sec.Call("PUT", "/api/v1/users/" + std::to_string(find(user)) + "/roles",
                    R"({"roles":)" + roles + "}");
  };
  // Not to a holder of another administrator's area, whatever the role is called.
  r = roles_of("sysadmin", R"(["system_admin","custom_audit"])");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(FirstField(r), "roles");
  ASSERT_EQ(
      roles_of("school2_teacher", R"(["teacher","custom_audit","custom_schools"])").status / 100,
      2);
  // Widening another of the holder's roles into a second area is refused, naming the holder.
  r = role("custom_schools", json::array{"school:read", "user:write"});
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("school2_teacher"), std::string::npos) << r.body;
  EXPECT_EQ(role("custom_schools", json::array{"school:read", "school:export"}).status / 100, 2);
  // The holder is an administrator now: the system administrator cannot reset it, and the
  // second factor is required of it when the policy asks it of administrators.
  auto reset =
      Call("POST", "/api/v1/users/" + std::to_string(find("school2_teacher")) + "/reset-password");
  EXPECT_EQ(reset.status, 409) << reset.body;
  auto policy = Json(sec.Call("GET", "/api/v1/security-policy")).as_object();
  policy["totp_required_for_admins"] = true;
  ASSERT_EQ(sec.Call("PUT", "/api/v1/security-policy", json::serialize(policy)).status, 200);
  auto holder = As("school2_teacher");
  auto blocked = holder.Call("GET", "/api/v1/audit-logs");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(FirstField(blocked), "totp_enrollment_required");
  EXPECT_EQ(As("school1_teacher").Call("GET", "/api/v1/schools").status, 200);  // not one
}

TEST_P(ApiTest, AuditAdministratorSearchesExportsAndVerifies) {
  auto auditor = As("auditor");
  auto logins = auditor.Call("GET", "/api/v1/audit-logs?action=auth.login&page_size=5");
  ASSERT_EQ(logins.status, 200);
  EXPECT_GE(Json(logins).at("total").as_int64(), 2);
  EXPECT_EQ(Json(logins).at("items").at(0).at("action").as_string(), "auth.login");
  auto file = auditor.Call("GET", "/api/v1/audit-logs/export?actor=sysadmin");
  ASSERT_EQ(file.status, 200);
  auto rows = office::ReadXlsx(file.body);
  ASSERT_TRUE(rows.ok());
  ASSERT_GE(rows->size(), 2u);
  EXPECT_EQ((*rows)[1][2], "sysadmin");
  auto verify = auditor.Call("POST", "/api/v1/audit-logs/verify");
  EXPECT_TRUE(Json(verify).at("intact").as_bool());
  // Nobody else reads the log; the auditor reads nothing else; nothing deletes it.
  EXPECT_EQ(Call("GET", "/api/v1/audit-logs").status, 403);
  EXPECT_EQ(auditor.Call("GET", "/api/v1/schools").status, 403);
  EXPECT_EQ(auditor.Call("DELETE", "/api/v1/audit-logs").status, 405);
}

// 等保: refused actions leave a record — a 403, a write to a record out of reach (404), a
// separation-of-duties refusal (409) — and so does the auditor's verification of the log.
TEST_P(ApiTest, RefusedActionsAndVerificationsAreAudited) {
  EXPECT_EQ(Call("GET", "/api/v1/audit-logs").status, 403);
  const auto secadmin = Json(Call("GET", "/api/v1/users?q=secadmin")).at("items").at(0).at("id");
  EXPECT_EQ(Call("POST", "/api/v1/users/" + json::serialize(secadmin) + "/reset-password").status,
            409);
  auto school = As("school1_safety");
  EXPECT_EQ(school.Call("DELETE", "/api/v1/drill-plans/999999").status, 404);
  // Not kept: a read that finds nothing, bad input.
  EXPECT_EQ(school.Call("GET", "/api/v1/drill-plans/999999").status, 404);
  EXPECT_EQ(school.Call("POST", "/api/v1/drill-plans", "{}").status, 422);

  auto auditor = As("auditor");
  auto denied = auditor.Call("GET", "/api/v1/audit-logs?action=access.denied&page_size=50");
  ASSERT_EQ(denied.status, 200);
  const auto items = Json(denied).at("items").as_array();
  std::set<std::string> seen;
  for (const auto& i : items) {
    EXPECT_EQ(i.at("result").as_string(), "denied");
    seen.insert(std::string(i.at("actor").as_string()) + " " +
                std::string(i.at("object_id").as_string()));
  }
  EXPECT_EQ(seen.size(), 3u) << denied.body;
  EXPECT_TRUE(seen.count("sysadmin GET /api/v1/audit-logs")) << denied.body;
  EXPECT_TRUE(
      seen.count("sysadmin POST /api/v1/users/" + json::serialize(secadmin) + "/reset-password"))
      << denied.body;
  EXPECT_TRUE(seen.count("school1_safety DELETE /api/v1/drill-plans/999999")) << denied.body;

  ASSERT_TRUE(Json(auditor.Call("POST", "/api/v1/audit-logs/verify")).at("intact").as_bool());
  auto verified = Json(auditor.Call("GET", "/api/v1/audit-logs?action=audit.verify"));
  ASSERT_EQ(verified.at("total").as_int64(), 1);
  EXPECT_EQ(verified.at("items").at(0).at("actor").as_string(), "auditor");
  EXPECT_EQ(verified.at("items").at(0).at("result").as_string(), "ok");
}

TEST_P(ApiTest, AdministratorsCannotTakeOverEachOther) {
  auto find = [&](const std::string& name) {
    return Json(Call("GET", "/api/v1/users?q=" + name)).at("items").at(0).at("id").as_int64();
  };
  const auto secadmin = find("secadmin");
  auto reset = Call("POST", "/api/v1/users/" + std::to_string(secadmin) + "/reset-password");
  EXPECT_EQ(reset.status, 409);
  EXPECT_EQ(FirstField(reset), "user.separation_of_duties");
  EXPECT_NE(reset.body.find("不能重置其他管理员（三员）的密码"), std::string::npos) << reset.body;
  auto lock = Call("PUT", "/api/v1/users/" + std::to_string(secadmin) + "/status",
                   R"({"status":"disabled"})");
  EXPECT_EQ(lock.status, 409);
  EXPECT_NE(lock.body.find("不能锁定或停用其他管理员（三员）的账号"), std::string::npos)
      << lock.body;
  // Nor their name and mobile: the message says what was refused.
  auto edit = Call("PUT", "/api/v1/users/" + std::to_string(secadmin),
                   R"({"display_name":"改名","mobile":""})");
  EXPECT_EQ(edit.status, 409);
  EXPECT_EQ(FirstField(edit), "user.separation_of_duties");
  EXPECT_NE(edit.body.find("不能修改其他管理员（三员）的姓名和手机号"), std::string::npos)
      << edit.body;
  auto own = As("secadmin")
                 .Call("PUT", "/api/v1/users/" + std::to_string(secadmin) + "/roles",
                       R"({"roles":["security_admin","bureau_safety_office"]})");
  EXPECT_EQ(own.status, 409);
  EXPECT_EQ(FirstField(own), "user.own_roles");
  // An ordinary account can be reset: a new initial password, and its sessions end.
  auto teacher = As("school1_teacher");
  auto ok =
      Call("POST", "/api/v1/users/" + std::to_string(find("school1_teacher")) + "/reset-password");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(teacher.Call("GET", "/api/v1/auth/me").status, 401);
  auto fresh = testing::LoginAs(port_, "school1_teacher",
                                std::string(Json(ok).at("initial_password").as_string()));
  EXPECT_EQ(fresh.Call("GET", "/api/v1/schools").status, 403);  // must change it first
}

// Signed-in sessions are cached between requests; a change by an administrator still applies to
// the very next request of the user it concerns.
TEST_P(ApiTest, AccountChangesApplyToTheNextRequest) {
  const auto id =
      Json(Call("GET", "/api/v1/users?q=school2_teacher")).at("items").at(0).at("id").as_int64();
  auto teacher = As("school2_teacher");
  ASSERT_EQ(teacher.Call("GET", "/api/v1/schools").status, 200);
  ASSERT_EQ(teacher.Call("GET", "/api/v1/schools").status, 200);
  // Roles replaced: the user's sessions end at once.
  ASSERT_EQ(As("secadmin")
                .Call("PUT", "/api/v1/users/" + std::to_string(id) + "/roles",
                      R"({"roles":["department_liaison"]})")
                .status,
            204);
  EXPECT_EQ(teacher.Call("GET", "/api/v1/schools").status, 401);
  // Signed in again with the new role: the old permission is gone, the new one works.
  auto liaison = As("school2_teacher");
  EXPECT_EQ(liaison.Call("GET", "/api/v1/schools").status, 403);
  ASSERT_EQ(liaison.Call("GET", "/api/v1/departments").status, 200);
  ASSERT_EQ(liaison.Call("GET", "/api/v1/departments").status, 200);
  // Locked: the session is refused at once.
  ASSERT_EQ(Call("PUT", "/api/v1/users/" + std::to_string(id) + "/status", R"({"status":"locked"})")
                .status,
            200);
  EXPECT_EQ(liaison.Call("GET", "/api/v1/departments").status, 401);
}

TEST_P(ApiTest, ChangingThePasswordSignsOutOtherSessions) {
  auto laptop = As("school2_leader");
  auto phone = As("school2_leader");
  auto r = phone.Call("POST", "/api/v1/auth/password",
                      R"({"old_password":")" + passwords_["school2_leader"] +
                          R"(","new_password":"Lantern#Field42"})");
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(laptop.Call("GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(phone.Call("GET", "/api/v1/auth/me").status, 200);
}

// Wrong old passwords count towards the lockout as at login: five lock the account, and the
// open session stops working with it.
TEST_P(ApiTest, WrongOldPasswordsLockTheAccountAsAtLogin) {
  auto leader = As("school2_leader");
  for (int i = 1; i <= 4; ++i) {
    auto r = leader.Call("POST", "/api/v1/auth/password",
                         R"({"old_password":"Guess#Number)" + std::to_string(i) +
                             R"(","new_password":"Lantern#Field42"})");
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(FirstField(r), "old_password");
  }
  auto fifth = leader.Call("POST", "/api/v1/auth/password",
                           R"({"old_password":"Guess#Number5","new_password":"Lantern#Field42"})");
  EXPECT_EQ(fifth.status, 401) << fifth.body;
  EXPECT_EQ(FirstField(fifth), "locked");
  EXPECT_EQ(leader.Call("GET", "/api/v1/auth/me").status, 401);
  testing::HttpClient c(port_);
  auto login = c.Request(
      "POST", "/api/v1/auth/login",
      R"({"username":"school2_leader","password":")" + passwords_["school2_leader"] + R"("})");
  EXPECT_EQ(login.status, 401);
  EXPECT_EQ(FirstField(login), "locked");
}

TEST_P(ApiTest, SecondFactorEnrolConfirmAndLogin) {
  auto s = As("school1_leader");
  auto enrol = s.Call("POST", "/api/v1/auth/totp/enroll");
  ASSERT_EQ(enrol.status, 200) << enrol.body;
  const std::string secret_b32(Json(enrol).at("secret").as_string());
  EXPECT_EQ(Json(enrol).at("otpauth_uri").as_string().subview().substr(0, 15), "otpauth://totp/");
  const std::string secret = domain::Base32Decode(secret_b32).value();
  const auto step = domain::TotpStep(SystemClock().Now());
  EXPECT_EQ(FirstField(s.Call("POST", "/api/v1/auth/totp/confirm", R"({"code":"000000x"})")),
            "code");
  ASSERT_EQ(s.Call("POST", "/api/v1/auth/totp/confirm",
                   R"({"code":")" + domain::TotpCode(secret, step) + R"("})")
                .status,
            204);
  HttpReply r;
  testing::LoginAs(port_, "school1_leader", passwords_["school1_leader"], &r);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(FirstField(r), "totp_required");
  auto login = [&](const std::string& code) {
    testing::HttpClient c(port_);
    return c.Request("POST", "/api/v1/auth/login",
                     R"({"username":"school1_leader","password":")" + passwords_["school1_leader"] +
                         R"(","totp":")" + code + R"("})");
  };
  const std::string next = domain::TotpCode(secret, step + 1);
  EXPECT_EQ(FirstField(login("123456")), "totp_invalid");
  EXPECT_EQ(login(next).status, 200);
  EXPECT_EQ(FirstField(login(next)), "totp_invalid");  // a code is accepted once
}

TEST_P(ApiTest, PolicyCanRequireTheSecondFactorForAdministrators) {
  auto sec = As("secadmin");
  auto policy = Json(sec.Call("GET", "/api/v1/security-policy")).as_object();
  EXPECT_FALSE(policy.at("totp_required_for_admins").as_bool());  // demo mode
  policy["totp_required_for_admins"] = true;
  ASSERT_EQ(sec.Call("PUT", "/api/v1/security-policy", json::serialize(policy)).status, 200);
  auto blocked = Call("GET", "/api/v1/users");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(FirstField(blocked), "totp_enrollment_required");
  EXPECT_EQ(Call("GET", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(As("school1_teacher").Call("GET", "/api/v1/schools").status, 200);  // not an admin
  EXPECT_EQ(Call("POST", "/api/v1/auth/totp/enroll").status, 200);
}

TEST_P(ApiTest, ApiTokensCarryASubsetOfTheOwnersPermissions) {
  auto s = As("safety_office");
  auto too_much = s.Call("POST", "/api/v1/auth/tokens",
                         R"({"name":"同步","permissions":["user:write"],"expires_in_days":30})");
  EXPECT_EQ(too_much.status, 422);
  auto created = s.Call("POST", "/api/v1/auth/tokens",
                        R"({"name":"同步","permissions":["school:read"],"expires_in_days":30})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token(Json(created).at("token").as_string());
  const auto id = Json(created).at("id").as_int64();
  testing::HttpClient c(port_);
  auto bearer = [&](const std::string& method, const std::string& target,
                    const std::string& body = {}) {
    testing::HttpClient client(port_);
    return client.Request(method, target, body, {{"Authorization", "Bearer " + token}});
  };
  EXPECT_EQ(bearer("GET", "/api/v1/schools").status, 200);
  EXPECT_EQ(Json(bearer("GET", "/api/v1/schools")).at("total").as_int64(), 40);
  EXPECT_EQ(FirstField(bearer("POST", "/api/v1/schools", "{}")), "school:write");
  EXPECT_EQ(bearer("POST", "/api/v1/auth/tokens",
                   R"({"name":"x","permissions":["school:read"],"expires_in_days":1})")
                .status,
            403);
  // A token cannot change its owner's password (nor guess the old one).
  auto by_token = bearer("POST", "/api/v1/auth/password",
                         R"({"old_password":"wrong","new_password":"Lantern#Field42"})");
  EXPECT_EQ(by_token.status, 403) << by_token.body;
  EXPECT_EQ(FirstField(by_token), "token");
  EXPECT_EQ(bearer("POST", "/api/v1/auth/totp/enroll").status, 403);
  auto listed = Json(s.Call("GET", "/api/v1/auth/tokens"));
  EXPECT_EQ(listed.at("total").as_int64(), 1);
  EXPECT_EQ(listed.at("items").at(0).as_object().count("token"), 0u);  // shown once only
  EXPECT_EQ(s.Call("DELETE", "/api/v1/auth/tokens/" + std::to_string(id)).status, 204);
  EXPECT_EQ(bearer("GET", "/api/v1/schools").status, 401);
  EXPECT_EQ(testing::HttpClient(port_)
                .Request("GET", "/api/v1/schools", {}, {{"Authorization", "Bearer xa_nonsense"}})
                .status,
            401);
}

TEST_P(ApiTest, DictionariesLabelEveryCode) {
  auto r = As("school1_teacher").Call("GET", "/api/v1/dictionaries");
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = Json(r).as_object();
  for (const char* key :
       {"unit_kinds", "school_stages", "ownerships", "location_types", "department_kinds",
        "key_place_kinds", "hazard_domains", "hazard_levels", "hazard_sources", "hazard_states",
        "checklist_answers", "scope_kinds", "permissions", "whistle_categories", "whistle_places",
        "whistle_severities", "whistle_states", "whistle_assignment_states"}) {
    ASSERT_TRUE(d.contains(key)) << key;
    EXPECT_FALSE(d.at(key).as_array().empty()) << key;
  }
  EXPECT_EQ(d.size(), 18u);
  EXPECT_EQ(d.at("whistle_states").at(2),
            (json::object{{"code", "answered"}, {"label", "待学校确认"}}));
  EXPECT_EQ(d.at("checklist_answers").at(1), (json::object{{"code", "number"}, {"label", "数值"}}));
  EXPECT_EQ(d.at("hazard_domains").as_array().size(), 13u);
  EXPECT_EQ(d.at("hazard_states").at(5), (json::object{{"code", "closed"}, {"label", "已销号"}}));
  EXPECT_EQ(d.at("unit_kinds").at(0), (json::object{{"code", "bureau"}, {"label", "教育局"}}));
  EXPECT_EQ(d.at("school_stages").as_array().size(), 8u);
  EXPECT_EQ(d.at("scope_kinds").at(2),
            (json::object{{"code", "unit_and_below"}, {"label", "本单位及下级"}}));
  bool school_read = false;
  for (const auto& p : d.at("permissions").as_array()) {
    EXPECT_FALSE(p.at("label").as_string().empty());
    EXPECT_FALSE(p.at("group").as_string().empty());
    school_read |=
        p == json::object{{"code", "school:read"}, {"label", "查看学校"}, {"group", "学校"}};
  }
  EXPECT_TRUE(school_read);
  EXPECT_EQ(testing::HttpClient(port_).Request("GET", "/api/v1/dictionaries").status, 401);
  EXPECT_EQ(FirstField(Call("GET", "/api/v1/dictionaries?x=1")), "x");
}

TEST_P(ApiTest, HomeBoardCountsOnlyTheCallersScope) {
  auto board = [&](const std::string& user) {
    auto r = As(user).Call("GET", "/api/v1/boards/home");
    EXPECT_EQ(r.status, 200) << user << ": " << r.body;
    return Json(r);
  };
  auto sum = [](const json::value& counts) {
    std::int64_t n = 0;
    for (const auto& c : counts.as_array()) n += c.at("count").as_int64();
    return n;
  };
  auto office = board("safety_office");
  EXPECT_EQ(office.at("scope").at("kind").as_string(), "unit_and_below");
  EXPECT_FALSE(office.at("scope").at("unit_name").as_string().empty());
  const auto& schools = office.at("schools");
  EXPECT_EQ(schools.at("total").as_int64(), 40);
  EXPECT_GT(schools.at("boarding").as_int64(), 0);
  EXPECT_LT(schools.at("boarding").as_int64(), 40);
  // Every category, zeros included, and each breakdown adds up to the total.
  EXPECT_EQ(schools.at("by_stage").as_array().size(), 8u);
  EXPECT_EQ(schools.at("by_location_type").as_array().size(), 4u);
  EXPECT_EQ(schools.at("by_ownership").as_array().size(), 2u);
  EXPECT_EQ(schools.at("by_stage").at(1).at("code").as_string(), "primary");
  EXPECT_EQ(schools.at("by_stage").at(1).at("label").as_string(), "小学");
  for (const char* key : {"by_stage", "by_location_type", "by_ownership"}) {
    EXPECT_EQ(sum(schools.at(key)), 40) << key;
  }
  EXPECT_EQ(office.at("generated_at").as_string().size(), 24u);  // 2026-11-30T07:00:00.000Z
  // The list and the board agree for the whole district.
  EXPECT_EQ(Json(Call("GET", "/api/v1/boards/home")).at("schools").at("total").as_int64(),
            Json(Call("GET", "/api/v1/schools")).at("total").as_int64());

  // A school's safety officer sees their own school only.
  auto own = board("school1_safety");
  EXPECT_EQ(own.at("scope").at("kind").as_string(), "own_unit");
  EXPECT_EQ(own.at("schools").at("total").as_int64(), 1);
  EXPECT_EQ(sum(own.at("schools").at("by_stage")), 1);
  EXPECT_EQ(own.at("schools").at("by_stage").at(1).at("count").as_int64(), 1);  // a primary school
  EXPECT_EQ(board("school1_teacher").at("schools").at("total").as_int64(), 1);

  // Without school:read the section is absent.
  EXPECT_TRUE(board("dept1_liaison").at("schools").is_null());
  EXPECT_TRUE(board("auditor").at("schools").is_null());
  EXPECT_EQ(testing::HttpClient(port_).Request("GET", "/api/v1/boards/home").status, 401);
  EXPECT_EQ(FirstField(Call("GET", "/api/v1/boards/home?scope=all")), "scope");
}

TEST_P(ApiTest, SignaturesReCheckThePasswordAndCoverTheContent) {
  auto s = As("school1_leader");
  const std::string content = "隐患 #17 整改完成，验收合格";
  auto wrong = s.Call("POST", "/api/v1/signatures",
                      json::serialize(json::object{{"object_type", "hazard"},
                                                   {"object_id", "17"},
                                                   {"step", "close"},
                                                   {"content", content},
                                                   {"password", "Wrong#Passw0rd"}}));
  EXPECT_EQ(wrong.status, 401);
  auto both = s.Call("POST", "/api/v1/signatures",
                     json::serialize(json::object{{"object_type", "hazard"},
                                                  {"object_id", "17"},
                                                  {"step", "close"},
                                                  {"content", content}}));
  EXPECT_EQ(both.status, 422);
  auto signed_ = s.Call("POST", "/api/v1/signatures",
                        json::serialize(json::object{{"object_type", "hazard"},
                                                     {"object_id", "17"},
                                                     {"step", "close"},
                                                     {"content", content},
                                                     {"password", passwords_["school1_leader"]}}));
  ASSERT_EQ(signed_.status, 201) << signed_.body;
  EXPECT_EQ(Json(signed_).at("content_hash").as_string(), Sha256Hex(content));
  EXPECT_EQ(Json(signed_).at("method").as_string(), "password");
  auto mine = s.Call("GET", "/api/v1/signatures?object_type=hazard&object_id=17");
  EXPECT_EQ(Json(mine).at("total").as_int64(), 1);
  // Another school does not see it; the bureau does.
  EXPECT_EQ(
      Json(As("school2_leader").Call("GET", "/api/v1/signatures?object_type=hazard&object_id=17"))
          .at("total")
          .as_int64(),
      0);
  EXPECT_EQ(
      Json(As("safety_office").Call("GET", "/api/v1/signatures?object_type=hazard&object_id=17"))
          .at("total")
          .as_int64(),
      1);
  auto audit = As("auditor").Call("GET", "/api/v1/audit-logs?action=signature.sign");
  EXPECT_EQ(Json(audit).at("total").as_int64(), 1);
  EXPECT_NE(Json(audit).at("items").at(0).at("summary").as_string().find(Sha256Hex(content)),
            std::string::npos);
}

// Runs write-batch jobs on the real store but reports their batch as failed (as after a full
// disk): the answer must be an error, whatever the handler had written into it.
class BatchFailsStore final : public domain::Store {
 public:
  explicit BatchFailsStore(domain::Store& real) : real_(real) {}
  Status Read(const std::function<Status(domain::Tx&)>& work) override { return real_.Read(work); }
  Status Write(const std::function<Status(domain::Tx&)>& work) override {
    return real_.Write(work);
  }
  domain::AuditHash audit_hash() const override { return real_.audit_hash(); }
  std::uint64_t access_epoch() const override { return real_.access_epoch(); }
  bool RunInWriteBatch(std::function<void()> job,
                       std::function<void(const Status&)> done) override {
    return real_.RunInWriteBatch(std::move(job), [done = std::move(done)](const Status&) {
      done(Internal("磁盘已满（测试）"));
    });
  }

 private:
  domain::Store& real_;
};

// A short write runs in the store's write batch on SQLite and is answered after the commit; when
// the batch fails the client gets the documented internal error, not the handler's 201.
// PostgreSQL has no batches: the same request runs on the blocking pool and succeeds.
TEST_P(ApiTest, AWriteIsAnsweredOnlyByItsCommit) {
  auto school = As("school1_safety");
  const auto me = Json(school.Call("GET", "/api/v1/auth/me"));
  const auto school_id = me.at("unit").at("id").as_int64();
  const std::string body =
      json::serialize(json::object{{"school_id", school_id}, {"domain", "fire"}, {"passed", true}});
  auto ok = school.Call("POST", "/api/v1/self-inspections", body);
  ASSERT_EQ(ok.status, 201) << ok.body;

  BatchFailsStore failing(*store_);
  app::Services services{failing, clock_};
  http::ApiOptions o;
  o.web_root = web_.path();
  testing::TestServer server(services, o);
  ASSERT_NE(server.port(), 0);
  auto other = testing::LoginAs(server.port(), "school1_safety", passwords_["school1_safety"]);
  ASSERT_FALSE(other.cookie.empty());
  auto r = other.Call("POST", "/api/v1/self-inspections", body);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(r.status, 500) << r.body;
    EXPECT_EQ(ErrorCode(r), "internal");
    EXPECT_FALSE(r.headers["x-request-id"].empty());
  } else {
    EXPECT_EQ(r.status, 201) << r.body;
  }
}

// The server's side of write batches, without a store: a request the dispatcher takes is
// answered from another thread when it replies; one it does not take, and every GET, runs on the
// blocking pool; Stop waits for the answers still owed.
TEST(HttpServerTest, WritesTakenByTheBatchAreAnsweredWhenItReplies) {
  std::mutex mu;
  std::vector<std::thread> repliers;
  std::atomic<bool> replied{false};
  http::ServerOptions so;
  so.port = 0;
  so.threads = 2;
  so.shutdown_grace_seconds = 1;
  auto plain = [](const std::string& body) {
    http::HttpResponse res;
    res.status = 200;
    res.content_type = "text/plain";
    res.body = body;
    return res;
  };
  http::HttpServer server(
      so, http::ServerCallbacks{
              [](const std::string&, const std::string&) { return std::size_t{1024}; },
              [&](http::HttpRequest& req) { return plain("pool " + req.path); },
              [&](http::HttpRequest& req, std::function<void(http::HttpResponse)> reply) {
                if (req.path != "/batched" && req.path != "/slow") return false;
                const auto delay = std::chrono::milliseconds(req.path == "/slow" ? 1500 : 20);
                std::lock_guard lock(mu);
                repliers.emplace_back([&, delay, path = req.path, reply = std::move(reply)] {
                  std::this_thread::sleep_for(delay);
                  if (path == "/slow") replied = true;
                  reply(plain("batch " + path));
                });
                return true;
              }});
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  testing::HttpClient c(*port);
  EXPECT_EQ(c.Request("POST", "/batched", "{}").body, "batch /batched");
  EXPECT_EQ(c.Request("POST", "/other", "{}").body, "pool /other");
  EXPECT_EQ(c.Request("GET", "/batched").body, "pool /batched");
  EXPECT_EQ(c.Request("PUT", "/batched", "{}").body, "batch /batched");

  // A request still waiting for its batch when the server stops, past the grace period: Stop
  // returns only after its reply (which is posted to an I/O context that must still exist).
  std::string slow_answer;
  std::thread slow([&] {
    testing::HttpClient s(*port);
    slow_answer = s.Request("POST", "/slow", "{}").body;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server.Stop();
  EXPECT_TRUE(replied.load());
  slow.join();
  EXPECT_EQ(slow_answer, "batch /slow");
  std::lock_guard lock(mu);
  for (auto& t : repliers) t.join();
}

// A connection opened to the server and left idle (no request), as a flood of them would be.
class RawConnection {
 public:
  explicit RawConnection(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  bool connected() const { return connected_; }
  // Whether the server closes it within the time.
  bool ClosedWithin(std::chrono::milliseconds t) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(t.count())) <= 0) return false;
    char c;
    return ::recv(fd_, &c, 1, 0) <= 0;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

// Idle connections cannot exhaust the server: one address gets at most its share, at the total
// cap an idle connection makes room for a new one, and under pressure idle ones close sooner.
TEST(HttpServerTest, IdleConnectionsCannotExhaustTheServer) {
  auto plain = [](http::HttpRequest& req) {
    http::HttpResponse res;
    res.status = 200;
    res.content_type = "text/plain";
    res.body = "ok " + req.path;
    return res;
  };
  auto limit = [](const std::string&, const std::string&) { return std::size_t{1024}; };
  {
    http::ServerOptions so;
    so.port = 0;
    so.threads = 1;
    so.max_connections_per_address = 4;
    http::HttpServer server(so, http::ServerCallbacks{limit, plain, nullptr});
    auto port = server.Start();
    ASSERT_TRUE(port.ok());
    std::vector<std::unique_ptr<RawConnection>> idle;
    for (int i = 0; i < 4; ++i) idle.push_back(std::make_unique<RawConnection>(*port));
    for (auto& c : idle) ASSERT_TRUE(c->connected());
    RawConnection fifth(*port);
    EXPECT_TRUE(fifth.ClosedWithin(std::chrono::seconds(2)));
    EXPECT_FALSE(idle[0]->ClosedWithin(std::chrono::milliseconds(200)));
    idle.pop_back();  // one closes: there is room again
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(testing::HttpClient(*port).Request("GET", "/api/v1/health").body,
              "ok /api/v1/health");
    server.Stop();
  }
  {
    http::ServerOptions so;
    so.port = 0;
    so.threads = 1;
    so.max_connections_per_address = 0;
    so.max_connections = 4;
    so.idle_timeout_seconds = 60;
    so.pressure_idle_timeout_seconds = 1;
    http::HttpServer server(so, http::ServerCallbacks{limit, plain, nullptr});
    auto port = server.Start();
    ASSERT_TRUE(port.ok());
    std::vector<std::unique_ptr<RawConnection>> idle;
    for (int i = 0; i < 2; ++i) idle.push_back(std::make_unique<RawConnection>(*port));
    // Two of four: no pressure, the idle connections wait.
    EXPECT_FALSE(idle[0]->ClosedWithin(std::chrono::milliseconds(1500)));
    for (int i = 0; i < 2; ++i) idle.push_back(std::make_unique<RawConnection>(*port));
    // At the cap, a new connection is still served: the oldest idle one makes room.
    EXPECT_EQ(testing::HttpClient(*port).Request("GET", "/api/v1/health").body,
              "ok /api/v1/health");
    EXPECT_TRUE(idle[0]->ClosedWithin(std::chrono::seconds(1)));
    // Three quarters and more: the rest close after the shorter wait, not after a minute.
    EXPECT_TRUE(idle[1]->ClosedWithin(std::chrono::seconds(3)));
    EXPECT_TRUE(idle[3]->ClosedWithin(std::chrono::seconds(3)));
    server.Stop();
  }
}

// Many large uploads at once cannot exhaust memory: past the budget of large bodies in flight,
// the next is answered 503 (Retry-After) before its body is read; small requests pass.
TEST(HttpServerTest, LargeBodiesInFlightAreCapped) {
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  http::ServerOptions so;
  so.port = 0;
  so.threads = 1;
  so.shutdown_grace_seconds = 1;
  so.max_body_bytes_in_flight = 3 * 1024 * 1024;
  so.body_wait_seconds = 1;
  http::HttpServer server(
      so, http::ServerCallbacks{
              [](const std::string&, const std::string&) { return std::size_t{4 << 20}; },
              [&](http::HttpRequest& req) {
                if (req.path == "/hold") {
                  holding = true;
                  while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
                }
                http::HttpResponse res;
                res.content_type = "text/plain";
                res.body = std::to_string(req.body.size());
                return res;
              },
              nullptr});
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  const std::string two_mib(2 << 20, 'x');
  std::string held_answer;
  std::thread first(
      [&] { held_answer = testing::HttpClient(*port).Request("POST", "/hold", two_mib).body; });
  for (int i = 0; i < 400 && !holding; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_TRUE(holding.load());
  // 2 MiB held: another 2 MiB would pass 3 MiB. It waits a second, then is refused from its
  // header alone.
  auto refused = testing::HttpClient(*port).Raw(
      "POST /other HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n", 1);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].status, 503);
  EXPECT_EQ(refused[0].headers["retry-after"], "5");
  // A small body still passes.
  EXPECT_EQ(testing::HttpClient(*port).Request("POST", "/small", std::string(1000, 'y')).body,
            "1000");
  // One that finds the budget full waits, and goes in when the first answer is written.
  std::string waited_answer;
  std::thread waiting(
      [&] { waited_answer = testing::HttpClient(*port).Request("POST", "/other", two_mib).body; });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  release = true;
  first.join();
  waiting.join();
  EXPECT_EQ(held_answer, std::to_string(two_mib.size()));
  EXPECT_EQ(waited_answer, std::to_string(two_mib.size()));
  // The budget is free again.
  EXPECT_EQ(testing::HttpClient(*port).Request("POST", "/other", two_mib).body,
            std::to_string(two_mib.size()));
  server.Stop();
}

INSTANTIATE_TEST_SUITE_P(Stores, ApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
