#pragma once
#include "core/error.hpp"
#include "http/request.hpp"

namespace xiaoan::http {
// The only mapping from ErrorCode to HTTP status, and the one JSON error shape:
// {"error":{"code":"…","message":"…","details":[…],"request_id":"…"}}
int HttpStatusOf(ErrorCode code);
HttpResponse ErrorResponse(const Error& error, const std::string& request_id);
// Errors produced by the transport itself (bad JSON, unknown route, body too large …).
HttpResponse ProtocolError(int status, std::string_view code, std::string message,
                           const std::string& request_id);
}  // namespace xiaoan::http
