#include "http/json/whistle_json.hpp"

#include <boost/json.hpp>

#include "http/json/hazard_json.hpp"
#include "http/json/org_json.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace wh = domain::whistle;
namespace cal = domain::calendar;

namespace {

json::value At(const std::optional<wh::Instant>& t) {
  return t ? json::value(FormatInstant(*t)) : json::value(nullptr);
}
std::string Label(domain::EnumTable t, const std::string& code) {
  return std::string(domain::LabelOf(t, code));
}
json::value Number(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object StatsJson(const wh::DepartmentStats& d) {
  return {{"department_id", d.department_id},
          {"department_name", d.department_name},
          {"received", d.received},
          {"acknowledged", d.acknowledged},
          {"acknowledged_on_time", d.acknowledged_on_time},
          {"ack_overdue", d.ack_overdue},
          {"average_ack_hours", Number(d.average_ack_hours)},
          {"answered", d.answered},
          {"closed", d.closed},
          {"average_close_days", Number(d.average_close_days)},
          {"open", d.open},
          {"feedback_overdue", d.feedback_overdue}};
}

json::object UnitRef(const domain::Unit& u) { return {{"id", u.id}, {"name", u.name}}; }

}  // namespace

json::value ToJson(const app::WhistleView& v, bool events) {
  const auto& w = v.whistle;
  const auto& d = w.draft;
  json::array assignments;
  for (std::size_t i = 0; i < w.assignments.size(); ++i) {
    const auto& a = w.assignments[i];
    const auto flags = i < v.flags.size() ? v.flags[i] : app::WhistleView::Flags{};
    assignments.push_back(json::object{
        {"department_id", a.department_id},
        {"department_name", a.department_name},
        {"state", a.state},
        {"state_label", Label(wh::AssignmentStates(), a.state)},
        {"routed_at", FormatInstant(a.routed_at)},
        {"ack_due", FormatInstant(a.ack_due)},
        {"acknowledged_at", At(a.acknowledged_at)},
        {"acknowledged_by",
         a.acknowledged_by.empty() ? json::value(nullptr) : json::value(a.acknowledged_by)},
        {"feedback_due",
         a.feedback_due ? json::value(cal::FormatDate(*a.feedback_due)) : json::value(nullptr)},
        {"feedback_due_provisional", a.feedback_due_provisional},
        {"last_feedback_at", At(a.last_feedback_at)},
        {"answered_at", At(a.answered_at)},
        {"ack_overdue", flags.ack_overdue},
        {"feedback_overdue", flags.feedback_overdue},
        {"escalated", a.escalated_at.has_value()},
        {"leader_escalated", a.leader_escalated_at.has_value()}});
  }
  json::array timeline;
  if (events) {
    for (const auto& e : w.events) {
      json::array photos;
      if (const auto it = v.event_files.find(e.id); it != v.event_files.end()) {
        for (const auto& f : it->second) photos.push_back(ToJson(f));
      }
      timeline.push_back(json::object{
          {"id", e.id},
          {"kind", e.kind},
          {"kind_label", Label(wh::EventKinds(), e.kind)},
          {"department_id", e.department_id ? json::value(*e.department_id) : json::value(nullptr)},
          {"department_name", e.department_name},
          {"note", e.note},
          {"actor", e.actor},
          {"actor_name", e.actor_name},
          {"at", FormatInstant(e.at)},
          {"files", std::move(photos)}});
    }
  }
  json::array files;
  for (const auto& f : v.files) files.push_back(ToJson(f));
  return json::object{{"id", w.id},
                      {"school_id", w.school_id},
                      {"school_name", w.school_name},
                      {"title", d.title},
                      {"description", d.description},
                      {"category", d.category},
                      {"category_label", Label(wh::Categories(), d.category)},
                      {"place", d.place},
                      {"place_label", Label(wh::Places(), d.place)},
                      {"location", d.location},
                      {"severity", d.severity},
                      {"severity_label", Label(wh::Severities(), d.severity)},
                      {"interim_measures", d.interim_measures},
                      {"state", w.state},
                      {"state_label", Label(wh::States(), w.state)},
                      {"raised_by", w.raised_by},
                      {"raised_by_name", w.raised_by_name},
                      {"raised_at", FormatInstant(w.raised_at)},
                      {"closed_at", At(w.closed_at)},
                      {"hazard_id", w.hazard_id ? json::value(*w.hazard_id) : json::value(nullptr)},
                      {"overdue", v.overdue},
                      {"version", w.version},
                      {"files", std::move(files)},
                      {"assignments", std::move(assignments)},
                      {"events", std::move(timeline)},
                      {"can", json::object{{"acknowledge", v.can.acknowledge},
                                           {"feedback", v.can.feedback},
                                           {"confirm", v.can.confirm},
                                           {"send_back", v.can.send_back},
                                           {"route", v.can.route},
                                           {"hazard", v.can.hazard}}}};
}

json::value ToJson(const app::WhistleRoutes& r) {
  json::array items;
  for (const auto& row : r.rows) {
    json::array ids;
    json::array departments;
    for (const auto& d : row.departments) {
      ids.push_back(d.id);
      departments.push_back(UnitRef(d));
    }
    items.push_back(json::object{{"category", row.category},
                                 {"category_label", Label(wh::Categories(), row.category)},
                                 {"department_ids", std::move(ids)},
                                 {"departments", std::move(departments)},
                                 {"custom", row.custom}});
  }
  json::array departments;
  for (const auto& d : r.departments) {
    const auto kind = d.department_kind.value_or("other");
    departments.push_back(
        json::object{{"id", d.id},
                     {"name", d.name},
                     {"department_kind", kind},
                     {"department_kind_label", Label(domain::DepartmentKinds(), kind)}});
  }
  return json::object{{"bureau_id", r.bureau.id},
                      {"bureau_name", r.bureau.name},
                      {"items", std::move(items)},
                      {"departments", std::move(departments)}};
}

json::value ToJson(const app::WhistleStats& s) {
  json::array items;
  for (const auto& d : s.items) items.push_back(StatsJson(d));
  return json::object{
      {"from", s.from}, {"to", s.to}, {"items", std::move(items)}, {"totals", StatsJson(s.totals)}};
}

namespace {
json::object ReportJson(const wh::PeriodicReport& r) {
  return {{"school_id", r.school_id},
          {"school_name", r.school_name},
          {"month", r.month},
          {"nil", r.nil},
          {"open_count", r.open_count},
          {"summary", r.summary},
          {"note", r.note},
          {"filed_by", r.filed_by},
          {"filed_at", FormatInstant(r.filed_at)}};
}
}  // namespace

json::value ToJson(const app::SchoolWhistleReports& r) {
  json::array reports;
  for (const auto& x : r.reports) reports.push_back(ReportJson(x));
  return json::object{
      {"school_id", r.school_id},
      {"school_name", r.school_name},
      {"month", r.month},
      {"current", r.current ? json::value(ReportJson(*r.current)) : json::value(nullptr)},
      {"draft",
       json::object{
           {"nil", r.draft.nil}, {"open_count", r.draft.open_count}, {"summary", r.draft.summary}}},
      {"reports", std::move(reports)},
      {"can_file", r.can_file}};
}

json::value ToJson(const app::WhistleReportBoard& b) {
  json::array items;
  for (const auto& row : b.rows) {
    items.push_back(json::object{
        {"school_id", row.school_id},
        {"school_name", row.school_name},
        {"filed", row.report.has_value()},
        {"report", row.report ? json::value(ReportJson(*row.report)) : json::value(nullptr)}});
  }
  return json::object{{"month", b.month},
                      {"schools", static_cast<std::int64_t>(b.rows.size())},
                      {"filed", b.filed},
                      {"nil", b.nil},
                      {"items", std::move(items)}};
}

wh::Draft WhistleDraftFromJson(Fields& f) {
  wh::Draft d;
  d.title = f.Str("title", true).value_or("");
  d.description = f.Str("description", true).value_or("");
  d.category = f.Str("category", true).value_or("");
  d.place = f.Str("place", true).value_or("");
  d.location = f.Str("location", true).value_or("");
  d.severity = f.Str("severity", true).value_or("");
  d.interim_measures = f.NullableStr("interim_measures").value_or("");
  return d;
}

std::vector<wh::Route> WhistleRoutesFromJson(Fields& f) {
  std::vector<wh::Route> out;
  const auto* arr = f.Array("routes", true);
  if (!arr) return out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const auto path = f.Path("routes") + "[" + std::to_string(i) + "]";
    const auto* obj = f.Object((*arr)[i], path);
    if (!obj) continue;
    Fields item(*obj, path);
    wh::Route r;
    r.category = item.Str("category", true).value_or("");
    r.department_ids = item.Ids("department_ids");
    f.Merge(item);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace xiaoan::http
