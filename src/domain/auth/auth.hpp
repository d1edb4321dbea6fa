#pragma once
// Identity and access: permissions, built-in roles, data scopes, the password policy, sessions
// and lockout. Pure rules; storage and HTTP live elsewhere.
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace xiaoan::domain {

// Permission strings: "<capability>:<action>".
namespace perm {
inline constexpr const char* kRegionRead = "region:read";
inline constexpr const char* kRegionWrite = "region:write";
inline constexpr const char* kUnitRead = "unit:read";
inline constexpr const char* kUnitWrite = "unit:write";
inline constexpr const char* kDepartmentRead = "department:read";
inline constexpr const char* kDepartmentWrite = "department:write";
inline constexpr const char* kSchoolRead = "school:read";
inline constexpr const char* kSchoolWrite = "school:write";
inline constexpr const char* kSchoolImport = "school:import";
inline constexpr const char* kSchoolExport = "school:export";
inline constexpr const char* kUserRead = "user:read";
inline constexpr const char* kUserWrite = "user:write";
inline constexpr const char* kRoleRead = "role:read";
inline constexpr const char* kRoleWrite = "role:write";
inline constexpr const char* kPolicyRead = "policy:read";
inline constexpr const char* kPolicyWrite = "policy:write";
inline constexpr const char* kAuditRead = "audit:read";
inline constexpr const char* kAuditExport = "audit:export";
inline constexpr const char* kHazardRead = "hazard:read";
inline constexpr const char* kHazardReport = "hazard:report";
inline constexpr const char* kHazardAssign = "hazard:assign";
inline constexpr const char* kHazardRectify = "hazard:rectify";
inline constexpr const char* kHazardVerify = "hazard:verify";
inline constexpr const char* kHazardClose = "hazard:close";
inline constexpr const char* kHazardReopen = "hazard:reopen";
inline constexpr const char* kHazardSupervise = "hazard:supervise";
inline constexpr const char* kHazardReply = "hazard:reply";
inline constexpr const char* kHazardConfigure = "hazard:configure";
inline constexpr const char* kCalendarRead = "calendar:read";
inline constexpr const char* kCalendarWrite = "calendar:write";
inline constexpr const char* kCalendarHolidays = "calendar:holidays";
inline constexpr const char* kRulesRead = "rules:read";
inline constexpr const char* kRulesConfigure = "rules:configure";
inline constexpr const char* kDrillRead = "drill:read";
inline constexpr const char* kDrillRecord = "drill:record";
inline constexpr const char* kChecklistRead = "checklist:read";
inline constexpr const char* kChecklistManage = "checklist:manage";
inline constexpr const char* kPatrolRead = "patrol:read";
inline constexpr const char* kPatrolManage = "patrol:manage";
inline constexpr const char* kPatrolRecord = "patrol:record";
inline constexpr const char* kCampaignRead = "campaign:read";
inline constexpr const char* kCampaignManage = "campaign:manage";
inline constexpr const char* kCampaignInspect = "campaign:inspect";
inline constexpr const char* kCampaignFill = "campaign:fill";
inline constexpr const char* kSecurityRead = "security:read";
inline constexpr const char* kSecurityRecord = "security:record";
inline constexpr const char* kWhistleRead = "whistle:read";
inline constexpr const char* kWhistleRaise = "whistle:raise";
inline constexpr const char* kWhistleRespond = "whistle:respond";
inline constexpr const char* kWhistleRoute = "whistle:route";
inline constexpr const char* kEduRead = "edu:read";
inline constexpr const char* kEduClasses = "edu:classes";
inline constexpr const char* kEduCheckIn = "edu:checkin";
inline constexpr const char* kEduLessons = "edu:lessons";
inline constexpr const char* kEduContent = "edu:content";
inline constexpr const char* kEduJoint = "edu:joint";
inline constexpr const char* kBusRead = "bus:read";
inline constexpr const char* kBusManage = "bus:manage";
inline constexpr const char* kTrafficRead = "traffic:read";
inline constexpr const char* kTrafficManage = "traffic:manage";
inline constexpr const char* kTrafficGate = "traffic:gate";
inline constexpr const char* kEmergencyRead = "emergency:read";
inline constexpr const char* kEmergencyManage = "emergency:manage";
inline constexpr const char* kTrainingRead = "training:read";
inline constexpr const char* kTrainingManage = "training:manage";
inline constexpr const char* kDutyRead = "duty:read";
inline constexpr const char* kDutyManage = "duty:manage";
inline constexpr const char* kDutyTemplate = "duty:template";
// Minors' data (docs/security.md): approving a grant to read the school's records about students.
inline constexpr const char* kMinorsGrant = "minors:grant";
}  // namespace perm

// Every permission that exists, for validation of custom roles.
const std::vector<std::string>& AllPermissions();

// What people read for a permission: a Chinese label and the group it is listed under.
struct PermissionLabel {
  std::string_view code;
  std::string_view label;  // 查看学校
  std::string_view group;  // 学校
};
// One entry per permission of AllPermissions(), in the same order.
std::span<const PermissionLabel> PermissionLabels();

enum class ScopeKind { kOwn, kOwnUnit, kUnitAndBelow, kCustom, kAll };
// Every kind, from the narrowest to the widest.
std::span<const ScopeKind> AllScopeKinds();
std::string_view ScopeKindName(ScopeKind kind);
std::string_view ScopeKindLabel(ScopeKind kind);  // 本单位及下级
std::optional<ScopeKind> ScopeKindFromName(std::string_view name);

// What a user may see: a set of unit paths ("/1/5/"), each covering itself (kOwnUnit, kOwn) or
// its subtree (kUnitAndBelow, kCustom); kAll covers everything.
struct DataScope {
  ScopeKind kind = ScopeKind::kOwnUnit;
  std::vector<std::string> paths;
  bool Covers(const std::string& unit_path) const;
  // The widest of two scopes a user holds through different roles.
  static DataScope Union(const DataScope& a, const DataScope& b);
};

struct BuiltinRole {
  std::string_view code;
  std::string_view name;
  ScopeKind scope;
  std::vector<std::string> permissions;
  bool administrator;  // one of the three administrators (三员)
};
const std::vector<BuiltinRole>& BuiltinRoles();
const BuiltinRole* FindBuiltinRole(std::string_view code);

// 三员 by permission, not by role name. A permission belongs to an administrator's area
// ("system_admin", "security_admin", "audit_admin") when that administrator's built-in role is
// the only built-in role holding it (user:write, role:write, audit:read …); "" otherwise
// (user:read, held by two administrators, and everything the safety staff hold).
std::string_view AdminAreaOf(std::string_view permission);
// The areas a set of permissions reaches (sorted, each once).
std::vector<std::string_view> AdminAreasOf(const std::vector<std::string>& permissions);
bool HoldsAdministratorPermission(const std::set<std::string>& permissions);
// 三员: the roles one account holds (their permissions) reach at most one administrator area;
// so does one role's permission set (roles: {that set}). field: where the error is reported.
std::optional<ErrorDetail> CheckSeparationOfDuties(
    const std::vector<std::vector<std::string>>& role_permissions,
    const std::string& field = "roles");

struct PasswordPolicy {
  int min_length = 8;
  int min_classes = 3;
  int history = 5;
  int max_age_days = 90;
  int lockout_threshold = 5;
  int lockout_minutes = 30;
  int idle_minutes = 30;
  int absolute_hours = 12;
  int address_attempts_per_minute = 20;
  // The three administrators must use a second factor (TOTP) before anything else works.
  int totp_required_for_admins = 1;
};

// Strength, not reuse: reuse needs the history and is checked by the use case.
std::vector<ErrorDetail> CheckPasswordStrength(const PasswordPolicy& policy,
                                               std::string_view password,
                                               std::string_view username);
bool IsCommonPassword(std::string_view password);

struct Session {
  std::string id_hash;  // SHA-256 of the token held by the client
  std::int64_t user_id = 0;
  std::string csrf_token;
  Instant created_at;
  Instant last_seen_at;
  std::optional<Instant> ended_at;
  std::string source;
  std::string user_agent;
};

enum class SessionState { kActive, kEnded, kIdleExpired, kAbsoluteExpired };
SessionState EvaluateSession(const Session& s, Instant now, const PasswordPolicy& policy);
// How often a session's last_seen is written: each minute (writing it on every request would
// serialise readers on SQLite), but at least four times within the idle limit, so that a
// session in use never reaches it (a 1-minute limit: every 15 seconds).
std::chrono::milliseconds SessionTouchInterval(const PasswordPolicy& policy);

// Session and API token records are kept for 30 days after they stopped working (the audit log
// keeps every login, logout and revocation for longer), then deleted by the daily clean-up:
// what no longer authenticates anyone is not kept (剩余信息保护).
inline constexpr std::chrono::hours kSessionRecordRetention{24 * 30};
// The instants before which a record is deleted: a session ended, last seen (idle past the
// limit), or created (past the absolute limit) before them, a token revoked or expired before
// token_before. A session deleted by them was not active for the whole retention period.
struct SessionPurge {
  Instant ended_before;
  Instant last_seen_before;
  Instant created_before;
  Instant token_before;
};
SessionPurge SessionPurgeAt(Instant now, const PasswordPolicy& policy);

// Account state at a login attempt.
struct LoginGate {
  bool allowed = true;
  std::string reason_code;  // "locked", "disabled", "expired"
  std::string message;
};
LoginGate CheckAccount(const std::string& status, std::optional<Instant> locked_until,
                       std::optional<Instant> expires_at, Instant now);
// After a failed password: the new failure count and, when it reaches the threshold, the end
// of the lock.
struct FailureOutcome {
  int failures = 0;
  std::optional<Instant> locked_until;
};
// A lock that has run out starts the count afresh. threshold: the failures that lock (0: the
// policy's lockout_threshold).
FailureOutcome RecordFailure(int failures_before, std::optional<Instant> locked_until, Instant now,
                             const PasswordPolicy& policy, int threshold = 0);

// 登录失败处理 at login comes in two steps, so that nobody can lock another person's account from
// one address. Failures from one address against one name (a pair) lock that pair first: after
// lockout_threshold of them for lockout_minutes, doubled for each earlier lock of the same pair
// within a day, and never longer than a day. The account itself is locked only when failures from
// all addresses together reach AccountLockoutThreshold. Credentials re-entered in an open session
// lock the account at lockout_threshold, as before.
int AccountLockoutThreshold(const PasswordPolicy& policy);
struct PairFailures {
  int failures = 0;
  int locks = 0;  // pair locks within a day of the last one
  std::optional<Instant> locked_until;
  std::optional<Instant> last_lock;
};
PairFailures RecordPairFailure(PairFailures before, Instant now, const PasswordPolicy& policy);
bool PairLocked(const PairFailures& pair, Instant now);
bool PasswordExpired(Instant changed_at, Instant now, const PasswordPolicy& policy);

}  // namespace xiaoan::domain
