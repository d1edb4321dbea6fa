// The storage contract: the same repository code must behave the same on SQLite and PostgreSQL.
// Every test runs once per store.
#include <gtest/gtest.h>

#include <fstream>

#include <algorithm>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "app/accounts/accounts.hpp"
#include "app/audit/audit_log.hpp"
#include "app/calendar/calendar.hpp"
#include "app/checklist/checklists.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/hazards/hazards.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/platform/platform.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/field_cipher.hpp"
#include "domain/campaign/campaign.hpp"
#include "domain/duty/duty.hpp"
#include "domain/platform/minors.hpp"
#include "domain/edu/drowning.hpp"
#include "domain/edu/joint.hpp"
#include "domain/edu/letters.hpp"
#include "domain/edu/waters.hpp"
#include "domain/emergency/emergency.hpp"
#include "domain/patrol/patrol.hpp"
#include "domain/security/record.hpp"
#include "domain/staffing/staffing.hpp"
#include "domain/traffic/bus_registry.hpp"
#include "domain/traffic/campus_registry.hpp"
#include "domain/training/training.hpp"
#include "domain/whistle/whistle.hpp"
#include "storage/audit_anchor.hpp"
#include "storage/field_protection.hpp"
#include "support/test_store.hpp"

namespace xiaoan {
namespace {

using testing::FreshDatabase;

// "month found/found_closed/closed/days;" per row, days rounded.
std::string MonthsText(const std::vector<domain::hazard::MonthStat>& months) {
  std::string out;
  for (const auto& m : months) {
    out += m.month + " " + std::to_string(m.found) + "/" + std::to_string(m.found_closed) + "/" +
           std::to_string(m.closed) + "/" + std::to_string(std::lround(m.close_days)) + ";";
  }
  return out;
}

// A database at an older schema `version`, for a test of the step from it to the newest.
Result<std::unique_ptr<sql::Pool>> OpenAtSchema(const FreshDatabase& db, int version) {
  XA_ASSIGN_OR_RETURN(auto pool, sql::OpenPool(db.url(), {2, 5000}));
  XA_TRY(storage::Migrate(*pool, "t", version));
  return pool;
}

// Writes rows straight into a database (at an older schema, before the step a test upgrades),
// each statement with its parameters.
::testing::AssertionResult WriteRows(sql::Pool& pool,
                                     const std::vector<std::pair<std::string, sql::Params>>& rows) {
  auto conn = pool.Acquire();
  if (!conn.ok()) return ::testing::AssertionFailure() << conn.error().message;
  for (const auto& [q, params] : rows) {
    auto done = (*conn)->Exec(q, params);
    if (!done.ok()) return ::testing::AssertionFailure() << q << ": " << done.error().message;
  }
  return ::testing::AssertionSuccess();
}

// The same, every statement with the same parameters.
::testing::AssertionResult WriteRows(sql::Pool& pool, const std::vector<std::string>& statements,
                                     const sql::Params& params = {}) {
  std::vector<std::pair<std::string, sql::Params>> rows;
  for (const auto& q : statements) rows.emplace_back(q, params);
  return WriteRows(pool, rows);
}

// A district at schema 19 or later (with the phone columns): its region, its bureau (id 1, path
// /1/) and, with `school`, a school (id 2, /1/2/); then the rows of `more`.
std::vector<std::string> DistrictRows(bool school, std::vector<std::string> more) {
  std::vector<std::string> rows = {
      "INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
      "VALUES ('990102', '示范区', NULL, 'county', 't', 't')",
      "INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, phone, "
      "phone_index, created_at, updated_at) VALUES (1, 'bureau', '教育局', NULL, '990102', "
      "NULL, '/1/', '', '', 't', 't')"};
  if (school) {
    rows.push_back(
        "INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, phone, "
        "phone_index, created_at, updated_at) VALUES (2, 'school', '示范小学', 'S1', '990102', "
        "1, '/1/2/', '', '', 't', 't')");
  }
  rows.insert(rows.end(), std::make_move_iterator(more.begin()),
              std::make_move_iterator(more.end()));
  return rows;
}

class StorageContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    sp_ = std::make_unique<app::Services>(app::Services{*store_, clock_});
  }

  sql::PooledConnection Conn() {
    auto c = store_->pool().Acquire();
    EXPECT_TRUE(c.ok());
    return std::move(c).value();
  }

  // A section (a unit without a profile) under `parent`, written in the caller's transaction.
  static Status InsertSection(domain::Tx& tx, domain::UnitId parent, const std::string& name) {
    domain::Unit u;
    u.kind = "section";
    u.name = name;
    u.region_code = "990102";
    u.parent_id = parent;
    u.created_at = u.updated_at = "t";
    return tx.org().InsertUnit(u);
  }

  domain::Unit Bureau() {
    domain::Region province{"990000", "示范省", std::nullopt, "province", "t", "t"};
    domain::Region county{"990102", "示范区", "990000", "county", "t", "t"};
    EXPECT_TRUE(app::CreateRegion(S(), ctx_, province).ok());
    EXPECT_TRUE(app::CreateRegion(S(), ctx_, county).ok());
    domain::Unit b;
    b.kind = "bureau";
    b.name = "示范区教育局";
    b.region_code = "990102";
    auto created = app::CreateUnit(S(), ctx_, b);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.ok() ? *created : b;
  }

  domain::School SampleSchool(domain::UnitId bureau, std::string code) {
    domain::School s;
    s.unit.kind = "school";
    s.unit.code = std::move(code);
    s.unit.name = "示范小学" + *s.unit.code;
    s.unit.region_code = "990102";
    s.unit.parent_id = bureau;
    s.profile.stage = "primary";
    s.profile.ownership = "public";
    s.profile.location_type = "rural";
    s.profile.students = 800;
    s.profile.staff = 60;
    s.profile.boarding = true;
    s.profile.boarders = 120;
    s.buildings = {{0, "教学楼", 4}, {0, "宿舍楼", 5}};
    s.key_places = {{0, "dormitory", "学生宿舍", std::string("宿舍楼")},
                    {0, "school_gate", "校门", std::nullopt}};
    return s;
  }

  // The repository's scope filter, without the use case (which takes the scope from the caller).
  std::int64_t RepoSchoolCount(const domain::SchoolFilter& f) {
    std::int64_t total = -1;
    EXPECT_TRUE(store_
                    ->Read([&](domain::Tx& tx) -> Status {
                      XA_ASSIGN_OR_RETURN(auto page, tx.org().ListSchools(f));
                      total = page.total;
                      return {};
                    })
                    .ok());
    return total;
  }

  std::unique_ptr<FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  FixedClock clock_{Instant{std::chrono::milliseconds(1796000000000)}};
  std::unique_ptr<app::Services> sp_;
  app::Services& S() { return *sp_; }
  app::RequestContext ctx_{"tester", std::nullopt, "127.0.0.1", "req-1"};
};

TEST_P(StorageContract, MigrationsAreRecordedAndIdempotent) {
  auto conn = Conn();
  auto v = storage::CurrentSchemaVersion(*conn);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, storage::LatestSchemaVersion(conn->dialect()));
  auto again = storage::Migrate(store_->pool(), "t");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
}

TEST_P(StorageContract, RefusesADatabaseNewerThanTheBinary) {
  {
    auto conn = Conn();
    ASSERT_TRUE(conn->Exec("INSERT INTO schema_migrations (version, name, applied_at) "
                           "VALUES ($1, $2, $3)",
                           {std::int64_t{9999}, std::string("9999_future.sql"), std::string("t")})
                    .ok());
  }
  auto st = storage::CheckSchemaNotNewer(store_->pool());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_FALSE(storage::Migrate(store_->pool(), "t").ok());
}

TEST_P(StorageContract, ParametersBindByNumberNotByAppearance) {
  auto conn = Conn();
  auto r = conn->Query("SELECT CAST($2 AS INTEGER) - CAST($1 AS INTEGER)",
                       {std::int64_t{10}, std::int64_t{3}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->Int(0, 0), -7);
  auto same = conn->Query("SELECT CAST($1 AS INTEGER) + CAST($1 AS INTEGER)", {std::int64_t{21}});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->Int(0, 0), 42);
}

TEST_P(StorageContract, ValuesRoundTrip) {
  auto conn = Conn();
  ASSERT_TRUE(conn->ExecScript("CREATE TABLE t_values (id INTEGER PRIMARY KEY, i BIGINT, "
                               "d DOUBLE PRECISION, s TEXT)")
                  .ok());
  ASSERT_TRUE(conn->Exec("INSERT INTO t_values (id, i, d, s) VALUES ($1, $2, $3, $4)",
                         {std::int64_t{1}, std::int64_t{-9007199254740993}, 2.5,
                          std::string("校安 ✓ 'quote'")})
                  .ok());
  ASSERT_TRUE(conn->Exec("INSERT INTO t_values (id, i, d, s) VALUES ($1, $2, $3, $4)",
                         {std::int64_t{2}, sql::Null{}, sql::Null{}, sql::Null{}})
                  .ok());
  auto r = conn->Query("SELECT i, d, s FROM t_values ORDER BY id");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->Int(0, 0), -9007199254740993);
  EXPECT_DOUBLE_EQ(r->Double(0, 1), 2.5);
  EXPECT_EQ(r->Text(0, 2), "校安 ✓ 'quote'");
  EXPECT_TRUE(r->Null(1, 0));
  EXPECT_TRUE(r->Null(1, 1));
  EXPECT_TRUE(r->Null(1, 2));
}

TEST_P(StorageContract, FailedWriteLeavesNothingBehind) {
  auto bureau = Bureau();
  auto good = SampleSchool(bureau.id, "S001");
  ASSERT_TRUE(app::CreateSchool(S(), ctx_, good).ok());
  // The second school's key place names a building that does not exist: the whole write,
  // including its org unit, must roll back.
  auto bad = SampleSchool(bureau.id, "S002");
  bad.key_places.push_back({0, "lab", "实验室", std::string("不存在的楼")});
  auto r = app::CreateSchool(S(), ctx_, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  domain::SchoolFilter f;
  auto list = app::ListSchools(S(), ctx_, f);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 1);
  auto conn = Conn();
  auto units = conn->Query("SELECT COUNT(*) FROM org_units WHERE code = $1", {std::string("S002")});
  EXPECT_EQ(units->Int(0, 0), 0);
}

TEST_P(StorageContract, TransactionRollbackUndoesEveryStatement) {
  auto bureau = Bureau();
  Status st = store_->Write([&](domain::Tx& tx) -> Status {
    domain::Unit u;
    u.kind = "section";
    u.name = "安全科";
    u.region_code = "990102";
    u.parent_id = bureau.id;
    u.created_at = u.updated_at = "t";
    XA_TRY(tx.org().InsertUnit(u));
    return FailedPrecondition("test", "abort on purpose");
  });
  EXPECT_FALSE(st.ok());
  domain::UnitFilter f;
  f.kind = "section";
  auto list = app::ListUnits(S(), ctx_, f);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 0);
}

// Many writers at once (SQLite groups them into shared commits): every acknowledged write is
// stored, every failed one leaves nothing behind, whatever else was in its batch.
TEST_P(StorageContract, ConcurrentWritesSucceedOrFailOneByOne) {
  auto bureau = Bureau();
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < 8; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const bool fail = (t + i) % 3 == 0;
        Status st = store_->Write([&](domain::Tx& tx) -> Status {
          domain::Unit u;
          u.kind = "section";
          u.name = (fail ? "失败" : "成功") + std::to_string(t) + "-" + std::to_string(i);
          u.region_code = "990102";
          u.parent_id = bureau.id;
          u.created_at = u.updated_at = "t";
          XA_TRY(tx.org().InsertUnit(u));
          XA_TRY(tx.audit().Append(
              app::AuditOf(S(), ctx_, "unit.create", "unit", std::to_string(u.id), u.name)));
          if (fail) return FailedPrecondition("test", "abort on purpose");
          return {};
        });
        (st.ok() ? ok : failed)++;
        EXPECT_EQ(st.ok(), !fail) << (st.ok() ? "" : st.error().message);
      }
    });
  }
  for (auto& w : writers) w.join();
  EXPECT_EQ(ok.load() + failed.load(), 200);
  auto conn = Conn();
  auto stored = conn->Query(
      "SELECT COUNT(*) FROM org_units WHERE kind = 'section' AND name LIKE "
      "'成功%'");
  auto leaked = conn->Query("SELECT COUNT(*) FROM org_units WHERE name LIKE '失败%'");
  EXPECT_EQ(stored->Int(0, 0), ok.load());
  EXPECT_EQ(leaked->Int(0, 0), 0);
  auto verified = app::VerifyAudit(S());
  ASSERT_TRUE(verified.ok());
  EXPECT_FALSE(verified->first_break.has_value());
  EXPECT_EQ(verified->checked, 3 + ok.load());
}

// A write started from inside another write joins it (no deadlock on the grouped committer);
// when the inner one fails only its own changes are undone.
TEST_P(StorageContract, NestedWriteJoinsTheOuterOne) {
  auto bureau = Bureau();
  auto section = [&](domain::Tx& tx, const std::string& name) {
    return InsertSection(tx, bureau.id, name);
  };
  Status st = store_->Write([&](domain::Tx& tx) -> Status {
    XA_TRY(section(tx, "外层"));
    if (store_->pool().dialect() != sql::Dialect::kSqlite) return {};
    Status inner_ok = store_->Write([&](domain::Tx& inner) { return section(inner, "内层"); });
    EXPECT_TRUE(inner_ok.ok());
    Status inner_failed = store_->Write([&](domain::Tx& inner) -> Status {
      XA_TRY(section(inner, "内层失败"));
      return FailedPrecondition("test", "abort on purpose");
    });
    EXPECT_FALSE(inner_failed.ok());
    return {};
  });
  ASSERT_TRUE(st.ok()) << st.error().message;
  auto conn = Conn();
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM org_units WHERE name = '外层'")->Int(0, 0), 1);
  if (store_->pool().dialect() == sql::Dialect::kSqlite) {
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM org_units WHERE name = '内层'")->Int(0, 0), 1);
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM org_units WHERE name = '内层失败'")->Int(0, 0), 0);
  }
}

// A job handed to the write batch runs on the committing thread: its Writes are savepoints of
// the batch (a failed one undone on its own), its Reads see what the batch wrote so far, and
// `done` comes after the commit, when any other connection sees the rows. PostgreSQL has no
// batches: it refuses the job without running it.
TEST_P(StorageContract, WriteBatchJobsAnswerAfterTheirCommit) {
  auto bureau = Bureau();
  auto section = [&](domain::Tx& tx, const std::string& name) {
    return InsertSection(tx, bureau.id, name);
  };
  auto count = [&](domain::Tx& tx, const std::string& name, std::int64_t& out) -> Status {
    domain::UnitFilter f;
    f.q = name;
    XA_ASSIGN_OR_RETURN(auto page, tx.org().ListUnits(f));
    out = page.total;
    return {};
  };
  struct Outcome {
    bool ran = false;
    Status wrote, failed;
    std::int64_t seen_inside = -1;
    std::optional<Status> committed;
    std::int64_t seen_after = -1;
  };
  constexpr int kJobs = 8;
  std::vector<Outcome> out(kJobs);
  std::mutex mu;
  std::condition_variable cv;
  int finished = 0;
  bool all_taken = true;
  for (int i = 0; i < kJobs; ++i) {
    const std::string name = "批内" + std::to_string(i);
    Outcome& o = out[i];
    const bool taken = store_->RunInWriteBatch(
        [&, name] {
          o.ran = true;
          o.wrote = store_->Write([&](domain::Tx& tx) { return section(tx, name); });
          o.failed = store_->Write([&](domain::Tx& tx) -> Status {
            XA_TRY(section(tx, name + "撤销"));
            return FailedPrecondition("test", "abort on purpose");
          });
          (void)store_->Read([&](domain::Tx& tx) { return count(tx, name, o.seen_inside); });
        },
        [&, name](const Status& committed) {
          // Read from another connection: what a client sees once it has the answer.
          auto conn = Conn();
          o.seen_after =
              conn->Query("SELECT COUNT(*) FROM org_units WHERE name = $1", {name})->Int(0, 0);
          std::lock_guard lock(mu);
          o.committed = committed;
          ++finished;
          cv.notify_all();
        });
    all_taken = all_taken && taken;
  }
  if (store_->pool().dialect() != sql::Dialect::kSqlite) {
    EXPECT_FALSE(all_taken);
    for (const auto& o : out) EXPECT_FALSE(o.ran);
    return;
  }
  ASSERT_TRUE(all_taken);
  {
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return finished == kJobs; }));
  }
  auto conn = Conn();
  for (int i = 0; i < kJobs; ++i) {
    const auto& o = out[i];
    SCOPED_TRACE(i);
    EXPECT_TRUE(o.ran);
    EXPECT_TRUE(o.wrote.ok());
    EXPECT_FALSE(o.failed.ok());
    EXPECT_EQ(o.seen_inside, 1);  // its own uncommitted row, not the undone one
    ASSERT_TRUE(o.committed.has_value());
    EXPECT_TRUE(o.committed->ok());
    EXPECT_EQ(o.seen_after, 1);
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM org_units WHERE name = $1",
                          {"批内" + std::to_string(i) + "撤销"})
                  ->Int(0, 0),
              0);
  }
}

// The access epoch moves after a committed change to what authentication depends on, and not
// after other writes or failed ones.
TEST_P(StorageContract, AccessEpochMovesOnlyWithAccountChanges) {
  auto bureau = Bureau();
  const auto before = store_->access_epoch();
  ASSERT_TRUE(app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "S900")).ok());
  EXPECT_EQ(store_->access_epoch(), before);
  ASSERT_FALSE(store_
                   ->Write([&](domain::Tx& tx) -> Status {
                     XA_TRY(tx.users().SetPolicySetting("min_length", "12"));
                     return FailedPrecondition("test", "abort on purpose");
                   })
                   .ok());
  EXPECT_EQ(store_->access_epoch(), before);
  ASSERT_TRUE(store_
                  ->Write([&](domain::Tx& tx) -> Status {
                    return tx.users().SetPolicySetting("min_length", "12");
                  })
                  .ok());
  EXPECT_GT(store_->access_epoch(), before);
}

TEST_P(StorageContract, SchoolRoundTripWithBuildingsAndPlaces) {
  auto bureau = Bureau();
  auto created = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "S100"));
  ASSERT_TRUE(created.ok()) << created.error().message;
  auto got = app::GetSchool(S(), ctx_, created->unit.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->unit.name, "示范小学S100");
  EXPECT_EQ(got->unit.path, bureau.path + std::to_string(created->unit.id) + "/");
  EXPECT_EQ(got->profile.boarders, 120);
  EXPECT_TRUE(got->profile.boarding);
  ASSERT_EQ(got->buildings.size(), 2u);
  EXPECT_EQ(got->buildings[1].floors, 5);
  ASSERT_EQ(got->key_places.size(), 2u);
  EXPECT_EQ(got->key_places[0].building.value_or(""), "宿舍楼");
  EXPECT_FALSE(got->key_places[1].building.has_value());

  auto update = *got;
  update.unit.name = "示范小学（更名）";
  update.buildings = {{0, "新教学楼", 6}};
  update.key_places = {{0, "lab", "化学实验室", std::string("新教学楼")}};
  auto updated = app::UpdateSchool(S(), ctx_, update);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->unit.name, "示范小学（更名）");
  ASSERT_EQ(updated->buildings.size(), 1u);
  ASSERT_EQ(updated->key_places.size(), 1u);
  EXPECT_EQ(updated->key_places[0].building.value_or(""), "新教学楼");

  // Saved again as read: the building and the key place keep their ids.
  auto again = app::UpdateSchool(S(), ctx_, *updated);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->buildings.at(0).id, updated->buildings[0].id);
  EXPECT_EQ(again->key_places.at(0).id, updated->key_places[0].id);
  EXPECT_EQ(again->key_places[0].building.value_or(""), "新教学楼");
}

TEST_P(StorageContract, DuplicateCodeIsAlreadyExists) {
  auto bureau = Bureau();
  ASSERT_TRUE(app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "DUP")).ok());
  auto again = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "DUP"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  // The database constraint gives the same answer when the check is bypassed.
  auto conn = Conn();
  auto raw = conn->Exec(
      "INSERT INTO org_units (kind, name, code, region_code, path, created_at, updated_at) "
      "VALUES ('school', 'x', 'DUP', '990102', '/', 't', 't')");
  ASSERT_FALSE(raw.ok());
  EXPECT_EQ(raw.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(StorageContract, ListFiltersSortsPaginatesAndScopes) {
  auto bureau = Bureau();
  for (int i = 0; i < 7; ++i) {
    auto s = SampleSchool(bureau.id, "L" + std::to_string(i));
    s.profile.students = 100 * (i + 1);
    if (i % 2 == 0) {
      s.profile.stage = "junior";
      s.profile.boarding = false;
      s.profile.boarders = 0;
      s.buildings.clear();
      s.key_places.clear();
    }
    ASSERT_TRUE(app::CreateSchool(S(), ctx_, s).ok());
  }
  domain::SchoolFilter f;
  f.stage = "junior";
  f.page.sort = "-students";
  f.page.page_size = 2;
  auto page1 = app::ListSchools(S(), ctx_, f);
  ASSERT_TRUE(page1.ok()) << page1.error().message;
  EXPECT_EQ(page1->total, 4);
  ASSERT_EQ(page1->items.size(), 2u);
  EXPECT_EQ(page1->items[0].profile.students, 700);
  EXPECT_EQ(page1->items[1].profile.students, 500);
  f.page.page = 2;
  auto page2 = app::ListSchools(S(), ctx_, f);
  ASSERT_EQ(page2->items.size(), 2u);
  EXPECT_EQ(page2->items[1].profile.students, 100);
  // LIKE wildcards in the search text are literal.
  domain::SchoolFilter q;
  q.q = "%";
  EXPECT_EQ(app::ListSchools(S(), ctx_, q)->total, 0);
  q.q = "L3";
  EXPECT_EQ(app::ListSchools(S(), ctx_, q)->total, 1);
  // Scope: a subtree that holds no schools sees none.
  domain::SchoolFilter scoped;
  scoped.scope = domain::ScopeFilter::Subtree("/999999/");
  EXPECT_EQ(RepoSchoolCount(scoped), 0);
  scoped.scope = domain::ScopeFilter::Subtree(bureau.path);
  EXPECT_EQ(RepoSchoolCount(scoped), 7);
  scoped.scope.exact = true;  // the bureau's own unit only: no schools
  EXPECT_EQ(RepoSchoolCount(scoped), 0);
  scoped.scope = domain::ScopeFilter{false, false, {}};  // covers nothing
  EXPECT_EQ(RepoSchoolCount(scoped), 0);
  scoped.scope = domain::ScopeFilter::Subtree(bureau.path);
  EXPECT_EQ(RepoSchoolCount(scoped), 7);
  // An unknown sort field is refused, naming the parameter.
  domain::SchoolFilter bad;
  bad.page.sort = "password";
  auto refused = app::ListSchools(S(), ctx_, bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().details.at(0).field, "sort");
}

TEST_P(StorageContract, SchoolsAreCountedPerProfileWithinTheScope) {
  auto bureau = Bureau();
  // Two alike (one group), one of each other variation.
  const struct {
    const char* stage;
    const char* location;
    const char* ownership;
    bool boarding;
  } plan[] = {{"primary", "rural", "public", true},  {"primary", "rural", "public", true},
              {"primary", "rural", "public", false}, {"primary", "urban", "public", false},
              {"senior", "urban", "public", true},   {"kindergarten", "urban", "private", false}};
  int n = 0;
  for (const auto& p : plan) {
    auto s = SampleSchool(bureau.id, "C" + std::to_string(n++));
    s.profile.stage = p.stage;
    s.profile.location_type = p.location;
    s.profile.ownership = p.ownership;
    s.profile.boarding = p.boarding;
    s.profile.boarders = p.boarding ? 100 : 0;
    if (!p.boarding) s.key_places.erase(s.key_places.begin());  // no dormitory
    auto created = app::CreateSchool(S(), ctx_, s);
    ASSERT_TRUE(created.ok()) << created.error().message;
  }
  auto count = [&](const domain::ScopeFilter& scope) {
    std::vector<domain::SchoolCountRow> rows;
    EXPECT_TRUE(store_
                    ->Read([&](domain::Tx& tx) -> Status {
                      XA_ASSIGN_OR_RETURN(rows, tx.org().CountSchools(scope));
                      return {};
                    })
                    .ok());
    return rows;
  };
  auto all = count(domain::ScopeFilter{});
  ASSERT_EQ(all.size(), 5u);
  // Ordered by stage, location type, ownership, boarding.
  EXPECT_EQ(all[0].stage, "kindergarten");
  EXPECT_EQ(all[0].ownership, "private");
  EXPECT_EQ(all[1].stage, "primary");
  EXPECT_EQ(all[1].location_type, "rural");
  EXPECT_FALSE(all[1].boarding);
  EXPECT_EQ(all[1].count, 1);
  EXPECT_TRUE(all[2].boarding);
  EXPECT_EQ(all[2].count, 2);
  EXPECT_EQ(all[3].location_type, "urban");
  EXPECT_EQ(all[4].stage, "senior");
  EXPECT_TRUE(all[4].boarding);
  const auto stats = domain::SummariseSchools(all);
  EXPECT_EQ(stats.total, 6);
  EXPECT_EQ(stats.boarding, 3);

  // The same scope filter as ListSchools.
  auto subtree = count(domain::ScopeFilter::Subtree(bureau.path));
  EXPECT_EQ(domain::SummariseSchools(subtree).total, 6);
  EXPECT_TRUE(count(domain::ScopeFilter::Subtree("/999999/")).empty());
  EXPECT_TRUE(count(domain::ScopeFilter{false, true, {bureau.path}}).empty());
  EXPECT_TRUE(count(domain::ScopeFilter{false, false, {}}).empty());
  domain::SchoolFilter one_filter;
  one_filter.q = "C4";
  auto one = app::ListSchools(S(), ctx_, one_filter);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->items.size(), 1u);
  auto own = count(domain::ScopeFilter{false, true, {one->items[0].unit.path}});
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].stage, "senior");
  EXPECT_EQ(own[0].count, 1);
}

TEST_P(StorageContract, UnitInUseCannotBeDeleted) {
  auto bureau = Bureau();
  ASSERT_TRUE(app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "K1")).ok());
  auto st = app::DeleteUnit(S(), ctx_, bureau.id);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(st.error().details.at(0).field, "unit.in_use");
}

TEST_P(StorageContract, AuditChainHoldsUnderConcurrentWritersAndDetectsTampering) {
  auto bureau = Bureau();
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        domain::Unit u;
        u.kind = "section";
        u.name = "科室" + std::to_string(t) + "-" + std::to_string(i);
        u.region_code = "990102";
        u.parent_id = bureau.id;
        auto r = app::CreateUnit(S(), ctx_, u);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
      }
    });
  }
  for (auto& w : writers) w.join();
  auto ok = app::VerifyAudit(S());
  ASSERT_TRUE(ok.ok());
  EXPECT_FALSE(ok->first_break.has_value());
  EXPECT_EQ(ok->checked, 3 + 40);  // two regions, the bureau, forty sections

  // The database itself refuses to edit the log.
  auto conn = Conn();
  EXPECT_FALSE(conn->Exec("UPDATE audit_log SET summary = 'x' WHERE id = 5").ok());
  EXPECT_FALSE(conn->Exec("DELETE FROM audit_log WHERE id = 5").ok());
  // Someone with direct access removes the guard and edits a record: verification names it.
  if (conn->dialect() == sql::Dialect::kSqlite) {
    ASSERT_TRUE(conn->ExecScript("DROP TRIGGER audit_log_no_update").ok());
  } else {
    ASSERT_TRUE(conn->ExecScript("DROP TRIGGER audit_log_no_update ON audit_log").ok());
  }
  ASSERT_TRUE(conn->Exec("UPDATE audit_log SET summary = 'edited' WHERE id = 17").ok());
  auto broken = app::VerifyAudit(S());
  ASSERT_TRUE(broken.ok());
  ASSERT_TRUE(broken->first_break.has_value());
  EXPECT_EQ(broken->first_break->id, 17);
  EXPECT_EQ(broken->checked, 16);
}

TEST_P(StorageContract, HazardLedgerRepository) {
  const auto bureau = Bureau();
  auto a = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "H0001"));
  auto b = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "H0002"));
  ASSERT_TRUE(a.ok() && b.ok());
  namespace hz = domain::hazard;
  auto make = [&](std::int64_t school, const std::string& level, const std::string& state,
                  std::optional<std::string> deadline, const std::string& found) {
    hz::Hazard h;
    h.school_id = school;
    h.domain = "fire";
    h.level = level;
    h.title = "隐患 " + found;
    h.found_at = found;
    h.found_by = "tester";
    h.source = "self_inspection";
    h.state = hz::StateFromCode(state).value_or(hz::State::kReported);
    h.deadline = std::move(deadline);
    h.created_at = found;
    h.updated_at = found;
    if (state == "closed") h.closed_at = "2026-11-10T00:00:00.000Z";
    return h;
  };
  std::vector<std::int64_t> ids;
  ASSERT_TRUE(
      store_
          ->Write([&](domain::Tx& tx) -> Status {
            for (auto h :
                 {make(a->unit.id, "general", "reported", "2026-11-05", "2026-11-01T00:00:00.000Z"),
                  make(a->unit.id, "major", "rectifying", "2026-12-30", "2026-11-02T00:00:00.000Z"),
                  make(a->unit.id, "general", "closed", "2026-11-05", "2026-10-01T00:00:00.000Z"),
                  make(b->unit.id, "general", "assigned", std::nullopt,
                       "2026-11-03T00:00:00.000Z")}) {
              XA_TRY(tx.hazards().Insert(h));
              ids.push_back(h.id);
            }
            // The timeline with a file, an escalation that fires once.
            domain::StoredFile f{0,
                                 "a.png",
                                 "image/png",
                                 8,
                                 "ab",
                                 "tester",
                                 bureau.id,
                                 "2026-11-01T00:00:00.000Z",
                                 std::nullopt,
                                 std::nullopt};
            XA_TRY(tx.files().Insert(f));
            hz::HazardEvent e{0,          ids[0],   "2026-11-01T00:00:00.000Z",
                              "tester",   "report", "",
                              "reported", "note",   std::nullopt,
                              {}};
            XA_TRY(tx.hazards().InsertEvent(e));
            XA_TRY(tx.files().Attach(f.id, "hazard", ids[0]));
            XA_TRY(tx.hazards().AttachFile(f.id, ids[0], e.id));
            // A file is attached once.
            EXPECT_FALSE(tx.files().Attach(f.id, "hazard", ids[1]).ok());
            hz::EscalationRecord esc{
                0, ids[1], "hazard.major", "bureau", true, "重大", "2026-11-02T00:00:00.000Z"};
            XA_TRY(tx.hazards().InsertEscalation(esc));
            domain::SupervisionOrder o;
            o.subject_type = "hazard";
            o.subject_id = ids[1];
            o.subject_title = "配电箱线路老化";
            o.school_id = a->unit.id;
            o.rule = "hazard.major";
            o.reason = "重大";
            o.deadline = "2026-11-09";
            o.created_at = "2026-11-02T00:00:00.000Z";
            XA_TRY(tx.supervision().Insert(o));
            // An order on another module's record, at school B.
            domain::SupervisionOrder other = o;
            other.subject_type = "whistle";
            other.subject_id = 77;
            other.subject_title = "校门口占道经营";
            other.school_id = b->unit.id;
            return tx.supervision().Insert(other);
          })
          .ok());
  // The same rule cannot fire twice for one hazard, and the failed write leaves nothing.
  auto twice = store_->Write([&](domain::Tx& tx) -> Status {
    hz::EscalationRecord esc{0, ids[1], "hazard.major", "bureau", true, "again", "x"};
    return tx.hazards().InsertEscalation(esc);
  });
  EXPECT_FALSE(twice.ok());

  domain::SupervisionOrder hazard_order;  // read below, then answered
  ASSERT_TRUE(
      store_
          ->Read([&](domain::Tx& tx) -> Status {
            domain::PageRequest page;
            const auto all = domain::ScopeFilter{};
            hz::HazardFilter f;
            EXPECT_EQ(tx.hazards().List(f, all, page)->total, 4);
            f.states = {"reported", "assigned"};
            EXPECT_EQ(tx.hazards().List(f, all, page)->total, 2);
            f.states.clear();
            f.overdue_before = "2026-11-20";  // open with a deadline before that day
            EXPECT_EQ(tx.hazards().List(f, all, page)->total, 1);
            f.overdue_before.reset();
            f.found_from = "2026-11-02T00:00:00.000Z";
            EXPECT_EQ(tx.hazards().List(f, all, page)->total, 2);
            f = {};
            f.level = "major";
            EXPECT_EQ(tx.hazards().List(f, all, page)->items.at(0).id, ids[1]);
            // Scope: one school's path only.
            const auto only_a = domain::ScopeFilter{false, true, {a->unit.path}};
            EXPECT_EQ(tx.hazards().List({}, only_a, page)->total, 3);
            EXPECT_FALSE(tx.hazards().Find(ids[3], only_a)->has_value());
            EXPECT_TRUE(tx.hazards().Find(ids[0], only_a)->has_value());
            // Sorted by deadline, newest found first by default.
            page.sort = "-found_at";
            EXPECT_EQ(tx.hazards().List({}, all, page)->items.at(0).id, ids[3]);
            EXPECT_EQ(*tx.hazards().OpenIds(), (std::vector<std::int64_t>{ids[0], ids[1], ids[3]}));
            auto timeline = *tx.hazards().Timeline(ids[0]);
            EXPECT_EQ(timeline.events.size(), 1u);
            EXPECT_EQ(timeline.files.size(), 1u);
            if (timeline.events.size() == 1 && timeline.files.size() == 1) {
              EXPECT_EQ(timeline.events[0].file_ids,
                        (std::vector<std::int64_t>{timeline.files[0].id}));
              EXPECT_EQ(timeline.files[0].subject_type.value_or(""), "hazard");
              EXPECT_EQ(timeline.files[0].subject_id, ids[0]);
            }
            EXPECT_TRUE(tx.hazards().Timeline(ids[1])->files.empty());
            // The export's reads: every id the list gives, in its order (and scope); records and
            // files of chosen ids, records in the order asked.
            {
              domain::PageRequest everything;
              everything.page_size = 100;
              everything.sort = "found_at";
              std::vector<std::int64_t> listed;
              const auto listed_page = *tx.hazards().List({}, all, everything);
              for (const auto& h : listed_page.items) listed.push_back(h.id);
              EXPECT_EQ(*tx.hazards().ListIds({}, all, "found_at"), listed);
              EXPECT_EQ(tx.hazards().ListIds({}, only_a, "")->size(), 3u);
              hz::HazardFilter majors;
              majors.level = "major";
              EXPECT_EQ(*tx.hazards().ListIds(majors, all, ""), std::vector<std::int64_t>{ids[1]});
              auto many = *tx.hazards().FindMany({ids[3], ids[0], ids[2]});
              std::vector<std::int64_t> many_ids;
              for (const auto& h : many) many_ids.push_back(h.id);
              EXPECT_EQ(many_ids, (std::vector<std::int64_t>{ids[3], ids[0], ids[2]}));
              if (many.size() == 3) {
                EXPECT_EQ(many[1].school_name, a->unit.name);
              }
              EXPECT_TRUE(tx.hazards().FindMany({})->empty());
              auto files = *tx.hazards().FilesOfMany({ids[1], ids[0]});
              EXPECT_EQ(files.size(), 1u);
              if (!files.empty()) {
                EXPECT_EQ(files[0].subject_id, ids[0]);
              }
              EXPECT_TRUE(tx.hazards().FilesOfMany({ids[1], ids[2]})->empty());
            }
            EXPECT_EQ(tx.hazards().Escalations(ids[1])->size(), 1u);
            EXPECT_EQ(tx.supervision().List({}, all, {})->total, 2);
            const auto only_b = domain::ScopeFilter{false, true, {b->unit.path}};
            {
              auto at_b = *tx.supervision().List({}, only_b, {});
              EXPECT_EQ(at_b.total, 1);
              if (at_b.items.size() == 1) {
                EXPECT_EQ(at_b.items[0].subject_type, "whistle");
                EXPECT_EQ(at_b.items[0].subject_id, 77);
                EXPECT_EQ(at_b.items[0].subject_title, "校门口占道经营");
                EXPECT_EQ(at_b.items[0].state, domain::OrderState::kOpen);
              }
              domain::OrderFilter of_hazard;
              of_hazard.subject_type = "hazard";
              of_hazard.subject_id = ids[1];
              auto hazard_orders = *tx.supervision().List(of_hazard, all, {});
              EXPECT_EQ(hazard_orders.total, 1);
              if (hazard_orders.items.size() == 1) {
                EXPECT_EQ(hazard_orders.items[0].school_name, a->unit.name);
                hazard_order = hazard_orders.items[0];
              }
            }
            // The board's inputs: open hazards by level and domain, kept per unit; the schools
            // with open ones (overdue: deadline before the day given).
            auto sum = [](const std::vector<hz::OpenTotal>& rows) {
              std::int64_t n = 0;
              for (const auto& r : rows) n += r.count;
              return n;
            };
            EXPECT_EQ(sum(*tx.hazards().OpenTotals(all, std::nullopt)), 3);
            EXPECT_EQ(sum(*tx.hazards().OpenTotals(domain::ScopeFilter::Subtree(bureau.path),
                                                   std::nullopt)),
                      3);
            EXPECT_EQ(sum(*tx.hazards().OpenTotals(only_b, std::nullopt)), 1);
            EXPECT_EQ(sum(*tx.hazards().OpenTotals(only_b, a->unit.id)), 0);
            auto schools = *tx.hazards().OpenSchools(all, std::nullopt, "2026-11-20");
            EXPECT_EQ(schools.size(), 2u);
            for (const auto& sc : schools) {
              if (sc.school_id == a->unit.id) {
                EXPECT_EQ(sc.open, 2);
                EXPECT_EQ(sc.open_major, 1);
                EXPECT_EQ(sc.overdue, 1);
                EXPECT_EQ(sc.supervised, 0);
              } else {
                EXPECT_EQ(sc.school_id, b->unit.id);
                EXPECT_EQ(sc.open, 1);
                EXPECT_EQ(sc.overdue, 0);
              }
            }
            EXPECT_EQ(tx.hazards().OpenSchools(only_b, std::nullopt, "2026-11-20")->size(), 1u);
            EXPECT_EQ(tx.hazards().OpenSchools(only_b, a->unit.id, "2026-11-20")->size(), 0u);
            // Monthly figures kept by the database as hazards are written (China time).
            auto months = *tx.hazards().MonthStats(all, a->unit.id, "2026-10");
            EXPECT_EQ(MonthsText(months), "2026-10 1/1/0/0;2026-11 2/0/1/40;");
            EXPECT_EQ(MonthsText(*tx.hazards().MonthStats(all, std::nullopt, "2026-11")),
                      "2026-11 3/0/1/40;");
            // Counted at every unit above the schools: the bureau's subtree reads its own rows.
            EXPECT_EQ(MonthsText(*tx.hazards().MonthStats(domain::ScopeFilter::Subtree(bureau.path),
                                                          std::nullopt, "2026-11")),
                      "2026-11 3/0/1/40;");
            EXPECT_EQ(MonthsText(*tx.hazards().MonthStats(only_b, std::nullopt, "2026-01")),
                      "2026-11 1/0/0/0;");
            EXPECT_EQ(
                tx.hazards().ClosedSince(a->unit.id, "fire", "2026-11-01T00:00:00.000Z")->size(),
                1u);
            return {};
          })
          .ok());
  // The order's state machine through the repository: the reply is kept, the scope holds.
  ASSERT_NE(hazard_order.id, 0);
  ASSERT_TRUE(store_
                  ->Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(domain::ReplyToOrder(hazard_order, "已整改", "school", "2026-11-03"));
                    return tx.supervision().Update(hazard_order);
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    const auto only_a = domain::ScopeFilter{false, true, {a->unit.path}};
                    const auto only_b = domain::ScopeFilter{false, true, {b->unit.path}};
                    auto found = *tx.supervision().Find(hazard_order.id, only_a);
                    EXPECT_TRUE(found.has_value());
                    if (found) {
                      EXPECT_EQ(found->state, domain::OrderState::kReplied);
                      EXPECT_EQ(found->reply, "已整改");
                      EXPECT_EQ(found->replied_at.value_or(""), "2026-11-03");
                    }
                    EXPECT_FALSE(tx.supervision().Find(hazard_order.id, only_b)->has_value());
                    domain::OrderFilter replied;
                    replied.state = domain::OrderState::kReplied;
                    EXPECT_EQ(tx.supervision().List(replied, {}, {})->total, 1);
                    return {};
                  })
                  .ok());
  // Reopening (closed_at cleared) updates the figures of both months.
  ASSERT_TRUE(store_
                  ->Write([&](domain::Tx& tx) -> Status {
                    const auto all = domain::ScopeFilter{};
                    XA_ASSIGN_OR_RETURN(auto closed, tx.hazards().Find(ids[2], all));
                    closed->state = hz::State::kRectifying;
                    closed->closed_at.reset();
                    XA_TRY(tx.hazards().Update(*closed));
                    EXPECT_EQ(MonthsText(*tx.hazards().MonthStats(all, std::nullopt, "2026-01")),
                              "2026-10 1/0/0/0;2026-11 3/0/0/0;");
                    // The first hazard made major and supervised.
                    XA_ASSIGN_OR_RETURN(auto changed, tx.hazards().Find(ids[0], all));
                    changed->supervised = true;
                    changed->level = "major";
                    return tx.hazards().Update(*changed);
                  })
                  .ok());

  // The ledger's totals come from the counts kept per unit; counting the rows themselves (with a
  // filter the counts do not cover, matching every hazard) gives the same figures.
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    domain::PageRequest page;
                    const std::vector<domain::ScopeFilter> scopes = {
                        domain::ScopeFilter{},
                        domain::ScopeFilter::Subtree(bureau.path),
                        domain::ScopeFilter{false, false, {b->unit.path, bureau.path}},
                        domain::ScopeFilter{false, false, {b->unit.path}},
                        domain::ScopeFilter{false, true, {a->unit.path, bureau.path}},
                        domain::ScopeFilter{false, false, {}}};
                    std::vector<hz::HazardFilter> filters(7);
                    filters[1].states = {"rectifying"};
                    filters[2].level = "general";
                    filters[2].states = {"reported", "assigned", "rectifying"};
                    filters[3].school_id = a->unit.id;
                    filters[4].school_id = a->unit.id;
                    filters[4].supervised = true;
                    filters[5].domain = "fire";
                    filters[5].source = "self_inspection";
                    filters[6].level = "major";
                    for (std::size_t si = 0; si < scopes.size(); ++si) {
                      for (std::size_t fi = 0; fi < filters.size(); ++fi) {
                        auto by_rows = filters[fi];
                        by_rows.found_from = "2000-01-01T00:00:00.000Z";
                        EXPECT_EQ(tx.hazards().List(filters[fi], scopes[si], page)->total,
                                  tx.hazards().List(by_rows, scopes[si], page)->total)
                            << "scope " << si << ", filter " << fi;
                      }
                    }
                    const auto all = domain::ScopeFilter{};
                    EXPECT_EQ(tx.hazards().List(filters[1], all, page)->total, 2);
                    EXPECT_EQ(tx.hazards().List(filters[3], all, page)->total, 3);
                    EXPECT_EQ(tx.hazards().List(filters[4], all, page)->total, 1);
                    EXPECT_EQ(tx.hazards().List(filters[4], scopes[3], page)->total, 0);
                    EXPECT_EQ(tx.hazards().List(filters[6], all, page)->total, 2);
                    EXPECT_EQ(tx.hazards().List(filters[6], scopes[3], page)->total, 0);
                    EXPECT_EQ(tx.hazards().List(filters[6], scopes[4], page)->total, 2);
                    EXPECT_EQ(tx.hazards().List({}, scopes[3], page)->total, 1);
                    EXPECT_EQ(tx.hazards().List({}, scopes[4], page)->total, 3);
                    EXPECT_EQ(tx.hazards().List({}, scopes[5], page)->total, 0);
                    return {};
                  })
                  .ok());
}

TEST_P(StorageContract, RuleSettingsAreReadAgainOnceReplaced) {
  auto read = [&] {
    std::vector<std::pair<std::string, std::string>> out;
    EXPECT_TRUE(store_
                    ->Read([&](domain::Tx& tx) -> Status {
                      XA_ASSIGN_OR_RETURN(out, tx.hazards().RuleSettings());
                      return {};
                    })
                    .ok());
    return out;
  };
  auto replace = [&](const std::string& days) {
    const auto before = store_->access_epoch();
    EXPECT_TRUE(store_
                    ->Write([&](domain::Tx& tx) -> Status {
                      XA_TRY(tx.hazards().ReplaceRuleSettings({{"deadlines.general_days", days}},
                                                              "2026-11-01T00:00:00.000Z",
                                                              "tester"));
                      // Within the write, the new settings are what it reads.
                      XA_ASSIGN_OR_RETURN(auto now, tx.hazards().RuleSettings());
                      EXPECT_EQ(now.at(0).second, days);
                      return {};
                    })
                    .ok());
    EXPECT_GT(store_->access_epoch(), before);
  };
  EXPECT_TRUE(read().empty());
  EXPECT_TRUE(read().empty());  // now from the store's cache
  replace("5");
  ASSERT_EQ(read().size(), 1u);
  EXPECT_EQ(read().at(0).second, "5");
  replace("6");
  EXPECT_EQ(read().at(0).second, "6");
}

TEST_P(StorageContract, BackupRestoresIntoAnEmptyDatabaseOnEitherStore) {
  app::Services services{*store_, clock_};
  ASSERT_TRUE(app::SeedDemo(services, ctx_, {7, "district"}).ok());
  testing::TempDir dir;
  services.files_dir = dir.path() + "/files";
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(300, '\x07');
  std::int64_t file_id = 0;
  {
    // A major hazard: with its timeline, escalation, supervision order and notifications.
    auto schools = app::ListSchools(services, ctx_, domain::SchoolFilter{});
    ASSERT_TRUE(schools.ok());
    app::HazardInput in;
    in.school_id = schools->items.at(0).unit.id;
    in.domain = "gas";
    in.level = "major";
    in.title = "燃气管道老化";
    auto photo = app::UploadFile(services, ctx_, "燃气管道.png", png);
    ASSERT_TRUE(photo.ok()) << photo.error().message;
    file_id = photo->id;
    in.file_ids = {file_id};
    auto h = app::ReportHazard(services, ctx_, in);
    ASSERT_TRUE(h.ok()) << h.error().message;
  }
  const std::string file = dir.path() + "/backup.jsonl";
  ASSERT_TRUE(storage::BackupToFile(store_->pool(), file, services.files_dir).ok());

  // Restore into a fresh SQLite database (also proves the backup moves between stores), with
  // a file store of its own: the uploaded photo comes back with the records.
  FreshDatabase target("sqlite");
  auto restored_store = testing::OpenStore(target.url());
  const std::string restored_files = dir.path() + "/restored-files";
  auto rows = storage::RestoreFromFile(restored_store->pool(), file, restored_files);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_GT(*rows, 100);
  app::Services restored{*restored_store, clock_};
  restored.files_dir = restored_files;
  auto photo = app::ReadFile(restored, ctx_, file_id);
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(photo->bytes, png);
  domain::SchoolFilter f;
  EXPECT_EQ(app::ListSchools(restored, ctx_, f)->total, 40);
  {
    auto src = store_->pool().Acquire();
    auto dst = restored_store->pool().Acquire();
    for (const char* table :
         {"users", "user_roles", "roles", "role_permissions", "password_history", "security_policy",
          "audit_log", "hazards", "hazard_events", "hazard_escalations", "supervision_orders",
          "notifications"}) {
      const std::string q = std::string("SELECT COUNT(*) FROM ") + table;
      EXPECT_EQ((*src)->Query(q)->Int(0, 0), (*dst)->Query(q)->Int(0, 0)) << table;
    }
  }
  auto chain = app::VerifyAudit(restored);
  ASSERT_TRUE(chain.ok());
  EXPECT_FALSE(chain->first_break.has_value());
  // New ids continue after the restored ones.
  auto bureaus = app::ListUnits(restored, ctx_, domain::UnitFilter{"bureau"});
  domain::Unit u;
  u.kind = "section";
  u.name = "新科室";
  u.region_code = "990102";
  u.parent_id = bureaus->items.at(0).id;
  auto created = app::CreateUnit(restored, ctx_, u);
  ASSERT_TRUE(created.ok()) << created.error().message;
  // A second restore into the now non-empty database is refused.
  auto again = storage::RestoreFromFile(restored_store->pool(), file);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  // Without the backup's files beside it, a restore into an empty file store is refused whole.
  std::filesystem::rename(storage::BackupFilesDir(file), dir.path() + "/moved");
  FreshDatabase partial("sqlite");
  auto partial_store = testing::OpenStore(partial.url());
  auto missing = storage::RestoreFromFile(partial_store->pool(), file, dir.path() + "/empty-files");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find(photo->file.sha256), std::string::npos);
  {
    auto conn = partial_store->pool().Acquire();
    EXPECT_EQ((*conn)->Query("SELECT COUNT(*) FROM hazards")->Int(0, 0), 0);
  }
  // And restoring back into this store's kind works too (fresh database of the same backend).
  FreshDatabase same(GetParam());
  auto same_store = testing::OpenStore(same.url());
  ASSERT_TRUE(storage::RestoreFromFile(same_store->pool(), file).ok());
  app::Services same_services{*same_store, clock_};
  auto next = app::CreateUnit(same_services, ctx_, u);
  ASSERT_TRUE(next.ok()) << next.error().message;
}

// A table added by a migration but forgotten by the backup would be lost by every restore: the
// backup's tables and those it leaves out on purpose are exactly the schema's tables.
TEST_P(StorageContract, TheBackupForgetsNoTable) {
  auto conn = store_->pool().Acquire();
  ASSERT_TRUE(conn.ok());
  auto schema = storage::SchemaTables(**conn);
  ASSERT_TRUE(schema.ok()) << schema.error().message;
  EXPECT_GT(schema->size(), 20u);
  std::vector<std::string> listed = storage::BackupTables();
  for (const auto& t : storage::TablesLeftOutOfBackup()) listed.push_back(t);
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(listed, *schema);
}

// Migration 0013 upgrades a live database: a hazard's supervision orders become orders on the
// subject "hazard" with the hazard's title, and the files attached to hazards record them.
TEST_P(StorageContract, MigrationToPlatformSubjectsKeepsOrdersAndFiles) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 12);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    const char* t = "2026-11-02T00:00:00.000Z";
    const std::vector<std::pair<std::string, sql::Params>> rows = {
        {"INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
         "VALUES ('990102', '示范区', NULL, 'county', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (1, 'bureau', '教育局', NULL, '990102', NULL, '/1/', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (2, 'school', '一小', 'S1', '990102', 1, '/1/2/', $1, $1)",
         {t}},
        {"INSERT INTO hazards (id, school_id, domain, level, title, found_at, found_by, source, "
         "state, created_at, updated_at) VALUES (5, 2, 'fire', 'major', '配电箱老化', $1, 'a', "
         "'self_inspection', 'reported', $1, $1)",
         {t}},
        {"INSERT INTO hazard_events (id, hazard_id, at, actor, action) "
         "VALUES (8, 5, $1, 'a', 'report')",
         {t}},
        {"INSERT INTO files (id, name, content_type, size, sha256, uploaded_by, unit_id, "
         "uploaded_at) VALUES (3, 'a.png', 'image/png', 8, 'ab', 'a', 2, $1)",
         {t}},
        {"INSERT INTO files (id, name, content_type, size, sha256, uploaded_by, unit_id, "
         "uploaded_at) VALUES (4, 'b.png', 'image/png', 8, 'cd', 'a', 2, $1)",
         {t}},
        {"INSERT INTO hazard_files (file_id, hazard_id, event_id) VALUES (3, 5, 8)", {}},
        {"INSERT INTO supervision_orders (id, hazard_id, school_id, rule, reason, deadline, "
         "state, reply, replied_by, replied_at, created_at) VALUES (6, 5, 2, 'hazard.major', "
         "'重大隐患', '2026-11-09', 'replied', '已停用', 'b', $1, $1)",
         {t}},
    };
    ASSERT_TRUE(WriteRows(**pool, rows));
  }
  auto upgraded = storage::Migrate(**pool, "t");
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_GE(*upgraded, 1);
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  ASSERT_TRUE(store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto orders = tx.supervision().List({}, {}, {});
                    EXPECT_TRUE(orders.ok());
                    EXPECT_EQ(orders->total, 1);
                    if (orders->items.size() == 1) {
                      const auto& o = orders->items[0];
                      EXPECT_EQ(o.id, 6);
                      EXPECT_EQ(o.subject_type, "hazard");
                      EXPECT_EQ(o.subject_id, 5);
                      EXPECT_EQ(o.subject_title, "配电箱老化");
                      EXPECT_EQ(o.state, domain::OrderState::kReplied);
                      EXPECT_EQ(o.reply, "已停用");
                      EXPECT_EQ(o.school_name, "一小");
                    }
                    auto attached = *tx.files().Find(3);
                    EXPECT_TRUE(attached.has_value());
                    if (attached) {
                      EXPECT_EQ(attached->subject_type.value_or(""), "hazard");
                      EXPECT_EQ(attached->subject_id.value_or(0), 5);
                    }
                    auto loose = *tx.files().Find(4);
                    EXPECT_TRUE(loose.has_value());
                    if (loose) {
                      EXPECT_FALSE(loose->subject_type.has_value());
                    }
                    return {};
                  })
                  .ok());
  // An order on another module's record fits the upgraded table.
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    domain::SupervisionOrder o;
                    o.subject_type = "whistle";
                    o.subject_id = 5;
                    o.school_id = 2;
                    o.rule = "r";
                    o.reason = "x";
                    o.deadline = "2026-11-10";
                    o.created_at = "t";
                    return tx.supervision().Insert(o);
                  })
                  .ok());
}

// Migration 0014 adds the school calendar to a live database: what was stored stays, the
// calendar tables take a bureau's semesters at once, and the shipped 2026 notice loads.
TEST_P(StorageContract, MigrationToTheSchoolCalendarKeepsTheOrganisation) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 13);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    const char* t = "2026-11-02T00:00:00.000Z";
    const std::vector<std::pair<std::string, sql::Params>> rows = {
        {"INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
         "VALUES ('990102', '示范区', NULL, 'county', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (1, 'bureau', '教育局', NULL, '990102', NULL, '/1/', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (2, 'school', '一小', 'S1', '990102', 1, '/1/2/', $1, $1)",
         {t}},
    };
    ASSERT_TRUE(WriteRows(**pool, rows));
  }
  auto upgraded = storage::Migrate(**pool, "t");
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_GE(*upgraded, 1);
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  FixedClock clock{Instant{}};
  app::Services services{store, clock};
  ASSERT_TRUE(app::EnsureReferenceData(services).ok());
  namespace cal = domain::calendar;
  const auto day = [](const char* d) { return *cal::ParseDate(d); };
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_TRY(tx.calendar().ReplaceTerms(
                1, {{1, 2026, 1, day("2026-09-01"), day("2027-01-22")}}));
            return tx.calendar().ReplaceExceptions(2, {{2, day("2026-10-22"), false, "运动会"}});
          })
          .ok());
  ASSERT_TRUE(store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto school = *tx.org().FindUnit(2);
                    EXPECT_TRUE(school.has_value());
                    EXPECT_EQ(school->name, "一小");
                    auto years = tx.calendar().HolidayYears();
                    EXPECT_TRUE(years.ok());
                    EXPECT_EQ(years->size(), 1u);
                    auto terms = tx.calendar().TermsOf({2, 1});
                    EXPECT_TRUE(terms.ok());
                    EXPECT_EQ(terms->size(), 1u);
                    auto days = tx.calendar().ExceptionsOf({2});
                    EXPECT_EQ(days->size(), 1u);
                    return {};
                  })
                  .ok());
}

// The calendar repository on both stores: a notice's days come back as its holidays, and each
// Replace* replaces only that unit's rows of its kind.
TEST_P(StorageContract, CalendarRowsRoundTrip) {
  namespace cal = domain::calendar;
  const auto day = [](const char* d) { return *cal::ParseDate(d); };
  const auto bureau = Bureau();
  domain::UnitId section = 0;
  cal::HolidayYear notice;
  notice.year = 2019;
  notice.title = "2019";
  notice.source = "测试";
  notice.loaded_at = "t";
  notice.loaded_by = "x";
  notice.holidays = {
      {"元旦", day("2018-12-30"), day("2019-01-01"), {day("2018-12-29")}},
      {"国庆节", day("2019-10-01"), day("2019-10-07"), {day("2019-09-29"), day("2019-10-12")}}};
  ASSERT_TRUE(S().store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(InsertSection(tx, bureau.id, "科室"));
                    XA_ASSIGN_OR_RETURN(auto units, tx.org().ListUnits({}));
                    for (const auto& u : units.items) {
                      if (u.kind == "section") section = u.id;
                    }
                    XA_TRY(tx.calendar().ReplaceHolidayYear(notice));
                    XA_TRY(tx.calendar().ReplaceTerms(
                        bureau.id, {{bureau.id, 2018, 2, day("2019-02-25"), day("2019-07-05")},
                                    {bureau.id, 2019, 1, day("2019-09-01"), day("2020-01-17")}}));
                    XA_TRY(tx.calendar().ReplaceTerms(
                        section, {{section, 2019, 1, day("2019-09-02"), day("2020-01-17")}}));
                    XA_TRY(tx.calendar().ReplaceExceptions(
                        bureau.id, {{bureau.id, day("2019-11-08"), false, "培训"},
                                    {bureau.id, day("2019-11-09"), true, "补课"}}));
                    XA_TRY(tx.calendar().ReplaceDismissals(
                        bureau.id, {{bureau.id, 0, 0, 990}, {bureau.id, 3, 5, 900}}));
                    // Replacing again keeps only the new rows.
                    return tx.calendar().ReplaceTerms(
                        bureau.id, {{bureau.id, 2019, 1, day("2019-09-01"), day("2020-01-17")}});
                  })
                  .ok());
  ASSERT_TRUE(S().store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto years = *tx.calendar().HolidayYears();
                    EXPECT_EQ(years.size(), 2u);  // the shipped 2026 and this one
                    const auto& y = years.front();
                    EXPECT_EQ(y.year, 2019);
                    EXPECT_EQ(y.source, "测试");
                    EXPECT_EQ(y.loaded_by, "x");
                    EXPECT_EQ(y.holidays.size(), 2u);
                    if (y.holidays.size() == 2) {
                      EXPECT_EQ(y.holidays[0].name, "元旦");
                      EXPECT_EQ(cal::FormatDate(y.holidays[0].from), "2018-12-30");
                      EXPECT_EQ(cal::FormatDate(y.holidays[0].to), "2019-01-01");
                      EXPECT_EQ(y.holidays[0].workdays.size(), 1u);
                      EXPECT_EQ(y.holidays[1].workdays.size(), 2u);
                      EXPECT_EQ(cal::FormatDate(y.holidays[1].to), "2019-10-07");
                    }
                    auto terms = *tx.calendar().TermsOf({bureau.id});
                    EXPECT_EQ(terms.size(), 1u);
                    auto both = *tx.calendar().TermsOf({section, bureau.id});
                    EXPECT_EQ(both.size(), 2u);
                    EXPECT_TRUE(tx.calendar().TermsOf({}).value().empty());
                    auto days = *tx.calendar().ExceptionsOf({bureau.id});
                    EXPECT_EQ(days.size(), 2u);
                    if (days.size() == 2) {
                      EXPECT_FALSE(days[0].school_day);
                      EXPECT_TRUE(days[1].school_day);
                      EXPECT_EQ(days[1].reason, "补课");
                    }
                    auto times = *tx.calendar().DismissalsOf({bureau.id});
                    EXPECT_EQ(times.size(), 2u);
                    if (times.size() == 2) {
                      EXPECT_EQ(times[1].grade, 3);
                      EXPECT_EQ(times[1].weekday, 5);
                      EXPECT_EQ(times[1].minutes, 900);
                    }
                    return {};
                  })
                  .ok());
  // Loading the year again replaces its days.
  notice.holidays = {{"国庆节", day("2019-10-01"), day("2019-10-03"), {}}};
  ASSERT_TRUE(
      S().store.Write([&](domain::Tx& tx) { return tx.calendar().ReplaceHolidayYear(notice); })
          .ok());
  ASSERT_TRUE(S().store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto years = *tx.calendar().HolidayYears();
                    EXPECT_EQ(years.front().holidays.size(), 1u);
                    EXPECT_EQ(cal::FormatDate(years.front().holidays[0].to), "2019-10-03");
                    return {};
                  })
                  .ok());
}

TEST_P(StorageContract, DemoIsDeterministicAndCoversTheModel) {
  auto summary = app::SeedDemo(S(), ctx_, {42, "district"});
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->schools, 40);
  EXPECT_EQ(summary->departments, 8);
  auto conn = Conn();
  auto stages = conn->Query(
      "SELECT COUNT(DISTINCT stage), COUNT(DISTINCT location_type), "
      "SUM(boarding), COUNT(DISTINCT ownership) FROM schools");
  EXPECT_EQ(stages->Int(0, 0), 8);
  EXPECT_EQ(stages->Int(0, 1), 4);
  EXPECT_GT(stages->Int(0, 2), 0);
  EXPECT_EQ(stages->Int(0, 3), 2);
  auto places = conn->Query("SELECT COUNT(DISTINCT kind) FROM school_key_places");
  EXPECT_EQ(places->Int(0, 0), 12);
  auto fingerprint = conn->Query("SELECT SUM(students), SUM(staff), SUM(boarders) FROM schools");
  // Same seed, same district: seed another database and compare.
  FreshDatabase other("sqlite");
  auto other_store = testing::OpenStore(other.url());
  app::Services other_services{*other_store, clock_};
  ASSERT_TRUE(app::SeedDemo(other_services, ctx_, {42, "district"}).ok());
  auto oc = other_store->pool().Acquire();
  auto other_fp = (*oc)->Query("SELECT SUM(students), SUM(staff), SUM(boarders) FROM schools");
  EXPECT_EQ(fingerprint->Int(0, 0), other_fp->Int(0, 0));
  EXPECT_EQ(fingerprint->Int(0, 1), other_fp->Int(0, 1));
  EXPECT_EQ(fingerprint->Int(0, 2), other_fp->Int(0, 2));
  // A second demo into the same database is refused.
  auto again = app::SeedDemo(S(), ctx_, {42, "district"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
}

// With INSERT and DELETE alone — a forged archive checkpoint and the records up to it deleted —
// the log no longer verifies: the chain holds no audit.archive record for that checkpoint.
TEST_P(StorageContract, AForgedArchiveCheckpointIsFound) {
  Bureau();
  for (int i = 0; i < 3; ++i) {
    domain::Unit u;
    u.kind = "section";
    u.name = "科室" + std::to_string(i);
    u.region_code = "990102";
    u.parent_id = app::ListUnits(S(), ctx_, domain::UnitFilter{"bureau"})->items.at(0).id;
    ASSERT_TRUE(app::CreateUnit(S(), ctx_, u).ok());
  }
  ASSERT_FALSE(app::VerifyAudit(S())->first_break.has_value());
  auto conn = Conn();
  auto row = conn->Query("SELECT hash FROM audit_log WHERE id = 4");
  ASSERT_TRUE(row.ok() && !row->empty());
  ASSERT_TRUE(conn->Exec("INSERT INTO audit_archives (up_to_id, up_to_hash, records, file_name, "
                         "file_sha256, created_at) VALUES (4, $1, 4, 'x.jsonl', 'abc', 't')",
                         {row->Text(0, 0)})
                  .ok());
  ASSERT_TRUE(conn->Exec("DELETE FROM audit_log WHERE id <= 4").ok());
  auto v = app::VerifyAudit(S());
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(v->first_break.has_value()) << "checked " << v->checked;
  EXPECT_EQ(v->first_break->id, 4);
  EXPECT_NE(v->first_break->reason.find("audit.archive"), std::string::npos);
}

// The head anchored outside the table finds the newest records deleted, and records appended
// behind Xiaoan's back, which a chain alone cannot.
TEST_P(StorageContract, TheAnchoredHeadFindsACutTailAndForgedAppends) {
  testing::TempDir dir;
  auto anchor = storage::AuditAnchor::Open(dir.path() + "/head.json", dir.path() + "/head.key");
  ASSERT_TRUE(anchor.ok()) << anchor.error().message;
  store_->SetAuditAnchor(*anchor);
  Bureau();  // three audited writes
  auto head = store_->AnchoredAuditHead();
  ASSERT_TRUE(head.ok() && head->has_value());
  EXPECT_EQ((*head)->id, 3);
  ASSERT_FALSE(app::VerifyAudit(S())->first_break.has_value());

  // A forged record appended with a correct link, dated two minutes ago.
  auto conn = Conn();
  auto last = conn->Query("SELECT hash FROM audit_log WHERE id = 3");
  domain::AuditEntry forged;
  forged.at = FormatInstant(clock_.Now() - std::chrono::minutes(2));
  forged.actor = "sysadmin";
  forged.action = "user.status";
  forged.object_type = "user";
  forged.object_id = "1";
  forged.result = "ok";
  forged.summary = "伪造";
  const std::string prev = last->Text(0, 0);
  const std::string hash = domain::AuditRecordHash(forged, 4, prev, store_->audit_hash());
  ASSERT_TRUE(conn->Exec("INSERT INTO audit_log (id, at, actor, unit_id, action, object_type, "
                         "object_id, result, source, request_id, summary, prev_hash, hash) VALUES "
                         "(4, $1, 'sysadmin', NULL, 'user.status', 'user', '1', 'ok', '', '', "
                         "'伪造', $2, $3)",
                         {forged.at, prev, hash})
                  .ok());
  // A real write after it does not carry the head across the forged record.
  domain::Unit u;
  u.kind = "section";
  u.name = "新科室";
  u.region_code = "990102";
  u.parent_id = app::ListUnits(S(), ctx_, domain::UnitFilter{"bureau"})->items.at(0).id;
  ASSERT_TRUE(app::CreateUnit(S(), ctx_, u).ok());
  EXPECT_EQ((*store_->AnchoredAuditHead())->id, 3);
  auto v = app::VerifyAudit(S());
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(v->first_break.has_value());
  EXPECT_EQ(v->first_break->id, 4);
  EXPECT_NE(v->first_break->reason.find("伪造的追加"), std::string::npos);
  // The gap is recorded in the chain when the head is anchored again (at the next start).
  app::RequestContext system;
  system.actor = "system";
  ASSERT_TRUE(app::ReanchorAudit(S(), system, "服务启动时").ok());
  EXPECT_FALSE(app::VerifyAudit(S())->first_break.has_value());
  auto anchored = Conn()->Query(
      "SELECT summary FROM audit_log WHERE action = 'audit.anchor' ORDER BY id DESC LIMIT 1");
  ASSERT_TRUE(anchored.ok() && !anchored->empty());
  EXPECT_NE(anchored->Text(0, 0).find("记录 4–5 提交后未经锚定"), std::string::npos)
      << anchored->Text(0, 0);

  // Someone with the database's own rights deletes the newest two records.
  if (conn->dialect() == sql::Dialect::kSqlite) {
    ASSERT_TRUE(conn->ExecScript("DROP TRIGGER audit_log_no_delete").ok());
  } else {
    ASSERT_TRUE(conn->ExecScript("DROP TRIGGER audit_log_no_delete ON audit_log").ok());
  }
  const auto newest = (*store_->AnchoredAuditHead())->id;
  ASSERT_TRUE(conn->Exec("DELETE FROM audit_log WHERE id >= $1", {newest - 1}).ok());
  auto cut = app::VerifyAudit(S());
  ASSERT_TRUE(cut.ok());
  ASSERT_TRUE(cut->first_break.has_value());
  EXPECT_EQ(cut->first_break->id, newest - 1);
  EXPECT_NE(cut->first_break->reason.find("已不在表中"), std::string::npos);

  // An edited head file is refused: its signature needs the key the database does not hold.
  {
    std::ofstream f(dir.path() + "/head.json", std::ios::trunc);
    f << R"({"id":2,"hash":"00","mac":"00"})"
      << "\n";
  }
  auto edited = app::VerifyAudit(S());
  ASSERT_TRUE(edited.ok());
  ASSERT_TRUE(edited->first_break.has_value());
  EXPECT_NE(edited->first_break->reason.find("签名不符"), std::string::npos);
}

TEST_P(StorageContract, AuditArchiveKeepsTheChainVerifiable) {
  Bureau();  // three audited writes at the pinned time
  const std::string old_day = FormatInstant(clock_.Now()).substr(0, 10);
  clock_.Advance(std::chrono::days(200));
  domain::Unit u;
  u.kind = "section";
  u.name = "新科室";
  u.region_code = "990102";
  auto bureaus = app::ListUnits(S(), ctx_, domain::UnitFilter{"bureau"});
  u.parent_id = bureaus->items.at(0).id;
  ASSERT_TRUE(app::CreateUnit(S(), ctx_, u).ok());
  // Too recent: inside the retention period.
  auto recent = app::PlanAuditArchive(S(), FormatInstant(clock_.Now()).substr(0, 10), 180);
  ASSERT_FALSE(recent.ok());
  EXPECT_EQ(recent.error().details.at(0).field, "audit.retention");
  // The records of the old day (plus one) are archived.
  Instant next_day;
  ASSERT_TRUE(ParseInstant(old_day + "T00:00:00.000Z", next_day));
  next_day += std::chrono::days(1);
  auto plan = app::PlanAuditArchive(S(), FormatInstant(next_day).substr(0, 10), 180);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_EQ(plan->records.size(), 3u);
  testing::TempDir archives;
  const std::string file = archives.path() + "/audit-1.jsonl";
  {
    std::ofstream out(file, std::ios::binary);
    out << "archived records\n";
  }
  const std::string digest = Sha256Hex("archived records\n");
  ASSERT_TRUE(app::CommitAuditArchive(S(), ctx_, *plan, file, digest).ok());
  auto conn = Conn();
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM audit_log")->Int(0, 0), 2);  // section + archive
  auto v = app::VerifyAudit(S());
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->first_break.has_value());
  EXPECT_EQ(v->archived_up_to, 3);
  EXPECT_EQ(v->checked, 2);
  // The file must be where the checkpoint says (or in the directory named), unchanged.
  testing::TempDir moved;
  std::filesystem::copy_file(file, moved.path() + "/audit-1.jsonl");
  EXPECT_FALSE(app::VerifyAudit(S(), nullptr, moved.path())->first_break.has_value());
  {
    std::ofstream out(moved.path() + "/audit-1.jsonl", std::ios::app);
    out << "x";
  }
  auto changed = app::VerifyAudit(S(), nullptr, moved.path());
  ASSERT_TRUE(changed->first_break.has_value());
  EXPECT_NE(changed->first_break->reason.find("摘要不符"), std::string::npos);
  std::filesystem::remove(file);
  auto missing = app::VerifyAudit(S());
  ASSERT_TRUE(missing->first_break.has_value());
  EXPECT_NE(missing->first_break->reason.find("不存在"), std::string::npos);
  // Records not covered by a checkpoint still cannot be deleted, nor checkpoints changed.
  EXPECT_FALSE(conn->Exec("DELETE FROM audit_log WHERE id = 4").ok());
  EXPECT_FALSE(conn->Exec("DELETE FROM audit_archives").ok());
  // Nothing left to archive for that day.
  auto again = app::PlanAuditArchive(S(), FormatInstant(next_day).substr(0, 10), 180);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->records.empty());
}

// Migration 0015 adds the rules engine's records and drills to a live database: schools keep
// their profile and get school_buses 0, hazards keep everything and have no origin, and the new
// tables take rows at once.
TEST_P(StorageContract, MigrationToRulesAndDrillsKeepsSchoolsAndHazards) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 14);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    const char* t = "2026-11-02T00:00:00.000Z";
    const std::vector<std::pair<std::string, sql::Params>> rows = {
        {"INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
         "VALUES ('990102', '示范区', NULL, 'county', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (1, 'bureau', '教育局', NULL, '990102', NULL, '/1/', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (2, 'school', '一小', 'S1', '990102', 1, '/1/2/', $1, $1)",
         {t}},
        {"INSERT INTO schools (unit_id, stage, ownership, boarding, boarders, location_type, "
         "students, staff) VALUES (2, 'primary', 'public', 1, 50, 'rural', 600, 40)",
         {}},
        {"INSERT INTO hazards (id, school_id, domain, level, title, found_at, found_by, source, "
         "state, created_at, updated_at) VALUES (7, 2, 'fire', 'general', '灭火器过期', $1, 'x', "
         "'drill', 'reported', $1, $1)",
         {t}},
    };
    ASSERT_TRUE(WriteRows(**pool, rows));
  }
  auto upgraded = storage::Migrate(**pool, "t");
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_GE(*upgraded, 1);
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  ASSERT_TRUE(store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto school = *tx.org().FindSchool(2);
                    EXPECT_TRUE(school.has_value());
                    EXPECT_EQ(school->profile.boarders, 50);
                    EXPECT_EQ(school->profile.school_buses, 0);
                    auto h = *tx.hazards().Find(7, domain::ScopeFilter{});
                    EXPECT_TRUE(h.has_value());
                    if (h) {
                      EXPECT_EQ(h->title, "灭火器过期");
                      EXPECT_FALSE(h->origin_type.has_value());
                    }
                    return {};
                  })
                  .ok());
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    domain::drill::Drill d;
                    d.school_id = 2;
                    d.kind = "fire";
                    d.date = "2026-11-20";
                    d.commander = "校长";
                    d.problems = {{"指示灯不亮", std::int64_t{7}}};
                    d.recorded_by = d.created_at = d.updated_at = "t";
                    XA_TRY(tx.drills().Insert(d));
                    domain::rules::ParamSet set{
                        2, "drill.fire_semester", 1, {{"min_count", 2}}, "", "x", "t"};
                    return tx.rules().InsertParamSet(set);
                  })
                  .ok());
}

// Migration 0016 adds the record of reminders sent to a database holding findings: the findings
// stay, and a reminder is recorded once.
TEST_P(StorageContract, MigrationToRuleNoticesKeepsFindings) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 15);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    const char* t = "2026-11-02T00:00:00.000Z";
    const std::vector<std::pair<std::string, sql::Params>> rows = {
        {"INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
         "VALUES ('990102', '示范区', NULL, 'county', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (2, 'school', '一小', 'S1', '990102', NULL, '/2/', $1, $1)",
         {t}},
        {"INSERT INTO rule_findings (rule_id, rule_version, params_version, subject_type, "
         "subject_id, unit_id, period_key, so_far, outcome, reason, evaluated_at) VALUES "
         "('drill.monthly', 1, 0, 'school', 2, 2, '2026-12', 1, 'due', '尚差 1 次', $1)",
         {t}},
    };
    ASSERT_TRUE(WriteRows(**pool, rows));
  }
  auto upgraded = storage::Migrate(**pool, "t");
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_GE(*upgraded, 1);
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    domain::rules::FindingFilter f;
                    auto found = *tx.rules().ListFindings(f, {}, {});
                    EXPECT_EQ(found.total, 1);
                    EXPECT_TRUE(*tx.rules().MarkNotice("drill.monthly", "school", 2, "2026-12",
                                                       "due_30", "t"));
                    EXPECT_FALSE(*tx.rules().MarkNotice("drill.monthly", "school", 2, "2026-12",
                                                        "due_30", "t"));
                    EXPECT_TRUE(*tx.rules().MarkNotice("drill.monthly", "school", 2, "2026-12",
                                                       "due_7", "t"));
                    return {};
                  })
                  .ok());
}

// Migration 0017 turns the hazard rules a district had set into version 1 of each rule at its top
// bureau (the settings stay where the ledger reads them); a rule never set gets no version, and
// files are then found by the record they are attached to.
TEST_P(StorageContract, MigrationToHazardRuleVersionsKeepsTheSettings) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 16);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    const char* t = "2026-11-02T00:00:00.000Z";
    const std::vector<std::pair<std::string, sql::Params>> rows = {
        {"INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
         "VALUES ('990102', '示范区', NULL, 'county', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (1, 'bureau', '教育局', NULL, '990102', NULL, '/1/', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (2, 'school', '一小', 'S1', '990102', 1, '/1/2/', $1, $1)",
         {t}},
        {"INSERT INTO hazard_rule_settings (key, value, updated_at, updated_by) VALUES "
         "('general_days', '5', $1, 'office'), ('major_days', '20', $1, 'office'), "
         "('general.fire', '2', $1, 'office'), ('overdue_leader_days', '1', $1, 'office'), "
         "('overdue_bureau_days', '2', $2, 'chief')",
         {t, "2026-11-03T00:00:00.000Z"}},
        {"INSERT INTO files (id, name, content_type, size, sha256, uploaded_by, unit_id, "
         "uploaded_at, subject_type, subject_id) VALUES (4, 'a.png', 'image/png', 1, 'ab', "
         "'office', 2, $1, 'drill', 9)",
         {t}},
    };
    ASSERT_TRUE(WriteRows(**pool, rows));
  }
  auto upgraded = storage::Migrate(**pool, "t");
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_GE(*upgraded, 1);
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  ASSERT_TRUE(store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto deadline = *tx.rules().ParamSetsOf("hazard.deadline", {1});
                    EXPECT_EQ(deadline.size(), 1u);
                    if (!deadline.empty()) {
                      EXPECT_EQ(deadline[0].version, 1);
                      EXPECT_EQ(deadline[0].values, (domain::rules::ParamValues{
                                                        {"general_days", 5}, {"major_days", 20}}));
                      EXPECT_EQ(deadline[0].changed_by, "office");
                    }
                    auto overdue = *tx.rules().ParamSetsOf("hazard.overdue", {1});
                    EXPECT_EQ(overdue.size(), 1u);
                    if (!overdue.empty()) {
                      EXPECT_EQ(overdue[0].values,
                                (domain::rules::ParamValues{{"overdue_bureau_days", 2},
                                                            {"overdue_leader_days", 1}}));
                      EXPECT_EQ(overdue[0].changed_by, "chief");  // the latest change
                      EXPECT_EQ(overdue[0].changed_at, "2026-11-03T00:00:00.000Z");
                    }
                    EXPECT_TRUE((*tx.rules().ParamSetsOf("hazard.missed", {1})).empty());
                    EXPECT_TRUE((*tx.rules().ParamSetsOf("hazard.deadline", {2})).empty());
                    auto settings = *tx.hazards().RuleSettings();
                    EXPECT_EQ(settings.size(), 5u);
                    auto files = *tx.files().OfSubject("drill", 9);
                    EXPECT_EQ(files.size(), 1u);
                    EXPECT_TRUE((*tx.files().OfSubject("drill", 8)).empty());
                    return {};
                  })
                  .ok());
}

// The rules engine's store on both stores: versions per unit with the latest of each, findings
// replaced per rule, subject and period, filtered, counted and scoped.
TEST_P(StorageContract, RuleValuesAndFindingsRoundTrip) {
  namespace rules = domain::rules;
  const auto bureau = Bureau();
  auto school = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "R0001"));
  ASSERT_TRUE(school.ok()) << school.error().message;
  auto other = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "R0002"));
  ASSERT_TRUE(other.ok());
  const auto sid = school->unit.id;
  auto finding = [&](std::int64_t unit, const std::string& rule, const std::string& period,
                     rules::Outcome o) {
    rules::Finding f;
    f.rule_id = rule;
    f.params_version = 1;
    f.params = "min_count=2";
    f.subject_type = "school";
    f.subject_id = unit;
    f.unit_id = unit;
    f.period_key = period;
    f.period_label = period;
    f.outcome = o;
    f.reason = "理由";
    f.evidence = {3, 5};
    f.evaluated_at = "t";
    return f;
  };
  ASSERT_TRUE(
      S().store
          .Write([&](domain::Tx& tx) -> Status {
            XA_TRY(tx.rules().InsertParamSet(
                {bureau.id, "drill.monthly", 1, {{"min_count", 2}}, "首版", "a", "2026-01-01"}));
            XA_TRY(tx.rules().InsertParamSet({bureau.id,
                                              "drill.monthly",
                                              2,
                                              {{"min_count", 3}, {"teaching_month_days", 9}},
                                              "",
                                              "a",
                                              "2026-02-01"}));
            XA_TRY(tx.rules().InsertParamSet(
                {sid, "drill.monthly", 1, {{"min_count", 1}}, "", "b", "2026-03-01"}));
            XA_TRY(tx.rules().SaveFinding(
                finding(sid, "drill.monthly", "2026-10", rules::Outcome::kDue)));
            // The same rule, subject and period again: replaced, not added.
            XA_TRY(tx.rules().SaveFinding(
                finding(sid, "drill.monthly", "2026-10", rules::Outcome::kPass)));
            XA_TRY(tx.rules().SaveFinding(
                finding(sid, "drill.monthly", "2026-11", rules::Outcome::kFail)));
            XA_TRY(tx.rules().SaveFinding(
                finding(other->unit.id, "drill.monthly", "2026-11", rules::Outcome::kFail)));
            auto record = finding(sid, "drill.time", "", rules::Outcome::kWarn);
            record.subject_type = "drill";
            record.subject_id = 42;
            return tx.rules().SaveFinding(record);
          })
          .ok());
  ASSERT_TRUE(
      S().store
          .Read([&](domain::Tx& tx) -> Status {
            auto history = *tx.rules().ParamSetsOf("drill.monthly", {sid, bureau.id});
            EXPECT_EQ(history.size(), 3u);
            auto latest =
                *tx.rules().LatestParamSets({"drill.monthly", "drill.time"}, {sid, bureau.id});
            EXPECT_EQ(latest.size(), 2u);
            for (const auto& p : latest) {
              if (p.unit_id == bureau.id) {
                EXPECT_EQ(p.version, 2);
                EXPECT_EQ(p.values.at("teaching_month_days"), 9);
                EXPECT_EQ(p.values.at("min_count"), 3);
              }
            }
            EXPECT_TRUE(tx.rules().LatestParamSets({"drill.monthly"}, {}).value().empty());
            rules::FindingFilter f;
            f.rules = {"drill.monthly"};
            domain::PageRequest page;
            auto all = *tx.rules().ListFindings(f, domain::ScopeFilter{}, page);
            EXPECT_EQ(all.total, 3);
            f.unit_id = sid;
            f.period_keys = {"2026-10"};
            auto one = *tx.rules().ListFindings(f, domain::ScopeFilter{}, page);
            EXPECT_EQ(one.total, 1);
            if (!one.items.empty()) {
              EXPECT_EQ(one.items[0].outcome, rules::Outcome::kPass);
              EXPECT_EQ(one.items[0].evidence, (std::vector<std::int64_t>{3, 5}));
              EXPECT_EQ(one.items[0].params_version, 1);
              EXPECT_EQ(one.items[0].unit_name, school->unit.name);
            }
            rules::FindingFilter fails;
            fails.outcomes = {rules::Outcome::kFail, rules::Outcome::kWarn};
            EXPECT_EQ(tx.rules().ListFindings(fails, domain::ScopeFilter{}, page)->total, 3);
            // Scoped to one school's path.
            auto own =
                *tx.rules().ListFindings({}, domain::ScopeFilter::Subtree(school->unit.path), page);
            EXPECT_EQ(own.total, 3);
            auto counts = *tx.rules().CountFindings({"drill.monthly"}, {"2026-11", "2026-10"},
                                                    domain::ScopeFilter{});
            std::int64_t failing = 0;
            std::int64_t passing = 0;
            for (const auto& c : counts) {
              if (c.outcome == rules::Outcome::kFail) failing += c.count;
              if (c.outcome == rules::Outcome::kPass) passing += c.count;
            }
            EXPECT_EQ(failing, 2);
            EXPECT_EQ(passing, 1);
            EXPECT_TRUE(tx.rules().CountFindings({}, {"2026-11"}, {}).value().empty());
            return {};
          })
          .ok());
  ASSERT_TRUE(
      S().store.Write([&](domain::Tx& tx) { return tx.rules().RemoveFindings("drill", 42); }).ok());
  ASSERT_TRUE(S().store
                  .Read([&](domain::Tx& tx) -> Status {
                    rules::FindingFilter f;
                    f.subject_type = "drill";
                    EXPECT_EQ(tx.rules().ListFindings(f, {}, {})->total, 0);
                    return {};
                  })
                  .ok());
}

// Drill records on both stores: fields and problems round-trip, edits replace the problems, the
// list filters and scopes, a school's drills come back in date order.
TEST_P(StorageContract, DrillsRoundTrip) {
  const auto bureau = Bureau();
  auto school = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "D0001"));
  ASSERT_TRUE(school.ok()) << school.error().message;
  const auto sid = school->unit.id;
  domain::drill::Drill d;
  d.school_id = sid;
  d.kind = "earthquake";
  d.title = "地震避险演练";
  d.date = "2026-10-14";
  d.start_time = "10:00";
  d.night = true;
  d.announced = false;
  d.whole_school = false;
  d.scope_note = "一至三年级";
  d.building_id = school->buildings.at(0).id;
  d.building = "教学楼";
  d.floors = 4;
  d.commander = "王校长";
  d.students = 300;
  d.staff = 20;
  d.signal_time = "10:02:00";
  d.all_out_time = "10:03:50";
  d.headcount_ok = false;
  d.headcount_note = "少一人，已找到";
  d.injuries = 1;
  d.problems = {{"指示灯不亮", std::nullopt}, {"集合慢", std::nullopt}};
  d.actions = "更换";
  d.recorded_by = "x";
  d.created_at = d.updated_at = "t";
  domain::drill::Drill early = d;
  early.date = "2026-09-01";
  early.problems.clear();
  ASSERT_TRUE(S().store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(tx.drills().Insert(d));
                    return tx.drills().Insert(early);
                  })
                  .ok());
  ASSERT_TRUE(S().store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto got = *tx.drills().Find(d.id, domain::ScopeFilter{});
                    EXPECT_TRUE(got.has_value());
                    if (!got) return {};
                    EXPECT_EQ(got->school_name, school->unit.name);
                    EXPECT_EQ(got->kind, "earthquake");
                    EXPECT_TRUE(got->night);
                    EXPECT_FALSE(got->announced);
                    EXPECT_FALSE(got->whole_school);
                    EXPECT_EQ(got->building_id, d.building_id);
                    EXPECT_EQ(got->floors, 4);
                    EXPECT_EQ(got->all_out_time, "10:03:50");
                    EXPECT_FALSE(got->headcount_ok);
                    EXPECT_EQ(got->injuries, 1);
                    EXPECT_EQ(got->problems.size(), 2u);
                    auto list = *tx.drills().OfSchool(sid, "2026-09-01", "2026-10-14");
                    EXPECT_EQ(list.size(), 2u);
                    if (list.size() == 2) {
                      EXPECT_EQ(list[0].date, "2026-09-01");
                    }
                    EXPECT_EQ(tx.drills().OfSchool(sid, "2026-09-02", "2026-10-13")->size(), 0u);
                    domain::drill::DrillFilter f;
                    f.kind = "earthquake";
                    f.from = "2026-10-01";
                    EXPECT_EQ(tx.drills().List(f, {}, {})->total, 1);
                    f.q = "地震";
                    EXPECT_EQ(tx.drills().List(f, {}, {})->total, 1);
                    EXPECT_EQ(
                        tx.drills().List({}, domain::ScopeFilter::Subtree("/999/"), {})->total, 0);
                    return {};
                  })
                  .ok());
  d.problems = {{"集合慢", std::nullopt}};
  d.kind = "fire";
  ASSERT_TRUE(S().store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(tx.drills().Update(d));
                    return tx.drills().Remove(early.id);
                  })
                  .ok());
  ASSERT_TRUE(S().store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto got = *tx.drills().Find(d.id, {});
                    EXPECT_EQ(got->kind, "fire");
                    EXPECT_EQ(got->problems.size(), 1u);
                    EXPECT_FALSE(tx.drills().Find(early.id, {})->has_value());
                    return {};
                  })
                  .ok());
}

// Drill plans on both stores: statuses counted against the day given, a record closes its plan
// and removing the record reopens it; a bureau's plan for a year is found from the units below
// it, the nearest first, and replaced whole.
TEST_P(StorageContract, DrillPlansAndYearPlansRoundTrip) {
  namespace dr = domain::drill;
  const auto bureau = Bureau();
  auto school = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "P0001"));
  ASSERT_TRUE(school.ok()) << school.error().message;
  const auto sid = school->unit.id;
  dr::DrillPlan p;
  p.school_id = sid;
  p.kind = "fire";
  p.title = "冬季疏散";
  p.date = "2026-12-10";
  p.start_time = "10:00";
  p.night = true;
  p.whole_school = false;
  p.scope_note = "高一";
  p.commander = "王校长";
  p.note = "联合消防站";
  p.created_by = "x";
  p.created_at = p.updated_at = "t";
  dr::DrillPlan past = p;
  past.date = "2026-12-01";
  dr::DrillPlan later = p;
  later.date = "2026-12-20";
  dr::DrillPlan early_done = p;  // carried out before the open ones' days
  early_done.date = "2026-11-20";
  dr::Drill d;
  d.school_id = sid;
  d.kind = "fire";
  d.date = "2026-12-03";
  d.commander = "王校长";
  d.students = 100;
  d.recorded_by = "x";
  d.created_at = d.updated_at = "t";
  dr::Drill d2 = d;
  d2.date = "2026-11-20";
  ASSERT_TRUE(S().store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(tx.drill_plans().Insert(p));
                    XA_TRY(tx.drill_plans().Insert(past));
                    XA_TRY(tx.drill_plans().Insert(later));
                    XA_TRY(tx.drill_plans().Insert(early_done));
                    XA_TRY(tx.drills().Insert(d));
                    XA_TRY(tx.drills().Insert(d2));
                    XA_TRY(tx.drill_plans().SetDrill(early_done.id, d2.id));
                    return tx.drill_plans().SetDrill(later.id, d.id);
                  })
                  .ok());
  auto count = [&](std::vector<dr::PlanStatus> statuses, const domain::ScopeFilter& scope = {}) {
    std::int64_t n = -1;
    EXPECT_TRUE(S().store
                    .Read([&](domain::Tx& tx) -> Status {
                      dr::DrillPlanFilter f;
                      f.statuses = std::move(statuses);
                      f.today = "2026-12-03";
                      f.due_until = "2026-12-10";
                      XA_ASSIGN_OR_RETURN(auto list, tx.drill_plans().List(f, scope, {}));
                      n = list.total;
                      return {};
                    })
                    .ok());
    return n;
  };
  EXPECT_EQ(count({dr::PlanStatus::kDue}), 1);  // the 10th: the last day of the week
  EXPECT_EQ(count({dr::PlanStatus::kOverdue}), 1);
  EXPECT_EQ(count({dr::PlanStatus::kDone}), 2);
  EXPECT_EQ(count({dr::PlanStatus::kPlanned}), 0);
  EXPECT_EQ(count({dr::PlanStatus::kDue, dr::PlanStatus::kOverdue}), 2);
  EXPECT_EQ(count({}), 4);
  EXPECT_EQ(count({}, domain::ScopeFilter::Subtree("/999/")), 0);
  ASSERT_TRUE(
      S().store
          .Read([&](domain::Tx& tx) -> Status {
            auto got = *tx.drill_plans().Find(p.id, {});
            EXPECT_TRUE(got.has_value());
            if (!got) return {};
            EXPECT_EQ(got->school_name, school->unit.name);
            EXPECT_EQ(got->title, "冬季疏散");
            EXPECT_TRUE(got->night);
            EXPECT_FALSE(got->whole_school);
            EXPECT_EQ(got->scope_note, "高一");
            EXPECT_EQ(got->note, "联合消防站");
            EXPECT_FALSE(got->drill_id.has_value());
            EXPECT_EQ(tx.drill_plans().Find(later.id, {})->value().drill_id, d.id);
            EXPECT_EQ(tx.drills().Find(d.id, {})->value().plan_id, later.id);
            dr::DrillPlanFilter f;
            f.q = "冬季";
            f.from = "2026-12-02";
            f.to = "2026-12-10";
            EXPECT_EQ(tx.drill_plans().List(f, {}, {})->total, 1);
            domain::PageRequest page;
            page.sort = "-date";
            EXPECT_EQ(tx.drill_plans().List({}, {}, page)->items.at(0).id, later.id);
            // By default the open plans first, each group by day.
            std::vector<std::int64_t> order;
            const auto by_default = *tx.drill_plans().List({}, {}, {});
            for (const auto& x : by_default.items) order.push_back(x.id);
            EXPECT_EQ(order, (std::vector<std::int64_t>{past.id, p.id, early_done.id, later.id}));
            return {};
          })
          .ok());
  p.title = "改期";
  p.date = "2026-12-11";
  ASSERT_TRUE(S().store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(tx.drill_plans().Update(p));
                    XA_TRY(tx.drill_plans().Remove(past.id));
                    return tx.drills().Remove(d.id);
                  })
                  .ok());
  ASSERT_TRUE(S().store
                  .Read([&](domain::Tx& tx) -> Status {
                    EXPECT_EQ(tx.drill_plans().Find(p.id, {})->value().date, "2026-12-11");
                    EXPECT_FALSE(tx.drill_plans().Find(past.id, {})->has_value());
                    EXPECT_FALSE(tx.drill_plans().Find(later.id, {})->value().drill_id);
                    return {};
                  })
                  .ok());
  EXPECT_EQ(count({dr::PlanStatus::kDone}), 1);

  // The year plan: the nearest unit's.
  domain::plan::YearPlan mine;
  mine.unit_id = bureau.id;
  mine.year = 2026;
  mine.title = "要点";
  mine.actions = {
      {1, "演练", {{13, "消防", {"drill.fire_semester", "drill.monthly"}}, {19, "反恐", {}}}},
      {2, "隐患", {{7, "清零", {"hazard.overdue"}}}}};
  mine.loaded_by = "office";
  mine.loaded_at = "t";
  ASSERT_TRUE(S().store.Write([&](domain::Tx& tx) { return tx.plans().Save(mine); }).ok());
  ASSERT_TRUE(S().store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto got = *tx.plans().Nearest({sid, bureau.id}, 2026);
                    EXPECT_TRUE(got.has_value());
                    if (!got) return {};
                    EXPECT_EQ(got->unit_id, bureau.id);
                    EXPECT_EQ(got->title, "要点");
                    EXPECT_EQ(got->loaded_by, "office");
                    EXPECT_EQ(got->actions.size(), 2u);
                    EXPECT_EQ(got->actions.at(0).measures.size(), 2u);
                    EXPECT_EQ(got->actions.at(0).measures.at(0).rules,
                              (std::vector<std::string>{"drill.fire_semester", "drill.monthly"}));
                    EXPECT_TRUE(got->actions.at(0).measures.at(1).rules.empty());
                    EXPECT_EQ(got->actions.at(1).measures.at(0).number, 7);
                    EXPECT_FALSE(tx.plans().Nearest({sid, bureau.id}, 2025)->has_value());
                    EXPECT_FALSE(tx.plans().Nearest({sid}, 2026)->has_value());
                    EXPECT_FALSE(tx.plans().Nearest({}, 2026)->has_value());
                    return {};
                  })
                  .ok());
  // A nearer unit's plan wins; saving again replaces the whole plan.
  auto nearer = mine;
  nearer.unit_id = sid;
  nearer.title = "学校的";
  nearer.actions = {{3, "教育", {{21, "安全教育", {}}}}};
  ASSERT_TRUE(S().store.Write([&](domain::Tx& tx) { return tx.plans().Save(nearer); }).ok());
  mine.actions.pop_back();
  ASSERT_TRUE(S().store.Write([&](domain::Tx& tx) { return tx.plans().Save(mine); }).ok());
  ASSERT_TRUE(S().store
                  .Read([&](domain::Tx& tx) -> Status {
                    EXPECT_EQ(tx.plans().Nearest({sid, bureau.id}, 2026)->value().title, "学校的");
                    EXPECT_EQ(tx.plans().Nearest({bureau.id}, 2026)->value().actions.size(), 1u);
                    return {};
                  })
                  .ok());
  ASSERT_TRUE(S().store.Write([&](domain::Tx& tx) { return tx.plans().Remove(sid, 2026); }).ok());
  ASSERT_TRUE(
      S().store
          .Read([&](domain::Tx& tx) -> Status {
            EXPECT_EQ(tx.plans().Nearest({sid, bureau.id}, 2026)->value().unit_id, bureau.id);
            return {};
          })
          .ok());
}

// Migration 0018 adds drill plans and year plans to a district's database with drills in it:
// the drills are kept and a plan can then point to one.
TEST_P(StorageContract, MigrationToDrillPlansKeepsTheDrills) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 17);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    const char* t = "2026-11-02T00:00:00.000Z";
    const std::vector<std::pair<std::string, sql::Params>> rows = {
        {"INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
         "VALUES ('990102', '示范区', NULL, 'county', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (1, 'bureau', '教育局', NULL, '990102', NULL, '/1/', $1, $1)",
         {t}},
        {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, created_at, "
         "updated_at) VALUES (2, 'school', '一小', 'S1', '990102', 1, '/1/2/', $1, $1)",
         {t}},
        {"INSERT INTO drills (id, school_id, kind, drill_date, commander, students, recorded_by, "
         "created_at, updated_at) VALUES (5, 2, 'fire', '2026-10-14', '校长', 300, 'x', $1, $1)",
         {t}},
    };
    ASSERT_TRUE(WriteRows(**pool, rows));
  }
  auto upgraded = storage::Migrate(**pool, "t");
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_GE(*upgraded, 1);
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  domain::drill::DrillPlan p;
  p.school_id = 2;
  p.kind = "fire";
  p.date = "2026-10-14";
  p.commander = "校长";
  p.created_by = "x";
  p.created_at = p.updated_at = "t";
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(tx.drill_plans().Insert(p));
                    return tx.drill_plans().SetDrill(p.id, 5);
                  })
                  .ok());
  ASSERT_TRUE(store
                  .Read([&](domain::Tx& tx) -> Status {
                    auto d = *tx.drills().Find(5, {});
                    EXPECT_TRUE(d.has_value());
                    if (d) {
                      EXPECT_EQ(d->date, "2026-10-14");
                      EXPECT_EQ(d->plan_id, p.id);
                    }
                    EXPECT_FALSE(tx.plans().Nearest({2, 1}, 2026)->has_value());
                    return {};
                  })
                  .ok());
}

std::shared_ptr<const FieldCipher> TestCipher(const std::string& keys, bool sealing = true) {
  auto c = FieldCipher::FromKeyText(keys, "test", sealing);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
  return c.ok() ? *c : nullptr;
}
const std::string kKey1 = "1 " + std::string(64, 'a') + "\n";
const std::string kKey2 = "2 " + std::string(64, 'b') + "\n";

// Under the GM profile a unit's contact phone is sealed in the database (no digit of it in plain
// text), read back whole, and found by an exact lookup through its blind index.
TEST_P(StorageContract, ProtectedPhonesAreSealedAndFoundByTheirIndex) {
  store_->SetFieldCipher(TestCipher(kKey1));
  const auto bureau = Bureau();
  auto school = app::CreateSchool(S(), ctx_, [&] {
    auto sc = SampleSchool(bureau.id, "S1");
    sc.unit.phone = "0571-86641234";
    return sc;
  }());
  ASSERT_TRUE(school.ok()) << school.error().message;
  {
    auto c = Conn();
    auto raw =
        c->Query("SELECT phone, phone_index FROM org_units WHERE id = $1", {school->unit.id});
    ASSERT_TRUE(raw.ok());
    const std::string stored = raw->Text(0, 0);
    EXPECT_EQ(stored.rfind("sm4:1:", 0), 0u) << stored;
    EXPECT_EQ(stored.find("86641234"), std::string::npos);
    EXPECT_EQ(raw->Text(0, 1).size(), 32u);
    auto plain = c->Query("SELECT COUNT(*) FROM org_units WHERE phone LIKE '%0571-86641234%'");
    EXPECT_EQ(plain->Int(0, 0), 0);
  }
  auto found = app::GetSchool(S(), ctx_, school->unit.id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->unit.phone, "0571-86641234");
  for (const std::string typed : {"0571-86641234", "057186641234", " 0571 8664 1234"}) {
    domain::SchoolFilter f;
    f.phone = typed;
    auto page = app::ListSchools(S(), ctx_, f);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->total, 1) << typed;
    EXPECT_EQ(page->items[0].unit.phone, "0571-86641234");
  }
  domain::SchoolFilter other;
  other.phone = "0571-86641235";
  EXPECT_EQ(app::ListSchools(S(), ctx_, other)->total, 0);
  domain::UnitFilter units;
  units.phone = "057186641234";
  EXPECT_EQ(app::ListUnits(S(), ctx_, units)->total, 1);
  // A value altered in the database reads as unreadable, never as its raw text.
  {
    auto c = Conn();
    auto raw = c->Query("SELECT phone FROM org_units WHERE id = $1", {school->unit.id});
    std::string altered = raw->Text(0, 0);
    altered.back() = altered.back() == '0' ? '1' : '0';
    ASSERT_TRUE(
        c->Exec("UPDATE org_units SET phone = $2 WHERE id = $1", {school->unit.id, altered}).ok());
  }
  EXPECT_EQ(app::GetSchool(S(), ctx_, school->unit.id)->unit.phone,
            std::string(storage::kUnreadableField));
  auto refused = app::ProtectPersonalFields(S(), ctx_);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("org_units.phone"), std::string::npos)
      << refused.error().message;
}

// The profile turned on for a database that holds phones in plain text (schema 18, before the
// blind index existed), a key rotation, and the profile turned off again.
TEST_P(StorageContract, MigrationSealsExistingPhonesAndARotationReseals) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 18);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    const char* t = "2026-11-02T00:00:00.000Z";
    ASSERT_TRUE(WriteRows(
        **pool,
        std::vector<std::string>{
            "INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
            "VALUES ('990102', '示范区', NULL, 'county', $1, $1)",
            "INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, phone, "
            "created_at, updated_at) VALUES (1, 'bureau', '教育局', NULL, '990102', NULL, '/1/', "
            "'13812345678', $1, $1)",
            "INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, phone, "
            "created_at, updated_at) VALUES (2, 'section', '安全科', NULL, '990102', 1, '/1/2/', "
            "'', "
            "$1, $1)",
            "INSERT INTO users (id, unit_id, username, display_name, password_hash, created_at, "
            "updated_at, totp_secret, totp_enabled) VALUES (7, 1, 'officer', '安全员', 'x', $1, "
            "$1, "
            "'JBSWY3DPEHPK3PXP', 1)",
            "INSERT INTO users (id, unit_id, username, display_name, password_hash, created_at, "
            "updated_at) VALUES (8, 1, 'clerk', '文员', 'x', $1, $1)"},
        {t}));
  }
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  app::Services s{store, clock_};
  const auto raw_phone = [&]() {
    auto c = store.pool().Acquire();
    return (*c)->Query("SELECT phone FROM org_units WHERE id = 1")->Text(0, 0);
  };
  const auto lookup = [&](const std::string& phone) {
    domain::UnitFilter f;
    f.phone = phone;
    auto page = app::ListUnits(s, ctx_, f);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->total : -1;
  };
  // Before the first run the plain phones have no index yet; the run indexes them in plain.
  const auto raw_secret = [&]() {
    auto c = store.pool().Acquire();
    return (*c)->Query("SELECT totp_secret FROM users WHERE id = 7")->Text(0, 0);
  };
  const auto secret = [&]() {
    std::optional<std::string> out;
    EXPECT_TRUE(store
                    .Read([&](domain::Tx& tx) -> Status {
                      XA_ASSIGN_OR_RETURN(auto u, tx.users().FindByUsername("officer"));
                      if (u) out = u->totp_secret;
                      return {};
                    })
                    .ok());
    return out.value_or("(none)");
  };
  auto indexed = app::ProtectPersonalFields(s, ctx_);
  ASSERT_TRUE(indexed.ok()) << indexed.error().message;
  EXPECT_EQ(indexed->rows, 2);  // the phone and the TOTP secret; no secret, no row
  EXPECT_EQ(indexed->changed, 1);
  EXPECT_EQ(indexed->sealed, 0);
  EXPECT_EQ(raw_phone(), "13812345678");
  EXPECT_EQ(lookup("138-1234-5678"), 1);

  store.SetFieldCipher(TestCipher(kKey1));
  auto sealed = app::ProtectPersonalFields(s, ctx_);
  ASSERT_TRUE(sealed.ok()) << sealed.error().message;
  EXPECT_EQ(sealed->changed, 2);
  const std::string v1 = raw_phone();
  EXPECT_EQ(v1.rfind("sm4:1:", 0), 0u);
  EXPECT_EQ(v1.find("12345678"), std::string::npos);
  EXPECT_EQ(lookup("13812345678"), 1);
  EXPECT_EQ(sealed->sealed, 2);
  EXPECT_EQ(raw_secret().rfind("sm4:1:", 0), 0u);
  EXPECT_EQ(secret(), "JBSWY3DPEHPK3PXP");
  {
    auto c = store.pool().Acquire();
    EXPECT_TRUE((*c)->Query("SELECT totp_secret FROM users WHERE id = 8")->Null(0, 0));
  }
  auto again = app::ProtectPersonalFields(s, ctx_);
  EXPECT_EQ(again->changed, 0);  // nothing to do twice
  EXPECT_EQ(raw_phone(), v1);

  // Rotation: a second key line seals from now on; the first still opens until re-sealed.
  store.SetFieldCipher(TestCipher(kKey1 + kKey2));
  auto unit = app::GetUnit(s, ctx_, 1, "");
  ASSERT_TRUE(unit.ok());
  EXPECT_EQ(unit->phone, "13812345678");
  EXPECT_EQ(lookup("13812345678"), 0);  // the index is still under the first key
  auto rotated = app::ProtectPersonalFields(s, ctx_);
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(rotated->changed, 2);
  EXPECT_EQ(raw_secret().rfind("sm4:2:", 0), 0u);
  EXPECT_EQ(raw_phone().rfind("sm4:2:", 0), 0u);
  EXPECT_EQ(lookup("13812345678"), 1);
  store.SetFieldCipher(TestCipher(kKey2));  // the old line dropped
  EXPECT_EQ(app::GetUnit(s, ctx_, 1, "")->phone, "13812345678");

  // Turned off: the key still opens what was sealed, and the values go back to plain text.
  store.SetFieldCipher(TestCipher(kKey2, false));
  auto opened = app::ProtectPersonalFields(s, ctx_);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->opened, 2);
  EXPECT_EQ(raw_phone(), "13812345678");
  EXPECT_EQ(raw_secret(), "JBSWY3DPEHPK3PXP");
  // Each run that changed something is in the audit chain.
  {
    auto c = store.pool().Acquire();
    auto records = (*c)->Query("SELECT COUNT(*) FROM audit_log WHERE action = 'fields.protect'");
    EXPECT_EQ(records->Int(0, 0), 4);
  }
  // Sealed values and no key: refused, nothing changed.
  store.SetFieldCipher(TestCipher(kKey2));
  ASSERT_TRUE(app::ProtectPersonalFields(s, ctx_).ok());
  store.SetFieldCipher(nullptr);
  auto refused = app::ProtectPersonalFields(s, ctx_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(raw_phone().rfind("sm4:2:", 0), 0u);
}

// Checklist templates: the shipped ones are loaded once as reference data; a version is written
// once and read back whole (numbers, optional place kinds, applicability); the list shows the
// newest version of each code unless asked for all.
TEST_P(StorageContract, ChecklistTemplatesRoundTripByVersion) {
  const auto shipped = domain::checklist::ShippedTemplates();
  auto again = app::EnsureShippedChecklists(S());  // the store was opened with them loaded
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, 0);
  domain::checklist::Template v2;
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto page, tx.checklists().List({}, {1, 100, ""}));
                    EXPECT_EQ(page.total, static_cast<std::int64_t>(shipped.size()));
                    for (const auto& t : page.items) {
                      EXPECT_TRUE(t.shipped);
                      EXPECT_TRUE(t.items.empty());  // lists carry counts, not items
                      EXPECT_GT(t.item_count, 0u);
                    }
                    XA_ASSIGN_OR_RETURN(auto dorm, tx.checklists().Latest("fire.dormitory"));
                    EXPECT_TRUE(dorm.has_value());
                    if (!dorm) return {};
                    EXPECT_EQ(dorm->version, 1);
                    EXPECT_EQ(dorm->applies.boarding, std::optional<bool>(true));
                    EXPECT_EQ(dorm->items.size(), shipped[0].items.size());
                    EXPECT_FALSE(domain::checklist::NeedsNewVersion(shipped[0], *dorm));
                    v2 = *dorm;
                    return {};
                  })
                  .ok());
  v2.version = 2;
  v2.shipped = false;
  v2.name = "学生宿舍消防安全检查表（本区）";
  v2.applies.stages = {"junior", "senior"};
  v2.applies.location_types = {"rural"};
  v2.applies.boarding.reset();
  v2.items[0].place_kind.reset();
  v2.items.back().min = -2.5;
  v2.items.back().max = 3.25;
  v2.created_by = "bureau_officer";
  v2.created_at = "2026-12-04T08:00:00.000Z";
  ASSERT_TRUE(store_->Write([&](domain::Tx& tx) { return tx.checklists().Insert(v2); }).ok());
  // The same code and version twice is refused.
  auto twice = v2;
  EXPECT_FALSE(store_->Write([&](domain::Tx& tx) { return tx.checklists().Insert(twice); }).ok());
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto latest, tx.checklists().Latest("fire.dormitory"));
                    EXPECT_EQ(latest->id, v2.id);
                    EXPECT_FALSE(domain::checklist::NeedsNewVersion(v2, *latest));
                    EXPECT_EQ(latest->name, v2.name);
                    EXPECT_FALSE(latest->shipped);
                    EXPECT_EQ(latest->items.back().min, std::optional<double>(-2.5));
                    EXPECT_EQ(latest->items.back().max, std::optional<double>(3.25));
                    EXPECT_EQ(latest->created_by, "bureau_officer");
                    XA_ASSIGN_OR_RETURN(auto page, tx.checklists().List({}, {1, 100, ""}));
                    EXPECT_EQ(page.total, static_cast<std::int64_t>(shipped.size()));
                    bool saw_v2 = false;
                    for (const auto& t : page.items) saw_v2 |= t.id == v2.id;
                    EXPECT_TRUE(saw_v2);
                    domain::checklist::TemplateFilter all;
                    all.all_versions = true;
                    all.q = "宿舍";
                    XA_ASSIGN_OR_RETURN(auto both, tx.checklists().List(all, {1, 100, ""}));
                    EXPECT_EQ(both.total, 2);
                    if (both.items.size() == 2) {
                      EXPECT_EQ(both.items[0].version, 1);  // by code, then version
                      EXPECT_EQ(both.items[1].version, 2);
                      XA_ASSIGN_OR_RETURN(auto first, tx.checklists().Find(both.items[0].id));
                      EXPECT_EQ(first->name, "学生宿舍消防安全检查表");  // version 1 unchanged
                      EXPECT_EQ(first->applies.boarding, std::optional<bool>(true));
                      EXPECT_TRUE(first->items[0].place_kind.has_value());
                    }
                    XA_ASSIGN_OR_RETURN(auto none, tx.checklists().Find(999999));
                    EXPECT_FALSE(none.has_value());
                    XA_ASSIGN_OR_RETURN(auto unknown, tx.checklists().Latest("no.such"));
                    EXPECT_FALSE(unknown.has_value());
                    return {};
                  })
                  .ok());
}

// The step to schema 20 on a district's live database: the organisation and its hazards stay,
// and the shipped checklists appear when the server opens it.
TEST_P(StorageContract, MigrationToChecklistsKeepsTheDistrictAndLoadsTheTemplates) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 19);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    const char* t = "2026-11-02T00:00:00.000Z";
    ASSERT_TRUE(WriteRows(
        **pool,
        std::vector<std::string>{
            "INSERT INTO regions (code, name, parent_code, level, created_at, updated_at) "
            "VALUES ('990102', '示范区', NULL, 'county', $1, $1)",
            "INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, phone, "
            "phone_index, created_at, updated_at) VALUES (1, 'bureau', '教育局', NULL, '990102', "
            "NULL, '/1/', '', '', $1, $1)"},
        {t}));
  }
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  app::Services s{store, clock_};
  auto loaded = app::EnsureShippedChecklists(s);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(*loaded, static_cast<int>(domain::checklist::ShippedTemplates().size()));
  EXPECT_EQ(*app::EnsureShippedChecklists(s), 0);
  auto unit = app::GetUnit(s, ctx_, 1, "");
  ASSERT_TRUE(unit.ok());
  EXPECT_EQ(unit->name, "教育局");
}

// A bureau's own templates: the list shows the shipped ones to everyone and a unit's own to
// those whose owners it is asked for (exact units or subtrees); a name is corrected in place and
// the items stay.
TEST_P(StorageContract, ChecklistTemplatesByOwnerAndTextCorrections) {
  const auto bureau = Bureau();
  domain::UnitId section = 0;
  std::string section_path;
  ASSERT_TRUE(store_
                  ->Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(InsertSection(tx, bureau.id, "安全科"));
                    XA_ASSIGN_OR_RETURN(auto list, tx.org().ListUnits({}));
                    for (const auto& u : list.items) {
                      if (u.name == "安全科") {
                        section = u.id;
                        section_path = u.path;
                      }
                    }
                    return {};
                  })
                  .ok());
  ASSERT_NE(section, 0);
  const auto own = [&](const std::string& code, domain::UnitId owner) {
    auto t = domain::checklist::ShippedTemplates()[0];
    t.code = code;
    t.owner_unit_id = owner;
    t.created_by = "office";
    t.created_at = "2026-12-04T08:00:00.000Z";
    EXPECT_TRUE(store_->Write([&](domain::Tx& tx) { return tx.checklists().Insert(t); }).ok());
    return t;
  };
  auto mine = own("u1.a", bureau.id);
  own("u2.b", section);
  const auto shipped = static_cast<std::int64_t>(domain::checklist::ShippedTemplates().size());
  const auto total = [&](domain::checklist::TemplateFilter f) -> std::int64_t {
    std::int64_t n = -1;
    EXPECT_TRUE(store_
                    ->Read([&](domain::Tx& tx) -> Status {
                      XA_ASSIGN_OR_RETURN(auto page, tx.checklists().List(f, {1, 100, ""}));
                      n = page.total;
                      EXPECT_EQ(static_cast<std::int64_t>(page.items.size()), page.total);
                      return {};
                    })
                    .ok());
    return n;
  };
  EXPECT_EQ(total({}), shipped + 2);
  domain::checklist::TemplateFilter none;
  none.all_owners = false;
  EXPECT_EQ(total(none), shipped);
  auto exact = none;
  exact.owner_paths = {bureau.path};
  EXPECT_EQ(total(exact), shipped + 1);
  exact.owner_paths = {bureau.path, section_path};
  EXPECT_EQ(total(exact), shipped + 2);
  auto below = none;
  below.owner_subtrees = {bureau.path};
  EXPECT_EQ(total(below), shipped + 2);
  below.owner_subtrees = {section_path};
  EXPECT_EQ(total(below), shipped + 1);
  auto one = none;
  one.code = "u1.a";
  one.owner_paths = {bureau.path};
  EXPECT_EQ(total(one), 1);
  one.owner_paths.clear();
  EXPECT_EQ(total(one), 0);  // a code the caller may not see

  ASSERT_TRUE(store_
                  ->Write([&](domain::Tx& tx) {
                    return tx.checklists().SetText(mine.id, "改过的名称", "新的说明");
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Find(mine.id));
                    EXPECT_EQ(t->name, "改过的名称");
                    EXPECT_EQ(t->description, "新的说明");
                    EXPECT_EQ(t->version, 1);
                    EXPECT_EQ(t->items.size(), mine.items.size());
                    EXPECT_EQ(t->owner_unit_id, std::optional<std::int64_t>(bureau.id));
                    EXPECT_EQ(t->owner_name, "示范区教育局");
                    EXPECT_EQ(t->owner_path, bureau.path);
                    XA_ASSIGN_OR_RETURN(auto dorm, tx.checklists().Latest("fire.dormitory"));
                    EXPECT_FALSE(dorm->owner_unit_id.has_value());
                    EXPECT_EQ(dorm->owner_name, "");
                    EXPECT_EQ(dorm->name, "学生宿舍消防安全检查表");  // the copy's source unchanged
                    return {};
                  })
                  .ok());
}

// The step to schema 21 on a database with templates: they stay, shipped and without an owner,
// and owned templates can be written after it.
TEST_P(StorageContract, MigrationToChecklistOwnersKeepsTheTemplates) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 20);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    ASSERT_TRUE(WriteRows(
        **pool,
        DistrictRows(
            false,
            {"INSERT INTO checklist_templates (id, code, version, name, stages, shipped, "
             "created_by, "
             "created_at) VALUES (7, 'fire.dormitory', 1, '学生宿舍消防安全检查表', 'junior', 1, "
             "'system', 't')",
             "INSERT INTO checklist_items (template_id, position, item_key, text, domain, answer, "
             "failure_level) VALUES (7, 0, 'F01', '疏散通道畅通', 'fire', 'pass_fail', "
             "'general')"})));
  }
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto kept, tx.checklists().Find(7));
                    EXPECT_TRUE(kept.has_value());
                    if (!kept) return {};
                    EXPECT_EQ(kept->name, "学生宿舍消防安全检查表");
                    EXPECT_EQ(kept->applies.stages, std::vector<std::string>{"junior"});
                    EXPECT_TRUE(kept->shipped);
                    EXPECT_FALSE(kept->owner_unit_id.has_value());
                    EXPECT_EQ(kept->items.size(), 1u);
                    auto copy = *kept;
                    copy.code = "u1.fire.dormitory";
                    copy.shipped = false;
                    copy.owner_unit_id = 1;
                    XA_TRY(tx.checklists().Insert(copy));
                    XA_ASSIGN_OR_RETURN(auto back, tx.checklists().Find(copy.id));
                    EXPECT_EQ(back->owner_name, "教育局");
                    return {};
                  })
                  .ok());
}

// Patrol plans, patrols and their answers: names joined from the school, place and template;
// plans by school, place, dates and scope; patrols newest first with filters and paging; the days
// patrolled per plan; a key place with a plan is in use; a plan's patrols counted.
TEST_P(StorageContract, PatrolPlansAndPatrols) {
  const auto bureau = Bureau();
  auto created = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "P100"));
  ASSERT_TRUE(created.ok()) << created.error().message;
  auto other = app::CreateSchool(S(), ctx_, SampleSchool(bureau.id, "P200"));
  ASSERT_TRUE(other.ok()) << other.error().message;
  const auto& school = *created;
  const auto dorm = school.key_places[0].id;
  const auto gate = school.key_places[1].id;
  auto t = domain::checklist::ShippedTemplates()[0];
  t.code = "u1.patrol.dormitory";
  t.created_by = "system";
  t.created_at = "t";
  namespace pt = domain::patrol;
  pt::Plan daily;
  daily.school_id = school.unit.id;
  daily.key_place_id = dorm;
  daily.frequency = "daily";
  daily.starts_on = "2026-09-01";
  daily.patroller = "宿管员";
  daily.created_by = "office";
  daily.created_at = daily.updated_at = "t";
  pt::Plan shifts = daily;
  shifts.frequency = "shift";
  shifts.shifts = {750, 1290};
  shifts.school_days_only = false;
  shifts.ends_on = "2026-11-30";
  pt::Plan theirs = daily;
  theirs.school_id = other->unit.id;
  theirs.key_place_id = other->key_places[0].id;
  ASSERT_TRUE(store_
                  ->Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(tx.checklists().Insert(t));
                    daily.template_id = shifts.template_id = theirs.template_id = t.id;
                    XA_TRY(tx.patrols().InsertPlan(daily));
                    XA_TRY(tx.patrols().InsertPlan(shifts));
                    return tx.patrols().InsertPlan(theirs);
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto p, tx.patrols().FindPlan(shifts.id));
                    EXPECT_TRUE(p.has_value());
                    if (!p) return {};
                    EXPECT_EQ(p->school_name, school.unit.name);
                    EXPECT_EQ(p->school_path, school.unit.path);
                    EXPECT_EQ(p->place_name, "学生宿舍");
                    EXPECT_EQ(p->place_kind, "dormitory");
                    EXPECT_EQ(p->template_code, "u1.patrol.dormitory");
                    EXPECT_EQ(p->template_version, 1);
                    EXPECT_EQ(p->shifts, (std::vector<int>{750, 1290}));
                    EXPECT_FALSE(p->school_days_only);
                    EXPECT_EQ(p->ends_on, std::optional<std::string>("2026-11-30"));
                    pt::PlanFilter f;
                    XA_ASSIGN_OR_RETURN(auto all, tx.patrols().ListPlans(f, {}));
                    EXPECT_EQ(all.size(), 3u);
                    f.school_id = school.unit.id;
                    XA_ASSIGN_OR_RETURN(auto mine, tx.patrols().ListPlans(f, {}));
                    EXPECT_EQ(mine.size(), 2u);
                    f.active_only = true;
                    f.active_on = "2026-12-01";  // the shift plan ended the day before
                    XA_ASSIGN_OR_RETURN(auto running, tx.patrols().ListPlans(f, {}));
                    EXPECT_EQ(running.size(), 1u);
                    f.active_on = "2026-11-30";  // its last day
                    XA_ASSIGN_OR_RETURN(auto last, tx.patrols().ListPlans(f, {}));
                    EXPECT_EQ(last.size(), 2u);
                    f.active_on = "2026-08-31";  // before both
                    XA_ASSIGN_OR_RETURN(auto early, tx.patrols().ListPlans(f, {}));
                    EXPECT_TRUE(early.empty());
                    pt::PlanFilter by_place;
                    by_place.key_place_id = gate;
                    XA_ASSIGN_OR_RETURN(auto none, tx.patrols().ListPlans(by_place, {}));
                    EXPECT_TRUE(none.empty());
                    XA_ASSIGN_OR_RETURN(
                        auto scoped,
                        tx.patrols().ListPlans({}, domain::ScopeFilter::Subtree(other->unit.path)));
                    EXPECT_EQ(scoped.size(), 1u);
                    XA_ASSIGN_OR_RETURN(auto in_use, tx.org().KeyPlacesInUse({dorm, gate}));
                    EXPECT_EQ(in_use, std::vector<std::int64_t>{dorm});
                    XA_ASSIGN_OR_RETURN(auto owner, tx.org().SchoolOfKeyPlace(gate));
                    EXPECT_EQ(owner, std::optional<domain::UnitId>(school.unit.id));
                    XA_ASSIGN_OR_RETURN(auto nobody, tx.org().SchoolOfKeyPlace(999999));
                    EXPECT_FALSE(nobody.has_value());
                    return {};
                  })
                  .ok());

  const auto record = [&](const pt::Plan& p, const std::string& date, int shift, int failed) {
    pt::Record r;
    r.plan_id = p.id;
    r.school_id = p.school_id;
    r.key_place_id = p.key_place_id;
    r.template_id = p.template_id;
    r.date = date;
    r.shift = shift;
    r.patrolled_at = date + "T12:00:00.000Z";
    r.patroller = "宿管员 赵老师";
    r.username = "teacher";
    r.note = "正常";
    r.failed = failed;
    r.answers = {{"D01", "pass", "", {5, 6}, "pass", std::nullopt},
                 {"D08", "0.9", "楼梯偏窄", {}, failed ? "fail" : "pass", std::nullopt}};
    EXPECT_TRUE(store_->Write([&](domain::Tx& tx) { return tx.patrols().InsertRecord(r); }).ok());
    return r.id;
  };
  const auto first = record(daily, "2026-12-01", 0, 0);
  const auto failed = record(daily, "2026-12-02", 0, 1);
  record(shifts, "2026-11-30", 2, 0);
  record(theirs, "2026-12-02", 0, 0);
  ASSERT_TRUE(
      store_
          ->Read([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto r, tx.patrols().FindRecord(failed));
            EXPECT_TRUE(r.has_value());
            if (!r) return {};
            EXPECT_EQ(r->school_path, school.unit.path);
            EXPECT_EQ(r->place_name, "学生宿舍");
            EXPECT_EQ(r->template_name, t.name);
            EXPECT_EQ(r->failed, 1);
            EXPECT_EQ(r->patroller, "宿管员 赵老师");
            EXPECT_EQ(r->answers.size(), 2u);
            EXPECT_EQ(r->answers[0].file_ids, (std::vector<std::int64_t>{5, 6}));
            EXPECT_EQ(r->answers[1].value, "0.9");
            EXPECT_EQ(r->answers[1].verdict, "fail");
            EXPECT_EQ(r->answers[1].note, "楼梯偏窄");
            EXPECT_TRUE(r->answers[1].file_ids.empty());
            XA_ASSIGN_OR_RETURN(auto missing, tx.patrols().FindRecord(999999));
            EXPECT_FALSE(missing.has_value());

            pt::RecordFilter f;
            XA_ASSIGN_OR_RETURN(auto all, tx.patrols().ListRecords(f, {}, {1, 2, ""}));
            EXPECT_EQ(all.total, 4);
            EXPECT_EQ(all.items.size(), 2u);
            EXPECT_EQ(all.items[0].date, "2026-12-02");  // newest first
            EXPECT_TRUE(all.items[0].answers.empty());   // lists carry no answers
            f.school_id = school.unit.id;
            f.failed_only = true;
            XA_ASSIGN_OR_RETURN(auto bad, tx.patrols().ListRecords(f, {}, {1, 20, ""}));
            EXPECT_EQ(bad.total, 1);
            pt::RecordFilter range;
            range.from = "2026-12-01";
            range.to = "2026-12-01";
            XA_ASSIGN_OR_RETURN(auto one, tx.patrols().ListRecords(range, {}, {1, 20, ""}));
            EXPECT_EQ(one.total, 1);
            if (!one.items.empty()) {
              EXPECT_EQ(one.items[0].id, first);
            }
            pt::RecordFilter plan;
            plan.plan_id = shifts.id;
            XA_ASSIGN_OR_RETURN(auto of_plan, tx.patrols().ListRecords(plan, {}, {1, 20, ""}));
            EXPECT_EQ(of_plan.total, 1);
            XA_ASSIGN_OR_RETURN(
                auto scoped, tx.patrols().ListRecords(
                                 {}, domain::ScopeFilter::Subtree(other->unit.path), {1, 20, ""}));
            EXPECT_EQ(scoped.total, 1);

            XA_ASSIGN_OR_RETURN(auto done, tx.patrols().DoneBetween({daily.id, shifts.id},
                                                                    "2026-11-30", "2026-12-01"));
            EXPECT_EQ(done.size(), 2u);
            if (done.size() == 2) {
              EXPECT_EQ(done[0].first, shifts.id);  // by day
              EXPECT_EQ(done[0].second.shift, 2);
              EXPECT_EQ(done[1].first, daily.id);
              EXPECT_EQ(done[1].second.record_id, first);
            }
            XA_ASSIGN_OR_RETURN(auto nothing, tx.patrols().DoneBetween({}, "a", "z"));
            EXPECT_TRUE(nothing.empty());
            XA_ASSIGN_OR_RETURN(auto n, tx.patrols().CountRecordsOfPlan(daily.id));
            EXPECT_EQ(n, 2);
            return {};
          })
          .ok());

  // A plan is changed in place; one without patrols is deleted.
  shifts.patroller = "值班保安";
  shifts.shifts = {1290};
  shifts.ends_on.reset();
  shifts.updated_at = "u";
  pt::Plan spare = daily;
  ASSERT_TRUE(store_
                  ->Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(tx.patrols().UpdatePlan(shifts));
                    XA_TRY(tx.patrols().InsertPlan(spare));
                    return tx.patrols().DeletePlan(spare.id);
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto p, tx.patrols().FindPlan(shifts.id));
                    EXPECT_EQ(p->patroller, "值班保安");
                    EXPECT_EQ(p->shifts, std::vector<int>{1290});
                    EXPECT_FALSE(p->ends_on.has_value());
                    XA_ASSIGN_OR_RETURN(auto gone, tx.patrols().FindPlan(spare.id));
                    EXPECT_FALSE(gone.has_value());
                    return {};
                  })
                  .ok());
}

// The step to schema 22 on a database with a school, its key place and a checklist: they stay,
// and a patrol plan of the place can be written after it.
TEST_P(StorageContract, MigrationToPatrolsKeepsThePlaces) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 21);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    ASSERT_TRUE(WriteRows(
        **pool,
        DistrictRows(
            true,
            {"INSERT INTO school_key_places (id, school_id, kind, name) VALUES (9, 2, 'canteen', "
             "'学生食堂')",
             "INSERT INTO checklist_templates (id, code, version, name, shipped, created_by, "
             "created_at) VALUES (7, 'fire.canteen', 1, '食堂消防与燃气安全检查表', 1, 'system', "
             "'t')",
             "INSERT INTO checklist_items (template_id, position, item_key, text, domain, "
             "place_kind, answer, failure_level) VALUES (7, 0, 'C01', '燃气管道无泄漏', 'gas', "
             "'canteen', 'pass_fail', 'major')"})));
  }
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    domain::patrol::Plan p;
                    p.school_id = 2;
                    p.key_place_id = 9;
                    p.template_id = 7;
                    p.starts_on = "2026-12-01";
                    p.created_by = "office";
                    p.created_at = p.updated_at = "t";
                    XA_TRY(tx.patrols().InsertPlan(p));
                    XA_ASSIGN_OR_RETURN(auto back, tx.patrols().FindPlan(p.id));
                    EXPECT_TRUE(back.has_value());
                    if (!back) return {};
                    EXPECT_EQ(back->school_name, "示范小学");
                    EXPECT_EQ(back->place_name, "学生食堂");
                    EXPECT_EQ(back->template_code, "fire.canteen");
                    XA_ASSIGN_OR_RETURN(auto in_use, tx.org().KeyPlacesInUse({9}));
                    EXPECT_EQ(in_use, std::vector<std::int64_t>{9});
                    return {};
                  })
                  .ok());
}

// Upgrading a district at schema 22 (patrols) to campaigns: the patrol plans stay, and a campaign
// with its school, team, a sheet with answers and a message is stored and read back alike on both
// stores — the targets with their progress, the team with its members and school, the missed
// items and failed answers the board and the evaluation count.
TEST_P(StorageContract, MigrationToCampaignsKeepsThePatrols) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 22);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    ASSERT_TRUE(WriteRows(
        **pool,
        DistrictRows(
            true,
            {"INSERT INTO school_key_places (id, school_id, kind, name) VALUES (9, 2, 'canteen', "
             "'学生食堂')",
             "INSERT INTO checklist_templates (id, code, version, name, shipped, created_by, "
             "created_at) VALUES (7, 'fire.canteen', 1, '食堂消防与燃气安全检查表', 1, 'system', "
             "'t')",
             "INSERT INTO checklist_items (template_id, position, item_key, text, domain, "
             "place_kind, answer, failure_level) VALUES (7, 0, 'C01', '燃气管道无泄漏', 'gas', "
             "'canteen', 'pass_fail', 'major')",
             "INSERT INTO checklist_items (template_id, position, item_key, text, domain, "
             "place_kind, answer, failure_level) VALUES (7, 1, 'C04', '烟罩无油污', 'fire', "
             "'canteen', 'pass_fail', 'general')",
             "INSERT INTO patrol_plans (id, school_id, key_place_id, template_id, frequency, "
             "starts_on, created_by, created_at, updated_at) VALUES (4, 2, 9, 7, 'daily', "
             "'2026-11-02', 'office', 't', 't')"})));
  }
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace cp = domain::campaign;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto plan, tx.patrols().FindPlan(4));
            EXPECT_TRUE(plan.has_value());
            cp::Campaign c;
            c.owner_unit_id = 1;
            c.name = "秋季消防专项行动";
            c.domains = {"fire", "gas"};
            c.template_ids = {7};
            c.targets.stages = {"primary"};
            c.targets.boarding = false;
            c.self_from = "2026-11-02";
            c.self_to = "2026-11-13";
            c.inspect_from = "2026-11-16";
            c.inspect_to = "2026-11-27";
            c.weights = {40, 20, 20, 10, 10};
            c.created_by = "office";
            c.created_at = "2026-11-02T02:00:00.000Z";
            XA_TRY(tx.campaigns().Insert(c));
            XA_TRY(tx.campaigns().InsertTargets(c.id, {2}));
            cp::Team team;
            team.campaign_id = c.id;
            team.name = "第一督导组";
            team.members = {"inspector", "office"};
            XA_TRY(tx.campaigns().InsertTeam(team));
            XA_TRY(tx.campaigns().AssignTeam(c.id, 2, team.id));
            cp::Sheet own;
            own.campaign_id = c.id;
            own.school_id = 2;
            own.template_id = 7;
            own.key_place_id = 9;
            own.filled_by = "安全干部";
            own.username = "s1";
            own.filled_at = "2026-11-05T02:00:00.000Z";
            own.failed = 1;
            own.answers = {{"C01", "pass", "", {}, "pass"}, {"C04", "fail", "油污", {}, "fail"}};
            XA_TRY(tx.campaigns().InsertSheet(own));
            XA_TRY(tx.campaigns().SetTargetState(c.id, 2, "in_progress", own.filled_at));
            cp::Sheet inspected = own;
            inspected.kind = "bureau";
            inspected.team_id = team.id;
            inspected.answers = {{"C01", "fail", "", {}, "fail"}, {"C04", "fail", "", {}, "fail"}};
            inspected.failed = 2;
            inspected.missed = {"C01"};
            XA_TRY(tx.campaigns().InsertSheet(inspected));
            cp::Message m;
            m.campaign_id = c.id;
            m.school_id = 2;
            m.text = "燃气管道泄漏，请立即整改";
            m.deadline = "2026-11-24";
            m.author = m.username = "office";
            m.at = "2026-11-17T02:00:00.000Z";
            XA_TRY(tx.campaigns().InsertMessage(m));

            XA_ASSIGN_OR_RETURN(auto back, tx.campaigns().Find(c.id));
            EXPECT_TRUE(back.has_value());
            if (!back) return {};
            EXPECT_EQ(back->owner_name, "教育局");
            EXPECT_EQ(back->domains, (std::vector<std::string>{"fire", "gas"}));
            EXPECT_EQ(back->template_ids, std::vector<std::int64_t>{7});
            EXPECT_EQ(back->targets.stages, std::vector<std::string>{"primary"});
            EXPECT_EQ(back->targets.boarding, std::optional<bool>(false));
            EXPECT_TRUE(back->targets.school_ids.empty());
            EXPECT_EQ(back->weights.completion, 40);
            EXPECT_EQ(back->weights.closed, 10);
            EXPECT_EQ(back->school_count, 1);
            EXPECT_EQ(back->submitted_count, 0);
            XA_ASSIGN_OR_RETURN(auto targets, tx.campaigns().Targets(c.id, std::nullopt));
            EXPECT_EQ(targets.size(), 1u);
            if (targets.empty()) return {};
            EXPECT_EQ(targets[0].state, "in_progress");
            EXPECT_EQ(targets[0].team_name, "第一督导组");
            EXPECT_EQ(targets[0].sheets, 1);  // the school's own only
            EXPECT_EQ(targets[0].failed, 1);
            XA_ASSIGN_OR_RETURN(auto teams, tx.campaigns().Teams(c.id));
            EXPECT_EQ(teams.size(), 1u);
            if (teams.empty()) return {};
            EXPECT_EQ(teams[0].members, (std::vector<std::string>{"inspector", "office"}));
            EXPECT_EQ(teams[0].school_ids, std::vector<std::int64_t>{2});
            XA_ASSIGN_OR_RETURN(auto sheets, tx.campaigns().Sheets(c.id, 2, std::nullopt));
            EXPECT_EQ(sheets.size(), 2u);
            if (sheets.size() != 2u) return {};
            EXPECT_EQ(sheets[0].place_name, "学生食堂");
            EXPECT_EQ(sheets[0].answers.size(), 2u);
            EXPECT_EQ(sheets[1].missed, std::vector<std::string>{"C01"});
            XA_ASSIGN_OR_RETURN(auto own_only, tx.campaigns().Sheets(c.id, 2, std::string("self")));
            EXPECT_EQ(own_only.size(), 1u);
            XA_ASSIGN_OR_RETURN(auto progress,
                                tx.campaigns().ProgressOf(c.id, domain::ScopeFilter{}));
            EXPECT_EQ(progress.schools.at("in_progress"), 1);
            EXPECT_EQ(progress.schools.at("not_started"), 0);
            EXPECT_EQ(progress.missed, 1);
            EXPECT_EQ(progress.failed.size(), 2u);  // fire@canteen 2, gas@canteen 1
            if (progress.failed.size() == 2u) {
              EXPECT_EQ(progress.failed[0].domain, "fire");
              EXPECT_EQ(progress.failed[0].items, 2);
              EXPECT_EQ(progress.failed[1].domain, "gas");
              EXPECT_EQ(progress.failed[1].place_kind, "canteen");
            }
            // Within a bureau's scope: what its schools count; nothing outside them.
            XA_ASSIGN_OR_RETURN(auto within, tx.campaigns().ProgressOf(
                                                 c.id, domain::ScopeFilter::Subtree("/1/2/")));
            EXPECT_EQ(within.schools.at("in_progress"), 1);
            EXPECT_EQ(within.missed, 1);
            EXPECT_EQ(within.failed.size(), 2u);
            EXPECT_EQ(within.hazards_open, progress.hazards_open);
            XA_ASSIGN_OR_RETURN(auto outside, tx.campaigns().ProgressOf(
                                                  c.id, domain::ScopeFilter::Subtree("/1/9/")));
            EXPECT_EQ(outside.schools.at("in_progress"), 0);
            EXPECT_EQ(outside.missed, 0);
            EXPECT_TRUE(outside.failed.empty());
            EXPECT_EQ(outside.hazards_open + outside.hazards_closed, 0);
            XA_ASSIGN_OR_RETURN(
                auto reaches, tx.campaigns().Reaches(c.id, domain::ScopeFilter::Subtree("/1/2/")));
            EXPECT_TRUE(reaches);
            XA_ASSIGN_OR_RETURN(
                reaches, tx.campaigns().Reaches(c.id, domain::ScopeFilter::Subtree("/1/9/")));
            EXPECT_FALSE(reaches);
            XA_ASSIGN_OR_RETURN(auto facts, tx.campaigns().Facts(c.id));
            EXPECT_EQ(facts.size(), 1u);
            if (!facts.empty()) {
              EXPECT_EQ(facts[0].missed, 1);
            }
            XA_ASSIGN_OR_RETURN(auto messages, tx.campaigns().Messages(c.id, 2));
            EXPECT_EQ(messages.size(), 1u);
            if (!messages.empty()) {
              EXPECT_EQ(messages[0].deadline, std::optional<std::string>("2026-11-24"));
            }
            domain::PageRequest page;
            cp::CampaignFilter by_member;
            by_member.member = "inspector";
            XA_ASSIGN_OR_RETURN(auto mine,
                                tx.campaigns().List(by_member, domain::ScopeFilter{}, page));
            EXPECT_EQ(mine.total, 1);
            by_member.member = "nobody";
            XA_ASSIGN_OR_RETURN(auto none,
                                tx.campaigns().List(by_member, domain::ScopeFilter{}, page));
            EXPECT_EQ(none.total, 0);
            // A scope below the deploying bureau lists the campaign only when asked for the
            // campaigns reaching its schools.
            cp::CampaignFilter reaching;
            XA_ASSIGN_OR_RETURN(
                auto below,
                tx.campaigns().List(reaching, domain::ScopeFilter::Subtree("/1/2/"), page));
            EXPECT_EQ(below.total, 0);
            reaching.reaching = true;
            XA_ASSIGN_OR_RETURN(
                below, tx.campaigns().List(reaching, domain::ScopeFilter::Subtree("/1/2/"), page));
            EXPECT_EQ(below.total, 1);
            XA_ASSIGN_OR_RETURN(
                below, tx.campaigns().List(reaching, domain::ScopeFilter::Subtree("/1/9/"), page));
            EXPECT_EQ(below.total, 0);
            XA_TRY(tx.campaigns().SetTargetState(c.id, 2, "submitted", "2026-11-06T01:00Z"));
            XA_TRY(tx.campaigns().Close(c.id, "总结", "2026-11-30T01:00:00.000Z"));
            XA_ASSIGN_OR_RETURN(auto closed, tx.campaigns().Find(c.id));
            EXPECT_EQ(closed->state, "closed");
            EXPECT_EQ(closed->submitted_count, 1);
            return {};
          })
          .ok());
}

TEST_P(StorageContract, MigrationToTypicalProblemsKeepsTheCampaignsAndTheirHazards) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 23);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  {
    auto conn = (*pool)->Acquire();
    ASSERT_TRUE(conn.ok());
    const std::string t = "2026-11-05T02:00:00.000Z";
    const std::vector<std::string> statements = DistrictRows(
        true,
        {"INSERT INTO campaigns (id, owner_unit_id, name, level, domains, self_from, self_to, "
         "inspect_from, inspect_to, w_completion, w_self_found, w_no_missed, w_rectified, "
         "w_closed, created_by, created_at) VALUES (3, 1, '秋季消防专项行动', 'bureau', 'fire', "
         "'2026-11-02', '2026-11-13', '2026-11-16', '2026-11-27', 30, 20, 20, 20, 10, 'office', "
         "'t')",
         "INSERT INTO campaign_schools (campaign_id, school_id) VALUES (3, 2)",
         "INSERT INTO hazards (id, school_id, domain, level, title, found_at, found_by, source, "
         "campaign_id, state, created_at, updated_at) VALUES (5, 2, 'fire', 'general', "
         "'灭火器过期', '" +
             t + "', 's1', 'self_inspection', 3, 'reported', 't', 't')",
         "INSERT INTO hazards (id, school_id, domain, level, title, found_at, found_by, source, "
         "campaign_id, state, created_at, updated_at) VALUES (6, 2, 'fire', 'major', "
         "'安全出口上锁', '" +
             t + "', 'inspector', 'bureau_inspection', 3, 'reported', 't', 't')",
         "INSERT INTO hazards (id, school_id, domain, level, title, found_at, found_by, source, "
         "state, created_at, updated_at) VALUES (7, 2, 'gas', 'general', '燃气软管老化', '" +
             t + "', 's1', 'self_inspection', 'reported', 't', 't')"});
    ASSERT_TRUE(WriteRows(**pool, statements));
  }
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace cp = domain::campaign;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto c, tx.campaigns().Find(3));
            EXPECT_TRUE(c.has_value());
            // The campaign's hazards only, oldest first.
            XA_ASSIGN_OR_RETURN(auto ids, tx.campaigns().HazardIds(3));
            EXPECT_EQ(ids, (std::vector<std::int64_t>{5, 6}));
            XA_ASSIGN_OR_RETURN(auto none, tx.campaigns().TypicalOf(3));
            EXPECT_TRUE(none.empty());
            XA_TRY(tx.campaigns().MarkTypical({3, 6, "第一次", "安全科", "2026-11-20T01:00Z"}));
            XA_TRY(tx.campaigns().MarkTypical({3, 5, "", "安全科", "2026-11-20T01:01Z"}));
            // Marked again: the note and who marked it replaced, still one row.
            XA_TRY(tx.campaigns().MarkTypical(
                {3, 6, "安全出口上锁，全区通报", "督导组", "2026-11-21T01:00Z"}));
            XA_ASSIGN_OR_RETURN(auto marks, tx.campaigns().TypicalOf(3));
            EXPECT_EQ(marks.size(), 2u);
            if (marks.size() != 2u) return {};
            EXPECT_EQ(marks[0].hazard_id, 5);
            EXPECT_EQ(marks[1].hazard_id, 6);
            EXPECT_EQ(marks[1].campaign_id, 3);
            EXPECT_EQ(marks[1].note, "安全出口上锁，全区通报");
            EXPECT_EQ(marks[1].marked_by, "督导组");
            EXPECT_EQ(marks[1].marked_at, "2026-11-21T01:00Z");
            XA_TRY(tx.campaigns().UnmarkTypical(3, 5));
            XA_TRY(tx.campaigns().UnmarkTypical(4, 6));  // another campaign: no effect
            XA_ASSIGN_OR_RETURN(auto left, tx.campaigns().TypicalOf(3));
            EXPECT_EQ(left.size(), 1u);
            if (!left.empty()) {
              EXPECT_EQ(left[0].hazard_id, 6);
            }
            return {};
          })
          .ok());
}

TEST_P(StorageContract, MigrationToSecurityRecordsKeepsTheDistrictAndStoresWholeRecords) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 24);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(
          true, {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                 "phone, phone_index, created_at, updated_at) VALUES (3, 'school', '示范中学', "
                 "'S2', '990102', 1, '/1/3/', '', '', 't', 't')",
                 "INSERT INTO hazards (id, school_id, domain, level, title, found_at, "
                 "found_by, source, state, created_at, updated_at) VALUES (5, 2, "
                 "'security_equipment', 'general', '围墙破损', '2026-11-05T02:00:00.000Z', 's1', "
                 "'self_inspection', 'reported', 't', 't')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace sec = domain::security;
  namespace cal = domain::calendar;
  const auto day = [](const char* text) { return cal::ParseDate(text); };
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto hazard, tx.hazards().Find(5, domain::ScopeFilter{}));
                    EXPECT_TRUE(hazard.has_value());
                    XA_ASSIGN_OR_RETURN(auto none, tx.security().Find(2));
                    EXPECT_FALSE(none.has_value());
                    sec::Record r;
                    r.school_id = 2;
                    r.updated_at = "2026-12-01T01:00:00.000Z";
                    r.updated_by = "s1";
                    r.data.has_canteen = true;
                    r.data.perimeter = true;
                    r.data.gate_house_staffed = true;
                    r.data.video = {{"gate", "teaching"}, 30, day("2026-11-30"), day("2026-10-02")};
                    r.data.patrols_per_day = 6;
                    r.data.guards = {
                        {0, "王建国", true, "鄂A001", day("1968-03-02"), "安保公司", "白班"},
                        {0, "李四", false, "", std::nullopt, "", ""}};
                    r.data.alarms = {{0, "门卫室", true, false, day("2026-11-20")}};
                    r.data.posts = {{0, "南门", "morning", 3, {"police", "guard"}},
                                    {0, "南门", "afternoon", 2, {}}};
                    XA_ASSIGN_OR_RETURN(const bool first, tx.security().Save(r));
                    EXPECT_TRUE(first);
                    EXPECT_EQ(r.version, 1);
                    EXPECT_NE(r.data.guards[0].id, 0);
                    EXPECT_NE(r.data.guards[1].id, r.data.guards[0].id);
                    // A second first save of the same school is refused, not doubled.
                    sec::Record again = r;
                    again.version = 0;
                    XA_ASSIGN_OR_RETURN(const bool twice, tx.security().Save(again));
                    EXPECT_FALSE(twice);
                    XA_ASSIGN_OR_RETURN(auto found, tx.security().Find(2));
                    EXPECT_TRUE(found.has_value());
                    if (!found) return {};
                    EXPECT_EQ(found->school_name, "示范小学");
                    EXPECT_EQ(found->version, 1);
                    EXPECT_EQ(found->updated_by, "s1");
                    const auto& d = found->data;
                    EXPECT_TRUE(d.has_canteen && d.perimeter && d.gate_house_staffed);
                    EXPECT_FALSE(d.gate_controlled || d.visitor_register);
                    EXPECT_EQ(d.video.areas, (std::vector<std::string>{"gate", "teaching"}));
                    EXPECT_EQ(d.video.retention_days, 30);
                    EXPECT_EQ(d.video.open_fault_since, day("2026-11-30"));
                    EXPECT_EQ(d.video.last_repair, day("2026-10-02"));
                    EXPECT_EQ(d.patrols_per_day, 6);
                    EXPECT_EQ(d.guards.size(), 2u);
                    if (d.guards.size() == 2u) {
                      EXPECT_EQ(d.guards[0].name, "王建国");
                      EXPECT_TRUE(d.guards[0].full_time);
                      EXPECT_EQ(d.guards[0].license_no, "鄂A001");
                      EXPECT_EQ(d.guards[0].birth_date, day("1968-03-02"));
                      EXPECT_EQ(d.guards[0].employer, "安保公司");
                      EXPECT_EQ(d.guards[0].shifts, "白班");
                      EXPECT_FALSE(d.guards[1].full_time);
                      EXPECT_FALSE(d.guards[1].birth_date.has_value());
                    }
                    EXPECT_EQ(d.alarms.size(), 1u);
                    if (!d.alarms.empty()) {
                      EXPECT_EQ(d.alarms[0].location, "门卫室");
                      EXPECT_TRUE(d.alarms[0].linked_110);
                      EXPECT_FALSE(d.alarms[0].linked_bureau);
                      EXPECT_EQ(d.alarms[0].last_test, day("2026-11-20"));
                    }
                    EXPECT_EQ(d.posts.size(), 2u);
                    if (d.posts.size() == 2u) {
                      EXPECT_EQ(d.posts[0].peak, "morning");
                      EXPECT_EQ(d.posts[0].people, 3);
                      EXPECT_EQ(d.posts[0].kinds, (std::vector<std::string>{"police", "guard"}));
                      EXPECT_TRUE(d.posts[1].kinds.empty());
                    }

                    // The next save keeps the first guard's id, drops the second, adds a new one,
                    // and a save from the version read before it is refused.
                    sec::Record next = *found;
                    next.data.guards.erase(next.data.guards.begin() + 1);
                    next.data.guards.push_back({0, "赵六", true, "鄂A002", std::nullopt, "", ""});
                    next.data.video.open_fault_since.reset();
                    next.data.alarms.clear();
                    next.updated_at = "2026-12-02T01:00:00.000Z";
                    const auto kept = found->data.guards[0].id;
                    const auto dropped = found->data.guards[1].id;
                    XA_ASSIGN_OR_RETURN(const bool saved, tx.security().Save(next));
                    EXPECT_TRUE(saved);
                    EXPECT_EQ(next.version, 2);
                    sec::Record stale = *found;
                    XA_ASSIGN_OR_RETURN(const bool late, tx.security().Save(stale));
                    EXPECT_FALSE(late);
                    XA_ASSIGN_OR_RETURN(found, tx.security().Find(2));
                    EXPECT_EQ(found->version, 2);
                    EXPECT_EQ(found->data.guards.size(), 2u);
                    if (found->data.guards.size() == 2u) {
                      EXPECT_EQ(found->data.guards[0].id, kept);
                      EXPECT_EQ(found->data.guards[1].name, "赵六");
                      EXPECT_NE(found->data.guards[1].id, dropped);
                      EXPECT_NE(found->data.guards[1].id, kept);
                    }
                    EXPECT_TRUE(found->data.alarms.empty());
                    EXPECT_FALSE(found->data.video.open_fault_since.has_value());

                    // The list holds the saved schools of the scope only, with their own lists.
                    sec::Record other;
                    other.school_id = 3;
                    other.updated_at = "t";
                    other.updated_by = "s2";
                    other.data.guards = {{0, "钱七", true, "", std::nullopt, "", ""}};
                    XA_ASSIGN_OR_RETURN(const bool third, tx.security().Save(other));
                    EXPECT_TRUE(third);
                    XA_ASSIGN_OR_RETURN(auto all, tx.security().List(domain::ScopeFilter{}));
                    EXPECT_EQ(all.size(), 2u);
                    for (const auto& x : all) {
                      EXPECT_EQ(x.data.guards.size(), x.school_id == 3 ? 1u : 2u) << x.school_id;
                    }
                    XA_ASSIGN_OR_RETURN(auto one,
                                        tx.security().List(domain::ScopeFilter::Subtree("/1/2/")));
                    EXPECT_EQ(one.size(), 1u);
                    if (!one.empty()) {
                      EXPECT_EQ(one[0].school_id, 2);
                      EXPECT_EQ(one[0].data.posts.size(), 2u);
                    }
                    return {};
                  })
                  .ok());
}

TEST_P(StorageContract, MigrationToWhistlesKeepsTheDistrictAndStoresTheirSteps) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 25);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(
          true,
          {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
           "phone, phone_index, created_at, updated_at) VALUES (3, 'school', '示范中学', "
           "'S2', '990102', 1, '/1/3/', '', '', 't', 't')",
           "INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
           "department_kind, phone, phone_index, created_at, updated_at) VALUES (7, "
           "'department', '交警大队', NULL, '990102', NULL, '/7/', 'traffic_police', '', '', 't', "
           "'t')",
           "INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
           "department_kind, phone, phone_index, created_at, updated_at) VALUES (8, "
           "'department', '公安分局', NULL, '990102', NULL, '/8/', 'police', '', '', 't', 't')",
           "INSERT INTO security_records (school_id, version, updated_at, updated_by) VALUES "
           "(2, 1, 't', 's1')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace wh = domain::whistle;
  namespace cal = domain::calendar;
  const auto at = [](const char* text) {
    Instant t{};
    ParseInstant(text, t);
    return t;
  };
  auto whistle = [&](std::int64_t school, const char* title, std::vector<std::int64_t> to) {
    wh::Whistle w;
    w.school_id = school;
    w.draft = {title, "放学拥堵", "traffic", "around", "南门外", "major", "保安值守"};
    w.raised_by = "s1";
    w.raised_at = at("2026-09-30T08:00:00.000Z");
    for (const auto d : to) {
      wh::Assignment a;
      a.department_id = d;
      a.routed_at = w.raised_at;
      a.ack_due = at("2026-09-30T10:00:00.000Z");
      a.feedback_due = cal::ParseDate("2026-10-13");
      w.assignments.push_back(a);
      wh::Event e;
      e.kind = "routed";
      e.department_id = d;
      e.actor = "system";
      e.at = w.raised_at;
      w.events.push_back(e);
    }
    wh::Event raised;
    raised.kind = "raised";
    raised.note = "保安值守";
    raised.actor = "s1";
    raised.at = w.raised_at;
    w.events.insert(w.events.begin(), raised);
    w.state = wh::StateOf(w.assignments, false);
    return w;
  };
  std::int64_t first = 0;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto kept, tx.security().Find(2));
            EXPECT_TRUE(kept.has_value());
            XA_ASSIGN_OR_RETURN(auto none, tx.whistles().Find(1));
            EXPECT_FALSE(none.has_value());
            auto a = whistle(2, "南门缺少人行横道", {7});
            XA_TRY(tx.whistles().Insert(a));
            first = a.id;
            EXPECT_EQ(a.version, 1);
            auto b = whistle(3, "北门闲散人员聚集", {8});
            XA_TRY(tx.whistles().Insert(b));
            auto c = whistle(3, "无部门的事项", {});
            XA_TRY(tx.whistles().Insert(c));
            EXPECT_NE(a.id, b.id);
            EXPECT_EQ(a.events.size(), 2u);
            EXPECT_NE(a.events[0].id, 0);
            XA_ASSIGN_OR_RETURN(auto found, tx.whistles().Find(a.id));
            EXPECT_TRUE(found.has_value());
            if (!found) return {};
            EXPECT_EQ(found->school_name, "示范小学");
            EXPECT_EQ(found->school_path, "/1/2/");
            EXPECT_EQ(found->draft.title, "南门缺少人行横道");
            EXPECT_EQ(found->draft.severity, "major");
            EXPECT_EQ(found->draft.interim_measures, "保安值守");
            EXPECT_EQ(found->state, "waiting");
            EXPECT_EQ(found->raised_at, at("2026-09-30T08:00:00.000Z"));
            EXPECT_FALSE(found->closed_at.has_value());
            EXPECT_EQ(found->assignments.size(), 1u);
            if (found->assignments.size() != 1u) return {};
            const auto& part = found->assignments[0];
            EXPECT_EQ(part.department_name, "交警大队");
            EXPECT_EQ(part.department_path, "/7/");
            EXPECT_EQ(part.ack_due, at("2026-09-30T10:00:00.000Z"));
            EXPECT_EQ(part.feedback_due, cal::ParseDate("2026-10-13"));
            EXPECT_EQ(found->events.size(), 2u);
            if (found->events.size() == 2u) {
              EXPECT_EQ(found->events[0].kind, "raised");
              EXPECT_EQ(found->events[1].department_name, "交警大队");
            }
            // A step: the department acknowledges, a second department is added.
            auto w = *found;
            w.assignments[0].state = "acknowledged";
            w.assignments[0].acknowledged_at = at("2026-10-01T01:00:00.000Z");
            w.assignments[0].acknowledged_by = "d7";
            w.assignments[0].escalated_at = at("2026-09-30T10:05:00.000Z");
            w.assignments[0].feedback_due_provisional = true;
            wh::Assignment added;
            added.department_id = 8;
            added.routed_at = at("2026-10-01T02:00:00.000Z");
            added.ack_due = at("2026-10-02T02:00:00.000Z");
            w.assignments.push_back(added);
            w.state = wh::StateOf(w.assignments, false);
            std::vector<wh::Event> events(1);
            events[0].kind = "acknowledged";
            events[0].department_id = 7;
            events[0].actor = "d7";
            events[0].at = at("2026-10-01T01:00:00.000Z");
            XA_ASSIGN_OR_RETURN(const bool stored, tx.whistles().Update(w, events));
            EXPECT_TRUE(stored);
            EXPECT_EQ(w.version, 2);
            EXPECT_NE(events[0].id, 0);
            // An event leads back to its whistle (its photos' reader); none, nothing.
            XA_ASSIGN_OR_RETURN(auto of, tx.whistles().WhistleOfEvent(events[0].id));
            EXPECT_EQ(of, std::optional<std::int64_t>{a.id});
            XA_ASSIGN_OR_RETURN(auto none_of, tx.whistles().WhistleOfEvent(events[0].id + 1000));
            EXPECT_FALSE(none_of.has_value());
            // A stale version writes nothing.
            auto stale = *found;
            stale.state = "closed";
            std::vector<wh::Event> more(1);
            more[0].kind = "confirmed";
            more[0].actor = "s1";
            more[0].at = at("2026-10-02T01:00:00.000Z");
            XA_ASSIGN_OR_RETURN(const bool late, tx.whistles().Update(stale, more));
            EXPECT_FALSE(late);
            XA_ASSIGN_OR_RETURN(auto after, tx.whistles().Find(a.id));
            EXPECT_EQ(after->state, "in_progress");
            EXPECT_EQ(after->version, 2);
            EXPECT_EQ(after->events.size(), 3u);
            EXPECT_EQ(after->assignments.size(), 2u);
            if (after->assignments.size() == 2u) {
              // By department name: 交警大队 before 公安分局 in code-point order.
              const auto& acked = after->assignments[0].department_id == 7 ? after->assignments[0]
                                                                           : after->assignments[1];
              EXPECT_EQ(acked.state, "acknowledged");
              EXPECT_EQ(acked.acknowledged_by, "d7");
              EXPECT_EQ(acked.acknowledged_at, at("2026-10-01T01:00:00.000Z"));
              EXPECT_EQ(acked.escalated_at, at("2026-09-30T10:05:00.000Z"));
              EXPECT_TRUE(acked.feedback_due_provisional);
            }
            return {};
          })
          .ok());
  ASSERT_TRUE(
      store
          .Read([&](domain::Tx& tx) -> Status {
            domain::PageRequest page;
            // The bureau sees all three; a school its own; a department what was routed to it.
            XA_ASSIGN_OR_RETURN(auto all,
                                tx.whistles().List({}, domain::ScopeFilter::Subtree("/1/"), page));
            EXPECT_EQ(all.total, 3);
            XA_ASSIGN_OR_RETURN(auto own, tx.whistles().List({}, {false, true, {"/1/3/"}}, page));
            EXPECT_EQ(own.total, 2);
            XA_ASSIGN_OR_RETURN(auto police, tx.whistles().List({}, {false, true, {"/8/"}}, page));
            EXPECT_EQ(police.total, 2);  // routed to it and added to the first
            XA_ASSIGN_OR_RETURN(auto traffic, tx.whistles().List({}, {false, true, {"/7/"}}, page));
            EXPECT_EQ(traffic.total, 1);
            // The police's to-do: pending parts only.
            wh::WhistleFilter todo;
            todo.assignment_states = {"pending"};
            XA_ASSIGN_OR_RETURN(auto pending,
                                tx.whistles().List(todo, {false, true, {"/8/"}}, page));
            EXPECT_EQ(pending.total, 2);
            XA_ASSIGN_OR_RETURN(auto none, tx.whistles().List(todo, {false, true, {"/7/"}}, page));
            EXPECT_EQ(none.total, 0);
            wh::WhistleFilter states;
            states.states = {"in_progress", "answered"};
            XA_ASSIGN_OR_RETURN(auto moving,
                                tx.whistles().List(states, domain::ScopeFilter{}, page));
            EXPECT_EQ(moving.total, 1);
            states.states = {"waiting"};
            states.school_id = 3;
            XA_ASSIGN_OR_RETURN(auto waiting,
                                tx.whistles().List(states, domain::ScopeFilter{}, page));
            EXPECT_EQ(waiting.total, 2);
            XA_ASSIGN_OR_RETURN(auto own_waiting,
                                tx.whistles().List(states, {false, true, {"/1/3/"}}, page));
            EXPECT_EQ(own_waiting.total, 2);
            wh::WhistleFilter by;
            by.department_id = 7;
            by.q = "人行";
            XA_ASSIGN_OR_RETURN(auto one, tx.whistles().List(by, domain::ScopeFilter{}, page));
            EXPECT_EQ(one.total, 1);
            if (one.total == 1) {
              EXPECT_EQ(one.items[0].id, first);
              EXPECT_TRUE(one.items[0].events.empty());  // lists carry no timeline
              EXPECT_EQ(one.items[0].assignments.size(), 2u);
            }
            wh::WhistleFilter period;
            period.raised_from = "2026-09-30T08:00:00.000Z";
            period.raised_to = "2026-09-30T08:00:00.001Z";
            XA_ASSIGN_OR_RETURN(auto in, tx.whistles().List(period, domain::ScopeFilter{}, page));
            EXPECT_EQ(in.total, 3);
            period.raised_from = "2026-09-30T08:00:00.001Z";
            period.raised_to.reset();
            XA_ASSIGN_OR_RETURN(auto out, tx.whistles().List(period, domain::ScopeFilter{}, page));
            EXPECT_EQ(out.total, 0);
            // Open: the first (a pending part) and the second; not the one without departments.
            XA_ASSIGN_OR_RETURN(auto open, tx.whistles().ListOpen());
            EXPECT_EQ(open.size(), 2u);
            return {};
          })
          .ok());
  // The routing table of a bureau, replaced as a whole.
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_TRY(tx.whistles().ReplaceRoutes(1, {{"traffic", {7, 8}}, {"water", {8}}}));
                    XA_ASSIGN_OR_RETURN(auto routes, tx.whistles().Routes(1));
                    EXPECT_EQ(routes.size(), 2u);
                    if (routes.size() == 2u) {
                      EXPECT_EQ(routes[0].category, "traffic");
                      EXPECT_EQ(routes[0].department_ids, (std::vector<std::int64_t>{7, 8}));
                    }
                    XA_TRY(tx.whistles().ReplaceRoutes(1, {{"water", {7}}}));
                    XA_ASSIGN_OR_RETURN(routes, tx.whistles().Routes(1));
                    EXPECT_EQ(routes.size(), 1u);
                    XA_ASSIGN_OR_RETURN(auto other, tx.whistles().Routes(3));
                    EXPECT_TRUE(other.empty());
                    return {};
                  })
                  .ok());
}

TEST_P(StorageContract, MigrationToScreeningRoundsKeepsTheRecordsAndStoresRounds) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 26);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(
          true,
          {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
           "phone, phone_index, created_at, updated_at) VALUES (3, 'school', '示范中学', "
           "'S2', '990102', 1, '/1/3/', '', '', 't', 't')",
           "INSERT INTO security_records (school_id, version, updated_at, updated_by) VALUES "
           "(2, 3, 't', 's1')",
           "INSERT INTO whistle_reports (school_id, month, nil, open_count, filed_by, filed_at) "
           "VALUES (2, '2026-11', 1, 0, 's1', 't')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace sec = domain::security;
  namespace hz = domain::hazard;
  const auto hazard = [](std::int64_t school, const char* title) {
    hz::Hazard h;
    h.school_id = school;
    h.domain = "security_equipment";
    h.level = "general";
    h.title = title;
    h.found_at = h.created_at = h.updated_at = "2026-12-01T00:00:00.000Z";
    h.found_by = "s1";
    h.source = "screening";
    return h;
  };
  const domain::ScopeFilter district = domain::ScopeFilter::Subtree("/1/");
  const domain::ScopeFilter second{false, true, {"/1/3/"}};
  const domain::ScopeFilter elsewhere{false, true, {"/9/"}};
  std::int64_t round_id = 0;
  std::int64_t guards_hazard = 0;
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto kept, tx.security().Find(2));
                    EXPECT_TRUE(kept.has_value() && kept->version == 3);
                    XA_ASSIGN_OR_RETURN(auto report, tx.whistles().FindReport(2, "2026-11"));
                    EXPECT_TRUE(report.has_value());
                    XA_ASSIGN_OR_RETURN(auto none, tx.security().FindRound(1));
                    EXPECT_FALSE(none.has_value());
                    auto h1 = hazard(2, "专职保安未达标");
                    XA_TRY(tx.hazards().Insert(h1));
                    guards_hazard = h1.id;
                    domain::StoredFile f{0,
                                         "roster.png",
                                         "image/png",
                                         8,
                                         "ab",
                                         "s1",
                                         2,
                                         "2026-12-01T00:00:00.000Z",
                                         std::nullopt,
                                         std::nullopt};
                    XA_TRY(tx.files().Insert(f));

                    sec::Round early{0,        1,   "", "秋季筛查", "2026-09-01", "2026-09-30",
                                     "office", "t1"};
                    XA_TRY(tx.security().InsertRound(early, {2}));
                    sec::Round r{0, 1, "", "冬季筛查", "2026-12-01", "2026-12-20", "office", "t2"};
                    XA_TRY(tx.security().InsertRound(r, {3, 2}));
                    round_id = r.id;
                    EXPECT_GT(r.id, early.id);
                    XA_ASSIGN_OR_RETURN(auto found, tx.security().FindRound(r.id));
                    EXPECT_TRUE(found.has_value());
                    if (found) {
                      EXPECT_EQ(found->name, "冬季筛查");
                      EXPECT_EQ(found->bureau_name, "教育局");
                      EXPECT_EQ(found->from, "2026-12-01");
                      EXPECT_EQ(found->to, "2026-12-20");
                      EXPECT_EQ(found->created_by, "office");
                    }
                    // The latest first; a school sees the rounds that include it.
                    XA_ASSIGN_OR_RETURN(auto all, tx.security().ListRounds(district));
                    EXPECT_EQ(all.size(), 2u);
                    if (all.size() == 2u) {
                      EXPECT_EQ(all[0].id, r.id);
                    }
                    XA_ASSIGN_OR_RETURN(auto mine, tx.security().ListRounds(second));
                    EXPECT_EQ(mine.size(), 1u);
                    XA_ASSIGN_OR_RETURN(auto nothing, tx.security().ListRounds(elsewhere));
                    EXPECT_TRUE(nothing.empty());
                    XA_ASSIGN_OR_RETURN(auto schools, tx.security().RoundSchools(r.id, district));
                    EXPECT_EQ(schools.size(), 2u);
                    if (schools.size() == 2u) {
                      EXPECT_EQ(schools[0].second, "示范中学");
                    }
                    XA_ASSIGN_OR_RETURN(auto one, tx.security().RoundSchools(r.id, second));
                    EXPECT_EQ(one.size(), 1u);

                    sec::Screening x;
                    x.round_id = r.id;
                    x.school_id = 2;
                    x.screened_by = "s1";
                    x.screened_at = "2026-12-02T01:00:00.000Z";
                    x.indicators = {false, true, true, false};
                    x.reasons = "专职保安员配备数量：缺 1 名";
                    x.evidence = {{"guards", "名册", {f.id}},
                                  {"closed_campus", "围墙完好", {}},
                                  {"alarm_video", "测试联动", {}},
                                  {"gate_duty", "", {}}};
                    XA_ASSIGN_OR_RETURN(const bool stored, tx.security().InsertScreening(x));
                    EXPECT_TRUE(stored);
                    XA_TRY(tx.security().LinkHazard(x.id, "guards", h1.id));
                    sec::Screening again = x;
                    XA_ASSIGN_OR_RETURN(const bool twice, tx.security().InsertScreening(again));
                    EXPECT_FALSE(twice);
                    return {};
                  })
                  .ok());
  ASSERT_TRUE(store
                  .Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto x, tx.security().FindScreening(round_id, 2));
                    EXPECT_TRUE(x.has_value());
                    if (!x) return {};
                    EXPECT_EQ(x->school_name, "示范小学");
                    EXPECT_FALSE(x->indicators.guards);
                    EXPECT_TRUE(x->indicators.closed_campus);
                    EXPECT_TRUE(x->indicators.alarm_video);
                    EXPECT_FALSE(x->indicators.gate_duty);
                    EXPECT_EQ(x->reasons, "专职保安员配备数量：缺 1 名");
                    EXPECT_EQ(x->screened_at, "2026-12-02T01:00:00.000Z");
                    EXPECT_EQ(x->evidence.size(), 4u);
                    if (x->evidence.size() == 4u) {
                      EXPECT_EQ(x->evidence[0].indicator, "guards");
                      EXPECT_EQ(x->evidence[0].file_ids.size(), 1u);
                      EXPECT_EQ(x->evidence[3].indicator, "gate_duty");
                      EXPECT_TRUE(x->evidence[3].file_ids.empty());
                    }
                    EXPECT_EQ(x->hazards.size(), 1u);
                    if (!x->hazards.empty()) {
                      EXPECT_EQ(x->hazards[0].hazard_id, guards_hazard);
                      EXPECT_EQ(x->hazards[0].title, "专职保安未达标");
                      EXPECT_EQ(x->hazards[0].state, "reported");
                    }
                    XA_ASSIGN_OR_RETURN(auto by_id, tx.security().FindScreeningById(x->id));
                    EXPECT_TRUE(by_id.has_value() && by_id->school_id == 2);
                    XA_ASSIGN_OR_RETURN(auto missing, tx.security().FindScreening(round_id, 3));
                    EXPECT_FALSE(missing.has_value());
                    XA_ASSIGN_OR_RETURN(auto listed, tx.security().Screenings(round_id, district));
                    EXPECT_EQ(listed.size(), 1u);
                    if (!listed.empty()) {
                      EXPECT_EQ(listed[0].hazards.size(), 1u);
                    }
                    XA_ASSIGN_OR_RETURN(auto other, tx.security().Screenings(round_id, second));
                    EXPECT_TRUE(other.empty());
                    XA_ASSIGN_OR_RETURN(auto open, tx.security().OpenScreeningHazards(2));
                    EXPECT_EQ(open.size(), 1u);
                    if (!open.empty()) {
                      EXPECT_EQ(open[0].indicator, "guards");
                    }
                    XA_ASSIGN_OR_RETURN(auto none, tx.security().OpenScreeningHazards(3));
                    EXPECT_TRUE(none.empty());
                    return {};
                  })
                  .ok());
  // Closed: no longer open.
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto h, tx.hazards().Find(guards_hazard, {}));
                    EXPECT_TRUE(h.has_value());
                    if (!h) return {};
                    h->state = hz::State::kClosed;
                    h->closed_at = "2026-12-03T00:00:00.000Z";
                    XA_TRY(tx.hazards().Update(*h));
                    XA_ASSIGN_OR_RETURN(auto open, tx.security().OpenScreeningHazards(2));
                    EXPECT_TRUE(open.empty());
                    return {};
                  })
                  .ok());
}

TEST_P(StorageContract, MigrationToLeadershipEscalationKeepsEveryWhistle) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 27);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(
          true,
          {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
           "department_kind, phone, phone_index, created_at, updated_at) VALUES (7, "
           "'department', '交警大队', NULL, '990102', NULL, '/7/', 'traffic_police', '', '', 't', "
           "'t')",
           "INSERT INTO whistles (id, school_id, title, description, category, place, location, "
           "severity, state, raised_by, raised_at, version) VALUES (5, 2, '南门缺少人行横道', "
           "'放学拥堵', 'traffic', 'around', '南门外', 'general', 'waiting', 's1', "
           "'2026-09-30T08:00:00.000Z', 1)",
           "INSERT INTO whistle_assignments (whistle_id, department_id, state, routed_at, ack_due, "
           "escalated_at) VALUES (5, 7, 'pending', '2026-09-30T08:00:00.000Z', "
           "'2026-10-01T08:00:00.000Z', '2026-10-01T08:05:00.000Z')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  Instant told{};
  ParseInstant("2026-10-03T08:05:00.000Z", told);
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto w, tx.whistles().Find(5));
                    EXPECT_TRUE(w.has_value());
                    if (!w || w->assignments.size() != 1u) {
                      ADD_FAILURE() << "the whistle and its part are kept";
                      return {};
                    }
                    EXPECT_EQ(w->draft.title, "南门缺少人行横道");
                    EXPECT_TRUE(w->assignments[0].escalated_at.has_value());
                    EXPECT_FALSE(w->assignments[0].leader_escalated_at.has_value());
                    w->assignments[0].leader_escalated_at = told;
                    std::vector<domain::whistle::Event> none;
                    XA_ASSIGN_OR_RETURN(const bool stored, tx.whistles().Update(*w, none));
                    EXPECT_TRUE(stored);
                    XA_ASSIGN_OR_RETURN(auto again, tx.whistles().Find(5));
                    EXPECT_TRUE(again && again->assignments.size() == 1u &&
                                again->assignments[0].leader_escalated_at == told);
                    return {};
                  })
                  .ok());
}

TEST_P(StorageContract, MigrationToOrderDeadlinesKeepsEveryOrderInDeadlineOrder) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 28);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  std::vector<std::string> orders;
  // Three open orders of one school and one closed, written out of deadline order.
  const std::vector<std::pair<std::string, std::string>> rows = {{"2026-11-20", "open"},
                                                                 {"2026-11-05", "open"},
                                                                 {"2026-11-12", "closed"},
                                                                 {"2026-11-09", "open"}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    orders.push_back(
        "INSERT INTO supervision_orders (id, subject_type, subject_id, subject_title, school_id, "
        "rule, reason, deadline, state, created_at) VALUES (" +
        std::to_string(i + 1) + ", 'hazard', " + std::to_string(40 + i) + ", '隐患 " +
        std::to_string(i + 1) + "', 2, 'hazard.overdue.bureau', '逾期', '" + rows[i].first +
        "', '" + rows[i].second + "', '2026-11-01T00:00:00.000Z')");
  }
  ASSERT_TRUE(WriteRows(**pool, DistrictRows(true, orders)));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  ASSERT_TRUE(store
                  .Read([&](domain::Tx& tx) -> Status {
                    domain::OrderFilter f;
                    f.state = domain::OrderState::kOpen;
                    XA_ASSIGN_OR_RETURN(auto open, tx.supervision().List(f, domain::ScopeFilter{},
                                                                         {1, 2, "deadline"}));
                    EXPECT_EQ(open.total, 3);
                    std::vector<std::int64_t> ids;
                    for (const auto& o : open.items) ids.push_back(o.id);
                    EXPECT_EQ(ids, (std::vector<std::int64_t>{2, 4}));
                    f.state = domain::OrderState::kClosed;
                    XA_ASSIGN_OR_RETURN(
                        auto closed, tx.supervision().List(f, domain::ScopeFilter{}, {1, 10, ""}));
                    EXPECT_EQ(closed.total, 1);
                    return {};
                  })
                  .ok());
}

// A user's mobile under the GM profile: sealed in the database, read back whole by the
// administrator, masked in the list, a mask sent back keeps it; display names in one query.
TEST_P(StorageContract, AUsersMobileIsSealedAndItsDisplayNameLooksUpInABatch) {
  store_->SetFieldCipher(TestCipher(kKey1));
  const auto bureau = Bureau();
  app::NewUser input;
  input.username = "mobile_user";
  input.display_name = "王老师";
  input.unit_id = bureau.id;
  input.mobile = "13912345678";
  auto created = app::CreateUser(S(), ctx_, input);
  ASSERT_TRUE(created.ok()) << created.error().message;
  {
    auto c = Conn();
    auto raw = c->Query("SELECT mobile, mobile_index FROM users WHERE id = $1",
                        sql::Params{created->user.id});
    ASSERT_TRUE(raw.ok());
    EXPECT_EQ(raw->Text(0, 0).rfind("sm4:1:", 0), 0u) << raw->Text(0, 0);
    EXPECT_EQ(raw->Text(0, 0).find("12345678"), std::string::npos);
    EXPECT_EQ(raw->Text(0, 1).size(), 32u);
  }
  EXPECT_EQ(created->user.mobile, "13912345678");
  EXPECT_EQ(app::GetUser(S(), ctx_, created->user.id)->mobile, "13912345678");
  S().mask_personal_fields = true;
  domain::UserFilter f;
  f.q = "mobile_user";
  auto listed = app::ListUsers(S(), ctx_, f);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->total, 1);
  EXPECT_EQ(listed->items[0].mobile, "139****5678");
  // The list's mask sent back with a new name keeps the number; a bad number is refused whole.
  auto renamed = app::UpdateUserProfile(S(), ctx_, created->user.id, {"王芳", "139****5678"});
  ASSERT_TRUE(renamed.ok()) << renamed.error().message;
  EXPECT_EQ(renamed->display_name, "王芳");
  EXPECT_EQ(renamed->mobile, "13912345678");
  auto bad = app::UpdateUserProfile(S(), ctx_, created->user.id, {"李四", "1391234567"});
  ASSERT_FALSE(bad.ok());
  ASSERT_FALSE(bad.error().details.empty());
  EXPECT_EQ(bad.error().details[0].field, "mobile");
  EXPECT_EQ(app::GetUser(S(), ctx_, created->user.id)->display_name, "王芳");
  auto cleared = app::UpdateUserProfile(S(), ctx_, created->user.id, {"王芳", ""});
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(app::GetUser(S(), ctx_, created->user.id)->mobile, "");
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    // More people than one batch holds, the unknown and the nameless left out.
                    std::vector<std::string> names(450, "nobody");
                    names[3] = "mobile_user";
                    names[420] = "system";
                    XA_ASSIGN_OR_RETURN(auto found, tx.users().DisplayNames(names));
                    EXPECT_EQ(found, (std::map<std::string, std::string>{{"mobile_user", "王芳"}}));
                    std::vector<std::string> last(201, "nobody");
                    last[200] = "mobile_user";  // in the second batch
                    XA_ASSIGN_OR_RETURN(auto second, tx.users().DisplayNames(last));
                    EXPECT_EQ(second.size(), 1u);
                    return {};
                  })
                  .ok());
}

// Accounts made before the mobile column keep everything and have none.
TEST_P(StorageContract, MigrationToUserMobileKeepsEveryAccount) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 29);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool, DistrictRows(true, {"INSERT INTO users (id, unit_id, username, display_name, "
                                  "password_hash, created_at, updated_at) VALUES (5, 2, "
                                  "'teacher', '李老师', 'x', 't', 't')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto u, tx.users().FindById(5));
                    EXPECT_TRUE(u.has_value());
                    if (!u) return {};
                    EXPECT_EQ(u->username, "teacher");
                    EXPECT_EQ(u->display_name, "李老师");
                    EXPECT_EQ(u->unit_name, "示范小学");
                    EXPECT_EQ(u->mobile, "");
                    u->mobile = "13700001111";
                    u->updated_at = "t2";
                    XA_TRY(tx.users().UpdateProfile(*u));
                    XA_ASSIGN_OR_RETURN(auto again, tx.users().FindByUsername("teacher"));
                    EXPECT_EQ(again->mobile, "13700001111");
                    return {};
                  })
                  .ok());
}

// 1530 on a district that had everything before it: the classes and check-ins start empty, a
// class is one per school, grade and name, a check-in one per class, day and kind, a stale
// change writes nothing, and the scope reaches the school's rows.
TEST_P(StorageContract, MigrationTo1530KeepsTheDistrictAndHoldsClassesAndCheckIns) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 30);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool, DistrictRows(true, {"INSERT INTO users (id, unit_id, username, display_name, "
                                  "password_hash, created_at, updated_at) VALUES (5, 2, "
                                  "'teacher', '李老师', 'x', 't', 't')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace edu = domain::edu;
  const auto day = [](const char* d) { return *domain::calendar::ParseDate(d); };
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto none, tx.edu().AllClasses({}, domain::ScopeFilter{}));
            EXPECT_TRUE(none.empty());
            edu::Class c;
            c.school_id = 2;
            c.draft = {3, "2班", "teacher"};
            c.since = day("2026-11-30");
            XA_TRY(tx.edu().InsertClass(c));
            EXPECT_GT(c.id, 0);
            EXPECT_EQ(c.version, 1);
            edu::Class other;
            other.school_id = 2;
            other.draft = {3, "3班", ""};
            other.since = day("2026-11-30");
            XA_TRY(tx.edu().InsertClass(other));
            XA_ASSIGN_OR_RETURN(auto found, tx.edu().FindClassByName(2, 3, "2班"));
            EXPECT_TRUE(found.has_value());
            if (!found) return {};
            EXPECT_EQ(found->teacher_name, "李老师");
            EXPECT_EQ(found->school_name, "示范小学");
            EXPECT_EQ(found->school_path, "/1/2/");
            EXPECT_EQ(domain::calendar::FormatDate(found->since), "2026-11-30");
            XA_ASSIGN_OR_RETURN(auto missing, tx.edu().FindClassByName(2, 4, "2班"));
            EXPECT_FALSE(missing.has_value());
            // A stale change writes nothing; a current one bumps the version.
            auto stale = *found;
            stale.version = 7;
            stale.draft.name = "9班";
            XA_ASSIGN_OR_RETURN(const bool wrote_stale, tx.edu().UpdateClass(stale));
            EXPECT_FALSE(wrote_stale);
            found->draft.teacher = "";
            found->active = false;
            XA_ASSIGN_OR_RETURN(const bool wrote, tx.edu().UpdateClass(*found));
            EXPECT_TRUE(wrote);
            EXPECT_EQ(found->version, 2);
            // Lists: in use only unless asked; by teacher; by the scope's path.
            XA_ASSIGN_OR_RETURN(auto active, tx.edu().AllClasses({}, domain::ScopeFilter{}));
            EXPECT_EQ(active.size(), 1u);
            edu::ClassFilter all;
            all.include_inactive = true;
            XA_ASSIGN_OR_RETURN(auto page,
                                tx.edu().ListClasses(all, domain::ScopeFilter::Subtree("/1/"),
                                                     domain::PageRequest{1, 1, ""}));
            EXPECT_EQ(page.total, 2);
            EXPECT_EQ(page.items.size(), 1u);
            XA_ASSIGN_OR_RETURN(auto elsewhere,
                                tx.edu().AllClasses(all, domain::ScopeFilter::Subtree("/9/")));
            EXPECT_TRUE(elsewhere.empty());
            // Check-ins: once per class, day and kind.
            edu::CheckIn k;
            k.class_id = other.id;
            k.school_id = 2;
            k.date = day("2026-12-01");
            k.kind = edu::SessionKind::kDaily;
            k.topic = edu::Topic::kFire;
            k.note = "放学前提醒";
            k.by = "teacher";
            ParseInstant("2026-12-02T01:00:00.000Z", k.at);
            k.on = day("2026-12-02");
            XA_ASSIGN_OR_RETURN(const bool first, tx.edu().InsertCheckIn(k));
            EXPECT_TRUE(first);
            auto twice = k;
            twice.note = "again";
            XA_ASSIGN_OR_RETURN(const bool second, tx.edu().InsertCheckIn(twice));
            EXPECT_FALSE(second);
            auto weekly = k;
            weekly.kind = edu::SessionKind::kWeekly;
            XA_ASSIGN_OR_RETURN(const bool third, tx.edu().InsertCheckIn(weekly));
            EXPECT_TRUE(third);
            XA_ASSIGN_OR_RETURN(auto back, tx.edu().FindCheckIn(k.id));
            EXPECT_TRUE(back.has_value());
            if (!back) return {};
            EXPECT_EQ(back->note, "放学前提醒");
            EXPECT_EQ(back->by_name, "李老师");
            EXPECT_EQ(back->topic, edu::Topic::kFire);
            EXPECT_EQ(domain::calendar::FormatDate(back->on), "2026-12-02");
            EXPECT_EQ(FormatInstant(back->at), "2026-12-02T01:00:00.000Z");
            XA_ASSIGN_OR_RETURN(auto in_range,
                                tx.edu().CheckInsOf({other.id}, "2026-12-01", "2026-12-01"));
            EXPECT_EQ(in_range.size(), 2u);
            XA_ASSIGN_OR_RETURN(auto before,
                                tx.edu().CheckInsOf({other.id}, "2026-11-01", "2026-11-30"));
            EXPECT_TRUE(before.empty());
            XA_ASSIGN_OR_RETURN(auto scoped,
                                tx.edu().CheckInsIn(domain::ScopeFilter::Subtree("/1/2/"),
                                                    "2026-12-01", "2026-12-01"));
            EXPECT_EQ(scoped.size(), 2u);
            XA_ASSIGN_OR_RETURN(auto outside,
                                tx.edu().CheckInsIn(domain::ScopeFilter::Subtree("/1/3/"),
                                                    "2026-12-01", "2026-12-01"));
            EXPECT_TRUE(outside.empty());
            // The boards' marks: class, day, kind and the day recorded, of the schools given.
            XA_ASSIGN_OR_RETURN(auto marks,
                                tx.edu().CheckInMarksOf({2, 3}, "2026-12-01", "2026-12-01"));
            EXPECT_EQ(marks.size(), 2u);
            std::sort(marks.begin(), marks.end(), edu::MarkBefore);
            if (marks.size() == 2) {
              EXPECT_EQ(marks[0].class_id, other.id);
              EXPECT_EQ(marks[0].kind, edu::SessionKind::kDaily);
              EXPECT_EQ(marks[1].kind, edu::SessionKind::kWeekly);
              EXPECT_EQ(domain::calendar::FormatDate(marks[0].date), "2026-12-01");
              EXPECT_EQ(domain::calendar::FormatDate(marks[0].on), "2026-12-02");
            }
            XA_ASSIGN_OR_RETURN(auto no_marks,
                                tx.edu().CheckInMarksOf({3}, "2026-12-01", "2026-12-01"));
            EXPECT_TRUE(no_marks.empty());
            XA_ASSIGN_OR_RETURN(auto none_asked,
                                tx.edu().CheckInMarksOf({}, "2026-12-01", "2026-12-01"));
            EXPECT_TRUE(none_asked.empty());
            XA_ASSIGN_OR_RETURN(auto later_marks,
                                tx.edu().CheckInMarksOf({2}, "2026-12-02", "2026-12-31"));
            EXPECT_TRUE(later_marks.empty());
            XA_ASSIGN_OR_RETURN(auto earlier_marks,
                                tx.edu().CheckInMarksOf({2}, "2026-11-01", "2026-11-30"));
            EXPECT_TRUE(earlier_marks.empty());
            return {};
          })
          .ok());
}

// Education records on a district that had 1530 before them: a class and a check-in survive the
// step, the records start empty, a record keeps its classes, a stale edit writes nothing, lists
// filter and page within the scope, a school's records come by date.
TEST_P(StorageContract, MigrationToLessonsKeeps1530AndHoldsEducationRecords) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 31);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(true, {"INSERT INTO users (id, unit_id, username, display_name, "
                          "password_hash, created_at, updated_at) VALUES (5, 2, "
                          "'officer', '王干事', 'x', 't', 't')",
                          "INSERT INTO edu_classes (id, school_id, grade, name, teacher, active, "
                          "since, version) VALUES (40, 2, 3, '2班', '', 1, '2026-09-01', 1)",
                          "INSERT INTO edu_checkins (class_id, school_id, date, kind, topic, note, "
                          "checked_by, at, checked_on) VALUES (40, 2, '2026-12-01', 'daily', "
                          "'fire', '', 'officer', '2026-12-01T08:00:00.000Z', '2026-12-01')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace edu = domain::edu;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto kept, tx.edu().CheckInsOf({40}, "2026-12-01", "2026-12-01"));
            EXPECT_EQ(kept.size(), 1u);
            XA_ASSIGN_OR_RETURN(
                auto none, tx.lessons().InScope(domain::ScopeFilter{}, "2000-01-01", "2100-01-01"));
            EXPECT_TRUE(none.empty());
            edu::Lesson l;
            l.school_id = 2;
            l.date = "2026-09-01";
            l.theme = "first_lesson";
            l.title = "开学安全第一课";
            l.whole_school = false;
            l.class_ids = {40, 41};
            l.participants = 45;
            l.speaker = "王干事";
            l.materials = "课件";
            l.recorded_by = "officer";
            ParseInstant("2026-09-01T02:00:00.000Z", l.created_at);
            l.updated_at = l.created_at;
            XA_TRY(tx.lessons().Insert(l));
            EXPECT_GT(l.id, 0);
            EXPECT_EQ(l.version, 1);
            edu::Lesson day = l;
            day.date = "2026-11-09";
            day.theme = "fire";
            day.observance = "fire_month";
            day.title = "消防日疏散知识讲座";
            day.whole_school = true;
            day.class_ids.clear();
            XA_TRY(tx.lessons().Insert(day));
            XA_ASSIGN_OR_RETURN(auto back, tx.lessons().Find(l.id, domain::ScopeFilter{}));
            EXPECT_TRUE(back.has_value());
            if (!back) return {};
            EXPECT_EQ(back->class_ids, (std::vector<std::int64_t>{40, 41}));
            EXPECT_FALSE(back->whole_school);
            EXPECT_EQ(back->school_name, "示范小学");
            EXPECT_EQ(back->recorded_by_name, "王干事");
            EXPECT_EQ(back->participants, 45);
            EXPECT_EQ(back->materials, "课件");
            EXPECT_EQ(FormatInstant(back->created_at), "2026-09-01T02:00:00.000Z");
            XA_ASSIGN_OR_RETURN(auto hidden,
                                tx.lessons().Find(l.id, domain::ScopeFilter::Subtree("/1/3/")));
            EXPECT_FALSE(hidden.has_value());
            // A stale edit writes nothing; a current one bumps the version.
            auto stale = *back;
            stale.version = 9;
            stale.title = "改";
            XA_ASSIGN_OR_RETURN(const bool wrote_stale, tx.lessons().Update(stale));
            EXPECT_FALSE(wrote_stale);
            back->title = "开学第一课：交通与防溺水";
            back->whole_school = true;
            XA_ASSIGN_OR_RETURN(const bool wrote, tx.lessons().Update(*back));
            EXPECT_TRUE(wrote);
            EXPECT_EQ(back->version, 2);
            XA_ASSIGN_OR_RETURN(auto again, tx.lessons().Find(l.id, domain::ScopeFilter{}));
            EXPECT_EQ(again->title, "开学第一课：交通与防溺水");
            EXPECT_TRUE(again->class_ids.empty());
            // Lists: newest first, filtered, paged, scoped.
            XA_ASSIGN_OR_RETURN(auto page,
                                tx.lessons().List({}, domain::ScopeFilter::Subtree("/1/"),
                                                  domain::PageRequest{1, 1, ""}));
            EXPECT_EQ(page.total, 2);
            EXPECT_EQ(page.items.size(), 1u);
            if (!page.items.empty()) {
              EXPECT_EQ(page.items[0].date, "2026-11-09");
            }
            edu::LessonFilter by;
            by.observance = "fire_month";
            XA_ASSIGN_OR_RETURN(auto fire, tx.lessons().List(by, domain::ScopeFilter{},
                                                             domain::PageRequest{1, 20, ""}));
            EXPECT_EQ(fire.total, 1);
            edu::LessonFilter range;
            range.from = "2026-09-02";
            range.to = "2026-11-09";
            range.q = "消防";
            XA_ASSIGN_OR_RETURN(auto ranged, tx.lessons().List(range, domain::ScopeFilter{},
                                                               domain::PageRequest{1, 20, ""}));
            EXPECT_EQ(ranged.total, 1);
            XA_ASSIGN_OR_RETURN(auto school, tx.lessons().OfSchool(2, "2026-01-01", "2026-12-31"));
            EXPECT_EQ(school.size(), 2u);
            if (school.size() == 2) {
              EXPECT_EQ(school[0].date, "2026-09-01");
            }
            XA_ASSIGN_OR_RETURN(auto outside,
                                tx.lessons().InScope(domain::ScopeFilter::Subtree("/1/3/"),
                                                     "2026-01-01", "2026-12-31"));
            EXPECT_TRUE(outside.empty());
            XA_TRY(tx.lessons().Remove(day.id));
            XA_ASSIGN_OR_RETURN(auto left, tx.lessons().OfSchool(2, "2026-01-01", "2026-12-31"));
            EXPECT_EQ(left.size(), 1u);
            return {};
          })
          .ok());
}

// The 1530 texts on a district that had education records: a record survives the step; a unit's
// edit is created once, changed only with the version read, read per unit, and removed.
TEST_P(StorageContract, MigrationToContentsKeepsLessonsAndHoldsTheDistrictsTexts) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 32);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool, DistrictRows(true, {"INSERT INTO edu_lessons (school_id, date, theme, observance, "
                                  "title, whole_school, class_ids, participants, recorded_by, "
                                  "created_at, updated_at, version) VALUES (2, '2026-09-01', "
                                  "'first_lesson', '', '开学第一课', 1, '', 300, 'x', "
                                  "'2026-09-01T01:00:00.000Z', '2026-09-01T01:00:00.000Z', 1)"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace edu = domain::edu;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto kept, tx.lessons().OfSchool(2, "2026-01-01", "2026-12-31"));
            EXPECT_EQ(kept.size(), 1u);
            XA_ASSIGN_OR_RETURN(auto none, tx.edu_contents().EditsOf({1, 2}));
            EXPECT_TRUE(none.empty());
            edu::ContentEdit e{
                1, edu::Topic::kDrowning, edu::AgeGroup::kJunior, "不私自下水", "office", {}, 0};
            ParseInstant("2026-06-01T01:00:00.000Z", e.updated_at);
            XA_ASSIGN_OR_RETURN(const bool created, tx.edu_contents().Save(e));
            EXPECT_TRUE(created);
            EXPECT_EQ(e.version, 1);
            auto again = e;
            again.version = 0;
            XA_ASSIGN_OR_RETURN(const bool twice, tx.edu_contents().Save(again));
            EXPECT_FALSE(twice);  // another save came first
            e.text = "不私自下水，不擅自与他人结伴游泳";
            XA_ASSIGN_OR_RETURN(const bool changed, tx.edu_contents().Save(e));
            EXPECT_TRUE(changed);
            EXPECT_EQ(e.version, 2);
            auto stale = e;
            stale.version = 1;
            XA_ASSIGN_OR_RETURN(const bool wrote_stale, tx.edu_contents().Save(stale));
            EXPECT_FALSE(wrote_stale);
            edu::ContentEdit other{
                1, edu::Topic::kDrowning, edu::AgeGroup::kSenior, "高中", "office", {}, 0};
            XA_ASSIGN_OR_RETURN(const bool created_other, tx.edu_contents().Save(other));
            EXPECT_TRUE(created_other);
            XA_ASSIGN_OR_RETURN(auto mine, tx.edu_contents().EditsOf({2, 1}));
            EXPECT_EQ(mine.size(), 2u);
            if (!mine.empty()) {
              EXPECT_EQ(mine[0].text, "不私自下水，不擅自与他人结伴游泳");
              EXPECT_EQ(mine[0].age, edu::AgeGroup::kJunior);
              EXPECT_EQ(mine[0].updated_by, "office");
              EXPECT_EQ(mine[0].version, 2);
            }
            XA_ASSIGN_OR_RETURN(auto elsewhere, tx.edu_contents().EditsOf({2}));
            EXPECT_TRUE(elsewhere.empty());
            XA_ASSIGN_OR_RETURN(
                const bool removed,
                tx.edu_contents().Remove(1, edu::Topic::kDrowning, edu::AgeGroup::kJunior));
            EXPECT_TRUE(removed);
            XA_ASSIGN_OR_RETURN(const bool gone, tx.edu_contents().Remove(1, edu::Topic::kDrowning,
                                                                          edu::AgeGroup::kJunior));
            EXPECT_FALSE(gone);
            XA_ASSIGN_OR_RETURN(auto left, tx.edu_contents().EditsOf({1}));
            EXPECT_EQ(left.size(), 1u);
            return {};
          })
          .ok());
}

// Migration 0034 from 0033 with classes and their check-ins in it: the classes keep everything
// and read as of unknown size; letters, their links and the parents' receipts are held, a
// student counted once per class, and the counts per link follow the class's size.
TEST_P(StorageContract, MigrationToLettersKeepsClassesAndCountsReceiptsOncePerStudent) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 33);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(true, {"INSERT INTO edu_classes (id, school_id, grade, name, teacher, active, "
                          "since, version) VALUES (40, 2, 3, '2班', '', 1, '2026-09-01', 3)",
                          "INSERT INTO edu_classes (id, school_id, grade, name, teacher, active, "
                          "since, version) VALUES (41, 2, 3, '3班', '', 1, '2026-09-01', 1)",
                          "INSERT INTO edu_checkins (class_id, school_id, date, kind, topic, note, "
                          "checked_by, at, checked_on) VALUES (40, 2, '2026-12-01', 'daily', "
                          "'fire', '', 'x', '2026-12-01T08:00:00.000Z', '2026-12-01')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace edu = domain::edu;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto cls, tx.edu().FindClass(40));
            EXPECT_TRUE(cls.has_value());
            if (!cls) return {};
            EXPECT_EQ(cls->draft.name, "2班");
            EXPECT_EQ(cls->version, 3);
            EXPECT_EQ(cls->draft.students, 0);
            XA_ASSIGN_OR_RETURN(auto kept, tx.edu().CheckInsOf({40}, "2026-12-01", "2026-12-01"));
            EXPECT_EQ(kept.size(), 1u);
            cls->draft.students = 2;
            XA_ASSIGN_OR_RETURN(const bool sized, tx.edu().UpdateClass(*cls));
            EXPECT_TRUE(sized);
            edu::Letter l;
            l.school_id = 2;
            l.school_year = 2026;
            l.term = 1;
            l.title = "致家长的一封信";
            l.body = "防溺水“六不”";
            l.created_by = "x";
            ParseInstant("2026-09-01T02:00:00.000Z", l.created_at);
            l.updated_at = l.created_at;
            XA_TRY(tx.letters().Insert(l));
            EXPECT_GT(l.id, 0);
            EXPECT_EQ(l.version, 1);
            l.status = edu::LetterStatus::kPublished;
            l.published_at = "2026-09-02T02:00:00.000Z";
            XA_ASSIGN_OR_RETURN(const bool published, tx.letters().Update(l));
            EXPECT_TRUE(published);
            auto stale = l;
            stale.version = 1;
            XA_ASSIGN_OR_RETURN(const bool wrote_stale, tx.letters().Update(stale));
            EXPECT_FALSE(wrote_stale);
            XA_TRY(tx.letters().InsertLink({l.id, 40, "abcdefghijkmnpqrstuvwxyz"}, l.created_at));
            XA_TRY(tx.letters().InsertLink({l.id, 41, "23456789abcdefghijkmnpqr"}, l.created_at));
            XA_ASSIGN_OR_RETURN(auto found, tx.letters().FindByToken("23456789abcdefghijkmnpqr"));
            EXPECT_TRUE(found.has_value());
            if (found) {
              EXPECT_EQ(found->first.class_id, 41);
              EXPECT_EQ(found->second.id, l.id);
              EXPECT_EQ(found->second.status, edu::LetterStatus::kPublished);
              EXPECT_EQ(found->second.school_name, "示范小学");
            }
            XA_ASSIGN_OR_RETURN(auto none, tx.letters().FindByToken("zzzzzzzzzzzzzzzzzzzzzzzz"));
            EXPECT_FALSE(none.has_value());
            for (const char* name : {"张三", "李四", "王五"}) {
              edu::Receipt r{0, l.id, 40, name, "mother", l.created_at, "10.0.0.1"};
              XA_ASSIGN_OR_RETURN(const bool first, tx.letters().InsertReceipt(r));
              EXPECT_TRUE(first) << name;
            }
            edu::Receipt again{0, l.id, 40, "张三", "father", l.created_at, "10.0.0.2"};
            XA_ASSIGN_OR_RETURN(const bool twice, tx.letters().InsertReceipt(again));
            EXPECT_FALSE(twice);
            edu::Receipt other_class{0, l.id, 41, "张三", "father", l.created_at, ""};
            XA_ASSIGN_OR_RETURN(const bool in_other, tx.letters().InsertReceipt(other_class));
            EXPECT_TRUE(in_other);  // a namesake in another class is another student
            XA_ASSIGN_OR_RETURN(const int in40, tx.letters().CountReceipts(l.id, 40));
            EXPECT_EQ(in40, 3);
            XA_ASSIGN_OR_RETURN(auto first, tx.letters().FindReceipt(l.id, 40, "张三"));
            EXPECT_TRUE(first && first->relation == "mother" && first->source == "10.0.0.1");
            XA_ASSIGN_OR_RETURN(auto only41, tx.letters().ReceiptsOf(l.id, {41}));
            EXPECT_EQ(only41.size(), 1u);
            XA_ASSIGN_OR_RETURN(auto all, tx.letters().ReceiptsOf(l.id, {}));
            EXPECT_EQ(all.size(), 4u);
            XA_ASSIGN_OR_RETURN(auto counts, tx.letters().CountsOf({l.id}));
            EXPECT_EQ(counts.size(), 2u);
            if (counts.size() == 2) {
              EXPECT_EQ(counts[0].class_id, 40);
              EXPECT_EQ(counts[0].students, 2);
              EXPECT_EQ(counts[0].received, 3);
              EXPECT_EQ(counts[1].students, 0);
              EXPECT_EQ(counts[1].received, 1);
            }
            XA_ASSIGN_OR_RETURN(auto term, tx.letters().CountsIn(domain::ScopeFilter{}, 2026, 1));
            EXPECT_EQ(term.size(), 2u);
            XA_ASSIGN_OR_RETURN(auto spring, tx.letters().CountsIn(domain::ScopeFilter{}, 2026, 2));
            EXPECT_TRUE(spring.empty());
            edu::LetterFilter f;
            f.status = edu::LetterStatus::kPublished;
            domain::PageRequest page;
            XA_ASSIGN_OR_RETURN(auto list, tx.letters().List(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(list.total, 1);
            f.status = edu::LetterStatus::kDraft;
            XA_ASSIGN_OR_RETURN(auto drafts, tx.letters().List(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(drafts.total, 0);
            return {};
          })
          .ok());
}

// Migration 0035 from 0034 with a letter and its receipts in it: they stay; the water near a
// school is held with its gaps and priority kept for the filters.
TEST_P(StorageContract, MigrationToWatersKeepsLettersAndFiltersOnGaps) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 34);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool, DistrictRows(
                  true, {"INSERT INTO edu_classes (id, school_id, grade, name, teacher, active, "
                         "since, version, students) VALUES (40, 2, 3, '2班', '', 1, '2026-09-01', "
                         "1, 40)",
                         "INSERT INTO edu_letters (id, school_id, school_year, term, title, body, "
                         "status, created_by, created_at, updated_at, version) VALUES (7, 2, 2026, "
                         "1, '信', '正文', 'published', 'x', 't', 't', 1)",
                         "INSERT INTO edu_letter_receipts (letter_id, class_id, student_name, "
                         "relation, at) VALUES (7, 40, '张三', 'mother', "
                         "'2026-09-02T01:00:00.000Z')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace edu = domain::edu;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(const int kept, tx.letters().CountReceipts(7, 40));
            EXPECT_EQ(kept, 1);
            edu::Water w;
            w.school_id = 2;
            w.name = "村东大塘";
            w.kind = "pond";
            w.distance_m = 300;
            w.warning_sign = true;
            w.checked_on = "2026-12-01";
            w.updated_by = "x";
            ParseInstant("2026-12-01T01:00:00.000Z", w.updated_at);
            XA_TRY(tx.waters().Insert(w));
            EXPECT_EQ(w.version, 1);
            auto far = w;
            far.name = "青石河";
            far.kind = "river";
            far.distance_m = 3000;
            far.fence = far.rescue_gear = far.patrol = true;
            XA_TRY(tx.waters().Insert(far));
            domain::PageRequest page;
            edu::WaterFilter f;
            f.priority_only = true;
            XA_ASSIGN_OR_RETURN(auto priority, tx.waters().List(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(priority.total, 1);
            f = {};
            f.gaps_only = true;
            XA_ASSIGN_OR_RETURN(auto gaps, tx.waters().List(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(gaps.total, 1);
            // Every measure in place: the stored flags follow.
            w.fence = w.rescue_gear = w.patrol = true;
            XA_ASSIGN_OR_RETURN(const bool saved, tx.waters().Update(w));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(auto none, tx.waters().List(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(none.total, 0);
            auto stale = w;
            stale.version = 1;
            XA_ASSIGN_OR_RETURN(const bool wrote_stale, tx.waters().Update(stale));
            EXPECT_FALSE(wrote_stale);
            f = {};
            f.q = "石河";
            XA_ASSIGN_OR_RETURN(auto found, tx.waters().List(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(found.total, 1);
            if (!found.items.empty()) {
              EXPECT_EQ(found.items[0].school_name, "示范小学");
              EXPECT_EQ(found.items[0].distance_m, 3000);
              EXPECT_TRUE(found.items[0].fence);
            }
            far.active = false;
            XA_ASSIGN_OR_RETURN(const bool stopped, tx.waters().Update(far));
            EXPECT_TRUE(stopped);
            XA_ASSIGN_OR_RETURN(auto in_use, tx.waters().InScope(domain::ScopeFilter{}));
            EXPECT_EQ(in_use.size(), 1u);
            XA_TRY(tx.waters().Remove(w.id));
            XA_ASSIGN_OR_RETURN(auto gone, tx.waters().Find(w.id, domain::ScopeFilter{}));
            EXPECT_FALSE(gone.has_value());
            return {};
          })
          .ok());
}

// Migration 0036 from 0035 with a class, a check-in and a water in it: they stay; the bureau's
// drowning campaigns are found by the days they overlap, newest first; a class's warning is held
// once per day and found by class, by day and by the scope of its school.
TEST_P(StorageContract, MigrationToDrowningWarningsKeepsWatersAndHoldsOneWarningADay) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 35);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(
          true, {"INSERT INTO edu_classes (id, school_id, grade, name, teacher, active, "
                 "since, version, students) VALUES (40, 2, 3, '2班', '', 1, '2026-03-02', 1, 40)",
                 "INSERT INTO edu_checkins (class_id, school_id, date, kind, topic, note, "
                 "checked_by, at, checked_on) VALUES (40, 2, '2026-06-18', 'weekly', "
                 "'drowning', '', 'x', '2026-06-18T08:00:00.000Z', '2026-06-18')",
                 "INSERT INTO edu_waters (school_id, name, kind, distance_m, checked_on, "
                 "updated_by, updated_at, version) VALUES (2, '村东大塘', 'pond', 300, "
                 "'2026-06-01', 'x', 't', 1)"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace edu = domain::edu;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto waters, tx.waters().InScope(domain::ScopeFilter{}));
            EXPECT_EQ(waters.size(), 1u);
            XA_ASSIGN_OR_RETURN(auto kept, tx.edu().CheckInsOf({40}, "2026-06-18", "2026-06-18"));
            EXPECT_EQ(kept.size(), 1u);
            edu::DrowningCampaign c;
            c.unit_id = 1;
            c.title = "汛期预警";
            c.text = "不到河边玩耍";
            c.from = domain::calendar::ParseDate("2026-06-22").value();
            c.to = domain::calendar::ParseDate("2026-06-26").value();
            c.location_types = {"rural", "fringe"};
            c.created_by = "x";
            ParseInstant("2026-06-20T01:00:00.000Z", c.created_at);
            XA_TRY(tx.drowning().InsertCampaign(c));
            EXPECT_GT(c.id, 0);
            auto later = c;
            later.title = "暑期预警";
            later.from = domain::calendar::ParseDate("2026-06-26").value();
            later.to = domain::calendar::ParseDate("2026-07-10").value();
            later.location_types.clear();
            XA_TRY(tx.drowning().InsertCampaign(later));
            XA_ASSIGN_OR_RETURN(auto found, tx.drowning().FindCampaign(c.id));
            EXPECT_TRUE(found.has_value());
            if (found) {
              EXPECT_EQ(found->unit_path, "/1/");
              EXPECT_EQ(found->location_types, (std::vector<std::string>{"rural", "fringe"}));
              EXPECT_EQ(domain::calendar::FormatDate(found->to), "2026-06-26");
              EXPECT_EQ(FormatInstant(found->created_at), "2026-06-20T01:00:00.000Z");
            }
            const auto titles = [&](const std::string& from,
                                    const std::string& to) -> Result<std::string> {
              XA_ASSIGN_OR_RETURN(auto list, tx.drowning().Campaigns(from, to));
              std::string out;
              for (const auto& x : list) out += x.title + ";";
              return out;
            };
            XA_ASSIGN_OR_RETURN(auto both, titles("2026-06-26", "2026-06-26"));
            EXPECT_EQ(both, "暑期预警;汛期预警;");  // newest first; both ends count
            XA_ASSIGN_OR_RETURN(auto before, titles("2026-06-15", "2026-06-21"));
            EXPECT_EQ(before, "");
            XA_ASSIGN_OR_RETURN(auto after, titles("2026-06-27", "2026-07-10"));
            EXPECT_EQ(after, "暑期预警;");
            XA_ASSIGN_OR_RETURN(auto recent, tx.drowning().RecentCampaigns(1));
            EXPECT_EQ(recent.size(), 1u);
            XA_TRY(tx.drowning().RemoveCampaign(later.id));
            XA_ASSIGN_OR_RETURN(auto gone, tx.drowning().FindCampaign(later.id));
            EXPECT_FALSE(gone.has_value());

            edu::DrowningWarning w;
            w.class_id = 40;
            w.school_id = 2;
            w.date = domain::calendar::ParseDate("2026-06-17").value();
            w.note = "讲了六不";
            w.by = "x";
            ParseInstant("2026-06-18T01:00:00.000Z", w.at);
            w.on = domain::calendar::ParseDate("2026-06-18").value();
            XA_ASSIGN_OR_RETURN(const bool first, tx.drowning().InsertWarning(w));
            EXPECT_TRUE(first);
            EXPECT_GT(w.id, 0);
            auto again = w;
            again.id = 0;
            XA_ASSIGN_OR_RETURN(const bool twice, tx.drowning().InsertWarning(again));
            EXPECT_FALSE(twice);
            EXPECT_EQ(again.id, 0);
            XA_ASSIGN_OR_RETURN(auto of,
                                tx.drowning().WarningsOf({40}, "2026-06-17", "2026-06-17"));
            EXPECT_EQ(of.size(), 1u);
            if (!of.empty()) {
              EXPECT_EQ(of[0].note, "讲了六不");
              EXPECT_EQ(domain::calendar::FormatDate(of[0].on), "2026-06-18");
            }
            XA_ASSIGN_OR_RETURN(auto none,
                                tx.drowning().WarningsOf({40}, "2026-06-18", "2026-06-30"));
            EXPECT_TRUE(none.empty());
            XA_ASSIGN_OR_RETURN(auto other,
                                tx.drowning().WarningsOf({41}, "2026-06-01", "2026-06-30"));
            EXPECT_TRUE(other.empty());
            XA_ASSIGN_OR_RETURN(auto in_school, tx.drowning().WarningsIn(
                                                    domain::ScopeFilter{false, true, {"/1/2/"}},
                                                    "2026-06-01", "2026-06-30"));
            EXPECT_EQ(in_school.size(), 1u);
            XA_ASSIGN_OR_RETURN(auto in_bureau,
                                tx.drowning().WarningsIn(domain::ScopeFilter{false, false, {"/1/"}},
                                                         "2026-06-01", "2026-06-30"));
            EXPECT_EQ(in_bureau.size(), 1u);
            XA_ASSIGN_OR_RETURN(auto elsewhere,
                                tx.drowning().WarningsIn(domain::ScopeFilter{false, false, {"/9/"}},
                                                         "2026-06-01", "2026-06-30"));
            EXPECT_TRUE(elsewhere.empty());
            return {};
          })
          .ok());
}

// Migration 0037 from 0036 with a drowning warning in it: it stays; a joint-prevention task is
// held with its departments and kinds, found by the issuing scope or by a department, and each
// department's report is held once, a later one replacing it.
TEST_P(StorageContract, MigrationToJointTasksKeepsWarningsAndHoldsOneReportPerDepartment) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 36);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(
          true, {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                 "phone, phone_index, created_at, updated_at) VALUES (5, 'department', "
                 "'自然资源局', NULL, '990102', NULL, '/5/', '', '', 't', 't')",
                 "INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                 "phone, phone_index, created_at, updated_at) VALUES (6, 'department', "
                 "'农业农村局', NULL, '990102', NULL, '/6/', '', '', 't', 't')",
                 "INSERT INTO edu_classes (id, school_id, grade, name, teacher, active, "
                 "since, version, students) VALUES (40, 2, 3, '2班', '', 1, '2026-03-02', 1, 40)",
                 "INSERT INTO edu_drowning_warnings (class_id, school_id, date, note, given_by, "
                 "at, given_on) VALUES (40, 2, '2026-06-17', '', 'x', "
                 "'2026-06-17T08:00:00.000Z', '2026-06-17')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace edu = domain::edu;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto kept,
                                tx.drowning().WarningsOf({40}, "2026-06-17", "2026-06-17"));
            EXPECT_EQ(kept.size(), 1u);
            edu::JointTask t;
            t.unit_id = 1;
            t.title = "暑期水域巡查";
            t.text = "巡查坑塘";
            t.kinds = {"patrol", "signs"};
            t.due_on = domain::calendar::ParseDate("2026-06-30").value();
            t.department_ids = {6, 5};
            t.created_by = "x";
            ParseInstant("2026-06-16T01:00:00.000Z", t.created_at);
            XA_TRY(tx.joint().InsertTask(t));
            EXPECT_GT(t.id, 0);
            auto other = t;
            other.title = "宣传提醒";
            other.department_ids = {6};
            XA_TRY(tx.joint().InsertTask(other));
            XA_ASSIGN_OR_RETURN(auto found, tx.joint().FindTask(t.id));
            EXPECT_TRUE(found.has_value());
            if (found) {
              EXPECT_EQ(found->unit_path, "/1/");
              EXPECT_EQ(found->unit_name, "教育局");
              EXPECT_EQ(found->kinds, (std::vector<std::string>{"patrol", "signs"}));
              EXPECT_EQ(found->department_ids, (std::vector<std::int64_t>{5, 6}));
              EXPECT_EQ(domain::calendar::FormatDate(found->due_on), "2026-06-30");
            }
            XA_ASSIGN_OR_RETURN(auto all,
                                tx.joint().Tasks(domain::ScopeFilter{}, std::nullopt, 10));
            EXPECT_EQ(all.size(), 2u);
            if (all.size() == 2) {
              EXPECT_EQ(all[0].title, "宣传提醒");  // newest first
            }
            XA_ASSIGN_OR_RETURN(auto one, tx.joint().Tasks(domain::ScopeFilter{}, std::nullopt, 1));
            EXPECT_EQ(one.size(), 1u);
            XA_ASSIGN_OR_RETURN(auto of5, tx.joint().Tasks(domain::ScopeFilter{}, 5, 10));
            EXPECT_EQ(of5.size(), 1u);
            XA_ASSIGN_OR_RETURN(
                auto elsewhere,
                tx.joint().Tasks(domain::ScopeFilter{false, false, {"/9/"}}, std::nullopt, 10));
            EXPECT_TRUE(elsewhere.empty());
            XA_ASSIGN_OR_RETURN(
                auto bureau,
                tx.joint().Tasks(domain::ScopeFilter{false, false, {"/1/"}}, std::nullopt, 10));
            EXPECT_EQ(bureau.size(), 2u);

            edu::JointReport r;
            r.task_id = t.id;
            r.department_id = 5;
            r.text = "巡查 12 处";
            r.patrolled = 12;
            r.signs = 8;
            r.by = "x";
            ParseInstant("2026-06-20T01:00:00.000Z", r.at);
            r.on = domain::calendar::ParseDate("2026-06-20").value();
            XA_ASSIGN_OR_RETURN(const bool first, tx.joint().SaveReport(r));
            EXPECT_TRUE(first);
            const auto first_id = r.id;
            r.signs = 10;
            r.on = domain::calendar::ParseDate("2026-07-02").value();
            XA_ASSIGN_OR_RETURN(const bool again, tx.joint().SaveReport(r));
            EXPECT_FALSE(again);
            EXPECT_EQ(r.id, first_id);
            XA_ASSIGN_OR_RETURN(auto reports, tx.joint().ReportsOf({t.id, other.id}));
            EXPECT_EQ(reports.size(), 1u);
            if (!reports.empty()) {
              EXPECT_EQ(reports[0].signs, 10);
              EXPECT_EQ(reports[0].patrolled, 12);
              EXPECT_EQ(domain::calendar::FormatDate(reports[0].on), "2026-07-02");
            }
            XA_TRY(tx.joint().RemoveTask(t.id));
            XA_ASSIGN_OR_RETURN(auto gone, tx.joint().FindTask(t.id));
            EXPECT_FALSE(gone.has_value());
            XA_ASSIGN_OR_RETURN(auto none, tx.joint().ReportsOf({t.id}));
            EXPECT_TRUE(none.empty());
            return {};
          })
          .ok());
}

TEST_P(StorageContract, MigrationToBusesKeepsJointTasksAndHoldsTheRegistry) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 37);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(true,
                   {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                    "phone, phone_index, created_at, updated_at) VALUES (3, 'school', '河东小学', "
                    "'S2', '990102', 1, '/1/3/', '', '', 't', 't')",
                    "INSERT INTO edu_joint_tasks (id, unit_id, title, text, kinds, due_on, "
                    "created_by, created_at) VALUES (7, 1, '暑期水域巡查', '巡查', 'patrol', "
                    "'2026-06-30', 'x', '2026-06-16T01:00:00.000Z')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace tr = domain::traffic;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto kept, tx.joint().FindTask(7));
            EXPECT_TRUE(kept.has_value());
            const auto meta = [](std::int64_t unit) {
              tr::BusRecordMeta m;
              m.unit_id = unit;
              m.updated_by = "x";
              ParseInstant("2026-11-30T01:00:00.000Z", m.updated_at);
              return m;
            };
            tr::BusProvider p;
            p.meta = meta(2);
            p.name = "平安校车";
            p.licence_until = "2027-12-31";
            XA_TRY(tx.buses().Insert(p));
            EXPECT_GT(p.meta.id, 0);
            EXPECT_EQ(p.meta.version, 1);
            tr::BusVehicle v;
            v.meta = meta(2);
            v.provider_id = p.meta.id;
            v.plate = "浙A52701";
            v.seats = 39;
            v.permit_until = "2027-06-30";
            v.gps = true;
            XA_TRY(tx.buses().Insert(v));
            tr::BusVehicle rented = v;
            rented.meta = meta(3);
            rented.provider_id.reset();
            rented.plate = "浙A52799";
            rented.rented = true;
            XA_TRY(tx.buses().Insert(rented));
            tr::BusDriver d;
            d.meta = meta(2);
            d.name = "王建国";
            d.birth = "1975-03-18";
            d.licence_class = "A1";
            d.drink_driving = true;
            XA_TRY(tx.buses().Insert(d));
            tr::BusMonitor m;
            m.meta = meta(2);
            m.name = "赵秀兰";
            XA_TRY(tx.buses().Insert(m));
            tr::BusRoute r;
            r.meta = meta(2);
            r.name = "双桥—河东线";
            r.riders = 32;
            r.vehicle_id = v.meta.id;
            r.driver_id = d.meta.id;
            XA_TRY(tx.buses().Insert(r));

            // Read back with the names joined; nullable ids stay null.
            XA_ASSIGN_OR_RETURN(auto rv, tx.buses().FindVehicle(v.meta.id, domain::ScopeFilter{}));
            EXPECT_TRUE(rv.has_value());
            if (rv) {
              EXPECT_EQ(rv->provider_name, "平安校车");
              EXPECT_EQ(rv->meta.unit_name, "示范小学");
              EXPECT_TRUE(rv->gps);
              EXPECT_FALSE(rv->rented);
            }
            XA_ASSIGN_OR_RETURN(auto rr,
                                tx.buses().FindVehicle(rented.meta.id, domain::ScopeFilter{}));
            EXPECT_TRUE(rr && !rr->provider_id && rr->rented);
            XA_ASSIGN_OR_RETURN(auto rd, tx.buses().FindDriver(d.meta.id, domain::ScopeFilter{}));
            EXPECT_TRUE(rd && rd->drink_driving && !rd->criminal_record);
            XA_ASSIGN_OR_RETURN(auto rt, tx.buses().FindRoute(r.meta.id, domain::ScopeFilter{}));
            EXPECT_TRUE(rt.has_value());
            if (rt) {
              EXPECT_EQ(rt->vehicle_plate, "浙A52701");
              EXPECT_EQ(rt->driver_name, "王建国");
              EXPECT_FALSE(rt->monitor_id.has_value());
              EXPECT_EQ(rt->monitor_name, "");
            }
            // Scope: the other school's record is not found from S1's subtree.
            XA_ASSIGN_OR_RETURN(
                auto out, tx.buses().FindVehicle(rented.meta.id,
                                                 domain::ScopeFilter{false, false, {"/1/2/"}}));
            EXPECT_FALSE(out.has_value());
            XA_ASSIGN_OR_RETURN(auto plate, tx.buses().VehicleWithPlate("浙A52701"));
            EXPECT_EQ(plate, v.meta.id);
            XA_ASSIGN_OR_RETURN(auto none, tx.buses().VehicleWithPlate("浙A00000"));
            EXPECT_EQ(none, 0);

            // Optimistic versions: the version read, once.
            v.seats = 35;
            XA_ASSIGN_OR_RETURN(const bool saved, tx.buses().Update(v));
            EXPECT_TRUE(saved);
            EXPECT_EQ(v.meta.version, 2);
            v.meta.version = 1;
            XA_ASSIGN_OR_RETURN(const bool stale, tx.buses().Update(v));
            EXPECT_FALSE(stale);

            // Lists: scope, the keyword, the provider, retired records only when asked.
            domain::PageRequest page;
            page.page_size = 10;
            XA_ASSIGN_OR_RETURN(auto all, tx.buses().Vehicles({}, domain::ScopeFilter{}, page));
            EXPECT_EQ(all.total, 2);
            tr::BusFilter f;
            f.provider_id = p.meta.id;
            XA_ASSIGN_OR_RETURN(auto of_p, tx.buses().Vehicles(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(of_p.total, 1);
            f = {};
            f.q = "52799";
            XA_ASSIGN_OR_RETURN(auto by_q, tx.buses().Vehicles(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(by_q.total, 1);
            XA_ASSIGN_OR_RETURN(
                auto s1,
                tx.buses().Vehicles({}, domain::ScopeFilter{false, false, {"/1/2/"}}, page));
            EXPECT_EQ(s1.total, 1);
            m.name = "赵秀兰";
            m.meta.active = false;
            XA_ASSIGN_OR_RETURN(const bool retired, tx.buses().Update(m));
            EXPECT_TRUE(retired);
            XA_ASSIGN_OR_RETURN(auto monitors,
                                tx.buses().Monitors({}, domain::ScopeFilter{}, page));
            EXPECT_EQ(monitors.total, 0);
            f = {};
            f.include_inactive = true;
            XA_ASSIGN_OR_RETURN(auto with_retired,
                                tx.buses().Monitors(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(with_retired.total, 1);
            XA_ASSIGN_OR_RETURN(auto using_v,
                                tx.buses().RoutesUsing(v.meta.id, std::nullopt, std::nullopt));
            EXPECT_EQ(using_v.size(), 1u);
            XA_ASSIGN_OR_RETURN(auto using_d,
                                tx.buses().RoutesUsing(std::nullopt, d.meta.id + 99, std::nullopt));
            EXPECT_TRUE(using_d.empty());
            XA_ASSIGN_OR_RETURN(auto providers,
                                tx.buses().Providers({}, domain::ScopeFilter{}, page));
            EXPECT_EQ(providers.total, 1);
            XA_ASSIGN_OR_RETURN(auto drivers, tx.buses().Drivers({}, domain::ScopeFilter{}, page));
            EXPECT_EQ(drivers.total, 1);
            XA_ASSIGN_OR_RETURN(auto routes, tx.buses().Routes({}, domain::ScopeFilter{}, page));
            EXPECT_EQ(routes.total, 1);
            return {};
          })
          .ok());
}

// 0042: the schools' emergency setups; a district's traffic guide and its files stay, a setup is
// stored whole with its people and plans in order (a plan's document by its file), re-saved only
// at the version read, and read by scope.
TEST_P(StorageContract, MigrationToEmergencySetupsKeepsGuidesAndStoresSetupsWhole) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 41);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool, DistrictRows(
                  true, {"INSERT INTO traffic_guides (unit_id, separation, updated_by, updated_at, "
                         "version) VALUES (2, '人车分流', 'x', '2026-11-30T01:00:00.000Z', 1)",
                         "INSERT INTO files (id, name, content_type, size, sha256, uploaded_by, "
                         "unit_id, uploaded_at) VALUES (5, 'plan.pdf', 'application/pdf', 8, 'ab', "
                         "'x', 2, '2026-11-30T01:00:00.000Z')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace em = domain::emergency;
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto guide, tx.campus().Guide(2));
                    EXPECT_TRUE(guide && guide->separation == "人车分流");
                    XA_ASSIGN_OR_RETURN(auto none, tx.emergency().Setup(2));
                    EXPECT_FALSE(none.has_value());
                    em::EmergencySetup e;
                    e.unit_id = 2;
                    e.command = {{"commander", "王校长", "校长", "13905710001"},
                                 {"evacuation", "李老师", "", "13905710002"}};
                    e.unit = {{"guard", "张保安", "门卫", "0571-87650006"},
                              {"volunteer", "赵明", "双桥便利店", ""}};
                    e.duty_phone = "0571-87650001";
                    e.gathering_point = "田径场";
                    e.police_station = "城关派出所";
                    e.hospital = "区人民医院";
                    e.plans = {{"综合应急预案", "overall", "2026-03-02", 5, ""},
                               {"火灾现场处置方案", "onsite", "2026-04-01", std::nullopt, ""}};
                    e.updated_by = "x";
                    ParseInstant("2026-12-07T01:00:00.000Z", e.updated_at);
                    XA_ASSIGN_OR_RETURN(const bool saved, tx.emergency().Save(e));
                    EXPECT_TRUE(saved);
                    EXPECT_EQ(e.version, 1);
                    XA_ASSIGN_OR_RETURN(auto read, tx.emergency().Setup(2));
                    EXPECT_TRUE(read.has_value());
                    if (read) {
                      EXPECT_EQ(read->unit_name, "示范小学");
                      EXPECT_EQ(read->version, 1);
                      EXPECT_EQ(read->duty_phone, "0571-87650001");
                      EXPECT_EQ(read->gathering_point, "田径场");
                      EXPECT_EQ(read->police_station, "城关派出所");
                      EXPECT_EQ(read->hospital, "区人民医院");
                      EXPECT_EQ(read->updated_by, "x");
                      EXPECT_EQ(FormatInstant(read->updated_at), "2026-12-07T01:00:00.000Z");
                      EXPECT_EQ(read->command.size(), 2U);
                      if (read->command.size() == 2) {
                        EXPECT_EQ(read->command[0].role, "commander");
                        EXPECT_EQ(read->command[0].post, "校长");
                        EXPECT_EQ(read->command[1].name, "李老师");
                        EXPECT_EQ(read->command[1].phone, "13905710002");
                      }
                      EXPECT_EQ(read->unit.size(), 2U);
                      if (read->unit.size() == 2) {
                        EXPECT_EQ(read->unit[1].role, "volunteer");
                        EXPECT_EQ(read->unit[1].post, "双桥便利店");
                        EXPECT_EQ(read->unit[1].phone, "");
                      }
                      EXPECT_EQ(read->plans.size(), 2U);
                      if (read->plans.size() == 2) {
                        EXPECT_EQ(read->plans[0].title, "综合应急预案");
                        EXPECT_EQ(read->plans[0].kind, "overall");
                        EXPECT_EQ(read->plans[0].revised_on, "2026-03-02");
                        EXPECT_EQ(read->plans[0].file_id, std::optional<std::int64_t>{5});
                        EXPECT_FALSE(read->plans[1].file_id.has_value());
                      }
                    }
                    // Re-saved at the version read, with fewer lines; a stale version is refused.
                    auto again = *read;
                    again.unit.pop_back();
                    again.plans.clear();
                    XA_ASSIGN_OR_RETURN(const bool resaved, tx.emergency().Save(again));
                    EXPECT_TRUE(resaved);
                    EXPECT_EQ(again.version, 2);
                    XA_ASSIGN_OR_RETURN(const bool stale, tx.emergency().Save(*read));
                    EXPECT_FALSE(stale);
                    XA_ASSIGN_OR_RETURN(auto now, tx.emergency().Setup(2));
                    EXPECT_TRUE(now && now->unit.size() == 1 && now->plans.empty() &&
                                now->command.size() == 2 && now->version == 2);
                    XA_ASSIGN_OR_RETURN(auto all, tx.emergency().Setups(domain::ScopeFilter{}));
                    EXPECT_EQ(all.size(), 1U);
                    XA_ASSIGN_OR_RETURN(auto inside,
                                        tx.emergency().Setups(domain::ScopeFilter::Subtree("/1/")));
                    EXPECT_EQ(inside.size(), 1U);
                    XA_ASSIGN_OR_RETURN(
                        auto outside, tx.emergency().Setups(domain::ScopeFilter::Subtree("/1/9/")));
                    EXPECT_TRUE(outside.empty());
                    return {};
                  })
                  .ok());
}

// 0044: the safety offices; a school's key-post staff stay, an office is stored whole with its
// members in order, re-saved only at the version read, and read by scope.
TEST_P(StorageContract, MigrationToSafetyOfficesKeepsStaffAndStoresOfficesWhole) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 43);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool, DistrictRows(true, {"INSERT INTO training_staff (unit_id, name, post, since, "
                                  "updated_by, updated_at) VALUES (2, '张强', 'security', "
                                  "'2024-03-01', 'x', '2026-11-30T01:00:00.000Z')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace st = domain::staffing;
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto staff, tx.training().StaffOf(2));
                    EXPECT_TRUE(staff.size() == 1 && staff[0].name == "张强" && staff[0].active &&
                                staff[0].version == 1);
                    XA_ASSIGN_OR_RETURN(auto none, tx.staffing().Office(2));
                    EXPECT_FALSE(none.has_value());
                    st::SafetyOffice o;
                    o.unit_id = 2;
                    o.name = "安全办公室";
                    o.members = {{"王主任", "主任", false, "", "13905710001"},
                                 {"李明", "专职安全员", true, "注册安全工程师", ""}};
                    o.updated_by = "x";
                    ParseInstant("2026-12-07T01:00:00.000Z", o.updated_at);
                    XA_ASSIGN_OR_RETURN(const bool saved, tx.staffing().Save(o));
                    EXPECT_TRUE(saved);
                    EXPECT_EQ(o.version, 1);
                    XA_ASSIGN_OR_RETURN(auto read, tx.staffing().Office(2));
                    EXPECT_TRUE(read.has_value());
                    if (read) {
                      EXPECT_EQ(read->unit_name, "示范小学");
                      EXPECT_EQ(read->unit_kind, "school");
                      EXPECT_EQ(read->name, "安全办公室");
                      EXPECT_EQ(read->updated_by, "x");
                      EXPECT_EQ(FormatInstant(read->updated_at), "2026-12-07T01:00:00.000Z");
                      EXPECT_EQ(read->members.size(), 2U);
                      if (read->members.size() == 2) {
                        EXPECT_EQ(read->members[0].name, "王主任");
                        EXPECT_EQ(read->members[0].post, "主任");
                        EXPECT_FALSE(read->members[0].full_time);
                        EXPECT_EQ(read->members[0].phone, "13905710001");
                        EXPECT_TRUE(read->members[1].full_time);
                        EXPECT_EQ(read->members[1].qualifications, "注册安全工程师");
                      }
                    }
                    auto again = *read;
                    again.members.pop_back();
                    again.name = "安全保卫处";
                    XA_ASSIGN_OR_RETURN(const bool resaved, tx.staffing().Save(again));
                    EXPECT_TRUE(resaved);
                    EXPECT_EQ(again.version, 2);
                    XA_ASSIGN_OR_RETURN(const bool stale, tx.staffing().Save(*read));
                    EXPECT_FALSE(stale);
                    XA_ASSIGN_OR_RETURN(auto now, tx.staffing().Office(2));
                    EXPECT_TRUE(now && now->members.size() == 1 && now->name == "安全保卫处" &&
                                now->version == 2);
                    XA_ASSIGN_OR_RETURN(auto inside,
                                        tx.staffing().Offices(domain::ScopeFilter::Subtree("/1/")));
                    EXPECT_EQ(inside.size(), 1U);
                    XA_ASSIGN_OR_RETURN(
                        auto outside, tx.staffing().Offices(domain::ScopeFilter::Subtree("/1/9/")));
                    EXPECT_TRUE(outside.empty());
                    return {};
                  })
                  .ok());
}

// 0045: duty templates, lists and 三管三必须 areas; a district's safety office stays. A template's
// first revision is stored as version 2 and the next only at the version read; a list is stored
// with its posts and local items in order, changed only at its version, signed at it (with the
// template versions signed), listed by scope and school; the areas stored whole, owners named.
TEST_P(StorageContract, MigrationToDutiesKeepsOfficesAndStoresListsWithTheirSigning) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 44);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(true, {"INSERT INTO safety_offices (unit_id, name, updated_by, updated_at, "
                          "version) VALUES (2, '安全办公室', 'x', '2026-11-30T01:00:00.000Z', 1)",
                          "INSERT INTO users (id, unit_id, username, display_name, password_hash, "
                          "created_at, updated_at) VALUES (5, 2, 'teacher', '李老师', 'x', 't', "
                          "'t')",
                          "INSERT INTO users (id, unit_id, username, display_name, password_hash, "
                          "created_at, updated_at) VALUES (6, 2, 'leader', '王校长', 'x', 't', "
                          "'t')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace du = domain::duty;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto office, tx.staffing().Office(2));
            EXPECT_TRUE(office && office->name == "安全办公室");
            XA_ASSIGN_OR_RETURN(auto none, tx.duties().Templates());
            EXPECT_TRUE(none.empty());
            du::Template t;
            t.post = "class_teacher";
            t.items = {"第一条", "第二条"};
            t.version = 1;
            t.changed_on = "2026-12-01";
            t.updated_by = "office";
            ParseInstant("2026-12-01T01:00:00.000Z", t.updated_at);
            XA_ASSIGN_OR_RETURN(bool saved, tx.duties().SaveTemplate(t));
            EXPECT_TRUE(saved);
            EXPECT_EQ(t.version, 2);
            auto stale = t;
            stale.version = 1;
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveTemplate(stale));
            EXPECT_FALSE(saved);
            t.items.push_back("第三条");
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveTemplate(t));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(auto templates, tx.duties().Templates());
            EXPECT_TRUE(templates.size() == 1 && templates[0].version == 3 &&
                        templates[0].items.size() == 3 && templates[0].items[2] == "第三条" &&
                        templates[0].changed_on == "2026-12-01");

            du::DutyList l;
            l.school_id = 2;
            l.user_id = 5;
            l.posts = {"class_teacher", "teacher"};
            l.local_items = {"负责三楼东侧楼梯", "周三值日"};
            l.changed_on = "2026-12-02";
            l.updated_by = "leader";
            ParseInstant("2026-12-02T01:00:00.000Z", l.updated_at);
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveList(l));
            EXPECT_TRUE(saved);
            EXPECT_EQ(l.version, 1);
            EXPECT_GT(l.id, 0);
            du::DutyList bare;
            bare.school_id = 2;
            bare.user_id = 6;
            bare.posts = {"principal"};
            bare.changed_on = "2026-12-02";
            bare.updated_by = "leader";
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveList(bare));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(auto read, tx.duties().List(l.id));
            EXPECT_TRUE(read.has_value());
            if (read) {
              EXPECT_EQ(read->school_name, "示范小学");
              EXPECT_EQ(read->holder_name, "李老师");
              EXPECT_EQ(read->posts, l.posts);
              EXPECT_EQ(read->local_items, l.local_items);
              EXPECT_EQ(read->changed_on, "2026-12-02");
              EXPECT_FALSE(read->signing.has_value());
            }
            XA_ASSIGN_OR_RETURN(auto bare_read, tx.duties().ListOf(6));
            EXPECT_TRUE(bare_read && bare_read->local_items.empty() &&
                        bare_read->posts.size() == 1);
            du::Signing sg;
            sg.list_version = 1;
            sg.template_versions = {{"class_teacher", 3}, {"teacher", 1}};
            sg.signature_id = 0;
            sg.signed_on = "2026-12-03";
            ParseInstant("2026-12-03T01:00:00.000Z", sg.signed_at);
            XA_ASSIGN_OR_RETURN(saved, tx.duties().Sign(l.id, 2, sg));
            EXPECT_FALSE(saved);  // not the version stored
            XA_ASSIGN_OR_RETURN(saved, tx.duties().Sign(l.id, 1, sg));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(read, tx.duties().ListOf(5));
            EXPECT_TRUE(read && read->signing.has_value());
            if (read && read->signing) {
              EXPECT_EQ(read->signing->list_version, 1);
              EXPECT_EQ(read->signing->template_versions, sg.template_versions);
              EXPECT_EQ(read->signing->signed_on, "2026-12-03");
              EXPECT_EQ(read->signing->signature_id, 0);
            }
            auto changed = *read;
            changed.local_items.pop_back();
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveList(changed));
            EXPECT_TRUE(saved);
            EXPECT_EQ(changed.version, 2);
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveList(*read));
            EXPECT_FALSE(saved);
            XA_ASSIGN_OR_RETURN(auto inside,
                                tx.duties().Lists(domain::ScopeFilter::Subtree("/1/"), 2));
            EXPECT_EQ(inside.size(), 2U);
            if (inside.size() == 2) {
              EXPECT_EQ(inside[0].holder_name, "李老师");  // by name
              EXPECT_EQ(inside[0].version, 2);
              EXPECT_EQ(inside[0].local_items.size(), 1U);
              EXPECT_TRUE(inside[0].signing.has_value());
            }
            XA_ASSIGN_OR_RETURN(
                auto outside,
                tx.duties().Lists(domain::ScopeFilter::Subtree("/1/9/"), std::nullopt));
            EXPECT_TRUE(outside.empty());
            XA_ASSIGN_OR_RETURN(auto other_school, tx.duties().Lists(domain::ScopeFilter{}, 9));
            EXPECT_TRUE(other_school.empty());

            du::AreaSet set;
            set.school_id = 2;
            set.areas = {
                {"teaching", true, 6, ""}, {"canteen", true, 0, ""}, {"dormitory", false, 0, ""}};
            set.updated_by = "leader";
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveAreas(set));
            EXPECT_TRUE(saved);
            EXPECT_EQ(set.version, 1);
            XA_ASSIGN_OR_RETURN(auto areas, tx.duties().AreasOf(2));
            EXPECT_TRUE(areas && areas->areas.size() == 3);
            if (areas && areas->areas.size() == 3) {
              EXPECT_EQ(areas->areas[0].owner_user_id, 6);
              EXPECT_EQ(areas->areas[0].owner_name, "王校长");
              EXPECT_EQ(areas->areas[1].owner_user_id, 0);
              EXPECT_FALSE(areas->areas[2].applicable);
            }
            auto again = *areas;
            again.areas.pop_back();
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveAreas(again));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveAreas(*areas));
            EXPECT_FALSE(saved);
            XA_ASSIGN_OR_RETURN(auto sets,
                                tx.duties().AreaSets(domain::ScopeFilter::Subtree("/1/")));
            EXPECT_TRUE(sets.size() == 1 && sets[0].areas.size() == 2 && sets[0].version == 2);
            return {};
          })
          .ok());
}

// 0046: the sections' supervision items; a duty list stays. An item is stored with its measures
// in order and read with its section's and person's names, changed and deleted only at its
// version, listed by bureau and by person; its person is not in place once moved or disabled.
TEST_P(StorageContract, MigrationToSupervisionItemsKeepsDutyListsAndStoresItems) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 45);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(
          true, {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                 "phone, phone_index, created_at, updated_at) VALUES (3, 'section', '基础教育科', "
                 "NULL, '990102', 1, '/1/3/', '', '', 't', 't')",
                 "INSERT INTO users (id, unit_id, username, display_name, password_hash, "
                 "created_at, updated_at) VALUES (5, 3, 'head', '郑科长', 'x', 't', 't')",
                 "INSERT INTO users (id, unit_id, username, display_name, password_hash, "
                 "created_at, updated_at) VALUES (6, 2, 'teacher', '李老师', 'x', 't', 't')",
                 "INSERT INTO duty_lists (school_id, user_id, posts, local_items, version, "
                 "changed_on, updated_by, updated_at) VALUES (2, 6, 'teacher', '', 1, "
                 "'2026-12-01', 'x', '2026-12-01T01:00:00.000Z')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace du = domain::duty;
  std::int64_t id = 0;
  ASSERT_TRUE(store
                  .Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto kept, tx.duties().ListOf(6));
                    EXPECT_TRUE(kept && kept->posts == std::vector<std::string>{"teacher"});
                    XA_ASSIGN_OR_RETURN(auto none, tx.duties().SupervisionItems(1));
                    EXPECT_TRUE(none.empty());
                    du::SupervisionItem i;
                    i.bureau_id = 1;
                    i.section_id = 3;
                    i.kind = "stage";
                    i.stage = "primary";
                    i.title = "督促小学落实1530安全提醒";
                    i.detail = "每月抽查";
                    i.measures = {20, 21};
                    i.post = "科长";
                    i.person_user_id = 5;
                    i.updated_by = "office";
                    ParseInstant("2026-12-02T01:00:00.000Z", i.updated_at);
                    XA_ASSIGN_OR_RETURN(bool saved, tx.duties().SaveSupervisionItem(i));
                    EXPECT_TRUE(saved);
                    EXPECT_EQ(i.version, 1);
                    EXPECT_GT(i.id, 0);
                    id = i.id;
                    auto second = i;
                    second.id = 0;
                    second.version = 0;
                    second.kind = "business";
                    second.stage = "";
                    second.title = "第二项";
                    second.measures = {2};
                    XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveSupervisionItem(second));
                    EXPECT_TRUE(saved);
                    XA_ASSIGN_OR_RETURN(auto read, tx.duties().SupervisionItemById(i.id));
                    EXPECT_TRUE(read.has_value());
                    if (read) {
                      EXPECT_EQ(read->section_name, "基础教育科");
                      EXPECT_EQ(read->person_name, "郑科长");
                      EXPECT_TRUE(read->person_active);
                      EXPECT_EQ(read->measures, (std::vector<int>{20, 21}));
                      EXPECT_EQ(read->stage, "primary");
                      EXPECT_EQ(read->detail, "每月抽查");
                      EXPECT_EQ(read->bureau_id, 1);
                    }
                    auto changed = *read;
                    changed.measures = {9};
                    XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveSupervisionItem(changed));
                    EXPECT_TRUE(saved);
                    EXPECT_EQ(changed.version, 2);
                    XA_ASSIGN_OR_RETURN(saved,
                                        tx.duties().SaveSupervisionItem(*read));  // at version 1
                    EXPECT_FALSE(saved);
                    auto foreign = changed;
                    foreign.bureau_id = 2;  // not the item's bureau
                    XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveSupervisionItem(foreign));
                    EXPECT_FALSE(saved);
                    XA_ASSIGN_OR_RETURN(auto all, tx.duties().SupervisionItems(1));
                    EXPECT_EQ(all.size(), 2u);
                    if (all.size() == 2) {
                      EXPECT_EQ(all[0].id, i.id);
                      EXPECT_EQ(all[0].measures, (std::vector<int>{9}));
                    }
                    XA_ASSIGN_OR_RETURN(auto other, tx.duties().SupervisionItems(2));
                    EXPECT_TRUE(other.empty());
                    XA_ASSIGN_OR_RETURN(auto mine, tx.duties().SupervisionItemsOf(5));
                    EXPECT_EQ(mine.size(), 2u);
                    XA_ASSIGN_OR_RETURN(auto not_mine, tx.duties().SupervisionItemsOf(6));
                    EXPECT_TRUE(not_mine.empty());
                    XA_ASSIGN_OR_RETURN(saved, tx.duties().DeleteSupervisionItem(second.id, 2));
                    EXPECT_FALSE(saved);  // not its version
                    XA_ASSIGN_OR_RETURN(saved, tx.duties().DeleteSupervisionItem(second.id, 1));
                    EXPECT_TRUE(saved);
                    XA_ASSIGN_OR_RETURN(auto gone, tx.duties().SupervisionItemById(second.id));
                    EXPECT_FALSE(gone.has_value());
                    return {};
                  })
                  .ok());
  // The person moves to a school: the item's person is no longer in place.
  {
    auto conn = store.pool().Acquire();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE((*conn)->Exec("UPDATE users SET unit_id = 2 WHERE id = 5", {}).ok());
  }
  ASSERT_TRUE(store
                  .Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto read, tx.duties().SupervisionItemById(id));
                    EXPECT_TRUE(read && !read->person_active);
                    return {};
                  })
                  .ok());
}

// 0047: the district's work items, their targets and the units' reports; a supervision item
// stays. An item is stored with its schedule, measures and targets in order and read with its
// lead section's name, changed only at its version (its targets replaced, the reports of a unit
// no longer targeted removed), listed by bureau and by unit; a unit reports a due day once, and
// withdraws it; deleting the item removes its targets and reports.
TEST_P(StorageContract, MigrationToWorkItemsKeepsSupervisionItemsAndStoresWork) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 46);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(
          true, {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                 "phone, phone_index, created_at, updated_at) VALUES (3, 'section', '基础教育科', "
                 "NULL, '990102', 1, '/1/3/', '', '', 't', 't')",
                 "INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                 "phone, phone_index, created_at, updated_at) VALUES (4, 'school', '示范中学', "
                 "'S2', '990102', 1, '/1/4/', '', '', 't', 't')",
                 "INSERT INTO users (id, unit_id, username, display_name, password_hash, "
                 "created_at, updated_at) VALUES (5, 3, 'head', '郑科长', 'x', 't', 't')",
                 "INSERT INTO supervision_items (bureau_id, section_id, kind, stage, title, "
                 "detail, measures, post, person_user_id, version, updated_by, updated_at) "
                 "VALUES (1, 3, 'business', '', '督促开展安全检查', '', '3,11', '科长', 5, 1, "
                 "'x', '2026-12-01T01:00:00.000Z')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace du = domain::duty;
  const auto day = [](const char* text) { return *domain::calendar::ParseDate(text); };
  std::int64_t id = 0;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto kept, tx.duties().SupervisionItems(1));
            EXPECT_TRUE(kept.size() == 1 && kept[0].measures == (std::vector<int>{3, 11}));
            XA_ASSIGN_OR_RETURN(auto none, tx.duties().WorkItems(1));
            EXPECT_TRUE(none.empty());
            du::WorkItem w;
            w.bureau_id = 1;
            w.kind = "routine";
            w.title = "每月隐患排查报送";
            w.detail = "每月25日前报送";
            w.measures = {3, 5};
            w.lead_section_id = 3;
            w.targets = {2, 3, 4};
            w.schedule.repeat = "monthly";
            w.schedule.day = 25;
            w.schedule.from = day("2026-09-01");
            w.schedule.until = day("2027-01-31");
            w.updated_by = "office";
            ParseInstant("2026-12-02T01:00:00.000Z", w.updated_at);
            XA_ASSIGN_OR_RETURN(bool saved, tx.duties().SaveWorkItem(w));
            EXPECT_TRUE(saved);
            EXPECT_EQ(w.version, 1);
            EXPECT_GT(w.id, 0);
            id = w.id;
            du::WorkItem once = w;
            once.id = 0;
            once.version = 0;
            once.kind = "common";
            once.title = "开学安全检查";
            once.targets = {4};
            once.schedule = {};
            once.schedule.due = day("2026-09-10");
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveWorkItem(once));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(auto read, tx.duties().WorkItemById(w.id));
            EXPECT_TRUE(read.has_value());
            if (!read) return {};
            EXPECT_EQ(read->lead_section_name, "基础教育科");
            EXPECT_EQ(read->kind, "routine");
            EXPECT_EQ(read->detail, "每月25日前报送");
            EXPECT_EQ(read->measures, (std::vector<int>{3, 5}));
            EXPECT_EQ(read->targets, (std::vector<std::int64_t>{2, 3, 4}));
            EXPECT_EQ(read->schedule.repeat, "monthly");
            EXPECT_EQ(read->schedule.day, 25);
            EXPECT_EQ(read->schedule.from, day("2026-09-01"));
            EXPECT_EQ(read->schedule.until, day("2027-01-31"));
            EXPECT_FALSE(read->schedule.due.has_value());
            EXPECT_EQ(read->updated_at, w.updated_at);
            XA_ASSIGN_OR_RETURN(auto other, tx.duties().WorkItemById(once.id));
            EXPECT_TRUE(other && other->schedule.due == day("2026-09-10") &&
                        !other->schedule.from && other->targets == std::vector<std::int64_t>{4});

            du::WorkReport r;
            r.item_id = w.id;
            r.unit_id = 2;
            r.due = day("2026-09-25");
            r.done_on = day("2026-09-24");
            r.note = "已报送";
            r.reported_by = "school";
            ParseInstant("2026-09-24T08:00:00.000Z", r.reported_at);
            XA_ASSIGN_OR_RETURN(saved, tx.duties().AddWorkReport(r));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(saved, tx.duties().AddWorkReport(r));
            EXPECT_FALSE(saved);  // that day is reported already
            auto later = r;
            later.due = day("2026-10-23");
            later.done_on = day("2026-10-26");
            XA_ASSIGN_OR_RETURN(saved, tx.duties().AddWorkReport(later));
            EXPECT_TRUE(saved);
            auto fourth = r;
            fourth.unit_id = 4;
            XA_ASSIGN_OR_RETURN(saved, tx.duties().AddWorkReport(fourth));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(auto reports, tx.duties().WorkReports(w.id));
            EXPECT_EQ(reports.size(), 3u);
            if (reports.size() == 3) {
              EXPECT_EQ(reports[0].unit_id, 2);
              EXPECT_EQ(reports[0].due, day("2026-09-25"));
              EXPECT_EQ(reports[0].done_on, day("2026-09-24"));
              EXPECT_EQ(reports[0].note, "已报送");
              EXPECT_EQ(reports[0].reported_by, "school");
              EXPECT_EQ(reports[0].reported_at, r.reported_at);
              EXPECT_EQ(reports[1].due, day("2026-10-23"));
              EXPECT_EQ(reports[2].unit_id, 4);
            }
            XA_ASSIGN_OR_RETURN(auto of_school, tx.duties().WorkReportsOf(2));
            EXPECT_EQ(of_school.size(), 2u);
            XA_ASSIGN_OR_RETURN(saved, tx.duties().RemoveWorkReport(w.id, 2, day("2026-10-23")));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(saved, tx.duties().RemoveWorkReport(w.id, 2, day("2026-10-23")));
            EXPECT_FALSE(saved);  // none left

            // Changed at its version: school 4 is no longer targeted, and its report goes.
            auto changed = *read;
            changed.targets = {2, 3};
            changed.title = "每月隐患排查情况报送";
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveWorkItem(changed));
            EXPECT_TRUE(saved);
            EXPECT_EQ(changed.version, 2);
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveWorkItem(*read));  // at version 1
            EXPECT_FALSE(saved);
            auto foreign = changed;
            foreign.bureau_id = 2;  // not the item's bureau
            XA_ASSIGN_OR_RETURN(saved, tx.duties().SaveWorkItem(foreign));
            EXPECT_FALSE(saved);
            XA_ASSIGN_OR_RETURN(reports, tx.duties().WorkReports(w.id));
            EXPECT_TRUE(reports.size() == 1 && reports[0].unit_id == 2);
            XA_ASSIGN_OR_RETURN(auto again, tx.duties().WorkItemById(w.id));
            EXPECT_TRUE(again && again->targets == (std::vector<std::int64_t>{2, 3}) &&
                        again->title == "每月隐患排查情况报送");

            XA_ASSIGN_OR_RETURN(auto all, tx.duties().WorkItems(1));
            EXPECT_EQ(all.size(), 2u);
            if (all.size() == 2) {
              EXPECT_EQ(all[0].id, once.id);  // the newest first
            }
            XA_ASSIGN_OR_RETURN(auto foreign_bureau, tx.duties().WorkItems(2));
            EXPECT_TRUE(foreign_bureau.empty());
            XA_ASSIGN_OR_RETURN(auto for_four, tx.duties().WorkItemsFor(4));
            EXPECT_TRUE(for_four.size() == 1 && for_four[0].id == once.id);
            XA_ASSIGN_OR_RETURN(auto for_section, tx.duties().WorkItemsFor(3));
            EXPECT_TRUE(for_section.size() == 1 && for_section[0].id == w.id);

            XA_ASSIGN_OR_RETURN(saved, tx.duties().DeleteWorkItem(w.id, 1));
            EXPECT_FALSE(saved);  // not its version
            XA_ASSIGN_OR_RETURN(saved, tx.duties().DeleteWorkItem(w.id, 2));
            EXPECT_TRUE(saved);
            XA_ASSIGN_OR_RETURN(auto gone, tx.duties().WorkItemById(w.id));
            EXPECT_FALSE(gone.has_value());
            XA_ASSIGN_OR_RETURN(reports, tx.duties().WorkReports(w.id));
            EXPECT_TRUE(reports.empty());
            XA_ASSIGN_OR_RETURN(for_section, tx.duties().WorkItemsFor(3));
            EXPECT_TRUE(for_section.empty());
            return {};
          })
          .ok());
  EXPECT_GT(id, 0);
}

// 0043: the schools' key-post staff and training sessions; a district's emergency setup stays, a
// person is stored and updated only at the version read, a session with its attendees in order
// (half hours kept), its attendance replaced, listed newest first by kind and scope, deleted.
TEST_P(StorageContract, MigrationToTrainingKeepsSetupsAndStoresSessionsWithAttendees) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 42);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool, DistrictRows(true, {"INSERT INTO emergency_setups (unit_id, duty_phone, updated_by, "
                                  "updated_at, version) VALUES (2, '0571-87650001', 'x', "
                                  "'2026-11-30T01:00:00.000Z', 1)"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace tr = domain::training;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto setup, tx.emergency().Setup(2));
            EXPECT_TRUE(setup && setup->duty_phone == "0571-87650001");
            XA_ASSIGN_OR_RETURN(auto none, tx.training().StaffOf(2));
            EXPECT_TRUE(none.empty());
            tr::KeyStaff a;
            a.unit_id = 2;
            a.name = "张强";
            a.post = "security";
            a.phone = "13905710001";
            a.since = "2024-03-01";
            a.note = "门卫";
            a.updated_by = "x";
            ParseInstant("2026-12-07T01:00:00.000Z", a.updated_at);
            XA_ASSIGN_OR_RETURN(const auto id, tx.training().InsertStaff(a));
            EXPECT_EQ(a.id, id);
            EXPECT_EQ(a.version, 1);
            auto b = a;
            b.name = "李明";
            b.post = "fire";
            XA_TRY(tx.training().InsertStaff(b));
            XA_ASSIGN_OR_RETURN(auto read, tx.training().Staff(id));
            EXPECT_TRUE(read.has_value());
            if (read) {
              EXPECT_EQ(read->unit_name, "示范小学");
              EXPECT_EQ(read->name, "张强");
              EXPECT_EQ(read->post, "security");
              EXPECT_EQ(read->phone, "13905710001");
              EXPECT_EQ(read->since, "2024-03-01");
              EXPECT_TRUE(read->active);
              EXPECT_EQ(read->note, "门卫");
              EXPECT_EQ(read->updated_by, "x");
              EXPECT_EQ(FormatInstant(read->updated_at), "2026-12-07T01:00:00.000Z");
            }
            // Updated at the version read; a stale version is refused.
            auto left = *read;
            left.active = false;
            XA_ASSIGN_OR_RETURN(const bool saved, tx.training().UpdateStaff(left));
            EXPECT_TRUE(saved);
            EXPECT_EQ(left.version, 2);
            XA_ASSIGN_OR_RETURN(const bool stale, tx.training().UpdateStaff(*read));
            EXPECT_FALSE(stale);
            XA_ASSIGN_OR_RETURN(auto after, tx.training().Staff(id));
            EXPECT_TRUE(after && !after->active && after->version == 2);
            XA_ASSIGN_OR_RETURN(auto listed, tx.training().StaffOf(2));
            EXPECT_EQ(listed.size(), 2U);
            XA_ASSIGN_OR_RETURN(auto scoped,
                                tx.training().StaffIn(domain::ScopeFilter::Subtree("/1/")));
            EXPECT_EQ(scoped.size(), 2U);
            XA_ASSIGN_OR_RETURN(auto outside,
                                tx.training().StaffIn(domain::ScopeFilter::Subtree("/1/9/")));
            EXPECT_TRUE(outside.empty());

            tr::Session t;
            t.unit_id = 2;
            t.title = "重点岗位安全轮训";
            t.kind = "rotation";
            t.held_on = "2026-11-20";
            t.hours = 1.5;
            t.trainer = "区消防救援大队";
            t.place = "会议室";
            t.staff_ids = {b.id, id};
            t.other_count = 3;
            t.note = "备注";
            t.created_by = "x";
            ParseInstant("2026-12-07T01:00:00.000Z", t.created_at);
            XA_TRY(tx.training().InsertSession(t));
            auto older = t;
            older.kind = "holiday";
            older.held_on = "2026-08-25";
            older.staff_ids = {id};
            XA_TRY(tx.training().InsertSession(older));
            XA_ASSIGN_OR_RETURN(auto found, tx.training().FindSession(t.id));
            EXPECT_TRUE(found.has_value());
            if (found) {
              EXPECT_EQ(found->unit_name, "示范小学");
              EXPECT_EQ(found->title, "重点岗位安全轮训");
              EXPECT_EQ(found->held_on, "2026-11-20");
              EXPECT_EQ(found->hours, 1.5);
              EXPECT_EQ(found->trainer, "区消防救援大队");
              EXPECT_EQ(found->place, "会议室");
              EXPECT_EQ(found->other_count, 3);
              EXPECT_EQ(found->note, "备注");
              EXPECT_EQ(found->created_by, "x");
              EXPECT_EQ(found->staff_ids, (std::vector<std::int64_t>{b.id, id}));
              EXPECT_EQ(found->attendees.size(), 2U);
              if (found->attendees.size() == 2) {
                EXPECT_EQ(found->attendees[0].name, "李明");
                EXPECT_EQ(found->attendees[1].post, "security");
              }
            }
            XA_ASSIGN_OR_RETURN(auto all, tx.training().SessionsOf(2, ""));
            EXPECT_EQ(all.size(), 2U);
            if (all.size() == 2) {
              EXPECT_EQ(all[0].id, t.id);  // newest first
            }
            XA_ASSIGN_OR_RETURN(auto holidays, tx.training().SessionsOf(2, "holiday"));
            EXPECT_EQ(holidays.size(), 1U);
            XA_ASSIGN_OR_RETURN(auto in_scope,
                                tx.training().SessionsIn(domain::ScopeFilter::Subtree("/1/")));
            EXPECT_EQ(in_scope.size(), 2U);
            XA_ASSIGN_OR_RETURN(auto out_scope,
                                tx.training().SessionsIn(domain::ScopeFilter::Subtree("/1/9/")));
            EXPECT_TRUE(out_scope.empty());
            // Attendance replaced, then a session deleted with its attendees.
            t.staff_ids = {id};
            t.other_count = 7;
            XA_TRY(tx.training().SetAttendance(t));
            XA_ASSIGN_OR_RETURN(auto replaced, tx.training().FindSession(t.id));
            EXPECT_TRUE(replaced && replaced->staff_ids == std::vector<std::int64_t>{id} &&
                        replaced->other_count == 7);
            XA_TRY(tx.training().DeleteSession(older.id));
            XA_ASSIGN_OR_RETURN(auto gone, tx.training().FindSession(older.id));
            EXPECT_FALSE(gone.has_value());
            XA_ASSIGN_OR_RETURN(auto left_over, tx.training().SessionsOf(2, ""));
            EXPECT_EQ(left_over.size(), 1U);
            return {};
          })
          .ok());
}

// 0041: the outings in rented vehicles; the routes stay, an outing is stored with its parts'
// names, listed newest day first, searched by purpose or destination.
TEST_P(StorageContract, MigrationToBusOutingsKeepsRoutesAndListsOutingsByDay) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 40);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool, DistrictRows(
                  true, {"INSERT INTO bus_vehicles (id, unit_id, plate, seats, rented, updated_by, "
                         "updated_at, version) VALUES (9, 2, '浙A66001', 45, 1, 'x', "
                         "'2026-11-30T01:00:00.000Z', 1)",
                         "INSERT INTO bus_routes (id, unit_id, name, vehicle_id, updated_by, "
                         "updated_at, version) VALUES (4, 2, '一号线', 9, 'x', "
                         "'2026-11-30T01:00:00.000Z', 1)"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace tr = domain::traffic;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto route, tx.buses().FindRoute(4, domain::ScopeFilter{}));
            EXPECT_TRUE(route && route->vehicle_plate == "浙A66001");
            for (const auto& [purpose, date] :
                 {std::pair{"秋游", "2026-10-20"}, std::pair{"春季研学旅行", "2027-04-09"}}) {
              tr::BusOuting o;
              o.meta.unit_id = 2;
              o.meta.updated_by = "x";
              ParseInstant("2026-11-30T01:00:00.000Z", o.meta.updated_at);
              o.purpose = purpose;
              o.destination = "市科技馆";
              o.date = date;
              o.leave_at = "08:00";
              o.riders = 40;
              o.vehicle_id = 9;
              XA_TRY(tx.buses().Insert(o));
              EXPECT_GT(o.meta.id, 0);
              EXPECT_EQ(o.meta.version, 1);
            }
            domain::PageRequest page;
            page.page_size = 10;
            XA_ASSIGN_OR_RETURN(auto all, tx.buses().Outings({}, domain::ScopeFilter{}, page));
            EXPECT_EQ(all.total, 2);
            if (all.items.size() == 2) {
              EXPECT_EQ(all.items[0].date, "2027-04-09");
              EXPECT_EQ(all.items[0].vehicle_plate, "浙A66001");
              EXPECT_EQ(all.items[0].riders, 40);
              EXPECT_FALSE(all.items[0].driver_id.has_value());
              EXPECT_EQ(all.items[0].meta.unit_name, "示范小学");
            }
            tr::BusFilter q;
            q.q = "研学";
            XA_ASSIGN_OR_RETURN(auto found, tx.buses().Outings(q, domain::ScopeFilter{}, page));
            EXPECT_EQ(found.total, 1);
            if (all.items.size() == 2) {
              auto o = all.items[1];
              o.riders = 30;
              XA_ASSIGN_OR_RETURN(const bool saved, tx.buses().Update(o));
              EXPECT_TRUE(saved);
              XA_ASSIGN_OR_RETURN(const bool stale, tx.buses().Update(all.items[1]));
              EXPECT_FALSE(stale);
              XA_ASSIGN_OR_RETURN(auto read, tx.buses().FindOuting(o.meta.id, {}));
              EXPECT_TRUE(read && read->riders == 30 && read->meta.version == 2);
            }
            return {};
          })
          .ok());
}

// 0040: the traffic guides; a district's e-bikes stay, a guide is stored whole with its lists in
// order, re-saved only at the version read, and read by scope.
TEST_P(StorageContract, MigrationToTrafficGuidesKeepsCampusRecordsAndStoresGuidesWhole) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 39);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(true,
                   {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                    "phone, phone_index, created_at, updated_at) VALUES (3, 'school', '河东小学', "
                    "'S2', '990102', 1, '/1/3/', '', '', 't', 't')",
                    "INSERT INTO campus_ebikes (id, unit_id, owner, updated_by, updated_at, "
                    "version) VALUES (7, 2, '张老师', 'x', '2026-11-30T01:00:00.000Z', 1)"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace tr = domain::traffic;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto kept, tx.campus().FindEbike(7, domain::ScopeFilter{}));
            EXPECT_TRUE(kept && kept->owner == "张老师");
            XA_ASSIGN_OR_RETURN(auto none, tx.campus().Guide(2));
            EXPECT_FALSE(none.has_value());
            tr::TrafficGuide g;
            g.unit_id = 2;
            g.gates = {{"南门", "people", "07:30—08:00"}, {"西门", "vehicles", ""}};
            g.peaks = {{"一年级", "arrival", "07:30", "07:50", "南门"},
                       {"一年级", "dismissal", "15:30", "15:50", "南门"}};
            g.zones = {{"drop_off", "南侧停靠区", "育才路"}};
            g.posts = {{"南门斑马线", "07:20", "08:00", "值周教师"}};
            g.needs = {{"crossing", "南门外", "施划人行横道", 41}, {"sign", "路口", "", {}}};
            g.separation = "南门行人、西门车辆";
            g.police_duty = "高峰设岗";
            g.updated_by = "x";
            ParseInstant("2026-11-30T01:00:00.000Z", g.updated_at);
            XA_ASSIGN_OR_RETURN(const bool inserted, tx.campus().SaveGuide(g));
            EXPECT_TRUE(inserted);
            EXPECT_EQ(g.version, 1);
            auto other = g;
            other.unit_id = 3;
            other.version = 0;
            other.needs.clear();
            XA_ASSIGN_OR_RETURN(const bool second, tx.campus().SaveGuide(other));
            EXPECT_TRUE(second);
            XA_ASSIGN_OR_RETURN(auto read, tx.campus().Guide(2));
            EXPECT_TRUE(read.has_value());
            if (read) {
              EXPECT_EQ(read->unit_name, "示范小学");
              EXPECT_EQ(read->gates.size(), 2U);
              EXPECT_EQ(read->gates[1].name, "西门");
              EXPECT_EQ(read->peaks[1].kind, "dismissal");
              EXPECT_EQ(read->peaks[1].gate, "南门");
              EXPECT_EQ(read->zones[0].location, "育才路");
              EXPECT_EQ(read->posts[0].people, "值周教师");
              EXPECT_EQ(read->needs.size(), 2U);
              if (read->needs.size() == 2) {
                EXPECT_EQ(read->needs[0].whistle_id, std::optional<std::int64_t>{41});
                EXPECT_FALSE(read->needs[1].whistle_id.has_value());
              }
              EXPECT_EQ(read->separation, "南门行人、西门车辆");
              EXPECT_EQ(read->published_version, 0);
            }
            // Saved again at the version read: the lists replaced; a stale version refused.
            g.needs.pop_back();
            g.published_on = "2026-11-30";
            g.published_by = "x";
            g.published_version = 2;
            XA_ASSIGN_OR_RETURN(const bool again, tx.campus().SaveGuide(g));
            EXPECT_TRUE(again);
            EXPECT_EQ(g.version, 2);
            g.version = 1;
            XA_ASSIGN_OR_RETURN(const bool stale, tx.campus().SaveGuide(g));
            EXPECT_FALSE(stale);
            XA_ASSIGN_OR_RETURN(auto now, tx.campus().Guide(2));
            EXPECT_TRUE(now && now->needs.size() == 1 && now->published_on == "2026-11-30" &&
                        now->published_version == 2 && now->version == 2);
            XA_ASSIGN_OR_RETURN(auto all, tx.campus().Guides(domain::ScopeFilter{}));
            EXPECT_EQ(all.size(), 2U);
            XA_ASSIGN_OR_RETURN(auto one,
                                tx.campus().Guides(domain::ScopeFilter::Subtree("/1/3/")));
            EXPECT_TRUE(one.size() == 1 && one[0].unit_id == 3 && one[0].gates.size() == 2);
            return {};
          })
          .ok());
}

TEST_P(StorageContract, MigrationToCampusTrafficKeepsBusesAndLogsRefusals) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 38);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(
          true, {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                 "phone, phone_index, created_at, updated_at) VALUES (3, 'school', '河东小学', "
                 "'S2', '990102', 1, '/1/3/', '', '', 't', 't')",
                 "INSERT INTO bus_vehicles (id, unit_id, plate, seats, updated_by, updated_at, "
                 "version) VALUES (9, 2, '浙A52701', 39, 'x', '2026-11-30T01:00:00.000Z', 1)"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  namespace tr = domain::traffic;
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto kept, tx.buses().FindVehicle(9, domain::ScopeFilter{}));
            EXPECT_TRUE(kept && kept->plate == "浙A52701");
            const auto meta = [](std::int64_t unit) {
              tr::BusRecordMeta m;
              m.unit_id = unit;
              m.updated_by = "x";
              ParseInstant("2026-11-30T01:00:00.000Z", m.updated_at);
              return m;
            };
            tr::CampusVehicleRecord v;
            v.meta = meta(2);
            v.vehicle_class = "service";
            v.plate = "浙A31001";
            v.owner = "食堂配送";
            v.gates = {"北门", "东门"};
            v.from = "06:00";
            v.to = "08:00";
            XA_TRY(tx.campus().Insert(v));
            tr::CampusVehicleRecord any_gate = v;
            any_gate.meta = meta(3);
            any_gate.gates.clear();
            XA_TRY(tx.campus().Insert(any_gate));
            XA_ASSIGN_OR_RETURN(auto read, tx.campus().FindVehicle(v.meta.id, {}));
            EXPECT_TRUE(read.has_value());
            if (read) {
              EXPECT_EQ(read->gates, (std::vector<std::string>{"北门", "东门"}));
              EXPECT_EQ(read->from, "06:00");
              EXPECT_EQ(read->meta.unit_name, "示范小学");
            }
            XA_ASSIGN_OR_RETURN(auto none, tx.campus().FindVehicle(any_gate.meta.id, {}));
            EXPECT_TRUE(none && none->gates.empty());
            // By plate within the school only.
            XA_ASSIGN_OR_RETURN(auto at2, tx.campus().VehicleByPlate(2, "浙A31001"));
            EXPECT_TRUE(at2 && at2->meta.id == v.meta.id);
            v.meta.active = false;
            XA_ASSIGN_OR_RETURN(const bool retired, tx.campus().Update(v));
            EXPECT_TRUE(retired);
            XA_ASSIGN_OR_RETURN(auto gone, tx.campus().VehicleByPlate(2, "浙A31001"));
            EXPECT_FALSE(gone.has_value());
            v.meta.version = 1;
            XA_ASSIGN_OR_RETURN(const bool stale, tx.campus().Update(v));
            EXPECT_FALSE(stale);

            tr::EbikeRecord e;
            e.meta = meta(2);
            e.owner = "张老师";
            e.licence_plate = "浙杭123456";
            e.campus_plate = "校001";
            e.checked_on = "2026-11-20";
            e.modified = true;
            XA_TRY(tx.campus().Insert(e));
            XA_ASSIGN_OR_RETURN(auto by_licence, tx.campus().EbikeByPlate(2, "浙杭123456"));
            XA_ASSIGN_OR_RETURN(auto by_campus, tx.campus().EbikeByPlate(2, "校001"));
            XA_ASSIGN_OR_RETURN(auto elsewhere, tx.campus().EbikeByPlate(3, "校001"));
            EXPECT_TRUE(by_licence && by_licence->modified);
            EXPECT_TRUE(by_campus && by_campus->meta.id == e.meta.id);
            EXPECT_FALSE(elsewhere.has_value());

            domain::PageRequest page;
            page.page_size = 10;
            tr::CampusFilter f;
            f.include_inactive = true;
            XA_ASSIGN_OR_RETURN(auto all, tx.campus().Vehicles(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(all.total, 2);
            XA_ASSIGN_OR_RETURN(auto active, tx.campus().Vehicles({}, domain::ScopeFilter{}, page));
            EXPECT_EQ(active.total, 1);
            f.vehicle_class = "staff";
            XA_ASSIGN_OR_RETURN(auto staff, tx.campus().Vehicles(f, domain::ScopeFilter{}, page));
            EXPECT_EQ(staff.total, 0);
            tr::CampusFilter q;
            q.q = "杭12";
            XA_ASSIGN_OR_RETURN(auto bikes, tx.campus().Ebikes(q, domain::ScopeFilter{}, page));
            EXPECT_EQ(bikes.total, 1);

            for (const auto& [on, at, gate] :
                 {std::tuple{"2026-11-29", "2026-11-29T00:30:00.000Z", "南门"},
                  std::tuple{"2026-11-30", "2026-11-30T00:30:00.000Z", "北门"}}) {
              tr::GateRefusal r;
              r.unit_id = 2;
              r.kind = "vehicle";
              r.gate = gate;
              r.plate = "浙A99999";
              r.reason = "未登记的车辆";
              r.on = on;
              ParseInstant(at, r.at);
              r.recorded_by = "x";
              XA_TRY(tx.campus().Insert(r));
              EXPECT_GT(r.id, 0);
            }
            tr::GateRefusal bike;
            bike.unit_id = 3;
            bike.kind = "ebike";
            bike.gate = "南门";
            bike.subject_id = e.meta.id;
            bike.reason = "电动自行车不得进入：无号牌";
            bike.on = "2026-11-30";
            ParseInstant("2026-11-30T00:40:00.000Z", bike.at);
            bike.recorded_by = "x";
            XA_TRY(tx.campus().Insert(bike));
            tr::RefusalFilter rf;
            XA_ASSIGN_OR_RETURN(auto log, tx.campus().Refusals(rf, domain::ScopeFilter{}, page));
            EXPECT_EQ(log.total, 3);
            if (log.items.size() == 3) {
              EXPECT_EQ(log.items[0].kind, "ebike");  // newest first
              EXPECT_EQ(log.items[0].subject_id, e.meta.id);
              EXPECT_FALSE(log.items[2].subject_id.has_value());
              EXPECT_EQ(log.items[2].gate, "南门");
            }
            rf.unit_id = 2;
            rf.from = "2026-11-30";
            XA_ASSIGN_OR_RETURN(auto day, tx.campus().Refusals(rf, domain::ScopeFilter{}, page));
            EXPECT_EQ(day.total, 1);
            rf = {};
            rf.to = "2026-11-29";
            XA_ASSIGN_OR_RETURN(auto before, tx.campus().Refusals(rf, domain::ScopeFilter{}, page));
            EXPECT_EQ(before.total, 1);
            rf = {};
            rf.kind = "ebike";
            XA_ASSIGN_OR_RETURN(
                auto s1,
                tx.campus().Refusals(rf, domain::ScopeFilter{false, false, {"/1/2/"}}, page));
            EXPECT_EQ(s1.total, 0);
            return {};
          })
          .ok());
}

// Minors' data (migration 0048): a district at schema 47 with a work item keeps it; grants are
// stored, decided and found by grantee, school and kind, listed for a grantee or a scope; reads
// are logged and reported by reader, school and way, within the year's span only.
TEST_P(StorageContract, MigrationToMinorsDataKeepsWorkAndStoresGrantsAndReads) {
  FreshDatabase db(GetParam());
  XA_REQUIRE_DB(db);
  auto pool = OpenAtSchema(db, 47);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  ASSERT_TRUE(WriteRows(
      **pool,
      DistrictRows(true,
                   {"INSERT INTO org_units (id, kind, name, code, region_code, parent_id, path, "
                    "phone, phone_index, created_at, updated_at) VALUES (4, 'school', '示范中学', "
                    "'S2', '990102', 1, '/1/4/', '', '', 't', 't')",
                    "INSERT INTO users (id, unit_id, username, display_name, password_hash, "
                    "created_at, updated_at) VALUES (5, 1, 'office', '钱科长', 'x', 't', 't')",
                    "INSERT INTO work_items (bureau_id, kind, title, detail, measures, "
                    "lead_section_id, recurrence, due, version, updated_by, updated_at) VALUES (1, "
                    "'common', '开学安全检查', '', '3', 1, 'once', '2026-09-10', 1, 'x', "
                    "'2026-09-01T01:00:00.000Z')"})));
  ASSERT_TRUE(storage::Migrate(**pool, "t").ok());
  storage::SqlStore store(std::move(pool).value(), domain::AuditHash::kSha256);
  const auto at = [](const char* text) {
    Instant t;
    ParseInstant(text, t);
    return t;
  };
  ASSERT_TRUE(
      store
          .Write([&](domain::Tx& tx) -> Status {
            XA_ASSIGN_OR_RETURN(auto kept, tx.duties().WorkItems(1));
            EXPECT_EQ(kept.size(), 1u);
            domain::MinorsGrant g;
            g.grantee = "office";
            g.unit_id = 2;
            g.kind = domain::kLetterReceiptsKind;
            g.reason = "督导检查";
            g.days = 7;
            g.requested_at = at("2026-12-07T01:00:00.000Z");
            XA_TRY(tx.minors().InsertGrant(g));
            EXPECT_GT(g.id, 0);
            XA_ASSIGN_OR_RETURN(auto found, tx.minors().FindGrant(g.id));
            EXPECT_TRUE(found.has_value());
            if (!found) return Status{};
            EXPECT_EQ(found->grantee_name, "钱科长");
            EXPECT_EQ(found->grantee_unit_name, "教育局");
            EXPECT_EQ(found->unit_name, "示范小学");
            EXPECT_EQ(found->unit_path, "/1/2/");
            EXPECT_EQ(found->state, domain::GrantState::kRequested);
            EXPECT_FALSE(found->from.has_value());
            EXPECT_EQ(found->requested_at, g.requested_at);
            XA_TRY(domain::ApproveGrant(*found, "head", at("2026-12-07T02:00:00.000Z"), "同意"));
            XA_TRY(tx.minors().UpdateGrant(*found));
            XA_ASSIGN_OR_RETURN(auto approved, tx.minors().FindGrant(g.id));
            EXPECT_EQ(approved->state, domain::GrantState::kApproved);
            EXPECT_EQ(approved->note, "同意");
            EXPECT_EQ(approved->decided_by, "head");
            EXPECT_EQ(approved->until, at("2026-12-14T02:00:00.000Z"));
            // Another school's grant, refused: not open.
            domain::MinorsGrant other = g;
            other.id = 0;
            other.unit_id = 4;
            XA_TRY(tx.minors().InsertGrant(other));
            XA_TRY(domain::RefuseGrant(other, "head2", at("2026-12-07T03:00:00.000Z"), "不同意"));
            XA_TRY(tx.minors().UpdateGrant(other));
            XA_ASSIGN_OR_RETURN(auto open, tx.minors().OpenGrants("office", 2, g.kind));
            EXPECT_EQ(open.size(), 1u);
            XA_ASSIGN_OR_RETURN(open, tx.minors().OpenGrants("office", 4, g.kind));
            EXPECT_TRUE(open.empty());
            XA_ASSIGN_OR_RETURN(open, tx.minors().OpenGrants("other", 2, g.kind));
            EXPECT_TRUE(open.empty());
            domain::GrantFilter mine;
            mine.grantee = "office";
            XA_ASSIGN_OR_RETURN(auto listed, tx.minors().Grants(mine, domain::ScopeFilter{}, 200));
            EXPECT_EQ(listed.size(), 2u);
            if (listed.size() == 2) {
              EXPECT_EQ(listed[0].id, other.id);  // newest first
            }
            domain::GrantFilter someone;
            someone.grantee = "someone";
            someone.or_in_scope = true;
            XA_ASSIGN_OR_RETURN(
                listed, tx.minors().Grants(someone, domain::ScopeFilter::Subtree("/1/4/"), 200));
            EXPECT_EQ(listed.size(), 1u);
            someone.or_in_scope = false;
            XA_ASSIGN_OR_RETURN(
                listed, tx.minors().Grants(someone, domain::ScopeFilter::Subtree("/1/4/"), 200));
            EXPECT_TRUE(listed.empty());
            // Reads: two through the grant, one by the school's own staff, one last year.
            for (const char* when : {"2026-12-07T03:00:00.000Z", "2026-12-08T03:00:00.000Z"}) {
              XA_TRY(tx.minors().LogRead({"office", 2, g.kind, "edu_letter:1", 3, g.id, at(when)}));
            }
            XA_TRY(tx.minors().LogRead({"school", 2, g.kind, "edu_letter:1", 2, std::nullopt,
                                        at("2026-12-07T04:00:00.000Z")}));
            XA_TRY(tx.minors().LogRead(
                {"office", 2, g.kind, "edu_letter:1", 9, g.id, at("2025-12-31T15:59:59.999Z")}));
            return {};
          })
          .ok());
  ASSERT_TRUE(
      store
          .Read([&](domain::Tx& tx) -> Status {
            // 2026 in China: from 2025-12-31T16:00Z up to 2026-12-31T16:00Z.
            XA_ASSIGN_OR_RETURN(auto rows, tx.minors().ReadReport(domain::ScopeFilter{},
                                                                  at("2025-12-31T16:00:00.000Z"),
                                                                  at("2026-12-31T16:00:00.000Z")));
            EXPECT_EQ(rows.size(), 2u);
            for (const auto& r : rows) {
              EXPECT_EQ(r.unit_name, "示范小学");
              if (r.via_grant) {
                EXPECT_EQ(r.reader, "office");
                EXPECT_EQ(r.reader_name, "钱科长");
                EXPECT_EQ(r.reads, 2);
                EXPECT_EQ(r.records, 6);
                EXPECT_EQ(r.first_at, at("2026-12-07T03:00:00.000Z"));
                EXPECT_EQ(r.last_at, at("2026-12-08T03:00:00.000Z"));
              } else {
                EXPECT_EQ(r.reader, "school");
                EXPECT_EQ(r.reads, 1);
              }
            }
            XA_ASSIGN_OR_RETURN(rows, tx.minors().ReadReport(domain::ScopeFilter::Subtree("/1/4/"),
                                                             at("2025-12-31T16:00:00.000Z"),
                                                             at("2026-12-31T16:00:00.000Z")));
            EXPECT_TRUE(rows.empty());
            XA_ASSIGN_OR_RETURN(
                auto counts,
                tx.minors().GrantCounts(domain::ScopeFilter{}, at("2025-12-31T16:00:00.000Z"),
                                        at("2026-12-31T16:00:00.000Z")));
            EXPECT_EQ(counts.size(), 2u);
            return {};
          })
          .ok());
}

INSTANTIATE_TEST_SUITE_P(Stores, StorageContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
