#include "domain/org/org.hpp"

#include <set>

#include "core/strings.hpp"
#include "domain/org/enums.hpp"

namespace xiaoan::domain {
namespace {

void CheckText(std::vector<ErrorDetail>& out, const std::string& field, const std::string& value,
               std::size_t min_len, std::size_t max_len) {
  const auto len = Utf8Length(value);
  if (!len) {
    out.push_back({field, "不是有效的 UTF-8 文本"});
  } else if (*len < min_len) {
    out.push_back({field, "不能为空"});
  } else if (*len > max_len) {
    out.push_back({field, "长度不能超过 " + std::to_string(max_len) + " 个字符"});
  }
}

void CheckPhone(std::vector<ErrorDetail>& out, const std::string& field, const std::string& v) {
  if (v.size() > 20) {
    out.push_back({field, "长度不能超过 20 个字符"});
    return;
  }
  for (char c : v) {
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ')) {
      out.push_back({field, "只能包含数字、空格、+ 和 -"});
      return;
    }
  }
}

void CheckEnum(std::vector<ErrorDetail>& out, const std::string& field, EnumTable table,
               const std::string& v) {
  if (!HasCode(table, v)) out.push_back({field, "取值须为：" + JoinLabels(table)});
}

void CheckRange(std::vector<ErrorDetail>& out, const std::string& field, long v, long lo, long hi) {
  if (v < lo || v > hi) {
    out.push_back({field, "须在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间"});
  }
}

}  // namespace

std::string RegionLevel(const std::string& code) {
  if (code.size() == 6 && code.substr(2) == "0000") return "province";
  if (code.size() == 6 && code.substr(4) == "00") return "city";
  return "county";
}

std::vector<ErrorDetail> ValidateRegion(const Region& region) {
  std::vector<ErrorDetail> out;
  if (region.code.size() != 6 || !IsAllDigits(region.code) || region.code.substr(0, 2) == "00") {
    out.push_back({"code", "行政区划代码须为 6 位数字"});
  }
  CheckText(out, "name", region.name, 1, 50);
  if (region.parent_code && *region.parent_code == region.code) {
    out.push_back({"parent_code", "上级区划不能是自身"});
  }
  return out;
}

std::optional<ErrorDetail> CheckRegionParent(const Region& child, const Region* parent) {
  const std::string level = RegionLevel(child.code);
  if (parent == nullptr) {
    if (child.parent_code) return ErrorDetail{"parent_code", "上级区划不存在"};
    if (level != "province") return ErrorDetail{"parent_code", "市级和县级区划须指定上级区划"};
    return std::nullopt;
  }
  const bool same_province = child.code.substr(0, 2) == parent->code.substr(0, 2);
  const bool same_city = child.code.substr(0, 4) == parent->code.substr(0, 4);
  if (level == "province") return ErrorDetail{"parent_code", "省级区划不能有上级区划"};
  if (level == "city" && !(parent->level == "province" && same_province)) {
    return ErrorDetail{"parent_code", "市级区划的上级须为同省的省级区划"};
  }
  if (level == "county" &&
      !((parent->level == "city" && same_city) || (parent->level == "province" && same_province))) {
    return ErrorDetail{"parent_code", "县级区划的上级须为同市的市级区划或同省的省级区划"};
  }
  return std::nullopt;
}

std::vector<ErrorDetail> ValidateUnit(const Unit& unit) {
  std::vector<ErrorDetail> out;
  CheckEnum(out, "kind", UnitKinds(), unit.kind);
  CheckText(out, "name", unit.name, 1, 100);
  if (unit.code) {
    if (unit.code->empty() || unit.code->size() > 32) {
      out.push_back({"code", "代码长度须为 1 到 32 个字符"});
    } else {
      for (char c : *unit.code) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == '-' || c == '_')) {
          out.push_back({"code", "代码只能包含字母、数字、- 和 _"});
          break;
        }
      }
    }
  }
  if (unit.region_code.size() != 6 || !IsAllDigits(unit.region_code)) {
    out.push_back({"region_code", "行政区划代码须为 6 位数字"});
  }
  if (unit.kind == "department") {
    if (!unit.department_kind) {
      out.push_back({"department_kind", "部门须指定类别"});
    } else {
      CheckEnum(out, "department_kind", DepartmentKinds(), *unit.department_kind);
    }
  } else if (unit.department_kind) {
    out.push_back({"department_kind", "只有部门才有部门类别"});
  }
  CheckText(out, "contact_person", unit.contact_person, 0, 50);
  CheckPhone(out, "phone", unit.phone);
  CheckText(out, "address", unit.address, 0, 200);
  return out;
}

std::optional<ErrorDetail> CheckUnitParent(const std::string& kind, const Unit* parent) {
  if (kind == "bureau") {
    if (parent != nullptr && parent->kind != "bureau") {
      return ErrorDetail{"parent_id", "教育局的上级只能是教育局"};
    }
  } else if (kind == "section" || kind == "school" || kind == "cluster") {
    if (parent == nullptr || parent->kind != "bureau") {
      return ErrorDetail{"parent_id", std::string(LabelOf(UnitKinds(), kind)) + "须隶属于教育局"};
    }
  } else if (kind == "department") {
    if (parent != nullptr && parent->kind != "department") {
      return ErrorDetail{"parent_id", "部门的上级只能是部门"};
    }
  }
  return std::nullopt;
}

std::vector<ErrorDetail> ValidateSchool(const School& school) {
  std::vector<ErrorDetail> out = ValidateUnit(school.unit);
  if (school.unit.kind != "school") out.push_back({"kind", "须为学校"});
  if (!school.unit.code) out.push_back({"code", "学校代码不能为空"});
  const SchoolProfile& p = school.profile;
  CheckEnum(out, "stage", SchoolStages(), p.stage);
  CheckEnum(out, "ownership", Ownerships(), p.ownership);
  CheckEnum(out, "location_type", LocationTypes(), p.location_type);
  CheckRange(out, "students", p.students, 0, 100000);
  CheckRange(out, "staff", p.staff, 0, 20000);
  CheckRange(out, "boarders", p.boarders, 0, 100000);
  CheckRange(out, "school_buses", p.school_buses, 0, 500);
  if (!p.boarding && p.boarders > 0) out.push_back({"boarders", "非寄宿制学校的寄宿生人数须为 0"});
  if (p.boarding && p.boarders == 0) out.push_back({"boarders", "寄宿制学校须填写寄宿生人数"});
  if (p.boarders > p.students) out.push_back({"boarders", "寄宿生人数不能超过学生数"});
  CheckText(out, "principal", p.principal, 0, 50);
  if (school.buildings.size() > 500) out.push_back({"buildings", "建筑物不能超过 500 栋"});
  std::set<std::string> names;
  for (std::size_t i = 0; i < school.buildings.size(); ++i) {
    const auto& b = school.buildings[i];
    const std::string f = "buildings[" + std::to_string(i) + "]";
    CheckText(out, f + ".name", b.name, 1, 50);
    CheckRange(out, f + ".floors", b.floors, 1, 200);
    if (!names.insert(b.name).second) out.push_back({f + ".name", "建筑物名称重复"});
  }
  if (school.key_places.size() > 1000) out.push_back({"key_places", "重点部位不能超过 1000 个"});
  for (std::size_t i = 0; i < school.key_places.size(); ++i) {
    const auto& k = school.key_places[i];
    const std::string f = "key_places[" + std::to_string(i) + "]";
    CheckEnum(out, f + ".kind", KeyPlaceKinds(), k.kind);
    CheckText(out, f + ".name", k.name, 1, 100);
    if (k.building && names.count(*k.building) == 0) {
      out.push_back({f + ".building", "所在建筑物不在本校建筑物列表中"});
    }
  }
  return out;
}

Error ValidationError(std::vector<ErrorDetail> details) {
  std::string msg = "输入有误";
  if (!details.empty()) msg = "字段 " + details.front().field + " 无效：" + details.front().reason;
  return Error{ErrorCode::kInvalidArgument, std::move(msg), std::move(details)};
}

namespace {

// Matches sent entries to existing ones (see PlanPlaceChanges); returns the ids not matched.
template <typename T, typename SameKey>
std::vector<std::int64_t> MatchIds(const std::vector<T>& existing, std::vector<T>& sent,
                                   const std::string& field, const std::string& what,
                                   SameKey same_key, std::vector<ErrorDetail>& problems) {
  std::set<std::int64_t> known;
  for (const auto& e : existing) known.insert(e.id);
  std::set<std::int64_t> claimed;
  for (std::size_t i = 0; i < sent.size(); ++i) {
    auto& item = sent[i];
    if (item.id == 0) continue;
    const std::string f = field + "[" + std::to_string(i) + "].id";
    if (known.count(item.id) == 0) {
      problems.push_back({f, what + " " + std::to_string(item.id) + " 不属于本校"});
    } else if (!claimed.insert(item.id).second) {
      problems.push_back({f, what + " " + std::to_string(item.id) + " 重复"});
    }
  }
  for (auto& item : sent) {
    if (item.id != 0) continue;
    for (const auto& e : existing) {
      if (claimed.count(e.id) == 0 && same_key(e, item)) {
        item.id = e.id;
        claimed.insert(e.id);
        break;
      }
    }
  }
  std::vector<std::int64_t> removed;
  for (const auto& e : existing) {
    if (claimed.count(e.id) == 0) removed.push_back(e.id);
  }
  return removed;
}

}  // namespace

Result<PlaceChanges> PlanPlaceChanges(const std::vector<Building>& existing_buildings,
                                      const std::vector<KeyPlace>& existing_places,
                                      std::vector<Building> buildings,
                                      std::vector<KeyPlace> key_places) {
  std::vector<ErrorDetail> problems;
  PlaceChanges out;
  out.removed_buildings = MatchIds(
      existing_buildings, buildings, "buildings", "建筑物",
      [](const Building& a, const Building& b) { return a.name == b.name; }, problems);
  out.removed_key_places = MatchIds(
      existing_places, key_places, "key_places", "重点部位",
      [](const KeyPlace& a, const KeyPlace& b) { return a.kind == b.kind && a.name == b.name; },
      problems);
  if (!problems.empty()) return ValidationError(std::move(problems));
  out.buildings = std::move(buildings);
  out.key_places = std::move(key_places);
  return out;
}

}  // namespace xiaoan::domain
