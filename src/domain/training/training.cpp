#include "domain/training/training.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "core/strings.hpp"
#include "domain/calendar/months.hpp"
#include "domain/platform/field_checks.hpp"

namespace xiaoan::domain::training {

namespace {

using rules::Outcome;
using rules::ParamValues;
using rules::Verdict;

constexpr Option kPosts[] = {{"fire", "消防安全"},
                             {"construction", "基建工程"},
                             {"lab", "实验室"},
                             {"practice", "实习实训"},
                             {"security", "安保"}};
constexpr Option kKinds[] = {{"rotation", "重点岗位轮训"},
                             {"holiday", "假期安保培训（突发冲撞、侵害处置）"},
                             {"topic", "专题安全培训"}};

std::string_view LabelIn(std::span<const Option> options, std::string_view code) {
  for (const auto& o : options) {
    if (o.code == code) return o.label;
  }
  return {};
}

void CheckCode(std::vector<ErrorDetail>& out, const char* field, const std::string& code,
               std::span<const Option> options, const std::string& what) {
  if (!LabelIn(options, code).empty()) return;
  std::string allowed;
  for (const auto& o : options) allowed += (allowed.empty() ? "" : "、") + std::string(o.label);
  out.push_back({field, what + "须为 " + allowed});
}

void CheckDay(std::vector<ErrorDetail>& out, const char* field, const std::string& text,
              const std::string& what, calendar::Date today) {
  const auto day = calendar::ParseDate(text);
  if (!day) {
    out.push_back({field, what + "须为 YYYY-MM-DD"});
  } else if (*day > today) {
    out.push_back({field, what + "不能晚于今天"});
  }
}

std::string JoinCn(const std::vector<std::string>& parts, const char* sep = "；") {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

// Up to three names, then how many more.
std::string NamesOf(const std::vector<std::string>& names) {
  std::vector<std::string> shown(names.begin(),
                                 names.begin() + std::min<std::size_t>(3, names.size()));
  std::string out = JoinCn(shown, "、");
  if (names.size() > shown.size()) out += " 等 " + std::to_string(names.size()) + " 人";
  return out;
}

constexpr const char* kSource17 =
    "规范落实年方案措施 17：督促各学校组织本校负责消防、基建工程、实验室、实习实训等工作人员轮训";
constexpr const char* kSource19 =
    "规范落实年方案措施 19：利用假期，对学校安保力量及教职工开展常态化安全培训，重点训练在突发"
    "冲撞、侵害中的处置能力";

std::vector<rules::RuleDecl> Declare() {
  std::vector<rules::RuleDecl> out;
  out.push_back({"training.rotation",
                 1,
                 17,
                 "重点岗位人员按期轮训",
                 "school",
                 rules::Period::kMonth,
                 kSource17,
                 {{"interval_months", "每人至少每几个月参加一次安全培训", "个月", 1, 36, 12, ""},
                  {"warn_days", "到期前几天提醒", "天", 0, 90, 30, "0 不提醒"}},
                 {}});
  out.push_back({"training.holiday",
                 1,
                 19,
                 "假期安保培训：安保人员和教职工突发冲撞、侵害处置训练",
                 "school",
                 rules::Period::kSemester,
                 kSource19,
                 {{"grace_days", "开学后几天内补训仍算假期培训", "天", 0, 30, 14, ""},
                  {"min_staff", "除安保人员外至少几名教职工参加", "人", 0, 500, 5, ""}},
                 {}});
  return out;
}

const std::vector<rules::RuleDecl>& Decls() {
  static const std::vector<rules::RuleDecl> k = Declare();
  return k;
}

bool Attended(const Session& s, std::int64_t staff_id) {
  return std::find(s.staff_ids.begin(), s.staff_ids.end(), staff_id) != s.staff_ids.end();
}

int Rank(DueState s) {
  switch (s) {
    case DueState::kOverdue:
      return 0;
    case DueState::kDueSoon:
      return 1;
    case DueState::kOk:
      return 2;
    case DueState::kInactive:
      break;
  }
  return 3;
}

}  // namespace

std::span<const Option> Posts() { return kPosts; }
std::span<const Option> Kinds() { return kKinds; }
std::string_view PostLabel(std::string_view code) { return LabelIn(kPosts, code); }
std::string_view KindLabel(std::string_view code) { return LabelIn(kKinds, code); }

std::vector<ErrorDetail> CheckStaff(const KeyStaff& s, calendar::Date today) {
  std::vector<ErrorDetail> out;
  CheckText(out, "name", s.name, "姓名", kMaxNameChars, true);
  CheckCode(out, "post", s.post, kPosts, "岗位");
  CheckPhone(out, "phone", s.phone, false);
  CheckDay(out, "since", s.since, "任岗日期", today);
  CheckText(out, "note", s.note, "备注", kMaxNoteChars, false);
  return out;
}

std::vector<ErrorDetail> CheckSession(const Session& s, calendar::Date today) {
  std::vector<ErrorDetail> out;
  CheckText(out, "title", s.title, "培训主题", kMaxTitleChars, true);
  CheckCode(out, "kind", s.kind, kKinds, "培训类别");
  CheckDay(out, "held_on", s.held_on, "培训日期", today);
  const double halves = s.hours * 2;
  if (!(s.hours >= 0.5 && s.hours <= kMaxHours) || halves != std::floor(halves)) {
    out.push_back({"hours", "学时须为 0.5 至 40 之间，以半小时计"});
  }
  CheckText(out, "trainer", s.trainer, "授课人", kMaxNameChars * 2, false);
  CheckText(out, "place", s.place, "培训地点", kMaxTextChars, false);
  CheckText(out, "note", s.note, "备注", kMaxNoteChars, false);
  if (s.staff_ids.size() > kMaxAttendees) {
    out.push_back({"staff_ids", "参训人员不能超过 " + std::to_string(kMaxAttendees) + " 人"});
  } else {
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < s.staff_ids.size(); ++i) {
      if (!seen.insert(s.staff_ids[i]).second) {
        out.push_back({"staff_ids[" + std::to_string(i) + "]", "同一人员不能重复签到"});
      }
    }
  }
  if (s.other_count < 0 || s.other_count > kMaxOthers) {
    out.push_back({"other_count", "其他参训人数须为 0 至 " + std::to_string(kMaxOthers)});
  } else if (s.staff_ids.empty() && s.other_count == 0) {
    out.push_back({"staff_ids", "请选择参训人员或填写其他参训人数"});
  }
  return out;
}

std::string_view DueStateCode(DueState s) {
  switch (s) {
    case DueState::kOk:
      return "ok";
    case DueState::kDueSoon:
      return "due_soon";
    case DueState::kOverdue:
      return "overdue";
    case DueState::kInactive:
      break;
  }
  return "inactive";
}

std::string_view DueStateLabel(DueState s) {
  switch (s) {
    case DueState::kOk:
      return "正常";
    case DueState::kDueSoon:
      return "即将到期";
    case DueState::kOverdue:
      return "逾期";
    case DueState::kInactive:
      break;
  }
  return "已停用";
}

Due DueOf(const KeyStaff& s, const std::vector<Session>& sessions, int months, int warn_days,
          calendar::Date today) {
  Due d;
  d.staff_id = s.id;
  for (const auto& session : sessions) {
    const auto on = calendar::ParseDate(session.held_on);
    if (!on || *on > today || !Attended(session, s.id)) continue;
    if (!d.last_trained || *on > *d.last_trained ||
        (*on == *d.last_trained && session.id > d.last_session_id)) {
      d.last_trained = on;
      d.last_session_id = session.id;
      d.last_session_title = session.title;
    }
  }
  if (!s.active) {
    d.state = DueState::kInactive;
    return d;
  }
  const auto from = d.last_trained ? d.last_trained : calendar::ParseDate(s.since);
  if (!from) {
    d.state = DueState::kOverdue;  // no day to count from: train now
    return d;
  }
  d.due_by = calendar::AddMonthsClamped(*from, months);
  if (*d.due_by < today) {
    d.state = DueState::kOverdue;
  } else if ((*d.due_by - today).count() < warn_days) {
    d.state = DueState::kDueSoon;
  }
  return d;
}

std::vector<Due> DueList(const std::vector<KeyStaff>& staff, const std::vector<Session>& sessions,
                         int months, int warn_days, calendar::Date today) {
  std::vector<Due> out;
  out.reserve(staff.size());
  for (const auto& s : staff) out.push_back(DueOf(s, sessions, months, warn_days, today));
  std::stable_sort(out.begin(), out.end(), [](const Due& a, const Due& b) {
    if (Rank(a.state) != Rank(b.state)) return Rank(a.state) < Rank(b.state);
    if (a.due_by != b.due_by) return a.due_by < b.due_by;
    return a.staff_id < b.staff_id;
  });
  return out;
}

HolidayWindow WindowBefore(const calendar::Term& term, const std::vector<calendar::Term>& terms,
                           int grace_days) {
  HolidayWindow w;
  w.name = term.term == 2 ? "寒假" : "暑假";
  w.from = term.starts - std::chrono::days{60};
  std::optional<calendar::Date> previous_end;
  for (const auto& t : terms) {
    if (t.ends < term.starts && (!previous_end || t.ends > *previous_end)) previous_end = t.ends;
  }
  if (previous_end) w.from = *previous_end + std::chrono::days{1};
  w.to = term.starts + std::chrono::days{grace_days};
  return w;
}

std::span<const rules::RuleDecl> RuleDecls() { return Decls(); }
const rules::RuleDecl& RotationRule() { return Decls()[0]; }
const rules::RuleDecl& HolidayRule() { return Decls()[1]; }

Verdict JudgeRotation(const std::vector<KeyStaff>& staff, const std::vector<Session>& sessions,
                      const ParamValues& v, calendar::Date today) {
  int active = 0;
  for (const auto& s : staff) active += s.active ? 1 : 0;
  if (active == 0) return {Outcome::kFail, "尚未登记重点岗位人员", {}};
  const auto dues = DueList(staff, sessions, v.at("interval_months"), v.at("warn_days"), today);
  std::vector<std::string> overdue, soon;
  std::vector<std::int64_t> evidence;
  for (const auto& d : dues) {
    const auto it = std::find_if(staff.begin(), staff.end(),
                                 [&](const KeyStaff& s) { return s.id == d.staff_id; });
    if (d.state == DueState::kOverdue) overdue.push_back(it->name);
    if (d.state == DueState::kDueSoon) soon.push_back(it->name);
    if (d.last_session_id != 0 && d.state != DueState::kInactive &&
        std::find(evidence.begin(), evidence.end(), d.last_session_id) == evidence.end()) {
      evidence.push_back(d.last_session_id);
    }
  }
  if (!overdue.empty()) {
    return {Outcome::kFail, NamesOf(overdue) + " 轮训逾期", evidence};
  }
  if (!soon.empty()) {
    return {
        Outcome::kWarn,
        NamesOf(soon) + " 即将到期，须在 " + std::to_string(v.at("warn_days")) + " 天内参加培训",
        evidence};
  }
  return {Outcome::kPass, std::to_string(active) + " 名重点岗位人员均在轮训期内", evidence};
}

Verdict JudgeHoliday(const std::vector<KeyStaff>& staff, const std::vector<Session>& sessions,
                     const HolidayWindow& window, const ParamValues& v, calendar::Date today) {
  const int min_staff = v.at("min_staff");
  std::set<std::int64_t> guards, others;
  for (const auto& s : staff) (s.post == "security" ? guards : others).insert(s.id);
  // The best session of the window: the most security staff, then the most other staff.
  const Session* best = nullptr;
  int best_guards = -1;
  int best_staff = -1;
  for (const auto& s : sessions) {
    const auto on = calendar::ParseDate(s.held_on);
    if (s.kind != "holiday" || !on || *on < window.from || *on > window.to) continue;
    int g = 0;
    int o = s.other_count;
    for (const auto id : s.staff_ids) {
      if (guards.count(id) > 0) {
        ++g;
      } else if (others.count(id) > 0) {
        ++o;
      }
    }
    if (g > best_guards || (g == best_guards && o > best_staff)) {
      best = &s;
      best_guards = g;
      best_staff = o;
    }
  }
  const std::string range =
      calendar::FormatDate(window.from) + " 至 " + calendar::FormatDate(window.to);
  if (best != nullptr && best_guards >= 1 && best_staff >= min_staff) {
    return {Outcome::kPass,
            window.name + " " + best->held_on + " 开展假期安保培训，安保人员 " +
                std::to_string(best_guards) + " 人、教职工 " + std::to_string(best_staff) +
                " 人参加",
            {best->id}};
  }
  std::string reason;
  if (best == nullptr) {
    reason = window.name + "（" + range + "）未开展假期安保培训";
  } else if (best_guards < 1) {
    reason = window.name + "假期安保培训没有安保人员参加";
  } else {
    reason = window.name + "假期安保培训教职工 " + std::to_string(best_staff) + " 人，少于 " +
             std::to_string(min_staff) + " 人";
  }
  std::vector<std::int64_t> evidence;
  if (best != nullptr) evidence.push_back(best->id);
  if (today <= window.to) {
    return {Outcome::kDue, reason + "，须在 " + calendar::FormatDate(window.to) + " 前完成",
            evidence};
  }
  return {Outcome::kFail, reason, evidence};
}

SignIn MatchSignIn(const std::vector<std::string>& names, const std::vector<KeyStaff>& staff) {
  SignIn out;
  std::set<std::string> seen;
  for (const auto& raw : names) {
    const std::string name(Trim(raw));
    if (name.empty() || !seen.insert(name).second) continue;  // a name signed twice counts once
    // Namesakes among the staff: each is taken to have attended.
    int found = 0;
    for (const auto& s : staff) {
      if (!s.active || s.name != name) continue;
      out.staff_ids.push_back(s.id);
      ++found;
    }
    if (found == 0) ++out.others;
  }
  return out;
}

}  // namespace xiaoan::domain::training
