// 全区“一盘棋”: the bureau's work items deployed to schools and sections, each unit's reports of
// its due days, the board, and the workbooks; a section's 述职 (docs/duties.md).
#include <algorithm>
#include <boost/json.hpp>

#include "app/duty/section_year.hpp"
#include "app/duty/work.hpp"
#include "domain/auth/auth.hpp"
#include "domain/calendar/calendar.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/org_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace du = domain::duty;
namespace cal = domain::calendar;

namespace {

json::array OptionsJson(std::span<const du::Option> options) {
  json::array out;
  for (const auto& o : options) {
    out.push_back(json::object{{"code", std::string(o.code)}, {"label", std::string(o.label)}});
  }
  return out;
}

json::value DayJson(const std::optional<du::Day>& d) {
  if (!d) return nullptr;
  return json::value(cal::FormatDate(*d));
}

json::object UnitJson(const app::WorkUnit& u) {
  return {{"id", u.id}, {"name", u.name}, {"kind", u.kind}};
}

json::array UnitsJson(const std::vector<app::WorkUnit>& units) {
  json::array out;
  for (const auto& u : units) out.push_back(UnitJson(u));
  return out;
}

json::object ItemJson(const du::WorkItem& w) {
  json::array measures;
  for (const int m : w.measures) measures.push_back(m);
  json::array targets;
  for (const auto t : w.targets) targets.push_back(t);
  const auto& s = w.schedule;
  return {{"id", w.id},
          {"kind", w.kind},
          {"kind_label", std::string(du::WorkKindLabel(w.kind))},
          {"title", w.title},
          {"detail", w.detail},
          {"measures", std::move(measures)},
          {"lead_section_id", w.lead_section_id},
          {"lead_section_name", w.lead_section_name},
          {"targets", std::move(targets)},
          {"schedule", json::object{{"repeat", s.repeat},
                                    {"repeat_label", std::string(du::WorkRepeatLabel(s.repeat))},
                                    {"due", DayJson(s.due)},
                                    {"day", s.day},
                                    {"from", DayJson(s.from)},
                                    {"until", DayJson(s.until)}}},
          {"version", w.version},
          {"updated_by", w.updated_by},
          {"updated_at", FormatInstant(w.updated_at)}};
}

json::object TotalsJson(const app::WorkTotals& t) {
  const int finished = t.done + t.done_late;
  return {{"units", t.units},
          {"due", t.due},
          {"done", t.done},
          {"done_late", t.done_late},
          {"overdue", t.overdue},
          {"units_overdue", t.units_overdue},
          {"rate",
           t.due == 0 ? json::value(nullptr) : json::value(static_cast<double>(finished) / t.due)}};
}

json::object ProgressJson(const du::WorkProgress& p) {
  return {{"due", p.due},
          {"done", p.done},
          {"done_late", p.done_late},
          {"overdue", p.overdue},
          {"next", DayJson(p.next)},
          {"next_state", p.next ? json::value(std::string(du::WorkStateCode(p.next_state)))
                                : json::value(nullptr)},
          {"next_state_label", p.next ? std::string(du::WorkStateLabel(p.next_state)) : ""}};
}

json::object RowJson(const app::WorkItemRow& r) {
  auto out = ItemJson(r.item);
  out["target_units"] = UnitsJson(r.targets);
  out["due_days"] = r.due_days;
  out["next_due"] = DayJson(r.next_due);
  out["totals"] = TotalsJson(r.totals);
  return out;
}

json::object ReportJson(const du::WorkReport& r) {
  return {{"item_id", r.item_id},
          {"unit_id", r.unit_id},
          {"due", cal::FormatDate(r.due)},
          {"done_on", cal::FormatDate(r.done_on)},
          {"note", r.note},
          {"reported_by", r.reported_by},
          {"reported_at", FormatInstant(r.reported_at)}};
}

std::optional<du::Day> DayField(Fields& f, const char* key) {
  const auto text = f.NullableStr(key);
  if (!text || text->empty()) return std::nullopt;
  auto d = cal::ParseDate(*text);
  if (!d) f.AddError(f.Path(key), "日期应写作 YYYY-MM-DD");
  return d;
}

// The fields of an item a client writes.
void ItemFields(Fields& f, du::WorkItem& w) {
  w.kind = f.Str("kind", true).value_or("");
  w.title = f.Str("title", true).value_or("");
  w.detail = f.Str("detail", false).value_or("");
  for (const auto m : f.Ids("measures")) {
    w.measures.push_back(static_cast<int>(std::clamp<std::int64_t>(m, -1, 1000)));
  }
  w.lead_section_id = f.Int("lead_section_id", true).value_or(0);
  w.targets = f.Ids("targets");
  f.Ignore({"id", "kind_label", "lead_section_name", "target_units", "due_days", "next_due",
            "totals", "updated_by", "updated_at"});
  if (const auto* schedule = f.ObjectField("schedule", true)) {
    Fields g(*schedule, f.Path("schedule"));
    w.schedule.repeat = g.Str("repeat", true).value_or("");
    w.schedule.due = DayField(g, "due");
    w.schedule.day =
        static_cast<int>(std::clamp<std::int64_t>(g.Int("day", false).value_or(0), -1, 1000));
    w.schedule.from = DayField(g, "from");
    w.schedule.until = DayField(g, "until");
    g.Ignore({"repeat_label"});
    f.Merge(g);
  }
}

Result<std::optional<std::string>> KindOf(QueryReader& q) {
  auto kind = q.Str("kind");
  XA_TRY(q.Finish());
  if (kind && du::WorkKindLabel(*kind).empty()) {
    return InvalidArgument("kind", "类别应为 common、key 或 routine");
  }
  return kind;
}

json::object FiguresJson(const app::SectionYear::Figures& f) {
  return {{"due", f.due}, {"done", f.done}, {"done_late", f.done_late}, {"overdue", f.overdue}};
}

json::object SectionYearJson(const app::SectionYear& y) {
  json::array people;
  for (const auto& p : y.people) people.push_back(json::value(p));
  json::array supervision;
  for (const auto& i : y.supervision) {
    supervision.push_back(json::object{{"title", i.title},
                                       {"kind_label", i.kind_label},
                                       {"measures", i.measures},
                                       {"person", i.person},
                                       {"person_active", i.person_active}});
  }
  json::array measures;
  for (const int m : y.measures) measures.push_back(m);
  json::array led;
  for (const auto& l : y.led) {
    led.push_back(json::object{{"item_id", l.item_id},
                               {"kind_label", l.kind_label},
                               {"title", l.title},
                               {"units", l.units},
                               {"figures", FiguresJson(l.figures)}});
  }
  return {{"section_id", y.section_id},
          {"section_name", y.section_name},
          {"bureau_name", y.bureau_name},
          {"year", y.year},
          {"as_of", y.as_of},
          {"people", std::move(people)},
          {"supervision", std::move(supervision)},
          {"measures", std::move(measures)},
          {"led", std::move(led)},
          {"led_total", FiguresJson(y.led_total)},
          {"own", FiguresJson(y.own)}};
}

// The section and the year a 科室述职 is asked for.
Status SectionYearParams(HttpRequest& req, std::optional<std::int64_t>& section,
                         std::optional<int>& year) {
  QueryReader q(req);
  section = q.Int("section_id");
  if (const auto y = q.Int("year")) {
    year = static_cast<int>(std::clamp<std::int64_t>(*y, -1, 100000));
  }
  return q.Finish();
}

}  // namespace

void AddWorkRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/duties/year/section", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          std::optional<std::int64_t> section;
          std::optional<int> year;
          XA_TRY(SectionYearParams(req, section, year));
          XA_ASSIGN_OR_RETURN(auto out, app::GetSectionYear(s, ContextOf(req), section, year));
          return JsonResponse(200, json::serialize(SectionYearJson(out)));
        });
  r.Add("GET", "/api/v1/duties/year/section/export", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          std::optional<std::int64_t> section;
          std::optional<int> year;
          XA_TRY(SectionYearParams(req, section, year));
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportSectionYear(s, ContextOf(req), section, year));
          return FileResponse(std::move(bytes), "xlsx", "科室述职.xlsx");
        });
  r.Add("GET", "/api/v1/duties/work", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_ASSIGN_OR_RETURN(auto kind, KindOf(q));
          XA_ASSIGN_OR_RETURN(auto out, app::GetWorkItems(s, ContextOf(req), std::move(kind)));
          json::array items;
          for (const auto& row : out.items) items.push_back(RowJson(row));
          return JsonResponse(
              200, json::serialize(json::object{{"bureau_id", out.bureau_id},
                                                {"bureau_name", out.bureau_name},
                                                {"today", cal::FormatDate(out.today)},
                                                {"items", std::move(items)},
                                                {"sections", UnitsJson(out.sections)},
                                                {"schools", UnitsJson(out.schools)},
                                                {"kinds", OptionsJson(du::WorkKinds())},
                                                {"repeats", OptionsJson(du::WorkRepeats())},
                                                {"can_edit", out.can_edit}}));
        });
  r.Add(
      "POST", "/api/v1/duties/work", Access::Need(perm::kDutyTemplate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        du::WorkItem w;
        ItemFields(f, w);
        f.Ignore({"version"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::SaveWorkItem(s, ContextOf(req), std::move(w)));
        return JsonResponse(201, json::serialize(ItemJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "GET", "/api/v1/duties/work/mine", Access::Need(perm::kDutyRead),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto out, app::GetMyWork(s, ContextOf(req)));
        json::array items;
        for (const auto& m : out.items) {
          json::array days;
          for (const auto& d : m.days) {
            days.push_back(json::object{
                {"due", cal::FormatDate(d.due)},
                {"state", std::string(du::WorkStateCode(d.state))},
                {"state_label", std::string(du::WorkStateLabel(d.state))},
                {"report", d.report ? json::value(ReportJson(*d.report)) : json::value(nullptr)}});
          }
          auto item = ItemJson(m.item);
          item["progress"] = ProgressJson(m.progress);
          item["days"] = std::move(days);
          items.push_back(std::move(item));
        }
        return JsonResponse(200, json::serialize(json::object{{"unit", UnitJson(out.unit)},
                                                              {"today", cal::FormatDate(out.today)},
                                                              {"items", std::move(items)},
                                                              {"can_report", out.can_report}}));
      });
  r.Add("GET", "/api/v1/duties/work/board", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_ASSIGN_OR_RETURN(auto kind, KindOf(q));
          XA_ASSIGN_OR_RETURN(auto out, app::GetWorkBoard(s, ContextOf(req), std::move(kind)));
          json::array kinds;
          for (const auto& k : out.kinds) {
            kinds.push_back(json::object{{"kind", k.kind},
                                         {"label", std::string(du::WorkKindLabel(k.kind))},
                                         {"items", k.items},
                                         {"totals", TotalsJson(k.totals)}});
          }
          json::array units;
          for (const auto& u : out.units) {
            auto row = UnitJson(u.unit);
            row["items"] = u.items;
            row["totals"] = TotalsJson(u.totals);
            units.push_back(std::move(row));
          }
          return JsonResponse(200,
                              json::serialize(json::object{{"bureau_id", out.bureau_id},
                                                           {"bureau_name", out.bureau_name},
                                                           {"today", cal::FormatDate(out.today)},
                                                           {"items", out.items},
                                                           {"totals", TotalsJson(out.totals)},
                                                           {"kinds", std::move(kinds)},
                                                           {"units", std::move(units)}}));
        });
  r.Add("GET", "/api/v1/duties/work/export", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportWorkItems(s, ContextOf(req)));
          return FileResponse(std::move(bytes), "xlsx", "全区工作.xlsx");
        });
  r.Add("GET", "/api/v1/duties/work/import-template", Access::Need(perm::kDutyTemplate),
        [](HttpRequest&) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto file, app::WorkItemTemplate());
          return FileResponse(std::move(file.second), "xlsx", file.first);
        });
  r.Add(
      "POST", "/api/v1/duties/work/import", Access::Need(perm::kDutyTemplate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        const auto format = q.Str("format").value_or("");
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report, app::ImportWorkItems(s, ContextOf(req), req.body, format));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      8 << 20);
  r.Add("GET", "/api/v1/duties/work/{id}", Access::Need(perm::kDutyRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetWorkItem(s, ContextOf(req), id));
          json::array days;
          for (const auto d : out.due_days) days.push_back(json::value(cal::FormatDate(d)));
          json::array units;
          for (const auto& u : out.units) {
            auto row = UnitJson(u.unit);
            row["progress"] = ProgressJson(u.progress);
            units.push_back(std::move(row));
          }
          json::array reports;
          for (const auto& rep : out.reports) reports.push_back(ReportJson(rep));
          auto body = RowJson(out.row);
          body["today"] = cal::FormatDate(out.today);
          body["dates"] = std::move(days);
          body["units"] = std::move(units);
          body["reports"] = std::move(reports);
          body["can_edit"] = out.can_edit;
          return JsonResponse(200, json::serialize(body));
        });
  r.Add(
      "PUT", "/api/v1/duties/work/{id}", Access::Need(perm::kDutyTemplate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        du::WorkItem w;
        w.id = id;
        w.version = static_cast<int>(f.Int("version", true).value_or(0));
        ItemFields(f, w);
        XA_TRY(f.Finish());
        if (w.version <= 0) return InvalidArgument("version", "请提供读取时的版本号");
        XA_ASSIGN_OR_RETURN(auto out, app::SaveWorkItem(s, ContextOf(req), std::move(w)));
        return JsonResponse(200, json::serialize(ItemJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/duties/work/{id}", Access::Need(perm::kDutyTemplate),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        QueryReader q(req);
        const auto version = q.Int("version");
        XA_TRY(q.Finish());
        if (!version || *version <= 0) return InvalidArgument("version", "请提供读取时的版本号");
        XA_TRY(app::DeleteWorkItem(s, ContextOf(req), id, static_cast<int>(*version)));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "POST", "/api/v1/duties/work/{id}/reports", Access::Need(perm::kDutyRead),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        du::WorkReport rep;
        rep.item_id = id;
        const auto due = DayField(f, "due");
        const auto done_on = DayField(f, "done_on");
        rep.note = f.Str("note", false).value_or("");
        XA_TRY(f.Finish());
        if (!due) return InvalidArgument("due", "请选择完成的是哪一期（到期日）");
        rep.due = *due;
        if (done_on) rep.done_on = *done_on;
        XA_ASSIGN_OR_RETURN(auto out, app::ReportWork(s, ContextOf(req), std::move(rep)));
        return JsonResponse(201, json::serialize(ReportJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add(
      "DELETE", "/api/v1/duties/work/{id}/reports/{due}", Access::Need(perm::kDutyRead),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        const auto due = cal::ParseDate(req.path_params["due"]);
        if (!due) return InvalidArgument("due", "日期应写作 YYYY-MM-DD");
        const auto ctx = ContextOf(req);
        const auto unit = ctx.principal ? ctx.principal->unit_id : 0;
        XA_TRY(app::WithdrawWork(s, ctx, id, unit, *due));
        return JsonResponse(204, "");
      },
      0, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
