#include "domain/rules/rules.hpp"

#include <algorithm>
#include <set>

#include "domain/rules/findings.hpp"

namespace xiaoan::domain::rules {

std::string_view PeriodCode(Period p) {
  switch (p) {
    case Period::kRecord:
      return "record";
    case Period::kDay:
      return "day";
    case Period::kWeek:
      return "week";
    case Period::kMonth:
      return "month";
    case Period::kQuarter:
      return "quarter";
    case Period::kSemester:
      return "semester";
    case Period::kYear:
      break;
  }
  return "year";
}

std::string_view PeriodLabel(Period p) {
  switch (p) {
    case Period::kRecord:
      return "每条记录";
    case Period::kDay:
      return "每个上学日";
    case Period::kWeek:
      return "每个教学周";
    case Period::kMonth:
      return "每个教学月";
    case Period::kQuarter:
      return "每季度";
    case Period::kSemester:
      return "每学期";
    case Period::kYear:
      break;
  }
  return "每年";
}

const std::vector<ParamSpec>& EffectSpecs() {
  static const std::vector<ParamSpec> kSpecs = {
      {"remind_first_days", "到期前第一次提醒", "天", 0, 180, 30,
       "待完成时，距周期结束还有这么多天提醒一次；0 为不提醒"},
      {"remind_second_days", "到期前第二次提醒", "天", 0, 60, 7,
       "待完成时，距周期结束还有这么多天再提醒一次；0 为不提醒"},
      {"remind_missed", "逾期未完成时提醒", "", 0, 1, 1, "周期结束后一周内提醒一次"},
      {"notify_leaders", "提醒学校领导", "", 0, 1, 1, ""},
      {"notify_safety_officers", "提醒学校安全管理员", "", 0, 1, 1, ""},
      {"notify_bureau", "同时提醒教育局安全科", "", 0, 1, 0, ""},
      {"raise_hazard", "未达标时生成隐患", "", 0, 1, 0,
       "周期结束仍未达标的学校，自动在隐患台账登记一条隐患（每校每周期一条）"}};
  return kSpecs;
}

bool IsEffectKey(std::string_view key) {
  const auto& specs = EffectSpecs();
  return std::any_of(specs.begin(), specs.end(), [&](const ParamSpec& p) { return p.key == key; });
}

std::vector<ParamSpec> SpecsOf(const RuleDecl& rule) {
  std::vector<ParamSpec> out = rule.params;
  if (rule.subject == "school" && rule.period != Period::kRecord) {
    for (auto spec : EffectSpecs()) {
      const auto own = rule.effect_defaults.find(spec.key);
      if (own != rule.effect_defaults.end()) spec.default_value = own->second;
      out.push_back(std::move(spec));
    }
  }
  return out;
}

Effects EffectsOf(const ParamValues& values) {
  Effects e;
  const auto get = [&](const char* key, int fallback) {
    const auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
  };
  e.remind_first_days = get("remind_first_days", e.remind_first_days);
  e.remind_second_days = get("remind_second_days", e.remind_second_days);
  e.remind_missed = get("remind_missed", 1) != 0;
  e.notify_leaders = get("notify_leaders", 1) != 0;
  e.notify_safety_officers = get("notify_safety_officers", 1) != 0;
  e.notify_bureau = get("notify_bureau", 0) != 0;
  e.raise_hazard = get("raise_hazard", 0) != 0;
  return e;
}

ParamValues OwnValues(const ParamValues& values) {
  ParamValues out;
  for (const auto& [key, value] : values) {
    if (!IsEffectKey(key)) out[key] = value;
  }
  return out;
}

ParamValues Defaults(const RuleDecl& rule) {
  ParamValues out;
  for (const auto& p : SpecsOf(rule)) out[p.key] = p.default_value;
  return out;
}

int ValueOf(const std::map<std::string, ParamValues>& values, const RuleDecl& rule,
            const std::string& key) {
  const auto it = values.find(rule.id);
  if (it != values.end()) {
    const auto v = it->second.find(key);
    if (v != it->second.end()) return v->second;
  }
  return Defaults(rule).at(key);
}

ParamValues CheckValues(const RuleDecl& rule, const std::map<std::string, std::int64_t>& values,
                        std::vector<ErrorDetail>& problems, const std::string& prefix) {
  ParamValues out = Defaults(rule);
  const std::size_t before = problems.size();
  const auto specs = SpecsOf(rule);
  for (const auto& [key, value] : values) {
    const auto spec =
        std::find_if(specs.begin(), specs.end(), [&](const ParamSpec& p) { return p.key == key; });
    if (spec == specs.end()) {
      problems.push_back({prefix + key, "规则 " + rule.id + " 没有这个参数"});
      continue;
    }
    if (value < spec->min || value > spec->max) {
      problems.push_back({prefix + key, "须在 " + std::to_string(spec->min) + " 到 " +
                                            std::to_string(spec->max) + " 之间"});
      continue;
    }
    out[key] = static_cast<int>(value);
  }
  if (problems.size() == before && rule.check_values) {
    for (auto& p : rule.check_values(out)) {
      p.field = prefix + p.field;
      problems.push_back(std::move(p));
    }
  }
  return out;
}

std::vector<ErrorDetail> CheckCatalog(std::span<const RuleDecl> rules) {
  std::vector<ErrorDetail> out;
  std::set<std::string> ids;
  for (const auto& r : rules) {
    const auto dot = r.id.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == r.id.size()) {
      out.push_back({r.id, "规则编号须为 模块.规则"});
    }
    if (!ids.insert(r.id).second) out.push_back({r.id, "规则编号重复"});
    if (r.measure < 1 || r.measure > 21) out.push_back({r.id, "所属措施须为 1 到 21"});
    if (r.title.empty()) out.push_back({r.id, "缺少标题"});
    if (r.source.empty()) out.push_back({r.id, "缺少依据"});
    if (r.version < 1) out.push_back({r.id, "版本须从 1 起"});
    if (r.subject.empty()) out.push_back({r.id, "缺少判定对象"});
    std::set<std::string> keys;
    for (const auto& p : SpecsOf(r)) {
      const std::string field = r.id + "." + p.key;
      if (!keys.insert(p.key).second) out.push_back({field, "参数重复"});
      if (p.label.empty()) out.push_back({field, "缺少参数名称"});
      if (p.min > p.default_value || p.default_value > p.max) {
        out.push_back({field, "默认值须在上下限之间"});
      }
    }
    for (const auto& [key, value] : r.effect_defaults) {
      if (!IsEffectKey(key) || SpecsOf(r).size() == r.params.size()) {
        out.push_back({r.id + "." + key, "只有按学校和周期判定的规则可以设定效果参数的默认值"});
      }
    }
    if (r.check_values) {
      for (const auto& p : r.check_values(Defaults(r))) {
        out.push_back({r.id + "." + p.field, "默认值不满足规则自身的检查：" + p.reason});
      }
    }
  }
  return out;
}

const RuleDecl* FindRule(std::span<const RuleDecl> rules, std::string_view id) {
  for (const auto& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string PeriodKey(Period period, calendar::Date day, const calendar::SchoolCalendar& school) {
  switch (period) {
    case Period::kRecord:
      return {};
    case Period::kDay:
      return calendar::FormatDate(day);
    case Period::kWeek:
      return "W" + calendar::FormatDate(calendar::SchoolCalendar::WeekOf(day));
    case Period::kMonth:
      return calendar::MonthKey(day);
    case Period::kQuarter:
      return std::to_string(calendar::YearOf(day)) + "-Q" +
             std::to_string((calendar::MonthOf(day) - 1) / 3 + 1);
    case Period::kSemester: {
      const auto* term = school.TermOf(day);
      if (term == nullptr) return {};
      return std::to_string(term->school_year) + "-" + std::to_string(term->term);
    }
    case Period::kYear:
      break;
  }
  return std::to_string(calendar::YearOf(day));
}

namespace {

calendar::Date YMD(int y, int m, int d) {
  return calendar::Date{std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
                        std::chrono::day{static_cast<unsigned>(d)}};
}

// The last day of a month (month 13 is January of the next year).
calendar::Date EndOfMonth(int y, int m) {
  return (m == 12 ? YMD(y + 1, 1, 1) : YMD(y, m + 1, 1)) - std::chrono::days{1};
}

constexpr const char* kQuarterNames[] = {"一", "二", "三", "四"};

}  // namespace

std::optional<PeriodSpan> PeriodOf(Period period, calendar::Date day,
                                   const calendar::SchoolCalendar& school) {
  const int y = calendar::YearOf(day);
  const int m = calendar::MonthOf(day);
  const std::string key = PeriodKey(period, day, school);
  switch (period) {
    case Period::kRecord:
      return std::nullopt;
    case Period::kDay:
      return PeriodSpan{key, calendar::FormatDate(day), day, day};
    case Period::kWeek: {
      const auto monday = calendar::SchoolCalendar::WeekOf(day);
      return PeriodSpan{key, calendar::FormatDate(monday) + " 所在教学周",
                        monday - std::chrono::days{1}, monday + std::chrono::days{5}};
    }
    case Period::kMonth:
      return PeriodSpan{key, std::to_string(y) + "年" + std::to_string(m) + "月", YMD(y, m, 1),
                        EndOfMonth(y, m)};
    case Period::kQuarter: {
      const int q = (m - 1) / 3;
      return PeriodSpan{key, std::to_string(y) + "年第" + kQuarterNames[q] + "季度",
                        YMD(y, q * 3 + 1, 1), EndOfMonth(y, q * 3 + 3)};
    }
    case Period::kSemester: {
      const auto* term = school.TermOf(day);
      if (term == nullptr) return std::nullopt;
      return PeriodSpan{key, calendar::TermLabel(term->school_year, term->term), term->starts,
                        term->ends};
    }
    case Period::kYear:
      break;
  }
  return PeriodSpan{key, std::to_string(y) + "年", YMD(y, 1, 1), YMD(y, 12, 31)};
}

std::string_view OutcomeCode(Outcome o) {
  switch (o) {
    case Outcome::kPass:
      return "pass";
    case Outcome::kDue:
      return "due";
    case Outcome::kFail:
      return "fail";
    case Outcome::kWarn:
      return "warn";
    case Outcome::kNotApplicable:
      break;
  }
  return "na";
}

std::string_view OutcomeLabel(Outcome o) {
  switch (o) {
    case Outcome::kPass:
      return "达标";
    case Outcome::kDue:
      return "待完成";
    case Outcome::kFail:
      return "未达标";
    case Outcome::kWarn:
      return "提醒";
    case Outcome::kNotApplicable:
      break;
  }
  return "不适用";
}

std::optional<Outcome> ParseOutcome(std::string_view code) {
  for (const Outcome o :
       {Outcome::kPass, Outcome::kDue, Outcome::kFail, Outcome::kWarn, Outcome::kNotApplicable}) {
    if (OutcomeCode(o) == code) return o;
  }
  return std::nullopt;
}

Outcome CountOutcome(int have, int need, const PeriodSpan& period, calendar::Date today) {
  if (have >= need) return Outcome::kPass;
  return today <= period.last ? Outcome::kDue : Outcome::kFail;
}

std::string NoticeFor(Outcome outcome, const PeriodSpan& period, calendar::Date today,
                      const Effects& effects) {
  const auto days_left = (period.last - today).count();
  if (outcome == Outcome::kDue) {
    if (days_left < 0) return {};
    // The tighter reminder first, whichever of the two it is.
    const int second = effects.remind_second_days;
    const int first = effects.remind_first_days;
    const bool in_second = second > 0 && days_left <= second;
    const bool in_first = first > 0 && days_left <= first;
    if (in_second && (!in_first || second <= first)) return "due_7";
    if (in_first) return "due_30";
    return {};
  }
  if (outcome == Outcome::kFail && effects.remind_missed && days_left < 0 && days_left >= -7) {
    return "missed";
  }
  return {};
}

std::string NoticeLabel(std::string_view notice, const Effects& effects) {
  if (notice == "due_7") return std::to_string(effects.remind_second_days) + " 天内到期";
  if (notice == "due_30") return std::to_string(effects.remind_first_days) + " 天内到期";
  if (notice == "missed") return "已逾期未完成";
  return "";
}

std::string FormatParams(const ParamValues& values) {
  std::string out;
  for (const auto& [key, value] : values) {
    if (!out.empty()) out += ",";
    out += key + "=" + std::to_string(value);
  }
  return out;
}

}  // namespace xiaoan::domain::rules
