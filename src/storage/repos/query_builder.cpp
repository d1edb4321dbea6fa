#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

void WhereBuilder::Add(std::string_view fragment, std::vector<sql::Value> values) {
  std::string clause;
  std::size_t v = 0;
  for (char c : fragment) {
    if (c == '?') {
      params_.push_back(v < values.size() ? values[v] : sql::Value{sql::Null{}});
      ++v;
      // Appended piecewise: GCC 12 reports a false -Wrestrict for "$" + std::to_string(…).
      clause += '$';
      clause += std::to_string(offset_ + params_.size());
    } else {
      clause += c;
    }
  }
  if (!where_.empty()) where_ += " AND ";
  where_ += "(" + clause + ")";
  clauses_.push_back(std::move(clause));
}

void AddScope(WhereBuilder& where, const domain::ScopeFilter& scope, const std::string& column) {
  if (scope.all) return;
  auto [clause, values] = ScopeClause(scope, column);
  where.Add(clause, std::move(values));
}

std::pair<std::string, std::vector<sql::Value>> ScopeClause(const domain::ScopeFilter& scope,
                                                            const std::string& column) {
  if (scope.all) return {"1 = 1", {}};
  if (scope.paths.empty()) return {"1 = 0", {}};
  std::string clause;
  std::vector<sql::Value> values;
  // A subtree is a path prefix, compared as a substring rather than with LIKE: SQLite prepares a
  // statement again every time a LIKE pattern parameter is bound, and the scope is part of
  // nearly every query.
  for (const auto& p : scope.paths) {
    if (!clause.empty()) clause += " OR ";
    if (scope.exact) {
      clause += column + " = ?";
      values.emplace_back(p);
    } else {
      clause += "substr(" + column + ", 1, length(?)) = ?";
      values.emplace_back(p);
      values.emplace_back(p);
    }
  }
  return {clause, std::move(values)};
}

void AddCountUnits(WhereBuilder& where, const domain::ScopeFilter& scope,
                   std::optional<std::int64_t> school_id, const std::string& column) {
  if (school_id) {
    where.Add(column + " = ?", {*school_id});
    if (scope.all) return;
    // The school itself must be in the scope.
    WhereBuilder in(where.params().size());
    in.Add("u.id = ?", {*school_id});
    AddScope(in, scope, "u.path");
    where.Add(column + " IN (SELECT u.id FROM org_units u" + in.Sql() + ")", {});
    for (auto& p : in.params()) where.params().push_back(std::move(p));
    return;
  }
  if (scope.all) {
    where.Add(column + " IN (SELECT u.id FROM org_units u WHERE u.parent_id IS NULL)", {});
    return;
  }
  const auto paths = scope.exact ? scope.paths : scope.Roots();
  if (paths.empty()) {
    where.Add("1 = 0", {});
    return;
  }
  where.Add(column + " IN (SELECT u.id FROM org_units u WHERE " +
                (scope.exact ? std::string("u.kind = 'school' AND ") : std::string()) +
                "u.path IN (" + Placeholders(paths.size()) + "))",
            {paths.begin(), paths.end()});
}

std::string Placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

std::string LikeContains(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

std::string OrderBy(const std::string& sort, const std::vector<SortField>& allowed,
                    std::string_view default_order, std::string_view tiebreak) {
  const bool desc = !sort.empty() && sort[0] == '-';
  const std::string name = desc ? sort.substr(1) : sort;
  for (const auto& f : allowed) {
    if (f.name == name) {
      return " ORDER BY " + std::string(f.column) + (desc ? " DESC" : " ASC") + ", " +
             std::string(tiebreak);
    }
  }
  return " ORDER BY " + std::string(default_order) + ", " + std::string(tiebreak);
}

void Paginate(const domain::PageRequest& page, std::string& sql, sql::Params& params) {
  const int size = page.page_size;
  const int offset = (page.page - 1) * size;
  sql += " LIMIT $" + std::to_string(params.size() + 1) + " OFFSET $" +
         std::to_string(params.size() + 2);
  params.emplace_back(std::int64_t{size});
  params.emplace_back(std::int64_t{offset});
}

sql::Value Opt(const std::optional<std::string>& v) {
  return v ? sql::Value{*v} : sql::Value{sql::Null{}};
}
sql::Value Opt(const std::optional<std::int64_t>& v) {
  return v ? sql::Value{*v} : sql::Value{sql::Null{}};
}

std::optional<std::string> OptText(const sql::Rows& r, std::size_t row, std::size_t col) {
  if (r.Null(row, col)) return std::nullopt;
  return r.Text(row, col);
}

std::optional<std::int64_t> OptInt(const sql::Rows& r, std::size_t row, std::size_t col) {
  if (r.Null(row, col)) return std::nullopt;
  return r.Int(row, col);
}

Status Done(const Result<std::int64_t>& r) {
  if (!r.ok()) return r.error();
  return {};
}

}  // namespace xiaoan::storage
