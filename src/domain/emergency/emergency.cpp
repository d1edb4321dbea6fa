#include "domain/emergency/emergency.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <utility>

#include "core/strings.hpp"
#include "domain/calendar/months.hpp"
#include "domain/platform/field_checks.hpp"
#include "domain/platform/personal_info.hpp"

namespace xiaoan::domain::emergency {

namespace {

using rules::Outcome;
using rules::ParamValues;
using rules::Verdict;

constexpr Option kCommandRoles[] = {{"commander", "总指挥"},         {"deputy", "副总指挥"},
                                    {"evacuation", "疏散引导组"},    {"rescue", "抢险救援组"},
                                    {"communication", "通讯联络组"}, {"logistics", "后勤保障组"},
                                    {"medical", "医疗救护组"}};
// The groups emergency.command asks for, in the card's order.
constexpr std::string_view kRequiredGroups[] = {"evacuation", "rescue", "communication",
                                                "logistics"};
constexpr Option kUnitRoles[] = {
    {"guard", "保安员"}, {"staff", "教职工"}, {"volunteer", "周边商户志愿者"}};
constexpr Option kPlanKinds[] = {
    {"overall", "综合应急预案"}, {"special", "专项应急预案"}, {"onsite", "现场处置方案"}};

std::string_view LabelIn(std::span<const Option> options, std::string_view code) {
  for (const auto& o : options) {
    if (o.code == code) return o.label;
  }
  return {};
}

std::string Field(const char* list, std::size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

void CheckCode(std::vector<ErrorDetail>& out, const std::string& field, const std::string& code,
               std::span<const Option> options, const std::string& what) {
  if (!LabelIn(options, code).empty()) return;
  std::string allowed;
  for (const auto& o : options) allowed += (allowed.empty() ? "" : "、") + std::string(o.label);
  out.push_back({field, what + "须为 " + allowed});
}

void CheckPeople(std::vector<ErrorDetail>& out, const char* list, const std::vector<Member>& people,
                 std::span<const Option> roles, const char* what) {
  if (people.size() > kMaxPeople) {
    out.push_back({list, std::string(what) + "不能超过 " + std::to_string(kMaxPeople) + " 人"});
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const auto& m = people[i];
    CheckCode(out, Field(list, i, "role"), m.role, roles, "职责");
    CheckText(out, Field(list, i, "name"), m.name, "姓名", kMaxNameChars, true);
    CheckText(out, Field(list, i, "post"), m.post, "职务或单位", kMaxPostChars, false);
    CheckPhone(out, Field(list, i, "phone"), m.phone, false);
    if (!IsBlank(m.name) && !seen.insert({m.role, m.name}).second) {
      out.push_back({Field(list, i, "name"), m.name + "在同一职责中重复"});
    }
  }
}

// People of a role with a name, and how many of them a phone reaches.
struct Count {
  int named = 0;
  int reachable = 0;
};
Count CountOf(const std::vector<Member>& people, std::string_view role) {
  Count c;
  for (const auto& m : people) {
    if (m.role != role || IsBlank(m.name)) continue;
    ++c.named;
    if (IsReachablePhone(m.phone)) ++c.reachable;
  }
  return c;
}

std::string JoinCn(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "；") + p;
  return out;
}

constexpr const char* kSource19 =
    "规范落实年方案措施 19：健全学校应急处置机制，建立应急指挥体系，组建由保安员、教职工和周边"
    "商户志愿者组成的最小应急单元";

std::vector<rules::RuleDecl> Declare() {
  std::vector<rules::RuleDecl> out;
  out.push_back({"emergency.command",
                 1,
                 19,
                 "应急指挥体系：总指挥和各工作组人员明确",
                 "school",
                 rules::Period::kMonth,
                 kSource19,
                 {{"min_per_group", "疏散、抢险、通讯、后勤各组至少几人", "人", 1, 20, 1, ""}},
                 {}});
  out.push_back({"emergency.unit",
                 1,
                 19,
                 "最小应急单元：保安员、教职工、周边志愿者人数和联系方式",
                 "school",
                 rules::Period::kMonth,
                 kSource19,
                 {{"min_guards", "保安员至少几人", "人", 0, 20, 1, ""},
                  {"min_staff", "教职工至少几人", "人", 0, 50, 2, ""},
                  {"min_volunteers", "周边商户志愿者至少几人", "人", 0, 20, 1, ""}},
                 [](const ParamValues& v) {
                   std::vector<ErrorDetail> problems;
                   if (v.at("min_guards") + v.at("min_staff") + v.at("min_volunteers") == 0) {
                     problems.push_back({"min_staff", "最小应急单元至少要有一人"});
                   }
                   return problems;
                 }});
  out.push_back({"emergency.plan",
                 1,
                 19,
                 "应急预案齐全并按期修订",
                 "school",
                 rules::Period::kMonth,
                 "《生产安全事故应急预案管理办法》：应急预案定期评估、及时修订；方案措施 19",
                 {{"review_months", "预案修订后几个月内须再次修订", "个月", 1, 60, 12, ""},
                  {"warn_days", "到期前几天提醒", "天", 0, 180, 30, "0 不提醒"}},
                 {}});
  return out;
}

const std::vector<rules::RuleDecl>& Decls() {
  static const std::vector<rules::RuleDecl> k = Declare();
  return k;
}

bool Stored(const std::optional<EmergencySetup>& s) { return s && s->version > 0; }

}  // namespace

std::span<const Option> CommandRoles() { return kCommandRoles; }
std::span<const Option> UnitRoles() { return kUnitRoles; }
std::span<const Option> PlanKinds() { return kPlanKinds; }
std::string_view CommandRoleLabel(std::string_view code) { return LabelIn(kCommandRoles, code); }
std::string_view UnitRoleLabel(std::string_view code) { return LabelIn(kUnitRoles, code); }
std::string_view PlanKindLabel(std::string_view code) { return LabelIn(kPlanKinds, code); }

std::vector<ErrorDetail> CheckSetup(const EmergencySetup& s, calendar::Date today) {
  std::vector<ErrorDetail> out;
  CheckPeople(out, "command", s.command, kCommandRoles, "应急指挥体系");
  CheckPeople(out, "unit", s.unit, kUnitRoles, "最小应急单元");
  CheckPhone(out, "duty_phone", s.duty_phone, false);
  CheckText(out, "gathering_point", s.gathering_point, "紧急疏散集合点", kMaxTextChars, false);
  CheckText(out, "police_station", s.police_station, "属地派出所", kMaxTextChars, false);
  CheckText(out, "hospital", s.hospital, "就近医院", kMaxTextChars, false);
  if (s.plans.size() > kMaxPlans) {
    out.push_back({"plans", "应急预案不能超过 " + std::to_string(kMaxPlans) + " 份"});
  }
  std::set<std::int64_t> files;
  for (std::size_t i = 0; i < s.plans.size(); ++i) {
    const auto& p = s.plans[i];
    CheckText(out, Field("plans", i, "title"), p.title, "预案名称", kMaxTextChars, true);
    CheckCode(out, Field("plans", i, "kind"), p.kind, kPlanKinds, "预案类别");
    const auto on = calendar::ParseDate(p.revised_on);
    if (!on) {
      out.push_back({Field("plans", i, "revised_on"), "修订日期须为 YYYY-MM-DD"});
    } else if (*on > today) {
      out.push_back({Field("plans", i, "revised_on"), "修订日期不能晚于今天"});
    }
    if (p.file_id && !files.insert(*p.file_id).second) {
      out.push_back({Field("plans", i, "file_id"), "同一文件不能作为两份预案的附件"});
    }
  }
  return out;
}

std::optional<calendar::Date> ReviewBy(const PlanDoc& p, int months) {
  const auto on = calendar::ParseDate(p.revised_on);
  if (!on) return std::nullopt;
  return calendar::AddMonthsClamped(*on, months);
}

std::span<const rules::RuleDecl> RuleDecls() { return Decls(); }
const rules::RuleDecl& CommandRule() { return Decls()[0]; }
const rules::RuleDecl& UnitRule() { return Decls()[1]; }
const rules::RuleDecl& PlanRule() { return Decls()[2]; }

Verdict JudgeCommand(const std::optional<EmergencySetup>& s, const ParamValues& v) {
  if (!Stored(s)) return {Outcome::kFail, "尚未建立应急指挥体系", {}};
  const int need = v.at("min_per_group");
  std::vector<std::string> missing;
  const auto commander = CountOf(s->command, "commander");
  if (commander.named == 0) {
    missing.emplace_back("未明确总指挥");
  } else if (commander.reachable == 0) {
    missing.emplace_back("总指挥无有效联系电话");
  }
  std::string groups;
  for (const auto g : kRequiredGroups) {
    const int n = CountOf(s->command, g).named;
    if (n < need) {
      missing.push_back(std::string(CommandRoleLabel(g)) + " " + std::to_string(n) + " 人，少于 " +
                        std::to_string(need) + " 人");
    }
    groups += (groups.empty() ? "" : "，") + std::string(CommandRoleLabel(g)) + " " +
              std::to_string(n) + " 人";
  }
  if (!missing.empty()) return {Outcome::kFail, JoinCn(missing), {s->unit_id}};
  return {Outcome::kPass, "总指挥已明确；" + groups, {s->unit_id}};
}

Verdict JudgeUnit(const std::optional<EmergencySetup>& s, const ParamValues& v) {
  if (!Stored(s)) return {Outcome::kFail, "尚未组建最小应急单元", {}};
  std::vector<std::string> missing;
  std::string counts;
  int unreachable = 0;
  for (const auto& [role, key] : {std::pair{"guard", "min_guards"}, std::pair{"staff", "min_staff"},
                                  std::pair{"volunteer", "min_volunteers"}}) {
    const auto c = CountOf(s->unit, role);
    const int need = v.at(key);
    unreachable += c.named - c.reachable;
    const std::string label(UnitRoleLabel(role));
    if (c.named < need) {
      missing.push_back(label + " " + std::to_string(c.named) + " 人，少于 " +
                        std::to_string(need) + " 人");
    }
    counts += (counts.empty() ? "" : "，") + label + " " + std::to_string(c.named) + " 人";
  }
  if (unreachable > 0) {
    missing.push_back(std::to_string(unreachable) + " 人无有效联系电话");
  }
  if (!missing.empty()) return {Outcome::kFail, JoinCn(missing), {s->unit_id}};
  return {Outcome::kPass, counts + "，均有联系电话", {s->unit_id}};
}

Verdict JudgePlans(const std::optional<EmergencySetup>& s, const ParamValues& v,
                   calendar::Date today) {
  if (!Stored(s) || s->plans.empty()) return {Outcome::kFail, "尚未登记应急预案", {}};
  const int months = v.at("review_months");
  const int warn_days = v.at("warn_days");
  std::vector<std::string> late;
  std::vector<std::string> soon;
  bool overall = false;
  for (const auto& p : s->plans) {
    overall = overall || p.kind == "overall";
    const auto by = ReviewBy(p, months);
    if (!by) continue;
    if (*by < today) {
      late.push_back("《" + p.title + "》应于 " + calendar::FormatDate(*by) + " 前修订");
    } else if ((*by - today).count() < warn_days) {
      soon.push_back("《" + p.title + "》须于 " + calendar::FormatDate(*by) + " 前修订");
    }
  }
  std::vector<std::string> problems;
  if (!overall) problems.emplace_back("缺少综合应急预案");
  problems.insert(problems.end(), late.begin(), late.end());
  if (!problems.empty()) return {Outcome::kFail, JoinCn(problems), {s->unit_id}};
  if (!soon.empty()) return {Outcome::kWarn, JoinCn(soon), {s->unit_id}};
  return {
      Outcome::kPass, std::to_string(s->plans.size()) + " 份应急预案，均在修订期内", {s->unit_id}};
}

}  // namespace xiaoan::domain::emergency
