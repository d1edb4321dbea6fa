#pragma once
// The drill rules as the rules engine declares them (measure 13), and their pure evaluation on a
// school's calendar: drill.fire_semester, drill.night_boarding, drill.monthly (kindergartens by
// quarter), drill.semester_floor, drill.school_bus and drill.time (a warning on one record).
#include <map>
#include <span>
#include <string>
#include <vector>

#include "domain/drill/drill.hpp"
#include "domain/rules/rules.hpp"

namespace xiaoan::domain::drill {

std::span<const rules::RuleDecl> RuleDecls();

// What the rules read of a school.
struct SchoolFacts {
  std::string stage;  // kindergarten, primary, …
  bool boarding = false;
  int school_buses = 0;
};

using rules::Judgement;

// Every school rule for the periods that contain `day` (a semester rule gives nothing outside
// the terms), judged on `today` with the school's drills (any span that covers those periods)
// and the values in force per rule (a rule missing from `values` uses its defaults).
std::vector<Judgement> JudgeSchool(const SchoolFacts& school, std::span<const Drill> drills,
                                   const calendar::SchoolCalendar& cal,
                                   const std::map<std::string, rules::ParamValues>& values,
                                   calendar::Date day, calendar::Date today);

// drill.time on one record: evacuation slower than the limit in a low building is a warning.
rules::Verdict JudgeTime(const Drill& d, const rules::ParamValues& values);

}  // namespace xiaoan::domain::drill
