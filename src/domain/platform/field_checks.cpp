#include "domain/platform/field_checks.hpp"

#include "core/strings.hpp"

namespace xiaoan::domain {

void CheckText(std::vector<ErrorDetail>& out, const std::string& field, const std::string& value,
               const std::string& what, std::size_t max, bool required) {
  if (const auto problem = TextProblem(value); !problem.empty()) {
    out.push_back({field, what + problem});
  } else if (required && IsBlank(value)) {
    out.push_back({field, "请填写" + what});
  } else if (Utf8Length(value).value_or(0) > max) {
    out.push_back({field, what + "不能超过 " + std::to_string(max) + " 个字"});
  }
}

}  // namespace xiaoan::domain
