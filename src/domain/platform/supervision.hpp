#pragma once
// Supervision orders (督办单): raised by the bureau, or by a rule, on any subject a module keeps
// (a hazard today; a failed rule, an overdue whistle, a school's missing reports tomorrow),
// keyed by the subject's type and id. The school answers (回复) and the bureau closes (办结).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;

enum class OrderState { kOpen, kReplied, kClosed };
std::string_view OrderStateCode(OrderState state);
std::optional<OrderState> OrderStateFromCode(std::string_view code);

struct SupervisionOrder {
  std::int64_t id = 0;
  std::string subject_type;  // the module's record kind, e.g. "hazard"
  std::int64_t subject_id = 0;
  std::string subject_title;   // the subject's title when the order was raised
  std::int64_t school_id = 0;  // the unit that must answer
  std::string rule;
  std::string reason;
  std::string deadline;  // YYYY-MM-DD for the reply
  OrderState state = OrderState::kOpen;
  std::string reply;
  std::string replied_by;
  std::optional<std::string> replied_at;
  std::string created_at;
  std::optional<std::string> closed_at;
  std::string closed_by;
  // Read-only, filled by queries:
  std::string school_name;
};

// The order's state machine: a reply is accepted until the order is closed (a second reply
// replaces the first); only a replied order can be closed. Each refusal is failed_precondition
// with the rule `supervision.state`.
Status ReplyToOrder(SupervisionOrder& order, const std::string& reply, const std::string& actor,
                    const std::string& at);
Status CloseOrder(SupervisionOrder& order, const std::string& actor, const std::string& at);

struct OrderFilter {
  std::optional<OrderState> state;
  std::optional<std::int64_t> school_id;
  std::optional<std::string> subject_type;
  std::optional<std::int64_t> subject_id;
};

class SupervisionRepository {
 public:
  virtual ~SupervisionRepository() = default;
  virtual Status Insert(SupervisionOrder& o) = 0;  // assigns id
  // Writes the reply and closing fields and the state.
  virtual Status Update(const SupervisionOrder& o) = 0;
  virtual Result<std::optional<SupervisionOrder>> Find(std::int64_t id,
                                                       const ScopeFilter& scope) = 0;
  virtual Result<PageResult<SupervisionOrder>> List(const OrderFilter& f, const ScopeFilter& scope,
                                                    const PageRequest& page) = 0;
};

}  // namespace xiaoan::domain
