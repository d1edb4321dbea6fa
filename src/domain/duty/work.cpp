#include "domain/duty/work.hpp"

#include <algorithm>
#include <set>

#include "domain/calendar/calendar.hpp"
#include "domain/platform/field_checks.hpp"

namespace xiaoan::domain::duty {

namespace {

using std::chrono::days;

constexpr Option kKinds[] = {{"common", "共性任务"}, {"key", "重点事项"}, {"routine", "常规工作"}};
constexpr Option kRepeats[] = {
    {"once", "一次性"}, {"weekly", "每周"}, {"monthly", "每月"}, {"quarterly", "每季度"}};

std::string Indexed(const char* name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

// The day `day` of a month, or the month's last day when it is shorter.
Day DayOfMonth(std::chrono::year_month ym, int day) {
  const auto last =
      std::chrono::year_month_day_last(ym.year(), std::chrono::month_day_last(ym.month()));
  const unsigned d = std::min(static_cast<unsigned>(day), static_cast<unsigned>(last.day()));
  return Day(ym / std::chrono::day(d));
}

// The raw due days of a recurrence in [from, until], before they move onto working days.
std::vector<Day> RawDays(const WorkSchedule& s) {
  std::vector<Day> out;
  if (s.repeat == "once") {
    if (s.due) out.push_back(*s.due);
    return out;
  }
  if (!s.from || !s.until) return out;  // an until before from gives no day below
  const Day from = *s.from;
  const Day until = *s.until;
  if (s.repeat == "weekly") {
    if (s.day < 1 || s.day > 7) return out;
    const int have = static_cast<int>(std::chrono::weekday(from).iso_encoding());
    Day d = from + days((s.day - have + 7) % 7);
    for (; d <= until; d += days(7)) out.push_back(d);
    return out;
  }
  if (s.repeat != "monthly" && s.repeat != "quarterly") return out;
  if (s.day < 1 || s.day > 31) return out;
  const std::chrono::year_month first =
      std::chrono::year_month_day(from).year() / std::chrono::year_month_day(from).month();
  const std::chrono::year_month last =
      std::chrono::year_month_day(until).year() / std::chrono::year_month_day(until).month();
  for (auto ym = first; ym <= last; ym += std::chrono::months(1)) {
    if (s.repeat == "quarterly" && static_cast<unsigned>(ym.month()) % 3 != 0) continue;
    const Day d = DayOfMonth(ym, s.day);
    if (d >= from && d <= until) out.push_back(d);
  }
  return out;
}

}  // namespace

std::span<const Option> WorkKinds() { return kKinds; }
std::string_view WorkKindLabel(std::string_view code) { return OptionLabel(kKinds, code); }
std::span<const Option> WorkRepeats() { return kRepeats; }
std::string_view WorkRepeatLabel(std::string_view code) { return OptionLabel(kRepeats, code); }

std::vector<ErrorDetail> CheckWorkItem(WorkItem& item) {
  std::vector<ErrorDetail> out;
  if (WorkKindLabel(item.kind).empty()) {
    out.push_back({"kind", "请选择类别：共性任务、重点事项或常规工作"});
  }
  CheckText(out, "title", item.title, "工作名称", kMaxWorkTitleChars, true);
  CheckText(out, "detail", item.detail, "工作要求", kMaxWorkDetailChars, false);
  CheckMeasures(out, item.measures, "工作");
  if (item.lead_section_id <= 0) out.push_back({"lead_section_id", "请选择牵头科室"});
  if (item.targets.empty()) {
    out.push_back({"targets", "请选择下发的学校或科室"});
  } else if (item.targets.size() > kMaxWorkTargets) {
    out.push_back({"targets", "下发单位不能超过 " + std::to_string(kMaxWorkTargets) + " 个"});
  }
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < item.targets.size(); ++i) {
    if (item.targets[i] <= 0) {
      out.push_back({Indexed("targets", i), "单位不存在"});
    } else if (!seen.insert(item.targets[i]).second) {
      out.push_back({Indexed("targets", i), "单位重复"});
    }
  }
  const auto& s = item.schedule;
  const std::size_t before = out.size();
  if (WorkRepeatLabel(s.repeat).empty()) {
    out.push_back({"schedule.repeat", "请选择频次：一次性、每周、每月或每季度"});
  } else if (s.repeat == "once") {
    if (!s.due) out.push_back({"schedule.due", "请填写截止日期"});
  } else {
    if (s.repeat == "weekly" && (s.day < 1 || s.day > 7)) {
      out.push_back({"schedule.day", "每周的到期日应为 1（周一）至 7（周日）"});
    } else if (s.repeat != "weekly" && (s.day < 1 || s.day > 31)) {
      out.push_back({"schedule.day", "到期日应为每月的 1 至 31 日"});
    }
    if (!s.from) out.push_back({"schedule.from", "请填写开始日期"});
    if (!s.until) {
      out.push_back({"schedule.until", "请填写结束日期"});
    } else if (s.from && *s.until < *s.from) {
      out.push_back({"schedule.until", "结束日期不能早于开始日期"});
    } else if (s.from && *s.until - *s.from > days(kMaxWorkSpanDays)) {
      out.push_back({"schedule.until",
                     "周期性工作的起止不能超过 " + std::to_string(kMaxWorkSpanDays) + " 天"});
    }
    if (out.size() == before && RawDays(s).empty()) {
      out.push_back({"schedule", "起止日期之间没有到期日"});
    }
  }
  if (out.empty()) {
    std::sort(item.measures.begin(), item.measures.end());
    std::sort(item.targets.begin(), item.targets.end());
  }
  return out;
}

Day OnWorkingDay(Day d, const WorkingDay& working) {
  for (int back = 0; back <= kMaxWorkdayShift; ++back) {
    const auto w = working(d - days(back));
    if (!w) return d;
    if (*w) return d - days(back);
  }
  return d;
}

std::vector<Day> DueDays(const WorkSchedule& schedule, const WorkingDay& working) {
  std::vector<Day> out;
  for (const Day raw : RawDays(schedule)) {
    const Day d = OnWorkingDay(raw, working);
    if (schedule.repeat != "once" && d < *schedule.from) continue;
    out.push_back(d);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string_view WorkStateCode(WorkState s) {
  switch (s) {
    case WorkState::kPending:
      return "pending";
    case WorkState::kDueSoon:
      return "due_soon";
    case WorkState::kOverdue:
      return "overdue";
    case WorkState::kDone:
      return "done";
    case WorkState::kDoneLate:
      return "done_late";
  }
  return "pending";
}

std::string_view WorkStateLabel(WorkState s) {
  switch (s) {
    case WorkState::kPending:
      return "未到期";
    case WorkState::kDueSoon:
      return "即将到期";
    case WorkState::kOverdue:
      return "逾期未完成";
    case WorkState::kDone:
      return "已完成";
    case WorkState::kDoneLate:
      return "逾期完成";
  }
  return "未到期";
}

WorkState StateOf(Day due, std::optional<Day> done_on, Day today) {
  if (done_on) return *done_on <= due ? WorkState::kDone : WorkState::kDoneLate;
  if (today > due) return WorkState::kOverdue;
  if (due - today <= days(kWorkSoonDays)) return WorkState::kDueSoon;
  return WorkState::kPending;
}

std::vector<ErrorDetail> CheckWorkReport(const WorkReport& report, const std::vector<Day>& due_days,
                                         Day today) {
  std::vector<ErrorDetail> out;
  if (!std::binary_search(due_days.begin(), due_days.end(), report.due)) {
    out.push_back({"due", "该日不是这项工作的到期日"});
  }
  if (report.done_on > today) out.push_back({"done_on", "完成日期不能晚于今天"});
  CheckText(out, "note", report.note, "完成情况", kMaxWorkNoteChars, false);
  return out;
}

WorkProgress ProgressOf(const std::vector<Day>& due_days,
                        const std::vector<std::pair<Day, Day>>& done, Day today) {
  WorkProgress out;
  for (const Day d : due_days) {
    const auto report =
        std::find_if(done.begin(), done.end(), [d](const auto& r) { return r.first == d; });
    const std::optional<Day> done_on =
        report == done.end() ? std::nullopt : std::optional<Day>(report->second);
    if (!done_on && !out.next) {
      out.next = d;
      out.next_state = StateOf(d, std::nullopt, today);
    }
    if (d > today) continue;
    ++out.due;
    const WorkState state = StateOf(d, done_on, today);
    if (state == WorkState::kDone) ++out.done;
    if (state == WorkState::kDoneLate) ++out.done_late;
    if (state == WorkState::kOverdue) ++out.overdue;
  }
  return out;
}

rules::Verdict JudgeWork(const std::vector<WorkDue>& dues, Day first, Day last, Day today) {
  using rules::Outcome;
  int in_period = 0;
  int done = 0;
  int late = 0;
  int open = 0;
  std::vector<std::string> overdue;
  std::vector<std::int64_t> evidence;
  for (const auto& d : dues) {
    if (d.due < first || d.due > last) continue;
    ++in_period;
    switch (StateOf(d.due, d.done_on, today)) {
      case WorkState::kOverdue:
        overdue.push_back(d.title + "（" + calendar::FormatDate(d.due) + " 到期）");
        evidence.push_back(d.item_id);
        break;
      case WorkState::kDoneLate:
        ++late;
        evidence.push_back(d.item_id);
        break;
      case WorkState::kDone:
        ++done;
        break;
      case WorkState::kPending:
      case WorkState::kDueSoon:
        ++open;
        break;
    }
  }
  std::sort(evidence.begin(), evidence.end());
  evidence.erase(std::unique(evidence.begin(), evidence.end()), evidence.end());
  const auto n = [](std::size_t v) { return std::to_string(v); };
  if (in_period == 0) return {Outcome::kNotApplicable, "本月没有到期的全区工作", {}};
  if (!overdue.empty()) {
    std::string names;
    for (std::size_t i = 0; i < overdue.size() && i < 3; ++i) {
      names += (i == 0 ? "" : "；") + overdue[i];
    }
    if (overdue.size() > 3) names += " 等";
    return {Outcome::kFail, n(overdue.size()) + " 项逾期未完成：" + names, std::move(evidence)};
  }
  if (late > 0) {
    return {Outcome::kWarn,
            n(static_cast<std::size_t>(late)) + " 项逾期完成（本月到期 " +
                n(static_cast<std::size_t>(in_period)) + " 项）",
            std::move(evidence)};
  }
  if (open > 0) {
    return {Outcome::kDue,
            "本月到期 " + n(static_cast<std::size_t>(in_period)) + " 项，已完成 " +
                n(static_cast<std::size_t>(done)) + " 项",
            {}};
  }
  return {
      Outcome::kPass, "本月到期的 " + n(static_cast<std::size_t>(in_period)) + " 项均按期完成", {}};
}

}  // namespace xiaoan::domain::duty
