// API tests over real HTTP on loopback against a server started in the test, on both stores.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "app/demo/seed_demo.hpp"
#include "core/clock.hpp"
#include "core/embedded_file.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "office/table.hpp"
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
  void SetUp() override {
    db_ = std::make_unique<testing::FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    services_ = std::make_unique<app::Services>(app::Services{*store_, clock_});
    ASSERT_TRUE(app::SeedDemo(*services_, {}, {3, "district"}).ok());
    http::ApiOptions o;
    o.web_root = web_.path();
    o.max_body_bytes = 64 * 1024;
    o.max_upload_bytes = 4 * 1024 * 1024;
    api_ = std::make_unique<http::Api>(*services_, o);
    http::ServerOptions so;
    so.port = 0;
    so.threads = 2;
    so.shutdown_grace_seconds = 2;
    server_ = std::make_unique<http::HttpServer>(
        so, http::ServerCallbacks{[this](const std::string& m, const std::string& p) {
                                    return api_->BodyLimit(m, p);
                                  },
                                  [this](http::HttpRequest& r) { return api_->Dispatch(r); }});
    auto port = server_->Start();
    ASSERT_TRUE(port.ok());
    port_ = *port;
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }

  HttpReply Call(const std::string& method, const std::string& target, const std::string& body = {},
                 const std::map<std::string, std::string>& headers = {}) {
    HttpClient c(port_);
    return c.Request(method, target, body, headers);
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
  SystemClock clock_;
  std::unique_ptr<app::Services> services_;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::HttpServer> server_;
  int port_ = 0;
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
      "GET /api/v1/schools?page_size=1 HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n",
      3);
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0].status, 200);
  EXPECT_EQ(replies[1].status, 200);
  EXPECT_NE(replies[1].body.find("\"items\""), std::string::npos);
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
  for (const auto& route : api_->router().routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    const auto* path = paths.if_contains(route.pattern);
    ASSERT_NE(path, nullptr) << "openapi.yaml lacks " << route.pattern;
    EXPECT_TRUE(path->as_object().contains(method))
        << "openapi.yaml lacks " << route.method << " " << route.pattern;
  }
}

INSTANTIATE_TEST_SUITE_P(Stores, ApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
