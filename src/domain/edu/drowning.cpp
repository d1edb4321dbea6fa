#include "domain/edu/drowning.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/strings.hpp"
#include "domain/org/enums.hpp"

namespace xiaoan::domain::edu {

namespace {

using rules::Outcome;
using rules::Period;

constexpr const char* kSource =
    "规范落实年方案措施 9：突出农村、乡镇、城乡接合部学校学生和暑假、双休日等重点时段，开展针对性"
    "警示教育和提醒，合理确定防溺水提醒频次";

rules::RuleDecl Declare() {
  rules::RuleDecl d{
      "edu.drowning",
      1,
      9,
      "防溺水：重点时段和重点学校的警示提醒",
      "school",
      Period::kWeek,
      std::string(kSource) +
          "；防溺水季节内每周最后几个上学日（乡村、镇区、城乡结合部学校更多）、节假日前和暑假前，"
          "以及教育局发布的专项预警期间，各班进行防溺水警示提醒（“六不”）",
      {{"season_from", "防溺水季节开始月份", "月", 1, 12, 5, "从这个月的 1 日起进入防溺水季节"},
       {"season_to", "防溺水季节结束月份", "月", 1, 12, 9,
        "到这个月的最后一天为止；早于开始月份时跨年"},
       {"days", "城区学校每周提醒天数", "天", 1, 7, 1,
        "防溺水季节内每周最后几个上学日提醒，1 为只在周末前提醒"},
       {"high_days", "乡村、镇区、城乡结合部学校每周提醒天数", "天", 1, 7, 3,
        "重点学校提醒更频繁，不少于城区学校的天数"},
       {"min_rate", "每周应完成的比例", "%", 1, 100, 100,
        "本周全校各班应提醒的次数中，已提醒（含补录和当天关于防溺水的1530提醒）不少于这个比例为达"
        "标"},
       {"late_days", "可补录的天数", "天", 0, 7, 1, "错过提醒日后还可补录几天；0 为只能当天记录"}},
      [](const rules::ParamValues& v) {
        std::vector<ErrorDetail> out;
        const auto days = v.find("days");
        const auto high = v.find("high_days");
        if (days != v.end() && high != v.end() && high->second < days->second) {
          out.push_back({"high_days", "重点学校每周提醒天数不能少于城区学校的天数"});
        }
        return out;
      },
      {{"remind_first_days", 0}, {"remind_second_days", 1}}};
  return d;
}

rules::RuleDecl DeclareLetter() {
  return {
      "edu.drowning.letter",
      1,
      9,
      "防溺水：每学期致家长的一封信及回执",
      "school",
      Period::kSemester,
      "规范落实年方案措施 9；教育部防溺水预警通知：每学期向家长发放防溺水致家长的一封信，家长回执",
      {{"min_rate", "回执率不低于", "%", 0, 100, 80,
        "本学期已发布的致家长的一封信中，回执率最高的一封达到这个比例为达标（按登记了人数的班级计算"
        "）"}},
      {},
      {}};
}

void AddReason(WarningDay& w, WarningReason r) {
  if (std::find(w.reasons.begin(), w.reasons.end(), r) == w.reasons.end()) w.reasons.push_back(r);
}

}  // namespace

bool HighRiskLocation(std::string_view location_type) {
  return location_type == "rural" || location_type == "township" || location_type == "fringe";
}

std::span<const rules::RuleDecl> DrowningRuleDecls() {
  static const std::vector<rules::RuleDecl> kRules = {Declare(), DeclareLetter()};
  return kRules;
}

const rules::RuleDecl& DrowningRule() { return DrowningRuleDecls()[0]; }

const rules::RuleDecl& LetterRule() { return DrowningRuleDecls()[1]; }

rules::Judgement JudgeLetter(const rules::PeriodSpan& semester, bool has_classes,
                             const std::vector<TermLetter>& published, int min_rate,
                             calendar::Date today) {
  rules::Judgement j{&LetterRule(), semester, today <= semester.last, {}};
  if (!has_classes) {
    j.verdict = {Outcome::kNotApplicable, "学校尚未登记班级", {}};
    return j;
  }
  if (published.empty()) {
    j.verdict.outcome = today <= semester.last ? Outcome::kDue : Outcome::kFail;
    j.verdict.reason = semester.label + "尚未发布致家长的一封信";
    return j;
  }
  // The best letter: the highest rate, a letter without sizes counting as met; the first of
  // equals.
  const auto better = [](const TermLetter& a, const TermLetter& b) {
    if (b.expected == 0) return false;
    if (a.expected == 0) return true;
    return static_cast<long long>(a.counted) * b.expected >
           static_cast<long long>(b.counted) * a.expected;
  };
  const TermLetter* best = &published.front();
  for (const auto& l : published) {
    if (better(l, *best)) best = &l;
  }
  j.verdict.evidence = {best->id};
  if (best->expected == 0) {
    j.verdict.outcome = Outcome::kPass;
    j.verdict.reason = semester.label + "已发布致家长的一封信（班级人数未登记，不计回执率）";
    return j;
  }
  const long long counted = best->counted;
  const bool met = counted * 100 >= static_cast<long long>(min_rate) * best->expected;
  j.verdict.outcome = met                      ? Outcome::kPass
                      : today <= semester.last ? Outcome::kDue
                                               : Outcome::kFail;
  j.verdict.reason = semester.label + "致家长的一封信回执率 " +
                     std::to_string(counted * 100 / best->expected) + "%，需 " +
                     std::to_string(min_rate) + "%";
  return j;
}

WarningPlan PlanOf(const std::map<std::string, rules::ParamValues>& values) {
  const auto& r = DrowningRule();
  WarningPlan p;
  p.season_from = rules::ValueOf(values, r, "season_from");
  p.season_to = rules::ValueOf(values, r, "season_to");
  p.days = rules::ValueOf(values, r, "days");
  p.high_days = rules::ValueOf(values, r, "high_days");
  p.late_days = rules::ValueOf(values, r, "late_days");
  p.min_rate = rules::ValueOf(values, r, "min_rate");
  return p;
}

bool InWarmSeason(const WarningPlan& plan, calendar::Date d) {
  const int m = calendar::MonthOf(d);
  if (plan.season_from <= plan.season_to) return m >= plan.season_from && m <= plan.season_to;
  return m >= plan.season_from || m <= plan.season_to;
}

std::vector<ErrorDetail> CheckCampaign(const DrowningCampaign& c, calendar::Date today) {
  std::vector<ErrorDetail> out;
  const auto title = Utf8Length(c.title).value_or(0);
  if (Trim(c.title).empty()) {
    out.push_back({"title", "请填写预警标题"});
  } else if (title > kMaxCampaignTitleChars) {
    out.push_back(
        {"title", "预警标题不能超过 " + std::to_string(kMaxCampaignTitleChars) + " 个字"});
  }
  if (Trim(c.text).empty()) {
    out.push_back({"text", "请填写提醒内容"});
  } else if (Utf8Length(c.text).value_or(0) > kMaxCampaignTextChars) {
    out.push_back({"text", "提醒内容不能超过 " + std::to_string(kMaxCampaignTextChars) + " 个字"});
  }
  if (c.to < c.from) {
    out.push_back({"to", "结束日期不能早于开始日期"});
  } else if ((c.to - c.from).count() + 1 > kMaxCampaignDays) {
    out.push_back({"to", "预警期限不能超过 " + std::to_string(kMaxCampaignDays) + " 天"});
  } else if (c.to < today) {
    out.push_back({"to", "结束日期已过，不能发布"});
  }
  std::set<std::string> seen;
  for (const auto& t : c.location_types) {
    if (!HasCode(LocationTypes(), t)) {
      out.push_back(
          {"location_types", "学校所在地类型须为 " + JoinLabels(LocationTypes()) + "：" + t});
    } else if (!seen.insert(t).second) {
      out.push_back({"location_types", "学校所在地类型重复：" + t});
    }
  }
  return out;
}

bool Targets(const DrowningCampaign& c, std::string_view school_path,
             std::string_view location_type) {
  if (c.unit_path.empty() || !school_path.starts_with(c.unit_path)) return false;
  if (c.location_types.empty()) return true;
  return std::find(c.location_types.begin(), c.location_types.end(), location_type) !=
         c.location_types.end();
}

std::string_view WarningReasonCode(WarningReason r) {
  switch (r) {
    case WarningReason::kWeekend:
      return "weekend";
    case WarningReason::kFrequency:
      return "frequency";
    case WarningReason::kHoliday:
      return "holiday";
    case WarningReason::kCampaign:
      return "campaign";
  }
  return "";
}

std::string_view WarningReasonLabel(WarningReason r) {
  switch (r) {
    case WarningReason::kWeekend:
      return "周末前";
    case WarningReason::kFrequency:
      return "加密提醒";
    case WarningReason::kHoliday:
      return "节假日前";
    case WarningReason::kCampaign:
      return "专项预警";
  }
  return "";
}

std::vector<WarningDay> WarningDays(const calendar::SchoolCalendar& calendar,
                                    const WarningPlan& plan, bool high_risk,
                                    const std::vector<DrowningCampaign>& campaigns,
                                    calendar::Date from, calendar::Date to) {
  std::map<calendar::Date, WarningDay> days;
  if (to < from) return {};
  const auto at = [&](calendar::Date d) -> WarningDay& {
    auto& w = days[d];
    w.date = d;
    return w;
  };
  const std::size_t per_week = static_cast<std::size_t>(high_risk ? plan.high_days : plan.days);
  const calendar::Date last_week = calendar::SchoolCalendar::WeekOf(to);
  for (calendar::Date w = calendar::SchoolCalendar::WeekOf(from); w <= last_week;
       w += std::chrono::days{7}) {
    const auto school_days = calendar.SchoolDaysOfWeek(w);
    const std::size_t n = std::min(per_week, school_days.size());
    for (std::size_t i = school_days.size() - n; i < school_days.size(); ++i) {
      const auto d = school_days[i];
      if (d < from || d > to || !InWarmSeason(plan, d)) continue;
      AddReason(at(d),
                i + 1 == school_days.size() ? WarningReason::kWeekend : WarningReason::kFrequency);
    }
  }
  for (const auto& b : calendar.BreaksFrom(from, to)) {
    if (!HolidayLessonBefore(b)) continue;
    const bool summer = b.kind == calendar::DayKind::kVacation && b.name == "暑假";
    if (!summer && !InWarmSeason(plan, b.last_school_day)) continue;
    auto& w = at(b.last_school_day);
    AddReason(w, WarningReason::kHoliday);
    w.occasion = b.name;
  }
  for (const auto& c : campaigns) {
    const auto first = std::max(from, c.from);
    const auto last = std::min(to, c.to);
    if (last < first) continue;
    for (const auto d : calendar.SchoolDays(first, last)) {
      auto& w = at(d);
      AddReason(w, WarningReason::kCampaign);
      w.campaigns.push_back(c.id);
    }
  }
  std::vector<WarningDay> out;
  out.reserve(days.size());
  for (auto& [d, w] : days) {
    std::sort(w.reasons.begin(), w.reasons.end());
    out.push_back(std::move(w));
  }
  return out;
}

SessionState WarningState(calendar::Date day, std::optional<calendar::Date> given_on,
                          calendar::Date today) {
  if (given_on) return *given_on <= day ? SessionState::kDone : SessionState::kLate;
  if (day > today) return SessionState::kUpcoming;
  if (day == today) return SessionState::kDue;
  return SessionState::kMissed;
}

bool WarningOpen(calendar::Date day, calendar::Date today, int late_days) {
  return today >= day && today <= day + std::chrono::days{late_days};
}

rules::Judgement JudgeDrowning(
    const calendar::SchoolCalendar& calendar, const WarningPlan& plan, bool high_risk,
    const std::vector<DrowningCampaign>& campaigns, const std::vector<WarnedClass>& classes,
    const std::map<std::pair<std::int64_t, calendar::Date>, GivenFact>& given, calendar::Date day,
    calendar::Date today) {
  rules::Judgement j{&DrowningRule(), {}, false, {}};
  const auto week = rules::PeriodOf(Period::kWeek, day, calendar);
  if (!week) {
    j.verdict = {Outcome::kNotApplicable, "不在学期内", {}};
    return j;
  }
  j.period = *week;
  j.so_far = today <= week->last;
  if (classes.empty()) {
    j.verdict = {Outcome::kNotApplicable, "学校尚未登记班级", {}};
    return j;
  }
  const auto days = WarningDays(calendar, plan, high_risk, campaigns, week->first, week->last);
  int owed = 0;
  int have = 0;
  int missed = 0;
  std::vector<std::int64_t> evidence;
  for (const auto& c : classes) {
    for (const auto& d : days) {
      if (d.date < c.since) continue;
      ++owed;
      const auto it = given.find({c.id, d.date});
      if (it != given.end()) {
        ++have;
        if (it->second.evidence > 0) evidence.push_back(it->second.evidence);
      } else if (d.date < today) {
        ++missed;
      }
    }
  }
  if (owed == 0) {
    j.verdict = {Outcome::kNotApplicable, week->label + "没有防溺水提醒安排", {}};
    return j;
  }
  const int need = static_cast<int>(std::ceil(owed * plan.min_rate / 100.0));
  j.verdict.outcome = rules::CountOutcome(have, need, *week, today);
  j.verdict.evidence = std::move(evidence);
  j.verdict.reason = week->label + "全校应开展防溺水提醒 " + std::to_string(owed) + " 次（" +
                     std::to_string(days.size()) + " 个提醒日），已提醒 " + std::to_string(have) +
                     " 次，需 " + std::to_string(need) + " 次（" + std::to_string(plan.min_rate) +
                     "%）";
  if (missed > 0) j.verdict.reason += "；未提醒 " + std::to_string(missed) + " 次";
  return j;
}

}  // namespace xiaoan::domain::edu
