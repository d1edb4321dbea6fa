// The school calendar's pure rules on the real 2026 calendar: the State Council's holidays and
// make-up working days, semesters, school weeks, breaks, teaching months, working-day arithmetic
// and what a school inherits from its region. Expected dates are read from the notice, not
// computed by the code under test.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/calendar/calendar.hpp"

namespace xiaoan {
namespace {

using namespace domain::calendar;

Date D(const char* text) {
  const auto d = ParseDate(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(Date{});
}

std::vector<std::string> Texts(const std::vector<Date>& list) {
  std::vector<std::string> out;
  for (const Date d : list) out.push_back(FormatDate(d));
  return out;
}

bool HasField(const std::vector<ErrorDetail>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const ErrorDetail& p) { return p.field == field; });
}

// 国务院办公厅关于2026年部分节假日安排的通知.
HolidayYear Notice2026() {
  HolidayYear y;
  y.year = 2026;
  y.title = "国务院办公厅关于2026年部分节假日安排的通知";
  y.holidays = {
      {"元旦", D("2026-01-01"), D("2026-01-03"), {D("2026-01-04")}},
      {"春节", D("2026-02-15"), D("2026-02-23"), {D("2026-02-14"), D("2026-02-28")}},
      {"清明节", D("2026-04-04"), D("2026-04-06"), {}},
      {"劳动节", D("2026-05-01"), D("2026-05-05"), {D("2026-05-09")}},
      {"端午节", D("2026-06-19"), D("2026-06-21"), {}},
      {"中秋节", D("2026-09-25"), D("2026-09-27"), {}},
      {"国庆节", D("2026-10-01"), D("2026-10-07"), {D("2026-09-20"), D("2026-10-10")}},
  };
  return y;
}

PublicCalendar Holidays2026() {
  PublicCalendar c;
  c.Add(Notice2026());
  return c;
}

// 2025—2026学年第二学期 and 2026—2027学年第一学期 as the demo district sets them.
std::vector<Term> Terms() {
  return {{1, 2025, 2, D("2026-03-02"), D("2026-07-10")},
          {1, 2026, 1, D("2026-09-01"), D("2027-01-22")}};
}

TEST(CalendarDates, ParseRefusesWhatIsNotADay) {
  EXPECT_TRUE(ParseDate("2026-02-28"));
  EXPECT_FALSE(ParseDate("2026-02-29"));
  EXPECT_TRUE(ParseDate("2028-02-29"));
  EXPECT_FALSE(ParseDate("2026-13-01"));
  EXPECT_FALSE(ParseDate("2026-1-01"));
  EXPECT_FALSE(ParseDate("2026-01-0a"));
  EXPECT_FALSE(ParseDate("2026/01/01"));
  EXPECT_FALSE(ParseDate("2026/01-01"));
  EXPECT_FALSE(ParseDate("2026-01/01"));
  EXPECT_FALSE(ParseDate("2026-01-011"));
  EXPECT_FALSE(ParseDate("2026-01-1"));
  EXPECT_FALSE(ParseDate("2026-01-1a"));
  EXPECT_FALSE(ParseDate(" 026-01-01"));
  EXPECT_FALSE(ParseDate("+026-01-01"));
  EXPECT_TRUE(ParseDate("2000-01-01"));
  EXPECT_TRUE(ParseDate("0999-12-31"));
  EXPECT_EQ(FormatDate(D("2026-10-08")), "2026-10-08");
  EXPECT_EQ(Weekday(D("2026-10-10")), 6);
  EXPECT_EQ(Weekday(D("2026-09-20")), 7);
  EXPECT_EQ(Weekday(D("2026-09-21")), 1);
  EXPECT_EQ(MonthKey(D("2026-10-08")), "2026-10");
}

TEST(PublicHolidays, The2026NoticeIsValid) { EXPECT_TRUE(CheckHolidayYear(Notice2026()).empty()); }

TEST(PublicHolidays, EveryDayOffAndEveryMakeupDayOf2026) {
  const auto c = Holidays2026();
  const char* off[] = {"2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16",
                       "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
                       "2026-02-22", "2026-02-23", "2026-04-04", "2026-04-05", "2026-04-06",
                       "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
                       "2026-06-19", "2026-06-20", "2026-06-21", "2026-09-25", "2026-09-26",
                       "2026-09-27", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04",
                       "2026-10-05", "2026-10-06", "2026-10-07"};
  for (const char* d : off) {
    EXPECT_EQ(c.Classify(D(d)), PublicDay::kHoliday) << d;
    EXPECT_EQ(c.IsWorkingDay(D(d)), false) << d;
  }
  const char* makeup[] = {"2026-01-04", "2026-02-14", "2026-02-28",
                          "2026-05-09", "2026-09-20", "2026-10-10"};
  for (const char* d : makeup) {
    EXPECT_EQ(c.Classify(D(d)), PublicDay::kMakeupWorkday) << d;
    EXPECT_EQ(c.IsWorkingDay(D(d)), true) << d;
  }
  EXPECT_EQ(c.NameOf(D("2026-09-20")), "国庆节");
  EXPECT_EQ(c.NameOf(D("2026-02-28")), "春节");
  EXPECT_EQ(c.Classify(D("2026-10-08")), PublicDay::kWorkday);
  EXPECT_EQ(c.Classify(D("2026-10-11")), PublicDay::kWeekend);
  EXPECT_EQ(c.Classify(D("2026-12-31")), PublicDay::kWorkday);
  // 365 days: 261 weekdays, 19 of them off, 6 weekend days worked.
  EXPECT_EQ(c.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")).value(), 248);
}

TEST(PublicHolidays, AYearNotLoadedIsMissingNeverGuessed) {
  const auto c = Holidays2026();
  EXPECT_TRUE(c.Knows(2026));
  EXPECT_FALSE(c.Knows(2027));
  EXPECT_EQ(c.Classify(D("2027-01-04")), PublicDay::kUnknown);
  EXPECT_EQ(c.Classify(D("2025-12-31")), PublicDay::kUnknown);
  EXPECT_FALSE(c.IsWorkingDay(D("2027-01-04")).has_value());
  const auto next = c.AddWorkingDays(D("2026-12-31"), 1);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().details.front().field, "calendar.year_missing");
  EXPECT_NE(next.error().message.find("2027"), std::string::npos);
  EXPECT_FALSE(c.WorkingDaysBetween(D("2026-12-30"), D("2027-01-01")).ok());
  EXPECT_EQ(c.WorkingDaysBetween(D("2026-12-30"), D("2026-12-31")).value(), 1);
  EXPECT_EQ(c.Years(), std::vector<int>{2026});
}

TEST(PublicHolidays, WorkingDayArithmeticAcrossNationalDay) {
  const auto c = Holidays2026();
  EXPECT_EQ(FormatDate(c.AddWorkingDays(D("2026-09-30"), 1).value()), "2026-10-08");
  EXPECT_EQ(FormatDate(c.AddWorkingDays(D("2026-09-28"), 5).value()), "2026-10-10");
  EXPECT_EQ(FormatDate(c.AddWorkingDays(D("2026-09-28"), 6).value()), "2026-10-12");
  EXPECT_EQ(FormatDate(c.AddWorkingDays(D("2026-09-24"), 1).value()), "2026-09-28");
  // 中秋 (Fri 25 – Sun 27) then the make-up Sunday before it counts.
  EXPECT_EQ(FormatDate(c.AddWorkingDays(D("2026-09-18"), 1).value()), "2026-09-20");
  EXPECT_EQ(FormatDate(c.AddWorkingDays(D("2026-09-30"), 0).value()), "2026-09-30");
  EXPECT_EQ(c.WorkingDaysBetween(D("2026-09-30"), D("2026-10-10")).value(), 3);
  EXPECT_EQ(c.WorkingDaysBetween(D("2026-09-30"), D("2026-10-07")).value(), 0);
  EXPECT_EQ(c.WorkingDaysBetween(D("2026-10-10"), D("2026-09-30")).value(), 0);
  // Five working days from 劳动节's eve: 6, 7, 8, 9 (Saturday, worked) and 11 May.
  EXPECT_EQ(FormatDate(c.AddWorkingDays(D("2026-04-30"), 5).value()), "2026-05-11");
}

TEST(PublicHolidays, ANoticeIsCheckedNamingTheField) {
  auto y = Notice2026();
  y.holidays[0].workdays = {D("2026-01-05")};  // a Monday
  auto p = CheckHolidayYear(y);
  EXPECT_TRUE(HasField(p, "holidays[0].workdays[0]"));

  y = Notice2026();
  y.holidays[1].to = D("2026-03-01");  // 15 days: allowed
  EXPECT_FALSE(HasField(CheckHolidayYear(y), "holidays[1].to"));
  y.holidays[1].to = D("2026-03-02");  // 16 days
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "holidays[1].to"));
  y.holidays[1].to = D("2026-02-14");  // backwards
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "holidays[1].to"));

  y = Notice2026();
  y.holidays[6].workdays.push_back(D("2026-10-03"));  // a day off and worked
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "holidays[6].workdays[2]"));
  y = Notice2026();
  y.holidays[5].from = D("2026-09-26");
  y.holidays[5].to = D("2026-10-01");  // overlaps 国庆节
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "holidays[6].from"));
  y = Notice2026();
  y.holidays[2].name = "元旦";
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "holidays[2].name"));
  y = Notice2026();
  y.holidays[0].name.clear();
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "holidays[0].name"));
  y = Notice2026();
  y.title.clear();
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "title"));
  y = Notice2026();
  y.holidays.clear();
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "holidays"));
  y = Notice2026();
  y.year = 1999;
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "year"));
  y.year = 2101;
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "year"));
  y.year = 2100;
  EXPECT_FALSE(HasField(CheckHolidayYear(y), "year"));
  y.year = 2000;
  EXPECT_FALSE(HasField(CheckHolidayYear(y), "year"));
  y = Notice2026();
  y.title = std::string(300, 'a');
  EXPECT_FALSE(HasField(CheckHolidayYear(y), "title"));
  y.title = std::string(301, 'a');
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "title"));
  y = Notice2026();
  y.holidays[0].name = std::string(60, 'a');
  EXPECT_FALSE(HasField(CheckHolidayYear(y), "holidays[0].name"));
  y.holidays[0].name = std::string(61, 'a');
  EXPECT_TRUE(HasField(CheckHolidayYear(y), "holidays[0].name"));

  // The edges of "within a month of the year" for make-up days: 2019-12-01 and 2021-01-31 are
  // Sundays, the first and last days a 2020 notice may name.
  HolidayYear y2020;
  y2020.year = 2020;
  y2020.title = "2020";
  y2020.holidays = {{"春节", D("2020-01-24"), D("2020-01-30"), {D("2019-12-01"), D("2021-01-31")}}};
  EXPECT_TRUE(CheckHolidayYear(y2020).empty());
  y2020.holidays[0].workdays = {D("2019-11-30"), D("2021-02-06")};  // Saturdays, a day/week out
  EXPECT_TRUE(HasField(CheckHolidayYear(y2020), "holidays[0].workdays[0]"));
  EXPECT_TRUE(HasField(CheckHolidayYear(y2020), "holidays[0].workdays[1]"));
  y2020.holidays[0] = {"春节", D("2021-01-31"), D("2021-01-31"), {}};
  EXPECT_TRUE(CheckHolidayYear(y2020).empty());
  y2020.holidays[0] = {"春节", D("2021-02-01"), D("2021-02-01"), {}};
  EXPECT_TRUE(HasField(CheckHolidayYear(y2020), "holidays[0].from"));

  // 元旦 may start on 30 December of the year before (as in 2019), a month out at most.
  HolidayYear y2019;
  y2019.year = 2019;
  y2019.title = "2019";
  y2019.holidays = {{"元旦", D("2018-12-30"), D("2019-01-01"), {D("2018-12-29")}}};
  EXPECT_TRUE(CheckHolidayYear(y2019).empty());
  y2019.holidays[0] = {"元旦", D("2018-12-01"), D("2018-12-01"), {}};
  EXPECT_TRUE(CheckHolidayYear(y2019).empty());
  y2019.holidays[0] = {"元旦", D("2018-11-30"), D("2018-11-30"), {}};
  EXPECT_TRUE(HasField(CheckHolidayYear(y2019), "holidays[0].from"));
  y2019.holidays[0] = {"元旦", D("2019-12-30"), D("2020-01-31"), {}};
  EXPECT_TRUE(HasField(CheckHolidayYear(y2019), "holidays[0].to"));
  y2019.holidays[0] = {"元旦", D("2020-01-31"), D("2020-01-31"), {D("2020-02-01")}};
  EXPECT_TRUE(HasField(CheckHolidayYear(y2019), "holidays[0].workdays[0]"));
  y2019.holidays[0] = {"元旦", D("2020-02-01"), D("2020-02-01"), {}};
  EXPECT_TRUE(HasField(CheckHolidayYear(y2019), "holidays[0].from"));
  y2019.holidays[0] = {"元旦", D("2019-01-01"), D("2019-01-01"), {D("2018-11-25")}};
  EXPECT_TRUE(HasField(CheckHolidayYear(y2019), "holidays[0].workdays[0]"));
}

TEST(PublicHolidays, ADayOfTheNeighbouringYearsNotice) {
  PublicCalendar c;
  HolidayYear y2019;
  y2019.year = 2019;
  y2019.title = "2019";
  y2019.holidays = {{"元旦", D("2018-12-30"), D("2019-01-01"), {D("2018-12-29")}}};
  c.Add(y2019);
  EXPECT_EQ(c.Classify(D("2018-12-30")), PublicDay::kUnknown);  // 2018 itself is not loaded
  HolidayYear y2018;
  y2018.year = 2018;
  y2018.title = "2018";
  y2018.holidays = {{"国庆节", D("2018-10-01"), D("2018-10-07"), {}}};
  c.Add(y2018);
  EXPECT_EQ(c.Classify(D("2018-12-30")), PublicDay::kHoliday);
  EXPECT_EQ(c.Classify(D("2018-12-29")), PublicDay::kMakeupWorkday);
  EXPECT_EQ(c.NameOf(D("2018-12-29")), "元旦");
  EXPECT_EQ(c.Classify(D("2019-01-01")), PublicDay::kHoliday);
  // A notice loaded again replaces the old one.
  y2018.holidays = {{"国庆节", D("2018-10-02"), D("2018-10-07"), {}}};
  c.Add(y2018);
  EXPECT_EQ(c.Classify(D("2018-10-01")), PublicDay::kWorkday);
}

TEST(SchoolCalendarTest, EverySchoolDayOfTheSpringSemester) {
  const auto h = Holidays2026();
  const SchoolCalendar c(h, Terms(), {});
  const auto days = c.SchoolDays(D("2026-01-01"), D("2026-08-31"));
  EXPECT_EQ(days.size(), 91u);
  EXPECT_EQ(FormatDate(days.front()), "2026-03-02");
  EXPECT_EQ(FormatDate(days.back()), "2026-07-10");
  // 28 February is worked for 春节 but falls in the winter vacation.
  EXPECT_EQ(c.Day(D("2026-02-28")).kind, DayKind::kVacation);
  EXPECT_TRUE(c.Day(D("2026-02-28")).makeup_workday);
  EXPECT_EQ(c.Day(D("2026-02-28")).holiday, "春节");
  EXPECT_EQ(c.Day(D("2026-02-28")).name, "寒假");
  EXPECT_EQ(c.Day(D("2026-03-01")).kind, DayKind::kVacation);
  EXPECT_EQ(c.Day(D("2026-07-11")).name, "暑假");
  EXPECT_EQ(c.Day(D("2026-07-13")).kind, DayKind::kVacation);
  // The make-up Saturday of 劳动节 is a school day.
  const auto may9 = c.Day(D("2026-05-09"));
  EXPECT_EQ(may9.kind, DayKind::kSchoolDay);
  EXPECT_TRUE(may9.makeup_workday);
  EXPECT_EQ(may9.name, "劳动节调休上课");
  EXPECT_EQ(c.Day(D("2026-05-04")).kind, DayKind::kHoliday);
  EXPECT_EQ(c.Day(D("2026-05-04")).name, "劳动节");
  EXPECT_EQ(c.Day(D("2026-05-10")).kind, DayKind::kWeekend);
  ASSERT_NE(c.Day(D("2026-05-10")).term, nullptr);
  EXPECT_EQ(c.Day(D("2026-05-10")).term->term, 2);
  EXPECT_EQ(c.Day(D("2026-08-10")).term, nullptr);
  // The month-by-month count: March 22, April 21, May 19, June 21, July 8.
  const auto spring = Terms()[0];
  const auto months = c.TeachingMonths(spring, 1);
  ASSERT_EQ(months.size(), 5u);
  EXPECT_EQ(months[2].month, "2026-05");
  EXPECT_EQ(months[2].school_days, 19);
  EXPECT_EQ(months[4].school_days, 8);
  EXPECT_EQ(c.TeachingMonths(spring, 8).size(), 5u);
  EXPECT_EQ(c.TeachingMonths(spring, 9).size(), 4u);
  EXPECT_EQ(c.TeachingMonths(spring, 19).size(), 4u);
  EXPECT_EQ(c.TeachingMonths(spring, 20).size(), 3u);
}

TEST(SchoolCalendarTest, TheAutumnSemesterUntilTheYearIsMissing) {
  const auto h = Holidays2026();
  const SchoolCalendar c(h, Terms(), {});
  EXPECT_EQ(c.SchoolDays(D("2026-09-01"), D("2026-12-31")).size(), 84u);
  EXPECT_EQ(c.Day(D("2026-09-20")).kind, DayKind::kSchoolDay);
  EXPECT_EQ(c.Day(D("2026-10-10")).kind, DayKind::kSchoolDay);
  EXPECT_EQ(c.Day(D("2026-08-31")).kind, DayKind::kVacation);
  EXPECT_EQ(c.Day(D("2026-08-31")).name, "暑假");
  EXPECT_EQ(c.Day(D("2027-01-05")).kind, DayKind::kUnknown);
  EXPECT_FALSE(c.IsSchoolDay(D("2027-01-05")).has_value());
  EXPECT_EQ(c.IsSchoolDay(D("2027-01-23")), false);  // after the semester: no notice needed
  EXPECT_EQ(c.Day(D("2027-01-23")).name, "寒假");
  EXPECT_EQ(c.MissingYears(D("2026-09-01"), D("2027-01-22")), std::vector<int>{2027});
  EXPECT_TRUE(c.MissingYears(D("2026-03-01"), D("2026-07-10")).empty());
  // Before any semester the vacation is named by the semester after it.
  const SchoolCalendar only_spring(h, {Terms()[0]}, {});
  EXPECT_EQ(only_spring.Day(D("2026-02-01")).name, "寒假");
  const SchoolCalendar only_autumn(h, {Terms()[1]}, {});
  EXPECT_EQ(only_autumn.Day(D("2026-08-01")).name, "暑假");
  const SchoolCalendar none(h, {}, {});
  EXPECT_EQ(none.Day(D("2026-08-01")).name, "假期");
}

TEST(SchoolCalendarTest, TheSchoolWeekAcrossLabourDay) {
  const auto h = Holidays2026();
  const SchoolCalendar c(h, Terms(), {});
  EXPECT_EQ(Texts(c.SchoolDaysOfWeek(D("2026-04-29"))),
            (std::vector<std::string>{"2026-04-27", "2026-04-28", "2026-04-29", "2026-04-30"}));
  // 1–5 May off; the make-up Saturday closes the week after it.
  EXPECT_EQ(FormatDate(SchoolCalendar::WeekOf(D("2026-05-09"))), "2026-05-04");
  EXPECT_EQ(FormatDate(SchoolCalendar::WeekOf(D("2026-05-03"))), "2026-05-04");
  EXPECT_EQ(Texts(c.SchoolDaysOfWeek(D("2026-05-04"))),
            (std::vector<std::string>{"2026-05-06", "2026-05-07", "2026-05-08", "2026-05-09"}));
  EXPECT_EQ(FormatDate(c.LastSchoolDayOfWeek(D("2026-05-06")).value()), "2026-05-09");
  EXPECT_EQ(FormatDate(c.LastSchoolDayOfWeek(D("2026-05-11")).value()), "2026-05-15");
}

TEST(SchoolCalendarTest, TheSchoolWeekAcrossNationalDay) {
  const auto h = Holidays2026();
  const SchoolCalendar c(h, Terms(), {});
  // The make-up Sunday 20 September opens the week of Monday 21 September.
  EXPECT_EQ(FormatDate(SchoolCalendar::WeekOf(D("2026-09-20"))), "2026-09-21");
  EXPECT_EQ(FormatDate(SchoolCalendar::WeekOf(D("2026-09-19"))), "2026-09-14");
  EXPECT_EQ(Texts(c.SchoolDaysOfWeek(D("2026-09-22"))),
            (std::vector<std::string>{"2026-09-20", "2026-09-21", "2026-09-22", "2026-09-23",
                                      "2026-09-24"}));
  EXPECT_EQ(Texts(c.SchoolDaysOfWeek(D("2026-09-28"))),
            (std::vector<std::string>{"2026-09-28", "2026-09-29", "2026-09-30"}));
  EXPECT_TRUE(c.SchoolDaysOfWeek(D("2026-10-01")).size() == 3u);  // the week of 28 September
  EXPECT_EQ(Texts(c.SchoolDaysOfWeek(D("2026-10-05"))),
            (std::vector<std::string>{"2026-10-08", "2026-10-09", "2026-10-10"}));
  EXPECT_EQ(FormatDate(c.LastSchoolDayOfWeek(D("2026-10-08")).value()), "2026-10-10");
  // A week without school has no last school day.
  EXPECT_FALSE(c.LastSchoolDayOfWeek(D("2026-08-05")).has_value());
}

TEST(SchoolCalendarTest, TheLastSchoolDayBeforeEachBreak) {
  const auto h = Holidays2026();
  const SchoolCalendar c(h, Terms(), {});
  const auto breaks = c.BreaksFrom(D("2026-03-02"), D("2026-07-10"));
  ASSERT_EQ(breaks.size(), 4u);
  EXPECT_EQ(FormatDate(breaks[0].last_school_day), "2026-04-03");
  EXPECT_EQ(breaks[0].name, "清明节");
  EXPECT_EQ(FormatDate(breaks[0].first_day), "2026-04-04");
  EXPECT_EQ(FormatDate(breaks[0].last_day), "2026-04-06");
  EXPECT_EQ(FormatDate(breaks[1].last_school_day), "2026-04-30");
  EXPECT_EQ(breaks[1].name, "劳动节");
  EXPECT_EQ(FormatDate(breaks[1].last_day), "2026-05-05");
  EXPECT_EQ(FormatDate(breaks[2].last_school_day), "2026-06-18");
  EXPECT_EQ(breaks[2].name, "端午节");
  EXPECT_EQ(breaks[2].kind, DayKind::kHoliday);
  EXPECT_EQ(FormatDate(breaks[3].last_school_day), "2026-07-10");
  EXPECT_EQ(breaks[3].kind, DayKind::kVacation);
  EXPECT_EQ(breaks[3].name, "暑假");
  EXPECT_EQ(FormatDate(breaks[3].last_day), "2026-08-31");
  // Autumn: 中秋 then 国庆 (the make-up Sunday between them is a school day).
  const auto autumn = c.BreaksFrom(D("2026-09-01"), D("2026-10-31"));
  ASSERT_EQ(autumn.size(), 2u);
  EXPECT_EQ(FormatDate(autumn[0].last_school_day), "2026-09-24");
  EXPECT_EQ(autumn[0].name, "中秋节");
  EXPECT_EQ(FormatDate(autumn[1].last_school_day), "2026-09-30");
  EXPECT_EQ(FormatDate(autumn[1].last_day), "2026-10-07");
  // Only breaks whose last school day is in the range, its edges included.
  EXPECT_EQ(c.BreaksFrom(D("2026-09-24"), D("2026-09-30")).size(), 2u);
  EXPECT_EQ(c.BreaksFrom(D("2026-09-25"), D("2026-09-29")).size(), 0u);
}

TEST(SchoolCalendarTest, ASchoolsOwnDaysOffAndExtraSchoolDays) {
  const auto h = Holidays2026();
  const SchoolCalendar c(h, Terms(),
                         {{2, D("2026-10-22"), false, "秋季运动会"},
                          {2, D("2026-10-24"), true, "补上 10 月 22 日的课"},
                          {2, D("2026-08-31"), true, "新生入学教育"}});
  const auto sports = c.Day(D("2026-10-22"));
  EXPECT_EQ(sports.kind, DayKind::kDayOff);
  EXPECT_TRUE(sports.exception);
  EXPECT_EQ(sports.name, "秋季运动会");
  EXPECT_EQ(c.Day(D("2026-10-24")).kind, DayKind::kSchoolDay);
  EXPECT_EQ(Texts(c.SchoolDaysOfWeek(D("2026-10-22"))),
            (std::vector<std::string>{"2026-10-19", "2026-10-20", "2026-10-21", "2026-10-23",
                                      "2026-10-24"}));
  EXPECT_EQ(FormatDate(c.LastSchoolDayOfWeek(D("2026-10-19")).value()), "2026-10-24");
  const auto breaks = c.BreaksFrom(D("2026-10-19"), D("2026-10-24"));
  ASSERT_EQ(breaks.size(), 1u);
  EXPECT_EQ(breaks[0].kind, DayKind::kDayOff);
  EXPECT_EQ(FormatDate(breaks[0].last_school_day), "2026-10-21");
  // An extra day before the semester is a school day; the summer break now ends before it.
  EXPECT_EQ(c.IsSchoolDay(D("2026-08-31")), true);
  const auto summer = c.BreaksFrom(D("2026-07-10"), D("2026-07-10"));
  ASSERT_EQ(summer.size(), 1u);
  EXPECT_EQ(FormatDate(summer[0].last_day), "2026-08-30");
}

TEST(SchoolCalendarTest, ABreakIntoAYearNotLoadedEndsWhereKnowledgeEnds) {
  const auto h = Holidays2026();
  // A semester ending on 31 December, then 2027 unknown.
  const SchoolCalendar c(h, {{1, 2026, 1, D("2026-09-01"), D("2027-01-22")}}, {});
  EXPECT_TRUE(c.BreaksFrom(D("2026-12-31"), D("2026-12-31")).empty());
}

TEST(SchoolCalendarTest, ABreakIsSearchedAtMost120DaysOn) {
  const auto h = Holidays2026();
  // A spring semester ending on Thursday 30 April and an autumn one from Monday 31 August:
  // the search stops at 28 August, 120 days on.
  const SchoolCalendar c(h,
                         {{1, 2025, 2, D("2026-03-02"), D("2026-04-30")},
                          {1, 2026, 1, D("2026-08-31"), D("2027-01-22")}},
                         {});
  const auto b = c.BreaksFrom(D("2026-04-30"), D("2026-04-30"));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].kind, DayKind::kVacation);
  EXPECT_EQ(FormatDate(b[0].last_day), "2026-08-28");
}

TEST(SchoolTerms, CheckedAtTheirEdges) {
  auto t = Terms();
  EXPECT_TRUE(CheckTerms(t).empty());
  t[0].ends = D("2026-06-30");
  t[1].starts = D("2026-07-01");
  EXPECT_TRUE(CheckTerms(t).empty());
  t[0].ends = D("2026-06-29");
  t[1].starts = D("2026-06-30");
  EXPECT_TRUE(HasField(CheckTerms(t), "terms[1].starts_on"));
  t[1].starts = D("2026-10-31");
  EXPECT_TRUE(CheckTerms(t).empty());
  t[1].starts = D("2026-11-01");
  EXPECT_TRUE(HasField(CheckTerms(t), "terms[1].starts_on"));
  t = Terms();
  t[0].starts = D("2026-04-30");
  EXPECT_TRUE(CheckTerms(t).empty());
  t[0].starts = D("2026-05-01");
  EXPECT_TRUE(HasField(CheckTerms(t), "terms[0].starts_on"));
  t[0].starts = D("2025-12-31");
  EXPECT_TRUE(HasField(CheckTerms(t), "terms[0].starts_on"));
  t[0].starts = D("2026-01-01");
  EXPECT_TRUE(CheckTerms(t).empty());
  t = Terms();
  t[1].ends = t[1].starts + std::chrono::days{245};
  EXPECT_TRUE(CheckTerms(t).empty());
  t[1].ends = t[1].starts + std::chrono::days{246};
  EXPECT_TRUE(HasField(CheckTerms(t), "terms[1].ends_on"));
  t[1].ends = t[1].starts - std::chrono::days{1};
  EXPECT_TRUE(HasField(CheckTerms(t), "terms[1].ends_on"));
  t[1].ends = t[1].starts;
  EXPECT_TRUE(CheckTerms(t).empty());
  t = Terms();
  t[0].term = 3;
  EXPECT_TRUE(HasField(CheckTerms(t), "terms[0].term"));
  t = Terms();
  t[0].school_year = 1999;
  EXPECT_TRUE(HasField(CheckTerms(t), "terms[0].school_year"));
  t = Terms();
  t.push_back(t[1]);  // the same key twice, overlapping too
  const auto twice = CheckTerms(t);
  EXPECT_TRUE(HasField(twice, "terms[2].term"));
  EXPECT_TRUE(HasField(twice, "terms[2].starts_on"));
  t = Terms();
  t[0].ends = D("2026-09-01");  // runs into the autumn semester
  EXPECT_TRUE(HasField(CheckTerms(t), "terms[1].starts_on"));
  t[0].ends = D("2026-08-31");
  EXPECT_TRUE(CheckTerms(t).empty());
  // The first and last school years accepted.
  EXPECT_TRUE(CheckTerms({{1, 2000, 1, D("2000-09-01"), D("2001-01-15")}}).empty());
  EXPECT_TRUE(CheckTerms({{1, 2100, 1, D("2100-09-01"), D("2101-01-15")}}).empty());
  EXPECT_TRUE(HasField(CheckTerms({{1, 2101, 1, D("2101-09-01"), D("2102-01-15")}}),
                       "terms[0].school_year"));
  // The reason names the months of the term it is about.
  const auto late_spring = CheckTerms({{1, 2025, 2, D("2026-05-06"), D("2026-07-10")}});
  ASSERT_FALSE(late_spring.empty());
  EXPECT_NE(late_spring[0].reason.find("1 至 4 月"), std::string::npos);
  const auto late_autumn = CheckTerms({{1, 2026, 1, D("2026-11-02"), D("2027-01-22")}});
  ASSERT_FALSE(late_autumn.empty());
  EXPECT_NE(late_autumn[0].reason.find("7 至 10 月"), std::string::npos);
  // Listed later but earlier in the year: a spring ending the day the autumn starts overlaps.
  auto reversed = std::vector<Term>{Terms()[1], Terms()[0]};
  reversed[1].ends = D("2026-09-01");
  EXPECT_TRUE(HasField(CheckTerms(reversed), "terms[1].starts_on"));
  reversed[1].ends = D("2026-08-31");
  EXPECT_TRUE(CheckTerms(reversed).empty());
  EXPECT_EQ(TermLabel(2026, 1), "2026—2027学年第一学期");
  EXPECT_EQ(TermLabel(2025, 2), "2025—2026学年第二学期");
}

TEST(SchoolExceptions, CheckedNamingTheField) {
  std::vector<DayException> e = {{2, D("2026-10-22"), false, "运动会"},
                                 {2, D("2026-10-22"), true, "补课"},
                                 {2, D("2026-10-23"), false, ""},
                                 {2, D("2026-10-24"), false, std::string(200, 'a')},
                                 {2, D("2026-10-25"), false, std::string(201, 'a')}};
  const auto p = CheckExceptions(e);
  EXPECT_TRUE(HasField(p, "exceptions[1].date"));
  EXPECT_TRUE(HasField(p, "exceptions[2].reason"));
  EXPECT_FALSE(HasField(p, "exceptions[3].reason"));
  EXPECT_TRUE(HasField(p, "exceptions[4].reason"));
  EXPECT_FALSE(HasField(p, "exceptions[0].date"));
}

TEST(Dismissals, ClockAndChecks) {
  EXPECT_EQ(ParseClock("16:30"), 990);
  EXPECT_EQ(ParseClock("00:00"), 0);
  EXPECT_EQ(ParseClock("23:59"), 23 * 60 + 59);
  EXPECT_FALSE(ParseClock("24:00"));
  EXPECT_FALSE(ParseClock("12:60"));
  EXPECT_FALSE(ParseClock("9:30"));
  EXPECT_FALSE(ParseClock("09-30"));
  EXPECT_FALSE(ParseClock("0a:30"));
  EXPECT_FALSE(ParseClock("0/:30"));
  EXPECT_FALSE(ParseClock("16:/5"));
  EXPECT_EQ(FormatClock(990), "16:30");
  EXPECT_EQ(FormatClock(605), "10:05");
  std::vector<Dismissal> t = {{2, 0, 0, 600}, {2, 12, 7, 1260}};
  EXPECT_TRUE(CheckDismissals(t).empty());
  t = {{2, 0, 0, 599}, {2, 13, 8, 1261}, {2, -1, -1, 900}, {2, 0, 0, 900}};
  const auto p = CheckDismissals(t);
  EXPECT_TRUE(HasField(p, "dismissals[0].time"));
  EXPECT_TRUE(HasField(p, "dismissals[1].grade"));
  EXPECT_TRUE(HasField(p, "dismissals[1].weekday"));
  EXPECT_TRUE(HasField(p, "dismissals[1].time"));
  EXPECT_TRUE(HasField(p, "dismissals[2].grade"));
  EXPECT_TRUE(HasField(p, "dismissals[2].weekday"));
  EXPECT_TRUE(HasField(p, "dismissals[3].grade"));  // (0, 0) twice
}

TEST(Dismissals, TheMostSpecificTimeWins) {
  const std::vector<Dismissal> t = {{2, 0, 0, 16 * 60 + 30},
                                    {2, 0, 5, 15 * 60 + 30},
                                    {2, 1, 0, 15 * 60},
                                    {2, 1, 5, 14 * 60 + 40}};
  EXPECT_EQ(DismissalTime(t, 3, 1), 16 * 60 + 30);
  EXPECT_EQ(DismissalTime(t, 3, 5), 15 * 60 + 30);
  EXPECT_EQ(DismissalTime(t, 1, 2), 15 * 60);
  EXPECT_EQ(DismissalTime(t, 1, 5), 14 * 60 + 40);
  EXPECT_FALSE(DismissalTime({}, 1, 5).has_value());
  EXPECT_EQ(DismissalTime({{2, 0, 5, 900}}, 1, 5), 900);
  EXPECT_FALSE(DismissalTime({{2, 0, 5, 900}}, 1, 4).has_value());
}

TEST(Duties, The1530RemindersAndTheirMinutes) {
  const auto codes = [](const std::vector<Duty>& list) {
    std::vector<std::string> out;
    for (const auto& d : list) out.push_back(d.code + "@" + (d.at ? FormatClock(*d.at) : "-"));
    return out;
  };
  EXPECT_EQ(codes(Reminders1530(false, "", 990)), std::vector<std::string>{"edu.1530.daily@16:29"});
  EXPECT_EQ(codes(Reminders1530(true, "", 900)),
            (std::vector<std::string>{"edu.1530.daily@14:59", "edu.1530.weekly@14:55"}));
  const auto eve = Reminders1530(true, "国庆节", 990);
  EXPECT_EQ(codes(eve), (std::vector<std::string>{"edu.1530.daily@16:29", "edu.1530.weekly@16:25",
                                                  "edu.1530.holiday@16:00"}));
  EXPECT_NE(eve[2].label.find("国庆节"), std::string::npos);
  EXPECT_EQ(codes(Reminders1530(false, "秋季运动会", std::nullopt)),
            (std::vector<std::string>{"edu.1530.daily@-", "edu.1530.holiday@-"}));
}

TEST(Inheritance, TheNearestUnitWins) {
  // School 12 in cluster 5 of bureau 1; 99 is another school.
  const std::vector<std::int64_t> path = {12, 5, 1};
  const std::vector<Term> defined = {
      {1, 2026, 1, D("2026-09-01"), D("2027-01-22")},
      {1, 2025, 2, D("2026-03-02"), D("2026-07-10")},
      {12, 2026, 1, D("2026-08-31"), D("2027-01-15")},
      {99, 2025, 2, D("2026-02-25"), D("2026-07-01")},
  };
  const auto terms = EffectiveTerms(path, defined);
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0].unit_id, 1);
  EXPECT_EQ(FormatDate(terms[0].starts), "2026-03-02");
  EXPECT_EQ(terms[1].unit_id, 12);
  EXPECT_EQ(FormatDate(terms[1].starts), "2026-08-31");
  // A school's own semester overlapping an inherited one of another key wins.
  const auto overlap = EffectiveTerms(path, {{1, 2026, 1, D("2026-09-01"), D("2027-01-22")},
                                             {12, 2025, 2, D("2026-03-02"), D("2026-09-05")}});
  ASSERT_EQ(overlap.size(), 1u);
  EXPECT_EQ(overlap[0].unit_id, 12);
  const auto overlap2 = EffectiveTerms(path, {{12, 2026, 1, D("2026-09-01"), D("2027-01-22")},
                                              {1, 2025, 2, D("2026-03-02"), D("2026-09-05")}});
  ASSERT_EQ(overlap2.size(), 1u);
  EXPECT_EQ(overlap2[0].unit_id, 12);
  // The same semester set by the school and then by the bureau: the school's, in any order.
  const auto school_first = EffectiveTerms(path, {{12, 2026, 1, D("2026-08-31"), D("2027-01-15")},
                                                  {1, 2026, 1, D("2026-09-01"), D("2027-01-22")}});
  ASSERT_EQ(school_first.size(), 1u);
  EXPECT_EQ(school_first[0].unit_id, 12);
  // An inherited semester starting the day the school's own one ends still gives way.
  const auto touching = EffectiveTerms(path, {{12, 2025, 2, D("2026-03-02"), D("2026-09-01")},
                                              {1, 2026, 1, D("2026-09-01"), D("2027-01-22")}});
  ASSERT_EQ(touching.size(), 1u);
  EXPECT_EQ(touching[0].unit_id, 12);

  const auto days = EffectiveExceptions(path, {{1, D("2026-10-22"), false, "全区运动会"},
                                               {12, D("2026-10-22"), true, "本校照常上课"},
                                               {5, D("2026-11-02"), false, "片区教研"},
                                               {99, D("2026-11-03"), false, "别校"}});
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].unit_id, 12);
  EXPECT_TRUE(days[0].school_day);
  EXPECT_EQ(days[1].unit_id, 5);
  const auto reversed = EffectiveExceptions(
      path, {{12, D("2026-10-22"), true, "本校照常上课"}, {1, D("2026-10-22"), false, "全区"}});
  ASSERT_EQ(reversed.size(), 1u);
  EXPECT_EQ(reversed[0].unit_id, 12);

  const auto times =
      EffectiveDismissals(path, {{1, 0, 0, 1020}, {5, 0, 0, 990}, {5, 1, 0, 960}, {99, 0, 0, 900}});
  ASSERT_EQ(times.size(), 2u);
  EXPECT_EQ(times[0].unit_id, 5);
  EXPECT_EQ(times[1].unit_id, 5);
  EXPECT_EQ(EffectiveDismissals(path, {{12, 0, 0, 1000}, {1, 0, 0, 1020}})[0].minutes, 1000);
  EXPECT_TRUE(EffectiveDismissals(path, {{99, 0, 0, 900}}).empty());
}

}  // namespace
}  // namespace xiaoan
