#include "app/emergency/emergency.hpp"

#include <algorithm>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/drill/drill.hpp"
#include "domain/emergency/people_sheet.hpp"
#include "domain/org/org.hpp"
#include "domain/store.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace em = domain::emergency;
namespace cal = domain::calendar;
namespace rules = domain::rules;
namespace perm = domain::perm;

namespace {

constexpr const char* kModule = "emergency";
constexpr const char* kSubject = "emergency_setup";

std::vector<EmergencyCheck> ChecksOf(const std::optional<em::EmergencySetup>& setup,
                                     const ValuesInForce& in_force, cal::Date today) {
  const auto values = [&](const rules::RuleDecl& r) { return in_force.at(r.id).values; };
  return {{&em::CommandRule(), em::JudgeCommand(setup, values(em::CommandRule()))},
          {&em::UnitRule(), em::JudgeUnit(setup, values(em::UnitRule()))},
          {&em::PlanRule(), em::JudgePlans(setup, values(em::PlanRule()), today)}};
}

Result<EmergencyView> ViewOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                             const domain::School& school) {
  EmergencyView out;
  const auto today = TodayInChina(s);
  XA_ASSIGN_OR_RETURN(auto stored, tx.emergency().Setup(school.unit.id));
  XA_ASSIGN_OR_RETURN(const auto in_force, LoadValuesInForce(tx, school.unit, em::RuleDecls()));
  out.checks = ChecksOf(stored, in_force, today);
  if (stored) {
    out.setup = std::move(*stored);
    XA_ASSIGN_OR_RETURN(const auto files, tx.files().OfSubject(kSubject, school.unit.id));
    for (auto& p : out.setup.plans) {
      for (const auto& f : files) {
        if (p.file_id && f.id == *p.file_id) p.file_name = f.name;
      }
    }
  } else {
    out.setup.unit_id = school.unit.id;
    out.setup.unit_name = school.unit.name;
  }
  const int months = in_force.at(em::PlanRule().id).values.at("review_months");
  for (const auto& p : out.setup.plans) {
    const auto by = em::ReviewBy(p, months);
    out.review_by.push_back(by ? cal::FormatDate(*by) : "");
    out.overdue.push_back(by && *by < today);
  }
  out.can_edit = ctx.Can(perm::kEmergencyManage);
  XA_ASSIGN_OR_RETURN(
      const auto drills,
      tx.drills().OfSchool(school.unit.id, cal::FormatDate(today - std::chrono::days{365}),
                           cal::FormatDate(today)));
  for (const auto& d : drills) {  // oldest first: the last one wins
    if (d.kind == "attack") out.attack_drill = EmergencyView::Drill{d.id, d.date, d.title};
  }
  return out;
}

std::string Stale() { return "应急体系刚被他人修改，请刷新后再试"; }

// The files of the plans: those the stored setup had stay; any other is one of the caller's own
// uploads not attached yet, attached to the school's setup in this write.
Status ClaimPlanFiles(domain::Tx& tx, const RequestContext& ctx, const em::EmergencySetup& in,
                      const std::optional<em::EmergencySetup>& stored) {
  std::vector<domain::StoredFile> claimed;
  for (std::size_t i = 0; i < in.plans.size(); ++i) {
    const auto& id = in.plans[i].file_id;
    if (!id) continue;
    bool had = false;
    for (const auto& p : stored ? stored->plans : std::vector<em::PlanDoc>{}) {
      had = had || p.file_id == id;
    }
    if (had) continue;
    auto files = ClaimFiles(tx, ctx, {*id});
    if (!files.ok()) {
      const auto& e = files.error();
      if (e.code != ErrorCode::kInvalidArgument || e.details.empty()) return e;
      return InvalidArgument("plans[" + std::to_string(i) + "].file_id", e.details[0].reason);
    }
    claimed.push_back(files.value().front());
  }
  return AttachFiles(tx, claimed, kSubject, in.unit_id);
}

int Named(const std::vector<em::Member>& people, std::string_view role) {
  int n = 0;
  for (const auto& m : people) n += (role.empty() || m.role == role) && !IsBlank(m.name) ? 1 : 0;
  return n;
}

}  // namespace

std::string_view EmergencyStateCode(EmergencyState s) {
  switch (s) {
    case EmergencyState::kNone:
      return "none";
    case EmergencyState::kIncomplete:
      return "incomplete";
    case EmergencyState::kComplete:
      return "complete";
  }
  return "none";
}

std::string_view EmergencyStateLabel(EmergencyState s) {
  switch (s) {
    case EmergencyState::kNone:
      return "未建立";
    case EmergencyState::kIncomplete:
      return "未达标";
    case EmergencyState::kComplete:
      return "达标";
  }
  return "未建立";
}

Result<EmergencyView> GetEmergencySetup(Services& s, const RequestContext& ctx,
                                        std::int64_t unit_id) {
  XA_TRY(RequirePermission(ctx, perm::kEmergencyRead, "查看应急体系"));
  EmergencyView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, unit_id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<EmergencyView> SaveEmergencySetup(Services& s, const RequestContext& ctx,
                                         em::EmergencySetup in) {
  XA_TRY(RequirePermission(ctx, perm::kEmergencyManage, "维护应急体系"));
  const auto today = TodayInChina(s);
  for (auto* list : {&in.command, &in.unit}) {
    for (auto& m : *list) {
      m.name = std::string(Trim(m.name));
      m.post = std::string(Trim(m.post));
      m.phone = std::string(Trim(m.phone));
    }
  }
  in.duty_phone = std::string(Trim(in.duty_phone));
  if (auto problems = em::CheckSetup(in, today); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  EmergencyView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, in.unit_id));
    XA_ASSIGN_OR_RETURN(const auto stored, tx.emergency().Setup(in.unit_id));
    if ((stored ? stored->version : 0) != in.version) {
      return FailedPrecondition("emergency.stale", Stale());
    }
    XA_TRY(ClaimPlanFiles(tx, ctx, in, stored));
    in.updated_by = ctx.actor;
    in.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.emergency().Save(in));
    if (!saved) return FailedPrecondition("emergency.stale", Stale());
    XA_TRY(EvaluateSchool(s, tx, in.unit_id, today, kModule));
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "emergency.setup.edit", kSubject, std::to_string(in.unit_id),
        "维护应急体系：" + school.unit.name + "（指挥体系 " +
            std::to_string(Named(in.command, "")) + " 人，最小应急单元 " +
            std::to_string(Named(in.unit, "")) + " 人，应急预案 " +
            std::to_string(in.plans.size()) + " 份，第 " + std::to_string(in.version) + " 版）")));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<EmergencyOverview> GetEmergencyOverview(Services& s, const RequestContext& ctx,
                                               const std::optional<std::string>& state) {
  XA_TRY(RequirePermission(ctx, perm::kEmergencyRead, "查看应急体系总览"));
  std::optional<EmergencyState> wanted;
  if (state && !state->empty()) {
    for (const auto st :
         {EmergencyState::kNone, EmergencyState::kIncomplete, EmergencyState::kComplete}) {
      if (EmergencyStateCode(st) == *state) wanted = st;
    }
    if (!wanted) return InvalidArgument("state", "须为 none、incomplete 或 complete");
  }
  const auto today = TodayInChina(s);
  EmergencyOverview out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto schools, AllSchoolsInScope(tx, ctx));
    XA_ASSIGN_OR_RETURN(auto setups, tx.emergency().Setups(ctx.Scope()));
    std::map<std::int64_t, em::EmergencySetup> by_unit;
    for (auto& e : setups) by_unit.emplace(e.unit_id, std::move(e));
    std::vector<domain::Unit> units;
    for (const auto& sc : schools) units.push_back(sc.unit);
    XA_ASSIGN_OR_RETURN(const auto values, LoadValuesInForceOf(tx, units, em::RuleDecls()));
    for (const auto& sc : schools) {
      EmergencyOverview::Row row;
      row.unit_id = sc.unit.id;
      row.unit_name = sc.unit.name;
      std::optional<em::EmergencySetup> e;
      if (const auto it = by_unit.find(sc.unit.id); it != by_unit.end()) e = it->second;
      const auto checks = ChecksOf(e, values.at(sc.unit.id), today);
      row.command = checks[0].verdict;
      row.unit = checks[1].verdict;
      row.plan = checks[2].verdict;
      if (!e) {
        row.state = EmergencyState::kNone;
      } else {
        bool met = true;
        for (const auto& c : checks) met = met && c.verdict.outcome != rules::Outcome::kFail;
        row.state = met ? EmergencyState::kComplete : EmergencyState::kIncomplete;
        for (const auto& m : e->command) {
          if (m.role == "commander" && row.commander.empty()) row.commander = m.name;
        }
        row.command_people = Named(e->command, "");
        row.guards = Named(e->unit, "guard");
        row.staff = Named(e->unit, "staff");
        row.volunteers = Named(e->unit, "volunteer");
        row.plans = static_cast<int>(e->plans.size());
        row.updated_at = FormatInstant(e->updated_at);
      }
      ++out.counts[std::string(EmergencyStateCode(row.state))];
      if (!wanted || *wanted == row.state) out.rows.push_back(std::move(row));
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportEmergencyOverview(Services& s, const RequestContext& ctx) {
  XA_ASSIGN_OR_RETURN(const auto overview, GetEmergencyOverview(s, ctx, std::nullopt));
  const auto n = [](int v) { return std::to_string(v); };
  const auto verdict = [](const rules::Verdict& v) {
    return std::string(rules::OutcomeLabel(v.outcome)) + "：" + v.reason;
  };
  std::vector<office::Row> rows = {office::TextRow(
      {"学校", "状态", "总指挥", "指挥体系人数", "保安员", "教职工", "周边商户志愿者", "应急预案",
       "应急指挥体系", "最小应急单元", "应急预案情况"})};
  for (const auto& r : overview.rows) {
    rows.push_back(
        office::TextRow({r.unit_name, std::string(EmergencyStateLabel(r.state)), r.commander,
                         n(r.command_people), n(r.guards), n(r.staff), n(r.volunteers), n(r.plans),
                         verdict(r.command), verdict(r.unit), verdict(r.plan)}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"应急体系", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "emergency.export", kSubject, "",
                "导出应急体系总览 " + std::to_string(overview.rows.size()) + " 所学校")));
    return {};
  }));
  return bytes;
}

Result<std::pair<std::string, std::string>> EmergencyPeopleTemplate() {
  std::vector<office::Row> notes = {office::TextRow({"列", "填写说明"})};
  for (const auto& [column, note] : em::PeopleColumnNotes()) {
    notes.push_back(office::TextRow({column, note}));
  }
  XA_ASSIGN_OR_RETURN(
      auto bytes,
      office::WriteXlsx({office::Sheet{"应急人员", {office::TextRow(em::PeopleColumns())}},
                         office::Sheet{"填写说明", notes}}));
  return std::make_pair(std::string("应急人员导入模板.xlsx"), std::move(bytes));
}

Result<std::pair<std::string, std::string>> ExportEmergencyPeople(Services& s,
                                                                  const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kEmergencyRead, "导出应急人员"));
  office::Sheet sheet{"应急人员", {office::TextRow(em::PeopleColumns())}};
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    std::map<std::int64_t, std::string> code_of;
    XA_ASSIGN_OR_RETURN(const auto schools, AllSchoolsInScope(tx, ctx));
    for (const auto& sc : schools) code_of[sc.unit.id] = sc.unit.code.value_or("");
    XA_ASSIGN_OR_RETURN(const auto setups, tx.emergency().Setups(ctx.Scope()));
    for (const auto& e : setups) {
      for (const auto list : {em::PeopleList::kCommand, em::PeopleList::kUnit}) {
        for (const auto& m : list == em::PeopleList::kCommand ? e.command : e.unit) {
          std::vector<std::string> row = {code_of[e.unit_id], e.unit_name};
          for (auto& c : em::PeopleCells(list, m)) row.push_back(std::move(c));
          sheet.rows.push_back(office::TextRow(row));
        }
      }
    }
    return {};
  }));
  const auto n = sheet.rows.size() - 1;
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({sheet}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "emergency.people.export", kSubject, "",
                                     "导出应急人员 " + std::to_string(n) + " 人")));
    return {};
  }));
  return std::make_pair(std::string("应急人员.xlsx"), std::move(bytes));
}

Result<ImportReport> ImportEmergencyPeople(Services& s, const RequestContext& ctx,
                                           std::string_view bytes, const std::string& format) {
  XA_TRY(RequirePermission(ctx, perm::kEmergencyManage, "导入应急人员"));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  const auto& columns = em::PeopleColumns();
  XA_TRY(CheckHeaderRow(file.rows, columns, "请使用应急人员导入模板"));
  const auto data = DataRows(file.rows, columns.size(), [](std::size_t) { return false; });
  if (data.empty()) return InvalidArgument("file", "文件中没有数据行");
  ImportReport report;
  report.rows = static_cast<int>(data.size());
  std::vector<ErrorDetail> problems;
  std::vector<em::PeopleRow> rows;
  for (const auto& r : data) {
    auto parsed = em::ParsePeopleRow(r.row, r.cells);
    if (!parsed.ok()) {
      for (auto& d : std::move(parsed).error().details) problems.push_back(std::move(d));
    } else {
      rows.push_back(std::move(parsed).value());
    }
  }
  const auto today = TodayInChina(s);
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    // Each school's new lists, with the row each person came from.
    struct Pending {
      domain::Unit unit;
      std::vector<em::Member> lists[2];
      std::vector<int> rows[2];
    };
    std::map<std::int64_t, Pending> by_school;
    std::map<std::string, std::int64_t> by_code;
    for (auto& row : rows) {
      const auto fail = [&](std::string reason) {
        problems.push_back({"学校代码", std::move(reason), row.row});
      };
      auto known = by_code.find(row.school_code);
      if (known == by_code.end()) {
        XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnitByCode(row.school_code));
        if (!unit || unit->kind != "school") {
          fail("没有代码为“" + row.school_code + "”的学校");
          continue;
        }
        if (!SchoolInScope(tx, ctx, unit->id).ok()) {
          fail("学校“" + unit->name + "”不在您的管辖范围内");
          continue;
        }
        by_school[unit->id].unit = *unit;
        known = by_code.emplace(row.school_code, unit->id).first;
      }
      auto& p = by_school[known->second];
      const int l = row.list == em::PeopleList::kCommand ? 0 : 1;
      p.lists[l].push_back(std::move(row.member));
      p.rows[l].push_back(row.row);
    }
    std::vector<em::EmergencySetup> changed;
    for (auto& [id, p] : by_school) {
      XA_ASSIGN_OR_RETURN(auto stored, tx.emergency().Setup(id));
      em::EmergencySetup e;
      if (stored) {
        e = std::move(*stored);
      } else {
        e.unit_id = id;
        e.unit_name = p.unit.name;
      }
      for (int l = 0; l < 2; ++l) {
        if (p.rows[l].empty()) continue;
        auto& list = l == 0 ? e.command : e.unit;
        report.removed += static_cast<int>(list.size());
        report.created += static_cast<int>(p.lists[l].size());
        list = std::move(p.lists[l]);
      }
      for (auto& d : em::CheckSetup(e, today)) {
        // command[3].phone → the row of that person; a list's own problem → its first row.
        const int l = d.field.rfind("command", 0) == 0 ? 0 : 1;
        const auto open = d.field.find('[');
        std::size_t i = 0;
        if (open != std::string::npos) i = std::stoul(d.field.substr(open + 1));
        const auto& at = p.rows[l];
        const int row = at.empty() ? 0 : at[std::min(i, at.size() - 1)];
        auto column = em::PeopleColumnOf(d.field);
        problems.push_back(
            {column.empty() ? std::string("名单") : column, p.unit.name + "：" + d.reason, row});
      }
      changed.push_back(std::move(e));
    }
    if (!problems.empty()) {
      return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
    }
    for (auto& e : changed) {
      e.updated_by = ctx.actor;
      e.updated_at = s.clock.Now();
      XA_ASSIGN_OR_RETURN(const bool saved, tx.emergency().Save(e));
      if (!saved) return FailedPrecondition("emergency.stale", Stale());
      XA_TRY(EvaluateSchool(s, tx, e.unit_id, today, kModule));
    }
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "emergency.import", kSubject, "",
                                     "导入应急人员：" + std::to_string(changed.size()) +
                                         " 所学校，" + std::to_string(report.created) + " 人")));
    report.applied = true;
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kFailedPrecondition && !problems.empty()) {
      std::stable_sort(problems.begin(), problems.end(),
                       [](const ErrorDetail& a, const ErrorDetail& b) { return a.row < b.row; });
      RefuseImport(report, std::move(problems));
      return report;
    }
    return std::move(st).error();
  }
  return report;
}

TaskSource EmergencyTaskSource() {
  return {kModule, [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(perm::kEmergencyManage) || !ctx.unit_id) return out;
            std::optional<EmergencyView> view;
            XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
              XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(*ctx.unit_id));
              if (!unit || unit->kind != "school") return {};
              XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, unit->id));
              XA_ASSIGN_OR_RETURN(view, ViewOf(s, tx, ctx, school));
              return {};
            }));
            if (!view) return out;
            TaskGroup g{"emergency.setup", "应急体系待完善", 0, 0, {}};
            for (const auto& c : view->checks) {
              const bool failed = c.verdict.outcome == rules::Outcome::kFail;
              if (!failed && c.verdict.outcome != rules::Outcome::kWarn) continue;
              g.items.push_back({kSubject, view->setup.unit_id, std::nullopt,
                                 c.rule->title + "：" + c.verdict.reason, view->setup.unit_name, "",
                                 failed});
              ++g.count;
              if (failed) ++g.overdue;
            }
            if (g.count > 0) out.push_back(std::move(g));
            return out;
          }};
}

FileSubject EmergencyFileSubject() {
  return {kSubject, [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            if (!ctx.Can(perm::kEmergencyRead)) return NotFound("应急预案不存在");
            XA_TRY(SchoolAsAddress(tx, ctx, id));
            return {};
          }};
}

RuleModule EmergencyRuleModule() {
  RuleModule m;
  m.module = kModule;
  m.rules = em::RuleDecls();
  m.configure_path = "/rules";
  // The setup as it stands is judged for this month, or last month on its last day's next
  // morning; older months keep what was judged then.
  m.judge_school = [](domain::Tx& tx,
                      const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
    std::vector<rules::Judgement> out;
    const auto span = rules::PeriodOf(rules::Period::kMonth, in.day, in.calendar);
    if (!span || span->last < in.today - std::chrono::days{1}) return out;
    XA_ASSIGN_OR_RETURN(const auto setup, tx.emergency().Setup(in.school.unit.id));
    const auto on = std::min(in.today, span->last);
    const auto value = [&](const rules::RuleDecl& r) {
      auto v = rules::Defaults(r);
      if (const auto it = in.values.find(r.id); it != in.values.end()) {
        for (const auto& [k, n] : it->second) v[k] = n;
      }
      return v;
    };
    const bool so_far = in.today <= span->last;
    out.push_back(
        {&em::CommandRule(), *span, so_far, em::JudgeCommand(setup, value(em::CommandRule()))});
    out.push_back({&em::UnitRule(), *span, so_far, em::JudgeUnit(setup, value(em::UnitRule()))});
    out.push_back(
        {&em::PlanRule(), *span, so_far, em::JudgePlans(setup, value(em::PlanRule()), on)});
    return out;
  };
  return m;
}

}  // namespace xiaoan::app
