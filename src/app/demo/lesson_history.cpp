// Safety education at the demo schools since the spring semester: most schools hold 开学安全第一课
// in the first days of each semester, an anti-bullying lesson each semester, the dated days and
// months (3月 全国中小学生安全教育日, 4月15日 全民国家安全教育日, 6月 安全生产月, 11月 消防宣传月),
// and themed lessons (防溺水 before the summer, 防诈骗, 交通安全 at the term's start), some for a
// few classes only; about one school in six misses one now and then. The first account school has
// neither its anti-bullying lesson of this semester nor its 消防宣传月 activity (the calendar's
// items left to do); the second has everything.
#include <algorithm>

#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "domain/edu/edu.hpp"
#include "domain/edu/lessons.hpp"
#include "domain/hazard/hazard.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace edu = domain::edu;

namespace {

constexpr const char* kSpeakers[] = {"分管安全副校长", "安全办主任",   "德育主任", "法治副校长",
                                     "消防救援站教官", "交警中队民警", "班主任"};

}  // namespace

Result<int> SeedLessonHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  DemoRng rnd(seed, 0x5afe5afe0ed00ULL);
  XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
  int written = 0;
  for (const auto id : schools) {
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
    if (!school) continue;
    XA_ASSIGN_OR_RETURN(auto data, LoadSchoolTerms(tx, school->unit));
    const cal::SchoolCalendar calendar(holidays, data.terms, data.exceptions);
    const auto account = std::find(account_schools.begin(), account_schools.end(), id);
    const bool first_account =
        account == account_schools.begin() && account != account_schools.end();
    const bool second_account = account != account_schools.end() && !first_account;
    // How well the school keeps up: one in six misses an item now and then.
    const int keep = second_account ? 100 : rnd.Chance(17) ? 70 : 96;
    edu::ClassFilter cf;
    cf.school_id = id;
    XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses(cf, domain::ScopeFilter{}));
    const int students = std::max(school->profile.students, 60);
    const std::string recorder =
        account != account_schools.end()
            ? "school" + std::to_string(account - account_schools.begin() + 1) + "_safety"
            : "demo";

    // The first school day on or after `from` (before today), within `days`.
    auto school_day = [&](cal::Date from, int days) -> std::optional<cal::Date> {
      for (cal::Date d = from; d < from + std::chrono::days{days}; d += std::chrono::days{1}) {
        if (d >= *today) return std::nullopt;
        if (calendar.IsSchoolDay(d).value_or(false)) return d;
      }
      return std::nullopt;
    };
    auto add = [&](std::optional<cal::Date> day, const char* theme, const char* observance,
                   std::string title, std::string materials, bool some_classes) -> Status {
      if (!day) return {};
      edu::Lesson l;
      l.school_id = id;
      l.date = cal::FormatDate(*day);
      l.theme = theme;
      l.observance = observance;
      l.title = std::move(title);
      l.materials = std::move(materials);
      l.whole_school = !(some_classes && classes.size() > 2);
      l.participants = students;
      if (!l.whole_school) {
        const std::size_t from = static_cast<std::size_t>(rnd.Between(0, int(classes.size()) - 2));
        for (std::size_t i = from; i < std::min(classes.size(), from + 2); ++i) {
          l.class_ids.push_back(classes[i].id);
        }
        l.participants = 45 * static_cast<int>(l.class_ids.size());
      }
      l.speaker = kSpeakers[rnd.Between(0, int(std::size(kSpeakers)) - 1)];
      l.recorded_by = recorder;
      l.created_at = s.clock.Now();
      l.updated_at = l.created_at;
      XA_TRY(tx.lessons().Insert(l));
      ++written;
      return {};
    };
    auto on = [](const char* text) { return *cal::ParseDate(text); };

    for (const auto& term : data.terms) {
      if (term.starts > *today || cal::YearOf(term.starts) < 2026) continue;
      const bool spring = term.term == 2;
      if (rnd.Chance(keep)) {
        XA_TRY(add(school_day(term.starts, 5), "first_lesson", "",
                   spring ? "开学安全第一课：防范春季传染病与交通安全"
                          : "开学安全第一课：上下学交通安全与校园防欺凌",
                   "《开学安全第一课》课件、安全教育平台专题视频", false));
      }
      if (!(first_account && !spring) && rnd.Chance(keep - 6)) {
        XA_TRY(add(school_day(term.starts + std::chrono::days{rnd.Between(20, 70)}, 10), "bullying",
                   "", "“防范校园欺凌 共建和谐校园”主题班会",
                   "防欺凌主题班会教案、《未成年人学校保护规定》节选", rnd.Chance(30)));
      }
      if (spring) {
        if (rnd.Chance(keep)) {
          XA_TRY(add(school_day(on("2026-03-26"), 5), "other", "safety_day",
                     "全国中小学生安全教育日主题教育", "安全教育日主题海报、安全知识竞赛题",
                     false));
        }
        if (rnd.Chance(keep - 4)) {
          XA_TRY(add(school_day(on("2026-04-13"), 4), "terror", "security_day",
                     "全民国家安全教育日：国家安全 人人有责", "国家安全教育读本、反恐防暴宣传片",
                     false));
        }
        if (rnd.Chance(keep - 8)) {
          XA_TRY(add(school_day(on("2026-06-15"), 4), "other", "production_month",
                     "安全生产月：人人讲安全 个个会应急", "应急避险知识讲座课件", false));
        }
        if (rnd.Chance(keep)) {
          XA_TRY(add(school_day(on("2026-06-22"), 10), "drowning", "",
                     "暑期防溺水专题教育（“六不”）", "防溺水“六不”宣传单、致家长的一封信", false));
        }
        if (rnd.Chance(40)) {
          XA_TRY(add(school_day(on("2026-05-11"), 20), "fraud", "", "防范电信网络诈骗进校园",
                     "反诈宣传视频、国家反诈中心APP推广", true));
        }
      } else {
        if (rnd.Chance(keep - 10)) {
          XA_TRY(add(school_day(on("2026-09-07"), 10), "traffic", "", "“一盔一带”交通安全进校园",
                     "交警中队宣讲课件", true));
        }
        if (!first_account && rnd.Chance(keep)) {
          XA_TRY(add(school_day(on("2026-11-06"), 5), "fire", "fire_month",
                     "消防宣传月：全员疏散与灭火器使用培训", "消防安全知识课件、灭火器实操",
                     false));
        }
        if (rnd.Chance(35)) {
          XA_TRY(add(school_day(on("2026-10-19"), 20), "cult", "", "崇尚科学 反对邪教主题教育",
                     "反邪教宣传手册", true));
        }
      }
    }
  }
  return written;
}

}  // namespace xiaoan::app
