#include "storage/repos/security_repository.hpp"

#include <map>

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace sec = domain::security;
namespace cal = domain::calendar;

namespace {

std::int64_t B(bool v) { return v ? 1 : 0; }

sql::Value OptDate(const std::optional<cal::Date>& d) {
  return d ? sql::Value(cal::FormatDate(*d)) : sql::Value(sql::Null{});
}
std::optional<cal::Date> ReadDate(const sql::Rows& r, std::size_t i, std::size_t col) {
  const auto text = OptText(r, i, col);
  return text ? cal::ParseDate(*text) : std::nullopt;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ",") + x;
  return out;
}
std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    if (comma != 0) out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

// Inserts one list entry, keeping its id when it has one.
Result<std::int64_t> InsertEntry(sql::Connection& conn, const std::string& table,
                                 const std::string& columns, std::int64_t id, sql::Params values) {
  std::string sql = "INSERT INTO " + table + " (";
  if (id != 0) {
    sql += "id, ";
    values.insert(values.begin(), id);
  }
  sql += columns + ") VALUES (" + [&] {
    std::string p;
    for (std::size_t i = 1; i <= values.size(); ++i) {
      p += (i == 1 ? "$" : ", $") + std::to_string(i);
    }
    return p;
  }() + ") RETURNING id";
  XA_ASSIGN_OR_RETURN(auto r, conn.Query(sql, values));
  return r.Int(0, 0);
}

}  // namespace

Result<std::vector<sec::Record>> SqlSecurityRepository::Load(const std::string& where,
                                                             const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT r.school_id, u.name, u.path, r.has_canteen, r.perimeter, "
                          "r.gate_controlled, r.visitor_register, r.gate_house_staffed, "
                          "r.video_areas, r.video_retention_days, r.video_fault_since, "
                          "r.video_last_repair, r.patrols_per_day, r.version, r.updated_at, "
                          "r.updated_by FROM security_records r JOIN org_units u ON u.id = "
                          "r.school_id" +
                              where + " ORDER BY u.name, r.school_id",
                          params));
  std::vector<sec::Record> out;
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < r.size(); ++i) {
    sec::Record x;
    x.school_id = r.Int(i, 0);
    x.school_name = r.TakeText(i, 1);
    x.school_path = r.TakeText(i, 2);
    auto& d = x.data;
    d.has_canteen = r.Int(i, 3) != 0;
    d.perimeter = r.Int(i, 4) != 0;
    d.gate_controlled = r.Int(i, 5) != 0;
    d.visitor_register = r.Int(i, 6) != 0;
    d.gate_house_staffed = r.Int(i, 7) != 0;
    d.video.areas = Split(r.Text(i, 8));
    d.video.retention_days = static_cast<int>(r.Int(i, 9));
    d.video.open_fault_since = ReadDate(r, i, 10);
    d.video.last_repair = ReadDate(r, i, 11);
    d.patrols_per_day = static_cast<int>(r.Int(i, 12));
    x.version = static_cast<int>(r.Int(i, 13));
    x.updated_at = r.TakeText(i, 14);
    x.updated_by = r.TakeText(i, 15);
    index[x.school_id] = out.size();
    out.push_back(std::move(x));
  }
  if (out.empty()) return out;
  // The lists of the same schools: the condition is on the list's school joined the same way.
  const std::string join =
      " JOIN security_records r ON r.school_id = e.school_id JOIN org_units u ON u.id = "
      "e.school_id" +
      where + " ORDER BY e.school_id, e.position, e.id";
  XA_ASSIGN_OR_RETURN(auto g, conn_.Query("SELECT e.school_id, e.id, e.name, e.full_time, "
                                          "e.license_no, e.birth_date, e.employer, e.shifts "
                                          "FROM security_guards e" +
                                              join,
                                          params));
  for (std::size_t i = 0; i < g.size(); ++i) {
    sec::Guard x;
    x.id = g.Int(i, 1);
    x.name = g.TakeText(i, 2);
    x.full_time = g.Int(i, 3) != 0;
    x.license_no = g.TakeText(i, 4);
    x.birth_date = ReadDate(g, i, 5);
    x.employer = g.TakeText(i, 6);
    x.shifts = g.TakeText(i, 7);
    out[index.at(g.Int(i, 0))].data.guards.push_back(std::move(x));
  }
  XA_ASSIGN_OR_RETURN(auto a, conn_.Query("SELECT e.school_id, e.id, e.location, e.linked_110, "
                                          "e.linked_bureau, e.last_test FROM security_alarms e" +
                                              join,
                                          params));
  for (std::size_t i = 0; i < a.size(); ++i) {
    sec::Alarm x;
    x.id = a.Int(i, 1);
    x.location = a.TakeText(i, 2);
    x.linked_110 = a.Int(i, 3) != 0;
    x.linked_bureau = a.Int(i, 4) != 0;
    x.last_test = ReadDate(a, i, 5);
    out[index.at(a.Int(i, 0))].data.alarms.push_back(std::move(x));
  }
  XA_ASSIGN_OR_RETURN(auto p, conn_.Query("SELECT e.school_id, e.id, e.gate, e.peak, e.people, "
                                          "e.kinds FROM security_posts e" +
                                              join,
                                          params));
  for (std::size_t i = 0; i < p.size(); ++i) {
    sec::GatePost x;
    x.id = p.Int(i, 1);
    x.gate = p.TakeText(i, 2);
    x.peak = p.TakeText(i, 3);
    x.people = static_cast<int>(p.Int(i, 4));
    x.kinds = Split(p.Text(i, 5));
    out[index.at(p.Int(i, 0))].data.posts.push_back(std::move(x));
  }
  return out;
}

Result<std::optional<sec::Record>> SqlSecurityRepository::Find(std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(auto found, Load(" WHERE r.school_id = $1", {school_id}));
  if (found.empty()) return std::optional<sec::Record>();
  return std::optional<sec::Record>(std::move(found.front()));
}

Result<std::vector<sec::Record>> SqlSecurityRepository::List(const domain::ScopeFilter& scope) {
  WhereBuilder where;
  AddScope(where, scope, "u.path");
  return Load(where.Sql(), where.params());
}

Result<bool> SqlSecurityRepository::Save(sec::Record& x) {
  const auto& d = x.data;
  const sql::Params fields = {x.school_id,
                              B(d.has_canteen),
                              B(d.perimeter),
                              B(d.gate_controlled),
                              B(d.visitor_register),
                              B(d.gate_house_staffed),
                              Join(d.video.areas),
                              static_cast<std::int64_t>(d.video.retention_days),
                              OptDate(d.video.open_fault_since),
                              OptDate(d.video.last_repair),
                              static_cast<std::int64_t>(d.patrols_per_day),
                              static_cast<std::int64_t>(x.version + 1),
                              x.updated_at,
                              x.updated_by,
                              static_cast<std::int64_t>(x.version)};
  std::int64_t changed = 0;
  if (x.version == 0) {
    sql::Params insert(fields.begin(), fields.end() - 1);
    XA_ASSIGN_OR_RETURN(
        changed,
        conn_.Exec("INSERT INTO security_records (school_id, has_canteen, perimeter, "
                   "gate_controlled, visitor_register, gate_house_staffed, video_areas, "
                   "video_retention_days, video_fault_since, video_last_repair, patrols_per_day, "
                   "version, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                   "$10, $11, $12, $13, $14) ON CONFLICT (school_id) DO NOTHING",
                   insert));
  } else {
    XA_ASSIGN_OR_RETURN(
        changed,
        conn_.Exec("UPDATE security_records SET has_canteen = $2, perimeter = $3, "
                   "gate_controlled = $4, visitor_register = $5, gate_house_staffed = $6, "
                   "video_areas = $7, video_retention_days = $8, video_fault_since = $9, "
                   "video_last_repair = $10, patrols_per_day = $11, version = $12, "
                   "updated_at = $13, updated_by = $14 WHERE school_id = $1 AND version = $15",
                   fields));
  }
  if (changed == 0) return false;
  ++x.version;
  for (const char* table : {"security_guards", "security_alarms", "security_posts"}) {
    XA_TRY(Done(
        conn_.Exec(std::string("DELETE FROM ") + table + " WHERE school_id = $1", {x.school_id})));
  }
  std::int64_t pos = 0;
  for (auto& g : x.data.guards) {
    XA_ASSIGN_OR_RETURN(g.id,
                        InsertEntry(conn_, "security_guards",
                                    "school_id, position, name, full_time, license_no, birth_date, "
                                    "employer, shifts",
                                    g.id,
                                    {x.school_id, pos++, g.name, B(g.full_time), g.license_no,
                                     OptDate(g.birth_date), g.employer, g.shifts}));
  }
  pos = 0;
  for (auto& a : x.data.alarms) {
    XA_ASSIGN_OR_RETURN(
        a.id,
        InsertEntry(conn_, "security_alarms",
                    "school_id, position, location, linked_110, linked_bureau, last_test", a.id,
                    {x.school_id, pos++, a.location, B(a.linked_110), B(a.linked_bureau),
                     OptDate(a.last_test)}));
  }
  pos = 0;
  for (auto& p : x.data.posts) {
    XA_ASSIGN_OR_RETURN(p.id, InsertEntry(conn_, "security_posts",
                                          "school_id, position, gate, peak, people, kinds", p.id,
                                          {x.school_id, pos++, p.gate, p.peak,
                                           static_cast<std::int64_t>(p.people), Join(p.kinds)}));
  }
  return true;
}

// ---- Screening rounds ----------------------------------------------------------------------

namespace {

constexpr const char* kRoundColumns =
    "SELECT r.id, r.bureau_id, b.name, r.name, r.from_date, r.to_date, r.created_by, "
    "r.created_at FROM security_rounds r JOIN org_units b ON b.id = r.bureau_id";

std::vector<sec::Round> RoundsOf(sql::Rows& r) {
  std::vector<sec::Round> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    sec::Round x;
    x.id = r.Int(i, 0);
    x.bureau_id = r.Int(i, 1);
    x.bureau_name = r.TakeText(i, 2);
    x.name = r.TakeText(i, 3);
    x.from = r.TakeText(i, 4);
    x.to = r.TakeText(i, 5);
    x.created_by = r.TakeText(i, 6);
    x.created_at = r.TakeText(i, 7);
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace

Status SqlSecurityRepository::InsertRound(sec::Round& round,
                                          const std::vector<std::int64_t>& school_ids) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("INSERT INTO security_rounds (bureau_id, name, "
                                          "from_date, to_date, created_by, created_at) VALUES "
                                          "($1, $2, $3, $4, $5, $6) RETURNING id",
                                          {round.bureau_id, round.name, round.from, round.to,
                                           round.created_by, round.created_at}));
  round.id = r.Int(0, 0);
  for (const auto id : school_ids) {
    XA_TRY(
        Done(conn_.Exec("INSERT INTO security_round_schools (round_id, school_id) VALUES ($1, $2)",
                        {round.id, id})));
  }
  return {};
}

Result<std::optional<sec::Round>> SqlSecurityRepository::FindRound(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kRoundColumns) + " WHERE r.id = $1", {id}));
  auto rounds = RoundsOf(r);
  if (rounds.empty()) return std::optional<sec::Round>();
  return std::optional<sec::Round>(std::move(rounds.front()));
}

Result<std::vector<sec::Round>> SqlSecurityRepository::ListRounds(
    const domain::ScopeFilter& scope) {
  auto [clause, values] = ScopeClause(scope, "u.path");
  WhereBuilder where;
  where.Add(
      "EXISTS (SELECT 1 FROM security_round_schools t JOIN org_units u ON u.id = "
      "t.school_id WHERE t.round_id = r.id AND (" +
          clause + "))",
      std::move(values));
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query(kRoundColumns + where.Sql() + " ORDER BY r.from_date DESC, r.id DESC",
                          where.params()));
  return RoundsOf(r);
}

Result<std::vector<std::pair<std::int64_t, std::string>>> SqlSecurityRepository::RoundSchools(
    std::int64_t round_id, const domain::ScopeFilter& scope) {
  WhereBuilder where(1);
  where.Add("t.round_id = $1", {});
  AddScope(where, scope, "u.path");
  sql::Params params = {round_id};
  for (auto& v : where.params()) params.push_back(std::move(v));
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT u.id, u.name FROM security_round_schools t "
                                          "JOIN org_units u ON u.id = t.school_id" +
                                              where.Sql() + " ORDER BY u.name, u.id",
                                          params));
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.emplace_back(r.Int(i, 0), r.TakeText(i, 1));
  return out;
}

Result<bool> SqlSecurityRepository::InsertScreening(sec::Screening& x) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO security_screenings (round_id, school_id, screened_by, "
                          "screened_at, guards, closed_campus, alarm_video, gate_duty, reasons) "
                          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (round_id, "
                          "school_id) DO NOTHING RETURNING id",
                          {x.round_id, x.school_id, x.screened_by, x.screened_at,
                           B(x.indicators.guards), B(x.indicators.closed_campus),
                           B(x.indicators.alarm_video), B(x.indicators.gate_duty), x.reasons}));
  if (r.size() == 0) return false;
  x.id = r.Int(0, 0);
  for (const auto& e : x.evidence) {
    XA_TRY(
        Done(conn_.Exec("INSERT INTO security_screening_evidence (screening_id, indicator, "
                        "note) VALUES ($1, $2, $3)",
                        {x.id, e.indicator, e.note})));
    std::int64_t pos = 0;
    for (const auto file : e.file_ids) {
      XA_TRY(
          Done(conn_.Exec("INSERT INTO security_screening_files (screening_id, indicator, "
                          "file_id, position) VALUES ($1, $2, $3, $4)",
                          {x.id, e.indicator, file, pos++})));
    }
  }
  return true;
}

Result<std::vector<sec::Screening>> SqlSecurityRepository::LoadScreenings(
    const std::string& where, const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT s.id, s.round_id, s.school_id, u.name, s.screened_by, "
                          "s.screened_at, s.guards, s.closed_campus, s.alarm_video, s.gate_duty, "
                          "s.reasons FROM security_screenings s JOIN org_units u ON u.id = "
                          "s.school_id" +
                              where + " ORDER BY u.name, s.id",
                          params));
  std::vector<sec::Screening> out;
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < r.size(); ++i) {
    sec::Screening x;
    x.id = r.Int(i, 0);
    x.round_id = r.Int(i, 1);
    x.school_id = r.Int(i, 2);
    x.school_name = r.TakeText(i, 3);
    x.screened_by = r.TakeText(i, 4);
    x.screened_at = r.TakeText(i, 5);
    x.indicators.guards = r.Int(i, 6) != 0;
    x.indicators.closed_campus = r.Int(i, 7) != 0;
    x.indicators.alarm_video = r.Int(i, 8) != 0;
    x.indicators.gate_duty = r.Int(i, 9) != 0;
    x.reasons = r.TakeText(i, 10);
    index[x.id] = out.size();
    out.push_back(std::move(x));
  }
  if (out.empty()) return out;
  XA_ASSIGN_OR_RETURN(
      auto h, conn_.Query("SELECT sh.screening_id, sh.indicator, sh.hazard_id, hz.title, "
                          "hz.state FROM security_screening_hazards sh JOIN security_screenings s "
                          "ON s.id = sh.screening_id JOIN org_units u ON u.id = s.school_id JOIN "
                          "hazards hz ON hz.id = sh.hazard_id" +
                              where + " ORDER BY sh.screening_id, sh.hazard_id",
                          params));
  for (std::size_t i = 0; i < h.size(); ++i) {
    sec::ScreenedHazard x;
    x.indicator = h.TakeText(i, 1);
    x.hazard_id = h.Int(i, 2);
    x.title = h.TakeText(i, 3);
    x.state = h.TakeText(i, 4);
    out[index.at(h.Int(i, 0))].hazards.push_back(std::move(x));
  }
  return out;
}

Result<std::optional<sec::Screening>> SqlSecurityRepository::FindScreeningById(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadScreenings(" WHERE s.id = $1", {id}));
  if (found.empty()) return std::optional<sec::Screening>();
  return std::optional<sec::Screening>(std::move(found.front()));
}

Result<std::optional<sec::Screening>> SqlSecurityRepository::FindScreening(std::int64_t round_id,
                                                                           std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadScreenings(" WHERE s.round_id = $1 AND s.school_id = $2",
                                                 {round_id, school_id}));
  if (found.empty()) return std::optional<sec::Screening>();
  auto x = std::move(found.front());
  XA_ASSIGN_OR_RETURN(auto e, conn_.Query("SELECT indicator, note FROM "
                                          "security_screening_evidence WHERE screening_id = $1",
                                          {x.id}));
  for (std::size_t i = 0; i < e.size(); ++i) {
    sec::Evidence ev;
    ev.indicator = e.TakeText(i, 0);
    ev.note = e.TakeText(i, 1);
    x.evidence.push_back(std::move(ev));
  }
  XA_ASSIGN_OR_RETURN(auto f, conn_.Query("SELECT indicator, file_id FROM "
                                          "security_screening_files WHERE screening_id = $1 "
                                          "ORDER BY indicator, position",
                                          {x.id}));
  for (std::size_t i = 0; i < f.size(); ++i) {
    const auto indicator = f.Text(i, 0);
    for (auto& ev : x.evidence) {
      if (ev.indicator == indicator) ev.file_ids.push_back(f.Int(i, 1));
    }
  }
  // The indicators' order, whatever order the rows came in.
  std::vector<sec::Evidence> ordered;
  for (const auto& info : sec::IndicatorList()) {
    for (auto& ev : x.evidence) {
      if (ev.indicator == info.code) ordered.push_back(std::move(ev));
    }
  }
  x.evidence = std::move(ordered);
  return std::optional<sec::Screening>(std::move(x));
}

Result<std::vector<sec::Screening>> SqlSecurityRepository::Screenings(
    std::int64_t round_id, const domain::ScopeFilter& scope) {
  WhereBuilder where(1);
  where.Add("s.round_id = $1", {});
  AddScope(where, scope, "u.path");
  sql::Params params = {round_id};
  for (auto& v : where.params()) params.push_back(std::move(v));
  return LoadScreenings(where.Sql(), params);
}

Status SqlSecurityRepository::LinkHazard(std::int64_t screening_id, const std::string& indicator,
                                         std::int64_t hazard_id) {
  return Done(
      conn_.Exec("INSERT INTO security_screening_hazards (screening_id, indicator, "
                 "hazard_id) VALUES ($1, $2, $3)",
                 {screening_id, indicator, hazard_id}));
}

Result<std::vector<sec::ScreenedHazard>> SqlSecurityRepository::OpenScreeningHazards(
    std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT DISTINCT sh.indicator, sh.hazard_id, hz.title, hz.state FROM "
                          "security_screening_hazards sh JOIN security_screenings s ON s.id = "
                          "sh.screening_id JOIN hazards hz ON hz.id = sh.hazard_id WHERE "
                          "s.school_id = $1 AND hz.state <> 'closed' ORDER BY sh.hazard_id",
                          {school_id}));
  std::vector<sec::ScreenedHazard> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    sec::ScreenedHazard x;
    x.indicator = r.TakeText(i, 0);
    x.hazard_id = r.Int(i, 1);
    x.title = r.TakeText(i, 2);
    x.state = r.TakeText(i, 3);
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace xiaoan::storage
