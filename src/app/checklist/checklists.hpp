#pragma once
// Checklist templates (检查表): the shipped templates loaded as reference data, and a bureau's
// own templates — written, copied from a shipped one, imported from a spreadsheet, and revised
// into new versions. The campaigns and patrols that fill them in build on this.
#include <optional>
#include <string>
#include <string_view>

#include "app/context.hpp"
#include "domain/checklist/checklist.hpp"

namespace xiaoan::app {

struct ImportReport;

// Writes each shipped template whose code has no version yet (version 1, marked shipped); a
// district's own versions of a shipped code are left alone. Reference data of the binary, like
// the built-in roles: loaded without an audit record. The number written.
Result<int> EnsureShippedChecklists(Services& s);

// A template as its reader sees it. Shipped templates are seen by everyone who reads checklists;
// a bureau's own by the bureau, the units its scope covers and the schools below it.
struct TemplateView {
  domain::checklist::Template tmpl;
  bool latest = true;     // the newest version of its code
  bool can_edit = false;  // the caller may revise it (its owner's scope, newest, not shipped)
};

Result<domain::PageResult<TemplateView>> ListChecklistTemplates(
    Services& s, const RequestContext& ctx, domain::checklist::TemplateFilter filter,
    const domain::PageRequest& page);
Result<TemplateView> GetChecklistTemplate(Services& s, const RequestContext& ctx, std::int64_t id);

// A new template (version 1) of the caller's unit; a trusted local caller names the owner in
// in.owner_unit_id. An empty code is generated ("u<unit>.<n>").
Result<TemplateView> CreateChecklistTemplate(Services& s, const RequestContext& ctx,
                                             domain::checklist::Template in);
// Revises the newest version of one's own template: a changed item or applicability makes a new
// version (the old one stays with what uses it); a name or description alone is corrected in
// place; nothing changed writes nothing.
Result<TemplateView> EditChecklistTemplate(Services& s, const RequestContext& ctx, std::int64_t id,
                                           domain::checklist::Template in);
// A copy of any visible template (a shipped one, typically) as the caller's own, version 1.
Result<TemplateView> CopyChecklistTemplate(Services& s, const RequestContext& ctx, std::int64_t id,
                                           std::string name);

// The items of one template as .xlsx (the export doubles as the import template).
Result<std::string> ExportChecklistTemplate(Services& s, const RequestContext& ctx,
                                            std::int64_t id);
Result<std::string> ChecklistImportTemplate();

struct ChecklistImport {
  std::string format;                       // xlsx | xls | csv | "" (detected)
  std::optional<std::int64_t> template_id;  // a new version of this own template
  std::string name;                         // otherwise a new template of this name
};
// Reads the items from a spreadsheet in the export's layout. Any problem (each with its row and
// column) refuses the whole file and nothing is written.
Result<ImportReport> ImportChecklistTemplate(Services& s, const RequestContext& ctx,
                                             std::string_view bytes, const ChecklistImport& in,
                                             TemplateView* written = nullptr);

}  // namespace xiaoan::app
