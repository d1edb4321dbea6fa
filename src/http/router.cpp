#include "http/router.hpp"

#include "core/strings.hpp"

namespace xiaoan::http {

std::optional<std::string> HttpRequest::Query(const std::string& name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::string HttpRequest::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

void Router::Add(std::string method, std::string pattern, Access access, Handler handler,
                 std::size_t body_limit) {
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(handler), std::move(access), body_limit});
}

namespace {
bool MatchPattern(const std::string& pattern, const std::string& path,
                  std::map<std::string, std::string>& params) {
  const auto ps = Split(pattern, '/');
  const auto xs = Split(path, '/');
  if (ps.size() != xs.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (ps[i].size() > 2 && ps[i].front() == '{' && ps[i].back() == '}') {
      if (xs[i].empty()) return false;
      found[ps[i].substr(1, ps[i].size() - 2)] = xs[i];
    } else if (ps[i] != xs[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}
}  // namespace

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  Match m;
  // HEAD is served by the GET route (the server drops the body).
  const std::string& want = method == "HEAD" ? std::string("GET") : method;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, path, params)) continue;
    if (r.method == want) {
      m.kind = MatchKind::kFound;
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
    m.kind = MatchKind::kWrongMethod;
  }
  return m;
}

}  // namespace xiaoan::http
