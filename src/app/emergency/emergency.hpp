#pragma once
// 应急处置 (measure 19, docs/emergency.md): each school keeps its emergency command structure,
// its minimal emergency unit, the facts of its emergency card and its emergency plans; the rules
// emergency.command, emergency.unit and emergency.plan judge them each month; the bureau sees
// every school's state and exports it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/emergency/emergency.hpp"

namespace xiaoan::app {

// One rule's verdict on the setup as it stands today, with the values in force at the school.
struct EmergencyCheck {
  const domain::rules::RuleDecl* rule = nullptr;
  domain::rules::Verdict verdict;
};

struct EmergencyView {
  domain::emergency::EmergencySetup setup;  // version 0: not written yet
  std::vector<EmergencyCheck> checks;       // command, unit, plan
  // Per plan, in order: the day it must be revised again ("" when its date is unreadable) and
  // whether that day has passed.
  std::vector<std::string> review_by;
  std::vector<bool> overdue;
  bool can_edit = false;  // emergency:manage over the school
  // The school's last attack drill (防暴恐, the drill module) within the past year, if any.
  struct Drill {
    std::int64_t id = 0;
    std::string date;
    std::string title;
  };
  std::optional<Drill> attack_drill;
};

// emergency:read over the school (404 outside the caller's scope).
Result<EmergencyView> GetEmergencySetup(Services& s, const RequestContext& ctx,
                                        std::int64_t unit_id);
// Saves the whole setup (emergency:manage) at the version read (0 for a new one; 409
// emergency.stale when it changed since). A plan's file is one of the caller's own uploads not
// attached yet, or the one it already had (422 on plans[i].file_id otherwise). The school is
// judged on the module's rules at once. Audited emergency.setup.edit.
Result<EmergencyView> SaveEmergencySetup(Services& s, const RequestContext& ctx,
                                         domain::emergency::EmergencySetup in);

// The district's overview: every school in scope with its three verdicts and counts.
enum class EmergencyState { kNone, kIncomplete, kComplete };
std::string_view EmergencyStateCode(EmergencyState s);
std::string_view EmergencyStateLabel(EmergencyState s);
struct EmergencyOverview {
  struct Row {
    std::int64_t unit_id = 0;
    std::string unit_name;
    EmergencyState state = EmergencyState::kNone;
    domain::rules::Verdict command;
    domain::rules::Verdict unit;
    domain::rules::Verdict plan;
    std::string commander;
    int command_people = 0;
    int guards = 0;
    int staff = 0;
    int volunteers = 0;
    int plans = 0;
    std::string updated_at;  // "" when never written
  };
  std::vector<Row> rows;
  std::map<std::string, int> counts;  // per state code
};
Result<EmergencyOverview> GetEmergencyOverview(Services& s, const RequestContext& ctx,
                                               const std::optional<std::string>& state);
Result<std::string> ExportEmergencyOverview(Services& s, const RequestContext& ctx);

// 应急人员 in and out of Excel: the template (file name, bytes); every person of the setups in
// scope, one row each, in the template's columns (it imports back); and the import
// (emergency:manage): for each school the file names, each list it has rows of (应急指挥体系,
// 最小应急单元) replaces that list of the school's setup, the other list, the card and the plans
// kept (a school without a setup gets one). Each setup is checked whole, each problem named by
// its row and column; all or nothing. Each school changed is judged at once; audited
// emergency.import.
Result<std::pair<std::string, std::string>> EmergencyPeopleTemplate();
Result<std::pair<std::string, std::string>> ExportEmergencyPeople(Services& s,
                                                                  const RequestContext& ctx);
Result<ImportReport> ImportEmergencyPeople(Services& s, const RequestContext& ctx,
                                           std::string_view bytes, const std::string& format);

// 我的待办 for a school's emergency:manage holder: a rule of the module not met (or a plan
// falling due for revision). Items name the subject emergency_setup with the school's id.
TaskSource EmergencyTaskSource();
FileSubject EmergencyFileSubject();
RuleModule EmergencyRuleModule();

}  // namespace xiaoan::app
