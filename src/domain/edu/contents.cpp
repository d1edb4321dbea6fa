#include "domain/edu/contents.hpp"

#include "core/strings.hpp"

namespace xiaoan::domain::edu {

namespace {

constexpr AgeGroup kAgeGroups[] = {AgeGroup::kKindergarten, AgeGroup::kLowerPrimary,
                                   AgeGroup::kUpperPrimary, AgeGroup::kJunior, AgeGroup::kSenior};

}  // namespace

std::span<const AgeGroup> AllAgeGroups() { return kAgeGroups; }

std::optional<AgeGroup> ParseAgeGroup(std::string_view code) {
  for (const auto g : kAgeGroups) {
    if (AgeGroupCode(g) == code) return g;
  }
  return std::nullopt;
}

std::string_view AgeGroupLabel(AgeGroup g) {
  switch (g) {
    case AgeGroup::kKindergarten:
      return "幼儿园";
    case AgeGroup::kLowerPrimary:
      return "小学低年级";
    case AgeGroup::kUpperPrimary:
      return "小学高年级";
    case AgeGroup::kJunior:
      return "初中";
    case AgeGroup::kSenior:
      return "高中";
  }
  return "";
}

std::vector<ErrorDetail> CheckContentText(const std::string& text) {
  std::vector<ErrorDetail> out;
  if (const auto problem = TextProblem(text); !problem.empty()) {
    out.push_back({"text", "提醒内容" + problem});
  } else if (IsBlank(text)) {
    out.push_back({"text", "请填写提醒内容"});
  } else if (Utf8Length(text).value_or(0) > kMaxContentChars) {
    out.push_back({"text", "提醒内容不能超过 " + std::to_string(kMaxContentChars) + " 个字"});
  }
  return out;
}

ContentInForce TextInForce(std::span<const ContentEdit> edits,
                           const std::vector<std::int64_t>& nearest_first, Topic topic,
                           AgeGroup age) {
  for (const auto unit : nearest_first) {
    for (const auto& e : edits) {
      if (e.unit_id == unit && e.topic == topic && e.age == age) return {e.text, &e};
    }
  }
  return {std::string(ShippedText(topic, age)), nullptr};
}

}  // namespace xiaoan::domain::edu
