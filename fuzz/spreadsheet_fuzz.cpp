// The spreadsheet readers within the limits an import uses; the build picks the reader
// (XIAOAN_FUZZ_READ: ReadXlsx, ReadXls or ReadCsv) for each of xlsx_fuzz, xls_fuzz and csv_fuzz.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "office/table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xiaoan;
  office::ReadLimits limits;
  limits.max_bytes = 1024 * 1024;
  limits.max_uncompressed = 8 * 1024 * 1024;
  limits.max_rows = 2000;
  limits.max_cells = 200000;
  (void)office::XIAOAN_FUZZ_READ(std::string_view(reinterpret_cast<const char*>(data), size),
                                 limits);
  return 0;
}
