#include "domain/calendar/months.hpp"

#include <algorithm>

namespace xiaoan::domain::calendar {

Date AddMonthsClamped(Date d, int months) {
  const std::chrono::year_month_day ymd{d};
  const auto ym = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const auto last =
      std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
  return Date{std::chrono::year_month_day{ym.year(), ym.month(), std::min(ymd.day(), last)}};
}

}  // namespace xiaoan::domain::calendar
