#include "domain/security/screening.hpp"

#include <algorithm>
#include <set>

#include "core/strings.hpp"

namespace xiaoan::domain::security {

namespace {

constexpr IndicatorInfo kIndicators[] = {{"guards", "专职保安"},
                                         {"closed_campus", "封闭管理"},
                                         {"alarm_video", "一键报警与视频监控"},
                                         {"gate_duty", "护学岗"}};

std::size_t Chars(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string At(std::size_t i, const char* field) {
  return "evidence[" + std::to_string(i) + "]." + field;
}

Error Refuse(const char* rule, std::string message) {
  return Error{ErrorCode::kFailedPrecondition, message, {ErrorDetail{rule, message, 0}}};
}

bool Open(const std::vector<ScreenedHazard>& open, std::string_view indicator) {
  return std::any_of(open.begin(), open.end(),
                     [&](const ScreenedHazard& h) { return h.indicator == indicator; });
}

}  // namespace

std::span<const IndicatorInfo> IndicatorList() { return kIndicators; }

std::string_view IndicatorLabel(std::string_view code) {
  for (const auto& i : kIndicators) {
    if (i.code == code) return i.label;
  }
  return {};
}

bool Met(const Indicators& ind, std::string_view code) {
  if (code == "guards") return ind.guards;
  if (code == "closed_campus") return ind.closed_campus;
  if (code == "alarm_video") return ind.alarm_video;
  if (code == "gate_duty") return ind.gate_duty;
  return false;
}

std::string_view IndicatorOfRule(std::string_view rule_id) {
  if (rule_id == "security.guards" || rule_id == "security.guard_license" ||
      rule_id == "security.patrol") {
    return "guards";
  }
  if (rule_id == "security.closed_campus") return "closed_campus";
  if (rule_id == "security.alarm" || rule_id == "security.video") return "alarm_video";
  if (rule_id == "security.gate_duty") return "gate_duty";
  return {};
}

std::vector<ErrorDetail> ValidateRound(const std::string& name, const std::string& from,
                                       const std::string& to, calendar::Date today) {
  std::vector<ErrorDetail> out;
  if (IsBlank(name)) {
    out.push_back({"name", "必填"});
  } else if (Chars(name) > kMaxRoundName) {
    out.push_back({"name", "不能超过 " + std::to_string(kMaxRoundName) + " 个字"});
  }
  const auto first = calendar::ParseDate(from);
  const auto last = calendar::ParseDate(to);
  if (!first) out.push_back({"from", "须为日期 YYYY-MM-DD"});
  if (!last) {
    out.push_back({"to", "须为日期 YYYY-MM-DD"});
  } else if (*last < today) {
    out.push_back({"to", "结束日期不能早于今天"});
  } else if (first && *last < *first) {
    out.push_back({"to", "结束日期不能早于开始日期"});
  } else if (first && (*last - *first).count() >= kMaxRoundDays) {
    out.push_back({"to", "一轮筛查不能超过 " + std::to_string(kMaxRoundDays) + " 天"});
  }
  return out;
}

std::string_view WindowCode(Window w) {
  switch (w) {
    case Window::kNotOpen:
      return "not_open";
    case Window::kOpen:
      return "open";
    case Window::kEnded:
      return "ended";
  }
  return "open";
}

Window WindowOn(calendar::Date from, calendar::Date to, calendar::Date today) {
  if (today < from) return Window::kNotOpen;
  if (today > to) return Window::kEnded;
  return Window::kOpen;
}

std::optional<Error> ScreeningRefused(Window w, bool already_screened, bool recorded) {
  if (already_screened) return Refuse("screening.done", "本轮已完成该校的筛查");
  if (w == Window::kNotOpen) return Refuse("screening.not_open", "本轮筛查尚未开始");
  if (w == Window::kEnded) return Refuse("screening.ended", "本轮筛查已结束");
  if (!recorded) {
    return Refuse("screening.no_record", "该校尚未填报安防台账，请先填报再筛查");
  }
  return std::nullopt;
}

std::vector<ErrorDetail> ValidateEvidence(const std::vector<Evidence>& evidence) {
  std::vector<ErrorDetail> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    const auto& e = evidence[i];
    if (IndicatorLabel(e.indicator).empty()) {
      out.push_back(
          {At(i, "indicator"), "取值须为：guards、closed_campus、alarm_video、gate_duty"});
      continue;
    }
    if (!seen.insert(e.indicator).second) {
      out.push_back({At(i, "indicator"), "重复"});
      continue;
    }
    if (Chars(e.note) > kMaxEvidenceNote) {
      out.push_back({At(i, "note"), "不能超过 " + std::to_string(kMaxEvidenceNote) + " 个字"});
    } else if (IsBlank(e.note) && e.file_ids.empty()) {
      out.push_back({At(i, "note"), "请填写筛查说明或上传照片"});
    }
    if (e.file_ids.size() > kMaxEvidenceFiles) {
      out.push_back(
          {At(i, "file_ids"), "照片不能超过 " + std::to_string(kMaxEvidenceFiles) + " 张"});
    }
  }
  for (const auto& i : kIndicators) {
    if (!seen.count(std::string(i.code))) {
      out.push_back({"evidence", "缺少「" + std::string(i.label) + "」的筛查佐证"});
    }
  }
  return out;
}

std::vector<std::string> ToRaise(const Indicators& ind, const std::vector<ScreenedHazard>& open) {
  std::vector<std::string> out;
  for (const auto& i : kIndicators) {
    if (!Met(ind, i.code) && !Open(open, i.code)) out.emplace_back(i.code);
  }
  return out;
}

std::vector<std::int64_t> ToClose(const Indicators& ind, const std::vector<ScreenedHazard>& open) {
  std::vector<std::int64_t> out;
  for (const auto& h : open) {
    if (Met(ind, h.indicator) && std::find(out.begin(), out.end(), h.hazard_id) == out.end()) {
      out.push_back(h.hazard_id);
    }
  }
  return out;
}

}  // namespace xiaoan::domain::security
