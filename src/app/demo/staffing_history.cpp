// 安全监管机构 at the demo district: the bureau's 安全管理科 with its full-time staff, and the
// safety office of most schools — a head, a full-time safety officer and part-time members, some
// with qualifications. A few schools have only part-time members or one person; some have none
// recorded. The first account school's office has no full-time member yet.
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/staffing/staffing.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace st = domain::staffing;

namespace {

constexpr const char* kFamily[] = {"韩", "杨", "朱", "秦", "尤", "许", "沈", "卫", "蒋", "褚"};
constexpr const char* kNames[] = {"宏伟", "丽萍", "建军", "淑芬", "晓东", "雪梅", "永刚"};
constexpr const char* kQualifications[] = {"注册安全工程师", "消防设施操作员（中级）", "应急救护员",
                                           ""};

}  // namespace

Result<int> SeedStaffingHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                domain::UnitId bureau, const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  DemoRng rnd(seed, 0x5afe0ff1ULL);
  int written = 0;
  int n = 0;
  const auto save = [&](std::int64_t unit, std::string name, std::vector<st::Member> members) {
    st::SafetyOffice o;
    o.unit_id = unit;
    o.name = std::move(name);
    o.members = std::move(members);
    o.updated_by = "demo";
    o.updated_at = s.clock.Now() - std::chrono::days{rnd.Between(5, 200)};
    return tx.staffing().Save(o);
  };
  const auto person = [&](const char* post, bool full_time) {
    ++n;
    return st::Member{std::string(kFamily[n % 10]) + kNames[n % 7], post, full_time,
                      kQualifications[rnd.Between(0, 3)],
                      "1370571" + std::to_string(1000 + (n * 71) % 9000)};
  };
  if (bureau != 0) {
    XA_ASSIGN_OR_RETURN(const bool saved, save(bureau, "安全管理科",
                                               {person("科长", true), person("副科长", true),
                                                person("专职安全员", true), person("科员", true)}));
    written += saved ? 1 : 0;
  }
  for (const auto id : schools) {
    const bool first_account = !account_schools.empty() && id == account_schools.front();
    if (!first_account && !rnd.Chance(85)) continue;  // none recorded yet
    std::vector<st::Member> members = {person("安全办主任（分管副校长兼）", false)};
    if (first_account) {
      members.push_back(person("总务主任", false));
    } else {
      if (!rnd.Chance(12)) members.push_back(person("专职安全员", true));
      for (int k = rnd.Between(0, 2); k > 0; --k) members.push_back(person("兼职安全员", false));
    }
    XA_ASSIGN_OR_RETURN(const bool saved,
                        save(id, rnd.Chance(50) ? "安全办公室" : "安全保卫处", std::move(members)));
    written += saved ? 1 : 0;
    XA_TRY(EvaluateSchool(s, tx, id, *today, "staffing"));
  }
  return written;
}

}  // namespace xiaoan::app
