#pragma once
#include <string>
#include <vector>

#include "http/request.hpp"

namespace xiaoan::http {

// How a route is guarded. Every route names its permission, is authenticated-only, or is public;
// the dispatcher enforces it before the handler runs.
struct Access {
  enum Kind { kPublic, kAuthenticated, kPermission } kind = kPermission;
  std::string permission;
  // Reachable while the user must still change an initial or expired password.
  bool during_password_change = false;
  static Access Public() { return {kPublic, {}, true}; }
  static Access LoggedIn(bool during_password_change = false) {
    return {kAuthenticated, {}, during_password_change};
  }
  static Access Need(std::string permission) { return {kPermission, std::move(permission), false}; }
};

// Where a request that may write runs. On the blocking pool by default: it may hash a password,
// read a workbook or store a file, and its thread waits for the commit. A short write that only
// reads and writes the database runs in the store's write batch instead (Store::RunInWriteBatch):
// on the committing thread, answered after the commit, with no thread waiting for it.
enum class Runs { kBlockingPool, kInWriteBatch };

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/schools/{id}"
  Handler handler;
  Access access;
  std::size_t body_limit = 0;         // 0: the server's configured default (server.max_body_bytes)
  std::vector<std::string> segments;  // the pattern split at '/', once, when the route is added
  Runs runs = Runs::kBlockingPool;
};

// The route table: exact segments and {param} segments.
class Router {
 public:
  void Add(std::string method, std::string pattern, Access access, Handler handler,
           std::size_t body_limit = 0, Runs runs = Runs::kBlockingPool);
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
