#pragma once
// The 1530 content library as a district keeps it: the shipped text of every topic and age group
// (reminders1530.hpp) is where a district starts; a bureau may write its own text for any pair,
// and a school's sessions suggest the text set by the nearest unit above it, else the shipped one.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/edu/reminders1530.hpp"

namespace xiaoan::domain::edu {

inline constexpr std::size_t kMaxContentChars = 500;

std::span<const AgeGroup> AllAgeGroups();
std::optional<AgeGroup> ParseAgeGroup(std::string_view code);
std::string_view AgeGroupLabel(AgeGroup g);  // 幼儿园, 小学低年级, 小学高年级, 初中, 高中

// A unit's own text for a topic and an age group.
struct ContentEdit {
  std::int64_t unit_id = 0;
  Topic topic = Topic::kGeneral;
  AgeGroup age = AgeGroup::kLowerPrimary;
  std::string text;
  std::string updated_by;
  Instant updated_at{};
  int version = 0;
};

// Problems with a text as entered, naming `text`: not blank, at most 500 characters, storable.
std::vector<ErrorDetail> CheckContentText(const std::string& text);

// The text in force for a topic and an age group at a unit: the edit of the nearest unit in
// `nearest_first` (the unit, then its ancestors) that made one, else the shipped text. `edits`
// may hold any units' edits.
struct ContentInForce {
  std::string text;
  const ContentEdit* edit = nullptr;  // the edit in force, or nullptr for the shipped text
};
ContentInForce TextInForce(std::span<const ContentEdit> edits,
                           const std::vector<std::int64_t>& nearest_first, Topic topic,
                           AgeGroup age);

class ContentRepository {
 public:
  virtual ~ContentRepository() = default;
  // The edits of the given units.
  virtual Result<std::vector<ContentEdit>> EditsOf(const std::vector<std::int64_t>& units) = 0;
  // Inserts the unit's edit with version 1 when `e.version` is 0 and it has none; otherwise
  // replaces its text when the stored version is `e.version`, and bumps it. False (nothing
  // written) when the version read is not current.
  virtual Result<bool> Save(ContentEdit& e) = 0;
  // Removes the unit's edit; false when it had none.
  virtual Result<bool> Remove(std::int64_t unit_id, Topic topic, AgeGroup age) = 0;
};

}  // namespace xiaoan::domain::edu
