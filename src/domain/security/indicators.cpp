#include "domain/security/indicators.hpp"

#include <algorithm>
#include <chrono>

namespace xiaoan::domain::security {

namespace {

using rules::Outcome;
using rules::ParamValues;
using rules::Period;
using rules::Verdict;

constexpr const char* kSource4 =
    "规范落实年方案措施 4：专职保安、封闭管理、一键报警和视频监控、护学岗“四个100%”";

std::vector<rules::RuleDecl> Declare() {
  std::vector<rules::RuleDecl> out;
  out.push_back({"security.guards",
                 1,
                 4,
                 "专职保安员配备数量",
                 "school",
                 Period::kMonth,
                 "公治〔2015〕168号（按区县通知执行）；GB/T 29315-2022",
                 {{"small_below", "师生少于多少人为小规模学校", "人", 10, 1000, 100, ""},
                  {"min_small", "小规模学校至少几名", "名", 1, 10, 1, ""},
                  {"medium_max", "师生不超过多少人时按基本数配备", "人", 100, 10000, 1000, ""},
                  {"min_medium", "基本配备几名", "名", 1, 20, 2, ""},
                  {"extra_per", "超出部分每多少人增配一名", "人", 100, 2000, 500, ""},
                  {"round_up", "不足一档按一档计（1 是，0 否）", "", 0, 1, 1, ""},
                  {"boarders_per_guard", "寄宿生每多少人增配一名（0 不增配）", "人", 0, 1000, 0,
                   "湖北等地做法，可选"}},
                 [](const ParamValues& v) {
                   std::vector<ErrorDetail> out;
                   if (v.at("small_below") > v.at("medium_max")) {
                     out.push_back({"medium_max", "不能小于小规模学校的人数界限"});
                   }
                   if (v.at("min_small") > v.at("min_medium")) {
                     out.push_back({"min_medium", "不能少于小规模学校的配备数"});
                   }
                   return out;
                 }});
  out.push_back({"security.guard_license",
                 1,
                 4,
                 "保安员持证上岗、年龄符合要求",
                 "school",
                 Period::kMonth,
                 "保安服务管理条例；地方做法",
                 {{"max_age", "保安员年龄上限（0 不限）", "岁", 0, 80, 60, "可选的地方要求"}},
                 {}});
  out.push_back({"security.closed_campus",
                 1,
                 4,
                 "校园封闭管理",
                 "school",
                 Period::kMonth,
                 "GB/T 29315-2022：围墙或围栏、门禁、来访登记、门卫室 24 小时值守",
                 {},
                 {}});
  out.push_back({"security.alarm",
                 1,
                 4,
                 "一键报警与公安联网并定期测试",
                 "school",
                 Period::kMonth,
                 kSource4,
                 {{"test_days", "最近一次测试不早于几天前", "天", 1, 366, 31, "每月至少测试一次"},
                  {"require_bureau", "须同时联通教育局（1 是，0 否）", "", 0, 1, 0, ""}},
                 {}});
  out.push_back(
      {"security.video",
       1,
       4,
       "视频监控覆盖、存储和故障修复",
       "school",
       Period::kMonth,
       "GB/T 29315：校门、校门外、教学区、人员聚集区、宿舍出入口、食堂后厨；图像保存不少于 "
       "30 天；故障 24 小时内修复",
       {{"retention_days", "图像至少保存几天", "天", 7, 365, 30, ""},
        {"fix_days", "故障几天内修复", "天", 1, 30, 1, "报修当天之后的天数"}},
       {}});
  out.push_back({"security.gate_duty",
                 1,
                 4,
                 "上学放学高峰护学岗",
                 "school",
                 Period::kMonth,
                 kSource4,
                 {{"min_people", "每个高峰至少几人在岗", "人", 1, 20, 1, ""}},
                 {}});
  out.push_back({"security.patrol",
                 1,
                 4,
                 "保安员每日巡查重点部位",
                 "school",
                 Period::kMonth,
                 "GB/T 29315-2022",
                 {{"min_rounds", "每天至少巡查几次", "次", 1, 24, 5, ""}},
                 {}});
  return out;
}

const std::vector<rules::RuleDecl>& Decls() {
  static const std::vector<rules::RuleDecl> decls = Declare();
  return decls;
}

constexpr VideoArea kVideoAreas[] = {{"gate", "校门"},
                                     {"outside_gate", "校门外"},
                                     {"teaching", "教学区"},
                                     {"gathering", "人员聚集区"},
                                     {"dormitory_entrance", "宿舍出入口"},
                                     {"canteen_kitchen", "食堂后厨"}};

constexpr PostKind kPostKinds[] = {{"police", "公安民警"},
                                   {"auxiliary", "辅警"},
                                   {"guard", "保安员"},
                                   {"teacher", "教师"},
                                   {"volunteer", "志愿者/家长"}};

ParamValues ValuesOf(const std::map<std::string, ParamValues>& values, const rules::RuleDecl& r) {
  ParamValues v = rules::Defaults(r);
  if (auto it = values.find(r.id); it != values.end()) {
    for (const auto& [k, n] : it->second) v[k] = n;
  }
  return v;
}

// Parts of `n` (none when negative) per `per` (none when 0): rounded up or down.
int Parts(int n, int per, bool round_up) {
  if (per <= 0) return 0;
  n = std::max(n, 0);
  return round_up ? (n + per - 1) / per : n / per;
}

Verdict Pass(std::string reason, std::vector<std::int64_t> evidence = {}) {
  return {Outcome::kPass, std::move(reason), std::move(evidence)};
}
Verdict Fail(std::string reason, std::vector<std::int64_t> evidence = {}) {
  return {Outcome::kFail, std::move(reason), std::move(evidence)};
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "、") + p;
  return out;
}

Verdict JudgeGuards(const SchoolSecurity& s, const ParamValues& v) {
  const int need = RequiredGuards(s.students + s.staff, s.boarding ? s.boarders : 0, v);
  std::vector<std::int64_t> ids;
  for (const auto& g : s.guards) {
    if (g.full_time) ids.push_back(g.id);
  }
  const int have = static_cast<int>(ids.size());
  const std::string counts = "师生 " + std::to_string(s.students + s.staff) + " 人，应配专职保安 " +
                             std::to_string(need) + " 名，现有 " + std::to_string(have) + " 名";
  if (have >= need) return Pass(counts, std::move(ids));
  return Fail(counts + "，缺 " + std::to_string(need - have) + " 名", std::move(ids));
}

Verdict JudgeGuardLicense(const SchoolSecurity& s, const ParamValues& v, calendar::Date today) {
  const int max_age = v.at("max_age");
  std::vector<std::string> problems;
  std::vector<std::int64_t> ids;
  for (const auto& g : s.guards) {
    if (g.license_no.empty()) {
      problems.push_back(g.name + "无保安员证");
      ids.push_back(g.id);
    } else if (max_age > 0 && g.birth_date && AgeOn(*g.birth_date, today) > max_age) {
      problems.push_back(g.name + "已满 " + std::to_string(AgeOn(*g.birth_date, today)) + " 岁");
      ids.push_back(g.id);
    }
  }
  if (s.guards.empty()) return Fail("没有登记保安员");
  if (problems.empty()) return Pass("保安员均持证上岗");
  return Fail(Join(problems), std::move(ids));
}

Verdict JudgeClosedCampus(const SchoolSecurity& s) {
  std::vector<std::string> missing;
  if (!s.perimeter) missing.push_back("无围墙或围栏");
  if (!s.gate_controlled) missing.push_back("校门无门禁");
  if (!s.visitor_register) missing.push_back("未落实来访登记");
  if (!s.gate_house_staffed) missing.push_back("门卫室未 24 小时值守");
  if (missing.empty()) return Pass("围墙、门禁、来访登记、门卫值守齐全");
  return Fail(Join(missing));
}

Verdict JudgeAlarm(const SchoolSecurity& s, const ParamValues& v, calendar::Date today) {
  if (s.alarms.empty()) return Fail("未安装一键报警装置");
  const bool bureau = v.at("require_bureau") != 0;
  const auto test_days = std::chrono::days{v.at("test_days")};
  std::vector<std::string> problems;
  std::vector<std::int64_t> ids;
  for (const auto& a : s.alarms) {
    std::vector<std::string> own;
    if (!a.linked_110) own.push_back("未与公安 110 联网");
    if (bureau && !a.linked_bureau) own.push_back("未联通教育局");
    if (!a.last_test) {
      own.push_back("没有测试记录");
    } else if (today - *a.last_test > test_days) {
      own.push_back("最近一次测试在 " + calendar::FormatDate(*a.last_test));
    }
    if (!own.empty()) {
      problems.push_back(a.location + Join(own));
      ids.push_back(a.id);
    }
  }
  if (problems.empty()) return Pass("一键报警已联网并按期测试");
  return Fail(Join(problems), std::move(ids));
}

Verdict JudgeVideo(const SchoolSecurity& s, const ParamValues& v, calendar::Date today) {
  std::vector<std::string> problems;
  std::vector<std::string> uncovered;
  for (const auto& area : kVideoAreas) {
    if (area.code == "dormitory_entrance" && !s.boarding) continue;
    if (area.code == "canteen_kitchen" && !s.has_canteen) continue;
    if (std::find(s.video.areas.begin(), s.video.areas.end(), area.code) == s.video.areas.end()) {
      uncovered.emplace_back(area.label);
    }
  }
  if (!uncovered.empty()) problems.push_back("未覆盖" + Join(uncovered));
  if (s.video.retention_days < v.at("retention_days")) {
    problems.push_back("图像保存 " + std::to_string(s.video.retention_days) + " 天，少于 " +
                       std::to_string(v.at("retention_days")) + " 天");
  }
  if (s.video.open_fault_since &&
      today - *s.video.open_fault_since > std::chrono::days{v.at("fix_days")}) {
    problems.push_back(calendar::FormatDate(*s.video.open_fault_since) + " 报修的故障仍未修复");
  }
  if (problems.empty()) return Pass("重点区域全覆盖，图像保存和故障修复符合要求");
  return Fail(Join(problems));
}

Verdict JudgeGateDuty(const SchoolSecurity& s, const ParamValues& v) {
  const int need = v.at("min_people");
  std::vector<std::string> missing;
  std::vector<std::int64_t> ids;
  for (const auto& [peak, label] : {std::pair{"morning", "上学高峰"}, {"afternoon", "放学高峰"}}) {
    bool staffed = false;
    for (const auto& p : s.posts) {
      if (p.peak == peak && p.people >= need) {
        staffed = true;
        ids.push_back(p.id);
      }
    }
    if (!staffed) missing.emplace_back(label);
  }
  if (missing.empty()) return Pass("上学、放学高峰均有护学岗", std::move(ids));
  return Fail(Join(missing) + "没有满员的护学岗", std::move(ids));
}

Verdict JudgePatrol(const SchoolSecurity& s, const ParamValues& v) {
  const int need = v.at("min_rounds");
  const std::string text = "每天巡查 " + std::to_string(s.patrols_per_day) + " 次，要求不少于 " +
                           std::to_string(need) + " 次";
  return s.patrols_per_day >= need ? Pass(text) : Fail(text);
}

}  // namespace

std::span<const rules::RuleDecl> RuleDecls() { return Decls(); }

std::span<const VideoArea> VideoAreas() { return kVideoAreas; }

std::span<const PostKind> PostKinds() { return kPostKinds; }

int RequiredGuards(int people, int boarders, const ParamValues& v) {
  // Up to medium_max nobody is beyond it: the basic number.
  const int need = people < v.at("small_below")
                       ? v.at("min_small")
                       : v.at("min_medium") + Parts(people - v.at("medium_max"), v.at("extra_per"),
                                                    v.at("round_up") != 0);
  return need + Parts(boarders, v.at("boarders_per_guard"), true);
}

int AgeOn(calendar::Date birth, calendar::Date day) {
  const std::chrono::year_month_day b{birth};
  const std::chrono::year_month_day d{day};
  int age = static_cast<int>(d.year()) - static_cast<int>(b.year());
  if (std::pair{d.month(), d.day()} < std::pair{b.month(), b.day()}) --age;
  return age;
}

std::vector<Finding> JudgeSchool(const SchoolSecurity& school,
                                 const std::map<std::string, ParamValues>& values,
                                 calendar::Date today) {
  std::vector<Finding> out;
  for (const auto& r : Decls()) {
    const auto v = ValuesOf(values, r);
    Verdict verdict;
    if (r.id == "security.guards") {
      verdict = JudgeGuards(school, v);
    } else if (r.id == "security.guard_license") {
      verdict = JudgeGuardLicense(school, v, today);
    } else if (r.id == "security.closed_campus") {
      verdict = JudgeClosedCampus(school);
    } else if (r.id == "security.alarm") {
      verdict = JudgeAlarm(school, v, today);
    } else if (r.id == "security.video") {
      verdict = JudgeVideo(school, v, today);
    } else if (r.id == "security.gate_duty") {
      verdict = JudgeGateDuty(school, v);
    } else {
      verdict = JudgePatrol(school, v);
    }
    out.push_back({&r, std::move(verdict)});
  }
  return out;
}

Indicators IndicatorsOf(std::span<const Finding> findings) {
  const auto met = [&](std::initializer_list<std::string_view> ids) {
    return std::none_of(findings.begin(), findings.end(), [&](const Finding& f) {
      return f.verdict.outcome == Outcome::kFail &&
             std::find(ids.begin(), ids.end(), f.rule->id) != ids.end();
    });
  };
  Indicators out;
  out.guards = met({"security.guards", "security.guard_license", "security.patrol"});
  out.closed_campus = met({"security.closed_campus"});
  out.alarm_video = met({"security.alarm", "security.video"});
  out.gate_duty = met({"security.gate_duty"});
  return out;
}

DistrictRates RatesOf(std::span<const Indicators> schools) {
  DistrictRates r;
  for (const auto& s : schools) {
    for (auto* rate : {&r.guards, &r.closed_campus, &r.alarm_video, &r.gate_duty, &r.all}) {
      ++rate->screened;
    }
    r.guards.compliant += s.guards ? 1 : 0;
    r.closed_campus.compliant += s.closed_campus ? 1 : 0;
    r.alarm_video.compliant += s.alarm_video ? 1 : 0;
    r.gate_duty.compliant += s.gate_duty ? 1 : 0;
    r.all.compliant += s.All() ? 1 : 0;
  }
  return r;
}

}  // namespace xiaoan::domain::security
