// The drill rules on the real 2026 calendar: each rule at the edges of its period (first and last
// day, the day the period ends and the day after), boarding, kindergartens by quarter, schools
// with buses, the evacuation-time warning, and the record's own checks.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/drill/drill_rules.hpp"
#include "support/calendar_2026.hpp"

namespace xiaoan {
namespace {

using namespace domain::calendar;
namespace drill = domain::drill;
namespace rules = domain::rules;
using rules::Outcome;

using testing::D;
using testing::Holidays2026;

class DrillRules : public ::testing::Test {
 protected:
  PublicCalendar holidays = Holidays2026();
  SchoolCalendar cal{holidays,
                     {{1, 2025, 2, D("2026-03-02"), D("2026-07-10")},
                      {1, 2026, 1, D("2026-09-01"), D("2027-01-22")}},
                     {}};
  drill::SchoolFacts school{"primary", false, 0};
  std::vector<drill::Drill> drills;
  std::map<std::string, rules::ParamValues> values;

  drill::Drill& Add(const char* date, std::string kind = "fire") {
    drill::Drill d;
    d.id = static_cast<std::int64_t>(drills.size()) + 1;
    d.date = date;
    d.kind = std::move(kind);
    d.evacuation = drill::FindKind(d.kind)->evacuation;
    drills.push_back(d);
    return drills.back();
  }

  drill::Judgement Judge(const std::string& rule, const char* day, const char* today) {
    const auto all = drill::JudgeSchool(school, drills, cal, values, D(day), D(today));
    for (const auto& j : all) {
      if (j.rule->id == rule) return j;
    }
    ADD_FAILURE() << rule << " not judged for " << day;
    return {};
  }
  bool Judged(const std::string& rule, const char* day) {
    const auto all = drill::JudgeSchool(school, drills, cal, values, D(day), D(day));
    return std::any_of(all.begin(), all.end(), [&](const auto& j) { return j.rule->id == rule; });
  }
};

TEST(DrillCatalog, IsWellFormedAndInMeasure13) {
  EXPECT_TRUE(rules::CheckCatalog(drill::RuleDecls()).empty());
  for (const auto& r : drill::RuleDecls()) EXPECT_EQ(r.measure, 13) << r.id;
  EXPECT_EQ(drill::RuleDecls().size(), 6u);
}

TEST(Periods, SpansOnTheSchoolCalendar) {
  const auto holidays = Holidays2026();
  const SchoolCalendar cal(holidays, {{1, 2026, 1, D("2026-09-01"), D("2027-01-22")}}, {});
  const auto month = rules::PeriodOf(rules::Period::kMonth, D("2026-02-14"), cal);
  ASSERT_TRUE(month);
  EXPECT_EQ(month->key, "2026-02");
  EXPECT_EQ(month->label, "2026年2月");
  EXPECT_EQ(FormatDate(month->first), "2026-02-01");
  EXPECT_EQ(FormatDate(month->last), "2026-02-28");
  const auto dec = rules::PeriodOf(rules::Period::kMonth, D("2026-12-31"), cal);
  EXPECT_EQ(FormatDate(dec->last), "2026-12-31");
  const auto q = rules::PeriodOf(rules::Period::kQuarter, D("2026-12-31"), cal);
  EXPECT_EQ(q->key, "2026-Q4");
  EXPECT_EQ(q->label, "2026年第四季度");
  EXPECT_EQ(FormatDate(q->first), "2026-10-01");
  const auto q1 = rules::PeriodOf(rules::Period::kQuarter, D("2026-03-31"), cal);
  EXPECT_EQ(q1->key, "2026-Q1");
  EXPECT_EQ(FormatDate(q1->last), "2026-03-31");
  const auto sem = rules::PeriodOf(rules::Period::kSemester, D("2026-09-01"), cal);
  ASSERT_TRUE(sem);
  EXPECT_EQ(sem->key, "2026-1");
  EXPECT_EQ(sem->label, "2026—2027学年第一学期");
  EXPECT_EQ(FormatDate(sem->last), "2027-01-22");
  EXPECT_FALSE(rules::PeriodOf(rules::Period::kSemester, D("2026-08-31"), cal));
  EXPECT_FALSE(rules::PeriodOf(rules::Period::kRecord, D("2026-08-31"), cal));
  // The school week of the make-up Saturday 10-10 runs Sunday 10-04 to Saturday 10-10.
  const auto week = rules::PeriodOf(rules::Period::kWeek, D("2026-10-10"), cal);
  EXPECT_EQ(week->key, "W2026-10-05");
  EXPECT_EQ(FormatDate(week->first), "2026-10-04");
  EXPECT_EQ(FormatDate(week->last), "2026-10-10");
  const auto year = rules::PeriodOf(rules::Period::kYear, D("2026-06-30"), cal);
  EXPECT_EQ(year->key, "2026");
  EXPECT_EQ(FormatDate(year->first), "2026-01-01");
  EXPECT_EQ(FormatDate(year->last), "2026-12-31");
  const auto day = rules::PeriodOf(rules::Period::kDay, D("2026-06-30"), cal);
  EXPECT_EQ(FormatDate(day->first), "2026-06-30");
  EXPECT_EQ(FormatDate(day->last), "2026-06-30");
}

TEST(Periods, CountOutcomeIsDueUntilTheLastDayThenFails) {
  rules::PeriodSpan p{"2026-10", "2026年10月", D("2026-10-01"), D("2026-10-31")};
  EXPECT_EQ(rules::CountOutcome(1, 1, p, D("2026-11-30")), Outcome::kPass);
  EXPECT_EQ(rules::CountOutcome(2, 1, p, D("2026-11-30")), Outcome::kPass);
  EXPECT_EQ(rules::CountOutcome(0, 1, p, D("2026-10-31")), Outcome::kDue);
  EXPECT_EQ(rules::CountOutcome(0, 1, p, D("2026-11-01")), Outcome::kFail);
  for (const auto o :
       {Outcome::kPass, Outcome::kDue, Outcome::kFail, Outcome::kWarn, Outcome::kNotApplicable}) {
    EXPECT_EQ(rules::ParseOutcome(rules::OutcomeCode(o)), o);
  }
  EXPECT_FALSE(rules::ParseOutcome("ok"));
}

TEST(Periods, RemindersThirtyAndSevenDaysAheadAndOnceMissed) {
  const rules::PeriodSpan p{"2026-12", "2026年12月", D("2026-12-01"), D("2026-12-31")};
  using rules::NoticeFor;
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-11-30")), "");  // 31 days left
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-01")), "due_30");
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-23")), "due_30");  // 8 days left
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-24")), "due_7");
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-31")), "due_7");
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2027-01-01")), "");
  EXPECT_EQ(NoticeFor(Outcome::kFail, p, D("2026-12-31")), "");
  EXPECT_EQ(NoticeFor(Outcome::kFail, p, D("2027-01-01")), "missed");
  EXPECT_EQ(NoticeFor(Outcome::kFail, p, D("2027-01-07")), "missed");
  EXPECT_EQ(NoticeFor(Outcome::kFail, p, D("2027-01-08")), "");
  EXPECT_EQ(NoticeFor(Outcome::kPass, p, D("2026-12-31")), "");
  EXPECT_EQ(NoticeFor(Outcome::kNotApplicable, p, D("2027-01-01")), "");
  EXPECT_EQ(NoticeFor(Outcome::kWarn, p, D("2026-12-24")), "");
  EXPECT_EQ(rules::NoticeLabel("due_7"), "7 天内到期");
  EXPECT_EQ(rules::NoticeLabel("due_30"), "30 天内到期");
  EXPECT_EQ(rules::NoticeLabel("missed"), "已逾期未完成");
  EXPECT_EQ(rules::NoticeLabel("x"), "");
}

TEST(Periods, RemindersFollowTheRulesEffects) {
  const rules::PeriodSpan p{"2026-12", "2026年12月", D("2026-12-01"), D("2026-12-31")};
  using rules::NoticeFor;
  rules::Effects e;
  e.remind_first_days = 10;
  e.remind_second_days = 3;
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-20"), e), "");  // 11 days left
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-21"), e), "due_30");
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-27"), e), "due_30");  // 4 days left
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-28"), e), "due_7");
  EXPECT_EQ(rules::NoticeLabel("due_30", e), "10 天内到期");
  EXPECT_EQ(rules::NoticeLabel("due_7", e), "3 天内到期");
  // A reminder set to 0 is not sent; the other still is.
  e.remind_first_days = 0;
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-01"), e), "");
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-31"), e), "due_7");
  e.remind_first_days = 10;
  e.remind_second_days = 0;
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-31"), e), "due_30");
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-21"), e), "due_30");
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-20"), e), "");
  // The second set further out than the first: the tighter one is the first.
  e.remind_first_days = 5;
  e.remind_second_days = 20;
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-11"), e), "due_7");  // 20 days left
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-10"), e), "");
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-26"), e), "due_30");  // 5 days left
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-25"), e), "due_7");
  // Equal days: one reminder, the second's.
  e.remind_first_days = 7;
  e.remind_second_days = 7;
  EXPECT_EQ(NoticeFor(Outcome::kDue, p, D("2026-12-24"), e), "due_7");
  // A missed period is not told when turned off.
  e.remind_missed = false;
  EXPECT_EQ(NoticeFor(Outcome::kFail, p, D("2027-01-01"), e), "");
  e.remind_missed = true;
  EXPECT_EQ(NoticeFor(Outcome::kFail, p, D("2027-01-01"), e), "missed");
}

TEST_F(DrillRules, FireSemesterCountsWholeSchoolFireDrillsOnTheTermsFirstAndLastDay) {
  Add("2026-08-31");  // the day before the term
  auto j = Judge("drill.fire_semester", "2026-09-01", "2026-12-03");
  EXPECT_EQ(j.period.key, "2026-1");
  EXPECT_TRUE(j.so_far);
  EXPECT_EQ(j.verdict.outcome, Outcome::kDue);
  EXPECT_NE(j.verdict.reason.find("已记录 0 次"), std::string::npos) << j.verdict.reason;
  EXPECT_NE(j.verdict.reason.find("期限 2027-01-22"), std::string::npos) << j.verdict.reason;

  Add("2026-09-01").whole_school = false;  // a partial drill does not count
  EXPECT_EQ(Judge("drill.fire_semester", "2026-09-01", "2026-12-03").verdict.outcome,
            Outcome::kDue);
  Add("2026-09-01", "earthquake");  // nor does another kind
  EXPECT_EQ(Judge("drill.fire_semester", "2026-09-01", "2026-12-03").verdict.outcome,
            Outcome::kDue);
  Add("2026-09-01");
  j = Judge("drill.fire_semester", "2026-10-14", "2026-12-03");
  EXPECT_EQ(j.verdict.outcome, Outcome::kPass);
  EXPECT_EQ(j.verdict.evidence, std::vector<std::int64_t>{4});
  EXPECT_NE(j.verdict.reason.find("已记录 1 次：2026-09-01"), std::string::npos);

  // Spring term: its last day counts, and after it the term has failed.
  EXPECT_EQ(Judge("drill.fire_semester", "2026-07-10", "2026-07-10").verdict.outcome,
            Outcome::kDue);
  EXPECT_EQ(Judge("drill.fire_semester", "2026-07-10", "2026-07-11").verdict.outcome,
            Outcome::kFail);
  EXPECT_TRUE(Judge("drill.fire_semester", "2026-07-10", "2026-07-10").so_far);
  EXPECT_FALSE(Judge("drill.fire_semester", "2026-07-10", "2026-07-11").so_far);
  Add("2026-07-10");
  EXPECT_EQ(Judge("drill.fire_semester", "2026-03-02", "2026-07-11").verdict.outcome,
            Outcome::kPass);
  // In the summer vacation there is no semester to judge.
  EXPECT_FALSE(Judged("drill.fire_semester", "2026-08-15"));

  values["drill.fire_semester"] = {{"min_count", 2}};
  j = Judge("drill.fire_semester", "2026-03-02", "2026-07-11");
  EXPECT_EQ(j.verdict.outcome, Outcome::kFail);
  EXPECT_NE(j.verdict.reason.find("需全员消防疏散演练 2 次"), std::string::npos);
}

TEST_F(DrillRules, NightDrillsTwicePerCalendarYearInBoardingSchools) {
  Add("2026-10-14").night = true;
  EXPECT_EQ(Judge("drill.night_boarding", "2026-10-14", "2026-12-31").verdict.outcome,
            Outcome::kNotApplicable);
  school.boarding = true;
  auto j = Judge("drill.night_boarding", "2026-10-14", "2026-12-31");
  EXPECT_EQ(j.period.key, "2026");
  EXPECT_EQ(j.verdict.outcome, Outcome::kDue);
  EXPECT_EQ(Judge("drill.night_boarding", "2026-10-14", "2027-01-01").verdict.outcome,
            Outcome::kFail);
  auto& attack = Add("2026-11-02", "attack");  // not an evacuation
  attack.night = true;
  EXPECT_EQ(Judge("drill.night_boarding", "2026-10-14", "2027-01-01").verdict.outcome,
            Outcome::kFail);
  Add("2027-01-01").night = true;  // the next year's
  EXPECT_EQ(Judge("drill.night_boarding", "2026-10-14", "2027-01-01").verdict.outcome,
            Outcome::kFail);
  Add("2026-01-01").night = true;  // the year's first day counts
  j = Judge("drill.night_boarding", "2026-10-14", "2027-01-01");
  EXPECT_EQ(j.verdict.outcome, Outcome::kPass);
  EXPECT_NE(j.verdict.reason.find("2026-10-14、2026-01-01"), std::string::npos) << j.verdict.reason;
  // Two in one semester are enough.
  drills.clear();
  Add("2026-09-15").night = true;
  Add("2026-12-31").night = true;
  EXPECT_EQ(Judge("drill.night_boarding", "2026-09-15", "2026-12-31").verdict.outcome,
            Outcome::kPass);
}

TEST_F(DrillRules, MonthlyInTeachingMonthsOnly) {
  auto j = Judge("drill.monthly", "2026-10-31", "2026-10-31");
  EXPECT_EQ(j.period.key, "2026-10");
  EXPECT_EQ(j.verdict.outcome, Outcome::kDue);
  EXPECT_EQ(Judge("drill.monthly", "2026-10-31", "2026-11-01").verdict.outcome, Outcome::kFail);
  Add("2026-11-01");
  EXPECT_EQ(Judge("drill.monthly", "2026-10-01", "2026-11-01").verdict.outcome, Outcome::kFail);
  Add("2026-10-31", "attack");  // not an evacuation drill
  EXPECT_EQ(Judge("drill.monthly", "2026-10-01", "2026-11-01").verdict.outcome, Outcome::kFail);
  Add("2026-10-31", "earthquake");
  EXPECT_EQ(Judge("drill.monthly", "2026-10-01", "2026-11-01").verdict.outcome, Outcome::kPass);
  Add("2026-11-30", "other");
  EXPECT_EQ(Judge("drill.monthly", "2026-11-30", "2026-12-01").verdict.outcome, Outcome::kPass);

  // August and February have no school days (the spring term opens 03-02).
  EXPECT_EQ(Judge("drill.monthly", "2026-08-15", "2026-09-01").verdict.outcome,
            Outcome::kNotApplicable);
  EXPECT_EQ(Judge("drill.monthly", "2026-02-15", "2026-03-01").verdict.outcome,
            Outcome::kNotApplicable);
  // July has 8 school days before the term ends on 07-10.
  values["drill.monthly"] = {{"teaching_month_days", 8}};
  EXPECT_EQ(Judge("drill.monthly", "2026-07-01", "2026-08-01").verdict.outcome, Outcome::kFail);
  values["drill.monthly"] = {{"teaching_month_days", 9}};
  j = Judge("drill.monthly", "2026-07-01", "2026-08-01");
  EXPECT_EQ(j.verdict.outcome, Outcome::kNotApplicable);
  EXPECT_NE(j.verdict.reason.find("上学日 8 天，不足 9 天"), std::string::npos) << j.verdict.reason;
  // January 2027 cannot be judged until the 2027 notice is loaded.
  j = Judge("drill.monthly", "2027-01-05", "2027-01-05");
  EXPECT_EQ(j.verdict.outcome, Outcome::kNotApplicable);
  EXPECT_NE(j.verdict.reason.find("缺少 2027 年节假日安排"), std::string::npos);
}

TEST_F(DrillRules, KindergartensByQuarter) {
  school.stage = "kindergarten";
  auto j = Judge("drill.monthly", "2026-10-14", "2026-12-31");
  EXPECT_EQ(j.period.key, "2026-Q4");
  EXPECT_EQ(j.verdict.outcome, Outcome::kDue);
  EXPECT_EQ(Judge("drill.monthly", "2026-10-14", "2027-01-01").verdict.outcome, Outcome::kFail);
  Add("2026-09-30");  // Q3
  EXPECT_EQ(Judge("drill.monthly", "2026-10-14", "2027-01-01").verdict.outcome, Outcome::kFail);
  EXPECT_EQ(Judge("drill.monthly", "2026-07-01", "2026-10-01").verdict.outcome, Outcome::kPass);
  Add("2026-12-31");
  EXPECT_EQ(Judge("drill.monthly", "2026-10-14", "2027-01-01").verdict.outcome, Outcome::kPass);
  values["drill.monthly"] = {{"kindergarten_quarter_count", 2}};
  EXPECT_EQ(Judge("drill.monthly", "2026-10-14", "2027-01-01").verdict.outcome, Outcome::kFail);
}

TEST_F(DrillRules, SemesterFloorAndSchoolBus) {
  EXPECT_EQ(Judge("drill.semester_floor", "2026-03-02", "2026-07-11").verdict.outcome,
            Outcome::kFail);
  Add("2026-03-02", "earthquake");
  EXPECT_EQ(Judge("drill.semester_floor", "2026-03-02", "2026-07-11").verdict.outcome,
            Outcome::kPass);

  auto j = Judge("drill.school_bus", "2026-03-02", "2026-07-11");
  EXPECT_EQ(j.verdict.outcome, Outcome::kNotApplicable);
  school.school_buses = 1;
  EXPECT_EQ(Judge("drill.school_bus", "2026-03-02", "2026-07-11").verdict.outcome, Outcome::kFail);
  Add("2026-07-11", "school_bus");  // after the term
  EXPECT_EQ(Judge("drill.school_bus", "2026-03-02", "2026-07-11").verdict.outcome, Outcome::kFail);
  Add("2026-07-10", "school_bus");
  EXPECT_EQ(Judge("drill.school_bus", "2026-03-02", "2026-07-11").verdict.outcome, Outcome::kPass);
}

TEST(DrillTime, WarnsPastTheLimitInLowBuildings) {
  drill::Drill d;
  d.id = 7;
  d.kind = "fire";
  d.floors = 4;
  d.signal_time = "10:00:00";
  d.all_out_time = "10:02:00";
  auto v = drill::JudgeTime(d, {});
  EXPECT_EQ(v.outcome, Outcome::kPass);
  EXPECT_EQ(v.reason, "疏散用时 120 秒，符合4 层及以下建筑要求不超过 120 秒");
  d.all_out_time = "10:02:01";
  v = drill::JudgeTime(d, {});
  EXPECT_EQ(v.outcome, Outcome::kWarn);
  EXPECT_EQ(v.evidence, std::vector<std::int64_t>{7});
  EXPECT_EQ(drill::JudgeTime(d, {{"limit_seconds", 121}}).outcome, Outcome::kPass);
  d.floors = 5;
  EXPECT_EQ(drill::JudgeTime(d, {}).outcome, Outcome::kNotApplicable);
  EXPECT_EQ(drill::JudgeTime(d, {{"max_floors", 5}}).outcome, Outcome::kWarn);
  d.floors = 0;
  EXPECT_EQ(drill::JudgeTime(d, {}).outcome, Outcome::kNotApplicable);
  d.floors = 1;
  d.evacuation = false;
  EXPECT_EQ(drill::JudgeTime(d, {}).outcome, Outcome::kNotApplicable);
  d.evacuation = true;
  d.all_out_time.clear();
  EXPECT_EQ(drill::JudgeTime(d, {}).outcome, Outcome::kNotApplicable);
}

bool HasField(const std::vector<ErrorDetail>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const ErrorDetail& p) { return p.field == field; });
}

drill::Drill Valid() {
  drill::Drill d;
  d.school_id = 3;
  d.kind = "fire";
  d.date = "2026-12-03";
  d.commander = "王校长";
  d.students = 800;
  d.staff = 60;
  d.signal_time = "10:00:00";
  d.all_out_time = "10:01:50";
  return d;
}

TEST(DrillRecord, ChecksEachField) {
  const Date today = D("2026-12-03");
  EXPECT_TRUE(drill::ValidateDrill(Valid(), today).empty());
  auto d = Valid();
  d.date = "2026-12-04";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "date"));
  d.date = "2026-13-01";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "date"));
  d = Valid();
  d.kind = "flood";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "kind"));
  d = Valid();
  d.commander = "";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "commander"));
  d = Valid();
  d.whole_school = false;
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "scope_note"));
  d.scope_note = "一至三年级";
  EXPECT_TRUE(drill::ValidateDrill(d, today).empty());
  d = Valid();
  d.students = 0;
  d.staff = 0;
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "students"));
  d.staff = 1;
  EXPECT_TRUE(drill::ValidateDrill(d, today).empty());
  d = Valid();
  d.all_out_time = "10:00:00";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "all_out_time"));
  d.all_out_time = "11:00:00";
  EXPECT_TRUE(drill::ValidateDrill(d, today).empty());
  EXPECT_EQ(drill::EvacuationSeconds(d), 3600);
  d.all_out_time = "11:00:01";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "all_out_time"));
  d.all_out_time = "";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "all_out_time"));
  d.signal_time = "";
  EXPECT_TRUE(drill::ValidateDrill(d, today).empty());
  d.signal_time = "25:00:00";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "signal_time"));
  d = Valid();
  d.headcount_ok = false;
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "headcount_note"));
  d = Valid();
  d.problems = {{"", std::nullopt}};
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "problems[0].text"));
  d.injuries = -1;
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "injuries"));
  d = Valid();
  d.title = std::string("\x1b", 1);
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "title"));
  // Edges of each bound.
  d = Valid();
  d.school_id = 0;
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "school_id"));
  d = Valid();
  d.title = std::string(100, 'a');
  EXPECT_TRUE(drill::ValidateDrill(d, today).empty());
  d.title += "a";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "title"));
  d = Valid();
  d.students = 20000;
  EXPECT_TRUE(drill::ValidateDrill(d, today).empty());
  d.students = 20001;
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "students"));
  d = Valid();
  d.date = "2000-01-01";
  EXPECT_TRUE(drill::ValidateDrill(d, today).empty());
  d.date = "1999-12-31";
  EXPECT_TRUE(HasField(drill::ValidateDrill(d, today), "date"));
  d = Valid();
  d.problems.assign(50, {"灭火器过期", std::nullopt});
  EXPECT_TRUE(drill::ValidateDrill(d, today).empty());
  d.problems.push_back({"", std::nullopt});  // the 51st: refused as a whole, not checked
  const auto many = drill::ValidateDrill(d, today);
  ASSERT_EQ(many.size(), 1u);
  EXPECT_EQ(many[0].field, "problems");
  d = Valid();
  d.signal_time = "25:00:00";  // only the bad one is named
  const auto one = drill::ValidateDrill(d, today);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].field, "signal_time");
  d = Valid();
  d.all_out_time = d.signal_time;
  EXPECT_FALSE(drill::EvacuationSeconds(d));
  d.all_out_time = "10:00:01";
  EXPECT_EQ(drill::EvacuationSeconds(d), 1);
  d.signal_time = "";
  EXPECT_FALSE(drill::EvacuationSeconds(d));
  d.signal_time = "10:00:00";
  d.all_out_time = "";
  EXPECT_FALSE(drill::EvacuationSeconds(d));
  for (const char* bad : {"ab:00", "1a:00", "a1:00", "/0:00", ":0:00", "0/:00", "0::00", "12:ab",
                          "12:0a", "12:00:ab", "12:00-00", "12.30", "12:00:6"}) {
    EXPECT_FALSE(drill::ParseTimeOfDay(bad)) << bad;
  }
  EXPECT_EQ(drill::ParseTimeOfDay("00:00"), 0);
  EXPECT_EQ(drill::ParseTimeOfDay("09:09:09"), 9 * 3600 + 9 * 60 + 9);
  EXPECT_EQ(drill::ParseTimeOfDay("16:30"), 16 * 3600 + 30 * 60);
  EXPECT_EQ(drill::ParseTimeOfDay("23:59:59"), 86399);
  EXPECT_FALSE(drill::ParseTimeOfDay("24:00"));
  EXPECT_FALSE(drill::ParseTimeOfDay("12:60"));
  EXPECT_FALSE(drill::ParseTimeOfDay("12:00:60"));
  EXPECT_FALSE(drill::ParseTimeOfDay("12-00"));
}

drill::DrillPlan ValidPlan() {
  drill::DrillPlan p;
  p.school_id = 7;
  p.kind = "fire";
  p.date = "2026-12-10";
  p.start_time = "10:00";
  p.commander = "王校长";
  return p;
}

// A plan is due from today to today + 7, overdue from the day after its day, done once carried
// out whatever its day.
TEST(DrillPlan, StatusAtTheEdgesOfTheWeek) {
  auto p = ValidPlan();
  const auto status = [&](const char* today) { return drill::StatusOf(p, D(today)); };
  EXPECT_EQ(status("2026-12-02"), drill::PlanStatus::kPlanned);  // 8 days ahead
  EXPECT_EQ(status("2026-12-03"), drill::PlanStatus::kDue);      // 7 days ahead
  EXPECT_EQ(status("2026-12-10"), drill::PlanStatus::kDue);      // its day
  EXPECT_EQ(status("2026-12-11"), drill::PlanStatus::kOverdue);  // the day after
  p.drill_id = 3;
  EXPECT_EQ(status("2026-12-11"), drill::PlanStatus::kDone);
  EXPECT_EQ(status("2026-12-02"), drill::PlanStatus::kDone);
  for (const auto s : {drill::PlanStatus::kPlanned, drill::PlanStatus::kDue,
                       drill::PlanStatus::kOverdue, drill::PlanStatus::kDone}) {
    EXPECT_EQ(drill::ParsePlanStatus(drill::PlanStatusCode(s)), s);
    EXPECT_FALSE(drill::PlanStatusLabel(s).empty());
  }
  EXPECT_EQ(drill::PlanStatusLabel(drill::PlanStatus::kDue), "本周待办");
  EXPECT_FALSE(drill::ParsePlanStatus("soon").has_value());
}

TEST(DrillPlan, ChecksEachField) {
  const Date today = D("2026-12-10");
  EXPECT_TRUE(drill::ValidatePlan(ValidPlan(), today).empty());  // today itself
  auto p = ValidPlan();
  p.date = "2026-12-09";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "date"));
  EXPECT_TRUE(drill::ValidatePlan(p, std::nullopt).empty());  // a kept day may be past
  p.date = "2101-01-01";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "date"));
  p.date = "2100-12-31";
  EXPECT_TRUE(drill::ValidatePlan(p, today).empty());
  p.date = "1999-12-31";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, std::nullopt), "date"));
  p.date = "2000-01-01";
  EXPECT_TRUE(drill::ValidatePlan(p, std::nullopt).empty());
  p.date = "12/10";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "date"));
  p = ValidPlan();
  p.school_id = 0;
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "school_id"));
  p = ValidPlan();
  p.kind = "flood";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "kind"));
  p = ValidPlan();
  p.start_time = "10:00:00";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "start_time"));
  p.start_time = "24:00";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "start_time"));
  p.start_time = "";
  EXPECT_TRUE(drill::ValidatePlan(p, today).empty());
  p.whole_school = false;
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "scope_note"));
  p.scope_note = "高一年级";
  EXPECT_TRUE(drill::ValidatePlan(p, today).empty());
  p.commander = "";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "commander"));
  p = ValidPlan();
  p.note = std::string(1000, 'x');
  EXPECT_TRUE(drill::ValidatePlan(p, today).empty());
  p.note += "x";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "note"));
  p = ValidPlan();
  p.title = "\x1b";
  EXPECT_TRUE(HasField(drill::ValidatePlan(p, today), "title"));
}

TEST(DrillPlan, ARecordCarriesOutAnOpenPlanOfItsSchool) {
  auto p = ValidPlan();
  auto d = Valid();
  d.school_id = p.school_id;
  EXPECT_TRUE(drill::CheckPlanForRecord(p, d).empty());
  d.school_id = p.school_id + 1;
  EXPECT_TRUE(HasField(drill::CheckPlanForRecord(p, d), "plan_id"));
  d.school_id = p.school_id;
  p.drill_id = 9;
  EXPECT_TRUE(HasField(drill::CheckPlanForRecord(p, d), "plan_id"));
}

}  // namespace
}  // namespace xiaoan
