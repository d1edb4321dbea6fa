#include "storage/repos/emergency_repository.hpp"

#include <map>

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace em = domain::emergency;

Result<std::vector<em::EmergencySetup>> SqlEmergencyRepository::Load(const std::string& where,
                                                                     const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT e.unit_id, u.name, e.duty_phone, e.gathering_point, "
                          "e.police_station, e.hospital, e.updated_by, COALESCE((SELECT "
                          "display_name FROM users pu WHERE pu.username = e.updated_by), ''), "
                          "e.updated_at, e.version FROM emergency_setups e JOIN org_units u ON "
                          "u.id = e.unit_id" +
                              where + " ORDER BY u.name, e.unit_id",
                          params));
  std::vector<em::EmergencySetup> out(r.size());
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& s = out[i];
    s.unit_id = r.Int(i, 0);
    s.unit_name = r.TakeText(i, 1);
    s.duty_phone = r.TakeText(i, 2);
    s.gathering_point = r.TakeText(i, 3);
    s.police_station = r.TakeText(i, 4);
    s.hospital = r.TakeText(i, 5);
    s.updated_by = r.TakeText(i, 6);
    s.updated_by_name = r.TakeText(i, 7);
    ParseInstant(r.Text(i, 8), s.updated_at);
    s.version = static_cast<int>(r.Int(i, 9));
    at[s.unit_id] = i;
  }
  if (out.empty()) return out;
  XA_ASSIGN_OR_RETURN(
      auto lines, conn_.Query("SELECT l.unit_id, l.section, l.a, l.b, l.c, l.d, l.file_id FROM "
                              "emergency_lines l JOIN emergency_setups e ON e.unit_id = l.unit_id "
                              "JOIN org_units u ON u.id = e.unit_id" +
                                  where + " ORDER BY l.unit_id, l.seq",
                              params));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto it = at.find(lines.Int(i, 0));
    if (it == at.end()) continue;
    auto& s = out[it->second];
    const auto section = lines.TakeText(i, 1);
    if (section == "plan") {
      em::PlanDoc p;
      p.kind = lines.TakeText(i, 2);
      p.title = lines.TakeText(i, 3);
      p.revised_on = lines.TakeText(i, 4);
      if (!lines.Null(i, 6)) p.file_id = lines.Int(i, 6);
      s.plans.push_back(std::move(p));
      continue;
    }
    em::Member m{lines.TakeText(i, 2), lines.TakeText(i, 3), lines.TakeText(i, 4),
                 lines.TakeText(i, 5)};
    (section == "command" ? s.command : s.unit).push_back(std::move(m));
  }
  return out;
}

Result<std::optional<em::EmergencySetup>> SqlEmergencyRepository::Setup(std::int64_t unit_id) {
  XA_ASSIGN_OR_RETURN(auto found, Load(" WHERE e.unit_id = $1", {unit_id}));
  if (found.empty()) return std::optional<em::EmergencySetup>{};
  return std::optional<em::EmergencySetup>{std::move(found.front())};
}

Result<std::vector<em::EmergencySetup>> SqlEmergencyRepository::Setups(
    const domain::ScopeFilter& scope) {
  WhereBuilder where;
  AddScope(where, scope, "u.path");
  return Load(where.Sql(), where.params());
}

Result<bool> SqlEmergencyRepository::Save(em::EmergencySetup& s) {
  sql::Params params = {s.duty_phone, s.gathering_point,           s.police_station, s.hospital,
                        s.updated_by, FormatInstant(s.updated_at), s.unit_id};
  if (s.version == 0) {
    XA_TRY(
        conn_.Exec("INSERT INTO emergency_setups (duty_phone, gathering_point, police_station, "
                   "hospital, updated_by, updated_at, unit_id, version) VALUES ($1, $2, $3, "
                   "$4, $5, $6, $7, 1)",
                   params));
  } else {
    params.push_back(std::int64_t{s.version});
    XA_ASSIGN_OR_RETURN(
        const auto n,
        conn_.Exec("UPDATE emergency_setups SET duty_phone = $1, gathering_point = $2, "
                   "police_station = $3, hospital = $4, updated_by = $5, updated_at = $6, "
                   "version = version + 1 WHERE unit_id = $7 AND version = $8",
                   params));
    if (n == 0) return false;
    XA_TRY(conn_.Exec("DELETE FROM emergency_lines WHERE unit_id = $1", {s.unit_id}));
  }
  std::int64_t seq = 0;
  const auto add = [&](const char* section, const std::string& a, const std::string& b,
                       const std::string& c, const std::string& d,
                       const std::optional<std::int64_t>& file) -> Result<std::int64_t> {
    sql::Value f = sql::Null{};
    if (file) f = *file;
    return conn_.Exec(
        "INSERT INTO emergency_lines (unit_id, section, seq, a, b, c, d, file_id) VALUES ($1, $2, "
        "$3, $4, $5, $6, $7, $8)",
        {s.unit_id, std::string(section), ++seq, a, b, c, d, f});
  };
  for (const auto& m : s.command) XA_TRY(add("command", m.role, m.name, m.post, m.phone, {}));
  for (const auto& m : s.unit) XA_TRY(add("unit", m.role, m.name, m.post, m.phone, {}));
  for (const auto& p : s.plans) XA_TRY(add("plan", p.kind, p.title, p.revised_on, "", p.file_id));
  ++s.version;
  return true;
}

}  // namespace xiaoan::storage
