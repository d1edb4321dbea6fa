#include "domain/edu/waters.hpp"

#include <algorithm>

#include "core/strings.hpp"

namespace xiaoan::domain::edu {

namespace {

constexpr WaterKind kKinds[] = {{"pond", "池塘"},      {"river", "河流"},
                                {"reservoir", "水库"}, {"canal", "沟渠"},
                                {"lake", "湖泊"},      {"pit", "坑塘（采砂坑、废弃矿坑）"},
                                {"other", "其他水域"}};

void CheckText(std::vector<ErrorDetail>& out, const char* field, const std::string& value,
               const char* what, std::size_t max, bool required) {
  if (const auto problem = TextProblem(value); !problem.empty()) {
    out.push_back({field, std::string(what) + problem});
  } else if (required && IsBlank(value)) {
    out.push_back({field, std::string("请填写") + what});
  } else if (Utf8Length(value).value_or(0) > max) {
    out.push_back({field, std::string(what) + "不能超过 " + std::to_string(max) + " 个字"});
  }
}

bool RemoteLocation(const std::string& type) {
  return type == "rural" || type == "township" || type == "fringe";
}

}  // namespace

std::span<const WaterKind> WaterKinds() { return kKinds; }

const WaterKind* FindWaterKind(std::string_view code) {
  for (const auto& k : kKinds) {
    if (k.code == code) return &k;
  }
  return nullptr;
}

std::vector<ErrorDetail> CheckWater(const Water& w, calendar::Date today) {
  std::vector<ErrorDetail> out;
  CheckText(out, "name", w.name, "水域名称", kMaxWaterNameChars, true);
  if (w.kind.empty()) {
    out.push_back({"kind", "请选择水域类型"});
  } else if (!FindWaterKind(w.kind)) {
    out.push_back({"kind", "水域类型须为 池塘、河流、水库、沟渠、湖泊、坑塘 或 其他水域"});
  }
  if (w.distance_m < 0 || w.distance_m > kMaxWaterDistance) {
    out.push_back({"distance_m",
                   "距学校距离须为 0 到 " + std::to_string(kMaxWaterDistance) + " 米之间的整数"});
  }
  CheckText(out, "location", w.location, "位置描述", kMaxWaterLocationChars, false);
  CheckText(out, "keeper", w.keeper, "管理责任单位", kMaxWaterKeeperChars, false);
  CheckText(out, "note", w.note, "备注", kMaxWaterNoteChars, false);
  const auto checked = calendar::ParseDate(w.checked_on);
  if (!checked) {
    out.push_back({"checked_on", "最近核查日期须为 YYYY-MM-DD 格式的日期"});
  } else if (*checked > today) {
    out.push_back({"checked_on", "最近核查日期不能晚于今天"});
  }
  return out;
}

std::vector<std::string> WaterGaps(const Water& w) {
  std::vector<std::string> out;
  if (!w.warning_sign) out.push_back("警示牌");
  if (!w.fence) out.push_back("护栏");
  if (!w.rescue_gear) out.push_back("救生设施");
  if (!w.patrol) out.push_back("巡查");
  return out;
}

bool IsPriority(const Water& w) {
  return w.active && w.distance_m <= kPriorityMeters && !WaterGaps(w).empty();
}

void AddWater(WaterSchoolRow& row, const Water& w) {
  if (!w.active) return;
  ++row.waters;
  if (!WaterGaps(w).empty()) ++row.with_gaps;
  if (IsPriority(w)) ++row.priority;
  if (!row.nearest_m || w.distance_m < *row.nearest_m) row.nearest_m = w.distance_m;
}

void SortWaterBoard(std::vector<WaterSchoolRow>& rows) {
  const auto band = [](const WaterSchoolRow& r) {
    if (r.priority > 0) return 0;
    if (r.with_gaps > 0) return 1;
    if (r.waters == 0 && RemoteLocation(r.location_type)) return 2;
    return 3;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    const int ba = band(a);
    const int bb = band(b);
    if (ba != bb) return ba < bb;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.with_gaps != b.with_gaps) return a.with_gaps > b.with_gaps;
    return a.school_name < b.school_name;
  });
}

}  // namespace xiaoan::domain::edu
