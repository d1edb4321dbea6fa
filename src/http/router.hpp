#pragma once
#include <string>
#include <vector>

#include "http/request.hpp"

namespace xiaoan::http {

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/schools/{id}"
  Handler handler;
  std::size_t body_limit = 0;  // 0: the server's configured default (server.max_body_bytes)
};

// The route table: exact segments and {param} segments.
class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler, std::size_t body_limit = 0);
  enum class MatchKind { kFound, kNoPath, kWrongMethod };
  struct Match {
    MatchKind kind = MatchKind::kNoPath;
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
  };
  Match Find(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace xiaoan::http
