#include "app/context.hpp"

namespace xiaoan::app {

domain::AuditEntry AuditOf(const Services& s, const RequestContext& ctx, std::string action,
                           std::string object_type, std::string object_id, std::string summary) {
  domain::AuditEntry e;
  e.at = s.Now();
  e.actor = ctx.actor;
  e.unit_id = ctx.unit_id;
  e.action = std::move(action);
  e.object_type = std::move(object_type);
  e.object_id = std::move(object_id);
  e.result = "ok";
  e.source = ctx.source;
  e.request_id = ctx.request_id;
  e.summary = std::move(summary);
  return e;
}

}  // namespace xiaoan::app
