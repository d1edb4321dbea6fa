#include <spdlog/spdlog.h>

#include "app/accounts/accounts.hpp"
#include "jobs/scheduler.hpp"

namespace xiaoan::jobs {

Job SessionPurgeJob(app::Services& services, std::chrono::seconds interval) {
  return Job{"session-purge", interval, [&services] {
               app::RequestContext ctx;
               ctx.actor = "system";
               auto r = app::PurgeStaleSessions(services, ctx);
               if (!r.ok()) {
                 spdlog::error("session clean-up failed: {}", r.error().message);
               } else if (r->sessions > 0 || r->tokens > 0) {
                 spdlog::info("session clean-up: {} sessions, {} API tokens deleted", r->sessions,
                              r->tokens);
               }
             }};
}

}  // namespace xiaoan::jobs
