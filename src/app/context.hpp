#pragma once
// What every use case receives: who is acting, from where, and the services it may use.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

// The authenticated caller: who, where in the organisation, what they may do and see.
struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  domain::UnitId unit_id = 0;
  std::string unit_name;
  std::string unit_path;
  std::string unit_kind;
  std::vector<domain::Role> roles;
  std::set<std::string> permissions;
  domain::DataScope scope;
  bool must_change_password = false;
  bool must_enroll_totp = false;  // policy requires a second factor not yet set up
  std::int64_t token_id = 0;      // authenticated by an API token
  std::string session_hash;       // empty for other kinds of authentication
  std::string csrf_token;
  bool Can(const std::string& permission) const { return permissions.count(permission) > 0; }
};

struct RequestContext {
  std::string actor = "system";  // username, or "system" / "cli:<command>"
  std::optional<domain::UnitId> unit_id;
  std::string source = "local";  // client address
  std::string request_id;
  // Absent for trusted local callers (the command line, jobs): they see everything.
  std::optional<Principal> principal;

  // The caller's data scope as a query filter; a request can never widen it.
  domain::ScopeFilter Scope() const;
  bool Covers(const std::string& unit_path) const;
  // Whether the caller holds the permission (trusted local callers hold every one).
  bool Can(const std::string& permission) const { return !principal || principal->Can(permission); }
};

RequestContext ContextFor(const Principal& p, std::string source, std::string request_id);

// permission_denied naming the permission unless the caller holds it (trusted local callers
// always do): "您没有<what>的权限（需要 <permission>）".
Status RequirePermission(const RequestContext& ctx, const std::string& permission,
                         std::string_view what = "执行此操作");

struct Services {
  domain::Store& store;
  const Clock& clock;
  // Where uploaded files are kept, by content hash (<data_dir>/files); empty: uploads refused.
  std::string files_dir;
  // The GM profile's field encryption is on: phone and ID-card numbers are masked in lists and
  // exports (domain/platform/personal_info.hpp); a record's own page shows them whole.
  bool mask_personal_fields = false;
  std::string Now() const { return FormatInstant(clock.Now()); }
};

// Builds an audit entry for a successful write by the request's actor.
domain::AuditEntry AuditOf(const Services& s, const RequestContext& ctx, std::string action,
                           std::string object_type, std::string object_id, std::string summary);

}  // namespace xiaoan::app
