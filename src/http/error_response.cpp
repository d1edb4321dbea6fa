#include "http/error_response.hpp"

#include <boost/json.hpp>

#include "http/json/fields.hpp"

namespace xiaoan::http {

namespace json = boost::json;

int HttpStatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 422;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

namespace {
HttpResponse Build(int status, std::string_view code, std::string message,
                   const std::vector<ErrorDetail>& details, const std::string& request_id) {
  json::array ds;
  for (const auto& d : details) {
    json::object o{{"field", d.field}, {"reason", d.reason}};
    if (d.row > 0) o["row"] = d.row;
    ds.push_back(std::move(o));
  }
  json::object err{{"code", code},
                   {"message", std::move(message)},
                   {"details", std::move(ds)},
                   {"request_id", request_id}};
  HttpResponse r;
  r.status = status;
  r.body = json::serialize(json::object{{"error", std::move(err)}});
  return r;
}
}  // namespace

HttpResponse ErrorResponse(const Error& error, const std::string& request_id) {
  if (IsBadJson(error)) return Build(400, "bad_request", error.message, {}, request_id);
  if (error.code == ErrorCode::kInternal) {
    // Details stay in the server log; the client gets the request id to quote.
    return Build(500, "internal", "服务器内部错误，请联系管理员并提供请求编号 " + request_id, {},
                 request_id);
  }
  return Build(HttpStatusOf(error.code), ErrorCodeName(error.code), error.message, error.details,
               request_id);
}

HttpResponse ProtocolError(int status, std::string_view code, std::string message,
                           const std::string& request_id) {
  return Build(status, code, std::move(message), {}, request_id);
}

}  // namespace xiaoan::http
