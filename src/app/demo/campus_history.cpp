// 校内交通 at the demo schools: each school's staff cars and a canteen supplier's van with their
// gates and hours, the teachers' e-bikes (most with a licence plate, a campus plate and checked;
// a few without a plate, modified or not yet checked), and the entries refused at the gate over
// the last weeks. The first account school's records are fixed: its e-bike 李老师 has no licence
// plate, so the gate refuses it. Most other schools have a traffic guide (一校一策): most published
// this semester, a few published last semester, edited since or never published, some with
// road-facility needs not yet sent; the first account school has none, so its officer writes one.
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

// A school's guide: its gates, peaks by grade, zones, 护学岗, the police's duty; published this
// semester (most), last semester, edited since, or never.
template <typename Day>
Status SeedGuide(Services& s, domain::Tx& tx, DemoRng& rnd, domain::UnitId id, const Day& day) {
  tr::TrafficGuide g;
  g.unit_id = id;
  g.gates = {{"南门", "people", "07:00—08:10，15:20—17:30"},
             {"北门", "vehicles", "06:00—08:00（配送），其余时间关闭"}};
  if (rnd.Chance(40)) g.gates.push_back({"东侧门", "both", "仅上下学高峰开放"});
  g.peaks = {{"一至三年级", "arrival", "07:40", "08:00", "南门"},
             {"四至六年级", "arrival", "07:30", "07:50", "南门"},
             {"一至三年级", "dismissal", "15:30", "15:50", "南门"},
             {"四至六年级", "dismissal", "16:30", "16:50", "南门"}};
  g.zones = {{"drop_off", "南门西侧临时停靠区", "校门西 50 米路边"},
             {"waiting", "南门家长等候区", "南门广场黄线外"}};
  if (rnd.Chance(30)) g.zones.push_back({"bus", "校车停靠点", "北门内侧"});
  g.separation = "学生由南门步行进出，车辆一律由北门进出；上下学高峰时段北门不放行车辆。";
  g.posts = {{"南门斑马线", "07:20", "08:00", "值周教师 2 人、家长志愿者 2 人"},
             {"南门斑马线", "15:20", "17:00", "值周教师 2 人、保安 1 人"}};
  g.police_unit = rnd.Chance(50) ? "城关交警中队" : "城西派出所";
  g.police_duty = "上下学高峰在南门路口设岗疏导，高峰前 10 分钟到岗。";
  g.early_arrival = "07:00 起开放南门，提前到校学生在门厅等候，值班教师看护。";
  g.after_school = "放学按年级错峰，班主任送至南门等候区交给家长，不在校门口聚集逗留。";
  if (rnd.Chance(35)) {
    g.needs = {{"crossing", "南门外学府路", "校门正对位置施划人行横道", std::nullopt}};
    if (rnd.Chance(50)) g.needs.push_back({"speed_hump", "学府路东段", "", std::nullopt});
  }
  g.updated_by = "demo";
  g.updated_at = s.clock.Now();
  const int pick = rnd.Between(0, 9);
  if (pick < 7 || pick == 8) {  // published this semester (8: edited since)
    g.published_on = day(rnd.Between(20, 90));
  } else if (pick == 7) {  // last semester
    g.published_on = day(rnd.Between(130, 200));
  }  // 9: never published
  if (!g.published_on.empty()) {
    g.published_by = "demo";
    g.published_version = 1;
  }
  XA_ASSIGN_OR_RETURN(const bool saved, tx.campus().SaveGuide(g));
  if (!saved) return Internal("演示数据：一校一策未能写入");
  if (pick == 8) {  // edited since it was published
    g.posts.push_back({"北门", "06:00", "08:00", "保安 1 人"});
    XA_ASSIGN_OR_RETURN(const bool again, tx.campus().SaveGuide(g));
    if (!again) return Internal("演示数据：一校一策未能写入");
  }
  return {};
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
  DemoRng guides(seed, 0x9a1de5ca3bULL);
  for (const auto id : schools) {
    if (!account_schools.empty() && id == account_schools.front()) continue;
    if (!guides.Chance(70)) continue;
    XA_TRY(SeedGuide(s, tx, guides, id, day));
    ++written;
    XA_TRY(EvaluateSchool(s, tx, id, *today, "traffic"));
  }
  return written;
}

}  // namespace xiaoan::app
