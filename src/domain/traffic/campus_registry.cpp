#include "domain/traffic/campus_registry.hpp"

#include "core/strings.hpp"

namespace xiaoan::domain::traffic {

namespace {

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

std::optional<calendar::Date> DateOf(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return calendar::ParseDate(text);
}

}  // namespace

int MinuteInChina(Instant t) {
  const auto local = t + std::chrono::hours{8};
  const auto since = local - std::chrono::floor<std::chrono::days>(local);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(since).count());
}

std::optional<int> ClockMinute(const std::string& t) {
  if (t.size() != 5 || t[2] != ':') return std::nullopt;
  for (const std::size_t i : {0U, 1U, 3U, 4U}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  }
  const int h = (t[0] - '0') * 10 + (t[1] - '0');
  const int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::vector<ErrorDetail> CheckCampusVehicleRecord(const CampusVehicleRecord& v) {
  std::vector<ErrorDetail> out;
  const auto cls = ParseVehicleClass(v.vehicle_class);
  if (!cls) out.push_back({"vehicle_class", "车辆类别须为 教职工车辆、服务车辆 或 访客车辆"});
  if (IsBlank(v.plate)) {
    out.push_back({"plate", "请填写车牌号"});
  } else if (!NormalizePlate(v.plate)) {
    out.push_back({"plate", "车牌号须为省份简称、字母和 5 到 6 位字母或数字，如 浙A12345"});
  }
  CheckText(out, "owner", v.owner, "车主或单位", kMaxBusNameChars, true);
  if (v.gates.size() > kMaxGates) {
    out.push_back({"gates", "校门不能超过 " + std::to_string(kMaxGates) + " 个"});
  }
  for (const auto& g : v.gates) {
    const auto before = out.size();
    CheckText(out, "gates", g, "校门名称", kMaxGateChars, true);
    if (out.size() > before) break;
  }
  for (const auto& [field, text, what] :
       {std::tuple{"from", &v.from, "开始时间"}, std::tuple{"to", &v.to, "结束时间"}}) {
    if (!text->empty() && !ClockMinute(*text)) {
      out.push_back({field, std::string(what) + "须为 00:00 到 23:59 之间的 HH:MM"});
    }
  }
  for (const auto& [field, text, what] :
       {std::tuple{"valid_from", &v.valid_from, "有效期开始"},
        std::tuple{"valid_until", &v.valid_until, "有效期结束"}}) {
    if (!text->empty() && !DateOf(*text)) {
      out.push_back({field, std::string(what) + "须为 YYYY-MM-DD 格式的日期"});
    }
  }
  CheckText(out, "note", v.meta.note, "备注", kMaxBusNoteChars, false);
  // The rules across fields once each field reads (a class, dates and hours that parse).
  if (out.empty()) {
    for (auto& p : CheckCampusVehicle(FactsOf(v))) out.push_back(std::move(p));
  }
  return out;
}

std::vector<ErrorDetail> CheckEbike(const EbikeRecord& e, calendar::Date today) {
  std::vector<ErrorDetail> out;
  CheckText(out, "owner", e.owner, "车主", kMaxBusNameChars, true);
  CheckText(out, "licence_plate", e.licence_plate, "号牌", kMaxEbikePlateChars, false);
  CheckText(out, "campus_plate", e.campus_plate, "校内牌照", kMaxEbikePlateChars, false);
  if (!e.checked_on.empty()) {
    const auto d = DateOf(e.checked_on);
    if (!d) {
      out.push_back({"checked_on", "改装检查日期须为 YYYY-MM-DD 格式的日期"});
    } else if (*d > today) {
      out.push_back({"checked_on", "改装检查日期不能晚于今天"});
    }
  } else if (e.modified) {
    out.push_back({"modified", "未做改装检查的不能标记为已改装"});
  }
  CheckText(out, "note", e.meta.note, "备注", kMaxBusNoteChars, false);
  return out;
}

std::vector<ErrorDetail> CheckGateCheck(const std::string& kind, const std::string& gate,
                                        const std::string& plate) {
  std::vector<ErrorDetail> out;
  if (kind != "vehicle" && kind != "ebike") {
    out.push_back({"kind", "须为 vehicle（机动车）或 ebike（电动自行车）"});
  }
  CheckText(out, "gate", gate, "校门", kMaxGateChars, true);
  CheckText(out, "plate", plate, "号牌", kMaxEbikePlateChars, kind == "vehicle");
  return out;
}

CampusVehicle FactsOf(const CampusVehicleRecord& v) {
  CampusVehicle f;
  f.cls = ParseVehicleClass(v.vehicle_class).value_or(VehicleClass::kStaff);
  f.gates = v.gates;
  f.from_minute = ClockMinute(v.from);
  f.to_minute = ClockMinute(v.to);
  f.valid_from = DateOf(v.valid_from);
  f.valid_until = DateOf(v.valid_until);
  f.active = v.meta.active;
  return f;
}

EbikeFacts FactsOf(const EbikeRecord& e) {
  EbikeFacts f;
  f.licence_plate = !IsBlank(e.licence_plate);
  f.campus_plate = !IsBlank(e.campus_plate);
  f.checked = !e.checked_on.empty();
  f.modified = e.modified;
  return f;
}

}  // namespace xiaoan::domain::traffic
