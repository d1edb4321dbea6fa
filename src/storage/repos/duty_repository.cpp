#include "storage/repos/duty_repository.hpp"

#include <map>

#include "core/strings.hpp"
#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace du = domain::duty;

namespace {

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

std::vector<std::string> Lines(std::string_view text, char sep) {
  if (text.empty()) return {};
  return Split(text, sep);
}

std::string VersionsText(const std::map<std::string, int, std::less<>>& v) {
  std::string out;
  for (const auto& [post, n] : v) out += (out.empty() ? "" : ",") + post + ":" + std::to_string(n);
  return out;
}

std::map<std::string, int, std::less<>> ParseVersions(std::string_view text) {
  std::map<std::string, int, std::less<>> out;
  for (const auto& part : Lines(text, ',')) {
    const auto colon = part.find(':');
    if (colon == std::string::npos) continue;
    out[part.substr(0, colon)] = std::atoi(part.c_str() + colon + 1);
  }
  return out;
}

sql::Value OrNull(std::int64_t id) { return id == 0 ? sql::Value{sql::Null{}} : sql::Value{id}; }

}  // namespace

Result<std::vector<du::Template>> SqlDutyRepository::Templates() {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT post, items, version, changed_on, updated_by, "
                                          "updated_at FROM duty_templates ORDER BY post",
                                          {}));
  std::vector<du::Template> out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& t = out[i];
    t.post = r.TakeText(i, 0);
    t.items = Lines(r.Text(i, 1), '\n');
    t.version = static_cast<int>(r.Int(i, 2));
    t.changed_on = r.TakeText(i, 3);
    t.updated_by = r.TakeText(i, 4);
    ParseInstant(r.Text(i, 5), t.updated_at);
  }
  return out;
}

Result<bool> SqlDutyRepository::SaveTemplate(du::Template& t) {
  const auto items = Join(t.items, "\n");
  XA_ASSIGN_OR_RETURN(
      auto n, conn_.Exec("UPDATE duty_templates SET items = $1, version = version + 1, changed_on "
                         "= $2, updated_by = $3, updated_at = $4 WHERE post = $5 AND version = $6",
                         {items, t.changed_on, t.updated_by, FormatInstant(t.updated_at), t.post,
                          std::int64_t{t.version}}));
  if (n == 0) {
    if (t.version != 1) return false;
    XA_ASSIGN_OR_RETURN(auto r,
                        conn_.Query("SELECT 1 FROM duty_templates WHERE post = $1", {t.post}));
    if (r.size() > 0) return false;
    XA_TRY(
        conn_.Exec("INSERT INTO duty_templates (post, items, version, changed_on, updated_by, "
                   "updated_at) VALUES ($1, $2, 2, $3, $4, $5)",
                   {t.post, items, t.changed_on, t.updated_by, FormatInstant(t.updated_at)}));
  }
  ++t.version;
  return true;
}

Result<std::vector<du::DutyList>> SqlDutyRepository::LoadLists(const std::string& where,
                                                               const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("SELECT l.id, l.school_id, u.name, l.user_id, p.display_name, l.posts, "
                          "l.local_items, l.version, l.changed_on, l.signed_list_version, "
                          "l.signed_templates, l.signature_id, l.signed_on, l.signed_at, "
                          "l.updated_by, l.updated_at FROM duty_lists l JOIN org_units u ON u.id "
                          "= l.school_id JOIN users p ON p.id = l.user_id" +
                              where + " ORDER BY u.path, l.school_id, p.display_name, l.id",
                          params));
  std::vector<du::DutyList> out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& l = out[i];
    l.id = r.Int(i, 0);
    l.school_id = r.Int(i, 1);
    l.school_name = r.TakeText(i, 2);
    l.user_id = r.Int(i, 3);
    l.holder_name = r.TakeText(i, 4);
    l.posts = Lines(r.Text(i, 5), ',');
    l.local_items = Lines(r.Text(i, 6), '\n');
    l.version = static_cast<int>(r.Int(i, 7));
    l.changed_on = r.TakeText(i, 8);
    if (!r.Null(i, 9)) {
      du::Signing s;
      s.list_version = static_cast<int>(r.Int(i, 9));
      s.template_versions = ParseVersions(r.Text(i, 10));
      s.signature_id = r.Int(i, 11);
      s.signed_on = r.TakeText(i, 12);
      ParseInstant(r.Text(i, 13), s.signed_at);
      l.signing = std::move(s);
    }
    l.updated_by = r.TakeText(i, 14);
    ParseInstant(r.Text(i, 15), l.updated_at);
  }
  return out;
}

Result<std::optional<du::DutyList>> SqlDutyRepository::List(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadLists(" WHERE l.id = $1", {id}));
  if (found.empty()) return std::optional<du::DutyList>{};
  return std::optional<du::DutyList>{std::move(found.front())};
}

Result<std::optional<du::DutyList>> SqlDutyRepository::ListOf(std::int64_t user_id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadLists(" WHERE l.user_id = $1", {user_id}));
  if (found.empty()) return std::optional<du::DutyList>{};
  return std::optional<du::DutyList>{std::move(found.front())};
}

Result<std::vector<du::DutyList>> SqlDutyRepository::Lists(const domain::ScopeFilter& scope,
                                                           std::optional<std::int64_t> school_id) {
  WhereBuilder where;
  AddScope(where, scope, "u.path");
  if (school_id) where.Add("l.school_id = ?", {*school_id});
  return LoadLists(where.Sql(), where.params());
}

Result<bool> SqlDutyRepository::SaveList(du::DutyList& l) {
  const auto posts = Join(l.posts, ",");
  const auto items = Join(l.local_items, "\n");
  if (l.version == 0) {
    XA_ASSIGN_OR_RETURN(
        auto r,
        conn_.Query("INSERT INTO duty_lists (school_id, user_id, posts, local_items, version, "
                    "changed_on, updated_by, updated_at) VALUES ($1, $2, $3, $4, 1, $5, $6, $7) "
                    "RETURNING id",
                    {l.school_id, l.user_id, posts, items, l.changed_on, l.updated_by,
                     FormatInstant(l.updated_at)}));
    l.id = r.Int(0, 0);
    l.version = 1;
    return true;
  }
  XA_ASSIGN_OR_RETURN(
      const auto n,
      conn_.Exec("UPDATE duty_lists SET posts = $1, local_items = $2, changed_on = $3, updated_by "
                 "= $4, updated_at = $5, version = version + 1 WHERE id = $6 AND version = $7",
                 {posts, items, l.changed_on, l.updated_by, FormatInstant(l.updated_at), l.id,
                  std::int64_t{l.version}}));
  if (n == 0) return false;
  ++l.version;
  return true;
}

Result<bool> SqlDutyRepository::Sign(std::int64_t id, int version, const du::Signing& s) {
  XA_ASSIGN_OR_RETURN(
      const auto n,
      conn_.Exec(
          "UPDATE duty_lists SET signed_list_version = $1, signed_templates = $2, "
          "signature_id = $3, signed_on = $4, signed_at = $5 WHERE id = $6 AND version = "
          "$7",
          {std::int64_t{s.list_version}, VersionsText(s.template_versions), OrNull(s.signature_id),
           s.signed_on, FormatInstant(s.signed_at), id, std::int64_t{version}}));
  return n > 0;
}

Result<std::vector<du::AreaSet>> SqlDutyRepository::LoadAreas(const std::string& where,
                                                              const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT s.school_id, s.version, s.updated_by, "
                                          "s.updated_at FROM duty_area_sets s JOIN org_units u "
                                          "ON u.id = s.school_id" +
                                              where + " ORDER BY u.path, s.school_id",
                                          params));
  std::vector<du::AreaSet> out(r.size());
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& s = out[i];
    s.school_id = r.Int(i, 0);
    s.version = static_cast<int>(r.Int(i, 1));
    s.updated_by = r.TakeText(i, 2);
    ParseInstant(r.Text(i, 3), s.updated_at);
    at[s.school_id] = i;
  }
  if (out.empty()) return out;
  XA_ASSIGN_OR_RETURN(
      auto a, conn_.Query("SELECT a.school_id, a.area, a.applicable, a.owner_user_id, "
                          "COALESCE(p.display_name, '') FROM duty_areas a JOIN duty_area_sets s ON "
                          "s.school_id = a.school_id JOIN org_units u ON u.id = s.school_id LEFT "
                          "JOIN users p ON p.id = a.owner_user_id" +
                              where + " ORDER BY a.school_id, a.seq",
                          params));
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto it = at.find(a.Int(i, 0));
    if (it == at.end()) continue;
    out[it->second].areas.push_back(
        {a.TakeText(i, 1), a.Int(i, 2) != 0, a.Int(i, 3), a.TakeText(i, 4)});
  }
  return out;
}

Result<std::optional<du::AreaSet>> SqlDutyRepository::AreasOf(std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadAreas(" WHERE s.school_id = $1", {school_id}));
  if (found.empty()) return std::optional<du::AreaSet>{};
  return std::optional<du::AreaSet>{std::move(found.front())};
}

Result<std::vector<du::AreaSet>> SqlDutyRepository::AreaSets(const domain::ScopeFilter& scope) {
  WhereBuilder where;
  AddScope(where, scope, "u.path");
  return LoadAreas(where.Sql(), where.params());
}

Result<bool> SqlDutyRepository::SaveAreas(du::AreaSet& s) {
  if (s.version == 0) {
    XA_TRY(
        conn_.Exec("INSERT INTO duty_area_sets (school_id, version, updated_by, updated_at) "
                   "VALUES ($1, 1, $2, $3)",
                   {s.school_id, s.updated_by, FormatInstant(s.updated_at)}));
  } else {
    XA_ASSIGN_OR_RETURN(
        const auto n,
        conn_.Exec(
            "UPDATE duty_area_sets SET updated_by = $1, updated_at = $2, version = version "
            "+ 1 WHERE school_id = $3 AND version = $4",
            {s.updated_by, FormatInstant(s.updated_at), s.school_id, std::int64_t{s.version}}));
    if (n == 0) return false;
    XA_TRY(conn_.Exec("DELETE FROM duty_areas WHERE school_id = $1", {s.school_id}));
  }
  std::int64_t seq = 0;
  for (const auto& a : s.areas) {
    XA_TRY(conn_.Exec(
        "INSERT INTO duty_areas (school_id, seq, area, applicable, owner_user_id) "
        "VALUES ($1, $2, $3, $4, $5)",
        {s.school_id, ++seq, a.area, std::int64_t{a.applicable ? 1 : 0}, OrNull(a.owner_user_id)}));
  }
  ++s.version;
  return true;
}

}  // namespace xiaoan::storage
