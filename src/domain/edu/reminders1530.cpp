#include "domain/edu/reminders1530.hpp"

#include <map>
#include <set>

namespace xiaoan::domain::edu {

std::string_view SessionCode(SessionKind k) {
  switch (k) {
    case SessionKind::kDaily:
      return "edu.1530.daily";
    case SessionKind::kWeekly:
      return "edu.1530.weekly";
    case SessionKind::kHoliday:
      return "edu.1530.holiday";
  }
  return "";
}

std::string_view SessionLabel(SessionKind k) {
  switch (k) {
    case SessionKind::kDaily:
      return "放学前1分钟安全提醒";
    case SessionKind::kWeekly:
      return "周末放学前5分钟安全教育";
    case SessionKind::kHoliday:
      return "节假日放学前30分钟安全教育";
  }
  return "";
}

int MinutesBefore(SessionKind k) {
  switch (k) {
    case SessionKind::kDaily:
      return 1;
    case SessionKind::kWeekly:
      return 5;
    case SessionKind::kHoliday:
      return 30;
  }
  return 0;
}

bool HolidayLessonBefore(const cal::Break& b) {
  return b.kind == cal::DayKind::kHoliday || b.kind == cal::DayKind::kVacation;
}

std::vector<Session> Sessions(const cal::SchoolCalendar& calendar,
                              const std::vector<cal::Dismissal>& dismissals, int grade,
                              cal::Date from, cal::Date to) {
  std::vector<Session> out;
  if (to < from) return out;
  std::set<cal::Date> week_ends;
  const cal::Date last_week = cal::SchoolCalendar::WeekOf(to);
  for (cal::Date w = cal::SchoolCalendar::WeekOf(from); w <= last_week; w += std::chrono::days{7}) {
    if (const auto last = calendar.LastSchoolDayOfWeek(w)) week_ends.insert(*last);
  }
  std::map<cal::Date, std::string> eves;
  for (const auto& b : calendar.BreaksFrom(from, to)) {
    if (HolidayLessonBefore(b)) eves[b.last_school_day] = b.name;
  }
  for (const cal::Date d : calendar.SchoolDays(from, to)) {
    const auto dismissal = cal::DismissalTime(dismissals, grade, cal::Weekday(d));
    const auto at = [&](SessionKind k) -> std::optional<int> {
      if (!dismissal) return std::nullopt;
      return *dismissal - MinutesBefore(k);
    };
    out.push_back({d, SessionKind::kDaily, at(SessionKind::kDaily), ""});
    if (week_ends.count(d) > 0)
      out.push_back({d, SessionKind::kWeekly, at(SessionKind::kWeekly), ""});
    if (const auto it = eves.find(d); it != eves.end()) {
      out.push_back({d, SessionKind::kHoliday, at(SessionKind::kHoliday), it->second});
    }
  }
  return out;
}

std::string_view AgeGroupCode(AgeGroup g) {
  switch (g) {
    case AgeGroup::kKindergarten:
      return "kindergarten";
    case AgeGroup::kLowerPrimary:
      return "lower_primary";
    case AgeGroup::kUpperPrimary:
      return "upper_primary";
    case AgeGroup::kJunior:
      return "junior";
    case AgeGroup::kSenior:
      return "senior";
  }
  return "";
}

AgeGroup AgeGroupOf(std::string_view stage, int grade) {
  if (stage == "kindergarten") return AgeGroup::kKindergarten;
  if (stage == "junior") return AgeGroup::kJunior;
  if (stage == "senior" || stage == "vocational") return AgeGroup::kSenior;
  if (grade >= 10) return AgeGroup::kSenior;
  if (grade >= 7) return AgeGroup::kJunior;
  if (grade >= 4) return AgeGroup::kUpperPrimary;
  return AgeGroup::kLowerPrimary;
}

std::string_view TopicCode(Topic t) {
  switch (t) {
    case Topic::kDrowning:
      return "drowning";
    case Topic::kFire:
      return "fire";
    case Topic::kTraffic:
      return "traffic";
    case Topic::kBullying:
      return "bullying";
    case Topic::kHolidayTravel:
      return "holiday_travel";
    case Topic::kFireworks:
      return "fireworks";
    case Topic::kFood:
      return "food";
    case Topic::kFraud:
      return "fraud";
    case Topic::kGeneral:
      return "general";
  }
  return "";
}

std::string_view TopicLabel(Topic t) {
  switch (t) {
    case Topic::kDrowning:
      return "防溺水";
    case Topic::kFire:
      return "防火与用电、燃气、一氧化碳安全";
    case Topic::kTraffic:
      return "交通安全";
    case Topic::kBullying:
      return "防欺凌";
    case Topic::kHolidayTravel:
      return "假期出行与居家安全";
    case Topic::kFireworks:
      return "烟花爆竹与春节安全";
    case Topic::kFood:
      return "食品卫生与传染病预防";
    case Topic::kFraud:
      return "防诈骗与网络安全";
    case Topic::kGeneral:
      return "日常安全";
  }
  return "";
}

namespace {

Topic HolidayTopic(const std::string& occasion) {
  if (occasion.find("暑假") != std::string::npos || occasion.find("端午") != std::string::npos) {
    return Topic::kDrowning;
  }
  if (occasion.find("寒假") != std::string::npos || occasion.find("春节") != std::string::npos) {
    return Topic::kFireworks;
  }
  if (occasion.find("元旦") != std::string::npos) return Topic::kFire;
  return Topic::kHolidayTravel;
}

}  // namespace

Topic SuggestedTopic(const Session& s, bool term_start) {
  const bool weekly = s.kind == SessionKind::kWeekly;
  if (s.kind == SessionKind::kHoliday) return HolidayTopic(s.occasion);
  if (term_start) return weekly ? Topic::kBullying : Topic::kTraffic;
  const int month = cal::MonthOf(s.date);
  if (month >= 6 && month <= 8) return Topic::kDrowning;
  if (weekly && (month == 5 || month == 9)) return Topic::kDrowning;
  if (month >= 11 || month <= 2) return Topic::kFire;
  if (weekly) return Topic::kFraud;
  const auto day = static_cast<unsigned>(std::chrono::year_month_day{s.date}.day());
  return day % 2 == 0 ? Topic::kTraffic : Topic::kGeneral;
}

namespace {

using A = AgeGroup;
using T = Topic;

// Five texts per topic: kindergarten, lower primary, upper primary, junior, senior.
constexpr Content kShipped[] = {
    {T::kDrowning, A::kKindergarten,
     "小朋友不去河边、塘边、井边玩水，看见别人落水要大声喊大人，不能自己去拉。"},
    {T::kDrowning, A::kLowerPrimary,
     "防溺水“六不”：不私自下水游泳，不擅自与他人结伴游泳，不在无家长或教师带领的情况下游泳，不到无"
     "安全设施、无救援人员的水域游泳，不到不熟悉的水域游泳，不熟悉水性的学生不擅自下水施救。"},
    {T::kDrowning, A::kUpperPrimary,
     "牢记防溺水“六不”；同伴落水时不手拉手下水施救，要大声呼救、拨打110或119，把竹竿、绳子、救生圈"
     "递给落水者。"},
    {T::kDrowning, A::kJunior,
     "天热不到水库、河道、池塘、野外水域游泳；结伴出游不逞强、不冒险；发现有人落水要呼救并报警，不"
     "盲目下水。"},
    {T::kDrowning, A::kSenior,
     "不在野外水域游泳、钓鱼、戏水；主动提醒弟妹远离水边；掌握岸上施救和心肺复苏方法，遇险先报警、"
     "后施救。"},
    {T::kFire, A::kKindergarten,
     "不玩火柴、打火机，不摸电插座和电线；闻到煤气味要告诉大人，马上离开。"},
    {T::kFire, A::kLowerPrimary,
     "冬季用火用电要小心：不玩火，不乱拉电线，人走断电；使用燃气要有大人在场，闻到异味先开窗、不开"
     "关电器。"},
    {T::kFire, A::kUpperPrimary,
     "取暖器远离窗帘、被褥，电动车不进楼道、不在屋内充电；家中用煤炉、燃气要通风，防止一氧化碳中毒"
     "；遇火情拨打119，弯腰捂鼻沿疏散通道撤离。"},
    {T::kFire, A::kJunior,
     "宿舍、家中不使用大功率电器，不私拉乱接电线；燃气热水器、煤炉须通风；发现火情先报警，小火用灭"
     "火器扑救，火大立即撤离，不乘电梯。"},
    {T::kFire, A::kSenior,
     "检查宿舍和家中用电用气隐患，电动车规范充电；掌握灭火器和消防栓的使用，熟悉疏散路线；一氧化碳"
     "中毒者先移到通风处再拨打120。"},
    {T::kTraffic, A::kKindergarten,
     "过马路要牵着大人的手，看红绿灯，走人行横道；坐车系好安全带，不把头和手伸出窗外。"},
    {T::kTraffic, A::kLowerPrimary,
     "上下学走人行道，过马路左右看、走斑马线；不在马路上追跑打闹；不乘坐超员车、无牌车和“三无”车辆"
     "。"},
    {T::kTraffic, A::kUpperPrimary,
     "未满12周岁不在道路上骑自行车，未满16周岁不骑电动自行车；乘车系安全带，不乘坐非法营运车辆和超"
     "员校车。"},
    {T::kTraffic, A::kJunior,
     "骑车遵守交通信号，不闯红灯、不逆行、不载人，未满16周岁不骑电动自行车；远离大货车盲区；放学不"
     "在校门口聚集逗留。"},
    {T::kTraffic, A::kSenior,
     "遵守交通法规，不骑改装、无牌电动车，骑电动自行车戴头盔；不乘坐无证驾驶、酒后驾驶的车辆；外出"
     "注意大型车辆盲区。"},
    {T::kBullying, A::kKindergarten,
     "小朋友要友好相处，不推人、不打人、不抢玩具；有人欺负你要告诉老师和爸爸妈妈。"},
    {T::kBullying, A::kLowerPrimary,
     "同学之间互相尊重，不起外号、不嘲笑、不动手；被欺负或看到别人被欺负，马上告诉老师和家长。"},
    {T::kBullying, A::kUpperPrimary,
     "欺凌包括打骂、恐吓、孤立、网上辱骂；不做欺凌者，也不当旁观者；遇到欺凌保护好自己，及时向老师"
     "、家长报告。"},
    {T::kBullying, A::kJunior,
     "学生欺凌是违纪违法行为；拒绝拉帮结派、索要财物和网络欺凌；遇事冷静，不以暴制暴，向老师、家长"
     "或拨打12355求助。"},
    {T::kBullying, A::kSenior,
     "尊重他人，理性化解矛盾纠纷；欺凌和暴力行为要承担法律责任；发现同学受欺凌或情绪异常，及时报告"
     "老师。"},
    {T::kHolidayTravel, A::kKindergarten,
     "放假了，出门跟紧大人，不跟陌生人走；在家不爬窗台、阳台，不玩火、不玩电。"},
    {T::kHolidayTravel, A::kLowerPrimary,
     "假期外出告诉家长去哪里、和谁去、何时回；不去河边、工地、废弃房屋玩耍；在家不独自开燃气，不给"
     "陌生人开门。"},
    {T::kHolidayTravel, A::kUpperPrimary,
     "假期出行乘坐正规车辆，人多处不拥挤；不到危险水域游玩；注意饮食卫生；按时作息，合理安排上网时"
     "间。"},
    {T::kHolidayTravel, A::kJunior,
     "假期外出结伴同行、按时回家，不进网吧、酒吧等场所；不私自外出游泳、登山探险；注意交通、防火和"
     "网络安全。"},
    {T::kHolidayTravel, A::kSenior,
     "合理安排假期，外出报告去向；遵守交通法规，不驾驶机动车；拒绝参与聚众、赌博和非法活动；注意防"
     "火、防溺水、防诈骗。"},
    {T::kFireworks, A::kKindergarten,
     "烟花爆竹很危险，小朋友不自己放，离放鞭炮的地方远一点，捂住耳朵。"},
    {T::kFireworks, A::kLowerPrimary,
     "燃放烟花爆竹须有大人陪同，在允许燃放的地点燃放；不把鞭炮扔进井盖、下水道；春节走亲访友注意交"
     "通和防火。"},
    {T::kFireworks, A::kUpperPrimary,
     "不购买、不燃放非法烟花爆竹，禁放区域不燃放；哑炮不靠近查看；冬季取暖防一氧化碳中毒，用电用气"
     "注意安全。"},
    {T::kFireworks, A::kJunior,
     "遵守烟花爆竹禁放规定，不私自燃放、不改装爆竹；春节期间不参与赌博，出行注意交通安全，聚会不饮"
     "酒。"},
    {T::kFireworks, A::kSenior,
     "自觉遵守禁放规定，劝阻弟妹危险燃放；春运出行注意交通安全；冬季防火、防一氧化碳中毒；远离赌博"
     "和非法聚集。"},
    {T::kFood, A::kKindergarten, "饭前便后要洗手，不吃掉在地上的东西，不吃陌生人给的零食。"},
    {T::kFood, A::kLowerPrimary,
     "勤洗手、不吃“三无”零食和过期食品，不喝生水；发烧、咳嗽要告诉老师和家长，及时就医。"},
    {T::kFood, A::kUpperPrimary,
     "不在校门口流动摊点买食品，不采食野生菌和野果；打喷嚏捂口鼻；出现呕吐、腹泻及时报告老师。"},
    {T::kFood, A::kJunior,
     "注意饮食卫生，不购买无证经营的食品，不采食野生蘑菇；传染病高发季节勤通风、勤洗手，身体不适及"
     "时报告、就医。"},
    {T::kFood, A::kSenior,
     "合理膳食，不吃来历不明的食品；发现食品安全问题及时报告；做好传染病个人防护，出现症状主动报告"
     "，不带病上课。"},
    {T::kFraud, A::kKindergarten,
     "不告诉陌生人家里的电话和地址，陌生人来接不能跟着走，要等爸爸妈妈或老师。"},
    {T::kFraud, A::kLowerPrimary,
     "不随便点陌生链接，不告诉别人家长的手机号和验证码；网上说“送游戏装备”“中奖”都是骗人的。"},
    {T::kFraud, A::kUpperPrimary,
     "网络游戏充值、“免费领皮肤”、冒充老师收费都是常见骗局；不把家长手机和支付密码交给别人，遇到可"
     "疑情况先问家长和老师。"},
    {T::kFraud, A::kJunior,
     "警惕刷单返利、游戏交易、冒充客服和“明星粉丝群”诈骗；不出借、出售手机卡和银行卡；不沉迷网络，"
     "不在网上泄露个人信息。"},
    {T::kFraud, A::kSenior,
     "识别网络贷款、兼职刷单、冒充公检法等诈骗；不出租出借“两卡”，防止成为电信诈骗的帮凶；遇骗及时"
     "拨打96110或110。"},
    {T::kGeneral, A::kKindergarten,
     "放学跟着老师排好队，等爸爸妈妈来接；不跟陌生人走，不在路上玩耍。"},
    {T::kGeneral, A::kLowerPrimary,
     "放学按时回家，不在路上逗留；不到河边、工地玩耍；回家后告诉家长今天在学校的情况。"},
    {T::kGeneral, A::kUpperPrimary,
     "放学不在校门口聚集，按时回家；上下楼梯靠右行，课间不追逐打闹；遇到危险拨打110、119、120。"},
    {T::kGeneral, A::kJunior,
     "放学及时离校回家，不在校外逗留聚集；遇到纠纷冷静处理、及时报告；注意交通、防溺水和用电安全"
     "。"},
    {T::kGeneral, A::kSenior,
     "离校遵守交通规则，按时回家或返校；不进入营业性娱乐场所；关注身心健康，遇到困难主动求助。"},
};

}  // namespace

std::span<const Content> ShippedContent() { return kShipped; }

std::string_view ShippedText(Topic topic, AgeGroup age) {
  for (const auto& c : kShipped) {
    if (c.topic == topic && c.age == age) return c.text;
  }
  return "";
}

bool InTermStart(const cal::SchoolCalendar& calendar, cal::Date d) {
  const cal::Term* term = calendar.TermOf(d);
  return term != nullptr && d < term->starts + std::chrono::days{14};
}

std::string_view SessionStateCode(SessionState s) {
  switch (s) {
    case SessionState::kUpcoming:
      return "upcoming";
    case SessionState::kDue:
      return "due";
    case SessionState::kDone:
      return "done";
    case SessionState::kLate:
      return "late";
    case SessionState::kMissed:
      return "missed";
  }
  return "";
}

SessionState StateOf(const Session& s, std::optional<cal::Date> checked_in_on, cal::Date today) {
  if (checked_in_on) return *checked_in_on <= s.date ? SessionState::kDone : SessionState::kLate;
  if (s.date > today) return SessionState::kUpcoming;
  if (s.date == today) return SessionState::kDue;
  return SessionState::kMissed;
}

bool CheckInOpen(const Session& s, cal::Date today, int late_days) {
  return today >= s.date && today <= s.date + std::chrono::days{late_days};
}

void Count(Completion& c, SessionState state) {
  switch (state) {
    case SessionState::kDone:
      ++c.due;
      ++c.done;
      break;
    case SessionState::kLate:
      ++c.due;
      ++c.late;
      break;
    case SessionState::kMissed:
      ++c.due;
      ++c.missed;
      break;
    case SessionState::kUpcoming:
    case SessionState::kDue:
      break;
  }
}

bool LowerRate(const Completion& a, std::string_view a_name, const Completion& b,
               std::string_view b_name) {
  const auto ra = a.Rate();
  const auto rb = b.Rate();
  if (ra < rb) return true;
  if (rb < ra) return false;
  return a_name < b_name;
}

}  // namespace xiaoan::domain::edu
