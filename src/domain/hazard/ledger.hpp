#pragma once
// The hazard ledger's records and its storage port: hazards, their timeline and the files
// attached with each step, fired escalations and self-inspection results. Files, supervision
// orders and notifications are the platform's (domain/platform).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/hazard/board.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/platform/file.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::hazard {

struct Hazard {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::optional<std::int64_t> building_id;
  std::optional<std::int64_t> key_place_id;
  std::string place;  // the building or key place's name when reported (kept if it is removed)
  std::string domain;
  std::string level;  // general | major
  std::string title;
  std::string description;
  std::string found_at;  // instant
  std::string found_by;  // username
  std::string source;
  std::optional<std::int64_t> campaign_id;
  // The record it came from in another module (a drill …), if any.
  std::optional<std::string> origin_type;
  std::optional<std::int64_t> origin_id;
  std::string responsible;              // the responsible person named at report time (free text)
  std::string owner;                    // username made responsible at assignment
  std::optional<std::string> deadline;  // YYYY-MM-DD
  std::string deadline_reason;
  std::string interim_measures;
  FiveInPlace five;
  State state = State::kReported;
  std::string rectifier;  // username of the last submitter
  int rework_count = 0;
  int reopen_count = 0;
  bool supervised = false;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> closed_at;
  // Read-only, filled by queries:
  std::string school_name;
  std::string school_path;
};

struct HazardEvent {
  std::int64_t id = 0;
  std::int64_t hazard_id = 0;
  std::string at;
  std::string actor;
  std::string action;  // report, assign, …, escalate, edit
  std::string from_state;
  std::string to_state;
  std::string note;
  std::optional<std::int64_t> signature_id;
  std::vector<std::int64_t> file_ids;
};

// A hazard's timeline (events in order, each with the ids of the files attached with it) and
// every file attached to the hazard (ordered by id).
struct HazardTimeline {
  std::vector<HazardEvent> events;
  std::vector<domain::StoredFile> files;
};

struct EscalationRecord {
  std::int64_t id = 0;
  std::int64_t hazard_id = 0;
  std::string rule;
  std::string target;
  bool supervision = false;
  std::string reason;
  std::string fired_at;
  int rule_version = 0;  // of the engine rule's values in force (0: the declared defaults)
};

struct SelfInspection {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::optional<std::int64_t> key_place_id;
  std::string domain;
  bool passed = true;
  std::string checked_at;
  std::string checked_by;
  std::optional<std::int64_t> campaign_id;
  std::string note;
};

struct HazardFilter {
  std::optional<std::int64_t> school_id;
  std::optional<std::int64_t> cluster_id;
  std::optional<std::string> domain;
  std::optional<std::string> level;
  std::vector<std::string> states;
  std::optional<std::string> source;
  std::optional<bool> supervised;
  std::optional<std::string> overdue_before;  // deadline < this date and not closed
  std::optional<std::string> found_from;      // instant, inclusive
  std::optional<std::string> found_to;        // instant, exclusive
  std::string q;
  // The hazards a person is part of: found, owns (整改责任人) or rectified (我的隐患).
  std::optional<std::string> involving;  // username
};

class HazardRepository {
 public:
  virtual ~HazardRepository() = default;
  virtual Status Insert(Hazard& h) = 0;  // assigns id
  // Writes every mutable field; the caller read the row in this transaction.
  virtual Status Update(const Hazard& h) = 0;
  virtual Result<std::optional<Hazard>> Find(std::int64_t id, const ScopeFilter& scope) = 0;
  virtual Result<PageResult<Hazard>> List(const HazardFilter& f, const ScopeFilter& scope,
                                          const PageRequest& page) = 0;
  // For the export: the id of every hazard List would give, in its order (sort as in
  // PageRequest), then the hazards of some of those ids in the order given (at most a few hundred
  // at a time) and the files attached to any of them (ordered by file id).
  virtual Result<std::vector<std::int64_t>> ListIds(const HazardFilter& f, const ScopeFilter& scope,
                                                    const std::string& sort) = 0;
  virtual Result<std::vector<Hazard>> FindMany(const std::vector<std::int64_t>& ids) = 0;
  virtual Result<std::vector<domain::StoredFile>> FilesOfMany(
      const std::vector<std::int64_t>& ids) = 0;
  // Every hazard not closed (for the scheduled escalation run).
  virtual Result<std::vector<std::int64_t>> OpenIds() = 0;

  virtual Status InsertEvent(HazardEvent& e) = 0;
  virtual Result<HazardTimeline> Timeline(std::int64_t hazard_id) = 0;

  // Links an attached file to the hazard's step it came with (its timeline).
  virtual Status AttachFile(std::int64_t file_id, std::int64_t hazard_id,
                            std::int64_t event_id) = 0;

  virtual Result<std::vector<EscalationRecord>> Escalations(std::int64_t hazard_id) = 0;
  virtual Status InsertEscalation(EscalationRecord& e) = 0;

  virtual Status InsertSelfInspection(SelfInspection& s) = 0;
  // Passed self-inspections of a school in one domain checked at or after `since`, or in the
  // campaign.
  virtual Result<std::vector<SelfInspection>> PassedSelfInspections(
      std::int64_t school_id, const std::string& domain, const std::string& since,
      std::optional<std::int64_t> campaign_id) = 0;
  // Closed hazards of a school in one domain closed at or after `since`.
  virtual Result<std::vector<Hazard>> ClosedSince(std::int64_t school_id, const std::string& domain,
                                                  const std::string& since) = 0;

  // The board's inputs within the scope (optionally one school): open hazards grouped by level,
  // domain and supervision; each school with open hazards (overdue: deadline before `today`,
  // YYYY-MM-DD); and the monthly figures (summed over the schools) of the months from
  // `since_month` (YYYY-MM) on.
  virtual Result<std::vector<OpenTotal>> OpenTotals(const ScopeFilter& scope,
                                                    std::optional<std::int64_t> school_id) = 0;
  virtual Result<std::vector<SchoolOpen>> OpenSchools(const ScopeFilter& scope,
                                                      std::optional<std::int64_t> school_id,
                                                      const std::string& today) = 0;
  virtual Result<std::vector<MonthStat>> MonthStats(const ScopeFilter& scope,
                                                    std::optional<std::int64_t> school_id,
                                                    const std::string& since_month) = 0;
  // The district's rule configuration (absent keys: the compiled-in defaults).
  virtual Result<std::vector<std::pair<std::string, std::string>>> RuleSettings() = 0;
  virtual Status ReplaceRuleSettings(
      const std::vector<std::pair<std::string, std::string>>& settings, const std::string& at,
      const std::string& by) = 0;
};

}  // namespace xiaoan::domain::hazard
