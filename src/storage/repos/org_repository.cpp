#include "storage/repos/org_repository.hpp"

#include "storage/field_protection.hpp"
#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {
namespace {

using domain::Building;
using domain::KeyPlace;
using domain::Region;
using domain::School;
using domain::Unit;
using sql::Null;
using sql::Value;

constexpr std::string_view kRegionColumns =
    "SELECT code, name, parent_code, level, created_at, updated_at FROM regions";

Region ReadRegion(const sql::Rows& r, std::size_t i) {
  return Region{r.Text(i, 0), r.Text(i, 1), OptText(r, i, 2),
                r.Text(i, 3), r.Text(i, 4), r.Text(i, 5)};
}

constexpr std::string_view kUnitColumns =
    "u.id, u.kind, u.name, u.code, u.region_code, u.parent_id, u.path, u.department_kind, "
    "u.contact_person, u.phone, u.address, u.created_at, u.updated_at";
constexpr std::size_t kUnitColumnCount = 13;

Unit ReadUnit(const sql::Rows& r, std::size_t i, const FieldCipher* cipher) {
  Unit u;
  u.id = r.Int(i, 0);
  u.kind = r.Text(i, 1);
  u.name = r.Text(i, 2);
  u.code = OptText(r, i, 3);
  u.region_code = r.Text(i, 4);
  u.parent_id = OptInt(r, i, 5);
  u.path = r.Text(i, 6);
  u.department_kind = OptText(r, i, 7);
  u.contact_person = r.Text(i, 8);
  u.phone = OpenField(cipher, r.Text(i, 9));
  u.address = r.Text(i, 10);
  u.created_at = r.Text(i, 11);
  u.updated_at = r.Text(i, 12);
  return u;
}

const std::string kSchoolSelect =
    "SELECT " + std::string(kUnitColumns) +
    ", s.stage, s.ownership, s.boarding, s.boarders, s.location_type, s.students, s.staff, "
    "s.principal, s.cluster_id, c.name, s.school_buses FROM org_units u JOIN schools s ON "
    "s.unit_id = u.id "
    "LEFT JOIN org_units c ON c.id = s.cluster_id";

School ReadSchool(const sql::Rows& r, std::size_t i, const FieldCipher* cipher) {
  School s;
  s.unit = ReadUnit(r, i, cipher);
  const std::size_t b = kUnitColumnCount;
  s.profile.stage = r.Text(i, b);
  s.profile.ownership = r.Text(i, b + 1);
  s.profile.boarding = r.Int(i, b + 2) != 0;
  s.profile.boarders = static_cast<int>(r.Int(i, b + 3));
  s.profile.location_type = r.Text(i, b + 4);
  s.profile.students = static_cast<int>(r.Int(i, b + 5));
  s.profile.staff = static_cast<int>(r.Int(i, b + 6));
  s.profile.principal = r.Text(i, b + 7);
  s.profile.cluster_id = OptInt(r, i, b + 8);
  s.profile.cluster_name = r.Text(i, b + 9);
  s.profile.school_buses = static_cast<int>(r.Int(i, b + 10));
  return s;
}

}  // namespace

Result<std::vector<Region>> SqlOrgRepository::ListRegions() {
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(std::string(kRegionColumns) + " ORDER BY code"));
  std::vector<Region> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(ReadRegion(rows, i));
  return out;
}

Result<std::optional<Region>> SqlOrgRepository::FindRegion(const std::string& code) {
  XA_ASSIGN_OR_RETURN(auto rows,
                      conn_.Query(std::string(kRegionColumns) + " WHERE code = $1", {code}));
  if (rows.empty()) return std::optional<Region>{};
  return std::optional<Region>{ReadRegion(rows, 0)};
}

Status SqlOrgRepository::InsertRegion(const Region& r) {
  return Done(
      conn_.Exec("INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
                 "VALUES ($1, $2, $3, $4, $5, $6)",
                 {r.code, r.name, Opt(r.parent_code), r.level, r.created_at, r.updated_at}));
}

Status SqlOrgRepository::UpdateRegion(const Region& r) {
  return Done(conn_.Exec("UPDATE regions SET name = $2, updated_at = $3 WHERE code = $1",
                         {r.code, r.name, r.updated_at}));
}

Status SqlOrgRepository::DeleteRegion(const std::string& code) {
  return Done(conn_.Exec("DELETE FROM regions WHERE code = $1", {code}));
}

Result<std::int64_t> SqlOrgRepository::CountRegionUsers(const std::string& code) {
  XA_ASSIGN_OR_RETURN(auto rows,
                      conn_.Query("SELECT (SELECT COUNT(*) FROM regions WHERE parent_code = $1) + "
                                  "(SELECT COUNT(*) FROM org_units WHERE region_code = $1)",
                                  {code}));
  return rows.Int(0, 0);
}

Result<std::optional<Unit>> SqlOrgRepository::FindUnit(domain::UnitId id) {
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT " + std::string(kUnitColumns) +
                                                 " FROM org_units u WHERE u.id = $1",
                                             {id}));
  if (rows.empty()) return std::optional<Unit>{};
  return std::optional<Unit>{ReadUnit(rows, 0, cipher_)};
}

Result<std::optional<Unit>> SqlOrgRepository::FindUnitByCode(const std::string& code) {
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT " + std::string(kUnitColumns) +
                                                 " FROM org_units u WHERE u.code = $1",
                                             {code}));
  if (rows.empty()) return std::optional<Unit>{};
  return std::optional<Unit>{ReadUnit(rows, 0, cipher_)};
}

Result<domain::PageResult<Unit>> SqlOrgRepository::ListUnits(const domain::UnitFilter& f) {
  WhereBuilder where;
  if (f.kind) where.Add("u.kind = ?", {*f.kind});
  if (f.parent_id) where.Add("u.parent_id = ?", {*f.parent_id});
  if (f.region_code) where.Add("u.region_code = ?", {*f.region_code});
  if (f.phone) where.Add("u.phone_index = ?", {IndexOf(cipher_, *f.phone)});
  if (!f.q.empty()) {
    const std::string like = LikeContains(f.q);
    where.Add("u.name LIKE ? ESCAPE '\\' OR u.code LIKE ? ESCAPE '\\'", {like, like});
  }
  AddScope(where, f.scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count, conn_.Query("SELECT COUNT(*) FROM org_units u" + where.Sql(), where.params()));
  std::string sql = "SELECT " + std::string(kUnitColumns) + " FROM org_units u" + where.Sql() +
                    OrderBy(f.page.sort,
                            {{"name", "u.name"},
                             {"code", "u.code"},
                             {"kind", "u.kind"},
                             {"created_at", "u.created_at"}},
                            "u.path", "u.id");
  sql::Params params = where.params();
  Paginate(f.page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<Unit> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadUnit(rows, i, cipher_));
  return out;
}

Status SqlOrgRepository::InsertUnit(Unit& u) {
  std::string parent_path = "/";
  if (u.parent_id) {
    XA_ASSIGN_OR_RETURN(auto rows,
                        conn_.Query("SELECT path FROM org_units WHERE id = $1", {*u.parent_id}));
    if (rows.empty()) return FailedPrecondition("parent_id", "上级单位不存在");
    parent_path = rows.Text(0, 0);
  }
  XA_ASSIGN_OR_RETURN(
      auto rows,
      conn_.Query(
          "INSERT INTO org_units (kind, name, code, region_code, parent_id, path, "
          "department_kind, contact_person, phone, phone_index, address, created_at, updated_at) "
          "VALUES ($1, $2, $3, $4, $5, '', $6, $7, $8, $9, $10, $11, $12) RETURNING id",
          {u.kind, u.name, Opt(u.code), u.region_code, Opt(u.parent_id), Opt(u.department_kind),
           u.contact_person, SealField(cipher_, u.phone), IndexOf(cipher_, u.phone), u.address,
           u.created_at, u.updated_at}));
  u.id = rows.Int(0, 0);
  u.path = parent_path + std::to_string(u.id) + "/";
  return Done(conn_.Exec("UPDATE org_units SET path = $2 WHERE id = $1", {u.id, u.path}));
}

Status SqlOrgRepository::UpdateUnit(const Unit& u) {
  MarkAccessChanged();
  return Done(conn_.Exec(
      "UPDATE org_units SET name = $2, code = $3, department_kind = $4, contact_person = $5, "
      "phone = $6, phone_index = $7, address = $8, updated_at = $9 WHERE id = $1",
      {u.id, u.name, Opt(u.code), Opt(u.department_kind), u.contact_person,
       SealField(cipher_, u.phone), IndexOf(cipher_, u.phone), u.address, u.updated_at}));
}

Status SqlOrgRepository::DeleteUnit(domain::UnitId id) {
  MarkAccessChanged();
  return Done(conn_.Exec("DELETE FROM org_units WHERE id = $1", {id}));
}

Result<std::int64_t> SqlOrgRepository::CountDependents(domain::UnitId id) {
  XA_ASSIGN_OR_RETURN(auto rows,
                      conn_.Query("SELECT (SELECT COUNT(*) FROM org_units WHERE parent_id = $1) + "
                                  "(SELECT COUNT(*) FROM schools WHERE cluster_id = $1) + "
                                  "(SELECT COUNT(*) FROM users WHERE unit_id = $1) + "
                                  "(SELECT COUNT(*) FROM hazards WHERE school_id = $1) + "
                                  "(SELECT COUNT(*) FROM self_inspections WHERE school_id = $1)",
                                  {id}));
  return rows.Int(0, 0);
}

Result<std::optional<School>> SqlOrgRepository::FindSchool(domain::UnitId id) {
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(kSchoolSelect + " WHERE u.id = $1", {id}));
  if (rows.empty()) return std::optional<School>{};
  School s = ReadSchool(rows, 0, cipher_);
  XA_ASSIGN_OR_RETURN(
      auto b, conn_.Query("SELECT id, name, floors FROM school_buildings WHERE school_id = $1 "
                          "ORDER BY id",
                          {id}));
  for (std::size_t i = 0; i < b.size(); ++i) {
    s.buildings.push_back(Building{b.Int(i, 0), b.Text(i, 1), static_cast<int>(b.Int(i, 2))});
  }
  XA_ASSIGN_OR_RETURN(auto k,
                      conn_.Query("SELECT k.id, k.kind, k.name, b.name FROM school_key_places k "
                                  "LEFT JOIN school_buildings b ON b.id = k.building_id "
                                  "WHERE k.school_id = $1 ORDER BY k.id",
                                  {id}));
  for (std::size_t i = 0; i < k.size(); ++i) {
    s.key_places.push_back(KeyPlace{k.Int(i, 0), k.Text(i, 1), k.Text(i, 2), OptText(k, i, 3)});
  }
  return std::optional<School>{std::move(s)};
}

Result<domain::PageResult<School>> SqlOrgRepository::ListSchools(const domain::SchoolFilter& f) {
  WhereBuilder where;
  if (f.stage) where.Add("s.stage = ?", {*f.stage});
  if (f.ownership) where.Add("s.ownership = ?", {*f.ownership});
  if (f.location_type) where.Add("s.location_type = ?", {*f.location_type});
  if (f.boarding) where.Add("s.boarding = ?", {std::int64_t{*f.boarding ? 1 : 0}});
  if (f.cluster_id) where.Add("s.cluster_id = ?", {*f.cluster_id});
  if (f.region_code) where.Add("u.region_code = ?", {*f.region_code});
  if (f.phone) where.Add("u.phone_index = ?", {IndexOf(cipher_, *f.phone)});
  if (!f.q.empty()) {
    const std::string like = LikeContains(f.q);
    where.Add("u.name LIKE ? ESCAPE '\\' OR u.code LIKE ? ESCAPE '\\'", {like, like});
  }
  AddScope(where, f.scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query(
          "SELECT COUNT(*) FROM org_units u JOIN schools s ON s.unit_id = u.id" + where.Sql(),
          where.params()));
  std::string sql = kSchoolSelect + where.Sql() +
                    OrderBy(f.page.sort,
                            {{"name", "u.name"},
                             {"code", "u.code"},
                             {"stage", "s.stage"},
                             {"students", "s.students"},
                             {"staff", "s.staff"},
                             {"created_at", "u.created_at"}},
                            "u.code", "u.id");
  sql::Params params = where.params();
  Paginate(f.page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<School> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadSchool(rows, i, cipher_));
  return out;
}

Result<std::vector<domain::SchoolCountRow>> SqlOrgRepository::CountSchools(
    const domain::ScopeFilter& scope) {
  WhereBuilder where;
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto rows, conn_.Query("SELECT s.stage, s.location_type, s.ownership, s.boarding, COUNT(*) "
                             "FROM org_units u JOIN schools s ON s.unit_id = u.id" +
                                 where.Sql() +
                                 " GROUP BY s.stage, s.location_type, s.ownership, s.boarding "
                                 "ORDER BY s.stage, s.location_type, s.ownership, s.boarding",
                             where.params()));
  std::vector<domain::SchoolCountRow> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.push_back(
        {rows.Text(i, 0), rows.Text(i, 1), rows.Text(i, 2), rows.Int(i, 3) != 0, rows.Int(i, 4)});
  }
  return out;
}

Status SqlOrgRepository::InsertSchoolProfile(domain::UnitId id, const domain::SchoolProfile& p) {
  return Done(conn_.Exec(
      "INSERT INTO schools (unit_id, stage, ownership, boarding, boarders, location_type, "
      "students, staff, principal, cluster_id, school_buses) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {id, p.stage, p.ownership, std::int64_t{p.boarding ? 1 : 0}, std::int64_t{p.boarders},
       p.location_type, std::int64_t{p.students}, std::int64_t{p.staff}, p.principal,
       Opt(p.cluster_id), std::int64_t{p.school_buses}}));
}

Status SqlOrgRepository::UpdateSchoolProfile(domain::UnitId id, const domain::SchoolProfile& p) {
  return Done(conn_.Exec(
      "UPDATE schools SET stage = $2, ownership = $3, boarding = $4, boarders = $5, "
      "location_type = $6, students = $7, staff = $8, principal = $9, cluster_id = $10, "
      "school_buses = $11 "
      "WHERE unit_id = $1",
      {id, p.stage, p.ownership, std::int64_t{p.boarding ? 1 : 0}, std::int64_t{p.boarders},
       p.location_type, std::int64_t{p.students}, std::int64_t{p.staff}, p.principal,
       Opt(p.cluster_id), std::int64_t{p.school_buses}}));
}

Status SqlOrgRepository::SaveBuildingsAndPlaces(domain::UnitId id,
                                                const domain::PlaceChanges& changes) {
  // Removals first, so a kept or new building may take a removed one's name.
  for (const auto kid : changes.removed_key_places) {
    XA_TRY(conn_.Exec("DELETE FROM school_key_places WHERE id = $1 AND school_id = $2", {kid, id}));
  }
  for (const auto bid : changes.removed_buildings) {
    XA_TRY(conn_.Exec("DELETE FROM school_buildings WHERE id = $1 AND school_id = $2", {bid, id}));
  }
  std::vector<std::pair<std::string, std::int64_t>> ids;
  for (const auto& b : changes.buildings) {
    if (b.id != 0) {
      XA_TRY(conn_.Exec(
          "UPDATE school_buildings SET name = $1, floors = $2 WHERE id = $3 AND school_id = $4",
          {b.name, std::int64_t{b.floors}, b.id, id}));
      ids.emplace_back(b.name, b.id);
      continue;
    }
    XA_ASSIGN_OR_RETURN(auto rows, conn_.Query("INSERT INTO school_buildings (school_id, name, "
                                               "floors) VALUES ($1, $2, $3) RETURNING id",
                                               {id, b.name, std::int64_t{b.floors}}));
    ids.emplace_back(b.name, rows.Int(0, 0));
  }
  for (const auto& k : changes.key_places) {
    Value building = Null{};
    if (k.building) {
      for (const auto& [name, bid] : ids) {
        if (name == *k.building) building = bid;
      }
    }
    if (k.id != 0) {
      XA_TRY(
          conn_.Exec("UPDATE school_key_places SET kind = $1, name = $2, building_id = $3 "
                     "WHERE id = $4 AND school_id = $5",
                     {k.kind, k.name, building, k.id, id}));
      continue;
    }
    XA_TRY(
        conn_.Exec("INSERT INTO school_key_places (school_id, kind, name, building_id) "
                   "VALUES ($1, $2, $3, $4)",
                   {id, k.kind, k.name, building}));
  }
  return {};
}

Result<std::vector<std::int64_t>> SqlOrgRepository::KeyPlacesInUse(
    const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  if (ids.empty()) return out;
  std::string list;
  std::vector<Value> params;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    list += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
    params.emplace_back(ids[i]);
  }
  // Every table whose records point to a key place (a module that adds one adds it here).
  XA_ASSIGN_OR_RETURN(
      auto rows,
      conn_.Query("SELECT key_place_id FROM hazards WHERE key_place_id IN (" + list +
                      ") UNION SELECT key_place_id FROM self_inspections WHERE key_place_id IN (" +
                      list +
                      ") UNION SELECT key_place_id FROM patrol_plans WHERE key_place_id IN (" +
                      list + ") ORDER BY 1",
                  params));
  for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(rows.Int(r, 0));
  return out;
}

Result<std::optional<domain::UnitId>> SqlOrgRepository::SchoolOfKeyPlace(
    std::int64_t key_place_id) {
  XA_ASSIGN_OR_RETURN(
      auto rows,
      conn_.Query("SELECT school_id FROM school_key_places WHERE id = $1", {key_place_id}));
  if (rows.empty()) return std::optional<domain::UnitId>();
  return std::optional<domain::UnitId>(rows.Int(0, 0));
}

}  // namespace xiaoan::storage
