#include "storage/repos/edu_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace edu = domain::edu;
namespace cal = domain::calendar;

namespace {

constexpr const char* kClassFrom =
    " FROM edu_classes c JOIN org_units su ON su.id = c.school_id LEFT JOIN schools sp ON "
    "sp.unit_id = c.school_id";
constexpr const char* kClassSelect =
    "SELECT c.id, c.school_id, su.name, su.path, COALESCE(sp.stage, ''), c.grade, c.name, "
    "c.teacher, COALESCE((SELECT display_name FROM users tu WHERE tu.username = c.teacher), ''), "
    "c.active, c.version, c.since, c.students";
constexpr const char* kClassOrder = " ORDER BY su.name, su.id, c.grade, c.name, c.id";

constexpr const char* kCheckInSelect =
    "SELECT k.id, k.class_id, k.school_id, k.date, k.kind, k.topic, k.note, k.checked_by, "
    "COALESCE((SELECT display_name FROM users bu WHERE bu.username = k.checked_by), ''), k.at, "
    "k.checked_on FROM edu_checkins k";

void AddClassFilter(WhereBuilder& where, const edu::ClassFilter& f) {
  if (f.school_id) where.Add("c.school_id = ?", {*f.school_id});
  if (f.grade) where.Add("c.grade = ?", {std::int64_t{*f.grade}});
  if (f.teacher) where.Add("c.teacher = ?", {*f.teacher});
  if (!f.q.empty()) where.Add("c.name LIKE ? ESCAPE '\\'", {LikeContains(f.q)});
  if (!f.include_inactive) where.Add("c.active = 1", {});
}

}  // namespace

Status SqlEduRepository::InsertClass(edu::Class& c) {
  c.version = 1;
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query("INSERT INTO edu_classes (school_id, grade, name, teacher, active, "
                          "since, version, students) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                          "RETURNING id",
                          {c.school_id, std::int64_t{c.draft.grade}, c.draft.name, c.draft.teacher,
                           std::int64_t{c.active ? 1 : 0}, cal::FormatDate(c.since),
                           std::int64_t{c.version}, std::int64_t{c.draft.students}}));
  c.id = r.Int(0, 0);
  return {};
}

Result<bool> SqlEduRepository::UpdateClass(edu::Class& c) {
  XA_ASSIGN_OR_RETURN(
      const auto changed,
      conn_.Exec("UPDATE edu_classes SET grade = $1, name = $2, teacher = $3, active = $4, "
                 "students = $7, version = version + 1 WHERE id = $5 AND version = $6",
                 {std::int64_t{c.draft.grade}, c.draft.name, c.draft.teacher,
                  std::int64_t{c.active ? 1 : 0}, c.id, std::int64_t{c.version},
                  std::int64_t{c.draft.students}}));
  if (changed == 0) return false;
  ++c.version;
  return true;
}

Result<std::vector<edu::Class>> SqlEduRepository::LoadClasses(const std::string& where_and_order,
                                                              const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query(std::string(kClassSelect) + kClassFrom + where_and_order, params));
  std::vector<edu::Class> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::Class c;
    c.id = r.Int(i, 0);
    c.school_id = r.Int(i, 1);
    c.school_name = r.TakeText(i, 2);
    c.school_path = r.TakeText(i, 3);
    c.school_stage = r.TakeText(i, 4);
    c.draft.grade = static_cast<int>(r.Int(i, 5));
    c.draft.name = r.TakeText(i, 6);
    c.draft.teacher = r.TakeText(i, 7);
    c.teacher_name = r.TakeText(i, 8);
    c.active = r.Int(i, 9) != 0;
    c.version = static_cast<int>(r.Int(i, 10));
    c.since = cal::ParseDate(r.Text(i, 11)).value_or(cal::Date{});
    c.draft.students = static_cast<int>(r.Int(i, 12));
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::optional<edu::Class>> SqlEduRepository::FindClass(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadClasses(" WHERE c.id = $1", {id}));
  if (found.empty()) return std::optional<edu::Class>{};
  return std::optional<edu::Class>{std::move(found.front())};
}

Result<std::optional<edu::Class>> SqlEduRepository::FindClassByName(std::int64_t school_id,
                                                                    int grade,
                                                                    const std::string& name) {
  XA_ASSIGN_OR_RETURN(auto found,
                      LoadClasses(" WHERE c.school_id = $1 AND c.grade = $2 AND c.name = $3",
                                  {school_id, std::int64_t{grade}, name}));
  if (found.empty()) return std::optional<edu::Class>{};
  return std::optional<edu::Class>{std::move(found.front())};
}

Result<domain::PageResult<edu::Class>> SqlEduRepository::ListClasses(
    const edu::ClassFilter& f, const domain::ScopeFilter& scope, const domain::PageRequest& page) {
  WhereBuilder where;
  AddClassFilter(where, f);
  AddScope(where, scope, "su.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query("SELECT COUNT(*)" + std::string(kClassFrom) + where.Sql(), where.params()));
  std::string sql = where.Sql() + kClassOrder;
  sql::Params params = where.params();
  Paginate(page, sql, params);
  domain::PageResult<edu::Class> out;
  out.total = count.Int(0, 0);
  XA_ASSIGN_OR_RETURN(out.items, LoadClasses(sql, params));
  return out;
}

Result<std::vector<edu::Class>> SqlEduRepository::AllClasses(const edu::ClassFilter& f,
                                                             const domain::ScopeFilter& scope) {
  WhereBuilder where;
  AddClassFilter(where, f);
  AddScope(where, scope, "su.path");
  return LoadClasses(where.Sql() + kClassOrder, where.params());
}

Result<bool> SqlEduRepository::InsertCheckIn(edu::CheckIn& c) {
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO edu_checkins (class_id, school_id, date, kind, topic, note, "
                  "checked_by, at, checked_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON "
                  "CONFLICT (class_id, date, kind) DO NOTHING RETURNING id",
                  {c.class_id, c.school_id, cal::FormatDate(c.date),
                   std::string(edu::SessionKindCode(c.kind)), std::string(edu::TopicCode(c.topic)),
                   c.note, c.by, FormatInstant(c.at), cal::FormatDate(c.on)}));
  if (r.size() == 0) return false;
  c.id = r.Int(0, 0);
  return true;
}

Result<std::vector<edu::CheckIn>> SqlEduRepository::LoadCheckIns(const std::string& where,
                                                                 const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kCheckInSelect) + where, params));
  std::vector<edu::CheckIn> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::CheckIn c;
    c.id = r.Int(i, 0);
    c.class_id = r.Int(i, 1);
    c.school_id = r.Int(i, 2);
    c.date = cal::ParseDate(r.Text(i, 3)).value_or(cal::Date{});
    c.kind = edu::ParseSessionKind(r.Text(i, 4)).value_or(edu::SessionKind::kDaily);
    c.topic = edu::ParseTopic(r.Text(i, 5)).value_or(edu::Topic::kGeneral);
    c.note = r.TakeText(i, 6);
    c.by = r.TakeText(i, 7);
    c.by_name = r.TakeText(i, 8);
    ParseInstant(r.Text(i, 9), c.at);
    c.on = cal::ParseDate(r.Text(i, 10)).value_or(c.date);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::optional<edu::CheckIn>> SqlEduRepository::FindCheckIn(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadCheckIns(" WHERE k.id = $1", {id}));
  if (found.empty()) return std::optional<edu::CheckIn>{};
  return std::optional<edu::CheckIn>{std::move(found.front())};
}

Result<std::vector<edu::CheckIn>> SqlEduRepository::CheckInsOf(
    const std::vector<std::int64_t>& class_ids, const std::string& from, const std::string& to) {
  if (class_ids.empty()) return std::vector<edu::CheckIn>{};
  sql::Params params{from, to};
  params.insert(params.end(), class_ids.begin(), class_ids.end());
  std::string in;
  for (std::size_t i = 0; i < class_ids.size(); ++i) {
    in += (i == 0 ? "$" : ", $") + std::to_string(i + 3);
  }
  return LoadCheckIns(" WHERE k.date >= $1 AND k.date <= $2 AND k.class_id IN (" + in +
                          ") ORDER BY k.date, k.class_id, k.id",
                      params);
}

Result<std::vector<edu::CheckIn>> SqlEduRepository::CheckInsIn(const domain::ScopeFilter& scope,
                                                               const std::string& from,
                                                               const std::string& to) {
  WhereBuilder where;
  where.Add("k.date >= ?", {from});
  where.Add("k.date <= ?", {to});
  if (scope.all) {
    return LoadCheckIns(where.Sql() + " ORDER BY k.date, k.class_id, k.id", where.params());
  }
  // The schools in scope first, then each one's days through edu_checkins_school: a join on
  // the units would scan every check-in of the installation for the dates.
  auto [units, values] = ScopeClause(scope, "ku.path");
  where.Add("k.school_id IN (SELECT ku.id FROM org_units ku WHERE " + units + ")",
            std::move(values));
  return LoadCheckIns(where.Sql() + " ORDER BY k.date, k.class_id, k.id", where.params());
}

Result<std::vector<edu::CheckInMark>> SqlEduRepository::CheckInMarksOf(
    const std::vector<std::int64_t>& school_ids, const std::string& from, const std::string& to) {
  if (school_ids.empty()) return std::vector<edu::CheckInMark>{};
  sql::Params params{from, to};
  params.insert(params.end(), school_ids.begin(), school_ids.end());
  std::string in;
  for (std::size_t i = 0; i < school_ids.size(); ++i) {
    in += i == 0 ? "$" : ", $";
    in += std::to_string(i + 3);
  }
  // Each school's days through edu_checkins_school.
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT k.class_id, k.date, k.kind, k.checked_on FROM "
                                          "edu_checkins k WHERE k.school_id IN (" +
                                              in + ") AND k.date >= $1 AND k.date <= $2",
                                          params));
  std::vector<edu::CheckInMark> out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    edu::CheckInMark m;
    m.class_id = r.Int(i, 0);
    const auto date = r.Text(i, 1);
    m.date = cal::ParseDate(date).value_or(cal::Date{});
    m.kind = edu::ParseSessionKind(r.Text(i, 2)).value_or(edu::SessionKind::kDaily);
    const auto on = r.Text(i, 3);
    m.on = on == date ? m.date : cal::ParseDate(on).value_or(m.date);
    out.push_back(m);
  }
  return out;
}

}  // namespace xiaoan::storage
