#include "storage/repos/rule_repository.hpp"

#include "core/strings.hpp"
#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace rules = domain::rules;

namespace {

// "key=value,…" back into values; a malformed part is skipped (the text is written by
// FormatParams only).
rules::ParamValues ParseParams(const std::string& text) {
  rules::ParamValues out;
  for (const auto& part : Split(text, ',')) {
    const auto eq = part.find('=');
    if (eq == std::string::npos) continue;
    if (const auto v = ParseInt(std::string_view(part).substr(eq + 1))) {
      out[part.substr(0, eq)] = static_cast<int>(*v);
    }
  }
  return out;
}

std::string FormatIds(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (const auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::int64_t> ParseIds(const std::string& text) {
  std::vector<std::int64_t> out;
  for (const auto& part : Split(text, ',')) {
    if (const auto v = ParseInt(part)) out.push_back(*v);
  }
  return out;
}

rules::ParamSet ReadSet(sql::Rows& r, std::size_t i) {
  rules::ParamSet s;
  s.unit_id = r.Int(i, 0);
  s.rule_id = r.TakeText(i, 1);
  s.version = static_cast<int>(r.Int(i, 2));
  s.values = ParseParams(r.Text(i, 3));
  s.note = r.TakeText(i, 4);
  s.changed_by = r.TakeText(i, 5);
  s.changed_at = r.TakeText(i, 6);
  return s;
}

constexpr const char* kSetColumns =
    "p.unit_id, p.rule_id, p.version, p.params, p.note, p.changed_by, p.changed_at";

// "column IN ($n, …)" with the values bound.
template <typename T>
void AddIn(WhereBuilder& where, const std::string& column, const std::vector<T>& values) {
  std::vector<sql::Value> bound(values.begin(), values.end());
  where.Add(column + " IN (" + Placeholders(values.size()) + ")", std::move(bound));
}

// The subject type (school, drill …) told apart without an index: it has two or three values, and
// an index led by rule and subject type would otherwise win over the one by rule, period and
// outcome, so a board's "failed this year" read every finding of its rules instead of a few.
constexpr const char* kSubjectType = "f.subject_type || '' = ?";

constexpr const char* kFindingSelect =
    "SELECT f.id, f.rule_id, f.rule_version, f.params_version, f.params_unit_id, f.params, "
    "f.subject_type, f.subject_id, f.unit_id, u.name, f.period_key, f.period_label, "
    "f.period_first, f.period_last, f.so_far, f.outcome, f.reason, f.evidence, f.evaluated_at "
    "FROM rule_findings f JOIN org_units u ON u.id = f.unit_id";

rules::Finding ReadFinding(sql::Rows& r, std::size_t i) {
  rules::Finding f;
  f.id = r.Int(i, 0);
  f.rule_id = r.TakeText(i, 1);
  f.rule_version = static_cast<int>(r.Int(i, 2));
  f.params_version = static_cast<int>(r.Int(i, 3));
  f.params_unit_id = r.Int(i, 4);
  f.params = r.TakeText(i, 5);
  f.subject_type = r.TakeText(i, 6);
  f.subject_id = r.Int(i, 7);
  f.unit_id = r.Int(i, 8);
  f.unit_name = r.TakeText(i, 9);
  f.period_key = r.TakeText(i, 10);
  f.period_label = r.TakeText(i, 11);
  f.period_first = r.TakeText(i, 12);
  f.period_last = r.TakeText(i, 13);
  f.so_far = r.Int(i, 14) != 0;
  f.outcome = rules::ParseOutcome(r.Text(i, 15)).value_or(rules::Outcome::kNotApplicable);
  f.reason = r.TakeText(i, 16);
  f.evidence = ParseIds(r.Text(i, 17));
  f.evaluated_at = r.TakeText(i, 18);
  return f;
}

}  // namespace

Result<std::vector<rules::ParamSet>> SqlRuleRepository::ParamSetsOf(
    const std::string& rule_id, const std::vector<std::int64_t>& units) {
  if (units.empty()) return std::vector<rules::ParamSet>{};
  WhereBuilder where;
  where.Add("p.rule_id = ?", {rule_id});
  AddIn(where, "p.unit_id", units);
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query(std::string("SELECT ") + kSetColumns + " FROM rule_parameters p" +
                                      where.Sql() + " ORDER BY p.changed_at, p.unit_id, p.version",
                                  where.params()));
  std::vector<rules::ParamSet> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ReadSet(r, i));
  return out;
}

Result<std::vector<rules::ParamSet>> SqlRuleRepository::LatestParamSets(
    const std::vector<std::string>& rule_ids, const std::vector<std::int64_t>& units) {
  if (units.empty() || rule_ids.empty()) return std::vector<rules::ParamSet>{};
  WhereBuilder where;
  AddIn(where, "p.rule_id", rule_ids);
  AddIn(where, "p.unit_id", units);
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query(std::string("SELECT ") + kSetColumns + " FROM rule_parameters p" + where.Sql() +
                      " AND p.version = (SELECT MAX(q.version) FROM rule_parameters q "
                      "WHERE q.unit_id = p.unit_id AND q.rule_id = p.rule_id) "
                      "ORDER BY p.rule_id, p.unit_id",
                  where.params()));
  std::vector<rules::ParamSet> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ReadSet(r, i));
  return out;
}

Status SqlRuleRepository::InsertParamSet(const rules::ParamSet& s) {
  return Done(conn_.Exec(
      "INSERT INTO rule_parameters (unit_id, rule_id, version, params, note, changed_by, "
      "changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {s.unit_id, s.rule_id, std::int64_t{s.version}, rules::FormatParams(s.values), s.note,
       s.changed_by, s.changed_at}));
}

Status SqlRuleRepository::SaveFinding(const rules::Finding& f) {
  return Done(conn_.Exec(
      "INSERT INTO rule_findings (rule_id, rule_version, params_version, params_unit_id, params, "
      "subject_type, subject_id, unit_id, period_key, period_label, period_first, period_last, "
      "so_far, outcome, reason, evidence, evaluated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
      "$9, $10, $11, $12, $13, $14, $15, $16, $17) "
      "ON CONFLICT (rule_id, subject_type, subject_id, period_key) DO UPDATE SET "
      "rule_version = excluded.rule_version, params_version = excluded.params_version, "
      "params_unit_id = excluded.params_unit_id, params = excluded.params, "
      "unit_id = excluded.unit_id, period_label = excluded.period_label, "
      "period_first = excluded.period_first, period_last = excluded.period_last, "
      "so_far = excluded.so_far, outcome = excluded.outcome, reason = excluded.reason, "
      "evidence = excluded.evidence, evaluated_at = excluded.evaluated_at",
      {f.rule_id, std::int64_t{f.rule_version}, std::int64_t{f.params_version}, f.params_unit_id,
       f.params, f.subject_type, f.subject_id, f.unit_id, f.period_key, f.period_label,
       f.period_first, f.period_last, std::int64_t{f.so_far ? 1 : 0},
       std::string(rules::OutcomeCode(f.outcome)), f.reason, FormatIds(f.evidence),
       f.evaluated_at}));
}

Result<bool> SqlRuleRepository::MarkNotice(const std::string& rule_id,
                                           const std::string& subject_type, std::int64_t subject_id,
                                           const std::string& period_key, const std::string& notice,
                                           const std::string& at) {
  XA_ASSIGN_OR_RETURN(
      auto n, conn_.Exec("INSERT INTO rule_notices (rule_id, subject_type, subject_id, period_key, "
                         "notice, sent_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                         {rule_id, subject_type, subject_id, period_key, notice, at}));
  return n > 0;
}

Status SqlRuleRepository::RemoveFindings(const std::string& subject_type, std::int64_t subject_id) {
  return Done(conn_.Exec("DELETE FROM rule_findings WHERE subject_type = $1 AND subject_id = $2",
                         {subject_type, subject_id}));
}

Result<domain::PageResult<rules::Finding>> SqlRuleRepository::ListFindings(
    const rules::FindingFilter& f, const domain::ScopeFilter& scope,
    const domain::PageRequest& page) {
  WhereBuilder where;
  if (!f.rules.empty()) AddIn(where, "f.rule_id", f.rules);
  if (f.unit_id) where.Add("f.unit_id = ?", {*f.unit_id});
  if (!f.outcomes.empty()) {
    std::vector<std::string> codes;
    for (const auto o : f.outcomes) codes.emplace_back(rules::OutcomeCode(o));
    AddIn(where, "f.outcome", codes);
  }
  if (!f.period_keys.empty()) AddIn(where, "f.period_key", f.period_keys);
  if (f.subject_type) where.Add(kSubjectType, {*f.subject_type});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query(
          "SELECT COUNT(*) FROM rule_findings f JOIN org_units u ON u.id = f.unit_id" + where.Sql(),
          where.params()));
  std::string sql = kFindingSelect + where.Sql() +
                    OrderBy(page.sort,
                            {{"period", "f.period_last"},
                             {"school", "u.name"},
                             {"rule", "f.rule_id"},
                             {"evaluated_at", "f.evaluated_at"}},
                            "f.period_last DESC, u.name, f.rule_id", "f.id DESC");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<rules::Finding> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadFinding(rows, i));
  return out;
}

Result<std::int64_t> SqlRuleRepository::CountSchoolsWith(
    const std::vector<std::string>& rule_ids, const std::vector<std::string>& periods,
    const std::vector<rules::Outcome>& outcomes, const domain::ScopeFilter& scope) {
  if (rule_ids.empty() || periods.empty() || outcomes.empty()) return std::int64_t{0};
  WhereBuilder where;
  where.Add(kSubjectType, {std::string("school")});
  AddIn(where, "f.rule_id", rule_ids);
  AddIn(where, "f.period_key", periods);
  std::vector<std::string> codes;
  for (const auto o : outcomes) codes.emplace_back(rules::OutcomeCode(o));
  AddIn(where, "f.outcome", codes);
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT COUNT(DISTINCT f.unit_id) FROM rule_findings f "
                                          "JOIN org_units u ON u.id = f.unit_id" +
                                              where.Sql(),
                                          where.params()));
  return r.Int(0, 0);
}

Result<std::vector<rules::FindingCount>> SqlRuleRepository::CountFindings(
    const std::vector<std::string>& rule_ids, const std::vector<std::string>& periods,
    const domain::ScopeFilter& scope) {
  if (rule_ids.empty() || periods.empty()) return std::vector<rules::FindingCount>{};
  WhereBuilder where;
  where.Add(kSubjectType, {std::string("school")});
  AddIn(where, "f.rule_id", rule_ids);
  AddIn(where, "f.period_key", periods);
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT f.rule_id, f.period_key, f.outcome, COUNT(*) FROM rule_findings "
                          "f JOIN org_units u ON u.id = f.unit_id" +
                              where.Sql() + " GROUP BY f.rule_id, f.period_key, f.outcome",
                          where.params()));
  std::vector<rules::FindingCount> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.TakeText(i, 0), r.TakeText(i, 1),
                   rules::ParseOutcome(r.Text(i, 2)).value_or(rules::Outcome::kNotApplicable),
                   r.Int(i, 3)});
  }
  return out;
}

}  // namespace xiaoan::storage
