// JSON bodies: strict parsing (duplicate keys, bad UTF-8, depth) and every typed accessor.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/json/fields.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xiaoan;
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto obj = http::ParseObject(body);
  if (!obj.ok()) {
    (void)http::IsBadJson(obj.error());
    return 0;
  }
  http::Fields f(*obj);
  (void)f.Has("name");
  (void)f.Str("name", true);
  (void)f.NullableStr("note");
  (void)f.Int("school_id", false);
  (void)f.Bool("night", false);
  (void)f.Ids("file_ids");
  if (const auto* arr = f.Array("items", false)) {
    for (const auto& v : *arr) {
      if (const auto* o = f.Object(v, "items[]")) {
        http::Fields nested(*o, "items[].");
        (void)nested.Str("text", false);
        (void)nested.Finish();
        f.Merge(nested);
      }
    }
  }
  if (const auto* five = f.ObjectField("five", false)) {
    http::Fields nested(*five, "five.");
    (void)nested.Str("funds", false);
    f.Merge(nested);
  }
  (void)f.Finish();
  return 0;
}
