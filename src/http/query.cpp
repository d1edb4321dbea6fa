#include "http/query.hpp"

#include <algorithm>

#include "core/strings.hpp"

namespace xiaoan::http {

std::optional<std::string> QueryReader::Str(const char* name) {
  known_.insert(name);
  auto v = req_.Query(name);
  if (v && v->empty()) return std::nullopt;
  if (v) {
    if (std::string problem = TextProblem(*v); !problem.empty()) {
      errors_.push_back({name, problem, 0});
      return std::nullopt;
    }
  }
  return v;
}

std::optional<std::int64_t> QueryReader::Int(const char* name) {
  auto v = Str(name);
  if (!v) return std::nullopt;
  auto n = ParseInt(*v);
  if (!n) {
    errors_.push_back({name, "须为整数", 0});
    return std::nullopt;
  }
  return n;
}

std::optional<bool> QueryReader::Bool(const char* name) {
  auto v = Str(name);
  if (!v) return std::nullopt;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  errors_.push_back({name, "须为 true 或 false", 0});
  return std::nullopt;
}

domain::PageRequest QueryReader::Page() {
  domain::PageRequest p;
  if (auto v = Int("page")) p.page = static_cast<int>(std::clamp<std::int64_t>(*v, -1, 1 << 30));
  if (auto v = Int("page_size")) {
    p.page_size = static_cast<int>(std::clamp<std::int64_t>(*v, -1, 1 << 30));
  }
  if (auto v = Str("sort")) p.sort = *v;
  return p;
}

Status QueryReader::Finish() {
  for (const auto& [k, v] : req_.query) {
    if (known_.count(k) == 0) errors_.push_back({StorableText(k, 64), "未知的查询参数", 0});
  }
  if (errors_.empty()) return {};
  return Error{ErrorCode::kInvalidArgument,
               "查询参数 " + errors_.front().field + " 无效：" + errors_.front().reason, errors_};
}

Result<std::int64_t> PathId(const HttpRequest& req, const char* name) {
  auto it = req.path_params.find(name);
  if (it == req.path_params.end()) return NotFound("记录不存在");
  auto n = ParseInt(it->second);
  // A malformed id cannot name a record: answer as for any missing record.
  if (!n || *n <= 0) return NotFound("记录不存在");
  return *n;
}

}  // namespace xiaoan::http
