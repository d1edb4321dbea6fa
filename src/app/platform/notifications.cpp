// In-app notifications for every module: recipients by unit and role, and the bell.
#include <set>

#include "app/org/org_use_cases.hpp"
#include "app/platform/platform.hpp"

namespace xiaoan::app {

Result<std::vector<std::int64_t>> Recipients(domain::Tx& tx, std::int64_t unit_id,
                                             const std::vector<std::string>& role_codes) {
  std::vector<std::int64_t> out;
  std::set<std::int64_t> seen;
  for (const auto& role : role_codes) {
    XA_ASSIGN_OR_RETURN(auto ids, tx.notifications().UsersWithRole(unit_id, role));
    for (auto id : ids) {
      if (seen.insert(id).second) out.push_back(id);
    }
  }
  return out;
}

Status Notify(Services& s, domain::Tx& tx, const std::vector<std::int64_t>& users,
              const NotificationInput& in, const std::string& except_username) {
  std::set<std::int64_t> seen;
  for (auto id : users) {
    if (!seen.insert(id).second) continue;
    if (!except_username.empty()) {
      XA_ASSIGN_OR_RETURN(auto u, tx.users().FindById(id));
      if (u && u->username == except_username) continue;
    }
    domain::Notification n;
    n.user_id = id;
    n.kind = in.kind;
    n.title = in.title;
    n.body = in.body;
    n.object_type = in.object_type;
    n.object_id = in.object_id;
    n.created_at = s.Now();
    XA_TRY(tx.notifications().Insert(n));
  }
  return {};
}

Result<NotificationPage> ListNotifications(Services& s, const RequestContext& ctx, bool unread_only,
                                           const domain::PageRequest& page) {
  if (!ctx.principal) return NotificationPage{};
  if (!page.sort.empty()) return InvalidArgument("sort", "通知固定按时间倒序排列");
  XA_TRY(CheckPage(page, {}));
  NotificationPage out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out.page,
                        tx.notifications().List(ctx.principal->user_id, unread_only, page));
    XA_ASSIGN_OR_RETURN(out.unread, tx.notifications().UnreadCount(ctx.principal->user_id));
    return {};
  }));
  return out;
}

Result<std::int64_t> MarkNotificationsRead(Services& s, const RequestContext& ctx,
                                           std::optional<std::int64_t> id) {
  if (!ctx.principal) return std::int64_t{0};
  std::int64_t changed = 0;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(changed, tx.notifications().MarkRead(ctx.principal->user_id, id, s.Now()));
    return {};
  }));
  return changed;
}

}  // namespace xiaoan::app
