#include "storage/repos/lesson_repository.hpp"

#include "core/strings.hpp"
#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace edu = domain::edu;

namespace {

constexpr const char* kSelect =
    "SELECT l.id, l.school_id, u.name, l.date, l.theme, l.observance, l.title, l.whole_school, "
    "l.class_ids, l.participants, l.speaker, l.materials, l.note, l.recorded_by, "
    "COALESCE((SELECT display_name FROM users ru WHERE ru.username = l.recorded_by), ''), "
    "l.created_at, l.updated_at, l.version FROM edu_lessons l JOIN org_units u ON u.id = "
    "l.school_id";

std::string JoinIds(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (const auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::int64_t> SplitIds(std::string_view text) {
  std::vector<std::int64_t> out;
  for (const auto& part : Split(text, ',')) {
    if (const auto id = ParseInt(part)) out.push_back(*id);
  }
  return out;
}

// The fields an edit may change, as $1… in this order.
sql::Params Fields(const edu::Lesson& l) {
  return {l.date,
          l.theme,
          l.observance,
          l.title,
          std::int64_t{l.whole_school ? 1 : 0},
          l.whole_school ? std::string() : JoinIds(l.class_ids),
          std::int64_t{l.participants},
          l.speaker,
          l.materials,
          l.note,
          FormatInstant(l.updated_at)};
}

void AddFilter(WhereBuilder& where, const edu::LessonFilter& f) {
  if (f.school_id) where.Add("l.school_id = ?", {*f.school_id});
  if (f.theme) where.Add("l.theme = ?", {*f.theme});
  if (f.observance) where.Add("l.observance = ?", {*f.observance});
  if (f.from) where.Add("l.date >= ?", {*f.from});
  if (f.to) where.Add("l.date <= ?", {*f.to});
  if (!f.q.empty()) where.Add("l.title LIKE ? ESCAPE '\\'", {LikeContains(f.q)});
}

}  // namespace

Status SqlLessonRepository::Insert(edu::Lesson& l) {
  l.version = 1;
  sql::Params params = Fields(l);
  for (auto v : sql::Params{l.school_id, l.recorded_by, FormatInstant(l.created_at),
                            std::int64_t{l.version}}) {
    params.push_back(std::move(v));
  }
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO edu_lessons (date, theme, observance, title, whole_school, "
                          "class_ids, participants, speaker, materials, note, updated_at, "
                          "school_id, recorded_by, created_at, version) VALUES ($1, $2, $3, $4, "
                          "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
                          params));
  l.id = r.Int(0, 0);
  return {};
}

Result<bool> SqlLessonRepository::Update(edu::Lesson& l) {
  sql::Params params = Fields(l);
  params.push_back(l.id);
  params.push_back(std::int64_t{l.version});
  XA_ASSIGN_OR_RETURN(
      const auto changed,
      conn_.Exec("UPDATE edu_lessons SET date = $1, theme = $2, observance = $3, title = $4, "
                 "whole_school = $5, class_ids = $6, participants = $7, speaker = $8, "
                 "materials = $9, note = $10, updated_at = $11, version = version + 1 WHERE id = "
                 "$12 AND version = $13",
                 params));
  if (changed == 0) return false;
  ++l.version;
  return true;
}

Status SqlLessonRepository::Remove(std::int64_t id) {
  return Done(conn_.Exec("DELETE FROM edu_lessons WHERE id = $1", {id}));
}

Result<std::vector<edu::Lesson>> SqlLessonRepository::Load(const std::string& where_and_order,
                                                           const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kSelect) + where_and_order, params));
  std::vector<edu::Lesson> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::Lesson l;
    l.id = r.Int(i, 0);
    l.school_id = r.Int(i, 1);
    l.school_name = r.TakeText(i, 2);
    l.date = r.TakeText(i, 3);
    l.theme = r.TakeText(i, 4);
    l.observance = r.TakeText(i, 5);
    l.title = r.TakeText(i, 6);
    l.whole_school = r.Int(i, 7) != 0;
    l.class_ids = SplitIds(r.Text(i, 8));
    l.participants = static_cast<int>(r.Int(i, 9));
    l.speaker = r.TakeText(i, 10);
    l.materials = r.TakeText(i, 11);
    l.note = r.TakeText(i, 12);
    l.recorded_by = r.TakeText(i, 13);
    l.recorded_by_name = r.TakeText(i, 14);
    ParseInstant(r.Text(i, 15), l.created_at);
    ParseInstant(r.Text(i, 16), l.updated_at);
    l.version = static_cast<int>(r.Int(i, 17));
    out.push_back(std::move(l));
  }
  return out;
}

Result<std::optional<edu::Lesson>> SqlLessonRepository::Find(std::int64_t id,
                                                             const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("l.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto found, Load(where.Sql(), where.params()));
  if (found.empty()) return std::optional<edu::Lesson>{};
  return std::optional<edu::Lesson>{std::move(found.front())};
}

Result<domain::PageResult<edu::Lesson>> SqlLessonRepository::List(const edu::LessonFilter& f,
                                                                  const domain::ScopeFilter& scope,
                                                                  const domain::PageRequest& page) {
  WhereBuilder where;
  AddFilter(where, f);
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query(
          "SELECT COUNT(*) FROM edu_lessons l JOIN org_units u ON u.id = l.school_id" + where.Sql(),
          where.params()));
  std::string sql =
      where.Sql() + OrderBy(page.sort,
                            {{"date", "l.date"}, {"school", "u.name"}, {"theme", "l.theme"}},
                            "l.date DESC", "l.id DESC");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  domain::PageResult<edu::Lesson> out;
  out.total = count.Int(0, 0);
  XA_ASSIGN_OR_RETURN(out.items, Load(sql, params));
  return out;
}

Result<std::vector<edu::Lesson>> SqlLessonRepository::OfSchool(std::int64_t school_id,
                                                               const std::string& from,
                                                               const std::string& to) {
  return Load(" WHERE l.school_id = $1 AND l.date >= $2 AND l.date <= $3 ORDER BY l.date, l.id",
              {school_id, from, to});
}

Result<std::vector<edu::Lesson>> SqlLessonRepository::InScope(const domain::ScopeFilter& scope,
                                                              const std::string& from,
                                                              const std::string& to) {
  WhereBuilder where;
  where.Add("l.date >= ?", {from});
  where.Add("l.date <= ?", {to});
  AddScope(where, scope, "u.path");
  return Load(where.Sql() + " ORDER BY u.name, l.school_id, l.date, l.id", where.params());
}

}  // namespace xiaoan::storage
