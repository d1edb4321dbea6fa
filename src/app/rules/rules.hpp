#pragma once
// The rules engine's catalog: every module's declared rules with the values in force, for the
// API and the console's rule pages (docs/rules.md).
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::app {

// What a module registers (app/modules.cpp): its rules, the values in force (read in the caller's
// transaction) and where they are configured.
struct RuleModule {
  std::string module;  // "hazard"
  std::span<const domain::rules::RuleDecl> rules;
  std::function<Result<domain::rules::ParamValues>(domain::Tx&)> values;
  std::string configure_path;  // the API route that changes them
};

struct RuleView {
  const domain::rules::RuleDecl* rule = nullptr;
  std::string module;
  domain::rules::ParamValues values;  // in force: stored or default
  std::string configure_path;
};

// Every registered rule, in registration order; measure filters when set (1–21).
// The catalog is the same for everyone signed in.
Result<std::vector<RuleView>> ListRules(Services& s, std::optional<int> measure);

}  // namespace xiaoan::app
