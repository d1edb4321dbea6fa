#pragma once
// 监管事项 (measure 2, docs/duties.md): the matters each section of the bureau oversees
// (管学段/管业 务), tied to the plan's measures and assigned to a post and a person of the section;
// the coverage of the plan's 21 measures by section; the workbooks; each person's own items.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/platform.hpp"
#include "domain/duty/supervision.hpp"

namespace xiaoan::app {

struct SupervisionItemsView {
  std::int64_t bureau_id = 0;
  std::string bureau_name;
  std::vector<domain::duty::SupervisionItem> items;  // by section, then as added
  struct Person {
    std::int64_t user_id = 0;
    std::string name;
  };
  struct Section {
    std::int64_t id = 0;
    std::string name;
    std::vector<Person> people;  // its active accounts, for the person's choice
  };
  std::vector<Section> sections;  // the bureau's sections in order
  bool can_edit = false;          // duty:template
};
// The items of the caller's bureau (duty:read, at the bureau or one of its sections; 403
// otherwise), of one section when section_id is given.
Result<SupervisionItemsView> GetSupervisionItems(Services& s, const RequestContext& ctx,
                                                 std::optional<std::int64_t> section_id);
// A new item (version 0) or a change at the version read (409 duty.stale) — duty:template: the
// section one of the bureau's (section_id), the person an active account of the section
// (person_user_id); audited duty.supervision.add / duty.supervision.edit. A trusted caller names
// the bureau in bureau_id.
Result<domain::duty::SupervisionItem> SaveSupervisionItem(Services& s, const RequestContext& ctx,
                                                          domain::duty::SupervisionItem in);
// At the version read (409 duty.stale); audited duty.supervision.delete.
Status DeleteSupervisionItem(Services& s, const RequestContext& ctx, std::int64_t id, int version);

struct SupervisionCoverageView {
  std::int64_t bureau_id = 0;
  std::string bureau_name;
  domain::duty::Coverage coverage;
  std::vector<std::string> measure_titles;  // the shipped plan's, 1–21 at [0]–[20]
};
Result<SupervisionCoverageView> GetSupervisionCoverage(Services& s, const RequestContext& ctx);
// The items, and the coverage, as workbooks (duty:read; audited duty.supervision.export).
Result<std::string> ExportSupervisionItems(Services& s, const RequestContext& ctx);
Result<std::string> ExportSupervisionCoverage(Services& s, const RequestContext& ctx);
// The import template (科室*, 类别*, 学段, 监管事项*, 说明, 对应措施*, 岗位*, 责任人用户名*) with a
// sheet of notes.
Result<std::pair<std::string, std::string>> SupervisionItemTemplate();
// Items added from a workbook (duty:template), all or nothing, problems by row and column;
// audited duty.supervision.import.
Result<ImportReport> ImportSupervisionItems(Services& s, const RequestContext& ctx,
                                            std::string_view bytes, const std::string& format);
// The signed-in user's own items (any login).
Result<std::vector<domain::duty::SupervisionItem>> GetMySupervisionItems(Services& s,
                                                                         const RequestContext& ctx);
// 我的待办 for duty:template at a bureau: the plan's measures no section's item covers, and the
// items whose person left the section.
TaskSource SupervisionCoverageTaskSource();

}  // namespace xiaoan::app
