#pragma once
// The bureau's sections and their supervision items (监管事项, measure 2): each item is a matter
// a section oversees by stage (管学段) or by business (管业务), tied to the plan's measures and
// assigned to a post and a person of the section; the coverage of the plan's measures by the
// sections. Pure: the checks naming the field and the coverage (docs/duties.md).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace xiaoan::domain::duty {

struct Option {
  std::string_view code;
  std::string_view label;
};
// The label of a code among options; empty when none has it.
std::string_view OptionLabel(std::span<const Option> options, std::string_view code);

inline constexpr std::size_t kMaxItemTitleChars = 100;
inline constexpr std::size_t kMaxItemDetailChars = 500;
inline constexpr std::size_t kMaxItemPostChars = 20;
inline constexpr std::size_t kMaxItemMeasures = 21;
inline constexpr int kPlanMeasures = 21;  // the shipped plan's measures, 1–21

// stage 管学段, business 管业务.
std::span<const Option> SupervisionKinds();
std::string_view SupervisionKindLabel(std::string_view code);
// kindergarten 学前教育, primary 小学, junior 初中, senior 普通高中, vocational 中等职业学校,
// special 特殊教育.
std::span<const Option> SupervisionStages();
std::string_view SupervisionStageLabel(std::string_view code);

struct SupervisionItem {
  std::int64_t id = 0;
  std::int64_t bureau_id = 0;
  std::int64_t section_id = 0;
  std::string section_name;  // read with the item
  std::string kind;          // stage | business
  std::string stage;         // one of SupervisionStages() when kind is stage, else ""
  std::string title;
  std::string detail;
  std::vector<int> measures;  // the plan's measures it serves, ascending
  std::string post;           // 科长, 副科长 …
  std::int64_t person_user_id = 0;
  std::string person_name;    // read with the item
  bool person_active = true;  // read with the item: the account is active and still in the section
  int version = 0;            // 0: not stored yet
  std::string updated_by;
  Instant updated_at{};
};
// Every problem naming its field: section_id, kind, stage (required for 管学段, none for 管业务),
// title (1–100 characters), detail (≤ 500), measures (1–21 numbers each 1–21, none twice:
// measures[2]), post (1–20), person_user_id. Sorts the measures.
std::vector<ErrorDetail> CheckSupervisionItem(SupervisionItem& item);

// The plan's measures a record serves: 1–21 numbers, each 1–21 and named once (measures,
// measures[i]); `what` names the record in the reason (请选择事项对应的方案措施).
void CheckMeasures(std::vector<ErrorDetail>& out, const std::vector<int>& measures,
                   std::string_view what);

// A workbook's cell of measures ("1、5、8", "第1项，第 5 项", "措施20") as numbers in the order
// written; a piece that is no number gives 0, for CheckSupervisionItem to name.
std::vector<int> MeasuresFromText(std::string_view text);
std::string MeasuresText(const std::vector<int>& measures);  // 1、5、8

struct SectionRef {
  std::int64_t id = 0;
  std::string name;
};
struct MeasureCoverage {
  int measure = 0;
  std::vector<SectionRef> sections;  // the sections with an item serving it, in sections' order
  int items = 0;                     // its items
  int unassigned = 0;                // of them, whose person left the section or is disabled
  bool covered = false;              // at least one item with its person in place
};
struct SectionCoverage {
  SectionRef section;
  int items = 0;
  int unassigned = 0;
  std::vector<int> measures;  // ascending
};
struct Coverage {
  std::vector<MeasureCoverage> measures;  // 1–kPlanMeasures
  std::vector<SectionCoverage> sections;  // every section given, in order, with or without items
  int covered = 0;
  std::vector<int> uncovered;
  int unassigned = 0;  // items whose person is not in place
};
// The plan's measures by section: a measure is covered when an item serving it has its person in
// place; a section with no item is listed with none.
Coverage CoverageOf(const std::vector<SupervisionItem>& items,
                    const std::vector<SectionRef>& sections);

// Part of the duty repository (tx.duties()).
class SupervisionRepository {
 public:
  virtual ~SupervisionRepository() = default;
  // The bureau's items by section (as the sections' paths) then id; person_active computed.
  virtual Result<std::vector<SupervisionItem>> SupervisionItems(std::int64_t bureau_id) = 0;
  virtual Result<std::vector<SupervisionItem>> SupervisionItemsOf(std::int64_t person_user_id) = 0;
  virtual Result<std::optional<SupervisionItem>> SupervisionItemById(std::int64_t id) = 0;
  // A new item (version 0 → 1, id set) or the version read (false when it changed since).
  virtual Result<bool> SaveSupervisionItem(SupervisionItem& item) = 0;
  // At the version read; false when it changed since or is gone.
  virtual Result<bool> DeleteSupervisionItem(std::int64_t id, int version) = 0;
};

}  // namespace xiaoan::domain::duty
