#pragma once
// The Store over a connection pool: each Read/Write is one transaction on one pooled connection.
#include <atomic>
#include <memory>

#include "core/field_cipher.hpp"
#include "domain/store.hpp"
#include "storage/repos/hazard_repository.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class GroupCommitter;
class AuditAnchor;

// On SQLite, writes go through a group committer: one thread runs the queued writes one after
// another, each inside its own savepoint of a shared transaction, and commits them together, so
// that one fsync (synchronous=FULL) makes a whole batch durable. A write still succeeds or fails
// on its own (a failed one is rolled back to its savepoint), and Write returns only after the
// commit that holds it. RunInWriteBatch hands the committer a whole job (a short write request)
// whose Reads and Writes run in the batch and whose answer waits for the commit, so no thread
// sleeps until then. PostgreSQL groups concurrent commits by itself: each write is its own
// transaction there.
class SqlStore final : public domain::Store {
 public:
  SqlStore(std::unique_ptr<sql::Pool> pool, domain::AuditHash hash);
  ~SqlStore() override;
  Status Read(const std::function<Status(domain::Tx&)>& work) override;
  Status Write(const std::function<Status(domain::Tx&)>& work) override;
  bool RunInWriteBatch(std::function<void()> job,
                       std::function<void(const Status& committed)> done) override;
  domain::AuditHash audit_hash() const override { return hash_; }
  // Anchors the audit chain's head outside the database after every commit that appended to the
  // log. Set once, before the store is used.
  void SetAuditAnchor(std::shared_ptr<AuditAnchor> anchor);
  Result<std::optional<domain::AuditHead>> AnchoredAuditHead() override;
  // Seals and opens the protected personal-information columns (field_protection.hpp). Set
  // once, before the store is used; none: the columns are written in plain text.
  void SetFieldCipher(std::shared_ptr<const FieldCipher> cipher);
  Result<domain::FieldProtectionReport> ProtectFields(
      const std::function<Status(domain::Tx&, const domain::FieldProtectionReport&)>& after)
      override;
  Status ReanchorAudit(const domain::AuditHead& head) override;
  std::uint64_t access_epoch() const override { return epoch_.load(); }
  sql::Pool& pool() { return *pool_; }

 private:
  Status Run(bool write, const std::function<Status(domain::Tx&)>& work);
  std::unique_ptr<sql::Pool> pool_;
  domain::AuditHash hash_;
  std::shared_ptr<AuditAnchor> anchor_;
  std::shared_ptr<const FieldCipher> cipher_;
  std::atomic<std::uint64_t> epoch_{0};
  RuleSettingsCache rule_settings_;
  std::unique_ptr<GroupCommitter> committer_;
};

// Schema migrations, embedded per dialect (src/storage/migrations/<dialect>/NNNN_name.sql).
int LatestSchemaVersion(sql::Dialect dialect);
Result<int> CurrentSchemaVersion(sql::Connection& conn);
// Applies pending migrations, each in its own transaction, recording them in schema_migrations.
// Refuses (failed_precondition) a database whose schema is newer than this binary.
// up_to stops after that version (tests of an upgrade from an older schema with data in it).
Result<int> Migrate(sql::Pool& pool, const std::string& now, int up_to = 1 << 30);
Status CheckSchemaNotNewer(sql::Pool& pool);

// Logical backup: every table as JSON lines, readable by either store. With files_dir (the file
// store), the contents the `files` table names are copied beside it into <path>.files/, each
// checked against its digest, so that a restore is whole.
Status BackupToFile(sql::Pool& pool, const std::string& path, const std::string& files_dir = {});
// The tables a backup writes, in restore order, and the tables it leaves out on purpose (figures
// the triggers rebuild, and the migrations' own record). Together they must be every table of
// the schema: a test compares them with SchemaTables on both stores.
std::vector<std::string> BackupTables();
std::vector<std::string> TablesLeftOutOfBackup();
// Every table of the connected database's schema, sorted.
Result<std::vector<std::string>> SchemaTables(sql::Connection& conn);
// Restores a backup into an empty, migrated database (refuses one that holds data).
// With files_dir, the contents its `files` rows name are copied from <path>.files/ into the file
// store; one missing from both refuses the whole restore.
Result<std::int64_t> RestoreFromFile(sql::Pool& pool, const std::string& path,
                                     const std::string& files_dir = {});
// Where a backup at `path` keeps its files.
std::string BackupFilesDir(const std::string& path);

}  // namespace xiaoan::storage
