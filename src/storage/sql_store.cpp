#include "storage/sql_store.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "storage/audit_anchor.hpp"
#include "storage/field_protection.hpp"
#include "storage/repos/audit_user_repository.hpp"
#include "storage/repos/bus_repository.hpp"
#include "storage/repos/calendar_repository.hpp"
#include "storage/repos/campaign_repository.hpp"
#include "storage/repos/campus_repository.hpp"
#include "storage/repos/checklist_repository.hpp"
#include "storage/repos/content_repository.hpp"
#include "storage/repos/drill_plan_repository.hpp"
#include "storage/repos/drill_repository.hpp"
#include "storage/repos/drowning_repository.hpp"
#include "storage/repos/duty_repository.hpp"
#include "storage/repos/edu_repository.hpp"
#include "storage/repos/emergency_repository.hpp"
#include "storage/repos/hazard_repository.hpp"
#include "storage/repos/joint_repository.hpp"
#include "storage/repos/lesson_repository.hpp"
#include "storage/repos/letter_repository.hpp"
#include "storage/repos/minors_repository.hpp"
#include "storage/repos/org_repository.hpp"
#include "storage/repos/patrol_repository.hpp"
#include "storage/repos/plan_repository.hpp"
#include "storage/repos/platform_repository.hpp"
#include "storage/repos/query_builder.hpp"
#include "storage/repos/rule_repository.hpp"
#include "storage/repos/security_repository.hpp"
#include "storage/repos/staffing_repository.hpp"
#include "storage/repos/training_repository.hpp"
#include "storage/repos/water_repository.hpp"
#include "storage/repos/whistle_repository.hpp"

namespace xiaoan::storage {
namespace {

// After a commit that appended to the audit log: the head, read on the same connection, is
// anchored outside the database. The write is committed whatever happens here; a failed anchor
// is logged, and verification reports the records past the anchored head.
void AnchorAuditHead(sql::Connection& c, AuditAnchor* anchor, std::int64_t first_id) {
  if (anchor == nullptr) return;
  auto last = c.Query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  Status st = last.ok() ? Status{} : Status(last.error());
  if (st.ok() && !last->empty())
    st = anchor->Advance(first_id, {last->Int(0, 0), last->Text(0, 1)});
  if (!st.ok()) spdlog::error("audit head not anchored: {}", st.error().message);
}

class SqlTx final : public domain::Tx {
 public:
  // cache: given for read transactions only (a write must see the settings it changes).
  SqlTx(sql::Connection& conn, domain::AuditHash hash, const FieldCipher* cipher,
        RuleSettingsCache* cache = nullptr, std::uint64_t epoch = 0)
      : conn_(conn),
        cipher_(cipher),
        org_(conn, &access_changed, cipher),
        users_(conn, &access_changed, cipher),
        audit_(conn, hash, &audit_first),
        files_(conn),
        notifications_(conn),
        supervision_(conn),
        minors_(conn),
        calendar_(conn),
        rules_(conn),
        hazards_(conn, &access_changed, cache, epoch),
        drills_(conn),
        drill_plans_(conn),
        plans_(conn),
        checklists_(conn),
        patrols_(conn),
        campaigns_(conn),
        security_(conn),
        whistles_(conn),
        edu_(conn),
        lessons_(conn),
        contents_(conn),
        letters_(conn),
        waters_(conn),
        drowning_(conn),
        joint_(conn),
        buses_(conn),
        campus_(conn),
        emergency_(conn),
        training_(conn),
        staffing_(conn),
        duties_(conn) {}
  bool access_changed = false;
  std::optional<std::int64_t> audit_first;  // the first audit record appended
  domain::OrgRepository& org() override { return org_; }
  domain::UserRepository& users() override { return users_; }
  domain::AuditRepository& audit() override { return audit_; }
  domain::FileRepository& files() override { return files_; }
  domain::NotificationRepository& notifications() override { return notifications_; }
  domain::SupervisionRepository& supervision() override { return supervision_; }
  domain::MinorsRepository& minors() override { return minors_; }
  domain::calendar::CalendarRepository& calendar() override { return calendar_; }
  domain::rules::RuleRepository& rules() override { return rules_; }
  domain::hazard::HazardRepository& hazards() override { return hazards_; }
  domain::drill::DrillRepository& drills() override { return drills_; }
  domain::drill::DrillPlanRepository& drill_plans() override { return drill_plans_; }
  domain::plan::PlanRepository& plans() override { return plans_; }
  domain::checklist::TemplateRepository& checklists() override { return checklists_; }
  domain::patrol::PatrolRepository& patrols() override { return patrols_; }
  domain::campaign::CampaignRepository& campaigns() override { return campaigns_; }
  domain::security::SecurityRepository& security() override { return security_; }
  domain::whistle::WhistleRepository& whistles() override { return whistles_; }
  domain::edu::EduRepository& edu() override { return edu_; }
  domain::edu::LessonRepository& lessons() override { return lessons_; }
  domain::edu::ContentRepository& edu_contents() override { return contents_; }
  domain::edu::LetterRepository& letters() override { return letters_; }
  domain::edu::WaterRepository& waters() override { return waters_; }
  domain::edu::DrowningRepository& drowning() override { return drowning_; }
  domain::edu::JointRepository& joint() override { return joint_; }
  domain::traffic::BusRepository& buses() override { return buses_; }
  domain::traffic::CampusRepository& campus() override { return campus_; }
  domain::emergency::EmergencyRepository& emergency() override { return emergency_; }
  domain::training::TrainingRepository& training() override { return training_; }
  domain::staffing::StaffingRepository& staffing() override { return staffing_; }
  domain::duty::DutyRepository& duties() override { return duties_; }
  sql::Connection& conn() { return conn_; }
  const FieldCipher* cipher() const { return cipher_; }

 private:
  sql::Connection& conn_;
  const FieldCipher* cipher_;
  SqlOrgRepository org_;
  SqlUserRepository users_;
  SqlAuditRepository audit_;
  SqlFileRepository files_;
  SqlNotificationRepository notifications_;
  SqlSupervisionRepository supervision_;
  SqlMinorsRepository minors_;
  SqlCalendarRepository calendar_;
  SqlRuleRepository rules_;
  SqlHazardRepository hazards_;
  SqlDrillRepository drills_;
  SqlDrillPlanRepository drill_plans_;
  SqlPlanRepository plans_;
  SqlTemplateRepository checklists_;
  SqlPatrolRepository patrols_;
  SqlCampaignRepository campaigns_;
  SqlSecurityRepository security_;
  SqlWhistleRepository whistles_;
  SqlEduRepository edu_;
  SqlLessonRepository lessons_;
  SqlContentRepository contents_;
  SqlLetterRepository letters_;
  SqlWaterRepository waters_;
  SqlDrowningRepository drowning_;
  SqlJointRepository joint_;
  SqlBusRepository buses_;
  SqlCampusRepository campus_;
  SqlEmergencyRepository emergency_;
  SqlTrainingRepository training_;
  SqlStaffingRepository staffing_;
  SqlDutyRepository duties_;
};

// Runs one write inside a savepoint of the open transaction: kept when it succeeds, undone on
// its own when it fails.
Status RunInSavepoint(sql::Connection& conn, domain::Tx& tx,
                      const std::function<Status(domain::Tx&)>& work) {
  // Through Exec, prepared once per connection (ExecScript would parse them for every write).
  XA_TRY(Done(conn.Exec("SAVEPOINT xiaoan_write")));
  Status st;
  try {
    st = work(tx);
  } catch (const std::exception& e) {
    st = Internal(std::string("write failed: ") + e.what());
  }
  if (!conn.InTransaction()) {
    // SQLite rolled the whole transaction back by itself (out of memory, disk full, I/O error).
    return st.ok() ? Internal("the transaction was rolled back by the database") : st;
  }
  if (!st.ok()) XA_TRY(Done(conn.Exec("ROLLBACK TO xiaoan_write")));
  XA_TRY(Done(conn.Exec("RELEASE xiaoan_write")));
  return st;
}

// Set on the committer's thread while it runs a batch: a write to the same store started from
// inside another write joins the running transaction (as a nested savepoint) instead of waiting
// for itself. A write to another store goes to that store's own committer.
thread_local const void* t_batch_owner = nullptr;
thread_local sql::Connection* t_batch_conn = nullptr;
thread_local domain::Tx* t_batch_tx = nullptr;

}  // namespace

class GroupCommitter {
 public:
  GroupCommitter(sql::Pool& pool, domain::AuditHash hash, std::atomic<std::uint64_t>& epoch,
                 const std::shared_ptr<AuditAnchor>& anchor,
                 const std::shared_ptr<const FieldCipher>& cipher)
      : pool_(pool), hash_(hash), epoch_(epoch), anchor_(anchor), cipher_(cipher) {
    thread_ = std::thread([this] { Loop(); });
  }
  ~GroupCommitter() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_one();
    thread_.join();
  }

  // Whether the calling thread is running this committer's batch (a write, or a job).
  bool InBatch() const { return t_batch_owner == this; }
  // A read from inside the batch: on the batch's transaction, so that it sees what the batch has
  // written so far (it is committed with it, or the whole batch fails).
  Status ReadInBatch(const std::function<Status(domain::Tx&)>& work) { return work(*t_batch_tx); }

  void SubmitJob(std::function<void()> job, std::function<void(const Status&)> done) {
    auto item = std::make_shared<Item>();
    item->job = std::move(job);
    item->after_commit = std::move(done);
    Enqueue(std::move(item));
  }

  Status Submit(const std::function<Status(domain::Tx&)>& work) {
    if (InBatch()) return RunInSavepoint(*t_batch_conn, *t_batch_tx, work);
    auto item = std::make_shared<Item>();
    item->work = &work;
    Enqueue(item);
    std::unique_lock lock(item->mu);
    item->done_cv.wait(lock, [&] { return item->done; });
    return std::move(item->status);
  }

 private:
  // Shared by the writer and the committer, so that the committer can wake the writer after
  // letting go of the writer's lock (a writer woken while the lock is still held would only
  // wait again for it) even if the writer has returned in between.
  struct Item {
    // A Write waiting for its commit, or a job (its writes join the batch as nested savepoints)
    // told of the commit by after_commit.
    const std::function<Status(domain::Tx&)>* work = nullptr;
    std::function<void()> job;
    std::function<void(const Status&)> after_commit;
    Status status;
    // Each writer waits on its own: a finished batch wakes its writers only, not every writer
    // queued for the next one, and they do not contend for the queue's lock.
    std::mutex mu;
    bool done = false;
    std::condition_variable done_cv;
  };
  void Enqueue(std::shared_ptr<Item> item) {
    {
      std::lock_guard lock(mu_);
      queue_.push_back(std::move(item));
    }
    work_cv_.notify_one();
  }

  // Enough to fill one fsync under heavy load; a long write (an import) simply makes a batch
  // of its own.
  static constexpr std::size_t kMaxBatch = 512;

  void Loop() {
    std::vector<std::shared_ptr<Item>> batch;
    for (;;) {
      {
        std::unique_lock lock(mu_);
        work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, nothing left
        while (!queue_.empty() && batch.size() < kMaxBatch) {
          batch.push_back(queue_.front());
          queue_.pop_front();
        }
      }
      RunBatch(batch);
      for (const auto& item : batch) {
        if (item->job) {
          item->after_commit(item->status);
          continue;
        }
        {
          std::lock_guard lock(item->mu);
          item->done = true;
        }
        item->done_cv.notify_one();
      }
      batch.clear();
    }
  }

  void RunBatch(std::vector<std::shared_ptr<Item>>& batch) {
    auto fail_all = [&](const Error& e) {
      for (const auto& item : batch) item->status = e;
    };
    auto conn = pool_.Acquire();
    if (!conn.ok()) return fail_all(conn.error());
    sql::Connection& c = **conn;
    if (auto st = c.Begin(true); !st.ok()) return fail_all(st.error());
    SqlTx tx(c, hash_, cipher_.get());
    t_batch_owner = this;
    t_batch_conn = &c;
    t_batch_tx = &tx;
    bool aborted = false;
    bool access_changed = false;
    for (const auto& item : batch) {
      if (aborted) {
        item->status = Internal("the transaction was rolled back by the database");
        continue;
      }
      // Only a write that is kept counts as a change to access (a failed one is undone). A
      // job's own writes are savepoints inside it: any of them counts.
      tx.access_changed = false;
      if (item->job) {
        RunJob(*item);
        access_changed = access_changed || tx.access_changed;
      } else {
        item->status = RunInSavepoint(c, tx, *item->work);
        access_changed = access_changed || (item->status.ok() && tx.access_changed);
      }
      aborted = !c.InTransaction();
    }
    t_batch_owner = nullptr;
    t_batch_conn = nullptr;
    t_batch_tx = nullptr;
    if (aborted) {
      for (const auto& item : batch) {
        if (item->status.ok()) item->status = Internal("the transaction was rolled back");
      }
      return;
    }
    if (auto st = c.Commit(); !st.ok()) {
      (void)c.Rollback();
      for (const auto& item : batch) {
        if (item->status.ok()) item->status = st.error();
      }
      return;
    }
    if (access_changed) ++epoch_;
    if (tx.audit_first) AnchorAuditHead(c, anchor_.get(), *tx.audit_first);
  }

  // A job answers for itself (its result is in what it produced); its status is the batch's.
  static void RunJob(Item& item) {
    try {
      item.job();
    } catch (const std::exception& e) {
      item.status = Internal(std::string("write job failed: ") + e.what());
    }
  }

  sql::Pool& pool_;
  domain::AuditHash hash_;
  std::atomic<std::uint64_t>& epoch_;
  const std::shared_ptr<AuditAnchor>& anchor_;        // the store's, set before use
  const std::shared_ptr<const FieldCipher>& cipher_;  // the store's, set before use
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::deque<std::shared_ptr<Item>> queue_;
  bool stop_ = false;
  std::thread thread_;
};

SqlStore::SqlStore(std::unique_ptr<sql::Pool> pool, domain::AuditHash hash)
    : pool_(std::move(pool)), hash_(hash) {
  if (pool_->dialect() == sql::Dialect::kSqlite) {
    committer_ = std::make_unique<GroupCommitter>(*pool_, hash_, epoch_, anchor_, cipher_);
  }
}

SqlStore::~SqlStore() = default;

Status SqlStore::Run(bool write, const std::function<Status(domain::Tx&)>& work) {
  XA_ASSIGN_OR_RETURN(auto conn, pool_->Acquire());
  // The epoch is read before the transaction starts: settings cached under it were read no
  // earlier than the last change that moved it.
  SqlTx tx(*conn, hash_, cipher_.get(), write ? nullptr : &rule_settings_, epoch_.load());
  Status st = sql::InTransaction(*conn, write, [&]() { return work(tx); });
  if (st.ok() && tx.access_changed) ++epoch_;
  if (st.ok() && tx.audit_first) AnchorAuditHead(*conn, anchor_.get(), *tx.audit_first);
  return st;
}

void SqlStore::SetAuditAnchor(std::shared_ptr<AuditAnchor> anchor) { anchor_ = std::move(anchor); }

void SqlStore::SetFieldCipher(std::shared_ptr<const FieldCipher> cipher) {
  cipher_ = std::move(cipher);
}

Result<domain::FieldProtectionReport> SqlStore::ProtectFields(
    const std::function<Status(domain::Tx&, const domain::FieldProtectionReport&)>& after) {
  domain::FieldProtectionReport report;
  XA_TRY(Write([&](domain::Tx& tx) -> Status {
    auto& sql_tx = static_cast<SqlTx&>(tx);
    XA_ASSIGN_OR_RETURN(report, ProtectFieldsIn(sql_tx.conn(), sql_tx.cipher()));
    return after(tx, report);
  }));
  return report;
}

Result<std::optional<domain::AuditHead>> SqlStore::AnchoredAuditHead() {
  if (!anchor_) return std::optional<domain::AuditHead>{};
  return anchor_->Read();
}

Status SqlStore::ReanchorAudit(const domain::AuditHead& head) {
  if (!anchor_) return {};
  return anchor_->Reset(head);
}

Status SqlStore::Read(const std::function<Status(domain::Tx&)>& work) {
  if (committer_ && committer_->InBatch()) return committer_->ReadInBatch(work);
  return Run(false, work);
}

Status SqlStore::Write(const std::function<Status(domain::Tx&)>& work) {
  if (committer_) return committer_->Submit(work);
  return Run(true, work);
}

bool SqlStore::RunInWriteBatch(std::function<void()> job,
                               std::function<void(const Status& committed)> done) {
  if (!committer_) return false;
  committer_->SubmitJob(std::move(job), std::move(done));
  return true;
}

}  // namespace xiaoan::storage
