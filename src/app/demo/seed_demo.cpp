#include "app/demo/seed_demo.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <random>

#include "app/accounts/accounts.hpp"
#include "app/org/org_use_cases.hpp"
#include "core/password.hpp"
#include "domain/edu/contents.hpp"

namespace xiaoan::app {
namespace {

// Deterministic across platforms: mt19937_64 is fully specified; distributions are not, so we
// reduce by modulo ourselves.
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : gen_(seed) {}
  int Between(int lo, int hi) { return lo + static_cast<int>(gen_() % std::uint64_t(hi - lo + 1)); }
  bool Chance(int percent) { return Between(1, 100) <= percent; }

 private:
  std::mt19937_64 gen_;
};

constexpr std::array<const char*, 40> kPlaceNames = {
    "城关", "东湖", "西山", "南岭", "北塘", "青石", "梅林", "柳溪", "桃源", "枫桥",
    "龙泉", "凤鸣", "石门", "白沙", "金塘", "云溪", "清河", "杨柳", "松岗", "竹林",
    "新港", "长乐", "和平", "兴华", "文昌", "丰收", "花园", "望江", "宝山", "春晖",
    "秀水", "明德", "育才", "启航", "阳光", "湖滨", "翠屏", "双桥", "永安", "仁和"};

struct SchoolPlan {
  const char* stage;
  const char* suffix;
  int count;
};
constexpr SchoolPlan kPlan[] = {{"kindergarten", "幼儿园", 10},     {"primary", "小学", 14},
                                {"junior", "初级中学", 6},          {"senior", "高级中学", 3},
                                {"nine_year", "九年一贯制学校", 3}, {"twelve_year", "实验学校", 1},
                                {"vocational", "职业技术学校", 2},  {"special", "特殊教育学校", 1}};
constexpr const char* kLocations[] = {"urban", "township", "rural", "fringe"};

struct DepartmentPlan {
  const char* kind;
  const char* name;
};
constexpr DepartmentPlan kDepartments[] = {{"police", "公安分局"},
                                           {"traffic_police", "交警大队"},
                                           {"fire_rescue", "消防救援大队"},
                                           {"emergency", "应急管理局"},
                                           {"natural_resources", "自然资源和规划局"},
                                           {"agriculture", "农业农村局"},
                                           {"market_regulation", "市场监督管理局"},
                                           {"health", "卫生健康局"}};
constexpr const char* kSections[] = {"安全管理科", "基础教育科", "学前教育科", "职业与成人教育科",
                                     "教育督导室"};
constexpr const char* kClusters[] = {"城区学区", "东部学区", "西部学区", "北部学区"};

domain::School MakeSchool(DemoRandom& rnd, const SchoolPlan& plan, int index, int seq,
                          const std::string& district_code, const std::string& district_name,
                          domain::UnitId bureau, const std::vector<domain::UnitId>& clusters) {
  domain::School s;
  s.unit.kind = "school";
  const std::string place = kPlaceNames[(seq * 7 + index) % kPlaceNames.size()];
  s.unit.name = district_name + place + plan.suffix;
  if (index > 0)
    s.unit.name = district_name + place + "第" + std::to_string(index + 1) + plan.suffix;
  char code[16];
  std::snprintf(code, sizeof code, "99%s%04d", district_code.substr(2).c_str(), seq);
  s.unit.code = code;
  s.unit.region_code = district_code;
  s.unit.parent_id = bureau;
  s.unit.address = district_name + place + "路" + std::to_string(rnd.Between(1, 300)) + "号";
  s.unit.phone = "0571-" + std::to_string(rnd.Between(80000000, 89999999));
  auto& p = s.profile;
  p.stage = plan.stage;
  p.ownership = (p.stage == std::string("kindergarten") && rnd.Chance(40)) ? "private" : "public";
  p.location_type = kLocations[(seq + index) % 4];
  const std::string stage = p.stage;
  const bool small = stage == "kindergarten" || stage == "special";
  p.students = small ? rnd.Between(60, 400) : rnd.Between(300, 2600);
  p.staff = std::max(8, p.students / rnd.Between(11, 16));
  p.boarding =
      stage == "senior" || stage == "vocational" ||
      ((stage == "junior" || stage == "nine_year") && p.location_type != "urban" && rnd.Chance(60));
  p.boarders = p.boarding ? p.students * rnd.Between(30, 90) / 100 : 0;
  // Rural and township primary schools and kindergartens run school buses (no draw from rnd, so
  // the rest of the demo stays as it was).
  if ((p.location_type == std::string("rural") || p.location_type == std::string("township")) &&
      (stage == "primary" || stage == "nine_year" || stage == "kindergarten")) {
    p.school_buses = 1 + (seq + index) % 2;
  }
  static constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈",
                                              "杨", "赵", "黄", "周", "吴"};
  static constexpr const char* kGiven[] = {"建国", "晓红", "志强", "丽华", "海涛", "秀英"};
  p.principal = std::string(kSurnames[rnd.Between(0, 9)]) + kGiven[rnd.Between(0, 5)];
  p.cluster_id = clusters[(seq + index) % clusters.size()];

  s.buildings.push_back({0, "教学楼", rnd.Between(3, 5)});
  s.buildings.push_back({0, "综合楼", rnd.Between(2, 6)});
  if (p.boarding) s.buildings.push_back({0, "学生宿舍楼", rnd.Between(4, 6)});
  s.buildings.push_back({0, "食堂", rnd.Between(1, 2)});
  if (!small) s.buildings.push_back({0, "体育馆", 1});

  auto place_at = [&](const char* kind, const char* name, std::optional<std::string> building) {
    s.key_places.push_back({0, kind, name, std::move(building)});
  };
  place_at("school_gate", "校门", std::nullopt);
  place_at("canteen", "学生食堂", "食堂");
  place_at("gas", "食堂燃气间", "食堂");
  place_at("power", "配电房", std::nullopt);
  place_at("storeroom", "储藏室", "综合楼");
  if (!small) {
    place_at("library", "图书馆", "综合楼");
    place_at("lab", "理化生实验室", "综合楼");
    place_at("gym", "体育馆", "体育馆");
  }
  if (stage == "junior" || stage == "senior" || stage == "nine_year" || stage == "twelve_year" ||
      stage == "vocational") {
    place_at("hazmat_store", "危化品仓库", "综合楼");
  }
  if (p.boarding) place_at("dormitory", "学生宿舍", "学生宿舍楼");
  if (stage == "vocational") place_at("training_base", "实习实训基地", std::nullopt);
  if (rnd.Chance(30)) place_at("special_equipment", "电梯", "综合楼");
  return s;
}

}  // namespace

Result<DemoSummary> SeedDemo(Services& s, const RequestContext& ctx, const DemoOptions& options) {
  if (options.scale != "district" && options.scale != "city") {
    return InvalidArgument("scale", "须为 district 或 city");
  }
  if (options.volume != "demo" && options.volume != "bench") {
    return InvalidArgument("volume", "须为 demo 或 bench");
  }
  const bool bulk = options.hazard_history && options.volume == "bench";
  std::vector<domain::UnitId> history_schools;
  std::vector<domain::UnitId> account_schools;
  domain::UnitId first_bureau = 0;
  domain::UnitId top_bureau = 0;  // the city's at city scale, else the district's
  DemoRandom rnd(options.seed);
  DemoSummary summary;
  const std::string now = s.Now();
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto regions, tx.org().ListRegions());
    if (!regions.empty()) {
      return FailedPrecondition("demo.empty_database",
                                "数据库中已有组织数据，演示数据只能写入空库");
    }
    auto add_region = [&](const char* code, std::string name,
                          std::optional<std::string> parent) -> Status {
      domain::Region r{code, std::move(name), std::move(parent), domain::RegionLevel(code), now,
                       now};
      ++summary.regions;
      return tx.org().InsertRegion(r);
    };
    auto add_unit = [&](domain::Unit u) -> Result<domain::Unit> {
      u.created_at = u.updated_at = now;
      if (auto problems = domain::ValidateUnit(u); !problems.empty()) {
        return domain::ValidationError(std::move(problems));
      }
      XA_TRY(tx.org().InsertUnit(u));
      return u;
    };
    XA_TRY(add_region("990000", "示范省", std::nullopt));
    XA_TRY(add_region("990100", "示范市", "990000"));
    std::optional<domain::UnitId> city_bureau;
    top_bureau = 0;
    const int districts = options.scale == "city" ? 25 : 1;
    if (options.scale == "city") {
      domain::Unit u;
      u.kind = "bureau";
      u.name = "示范市教育局";
      u.code = "EDU990100";
      u.region_code = "990100";
      XA_ASSIGN_OR_RETURN(auto bureau, add_unit(u));
      city_bureau = bureau.id;
      top_bureau = bureau.id;
      XA_TRY(SeedDemoTerms(tx, bureau.id));
      ++summary.bureaus;
    }
    first_bureau = 0;
    for (int d = 0; d < districts; ++d) {
      char code[16];
      std::snprintf(code, sizeof code, "9901%02d", (d + 2) % 100);
      const std::string district_name =
          districts == 1 ? std::string("示范区") : "示范" + std::to_string(d + 1) + "区";
      XA_TRY(add_region(code, district_name, "990100"));
      domain::Unit b;
      b.kind = "bureau";
      b.name = district_name + "教育局";
      b.code = std::string("EDU") + code;
      b.region_code = code;
      b.parent_id = city_bureau;
      b.contact_person = "安全管理科";
      b.phone = "0571-" + std::to_string(rnd.Between(80000000, 89999999));
      XA_ASSIGN_OR_RETURN(auto bureau, add_unit(b));
      if (first_bureau == 0) first_bureau = bureau.id;
      ++summary.bureaus;
      for (const char* name : kSections) {
        domain::Unit u;
        u.kind = "section";
        u.name = name;
        u.region_code = code;
        u.parent_id = bureau.id;
        XA_TRY(add_unit(u));
      }
      std::vector<domain::UnitId> clusters;
      for (const char* name : kClusters) {
        domain::Unit u;
        u.kind = "cluster";
        u.name = name;
        u.region_code = code;
        u.parent_id = bureau.id;
        XA_ASSIGN_OR_RETURN(auto c, add_unit(u));
        clusters.push_back(c.id);
      }
      int seq = 0;
      std::vector<domain::School> district_schools;
      for (const auto& plan : kPlan) {
        for (int i = 0; i < plan.count; ++i) {
          ++seq;
          domain::School school =
              MakeSchool(rnd, plan, i, seq, code, district_name, bureau.id, clusters);
          XA_TRY(InsertSchoolInTx(tx, ctx, school, now));
          ++summary.schools;
          district_schools.push_back(std::move(school));
        }
      }
      XA_TRY(SeedDemoCalendar(tx, bureau.id, district_schools));
      for (const auto& dep : kDepartments) {
        domain::Unit u;
        u.kind = "department";
        u.department_kind = dep.kind;
        u.name = district_name + dep.name;
        u.region_code = code;
        u.contact_person = "联络员";
        u.phone = "0571-" + std::to_string(rnd.Between(80000000, 89999999));
        XA_TRY(add_unit(u));
        ++summary.departments;
      }
    }
    // One account per built-in role: at the bureau, at two schools, at two departments.
    XA_ASSIGN_OR_RETURN(auto roles, tx.users().ListRoles());
    auto role_id = [&](std::string_view code) -> std::int64_t {
      for (const auto& r : roles) {
        if (r.code == code) return r.id;
      }
      return 0;
    };
    auto add_user = [&](const std::string& username, const std::string& display,
                        const domain::Unit& unit, std::string_view role,
                        std::vector<domain::UnitId> scope_units) -> Status {
      const std::int64_t rid = role_id(role);
      if (rid == 0) return Internal("built-in role missing: " + std::string(role));
      domain::User user;
      user.unit_id = unit.id;
      user.username = username;
      user.display_name = display;
      // A made-up mobile per account, from its place in the list (the random stream that the
      // rest of the demo district is drawn from stays as it was).
      user.mobile = "1390571" + std::to_string(1000 + summary.accounts.size() * 37);
      const std::string password = GeneratePassword(16);
      user.password_hash = HashPassword(password);
      user.must_change_password = false;  // demo mode only: explore at once
      user.created_at = user.updated_at = user.password_changed_at = now;
      XA_TRY(tx.users().Insert(user));
      XA_TRY(tx.users().SetRoles(user.id, {rid}));
      if (!scope_units.empty()) XA_TRY(tx.users().SetScopeUnits(user.id, scope_units));
      summary.accounts.push_back(
          {username, password, unit.name, std::string(domain::FindBuiltinRole(role)->name)});
      return {};
    };
    XA_ASSIGN_OR_RETURN(auto bureau_unit, tx.org().FindUnit(first_bureau));
    domain::UnitFilter sf;
    sf.kind = "section";
    sf.parent_id = first_bureau;
    XA_ASSIGN_OR_RETURN(auto sections, tx.org().ListUnits(sf));
    domain::SchoolFilter schf;
    schf.page.page_size = 2;
    schf.stage = "primary";
    XA_ASSIGN_OR_RETURN(auto demo_schools, tx.org().ListSchools(schf));
    domain::UnitFilter df;
    df.kind = "department";
    df.page.page_size = 2;
    XA_ASSIGN_OR_RETURN(auto demo_departments, tx.org().ListUnits(df));
    if (!bureau_unit || sections.items.size() < 2 || demo_schools.items.size() < 2 ||
        demo_departments.items.size() < 2) {
      return Internal("demo organisation incomplete");
    }
    // Demo mode only: the administrators may explore without first binding a second factor.
    XA_TRY(tx.users().SetPolicySetting("totp_required_for_admins", "0"));
    XA_TRY(add_user("sysadmin", "系统管理员", *bureau_unit, "system_admin", {}));
    XA_TRY(add_user("secadmin", "安全管理员", *bureau_unit, "security_admin", {}));
    XA_TRY(add_user("auditor", "审计管理员", *bureau_unit, "audit_admin", {}));
    XA_TRY(add_user("safety_office", "安全科 周科长", *bureau_unit, "bureau_safety_office", {}));
    XA_TRY(add_user("inspector", "督查组 吴督学", *bureau_unit, "inspector", {}));
    // A section sees the bureau's schools: a custom scope rooted at the bureau.
    XA_TRY(add_user("section_basic", "基础教育科 郑科长", sections.items[1], "bureau_section",
                    {first_bureau}));
    for (int i = 0; i < 2; ++i) {
      const domain::Unit& school = demo_schools.items[i].unit;
      const std::string prefix = "school" + std::to_string(i + 1) + "_";
      XA_TRY(add_user(prefix + "leader", "校长", school, "school_leader", {}));
      XA_TRY(add_user(prefix + "safety", "安全干部", school, "school_safety_officer", {}));
      XA_TRY(add_user(prefix + "teacher", "班主任", school, "teacher", {}));
      const domain::Unit& dept = demo_departments.items[i];
      XA_TRY(add_user("dept" + std::to_string(i + 1) + "_liaison", "联络员", dept,
                      "department_liaison", {}));
    }
    // The heads of the other sections, whom the sections' supervision items name (监管事项).
    const std::pair<const char*, const char*> heads[] = {
        {"section_safety", "安全管理科 刘科长"},
        {"", ""},
        {"section_preschool", "学前教育科 陈科长"},
        {"section_vocational", "职业与成人教育科 孙科长"},
        {"section_inspection", "教育督导室 马主任"}};
    for (std::size_t i = 0; i < std::size(heads) && i < sections.items.size(); ++i) {
      if (*heads[i].first == '\0') continue;
      XA_TRY(add_user(heads[i].first, heads[i].second, sections.items[i], "bureau_section",
                      {first_bureau}));
    }
    XA_TRY(SeedDemoChecklists(tx, bureau_unit->id));
    if (city_bureau) {
      // At city scale the city bureau's safety office sees every district.
      XA_ASSIGN_OR_RETURN(auto city_unit, tx.org().FindUnit(*city_bureau));
      if (!city_unit) return Internal("demo city bureau missing");
      XA_TRY(
          add_user("city_safety", "市教育局安全科 钱科长", *city_unit, "bureau_safety_office", {}));
    }
    if (options.hazard_history) {
      domain::SchoolFilter all;
      all.page.page_size = 500;
      for (all.page.page = 1;; ++all.page.page) {
        XA_ASSIGN_OR_RETURN(auto page, tx.org().ListSchools(all));
        for (const auto& sc : page.items) history_schools.push_back(sc.unit.id);
        if (static_cast<std::int64_t>(all.page.page) * all.page.page_size >= page.total) break;
      }
      account_schools = {demo_schools.items[0].unit.id, demo_schools.items[1].unit.id};
      if (!bulk) {
        XA_ASSIGN_OR_RETURN(summary.hazards, SeedHazardHistory(s, tx, options.seed, history_schools,
                                                               account_schools));
        // The classes before the drills and patrols, whose judging covers every module's rules.
        XA_ASSIGN_OR_RETURN(summary.edu_checkins,
                            SeedEduHistory(s, tx, options.seed, history_schools, account_schools));
        XA_ASSIGN_OR_RETURN(
            summary.edu_lessons,
            SeedLessonHistory(s, tx, options.seed, history_schools, account_schools));
        XA_ASSIGN_OR_RETURN(
            summary.letter_receipts,
            SeedLetterHistory(s, tx, options.seed, history_schools, account_schools));
        XA_ASSIGN_OR_RETURN(summary.waters, SeedWaterHistory(s, tx, options.seed, history_schools,
                                                             account_schools));
        XA_ASSIGN_OR_RETURN(summary.joint_reports, SeedJointHistory(s, tx, first_bureau));
        XA_ASSIGN_OR_RETURN(summary.bus_records,
                            SeedBusHistory(s, tx, options.seed, history_schools, account_schools));
        XA_ASSIGN_OR_RETURN(
            summary.campus_records,
            SeedCampusHistory(s, tx, options.seed, history_schools, account_schools));
        XA_ASSIGN_OR_RETURN(
            summary.emergency_setups,
            SeedEmergencyHistory(s, tx, options.seed, history_schools, account_schools));
        XA_ASSIGN_OR_RETURN(
            summary.training_records,
            SeedTrainingHistory(s, tx, options.seed, history_schools, account_schools));
        XA_ASSIGN_OR_RETURN(summary.safety_offices,
                            SeedStaffingHistory(s, tx, options.seed, first_bureau, history_schools,
                                                account_schools));
        XA_ASSIGN_OR_RETURN(summary.duty_lists, SeedDutyHistory(s, tx, account_schools));
        XA_ASSIGN_OR_RETURN(summary.supervision_items, SeedSupervisionHistory(s, tx, first_bureau));
        XA_ASSIGN_OR_RETURN(summary.work_items,
                            SeedWorkHistory(s, tx, options.seed, first_bureau, account_schools));
        XA_ASSIGN_OR_RETURN(summary.drowning_warnings,
                            SeedDrowningHistory(s, tx, options.seed, first_bureau, history_schools,
                                                account_schools));
        // The bureau wrote its own summer text for the junior classes (1530提醒内容).
        domain::edu::ContentEdit own{
            first_bureau,
            domain::edu::Topic::kDrowning,
            domain::edu::AgeGroup::kJunior,
            "暑期将至，牢记防溺水“六不”：不私自下水游泳，不擅自与他人结伴游泳，"
            "不在无家长或教师带领下游泳，不到无安全设施、无救护人员的水域游泳，"
            "不到不熟悉的水域游泳，不熟悉水性的学生不擅自下水施救。"
            "遇到同伴落水，大声呼救、拨打110，不手拉手施救。",
            "safety_office",
            s.clock.Now(),
            0};
        XA_ASSIGN_OR_RETURN(const bool wrote_text, tx.edu_contents().Save(own));
        (void)wrote_text;
        XA_ASSIGN_OR_RETURN(summary.drills, SeedDrillHistory(s, tx, options.seed, history_schools,
                                                             account_schools));
        XA_ASSIGN_OR_RETURN(summary.patrols,
                            SeedPatrolHistory(s, tx, options.seed, account_schools));
        XA_ASSIGN_OR_RETURN(
            summary.security_records,
            SeedSecurityHistory(s, tx, options.seed, history_schools, account_schools));
        XA_ASSIGN_OR_RETURN(summary.whistles, SeedWhistleHistory(s, tx, options.seed,
                                                                 history_schools, account_schools));
      }
    }
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "demo.seed", "database", "*",
                                     "生成演示数据（" + options.scale + "，种子 " +
                                         std::to_string(options.seed) + "）：学校 " +
                                         std::to_string(summary.schools) + " 所，部门 " +
                                         std::to_string(summary.departments) + " 个")));
    return {};
  }));
  if (options.hazard_history && !bulk) {
    // The district's schools (the first bureau's), after the seed's own transaction: the
    // campaign's steps are use cases, each its own write.
    std::vector<domain::UnitId> district;
    XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
      XA_ASSIGN_OR_RETURN(auto bureau, tx.org().FindUnit(first_bureau));
      if (!bureau) return {};
      for (const auto id : history_schools) {
        XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(id));
        if (unit && unit->path.rfind(bureau->path, 0) == 0) district.push_back(id);
      }
      return {};
    }));
    XA_ASSIGN_OR_RETURN(summary.campaign_sheets,
                        SeedCampaignHistory(s, options.seed, first_bureau, district,
                                            account_schools, "safety_office"));
    XA_ASSIGN_OR_RETURN(summary.screenings,
                        SeedSecurityRound(s, options.seed, first_bureau, district, account_schools,
                                          "safety_office"));
  }
  if (bulk) {
    // The benchmark data sets: one transaction per group of schools, so that a city's million
    // hazards do not pile up in one write-ahead log. Each group has its own seed, so the data
    // stay deterministic.
    const HistoryVolume volume = HistoryVolumeOf(options.scale, options.volume);
    constexpr std::size_t kSchoolsPerBatch = 20;
    for (std::size_t from = 0; from < history_schools.size(); from += kSchoolsPerBatch) {
      const std::size_t to = std::min(history_schools.size(), from + kSchoolsPerBatch);
      const std::vector<domain::UnitId> group(history_schools.begin() + from,
                                              history_schools.begin() + to);
      XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
        XA_ASSIGN_OR_RETURN(
            int n, SeedHazardHistory(s, tx, options.seed + from, group, account_schools, volume));
        summary.hazards += n;
        XA_ASSIGN_OR_RETURN(int drills,
                            SeedDrillHistory(s, tx, options.seed + from, group, account_schools));
        summary.drills += drills;
        XA_ASSIGN_OR_RETURN(
            int records, SeedSecurityHistory(s, tx, options.seed + from, group, account_schools));
        summary.security_records += records;
        // The classes and their check-ins, the last week left open for the check-in row.
        XA_ASSIGN_OR_RETURN(int checkins,
                            SeedEduHistory(s, tx, options.seed + from, group, account_schools,
                                           {.judge = false, .open_days = 7}));
        summary.edu_checkins += checkins;
        // The school buses, campus vehicles and traffic guides (P15's boards).
        XA_ASSIGN_OR_RETURN(int buses,
                            SeedBusHistory(s, tx, options.seed + from, group, account_schools));
        summary.bus_records += buses;
        XA_ASSIGN_OR_RETURN(int campus,
                            SeedCampusHistory(s, tx, options.seed + from, group, account_schools));
        summary.campus_records += campus;
        XA_ASSIGN_OR_RETURN(int emergency, SeedEmergencyHistory(s, tx, options.seed + from, group,
                                                                account_schools));
        summary.emergency_setups += emergency;
        XA_ASSIGN_OR_RETURN(
            int training, SeedTrainingHistory(s, tx, options.seed + from, group, account_schools));
        summary.training_records += training;
        XA_ASSIGN_OR_RETURN(int offices, SeedStaffingHistory(s, tx, options.seed + from, 0, group,
                                                             account_schools));
        summary.safety_offices += offices;
        return {};
      }));
    }
    // The campaign of the data set's top bureau over every school, through its use cases as in
    // the district: the progress board and the evaluation have sheets, missed items and hazards
    // to count.
    XA_ASSIGN_OR_RETURN(
        summary.campaign_sheets,
        SeedCampaignHistory(s, options.seed, top_bureau == 0 ? first_bureau : top_bureau,
                            history_schools, account_schools,
                            top_bureau == 0 ? "safety_office" : "city_safety"));
  }
  return summary;
}

}  // namespace xiaoan::app
