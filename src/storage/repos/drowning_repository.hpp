#pragma once
// Drowning warning campaigns and the warnings given (migration 0036).
#include "domain/edu/drowning.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlDrowningRepository final : public domain::edu::DrowningRepository {
 public:
  explicit SqlDrowningRepository(sql::Connection& conn) : conn_(conn) {}
  Status InsertCampaign(domain::edu::DrowningCampaign& c) override;
  Status RemoveCampaign(std::int64_t id) override;
  Result<std::optional<domain::edu::DrowningCampaign>> FindCampaign(std::int64_t id) override;
  Result<std::vector<domain::edu::DrowningCampaign>> Campaigns(const std::string& from,
                                                               const std::string& to) override;
  Result<std::vector<domain::edu::DrowningCampaign>> RecentCampaigns(int limit) override;
  Result<bool> InsertWarning(domain::edu::DrowningWarning& w) override;
  Result<std::vector<domain::edu::DrowningWarning>> WarningsOf(
      const std::vector<std::int64_t>& class_ids, const std::string& from,
      const std::string& to) override;
  Result<std::vector<domain::edu::DrowningWarning>> WarningsIn(const domain::ScopeFilter& scope,
                                                               const std::string& from,
                                                               const std::string& to) override;

 private:
  Result<std::vector<domain::edu::DrowningCampaign>> LoadCampaigns(const std::string& where,
                                                                   const sql::Params& params);
  Result<std::vector<domain::edu::DrowningWarning>> LoadWarnings(const std::string& where,
                                                                 const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
