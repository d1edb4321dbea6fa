#pragma once
// What each module contributes to the platform's shared services, in one place: a new module
// adds its entries here (docs/modules.md).
#include <vector>

#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"

namespace xiaoan::app {

// Record kinds that files are attached to, each with who may read such a record.
const std::vector<FileSubject>& FileSubjects();

// Each module's rules for the rules engine's catalog.
const std::vector<RuleModule>& RuleModules();

}  // namespace xiaoan::app
