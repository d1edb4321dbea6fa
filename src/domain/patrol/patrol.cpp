#include "domain/patrol/patrol.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace xiaoan::domain::patrol {
namespace {

using calendar::Date;
using std::chrono::days;

constexpr EnumEntry kFrequencies[] = {{"daily", "每日"}, {"weekly", "每周"}, {"shift", "每班次"}};
constexpr EnumEntry kSlotStates[] = {
    {"done", "已巡查"}, {"due", "待巡查"}, {"missed", "漏巡"}, {"upcoming", "未到期"}};

constexpr std::size_t kMaxShifts = 6;
constexpr int kMinutesPerDay = 24 * 60;

std::size_t Chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool SchoolOpen(const calendar::SchoolCalendar& cal, Date d) {
  return cal.IsSchoolDay(d).value_or(false);
}

// The plan's first and last day; an absent or unreadable end: open.
Date FirstDay(const Plan& p) { return calendar::ParseDate(p.starts_on).value_or(Date{}); }
std::optional<Date> LastDay(const Plan& p) {
  return p.ends_on ? calendar::ParseDate(*p.ends_on) : std::nullopt;
}

bool InPlan(const Plan& p, Date d) {
  const auto last = LastDay(p);
  return d >= FirstDay(p) && (!last || d <= *last);
}

// Sunday … Saturday of the school week named by `monday`.
Date WeekFirst(Date monday) { return monday - days{1}; }
Date WeekLast(Date monday) { return monday + days{5}; }

const rules::RuleDecl& DoneRule() { return RuleDecls()[0]; }

}  // namespace

EnumTable Frequencies() { return kFrequencies; }

std::string_view SlotStateCode(SlotState s) { return kSlotStates[static_cast<int>(s)].code; }
std::string_view SlotStateLabel(SlotState s) { return kSlotStates[static_cast<int>(s)].label; }

std::vector<ErrorDetail> ValidatePlan(const Plan& p) {
  std::vector<ErrorDetail> out;
  if (p.school_id <= 0) out.push_back({"school_id", "请选择学校"});
  if (p.key_place_id <= 0) out.push_back({"key_place_id", "请选择巡查的重点部位"});
  if (p.template_id <= 0) out.push_back({"template_id", "请选择检查表"});
  if (!HasCode(Frequencies(), p.frequency)) {
    out.push_back({"frequency", "巡查频次须为 每日(daily)、每周(weekly) 或 每班次(shift)"});
  }
  if (p.frequency == "shift") {
    if (p.shifts.empty()) out.push_back({"shifts", "每班次巡查须列出各班次的巡查时间"});
    if (p.shifts.size() > kMaxShifts) {
      out.push_back({"shifts", "每天至多 " + std::to_string(kMaxShifts) + " 个班次"});
    }
    for (std::size_t i = 0; i < p.shifts.size(); ++i) {
      const auto field = "shifts[" + std::to_string(i) + "]";
      if (p.shifts[i] < 0 || p.shifts[i] >= kMinutesPerDay) {
        out.push_back({field, "须为一天中的时间（00:00—23:59）"});
      } else if (i > 0 && p.shifts[i] <= p.shifts[i - 1]) {
        out.push_back({field, "班次时间须从早到晚排列，且不能重复"});
      }
    }
  } else if (!p.shifts.empty()) {
    out.push_back({"shifts", "只有每班次巡查才列班次时间"});
  }
  if (Chars(p.patroller) > 60) out.push_back({"patroller", "巡查人不能超过 60 个字"});
  if (Chars(p.note) > 500) out.push_back({"note", "备注不能超过 500 个字"});
  const auto start = calendar::ParseDate(p.starts_on);
  if (!start) out.push_back({"starts_on", "请填写开始日期（YYYY-MM-DD）"});
  if (p.ends_on) {
    const auto end = calendar::ParseDate(*p.ends_on);
    if (!end) {
      out.push_back({"ends_on", "结束日期须为 YYYY-MM-DD"});
    } else if (start && *end < *start) {
      out.push_back({"ends_on", "结束日期不能早于开始日期"});
    }
  }
  return out;
}

std::vector<Slot> SlotsBetween(const Plan& p, const calendar::SchoolCalendar& cal, Date from,
                               Date to) {
  std::vector<Slot> out;
  if (to < from) return out;
  if (p.frequency == "weekly") {
    // Every week whose last day lies in [from, to] and that has a day of the plan.
    for (Date monday = calendar::SchoolCalendar::WeekOf(from - days{6}); WeekLast(monday) <= to;
         monday += days{7}) {
      const Date last = WeekLast(monday);
      if (last < from) continue;
      bool any = false;
      for (Date d = WeekFirst(monday); d <= last && !any; d += days{1}) {
        any = InPlan(p, d) && (!p.school_days_only || SchoolOpen(cal, d));
      }
      if (any) out.push_back({monday, 0, last});
    }
    return out;
  }
  const int shifts = p.frequency == "shift" ? static_cast<int>(p.shifts.size()) : 0;
  for (Date d = from; d <= to; d += days{1}) {
    if (!InPlan(p, d) || (p.school_days_only && !SchoolOpen(cal, d))) continue;
    if (shifts == 0) {
      out.push_back({d, 0, d});
    } else {
      for (int i = 1; i <= shifts; ++i) out.push_back({d, i, d});
    }
  }
  return out;
}

bool Fills(const Plan& p, const Slot& slot, const Done& done) {
  if (p.frequency == "weekly") {
    return done.date >= WeekFirst(slot.date) && done.date <= WeekLast(slot.date);
  }
  return done.date == slot.date && done.shift == slot.shift;
}

SlotState StateOf(const Slot& slot, bool done, Date today) {
  if (done) return SlotState::kDone;
  if (today > slot.due_by) return SlotState::kMissed;
  const Date first = slot.due_by == slot.date ? slot.date : WeekFirst(slot.date);
  return today >= first ? SlotState::kDue : SlotState::kUpcoming;
}

std::vector<SlotStatus> Schedule(const Plan& p, const calendar::SchoolCalendar& cal, Date from,
                                 Date to, std::span<const Done> done, Date today) {
  std::vector<SlotStatus> out;
  std::vector<bool> used(done.size(), false);
  for (const auto& slot : SlotsBetween(p, cal, from, to)) {
    SlotStatus s{slot, SlotState::kUpcoming, std::nullopt};
    for (std::size_t i = 0; i < done.size(); ++i) {
      if (!used[i] && Fills(p, slot, done[i])) {
        used[i] = true;
        s.record_id = done[i].record_id;
        break;
      }
    }
    s.state = StateOf(slot, s.record_id.has_value(), today);
    out.push_back(s);
  }
  return out;
}

std::string ShiftTime(const Plan& p, int shift) {
  if (shift < 1 || shift > static_cast<int>(p.shifts.size())) return {};
  return calendar::FormatClock(p.shifts[static_cast<std::size_t>(shift - 1)]);
}

Result<Slot> SlotOf(const Plan& p, const calendar::SchoolCalendar& cal, Date day, int shift) {
  if (!InPlan(p, day)) {
    return InvalidArgument("date", "这一天不在巡查计划的起止日期内");
  }
  if (p.frequency == "shift") {
    if (shift < 1 || shift > static_cast<int>(p.shifts.size())) {
      return InvalidArgument("shift", "请选择班次（1—" + std::to_string(p.shifts.size()) + "）");
    }
    return Slot{day, shift, day};
  }
  if (shift != 0) return InvalidArgument("shift", "只有每班次巡查才选择班次");
  if (p.frequency == "weekly") {
    const Date monday = calendar::SchoolCalendar::WeekOf(day);
    return Slot{monday, 0, WeekLast(monday)};
  }
  (void)cal;
  return Slot{day, 0, day};
}

Status JudgeAnswers(const std::vector<checklist::Item>& items, Record& r) {
  std::vector<ErrorDetail> problems;
  if (Chars(r.note) > 500) problems.push_back({"note", "备注不能超过 500 个字"});
  auto failed = checklist::JudgeAnswers(items, r.answers);
  if (!failed) {
    for (const auto& d : failed.error().details) problems.push_back(d);
  } else {
    r.failed = *failed;
  }
  if (!problems.empty()) return ValidationError(std::move(problems));
  return {};
}

std::span<const rules::RuleDecl> RuleDecls() {
  static const std::vector<rules::RuleDecl> kRules = {
      {"patrol.done",
       1,
       11,
       "重点部位按计划巡查",
       "school",
       rules::Period::kWeek,
       "规范落实年方案措施 11：宿舍、食堂、实验室、礼堂等重点部位常态化防火巡查",
       {{"allowed_missed", "每周允许漏巡几次", "次", 0, 20, 0,
         "超过即判定为未达标；默认一次也不允许"}},
       {}}};
  return kRules;
}

rules::Judgement JudgeWeek(std::span<const Plan> plans, std::span<const PlanDone> done,
                           const calendar::SchoolCalendar& cal, const rules::ParamValues& values,
                           Date day, Date today) {
  const auto& rule = DoneRule();
  rules::Judgement j;
  j.rule = &rule;
  const Date monday = calendar::SchoolCalendar::WeekOf(day);
  j.period = rules::PeriodOf(rules::Period::kWeek, day, cal)
                 .value_or(rules::PeriodSpan{"", "", WeekFirst(monday), WeekLast(monday)});
  j.so_far = today <= j.period.last;
  const auto it = values.find("allowed_missed");
  const int allowed = it != values.end() ? it->second : rules::Defaults(rule).at("allowed_missed");

  int slots = 0;
  int missed = 0;
  int pending = 0;
  for (const auto& p : plans) {
    std::vector<Done> mine;
    for (const auto& [plan_id, d] : done) {
      if (plan_id == p.id) mine.push_back(d);
    }
    for (const auto& s : Schedule(p, cal, j.period.first, j.period.last, mine, today)) {
      ++slots;
      if (s.state == SlotState::kMissed) ++missed;
      if (s.state == SlotState::kDue || s.state == SlotState::kUpcoming) ++pending;
      if (s.record_id) j.verdict.evidence.push_back(*s.record_id);
    }
  }
  auto& v = j.verdict;
  if (slots == 0) {
    v.outcome = rules::Outcome::kNotApplicable;
    v.reason = "本周没有需要巡查的重点部位";
  } else if (missed > allowed) {
    v.outcome = rules::Outcome::kFail;
    v.reason = "本周应巡查 " + std::to_string(slots) + " 次，漏巡 " + std::to_string(missed) +
               " 次（允许 " + std::to_string(allowed) + " 次）";
  } else if (pending == 0) {
    v.outcome = rules::Outcome::kPass;
    v.reason = "本周应巡查 " + std::to_string(slots) + " 次，已巡查 " +
               std::to_string(slots - missed) + " 次";
  } else {
    v.outcome = rules::Outcome::kDue;
    v.reason = "本周应巡查 " + std::to_string(slots) + " 次，还有 " + std::to_string(pending) +
               " 次待巡查";
  }
  return j;
}

}  // namespace xiaoan::domain::patrol
