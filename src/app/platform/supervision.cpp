// Supervision orders (督办单) on any module's record: raised by a module's rule inside its write,
// answered by the school, closed by the bureau (the state machine is domain/platform).
#include "app/org/org_use_cases.hpp"
#include "app/platform/platform.hpp"

namespace xiaoan::app {

namespace {
Error NotVisible() { return NotFound("督办单不存在或不在您的管辖范围内"); }
}  // namespace

Status RaiseSupervisionOrder(Services& s, domain::Tx& tx, domain::SupervisionOrder& order) {
  order.state = domain::OrderState::kOpen;
  order.created_at = s.Now();
  XA_TRY(tx.supervision().Insert(order));
  // The school hears of the order: its leaders and safety officers reply to it.
  XA_ASSIGN_OR_RETURN(auto school, tx.org().FindUnit(order.school_id));
  XA_ASSIGN_OR_RETURN(auto users,
                      Recipients(tx, order.school_id, {"school_leader", "school_safety_officer"}));
  return Notify(
      s, tx, users,
      {"supervision_order", "收到督办单，请于 " + order.deadline + " 前回复：" + order.reason,
       "【" + (school ? school->name : std::string()) + "】" + order.subject_title,
       order.subject_type, std::to_string(order.subject_id)});
}

Result<domain::PageResult<domain::SupervisionOrder>> ListSupervisionOrders(
    Services& s, const RequestContext& ctx, const domain::OrderFilter& filter,
    const domain::PageRequest& page) {
  XA_TRY(CheckPage(page, {"created_at", "deadline"}));
  domain::PageResult<domain::SupervisionOrder> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.supervision().List(filter, ctx.Scope(), page));
    return {};
  }));
  return out;
}

Result<domain::SupervisionOrder> ReplySupervisionOrder(Services& s, const RequestContext& ctx,
                                                       std::int64_t id, const std::string& reply) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardReply));
  if (reply.empty() || reply.size() > 4000) {
    return domain::ValidationError({{"reply", "回复不能为空且不超过 4000 个字节"}});
  }
  domain::SupervisionOrder o;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto found, tx.supervision().Find(id, ctx.Scope()));
    if (!found) return NotVisible();
    o = *found;
    XA_TRY(domain::ReplyToOrder(o, reply, ctx.actor, s.Now()));
    XA_TRY(tx.supervision().Update(o));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "supervision.reply", "supervision_order",
                                     std::to_string(o.id), "回复督办单：" + o.subject_title)));
    return {};
  }));
  return o;
}

Result<domain::SupervisionOrder> CloseSupervisionOrder(Services& s, const RequestContext& ctx,
                                                       std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardSupervise));
  domain::SupervisionOrder o;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto found, tx.supervision().Find(id, ctx.Scope()));
    if (!found) return NotVisible();
    o = *found;
    XA_TRY(domain::CloseOrder(o, ctx.actor, s.Now()));
    XA_TRY(tx.supervision().Update(o));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "supervision.close", "supervision_order",
                                     std::to_string(o.id), "办结督办单：" + o.subject_title)));
    return {};
  }));
  return o;
}

}  // namespace xiaoan::app
