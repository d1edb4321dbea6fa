// 安全责任 at the demo district: the bureau revised the class teacher's duties (第 2 版) three
// weeks ago; each account school has its leader (党组织书记 and 校长 in one), its safety officer
// (中层干部) and its class teacher with a duty list. At the first school the leader and the officer
// signed and the teacher has not yet; at the second the teacher signed before the revision and must
// sign again. Both schools name the owners of their business areas (三管三必须): the first has no
// canteen owner yet and no dormitory. Signed as past records (before the system: no signature
// record). Inside the caller's transaction, each school judged on the duty rules; returns the
// lists written.
#include <map>

#include "app/demo/seed_demo.hpp"
#include "app/rules/rules.hpp"
#include "domain/duty/duty.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace du = domain::duty;

Result<int> SeedDutyHistory(Services& s, domain::Tx& tx,
                            const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today || account_schools.empty()) return 0;
  const auto day = [&](int days_ago) {
    return cal::FormatDate(*today - std::chrono::days{days_ago});
  };
  const auto at = [&](int days_ago) { return s.clock.Now() - std::chrono::days{days_ago}; };

  du::Template revised;
  for (const auto& t : du::DefaultTemplates()) {
    if (t.post == "class_teacher") revised = t;
  }
  revised.items.push_back("每周与家长沟通一次学生假期和上下学安全，留存记录");
  revised.changed_on = day(21);
  revised.updated_by = "safety_office";
  revised.updated_at = at(21);
  XA_ASSIGN_OR_RETURN(const bool saved, tx.duties().SaveTemplate(revised));
  if (!saved) return Internal("demo duty template not saved");
  XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().Templates());
  const auto templates = du::InForce(stored);

  int written = 0;
  for (std::size_t i = 0; i < account_schools.size() && i < 2; ++i) {
    const auto school = account_schools[i];
    const std::string prefix = "school" + std::to_string(i + 1) + "_";
    std::map<std::string, std::int64_t> ids;
    const auto add = [&](const std::string& who, std::vector<std::string> posts,
                         std::vector<std::string> local, int made_days_ago,
                         std::optional<int> signed_days_ago) -> Status {
      XA_ASSIGN_OR_RETURN(const auto user, tx.users().FindByUsername(prefix + who));
      if (!user) return Internal("demo account missing: " + prefix + who);
      du::DutyList l;
      l.school_id = school;
      l.user_id = user->id;
      l.posts = std::move(posts);
      l.local_items = std::move(local);
      l.changed_on = day(made_days_ago);
      l.updated_by = prefix + "leader";
      l.updated_at = at(made_days_ago);
      XA_ASSIGN_OR_RETURN(const bool ok, tx.duties().SaveList(l));
      if (!ok) return Internal("demo duty list not saved");
      ids[who] = user->id;
      ++written;
      if (!signed_days_ago) return {};
      // Signed on the templates in force that day: before the revision, its first version.
      auto then = templates;
      if (*signed_days_ago > 21) then = du::InForce({});
      auto signing = du::SigningOf(l, then);
      signing.signed_on = day(*signed_days_ago);
      signing.signed_at = at(*signed_days_ago);
      XA_ASSIGN_OR_RETURN(const bool ok2, tx.duties().Sign(l.id, l.version, signing));
      if (!ok2) return Internal("demo duty list not signed");
      return {};
    };
    const bool first = i == 0;
    XA_TRY(
        add("leader", {"party_secretary", "principal"}, {"每月带队开展一次校园安全检查"}, 90, 88));
    XA_TRY(add("safety", {"middle_manager"}, {"负责校门口护学岗排班", "管理学校监控和一键报警设备"},
               90, 85));
    if (first) {
      XA_TRY(add("teacher", {"class_teacher", "teacher"}, {}, 10, std::nullopt));
    } else {
      XA_TRY(add("teacher", {"class_teacher", "teacher"}, {"负责二楼东侧楼梯课间值守"}, 80, 70));
    }
    du::AreaSet set;
    set.school_id = school;
    set.updated_by = prefix + "leader";
    set.updated_at = at(60);
    for (const auto& a : du::Areas()) {
      du::Area area{std::string(a.code), true, 0, ""};
      const std::string code(a.code);
      if (code == "teaching" || code == "student") area.owner_user_id = ids["leader"];
      if (code == "logistics" || code == "security" || code == "construction" ||
          code == "transport" || code == "lab") {
        area.owner_user_id = ids["safety"];
      }
      if (code == "canteen") area.owner_user_id = first ? 0 : ids["safety"];
      if (code == "dormitory") area.applicable = false;  // day schools
      set.areas.push_back(std::move(area));
    }
    XA_ASSIGN_OR_RETURN(const bool ok, tx.duties().SaveAreas(set));
    if (!ok) return Internal("demo duty areas not saved");
    XA_TRY(EvaluateSchool(s, tx, school, *today, "duty"));
  }
  return written;
}

}  // namespace xiaoan::app
