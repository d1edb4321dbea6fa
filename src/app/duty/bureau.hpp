#pragma once
// What the bureau's duty pages share (科室监管事项, 全区工作): the bureau the caller works at, and
// a workbook cell read as an option's code.
#include <cstdint>
#include <span>
#include <string>

#include "app/context.hpp"
#include "domain/duty/supervision.hpp"
#include "domain/org/org.hpp"

namespace xiaoan::domain {
class Tx;
}

namespace xiaoan::app {

// The caller's unit when it is a bureau, its bureau when it is one of the bureau's sections; a
// trusted caller names it (trusted_bureau_id, 404 when that is no bureau). 403 with `refusal` for
// anyone else.
Result<domain::Unit> CallerBureau(domain::Tx& tx, const RequestContext& ctx,
                                  std::int64_t trusted_bureau_id, const std::string& refusal);

// A workbook cell as an option's code: its label or its code; left as written otherwise, for the
// record's check to name.
std::string OptionCodeOf(std::span<const domain::duty::Option> options, const std::string& text);

}  // namespace xiaoan::app
