#include "app/calendar/calendar.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "app/accounts/accounts.hpp"
#include "app/checklist/checklists.hpp"
#include "core/embedded_file.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/edu/reminders1530.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/org/org.hpp"

namespace xiaoan::app::embedded {
std::span<const EmbeddedFile> HolidayNotices();
}

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace json = boost::json;

// ---- Holiday notices ---------------------------------------------------------------------------

namespace {

// Reads the notice's JSON strictly, collecting every problem with its field.
class NoticeReader {
 public:
  std::optional<std::string> Text(const json::object& o, const std::string& path, const char* key,
                                  bool required) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) {
      if (required) Add(Join(path, key), "缺少必填字段");
      return std::nullopt;
    }
    if (!v->is_string()) {
      Add(Join(path, key), "须为字符串");
      return std::nullopt;
    }
    std::string text(v->as_string());
    if (const auto problem = TextProblem(text); !problem.empty()) {
      Add(Join(path, key), problem);
      return std::nullopt;
    }
    return text;
  }
  std::optional<cal::Date> Day(const json::value* v, const std::string& field) {
    if (v == nullptr || !v->is_string()) {
      Add(field, "须为日期（YYYY-MM-DD）");
      return std::nullopt;
    }
    const auto d = cal::ParseDate(std::string_view(v->as_string()));
    if (!d) Add(field, "日期格式须为 YYYY-MM-DD");
    return d;
  }
  void Only(const json::object& o, const std::string& path,
            std::initializer_list<const char*> keys) {
    for (const auto& kv : o) {
      const std::string key(kv.key());
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; })) {
        Add(Join(path, key.c_str()), "未知字段");
      }
    }
  }
  static std::string Join(const std::string& path, const char* key) {
    return path.empty() ? key : path + "." + key;
  }
  void Add(std::string field, std::string reason) {
    errors.push_back({std::move(field), std::move(reason)});
  }
  std::vector<ErrorDetail> errors;
};

}  // namespace

Result<cal::HolidayYear> ParseHolidayNotice(std::string_view json_text) {
  json::error_code ec;
  const json::value root = json::parse(json_text, ec);
  if (ec) return InvalidArgument("body", "节假日安排不是有效的 JSON：" + ec.message());
  if (!root.is_object()) return InvalidArgument("body", "节假日安排须为 JSON 对象");
  const auto& o = root.as_object();
  NoticeReader r;
  r.Only(o, "", {"year", "title", "source", "holidays"});
  cal::HolidayYear y;
  if (const auto* v = o.if_contains("year"); v != nullptr && v->is_int64()) {
    y.year = static_cast<int>(std::clamp<std::int64_t>(v->as_int64(), -1, 1 << 20));
  } else {
    r.Add("year", "须为整数年份");
  }
  y.title = r.Text(o, "", "title", true).value_or("");
  y.source = r.Text(o, "", "source", false).value_or("");
  const auto* list = o.if_contains("holidays");
  if (list == nullptr || !list->is_array()) {
    r.Add("holidays", "须为节日列表");
  } else {
    const auto& arr = list->as_array();
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const std::string path = "holidays[" + std::to_string(i) + "]";
      if (!arr[i].is_object()) {
        r.Add(path, "须为对象");
        continue;
      }
      const auto& h = arr[i].as_object();
      r.Only(h, path, {"name", "from", "to", "workdays"});
      cal::Holiday holiday;
      holiday.name = r.Text(h, path, "name", true).value_or("");
      const auto from = r.Day(h.if_contains("from"), path + ".from");
      const auto to = r.Day(h.if_contains("to"), path + ".to");
      if (from) holiday.from = *from;
      if (to) holiday.to = *to;
      if (const auto* w = h.if_contains("workdays"); w != nullptr && !w->is_null()) {
        if (!w->is_array()) {
          r.Add(path + ".workdays", "须为日期列表");
        } else {
          for (std::size_t j = 0; j < w->as_array().size(); ++j) {
            if (const auto d =
                    r.Day(&w->as_array()[j], path + ".workdays[" + std::to_string(j) + "]")) {
              holiday.workdays.push_back(*d);
            }
          }
        }
      }
      y.holidays.push_back(std::move(holiday));
    }
  }
  if (r.errors.empty()) r.errors = cal::CheckHolidayYear(y);
  if (!r.errors.empty()) return domain::ValidationError(std::move(r.errors));
  return y;
}

std::vector<cal::HolidayYear> ShippedHolidayNotices() {
  std::vector<cal::HolidayYear> out;
  for (const auto& f : embedded::HolidayNotices()) {
    auto notice = ParseHolidayNotice(f.text);
    if (notice.ok()) out.push_back(std::move(notice).value());
  }
  return out;
}

Status EnsureShippedHolidays(Services& s) {
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto loaded, tx.calendar().HolidayYears());
    for (auto& notice : ShippedHolidayNotices()) {
      const bool present = std::any_of(loaded.begin(), loaded.end(),
                                       [&](const auto& y) { return y.year == notice.year; });
      if (present) continue;
      notice.loaded_at = s.Now();
      notice.loaded_by = "system";
      // Reference data of the binary, like the built-in roles: loaded without an audit record.
      XA_TRY(tx.calendar().ReplaceHolidayYear(notice));
    }
    return {};
  });
}

Status EnsureReferenceData(Services& s) {
  XA_TRY(EnsureBuiltinRoles(s));
  XA_TRY(EnsureShippedChecklists(s));
  return EnsureShippedHolidays(s);
}

Result<std::vector<cal::HolidayYear>> ListHolidayYears(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCalendarRead, "查看校历"));
  std::vector<cal::HolidayYear> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.calendar().HolidayYears());
    return {};
  }));
  return out;
}

Result<cal::HolidayYear> ImportHolidayYear(Services& s, const RequestContext& ctx,
                                           cal::HolidayYear notice) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCalendarHolidays, "导入国家节假日安排"));
  if (auto problems = cal::CheckHolidayYear(notice); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  if (notice.source.size() > 300) {
    return domain::ValidationError({{"source", "来源不超过 300 个字节"}});
  }
  notice.loaded_at = s.Now();
  notice.loaded_by = ctx.actor;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto loaded, tx.calendar().HolidayYears());
    const bool replaced = std::any_of(loaded.begin(), loaded.end(),
                                      [&](const auto& y) { return y.year == notice.year; });
    XA_TRY(tx.calendar().ReplaceHolidayYear(notice));
    std::size_t days = 0;
    for (const auto& h : notice.holidays)
      days += static_cast<std::size_t>((h.to - h.from).count()) + 1;
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "calendar.holidays", "holiday_year",
                                     std::to_string(notice.year),
                                     std::string(replaced ? "更新" : "导入") + notice.title + "：" +
                                         std::to_string(notice.holidays.size()) + " 个节日，放假 " +
                                         std::to_string(days) + " 天")));
    return {};
  }));
  return notice;
}

// ---- What a unit sets --------------------------------------------------------------------------

// The unit and its ancestors, nearest first, from its path "/1/5/12/".
cal::Date TodayInChina(const Services& s) {
  return cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now())).value_or(cal::Date{});
}

std::vector<std::int64_t> UnitsNearestFirst(const domain::Unit& unit) {
  std::vector<std::int64_t> out;
  std::int64_t current = 0;
  bool digits = false;
  for (const char c : unit.path) {
    if (c >= '0' && c <= '9') {
      current = current * 10 + (c - '0');
      digits = true;
    } else if (digits) {
      out.push_back(current);
      current = 0;
      digits = false;
    }
  }
  if (digits) out.push_back(current);
  if (out.empty() || out.back() != unit.id) out.push_back(unit.id);
  std::reverse(out.begin(), out.end());
  return out;
}

namespace {

Error UnitNotVisible(domain::UnitId id) {
  return NotFound("单位 " + std::to_string(id) + " 不存在或不在您的管辖范围内");
}

Result<domain::Unit> CalendarUnit(domain::Tx& tx, const RequestContext& ctx, domain::UnitId id) {
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(id));
  if (!unit || !ctx.Covers(unit->path)) return UnitNotVisible(id);
  return *unit;
}

Status LoadUnitCalendar(domain::Tx& tx, const domain::Unit& unit, UnitCalendar& out) {
  out.unit = unit;
  const auto path = UnitsNearestFirst(unit);
  XA_ASSIGN_OR_RETURN(auto terms, tx.calendar().TermsOf(path));
  XA_ASSIGN_OR_RETURN(auto days, tx.calendar().ExceptionsOf(path));
  XA_ASSIGN_OR_RETURN(auto times, tx.calendar().DismissalsOf(path));
  out.terms.clear();
  out.exceptions.clear();
  out.dismissals.clear();
  for (const auto& t : terms) {
    if (t.unit_id == unit.id) out.terms.push_back(t);
  }
  for (const auto& e : days) {
    if (e.unit_id == unit.id) out.exceptions.push_back(e);
  }
  for (const auto& d : times) {
    if (d.unit_id == unit.id) out.dismissals.push_back(d);
  }
  out.effective_terms = cal::EffectiveTerms(path, terms);
  out.effective_exceptions = cal::EffectiveExceptions(path, days);
  out.effective_dismissals = cal::EffectiveDismissals(path, times);
  out.unit_names.clear();
  for (const auto id : path) {
    XA_ASSIGN_OR_RETURN(auto u, tx.org().FindUnit(id));
    if (u) out.unit_names.emplace_back(id, u->name);
  }
  return {};
}

// Bureaus, clusters and schools keep calendars; sections and departments do not.
Status CheckCalendarKind(const domain::Unit& unit) {
  if (unit.kind == "bureau" || unit.kind == "cluster" || unit.kind == "school") return {};
  return InvalidArgument("unit_id", "只能为教育局、片区或学校设置校历");
}

template <typename Apply>
Result<UnitCalendar> WriteUnitCalendar(Services& s, const RequestContext& ctx, domain::UnitId id,
                                       const std::string& action, Apply apply) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCalendarWrite, "设置校历"));
  UnitCalendar out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, CalendarUnit(tx, ctx, id));
    XA_TRY(CheckCalendarKind(unit));
    XA_ASSIGN_OR_RETURN(auto summary, apply(tx, unit));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, action, "unit", std::to_string(unit.id), unit.name + "：" + summary)));
    return LoadUnitCalendar(tx, unit, out);
  }));
  return out;
}

}  // namespace

Result<UnitCalendar> GetUnitCalendar(Services& s, const RequestContext& ctx, domain::UnitId id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCalendarRead, "查看校历"));
  UnitCalendar out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, CalendarUnit(tx, ctx, id));
    return LoadUnitCalendar(tx, unit, out);
  }));
  return out;
}

Result<UnitCalendar> SetTerms(Services& s, const RequestContext& ctx, domain::UnitId id,
                              std::vector<cal::Term> terms) {
  if (auto problems = cal::CheckTerms(terms); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  std::sort(terms.begin(), terms.end(),
            [](const cal::Term& a, const cal::Term& b) { return a.starts < b.starts; });
  return WriteUnitCalendar(s, ctx, id, "calendar.terms",
                           [&](domain::Tx& tx, const domain::Unit& unit) -> Result<std::string> {
                             for (auto& t : terms) t.unit_id = unit.id;
                             XA_TRY(tx.calendar().ReplaceTerms(unit.id, terms));
                             std::string summary = "设置学期";
                             for (const auto& t : terms) {
                               summary += "；" + cal::TermLabel(t.school_year, t.term) + " " +
                                          cal::FormatDate(t.starts) + " 至 " +
                                          cal::FormatDate(t.ends);
                             }
                             if (terms.empty()) summary = "清除本单位设置的学期（沿用上级）";
                             return summary;
                           });
}

Result<UnitCalendar> SetExceptions(Services& s, const RequestContext& ctx, domain::UnitId id,
                                   std::vector<cal::DayException> days) {
  if (auto problems = cal::CheckExceptions(days); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  std::sort(days.begin(), days.end(),
            [](const cal::DayException& a, const cal::DayException& b) { return a.date < b.date; });
  return WriteUnitCalendar(s, ctx, id, "calendar.exceptions",
                           [&](domain::Tx& tx, const domain::Unit& unit) -> Result<std::string> {
                             for (auto& e : days) e.unit_id = unit.id;
                             XA_TRY(tx.calendar().ReplaceExceptions(unit.id, days));
                             int off = 0;
                             for (const auto& e : days) off += e.school_day ? 0 : 1;
                             return "设置放假调整：停课 " + std::to_string(off) + " 天，加课 " +
                                    std::to_string(static_cast<int>(days.size()) - off) + " 天";
                           });
}

Result<UnitCalendar> SetDismissals(Services& s, const RequestContext& ctx, domain::UnitId id,
                                   std::vector<cal::Dismissal> times) {
  if (auto problems = cal::CheckDismissals(times); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  std::sort(times.begin(), times.end(), [](const cal::Dismissal& a, const cal::Dismissal& b) {
    return std::pair(a.grade, a.weekday) < std::pair(b.grade, b.weekday);
  });
  return WriteUnitCalendar(s, ctx, id, "calendar.dismissals",
                           [&](domain::Tx& tx, const domain::Unit& unit) -> Result<std::string> {
                             for (auto& t : times) t.unit_id = unit.id;
                             XA_TRY(tx.calendar().ReplaceDismissals(unit.id, times));
                             const auto all = cal::DismissalTime(times, 0, 0);
                             return "设置放学时间 " + std::to_string(times.size()) + " 条" +
                                    (all ? "，全校默认 " + cal::FormatClock(*all) : std::string());
                           });
}

// ---- A school's calendar -----------------------------------------------------------------------

Result<SchoolCalendarData> LoadSchoolCalendar(domain::Tx& tx, const domain::Unit& school) {
  XA_ASSIGN_OR_RETURN(auto out, LoadSchoolTerms(tx, school));
  XA_ASSIGN_OR_RETURN(out.holidays, LoadPublicCalendar(tx));
  return out;
}

Result<domain::calendar::PublicCalendar> LoadPublicCalendar(domain::Tx& tx) {
  domain::calendar::PublicCalendar out;
  XA_ASSIGN_OR_RETURN(auto years, tx.calendar().HolidayYears());
  for (const auto& y : years) out.Add(y);
  return out;
}

Result<SchoolCalendarData> LoadSchoolTerms(domain::Tx& tx, const domain::Unit& school) {
  SchoolCalendarData out;
  const auto path = UnitsNearestFirst(school);
  XA_ASSIGN_OR_RETURN(auto terms, tx.calendar().TermsOf(path));
  XA_ASSIGN_OR_RETURN(auto days, tx.calendar().ExceptionsOf(path));
  XA_ASSIGN_OR_RETURN(auto times, tx.calendar().DismissalsOf(path));
  out.terms = cal::EffectiveTerms(path, terms);
  out.exceptions = cal::EffectiveExceptions(path, days);
  out.dismissals = cal::EffectiveDismissals(path, times);
  return out;
}

Result<std::map<std::int64_t, std::vector<cal::Term>>> LoadTermsOfSchools(
    domain::Tx& tx, const std::vector<domain::Unit>& schools) {
  std::set<std::int64_t> units;
  for (const auto& sc : schools) {
    for (const auto id : UnitsNearestFirst(sc)) units.insert(id);
  }
  XA_ASSIGN_OR_RETURN(const auto terms,
                      tx.calendar().TermsOf(std::vector<std::int64_t>(units.begin(), units.end())));
  std::map<std::int64_t, std::vector<cal::Term>> out;
  for (const auto& sc : schools) out[sc.id] = cal::EffectiveTerms(UnitsNearestFirst(sc), terms);
  return out;
}

Result<CalendarMonth> GetSchoolMonth(Services& s, const RequestContext& ctx,
                                     domain::UnitId school_id,
                                     const std::optional<std::string>& month_param) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCalendarRead, "查看校历"));
  const std::string month =
      month_param ? *month_param : domain::hazard::ChinaDate(s.clock.Now()).substr(0, 7);
  const auto first = cal::ParseDate(month + "-01");
  if (month.size() != 7 || !first) return InvalidArgument("month", "月份格式须为 YYYY-MM");
  if (cal::YearOf(*first) < 2000 || cal::YearOf(*first) > 2100) {
    return InvalidArgument("month", "月份须在 2000 到 2100 年之间");
  }
  const std::chrono::year_month_day ymd{*first};
  const cal::Date last = cal::Date{ymd.year() / ymd.month() / std::chrono::last};
  CalendarMonth out;
  out.month = month;
  SchoolCalendarData data;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(school_id));
    if (!school || !ctx.Covers(school->unit.path)) {
      return NotFound("学校 " + std::to_string(school_id) + " 不存在或不在您的管辖范围内");
    }
    out.school = std::move(*school);
    XA_ASSIGN_OR_RETURN(data, LoadSchoolCalendar(tx, out.school.unit));
    return {};
  }));
  const cal::SchoolCalendar calendar(data.holidays, data.terms, data.exceptions);
  out.terms = calendar.terms();
  out.dismissals = data.dismissals;
  out.missing_years = calendar.MissingYears(*first, last);
  std::set<cal::Date> week_ends;
  for (cal::Date d = cal::SchoolCalendar::WeekOf(*first); d <= last + std::chrono::days{6};
       d += std::chrono::days{7}) {
    if (const auto end = calendar.LastSchoolDayOfWeek(d)) week_ends.insert(*end);
  }
  std::vector<cal::Break> breaks = calendar.BreaksFrom(*first, last);
  for (cal::Date d = *first; d <= last; d += std::chrono::days{1}) {
    CalendarDay day;
    day.info = calendar.Day(d);
    if (day.info.term != nullptr) {
      day.term_label = cal::TermLabel(day.info.term->school_year, day.info.term->term);
    }
    day.info.term = nullptr;  // points into `calendar`, which ends here
    if (day.info.kind == cal::DayKind::kSchoolDay) {
      day.dismissal = cal::DismissalTime(data.dismissals, 0, cal::Weekday(d));
      day.last_of_week = week_ends.count(d) > 0;
      // The day names the break that follows it; the 30-minute lesson comes only before the
      // breaks that bring one (edu.1530.holiday).
      std::string holiday_eve;
      for (const auto& b : breaks) {
        if (b.last_school_day != d) continue;
        day.break_name = b.name;
        if (domain::edu::HolidayLessonBefore(b)) holiday_eve = b.name;
      }
      day.duties = cal::Reminders1530(day.last_of_week, holiday_eve, day.dismissal);
    }
    out.days.push_back(std::move(day));
  }
  return out;
}

}  // namespace xiaoan::app
