#include "domain/store.hpp"

namespace xiaoan::domain {

ScopeFilter ScopeFilter::Of(const DataScope& scope) {
  if (scope.kind == ScopeKind::kAll) return {};
  ScopeFilter f;
  f.all = false;
  f.exact = scope.kind == ScopeKind::kOwn || scope.kind == ScopeKind::kOwnUnit;
  f.paths = scope.paths;
  return f;
}

}  // namespace xiaoan::domain
