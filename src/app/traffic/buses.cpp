#include "app/traffic/buses.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/spreadsheet.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "domain/rules/findings.hpp"
#include "domain/traffic/bus_sheet.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace tr = domain::traffic;
namespace rules = domain::rules;
namespace cal = domain::calendar;
namespace perm = domain::perm;

namespace {

constexpr const char* kModule = "bus";

// What each record kind is called in messages, audit and findings.
struct KindNames {
  const char* code;     // audit action bus.<code>.…, subject bus_<code>
  const char* label;    // 校车服务单位 …
  const char* subject;  // rule findings' subject_type
};
constexpr KindNames kProviderNames{"provider", "校车服务单位", "bus_provider"};
constexpr KindNames kVehicleNames{"vehicle", "校车", "bus_vehicle"};
constexpr KindNames kDriverNames{"driver", "校车驾驶人", "bus_driver"};
constexpr KindNames kMonitorNames{"monitor", "照管人员", "bus_monitor"};
constexpr KindNames kRouteNames{"route", "校车线路", "bus_route"};
constexpr KindNames kOutingNames{"outing", "出行用车", "bus_outing"};

const KindNames& NamesOf(const tr::BusProvider&) { return kProviderNames; }
const KindNames& NamesOf(const tr::BusVehicle&) { return kVehicleNames; }
const KindNames& NamesOf(const tr::BusDriver&) { return kDriverNames; }
const KindNames& NamesOf(const tr::BusMonitor&) { return kMonitorNames; }
const KindNames& NamesOf(const tr::BusRoute&) { return kRouteNames; }
const KindNames& NamesOf(const tr::BusOuting&) { return kOutingNames; }

std::string Title(const tr::BusProvider& p) { return p.name; }
std::string Title(const tr::BusVehicle& v) { return v.plate; }
std::string Title(const tr::BusDriver& d) { return d.name; }
std::string Title(const tr::BusMonitor& m) { return m.name; }
std::string Title(const tr::BusRoute& r) { return r.name; }
std::string Title(const tr::BusOuting& o) { return o.date + " " + o.purpose; }

std::vector<ErrorDetail> Check(const tr::BusProvider& p, cal::Date) { return tr::CheckProvider(p); }
std::vector<ErrorDetail> Check(const tr::BusVehicle& v, cal::Date today) {
  return tr::CheckVehicle(v, today);
}
std::vector<ErrorDetail> Check(const tr::BusDriver& d, cal::Date today) {
  return tr::CheckDriver(d, today);
}
std::vector<ErrorDetail> Check(const tr::BusMonitor& m, cal::Date today) {
  return tr::CheckMonitor(m, today);
}
std::vector<ErrorDetail> Check(const tr::BusRoute& r, cal::Date) { return tr::CheckRoute(r); }
std::vector<ErrorDetail> Check(const tr::BusOuting& o, cal::Date) { return tr::CheckOuting(o); }

Result<std::optional<tr::BusProvider>> Find(domain::Tx& tx, std::int64_t id,
                                            const domain::ScopeFilter& scope, tr::BusProvider*) {
  return tx.buses().FindProvider(id, scope);
}
Result<std::optional<tr::BusVehicle>> Find(domain::Tx& tx, std::int64_t id,
                                           const domain::ScopeFilter& scope, tr::BusVehicle*) {
  return tx.buses().FindVehicle(id, scope);
}
Result<std::optional<tr::BusDriver>> Find(domain::Tx& tx, std::int64_t id,
                                          const domain::ScopeFilter& scope, tr::BusDriver*) {
  return tx.buses().FindDriver(id, scope);
}
Result<std::optional<tr::BusMonitor>> Find(domain::Tx& tx, std::int64_t id,
                                           const domain::ScopeFilter& scope, tr::BusMonitor*) {
  return tx.buses().FindMonitor(id, scope);
}
Result<std::optional<tr::BusRoute>> Find(domain::Tx& tx, std::int64_t id,
                                         const domain::ScopeFilter& scope, tr::BusRoute*) {
  return tx.buses().FindRoute(id, scope);
}
Result<std::optional<tr::BusOuting>> Find(domain::Tx& tx, std::int64_t id,
                                          const domain::ScopeFilter& scope, tr::BusOuting*) {
  return tx.buses().FindOuting(id, scope);
}

template <typename T>
Result<T> LoadInScope(domain::Tx& tx, const domain::ScopeFilter& scope, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, Find(tx, id, scope, static_cast<T*>(nullptr)));
  if (!found) {
    return NotFound(std::string(NamesOf(T{}).label) + "不存在或不在您的管辖范围内");
  }
  return std::move(*found);
}

tr::RuleValues ValuesOf(const ValuesInForce& in_force) { return PlainValues(in_force); }

// The licence class a driver needs: the strictest among the vehicles of the active routes they
// drive ("" when they drive none).
Result<std::string> RequiredClassOf(domain::Tx& tx, std::int64_t driver_id) {
  XA_ASSIGN_OR_RETURN(const auto routes,
                      tx.buses().RoutesUsing(std::nullopt, driver_id, std::nullopt));
  std::string out;
  for (const auto& r : routes) {
    if (!r.vehicle_id) continue;
    XA_ASSIGN_OR_RETURN(const auto v, tx.buses().FindVehicle(*r.vehicle_id, domain::ScopeFilter{}));
    if (!v) continue;
    const auto need = tr::RequiredLicenceClass(v->seats);
    // A1 > B1 > C1: the first letter orders them.
    if (out.empty() || need < out) out = need;
  }
  return out;
}

std::vector<BusCheck> ChecksOf(const std::vector<tr::RuleVerdict>& verdicts) {
  std::vector<BusCheck> out;
  for (const auto& v : verdicts) {
    const auto* rule = tr::FindBusRule(v.rule_id);
    out.push_back({v.rule_id, rule ? rule->title : v.rule_id, v.verdict.outcome, v.verdict.reason});
  }
  return out;
}

struct RouteParts {
  std::optional<tr::BusVehicle> vehicle;
  std::optional<tr::BusDriver> driver;
  std::optional<tr::BusMonitor> monitor;
};

// A route's or an outing's vehicle, driver and monitor.
template <typename T>
Result<RouteParts> PartsOf(domain::Tx& tx, const T& r) {
  RouteParts out;
  const domain::ScopeFilter any;
  if (r.vehicle_id) {
    XA_ASSIGN_OR_RETURN(out.vehicle, tx.buses().FindVehicle(*r.vehicle_id, any));
  }
  if (r.driver_id) {
    XA_ASSIGN_OR_RETURN(out.driver, tx.buses().FindDriver(*r.driver_id, any));
  }
  if (r.monitor_id) {
    XA_ASSIGN_OR_RETURN(out.monitor, tx.buses().FindMonitor(*r.monitor_id, any));
  }
  return out;
}

template <typename T>
std::vector<tr::RuleVerdict> RouteVerdicts(const T& r, const RouteParts& parts) {
  tr::RouteFacts f;
  f.has_monitor = parts.monitor && parts.monitor->meta.active;
  f.riders = r.riders;
  if (parts.vehicle) f.seats = parts.vehicle->seats;
  return {{"bus.monitor", tr::JudgeMonitor(f)}, {"bus.capacity", tr::JudgeCapacity(f)}};
}

// Each record's verdicts today (none for a provider, a monitor or a record not in use).
Result<std::vector<tr::RuleVerdict>> VerdictsOf(domain::Tx&, const tr::BusProvider&, cal::Date,
                                                const tr::RuleValues&) {
  return std::vector<tr::RuleVerdict>{};
}
Result<std::vector<tr::RuleVerdict>> VerdictsOf(domain::Tx&, const tr::BusMonitor&, cal::Date,
                                                const tr::RuleValues&) {
  return std::vector<tr::RuleVerdict>{};
}
Result<std::vector<tr::RuleVerdict>> VerdictsOf(domain::Tx&, const tr::BusVehicle& v, cal::Date day,
                                                const tr::RuleValues& values) {
  if (!v.meta.active) return std::vector<tr::RuleVerdict>{};
  return tr::JudgeVehicle(tr::FactsOf(v), day, values);
}
Result<std::vector<tr::RuleVerdict>> VerdictsOf(domain::Tx& tx, const tr::BusDriver& d,
                                                cal::Date day, const tr::RuleValues& values) {
  if (!d.meta.active) return std::vector<tr::RuleVerdict>{};
  XA_ASSIGN_OR_RETURN(const auto required, RequiredClassOf(tx, d.meta.id));
  return tr::JudgeDriver(tr::FactsOf(d), required, day, values);
}
Result<std::vector<tr::RuleVerdict>> VerdictsOf(domain::Tx& tx, const tr::BusRoute& r, cal::Date,
                                                const tr::RuleValues&) {
  if (!r.meta.active) return std::vector<tr::RuleVerdict>{};
  XA_ASSIGN_OR_RETURN(const auto parts, PartsOf(tx, r));
  return RouteVerdicts(r, parts);
}
// An outing: the route's rules, and its vehicle's and driver's judged on the outing's day (the
// driver for the class its vehicle needs).
Result<std::vector<tr::RuleVerdict>> VerdictsOf(domain::Tx& tx, const tr::BusOuting& o, cal::Date,
                                                const tr::RuleValues& values) {
  if (!o.meta.active) return std::vector<tr::RuleVerdict>{};
  const auto day = cal::ParseDate(o.date);
  XA_ASSIGN_OR_RETURN(const auto parts, PartsOf(tx, o));
  auto out = RouteVerdicts(o, parts);
  if (!day) return out;
  if (parts.vehicle) {
    for (auto& v : tr::JudgeVehicle(tr::FactsOf(*parts.vehicle), *day, values)) {
      out.push_back(std::move(v));
    }
  }
  if (parts.driver) {
    const auto need = parts.vehicle ? tr::RequiredLicenceClass(parts.vehicle->seats) : "";
    for (auto& v : tr::JudgeDriver(tr::FactsOf(*parts.driver), need, *day, values)) {
      out.push_back(std::move(v));
    }
  }
  return out;
}

// Stores a record's findings (removes them when it has none: not in use). A verdict that fails,
// or warns of an expiry, is told once per version of the record to the school's safety officers
// and leaders.
Status SaveFindings(Services& s, domain::Tx& tx, const KindNames& names,
                    const tr::BusRecordMeta& meta, const std::string& title,
                    const std::vector<tr::RuleVerdict>& verdicts, const ValuesInForce& in_force) {
  if (verdicts.empty()) return tx.rules().RemoveFindings(names.subject, meta.id);
  for (const auto& v : verdicts) {
    const auto* rule = tr::FindBusRule(v.rule_id);
    if (!rule) continue;
    const auto it = in_force.find(rule->id);
    const InForce defaults{rules::Defaults(*rule), 0, 0};
    XA_TRY(SaveRecordFinding(s, tx, *rule, it != in_force.end() ? it->second : defaults,
                             names.subject, meta.id, meta.unit_id, v.verdict));
    const bool fails = v.verdict.outcome == rules::Outcome::kFail;
    if (!fails && v.verdict.outcome != rules::Outcome::kWarn) continue;
    XA_ASSIGN_OR_RETURN(
        const bool fresh,
        tx.rules().MarkNotice(rule->id, names.subject, meta.id, "v" + std::to_string(meta.version),
                              std::string(rules::OutcomeCode(v.verdict.outcome)), s.Now()));
    if (!fresh) continue;
    XA_ASSIGN_OR_RETURN(const auto users,
                        Recipients(tx, meta.unit_id, {"school_safety_officer", "school_leader"}));
    NotificationInput note;
    note.kind = fails ? "bus_fail" : "bus_warn";
    note.title = std::string(fails ? "校车不合格：" : "校车临期提醒：") + names.label + " " +
                 title + "（" + rule->title + "）";
    note.body = v.verdict.reason;
    note.object_type = names.subject;
    note.object_id = std::to_string(meta.id);
    XA_TRY(Notify(s, tx, users, note));
  }
  return {};
}

Result<ValuesInForce> InForceAt(domain::Tx& tx, std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(school_id));
  if (!unit) return ValuesInForce{};
  return LoadValuesInForce(tx, *unit, tr::BusRuleDecls());
}

// The fields a route is refused for: its parts of the same school and in use, and RouteProblems.
template <typename T>
std::vector<ErrorDetail> RouteRefusals(const T& r, const RouteParts& parts, cal::Date today,
                                       const tr::RuleValues& values) {
  std::vector<ErrorDetail> out;
  const auto foreign = [&](const tr::BusRecordMeta* m, const char* field, const char* what) {
    if (!m) {
      out.push_back({field, std::string("没有这个") + what});
    } else if (m->unit_id != r.meta.unit_id) {
      out.push_back({field, std::string(what) + "须为本校登记的"});
    } else if (!m->active) {
      out.push_back({field, std::string(what) + "已停用"});
    } else {
      return false;
    }
    return true;
  };
  bool bad_vehicle = false;
  bool bad_driver = false;
  if (r.vehicle_id) {
    bad_vehicle = foreign(parts.vehicle ? &parts.vehicle->meta : nullptr, "vehicle_id", "车辆");
  }
  if (r.driver_id) {
    bad_driver = foreign(parts.driver ? &parts.driver->meta : nullptr, "driver_id", "驾驶人");
  }
  if (r.monitor_id) {
    foreign(parts.monitor ? &parts.monitor->meta : nullptr, "monitor_id", "照管人员");
  }
  if (!r.meta.active) return out;
  std::optional<tr::DriverFacts> driver;
  std::optional<tr::VehicleFacts> vehicle;
  if (parts.driver && !bad_driver) driver = tr::FactsOf(*parts.driver);
  if (parts.vehicle && !bad_vehicle) vehicle = tr::FactsOf(*parts.vehicle);
  for (auto& p : tr::RouteProblems(driver, vehicle, r.riders, today, values)) {
    out.push_back(std::move(p));
  }
  return out;
}

template <typename T>
Status Store(domain::Tx& tx, T& rec, bool create) {
  if (create) return tx.buses().Insert(rec);
  XA_ASSIGN_OR_RETURN(const bool saved, tx.buses().Update(rec));
  if (!saved) return FailedPrecondition("bus.stale", "这条记录刚被他人修改，请刷新后再试");
  return {};
}

// A vehicle or driver that is taken out of use while an active route still uses it is refused.
template <typename T>
Status CheckStillUsed(domain::Tx& tx, const T& rec) {
  if (rec.meta.active || rec.meta.id == 0) return {};
  std::optional<std::int64_t> v;
  std::optional<std::int64_t> d;
  std::optional<std::int64_t> m;
  if constexpr (std::is_same_v<T, tr::BusVehicle>) v = rec.meta.id;
  if constexpr (std::is_same_v<T, tr::BusDriver>) d = rec.meta.id;
  if constexpr (std::is_same_v<T, tr::BusMonitor>) m = rec.meta.id;
  if (!v && !d && !m) return {};
  XA_ASSIGN_OR_RETURN(const auto routes, tx.buses().RoutesUsing(v, d, m));
  if (routes.empty()) return {};
  return InvalidArgument(
      "active", std::string("线路“") + routes.front().name + "”仍在使用，请先在线路中更换后再停用");
}

// The routes that use a vehicle or driver are judged again after it changed (a vehicle's seats
// change a route's capacity; a route's vehicle changes its driver's required class).
Status RejudgeRoutesOf(Services& s, domain::Tx& tx, std::optional<std::int64_t> vehicle,
                       std::optional<std::int64_t> driver, std::optional<std::int64_t> monitor,
                       cal::Date today, const ValuesInForce& in_force) {
  XA_ASSIGN_OR_RETURN(const auto routes, tx.buses().RoutesUsing(vehicle, driver, monitor));
  for (const auto& r : routes) {
    XA_ASSIGN_OR_RETURN(const auto verdicts, VerdictsOf(tx, r, today, ValuesOf(in_force)));
    XA_TRY(SaveFindings(s, tx, kRouteNames, r.meta, r.name, verdicts, in_force));
  }
  return {};
}

template <typename T>
Result<BusView<T>> Save(Services& s, const RequestContext& ctx, T in) {
  const auto& names = NamesOf(in);
  const bool create = in.meta.id == 0;
  XA_TRY(RequirePermission(ctx, perm::kBusManage,
                           std::string(create ? "登记" : "修改") + names.label));
  if constexpr (std::is_same_v<T, tr::BusVehicle>) {
    if (const auto plate = tr::NormalizePlate(in.plate)) in.plate = *plate;
  }
  if constexpr (std::is_same_v<T, tr::BusDriver>) {
    if (const auto c = tr::NormalizeLicenceClass(in.licence_class)) in.licence_class = *c;
  }
  const auto today = TodayInChina(s);
  if (auto problems = Check(in, today); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  if (create) in.meta.active = true;
  BusView<T> out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    std::string school_name;
    if (create) {
      auto school = SchoolInScope(tx, ctx, in.meta.unit_id);
      if (!school.ok()) {
        // A registry record names its school unit_id.
        auto e = std::move(school).error();
        for (auto& d : e.details) {
          if (d.field == "school_id") d.field = "unit_id";
        }
        return e;
      }
      school_name = school->unit.name;
    } else {
      XA_ASSIGN_OR_RETURN(auto old, LoadInScope<T>(tx, ctx.Scope(), in.meta.id));
      in.meta.unit_id = old.meta.unit_id;
      school_name = old.meta.unit_name;
    }
    XA_ASSIGN_OR_RETURN(const auto in_force, InForceAt(tx, in.meta.unit_id));
    const auto values = ValuesOf(in_force);
    if constexpr (std::is_same_v<T, tr::BusVehicle> || std::is_same_v<T, tr::BusDriver>) {
      if (in.provider_id) {
        XA_ASSIGN_OR_RETURN(const auto p,
                            tx.buses().FindProvider(*in.provider_id, domain::ScopeFilter{}));
        if (!p || p->meta.unit_id != in.meta.unit_id) {
          return InvalidArgument("provider_id", "校车服务单位须为本校登记的");
        }
      }
    }
    if constexpr (std::is_same_v<T, tr::BusVehicle>) {
      XA_ASSIGN_OR_RETURN(const auto other, tx.buses().VehicleWithPlate(in.plate));
      if (in.meta.active && other != 0 && other != in.meta.id) {
        return InvalidArgument("plate", "车牌号 " + in.plate + " 已登记");
      }
    }
    if constexpr (std::is_same_v<T, tr::BusRoute>) {
      XA_ASSIGN_OR_RETURN(const auto parts, PartsOf(tx, in));
      auto refused = RouteRefusals(in, parts, today, values);
      if (!refused.empty()) return domain::ValidationError(std::move(refused));
    }
    if constexpr (std::is_same_v<T, tr::BusOuting>) {
      // Judged on the outing's day: a permit that will have expired, a driver not yet 25.
      const auto day = cal::ParseDate(in.date).value_or(today);
      if (create && day < today) return InvalidArgument("date", "出行日期不能早于今天");
      XA_ASSIGN_OR_RETURN(const auto parts, PartsOf(tx, in));
      auto refused = RouteRefusals(in, parts, day, values);
      if (!refused.empty()) return domain::ValidationError(std::move(refused));
    }
    XA_TRY(CheckStillUsed(tx, in));
    in.meta.updated_by = ctx.actor;
    in.meta.updated_at = s.clock.Now();
    XA_TRY(Store(tx, in, create));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, std::string("bus.") + names.code + (create ? ".create" : ".edit"),
                names.subject, std::to_string(in.meta.id),
                std::string(create ? "登记" : "修改") + names.label + "：" + school_name + " " +
                    Title(in) + (in.meta.active ? "" : "（已停用）"))));
    XA_ASSIGN_OR_RETURN(out.record, LoadInScope<T>(tx, domain::ScopeFilter{}, in.meta.id));
    XA_ASSIGN_OR_RETURN(const auto verdicts, VerdictsOf(tx, out.record, today, values));
    out.checks = ChecksOf(verdicts);
    // An outing's checks are shown with it, not kept as findings (it is judged on its own day).
    if constexpr (!std::is_same_v<T, tr::BusProvider> && !std::is_same_v<T, tr::BusMonitor> &&
                  !std::is_same_v<T, tr::BusOuting>) {
      XA_TRY(SaveFindings(s, tx, names, out.record.meta, Title(out.record), verdicts, in_force));
    }
    if constexpr (std::is_same_v<T, tr::BusVehicle>) {
      XA_TRY(RejudgeRoutesOf(s, tx, in.meta.id, std::nullopt, std::nullopt, today, in_force));
    }
    if constexpr (std::is_same_v<T, tr::BusMonitor>) {
      XA_TRY(RejudgeRoutesOf(s, tx, std::nullopt, std::nullopt, in.meta.id, today, in_force));
    }
    if constexpr (std::is_same_v<T, tr::BusRoute>) {
      // The driver's required class follows the route's vehicle.
      if (in.driver_id) {
        XA_ASSIGN_OR_RETURN(const auto d,
                            tx.buses().FindDriver(*in.driver_id, domain::ScopeFilter{}));
        if (d) {
          XA_ASSIGN_OR_RETURN(const auto dv, VerdictsOf(tx, *d, today, values));
          XA_TRY(SaveFindings(s, tx, kDriverNames, d->meta, d->name, dv, in_force));
        }
      }
    }
    out.can_edit = true;
    return {};
  }));
  return out;
}

template <typename T>
Result<BusView<T>> Get(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kBusRead, std::string("查看") + NamesOf(T{}).label));
  BusView<T> out;
  const auto today = TodayInChina(s);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out.record, LoadInScope<T>(tx, ctx.Scope(), id));
    XA_ASSIGN_OR_RETURN(const auto in_force, InForceAt(tx, out.record.meta.unit_id));
    XA_ASSIGN_OR_RETURN(const auto verdicts, VerdictsOf(tx, out.record, today, ValuesOf(in_force)));
    out.checks = ChecksOf(verdicts);
    return {};
  }));
  out.can_edit = ctx.Can(perm::kBusManage);
  return out;
}

Result<domain::PageResult<tr::BusProvider>> Page(domain::Tx& tx, const tr::BusFilter& f,
                                                 const domain::ScopeFilter& scope,
                                                 const domain::PageRequest& page,
                                                 tr::BusProvider*) {
  return tx.buses().Providers(f, scope, page);
}
Result<domain::PageResult<tr::BusVehicle>> Page(domain::Tx& tx, const tr::BusFilter& f,
                                                const domain::ScopeFilter& scope,
                                                const domain::PageRequest& page, tr::BusVehicle*) {
  return tx.buses().Vehicles(f, scope, page);
}
Result<domain::PageResult<tr::BusDriver>> Page(domain::Tx& tx, const tr::BusFilter& f,
                                               const domain::ScopeFilter& scope,
                                               const domain::PageRequest& page, tr::BusDriver*) {
  return tx.buses().Drivers(f, scope, page);
}
Result<domain::PageResult<tr::BusMonitor>> Page(domain::Tx& tx, const tr::BusFilter& f,
                                                const domain::ScopeFilter& scope,
                                                const domain::PageRequest& page, tr::BusMonitor*) {
  return tx.buses().Monitors(f, scope, page);
}
Result<domain::PageResult<tr::BusRoute>> Page(domain::Tx& tx, const tr::BusFilter& f,
                                              const domain::ScopeFilter& scope,
                                              const domain::PageRequest& page, tr::BusRoute*) {
  return tx.buses().Routes(f, scope, page);
}
Result<domain::PageResult<tr::BusOuting>> Page(domain::Tx& tx, const tr::BusFilter& f,
                                               const domain::ScopeFilter& scope,
                                               const domain::PageRequest& page, tr::BusOuting*) {
  return tx.buses().Outings(f, scope, page);
}

template <typename T>
Result<BusPage<T>> List(Services& s, const RequestContext& ctx, const tr::BusFilter& f,
                        const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, perm::kBusRead, std::string("查看") + NamesOf(T{}).label));
  XA_TRY(CheckPage(page, {}));
  BusPage<T> out;
  const auto today = TodayInChina(s);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto list, Page(tx, f, ctx.Scope(), page, static_cast<T*>(nullptr)));
    out.total = list.total;
    std::map<std::int64_t, ValuesInForce> in_force;
    for (auto& rec : list.items) {
      auto it = in_force.find(rec.meta.unit_id);
      if (it == in_force.end()) {
        XA_ASSIGN_OR_RETURN(auto v, InForceAt(tx, rec.meta.unit_id));
        it = in_force.emplace(rec.meta.unit_id, std::move(v)).first;
      }
      BusView<T> v;
      XA_ASSIGN_OR_RETURN(const auto verdicts, VerdictsOf(tx, rec, today, ValuesOf(it->second)));
      v.checks = ChecksOf(verdicts);
      v.record = std::move(rec);
      v.can_edit = ctx.Can(perm::kBusManage);
      out.items.push_back(std::move(v));
    }
    return {};
  }));
  return out;
}

bool Fails(const std::vector<BusCheck>& checks) {
  return std::any_of(checks.begin(), checks.end(),
                     [](const BusCheck& c) { return c.outcome == rules::Outcome::kFail; });
}
bool Warns(const std::vector<BusCheck>& checks) {
  return std::any_of(checks.begin(), checks.end(),
                     [](const BusCheck& c) { return c.outcome == rules::Outcome::kWarn; });
}

// Every record of a kind in scope, page by page.
template <typename T>
Result<std::vector<BusView<T>>> AllOf(Services& s, const RequestContext& ctx) {
  std::vector<BusView<T>> out;
  domain::PageRequest page;
  page.page_size = 500;
  for (page.page = 1;; ++page.page) {
    XA_ASSIGN_OR_RETURN(auto list, List<T>(s, ctx, tr::BusFilter{}, page));
    for (auto& v : list.items) out.push_back(std::move(v));
    if (static_cast<std::int64_t>(page.page) * page.page_size >= list.total) break;
  }
  return out;
}

std::string Yes(bool b) { return b ? "是" : "否"; }

std::string ProblemsOf(const std::vector<BusCheck>& checks) {
  std::string out;
  for (const auto& c : checks) {
    if (c.outcome != rules::Outcome::kFail && c.outcome != rules::Outcome::kWarn) continue;
    out += (out.empty() ? "" : "；") + c.reason;
  }
  return out;
}

}  // namespace

Result<BusView<tr::BusProvider>> SaveBusProvider(Services& s, const RequestContext& ctx,
                                                 tr::BusProvider in) {
  return Save(s, ctx, std::move(in));
}
Result<BusView<tr::BusVehicle>> SaveBusVehicle(Services& s, const RequestContext& ctx,
                                               tr::BusVehicle in) {
  return Save(s, ctx, std::move(in));
}
Result<BusView<tr::BusDriver>> SaveBusDriver(Services& s, const RequestContext& ctx,
                                             tr::BusDriver in) {
  return Save(s, ctx, std::move(in));
}
Result<BusView<tr::BusMonitor>> SaveBusMonitor(Services& s, const RequestContext& ctx,
                                               tr::BusMonitor in) {
  return Save(s, ctx, std::move(in));
}
Result<BusView<tr::BusRoute>> SaveBusRoute(Services& s, const RequestContext& ctx,
                                           tr::BusRoute in) {
  return Save(s, ctx, std::move(in));
}
Result<BusView<tr::BusOuting>> SaveBusOuting(Services& s, const RequestContext& ctx,
                                             tr::BusOuting in) {
  return Save(s, ctx, std::move(in));
}

Result<BusView<tr::BusProvider>> GetBusProvider(Services& s, const RequestContext& ctx,
                                                std::int64_t id) {
  return Get<tr::BusProvider>(s, ctx, id);
}
Result<BusView<tr::BusVehicle>> GetBusVehicle(Services& s, const RequestContext& ctx,
                                              std::int64_t id) {
  return Get<tr::BusVehicle>(s, ctx, id);
}
Result<BusView<tr::BusDriver>> GetBusDriver(Services& s, const RequestContext& ctx,
                                            std::int64_t id) {
  return Get<tr::BusDriver>(s, ctx, id);
}
Result<BusView<tr::BusMonitor>> GetBusMonitor(Services& s, const RequestContext& ctx,
                                              std::int64_t id) {
  return Get<tr::BusMonitor>(s, ctx, id);
}
Result<BusView<tr::BusRoute>> GetBusRoute(Services& s, const RequestContext& ctx, std::int64_t id) {
  return Get<tr::BusRoute>(s, ctx, id);
}
Result<BusView<tr::BusOuting>> GetBusOuting(Services& s, const RequestContext& ctx,
                                            std::int64_t id) {
  return Get<tr::BusOuting>(s, ctx, id);
}

Result<BusPage<tr::BusProvider>> ListBusProviders(Services& s, const RequestContext& ctx,
                                                  const tr::BusFilter& f,
                                                  const domain::PageRequest& page) {
  return List<tr::BusProvider>(s, ctx, f, page);
}
Result<BusPage<tr::BusVehicle>> ListBusVehicles(Services& s, const RequestContext& ctx,
                                                const tr::BusFilter& f,
                                                const domain::PageRequest& page) {
  return List<tr::BusVehicle>(s, ctx, f, page);
}
Result<BusPage<tr::BusDriver>> ListBusDrivers(Services& s, const RequestContext& ctx,
                                              const tr::BusFilter& f,
                                              const domain::PageRequest& page) {
  return List<tr::BusDriver>(s, ctx, f, page);
}
Result<BusPage<tr::BusMonitor>> ListBusMonitors(Services& s, const RequestContext& ctx,
                                                const tr::BusFilter& f,
                                                const domain::PageRequest& page) {
  return List<tr::BusMonitor>(s, ctx, f, page);
}
Result<BusPage<tr::BusRoute>> ListBusRoutes(Services& s, const RequestContext& ctx,
                                            const tr::BusFilter& f,
                                            const domain::PageRequest& page) {
  return List<tr::BusRoute>(s, ctx, f, page);
}
Result<BusPage<tr::BusOuting>> ListBusOutings(Services& s, const RequestContext& ctx,
                                              const tr::BusFilter& f,
                                              const domain::PageRequest& page) {
  return List<tr::BusOuting>(s, ctx, f, page);
}

Result<BusSurvey> GetBusSurvey(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kBusRead, "查看校车底数"));
  XA_ASSIGN_OR_RETURN(const auto providers, AllOf<tr::BusProvider>(s, ctx));
  XA_ASSIGN_OR_RETURN(const auto vehicles, AllOf<tr::BusVehicle>(s, ctx));
  XA_ASSIGN_OR_RETURN(const auto drivers, AllOf<tr::BusDriver>(s, ctx));
  XA_ASSIGN_OR_RETURN(const auto monitors, AllOf<tr::BusMonitor>(s, ctx));
  XA_ASSIGN_OR_RETURN(const auto routes, AllOf<tr::BusRoute>(s, ctx));
  std::map<std::int64_t, BusSurveyRow> rows;
  const auto row = [&](const tr::BusRecordMeta& m) -> BusSurveyRow& {
    auto& r = rows[m.unit_id];
    r.school_id = m.unit_id;
    r.school_name = m.unit_name;
    return r;
  };
  for (const auto& p : providers) ++row(p.record.meta).providers;
  for (const auto& v : vehicles) {
    auto& r = row(v.record.meta);
    ++r.vehicles;
    if (Fails(v.checks)) ++r.failing_vehicles;
    if (Warns(v.checks)) ++r.warnings;
  }
  for (const auto& d : drivers) {
    auto& r = row(d.record.meta);
    ++r.drivers;
    if (Fails(d.checks)) ++r.failing_drivers;
    if (Warns(d.checks)) ++r.warnings;
  }
  for (const auto& m : monitors) ++row(m.record.meta).monitors;
  for (const auto& t : routes) {
    auto& r = row(t.record.meta);
    ++r.routes;
    r.riders += t.record.riders;
    if (Fails(t.checks)) ++r.failing_routes;
  }
  BusSurvey out;
  for (auto& [id, r] : rows) {
    out.total.providers += r.providers;
    out.total.vehicles += r.vehicles;
    out.total.drivers += r.drivers;
    out.total.monitors += r.monitors;
    out.total.routes += r.routes;
    out.total.riders += r.riders;
    out.total.failing_vehicles += r.failing_vehicles;
    out.total.failing_drivers += r.failing_drivers;
    out.total.failing_routes += r.failing_routes;
    out.total.warnings += r.warnings;
    out.rows.push_back(std::move(r));
  }
  out.schools = static_cast<int>(out.rows.size());
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const BusSurveyRow& a, const BusSurveyRow& b) {
                     const int fa = a.failing_vehicles + a.failing_drivers + a.failing_routes;
                     const int fb = b.failing_vehicles + b.failing_drivers + b.failing_routes;
                     if (fa != fb) return fa > fb;
                     return a.school_name < b.school_name;
                   });
  return out;
}

Result<std::string> ExportBusSurvey(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kBusRead, "导出校车底数"));
  XA_ASSIGN_OR_RETURN(const auto survey, GetBusSurvey(s, ctx));
  XA_ASSIGN_OR_RETURN(const auto vehicles, AllOf<tr::BusVehicle>(s, ctx));
  XA_ASSIGN_OR_RETURN(const auto drivers, AllOf<tr::BusDriver>(s, ctx));
  XA_ASSIGN_OR_RETURN(const auto routes, AllOf<tr::BusRoute>(s, ctx));
  std::vector<office::Row> board = {
      office::TextRow({"学校", "服务单位", "车辆", "驾驶人", "照管人员", "线路", "乘车学生",
                       "不合格车辆", "不合格驾驶人", "不合格线路", "临期提醒"})};
  const auto n = [](int v) { return std::to_string(v); };
  for (const auto& r : survey.rows) {
    board.push_back(office::TextRow({r.school_name, n(r.providers), n(r.vehicles), n(r.drivers),
                                     n(r.monitors), n(r.routes), n(r.riders), n(r.failing_vehicles),
                                     n(r.failing_drivers), n(r.failing_routes), n(r.warnings)}));
  }
  const auto& t = survey.total;
  board.push_back(office::TextRow({"合计", n(t.providers), n(t.vehicles), n(t.drivers),
                                   n(t.monitors), n(t.routes), n(t.riders), n(t.failing_vehicles),
                                   n(t.failing_drivers), n(t.failing_routes), n(t.warnings)}));
  std::vector<office::Row> vrows = {
      office::TextRow({"学校", "车牌号", "核定载人数", "服务单位", "校车标牌号", "标牌有效期至",
                       "最近安全技术检验", "承运人责任险到期", "卫星定位", "租用车辆", "问题"})};
  for (const auto& v : vehicles) {
    const auto& r = v.record;
    vrows.push_back(office::TextRow({r.meta.unit_name, r.plate, n(r.seats), r.provider_name,
                                     r.permit_no, r.permit_until, r.inspected_on, r.insurance_until,
                                     Yes(r.gps), Yes(r.rented), ProblemsOf(v.checks)}));
  }
  std::vector<office::Row> drows = {
      office::TextRow({"学校", "姓名", "出生日期", "准驾车型", "初次领证", "校车签注", "最近体检",
                       "服务单位", "问题"})};
  for (const auto& d : drivers) {
    const auto& r = d.record;
    drows.push_back(office::TextRow({r.meta.unit_name, r.name, r.birth, r.licence_class,
                                     r.licence_since, Yes(r.bus_endorsement), r.health_checked_on,
                                     r.provider_name, ProblemsOf(d.checks)}));
  }
  std::vector<office::Row> rrows = {
      office::TextRow({"学校", "线路", "站点", "早上发车", "下午发车", "乘车学生", "车辆", "驾驶人",
                       "照管人员", "问题"})};
  for (const auto& t2 : routes) {
    const auto& r = t2.record;
    rrows.push_back(
        office::TextRow({r.meta.unit_name, r.name, r.stops, r.leave_at, r.return_at, n(r.riders),
                         r.vehicle_plate, r.driver_name, r.monitor_name, ProblemsOf(t2.checks)}));
  }
  XA_ASSIGN_OR_RETURN(
      auto bytes,
      office::WriteXlsx({office::Sheet{"校车底数", board}, office::Sheet{"车辆", vrows},
                         office::Sheet{"驾驶人", drows}, office::Sheet{"线路", rrows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "bus.export", "bus_survey", "*",
                                     "导出校车底数：" + std::to_string(survey.schools) +
                                         " 所学校，车辆 " + std::to_string(t.vehicles) + " 辆")));
    return {};
  }));
  return bytes;
}

namespace {

template <typename T>
Status AddTasks(Services& s, const RequestContext& ctx, TaskGroup& g) {
  tr::BusFilter f;
  f.unit_id = ctx.unit_id;
  domain::PageRequest page;
  page.page_size = 500;
  XA_ASSIGN_OR_RETURN(auto list, List<T>(s, ctx, f, page));
  const auto today = cal::FormatDate(TodayInChina(s));
  for (const auto& v : list.items) {
    const bool fails = Fails(v.checks);
    if (!fails && !Warns(v.checks)) continue;
    if constexpr (std::is_same_v<T, tr::BusOuting>) {
      // An outing to come whose vehicle or driver will fail on its day (changed since it was
      // planned); its expiry warnings are the vehicle's own.
      if (!fails || v.record.date < today) continue;
    }
    ++g.count;
    if (fails) ++g.overdue;
    g.items.push_back(
        {NamesOf(v.record).subject, v.record.meta.id, std::nullopt,
         std::string(NamesOf(v.record).label) + " " + Title(v.record) + "：" + ProblemsOf(v.checks),
         v.record.meta.unit_name, "", fails});
  }
  return {};
}

}  // namespace

TaskSource BusTaskSource() {
  return {kModule, [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(perm::kBusManage) || !ctx.unit_id) return out;
            std::optional<domain::Unit> unit;
            XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
              XA_ASSIGN_OR_RETURN(unit, tx.org().FindUnit(*ctx.unit_id));
              return {};
            }));
            if (!unit || unit->kind != "school") return out;
            TaskGroup g{"bus.checks", "校车待处理", 0, 0, {}};
            XA_TRY(AddTasks<tr::BusVehicle>(s, ctx, g));
            XA_TRY(AddTasks<tr::BusDriver>(s, ctx, g));
            XA_TRY(AddTasks<tr::BusRoute>(s, ctx, g));
            XA_TRY(AddTasks<tr::BusOuting>(s, ctx, g));
            // Failing first; at most kTaskItems.
            std::stable_sort(
                g.items.begin(), g.items.end(),
                [](const TaskItem& a, const TaskItem& b) { return a.overdue && !b.overdue; });
            if (g.items.size() > static_cast<std::size_t>(kTaskItems)) g.items.resize(kTaskItems);
            if (g.count > 0) out.push_back(std::move(g));
            return out;
          }};
}

// ---- Excel -------------------------------------------------------------------------------------

namespace {

Result<tr::BusList> ListOf(const std::string& code) {
  const auto list = tr::BusListOf(code);
  if (!list) {
    return InvalidArgument("list",
                           "须为 providers（服务单位）、vehicles（车辆）、drivers（驾驶人）、"
                           "monitors（照管人员）或 routes（线路）");
  }
  return *list;
}

const char* FileName(tr::BusList list) {
  switch (list) {
    case tr::BusList::kProviders:
      return "校车服务单位";
    case tr::BusList::kVehicles:
      return "校车车辆";
    case tr::BusList::kDrivers:
      return "校车驾驶人";
    case tr::BusList::kMonitors:
      return "校车照管人员";
    case tr::BusList::kRoutes:
      break;
  }
  return "校车线路";
}

// Every active record of a kind at one school.
template <typename T>
Result<std::vector<T>> OfSchool(domain::Tx& tx, std::int64_t school_id) {
  tr::BusFilter f;
  f.unit_id = school_id;
  domain::PageRequest page;
  page.page_size = 500;
  XA_ASSIGN_OR_RETURN(auto list,
                      Page(tx, f, domain::ScopeFilter{}, page, static_cast<T*>(nullptr)));
  return std::move(list.items);
}

template <typename T>
T& RecordOf(tr::BusRowRecord& r);
template <>
tr::BusProvider& RecordOf(tr::BusRowRecord& r) {
  return r.provider;
}
template <>
tr::BusVehicle& RecordOf(tr::BusRowRecord& r) {
  return r.vehicle;
}
template <>
tr::BusDriver& RecordOf(tr::BusRowRecord& r) {
  return r.driver;
}
template <>
tr::BusMonitor& RecordOf(tr::BusRowRecord& r) {
  return r.monitor;
}
template <>
tr::BusRoute& RecordOf(tr::BusRowRecord& r) {
  return r.route;
}

// The records named in a row, within its school: a provider by name; a route's vehicle by plate,
// driver and monitor by name (one of that name).
template <typename T>
Status ResolveNames(domain::Tx& tx, tr::BusRowRecord& row, T& rec,
                    std::vector<ErrorDetail>& problems) {
  const auto unit = rec.meta.unit_id;
  const auto fail = [&](const char* column, std::string reason) {
    problems.push_back({column, std::move(reason), row.row});
  };
  if constexpr (std::is_same_v<T, tr::BusVehicle> || std::is_same_v<T, tr::BusDriver>) {
    if (!row.provider_name.empty()) {
      XA_ASSIGN_OR_RETURN(const auto providers, OfSchool<tr::BusProvider>(tx, unit));
      const auto it = std::find_if(providers.begin(), providers.end(),
                                   [&](const auto& p) { return p.name == row.provider_name; });
      if (it == providers.end()) {
        fail("校车服务单位", "本校没有登记服务单位“" + row.provider_name + "”");
      } else {
        rec.provider_id = it->meta.id;
      }
    }
  }
  if constexpr (std::is_same_v<T, tr::BusRoute>) {
    const auto find = [&](const auto& all, const std::string& name, const char* column,
                          const char* what, std::optional<std::int64_t>& id, auto name_of) {
      if (name.empty()) return;
      int found = 0;
      for (const auto& r : all) {
        if (name_of(r) != name) continue;
        ++found;
        id = r.meta.id;
      }
      if (found == 0) fail(column, std::string("本校没有登记") + what + "“" + name + "”");
      if (found > 1)
        fail(column, std::string("本校有多个") + what + "叫“" + name + "”，请在页面上选择");
    };
    XA_ASSIGN_OR_RETURN(const auto vehicles, OfSchool<tr::BusVehicle>(tx, unit));
    XA_ASSIGN_OR_RETURN(const auto drivers, OfSchool<tr::BusDriver>(tx, unit));
    XA_ASSIGN_OR_RETURN(const auto monitors, OfSchool<tr::BusMonitor>(tx, unit));
    find(vehicles, row.vehicle_plate, "车牌号", "车辆", rec.vehicle_id,
         [](const tr::BusVehicle& v) { return v.plate; });
    find(drivers, row.driver_name, "驾驶人", "驾驶人", rec.driver_id,
         [](const tr::BusDriver& d) { return d.name; });
    find(monitors, row.monitor_name, "照管人员", "照管人员", rec.monitor_id,
         [](const tr::BusMonitor& m) { return m.name; });
  }
  return {};
}

template <typename T>
Result<int> ImportRows(Services& s, domain::Tx& tx, const RequestContext& ctx, tr::BusList list,
                       std::vector<tr::BusRowRecord>& rows, std::vector<ErrorDetail>& problems,
                       ImportReport& report, std::set<std::int64_t>& schools) {
  const auto today = TodayInChina(s);
  struct Pending {
    T rec;
    bool create = true;
  };
  std::vector<Pending> pending;
  std::map<std::pair<std::int64_t, std::string>, int> seen;  // (school, key) → row
  std::map<std::int64_t, ValuesInForce> in_force;
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
    T rec = std::move(RecordOf<T>(row));
    rec.meta.unit_id = unit->id;
    rec.meta.active = true;
    const std::size_t before = problems.size();
    XA_TRY(ResolveNames(tx, row, rec, problems));
    for (auto& p : Check(rec, today)) {
      fail(tr::BusColumnOf(list, p.field), std::move(p.reason));
    }
    const auto key = std::make_pair(unit->id, tr::BusKey(rec));
    if (const auto [it, fresh] = seen.emplace(key, row.row); !fresh) {
      fail(BusColumns(list)[2], "与第 " + std::to_string(it->second) + " 行重复");
    }
    XA_ASSIGN_OR_RETURN(const auto stored, OfSchool<T>(tx, unit->id));
    bool create = true;
    for (const auto& old : stored) {
      if (tr::BusKey(old) != tr::BusKey(rec)) continue;
      rec.meta.id = old.meta.id;
      rec.meta.version = old.meta.version;
      create = false;
    }
    if constexpr (std::is_same_v<T, tr::BusVehicle>) {
      XA_ASSIGN_OR_RETURN(const auto other, tx.buses().VehicleWithPlate(rec.plate));
      if (other != 0 && other != rec.meta.id) fail("车牌号", "车牌号 " + rec.plate + " 已登记");
    }
    if constexpr (std::is_same_v<T, tr::BusRoute>) {
      if (problems.size() == before) {
        auto it = in_force.find(unit->id);
        if (it == in_force.end()) {
          XA_ASSIGN_OR_RETURN(auto v, InForceAt(tx, unit->id));
          it = in_force.emplace(unit->id, std::move(v)).first;
        }
        XA_ASSIGN_OR_RETURN(const auto parts, PartsOf(tx, rec));
        auto refused = RouteRefusals(rec, parts, today, ValuesOf(it->second));
        for (auto& p : refused) fail(tr::BusColumnOf(list, p.field), std::move(p.reason));
      }
    }
    if (problems.size() == before) pending.push_back({std::move(rec), create});
  }
  if (!problems.empty()) {
    return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
  }
  for (auto& p : pending) {
    p.rec.meta.updated_by = ctx.actor;
    p.rec.meta.updated_at = s.clock.Now();
    XA_TRY(Store(tx, p.rec, p.create));
    if (p.create) {
      ++report.created;
    } else {
      ++report.updated;
    }
    schools.insert(p.rec.meta.unit_id);
  }
  return static_cast<int>(pending.size());
}

}  // namespace

Result<std::pair<std::string, std::string>> BusListTemplate(const std::string& code) {
  XA_ASSIGN_OR_RETURN(const auto list, ListOf(code));
  std::vector<office::Row> notes = {office::TextRow({"列", "填写说明"})};
  for (const auto& [column, note] : tr::BusColumnNotes(list)) {
    notes.push_back(office::TextRow({column, note}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes,
                      office::WriteXlsx({office::Sheet{std::string(tr::BusListLabel(list)),
                                                       {office::TextRow(tr::BusColumns(list))}},
                                         office::Sheet{"填写说明", notes}}));
  return std::make_pair(std::string(FileName(list)) + "导入模板.xlsx", std::move(bytes));
}

Result<std::pair<std::string, std::string>> ExportBusList(Services& s, const RequestContext& ctx,
                                                          const std::string& code) {
  XA_TRY(RequirePermission(ctx, perm::kBusRead, "导出校车台账"));
  XA_ASSIGN_OR_RETURN(const auto list, ListOf(code));
  office::Sheet sheet{std::string(tr::BusListLabel(list)), {office::TextRow(tr::BusColumns(list))}};
  std::map<std::int64_t, std::string> code_of;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto schools, AllSchoolsInScope(tx, ctx));
    for (const auto& sc : schools) code_of[sc.unit.id] = sc.unit.code.value_or("");
    return {};
  }));
  const auto add = [&](const tr::BusRecordMeta& m, std::vector<std::string> cells) {
    std::vector<std::string> row = {code_of[m.unit_id], m.unit_name};
    row.insert(row.end(), cells.begin(), cells.end());
    office::Row out = office::TextRow(row);
    // Dates as date cells, so the file imports back whatever the spreadsheet program does.
    for (std::size_t c = 0; c < out.size(); ++c) {
      if (tr::BusDateColumn(list, c) && !out[c].empty()) out[c] = office::Cell::Date(out[c].text);
    }
    sheet.rows.push_back(std::move(out));
  };
  switch (list) {
    case tr::BusList::kProviders: {
      XA_ASSIGN_OR_RETURN(const auto all, AllOf<tr::BusProvider>(s, ctx));
      for (const auto& v : all) add(v.record.meta, tr::BusCells(v.record));
      break;
    }
    case tr::BusList::kVehicles: {
      XA_ASSIGN_OR_RETURN(const auto all, AllOf<tr::BusVehicle>(s, ctx));
      for (const auto& v : all) add(v.record.meta, tr::BusCells(v.record));
      break;
    }
    case tr::BusList::kDrivers: {
      XA_ASSIGN_OR_RETURN(const auto all, AllOf<tr::BusDriver>(s, ctx));
      for (const auto& v : all) add(v.record.meta, tr::BusCells(v.record));
      break;
    }
    case tr::BusList::kMonitors: {
      XA_ASSIGN_OR_RETURN(const auto all, AllOf<tr::BusMonitor>(s, ctx));
      for (const auto& v : all) add(v.record.meta, tr::BusCells(v.record));
      break;
    }
    case tr::BusList::kRoutes: {
      XA_ASSIGN_OR_RETURN(const auto all, AllOf<tr::BusRoute>(s, ctx));
      for (const auto& v : all) add(v.record.meta, tr::BusCells(v.record));
      break;
    }
  }
  const auto n = sheet.rows.size() - 1;
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({sheet}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "bus.export", "bus", code,
                "导出" + std::string(tr::BusListLabel(list)) + " " + std::to_string(n) + " 条")));
    return {};
  }));
  return std::make_pair(std::string(FileName(list)) + ".xlsx", std::move(bytes));
}

Result<ImportReport> ImportBusList(Services& s, const RequestContext& ctx, const std::string& code,
                                   std::string_view bytes, const std::string& format) {
  XA_TRY(RequirePermission(ctx, perm::kBusManage, "导入校车台账"));
  XA_ASSIGN_OR_RETURN(const auto list, ListOf(code));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  const auto& columns = tr::BusColumns(list);
  XA_TRY(CheckHeaderRow(file.rows, columns, "请使用" + std::string(FileName(list)) + "导入模板"));
  ImportReport report;
  std::vector<ErrorDetail> problems;
  std::vector<tr::BusRowRecord> rows;
  const auto data = DataRows(file.rows, columns.size(),
                             [&](std::size_t c) { return tr::BusDateColumn(list, c); });
  const int data_rows = static_cast<int>(data.size());
  for (const auto& r : data) {
    auto parsed = tr::ParseBusRow(list, tr::SheetRow{r.row, r.cells});
    if (!parsed.ok()) {
      for (auto& d : std::move(parsed).error().details) problems.push_back(std::move(d));
    } else {
      rows.push_back(std::move(parsed).value());
    }
  }
  if (data_rows == 0) return InvalidArgument("file", "文件中没有数据行");
  report.rows = data_rows;
  const auto today = TodayInChina(s);
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    std::set<std::int64_t> schools;
    Result<int> written = 0;
    switch (list) {
      case tr::BusList::kProviders:
        written = ImportRows<tr::BusProvider>(s, tx, ctx, list, rows, problems, report, schools);
        break;
      case tr::BusList::kVehicles:
        written = ImportRows<tr::BusVehicle>(s, tx, ctx, list, rows, problems, report, schools);
        break;
      case tr::BusList::kDrivers:
        written = ImportRows<tr::BusDriver>(s, tx, ctx, list, rows, problems, report, schools);
        break;
      case tr::BusList::kMonitors:
        written = ImportRows<tr::BusMonitor>(s, tx, ctx, list, rows, problems, report, schools);
        break;
      case tr::BusList::kRoutes:
        written = ImportRows<tr::BusRoute>(s, tx, ctx, list, rows, problems, report, schools);
        break;
    }
    if (!written.ok()) return std::move(written).error();
    for (const auto id : schools) XA_TRY(EvaluateSchool(s, tx, id, today, kModule));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "bus.import", "bus", code,
                                     "导入" + std::string(tr::BusListLabel(list)) + "：" +
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

RuleModule BusRuleModule() {
  RuleModule m;
  m.module = kModule;
  m.rules = tr::BusRuleDecls();
  m.configure_path = "/rules";
  m.judge_records = [](Services& s, domain::Tx& tx, const domain::School& school,
                       const ValuesInForce& in_force, cal::Date today) -> Status {
    const auto values = ValuesOf(in_force);
    tr::BusFilter f;
    f.unit_id = school.unit.id;
    domain::PageRequest page;
    page.page_size = 500;
    XA_ASSIGN_OR_RETURN(const auto vehicles, tx.buses().Vehicles(f, domain::ScopeFilter{}, page));
    for (const auto& v : vehicles.items) {
      XA_ASSIGN_OR_RETURN(const auto verdicts, VerdictsOf(tx, v, today, values));
      XA_TRY(SaveFindings(s, tx, kVehicleNames, v.meta, v.plate, verdicts, in_force));
    }
    XA_ASSIGN_OR_RETURN(const auto drivers, tx.buses().Drivers(f, domain::ScopeFilter{}, page));
    for (const auto& d : drivers.items) {
      XA_ASSIGN_OR_RETURN(const auto verdicts, VerdictsOf(tx, d, today, values));
      XA_TRY(SaveFindings(s, tx, kDriverNames, d.meta, d.name, verdicts, in_force));
    }
    XA_ASSIGN_OR_RETURN(const auto routes, tx.buses().Routes(f, domain::ScopeFilter{}, page));
    for (const auto& r : routes.items) {
      XA_ASSIGN_OR_RETURN(const auto verdicts, VerdictsOf(tx, r, today, values));
      XA_TRY(SaveFindings(s, tx, kRouteNames, r.meta, r.name, verdicts, in_force));
    }
    return {};
  };
  return m;
}

}  // namespace xiaoan::app
