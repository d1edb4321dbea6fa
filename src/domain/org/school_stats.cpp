#include "domain/org/school_stats.hpp"

#include "domain/org/enums.hpp"

namespace xiaoan::domain {
namespace {

std::vector<CodeCount> ZeroCounts(EnumTable table) {
  std::vector<CodeCount> out;
  out.reserve(table.size());
  for (const auto& e : table) out.push_back({std::string(e.code), std::string(e.label), 0});
  return out;
}

void Add(std::vector<CodeCount>& counts, const std::string& code, std::int64_t n) {
  for (auto& c : counts) {
    if (c.code == code) {
      c.count += n;
      return;
    }
  }
  counts.push_back({code, code, n});
}

}  // namespace

SchoolStats SummariseSchools(const std::vector<SchoolCountRow>& rows) {
  SchoolStats out;
  out.by_stage = ZeroCounts(SchoolStages());
  out.by_location_type = ZeroCounts(LocationTypes());
  out.by_ownership = ZeroCounts(Ownerships());
  for (const auto& row : rows) {
    out.total += row.count;
    if (row.boarding) out.boarding += row.count;
    Add(out.by_stage, row.stage, row.count);
    Add(out.by_location_type, row.location_type, row.count);
    Add(out.by_ownership, row.ownership, row.count);
  }
  return out;
}

}  // namespace xiaoan::domain
