#include "storage/repos/water_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace edu = domain::edu;

namespace {

constexpr const char* kSelect =
    "SELECT w.id, w.school_id, u.name, COALESCE(sp.location_type, ''), w.name, w.kind, "
    "w.distance_m, w.location, w.warning_sign, w.fence, w.rescue_gear, w.patrol, w.keeper, "
    "w.checked_on, w.note, w.active, w.updated_by, "
    "COALESCE((SELECT display_name FROM users wu WHERE wu.username = w.updated_by), ''), "
    "w.updated_at, w.version";
constexpr const char* kFrom =
    " FROM edu_waters w JOIN org_units u ON u.id = w.school_id LEFT JOIN schools sp ON "
    "sp.unit_id = w.school_id";
constexpr const char* kOrder = " ORDER BY u.name, w.school_id, w.distance_m, w.id";

std::int64_t Flag(bool b) { return b ? 1 : 0; }

// The fields a write stores, as $1… in this order: the gaps and the priority as the domain
// judges them now.
sql::Params Fields(const edu::Water& w) {
  return {w.name,
          w.kind,
          std::int64_t{w.distance_m},
          w.location,
          Flag(w.warning_sign),
          Flag(w.fence),
          Flag(w.rescue_gear),
          Flag(w.patrol),
          w.keeper,
          w.checked_on,
          w.note,
          Flag(w.active),
          static_cast<std::int64_t>(edu::WaterGaps(w).size()),
          Flag(edu::IsPriority(w)),
          w.updated_by,
          FormatInstant(w.updated_at)};
}

}  // namespace

Status SqlWaterRepository::Insert(edu::Water& w) {
  w.version = 1;
  sql::Params params = Fields(w);
  params.push_back(w.school_id);
  params.push_back(std::int64_t{w.version});
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO edu_waters (name, kind, distance_m, location, warning_sign, "
                  "fence, rescue_gear, patrol, keeper, checked_on, note, active, gaps, "
                  "priority, updated_by, updated_at, school_id, version) VALUES ($1, $2, "
                  "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
                  "RETURNING id",
                  params));
  w.id = r.Int(0, 0);
  return {};
}

Result<bool> SqlWaterRepository::Update(edu::Water& w) {
  sql::Params params = Fields(w);
  params.push_back(w.id);
  params.push_back(std::int64_t{w.version});
  XA_ASSIGN_OR_RETURN(
      const auto changed,
      conn_.Exec("UPDATE edu_waters SET name = $1, kind = $2, distance_m = $3, location = $4, "
                 "warning_sign = $5, fence = $6, rescue_gear = $7, patrol = $8, keeper = $9, "
                 "checked_on = $10, note = $11, active = $12, gaps = $13, priority = $14, "
                 "updated_by = $15, updated_at = $16, version = version + 1 WHERE id = $17 AND "
                 "version = $18",
                 params));
  if (changed == 0) return false;
  ++w.version;
  return true;
}

Status SqlWaterRepository::Remove(std::int64_t id) {
  return Done(conn_.Exec("DELETE FROM edu_waters WHERE id = $1", {id}));
}

Result<std::vector<edu::Water>> SqlWaterRepository::Load(const std::string& where_and_order,
                                                         const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kSelect) + kFrom + where_and_order, params));
  std::vector<edu::Water> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::Water w;
    w.id = r.Int(i, 0);
    w.school_id = r.Int(i, 1);
    w.school_name = r.TakeText(i, 2);
    w.location_type = r.TakeText(i, 3);
    w.name = r.TakeText(i, 4);
    w.kind = r.TakeText(i, 5);
    w.distance_m = static_cast<int>(r.Int(i, 6));
    w.location = r.TakeText(i, 7);
    w.warning_sign = r.Int(i, 8) != 0;
    w.fence = r.Int(i, 9) != 0;
    w.rescue_gear = r.Int(i, 10) != 0;
    w.patrol = r.Int(i, 11) != 0;
    w.keeper = r.TakeText(i, 12);
    w.checked_on = r.TakeText(i, 13);
    w.note = r.TakeText(i, 14);
    w.active = r.Int(i, 15) != 0;
    w.updated_by = r.TakeText(i, 16);
    w.updated_by_name = r.TakeText(i, 17);
    ParseInstant(r.Text(i, 18), w.updated_at);
    w.version = static_cast<int>(r.Int(i, 19));
    out.push_back(std::move(w));
  }
  return out;
}

Result<std::optional<edu::Water>> SqlWaterRepository::Find(std::int64_t id,
                                                           const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("w.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto found, Load(where.Sql(), where.params()));
  if (found.empty()) return std::optional<edu::Water>{};
  return std::optional<edu::Water>{std::move(found.front())};
}

Result<domain::PageResult<edu::Water>> SqlWaterRepository::List(const edu::WaterFilter& f,
                                                                const domain::ScopeFilter& scope,
                                                                const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.school_id) where.Add("w.school_id = ?", {*f.school_id});
  if (f.kind) where.Add("w.kind = ?", {*f.kind});
  if (f.gaps_only) where.Add("w.gaps > 0", {});
  if (f.priority_only) where.Add("w.priority = 1", {});
  if (!f.include_inactive) where.Add("w.active = 1", {});
  if (!f.q.empty()) {
    const auto like = LikeContains(f.q);
    where.Add(
        "(w.name LIKE ? ESCAPE '\\' OR w.location LIKE ? ESCAPE '\\' OR w.keeper LIKE ? ESCAPE "
        "'\\')",
        {like, like, like});
  }
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto count, conn_.Query("SELECT COUNT(*)" + std::string(kFrom) + where.Sql(),
                                              where.params()));
  std::string sql =
      where.Sql() +
      OrderBy(page.sort,
              {{"school", "u.name"}, {"distance", "w.distance_m"}, {"checked_on", "w.checked_on"}},
              "u.name, w.school_id, w.distance_m", "w.id");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  domain::PageResult<edu::Water> out;
  out.total = count.Int(0, 0);
  XA_ASSIGN_OR_RETURN(out.items, Load(sql, params));
  return out;
}

Result<std::vector<edu::Water>> SqlWaterRepository::InScope(const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("w.active = 1", {});
  AddScope(where, scope, "u.path");
  return Load(where.Sql() + kOrder, where.params());
}

}  // namespace xiaoan::storage
