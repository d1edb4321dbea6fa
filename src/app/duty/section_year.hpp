#pragma once
// 述职 of a bureau section's head (measures 2 and 3: the sections' duties by stage and by business,
// and the district's work they lead): the section's supervision items and the plan's measures they
// serve, each piece of the district's work it led with its units' completion in the year, and the
// work deployed to the section itself — as a page and a workbook (docs/duties.md).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace xiaoan::app {

struct SectionYear {
  std::int64_t section_id = 0;
  std::string section_name;
  std::string bureau_name;
  int year = 0;
  std::string as_of;                // YYYY-MM-DD: today, or the year's last day for a past year
  std::vector<std::string> people;  // the section's active accounts
  struct Supervision {
    std::string title;
    std::string kind_label;  // 管学段（小学） or 管业务
    std::string measures;    // 1、5、8
    std::string person;
    bool person_active = true;
  };
  std::vector<Supervision> supervision;  // as the items page lists them
  std::vector<int> measures;             // the plan's measures the items serve, ascending
  // The figures of due days of the year up to as_of: done on time, done late, not done after the
  // day (a day due on as_of and not done is none of these).
  struct Figures {
    int due = 0;
    int done = 0;
    int done_late = 0;
    int overdue = 0;
  };
  struct Led {
    std::int64_t item_id = 0;
    std::string kind_label;
    std::string title;
    int units = 0;
    Figures figures;  // over the item's units
  };
  std::vector<Led> led;  // the work it led with a due day in the year, the newest first
  Figures led_total;
  Figures own;  // the work deployed to the section
};

// The section named (a user of the bureau names one of its sections; a section's user reads their
// own without it: 404 for another), the year given (this year without it; 422 `year` outside 2000
// to this year; 422 `section_id` when the bureau's user names none). duty:read; 403 for a school
// or a department.
Result<SectionYear> GetSectionYear(Services& s, const RequestContext& ctx,
                                   std::optional<std::int64_t> section_id, std::optional<int> year);
// The same as a workbook of three sheets (科室述职, 监管事项, 牵头工作); audited duty.export.
Result<std::string> ExportSectionYear(Services& s, const RequestContext& ctx,
                                      std::optional<std::int64_t> section_id,
                                      std::optional<int> year);

}  // namespace xiaoan::app
