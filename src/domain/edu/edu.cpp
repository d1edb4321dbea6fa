#include "domain/edu/edu.hpp"

#include <algorithm>
#include <array>

#include "core/strings.hpp"

namespace xiaoan::domain::edu {

namespace {

constexpr std::array<std::string_view, kMaxGrade + 1> kGradeLabels = {"幼儿园/未分年级",
                                                                      "一年级",
                                                                      "二年级",
                                                                      "三年级",
                                                                      "四年级",
                                                                      "五年级",
                                                                      "六年级",
                                                                      "初一",
                                                                      "初二",
                                                                      "初三",
                                                                      "高一",
                                                                      "高二",
                                                                      "高三"};

// Other names a spreadsheet uses for a grade.
struct Alias {
  std::string_view text;
  int grade;
};
constexpr Alias kAliases[] = {{"幼儿园", 0},    {"未分年级", 0},  {"七年级", 7},   {"八年级", 8},
                              {"九年级", 9},    {"初一年级", 7},  {"初二年级", 8}, {"初三年级", 9},
                              {"高一年级", 10}, {"高二年级", 11}, {"高三年级", 12}};

constexpr Topic kTopics[] = {Topic::kDrowning, Topic::kFire,          Topic::kTraffic,
                             Topic::kBullying, Topic::kHolidayTravel, Topic::kFireworks,
                             Topic::kFood,     Topic::kFraud,         Topic::kGeneral};

}  // namespace

std::vector<ErrorDetail> CheckClass(const ClassDraft& d, const std::string& prefix) {
  std::vector<ErrorDetail> out;
  if (d.grade < 0 || d.grade > kMaxGrade) {
    out.push_back({prefix + "grade", "年级须为 0（幼儿园或未分年级）到 12（高三）"});
  }
  const auto name = std::string(Trim(d.name));
  if (const auto problem = TextProblem(d.name); !problem.empty()) {
    out.push_back({prefix + "name", "班级名称" + problem});
  } else if (IsBlank(name)) {
    out.push_back({prefix + "name", "请填写班级名称"});
  } else if (Utf8Length(name).value_or(0) > kMaxClassNameChars) {
    out.push_back(
        {prefix + "name", "班级名称不能超过 " + std::to_string(kMaxClassNameChars) + " 个字"});
  }
  if (d.students < 0 || d.students > kMaxClassStudents) {
    out.push_back({prefix + "students", "班级人数须为 0（未知）到 " +
                                            std::to_string(kMaxClassStudents) + " 之间的整数"});
  }
  return out;
}

std::string GradeLabel(int grade) {
  if (grade < 0 || grade > kMaxGrade) return std::to_string(grade) + "年级";
  return std::string(kGradeLabels[static_cast<std::size_t>(grade)]);
}

std::optional<int> ParseGrade(std::string_view text) {
  const auto t = Trim(text);
  if (t.empty()) return std::nullopt;
  if (IsAllDigits(t)) {
    const auto n = ParseInt(t);
    if (n && *n >= 0 && *n <= kMaxGrade) return static_cast<int>(*n);
    return std::nullopt;
  }
  for (int g = 0; g <= kMaxGrade; ++g) {
    if (kGradeLabels[static_cast<std::size_t>(g)] == t) return g;
  }
  for (const auto& a : kAliases) {
    if (a.text == t) return a.grade;
  }
  return std::nullopt;
}

std::optional<SessionKind> ParseSessionKind(std::string_view code) {
  for (auto k : {SessionKind::kDaily, SessionKind::kWeekly, SessionKind::kHoliday}) {
    if (SessionKindCode(k) == code) return k;
  }
  return std::nullopt;
}

std::string_view SessionKindCode(SessionKind k) {
  switch (k) {
    case SessionKind::kDaily:
      return "daily";
    case SessionKind::kWeekly:
      return "weekly";
    case SessionKind::kHoliday:
      return "holiday";
  }
  return "daily";
}

std::span<const Topic> AllTopics() { return kTopics; }

std::optional<Topic> ParseTopic(std::string_view code) {
  for (auto t : kTopics) {
    if (TopicCode(t) == code) return t;
  }
  return std::nullopt;
}

std::vector<Session> SessionsSince(std::vector<Session> sessions, calendar::Date since) {
  std::erase_if(sessions, [&](const Session& s) { return s.date < since; });
  return sessions;
}

void Add(Completion& into, const Completion& c) {
  into.due += c.due;
  into.done += c.done;
  into.late += c.late;
  into.missed += c.missed;
}

Tally TallyOf(const std::vector<Session>& sessions,
              const std::map<CheckInKey, calendar::Date>& checked_in_on, calendar::Date today) {
  Tally t;
  for (const auto& s : sessions) {
    const auto it = checked_in_on.find({s.date, s.kind});
    const auto state =
        StateOf(s, it == checked_in_on.end() ? std::nullopt : std::optional(it->second), today);
    Count(t.total, state);
    Count(t.by_kind[s.kind], state);
    if (state == SessionState::kMissed) t.missing.push_back({s.date, s.kind});
  }
  return t;
}

bool MarkBefore(const CheckInMark& a, const CheckInMark& b) {
  return std::tuple(a.class_id, a.date, a.kind) < std::tuple(b.class_id, b.date, b.kind);
}

Completion TallyOf(const std::vector<Session>& sessions, calendar::Date since,
                   std::span<const CheckInMark> marks, calendar::Date today,
                   std::map<SessionKind, Completion>& by_kind) {
  Completion total;
  for (const auto& s : sessions) {
    if (s.date < since) continue;
    CheckInMark key;
    key.class_id = marks.empty() ? 0 : marks.front().class_id;
    key.date = s.date;
    key.kind = s.kind;
    const auto it = std::lower_bound(marks.begin(), marks.end(), key, MarkBefore);
    const bool found = it != marks.end() && it->date == s.date && it->kind == s.kind;
    const auto state = StateOf(s, found ? std::optional(it->on) : std::nullopt, today);
    Count(total, state);
    Count(by_kind[s.kind], state);
  }
  return total;
}

}  // namespace xiaoan::domain::edu
