#include "storage/repos/drowning_repository.hpp"

#include "core/strings.hpp"
#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace edu = domain::edu;
namespace cal = domain::calendar;

namespace {

constexpr const char* kCampaignSelect =
    "SELECT c.id, c.unit_id, COALESCE(u.path, ''), c.title, c.text, c.from_date, c.to_date, "
    "c.location_types, c.created_by, "
    "COALESCE((SELECT display_name FROM users cu WHERE cu.username = c.created_by), ''), "
    "c.created_at FROM edu_drowning_campaigns c LEFT JOIN org_units u ON u.id = c.unit_id";

constexpr const char* kWarningSelect =
    "SELECT w.id, w.class_id, w.school_id, w.date, w.note, w.given_by, "
    "COALESCE((SELECT display_name FROM users gu WHERE gu.username = w.given_by), ''), w.at, "
    "w.given_on FROM edu_drowning_warnings w";

std::string JoinTypes(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& t : types) out += (out.empty() ? "" : ",") + t;
  return out;
}

}  // namespace

Status SqlDrowningRepository::InsertCampaign(edu::DrowningCampaign& c) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO edu_drowning_campaigns (unit_id, title, text, from_date, "
                  "to_date, location_types, created_by, created_at) VALUES ($1, $2, $3, "
                  "$4, $5, $6, $7, $8) RETURNING id",
                  {c.unit_id, c.title, c.text, cal::FormatDate(c.from), cal::FormatDate(c.to),
                   JoinTypes(c.location_types), c.created_by, FormatInstant(c.created_at)}));
  c.id = r.Int(0, 0);
  return {};
}

Status SqlDrowningRepository::RemoveCampaign(std::int64_t id) {
  return Done(conn_.Exec("DELETE FROM edu_drowning_campaigns WHERE id = $1", {id}));
}

Result<std::vector<edu::DrowningCampaign>> SqlDrowningRepository::LoadCampaigns(
    const std::string& where, const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kCampaignSelect) + where, params));
  std::vector<edu::DrowningCampaign> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::DrowningCampaign c;
    c.id = r.Int(i, 0);
    c.unit_id = r.Int(i, 1);
    c.unit_path = r.TakeText(i, 2);
    c.title = r.TakeText(i, 3);
    c.text = r.TakeText(i, 4);
    c.from = cal::ParseDate(r.Text(i, 5)).value_or(cal::Date{});
    c.to = cal::ParseDate(r.Text(i, 6)).value_or(c.from);
    for (auto& t : Split(r.Text(i, 7), ',')) {
      if (!t.empty()) c.location_types.push_back(std::move(t));
    }
    c.created_by = r.TakeText(i, 8);
    c.created_by_name = r.TakeText(i, 9);
    ParseInstant(r.Text(i, 10), c.created_at);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::optional<edu::DrowningCampaign>> SqlDrowningRepository::FindCampaign(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadCampaigns(" WHERE c.id = $1", {id}));
  if (found.empty()) return std::optional<edu::DrowningCampaign>{};
  return std::optional<edu::DrowningCampaign>{std::move(found.front())};
}

Result<std::vector<edu::DrowningCampaign>> SqlDrowningRepository::Campaigns(const std::string& from,
                                                                            const std::string& to) {
  return LoadCampaigns(" WHERE c.to_date >= $1 AND c.from_date <= $2 ORDER BY c.id DESC",
                       {from, to});
}

Result<std::vector<edu::DrowningCampaign>> SqlDrowningRepository::RecentCampaigns(int limit) {
  return LoadCampaigns(" ORDER BY c.from_date DESC, c.id DESC LIMIT $1", {std::int64_t{limit}});
}

Result<bool> SqlDrowningRepository::InsertWarning(edu::DrowningWarning& w) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO edu_drowning_warnings (class_id, school_id, date, note, given_by, "
                  "at, given_on) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (class_id, "
                  "date) DO NOTHING RETURNING id",
                  {w.class_id, w.school_id, cal::FormatDate(w.date), w.note, w.by,
                   FormatInstant(w.at), cal::FormatDate(w.on)}));
  if (r.size() == 0) return false;
  w.id = r.Int(0, 0);
  return true;
}

Result<std::vector<edu::DrowningWarning>> SqlDrowningRepository::LoadWarnings(
    const std::string& where, const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kWarningSelect) + where, params));
  std::vector<edu::DrowningWarning> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::DrowningWarning w;
    w.id = r.Int(i, 0);
    w.class_id = r.Int(i, 1);
    w.school_id = r.Int(i, 2);
    w.date = cal::ParseDate(r.Text(i, 3)).value_or(cal::Date{});
    w.note = r.TakeText(i, 4);
    w.by = r.TakeText(i, 5);
    w.by_name = r.TakeText(i, 6);
    ParseInstant(r.Text(i, 7), w.at);
    w.on = cal::ParseDate(r.Text(i, 8)).value_or(w.date);
    out.push_back(std::move(w));
  }
  return out;
}

Result<std::vector<edu::DrowningWarning>> SqlDrowningRepository::WarningsOf(
    const std::vector<std::int64_t>& class_ids, const std::string& from, const std::string& to) {
  if (class_ids.empty()) return std::vector<edu::DrowningWarning>{};
  sql::Params params{from, to};
  params.insert(params.end(), class_ids.begin(), class_ids.end());
  std::string in;
  for (std::size_t i = 0; i < class_ids.size(); ++i) {
    in += (i == 0 ? "$" : ", $") + std::to_string(i + 3);
  }
  return LoadWarnings(" WHERE w.date >= $1 AND w.date <= $2 AND w.class_id IN (" + in +
                          ") ORDER BY w.date, w.class_id, w.id",
                      params);
}

Result<std::vector<edu::DrowningWarning>> SqlDrowningRepository::WarningsIn(
    const domain::ScopeFilter& scope, const std::string& from, const std::string& to) {
  WhereBuilder where;
  where.Add("w.date >= ?", {from});
  where.Add("w.date <= ?", {to});
  if (scope.all) {
    return LoadWarnings(where.Sql() + " ORDER BY w.date, w.class_id, w.id", where.params());
  }
  AddScope(where, scope, "wu.path");
  return LoadWarnings(" JOIN org_units wu ON wu.id = w.school_id" + where.Sql() +
                          " ORDER BY w.date, w.class_id, w.id",
                      where.params());
}

}  // namespace xiaoan::storage
