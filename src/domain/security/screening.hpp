#pragma once
// Screening rounds (逐校筛查, measure 4): the bureau opens a round over its schools; each school
// is screened once within the round's dates, with evidence for each of the four indicators; every
// indicator it fails becomes a hazard in the ledger (source 安全排查), which the security rules
// close when the school meets that indicator again. Pure: the checks, the window, which hazards
// to raise and which to close.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/security/indicators.hpp"

namespace xiaoan::domain::security {

// The four indicators in their reporting order: guards 专职保安, closed_campus 封闭管理,
// alarm_video 一键报警与视频监控, gate_duty 护学岗.
struct IndicatorInfo {
  std::string_view code;
  std::string_view label;
};
std::span<const IndicatorInfo> IndicatorList();
// The label of an indicator code ("" when unknown).
std::string_view IndicatorLabel(std::string_view code);
// Whether the school meets the indicator (an unknown code: false).
bool Met(const Indicators& ind, std::string_view code);
// The indicator a security rule counts towards ("" for another rule).
std::string_view IndicatorOfRule(std::string_view rule_id);

struct Round {
  std::int64_t id = 0;
  std::int64_t bureau_id = 0;
  std::string bureau_name;  // read-only, filled by queries
  std::string name;
  std::string from;  // YYYY-MM-DD, first day of screening
  std::string to;    // YYYY-MM-DD, last day
  std::string created_by;
  std::string created_at;
};

inline constexpr std::size_t kMaxRoundName = 100;
inline constexpr int kMaxRoundDays = 366;
// What is wrong with a new round opened on `today`: name required (≤ 100 characters), both dates
// valid, `to` not before `from` nor before today, at most a year long. Each problem names its
// field.
std::vector<ErrorDetail> ValidateRound(const std::string& name, const std::string& from,
                                       const std::string& to, calendar::Date today);

enum class Window { kNotOpen, kOpen, kEnded };
std::string_view WindowCode(Window w);  // not_open, open, ended
// Where `today` falls in a round from `from` to `to`, both days included.
Window WindowOn(calendar::Date from, calendar::Date to, calendar::Date today);

// Why a school cannot be screened now (screening.not_open, screening.ended, screening.done,
// screening.no_record), or nothing when it can.
std::optional<Error> ScreeningRefused(Window w, bool already_screened, bool recorded);

// The evidence of one indicator: a note, photos (the caller's uploads), or both.
struct Evidence {
  std::string indicator;
  std::string note;
  std::vector<std::int64_t> file_ids;
};
inline constexpr std::size_t kMaxEvidenceNote = 500;
inline constexpr std::size_t kMaxEvidenceFiles = 9;
// Each of the four indicators exactly once, each with a note or at least one photo, notes of at
// most 500 characters, at most nine photos each. Problems name evidence, evidence[i].indicator,
// evidence[i].note, evidence[i].file_ids.
std::vector<ErrorDetail> ValidateEvidence(const std::vector<Evidence>& evidence);

// A hazard a screening raised (or found already open) for one indicator.
struct ScreenedHazard {
  std::string indicator;
  std::int64_t hazard_id = 0;
  // Read-only, filled by queries:
  std::string title;
  std::string state;
};

// One school screened in a round: the indicators its record gave then, the failed rules with
// their reasons, the evidence and the hazards.
struct Screening {
  std::int64_t id = 0;
  std::int64_t round_id = 0;
  std::int64_t school_id = 0;
  std::string school_name;  // read-only, filled by queries
  std::string screened_by;
  std::string screened_at;
  Indicators indicators;
  std::string reasons;  // "规则：原因" per failed rule, one per line
  std::vector<Evidence> evidence;
  std::vector<ScreenedHazard> hazards;
};

// Which indicators need a new hazard: those failed without an open screening hazard for the same
// indicator at the school, in the indicators' order.
std::vector<std::string> ToRaise(const Indicators& ind, const std::vector<ScreenedHazard>& open);
// Which open screening hazards the rules close: those whose indicator the school meets now.
std::vector<std::int64_t> ToClose(const Indicators& ind, const std::vector<ScreenedHazard>& open);

}  // namespace xiaoan::domain::security
