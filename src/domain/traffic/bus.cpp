#include "domain/traffic/bus.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "domain/calendar/months.hpp"

namespace xiaoan::domain::traffic {

namespace {

using rules::Outcome;
using rules::Period;
using rules::Verdict;

constexpr const char* kSource = "《校车安全管理条例》（国务院令第617号）";

rules::ParamSpec WarnDays() {
  return {
      "warn_days", "提前提醒天数", "天", 0, 90, 30, "到期前这么多天起提醒（仍为合格）；0 为不提醒"};
}

const std::vector<rules::RuleDecl>& Decls() {
  static const std::vector<rules::RuleDecl> kRules = {
      {"bus.driver_age",
       1,
       16,
       "校车驾驶人年龄在 25 至 60 周岁之间",
       "driver",
       Period::kRecord,
       std::string(kSource) + "第二十三条：校车驾驶人年龄在25周岁以上、不超过60周岁",
       {{"min_age", "最低年龄", "周岁", 18, 30, 25, "未满这个周岁不合格"},
        {"max_age", "最高年龄", "周岁", 50, 70, 60, "超过这个周岁（满下一个周岁之日起）不合格"},
        WarnDays()},
       {}},
      {"bus.driver_experience",
       1,
       16,
       "校车驾驶人具有相应准驾车型三年以上驾驶经历，驾驶证签注准许驾驶校车",
       "driver",
       Period::kRecord,
       std::string(kSource) +
           "第二十三条、第二十四条：取得相应准驾车型驾驶证并具有三年以上驾驶经历；"
           "公安机关交通管理部门在驾驶证上签注准许驾驶校车",
       {{"years", "驾龄不少于", "年", 1, 10, 3,
         "初次领取该准驾车型驾驶证满这么多年（周年之日起）"}},
       {}},
      {"bus.driver_record",
       1,
       16,
       "校车驾驶人无严重交通违法和犯罪记录，体检在有效期内",
       "driver",
       Period::kRecord,
       std::string(kSource) +
           "第二十三条：最近连续3个记分周期内没有被记满分记录，无致人死亡或者重伤的交通事故责任记录"
           "，"
           "无饮酒后驾驶或者醉酒驾驶机动车记录，最近1年内无驾驶客运车辆超员、超速等严重交通违法行为"
           "记录，无犯罪记录，身心健康",
       {{"health_months", "体检有效期", "月", 1, 24, 12,
         "最近一次体检后这么多个月内有效（到同日为止）"},
        WarnDays()},
       {}},
      {"bus.inspection",
       1,
       16,
       "校车每 6 个月进行一次机动车安全技术检验",
       "vehicle",
       Period::kRecord,
       std::string(kSource) + "第二十条：校车应当每半年进行一次机动车安全技术检验",
       {{"months", "检验周期", "月", 1, 12, 6, "上次检验后这么多个月内（到同日为止）须再次检验"},
        WarnDays()},
       {}},
      {"bus.permit",
       1,
       16,
       "校车标牌在有效期内",
       "vehicle",
       Period::kRecord,
       std::string(kSource) + "第十四条至第十九条：取得校车使用许可，校车标牌载明有效期",
       {WarnDays()},
       {}},
      {"bus.monitor",
       1,
       16,
       "每条校车线路配备照管人员",
       "route",
       Period::kRecord,
       std::string(kSource) + "第三十条：校车载有学生时，应当有随车照管人员",
       {},
       {}},
      {"bus.capacity",
       1,
       16,
       "线路乘车学生不超过校车核定载人数",
       "route",
       Period::kRecord,
       std::string(kSource) + "第三十五条：校车载人不得超过核定的人数",
       {},
       {}},
  };
  return kRules;
}

int Value(const RuleValues& values, std::string_view rule, const std::string& key) {
  return rules::ValueOf(values, *FindBusRule(rule), key);
}

int DaysBetween(cal::Date from, cal::Date to) { return static_cast<int>((to - from).count()); }

// The verdict for something valid through `until` on `day`: fail after it, warn within
// warn_days before it (that day included), pass before.
Verdict Expiring(cal::Date until, cal::Date day, int warn_days, const std::string& what,
                 const std::string& expired, const std::string& ok) {
  if (day > until) {
    return {Outcome::kFail, what + expired + "（" + cal::FormatDate(until) + "）", {}};
  }
  const int left = DaysBetween(day, until);
  if (left <= warn_days) {
    return {Outcome::kWarn,
            what + "将于 " + cal::FormatDate(until) + " 到期，还有 " + std::to_string(left) + " 天",
            {}};
  }
  return {Outcome::kPass, what + ok + "（至 " + cal::FormatDate(until) + "）", {}};
}

// The classes each class also covers (准驾车型).
struct Covers {
  std::string_view held;
  std::array<std::string_view, 8> also;
};
constexpr std::array<Covers, 6> kCovers = {{
    {"A1", {"A3", "B1", "B2", "C1", "C2", "C3", "C4"}},
    {"A2", {"B1", "B2", "C1", "C2", "C3", "C4"}},
    {"A3", {"C1", "C2", "C3", "C4"}},
    {"B1", {"C1", "C2", "C3", "C4"}},
    {"B2", {"C1", "C2", "C3", "C4"}},
    {"C1", {"C2", "C3"}},
}};

}  // namespace

cal::Date YearsAfter(cal::Date from, int years) {
  const std::chrono::year_month_day ymd{from};
  const auto target = ymd.year() + std::chrono::years{years};
  const std::chrono::year_month_day day{target, ymd.month(), ymd.day()};
  if (day.ok()) return std::chrono::sys_days{day};
  // 29 February in a common year: 1 March.
  return std::chrono::sys_days{
      std::chrono::year_month_day{target, std::chrono::March, std::chrono::day{1}}};
}

cal::Date MonthsAfter(cal::Date from, int months) { return cal::AddMonthsClamped(from, months); }

int AgeOn(cal::Date birth, cal::Date day) {
  const std::chrono::year_month_day b{birth};
  const std::chrono::year_month_day d{day};
  int age = static_cast<int>(d.year()) - static_cast<int>(b.year());
  if (day < YearsAfter(birth, age)) --age;
  return std::max(age, 0);
}

std::optional<std::string> NormalizeLicenceClass(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '\t') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (const auto& c : kCovers) {
    if (c.held == out) return out;
  }
  return std::nullopt;
}

bool LicenceCovers(std::string_view held, std::string_view required) {
  if (held.empty() || required.empty()) return false;
  if (held == required) return true;
  for (const auto& c : kCovers) {
    if (c.held != held) continue;
    return std::find(c.also.begin(), c.also.end(), required) != c.also.end();
  }
  return false;
}

std::string RequiredLicenceClass(int seats) {
  if (seats > 19) return "A1";
  if (seats >= 10) return "B1";
  return "C1";
}

std::span<const rules::RuleDecl> BusRuleDecls() { return Decls(); }

const rules::RuleDecl* FindBusRule(std::string_view id) { return rules::FindRule(Decls(), id); }

Verdict JudgeDriverAge(const DriverFacts& d, cal::Date day, const RuleValues& values) {
  const int min_age = Value(values, "bus.driver_age", "min_age");
  const int max_age = Value(values, "bus.driver_age", "max_age");
  const int warn = Value(values, "bus.driver_age", "warn_days");
  const int age = AgeOn(d.birth, day);
  const std::string now = "现年 " + std::to_string(age) + " 周岁";
  if (age < min_age) {
    return {Outcome::kFail,
            now + "，未满 " + std::to_string(min_age) + " 周岁（" +
                cal::FormatDate(YearsAfter(d.birth, min_age)) + " 年满）",
            {}};
  }
  if (age > max_age) {
    return {Outcome::kFail, now + "，已超过 " + std::to_string(max_age) + " 周岁", {}};
  }
  const auto over = YearsAfter(d.birth, max_age + 1);
  const int left = DaysBetween(day, over);
  if (left <= warn) {
    return {Outcome::kWarn,
            now + "，将于 " + cal::FormatDate(over) + " 超过 " + std::to_string(max_age) +
                " 周岁，还有 " + std::to_string(left) + " 天",
            {}};
  }
  return {Outcome::kPass, now, {}};
}

Verdict JudgeDriverExperience(const DriverFacts& d, std::string_view required_class, cal::Date day,
                              const RuleValues& values) {
  const int years = Value(values, "bus.driver_experience", "years");
  const auto held = NormalizeLicenceClass(d.licence_class);
  if (!held) return {Outcome::kFail, "准驾车型未登记或不能驾驶校车", {}};
  const std::string needed = required_class.empty() ? "C1" : std::string(required_class);
  if (!LicenceCovers(*held, needed)) {
    return {Outcome::kFail, "准驾车型 " + *held + " 不能驾驶需要 " + needed + " 的校车", {}};
  }
  if (!d.licence_since) return {Outcome::kFail, "初次领证日期未登记", {}};
  const auto enough = YearsAfter(*d.licence_since, years);
  if (day < enough) {
    return {Outcome::kFail,
            "驾龄不足 " + std::to_string(years) + " 年（" + cal::FormatDate(enough) + " 满）",
            {}};
  }
  if (!d.bus_endorsement) return {Outcome::kFail, "驾驶证未签注准许驾驶校车", {}};
  return {
      Outcome::kPass, *held + " 驾龄满 " + std::to_string(years) + " 年，已签注准许驾驶校车", {}};
}

Verdict JudgeDriverRecord(const DriverFacts& d, cal::Date day, const RuleValues& values) {
  std::vector<std::string> problems;
  if (d.full_points_in_3_cycles) problems.emplace_back("最近3个记分周期内有满分记录");
  if (d.fatal_accident_responsibility) problems.emplace_back("有致人死亡或重伤的交通事故责任记录");
  if (d.drink_driving) problems.emplace_back("有饮酒后驾驶或醉酒驾驶记录");
  if (d.overload_or_speeding_last_year)
    problems.emplace_back("最近1年内有超员、超速等严重交通违法");
  if (d.criminal_record) problems.emplace_back("有犯罪记录");
  if (!problems.empty()) {
    std::string reason;
    for (const auto& p : problems) reason += (reason.empty() ? "" : "；") + p;
    return {Outcome::kFail, reason, {}};
  }
  if (!d.health_checked_on) return {Outcome::kFail, "未登记体检", {}};
  const int months = Value(values, "bus.driver_record", "health_months");
  return Expiring(MonthsAfter(*d.health_checked_on, months), day,
                  Value(values, "bus.driver_record", "warn_days"), "体检", "已过有效期",
                  "在有效期内");
}

Verdict JudgeInspection(const VehicleFacts& v, cal::Date day, const RuleValues& values) {
  if (!v.inspected_on) return {Outcome::kFail, "未登记安全技术检验", {}};
  const int months = Value(values, "bus.inspection", "months");
  return Expiring(MonthsAfter(*v.inspected_on, months), day,
                  Value(values, "bus.inspection", "warn_days"), "安全技术检验", "已逾期",
                  "在有效期内");
}

Verdict JudgePermit(const VehicleFacts& v, cal::Date day, const RuleValues& values) {
  if (!v.permit_until) return {Outcome::kFail, "未取得校车标牌", {}};
  return Expiring(*v.permit_until, day, Value(values, "bus.permit", "warn_days"), "校车标牌",
                  "已过期", "有效");
}

Verdict JudgeMonitor(const RouteFacts& r) {
  if (r.has_monitor) return {Outcome::kPass, "已配备照管人员", {}};
  return {Outcome::kFail, "未配备照管人员", {}};
}

Verdict JudgeCapacity(const RouteFacts& r) {
  if (!r.seats) return {Outcome::kNotApplicable, "尚未指定车辆", {}};
  const std::string counts =
      "乘车学生 " + std::to_string(r.riders) + " 人，核定载人数 " + std::to_string(*r.seats);
  if (r.riders > *r.seats) return {Outcome::kFail, counts + "，超员", {}};
  return {Outcome::kPass, counts, {}};
}

std::vector<RuleVerdict> JudgeDriver(const DriverFacts& d, std::string_view required_class,
                                     cal::Date day, const RuleValues& values) {
  return {{"bus.driver_age", JudgeDriverAge(d, day, values)},
          {"bus.driver_experience", JudgeDriverExperience(d, required_class, day, values)},
          {"bus.driver_record", JudgeDriverRecord(d, day, values)}};
}

std::vector<RuleVerdict> JudgeVehicle(const VehicleFacts& v, cal::Date day,
                                      const RuleValues& values) {
  return {{"bus.inspection", JudgeInspection(v, day, values)},
          {"bus.permit", JudgePermit(v, day, values)}};
}

bool AnyFails(const std::vector<RuleVerdict>& verdicts) {
  return std::any_of(verdicts.begin(), verdicts.end(),
                     [](const RuleVerdict& v) { return v.verdict.outcome == Outcome::kFail; });
}

namespace {

// The failing verdicts' reasons, joined.
std::string FailingReasons(const std::vector<RuleVerdict>& verdicts) {
  std::string out;
  for (const auto& v : verdicts) {
    if (v.verdict.outcome != Outcome::kFail) continue;
    if (!out.empty()) out += "；";
    out += v.verdict.reason;
  }
  return out;
}

constexpr std::string_view kProvinces =
    "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

}  // namespace

std::vector<ErrorDetail> RouteProblems(const std::optional<DriverFacts>& driver,
                                       const std::optional<VehicleFacts>& vehicle, int riders,
                                       cal::Date day, const RuleValues& values) {
  std::vector<ErrorDetail> out;
  if (driver) {
    const std::string needed = vehicle ? RequiredLicenceClass(vehicle->seats) : std::string();
    const auto verdicts = JudgeDriver(*driver, needed, day, values);
    if (AnyFails(verdicts)) {
      out.push_back({"driver_id", "驾驶人不符合校车驾驶人条件：" + FailingReasons(verdicts)});
    }
  }
  if (vehicle) {
    const auto verdicts = JudgeVehicle(*vehicle, day, values);
    if (AnyFails(verdicts)) {
      out.push_back({"vehicle_id", "车辆不符合校车条件：" + FailingReasons(verdicts)});
    }
    if (riders > vehicle->seats) {
      out.push_back({"riders", "乘车学生 " + std::to_string(riders) + " 人，超过核定载人数 " +
                                   std::to_string(vehicle->seats)});
    }
  }
  if (riders < 0) out.push_back({"riders", "乘车学生人数不能为负数"});
  return out;
}

std::optional<std::string> NormalizePlate(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (text.substr(i, 2) == "\xC2\xB7") {  // U+00B7 middle dot
      ++i;
      continue;
    }
    if (text.substr(i, 3) == "\xE3\x83\xBB" || text.substr(i, 3) == "\xEF\xBD\xA5") {
      i += 2;  // katakana middle dot, half-width middle dot
      continue;
    }
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  // The province (three bytes in UTF-8), a letter, 5 or 6 letters and digits.
  if (out.size() != 9 && out.size() != 10) return std::nullopt;
  const std::string_view province(out.data(), 3);
  bool known = false;
  for (std::size_t i = 0; i + 3 <= kProvinces.size(); i += 3) {
    if (kProvinces.substr(i, 3) == province) known = true;
  }
  if (!known) return std::nullopt;
  const std::string_view rest(out.data() + 3, out.size() - 3);
  if (rest[0] < 'A' || rest[0] > 'Z') return std::nullopt;
  for (const char c : rest) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return std::nullopt;
  }
  return out;
}

}  // namespace xiaoan::domain::traffic
