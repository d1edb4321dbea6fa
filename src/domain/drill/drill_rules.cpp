#include "domain/drill/drill_rules.hpp"

namespace xiaoan::domain::drill {

namespace {

using rules::Outcome;
using rules::Period;

std::vector<rules::RuleDecl> Declare() {
  std::vector<rules::RuleDecl> out;
  out.push_back({"drill.fire_semester",
                 1,
                 13,
                 "每学期全员消防疏散演练",
                 "school",
                 Period::kSemester,
                 "规范落实年方案措施 13：每学期至少组织一次全员参与的消防疏散演练",
                 {{"min_count", "每学期至少几次", "次", 1, 10, 1, ""}},
                 {}});
  out.push_back({"drill.night_boarding",
                 1,
                 13,
                 "寄宿制学校夜间疏散演练",
                 "school",
                 Period::kYear,
                 "规范落实年方案措施 13：寄宿制学校每年至少开展两次夜间疏散演练",
                 {{"min_count", "每年至少几次", "次", 1, 12, 2, ""}},
                 {}});
  out.push_back({"drill.monthly",
                 1,
                 13,
                 "每个教学月应急疏散演练（幼儿园每季度）",
                 "school",
                 Period::kMonth,
                 "《中小学幼儿园应急疏散演练指南》（教基一厅〔2014〕2号）",
                 {{"min_count", "中小学每个教学月至少几次", "次", 1, 5, 1, ""},
                  {"kindergarten_quarter_count", "幼儿园每季度至少几次", "次", 1, 6, 1, ""},
                  {"teaching_month_days", "上学日不少于几天的月份算教学月", "天", 1, 23, 10,
                   "开学、放假所在月份上学日少于这个天数时不要求"}},
                 {}});
  out.push_back({"drill.semester_floor",
                 1,
                 13,
                 "每学期至少一次应急疏散演练",
                 "school",
                 Period::kSemester,
                 "《中小学幼儿园安全管理办法》（2006）",
                 {{"min_count", "每学期至少几次", "次", 1, 10, 1, ""}},
                 {}});
  out.push_back({"drill.school_bus",
                 1,
                 13,
                 "使用校车的学校每学期校车疏散演练",
                 "school",
                 Period::kSemester,
                 "《中小学幼儿园应急疏散演练指南》（2014）：定期开展校车应急疏散演练",
                 {{"min_count", "每学期至少几次", "次", 1, 10, 1, ""}},
                 {}});
  out.push_back({"drill.time",
                 1,
                 13,
                 "低层建筑疏散用时（提醒）",
                 "drill",
                 Period::kRecord,
                 "《中小学幼儿园应急疏散演练指南》（2014）：4 层及以下建筑一般 2 分钟内全部疏散",
                 {{"max_floors", "适用于几层及以下的建筑", "层", 1, 30, 4, ""},
                  {"limit_seconds", "从发出信号到全部撤离不超过", "秒", 30, 1800, 120, ""}},
                 {}});
  return out;
}

const rules::RuleDecl& Decl(std::string_view id) { return *rules::FindRule(RuleDecls(), id); }

// The drills in the period that `counts`, with their ids and dates.
template <typename Pred>
std::vector<const Drill*> InPeriod(std::span<const Drill> drills, const rules::PeriodSpan& p,
                                   Pred counts) {
  std::vector<const Drill*> out;
  for (const auto& d : drills) {
    const auto date = calendar::ParseDate(d.date);
    if (!date || *date < p.first || *date > p.last) continue;
    if (counts(d)) out.push_back(&d);
  }
  return out;
}

// "…要求<what>至少 N 次，已记录 M 次：2026-10-14、2026-11-20" with the outcome's wording.
rules::Verdict CountVerdict(const std::vector<const Drill*>& found, int need,
                            const rules::PeriodSpan& p, calendar::Date today,
                            const std::string& what) {
  rules::Verdict v;
  const int have = static_cast<int>(found.size());
  v.outcome = rules::CountOutcome(have, need, p, today);
  std::string dates;
  for (const auto* d : found) {
    dates += (dates.empty() ? "：" : "、") + d->date;
    v.evidence.push_back(d->id);
  }
  v.reason = p.label + "需" + what + " " + std::to_string(need) + " 次，已记录 " +
             std::to_string(have) + " 次" + dates;
  if (v.outcome == Outcome::kDue) {
    v.reason += "；截至 " + calendar::FormatDate(today) + " 尚差 " + std::to_string(need - have) +
                " 次，期限 " + calendar::FormatDate(p.last);
  }
  return v;
}

rules::Verdict NotApplicable(std::string reason) {
  return {Outcome::kNotApplicable, std::move(reason), {}};
}

}  // namespace

std::span<const rules::RuleDecl> RuleDecls() {
  static const std::vector<rules::RuleDecl> kRules = Declare();
  return kRules;
}

std::vector<Judgement> JudgeSchool(const SchoolFacts& school, std::span<const Drill> drills,
                                   const calendar::SchoolCalendar& cal,
                                   const std::map<std::string, rules::ParamValues>& values,
                                   calendar::Date day, calendar::Date today) {
  std::vector<Judgement> out;
  auto judge = [&](const rules::RuleDecl& rule, Period period, auto&& verdict) {
    const auto p = rules::PeriodOf(period, day, cal);
    if (!p) return;
    out.push_back({&rule, *p, today <= p->last, verdict(*p)});
  };
  const bool kindergarten = school.stage == "kindergarten";

  const auto& fire = Decl("drill.fire_semester");
  judge(fire, Period::kSemester, [&](const rules::PeriodSpan& p) {
    return CountVerdict(
        InPeriod(drills, p, [](const Drill& d) { return d.kind == "fire" && d.whole_school; }),
        rules::ValueOf(values, fire, "min_count"), p, today, "全员消防疏散演练");
  });

  const auto& night = Decl("drill.night_boarding");
  judge(night, Period::kYear, [&](const rules::PeriodSpan& p) {
    if (!school.boarding) return NotApplicable("非寄宿制学校不要求夜间疏散演练");
    return CountVerdict(InPeriod(drills, p, [](const Drill& d) { return d.night && d.evacuation; }),
                        rules::ValueOf(values, night, "min_count"), p, today, "夜间疏散演练");
  });

  const auto& monthly = Decl("drill.monthly");
  judge(monthly, kindergarten ? Period::kQuarter : Period::kMonth, [&](const rules::PeriodSpan& p) {
    const auto missing = cal.MissingYears(p.first, p.last);
    if (!missing.empty()) {
      return NotApplicable("缺少 " + std::to_string(missing.front()) + " 年节假日安排，无法判断" +
                           p.label + "的上学日");
    }
    const int school_days = static_cast<int>(cal.SchoolDays(p.first, p.last).size());
    if (kindergarten) {
      if (school_days == 0) return NotApplicable(p.label + "没有上学日");
      return CountVerdict(InPeriod(drills, p, [](const Drill& d) { return d.evacuation; }),
                          rules::ValueOf(values, monthly, "kindergarten_quarter_count"), p, today,
                          "应急疏散演练");
    }
    const int min_days = rules::ValueOf(values, monthly, "teaching_month_days");
    if (school_days < min_days) {
      return NotApplicable(p.label + "上学日 " + std::to_string(school_days) + " 天，不足 " +
                           std::to_string(min_days) + " 天，不算教学月");
    }
    return CountVerdict(InPeriod(drills, p, [](const Drill& d) { return d.evacuation; }),
                        rules::ValueOf(values, monthly, "min_count"), p, today, "应急疏散演练");
  });

  const auto& floor = Decl("drill.semester_floor");
  judge(floor, Period::kSemester, [&](const rules::PeriodSpan& p) {
    return CountVerdict(InPeriod(drills, p, [](const Drill& d) { return d.evacuation; }),
                        rules::ValueOf(values, floor, "min_count"), p, today, "应急疏散演练");
  });

  const auto& bus = Decl("drill.school_bus");
  judge(bus, Period::kSemester, [&](const rules::PeriodSpan& p) {
    if (school.school_buses <= 0) return NotApplicable("未使用校车的学校不要求校车疏散演练");
    return CountVerdict(InPeriod(drills, p, [](const Drill& d) { return d.kind == "school_bus"; }),
                        rules::ValueOf(values, bus, "min_count"), p, today, "校车疏散演练");
  });
  return out;
}

rules::Verdict JudgeTime(const Drill& d, const rules::ParamValues& values) {
  const auto& rule = Decl("drill.time");
  const auto defaults = rules::Defaults(rule);
  auto value = [&](const std::string& key) {
    const auto it = values.find(key);
    return it != values.end() ? it->second : defaults.at(key);
  };
  const int max_floors = value("max_floors");
  const int limit = value("limit_seconds");
  if (!d.evacuation) return NotApplicable("不是疏散演练");
  if (d.floors <= 0) return NotApplicable("未登记演练建筑的层数");
  if (d.floors > max_floors) {
    return NotApplicable(std::to_string(d.floors) + " 层建筑，超过 " + std::to_string(max_floors) +
                         " 层，不适用");
  }
  const auto seconds = EvacuationSeconds(d);
  if (!seconds) return NotApplicable("未记录发出信号和全部撤离的时间");
  rules::Verdict v;
  v.evidence.push_back(d.id);
  const std::string took = "疏散用时 " + std::to_string(*seconds) + " 秒";
  const std::string rule_text =
      std::to_string(max_floors) + " 层及以下建筑要求不超过 " + std::to_string(limit) + " 秒";
  if (*seconds > limit) {
    v.outcome = Outcome::kWarn;
    v.reason = took + "，超过" + rule_text;
  } else {
    v.outcome = Outcome::kPass;
    v.reason = took + "，符合" + rule_text;
  }
  return v;
}

}  // namespace xiaoan::domain::drill
