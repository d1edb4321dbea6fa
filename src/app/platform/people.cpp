// People by name: the staff of a unit to choose from wherever a person is named (an owner, a
// duty, a trainee), and the display names of the usernames a record keeps.
#include <algorithm>
#include <set>

#include "app/platform/platform.hpp"

namespace xiaoan::app {

Result<std::vector<StaffMember>> ListStaff(Services& s, const RequestContext& ctx,
                                           std::optional<domain::UnitId> unit_id,
                                           const std::string& q) {
  if (q.size() > 64) return domain::ValidationError({{"q", "不能超过 64 个字节"}});
  std::vector<StaffMember> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    domain::UnitId id = 0;
    if (unit_id) {
      id = *unit_id;
    } else if (ctx.principal) {
      id = ctx.principal->unit_id;
    } else {
      return domain::ValidationError({{"unit_id", "请指定单位"}});
    }
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(id));
    if (!unit || !ctx.Covers(unit->path)) return NotFound("单位不存在或不在您的管辖范围内");
    domain::UserFilter f;
    f.q = q;
    f.unit_id = id;
    f.status = "active";
    f.scope = ctx.Scope();
    f.page = {1, kStaffLimit, ""};
    XA_ASSIGN_OR_RETURN(auto users, tx.users().List(f));
    for (const auto& u : users.items) {
      StaffMember m;
      m.user_id = u.id;
      m.username = u.username;
      m.display_name = u.display_name;
      m.unit_id = u.unit_id;
      m.unit_name = unit->name;
      XA_ASSIGN_OR_RETURN(auto roles, tx.users().RolesOf(u.id));
      for (const auto& r : roles) m.roles.push_back({r.code, r.name});
      out.push_back(std::move(m));
    }
    return {};
  }));
  // By name as people read it (the list's own order is by username).
  std::stable_sort(out.begin(), out.end(), [](const StaffMember& a, const StaffMember& b) {
    return a.display_name < b.display_name;
  });
  return out;
}

Result<std::map<std::string, std::string>> DisplayNames(domain::Tx& tx,
                                                        const std::vector<std::string>& usernames) {
  std::vector<std::string> people;
  for (const auto& name : std::set<std::string>(usernames.begin(), usernames.end())) {
    if (name.empty() || name == "system" || name.rfind("cli:", 0) == 0) continue;
    people.push_back(name);
  }
  if (people.empty()) return std::map<std::string, std::string>{};
  return tx.users().DisplayNames(people);
}

}  // namespace xiaoan::app
