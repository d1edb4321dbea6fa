// 周边水域风险 at the demo schools: most rural, township and urban-rural-fringe schools recorded
// one to three waters near them (a pond, a river, a canal …), most with their warning signs, some
// still without a fence, rescue gear or someone patrolling; a few town schools have a river
// further off. The first account school has a pond 300 m away with a warning sign only.
#include <algorithm>

#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "domain/edu/waters.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace edu = domain::edu;

namespace {

struct Sample {
  const char* name;
  const char* kind;
  const char* location;
  const char* keeper;
};
constexpr Sample kSamples[] = {
    {"村东大塘", "pond", "学校东侧约一条村道外，塘边无硬化路面", "村民委员会"},
    {"青石河", "river", "学校北面，河堤上有小路通往村里", "镇水利站"},
    {"灌溉渠", "canal", "学校西侧农田间，渠深约1.5米", "村民委员会"},
    {"废弃采砂坑", "pit", "学校南面约两百米荒地，雨后积水", "镇自然资源所"},
    {"红旗水库", "reservoir", "学校东北方向，周末常有人垂钓", "区水务局水库管理所"},
    {"鱼塘", "pond", "村南养殖户承包鱼塘", "承包户（村委会监管）"},
    {"小清河", "river", "放学路线经过的河段，有简易桥", "镇水利站"}};

}  // namespace

Result<int> SeedWaterHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                             const std::vector<domain::UnitId>& schools,
                             const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  DemoRng rnd(seed, 0x3a7e3a7e3a7eULL);
  int written = 0;
  for (const auto id : schools) {
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
    if (!school) continue;
    const auto& type = school->profile.location_type;
    const bool first_account = !account_schools.empty() && id == account_schools.front();
    const bool remote = type == "rural" || type == "township" || type == "fringe";
    int count = 0;
    if (first_account) {
      count = 2;
    } else if (remote) {
      count = rnd.Chance(85) ? rnd.Between(1, 3) : 0;  // a few have recorded none yet
    } else {
      count = rnd.Chance(20) ? 1 : 0;
    }
    for (int k = 0; k < count; ++k) {
      const auto& sample = kSamples[rnd.Between(0, 6)];
      edu::Water w;
      w.school_id = id;
      w.name = sample.name;
      w.kind = sample.kind;
      w.location = sample.location;
      w.keeper = sample.keeper;
      w.distance_m = remote ? rnd.Between(2, 30) * 50 : rnd.Between(10, 40) * 100;
      w.warning_sign = rnd.Chance(90);
      w.fence = rnd.Chance(55);
      w.rescue_gear = rnd.Chance(60);
      w.patrol = rnd.Chance(70);
      if (first_account && k == 0) {
        w.name = "村东大塘";
        w.kind = "pond";
        w.location = "学校东侧约一条村道外，塘边无硬化路面";
        w.keeper = "村民委员会";
        w.distance_m = 300;
        w.warning_sign = true;
        w.fence = w.rescue_gear = w.patrol = false;
      }
      w.checked_on = cal::FormatDate(*today - std::chrono::days{rnd.Between(3, 80)});
      w.updated_by = "demo";
      w.updated_at = s.clock.Now();
      XA_TRY(tx.waters().Insert(w));
      ++written;
    }
  }
  return written;
}

}  // namespace xiaoan::app
