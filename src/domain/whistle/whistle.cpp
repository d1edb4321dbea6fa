#include "domain/whistle/whistle.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace xiaoan::domain::whistle {

namespace {

constexpr EnumEntry kCategories[] = {{"traffic", "道路交通"}, {"public_order", "周边治安"},
                                     {"rental", "出租房屋"},  {"vendors", "周边商户与食品"},
                                     {"water", "水域"},       {"construction", "建筑工地"},
                                     {"fire", "消防"},        {"health", "卫生防疫"},
                                     {"other", "其他"}};
constexpr EnumEntry kPlaces[] = {{"campus", "校内"}, {"around", "校园周边"}};
constexpr EnumEntry kSeverities[] = {{"general", "一般"}, {"major", "重大"}};
constexpr EnumEntry kStates[] = {{"waiting", "待报到"},
                                 {"in_progress", "处理中"},
                                 {"answered", "待学校确认"},
                                 {"closed", "已办结"}};
constexpr EnumEntry kAssignmentStates[] = {
    {"pending", "待报到"}, {"acknowledged", "已报到"}, {"answered", "已反馈结果"}};
constexpr EnumEntry kEventKinds[] = {{"raised", "吹哨"},        {"routed", "派送部门"},
                                     {"acknowledged", "报到"},  {"feedback", "进展反馈"},
                                     {"result", "反馈结果"},    {"confirmed", "确认办结"},
                                     {"sent_back", "退回重办"}, {"escalated", "超期升级"},
                                     {"hazard", "转为隐患"},    {"escalated_leader", "升级区领导"}};

constexpr const char* kSource5 =
    "规范落实年方案措施 5：建立“学校吹哨、部门报到”机制，及时报告、定期报告、定期跟踪反馈";

constexpr std::size_t kMaxTitle = 100;
constexpr std::size_t kMaxText = 2000;
constexpr std::size_t kMaxLocation = 200;

// Characters, not bytes: a Chinese character is one.
std::size_t Length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t'; });
}

Error StateError(std::string reason) {
  return FailedPrecondition("whistle.state", std::move(reason));
}

}  // namespace

EnumTable Categories() { return kCategories; }
EnumTable Places() { return kPlaces; }
EnumTable Severities() { return kSeverities; }
EnumTable States() { return kStates; }
EnumTable AssignmentStates() { return kAssignmentStates; }
EnumTable EventKinds() { return kEventKinds; }

std::string HazardDomainOf(const std::string& category) {
  if (category == "traffic") return "traffic";
  if (category == "vendors") return "food";
  if (category == "water") return "drowning";
  if (category == "fire") return "fire";
  if (category == "public_order" || category == "rental" || category == "construction") {
    return "surroundings";
  }
  return "other";
}

std::vector<std::string> DefaultDepartmentKinds(const std::string& category) {
  if (category == "traffic") return {"traffic_police"};
  if (category == "public_order" || category == "rental") return {"police"};
  if (category == "vendors") return {"market_regulation"};
  if (category == "water") return {"water", "natural_resources", "agriculture"};
  if (category == "construction") return {"urban_management"};
  if (category == "fire") return {"fire_rescue"};
  if (category == "health") return {"health"};
  return {};
}

std::vector<ErrorDetail> Validate(const Draft& d) {
  std::vector<ErrorDetail> out;
  auto text = [&](const char* field, const std::string& v, std::size_t max, bool required) {
    if (required && Blank(v)) {
      out.push_back({field, "必填"});
    } else if (Length(v) > max) {
      out.push_back({field, "不能超过 " + std::to_string(max) + " 个字"});
    }
  };
  text("title", d.title, kMaxTitle, true);
  text("description", d.description, kMaxText, true);
  text("location", d.location, kMaxLocation, true);
  text("interim_measures", d.interim_measures, kMaxText, false);
  if (!HasCode(kCategories, d.category)) out.push_back({"category", "不是可选的风险类别"});
  if (!HasCode(kPlaces, d.place))
    out.push_back({"place", "须为 campus（校内）或 around（校园周边）"});
  if (!HasCode(kSeverities, d.severity)) {
    out.push_back({"severity", "须为 general（一般）或 major（重大）"});
  } else if (d.severity == "major" && Blank(d.interim_measures)) {
    out.push_back({"interim_measures", "重大风险须写明学校已采取的临时管控措施"});
  }
  return out;
}

const std::vector<rules::RuleDecl>& RuleDecls() {
  static const std::vector<rules::RuleDecl> kDecls = [] {
    std::vector<rules::RuleDecl> out;
    out.push_back(
        {"whistle.ack",
         1,
         5,
         "部门在时限内报到",
         "whistle",
         rules::Period::kRecord,
         kSource5,
         {{"hours", "一般风险几小时内报到", "小时", 1, 168, 24, "按自然小时计，节假日照算"},
          {"major_hours", "重大风险几小时内报到", "小时", 1, 48, 2, "重大风险同时报告教育局"},
          {"leader_days", "超期告知教育局后几天仍未办理再告知区领导", "天", 0, 30, 0,
           "0：不告知；报到和反馈超期都适用，告知本区“区县分管领导”角色的账号"}},
         [](const rules::ParamValues& v) {
           std::vector<ErrorDetail> out;
           if (v.at("major_hours") > v.at("hours")) {
             out.push_back({"major_hours", "不能长于一般风险的报到时限"});
           }
           return out;
         }});
    out.push_back(
        {"whistle.feedback",
         1,
         5,
         "部门定期跟踪反馈",
         "whistle",
         rules::Period::kRecord,
         kSource5,
         {{"first_days", "收到后几个工作日内首次反馈", "工作日", 1, 30, 5, ""},
          {"interval_days", "此后每隔几个工作日反馈一次", "工作日", 1, 60, 10, "直至办结"}},
         {}});
    out.push_back({"whistle.periodic",
                   1,
                   5,
                   "学校按月定期报告（无风险时零报告）",
                   "school",
                   rules::Period::kMonth,
                   kSource5,
                   {},
                   {}});
    out.push_back({"whistle.major",
                   1,
                   5,
                   "重大风险即时报告教育局并写明临时管控措施",
                   "whistle",
                   rules::Period::kRecord,
                   kSource5,
                   {},
                   {}});
    return out;
  }();
  return kDecls;
}

Deadlines DeadlinesOf(const rules::ParamValues& ack, const rules::ParamValues& feedback) {
  Deadlines d;
  auto take = [](const rules::ParamValues& v, const char* key, int& into) {
    if (const auto it = v.find(key); it != v.end()) into = it->second;
  };
  take(ack, "hours", d.ack_hours);
  take(ack, "major_hours", d.major_ack_hours);
  take(feedback, "first_days", d.first_feedback_days);
  take(feedback, "interval_days", d.feedback_interval_days);
  return d;
}

Instant AckDue(Instant routed_at, const std::string& severity, const Deadlines& d) {
  return routed_at + std::chrono::hours{severity == "major" ? d.major_ack_hours : d.ack_hours};
}

DueDate WorkingDaysAfter(calendar::Date from, int n, const calendar::PublicCalendar& holidays) {
  DueDate out;
  auto day = from;
  for (int counted = 0; counted < n;) {
    day += std::chrono::days{1};
    const auto working = holidays.IsWorkingDay(day);
    if (!working) {
      out.provisional = true;
      if (calendar::Weekday(day) <= 5) ++counted;
    } else if (*working) {
      ++counted;
    }
  }
  out.date = day;
  return out;
}

calendar::Date ChinaDay(Instant t) {
  return std::chrono::floor<std::chrono::days>(t + std::chrono::hours{8});
}

bool AckOverdue(const Assignment& a, Instant now) {
  return a.state == "pending" && now > a.ack_due;
}

bool FeedbackOverdue(const Assignment& a, calendar::Date today) {
  return a.state != "answered" && a.feedback_due && today > *a.feedback_due;
}

bool LeaderDue(const Assignment& a, Instant now, calendar::Date today, int leader_days) {
  if (leader_days <= 0 || !a.escalated_at || a.leader_escalated_at) return false;
  if (!AckOverdue(a, now) && !FeedbackOverdue(a, today)) return false;
  return now >= *a.escalated_at + std::chrono::days{leader_days};
}

std::string StateOf(const std::vector<Assignment>& assignments, bool closed) {
  if (closed) return "closed";
  if (assignments.empty()) return "waiting";
  const bool all_answered = std::all_of(assignments.begin(), assignments.end(),
                                        [](const Assignment& a) { return a.state == "answered"; });
  if (all_answered) return "answered";
  const bool any_acknowledged =
      std::any_of(assignments.begin(), assignments.end(),
                  [](const Assignment& a) { return a.state != "pending"; });
  return any_acknowledged ? "in_progress" : "waiting";
}

Status CanAcknowledge(const Whistle& w, const Assignment& a) {
  if (w.state == "closed") return StateError("该事项已办结");
  if (a.state != "pending") return StateError(a.department_name + "已报到");
  return {};
}

Status CanFeedback(const Whistle& w, const Assignment& a) {
  if (w.state == "closed") return StateError("该事项已办结");
  if (a.state == "pending") return StateError("请先报到再反馈");
  if (a.state == "answered") return StateError(a.department_name + "已反馈结果，等待学校确认");
  return {};
}

Status CanConfirm(const Whistle& w) {
  if (w.state != "answered") return StateError("各部门反馈结果后学校才能确认办结");
  return {};
}

Status CanSendBack(const Whistle& w) {
  if (w.state != "answered") return StateError("只有待学校确认的事项可以退回重办");
  return {};
}

std::vector<DepartmentStats> StatsOf(const std::vector<Whistle>& whistles, Instant now,
                                     calendar::Date today, DepartmentStats* totals) {
  struct Sums {
    DepartmentStats s;
    double ack_hours = 0;
    double close_days = 0;
  };
  std::map<std::int64_t, Sums> by;
  Sums all;
  all.s.department_name = "合计";
  auto add = [&](Sums& x, const Whistle& w, const Assignment& a) {
    auto& s = x.s;
    ++s.received;
    if (a.acknowledged_at) {
      ++s.acknowledged;
      if (*a.acknowledged_at <= a.ack_due) ++s.acknowledged_on_time;
      x.ack_hours +=
          std::chrono::duration<double, std::ratio<3600>>(*a.acknowledged_at - a.routed_at).count();
    }
    if (AckOverdue(a, now)) ++s.ack_overdue;
    if (a.state == "answered") ++s.answered;
    if (w.closed_at) {
      ++s.closed;
      x.close_days +=
          std::chrono::duration<double, std::ratio<86400>>(*w.closed_at - a.routed_at).count();
    } else {
      ++s.open;
      if (FeedbackOverdue(a, today)) ++s.feedback_overdue;
    }
  };
  for (const auto& w : whistles) {
    for (const auto& a : w.assignments) {
      auto& x = by[a.department_id];
      x.s.department_id = a.department_id;
      x.s.department_name = a.department_name;
      add(x, w, a);
      add(all, w, a);
    }
  }
  auto finish = [](Sums& x) {
    if (x.s.acknowledged > 0) x.s.average_ack_hours = x.ack_hours / x.s.acknowledged;
    if (x.s.closed > 0) x.s.average_close_days = x.close_days / x.s.closed;
    return x.s;
  };
  std::vector<DepartmentStats> out;
  for (auto& [id, x] : by) out.push_back(finish(x));
  std::sort(out.begin(), out.end(), [](const DepartmentStats& a, const DepartmentStats& b) {
    return std::tie(a.department_name, a.department_id) <
           std::tie(b.department_name, b.department_id);
  });
  if (totals) *totals = finish(all);
  return out;
}

void Summarize(PeriodicReport& r, const std::vector<Whistle>& open) {
  r.open_count = 0;
  r.summary.clear();
  for (const auto& w : open) {
    if (w.state == "closed") continue;
    ++r.open_count;
    r.summary += (r.summary.empty() ? "" : "\n") + std::string("#") + std::to_string(w.id) + " " +
                 w.draft.title + "（" + std::string(LabelOf(kStates, w.state)) + "）";
  }
  r.nil = r.open_count == 0;
}

rules::Judgement JudgePeriodic(const std::optional<PeriodicReport>& filed,
                               const rules::PeriodSpan& month, calendar::Date today) {
  rules::Judgement j;
  j.rule = rules::FindRule(RuleDecls(), "whistle.periodic");
  j.period = month;
  j.so_far = today <= month.last;
  if (filed) {
    j.verdict.outcome = rules::Outcome::kPass;
    j.verdict.reason =
        filed->nil ? "已零报告" : "已报告 " + std::to_string(filed->open_count) + " 项未办结风险";
  } else if (j.so_far) {
    j.verdict.outcome = rules::Outcome::kDue;
    j.verdict.reason = "本月定期报告尚未报送（" + calendar::FormatDate(month.last) + " 前）";
  } else {
    j.verdict.outcome = rules::Outcome::kFail;
    j.verdict.reason = month.label + "未报送定期报告";
  }
  return j;
}

}  // namespace xiaoan::domain::whistle
