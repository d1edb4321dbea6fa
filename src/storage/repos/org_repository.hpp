#pragma once
#include "core/field_cipher.hpp"
#include "domain/store.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlOrgRepository final : public domain::OrgRepository {
 public:
  // access_changed, when given, is set by every write that changes what authentication
  // depends on (see domain::Store::access_epoch).
  // cipher: seals and opens the protected personal-information columns (field_protection.hpp);
  // null when no field key is configured.
  explicit SqlOrgRepository(sql::Connection& conn, bool* access_changed = nullptr,
                            const FieldCipher* cipher = nullptr)
      : conn_(conn), access_changed_(access_changed), cipher_(cipher) {}
  Result<std::vector<domain::Region>> ListRegions() override;
  Result<std::optional<domain::Region>> FindRegion(const std::string& code) override;
  Status InsertRegion(const domain::Region& region) override;
  Status UpdateRegion(const domain::Region& region) override;
  Status DeleteRegion(const std::string& code) override;
  Result<std::int64_t> CountRegionUsers(const std::string& code) override;

  Result<std::optional<domain::Unit>> FindUnit(domain::UnitId id) override;
  Result<std::optional<domain::Unit>> FindUnitByCode(const std::string& code) override;
  Result<domain::PageResult<domain::Unit>> ListUnits(const domain::UnitFilter& filter) override;
  Status InsertUnit(domain::Unit& unit) override;
  Status UpdateUnit(const domain::Unit& unit) override;
  Status DeleteUnit(domain::UnitId id) override;
  Result<std::int64_t> CountDependents(domain::UnitId id) override;

  Result<std::optional<domain::School>> FindSchool(domain::UnitId id) override;
  Result<domain::PageResult<domain::School>> ListSchools(
      const domain::SchoolFilter& filter) override;
  Result<std::vector<domain::SchoolCountRow>> CountSchools(
      const domain::ScopeFilter& scope) override;
  Status InsertSchoolProfile(domain::UnitId id, const domain::SchoolProfile& profile) override;
  Status UpdateSchoolProfile(domain::UnitId id, const domain::SchoolProfile& profile) override;
  Status SaveBuildingsAndPlaces(domain::UnitId id, const domain::PlaceChanges& changes) override;
  Result<std::vector<std::int64_t>> KeyPlacesInUse(const std::vector<std::int64_t>& ids) override;
  Result<std::optional<domain::UnitId>> SchoolOfKeyPlace(std::int64_t key_place_id) override;

 private:
  void MarkAccessChanged() {
    if (access_changed_ != nullptr) *access_changed_ = true;
  }
  sql::Connection& conn_;
  bool* access_changed_ = nullptr;
  const FieldCipher* cipher_ = nullptr;
};

}  // namespace xiaoan::storage
