// The whole route table of the API: one line per area.
#include "app/accounts/accounts.hpp"
#include "http/api.hpp"

namespace xiaoan::http {

void AddRoutes(Router& router, app::Services& services, const ApiOptions& options) {
  AddSystemRoutes(router, options);
  const auto throttle = std::make_shared<app::LoginThrottle>();
  AddAuthRoutes(router, services, options, throttle);
  AddAdminRoutes(router, services, options, throttle);
  AddOrgRoutes(router, services, options);
  AddBoardRoutes(router, services);
  AddPlatformRoutes(router, services, options);
  AddHazardRoutes(router, services, options);
  AddCalendarRoutes(router, services);
  AddDrillRoutes(router, services);
  AddChecklistRoutes(router, services);
  AddPatrolRoutes(router, services);
  AddSecurityRoutes(router, services);
  AddWhistleRoutes(router, services);
  AddEduRoutes(router, services);
  AddLessonRoutes(router, services);
  AddLetterRoutes(router, services);
  AddWaterRoutes(router, services);
  AddBusRoutes(router, services);
  AddTrafficRoutes(router, services);
  AddTrafficGuideRoutes(router, services);
  AddEmergencyRoutes(router, services);
  AddTrainingRoutes(router, services);
  AddStaffingRoutes(router, services);
  AddDutyRoutes(router, services);
  AddSupervisionItemRoutes(router, services);
  AddWorkRoutes(router, services);
  AddDrowningRoutes(router, services);
  AddJointRoutes(router, services);
  AddMinorsRoutes(router, services);
  AddCampaignRoutes(router, services);
  AddRuleRoutes(router, services);
}

}  // namespace xiaoan::http
