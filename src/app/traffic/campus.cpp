#include "app/traffic/campus.hpp"

#include <map>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "domain/rules/findings.hpp"
#include "domain/traffic/campus_sheet.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace tr = domain::traffic;
namespace rules = domain::rules;
namespace cal = domain::calendar;
namespace perm = domain::perm;

namespace {

constexpr const char* kModule = "traffic";
constexpr const char* kEbikeSubject = "campus_ebike";

std::string ValidityOf(const tr::CampusVehicleRecord& v, cal::Date today) {
  if (!v.meta.active) return "inactive";
  const auto f = tr::FactsOf(v);
  if (f.valid_from && today < *f.valid_from) return "pending";
  if (f.valid_until && today > *f.valid_until) return "expired";
  return "valid";
}

// A school of the caller's scope for a new record; its field is unit_id.
Result<domain::School> SchoolFor(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  auto school = SchoolInScope(tx, ctx, id);
  if (school.ok()) return school;
  auto e = std::move(school).error();
  for (auto& d : e.details) {
    if (d.field == "school_id") d.field = "unit_id";
  }
  return e;
}

Status SaveEbikeFinding(Services& s, domain::Tx& tx, const tr::EbikeRecord& e,
                        const ValuesInForce& in_force) {
  if (!e.meta.active) return tx.rules().RemoveFindings(kEbikeSubject, e.meta.id);
  const auto* rule = &tr::CampusRuleDecls()[0];
  const auto it = in_force.find(rule->id);
  const InForce defaults{rules::Defaults(*rule), 0, 0};
  return SaveRecordFinding(s, tx, *rule, it != in_force.end() ? it->second : defaults,
                           kEbikeSubject, e.meta.id, e.meta.unit_id,
                           tr::JudgeEbike(tr::FactsOf(e)));
}

Result<ValuesInForce> InForceAt(domain::Tx& tx, std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(school_id));
  if (!unit) return ValuesInForce{};
  return LoadValuesInForce(tx, *unit, tr::CampusRuleDecls());
}

std::string Stale() { return "这条记录刚被他人修改，请刷新后再试"; }

}  // namespace

Result<CampusVehicleView> SaveCampusVehicle(Services& s, const RequestContext& ctx,
                                            tr::CampusVehicleRecord in) {
  const bool create = in.meta.id == 0;
  XA_TRY(RequirePermission(ctx, perm::kTrafficManage, create ? "登记校内车辆" : "修改校内车辆"));
  if (const auto plate = tr::NormalizePlate(in.plate)) in.plate = *plate;
  for (auto& g : in.gates) g = std::string(Trim(g));
  if (create) in.meta.active = true;
  if (auto problems = tr::CheckCampusVehicleRecord(in); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  const auto today = TodayInChina(s);
  CampusVehicleView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    std::string school_name;
    if (create) {
      XA_ASSIGN_OR_RETURN(const auto school, SchoolFor(tx, ctx, in.meta.unit_id));
      school_name = school.unit.name;
    } else {
      XA_ASSIGN_OR_RETURN(const auto old, tx.campus().FindVehicle(in.meta.id, ctx.Scope()));
      if (!old) return NotFound("校内车辆不存在或不在您的管辖范围内");
      in.meta.unit_id = old->meta.unit_id;
      school_name = old->meta.unit_name;
    }
    if (in.meta.active) {
      XA_ASSIGN_OR_RETURN(const auto same, tx.campus().VehicleByPlate(in.meta.unit_id, in.plate));
      if (same && same->meta.id != in.meta.id) {
        return InvalidArgument("plate", "本校已登记车牌号 " + in.plate);
      }
    }
    in.meta.updated_by = ctx.actor;
    in.meta.updated_at = s.clock.Now();
    if (create) {
      XA_TRY(tx.campus().Insert(in));
    } else {
      XA_ASSIGN_OR_RETURN(const bool saved, tx.campus().Update(in));
      if (!saved) return FailedPrecondition("traffic.stale", Stale());
    }
    const auto cls = tr::ParseVehicleClass(in.vehicle_class);
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, create ? "traffic.vehicle.create" : "traffic.vehicle.edit",
                "campus_vehicle", std::to_string(in.meta.id),
                std::string(create ? "登记" : "修改") + "校内车辆：" + school_name + " " +
                    in.plate + "（" + std::string(tr::VehicleClassLabel(*cls)) + "，" + in.owner +
                    "）" + (in.meta.active ? "" : "，已停用"))));
    XA_ASSIGN_OR_RETURN(const auto saved,
                        tx.campus().FindVehicle(in.meta.id, domain::ScopeFilter{}));
    if (!saved) return Internal("校内车辆写入后未能读回");
    out.record = *saved;
    return {};
  }));
  out.validity = ValidityOf(out.record, today);
  out.can_edit = true;
  return out;
}

Result<EbikeView> SaveEbike(Services& s, const RequestContext& ctx, tr::EbikeRecord in) {
  const bool create = in.meta.id == 0;
  XA_TRY(
      RequirePermission(ctx, perm::kTrafficManage, create ? "登记电动自行车" : "修改电动自行车"));
  in.licence_plate = std::string(Trim(in.licence_plate));
  in.campus_plate = std::string(Trim(in.campus_plate));
  if (create) in.meta.active = true;
  const auto today = TodayInChina(s);
  if (auto problems = tr::CheckEbike(in, today); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  EbikeView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    std::string school_name;
    if (create) {
      XA_ASSIGN_OR_RETURN(const auto school, SchoolFor(tx, ctx, in.meta.unit_id));
      school_name = school.unit.name;
    } else {
      XA_ASSIGN_OR_RETURN(const auto old, tx.campus().FindEbike(in.meta.id, ctx.Scope()));
      if (!old) return NotFound("电动自行车登记不存在或不在您的管辖范围内");
      in.meta.unit_id = old->meta.unit_id;
      school_name = old->meta.unit_name;
    }
    if (in.meta.active && !in.campus_plate.empty()) {
      XA_ASSIGN_OR_RETURN(const auto same,
                          tx.campus().EbikeByPlate(in.meta.unit_id, in.campus_plate));
      if (same && same->meta.id != in.meta.id) {
        return InvalidArgument("campus_plate", "校内牌照 " + in.campus_plate + " 已发给他人");
      }
    }
    in.meta.updated_by = ctx.actor;
    in.meta.updated_at = s.clock.Now();
    if (create) {
      XA_TRY(tx.campus().Insert(in));
    } else {
      XA_ASSIGN_OR_RETURN(const bool saved, tx.campus().Update(in));
      if (!saved) return FailedPrecondition("traffic.stale", Stale());
    }
    XA_ASSIGN_OR_RETURN(const auto in_force, InForceAt(tx, in.meta.unit_id));
    XA_TRY(SaveEbikeFinding(s, tx, in, in_force));
    const auto verdict = tr::JudgeEbike(tr::FactsOf(in));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, create ? "traffic.ebike.create" : "traffic.ebike.edit",
                                     kEbikeSubject, std::to_string(in.meta.id),
                                     std::string(create ? "登记" : "修改") + "电动自行车：" +
                                         school_name + " " + in.owner + "（" + verdict.reason +
                                         "）" + (in.meta.active ? "" : "，已停用"))));
    XA_ASSIGN_OR_RETURN(const auto saved, tx.campus().FindEbike(in.meta.id, domain::ScopeFilter{}));
    if (!saved) return Internal("电动自行车登记写入后未能读回");
    out.record = *saved;
    return {};
  }));
  out.check = tr::JudgeEbike(tr::FactsOf(out.record));
  out.can_edit = true;
  return out;
}

Result<CampusVehicleView> GetCampusVehicle(Services& s, const RequestContext& ctx,
                                           std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficRead, "查看校内车辆"));
  CampusVehicleView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto v, tx.campus().FindVehicle(id, ctx.Scope()));
    if (!v) return NotFound("校内车辆不存在或不在您的管辖范围内");
    out.record = *v;
    return {};
  }));
  out.validity = ValidityOf(out.record, TodayInChina(s));
  out.can_edit = ctx.Can(perm::kTrafficManage);
  return out;
}

Result<EbikeView> GetEbike(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficRead, "查看电动自行车登记"));
  EbikeView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto e, tx.campus().FindEbike(id, ctx.Scope()));
    if (!e) return NotFound("电动自行车登记不存在或不在您的管辖范围内");
    out.record = *e;
    return {};
  }));
  out.check = tr::JudgeEbike(tr::FactsOf(out.record));
  out.can_edit = ctx.Can(perm::kTrafficManage);
  return out;
}

Result<domain::PageResult<CampusVehicleView>> ListCampusVehicles(Services& s,
                                                                 const RequestContext& ctx,
                                                                 const tr::CampusFilter& f,
                                                                 const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficRead, "查看校内车辆"));
  XA_TRY(CheckPage(page, {}));
  if (f.vehicle_class && !tr::ParseVehicleClass(*f.vehicle_class)) {
    return InvalidArgument("vehicle_class", "须为 staff、service 或 visitor");
  }
  const auto today = TodayInChina(s);
  domain::PageResult<CampusVehicleView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto list, tx.campus().Vehicles(f, ctx.Scope(), page));
    out.total = list.total;
    for (auto& v : list.items) {
      CampusVehicleView view;
      view.validity = ValidityOf(v, today);
      view.record = std::move(v);
      view.can_edit = ctx.Can(perm::kTrafficManage);
      out.items.push_back(std::move(view));
    }
    return {};
  }));
  return out;
}

Result<domain::PageResult<EbikeView>> ListEbikes(Services& s, const RequestContext& ctx,
                                                 const tr::CampusFilter& f,
                                                 const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficRead, "查看电动自行车登记"));
  XA_TRY(CheckPage(page, {}));
  domain::PageResult<EbikeView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto list, tx.campus().Ebikes(f, ctx.Scope(), page));
    out.total = list.total;
    for (auto& e : list.items) {
      EbikeView view;
      view.check = tr::JudgeEbike(tr::FactsOf(e));
      view.record = std::move(e);
      view.can_edit = ctx.Can(perm::kTrafficManage);
      out.items.push_back(std::move(view));
    }
    return {};
  }));
  return out;
}

Result<GateDecision> CheckAtGate(Services& s, const RequestContext& ctx, std::int64_t unit_id,
                                 const std::string& kind, const std::string& gate_in,
                                 const std::string& plate_in) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficGate, "门岗核验"));
  const std::string gate(Trim(gate_in));
  std::string plate(Trim(plate_in));
  if (kind == "vehicle") {
    if (const auto p = tr::NormalizePlate(plate)) plate = *p;
  }
  if (auto problems = tr::CheckGateCheck(kind, gate, plate); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  const auto now = s.clock.Now();
  const auto today = TodayInChina(s);
  GateDecision out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, SchoolFor(tx, ctx, unit_id));
    tr::EntryDecision decision;
    if (kind == "vehicle") {
      XA_ASSIGN_OR_RETURN(const auto v, tx.campus().VehicleByPlate(unit_id, plate));
      if (!v) {
        decision = {false, "未登记的车辆"};
      } else {
        out.subject_id = v->meta.id;
        decision = tr::MayEnter(tr::FactsOf(*v), gate, today, tr::MinuteInChina(now));
      }
    } else {
      std::optional<tr::EbikeRecord> e;
      if (!plate.empty()) {
        XA_ASSIGN_OR_RETURN(e, tx.campus().EbikeByPlate(unit_id, plate));
      }
      if (!e) {
        decision = {false, plate.empty() ? "电动自行车不得进入：无号牌，未登记"
                                         : "电动自行车不得进入：未登记"};
      } else {
        out.subject_id = e->meta.id;
        decision = tr::MayEnter(tr::FactsOf(*e));
      }
    }
    out.allowed = decision.allowed;
    out.reason = decision.reason;
    if (decision.allowed) return {};
    tr::GateRefusal r;
    r.unit_id = unit_id;
    r.unit_name = school.unit.name;
    r.kind = kind;
    r.gate = gate;
    r.plate = plate;
    r.subject_id = out.subject_id;
    r.reason = decision.reason;
    r.on = cal::FormatDate(today);
    r.at = now;
    r.recorded_by = ctx.actor;
    XA_TRY(tx.campus().Insert(r));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "traffic.gate.refuse", "campus_gate_refusal", std::to_string(r.id),
                school.unit.name + " " + gate + " 拒绝进入：" +
                    (plate.empty() ? std::string("无牌") : plate) + "，" + decision.reason)));
    out.refusal = std::move(r);
    return {};
  }));
  return out;
}

Result<domain::PageResult<tr::GateRefusal>> ListGateRefusals(Services& s, const RequestContext& ctx,
                                                             const tr::RefusalFilter& f,
                                                             const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficRead, "查看门岗拒入记录"));
  XA_TRY(CheckPage(page, {}));
  if (f.kind && *f.kind != "vehicle" && *f.kind != "ebike") {
    return InvalidArgument("kind", "须为 vehicle 或 ebike");
  }
  for (const auto& [field, text] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
    if (!text->empty() && !cal::ParseDate(*text)) {
      return InvalidArgument(field, "须为 YYYY-MM-DD 格式的日期");
    }
  }
  domain::PageResult<tr::GateRefusal> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.campus().Refusals(f, ctx.Scope(), page));
    return {};
  }));
  return out;
}

// ---- Excel -------------------------------------------------------------------------------------

namespace {

Result<tr::CampusList> CampusListOf(const std::string& code) {
  const auto list = tr::CampusListOf(code);
  if (!list) return InvalidArgument("list", "须为 vehicles（校内车辆）或 ebikes（电动自行车）");
  return *list;
}

std::string CampusFileName(tr::CampusList list) {
  return list == tr::CampusList::kVehicles ? "校内车辆" : "电动自行车";
}

// Every record in use of a kind at one school (or in the scope), a page at a time.
template <typename T, typename Load>
Result<std::vector<T>> AllPages(Load load) {
  std::vector<T> out;
  domain::PageRequest page;
  page.page_size = 500;
  for (page.page = 1;; ++page.page) {
    XA_ASSIGN_OR_RETURN(auto list, load(page));
    for (auto& r : list.items) out.push_back(std::move(r));
    if (static_cast<std::int64_t>(page.page) * page.page_size >= list.total) break;
  }
  return out;
}

Result<std::vector<tr::CampusVehicleRecord>> VehiclesIn(domain::Tx& tx, const tr::CampusFilter& f,
                                                        const domain::ScopeFilter& scope) {
  return AllPages<tr::CampusVehicleRecord>(
      [&](const domain::PageRequest& p) { return tx.campus().Vehicles(f, scope, p); });
}
Result<std::vector<tr::EbikeRecord>> EbikesIn(domain::Tx& tx, const tr::CampusFilter& f,
                                              const domain::ScopeFilter& scope) {
  return AllPages<tr::EbikeRecord>(
      [&](const domain::PageRequest& p) { return tx.campus().Ebikes(f, scope, p); });
}

template <typename T>
struct PendingRow {
  T rec;
  bool create = true;
};

// The rows of one list checked against their schools; problems by row and column.
template <typename T>
Status CheckRows(Services& s, domain::Tx& tx, const RequestContext& ctx, tr::CampusList list,
                 std::vector<tr::CampusRowRecord>& rows, std::vector<ErrorDetail>& problems,
                 std::vector<PendingRow<T>>& pending) {
  const auto today = TodayInChina(s);
  std::map<std::pair<std::int64_t, std::string>, int> seen;    // (school, key) → row
  std::map<std::pair<std::int64_t, std::string>, int> plates;  // (school, campus plate)
  std::map<std::int64_t, std::vector<T>> stored_at;            // school → records in use
  for (auto& row : rows) {
    const auto fail = [&](std::string column, std::string reason) {
      problems.push_back({std::move(column), std::move(reason), row.row});
    };
    XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnitByCode(row.school_code));
    if (!unit || unit->kind != "school") {
      fail("学校代码", "没有代码为“" + row.school_code + "”的学校");
      continue;
    }
    if (!SchoolInScope(tx, ctx, unit->id).ok()) {
      fail("学校代码", "学校“" + unit->name + "”不在您的管辖范围内");
      continue;
    }
    T rec;
    if constexpr (std::is_same_v<T, tr::CampusVehicleRecord>) {
      rec = std::move(row.vehicle);
    } else {
      rec = std::move(row.ebike);
    }
    rec.meta.unit_id = unit->id;
    rec.meta.active = true;
    const std::size_t before = problems.size();
    std::vector<ErrorDetail> checked;
    if constexpr (std::is_same_v<T, tr::CampusVehicleRecord>) {
      checked = tr::CheckCampusVehicleRecord(rec);
    } else {
      checked = tr::CheckEbike(rec, today);
    }
    for (auto& p : checked) fail(tr::CampusColumnOf(list, p.field), std::move(p.reason));
    const auto key = std::make_pair(unit->id, tr::CampusKey(rec));
    if (const auto [it, fresh] = seen.emplace(key, row.row); !fresh) {
      fail(list == tr::CampusList::kVehicles ? "车牌号" : "车主",
           "与第 " + std::to_string(it->second) + " 行重复");
    }
    auto at = stored_at.find(unit->id);
    if (at == stored_at.end()) {
      tr::CampusFilter f;
      f.unit_id = unit->id;
      std::vector<T> stored;
      if constexpr (std::is_same_v<T, tr::CampusVehicleRecord>) {
        XA_ASSIGN_OR_RETURN(stored, VehiclesIn(tx, f, domain::ScopeFilter{}));
      } else {
        XA_ASSIGN_OR_RETURN(stored, EbikesIn(tx, f, domain::ScopeFilter{}));
      }
      at = stored_at.emplace(unit->id, std::move(stored)).first;
    }
    bool create = true;
    for (const auto& old : at->second) {
      if (tr::CampusKey(old) != tr::CampusKey(rec)) continue;
      rec.meta.id = old.meta.id;
      rec.meta.version = old.meta.version;
      create = false;
    }
    if constexpr (std::is_same_v<T, tr::EbikeRecord>) {
      if (!rec.campus_plate.empty()) {
        const auto plate = std::make_pair(unit->id, rec.campus_plate);
        if (const auto [it, fresh] = plates.emplace(plate, row.row); !fresh) {
          fail("校内牌照", "与第 " + std::to_string(it->second) + " 行的校内牌照相同");
        }
        for (const auto& old : at->second) {
          if (old.meta.id != rec.meta.id &&
              (old.campus_plate == rec.campus_plate || old.licence_plate == rec.campus_plate)) {
            fail("校内牌照", "校内牌照 " + rec.campus_plate + " 已发给" + old.owner);
          }
        }
      }
    }
    if (problems.size() == before) pending.push_back({std::move(rec), create});
  }
  return {};
}

template <typename T>
Status WriteRows(Services& s, domain::Tx& tx, const RequestContext& ctx,
                 std::vector<PendingRow<T>>& pending, ImportReport& report,
                 std::set<std::int64_t>& schools) {
  std::map<std::int64_t, ValuesInForce> in_force;
  for (auto& p : pending) {
    p.rec.meta.updated_by = ctx.actor;
    p.rec.meta.updated_at = s.clock.Now();
    if (p.create) {
      XA_TRY(tx.campus().Insert(p.rec));
      ++report.created;
    } else {
      XA_ASSIGN_OR_RETURN(const bool saved, tx.campus().Update(p.rec));
      if (!saved) return FailedPrecondition("traffic.stale", Stale());
      ++report.updated;
    }
    schools.insert(p.rec.meta.unit_id);
    if constexpr (std::is_same_v<T, tr::EbikeRecord>) {
      auto it = in_force.find(p.rec.meta.unit_id);
      if (it == in_force.end()) {
        XA_ASSIGN_OR_RETURN(auto v, InForceAt(tx, p.rec.meta.unit_id));
        it = in_force.emplace(p.rec.meta.unit_id, std::move(v)).first;
      }
      XA_TRY(SaveEbikeFinding(s, tx, p.rec, it->second));
    }
  }
  return {};
}

}  // namespace

Result<std::pair<std::string, std::string>> CampusListTemplate(const std::string& code) {
  XA_ASSIGN_OR_RETURN(const auto list, CampusListOf(code));
  std::vector<office::Row> notes = {office::TextRow({"列", "填写说明"})};
  for (const auto& [column, note] : tr::CampusColumnNotes(list)) {
    notes.push_back(office::TextRow({column, note}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes,
                      office::WriteXlsx({office::Sheet{std::string(tr::CampusListLabel(list)),
                                                       {office::TextRow(tr::CampusColumns(list))}},
                                         office::Sheet{"填写说明", notes}}));
  return std::make_pair(CampusFileName(list) + "导入模板.xlsx", std::move(bytes));
}

Result<std::pair<std::string, std::string>> ExportCampusList(Services& s, const RequestContext& ctx,
                                                             const std::string& code) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficRead, "导出校内交通登记"));
  XA_ASSIGN_OR_RETURN(const auto list, CampusListOf(code));
  office::Sheet sheet{std::string(tr::CampusListLabel(list)),
                      {office::TextRow(tr::CampusColumns(list))}};
  const auto add = [&](const std::string& school_code, const tr::BusRecordMeta& m,
                       std::vector<std::string> cells) {
    std::vector<std::string> row = {school_code, m.unit_name};
    row.insert(row.end(), cells.begin(), cells.end());
    office::Row out = office::TextRow(row);
    for (std::size_t c = 0; c < out.size(); ++c) {
      if (tr::CampusDateColumn(list, c) && !out[c].empty()) {
        out[c] = office::Cell::Date(out[c].text);
      }
    }
    sheet.rows.push_back(std::move(out));
  };
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    std::map<std::int64_t, std::string> code_of;
    XA_ASSIGN_OR_RETURN(const auto schools, AllSchoolsInScope(tx, ctx));
    for (const auto& sc : schools) code_of[sc.unit.id] = sc.unit.code.value_or("");
    if (list == tr::CampusList::kVehicles) {
      XA_ASSIGN_OR_RETURN(const auto all, VehiclesIn(tx, {}, ctx.Scope()));
      for (const auto& v : all) add(code_of[v.meta.unit_id], v.meta, tr::CampusCells(v));
    } else {
      XA_ASSIGN_OR_RETURN(const auto all, EbikesIn(tx, {}, ctx.Scope()));
      for (const auto& e : all) add(code_of[e.meta.unit_id], e.meta, tr::CampusCells(e));
    }
    return {};
  }));
  const auto n = sheet.rows.size() - 1;
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({sheet}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "traffic.export", kModule, code,
        "导出" + std::string(tr::CampusListLabel(list)) + " " + std::to_string(n) + " 条")));
    return {};
  }));
  return std::make_pair(CampusFileName(list) + ".xlsx", std::move(bytes));
}

Result<ImportReport> ImportCampusList(Services& s, const RequestContext& ctx,
                                      const std::string& code, std::string_view bytes,
                                      const std::string& format) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficManage, "导入校内交通登记"));
  XA_ASSIGN_OR_RETURN(const auto list, CampusListOf(code));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  const auto& columns = tr::CampusColumns(list);
  XA_TRY(CheckHeaderRow(file.rows, columns, "请使用" + CampusFileName(list) + "导入模板"));
  ImportReport report;
  std::vector<ErrorDetail> problems;
  std::vector<tr::CampusRowRecord> rows;
  const auto data = DataRows(file.rows, columns.size(),
                             [&](std::size_t c) { return tr::CampusDateColumn(list, c); });
  const int data_rows = static_cast<int>(data.size());
  for (const auto& r : data) {
    auto parsed = tr::ParseCampusRow(list, tr::SheetRow{r.row, r.cells});
    if (!parsed.ok()) {
      for (auto& d : std::move(parsed).error().details) problems.push_back(std::move(d));
    } else {
      rows.push_back(std::move(parsed).value());
    }
  }
  if (data_rows == 0) return InvalidArgument("file", "文件中没有数据行");
  report.rows = data_rows;
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    std::set<std::int64_t> schools;
    if (list == tr::CampusList::kVehicles) {
      std::vector<PendingRow<tr::CampusVehicleRecord>> pending;
      XA_TRY(CheckRows(s, tx, ctx, list, rows, problems, pending));
      if (!problems.empty()) {
        return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
      }
      XA_TRY(WriteRows(s, tx, ctx, pending, report, schools));
    } else {
      std::vector<PendingRow<tr::EbikeRecord>> pending;
      XA_TRY(CheckRows(s, tx, ctx, list, rows, problems, pending));
      if (!problems.empty()) {
        return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
      }
      XA_TRY(WriteRows(s, tx, ctx, pending, report, schools));
    }
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "traffic.import", kModule, code,
                                     "导入" + std::string(tr::CampusListLabel(list)) + "：" +
                                         std::to_string(schools.size()) + " 所学校，新增 " +
                                         std::to_string(report.created) + " 条，更新 " +
                                         std::to_string(report.updated) + " 条")));
    report.applied = true;
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kFailedPrecondition && !problems.empty()) {
      RefuseImport(report, std::move(problems));
      return report;
    }
    return std::move(st).error();
  }
  return report;
}

RuleModule TrafficRuleModule() {
  RuleModule m;
  m.module = kModule;
  m.rules = tr::CampusRuleDecls();
  m.configure_path = "/rules";
  // traffic.guide: the school's 一校一策 published in the semester.
  m.judge_school = [](domain::Tx& tx,
                      const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
    const auto semester = rules::PeriodOf(rules::Period::kSemester, in.day, in.calendar);
    if (!semester) return std::vector<rules::Judgement>{};
    XA_ASSIGN_OR_RETURN(const auto guide, tx.campus().Guide(in.school.unit.id));
    return std::vector<rules::Judgement>{tr::JudgeGuide(*semester, guide, in.today)};
  };
  m.judge_records = [](Services& s, domain::Tx& tx, const domain::School& school,
                       const ValuesInForce& in_force, cal::Date) -> Status {
    tr::CampusFilter f;
    f.unit_id = school.unit.id;
    domain::PageRequest page;
    page.page_size = 500;
    for (page.page = 1;; ++page.page) {
      XA_ASSIGN_OR_RETURN(const auto list, tx.campus().Ebikes(f, domain::ScopeFilter{}, page));
      for (const auto& e : list.items) XA_TRY(SaveEbikeFinding(s, tx, e, in_force));
      if (static_cast<std::int64_t>(page.page) * page.page_size >= list.total) break;
    }
    return {};
  };
  return m;
}

}  // namespace xiaoan::app
