// Minors' data grants at their edges: the request's fields (1 and 30 days, 500 characters), a
// grant active from its approval up to but not including its end, and the state machine of
// approval, refusal and revocation.
#include <gtest/gtest.h>

#include <chrono>

#include "domain/platform/minors.hpp"

namespace xiaoan::domain {
namespace {

using namespace std::chrono_literals;

Instant At(const char* text) {
  Instant t;
  EXPECT_TRUE(ParseInstant(text, t)) << text;
  return t;
}

std::string FieldsOf(const std::vector<ErrorDetail>& problems) {
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : ",") + p.field;
  return out;
}

TEST(MinorsGrantRequest, FieldsAtTheirEdges) {
  EXPECT_EQ(FieldsOf(CheckGrantRequest(kLetterReceiptsKind, "督导检查家长信回执落实", 1)), "");
  EXPECT_EQ(FieldsOf(CheckGrantRequest(kLetterReceiptsKind, "督导检查", kMaxGrantDays)), "");
  EXPECT_EQ(FieldsOf(CheckGrantRequest(kLetterReceiptsKind, "督导检查", 0)), "days");
  EXPECT_EQ(FieldsOf(CheckGrantRequest(kLetterReceiptsKind, "督导检查", kMaxGrantDays + 1)),
            "days");
  EXPECT_EQ(FieldsOf(CheckGrantRequest(kLetterReceiptsKind, "督导检查", -1)), "days");
  EXPECT_EQ(FieldsOf(CheckGrantRequest("student_health", "督导检查", 7)), "kind");
  EXPECT_EQ(FieldsOf(CheckGrantRequest(kLetterReceiptsKind, "", 7)), "reason");
  EXPECT_EQ(FieldsOf(CheckGrantRequest(kLetterReceiptsKind, "   ", 7)), "reason");
  std::string longest;
  for (std::size_t i = 0; i < kMaxGrantReason; ++i) longest += "查";
  EXPECT_EQ(FieldsOf(CheckGrantRequest(kLetterReceiptsKind, longest, 7)), "");
  EXPECT_EQ(FieldsOf(CheckGrantRequest(kLetterReceiptsKind, longest + "阅", 7)), "reason");
  EXPECT_EQ(FieldsOf(CheckGrantRequest("", "", 0)), "kind,reason,days");
  ASSERT_NE(FindSensitiveKind(kLetterReceiptsKind), nullptr);
  EXPECT_EQ(std::string(FindSensitiveKind(kLetterReceiptsKind)->label), "家长回执名单（学生姓名）");
}

TEST(MinorsGrant, ActiveFromItsApprovalUntilJustBeforeItsEnd) {
  MinorsGrant g;
  g.days = 7;
  const auto approved = At("2026-12-07T01:00:00.000Z");
  EXPECT_FALSE(GrantActive(g, approved));
  EXPECT_EQ(StandingOf(g, approved), GrantStanding::kRequested);
  ASSERT_TRUE(ApproveGrant(g, "school1_leader", approved, "同意").ok());
  EXPECT_EQ(g.state, GrantState::kApproved);
  EXPECT_EQ(g.decided_by, "school1_leader");
  ASSERT_TRUE(g.until.has_value());
  EXPECT_EQ(*g.until, At("2026-12-14T01:00:00.000Z"));
  EXPECT_FALSE(GrantActive(g, approved - 1ms));
  EXPECT_TRUE(GrantActive(g, approved));
  EXPECT_TRUE(GrantActive(g, *g.until - 1ms));
  EXPECT_FALSE(GrantActive(g, *g.until));
  EXPECT_EQ(StandingOf(g, *g.until - 1ms), GrantStanding::kActive);
  EXPECT_EQ(StandingOf(g, *g.until), GrantStanding::kExpired);
  EXPECT_EQ(GrantStandingLabel(StandingOf(g, *g.until)), "已到期");
  // Decided once.
  const auto again = ApproveGrant(g, "school1_leader", approved, "");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().details.at(0).field, "minors.grant_decided");
  EXPECT_FALSE(RefuseGrant(g, "school1_leader", approved, "不同意").ok());
}

TEST(MinorsGrant, RefusedNeverActiveAndRevokedEndsAtOnce) {
  MinorsGrant refused;
  refused.days = 3;
  const auto now = At("2026-12-07T01:00:00.000Z");
  ASSERT_TRUE(RefuseGrant(refused, "school1_leader", now, "事由不充分").ok());
  EXPECT_EQ(StandingOf(refused, now), GrantStanding::kRefused);
  EXPECT_FALSE(GrantActive(refused, now));
  EXPECT_FALSE(RevokeGrant(refused, "school1_leader", now).ok());
  EXPECT_FALSE(ApproveGrant(refused, "school1_leader", now, "").ok());

  MinorsGrant g;
  g.days = 3;
  ASSERT_TRUE(ApproveGrant(g, "school1_leader", now, "").ok());
  const auto later = now + 24h;
  ASSERT_TRUE(RevokeGrant(g, "safety_office", later).ok());
  EXPECT_EQ(g.state, GrantState::kRevoked);
  EXPECT_EQ(g.revoked_by, "safety_office");
  EXPECT_EQ(*g.until, later);
  EXPECT_FALSE(GrantActive(g, later));
  auto unrevoked = g;  // the same grant ending a moment later would still be active
  unrevoked.state = GrantState::kApproved;
  unrevoked.until = later + 1ms;
  EXPECT_TRUE(GrantActive(unrevoked, later));
  EXPECT_EQ(StandingOf(g, now), GrantStanding::kRevoked);
  // Only an active grant is revoked: not once it has run out.
  MinorsGrant ran_out;
  ran_out.days = 1;
  ASSERT_TRUE(ApproveGrant(ran_out, "school1_leader", now, "").ok());
  const auto end = *ran_out.until;
  EXPECT_TRUE(RevokeGrant(ran_out, "safety_office", end - 1ms).ok());
  MinorsGrant ran_out2;
  ran_out2.days = 1;
  ASSERT_TRUE(ApproveGrant(ran_out2, "school1_leader", now, "").ok());
  const auto revoked = RevokeGrant(ran_out2, "safety_office", end);
  ASSERT_FALSE(revoked.ok());
  EXPECT_EQ(revoked.error().details.at(0).field, "minors.grant_inactive");
}

TEST(MinorsGrant, StatesReadBackFromTheirCodes) {
  for (const auto s : {GrantState::kRequested, GrantState::kApproved, GrantState::kRefused,
                       GrantState::kRevoked}) {
    EXPECT_EQ(GrantStateFromCode(GrantStateCode(s)), s);
  }
  EXPECT_FALSE(GrantStateFromCode("active").has_value());
  EXPECT_EQ(GrantStandingCode(GrantStanding::kActive), "active");
  EXPECT_EQ(GrantStandingLabel(GrantStanding::kRequested), "待审批");
  EXPECT_EQ(GrantStandingLabel(GrantStanding::kRefused), "已拒绝");
  EXPECT_EQ(GrantStandingLabel(GrantStanding::kRevoked), "已撤销");
}

}  // namespace
}  // namespace xiaoan::domain
