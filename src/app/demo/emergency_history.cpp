// 应急处置 at the demo schools: most schools keep a command structure (the principal as 总指挥, the
// four groups with two or three people each, often a 医疗救护组), a minimal emergency unit (guards,
// staff and a volunteer from a shop nearby) and their plans revised within the year. A few are
// short: a group without people, a volunteer without a phone, a plan past its revision; some have
// nothing yet. The first account school has everything but a volunteer, so its officer adds one.
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "domain/emergency/emergency.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace em = domain::emergency;

namespace {

constexpr const char* kSurnames[] = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
constexpr const char* kGiven[] = {"建国", "丽华", "志强", "海燕", "文军", "晓梅", "国平", "秀英"};
constexpr const char* kShops[] = {"学府便利店", "城关药店", "新华书店", "阳光文具店", "平安超市"};

std::string Mobile(int school, int k) {
  // 139 0571 then four digits: one number per person, stable per seed.
  const int tail = (school * 37 + k * 101) % 10000;
  std::string digits = std::to_string(tail);
  return "1390571" + std::string(4 - digits.size(), '0') + digits;
}

}  // namespace

Result<int> SeedEmergencyHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                 const std::vector<domain::UnitId>& schools,
                                 const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  const auto day = [&](int days_ago) {
    return cal::FormatDate(*today - std::chrono::days{days_ago});
  };
  DemoRng rnd(seed, 0xe3e26e3c1ULL);
  int written = 0;
  int n = 0;
  for (const auto id : schools) {
    ++n;
    const bool first_account = !account_schools.empty() && id == account_schools.front();
    if (!first_account && !rnd.Chance(85)) continue;  // nothing yet
    int k = 0;
    const auto person = [&](const char* role, std::string post) {
      ++k;  // (k mod 10, k mod 8) repeats only after 40 people: no name twice in a school
      const std::string name = std::string(kSurnames[(n + k) % 10]) + kGiven[k % 8];
      return em::Member{role, name, std::move(post), Mobile(n, k)};
    };
    em::EmergencySetup e;
    e.unit_id = id;
    e.command.push_back(person("commander", "校长"));
    e.command.push_back(person("deputy", "分管安全副校长"));
    const int short_group = first_account ? -1 : (rnd.Chance(12) ? rnd.Between(0, 3) : -1);
    const char* groups[] = {"evacuation", "rescue", "communication", "logistics"};
    const char* posts[] = {"德育主任", "总务主任", "办公室主任", "后勤主任"};
    for (int g = 0; g < 4; ++g) {
      if (g == short_group) continue;
      const int people = rnd.Between(2, 3);
      for (int p = 0; p < people; ++p) {
        e.command.push_back(person(groups[g], p == 0 ? posts[g] : "教师"));
      }
    }
    if (rnd.Chance(60)) e.command.push_back(person("medical", "校医"));
    const int guards = first_account ? 1 : rnd.Between(1, 3);
    for (int g = 0; g < guards; ++g) e.unit.push_back(person("guard", "门卫保安"));
    const int staff = first_account ? 2 : rnd.Between(2, 4);
    for (int g = 0; g < staff; ++g) e.unit.push_back(person("staff", "值周教师"));
    if (!first_account) {
      e.unit.push_back(person("volunteer", kShops[rnd.Between(0, 4)]));
      if (rnd.Chance(10)) e.unit.back().phone.clear();  // a volunteer without a phone
    }
    e.duty_phone = "0571-8765" + std::to_string(1000 + n % 9000);
    e.gathering_point = rnd.Chance(50) ? "田径场" : "教学楼前广场";
    e.police_station = "城关派出所 0571-87650110";
    e.hospital = rnd.Chance(50) ? "区人民医院 0571-87650120" : "城关镇卫生院 0571-87651120";
    const bool late = !first_account && rnd.Chance(10);
    e.plans = {{"学校突发事件综合应急预案", "overall", day(late ? 400 : rnd.Between(60, 300)),
                std::nullopt, ""},
               {"校园防暴恐专项应急预案", "special", day(rnd.Between(30, 300)), std::nullopt, ""},
               {"火灾事故现场处置方案", "onsite", day(rnd.Between(30, 300)), std::nullopt, ""}};
    if (rnd.Chance(40)) {
      e.plans.push_back(
          {"食物中毒专项应急预案", "special", day(rnd.Between(30, 300)), std::nullopt, ""});
    }
    e.updated_by = "demo";
    e.updated_at = s.clock.Now() - std::chrono::days{rnd.Between(1, 60)};
    XA_ASSIGN_OR_RETURN(const bool saved, tx.emergency().Save(e));
    if (!saved) return Internal("演示数据：应急体系未能写入");
    ++written;
    XA_TRY(EvaluateSchool(s, tx, id, *today, "emergency"));
  }
  return written;
}

}  // namespace xiaoan::app
