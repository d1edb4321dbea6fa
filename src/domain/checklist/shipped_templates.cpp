// The checklists shipped with Xiaoan, written from the plan's measures 6, 7, 11 and 12 in the
// wording a bureau uses. A district copies and edits them (a new version of its own).
#include "domain/checklist/checklist.hpp"

namespace xiaoan::domain::checklist {
namespace {

constexpr const char* kFireLaw = "《中华人民共和国消防法》第二十八条";
constexpr const char* kOrder61 = "《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）";
constexpr const char* kSchoolRules = "《中小学幼儿园安全管理办法》";

Item Check(std::string key, std::string text, std::string domain,
           std::optional<std::string> place = std::nullopt, std::string basis = {}) {
  Item i;
  i.key = std::move(key);
  i.text = std::move(text);
  i.domain = std::move(domain);
  i.place_kind = std::move(place);
  i.basis = std::move(basis);
  return i;
}

Item Major(Item i) {
  i.failure_level = "major";
  return i;
}

Item Photo(Item i) {
  i.photo_required = true;
  return i;
}

Item Reading(Item i, std::optional<double> min, std::optional<double> max, std::string unit) {
  i.answer = "number";
  i.min = min;
  i.max = max;
  i.unit = std::move(unit);
  return i;
}

Template Make(std::string code, std::string name, std::string description, std::vector<Item> items,
              Applicability applies = {}) {
  Template t;
  t.code = std::move(code);
  t.name = std::move(name);
  t.description = std::move(description);
  t.items = std::move(items);
  t.applies = std::move(applies);
  return t;
}

std::vector<Template> Build() {
  std::vector<Template> out;
  out.push_back(Make(
      "fire.dormitory", "学生宿舍消防安全检查表",
      "寄宿制学校学生宿舍的日常防火巡查和专项检查，夜间巡查同样适用。",
      {Photo(Major(Check("D01", "疏散通道、安全出口畅通，无堵塞、锁闭，常闭式防火门处于关闭状态",
                         "fire", "dormitory", kFireLaw))),
       Check("D02", "宿舍内无违规使用大功率电器，无私拉乱接电线、串接插线板", "electrical",
             "dormitory", kOrder61),
       Check("D03", "宿舍内无使用明火、点蜡烛、焚香、吸烟现象", "fire", "dormitory", kOrder61),
       Check("D04", "应急照明灯、疏散指示标志完好有效", "fire", "dormitory",
             "GB 51309《消防应急照明和疏散指示系统技术标准》"),
       Check("D05", "灭火器配置到位，压力指针在绿区，在有效期内", "fire", "dormitory",
             "GB 50140《建筑灭火器配置设计规范》"),
       Major(Check("D06", "宿舍窗户未设置影响逃生和灭火救援的防盗网、铁栅栏", "fire", "dormitory",
                   kFireLaw)),
       Check("D07", "夜间值班（宿管）人员在岗，巡查和值班记录完整", "fire", "dormitory",
             kSchoolRules),
       Reading(Check("D08", "疏散楼梯净宽度", "fire", "dormitory", "GB 50016《建筑设计防火规范》"),
               1.1, std::nullopt, "米")},
      Applicability{{}, {}, true}));
  out.push_back(
      Make("fire.canteen", "食堂消防与燃气安全检查表", "学校食堂后厨、燃气设施的防火和用气检查。",
           {Major(Check("C01", "燃气管道、阀门、连接软管无老化、破损、泄漏", "gas", "canteen",
                        "《城镇燃气管理条例》")),
            Check("C02", "燃气泄漏报警装置和紧急切断装置完好有效", "gas", "canteen",
                  "GB 50028《城镇燃气设计规范》"),
            Major(Check("C03", "液化石油气钢瓶未在地下室、半地下室存放或使用", "gas", "canteen",
                        "GB 50028《城镇燃气设计规范》")),
            Check("C04", "排油烟管道定期清洗，灶台和烟罩无油污积聚", "fire", "canteen", kOrder61),
            Check("C05", "后厨灭火器、灭火毯配置到位，员工会使用", "fire", "canteen",
                  "GB 50140《建筑灭火器配置设计规范》"),
            Check("C06", "后厨电气线路穿管保护，无私拉乱接，插座防水", "electrical", "canteen",
                  kOrder61),
            Check("C07", "燃气设施操作人员经培训上岗，用气后关闭阀门", "gas", "gas",
                  "《城镇燃气管理条例》")}));
  out.push_back(Make("lab.hazmat", "实验室及危险化学品安全检查表",
                     "理化生实验室、实习实训场所和危险化学品仓库的安全检查。",
                     {Photo(Major(Check("L01", "危险化学品专柜存放，双人双锁保管，台账账物相符",
                                        "lab", "hazmat_store", "《危险化学品安全管理条例》"))),
                      Check("L02", "易燃易爆化学品与氧化剂分类、分柜存放，标识清晰", "lab",
                            "hazmat_store", "《危险化学品安全管理条例》"),
                      Check("L03", "实验室通风设施运转正常，气瓶固定存放", "lab", "lab"),
                      Check("L04", "实验室配备洗眼器、急救箱和灭火器材", "lab", "lab"),
                      Check("L05", "实验废弃物分类收集，交由有资质的单位处置，有处置记录", "lab",
                            "lab", "《危险化学品安全管理条例》"),
                      Check("L06", "实训设备防护装置完好，张贴安全操作规程，学生在教师指导下操作",
                            "lab", "training_base", kSchoolRules)}));
  out.push_back(Make(
      "passage.life", "生命通道检查表",
      "消防车通道、疏散通道和安全出口，人员密集场所的逃生条件（生命通道专项）。",
      {Photo(Major(Check("P01", "消防车通道畅通，无车辆、杂物占用，标识清晰", "fire", std::nullopt,
                         kFireLaw))),
       Major(
           Check("P02", "教学楼疏散楼梯、安全出口未锁闭、未堵塞", "fire", std::nullopt, kFireLaw)),
       Check("P03", "礼堂、体育馆安全出口不少于两个且畅通，上课和活动时不锁闭", "fire", "gym",
             kFireLaw),
       Check("P04", "图书馆安全出口畅通，书架未占用疏散走道", "fire", "library", kFireLaw),
       Major(Check("P05", "人员密集场所窗户未设置影响逃生和灭火救援的铁栅栏、防盗网", "fire",
                   std::nullopt, kFireLaw)),
       Check("P06", "常闭式防火门处于关闭状态，闭门器、顺序器完好", "fire", std::nullopt, kOrder61),
       Reading(Check("P07", "疏散走道净宽度", "fire", std::nullopt, "GB 50016《建筑设计防火规范》"),
               1.1, std::nullopt, "米")}));
  out.push_back(Make(
      "electrical.fire_use", "用电与明火安全检查表",
      "配电设施、电气线路、动火作业和电动自行车停放充电。",
      {Check("E01", "配电房（箱）门锁完好，有警示标志，周围无杂物堆放", "electrical", "power"),
       Check("E02", "漏电保护装置按月试验，动作可靠", "electrical", "power"),
       Check("E03", "电气线路无老化、裸露、破损，未超负荷使用", "electrical", std::nullopt,
             kOrder61),
       Check("E04", "动火作业办理审批手续，现场有专人监护和灭火器材", "fire", std::nullopt,
             kOrder61),
       Photo(Major(Check("E05", "电动自行车未在楼道、疏散通道、安全出口停放或充电", "fire",
                         std::nullopt, "《高层民用建筑消防安全管理规定》（应急管理部令第5号）"))),
       Check("E06", "储藏室物品分类存放，无易燃物堆积，照明灯具与可燃物保持安全距离", "fire",
             "storeroom", kOrder61)}));
  out.push_back(Make(
      "special_equipment", "特种设备安全检查表", "电梯、锅炉、压力容器等特种设备的使用管理。",
      {Major(Check("S01", "特种设备办理使用登记，定期检验合格并在有效期内", "special_equipment",
                   "special_equipment", "《中华人民共和国特种设备安全法》")),
       Check("S02", "特种设备作业人员持证上岗", "special_equipment", "special_equipment",
             "《中华人民共和国特种设备安全法》"),
       Check("S03", "电梯应急救援电话有效，按期开展困人救援演练", "special_equipment",
             "special_equipment"),
       Check("S04", "维护保养记录完整，安全附件和保护装置完好", "special_equipment",
             "special_equipment", "《中华人民共和国特种设备安全法》")}));
  out.push_back(Make(
      "traffic.campus", "校园交通与校门安全检查表",
      "校内交通组织、上下学时段校门口秩序和车辆出入管理。",
      {Photo(Check("T01", "上下学时段校门口人车分流，护学岗人员在岗", "traffic", "school_gate",
                   kSchoolRules)),
       Check("T02", "门卫室落实来访人员和车辆登记核验，无关人员不得进入", "security_equipment",
             "school_gate", kSchoolRules),
       Check("T03", "无牌照、非法改装的电动自行车未进入校园", "traffic", "school_gate"),
       Check("T04", "校门口减速带、警示标志、人行横道等交通设施完好", "traffic", "school_gate"),
       Check("T05", "校内机动车限速行驶，停车区域与学生活动区域分隔", "traffic", std::nullopt),
       Reading(Check("T06", "校内机动车限速", "traffic", std::nullopt), std::nullopt, 5,
               "公里/小时")}));
  out.push_back(Make("bullying", "防范学生欺凌检查表",
                     "学生欺凌防治工作的落实情况（专项行动重点领域）。",
                     {Check("B01", "成立学生欺凌治理委员会，制定防治工作方案和处置流程", "bullying",
                            std::nullopt, "《加强中小学生欺凌综合治理方案》"),
                      Check("B02", "对校园偏僻角落、厕所、宿舍等监控盲区定时巡查", "bullying",
                            std::nullopt, "《加强中小学生欺凌综合治理方案》"),
                      Check("B03", "定期开展欺凌排查，对发现的苗头及时干预并记录", "bullying",
                            std::nullopt, "《加强中小学生欺凌综合治理方案》"),
                      Check("B04", "公布欺凌举报电话和受理渠道，学生知晓", "bullying", std::nullopt,
                            "《加强中小学生欺凌综合治理方案》")}));
  out.push_back(Make("drowning", "防溺水安全检查表",
                     "学校周边水域隐患和防溺水教育、家校共管的落实情况。",
                     {Photo(Major(Check("W01", "学校周边危险水域设置警示标志和防护设施", "drowning",
                                        std::nullopt, "教育部等部门防溺水工作部署"))),
                      Check("W02", "向家长发放防溺水安全告知书，回执收齐", "drowning"),
                      Check("W03", "周末、节假日和暑假前开展防溺水专题教育", "drowning"),
                      Check("W04", "与属地乡镇（街道）、村（社区）落实重点水域巡查", "drowning")}));
  return out;
}

}  // namespace

const std::vector<Template>& ShippedTemplates() {
  static const std::vector<Template> kTemplates = Build();
  return kTemplates;
}

}  // namespace xiaoan::domain::checklist
