#include "storage/repos/campaign_repository.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "storage/repos/answer_rows.hpp"
#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace cp = domain::campaign;

namespace {

constexpr const char* kCampaignSelect =
    "SELECT c.id, c.owner_unit_id, u.name, u.path, c.name, c.level, c.domains, c.description, "
    "c.target_stages, c.target_locations, c.target_boarding, c.target_clusters, "
    "c.target_schools, c.self_from, c.self_to, c.inspect_from, c.inspect_to, c.w_completion, "
    "c.w_self_found, c.w_no_missed, c.w_rectified, c.w_closed, c.state, c.summary, "
    "c.created_by, c.created_at, c.closed_at, (SELECT COUNT(*) FROM campaign_schools s WHERE "
    "s.campaign_id = c.id), (SELECT COUNT(*) FROM campaign_schools s WHERE s.campaign_id = c.id "
    "AND s.state = 'submitted') FROM campaigns c JOIN org_units u ON u.id = c.owner_unit_id";

constexpr const char* kSheetSelect =
    "SELECT s.id, s.campaign_id, s.school_id, u.name, s.kind, s.team_id, s.template_id, t.name, "
    "t.version, s.key_place_id, k.name, k.kind, s.filled_by, s.username, s.filled_at, s.note, "
    "s.failed, s.missed FROM campaign_sheets s JOIN org_units u ON u.id = s.school_id "
    "JOIN checklist_templates t ON t.id = s.template_id "
    "LEFT JOIN school_key_places k ON k.id = s.key_place_id";

// Rows per multi-row INSERT of a deployment's schools.
constexpr std::size_t kTargetChunk = 200;

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ",") + x;
  return out;
}
std::string JoinIds(const std::vector<std::int64_t>& v) {
  std::string out;
  for (const auto x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}
std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}
std::vector<std::int64_t> SplitIds(std::string_view text) {
  std::vector<std::int64_t> out;
  for (const auto& part : Split(text)) {
    std::int64_t v = 0;
    if (std::from_chars(part.data(), part.data() + part.size(), v).ec == std::errc()) {
      out.push_back(v);
    }
  }
  return out;
}

cp::Campaign ReadCampaign(sql::Rows& r, std::size_t i) {
  cp::Campaign c;
  c.id = r.Int(i, 0);
  c.owner_unit_id = r.Int(i, 1);
  c.owner_name = r.TakeText(i, 2);
  c.owner_path = r.TakeText(i, 3);
  c.name = r.TakeText(i, 4);
  c.level = r.TakeText(i, 5);
  c.domains = Split(r.Text(i, 6));
  c.description = r.TakeText(i, 7);
  c.targets.stages = Split(r.Text(i, 8));
  c.targets.location_types = Split(r.Text(i, 9));
  if (!r.Null(i, 10)) c.targets.boarding = r.Int(i, 10) != 0;
  c.targets.cluster_ids = SplitIds(r.Text(i, 11));
  c.targets.school_ids = SplitIds(r.Text(i, 12));
  c.self_from = r.TakeText(i, 13);
  c.self_to = r.TakeText(i, 14);
  c.inspect_from = r.TakeText(i, 15);
  c.inspect_to = r.TakeText(i, 16);
  c.weights.completion = static_cast<int>(r.Int(i, 17));
  c.weights.self_found = static_cast<int>(r.Int(i, 18));
  c.weights.no_missed = static_cast<int>(r.Int(i, 19));
  c.weights.rectified = static_cast<int>(r.Int(i, 20));
  c.weights.closed = static_cast<int>(r.Int(i, 21));
  c.state = r.TakeText(i, 22);
  c.summary = r.TakeText(i, 23);
  c.created_by = r.TakeText(i, 24);
  c.created_at = r.TakeText(i, 25);
  c.closed_at = r.TakeText(i, 26);
  c.school_count = static_cast<int>(r.Int(i, 27));
  c.submitted_count = static_cast<int>(r.Int(i, 28));
  return c;
}

cp::Sheet ReadSheet(sql::Rows& r, std::size_t i) {
  cp::Sheet s;
  s.id = r.Int(i, 0);
  s.campaign_id = r.Int(i, 1);
  s.school_id = r.Int(i, 2);
  s.school_name = r.TakeText(i, 3);
  s.kind = r.TakeText(i, 4);
  s.team_id = OptInt(r, i, 5);
  s.template_id = r.Int(i, 6);
  s.template_name = r.TakeText(i, 7);
  s.template_version = static_cast<int>(r.Int(i, 8));
  s.key_place_id = OptInt(r, i, 9);
  s.place_name = s.key_place_id ? r.TakeText(i, 10) : "全校";
  s.place_kind = r.TakeText(i, 11);
  s.filled_by = r.TakeText(i, 12);
  s.username = r.TakeText(i, 13);
  s.filled_at = r.TakeText(i, 14);
  s.note = r.TakeText(i, 15);
  s.failed = static_cast<int>(r.Int(i, 16));
  s.missed = Split(r.Text(i, 17));
  return s;
}

std::int64_t I(int v) { return static_cast<std::int64_t>(v); }

}  // namespace

Status SqlCampaignRepository::Insert(cp::Campaign& c) {
  sql::Value boarding = sql::Null{};
  if (c.targets.boarding) boarding = std::int64_t{*c.targets.boarding ? 1 : 0};
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query(
          "INSERT INTO campaigns (owner_unit_id, name, level, domains, description, "
          "target_stages, target_locations, target_boarding, target_clusters, target_schools, "
          "self_from, self_to, inspect_from, inspect_to, w_completion, w_self_found, "
          "w_no_missed, w_rectified, w_closed, state, summary, created_by, created_at) VALUES "
          "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
          "$19, $20, $21, $22, $23) RETURNING id",
          {c.owner_unit_id,
           c.name,
           c.level,
           Join(c.domains),
           c.description,
           Join(c.targets.stages),
           Join(c.targets.location_types),
           boarding,
           JoinIds(c.targets.cluster_ids),
           JoinIds(c.targets.school_ids),
           c.self_from,
           c.self_to,
           c.inspect_from,
           c.inspect_to,
           I(c.weights.completion),
           I(c.weights.self_found),
           I(c.weights.no_missed),
           I(c.weights.rectified),
           I(c.weights.closed),
           c.state,
           c.summary,
           c.created_by,
           c.created_at}));
  c.id = r.Int(0, 0);
  for (std::size_t i = 0; i < c.template_ids.size(); ++i) {
    XA_TRY(Done(conn_.Exec(
        "INSERT INTO campaign_templates (campaign_id, position, template_id) VALUES ($1, $2, $3)",
        {c.id, static_cast<std::int64_t>(i), c.template_ids[i]})));
  }
  return {};
}

Result<std::optional<cp::Campaign>> SqlCampaignRepository::Find(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kCampaignSelect) + " WHERE c.id = $1", {id}));
  if (r.empty()) return std::optional<cp::Campaign>();
  auto c = ReadCampaign(r, 0);
  XA_ASSIGN_OR_RETURN(auto t, conn_.Query("SELECT template_id FROM campaign_templates WHERE "
                                          "campaign_id = $1 ORDER BY position",
                                          {id}));
  for (std::size_t i = 0; i < t.size(); ++i) c.template_ids.push_back(t.Int(i, 0));
  return std::optional<cp::Campaign>(std::move(c));
}

Result<domain::PageResult<cp::Campaign>> SqlCampaignRepository::List(
    const cp::CampaignFilter& f, const domain::ScopeFilter& scope,
    const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.state) where.Add("c.state = ?", {*f.state});
  if (f.school_id) {
    where.Add(
        "EXISTS (SELECT 1 FROM campaign_schools s WHERE s.campaign_id = c.id AND s.school_id = ?)",
        {*f.school_id});
  }
  if (f.member) {
    where.Add(
        "EXISTS (SELECT 1 FROM campaign_teams t JOIN campaign_team_members m ON m.team_id = t.id "
        "WHERE t.campaign_id = c.id AND m.username = ?)",
        {*f.member});
  }
  if (f.reaching && !scope.all) {
    auto [own, values] = ScopeClause(scope, "u.path");
    auto [reach, more] = ScopeClause(scope, "su.path");
    values.insert(values.end(), more.begin(), more.end());
    where.Add("(" + own +
                  ") OR EXISTS (SELECT 1 FROM campaign_schools cs JOIN org_units su ON su.id = "
                  "cs.school_id WHERE cs.campaign_id = c.id AND (" +
                  reach + "))",
              std::move(values));
  } else {
    AddScope(where, scope, "u.path");
  }
  XA_ASSIGN_OR_RETURN(auto count,
                      conn_.Query("SELECT COUNT(*) FROM campaigns c JOIN org_units u ON u.id = "
                                  "c.owner_unit_id" +
                                      where.Sql(),
                                  where.params()));
  std::string sql = kCampaignSelect + where.Sql() +
                    OrderBy(page.sort, {{"self_from", "c.self_from"}, {"name", "c.name"}},
                            "c.self_from DESC", "c.id DESC");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<cp::Campaign> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadCampaign(rows, i));
  return out;
}

Status SqlCampaignRepository::Close(std::int64_t id, const std::string& summary,
                                    const std::string& at) {
  return Done(conn_.Exec(
      "UPDATE campaigns SET state = 'closed', summary = $2, closed_at = $3 WHERE id = $1",
      {id, summary, at}));
}

Status SqlCampaignRepository::InsertTargets(std::int64_t campaign_id,
                                            const std::vector<std::int64_t>& school_ids) {
  for (std::size_t from = 0; from < school_ids.size(); from += kTargetChunk) {
    const auto to = std::min(school_ids.size(), from + kTargetChunk);
    std::string sql = "INSERT INTO campaign_schools (campaign_id, school_id) VALUES ";
    sql::Params params{campaign_id};
    for (std::size_t i = from; i < to; ++i) {
      params.emplace_back(school_ids[i]);
      sql += (i == from ? "($1, $" : ", ($1, $") + std::to_string(params.size()) + ")";
    }
    XA_TRY(Done(conn_.Exec(sql, params)));
  }
  return {};
}

Result<std::vector<cp::Target>> SqlCampaignRepository::Targets(
    std::int64_t campaign_id, std::optional<std::int64_t> school_id) {
  std::string sql =
      "SELECT s.campaign_id, s.school_id, u.name, u.path, s.state, s.team_id, t.name, "
      "s.started_at, s.submitted_at, (SELECT COUNT(*) FROM campaign_sheets h WHERE "
      "h.campaign_id = s.campaign_id AND h.school_id = s.school_id AND h.kind = 'self'), "
      "(SELECT COALESCE(SUM(h.failed), 0) FROM campaign_sheets h WHERE h.campaign_id = "
      "s.campaign_id AND h.school_id = s.school_id AND h.kind = 'self') FROM campaign_schools s "
      "JOIN org_units u ON u.id = s.school_id LEFT JOIN campaign_teams t ON t.id = s.team_id "
      "WHERE s.campaign_id = $1";
  sql::Params params{campaign_id};
  if (school_id) {
    sql += " AND s.school_id = $2";
    params.emplace_back(*school_id);
  }
  sql += " ORDER BY u.name, s.school_id";
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(sql, params));
  std::vector<cp::Target> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    cp::Target t;
    t.campaign_id = r.Int(i, 0);
    t.school_id = r.Int(i, 1);
    t.school_name = r.TakeText(i, 2);
    t.school_path = r.TakeText(i, 3);
    t.state = r.TakeText(i, 4);
    t.team_id = OptInt(r, i, 5);
    t.team_name = r.TakeText(i, 6);
    t.started_at = r.TakeText(i, 7);
    t.submitted_at = r.TakeText(i, 8);
    t.sheets = static_cast<int>(r.Int(i, 9));
    t.failed = static_cast<int>(r.Int(i, 10));
    out.push_back(std::move(t));
  }
  return out;
}

Status SqlCampaignRepository::SetTargetState(std::int64_t campaign_id, std::int64_t school_id,
                                             const std::string& state, const std::string& at) {
  const char* column = state == "submitted" ? "submitted_at" : "started_at";
  return Done(conn_.Exec(std::string("UPDATE campaign_schools SET state = $3, ") + column +
                             " = $4 WHERE campaign_id = $1 AND school_id = $2",
                         {campaign_id, school_id, state, at}));
}

Status SqlCampaignRepository::InsertTeam(cp::Team& t) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("INSERT INTO campaign_teams (campaign_id, name, kind) "
                                          "VALUES ($1, $2, $3) RETURNING id",
                                          {t.campaign_id, t.name, t.kind}));
  t.id = r.Int(0, 0);
  for (const auto& m : t.members) {
    XA_TRY(Done(conn_.Exec("INSERT INTO campaign_team_members (team_id, username) VALUES ($1, $2)",
                           {t.id, m})));
  }
  return {};
}

Result<std::vector<cp::Team>> SqlCampaignRepository::Teams(std::int64_t campaign_id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT id, campaign_id, name, kind FROM "
                                          "campaign_teams WHERE campaign_id = $1 ORDER BY id",
                                          {campaign_id}));
  std::vector<cp::Team> out;
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < r.size(); ++i) {
    cp::Team t;
    t.id = r.Int(i, 0);
    t.campaign_id = r.Int(i, 1);
    t.name = r.TakeText(i, 2);
    t.kind = r.TakeText(i, 3);
    at[t.id] = out.size();
    out.push_back(std::move(t));
  }
  XA_ASSIGN_OR_RETURN(auto m, conn_.Query("SELECT m.team_id, m.username FROM "
                                          "campaign_team_members m JOIN campaign_teams t ON t.id "
                                          "= m.team_id WHERE t.campaign_id = $1 ORDER BY "
                                          "m.team_id, m.username",
                                          {campaign_id}));
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (auto it = at.find(m.Int(i, 0)); it != at.end()) {
      out[it->second].members.push_back(m.TakeText(i, 1));
    }
  }
  XA_ASSIGN_OR_RETURN(auto s, conn_.Query("SELECT team_id, school_id FROM campaign_schools WHERE "
                                          "campaign_id = $1 AND team_id IS NOT NULL ORDER BY "
                                          "team_id, school_id",
                                          {campaign_id}));
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (auto it = at.find(s.Int(i, 0)); it != at.end()) {
      out[it->second].school_ids.push_back(s.Int(i, 1));
    }
  }
  return out;
}

Status SqlCampaignRepository::AssignTeam(std::int64_t campaign_id, std::int64_t school_id,
                                         std::optional<std::int64_t> team_id) {
  return Done(conn_.Exec(
      "UPDATE campaign_schools SET team_id = $3 WHERE campaign_id = $1 AND school_id = $2",
      {campaign_id, school_id, Opt(team_id)}));
}

Status SqlCampaignRepository::InsertSheet(cp::Sheet& s) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query(
          "INSERT INTO campaign_sheets (campaign_id, school_id, kind, team_id, "
          "template_id, key_place_id, filled_by, username, filled_at, note, failed, "
          "missed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
          {s.campaign_id, s.school_id, s.kind, Opt(s.team_id), s.template_id, Opt(s.key_place_id),
           s.filled_by, s.username, s.filled_at, s.note, I(s.failed), Join(s.missed)}));
  s.id = r.Int(0, 0);
  return InsertAnswers(conn_, "campaign_answers", "sheet_id", s.id, s.answers);
}

Result<std::optional<cp::Sheet>> SqlCampaignRepository::FindSheet(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kSheetSelect) + " WHERE s.id = $1", {id}));
  if (r.empty()) return std::optional<cp::Sheet>();
  auto s = ReadSheet(r, 0);
  XA_ASSIGN_OR_RETURN(auto a, conn_.Query(std::string("SELECT ") + kAnswerColumns +
                                              " FROM campaign_answers WHERE sheet_id = $1 "
                                              "ORDER BY position",
                                          {id}));
  for (std::size_t i = 0; i < a.size(); ++i) s.answers.push_back(ReadAnswer(a, i, 0));
  return std::optional<cp::Sheet>(std::move(s));
}

Result<std::vector<cp::Sheet>> SqlCampaignRepository::Sheets(std::int64_t campaign_id,
                                                             std::optional<std::int64_t> school_id,
                                                             std::optional<std::string> kind) {
  std::string where = " WHERE s.campaign_id = $1";
  sql::Params params{campaign_id};
  if (school_id) {
    params.emplace_back(*school_id);
    where += " AND s.school_id = $" + std::to_string(params.size());
  }
  if (kind) {
    params.emplace_back(*kind);
    where += " AND s.kind = $" + std::to_string(params.size());
  }
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query(std::string(kSheetSelect) + where + " ORDER BY s.id", params));
  std::vector<cp::Sheet> out;
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto s = ReadSheet(r, i);
    at[s.id] = out.size();
    out.push_back(std::move(s));
  }
  XA_ASSIGN_OR_RETURN(auto a, conn_.Query("SELECT a.sheet_id, a.item_key, a.value, a.verdict, "
                                          "a.note, a.file_ids, a.hazard_id FROM "
                                          "campaign_answers a JOIN campaign_sheets s ON s.id = "
                                          "a.sheet_id" +
                                              where + " ORDER BY a.sheet_id, a.position",
                                          params));
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto it = at.find(a.Int(i, 0));
    if (it != at.end()) out[it->second].answers.push_back(ReadAnswer(a, i, 1));
  }
  return out;
}

Status SqlCampaignRepository::SetAnswerHazard(std::int64_t sheet_id, const std::string& item_key,
                                              std::int64_t hazard_id) {
  return Done(
      conn_.Exec("UPDATE campaign_answers SET hazard_id = $3 WHERE sheet_id = $1 AND item_key = $2",
                 {sheet_id, item_key, hazard_id}));
}

Status SqlCampaignRepository::InsertMessage(cp::Message& m) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO campaign_messages (campaign_id, school_id, kind, text, "
                          "deadline, author, username, at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                          "$8) RETURNING id",
                          {m.campaign_id, m.school_id, m.kind, m.text, Opt(m.deadline), m.author,
                           m.username, m.at}));
  m.id = r.Int(0, 0);
  return {};
}

Status SqlCampaignRepository::MarkTypical(const cp::Typical& t) {
  return Done(conn_.Exec(
      "INSERT INTO campaign_typical (campaign_id, hazard_id, note, marked_by, marked_at) VALUES "
      "($1, $2, $3, $4, $5) ON CONFLICT (campaign_id, hazard_id) DO UPDATE SET note = "
      "excluded.note, marked_by = excluded.marked_by, marked_at = excluded.marked_at",
      {t.campaign_id, t.hazard_id, t.note, t.marked_by, t.marked_at}));
}

Status SqlCampaignRepository::UnmarkTypical(std::int64_t campaign_id, std::int64_t hazard_id) {
  return Done(conn_.Exec("DELETE FROM campaign_typical WHERE campaign_id = $1 AND hazard_id = $2",
                         {campaign_id, hazard_id}));
}

Result<std::vector<cp::Typical>> SqlCampaignRepository::TypicalOf(std::int64_t campaign_id) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT campaign_id, hazard_id, note, marked_by, "
                                          "marked_at FROM campaign_typical WHERE campaign_id = "
                                          "$1 ORDER BY hazard_id",
                                          {campaign_id}));
  std::vector<cp::Typical> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.TakeText(i, 2), r.TakeText(i, 3), r.TakeText(i, 4)});
  }
  return out;
}

Result<std::vector<std::int64_t>> SqlCampaignRepository::HazardIds(std::int64_t campaign_id) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("SELECT id FROM hazards WHERE campaign_id = $1 ORDER BY id", {campaign_id}));
  std::vector<std::int64_t> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(r.Int(i, 0));
  return out;
}

Result<std::vector<cp::Message>> SqlCampaignRepository::Messages(
    std::int64_t campaign_id, std::optional<std::int64_t> school_id) {
  std::string sql =
      "SELECT m.id, m.campaign_id, m.school_id, u.name, m.kind, m.text, m.deadline, m.author, "
      "m.username, m.at FROM campaign_messages m JOIN org_units u ON u.id = m.school_id WHERE "
      "m.campaign_id = $1";
  sql::Params params{campaign_id};
  if (school_id) {
    sql += " AND m.school_id = $2";
    params.emplace_back(*school_id);
  }
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(sql + " ORDER BY m.at, m.id", params));
  std::vector<cp::Message> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    cp::Message m;
    m.id = r.Int(i, 0);
    m.campaign_id = r.Int(i, 1);
    m.school_id = r.Int(i, 2);
    m.school_name = r.TakeText(i, 3);
    m.kind = r.TakeText(i, 4);
    m.text = r.TakeText(i, 5);
    m.deadline = OptText(r, i, 6);
    m.author = r.TakeText(i, 7);
    m.username = r.TakeText(i, 8);
    m.at = r.TakeText(i, 9);
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<cp::SchoolFacts>> SqlCampaignRepository::Facts(std::int64_t campaign_id) {
  XA_ASSIGN_OR_RETURN(auto t, conn_.Query("SELECT s.school_id, u.name, s.submitted_at FROM "
                                          "campaign_schools s JOIN org_units u ON u.id = "
                                          "s.school_id WHERE s.campaign_id = $1 ORDER BY "
                                          "s.school_id",
                                          {campaign_id}));
  std::vector<cp::SchoolFacts> out;
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < t.size(); ++i) {
    cp::SchoolFacts f;
    f.school_id = t.Int(i, 0);
    f.school_name = t.TakeText(i, 1);
    f.submitted_at = t.TakeText(i, 2);
    at[f.school_id] = out.size();
    out.push_back(std::move(f));
  }
  XA_ASSIGN_OR_RETURN(auto m, conn_.Query("SELECT school_id, missed FROM campaign_sheets WHERE "
                                          "campaign_id = $1 AND missed <> ''",
                                          {campaign_id}));
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (auto it = at.find(m.Int(i, 0)); it != at.end()) {
      out[it->second].missed += static_cast<int>(Split(m.Text(i, 1)).size());
    }
  }
  XA_ASSIGN_OR_RETURN(auto h, conn_.Query("SELECT school_id, source, deadline, state, closed_at "
                                          "FROM hazards WHERE campaign_id = $1 ORDER BY id",
                                          {campaign_id}));
  for (std::size_t i = 0; i < h.size(); ++i) {
    const auto it = at.find(h.Int(i, 0));
    if (it == at.end()) continue;
    cp::HazardFact fact;
    fact.source = h.TakeText(i, 1);
    fact.deadline = OptText(h, i, 2);
    if (h.Text(i, 3) == "closed") fact.closed_at = OptText(h, i, 4);
    out[it->second].hazards.push_back(std::move(fact));
  }
  return out;
}

Result<cp::Progress> SqlCampaignRepository::ProgressOf(std::int64_t campaign_id,
                                                       const domain::ScopeFilter& within) {
  // Each count over the campaign's schools within the scope: `school` names the column holding
  // the school, joined to its unit `su`.
  const auto where = [&](const std::string& campaign, const std::string& school) {
    WhereBuilder w;
    w.Add(campaign + " = ?", {campaign_id});
    if (!within.all) {
      auto [clause, values] = ScopeClause(within, "su.path");
      w.Add("EXISTS (SELECT 1 FROM org_units su WHERE su.id = " + school + " AND (" + clause + "))",
            std::move(values));
    }
    return w;
  };
  cp::Progress p;
  for (const auto& s : cp::SchoolStates()) p.schools[std::string(s.code)] = 0;
  auto w = where("campaign_id", "campaign_schools.school_id");
  XA_ASSIGN_OR_RETURN(auto s, conn_.Query("SELECT state, COUNT(*) FROM campaign_schools" + w.Sql() +
                                              " GROUP BY state",
                                          w.params()));
  for (std::size_t i = 0; i < s.size(); ++i) {
    p.schools[s.Text(i, 0)] = static_cast<int>(s.Int(i, 1));
  }
  w = where("s.campaign_id", "s.school_id");
  w.Add("a.verdict = 'fail'", {});
  XA_ASSIGN_OR_RETURN(
      auto f,
      conn_.Query("SELECT i.domain, COALESCE(k.kind, ''), COUNT(*) FROM campaign_answers "
                  "a JOIN campaign_sheets s ON s.id = a.sheet_id JOIN checklist_items i "
                  "ON i.template_id = s.template_id AND i.item_key = a.item_key LEFT "
                  "JOIN school_key_places k ON k.id = s.key_place_id" +
                      w.Sql() + " GROUP BY i.domain, COALESCE(k.kind, '') ORDER BY 3 DESC, 1, 2",
                  w.params()));
  for (std::size_t i = 0; i < f.size(); ++i) {
    p.failed.push_back({f.TakeText(i, 0), f.TakeText(i, 1), static_cast<int>(f.Int(i, 2))});
  }
  w = where("campaign_id", "hazards.school_id");
  XA_ASSIGN_OR_RETURN(auto h, conn_.Query("SELECT COUNT(*), COALESCE(SUM(CASE WHEN state = "
                                          "'closed' THEN 1 ELSE 0 END), 0) FROM hazards" +
                                              w.Sql(),
                                          w.params()));
  p.hazards_closed = static_cast<int>(h.Int(0, 1));
  p.hazards_open = static_cast<int>(h.Int(0, 0)) - p.hazards_closed;
  w = where("campaign_id", "campaign_sheets.school_id");
  w.Add("missed <> ''", {});
  XA_ASSIGN_OR_RETURN(auto m,
                      conn_.Query("SELECT missed FROM campaign_sheets" + w.Sql(), w.params()));
  for (std::size_t i = 0; i < m.size(); ++i) {
    p.missed += static_cast<int>(Split(m.Text(i, 0)).size());
  }
  return p;
}

Result<bool> SqlCampaignRepository::Reaches(std::int64_t campaign_id,
                                            const domain::ScopeFilter& scope) {
  WhereBuilder w;
  w.Add("s.campaign_id = ?", {campaign_id});
  AddScope(w, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT 1 FROM campaign_schools s JOIN org_units u ON "
                                          "u.id = s.school_id" +
                                              w.Sql() + " LIMIT 1",
                                          w.params()));
  return r.size() > 0;
}

}  // namespace xiaoan::storage
