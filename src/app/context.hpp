#pragma once
// What every use case receives: who is acting, from where, and the services it may use.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

struct RequestContext {
  std::string actor = "system";  // username, or "system" / "cli:<command>"
  std::optional<domain::UnitId> unit_id;
  std::string source = "local";  // client address
  std::string request_id;
};

struct Services {
  domain::Store& store;
  const Clock& clock;
  std::string Now() const { return FormatInstant(clock.Now()); }
};

// Builds an audit entry for a successful write by the request's actor.
domain::AuditEntry AuditOf(const Services& s, const RequestContext& ctx, std::string action,
                           std::string object_type, std::string object_id, std::string summary);

}  // namespace xiaoan::app
