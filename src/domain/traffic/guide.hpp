#pragma once
// 交通安全一校一策 (measure 15): each school's guide for arrival and dismissal — its gates, the
// peaks per grade, the drop-off and waiting zones, people and vehicles kept apart, the 护学岗
// posts with their people, the police's peak duty, what is done for early arrivals and against
// gathering after school, and the road-facility needs sent to the traffic police as a whistle.
// The guide is published by the school; the rule traffic.guide asks for one published in each
// semester. Pure: checks, the guide's state, the rule's verdict (docs/traffic.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain::traffic {

inline constexpr std::size_t kMaxGuideRows = 30;        // per list
inline constexpr std::size_t kMaxGuideNameChars = 40;   // a gate, a grade, a zone, a place
inline constexpr std::size_t kMaxGuideTextChars = 500;  // a measure
// At most this many road-facility needs, each described in at most kMaxNeedChars: all of them
// fit one whistle's description.
inline constexpr std::size_t kMaxGuideNeeds = 10;
inline constexpr std::size_t kMaxNeedChars = 150;

struct GuideGate {
  std::string name;
  std::string use;    // people, vehicles, both
  std::string hours;  // 开放时间, free text ("07:00—08:00，16:30—17:30")
};
struct GuidePeak {
  std::string grade;  // 一年级, 初一至初三 …
  std::string kind;   // arrival, dismissal
  std::string from;   // HH:MM
  std::string to;     // HH:MM, after `from`
  std::string gate;   // one of the guide's gates
};
struct GuideZone {
  std::string kind;  // drop_off 临时停靠, waiting 家长等候, parking 停车, bus 校车停靠
  std::string name;
  std::string location;
};
struct GuidePost {  // 护学岗
  std::string place;
  std::string from;  // HH:MM
  std::string to;
  std::string people;  // who stands there (names, or 家长志愿者 …)
};
struct GuideNeed {   // a road facility asked of the traffic police
  std::string kind;  // sign, marking, crossing, speed_hump, signal, fence, other
  std::string location;
  std::string description;
  std::optional<std::int64_t> whistle_id;  // the whistle it was sent in
};

struct TrafficGuide {
  std::int64_t unit_id = 0;
  std::string unit_name;  // read with the guide
  std::vector<GuideGate> gates;
  std::vector<GuidePeak> peaks;
  std::vector<GuideZone> zones;
  std::string separation;  // 人车分流
  std::vector<GuidePost> posts;
  std::string police_unit;  // 交警中队 / 派出所
  std::string police_duty;  // the police's peak duty: where and when
  std::string early_arrival;
  std::string after_school;
  std::vector<GuideNeed> needs;
  std::string published_on;  // YYYY-MM-DD, "" when never published
  std::string published_by;
  std::string published_by_name;  // read with the guide
  int published_version = 0;      // the version published; 0: never
  int version = 0;                // 0: not stored yet
  std::string updated_by;
  Instant updated_at{};
};

// Labels of the codes (Chinese); "" for an unknown code.
std::string_view GateUseLabel(std::string_view code);
std::string_view PeakKindLabel(std::string_view code);
std::string_view ZoneKindLabel(std::string_view code);
std::string_view NeedKindLabel(std::string_view code);
const std::vector<std::string>& NeedKinds();

// What is entered, each problem naming its field (gates[2].name): texts valid and within their
// lengths, codes known, times as HH:MM with `to` after `from`, a peak's gate one of the gates,
// gate names unique, at most kMaxGuideRows per list. A need already sent keeps its whistle.
std::vector<ErrorDetail> CheckGuide(const TrafficGuide& g);
// What publishing asks on top (field named): at least one gate, an arrival and a dismissal peak,
// a 护学岗 post with its people, people and vehicles kept apart, the police's peak duty.
std::vector<ErrorDetail> CheckPublishable(const TrafficGuide& g);

// The guide's state: none (not written), draft (never published), changed (edited since it was
// published), outdated (published before the semester `term_first` started), current.
enum class GuideState { kNone, kDraft, kChanged, kOutdated, kCurrent };
std::string_view GuideStateCode(GuideState s);
std::string_view GuideStateLabel(GuideState s);
GuideState StateOf(const std::optional<TrafficGuide>& g, std::optional<calendar::Date> term_first);

// The rule traffic.guide (measure 15), per school and semester: pass when the school published
// its guide on a day of the semester; due while the semester runs, fail after it.
// Declared with the module's other rules (CampusRuleDecls).
const rules::RuleDecl& GuideRule();
rules::Judgement JudgeGuide(const rules::PeriodSpan& semester,
                            const std::optional<TrafficGuide>& guide, calendar::Date today);

// The needs not yet sent, as the whistle's text (title and description) for the traffic police.
struct NeedsWhistle {
  std::string title;
  std::string description;
  std::string location;
};
std::optional<NeedsWhistle> WhistleOfNeeds(const TrafficGuide& g);

}  // namespace xiaoan::domain::traffic
