#pragma once
// Expected failures are values: Result<T> holds either a T or an Error.
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace xiaoan {

enum class ErrorCode {
  kInvalidArgument,
  kUnauthenticated,
  kPermissionDenied,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kPayloadTooLarge,
  kInternal,
};

// One entry of Error::details: which field (or rule) and why.
struct ErrorDetail {
  std::string field;  // JSON field, column, or rule id
  std::string reason;
  int row = 0;  // 1-based data row for imports, 0 when not row-related
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<ErrorDetail> details;
};

std::string_view ErrorCodeName(ErrorCode code);

Error InvalidArgument(std::string field, std::string reason);
Error NotFound(std::string message);
Error AlreadyExists(std::string message, std::string field = {});
Error FailedPrecondition(std::string rule, std::string reason);
Error Internal(std::string message);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}      // NOLINT
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace xiaoan

// Propagates an error from an expression returning Result<...>.
#define XA_CONCAT_INNER(a, b) a##b
#define XA_CONCAT(a, b) XA_CONCAT_INNER(a, b)
#define XA_TRY(expr)                                                  \
  do {                                                                \
    auto&& xa_try_result = (expr);                                    \
    if (!xa_try_result.ok()) return std::move(xa_try_result).error(); \
  } while (0)
#define XA_ASSIGN_IMPL(tmp, lhs, expr)          \
  auto tmp = (expr);                            \
  if (!tmp.ok()) return std::move(tmp).error(); \
  lhs = std::move(tmp).value()
#define XA_ASSIGN_OR_RETURN(lhs, expr) XA_ASSIGN_IMPL(XA_CONCAT(xa_tmp_, __LINE__), lhs, expr)
