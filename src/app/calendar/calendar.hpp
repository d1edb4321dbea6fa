#pragma once
// The school calendar's use cases: holiday notices (shipped, imported by file or API), the
// semesters, days off and dismissal times a bureau or school sets, and a school's month. Later
// modules read a school's calendar with LoadSchoolCalendar inside their own transaction.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "domain/calendar/calendar.hpp"

namespace xiaoan::app {

// ---- Holiday notices ---------------------------------------------------------------------------
// A notice in its JSON form (docs/calendar.md): {"year", "title", "source", "holidays": [{"name",
// "from", "to", "workdays": [...]}]}. Errors name the field; unknown fields are refused.
Result<domain::calendar::HolidayYear> ParseHolidayNotice(std::string_view json_text);
// The notices compiled into the binary (data/holidays/*.json).
std::vector<domain::calendar::HolidayYear> ShippedHolidayNotices();
// Loads each shipped notice whose year the store does not hold yet (an imported notice is kept).
Status EnsureShippedHolidays(Services& s);
// Roles and shipped notices: what every opened store needs before use.
Status EnsureReferenceData(Services& s);

Result<std::vector<domain::calendar::HolidayYear>> ListHolidayYears(Services& s,
                                                                    const RequestContext& ctx);
// Checks and stores (replacing) a year's notice, audited as calendar.holidays.
Result<domain::calendar::HolidayYear> ImportHolidayYear(Services& s, const RequestContext& ctx,
                                                        domain::calendar::HolidayYear notice);

// ---- What a unit sets --------------------------------------------------------------------------
struct UnitCalendar {
  domain::Unit unit;
  // Set by this unit.
  std::vector<domain::calendar::Term> terms;
  std::vector<domain::calendar::DayException> exceptions;
  std::vector<domain::calendar::Dismissal> dismissals;
  // In force for it, inherited from the nearest unit above where it sets nothing; with the name
  // of the unit each comes from.
  std::vector<domain::calendar::Term> effective_terms;
  std::vector<domain::calendar::DayException> effective_exceptions;
  std::vector<domain::calendar::Dismissal> effective_dismissals;
  std::vector<std::pair<std::int64_t, std::string>> unit_names;
};
Result<UnitCalendar> GetUnitCalendar(Services& s, const RequestContext& ctx, domain::UnitId id);
// Each replaces what the unit (a bureau, cluster or school in the caller's scope) set of that
// kind, checked and audited.
Result<UnitCalendar> SetTerms(Services& s, const RequestContext& ctx, domain::UnitId id,
                              std::vector<domain::calendar::Term> terms);
Result<UnitCalendar> SetExceptions(Services& s, const RequestContext& ctx, domain::UnitId id,
                                   std::vector<domain::calendar::DayException> days);
Result<UnitCalendar> SetDismissals(Services& s, const RequestContext& ctx, domain::UnitId id,
                                   std::vector<domain::calendar::Dismissal> times);

// ---- A school's calendar -----------------------------------------------------------------------
// Everything a school's calendar is made of; build a SchoolCalendar from it where it is used
// (it refers to `holidays`, so keep this alive while using it).
struct SchoolCalendarData {
  domain::calendar::PublicCalendar holidays;
  std::vector<domain::calendar::Term> terms;
  std::vector<domain::calendar::DayException> exceptions;
  std::vector<domain::calendar::Dismissal> dismissals;
};
// Inside a module's transaction: the calendar in force for a school (or any unit).
Result<SchoolCalendarData> LoadSchoolCalendar(domain::Tx& tx, const domain::Unit& school);
// The parts, for callers that judge many schools: the holidays once, each school's own rows
// (LoadSchoolTerms leaves `holidays` empty).
Result<domain::calendar::PublicCalendar> LoadPublicCalendar(domain::Tx& tx);
Result<SchoolCalendarData> LoadSchoolTerms(domain::Tx& tx, const domain::Unit& school);
// The terms in force at each of many schools (by unit id), every term set by the schools or
// their bureaus read once.
Result<std::map<std::int64_t, std::vector<domain::calendar::Term>>> LoadTermsOfSchools(
    domain::Tx& tx, const std::vector<domain::Unit>& schools);
// Today's date in China, the day every module's rules are judged on.
domain::calendar::Date TodayInChina(const Services& s);
// The unit and its ancestors, nearest first, from its path "/1/5/12/".
std::vector<std::int64_t> UnitsNearestFirst(const domain::Unit& unit);

struct CalendarDay {
  domain::calendar::DayInfo info;
  std::string term_label;
  std::optional<int> dismissal;  // the school's default dismissal time that day (minutes)
  bool last_of_week = false;     // the last school day of its school week
  std::string break_name;        // the last school day before this break
  std::vector<domain::calendar::Duty> duties;  // the day's 1530 reminders
};
struct CalendarMonth {
  domain::School school;
  std::string month;  // YYYY-MM
  std::vector<CalendarDay> days;
  std::vector<int> missing_years;
  std::vector<domain::calendar::Term> terms;
  std::vector<domain::calendar::Dismissal> dismissals;
};
// month: "YYYY-MM"; absent: the current month in China.
Result<CalendarMonth> GetSchoolMonth(Services& s, const RequestContext& ctx,
                                     domain::UnitId school_id,
                                     const std::optional<std::string>& month);

}  // namespace xiaoan::app
