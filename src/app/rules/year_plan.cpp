// The plan for a year: the shipped 规范落实年 plan, or a bureau's own in the same shape (actions,
// measures, the rules of each), loaded as JSON or from a spreadsheet. The plan board follows the
// plan in force for the caller.

#include "app/calendar/calendar.hpp"
#include "app/modules.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/spreadsheet.hpp"
#include "app/rules/rules.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace plan = domain::plan;

namespace {

Status CheckYear(int year) {
  if (year < 2000 || year > 2100) return InvalidArgument("year", "须为 2000 到 2100 之间的年份");
  return {};
}

// The shipped plan with each measure's rules: those that declare it, in registration order.
plan::YearPlan ShippedPlan(int year) {
  plan::YearPlan out;
  out.year = year;
  out.title = plan::kShippedTitle;
  out.actions = plan::DefaultPlan();
  for (auto& a : out.actions) {
    for (auto& m : a.measures) {
      for (const auto& mod : RuleModules()) {
        for (const auto& r : mod.rules) {
          if (r.measure == m.number) m.rules.push_back(r.id);
        }
      }
    }
  }
  return out;
}

// The caller's unit when it may hold a plan (a bureau or other unit above schools).
Result<std::optional<domain::Unit>> LoadingUnit(domain::Tx& tx, const RequestContext& ctx) {
  if (!ctx.unit_id) return std::optional<domain::Unit>();
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(*ctx.unit_id));
  if (!unit || unit->kind == "school") return std::optional<domain::Unit>();
  return unit;
}

Status RequireLoader(const RequestContext& ctx) {
  return RequirePermission(ctx, domain::perm::kRulesConfigure, "制定年度计划");
}

bool Known(std::string_view id) { return FindRegisteredRule(id) != nullptr; }

Result<YearPlanView> Save(Services& s, domain::Tx& tx, const RequestContext& ctx, plan::YearPlan in,
                          const std::string& how) {
  XA_ASSIGN_OR_RETURN(auto unit, LoadingUnit(tx, ctx));
  if (!unit) {
    return FailedPrecondition("plan.unit", "年度计划由教育局制定：请用教育局的账号导入");
  }
  in.unit_id = unit->id;
  in.loaded_by = ctx.actor;
  in.loaded_at = s.Now();
  std::size_t measures = 0;
  for (const auto& a : in.actions) measures += a.measures.size();
  XA_TRY(tx.plans().Save(in));
  XA_TRY(tx.audit().Append(
      AuditOf(s, ctx, "plan.load", "plan", std::to_string(in.year) + "@" + std::to_string(unit->id),
              how + std::to_string(in.year) + " 年度计划「" + in.title + "」：" +
                  std::to_string(in.actions.size()) + " 项行动、" + std::to_string(measures) +
                  " 项措施（" + unit->name + "）")));
  return YearPlanIn(tx, ctx, in.year);
}

const std::vector<std::string>& PlanColumns() {
  static const std::vector<std::string> kColumns = {plan::kColActionNumber, plan::kColAction,
                                                    plan::kColMeasureNumber, plan::kColMeasure,
                                                    plan::kColRules};
  return kColumns;
}

}  // namespace

const domain::rules::RuleDecl* FindRegisteredRule(std::string_view id) {
  for (const auto& mod : RuleModules()) {
    for (const auto& r : mod.rules) {
      if (r.id == id) return &r;
    }
  }
  return nullptr;
}

Result<YearPlanView> YearPlanIn(domain::Tx& tx, const RequestContext& ctx, int year) {
  YearPlanView out;
  XA_ASSIGN_OR_RETURN(auto loader, LoadingUnit(tx, ctx));
  out.can_load = loader.has_value() && ctx.Can(domain::perm::kRulesConfigure);
  std::vector<std::int64_t> path;
  if (ctx.unit_id) {
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(*ctx.unit_id));
    if (unit) path = UnitsNearestFirst(*unit);
  }
  XA_ASSIGN_OR_RETURN(auto own, tx.plans().Nearest(path, year));
  if (!own) {
    out.plan = ShippedPlan(year);
    return out;
  }
  out.loaded = true;
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(own->unit_id));
  out.unit_name = unit ? unit->name : "";
  out.plan = std::move(*own);
  return out;
}

Result<YearPlanView> GetYearPlan(Services& s, const RequestContext& ctx, int year) {
  XA_TRY(RequirePermission(ctx, domain::perm::kRulesRead, "查看年度计划"));
  XA_TRY(CheckYear(year));
  YearPlanView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, YearPlanIn(tx, ctx, year));
    return {};
  }));
  return out;
}

Result<YearPlanView> LoadYearPlan(Services& s, const RequestContext& ctx, int year,
                                  plan::YearPlan in) {
  XA_TRY(RequireLoader(ctx));
  XA_TRY(CheckYear(year));
  in.year = year;
  auto problems = plan::ValidatePlan(in, Known);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  YearPlanView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, Save(s, tx, ctx, std::move(in), "制定"));
    return {};
  }));
  return out;
}

Status RemoveYearPlan(Services& s, const RequestContext& ctx, int year) {
  XA_TRY(RequireLoader(ctx));
  XA_TRY(CheckYear(year));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, LoadingUnit(tx, ctx));
    if (!unit) return NotFound("本单位没有自己的年度计划");
    XA_ASSIGN_OR_RETURN(auto own, tx.plans().Nearest({unit->id}, year));
    if (!own) return NotFound("本单位没有 " + std::to_string(year) + " 年的年度计划");
    XA_TRY(tx.plans().Remove(unit->id, year));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "plan.remove", "plan",
                                     std::to_string(year) + "@" + std::to_string(unit->id),
                                     "撤销 " + std::to_string(year) + " 年度计划「" + own->title +
                                         "」，恢复上级或内置计划（" + unit->name + "）")));
    return {};
  });
}

Result<std::string> ExportYearPlan(Services& s, const RequestContext& ctx, int year,
                                   const std::string& format) {
  XA_ASSIGN_OR_RETURN(auto view, GetYearPlan(s, ctx, year));
  std::vector<office::Row> rows = {office::TextRow(PlanColumns())};
  for (const auto& a : view.plan.actions) {
    for (const auto& m : a.measures) {
      rows.push_back(office::TextRow({std::to_string(a.number), a.title, std::to_string(m.number),
                                      m.title, plan::JoinRuleIds(m.rules)}));
    }
  }
  if (format == "csv") return office::WriteCsv(rows);
  if (!format.empty() && format != "xlsx") return InvalidArgument("format", "格式须为 xlsx 或 csv");
  return office::WriteXlsx({office::Sheet{"年度计划", rows}});
}

Result<ImportReport> ImportYearPlan(Services& s, const RequestContext& ctx, int year,
                                    std::string_view bytes, const std::string& format,
                                    const std::string& title) {
  XA_TRY(RequireLoader(ctx));
  XA_TRY(CheckYear(year));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  const std::vector<office::Row>& rows = file.rows;
  XA_TRY(CheckHeaderRow(rows, PlanColumns(), "请使用导出的年度计划作为模板"));
  std::vector<plan::PlanRow> input;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    input.push_back({static_cast<int>(i) + 1, CellText(r, 0), CellText(r, 1), CellText(r, 2),
                     CellText(r, 3), CellText(r, 4)});
  }
  auto parsed = plan::PlanFromRows(input);
  ImportReport report;
  for (const auto& a : parsed.rows_of) report.rows += static_cast<int>(a.size());
  std::vector<ErrorDetail> problems = parsed.errors;
  plan::YearPlan in;
  in.year = year;
  in.title = title.empty() ? std::to_string(year) + " 年度学校安全工作计划" : title;
  in.actions = parsed.actions;
  if (problems.empty()) {
    for (const auto& e : plan::ValidatePlan(in, Known)) {
      problems.push_back(plan::RowErrorOf(e, parsed));
    }
  }
  if (report.rows == 0 && problems.empty()) {
    problems.push_back({"file", "文件中没有措施行", 0});
  }
  if (!problems.empty()) {  // refused: nothing written
    RefuseImport(report, std::move(problems));
    return report;
  }
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(Save(s, tx, ctx, std::move(in), "导入"));
    return {};
  }));
  report.created = report.rows;
  report.applied = true;
  return report;
}

}  // namespace xiaoan::app
