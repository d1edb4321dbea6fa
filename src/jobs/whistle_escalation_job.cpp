#include <spdlog/spdlog.h>

#include "app/whistles/whistles.hpp"
#include "jobs/scheduler.hpp"

namespace xiaoan::jobs {

Job WhistleEscalationJob(app::Services& services, std::chrono::seconds interval) {
  return Job{"whistle-escalations", interval, [&services] {
               auto r = app::RunWhistleEscalations(services);
               if (!r.ok()) {
                 spdlog::error("whistle escalation run failed: {}", r.error().message);
               } else if (*r > 0) {
                 spdlog::info("whistle escalations fired: {}", *r);
               }
             }};
}

}  // namespace xiaoan::jobs
