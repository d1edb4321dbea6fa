#include "domain/store.hpp"

#include <algorithm>

namespace xiaoan::domain {

ScopeFilter ScopeFilter::Of(const DataScope& scope) {
  if (scope.kind == ScopeKind::kAll) return {};
  ScopeFilter f;
  f.all = false;
  f.exact = scope.kind == ScopeKind::kOwn || scope.kind == ScopeKind::kOwnUnit;
  f.paths = scope.paths;
  return f;
}

std::vector<std::string> ScopeFilter::Roots() const {
  std::vector<std::string> sorted = paths;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> out;
  for (auto& p : sorted) {
    // Sorted, a path inside another follows it (paths end with '/', so "/1/2/" never looks
    // like it holds "/1/20/").
    if (!out.empty() && p.compare(0, out.back().size(), out.back()) == 0) continue;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace xiaoan::domain
