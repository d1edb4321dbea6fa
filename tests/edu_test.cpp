// The 1530 reminders of a class on the real 2026 calendar: every session of the 2026 spring
// semester (2025—2026学年第二学期, 2 March to 10 July), the week whose last school day is the
// make-up Saturday of 劳动节, every holiday eve, a school's own day off moving them; then the
// suggested topics, the age groups and where a session stands. Expected dates are counted from
// the State Council's notice by hand, not by the code under test.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/edu/contents.hpp"
#include "domain/edu/edu.hpp"
#include "domain/edu/edu_rules.hpp"
#include "domain/edu/lessons.hpp"
#include "domain/edu/letters.hpp"
#include "domain/edu/reminders1530.hpp"
#include "domain/edu/waters.hpp"
#include "support/calendar_2026.hpp"

namespace xiaoan {
namespace {

using namespace domain::edu;
using domain::calendar::Date;
using domain::calendar::DayException;
using domain::calendar::Dismissal;
using domain::calendar::FormatDate;
using domain::calendar::PublicCalendar;
using domain::calendar::SchoolCalendar;
using domain::calendar::Term;
using testing::D;

const PublicCalendar& Public() {
  static const PublicCalendar c = testing::Holidays2026();
  return c;
}

// 2025—2026学年第二学期 and 2026—2027学年第一学期 as the demo district sets them.
std::vector<Term> Terms() {
  return {{1, 2025, 2, D("2026-03-02"), D("2026-07-10")},
          {1, 2026, 1, D("2026-09-01"), D("2027-01-22")}};
}

// The bureau: 16:30, Fridays 15:40; grade 1 leaves at 15:50 every day.
std::vector<Dismissal> Times() {
  return {{1, 0, 0, 16 * 60 + 30}, {1, 0, 5, 15 * 60 + 40}, {1, 1, 0, 15 * 60 + 50}};
}

// "2026-05-09 weekly@16:25 " … for readable failures.
std::string Line(const Session& s) {
  std::string at = "-";
  if (s.at) at = domain::calendar::FormatClock(*s.at);
  std::string kind(SessionCode(s.kind).substr(std::string_view("edu.1530.").size()));
  return FormatDate(s.date) + " " + kind + "@" + at + (s.occasion.empty() ? "" : " " + s.occasion);
}

std::vector<std::string> Lines(const std::vector<Session>& list, SessionKind kind) {
  std::vector<std::string> out;
  for (const auto& s : list) {
    if (s.kind == kind) out.push_back(Line(s));
  }
  return out;
}

TEST(Sessions1530, TheWholeSpringSemesterOf2026) {
  const SchoolCalendar cal(Public(), Terms(), {});
  const auto list = Sessions(cal, Times(), 3, D("2026-03-02"), D("2026-07-10"));
  // 19 weeks of 5 weekdays = 95; off on weekdays: 4月6日 (清明), 5月1、4、5日 (劳动节),
  // 6月19日 (端午) = 5; worked on 5月9日 (Saturday) = 1.
  const auto daily = Lines(list, SessionKind::kDaily);
  ASSERT_EQ(daily.size(), 91u);
  EXPECT_EQ(daily.front(), "2026-03-02 daily@16:29");
  EXPECT_EQ(daily.back(), "2026-07-10 daily@15:39");  // a Friday
  for (const char* off : {"2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05", "2026-06-19",
                          "2026-03-07", "2026-05-02"}) {
    EXPECT_EQ(std::count_if(daily.begin(), daily.end(),
                            [&](const std::string& l) { return l.starts_with(off); }),
              0)
        << off;
  }
  // One weekly session in each of the 19 school weeks: the Friday, except the week of 清明
  // (Friday 3 April is still a school day), 劳动节's eve (Thursday 30 April), the make-up
  // Saturday 9 May, and 端午's eve (Thursday 18 June).
  const auto weekly = Lines(list, SessionKind::kWeekly);
  ASSERT_EQ(weekly.size(), 19u);
  const std::vector<std::string> some = {"2026-03-06 weekly@15:35", "2026-04-03 weekly@15:35",
                                         "2026-04-10 weekly@15:35", "2026-04-30 weekly@16:25",
                                         "2026-05-09 weekly@16:25", "2026-06-18 weekly@16:25",
                                         "2026-07-10 weekly@15:35"};
  for (const auto& w : some) {
    EXPECT_NE(std::find(weekly.begin(), weekly.end(), w), weekly.end()) << w;
  }
  EXPECT_EQ(std::find(weekly.begin(), weekly.end(), "2026-05-08 weekly@15:35"), weekly.end());
  // The eves of 清明节, 劳动节, 端午节 and the summer vacation, 30 minutes before.
  EXPECT_EQ(Lines(list, SessionKind::kHoliday),
            (std::vector<std::string>{
                "2026-04-03 holiday@15:10 清明节", "2026-04-30 holiday@16:00 劳动节",
                "2026-06-18 holiday@16:00 端午节", "2026-07-10 holiday@15:10 暑假"}));
  EXPECT_EQ(list.size(), 91u + 19u + 4u);
  // By date, then daily, weekly, holiday.
  for (std::size_t i = 1; i < list.size(); ++i) {
    EXPECT_TRUE(list[i - 1].date < list[i].date ||
                (list[i - 1].date == list[i].date && list[i - 1].kind < list[i].kind))
        << Line(list[i - 1]) << " then " << Line(list[i]);
  }
}

TEST(Sessions1530, TheGradesOwnDismissalTimeAndNoneSet) {
  const SchoolCalendar cal(Public(), Terms(), {});
  // Grade 1 leaves at 15:50 every day, Fridays too (grade beats weekday).
  const auto first = Sessions(cal, Times(), 1, D("2026-04-30"), D("2026-04-30"));
  EXPECT_EQ(Lines(first, SessionKind::kHoliday),
            std::vector<std::string>{"2026-04-30 holiday@15:20 劳动节"});
  EXPECT_EQ(
      Lines(Sessions(cal, Times(), 1, D("2026-03-06"), D("2026-03-06")), SessionKind::kWeekly),
      std::vector<std::string>{"2026-03-06 weekly@15:45"});
  // No time set: the sessions are there, without their minute.
  const auto none = Sessions(cal, {}, 3, D("2026-03-06"), D("2026-03-06"));
  ASSERT_EQ(none.size(), 2u);
  EXPECT_EQ(Line(none[0]), "2026-03-06 daily@-");
  EXPECT_EQ(Line(none[1]), "2026-03-06 weekly@-");
}

TEST(Sessions1530, ARangeGivesWhatTheWholeSemesterGivesOnThoseDays) {
  const SchoolCalendar cal(Public(), Terms(), {});
  // One day: Thursday 30 April is the last school day of its week and 劳动节's eve.
  const auto eve = Sessions(cal, Times(), 3, D("2026-04-30"), D("2026-04-30"));
  ASSERT_EQ(eve.size(), 3u);
  EXPECT_EQ(Line(eve[1]), "2026-04-30 weekly@16:25");
  EXPECT_EQ(Line(eve[2]), "2026-04-30 holiday@16:00 劳动节");
  // A weekend, a holiday, the vacation: nothing.
  EXPECT_TRUE(Sessions(cal, Times(), 3, D("2026-05-01"), D("2026-05-05")).empty());
  EXPECT_TRUE(Sessions(cal, Times(), 3, D("2026-07-11"), D("2026-08-31")).empty());
  EXPECT_TRUE(Sessions(cal, Times(), 3, D("2026-03-10"), D("2026-03-09")).empty());
  // Monday to Wednesday of a week: daily only, the weekly is on Friday.
  EXPECT_EQ(Sessions(cal, Times(), 3, D("2026-03-09"), D("2026-03-11")).size(), 3u);
}

TEST(Sessions1530, ASchoolsDayOffMovesTheWeekAndTheEveButIsNoHoliday) {
  // 运动会 on Friday 20 March; a day off on Thursday 30 April, 劳动节's eve.
  const std::vector<DayException> days = {{21, D("2026-03-20"), false, "春季运动会"},
                                          {21, D("2026-04-30"), false, "教师培训"}};
  const SchoolCalendar cal(Public(), Terms(), days);
  const auto list = Sessions(cal, Times(), 3, D("2026-03-02"), D("2026-07-10"));
  EXPECT_EQ(Lines(list, SessionKind::kDaily).size(), 89u);
  const auto weekly = Lines(list, SessionKind::kWeekly);
  EXPECT_EQ(weekly.size(), 19u);
  EXPECT_NE(std::find(weekly.begin(), weekly.end(), "2026-03-19 weekly@16:25"), weekly.end());
  EXPECT_NE(std::find(weekly.begin(), weekly.end(), "2026-04-29 weekly@16:25"), weekly.end());
  // The sports day is no holiday: no 30-minute lesson on 19 March; 劳动节's moves to the 29th.
  EXPECT_EQ(Lines(list, SessionKind::kHoliday),
            (std::vector<std::string>{
                "2026-04-03 holiday@15:10 清明节", "2026-04-29 holiday@16:00 劳动节",
                "2026-06-18 holiday@16:00 端午节", "2026-07-10 holiday@15:10 暑假"}));
  // Tuesday to Friday off: a range of the Monday alone gives that Monday the weekly lesson.
  const SchoolCalendar closed(Public(), Terms(),
                              {{21, D("2026-03-10"), false, "停课"},
                               {21, D("2026-03-11"), false, "停课"},
                               {21, D("2026-03-12"), false, "停课"},
                               {21, D("2026-03-13"), false, "停课"}});
  EXPECT_EQ(
      Lines(Sessions(closed, Times(), 3, D("2026-03-09"), D("2026-03-09")), SessionKind::kWeekly),
      std::vector<std::string>{"2026-03-09 weekly@16:25"});
  // A make-up Sunday opens the week after it: 20 September is no week's last day.
  EXPECT_TRUE(
      Lines(Sessions(cal, Times(), 3, D("2026-09-20"), D("2026-09-20")), SessionKind::kWeekly)
          .empty());
  // An extra school day on Saturday 21 March closes that week instead.
  const SchoolCalendar extra(Public(), Terms(), {{21, D("2026-03-21"), true, "补课"}});
  const auto week =
      Lines(Sessions(extra, Times(), 3, D("2026-03-16"), D("2026-03-21")), SessionKind::kWeekly);
  EXPECT_EQ(week, std::vector<std::string>{"2026-03-21 weekly@16:25"});
}

TEST(Sessions1530, CodesLabelsAndMinutes) {
  EXPECT_EQ(SessionCode(SessionKind::kDaily), "edu.1530.daily");
  EXPECT_EQ(SessionCode(SessionKind::kWeekly), "edu.1530.weekly");
  EXPECT_EQ(SessionCode(SessionKind::kHoliday), "edu.1530.holiday");
  EXPECT_EQ(MinutesBefore(SessionKind::kDaily), 1);
  EXPECT_EQ(MinutesBefore(SessionKind::kWeekly), 5);
  EXPECT_EQ(MinutesBefore(SessionKind::kHoliday), 30);
  EXPECT_EQ(SessionLabel(SessionKind::kWeekly), "周末放学前5分钟安全教育");
}

TEST(AgeGroups, ByStageThenByGradeAtEachEdge) {
  EXPECT_EQ(AgeGroupOf("kindergarten", 3), AgeGroup::kKindergarten);
  EXPECT_EQ(AgeGroupOf("primary", 0), AgeGroup::kLowerPrimary);
  EXPECT_EQ(AgeGroupOf("primary", 3), AgeGroup::kLowerPrimary);
  EXPECT_EQ(AgeGroupOf("primary", 4), AgeGroup::kUpperPrimary);
  EXPECT_EQ(AgeGroupOf("primary", 6), AgeGroup::kUpperPrimary);
  EXPECT_EQ(AgeGroupOf("junior", 1), AgeGroup::kJunior);  // 初一 entered as grade 1
  EXPECT_EQ(AgeGroupOf("senior", 1), AgeGroup::kSenior);
  EXPECT_EQ(AgeGroupOf("vocational", 2), AgeGroup::kSenior);
  EXPECT_EQ(AgeGroupOf("nine_year", 6), AgeGroup::kUpperPrimary);
  EXPECT_EQ(AgeGroupOf("nine_year", 7), AgeGroup::kJunior);
  EXPECT_EQ(AgeGroupOf("twelve_year", 9), AgeGroup::kJunior);
  EXPECT_EQ(AgeGroupOf("twelve_year", 10), AgeGroup::kSenior);
  EXPECT_EQ(AgeGroupOf("special", 2), AgeGroup::kLowerPrimary);
  EXPECT_EQ(AgeGroupCode(AgeGroup::kUpperPrimary), "upper_primary");
  EXPECT_EQ(AgeGroupCode(AgeGroup::kKindergarten), "kindergarten");
}

Session At(const char* date, SessionKind kind, std::string occasion = "") {
  return {D(date), kind, 990, std::move(occasion)};
}

TEST(Topics, TheOccasionFirstThenTheTermStartThenTheSeason) {
  // Holiday eves: the holiday's risks.
  EXPECT_EQ(SuggestedTopic(At("2026-07-10", SessionKind::kHoliday, "暑假"), false),
            Topic::kDrowning);
  EXPECT_EQ(SuggestedTopic(At("2026-06-18", SessionKind::kHoliday, "端午节"), false),
            Topic::kDrowning);
  EXPECT_EQ(SuggestedTopic(At("2027-01-22", SessionKind::kHoliday, "寒假"), false),
            Topic::kFireworks);
  EXPECT_EQ(SuggestedTopic(At("2026-12-31", SessionKind::kHoliday, "元旦"), false), Topic::kFire);
  EXPECT_EQ(SuggestedTopic(At("2026-09-30", SessionKind::kHoliday, "国庆节"), true),
            Topic::kHolidayTravel);
  // The first weeks of a semester: traffic every day, bullying at the week's end.
  EXPECT_EQ(SuggestedTopic(At("2026-07-01", SessionKind::kDaily), true), Topic::kTraffic);
  EXPECT_EQ(SuggestedTopic(At("2026-03-06", SessionKind::kWeekly), true), Topic::kBullying);
  // Summer months: drowning; May and September weekends too; winter months: fire.
  EXPECT_EQ(SuggestedTopic(At("2026-06-01", SessionKind::kDaily), false), Topic::kDrowning);
  EXPECT_EQ(SuggestedTopic(At("2026-08-31", SessionKind::kDaily), false), Topic::kDrowning);
  EXPECT_EQ(SuggestedTopic(At("2026-05-29", SessionKind::kWeekly), false), Topic::kDrowning);
  EXPECT_EQ(SuggestedTopic(At("2026-09-25", SessionKind::kWeekly), false), Topic::kDrowning);
  EXPECT_EQ(SuggestedTopic(At("2026-05-28", SessionKind::kDaily), false), Topic::kTraffic);
  EXPECT_EQ(SuggestedTopic(At("2026-10-09", SessionKind::kWeekly), false), Topic::kFraud);
  EXPECT_EQ(SuggestedTopic(At("2026-04-30", SessionKind::kWeekly), false), Topic::kFraud);
  EXPECT_EQ(SuggestedTopic(At("2026-11-02", SessionKind::kDaily), false), Topic::kFire);
  EXPECT_EQ(SuggestedTopic(At("2026-02-27", SessionKind::kWeekly), false), Topic::kFire);
  EXPECT_EQ(SuggestedTopic(At("2026-03-03", SessionKind::kDaily), false), Topic::kGeneral);
  EXPECT_EQ(SuggestedTopic(At("2026-10-31", SessionKind::kDaily), false), Topic::kGeneral);
  EXPECT_EQ(SuggestedTopic(At("2026-10-30", SessionKind::kDaily), false), Topic::kTraffic);
  EXPECT_EQ(TopicCode(Topic::kHolidayTravel), "holiday_travel");
  EXPECT_EQ(TopicLabel(Topic::kDrowning), "防溺水");
}

TEST(Topics, TheTermStartIsTheSemestersFirstFourteenDays) {
  const SchoolCalendar cal(Public(), Terms(), {});
  EXPECT_FALSE(InTermStart(cal, D("2026-03-01")));  // before the semester
  EXPECT_TRUE(InTermStart(cal, D("2026-03-02")));
  EXPECT_TRUE(InTermStart(cal, D("2026-03-15")));
  EXPECT_FALSE(InTermStart(cal, D("2026-03-16")));
  EXPECT_TRUE(InTermStart(cal, D("2026-09-14")));
  EXPECT_FALSE(InTermStart(cal, D("2026-09-15")));
  EXPECT_FALSE(InTermStart(cal, D("2026-08-31")));  // the summer vacation
}

TEST(Topics, TheShippedLibraryHasATextForEveryTopicAndAgeGroup) {
  const Topic topics[] = {Topic::kDrowning, Topic::kFire,          Topic::kTraffic,
                          Topic::kBullying, Topic::kHolidayTravel, Topic::kFireworks,
                          Topic::kFood,     Topic::kFraud,         Topic::kGeneral};
  const AgeGroup ages[] = {AgeGroup::kKindergarten, AgeGroup::kLowerPrimary,
                           AgeGroup::kUpperPrimary, AgeGroup::kJunior, AgeGroup::kSenior};
  EXPECT_EQ(ShippedContent().size(), std::size(topics) * std::size(ages));
  std::set<std::string_view> texts;
  for (const auto t : topics) {
    for (const auto a : ages) {
      const auto text = ShippedText(t, a);
      EXPECT_GE(text.size(), 30u) << TopicCode(t) << " " << AgeGroupCode(a);
      EXPECT_TRUE(texts.insert(text).second) << "the same text twice: " << text;
    }
  }
  // The six don'ts of drowning for the primary school, the numbers to call for the older ones.
  EXPECT_NE(ShippedText(Topic::kDrowning, AgeGroup::kLowerPrimary).find("不私自下水游泳"),
            std::string_view::npos);
  EXPECT_NE(ShippedText(Topic::kFire, AgeGroup::kUpperPrimary).find("一氧化碳"),
            std::string_view::npos);
  EXPECT_NE(ShippedText(Topic::kFraud, AgeGroup::kSenior).find("96110"), std::string_view::npos);
}

TEST(SessionStates, OnTheDayLateMissedAndWhenACheckInIsOpen) {
  const Session s = At("2026-05-08", SessionKind::kDaily);
  EXPECT_EQ(StateOf(s, std::nullopt, D("2026-05-07")), SessionState::kUpcoming);
  EXPECT_EQ(StateOf(s, std::nullopt, D("2026-05-08")), SessionState::kDue);
  EXPECT_EQ(StateOf(s, std::nullopt, D("2026-05-09")), SessionState::kMissed);
  EXPECT_EQ(StateOf(s, D("2026-05-08"), D("2026-05-08")), SessionState::kDone);
  EXPECT_EQ(StateOf(s, D("2026-05-08"), D("2026-06-01")), SessionState::kDone);
  EXPECT_EQ(StateOf(s, D("2026-05-09"), D("2026-05-09")), SessionState::kLate);
  EXPECT_EQ(SessionStateCode(SessionState::kLate), "late");
  EXPECT_EQ(SessionStateCode(SessionState::kMissed), "missed");
  // Open on its day and up to late_days after it; never before.
  EXPECT_FALSE(CheckInOpen(s, D("2026-05-07"), 3));
  EXPECT_TRUE(CheckInOpen(s, D("2026-05-08"), 0));
  EXPECT_FALSE(CheckInOpen(s, D("2026-05-09"), 0));
  EXPECT_TRUE(CheckInOpen(s, D("2026-05-11"), 3));
  EXPECT_FALSE(CheckInOpen(s, D("2026-05-12"), 3));
}

TEST(SessionStates, CompletionCountsWhatWasDue) {
  Completion c;
  EXPECT_DOUBLE_EQ(c.Rate(), 1.0);
  for (const auto st : {SessionState::kDone, SessionState::kDone, SessionState::kLate,
                        SessionState::kMissed, SessionState::kDue, SessionState::kUpcoming}) {
    Count(c, st);
  }
  EXPECT_EQ(c.due, 4);
  EXPECT_EQ(c.done, 2);
  EXPECT_EQ(c.late, 1);
  EXPECT_EQ(c.missed, 1);
  EXPECT_DOUBLE_EQ(c.Rate(), 0.75);
}

// ---- Classes as entered ------------------------------------------------------------------------

bool Names(const std::vector<ErrorDetail>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const ErrorDetail& e) { return e.field == field; });
}

TEST(Classes1530, GradeAndNameAtTheirEdges) {
  EXPECT_TRUE(CheckClass({0, "大一班", ""}).empty());
  EXPECT_TRUE(CheckClass({12, "1班", "zhang"}).empty());
  EXPECT_TRUE(Names(CheckClass({-1, "1班", ""}), "grade"));
  EXPECT_TRUE(Names(CheckClass({13, "1班", ""}), "grade"));
  EXPECT_TRUE(Names(CheckClass({3, "", ""}), "name"));
  EXPECT_TRUE(Names(CheckClass({3, "\u3000 ", ""}), "name"));
  // Twenty characters (not bytes) are allowed, twenty-one are not.
  std::string twenty;
  for (int i = 0; i < 20; ++i) twenty += "班";
  EXPECT_TRUE(CheckClass({3, twenty, ""}).empty());
  EXPECT_TRUE(Names(CheckClass({3, twenty + "班", ""}), "name"));
  EXPECT_TRUE(Names(CheckClass({3, "1\x1b班", ""}), "name"));
  EXPECT_TRUE(Names(CheckClass({3, "", ""}, "classes[2]."), "classes[2].name"));
}

TEST(Classes1530, ClassSizeFromUnknownToTwoHundred) {
  EXPECT_TRUE(CheckClass({3, "1班", "", 0}).empty());  // unknown
  EXPECT_TRUE(CheckClass({3, "1班", "", 1}).empty());
  EXPECT_TRUE(CheckClass({3, "1班", "", 200}).empty());
  EXPECT_TRUE(Names(CheckClass({3, "1班", "", 201}), "students"));
  EXPECT_TRUE(Names(CheckClass({3, "1班", "", -1}), "students"));
  EXPECT_EQ(CheckClass({3, "1班", "", -1}).size(), 1u);
}

TEST(Classes1530, GradesAsASpreadsheetWritesThem) {
  EXPECT_EQ(ParseGrade("0"), 0);
  EXPECT_EQ(ParseGrade("12"), 12);
  EXPECT_EQ(ParseGrade("13"), std::nullopt);
  EXPECT_EQ(ParseGrade("-1"), std::nullopt);
  EXPECT_EQ(ParseGrade(" 三年级 "), 3);
  EXPECT_EQ(ParseGrade("六年级"), 6);
  EXPECT_EQ(ParseGrade("初一"), 7);
  EXPECT_EQ(ParseGrade("八年级"), 8);
  EXPECT_EQ(ParseGrade("初三年级"), 9);
  EXPECT_EQ(ParseGrade("高一"), 10);
  EXPECT_EQ(ParseGrade("高三"), 12);
  EXPECT_EQ(ParseGrade("幼儿园"), 0);
  EXPECT_EQ(ParseGrade(""), std::nullopt);
  EXPECT_EQ(ParseGrade("大班"), std::nullopt);
  EXPECT_EQ(GradeLabel(0), "幼儿园/未分年级");
  EXPECT_EQ(GradeLabel(1), "一年级");
  EXPECT_EQ(GradeLabel(7), "初一");
  EXPECT_EQ(GradeLabel(12), "高三");
  EXPECT_EQ(GradeLabel(13), "13年级");  // out of range: named, never read past the table
  EXPECT_EQ(GradeLabel(-1), "-1年级");
  for (int g = 0; g <= kMaxGrade; ++g) EXPECT_EQ(ParseGrade(GradeLabel(g)), g) << g;
  for (auto t : AllTopics()) EXPECT_EQ(ParseTopic(TopicCode(t)), t);
  EXPECT_EQ(ParseTopic("weather"), std::nullopt);
  for (auto k : {SessionKind::kDaily, SessionKind::kWeekly, SessionKind::kHoliday}) {
    EXPECT_EQ(ParseSessionKind(SessionKindCode(k)), k);
  }
  EXPECT_EQ(ParseSessionKind("monthly"), std::nullopt);
}

// A class's sessions of 6 to 9 May (the make-up Saturday is the week's last school day) on 8 May.
TEST(Classes1530, TallyOfAClassAgainstItsCheckIns) {
  const SchoolCalendar cal(Public(), Terms(), {});
  const auto sessions = Sessions(cal, Times(), 3, D("2026-05-06"), D("2026-05-09"));
  ASSERT_EQ(sessions.size(), 5u);  // 4 daily, 1 weekly
  std::map<CheckInKey, Date> on = {{{D("2026-05-06"), SessionKind::kDaily}, D("2026-05-06")},
                                   {{D("2026-05-07"), SessionKind::kDaily}, D("2026-05-08")}};
  const auto t = TallyOf(sessions, on, D("2026-05-08"));
  // Due: the 6th (done), the 7th (late); the 8th is today and open, the 9th ahead.
  EXPECT_EQ(t.total.due, 2);
  EXPECT_EQ(t.total.done, 1);
  EXPECT_EQ(t.total.late, 1);
  EXPECT_EQ(t.total.missed, 0);
  EXPECT_TRUE(t.missing.empty());
  const auto later = TallyOf(sessions, on, D("2026-05-10"));
  EXPECT_EQ(later.total.due, 5);
  EXPECT_EQ(later.total.missed, 3);
  EXPECT_EQ(later.by_kind.at(SessionKind::kWeekly).missed, 1);
  EXPECT_EQ(later.by_kind.at(SessionKind::kDaily).missed, 2);
  ASSERT_EQ(later.missing.size(), 3u);
  EXPECT_EQ(FormatDate(later.missing.front().date), "2026-05-08");
  EXPECT_EQ(FormatDate(later.missing.back().date), "2026-05-09");
  Completion sum;
  Add(sum, later.total);
  Add(sum, t.total);
  EXPECT_EQ(sum.due, 7);
  EXPECT_EQ(sum.done, 2);
  EXPECT_EQ(sum.late, 2);
  EXPECT_EQ(sum.missed, 3);
}

// The board's tally of the same week: marks of several classes sorted together, one class's read;
// a mark of another kind on the same day or of another class does not count; `since` drops the
// sessions before it.
TEST(Classes1530, BoardTallyReadsOneClassesMarks) {
  const SchoolCalendar cal(Public(), Terms(), {});
  const auto sessions = Sessions(cal, Times(), 3, D("2026-05-06"), D("2026-05-09"));
  ASSERT_EQ(sessions.size(), 5u);
  std::vector<CheckInMark> marks = {
      {8, D("2026-05-08"), SessionKind::kDaily, D("2026-05-08")},    // class 8, not ours
      {7, D("2026-05-07"), SessionKind::kDaily, D("2026-05-08")},    // late
      {7, D("2026-05-06"), SessionKind::kDaily, D("2026-05-06")},    // on the day
      {7, D("2026-05-09"), SessionKind::kHoliday, D("2026-05-09")},  // no such session
      {6, D("2026-05-09"), SessionKind::kWeekly, D("2026-05-09")},   // class 6, not ours
  };
  std::sort(marks.begin(), marks.end(), MarkBefore);
  EXPECT_EQ(marks.front().class_id, 6);
  const auto first = std::find_if(marks.begin(), marks.end(),
                                  [](const CheckInMark& m) { return m.class_id == 7; });
  const std::span<const CheckInMark> ours(first, first + 3);
  ASSERT_EQ(ours.back().kind, SessionKind::kHoliday);
  std::map<SessionKind, Completion> by_kind;
  const auto t = TallyOf(sessions, D("2026-05-06"), ours, D("2026-05-10"), by_kind);
  EXPECT_EQ(t.due, 5);
  EXPECT_EQ(t.done, 1);
  EXPECT_EQ(t.late, 1);
  EXPECT_EQ(t.missed, 3);
  EXPECT_EQ(by_kind.at(SessionKind::kWeekly).missed, 1);
  EXPECT_EQ(by_kind.at(SessionKind::kDaily).missed, 2);
  EXPECT_EQ(by_kind.count(SessionKind::kHoliday), 0u);
  // The same as the class's own tally.
  std::map<CheckInKey, Date> on = {{{D("2026-05-06"), SessionKind::kDaily}, D("2026-05-06")},
                                   {{D("2026-05-07"), SessionKind::kDaily}, D("2026-05-08")}};
  const auto own = TallyOf(sessions, on, D("2026-05-10"));
  EXPECT_EQ(own.total.due, t.due);
  EXPECT_EQ(own.total.missed, t.missed);
  // Registered on the 7th: the 6th is not the class's; on the 8th the 8th is still open.
  std::map<SessionKind, Completion> since_kind;
  const auto since = TallyOf(sessions, D("2026-05-07"), ours, D("2026-05-08"), since_kind);
  EXPECT_EQ(since.due, 1);
  EXPECT_EQ(since.late, 1);
  EXPECT_EQ(since.done, 0);
  EXPECT_EQ(since.missed, 0);
  // No marks: every past session missed.
  std::map<SessionKind, Completion> none_kind;
  const auto none = TallyOf(sessions, D("2026-05-06"), {}, D("2026-05-10"), none_kind);
  EXPECT_EQ(none.done, 0);
  EXPECT_EQ(none.missed, 5);
}

// ---- The rules edu.1530.* ----------------------------------------------------------------------

using Facts = std::map<std::pair<std::int64_t, CheckInKey>, CheckInFact>;

// Checks in `n` daily sessions of the week of 4 May (6, 7, 8, 9 May) over the two classes, in
// order class 1 then class 2, and the weekly one of class 1 when `weekly`.
Facts WeekOfMay4(int n, bool weekly) {
  Facts out;
  std::int64_t id = 100;
  for (std::int64_t c : {1, 2}) {
    for (const char* day : {"2026-05-06", "2026-05-07", "2026-05-08", "2026-05-09"}) {
      if (n-- <= 0) break;
      out[{c, {D(day), SessionKind::kDaily}}] = {++id, D(day)};
    }
  }
  if (weekly) out[{1, {D("2026-05-09"), SessionKind::kWeekly}}] = {++id, D("2026-05-09")};
  return out;
}

const domain::rules::Judgement& Of(const std::vector<domain::rules::Judgement>& list,
                                   std::string_view id) {
  return *std::find_if(list.begin(), list.end(), [&](const auto& j) { return j.rule->id == id; });
}

using domain::rules::Outcome;

TEST(Rules1530, TheDeclarationsAreWellFormed) {
  EXPECT_TRUE(domain::rules::CheckCatalog(RuleDecls()).empty());
  ASSERT_EQ(RuleDecls().size(), 3u);
  for (auto k : {SessionKind::kDaily, SessionKind::kWeekly, SessionKind::kHoliday}) {
    EXPECT_EQ(RuleOf(k).id, SessionCode(k));
    EXPECT_EQ(RuleOf(k).measure, 20);
    // A weekly rule is reminded once, the day before the week ends.
    const auto d = domain::rules::Defaults(RuleOf(k));
    EXPECT_EQ(d.at("remind_first_days"), 0);
    EXPECT_EQ(d.at("remind_second_days"), 1);
    EXPECT_EQ(d.at("min_rate"), 100);
  }
  EXPECT_EQ(LateDays({}, SessionKind::kDaily), 2);
  EXPECT_EQ(LateDays({{"edu.1530.daily", {{"late_days", 5}}}}, SessionKind::kDaily), 5);
  EXPECT_EQ(LateDays({{"edu.1530.daily", {{"late_days", 5}}}}, SessionKind::kWeekly), 2);
  EXPECT_EQ(LateDays({{"edu.1530.weekly", {{"late_days", 0}}}}, SessionKind::kWeekly), 0);
}

TEST(Rules1530, AWeekWithTheMakeUpSaturdayPassesOnlyWhenEverySessionIsDone) {
  const SchoolCalendar cal(Public(), Terms(), {});
  const std::vector<ClassFacts> classes = {{1, 3}, {2, 1}};
  const auto judge = [&](const Facts& f, const char* today,
                         std::map<std::string, domain::rules::ParamValues> values = {}) {
    return JudgeSchool(cal, Times(), classes, f, values, D("2026-05-09"), D(today));
  };
  // After the week: 8 daily sessions (6 to 9 May for two classes), 2 weekly ones on Saturday.
  auto all = judge(WeekOfMay4(8, true), "2026-05-10");
  const auto& daily = Of(all, "edu.1530.daily");
  EXPECT_EQ(FormatDate(daily.period.first), "2026-05-03");
  EXPECT_EQ(FormatDate(daily.period.last), "2026-05-09");
  EXPECT_FALSE(daily.so_far);
  EXPECT_EQ(daily.verdict.outcome, Outcome::kPass) << daily.verdict.reason;
  EXPECT_EQ(daily.verdict.evidence.size(), 8u);
  EXPECT_NE(daily.verdict.reason.find("应开展 8 次，已完成 8 次"), std::string::npos);
  EXPECT_EQ(daily.verdict.reason.find("未开展"), std::string::npos) << daily.verdict.reason;
  // One weekly session of two: short at 100 %, enough at 50 %, not at 51 %.
  EXPECT_EQ(Of(all, "edu.1530.weekly").verdict.outcome, Outcome::kFail);
  EXPECT_NE(Of(all, "edu.1530.weekly").verdict.reason.find("未开展 1 次"), std::string::npos);
  EXPECT_EQ(Of(judge(WeekOfMay4(8, true), "2026-05-10", {{"edu.1530.weekly", {{"min_rate", 50}}}}),
               "edu.1530.weekly")
                .verdict.outcome,
            Outcome::kPass);
  EXPECT_EQ(Of(judge(WeekOfMay4(8, true), "2026-05-10", {{"edu.1530.weekly", {{"min_rate", 51}}}}),
               "edu.1530.weekly")
                .verdict.outcome,
            Outcome::kFail);
  // No holiday ahead in this week.
  EXPECT_EQ(Of(all, "edu.1530.holiday").verdict.outcome, Outcome::kNotApplicable);
  // 7 of 8 daily sessions: a fail at 100 %; at 80 % 7 are needed (6.4 rounded up), so 7 pass
  // and 6 fail; at 75 % 6 are enough.
  EXPECT_EQ(Of(judge(WeekOfMay4(7, false), "2026-05-10"), "edu.1530.daily").verdict.outcome,
            Outcome::kFail);
  const std::map<std::string, domain::rules::ParamValues> eighty = {
      {"edu.1530.daily", {{"min_rate", 80}}}};
  EXPECT_EQ(Of(judge(WeekOfMay4(7, false), "2026-05-10", eighty), "edu.1530.daily").verdict.outcome,
            Outcome::kPass);
  EXPECT_EQ(Of(judge(WeekOfMay4(6, false), "2026-05-10", eighty), "edu.1530.daily").verdict.outcome,
            Outcome::kFail);
  EXPECT_EQ(Of(judge(WeekOfMay4(6, false), "2026-05-10", {{"edu.1530.daily", {{"min_rate", 75}}}}),
               "edu.1530.daily")
                .verdict.outcome,
            Outcome::kPass);
  // While the week runs (its last day included) a shortfall is due, not failed.
  auto running = judge(WeekOfMay4(2, false), "2026-05-09");
  EXPECT_TRUE(Of(running, "edu.1530.daily").so_far);
  EXPECT_EQ(Of(running, "edu.1530.daily").verdict.outcome, Outcome::kDue);
  // On the 9th, the 6th to 8th of class 2 (3) and the 8th of class 1 are past: 4 missed.
  EXPECT_NE(Of(running, "edu.1530.daily").verdict.reason.find("未开展 4 次"), std::string::npos)
      << Of(running, "edu.1530.daily").verdict.reason;
}

TEST(Rules1530, HolidayEvesNoClassesAndNoDismissalTime) {
  const SchoolCalendar cal(Public(), Terms(), {});
  // The week of 27 April: Thursday 30 April is 劳动节's eve, one holiday session per class.
  Facts f;
  f[{1, {D("2026-04-30"), SessionKind::kHoliday}}] = {7, D("2026-04-30")};
  const auto week = JudgeSchool(cal, Times(), {{1, 3}}, f, {}, D("2026-04-28"), D("2026-05-06"));
  EXPECT_EQ(Of(week, "edu.1530.holiday").verdict.outcome, Outcome::kPass);
  EXPECT_EQ(Of(week, "edu.1530.holiday").verdict.evidence, std::vector<std::int64_t>{7});
  EXPECT_EQ(Of(JudgeSchool(cal, Times(), {{1, 3}}, {}, {}, D("2026-04-28"), D("2026-05-06")),
               "edu.1530.holiday")
                .verdict.outcome,
            Outcome::kFail);
  // Without classes nothing applies; without a dismissal time neither.
  for (const auto& j : JudgeSchool(cal, Times(), {}, {}, {}, D("2026-04-28"), D("2026-05-06"))) {
    EXPECT_EQ(j.verdict.outcome, Outcome::kNotApplicable) << j.rule->id;
    EXPECT_EQ(j.verdict.reason, "学校尚未登记班级");
  }
  for (const auto& j : JudgeSchool(cal, {}, {{1, 3}}, {}, {}, D("2026-04-28"), D("2026-05-06"))) {
    EXPECT_EQ(j.verdict.outcome, Outcome::kNotApplicable) << j.rule->id;
  }
  // A vacation week has no sessions at all.
  for (const auto& j :
       JudgeSchool(cal, Times(), {{1, 3}}, {}, {}, D("2026-08-05"), D("2026-08-10"))) {
    EXPECT_EQ(j.verdict.outcome, Outcome::kNotApplicable) << j.rule->id;
  }
}

TEST(Rules1530, AClassRegisteredMidWeekIsJudgedFromThatDay) {
  const SchoolCalendar cal(Public(), Terms(), {});
  const std::vector<ClassFacts> classes = {{1, 3, D("2026-05-08")}};
  Facts f;
  f[{1, {D("2026-05-08"), SessionKind::kDaily}}] = {1, D("2026-05-08")};
  f[{1, {D("2026-05-09"), SessionKind::kDaily}}] = {2, D("2026-05-09")};
  f[{1, {D("2026-05-09"), SessionKind::kWeekly}}] = {3, D("2026-05-09")};
  const auto week = JudgeSchool(cal, Times(), classes, f, {}, D("2026-05-09"), D("2026-05-10"));
  EXPECT_EQ(Of(week, "edu.1530.daily").verdict.outcome, Outcome::kPass)
      << Of(week, "edu.1530.daily").verdict.reason;
  EXPECT_NE(Of(week, "edu.1530.daily").verdict.reason.find("应开展 2 次"), std::string::npos);
  // The day it was registered counts, the day before does not.
  const auto all = Sessions(cal, Times(), 3, D("2026-05-06"), D("2026-05-09"));
  EXPECT_EQ(SessionsSince(all, D("2026-05-08")).size(), 3u);
  EXPECT_EQ(SessionsSince(all, D("2026-05-09")).size(), 2u);
  EXPECT_EQ(SessionsSince(all, D("2026-05-10")).size(), 0u);
}

// ---- Safety education records and their rules ---------------------------------------------------

Lesson Record(std::int64_t id, const char* date, const char* theme, const char* observance = "") {
  Lesson l;
  l.id = id;
  l.school_id = 7;
  l.date = date;
  l.theme = theme;
  l.observance = observance;
  l.title = "活动";
  l.participants = 40;
  return l;
}

domain::rules::Judgement JudgementOf(const std::vector<domain::rules::Judgement>& list,
                                     const std::string& id) {
  for (const auto& j : list) {
    if (j.rule->id == id) return j;
  }
  throw std::runtime_error("no judgement of " + id);
}

using domain::rules::Outcome;
using Values = std::map<std::string, domain::rules::ParamValues>;

TEST(EducationDays, TheDatedDaysOf2026And2025) {
  const auto days = Observances(2026);
  ASSERT_EQ(days.size(), 4u);
  EXPECT_EQ(days[0].code, "safety_day");
  EXPECT_EQ(FormatDate(days[0].day), "2026-03-30");  // 31 March 2026 is a Tuesday
  EXPECT_EQ(FormatDate(days[0].first), "2026-03-01");
  EXPECT_EQ(FormatDate(days[0].last), "2026-03-31");
  EXPECT_EQ(FormatDate(days[1].day), "2026-04-15");
  EXPECT_EQ(FormatDate(days[1].last), "2026-04-30");
  EXPECT_EQ(FormatDate(days[2].first), "2026-06-01");
  EXPECT_EQ(FormatDate(days[2].last), "2026-06-30");
  EXPECT_EQ(FormatDate(days[3].first), "2026-11-01");
  EXPECT_EQ(FormatDate(days[3].last), "2026-11-30");
  // 31 March 2025 is itself a Monday; 2027's last Monday of March is the 29th.
  EXPECT_EQ(FormatDate(Observances(2025)[0].day), "2025-03-31");
  EXPECT_EQ(FormatDate(Observances(2027)[0].day), "2027-03-29");
  EXPECT_TRUE(IsObservance("fire_month"));
  EXPECT_FALSE(IsObservance("fire_day"));
  EXPECT_EQ(ObservanceLabel("security_day"), "全民国家安全教育日");
}

TEST(EducationRecords, CheckedAtTheirEdges) {
  const auto today = D("2026-09-10");
  auto fields = [&](const Lesson& l) {
    std::set<std::string> out;
    for (const auto& e : CheckLesson(l, today)) out.insert(e.field);
    return out;
  };
  auto l = Record(0, "2026-09-10", "first_lesson");
  EXPECT_TRUE(fields(l).empty());
  l.date = "2026-09-11";  // tomorrow
  EXPECT_EQ(fields(l), std::set<std::string>{"date"});
  l.date = "2026-9-1";
  EXPECT_EQ(fields(l), std::set<std::string>{"date"});
  l = Record(0, "2026-03-31", "other", "safety_day");
  EXPECT_TRUE(fields(l).empty());
  l.date = "2026-04-01";  // past the month of the day
  EXPECT_EQ(fields(l), std::set<std::string>{"observance"});
  l.date = "2026-03-01";
  EXPECT_TRUE(fields(l).empty());
  l.date = "2026-02-28";
  EXPECT_EQ(fields(l), std::set<std::string>{"observance"});
  l = Record(0, "2026-09-01", "nope", "fire_day");
  EXPECT_EQ(fields(l), (std::set<std::string>{"theme", "observance"}));
  l = Record(0, "2026-09-01", "bullying");
  l.participants = 0;
  EXPECT_EQ(fields(l), std::set<std::string>{"participants"});
  l.participants = 1;
  EXPECT_TRUE(fields(l).empty());
  l.participants = kMaxParticipants;
  EXPECT_TRUE(fields(l).empty());
  l.participants = kMaxParticipants + 1;
  EXPECT_EQ(fields(l), std::set<std::string>{"participants"});
  l.participants = 30;
  l.title = "　";
  EXPECT_EQ(fields(l), std::set<std::string>{"title"});
  l.title.clear();
  for (std::size_t i = 0; i < kMaxTitleChars; ++i) l.title += "课";
  EXPECT_TRUE(fields(l).empty());
  l.title += "课";
  EXPECT_EQ(fields(l), std::set<std::string>{"title"});
  l.title = "班会";
  l.whole_school = false;
  EXPECT_EQ(fields(l), std::set<std::string>{"class_ids"});
  l.class_ids = {3, 4};
  EXPECT_TRUE(fields(l).empty());
  l.class_ids = {3, 4, 3};
  EXPECT_EQ(fields(l), std::set<std::string>{"class_ids"});
  l.class_ids.clear();
  for (std::int64_t id = 1; id <= static_cast<std::int64_t>(kMaxLessonClasses); ++id) {
    l.class_ids.push_back(id);
  }
  EXPECT_TRUE(fields(l).empty());
  l.class_ids.push_back(static_cast<std::int64_t>(kMaxLessonClasses) + 1);
  EXPECT_EQ(fields(l), std::set<std::string>{"class_ids"});
  l.class_ids = {3};
  l.materials = std::string("\x01", 1);
  EXPECT_EQ(fields(l), std::set<std::string>{"materials"});
}

TEST(EducationRules, FirstLessonInTheSemestersFirstWeek) {
  const SchoolCalendar cal(Public(), Terms(), {});
  // 2026—2027学年第一学期 starts on Tuesday 1 September: the week runs to Monday 7 September.
  const auto week = FirstWeek(cal, Terms()[1], 7);
  ASSERT_TRUE(week);
  EXPECT_EQ(FormatDate(week->first), "2026-09-01");
  EXPECT_EQ(FormatDate(week->last), "2026-09-07");
  EXPECT_EQ(FormatDate(FirstWeek(cal, Terms()[1], 1)->last), "2026-09-01");
  auto judge = [&](std::vector<Lesson> lessons, const char* today, Values values = {}) {
    return JudgementOf(JudgeLessons(cal, lessons, values, D("2026-09-03"), D(today)),
                       "edu.first_lesson");
  };
  auto j = judge({}, "2026-09-07");
  EXPECT_EQ(j.verdict.outcome, Outcome::kDue);
  EXPECT_EQ(j.period.key, "2026-1");
  EXPECT_EQ(FormatDate(j.period.last), "2026-09-07");
  EXPECT_TRUE(j.so_far);
  j = judge({}, "2026-09-08");
  EXPECT_EQ(j.verdict.outcome, Outcome::kFail);
  EXPECT_FALSE(j.so_far);
  j = judge({Record(5, "2026-09-07", "first_lesson")}, "2026-09-20");
  EXPECT_EQ(j.verdict.outcome, Outcome::kPass);
  EXPECT_EQ(j.verdict.evidence, std::vector<std::int64_t>{5});
  EXPECT_EQ(judge({Record(5, "2026-09-08", "first_lesson")}, "2026-09-20").verdict.outcome,
            Outcome::kFail);
  EXPECT_EQ(judge({Record(5, "2026-09-01", "first_lesson")}, "2026-09-20").verdict.outcome,
            Outcome::kPass);
  // Before the term: a lesson of the summer does not count.
  EXPECT_EQ(judge({Record(5, "2026-08-31", "first_lesson")}, "2026-09-20").verdict.outcome,
            Outcome::kFail);
  // Another theme in the first week does not count.
  EXPECT_EQ(judge({Record(5, "2026-09-02", "traffic")}, "2026-09-20").verdict.outcome,
            Outcome::kFail);
  // A longer window set by the district.
  Values longer{{"edu.first_lesson", {{"window_days", 8}}}};
  EXPECT_EQ(judge({Record(5, "2026-09-08", "first_lesson")}, "2026-09-20", longer).verdict.outcome,
            Outcome::kPass);
  EXPECT_EQ(judge({Record(5, "2026-09-09", "first_lesson")}, "2026-09-20", longer).verdict.outcome,
            Outcome::kFail);
  // A term that starts on a Sunday begins with the Monday.
  const Term sunday{1, 2026, 1, D("2026-08-30"), D("2027-01-22")};
  const SchoolCalendar early(Public(), {Terms()[0], sunday}, {});
  EXPECT_EQ(FormatDate(FirstWeek(early, sunday, 7)->first), "2026-08-31");
  EXPECT_EQ(FormatDate(FirstWeek(early, sunday, 7)->last), "2026-09-06");
  // The school's own day off on the first day moves the week.
  const SchoolCalendar off(Public(), Terms(), {{7, D("2026-09-01"), false, "返校准备"}});
  EXPECT_EQ(FormatDate(FirstWeek(off, Terms()[1], 7)->first), "2026-09-02");
  EXPECT_EQ(FormatDate(FirstWeek(off, Terms()[1], 7)->last), "2026-09-08");
  // The spring term's week: Monday 2 March to Sunday 8 March.
  EXPECT_EQ(FormatDate(FirstWeek(cal, Terms()[0], 7)->last), "2026-03-08");
  // A term of one school day; a term of a weekend has none; the first school day is looked for
  // in the term's first 60 days only.
  const Term one{1, 2026, 1, D("2026-09-01"), D("2026-09-01")};
  ASSERT_TRUE(FirstWeek(cal, one, 7));
  EXPECT_EQ(FormatDate(FirstWeek(cal, one, 7)->last), "2026-09-01");
  EXPECT_FALSE(FirstWeek(cal, {1, 2026, 1, D("2026-09-05"), D("2026-09-06")}, 7));
  std::vector<DayException> closed;
  for (Date d = D("2026-09-01"); d < D("2026-10-31"); d += std::chrono::days{1}) {
    closed.push_back({7, d, false, "校舍改造"});
  }
  // Closed 1 September to 30 October (60 days); Saturday 31 October, the 61st, a school day.
  auto with_saturday = closed;
  with_saturday.push_back({7, D("2026-10-31"), true, "补课"});
  const SchoolCalendar late(Public(), Terms(), with_saturday);
  EXPECT_FALSE(FirstWeek(late, Terms()[1], 7));
  closed.pop_back();  // open on Friday 30 October, the 60th day
  const SchoolCalendar in_time(Public(), Terms(), closed);
  ASSERT_TRUE(FirstWeek(in_time, Terms()[1], 7));
  EXPECT_EQ(FormatDate(FirstWeek(in_time, Terms()[1], 7)->first), "2026-10-30");
}

TEST(EducationRules, AntiBullyingEachSemester) {
  const SchoolCalendar cal(Public(), Terms(), {});
  auto judge = [&](std::vector<Lesson> lessons, const char* today, Values values = {}) {
    return JudgementOf(JudgeLessons(cal, lessons, values, D("2026-05-20"), D(today)),
                       "edu.bullying_lesson");
  };
  EXPECT_EQ(judge({}, "2026-07-10").verdict.outcome, Outcome::kDue);
  EXPECT_TRUE(judge({}, "2026-07-10").so_far);
  EXPECT_EQ(judge({}, "2026-07-11").verdict.outcome, Outcome::kFail);
  EXPECT_FALSE(judge({}, "2026-07-11").so_far);
  EXPECT_EQ(judge({Record(1, "2026-07-10", "bullying")}, "2026-07-11").verdict.outcome,
            Outcome::kPass);
  EXPECT_EQ(judge({Record(1, "2026-03-02", "bullying")}, "2026-07-11").verdict.outcome,
            Outcome::kPass);
  // The autumn semester's lesson is not the spring's.
  EXPECT_EQ(judge({Record(1, "2026-09-02", "bullying")}, "2026-09-11").verdict.outcome,
            Outcome::kFail);
  Values two{{"edu.bullying_lesson", {{"min_count", 2}}}};
  EXPECT_EQ(judge({Record(1, "2026-03-02", "bullying")}, "2026-07-11", two).verdict.outcome,
            Outcome::kFail);
  const auto j = judge({Record(1, "2026-03-02", "bullying"), Record(2, "2026-06-02", "bullying")},
                       "2026-07-11", two);
  EXPECT_EQ(j.verdict.outcome, Outcome::kPass);
  EXPECT_EQ(j.verdict.evidence, (std::vector<std::int64_t>{1, 2}));
}

TEST(EducationRules, TheDatedDaysInTheirMonths) {
  const SchoolCalendar cal(Public(), Terms(), {});
  auto judge = [&](std::vector<Lesson> lessons, const char* day, const char* today,
                   Values values = {}) {
    return JudgementOf(JudgeLessons(cal, lessons, values, D(day), D(today)), "edu.days");
  };
  EXPECT_EQ(judge({}, "2026-03-10", "2026-03-31").verdict.outcome, Outcome::kDue);
  EXPECT_TRUE(judge({}, "2026-03-10", "2026-03-31").so_far);
  EXPECT_EQ(judge({}, "2026-03-10", "2026-04-01").verdict.outcome, Outcome::kFail);
  EXPECT_FALSE(judge({}, "2026-03-10", "2026-04-01").so_far);
  // The month's first and last days judge the same month.
  EXPECT_EQ(judge({}, "2026-03-01", "2026-04-01").verdict.outcome, Outcome::kFail);
  EXPECT_EQ(judge({}, "2026-03-31", "2026-04-01").verdict.outcome, Outcome::kFail);
  EXPECT_EQ(judge({}, "2026-04-01", "2026-04-01").verdict.outcome, Outcome::kDue);
  EXPECT_EQ(judge({}, "2026-02-28", "2026-04-01").verdict.outcome, Outcome::kNotApplicable);
  EXPECT_EQ(judge({Record(3, "2026-03-31", "other", "safety_day")}, "2026-03-10", "2026-04-01")
                .verdict.outcome,
            Outcome::kPass);
  // Untagged, or tagged for another day: not the day's activity.
  EXPECT_EQ(judge({Record(3, "2026-03-30", "traffic")}, "2026-03-10", "2026-04-01").verdict.outcome,
            Outcome::kFail);
  EXPECT_EQ(judge({Record(3, "2026-03-30", "other", "security_day")}, "2026-03-10", "2026-04-01")
                .verdict.outcome,
            Outcome::kFail);
  EXPECT_EQ(judge({Record(3, "2026-04-15", "other", "security_day")}, "2026-04-02", "2026-05-01")
                .verdict.outcome,
            Outcome::kPass);
  Values two{{"edu.days", {{"min_count", 2}}}};
  EXPECT_EQ(judge({Record(3, "2026-11-09", "fire", "fire_month")}, "2026-11-02", "2026-12-01", two)
                .verdict.outcome,
            Outcome::kFail);
  EXPECT_EQ(judge({Record(3, "2026-11-09", "fire", "fire_month"),
                   Record(4, "2026-11-30", "fire", "fire_month")},
                  "2026-11-02", "2026-12-01", two)
                .verdict.outcome,
            Outcome::kPass);
  // A month without a dated day, and a dated month without a school day.
  auto j = judge({}, "2026-05-10", "2026-06-01");
  EXPECT_EQ(j.verdict.outcome, Outcome::kNotApplicable);
  EXPECT_EQ(j.period.key, "2026-05");
  const SchoolCalendar autumn_only(Public(), {Terms()[1]}, {});
  EXPECT_EQ(
      JudgementOf(JudgeLessons(autumn_only, {}, {}, D("2026-06-10"), D("2026-07-01")), "edu.days")
          .verdict.outcome,
      Outcome::kNotApplicable);
  // Outside every semester there is no semester rule to judge, only the month.
  EXPECT_EQ(JudgeLessons(cal, {}, {}, D("2026-08-10"), D("2026-08-10")).size(), 1u);
}

TEST(EducationRules, TheCalendarOfAYear) {
  const SchoolCalendar cal(Public(), Terms(), {});
  const std::vector<Lesson> lessons = {Record(1, "2026-03-02", "first_lesson"),
                                       Record(2, "2026-03-30", "other", "safety_day"),
                                       Record(3, "2026-09-03", "first_lesson")};
  const auto items = EducationCalendar(cal, lessons, {}, 2026, D("2026-09-10"));
  std::vector<std::string> lines;
  for (const auto& i : items) {
    lines.push_back(i.key + " " + FormatDate(i.first) + ".." + FormatDate(i.last) + " " +
                    std::string(domain::rules::OutcomeCode(i.outcome)));
  }
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "safety_day:2026 2026-03-01..2026-03-31 pass",
                       "first_lesson:2025-2 2026-03-02..2026-03-08 pass",
                       "bullying_lesson:2025-2 2026-03-02..2026-07-10 fail",
                       "security_day:2026 2026-04-01..2026-04-30 fail",
                       "production_month:2026 2026-06-01..2026-06-30 fail",
                       "first_lesson:2026-1 2026-09-01..2026-09-07 pass",
                       "bullying_lesson:2026-1 2026-09-01..2027-01-22 due",
                       "fire_month:2026 2026-11-01..2026-11-30 due",
                   }));
  EXPECT_EQ(items[1].evidence, std::vector<std::int64_t>{1});
}

// ---- The content library as a district keeps it -------------------------------------------------

TEST(ContentLibrary, TheNearestUnitsTextElseTheShippedOne) {
  const std::vector<ContentEdit> edits = {
      {1, Topic::kDrowning, AgeGroup::kJunior, "市：防溺水", "city", {}, 1},
      {5, Topic::kDrowning, AgeGroup::kJunior, "区：防溺水", "district", {}, 3},
      {5, Topic::kFire, AgeGroup::kJunior, "区：防火", "district", {}, 1},
      {9, Topic::kTraffic, AgeGroup::kSenior, "别的区", "other", {}, 1}};
  // A school of the district (12 → 5 → 1): the district's text; the city's where the district
  // wrote none; the shipped text where nobody did, or where only another district did.
  const std::vector<std::int64_t> school = {12, 5, 1};
  auto in_force = TextInForce(edits, school, Topic::kDrowning, AgeGroup::kJunior);
  EXPECT_EQ(in_force.text, "区：防溺水");
  ASSERT_NE(in_force.edit, nullptr);
  EXPECT_EQ(in_force.edit->unit_id, 5);
  EXPECT_EQ(TextInForce(edits, {12, 1}, Topic::kDrowning, AgeGroup::kJunior).text, "市：防溺水");
  // Another age group or topic is another text.
  EXPECT_EQ(TextInForce(edits, school, Topic::kDrowning, AgeGroup::kSenior).text,
            std::string(ShippedText(Topic::kDrowning, AgeGroup::kSenior)));
  EXPECT_EQ(TextInForce(edits, school, Topic::kTraffic, AgeGroup::kSenior).edit, nullptr);
  EXPECT_EQ(TextInForce(edits, school, Topic::kFire, AgeGroup::kJunior).text, "区：防火");
  EXPECT_EQ(TextInForce({}, school, Topic::kFire, AgeGroup::kJunior).text,
            std::string(ShippedText(Topic::kFire, AgeGroup::kJunior)));
}

TEST(ContentLibrary, TextsAndCodesAreChecked) {
  EXPECT_TRUE(CheckContentText("放学路上注意安全。").empty());
  EXPECT_EQ(CheckContentText("　 ").at(0).field, "text");
  EXPECT_EQ(CheckContentText(std::string("\x1b", 1)).size(), 1u);
  std::string longest;
  for (std::size_t i = 0; i < kMaxContentChars; ++i) longest += "字";
  EXPECT_TRUE(CheckContentText(longest).empty());
  EXPECT_EQ(CheckContentText(longest + "字").size(), 1u);
  EXPECT_EQ(AllAgeGroups().size(), 5u);
  for (const auto g : AllAgeGroups()) {
    EXPECT_EQ(ParseAgeGroup(AgeGroupCode(g)), g);
    EXPECT_FALSE(AgeGroupLabel(g).empty());
  }
  EXPECT_EQ(AgeGroupLabel(AgeGroup::kUpperPrimary), "小学高年级");
  EXPECT_FALSE(ParseAgeGroup("primary"));
}

// ---- 致家长的一封信 ---------------------------------------------------------------------------

TEST(ParentLetters, TheLetterAsEntered) {
  Letter l;
  l.school_year = 2026;
  l.term = 1;
  l.title = std::string(60, 'a');
  l.body = "各位家长：\n请看护好孩子。";
  EXPECT_TRUE(CheckLetter(l).empty());
  l.closes_on = "2027-01-20";
  EXPECT_TRUE(CheckLetter(l).empty());
  auto field = [](const Letter& x) {
    const auto p = CheckLetter(x);
    return p.empty() ? std::string() : p.front().field;
  };
  auto x = l;
  x.title = std::string(61, 'a');
  EXPECT_EQ(field(x), "title");
  x = l;
  x.title = "　";
  EXPECT_EQ(field(x), "title");
  x = l;
  x.title = "a\x1b";
  EXPECT_EQ(field(x), "title");
  x = l;
  x.body = std::string(5000, 'b');
  EXPECT_TRUE(CheckLetter(x).empty());
  x.body += "b";
  EXPECT_EQ(field(x), "body");
  x = l;
  x.body = "";
  EXPECT_EQ(field(x), "body");
  for (const int year : {1999, 2101}) {
    x = l;
    x.school_year = year;
    EXPECT_EQ(field(x), "school_year") << year;
  }
  for (const int year : {2000, 2100}) {
    x = l;
    x.school_year = year;
    EXPECT_TRUE(CheckLetter(x).empty()) << year;
  }
  for (const int term : {0, 3}) {
    x = l;
    x.term = term;
    EXPECT_EQ(field(x), "term") << term;
  }
  x = l;
  x.term = 2;
  EXPECT_TRUE(CheckLetter(x).empty());
  x = l;
  x.closes_on = "2027-02-30";
  EXPECT_EQ(field(x), "closes_on");
}

TEST(ParentLetters, ReceiptsAreTakenWhilePublishedThroughTheClosingDay) {
  Letter l;
  EXPECT_FALSE(TakesReceipts(l, D("2026-12-06")));  // a draft
  EXPECT_TRUE(TextEditable(l.status));
  l.status = LetterStatus::kPublished;
  EXPECT_FALSE(TextEditable(l.status));
  EXPECT_TRUE(TakesReceipts(l, D("2030-01-01")));  // open until closed
  l.closes_on = "2026-12-31";
  EXPECT_TRUE(TakesReceipts(l, D("2026-12-31")));
  EXPECT_FALSE(TakesReceipts(l, D("2027-01-01")));
  l.closes_on = "not a date";
  EXPECT_FALSE(TakesReceipts(l, D("2026-12-06")));
  l.closes_on.clear();
  l.status = LetterStatus::kClosed;
  EXPECT_FALSE(TakesReceipts(l, D("2026-12-06")));
  EXPECT_FALSE(TextEditable(l.status));
  for (const auto s : {LetterStatus::kDraft, LetterStatus::kPublished, LetterStatus::kClosed}) {
    EXPECT_EQ(ParseLetterStatus(LetterStatusCode(s)), s);
  }
  EXPECT_FALSE(ParseLetterStatus("sent"));
  EXPECT_EQ(LetterStatusLabel(LetterStatus::kClosed), "已截止");
}

TEST(ParentLetters, TheTermAroundADay) {
  const auto term = [](Date d) {
    const auto t = TermAround(d);
    return std::to_string(t.school_year) + "-" + std::to_string(t.term);
  };
  EXPECT_EQ(term(D("2026-12-06")), "2026-1");
  EXPECT_EQ(term(D("2026-08-01")), "2026-1");
  EXPECT_EQ(term(D("2026-07-31")), "2025-2");
  EXPECT_EQ(term(D("2027-01-31")), "2026-1");
  EXPECT_EQ(term(D("2027-02-01")), "2026-2");
  EXPECT_EQ(term(D("2026-03-02")), "2025-2");
}

TEST(ParentLetters, AStudentsNameAndTheRelation) {
  EXPECT_EQ(NormalizeStudentName(" 张　三\u00a0 "), "张三");
  EXPECT_EQ(NormalizeStudentName("Li Lei"), "LiLei");
  const auto field = [](std::string_view name, std::string_view relation) {
    const auto p = CheckReceipt(name, relation);
    return p.empty() ? std::string() : p.front().field;
  };
  for (const char* ok : {"张三", "阿依·古丽", "LiLei", "𠮷田", "Mary-Jane", "王"}) {
    EXPECT_EQ(field(ok, "mother"), "") << ok;
  }
  for (const char* bad : {"", "张3", "张三!", "http://x", "·张三", "张三-", "a@b", "张_三", "，"}) {
    EXPECT_EQ(field(bad, "mother"), "student_name") << bad;
  }
  EXPECT_EQ(field(std::string(20 * 3, 'a').substr(0, 20), "father"), "");
  EXPECT_EQ(field(std::string(21, 'a'), "father"), "student_name");
  EXPECT_EQ(field("张三\xff", "father"), "student_name");
  EXPECT_EQ(field("张三", ""), "relation");
  EXPECT_EQ(field("张三", "uncle"), "relation");
  for (const auto& r : Relations()) EXPECT_EQ(field("张三", r.code), "") << r.code;
  EXPECT_EQ(Relations().size(), 4u);
  EXPECT_EQ(FindRelation("grandparent")->label, "祖父母/外祖父母");
}

// The edges of what a name may hold: each range of Chinese characters and of Latin letters at
// both ends, the marks between, and the spaces taken out.
TEST(ParentLetters, NameCharactersAtTheirEdges) {
  const auto ok = [](std::string_view name) { return CheckReceipt(name, "mother").empty(); };
  for (const char* in : {"\u3400", "\u4DBF", "\u4E00", "\u9FFF", "\uF900", "\uFAFF", "\U00020000",
                         "\U0003134F", "A", "Z", "a", "z"}) {
    EXPECT_TRUE(ok(std::string("王") + in)) << in;
  }
  for (const char* out : {"\u33FF", "\u4DC0", "\u4DFF", "\uA000", "\uF8FF", "\uFB00", "\U0001FFFF",
                          "\U00031350", "@", "[", "`", "{", "\u00E9"}) {
    EXPECT_FALSE(ok(std::string("王") + out)) << out;
  }
  for (const char* mark : {"\u00B7", "\u2022", "\u30FB", ".", "-"}) {
    EXPECT_TRUE(ok(std::string("A") + mark + "B")) << mark;
    EXPECT_FALSE(ok(std::string(mark) + "AB")) << mark;
    EXPECT_FALSE(ok(std::string("AB") + mark)) << mark;
  }
  EXPECT_FALSE(ok("A\u00B6B"));  // ¶ is no joining mark
  EXPECT_EQ(NormalizeStudentName("张\t三\r\n"), "张三");
  // Only U+3000 and U+00A0 go, not the characters that share their bytes.
  EXPECT_EQ(NormalizeStudentName("\u3041\u3042"), "\u3041\u3042");  // ぁあ: E3 81 81, E3 81 82
  EXPECT_EQ(NormalizeStudentName("\u9000"), "\u9000");              // 退: E9 80 80
  EXPECT_EQ(NormalizeStudentName("\u3000\u3000"), "");
  EXPECT_EQ(NormalizeStudentName("\u00A0\u00A1"), "\u00A1");
  EXPECT_EQ(NormalizeStudentName("\u00E0"), "\u00E0");  // à: C3 A0
}

TEST(ParentLetters, ReceiptsCountUpToTheClassSize) {
  EXPECT_EQ(ReceiptCap(40), 45);
  EXPECT_EQ(ReceiptCap(1), 6);
  EXPECT_EQ(ReceiptCap(0), kUnknownSizeReceipts);
  ReceiptTally t;
  EXPECT_FALSE(t.Rate());
  AddClass(t, 0, 7);  // size unknown: received, not expected
  EXPECT_FALSE(t.Rate());
  EXPECT_EQ(t.received, 7);
  AddClass(t, 40, 30);
  AddClass(t, 10, 12);  // two more than the class: counts ten
  EXPECT_EQ(t.classes, 3);
  EXPECT_EQ(t.expected, 50);
  EXPECT_EQ(t.received, 49);
  EXPECT_EQ(t.counted, 40);
  ASSERT_TRUE(t.Rate());
  EXPECT_DOUBLE_EQ(*t.Rate(), 0.8);
  ReceiptTally exact;
  AddClass(exact, 10, 10);
  EXPECT_DOUBLE_EQ(*exact.Rate(), 1.0);
  ReceiptTally one;
  AddClass(one, 1, 0);
  EXPECT_DOUBLE_EQ(*one.Rate(), 0.0);
}

TEST(ParentLetters, LinksAreTwentyFourCharactersWithoutLookAlikes) {
  std::string bytes;
  for (int i = 0; i < 24; ++i) bytes += static_cast<char>(i * 11);
  const auto token = TokenFromBytes(bytes);
  EXPECT_EQ(token.size(), kLetterTokenChars);
  EXPECT_TRUE(IsLetterToken(token));
  EXPECT_EQ(TokenFromBytes(std::string(24, '\0')), std::string(24, 'a'));
  EXPECT_EQ(TokenFromBytes(std::string(24, '\x1f')), std::string(24, '9'));
  EXPECT_EQ(TokenFromBytes(std::string(24, '\xff')), std::string(24, '9'));
  EXPECT_EQ(TokenFromBytes(std::string(24, '\x20')), std::string(24, 'a'));
  EXPECT_EQ(TokenFromBytes(bytes + "more bytes"), token);  // 24 characters, whatever is given
  EXPECT_EQ(TokenFromBytes(bytes.substr(0, 10)), token.substr(0, 10));
  EXPECT_FALSE(IsLetterToken(token.substr(1)));
  EXPECT_FALSE(IsLetterToken(token + "a"));
  for (const char c : {'l', 'o', '0', '1', 'A', '/', '%'}) {
    auto t = token;
    t[5] = c;
    EXPECT_FALSE(IsLetterToken(t)) << c;
  }
}

// ---- 周边水域风险
// ---------------------------------------------------------------------------------

Water APond() {
  Water w;
  w.name = "村东大塘";
  w.kind = "pond";
  w.distance_m = 300;
  w.checked_on = "2026-12-01";
  return w;
}

TEST(NearbyWater, TheRecordAsEntered) {
  const auto today = D("2026-12-06");
  auto w = APond();
  EXPECT_TRUE(CheckWater(w, today).empty());
  const auto field = [&](const Water& x) {
    const auto p = CheckWater(x, today);
    return p.empty() ? std::string() : p.front().field;
  };
  auto x = w;
  x.name = "　";
  EXPECT_EQ(field(x), "name");
  x.name = std::string(50, 'a');
  EXPECT_EQ(field(x), "");
  x.name += "a";
  EXPECT_EQ(field(x), "name");
  x = w;
  x.kind = "";
  EXPECT_EQ(field(x), "kind");
  x.kind = "sea";
  EXPECT_EQ(field(x), "kind");
  for (const auto& k : WaterKinds()) {
    x.kind = std::string(k.code);
    EXPECT_EQ(field(x), "") << k.code;
  }
  EXPECT_EQ(WaterKinds().size(), 7u);
  for (const int d : {-1, 50001}) {
    x = w;
    x.distance_m = d;
    EXPECT_EQ(field(x), "distance_m") << d;
  }
  for (const int d : {0, 50000}) {
    x = w;
    x.distance_m = d;
    EXPECT_EQ(field(x), "") << d;
  }
  x = w;
  x.checked_on = "2026-12-06";
  EXPECT_EQ(field(x), "");
  x.checked_on = "2026-12-07";
  EXPECT_EQ(field(x), "checked_on");
  x.checked_on = "";
  EXPECT_EQ(field(x), "checked_on");
  x = w;
  x.location = std::string(201, 'a');
  EXPECT_EQ(field(x), "location");
  x.location = std::string(200, 'a');
  EXPECT_EQ(field(x), "");
  x = w;
  x.keeper = std::string(51, 'a');
  EXPECT_EQ(field(x), "keeper");
  x.keeper = std::string(50, 'a');
  EXPECT_EQ(field(x), "");
  x = w;
  x.note = std::string(501, 'a');
  EXPECT_EQ(field(x), "note");
  x.note = std::string(500, 'a');
  EXPECT_EQ(field(x), "");
  x.note = "a\x01";
  EXPECT_EQ(field(x), "note");
}

TEST(NearbyWater, GapsAndPriorityAtTheKilometre) {
  auto w = APond();
  EXPECT_EQ(WaterGaps(w), (std::vector<std::string>{"警示牌", "护栏", "救生设施", "巡查"}));
  EXPECT_TRUE(IsPriority(w));
  w.warning_sign = true;
  w.rescue_gear = true;
  EXPECT_EQ(WaterGaps(w), (std::vector<std::string>{"护栏", "巡查"}));
  w.fence = true;
  w.patrol = true;
  EXPECT_TRUE(WaterGaps(w).empty());
  EXPECT_FALSE(IsPriority(w));
  w.patrol = false;
  w.distance_m = 1000;
  EXPECT_TRUE(IsPriority(w));
  w.distance_m = 1001;
  EXPECT_FALSE(IsPriority(w));
  w.distance_m = 0;
  w.active = false;  // gone: no longer a priority
  EXPECT_FALSE(IsPriority(w));
}

TEST(NearbyWater, TheBoardPutsPrioritiesFirstThenGapsThenRemoteSchoolsWithNone) {
  WaterSchoolRow a{1, "甲校", "rural", 0, 0, 0, {}};
  WaterSchoolRow b{2, "乙校", "urban", 0, 0, 0, {}};
  WaterSchoolRow c{3, "丙校", "township", 0, 0, 0, {}};
  WaterSchoolRow d{4, "丁校", "fringe", 0, 0, 0, {}};
  WaterSchoolRow e{5, "戊校", "urban", 0, 0, 0, {}};
  auto near = APond();  // 300 m, nothing in place
  AddWater(a, near);
  auto far = APond();
  far.distance_m = 2500;
  AddWater(a, far);
  EXPECT_EQ(a.waters, 2);
  EXPECT_EQ(a.with_gaps, 2);
  EXPECT_EQ(a.priority, 1);
  EXPECT_EQ(a.nearest_m, 300);
  AddWater(b, far);  // gaps, no priority
  EXPECT_EQ(b.priority, 0);
  EXPECT_EQ(b.nearest_m, 2500);
  auto safe = APond();
  safe.warning_sign = safe.fence = safe.rescue_gear = safe.patrol = true;
  AddWater(e, safe);
  EXPECT_EQ(e.with_gaps, 0);
  auto gone = APond();
  gone.active = false;
  AddWater(d, gone);  // not counted
  EXPECT_EQ(d.waters, 0);
  EXPECT_FALSE(d.nearest_m);
  // A rural school whose water is safe, and a town school with none: neither worth a look.
  WaterSchoolRow f{8, "一校", "rural", 0, 0, 0, {}};
  AddWater(f, safe);
  WaterSchoolRow g{9, "七校", "urban", 0, 0, 0, {}};
  std::vector<WaterSchoolRow> rows{e, d, g, c, f, b, a};
  SortWaterBoard(rows);
  std::vector<std::int64_t> order;
  for (const auto& r : rows) order.push_back(r.school_id);
  // 甲 (priority), 乙 (gaps), then the remote schools with none by name (丁, 丙), then the rest
  // by name (一, 七, 戊).
  EXPECT_EQ(order, (std::vector<std::int64_t>{1, 2, 4, 3, 8, 9, 5}));
  // Among priorities, the most first; among gaps, the most first.
  WaterSchoolRow p2{6, "己校", "urban", 2, 2, 2, 100};
  WaterSchoolRow g2{7, "庚校", "urban", 2, 2, 0, 2000};
  std::vector<WaterSchoolRow> more{a, g2, b, p2};
  SortWaterBoard(more);
  order.clear();
  for (const auto& r : more) order.push_back(r.school_id);
  EXPECT_EQ(order, (std::vector<std::int64_t>{6, 1, 7, 2}));
  // More priorities lead even with fewer gaps.
  WaterSchoolRow x{10, "一校", "rural", 3, 3, 1, 100};
  WaterSchoolRow y{11, "二校", "rural", 2, 2, 2, 100};
  std::vector<WaterSchoolRow> two{x, y};
  SortWaterBoard(two);
  EXPECT_EQ(two.front().school_id, 11);
}

}  // namespace
}  // namespace xiaoan
