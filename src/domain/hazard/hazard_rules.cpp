#include "domain/hazard/hazard_rules.hpp"

namespace xiaoan::domain::hazard {

namespace {

std::vector<rules::RuleDecl> Declare() {
  using rules::Period;
  std::vector<rules::RuleDecl> out;
  out.push_back({"hazard.deadline",
                 1,
                 8,
                 "隐患默认整改期限",
                 "hazard",
                 Period::kRecord,
                 "无全国统一天数，由各地配置（《安全生产事故隐患排查治理暂行规定》分级治理）",
                 {{"general_days", "一般隐患默认整改期限", "天", 1, 365, 7,
                   "交办时默认的整改期限；可按隐患类别另设（general.<类别>）"},
                  {"major_days", "重大隐患默认整改期限", "天", 1, 365, 30,
                   "重大隐患挂牌督办，期限可按类别另设（major.<类别>）"}},
                 {}});
  out.push_back({"hazard.overdue",
                 1,
                 8,
                 "隐患超期未整改逐级提醒",
                 "hazard",
                 Period::kRecord,
                 "规范落实年方案措施 8：超期即提醒责任人，超期后提醒学校领导，再超期由教育局督办",
                 {{"overdue_leader_days", "超期几天后提醒学校领导", "天", 0, 60, 3, ""},
                  {"overdue_bureau_days", "超期几天后由教育局督办", "天", 0, 90, 7, ""}},
                 [](const rules::ParamValues& v) {
                   std::vector<ErrorDetail> out;
                   if (v.at("overdue_bureau_days") < v.at("overdue_leader_days")) {
                     out.push_back({"overdue_bureau_days", "须不小于 overdue_leader_days"});
                   }
                   return out;
                 }});
  out.push_back({"hazard.missed",
                 1,
                 8,
                 "自查漏报（教育局检查发现学校自查已报合格的问题）",
                 "hazard",
                 Period::kRecord,
                 "规范落实年方案措施 8：自查不认真、漏报瞒报的予以通报督办",
                 {{"missed_window_days", "自查结果的有效天数", "天", 1, 365, 30,
                   "在这段时间内自查报合格的部位被检查出隐患，算作漏报"}},
                 {}});
  out.push_back({"hazard.repeat",
                 1,
                 8,
                 "屡禁不止（同一部位同类隐患整改后再次出现）",
                 "hazard",
                 Period::kRecord,
                 "规范落实年方案措施 8：对屡禁不止的挂牌督办",
                 {{"repeat_window_days", "回看销号隐患的天数", "天", 1, 730, 180, ""}},
                 {}});
  out.push_back({"hazard.rework",
                 1,
                 8,
                 "屡整不改（整改多次验收不通过）",
                 "hazard",
                 Period::kRecord,
                 "规范落实年方案措施 8：对屡整不改的挂牌督办",
                 {{"rework_threshold", "验收不通过几次后督办", "次", 1, 10, 2, ""}},
                 {}});
  out.push_back({"hazard.major",
                 1,
                 8,
                 "重大隐患一律挂牌督办",
                 "hazard",
                 Period::kRecord,
                 "《安全生产事故隐患排查治理暂行规定》：重大隐患停用、限期治理并挂牌督办",
                 {},
                 {}});
  return out;
}

}  // namespace

std::span<const rules::RuleDecl> RuleDecls() {
  static const std::vector<rules::RuleDecl> kRules = Declare();
  return kRules;
}

}  // namespace xiaoan::domain::hazard
