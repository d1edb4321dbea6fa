#include "domain/platform/field_checks.hpp"

#include "core/strings.hpp"
#include "domain/platform/personal_info.hpp"

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

bool IsReachablePhone(std::string_view phone) {
  if (IsMobileNumber(phone)) return true;
  std::string_view local = phone;
  if (const auto dash = phone.find('-'); dash != std::string_view::npos) {
    const auto area = phone.substr(0, dash);
    if (area.size() < 3 || area.size() > 4 || area[0] != '0' || !IsAllDigits(area)) return false;
    local = phone.substr(dash + 1);
  } else if (!phone.empty() && phone[0] == '0') {
    // The area code written without its dash: 0 and 2–3 digits, then the number.
    if (phone.size() < 10 || phone.size() > 12 || !IsAllDigits(phone)) return false;
    return true;
  }
  return (local.size() == 7 || local.size() == 8) && local[0] != '0' && IsAllDigits(local);
}

void CheckPhone(std::vector<ErrorDetail>& out, const std::string& field, const std::string& phone,
                bool required) {
  if (phone.empty()) {
    if (required) out.push_back({field, "请填写联系电话"});
    return;
  }
  if (!IsReachablePhone(phone)) {
    out.push_back({field, "联系电话须为 11 位手机号或固定电话（如 0571-87654321）"});
  }
}

}  // namespace xiaoan::domain
