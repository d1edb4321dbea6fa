#pragma once
// Plain request/response types: handlers never see Boost.Beast (it stays in server.cpp and
// request_parse.cpp, which keep the heavy headers out of every other translation unit).
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "core/error.hpp"

namespace xiaoan::http {

struct HttpRequest {
  std::string method;                                      // "GET", "POST" …
  std::string target;                                      // as received
  std::string path;                                        // decoded path without query
  std::vector<std::pair<std::string, std::string>> query;  // decoded
  std::map<std::string, std::string> headers;              // lower-case names
  std::string body;
  std::string remote;
  std::string request_id;
  std::map<std::string, std::string> path_params;
  // Set by the dispatcher for authenticated routes.
  std::optional<app::Principal> principal;

  std::optional<std::string> Query(const std::string& name) const;
  std::string Header(const std::string& lower_name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

using Handler = std::function<Result<HttpResponse>(HttpRequest&)>;

inline constexpr std::size_t kDefaultBodyLimit = 1024 * 1024;

}  // namespace xiaoan::http
