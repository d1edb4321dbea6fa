// The security indicators (四个100%) at their edges: guards for the school's size on each side of
// every threshold and with both roundings, a guard's age on the exact day (and a 29 February
// birthday), an alarm tested exactly `test_days` ago, video kept exactly the days required and a
// fault on its last day to be fixed, both peaks of 护学岗, patrol rounds, the four indicators and
// the district's rates; screening rounds: the round's dates at their edges, the window on its
// first and last day, each indicator's evidence, which hazards to raise and which to close; the
// record's lists read from a spreadsheet's rows, merged by their keys and written back.
#include <gtest/gtest.h>

#include "domain/security/exchange.hpp"
#include "domain/security/indicators.hpp"
#include "domain/security/record.hpp"
#include "domain/security/screening.hpp"

namespace xiaoan::domain::security {
namespace {

using calendar::Date;
using rules::Outcome;
using rules::ParamValues;

Date D(const char* text) { return *calendar::ParseDate(text); }

const rules::RuleDecl& Rule(std::string_view id) {
  const auto* r = rules::FindRule(RuleDecls(), id);
  EXPECT_NE(r, nullptr) << id;
  return *r;
}

ParamValues Guards(std::map<std::string, int> changes = {}) {
  auto v = rules::Defaults(Rule("security.guards"));
  for (const auto& [k, n] : changes) v[k] = n;
  return v;
}

// A school that meets every rule on 2026-12-05.
SchoolSecurity Compliant() {
  SchoolSecurity s;
  s.students = 420;
  s.staff = 40;
  s.has_canteen = true;
  s.guards = {{1, "张保安", true, "鄂保证2019001", D("1970-03-01")},
              {2, "李保安", true, "鄂保证2020002", D("1975-06-01")}};
  s.perimeter = s.gate_controlled = s.visitor_register = s.gate_house_staffed = true;
  s.alarms = {{7, "门卫室", true, true, D("2026-11-20")}};
  s.video.areas = {"gate", "outside_gate", "teaching", "gathering", "canteen_kitchen"};
  s.video.retention_days = 30;
  s.posts = {{3, "南门", "morning", 2}, {4, "南门", "afternoon", 2}};
  s.patrols_per_day = 5;
  return s;
}

Outcome OutcomeOf(const SchoolSecurity& s, std::string_view id, const Date today = D("2026-12-05"),
                  const std::map<std::string, ParamValues>& values = {}) {
  for (const auto& f : JudgeSchool(s, values, today)) {
    if (f.rule->id == id) return f.verdict.outcome;
  }
  ADD_FAILURE() << "not judged: " << id;
  return Outcome::kNotApplicable;
}

TEST(SecurityRules, TheCatalogIsWellFormedAndChecksItsThresholds) {
  EXPECT_TRUE(rules::CheckCatalog(RuleDecls()).empty());
  EXPECT_EQ(RuleDecls().size(), 7u);
  for (const auto& r : RuleDecls()) EXPECT_EQ(r.measure, 4) << r.id;
  std::vector<ErrorDetail> problems;
  rules::CheckValues(Rule("security.guards"), {{"small_below", 500}, {"medium_max", 500}},
                     problems);
  EXPECT_TRUE(problems.empty());  // equal is allowed
  rules::CheckValues(Rule("security.guards"), {{"small_below", 501}, {"medium_max", 500}},
                     problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "medium_max");
  problems.clear();
  rules::CheckValues(Rule("security.guards"), {{"min_small", 2}, {"min_medium", 2}}, problems);
  EXPECT_TRUE(problems.empty());
  rules::CheckValues(Rule("security.guards"), {{"min_small", 3}, {"min_medium", 2}}, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "min_medium");
}

TEST(SecurityRules, GuardsNeededAtEachThreshold) {
  const auto v = Guards();
  EXPECT_EQ(RequiredGuards(0, 0, v), 1);
  EXPECT_EQ(RequiredGuards(99, 0, v), 1);
  EXPECT_EQ(RequiredGuards(100, 0, v), 2);
  EXPECT_EQ(RequiredGuards(1000, 0, v), 2);
  EXPECT_EQ(RequiredGuards(1001, 0, v), 3);  // a part of 500 counts whole
  EXPECT_EQ(RequiredGuards(1500, 0, v), 3);
  EXPECT_EQ(RequiredGuards(1501, 0, v), 4);
  EXPECT_EQ(RequiredGuards(2000, 0, v), 4);
  EXPECT_EQ(RequiredGuards(2001, 0, v), 5);
  // Rounded down: only whole 500s beyond 1000 count.
  const auto down = Guards({{"round_up", 0}});
  EXPECT_EQ(RequiredGuards(1001, 0, down), 2);
  EXPECT_EQ(RequiredGuards(1499, 0, down), 2);
  EXPECT_EQ(RequiredGuards(1500, 0, down), 3);
  // Boarders are not counted unless the district says so; then a part of 200 counts whole.
  EXPECT_EQ(RequiredGuards(500, 600, v), 2);
  const auto boarding = Guards({{"boarders_per_guard", 200}});
  EXPECT_EQ(RequiredGuards(500, 0, boarding), 2);
  EXPECT_EQ(RequiredGuards(500, 1, boarding), 3);
  EXPECT_EQ(RequiredGuards(500, 200, boarding), 3);
  EXPECT_EQ(RequiredGuards(500, 201, boarding), 4);
  // Other thresholds.
  const auto local = Guards({{"small_below", 200},
                             {"min_small", 2},
                             {"medium_max", 800},
                             {"min_medium", 3},
                             {"extra_per", 400}});
  EXPECT_EQ(RequiredGuards(199, 0, local), 2);
  EXPECT_EQ(RequiredGuards(200, 0, local), 3);
  EXPECT_EQ(RequiredGuards(800, 0, local), 3);
  EXPECT_EQ(RequiredGuards(801, 0, local), 4);
  EXPECT_EQ(RequiredGuards(1200, 0, local), 4);
  EXPECT_EQ(RequiredGuards(1201, 0, local), 5);
}

TEST(SecurityRules, OnlyFullTimeGuardsCount) {
  auto s = Compliant();  // 460 people: 2 needed
  EXPECT_EQ(OutcomeOf(s, "security.guards"), Outcome::kPass);
  s.guards[1].full_time = false;
  EXPECT_EQ(OutcomeOf(s, "security.guards"), Outcome::kFail);
  s.guards[1].full_time = true;
  s.students = 1001 - s.staff;  // 1001 people: 3 needed
  const auto findings = JudgeSchool(s, {}, D("2026-12-05"));
  EXPECT_EQ(findings[0].verdict.outcome, Outcome::kFail);
  EXPECT_EQ(findings[0].verdict.reason, "师生 1001 人，应配专职保安 3 名，现有 2 名，缺 1 名");
  EXPECT_EQ(findings[0].verdict.evidence, (std::vector<std::int64_t>{1, 2}));
  // Boarders count when the district configures it, and only at a boarding school.
  s = Compliant();
  s.boarders = 150;
  const std::map<std::string, ParamValues> per200 = {
      {"security.guards", {{"boarders_per_guard", 200}}}};
  EXPECT_EQ(OutcomeOf(s, "security.guards", D("2026-12-05"), per200), Outcome::kPass);
  s.boarding = true;
  EXPECT_EQ(OutcomeOf(s, "security.guards", D("2026-12-05"), per200), Outcome::kFail);
}

TEST(SecurityRules, AgeOnTheExactDay) {
  EXPECT_EQ(AgeOn(D("1966-12-05"), D("2026-12-04")), 59);
  EXPECT_EQ(AgeOn(D("1966-12-05"), D("2026-12-05")), 60);
  EXPECT_EQ(AgeOn(D("1966-12-05"), D("2026-12-06")), 60);
  EXPECT_EQ(AgeOn(D("1966-11-30"), D("2026-12-01")), 60);  // a later month, an earlier day
  EXPECT_EQ(AgeOn(D("1966-12-31"), D("2026-01-01")), 59);  // an earlier month, a later day
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2026-02-28")), 17);
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2026-03-01")), 18);
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2028-02-29")), 20);
}

TEST(SecurityRules, GuardsHoldALicenceAndAreNotOverAge) {
  auto s = Compliant();
  s.guards[0].birth_date = D("1965-12-06");  // 60 until tomorrow
  EXPECT_EQ(OutcomeOf(s, "security.guard_license"), Outcome::kPass);
  EXPECT_EQ(OutcomeOf(s, "security.guard_license", D("2026-12-06")), Outcome::kFail);
  const auto findings = JudgeSchool(s, {}, D("2026-12-06"));
  EXPECT_EQ(findings[1].verdict.reason, "张保安已满 61 岁");
  EXPECT_EQ(findings[1].verdict.evidence, std::vector<std::int64_t>{1});
  // No age limit.
  EXPECT_EQ(OutcomeOf(s, "security.guard_license", D("2026-12-06"),
                      {{"security.guard_license", {{"max_age", 0}}}}),
            Outcome::kPass);
  // A guard without a licence; no guards at all.
  s = Compliant();
  s.guards[1].license_no.clear();
  EXPECT_EQ(OutcomeOf(s, "security.guard_license"), Outcome::kFail);
  s.guards.clear();
  EXPECT_EQ(OutcomeOf(s, "security.guard_license"), Outcome::kFail);
}

TEST(SecurityRules, ClosedCampusNeedsAllFour) {
  for (bool SchoolSecurity::*part :
       {&SchoolSecurity::perimeter, &SchoolSecurity::gate_controlled,
        &SchoolSecurity::visitor_register, &SchoolSecurity::gate_house_staffed}) {
    auto s = Compliant();
    EXPECT_EQ(OutcomeOf(s, "security.closed_campus"), Outcome::kPass);
    s.*part = false;
    EXPECT_EQ(OutcomeOf(s, "security.closed_campus"), Outcome::kFail);
  }
}

TEST(SecurityRules, AlarmLinkedAndTestedWithinTheDays) {
  auto s = Compliant();
  s.alarms[0].last_test = D("2026-11-04");  // 31 days before
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kPass);
  s.alarms[0].last_test = D("2026-11-03");  // 32
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kFail);
  EXPECT_EQ(
      OutcomeOf(s, "security.alarm", D("2026-12-05"), {{"security.alarm", {{"test_days", 32}}}}),
      Outcome::kPass);
  s = Compliant();
  s.alarms[0].last_test.reset();
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kFail);
  s = Compliant();
  s.alarms[0].linked_110 = false;
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kFail);
  // The bureau link only when required.
  s = Compliant();
  s.alarms[0].linked_bureau = false;
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kPass);
  const std::map<std::string, ParamValues> bureau = {{"security.alarm", {{"require_bureau", 1}}}};
  EXPECT_EQ(OutcomeOf(s, "security.alarm", D("2026-12-05"), bureau), Outcome::kFail);
  s.alarms.push_back({8, "教学楼", true, true, D("2026-12-01")});
  const auto findings = JudgeSchool(s, bureau, D("2026-12-05"));
  EXPECT_EQ(findings[3].verdict.reason, "门卫室未联通教育局");
  EXPECT_EQ(findings[3].verdict.evidence, std::vector<std::int64_t>{7});
  s.alarms.clear();
  EXPECT_EQ(OutcomeOf(s, "security.alarm"), Outcome::kFail);
}

TEST(SecurityRules, VideoCoversTheAreasKeepsTheDaysAndIsRepairedInTime) {
  auto s = Compliant();
  s.video.retention_days = 29;
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kFail);
  s = Compliant();
  s.video.open_fault_since = D("2026-12-04");  // one day: still within fix_days
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kPass);
  s.video.open_fault_since = D("2026-12-03");
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kFail);
  // A boarding school's dormitory entrance; a kitchen only where there is a canteen.
  s = Compliant();
  s.boarding = true;
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kFail);
  s.video.areas.push_back("dormitory_entrance");
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kPass);
  s = Compliant();
  std::erase(s.video.areas, "canteen_kitchen");
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kFail);
  s.has_canteen = false;
  EXPECT_EQ(OutcomeOf(s, "security.video"), Outcome::kPass);
  std::erase(s.video.areas, "outside_gate");
  const auto findings = JudgeSchool(s, {}, D("2026-12-05"));
  EXPECT_EQ(findings[4].verdict.reason, "未覆盖校门外");
}

TEST(SecurityRules, GateDutyAtBothPeaksWithEnoughPeople) {
  auto s = Compliant();
  EXPECT_EQ(OutcomeOf(s, "security.gate_duty"), Outcome::kPass);
  EXPECT_EQ(OutcomeOf(s, "security.gate_duty", D("2026-12-05"),
                      {{"security.gate_duty", {{"min_people", 2}}}}),
            Outcome::kPass);
  EXPECT_EQ(OutcomeOf(s, "security.gate_duty", D("2026-12-05"),
                      {{"security.gate_duty", {{"min_people", 3}}}}),
            Outcome::kFail);
  s.posts.pop_back();
  EXPECT_EQ(OutcomeOf(s, "security.gate_duty"), Outcome::kFail);
  const auto findings = JudgeSchool(s, {}, D("2026-12-05"));
  EXPECT_EQ(findings[5].verdict.reason, "放学高峰没有满员的护学岗");
}

TEST(SecurityRules, PatrolRoundsADay) {
  auto s = Compliant();
  EXPECT_EQ(OutcomeOf(s, "security.patrol"), Outcome::kPass);
  s.patrols_per_day = 4;
  EXPECT_EQ(OutcomeOf(s, "security.patrol"), Outcome::kFail);
}

TEST(SecurityRules, TheFourIndicatorsAndTheDistrictRates) {
  const auto ok = JudgeSchool(Compliant(), {}, D("2026-12-05"));
  EXPECT_TRUE(IndicatorsOf(ok).All());
  auto s = Compliant();
  s.patrols_per_day = 1;  // the guards' indicator
  auto i1 = IndicatorsOf(JudgeSchool(s, {}, D("2026-12-05")));
  EXPECT_FALSE(i1.guards);
  EXPECT_TRUE(i1.closed_campus && i1.alarm_video && i1.gate_duty);
  s = Compliant();
  s.video.retention_days = 7;
  s.posts.clear();
  auto i2 = IndicatorsOf(JudgeSchool(s, {}, D("2026-12-05")));
  EXPECT_TRUE(i2.guards && i2.closed_campus);
  EXPECT_FALSE(i2.alarm_video);
  EXPECT_FALSE(i2.gate_duty);
  const std::vector<Indicators> district = {IndicatorsOf(ok), i1, i2};
  const auto r = RatesOf(district);
  EXPECT_EQ(r.all.compliant, 1);
  EXPECT_EQ(r.all.screened, 3);
  EXPECT_EQ(r.all.permille(), 333);
  EXPECT_EQ(r.guards.permille(), 666);  // two of three, rounded down
  EXPECT_EQ(r.closed_campus.permille(), 1000);
  EXPECT_EQ(r.alarm_video.compliant, 2);
  EXPECT_EQ(r.gate_duty.compliant, 2);
  EXPECT_EQ(RatesOf({}).all.permille(), 0);
}

// The fields the problems name, in order.
std::vector<std::string> Fields(const std::vector<ErrorDetail>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

TEST(SecurityRecord, ACompliantRecordIsValid) {
  EXPECT_TRUE(Validate(Compliant(), D("2026-12-05")).empty());
  EXPECT_TRUE(Validate(SchoolSecurity{}, D("2026-12-05")).empty());  // an empty record may be kept
}

TEST(SecurityRecord, EachFieldIsCheckedAndNamed) {
  const auto today = D("2026-12-05");
  auto s = Compliant();
  s.guards[1].name.clear();
  EXPECT_EQ(Fields(Validate(s, today)), std::vector<std::string>{"guards[1].name"});
  s = Compliant();
  s.guards[0].name = std::string(30, 'a');  // 30 characters: allowed
  EXPECT_TRUE(Validate(s, today).empty());
  s.guards[0].name = "张" + std::string(30, 'a');  // 31, a Chinese character counting once
  EXPECT_EQ(Fields(Validate(s, today)), std::vector<std::string>{"guards[0].name"});
  s = Compliant();
  s.guards[0].license_no = std::string(41, '1');
  s.guards[0].employer = std::string(61, 'e');
  s.guards[0].shifts = std::string(61, 's');
  EXPECT_EQ(
      Fields(Validate(s, today)),
      (std::vector<std::string>{"guards[0].license_no", "guards[0].employer", "guards[0].shifts"}));
  // Sixteen on the day itself; one day short is refused.
  s = Compliant();
  s.guards[0].birth_date = D("2010-12-05");
  EXPECT_TRUE(Validate(s, today).empty());
  s.guards[0].birth_date = D("2010-12-06");
  EXPECT_EQ(Fields(Validate(s, today)), std::vector<std::string>{"guards[0].birth_date"});
  // Dates up to today.
  s = Compliant();
  s.alarms[0].last_test = today;
  s.video.open_fault_since = today;
  s.video.last_repair = today;
  EXPECT_TRUE(Validate(s, today).empty());
  s.alarms[0].last_test = D("2026-12-06");
  s.video.open_fault_since = D("2026-12-06");
  s.video.last_repair = D("2026-12-06");
  EXPECT_EQ(Fields(Validate(s, today)),
            (std::vector<std::string>{"alarms[0].last_test", "video.open_fault_since",
                                      "video.last_repair"}));
  s = Compliant();
  s.alarms[0].location.clear();
  s.posts[1].gate.clear();
  EXPECT_EQ(Fields(Validate(s, today)),
            (std::vector<std::string>{"alarms[0].location", "posts[1].gate"}));
  s = Compliant();
  s.video.areas = {"gate", "roof"};
  EXPECT_EQ(Fields(Validate(s, today)), std::vector<std::string>{"video.areas[1]"});
  s = Compliant();
  s.posts[0].peak = "noon";
  s.posts[1].kinds = {"teacher", "soldier"};
  EXPECT_EQ(Fields(Validate(s, today)),
            (std::vector<std::string>{"posts[0].peak", "posts[1].kinds[1]"}));
  for (const auto& kind : PostKinds()) {
    s = Compliant();
    s.posts[0].kinds = {std::string(kind.code)};
    EXPECT_TRUE(Validate(s, today).empty()) << kind.code;
  }
}

TEST(SecurityRecord, NumbersStayWithinTheirRanges) {
  const auto today = D("2026-12-05");
  auto s = Compliant();
  s.video.retention_days = 0;
  s.posts[0].people = 0;
  s.patrols_per_day = 0;
  EXPECT_TRUE(Validate(s, today).empty());
  s.video.retention_days = 3650;
  s.posts[0].people = 100;
  s.patrols_per_day = 100;
  EXPECT_TRUE(Validate(s, today).empty());
  s.video.retention_days = 3651;
  s.posts[0].people = 101;
  s.patrols_per_day = 101;
  EXPECT_EQ(
      Fields(Validate(s, today)),
      (std::vector<std::string>{"video.retention_days", "posts[0].people", "patrols_per_day"}));
  s = Compliant();
  s.video.retention_days = -1;
  s.posts[0].people = -1;
  s.patrols_per_day = -1;
  EXPECT_EQ(Validate(s, today).size(), 3u);
  // At most 200 of each list.
  s = Compliant();
  s.guards.assign(kMaxEntries, s.guards[0]);
  s.alarms.assign(kMaxEntries, s.alarms[0]);
  s.posts.assign(kMaxEntries, s.posts[0]);
  EXPECT_TRUE(Validate(s, today).empty());
  s.guards.push_back(s.guards[0]);
  s.alarms.push_back(s.alarms[0]);
  s.posts.push_back(s.posts[0]);
  const auto fields = Fields(Validate(s, today));
  ASSERT_GE(fields.size(), 3u);
  EXPECT_EQ(std::vector<std::string>(fields.begin(), fields.begin() + 3),
            (std::vector<std::string>{"guards", "alarms", "posts"}));
}

TEST(SecurityRecord, AnEntryKeepsOnlyAnIdOfItsOwnList) {
  const auto stored = Compliant();  // guards 1, 2; alarm 7; posts 3, 4
  auto sent = stored;
  sent.guards.push_back({0, "新保安", true, "x", std::nullopt});
  EXPECT_TRUE(CheckEntryIds(stored, sent).empty());
  sent.guards[0].id = 7;  // an alarm's id
  sent.alarms[0].id = 1;  // a guard's id
  sent.posts[1].id = 3;   // the other post's id twice
  EXPECT_EQ(Fields(CheckEntryIds(stored, sent)),
            (std::vector<std::string>{"guards[0].id", "alarms[0].id", "posts[1].id"}));
  EXPECT_TRUE(CheckEntryIds(SchoolSecurity{}, SchoolSecurity{}).empty());
  EXPECT_EQ(Fields(CheckEntryIds(SchoolSecurity{}, stored)).size(), 5u);
}

// ---- Screening rounds -------------------------------------------------------------------------

TEST(SecurityScreening, TheRoundsDatesAtTheirEdges) {
  const auto today = D("2026-12-07");
  EXPECT_TRUE(ValidateRound("冬季筛查", "2026-12-01", "2026-12-07", today).empty());  // ends today
  EXPECT_TRUE(ValidateRound("冬季筛查", "2026-12-07", "2026-12-07", today).empty());  // one day
  EXPECT_EQ(Fields(ValidateRound("冬季筛查", "2026-12-01", "2026-12-06", today)),
            std::vector<std::string>{"to"});  // ended yesterday
  EXPECT_EQ(Fields(ValidateRound("冬季筛查", "2026-12-09", "2026-12-08", today)),
            std::vector<std::string>{"to"});  // before its first day
  // At most a year: 366 days from the first to the last is one too many.
  EXPECT_TRUE(ValidateRound("全年", "2026-12-07", "2027-12-07", today).empty());  // 365 days on
  EXPECT_EQ(Fields(ValidateRound("全年", "2026-12-07", "2027-12-08", today)),
            std::vector<std::string>{"to"});
  EXPECT_EQ(Fields(ValidateRound("", "2026-13-01", "x", today)),
            (std::vector<std::string>{"name", "from", "to"}));
  EXPECT_EQ(Fields(ValidateRound("  ", "2026-12-01", "2026-12-20", today)),
            std::vector<std::string>{"name"});
  EXPECT_TRUE(ValidateRound(std::string(100, 'x'), "2026-12-01", "2026-12-20", today).empty());
  EXPECT_EQ(Fields(ValidateRound(std::string(101, 'x'), "2026-12-01", "2026-12-20", today)),
            std::vector<std::string>{"name"});
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "筛";
  EXPECT_TRUE(ValidateRound(hundred, "2026-12-01", "2026-12-20", today).empty());
}

TEST(SecurityScreening, TheWindowIncludesBothEnds) {
  const auto from = D("2026-12-01");
  const auto to = D("2026-12-15");
  EXPECT_EQ(WindowOn(from, to, D("2026-11-30")), Window::kNotOpen);
  EXPECT_EQ(WindowOn(from, to, D("2026-12-01")), Window::kOpen);
  EXPECT_EQ(WindowOn(from, to, D("2026-12-15")), Window::kOpen);
  EXPECT_EQ(WindowOn(from, to, D("2026-12-16")), Window::kEnded);
  EXPECT_EQ(WindowCode(Window::kNotOpen), "not_open");
  EXPECT_EQ(WindowCode(Window::kOpen), "open");
  EXPECT_EQ(WindowCode(Window::kEnded), "ended");
  const auto rule = [](const std::optional<Error>& e) {
    return e ? e->details.at(0).field : std::string("ok");
  };
  EXPECT_EQ(rule(ScreeningRefused(Window::kOpen, false, true)), "ok");
  EXPECT_EQ(rule(ScreeningRefused(Window::kOpen, true, true)), "screening.done");
  EXPECT_EQ(rule(ScreeningRefused(Window::kEnded, true, true)), "screening.done");
  EXPECT_EQ(rule(ScreeningRefused(Window::kNotOpen, false, true)), "screening.not_open");
  EXPECT_EQ(rule(ScreeningRefused(Window::kEnded, false, true)), "screening.ended");
  EXPECT_EQ(rule(ScreeningRefused(Window::kOpen, false, false)), "screening.no_record");
  EXPECT_EQ(ScreeningRefused(Window::kOpen, true, true)->code, ErrorCode::kFailedPrecondition);
}

std::vector<Evidence> AllFour() {
  return {{"guards", "名册", {}},
          {"closed_campus", "", {7}},
          {"alarm_video", "测试联动", {8, 9}},
          {"gate_duty", "高峰在岗", {}}};
}

TEST(SecurityScreening, EachIndicatorOnceWithANoteOrAPhoto) {
  EXPECT_TRUE(ValidateEvidence(AllFour()).empty());
  auto e = AllFour();
  e.pop_back();
  EXPECT_EQ(Fields(ValidateEvidence(e)), std::vector<std::string>{"evidence"});
  EXPECT_EQ(Fields(ValidateEvidence({})),
            (std::vector<std::string>{"evidence", "evidence", "evidence", "evidence"}));
  e = AllFour();
  e[3].indicator = "guards";
  EXPECT_EQ(Fields(ValidateEvidence(e)),
            (std::vector<std::string>{"evidence[3].indicator", "evidence"}));
  e = AllFour();
  e[0].indicator = "fence";
  EXPECT_EQ(Fields(ValidateEvidence(e)),
            (std::vector<std::string>{"evidence[0].indicator", "evidence"}));
  e = AllFour();
  e[0].note = " ";  // blank and no photo
  EXPECT_EQ(Fields(ValidateEvidence(e)), std::vector<std::string>{"evidence[0].note"});
  e[0].file_ids = {3};  // a photo is enough
  EXPECT_TRUE(ValidateEvidence(e).empty());
  e = AllFour();
  e[1].note = std::string(500, 'x');
  EXPECT_TRUE(ValidateEvidence(e).empty());
  e[1].note = std::string(501, 'x');
  EXPECT_EQ(Fields(ValidateEvidence(e)), std::vector<std::string>{"evidence[1].note"});
  e = AllFour();
  e[2].file_ids = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  EXPECT_TRUE(ValidateEvidence(e).empty());
  e[2].file_ids.push_back(10);
  EXPECT_EQ(Fields(ValidateEvidence(e)), std::vector<std::string>{"evidence[2].file_ids"});
}

TEST(SecurityScreening, IndicatorsTheirLabelsAndRules) {
  ASSERT_EQ(IndicatorList().size(), 4u);
  EXPECT_EQ(IndicatorList()[0].code, "guards");
  EXPECT_EQ(IndicatorList()[3].code, "gate_duty");
  EXPECT_EQ(IndicatorLabel("alarm_video"), "一键报警与视频监控");
  EXPECT_EQ(IndicatorLabel("fence"), "");
  const Indicators ind{true, false, true, false};
  EXPECT_TRUE(Met(ind, "guards"));
  EXPECT_FALSE(Met(ind, "closed_campus"));
  EXPECT_TRUE(Met(ind, "alarm_video"));
  EXPECT_FALSE(Met(ind, "gate_duty"));
  EXPECT_FALSE(Met(Indicators{true, true, true, true}, "fence"));
  EXPECT_EQ(IndicatorOfRule("security.guards"), "guards");
  EXPECT_EQ(IndicatorOfRule("security.guard_license"), "guards");
  EXPECT_EQ(IndicatorOfRule("security.patrol"), "guards");
  EXPECT_EQ(IndicatorOfRule("security.closed_campus"), "closed_campus");
  EXPECT_EQ(IndicatorOfRule("security.alarm"), "alarm_video");
  EXPECT_EQ(IndicatorOfRule("security.video"), "alarm_video");
  EXPECT_EQ(IndicatorOfRule("security.gate_duty"), "gate_duty");
  EXPECT_EQ(IndicatorOfRule("drill.done"), "");
  // Every security rule counts towards one indicator.
  for (const auto& r : RuleDecls()) EXPECT_NE(IndicatorOfRule(r.id), "") << r.id;
}

TEST(SecurityScreening, HazardsRaisedForWhatFailedAndClosedWhenMet) {
  const Indicators failed_two{false, true, true, false};
  EXPECT_EQ(ToRaise(failed_two, {}), (std::vector<std::string>{"guards", "gate_duty"}));
  // An open hazard for the same indicator is not raised again; another indicator's is no help.
  const std::vector<ScreenedHazard> open = {{"guards", 11, "", "rectifying"},
                                            {"alarm_video", 12, "", "reported"}};
  EXPECT_EQ(ToRaise(failed_two, open), std::vector<std::string>{"gate_duty"});
  EXPECT_TRUE(ToRaise(Indicators{true, true, true, true}, {}).empty());
  EXPECT_EQ(ToRaise(Indicators{}, {}).size(), 4u);
  // Closed: the open hazards whose indicator is met now, each once.
  EXPECT_EQ(ToClose(failed_two, open), std::vector<std::int64_t>{12});
  EXPECT_EQ(ToClose(Indicators{true, true, true, true}, open), (std::vector<std::int64_t>{11, 12}));
  EXPECT_TRUE(ToClose(Indicators{}, open).empty());
  const std::vector<ScreenedHazard> twice = {{"guards", 11, "", ""}, {"guards", 11, "", ""}};
  EXPECT_EQ(ToClose(Indicators{true, false, false, false}, twice), std::vector<std::int64_t>{11});
}

// ---- The lists in and out of a spreadsheet ----

ListRow R(int row, std::vector<std::string> cells) { return {row, std::move(cells)}; }

std::vector<std::pair<int, std::string>> Where(const std::vector<ErrorDetail>& errors) {
  std::vector<std::pair<int, std::string>> out;
  for (const auto& e : errors) out.emplace_back(e.row, e.field);
  return out;
}

TEST(SecurityLists, TheListsByTheirCodes) {
  EXPECT_EQ(ListKindOf("guards"), ListKind::kGuards);
  EXPECT_EQ(ListKindOf("alarms"), ListKind::kAlarms);
  EXPECT_EQ(ListKindOf("posts"), ListKind::kPosts);
  EXPECT_EQ(ListKindOf("Guards"), std::nullopt);
  EXPECT_EQ(ListKindOf(""), std::nullopt);
  EXPECT_EQ(ListLabel(ListKind::kAlarms), "一键报警");
  EXPECT_EQ(ListKey(ListKind::kPosts), "posts");
  EXPECT_EQ(ListColumns(ListKind::kGuards).size(), 8u);
  EXPECT_EQ(ListColumns(ListKind::kAlarms).size(), 6u);
  EXPECT_EQ(ListColumns(ListKind::kPosts).size(), 6u);
}

TEST(SecurityLists, GuardsReadTheirFlagsAndDates) {
  const auto parsed = ParseList(
      ListKind::kGuards,
      {R(2, {"S1", "一小", "张三", "是", "鄂001", "1980-05-01", "安保公司", "白班"}),
       R(3, {"S1", "", "李四", "N", "", "", "", ""}),
       R(4, {"S2", "", "王五", "TRUE", "", "1980/05/01"}),  // a date the app did not normalise
       R(5, {"", "", "赵六", "否"}),                        // no school
       R(6, {"", "", "", "", "", "", "", ""}),              // blank: skipped
       R(7, {"S2", "", "钱七", ""}),                        // the flag is required
       R(8, {"S2", "", "孙八", "1"}), R(9, {"S1", "", "周九", "0"})});
  EXPECT_EQ(Where(parsed.errors), (std::vector<std::pair<int, std::string>>{
                                      {4, "出生日期"}, {5, "学校代码"}, {7, "是否专职"}}));
  ASSERT_EQ(parsed.schools.size(), 2u);
  const auto& s1 = parsed.schools[0];
  EXPECT_EQ(s1.code, "S1");
  EXPECT_EQ(s1.rows, (std::vector<int>{2, 3, 9}));
  ASSERT_EQ(s1.guards.size(), 3u);
  EXPECT_TRUE(s1.guards[0].full_time);
  EXPECT_EQ(s1.guards[0].license_no, "鄂001");
  EXPECT_EQ(s1.guards[0].birth_date, D("1980-05-01"));
  EXPECT_EQ(s1.guards[0].employer, "安保公司");
  EXPECT_EQ(s1.guards[0].shifts, "白班");
  EXPECT_FALSE(s1.guards[1].full_time);
  EXPECT_EQ(s1.guards[1].birth_date, std::nullopt);
  EXPECT_FALSE(s1.guards[2].full_time);
  const auto& s2 = parsed.schools[1];
  EXPECT_EQ(s2.rows, (std::vector<int>{8}));
  ASSERT_EQ(s2.guards.size(), 1u);
  EXPECT_TRUE(s2.guards[0].full_time);
  EXPECT_TRUE(s2.alarms.empty() && s2.posts.empty());
}

TEST(SecurityLists, AlarmsAndPostsReadTheirColumns) {
  auto alarms = ParseList(ListKind::kAlarms, {R(2, {"S1", "", "门卫室", "是", "否", "2026-11-30"}),
                                              R(3, {"S1", "", "操场", "yes", "no"}),
                                              R(4, {"S1", "", "食堂", "是", "也许", "昨天"})});
  EXPECT_EQ(Where(alarms.errors),
            (std::vector<std::pair<int, std::string>>{{4, "联网教育局"}, {4, "最近测试日期"}}));
  ASSERT_EQ(alarms.schools.size(), 1u);
  ASSERT_EQ(alarms.schools[0].alarms.size(), 2u);
  const auto& a = alarms.schools[0].alarms[0];
  EXPECT_EQ(a.location, "门卫室");
  EXPECT_TRUE(a.linked_110);
  EXPECT_FALSE(a.linked_bureau);
  EXPECT_EQ(a.last_test, D("2026-11-30"));
  EXPECT_TRUE(alarms.schools[0].alarms[1].linked_110);
  EXPECT_EQ(alarms.schools[0].alarms[1].last_test, std::nullopt);

  auto posts = ParseList(ListKind::kPosts,
                         {R(2, {"S1", "", "南门", "上学", "3", "公安民警、保安员 教师"}),
                          R(3, {"S1", "", "南门", "放学高峰", "0", ""}),
                          R(4, {"S1", "", "北门", "早高峰", "2", "police,police；volunteer"}),
                          R(5, {"S1", "", "北门", "晚高峰", "2.5", "城管"}),
                          R(6, {"S1", "", "东门", "中午", "-1", "辅警"}),
                          R(7, {"S1", "", "西门", "AFTERNOON", "-2", "志愿者/家长"}),
                          R(8, {"S1", "", "西门", "上学", "", ""})});
  EXPECT_EQ(Where(posts.errors), (std::vector<std::pair<int, std::string>>{
                                     {5, "人数"}, {5, "人员类别"}, {6, "时段"}, {8, "人数"}}));
  ASSERT_EQ(posts.schools.size(), 1u);
  const auto& p = posts.schools[0].posts;
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].peak, "morning");
  EXPECT_EQ(p[0].people, 3);
  EXPECT_EQ(p[0].kinds, (std::vector<std::string>{"police", "guard", "teacher"}));
  EXPECT_EQ(p[1].peak, "afternoon");
  EXPECT_EQ(p[1].people, 0);
  EXPECT_TRUE(p[1].kinds.empty());
  EXPECT_EQ(p[2].peak, "morning");
  EXPECT_EQ(p[2].kinds, (std::vector<std::string>{"police", "volunteer"}));  // each kind once
  EXPECT_EQ(p[3].peak, "afternoon");
  EXPECT_EQ(p[3].people, -2);  // read as written: the record's checks refuse it
  EXPECT_EQ(p[3].kinds, std::vector<std::string>{"volunteer"});
  EXPECT_EQ(posts.schools[0].rows, (std::vector<int>{2, 3, 4, 7}));
}

TEST(SecurityLists, AReplacedListKeepsTheIdsOfEntriesWithAStoredKey) {
  SchoolSecurity d;
  d.guards = {{11, "张三", true}, {12, "李四", true}, {13, "张三", false}};
  d.alarms = {{21, "门卫室", true, true, std::nullopt}};
  d.posts = {{31, "南门", "morning", 2, {}}, {32, "南门", "afternoon", 2, {}}};
  SchoolList sent;
  sent.guards = {{99, "张三", false}, {0, "王五", true}, {0, "张三", true}, {0, "张三", true}};
  const auto g = ReplaceList(ListKind::kGuards, d, sent);
  EXPECT_EQ(g.kept, 2);
  EXPECT_EQ(g.added, 2);
  EXPECT_EQ(g.removed, 1);  // 李四
  ASSERT_EQ(d.guards.size(), 4u);
  EXPECT_EQ(d.guards[0].id, 11);  // an id sent is never trusted
  EXPECT_FALSE(d.guards[0].full_time);
  EXPECT_EQ(d.guards[1].id, 0);
  EXPECT_EQ(d.guards[2].id, 13);
  EXPECT_EQ(d.guards[3].id, 0);    // each stored entry taken once
  EXPECT_EQ(d.alarms.size(), 1u);  // the other lists stay

  sent.posts = {{0, "南门", "afternoon", 3, {"teacher"}}, {0, "北门", "morning", 1, {}}};
  const auto p = ReplaceList(ListKind::kPosts, d, sent);
  EXPECT_EQ(p.kept, 1);
  EXPECT_EQ(p.added, 1);
  EXPECT_EQ(p.removed, 1);
  EXPECT_EQ(d.posts[0].id, 32);  // the gate and the peak together
  EXPECT_EQ(d.posts[0].people, 3);

  SchoolList none;
  const auto a = ReplaceList(ListKind::kAlarms, d, none);
  EXPECT_EQ(a.kept, 0);
  EXPECT_EQ(a.added, 0);
  EXPECT_EQ(a.removed, 1);
  EXPECT_TRUE(d.alarms.empty());
  none.alarms = {{0, "门卫室", true, false, std::nullopt}};
  EXPECT_EQ(ReplaceList(ListKind::kAlarms, d, none).added, 1);
}

TEST(SecurityLists, TheRecordsProblemsLandOnTheirRowAndColumn) {
  SchoolList sent;
  sent.code = "S1";
  sent.rows = {2, 5, 9};
  EXPECT_EQ(Where({RowErrorOf(ListKind::kGuards, sent, {"guards[1].name", "必填"})}),
            (std::vector<std::pair<int, std::string>>{{5, "姓名"}}));
  EXPECT_EQ(Where({RowErrorOf(ListKind::kGuards, sent, {"guards[2].birth_date", "x"})}),
            (std::vector<std::pair<int, std::string>>{{9, "出生日期"}}));
  EXPECT_EQ(Where({RowErrorOf(ListKind::kGuards, sent, {"guards[0].shifts", "x"})}),
            (std::vector<std::pair<int, std::string>>{{2, "班次"}}));
  EXPECT_EQ(Where({RowErrorOf(ListKind::kAlarms, sent, {"alarms[0].last_test", "x"})}),
            (std::vector<std::pair<int, std::string>>{{2, "最近测试日期"}}));
  EXPECT_EQ(Where({RowErrorOf(ListKind::kPosts, sent, {"posts[2].kinds[0]", "x"})}),
            (std::vector<std::pair<int, std::string>>{{9, "人员类别"}}));
  EXPECT_EQ(Where({RowErrorOf(ListKind::kPosts, sent, {"posts[1].people", "x"})}),
            (std::vector<std::pair<int, std::string>>{{5, "人数"}}));
  // An index past the file's rows, another list or another part of the record: row 0.
  EXPECT_EQ(Where({RowErrorOf(ListKind::kGuards, sent, {"guards[3].name", "x"})}),
            (std::vector<std::pair<int, std::string>>{{0, "guards[3].name"}}));
  EXPECT_EQ(Where({RowErrorOf(ListKind::kGuards, sent, {"posts[0].gate", "x"})}),
            (std::vector<std::pair<int, std::string>>{{0, "posts[0].gate"}}));
  EXPECT_EQ(Where({RowErrorOf(ListKind::kGuards, sent, {"guards[x].name", "x"})}),
            (std::vector<std::pair<int, std::string>>{{0, "guards[x].name"}}));
  EXPECT_EQ(Where({RowErrorOf(ListKind::kGuards, sent, {"guards[-1].name", "x"})}),
            (std::vector<std::pair<int, std::string>>{{0, "guards[-1].name"}}));
  // A field without a column stays as it is, on its entry's row.
  EXPECT_EQ(Where({RowErrorOf(ListKind::kGuards, sent, {"guards[1].id", "x"})}),
            (std::vector<std::pair<int, std::string>>{{5, "guards[1].id"}}));
  EXPECT_EQ(Where({RowErrorOf(ListKind::kGuards, sent, {"video.retention_days", "x"})}),
            (std::vector<std::pair<int, std::string>>{{0, "video.retention_days"}}));
  // Too many entries: the first row past the limit.
  SchoolList many;
  many.code = "S1";
  for (int i = 0; i <= static_cast<int>(kMaxEntries); ++i) many.rows.push_back(i + 2);
  const auto e = RowErrorOf(ListKind::kGuards, many, {"guards", "不能超过 200 条"});
  EXPECT_EQ(e.row, static_cast<int>(kMaxEntries) + 2);
  EXPECT_EQ(e.field, "学校代码");
  EXPECT_NE(e.reason.find("S1"), std::string::npos);
  many.rows.pop_back();
  EXPECT_EQ(RowErrorOf(ListKind::kGuards, many, {"guards", "x"}).row, 0);
}

TEST(SecurityLists, WrittenCellsReadBackAsTheSameEntries) {
  SchoolSecurity d;
  d.guards = {{1, "张三", true, "鄂001", D("1980-05-01"), "安保公司", "白班"},
              {2, "李四", false, "", std::nullopt, "", ""}};
  d.alarms = {{3, "门卫室", true, false, D("2026-11-30")}};
  d.posts = {{4, "南门", "morning", 3, {"police", "volunteer"}}, {5, "北门", "afternoon", 0, {}}};
  for (const auto kind : {ListKind::kGuards, ListKind::kAlarms, ListKind::kPosts}) {
    std::vector<ListRow> rows;
    int n = 2;
    for (auto cells : ListCells(kind, d)) {
      cells.insert(cells.begin(), {"S1", "一小"});
      EXPECT_EQ(cells.size(), ListColumns(kind).size());
      rows.push_back({n++, std::move(cells)});
    }
    const auto parsed = ParseList(kind, rows);
    EXPECT_TRUE(parsed.errors.empty()) << ListKey(kind);
    ASSERT_EQ(parsed.schools.size(), 1u);
    SchoolSecurity back = d;
    const auto m = ReplaceList(kind, back, parsed.schools[0]);
    EXPECT_EQ(m.added, 0) << ListKey(kind);
    EXPECT_EQ(m.removed, 0) << ListKey(kind);
    for (std::size_t i = 0; i < d.guards.size(); ++i) {
      EXPECT_EQ(back.guards[i].full_time, d.guards[i].full_time);
      EXPECT_EQ(back.guards[i].birth_date, d.guards[i].birth_date);
      EXPECT_EQ(back.guards[i].license_no, d.guards[i].license_no);
    }
    EXPECT_EQ(back.alarms[0].linked_bureau, d.alarms[0].linked_bureau);
    EXPECT_EQ(back.alarms[0].last_test, d.alarms[0].last_test);
    EXPECT_EQ(back.posts[0].kinds, d.posts[0].kinds);
    EXPECT_EQ(back.posts[1].peak, "afternoon");
  }
  const auto cells = ListCells(ListKind::kPosts, d);
  EXPECT_EQ(cells[0], (std::vector<std::string>{"南门", "上学", "3", "公安民警、志愿者/家长"}));
  EXPECT_EQ(cells[1], (std::vector<std::string>{"北门", "放学", "0", ""}));
  EXPECT_EQ(ListCells(ListKind::kGuards, d)[1],
            (std::vector<std::string>{"李四", "否", "", "", "", ""}));
}

}  // namespace
}  // namespace xiaoan::domain::security
