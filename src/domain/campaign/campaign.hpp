#pragma once
// Inspection campaigns (专项行动, measures 6, 7 and 12): the bureau (or the city) deploys a
// campaign on some hazard domains to a set of schools; each school inspects itself with the
// campaign's checklists place by place and submits; inspection teams check the schools they are
// assigned with the same checklists; every failed item becomes a hazard in the ledger, and an
// item an inspector fails that the school's own inspection passed is flagged 自查未发现; the
// bureau sends feedback, the school replies; at the end each school gets a score from weighted
// parts and the campaign is closed with a summary (docs/campaigns.md).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/checklist/checklist.hpp"
#include "domain/org/enums.hpp"
#include "domain/org/org.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::campaign {

EnumTable Levels();           // bureau 区县教育局, city 市级
EnumTable States();           // open 进行中, closed 已结束
EnumTable SchoolStates();     // not_started 未开始, in_progress 自查中, submitted 已提交
EnumTable InspectionKinds();  // self 学校自查, bureau 教育局检查, city 市级检查
// The hazard source an inspection of this kind reports (self_inspection, bureau_inspection,
// city_inspection).
std::string SourceOf(const std::string& kind);

// Which schools a campaign goes to: every condition given must hold; a list of schools narrows
// it to those. Nothing given: every school of the deploying bureau.
struct Targeting {
  std::vector<std::string> stages;
  std::vector<std::string> location_types;
  std::optional<bool> boarding;
  std::vector<std::int64_t> cluster_ids;
  std::vector<std::int64_t> school_ids;
};
bool Targets(const Targeting& t, std::int64_t school_id, const SchoolProfile& school);

// The evaluation's weights, whole points summing to 100.
struct Weights {
  int completion = 30;  // self-inspection submitted by the end of its window
  int self_found = 20;  // the share of the school's campaign hazards it found itself
  int no_missed = 20;   // no item an inspector failed that the school passed
  int rectified = 20;   // the share of its hazards closed by their deadline
  int closed = 10;      // the share of its hazards closed when evaluated
};
std::vector<ErrorDetail> ValidateWeights(const Weights& w);  // fields weights.completion …

struct Campaign {
  std::int64_t id = 0;
  std::string name;
  std::string level = "bureau";
  std::vector<std::string> domains;        // hazard domains (hazard::Domains)
  std::vector<std::int64_t> template_ids;  // checklist versions, kept for the campaign's life
  std::string description;
  Targeting targets;
  std::string self_from;  // YYYY-MM-DD, both ends included
  std::string self_to;
  std::string inspect_from;
  std::string inspect_to;
  Weights weights;
  std::string state = "open";
  std::string summary;  // written when closed
  // Filled by the repository.
  std::int64_t owner_unit_id = 0;  // the deploying bureau
  std::string owner_name;
  std::string owner_path;
  std::string created_by;
  std::string created_at;
  std::string closed_at;
  int school_count = 0;
  int submitted_count = 0;
};

// Every problem of a campaign as deployed, each naming its field (name, level, domains[1],
// template_ids, self_from, self_to, inspect_from, inspect_to, weights.completion …).
std::vector<ErrorDetail> ValidateCampaign(const Campaign& c);

// An inspection team (检查组) of a campaign: its members (usernames) inspect the schools assigned
// to it.
struct Team {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  std::string name;
  std::string kind = "bureau";  // bureau or city (InspectionKinds but self)
  std::vector<std::string> members;
  std::vector<std::int64_t> school_ids;  // filled by the repository
};
std::vector<ErrorDetail> ValidateTeam(const Team& t);

// A school in a campaign.
struct Target {
  std::int64_t campaign_id = 0;
  std::int64_t school_id = 0;
  std::string state = "not_started";
  std::optional<std::int64_t> team_id;
  std::string started_at;    // the first self-inspection sheet
  std::string submitted_at;  // instant
  // Filled by the repository.
  std::string school_name;
  std::string school_path;
  std::string team_name;
  int sheets = 0;
  int failed = 0;  // failed items of its self-inspection
};

// One filled checklist: a template at one key place (or the whole school) by the school itself or
// an inspection team.
struct Sheet {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t school_id = 0;
  std::string kind = "self";
  std::optional<std::int64_t> team_id;
  std::int64_t template_id = 0;
  std::optional<std::int64_t> key_place_id;
  std::string filled_by;  // display name
  std::string username;
  std::string filled_at;
  std::string note;
  std::vector<checklist::ItemAnswer> answers;  // empty in lists
  std::vector<std::string> missed;  // item keys flagged 自查未发现 (an inspection's sheet)
  int failed = 0;
  // Filled by the repository.
  std::string school_name;
  std::string place_name;
  std::string place_kind;
  std::string template_name;
  int template_version = 0;
};

// A place a school's sheets are filled at: a key place of a kind a template has items for, or the
// whole school (no id) for a template's whole-school items.
struct Place {
  std::optional<std::int64_t> key_place_id;
  std::string kind;  // empty: the whole school
  std::string name;
};
// The sheets a school owes: each template that applies to the school, at each of its places the
// template has items for, and at the whole school when it has whole-school items.
struct Due {
  std::int64_t template_id = 0;
  Place place;
};
std::vector<Due> SheetsDue(const std::vector<checklist::Template>& templates,
                           const SchoolProfile& school, const std::vector<KeyPlace>& places);
// The sheets due that the school has not filled (its self sheets by template and place).
std::vector<Due> Outstanding(const std::vector<Due>& due, const std::vector<Sheet>& self_sheets);

// The item keys of an inspection's failed answers that the school's own sheet for the same
// template and place answered pass: 自查未发现. The school's latest sheet counts (the highest id;
// of one listed twice, the first).
std::vector<std::string> MissedItems(const Sheet& inspection,
                                     const std::vector<Sheet>& self_sheets);

// A school's campaign hazard as the evaluation reads it.
struct HazardFact {
  std::string source;                    // self_inspection, bureau_inspection, city_inspection
  std::optional<std::string> deadline;   // YYYY-MM-DD
  std::optional<std::string> closed_at;  // instant; none while open
};
// Closed, with no deadline or on or before its deadline's day (China time).
bool ClosedOnTime(const HazardFact& h);
// The China Standard Time (UTC+8) day of an instant, YYYY-MM-DD; empty for no instant.
std::string ChinaDay(const std::string& instant);
struct SchoolFacts {
  std::int64_t school_id = 0;
  std::string school_name;
  std::string submitted_at;  // instant, empty when not submitted
  int missed = 0;            // items flagged 自查未发现
  std::vector<HazardFact> hazards;
};
struct Score {
  std::int64_t school_id = 0;
  std::string school_name;
  // Each part in points (0 … its weight), rounded to one decimal; total their sum.
  double completion = 0;
  double self_found = 0;
  double no_missed = 0;
  double rectified = 0;
  double closed = 0;
  double total = 0;
  int rank = 0;  // 1 = best; equal totals share a rank
  int hazards = 0;
  int self_hazards = 0;
  int missed = 0;
  int open = 0;
};
// The score of each school, ranked:
// - completion: the full weight when submitted on or before the self-inspection window's last
//   day (China time), half when later, none when not submitted;
// - self_found: weight × hazards it found itself / all its hazards (full when it has none);
// - no_missed: weight × max(0, 1 − missed / 3) (three missed items or more: none);
// - rectified: weight × closed on time / all (full when none);
// - closed: weight × closed / all (full when none).
std::vector<Score> Evaluate(const Weights& w, const std::string& self_to,
                            const std::vector<SchoolFacts>& schools);

// Feedback (反馈) from the bureau to a school and the school's reply (回复), on the campaign's
// timeline.
struct Message {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t school_id = 0;
  std::string kind = "feedback";  // feedback, reply
  std::string text;
  std::optional<std::string> deadline;  // feedback: the date to reply and rectify by
  std::string author;                   // display name
  std::string username;
  std::string at;
  std::string school_name;  // filled by the repository
};
std::vector<ErrorDetail> ValidateMessage(const Message& m);

// The progress board's counts.
struct Progress {
  std::map<std::string, int> schools;  // by SchoolStates
  struct Failed {
    std::string domain;
    std::string place_kind;  // empty: the whole school
    int items = 0;
  };
  std::vector<Failed> failed;  // failed items of every sheet, by domain and place kind
  int hazards_open = 0;
  int hazards_closed = 0;
  int missed = 0;
};

// Typical problems (典型问题): hazards of the campaign the bureau marks to be shown at the
// district's video meeting, each with the bureau's note (at most 500 characters).
struct Typical {
  std::int64_t campaign_id = 0;
  std::int64_t hazard_id = 0;
  std::string note;
  std::string marked_by;  // display name
  std::string marked_at;
};
std::vector<ErrorDetail> ValidateTypical(const Typical& t);
// A line of the briefing (通报) as it is ordered: major hazards first, then by school name, then
// the earliest found, then by hazard id.
struct BriefingKey {
  std::int64_t hazard_id = 0;
  std::string level;  // general, major
  std::string school_name;
  std::string found_at;
};
bool BriefingBefore(const BriefingKey& a, const BriefingKey& b);

struct CampaignFilter {
  std::optional<std::string> state;
  std::optional<std::int64_t> school_id;  // campaigns this school is in
  std::optional<std::string> member;      // campaigns with a team this user is on
  // With a scope: also the campaigns of a bureau above it that reach a school within it (a city's
  // campaign, for the district bureaus of its schools), not only those deployed within it.
  bool reaching = false;
};

class CampaignRepository {
 public:
  virtual ~CampaignRepository() = default;
  virtual Status Insert(Campaign& c) = 0;  // with its templates; assigns id
  virtual Result<std::optional<Campaign>> Find(std::int64_t id) = 0;
  virtual Result<PageResult<Campaign>> List(const CampaignFilter& f, const ScopeFilter& scope,
                                            const PageRequest& page) = 0;
  virtual Status Close(std::int64_t id, const std::string& summary, const std::string& at) = 0;

  virtual Status InsertTargets(std::int64_t campaign_id,
                               const std::vector<std::int64_t>& school_ids) = 0;
  virtual Result<std::vector<Target>> Targets(std::int64_t campaign_id,
                                              std::optional<std::int64_t> school_id) = 0;
  virtual Status SetTargetState(std::int64_t campaign_id, std::int64_t school_id,
                                const std::string& state, const std::string& at) = 0;

  virtual Status InsertTeam(Team& t) = 0;
  virtual Result<std::vector<Team>> Teams(std::int64_t campaign_id) = 0;
  virtual Status AssignTeam(std::int64_t campaign_id, std::int64_t school_id,
                            std::optional<std::int64_t> team_id) = 0;

  virtual Status InsertSheet(Sheet& s) = 0;  // with its answers and missed keys
  virtual Result<std::optional<Sheet>> FindSheet(std::int64_t id) = 0;
  // A campaign's sheets (optionally one school's, one kind's) with their answers.
  virtual Result<std::vector<Sheet>> Sheets(std::int64_t campaign_id,
                                            std::optional<std::int64_t> school_id,
                                            std::optional<std::string> kind) = 0;
  virtual Status SetAnswerHazard(std::int64_t sheet_id, const std::string& item_key,
                                 std::int64_t hazard_id) = 0;

  virtual Status InsertMessage(Message& m) = 0;
  virtual Result<std::vector<Message>> Messages(std::int64_t campaign_id,
                                                std::optional<std::int64_t> school_id) = 0;

  // Typical problems: marking a hazard again replaces its note.
  virtual Status MarkTypical(const Typical& t) = 0;
  virtual Status UnmarkTypical(std::int64_t campaign_id, std::int64_t hazard_id) = 0;
  virtual Result<std::vector<Typical>> TypicalOf(std::int64_t campaign_id) = 0;
  // The ids of the campaign's hazards, oldest first.
  virtual Result<std::vector<std::int64_t>> HazardIds(std::int64_t campaign_id) = 0;

  // Each target school with its submission, its missed items and the campaign's hazards.
  virtual Result<std::vector<SchoolFacts>> Facts(std::int64_t campaign_id) = 0;
  // The progress of the campaign's schools within `within` (every school: ScopeFilter{}).
  virtual Result<Progress> ProgressOf(std::int64_t campaign_id, const ScopeFilter& within) = 0;
  // Whether any school of the campaign is within the scope.
  virtual Result<bool> Reaches(std::int64_t campaign_id, const ScopeFilter& scope) = 0;
};

}  // namespace xiaoan::domain::campaign
