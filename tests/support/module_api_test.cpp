#include "support/module_api_test.hpp"

namespace xiaoan::testing {

namespace json = boost::json;

namespace {

Instant At(const char* text) {
  Instant t;
  ParseInstant(text, t);
  return t;
}

}  // namespace

ModuleApiTest::ModuleApiTest(const char* now) : clock_(At(now)) {}

void ModuleApiTest::SetUp() {
  db_ = std::make_unique<FreshDatabase>(GetParam());
  XA_REQUIRE_DB(*db_);
  store_ = OpenStore(db_->url());
  ASSERT_NE(store_, nullptr);
  services_ = std::make_unique<app::Services>(app::Services{*store_, clock_});
  services_->files_dir = files_.path();
  passwords_ = SeedDemoAccounts(*services_, 7);
  ASSERT_FALSE(passwords_.empty());
  http::ApiOptions o;
  o.web_root = "/nonexistent";
  auto server = std::make_unique<TestServer>(*services_, o);
  ASSERT_NE(server->port(), 0);
  server_ = std::move(server);
}

WebSession ModuleApiTest::As(const std::string& user) {
  return LoginAs(server_->port(), user, passwords_[user]);
}

std::int64_t ModuleApiTest::UnitOf(const std::string& user) {
  return Json(As(user).Call("GET", "/api/v1/auth/me")).at("unit").at("id").as_int64();
}

std::int64_t ModuleApiTest::UserIdOf(const std::string& user) {
  return Json(As(user).Call("GET", "/api/v1/auth/me")).at("user").at("id").as_int64();
}

json::value ModuleApiTest::Json(const HttpReply& r) { return json::parse(r.body); }

std::string ModuleApiTest::Fields(const HttpReply& r) {
  if (r.status != 422) return "status " + std::to_string(r.status) + ": " + r.body;
  std::string out;
  const auto body = Json(r);
  for (const auto& d : body.at("error").at("details").as_array()) {
    out += (out.empty() ? "" : ",") + std::string(d.at("field").as_string());
  }
  return out;
}

std::string ModuleApiTest::FirstField(const HttpReply& r) {
  const auto body = Json(r);
  const auto& details = body.at("error").at("details").as_array();
  return details.empty() ? "" : std::string(details[0].at("field").as_string());
}

}  // namespace xiaoan::testing
