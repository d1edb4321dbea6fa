#pragma once
// Minors' data (未成年人信息, docs/security.md): records about individual students are sensitive.
// A school's own staff read them as their duties need; a user above the school reads them only
// through a time-limited grant (查阅授权) that the school's responsible person approved. Every
// read is logged, and a yearly report tells who read whose records.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace xiaoan::domain {
struct ScopeFilter;

// The kinds of sensitive record one may ask to read.
struct SensitiveKind {
  std::string_view code;
  std::string_view label;
};
std::span<const SensitiveKind> SensitiveKinds();
const SensitiveKind* FindSensitiveKind(std::string_view code);
inline constexpr const char* kLetterReceiptsKind = "edu_letter_receipt";

inline constexpr int kMaxGrantDays = 30;
inline constexpr std::size_t kMaxGrantReason = 500;

// Stored states; `expired` is derived (approved, and its time is up).
enum class GrantState { kRequested, kApproved, kRefused, kRevoked };
std::string_view GrantStateCode(GrantState s);
std::optional<GrantState> GrantStateFromCode(std::string_view code);
// What a grant is at `now`: requested, active, expired, refused or revoked.
enum class GrantStanding { kRequested, kActive, kExpired, kRefused, kRevoked };
std::string_view GrantStandingCode(GrantStanding s);
std::string_view GrantStandingLabel(GrantStanding s);

struct MinorsGrant {
  std::int64_t id = 0;
  std::string grantee;       // username
  std::int64_t unit_id = 0;  // the school whose records are read
  std::string kind;          // a SensitiveKind code
  std::string reason;
  int days = 0;  // how long, once approved
  GrantState state = GrantState::kRequested;
  Instant requested_at{};
  std::string decided_by;
  std::optional<Instant> decided_at;
  std::string note;              // the decider's
  std::optional<Instant> from;   // approval time
  std::optional<Instant> until;  // from + days (exclusive); the revocation time when revoked
  std::string revoked_by;
  // Read with the record:
  std::string grantee_name;
  std::string grantee_unit_name;
  std::string decided_by_name;
  std::string unit_name;
  std::string unit_path;
};

// Problems naming kind, reason or days.
std::vector<ErrorDetail> CheckGrantRequest(std::string_view kind, const std::string& reason,
                                           int days);
GrantStanding StandingOf(const MinorsGrant& g, Instant now);
// Whether the grant lets its grantee read now: approved, from <= now < until.
bool GrantActive(const MinorsGrant& g, Instant now);
// Approval: from now for the requested days. failed_precondition minors.grant_decided unless
// requested.
Status ApproveGrant(MinorsGrant& g, const std::string& by, Instant now, std::string note);
Status RefuseGrant(MinorsGrant& g, const std::string& by, Instant now, std::string note);
// Ends an active grant now (failed_precondition minors.grant_inactive otherwise).
Status RevokeGrant(MinorsGrant& g, const std::string& by, Instant now);

// One read of sensitive records, logged in the same transaction as the read.
struct MinorsRead {
  std::string reader;
  std::int64_t unit_id = 0;  // the school whose records were read
  std::string kind;
  std::string subject;                   // what was read, e.g. "edu_letter:12"
  int records = 0;                       // rows shown
  std::optional<std::int64_t> grant_id;  // read through a grant (else as the school's own staff)
  Instant at{};
};

// The yearly report: per reader, school, kind and way (own staff or grant).
struct MinorsReadRow {
  std::string reader;
  std::string reader_name;
  std::string reader_unit_name;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string kind;
  bool via_grant = false;
  std::int64_t reads = 0;
  std::int64_t records = 0;
  Instant first_at{};
  Instant last_at{};
};

struct GrantFilter {
  std::optional<std::string> grantee;  // only this grantee's
  bool or_in_scope = false;            // …or those about schools in scope
};

class MinorsRepository {
 public:
  virtual ~MinorsRepository() = default;
  virtual Status InsertGrant(MinorsGrant& g) = 0;  // assigns id
  // Saves the decision fields (state, decided_*, note, from, until, revoked_by).
  virtual Status UpdateGrant(const MinorsGrant& g) = 0;
  virtual Result<std::optional<MinorsGrant>> FindGrant(std::int64_t id) = 0;
  // The grantee's or (with or_in_scope) the schools in scope's grants, newest first.
  virtual Result<std::vector<MinorsGrant>> Grants(const GrantFilter& f, const ScopeFilter& scope,
                                                  int limit) = 0;
  // The grantee's requested or approved grants for a school and kind, newest first.
  virtual Result<std::vector<MinorsGrant>> OpenGrants(const std::string& grantee,
                                                      std::int64_t unit_id,
                                                      const std::string& kind) = 0;
  virtual Status LogRead(const MinorsRead& r) = 0;
  // Reads in [from, until) of schools in scope.
  virtual Result<std::vector<MinorsReadRow>> ReadReport(const ScopeFilter& scope, Instant from,
                                                        Instant until) = 0;
  // Grants requested in [from, until) about schools in scope, by stored state.
  virtual Result<std::vector<std::pair<GrantState, std::int64_t>>> GrantCounts(
      const ScopeFilter& scope, Instant from, Instant until) = 0;
};

}  // namespace xiaoan::domain
