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
                 std::size_t body_limit, Runs runs) {
  auto segments = Split(pattern, '/');
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), std::move(access),
                     body_limit, std::move(segments), runs});
}

namespace {

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// The path's segments are compared with the route's, split once when it was added: the lookup
// runs on every request and allocates nothing until a route matches.
bool MatchSegments(const std::vector<std::string>& pattern,
                   const std::vector<std::string_view>& path) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsParam(pattern[i])) {
      if (path[i].empty()) return false;
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

std::vector<std::string_view> PathSegments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  for (;;) {
    const auto slash = path.find('/', from);
    out.push_back(path.substr(from, slash == std::string_view::npos ? slash : slash - from));
    if (slash == std::string_view::npos) return out;
    from = slash + 1;
  }
}

}  // namespace

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  Match m;
  // HEAD is served by the GET route (the server drops the body).
  const std::string_view want = method == "HEAD" ? std::string_view("GET") : method;
  const auto segments = PathSegments(path);
  for (const auto& r : routes_) {
    if (!MatchSegments(r.segments, segments)) continue;
    if (r.method == want) {
      m.kind = MatchKind::kFound;
      m.route = &r;
      for (std::size_t i = 0; i < segments.size(); ++i) {
        if (IsParam(r.segments[i])) {
          m.params[r.segments[i].substr(1, r.segments[i].size() - 2)] = std::string(segments[i]);
        }
      }
      return m;
    }
    m.kind = MatchKind::kWrongMethod;
  }
  return m;
}

}  // namespace xiaoan::http
