#pragma once
// The plan as data: the 规范落实年 plan's 8 actions and 21 measures, which the plan board groups
// the rules by (each rule declares its measure).
#include <string>
#include <vector>

namespace xiaoan::domain::plan {

struct Measure {
  int number = 0;  // 1–21
  std::string title;
};

struct Action {
  int number = 0;  // 1–8
  std::string title;
  std::vector<Measure> measures;
};

// The plan Xiaoan ships (规范落实年 2026): every measure once, numbered 1–21 in order.
const std::vector<Action>& DefaultPlan();

}  // namespace xiaoan::domain::plan
