// A year of plausible hazard history for the demo district, so the ledger and the board are not
// empty: mostly closed hazards with their whole timeline, some still open, a few major ones under
// supervision, some overdue. Written as past records (no signatures, no notifications).
#include <algorithm>
#include <array>
#include <random>

#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::app {

namespace hz = domain::hazard;

namespace {

struct Template {
  const char* domain;
  const char* place_kind;  // preferred key place kind ("" any)
  const char* title;
  const char* measure;
};
constexpr std::array<Template, 16> kTemplates = {{
    {"fire", "canteen", "厨房灭火器压力不足", "更换灭火器并张贴检查卡"},
    {"fire", "dormitory", "宿舍楼安全出口堆放杂物", "清理通道，落实每日巡查"},
    {"fire", "", "消防栓水带老化", "更换水带并试水"},
    {"electrical", "power", "配电房线缆裸露", "重新敷设线缆并加装线槽"},
    {"electrical", "dormitory", "宿舍私拉乱接电线", "拆除私接线路，开展用电教育"},
    {"gas", "gas", "燃气管道连接处锈蚀", "更换连接件，安装燃气报警器"},
    {"structure", "", "教学楼外墙瓷砖空鼓", "拆除空鼓瓷砖并设置警戒"},
    {"traffic", "school_gate", "校门口减速带损坏", "联系交警更换减速带"},
    {"food", "canteen", "食堂留样记录不全", "完善留样制度并培训"},
    {"lab", "lab", "实验室危化品台账不清", "重新盘点建账，双人双锁"},
    {"special_equipment", "", "电梯年检过期", "联系检验机构完成年检"},
    {"bullying", "", "学生矛盾纠纷未及时调处", "班主任约谈并建立跟踪记录"},
    {"drowning", "", "校外水域警示牌缺失", "协调镇村设置警示牌"},
    {"surroundings", "school_gate", "校门口流动摊贩聚集", "联合城管清理"},
    {"security_equipment", "school_gate", "校门监控摄像头故障", "维修并接入公安平台"},
    {"other", "", "体育器材螺丝松动", "紧固并每周检查"},
}};

std::string At(Instant t) { return FormatInstant(t); }

}  // namespace

HistoryVolume HistoryVolumeOf(const std::string& scale, const std::string& volume) {
  if (volume != "bench") return {};
  if (scale == "city") return {3, 900, 1100};
  return {1, 400, 600};
}

Result<int> SeedHazardHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools,
                              const HistoryVolume& volume) {
  DemoRng rnd(seed, 0x9E3779B97F4A7C15ULL);
  const int span_days = 365 * volume.years - 5;
  const Instant now = s.clock.Now();
  const std::string today = hz::ChinaDate(now);
  int created = 0;
  for (const auto school_id : schools) {
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(school_id));
    if (!school) continue;
    const bool has_accounts = std::find(account_schools.begin(), account_schools.end(),
                                        school_id) != account_schools.end();
    const int count = rnd.Between(volume.per_school_min, volume.per_school_max);
    for (int i = 0; i < count; ++i) {
      const auto& tpl = kTemplates[static_cast<std::size_t>(rnd.Between(0, kTemplates.size() - 1))];
      // The schools with demo accounts keep clear of fire hazards, which the walkthroughs use.
      if (has_accounts && std::string_view(tpl.domain) == "fire") continue;
      hz::Hazard h;
      h.school_id = school_id;
      h.school_name = school->unit.name;
      for (const auto& p : school->key_places) {
        if (p.kind == tpl.place_kind) {
          h.key_place_id = p.id;
          h.place = p.name;
          break;
        }
      }
      const int age_days = rnd.Between(1, span_days);
      const Instant found =
          now - std::chrono::days{age_days} - std::chrono::hours{rnd.Between(0, 8)};
      const bool major = rnd.Chance(6);
      h.domain = tpl.domain;
      h.level = major ? "major" : "general";
      h.title = tpl.title;
      h.description = std::string(tpl.title) + "（演示数据）";
      h.found_at = At(found);
      h.found_by = "demo";
      h.source =
          rnd.Chance(70) ? "self_inspection" : (rnd.Chance(70) ? "bureau_inspection" : "drill");
      h.responsible = school->profile.principal;
      h.owner = "";
      const int days = hz::DefaultDeadlineDays({}, major, h.domain);
      h.deadline = hz::AddDays(hz::ChinaDate(found), days);
      h.interim_measures = "设置警示标识，专人看管";
      if (major) {
        h.five = {tpl.measure, school->profile.principal,
                  std::to_string(rnd.Between(1, 20)) + " 万元", h.deadline.value_or(""),
                  "停用相关场所并制定应急处置方案"};
      }
      // Older hazards are mostly closed; recent ones spread over the workflow.
      std::string state = "closed";
      if (age_days < 45 || rnd.Chance(age_days < 120 ? 15 : 3)) {
        static constexpr const char* kOpen[] = {"reported", "assigned", "rectifying", "submitted",
                                                "verified"};
        state = kOpen[rnd.Between(0, 4)];
      }
      h.state = hz::StateFromCode(state).value_or(hz::State::kReported);
      h.created_at = h.found_at;
      // Timeline: report, then each step a few days apart, up to the current state.
      std::vector<std::pair<const char*, const char*>> steps = {{"assign", "assigned"},
                                                                {"start_rectifying", "rectifying"},
                                                                {"submit", "submitted"},
                                                                {"approve", "verified"},
                                                                {"close", "closed"}};
      Instant t = found;
      std::vector<hz::HazardEvent> events;
      events.push_back(
          {0, 0, At(found), "demo", "report", "", "reported", h.description, std::nullopt, {}});
      std::string reached = "reported";
      for (const auto& [action, to] : steps) {
        if (reached == state) break;
        t += std::chrono::hours{rnd.Between(6, 24 * (major ? 8 : 3))};
        if (t >= now) break;
        std::string note;
        if (std::string_view(action) == "submit") note = tpl.measure;
        if (std::string_view(action) == "assign")
          note = "交办整改，期限 " + h.deadline.value_or("");
        events.push_back({0, 0, At(t), "demo", action, reached, to, note, std::nullopt, {}});
        reached = to;
      }
      h.state = hz::StateFromCode(reached).value_or(hz::State::kReported);
      h.updated_at = events.back().at;
      if (reached == "closed") h.closed_at = events.back().at;
      if (reached != "reported" && reached != "assigned") h.rectifier = "demo";
      // Escalations that the rules would have raised: major at once, overdue ones.
      std::vector<hz::EscalationRecord> escalations;
      if (major) {
        escalations.push_back(
            {0, 0, "hazard.major", "bureau", true, "重大隐患，立即挂牌督办", h.found_at});
      }
      const int overdue = reached == "closed" ? 0 : hz::DaysOverdue(h.deadline, now);
      if (overdue > 7) {
        escalations.push_back({0, 0, "hazard.overdue.bureau", "bureau", true,
                               "已超过整改期限 " + std::to_string(overdue) + " 天（期限 " +
                                   h.deadline.value_or("") + "），超过 7 天，教育局督办",
                               At(now - std::chrono::days{overdue - 8})});
      }
      h.supervised = !escalations.empty();
      XA_TRY(tx.hazards().Insert(h));
      for (auto& e : events) {
        e.hazard_id = h.id;
        XA_TRY(tx.hazards().InsertEvent(e));
      }
      for (auto& e : escalations) {
        e.hazard_id = h.id;
        XA_TRY(tx.hazards().InsertEscalation(e));
        domain::SupervisionOrder o;
        o.subject_type = "hazard";
        o.subject_id = h.id;
        o.subject_title = h.title;
        o.school_id = school_id;
        o.rule = e.rule;
        o.reason = e.reason;
        o.created_at = e.fired_at;
        Instant fired;
        ParseInstant(e.fired_at, fired);
        o.deadline = hz::AddDays(hz::ChinaDate(fired), 7).value_or(today);
        XA_TRY(tx.supervision().Insert(o));
        if (reached == "closed") {
          XA_TRY(domain::ReplyToOrder(o, tpl.measure, "demo", h.closed_at.value_or(today)));
          XA_TRY(domain::CloseOrder(o, "demo", h.closed_at.value_or(today)));
          XA_TRY(tx.supervision().Update(o));
        }
      }
      ++created;
    }
  }
  return created;
}

}  // namespace xiaoan::app
