#pragma once
// Counts of schools for boards: what storage groups, folded into the numbers a board shows.
#include <cstdint>
#include <string>
#include <vector>

namespace xiaoan::domain {

// Schools that share stage, location type, ownership and boarding (one row of a GROUP BY).
struct SchoolCountRow {
  std::string stage;
  std::string location_type;
  std::string ownership;
  bool boarding = false;
  std::int64_t count = 0;
};

struct CodeCount {
  std::string code;
  std::string label;
  std::int64_t count = 0;
};

struct SchoolStats {
  std::int64_t total = 0;
  std::int64_t boarding = 0;
  // Every code of the enumeration in table order, zeros included, so that a chart keeps its
  // categories; a stored code the table lacks follows, labelled with itself.
  std::vector<CodeCount> by_stage;
  std::vector<CodeCount> by_location_type;
  std::vector<CodeCount> by_ownership;
};

SchoolStats SummariseSchools(const std::vector<SchoolCountRow>& rows);

}  // namespace xiaoan::domain
