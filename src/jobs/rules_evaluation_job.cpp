#include <spdlog/spdlog.h>

#include "app/rules/rules.hpp"
#include "domain/hazard/hazard.hpp"
#include "jobs/scheduler.hpp"

namespace xiaoan::jobs {

Job RulesEvaluationJob(app::Services& services, std::chrono::seconds interval) {
  return Job{"rules-evaluation", interval, [&services] {
               const auto today =
                   domain::calendar::ParseDate(domain::hazard::ChinaDate(services.clock.Now()));
               if (!today) return;
               // Yesterday closes the periods that ended with it; today keeps "so far" current.
               for (const auto day : {*today - std::chrono::days{1}, *today}) {
                 auto r = app::EvaluateSchools(services, app::RequestContext{}, day);
                 if (!r.ok()) {
                   spdlog::error("rules evaluation for {} failed: {}",
                                 domain::calendar::FormatDate(day), r.error().message);
                   return;
                 }
               }
             }};
}

}  // namespace xiaoan::jobs
