#include "app/edu/waters.hpp"

#include <map>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace edu = domain::edu;
namespace perm = domain::perm;

namespace {

constexpr const char* kSubject = "edu_water";

Result<edu::Water> LoadInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto w, tx.waters().Find(id, ctx.Scope()));
  if (!w) return NotFound("水域记录不存在或不在您的管辖范围内");
  return std::move(*w);
}

std::string Summary(const edu::Water& w, const std::string& school) {
  const auto* kind = edu::FindWaterKind(w.kind);
  return school + " " + w.name + "（" + (kind ? std::string(kind->label) : w.kind) + "，约 " +
         std::to_string(w.distance_m) + " 米）";
}

Status CheckFilter(const edu::WaterFilter& f) {
  if (f.kind && !edu::FindWaterKind(*f.kind)) return InvalidArgument("kind", "没有这种水域类型");
  return {};
}

}  // namespace

Result<WaterView> CreateWater(Services& s, const RequestContext& ctx, edu::Water in) {
  XA_TRY(RequirePermission(ctx, perm::kEduLessons, "登记周边水域"));
  in.active = true;
  if (auto problems = edu::CheckWater(in, TodayInChina(s)); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  WaterView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, SchoolInScope(tx, ctx, in.school_id));
    in.updated_by = ctx.actor;
    in.updated_at = s.clock.Now();
    XA_TRY(tx.waters().Insert(in));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.water.create", kSubject, std::to_string(in.id),
                                     "登记周边水域：" + Summary(in, school.unit.name))));
    XA_ASSIGN_OR_RETURN(out.water, LoadInScope(tx, RequestContext{}, in.id));
    out.can_edit = true;
    return {};
  }));
  return out;
}

Result<WaterView> EditWater(Services& s, const RequestContext& ctx, std::int64_t id,
                            edu::Water in) {
  XA_TRY(RequirePermission(ctx, perm::kEduLessons, "修改周边水域"));
  if (auto problems = edu::CheckWater(in, TodayInChina(s)); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  WaterView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto old, LoadInScope(tx, ctx, id));
    in.id = id;
    in.school_id = old.school_id;
    in.updated_by = ctx.actor;
    in.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.waters().Update(in));
    if (!saved) return FailedPrecondition("edu_water.stale", "这条记录刚被他人修改，请刷新后再试");
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "edu.water.edit", kSubject, std::to_string(id),
                "修改周边水域：" + Summary(in, old.school_name) + (in.active ? "" : "，已消除"))));
    XA_ASSIGN_OR_RETURN(out.water, LoadInScope(tx, RequestContext{}, id));
    out.can_edit = true;
    return {};
  }));
  return out;
}

Status DeleteWater(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kEduLessons, "删除周边水域"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto old, LoadInScope(tx, ctx, id));
    XA_TRY(tx.waters().Remove(id));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.water.delete", kSubject, std::to_string(id),
                                     "删除周边水域：" + Summary(old, old.school_name))));
    return {};
  });
}

Result<WaterView> GetWater(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看周边水域"));
  WaterView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out.water, LoadInScope(tx, ctx, id));
    return {};
  }));
  out.can_edit = ctx.Can(perm::kEduLessons);
  return out;
}

Result<domain::PageResult<WaterView>> ListWaters(Services& s, const RequestContext& ctx,
                                                 const edu::WaterFilter& f,
                                                 const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看周边水域"));
  XA_TRY(CheckFilter(f));
  domain::PageResult<WaterView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto list, tx.waters().List(f, ctx.Scope(), page));
    out.total = list.total;
    for (auto& w : list.items) out.items.push_back({std::move(w), ctx.Can(perm::kEduLessons)});
    return {};
  }));
  return out;
}

Result<std::string> ExportWaters(Services& s, const RequestContext& ctx,
                                 const edu::WaterFilter& f) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "导出周边水域"));
  XA_TRY(CheckFilter(f));
  std::vector<office::Row> rows = {office::TextRow(
      {"学校", "水域名称", "类型", "距学校（米）", "位置", "警示牌", "护栏", "救生设施", "巡查",
       "缺项", "重点", "管理责任单位", "最近核查", "状态", "备注"})};
  std::int64_t n = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    domain::PageRequest page;
    page.page_size = 500;
    for (page.page = 1;; ++page.page) {
      XA_ASSIGN_OR_RETURN(auto list, tx.waters().List(f, ctx.Scope(), page));
      for (const auto& w : list.items) {
        const auto* kind = edu::FindWaterKind(w.kind);
        std::string gaps;
        for (const auto& g : edu::WaterGaps(w)) gaps += (gaps.empty() ? "" : "、") + g;
        const auto yes = [](bool b) { return std::string(b ? "有" : "无"); };
        rows.push_back(office::TextRow(
            {w.school_name, w.name, kind ? std::string(kind->label) : w.kind,
             std::to_string(w.distance_m), w.location, yes(w.warning_sign), yes(w.fence),
             yes(w.rescue_gear), yes(w.patrol), gaps, edu::IsPriority(w) ? "重点" : "", w.keeper,
             w.checked_on, w.active ? "存在" : "已消除", w.note}));
        ++n;
      }
      if (static_cast<std::int64_t>(page.page) * page.page_size >= list.total) break;
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"周边水域风险", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.water.export", kSubject, "*",
                                     "导出周边水域 " + std::to_string(n) + " 处")));
    return {};
  }));
  return bytes;
}

Result<WaterBoard> GetWaterBoard(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看周边水域"));
  WaterBoard out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto waters, tx.waters().InScope(ctx.Scope()));
    XA_ASSIGN_OR_RETURN(auto schools, AllSchoolsInScope(tx, ctx));
    std::map<std::int64_t, std::size_t> at;
    for (const auto& school : schools) {
      at[school.unit.id] = out.rows.size();
      edu::WaterSchoolRow row;
      row.school_id = school.unit.id;
      row.school_name = school.unit.name;
      row.location_type = school.profile.location_type;
      out.rows.push_back(std::move(row));
    }
    for (const auto& w : waters) {
      const auto it = at.find(w.school_id);
      if (it != at.end()) edu::AddWater(out.rows[it->second], w);
    }
    return {};
  }));
  for (const auto& row : out.rows) {
    ++out.schools;
    if (row.waters > 0) ++out.with_waters;
    out.waters += row.waters;
    out.with_gaps += row.with_gaps;
    out.priority += row.priority;
  }
  edu::SortWaterBoard(out.rows);
  return out;
}

}  // namespace xiaoan::app
