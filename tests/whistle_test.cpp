// The whistle's rules at their edges: acknowledgement hours that run through a holiday (the
// instant itself is not late, a millisecond after is), feedback working days across 国庆节 and its
// make-up Saturday, a deadline that runs into a year whose notice is not loaded, the day in China
// at midnight, a whistle's state from its departments, the steps each state allows, the draft's
// checks (a major risk states its interim measures; titles counted in characters) and the
// department statistics against a hand count.
#include <gtest/gtest.h>

#include "domain/whistle/whistle.hpp"
#include "support/calendar_2026.hpp"

namespace xiaoan::domain::whistle {
namespace {

using calendar::Date;
using testing::Holidays2026;

Date D(const char* text) { return *calendar::ParseDate(text); }
Instant T(const char* text) {
  Instant t{};
  EXPECT_TRUE(ParseInstant(text, t)) << text;
  return t;
}

Draft Valid() {
  Draft d;
  d.title = "校门口缺少人行横道";
  d.description = "放学时段学生横穿马路";
  d.category = "traffic";
  d.place = "around";
  d.location = "南门外解放路";
  d.severity = "general";
  return d;
}

std::vector<std::string> Fields(const std::vector<ErrorDetail>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

TEST(WhistleDraft, AMajorRiskStatesItsInterimMeasures) {
  EXPECT_TRUE(Validate(Valid()).empty());
  auto d = Valid();
  d.severity = "major";
  EXPECT_EQ(Fields(Validate(d)), std::vector<std::string>{"interim_measures"});
  d.interim_measures = "  ";
  EXPECT_EQ(Fields(Validate(d)), std::vector<std::string>{"interim_measures"});
  d.interim_measures = "安排保安在路口值守";
  EXPECT_TRUE(Validate(d).empty());
  // A general risk need not state them.
  d.severity = "general";
  d.interim_measures.clear();
  EXPECT_TRUE(Validate(d).empty());
}

TEST(WhistleDraft, NamesEveryFieldItRefuses) {
  Draft d;
  d.severity = "urgent";
  EXPECT_EQ(Fields(Validate(d)), (std::vector<std::string>{"title", "description", "location",
                                                           "category", "place", "severity"}));
  auto v = Valid();
  v.place = "road";
  v.category = "roads";
  EXPECT_EQ(Fields(Validate(v)), (std::vector<std::string>{"category", "place"}));
}

TEST(WhistleDraft, CountsCharactersNotBytes) {
  auto d = Valid();
  d.title.clear();
  for (int i = 0; i < 100; ++i) d.title += "路";
  EXPECT_TRUE(Validate(d).empty());
  d.title += "口";
  EXPECT_EQ(Fields(Validate(d)), std::vector<std::string>{"title"});
  d = Valid();
  d.location = std::string(200, 'a');
  EXPECT_TRUE(Validate(d).empty());
  d.location += "a";
  EXPECT_EQ(Fields(Validate(d)), std::vector<std::string>{"location"});
  d = Valid();
  d.interim_measures = std::string(2000, 'a');
  EXPECT_TRUE(Validate(d).empty());
  d.interim_measures += "a";
  EXPECT_EQ(Fields(Validate(d)), std::vector<std::string>{"interim_measures"});
  d = Valid();
  d.description = std::string(2001, 'a');
  EXPECT_EQ(Fields(Validate(d)), std::vector<std::string>{"description"});
}

TEST(WhistleDeadlines, AcknowledgementHoursRunThroughHolidays) {
  const Deadlines d;
  // Raised at midnight in China on 1 October, the first day of 国庆节.
  const auto raised = T("2026-09-30T16:00:00.000Z");
  EXPECT_EQ(AckDue(raised, "general", d), T("2026-10-01T16:00:00.000Z"));
  EXPECT_EQ(AckDue(raised, "major", d), T("2026-09-30T18:00:00.000Z"));
  Assignment a;
  a.ack_due = AckDue(raised, "major", d);
  EXPECT_FALSE(AckOverdue(a, a.ack_due));
  EXPECT_TRUE(AckOverdue(a, a.ack_due + std::chrono::milliseconds{1}));
  a.state = "acknowledged";
  EXPECT_FALSE(AckOverdue(a, a.ack_due + std::chrono::hours{1}));
  a.state = "answered";
  EXPECT_FALSE(AckOverdue(a, a.ack_due + std::chrono::hours{1}));
}

TEST(WhistleDeadlines, TakesTheValuesInForce) {
  const auto d =
      DeadlinesOf({{"hours", 12}, {"major_hours", 1}}, {{"first_days", 3}, {"interval_days", 7}});
  EXPECT_EQ(d.ack_hours, 12);
  EXPECT_EQ(d.major_ack_hours, 1);
  EXPECT_EQ(d.first_feedback_days, 3);
  EXPECT_EQ(d.feedback_interval_days, 7);
  const auto defaults = DeadlinesOf({}, {});
  EXPECT_EQ(defaults.ack_hours, 24);
  EXPECT_EQ(defaults.major_ack_hours, 2);
  EXPECT_EQ(defaults.first_feedback_days, 5);
  EXPECT_EQ(defaults.feedback_interval_days, 10);
  EXPECT_EQ(AckDue(T("2026-12-04T02:00:00.000Z"), "general", d), T("2026-12-04T14:00:00.000Z"));
}

TEST(WhistleDeadlines, AMajorAcknowledgementMayNotBeSlowerThanAGeneralOne) {
  const auto* rule = rules::FindRule(RuleDecls(), "whistle.ack");
  ASSERT_NE(rule, nullptr);
  EXPECT_TRUE(rule->check_values({{"hours", 24}, {"major_hours", 24}}).empty());
  const auto problems = rule->check_values({{"hours", 24}, {"major_hours", 25}});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "major_hours");
  EXPECT_NE(rules::FindRule(RuleDecls(), "whistle.feedback"), nullptr);
  EXPECT_NE(rules::FindRule(RuleDecls(), "whistle.major"), nullptr);
  EXPECT_NE(rules::FindRule(RuleDecls(), "whistle.periodic"), nullptr);
}

TEST(WhistleDeadlines, FeedbackWorkingDaysSkipTheHolidayAndCountItsMakeUpDay) {
  const auto holidays = Holidays2026();
  // Wednesday 30 September: 1–7 October off, Thursday 8 and Friday 9 count, Saturday 10 is a
  // make-up working day, Sunday 11 is not, Monday 12 and Tuesday 13.
  auto due = WorkingDaysAfter(D("2026-09-30"), 5, holidays);
  EXPECT_EQ(due.date, D("2026-10-13"));
  EXPECT_FALSE(due.provisional);
  EXPECT_EQ(WorkingDaysAfter(D("2026-09-30"), 1, holidays).date, D("2026-10-08"));
  EXPECT_EQ(WorkingDaysAfter(D("2026-09-30"), 3, holidays).date, D("2026-10-10"));
  EXPECT_EQ(WorkingDaysAfter(D("2026-09-30"), 4, holidays).date, D("2026-10-12"));
  // Saturday 19 September: Sunday 20 is worked for 国庆节.
  EXPECT_EQ(WorkingDaysAfter(D("2026-09-19"), 1, holidays).date, D("2026-09-20"));
  // A plain week: Friday 4 December + 5 is Friday 11.
  due = WorkingDaysAfter(D("2026-12-04"), 5, holidays);
  EXPECT_EQ(due.date, D("2026-12-11"));
  EXPECT_FALSE(due.provisional);
  // Ten working days from Friday 18 September: Sunday 20 (make-up, 1), 21–24 (5), 25–27 中秋节,
  // 28–30 (8), the holiday, 8 and 9 October (10).
  EXPECT_EQ(WorkingDaysAfter(D("2026-09-18"), 10, holidays).date, D("2026-10-09"));
}

TEST(WhistleDeadlines, AYearNotLoadedIsCountedMondayToFridayAndSaysSo) {
  const auto holidays = Holidays2026();
  // Friday 25 December: 28–31 December (4) are known, Friday 1 January 2027 is not.
  auto due = WorkingDaysAfter(D("2026-12-25"), 5, holidays);
  EXPECT_EQ(due.date, D("2027-01-01"));
  EXPECT_TRUE(due.provisional);
  due = WorkingDaysAfter(D("2026-12-25"), 4, holidays);
  EXPECT_EQ(due.date, D("2026-12-31"));
  EXPECT_FALSE(due.provisional);
  // Saturday 2 and Sunday 3 January 2027 are skipped as weekends.
  EXPECT_EQ(WorkingDaysAfter(D("2026-12-25"), 6, holidays).date, D("2027-01-04"));
}

TEST(WhistleDeadlines, TheDayInChinaTurnsAtSixteenUtc) {
  EXPECT_EQ(ChinaDay(T("2026-12-04T15:59:59.999Z")), D("2026-12-04"));
  EXPECT_EQ(ChinaDay(T("2026-12-04T16:00:00.000Z")), D("2026-12-05"));
}

TEST(WhistleDeadlines, FeedbackIsLateTheDayAfterItsDueDate) {
  Assignment a;
  a.state = "acknowledged";
  a.feedback_due = D("2026-10-13");
  EXPECT_FALSE(FeedbackOverdue(a, D("2026-10-13")));
  EXPECT_TRUE(FeedbackOverdue(a, D("2026-10-14")));
  a.state = "pending";
  EXPECT_TRUE(FeedbackOverdue(a, D("2026-10-14")));
  a.state = "answered";
  EXPECT_FALSE(FeedbackOverdue(a, D("2026-10-14")));
  a.state = "acknowledged";
  a.feedback_due.reset();
  EXPECT_FALSE(FeedbackOverdue(a, D("2026-10-14")));
}

TEST(WhistleDeadlines, StillOverdueDaysAfterTheBureauGoesToTheLeadership) {
  Assignment a;
  a.state = "pending";
  a.ack_due = T("2026-10-01T08:00:00.000Z");
  a.feedback_due = D("2026-10-13");
  const auto told = T("2026-10-01T09:00:00.000Z");
  const auto today = D("2026-10-03");
  // Not before the bureau was told, and never when the district has not set it.
  EXPECT_FALSE(LeaderDue(a, told + std::chrono::days{5}, today, 2));
  a.escalated_at = told;
  EXPECT_FALSE(LeaderDue(a, told + std::chrono::days{5}, today, 0));
  // Exactly `leader_days` whole days after, not a millisecond before.
  EXPECT_FALSE(LeaderDue(a, told + std::chrono::days{2} - std::chrono::milliseconds{1}, today, 2));
  EXPECT_TRUE(LeaderDue(a, told + std::chrono::days{2}, today, 2));
  EXPECT_TRUE(LeaderDue(a, told + std::chrono::days{1}, today, 1));
  // Once only.
  a.leader_escalated_at = told + std::chrono::days{2};
  EXPECT_FALSE(LeaderDue(a, told + std::chrono::days{3}, today, 2));
  a.leader_escalated_at.reset();
  // Acknowledged since and its feedback not late: no; its feedback late: yes.
  a.state = "acknowledged";
  EXPECT_FALSE(LeaderDue(a, told + std::chrono::days{2}, D("2026-10-13"), 2));
  EXPECT_TRUE(LeaderDue(a, told + std::chrono::days{2}, D("2026-10-14"), 2));
  a.state = "answered";
  EXPECT_FALSE(LeaderDue(a, told + std::chrono::days{20}, D("2026-10-30"), 2));
}

Assignment In(const char* state) {
  Assignment a;
  a.state = state;
  a.department_name = "交警大队";
  return a;
}

TEST(WhistleStates, FollowTheDepartments) {
  EXPECT_EQ(StateOf({}, false), "waiting");
  EXPECT_EQ(StateOf({In("pending"), In("pending")}, false), "waiting");
  EXPECT_EQ(StateOf({In("pending"), In("acknowledged")}, false), "in_progress");
  EXPECT_EQ(StateOf({In("answered"), In("pending")}, false), "in_progress");
  EXPECT_EQ(StateOf({In("answered"), In("acknowledged")}, false), "in_progress");
  EXPECT_EQ(StateOf({In("answered"), In("answered")}, false), "answered");
  EXPECT_EQ(StateOf({In("answered")}, true), "closed");
  EXPECT_EQ(StateOf({}, true), "closed");
}

Whistle WithState(const char* state) {
  Whistle w;
  w.state = state;
  return w;
}

TEST(WhistleSteps, EachStateAllowsItsSteps) {
  const auto open = WithState("in_progress");
  EXPECT_TRUE(CanAcknowledge(open, In("pending")).ok());
  EXPECT_FALSE(CanAcknowledge(open, In("acknowledged")).ok());
  EXPECT_FALSE(CanAcknowledge(WithState("closed"), In("pending")).ok());
  EXPECT_TRUE(CanFeedback(open, In("acknowledged")).ok());
  EXPECT_FALSE(CanFeedback(open, In("pending")).ok());
  EXPECT_FALSE(CanFeedback(open, In("answered")).ok());
  EXPECT_FALSE(CanFeedback(WithState("closed"), In("acknowledged")).ok());
  EXPECT_TRUE(CanConfirm(WithState("answered")).ok());
  EXPECT_TRUE(CanSendBack(WithState("answered")).ok());
  for (const char* s : {"waiting", "in_progress", "closed"}) {
    EXPECT_FALSE(CanConfirm(WithState(s)).ok()) << s;
    EXPECT_FALSE(CanSendBack(WithState(s)).ok()) << s;
  }
  const auto e = CanConfirm(WithState("waiting")).error();
  EXPECT_EQ(e.code, ErrorCode::kFailedPrecondition);
  ASSERT_FALSE(e.details.empty());
  EXPECT_EQ(e.details[0].field, "whistle.state");
}

TEST(WhistleRouting, DefaultsByDepartmentKind) {
  EXPECT_EQ(DefaultDepartmentKinds("traffic"), std::vector<std::string>{"traffic_police"});
  EXPECT_EQ(DefaultDepartmentKinds("rental"), std::vector<std::string>{"police"});
  EXPECT_EQ(DefaultDepartmentKinds("water"),
            (std::vector<std::string>{"water", "natural_resources", "agriculture"}));
  EXPECT_TRUE(DefaultDepartmentKinds("other").empty());
  for (const auto& c : Categories()) {
    if (std::string(c.code) != "other") {
      EXPECT_FALSE(DefaultDepartmentKinds(std::string(c.code)).empty()) << c.code;
    }
  }
}

TEST(WhistleStats, MatchAHandCount) {
  const auto now = T("2026-12-07T02:00:00.000Z");
  const auto today = D("2026-12-07");
  auto part = [](std::int64_t dept, const char* name, const char* state, const char* routed,
                 const char* due, std::optional<const char*> acked, const char* feedback_due) {
    Assignment a;
    a.department_id = dept;
    a.department_name = name;
    a.state = state;
    a.routed_at = T(routed);
    a.ack_due = T(due);
    if (acked) a.acknowledged_at = T(*acked);
    if (feedback_due) a.feedback_due = D(feedback_due);
    return a;
  };
  std::vector<Whistle> ws(3);
  // 1: police acknowledged on time after 2 h, traffic police late after 30 h; closed 2 days
  // after routing.
  ws[0].assignments = {part(1, "公安分局", "answered", "2026-12-01T00:00:00.000Z",
                            "2026-12-02T00:00:00.000Z", "2026-12-01T02:00:00.000Z", nullptr),
                       part(2, "交警大队", "answered", "2026-12-01T00:00:00.000Z",
                            "2026-12-02T00:00:00.000Z", "2026-12-02T06:00:00.000Z", nullptr)};
  ws[0].closed_at = T("2026-12-03T00:00:00.000Z");
  // 2: police not acknowledged, due yesterday; its feedback due on Friday 4 December.
  ws[1].assignments = {part(1, "公安分局", "pending", "2026-12-05T00:00:00.000Z",
                            "2026-12-06T00:00:00.000Z", std::nullopt, "2026-12-04")};
  // 3: traffic police acknowledged exactly at the due instant; feedback due today.
  ws[2].assignments = {part(2, "交警大队", "acknowledged", "2026-12-06T00:00:00.000Z",
                            "2026-12-07T00:00:00.000Z", "2026-12-07T00:00:00.000Z", "2026-12-07")};
  DepartmentStats totals;
  const auto stats = StatsOf(ws, now, today, &totals);
  ASSERT_EQ(stats.size(), 2u);
  // By name: 交警大队 before 公安分局 in code-point order.
  const auto& police = stats[0].department_id == 1 ? stats[0] : stats[1];
  const auto& traffic = stats[0].department_id == 2 ? stats[0] : stats[1];
  EXPECT_EQ(police.received, 2);
  EXPECT_EQ(police.acknowledged, 1);
  EXPECT_EQ(police.acknowledged_on_time, 1);
  EXPECT_EQ(police.ack_overdue, 1);
  EXPECT_DOUBLE_EQ(*police.average_ack_hours, 2.0);
  EXPECT_EQ(police.answered, 1);
  EXPECT_EQ(police.closed, 1);
  EXPECT_DOUBLE_EQ(*police.average_close_days, 2.0);
  EXPECT_EQ(police.open, 1);
  EXPECT_EQ(police.feedback_overdue, 1);
  EXPECT_EQ(traffic.received, 2);
  EXPECT_EQ(traffic.acknowledged, 2);
  EXPECT_EQ(traffic.acknowledged_on_time, 1);  // the late one not, the one at the instant yes
  EXPECT_EQ(traffic.ack_overdue, 0);
  EXPECT_DOUBLE_EQ(*traffic.average_ack_hours, (30.0 + 24.0) / 2);
  EXPECT_EQ(traffic.closed, 1);
  EXPECT_EQ(traffic.open, 1);
  EXPECT_EQ(traffic.feedback_overdue, 0);  // due today is not late yet
  EXPECT_EQ(totals.department_name, "合计");
  EXPECT_EQ(totals.received, 4);
  EXPECT_EQ(totals.acknowledged, 3);
  EXPECT_EQ(totals.acknowledged_on_time, 2);
  EXPECT_EQ(totals.ack_overdue, 1);
  EXPECT_EQ(totals.closed, 2);
  EXPECT_EQ(totals.open, 2);
  EXPECT_EQ(totals.feedback_overdue, 1);
  EXPECT_DOUBLE_EQ(*totals.average_ack_hours, (2.0 + 30.0 + 24.0) / 3);
  // A department with nothing acknowledged or closed has no averages.
  std::vector<Whistle> none(1);
  none[0].assignments = {ws[1].assignments[0]};
  const auto empty = StatsOf(none, now, today, nullptr);
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].answered, 0);
  EXPECT_EQ(empty[0].acknowledged, 0);
  EXPECT_FALSE(empty[0].average_ack_hours);
  EXPECT_FALSE(empty[0].average_close_days);
}

TEST(WhistlePeriodic, FiledPassesUnfiledIsDueUntilTheMonthEndsThenFails) {
  const rules::PeriodSpan nov{"2026-11", "2026年11月", D("2026-11-01"), D("2026-11-30")};
  auto j = JudgePeriodic(std::nullopt, nov, D("2026-11-30"));
  ASSERT_NE(j.rule, nullptr);
  EXPECT_EQ(j.rule->id, "whistle.periodic");
  EXPECT_EQ(j.verdict.outcome, rules::Outcome::kDue);
  EXPECT_TRUE(j.so_far);
  j = JudgePeriodic(std::nullopt, nov, D("2026-12-01"));
  EXPECT_EQ(j.verdict.outcome, rules::Outcome::kFail);
  EXPECT_FALSE(j.so_far);
  EXPECT_EQ(j.period.key, "2026-11");
  PeriodicReport r;
  r.nil = true;
  j = JudgePeriodic(r, nov, D("2026-12-01"));
  EXPECT_EQ(j.verdict.outcome, rules::Outcome::kPass);
  EXPECT_EQ(j.verdict.reason, "已零报告");
  r.nil = false;
  r.open_count = 2;
  j = JudgePeriodic(r, nov, D("2026-11-15"));
  EXPECT_EQ(j.verdict.outcome, rules::Outcome::kPass);
  EXPECT_NE(j.verdict.reason.find("2 项"), std::string::npos);
}

TEST(WhistlePeriodic, TheReportListsTheOpenWhistlesOrIsANilReturn) {
  PeriodicReport r;
  Summarize(r, {});
  EXPECT_TRUE(r.nil);
  EXPECT_EQ(r.open_count, 0);
  EXPECT_TRUE(r.summary.empty());
  std::vector<Whistle> ws(3);
  ws[0].id = 5;
  ws[0].draft.title = "南门缺少人行横道";
  ws[0].state = "in_progress";
  ws[1].id = 6;
  ws[1].state = "closed";
  ws[2].id = 7;
  ws[2].draft.title = "池塘无护栏";
  ws[2].state = "answered";
  Summarize(r, ws);
  EXPECT_FALSE(r.nil);
  EXPECT_EQ(r.open_count, 2);
  EXPECT_EQ(r.summary, "#5 南门缺少人行横道（处理中）\n#7 池塘无护栏（待学校确认）");
  // Filed again with nothing open: a nil return.
  Summarize(r, {ws[1]});
  EXPECT_TRUE(r.nil);
  EXPECT_TRUE(r.summary.empty());
}

TEST(WhistleRouting, AWhistleBecomesAHazardOfTheMatchingDomain) {
  EXPECT_EQ(HazardDomainOf("traffic"), "traffic");
  EXPECT_EQ(HazardDomainOf("vendors"), "food");
  EXPECT_EQ(HazardDomainOf("water"), "drowning");
  EXPECT_EQ(HazardDomainOf("fire"), "fire");
  EXPECT_EQ(HazardDomainOf("public_order"), "surroundings");
  EXPECT_EQ(HazardDomainOf("rental"), "surroundings");
  EXPECT_EQ(HazardDomainOf("construction"), "surroundings");
  EXPECT_EQ(HazardDomainOf("health"), "other");
  EXPECT_EQ(HazardDomainOf("other"), "other");
}

}  // namespace
}  // namespace xiaoan::domain::whistle
