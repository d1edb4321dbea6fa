// 安全培训 at the demo schools: most schools list their key-post staff (a fire-safety officer, one
// or two security guards, often a lab keeper or a building-works officer) and held last year's and
// this year's rotation sessions, a fire-safety topic session, and a holiday security session in
// each vacation before a semester that has begun. Some people missed the recent sessions and are
// overdue; some schools held no holiday session. At the first account school the guard 张强 last
// trained over a year ago, so its officer sees him overdue and records his training.
#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/org/org.hpp"
#include "domain/store.hpp"
#include "domain/training/training.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace tr = domain::training;

namespace {

constexpr const char* kFamily[] = {"孙", "钱", "郑", "冯", "何", "吕", "施", "孔", "曹", "严"};
constexpr const char* kNames[] = {"立新", "春梅", "卫东", "玉兰", "振华", "桂芳", "德明"};

}  // namespace

Result<int> SeedTrainingHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  const auto day = [&](int days_ago) {
    return cal::FormatDate(*today - std::chrono::days{days_ago});
  };
  DemoRng rnd(seed, 0x7a1e1a9ULL);
  int written = 0;
  int n = 0;
  for (const auto id : schools) {
    ++n;
    const bool first_account = !account_schools.empty() && id == account_schools.front();
    if (!first_account && !rnd.Chance(85)) continue;  // nothing registered yet
    XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(id));
    if (!unit) continue;
    // The people, with whether each missed the recent sessions (overdue).
    std::vector<tr::KeyStaff> staff;
    std::vector<bool> missed;
    int k = 0;
    const auto add = [&](const char* post, std::string name, bool late) {
      tr::KeyStaff p;
      p.unit_id = id;
      p.name = name.empty() ? std::string(kFamily[(n + k) % 10]) + kNames[k % 7] : std::move(name);
      ++k;
      p.post = post;
      p.phone = "1380572" + std::to_string(1000 + (n * 53 + k * 17) % 9000);
      p.since = day(rnd.Between(500, 2500));
      p.updated_by = "demo";
      p.updated_at = s.clock.Now() - std::chrono::days{rnd.Between(30, 400)};
      staff.push_back(std::move(p));
      missed.push_back(late);
    };
    if (first_account) {
      add("fire", "", false);
      add("security", "张强", true);
      add("security", "", false);
      add("lab", "", false);
    } else {
      add("fire", "", rnd.Chance(5));
      for (int g = rnd.Between(1, 2); g > 0; --g) add("security", "", rnd.Chance(5));
      if (rnd.Chance(60)) add("lab", "", rnd.Chance(5));
      if (rnd.Chance(40)) add("construction", "", rnd.Chance(5));
      if (unit->name.find("职业") != std::string::npos) add("practice", "", rnd.Chance(5));
    }
    for (auto& p : staff) XA_TRY(tx.training().InsertStaff(p));
    written += static_cast<int>(staff.size());

    const auto session = [&](std::string title, const char* kind, std::string on, double hours,
                             std::vector<std::int64_t> ids, int others) -> Status {
      tr::Session t;
      t.unit_id = id;
      t.title = std::move(title);
      t.kind = kind;
      t.held_on = std::move(on);
      t.hours = hours;
      t.trainer = rnd.Chance(50) ? "区消防救援大队" : "区教育局安全科";
      t.place = rnd.Chance(50) ? "学校会议室" : "区教师发展中心";
      t.staff_ids = std::move(ids);
      t.other_count = others;
      t.created_by = "demo";
      t.created_at = s.clock.Now();
      XA_TRY(tx.training().InsertSession(t));
      ++written;
      return {};
    };
    // Last year's rotation, attended by everyone; this year's two, missed by the late ones.
    std::vector<std::int64_t> everyone, on_time, fire;
    for (std::size_t i = 0; i < staff.size(); ++i) {
      everyone.push_back(staff[i].id);
      if (!missed[i]) on_time.push_back(staff[i].id);
      if (staff[i].post == "fire" && !missed[i]) fire.push_back(staff[i].id);
    }
    XA_TRY(session("上年度重点岗位安全轮训", "rotation", day(400 + rnd.Between(0, 30)), 3, everyone,
                   0));
    XA_TRY(session("重点岗位安全轮训（春季）", "rotation", day(250 + rnd.Between(0, 30)), 2.5,
                   on_time, 0));
    if (!on_time.empty() && rnd.Chance(80)) {
      XA_TRY(session("重点岗位安全轮训（秋季）", "rotation", day(60 + rnd.Between(0, 30)), 2,
                     on_time, 0));
    }
    if (!fire.empty()) {
      XA_TRY(session("消防设施操作与初起火灾扑救", "topic", day(120 + rnd.Between(0, 20)), 1.5,
                     fire, rnd.Between(5, 20)));
    }
    // The holiday security sessions: in the last days of each vacation before a semester begun.
    XA_ASSIGN_OR_RETURN(const auto terms, LoadSchoolTerms(tx, *unit));
    for (const auto& term : terms.terms) {
      if (term.starts > *today || term.starts < *today - std::chrono::days{400}) continue;
      if (!first_account && rnd.Chance(12)) continue;  // none held that vacation
      const auto window = tr::WindowBefore(term, terms.terms, 0);
      const auto on = window.to - std::chrono::days{rnd.Between(3, 10)};
      std::vector<std::int64_t> guards;
      for (std::size_t i = 0; i < staff.size(); ++i) {
        if (staff[i].post == "security" && !missed[i]) guards.push_back(staff[i].id);
      }
      XA_TRY(session(window.name + "安保力量及教职工防冲撞、防侵害处置训练", "holiday",
                     cal::FormatDate(on), 2, guards, rnd.Between(20, 60)));
    }
    XA_TRY(EvaluateSchool(s, tx, id, *today, "training"));
  }
  return written;
}

}  // namespace xiaoan::app
