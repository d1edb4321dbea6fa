// The demo bureau's own checklists: the shipped dormitory checklist copied in the spring and
// revised for the autumn term with the night patrol it asked of boarding schools (version 2, the
// spring version kept), and a winter heating and electricity checklist written for December.
#include "app/demo/seed_demo.hpp"

namespace xiaoan::app {

namespace cl = domain::checklist;

namespace {

cl::Item PassFail(std::string key, std::string text, std::string domain,
                  std::optional<std::string> place, bool photo, std::string level,
                  std::string basis) {
  cl::Item i;
  i.key = std::move(key);
  i.text = std::move(text);
  i.domain = std::move(domain);
  i.place_kind = std::move(place);
  i.photo_required = photo;
  i.failure_level = std::move(level);
  i.basis = std::move(basis);
  return i;
}

}  // namespace

Result<int> SeedDemoChecklists(domain::Tx& tx, domain::UnitId bureau) {
  XA_ASSIGN_OR_RETURN(auto dorm, tx.checklists().Latest("fire.dormitory"));
  if (!dorm) return Internal("shipped checklist fire.dormitory missing");
  const std::string code = "u" + std::to_string(bureau) + ".fire.dormitory";
  cl::Template spring = *dorm;
  spring.id = 0;
  spring.code = code;
  spring.version = 1;
  spring.shipped = false;
  spring.owner_unit_id = bureau;
  spring.name = "学生宿舍消防安全检查表（本区）";
  spring.description = "在省定检查表基础上增加本区要求，用于寄宿制学校宿舍自查和教育局检查。";
  spring.created_by = "safety_office";
  spring.created_at = "2026-03-02T01:30:00.000Z";
  XA_TRY(tx.checklists().Insert(spring));

  cl::Template autumn = spring;
  autumn.id = 0;
  autumn.version = 2;
  autumn.created_at = "2026-08-24T02:00:00.000Z";
  autumn.items.push_back(PassFail("L01", "宿舍夜间值班人员在岗，每晚熄灯后至少巡查两次并有记录",
                                  "fire", "dormitory", false, "general",
                                  "《中小学幼儿园安全管理办法》第二十六条"));
  autumn.items.push_back(PassFail("L02", "宿舍内无违规使用大功率电器、私拉乱接电线", "electrical",
                                  "dormitory", true, "general", "本区 2026 年秋季开学检查要求"));
  XA_TRY(tx.checklists().Insert(autumn));

  cl::Template winter;
  winter.code = "u" + std::to_string(bureau) + ".winter.heating";
  winter.version = 1;
  winter.owner_unit_id = bureau;
  winter.name = "冬季取暖和用电安全检查表";
  winter.description = "入冬后各校自查，重点是取暖设备、电气线路和一氧化碳防范。";
  winter.created_by = "safety_office";
  winter.created_at = "2026-11-16T01:00:00.000Z";
  winter.items = {
      PassFail("W01", "取暖设备为合格产品，周围无可燃物，人离断电", "electrical", std::nullopt,
               true, "general", "GB 50016《建筑设计防火规范》"),
      PassFail("W02", "燃煤、燃气取暖场所安装一氧化碳报警器并保持通风", "gas", std::nullopt, true,
               "major", "《城镇燃气管理条例》"),
      PassFail("W03", "配电箱、电气线路无过载、老化、破损，漏电保护器动作正常", "electrical",
               "power", true, "general", "GB 50054《低压配电设计规范》"),
  };
  cl::Item temperature;
  temperature.key = "W04";
  temperature.text = "教室室内温度";
  temperature.domain = "other";
  temperature.answer = "number";
  temperature.min = 16;
  temperature.unit = "℃";
  temperature.basis = "GB/T 17225《中小学校教室采暖温度标准》";
  winter.items.push_back(temperature);
  XA_TRY(tx.checklists().Insert(winter));
  return 3;
}

}  // namespace xiaoan::app
