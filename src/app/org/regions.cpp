#include "app/org/org_use_cases.hpp"

namespace xiaoan::app {

Result<std::vector<domain::Region>> ListRegions(Services& s) {
  std::vector<domain::Region> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.org().ListRegions());
    return {};
  }));
  return out;
}

Result<domain::Region> GetRegion(Services& s, const std::string& code) {
  std::optional<domain::Region> found;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(found, tx.org().FindRegion(code));
    return {};
  }));
  if (!found) return NotFound("行政区划 " + code + " 不存在");
  return *found;
}

Result<domain::Region> CreateRegion(Services& s, const RequestContext& ctx, domain::Region region) {
  if (auto problems = domain::ValidateRegion(region); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  region.level = domain::RegionLevel(region.code);
  region.created_at = region.updated_at = s.Now();
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto existing, tx.org().FindRegion(region.code));
    if (existing) return AlreadyExists("行政区划代码 " + region.code + " 已存在", "code");
    std::optional<domain::Region> parent;
    if (region.parent_code) {
      XA_ASSIGN_OR_RETURN(parent, tx.org().FindRegion(*region.parent_code));
      if (!parent) return InvalidArgument("parent_code", "上级区划不存在");
    }
    if (auto bad = domain::CheckRegionParent(region, parent ? &*parent : nullptr)) {
      return domain::ValidationError({*bad});
    }
    XA_TRY(tx.org().InsertRegion(region));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "region.create", "region", region.code, "新增行政区划 " + region.name)));
    return {};
  }));
  return region;
}

Result<domain::Region> RenameRegion(Services& s, const RequestContext& ctx, const std::string& code,
                                    const std::string& name) {
  domain::Region region;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto existing, tx.org().FindRegion(code));
    if (!existing) return NotFound("行政区划 " + code + " 不存在");
    region = *existing;
    const std::string old_name = region.name;
    region.name = name;
    if (auto problems = domain::ValidateRegion(region); !problems.empty()) {
      return domain::ValidationError(std::move(problems));
    }
    region.updated_at = s.Now();
    XA_TRY(tx.org().UpdateRegion(region));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "region.update", "region", code, "名称 " + old_name + " → " + name)));
    return {};
  }));
  return region;
}

Result<domain::Unit> InitOrganisation(Services& s, const RequestContext& ctx,
                                      std::vector<domain::Region> regions,
                                      const std::string& bureau_name) {
  if (regions.empty()) return InvalidArgument("region", "至少指定一个行政区划");
  domain::Unit bureau;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    domain::UnitFilter any;
    any.page.page_size = 1;
    XA_ASSIGN_OR_RETURN(auto units, tx.org().ListUnits(any));
    if (units.total > 0) {
      return FailedPrecondition("init.empty_database", "已有组织数据，初始化只能用于空库");
    }
    const domain::Region* parent = nullptr;
    for (auto& r : regions) {
      if (parent != nullptr) r.parent_code = parent->code;
      if (auto problems = domain::ValidateRegion(r); !problems.empty()) {
        return domain::ValidationError(std::move(problems));
      }
      r.level = domain::RegionLevel(r.code);
      XA_ASSIGN_OR_RETURN(auto existing, tx.org().FindRegion(r.code));
      if (!existing) {
        if (auto bad = domain::CheckRegionParent(r, parent)) {
          return domain::ValidationError({*bad});
        }
        r.created_at = r.updated_at = s.Now();
        XA_TRY(tx.org().InsertRegion(r));
      }
      parent = &r;
    }
    bureau.kind = "bureau";
    bureau.name = bureau_name;
    bureau.region_code = regions.back().code;
    bureau.created_at = bureau.updated_at = s.Now();
    if (auto problems = domain::ValidateUnit(bureau); !problems.empty()) {
      return domain::ValidationError(std::move(problems));
    }
    XA_TRY(tx.org().InsertUnit(bureau));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "org.init", "bureau", std::to_string(bureau.id),
                                     "初始化组织：" + bureau_name)));
    return {};
  }));
  return bureau;
}

Status DeleteRegion(Services& s, const RequestContext& ctx, const std::string& code) {
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto existing, tx.org().FindRegion(code));
    if (!existing) return NotFound("行政区划 " + code + " 不存在");
    XA_ASSIGN_OR_RETURN(auto users, tx.org().CountRegionUsers(code));
    if (users > 0) {
      return FailedPrecondition("region.in_use", "该区划下还有下级区划或单位，不能删除");
    }
    XA_TRY(tx.org().DeleteRegion(code));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "region.delete", "region", code, "删除行政区划 " + existing->name)));
    return {};
  });
}

}  // namespace xiaoan::app
