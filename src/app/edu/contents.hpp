#pragma once
// The 1530 content library as a bureau edits it (docs/education.md): every topic and age group
// with the text in force at the caller's unit — its own, a higher bureau's, or the shipped one —
// and, with edu:content, the unit's own text written or reset to what applies above it.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/edu/contents.hpp"

namespace xiaoan::app {

struct ContentItem {
  domain::edu::Topic topic = domain::edu::Topic::kGeneral;
  domain::edu::AgeGroup age = domain::edu::AgeGroup::kLowerPrimary;
  std::string text;
  std::string source;  // shipped, inherited, own
  std::string source_unit_name;
  int version = 0;  // the unit's own edit's, else 0
  std::string updated_by;
  std::optional<Instant> updated_at;
};
struct ContentsView {
  std::int64_t unit_id = 0;
  std::string unit_name;
  bool can_edit = false;
  std::vector<ContentItem> items;  // by topic, then age group
};
Result<ContentsView> ListEduContents(Services& s, const RequestContext& ctx);
// The unit's own text (errors name topic, age_group, text); `version` is the item's version as
// read, 0 when it was not the unit's own (409 edu_content.stale when another save came first).
// Audited as edu.content.edit.
Result<ContentItem> SetEduContent(Services& s, const RequestContext& ctx, const std::string& topic,
                                  const std::string& age_group, const std::string& text,
                                  int version);
// Removes the unit's own text: the item falls back to what applies above it. Audited as
// edu.content.reset when there was one.
Result<ContentItem> ResetEduContent(Services& s, const RequestContext& ctx,
                                    const std::string& topic, const std::string& age_group);

}  // namespace xiaoan::app
