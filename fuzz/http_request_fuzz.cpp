// The request boundary: any bytes as one HTTP/1.1 request, then what every route does with it —
// the query read strictly, the path checked as storable text, the body read as a JSON object.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/strings.hpp"
#include "http/json/fields.hpp"
#include "http/query.hpp"
#include "http/request_parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xiaoan;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto req =
      http::ParseRequestBytes(bytes, 16 * 1024, [](const std::string&, const std::string& path) {
        return path.starts_with("/api/v1/files") ? 64 * 1024 : 4096;
      });
  if (!req.ok()) return 0;
  (void)TextProblem(req->path);
  (void)req->Header("x-forwarded-for");
  http::QueryReader q(*req);
  (void)q.Str("q");
  (void)q.Int("school_id");
  (void)q.Bool("overdue");
  (void)q.Page();
  (void)q.Finish();
  auto obj = http::ParseObject(req->body);
  if (obj.ok()) {
    http::Fields f(*obj);
    (void)f.Str("title", false);
    (void)f.Int("id", false);
    (void)f.Finish();
  }
  return 0;
}
