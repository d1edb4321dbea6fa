#include "domain/staffing/staffing.hpp"

#include <set>

#include "core/strings.hpp"
#include "domain/platform/field_checks.hpp"

namespace xiaoan::domain::staffing {

namespace {

using rules::Outcome;
using rules::ParamValues;
using rules::Verdict;

std::string Field(std::size_t i, const char* field) {
  return "members[" + std::to_string(i) + "]." + field;
}

std::vector<rules::RuleDecl> Declare() {
  std::vector<rules::RuleDecl> out;
  out.push_back({"staffing.office",
                 1,
                 18,
                 "学校安全监管机构人员配备",
                 "school",
                 rules::Period::kMonth,
                 "规范落实年方案措施 18：加强安全监管机构和队伍建设，推动各校遴选人员充实到安全监管"
                 "机构",
                 {{"min_members", "安全监管机构至少几人", "人", 1, 50, 2, ""},
                  {"min_full_time", "其中专职至少几人", "人", 0, 50, 1, "0 不要求专职"}},
                 [](const ParamValues& v) {
                   std::vector<ErrorDetail> problems;
                   if (v.at("min_full_time") > v.at("min_members")) {
                     problems.push_back({"min_full_time", "专职人数不能多于机构人数"});
                   }
                   return problems;
                 }});
  return out;
}

const std::vector<rules::RuleDecl>& Decls() {
  static const std::vector<rules::RuleDecl> k = Declare();
  return k;
}

}  // namespace

std::vector<ErrorDetail> CheckOffice(const SafetyOffice& o) {
  std::vector<ErrorDetail> out;
  CheckText(out, "name", o.name, "机构名称", kMaxOfficeChars, true);
  if (o.members.size() > kMaxMembers) {
    out.push_back({"members", "机构人员不能超过 " + std::to_string(kMaxMembers) + " 人"});
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < o.members.size(); ++i) {
    const auto& m = o.members[i];
    CheckText(out, Field(i, "name"), m.name, "姓名", kMaxNameChars, true);
    CheckText(out, Field(i, "post"), m.post, "职务", kMaxPostChars, false);
    CheckText(out, Field(i, "qualifications"), m.qualifications, "资质", kMaxQualificationChars,
              false);
    CheckPhone(out, Field(i, "phone"), m.phone, false);
    if (!IsBlank(m.name) && !seen.insert(m.name).second) {
      out.push_back({Field(i, "name"), m.name + "重复"});
    }
  }
  return out;
}

Counts CountsOf(const SafetyOffice& o) {
  Counts c;
  for (const auto& m : o.members) {
    if (IsBlank(m.name)) continue;
    ++c.members;
    c.full_time += m.full_time ? 1 : 0;
    c.qualified += IsBlank(m.qualifications) ? 0 : 1;
  }
  return c;
}

std::span<const rules::RuleDecl> RuleDecls() { return Decls(); }
const rules::RuleDecl& OfficeRule() { return Decls()[0]; }

Verdict JudgeOffice(const std::optional<SafetyOffice>& o, const ParamValues& v) {
  if (!o || o->version == 0 || o->members.empty()) {
    return {Outcome::kFail, "尚未登记安全监管机构人员", {}};
  }
  const auto c = CountsOf(*o);
  const int need = v.at("min_members");
  const int need_full = v.at("min_full_time");
  std::string problems;
  if (c.members < need) {
    problems =
        "机构人员 " + std::to_string(c.members) + " 人，少于 " + std::to_string(need) + " 人";
  }
  if (c.full_time < need_full) {
    problems += (problems.empty() ? "" : "；") + std::string("专职 ") +
                std::to_string(c.full_time) + " 人，少于 " + std::to_string(need_full) + " 人";
  }
  if (!problems.empty()) return {Outcome::kFail, problems, {o->unit_id}};
  return {Outcome::kPass,
          o->name + " " + std::to_string(c.members) + " 人，其中专职 " +
              std::to_string(c.full_time) + " 人",
          {o->unit_id}};
}

}  // namespace xiaoan::domain::staffing
