// The audit administrator's 我的待办: what to look at in the log — refused actions and changes to
// accounts, roles and policy in the last 7 days — and whether the chain was verified lately.
#include "app/audit/audit_log.hpp"
#include "app/platform/platform.hpp"

namespace xiaoan::app {

namespace {

constexpr auto kWindow = std::chrono::days{7};

TaskItem ItemOf(const domain::AuditRecord& r) {
  const auto& e = r.entry;
  return {
      "audit",         r.id, std::nullopt, e.action + "：" + e.summary, e.actor, e.at.substr(0, 10),
      e.result != "ok"};
}

}  // namespace

TaskSource AuditTaskSource() {
  return {"audit", [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.Can(domain::perm::kAuditRead)) return out;
            const Instant now = s.clock.Now();
            const std::string since = FormatInstant(now - kWindow);
            XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
              // Refused in the last 7 days (403, out-of-scope writes, separation refusals …).
              domain::AuditFilter refused;
              refused.result = "denied";
              refused.from = since;
              refused.page = {1, kTaskItems, ""};
              XA_ASSIGN_OR_RETURN(auto denied, tx.audit().Search(refused));
              TaskGroup g{"audit.refused", "近 7 天被拒绝的操作", denied.total, 0, {}};
              for (const auto& r : denied.items) g.items.push_back(ItemOf(r));
              out.push_back(std::move(g));

              // Accounts, roles and the policy changed in the last 7 days, newest first.
              TaskGroup changes{"audit.accounts", "近 7 天账号、角色与安全策略变更", 0, 0, {}};
              std::vector<domain::AuditRecord> newest;
              for (const char* prefix : {"user.", "role.", "policy."}) {
                domain::AuditFilter f;
                f.action = prefix;
                f.from = since;
                f.page = {1, kTaskItems, ""};
                XA_ASSIGN_OR_RETURN(auto found, tx.audit().Search(f));
                changes.count += found.total;
                for (auto& r : found.items) newest.push_back(std::move(r));
              }
              std::sort(newest.begin(), newest.end(),
                        [](const auto& a, const auto& b) { return a.id > b.id; });
              for (const auto& r : newest) {
                if (static_cast<int>(changes.items.size()) == kTaskItems) break;
                changes.items.push_back(ItemOf(r));
              }
              out.push_back(std::move(changes));

              // The chain: a task while it was not verified in the last 7 days or the last
              // verification failed.
              domain::AuditFilter v;
              v.action = "audit.verify";
              v.page = {1, 1, ""};
              XA_ASSIGN_OR_RETURN(auto last, tx.audit().Search(v));
              TaskGroup chain{"audit.verify", "日志链校验", 1, 0, {}};
              if (!last.items.empty()) {
                const auto& r = last.items.front();
                const bool recent = r.entry.at >= since;
                const bool held = r.entry.result == "ok";
                chain.count = recent && held ? 0 : 1;
                chain.overdue = held ? 0 : 1;
                chain.label = held ? "日志链校验：最近一次通过" : "日志链校验：最近一次发现断点";
                chain.items.push_back(ItemOf(r));
              } else {
                chain.label = "日志链校验：尚未校验";
              }
              out.push_back(std::move(chain));
              return {};
            }));
            return out;
          }};
}

}  // namespace xiaoan::app
