#include "http/json/calendar_json.hpp"

#include <boost/json.hpp>

namespace xiaoan::http {

namespace json = boost::json;
namespace cal = domain::calendar;

namespace {

std::string UnitName(const app::UnitCalendar& c, std::int64_t id) {
  for (const auto& [unit, name] : c.unit_names) {
    if (unit == id) return name;
  }
  return {};
}

json::object TermJson(const cal::Term& t) {
  return {{"school_year", t.school_year},
          {"term", t.term},
          {"label", cal::TermLabel(t.school_year, t.term)},
          {"starts_on", cal::FormatDate(t.starts)},
          {"ends_on", cal::FormatDate(t.ends)},
          {"unit_id", t.unit_id}};
}

json::object ExceptionJson(const cal::DayException& e) {
  return {{"date", cal::FormatDate(e.date)},
          {"school_day", e.school_day},
          {"reason", e.reason},
          {"unit_id", e.unit_id}};
}

json::object DismissalJson(const cal::Dismissal& d) {
  return {{"grade", d.grade},
          {"weekday", d.weekday},
          {"time", cal::FormatClock(d.minutes)},
          {"unit_id", d.unit_id}};
}

template <typename T, typename F>
json::array ListJson(const std::vector<T>& list, F f, const app::UnitCalendar* names = nullptr) {
  json::array out;
  for (const auto& item : list) {
    json::object o = f(item);
    if (names != nullptr) o["unit_name"] = UnitName(*names, item.unit_id);
    out.push_back(std::move(o));
  }
  return out;
}

// Each element of the array field as an object with its own Fields, errors prefixed key[i].
template <typename F>
void EachObject(Fields& f, const char* key, F read) {
  const auto* arr = f.Array(key, true);
  if (arr == nullptr) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string path = f.Path(key) + "[" + std::to_string(i) + "]";
    if (const auto* o = f.Object((*arr)[i], path)) {
      Fields item(*o, path);
      read(item, path);
      f.Merge(item);  // with "unknown field" errors of the element
    }
  }
}

std::optional<cal::Date> DateField(Fields& f, const char* key, const std::string& path) {
  const auto text = f.Str(key, true);
  if (!text) return std::nullopt;
  const auto d = cal::ParseDate(*text);
  if (!d) f.AddError(path + "." + key, "日期格式须为 YYYY-MM-DD");
  return d;
}

}  // namespace

json::value ToJson(const cal::HolidayYear& y) {
  json::array holidays;
  for (const auto& h : y.holidays) {
    json::array workdays;
    for (const auto d : h.workdays) workdays.emplace_back(cal::FormatDate(d));
    holidays.push_back(json::object{{"name", h.name},
                                    {"from", cal::FormatDate(h.from)},
                                    {"to", cal::FormatDate(h.to)},
                                    {"days", (h.to - h.from).count() + 1},
                                    {"workdays", std::move(workdays)}});
  }
  return json::object{{"year", y.year},           {"title", y.title},
                      {"source", y.source},       {"loaded_at", y.loaded_at},
                      {"loaded_by", y.loaded_by}, {"holidays", std::move(holidays)}};
}

json::value ToJson(const app::UnitCalendar& c) {
  return json::object{
      {"unit", json::object{{"id", c.unit.id}, {"name", c.unit.name}, {"kind", c.unit.kind}}},
      {"terms", ListJson(c.terms, TermJson)},
      {"exceptions", ListJson(c.exceptions, ExceptionJson)},
      {"dismissals", ListJson(c.dismissals, DismissalJson)},
      {"effective_terms", ListJson(c.effective_terms, TermJson, &c)},
      {"effective_exceptions", ListJson(c.effective_exceptions, ExceptionJson, &c)},
      {"effective_dismissals", ListJson(c.effective_dismissals, DismissalJson, &c)}};
}

json::value ToJson(const app::CalendarMonth& m) {
  json::array days;
  for (const auto& d : m.days) {
    json::array duties;
    for (const auto& duty : d.duties) {
      duties.push_back(json::object{
          {"code", duty.code},
          {"label", duty.label},
          {"at", duty.at ? json::value(cal::FormatClock(*duty.at)) : json::value(nullptr)}});
    }
    days.push_back(
        json::object{{"date", cal::FormatDate(d.info.date)},
                     {"weekday", cal::Weekday(d.info.date)},
                     {"kind", std::string(cal::DayKindCode(d.info.kind))},
                     {"name", d.info.name},
                     {"holiday", d.info.holiday},
                     {"makeup_workday", d.info.makeup_workday},
                     {"exception", d.info.exception},
                     {"term", d.term_label},
                     {"dismissal", d.dismissal ? json::value(cal::FormatClock(*d.dismissal))
                                               : json::value(nullptr)},
                     {"last_of_week", d.last_of_week},
                     {"before_break", d.break_name},
                     {"duties", std::move(duties)}});
  }
  json::array missing;
  for (const int y : m.missing_years) missing.emplace_back(y);
  return json::object{
      {"school", json::object{{"id", m.school.unit.id}, {"name", m.school.unit.name}}},
      {"month", m.month},
      {"missing_years", std::move(missing)},
      {"terms", ListJson(m.terms, TermJson)},
      {"dismissals", ListJson(m.dismissals, DismissalJson)},
      {"days", std::move(days)}};
}

std::vector<cal::Term> TermsFromJson(Fields& f) {
  std::vector<cal::Term> out;
  EachObject(f, "terms", [&](Fields& t, const std::string& path) {
    cal::Term term;
    term.school_year = static_cast<int>(t.Int("school_year", true).value_or(0));
    term.term = static_cast<int>(t.Int("term", true).value_or(0));
    const auto starts = DateField(t, "starts_on", path);
    const auto ends = DateField(t, "ends_on", path);
    if (starts && ends) {
      term.starts = *starts;
      term.ends = *ends;
      out.push_back(term);
    }
  });
  return out;
}

std::vector<cal::DayException> ExceptionsFromJson(Fields& f) {
  std::vector<cal::DayException> out;
  EachObject(f, "exceptions", [&](Fields& e, const std::string& path) {
    cal::DayException day;
    const auto date = DateField(e, "date", path);
    day.school_day = e.Bool("school_day", true).value_or(false);
    day.reason = e.Str("reason", true).value_or("");
    if (date) {
      day.date = *date;
      out.push_back(std::move(day));
    }
  });
  return out;
}

std::vector<cal::Dismissal> DismissalsFromJson(Fields& f) {
  std::vector<cal::Dismissal> out;
  EachObject(f, "dismissals", [&](Fields& d, const std::string& path) {
    cal::Dismissal t;
    t.grade = static_cast<int>(d.Int("grade", false).value_or(0));
    t.weekday = static_cast<int>(d.Int("weekday", false).value_or(0));
    const auto time = d.Str("time", true);
    if (!time) return;
    const auto minutes = cal::ParseClock(*time);
    if (!minutes) {
      d.AddError(path + ".time", "时间格式须为 HH:MM");
      return;
    }
    t.minutes = *minutes;
    out.push_back(t);
  });
  return out;
}

}  // namespace xiaoan::http
