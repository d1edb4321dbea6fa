#pragma once
// Checklist templates (检查表): the shipped templates loaded as reference data; the templates'
// routes and the campaigns and patrols that use them build on this.
#include "app/context.hpp"
#include "domain/checklist/checklist.hpp"

namespace xiaoan::app {

// Writes each shipped template whose code has no version yet (version 1, marked shipped); a
// district's own versions of a shipped code are left alone. Reference data of the binary, like
// the built-in roles: loaded without an audit record. The number written.
Result<int> EnsureShippedChecklists(Services& s);

}  // namespace xiaoan::app
