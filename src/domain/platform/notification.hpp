#pragma once
// In-app notifications (站内通知) and their recipients, for every module: a module names the
// unit and the role whose holders are told, and the bell shows what is unread.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::domain {
struct PageRequest;
template <typename T>
struct PageResult;

struct Notification {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string kind;  // assigned, rejected, overdue, escalated, supervision, …
  std::string title;
  std::string body;
  std::string object_type;  // the record it is about, opened from the bell
  std::string object_id;
  std::string created_at;
  std::optional<std::string> read_at;
};

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  virtual Status Insert(Notification& n) = 0;  // assigns id
  // The user's notifications, newest first.
  virtual Result<PageResult<Notification>> List(std::int64_t user_id, bool unread_only,
                                                const PageRequest& page) = 0;
  virtual Result<std::int64_t> UnreadCount(std::int64_t user_id) = 0;
  // Marks one (id) or all (nullopt) of the user's notifications read; returns how many changed.
  virtual Result<std::int64_t> MarkRead(std::int64_t user_id, std::optional<std::int64_t> id,
                                        const std::string& at) = 0;
  // The active users of a unit holding a role: the recipients of a notification.
  virtual Result<std::vector<std::int64_t>> UsersWithRole(std::int64_t unit_id,
                                                          const std::string& role_code) = 0;
};

}  // namespace xiaoan::domain
