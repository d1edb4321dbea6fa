#include <spdlog/spdlog.h>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "app/audit/audit_log.hpp"
#include "app/platform/platform.hpp"
#include "cli/commands.hpp"
#include "cli/instance.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "jobs/scheduler.hpp"
#include "office/table.hpp"
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

  auto listen = ParseListen(cfg.listen);
  if (!listen.ok()) return Fail(listen.error());
  // One serve per SQLite database: each process caches sessions and permissions, invalidated only
  // by its own writes, so a second one would honour what the first has revoked. (On PostgreSQL
  // several instances share the database, each on its own address.)
  std::unique_ptr<InstanceLock> lock;
  const std::string url = cfg.DatabaseUrl();
  if (url.rfind("sqlite:", 0) == 0) {
    const std::filesystem::path db(url.substr(7));
    std::error_code ec;
    if (db.has_parent_path()) std::filesystem::create_directories(db.parent_path(), ec);
    const std::string holder = "进程 " + std::to_string(::getpid()) + "，监听 " + cfg.listen +
                               "，" + FormatInstant(SystemClock().Now()) + " 启动，版本 " +
                               kVersion + "\n";
    auto acquired = InstanceLock::Acquire(db.string() + ".lock", holder, "数据库 " + db.string());
    if (!acquired.ok()) return Fail(acquired.error());
    lock = std::move(*acquired);
  }

  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  app::Services& services = (*opened)->services;
  {
    // Records committed but not anchored when the server last stopped (or appended behind its
    // back) are recorded in the chain before anything else is written.
    app::RequestContext ctx;
    ctx.actor = "system";
    if (auto st = app::ReanchorAudit(services, ctx, "服务启动时"); !st.ok()) {
      spdlog::error("audit head: {}", st.error().message);
    }
    // Personal-information fields as configured (GM profile): sealed or opened, and their blind
    // indexes current, before the first request. A value that cannot be opened stops the start.
    auto protection = app::ProtectPersonalFields(services, ctx);
    if (!protection.ok()) return Fail(protection.error());
    if (protection->changed > 0) {
      spdlog::info("personal fields: {} rewritten, {} sealed", protection->changed,
                   protection->sealed);
    }
  }
  {
    // .xls imports are read by this program in a child process: a fault in FreeXL ends the
    // child, not the server.
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) office::UseXlsHelper(self.string());
  }
  http::ApiOptions api_options;
  api_options.web_root = cfg.web_root;
  api_options.secure_cookies = cfg.secure_cookies;
  api_options.max_body_bytes = cfg.max_body_bytes;
  api_options.max_upload_bytes = cfg.max_upload_bytes;
  api_options.version = kVersion;
  http::Api api(services, api_options);

  http::ServerOptions o;
  o.host = listen->host;
  o.port = listen->port;
  o.threads = cfg.threads;
  o.max_header_bytes = cfg.max_header_bytes;
  o.read_timeout_seconds = cfg.read_timeout_seconds;
  o.idle_timeout_seconds = cfg.idle_timeout_seconds;
  o.max_body_bytes_in_flight = cfg.max_body_bytes_in_flight;
  // Behind nginx every connection comes from the proxy: nginx caps per client (limit_conn).
  o.max_connections_per_address = cfg.trust_forwarded_for ? 0 : cfg.max_connections_per_address;
  {
    // As many descriptors as the system allows, and never more connections than fit in them
    // (beside the database, files and logs).
    rlimit nofile{};
    if (::getrlimit(RLIMIT_NOFILE, &nofile) == 0) {
      if (nofile.rlim_cur < nofile.rlim_max) {
        nofile.rlim_cur = nofile.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &nofile);
        (void)::getrlimit(RLIMIT_NOFILE, &nofile);
      }
      const auto fit = static_cast<long long>(nofile.rlim_cur) - 256;
      o.max_connections =
          static_cast<int>(std::max<long long>(16, std::min<long long>(cfg.max_connections, fit)));
      if (o.max_connections < cfg.max_connections) {
        spdlog::warn("server.max_connections lowered to {} (descriptor limit {})",
                     o.max_connections, static_cast<long long>(nofile.rlim_cur));
      }
    } else {
      o.max_connections = cfg.max_connections;
    }
  }
  o.shutdown_grace_seconds = cfg.shutdown_grace_seconds;
  o.trust_forwarded_for = cfg.trust_forwarded_for;
  http::HttpServer server(
      o, {[&api](const std::string& m, const std::string& p) { return api.BodyLimit(m, p); },
          [&api](http::HttpRequest& req) { return api.Dispatch(req); },
          [&api](http::HttpRequest& req, std::function<void(http::HttpResponse)> reply) {
            return api.DispatchInWriteBatch(req, std::move(reply));
          }});
  auto bound = server.Start();
  if (!bound.ok()) {
    Error e = bound.error();
    if (o.port != 0) {
      if (auto other = DescribeListener(o.port)) e.message += "；占用者：" + *other;
    }
    return Fail(e);
  }
  spdlog::info("xiaoan {} listening on http://{}:{}/ (database {})", kVersion, o.host, *bound,
               (*opened)->store->pool().Describe());
  jobs::Scheduler scheduler;
  scheduler.Add(jobs::VerifyAuditJob(services, std::chrono::hours(24)));
  scheduler.Add(jobs::HazardEscalationJob(services, std::chrono::minutes(10)));
  scheduler.Add(jobs::WhistleEscalationJob(services, std::chrono::minutes(5)));
  scheduler.Add(jobs::RulesEvaluationJob(services, std::chrono::hours(3)));
  scheduler.Add(jobs::SessionPurgeJob(services, std::chrono::hours(24)));
  scheduler.Start();
  server.WaitForSignal();
  scheduler.Stop();
  spdlog::info("stopped; closing the store");
  return kExitOk;
}

}  // namespace xiaoan::cli
