#include "domain/platform/supervision.hpp"

#include <array>

namespace xiaoan::domain {

namespace {
constexpr std::array<std::string_view, 3> kCodes = {"open", "replied", "closed"};
}  // namespace

std::string_view OrderStateCode(OrderState state) { return kCodes[static_cast<int>(state)]; }

std::optional<OrderState> OrderStateFromCode(std::string_view code) {
  for (std::size_t i = 0; i < kCodes.size(); ++i) {
    if (kCodes[i] == code) return static_cast<OrderState>(i);
  }
  return std::nullopt;
}

Status ReplyToOrder(SupervisionOrder& order, const std::string& reply, const std::string& actor,
                    const std::string& at) {
  if (order.state == OrderState::kClosed) {
    return FailedPrecondition("supervision.state", "督办单已办结");
  }
  order.state = OrderState::kReplied;
  order.reply = reply;
  order.replied_by = actor;
  order.replied_at = at;
  return {};
}

Status CloseOrder(SupervisionOrder& order, const std::string& actor, const std::string& at) {
  if (order.state != OrderState::kReplied) {
    return FailedPrecondition("supervision.state", order.state == OrderState::kClosed
                                                       ? "督办单已办结"
                                                       : "学校尚未回复，不能办结");
  }
  order.state = OrderState::kClosed;
  order.closed_at = at;
  order.closed_by = actor;
  return {};
}

}  // namespace xiaoan::domain
