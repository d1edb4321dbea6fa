#include <spdlog/spdlog.h>

#include "app/audit/audit_log.hpp"
#include "app/demo/seed_demo.hpp"
#include "jobs/scheduler.hpp"

namespace xiaoan::jobs {

Job VerifyAuditJob(app::Services& services, std::chrono::seconds interval) {
  return Job{"verify-audit", interval, [&services] {
               auto r = app::VerifyAudit(services);
               if (!r.ok()) {
                 spdlog::error("audit verification could not run: {}", r.error().message);
               } else if (r->first_break) {
                 spdlog::error("audit chain broken at record {}: {}", r->first_break->id,
                               r->first_break->reason);
               } else {
                 spdlog::info("audit chain verified: {} records", r->checked);
               }
             }};
}

}  // namespace xiaoan::jobs
