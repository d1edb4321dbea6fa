// 校内交通 at the demo schools: each school's staff cars and a canteen supplier's van with their
// gates and hours, the teachers' e-bikes (most with a licence plate, a campus plate and checked;
// a few without a plate, modified or not yet checked), and the entries refused at the gate over
// the last weeks. The first account school's records are fixed: its e-bike 李老师 has no licence
// plate, so the gate refuses it.
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/traffic/campus_registry.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace tr = domain::traffic;

namespace {

constexpr const char* kSurnames[] = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
constexpr const char* kRefusals[] = {"未登记的车辆", "电动自行车不得进入：无号牌，未登记",
                                     "电动自行车不得进入：未发放校内牌照",
                                     "服务车辆只能在 06:00—08:00 进入"};

void Stamp(tr::BusRecordMeta& m, std::int64_t unit, const Services& s) {
  m.unit_id = unit;
  m.active = true;
  m.updated_by = "demo";
  m.updated_at = s.clock.Now();
}

}  // namespace

Result<int> SeedCampusHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  const auto day = [&](int days_ago) {
    return cal::FormatDate(*today - std::chrono::days{days_ago});
  };
  DemoRng rnd(seed, 0xca3b05ca3bULL);
  int written = 0;
  int plate = 0;
  for (const auto id : schools) {
    const bool first_account = !account_schools.empty() && id == account_schools.front();
    if (!first_account && !rnd.Chance(45)) continue;
    const int cars = first_account ? 2 : rnd.Between(1, 3);
    for (int k = 0; k < cars; ++k) {
      tr::CampusVehicleRecord v;
      Stamp(v.meta, id, s);
      v.vehicle_class = "staff";
      v.plate = "浙A8" + std::to_string(1000 + plate++);
      v.owner = std::string(kSurnames[rnd.Between(0, 9)]) + "老师";
      v.gates = {"南门"};
      v.from = "06:30";
      v.to = "20:00";
      XA_TRY(tx.campus().Insert(v));
      ++written;
    }
    tr::CampusVehicleRecord van;
    Stamp(van.meta, id, s);
    van.vehicle_class = "service";
    van.plate = "浙A3" + std::to_string(1000 + plate++);
    van.owner = "食堂配送（绿源农产品公司）";
    van.gates = {"北门"};
    van.from = "06:00";
    van.to = "08:00";
    van.valid_from = day(90);
    van.valid_until = day(-275);
    XA_TRY(tx.campus().Insert(van));
    ++written;
    if (first_account) {
      tr::CampusVehicleRecord visitor;
      Stamp(visitor.meta, id, s);
      visitor.vehicle_class = "visitor";
      visitor.plate = "浙B" + std::to_string(20000 + plate++);
      visitor.owner = "区教育局督导检查";
      visitor.valid_from = day(1);
      visitor.valid_until = day(-5);
      XA_TRY(tx.campus().Insert(visitor));
      ++written;
    }
    const int ebikes = first_account ? 4 : rnd.Between(2, 6);
    for (int k = 0; k < ebikes; ++k) {
      tr::EbikeRecord e;
      Stamp(e.meta, id, s);
      e.owner = std::string(kSurnames[rnd.Between(0, 9)]) + "老师";
      e.licence_plate = "浙杭" + std::to_string(rnd.Between(100000, 999999));
      e.campus_plate = "校" + std::to_string(100 + k);
      e.checked_on = day(rnd.Between(10, 120));
      if (first_account) {
        // 张老师 in order, 李老师 without a licence plate, 王老师 modified, 赵老师 not checked.
        constexpr const char* kOwners[] = {"张老师", "李老师", "王老师", "赵老师"};
        e.owner = kOwners[k];
        if (k == 1) e.licence_plate.clear();
        if (k == 2) e.modified = true;
        if (k == 3) e.checked_on.clear();
      } else if (rnd.Chance(10)) {
        e.licence_plate.clear();
      } else if (rnd.Chance(10)) {
        e.checked_on.clear();
      }
      XA_TRY(tx.campus().Insert(e));
      ++written;
    }
    const int refusals = first_account ? 3 : rnd.Between(0, 3);
    for (int k = 0; k < refusals; ++k) {
      tr::GateRefusal r;
      r.unit_id = id;
      const int kind = rnd.Between(0, 3);
      r.kind = kind == 0 || kind == 3 ? "vehicle" : "ebike";
      r.gate = kind == 3 ? "北门" : "南门";
      r.plate = kind == 0 ? "浙A" + std::to_string(rnd.Between(10000, 99999)) : "";
      if (kind == 3) r.plate = van.plate;
      if (kind == 3) r.subject_id = van.meta.id;
      r.reason = kRefusals[kind];
      const int ago = rnd.Between(1, 30);
      r.on = day(ago);
      r.at = s.clock.Now() - std::chrono::days{ago} - std::chrono::hours{rnd.Between(1, 6)};
      r.recorded_by = "demo";
      XA_TRY(tx.campus().Insert(r));
      ++written;
    }
    XA_TRY(EvaluateSchool(s, tx, id, *today, "traffic"));
  }
  return written;
}

}  // namespace xiaoan::app
