#include <spdlog/spdlog.h>

#include "app/hazards/hazards.hpp"
#include "jobs/scheduler.hpp"

namespace xiaoan::jobs {

Job HazardEscalationJob(app::Services& services, std::chrono::seconds interval) {
  return Job{"hazard-escalations", interval, [&services] {
               auto r = app::RunHazardEscalations(services);
               if (!r.ok()) {
                 spdlog::error("hazard escalation run failed: {}", r.error().message);
               } else if (*r > 0) {
                 spdlog::info("hazard escalations fired: {}", *r);
               }
             }};
}

}  // namespace xiaoan::jobs
