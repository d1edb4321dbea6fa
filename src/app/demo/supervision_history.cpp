// 监管事项 at the demo district: the bureau's five sections each with their supervision items,
// assigned to the section's head, by stage (学前、小学和初中、中职) or by business (安全管理科's
// matters, 教育督导室's inspections). Measures 3 (齐抓共管) and 16 (接送学生车辆) are left without
// a section, for the coverage report to show. Inside the caller's transaction; returns the items
// written.
#include "app/demo/seed_demo.hpp"
#include "domain/duty/duty.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

namespace du = domain::duty;

Result<int> SeedSupervisionHistory(Services& s, domain::Tx& tx, domain::UnitId bureau) {
  struct Seed {
    const char* section;
    const char* username;
    const char* post;
    const char* kind;
    const char* stage;
    const char* title;
    std::vector<int> measures;
  };
  const Seed seeds[] = {
      {"安全管理科",
       "section_safety",
       "科长",
       "business",
       "",
       "统筹全区学校安全责任体系，督促签订安全工作职责清单",
       {1, 2}},
      {"安全管理科",
       "section_safety",
       "科长",
       "business",
       "",
       "推进“三防”建设和“学校吹哨、部门报到”机制",
       {4, 5}},
      {"安全管理科",
       "section_safety",
       "科长",
       "business",
       "",
       "组织隐患排查治理，督办重大隐患整改销号",
       {6, 7, 8}},
      {"安全管理科",
       "section_safety",
       "科长",
       "business",
       "",
       "火灾隐患排查、“生命通道”治理和消防演练",
       {11, 12, 13}},
      {"安全管理科",
       "section_safety",
       "科长",
       "business",
       "",
       "校内交通和校园周边交通安全管理",
       {14, 15}},
      {"安全管理科",
       "section_safety",
       "科长",
       "business",
       "",
       "安全干部轮训、安全监管机构建设和应急处置机制",
       {17, 18, 19}},
      {"基础教育科",
       "section_basic",
       "科长",
       "stage",
       "primary",
       "督促小学落实“1530”安全提醒和安全教育",
       {20, 21}},
      {"基础教育科",
       "section_basic",
       "科长",
       "stage",
       "junior",
       "督促初中学校防溺水宣传教育和家长告知",
       {9}},
      {"基础教育科",
       "section_basic",
       "科长",
       "stage",
       "primary",
       "中小学隐患排查和寄宿制学校宿舍安全",
       {6, 11}},
      {"学前教育科",
       "section_preschool",
       "科长",
       "stage",
       "kindergarten",
       "幼儿园安全责任、“三防”和应急演练",
       {1, 4, 13}},
      {"学前教育科",
       "section_preschool",
       "科长",
       "stage",
       "kindergarten",
       "幼儿园安全教育和防溺水家园共育",
       {9, 21}},
      {"职业与成人教育科",
       "section_vocational",
       "科长",
       "stage",
       "vocational",
       "中职学校实习实训基地和实验室安全",
       {6, 17}},
      {"职业与成人教育科",
       "section_vocational",
       "科长",
       "stage",
       "vocational",
       "中职学校防溺水联防联控和安全教育",
       {10, 21}},
      {"教育督导室",
       "section_inspection",
       "主任",
       "business",
       "",
       "责任督学挂牌督导学校安全工作，年度考核计分",
       {2, 8}},
  };
  domain::UnitFilter f;
  f.kind = "section";
  f.parent_id = bureau;
  f.page.page_size = 100;
  XA_ASSIGN_OR_RETURN(const auto sections, tx.org().ListUnits(f));
  int written = 0;
  for (const auto& seed : seeds) {
    std::int64_t section_id = 0;
    for (const auto& u : sections.items) {
      if (u.name == seed.section) section_id = u.id;
    }
    XA_ASSIGN_OR_RETURN(const auto person, tx.users().FindByUsername(seed.username));
    if (section_id == 0 || !person) continue;
    du::SupervisionItem i;
    i.bureau_id = bureau;
    i.section_id = section_id;
    i.kind = seed.kind;
    i.stage = seed.stage;
    i.title = seed.title;
    i.measures = seed.measures;
    i.post = seed.post;
    i.person_user_id = person->id;
    i.updated_by = "safety_office";
    i.updated_at = s.clock.Now() - std::chrono::days{60};
    if (const auto problems = du::CheckSupervisionItem(i); !problems.empty()) {
      return Internal("demo supervision item invalid: " + problems.front().field);
    }
    XA_ASSIGN_OR_RETURN(const bool saved, tx.duties().SaveSupervisionItem(i));
    if (!saved) return Internal("demo supervision item not saved");
    ++written;
  }
  return written;
}

}  // namespace xiaoan::app
