#pragma once
// The 2026 public holidays and make-up working days (国务院办公厅关于2026年部分节假日安排的通知)
// for the pure tests that judge rules on the school calendar, and D("2026-10-08") for their dates.
#include <gtest/gtest.h>

#include "domain/calendar/calendar.hpp"

namespace xiaoan::testing {

inline domain::calendar::Date D(const char* text) {
  const auto d = domain::calendar::ParseDate(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(domain::calendar::Date{});
}

inline domain::calendar::PublicCalendar Holidays2026() {
  domain::calendar::HolidayYear y;
  y.year = 2026;
  y.holidays = {
      {"元旦", D("2026-01-01"), D("2026-01-03"), {D("2026-01-04")}},
      {"春节", D("2026-02-15"), D("2026-02-23"), {D("2026-02-14"), D("2026-02-28")}},
      {"清明节", D("2026-04-04"), D("2026-04-06"), {}},
      {"劳动节", D("2026-05-01"), D("2026-05-05"), {D("2026-05-09")}},
      {"端午节", D("2026-06-19"), D("2026-06-21"), {}},
      {"中秋节", D("2026-09-25"), D("2026-09-27"), {}},
      {"国庆节", D("2026-10-01"), D("2026-10-07"), {D("2026-09-20"), D("2026-10-10")}},
  };
  domain::calendar::PublicCalendar c;
  c.Add(y);
  return c;
}

}  // namespace xiaoan::testing
