#pragma once
// 防溺水警示提醒 (measure 9, rule edu.drowning; docs/education.md): the warning days each class
// has on its school's calendar (more for rural, township and urban-rural-fringe schools, and on
// the days of the bureau's warning campaigns), the class teacher's record of a warning given (a
// 1530 check-in about drowning on the day counts too), the bureau's campaigns, and the board of
// who warned and who did not.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/edu/edu.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/edu/drowning.hpp"

namespace xiaoan::app {

inline constexpr const char* kDrowningModule = "edu_drowning";

// ---- The class teacher's warnings --------------------------------------------------------------
struct WarningCampaignRef {
  std::int64_t id = 0;
  std::string title;
  std::string text;
};
struct WarningView {
  domain::edu::Class cls;
  domain::edu::WarningDay day;
  domain::edu::SessionState state = domain::edu::SessionState::kUpcoming;
  std::string via;  // how it was given: "warning" (its own record), "checkin" (1530), "" not yet
  std::optional<domain::edu::DrowningWarning> warning;
  std::int64_t checkin_id = 0;  // the 1530 check-in about drowning on the day, if any
  std::string text;             // what to say: the content library's drowning text for the class
  std::vector<WarningCampaignRef> campaigns;
  bool can_give = false;
};
struct MyWarnings {
  domain::calendar::Date today{};
  int late_days = 0;
  // The day's warnings first; then earlier ones still open for a late record, newest first; then
  // the last two weeks' missed ones.
  std::vector<WarningView> items;
};
// The caller's classes (or one class they may record for), on `date` (default today in China).
Result<MyWarnings> ListMyWarnings(Services& s, const RequestContext& ctx,
                                  std::optional<std::int64_t> class_id,
                                  const std::optional<std::string>& date);
struct WarningInput {
  std::int64_t class_id = 0;
  std::string date;
  std::string note;
};
// Records the warning of a class on one of its warning days: on the day or late within the rule's
// late_days; audited as edu.drowning.warn, and the school's rule judged again.
Result<WarningView> GiveWarning(Services& s, const RequestContext& ctx, WarningInput in);

// ---- Campaigns ---------------------------------------------------------------------------------
struct DrowningCampaignView {
  domain::edu::DrowningCampaign campaign;
  std::string unit_name;
  bool can_delete = false;
};
// The campaigns that concern the caller (issued in their scope, or above them and aimed at their
// school), newest first.
Result<std::vector<DrowningCampaignView>> ListDrowningCampaigns(Services& s,
                                                                const RequestContext& ctx);
// Issued by the caller's unit (edu:content); audited as edu.drowning.campaign.
Result<DrowningCampaignView> CreateDrowningCampaign(Services& s, const RequestContext& ctx,
                                                    domain::edu::DrowningCampaign in);
Status DeleteDrowningCampaign(Services& s, const RequestContext& ctx, std::int64_t id);

// ---- The board ---------------------------------------------------------------------------------
struct DrowningSchoolRow {
  std::int64_t school_id = 0;
  std::string school_name;
  std::string location_type;
  bool high_risk = false;
  int classes = 0;
  int days = 0;  // warning days in the range
  domain::edu::Completion completion;
};
struct DrowningClassRow {
  domain::edu::Class cls;
  domain::edu::Completion completion;
};
struct DrowningMissing {
  std::size_t cls = 0;  // into DrowningBoard::classes
  domain::calendar::Date date{};
};
struct DrowningBoard {
  bool school = false;
  std::int64_t school_id = 0;
  std::string school_name;
  std::string location_type;      // a school's
  bool high_risk_school = false;  // a school's: rural, township or fringe
  int days = 0;                   // a school's warning days in the range
  domain::calendar::Date from{};
  domain::calendar::Date to{};
  std::string label;
  domain::edu::Completion totals;
  domain::edu::Completion high_risk;  // rural, township and fringe schools
  domain::edu::Completion other;
  std::vector<DrowningSchoolRow> schools;  // the district's, lowest rate first
  std::vector<DrowningClassRow> classes;   // a school's, by grade and name
  std::vector<DrowningMissing> missing;    // a school's, newest first, at most kMissingLimit
};
// Same periods as the 1530 board (week, semester, custom).
Result<DrowningBoard> GetDrowningBoard(Services& s, const RequestContext& ctx,
                                       const CompletionQuery& q);
Result<std::string> ExportDrowningBoard(Services& s, const RequestContext& ctx,
                                        const CompletionQuery& q);

// Registration (app/modules.cpp).
RuleModule DrowningRuleModule();
TaskSource DrowningTaskSource();

}  // namespace xiaoan::app
