#pragma once
// Calendar months added to a day, as a review or training interval counts them.
#include "domain/calendar/calendar.hpp"

namespace xiaoan::domain::calendar {

// The same day `months` later (earlier when negative); the last day of the month when that month
// is shorter (2026-01-31 + 1 → 2026-02-28).
Date AddMonthsClamped(Date d, int months);

}  // namespace xiaoan::domain::calendar
