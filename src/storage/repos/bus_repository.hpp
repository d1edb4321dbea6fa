#pragma once
// The school-bus registry (migrations 0038 and 0041).
#include "domain/traffic/bus_registry.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlBusRepository final : public domain::traffic::BusRepository {
 public:
  explicit SqlBusRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::traffic::BusProvider& p) override;
  Result<bool> Update(domain::traffic::BusProvider& p) override;
  Status Insert(domain::traffic::BusVehicle& v) override;
  Result<bool> Update(domain::traffic::BusVehicle& v) override;
  Status Insert(domain::traffic::BusDriver& d) override;
  Result<bool> Update(domain::traffic::BusDriver& d) override;
  Status Insert(domain::traffic::BusMonitor& m) override;
  Result<bool> Update(domain::traffic::BusMonitor& m) override;
  Status Insert(domain::traffic::BusRoute& r) override;
  Result<bool> Update(domain::traffic::BusRoute& r) override;
  Status Insert(domain::traffic::BusOuting& o) override;
  Result<bool> Update(domain::traffic::BusOuting& o) override;

  Result<std::optional<domain::traffic::BusProvider>> FindProvider(
      std::int64_t id, const domain::ScopeFilter& scope) override;
  Result<std::optional<domain::traffic::BusVehicle>> FindVehicle(
      std::int64_t id, const domain::ScopeFilter& scope) override;
  Result<std::optional<domain::traffic::BusDriver>> FindDriver(
      std::int64_t id, const domain::ScopeFilter& scope) override;
  Result<std::optional<domain::traffic::BusMonitor>> FindMonitor(
      std::int64_t id, const domain::ScopeFilter& scope) override;
  Result<std::optional<domain::traffic::BusRoute>> FindRoute(
      std::int64_t id, const domain::ScopeFilter& scope) override;
  Result<std::optional<domain::traffic::BusOuting>> FindOuting(
      std::int64_t id, const domain::ScopeFilter& scope) override;
  Result<std::int64_t> VehicleWithPlate(const std::string& plate) override;

  Result<domain::PageResult<domain::traffic::BusProvider>> Providers(
      const domain::traffic::BusFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<domain::PageResult<domain::traffic::BusVehicle>> Vehicles(
      const domain::traffic::BusFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<domain::PageResult<domain::traffic::BusDriver>> Drivers(
      const domain::traffic::BusFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<domain::PageResult<domain::traffic::BusMonitor>> Monitors(
      const domain::traffic::BusFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<domain::PageResult<domain::traffic::BusRoute>> Routes(
      const domain::traffic::BusFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<domain::PageResult<domain::traffic::BusOuting>> Outings(
      const domain::traffic::BusFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;
  Result<std::vector<domain::traffic::BusRoute>> RoutesUsing(
      std::optional<std::int64_t> vehicle_id, std::optional<std::int64_t> driver_id,
      std::optional<std::int64_t> monitor_id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
