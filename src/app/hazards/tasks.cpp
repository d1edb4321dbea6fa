// The hazard ledger's part in the platform's shared lists: its 我的待办 (hazards to assign, to
// rectify, to verify and to close) and what answering or closing a supervision order on a hazard
// does to it.
#include "app/hazards/hazard_internal.hpp"
#include "app/org/org_use_cases.hpp"

namespace xiaoan::app {

namespace hz = domain::hazard;

TaskSource HazardTaskSource() {
  return {"hazard", [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            const std::string today = hz::ChinaDate(s.clock.Now());
            // The hazards in some states: how many, how many past their deadline, and the ones
            // due first (a reported hazard has no deadline yet: the longest waiting first).
            const auto group = [&](const char* kind, const char* label,
                                   std::vector<std::string> states, const char* sort) -> Status {
              hz::HazardFilter f;
              f.states = std::move(states);
              XA_ASSIGN_OR_RETURN(auto found, ListHazards(s, ctx, f, {1, kTaskItems, sort}));
              f.overdue_before = today;
              XA_ASSIGN_OR_RETURN(auto late, ListHazards(s, ctx, f, {1, 1, ""}));
              TaskGroup g{kind, label, found.total, late.total, {}};
              for (const auto& h : found.items) {
                const std::string due = h.deadline.value_or("");
                g.items.push_back({"hazard", h.id, std::nullopt, h.title, h.school_name, due,
                                   !due.empty() && due < today});
              }
              out.push_back(std::move(g));
              return {};
            };
            if (ctx.Can(domain::perm::kHazardAssign)) {
              XA_TRY(group("hazard.assign", "待交办隐患", {"reported"}, "found_at"));
            }
            if (ctx.Can(domain::perm::kHazardRectify)) {
              XA_TRY(group("hazard.rectify", "待整改隐患", {"assigned", "rectifying"}, "deadline"));
            }
            if (ctx.Can(domain::perm::kHazardVerify)) {
              XA_TRY(group("hazard.verify", "待验收隐患", {"submitted"}, "deadline"));
            }
            if (ctx.Can(domain::perm::kHazardClose)) {
              XA_TRY(group("hazard.close", "待销号隐患", {"verified"}, "deadline"));
            }
            return out;
          }};
}

SupervisionSubject HazardSupervisionSubject() {
  return {"hazard",
          [](Services& s, domain::Tx& tx, const RequestContext& ctx,
             const domain::SupervisionOrder& o) -> Status {
            XA_ASSIGN_OR_RETURN(auto found, tx.hazards().Find(o.subject_id, domain::ScopeFilter{}));
            if (!found) return {};
            auto h = *found;
            const bool closed = o.state == domain::OrderState::kClosed;
            hz::HazardEvent e;
            e.hazard_id = h.id;
            e.at = s.Now();
            e.actor = ctx.actor;
            e.action = closed ? "supervision_close" : "supervision_reply";
            e.from_state = hz::StateCode(h.state);
            e.to_state = e.from_state;
            e.note = closed ? "督办单已办结：" + o.reason : o.reply;
            XA_TRY(tx.hazards().InsertEvent(e));
            // 挂牌督办 ends with the hazard's last order not yet closed.
            if (closed && h.supervised) {
              XA_ASSIGN_OR_RETURN(const auto unclosed, UnclosedOrders(tx, "hazard", h.id));
              if (unclosed == 0) {
                h.supervised = false;
                h.updated_at = e.at;
                XA_TRY(tx.hazards().Update(h));
              }
            }
            return {};
          }};
}

}  // namespace xiaoan::app
