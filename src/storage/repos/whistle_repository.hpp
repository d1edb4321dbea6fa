#pragma once
// Whistles (吹哨报到): the whistle, its assignments to departments, its timeline, and the bureaus'
// routing tables (migration 0026).
#include "domain/whistle/whistle.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlWhistleRepository final : public domain::whistle::WhistleRepository {
 public:
  explicit SqlWhistleRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::whistle::Whistle& w) override;
  Result<std::optional<domain::whistle::Whistle>> Find(std::int64_t id) override;
  Result<std::optional<std::int64_t>> WhistleOfEvent(std::int64_t event_id) override;
  Result<bool> Update(domain::whistle::Whistle& w,
                      std::vector<domain::whistle::Event>& new_events) override;
  Result<domain::PageResult<domain::whistle::Whistle>> List(
      const domain::whistle::WhistleFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<std::vector<domain::whistle::Whistle>> ListOpen() override;
  Result<std::vector<domain::whistle::Route>> Routes(std::int64_t bureau_id) override;
  Status ReplaceRoutes(std::int64_t bureau_id,
                       const std::vector<domain::whistle::Route>& routes) override;
  Status SaveReport(const domain::whistle::PeriodicReport& r) override;
  Result<std::optional<domain::whistle::PeriodicReport>> FindReport(
      std::int64_t school_id, const std::string& month) override;
  Result<std::vector<domain::whistle::PeriodicReport>> ReportsOf(std::int64_t school_id) override;
  Result<std::vector<domain::whistle::PeriodicReport>> ReportsFor(
      const std::string& month, const domain::ScopeFilter& scope) override;

 private:
  // The whistles matched by `where` (on whistles w joined to their school su), in `order`, with
  // their assignments (and events when asked).
  Result<std::vector<domain::whistle::Whistle>> Load(const std::string& where_and_order,
                                                     const sql::Params& params, bool events);
  Status InsertAssignment(std::int64_t whistle_id, const domain::whistle::Assignment& a);
  Status InsertEvent(std::int64_t whistle_id, domain::whistle::Event& e);
  Result<std::vector<domain::whistle::PeriodicReport>> LoadReports(const std::string& where,
                                                                   const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
