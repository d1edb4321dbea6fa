#include "app/context.hpp"

namespace xiaoan::app {

domain::ScopeFilter RequestContext::Scope() const {
  if (!principal) return {};
  return domain::ScopeFilter::Of(principal->scope);
}

bool RequestContext::Covers(const std::string& unit_path) const {
  return !principal || principal->scope.Covers(unit_path);
}

Status RequirePermission(const RequestContext& ctx, const std::string& permission,
                         std::string_view what) {
  if (ctx.Can(permission)) return {};
  return Error{ErrorCode::kPermissionDenied,
               "您没有" + std::string(what) + "的权限（需要 " + permission + "）",
               {{permission, "缺少权限", 0}}};
}

RequestContext ContextFor(const Principal& p, std::string source, std::string request_id) {
  RequestContext ctx;
  ctx.actor = p.username;
  ctx.unit_id = p.unit_id;
  ctx.source = std::move(source);
  ctx.request_id = std::move(request_id);
  ctx.principal = p;
  return ctx;
}

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
