#pragma once
// 学校吹哨、部门报到 (measure 5): a school raises a risk it cannot remove alone, the departments
// it is routed to acknowledge (报到) and follow up until the school confirms the result. The
// records, their states and deadlines as pure rules (rules.md, Whistle), and the repository port
// (migration 0026).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/org/enums.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::whistle {

using Instant = ::xiaoan::Instant;  // UTC, milliseconds

EnumTable Categories();  // traffic 道路交通, public_order 周边治安, vendors … other 其他
EnumTable Places();      // campus 校内, around 校园周边
EnumTable Severities();  // general 一般, major 重大
EnumTable States();  // waiting 待报到, in_progress 处理中, answered 待学校确认, closed 已办结
EnumTable AssignmentStates();  // pending 待报到, acknowledged 已报到, answered 已反馈结果
EnumTable EventKinds();  // raised, routed, acknowledged, feedback, result, confirmed, hazard …

// The hazard ledger's domain of a whistle's category (traffic → traffic, water → drowning …).
std::string HazardDomainOf(const std::string& category);

// The kinds of department a category goes to when the bureau has not set its own route.
std::vector<std::string> DefaultDepartmentKinds(const std::string& category);

// One department's part in a whistle.
struct Assignment {
  std::int64_t department_id = 0;
  std::string department_name;  // read-only, filled by queries
  std::string department_path;  // the department's unit path: whose liaisons see the whistle
  std::string state = "pending";
  Instant routed_at{};
  Instant ack_due{};  // hours after routing; they run on holidays
  std::optional<Instant> acknowledged_at;
  std::string acknowledged_by;
  std::optional<calendar::Date> feedback_due;  // none once the result is reported
  bool feedback_due_provisional = false;       // counted Monday to Friday: year not loaded
  std::optional<Instant> last_feedback_at;
  std::optional<Instant> answered_at;
  std::optional<Instant> escalated_at;  // overdue acknowledgement or feedback told the bureau
  std::optional<Instant> leader_escalated_at;  // still overdue later: told the district's leaders
};

struct Event {
  std::int64_t id = 0;
  std::optional<std::int64_t> department_id;
  std::string department_name;  // read-only
  std::string kind;
  std::string note;
  std::string actor;
  std::string actor_name;  // read-only
  Instant at{};
};

struct Draft {
  std::string title;
  std::string description;
  std::string category;
  std::string place;
  std::string location;
  std::string severity = "general";
  std::string interim_measures;
};

struct Whistle {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string school_name;  // read-only
  std::string school_path;
  Draft draft;
  std::string state = "waiting";
  std::string raised_by;
  std::string raised_by_name;  // read-only
  Instant raised_at{};
  std::optional<Instant> closed_at;
  // The hazard it became (work inside the school) or came from (a hazard the school cannot fix
  // alone).
  std::optional<std::int64_t> hazard_id;
  int version = 0;
  std::vector<Assignment> assignments;
  std::vector<Event> events;
};

// Every problem of a draft, each naming its field; whistle.major: a major risk states the
// school's interim measures.
std::vector<ErrorDetail> Validate(const Draft& d);

// ---- Deadlines (whistle.ack, whistle.feedback) -------------------------------------------------
const std::vector<rules::RuleDecl>& RuleDecls();

struct Deadlines {
  int ack_hours = 24;
  int major_ack_hours = 2;
  int first_feedback_days = 5;  // working days after the whistle reached the department
  int feedback_interval_days = 10;
};
// From the values in force of whistle.ack and whistle.feedback (missing keys keep defaults).
Deadlines DeadlinesOf(const rules::ParamValues& ack, const rules::ParamValues& feedback);

Instant AckDue(Instant routed_at, const std::string& severity, const Deadlines& d);

struct DueDate {
  calendar::Date date{};
  bool provisional = false;  // a year's holiday notice is missing: counted Monday to Friday
};
// `n` working days after `from` on the public calendar (the departments keep the government's
// working days, not a school's).
DueDate WorkingDaysAfter(calendar::Date from, int n, const calendar::PublicCalendar& holidays);

// The day in China (UTC+8) of an instant.
calendar::Date ChinaDay(Instant t);

bool AckOverdue(const Assignment& a, Instant now);
bool FeedbackOverdue(const Assignment& a, calendar::Date today);
// Whether an assignment goes up to the district's leadership (区县分管领导) now: the district set
// `leader_days` (whistle.ack; 0: never), the bureau was told and it is still overdue (not
// acknowledged or no feedback) `leader_days` whole days after, and the leaders were not told yet.
bool LeaderDue(const Assignment& a, Instant now, calendar::Date today, int leader_days);

// The whistle's state from its assignments: closed once confirmed; answered when every
// department has reported its result; in_progress when one has acknowledged; waiting otherwise.
std::string StateOf(const std::vector<Assignment>& assignments, bool closed);

// ---- Steps (each failed_precondition names the rule whistle.state) -----------------------------
Status CanAcknowledge(const Whistle& w, const Assignment& a);
Status CanFeedback(const Whistle& w, const Assignment& a);
Status CanConfirm(const Whistle& w);
Status CanSendBack(const Whistle& w);

// ---- Statistics per department -----------------------------------------------------------------
struct DepartmentStats {
  std::int64_t department_id = 0;
  std::string department_name;
  int received = 0;
  int acknowledged = 0;
  int acknowledged_on_time = 0;
  int ack_overdue = 0;  // not acknowledged and past due now
  std::optional<double> average_ack_hours;
  int answered = 0;
  int closed = 0;
  std::optional<double> average_close_days;
  int open = 0;
  int feedback_overdue = 0;
};
// Per department over the whistles given (those raised in the period), by department name; and
// the totals (department_id 0, 合计).
std::vector<DepartmentStats> StatsOf(const std::vector<Whistle>& whistles, Instant now,
                                     calendar::Date today, DepartmentStats* totals);

// ---- Periodic reports (whistle.periodic) -------------------------------------------------------
// A school's report for a month (定期报告): its whistles still open when it filed, or a nil return
// (零报告) when none was.
struct PeriodicReport {
  std::int64_t school_id = 0;
  std::string school_name;  // read-only
  std::string month;        // YYYY-MM
  bool nil = true;
  int open_count = 0;
  std::string summary;  // the open whistles, one per line
  std::string note;
  std::string filed_by;
  Instant filed_at{};
};
// The report's content from the school's open whistles when filed.
void Summarize(PeriodicReport& r, const std::vector<Whistle>& open);
// whistle.periodic for one month of the school: filed → pass (零报告 or the open risks), not
// filed → due until the month's last day, failed after it.
rules::Judgement JudgePeriodic(const std::optional<PeriodicReport>& filed,
                               const rules::PeriodSpan& month, calendar::Date today);

// ---- Routing table -----------------------------------------------------------------------------
struct Route {
  std::string category;
  std::vector<std::int64_t> department_ids;
};

struct WhistleFilter {
  std::optional<std::string> state;
  std::optional<std::string> severity;
  std::optional<std::string> category;
  std::optional<std::int64_t> school_id;
  std::optional<std::int64_t> department_id;
  std::string q;
  // Whistles with an assignment of one of these states at a department under one of these
  // paths (a liaison's to-do), or of these whistle states at schools in scope (a school's).
  std::vector<std::string> assignment_states;
  std::vector<std::string> states;
  std::optional<std::int64_t> hazard_id;
  std::optional<std::string> raised_from;  // instants, inclusive / exclusive
  std::optional<std::string> raised_to;
};

class WhistleRepository {
 public:
  virtual ~WhistleRepository() = default;
  // Inserts the whistle with its assignments and events; assigns ids and version 1.
  virtual Status Insert(Whistle& w) = 0;
  virtual Result<std::optional<Whistle>> Find(std::int64_t id) = 0;
  // The whistle an event of its timeline belongs to (for the photos attached to the event).
  virtual Result<std::optional<std::int64_t>> WhistleOfEvent(std::int64_t event_id) = 0;
  // Stores state, closed_at, hazard_id and the assignments (added ones inserted), appends
  // `new_events`; false when the version read is not current (nothing written).
  virtual Result<bool> Update(Whistle& w, std::vector<Event>& new_events) = 0;
  // Whistles visible in scope: raised by a school in it, or routed to a department in it.
  virtual Result<PageResult<Whistle>> List(const WhistleFilter& f, const ScopeFilter& scope,
                                           const PageRequest& page) = 0;
  // Open assignments (not answered, whistle not closed) for the escalation run.
  virtual Result<std::vector<Whistle>> ListOpen() = 0;
  virtual Result<std::vector<Route>> Routes(std::int64_t bureau_id) = 0;
  virtual Status ReplaceRoutes(std::int64_t bureau_id, const std::vector<Route>& routes) = 0;
  // Files (or files again, replacing) a school's report for its month.
  virtual Status SaveReport(const PeriodicReport& r) = 0;
  virtual Result<std::optional<PeriodicReport>> FindReport(std::int64_t school_id,
                                                           const std::string& month) = 0;
  // The school's reports, newest month first.
  virtual Result<std::vector<PeriodicReport>> ReportsOf(std::int64_t school_id) = 0;
  // The reports of a month filed by schools in scope.
  virtual Result<std::vector<PeriodicReport>> ReportsFor(const std::string& month,
                                                         const ScopeFilter& scope) = 0;
};

}  // namespace xiaoan::domain::whistle
