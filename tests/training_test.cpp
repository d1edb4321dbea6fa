// 安全培训: what a school enters (each problem naming its field), each person's next training
// (month ends, a session on the day it is due, sessions after today not counted), the due list's
// order, the vacation window before a semester, and the rules training.rotation and
// training.holiday at their edges; the sign-in sheet's names matched to the staff.
#include <gtest/gtest.h>

#include "domain/training/training.hpp"

namespace xiaoan::domain::training {
namespace {

using rules::Outcome;

calendar::Date D(const char* s) { return *calendar::ParseDate(s); }

KeyStaff P(std::int64_t id, const char* name, const char* post, const char* since = "2024-03-01") {
  KeyStaff p;
  p.id = id;
  p.unit_id = 7;
  p.name = name;
  p.post = post;
  p.since = since;
  p.version = 1;
  return p;
}

Session S(std::int64_t id, const char* kind, const char* on, std::vector<std::int64_t> ids,
          int others = 0) {
  Session s;
  s.id = id;
  s.unit_id = 7;
  s.title = std::string("培训") + std::to_string(id);
  s.kind = kind;
  s.held_on = on;
  s.hours = 2;
  s.staff_ids = std::move(ids);
  s.other_count = others;
  return s;
}

rules::ParamValues Values(const rules::RuleDecl& r) { return rules::Defaults(r); }

bool Names(const std::vector<ErrorDetail>& problems, const std::string& field) {
  for (const auto& p : problems) {
    if (p.field == field) return true;
  }
  return false;
}

TEST(TrainingStaffCheck, NamesEachField) {
  const auto today = D("2026-12-07");
  EXPECT_TRUE(CheckStaff(P(1, "张强", "security"), today).empty());
  auto bad = P(1, " ", "cook", "2026-12-08");
  bad.phone = "12345";
  bad.note = std::string(kMaxNoteChars + 1, 'x');
  const auto problems = CheckStaff(bad, today);
  EXPECT_TRUE(Names(problems, "name"));
  EXPECT_TRUE(Names(problems, "post"));
  EXPECT_TRUE(Names(problems, "phone"));
  EXPECT_TRUE(Names(problems, "since"));
  EXPECT_TRUE(Names(problems, "note"));
  EXPECT_EQ(problems.size(), 5U);
  // Today itself is allowed; a date that does not exist is not.
  EXPECT_TRUE(CheckStaff(P(1, "张强", "fire", "2026-12-07"), today).empty());
  EXPECT_TRUE(Names(CheckStaff(P(1, "张强", "fire", "2026-02-30"), today), "since"));
  // The name's length: 20 characters pass, 21 do not.
  std::string twenty;
  for (int i = 0; i < 20; ++i) twenty += "张";
  EXPECT_TRUE(CheckStaff(P(1, twenty.c_str(), "lab"), today).empty());
  EXPECT_TRUE(Names(CheckStaff(P(1, (twenty + "张").c_str(), "lab"), today), "name"));
  auto with_phone = P(1, "李明", "construction");
  with_phone.phone = "0571-87654321";
  EXPECT_TRUE(CheckStaff(with_phone, today).empty());
  with_phone.note = std::string(kMaxNoteChars, 'x');
  EXPECT_TRUE(CheckStaff(with_phone, today).empty());
}

TEST(TrainingSessionCheck, NamesEachField) {
  const auto today = D("2026-12-07");
  EXPECT_TRUE(CheckSession(S(1, "rotation", "2026-12-07", {1}), today).empty());
  auto bad = S(1, "party", "2026-12-08", {1, 2, 1}, -1);
  bad.title = "";
  bad.hours = 0.25;
  const auto problems = CheckSession(bad, today);
  EXPECT_TRUE(Names(problems, "title"));
  EXPECT_TRUE(Names(problems, "kind"));
  EXPECT_TRUE(Names(problems, "held_on"));
  EXPECT_TRUE(Names(problems, "hours"));
  EXPECT_TRUE(Names(problems, "staff_ids[2]"));
  EXPECT_TRUE(Names(problems, "other_count"));
  // Hours: half hours from 0.5 to 40.
  for (const double h : {0.5, 1.5, 40.0}) {
    auto ok = S(1, "topic", "2026-11-01", {}, 3);
    ok.hours = h;
    EXPECT_TRUE(CheckSession(ok, today).empty()) << h;
  }
  for (const double h : {0.0, 0.4, 1.2, 40.5}) {
    auto no = S(1, "topic", "2026-11-01", {}, 3);
    no.hours = h;
    EXPECT_TRUE(Names(CheckSession(no, today), "hours")) << h;
  }
  // Somebody attends: a key-post person or another attendee.
  EXPECT_TRUE(Names(CheckSession(S(1, "holiday", "2026-08-20", {}, 0), today), "staff_ids"));
  EXPECT_TRUE(CheckSession(S(1, "holiday", "2026-08-20", {}, 1), today).empty());
  EXPECT_TRUE(CheckSession(S(1, "holiday", "2026-08-20", {}, kMaxOthers), today).empty());
  EXPECT_TRUE(
      Names(CheckSession(S(1, "holiday", "2026-08-20", {}, kMaxOthers + 1), today), "other_count"));
  std::vector<std::int64_t> many;
  for (std::int64_t i = 1; i <= static_cast<std::int64_t>(kMaxAttendees); ++i) many.push_back(i);
  EXPECT_TRUE(CheckSession(S(1, "rotation", "2026-08-20", many), today).empty());
  many.push_back(static_cast<std::int64_t>(kMaxAttendees) + 1);
  EXPECT_TRUE(Names(CheckSession(S(1, "rotation", "2026-08-20", many), today), "staff_ids"));
}

TEST(TrainingLabels, Codes) {
  EXPECT_EQ(PostLabel("fire"), "消防安全");
  EXPECT_EQ(PostLabel("practice"), "实习实训");
  EXPECT_EQ(PostLabel("security"), "安保");
  EXPECT_EQ(PostLabel("cook"), "");
  EXPECT_EQ(KindLabel("holiday"), "假期安保培训（突发冲撞、侵害处置）");
  EXPECT_EQ(Posts().size(), 5U);
  EXPECT_EQ(Kinds().size(), 3U);
  EXPECT_EQ(DueStateCode(DueState::kDueSoon), "due_soon");
  EXPECT_EQ(DueStateLabel(DueState::kOverdue), "逾期");
  EXPECT_EQ(DueStateLabel(DueState::kInactive), "已停用");
  EXPECT_EQ(DueStateCode(DueState::kOk), "ok");
  EXPECT_EQ(DueStateCode(DueState::kInactive), "inactive");
  EXPECT_EQ(DueStateLabel(DueState::kOk), "正常");
  EXPECT_EQ(DueStateLabel(DueState::kDueSoon), "即将到期");
  EXPECT_EQ(DueStateCode(DueState::kOverdue), "overdue");
}

TEST(TrainingDue, TwelveMonthsAfterTheLastSessionAtTheMonthsEnd) {
  const auto p = P(1, "张强", "security", "2024-03-01");
  // Trained on 2025-01-31: due 2026-01-31; on 2025-03-31 + 11 months: 2026-02-28.
  const std::vector<Session> sessions = {S(10, "rotation", "2025-01-31", {1})};
  auto d = DueOf(p, sessions, 12, 30, D("2025-06-01"));
  EXPECT_EQ(d.last_trained, D("2025-01-31"));
  EXPECT_EQ(d.last_session_id, 10);
  EXPECT_EQ(d.last_session_title, "培训10");
  EXPECT_EQ(d.due_by, D("2026-01-31"));
  EXPECT_EQ(d.state, DueState::kOk);
  d = DueOf(p, {S(11, "rotation", "2025-03-31", {1})}, 11, 30, D("2025-06-01"));
  EXPECT_EQ(d.due_by, D("2026-02-28"));
  // On the day it is due: not yet overdue; the day after: overdue.
  EXPECT_EQ(DueOf(p, sessions, 12, 0, D("2026-01-31")).state, DueState::kOk);
  EXPECT_EQ(DueOf(p, sessions, 12, 0, D("2026-02-01")).state, DueState::kOverdue);
  // Due soon: fewer than warn_days away (30 days before is not yet, 29 is).
  EXPECT_EQ(DueOf(p, sessions, 12, 30, D("2026-01-01")).state, DueState::kOk);
  EXPECT_EQ(DueOf(p, sessions, 12, 30, D("2026-01-02")).state, DueState::kDueSoon);
  EXPECT_EQ(DueOf(p, sessions, 12, 30, D("2026-01-31")).state, DueState::kDueSoon);
}

TEST(TrainingDue, TheLatestSessionAttendedOnOrBeforeToday) {
  const auto p = P(1, "张强", "security", "2024-03-01");
  const std::vector<Session> sessions = {
      S(10, "rotation", "2025-05-10", {1}), S(11, "holiday", "2025-08-20", {2, 1}),
      S(12, "rotation", "2025-10-10", {2}),   // not attended
      S(13, "topic", "2025-08-20", {1}),      // same day, later record
      S(14, "rotation", "2025-12-01", {1})};  // after today
  const auto d = DueOf(p, sessions, 12, 30, D("2025-11-30"));
  EXPECT_EQ(d.last_trained, D("2025-08-20"));
  EXPECT_EQ(d.last_session_id, 13);
  EXPECT_EQ(d.due_by, D("2026-08-20"));
  // Two sessions on the same day: the later record wins whatever the order listed; an older
  // session listed after a newer one does not, whatever its id.
  const std::vector<Session> same_day = {S(13, "topic", "2025-08-20", {1}),
                                         S(11, "holiday", "2025-08-20", {1}),
                                         S(20, "rotation", "2025-01-01", {1})};
  EXPECT_EQ(DueOf(p, same_day, 12, 30, D("2025-11-30")).last_session_id, 13);
  EXPECT_EQ(DueOf(p, same_day, 12, 30, D("2025-11-30")).last_trained, D("2025-08-20"));
  // On the session's own day it counts.
  EXPECT_EQ(DueOf(p, sessions, 12, 30, D("2025-12-01")).last_session_id, 14);
  // Never trained: counted from the day they took the post.
  const auto never = DueOf(P(2, "李明", "fire", "2025-09-15"), {}, 12, 30, D("2026-06-01"));
  EXPECT_FALSE(never.last_trained.has_value());
  EXPECT_EQ(never.last_session_id, 0);
  EXPECT_EQ(never.due_by, D("2026-09-15"));
  EXPECT_EQ(never.state, DueState::kOk);
  EXPECT_EQ(DueOf(P(2, "李明", "fire", "2025-09-15"), {}, 12, 30, D("2026-09-16")).state,
            DueState::kOverdue);
  // No readable day to count from: overdue at once.
  EXPECT_EQ(DueOf(P(3, "赵六", "lab", ""), {}, 12, 30, D("2026-06-01")).state, DueState::kOverdue);
  // Inactive: no due day.
  auto gone = P(4, "钱七", "lab");
  gone.active = false;
  const auto inactive =
      DueOf(gone, {S(20, "rotation", "2025-01-01", {4})}, 12, 30, D("2026-06-01"));
  EXPECT_EQ(inactive.state, DueState::kInactive);
  EXPECT_FALSE(inactive.due_by.has_value());
  EXPECT_EQ(inactive.last_session_id, 20);
}

TEST(TrainingDue, TheListAcrossAYear) {
  auto gone = P(5, "钱七", "lab");
  gone.active = false;
  const std::vector<KeyStaff> staff = {P(1, "甲", "fire"), P(2, "乙", "security"),
                                       P(3, "丙", "lab"), P(4, "丁", "construction"), gone};
  const std::vector<Session> sessions = {S(10, "rotation", "2025-02-10", {1, 2, 3, 4}),
                                         S(11, "rotation", "2025-09-10", {1, 3}),
                                         S(12, "topic", "2025-11-20", {3})};
  // 2026-01-20: 2 and 4 are due 2026-02-10 (21 days: due soon), 1 due 2026-09-10, 3 2026-11-20.
  auto list = DueList(staff, sessions, 12, 30, D("2026-01-20"));
  ASSERT_EQ(list.size(), 5U);
  EXPECT_EQ(list[0].staff_id, 2);
  EXPECT_EQ(list[0].state, DueState::kDueSoon);
  EXPECT_EQ(list[1].staff_id, 4);
  EXPECT_EQ(list[2].staff_id, 1);
  EXPECT_EQ(list[3].staff_id, 3);
  EXPECT_EQ(list[4].staff_id, 5);
  // A month on, 2 and 4 are overdue and come first; then a session brings 4 back.
  list = DueList(staff, sessions, 12, 30, D("2026-02-11"));
  EXPECT_EQ(list[0].state, DueState::kOverdue);
  EXPECT_EQ(list[1].state, DueState::kOverdue);
  auto more = sessions;
  more.push_back(S(13, "rotation", "2026-02-11", {4}));
  list = DueList(staff, more, 12, 30, D("2026-02-11"));
  EXPECT_EQ(list[0].staff_id, 2);
  EXPECT_EQ(list[0].state, DueState::kOverdue);
  EXPECT_EQ(list[1].state, DueState::kOk);
  EXPECT_EQ(list[1].staff_id, 1);
  EXPECT_EQ(list[3].staff_id, 4);  // due 2027-02-11, after 3's 2026-11-20
  // Overdue comes before due soon.
  const std::vector<KeyStaff> two = {P(1, "甲", "fire"), P(2, "乙", "lab")};
  list = DueList(two, {S(10, "rotation", "2025-01-01", {1}), S(11, "rotation", "2025-02-20", {2})},
                 12, 60, D("2026-01-15"));
  EXPECT_EQ(list[0].staff_id, 1);
  EXPECT_EQ(list[0].state, DueState::kOverdue);
  EXPECT_EQ(list[1].state, DueState::kDueSoon);
  // Equal due days: by id.
  list = DueList({P(9, "甲", "fire"), P(3, "乙", "lab")}, {S(10, "rotation", "2025-05-01", {9, 3})},
                 12, 30, D("2025-06-01"));
  EXPECT_EQ(list[0].staff_id, 3);
}

TEST(TrainingHoliday, TheWindowBeforeASemester) {
  const std::vector<calendar::Term> terms = {{0, 2025, 1, D("2025-09-01"), D("2026-01-23")},
                                             {0, 2025, 2, D("2026-02-24"), D("2026-07-03")},
                                             {0, 2026, 1, D("2026-09-01"), D("2027-01-22")}};
  auto w = WindowBefore(terms[1], terms, 14);
  EXPECT_EQ(w.name, "寒假");
  EXPECT_EQ(w.from, D("2026-01-24"));
  EXPECT_EQ(w.to, D("2026-03-10"));
  w = WindowBefore(terms[2], terms, 0);
  EXPECT_EQ(w.name, "暑假");
  EXPECT_EQ(w.from, D("2026-07-04"));
  EXPECT_EQ(w.to, D("2026-09-01"));
  // A term ending on the day the judged one begins is not the one before it.
  const std::vector<calendar::Term> touching = {{0, 2025, 2, D("2026-02-24"), D("2026-09-01")},
                                                {0, 2026, 1, D("2026-09-01"), D("2027-01-22")}};
  EXPECT_EQ(WindowBefore(touching[1], touching, 0).from, D("2026-07-03"));
  // No term before it: the 60 days before its start.
  w = WindowBefore(terms[0], terms, 7);
  EXPECT_EQ(w.from, D("2025-07-03"));
  EXPECT_EQ(w.to, D("2025-09-08"));
}

TEST(TrainingRules, Declared) {
  ASSERT_EQ(RuleDecls().size(), 2U);
  EXPECT_TRUE(rules::CheckCatalog(RuleDecls()).empty());
  EXPECT_EQ(RotationRule().id, "training.rotation");
  EXPECT_EQ(RotationRule().measure, 17);
  EXPECT_EQ(RotationRule().period, rules::Period::kMonth);
  EXPECT_EQ(HolidayRule().id, "training.holiday");
  EXPECT_EQ(HolidayRule().measure, 19);
  EXPECT_EQ(HolidayRule().period, rules::Period::kSemester);
  EXPECT_EQ(Values(RotationRule()).at("interval_months"), 12);
  EXPECT_EQ(Values(RotationRule()).at("warn_days"), 30);
  EXPECT_EQ(Values(HolidayRule()).at("grace_days"), 14);
  EXPECT_EQ(Values(HolidayRule()).at("min_staff"), 5);
}

TEST(TrainingRotation, AtItsEdges) {
  const auto v = Values(RotationRule());
  const std::vector<KeyStaff> staff = {P(1, "张强", "security"), P(2, "李明", "fire")};
  const std::vector<Session> sessions = {S(10, "rotation", "2025-12-07", {1, 2})};
  // Nobody listed (or only people who left): failed.
  EXPECT_EQ(JudgeRotation({}, {}, v, D("2026-01-01")).outcome, Outcome::kFail);
  auto gone = P(3, "王五", "lab");
  gone.active = false;
  const auto none = JudgeRotation({gone}, {}, v, D("2026-01-01"));
  EXPECT_EQ(none.outcome, Outcome::kFail);
  EXPECT_EQ(none.reason, "尚未登记重点岗位人员");
  // Due 2026-12-07: pass 30 days before, warn 29 days before and on the day, fail the day after.
  auto r = JudgeRotation(staff, sessions, v, D("2026-11-07"));
  EXPECT_EQ(r.outcome, Outcome::kPass);
  EXPECT_EQ(r.reason, "2 名重点岗位人员均在轮训期内");
  EXPECT_EQ(r.evidence, std::vector<std::int64_t>{10});
  r = JudgeRotation(staff, sessions, v, D("2026-11-08"));
  EXPECT_EQ(r.outcome, Outcome::kWarn);
  EXPECT_NE(r.reason.find("张强、李明 即将到期"), std::string::npos);
  EXPECT_EQ(JudgeRotation(staff, sessions, v, D("2026-12-07")).outcome, Outcome::kWarn);
  r = JudgeRotation(staff, sessions, v, D("2026-12-08"));
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_EQ(r.reason, "张强、李明 轮训逾期");
  // warn_days 0: no warning.
  auto no_warn = v;
  no_warn["warn_days"] = 0;
  EXPECT_EQ(JudgeRotation(staff, sessions, no_warn, D("2026-12-07")).outcome, Outcome::kPass);
  // Six months: due 2026-06-07.
  auto six = v;
  six["interval_months"] = 6;
  EXPECT_EQ(JudgeRotation(staff, sessions, six, D("2026-06-08")).outcome, Outcome::kFail);
  // More than three overdue: three names and the count.
  std::vector<KeyStaff> many = {P(1, "甲", "fire"), P(2, "乙", "fire"), P(3, "丙", "fire"),
                                P(4, "丁", "fire")};
  r = JudgeRotation(many, {}, v, D("2026-06-01"));
  EXPECT_EQ(r.reason, "甲、乙、丙 等 4 人 轮训逾期");
  // Exactly three: all named.
  many.pop_back();
  EXPECT_EQ(JudgeRotation(many, {}, v, D("2026-06-01")).reason, "甲、乙、丙 轮训逾期");
  // The inactive are left out of the count and the evidence.
  auto with_gone = staff;
  with_gone.push_back(gone);
  auto with_gone_sessions = sessions;
  with_gone_sessions.push_back(S(11, "rotation", "2025-12-01", {3}));
  r = JudgeRotation(with_gone, with_gone_sessions, v, D("2026-11-07"));
  EXPECT_EQ(r.outcome, Outcome::kPass);
  EXPECT_EQ(r.reason, "2 名重点岗位人员均在轮训期内");
  EXPECT_EQ(r.evidence, std::vector<std::int64_t>{10});
}

TEST(TrainingHoliday, AtItsEdges) {
  auto v = Values(HolidayRule());  // min_staff 5
  const std::vector<KeyStaff> staff = {P(1, "张强", "security"), P(2, "李明", "fire"),
                                       P(3, "王五", "security")};
  const HolidayWindow w{D("2026-07-04"), D("2026-09-15"), "暑假"};
  // No session: due until the window closes, then failed.
  auto r = JudgeHoliday(staff, {}, w, v, D("2026-09-15"));
  EXPECT_EQ(r.outcome, Outcome::kDue);
  EXPECT_EQ(r.reason, "暑假（2026-07-04 至 2026-09-15）未开展假期安保培训，须在 2026-09-15 前完成");
  r = JudgeHoliday(staff, {}, w, v, D("2026-09-16"));
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_EQ(r.reason, "暑假（2026-07-04 至 2026-09-15）未开展假期安保培训");
  // On the window's first and last days it counts; a day outside does not.
  for (const char* on : {"2026-07-04", "2026-09-15"}) {
    r = JudgeHoliday(staff, {S(10, "holiday", on, {1}, 5)}, w, v, D("2026-10-01"));
    EXPECT_EQ(r.outcome, Outcome::kPass) << on;
    EXPECT_EQ(r.evidence, std::vector<std::int64_t>{10});
  }
  for (const char* on : {"2026-07-03", "2026-09-16"}) {
    EXPECT_EQ(JudgeHoliday(staff, {S(10, "holiday", on, {1}, 5)}, w, v, D("2026-10-01")).outcome,
              Outcome::kFail)
        << on;
  }
  // Another kind of session in the window does not count.
  EXPECT_EQ(
      JudgeHoliday(staff, {S(10, "rotation", "2026-08-20", {1}, 9)}, w, v, D("2026-10-01")).outcome,
      Outcome::kFail);
  // Staff: exactly min_staff pass (other attendees and key-post people of other posts count),
  // one fewer does not; security guards are not counted as staff.
  r = JudgeHoliday(staff, {S(10, "holiday", "2026-08-20", {1, 2, 3}, 4)}, w, v, D("2026-10-01"));
  EXPECT_EQ(r.outcome, Outcome::kPass);
  EXPECT_EQ(r.reason, "暑假 2026-08-20 开展假期安保培训，安保人员 2 人、教职工 5 人参加");
  r = JudgeHoliday(staff, {S(10, "holiday", "2026-08-20", {1, 3}, 4)}, w, v, D("2026-10-01"));
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_EQ(r.reason, "暑假假期安保培训教职工 4 人，少于 5 人");
  EXPECT_EQ(r.evidence, std::vector<std::int64_t>{10});
  // No security guard attended.
  r = JudgeHoliday(staff, {S(10, "holiday", "2026-08-20", {2}, 30)}, w, v, D("2026-09-01"));
  EXPECT_EQ(r.outcome, Outcome::kDue);
  EXPECT_EQ(r.reason, "暑假假期安保培训没有安保人员参加，须在 2026-09-15 前完成");
  // The best of two sessions is judged.
  r = JudgeHoliday(
      staff, {S(10, "holiday", "2026-08-20", {2}, 30), S(11, "holiday", "2026-08-25", {1}, 5)}, w,
      v, D("2026-10-01"));
  EXPECT_EQ(r.outcome, Outcome::kPass);
  EXPECT_EQ(r.evidence, std::vector<std::int64_t>{11});
  r = JudgeHoliday(staff,
                   {S(10, "holiday", "2026-08-20", {1}, 2), S(11, "holiday", "2026-08-25", {3}, 6)},
                   w, v, D("2026-10-01"));
  EXPECT_EQ(r.evidence, std::vector<std::int64_t>{11});
  EXPECT_EQ(r.outcome, Outcome::kPass);
  // One guard and one short of the staff: the staff are named, not the guards.
  r = JudgeHoliday(staff, {S(10, "holiday", "2026-08-20", {1}, 4)}, w, v, D("2026-10-01"));
  EXPECT_EQ(r.reason, "暑假假期安保培训教职工 4 人，少于 5 人");
  // Someone of another school among the attendees counts for nothing.
  EXPECT_EQ(JudgeHoliday(staff, {S(10, "holiday", "2026-08-20", {1, 99}, 4)}, w, v, D("2026-10-01"))
                .outcome,
            Outcome::kFail);
  // The best session: more guards first, then more staff; on a tie the first listed.
  r = JudgeHoliday(staff,
                   {S(10, "holiday", "2026-08-20", {1}, 6), S(11, "holiday", "2026-08-25", {3}, 2)},
                   w, v, D("2026-10-01"));
  EXPECT_EQ(r.evidence, std::vector<std::int64_t>{10});
  EXPECT_EQ(r.outcome, Outcome::kPass);
  r = JudgeHoliday(
      staff, {S(10, "holiday", "2026-08-20", {1, 3}, 5), S(11, "holiday", "2026-08-25", {1}, 9)}, w,
      v, D("2026-10-01"));
  EXPECT_EQ(r.evidence, std::vector<std::int64_t>{10});
  EXPECT_EQ(r.reason, "暑假 2026-08-20 开展假期安保培训，安保人员 2 人、教职工 5 人参加");
  r = JudgeHoliday(staff,
                   {S(10, "holiday", "2026-08-20", {1}, 5), S(11, "holiday", "2026-08-25", {3}, 5)},
                   w, v, D("2026-10-01"));
  EXPECT_EQ(r.evidence, std::vector<std::int64_t>{10});
  // min_staff 0: the guards alone suffice.
  v["min_staff"] = 0;
  EXPECT_EQ(
      JudgeHoliday(staff, {S(10, "holiday", "2026-08-20", {1})}, w, v, D("2026-10-01")).outcome,
      Outcome::kPass);
  // Someone not on the list (another school's id) counts for nothing.
  EXPECT_EQ(
      JudgeHoliday(staff, {S(10, "holiday", "2026-08-20", {99})}, w, v, D("2026-10-01")).outcome,
      Outcome::kFail);
}

TEST(TrainingSignIn, NamesMatchedToActiveStaff) {
  auto gone = P(4, "赵六", "lab");
  gone.active = false;
  const std::vector<KeyStaff> staff = {P(1, "张强", "security"), P(2, "李明", "fire"),
                                       P(3, "李明", "lab"), gone};
  const auto m = MatchSignIn({"张强", " 李明 ", "", "王老师", "张强", "赵六", "陈老师"}, staff);
  EXPECT_EQ(m.staff_ids, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(m.others, 3);  // 王老师, 赵六 (left the post), 陈老师
  EXPECT_EQ(MatchSignIn({}, staff).others, 0);
  EXPECT_EQ(MatchSignIn({"王老师", "王老师"}, staff).others, 1);
}

}  // namespace
}  // namespace xiaoan::domain::training
