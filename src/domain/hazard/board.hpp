#pragma once
// The hazard board (隐患看板): open hazards by level, domain and school, overdue and supervised
// counts, closures, and the 12-month open trend toward zero (动态清零). Pure folds over rows the
// storage layer groups.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/org/school_stats.hpp"

namespace xiaoan::domain::hazard {

// Open hazards in view with one level, domain and supervision (kept per unit by the storage
// layer as hazards change).
struct OpenTotal {
  std::string level;
  std::string domain;
  bool supervised = false;
  std::int64_t count = 0;
};

// One China-time month's figures, summed over the schools in view (kept per school and month
// by the storage layer as hazards change).
struct MonthStat {
  std::string month;              // YYYY-MM
  std::int64_t found = 0;         // hazards found in the month
  std::int64_t found_closed = 0;  // of those, the ones closed by now
  std::int64_t closed = 0;        // hazards closed in the month
  double close_days = 0;          // their days from found to closed, summed
};

struct SchoolOpen {
  std::int64_t school_id = 0;
  std::string school_name;
  std::int64_t open = 0;
  std::int64_t open_major = 0;
  std::int64_t overdue = 0;
  std::int64_t supervised = 0;
};

struct MonthOpen {
  std::string month;  // YYYY-MM (China time)
  std::int64_t open = 0;
};

struct Board {
  std::int64_t open_total = 0;
  std::vector<CodeCount> open_by_level;   // every level, zeros included
  std::vector<CodeCount> open_by_domain;  // every domain, zeros included
  std::int64_t overdue = 0;
  std::int64_t supervised = 0;
  std::int64_t closed_this_month = 0;
  double closure_rate = 0;          // closed ÷ found, over hazards found in the last 12 months
  double avg_days_to_close = 0;     // over hazards closed in the last 12 months
  std::vector<MonthOpen> trend;     // 12 months, oldest first: open at each month's end
  std::vector<SchoolOpen> schools;  // open major first, then most open
};

// The first instant of the China-time month `months_back` months before the one holding `now`.
Instant MonthStart(Instant now, int months_back);

// The month label (YYYY-MM, China time) of MonthStart(now, months_back).
std::string MonthOf(Instant now, int months_back);

// open: the open hazards in view, grouped; schools: each school in view with open hazards;
// months: the figures of (at least) the 12 months up to now. The trend walks back from the open
// hazards now: a month ended with what is open now, less what was found after it, plus what was
// closed after it.
Board FoldBoard(const std::vector<OpenTotal>& open, std::vector<SchoolOpen> schools,
                const std::vector<MonthStat>& months, Instant now);

}  // namespace xiaoan::domain::hazard
