#pragma once
// 1530 安全提醒 (measure 20): each school's classes with their class teacher, the sessions the
// school's calendar gives each class (computed, never stored ahead), the class teacher's
// check-in with an optional photo, completion per class, school and district, and the rules
// edu.1530.daily, .weekly and .holiday in the engine (docs/education.md).
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/edu/edu.hpp"

namespace xiaoan::app {

struct ImportReport;

// ---- Classes -----------------------------------------------------------------------------------
// Classes of schools in scope. A caller who checks in but does not manage classes (a class
// teacher) sees only the classes they teach.
Result<domain::PageResult<domain::edu::Class>> ListEduClasses(Services& s,
                                                              const RequestContext& ctx,
                                                              domain::edu::ClassFilter f,
                                                              const domain::PageRequest& page);
// A class of a school in scope (errors name school_id, grade, name, teacher: an active account of
// that school); one per school, grade and name.
Result<domain::edu::Class> CreateEduClass(Services& s, const RequestContext& ctx,
                                          std::int64_t school_id, domain::edu::ClassDraft d);
struct ClassUpdate {
  domain::edu::ClassDraft draft;
  bool active = true;
  bool keep_students = false;  // the request left 班级人数 out: the stored number stays
  int version = 0;  // the version read (409 edu_class.stale when another save came first)
};
Result<domain::edu::Class> UpdateEduClass(Services& s, const RequestContext& ctx, std::int64_t id,
                                          ClassUpdate in);
// The import template (学校代码, 年级, 班级, 班主任用户名) and a notes sheet.
Result<std::string> EduClassTemplate();
// Creates the classes in the file and updates the class teacher of those that exist, all or
// nothing, with the problems by row and column.
Result<ImportReport> ImportEduClasses(Services& s, const RequestContext& ctx,
                                      std::string_view bytes, const std::string& format);
Result<std::string> ExportEduClasses(Services& s, const RequestContext& ctx,
                                     domain::edu::ClassFilter f);

// Who records for a class (1530 check-ins, drowning warnings): its class teacher, or whoever
// manages the school's classes, in scope and holding edu:checkin.
bool MayCheckIn(const RequestContext& ctx, const domain::edu::Class& c);

// ---- Sessions and check-ins --------------------------------------------------------------------
struct SessionView {
  domain::edu::Class cls;
  domain::edu::Session session;
  domain::edu::SessionState state = domain::edu::SessionState::kUpcoming;
  domain::edu::Topic topic = domain::edu::Topic::kGeneral;  // suggested, or the one recorded
  std::string text;                                         // the suggested content
  bool can_check_in = false;
  std::optional<domain::edu::CheckIn> checkin;
  std::vector<std::int64_t> file_ids;  // the check-in's photos
};
struct MySessions {
  domain::calendar::Date today{};
  int late_days = 0;  // the daily rule's, for the page's hint
  // Today's sessions first; then earlier ones still open for a late check-in, newest first; then
  // the last two weeks' missed ones that are not.
  std::vector<SessionView> items;
};
inline constexpr int kSessionLookbackDays = 14;
// The caller's classes (or one class in scope when the caller manages classes), on `date`
// (default today in China).
Result<MySessions> ListMySessions(Services& s, const RequestContext& ctx,
                                  std::optional<std::int64_t> class_id,
                                  const std::optional<std::string>& date);
struct CheckInInput {
  std::int64_t class_id = 0;
  std::string date;
  std::string kind;
  std::optional<std::string> topic;  // default: the suggested one
  std::string note;
  std::vector<std::int64_t> file_ids;
};
// Records a session of a class the caller teaches (or any class in scope for whoever manages
// classes): on its day, or late within the kind's rule's late_days; audited as edu.checkin, and
// the school's 1530 rules judged again.
Result<SessionView> CheckIn1530(Services& s, const RequestContext& ctx, CheckInInput in);

// ---- Completion --------------------------------------------------------------------------------
struct CompletionQuery {
  std::optional<std::int64_t> school_id;
  std::string period = "week";  // week | semester | custom
  std::optional<std::string> date;
  std::optional<std::string> from;
  std::optional<std::string> to;
};
// The days a query covers on a calendar: the school week or the semester containing `date`
// (default `today`), or from–to (at most 400 days); errors name date, period, from or to.
struct QueryRange {
  domain::calendar::Date from{};
  domain::calendar::Date to{};
  std::string label;
};
Result<QueryRange> RangeOfQuery(const CompletionQuery& q,
                                const domain::calendar::SchoolCalendar& calendar,
                                domain::calendar::Date today);
// The district's range: on the calendar of the caller's own unit (its schools inherit its
// terms), each school's sessions then counted on its own.
Result<QueryRange> DistrictRange(domain::Tx& tx, const RequestContext& ctx,
                                 const CompletionQuery& q,
                                 const domain::calendar::PublicCalendar& holidays,
                                 domain::calendar::Date today);
struct ClassCompletion {
  domain::edu::Class cls;
  domain::edu::Completion completion;
};
struct SchoolCompletion {
  std::int64_t school_id = 0;
  std::string school_name;
  int classes = 0;
  domain::edu::Completion completion;
};
struct MissingSession {
  const domain::edu::Class* cls = nullptr;  // into CompletionView::classes
  domain::calendar::Date date{};
  domain::edu::SessionKind kind = domain::edu::SessionKind::kDaily;
};
inline constexpr std::size_t kMissingLimit = 500;
struct CompletionView {
  bool school = false;  // one school's classes; otherwise the schools in scope
  std::int64_t school_id = 0;
  std::string school_name;
  domain::calendar::Date from{};
  domain::calendar::Date to{};
  std::string label;
  domain::edu::Completion totals;
  std::map<domain::edu::SessionKind, domain::edu::Completion> by_kind;
  std::vector<ClassCompletion> classes;   // a school's, by grade and name
  std::vector<MissingSession> missing;    // a school's, newest first, at most kMissingLimit
  std::vector<SchoolCompletion> schools;  // the district's, lowest rate first
};
Result<CompletionView> Get1530Completion(Services& s, const RequestContext& ctx,
                                         const CompletionQuery& q);
Result<std::string> Export1530Completion(Services& s, const RequestContext& ctx,
                                         const CompletionQuery& q);

// Registration (app/modules.cpp).
FileSubject EduCheckInFileSubject();
RuleModule EduRuleModule();
TaskSource EduTaskSource();

}  // namespace xiaoan::app
