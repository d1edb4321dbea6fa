#include "app/duty/section_year.hpp"

#include <algorithm>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/duty/bureau.hpp"
#include "app/duty/work.hpp"
#include "domain/auth/auth.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/duty/duty.hpp"
#include "domain/store.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace du = domain::duty;
namespace cal = domain::calendar;
namespace perm = domain::perm;

namespace {

void Add(SectionYear::Figures& f, du::Day due, std::optional<du::Day> done_on, du::Day as_of) {
  ++f.due;
  switch (du::StateOf(due, done_on, as_of)) {
    case du::WorkState::kDone:
      ++f.done;
      break;
    case du::WorkState::kDoneLate:
      ++f.done_late;
      break;
    case du::WorkState::kOverdue:
      ++f.overdue;
      break;
    case du::WorkState::kPending:
    case du::WorkState::kDueSoon:
      break;
  }
}

void Add(SectionYear::Figures& to, const SectionYear::Figures& more) {
  to.due += more.due;
  to.done += more.done;
  to.done_late += more.done_late;
  to.overdue += more.overdue;
}

std::string KindAndStage(const du::SupervisionItem& i) {
  std::string out(du::SupervisionKindLabel(i.kind));
  if (!i.stage.empty()) out += "（" + std::string(du::SupervisionStageLabel(i.stage)) + "）";
  return out;
}

}  // namespace

Result<SectionYear> GetSectionYear(Services& s, const RequestContext& ctx,
                                   std::optional<std::int64_t> section_id,
                                   std::optional<int> year) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看科室述职"));
  const auto today = TodayInChina(s);
  const int this_year = cal::YearOf(today);
  const int y = year.value_or(this_year);
  if (y < 2000 || y > this_year) {
    return InvalidArgument("year", "年份须在 2000 至 " + std::to_string(this_year) + " 之间");
  }
  SectionYear out;
  out.year = y;
  out.as_of = y == this_year ? cal::FormatDate(today) : std::to_string(y) + "-12-31";
  const auto as_of = cal::ParseDate(out.as_of).value_or(today);
  const auto in_year = [&](du::Day d) { return cal::YearOf(d) == y && d <= as_of; };
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto bureau,
                        CallerBureau(tx, ctx, 0, "科室述职由教育局及其内设科室查看"));
    out.bureau_name = bureau.name;
    std::int64_t id = 0;
    if (ctx.principal && ctx.principal->unit_kind == "section") {
      id = ctx.principal->unit_id;
      if (section_id && *section_id != id) return NotFound("科室不存在");
    } else if (section_id) {
      id = *section_id;
    } else {
      return InvalidArgument("section_id", "请选择科室");
    }
    XA_ASSIGN_OR_RETURN(const auto section, tx.org().FindUnit(id));
    if (!section || section->kind != "section" || section->parent_id != bureau.id) {
      return NotFound("科室不存在");
    }
    out.section_id = section->id;
    out.section_name = section->name;
    domain::UserFilter uf;
    uf.unit_id = section->id;
    uf.status = "active";
    uf.page.page_size = 1000;
    XA_ASSIGN_OR_RETURN(const auto people, tx.users().List(uf));
    for (const auto& u : people.items) out.people.push_back(u.display_name);

    // The section's supervision items and the plan's measures they serve.
    XA_ASSIGN_OR_RETURN(const auto items, tx.duties().SupervisionItems(bureau.id));
    std::set<int> measures;
    for (const auto& i : items) {
      if (i.section_id != section->id) continue;
      out.supervision.push_back(
          {i.title, KindAndStage(i), du::MeasuresText(i.measures), i.person_name, i.person_active});
      measures.insert(i.measures.begin(), i.measures.end());
    }
    out.measures.assign(measures.begin(), measures.end());

    // The district's work it led, by its units, and the work deployed to it.
    XA_ASSIGN_OR_RETURN(const auto calendar, LoadPublicCalendar(tx));
    const du::WorkingDay working = [&calendar](du::Day d) { return calendar.IsWorkingDay(d); };
    XA_ASSIGN_OR_RETURN(const auto work, tx.duties().WorkItems(bureau.id));
    for (const auto& w : work) {
      const bool led = w.lead_section_id == section->id;
      const bool mine = std::binary_search(w.targets.begin(), w.targets.end(), section->id);
      if (!led && !mine) continue;
      std::vector<du::Day> days;
      for (const auto d : du::DueDays(w.schedule, working)) {
        if (in_year(d)) days.push_back(d);
      }
      if (days.empty()) continue;
      XA_ASSIGN_OR_RETURN(const auto reports, tx.duties().WorkReports(w.id));
      const auto done_on = [&](std::int64_t unit, du::Day due) -> std::optional<du::Day> {
        for (const auto& r : reports) {
          if (r.unit_id == unit && r.due == due) return r.done_on;
        }
        return std::nullopt;
      };
      if (mine) {
        for (const auto d : days) Add(out.own, d, done_on(section->id, d), as_of);
      }
      if (!led) continue;
      SectionYear::Led row{w.id,
                           std::string(du::WorkKindLabel(w.kind)),
                           w.title,
                           static_cast<int>(w.targets.size()),
                           {}};
      for (const auto unit : w.targets) {
        for (const auto d : days) Add(row.figures, d, done_on(unit, d), as_of);
      }
      Add(out.led_total, row.figures);
      out.led.push_back(std::move(row));
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportSectionYear(Services& s, const RequestContext& ctx,
                                      std::optional<std::int64_t> section_id,
                                      std::optional<int> year) {
  XA_ASSIGN_OR_RETURN(const auto r, GetSectionYear(s, ctx, section_id, year));
  const auto n = [](int v) { return std::to_string(v); };
  const auto figures = [&](const SectionYear::Figures& f) {
    return "按时完成 " + n(f.done) + "，逾期完成 " + n(f.done_late) + "，逾期未完成 " +
           n(f.overdue);
  };
  std::string people;
  for (const auto& p : r.people) people += (people.empty() ? "" : "、") + p;
  std::vector<office::Row> summary = {
      office::TextRow({"项目", "数值", "说明"}),
      office::TextRow({"科室", r.section_name,
                       r.bureau_name + " " + std::to_string(r.year) + " 年，截至 " + r.as_of}),
      office::TextRow({"科室人员", n(static_cast<int>(r.people.size())), people}),
      office::TextRow({"监管事项", n(static_cast<int>(r.supervision.size())),
                       "对应方案措施 " + du::MeasuresText(r.measures)}),
      office::TextRow({"牵头全区工作", n(static_cast<int>(r.led.size())),
                       "各单位应完成 " + n(r.led_total.due) + "；" + figures(r.led_total)}),
      office::TextRow({"本科室承办工作", n(r.own.done + r.own.done_late) + "/" + n(r.own.due),
                       "已完成/本年到期；" + figures(r.own)})};
  std::vector<office::Row> items = {
      office::TextRow({"类别", "监管事项", "对应措施", "责任人", "责任人在岗"})};
  for (const auto& i : r.supervision) {
    items.push_back(office::TextRow(
        {i.kind_label, i.title, i.measures, i.person, i.person_active ? "是" : "否"}));
  }
  std::vector<office::Row> led = {office::TextRow(
      {"类别", "工作名称", "下达单位数", "应完成", "按时完成", "逾期完成", "逾期未完成"})};
  for (const auto& l : r.led) {
    led.push_back(
        office::TextRow({l.kind_label, l.title, n(l.units), n(l.figures.due), n(l.figures.done),
                         n(l.figures.done_late), n(l.figures.overdue)}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"科室述职", summary},
                                                     office::Sheet{"监管事项", items},
                                                     office::Sheet{"牵头工作", led}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "duty.export", "duty_section_year", std::to_string(r.section_id),
                "导出科室述职：" + r.section_name + " " + std::to_string(r.year) + " 年")));
    return {};
  }));
  return bytes;
}

}  // namespace xiaoan::app
