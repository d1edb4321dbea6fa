#include <spdlog/spdlog.h>

#include <csignal>

#include "cli/commands.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "jobs/scheduler.hpp"
#include "version.hpp"

namespace xiaoan::cli {

int RunServe(const Config& cfg) {
  // Block the stop signals before any thread starts, so that only WaitForSignal receives them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  app::Services& services = (*opened)->services;
  http::ApiOptions api_options;
  api_options.web_root = cfg.web_root;
  api_options.secure_cookies = cfg.secure_cookies;
  api_options.max_body_bytes = cfg.max_body_bytes;
  api_options.max_upload_bytes = cfg.max_upload_bytes;
  api_options.version = kVersion;
  http::Api api(services, api_options);

  http::ServerOptions o;
  const auto colon = cfg.listen.rfind(':');
  o.host = cfg.listen.substr(0, colon);
  if (o.host.size() > 2 && o.host.front() == '[') o.host = o.host.substr(1, o.host.size() - 2);
  const int port = std::atoi(cfg.listen.substr(colon + 1).c_str());
  if (port < 0 || port > 65535) return Fail(InvalidArgument("listen", "端口须在 0 到 65535 之间"));
  o.port = static_cast<unsigned short>(port);
  o.threads = cfg.threads;
  o.max_header_bytes = cfg.max_header_bytes;
  o.read_timeout_seconds = cfg.read_timeout_seconds;
  o.idle_timeout_seconds = cfg.idle_timeout_seconds;
  o.shutdown_grace_seconds = cfg.shutdown_grace_seconds;
  o.trust_forwarded_for = cfg.trust_forwarded_for;
  http::HttpServer server(
      o, {[&api](const std::string& m, const std::string& p) { return api.BodyLimit(m, p); },
          [&api](http::HttpRequest& req) { return api.Dispatch(req); },
          [&api](http::HttpRequest& req, std::function<void(http::HttpResponse)> reply) {
            return api.DispatchInWriteBatch(req, std::move(reply));
          }});
  auto bound = server.Start();
  if (!bound.ok()) return Fail(bound.error());
  spdlog::info("xiaoan {} listening on http://{}:{}/ (database {})", kVersion, o.host, *bound,
               (*opened)->store->pool().Describe());
  jobs::Scheduler scheduler;
  scheduler.Add(jobs::VerifyAuditJob(services, std::chrono::hours(24)));
  scheduler.Add(jobs::HazardEscalationJob(services, std::chrono::minutes(10)));
  scheduler.Start();
  server.WaitForSignal();
  scheduler.Stop();
  spdlog::info("stopped; closing the store");
  return kExitOk;
}

}  // namespace xiaoan::cli
