// The hazard ledger's part in the platform's shared lists: its 我的待办 (for a school's staff the
// hazards to assign, rectify, verify and close; for a bureau the schools with the most overdue
// and major hazards, and today's reports) and what answering or closing a supervision order on a
// hazard does to it.
#include <algorithm>
#include <tuple>

#include "app/hazards/hazard_internal.hpp"
#include "app/org/org_use_cases.hpp"

namespace xiaoan::app {

namespace hz = domain::hazard;

namespace {

// The hazards of one school in some states: the school's own work, few enough to read whole
// (the school's index, then sorted here: the earliest deadline first, none last).
Status SchoolGroup(Services& s, const RequestContext& ctx, domain::UnitId school,
                   const std::string& today, std::vector<TaskGroup>& out, const char* kind,
                   const char* label, std::vector<std::string> states) {
  hz::HazardFilter f;
  f.school_id = school;
  f.states = std::move(states);
  XA_ASSIGN_OR_RETURN(auto found, ListHazards(s, ctx, f, {1, kTaskScan, ""}));
  auto& hazards = found.items;
  std::stable_sort(hazards.begin(), hazards.end(), [](const hz::Hazard& a, const hz::Hazard& b) {
    if (a.deadline.has_value() != b.deadline.has_value()) return a.deadline.has_value();
    return a.deadline && *a.deadline < *b.deadline;
  });
  TaskGroup g{kind, label, found.total, 0, {}};
  for (const auto& h : hazards) {
    const std::string due = h.deadline.value_or("");
    const bool late = !due.empty() && due < today;
    if (late) ++g.overdue;
    if (static_cast<int>(g.items.size()) < kTaskItems) {
      g.items.push_back({"hazard", h.id, std::nullopt, h.title, h.school_name, due, late});
    }
  }
  out.push_back(std::move(g));
  return {};
}

// The bureau's view: the schools with the most overdue and major open hazards, and what was
// reported today.
Status BureauGroups(Services& s, const RequestContext& ctx, const std::string& today,
                    std::vector<TaskGroup>& out) {
  std::vector<hz::SchoolOpen> schools;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(schools, tx.hazards().OpenSchools(ctx.Scope(), std::nullopt, today));
    return {};
  }));
  std::stable_sort(schools.begin(), schools.end(), [](const auto& a, const auto& b) {
    return std::tie(a.overdue, a.open_major, a.supervised) >
           std::tie(b.overdue, b.open_major, b.supervised);
  });
  TaskGroup ranked{"hazard.schools", "超期、重大隐患较多的学校", 0, 0, {}};
  for (const auto& x : schools) {
    if (x.overdue == 0 && x.open_major == 0) continue;
    ++ranked.count;
    ranked.overdue += x.overdue;
    if (static_cast<int>(ranked.items.size()) < kTaskItems) {
      ranked.items.push_back({"school", x.school_id, std::nullopt,
                              "超期 " + std::to_string(x.overdue) + " 项 · 重大 " +
                                  std::to_string(x.open_major) + " 项 · 督办 " +
                                  std::to_string(x.supervised) + " 项",
                              x.school_name, "", x.overdue > 0});
    }
  }
  out.push_back(std::move(ranked));

  // Reported since 00:00 China time.
  const Instant now = s.clock.Now();
  constexpr auto kChina = std::chrono::hours(8);
  const Instant midnight = std::chrono::floor<std::chrono::days>(now + kChina) -
                           std::chrono::duration_cast<std::chrono::milliseconds>(kChina);
  hz::HazardFilter f;
  f.found_from = FormatInstant(midnight);
  XA_ASSIGN_OR_RETURN(auto found, ListHazards(s, ctx, f, {1, kTaskItems, "-found_at"}));
  TaskGroup fresh{"hazard.today", "今日新上报隐患", found.total, 0, {}};
  for (const auto& h : found.items) {
    fresh.items.push_back(
        {"hazard", h.id, std::nullopt, h.title, h.school_name, h.deadline.value_or(""), false});
  }
  out.push_back(std::move(fresh));
  return {};
}

}  // namespace

TaskSource HazardTaskSource() {
  return {"hazard", [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(domain::perm::kHazardRead)) return out;
            const std::string today = hz::ChinaDate(s.clock.Now());
            // A school's staff do the ledger's work; a bureau watches its schools.
            if (ctx.principal->unit_kind != "school") {
              XA_TRY(BureauGroups(s, ctx, today, out));
              return out;
            }
            const auto school = ctx.principal->unit_id;
            const auto group = [&](const char* kind, const char* label,
                                   std::vector<std::string> states) {
              return SchoolGroup(s, ctx, school, today, out, kind, label, std::move(states));
            };
            if (ctx.Can(domain::perm::kHazardAssign)) {
              XA_TRY(group("hazard.assign", "待交办隐患", {"reported"}));
            }
            if (ctx.Can(domain::perm::kHazardRectify)) {
              XA_TRY(group("hazard.rectify", "待整改隐患", {"assigned", "rectifying"}));
            }
            if (ctx.Can(domain::perm::kHazardVerify)) {
              XA_TRY(group("hazard.verify", "待验收隐患", {"submitted"}));
            }
            if (ctx.Can(domain::perm::kHazardClose)) {
              XA_TRY(group("hazard.close", "待销号隐患", {"verified"}));
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
