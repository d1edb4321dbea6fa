#include "storage/repos/minors_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace {

constexpr const char* kSelect =
    "SELECT g.id, g.grantee, g.unit_id, g.kind, g.reason, g.days, g.state, g.requested_at, "
    "g.decided_by, g.decided_at, g.note, g.valid_from, g.valid_until, g.revoked_by, "
    "COALESCE(gu.display_name, ''), COALESCE((SELECT name FROM org_units WHERE id = gu.unit_id), "
    "''), COALESCE((SELECT display_name FROM users du WHERE du.username = g.decided_by), ''), "
    "u.name, u.path FROM minors_grants g JOIN org_units u ON u.id = g.unit_id LEFT JOIN users gu "
    "ON gu.username = g.grantee";

std::optional<Instant> InstantAt(const sql::Rows& r, std::size_t row, std::size_t col) {
  const auto text = OptText(r, row, col);
  if (!text) return std::nullopt;
  Instant t{};
  if (!ParseInstant(*text, t)) return std::nullopt;
  return t;
}

sql::Value OptInstant(const std::optional<Instant>& t) {
  return t ? sql::Value(FormatInstant(*t)) : sql::Value(sql::Null{});
}

}  // namespace

Result<std::vector<domain::MinorsGrant>> SqlMinorsRepository::Load(
    const std::string& where_and_order, const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kSelect) + where_and_order, params));
  std::vector<domain::MinorsGrant> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    domain::MinorsGrant g;
    g.id = r.Int(i, 0);
    g.grantee = r.TakeText(i, 1);
    g.unit_id = r.Int(i, 2);
    g.kind = r.TakeText(i, 3);
    g.reason = r.TakeText(i, 4);
    g.days = static_cast<int>(r.Int(i, 5));
    g.state = domain::GrantStateFromCode(r.Text(i, 6)).value_or(domain::GrantState::kRequested);
    ParseInstant(r.Text(i, 7), g.requested_at);
    g.decided_by = r.TakeText(i, 8);
    g.decided_at = InstantAt(r, i, 9);
    g.note = r.TakeText(i, 10);
    g.from = InstantAt(r, i, 11);
    g.until = InstantAt(r, i, 12);
    g.revoked_by = r.TakeText(i, 13);
    g.grantee_name = r.TakeText(i, 14);
    g.grantee_unit_name = r.TakeText(i, 15);
    g.decided_by_name = r.TakeText(i, 16);
    g.unit_name = r.TakeText(i, 17);
    g.unit_path = r.TakeText(i, 18);
    out.push_back(std::move(g));
  }
  return out;
}

Status SqlMinorsRepository::InsertGrant(domain::MinorsGrant& g) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO minors_grants (grantee, unit_id, kind, reason, days, state, "
                  "requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                  {g.grantee, g.unit_id, g.kind, g.reason, std::int64_t{g.days},
                   std::string(domain::GrantStateCode(g.state)), FormatInstant(g.requested_at)}));
  g.id = r.Int(0, 0);
  return {};
}

Status SqlMinorsRepository::UpdateGrant(const domain::MinorsGrant& g) {
  return Done(conn_.Exec(
      "UPDATE minors_grants SET state = $1, decided_by = $2, decided_at = $3, note = $4, "
      "valid_from = $5, valid_until = $6, revoked_by = $7 WHERE id = $8",
      {std::string(domain::GrantStateCode(g.state)), g.decided_by, OptInstant(g.decided_at), g.note,
       OptInstant(g.from), OptInstant(g.until), g.revoked_by, g.id}));
}

Result<std::optional<domain::MinorsGrant>> SqlMinorsRepository::FindGrant(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto rows, Load(" WHERE g.id = $1", {id}));
  if (rows.empty()) return std::optional<domain::MinorsGrant>{};
  return std::optional<domain::MinorsGrant>{std::move(rows.front())};
}

Result<std::vector<domain::MinorsGrant>> SqlMinorsRepository::Grants(
    const domain::GrantFilter& f, const domain::ScopeFilter& scope, int limit) {
  WhereBuilder where;
  if (f.grantee && f.or_in_scope) {
    auto [clause, values] = ScopeClause(scope, "u.path");
    values.insert(values.begin(), *f.grantee);
    where.Add("(g.grantee = ? OR (" + clause + "))", std::move(values));
  } else if (f.grantee) {
    where.Add("g.grantee = ?", {*f.grantee});
  } else {
    AddScope(where, scope, "u.path");
  }
  auto params = where.params();
  params.push_back(std::int64_t{limit});
  std::string sql = where.Sql() + " ORDER BY g.id DESC LIMIT $";
  sql += std::to_string(params.size());
  return Load(sql, params);
}

Result<std::vector<domain::MinorsGrant>> SqlMinorsRepository::OpenGrants(const std::string& grantee,
                                                                         std::int64_t unit_id,
                                                                         const std::string& kind) {
  return Load(
      " WHERE g.grantee = $1 AND g.unit_id = $2 AND g.kind = $3 AND g.state IN ('requested', "
      "'approved') ORDER BY g.id DESC",
      {grantee, unit_id, kind});
}

Status SqlMinorsRepository::LogRead(const domain::MinorsRead& r) {
  return Done(conn_.Exec(
      "INSERT INTO minors_reads (reader, unit_id, kind, subject, records, grant_id, at) VALUES "
      "($1, $2, $3, $4, $5, $6, $7)",
      {r.reader, r.unit_id, r.kind, r.subject, std::int64_t{r.records}, Opt(r.grant_id),
       FormatInstant(r.at)}));
}

Result<std::vector<domain::MinorsReadRow>> SqlMinorsRepository::ReadReport(
    const domain::ScopeFilter& scope, Instant from, Instant until) {
  WhereBuilder where;
  where.Add("m.at >= ? AND m.at < ?", {FormatInstant(from), FormatInstant(until)});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query(
          "SELECT m.reader, COALESCE(ru.display_name, ''), COALESCE((SELECT name FROM org_units "
          "WHERE id = ru.unit_id), ''), m.unit_id, u.name, m.kind, CASE WHEN m.grant_id IS NULL "
          "THEN 0 ELSE 1 END AS via, COUNT(*), SUM(m.records), MIN(m.at), MAX(m.at) FROM "
          "minors_reads m JOIN org_units u ON u.id = m.unit_id LEFT JOIN users ru ON ru.username "
          "= m.reader" +
              where.Sql() +
              " GROUP BY m.reader, ru.display_name, ru.unit_id, m.unit_id, u.name, m.kind, via "
              "ORDER BY u.name, m.reader, m.kind, via",
          where.params()));
  std::vector<domain::MinorsReadRow> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    domain::MinorsReadRow x;
    x.reader = r.TakeText(i, 0);
    x.reader_name = r.TakeText(i, 1);
    x.reader_unit_name = r.TakeText(i, 2);
    x.unit_id = r.Int(i, 3);
    x.unit_name = r.TakeText(i, 4);
    x.kind = r.TakeText(i, 5);
    x.via_grant = r.Int(i, 6) != 0;
    x.reads = r.Int(i, 7);
    x.records = r.Int(i, 8);
    ParseInstant(r.Text(i, 9), x.first_at);
    ParseInstant(r.Text(i, 10), x.last_at);
    out.push_back(std::move(x));
  }
  return out;
}

Result<std::vector<std::pair<domain::GrantState, std::int64_t>>> SqlMinorsRepository::GrantCounts(
    const domain::ScopeFilter& scope, Instant from, Instant until) {
  WhereBuilder where;
  where.Add("g.requested_at >= ? AND g.requested_at < ?",
            {FormatInstant(from), FormatInstant(until)});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT g.state, COUNT(*) FROM minors_grants g JOIN "
                                          "org_units u ON u.id = g.unit_id" +
                                              where.Sql() + " GROUP BY g.state ORDER BY g.state",
                                          where.params()));
  std::vector<std::pair<domain::GrantState, std::int64_t>> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (const auto s = domain::GrantStateFromCode(r.Text(i, 0))) out.emplace_back(*s, r.Int(i, 1));
  }
  return out;
}

}  // namespace xiaoan::storage
