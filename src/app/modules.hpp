#pragma once
// What each module contributes to the platform's shared services, in one place: a new module
// adds its entries here (docs/modules.md).
#include <vector>

#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"

namespace xiaoan::app {

// Record kinds that files are attached to, each with who may read such a record.
const std::vector<FileSubject>& FileSubjects();

// Record kinds that supervision orders are raised on, each with what answering or closing an
// order does to the record.
const std::vector<SupervisionSubject>& SupervisionSubjects();

// Where each module's 我的待办 come from, in the order the home page shows them.
const std::vector<TaskSource>& TaskSources();

// Each module's rules for the rules engine's catalog.
const std::vector<RuleModule>& RuleModules();

}  // namespace xiaoan::app
