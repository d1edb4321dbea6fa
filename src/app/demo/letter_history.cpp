// 致家长的一封信 at the demo schools: each school published its letter for the term around today
// two weeks into the term, and most parents confirmed it (a school in five lags at about two
// thirds); the first account school also has its winter-vacation letter waiting as a draft.
#include <algorithm>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/demo/demo_rng.hpp"
#include "app/demo/seed_demo.hpp"
#include "core/password.hpp"
#include "domain/edu/edu.hpp"
#include "domain/edu/letters.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/platform/minors.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

namespace cal = domain::calendar;
namespace edu = domain::edu;

namespace {

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                     "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"};
constexpr const char* kGiven[] = {"子涵", "欣怡", "梓轩", "浩然", "雨桐", "宇航", "思远", "一诺",
                                  "佳怡", "俊杰", "诗琪", "明轩", "若曦", "博文", "语嫣", "天佑",
                                  "可馨", "泽宇", "沐阳", "嘉怡", "晨曦", "皓轩", "雅琪", "睿"};
constexpr const char* kRelations[] = {"mother", "mother",      "mother",  "father",
                                      "father", "grandparent", "guardian"};

constexpr const char* kAutumnBody =
    "尊敬的家长：\n"
    "您好！本学期学校将持续开展安全教育。秋冬季节天干物燥、气温下降，请您协助做好以下几点：\n"
    "一、防火用电：教育孩子不玩火，不私拉乱接电线，电动自行车不进楼道、不在室内充电。\n"
    "二、燃气与一氧化碳：使用燃气、煤炉取暖时保持通风，睡前检查关闭阀门。\n"
    "三、防溺水：冬季冰面不牢，严禁孩子到河塘、水库冰面上滑冰玩耍，牢记“六不”。\n"
    "四、交通安全：不乘坐无牌无证、超员车辆，上下学遵守交通规则。\n"
    "五、防欺凌与心理健康：多与孩子沟通，发现异常及时与班主任联系。\n"
    "请您阅读后在下方填写学生姓名并确认回执。感谢您的支持与配合！";
constexpr const char* kSpringBody =
    "尊敬的家长：\n"
    "天气转暖，溺水事故进入高发期。请您切实履行监护责任，教育孩子牢记防溺水“六不”：\n"
    "不私自下水游泳；不擅自与他人结伴游泳；不在无家长或教师带领的情况下游泳；不到无安全设施、"
    "无救护人员的水域游泳；不到不熟悉的水域游泳；不熟悉水性的学生不擅自下水施救。\n"
    "遇到同伴落水，要大声呼救、拨打110，不手拉手施救。周末、节假日请掌握孩子去向。\n"
    "请您阅读后在下方填写学生姓名并确认回执。感谢您的支持与配合！";
constexpr const char* kWinterBody =
    "尊敬的家长：\n"
    "寒假即将开始。假期里请您做好孩子的安全监护：外出告知去向，不到冰面、河塘边玩耍；"
    "燃放烟花爆竹须有大人陪同；取暖注意防火、防一氧化碳中毒；乘车系好安全带，"
    "不乘坐非法营运车辆；合理安排上网时间，谨防网络诈骗。\n"
    "祝您和家人新春愉快！请阅读后确认回执。";

Instant InChina(cal::Date day, int hour) {
  return std::chrono::time_point_cast<Instant::duration>(std::chrono::sys_days(day) +
                                                         std::chrono::hours(hour - 8));
}

// The names in the first account school's receipts are minors' data: its safety officer read them
// after the letter went out; the bureau's safety office asked for a week's grant three weeks
// later, school1_leader approved it the next day, and the office read them twice before it ran
// out; the inspector asked two days ago and waits for the leader.
Status SeedMinorsReads(Services& s, domain::Tx& tx, domain::UnitId school, std::int64_t letter,
                       int receipts, cal::Date published, cal::Date today) {
  const std::string subject = "edu_letter:" + std::to_string(letter);
  const std::string kind = domain::kLetterReceiptsKind;
  XA_TRY(tx.minors().LogRead({"school1_safety", school, kind, subject, receipts, std::nullopt,
                              InChina(published + std::chrono::days{4}, 16)}));
  const auto asked = published + std::chrono::days{21};
  if (asked + std::chrono::days{9} < today) {
    domain::MinorsGrant g;
    g.grantee = "safety_office";
    g.unit_id = school;
    g.kind = kind;
    g.reason = "督导检查秋冬季致家长的一封信回执落实情况，核对未回执学生名单";
    g.days = 7;
    g.requested_at = InChina(asked, 10);
    XA_TRY(tx.minors().InsertGrant(g));
    XA_TRY(domain::ApproveGrant(g, "school1_leader", InChina(asked + std::chrono::days{1}, 9),
                                "仅用于本次督导检查，不得外传"));
    XA_TRY(tx.minors().UpdateGrant(g));
    for (const int day : {1, 3}) {
      XA_TRY(tx.minors().LogRead({"safety_office", school, kind, subject, receipts, g.id,
                                  InChina(asked + std::chrono::days{day}, 15)}));
    }
  }
  domain::MinorsGrant waiting;
  waiting.grantee = "inspector";
  waiting.unit_id = school;
  waiting.kind = kind;
  waiting.reason = "责任督学挂牌督导：抽查寒假前家长信回执";
  waiting.days = 3;
  waiting.requested_at = s.clock.Now() - std::chrono::hours(48);
  return tx.minors().InsertGrant(waiting);
}

}  // namespace

Result<int> SeedLetterHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools) {
  const auto today = cal::ParseDate(domain::hazard::ChinaDate(s.clock.Now()));
  if (!today) return 0;
  DemoRng rnd(seed, 0x1e77e21e77e2ULL);
  const auto term = edu::TermAround(*today);
  // Two weeks into the term (1 September or 1 March), or yesterday when the term is younger.
  const auto term_start =
      cal::Date{std::chrono::year{term.term == 1 ? term.school_year : term.school_year + 1} /
                (term.term == 1 ? 9 : 3) / 1};
  const auto published =
      std::min(term_start + std::chrono::days{14}, *today - std::chrono::days{1});
  int written = 0;
  std::int64_t first_letter = 0;  // the first account school's letter, and its receipts
  int first_receipts = 0;
  for (std::size_t n = 0; n < schools.size(); ++n) {
    const auto id = schools[n];
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(id));
    if (!school) continue;
    edu::Letter l;
    l.school_id = id;
    l.school_year = term.school_year;
    l.term = term.term;
    l.title = term.term == 1 ? "秋冬季安全致家长的一封信" : "防溺水安全致家长的一封信";
    l.body = term.term == 1 ? kAutumnBody : kSpringBody;
    l.status = edu::LetterStatus::kPublished;
    l.created_by = "demo";
    l.created_at = InChina(published, 9);
    l.updated_at = l.created_at;
    l.published_at = FormatInstant(InChina(published, 10));
    XA_TRY(tx.letters().Insert(l));
    edu::ClassFilter cf;
    cf.school_id = id;
    XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses(cf, domain::ScopeFilter{}));
    const int share = n % 5 == 2 ? rnd.Between(55, 75) : rnd.Between(85, 100);
    for (const auto& c : classes) {
      XA_TRY(tx.letters().InsertLink(
          {l.id, c.id, edu::TokenFromBytes(RandomBytes(edu::kLetterTokenChars))},
          InChina(published, 10)));
      std::set<std::string> names;
      const int confirmed = c.draft.students * share / 100;
      for (int k = 0; k < confirmed; ++k) {
        std::string name = std::string(kSurnames[rnd.Between(0, 19)]) + kGiven[rnd.Between(0, 23)];
        if (!names.insert(name).second) continue;  // a namesake: the class counts one
        const auto day = published + std::chrono::days{rnd.Between(0, 3)};
        edu::Receipt r;
        r.letter_id = l.id;
        r.class_id = c.id;
        r.student_name = name;
        r.relation = kRelations[rnd.Between(0, 6)];
        r.at = day > *today ? s.clock.Now() : InChina(day, rnd.Between(12, 22));
        XA_ASSIGN_OR_RETURN(const bool inserted, tx.letters().InsertReceipt(r));
        if (inserted) ++written;
        if (inserted && !account_schools.empty() && id == account_schools.front()) {
          ++first_receipts;
        }
      }
    }
    if (!account_schools.empty() && id == account_schools.front()) first_letter = l.id;
    // The first account school's winter-vacation letter, written and not yet published.
    if (!account_schools.empty() && id == account_schools.front() && term.term == 1) {
      edu::Letter winter;
      winter.school_id = id;
      winter.school_year = term.school_year;
      winter.term = 1;
      winter.title = "寒假安全致家长的一封信";
      winter.body = kWinterBody;
      winter.created_by = "demo";
      winter.created_at = s.clock.Now();
      winter.updated_at = winter.created_at;
      XA_TRY(tx.letters().Insert(winter));
    }
  }
  if (first_letter != 0)
    XA_TRY(SeedMinorsReads(s, tx, account_schools.front(), first_letter, first_receipts, published,
                           *today));
  return written;
}

}  // namespace xiaoan::app
