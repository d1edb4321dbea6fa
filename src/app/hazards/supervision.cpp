// Self-inspection results and the hazard board.
#include "app/hazards/hazard_internal.hpp"
#include "app/org/org_use_cases.hpp"

namespace xiaoan::app {

namespace hz = domain::hazard;

Result<hz::SelfInspection> RecordSelfInspection(Services& s, const RequestContext& ctx,
                                                hz::SelfInspection in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardReport));
  std::vector<ErrorDetail> problems;
  if (!domain::HasCode(hz::Domains(), in.domain)) {
    problems.push_back({"domain", "取值须为：" + domain::JoinLabels(hz::Domains())});
  }
  if (in.note.size() > 2000) problems.push_back({"note", "不能超过 2000 个字节"});
  Instant at = s.clock.Now();
  if (!in.checked_at.empty() && !ParseInstant(in.checked_at, at)) {
    problems.push_back({"checked_at", "须为 ISO 8601 时间"});
  } else if (auto late = hz::CheckInspectionTime(at, s.clock.Now())) {
    problems.push_back(*late);
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(in.school_id));
    if (!unit || unit->kind != "school" || !ctx.Covers(unit->path)) {
      return domain::ValidationError({{"school_id", "学校不存在或不在您的管辖范围内"}});
    }
    if (in.key_place_id) {
      XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(in.school_id));
      bool found = false;
      for (const auto& p : school->key_places) found = found || p.id == *in.key_place_id;
      if (!found) return domain::ValidationError({{"key_place_id", "该学校没有这个重点部位"}});
    }
    in.checked_at = FormatInstant(at);
    in.checked_by = ctx.actor;
    XA_TRY(tx.hazards().InsertSelfInspection(in));
    return hazard_internal::AppendAudit(
        tx, AuditOf(s, ctx, "hazard.self_inspection", "self_inspection", std::to_string(in.id),
                    unit->name + " 自查 " + std::string(domain::LabelOf(hz::Domains(), in.domain)) +
                        (in.passed ? "：合格" : "：不合格")));
  }));
  return in;
}

Result<hz::Board> GetHazardBoard(Services& s, const RequestContext& ctx,
                                 std::optional<std::int64_t> school_id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardRead));
  const Instant now = s.clock.Now();
  std::vector<hz::OpenTotal> open;
  std::vector<hz::SchoolOpen> schools;
  std::vector<hz::MonthStat> months;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    if (school_id) {
      XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(*school_id));
      if (!unit || unit->kind != "school" || !ctx.Covers(unit->path)) {
        return NotFound("学校不存在或不在您的管辖范围内");
      }
    }
    XA_ASSIGN_OR_RETURN(open, tx.hazards().OpenTotals(ctx.Scope(), school_id));
    XA_ASSIGN_OR_RETURN(schools,
                        tx.hazards().OpenSchools(ctx.Scope(), school_id, hz::ChinaDate(now)));
    XA_ASSIGN_OR_RETURN(months,
                        tx.hazards().MonthStats(ctx.Scope(), school_id, hz::MonthOf(now, 11)));
    return {};
  }));
  return hz::FoldBoard(open, std::move(schools), months, now);
}

}  // namespace xiaoan::app
