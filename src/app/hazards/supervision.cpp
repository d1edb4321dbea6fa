// Supervision orders (督办单), self-inspection results and notifications.
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

Result<domain::PageResult<hz::SupervisionOrder>> ListSupervisionOrders(
    Services& s, const RequestContext& ctx, const hz::OrderFilter& filter,
    const domain::PageRequest& page) {
  XA_TRY(CheckPage(page, {"created_at", "deadline"}));
  domain::PageResult<hz::SupervisionOrder> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.hazards().ListOrders(filter, ctx.Scope(), page));
    return {};
  }));
  return out;
}

Result<hz::SupervisionOrder> ReplySupervisionOrder(Services& s, const RequestContext& ctx,
                                                   std::int64_t id, const std::string& reply) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardReply));
  if (reply.empty() || reply.size() > 4000) {
    return domain::ValidationError({{"reply", "回复不能为空且不超过 4000 个字节"}});
  }
  hz::SupervisionOrder o;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto found, tx.hazards().FindOrder(id, ctx.Scope()));
    if (!found) return NotFound("督办单不存在或不在您的管辖范围内");
    o = *found;
    if (o.state == "closed") return FailedPrecondition("supervision.state", "督办单已办结");
    o.state = "replied";
    o.reply = reply;
    o.replied_by = ctx.actor;
    o.replied_at = s.Now();
    XA_TRY(tx.hazards().UpdateOrder(o));
    return hazard_internal::AppendAudit(
        tx, AuditOf(s, ctx, "supervision.reply", "supervision_order", std::to_string(o.id),
                    "回复督办单：" + o.hazard_title));
  }));
  return o;
}

Result<hz::SupervisionOrder> CloseSupervisionOrder(Services& s, const RequestContext& ctx,
                                                   std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardSupervise));
  hz::SupervisionOrder o;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto found, tx.hazards().FindOrder(id, ctx.Scope()));
    if (!found) return NotFound("督办单不存在或不在您的管辖范围内");
    o = *found;
    if (o.state != "replied") {
      return FailedPrecondition("supervision.state",
                                o.state == "closed" ? "督办单已办结" : "学校尚未回复，不能办结");
    }
    o.state = "closed";
    o.closed_at = s.Now();
    o.closed_by = ctx.actor;
    XA_TRY(tx.hazards().UpdateOrder(o));
    return hazard_internal::AppendAudit(
        tx, AuditOf(s, ctx, "supervision.close", "supervision_order", std::to_string(o.id),
                    "办结督办单：" + o.hazard_title));
  }));
  return o;
}

Result<NotificationPage> ListNotifications(Services& s, const RequestContext& ctx, bool unread_only,
                                           const domain::PageRequest& page) {
  if (!ctx.principal) return NotificationPage{};
  XA_TRY(CheckPage(page, {}));
  NotificationPage out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out.page,
                        tx.hazards().Notifications(ctx.principal->user_id, unread_only, page));
    XA_ASSIGN_OR_RETURN(out.unread, tx.hazards().UnreadCount(ctx.principal->user_id));
    return {};
  }));
  return out;
}

Result<std::int64_t> MarkNotificationsRead(Services& s, const RequestContext& ctx,
                                           std::optional<std::int64_t> id) {
  if (!ctx.principal) return std::int64_t{0};
  std::int64_t changed = 0;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(changed, tx.hazards().MarkRead(ctx.principal->user_id, id, s.Now()));
    return {};
  }));
  return changed;
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
