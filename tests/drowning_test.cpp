// 防溺水警示提醒 (rule edu.drowning) on the real 2026 calendar: the warning days of a city and of a
// rural school through the 2026 spring semester (the week whose last school day is the make-up
// Saturday of 劳动节, the eves of 端午节 and of the summer vacation), the autumn weeks before
// 中秋节 and 国庆节, the warm season's edges, a school's own day off, the bureau's campaigns, and
// the rule judged for a school week; then the joint-prevention departments' tasks and reports.
// Expected dates are counted from the State Council's notice by hand, not by the code under test.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/edu/drowning.hpp"
#include "domain/edu/joint.hpp"
#include "support/calendar_2026.hpp"

namespace xiaoan {
namespace {

using namespace domain::edu;
using domain::calendar::Date;
using domain::calendar::DayException;
using domain::calendar::FormatDate;
using domain::calendar::PublicCalendar;
using domain::calendar::SchoolCalendar;
using domain::calendar::Term;
using domain::rules::Outcome;
using testing::D;

const PublicCalendar& Public() {
  static const PublicCalendar c = testing::Holidays2026();
  return c;
}

std::vector<Term> Terms() {
  return {{1, 2025, 2, D("2026-03-02"), D("2026-07-10")},
          {1, 2026, 1, D("2026-09-01"), D("2027-01-22")}};
}

// "2026-06-18 weekend+holiday 端午节", "2026-06-22 campaign#7" … for readable failures.
std::vector<std::string> Lines(const std::vector<WarningDay>& days) {
  std::vector<std::string> out;
  for (const auto& d : days) {
    std::string line = FormatDate(d.date) + " ";
    for (std::size_t i = 0; i < d.reasons.size(); ++i) {
      if (i > 0) line += "+";
      line += WarningReasonCode(d.reasons[i]);
    }
    if (!d.occasion.empty()) line += " " + d.occasion;
    for (const auto id : d.campaigns) line += " #" + std::to_string(id);
    out.push_back(line);
  }
  return out;
}

using Lines_t = std::vector<std::string>;

TEST(DrowningWarnings, ACitySchoolThroughTheSpringSemester) {
  const SchoolCalendar cal(Public(), Terms(), {});
  const auto days = WarningDays(cal, {}, false, {}, D("2026-03-02"), D("2026-07-10"));
  // May to September: the last school day of each week. 30 April is the eve of 劳动节 and the
  // week's last school day, but in April; the week of 劳动节 ends on the make-up Saturday; the
  // week of 端午节 on Thursday 18 June; the semester on Friday 10 July before the summer vacation.
  EXPECT_EQ(Lines(days), (Lines_t{"2026-05-09 weekend", "2026-05-15 weekend", "2026-05-22 weekend",
                                  "2026-05-29 weekend", "2026-06-05 weekend", "2026-06-12 weekend",
                                  "2026-06-18 weekend+holiday 端午节", "2026-06-26 weekend",
                                  "2026-07-03 weekend", "2026-07-10 weekend+holiday 暑假"}));
}

TEST(DrowningWarnings, ARuralSchoolIsWarnedOnTheLastThreeSchoolDaysOfEachWeek) {
  const SchoolCalendar cal(Public(), Terms(), {});
  const auto days = WarningDays(cal, {}, true, {}, D("2026-05-03"), D("2026-05-16"));
  // 3–9 May: school on 6, 7, 8 and the make-up Saturday 9; 10–16 May: Monday to Friday.
  EXPECT_EQ(Lines(days),
            (Lines_t{"2026-05-07 frequency", "2026-05-08 frequency", "2026-05-09 weekend",
                     "2026-05-13 frequency", "2026-05-14 frequency", "2026-05-15 weekend"}));
  const auto dragon = WarningDays(cal, {}, true, {}, D("2026-06-14"), D("2026-06-20"));
  EXPECT_EQ(Lines(dragon), (Lines_t{"2026-06-16 frequency", "2026-06-17 frequency",
                                    "2026-06-18 weekend+holiday 端午节"}));
  // Township and urban-rural-fringe schools are warned as often; city schools are not.
  EXPECT_TRUE(HighRiskLocation("rural"));
  EXPECT_TRUE(HighRiskLocation("township"));
  EXPECT_TRUE(HighRiskLocation("fringe"));
  EXPECT_FALSE(HighRiskLocation("urban"));
  EXPECT_FALSE(HighRiskLocation(""));
}

TEST(DrowningWarnings, MoreDaysThanTheWeekHasWarnsEverySchoolDay) {
  const SchoolCalendar cal(Public(), Terms(), {});
  WarningPlan plan;
  plan.high_days = 7;
  const auto days = WarningDays(cal, plan, true, {}, D("2026-05-03"), D("2026-05-09"));
  EXPECT_EQ(Lines(days), (Lines_t{"2026-05-06 frequency", "2026-05-07 frequency",
                                  "2026-05-08 frequency", "2026-05-09 weekend"}));
  // A range that cuts the week gives the days of the whole week's judgement inside it.
  plan.high_days = 3;
  EXPECT_EQ(Lines(WarningDays(cal, plan, true, {}, D("2026-05-07"), D("2026-05-08"))),
            (Lines_t{"2026-05-07 frequency", "2026-05-08 frequency"}));
  EXPECT_TRUE(WarningDays(cal, plan, true, {}, D("2026-05-08"), D("2026-05-07")).empty());
  // A range of one day.
  EXPECT_EQ(Lines(WarningDays(cal, plan, true, {}, D("2026-05-09"), D("2026-05-09"))),
            (Lines_t{"2026-05-09 weekend"}));
  // Two days a week: the last two.
  plan.high_days = 2;
  EXPECT_EQ(Lines(WarningDays(cal, plan, true, {}, D("2026-05-10"), D("2026-05-16"))),
            (Lines_t{"2026-05-14 frequency", "2026-05-15 weekend"}));
}

TEST(DrowningWarnings, TheAutumnWeeksBeforeTheMidAutumnFestivalAndNationalDay) {
  const SchoolCalendar cal(Public(), Terms(), {});
  // 20 September is a make-up Sunday and opens the school week of 20–26 September; 中秋节 on
  // Friday 25 makes Thursday 24 its last school day; 国庆节 makes Wednesday 30 the next one's.
  // October is out of the season: nothing on the make-up Saturday 10 October.
  EXPECT_EQ(Lines(WarningDays(cal, {}, true, {}, D("2026-09-20"), D("2026-10-17"))),
            (Lines_t{"2026-09-22 frequency", "2026-09-23 frequency",
                     "2026-09-24 weekend+holiday 中秋节", "2026-09-28 frequency",
                     "2026-09-29 frequency", "2026-09-30 weekend+holiday 国庆节"}));
  EXPECT_EQ(Lines(WarningDays(cal, {}, false, {}, D("2026-08-30"), D("2026-09-05"))),
            (Lines_t{"2026-09-04 weekend"}));
}

TEST(DrowningWarnings, TheWarmSeasonsEdges) {
  const SchoolCalendar cal(Public(), Terms(), {});
  WarningPlan april;
  april.season_from = 4;
  // From April: the eve of 清明节 (Friday 3 April) and of 劳动节 (Thursday 30 April).
  EXPECT_EQ(
      Lines(WarningDays(cal, april, false, {}, D("2026-03-29"), D("2026-05-02"))),
      (Lines_t{"2026-04-03 weekend+holiday 清明节", "2026-04-10 weekend", "2026-04-17 weekend",
               "2026-04-24 weekend", "2026-04-30 weekend+holiday 劳动节"}));
  WarningPlan to_august;
  to_august.season_to = 8;
  EXPECT_TRUE(WarningDays(cal, to_august, true, {}, D("2026-09-01"), D("2026-09-30")).empty());
  // The eve of the summer vacation is warned even when the season is set later.
  WarningPlan autumn;
  autumn.season_from = 9;
  autumn.season_to = 10;
  EXPECT_EQ(Lines(WarningDays(cal, autumn, true, {}, D("2026-03-02"), D("2026-07-10"))),
            (Lines_t{"2026-07-10 holiday 暑假"}));
  EXPECT_TRUE(InWarmSeason({}, D("2026-05-01")));
  EXPECT_TRUE(InWarmSeason({}, D("2026-09-30")));
  EXPECT_FALSE(InWarmSeason({}, D("2026-04-30")));
  EXPECT_FALSE(InWarmSeason({}, D("2026-10-01")));
  // A season across the new year.
  WarningPlan winter;
  winter.season_from = 11;
  winter.season_to = 2;
  EXPECT_TRUE(InWarmSeason(winter, D("2026-11-01")));
  EXPECT_TRUE(InWarmSeason(winter, D("2026-01-15")));
  EXPECT_TRUE(InWarmSeason(winter, D("2026-02-28")));
  EXPECT_FALSE(InWarmSeason(winter, D("2026-03-01")));
  EXPECT_FALSE(InWarmSeason(winter, D("2026-10-31")));
  WarningPlan one_month;
  one_month.season_from = 7;
  one_month.season_to = 7;
  EXPECT_TRUE(InWarmSeason(one_month, D("2026-07-31")));
  EXPECT_FALSE(InWarmSeason(one_month, D("2026-06-30")));
  EXPECT_FALSE(InWarmSeason(one_month, D("2026-08-01")));
}

TEST(DrowningWarnings, TheWinterVacationIsNotTheSummers) {
  // The autumn semester of 2025 ends on Friday 16 January 2026: the eve of the winter vacation is
  // out of the season and no summer vacation, so no warning; with a season across the new year
  // it is warned like any holiday's eve.
  std::vector<Term> terms = Terms();
  terms.insert(terms.begin(), {1, 2025, 1, D("2025-09-01"), D("2026-01-16")});
  const SchoolCalendar cal(Public(), terms, {});
  EXPECT_TRUE(WarningDays(cal, {}, true, {}, D("2026-01-11"), D("2026-01-17")).empty());
  WarningPlan winter;
  winter.season_from = 11;
  winter.season_to = 1;
  EXPECT_EQ(Lines(WarningDays(cal, winter, false, {}, D("2026-01-11"), D("2026-01-17"))),
            (Lines_t{"2026-01-16 weekend+holiday 寒假"}));
}

TEST(DrowningWarnings, ASchoolsOwnDayOffMovesTheWeeksWarning) {
  // 运动会 on Friday 29 May: the week ends on Thursday 28 May.
  const SchoolCalendar cal(Public(), Terms(), {{9, D("2026-05-29"), false, "运动会"}});
  EXPECT_EQ(Lines(WarningDays(cal, {}, true, {}, D("2026-05-24"), D("2026-05-30"))),
            (Lines_t{"2026-05-26 frequency", "2026-05-27 frequency", "2026-05-28 weekend"}));
}

DrowningCampaign Campaign(std::int64_t id, const char* from, const char* to,
                          std::vector<std::string> types = {}) {
  DrowningCampaign c;
  c.id = id;
  c.unit_id = 2;
  c.unit_path = "/1/2/";
  c.title = "汛期防溺水预警";
  c.text = "近期降雨多，河塘水位上涨，放学后不到河边玩耍。";
  c.from = D(from);
  c.to = D(to);
  c.location_types = std::move(types);
  return c;
}

TEST(DrowningWarnings, ACampaignWarnsOnEachOfItsSchoolDays) {
  const SchoolCalendar cal(Public(), Terms(), {});
  // 22 to 28 June for a city school: Monday to Friday; the weekend gets none; Friday is also the
  // week's warning day.
  const auto june = WarningDays(cal, {}, false, {Campaign(7, "2026-06-22", "2026-06-28")},
                                D("2026-06-21"), D("2026-06-27"));
  EXPECT_EQ(Lines(june),
            (Lines_t{"2026-06-22 campaign #7", "2026-06-23 campaign #7", "2026-06-24 campaign #7",
                     "2026-06-25 campaign #7", "2026-06-26 weekend+campaign #7"}));
  // Into the vacation and out of the range: the school days within both only; two campaigns.
  const auto july = WarningDays(
      cal, {}, false,
      {Campaign(7, "2026-07-08", "2026-07-31"), Campaign(8, "2026-07-10", "2026-07-10")},
      D("2026-07-09"), D("2026-08-31"));
  EXPECT_EQ(Lines(july),
            (Lines_t{"2026-07-09 campaign #7", "2026-07-10 weekend+holiday+campaign 暑假 #7 #8"}));
  // Out of the season a campaign still warns.
  EXPECT_EQ(Lines(WarningDays(cal, {}, false, {Campaign(9, "2026-10-12", "2026-10-12")},
                              D("2026-10-11"), D("2026-10-17"))),
            (Lines_t{"2026-10-12 campaign #9"}));
  EXPECT_TRUE(WarningDays(cal, {}, false, {Campaign(9, "2026-10-12", "2026-10-12")},
                          D("2026-10-13"), D("2026-10-17"))
                  .empty());
}

TEST(DrowningWarnings, ACampaignTargetsTheSchoolsUnderItsBureauOfItsLocationTypes) {
  const auto all = Campaign(1, "2026-06-01", "2026-06-30");
  EXPECT_TRUE(Targets(all, "/1/2/31/", "urban"));
  EXPECT_TRUE(Targets(all, "/1/2/", "urban"));
  EXPECT_FALSE(Targets(all, "/1/3/31/", "urban"));
  EXPECT_FALSE(Targets(all, "/1/", "urban"));
  const auto rural = Campaign(1, "2026-06-01", "2026-06-30", {"rural", "fringe"});
  EXPECT_TRUE(Targets(rural, "/1/2/31/", "rural"));
  EXPECT_TRUE(Targets(rural, "/1/2/31/", "fringe"));
  EXPECT_FALSE(Targets(rural, "/1/2/31/", "township"));
  EXPECT_FALSE(Targets(rural, "/1/2/31/", "urban"));
  auto nowhere = all;
  nowhere.unit_path.clear();
  EXPECT_FALSE(Targets(nowhere, "/1/2/31/", "urban"));
}

std::vector<std::string> Fields(const std::vector<ErrorDetail>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field);
  return out;
}

TEST(DrowningCampaigns, AreCheckedAtTheirEdges) {
  const Date today = D("2026-06-10");
  auto c = Campaign(0, "2026-06-10", "2026-06-10");
  EXPECT_TRUE(CheckCampaign(c, today).empty());
  c.title = std::string(kMaxCampaignTitleChars, 'a');
  c.text = std::string(kMaxCampaignTextChars, 'b');
  c.to = D("2026-06-10") + std::chrono::days{kMaxCampaignDays - 1};
  c.location_types = {"rural", "township", "fringe", "urban"};
  EXPECT_TRUE(CheckCampaign(c, today).empty());
  c.title += "a";
  c.text += "b";
  c.to += std::chrono::days{1};
  c.location_types = {"rural", "village", "rural"};
  EXPECT_EQ(Fields(CheckCampaign(c, today)),
            (std::vector<std::string>{"title", "text", "to", "location_types", "location_types"}));
  // A period already over, or ending before it starts.
  auto past = Campaign(0, "2026-06-01", "2026-06-09");
  EXPECT_EQ(Fields(CheckCampaign(past, today)), (std::vector<std::string>{"to"}));
  past.to = D("2026-06-10");
  EXPECT_TRUE(CheckCampaign(past, today).empty());
  auto backwards = Campaign(0, "2026-06-12", "2026-06-11");
  EXPECT_EQ(Fields(CheckCampaign(backwards, today)), (std::vector<std::string>{"to"}));
  auto blank = Campaign(0, "2026-06-12", "2026-06-12");
  blank.title = "  ";
  blank.text = "";
  EXPECT_EQ(Fields(CheckCampaign(blank, today)), (std::vector<std::string>{"title", "text"}));
}

TEST(DrowningRule, IsDeclaredWithItsParametersAndChecksTheRuralFrequency) {
  const auto& rule = DrowningRule();
  EXPECT_EQ(rule.id, "edu.drowning");
  EXPECT_EQ(rule.measure, 9);
  EXPECT_TRUE(domain::rules::CheckCatalog(DrowningRuleDecls()).empty());
  std::vector<ErrorDetail> problems;
  domain::rules::CheckValues(rule, {{"days", 3}, {"high_days", 3}}, problems);
  EXPECT_TRUE(problems.empty());
  domain::rules::CheckValues(rule, {{"days", 3}, {"high_days", 2}}, problems);
  EXPECT_EQ(Fields(problems), (std::vector<std::string>{"high_days"}));
  const auto plan = PlanOf({{"edu.drowning",
                             {{"season_from", 4},
                              {"season_to", 10},
                              {"days", 2},
                              {"high_days", 5},
                              {"late_days", 0},
                              {"min_rate", 90}}}});
  EXPECT_EQ(plan.season_from, 4);
  EXPECT_EQ(plan.season_to, 10);
  EXPECT_EQ(plan.days, 2);
  EXPECT_EQ(plan.high_days, 5);
  EXPECT_EQ(plan.late_days, 0);
  EXPECT_EQ(plan.min_rate, 90);
  const auto defaults = PlanOf({});
  EXPECT_EQ(defaults.season_from, 5);
  EXPECT_EQ(defaults.season_to, 9);
  EXPECT_EQ(defaults.days, 1);
  EXPECT_EQ(defaults.high_days, 3);
  EXPECT_EQ(defaults.late_days, 1);
  EXPECT_EQ(defaults.min_rate, 100);
}

TEST(DrowningBoard, SchoolsAreRankedLowestRateFirstThenByName) {
  const Completion half{2, 1, 0, 1};
  const Completion all{2, 1, 1, 0};
  const Completion none_due{};
  EXPECT_TRUE(LowerRate(half, "B校", all, "A校"));
  EXPECT_FALSE(LowerRate(all, "A校", half, "B校"));
  EXPECT_TRUE(LowerRate(all, "A校", none_due, "B校"));  // equal rates (1): by name
  EXPECT_FALSE(LowerRate(none_due, "B校", all, "A校"));
  EXPECT_FALSE(LowerRate(all, "A校", all, "A校"));
}

TEST(DrowningWarnings, WhereAWarningDayStands) {
  const Date day = D("2026-06-18");
  EXPECT_EQ(WarningState(day, std::nullopt, D("2026-06-17")), SessionState::kUpcoming);
  EXPECT_EQ(WarningState(day, std::nullopt, day), SessionState::kDue);
  EXPECT_EQ(WarningState(day, std::nullopt, D("2026-06-19")), SessionState::kMissed);
  EXPECT_EQ(WarningState(day, day, D("2026-06-19")), SessionState::kDone);
  EXPECT_EQ(WarningState(day, D("2026-06-19"), D("2026-06-19")), SessionState::kLate);
  EXPECT_FALSE(WarningOpen(day, D("2026-06-17"), 1));
  EXPECT_TRUE(WarningOpen(day, day, 0));
  EXPECT_FALSE(WarningOpen(day, D("2026-06-19"), 0));
  EXPECT_TRUE(WarningOpen(day, D("2026-06-19"), 1));
  EXPECT_FALSE(WarningOpen(day, D("2026-06-20"), 1));
}

// Two classes of a rural school in the week of 劳动节 (warning days 7, 8 and 9 May).
struct Week {
  SchoolCalendar cal{Public(), Terms(), {}};
  std::vector<WarnedClass> classes{{11, D("2026-03-02")}, {12, D("2026-03-02")}};
  std::map<std::pair<std::int64_t, Date>, GivenFact> given;
  void Give(std::int64_t cls, const char* day, std::int64_t id) {
    given[{cls, D(day)}] = {D(day), id};
  }
  domain::rules::Judgement Judge(const WarningPlan& plan, const char* today) const {
    return JudgeDrowning(cal, plan, true, {}, classes, given, D("2026-05-06"), D(today));
  }
};

TEST(DrowningRule, AWeekPassesWhenEveryClassWasWarnedOnEachWarningDay) {
  Week w;
  w.Give(11, "2026-05-07", 101);
  w.Give(11, "2026-05-08", 102);
  w.Give(11, "2026-05-09", 0);  // a 1530 check-in about drowning
  w.Give(12, "2026-05-07", 103);
  w.Give(12, "2026-05-08", 104);
  auto j = w.Judge({}, "2026-05-09");
  EXPECT_EQ(j.rule->id, "edu.drowning");
  EXPECT_EQ(j.period.first, D("2026-05-03"));
  EXPECT_EQ(j.period.last, D("2026-05-09"));
  EXPECT_TRUE(j.so_far);
  EXPECT_EQ(j.verdict.outcome, Outcome::kDue);
  EXPECT_NE(j.verdict.reason.find("应开展防溺水提醒 6 次（3 个提醒日），已提醒 5 次，需 6 次"),
            std::string::npos)
      << j.verdict.reason;
  EXPECT_EQ(j.verdict.reason.find("未提醒"), std::string::npos);
  j = w.Judge({}, "2026-05-10");
  EXPECT_FALSE(j.so_far);
  EXPECT_EQ(j.verdict.outcome, Outcome::kFail);
  EXPECT_NE(j.verdict.reason.find("未提醒 1 次"), std::string::npos) << j.verdict.reason;
  EXPECT_EQ(j.verdict.evidence, (std::vector<std::int64_t>{101, 102, 103, 104}));
  // 5 of 6 is enough at 80 % (ceil 4.8 = 5), not at 90 % (ceil 5.4 = 6).
  WarningPlan lenient;
  lenient.min_rate = 80;
  EXPECT_EQ(w.Judge(lenient, "2026-05-10").verdict.outcome, Outcome::kPass);
  lenient.min_rate = 90;
  EXPECT_EQ(w.Judge(lenient, "2026-05-10").verdict.outcome, Outcome::kFail);
  w.Give(12, "2026-05-09", 105);
  EXPECT_EQ(w.Judge({}, "2026-05-10").verdict.outcome, Outcome::kPass);
}

TEST(DrowningRule, AClassRegisteredMidweekOwesOnlyTheDaysSince) {
  Week w;
  w.classes = {{11, D("2026-05-09")}};
  w.Give(11, "2026-05-09", 1);
  const auto j = w.Judge({}, "2026-05-10");
  EXPECT_EQ(j.verdict.outcome, Outcome::kPass);
  EXPECT_NE(j.verdict.reason.find("应开展防溺水提醒 1 次"), std::string::npos) << j.verdict.reason;
  w.classes = {{11, D("2026-05-10")}};
  EXPECT_EQ(w.Judge({}, "2026-05-10").verdict.outcome, Outcome::kNotApplicable);
}

TEST(DrowningRule, IsNotApplicableWithoutClassesOrWarningDaysOrOutsideTerms) {
  Week w;
  w.classes.clear();
  EXPECT_EQ(w.Judge({}, "2026-05-10").verdict.outcome, Outcome::kNotApplicable);
  Week october;
  const auto j = JudgeDrowning(october.cal, {}, true, {}, october.classes, {}, D("2026-10-14"),
                               D("2026-10-20"));
  EXPECT_EQ(j.verdict.outcome, Outcome::kNotApplicable);
  EXPECT_NE(j.verdict.reason.find("没有防溺水提醒安排"), std::string::npos);
  // A campaign in that week makes it applicable.
  const auto c = JudgeDrowning(october.cal, {}, true, {Campaign(3, "2026-10-14", "2026-10-14")},
                               october.classes, {}, D("2026-10-14"), D("2026-10-20"));
  EXPECT_EQ(c.verdict.outcome, Outcome::kFail);
  const auto summer = JudgeDrowning(october.cal, {}, true, {}, october.classes, {}, D("2026-08-05"),
                                    D("2026-08-20"));
  EXPECT_EQ(summer.verdict.outcome, Outcome::kNotApplicable);
}

TEST(DrowningLetterRule, APublishedLetterWithEnoughReceiptsPassesTheSemester) {
  const SchoolCalendar cal(Public(), Terms(), {});
  const auto term = domain::rules::PeriodOf(domain::rules::Period::kSemester, D("2026-10-01"), cal);
  ASSERT_TRUE(term.has_value());
  EXPECT_EQ(term->last, D("2027-01-22"));
  const Date during = D("2026-12-06");
  const Date after = D("2027-01-23");
  EXPECT_EQ(LetterRule().id, "edu.drowning.letter");
  EXPECT_EQ(JudgeLetter(*term, false, {}, 80, during).verdict.outcome, Outcome::kNotApplicable);
  auto j = JudgeLetter(*term, true, {}, 80, during);
  EXPECT_EQ(j.verdict.outcome, Outcome::kDue);
  EXPECT_TRUE(j.so_far);
  EXPECT_NE(j.verdict.reason.find("尚未发布"), std::string::npos);
  EXPECT_EQ(JudgeLetter(*term, true, {}, 80, term->last).verdict.outcome, Outcome::kDue);
  EXPECT_EQ(JudgeLetter(*term, true, {}, 80, after).verdict.outcome, Outcome::kFail);
  // 79 % is short of 80 %, 80 % is enough; the best of the term's letters counts.
  EXPECT_EQ(JudgeLetter(*term, true, {{7, 79, 100}}, 80, during).verdict.outcome, Outcome::kDue);
  EXPECT_EQ(JudgeLetter(*term, true, {{7, 79, 100}}, 80, term->last).verdict.outcome,
            Outcome::kDue);
  j = JudgeLetter(*term, true, {{7, 79, 100}}, 80, after);
  EXPECT_EQ(j.verdict.outcome, Outcome::kFail);
  EXPECT_FALSE(j.so_far);
  EXPECT_TRUE(JudgeLetter(*term, true, {{7, 79, 100}}, 80, term->last).so_far);
  j = JudgeLetter(*term, true, {{7, 4, 5}}, 80, after);
  EXPECT_EQ(j.verdict.outcome, Outcome::kPass);
  EXPECT_NE(j.verdict.reason.find("回执率 80%，需 80%"), std::string::npos) << j.verdict.reason;
  EXPECT_EQ(JudgeLetter(*term, true, {{7, 39, 49}}, 80, after).verdict.outcome, Outcome::kFail);
  j = JudgeLetter(*term, true, {{7, 1, 2}, {8, 17, 20}, {9, 3, 5}}, 80, after);
  EXPECT_EQ(j.verdict.outcome, Outcome::kPass);
  EXPECT_EQ(j.verdict.evidence, (std::vector<std::int64_t>{8}));
  // Equal rates: the first letter is the evidence.
  j = JudgeLetter(*term, true, {{7, 9, 10}, {8, 18, 20}}, 80, after);
  EXPECT_EQ(j.verdict.evidence, (std::vector<std::int64_t>{7}));
  // Without class sizes a published letter passes; at 0 % any letter does.
  j = JudgeLetter(*term, true, {{7, 1, 2}, {8, 0, 0}}, 80, after);
  EXPECT_EQ(j.verdict.outcome, Outcome::kPass);
  EXPECT_EQ(j.verdict.evidence, (std::vector<std::int64_t>{8}));
  j = JudgeLetter(*term, true, {{8, 0, 0}, {7, 1, 2}}, 80, after);
  EXPECT_EQ(j.verdict.evidence, (std::vector<std::int64_t>{8}));
  EXPECT_EQ(JudgeLetter(*term, true, {{7, 0, 30}}, 0, after).verdict.outcome, Outcome::kPass);
  EXPECT_EQ(JudgeLetter(*term, true, {{7, 0, 30}}, 1, after).verdict.outcome, Outcome::kFail);
}

JointTask Task() {
  JointTask t;
  t.unit_id = 2;
  t.title = "暑期水域巡查";
  t.text = "汛期前完成辖区坑塘、河道巡查，补齐警示标志和防护设施。";
  t.kinds = {"patrol", "signs"};
  t.due_on = D("2026-06-30");
  t.department_ids = {7, 8};
  return t;
}

TEST(JointTasks, AreCheckedAtTheirEdges) {
  const Date today = D("2026-06-30");
  auto t = Task();
  EXPECT_TRUE(CheckJointTask(t, today).empty());  // due today
  t.title = std::string(kMaxJointTitleChars, 'a');
  t.text = std::string(kMaxJointTextChars, 'b');
  t.kinds.clear();
  for (const auto& k : JointKinds()) t.kinds.emplace_back(k.code);
  t.department_ids.clear();
  for (std::size_t i = 1; i <= kMaxJointDepartments; ++i) {
    t.department_ids.push_back(static_cast<std::int64_t>(i));
  }
  EXPECT_TRUE(CheckJointTask(t, today).empty());
  t.title += "a";
  t.text += "b";
  t.kinds.push_back("patrol");
  t.due_on = D("2026-06-29");
  t.department_ids.push_back(51);
  EXPECT_EQ(Fields(CheckJointTask(t, today)),
            (std::vector<std::string>{"title", "text", "kinds", "due_on", "department_ids"}));
  auto blank = Task();
  blank.title = " ";
  blank.text.clear();
  blank.kinds = {"swim"};
  blank.department_ids = {7, 7};
  EXPECT_EQ(Fields(CheckJointTask(blank, today)),
            (std::vector<std::string>{"title", "text", "kinds", "department_ids"}));
  blank.kinds.clear();
  blank.department_ids.clear();
  EXPECT_EQ(Fields(CheckJointTask(blank, today)),
            (std::vector<std::string>{"title", "text", "kinds", "department_ids"}));
  EXPECT_EQ(FindJointKind("fences")->label, "设置防护设施");
  EXPECT_EQ(FindJointKind("swim"), nullptr);
}

TEST(JointTasks, ADepartmentMustWorkWithinTheBureausRegion) {
  EXPECT_TRUE(InRegion("990102", "990102"));
  EXPECT_FALSE(InRegion("990102", "990103"));
  EXPECT_FALSE(InRegion("990102", "990100"));  // a district bureau: not the city's departments
  EXPECT_TRUE(InRegion("990100", "990100"));
  EXPECT_TRUE(InRegion("990100", "990102"));
  EXPECT_FALSE(InRegion("990100", "990202"));
  EXPECT_TRUE(InRegion("990000", "990202"));
  EXPECT_TRUE(InRegion("990000", "990000"));
  EXPECT_FALSE(InRegion("990000", "980102"));
  EXPECT_FALSE(InRegion("9901", "990102"));
  EXPECT_TRUE(InRegion("9901", "9901"));
  EXPECT_FALSE(InRegion("990100", "9901"));  // a malformed code is in no region
}

TEST(JointTasks, ReportsAreCheckedAtTheirEdges) {
  JointReport r;
  r.text = std::string(kMaxJointReportChars, 'x');
  r.patrolled = kMaxJointCount;
  EXPECT_TRUE(CheckJointReport(r).empty());
  r.text += "x";
  r.patrolled = kMaxJointCount + 1;
  r.signs = -1;
  r.fences = -1;
  r.hazards = kMaxJointCount + 1;
  EXPECT_EQ(Fields(CheckJointReport(r)),
            (std::vector<std::string>{"text", "patrolled", "signs", "fences", "hazards"}));
  r = {};
  EXPECT_EQ(Fields(CheckJointReport(r)), (std::vector<std::string>{"text"}));
}

TEST(JointTasks, WhereADepartmentStands) {
  const Date due = D("2026-06-30");
  EXPECT_EQ(JointStateOf(due, std::nullopt, D("2026-06-30")), JointState::kPending);
  EXPECT_EQ(JointStateOf(due, std::nullopt, D("2026-07-01")), JointState::kOverdue);
  EXPECT_EQ(JointStateOf(due, D("2026-06-30"), D("2026-07-05")), JointState::kReported);
  EXPECT_EQ(JointStateOf(due, D("2026-07-01"), D("2026-07-05")), JointState::kLate);
  EXPECT_EQ(JointStateCode(JointState::kOverdue), "overdue");
  EXPECT_EQ(JointStateLabel(JointState::kLate), "逾期报告");
}

}  // namespace
}  // namespace xiaoan
