#pragma once
// The fixture of a module's API test, on each store in turn (the parameter: "sqlite" or
// "postgres"): a fresh database holding the demo accounts, files under a temporary directory,
// the server on loopback, and the helpers every module's test reads replies with.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "support/test_server.hpp"
#include "support/test_store.hpp"

namespace xiaoan::testing {

class ModuleApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  // The clock stands at `now` (by default Monday 7 December 2026, 09:00 in China).
  explicit ModuleApiTest(const char* now = "2026-12-07T01:00:00Z");
  // Skipped (or failed in CI) when the store is not there; a module's own SetUp calls this first
  // and returns when Ready() is false.
  void SetUp() override;
  bool Ready() const { return server_ != nullptr && !IsSkipped() && !HasFatalFailure(); }

  WebSession As(const std::string& user);
  // The id of the unit of a user's account, and of the account itself.
  std::int64_t UnitOf(const std::string& user);
  std::int64_t UserIdOf(const std::string& user);
  static boost::json::value Json(const HttpReply& r);
  // The fields a 422 names, comma-separated (the status and body for any other answer).
  static std::string Fields(const HttpReply& r);
  // The first field an error names ("" when none): the rule of a 409.
  static std::string FirstField(const HttpReply& r);

  FixedClock clock_;
  TempDir files_;
  std::unique_ptr<FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<app::Services> services_;
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::string> passwords_;
};

}  // namespace xiaoan::testing
