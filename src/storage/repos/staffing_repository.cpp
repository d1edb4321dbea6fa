#include "storage/repos/staffing_repository.hpp"

#include <map>

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace st = domain::staffing;

Result<std::vector<st::SafetyOffice>> SqlStaffingRepository::Load(const std::string& where,
                                                                  const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT o.unit_id, u.name, u.kind, o.name, o.updated_by, o.updated_at, "
                          "o.version FROM safety_offices o JOIN org_units u ON u.id = o.unit_id" +
                              where + " ORDER BY u.path, o.unit_id",
                          params));
  std::vector<st::SafetyOffice> out(r.size());
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& o = out[i];
    o.unit_id = r.Int(i, 0);
    o.unit_name = r.TakeText(i, 1);
    o.unit_kind = r.TakeText(i, 2);
    o.name = r.TakeText(i, 3);
    o.updated_by = r.TakeText(i, 4);
    ParseInstant(r.Text(i, 5), o.updated_at);
    o.version = static_cast<int>(r.Int(i, 6));
    at[o.unit_id] = i;
  }
  if (out.empty()) return out;
  XA_ASSIGN_OR_RETURN(
      auto m, conn_.Query("SELECT m.unit_id, m.name, m.post, m.full_time, m.qualifications, "
                          "m.phone FROM safety_office_members m JOIN safety_offices o ON "
                          "o.unit_id = m.unit_id JOIN org_units u ON u.id = o.unit_id" +
                              where + " ORDER BY m.unit_id, m.seq",
                          params));
  for (std::size_t i = 0; i < m.size(); ++i) {
    const auto it = at.find(m.Int(i, 0));
    if (it == at.end()) continue;
    out[it->second].members.push_back(
        {m.TakeText(i, 1), m.TakeText(i, 2), m.Int(i, 3) != 0, m.TakeText(i, 4), m.TakeText(i, 5)});
  }
  return out;
}

Result<std::optional<st::SafetyOffice>> SqlStaffingRepository::Office(std::int64_t unit_id) {
  XA_ASSIGN_OR_RETURN(auto found, Load(" WHERE o.unit_id = $1", {unit_id}));
  if (found.empty()) return std::optional<st::SafetyOffice>{};
  return std::optional<st::SafetyOffice>{std::move(found.front())};
}

Result<std::vector<st::SafetyOffice>> SqlStaffingRepository::Offices(
    const domain::ScopeFilter& scope) {
  WhereBuilder where;
  AddScope(where, scope, "u.path");
  return Load(where.Sql(), where.params());
}

Result<bool> SqlStaffingRepository::Save(st::SafetyOffice& o) {
  if (o.version == 0) {
    XA_TRY(
        conn_.Exec("INSERT INTO safety_offices (name, updated_by, updated_at, unit_id, version) "
                   "VALUES ($1, $2, $3, $4, 1)",
                   {o.name, o.updated_by, FormatInstant(o.updated_at), o.unit_id}));
  } else {
    XA_ASSIGN_OR_RETURN(
        const auto n,
        conn_.Exec("UPDATE safety_offices SET name = $1, updated_by = $2, updated_at = $3, "
                   "version = version + 1 WHERE unit_id = $4 AND version = $5",
                   {o.name, o.updated_by, FormatInstant(o.updated_at), o.unit_id,
                    std::int64_t{o.version}}));
    if (n == 0) return false;
    XA_TRY(conn_.Exec("DELETE FROM safety_office_members WHERE unit_id = $1", {o.unit_id}));
  }
  std::int64_t seq = 0;
  for (const auto& m : o.members) {
    XA_TRY(
        conn_.Exec("INSERT INTO safety_office_members (unit_id, seq, name, post, full_time, "
                   "qualifications, phone) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                   {o.unit_id, ++seq, m.name, m.post, std::int64_t{m.full_time ? 1 : 0},
                    m.qualifications, m.phone}));
  }
  ++o.version;
  return true;
}

}  // namespace xiaoan::storage
