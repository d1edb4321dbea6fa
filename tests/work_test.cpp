// 全区“一盘棋”: the form of a district work item (each problem naming its field), its due days on
// the real 2026 calendar — moved back off weekends and holidays, kept on make-up working days —
// and the state of a due day and a unit's progress at their edges. Expected dates are read from
// the State Council's notice and a 2026 wall calendar, not computed by the code under test.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/duty/work.hpp"
#include "support/calendar_2026.hpp"

namespace xiaoan::domain::duty {
namespace {

using xiaoan::testing::D;

bool Names(const std::vector<ErrorDetail>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const ErrorDetail& p) { return p.field == field; });
}

std::vector<std::string> Texts(const std::vector<Day>& days) {
  std::vector<std::string> out;
  for (const Day d : days) out.push_back(calendar::FormatDate(d));
  return out;
}

WorkingDay Public2026() {
  static const auto holidays = xiaoan::testing::Holidays2026();
  return [](Day d) { return holidays.IsWorkingDay(d); };
}

WorkItem Valid() {
  WorkItem w;
  w.bureau_id = 1;
  w.kind = "routine";
  w.title = "每月安全隐患排查报送";
  w.detail = "每月 25 日前报送本月隐患排查情况";
  w.measures = {13, 3};
  w.lead_section_id = 5;
  w.targets = {30, 21, 22};
  w.schedule.repeat = "monthly";
  w.schedule.day = 25;
  w.schedule.from = D("2026-01-01");
  w.schedule.until = D("2026-12-31");
  return w;
}

WorkSchedule Monthly(int day, const char* from, const char* until, const char* repeat = "monthly") {
  WorkSchedule s;
  s.repeat = repeat;
  s.day = day;
  s.from = D(from);
  s.until = D(until);
  return s;
}

TEST(WorkItem, AValidItemPassesWithItsMeasuresAndTargetsSorted) {
  auto w = Valid();
  EXPECT_TRUE(CheckWorkItem(w).empty());
  EXPECT_EQ(w.measures, (std::vector<int>{3, 13}));
  EXPECT_EQ(w.targets, (std::vector<std::int64_t>{21, 22, 30}));
  EXPECT_EQ(WorkKindLabel("common"), "共性任务");
  EXPECT_EQ(WorkKindLabel("key"), "重点事项");
  EXPECT_EQ(WorkKindLabel("routine"), "常规工作");
  EXPECT_EQ(WorkRepeatLabel("quarterly"), "每季度");
}

TEST(WorkItem, EachProblemNamesItsField) {
  auto w = Valid();
  w.kind = "weekly";
  w.title = "";
  w.detail = std::string(1001, 'x');
  w.measures = {3, 22, 3};
  w.lead_section_id = 0;
  w.targets = {21, 0, 21};
  const auto p = CheckWorkItem(w);
  for (const char* field : {"kind", "title", "detail", "measures[1]", "measures[2]",
                            "lead_section_id", "targets[1]", "targets[2]"}) {
    EXPECT_TRUE(Names(p, field)) << field;
  }
  EXPECT_FALSE(Names(p, "targets[0]"));
  EXPECT_FALSE(Names(p, "measures[0]"));
  EXPECT_EQ(w.targets, (std::vector<std::int64_t>{21, 0, 21})) << "not sorted when refused";

  auto none = Valid();
  none.measures.clear();
  none.targets.clear();
  const auto q = CheckWorkItem(none);
  EXPECT_TRUE(Names(q, "measures"));
  EXPECT_TRUE(Names(q, "targets"));
}

TEST(WorkItem, DetailAndTargetsAtTheirLimits) {
  auto w = Valid();
  w.detail = std::string(1000, 'x');
  w.targets.clear();
  for (std::int64_t i = 1; i <= 3000; ++i) w.targets.push_back(i);
  EXPECT_TRUE(CheckWorkItem(w).empty());
  w.targets.push_back(3001);
  EXPECT_TRUE(Names(CheckWorkItem(w), "targets"));
}

TEST(WorkItem, AOneOffNeedsItsDueDay) {
  auto w = Valid();
  w.schedule = {};
  w.schedule.repeat = "once";
  EXPECT_TRUE(Names(CheckWorkItem(w), "schedule.due"));
  w.schedule.due = D("2026-06-30");
  EXPECT_TRUE(CheckWorkItem(w).empty());
  w.schedule.repeat = "daily";
  EXPECT_TRUE(Names(CheckWorkItem(w), "schedule.repeat"));
}

TEST(WorkItem, TheDayOfARecurrenceAtItsEdges) {
  auto w = Valid();
  w.schedule = Monthly(1, "2026-01-01", "2026-12-31", "weekly");
  EXPECT_TRUE(CheckWorkItem(w).empty());
  w.schedule.day = 7;
  EXPECT_TRUE(CheckWorkItem(w).empty());
  w.schedule.day = 8;
  EXPECT_TRUE(Names(CheckWorkItem(w), "schedule.day"));
  w.schedule.day = 0;
  EXPECT_TRUE(Names(CheckWorkItem(w), "schedule.day"));

  for (const char* repeat : {"monthly", "quarterly"}) {
    w.schedule = Monthly(1, "2026-01-01", "2026-12-31", repeat);
    EXPECT_TRUE(CheckWorkItem(w).empty()) << repeat;
    w.schedule.day = 31;
    EXPECT_TRUE(CheckWorkItem(w).empty()) << repeat;
    w.schedule.day = 32;
    EXPECT_TRUE(Names(CheckWorkItem(w), "schedule.day")) << repeat;
    w.schedule.day = 0;
    EXPECT_TRUE(Names(CheckWorkItem(w), "schedule.day")) << repeat;
  }
}

TEST(WorkItem, TheRangeOfARecurrenceAtItsEdges) {
  auto w = Valid();
  w.schedule.from.reset();
  w.schedule.until.reset();
  auto p = CheckWorkItem(w);
  EXPECT_TRUE(Names(p, "schedule.from"));
  EXPECT_TRUE(Names(p, "schedule.until"));

  w.schedule = Monthly(25, "2026-03-25", "2026-03-25");  // one day, and the day is due
  EXPECT_TRUE(CheckWorkItem(w).empty());
  w.schedule = Monthly(25, "2026-03-25", "2026-03-24");
  EXPECT_TRUE(Names(CheckWorkItem(w), "schedule.until"));
  w.schedule = Monthly(25, "2026-03-26", "2026-04-24");  // no 25th in the range
  p = CheckWorkItem(w);
  EXPECT_TRUE(Names(p, "schedule"));
  EXPECT_FALSE(Names(p, "schedule.until"));

  w.schedule = Monthly(25, "2026-01-01", "2027-01-02");  // 366 days on
  EXPECT_TRUE(CheckWorkItem(w).empty());
  w.schedule = Monthly(25, "2026-01-01", "2027-01-03");  // 367
  EXPECT_TRUE(Names(CheckWorkItem(w), "schedule.until"));
}

TEST(WorkDueDays, ADayOffMovesBackToTheWorkingDayBefore) {
  const auto working = Public2026();
  // 国庆节 1–7 October: Saturday the 3rd is due on Wednesday 30 September.
  EXPECT_EQ(calendar::FormatDate(OnWorkingDay(D("2026-10-03"), working)), "2026-09-30");
  // Saturday 10 October is a make-up working day (调休上班): it stays.
  EXPECT_EQ(calendar::FormatDate(OnWorkingDay(D("2026-10-10"), working)), "2026-10-10");
  // Sunday 22 February, in 春节 (15–23): back past the holiday to the make-up Saturday the 14th.
  EXPECT_EQ(calendar::FormatDate(OnWorkingDay(D("2026-02-22"), working)), "2026-02-14");
  // A working day stays; a year not loaded stays.
  EXPECT_EQ(calendar::FormatDate(OnWorkingDay(D("2026-06-10"), working)), "2026-06-10");
  EXPECT_EQ(calendar::FormatDate(OnWorkingDay(D("2027-01-03"), working)), "2027-01-03");
}

TEST(WorkDueDays, MovesBackFourteenDaysAtMost) {
  const Day due = D("2026-06-30");
  const WorkingDay only = [&](Day d) { return std::optional<bool>(d == D("2026-06-16")); };
  EXPECT_EQ(calendar::FormatDate(OnWorkingDay(due, only)), "2026-06-16");  // 14 back
  const WorkingDay farther = [&](Day d) { return std::optional<bool>(d == D("2026-06-15")); };
  EXPECT_EQ(calendar::FormatDate(OnWorkingDay(due, farther)), "2026-06-30");  // 15: stays
  // A year not loaded on the way back: the day stays.
  const WorkingDay gap = [&](Day d) {
    return d < D("2026-06-29") ? std::nullopt : std::optional<bool>(false);
  };
  EXPECT_EQ(calendar::FormatDate(OnWorkingDay(due, gap)), "2026-06-30");
}

TEST(WorkDueDays, TheTwentyFifthOfEachMonthIn2026) {
  const auto days = DueDays(Monthly(25, "2026-01-01", "2026-12-31"), Public2026());
  EXPECT_EQ(Texts(days),
            (std::vector<std::string>{"2026-01-23", "2026-02-25", "2026-03-25", "2026-04-24",
                                      "2026-05-25", "2026-06-25", "2026-07-24", "2026-08-25",
                                      "2026-09-24", "2026-10-23", "2026-11-25", "2026-12-25"}));
}

TEST(WorkDueDays, TheThirtyFirstIsAShortMonthsLastDay) {
  const auto days = DueDays(Monthly(31, "2026-02-01", "2026-06-30"), Public2026());
  // 28 February is a make-up Saturday; 31 May is a Sunday.
  EXPECT_EQ(Texts(days), (std::vector<std::string>{"2026-02-28", "2026-03-31", "2026-04-30",
                                                   "2026-05-29", "2026-06-30"}));
  const auto quarters = DueDays(Monthly(31, "2026-01-01", "2026-12-31", "quarterly"), Public2026());
  EXPECT_EQ(Texts(quarters),
            (std::vector<std::string>{"2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"}));
}

TEST(WorkDueDays, TheRangeHoldsBothEnds) {
  EXPECT_EQ(Texts(DueDays(Monthly(25, "2026-03-25", "2026-05-25"), Public2026())),
            (std::vector<std::string>{"2026-03-25", "2026-04-24", "2026-05-25"}));
  EXPECT_EQ(Texts(DueDays(Monthly(25, "2026-03-26", "2026-05-24"), Public2026())),
            (std::vector<std::string>{"2026-04-24"}));
  // Quarterly: only March, June, September and December count.
  EXPECT_EQ(Texts(DueDays(Monthly(15, "2026-04-01", "2026-06-15", "quarterly"), Public2026())),
            (std::vector<std::string>{"2026-06-15"}));
}

TEST(WorkDueDays, EveryFridayAroundTheNationalDay) {
  // Friday 2 October is a holiday: due Wednesday 30 September; then the 9th and the 16th.
  EXPECT_EQ(Texts(DueDays(Monthly(5, "2026-09-28", "2026-10-16", "weekly"), Public2026())),
            (std::vector<std::string>{"2026-09-30", "2026-10-09", "2026-10-16"}));
  // Saturdays from 3 October: the 3rd moves before the range and is dropped; the 10th is a
  // make-up working day.
  EXPECT_EQ(Texts(DueDays(Monthly(6, "2026-10-03", "2026-10-10", "weekly"), Public2026())),
            (std::vector<std::string>{"2026-10-10"}));
  // A Monday range starting on the day itself.
  EXPECT_EQ(Texts(DueDays(Monthly(1, "2026-06-01", "2026-06-08", "weekly"), Public2026())),
            (std::vector<std::string>{"2026-06-01", "2026-06-08"}));
}

TEST(WorkDueDays, TwoDaysMovedOntoOneAreOneDueDay) {
  const WorkingDay only = [](Day d) { return std::optional<bool>(d == D("2026-06-01")); };
  // Thursdays 4 and 11 June both move back to Monday 1 June.
  EXPECT_EQ(Texts(DueDays(Monthly(4, "2026-06-01", "2026-06-11", "weekly"), only)),
            (std::vector<std::string>{"2026-06-01"}));
}

TEST(WorkDueDays, AOneOffOnASundayMovesToTheMakeUpSaturday) {
  WorkSchedule s;
  s.due = D("2026-03-01");  // Sunday; 28 February is a make-up working day
  EXPECT_EQ(Texts(DueDays(s, Public2026())), (std::vector<std::string>{"2026-02-28"}));
  s.due.reset();
  EXPECT_TRUE(DueDays(s, Public2026()).empty());
}

TEST(WorkDueDays, NoneForAScheduleRefused) {
  const auto working = Public2026();
  for (const char* repeat : {"weekly", "monthly", "quarterly"}) {
    for (const int day : {0, 32}) {
      EXPECT_TRUE(DueDays(Monthly(day, "2026-06-01", "2026-12-31", repeat), working).empty())
          << repeat << " " << day;
    }
    EXPECT_TRUE(DueDays(Monthly(20, "2026-06-30", "2026-06-01", repeat), working).empty())
        << repeat << ": until before from";
    auto s = Monthly(20, "2026-06-01", "2026-12-31", repeat);
    s.from.reset();
    EXPECT_TRUE(DueDays(s, working).empty()) << repeat << ": no from";
    s = Monthly(20, "2026-06-01", "2026-12-31", repeat);
    s.until.reset();
    EXPECT_TRUE(DueDays(s, working).empty()) << repeat << ": no until";
  }
  // Weekly takes 1–7: 8 and 9 are refused though a month has them.
  EXPECT_TRUE(DueDays(Monthly(8, "2026-06-01", "2026-12-31", "weekly"), working).empty());
  EXPECT_EQ(DueDays(Monthly(8, "2026-06-01", "2026-06-30"), working).size(), 1U);
  EXPECT_TRUE(DueDays(Monthly(20, "2026-06-01", "2026-12-31", "daily"), working).empty());
}

TEST(WorkState, AtItsEdges) {
  const Day due = D("2026-06-10");
  EXPECT_EQ(StateOf(due, D("2026-06-10"), D("2026-06-20")), WorkState::kDone);
  EXPECT_EQ(StateOf(due, D("2026-06-11"), D("2026-06-20")), WorkState::kDoneLate);
  EXPECT_EQ(StateOf(due, std::nullopt, D("2026-06-10")), WorkState::kDueSoon);
  EXPECT_EQ(StateOf(due, std::nullopt, D("2026-06-11")), WorkState::kOverdue);
  EXPECT_EQ(StateOf(due, std::nullopt, D("2026-06-07")), WorkState::kDueSoon);  // 3 days before
  EXPECT_EQ(StateOf(due, std::nullopt, D("2026-06-06")), WorkState::kPending);
  EXPECT_EQ(WorkStateCode(WorkState::kDoneLate), "done_late");
  EXPECT_EQ(WorkStateLabel(WorkState::kOverdue), "逾期未完成");
  EXPECT_EQ(WorkStateLabel(WorkState::kDueSoon), "即将到期");
}

TEST(WorkReport, TheDueDayTheDoneDayAndTheNote) {
  const std::vector<Day> due = {D("2026-05-25"), D("2026-06-25")};
  WorkReport r;
  r.due = D("2026-06-25");
  r.done_on = D("2026-06-20");
  EXPECT_TRUE(CheckWorkReport(r, due, D("2026-06-20")).empty());  // done today
  EXPECT_TRUE(Names(CheckWorkReport(r, due, D("2026-06-19")), "done_on"));
  r.note = std::string(500, 'x');
  EXPECT_TRUE(CheckWorkReport(r, due, D("2026-06-20")).empty());
  r.note += "x";
  EXPECT_TRUE(Names(CheckWorkReport(r, due, D("2026-06-20")), "note"));
  r.note.clear();
  r.due = D("2026-06-24");
  EXPECT_TRUE(Names(CheckWorkReport(r, due, D("2026-06-20")), "due"));
}

TEST(WorkProgress, CountsWhatHasComeAndNamesTheNextOpenDay) {
  const std::vector<Day> due = {D("2026-01-23"), D("2026-02-25"), D("2026-03-25"), D("2026-04-24")};
  const std::vector<std::pair<Day, Day>> done = {{D("2026-01-23"), D("2026-01-20")},
                                                 {D("2026-02-25"), D("2026-02-27")},
                                                 {D("2026-04-24"), D("2026-03-20")}};
  // On the day of March's: due three, one on time, one late; March's open today is not overdue.
  auto p = ProgressOf(due, done, D("2026-03-25"));
  EXPECT_EQ(p.due, 3);
  EXPECT_EQ(p.done, 1);
  EXPECT_EQ(p.done_late, 1);
  EXPECT_EQ(p.overdue, 0);
  ASSERT_TRUE(p.next.has_value());
  EXPECT_EQ(calendar::FormatDate(*p.next), "2026-03-25");
  EXPECT_EQ(p.next_state, WorkState::kDueSoon);
  // The day after: March's is overdue; April's, done early, is not counted yet.
  p = ProgressOf(due, done, D("2026-03-26"));
  EXPECT_EQ(p.due, 3);
  EXPECT_EQ(p.overdue, 1);
  EXPECT_EQ(p.next_state, WorkState::kOverdue);
  // Before any: nothing due; the next is January's, three days or more away.
  p = ProgressOf(due, {}, D("2026-01-19"));
  EXPECT_EQ(p.due, 0);
  EXPECT_EQ(calendar::FormatDate(*p.next), "2026-01-23");
  EXPECT_EQ(p.next_state, WorkState::kPending);
  // All done: no next.
  p = ProgressOf({D("2026-01-23")}, {{D("2026-01-23"), D("2026-01-23")}}, D("2026-12-31"));
  EXPECT_EQ(p.done, 1);
  EXPECT_FALSE(p.next.has_value());
}

// duty.work over December 2026 (1–31), judged on the 10th: a due day before the month or after
// it is not counted; the 10th itself not done is still to come, the 9th not done is overdue.
TEST(WorkRule, JudgesTheMonthsDueDaysAtTheirEdges) {
  const Day first = D("2026-12-01");
  const Day last = D("2026-12-31");
  const Day today = D("2026-12-10");
  const auto due = [](std::int64_t id, const char* title, const char* day,
                      std::optional<const char*> done = std::nullopt) {
    return WorkDue{id, title, D(day), done ? std::optional<Day>(D(*done)) : std::nullopt};
  };
  using rules::Outcome;
  // Outside the month: November's last day and January's first, both overdue or open.
  auto v =
      JudgeWork({due(1, "周报", "2026-11-30"), due(2, "月报", "2027-01-01")}, first, last, today);
  EXPECT_EQ(v.outcome, Outcome::kNotApplicable);
  EXPECT_EQ(v.reason, "本月没有到期的全区工作");

  // The first day and the last day of the month count; done on the day is on time.
  v = JudgeWork({due(1, "周报", "2026-12-01", "2026-12-01"), due(2, "月报", "2026-12-31")}, first,
                last, today);
  EXPECT_EQ(v.outcome, Outcome::kDue);
  EXPECT_EQ(v.reason, "本月到期 2 项，已完成 1 项");
  EXPECT_TRUE(v.evidence.empty());

  // Today's day not done is still to come; all done on time passes.
  v = JudgeWork({due(1, "周报", "2026-12-10")}, first, last, today);
  EXPECT_EQ(v.outcome, Outcome::kDue);
  v = JudgeWork(
      {due(1, "周报", "2026-12-04", "2026-12-04"), due(1, "周报", "2026-12-31", "2026-12-09")},
      first, last, today);
  EXPECT_EQ(v.outcome, Outcome::kPass);
  EXPECT_EQ(v.reason, "本月到期的 2 项均按期完成");

  // Done a day late warns, with its item as evidence.
  v = JudgeWork({due(4, "周报", "2026-12-04", "2026-12-05"), due(2, "月报", "2026-12-31")}, first,
                last, today);
  EXPECT_EQ(v.outcome, Outcome::kWarn);
  EXPECT_EQ(v.reason, "1 项逾期完成（本月到期 2 项）");
  EXPECT_EQ(v.evidence, (std::vector<std::int64_t>{4}));

  // Yesterday's day not done fails, over a late one; each item once in the evidence, the first
  // three named.
  v = JudgeWork(
      {due(7, "周报", "2026-12-09"), due(4, "月报", "2026-12-04", "2026-12-05"),
       due(7, "周报", "2026-12-02"), due(3, "检查", "2026-12-03"), due(9, "分析", "2026-12-08")},
      first, last, today);
  EXPECT_EQ(v.outcome, Outcome::kFail);
  EXPECT_EQ(v.reason,
            "4 项逾期未完成：周报（2026-12-09 到期）；周报（2026-12-02 到期）；检查（2026-12-03 "
            "到期） 等");
  EXPECT_EQ(v.evidence, (std::vector<std::int64_t>{3, 4, 7, 9}));
  v = JudgeWork({due(7, "周报", "2026-12-09")}, first, last, today);
  EXPECT_EQ(v.reason, "1 项逾期未完成：周报（2026-12-09 到期）");
  v = JudgeWork(
      {due(7, "周报", "2026-12-09"), due(3, "检查", "2026-12-03"), due(9, "分析", "2026-12-08")},
      first, last, today);
  EXPECT_EQ(v.reason,
            "3 项逾期未完成：周报（2026-12-09 到期）；检查（2026-12-03 到期）；分析（2026-12-08 "
            "到期）");
}

}  // namespace
}  // namespace xiaoan::domain::duty
