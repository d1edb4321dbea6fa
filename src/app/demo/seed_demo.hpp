#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace xiaoan::app {

struct DemoOptions {
  std::uint64_t seed = 1;
  std::string scale = "district";  // district: one district; city: 25 districts
  bool hazard_history = false;     // a year of hazard ledger history (the CLI's default)
  // demo: a few hazards per school over one year, written with the organisation in one
  // transaction. bench: the data sets of docs/performance.md (district: ~500 hazards per school
  // over one year; city: ~1,000 per school over three years), written in batched transactions.
  std::string volume = "demo";
};

// How much hazard history to write per school.
struct HistoryVolume {
  int years = 1;
  int per_school_min = 2;
  int per_school_max = 8;
};
HistoryVolume HistoryVolumeOf(const std::string& scale, const std::string& volume);

struct DemoAccount {
  std::string username;
  std::string password;
  std::string unit;
  std::string role;
};

struct DemoSummary {
  int hazards = 0;
  int drills = 0;
  int patrols = 0;
  int security_records = 0;
  int screenings = 0;  // schools screened in the autumn round
  int campaign_sheets = 0;
  int whistles = 0;
  int edu_checkins = 0;
  int edu_lessons = 0;
  int letter_receipts = 0;
  int waters = 0;
  int drowning_warnings = 0;
  int joint_reports = 0;
  int bus_records = 0;
  int campus_records = 0;
  int emergency_setups = 0;
  int training_records = 0;  // key-post staff and sessions
  int safety_offices = 0;
  int duty_lists = 0;
  int supervision_items = 0;
  int work_items = 0;
  int regions = 0;
  int bureaus = 0;
  int schools = 0;
  int departments = 0;
  std::vector<DemoAccount> accounts;
};

// The bureau's semesters of 2026 (at city scale the city bureau publishes them too; its
// districts keep their own).
Status SeedDemoTerms(domain::Tx& tx, domain::UnitId bureau);
// The district's semesters and dismissal times at its bureau, and the schools' own dismissal
// times and days off, inside the caller's transaction.
Status SeedDemoCalendar(domain::Tx& tx, domain::UnitId bureau,
                        const std::vector<domain::School>& schools);

// The demo bureau's own checklist templates (a revised copy of a shipped one, and its own), in
// the caller's transaction; the number of versions written.
Result<int> SeedDemoChecklists(domain::Tx& tx, domain::UnitId bureau);

// Writes the hazard history of the given schools inside the caller's transaction; returns how
// many hazards it created. The schools with demo accounts get no fire hazards.
Result<int> SeedHazardHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools,
                              const HistoryVolume& volume = {});

// Writes a year of drills for the given schools and judges them on the drill rules for each
// month that passed, inside the caller's transaction; returns how many drills it wrote. The
// schools with demo accounts have not drilled in the current month yet.
Result<int> SeedDrillHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                             const std::vector<domain::UnitId>& schools,
                             const std::vector<domain::UnitId>& account_schools);

// Four weeks of canteen patrols at the given schools (the first one missed yesterday's) and
// their weeks judged on patrol.done, inside the caller's transaction; the patrols written.
Result<int> SeedPatrolHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools);

// The security records of the given schools since September, each month judged on the security
// rules as it stood on its last day, inside the caller's transaction; the schools with a
// record. The first account school is a guard short today.
Result<int> SeedSecurityHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools);

// How the 1530 history is written: the demo judges the last weeks; the benchmark data sets do
// not, and leave the sessions of the last `open_days` days unrecorded (the check-in row's).
struct EduHistoryOptions {
  bool judge = true;
  int open_days = 0;
};
// Writes every school's classes and their 1530 check-ins since the spring semester, and judges
// the last weeks on the 1530 rules; returns the check-ins written.
Result<int> SeedEduHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                           const std::vector<domain::UnitId>& schools,
                           const std::vector<domain::UnitId>& account_schools,
                           EduHistoryOptions options = {});

// Writes the schools' safety education records since the spring semester (开学第一课,
// anti-bullying lessons, the dated days and months, themed lessons), inside the caller's
// transaction; returns the records written. The first account school lacks this semester's
// anti-bullying lesson and its 消防宣传月 activity.
Result<int> SeedLessonHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools);

// Each school's 致家长的一封信 for the term around today, published two weeks into the term with
// a link per class, and its parents' receipts (most classes nearly all, a school in five about
// two thirds); the first account school also has its winter-vacation letter as a draft. Inside
// the caller's transaction; returns the receipts written.
Result<int> SeedLetterHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools);

// The water near the schools (most rural, township and fringe schools one to three, a few town
// schools one further off), with their measures; the first account school has a pond 300 m away
// with only a warning sign. Inside the caller's transaction; returns the waters written.
Result<int> SeedWaterHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                             const std::vector<domain::UnitId>& schools,
                             const std::vector<domain::UnitId>& account_schools);

// 校车台账: about a third of the rural and township schools run a school bus (provider, vehicle,
// driver, monitor, route), a few failing a bus rule; the first account school has a second
// vehicle whose 校车标牌 expired. Inside the caller's transaction, each school judged on the bus
// rules; returns the records written.
Result<int> SeedBusHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                           const std::vector<domain::UnitId>& schools,
                           const std::vector<domain::UnitId>& account_schools);

// 校内交通: staff cars and a supplier's van with their gates and hours, the teachers' e-bikes (a
// few without a plate, modified or unchecked) and the gate's refusals of the last weeks, at the
// first account school and about half the others. Inside the caller's transaction, each school
// judged on traffic.ebike; returns the records written.
Result<int> SeedCampusHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools);

// 应急处置: most schools' command structure, minimal emergency unit and plans, a few short of
// what a rule asks, some with nothing; the first account school without a volunteer. Inside the
// caller's transaction, each school judged on the emergency rules; returns the setups written.
Result<int> SeedEmergencyHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                 const std::vector<domain::UnitId>& schools,
                                 const std::vector<domain::UnitId>& account_schools);

// 安全培训: most schools' key-post staff and a year of rotation, topic and holiday sessions, some
// people overdue and some vacations without a holiday session; the guard 张强 overdue at the
// first account school. Inside the caller's transaction, each school judged on the training
// rules; returns the people and sessions written.
Result<int> SeedTrainingHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools);

// 安全监管机构: the bureau's office and most schools' offices with their members, a few short of
// staff; the first account school without a full-time member. Inside the caller's transaction,
// each school judged on staffing.office; returns the offices written.
Result<int> SeedStaffingHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                domain::UnitId bureau, const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools);

// 安全责任: the bureau's revision of one template, the duty lists of the account schools' leader,
// safety officer and teacher (one unsigned, one to sign again) and their 三管三必须 owners. Inside
// the caller's transaction, each school judged on the duty rules; returns the lists written.
Result<int> SeedDutyHistory(Services& s, domain::Tx& tx,
                            const std::vector<domain::UnitId>& account_schools);

// 监管事项: the items of the bureau's five sections, each assigned to the section's head, two of
// the plan's measures left without a section. Inside the caller's transaction; returns the items.
Result<int> SeedSupervisionHistory(Services& s, domain::Tx& tx, domain::UnitId bureau);

// 全区“一盘棋”: the bureau's work of the term deployed to its schools and sections, with the units'
// reports (some late, a few missing; the account schools' last monthly report open). Inside the
// caller's transaction; returns the items.
Result<int> SeedWorkHistory(Services& s, domain::Tx& tx, std::uint64_t seed, domain::UnitId bureau,
                            const std::vector<domain::UnitId>& account_schools);

// 防溺水警示提醒: the bureau's campaigns of the summer and each class's warnings on its warning
// days up to yesterday (a 1530 check-in about drowning already counts), with some schools short;
// the class teacher with an account has their last two days left. Inside the caller's
// transaction, after the 1530 history; returns the warnings written.
Result<int> SeedDrowningHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                                domain::UnitId bureau, const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools);

// 联防联控: the bureau's tasks of the year for the drowning-prevention member departments and
// their reports (one late, one department never reporting on the spring task); a winter task
// issued three days ago is still open. Inside the caller's transaction; returns the reports.
Result<int> SeedJointHistory(Services& s, domain::Tx& tx, domain::UnitId bureau);

// The whistles of the given schools since March, routed by the default table and followed up
// as departments do (some acknowledged late and escalated), inside the caller's transaction; the
// whistles written. The first account school has three open ones, one at each step.
Result<int> SeedWhistleHistory(Services& s, domain::Tx& tx, std::uint64_t seed,
                               const std::vector<domain::UnitId>& schools,
                               const std::vector<domain::UnitId>& account_schools);

// The demo district's autumn fire-safety campaign as it stands today (deployed, most schools
// self-inspected and submitted, the first account school still at it), through the campaign use
// cases in their own transactions; the sheets filled.
// `office` is the bureau's safety office that deploys it.
Result<int> SeedCampaignHistory(Services& s, std::uint64_t seed, domain::UnitId bureau,
                                const std::vector<domain::UnitId>& schools,
                                const std::vector<domain::UnitId>& account_schools,
                                const std::string& office);

// The demo district's autumn screening round of the four security indicators as it stands today
// (opened a fortnight ago, most schools screened this month with hazards for what they failed,
// about half of those repaired since and their hazards closed by the rules; the first account
// school not screened yet), through the screening use cases; the schools screened.
Result<int> SeedSecurityRound(Services& s, std::uint64_t seed, domain::UnitId bureau,
                              const std::vector<domain::UnitId>& schools,
                              const std::vector<domain::UnitId>& account_schools,
                              const std::string& office);

// Seeds the fictional 示范区 (or 示范市 at city scale) deterministically from the seed; refuses
// a database that already holds organisation data. Generated passwords are returned once.
Result<DemoSummary> SeedDemo(Services& s, const RequestContext& ctx, const DemoOptions& options);

}  // namespace xiaoan::app
