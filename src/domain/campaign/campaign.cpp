#include "domain/campaign/campaign.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <tuple>

#include "core/clock.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::domain::campaign {
namespace {

constexpr EnumEntry kLevels[] = {{"bureau", "区县教育局"}, {"city", "市级"}};
constexpr EnumEntry kStates[] = {{"open", "进行中"}, {"closed", "已结束"}};
constexpr EnumEntry kSchoolStates[] = {
    {"not_started", "未开始"}, {"in_progress", "自查中"}, {"submitted", "已提交"}};
constexpr EnumEntry kKinds[] = {
    {"self", "学校自查"}, {"bureau", "教育局检查"}, {"city", "市级检查"}};

constexpr std::size_t kMaxTemplates = 20;
constexpr std::size_t kMaxMembers = 50;
// Missed items that take all of the no_missed part.
constexpr double kMissedForNone = 3.0;

std::size_t Chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

template <typename T>
bool Has(const std::vector<T>& list, const T& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

double Round1(double v) { return std::round(v * 10.0) / 10.0; }

// The share of `part` in `all` as points of `weight`; all of it when there is nothing to share.
double Share(int weight, int part, int all) {
  if (all == 0) return weight;
  return static_cast<double>(weight) * part / all;
}

}  // namespace

EnumTable Levels() { return kLevels; }
EnumTable States() { return kStates; }
EnumTable SchoolStates() { return kSchoolStates; }
EnumTable InspectionKinds() { return kKinds; }

std::string SourceOf(const std::string& kind) {
  if (kind == "self") return "self_inspection";
  if (kind == "city") return "city_inspection";
  return "bureau_inspection";
}

bool Targets(const Targeting& t, std::int64_t school_id, const SchoolProfile& school) {
  if (!t.stages.empty() && !Has(t.stages, school.stage)) return false;
  if (!t.location_types.empty() && !Has(t.location_types, school.location_type)) return false;
  if (t.boarding && *t.boarding != school.boarding) return false;
  if (!t.cluster_ids.empty() && (!school.cluster_id || !Has(t.cluster_ids, *school.cluster_id))) {
    return false;
  }
  return t.school_ids.empty() || Has(t.school_ids, school_id);
}

std::vector<ErrorDetail> ValidateWeights(const Weights& w) {
  std::vector<ErrorDetail> out;
  const std::pair<const char*, int> parts[] = {{"completion", w.completion},
                                               {"self_found", w.self_found},
                                               {"no_missed", w.no_missed},
                                               {"rectified", w.rectified},
                                               {"closed", w.closed}};
  int sum = 0;
  for (const auto& [name, v] : parts) {
    if (v < 0 || v > 100) {
      out.push_back({std::string("weights.") + name, "权重须为 0—100 的整数"});
    }
    sum += v;
  }
  if (out.empty() && sum != 100) {
    out.push_back({"weights", "各项权重之和须为 100（现为 " + std::to_string(sum) + "）"});
  }
  return out;
}

std::vector<ErrorDetail> ValidateCampaign(const Campaign& c) {
  std::vector<ErrorDetail> out;
  if (c.name.empty()) out.push_back({"name", "请填写专项行动名称"});
  if (Chars(c.name) > 100) out.push_back({"name", "名称不能超过 100 个字"});
  if (!HasCode(Levels(), c.level)) {
    out.push_back({"level", "级别须为 区县教育局(bureau) 或 市级(city)"});
  }
  if (c.domains.empty()) out.push_back({"domains", "请选择至少一个检查领域"});
  for (std::size_t i = 0; i < c.domains.size(); ++i) {
    const auto field = "domains[" + std::to_string(i) + "]";
    if (!HasCode(hazard::Domains(), c.domains[i])) {
      out.push_back({field, "未知的领域 " + c.domains[i]});
    } else if (std::find(c.domains.begin(), c.domains.begin() + static_cast<std::ptrdiff_t>(i),
                         c.domains[i]) != c.domains.begin() + static_cast<std::ptrdiff_t>(i)) {
      out.push_back({field, "领域重复"});
    }
  }
  if (c.template_ids.empty()) out.push_back({"template_ids", "请选择至少一张检查表"});
  if (c.template_ids.size() > kMaxTemplates) {
    out.push_back({"template_ids", "至多 " + std::to_string(kMaxTemplates) + " 张检查表"});
  }
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < c.template_ids.size(); ++i) {
    if (!seen.insert(c.template_ids[i]).second) {
      out.push_back({"template_ids[" + std::to_string(i) + "]", "检查表重复"});
    }
  }
  if (Chars(c.description) > 1000) out.push_back({"description", "说明不能超过 1000 个字"});
  for (std::size_t i = 0; i < c.targets.stages.size(); ++i) {
    if (!HasCode(SchoolStages(), c.targets.stages[i])) {
      out.push_back({"targets.stages[" + std::to_string(i) + "]", "未知的学段"});
    }
  }
  for (std::size_t i = 0; i < c.targets.location_types.size(); ++i) {
    if (!HasCode(LocationTypes(), c.targets.location_types[i])) {
      out.push_back({"targets.location_types[" + std::to_string(i) + "]", "未知的城乡类型"});
    }
  }
  const auto self_from = calendar::ParseDate(c.self_from);
  const auto self_to = calendar::ParseDate(c.self_to);
  const auto inspect_from = calendar::ParseDate(c.inspect_from);
  const auto inspect_to = calendar::ParseDate(c.inspect_to);
  if (!self_from) out.push_back({"self_from", "请填写自查开始日期（YYYY-MM-DD）"});
  if (!self_to) out.push_back({"self_to", "请填写自查截止日期（YYYY-MM-DD）"});
  if (!inspect_from) out.push_back({"inspect_from", "请填写检查开始日期（YYYY-MM-DD）"});
  if (!inspect_to) out.push_back({"inspect_to", "请填写检查截止日期（YYYY-MM-DD）"});
  if (self_from && self_to && *self_to < *self_from) {
    out.push_back({"self_to", "自查截止日期不能早于开始日期"});
  }
  if (inspect_from && inspect_to && *inspect_to < *inspect_from) {
    out.push_back({"inspect_to", "检查截止日期不能早于开始日期"});
  }
  if (self_from && inspect_from && *inspect_from < *self_from) {
    out.push_back({"inspect_from", "检查不能早于学校自查开始"});
  }
  for (auto& e : ValidateWeights(c.weights)) out.push_back(std::move(e));
  if (Chars(c.summary) > 2000) out.push_back({"summary", "总结不能超过 2000 个字"});
  return out;
}

std::vector<ErrorDetail> ValidateTeam(const Team& t) {
  std::vector<ErrorDetail> out;
  if (t.name.empty()) out.push_back({"name", "请填写检查组名称"});
  if (Chars(t.name) > 60) out.push_back({"name", "名称不能超过 60 个字"});
  if (t.kind != "bureau" && t.kind != "city") {
    out.push_back({"kind", "检查组须为 教育局检查(bureau) 或 市级检查(city)"});
  }
  if (t.members.empty()) out.push_back({"members", "请至少指定一名检查人员"});
  if (t.members.size() > kMaxMembers) {
    out.push_back({"members", "至多 " + std::to_string(kMaxMembers) + " 名检查人员"});
  }
  for (std::size_t i = 0; i < t.members.size(); ++i) {
    const auto field = "members[" + std::to_string(i) + "]";
    if (t.members[i].empty() || t.members[i].size() > 64 ||
        t.members[i].find(',') != std::string::npos) {
      out.push_back({field, "用户名无效"});
    } else if (std::find(t.members.begin(), t.members.begin() + static_cast<std::ptrdiff_t>(i),
                         t.members[i]) != t.members.begin() + static_cast<std::ptrdiff_t>(i)) {
      out.push_back({field, "检查人员重复"});
    }
  }
  return out;
}

std::vector<ErrorDetail> ValidateMessage(const Message& m) {
  std::vector<ErrorDetail> out;
  if (m.kind != "feedback" && m.kind != "reply") {
    out.push_back({"kind", "须为 反馈(feedback) 或 回复(reply)"});
  }
  if (m.text.empty()) out.push_back({"text", "请填写内容"});
  if (Chars(m.text) > 2000) out.push_back({"text", "内容不能超过 2000 个字"});
  if (m.deadline) {
    if (m.kind == "reply") {
      out.push_back({"deadline", "回复不设期限"});
    } else if (!calendar::ParseDate(*m.deadline)) {
      out.push_back({"deadline", "整改期限须为日期（YYYY-MM-DD）"});
    }
  }
  return out;
}

std::vector<ErrorDetail> ValidateTypical(const Typical& t) {
  std::vector<ErrorDetail> out;
  if (Chars(t.note) > 500) out.push_back({"note", "说明不能超过 500 个字"});
  return out;
}

bool BriefingBefore(const BriefingKey& a, const BriefingKey& b) {
  const bool a_general = a.level != "major";
  const bool b_general = b.level != "major";
  return std::tie(a_general, a.school_name, a.found_at, a.hazard_id) <
         std::tie(b_general, b.school_name, b.found_at, b.hazard_id);
}

std::vector<Due> SheetsDue(const std::vector<checklist::Template>& templates,
                           const SchoolProfile& school, const std::vector<KeyPlace>& places) {
  std::vector<Due> out;
  for (const auto& t : templates) {
    if (!checklist::AppliesTo(t.applies, school)) continue;
    for (const auto& p : places) {
      if (!checklist::ItemsAt(t, p.kind).empty()) out.push_back({t.id, {p.id, p.kind, p.name}});
    }
    if (!checklist::ItemsAt(t, std::nullopt).empty()) {
      out.push_back({t.id, {std::nullopt, "", "全校"}});
    }
  }
  return out;
}

std::vector<Due> Outstanding(const std::vector<Due>& due, const std::vector<Sheet>& self_sheets) {
  std::vector<Due> out;
  for (const auto& d : due) {
    const bool filled = std::any_of(self_sheets.begin(), self_sheets.end(), [&](const Sheet& s) {
      return s.kind == "self" && s.template_id == d.template_id &&
             s.key_place_id == d.place.key_place_id;
    });
    if (!filled) out.push_back(d);
  }
  return out;
}

std::vector<std::string> MissedItems(const Sheet& inspection,
                                     const std::vector<Sheet>& self_sheets) {
  std::vector<std::string> out;
  if (inspection.kind == "self") return out;
  // The school's latest sheet of the same template at the same place.
  const Sheet* own = nullptr;
  for (const auto& s : self_sheets) {
    if (s.kind != "self" || s.school_id != inspection.school_id ||
        s.template_id != inspection.template_id || s.key_place_id != inspection.key_place_id) {
      continue;
    }
    if (own == nullptr || s.id > own->id) own = &s;
  }
  if (own == nullptr) return out;
  for (const auto& a : inspection.answers) {
    if (a.verdict != "fail") continue;
    const auto theirs =
        std::find_if(own->answers.begin(), own->answers.end(),
                     [&](const checklist::ItemAnswer& x) { return x.item_key == a.item_key; });
    if (theirs != own->answers.end() && theirs->verdict == "pass") out.push_back(a.item_key);
  }
  return out;
}

std::string ChinaDay(const std::string& instant) {
  Instant t;
  if (!ParseInstant(instant, t)) return "";
  return hazard::ChinaDate(t);
}

bool ClosedOnTime(const HazardFact& h) {
  if (!h.closed_at) return false;
  if (!h.deadline) return true;
  const auto closed = ChinaDay(*h.closed_at);
  return !closed.empty() && closed <= *h.deadline;
}

std::vector<Score> Evaluate(const Weights& w, const std::string& self_to,
                            const std::vector<SchoolFacts>& schools) {
  std::vector<Score> out;
  out.reserve(schools.size());
  for (const auto& f : schools) {
    Score s;
    s.school_id = f.school_id;
    s.school_name = f.school_name;
    s.hazards = static_cast<int>(f.hazards.size());
    s.missed = f.missed;
    int closed = 0;
    int on_time = 0;
    for (const auto& h : f.hazards) {
      if (h.source == "self_inspection") ++s.self_hazards;
      if (h.closed_at) ++closed;
      if (ClosedOnTime(h)) ++on_time;
    }
    s.open = s.hazards - closed;
    if (!f.submitted_at.empty()) {
      const auto day = ChinaDay(f.submitted_at);
      s.completion = Round1(!day.empty() && day <= self_to ? w.completion : w.completion / 2.0);
    }
    s.self_found = Round1(Share(w.self_found, s.self_hazards, s.hazards));
    s.no_missed = Round1(w.no_missed * std::max(0.0, 1.0 - f.missed / kMissedForNone));
    s.rectified = Round1(Share(w.rectified, on_time, s.hazards));
    s.closed = Round1(Share(w.closed, closed, s.hazards));
    s.total = Round1(s.completion + s.self_found + s.no_missed + s.rectified + s.closed);
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const Score& a, const Score& b) {
    if (a.total != b.total) return a.total > b.total;
    return a.school_id < b.school_id;
  });
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].rank =
        (i > 0 && out[i].total == out[i - 1].total) ? out[i - 1].rank : static_cast<int>(i) + 1;
  }
  return out;
}

}  // namespace xiaoan::domain::campaign
