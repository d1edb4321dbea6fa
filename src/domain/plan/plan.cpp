#include "domain/plan/plan.hpp"

#include <charconv>
#include <map>
#include <set>

#include "core/strings.hpp"

namespace xiaoan::domain::plan {

const std::vector<Action>& DefaultPlan() {
  static const std::vector<Action> kPlan = {
      {1,
       "学校安全责任压实行动",
       {{1, "压实学校安全主体责任"}, {2, "细化教育部门监管责任"}, {3, "拧紧齐抓共管责任"}}},
      {2,
       "校园安防建设提质增效行动",
       {{4, "持续强化“三防”建设"}, {5, "落实“学校吹哨、部门报到”机制"}}},
      {3,
       "学校安全隐患排查整治行动",
       {{6, "优化隐患排查方式"}, {7, "强化隐患动态清零"}, {8, "提升隐患整改质量"}}},
      {4, "预防学生溺水专项行动", {{9, "强化防溺水宣传教育工作"}, {10, "健全联防联控工作机制"}}},
      {5,
       "校园消防安全工作专项整治",
       {{11, "开展火灾隐患精准排查整治"},
        {12, "深化“生命通道”专项治理"},
        {13, "强化消防实战型应急演练"}}},
      {6,
       "涉校涉生交通安全提升行动",
       {{14, "加强学校内部交通安全管理"},
        {15, "加强校园周边交通安全管理"},
        {16, "加强接送学生车辆安全管理"}}},
      {7,
       "学校安全监管能力提升行动",
       {{17, "强化安全监管能力培训"},
        {18, "加强安全监管机构和队伍建设"},
        {19, "健全完善学校应急处置机制"}}},
      {8,
       "师生安全素养能力提升行动",
       {{20, "落实“1530”教育提醒机制"}, {21, "创新学校安全教育形式"}}},
  };
  return kPlan;
}

namespace {

void CheckText(std::vector<ErrorDetail>& out, const std::string& field, const std::string& value,
               std::size_t max_len) {
  const std::string problem = TextProblem(value);
  if (!problem.empty()) {
    out.push_back({field, problem});
    return;
  }
  const auto len = Utf8Length(value).value_or(0);
  if (len == 0) {
    out.push_back({field, "不能为空"});
  } else if (len > max_len) {
    out.push_back({field, "长度不能超过 " + std::to_string(max_len) + " 个字符"});
  }
}

std::optional<int> ParseNumber(std::string_view text) {
  int v = 0;
  const auto* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || p != end) return std::nullopt;
  return v;
}

// "actions[3]" → 3, from the start of `path` after `prefix`.
std::optional<std::size_t> IndexAfter(std::string_view path, std::string_view prefix) {
  const auto at = path.find(prefix);
  if (at == std::string_view::npos) return std::nullopt;
  const auto from = at + prefix.size();
  const auto close = path.find(']', from);
  if (close == std::string_view::npos) return std::nullopt;
  const auto digits = path.substr(from, close - from);
  if (!IsAllDigits(digits)) return std::nullopt;
  const auto n = ParseNumber(digits);
  if (!n) return std::nullopt;
  return static_cast<std::size_t>(*n);
}

}  // namespace

std::vector<ErrorDetail> ValidatePlan(const YearPlan& plan,
                                      const std::function<bool(std::string_view)>& known) {
  std::vector<ErrorDetail> out;
  CheckText(out, "title", plan.title, 100);
  if (plan.actions.empty()) {
    out.push_back({"actions", "至少要有一项行动"});
  } else if (plan.actions.size() > kMaxActions) {
    out.push_back({"actions", "最多 " + std::to_string(kMaxActions) + " 项行动"});
  }
  std::map<int, std::size_t> action_numbers;
  std::map<int, std::string> measure_numbers;
  std::size_t measures = 0;
  for (std::size_t i = 0; i < plan.actions.size() && i < kMaxActions; ++i) {
    const auto& a = plan.actions[i];
    const std::string at = "actions[" + std::to_string(i) + "]";
    if (a.number < 1 || a.number > 99) {
      out.push_back({at + ".number", "须在 1 到 99 之间"});
    } else if (const auto [it, fresh] = action_numbers.emplace(a.number, i); !fresh) {
      out.push_back({at + ".number", "行动序号 " + std::to_string(a.number) + " 重复"});
    }
    CheckText(out, at + ".title", a.title, 100);
    if (a.measures.empty()) out.push_back({at + ".measures", "每项行动至少要有一项措施"});
    for (std::size_t j = 0; j < a.measures.size(); ++j) {
      const auto& m = a.measures[j];
      const std::string mat = at + ".measures[" + std::to_string(j) + "]";
      if (++measures > kMaxMeasures) {
        out.push_back({mat, "整个计划最多 " + std::to_string(kMaxMeasures) + " 项措施"});
        return out;
      }
      if (m.number < 1 || m.number > 999) {
        out.push_back({mat + ".number", "须在 1 到 999 之间"});
      } else if (const auto [it, fresh] = measure_numbers.emplace(m.number, mat); !fresh) {
        out.push_back({mat + ".number", "措施序号 " + std::to_string(m.number) + " 重复"});
      }
      CheckText(out, mat + ".title", m.title, 200);
      if (m.rules.size() > kMaxRulesPerMeasure) {
        out.push_back(
            {mat + ".rules", "每项措施最多 " + std::to_string(kMaxRulesPerMeasure) + " 条规则"});
        continue;
      }
      std::set<std::string_view> seen;
      for (std::size_t k = 0; k < m.rules.size(); ++k) {
        const std::string rat = mat + ".rules[" + std::to_string(k) + "]";
        if (!known(m.rules[k])) {
          out.push_back({rat, "没有编号为 " + StorableText(m.rules[k], 60) + " 的规则"});
        } else if (!seen.insert(m.rules[k]).second) {
          out.push_back({rat, "规则 " + m.rules[k] + " 在这项措施中重复"});
        }
      }
    }
  }
  return out;
}

ParsedPlan PlanFromRows(const std::vector<PlanRow>& rows) {
  ParsedPlan out;
  std::map<int, std::pair<std::size_t, int>> actions;  // number → index, first row
  for (const auto& r : rows) {
    if (r.action_number.empty() && r.action_title.empty() && r.measure_number.empty() &&
        r.measure_title.empty() && r.rules.empty()) {
      continue;
    }
    const auto an = ParseNumber(r.action_number);
    if (!an) {
      out.errors.push_back({kColActionNumber, "须为整数", r.row});
      continue;
    }
    std::size_t index = 0;
    if (const auto it = actions.find(*an); it != actions.end()) {
      index = it->second.first;
      auto& a = out.actions[index];
      if (!r.action_title.empty() && r.action_title != a.title) {
        out.errors.push_back(
            {kColAction,
             "与第 " + std::to_string(it->second.second) + " 行同一行动序号的行动名称不一致",
             r.row});
      }
    } else {
      index = out.actions.size();
      actions.emplace(*an, std::pair{index, r.row});
      out.actions.push_back({*an, r.action_title, {}});
      out.rows_of.emplace_back();
    }
    Measure m;
    if (const auto mn = ParseNumber(r.measure_number)) {
      m.number = *mn;
    } else {
      out.errors.push_back({kColMeasureNumber, "须为整数", r.row});
    }
    m.title = r.measure_title;
    m.rules = SplitRuleIds(r.rules);
    out.actions[index].measures.push_back(std::move(m));
    out.rows_of[index].push_back(r.row);
  }
  return out;
}

ErrorDetail RowErrorOf(const ErrorDetail& e, const ParsedPlan& parsed) {
  ErrorDetail out{e.field, e.reason, 0};
  const auto i = IndexAfter(e.field, "actions[");
  if (!i || *i >= parsed.rows_of.size() || parsed.rows_of[*i].empty()) {
    out.field = e.field == "title" ? "title" : kColAction;
    return out;
  }
  const auto& rows = parsed.rows_of[*i];
  const auto j = IndexAfter(e.field, ".measures[");
  out.row = j && *j < rows.size() ? rows[*j] : rows.front();
  if (e.field.find(".rules") != std::string::npos) {
    out.field = kColRules;
  } else if (j) {
    out.field = e.field.ends_with(".number") ? kColMeasureNumber : kColMeasure;
  } else {
    out.field = e.field.ends_with(".number") ? kColActionNumber : kColAction;
  }
  return out;
}

std::vector<std::string> SplitRuleIds(std::string_view text) {
  // Separators: ASCII , ; and whitespace, and the full-width 、 ， ； (three UTF-8 bytes each).
  static constexpr std::string_view kWide[] = {"、", "，", "；"};
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
      ++i;
      continue;
    }
    bool wide = false;
    for (const auto w : kWide) {
      if (text.substr(i, w.size()) == w) {
        flush();
        i += w.size();
        wide = true;
        break;
      }
    }
    if (wide) continue;
    current.push_back(c);
    ++i;
  }
  flush();
  return out;
}

std::string JoinRuleIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : "、") + id;
  return out;
}

}  // namespace xiaoan::domain::plan
