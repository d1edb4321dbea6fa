// Query strings: any target after "/api/v1/hazards?", decoded and read strictly.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/query.hpp"
#include "http/request_parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xiaoan;
  http::ParsedParts parts;
  const std::string target =
      "/api/v1/hazards?" + std::string(reinterpret_cast<const char*>(data), size);
  parts.method = "GET";
  parts.target = target;
  http::HttpRequest req;
  http::FillRequest(std::move(parts), req, "127.0.0.1", false);
  http::QueryReader q(req);
  (void)q.Str("q");
  (void)q.Str("state");
  (void)q.Int("school_id");
  (void)q.Int("year");
  (void)q.Bool("overdue");
  (void)q.Page();
  (void)q.Finish();
  (void)req.Query("from");
  return 0;
}
