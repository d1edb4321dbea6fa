#pragma once
// The campus traffic registry and the gate's refusals (migration 0039).
#include "domain/traffic/campus_registry.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlCampusRepository final : public domain::traffic::CampusRepository {
 public:
  explicit SqlCampusRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::traffic::CampusVehicleRecord& v) override;
  Result<bool> Update(domain::traffic::CampusVehicleRecord& v) override;
  Status Insert(domain::traffic::EbikeRecord& e) override;
  Result<bool> Update(domain::traffic::EbikeRecord& e) override;
  Status Insert(domain::traffic::GateRefusal& r) override;
  Result<std::optional<domain::traffic::CampusVehicleRecord>> FindVehicle(
      std::int64_t id, const domain::ScopeFilter& scope) override;
  Result<std::optional<domain::traffic::EbikeRecord>> FindEbike(
      std::int64_t id, const domain::ScopeFilter& scope) override;
  Result<std::optional<domain::traffic::CampusVehicleRecord>> VehicleByPlate(
      std::int64_t unit_id, const std::string& plate) override;
  Result<std::optional<domain::traffic::EbikeRecord>> EbikeByPlate(
      std::int64_t unit_id, const std::string& plate) override;
  Result<domain::PageResult<domain::traffic::CampusVehicleRecord>> Vehicles(
      const domain::traffic::CampusFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<domain::PageResult<domain::traffic::EbikeRecord>> Ebikes(
      const domain::traffic::CampusFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<domain::PageResult<domain::traffic::GateRefusal>> Refusals(
      const domain::traffic::RefusalFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<std::optional<domain::traffic::TrafficGuide>> Guide(std::int64_t unit_id) override;
  Result<std::vector<domain::traffic::TrafficGuide>> Guides(
      const domain::ScopeFilter& scope) override;
  Result<bool> SaveGuide(domain::traffic::TrafficGuide& g) override;

 private:
  Result<std::vector<domain::traffic::TrafficGuide>> LoadGuides(const std::string& where,
                                                                const sql::Params& params);
  Result<std::vector<domain::traffic::CampusVehicleRecord>> LoadVehicles(
      const std::string& where_and_order, const sql::Params& params);
  Result<std::vector<domain::traffic::EbikeRecord>> LoadEbikes(const std::string& where_and_order,
                                                               const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
