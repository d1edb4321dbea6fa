#include "domain/edu/reminders1530.hpp"

#include <map>
#include <set>

namespace xiaoan::domain::edu {

std::string_view SessionCode(SessionKind k) {
  switch (k) {
    case SessionKind::kDaily:
      return "edu.1530.daily";
    case SessionKind::kWeekly:
      return "edu.1530.weekly";
    case SessionKind::kHoliday:
      return "edu.1530.holiday";
  }
  return "";
}

std::string_view SessionLabel(SessionKind k) {
  switch (k) {
    case SessionKind::kDaily:
      return "放学前1分钟安全提醒";
    case SessionKind::kWeekly:
      return "周末放学前5分钟安全教育";
    case SessionKind::kHoliday:
      return "节假日放学前30分钟安全教育";
  }
  return "";
}

int MinutesBefore(SessionKind k) {
  switch (k) {
    case SessionKind::kDaily:
      return 1;
    case SessionKind::kWeekly:
      return 5;
    case SessionKind::kHoliday:
      return 30;
  }
  return 0;
}

std::vector<Session> Sessions(const cal::SchoolCalendar& calendar,
                              const std::vector<cal::Dismissal>& dismissals, int grade,
                              cal::Date from, cal::Date to) {
  std::vector<Session> out;
  if (to < from) return out;
  std::set<cal::Date> week_ends;
  const cal::Date last_week = cal::SchoolCalendar::WeekOf(to);
  for (cal::Date w = cal::SchoolCalendar::WeekOf(from); w <= last_week; w += std::chrono::days{7}) {
    if (const auto last = calendar.LastSchoolDayOfWeek(w)) week_ends.insert(*last);
  }
  std::map<cal::Date, std::string> eves;
  for (const auto& b : calendar.BreaksFrom(from, to)) {
    if (b.kind == cal::DayKind::kHoliday || b.kind == cal::DayKind::kVacation) {
      eves[b.last_school_day] = b.name;
    }
  }
  for (const cal::Date d : calendar.SchoolDays(from, to)) {
    const auto dismissal = cal::DismissalTime(dismissals, grade, cal::Weekday(d));
    const auto at = [&](SessionKind k) -> std::optional<int> {
      if (!dismissal) return std::nullopt;
      return *dismissal - MinutesBefore(k);
    };
    out.push_back({d, SessionKind::kDaily, at(SessionKind::kDaily), ""});
    if (week_ends.count(d) > 0)
      out.push_back({d, SessionKind::kWeekly, at(SessionKind::kWeekly), ""});
    if (const auto it = eves.find(d); it != eves.end()) {
      out.push_back({d, SessionKind::kHoliday, at(SessionKind::kHoliday), it->second});
    }
  }
  return out;
}

std::string_view AgeGroupCode(AgeGroup g) {
  switch (g) {
    case AgeGroup::kKindergarten:
      return "kindergarten";
    case AgeGroup::kLowerPrimary:
      return "lower_primary";
    case AgeGroup::kUpperPrimary:
      return "upper_primary";
    case AgeGroup::kJunior:
      return "junior";
    case AgeGroup::kSenior:
      return "senior";
  }
  return "";
}

AgeGroup AgeGroupOf(std::string_view stage, int grade) {
  if (stage == "kindergarten") return AgeGroup::kKindergarten;
  if (stage == "junior") return AgeGroup::kJunior;
  if (stage == "senior" || stage == "vocational") return AgeGroup::kSenior;
  if (grade >= 10) return AgeGroup::kSenior;
  if (grade >= 7) return AgeGroup::kJunior;
  if (grade >= 4) return AgeGroup::kUpperPrimary;
  return AgeGroup::kLowerPrimary;
}

std::string_view TopicCode(Topic t) {
  switch (t) {
    case Topic::kDrowning:
      return "drowning";
    case Topic::kFire:
      return "fire";
    case Topic::kTraffic:
      return "traffic";
    case Topic::kBullying:
      return "bullying";
    case Topic::kHolidayTravel:
      return "holiday_travel";
    case Topic::kFireworks:
      return "fireworks";
    case Topic::kFood:
      return "food";
    case Topic::kFraud:
      return "fraud";
    case Topic::kGeneral:
      return "general";
  }
  return "";
}

std::string_view TopicLabel(Topic t) {
  switch (t) {
    case Topic::kDrowning:
      return "防溺水";
    case Topic::kFire:
      return "防火与用电、燃气、一氧化碳安全";
    case Topic::kTraffic:
      return "交通安全";
    case Topic::kBullying:
      return "防欺凌";
    case Topic::kHolidayTravel:
      return "假期出行与居家安全";
    case Topic::kFireworks:
      return "烟花爆竹与春节安全";
    case Topic::kFood:
      return "食品卫生与传染病预防";
    case Topic::kFraud:
      return "防诈骗与网络安全";
    case Topic::kGeneral:
      return "日常安全";
  }
  return "";
}

namespace {

Topic HolidayTopic(const std::string& occasion) {
  if (occasion.find("暑假") != std::string::npos || occasion.find("端午") != std::string::npos) {
    return Topic::kDrowning;
  }
  if (occasion.find("寒假") != std::string::npos || occasion.find("春节") != std::string::npos) {
    return Topic::kFireworks;
  }
  if (occasion.find("元旦") != std::string::npos) return Topic::kFire;
  return Topic::kHolidayTravel;
}

}  // namespace

Topic SuggestedTopic(const Session& s, bool term_start) {
  const bool weekly = s.kind == SessionKind::kWeekly;
  if (s.kind == SessionKind::kHoliday) return HolidayTopic(s.occasion);
  if (term_start) return weekly ? Topic::kBullying : Topic::kTraffic;
  const int month = cal::MonthOf(s.date);
  if (month >= 6 && month <= 8) return Topic::kDrowning;
  if (weekly && (month == 5 || month == 9)) return Topic::kDrowning;
  if (month >= 11 || month <= 2) return Topic::kFire;
  if (weekly) return Topic::kFraud;
  const auto day = static_cast<unsigned>(std::chrono::year_month_day{s.date}.day());
  return day % 2 == 0 ? Topic::kTraffic : Topic::kGeneral;
}

bool InTermStart(const cal::SchoolCalendar& calendar, cal::Date d) {
  const cal::Term* term = calendar.TermOf(d);
  return term != nullptr && d < term->starts + std::chrono::days{14};
}

std::string_view SessionStateCode(SessionState s) {
  switch (s) {
    case SessionState::kUpcoming:
      return "upcoming";
    case SessionState::kDue:
      return "due";
    case SessionState::kDone:
      return "done";
    case SessionState::kLate:
      return "late";
    case SessionState::kMissed:
      return "missed";
  }
  return "";
}

SessionState StateOf(const Session& s, std::optional<cal::Date> checked_in_on, cal::Date today) {
  if (checked_in_on) return *checked_in_on <= s.date ? SessionState::kDone : SessionState::kLate;
  if (s.date > today) return SessionState::kUpcoming;
  if (s.date == today) return SessionState::kDue;
  return SessionState::kMissed;
}

bool CheckInOpen(const Session& s, cal::Date today, int late_days) {
  return today >= s.date && today <= s.date + std::chrono::days{late_days};
}

void Count(Completion& c, SessionState state) {
  switch (state) {
    case SessionState::kDone:
      ++c.due;
      ++c.done;
      break;
    case SessionState::kLate:
      ++c.due;
      ++c.late;
      break;
    case SessionState::kMissed:
      ++c.due;
      ++c.missed;
      break;
    case SessionState::kUpcoming:
    case SessionState::kDue:
      break;
  }
}

}  // namespace xiaoan::domain::edu
