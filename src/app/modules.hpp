#pragma once
// What each module contributes to the platform's shared services, in one place: a new module
// adds its entries here (docs/modules.md).
#include <vector>

#include "app/platform/platform.hpp"

namespace xiaoan::app {

// Record kinds that files are attached to, each with who may read such a record.
const std::vector<FileSubject>& FileSubjects();

}  // namespace xiaoan::app
