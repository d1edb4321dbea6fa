#include "storage/repos/hazard_repository.hpp"

#include <unordered_map>

#include "storage/repos/platform_repository.hpp"
#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {
namespace {

using domain::StoredFile;
using domain::hazard::EscalationRecord;
using domain::hazard::Hazard;
using domain::hazard::HazardEvent;
using domain::hazard::SelfInspection;

constexpr const char* kHazardSelect =
    "SELECT h.id, h.school_id, h.building_id, h.key_place_id, h.place, h.domain, h.level, "
    "h.title, h.description, h.found_at, h.found_by, h.source, h.campaign_id, h.responsible, "
    "h.owner, h.deadline, h.deadline_reason, h.interim_measures, h.five_measures, "
    "h.five_responsible, h.five_funds, h.five_deadline, h.five_plan, h.state, h.rectifier, "
    "h.rework_count, h.reopen_count, h.supervised, h.created_at, h.updated_at, h.closed_at, "
    "u.name, u.path, h.origin_type, h.origin_id FROM hazards h JOIN org_units u ON u.id = "
    "h.school_id";

// A hazard is open until closed. Written this way (not as a list of the open states), the
// partial index hazards_open_school_deadline (school, deadline; open hazards only) applies.
constexpr const char* kOpen = "h.state <> 'closed'";

// Each cell is read once: text cells are moved out of the result.
Hazard ReadHazard(sql::Rows& r, std::size_t i) {
  Hazard h;
  h.id = r.Int(i, 0);
  h.school_id = r.Int(i, 1);
  h.building_id = OptInt(r, i, 2);
  h.key_place_id = OptInt(r, i, 3);
  h.place = r.TakeText(i, 4);
  h.domain = r.TakeText(i, 5);
  h.level = r.TakeText(i, 6);
  h.title = r.TakeText(i, 7);
  h.description = r.TakeText(i, 8);
  h.found_at = r.TakeText(i, 9);
  h.found_by = r.TakeText(i, 10);
  h.source = r.TakeText(i, 11);
  h.campaign_id = OptInt(r, i, 12);
  h.responsible = r.TakeText(i, 13);
  h.owner = r.TakeText(i, 14);
  h.deadline = OptText(r, i, 15);
  h.deadline_reason = r.TakeText(i, 16);
  h.interim_measures = r.TakeText(i, 17);
  h.five = {r.TakeText(i, 18), r.TakeText(i, 19), r.TakeText(i, 20), r.TakeText(i, 21),
            r.TakeText(i, 22)};
  h.state = domain::hazard::StateFromCode(r.Text(i, 23)).value_or(domain::hazard::State::kReported);
  h.rectifier = r.TakeText(i, 24);
  h.rework_count = static_cast<int>(r.Int(i, 25));
  h.reopen_count = static_cast<int>(r.Int(i, 26));
  h.supervised = r.Int(i, 27) != 0;
  h.created_at = r.TakeText(i, 28);
  h.updated_at = r.TakeText(i, 29);
  h.closed_at = OptText(r, i, 30);
  h.school_name = r.TakeText(i, 31);
  h.school_path = r.TakeText(i, 32);
  h.origin_type = OptText(r, i, 33);
  h.origin_id = OptInt(r, i, 34);
  return h;
}

sql::Params MutableFields(const Hazard& h) {
  return {Opt(h.building_id),
          Opt(h.key_place_id),
          h.place,
          h.domain,
          h.level,
          h.title,
          h.description,
          h.responsible,
          h.owner,
          Opt(h.deadline),
          h.deadline_reason,
          h.interim_measures,
          h.five.measures,
          h.five.responsible,
          h.five.funds,
          h.five.deadline,
          h.five.contingency_plan,
          std::string(domain::hazard::StateCode(h.state)),
          h.rectifier,
          std::int64_t{h.rework_count},
          std::int64_t{h.reopen_count},
          std::int64_t{h.supervised ? 1 : 0},
          h.updated_at,
          Opt(h.closed_at)};
}

// A hazard's files come through its link table (with the step each came with).
constexpr const char* kFileFrom = " FROM files f JOIN hazard_files hf ON hf.file_id = f.id";

// The filter's fields that hazard_unit_counts counts by (domain, level, states, source,
// supervision), on the table aliased `alias` (hazards or the counts).
void AddCountedFields(WhereBuilder& where, const domain::hazard::HazardFilter& f,
                      const std::string& alias) {
  if (f.domain) where.Add(alias + ".domain = ?", {*f.domain});
  if (f.level) where.Add(alias + ".level = ?", {*f.level});
  if (!f.states.empty()) {
    where.Add(alias + ".state IN (" + Placeholders(f.states.size()) + ")",
              {f.states.begin(), f.states.end()});
  }
  if (f.source) where.Add(alias + ".source = ?", {*f.source});
  if (f.supervised) where.Add(alias + ".supervised = ?", {std::int64_t{*f.supervised ? 1 : 0}});
}

// The ledger's total for a filter: from hazard_unit_counts (a few hundred rows per unit) when
// the filter only names what it counts by, else by counting the matching hazards.
Result<std::int64_t> CountListed(sql::Connection& conn, const domain::hazard::HazardFilter& f,
                                 const domain::ScopeFilter& scope, WhereBuilder& rows_where) {
  const bool by_counts = !f.cluster_id && !f.overdue_before && !f.found_from && !f.found_to &&
                         f.q.empty() && !f.involving;
  if (!by_counts) {
    XA_ASSIGN_OR_RETURN(
        auto r, conn.Query("SELECT COUNT(*) FROM hazards h JOIN org_units u ON u.id = h.school_id" +
                               rows_where.Sql(),
                           rows_where.params()));
    return r.Int(0, 0);
  }
  WhereBuilder where;
  AddCountUnits(where, scope, f.school_id, "c.unit_id");
  AddCountedFields(where, f, "c");
  XA_ASSIGN_OR_RETURN(
      auto r, conn.Query("SELECT COALESCE(SUM(c.n), 0) FROM hazard_unit_counts c" + where.Sql(),
                         where.params()));
  return r.Int(0, 0);
}

// The ledger's filters and the caller's scope, for the list, its ids and its count.
WhereBuilder ListWhere(const domain::hazard::HazardFilter& f, const domain::ScopeFilter& scope) {
  WhereBuilder where;
  if (f.school_id) where.Add("h.school_id = ?", {*f.school_id});
  if (f.cluster_id) {
    where.Add("h.school_id IN (SELECT unit_id FROM schools WHERE cluster_id = ?)", {*f.cluster_id});
  }
  AddCountedFields(where, f, "h");
  if (f.overdue_before) {
    where.Add(std::string(kOpen) + " AND h.deadline IS NOT NULL AND h.deadline < ?",
              {*f.overdue_before});
  }
  if (f.found_from) where.Add("h.found_at >= ?", {*f.found_from});
  if (f.found_to) where.Add("h.found_at < ?", {*f.found_to});
  if (!f.q.empty()) {
    const std::string like = LikeContains(f.q);
    where.Add("h.title LIKE ? ESCAPE '\\' OR h.description LIKE ? ESCAPE '\\'", {like, like});
  }
  if (f.involving) {
    where.Add("h.found_by = ? OR h.owner = ? OR h.rectifier = ?",
              {*f.involving, *f.involving, *f.involving});
  }
  AddScope(where, scope, "u.path");
  return where;
}

std::string ListOrder(const std::string& sort) {
  return OrderBy(sort,
                 {{"found_at", "h.found_at"},
                  {"deadline", "h.deadline"},
                  {"level", "h.level"},
                  {"state", "h.state"},
                  {"school", "u.name"},
                  {"updated_at", "h.updated_at"}},
                 "h.found_at DESC", "h.id DESC");
}

}  // namespace

Status SqlHazardRepository::Insert(Hazard& h) {
  sql::Params params = {h.school_id,        h.found_at,   h.found_by,         h.source,
                        Opt(h.campaign_id), h.created_at, Opt(h.origin_type), Opt(h.origin_id)};
  auto rest = MutableFields(h);
  params.insert(params.end(), rest.begin(), rest.end());
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query(
          "INSERT INTO hazards (school_id, found_at, found_by, source, campaign_id, created_at, "
          "origin_type, origin_id, building_id, key_place_id, place, domain, level, title, "
          "description, responsible, "
          "owner, deadline, deadline_reason, interim_measures, five_measures, five_responsible, "
          "five_funds, five_deadline, five_plan, state, rectifier, rework_count, reopen_count, "
          "supervised, updated_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
          "$11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, "
          "$28, $29, $30, $31, $32) RETURNING id",
          params));
  h.id = r.Int(0, 0);
  return {};
}

Status SqlHazardRepository::Update(const Hazard& h) {
  sql::Params params = {h.id};
  auto rest = MutableFields(h);
  params.insert(params.end(), rest.begin(), rest.end());
  return Done(conn_.Exec(
      "UPDATE hazards SET building_id = $2, key_place_id = $3, place = $4, domain = $5, "
      "level = $6, title = $7, description = $8, responsible = $9, owner = $10, deadline = $11, "
      "deadline_reason = $12, interim_measures = $13, five_measures = $14, "
      "five_responsible = $15, five_funds = $16, five_deadline = $17, five_plan = $18, "
      "state = $19, rectifier = $20, rework_count = $21, reopen_count = $22, supervised = $23, "
      "updated_at = $24, closed_at = $25 WHERE id = $1",
      params));
}

Result<std::optional<Hazard>> SqlHazardRepository::Find(std::int64_t id,
                                                        const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("h.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(kHazardSelect + where.Sql(), where.params()));
  if (r.empty()) return std::optional<Hazard>();
  return std::optional<Hazard>(ReadHazard(r, 0));
}

Result<domain::PageResult<Hazard>> SqlHazardRepository::List(const domain::hazard::HazardFilter& f,
                                                             const domain::ScopeFilter& scope,
                                                             const domain::PageRequest& page) {
  WhereBuilder where = ListWhere(f, scope);
  XA_ASSIGN_OR_RETURN(auto total, CountListed(conn_, f, scope, where));
  std::string sql = kHazardSelect + where.Sql() + ListOrder(page.sort);
  sql::Params params = where.params();
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<Hazard> out;
  out.total = total;
  out.items.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadHazard(rows, i));
  return out;
}

Result<std::vector<std::int64_t>> SqlHazardRepository::ListIds(
    const domain::hazard::HazardFilter& f, const domain::ScopeFilter& scope,
    const std::string& sort) {
  WhereBuilder where = ListWhere(f, scope);
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT h.id FROM hazards h JOIN org_units u ON u.id = h.school_id" +
                              where.Sql() + ListOrder(sort),
                          where.params()));
  std::vector<std::int64_t> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(r.Int(i, 0));
  return out;
}

Result<std::vector<Hazard>> SqlHazardRepository::FindMany(const std::vector<std::int64_t>& ids) {
  std::vector<Hazard> out;
  if (ids.empty()) return out;
  WhereBuilder where;
  where.Add("h.id IN (" + Placeholders(ids.size()) + ")", {ids.begin(), ids.end()});
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(kHazardSelect + where.Sql(), where.params()));
  std::unordered_map<std::int64_t, std::size_t> row_of;
  for (std::size_t i = 0; i < r.size(); ++i) row_of.emplace(r.Int(i, 0), i);
  out.reserve(r.size());
  for (auto id : ids) {
    if (auto it = row_of.find(id); it != row_of.end()) out.push_back(ReadHazard(r, it->second));
  }
  return out;
}

Result<std::vector<StoredFile>> SqlHazardRepository::FilesOfMany(
    const std::vector<std::int64_t>& ids) {
  std::vector<StoredFile> out;
  if (ids.empty()) return out;
  WhereBuilder where;
  where.Add("hf.hazard_id IN (" + Placeholders(ids.size()) + ")", {ids.begin(), ids.end()});
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string("SELECT ") + kStoredFileColumns + kFileFrom +
                                              where.Sql() + " ORDER BY f.id",
                                          where.params()));
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ReadStoredFile(r, i));
  return out;
}

Result<std::vector<std::int64_t>> SqlHazardRepository::OpenIds() {
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query("SELECT id FROM hazards WHERE state <> 'closed' ORDER BY id"));
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(r.Int(i, 0));
  return out;
}

Status SqlHazardRepository::InsertEvent(HazardEvent& e) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO hazard_events (hazard_id, at, actor, action, from_state, "
                          "to_state, note, signature_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                          "RETURNING id",
                          {e.hazard_id, e.at, e.actor, e.action, e.from_state, e.to_state, e.note,
                           Opt(e.signature_id)}));
  e.id = r.Int(0, 0);
  return {};
}

Result<domain::hazard::HazardTimeline> SqlHazardRepository::Timeline(std::int64_t hazard_id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT id, hazard_id, at, actor, action, from_state, to_state, note, "
                          "signature_id FROM hazard_events WHERE hazard_id = $1 ORDER BY id",
                          {hazard_id}));
  // The hazard's files with the event each came with: one query for both parts of the page.
  XA_ASSIGN_OR_RETURN(auto files,
                      conn_.Query(std::string("SELECT ") + kStoredFileColumns + ", hf.event_id" +
                                      kFileFrom + " WHERE hf.hazard_id = $1 ORDER BY f.id",
                                  {hazard_id}));
  domain::hazard::HazardTimeline out;
  out.events.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.events.push_back({r.Int(i, 0),
                          r.Int(i, 1),
                          r.Text(i, 2),
                          r.Text(i, 3),
                          r.Text(i, 4),
                          r.Text(i, 5),
                          r.Text(i, 6),
                          r.Text(i, 7),
                          OptInt(r, i, 8),
                          {}});
  }
  out.files.reserve(files.size());
  for (std::size_t j = 0; j < files.size(); ++j) {
    out.files.push_back(ReadStoredFile(files, j));
    if (files.Null(j, kStoredFileColumnCount)) continue;
    const std::int64_t event_id = files.Int(j, kStoredFileColumnCount);
    for (auto& e : out.events) {
      if (e.id == event_id) e.file_ids.push_back(out.files.back().id);
    }
  }
  return out;
}

Status SqlHazardRepository::AttachFile(std::int64_t file_id, std::int64_t hazard_id,
                                       std::int64_t event_id) {
  return Done(
      conn_.Exec("INSERT INTO hazard_files (file_id, hazard_id, event_id) VALUES ($1, $2, $3)",
                 {file_id, hazard_id, event_id}));
}

Result<std::vector<EscalationRecord>> SqlHazardRepository::Escalations(std::int64_t hazard_id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT id, hazard_id, rule, target, supervision, reason, fired_at, "
                          "rule_version FROM hazard_escalations WHERE hazard_id = $1 ORDER BY id",
                          {hazard_id}));
  std::vector<EscalationRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Text(i, 3), r.Int(i, 4) != 0,
                   r.Text(i, 5), r.Text(i, 6), static_cast<int>(r.Int(i, 7))});
  }
  return out;
}

Status SqlHazardRepository::InsertEscalation(EscalationRecord& e) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO hazard_escalations (hazard_id, rule, target, supervision, reason, "
                  "fired_at, rule_version) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                  {e.hazard_id, e.rule, e.target, std::int64_t{e.supervision ? 1 : 0}, e.reason,
                   e.fired_at, std::int64_t{e.rule_version}}));
  e.id = r.Int(0, 0);
  return {};
}

Status SqlHazardRepository::InsertSelfInspection(SelfInspection& s) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO self_inspections (school_id, key_place_id, domain, passed, "
                  "checked_at, checked_by, campaign_id, note) VALUES ($1, $2, $3, $4, $5, $6, "
                  "$7, $8) RETURNING id",
                  {s.school_id, Opt(s.key_place_id), s.domain, std::int64_t{s.passed ? 1 : 0},
                   s.checked_at, s.checked_by, Opt(s.campaign_id), s.note}));
  s.id = r.Int(0, 0);
  return {};
}

Result<std::vector<SelfInspection>> SqlHazardRepository::PassedSelfInspections(
    std::int64_t school_id, const std::string& domain, const std::string& since,
    std::optional<std::int64_t> campaign_id) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT id, school_id, key_place_id, domain, passed, checked_at, "
                          "checked_by, campaign_id, note FROM self_inspections WHERE school_id = "
                          "$1 AND domain = $4 AND passed = 1 AND (checked_at >= $2 OR "
                          "campaign_id = $3) ORDER BY id",
                          {school_id, since, Opt(campaign_id), domain}));
  std::vector<SelfInspection> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), OptInt(r, i, 2), r.Text(i, 3), r.Int(i, 4) != 0,
                   r.Text(i, 5), r.Text(i, 6), OptInt(r, i, 7), r.Text(i, 8)});
  }
  return out;
}

Result<std::vector<Hazard>> SqlHazardRepository::ClosedSince(std::int64_t school_id,
                                                             const std::string& domain,
                                                             const std::string& since) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kHazardSelect) +
                                              " WHERE h.school_id = $1 AND h.state = 'closed' "
                                              "AND h.domain = $3 AND h.closed_at >= $2 "
                                              "ORDER BY h.id",
                                          {school_id, since, domain}));
  std::vector<Hazard> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ReadHazard(r, i));
  return out;
}

Result<std::vector<domain::hazard::OpenTotal>> SqlHazardRepository::OpenTotals(
    const domain::ScopeFilter& scope, std::optional<std::int64_t> school_id) {
  WhereBuilder where;
  AddCountUnits(where, scope, school_id, "c.unit_id");
  where.Add("c.state <> 'closed'", {});
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query("SELECT c.level, c.domain, c.supervised, SUM(c.n) FROM "
                                  "hazard_unit_counts c" +
                                      where.Sql() + " GROUP BY c.level, c.domain, c.supervised",
                                  where.params()));
  std::vector<domain::hazard::OpenTotal> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Text(i, 0), r.Text(i, 1), r.Int(i, 2) != 0, r.Int(i, 3)});
  }
  return out;
}

Result<std::vector<domain::hazard::SchoolOpen>> SqlHazardRepository::OpenSchools(
    const domain::ScopeFilter& scope, std::optional<std::int64_t> school_id,
    const std::string& today) {
  // Open figures come from hazard_school_open; the overdue ones are counted per school from the
  // partial index hazards_open_school_deadline (school, deadline; open hazards only).
  WhereBuilder where(1);
  where.Add("o.open > 0", {});
  if (school_id) where.Add("o.school_id = ?", {*school_id});
  AddScope(where, scope, "u.path");
  sql::Params params = {today};
  for (auto& p : where.params()) params.push_back(std::move(p));
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT o.school_id, u.name, o.open, o.open_major, o.supervised, "
                          "(SELECT COUNT(*) FROM hazards h WHERE " +
                              std::string(kOpen) +
                              " AND h.school_id = o.school_id AND h.deadline < $1) FROM "
                              "hazard_school_open o JOIN org_units u ON u.id = o.school_id" +
                              where.Sql() + " ORDER BY o.school_id",
                          params));
  std::vector<domain::hazard::SchoolOpen> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    domain::hazard::SchoolOpen s;
    s.school_id = r.Int(i, 0);
    s.school_name = r.Text(i, 1);
    s.open = r.Int(i, 2);
    s.open_major = r.Int(i, 3);
    s.supervised = r.Int(i, 4);
    s.overdue = r.Int(i, 5);
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<domain::hazard::MonthStat>> SqlHazardRepository::MonthStats(
    const domain::ScopeFilter& scope, std::optional<std::int64_t> school_id,
    const std::string& since_month) {
  // The months of the scope's top units (or the school), each counting its whole subtree.
  WhereBuilder where;
  AddCountUnits(where, scope, school_id, "s.unit_id");
  where.Add("s.month >= ?", {since_month});
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT s.month, SUM(s.found), SUM(s.found_closed), SUM(s.closed), "
                          "SUM(s.close_days) FROM hazard_unit_months s" +
                              where.Sql() + " GROUP BY s.month ORDER BY s.month",
                          where.params()));
  std::vector<domain::hazard::MonthStat> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Text(i, 0), r.Int(i, 1), r.Int(i, 2), r.Int(i, 3), r.Double(i, 4)});
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> SqlHazardRepository::RuleSettings() {
  if (cache_ != nullptr) {
    if (auto cached = cache_->Find(epoch_)) return std::move(*cached);
  }
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query("SELECT key, value FROM hazard_rule_settings ORDER BY key"));
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.emplace_back(r.Text(i, 0), r.Text(i, 1));
  if (cache_ != nullptr) cache_->Put(epoch_, out);
  return out;
}

Status SqlHazardRepository::ReplaceRuleSettings(
    const std::vector<std::pair<std::string, std::string>>& settings, const std::string& at,
    const std::string& by) {
  // Moves the store's access epoch on commit: cached settings are read again.
  if (access_changed_ != nullptr) *access_changed_ = true;
  XA_TRY(Done(conn_.Exec("DELETE FROM hazard_rule_settings")));
  for (const auto& [key, value] : settings) {
    XA_TRY(Done(conn_.Exec(
        "INSERT INTO hazard_rule_settings (key, value, updated_at, updated_by) VALUES ($1, $2, "
        "$3, $4)",
        {key, value, at, by})));
  }
  return {};
}

}  // namespace xiaoan::storage
