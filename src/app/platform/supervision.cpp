// Supervision orders (督办单) on any module's record: raised by a module's rule inside its write,
// answered by the school, closed by the bureau (the state machine is domain/platform).
#include <algorithm>

#include "app/modules.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/platform/platform.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::app {

namespace {
Error NotVisible() { return NotFound("督办单不存在或不在您的管辖范围内"); }

// The order's record hears of the reply or the closing, in the same write.
Status TellSubject(Services& s, domain::Tx& tx, const RequestContext& ctx,
                   const domain::SupervisionOrder& o) {
  for (const auto& subject : SupervisionSubjects()) {
    if (subject.type == o.subject_type) return subject.changed(s, tx, ctx, o);
  }
  return {};
}
}  // namespace

Result<std::int64_t> UnclosedOrders(domain::Tx& tx, const std::string& subject_type,
                                    std::int64_t subject_id) {
  std::int64_t n = 0;
  for (const auto state : {domain::OrderState::kOpen, domain::OrderState::kReplied}) {
    domain::OrderFilter f;
    f.state = state;
    f.subject_type = subject_type;
    f.subject_id = subject_id;
    XA_ASSIGN_OR_RETURN(auto found, tx.supervision().List(f, domain::ScopeFilter{}, {1, 1, ""}));
    n += found.total;
  }
  return n;
}

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
    XA_TRY(TellSubject(s, tx, ctx, o));
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
    XA_TRY(TellSubject(s, tx, ctx, o));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "supervision.close", "supervision_order",
                                     std::to_string(o.id), "办结督办单：" + o.subject_title)));
    return {};
  }));
  return o;
}

TaskSource SupervisionTaskSource() {
  return {
      "supervision", [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
        std::vector<TaskGroup> out;
        const std::string today = domain::hazard::ChinaDate(s.clock.Now());
        // Orders of one state, the earliest reply deadline first; `late_only`: those whose
        // deadline has passed. Counted over the first kTaskScan orders.
        // The open orders are read once for both the school's and the bureau's groups.
        std::optional<domain::PageResult<domain::SupervisionOrder>> open;
        const auto group = [&](const char* kind, const char* label, domain::OrderState state,
                               bool late_only) -> Status {
          domain::PageResult<domain::SupervisionOrder> found;
          if (state == domain::OrderState::kOpen && open) {
            found = *open;
          } else {
            domain::OrderFilter f;
            f.state = state;
            // A school's own orders are few: read through the school's index and sorted here; a
            // bureau's are read in deadline order from the index by state and deadline.
            const bool school = ctx.principal && ctx.principal->unit_kind == "school";
            if (school) f.school_id = ctx.principal->unit_id;
            XA_ASSIGN_OR_RETURN(
                found, ListSupervisionOrders(s, ctx, f, {1, kTaskScan, school ? "" : "deadline"}));
            if (school) {
              std::stable_sort(
                  found.items.begin(), found.items.end(),
                  [](const auto& a, const auto& b) { return a.deadline < b.deadline; });
            }
            if (state == domain::OrderState::kOpen) open = found;
          }
          TaskGroup g{kind, label, late_only ? 0 : found.total, 0, {}};
          for (const auto& o : found.items) {
            const bool late = !o.deadline.empty() && o.deadline < today;
            if (late) ++g.overdue;
            if (late_only && !late) continue;
            if (late_only) ++g.count;
            if (static_cast<int>(g.items.size()) < kTaskItems) {
              g.items.push_back({o.subject_type, o.subject_id, o.id, o.subject_title, o.school_name,
                                 o.deadline, late});
            }
          }
          out.push_back(std::move(g));
          return {};
        };
        if (ctx.Can(domain::perm::kHazardReply)) {
          XA_TRY(group("supervision.reply", "待回复督办单", domain::OrderState::kOpen, false));
        }
        if (ctx.Can(domain::perm::kHazardSupervise)) {
          XA_TRY(group("supervision.close", "待办结督办单", domain::OrderState::kReplied, false));
          XA_TRY(group("supervision.late", "逾期未回复督办单", domain::OrderState::kOpen, true));
        }
        return out;
      }};
}

Result<std::vector<TaskGroup>> ListMyTasks(Services& s, const RequestContext& ctx) {
  std::vector<TaskGroup> out;
  for (const auto& source : TaskSources()) {
    XA_ASSIGN_OR_RETURN(auto groups, source.groups(s, ctx));
    for (auto& g : groups) out.push_back(std::move(g));
  }
  return out;
}

}  // namespace xiaoan::app
