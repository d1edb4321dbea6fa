#include "domain/edu/joint.hpp"

#include <algorithm>
#include <set>

#include "core/strings.hpp"

namespace xiaoan::domain::edu {

namespace {

constexpr JointKind kKinds[] = {{"patrol", "巡查水域"},     {"signs", "设置警示标志"},
                                {"fences", "设置防护设施"}, {"rescue", "配备救生设施"},
                                {"publicity", "宣传提醒"},  {"other", "其他"}};

void CheckText(std::vector<ErrorDetail>& out, const std::string& field, const std::string& text,
               std::size_t max, const std::string& what) {
  if (Trim(text).empty()) {
    out.push_back({field, "请填写" + what});
  } else if (Utf8Length(text).value_or(0) > max) {
    out.push_back({field, what + "不能超过 " + std::to_string(max) + " 个字"});
  }
}

}  // namespace

std::span<const JointKind> JointKinds() { return kKinds; }

const JointKind* FindJointKind(std::string_view code) {
  for (const auto& k : kKinds) {
    if (k.code == code) return &k;
  }
  return nullptr;
}

std::vector<ErrorDetail> CheckJointTask(const JointTask& t, calendar::Date today) {
  std::vector<ErrorDetail> out;
  CheckText(out, "title", t.title, kMaxJointTitleChars, "任务标题");
  CheckText(out, "text", t.text, kMaxJointTextChars, "任务要求");
  if (t.kinds.empty()) out.push_back({"kinds", "请至少选择一项工作内容"});
  std::set<std::string> kinds;
  for (const auto& k : t.kinds) {
    if (!FindJointKind(k)) {
      out.push_back({"kinds", "没有这项工作内容：" + k});
    } else if (!kinds.insert(k).second) {
      out.push_back({"kinds", "工作内容重复：" + k});
    }
  }
  if (t.due_on < today) out.push_back({"due_on", "报告期限不能早于今天"});
  if (t.department_ids.empty()) {
    out.push_back({"department_ids", "请至少选择一个成员单位"});
  } else if (t.department_ids.size() > kMaxJointDepartments) {
    out.push_back(
        {"department_ids", "成员单位不能超过 " + std::to_string(kMaxJointDepartments) + " 个"});
  }
  std::set<std::int64_t> seen;
  for (const auto id : t.department_ids) {
    if (!seen.insert(id).second) {
      out.push_back({"department_ids", "成员单位重复：" + std::to_string(id)});
    }
  }
  return out;
}

bool InRegion(std::string_view bureau_region, std::string_view department_region) {
  if (bureau_region.size() == 6 && department_region.size() == 6) {
    if (bureau_region.substr(2) == "0000") {
      return department_region.substr(0, 2) == bureau_region.substr(0, 2);
    }
    if (bureau_region.substr(4) == "00") {
      return department_region.substr(0, 4) == bureau_region.substr(0, 4);
    }
  }
  return department_region == bureau_region;
}

std::vector<ErrorDetail> CheckJointReport(const JointReport& r) {
  std::vector<ErrorDetail> out;
  CheckText(out, "text", r.text, kMaxJointReportChars, "工作情况");
  const std::pair<const char*, int> counts[] = {
      {"patrolled", r.patrolled}, {"signs", r.signs}, {"fences", r.fences}, {"hazards", r.hazards}};
  for (const auto& [field, n] : counts) {
    if (n < 0 || n > kMaxJointCount) {
      out.push_back({field, "须为 0 到 " + std::to_string(kMaxJointCount) + " 之间的整数"});
    }
  }
  return out;
}

std::string_view JointStateCode(JointState s) {
  switch (s) {
    case JointState::kPending:
      return "pending";
    case JointState::kReported:
      return "reported";
    case JointState::kLate:
      return "late";
    case JointState::kOverdue:
      return "overdue";
  }
  return "";
}

std::string_view JointStateLabel(JointState s) {
  switch (s) {
    case JointState::kPending:
      return "待报告";
    case JointState::kReported:
      return "已报告";
    case JointState::kLate:
      return "逾期报告";
    case JointState::kOverdue:
      return "逾期未报告";
  }
  return "";
}

JointState JointStateOf(calendar::Date due_on, std::optional<calendar::Date> reported_on,
                        calendar::Date today) {
  if (reported_on) return *reported_on <= due_on ? JointState::kReported : JointState::kLate;
  return today <= due_on ? JointState::kPending : JointState::kOverdue;
}

}  // namespace xiaoan::domain::edu
