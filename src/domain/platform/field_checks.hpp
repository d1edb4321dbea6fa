#pragma once
// The checks of a form's text fields that many records share, each problem naming its field.
#include <cstddef>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::domain {

// A text that can be stored (TextProblem), present when required (not blank), and at most `max`
// characters; the reasons start with `what` (姓名不能超过 20 个字, 请填写姓名).
void CheckText(std::vector<ErrorDetail>& out, const std::string& field, const std::string& value,
               const std::string& what, std::size_t max, bool required);

}  // namespace xiaoan::domain
