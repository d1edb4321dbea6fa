// Routine patrols on the real 2026 calendar: the slots of daily, per-shift and weekly plans around
// the National Day holiday and its make-up Saturday, a vacation week, the plan's own dates, the
// states of a slot on the days at its edges, which record fills which slot, the answers of a
// patrol judged against the template, and the patrol.done rule of a school week.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/patrol/patrol.hpp"
#include "support/calendar_2026.hpp"

namespace xiaoan {
namespace {

using namespace domain::calendar;
namespace patrol = domain::patrol;
namespace checklist = domain::checklist;
namespace rules = domain::rules;
using patrol::SlotState;
using rules::Outcome;

using testing::D;
using testing::Holidays2026;

std::vector<std::string> Days(const std::vector<patrol::Slot>& slots) {
  std::vector<std::string> out;
  for (const auto& s : slots) {
    out.push_back(FormatDate(s.date) + (s.shift ? "#" + std::to_string(s.shift) : ""));
  }
  return out;
}

bool HasField(const std::vector<ErrorDetail>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const ErrorDetail& p) { return p.field == field; });
}

class Patrols : public ::testing::Test {
 protected:
  PublicCalendar holidays = Holidays2026();
  SchoolCalendar cal{holidays,
                     {{1, 2025, 2, D("2026-03-02"), D("2026-07-10")},
                      {1, 2026, 1, D("2026-09-01"), D("2027-01-22")}},
                     {}};

  static patrol::Plan Plan(std::string frequency, std::int64_t id = 1) {
    patrol::Plan p;
    p.id = id;
    p.school_id = 7;
    p.key_place_id = 3;
    p.template_id = 2;
    p.frequency = std::move(frequency);
    if (p.frequency == "shift") p.shifts = {12 * 60, 21 * 60 + 30};
    p.starts_on = "2026-09-01";
    return p;
  }
};

// ---- Slots ----------------------------------------------------------------------------------

TEST_F(Patrols, DailyPlanPatrolsSchoolDaysAroundNationalDay) {
  const auto p = Plan("daily");
  // 9-25..27 中秋 and 10-1..7 国庆 are off; Saturday 10-10 is a make-up school day.
  EXPECT_EQ(Days(patrol::SlotsBetween(p, cal, D("2026-09-24"), D("2026-10-11"))),
            (std::vector<std::string>{"2026-09-24", "2026-09-28", "2026-09-29", "2026-09-30",
                                      "2026-10-08", "2026-10-09", "2026-10-10"}));
  for (const auto& s : patrol::SlotsBetween(p, cal, D("2026-10-08"), D("2026-10-10"))) {
    EXPECT_EQ(s.due_by, s.date);
    EXPECT_EQ(s.shift, 0);
  }
}

TEST_F(Patrols, EveryDayPlanIgnoresTheCalendar) {
  auto p = Plan("daily");
  p.school_days_only = false;
  EXPECT_EQ(patrol::SlotsBetween(p, cal, D("2026-09-28"), D("2026-10-11")).size(), 14u);
  // Nor does a vacation stop it (a boarding dormitory kept open).
  p.starts_on = "2026-07-01";
  EXPECT_EQ(patrol::SlotsBetween(p, cal, D("2026-08-10"), D("2026-08-16")).size(), 7u);
}

TEST_F(Patrols, ShiftPlanHasOneSlotPerShiftOfEachDay) {
  const auto p = Plan("shift");
  EXPECT_EQ(
      Days(patrol::SlotsBetween(p, cal, D("2026-10-09"), D("2026-10-11"))),
      (std::vector<std::string>{"2026-10-09#1", "2026-10-09#2", "2026-10-10#1", "2026-10-10#2"}));
}

TEST_F(Patrols, WeeklyPlanHasOneSlotPerSchoolWeekDueOnItsSaturday) {
  const auto p = Plan("weekly");
  // Weeks end on Saturdays 10-03 and 10-10 (each with school days); the week ending 10-17 is not
  // in the range yet.
  const auto slots = patrol::SlotsBetween(p, cal, D("2026-09-28"), D("2026-10-16"));
  EXPECT_EQ(Days(slots), (std::vector<std::string>{"2026-09-28", "2026-10-05"}));
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[0].due_by, D("2026-10-03"));
  EXPECT_EQ(slots[1].due_by, D("2026-10-10"));
  // The range's last day on the week's Saturday takes the week; the day before does not.
  EXPECT_EQ(patrol::SlotsBetween(p, cal, D("2026-10-10"), D("2026-10-10")).size(), 1u);
  EXPECT_TRUE(patrol::SlotsBetween(p, cal, D("2026-10-04"), D("2026-10-09")).empty());
  // A summer-vacation week has no school day and asks for nothing, unless the plan runs every day.
  auto summer = p;
  summer.starts_on = "2026-07-01";
  EXPECT_TRUE(patrol::SlotsBetween(summer, cal, D("2026-08-09"), D("2026-08-15")).empty());
  // The week of the last school day, 7-10 (a Friday), still asks.
  EXPECT_EQ(patrol::SlotsBetween(summer, cal, D("2026-07-05"), D("2026-07-11")).size(), 1u);
  EXPECT_TRUE(patrol::SlotsBetween(summer, cal, D("2026-07-12"), D("2026-07-18")).empty());
  auto every_day = summer;
  every_day.school_days_only = false;
  EXPECT_EQ(patrol::SlotsBetween(every_day, cal, D("2026-08-09"), D("2026-08-15")).size(), 1u);
}

TEST_F(Patrols, WeeklyPlanCountsAWeekWithOneDayOfThePlan) {
  auto p = Plan("weekly");
  p.starts_on = "2026-10-10";  // the make-up Saturday, the last day of its week
  EXPECT_EQ(patrol::SlotsBetween(p, cal, D("2026-10-01"), D("2026-10-10")).size(), 1u);
  p.starts_on = "2026-10-11";  // a Sunday: the next week
  EXPECT_TRUE(patrol::SlotsBetween(p, cal, D("2026-10-01"), D("2026-10-10")).empty());
}

TEST_F(Patrols, PlanDatesBoundTheSlots) {
  auto p = Plan("daily");
  p.starts_on = "2026-10-09";
  p.ends_on = "2026-10-10";
  EXPECT_EQ(Days(patrol::SlotsBetween(p, cal, D("2026-10-08"), D("2026-10-12"))),
            (std::vector<std::string>{"2026-10-09", "2026-10-10"}));
  EXPECT_TRUE(patrol::SlotsBetween(p, cal, D("2026-10-12"), D("2026-10-08")).empty());
}

TEST_F(Patrols, AYearWithoutItsNoticeFlagsNothing) {
  const auto p = Plan("daily");
  // 2027 is not loaded: its days count as closed, so nothing is due or missed on a guess.
  EXPECT_TRUE(patrol::SlotsBetween(p, cal, D("2027-01-04"), D("2027-01-08")).empty());
}

// ---- States ---------------------------------------------------------------------------------

TEST_F(Patrols, DailySlotIsUpcomingDueThenMissed) {
  const patrol::Slot s{D("2026-10-08"), 0, D("2026-10-08")};
  EXPECT_EQ(patrol::StateOf(s, false, D("2026-10-07")), SlotState::kUpcoming);
  EXPECT_EQ(patrol::StateOf(s, false, D("2026-10-08")), SlotState::kDue);
  EXPECT_EQ(patrol::StateOf(s, false, D("2026-10-09")), SlotState::kMissed);
  EXPECT_EQ(patrol::StateOf(s, true, D("2026-10-09")), SlotState::kDone);
  EXPECT_EQ(patrol::StateOf(s, true, D("2026-10-07")), SlotState::kDone);
}

TEST_F(Patrols, WeeklySlotRunsSundayToSaturday) {
  const patrol::Slot s{D("2026-10-05"), 0, D("2026-10-10")};
  EXPECT_EQ(patrol::StateOf(s, false, D("2026-10-03")), SlotState::kUpcoming);
  EXPECT_EQ(patrol::StateOf(s, false, D("2026-10-04")), SlotState::kDue);
  EXPECT_EQ(patrol::StateOf(s, false, D("2026-10-10")), SlotState::kDue);
  EXPECT_EQ(patrol::StateOf(s, false, D("2026-10-11")), SlotState::kMissed);
  EXPECT_EQ(patrol::SlotStateCode(SlotState::kMissed), "missed");
  EXPECT_EQ(patrol::SlotStateLabel(SlotState::kMissed), "漏巡");
}

TEST_F(Patrols, ARecordFillsItsDayAndShiftOrAnyDayOfItsWeek) {
  const auto daily = Plan("daily");
  const patrol::Slot day{D("2026-10-09"), 0, D("2026-10-09")};
  EXPECT_TRUE(patrol::Fills(daily, day, {1, D("2026-10-09"), 0}));
  EXPECT_FALSE(patrol::Fills(daily, day, {1, D("2026-10-08"), 0}));
  EXPECT_FALSE(patrol::Fills(daily, day, {1, D("2026-10-10"), 0}));

  const auto shifts = Plan("shift");
  const patrol::Slot second{D("2026-10-09"), 2, D("2026-10-09")};
  EXPECT_TRUE(patrol::Fills(shifts, second, {1, D("2026-10-09"), 2}));
  EXPECT_FALSE(patrol::Fills(shifts, second, {1, D("2026-10-09"), 1}));

  const auto weekly = Plan("weekly");
  const patrol::Slot week{D("2026-10-05"), 0, D("2026-10-10")};
  EXPECT_TRUE(patrol::Fills(weekly, week, {1, D("2026-10-04"), 0}));  // its Sunday
  EXPECT_TRUE(patrol::Fills(weekly, week, {1, D("2026-10-10"), 0}));  // its Saturday
  EXPECT_FALSE(patrol::Fills(weekly, week, {1, D("2026-10-03"), 0}));
  EXPECT_FALSE(patrol::Fills(weekly, week, {1, D("2026-10-11"), 0}));
}

TEST_F(Patrols, ScheduleFillsEachSlotWithOneRecord) {
  const auto p = Plan("daily");
  const std::vector<patrol::Done> done = {
      {11, D("2026-10-08"), 0}, {12, D("2026-10-08"), 0}, {13, D("2026-10-10"), 0}};
  const auto s = patrol::Schedule(p, cal, D("2026-10-08"), D("2026-10-12"), done, D("2026-10-12"));
  ASSERT_EQ(s.size(), 4u);  // 10-08, 10-09, 10-10, 10-12
  EXPECT_EQ(s[0].state, SlotState::kDone);
  EXPECT_EQ(s[0].record_id, 11);
  EXPECT_EQ(s[1].state, SlotState::kMissed);  // the second record of 10-08 does not fill 10-09
  EXPECT_FALSE(s[1].record_id.has_value());
  EXPECT_EQ(s[2].record_id, 13);
  EXPECT_EQ(s[3].state, SlotState::kDue);
}

TEST_F(Patrols, SlotOfARecordIsCheckedAgainstThePlan) {
  auto p = Plan("shift");
  p.ends_on = "2026-10-31";
  EXPECT_EQ(patrol::SlotOf(p, cal, D("2026-08-31"), 1).error().details[0].field, "date");
  EXPECT_EQ(patrol::SlotOf(p, cal, D("2026-11-01"), 1).error().details[0].field, "date");
  EXPECT_TRUE(patrol::SlotOf(p, cal, D("2026-09-01"), 1).ok());
  EXPECT_TRUE(patrol::SlotOf(p, cal, D("2026-10-31"), 2).ok());
  EXPECT_EQ(patrol::SlotOf(p, cal, D("2026-10-09"), 0).error().details[0].field, "shift");
  EXPECT_EQ(patrol::SlotOf(p, cal, D("2026-10-09"), 3).error().details[0].field, "shift");
  EXPECT_EQ(patrol::SlotOf(Plan("daily"), cal, D("2026-10-09"), 1).error().details[0].field,
            "shift");
  const auto week = patrol::SlotOf(Plan("weekly"), cal, D("2026-10-04"), 0);
  ASSERT_TRUE(week.ok());
  EXPECT_EQ(week->date, D("2026-10-05"));
  EXPECT_EQ(week->due_by, D("2026-10-10"));
}

TEST_F(Patrols, ShiftTimesNameTheirShift) {
  const auto p = Plan("shift");
  EXPECT_EQ(patrol::ShiftTime(p, 1), "12:00");
  EXPECT_EQ(patrol::ShiftTime(p, 2), "21:30");
  EXPECT_EQ(patrol::ShiftTime(p, 0), "");
  EXPECT_EQ(patrol::ShiftTime(p, 3), "");
  EXPECT_EQ(patrol::ShiftTime(Plan("daily"), 1), "");
}

// ---- Plans ----------------------------------------------------------------------------------

TEST_F(Patrols, PlanProblemsNameTheirFields) {
  EXPECT_TRUE(patrol::ValidatePlan(Plan("daily")).empty());
  EXPECT_TRUE(patrol::ValidatePlan(Plan("shift")).empty());
  patrol::Plan bad;
  bad.frequency = "hourly";
  bad.starts_on = "2026-02-30";
  const auto e = patrol::ValidatePlan(bad);
  for (const char* f : {"school_id", "key_place_id", "template_id", "frequency", "starts_on"}) {
    EXPECT_TRUE(HasField(e, f)) << f;
  }
  auto shifts = Plan("shift");
  shifts.shifts = {600, 600, 24 * 60};
  const auto s = patrol::ValidatePlan(shifts);
  EXPECT_TRUE(HasField(s, "shifts[1]"));
  EXPECT_TRUE(HasField(s, "shifts[2]"));
  EXPECT_FALSE(HasField(s, "shifts[0]"));
  shifts.shifts = {0, 23 * 60 + 59};  // the first and last minute of the day
  EXPECT_TRUE(patrol::ValidatePlan(shifts).empty());
  shifts.shifts = {-1};
  EXPECT_TRUE(HasField(patrol::ValidatePlan(shifts), "shifts[0]"));
  shifts.shifts = {1, 2, 3, 4, 5, 6};
  EXPECT_TRUE(patrol::ValidatePlan(shifts).empty());
  shifts.shifts = {1, 2, 3, 4, 5, 6, 7};
  EXPECT_TRUE(HasField(patrol::ValidatePlan(shifts), "shifts"));
  shifts.shifts.clear();
  EXPECT_TRUE(HasField(patrol::ValidatePlan(shifts), "shifts"));
  auto daily = Plan("daily");
  daily.shifts = {600};
  EXPECT_TRUE(HasField(patrol::ValidatePlan(daily), "shifts"));
  daily.shifts.clear();
  daily.ends_on = "2026-08-31";
  EXPECT_TRUE(HasField(patrol::ValidatePlan(daily), "ends_on"));
  daily.ends_on = "2026-09-01";  // a one-day plan
  EXPECT_TRUE(patrol::ValidatePlan(daily).empty());
  daily.ends_on = "someday";
  EXPECT_TRUE(HasField(patrol::ValidatePlan(daily), "ends_on"));
  daily.ends_on.reset();
  daily.patroller = std::string(60 * 3, 'x').substr(0, 60);
  EXPECT_TRUE(patrol::ValidatePlan(daily).empty());
  daily.patroller += "x";
  EXPECT_TRUE(HasField(patrol::ValidatePlan(daily), "patroller"));
  daily.patroller.clear();
  daily.note = std::string(500, 'x');
  EXPECT_TRUE(patrol::ValidatePlan(daily).empty());
  daily.note += "x";
  EXPECT_TRUE(HasField(patrol::ValidatePlan(daily), "note"));
}

// ---- Answers --------------------------------------------------------------------------------

checklist::Template DormTemplate() {
  checklist::Template t;
  t.code = "fire.dormitory";
  checklist::Item exits;
  exits.key = "D01";
  exits.text = "疏散通道畅通，安全出口未锁闭";
  exits.domain = "fire";
  exits.place_kind = "dormitory";
  exits.photo_required = true;
  checklist::Item extinguishers = exits;
  extinguishers.key = "D02";
  extinguishers.text = "灭火器数量";
  extinguishers.answer = "number";
  extinguishers.min = 2;
  extinguishers.photo_required = false;
  checklist::Item whole;
  whole.key = "S01";
  whole.text = "消防控制室有人值守";
  whole.domain = "fire";
  t.items = {exits, extinguishers, whole};
  return t;
}

TEST_F(Patrols, ItemsForAPlaceAreItsKindsOrTheWholeSchools) {
  const auto t = DormTemplate();
  const auto dorm = patrol::ItemsFor(t, "dormitory");
  ASSERT_EQ(dorm.size(), 2u);
  EXPECT_EQ(dorm[0].key, "D01");
  const auto canteen = patrol::ItemsFor(t, "canteen");
  ASSERT_EQ(canteen.size(), 1u);
  EXPECT_EQ(canteen[0].key, "S01");
}

TEST_F(Patrols, AnswersAreJudgedAndFailuresCounted) {
  const auto items = patrol::ItemsFor(DormTemplate(), "dormitory");
  patrol::Record r;
  r.answers = {{"D01", "fail", "二楼东侧出口上锁", {42}}, {"D02", "1", "", {}}};
  ASSERT_TRUE(patrol::JudgeAnswers(items, r).ok());
  EXPECT_EQ(r.answers[0].verdict, "fail");
  EXPECT_EQ(r.answers[1].verdict, "fail");  // 1 below the minimum of 2
  EXPECT_EQ(r.failed, 2);
  r.answers = {{"D01", "pass", "", {42}}, {"D02", "2", "", {}}};
  ASSERT_TRUE(patrol::JudgeAnswers(items, r).ok());
  EXPECT_EQ(r.failed, 0);
  EXPECT_EQ(r.answers[1].verdict, "pass");  // exactly the minimum
  r.answers = {{"D01", "na", "", {}}, {"D02", "3", "", {}}};
  ASSERT_TRUE(patrol::JudgeAnswers(items, r).ok());
  EXPECT_EQ(r.answers[0].verdict, "na");
}

TEST_F(Patrols, AnswerProblemsNameTheAnswer) {
  const auto items = patrol::ItemsFor(DormTemplate(), "dormitory");
  patrol::Record r;
  r.answers = {{"D01", "fail", "", {}}, {"D09", "pass", "", {}}, {"D02", "很多", "", {}}};
  auto e = patrol::JudgeAnswers(items, r).error().details;
  EXPECT_TRUE(HasField(e, "answers[0].photo"));
  EXPECT_TRUE(HasField(e, "answers[1].item_key"));
  EXPECT_TRUE(HasField(e, "answers[2].value"));
  EXPECT_FALSE(HasField(e, "answers"));  // every item of the place was answered
  r.answers = {{"D01", "pass", "", {1}}, {"D01", "pass", "", {1}}};
  e = patrol::JudgeAnswers(items, r).error().details;
  EXPECT_TRUE(HasField(e, "answers[1].item_key"));
  EXPECT_TRUE(HasField(e, "answers"));  // D02 left out
  r.answers = {{"D01", "pass", std::string(501, 'x'), {1}}, {"D02", "2", "", {}}};
  EXPECT_TRUE(HasField(patrol::JudgeAnswers(items, r).error().details, "answers[0].note"));
  r.answers[0].note.pop_back();
  EXPECT_TRUE(patrol::JudgeAnswers(items, r).ok());
  r.note = std::string(500, 'x');
  EXPECT_TRUE(patrol::JudgeAnswers(items, r).ok());
  r.note += "x";
  EXPECT_TRUE(HasField(patrol::JudgeAnswers(items, r).error().details, "note"));
}

// ---- patrol.done ----------------------------------------------------------------------------

class PatrolRule : public Patrols {
 protected:
  std::vector<patrol::Plan> plans = {Plan("daily", 1), Plan("weekly", 2)};
  std::vector<patrol::PlanDone> done;
  rules::ParamValues values;

  rules::Judgement Judge(const char* day, const char* today) {
    return patrol::JudgeWeek(plans, done, cal, values, D(day), D(today));
  }
};

TEST_F(PatrolRule, IsDeclaredForMeasure11PerWeek) {
  EXPECT_TRUE(rules::CheckCatalog(patrol::RuleDecls()).empty());
  ASSERT_EQ(patrol::RuleDecls().size(), 1u);
  EXPECT_EQ(patrol::RuleDecls()[0].id, "patrol.done");
  EXPECT_EQ(patrol::RuleDecls()[0].measure, 11);
  EXPECT_EQ(patrol::RuleDecls()[0].period, rules::Period::kWeek);
}

TEST_F(PatrolRule, AWeekWithEveryPatrolDonePasses) {
  // The week of 10-05: school days 10-08, 10-09, 10-10; the weekly patrol once.
  for (const char* d : {"2026-10-08", "2026-10-09", "2026-10-10"})
    done.push_back({1, {0, D(d), 0}});
  done.push_back({2, {99, D("2026-10-09"), 0}});
  const auto j = Judge("2026-10-08", "2026-10-11");
  EXPECT_EQ(j.verdict.outcome, Outcome::kPass) << j.verdict.reason;
  EXPECT_FALSE(j.so_far);
  EXPECT_EQ(j.period.first, D("2026-10-04"));
  EXPECT_EQ(j.period.last, D("2026-10-10"));
  EXPECT_EQ(std::count(j.verdict.evidence.begin(), j.verdict.evidence.end(), 99), 1);
  // On its last day, with everything done, it passes already — judged so far.
  const auto last_day = Judge("2026-10-08", "2026-10-10");
  EXPECT_EQ(last_day.verdict.outcome, Outcome::kPass);
  EXPECT_TRUE(last_day.so_far);
}

TEST_F(PatrolRule, OneMissedDayFailsAtOnceUnlessAllowed) {
  done.push_back({1, {0, D("2026-10-09"), 0}});
  // 10-08 missed, seen on 10-09 while the week still runs.
  auto j = Judge("2026-10-09", "2026-10-09");
  EXPECT_EQ(j.verdict.outcome, Outcome::kFail) << j.verdict.reason;
  EXPECT_TRUE(j.so_far);
  values["allowed_missed"] = 1;
  EXPECT_EQ(Judge("2026-10-09", "2026-10-09").verdict.outcome, Outcome::kDue);
  // The week over: 10-08 and 10-10 and the weekly patrol missed — three, more than one.
  EXPECT_EQ(Judge("2026-10-09", "2026-10-11").verdict.outcome, Outcome::kFail);
  values["allowed_missed"] = 3;
  EXPECT_EQ(Judge("2026-10-09", "2026-10-11").verdict.outcome, Outcome::kPass);
  values["allowed_missed"] = 2;
  EXPECT_EQ(Judge("2026-10-09", "2026-10-11").verdict.outcome, Outcome::kFail);
}

TEST_F(PatrolRule, ADueWeekBeforeAnythingIsMissed) {
  const auto j = Judge("2026-10-08", "2026-10-08");
  EXPECT_EQ(j.verdict.outcome, Outcome::kDue) << j.verdict.reason;
  // Before the week starts everything is upcoming: due as well.
  EXPECT_EQ(Judge("2026-10-08", "2026-10-03").verdict.outcome, Outcome::kDue);
}

TEST_F(PatrolRule, NoPatrolsToDoIsNotApplicable) {
  // The National Day week (9-27..10-03 has 9-28..9-30) still asks; a vacation week does not.
  EXPECT_EQ(Judge("2026-08-12", "2026-08-20").verdict.outcome, Outcome::kNotApplicable);
  plans.clear();
  EXPECT_EQ(Judge("2026-10-08", "2026-10-20").verdict.outcome, Outcome::kNotApplicable);
}

TEST_F(PatrolRule, RecordsOfAnotherPlanDoNotCount) {
  for (const char* d : {"2026-10-08", "2026-10-09", "2026-10-10"})
    done.push_back({3, {0, D(d), 0}});
  done.push_back({2, {0, D("2026-10-09"), 0}});
  EXPECT_EQ(Judge("2026-10-08", "2026-10-11").verdict.outcome, Outcome::kFail);
}

}  // namespace
}  // namespace xiaoan
