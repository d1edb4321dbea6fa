#pragma once
// 安全监管机构和队伍 (measure 18, docs/training.md): the bureau and each school keep their safety
// office with its members, full or part time, and their qualifications; the rule staffing.office
// judges a school's office each month; the bureau sees every office on one board and exports it.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/staffing/staffing.hpp"

namespace xiaoan::app {

struct SafetyOfficeView {
  domain::staffing::SafetyOffice office;        // version 0: not written yet
  std::optional<domain::rules::Verdict> check;  // staffing.office, for a school
  bool can_edit = false;                        // training:manage over the unit
};

// A bureau's or a school's office (training:read; 404 outside scope or for another kind of unit).
Result<SafetyOfficeView> GetSafetyOffice(Services& s, const RequestContext& ctx,
                                         std::int64_t unit_id);
// Saves it whole (training:manage) at the version read (409 staffing.stale); a school is judged
// at once; audited staffing.office.edit.
Result<SafetyOfficeView> SaveSafetyOffice(Services& s, const RequestContext& ctx,
                                          domain::staffing::SafetyOffice in);

// The staffing board: every bureau and school in scope with its office's counts, and for a
// school the verdict of staffing.office today.
struct StaffingBoard {
  struct Row {
    std::int64_t unit_id = 0;
    std::string unit_name;
    std::string unit_kind;
    std::string office_name;  // "" when not written
    domain::staffing::Counts counts;
    std::optional<domain::rules::Verdict> check;
  };
  std::vector<Row> rows;  // bureaus first, then schools by name
  int offices = 0;        // written
  int members = 0;
  int full_time = 0;
};
Result<StaffingBoard> GetStaffingBoard(Services& s, const RequestContext& ctx);
Result<std::string> ExportStaffingBoard(Services& s, const RequestContext& ctx);

// 我的待办 for a school's training:manage holder while its office fails staffing.office. Items
// name the subject safety_office with the school's id.
TaskSource StaffingTaskSource();
RuleModule StaffingRuleModule();

}  // namespace xiaoan::app
