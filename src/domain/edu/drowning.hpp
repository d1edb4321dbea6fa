#pragma once
// 防溺水警示提醒 (measure 9 of the plan; rule edu.drowning): the days a class is warned about
// drowning, computed from the school's calendar and never stored ahead, and the warnings given.
//   - In the warm season (May to September by default) the last school days of each school week:
//     one for a school in the city, more for a rural, township or urban-rural-fringe school (three
//     by default), always ending on the day before the weekend;
//   - the last school day before each public holiday or vacation in the season, and always the
//     last school day before the summer vacation;
//   - every school day of a warning campaign (预警) the bureau issues for a period and for schools
//     of some location types (a flood season, a heat wave).
// A warning counts as given by its own record, or by a 1530 check-in on the same day about
// drowning. Pure rules, the rule's declaration and the repository port (migration 0036).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/edu/reminders1530.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
}  // namespace xiaoan::domain

namespace xiaoan::domain::edu {

// Rural, township and urban-rural-fringe schools get warned more often.
bool HighRiskLocation(std::string_view location_type);

// ---- The rule ----------------------------------------------------------------------------------
const rules::RuleDecl& DrowningRule();
// edu.drowning and edu.drowning.letter.
std::span<const rules::RuleDecl> DrowningRuleDecls();

// The rule's values as the schedule reads them.
struct WarningPlan {
  int season_from = 5;  // the warm season's first and last month (from > to wraps the new year)
  int season_to = 9;
  int days = 1;       // warning days a week for a city school
  int high_days = 3;  // for a rural, township or fringe school
  int late_days = 1;  // days after a warning day on which it can still be recorded
  int min_rate = 100;
};
WarningPlan PlanOf(const std::map<std::string, rules::ParamValues>& values);
bool InWarmSeason(const WarningPlan& plan, calendar::Date d);

// ---- Campaigns ---------------------------------------------------------------------------------
inline constexpr std::size_t kMaxCampaignTitleChars = 60;
inline constexpr std::size_t kMaxCampaignTextChars = 2000;
inline constexpr int kMaxCampaignDays = 120;

struct DrowningCampaign {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;  // the bureau that issued it: its schools are targeted
  std::string unit_path;     // read with the record
  std::string title;
  std::string text;  // what the class teacher says
  calendar::Date from{};
  calendar::Date to{};
  std::vector<std::string> location_types;  // empty: every school
  std::string created_by;
  std::string created_by_name;  // read with the record
  Instant created_at{};
};
// Problems with a campaign as entered, naming title, text, to or location_types: a title, a text
// within its length, a period of at most kMaxCampaignDays days not ending before `today`, known
// location types without repeats.
std::vector<ErrorDetail> CheckCampaign(const DrowningCampaign& c, calendar::Date today);
// Whether the campaign is aimed at a school: one under the issuing unit (paths "/1/5/"), of one
// of its location types (all when none is named).
bool Targets(const DrowningCampaign& c, std::string_view school_path,
             std::string_view location_type);

// ---- The schedule ------------------------------------------------------------------------------
enum class WarningReason {
  kWeekend,    // the last school day of the school week
  kFrequency,  // one of the week's other warning days
  kHoliday,    // the last school day before a holiday or vacation
  kCampaign,   // a day of a campaign
};
std::string_view WarningReasonCode(WarningReason r);  // weekend, frequency, holiday, campaign
std::string_view WarningReasonLabel(WarningReason r);  // 周末前, 加密提醒, 节假日前, 专项预警

struct WarningDay {
  calendar::Date date{};
  std::vector<WarningReason> reasons;   // in the enum's order
  std::string occasion;                 // the holiday or vacation ahead (暑假, 端午节)
  std::vector<std::int64_t> campaigns;  // the campaigns covering the day
};
// The warning days of a school on the school days in [from, to]; `campaigns` are those aimed at
// the school. A week's last school days are judged on the whole week, so a range that cuts a
// week gives the same days as a longer one.
std::vector<WarningDay> WarningDays(const calendar::SchoolCalendar& calendar,
                                    const WarningPlan& plan, bool high_risk,
                                    const std::vector<DrowningCampaign>& campaigns,
                                    calendar::Date from, calendar::Date to);

// ---- Warnings given ----------------------------------------------------------------------------
inline constexpr std::size_t kMaxWarningNoteChars = 200;

struct DrowningWarning {
  std::int64_t id = 0;
  std::int64_t class_id = 0;
  std::int64_t school_id = 0;
  calendar::Date date{};  // the warning day
  std::string note;
  std::string by;
  std::string by_name;  // read with the record
  Instant at{};
  calendar::Date on{};  // the China date of `at`: the warning day or later (补录)
};

// How a class's warning day stands: given on the day (done), later (late), not yet (due today,
// upcoming), or missed. `given_on` is the day of the warning's own record or of a 1530 check-in
// about drowning on the warning day, whichever came first.
SessionState WarningState(calendar::Date day, std::optional<calendar::Date> given_on,
                          calendar::Date today);
// Whether a warning for `day` is accepted today: on the day or up to late_days after it.
bool WarningOpen(calendar::Date day, calendar::Date today, int late_days);

// The rule for a school and the school week containing `day`, judged on `today`: every active
// class registered by then owes a warning on each warning day; pass when at least min_rate
// percent were given, due while the week runs, fail once it ended; not applicable without
// classes or without a warning day in the week. `given` holds, per class, the warning days with
// the day each was given and the record it rests on.
struct GivenFact {
  calendar::Date on{};
  std::int64_t evidence = 0;  // the warning's id, or 0 when a 1530 check-in gave it
};
struct WarnedClass {
  std::int64_t id = 0;
  calendar::Date since{};
};
rules::Judgement JudgeDrowning(
    const calendar::SchoolCalendar& calendar, const WarningPlan& plan, bool high_risk,
    const std::vector<DrowningCampaign>& campaigns, const std::vector<WarnedClass>& classes,
    const std::map<std::pair<std::int64_t, calendar::Date>, GivenFact>& given, calendar::Date day,
    calendar::Date today);

// ---- The parent letter of the term (edu.drowning.letter) ---------------------------------------
// Each school publishes a letter to parents (致家长的一封信) each semester and gets their receipts:
// pass once a published letter's receipt rate reaches `min_rate` percent (its classes of known
// size; a letter whose classes have no size passes on being published); due while the semester
// runs, fail once it ended; not applicable without classes. The best of the term's letters
// counts.
const rules::RuleDecl& LetterRule();
struct TermLetter {
  std::int64_t id = 0;
  int counted = 0;   // receipts toward the rate (ReceiptTally)
  int expected = 0;  // students of its classes of known size; 0: no size known
};
rules::Judgement JudgeLetter(const rules::PeriodSpan& semester, bool has_classes,
                             const std::vector<TermLetter>& published, int min_rate,
                             calendar::Date today);

// ---- Storage -----------------------------------------------------------------------------------
class DrowningRepository {
 public:
  virtual ~DrowningRepository() = default;
  virtual Status InsertCampaign(DrowningCampaign& c) = 0;  // assigns the id
  virtual Status RemoveCampaign(std::int64_t id) = 0;
  virtual Result<std::optional<DrowningCampaign>> FindCampaign(std::int64_t id) = 0;
  // Campaigns whose period overlaps [from, to] ("YYYY-MM-DD"), issued by any unit, newest first.
  virtual Result<std::vector<DrowningCampaign>> Campaigns(const std::string& from,
                                                          const std::string& to) = 0;
  // The latest campaigns issued by units in scope or above it, newest first (at most `limit`).
  virtual Result<std::vector<DrowningCampaign>> RecentCampaigns(int limit) = 0;
  // Inserts the warning and assigns its id; false (nothing written) when the class already has
  // one for that day.
  virtual Result<bool> InsertWarning(DrowningWarning& w) = 0;
  // The warnings of the given classes for days in [from, to].
  virtual Result<std::vector<DrowningWarning>> WarningsOf(
      const std::vector<std::int64_t>& class_ids, const std::string& from,
      const std::string& to) = 0;
  // The warnings of classes of schools in scope for days in [from, to].
  virtual Result<std::vector<DrowningWarning>> WarningsIn(const ScopeFilter& scope,
                                                          const std::string& from,
                                                          const std::string& to) = 0;
};

}  // namespace xiaoan::domain::edu
