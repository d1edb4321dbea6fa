#include "storage/repos/bus_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace tr = domain::traffic;

namespace {

std::int64_t Flag(bool b) { return b ? 1 : 0; }

sql::Value OptionalId(const std::optional<std::int64_t>& id) {
  if (id) return *id;
  return sql::Null{};
}

std::optional<std::int64_t> IdAt(const sql::Rows& r, std::size_t i, std::size_t col) {
  if (r.Null(i, col)) return std::nullopt;
  return r.Int(i, col);
}

// Each record kind: its table, the columns a write stores (after them: note, active, updated_by,
// updated_at) and what a read selects after the shared meta columns.
struct Kind {
  const char* table;
  std::vector<const char*> columns;
  std::string select;  // extra expressions, each starting with ", "
  std::string joins;   // extra joins
  std::string search;  // the text columns `q` looks in, with ? for each
  int search_params = 0;
  std::string order;
};

const Kind kProvider{"bus_providers",
                     {"name", "licence_no", "licence_until", "contract_until", "contact"},
                     ", t.name, t.licence_no, t.licence_until, t.contract_until, t.contact",
                     "",
                     "(t.name LIKE ? ESCAPE '\\' OR t.licence_no LIKE ? ESCAPE '\\')",
                     2,
                     "u.name, t.unit_id, t.name"};
const Kind kVehicle{
    "bus_vehicles",
    {"provider_id", "plate", "seats", "permit_no", "permit_until", "inspected_on",
     "insurance_until", "gps", "rented"},
    ", t.provider_id, COALESCE(p.name, ''), t.plate, t.seats, t.permit_no, t.permit_until, "
    "t.inspected_on, t.insurance_until, t.gps, t.rented",
    " LEFT JOIN bus_providers p ON p.id = t.provider_id",
    "(t.plate LIKE ? ESCAPE '\\' OR t.permit_no LIKE ? ESCAPE '\\')",
    2,
    "u.name, t.unit_id, t.plate"};
const Kind kDriver{
    "bus_drivers",
    {"provider_id", "name", "birth", "licence_class", "licence_since", "bus_endorsement",
     "full_points", "fatal_accident", "drink_driving", "overload_speeding", "criminal_record",
     "health_checked_on"},
    ", t.provider_id, COALESCE(p.name, ''), t.name, t.birth, t.licence_class, t.licence_since, "
    "t.bus_endorsement, t.full_points, t.fatal_accident, t.drink_driving, t.overload_speeding, "
    "t.criminal_record, t.health_checked_on",
    " LEFT JOIN bus_providers p ON p.id = t.provider_id",
    "t.name LIKE ? ESCAPE '\\'",
    1,
    "u.name, t.unit_id, t.name"};
const Kind kMonitor{"bus_monitors",
                    {"name", "trained_on"},
                    ", t.name, t.trained_on",
                    "",
                    "t.name LIKE ? ESCAPE '\\'",
                    1,
                    "u.name, t.unit_id, t.name"};
const Kind kRoute{
    "bus_routes",
    {"name", "stops", "leave_at", "return_at", "riders", "vehicle_id", "driver_id", "monitor_id"},
    ", t.name, t.stops, t.leave_at, t.return_at, t.riders, t.vehicle_id, t.driver_id, "
    "t.monitor_id, COALESCE(v.plate, ''), COALESCE(d.name, ''), COALESCE(m.name, '')",
    " LEFT JOIN bus_vehicles v ON v.id = t.vehicle_id LEFT JOIN bus_drivers d ON d.id = "
    "t.driver_id LEFT JOIN bus_monitors m ON m.id = t.monitor_id",
    "(t.name LIKE ? ESCAPE '\\' OR t.stops LIKE ? ESCAPE '\\')",
    2,
    "u.name, t.unit_id, t.name"};

const Kind kOuting{
    "bus_outings",
    {"purpose", "destination", "outing_date", "leave_at", "return_at", "riders", "vehicle_id",
     "driver_id", "monitor_id"},
    ", t.purpose, t.destination, t.outing_date, t.leave_at, t.return_at, t.riders, t.vehicle_id, "
    "t.driver_id, t.monitor_id, COALESCE(v.plate, ''), COALESCE(d.name, ''), COALESCE(m.name, '')",
    " LEFT JOIN bus_vehicles v ON v.id = t.vehicle_id LEFT JOIN bus_drivers d ON d.id = "
    "t.driver_id LEFT JOIN bus_monitors m ON m.id = t.monitor_id",
    "(t.purpose LIKE ? ESCAPE '\\' OR t.destination LIKE ? ESCAPE '\\')",
    2,
    "t.outing_date DESC, u.name, t.unit_id"};

constexpr std::size_t kMetaColumns = 8;  // id, unit_id, unit name, note, active, by, at, version

std::string SelectOf(const Kind& k) {
  return "SELECT t.id, t.unit_id, u.name, t.note, t.active, t.updated_by, t.updated_at, "
         "t.version" +
         k.select + " FROM " + k.table + " t JOIN org_units u ON u.id = t.unit_id" + k.joins;
}

std::string FromOf(const Kind& k) {
  return std::string(" FROM ") + k.table + " t JOIN org_units u ON u.id = t.unit_id";
}

void ReadMeta(const sql::Rows& r, std::size_t i, tr::BusRecordMeta& m) {
  m.id = r.Int(i, 0);
  m.unit_id = r.Int(i, 1);
  m.unit_name = r.Text(i, 2);
  m.note = r.Text(i, 3);
  m.active = r.Int(i, 4) != 0;
  m.updated_by = r.Text(i, 5);
  ParseInstant(r.Text(i, 6), m.updated_at);
  m.version = static_cast<int>(r.Int(i, 7));
}

void Read(const sql::Rows& r, std::size_t i, tr::BusProvider& p) {
  std::size_t c = kMetaColumns;
  p.name = r.Text(i, c++);
  p.licence_no = r.Text(i, c++);
  p.licence_until = r.Text(i, c++);
  p.contract_until = r.Text(i, c++);
  p.contact = r.Text(i, c++);
}

void Read(const sql::Rows& r, std::size_t i, tr::BusVehicle& v) {
  std::size_t c = kMetaColumns;
  v.provider_id = IdAt(r, i, c++);
  v.provider_name = r.Text(i, c++);
  v.plate = r.Text(i, c++);
  v.seats = static_cast<int>(r.Int(i, c++));
  v.permit_no = r.Text(i, c++);
  v.permit_until = r.Text(i, c++);
  v.inspected_on = r.Text(i, c++);
  v.insurance_until = r.Text(i, c++);
  v.gps = r.Int(i, c++) != 0;
  v.rented = r.Int(i, c++) != 0;
}

void Read(const sql::Rows& r, std::size_t i, tr::BusDriver& d) {
  std::size_t c = kMetaColumns;
  d.provider_id = IdAt(r, i, c++);
  d.provider_name = r.Text(i, c++);
  d.name = r.Text(i, c++);
  d.birth = r.Text(i, c++);
  d.licence_class = r.Text(i, c++);
  d.licence_since = r.Text(i, c++);
  d.bus_endorsement = r.Int(i, c++) != 0;
  d.full_points_in_3_cycles = r.Int(i, c++) != 0;
  d.fatal_accident_responsibility = r.Int(i, c++) != 0;
  d.drink_driving = r.Int(i, c++) != 0;
  d.overload_or_speeding_last_year = r.Int(i, c++) != 0;
  d.criminal_record = r.Int(i, c++) != 0;
  d.health_checked_on = r.Text(i, c++);
}

void Read(const sql::Rows& r, std::size_t i, tr::BusMonitor& m) {
  std::size_t c = kMetaColumns;
  m.name = r.Text(i, c++);
  m.trained_on = r.Text(i, c++);
}

void Read(const sql::Rows& r, std::size_t i, tr::BusRoute& t) {
  std::size_t c = kMetaColumns;
  t.name = r.Text(i, c++);
  t.stops = r.Text(i, c++);
  t.leave_at = r.Text(i, c++);
  t.return_at = r.Text(i, c++);
  t.riders = static_cast<int>(r.Int(i, c++));
  t.vehicle_id = IdAt(r, i, c++);
  t.driver_id = IdAt(r, i, c++);
  t.monitor_id = IdAt(r, i, c++);
  t.vehicle_plate = r.Text(i, c++);
  t.driver_name = r.Text(i, c++);
  t.monitor_name = r.Text(i, c++);
}

void Read(const sql::Rows& r, std::size_t i, tr::BusOuting& o) {
  std::size_t c = kMetaColumns;
  o.purpose = r.Text(i, c++);
  o.destination = r.Text(i, c++);
  o.date = r.Text(i, c++);
  o.leave_at = r.Text(i, c++);
  o.return_at = r.Text(i, c++);
  o.riders = static_cast<int>(r.Int(i, c++));
  o.vehicle_id = IdAt(r, i, c++);
  o.driver_id = IdAt(r, i, c++);
  o.monitor_id = IdAt(r, i, c++);
  o.vehicle_plate = r.Text(i, c++);
  o.driver_name = r.Text(i, c++);
  o.monitor_name = r.Text(i, c++);
}

sql::Params Values(const tr::BusProvider& p) {
  return {p.name, p.licence_no, p.licence_until, p.contract_until, p.contact};
}
sql::Params Values(const tr::BusVehicle& v) {
  return {OptionalId(v.provider_id),
          v.plate,
          std::int64_t{v.seats},
          v.permit_no,
          v.permit_until,
          v.inspected_on,
          v.insurance_until,
          Flag(v.gps),
          Flag(v.rented)};
}
sql::Params Values(const tr::BusDriver& d) {
  return {OptionalId(d.provider_id),
          d.name,
          d.birth,
          d.licence_class,
          d.licence_since,
          Flag(d.bus_endorsement),
          Flag(d.full_points_in_3_cycles),
          Flag(d.fatal_accident_responsibility),
          Flag(d.drink_driving),
          Flag(d.overload_or_speeding_last_year),
          Flag(d.criminal_record),
          d.health_checked_on};
}
sql::Params Values(const tr::BusMonitor& m) { return {m.name, m.trained_on}; }
sql::Params Values(const tr::BusOuting& o) {
  return {o.purpose,
          o.destination,
          o.date,
          o.leave_at,
          o.return_at,
          std::int64_t{o.riders},
          OptionalId(o.vehicle_id),
          OptionalId(o.driver_id),
          OptionalId(o.monitor_id)};
}
sql::Params Values(const tr::BusRoute& r) {
  return {r.name,
          r.stops,
          r.leave_at,
          r.return_at,
          std::int64_t{r.riders},
          OptionalId(r.vehicle_id),
          OptionalId(r.driver_id),
          OptionalId(r.monitor_id)};
}

const Kind& KindOf(const tr::BusProvider&) { return kProvider; }
const Kind& KindOf(const tr::BusVehicle&) { return kVehicle; }
const Kind& KindOf(const tr::BusDriver&) { return kDriver; }
const Kind& KindOf(const tr::BusMonitor&) { return kMonitor; }
const Kind& KindOf(const tr::BusRoute&) { return kRoute; }
const Kind& KindOf(const tr::BusOuting&) { return kOuting; }

std::string Placeholder(std::size_t n) { return "$" + std::to_string(n); }

// The kind's own values, then note, active, updated_by, updated_at.
template <typename T>
sql::Params WriteParams(const T& rec) {
  auto params = Values(rec);
  params.push_back(rec.meta.note);
  params.push_back(Flag(rec.meta.active));
  params.push_back(rec.meta.updated_by);
  params.push_back(FormatInstant(rec.meta.updated_at));
  return params;
}

std::vector<std::string> WriteColumns(const Kind& k) {
  std::vector<std::string> out(k.columns.begin(), k.columns.end());
  for (const char* c : {"note", "active", "updated_by", "updated_at"}) out.emplace_back(c);
  return out;
}

template <typename T>
Status InsertRecord(sql::Connection& conn, T& rec) {
  const Kind& k = KindOf(rec);
  rec.meta.version = 1;
  auto params = WriteParams(rec);
  params.push_back(rec.meta.unit_id);
  params.push_back(std::int64_t{rec.meta.version});
  auto columns = WriteColumns(k);
  columns.emplace_back("unit_id");
  columns.emplace_back("version");
  std::string names;
  std::string values;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    names += (i ? ", " : "") + columns[i];
    values += (i ? ", " : "") + Placeholder(i + 1);
  }
  XA_ASSIGN_OR_RETURN(auto r, conn.Query(std::string("INSERT INTO ") + k.table + " (" + names +
                                             ") VALUES (" + values + ") RETURNING id",
                                         params));
  rec.meta.id = r.Int(0, 0);
  return {};
}

template <typename T>
Result<bool> UpdateRecord(sql::Connection& conn, T& rec) {
  const Kind& k = KindOf(rec);
  auto params = WriteParams(rec);
  const auto columns = WriteColumns(k);
  std::string set;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    set += (i ? ", " : "") + columns[i] + " = " + Placeholder(i + 1);
  }
  params.push_back(rec.meta.id);
  params.push_back(std::int64_t{rec.meta.version});
  XA_ASSIGN_OR_RETURN(
      const auto changed,
      conn.Exec(std::string("UPDATE ") + k.table + " SET " + set +
                    ", version = version + 1 WHERE id = " + Placeholder(columns.size() + 1) +
                    " AND version = " + Placeholder(columns.size() + 2),
                params));
  if (changed == 0) return false;
  ++rec.meta.version;
  return true;
}

template <typename T>
Result<std::vector<T>> Load(sql::Connection& conn, const std::string& where_and_order,
                            const sql::Params& params) {
  const Kind& k = KindOf(T{});
  XA_ASSIGN_OR_RETURN(auto r, conn.Query(SelectOf(k) + where_and_order, params));
  std::vector<T> out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    ReadMeta(r, i, out[i].meta);
    Read(r, i, out[i]);
  }
  return out;
}

template <typename T>
Result<std::optional<T>> FindRecord(sql::Connection& conn, std::int64_t id,
                                    const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("t.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto found, Load<T>(conn, where.Sql(), where.params()));
  if (found.empty()) return std::optional<T>{};
  return std::optional<T>{std::move(found.front())};
}

template <typename T>
Result<domain::PageResult<T>> ListRecords(sql::Connection& conn, const tr::BusFilter& f,
                                          const domain::ScopeFilter& scope,
                                          const domain::PageRequest& page) {
  const Kind& k = KindOf(T{});
  WhereBuilder where;
  if (f.unit_id) where.Add("t.unit_id = ?", {*f.unit_id});
  if (f.provider_id && (&k == &kVehicle || &k == &kDriver)) {
    where.Add("t.provider_id = ?", {*f.provider_id});
  }
  if (!f.include_inactive) where.Add("t.active = 1", {});
  if (!f.q.empty()) {
    const auto like = LikeContains(f.q);
    sql::Params likes(static_cast<std::size_t>(k.search_params), like);
    where.Add(k.search, likes);
  }
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto count,
                      conn.Query("SELECT COUNT(*)" + FromOf(k) + where.Sql(), where.params()));
  std::string sql = where.Sql() + " ORDER BY " + k.order + ", t.id";
  sql::Params params = where.params();
  Paginate(page, sql, params);
  domain::PageResult<T> out;
  out.total = count.Int(0, 0);
  XA_ASSIGN_OR_RETURN(out.items, Load<T>(conn, sql, params));
  return out;
}

}  // namespace

Status SqlBusRepository::Insert(tr::BusProvider& p) { return InsertRecord(conn_, p); }
Result<bool> SqlBusRepository::Update(tr::BusProvider& p) { return UpdateRecord(conn_, p); }
Status SqlBusRepository::Insert(tr::BusVehicle& v) { return InsertRecord(conn_, v); }
Result<bool> SqlBusRepository::Update(tr::BusVehicle& v) { return UpdateRecord(conn_, v); }
Status SqlBusRepository::Insert(tr::BusDriver& d) { return InsertRecord(conn_, d); }
Result<bool> SqlBusRepository::Update(tr::BusDriver& d) { return UpdateRecord(conn_, d); }
Status SqlBusRepository::Insert(tr::BusMonitor& m) { return InsertRecord(conn_, m); }
Result<bool> SqlBusRepository::Update(tr::BusMonitor& m) { return UpdateRecord(conn_, m); }
Status SqlBusRepository::Insert(tr::BusRoute& r) { return InsertRecord(conn_, r); }
Result<bool> SqlBusRepository::Update(tr::BusRoute& r) { return UpdateRecord(conn_, r); }
Status SqlBusRepository::Insert(tr::BusOuting& o) { return InsertRecord(conn_, o); }
Result<bool> SqlBusRepository::Update(tr::BusOuting& o) { return UpdateRecord(conn_, o); }

Result<std::optional<tr::BusProvider>> SqlBusRepository::FindProvider(
    std::int64_t id, const domain::ScopeFilter& scope) {
  return FindRecord<tr::BusProvider>(conn_, id, scope);
}
Result<std::optional<tr::BusVehicle>> SqlBusRepository::FindVehicle(
    std::int64_t id, const domain::ScopeFilter& scope) {
  return FindRecord<tr::BusVehicle>(conn_, id, scope);
}
Result<std::optional<tr::BusDriver>> SqlBusRepository::FindDriver(
    std::int64_t id, const domain::ScopeFilter& scope) {
  return FindRecord<tr::BusDriver>(conn_, id, scope);
}
Result<std::optional<tr::BusMonitor>> SqlBusRepository::FindMonitor(
    std::int64_t id, const domain::ScopeFilter& scope) {
  return FindRecord<tr::BusMonitor>(conn_, id, scope);
}
Result<std::optional<tr::BusRoute>> SqlBusRepository::FindRoute(std::int64_t id,
                                                                const domain::ScopeFilter& scope) {
  return FindRecord<tr::BusRoute>(conn_, id, scope);
}

Result<std::optional<tr::BusOuting>> SqlBusRepository::FindOuting(
    std::int64_t id, const domain::ScopeFilter& scope) {
  return FindRecord<tr::BusOuting>(conn_, id, scope);
}

Result<std::int64_t> SqlBusRepository::VehicleWithPlate(const std::string& plate) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT id FROM bus_vehicles WHERE plate = $1 AND active = 1 ORDER BY id "
                          "LIMIT 1",
                          {plate}));
  return r.size() ? r.Int(0, 0) : std::int64_t{0};
}

Result<domain::PageResult<tr::BusProvider>> SqlBusRepository::Providers(
    const tr::BusFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  return ListRecords<tr::BusProvider>(conn_, f, scope, page);
}
Result<domain::PageResult<tr::BusVehicle>> SqlBusRepository::Vehicles(
    const tr::BusFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  return ListRecords<tr::BusVehicle>(conn_, f, scope, page);
}
Result<domain::PageResult<tr::BusDriver>> SqlBusRepository::Drivers(
    const tr::BusFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  return ListRecords<tr::BusDriver>(conn_, f, scope, page);
}
Result<domain::PageResult<tr::BusMonitor>> SqlBusRepository::Monitors(
    const tr::BusFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  return ListRecords<tr::BusMonitor>(conn_, f, scope, page);
}
Result<domain::PageResult<tr::BusRoute>> SqlBusRepository::Routes(const tr::BusFilter& f,
                                                                  const domain::ScopeFilter& scope,
                                                                  const domain::PageRequest& page) {
  return ListRecords<tr::BusRoute>(conn_, f, scope, page);
}

Result<domain::PageResult<tr::BusOuting>> SqlBusRepository::Outings(
    const tr::BusFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  return ListRecords<tr::BusOuting>(conn_, f, scope, page);
}

Result<std::vector<tr::BusRoute>> SqlBusRepository::RoutesUsing(
    std::optional<std::int64_t> vehicle_id, std::optional<std::int64_t> driver_id,
    std::optional<std::int64_t> monitor_id) {
  WhereBuilder where;
  where.Add("t.active = 1", {});
  if (vehicle_id) where.Add("t.vehicle_id = ?", {*vehicle_id});
  if (driver_id) where.Add("t.driver_id = ?", {*driver_id});
  if (monitor_id) where.Add("t.monitor_id = ?", {*monitor_id});
  return Load<tr::BusRoute>(conn_, where.Sql() + " ORDER BY t.id", where.params());
}

}  // namespace xiaoan::storage
