#pragma once
// Schools' security records: the record, its guards, alarms and 护学岗 posts (migration 0025).
#include "domain/security/record.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlSecurityRepository final : public domain::security::SecurityRepository {
 public:
  explicit SqlSecurityRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::optional<domain::security::Record>> Find(std::int64_t school_id) override;
  Result<bool> Save(domain::security::Record& record) override;
  Result<std::vector<domain::security::Record>> List(const domain::ScopeFilter& scope) override;
  Status InsertRound(domain::security::Round& round,
                     const std::vector<std::int64_t>& school_ids) override;
  Result<std::optional<domain::security::Round>> FindRound(std::int64_t id) override;
  Result<std::vector<domain::security::Round>> ListRounds(
      const domain::ScopeFilter& scope) override;
  Result<std::vector<std::pair<std::int64_t, std::string>>> RoundSchools(
      std::int64_t round_id, const domain::ScopeFilter& scope) override;
  Result<bool> InsertScreening(domain::security::Screening& screening) override;
  Result<std::optional<domain::security::Screening>> FindScreening(std::int64_t round_id,
                                                                   std::int64_t school_id) override;
  Result<std::optional<domain::security::Screening>> FindScreeningById(std::int64_t id) override;
  Result<std::vector<domain::security::Screening>> Screenings(
      std::int64_t round_id, const domain::ScopeFilter& scope) override;
  Status LinkHazard(std::int64_t screening_id, const std::string& indicator,
                    std::int64_t hazard_id) override;
  Result<std::vector<domain::security::ScreenedHazard>> OpenScreeningHazards(
      std::int64_t school_id) override;

 private:
  // Reads the records matched by `where` (on security_records r joined to org_units u) with
  // their lists.
  Result<std::vector<domain::security::Record>> Load(const std::string& where,
                                                     const sql::Params& params);
  // Screenings matched by `where` (on security_screenings s joined to org_units u) with their
  // hazards.
  Result<std::vector<domain::security::Screening>> LoadScreenings(const std::string& where,
                                                                  const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
