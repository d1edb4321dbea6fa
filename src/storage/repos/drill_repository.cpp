#include "storage/repos/drill_repository.hpp"

#include <map>

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

using domain::drill::Drill;

namespace {

constexpr const char* kDrillSelect =
    "SELECT d.id, d.school_id, u.name, d.kind, d.title, d.drill_date, d.start_time, d.night, "
    "d.announced, d.evacuation, d.whole_school, d.scope_note, d.building_id, d.building, "
    "d.floors, d.commander, d.students, d.staff, d.signal_time, d.all_out_time, "
    "d.headcount_ok, d.headcount_note, d.injuries, d.actions, d.recorded_by, d.created_at, "
    "d.updated_at, (SELECT p.id FROM drill_plans p WHERE p.drill_id = d.id) "
    "FROM drills d JOIN org_units u ON u.id = d.school_id";

Drill ReadDrill(sql::Rows& r, std::size_t i) {
  Drill d;
  d.id = r.Int(i, 0);
  d.school_id = r.Int(i, 1);
  d.school_name = r.TakeText(i, 2);
  d.kind = r.TakeText(i, 3);
  d.title = r.TakeText(i, 4);
  d.date = r.TakeText(i, 5);
  d.start_time = r.TakeText(i, 6);
  d.night = r.Int(i, 7) != 0;
  d.announced = r.Int(i, 8) != 0;
  d.evacuation = r.Int(i, 9) != 0;
  d.whole_school = r.Int(i, 10) != 0;
  d.scope_note = r.TakeText(i, 11);
  d.building_id = OptInt(r, i, 12);
  d.building = r.TakeText(i, 13);
  d.floors = static_cast<int>(r.Int(i, 14));
  d.commander = r.TakeText(i, 15);
  d.students = static_cast<int>(r.Int(i, 16));
  d.staff = static_cast<int>(r.Int(i, 17));
  d.signal_time = r.TakeText(i, 18);
  d.all_out_time = r.TakeText(i, 19);
  d.headcount_ok = r.Int(i, 20) != 0;
  d.headcount_note = r.TakeText(i, 21);
  d.injuries = static_cast<int>(r.Int(i, 22));
  d.actions = r.TakeText(i, 23);
  d.recorded_by = r.TakeText(i, 24);
  d.created_at = r.TakeText(i, 25);
  d.updated_at = r.TakeText(i, 26);
  d.plan_id = OptInt(r, i, 27);
  return d;
}

std::int64_t B(bool v) { return v ? 1 : 0; }

// The fields a record's edit may change, as $2… after the id.
sql::Params Fields(const Drill& d) {
  return {d.kind,
          d.title,
          d.date,
          d.start_time,
          B(d.night),
          B(d.announced),
          B(d.evacuation),
          B(d.whole_school),
          d.scope_note,
          Opt(d.building_id),
          d.building,
          std::int64_t{d.floors},
          d.commander,
          std::int64_t{d.students},
          std::int64_t{d.staff},
          d.signal_time,
          d.all_out_time,
          B(d.headcount_ok),
          d.headcount_note,
          std::int64_t{d.injuries},
          d.actions,
          d.updated_at};
}

}  // namespace

Status SqlDrillRepository::Insert(Drill& d) {
  sql::Params params = {d.school_id, d.recorded_by, d.created_at};
  auto rest = Fields(d);
  params.insert(params.end(), rest.begin(), rest.end());
  XA_ASSIGN_OR_RETURN(
      auto r,
      conn_.Query("INSERT INTO drills (school_id, recorded_by, created_at, kind, title, "
                  "drill_date, start_time, night, announced, evacuation, whole_school, "
                  "scope_note, building_id, building, floors, commander, students, staff, "
                  "signal_time, all_out_time, headcount_ok, headcount_note, injuries, actions, "
                  "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                  "$14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25) RETURNING id",
                  params));
  d.id = r.Int(0, 0);
  return SaveProblems(d);
}

Status SqlDrillRepository::Update(const Drill& d) {
  sql::Params params = {d.id};
  auto rest = Fields(d);
  params.insert(params.end(), rest.begin(), rest.end());
  XA_TRY(Done(conn_.Exec(
      "UPDATE drills SET kind = $2, title = $3, drill_date = $4, start_time = $5, night = $6, "
      "announced = $7, evacuation = $8, whole_school = $9, scope_note = $10, building_id = $11, "
      "building = $12, floors = $13, commander = $14, students = $15, staff = $16, "
      "signal_time = $17, all_out_time = $18, headcount_ok = $19, headcount_note = $20, "
      "injuries = $21, actions = $22, updated_at = $23 WHERE id = $1",
      params)));
  XA_TRY(Done(conn_.Exec("DELETE FROM drill_problems WHERE drill_id = $1", {d.id})));
  return SaveProblems(d);
}

Status SqlDrillRepository::SaveProblems(const Drill& d) {
  for (std::size_t i = 0; i < d.problems.size(); ++i) {
    XA_TRY(Done(conn_.Exec(
        "INSERT INTO drill_problems (drill_id, seq, text, hazard_id) VALUES ($1, $2, $3, $4)",
        {d.id, static_cast<std::int64_t>(i), d.problems[i].text, Opt(d.problems[i].hazard_id)})));
  }
  return {};
}

Status SqlDrillRepository::Remove(std::int64_t id) {
  // The plan it carried out is open again.
  XA_TRY(Done(conn_.Exec("UPDATE drill_plans SET drill_id = NULL WHERE drill_id = $1", {id})));
  XA_TRY(Done(conn_.Exec("DELETE FROM drill_problems WHERE drill_id = $1", {id})));
  return Done(conn_.Exec("DELETE FROM drills WHERE id = $1", {id}));
}

Status SqlDrillRepository::LoadProblems(std::vector<Drill>& drills) {
  if (drills.empty()) return {};
  std::map<std::int64_t, Drill*> by_id;
  std::vector<sql::Value> ids;
  for (auto& d : drills) {
    by_id[d.id] = &d;
    ids.emplace_back(d.id);
  }
  WhereBuilder where;
  const std::string in = "drill_id IN (" + Placeholders(ids.size()) + ")";
  where.Add(in, std::move(ids));
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT drill_id, text, hazard_id FROM drill_problems" +
                                              where.Sql() + " ORDER BY drill_id, seq",
                                          where.params()));
  for (std::size_t i = 0; i < r.size(); ++i) {
    by_id[r.Int(i, 0)]->problems.push_back({r.TakeText(i, 1), OptInt(r, i, 2)});
  }
  return {};
}

Result<std::optional<Drill>> SqlDrillRepository::Find(std::int64_t id,
                                                      const domain::ScopeFilter& scope) {
  WhereBuilder where;
  where.Add("d.id = ?", {id});
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(kDrillSelect + where.Sql(), where.params()));
  if (r.empty()) return std::optional<Drill>();
  std::vector<Drill> one{ReadDrill(r, 0)};
  XA_TRY(LoadProblems(one));
  return std::optional<Drill>(std::move(one.front()));
}

Result<domain::PageResult<Drill>> SqlDrillRepository::List(const domain::drill::DrillFilter& f,
                                                           const domain::ScopeFilter& scope,
                                                           const domain::PageRequest& page) {
  WhereBuilder where;
  if (f.school_id) where.Add("d.school_id = ?", {*f.school_id});
  if (f.kind) where.Add("d.kind = ?", {*f.kind});
  if (f.from) where.Add("d.drill_date >= ?", {*f.from});
  if (f.to) where.Add("d.drill_date <= ?", {*f.to});
  if (!f.q.empty()) {
    const std::string like = LikeContains(f.q);
    where.Add("(d.title LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\')", {like, like});
  }
  AddScope(where, scope, "u.path");
  XA_ASSIGN_OR_RETURN(
      auto count,
      conn_.Query(
          "SELECT COUNT(*) FROM drills d JOIN org_units u ON u.id = d.school_id" + where.Sql(),
          where.params()));
  std::string sql =
      kDrillSelect + where.Sql() +
      OrderBy(page.sort, {{"date", "d.drill_date"}, {"school", "u.name"}, {"kind", "d.kind"}},
              "d.drill_date DESC", "d.id DESC");
  sql::Params params = where.params();
  Paginate(page, sql, params);
  XA_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
  domain::PageResult<Drill> out;
  out.total = count.Int(0, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadDrill(rows, i));
  XA_TRY(LoadProblems(out.items));
  return out;
}

Result<std::vector<Drill>> SqlDrillRepository::OfSchool(std::int64_t school_id,
                                                        const std::string& from,
                                                        const std::string& to) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query(std::string(kDrillSelect) +
                                              " WHERE d.school_id = $1 AND d.drill_date >= $2 "
                                              "AND d.drill_date <= $3 ORDER BY d.drill_date, d.id",
                                          {school_id, from, to}));
  std::vector<Drill> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ReadDrill(r, i));
  return out;
}

Status SqlDrillRepository::SetProblemHazard(std::int64_t drill_id, int index,
                                            std::int64_t hazard_id) {
  return Done(
      conn_.Exec("UPDATE drill_problems SET hazard_id = $3 WHERE drill_id = $1 AND seq = $2",
                 {drill_id, std::int64_t{index}, hazard_id}));
}

}  // namespace xiaoan::storage
