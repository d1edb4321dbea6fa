#pragma once
// The hazard ledger's rules as the rules engine declares them (measure 8): the default deadlines
// and the escalation rules, with the parameters a district changes. hazard.cpp reads and checks
// the district's settings against these declarations.
#include <span>

#include "domain/rules/rules.hpp"

namespace xiaoan::domain::hazard {

std::span<const rules::RuleDecl> RuleDecls();

}  // namespace xiaoan::domain::hazard
