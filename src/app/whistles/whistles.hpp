#pragma once
// 学校吹哨、部门报到 (measure 5): a school raises a whistle, the departments its bureau's routing
// table sends it to acknowledge and follow up, the school confirms the result or sends it back;
// overdue acknowledgements and feedback escalate to the bureau. docs/whistle.md.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/platform/file.hpp"
#include "domain/whistle/whistle.hpp"

namespace xiaoan::app {

struct WhistleView {
  domain::whistle::Whistle whistle;
  std::vector<domain::StoredFile> files;
  // The photos a department attached to its feedback, by the event's id.
  std::map<std::int64_t, std::vector<domain::StoredFile>> event_files;
  struct Flags {
    bool ack_overdue = false;
    bool feedback_overdue = false;
  };
  std::vector<Flags> flags;  // per assignment, judged now
  bool overdue = false;      // any assignment overdue
  struct Can {
    bool acknowledge = false;
    bool feedback = false;
    bool confirm = false;
    bool send_back = false;
    bool route = false;
    bool hazard = false;  // may become a hazard (the school, not linked yet)
  } can;
};

struct WhistleQuery {
  domain::whistle::WhistleFilter filter;
  bool overdue = false;  // only whistles with an overdue acknowledgement or feedback
  bool todo = false;     // only what waits for the caller
};

// `hazard_id`: a hazard of the school it cannot fix alone, raised as a whistle (its photos go
// with it; one whistle per hazard).
Result<WhistleView> RaiseWhistle(Services& s, const RequestContext& ctx, domain::UnitId school_id,
                                 domain::whistle::Draft draft,
                                 const std::vector<std::int64_t>& file_ids,
                                 std::optional<std::int64_t> hazard_id = std::nullopt);
// The same inside the caller's transaction (another module's write that raises a whistle with
// its own record in one step); the new whistle's id.
Result<std::int64_t> RaiseWhistleIn(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                    domain::UnitId school_id, domain::whistle::Draft draft,
                                    const std::vector<std::int64_t>& file_ids = {},
                                    std::optional<std::int64_t> hazard_id = std::nullopt);
// Work inside the school: the whistle becomes a hazard of the school's ledger (source whistle,
// its photos copied); `domain` and `level` default from the category and the severity.
Result<WhistleView> WhistleToHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                    std::optional<std::string> domain,
                                    std::optional<std::string> level);
Result<WhistleView> GetWhistle(Services& s, const RequestContext& ctx, std::int64_t id);
Result<domain::PageResult<WhistleView>> ListWhistles(Services& s, const RequestContext& ctx,
                                                     const WhistleQuery& query,
                                                     const domain::PageRequest& page);
// The caller's department reports in (报到).
Result<WhistleView> AcknowledgeWhistle(Services& s, const RequestContext& ctx, std::int64_t id,
                                       const std::string& note);
// Progress (final = false: the next report is due a feedback interval later) or the result,
// with up to 9 photos the caller uploaded (file_ids), attached to the timeline's event.
Result<WhistleView> ReportWhistleFeedback(Services& s, const RequestContext& ctx, std::int64_t id,
                                          const std::string& note, bool final,
                                          const std::vector<std::int64_t>& file_ids = {});
Result<WhistleView> ConfirmWhistle(Services& s, const RequestContext& ctx, std::int64_t id,
                                   const std::string& note);
Result<WhistleView> SendBackWhistle(Services& s, const RequestContext& ctx, std::int64_t id,
                                    const std::string& note);
// The bureau sends the whistle to more departments.
Result<WhistleView> RouteWhistle(Services& s, const RequestContext& ctx, std::int64_t id,
                                 const std::vector<std::int64_t>& department_ids);

// ---- The bureau's routing table ----------------------------------------------------------------
struct WhistleRoutes {
  domain::Unit bureau;
  struct Row {
    std::string category;
    std::vector<domain::Unit> departments;
    bool custom = false;  // set by the bureau (otherwise the default by department kind)
  };
  std::vector<Row> rows;
  std::vector<domain::Unit> departments;  // what the bureau may route to
};
Result<WhistleRoutes> GetWhistleRoutes(Services& s, const RequestContext& ctx);
Result<WhistleRoutes> SetWhistleRoutes(Services& s, const RequestContext& ctx,
                                       const std::vector<domain::whistle::Route>& routes);

// ---- Department statistics ---------------------------------------------------------------------
struct WhistleStats {
  std::string from;  // YYYY-MM-DD, whistles raised from this day …
  std::string to;    // … to this day (inclusive), in China
  std::vector<domain::whistle::DepartmentStats> items;
  domain::whistle::DepartmentStats totals;
};
Result<WhistleStats> GetWhistleStats(Services& s, const RequestContext& ctx,
                                     const std::optional<std::string>& from,
                                     const std::optional<std::string>& to);
Result<std::string> ExportWhistleStats(Services& s, const RequestContext& ctx,
                                       const std::optional<std::string>& from,
                                       const std::optional<std::string>& to);

// ---- Periodic reports (whistle.periodic) -------------------------------------------------------
struct SchoolWhistleReports {
  std::int64_t school_id = 0;
  std::string school_name;
  std::string month;  // this month (YYYY-MM, in China)
  std::optional<domain::whistle::PeriodicReport> current;
  // What this month's report would say if filed now.
  domain::whistle::PeriodicReport draft;
  std::vector<domain::whistle::PeriodicReport> reports;  // newest month first
  bool can_file = false;
};
Result<SchoolWhistleReports> GetSchoolWhistleReports(Services& s, const RequestContext& ctx,
                                                     domain::UnitId school_id);
// Files this month's report of the school (again: replaces it) from its open whistles, judged at
// once on whistle.periodic.
Result<SchoolWhistleReports> FileWhistleReport(Services& s, const RequestContext& ctx,
                                               domain::UnitId school_id, const std::string& note);
struct WhistleReportBoard {
  std::string month;
  struct Row {
    std::int64_t school_id = 0;
    std::string school_name;
    std::optional<domain::whistle::PeriodicReport> report;
  };
  std::vector<Row> rows;  // every school in scope, by name
  int filed = 0;
  int nil = 0;
};
Result<WhistleReportBoard> GetWhistleReportBoard(Services& s, const RequestContext& ctx,
                                                 const std::optional<std::string>& month);

// The scheduled run: every overdue acknowledgement or feedback not yet escalated is marked, put
// on the whistle's timeline and told to the bureau's safety office. Returns how many.
Result<int> RunWhistleEscalations(Services& s);

RuleModule WhistleRuleModule();
// 我的待办: the caller's whistle to-do (as the list's todo=true).
TaskSource WhistleTaskSource();
FileSubject WhistleFileSubject();
// A feedback's photos are readable by whoever may read its whistle.
FileSubject WhistleEventFileSubject();

}  // namespace xiaoan::app
