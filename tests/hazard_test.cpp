// The hazard ledger's pure rules: every workflow transition and every escalation rule, with a
// pinned clock.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "domain/hazard/board.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan {
namespace {

using namespace domain::hazard;

Instant At(const char* iso) {
  Instant t;
  EXPECT_TRUE(ParseInstant(iso, t)) << iso;
  return t;
}

StepFacts Facts(State s) {
  StepFacts f;
  f.state = s;
  f.actor = "verifier";
  f.rectifier = "rectifier";
  return f;
}

std::string RuleOf(const Error& e) { return e.details.empty() ? "" : e.details.front().field; }

TEST(HazardWorkflow, OnlyTheTableTransitionsAreOpen) {
  const State all[] = {State::kReported,  State::kAssigned, State::kRectifying,
                       State::kSubmitted, State::kVerified, State::kClosed};
  const Action actions[] = {Action::kAssign,  Action::kStartRectifying, Action::kSubmit,
                            Action::kApprove, Action::kReject,          Action::kClose,
                            Action::kReopen};
  int open = 0;
  for (State s : all) {
    const auto allowed = ActionsFrom(s);
    for (Action a : actions) {
      StepFacts f = Facts(s);
      f.owner = "owner";
      f.deadline = "2026-12-10";
      f.evidence_count = 1;
      f.reason = "理由";
      const auto r = Step(f, a);
      const bool listed = std::find(allowed.begin(), allowed.end(), a) != allowed.end();
      EXPECT_EQ(r.ok(), listed) << StateCode(s) << " " << ActionCode(a);
      if (!r.ok()) {
        EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
        EXPECT_EQ(RuleOf(r.error()), "hazard.workflow");
      }
      open += listed ? 1 : 0;
    }
  }
  EXPECT_EQ(open, 8);
}

TEST(HazardWorkflow, AssignNeedsOwnerDeadlineAndAReasonForALaterDeadline) {
  StepFacts f = Facts(State::kReported);
  f.deadline = "2026-12-10";
  EXPECT_EQ(RuleOf(Step(f, Action::kAssign).error()), "owner");
  f.owner = "王老师";
  f.deadline = "2026-13-01";
  EXPECT_EQ(RuleOf(Step(f, Action::kAssign).error()), "deadline");
  f.deadline = "2026-12-10";
  f.deadline_beyond_default = true;
  EXPECT_EQ(RuleOf(Step(f, Action::kAssign).error()), "hazard.deadline");
  f.reason = "需采购设备";
  auto r = Step(f, Action::kAssign);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->to, State::kAssigned);
  // Reassigning keeps it assigned.
  f.state = State::kAssigned;
  EXPECT_EQ(Step(f, Action::kAssign)->to, State::kAssigned);
}

TEST(HazardWorkflow, StartRectifying) {
  EXPECT_EQ(Step(Facts(State::kAssigned), Action::kStartRectifying)->to, State::kRectifying);
}

TEST(HazardWorkflow, SubmitNeedsEvidence) {
  StepFacts f = Facts(State::kRectifying);
  EXPECT_EQ(RuleOf(Step(f, Action::kSubmit).error()), "hazard.evidence");
  f.evidence_count = 2;
  EXPECT_EQ(Step(f, Action::kSubmit)->to, State::kSubmitted);
}

TEST(HazardWorkflow, TheRectifierCannotVerifyTheirOwnWork) {
  StepFacts f = Facts(State::kSubmitted);
  f.actor = "rectifier";
  EXPECT_EQ(RuleOf(Step(f, Action::kApprove).error()), "hazard.verify");
  f.reason = "不合格";
  EXPECT_EQ(RuleOf(Step(f, Action::kReject).error()), "hazard.verify");
  f.actor = "verifier";
  const auto ok = Step(f, Action::kApprove);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->to, State::kVerified);
  EXPECT_FALSE(ok->counts_rework);
}

TEST(HazardWorkflow, RejectionReturnsToRectifyingAndCountsARework) {
  StepFacts f = Facts(State::kSubmitted);
  EXPECT_EQ(RuleOf(Step(f, Action::kReject).error()), "reason");
  f.reason = "灭火器仍过期";
  const auto r = Step(f, Action::kReject);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->to, State::kRectifying);
  EXPECT_TRUE(r->counts_rework);
}

TEST(HazardWorkflow, MajorHazardClosesOnlyWithFiveInPlace) {
  StepFacts f = Facts(State::kVerified);
  f.major = true;
  f.five.measures = "更换线路";
  f.five.responsible = "李校长";
  const auto refused = Step(f, Action::kClose);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(RuleOf(refused.error()), "hazard.major_five");
  ASSERT_EQ(refused.error().details.size(), 4u);  // the rule plus funds, deadline, plan
  EXPECT_EQ(refused.error().details[1].field, "five.funds");
  f.five.funds = "2万元";
  f.five.deadline = "2026-12-31";
  f.five.contingency_plan = "停用并设警戒";
  EXPECT_EQ(Step(f, Action::kClose)->to, State::kClosed);
  // A general hazard needs none of it.
  StepFacts g = Facts(State::kVerified);
  EXPECT_EQ(Step(g, Action::kClose)->to, State::kClosed);
}

TEST(HazardWorkflow, FiveInPlaceOfOnlySpacesIsMissing) {
  StepFacts f = Facts(State::kVerified);
  f.major = true;
  f.five = {"更换线路", "李校长", "2万元", "2026-12-31", "停用并设警戒"};
  ASSERT_TRUE(Step(f, Action::kClose).ok());
  // Each part alone made of spaces (ASCII, tab, the ideographic U+3000, no-break U+00A0).
  const std::string blanks[] = {" ", "  \t ", "\xE3\x80\x80\xE3\x80\x80", "\xC2\xA0", " \r\n"};
  for (const auto& blank : blanks) {
    auto g = f;
    g.five.contingency_plan = blank;
    const auto refused = Step(g, Action::kClose);
    ASSERT_FALSE(refused.ok()) << "[" << blank << "]";
    ASSERT_EQ(refused.error().details.size(), 2u);
    EXPECT_EQ(refused.error().details[1].field, "five.contingency_plan");
  }
  // Text with spaces around it is text.
  f.five.funds =
      " \xE3\x80\x80"
      "2万元 ";
  EXPECT_TRUE(Step(f, Action::kClose).ok());
  f.five.funds = "\xE3\x80";  // a cut-off character is not a space
  EXPECT_TRUE(Step(f, Action::kClose).ok());
}

TEST(HazardSelfInspection, MayRunAheadOfTheClockByTenMinutesOnly) {
  const Instant now = At("2026-11-20T02:00:00Z");
  EXPECT_FALSE(CheckInspectionTime(now, now));
  EXPECT_FALSE(CheckInspectionTime(At("2025-11-20T02:00:00Z"), now));
  EXPECT_FALSE(CheckInspectionTime(At("2026-11-20T02:10:00Z"), now));
  const auto ahead = CheckInspectionTime(At("2026-11-20T02:10:00.001Z"), now);
  ASSERT_TRUE(ahead);
  EXPECT_EQ(ahead->field, "checked_at");
  EXPECT_TRUE(CheckInspectionTime(At("2029-11-20T02:00:00Z"), now));
}

TEST(HazardWorkflow, ReopenNeedsAReasonAndIsCounted) {
  StepFacts f = Facts(State::kClosed);
  EXPECT_EQ(RuleOf(Step(f, Action::kReopen).error()), "reason");
  f.reason = "复查发现问题仍在";
  const auto r = Step(f, Action::kReopen);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->to, State::kRectifying);
  EXPECT_TRUE(r->counts_reopen);
}

TEST(HazardWorkflow, CodesRoundTrip) {
  for (const auto& e : States()) EXPECT_EQ(StateCode(*StateFromCode(e.code)), e.code);
  EXPECT_FALSE(StateFromCode("open").has_value());
  EXPECT_EQ(ActionFromCode("approve"), Action::kApprove);
  EXPECT_FALSE(ActionFromCode("delete").has_value());
  EXPECT_EQ(Domains().size(), 13u);
}

TEST(HazardDeadline, DefaultsByLevelAndDomain) {
  DeadlineRules rules;
  EXPECT_EQ(DefaultDeadlineDays(rules, false, "fire"), 7);
  EXPECT_EQ(DefaultDeadlineDays(rules, true, "fire"), 30);
  rules.general_by_domain["food"] = 3;
  rules.major_by_domain["structure"] = 90;
  EXPECT_EQ(DefaultDeadlineDays(rules, false, "food"), 3);
  EXPECT_EQ(DefaultDeadlineDays(rules, true, "food"), 30);
  EXPECT_EQ(DefaultDeadlineDays(rules, true, "structure"), 90);
}

HazardSnapshot Open(const char* deadline) {
  HazardSnapshot h;
  h.id = 10;
  h.state = State::kRectifying;
  h.domain = "fire";
  h.source = "self_inspection";
  h.key_place_id = 5;
  h.found_at = At("2026-11-01T02:00:00Z");
  h.deadline = deadline;
  return h;
}

std::vector<std::string> Rules(const std::vector<Escalation>& es) {
  std::vector<std::string> out;
  for (const auto& e : es) out.push_back(e.rule);
  return out;
}

TEST(HazardRules, SettingsOverrideTheDefaultsAndBadOnesAreNamed) {
  std::vector<ErrorDetail> problems;
  const auto r = RulesFromSettings({{"general_days", "5"},
                                    {"major.structure", "90"},
                                    {"general.food", "2"},
                                    {"overdue_leader_days", "2"},
                                    {"rework_threshold", "3"}},
                                   &problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(DefaultDeadlineDays(r.deadlines, false, "fire"), 5);
  EXPECT_EQ(DefaultDeadlineDays(r.deadlines, false, "food"), 2);
  EXPECT_EQ(DefaultDeadlineDays(r.deadlines, true, "structure"), 90);
  EXPECT_EQ(DefaultDeadlineDays(r.deadlines, true, "fire"), 30);
  EXPECT_EQ(r.escalation.overdue_leader_days, 2);
  EXPECT_EQ(r.escalation.overdue_bureau_days, 7);
  EXPECT_EQ(r.escalation.rework_threshold, 3);
  // Round trip through the stored form.
  const auto again = RulesFromSettings(SettingsOf(r));
  EXPECT_EQ(SettingsOf(again), SettingsOf(r));

  const auto bad = RulesFromSettings({{"general_days", "0"},
                                      {"major.spaceship", "3"},
                                      {"colour", "1"},
                                      {"repeat_window_days", "abc"},
                                      {"overdue_leader_days", "10"}},
                                     &problems);
  std::vector<std::string> fields;
  for (const auto& p : problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"general_days", "major.spaceship", "colour",
                                              "repeat_window_days", "overdue_bureau_days"}));
  EXPECT_EQ(bad.deadlines.general_days, 7);  // a refused value keeps the default
  problems.clear();
  const auto trailing = RulesFromSettings({{"major_days", "20x"}}, &problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "major_days");
  EXPECT_EQ(problems[0].reason, "须为整数");
  EXPECT_EQ(trailing.deadlines.major_days, 30);
}

TEST(HazardDates, FoundAtIsNeitherLaterThanNowNorBefore2000) {
  const Instant now = At("2026-11-30T08:00:00Z");
  EXPECT_EQ(FoundAtProblem(now, now), "");
  EXPECT_EQ(FoundAtProblem(At("2026-11-30T08:05:00Z"), now), "");
  EXPECT_EQ(FoundAtProblem(At("2026-11-30T08:05:00.001Z"), now), "发现时间不能晚于现在");
  EXPECT_EQ(FoundAtProblem(At("2000-01-01T00:00:00Z"), now), "");
  EXPECT_EQ(FoundAtProblem(At("1999-12-31T23:59:59.999Z"), now), "发现时间不能早于 2000 年");
  EXPECT_EQ(FoundAtProblem(At("0001-11-30T08:00:00Z"), now), "发现时间不能早于 2000 年");
}

TEST(HazardDates, ChinaCalendar) {
  EXPECT_EQ(ChinaDate(At("2026-11-30T15:59:59Z")), "2026-11-30");
  EXPECT_EQ(ChinaDate(At("2026-11-30T16:00:00Z")), "2026-12-01");
  EXPECT_EQ(AddDays("2026-12-28", 7), "2027-01-04");
  EXPECT_EQ(AddDays("2028-02-28", 1), "2028-02-29");
  EXPECT_FALSE(AddDays("2026-02-30", 1).has_value());
  EXPECT_TRUE(ValidDate("2026-12-31"));
  EXPECT_FALSE(ValidDate("2026/12/31"));
}

TEST(HazardEscalation, OverdueReachesOwnerThenLeaderThenBureau) {
  const EscalationRules rules;
  const auto h = Open("2026-11-10");  // ends 2026-11-10T16:00Z (24:00 in UTC+8)
  EXPECT_TRUE(Evaluate(h, {}, At("2026-11-10T15:59:00Z"), rules).empty());
  EXPECT_EQ(DaysOverdue(h.deadline, At("2026-11-10T16:00:01Z")), 1);
  EXPECT_EQ(Rules(Evaluate(h, {}, At("2026-11-10T16:00:01Z"), rules)),
            std::vector<std::string>{"hazard.overdue.owner"});
  EXPECT_EQ(Rules(Evaluate(h, {}, At("2026-11-13T15:00:00Z"), rules)),
            std::vector<std::string>{"hazard.overdue.owner"});
  const auto leader = Evaluate(h, {}, At("2026-11-13T16:00:01Z"), rules);
  EXPECT_EQ(Rules(leader),
            (std::vector<std::string>{"hazard.overdue.owner", "hazard.overdue.leader"}));
  EXPECT_EQ(leader[1].target, Target::kSchoolLeader);
  EXPECT_FALSE(leader[1].supervision);
  const auto bureau = Evaluate(h, {}, At("2026-11-17T16:00:01Z"), rules);
  ASSERT_EQ(bureau.size(), 3u);
  EXPECT_EQ(bureau[2].rule, "hazard.overdue.bureau");
  EXPECT_TRUE(bureau[2].supervision);
  EXPECT_NE(bureau[2].reason.find("8 天"), std::string::npos) << bureau[2].reason;
}

TEST(HazardEscalation, ClosedHazardsEscalateNothing) {
  auto h = Open("2026-11-10");
  h.major = true;
  h.rework_count = 5;
  h.state = State::kClosed;
  EXPECT_TRUE(Evaluate(h, {}, At("2026-12-30T00:00:00Z"), {}).empty());
}

TEST(HazardEscalation, EveryMajorHazardIsSupervisedAtOnce) {
  auto h = Open("2026-12-31");
  h.state = State::kReported;
  h.major = true;
  const auto es = Evaluate(h, {}, At("2026-11-01T03:00:00Z"), {});
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].rule, "hazard.major");
  EXPECT_EQ(es[0].target, Target::kBureau);
  EXPECT_TRUE(es[0].supervision);
}

TEST(HazardEscalation, MissedBySelfInspection) {
  const EscalationRules rules;
  const Instant now = At("2026-11-01T03:00:00Z");
  auto h = Open("2026-12-31");
  h.source = "bureau_inspection";
  EscalationInputs in;
  // Passed 20 days earlier, same place and domain: missed.
  in.self_checks.push_back({5, "fire", At("2026-10-12T02:00:00Z"), std::nullopt});
  EXPECT_EQ(Rules(Evaluate(h, in, now, rules)), std::vector<std::string>{"hazard.missed"});
  // 40 days earlier and another campaign: not missed.
  in.self_checks[0].at = At("2026-09-20T02:00:00Z");
  EXPECT_TRUE(Evaluate(h, in, now, rules).empty());
  // ... unless it was the same campaign.
  in.self_checks[0].campaign_id = 3;
  h.campaign_id = 3;
  const auto same = Evaluate(h, in, now, rules);
  ASSERT_EQ(Rules(same), std::vector<std::string>{"hazard.missed"});
  EXPECT_NE(same[0].reason.find("同一专项行动"), std::string::npos);
  // Another place, another domain, or the school's own finding: not missed.
  in.self_checks[0].key_place_id = 6;
  EXPECT_TRUE(Evaluate(h, in, now, rules).empty());
  in.self_checks[0].key_place_id = 5;
  in.self_checks[0].domain = "gas";
  EXPECT_TRUE(Evaluate(h, in, now, rules).empty());
  in.self_checks[0].domain = "fire";
  h.source = "self_inspection";
  EXPECT_TRUE(Evaluate(h, in, now, rules).empty());
  h.source = "city_inspection";
  EXPECT_EQ(Rules(Evaluate(h, in, now, rules)), std::vector<std::string>{"hazard.missed"});
}

TEST(HazardEscalation, RepeatWithin180Days) {
  const EscalationRules rules;
  const Instant now = At("2026-11-01T03:00:00Z");
  const auto h = Open("2026-12-31");
  EscalationInputs in;
  in.closed_before.push_back({7, 5, "fire", At("2026-06-01T00:00:00Z")});
  const auto es = Evaluate(h, in, now, rules);
  ASSERT_EQ(Rules(es), std::vector<std::string>{"hazard.repeat"});
  EXPECT_NE(es[0].reason.find("#7"), std::string::npos);
  in.closed_before[0].closed_at = At("2026-04-01T00:00:00Z");  // 214 days before
  EXPECT_TRUE(Evaluate(h, in, now, rules).empty());
  in.closed_before[0].closed_at = At("2026-06-01T00:00:00Z");
  in.closed_before[0].domain = "electrical";
  EXPECT_TRUE(Evaluate(h, in, now, rules).empty());
  in.closed_before[0] = {10, 5, "fire", At("2026-06-01T00:00:00Z")};  // itself, reopened
  EXPECT_TRUE(Evaluate(h, in, now, rules).empty());
}

TEST(HazardEscalation, ReworkFromTheSecondRejection) {
  auto h = Open("2026-12-31");
  h.rework_count = 1;
  const Instant now = At("2026-11-02T00:00:00Z");
  EXPECT_TRUE(Evaluate(h, {}, now, {}).empty());
  h.rework_count = 2;
  const auto es = Evaluate(h, {}, now, {});
  ASSERT_EQ(Rules(es), std::vector<std::string>{"hazard.rework"});
  EXPECT_TRUE(es[0].supervision);
  EXPECT_NE(es[0].reason.find("2 次"), std::string::npos);
}

TEST(HazardBoard, FoldsOpenCountsClosuresAndTheTrend) {
  const Instant now = At("2026-11-20T04:00:00Z");
  // Open now: one found in January, one found right now.
  std::vector<OpenTotal> open = {
      {"general", "fire", false, 1},
      {"major", "electrical", true, 1},
  };
  std::vector<SchoolOpen> schools = {
      {1, "甲小学", 1, 0, 0, 0},
      {2, "乙中学", 1, 1, 1, 1},
  };
  // The same history by month: found 2026-01-10 (open), 2026-10-05 (closed 2026-11-03 after
  // 29 days), 2026-11-20 (open), and 2025-11-20 before the window (closed 2026-03-01 after 101
  // days).
  std::vector<MonthStat> months = {
      {"2025-11", 1, 1, 0, 0}, {"2026-01", 1, 0, 0, 0},  {"2026-03", 0, 0, 1, 101},
      {"2026-10", 1, 1, 0, 0}, {"2026-11", 1, 0, 1, 29},
  };
  const Board b = FoldBoard(open, schools, months, now);
  EXPECT_EQ(b.open_total, 2);
  EXPECT_EQ(b.overdue, 1);
  EXPECT_EQ(b.supervised, 1);
  EXPECT_EQ(b.open_by_level.size(), 2u);
  EXPECT_EQ(b.open_by_level[1].count, 1);  // major
  EXPECT_EQ(b.open_by_domain.size(), Domains().size());
  ASSERT_EQ(b.schools.size(), 2u);
  EXPECT_EQ(b.schools[0].school_id, 2);  // the school with a major hazard first
  EXPECT_EQ(b.schools[1].open, 1);
  EXPECT_EQ(b.closed_this_month, 1);
  // Found in the window: January, October and now; one of them closed.
  EXPECT_NEAR(b.closure_rate, 1.0 / 3.0, 1e-9);
  // Closed in the window: the October one (29 days) and the one closed in March (101 days).
  EXPECT_NEAR(b.avg_days_to_close, (29.0 + 101.0) / 2.0, 1e-9);
  ASSERT_EQ(b.trend.size(), 12u);
  EXPECT_EQ(b.trend.front().month, "2025-12");
  EXPECT_EQ(b.trend.back().month, "2026-11");
  EXPECT_EQ(b.trend[0].open, 1);   // end of December 2025: the one found 2025-11-20
  EXPECT_EQ(b.trend[2].open, 2);   // end of February: that one and January's
  EXPECT_EQ(b.trend[3].open, 1);   // March: the 2025 one closed
  EXPECT_EQ(b.trend[10].open, 2);  // October: January's and the October one
  EXPECT_EQ(b.trend[11].open, 2);  // now: January's and the one found now
}

TEST(HazardBoard, MonthStartsInChinaTime) {
  EXPECT_EQ(FormatInstant(MonthStart(At("2026-11-30T17:00:00Z"), 0)), "2026-11-30T16:00:00.000Z");
  EXPECT_EQ(FormatInstant(MonthStart(At("2026-11-30T15:00:00Z"), 0)), "2026-10-31T16:00:00.000Z");
  EXPECT_EQ(FormatInstant(MonthStart(At("2026-03-15T00:00:00Z"), 11)), "2025-03-31T16:00:00.000Z");
}

}  // namespace
}  // namespace xiaoan
