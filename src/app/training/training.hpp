#pragma once
// 安全培训 (measures 17 and 19, docs/training.md): each school keeps its staff in key posts and
// records the training sessions it holds with who attended (by hand or from a sign-in sheet); the
// due list shows who must be trained next and by when; the rules training.rotation (each month)
// and training.holiday (each semester, for the vacation before it) judge the school; the bureau
// sees every school on one board and exports it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/training/training.hpp"

namespace xiaoan::app {

struct TrainingCheck {
  const domain::rules::RuleDecl* rule = nullptr;
  domain::rules::Verdict verdict;
};

// A person with where they stand.
struct TrainingStaffItem {
  domain::training::KeyStaff staff;
  domain::training::Due due;
};

struct TrainingStaffView {
  domain::Unit school;
  bool can_edit = false;  // training:manage over the school
  std::string today;
  int interval_months = 12;
  std::vector<TrainingStaffItem> items;  // the due list's order
  std::vector<TrainingCheck> checks;     // rotation, holiday (today)
};

// The school's due list (training:read; 404 outside scope). A school's user reads their own
// school without naming it; others name it (422 on unit_id otherwise).
Result<TrainingStaffView> GetTrainingStaff(Services& s, const RequestContext& ctx,
                                           std::optional<std::int64_t> unit_id);
// training:manage. Adds a person to their school's list, or updates one at the version read (409
// training.stale when it changed since); the school is judged at once; audited
// training.staff.add / training.staff.edit.
Result<TrainingStaffItem> AddTrainingStaff(Services& s, const RequestContext& ctx,
                                           domain::training::KeyStaff in);
Result<TrainingStaffItem> UpdateTrainingStaff(Services& s, const RequestContext& ctx,
                                              domain::training::KeyStaff in);

struct TrainingSessionsView {
  domain::Unit school;
  bool can_edit = false;
  std::vector<domain::training::Session> items;  // newest first
};
Result<TrainingSessionsView> ListTrainingSessions(Services& s, const RequestContext& ctx,
                                                  std::optional<std::int64_t> unit_id,
                                                  const std::string& kind);
Result<domain::training::Session> GetTrainingSession(Services& s, const RequestContext& ctx,
                                                     std::int64_t id);
// training:manage. Each attendee one of the school's active key-post people (422 naming
// staff_ids[i] otherwise); judged at once; audited training.session.add / .delete.
Result<domain::training::Session> RecordTrainingSession(Services& s, const RequestContext& ctx,
                                                        domain::training::Session in);
Status DeleteTrainingSession(Services& s, const RequestContext& ctx, std::int64_t id);

// The sign-in sheet (签到表): its template, and its import onto a session (training:manage):
// names matched to the school's active key-post people join the attendees, the other names
// raise the count of other attendees; a name in a cell that cannot be stored is refused with its
// row, nothing changed. Audited training.session.sign_in.
struct SignInReport {
  int rows = 0;
  int matched = 0;
  int others = 0;
  int failed = 0;  // rows refused
  bool applied = false;
  std::vector<ImportRowError> errors;
};
Result<std::pair<std::string, std::string>> TrainingSignInTemplate();
Result<SignInReport> ImportTrainingSignIn(Services& s, const RequestContext& ctx,
                                          std::int64_t session_id, std::string_view bytes,
                                          const std::string& format);

// The bureau's board: every school in scope with its counts and both verdicts today.
struct TrainingBoard {
  struct Row {
    std::int64_t unit_id = 0;
    std::string unit_name;
    int staff = 0;  // active
    int overdue = 0;
    int due_soon = 0;
    std::string last_session_on;
    domain::rules::Verdict rotation;
    domain::rules::Verdict holiday;
  };
  std::string today;
  std::vector<Row> rows;
  int schools = 0;
  int staff = 0;
  int overdue = 0;
  int due_soon = 0;
};
Result<TrainingBoard> GetTrainingBoard(Services& s, const RequestContext& ctx);
Result<std::string> ExportTrainingBoard(Services& s, const RequestContext& ctx);

// 我的待办 for a school's training:manage holder: people overdue or due soon, and the vacation
// training not yet held. Items name the subject training_staff with the school's id.
TaskSource TrainingTaskSource();
RuleModule TrainingRuleModule();

}  // namespace xiaoan::app
