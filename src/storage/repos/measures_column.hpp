#pragma once
// The plan's measures a record serves, stored as comma-separated numbers ("1,5,8").
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.hpp"

namespace xiaoan::storage {

inline std::string MeasuresColumn(const std::vector<int>& measures) {
  std::string out;
  for (const int m : measures) out += (out.empty() ? "" : ",") + std::to_string(m);
  return out;
}

inline std::vector<int> ParseMeasures(std::string_view text) {
  std::vector<int> out;
  if (text.empty()) return out;
  for (const auto& part : Split(text, ',')) out.push_back(std::atoi(part.c_str()));
  return out;
}

}  // namespace xiaoan::storage
