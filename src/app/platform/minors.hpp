#pragma once
// Minors' data (未成年人信息, docs/security.md): grants for users above a school to read its
// records about individual students, approved by the school's leader (minors:grant) for a number
// of days; every read of such records logged; the yearly access report.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "domain/platform/minors.hpp"

namespace xiaoan::app {

struct GrantView {
  domain::MinorsGrant grant;
  domain::GrantStanding standing = domain::GrantStanding::kRequested;
  bool can_decide = false;  // requested, the caller approves for that school, not their own
  bool can_revoke = false;  // active, and the caller is the grantee or may decide
};

// The caller's own requests, and (with minors:grant or audit:read; not with `mine_only`) those
// about the schools in scope; newest first, at most 200.
Result<std::vector<GrantView>> ListMinorsGrants(Services& s, const RequestContext& ctx,
                                                bool mine_only);
// One grant: its grantee, or a holder of minors:grant or audit:read over its school (else 404).
Result<GrantView> GetMinorsGrant(Services& s, const RequestContext& ctx, std::int64_t id);
// A user above the school asks to read its records of `kind` for `days` (1–30): needs the read
// permission of that kind's module (edu:read for parents' receipts) over the school; 422 naming
// unit_id for a school out of scope or the caller's own, kind, reason or days; 409
// minors.grant_open while one is requested or active. The school's leaders are told. Audited as
// minors.grant.request.
Result<GrantView> RequestMinorsGrant(Services& s, const RequestContext& ctx, std::int64_t unit_id,
                                     std::string kind, std::string reason, int days);
// minors:grant over the school, never one's own request (403). Approved from now for its days,
// or refused; the grantee is told. Audited as minors.grant.approve / minors.grant.refuse.
Result<GrantView> DecideMinorsGrant(Services& s, const RequestContext& ctx, std::int64_t id,
                                    bool approve, std::string note);
// Ends an active grant: its grantee or a decider. Audited as minors.grant.revoke.
Result<GrantView> RevokeMinorsGrant(Services& s, const RequestContext& ctx, std::int64_t id);

// For a module reading sensitive records of a school: the caller's way in — the school's own staff
// (no grant) or an active grant of theirs for that school and kind. permission_denied otherwise,
// saying that a grant is needed.
struct MinorsAccess {
  std::optional<std::int64_t> grant_id;
};
Result<MinorsAccess> MinorsAccessTo(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                    std::int64_t school_id, const std::string& kind);
// Logs a read (its table and the audit record minors.read) in the reading transaction.
Status LogMinorsRead(Services& s, domain::Tx& tx, const RequestContext& ctx,
                     const MinorsAccess& access, std::int64_t school_id, const std::string& kind,
                     const std::string& subject, int records);

struct MinorsAccessReport {
  int year = 0;
  std::vector<domain::MinorsReadRow> rows;
  std::int64_t requested = 0;  // grants asked for in the year, by their state now
  std::int64_t approved = 0;
  std::int64_t refused = 0;
  std::int64_t revoked = 0;
};
// Who read the minors' records of the schools in scope in a year (China time; default this year,
// 422 naming year outside 2000–2100): minors:grant or audit:read.
Result<MinorsAccessReport> GetMinorsAccessReport(Services& s, const RequestContext& ctx,
                                                 std::optional<int> year);
// The report as .xlsx (未成年人信息查阅报告); audited as minors.report.export.
Result<std::string> ExportMinorsAccessReport(Services& s, const RequestContext& ctx,
                                             std::optional<int> year);

// Registration (app/modules.cpp): a school leader's requests waiting for a decision.
TaskSource MinorsGrantTaskSource();

}  // namespace xiaoan::app
