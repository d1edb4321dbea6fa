#include "domain/edu/edu_rules.hpp"

#include <cmath>

namespace xiaoan::domain::edu {

namespace {

using rules::Outcome;
using rules::Period;

constexpr const char* kSource = "规范落实年方案措施 20：落实“1530”安全教育提醒制度";

rules::RuleDecl Declare(std::string id, std::string title, std::string detail, int late_days) {
  return {std::move(id),
          1,
          20,
          std::move(title),
          "school",
          Period::kWeek,
          std::string(kSource) + "；" + detail,
          {{"min_rate", "每周应完成的比例", "%", 1, 100, 100,
            "本周全校各班应开展的次数中，按时完成或补录的不少于这个比例为达标"},
           {"late_days", "可补录的天数", "天", 0, 7, late_days,
            "错过当天后还可补录几天；0 为只能当天打卡"}},
          {},
          // A weekly rule: one reminder the day before the week ends while it is short.
          {{"remind_first_days", 0}, {"remind_second_days", 1}}};
}

std::vector<rules::RuleDecl> DeclareAll() {
  return {Declare("edu.1530.daily", "1530：每日放学前1分钟安全提醒",
                  "每个上学日放学前 1 分钟，由班主任进行安全提醒", 2),
          Declare("edu.1530.weekly", "1530：每周最后一个上学日放学前5分钟安全小结",
                  "每周最后一个上学日（调休上课的周六、周日可能是这一天）放学前 5 分钟", 2),
          Declare("edu.1530.holiday", "1530：节假日前放学前30分钟假期安全教育",
                  "每个节假日、寒暑假前的最后一个上学日放学前 30 分钟", 2)};
}

}  // namespace

std::span<const rules::RuleDecl> RuleDecls() {
  static const std::vector<rules::RuleDecl> kRules = DeclareAll();
  return kRules;
}

const rules::RuleDecl& RuleOf(SessionKind kind) {
  return *rules::FindRule(RuleDecls(), SessionCode(kind));
}

int LateDays(const std::map<std::string, rules::ParamValues>& values, SessionKind kind) {
  return rules::ValueOf(values, RuleOf(kind), "late_days");
}

std::vector<rules::Judgement> JudgeSchool(
    const calendar::SchoolCalendar& cal, const std::vector<calendar::Dismissal>& dismissals,
    const std::vector<ClassFacts>& classes,
    const std::map<std::pair<std::int64_t, CheckInKey>, CheckInFact>& checkins,
    const std::map<std::string, rules::ParamValues>& values, calendar::Date day,
    calendar::Date today) {
  std::vector<rules::Judgement> out;
  const auto week = rules::PeriodOf(Period::kWeek, day, cal);
  if (!week) return out;
  struct Count {
    int sessions = 0;  // in the week, past or ahead
    int unset = 0;     // without a dismissal time
    int have = 0;      // checked in
    int missed = 0;    // day over, nothing recorded
    std::vector<std::int64_t> evidence;
  };
  std::map<SessionKind, Count> counts;
  for (const auto& c : classes) {
    for (const auto& s :
         SessionsSince(Sessions(cal, dismissals, c.grade, week->first, week->last), c.since)) {
      auto& n = counts[s.kind];
      ++n.sessions;
      if (!s.at) ++n.unset;
      const auto it = checkins.find({c.id, {s.date, s.kind}});
      if (it != checkins.end()) {
        ++n.have;
        n.evidence.push_back(it->second.id);
      } else if (s.date < today) {
        ++n.missed;
      }
    }
  }
  for (auto kind : {SessionKind::kDaily, SessionKind::kWeekly, SessionKind::kHoliday}) {
    const auto& rule = RuleOf(kind);
    rules::Judgement j{&rule, *week, today <= week->last, {}};
    const auto it = counts.find(kind);
    if (classes.empty()) {
      j.verdict = {Outcome::kNotApplicable, "学校尚未登记班级", {}};
    } else if (it == counts.end()) {
      j.verdict = {Outcome::kNotApplicable,
                   week->label + "没有" + std::string(SessionLabel(kind)) + "的安排",
                   {}};
    } else if (it->second.unset == it->second.sessions) {
      j.verdict = {Outcome::kNotApplicable, "学校尚未设置放学时间", {}};
    } else {
      const auto& n = it->second;
      const int rate = rules::ValueOf(values, rule, "min_rate");
      const int need = static_cast<int>(std::ceil(n.sessions * rate / 100.0));
      j.verdict.outcome = rules::CountOutcome(n.have, need, *week, today);
      j.verdict.evidence = n.evidence;
      j.verdict.reason = week->label + "全校应开展 " + std::to_string(n.sessions) + " 次，已完成 " +
                         std::to_string(n.have) + " 次，需 " + std::to_string(need) + " 次（" +
                         std::to_string(rate) + "%）";
      if (n.missed > 0) j.verdict.reason += "；未开展 " + std::to_string(n.missed) + " 次";
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace xiaoan::domain::edu
