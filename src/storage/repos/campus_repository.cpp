#include "storage/repos/campus_repository.hpp"

#include <map>

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace tr = domain::traffic;

namespace {

std::int64_t Flag(bool b) { return b ? 1 : 0; }

std::string JoinGates(const std::vector<std::string>& gates) {
  std::string out;
  for (const auto& g : gates) out += (out.empty() ? "" : "\n") + g;
  return out;
}

std::vector<std::string> SplitGates(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

constexpr const char* kVehicleSelect =
    "SELECT t.id, t.unit_id, u.name, t.note, t.active, t.updated_by, t.updated_at, t.version, "
    "t.vehicle_class, t.plate, t.owner, t.gates, t.time_from, t.time_to, t.valid_from, "
    "t.valid_until FROM campus_vehicles t JOIN org_units u ON u.id = t.unit_id";
constexpr const char* kEbikeSelect =
    "SELECT t.id, t.unit_id, u.name, t.note, t.active, t.updated_by, t.updated_at, t.version, "
    "t.owner, t.licence_plate, t.campus_plate, t.checked_on, t.modified FROM campus_ebikes t "
    "JOIN org_units u ON u.id = t.unit_id";

void ReadMeta(sql::Rows& r, std::size_t i, tr::BusRecordMeta& m) {
  m.id = r.Int(i, 0);
  m.unit_id = r.Int(i, 1);
  m.unit_name = r.TakeText(i, 2);
  m.note = r.TakeText(i, 3);
  m.active = r.Int(i, 4) != 0;
  m.updated_by = r.TakeText(i, 5);
  ParseInstant(r.Text(i, 6), m.updated_at);
  m.version = static_cast<int>(r.Int(i, 7));
}

}  // namespace

Status SqlCampusRepository::Insert(tr::CampusVehicleRecord& v) {
  v.meta.version = 1;
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO campus_vehicles (unit_id, vehicle_class, plate, owner, gates, "
                  "time_from, time_to, valid_from, valid_until, note, active, updated_by, "
                  "updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                  "$12, $13, 1) RETURNING id",
                  {v.meta.unit_id, v.vehicle_class, v.plate, v.owner, JoinGates(v.gates), v.from,
                   v.to, v.valid_from, v.valid_until, v.meta.note, Flag(v.meta.active),
                   v.meta.updated_by, FormatInstant(v.meta.updated_at)}));
  v.meta.id = r.Int(0, 0);
  return {};
}

Result<bool> SqlCampusRepository::Update(tr::CampusVehicleRecord& v) {
  XA_ASSIGN_OR_RETURN(
      const auto n,
      conn_.Exec("UPDATE campus_vehicles SET vehicle_class = $1, plate = $2, owner = $3, gates = "
                 "$4, time_from = $5, time_to = $6, valid_from = $7, valid_until = $8, note = $9, "
                 "active = $10, updated_by = $11, updated_at = $12, version = version + 1 WHERE "
                 "id = $13 AND version = $14",
                 {v.vehicle_class, v.plate, v.owner, JoinGates(v.gates), v.from, v.to, v.valid_from,
                  v.valid_until, v.meta.note, Flag(v.meta.active), v.meta.updated_by,
                  FormatInstant(v.meta.updated_at), v.meta.id, std::int64_t{v.meta.version}}));
  if (n == 0) return false;
  ++v.meta.version;
  return true;
}

Status SqlCampusRepository::Insert(tr::EbikeRecord& e) {
  e.meta.version = 1;
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO campus_ebikes (unit_id, owner, licence_plate, "
                          "campus_plate, checked_on, modified, note, active, updated_by, "
                          "updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                          "$10, 1) RETURNING id",
                          {e.meta.unit_id, e.owner, e.licence_plate, e.campus_plate, e.checked_on,
                           Flag(e.modified), e.meta.note, Flag(e.meta.active), e.meta.updated_by,
                           FormatInstant(e.meta.updated_at)}));
  e.meta.id = r.Int(0, 0);
  return {};
}

Result<bool> SqlCampusRepository::Update(tr::EbikeRecord& e) {
  XA_ASSIGN_OR_RETURN(
      const auto n,
      conn_.Exec("UPDATE campus_ebikes SET owner = $1, licence_plate = $2, campus_plate = $3, "
                 "checked_on = $4, modified = $5, note = $6, active = $7, updated_by = $8, "
                 "updated_at = $9, version = version + 1 WHERE id = $10 AND version = $11",
                 {e.owner, e.licence_plate, e.campus_plate, e.checked_on, Flag(e.modified),
                  e.meta.note, Flag(e.meta.active), e.meta.updated_by,
                  FormatInstant(e.meta.updated_at), e.meta.id, std::int64_t{e.meta.version}}));
  if (n == 0) return false;
  ++e.meta.version;
  return true;
}

Status SqlCampusRepository::Insert(tr::GateRefusal& g) {
  sql::Value subject = sql::Null{};
  if (g.subject_id) subject = *g.subject_id;
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO campus_gate_refusals (unit_id, kind, gate, plate, "
                          "subject_id, reason, on_date, at, recorded_by) VALUES ($1, $2, $3, $4, "
                          "$5, $6, $7, $8, $9) RETURNING id",
                          {g.unit_id, g.kind, g.gate, g.plate, subject, g.reason, g.on,
                           FormatInstant(g.at), g.recorded_by}));
  g.id = r.Int(0, 0);
  return {};
}

Result<std::vector<tr::CampusVehicleRecord>> SqlCampusRepository::LoadVehicles(
    const std::string& where_and_order, const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kVehicleSelect) + where_and_order, params));
  std::vector<tr::CampusVehicleRecord> out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& v = out[i];
    ReadMeta(r, i, v.meta);
    v.vehicle_class = r.TakeText(i, 8);
    v.plate = r.TakeText(i, 9);
    v.owner = r.TakeText(i, 10);
    v.gates = SplitGates(r.Text(i, 11));
    v.from = r.TakeText(i, 12);
    v.to = r.TakeText(i, 13);
    v.valid_from = r.TakeText(i, 14);
    v.valid_until = r.TakeText(i, 15);
  }
  return out;
}

Result<std::vector<tr::EbikeRecord>> SqlCampusRepository::LoadEbikes(
    const std::string& where_and_order, const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kEbikeSelect) + where_and_order, params));
  std::vector<tr::EbikeRecord> out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& e = out[i];
    ReadMeta(r, i, e.meta);
    e.owner = r.TakeText(i, 8);
    e.licence_plate = r.TakeText(i, 9);
    e.campus_plate = r.TakeText(i, 10);
    e.checked_on = r.TakeText(i, 11);
    e.modified = r.Int(i, 12) != 0;
  }
  return out;
}

Result<std::optional<tr::CampusVehicleRecord>> SqlCampusRepository::FindVehicle(
    std::int64_t id, const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("t.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto found, LoadVehicles(where.Sql(), where.params()));
  if (found.empty()) return std::optional<tr::CampusVehicleRecord>{};
  return std::optional<tr::CampusVehicleRecord>{std::move(found.front())};
}

Result<std::optional<tr::EbikeRecord>> SqlCampusRepository::FindEbike(
    std::int64_t id, const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("t.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto found, LoadEbikes(where.Sql(), where.params()));
  if (found.empty()) return std::optional<tr::EbikeRecord>{};
  return std::optional<tr::EbikeRecord>{std::move(found.front())};
}

Result<std::optional<tr::CampusVehicleRecord>> SqlCampusRepository::VehicleByPlate(
    std::int64_t unit_id, const std::string& plate) {
  XA_ASSIGN_OR_RETURN(auto found,
                      LoadVehicles(" WHERE t.unit_id = $1 AND t.plate = $2 AND t.active = 1 "
                                   "ORDER BY t.id LIMIT 1",
                                   {unit_id, plate}));
  if (found.empty()) return std::optional<tr::CampusVehicleRecord>{};
  return std::optional<tr::CampusVehicleRecord>{std::move(found.front())};
}

Result<std::optional<tr::EbikeRecord>> SqlCampusRepository::EbikeByPlate(std::int64_t unit_id,
                                                                         const std::string& plate) {
  XA_ASSIGN_OR_RETURN(auto found,
                      LoadEbikes(" WHERE t.unit_id = $1 AND (t.licence_plate = $2 OR "
                                 "t.campus_plate = $2) AND t.active = 1 ORDER BY t.id LIMIT 1",
                                 {unit_id, plate}));
  if (found.empty()) return std::optional<tr::EbikeRecord>{};
  return std::optional<tr::EbikeRecord>{std::move(found.front())};
}

Result<domain::PageResult<tr::CampusVehicleRecord>> SqlCampusRepository::Vehicles(
    const tr::CampusFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.unit_id) where.Add("t.unit_id = ?", {*f.unit_id});
  if (f.vehicle_class) where.Add("t.vehicle_class = ?", {*f.vehicle_class});
  if (!f.include_inactive) where.Add("t.active = 1", {});
  if (!f.q.empty()) {
    const auto like = LikeContains(f.q);
    where.Add("(t.plate LIKE ? ESCAPE '\\' OR t.owner LIKE ? ESCAPE '\\')", {like, like});
  }
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query("SELECT COUNT(*) FROM campus_vehicles t JOIN org_units u ON u.id = t.unit_id" +
                      where.Sql(),
                  where.params()));
  std::string sql = where.Sql() + " ORDER BY u.name, t.unit_id, t.plate, t.id";
  sql::Params params = where.params();
  Paginate(page, sql, params);
  domain::PageResult<tr::CampusVehicleRecord> out;
  out.total = count.Int(0, 0);
  XA_ASSIGN_OR_RETURN(out.items, LoadVehicles(sql, params));
  return out;
}

Result<domain::PageResult<tr::EbikeRecord>> SqlCampusRepository::Ebikes(
    const tr::CampusFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.unit_id) where.Add("t.unit_id = ?", {*f.unit_id});
  if (!f.include_inactive) where.Add("t.active = 1", {});
  if (!f.q.empty()) {
    const auto like = LikeContains(f.q);
    where.Add(
        "(t.owner LIKE ? ESCAPE '\\' OR t.licence_plate LIKE ? ESCAPE '\\' OR t.campus_plate "
        "LIKE ? ESCAPE '\\')",
        {like, like, like});
  }
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query(
          "SELECT COUNT(*) FROM campus_ebikes t JOIN org_units u ON u.id = t.unit_id" + where.Sql(),
          where.params()));
  std::string sql = where.Sql() + " ORDER BY u.name, t.unit_id, t.owner, t.id";
  sql::Params params = where.params();
  Paginate(page, sql, params);
  domain::PageResult<tr::EbikeRecord> out;
  out.total = count.Int(0, 0);
  XA_ASSIGN_OR_RETURN(out.items, LoadEbikes(sql, params));
  return out;
}

Result<domain::PageResult<tr::GateRefusal>> SqlCampusRepository::Refusals(
    const tr::RefusalFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.unit_id) where.Add("g.unit_id = ?", {*f.unit_id});
  if (f.kind) where.Add("g.kind = ?", {*f.kind});
  if (!f.from.empty()) where.Add("g.on_date >= ?", {f.from});
  if (!f.to.empty()) where.Add("g.on_date <= ?", {f.to});
  AddScope(where, scope, "u.path");
  const std::string from = " FROM campus_gate_refusals g JOIN org_units u ON u.id = g.unit_id";
  XA_ASSIGN_OR_RETURN(auto count,
                      conn_.Query("SELECT COUNT(*)" + from + where.Sql(), where.params()));
  std::string sql =
      "SELECT g.id, g.unit_id, u.name, g.kind, g.gate, g.plate, g.subject_id, g.reason, "
      "g.on_date, g.at, g.recorded_by, COALESCE((SELECT display_name FROM users ru WHERE "
      "ru.username = g.recorded_by), '')" +
      from + where.Sql() + " ORDER BY g.at DESC, g.id DESC";
  sql::Params params = where.params();
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(sql, params));
  domain::PageResult<tr::GateRefusal> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < r.size(); ++i) {
    tr::GateRefusal g;
    g.id = r.Int(i, 0);
    g.unit_id = r.Int(i, 1);
    g.unit_name = r.TakeText(i, 2);
    g.kind = r.TakeText(i, 3);
    g.gate = r.TakeText(i, 4);
    g.plate = r.TakeText(i, 5);
    if (!r.Null(i, 6)) g.subject_id = r.Int(i, 6);
    g.reason = r.TakeText(i, 7);
    g.on = r.TakeText(i, 8);
    ParseInstant(r.Text(i, 9), g.at);
    g.recorded_by = r.TakeText(i, 10);
    g.recorded_by_name = r.TakeText(i, 11);
    out.items.push_back(std::move(g));
  }
  return out;
}

// ---- 一校一策 ----------------------------------------------------------------------------------

namespace {

struct GuideLine {
  std::string section;
  std::string a, b, c, d, e;
  std::optional<std::int64_t> whistle_id;
};

std::vector<GuideLine> LinesOf(const tr::TrafficGuide& g) {
  std::vector<GuideLine> out;
  for (const auto& x : g.gates) out.push_back({"gate", x.name, x.use, x.hours, "", "", {}});
  for (const auto& x : g.peaks) out.push_back({"peak", x.grade, x.kind, x.from, x.to, x.gate, {}});
  for (const auto& x : g.zones) out.push_back({"zone", x.kind, x.name, x.location, "", "", {}});
  for (const auto& x : g.posts) out.push_back({"post", x.place, x.from, x.to, x.people, "", {}});
  for (const auto& x : g.needs) {
    out.push_back({"need", x.kind, x.location, x.description, "", "", x.whistle_id});
  }
  return out;
}

void AddLine(tr::TrafficGuide& g, GuideLine l) {
  if (l.section == "gate") {
    g.gates.push_back({std::move(l.a), std::move(l.b), std::move(l.c)});
  } else if (l.section == "peak") {
    g.peaks.push_back(
        {std::move(l.a), std::move(l.b), std::move(l.c), std::move(l.d), std::move(l.e)});
  } else if (l.section == "zone") {
    g.zones.push_back({std::move(l.a), std::move(l.b), std::move(l.c)});
  } else if (l.section == "post") {
    g.posts.push_back({std::move(l.a), std::move(l.b), std::move(l.c), std::move(l.d)});
  } else if (l.section == "need") {
    g.needs.push_back({std::move(l.a), std::move(l.b), std::move(l.c), l.whistle_id});
  }
}

}  // namespace

Result<std::vector<tr::TrafficGuide>> SqlCampusRepository::LoadGuides(const std::string& where,
                                                                      const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT g.unit_id, u.name, g.separation, g.police_unit, g.police_duty, "
                          "g.early_arrival, g.after_school, g.published_on, g.published_by, "
                          "COALESCE((SELECT display_name FROM users pu WHERE pu.username = "
                          "g.published_by), ''), g.published_version, g.updated_by, g.updated_at, "
                          "g.version FROM traffic_guides g JOIN org_units u ON u.id = g.unit_id" +
                              where + " ORDER BY u.name, g.unit_id",
                          params));
  std::vector<tr::TrafficGuide> out(r.size());
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& g = out[i];
    g.unit_id = r.Int(i, 0);
    g.unit_name = r.TakeText(i, 1);
    g.separation = r.TakeText(i, 2);
    g.police_unit = r.TakeText(i, 3);
    g.police_duty = r.TakeText(i, 4);
    g.early_arrival = r.TakeText(i, 5);
    g.after_school = r.TakeText(i, 6);
    g.published_on = r.TakeText(i, 7);
    g.published_by = r.TakeText(i, 8);
    g.published_by_name = r.TakeText(i, 9);
    g.published_version = static_cast<int>(r.Int(i, 10));
    g.updated_by = r.TakeText(i, 11);
    ParseInstant(r.Text(i, 12), g.updated_at);
    g.version = static_cast<int>(r.Int(i, 13));
    at[g.unit_id] = i;
  }
  if (out.empty()) return out;
  XA_ASSIGN_OR_RETURN(
      auto lines,
      conn_.Query("SELECT l.unit_id, l.section, l.a, l.b, l.c, l.d, l.e, l.whistle_id FROM "
                  "traffic_guide_lines l JOIN traffic_guides g ON g.unit_id = l.unit_id JOIN "
                  "org_units u ON u.id = g.unit_id" +
                      where + " ORDER BY l.unit_id, l.seq",
                  params));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto it = at.find(lines.Int(i, 0));
    if (it == at.end()) continue;
    GuideLine l{lines.TakeText(i, 1), lines.TakeText(i, 2), lines.TakeText(i, 3),
                lines.TakeText(i, 4), lines.TakeText(i, 5), lines.TakeText(i, 6),
                std::nullopt};
    if (!lines.Null(i, 7)) l.whistle_id = lines.Int(i, 7);
    AddLine(out[it->second], std::move(l));
  }
  return out;
}

Result<std::optional<tr::TrafficGuide>> SqlCampusRepository::Guide(std::int64_t unit_id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadGuides(" WHERE g.unit_id = $1", {unit_id}));
  if (found.empty()) return std::optional<tr::TrafficGuide>{};
  return std::optional<tr::TrafficGuide>{std::move(found.front())};
}

Result<std::vector<tr::TrafficGuide>> SqlCampusRepository::Guides(
    const domain::ScopeFilter& scope) {
  WhereBuilder where;
  AddScope(where, scope, "u.path");
  return LoadGuides(where.Sql(), where.params());
}

Result<bool> SqlCampusRepository::SaveGuide(tr::TrafficGuide& g) {
  const sql::Params fields = {g.separation,   g.police_unit,
                              g.police_duty,  g.early_arrival,
                              g.after_school, g.published_on,
                              g.published_by, std::int64_t{g.published_version},
                              g.updated_by,   FormatInstant(g.updated_at)};
  if (g.version == 0) {
    sql::Params params = fields;
    params.push_back(g.unit_id);
    XA_TRY(
        conn_.Exec("INSERT INTO traffic_guides (separation, police_unit, police_duty, "
                   "early_arrival, after_school, published_on, published_by, "
                   "published_version, updated_by, updated_at, unit_id, version) VALUES ($1, "
                   "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)",
                   params));
  } else {
    sql::Params params = fields;
    params.push_back(g.unit_id);
    params.push_back(std::int64_t{g.version});
    XA_ASSIGN_OR_RETURN(
        const auto n,
        conn_.Exec("UPDATE traffic_guides SET separation = $1, police_unit = $2, police_duty = $3, "
                   "early_arrival = $4, after_school = $5, published_on = $6, published_by = $7, "
                   "published_version = $8, updated_by = $9, updated_at = $10, version = version "
                   "+ 1 WHERE unit_id = $11 AND version = $12",
                   params));
    if (n == 0) return false;
    XA_TRY(conn_.Exec("DELETE FROM traffic_guide_lines WHERE unit_id = $1", {g.unit_id}));
  }
  int seq = 0;
  for (const auto& l : LinesOf(g)) {
    sql::Value whistle = sql::Null{};
    if (l.whistle_id) whistle = *l.whistle_id;
    XA_TRY(
        conn_.Exec("INSERT INTO traffic_guide_lines (unit_id, section, seq, a, b, c, d, e, "
                   "whistle_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                   {g.unit_id, l.section, std::int64_t{++seq}, l.a, l.b, l.c, l.d, l.e, whistle}));
  }
  ++g.version;
  return true;
}

}  // namespace xiaoan::storage
