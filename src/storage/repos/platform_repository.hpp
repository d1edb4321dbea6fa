#pragma once
// The platform's repositories, shared by every module: files, notifications, supervision orders.
#include "domain/store.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

// The columns of a stored file, for queries that read files together with a module's own table
// (alias f for files): ReadStoredFile reads them at the start of a row.
inline constexpr const char* kStoredFileColumns =
    "f.id, f.name, f.content_type, f.size, f.sha256, f.uploaded_by, f.unit_id, f.uploaded_at, "
    "f.subject_type, f.subject_id";
inline constexpr std::size_t kStoredFileColumnCount = 10;
domain::StoredFile ReadStoredFile(const sql::Rows& r, std::size_t i);

class SqlFileRepository final : public domain::FileRepository {
 public:
  explicit SqlFileRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::StoredFile& f) override;
  Result<std::optional<domain::StoredFile>> Find(std::int64_t id) override;
  Status Attach(std::int64_t file_id, const std::string& subject_type,
                std::int64_t subject_id) override;
  Result<std::vector<domain::StoredFile>> OfSubject(const std::string& subject_type,
                                                    std::int64_t subject_id) override;

 private:
  sql::Connection& conn_;
};

class SqlNotificationRepository final : public domain::NotificationRepository {
 public:
  explicit SqlNotificationRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::Notification& n) override;
  Result<domain::PageResult<domain::Notification>> List(std::int64_t user_id, bool unread_only,
                                                        const domain::PageRequest& page) override;
  Result<std::int64_t> UnreadCount(std::int64_t user_id) override;
  Result<std::int64_t> MarkRead(std::int64_t user_id, std::optional<std::int64_t> id,
                                const std::string& at) override;
  Result<std::vector<std::int64_t>> UsersWithRole(std::int64_t unit_id,
                                                  const std::string& role_code) override;

 private:
  sql::Connection& conn_;
};

class SqlSupervisionRepository final : public domain::SupervisionRepository {
 public:
  explicit SqlSupervisionRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(domain::SupervisionOrder& o) override;
  Status Update(const domain::SupervisionOrder& o) override;
  Result<std::optional<domain::SupervisionOrder>> Find(std::int64_t id,
                                                       const domain::ScopeFilter& scope) override;
  Result<domain::PageResult<domain::SupervisionOrder>> List(
      const domain::OrderFilter& f, const domain::ScopeFilter& scope,
      const domain::PageRequest& page) override;

 private:
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
