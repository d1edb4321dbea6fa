#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/store.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

// The rule settings as last read, kept by the store for its read transactions: valid while the
// store's access epoch is the one they were read under (replacing them moves it) and for two
// seconds at most (changes made by another process).
class RuleSettingsCache {
 public:
  using Settings = std::vector<std::pair<std::string, std::string>>;
  std::optional<Settings> Find(std::uint64_t epoch) {
    std::lock_guard lock(mu_);
    if (!settings_ || epoch != epoch_ ||
        std::chrono::steady_clock::now() - loaded_ > std::chrono::seconds(2)) {
      return std::nullopt;
    }
    return settings_;
  }
  void Put(std::uint64_t epoch, Settings settings) {
    std::lock_guard lock(mu_);
    epoch_ = epoch;
    loaded_ = std::chrono::steady_clock::now();
    settings_ = std::move(settings);
  }

 private:
  std::mutex mu_;
  std::uint64_t epoch_ = 0;
  std::chrono::steady_clock::time_point loaded_{};
  std::optional<Settings> settings_;
};

class SqlHazardRepository final : public domain::hazard::HazardRepository {
 public:
  // access_changed, when given, is set when the rule settings are replaced (see
  // domain::Store::access_epoch); cache, when given (read transactions only), serves the rule
  // settings read under `epoch`.
  explicit SqlHazardRepository(sql::Connection& conn, bool* access_changed = nullptr,
                               RuleSettingsCache* cache = nullptr, std::uint64_t epoch = 0)
      : conn_(conn), access_changed_(access_changed), cache_(cache), epoch_(epoch) {}
  using Hazard = domain::hazard::Hazard;

  Status Insert(Hazard& h) override;
  Status Update(const Hazard& h) override;
  Result<std::optional<Hazard>> Find(std::int64_t id, const domain::ScopeFilter& scope) override;
  Result<domain::PageResult<Hazard>> List(const domain::hazard::HazardFilter& f,
                                          const domain::ScopeFilter& scope,
                                          const domain::PageRequest& page) override;
  Result<std::vector<std::int64_t>> ListIds(const domain::hazard::HazardFilter& f,
                                            const domain::ScopeFilter& scope,
                                            const std::string& sort) override;
  Result<std::vector<Hazard>> FindMany(const std::vector<std::int64_t>& ids) override;
  Result<std::vector<domain::StoredFile>> FilesOfMany(
      const std::vector<std::int64_t>& ids) override;
  Result<std::vector<std::int64_t>> OpenIds() override;

  Status InsertEvent(domain::hazard::HazardEvent& e) override;
  Result<domain::hazard::HazardTimeline> Timeline(std::int64_t hazard_id) override;

  Status AttachFile(std::int64_t file_id, std::int64_t hazard_id, std::int64_t event_id) override;

  Result<std::vector<domain::hazard::EscalationRecord>> Escalations(
      std::int64_t hazard_id) override;
  Status InsertEscalation(domain::hazard::EscalationRecord& e) override;

  Status InsertSelfInspection(domain::hazard::SelfInspection& s) override;
  Result<std::vector<domain::hazard::SelfInspection>> PassedSelfInspections(
      std::int64_t school_id, const std::string& domain, const std::string& since,
      std::optional<std::int64_t> campaign_id) override;
  Result<std::vector<Hazard>> ClosedSince(std::int64_t school_id, const std::string& domain,
                                          const std::string& since) override;

  Result<std::vector<domain::hazard::OpenTotal>> OpenTotals(
      const domain::ScopeFilter& scope, std::optional<std::int64_t> school_id) override;
  Result<std::vector<domain::hazard::SchoolOpen>> OpenSchools(const domain::ScopeFilter& scope,
                                                              std::optional<std::int64_t> school_id,
                                                              const std::string& today) override;
  Result<std::vector<domain::hazard::MonthStat>> MonthStats(
      const domain::ScopeFilter& scope, std::optional<std::int64_t> school_id,
      const std::string& since_month) override;
  Result<std::vector<std::pair<std::string, std::string>>> RuleSettings() override;
  Status ReplaceRuleSettings(const std::vector<std::pair<std::string, std::string>>& settings,
                             const std::string& at, const std::string& by) override;

 private:
  sql::Connection& conn_;
  bool* access_changed_ = nullptr;
  RuleSettingsCache* cache_ = nullptr;
  std::uint64_t epoch_ = 0;
};

}  // namespace xiaoan::storage
