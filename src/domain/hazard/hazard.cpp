#include "domain/hazard/hazard.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>

#include "core/strings.hpp"
#include "domain/hazard/hazard_rules.hpp"

namespace xiaoan::domain::hazard {

namespace {

constexpr EnumEntry kDomains[] = {{"fire", "消防安全"},
                                  {"electrical", "用电安全"},
                                  {"gas", "燃气安全"},
                                  {"structure", "建筑结构"},
                                  {"traffic", "交通安全"},
                                  {"food", "食品安全"},
                                  {"lab", "实验室及危化品"},
                                  {"special_equipment", "特种设备"},
                                  {"bullying", "欺凌与矛盾纠纷"},
                                  {"drowning", "防溺水"},
                                  {"surroundings", "校园周边"},
                                  {"security_equipment", "安防设施"},
                                  {"other", "其他"}};
constexpr EnumEntry kLevels[] = {{"general", "一般隐患"}, {"major", "重大隐患"}};
constexpr EnumEntry kSources[] = {
    {"self_inspection", "学校自查"}, {"bureau_inspection", "教育局检查"},
    {"city_inspection", "市级检查"}, {"drill", "演练发现"},
    {"whistle", "吹哨报到"},         {"public_report", "群众举报"},
    {"screening", "安全排查"},       {"patrol", "日常巡查"}};
constexpr EnumEntry kStates[] = {{"reported", "已上报"},   {"assigned", "已交办"},
                                 {"rectifying", "整改中"}, {"submitted", "待验收"},
                                 {"verified", "已验收"},   {"closed", "已销号"}};
constexpr std::array<std::string_view, 7> kActions = {
    "assign", "start_rectifying", "submit", "approve", "reject", "close", "reopen"};

Error Refuse(std::string message, std::string rule, std::string reason) {
  return Error{ErrorCode::kFailedPrecondition,
               std::move(message),
               {ErrorDetail{std::move(rule), std::move(reason), 0}}};
}

// End of a YYYY-MM-DD day in China Standard Time (UTC+8), where the districts are.
std::optional<Instant> EndOfDay(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  const char* s = date.data();
  if (std::from_chars(s, s + 4, y).ec != std::errc{} ||
      std::from_chars(s + 5, s + 7, m).ec != std::errc{} ||
      std::from_chars(s + 8, s + 10, d).ec != std::errc{}) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::sys_days{ymd} +
                                                                 std::chrono::hours{16});
}

bool SamePlace(const std::optional<std::int64_t>& a, const std::optional<std::int64_t>& b) {
  return a == b;  // two hazards without a key place are both "the school at large"
}

bool Within(Instant t, Instant end, int days) {
  return t <= end && t >= end - std::chrono::days{days};
}

}  // namespace

EnumTable Domains() { return kDomains; }
EnumTable Levels() { return kLevels; }
EnumTable Sources() { return kSources; }
EnumTable States() { return kStates; }

std::string_view StateCode(State s) { return kStates[static_cast<int>(s)].code; }

std::optional<State> StateFromCode(std::string_view code) {
  for (int i = 0; i < static_cast<int>(std::size(kStates)); ++i) {
    if (kStates[i].code == code) return static_cast<State>(i);
  }
  return std::nullopt;
}

std::string_view ActionCode(Action a) { return kActions[static_cast<int>(a)]; }

std::optional<Action> ActionFromCode(std::string_view code) {
  for (int i = 0; i < static_cast<int>(kActions.size()); ++i) {
    if (kActions[i] == code) return static_cast<Action>(i);
  }
  return std::nullopt;
}

std::vector<ErrorDetail> MissingFiveInPlace(const FiveInPlace& f) {
  std::vector<ErrorDetail> out;
  const auto need = [&out](const std::string& v, const char* field, const char* what) {
    if (IsBlank(v)) out.push_back({field, std::string("重大隐患须落实") + what, 0});
  };
  need(f.measures, "five.measures", "整改措施");
  need(f.responsible, "five.responsible", "责任人");
  need(f.funds, "five.funds", "整改资金");
  need(f.deadline, "five.deadline", "整改时限");
  need(f.contingency_plan, "five.contingency_plan", "应急预案");
  return out;
}

std::optional<ErrorDetail> CheckInspectionTime(Instant checked_at, Instant now) {
  if (checked_at > now + kClockSkew) {
    return ErrorDetail{"checked_at", "自查时间不能晚于当前时间", 0};
  }
  return std::nullopt;
}

std::vector<Action> ActionsFrom(State s) {
  switch (s) {
    case State::kReported:
      return {Action::kAssign};
    case State::kAssigned:
      return {Action::kAssign, Action::kStartRectifying};
    case State::kRectifying:
      return {Action::kSubmit};
    case State::kSubmitted:
      return {Action::kApprove, Action::kReject};
    case State::kVerified:
      return {Action::kClose};
    case State::kClosed:
      return {Action::kReopen};
  }
  return {};
}

Result<StepOutcome> Step(const StepFacts& f, Action action) {
  bool open = false;
  for (Action a : ActionsFrom(f.state)) open = open || a == action;
  if (!open) {
    return Refuse(
        "当前状态“" + std::string(LabelOf(States(), StateCode(f.state))) + "”不能执行此操作",
        "hazard.workflow",
        std::string(ActionCode(action)) + " 不能从 " + std::string(StateCode(f.state)) + " 执行");
  }
  StepOutcome out;
  switch (action) {
    case Action::kAssign:
      if (f.owner.empty()) return Refuse("交办须指定整改责任人", "owner", "缺少整改责任人");
      if (!f.deadline || !EndOfDay(*f.deadline)) {
        return Refuse("交办须指定整改期限（YYYY-MM-DD）", "deadline", "缺少或格式错误");
      }
      if (f.deadline_beyond_default && f.reason.empty()) {
        return Refuse("整改期限晚于默认期限，须说明理由", "hazard.deadline", "缺少延期理由");
      }
      out.to = State::kAssigned;
      return out;
    case Action::kStartRectifying:
      out.to = State::kRectifying;
      return out;
    case Action::kSubmit:
      if (f.evidence_count <= 0) {
        return Refuse("提交验收须附整改照片或文件", "hazard.evidence", "缺少整改证据");
      }
      out.to = State::kSubmitted;
      return out;
    case Action::kApprove:
      if (!f.rectifier.empty() && f.actor == f.rectifier) {
        return Refuse("整改人不能验收自己的整改", "hazard.verify", "验收人须不同于整改人");
      }
      out.to = State::kVerified;
      return out;
    case Action::kReject:
      if (!f.rectifier.empty() && f.actor == f.rectifier) {
        return Refuse("整改人不能验收自己的整改", "hazard.verify", "验收人须不同于整改人");
      }
      if (f.reason.empty()) return Refuse("验收不通过须说明理由", "reason", "缺少理由");
      out.to = State::kRectifying;
      out.counts_rework = true;
      return out;
    case Action::kClose:
      if (f.major) {
        auto missing = MissingFiveInPlace(f.five);
        if (!missing.empty()) {
          missing.insert(missing.begin(), ErrorDetail{"hazard.major_five", "五落实不完整", 0});
          return Error{ErrorCode::kFailedPrecondition, "重大隐患须“五落实”齐全方可销号",
                       std::move(missing)};
        }
      }
      out.to = State::kClosed;
      return out;
    case Action::kReopen:
      if (f.reason.empty()) return Refuse("重新打开须说明理由", "reason", "缺少理由");
      out.to = State::kRectifying;
      out.counts_reopen = true;
      return out;
  }
  return Refuse("未知操作", "hazard.workflow", "unknown action");
}

int DefaultDeadlineDays(const DeadlineRules& rules, bool major, std::string_view domain) {
  const auto& table = major ? rules.major_by_domain : rules.general_by_domain;
  if (auto it = table.find(std::string(domain)); it != table.end()) return it->second;
  return major ? rules.major_days : rules.general_days;
}

RuleSet RulesFromSettings(const std::vector<std::pair<std::string, std::string>>& settings,
                          std::vector<ErrorDetail>* problems) {
  std::vector<ErrorDetail> found;
  const auto decls = RuleDecls();
  const auto* deadline = rules::FindRule(decls, "hazard.deadline");
  RuleSet r;
  // The values of each declared rule by key; the per-domain deadlines on the side.
  std::map<std::string, std::map<std::string, std::int64_t>> per_rule;
  for (const auto& [key, text] : settings) {
    int v = 0;
    const auto* end = text.data() + text.size();
    const auto parsed = std::from_chars(text.data(), end, v);
    if (parsed.ec != std::errc{} || parsed.ptr != end) {
      found.push_back({key, "须为整数"});
      continue;
    }
    if (key.rfind("general.", 0) == 0 || key.rfind("major.", 0) == 0) {
      const bool major = key[0] == 'm';
      const std::string domain = key.substr(major ? 6 : 8);
      if (!HasCode(Domains(), domain)) {
        found.push_back({key, "没有这个隐患类别"});
        continue;
      }
      // Bounded as the level's default is.
      std::vector<ErrorDetail> range;
      rules::CheckValues(*deadline, {{major ? "major_days" : "general_days", v}}, range);
      if (!range.empty()) {
        found.push_back({key, range.front().reason});
        continue;
      }
      (major ? r.deadlines.major_by_domain : r.deadlines.general_by_domain)[domain] = v;
      continue;
    }
    const auto owner = std::find_if(decls.begin(), decls.end(), [&](const rules::RuleDecl& d) {
      return std::any_of(d.params.begin(), d.params.end(),
                         [&](const rules::ParamSpec& p) { return p.key == key; });
    });
    if (owner == decls.end()) {
      found.push_back({key, "未知的规则项"});
      continue;
    }
    per_rule[owner->id][key] = v;
  }
  std::map<std::string, int> values;
  for (const auto& decl : decls) {
    for (const auto& [k, v] : rules::CheckValues(decl, per_rule[decl.id], found)) values[k] = v;
  }
  r.deadlines.general_days = values.at("general_days");
  r.deadlines.major_days = values.at("major_days");
  r.escalation.overdue_leader_days = values.at("overdue_leader_days");
  r.escalation.overdue_bureau_days = values.at("overdue_bureau_days");
  r.escalation.missed_window_days = values.at("missed_window_days");
  r.escalation.repeat_window_days = values.at("repeat_window_days");
  r.escalation.rework_threshold = values.at("rework_threshold");
  // Problems in the order of the settings they name (a cross-check last when its key is absent).
  const auto position = [&](const ErrorDetail& e) {
    const auto it = std::find_if(settings.begin(), settings.end(),
                                 [&](const auto& kv) { return kv.first == e.field; });
    return it - settings.begin();
  };
  std::stable_sort(found.begin(), found.end(), [&](const ErrorDetail& a, const ErrorDetail& b) {
    return position(a) < position(b);
  });
  if (problems != nullptr) problems->insert(problems->end(), found.begin(), found.end());
  return r;
}

std::vector<std::pair<std::string, std::string>> SettingsOf(const RuleSet& r) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"general_days", std::to_string(r.deadlines.general_days)},
      {"major_days", std::to_string(r.deadlines.major_days)}};
  for (const auto& [d, v] : r.deadlines.general_by_domain) {
    out.emplace_back("general." + d, std::to_string(v));
  }
  for (const auto& [d, v] : r.deadlines.major_by_domain) {
    out.emplace_back("major." + d, std::to_string(v));
  }
  out.emplace_back("overdue_leader_days", std::to_string(r.escalation.overdue_leader_days));
  out.emplace_back("overdue_bureau_days", std::to_string(r.escalation.overdue_bureau_days));
  out.emplace_back("missed_window_days", std::to_string(r.escalation.missed_window_days));
  out.emplace_back("repeat_window_days", std::to_string(r.escalation.repeat_window_days));
  out.emplace_back("rework_threshold", std::to_string(r.escalation.rework_threshold));
  return out;
}

std::string_view TargetCode(Target t) {
  switch (t) {
    case Target::kOwner:
      return "owner";
    case Target::kSchoolLeader:
      return "school_leader";
    case Target::kBureau:
      return "bureau";
  }
  return "owner";
}

std::string ChinaDate(Instant t) {
  const auto local = std::chrono::floor<std::chrono::days>(t + std::chrono::hours{8});
  const std::chrono::year_month_day ymd{local};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<std::string> AddDays(const std::string& date, int days) {
  const auto end = EndOfDay(date);
  if (!end) return std::nullopt;
  return ChinaDate(*end - std::chrono::hours{1} + std::chrono::days{days});
}

bool ValidDate(const std::string& date) { return EndOfDay(date).has_value(); }

std::string FoundAtProblem(Instant found, Instant now) {
  using namespace std::chrono;
  if (found > now + minutes(5)) return "发现时间不能晚于现在";
  constexpr auto kEarliest = sys_days{year(2000) / January / 1};
  if (found < kEarliest) return "发现时间不能早于 2000 年";
  return {};
}

int DaysOverdue(const std::optional<std::string>& deadline, Instant now) {
  if (!deadline) return 0;
  const auto end = EndOfDay(*deadline);
  if (!end || now <= *end) return 0;
  return static_cast<int>(std::chrono::floor<std::chrono::days>(now - *end).count()) + 1;
}

std::vector<Escalation> Evaluate(const HazardSnapshot& h, const EscalationInputs& in, Instant now,
                                 const EscalationRules& rules) {
  std::vector<Escalation> out;
  if (h.state == State::kClosed) return out;

  if (h.major) {
    out.push_back({"hazard.major", Target::kBureau, true, "重大隐患，立即挂牌督办"});
  }

  if (const int days = DaysOverdue(h.deadline, now); days > 0) {
    const std::string when =
        "已超过整改期限 " + std::to_string(days) + " 天（期限 " + h.deadline.value_or("") + "）";
    out.push_back({"hazard.overdue.owner", Target::kOwner, false, when + "，提醒整改责任人"});
    if (days > rules.overdue_leader_days) {
      out.push_back(
          {"hazard.overdue.leader", Target::kSchoolLeader, false,
           when + "，超过 " + std::to_string(rules.overdue_leader_days) + " 天，提醒学校领导"});
    }
    if (days > rules.overdue_bureau_days) {
      out.push_back(
          {"hazard.overdue.bureau", Target::kBureau, true,
           when + "，超过 " + std::to_string(rules.overdue_bureau_days) + " 天，教育局督办"});
    }
  }

  if (h.source == "bureau_inspection" || h.source == "city_inspection") {
    for (const auto& c : in.self_checks) {
      if (c.domain != h.domain || !SamePlace(c.key_place_id, h.key_place_id)) continue;
      const bool same_campaign = c.campaign_id && h.campaign_id && *c.campaign_id == *h.campaign_id;
      if (same_campaign || Within(c.at, h.found_at, rules.missed_window_days)) {
        out.push_back(
            {"hazard.missed", Target::kBureau, true,
             std::string(same_campaign
                             ? "同一专项行动中"
                             : "近 " + std::to_string(rules.missed_window_days) + " 天内") +
                 "学校自查报告该部位该类别合格，却被" + std::string(LabelOf(Sources(), h.source)) +
                 "发现隐患（自查漏报）"});
        break;
      }
    }
  }

  for (const auto& c : in.closed_before) {
    if (c.id == h.id || c.domain != h.domain || !SamePlace(c.key_place_id, h.key_place_id)) {
      continue;
    }
    if (Within(c.closed_at, h.found_at, rules.repeat_window_days)) {
      out.push_back({"hazard.repeat", Target::kBureau, true,
                     "同一部位同类隐患在 " + std::to_string(rules.repeat_window_days) +
                         " 天内已销号（隐患 #" + std::to_string(c.id) +
                         "）后再次出现（屡禁不止）"});
      break;
    }
  }

  if (h.rework_count >= rules.rework_threshold) {
    out.push_back({"hazard.rework", Target::kBureau, true,
                   "整改验收已被退回 " + std::to_string(h.rework_count) + " 次（屡整不改）"});
  }
  return out;
}

}  // namespace xiaoan::domain::hazard
