#include "core/error.hpp"

namespace xiaoan {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kAlreadyExists:
      return "already_exists";
    case ErrorCode::kFailedPrecondition:
      return "failed_precondition";
    case ErrorCode::kPayloadTooLarge:
      return "payload_too_large";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

Error InvalidArgument(std::string field, std::string reason) {
  Error e{ErrorCode::kInvalidArgument, "字段 " + field + " 无效：" + reason, {}};
  e.details.push_back({std::move(field), std::move(reason), 0});
  return e;
}

Error NotFound(std::string message) { return {ErrorCode::kNotFound, std::move(message), {}}; }

Error AlreadyExists(std::string message, std::string field) {
  Error e{ErrorCode::kAlreadyExists, std::move(message), {}};
  if (!field.empty()) e.details.push_back({std::move(field), "已存在", 0});
  return e;
}

Error FailedPrecondition(std::string rule, std::string reason) {
  Error e{ErrorCode::kFailedPrecondition, reason, {}};
  e.details.push_back({std::move(rule), std::move(reason), 0});
  return e;
}

Error Internal(std::string message) { return {ErrorCode::kInternal, std::move(message), {}}; }

}  // namespace xiaoan
