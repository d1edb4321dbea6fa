#include "domain/calendar/calendar.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

namespace xiaoan::domain::calendar {

using std::chrono::days;

namespace {

std::string Field(const std::string& base, std::size_t i, const char* name) {
  return base + "[" + std::to_string(i) + "]." + name;
}

constexpr std::size_t kMaxNameBytes = 60;
constexpr std::size_t kMaxReasonBytes = 200;

}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  const char* s = text.data();
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  std::from_chars(s, s + 4, y);
  std::from_chars(s + 5, s + 7, m);
  std::from_chars(s + 8, s + 10, d);
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string FormatDate(Date d) {
  const std::chrono::year_month_day ymd{d};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int Weekday(Date d) { return static_cast<int>(std::chrono::weekday{d}.iso_encoding()); }

int YearOf(Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }

int MonthOf(Date d) {
  return static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day{d}.month()));
}

std::string MonthKey(Date d) { return FormatDate(d).substr(0, 7); }

Error YearMissing(int year) {
  return FailedPrecondition(
      "calendar.year_missing",
      std::to_string(year) + " 年的节假日安排尚未导入，无法计算工作日和上学日");
}

// ---- Public holidays ---------------------------------------------------------------------------

std::vector<ErrorDetail> CheckHolidayYear(const HolidayYear& notice) {
  std::vector<ErrorDetail> out;
  if (notice.year < 2000 || notice.year > 2100) {
    out.push_back({"year", "年份须在 2000 到 2100 之间"});
    return out;
  }
  if (notice.title.empty() || notice.title.size() > 300) {
    out.push_back({"title", "须填写通知标题（不超过 300 个字节）"});
  }
  if (notice.holidays.empty()) out.push_back({"holidays", "至少须有一个节日"});
  const Date first = Date{std::chrono::year{notice.year - 1} / 12 / 1};
  const Date last = Date{std::chrono::year{notice.year + 1} / 1 / 31};
  std::set<Date> seen;
  std::set<std::string> names;
  for (std::size_t i = 0; i < notice.holidays.size(); ++i) {
    const auto& h = notice.holidays[i];
    if (h.name.empty() || h.name.size() > kMaxNameBytes) {
      out.push_back({Field("holidays", i, "name"), "须填写节日名称（不超过 60 个字节）"});
    } else if (!names.insert(h.name).second) {
      out.push_back({Field("holidays", i, "name"), "节日“" + h.name + "”重复"});
    }
    if (h.from < first || h.from > last) {
      out.push_back({Field("holidays", i, "from"),
                     "放假日期须在 " + std::to_string(notice.year) + " 年前后一个月之内"});
      continue;
    }
    if (h.to < h.from) {
      out.push_back({Field("holidays", i, "to"), "放假结束日期早于开始日期"});
      continue;
    }
    if (h.to - h.from >= days{15}) {
      out.push_back({Field("holidays", i, "to"), "一次放假不能超过 15 天"});
      continue;
    }
    for (Date d = h.from; d <= h.to; d += days{1}) {
      if (!seen.insert(d).second) {
        out.push_back({Field("holidays", i, "from"), FormatDate(d) + " 已列在其他节日中"});
      }
    }
    for (std::size_t j = 0; j < h.workdays.size(); ++j) {
      const Date w = h.workdays[j];
      const std::string field = Field("holidays", i, "workdays") + "[" + std::to_string(j) + "]";
      if (w < first || w > last) {
        out.push_back(
            {field, "调休上班日须在 " + std::to_string(notice.year) + " 年前后一个月之内"});
      } else if (Weekday(w) < 6) {
        out.push_back({field, FormatDate(w) + " 不是周六或周日，无需调休上班"});
      } else if (!seen.insert(w).second) {
        out.push_back({field, FormatDate(w) + " 已列为放假或调休日"});
      }
    }
  }
  return out;
}

void PublicCalendar::Add(const HolidayYear& notice) {
  auto& days_of_year = years_[notice.year];
  days_of_year.clear();
  for (const auto& h : notice.holidays) {
    for (Date d = h.from; d <= h.to; d += days{1}) days_of_year[d] = {true, h.name};
    for (const Date w : h.workdays) days_of_year[w] = {false, h.name};
  }
}

std::vector<int> PublicCalendar::Years() const {
  std::vector<int> out;
  for (const auto& [y, _] : years_) out.push_back(y);
  return out;
}

PublicDay PublicCalendar::Classify(Date d) const {
  const int y = YearOf(d);
  if (!Knows(y)) return PublicDay::kUnknown;
  // A notice may list days of the neighbouring years (元旦 from 30 December).
  for (const int notice : {y, y + 1, y - 1}) {
    const auto year = years_.find(notice);
    if (year == years_.end()) continue;
    const auto e = year->second.find(d);
    if (e != year->second.end())
      return e->second.off ? PublicDay::kHoliday : PublicDay::kMakeupWorkday;
  }
  return Weekday(d) >= 6 ? PublicDay::kWeekend : PublicDay::kWorkday;
}

std::string PublicCalendar::NameOf(Date d) const {
  const int y = YearOf(d);
  for (const int notice : {y, y + 1, y - 1}) {
    const auto year = years_.find(notice);
    if (year == years_.end()) continue;
    const auto e = year->second.find(d);
    if (e != year->second.end()) return e->second.name;
  }
  return {};
}

std::optional<bool> PublicCalendar::IsWorkingDay(Date d) const {
  switch (Classify(d)) {
    case PublicDay::kWorkday:
    case PublicDay::kMakeupWorkday:
      return true;
    case PublicDay::kUnknown:
      return std::nullopt;
    default:
      return false;
  }
}

Result<Date> PublicCalendar::AddWorkingDays(Date from, int n) const {
  Date d = from;
  for (int counted = 0; counted < n;) {
    d += days{1};
    const auto working = IsWorkingDay(d);
    if (!working) return YearMissing(YearOf(d));
    if (*working) ++counted;
  }
  return d;
}

Result<int> PublicCalendar::WorkingDaysBetween(Date from, Date to) const {
  int count = 0;
  for (Date d = from + days{1}; d <= to; d += days{1}) {
    const auto working = IsWorkingDay(d);
    if (!working) return YearMissing(YearOf(d));
    if (*working) ++count;
  }
  return count;
}

// ---- Semesters, exceptions, dismissal times ----------------------------------------------------

std::string TermLabel(int school_year, int term) {
  return std::to_string(school_year) + "—" + std::to_string(school_year + 1) + "学年" +
         (term == 1 ? "第一学期" : "第二学期");
}

std::vector<ErrorDetail> CheckTerms(const std::vector<Term>& terms) {
  std::vector<ErrorDetail> out;
  std::set<std::pair<int, int>> keys;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const auto& t = terms[i];
    if (t.term != 1 && t.term != 2) {
      out.push_back({Field("terms", i, "term"), "学期须为 1（第一学期）或 2（第二学期）"});
      continue;
    }
    if (t.school_year < 2000 || t.school_year > 2100) {
      out.push_back({Field("terms", i, "school_year"), "学年须在 2000 到 2100 之间"});
      continue;
    }
    if (!keys.insert({t.school_year, t.term}).second) {
      out.push_back({Field("terms", i, "term"), TermLabel(t.school_year, t.term) + "重复"});
    }
    // 第一学期 starts in July–October of its school year, 第二学期 in January–April of the next.
    const int start_year = YearOf(t.starts);
    const int start_month = MonthOf(t.starts);
    const bool start_fits =
        t.term == 1 ? start_year == t.school_year && start_month >= 7 && start_month <= 10
                    : start_year == t.school_year + 1 && start_month <= 4;
    if (!start_fits) {
      out.push_back(
          {Field("terms", i, "starts_on"),
           TermLabel(t.school_year, t.term) +
               (t.term == 1 ? "须在 " + std::to_string(t.school_year) + " 年 7 至 10 月开学"
                            : "须在 " + std::to_string(t.school_year + 1) + " 年 1 至 4 月开学")});
    }
    if (t.ends < t.starts) {
      out.push_back({Field("terms", i, "ends_on"), "学期结束日期早于开学日期"});
    } else if (t.ends - t.starts > days{245}) {
      out.push_back({Field("terms", i, "ends_on"), "一个学期不能超过 8 个月"});
    }
    for (std::size_t j = 0; j < i; ++j) {
      const auto& o = terms[j];
      if (t.starts <= o.ends && o.starts <= t.ends) {
        out.push_back({Field("terms", i, "starts_on"),
                       "与 " + TermLabel(o.school_year, o.term) + "的日期重叠"});
      }
    }
  }
  return out;
}

std::vector<ErrorDetail> CheckExceptions(const std::vector<DayException>& list) {
  std::vector<ErrorDetail> out;
  std::set<Date> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = list[i];
    if (!seen.insert(e.date).second) {
      out.push_back({Field("exceptions", i, "date"), FormatDate(e.date) + " 重复"});
    }
    if (e.reason.empty() || e.reason.size() > kMaxReasonBytes) {
      out.push_back({Field("exceptions", i, "reason"), "须填写原因（不超过 200 个字节）"});
    }
  }
  return out;
}

std::optional<int> ParseClock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::string FormatClock(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
  return buf;
}

std::vector<ErrorDetail> CheckDismissals(const std::vector<Dismissal>& times) {
  std::vector<ErrorDetail> out;
  std::set<std::pair<int, int>> keys;
  for (std::size_t i = 0; i < times.size(); ++i) {
    const auto& t = times[i];
    if (t.grade < 0 || t.grade > 12) {
      out.push_back({Field("dismissals", i, "grade"), "年级须为 0（全校）或 1 到 12"});
    }
    if (t.weekday < 0 || t.weekday > 7) {
      out.push_back(
          {Field("dismissals", i, "weekday"), "星期须为 0（每天）或 1（周一）到 7（周日）"});
    }
    if (t.minutes < 10 * 60 || t.minutes > 21 * 60) {
      out.push_back({Field("dismissals", i, "time"), "放学时间须在 10:00 到 21:00 之间"});
    }
    if (!keys.insert({t.grade, t.weekday}).second) {
      out.push_back({Field("dismissals", i, "grade"), "同一年级、同一星期的放学时间重复"});
    }
  }
  return out;
}

std::optional<int> DismissalTime(const std::vector<Dismissal>& times, int grade, int weekday) {
  // Most specific first: (grade, weekday), (grade, any day), (every grade, weekday), default.
  const std::pair<int, int> order[] = {{grade, weekday}, {grade, 0}, {0, weekday}, {0, 0}};
  for (const auto& [g, w] : order) {
    for (const auto& t : times) {
      if (t.grade == g && t.weekday == w) return t.minutes;
    }
  }
  return std::nullopt;
}

namespace {
// Index of the unit in nearest_first, or npos when it is not on the school's path.
std::size_t Rank(const std::vector<std::int64_t>& nearest_first, std::int64_t unit) {
  const auto it = std::find(nearest_first.begin(), nearest_first.end(), unit);
  return it == nearest_first.end() ? std::string::npos
                                   : static_cast<std::size_t>(it - nearest_first.begin());
}
}  // namespace

std::vector<Term> EffectiveTerms(const std::vector<std::int64_t>& nearest_first,
                                 const std::vector<Term>& defined) {
  std::map<std::pair<int, int>, std::pair<std::size_t, Term>> best;
  for (const auto& t : defined) {
    const std::size_t rank = Rank(nearest_first, t.unit_id);
    if (rank == std::string::npos) continue;
    auto [it, inserted] = best.try_emplace({t.school_year, t.term}, rank, t);
    if (!inserted && rank < it->second.first) it->second = {rank, t};
  }
  std::vector<Term> out;
  for (const auto& [_, v] : best) out.push_back(v.second);
  std::sort(out.begin(), out.end(),
            [](const Term& a, const Term& b) { return a.starts < b.starts; });
  // A school's own term can move a boundary; an inherited term it now overlaps gives way.
  std::vector<Term> kept;
  for (const auto& t : out) {
    if (!kept.empty() && t.starts <= kept.back().ends) {
      if (Rank(nearest_first, t.unit_id) < Rank(nearest_first, kept.back().unit_id)) {
        kept.back() = t;
      }
      continue;
    }
    kept.push_back(t);
  }
  return kept;
}

std::vector<DayException> EffectiveExceptions(const std::vector<std::int64_t>& nearest_first,
                                              const std::vector<DayException>& defined) {
  std::map<Date, std::pair<std::size_t, DayException>> best;
  for (const auto& e : defined) {
    const std::size_t rank = Rank(nearest_first, e.unit_id);
    if (rank == std::string::npos) continue;
    auto [it, inserted] = best.try_emplace(e.date, rank, e);
    if (!inserted && rank < it->second.first) it->second = {rank, e};
  }
  std::vector<DayException> out;
  for (const auto& [_, v] : best) out.push_back(v.second);
  return out;
}

std::vector<Dismissal> EffectiveDismissals(const std::vector<std::int64_t>& nearest_first,
                                           const std::vector<Dismissal>& defined) {
  std::size_t nearest = std::string::npos;
  for (const auto& t : defined) nearest = std::min(nearest, Rank(nearest_first, t.unit_id));
  std::vector<Dismissal> out;
  if (nearest == std::string::npos) return out;
  for (const auto& t : defined) {
    if (t.unit_id == nearest_first[nearest]) out.push_back(t);
  }
  return out;
}

// ---- One school's calendar ---------------------------------------------------------------------

std::string_view DayKindCode(DayKind k) {
  switch (k) {
    case DayKind::kSchoolDay:
      return "school_day";
    case DayKind::kWeekend:
      return "weekend";
    case DayKind::kHoliday:
      return "holiday";
    case DayKind::kVacation:
      return "vacation";
    case DayKind::kDayOff:
      return "day_off";
    case DayKind::kUnknown:
      break;
  }
  return "unknown";
}

SchoolCalendar::SchoolCalendar(const PublicCalendar& holidays, std::vector<Term> terms,
                               std::vector<DayException> exceptions)
    : holidays_(holidays), terms_(std::move(terms)) {
  std::sort(terms_.begin(), terms_.end(),
            [](const Term& a, const Term& b) { return a.starts < b.starts; });
  for (auto& e : exceptions) exceptions_[e.date] = std::move(e);
}

const Term* SchoolCalendar::TermOf(Date d) const {
  for (const auto& t : terms_) {
    if (t.starts <= d && d <= t.ends) return &t;
  }
  return nullptr;
}

DayInfo SchoolCalendar::Day(Date d) const {
  DayInfo info;
  info.date = d;
  info.term = TermOf(d);
  const PublicDay pub = holidays_.Classify(d);
  info.makeup_workday = pub == PublicDay::kMakeupWorkday;
  if (pub == PublicDay::kHoliday || info.makeup_workday) info.holiday = holidays_.NameOf(d);
  if (const auto e = exceptions_.find(d); e != exceptions_.end()) {
    info.exception = true;
    info.kind = e->second.school_day ? DayKind::kSchoolDay : DayKind::kDayOff;
    info.name = e->second.reason;
    return info;
  }
  if (info.term == nullptr) {
    info.kind = DayKind::kVacation;
    // Named by the semester before it: after the first, the winter vacation.
    const Term* before = nullptr;
    for (const auto& t : terms_) {
      if (t.ends < d) before = &t;
    }
    const Term* after = nullptr;
    for (const auto& t : terms_) {
      if (after == nullptr && t.starts > d) after = &t;
    }
    if (before != nullptr) {
      info.name = before->term == 1 ? "寒假" : "暑假";
    } else if (after != nullptr) {
      info.name = after->term == 2 ? "寒假" : "暑假";
    } else {
      info.name = "假期";
    }
    return info;
  }
  switch (pub) {
    case PublicDay::kWorkday:
      info.kind = DayKind::kSchoolDay;
      break;
    case PublicDay::kMakeupWorkday:
      info.kind = DayKind::kSchoolDay;
      info.name = info.holiday + "调休上课";
      break;
    case PublicDay::kWeekend:
      info.kind = DayKind::kWeekend;
      break;
    case PublicDay::kHoliday:
      info.kind = DayKind::kHoliday;
      info.name = info.holiday;
      break;
    case PublicDay::kUnknown:
      info.kind = DayKind::kUnknown;
      info.name = std::to_string(YearOf(d)) + " 年节假日安排未导入";
      break;
  }
  return info;
}

std::optional<bool> SchoolCalendar::IsSchoolDay(Date d) const {
  const auto kind = Day(d).kind;
  if (kind == DayKind::kUnknown) return std::nullopt;
  return kind == DayKind::kSchoolDay;
}

Date SchoolCalendar::WeekOf(Date d) {
  const int w = Weekday(d);
  return w == 7 ? d + days{1} : d - days{w - 1};
}

std::vector<Date> SchoolCalendar::SchoolDaysOfWeek(Date d) const {
  const Date monday = WeekOf(d);
  return SchoolDays(monday - days{1}, monday + days{5});
}

std::optional<Date> SchoolCalendar::LastSchoolDayOfWeek(Date d) const {
  const auto list = SchoolDaysOfWeek(d);
  if (list.empty()) return std::nullopt;
  return list.back();
}

std::vector<Date> SchoolCalendar::SchoolDays(Date from, Date to) const {
  std::vector<Date> out;
  for (Date d = from; d <= to; d += days{1}) {
    if (IsSchoolDay(d).value_or(false)) out.push_back(d);
  }
  return out;
}

std::vector<Break> SchoolCalendar::BreaksFrom(Date from, Date to) const {
  std::vector<Break> out;
  for (const Date s : SchoolDays(from, to)) {
    Break b;
    b.last_school_day = s;
    b.first_day = s + days{1};
    bool vacation = false;
    bool holiday = false;
    bool day_off = false;
    std::string vacation_name;
    std::string holiday_name;
    std::string day_off_name;
    Date last_known = s;
    for (Date d = s + days{1}; d <= s + days{120}; d += days{1}) {
      const DayInfo info = Day(d);
      if (info.kind == DayKind::kSchoolDay || info.kind == DayKind::kUnknown) break;
      last_known = d;
      if (info.kind == DayKind::kVacation && !vacation) {
        vacation = true;
        vacation_name = info.name;
      } else if (info.kind == DayKind::kHoliday && !holiday) {
        holiday = true;
        holiday_name = info.name;
      } else if (info.kind == DayKind::kDayOff && !day_off) {
        day_off = true;
        day_off_name = info.name;
      }
    }
    if (!vacation && !holiday && !day_off) continue;
    b.last_day = last_known;
    if (vacation) {
      b.kind = DayKind::kVacation;
      b.name = vacation_name;
    } else if (holiday) {
      b.kind = DayKind::kHoliday;
      b.name = holiday_name;
    } else {
      b.kind = DayKind::kDayOff;
      b.name = day_off_name;
    }
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<TeachingMonth> SchoolCalendar::TeachingMonths(const Term& term,
                                                          int min_school_days) const {
  std::vector<TeachingMonth> out;
  for (const Date d : SchoolDays(term.starts, term.ends)) {
    const std::string key = MonthKey(d);
    if (out.empty() || out.back().month != key) out.push_back({key, 0});
    ++out.back().school_days;
  }
  std::erase_if(out, [&](const TeachingMonth& m) { return m.school_days < min_school_days; });
  return out;
}

std::vector<int> SchoolCalendar::MissingYears(Date from, Date to) const {
  std::vector<int> out;
  for (int y = YearOf(from); y <= YearOf(to); ++y) {
    if (!holidays_.Knows(y)) out.push_back(y);
  }
  return out;
}

std::vector<Duty> Reminders1530(bool last_of_week, const std::string& break_name,
                                std::optional<int> dismissal) {
  const auto before = [&](int minutes) -> std::optional<int> {
    if (!dismissal) return std::nullopt;
    return *dismissal - minutes;
  };
  std::vector<Duty> out = {{"edu.1530.daily", "放学前 1 分钟安全提醒", before(1)}};
  if (last_of_week) out.push_back({"edu.1530.weekly", "周末放学前 5 分钟安全教育", before(5)});
  if (!break_name.empty()) {
    out.push_back({"edu.1530.holiday", break_name + "前放学前 30 分钟假期安全教育", before(30)});
  }
  return out;
}

}  // namespace xiaoan::domain::calendar
