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

std::string MonthOf(Instant now, int months_back) {
  return MonthLabel(MonthStart(now, months_back));
}

Board FoldBoard(const std::vector<OpenTotal>& open, std::vector<SchoolOpen> schools,
                const std::vector<MonthStat>& months, Instant now) {
  Board b;
  b.open_by_level = AllZero(Levels());
  b.open_by_domain = AllZero(Domains());
  for (const auto& r : open) {
    b.open_total += r.count;
    Add(b.open_by_level, r.level, r.count);
    Add(b.open_by_domain, r.domain, r.count);
    if (r.supervised) b.supervised += r.count;
  }
  for (const auto& s : schools) b.overdue += s.overdue;
  b.schools = std::move(schools);
  std::sort(b.schools.begin(), b.schools.end(), [](const SchoolOpen& a, const SchoolOpen& c) {
    if ((a.open_major > 0) != (c.open_major > 0)) return a.open_major > 0;
    if (a.open != c.open) return a.open > c.open;
    return a.school_id < c.school_id;
  });

  // The window's months, oldest first, with their figures.
  std::vector<std::string> labels;
  std::map<std::string, MonthStat> by_month;
  for (int back = 11; back >= 0; --back) labels.push_back(MonthOf(now, back));
  for (const auto& m : months) {
    auto& t = by_month[m.month];
    t.found += m.found;
    t.found_closed += m.found_closed;
    t.closed += m.closed;
    t.close_days += m.close_days;
  }
  std::int64_t found_in_year = 0;
  std::int64_t closed_of_found = 0;
  std::int64_t closed_in_year = 0;
  double days_sum = 0;
  for (const auto& label : labels) {
    const auto it = by_month.find(label);
    if (it == by_month.end()) continue;
    found_in_year += it->second.found;
    closed_of_found += it->second.found_closed;
    closed_in_year += it->second.closed;
    days_sum += it->second.close_days;
  }
  if (const auto it = by_month.find(labels.back()); it != by_month.end()) {
    b.closed_this_month = it->second.closed;
  }
  b.closure_rate = found_in_year > 0 ? static_cast<double>(closed_of_found) / found_in_year : 0;
  b.avg_days_to_close = closed_in_year > 0 ? days_sum / closed_in_year : 0;
  // Open at the end of each month: walking back from now, undo each later month's finds and
  // closures.
  std::vector<std::int64_t> open_at(labels.size(), 0);
  std::int64_t open_then = b.open_total;
  for (std::size_t i = labels.size(); i-- > 0;) {
    open_at[i] = open_then;
    if (const auto it = by_month.find(labels[i]); it != by_month.end()) {
      open_then = open_then - it->second.found + it->second.closed;
    }
  }
  for (std::size_t i = 0; i < labels.size(); ++i) b.trend.push_back({labels[i], open_at[i]});
  return b;
}

}  // namespace xiaoan::domain::hazard
