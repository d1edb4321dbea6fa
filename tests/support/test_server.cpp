#include "support/test_server.hpp"

#include "app/demo/seed_demo.hpp"

namespace xiaoan::testing {

TestServer::TestServer(app::Services& services, http::ApiOptions options)
    : api_(std::make_unique<http::Api>(services, std::move(options))) {
  http::ServerOptions so;
  so.port = 0;
  so.threads = 2;
  so.shutdown_grace_seconds = 2;
  server_ = std::make_unique<http::HttpServer>(
      so, http::ServerCallbacks{
              [this](const std::string& m, const std::string& p) { return api_->BodyLimit(m, p); },
              [this](http::HttpRequest& r) { return api_->Dispatch(r); },
              [this](http::HttpRequest& r, std::function<void(http::HttpResponse)> reply) {
                return api_->DispatchInWriteBatch(r, std::move(reply));
              }});
  auto port = server_->Start();
  if (port.ok()) port_ = *port;
}

TestServer::~TestServer() { server_->Stop(); }

std::map<std::string, std::string> SeedDemoAccounts(app::Services& services, std::uint64_t seed) {
  std::map<std::string, std::string> passwords;
  auto demo = app::SeedDemo(services, {}, {seed, "district"});
  if (demo.ok()) {
    for (const auto& a : demo->accounts) passwords[a.username] = a.password;
  }
  return passwords;
}

}  // namespace xiaoan::testing
