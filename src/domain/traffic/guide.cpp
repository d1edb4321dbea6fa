#include "domain/traffic/guide.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/strings.hpp"
#include "domain/platform/field_checks.hpp"
#include "domain/traffic/campus_registry.hpp"

namespace xiaoan::domain::traffic {

namespace {

using rules::Outcome;

using Labels = std::vector<std::pair<std::string, std::string>>;

const Labels& GateUses() {
  static const Labels k = {{"people", "行人通道"}, {"vehicles", "车辆通道"}, {"both", "人车共用"}};
  return k;
}
const Labels& PeakKinds() {
  static const Labels k = {{"arrival", "入校"}, {"dismissal", "放学"}};
  return k;
}
const Labels& ZoneKinds() {
  static const Labels k = {{"drop_off", "临时停靠区"},
                           {"waiting", "家长等候区"},
                           {"parking", "停车区"},
                           {"bus", "校车停靠区"}};
  return k;
}
const Labels& NeedKindLabels() {
  static const Labels k = {{"sign", "交通标志"},     {"marking", "交通标线"},
                           {"crossing", "人行横道"}, {"speed_hump", "减速带"},
                           {"signal", "信号灯"},     {"fence", "隔离护栏"},
                           {"other", "其他设施"}};
  return k;
}

std::string_view LabelIn(const Labels& labels, std::string_view code) {
  for (const auto& [c, l] : labels) {
    if (c == code) return l;
  }
  return {};
}

std::string Field(const char* list, std::size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

void CheckCode(std::vector<ErrorDetail>& out, const std::string& field, const std::string& code,
               const Labels& labels, const std::string& what) {
  if (!LabelIn(labels, code).empty()) return;
  std::string allowed;
  for (const auto& [c, l] : labels) allowed += (allowed.empty() ? "" : "、") + l;
  out.push_back({field, what + "须为 " + allowed});
}

// Both times as HH:MM with `to` after `from`.
void CheckSpan(std::vector<ErrorDetail>& out, const char* list, std::size_t i,
               const std::string& from, const std::string& to) {
  const auto a = ClockMinute(from);
  const auto b = ClockMinute(to);
  if (!a) out.push_back({Field(list, i, "from"), "开始时间须为 HH:MM，如 07:30"});
  if (!b) out.push_back({Field(list, i, "to"), "结束时间须为 HH:MM，如 08:00"});
  if (a && b && *b <= *a) out.push_back({Field(list, i, "to"), "结束时间须晚于开始时间"});
}

void CheckCount(std::vector<ErrorDetail>& out, const char* list, std::size_t n, const char* what,
                std::size_t max = kMaxGuideRows) {
  if (n > max) {
    out.push_back({list, std::string(what) + "不能超过 " + std::to_string(max) + " 条"});
  }
}

rules::RuleDecl DeclareGuide() {
  return {
      "traffic.guide",
      1,
      15,
      "每学期发布交通安全一校一策（上下学交通组织）",
      "school",
      rules::Period::kSemester,
      "规范落实年方案措施 15：一校一策制定学校上下学交通安全方案，设置护学岗，公安交警高峰勤务，"
      "人车分流，完善学校周边交通设施",
      {},
      {},
      {}};
}

}  // namespace

std::string_view GateUseLabel(std::string_view code) { return LabelIn(GateUses(), code); }
std::string_view PeakKindLabel(std::string_view code) { return LabelIn(PeakKinds(), code); }
std::string_view ZoneKindLabel(std::string_view code) { return LabelIn(ZoneKinds(), code); }
std::string_view NeedKindLabel(std::string_view code) { return LabelIn(NeedKindLabels(), code); }

const std::vector<std::string>& NeedKinds() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> out;
    for (const auto& [c, l] : NeedKindLabels()) out.push_back(c);
    return out;
  }();
  return k;
}

std::vector<ErrorDetail> CheckGuide(const TrafficGuide& g) {
  std::vector<ErrorDetail> out;
  CheckCount(out, "gates", g.gates.size(), "校门");
  CheckCount(out, "peaks", g.peaks.size(), "高峰时段");
  CheckCount(out, "zones", g.zones.size(), "区域");
  CheckCount(out, "posts", g.posts.size(), "护学岗");
  CheckCount(out, "needs", g.needs.size(), "设施需求", kMaxGuideNeeds);
  std::set<std::string> gates;
  for (std::size_t i = 0; i < g.gates.size(); ++i) {
    const auto& x = g.gates[i];
    CheckText(out, Field("gates", i, "name"), x.name, "校门名称", kMaxGuideNameChars, true);
    CheckCode(out, Field("gates", i, "use"), x.use, GateUses(), "校门用途");
    CheckText(out, Field("gates", i, "hours"), x.hours, "开放时间", kMaxGuideNameChars, false);
    if (!gates.insert(x.name).second) {
      out.push_back({Field("gates", i, "name"), "校门“" + x.name + "”重复"});
    }
  }
  for (std::size_t i = 0; i < g.peaks.size(); ++i) {
    const auto& x = g.peaks[i];
    CheckText(out, Field("peaks", i, "grade"), x.grade, "年级", kMaxGuideNameChars, true);
    CheckCode(out, Field("peaks", i, "kind"), x.kind, PeakKinds(), "时段");
    CheckSpan(out, "peaks", i, x.from, x.to);
    if (!x.gate.empty() && gates.count(x.gate) == 0) {
      out.push_back({Field("peaks", i, "gate"), "校门“" + x.gate + "”不在本方案的校门中"});
    }
  }
  for (std::size_t i = 0; i < g.zones.size(); ++i) {
    const auto& x = g.zones[i];
    CheckCode(out, Field("zones", i, "kind"), x.kind, ZoneKinds(), "区域类型");
    CheckText(out, Field("zones", i, "name"), x.name, "区域名称", kMaxGuideNameChars, true);
    CheckText(out, Field("zones", i, "location"), x.location, "位置", kMaxGuideNameChars, false);
  }
  for (std::size_t i = 0; i < g.posts.size(); ++i) {
    const auto& x = g.posts[i];
    CheckText(out, Field("posts", i, "place"), x.place, "岗位地点", kMaxGuideNameChars, true);
    CheckSpan(out, "posts", i, x.from, x.to);
    CheckText(out, Field("posts", i, "people"), x.people, "上岗人员", kMaxGuideNameChars * 2,
              false);
  }
  for (std::size_t i = 0; i < g.needs.size(); ++i) {
    const auto& x = g.needs[i];
    CheckCode(out, Field("needs", i, "kind"), x.kind, NeedKindLabels(), "设施类型");
    CheckText(out, Field("needs", i, "location"), x.location, "位置", kMaxGuideNameChars, true);
    CheckText(out, Field("needs", i, "description"), x.description, "需求说明", kMaxNeedChars,
              false);
  }
  CheckText(out, "separation", g.separation, "人车分流措施", kMaxGuideTextChars, false);
  CheckText(out, "police_unit", g.police_unit, "勤务单位", kMaxGuideNameChars, false);
  CheckText(out, "police_duty", g.police_duty, "高峰勤务安排", kMaxGuideTextChars, false);
  CheckText(out, "early_arrival", g.early_arrival, "提前到校学生的安排", kMaxGuideTextChars, false);
  CheckText(out, "after_school", g.after_school, "放学后不聚集的措施", kMaxGuideTextChars, false);
  return out;
}

std::vector<ErrorDetail> CheckPublishable(const TrafficGuide& g) {
  std::vector<ErrorDetail> out;
  if (g.gates.empty()) out.push_back({"gates", "发布前请至少填写一个校门"});
  const auto has = [&](const char* kind) {
    return std::any_of(g.peaks.begin(), g.peaks.end(),
                       [&](const GuidePeak& p) { return p.kind == kind; });
  };
  if (!has("arrival")) out.push_back({"peaks", "发布前请填写入校高峰时段"});
  if (!has("dismissal")) out.push_back({"peaks", "发布前请填写放学高峰时段"});
  const bool staffed = std::any_of(g.posts.begin(), g.posts.end(),
                                   [](const GuidePost& p) { return !IsBlank(p.people); });
  if (!staffed) out.push_back({"posts", "发布前请至少填写一个有上岗人员的护学岗"});
  if (IsBlank(g.separation)) out.push_back({"separation", "发布前请填写人车分流措施"});
  if (IsBlank(g.police_duty)) out.push_back({"police_duty", "发布前请填写公安交警高峰勤务安排"});
  return out;
}

std::string_view GuideStateCode(GuideState s) {
  switch (s) {
    case GuideState::kNone:
      return "none";
    case GuideState::kDraft:
      return "draft";
    case GuideState::kChanged:
      return "changed";
    case GuideState::kOutdated:
      return "outdated";
    case GuideState::kCurrent:
      return "current";
  }
  return "none";
}

std::string_view GuideStateLabel(GuideState s) {
  switch (s) {
    case GuideState::kNone:
      return "未制定";
    case GuideState::kDraft:
      return "未发布";
    case GuideState::kChanged:
      return "修改未发布";
    case GuideState::kOutdated:
      return "非本学期发布";
    case GuideState::kCurrent:
      return "本学期已发布";
  }
  return "未制定";
}

GuideState StateOf(const std::optional<TrafficGuide>& g, std::optional<calendar::Date> term_first) {
  if (!g || g->version == 0) return GuideState::kNone;
  if (g->published_version == 0 || g->published_on.empty()) return GuideState::kDraft;
  if (g->published_version != g->version) return GuideState::kChanged;
  const auto on = calendar::ParseDate(g->published_on);
  if (term_first && (!on || *on < *term_first)) return GuideState::kOutdated;
  return GuideState::kCurrent;
}

const rules::RuleDecl& GuideRule() {
  static const rules::RuleDecl k = DeclareGuide();
  return k;
}

rules::Judgement JudgeGuide(const rules::PeriodSpan& semester,
                            const std::optional<TrafficGuide>& guide, calendar::Date today) {
  rules::Judgement j{&GuideRule(), semester, today <= semester.last, {}};
  const auto on = guide && guide->published_version > 0 ? calendar::ParseDate(guide->published_on)
                                                        : std::nullopt;
  if (on && *on >= semester.first && *on <= semester.last) {
    j.verdict = {Outcome::kPass,
                 semester.label + "已于 " + guide->published_on + " 发布一校一策",
                 {guide->unit_id}};
    return j;
  }
  j.verdict.outcome = today <= semester.last ? Outcome::kDue : Outcome::kFail;
  j.verdict.reason = semester.label + "尚未发布交通安全一校一策";
  return j;
}

std::optional<NeedsWhistle> WhistleOfNeeds(const TrafficGuide& g) {
  NeedsWhistle w;
  int n = 0;
  std::string kinds;
  std::set<std::string> seen;
  for (const auto& x : g.needs) {
    if (x.whistle_id) continue;
    ++n;
    const std::string label(NeedKindLabel(x.kind));
    if (seen.insert(label).second) kinds += (kinds.empty() ? "" : "、") + label;
    w.description += std::to_string(n) + ". " + label + "（" + x.location + "）";
    if (!x.description.empty()) w.description += "：" + x.description;
    w.description += "\n";
    if (w.location.empty()) w.location = x.location;
  }
  if (n == 0) return std::nullopt;
  w.title = "学校周边交通设施需求：" + kinds;
  w.description = g.unit_name +
                  "交通安全一校一策提出的周边道路交通设施需求，请公安交警、交通运输"
                  "部门研究设置：\n" +
                  w.description;
  return w;
}

}  // namespace xiaoan::domain::traffic
