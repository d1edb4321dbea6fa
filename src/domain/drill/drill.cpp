#include "domain/drill/drill.hpp"

#include <utility>

#include "core/strings.hpp"

namespace xiaoan::domain::drill {

namespace {

constexpr KindInfo kKinds[] = {{"fire", "消防疏散", true},
                               {"earthquake", "地震避险", true},
                               {"attack", "防暴恐", false},
                               {"school_bus", "校车疏散", true},
                               {"other", "其他", true}};

void CheckText(std::vector<ErrorDetail>& out, const std::string& field, const std::string& value,
               std::size_t min_len, std::size_t max_len) {
  const std::string problem = TextProblem(value);
  if (!problem.empty()) {
    out.push_back({field, problem});
    return;
  }
  const auto len = Utf8Length(value).value_or(0);
  if (len < min_len) {
    out.push_back({field, "不能为空"});
  } else if (len > max_len) {
    out.push_back({field, "长度不能超过 " + std::to_string(max_len) + " 个字符"});
  }
}

void CheckRange(std::vector<ErrorDetail>& out, const std::string& field, int v, int lo, int hi) {
  if (v < lo || v > hi) {
    out.push_back({field, "须在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间"});
  }
}

}  // namespace

std::vector<KindInfo> Kinds() { return {std::begin(kKinds), std::end(kKinds)}; }

const KindInfo* FindKind(std::string_view code) {
  for (const auto& k : kKinds) {
    if (k.code == code) return &k;
  }
  return nullptr;
}

std::optional<int> ParseTimeOfDay(std::string_view text) {
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  auto two = [&](std::size_t at) -> std::optional<int> {
    const char a = text[at];
    const char b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
    return (a - '0') * 10 + (b - '0');
  };
  const auto h = two(0);
  const auto m = two(3);
  if (!h || !m || text[2] != ':' || *h > 23 || *m > 59) return std::nullopt;
  int s = 0;
  if (text.size() == 8) {
    const auto sec = two(6);
    if (!sec || text[5] != ':' || *sec > 59) return std::nullopt;
    s = *sec;
  }
  return *h * 3600 + *m * 60 + s;
}

std::optional<int> EvacuationSeconds(const Drill& d) {
  const auto signal = ParseTimeOfDay(d.signal_time);
  const auto all_out = ParseTimeOfDay(d.all_out_time);
  if (!signal || !all_out || *all_out <= *signal) return std::nullopt;
  return *all_out - *signal;
}

std::vector<ErrorDetail> ValidateDrill(const Drill& d, calendar::Date today) {
  std::vector<ErrorDetail> out;
  if (d.school_id <= 0) out.push_back({"school_id", "请选择学校"});
  if (FindKind(d.kind) == nullptr) {
    std::string labels;
    for (const auto& k : kKinds) labels += (labels.empty() ? "" : "、") + std::string(k.code);
    out.push_back({"kind", "取值须为：" + labels});
  }
  CheckText(out, "title", d.title, 0, 100);
  const auto date = calendar::ParseDate(d.date);
  if (!date) {
    out.push_back({"date", "须为 YYYY-MM-DD 格式的日期"});
  } else if (*date > today) {
    out.push_back({"date", "不能晚于今天（" + calendar::FormatDate(today) + "）"});
  } else if (calendar::YearOf(*date) < 2000) {
    out.push_back({"date", "不能早于 2000 年"});
  }
  if (!d.start_time.empty() && !ParseTimeOfDay(d.start_time)) {
    out.push_back({"start_time", "须为 HH:MM 格式的时间"});
  }
  CheckText(out, "scope_note", d.scope_note, d.whole_school ? 0 : 1, 200);
  CheckText(out, "commander", d.commander, 1, 50);
  CheckRange(out, "students", d.students, 0, 20000);
  CheckRange(out, "staff", d.staff, 0, 5000);
  if (d.students + d.staff == 0 && d.students >= 0 && d.staff >= 0) {
    out.push_back({"students", "参与人数（学生与教职工）不能都为 0"});
  }
  const auto signal = d.signal_time.empty() ? std::optional<int>(0) : ParseTimeOfDay(d.signal_time);
  const auto all_out =
      d.all_out_time.empty() ? std::optional<int>(0) : ParseTimeOfDay(d.all_out_time);
  if (!signal) out.push_back({"signal_time", "须为 HH:MM:SS 格式的时间"});
  if (!all_out) out.push_back({"all_out_time", "须为 HH:MM:SS 格式的时间"});
  if (signal && all_out) {
    if (d.signal_time.empty() != d.all_out_time.empty()) {
      out.push_back({d.signal_time.empty() ? "signal_time" : "all_out_time",
                     "发出信号时间与全部撤离时间须同时填写"});
    } else if (!d.signal_time.empty() && *all_out <= *signal) {
      out.push_back({"all_out_time", "须晚于发出信号的时间"});
    } else if (!d.signal_time.empty() && *all_out - *signal > 3600) {
      out.push_back({"all_out_time", "从发出信号到全部撤离不能超过 1 小时"});
    }
  }
  CheckText(out, "headcount_note", d.headcount_note, d.headcount_ok ? 0 : 1, 500);
  CheckRange(out, "injuries", d.injuries, 0, 10000);
  if (d.problems.size() > 50) out.push_back({"problems", "最多 50 条"});
  for (std::size_t i = 0; i < d.problems.size() && i < 50; ++i) {
    CheckText(out, "problems[" + std::to_string(i) + "].text", d.problems[i].text, 1, 500);
  }
  CheckText(out, "actions", d.actions, 0, 2000);
  return out;
}

namespace {

constexpr std::pair<PlanStatus, std::pair<std::string_view, std::string_view>> kStatuses[] = {
    {PlanStatus::kPlanned, {"planned", "计划中"}},
    {PlanStatus::kDue, {"due", "本周待办"}},
    {PlanStatus::kOverdue, {"overdue", "已逾期"}},
    {PlanStatus::kDone, {"done", "已完成"}},
};

}  // namespace

std::string_view PlanStatusCode(PlanStatus s) {
  for (const auto& [status, names] : kStatuses) {
    if (status == s) return names.first;
  }
  return "planned";
}

std::string_view PlanStatusLabel(PlanStatus s) {
  for (const auto& [status, names] : kStatuses) {
    if (status == s) return names.second;
  }
  return "计划中";
}

std::optional<PlanStatus> ParsePlanStatus(std::string_view code) {
  for (const auto& [status, names] : kStatuses) {
    if (names.first == code) return status;
  }
  return std::nullopt;
}

PlanStatus StatusOf(const DrillPlan& p, calendar::Date today) {
  if (p.drill_id) return PlanStatus::kDone;
  const auto date = calendar::ParseDate(p.date);
  if (!date) return PlanStatus::kPlanned;
  if (*date < today) return PlanStatus::kOverdue;
  if (*date <= today + std::chrono::days{kPlanDueDays}) return PlanStatus::kDue;
  return PlanStatus::kPlanned;
}

std::vector<ErrorDetail> ValidatePlan(const DrillPlan& p,
                                      std::optional<calendar::Date> not_before) {
  std::vector<ErrorDetail> out;
  if (p.school_id <= 0) out.push_back({"school_id", "请选择学校"});
  if (FindKind(p.kind) == nullptr) {
    std::string labels;
    for (const auto& k : kKinds) labels += (labels.empty() ? "" : "、") + std::string(k.code);
    out.push_back({"kind", "取值须为：" + labels});
  }
  CheckText(out, "title", p.title, 0, 100);
  const auto date = calendar::ParseDate(p.date);
  if (!date) {
    out.push_back({"date", "须为 YYYY-MM-DD 格式的日期"});
  } else if (not_before && *date < *not_before) {
    out.push_back({"date", "计划日期不能早于今天（" + calendar::FormatDate(*not_before) + "）"});
  } else if (calendar::YearOf(*date) < 2000 || calendar::YearOf(*date) > 2100) {
    out.push_back({"date", "须在 2000 年到 2100 年之间"});
  }
  if (!p.start_time.empty() && (p.start_time.size() != 5 || !ParseTimeOfDay(p.start_time))) {
    out.push_back({"start_time", "须为 HH:MM 格式的时间"});
  }
  CheckText(out, "scope_note", p.scope_note, p.whole_school ? 0 : 1, 200);
  CheckText(out, "commander", p.commander, 1, 50);
  CheckText(out, "note", p.note, 0, 1000);
  return out;
}

std::vector<ErrorDetail> CheckPlanForRecord(const DrillPlan& plan, const Drill& record) {
  if (plan.school_id != record.school_id) return {{"plan_id", "这个演练计划属于另一所学校"}};
  if (plan.drill_id) {
    return {{"plan_id", "这个演练计划已有演练记录 #" + std::to_string(*plan.drill_id)}};
  }
  return {};
}

}  // namespace xiaoan::domain::drill
