#include <algorithm>

#include "app/org/org_use_cases.hpp"
#include "core/field_cipher.hpp"
#include "domain/org/enums.hpp"
#include "domain/platform/personal_info.hpp"

namespace xiaoan::app {

const std::vector<std::string>& SchoolSortFields() {
  static const std::vector<std::string> kFields = {"name",     "code",  "stage",
                                                   "students", "staff", "created_at"};
  return kFields;
}

Result<domain::School> SchoolInScope(domain::Tx& tx, const RequestContext& ctx, domain::UnitId id) {
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(id));
  if (!unit || unit->kind != "school" || !ctx.Covers(unit->path)) {
    return domain::ValidationError({{"school_id", "学校不存在或不在您的管辖范围内"}});
  }
  XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
  if (!school) return domain::ValidationError({{"school_id", "学校不存在"}});
  return *school;
}

Result<domain::School> SchoolAsAddress(domain::Tx& tx, const RequestContext& ctx,
                                       domain::UnitId id) {
  auto school = SchoolInScope(tx, ctx, id);
  if (!school.ok() && school.error().code == ErrorCode::kInvalidArgument) {
    return NotFound("学校不存在或不在您的管辖范围内");
  }
  return school;
}

Result<domain::School> NamedOrOwnSchool(domain::Tx& tx, const RequestContext& ctx,
                                        std::optional<domain::UnitId> id) {
  if (id) return SchoolAsAddress(tx, ctx, *id);
  if (ctx.unit_id) {
    XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(*ctx.unit_id));
    if (unit && unit->kind == "school") return SchoolAsAddress(tx, ctx, unit->id);
  }
  return InvalidArgument("unit_id", "请选择学校");
}

Result<std::vector<domain::School>> AllSchoolsInScope(domain::Tx& tx, const RequestContext& ctx) {
  domain::SchoolFilter sf;
  sf.scope = ctx.Scope();
  sf.page.page_size = 100000;
  sf.page.sort = "name";
  XA_ASSIGN_OR_RETURN(auto schools, tx.org().ListSchools(sf));
  return std::move(schools.items);
}

namespace {

// Parent bureau, region and cluster must exist and fit together. A new school's bureau must be
// within the caller's scope; an edited school keeps its bureau, which a school's own leader does
// not see (their scope is the school), so it is not checked against the scope again.
Status CheckSchoolRefs(domain::Tx& tx, const RequestContext& ctx, const domain::School& school,
                       bool keeps_parent) {
  XA_ASSIGN_OR_RETURN(auto region, tx.org().FindRegion(school.unit.region_code));
  if (!region) {
    return InvalidArgument("region_code", "行政区划 " + school.unit.region_code + " 不存在");
  }
  if (!school.unit.parent_id) return InvalidArgument("parent_id", "须指定主管教育局");
  XA_ASSIGN_OR_RETURN(auto parent, tx.org().FindUnit(*school.unit.parent_id));
  if (!parent || (!keeps_parent && !ctx.Covers(parent->path))) {
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

// Saves the school's buildings and key places keeping the ids of those edited; a key place that
// records point to cannot be removed.
Status SavePlaces(domain::Tx& tx, const domain::School& school, const domain::School* existing) {
  static const domain::School kNone;
  const auto& before = existing ? *existing : kNone;
  XA_ASSIGN_OR_RETURN(auto changes, domain::PlanPlaceChanges(before.buildings, before.key_places,
                                                             school.buildings, school.key_places));
  XA_ASSIGN_OR_RETURN(auto in_use, tx.org().KeyPlacesInUse(changes.removed_key_places));
  if (!in_use.empty()) {
    std::string names;
    for (const auto& k : before.key_places) {
      if (std::find(in_use.begin(), in_use.end(), k.id) != in_use.end()) {
        names += (names.empty() ? "" : "、") + k.name;
      }
    }
    return FailedPrecondition("key_place.in_use",
                              "重点部位 " + names + " 已有隐患或自查记录，不能删除（可改名）");
  }
  return tx.org().SaveBuildingsAndPlaces(school.unit.id, changes);
}

}  // namespace

Status InsertSchoolInTx(domain::Tx& tx, const RequestContext& ctx, domain::School& school,
                        const std::string& now) {
  school.unit.kind = "school";
  school.unit.department_kind.reset();
  if (auto problems = domain::ValidateSchool(school); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  XA_TRY(CheckSchoolRefs(tx, ctx, school, false));
  XA_TRY(CheckSchoolCode(tx, school));
  school.unit.created_at = school.unit.updated_at = now;
  XA_TRY(tx.org().InsertUnit(school.unit));
  XA_TRY(tx.org().InsertSchoolProfile(school.unit.id, school.profile));
  for (auto& b : school.buildings) b.id = 0;  // a new school's entries are all new
  for (auto& k : school.key_places) k.id = 0;
  return SavePlaces(tx, school, nullptr);
}

Status UpdateSchoolInTx(domain::Tx& tx, const RequestContext& ctx, domain::School& school,
                        const domain::School& existing, const std::string& now) {
  if (!ctx.Covers(existing.unit.path)) return NotFound("学校不存在");
  school.unit.phone =
      domain::KeepUnlessMasked(school.unit.phone, existing.unit.phone, domain::MaskPhone);
  school.unit.kind = "school";
  school.unit.department_kind.reset();
  school.unit.region_code = existing.unit.region_code;
  school.unit.parent_id = existing.unit.parent_id;
  school.unit.path = existing.unit.path;
  school.unit.created_at = existing.unit.created_at;
  if (auto problems = domain::ValidateSchool(school); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  XA_TRY(CheckSchoolRefs(tx, ctx, school, true));
  XA_TRY(CheckSchoolCode(tx, school));
  school.unit.updated_at = now;
  XA_TRY(tx.org().UpdateUnit(school.unit));
  XA_TRY(tx.org().UpdateSchoolProfile(school.unit.id, school.profile));
  return SavePlaces(tx, school, &existing);
}

Status CheckSchoolFilter(const domain::SchoolFilter& filter) {
  XA_TRY(CheckPage(filter.page, SchoolSortFields()));
  if (filter.phone && NormaliseForIndex(*filter.phone).empty()) {
    return InvalidArgument("phone", "请填写要查找的联系电话");
  }
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
  if (s.mask_personal_fields) {
    for (auto& school : out.items) school.unit.phone = domain::MaskPhone(school.unit.phone);
  }
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
