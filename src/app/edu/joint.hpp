#pragma once
// 联防联控 (measure 10; docs/education.md): the bureau gives the drowning-prevention member
// departments their tasks for the season; each department reports back; the bureau sees who has.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "domain/edu/joint.hpp"

namespace xiaoan::app {

struct JointDepartmentView {
  std::int64_t department_id = 0;
  std::string name;
  std::string kind;  // the department's kind (natural_resources, agriculture …)
  domain::edu::JointState state = domain::edu::JointState::kPending;
  std::optional<domain::edu::JointReport> report;
  // The report's photos, oldest first: read for a task's own page and the report's answer, not
  // for the list.
  std::vector<domain::StoredFile> files;
};
struct JointTaskView {
  domain::edu::JointTask task;
  std::vector<JointDepartmentView> departments;  // in the order given
  int reported = 0;                              // on time or late
  int overdue = 0;
  bool can_report = false;  // the caller's department is among them
  bool can_delete = false;  // the issuing bureau, while nobody has reported
};

// The bureau (edu:read): tasks issued in its scope; a department (edu:joint): the tasks given to
// it. Newest first, at most 200.
Result<std::vector<JointTaskView>> ListJointTasks(Services& s, const RequestContext& ctx);
Result<JointTaskView> GetJointTask(Services& s, const RequestContext& ctx, std::int64_t id);
// Issued by the caller's unit (edu:content) to departments; each department's liaisons are
// told. Audited as edu.joint.create.
Result<JointTaskView> CreateJointTask(Services& s, const RequestContext& ctx,
                                      domain::edu::JointTask in);
// Only while no department has reported (409 edu_joint.reported). Audited as edu.joint.delete.
Status DeleteJointTask(Services& s, const RequestContext& ctx, std::int64_t id);
// The caller's department reports (edu:joint), replacing its earlier report; the photos it
// uploaded (`file_ids`, errors naming file_ids[i]) are added to those of the earlier report. The
// issuing bureau's safety office is told. Audited as edu.joint.report.
Result<JointTaskView> ReportJointTask(Services& s, const RequestContext& ctx, std::int64_t id,
                                      domain::edu::JointReport in,
                                      const std::vector<std::int64_t>& file_ids = {});

// Registration (app/modules.cpp): a department's tasks still to report; the bureau's tasks with
// departments overdue.
TaskSource JointTaskSource();
// Registration (app/modules.cpp): a report's photos are readable by whoever may see its task.
FileSubject JointReportFileSubject();

}  // namespace xiaoan::app
