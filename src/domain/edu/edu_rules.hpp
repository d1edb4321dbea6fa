#pragma once
// The 1530 rules as the rules engine declares them (measure 20): edu.1530.daily, .weekly and
// .holiday, each judged per school and school week from the sessions its classes had (computed
// on the school's calendar, reminders1530.hpp) and their check-ins.
#include <map>
#include <span>
#include <string>
#include <vector>

#include "domain/edu/edu.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain::edu {

std::span<const rules::RuleDecl> RuleDecls();
// The rule of a kind of session (edu.1530.daily …).
const rules::RuleDecl& RuleOf(SessionKind kind);

// The days after a session's own day on which a late check-in (补录) is still taken, as the
// kind's rule sets it (`values` per rule id; a missing rule uses its default).
int LateDays(const std::map<std::string, rules::ParamValues>& values, SessionKind kind);

// A class as the rules see it.
struct ClassFacts {
  std::int64_t id = 0;
  int grade = 0;
  calendar::Date since{};  // registered: no session before
};

// The three rules for the school week that contains `day`, judged on `today`: the sessions of
// the school's active classes that week, and how many of them were checked in (on the day or
// late). Pass when at least `min_rate` percent of the week's sessions are done; due while the
// week runs; fail once it ended. Not applicable without classes, without a session of that kind
// in the week (no holiday ahead), or while no dismissal time is set. `checkins` holds the check-in
// ids by class, day and kind with the day they were made.
struct CheckInFact {
  std::int64_t id = 0;
  calendar::Date on{};
};
std::vector<rules::Judgement> JudgeSchool(
    const calendar::SchoolCalendar& cal, const std::vector<calendar::Dismissal>& dismissals,
    const std::vector<ClassFacts>& classes,
    const std::map<std::pair<std::int64_t, CheckInKey>, CheckInFact>& checkins,
    const std::map<std::string, rules::ParamValues>& values, calendar::Date day,
    calendar::Date today);

}  // namespace xiaoan::domain::edu
