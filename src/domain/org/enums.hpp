#pragma once
// The organisation model's enumerations: stable English codes for the API and storage, Chinese
// labels for people and for Excel files.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace xiaoan::domain {

struct EnumEntry {
  std::string_view code;
  std::string_view label;
};
using EnumTable = std::span<const EnumEntry>;

EnumTable UnitKinds();
EnumTable SchoolStages();
EnumTable Ownerships();
EnumTable LocationTypes();
EnumTable DepartmentKinds();
EnumTable KeyPlaceKinds();

bool HasCode(EnumTable table, std::string_view code);
std::string_view LabelOf(EnumTable table, std::string_view code);  // code itself if unknown
// Accepts a code or a Chinese label; returns the code.
std::optional<std::string> CodeFromText(EnumTable table, std::string_view text);
// "a、b、c" for error messages.
std::string JoinLabels(EnumTable table);

}  // namespace xiaoan::domain
