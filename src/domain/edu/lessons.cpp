#include "domain/edu/lessons.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/strings.hpp"

namespace xiaoan::domain::edu {

namespace {

using calendar::Date;
using rules::Outcome;
using rules::Period;

constexpr Theme kThemes[] = {
    {"first_lesson", "开学安全第一课"},
    {"bullying", "防欺凌"},
    {"drowning", "防溺水"},
    {"fraud", "防诈骗"},
    {"cult", "反邪教"},
    {"terror", "反恐怖"},
    {"traffic", "交通安全"},
    {"fire", "消防安全"},
    {"food", "食品安全"},
    {"mental", "心理健康"},
    {"disaster", "防灾减灾"},
    {"other", "其他"},
};

Date Ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}
Date LastOfMonth(int y, unsigned m) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::last};
}

// The last Monday of March.
Date LastMonday(int year, unsigned month) {
  Date d = LastOfMonth(year, month);
  while (calendar::Weekday(d) != 1) d -= std::chrono::days{1};
  return d;
}

constexpr std::string_view kObservanceCodes[] = {"safety_day", "security_day", "production_month",
                                                 "fire_month"};

void CheckText(std::vector<ErrorDetail>& out, const std::string& field, const std::string& label,
               const std::string& text, std::size_t max, bool required) {
  if (const auto problem = TextProblem(text); !problem.empty()) {
    out.push_back({field, label + problem});
  } else if (required && IsBlank(text)) {
    out.push_back({field, "请填写" + label});
  } else if (Utf8Length(text).value_or(0) > max) {
    out.push_back({field, label + "不能超过 " + std::to_string(max) + " 个字"});
  }
}

bool Within(const Lesson& l, Date first, Date last) {
  const auto d = calendar::ParseDate(l.date);
  return d && *d >= first && *d <= last;
}

// The records that count, by date, with their ids.
template <typename Pred>
std::vector<const Lesson*> Matching(std::span<const Lesson> lessons, Date first, Date last,
                                    Pred counts) {
  std::vector<const Lesson*> out;
  for (const auto& l : lessons) {
    if (Within(l, first, last) && counts(l)) out.push_back(&l);
  }
  std::sort(out.begin(), out.end(), [](const Lesson* a, const Lesson* b) {
    return std::tie(a->date, a->id) < std::tie(b->date, b->id);
  });
  return out;
}

std::string Dates(const std::vector<const Lesson*>& found, std::vector<std::int64_t>& evidence) {
  std::string out;
  for (const auto* l : found) {
    out += (out.empty() ? "：" : "、") + l->date;
    evidence.push_back(l->id);
  }
  return out;
}

const rules::RuleDecl& Decl(std::string_view id) { return *rules::FindRule(LessonRuleDecls(), id); }

std::vector<rules::RuleDecl> Declare() {
  std::vector<rules::RuleDecl> out;
  out.push_back(
      {"edu.first_lesson",
       1,
       21,
       "开学安全第一课",
       "school",
       Period::kSemester,
       "规范落实年方案措施 21：每学期开学第一周上好“开学安全第一课”",
       {{"window_days", "开学后几天内完成", "天", 1, 30, 7, "从学期第一个上学日起算的自然日天数"}},
       {},
       // Judged on a week: reminded once, two days before the week ends.
       {{"remind_first_days", 0}, {"remind_second_days", 2}}});
  out.push_back({"edu.bullying_lesson",
                 1,
                 21,
                 "每学期防欺凌专题教育",
                 "school",
                 Period::kSemester,
                 "《加强中小学生欺凌综合治理方案》（教督〔2017〕10号）：每学期开展防欺凌专题教育",
                 {{"min_count", "每学期至少几次", "次", 1, 10, 1, ""}},
                 {}});
  out.push_back({"edu.days",
                 1,
                 21,
                 "安全教育主题日（月）活动",
                 "school",
                 Period::kMonth,
                 "规范落实年方案措施 21：全国中小学生安全教育日（3月最后一个星期一）、全民国家安全"
                 "教育日（4月15日）、安全生产月（6月）、消防宣传月（11月，11月9日全国消防日）",
                 {{"min_count", "每个主题日（月）至少几次", "次", 1, 10, 1,
                   "在主题日所在月份内记录并注明该主题日的活动"}},
                 {},
                 {{"remind_first_days", 10}, {"remind_second_days", 3}}});
  return out;
}

// 开学安全第一课 of a term, judged on `today`.
struct Judged {
  rules::PeriodSpan period;
  rules::Verdict verdict;
};

Judged FirstLesson(const calendar::SchoolCalendar& cal, const calendar::Term& term,
                   std::span<const Lesson> lessons, int window_days, Date today) {
  Judged out;
  out.period.key = std::to_string(term.school_year) + "-" + std::to_string(term.term);
  out.period.label = calendar::TermLabel(term.school_year, term.term) + "开学第一周";
  out.period.first = term.starts;
  out.period.last = term.ends;
  const auto week = FirstWeek(cal, term, window_days);
  if (!week) {
    out.verdict = {Outcome::kNotApplicable, "无法确定学期的第一个上学日（节假日安排未载入）", {}};
    return out;
  }
  out.period.last = week->last;
  const auto found = Matching(lessons, term.starts, week->last,
                              [](const Lesson& l) { return l.theme == "first_lesson"; });
  auto& v = out.verdict;
  const auto dates = Dates(found, v.evidence);
  if (!found.empty()) {
    v.outcome = Outcome::kPass;
  } else if (today <= week->last) {
    v.outcome = Outcome::kDue;
  } else {
    v.outcome = Outcome::kFail;
  }
  v.reason =
      "须在 " + calendar::FormatDate(week->first) + " 至 " + calendar::FormatDate(week->last) +
      " 上好开学安全第一课，" +
      (found.empty() ? "尚未记录" : "已记录 " + std::to_string(found.size()) + " 次" + dates);
  return out;
}

Judged Bullying(const calendar::Term& term, std::span<const Lesson> lessons, int need, Date today) {
  Judged out;
  out.period.key = std::to_string(term.school_year) + "-" + std::to_string(term.term);
  out.period.label = calendar::TermLabel(term.school_year, term.term);
  out.period.first = term.starts;
  out.period.last = term.ends;
  const auto found = Matching(lessons, term.starts, term.ends,
                              [](const Lesson& l) { return l.theme == "bullying"; });
  auto& v = out.verdict;
  const auto dates = Dates(found, v.evidence);
  const int have = static_cast<int>(found.size());
  v.outcome = rules::CountOutcome(have, need, out.period, today);
  v.reason = out.period.label + "需开展防欺凌专题教育 " + std::to_string(need) + " 次，已记录 " +
             std::to_string(have) + " 次" + dates;
  return out;
}

// One observance in its month: not applicable when the school has no school day in the month.
rules::Verdict OneObservance(const calendar::SchoolCalendar& cal, const Observance& o,
                             std::span<const Lesson> lessons, int need, Date today) {
  rules::Verdict v;
  const auto missing = cal.MissingYears(o.first, o.last);
  if (!missing.empty()) {
    return {Outcome::kNotApplicable,
            "缺少 " + std::to_string(missing.front()) + " 年节假日安排，无法判断上学日",
            {}};
  }
  if (cal.SchoolDays(o.first, o.last).empty()) {
    return {Outcome::kNotApplicable, o.label + "所在月份没有上学日", {}};
  }
  const auto found =
      Matching(lessons, o.first, o.last, [&](const Lesson& l) { return l.observance == o.code; });
  const auto dates = Dates(found, v.evidence);
  const int have = static_cast<int>(found.size());
  v.outcome = rules::CountOutcome(have, need, rules::PeriodSpan{"", "", o.first, o.last}, today);
  v.reason = o.label + "（" + o.note + "）需开展活动 " + std::to_string(need) + " 次，已记录 " +
             std::to_string(have) + " 次" + dates;
  return v;
}

}  // namespace

std::span<const Theme> Themes() { return kThemes; }

const Theme* FindTheme(std::string_view code) {
  for (const auto& t : kThemes) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

std::vector<Observance> Observances(int year) {
  const auto safety = LastMonday(year, 3);
  return {
      {"safety_day", "全国中小学生安全教育日", safety, Ymd(year, 3, 1), LastOfMonth(year, 3),
       "3月最后一个星期一，" + calendar::FormatDate(safety)},
      {"security_day", "全民国家安全教育日", Ymd(year, 4, 15), Ymd(year, 4, 1),
       LastOfMonth(year, 4), "4月15日"},
      {"production_month", "安全生产月", Ymd(year, 6, 1), Ymd(year, 6, 1), LastOfMonth(year, 6),
       "6月，6月16日安全宣传咨询日"},
      {"fire_month", "消防宣传月", Ymd(year, 11, 1), Ymd(year, 11, 1), LastOfMonth(year, 11),
       "11月，11月9日全国消防日"},
  };
}

bool IsObservance(std::string_view code) {
  return std::find(std::begin(kObservanceCodes), std::end(kObservanceCodes), code) !=
         std::end(kObservanceCodes);
}

std::string ObservanceLabel(std::string_view code) {
  for (const auto& o : Observances(2026)) {
    if (o.code == code) return o.label;
  }
  return std::string(code);
}

std::vector<ErrorDetail> CheckLesson(const Lesson& l, Date today) {
  std::vector<ErrorDetail> out;
  const auto date = calendar::ParseDate(l.date);
  if (!date) {
    out.push_back({"date", "须为 YYYY-MM-DD 格式的日期"});
  } else if (*date > today) {
    out.push_back({"date", "不能记录 " + calendar::FormatDate(today) + " 以后的活动"});
  }
  if (!FindTheme(l.theme)) out.push_back({"theme", "没有这个教育主题"});
  if (!l.observance.empty()) {
    if (!IsObservance(l.observance)) {
      out.push_back({"observance", "没有这个安全教育主题日（月）"});
    } else if (date) {
      for (const auto& o : Observances(calendar::YearOf(*date))) {
        if (o.code == l.observance && (*date < o.first || *date > o.last)) {
          out.push_back({"observance", o.label + "的活动须在 " + calendar::FormatDate(o.first) +
                                           " 至 " + calendar::FormatDate(o.last) + " 之间"});
        }
      }
    }
  }
  CheckText(out, "title", "活动名称", l.title, kMaxTitleChars, true);
  CheckText(out, "speaker", "主讲人", l.speaker, 50, false);
  CheckText(out, "materials", "教育材料", l.materials, kMaxLessonTextChars, false);
  CheckText(out, "note", "备注", l.note, kMaxLessonTextChars, false);
  if (!l.whole_school) {
    if (l.class_ids.empty()) {
      out.push_back({"class_ids", "请选择参加的班级，或选择全校"});
    } else if (l.class_ids.size() > kMaxLessonClasses) {
      out.push_back({"class_ids", "班级不能超过 " + std::to_string(kMaxLessonClasses) + " 个"});
    } else if (std::set<std::int64_t>(l.class_ids.begin(), l.class_ids.end()).size() !=
               l.class_ids.size()) {
      out.push_back({"class_ids", "同一个班级选了两次"});
    }
  }
  if (l.participants < 1 || l.participants > kMaxParticipants) {
    out.push_back({"participants", "参加人数须为 1 到 " + std::to_string(kMaxParticipants)});
  }
  return out;
}

std::span<const rules::RuleDecl> LessonRuleDecls() {
  static const std::vector<rules::RuleDecl> kRules = Declare();
  return kRules;
}

std::optional<Window> FirstWeek(const calendar::SchoolCalendar& cal, const calendar::Term& term,
                                int window_days) {
  for (Date d = term.starts; d <= term.ends && d < term.starts + std::chrono::days{60};
       d += std::chrono::days{1}) {
    const auto open = cal.IsSchoolDay(d);
    if (!open) return std::nullopt;
    if (*open) {
      return Window{d, std::min(term.ends, d + std::chrono::days{window_days - 1})};
    }
  }
  return std::nullopt;
}

std::vector<rules::Judgement> JudgeLessons(const calendar::SchoolCalendar& cal,
                                           std::span<const Lesson> lessons,
                                           const std::map<std::string, rules::ParamValues>& values,
                                           Date day, Date today) {
  std::vector<rules::Judgement> out;
  if (const auto* term = cal.TermOf(day)) {
    const auto& first = Decl("edu.first_lesson");
    auto f = FirstLesson(cal, *term, lessons, rules::ValueOf(values, first, "window_days"), today);
    out.push_back({&first, f.period, today <= f.period.last, std::move(f.verdict)});
    const auto& bullying = Decl("edu.bullying_lesson");
    auto b = Bullying(*term, lessons, rules::ValueOf(values, bullying, "min_count"), today);
    out.push_back({&bullying, b.period, today <= b.period.last, std::move(b.verdict)});
  }
  const auto& days = Decl("edu.days");
  if (const auto month = rules::PeriodOf(Period::kMonth, day, cal)) {
    const int need = rules::ValueOf(values, days, "min_count");
    rules::Judgement j{&days, *month, today <= month->last, {}};
    std::vector<rules::Verdict> each;
    for (const auto& o : Observances(calendar::YearOf(day))) {
      if (calendar::MonthKey(o.first) == calendar::MonthKey(day)) {
        each.push_back(OneObservance(cal, o, lessons, need, today));
      }
    }
    if (each.empty()) {
      j.verdict = {Outcome::kNotApplicable, month->label + "没有安全教育主题日（月）", {}};
    } else {
      // The month's outcome is its worst observance's: fail, then due, then pass; not applicable
      // only when every observance is.
      j.verdict.outcome = Outcome::kNotApplicable;
      for (const auto worst : {Outcome::kFail, Outcome::kDue, Outcome::kPass}) {
        if (std::any_of(each.begin(), each.end(),
                        [&](const rules::Verdict& v) { return v.outcome == worst; })) {
          j.verdict.outcome = worst;
          break;
        }
      }
      for (auto& v : each) {
        j.verdict.reason += (j.verdict.reason.empty() ? "" : "；") + v.reason;
        j.verdict.evidence.insert(j.verdict.evidence.end(), v.evidence.begin(), v.evidence.end());
      }
    }
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<CalendarItem> EducationCalendar(const calendar::SchoolCalendar& cal,
                                            std::span<const Lesson> lessons,
                                            const std::map<std::string, rules::ParamValues>& values,
                                            int year, Date today) {
  std::vector<CalendarItem> out;
  const auto& first = Decl("edu.first_lesson");
  const auto& bullying = Decl("edu.bullying_lesson");
  const auto& days = Decl("edu.days");
  for (const auto& term : cal.terms()) {
    if (calendar::YearOf(term.starts) != year) continue;
    auto f = FirstLesson(cal, term, lessons, rules::ValueOf(values, first, "window_days"), today);
    const auto week = FirstWeek(cal, term, rules::ValueOf(values, first, "window_days"));
    const auto term_key = std::to_string(term.school_year) + "-" + std::to_string(term.term);
    out.push_back({"first_lesson:" + term_key, "first_lesson", first.id, "开学安全第一课",
                   calendar::TermLabel(term.school_year, term.term),
                   week ? week->first : term.starts, f.period.last, f.verdict.outcome,
                   std::move(f.verdict.reason), std::move(f.verdict.evidence)});
    auto b = Bullying(term, lessons, rules::ValueOf(values, bullying, "min_count"), today);
    out.push_back({"bullying_lesson:" + term_key, "bullying_lesson", bullying.id, "防欺凌专题教育",
                   calendar::TermLabel(term.school_year, term.term), term.starts, term.ends,
                   b.verdict.outcome, std::move(b.verdict.reason), std::move(b.verdict.evidence)});
  }
  for (const auto& o : Observances(year)) {
    auto v = OneObservance(cal, o, lessons, rules::ValueOf(values, days, "min_count"), today);
    out.push_back({o.code + ":" + std::to_string(year), o.code, days.id, o.label, o.note, o.first,
                   o.last, v.outcome, std::move(v.reason), std::move(v.evidence)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const CalendarItem& a, const CalendarItem& b) { return a.first < b.first; });
  return out;
}

}  // namespace xiaoan::domain::edu
