#include "storage/repos/calendar_repository.hpp"

#include <map>

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace cal = domain::calendar;

namespace {

// "unit_id IN ($1, $2, …)" with the units bound.
std::string UnitsIn(const std::vector<std::int64_t>& units, sql::Params& params) {
  std::string sql = "unit_id IN (";
  for (std::size_t i = 0; i < units.size(); ++i) {
    sql += (i == 0 ? "$" : ", $") + std::to_string(params.size() + 1);
    params.emplace_back(units[i]);
  }
  return sql + ")";
}

// Rows of `table` set by any of the units, or none for no units.
Result<sql::Rows> SetByUnits(sql::Connection& conn, const std::string& columns,
                             const std::string& table, const std::vector<std::int64_t>& units,
                             const std::string& order) {
  if (units.empty()) return sql::Rows{};
  sql::Params params;
  const std::string where = UnitsIn(units, params);
  return conn.Query(
      "SELECT " + columns + " FROM " + table + " WHERE " + where + " ORDER BY " + order, params);
}

cal::Date DateOf(const sql::Rows& r, std::size_t row, std::size_t col) {
  return cal::ParseDate(r.Text(row, col)).value_or(cal::Date{});
}

}  // namespace

Result<std::vector<cal::HolidayYear>> SqlCalendarRepository::HolidayYears() {
  XA_ASSIGN_OR_RETURN(auto years, conn_.Query("SELECT year, title, source, loaded_at, loaded_by "
                                              "FROM holiday_years ORDER BY year"));
  XA_ASSIGN_OR_RETURN(
      auto days, conn_.Query("SELECT year, day, off, name FROM holiday_days ORDER BY year, day"));
  std::vector<cal::HolidayYear> out;
  std::map<int, std::size_t> index;
  for (std::size_t i = 0; i < years.size(); ++i) {
    cal::HolidayYear y;
    y.year = static_cast<int>(years.Int(i, 0));
    y.title = years.Text(i, 1);
    y.source = years.Text(i, 2);
    y.loaded_at = years.Text(i, 3);
    y.loaded_by = years.Text(i, 4);
    index[y.year] = out.size();
    out.push_back(std::move(y));
  }
  // Days back into holidays: in the order of their first day off; a holiday's days off are one
  // range (the notice was checked so when it was loaded), its working days follow.
  for (std::size_t i = 0; i < days.size(); ++i) {
    const auto it = index.find(static_cast<int>(days.Int(i, 0)));
    if (it == index.end()) continue;
    auto& y = out[it->second];
    const cal::Date day = DateOf(days, i, 1);
    const bool off = days.Int(i, 2) != 0;
    const std::string name = days.Text(i, 3);
    cal::Holiday* h = nullptr;
    for (auto& existing : y.holidays) {
      if (existing.name == name) h = &existing;
    }
    if (h == nullptr) {
      y.holidays.push_back({name, cal::Date::max(), cal::Date::min(), {}});
      h = &y.holidays.back();
    }
    if (off) {
      h->from = std::min(h->from, day);
      h->to = std::max(h->to, day);
    } else {
      h->workdays.push_back(day);
    }
  }
  for (auto& y : out) {
    std::sort(y.holidays.begin(), y.holidays.end(),
              [](const cal::Holiday& a, const cal::Holiday& b) { return a.from < b.from; });
  }
  return out;
}

Status SqlCalendarRepository::ReplaceHolidayYear(const cal::HolidayYear& notice) {
  XA_TRY(Done(conn_.Exec("DELETE FROM holiday_days WHERE year = $1", {notice.year})));
  XA_TRY(Done(conn_.Exec("DELETE FROM holiday_years WHERE year = $1", {notice.year})));
  XA_TRY(Done(
      conn_.Exec("INSERT INTO holiday_years (year, title, source, loaded_at, loaded_by) "
                 "VALUES ($1, $2, $3, $4, $5)",
                 {notice.year, notice.title, notice.source, notice.loaded_at, notice.loaded_by})));
  for (const auto& h : notice.holidays) {
    for (cal::Date d = h.from; d <= h.to; d += std::chrono::days{1}) {
      XA_TRY(
          Done(conn_.Exec("INSERT INTO holiday_days (year, day, off, name) VALUES ($1, $2, 1, $3)",
                          {notice.year, cal::FormatDate(d), h.name})));
    }
    for (const cal::Date w : h.workdays) {
      XA_TRY(
          Done(conn_.Exec("INSERT INTO holiday_days (year, day, off, name) VALUES ($1, $2, 0, $3)",
                          {notice.year, cal::FormatDate(w), h.name})));
    }
  }
  return {};
}

Result<std::vector<cal::Term>> SqlCalendarRepository::TermsOf(
    const std::vector<std::int64_t>& units) {
  XA_ASSIGN_OR_RETURN(auto r, SetByUnits(conn_, "unit_id, school_year, term, starts_on, ends_on",
                                         "school_terms", units, "starts_on, unit_id"));
  std::vector<cal::Term> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), static_cast<int>(r.Int(i, 1)), static_cast<int>(r.Int(i, 2)),
                   DateOf(r, i, 3), DateOf(r, i, 4)});
  }
  return out;
}

Result<std::vector<cal::DayException>> SqlCalendarRepository::ExceptionsOf(
    const std::vector<std::int64_t>& units) {
  XA_ASSIGN_OR_RETURN(auto r, SetByUnits(conn_, "unit_id, day, school_day, reason",
                                         "school_day_exceptions", units, "day, unit_id"));
  std::vector<cal::DayException> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), DateOf(r, i, 1), r.Int(i, 2) != 0, r.Text(i, 3)});
  }
  return out;
}

Result<std::vector<cal::Dismissal>> SqlCalendarRepository::DismissalsOf(
    const std::vector<std::int64_t>& units) {
  XA_ASSIGN_OR_RETURN(auto r, SetByUnits(conn_, "unit_id, grade, weekday, minutes",
                                         "dismissal_times", units, "unit_id, grade, weekday"));
  std::vector<cal::Dismissal> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), static_cast<int>(r.Int(i, 1)), static_cast<int>(r.Int(i, 2)),
                   static_cast<int>(r.Int(i, 3))});
  }
  return out;
}

Status SqlCalendarRepository::ReplaceTerms(std::int64_t unit, const std::vector<cal::Term>& terms) {
  XA_TRY(Done(conn_.Exec("DELETE FROM school_terms WHERE unit_id = $1", {unit})));
  for (const auto& t : terms) {
    XA_TRY(Done(conn_.Exec(
        "INSERT INTO school_terms (unit_id, school_year, term, starts_on, "
        "ends_on) VALUES ($1, $2, $3, $4, $5)",
        {unit, t.school_year, t.term, cal::FormatDate(t.starts), cal::FormatDate(t.ends)})));
  }
  return {};
}

Status SqlCalendarRepository::ReplaceExceptions(std::int64_t unit,
                                                const std::vector<cal::DayException>& days) {
  XA_TRY(Done(conn_.Exec("DELETE FROM school_day_exceptions WHERE unit_id = $1", {unit})));
  for (const auto& e : days) {
    XA_TRY(
        Done(conn_.Exec("INSERT INTO school_day_exceptions (unit_id, day, school_day, reason) "
                        "VALUES ($1, $2, $3, $4)",
                        {unit, cal::FormatDate(e.date), e.school_day ? 1 : 0, e.reason})));
  }
  return {};
}

Status SqlCalendarRepository::ReplaceDismissals(std::int64_t unit,
                                                const std::vector<cal::Dismissal>& times) {
  XA_TRY(Done(conn_.Exec("DELETE FROM dismissal_times WHERE unit_id = $1", {unit})));
  for (const auto& t : times) {
    XA_TRY(
        Done(conn_.Exec("INSERT INTO dismissal_times (unit_id, grade, weekday, minutes) "
                        "VALUES ($1, $2, $3, $4)",
                        {unit, t.grade, t.weekday, t.minutes})));
  }
  return {};
}

}  // namespace xiaoan::storage
