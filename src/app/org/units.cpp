#include "app/org/org_use_cases.hpp"
#include "core/field_cipher.hpp"
#include "domain/org/enums.hpp"
#include "domain/platform/personal_info.hpp"

namespace xiaoan::app {
namespace {

Status CheckRegionExists(domain::Tx& tx, const std::string& code) {
  XA_ASSIGN_OR_RETURN(auto region, tx.org().FindRegion(code));
  if (!region) return InvalidArgument("region_code", "行政区划 " + code + " 不存在");
  return {};
}

Status CheckCodeFree(domain::Tx& tx, const std::optional<std::string>& code, domain::UnitId self) {
  if (!code) return {};
  XA_ASSIGN_OR_RETURN(auto other, tx.org().FindUnitByCode(*code));
  if (other && other->id != self) return AlreadyExists("代码 " + *code + " 已被使用", "code");
  return {};
}

// Outside departments form a shared directory (name, kind, contact), readable by every holder
// of department:read; everything else is read within the caller's scope.
bool InScope(const RequestContext& ctx, const domain::Unit& u) {
  return u.kind == "department" || ctx.Covers(u.path);
}

std::string KindLabel(const std::string& kind) {
  return std::string(domain::LabelOf(domain::UnitKinds(), kind));
}

}  // namespace

const std::vector<std::string>& UnitSortFields() {
  static const std::vector<std::string> kFields = {"name", "code", "kind", "created_at"};
  return kFields;
}

Status CheckPage(const domain::PageRequest& page, const std::vector<std::string>& sort_fields) {
  if (page.page < 1 || page.page > 1000000) return InvalidArgument("page", "须为正整数");
  if (page.page_size < 1 || page.page_size > 500) {
    return InvalidArgument("page_size", "须在 1 到 500 之间");
  }
  if (!page.sort.empty()) {
    const std::string name = page.sort[0] == '-' ? page.sort.substr(1) : page.sort;
    bool ok = false;
    for (const auto& f : sort_fields) ok = ok || f == name;
    if (!ok) {
      std::string allowed;
      for (const auto& f : sort_fields) allowed += (allowed.empty() ? "" : ", ") + f;
      return InvalidArgument("sort", "只能按以下字段排序：" + allowed);
    }
  }
  return {};
}

Result<domain::PageResult<domain::Unit>> ListUnits(Services& s, const RequestContext& ctx,
                                                   domain::UnitFilter filter) {
  XA_TRY(CheckPage(filter.page, UnitSortFields()));
  if (filter.kind != std::optional<std::string>("department")) filter.scope = ctx.Scope();
  if (filter.kind && !domain::HasCode(domain::UnitKinds(), *filter.kind)) {
    return InvalidArgument("kind", "取值须为：" + domain::JoinLabels(domain::UnitKinds()));
  }
  if (filter.phone && NormaliseForIndex(*filter.phone).empty()) {
    return InvalidArgument("phone", "请填写要查找的联系电话");
  }
  domain::PageResult<domain::Unit> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.org().ListUnits(filter));
    return {};
  }));
  if (s.mask_personal_fields) {
    for (auto& unit : out.items) unit.phone = domain::MaskPhone(unit.phone);
  }
  return out;
}

Result<domain::Unit> GetUnit(Services& s, const RequestContext& ctx, domain::UnitId id,
                             std::string_view kind_filter) {
  std::optional<domain::Unit> found;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(found, tx.org().FindUnit(id));
    return {};
  }));
  if (!found || (!kind_filter.empty() && found->kind != kind_filter) || !InScope(ctx, *found)) {
    return NotFound("单位 " + std::to_string(id) + " 不存在");
  }
  return *found;
}

Result<domain::Unit> CreateUnit(Services& s, const RequestContext& ctx, domain::Unit unit) {
  if (unit.kind == "school") {
    return InvalidArgument("kind", "学校请通过学校管理新增（需填写学校信息）");
  }
  if (auto problems = domain::ValidateUnit(unit); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  unit.created_at = unit.updated_at = s.Now();
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(CheckRegionExists(tx, unit.region_code));
    XA_TRY(CheckCodeFree(tx, unit.code, 0));
    std::optional<domain::Unit> parent;
    if (unit.parent_id) {
      XA_ASSIGN_OR_RETURN(parent, tx.org().FindUnit(*unit.parent_id));
      if (!parent || !ctx.Covers(parent->path)) {
        return InvalidArgument("parent_id", "上级单位不存在");
      }
    } else if (ctx.principal && ctx.principal->scope.kind != domain::ScopeKind::kAll) {
      return InvalidArgument("parent_id", "只有全局范围的管理员才能新增顶级单位");
    }
    if (auto bad = domain::CheckUnitParent(unit.kind, parent ? &*parent : nullptr)) {
      return domain::ValidationError({*bad});
    }
    XA_TRY(tx.org().InsertUnit(unit));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "unit.create", unit.kind, std::to_string(unit.id),
                                     "新增" + KindLabel(unit.kind) + " " + unit.name)));
    return {};
  }));
  return unit;
}

Result<domain::Unit> UpdateUnit(Services& s, const RequestContext& ctx, domain::Unit unit,
                                std::string_view kind_filter) {
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto existing, tx.org().FindUnit(unit.id));
    if (!existing || (!kind_filter.empty() && existing->kind != kind_filter) ||
        !ctx.Covers(existing->path)) {
      return NotFound("单位 " + std::to_string(unit.id) + " 不存在");
    }
    if (existing->kind == "school") {
      return InvalidArgument("kind", "学校请通过学校管理修改（需填写学校信息）");
    }
    unit.phone = domain::KeepUnlessMasked(unit.phone, existing->phone, domain::MaskPhone);
    // Kind, region and place in the tree are fixed once created.
    unit.kind = existing->kind;
    unit.region_code = existing->region_code;
    unit.parent_id = existing->parent_id;
    unit.path = existing->path;
    unit.created_at = existing->created_at;
    if (unit.kind != "department") unit.department_kind.reset();
    if (unit.kind == "department" && !unit.department_kind) {
      unit.department_kind = existing->department_kind;
    }
    if (auto problems = domain::ValidateUnit(unit); !problems.empty()) {
      return domain::ValidationError(std::move(problems));
    }
    XA_TRY(CheckCodeFree(tx, unit.code, unit.id));
    unit.updated_at = s.Now();
    XA_TRY(tx.org().UpdateUnit(unit));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "unit.update", unit.kind, std::to_string(unit.id),
                                     "修改" + KindLabel(unit.kind) + " " + unit.name)));
    return {};
  }));
  return unit;
}

Status DeleteUnit(Services& s, const RequestContext& ctx, domain::UnitId id,
                  std::string_view kind_filter) {
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto existing, tx.org().FindUnit(id));
    if (!existing || (!kind_filter.empty() && existing->kind != kind_filter) ||
        !ctx.Covers(existing->path)) {
      return NotFound("单位 " + std::to_string(id) + " 不存在");
    }
    XA_ASSIGN_OR_RETURN(auto dependents, tx.org().CountDependents(id));
    if (dependents > 0) {
      return FailedPrecondition("unit.in_use", "该单位下还有下级单位、学校或用户，不能删除");
    }
    XA_TRY(tx.org().DeleteUnit(id));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "unit.delete", existing->kind, std::to_string(id),
                                     "删除" + KindLabel(existing->kind) + " " + existing->name)));
    return {};
  });
}

}  // namespace xiaoan::app
