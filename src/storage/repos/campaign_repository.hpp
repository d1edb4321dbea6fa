#pragma once
// Campaigns, their schools, teams, sheets with answers and messages (migration 0023), and their
// typical problems (0024).
#include "domain/campaign/campaign.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlCampaignRepository final : public domain::campaign::CampaignRepository {
 public:
  explicit SqlCampaignRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::campaign::Campaign& c) override;
  Result<std::optional<domain::campaign::Campaign>> Find(std::int64_t id) override;
  Result<domain::PageResult<domain::campaign::Campaign>> List(
      const domain::campaign::CampaignFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Status Close(std::int64_t id, const std::string& summary, const std::string& at) override;
  Status InsertTargets(std::int64_t campaign_id,
                       const std::vector<std::int64_t>& school_ids) override;
  Result<std::vector<domain::campaign::Target>> Targets(
      std::int64_t campaign_id, std::optional<std::int64_t> school_id) override;
  Status SetTargetState(std::int64_t campaign_id, std::int64_t school_id, const std::string& state,
                        const std::string& at) override;
  Status InsertTeam(domain::campaign::Team& t) override;
  Result<std::vector<domain::campaign::Team>> Teams(std::int64_t campaign_id) override;
  Status AssignTeam(std::int64_t campaign_id, std::int64_t school_id,
                    std::optional<std::int64_t> team_id) override;
  Status InsertSheet(domain::campaign::Sheet& s) override;
  Result<std::optional<domain::campaign::Sheet>> FindSheet(std::int64_t id) override;
  Result<std::vector<domain::campaign::Sheet>> Sheets(std::int64_t campaign_id,
                                                      std::optional<std::int64_t> school_id,
                                                      std::optional<std::string> kind) override;
  Status SetAnswerHazard(std::int64_t sheet_id, const std::string& item_key,
                         std::int64_t hazard_id) override;
  Status InsertMessage(domain::campaign::Message& m) override;
  Result<std::vector<domain::campaign::Message>> Messages(
      std::int64_t campaign_id, std::optional<std::int64_t> school_id) override;
  Status MarkTypical(const domain::campaign::Typical& t) override;
  Status UnmarkTypical(std::int64_t campaign_id, std::int64_t hazard_id) override;
  Result<std::vector<domain::campaign::Typical>> TypicalOf(std::int64_t campaign_id) override;
  Result<std::vector<std::int64_t>> HazardIds(std::int64_t campaign_id) override;
  Result<std::vector<domain::campaign::SchoolFacts>> Facts(std::int64_t campaign_id) override;
  Result<domain::campaign::Progress> ProgressOf(std::int64_t campaign_id,
                                                const domain::ScopeFilter& within) override;
  Result<bool> Reaches(std::int64_t campaign_id, const domain::ScopeFilter& scope) override;

 private:
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
