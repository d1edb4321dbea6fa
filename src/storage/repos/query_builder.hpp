#pragma once
// Builds WHERE clauses from fixed fragments with bound parameters: filters never splice values
// into SQL text, and sort fields come from an allow-list.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/store.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class WhereBuilder {
 public:
  // offset: parameters the caller already numbered ($1..$offset) before this clause's.
  explicit WhereBuilder(std::size_t offset = 0) : offset_(offset) {}
  // fragment uses "?" where the next parameter goes, e.g. "u.kind = ?".
  void Add(std::string_view fragment, std::vector<sql::Value> values);
  std::string Sql() const { return clauses_.empty() ? std::string() : " WHERE " + where_; }
  sql::Params& params() { return params_; }

 private:
  std::size_t offset_ = 0;
  std::string where_;
  std::vector<std::string> clauses_;
  sql::Params params_;
};

// Restricts column (a unit path) to the scope: exact paths, or subtrees by prefix.
void AddScope(WhereBuilder& where, const domain::ScopeFilter& scope, const std::string& column);
// The same condition as a fragment with "?" and its values, to combine with others in
// parentheses ("1 = 1" for a scope of everything).
std::pair<std::string, std::vector<sql::Value>> ScopeClause(const domain::ScopeFilter& scope,
                                                            const std::string& column);

// Restricts column (the unit_id of a table counted per unit for the whole subtree below it, like
// hazard_unit_counts) to the units whose rows sum to the scope, or to one school in the scope.
// Exact scopes count only the schools among their units (nothing sits below a school).
void AddCountUnits(WhereBuilder& where, const domain::ScopeFilter& scope,
                   std::optional<std::int64_t> school_id, const std::string& column);

// "?, ?, ?" for an IN list of n values (n > 0).
std::string Placeholders(std::size_t n);

// '%text%' with LIKE wildcards escaped (use with ESCAPE '\').
std::string LikeContains(std::string_view text);

struct SortField {
  std::string_view name;
  std::string_view column;
};
// Returns "ORDER BY column [DESC], tiebreak" for an allow-listed name, or the default.
std::string OrderBy(const std::string& sort, const std::vector<SortField>& allowed,
                    std::string_view default_order, std::string_view tiebreak);

// Appends "LIMIT $n OFFSET $m" for the page and binds both.
void Paginate(const domain::PageRequest& page, std::string& sql, sql::Params& params);

// Optional values as NULL-able parameters, and NULL-able columns as optionals.
sql::Value Opt(const std::optional<std::string>& v);
sql::Value Opt(const std::optional<std::int64_t>& v);
std::optional<std::string> OptText(const sql::Rows& r, std::size_t row, std::size_t col);
std::optional<std::int64_t> OptInt(const sql::Rows& r, std::size_t row, std::size_t col);

// The status of an Exec whose row count does not matter.
Status Done(const Result<std::int64_t>& r);

}  // namespace xiaoan::storage
