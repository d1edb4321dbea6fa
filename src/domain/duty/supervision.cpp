#include "domain/duty/supervision.hpp"

#include <algorithm>
#include <set>

#include "domain/platform/field_checks.hpp"

namespace xiaoan::domain::duty {

namespace {

constexpr Option kKinds[] = {{"stage", "管学段"}, {"business", "管业务"}};
constexpr Option kStages[] = {
    {"kindergarten", "学前教育"},
    {"primary", "小学"},
    {"junior", "初中"},
    {"senior", "普通高中"},
    {"vocational", "中等职业学校"},
    {"special", "特殊教育"},
};

std::string Field(const char* name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view OptionLabel(std::span<const Option> options, std::string_view code) {
  for (const auto& o : options) {
    if (o.code == code) return o.label;
  }
  return {};
}

std::span<const Option> SupervisionKinds() { return kKinds; }
std::string_view SupervisionKindLabel(std::string_view code) { return OptionLabel(kKinds, code); }
std::span<const Option> SupervisionStages() { return kStages; }
std::string_view SupervisionStageLabel(std::string_view code) { return OptionLabel(kStages, code); }

void CheckMeasures(std::vector<ErrorDetail>& out, const std::vector<int>& measures,
                   std::string_view what) {
  if (measures.empty()) {
    out.push_back({"measures", "请选择" + std::string(what) + "对应的方案措施"});
  } else if (measures.size() > kMaxItemMeasures) {
    out.push_back({"measures", "对应措施不能超过 " + std::to_string(kMaxItemMeasures) + " 项"});
  }
  std::set<int> seen;
  for (std::size_t i = 0; i < measures.size(); ++i) {
    const int m = measures[i];
    if (m < 1 || m > kPlanMeasures) {
      out.push_back({Field("measures", i),
                     "措施序号应为 1 至 " + std::to_string(kPlanMeasures) + " 之间的整数"});
    } else if (!seen.insert(m).second) {
      out.push_back({Field("measures", i), "措施 " + std::to_string(m) + " 重复"});
    }
  }
}

std::vector<ErrorDetail> CheckSupervisionItem(SupervisionItem& item) {
  std::vector<ErrorDetail> out;
  if (item.section_id <= 0) out.push_back({"section_id", "请选择科室"});
  if (SupervisionKindLabel(item.kind).empty()) {
    out.push_back({"kind", "请选择类别：管学段或管业务"});
  } else if (item.kind == "stage") {
    if (item.stage.empty()) {
      out.push_back({"stage", "管学段的事项请选择学段"});
    } else if (SupervisionStageLabel(item.stage).empty()) {
      out.push_back({"stage", "学段不存在"});
    }
  } else if (!item.stage.empty()) {
    out.push_back({"stage", "管业务的事项不填学段"});
  }
  CheckText(out, "title", item.title, "监管事项", kMaxItemTitleChars, true);
  CheckText(out, "detail", item.detail, "说明", kMaxItemDetailChars, false);
  CheckMeasures(out, item.measures, "事项");
  CheckText(out, "post", item.post, "岗位", kMaxItemPostChars, true);
  if (item.person_user_id <= 0) out.push_back({"person_user_id", "请选择责任人"});
  if (out.empty()) std::sort(item.measures.begin(), item.measures.end());
  return out;
}

std::vector<int> MeasuresFromText(std::string_view text) {
  std::vector<int> out;
  std::size_t i = 0;
  bool piece = false;  // a non-blank piece without digits so far
  while (i < text.size()) {
    const char c = text[i];
    if (IsDigit(c)) {
      int n = 0;
      while (i < text.size() && IsDigit(text[i])) {
        if (n < 100000) n = n * 10 + (text[i] - '0');
        ++i;
      }
      out.push_back(n);
      piece = false;
      continue;
    }
    const auto rest = text.substr(i);
    // Separators: ASCII , ; and space, and 、，；(each three bytes in UTF-8).
    if (c == ',' || c == ';' || c == ' ' || c == '\n' || c == '\t') {
      if (piece) out.push_back(0);
      piece = false;
      ++i;
      continue;
    }
    if (rest.starts_with("、") || rest.starts_with("，") || rest.starts_with("；")) {
      if (piece) out.push_back(0);
      piece = false;
      i += 3;
      continue;
    }
    // 第、项、措施 around a number are words, not pieces; anything else is a piece without a
    // number.
    if (rest.starts_with("第") || rest.starts_with("项") || rest.starts_with("条")) {
      i += 3;
      continue;
    }
    if (rest.starts_with("措施")) {
      i += 6;
      continue;
    }
    piece = true;
    ++i;
  }
  if (piece) out.push_back(0);
  return out;
}

std::string MeasuresText(const std::vector<int>& measures) {
  std::string out;
  for (const int m : measures) out += (out.empty() ? "" : "、") + std::to_string(m);
  return out;
}

Coverage CoverageOf(const std::vector<SupervisionItem>& items,
                    const std::vector<SectionRef>& sections) {
  Coverage out;
  for (int m = 1; m <= kPlanMeasures; ++m) out.measures.push_back({m, {}, 0, 0, false});
  for (const auto& s : sections) out.sections.push_back({s, 0, 0, {}});
  for (std::size_t si = 0; si < sections.size(); ++si) {
    auto& sc = out.sections[si];
    std::set<int> measures;
    for (const auto& item : items) {
      if (item.section_id != sections[si].id) continue;
      ++sc.items;
      if (!item.person_active) ++sc.unassigned;
      for (const int m : item.measures) {
        if (m < 1 || m > kPlanMeasures) continue;
        measures.insert(m);
        auto& mc = out.measures[static_cast<std::size_t>(m - 1)];
        ++mc.items;
        if (!item.person_active) ++mc.unassigned;
        if (item.person_active) mc.covered = true;
        if (mc.sections.empty() || mc.sections.back().id != sections[si].id) {
          mc.sections.push_back(sections[si]);
        }
      }
    }
    sc.measures.assign(measures.begin(), measures.end());
    out.unassigned += sc.unassigned;
  }
  for (const auto& mc : out.measures) {
    if (mc.covered) {
      ++out.covered;
    } else {
      out.uncovered.push_back(mc.measure);
    }
  }
  return out;
}

}  // namespace xiaoan::domain::duty
