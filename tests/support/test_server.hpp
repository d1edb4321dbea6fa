#pragma once
// A real HTTP server for API tests: the application's Api on a free loopback port.
#include <map>
#include <memory>
#include <string>

#include "app/context.hpp"
#include "http/api.hpp"
#include "http/server.hpp"

namespace xiaoan::testing {

class TestServer {
 public:
  TestServer(app::Services& services, http::ApiOptions options);
  ~TestServer();
  // 0 when the server could not start.
  int port() const { return port_; }
  const http::Api& api() const { return *api_; }

 private:
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::HttpServer> server_;
  int port_ = 0;
};

// Seeds the demo district; returns username → generated password (empty on failure).
std::map<std::string, std::string> SeedDemoAccounts(app::Services& services, std::uint64_t seed);

}  // namespace xiaoan::testing
