#pragma once
// The platform's services for every module: files, notifications and supervision orders. A
// module uses these instead of keeping its own (docs/modules.md).
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/content_type.hpp"
#include "domain/store.hpp"

namespace xiaoan::app {

// ---- Files -------------------------------------------------------------------------------------
// Checked by content (JPEG, PNG, WebP, PDF) and size, stored by content hash.
struct FileContent {
  domain::StoredFile file;
  std::string bytes;
};
Result<domain::StoredFile> UploadFile(Services& s, const RequestContext& ctx,
                                      const std::string& name, const std::string& bytes);
// A file attached to a record is readable by whoever may read that record (the subject's
// visibility, see FileSubjects); one not attached yet, by its uploader only.
Result<FileContent> ReadFile(Services& s, const RequestContext& ctx, std::int64_t id);
// The content type of bytes a record may carry: SniffContentType (core/content_type.hpp).
// For a module's write: the caller's own unattached uploads (errors name file_ids[i]), then
// attaching them to the module's record.
Result<std::vector<domain::StoredFile>> ClaimFiles(domain::Tx& tx, const RequestContext& ctx,
                                                   const std::vector<std::int64_t>& ids);
Status AttachFiles(domain::Tx& tx, const std::vector<domain::StoredFile>& files,
                   const std::string& subject_type, std::int64_t subject_id);

// Whether the caller may read a module's record (not found when not): decides who may
// download the files attached to it.
struct FileSubject {
  std::string type;  // the subject type the module attaches files with, e.g. "hazard"
  std::function<Status(domain::Tx&, const RequestContext&, std::int64_t id)> visible;
};

// ---- Notifications -----------------------------------------------------------------------------
// The active holders of any of the roles at a unit, each once.
Result<std::vector<std::int64_t>> Recipients(domain::Tx& tx, std::int64_t unit_id,
                                             const std::vector<std::string>& role_codes);
// One notification per user (each once), about a record; `except_username` is not told (the
// person who acted).
struct NotificationInput {
  std::string kind;
  std::string title;
  std::string body;
  std::string object_type;
  std::string object_id;
};
Status Notify(Services& s, domain::Tx& tx, const std::vector<std::int64_t>& users,
              const NotificationInput& in, const std::string& except_username = {});

struct NotificationPage {
  domain::PageResult<domain::Notification> page;
  std::int64_t unread = 0;
};
Result<NotificationPage> ListNotifications(Services& s, const RequestContext& ctx, bool unread_only,
                                           const domain::PageRequest& page);
Result<std::int64_t> MarkNotificationsRead(Services& s, const RequestContext& ctx,
                                           std::optional<std::int64_t> id);

// ---- Supervision orders (督办单)
// ----------------------------------------------------------------- Raises an order on a module's
// record inside the module's write; the school's leaders and safety officers are told.
Status RaiseSupervisionOrder(Services& s, domain::Tx& tx, domain::SupervisionOrder& order);
Result<domain::PageResult<domain::SupervisionOrder>> ListSupervisionOrders(
    Services& s, const RequestContext& ctx, const domain::OrderFilter& filter,
    const domain::PageRequest& page);
Result<domain::SupervisionOrder> ReplySupervisionOrder(Services& s, const RequestContext& ctx,
                                                       std::int64_t id, const std::string& reply);
Result<domain::SupervisionOrder> CloseSupervisionOrder(Services& s, const RequestContext& ctx,
                                                       std::int64_t id);
// What a module does inside the write that answers or closes an order on its record: the hazard
// ledger puts the step on the hazard's timeline and lifts 挂牌督办 with its last open order.
struct SupervisionSubject {
  std::string type;  // the order's subject_type, e.g. "hazard"
  std::function<Status(Services&, domain::Tx&, const RequestContext&,
                       const domain::SupervisionOrder&)>
      changed;
};
// The open and answered orders on one record (the ones not yet closed).
Result<std::int64_t> UnclosedOrders(domain::Tx& tx, const std::string& subject_type,
                                    std::int64_t subject_id);

// ---- People ------------------------------------------------------------------------------------
// The active staff of a unit in the caller's scope (the caller's own unit by default), to choose
// a person by name and role; `q` matches a name or username. At most kStaffLimit.
struct StaffMember {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  domain::UnitId unit_id = 0;
  std::string unit_name;
  struct RoleName {
    std::string code;
    std::string name;
  };
  std::vector<RoleName> roles;
};
inline constexpr int kStaffLimit = 500;
Result<std::vector<StaffMember>> ListStaff(Services& s, const RequestContext& ctx,
                                           std::optional<domain::UnitId> unit_id,
                                           const std::string& q);
// Usernames a record keeps → their display names (accounts that exist and have one; "system"
// and command-line actors are left out).
Result<std::map<std::string, std::string>> DisplayNames(domain::Tx& tx,
                                                        const std::vector<std::string>& usernames);

// ---- My tasks (我的待办) -----------------------------------------------------------------------
// What waits for the caller, one group per kind of work, from the records in the caller's scope.
// Each module contributes its groups (TaskSources in app/modules.hpp).
struct TaskItem {
  std::string subject_type;  // the record to open: "hazard", "whistle"
  std::int64_t subject_id = 0;
  std::optional<std::int64_t> order_id;  // a supervision order's items: the order
  std::string title;
  std::string school_name;
  std::string due;  // YYYY-MM-DD, or empty
  bool overdue = false;
};
struct TaskGroup {
  std::string kind;  // hazard.assign, supervision.reply, whistle.todo, …
  std::string label;
  std::int64_t count = 0;
  std::int64_t overdue = 0;
  std::vector<TaskItem> items;  // at most kTaskItems, most urgent first
};
inline constexpr int kTaskItems = 5;
// A group's overdue records are counted over at most this many of its records.
inline constexpr int kTaskScan = 200;
// A module's groups for the caller (none for a permission the caller lacks).
struct TaskSource {
  std::string module;
  std::function<Result<std::vector<TaskGroup>>(Services&, const RequestContext&)> groups;
};
Result<std::vector<TaskGroup>> ListMyTasks(Services& s, const RequestContext& ctx);
// The platform's own groups: supervision orders to answer, to close and answered late.
TaskSource SupervisionTaskSource();

// Personal-information fields (docs/security.md, GM profile): brings every protected column to
// the configured state (sealed with the newest field key, or plain) in one write, audited as
// fields.protect when anything changed. Run by the server at start and by
// `xiaoan protect-fields` (turning the profile on or off for an existing database, or re-sealing
// after a key rotation).
Result<domain::FieldProtectionReport> ProtectPersonalFields(Services& s, const RequestContext& ctx);

}  // namespace xiaoan::app
