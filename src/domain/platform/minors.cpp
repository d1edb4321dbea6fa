#include "domain/platform/minors.hpp"

#include <chrono>

#include "core/strings.hpp"
#include "domain/platform/field_checks.hpp"

namespace xiaoan::domain {

std::span<const SensitiveKind> SensitiveKinds() {
  static constexpr SensitiveKind kKinds[] = {
      {kLetterReceiptsKind, "家长回执名单（学生姓名）"},
  };
  return kKinds;
}

const SensitiveKind* FindSensitiveKind(std::string_view code) {
  for (const auto& k : SensitiveKinds()) {
    if (k.code == code) return &k;
  }
  return nullptr;
}

std::string_view GrantStateCode(GrantState s) {
  switch (s) {
    case GrantState::kRequested:
      return "requested";
    case GrantState::kApproved:
      return "approved";
    case GrantState::kRefused:
      return "refused";
    case GrantState::kRevoked:
      return "revoked";
  }
  return "requested";
}

std::optional<GrantState> GrantStateFromCode(std::string_view code) {
  for (const auto s : {GrantState::kRequested, GrantState::kApproved, GrantState::kRefused,
                       GrantState::kRevoked}) {
    if (GrantStateCode(s) == code) return s;
  }
  return std::nullopt;
}

std::string_view GrantStandingCode(GrantStanding s) {
  switch (s) {
    case GrantStanding::kRequested:
      return "requested";
    case GrantStanding::kActive:
      return "active";
    case GrantStanding::kExpired:
      return "expired";
    case GrantStanding::kRefused:
      return "refused";
    case GrantStanding::kRevoked:
      return "revoked";
  }
  return "requested";
}

std::string_view GrantStandingLabel(GrantStanding s) {
  switch (s) {
    case GrantStanding::kRequested:
      return "待审批";
    case GrantStanding::kActive:
      return "生效中";
    case GrantStanding::kExpired:
      return "已到期";
    case GrantStanding::kRefused:
      return "已拒绝";
    case GrantStanding::kRevoked:
      return "已撤销";
  }
  return "待审批";
}

std::vector<ErrorDetail> CheckGrantRequest(std::string_view kind, const std::string& reason,
                                           int days) {
  std::vector<ErrorDetail> out;
  if (!FindSensitiveKind(kind)) out.push_back({"kind", "请选择要查阅的信息类别"});
  CheckText(out, "reason", reason, "查阅事由", kMaxGrantReason, true);
  if (days < 1 || days > kMaxGrantDays) {
    out.push_back({"days", "查阅期限须为 1 至 " + std::to_string(kMaxGrantDays) + " 天"});
  }
  return out;
}

bool GrantActive(const MinorsGrant& g, Instant now) {
  return g.state == GrantState::kApproved && g.from && g.until && *g.from <= now && now < *g.until;
}

GrantStanding StandingOf(const MinorsGrant& g, Instant now) {
  switch (g.state) {
    case GrantState::kRequested:
      return GrantStanding::kRequested;
    case GrantState::kApproved:
      return GrantActive(g, now) ? GrantStanding::kActive : GrantStanding::kExpired;
    case GrantState::kRefused:
      return GrantStanding::kRefused;
    case GrantState::kRevoked:
      return GrantStanding::kRevoked;
  }
  return GrantStanding::kRequested;
}

namespace {

Status Decided() {
  return FailedPrecondition("minors.grant_decided", "这项查阅申请已审批，不能再次审批");
}

}  // namespace

Status ApproveGrant(MinorsGrant& g, const std::string& by, Instant now, std::string note) {
  if (g.state != GrantState::kRequested) return Decided();
  g.state = GrantState::kApproved;
  g.decided_by = by;
  g.decided_at = now;
  g.note = std::move(note);
  g.from = now;
  g.until = now + std::chrono::days(g.days);
  return {};
}

Status RefuseGrant(MinorsGrant& g, const std::string& by, Instant now, std::string note) {
  if (g.state != GrantState::kRequested) return Decided();
  g.state = GrantState::kRefused;
  g.decided_by = by;
  g.decided_at = now;
  g.note = std::move(note);
  return {};
}

Status RevokeGrant(MinorsGrant& g, const std::string& by, Instant now) {
  if (!GrantActive(g, now)) {
    return FailedPrecondition("minors.grant_inactive", "这项查阅授权未在有效期内，无需撤销");
  }
  g.state = GrantState::kRevoked;
  g.until = now;
  g.revoked_by = by;
  return {};
}

}  // namespace xiaoan::domain
