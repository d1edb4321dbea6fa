#pragma once
// Turning the bytes of one HTTP/1.1 request into an HttpRequest, as the server does: the header
// within its limit, the body within the route's, the target split into a decoded path and query.
// The server reads from a socket; ParseRequestBytes reads from memory (the fuzzers, the tests).
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace xiaoan::http {

// Fills `out` from an already parsed request's parts (Beast stays inside request_parse.cpp and
// server.cpp). An unparsable target gives a path no route matches.
struct ParsedParts {
  std::string_view method;
  std::string_view target;
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string body;
};
void FillRequest(ParsedParts in, HttpRequest& out, const std::string& remote,
                 bool trust_forwarded_for);

// One request from memory. body_limit: the body limit for (method, path), as the server asks
// the router. Malformed bytes, a header past max_header_bytes or a body past its limit are an
// error (the server answers 400, 431 or 413).
Result<HttpRequest> ParseRequestBytes(
    std::string_view bytes, std::size_t max_header_bytes,
    const std::function<std::size_t(const std::string&, const std::string&)>& body_limit);

}  // namespace xiaoan::http
