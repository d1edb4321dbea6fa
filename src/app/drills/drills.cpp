#include "app/drills/drills.hpp"

#include <algorithm>

#include "app/calendar/calendar.hpp"
#include "app/hazards/hazards.hpp"
#include "app/org/org_use_cases.hpp"
#include "domain/auth/auth.hpp"
#include "domain/drill/drill_rules.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/org/org.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace dr = domain::drill;
namespace rules = domain::rules;
namespace cal = domain::calendar;

namespace {

// The building's name and floors, or the school's tallest when none is named.
Status PlaceBuilding(const domain::School& school, dr::Drill& d) {
  if (d.building_id) {
    const auto it = std::find_if(school.buildings.begin(), school.buildings.end(),
                                 [&](const auto& b) { return b.id == *d.building_id; });
    if (it == school.buildings.end()) {
      return domain::ValidationError({{"building_id", "该学校没有这栋建筑"}});
    }
    d.building = it->name;
    d.floors = it->floors;
    return {};
  }
  d.building.clear();
  d.floors = 0;
  for (const auto& b : school.buildings) d.floors = std::max(d.floors, b.floors);
  return {};
}

Result<dr::Drill> LoadInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto d, tx.drills().Find(id, ctx.Scope()));
  if (!d) return NotFound("演练记录不存在或不在您的管辖范围内");
  return *d;
}

// Judges what the record changes: the school's periods containing its date, and drill.time on
// the record itself.
Status Judge(Services& s, domain::Tx& tx, const dr::Drill& d) {
  const auto date = cal::ParseDate(d.date);
  if (!date) return {};
  XA_TRY(EvaluateSchool(s, tx, d.school_id, *date));
  XA_ASSIGN_OR_RETURN(auto school, tx.org().FindUnit(d.school_id));
  const auto* rule = rules::FindRule(dr::RuleDecls(), "drill.time");
  XA_ASSIGN_OR_RETURN(auto in_force,
                      LoadValuesInForce(tx, *school, std::span<const rules::RuleDecl>(rule, 1)));
  const auto& f = in_force.at(rule->id);
  return SaveRecordFinding(s, tx, *rule, f, "drill", d.id, d.school_id, dr::JudgeTime(d, f.values));
}

Result<DrillDetail> Detail(domain::Tx& tx, const RequestContext& ctx, dr::Drill d) {
  DrillDetail out;
  out.can_edit = ctx.Can(domain::perm::kDrillRecord);
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(d.school_id));
  rules::FindingFilter own;
  own.subject_type = "drill";
  own.rules = {"drill.time"};
  domain::PageRequest page;
  page.page_size = 50;
  XA_ASSIGN_OR_RETURN(auto mine, tx.rules().ListFindings(own, ctx.Scope(), page));
  for (auto& f : mine.items) {
    if (f.subject_id == d.id) out.findings.push_back(std::move(f));
  }
  if (unit) {
    XA_ASSIGN_OR_RETURN(auto data, LoadSchoolCalendar(tx, *unit));
    const cal::SchoolCalendar calendar(data.holidays, data.terms, data.exceptions);
    rules::FindingFilter school;
    school.subject_type = "school";
    school.unit_id = d.school_id;
    for (const auto& r : dr::RuleDecls()) {
      if (r.subject == "school") school.rules.push_back(r.id);
    }
    if (const auto date = cal::ParseDate(d.date)) {
      for (const auto p : {rules::Period::kSemester, rules::Period::kYear, rules::Period::kMonth,
                           rules::Period::kQuarter}) {
        const auto key = rules::PeriodKey(p, *date, calendar);
        if (!key.empty()) school.period_keys.push_back(key);
      }
    }
    XA_ASSIGN_OR_RETURN(auto theirs, tx.rules().ListFindings(school, ctx.Scope(), page));
    for (auto& f : theirs.items) out.findings.push_back(std::move(f));
  }
  XA_ASSIGN_OR_RETURN(out.files, tx.files().OfSubject("drill", d.id));
  out.drill = std::move(d);
  return out;
}

std::string Summary(const dr::Drill& d, const std::string& school) {
  const auto* kind = dr::FindKind(d.kind);
  return school + " " + d.date + " " + (kind ? std::string(kind->label) : d.kind) + "演练" +
         (d.night ? "（夜间）" : "");
}

}  // namespace

Result<DrillDetail> RecordDrill(Services& s, const RequestContext& ctx, dr::Drill in,
                                const std::vector<std::int64_t>& file_ids,
                                std::optional<std::int64_t> plan_id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRecord, "记录应急演练"));
  auto problems = dr::ValidateDrill(in, TodayInChina(s));
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  DrillDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, SchoolInScope(tx, ctx, in.school_id));
    XA_TRY(PlaceBuilding(school, in));
    for (auto& p : in.problems) p.hazard_id.reset();
    in.recorded_by = ctx.actor;
    in.created_at = s.Now();
    in.updated_at = in.created_at;
    std::optional<dr::DrillPlan> plan;
    if (plan_id) {
      XA_ASSIGN_OR_RETURN(plan, tx.drill_plans().Find(*plan_id, ctx.Scope()));
      if (!plan)
        return domain::ValidationError({{"plan_id", "演练计划不存在或不在您的管辖范围内"}});
      auto wrong = dr::CheckPlanForRecord(*plan, in);
      if (!wrong.empty()) return domain::ValidationError(std::move(wrong));
    }
    XA_ASSIGN_OR_RETURN(auto files, ClaimFiles(tx, ctx, file_ids));
    XA_TRY(tx.drills().Insert(in));
    XA_TRY(AttachFiles(tx, files, "drill", in.id));
    if (plan) {
      XA_TRY(tx.drill_plans().SetDrill(plan->id, in.id));
    }
    XA_TRY(Judge(s, tx, in));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "drill.record", "drill", std::to_string(in.id),
                "记录演练：" + Summary(in, school.unit.name) +
                    (plan ? "（按演练计划 #" + std::to_string(plan->id) + "）" : ""))));
    XA_ASSIGN_OR_RETURN(auto stored, LoadInScope(tx, RequestContext{}, in.id));
    XA_ASSIGN_OR_RETURN(out, Detail(tx, ctx, std::move(stored)));
    return {};
  }));
  return out;
}

Result<DrillDetail> EditDrill(Services& s, const RequestContext& ctx, std::int64_t id, dr::Drill in,
                              const std::vector<std::int64_t>& file_ids) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRecord, "修改应急演练"));
  DrillDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto old, LoadInScope(tx, ctx, id));
    in.id = id;
    in.school_id = old.school_id;  // a record stays with its school
    auto problems = dr::ValidateDrill(in, TodayInChina(s));
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    XA_ASSIGN_OR_RETURN(auto school, SchoolInScope(tx, ctx, old.school_id));
    XA_TRY(PlaceBuilding(school, in));
    // Problems already raised as hazards keep their link when their text is kept.
    for (auto& p : in.problems) {
      p.hazard_id.reset();
      for (const auto& was : old.problems) {
        if (was.text == p.text && was.hazard_id) p.hazard_id = was.hazard_id;
      }
    }
    in.recorded_by = old.recorded_by;
    in.created_at = old.created_at;
    in.updated_at = s.Now();
    XA_ASSIGN_OR_RETURN(auto files, ClaimFiles(tx, ctx, file_ids));
    XA_TRY(tx.drills().Update(in));
    XA_TRY(AttachFiles(tx, files, "drill", id));
    if (old.date != in.date) {
      if (const auto was = cal::ParseDate(old.date)) {
        XA_TRY(EvaluateSchool(s, tx, old.school_id, *was));
      }
    }
    XA_TRY(Judge(s, tx, in));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "drill.edit", "drill", std::to_string(id),
                                     "修改演练记录：" + Summary(in, school.unit.name))));
    XA_ASSIGN_OR_RETURN(auto stored, LoadInScope(tx, RequestContext{}, id));
    XA_ASSIGN_OR_RETURN(out, Detail(tx, ctx, std::move(stored)));
    return {};
  }));
  return out;
}

Status DeleteDrill(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRecord, "删除应急演练"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto old, LoadInScope(tx, ctx, id));
    for (const auto& p : old.problems) {
      if (p.hazard_id) {
        return FailedPrecondition("drill.has_hazards",
                                  "这次演练发现的问题已转为隐患，不能删除；可修改记录");
      }
    }
    XA_TRY(tx.drills().Remove(id));
    XA_TRY(tx.rules().RemoveFindings("drill", id));
    if (const auto date = cal::ParseDate(old.date)) {
      XA_TRY(EvaluateSchool(s, tx, old.school_id, *date));
    }
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "drill.delete", "drill", std::to_string(id),
        "删除演练记录：" + Summary(old, old.school_name) +
            (old.plan_id ? "（演练计划 #" + std::to_string(*old.plan_id) + " 重新待办）" : ""))));
    return {};
  });
}

Result<DrillDetail> GetDrill(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRead, "查看应急演练"));
  DrillDetail out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto d, LoadInScope(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(out, Detail(tx, ctx, std::move(d)));
    return {};
  }));
  return out;
}

Result<domain::PageResult<dr::Drill>> ListDrills(Services& s, const RequestContext& ctx,
                                                 const dr::DrillFilter& f,
                                                 const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRead, "查看应急演练"));
  if (f.kind && !dr::FindKind(*f.kind)) return InvalidArgument("kind", "没有这种演练类型");
  for (const auto& [field, v] : {std::pair{"from", f.from}, std::pair{"to", f.to}}) {
    if (v && !cal::ParseDate(*v)) return InvalidArgument(field, "须为 YYYY-MM-DD 格式的日期");
  }
  domain::PageResult<dr::Drill> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.drills().List(f, ctx.Scope(), page));
    return {};
  }));
  return out;
}

Result<std::string> ExportDrills(Services& s, const RequestContext& ctx, const dr::DrillFilter& f) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRead, "导出应急演练"));
  std::vector<office::Row> rows = {office::TextRow(
      {"学校",       "日期",     "开始时间", "类型",       "名称",       "昼夜",     "是否预先告知",
       "范围",       "建筑",     "总指挥",   "学生人数",   "教职工人数", "发出信号", "全部撤离",
       "用时（秒）", "清点人数", "受伤人数", "发现的问题", "整改措施",   "记录人"})};
  domain::PageRequest page;
  page.page_size = 500;
  std::int64_t n = 0;
  XA_TRY(ListDrills(s, ctx, f, page));  // checks the filter and the permission
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    for (page.page = 1;; ++page.page) {
      XA_ASSIGN_OR_RETURN(auto list, tx.drills().List(f, ctx.Scope(), page));
      for (const auto& d : list.items) {
        const auto* kind = dr::FindKind(d.kind);
        std::string found;
        for (const auto& p : d.problems) found += (found.empty() ? "" : "；") + p.text;
        const auto seconds = dr::EvacuationSeconds(d);
        rows.push_back(office::TextRow({d.school_name,
                                        d.date,
                                        d.start_time,
                                        kind ? std::string(kind->label) : d.kind,
                                        d.title,
                                        d.night ? "夜间" : "白天",
                                        d.announced ? "是" : "否",
                                        d.whole_school ? "全员" : d.scope_note,
                                        d.building,
                                        d.commander,
                                        std::to_string(d.students),
                                        std::to_string(d.staff),
                                        d.signal_time,
                                        d.all_out_time,
                                        seconds ? std::to_string(*seconds) : "",
                                        d.headcount_ok ? "无误" : d.headcount_note,
                                        std::to_string(d.injuries),
                                        found,
                                        d.actions,
                                        d.recorded_by}));
        ++n;
      }
      if (static_cast<std::int64_t>(page.page) * page.page_size >= list.total) break;
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"应急演练", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "drill.export", "drill", "*",
                                     "导出演练记录 " + std::to_string(n) + " 条")));
    return {};
  }));
  return bytes;
}

Result<DrillDetail> RaiseProblemHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                       const ProblemHazardInput& in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kDrillRecord, "把演练发现的问题转为隐患"));
  DrillDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto d, LoadInScope(tx, ctx, id));
    if (in.index < 0 || in.index >= static_cast<int>(d.problems.size())) {
      return domain::ValidationError(
          {{"index", "这次演练没有第 " + std::to_string(in.index + 1) + " 个问题"}});
    }
    const auto& problem = d.problems[static_cast<std::size_t>(in.index)];
    if (problem.hazard_id) {
      return FailedPrecondition("drill.problem_raised",
                                "这个问题已转为隐患 #" + std::to_string(*problem.hazard_id));
    }
    HazardInput h;
    h.school_id = d.school_id;
    h.building_id = in.building_id ? in.building_id : d.building_id;
    h.key_place_id = in.key_place_id;
    h.domain = in.domain;
    h.level = in.level;
    h.title = problem.text.size() > 180 ? problem.text.substr(0, 180) : problem.text;
    h.description = "演练发现（" + d.date + " " + Summary(d, d.school_name) + "）：" +
                    problem.text + (d.actions.empty() ? "" : "\n整改措施：" + d.actions);
    h.source = "drill";
    h.origin_type = "drill";
    h.origin_id = d.id;
    XA_ASSIGN_OR_RETURN(auto hazard, ReportHazardIn(s, ctx, tx, std::move(h)));
    XA_TRY(tx.drills().SetProblemHazard(d.id, in.index, hazard.id));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "drill.hazard", "drill", std::to_string(d.id),
                "演练发现的问题转为隐患 #" + std::to_string(hazard.id) + "：" + problem.text)));
    XA_ASSIGN_OR_RETURN(auto stored, LoadInScope(tx, RequestContext{}, id));
    XA_ASSIGN_OR_RETURN(out, Detail(tx, ctx, std::move(stored)));
    return {};
  }));
  return out;
}

FileSubject DrillFileSubject() {
  return {"drill", [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            if (!ctx.Can(domain::perm::kDrillRead)) return NotFound("演练记录不存在");
            XA_TRY(LoadInScope(tx, ctx, id));
            return {};
          }};
}

RuleModule DrillRuleModule() {
  return {"drill",
          dr::RuleDecls(),
          {},
          "",
          [](domain::Tx& tx, const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
            // A year before and after covers the school year, calendar year and quarter.
            const auto from = cal::FormatDate(in.day - std::chrono::days{400});
            const auto to = cal::FormatDate(in.day + std::chrono::days{400});
            XA_ASSIGN_OR_RETURN(auto drills, tx.drills().OfSchool(in.school.unit.id, from, to));
            const dr::SchoolFacts facts{in.school.profile.stage, in.school.profile.boarding,
                                        in.school.profile.school_buses};
            return dr::JudgeSchool(facts, drills, in.calendar, in.values, in.day, in.today);
          },
          {},
          "drill",
          "other"};
}

}  // namespace xiaoan::app
