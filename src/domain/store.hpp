#pragma once
// The storage ports. A use case runs its work inside Store::Read or Store::Write, which give it
// a Tx: the repositories bound to one database transaction.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/audit.hpp"
#include "domain/auth/auth.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/checklist/checklist.hpp"
#include "domain/drill/drill.hpp"
#include "domain/edu/contents.hpp"
#include "domain/edu/edu.hpp"
#include "domain/edu/lessons.hpp"
#include "domain/hazard/ledger.hpp"
#include "domain/org/org.hpp"
#include "domain/org/school_stats.hpp"
#include "domain/plan/plan.hpp"
#include "domain/platform/file.hpp"
#include "domain/platform/notification.hpp"
#include "domain/platform/supervision.hpp"
#include "domain/rules/findings.hpp"

// Later modules' repositories are declared, not included, so that changing one module's
// header does not rebuild everything that reaches the store.
namespace xiaoan::domain::patrol {
class PatrolRepository;
}  // namespace xiaoan::domain::patrol
namespace xiaoan::domain::campaign {
class CampaignRepository;
}  // namespace xiaoan::domain::campaign
namespace xiaoan::domain::security {
class SecurityRepository;
}  // namespace xiaoan::domain::security
namespace xiaoan::domain::whistle {
class WhistleRepository;
}  // namespace xiaoan::domain::whistle
namespace xiaoan::domain::edu {
class LetterRepository;
class WaterRepository;
class DrowningRepository;
class JointRepository;
}  // namespace xiaoan::domain::edu
namespace xiaoan::domain::traffic {
class BusRepository;
class CampusRepository;
}  // namespace xiaoan::domain::traffic
namespace xiaoan::domain::emergency {
class EmergencyRepository;
}  // namespace xiaoan::domain::emergency
namespace xiaoan::domain::training {
class TrainingRepository;
}  // namespace xiaoan::domain::training
namespace xiaoan::domain::staffing {
class StaffingRepository;
}  // namespace xiaoan::domain::staffing
namespace xiaoan::domain::duty {
class DutyRepository;
}  // namespace xiaoan::domain::duty

namespace xiaoan::domain {

class MinorsRepository;

template <typename T>
struct PageResult {
  std::vector<T> items;
  std::int64_t total = 0;
};

struct PageRequest {
  int page = 1;
  int page_size = 20;
  std::string sort;  // allow-listed field name, "-" prefix for descending
};

// Restricts results to what a data scope covers. all=true: no restriction. Otherwise a unit is
// visible when its path equals one of paths (exact) or starts with one (subtree).
struct ScopeFilter {
  bool all = true;
  bool exact = false;
  std::vector<std::string> paths;
  static ScopeFilter Of(const DataScope& scope);
  static ScopeFilter Subtree(std::string path) { return {false, false, {std::move(path)}}; }
  // The subtree scope's paths without those inside another one (sorted): counts kept per unit
  // for a whole subtree are summed over these and nothing is counted twice.
  std::vector<std::string> Roots() const;
};

struct UnitFilter {
  std::optional<std::string> kind;
  std::optional<UnitId> parent_id;
  std::optional<std::string> region_code;
  std::string q;                     // name or code contains
  std::optional<std::string> phone;  // the contact phone, exactly (spaces and hyphens aside)
  ScopeFilter scope;
  PageRequest page;
};

struct SchoolFilter {
  std::string q;
  std::optional<std::string> phone;  // the contact phone, exactly (spaces and hyphens aside)
  std::optional<std::string> stage;
  std::optional<std::string> ownership;
  std::optional<std::string> location_type;
  std::optional<bool> boarding;
  std::optional<UnitId> cluster_id;
  std::optional<std::string> region_code;
  ScopeFilter scope;
  PageRequest page;
};

class OrgRepository {
 public:
  virtual ~OrgRepository() = default;
  virtual Result<std::vector<Region>> ListRegions() = 0;
  virtual Result<std::optional<Region>> FindRegion(const std::string& code) = 0;
  virtual Status InsertRegion(const Region& region) = 0;
  virtual Status UpdateRegion(const Region& region) = 0;
  virtual Status DeleteRegion(const std::string& code) = 0;
  virtual Result<std::int64_t> CountRegionUsers(const std::string& code) = 0;

  virtual Result<std::optional<Unit>> FindUnit(UnitId id) = 0;
  virtual Result<std::optional<Unit>> FindUnitByCode(const std::string& code) = 0;
  virtual Result<PageResult<Unit>> ListUnits(const UnitFilter& filter) = 0;
  // Assigns unit.id and unit.path (parent path + id).
  virtual Status InsertUnit(Unit& unit) = 0;
  virtual Status UpdateUnit(const Unit& unit) = 0;
  virtual Status DeleteUnit(UnitId id) = 0;
  virtual Result<std::int64_t> CountDependents(UnitId id) = 0;

  virtual Result<std::optional<School>> FindSchool(UnitId id) = 0;
  virtual Result<PageResult<School>> ListSchools(const SchoolFilter& filter) = 0;
  // Schools within the scope, counted per stage, location type, ownership and boarding.
  virtual Result<std::vector<SchoolCountRow>> CountSchools(const ScopeFilter& scope) = 0;
  virtual Status InsertSchoolProfile(UnitId id, const SchoolProfile& profile) = 0;
  virtual Status UpdateSchoolProfile(UnitId id, const SchoolProfile& profile) = 0;
  // Applies a plan of PlanPlaceChanges: removes, updates by id, inserts the entries with id 0.
  virtual Status SaveBuildingsAndPlaces(UnitId id, const PlaceChanges& changes) = 0;
  // Of the given key places, those that records (hazards, self-inspections) point to.
  virtual Result<std::vector<std::int64_t>> KeyPlacesInUse(
      const std::vector<std::int64_t>& ids) = 0;
  // The school a key place belongs to (none: no such place).
  virtual Result<std::optional<UnitId>> SchoolOfKeyPlace(std::int64_t key_place_id) = 0;
};

struct User {
  std::int64_t id = 0;
  UnitId unit_id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;
  std::string status = "active";  // active | locked | disabled
  bool must_change_password = true;
  std::string created_at;
  std::string updated_at;
  int failed_logins = 0;
  std::optional<std::string> locked_until;
  std::string password_changed_at;
  std::optional<std::string> expires_at;
  std::optional<std::string> last_login_at;
  std::optional<std::string> totp_secret;  // base32; set at enrolment, active once enabled
  bool totp_enabled = false;
  std::int64_t totp_last_step = 0;
  std::string mobile;  // 手机号, '' when none (sealed in the database under the GM profile)
  // Read-only, filled by queries:
  std::string unit_name;
  std::string unit_path;
  std::string unit_kind;
};

struct Role {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  ScopeKind scope = ScopeKind::kOwnUnit;
  bool builtin = false;
  std::vector<std::string> permissions;
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string token_hash;
  std::vector<std::string> permissions;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> revoked_at;
  std::optional<std::string> last_used_at;
};

struct Signature {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string username;
  UnitId unit_id = 0;
  std::string object_type;
  std::string object_id;
  std::string step;
  std::string content_hash;
  std::string method;  // password | totp
  std::string signed_at;
  std::int64_t audit_id = 0;
};

struct UserFilter {
  std::string q;
  std::optional<UnitId> unit_id;
  std::optional<std::string> status;
  ScopeFilter scope;
  PageRequest page;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual Result<std::optional<User>> FindByUsername(const std::string& username) = 0;
  virtual Result<std::optional<User>> FindById(std::int64_t id) = 0;
  virtual Result<PageResult<User>> List(const UserFilter& filter) = 0;
  virtual Status Insert(User& user) = 0;  // assigns id
  // Status, lockout counters, last login.
  virtual Status UpdateSecurity(const User& user) = 0;
  // The person's own details: display name and mobile.
  virtual Status UpdateProfile(const User& user) = 0;
  // Usernames → display names, for the accounts among `usernames` that exist and have one.
  virtual Result<std::map<std::string, std::string>> DisplayNames(
      const std::vector<std::string>& usernames) = 0;
  virtual Status UpdatePassword(std::int64_t user_id, const std::string& hash,
                                const std::string& changed_at, bool must_change) = 0;
  virtual Result<std::vector<std::string>> PasswordHistory(std::int64_t user_id, int limit) = 0;

  virtual Result<std::vector<Role>> ListRoles() = 0;
  virtual Result<std::optional<Role>> FindRole(const std::string& code) = 0;
  // Inserts or updates by code, replacing the permission set; assigns role.id.
  virtual Status UpsertRole(Role& role, const std::string& now) = 0;
  virtual Result<std::vector<Role>> RolesOf(std::int64_t user_id) = 0;
  virtual Result<std::vector<std::int64_t>> HoldersOf(std::int64_t role_id) = 0;  // user ids
  virtual Status SetRoles(std::int64_t user_id, const std::vector<std::int64_t>& role_ids) = 0;
  virtual Result<std::vector<UnitId>> ScopeUnitsOf(std::int64_t user_id) = 0;
  virtual Status SetScopeUnits(std::int64_t user_id, const std::vector<UnitId>& unit_ids) = 0;

  virtual Status InsertSession(const Session& session) = 0;
  virtual Result<std::optional<Session>> FindSession(const std::string& id_hash) = 0;
  virtual Status TouchSession(const std::string& id_hash, Instant at) = 0;
  virtual Status EndSession(const std::string& id_hash, Instant at) = 0;
  virtual Result<std::vector<Session>> ActiveSessionsOf(std::int64_t user_id) = 0;
  virtual Status EndSessionsOf(std::int64_t user_id, Instant at) = 0;
  // Deletes the session records the purge names (SessionPurgeAt); the number deleted.
  virtual Result<std::int64_t> PurgeSessions(const SessionPurge& purge) = 0;
  // Deletes API tokens revoked or expired before purge.token_before; the number deleted.
  virtual Result<std::int64_t> PurgeTokens(const SessionPurge& purge) = 0;

  virtual Status SetTotp(std::int64_t user_id, const std::optional<std::string>& secret,
                         bool enabled) = 0;
  virtual Status SetTotpLastStep(std::int64_t user_id, std::int64_t step) = 0;

  virtual Status InsertToken(ApiToken& token) = 0;  // assigns id
  virtual Result<std::optional<ApiToken>> FindTokenByHash(const std::string& token_hash) = 0;
  virtual Result<std::vector<ApiToken>> TokensOf(std::int64_t user_id) = 0;
  virtual Result<std::int64_t> RevokeToken(std::int64_t user_id, std::int64_t token_id,
                                           const std::string& at) = 0;
  virtual Status TouchToken(std::int64_t token_id, const std::string& at) = 0;

  virtual Status InsertSignature(Signature& signature) = 0;  // assigns id
  // Signatures on one object whose signer's unit the scope covers, oldest first.
  virtual Result<std::vector<Signature>> SignaturesOf(const std::string& object_type,
                                                      const std::string& object_id,
                                                      const ScopeFilter& scope) = 0;

  virtual Result<std::vector<std::pair<std::string, std::string>>> PolicySettings() = 0;
  virtual Status SetPolicySetting(const std::string& key, const std::string& value) = 0;
};

struct AuditFilter {
  std::optional<std::string> actor;
  std::optional<std::string> action;  // prefix, e.g. "school."
  std::optional<std::string> result;
  std::optional<std::string> from;  // instant text, inclusive
  std::optional<std::string> to;    // instant text, exclusive
  PageRequest page;
};

// Records up to up_to_id were moved to an archive file; the chain continues from up_to_hash.
struct AuditCheckpoint {
  std::int64_t up_to_id = 0;
  std::string up_to_hash;
  std::int64_t records = 0;
  std::string file_name;
  std::string file_sha256;
  std::string created_at;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Appends one record, chained to the last one (serialised against concurrent appends).
  virtual Result<AuditRecord> Append(const AuditEntry& entry) = 0;
  // Records with id > after_id in id order, at most limit.
  virtual Result<std::vector<AuditRecord>> ReadAfter(std::int64_t after_id, int limit) = 0;
  // Newest first.
  virtual Result<PageResult<AuditRecord>> Search(const AuditFilter& filter) = 0;
  virtual Result<std::optional<AuditCheckpoint>> LatestCheckpoint() = 0;
  // The newest record in the table, if any.
  virtual Result<std::optional<AuditRecord>> Newest() = 0;
  // The highest id of a record written before the instant, if any.
  virtual Result<std::optional<std::int64_t>> LastIdBefore(const std::string& at) = 0;
  // Records the checkpoint and removes the records it covers (the database allows only that).
  virtual Status Archive(const AuditCheckpoint& checkpoint) = 0;
};

class Tx {
 public:
  virtual ~Tx() = default;
  virtual OrgRepository& org() = 0;
  virtual UserRepository& users() = 0;
  virtual AuditRepository& audit() = 0;
  // The platform's services, shared by every module.
  virtual FileRepository& files() = 0;
  virtual NotificationRepository& notifications() = 0;
  virtual SupervisionRepository& supervision() = 0;
  // Grants to read minors' data and the log of its reads.
  virtual MinorsRepository& minors() = 0;
  virtual calendar::CalendarRepository& calendar() = 0;
  // The rules engine: values per unit and findings.
  virtual rules::RuleRepository& rules() = 0;
  // The modules' own records.
  virtual hazard::HazardRepository& hazards() = 0;
  virtual drill::DrillRepository& drills() = 0;
  virtual drill::DrillPlanRepository& drill_plans() = 0;
  virtual plan::PlanRepository& plans() = 0;
  virtual checklist::TemplateRepository& checklists() = 0;
  virtual patrol::PatrolRepository& patrols() = 0;
  virtual campaign::CampaignRepository& campaigns() = 0;
  virtual security::SecurityRepository& security() = 0;
  virtual whistle::WhistleRepository& whistles() = 0;
  virtual edu::EduRepository& edu() = 0;
  virtual edu::LessonRepository& lessons() = 0;
  virtual edu::ContentRepository& edu_contents() = 0;
  virtual edu::LetterRepository& letters() = 0;
  virtual edu::WaterRepository& waters() = 0;
  virtual edu::DrowningRepository& drowning() = 0;
  virtual edu::JointRepository& joint() = 0;
  virtual traffic::BusRepository& buses() = 0;
  virtual traffic::CampusRepository& campus() = 0;
  virtual emergency::EmergencyRepository& emergency() = 0;
  virtual training::TrainingRepository& training() = 0;
  virtual staffing::StaffingRepository& staffing() = 0;
  virtual duty::DutyRepository& duties() = 0;
};

// What bringing the personal-information fields to the configured state did (Store::ProtectFields).
struct FieldProtectionReport {
  std::int64_t rows = 0;     // protected values looked at (empty ones not counted)
  std::int64_t changed = 0;  // values or blind indexes rewritten
  std::int64_t sealed = 0;   // values sealed afterwards
  std::int64_t opened = 0;   // values turned back into plain text
  bool sealing = false;      // the GM profile's field encryption is on
  int key_version = 0;       // the newest field key (0: no key file)
};

class Store {
 public:
  virtual ~Store() = default;
  virtual Status Read(const std::function<Status(Tx&)>& work) = 0;
  virtual Status Write(const std::function<Status(Tx&)>& work) = 0;
  virtual AuditHash audit_hash() const = 0;
  // The audit chain's head as anchored outside the database after each commit that appended to
  // the log (ADR 0004); nothing when the store anchors nowhere or has not anchored yet. An error
  // when the anchor was tampered with.
  virtual Result<std::optional<AuditHead>> AnchoredAuditHead() {
    return std::optional<AuditHead>{};
  }
  // Anchors the head where it is now, also backwards (after a restore, or a gap that has been
  // recorded in the chain).
  virtual Status ReanchorAudit(const AuditHead& head) {
    (void)head;
    return {};
  }
  // Brings every protected personal-information column (docs/security.md, GM profile) to the
  // configured state — sealed with the newest field key, or plain — and its blind index up to
  // date, in one write transaction in which `after` runs with the counts (to audit them). An
  // error, and nothing changed, when a value is sealed with a key the key file does not hold.
  virtual Result<FieldProtectionReport> ProtectFields(
      const std::function<Status(Tx&, const FieldProtectionReport&)>& after) {
    (void)after;
    return FieldProtectionReport{};
  }
  // Changes after every committed write that changed what an authenticated request depends on
  // (users, roles and their scopes, ended sessions, revoked tokens, the security policy, units)
  // or the hazard rule settings: caches of signed-in users and of the settings compare it to
  // know they are still current.
  virtual std::uint64_t access_epoch() const { return 0; }
  // Runs `job` on the thread that commits writes, inside its next batch: every Read and Write
  // the job makes uses the batch's transaction (a Write as a savepoint of its own), and `done`
  // is called on that thread once the batch is committed (ok) or has failed (the job's writes
  // are then lost). No thread waits for the commit. False, and nothing run, when the store has
  // no such thread (PostgreSQL commits each write on its own).
  virtual bool RunInWriteBatch(std::function<void()> job,
                               std::function<void(const Status& committed)> done) {
    (void)job;
    (void)done;
    return false;
  }
};

}  // namespace xiaoan::domain
