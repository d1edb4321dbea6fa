#pragma once
// Use cases of the organisation model: regions, units (bureaus, sections, clusters,
// departments) and schools. Each write validates, loads what the rules need, and runs as one
// transaction with its audit record.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace xiaoan::app {

// Inside a module's transaction: the school with its profile when it is in the caller's scope,
// or a validation error naming school_id.
Result<domain::School> SchoolInScope(domain::Tx& tx, const RequestContext& ctx, domain::UnitId id);
// The school as the address of a module's record (a path's or a query's unit_id): as
// SchoolInScope, but 404 when it is not a school of the caller's scope.
Result<domain::School> SchoolAsAddress(domain::Tx& tx, const RequestContext& ctx,
                                       domain::UnitId id);
// The school named, or the caller's own school when none is named (422 unit_id for a caller who
// is not at a school); 404 as SchoolAsAddress.
Result<domain::School> NamedOrOwnSchool(domain::Tx& tx, const RequestContext& ctx,
                                        std::optional<domain::UnitId> id);
// Inside a module's transaction: every school in the caller's scope with its profile, by name
// (the rows of a board).
Result<std::vector<domain::School>> AllSchoolsInScope(domain::Tx& tx, const RequestContext& ctx);

Result<std::vector<domain::Region>> ListRegions(Services& s);
Result<domain::Region> GetRegion(Services& s, const std::string& code);
Result<domain::Region> CreateRegion(Services& s, const RequestContext& ctx, domain::Region region);
Result<domain::Region> RenameRegion(Services& s, const RequestContext& ctx, const std::string& code,
                                    const std::string& name);
Status DeleteRegion(Services& s, const RequestContext& ctx, const std::string& code);

// Reads are limited to the caller's data scope, except the directory of outside departments,
// which every holder of department:read may consult.
// First set-up of an empty deployment: the region chain (province → … → own region, each the
// parent of the next) and the bureau at the last region, in one transaction.
Result<domain::Unit> InitOrganisation(Services& s, const RequestContext& ctx,
                                      std::vector<domain::Region> regions,
                                      const std::string& bureau_name);

Result<domain::PageResult<domain::Unit>> ListUnits(Services& s, const RequestContext& ctx,
                                                   domain::UnitFilter filter);
// kind_filter: when set, a unit of another kind reads as not found (e.g. /departments/{id}).
Result<domain::Unit> GetUnit(Services& s, const RequestContext& ctx, domain::UnitId id,
                             std::string_view kind_filter = {});
// Creates a bureau, section, cluster or department (schools have CreateSchool).
Result<domain::Unit> CreateUnit(Services& s, const RequestContext& ctx, domain::Unit unit);
// Changes name, code, contact fields and department kind; kind, region and parent stay.
Result<domain::Unit> UpdateUnit(Services& s, const RequestContext& ctx, domain::Unit unit,
                                std::string_view kind_filter = {});
Status DeleteUnit(Services& s, const RequestContext& ctx, domain::UnitId id,
                  std::string_view kind_filter = {});

// Allowed values of SchoolFilter::page.sort (with optional "-" prefix).
const std::vector<std::string>& SchoolSortFields();
const std::vector<std::string>& UnitSortFields();
Status CheckPage(const domain::PageRequest& page, const std::vector<std::string>& sort_fields);
// Page plus the enumerated filters (stage, ownership, location type).
Status CheckSchoolFilter(const domain::SchoolFilter& filter);

Result<domain::PageResult<domain::School>> ListSchools(Services& s, const RequestContext& ctx,
                                                       domain::SchoolFilter filter);
Result<domain::School> GetSchool(Services& s, const RequestContext& ctx, domain::UnitId id);
Result<domain::School> CreateSchool(Services& s, const RequestContext& ctx, domain::School school);
Result<domain::School> UpdateSchool(Services& s, const RequestContext& ctx, domain::School school);
Status DeleteSchool(Services& s, const RequestContext& ctx, domain::UnitId id);

// The home board (首页看板) for the caller's data scope. A section is present only when the
// caller may read its records (schools: school:read); trusted local callers see every section.
struct HomeBoard {
  domain::ScopeKind scope_kind = domain::ScopeKind::kAll;
  std::string unit_name;  // the caller's unit; empty for trusted local callers
  std::optional<domain::SchoolStats> schools;
  std::string generated_at;
};
Result<HomeBoard> GetHomeBoard(Services& s, const RequestContext& ctx);

// Inside a transaction: checks parent, region and cluster of a school and writes it. Shared by
// CreateSchool and the import.
Status InsertSchoolInTx(domain::Tx& tx, const RequestContext& ctx, domain::School& school,
                        const std::string& now);
Status UpdateSchoolInTx(domain::Tx& tx, const RequestContext& ctx, domain::School& school,
                        const domain::School& existing, const std::string& now);

}  // namespace xiaoan::app
