#include "domain/hazard/board.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "domain/hazard/hazard.hpp"

namespace xiaoan::domain::hazard {

namespace {

constexpr auto kChina = std::chrono::hours{8};

std::vector<CodeCount> AllZero(EnumTable table) {
  std::vector<CodeCount> out;
  for (const auto& e : table) out.push_back({std::string(e.code), std::string(e.label), 0});
  return out;
}

void Add(std::vector<CodeCount>& counts, const std::string& code, std::int64_t n) {
  for (auto& c : counts) {
    if (c.code == code) {
      c.count += n;
      return;
    }
  }
  counts.push_back({code, code, n});
}

std::string MonthLabel(Instant start) {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(start + kChina)};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return buf;
}

}  // namespace

Instant MonthStart(Instant now, int months_back) {
  const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(now + kChina)};
  const auto ym =
      std::chrono::year_month{today.year(), today.month()} - std::chrono::months{months_back};
  const std::chrono::sys_days first{ym / std::chrono::day{1}};
  return std::chrono::time_point_cast<std::chrono::milliseconds>(first - kChina);
}

Board FoldBoard(const std::vector<OpenCountRow>& open, const std::vector<Lifetime>& lives,
                Instant now) {
  Board b;
  b.open_by_level = AllZero(Levels());
  b.open_by_domain = AllZero(Domains());
  std::map<std::int64_t, SchoolOpen> schools;
  for (const auto& r : open) {
    b.open_total += r.count;
    Add(b.open_by_level, r.level, r.count);
    Add(b.open_by_domain, r.domain, r.count);
    if (r.overdue) b.overdue += r.count;
    if (r.supervised) b.supervised += r.count;
    auto& s = schools[r.school_id];
    s.school_id = r.school_id;
    s.school_name = r.school_name;
    s.open += r.count;
    if (r.level == "major") s.open_major += r.count;
    if (r.overdue) s.overdue += r.count;
    if (r.supervised) s.supervised += r.count;
  }
  for (auto& [id, s] : schools) b.schools.push_back(s);
  std::sort(b.schools.begin(), b.schools.end(), [](const SchoolOpen& a, const SchoolOpen& c) {
    if ((a.open_major > 0) != (c.open_major > 0)) return a.open_major > 0;
    if (a.open != c.open) return a.open > c.open;
    return a.school_id < c.school_id;
  });

  const Instant this_month = MonthStart(now, 0);
  const Instant year_ago = MonthStart(now, 11);
  std::int64_t found_in_year = 0;
  std::int64_t closed_of_found = 0;
  std::int64_t closed_in_year = 0;
  double days_sum = 0;
  struct Parsed {
    Instant found;
    std::optional<Instant> closed;
  };
  std::vector<Parsed> parsed;
  parsed.reserve(lives.size());
  for (const auto& l : lives) {
    Parsed p{};
    if (!ParseInstant(l.found_at, p.found)) continue;
    Instant c;
    if (!l.closed_at.empty() && ParseInstant(l.closed_at, c)) p.closed = c;
    parsed.push_back(p);
    if (p.found >= year_ago && p.found <= now) {
      ++found_in_year;
      if (p.closed) ++closed_of_found;
    }
    if (p.closed && *p.closed >= year_ago && *p.closed <= now) {
      ++closed_in_year;
      days_sum += std::chrono::duration<double>(*p.closed - p.found).count() / 86400.0;
      if (*p.closed >= this_month) ++b.closed_this_month;
    }
  }
  b.closure_rate = found_in_year > 0 ? static_cast<double>(closed_of_found) / found_in_year : 0;
  b.avg_days_to_close = closed_in_year > 0 ? days_sum / closed_in_year : 0;
  for (int back = 11; back >= 0; --back) {
    const Instant start = MonthStart(now, back);
    const Instant end = back == 0 ? now : MonthStart(now, back - 1);
    std::int64_t n = 0;
    // Past months end before their last instant; the current one at `now`, inclusive.
    const bool current = back == 0;
    for (const auto& p : parsed) {
      const bool found = current ? p.found <= end : p.found < end;
      const bool still_open = !p.closed || (current ? *p.closed > end : *p.closed >= end);
      if (found && still_open) ++n;
    }
    b.trend.push_back({MonthLabel(start), n});
  }
  return b;
}

}  // namespace xiaoan::domain::hazard
