#pragma once
// 述职 (measure 2: "将安全责任落实情况纳入……各学校领导班子述职内容"): a school's year in safety for
// its leaders' annual report — the leaders' duty lists and the school's lists signed, hazards
// found and closed, drills held, training sessions, supervision orders received and answered, the
// district's work done on time, and the rules failed by period — as a page and a workbook
// (docs/duties.md).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace xiaoan::app {

struct LeaderYear {
  std::int64_t school_id = 0;
  std::string school_name;
  int year = 0;
  std::string as_of;  // YYYY-MM-DD: today, or the year's last day for a past year
  struct Leader {
    std::string name;
    std::string posts;  // 党组织书记、校长
    std::string state;  // 已签订 | 未签订 | 待重签
    std::string signed_on;
  };
  std::vector<Leader> leaders;  // holders of a school leader's post
  int lists = 0;
  int lists_signed = 0;
  std::int64_t hazards_found = 0;
  std::int64_t hazards_found_closed = 0;  // of those, closed by now
  std::int64_t hazards_closed = 0;        // closed in the year
  std::int64_t drills = 0;
  std::int64_t training_sessions = 0;
  std::int64_t supervision_orders = 0;    // raised in the year
  std::int64_t supervision_answered = 0;  // of those, replied or closed
  // The district's work deployed to the school (全区工作): its due days of the year up to as_of,
  // done on time, done late and not done after the day (a day due on as_of and not yet done is
  // none of these).
  int work_due = 0;
  int work_done = 0;
  int work_done_late = 0;
  int work_overdue = 0;
  struct Failing {
    std::string rule_id;
    std::string title;
    int measure = 0;
    int periods = 0;  // periods of the year judged 未达标
    std::string last_reason;
  };
  std::vector<Failing> failing;  // by measure, then rule
};

// The school named (a school's user: their own without it), the year given (this year without
// it; 422 `year` outside 2000 to this year). duty:read; 404 outside scope.
Result<LeaderYear> GetLeaderYear(Services& s, const RequestContext& ctx,
                                 std::optional<std::int64_t> unit_id, std::optional<int> year);
// The same as a workbook of two sheets (安全述职, 未达标规则); audited duty.export.
Result<std::string> ExportLeaderYear(Services& s, const RequestContext& ctx,
                                     std::optional<std::int64_t> unit_id, std::optional<int> year);

}  // namespace xiaoan::app
