// Uploads: the type from the content, and the name as storable text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/content_type.hpp"
#include "core/strings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xiaoan;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)SniffContentType(bytes);
  const auto name = bytes.substr(0, std::min<std::size_t>(bytes.size(), 300));
  (void)TextProblem(name);
  (void)StorableText(name, 200);
  return 0;
}
