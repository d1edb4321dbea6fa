#include "app/org/org_use_cases.hpp"
#include "domain/org/enums.hpp"

namespace xiaoan::app {

const std::vector<std::string>& SchoolSortFields() {
  static const std::vector<std::string> kFields = {"name",     "code",  "stage",
                                                   "students", "staff", "created_at"};
  return kFields;
}

namespace {

// Parent bureau, region and cluster must exist and fit together.
Status CheckSchoolRefs(domain::Tx& tx, const RequestContext& ctx, const domain::School& school) {
  XA_ASSIGN_OR_RETURN(auto region, tx.org().FindRegion(school.unit.region_code));
  if (!region) {
    return InvalidArgument("region_code", "行政区划 " + school.unit.region_code + " 不存在");
  }
  if (!school.unit.parent_id) return InvalidArgument("parent_id", "须指定主管教育局");
  XA_ASSIGN_OR_RETURN(auto parent, tx.org().FindUnit(*school.unit.parent_id));
  if (!parent || !ctx.Covers(parent->path)) {
    return InvalidArgument("parent_id", "主管教育局不存在");
  }
  if (auto bad = domain::CheckUnitParent("school", &*parent)) {
    return domain::ValidationError({*bad});
  }
  if (school.profile.cluster_id) {
    XA_ASSIGN_OR_RETURN(auto cluster, tx.org().FindUnit(*school.profile.cluster_id));
    if (!cluster || cluster->kind != "cluster") {
      return InvalidArgument("cluster_id", "学区不存在");
    }
    if (cluster->parent_id != school.unit.parent_id) {
      return InvalidArgument("cluster_id", "学区须属于同一主管教育局");
    }
  }
  return {};
}

Status CheckSchoolCode(domain::Tx& tx, const domain::School& school) {
  XA_ASSIGN_OR_RETURN(auto other, tx.org().FindUnitByCode(*school.unit.code));
  if (other && other->id != school.unit.id) {
    return AlreadyExists("学校代码 " + *school.unit.code + " 已被使用", "code");
  }
  return {};
}

}  // namespace

Status InsertSchoolInTx(domain::Tx& tx, const RequestContext& ctx, domain::School& school,
                        const std::string& now) {
  school.unit.kind = "school";
  school.unit.department_kind.reset();
  if (auto problems = domain::ValidateSchool(school); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  XA_TRY(CheckSchoolRefs(tx, ctx, school));
  XA_TRY(CheckSchoolCode(tx, school));
  school.unit.created_at = school.unit.updated_at = now;
  XA_TRY(tx.org().InsertUnit(school.unit));
  XA_TRY(tx.org().InsertSchoolProfile(school.unit.id, school.profile));
  return tx.org().ReplaceBuildingsAndPlaces(school.unit.id, school.buildings, school.key_places);
}

Status UpdateSchoolInTx(domain::Tx& tx, const RequestContext& ctx, domain::School& school,
                        const domain::School& existing, const std::string& now) {
  if (!ctx.Covers(existing.unit.path)) return NotFound("学校不存在");
  school.unit.kind = "school";
  school.unit.department_kind.reset();
  school.unit.region_code = existing.unit.region_code;
  school.unit.parent_id = existing.unit.parent_id;
  school.unit.path = existing.unit.path;
  school.unit.created_at = existing.unit.created_at;
  if (auto problems = domain::ValidateSchool(school); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  XA_TRY(CheckSchoolRefs(tx, ctx, school));
  XA_TRY(CheckSchoolCode(tx, school));
  school.unit.updated_at = now;
  XA_TRY(tx.org().UpdateUnit(school.unit));
  XA_TRY(tx.org().UpdateSchoolProfile(school.unit.id, school.profile));
  return tx.org().ReplaceBuildingsAndPlaces(school.unit.id, school.buildings, school.key_places);
}

Status CheckSchoolFilter(const domain::SchoolFilter& filter) {
  XA_TRY(CheckPage(filter.page, SchoolSortFields()));
  const std::pair<const std::optional<std::string>*, std::pair<const char*, domain::EnumTable>>
      enums[] = {{&filter.stage, {"stage", domain::SchoolStages()}},
                 {&filter.ownership, {"ownership", domain::Ownerships()}},
                 {&filter.location_type, {"location_type", domain::LocationTypes()}}};
  for (const auto& [value, spec] : enums) {
    if (*value && !domain::HasCode(spec.second, **value)) {
      return InvalidArgument(spec.first, "取值须为：" + domain::JoinLabels(spec.second));
    }
  }
  return {};
}

Result<domain::PageResult<domain::School>> ListSchools(Services& s, const RequestContext& ctx,
                                                       domain::SchoolFilter filter) {
  XA_TRY(CheckSchoolFilter(filter));
  filter.scope = ctx.Scope();
  domain::PageResult<domain::School> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.org().ListSchools(filter));
    return {};
  }));
  return out;
}

Result<domain::School> GetSchool(Services& s, const RequestContext& ctx, domain::UnitId id) {
  std::optional<domain::School> found;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(found, tx.org().FindSchool(id));
    return {};
  }));
  if (!found || !ctx.Covers(found->unit.path)) {
    return NotFound("学校 " + std::to_string(id) + " 不存在");
  }
  return *found;
}

Result<domain::School> CreateSchool(Services& s, const RequestContext& ctx, domain::School school) {
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(InsertSchoolInTx(tx, ctx, school, s.Now()));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "school.create", "school", std::to_string(school.unit.id),
                "新增学校 " + school.unit.name + "（" + *school.unit.code + "）")));
    return {};
  }));
  return GetSchool(s, ctx, school.unit.id);
}

Result<domain::School> UpdateSchool(Services& s, const RequestContext& ctx, domain::School school) {
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto existing, tx.org().FindSchool(school.unit.id));
    if (!existing || !ctx.Covers(existing->unit.path)) {
      return NotFound("学校 " + std::to_string(school.unit.id) + " 不存在");
    }
    XA_TRY(UpdateSchoolInTx(tx, ctx, school, *existing, s.Now()));
    XA_TRY(
        tx.audit().Append(AuditOf(s, ctx, "school.update", "school", std::to_string(school.unit.id),
                                  "修改学校 " + school.unit.name)));
    return {};
  }));
  return GetSchool(s, ctx, school.unit.id);
}

Status DeleteSchool(Services& s, const RequestContext& ctx, domain::UnitId id) {
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto existing, tx.org().FindSchool(id));
    if (!existing || !ctx.Covers(existing->unit.path)) {
      return NotFound("学校 " + std::to_string(id) + " 不存在");
    }
    XA_ASSIGN_OR_RETURN(auto dependents, tx.org().CountDependents(id));
    if (dependents > 0) {
      return FailedPrecondition("unit.in_use", "该学校下还有用户或下级单位，不能删除");
    }
    XA_TRY(tx.org().DeleteUnit(id));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "school.delete", "school", std::to_string(id),
                                     "删除学校 " + existing->unit.name)));
    return {};
  });
}

}  // namespace xiaoan::app
