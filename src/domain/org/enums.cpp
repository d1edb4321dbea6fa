#include "domain/org/enums.hpp"

#include "core/strings.hpp"

namespace xiaoan::domain {
namespace {

constexpr EnumEntry kUnitKinds[] = {{"bureau", "教育局"},
                                    {"section", "内设科室"},
                                    {"school", "学校"},
                                    {"department", "部门"},
                                    {"cluster", "学区"}};
constexpr EnumEntry kStages[] = {{"kindergarten", "幼儿园"},
                                 {"primary", "小学"},
                                 {"junior", "初中"},
                                 {"senior", "高中"},
                                 {"nine_year", "九年一贯制"},
                                 {"twelve_year", "十二年一贯制"},
                                 {"vocational", "中等职业学校"},
                                 {"special", "特殊教育学校"}};
constexpr EnumEntry kOwnerships[] = {{"public", "公办"}, {"private", "民办"}};
constexpr EnumEntry kLocationTypes[] = {
    {"urban", "城区"}, {"township", "镇区"}, {"rural", "乡村"}, {"fringe", "城乡结合部"}};
constexpr EnumEntry kDepartmentKinds[] = {{"police", "公安"},
                                          {"traffic_police", "交警"},
                                          {"fire_rescue", "消防救援"},
                                          {"emergency", "应急管理"},
                                          {"natural_resources", "自然资源"},
                                          {"agriculture", "农业农村"},
                                          {"water", "水利"},
                                          {"market_regulation", "市场监管"},
                                          {"health", "卫生健康"},
                                          {"urban_management", "城市管理"},
                                          {"other", "其他"}};
constexpr EnumEntry kKeyPlaceKinds[] = {{"dormitory", "学生宿舍"},
                                        {"canteen", "食堂"},
                                        {"library", "图书馆"},
                                        {"gym", "体育馆"},
                                        {"lab", "实验室"},
                                        {"gas", "燃气设施"},
                                        {"power", "供电设施"},
                                        {"special_equipment", "特种设备"},
                                        {"storeroom", "储藏室"},
                                        {"hazmat_store", "危险品仓库"},
                                        {"training_base", "实习实训基地"},
                                        {"school_gate", "校门"}};

}  // namespace

EnumTable UnitKinds() { return kUnitKinds; }
EnumTable SchoolStages() { return kStages; }
EnumTable Ownerships() { return kOwnerships; }
EnumTable LocationTypes() { return kLocationTypes; }
EnumTable DepartmentKinds() { return kDepartmentKinds; }
EnumTable KeyPlaceKinds() { return kKeyPlaceKinds; }

bool HasCode(EnumTable table, std::string_view code) {
  for (const auto& e : table) {
    if (e.code == code) return true;
  }
  return false;
}

std::string_view LabelOf(EnumTable table, std::string_view code) {
  for (const auto& e : table) {
    if (e.code == code) return e.label;
  }
  return code;
}

std::optional<std::string> CodeFromText(EnumTable table, std::string_view text) {
  text = Trim(text);
  for (const auto& e : table) {
    if (e.code == text || e.label == text) return std::string(e.code);
  }
  return std::nullopt;
}

std::string JoinLabels(EnumTable table) {
  std::string out;
  for (const auto& e : table) {
    if (!out.empty()) out += "、";
    out += e.label;
  }
  return out;
}

}  // namespace xiaoan::domain
