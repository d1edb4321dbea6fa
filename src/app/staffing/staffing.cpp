#include "app/staffing/staffing.hpp"

#include <algorithm>
#include <map>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "domain/platform/personal_info.hpp"
#include "domain/store.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace st = domain::staffing;
namespace rules = domain::rules;
namespace perm = domain::perm;

namespace {

constexpr const char* kModule = "staffing";
constexpr const char* kSubject = "safety_office";

// A bureau or a school of the caller's scope (404 otherwise).
Result<domain::Unit> OfficeUnit(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(id));
  if (!unit || (unit->kind != "school" && unit->kind != "bureau") || !ctx.Covers(unit->path)) {
    return NotFound("单位不存在或不在您的管辖范围内");
  }
  return *unit;
}

Result<SafetyOfficeView> ViewOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                const domain::Unit& unit) {
  SafetyOfficeView out;
  XA_ASSIGN_OR_RETURN(auto stored, tx.staffing().Office(unit.id));
  if (unit.kind == "school") {
    XA_ASSIGN_OR_RETURN(const auto in_force, LoadValuesInForce(tx, unit, st::RuleDecls()));
    out.check = st::JudgeOffice(stored, in_force.at(st::OfficeRule().id).values);
  }
  if (stored) {
    out.office = std::move(*stored);
  } else {
    out.office.unit_id = unit.id;
    out.office.unit_name = unit.name;
    out.office.unit_kind = unit.kind;
  }
  if (s.mask_personal_fields) {
    for (auto& m : out.office.members) m.phone = domain::MaskPhone(m.phone);
  }
  out.can_edit = ctx.Can(perm::kTrainingManage);
  return out;
}

std::string Stale() { return "安全监管机构刚被他人修改，请刷新后再试"; }

}  // namespace

Result<SafetyOfficeView> GetSafetyOffice(Services& s, const RequestContext& ctx,
                                         std::int64_t unit_id) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingRead, "查看安全监管机构"));
  SafetyOfficeView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto unit, OfficeUnit(tx, ctx, unit_id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, unit));
    return {};
  }));
  return out;
}

Result<SafetyOfficeView> SaveSafetyOffice(Services& s, const RequestContext& ctx,
                                          st::SafetyOffice in) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingManage, "维护安全监管机构"));
  in.name = std::string(Trim(in.name));
  for (auto& m : in.members) {
    m.name = std::string(Trim(m.name));
    m.post = std::string(Trim(m.post));
    m.qualifications = std::string(Trim(m.qualifications));
    m.phone = std::string(Trim(m.phone));
  }
  const auto today = TodayInChina(s);
  SafetyOfficeView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto unit, OfficeUnit(tx, ctx, in.unit_id));
    XA_ASSIGN_OR_RETURN(const auto stored, tx.staffing().Office(in.unit_id));
    // A masked phone sent back keeps the stored one of the member of the same name.
    for (auto& m : in.members) {
      for (const auto& was : stored ? stored->members : std::vector<st::Member>{}) {
        if (was.name == m.name)
          m.phone = domain::KeepUnlessMasked(m.phone, was.phone, domain::MaskPhone);
      }
    }
    if (auto problems = st::CheckOffice(in); !problems.empty()) {
      return domain::ValidationError(std::move(problems));
    }
    if ((stored ? stored->version : 0) != in.version) {
      return FailedPrecondition("staffing.stale", Stale());
    }
    in.updated_by = ctx.actor;
    in.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.staffing().Save(in));
    if (!saved) return FailedPrecondition("staffing.stale", Stale());
    if (unit.kind == "school") {
      XA_TRY(EvaluateSchool(s, tx, unit.id, today, kModule));
    }
    const auto c = st::CountsOf(in);
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "staffing.office.edit", kSubject, std::to_string(unit.id),
                "维护安全监管机构：" + unit.name + " " + in.name + "（" +
                    std::to_string(c.members) + " 人，专职 " + std::to_string(c.full_time) +
                    " 人，第 " + std::to_string(in.version) + " 版）")));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, unit));
    return {};
  }));
  return out;
}

Result<StaffingBoard> GetStaffingBoard(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingRead, "查看队伍建设看板"));
  StaffingBoard out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    domain::UnitFilter bf;
    bf.kind = "bureau";
    bf.scope = ctx.Scope();
    bf.page.page_size = 100000;
    XA_ASSIGN_OR_RETURN(const auto bureaus, tx.org().ListUnits(bf));
    XA_ASSIGN_OR_RETURN(const auto schools, AllSchoolsInScope(tx, ctx));
    XA_ASSIGN_OR_RETURN(auto offices, tx.staffing().Offices(ctx.Scope()));
    std::map<std::int64_t, st::SafetyOffice> by_unit;
    for (auto& o : offices) by_unit.emplace(o.unit_id, std::move(o));
    std::vector<domain::Unit> units;
    for (const auto& sc : schools) units.push_back(sc.unit);
    XA_ASSIGN_OR_RETURN(const auto values, LoadValuesInForceOf(tx, units, st::RuleDecls()));
    const auto add = [&](const domain::Unit& unit) {
      StaffingBoard::Row row;
      row.unit_id = unit.id;
      row.unit_name = unit.name;
      row.unit_kind = unit.kind;
      std::optional<st::SafetyOffice> o;
      if (const auto it = by_unit.find(unit.id); it != by_unit.end()) o = it->second;
      if (o) {
        row.office_name = o->name;
        row.counts = st::CountsOf(*o);
        ++out.offices;
        out.members += row.counts.members;
        out.full_time += row.counts.full_time;
      }
      if (unit.kind == "school") {
        row.check = st::JudgeOffice(o, values.at(unit.id).at(st::OfficeRule().id).values);
      }
      out.rows.push_back(std::move(row));
    };
    for (const auto& b : bureaus.items) add(b);
    for (const auto& sc : schools) add(sc.unit);
    return {};
  }));
  return out;
}

Result<std::string> ExportStaffingBoard(Services& s, const RequestContext& ctx) {
  XA_ASSIGN_OR_RETURN(const auto board, GetStaffingBoard(s, ctx));
  const auto n = [](int v) { return std::to_string(v); };
  std::vector<office::Row> rows = {office::TextRow(
      {"单位", "类型", "机构名称", "人员", "专职", "兼职", "有资质", "人员配备情况"})};
  for (const auto& r : board.rows) {
    rows.push_back(office::TextRow(
        {r.unit_name, r.unit_kind == "bureau" ? "教育局" : "学校", r.office_name,
         n(r.counts.members), n(r.counts.full_time), n(r.counts.members - r.counts.full_time),
         n(r.counts.qualified),
         r.check ? std::string(rules::OutcomeLabel(r.check->outcome)) + "：" + r.check->reason
                 : std::string()}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"安全监管机构", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "staffing.export", kSubject, "",
                "导出安全监管机构 " + std::to_string(board.rows.size()) + " 个单位")));
    return {};
  }));
  return bytes;
}

TaskSource StaffingTaskSource() {
  return {kModule, [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(perm::kTrainingManage) || !ctx.unit_id) return out;
            std::optional<SafetyOfficeView> view;
            XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
              XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(*ctx.unit_id));
              if (!unit || unit->kind != "school") return {};
              XA_ASSIGN_OR_RETURN(const auto school, OfficeUnit(tx, ctx, unit->id));
              XA_ASSIGN_OR_RETURN(view, ViewOf(s, tx, ctx, school));
              return {};
            }));
            if (!view || !view->check || view->check->outcome != rules::Outcome::kFail) return out;
            out.push_back({"staffing.office",
                           "安全监管机构待充实",
                           1,
                           1,
                           {{kSubject, view->office.unit_id, std::nullopt,
                             st::OfficeRule().title + "：" + view->check->reason,
                             view->office.unit_name, "", true}}});
            return out;
          }};
}

RuleModule StaffingRuleModule() {
  RuleModule m;
  m.module = kModule;
  m.rules = st::RuleDecls();
  m.configure_path = "/rules";
  // The office as it stands is judged for this month, or last month on its last day's next
  // morning; older months keep what was judged then.
  m.judge_school = [](domain::Tx& tx,
                      const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
    std::vector<rules::Judgement> out;
    const auto span = rules::PeriodOf(rules::Period::kMonth, in.day, in.calendar);
    if (!span || span->last < in.today - std::chrono::days{1}) return out;
    XA_ASSIGN_OR_RETURN(const auto office, tx.staffing().Office(in.school.unit.id));
    auto v = rules::Defaults(st::OfficeRule());
    if (const auto it = in.values.find(st::OfficeRule().id); it != in.values.end()) {
      for (const auto& [k, n] : it->second) v[k] = n;
    }
    out.push_back({&st::OfficeRule(), *span, in.today <= span->last, st::JudgeOffice(office, v)});
    return out;
  };
  return m;
}

}  // namespace xiaoan::app
