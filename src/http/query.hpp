#pragma once
// Strict query-string reading: only the listed parameters are accepted, values are typed, and
// problems name the parameter.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/store.hpp"
#include "http/request.hpp"

namespace xiaoan::http {

class QueryReader {
 public:
  explicit QueryReader(const HttpRequest& req) : req_(req) {}
  std::optional<std::string> Str(const char* name);
  std::optional<std::int64_t> Int(const char* name);
  std::optional<bool> Bool(const char* name);
  // page, page_size, sort.
  domain::PageRequest Page();
  Status Finish();

 private:
  const HttpRequest& req_;
  std::set<std::string> known_;
  std::vector<ErrorDetail> errors_;
};

// Parses a path parameter as a positive id.
Result<std::int64_t> PathId(const HttpRequest& req, const char* name);

}  // namespace xiaoan::http
