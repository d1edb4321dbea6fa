#pragma once
// The checks of a form's text fields that many records share, each problem naming its field.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::domain {

// A text that can be stored (TextProblem), present when required (not blank), and at most `max`
// characters; the reasons start with `what` (姓名不能超过 20 个字, 请填写姓名).
void CheckText(std::vector<ErrorDetail>& out, const std::string& field, const std::string& value,
               const std::string& what, std::size_t max, bool required);

// A phone that reaches a person: a mainland mobile number (11 digits, 1 then 3–9), or a fixed
// line of 7 or 8 digits with or without its area code (0 and 2–3 digits, then an optional "-").
bool IsReachablePhone(std::string_view phone);
// A phone as entered: reachable when given (请填写联系电话 when required and blank).
void CheckPhone(std::vector<ErrorDetail>& out, const std::string& field, const std::string& phone,
                bool required);

}  // namespace xiaoan::domain
