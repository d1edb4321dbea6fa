#include "app/modules.hpp"

#include "app/audit/audit_log.hpp"
#include "app/campaigns/campaigns.hpp"
#include "app/drills/drills.hpp"
#include "app/duty/duty.hpp"
#include "app/duty/supervision.hpp"
#include "app/duty/work.hpp"
#include "app/edu/drowning.hpp"
#include "app/edu/edu.hpp"
#include "app/edu/joint.hpp"
#include "app/edu/lessons.hpp"
#include "app/edu/letters.hpp"
#include "app/emergency/emergency.hpp"
#include "app/hazards/hazards.hpp"
#include "app/patrols/patrols.hpp"
#include "app/platform/minors.hpp"
#include "app/security/security.hpp"
#include "app/staffing/staffing.hpp"
#include "app/traffic/buses.hpp"
#include "app/traffic/campus.hpp"
#include "app/traffic/guide.hpp"
#include "app/training/training.hpp"
#include "app/whistles/whistles.hpp"

namespace xiaoan::app {

const std::vector<FileSubject>& FileSubjects() {
  static const std::vector<FileSubject> kSubjects = {
      HazardFileSubject(),    DrillFileSubject(),      PatrolFileSubject(),
      CampaignFileSubject(),  WhistleFileSubject(),    WhistleEventFileSubject(),
      ScreeningFileSubject(), EduCheckInFileSubject(), LessonFileSubject(),
      EmergencyFileSubject(), JointReportFileSubject()};
  return kSubjects;
}

const std::vector<SupervisionSubject>& SupervisionSubjects() {
  static const std::vector<SupervisionSubject> kSubjects = {HazardSupervisionSubject()};
  return kSubjects;
}

const std::vector<TaskSource>& TaskSources() {
  static const std::vector<TaskSource> kSources = {
      HazardTaskSource(),   SupervisionTaskSource(),
      WhistleTaskSource(),  AuditTaskSource(),
      EduTaskSource(),      LessonTaskSource(),
      LetterTaskSource(),   DrowningTaskSource(),
      JointTaskSource(),    BusTaskSource(),
      GuideTaskSource(),    EmergencyTaskSource(),
      TrainingTaskSource(), StaffingTaskSource(),
      DutyTaskSource(),     SupervisionCoverageTaskSource(),
      WorkTaskSource(),     MinorsGrantTaskSource()};
  return kSources;
}

const std::vector<RuleModule>& RuleModules() {
  static const std::vector<RuleModule> kModules = {
      HazardRuleModule(),   DrillRuleModule(),   PatrolRuleModule(),    SecurityRuleModule(),
      WhistleRuleModule(),  EduRuleModule(),     LessonRuleModule(),    DrowningRuleModule(),
      BusRuleModule(),      TrafficRuleModule(), EmergencyRuleModule(), TrainingRuleModule(),
      StaffingRuleModule(), DutyRuleModule()};
  return kModules;
}

}  // namespace xiaoan::app
