#include "app/duty/bureau.hpp"

#include "domain/store.hpp"

namespace xiaoan::app {

Result<domain::Unit> CallerBureau(domain::Tx& tx, const RequestContext& ctx,
                                  std::int64_t trusted_bureau_id, const std::string& refusal) {
  const auto unit_id = ctx.principal ? ctx.principal->unit_id : trusted_bureau_id;
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(unit_id));
  if (unit && unit->kind == "section" && unit->parent_id) {
    XA_ASSIGN_OR_RETURN(unit, tx.org().FindUnit(*unit->parent_id));
  }
  if (!unit || unit->kind != "bureau") {
    if (!ctx.principal) return NotFound("教育局不存在");
    return Error{ErrorCode::kPermissionDenied, refusal, {}};
  }
  return *unit;
}

std::string OptionCodeOf(std::span<const domain::duty::Option> options, const std::string& text) {
  for (const auto& o : options) {
    if (o.label == text || o.code == text) return std::string(o.code);
  }
  return text;
}

}  // namespace xiaoan::app
