// 校车台账 at the demo schools: about a third of the rural and township schools run a school bus
// through a provider, with its vehicle, driver, monitor (照管人员) and route; most pass every
// bus rule, a few have an inspection overdue or a 校车标牌 about to expire. The first account
// school has two vehicles — 浙A52701 in order and 浙A52702 whose 校车标牌 expired last week — two
// drivers, a monitor, the route 双桥—河东线 and two outings on 浙A52701 (one past, one to come).
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/traffic/bus_registry.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace tr = domain::traffic;

namespace {

constexpr const char* kProviders[] = {"平安校车服务有限公司", "通达公交校车分公司",
                                      "顺安客运有限公司"};
constexpr const char* kDriverNames[] = {"张志强", "刘建华", "陈国庆", "杨海军",
                                        "周立新", "吴永刚", "孙明亮", "马春生"};
constexpr const char* kMonitorNames[] = {"钱丽华", "郑桂芳", "何玉梅", "高淑珍", "林秀英"};
constexpr const char* kStops[] = {"村委会、小卖部路口、卫生室、学校", "东庄、西庄、桥头、学校",
                                  "镇政府、菜市场、新村、学校", "河东、河西、老街、学校"};

void Stamp(tr::BusRecordMeta& m, std::int64_t unit, const Services& s) {
  m.unit_id = unit;
  m.active = true;
  m.updated_by = "demo";
  m.updated_at = s.clock.Now();
}

}  // namespace

Result<int> SeedBusHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                           const std::vector<domain::UnitId>& schools,
                           const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  const auto day = [&](int days_ago) {
    return cal::FormatDate(*today - std::chrono::days{days_ago});
  };
  DemoRng rnd(seed, 0xb05b05b05ULL);
  int written = 0;
  for (const auto id : schools) {
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
    if (!school) continue;
    const auto& type = school->profile.location_type;
    const bool first_account = !account_schools.empty() && id == account_schools.front();
    const bool remote = type == "rural" || type == "township";
    if (!first_account && !(remote && rnd.Chance(35))) continue;

    tr::BusProvider p;
    Stamp(p.meta, id, s);
    p.name = first_account ? "示范区平安校车服务有限公司" : kProviders[rnd.Between(0, 2)];
    p.licence_no = "交运管许可字" + std::to_string(330100000 + rnd.Between(1000, 9999)) + "号";
    p.licence_until = day(-rnd.Between(200, 900));
    p.contract_until = day(-rnd.Between(120, 400));
    p.contact = "调度室 0571-8" + std::to_string(rnd.Between(1000000, 9999999));
    XA_TRY(tx.buses().Insert(p));

    tr::BusVehicle v;
    Stamp(v.meta, id, s);
    v.provider_id = p.meta.id;
    v.plate = first_account ? "浙A52701" : "浙A6" + std::to_string(1000 + written);
    v.seats = first_account ? 39 : (rnd.Chance(50) ? 39 : 19);
    v.permit_no = "校车标牌" + std::to_string(rnd.Between(10000, 99999));
    v.permit_until = day(-rnd.Between(60, 330));
    v.inspected_on = day(rnd.Between(20, 150));
    v.insurance_until = day(-rnd.Between(30, 300));
    v.gps = true;
    if (!first_account && rnd.Chance(15)) v.inspected_on = day(rnd.Between(190, 220));  // overdue
    if (!first_account && rnd.Chance(15)) v.permit_until = day(-rnd.Between(5, 25));    // expiring
    XA_TRY(tx.buses().Insert(v));

    tr::BusDriver d;
    Stamp(d.meta, id, s);
    d.provider_id = p.meta.id;
    d.name = first_account ? "王建国" : kDriverNames[rnd.Between(0, 7)];
    d.birth = first_account ? "1975-03-18" : day(365 * rnd.Between(32, 56) + rnd.Between(0, 364));
    d.licence_class = "A1";
    d.licence_since = first_account ? "2004-06-01" : day(365 * rnd.Between(6, 20));
    d.bus_endorsement = true;
    d.health_checked_on = day(rnd.Between(30, 300));
    XA_TRY(tx.buses().Insert(d));

    tr::BusMonitor m;
    Stamp(m.meta, id, s);
    m.name = first_account ? "赵秀兰" : kMonitorNames[rnd.Between(0, 4)];
    m.trained_on = day(rnd.Between(20, 200));
    XA_TRY(tx.buses().Insert(m));

    tr::BusRoute r;
    Stamp(r.meta, id, s);
    r.name = first_account ? "双桥—河东线" : std::string("一号线");
    r.stops = first_account ? "河东村委会、桥头、老街、学校" : kStops[rnd.Between(0, 3)];
    r.leave_at = "07:05";
    r.return_at = "16:40";
    r.riders = first_account ? 32 : rnd.Between(12, v.seats);
    r.vehicle_id = v.meta.id;
    r.driver_id = d.meta.id;
    r.monitor_id = m.meta.id;
    XA_TRY(tx.buses().Insert(r));
    written += 5;

    if (first_account) {
      // The second vehicle waits for its new 校车标牌; its driver holds a B1 licence.
      tr::BusVehicle v2;
      Stamp(v2.meta, id, s);
      v2.provider_id = p.meta.id;
      v2.plate = "浙A52702";
      v2.seats = 19;
      v2.permit_no = "校车标牌20233";
      v2.permit_until = day(6);
      v2.inspected_on = day(40);
      v2.insurance_until = day(-200);
      v2.gps = true;
      XA_TRY(tx.buses().Insert(v2));
      tr::BusDriver d2;
      Stamp(d2.meta, id, s);
      d2.provider_id = p.meta.id;
      d2.name = "李卫东";
      d2.birth = "1970-08-09";
      d2.licence_class = "B1";
      d2.licence_since = "2012-05-20";
      d2.bus_endorsement = true;
      d2.health_checked_on = day(330);
      XA_TRY(tx.buses().Insert(d2));
      written += 2;
      // Its outings on the bus 浙A52701: the autumn study trip, and one to come.
      for (const auto& [purpose, place, ago, riders] :
           {std::tuple{"秋季研学旅行", "市科技馆", 40, 36},
            std::tuple{"冬季社会实践活动", "区青少年活动中心", -10, 30}}) {
        tr::BusOuting o;
        Stamp(o.meta, id, s);
        o.purpose = purpose;
        o.destination = place;
        o.date = day(ago);
        o.leave_at = "08:10";
        o.return_at = "15:30";
        o.riders = riders;
        o.vehicle_id = v.meta.id;
        o.driver_id = d.meta.id;
        o.monitor_id = m.meta.id;
        XA_TRY(tx.buses().Insert(o));
        ++written;
      }
    }
    XA_TRY(EvaluateSchool(s, tx, id, *today, "bus"));
  }
  return written;
}

}  // namespace xiaoan::app
