#pragma once
// The school calendar in JSON: holiday notices, what a unit sets, a school's month.
#include <boost/json/value.hpp>

#include "app/calendar/calendar.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

boost::json::value ToJson(const domain::calendar::HolidayYear& y);
boost::json::value ToJson(const app::UnitCalendar& c);
boost::json::value ToJson(const app::CalendarMonth& m);

// {"terms": [...]}, {"exceptions": [...]}, {"dismissals": [...]}: errors name terms[i].field.
std::vector<domain::calendar::Term> TermsFromJson(Fields& f);
std::vector<domain::calendar::DayException> ExceptionsFromJson(Fields& f);
std::vector<domain::calendar::Dismissal> DismissalsFromJson(Fields& f);

}  // namespace xiaoan::http
