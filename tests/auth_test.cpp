// Sessions and lockout with a pinned clock, on both stores; the pure rules of the policy.
#include <gtest/gtest.h>

#include "app/accounts/accounts.hpp"
#include "app/demo/seed_demo.hpp"
#include "core/clock.hpp"
#include "core/password.hpp"
#include "domain/auth/auth.hpp"
#include "domain/auth/totp.hpp"
#include "support/test_server.hpp"
#include "support/test_store.hpp"

namespace xiaoan {
namespace {

using namespace std::chrono_literals;

TEST(PasswordPolicy, StrengthRules) {
  domain::PasswordPolicy p;
  EXPECT_TRUE(domain::CheckPasswordStrength(p, "Blue#Harbour7", "teacher1").empty());
  EXPECT_FALSE(domain::CheckPasswordStrength(p, "Bh#7", "u").empty());          // length
  EXPECT_FALSE(domain::CheckPasswordStrength(p, "bluehar bour", "u").empty());  // 2 classes
  EXPECT_FALSE(domain::CheckPasswordStrength(p, "Admin@123", "u").empty());     // common
  EXPECT_FALSE(domain::CheckPasswordStrength(p, "P@SSW0RD", "u").empty());      // common, any case
  EXPECT_FALSE(domain::CheckPasswordStrength(p, "Zhang.San#2026", "zhang.san").empty());
  p.min_classes = 2;
  EXPECT_TRUE(domain::CheckPasswordStrength(p, "blueharbour7", "zz").empty());
  // The length at its edge: exactly the minimum passes, one less does not.
  p.min_length = 12;
  EXPECT_TRUE(domain::CheckPasswordStrength(p, "blueharbour7", "zz").empty());  // 12
  EXPECT_FALSE(domain::CheckPasswordStrength(p, "blueharbou7", "zz").empty());  // 11
}

TEST(PasswordPolicy, LockoutAndExpiry) {
  domain::PasswordPolicy p;
  const Instant now{std::chrono::milliseconds(1796000000000)};
  auto f = domain::RecordFailure(3, std::nullopt, now, p);
  EXPECT_EQ(f.failures, 4);
  EXPECT_FALSE(f.locked_until.has_value());
  f = domain::RecordFailure(4, std::nullopt, now, p);
  ASSERT_TRUE(f.locked_until.has_value());
  EXPECT_EQ(*f.locked_until, now + 30min);
  EXPECT_FALSE(domain::CheckAccount("active", f.locked_until, std::nullopt, now + 29min).allowed);
  EXPECT_TRUE(domain::CheckAccount("active", f.locked_until, std::nullopt, now + 30min).allowed);
  // After the lock runs out, one more mistake does not lock again at once.
  auto after = domain::RecordFailure(5, f.locked_until, now + 31min, p);
  EXPECT_EQ(after.failures, 1);
  EXPECT_FALSE(after.locked_until.has_value());
  EXPECT_FALSE(domain::CheckAccount("disabled", std::nullopt, std::nullopt, now).allowed);
  EXPECT_FALSE(domain::CheckAccount("active", std::nullopt, now, now).allowed);  // account expired
  EXPECT_TRUE(domain::PasswordExpired(now - std::chrono::days(90), now, p));
  EXPECT_FALSE(domain::PasswordExpired(now - std::chrono::days(89), now, p));
}

// One address against one name: locked at the threshold, for longer with each lock in a day.
TEST(PasswordPolicy, PairLocksGrowAndTheAccountLocksOnlyAtFourTimesTheThreshold) {
  domain::PasswordPolicy p;
  EXPECT_EQ(domain::AccountLockoutThreshold(p), 20);
  const Instant t0{std::chrono::milliseconds(1796000000000)};
  domain::PairFailures pair;
  for (int i = 1; i <= 4; ++i) {
    pair = domain::RecordPairFailure(pair, t0, p);
    EXPECT_EQ(pair.failures, i);
    EXPECT_FALSE(domain::PairLocked(pair, t0)) << i;
  }
  pair = domain::RecordPairFailure(pair, t0, p);
  ASSERT_TRUE(pair.locked_until.has_value());
  EXPECT_EQ(*pair.locked_until, t0 + 30min);
  EXPECT_TRUE(domain::PairLocked(pair, t0 + 30min - 1s));
  EXPECT_FALSE(domain::PairLocked(pair, t0 + 30min));
  // The lock ran out: the count starts afresh, and the next lock lasts twice as long.
  const Instant t1 = t0 + 31min;
  pair = domain::RecordPairFailure(pair, t1, p);
  EXPECT_EQ(pair.failures, 1);
  EXPECT_FALSE(pair.locked_until.has_value());
  for (int i = 0; i < 4; ++i) pair = domain::RecordPairFailure(pair, t1, p);
  ASSERT_TRUE(pair.locked_until.has_value());
  EXPECT_EQ(*pair.locked_until, t1 + 60min);
  EXPECT_EQ(pair.locks, 2);
  // Doubling stops at a day.
  domain::PairFailures many;
  many.locks = 10;
  many.last_lock = t1;
  many.failures = 4;
  many = domain::RecordPairFailure(many, t1 + 1h, p);
  ASSERT_TRUE(many.locked_until.has_value());
  EXPECT_EQ(*many.locked_until, t1 + 1h + std::chrono::hours(24));
  // A day after the last lock, locks start from the policy's length again; a moment before, not.
  domain::PairFailures old;
  old.locks = 3;
  old.last_lock = t0;
  old.failures = 4;
  auto fresh = domain::RecordPairFailure(old, t0 + std::chrono::hours(24), p);
  EXPECT_EQ(*fresh.locked_until, t0 + std::chrono::hours(24) + 30min);
  auto recent = domain::RecordPairFailure(old, t0 + std::chrono::hours(24) - 1s, p);
  EXPECT_EQ(*recent.locked_until, t0 + std::chrono::hours(24) - 1s + 240min);
  // A lock ends at its instant: a failure then counts afresh, for the pair and the account.
  domain::PairFailures ending;
  ending.failures = 5;
  ending.locks = 1;
  ending.locked_until = t0;
  ending.last_lock = t0 - 30min;
  EXPECT_EQ(domain::RecordPairFailure(ending, t0, p).failures, 1);
  EXPECT_EQ(domain::RecordPairFailure(ending, t0 - 1s, p).failures, 6);
  EXPECT_EQ(domain::RecordFailure(5, t0, t0, p).failures, 1);
  EXPECT_EQ(domain::RecordFailure(5, t0, t0 - 1s, p).failures, 6);
  // The account's own count, at its threshold.
  EXPECT_FALSE(domain::RecordFailure(18, std::nullopt, t0, p, 20).locked_until.has_value());
  EXPECT_TRUE(domain::RecordFailure(19, std::nullopt, t0, p, 20).locked_until.has_value());
}

TEST(Totp, Rfc6238TestVectors) {
  const std::string secret = "12345678901234567890";  // RFC 6238 appendix B, SHA-1
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
  for (const auto& [seconds, code] : vectors) {
    const Instant t{std::chrono::seconds(seconds)};
    EXPECT_EQ(domain::TotpCode(secret, domain::TotpStep(t), 8), code) << seconds;
  }
  EXPECT_EQ(domain::Base32Encode(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(domain::Base32Decode("gezdgnbvgy3tqojqgezdgnbvgy3tqojq").value_or(""), secret);
  EXPECT_FALSE(domain::Base32Decode("not base32!").has_value());
}

TEST(Totp, DriftWindowAndReplay) {
  const std::string secret = "12345678901234567890";
  const Instant now{std::chrono::seconds(1796000000)};
  const auto step = domain::TotpStep(now);
  const auto code = domain::TotpCode(secret, step);
  EXPECT_EQ(domain::VerifyTotp(secret, code, now, 0), step);
  EXPECT_EQ(domain::VerifyTotp(secret, code, now + 30s, 0), step);  // one step late
  EXPECT_FALSE(domain::VerifyTotp(secret, code, now + 60s, 0));     // two steps late
  EXPECT_FALSE(domain::VerifyTotp(secret, code, now, step));        // already used
  EXPECT_FALSE(domain::VerifyTotp(secret, "12345", now, 0));
  EXPECT_NE(domain::TotpUri("校安 Xiaoan", "a b", "ABC").find("otpauth://totp/"),
            std::string::npos);
}

TEST(PasswordHashing, GmProfileAndArgon2BothVerify) {
  const std::string sm3 = HashPasswordWith(PasswordAlgorithm::kPbkdf2Sm3, "Lantern#Field42");
  EXPECT_EQ(sm3.rfind("$pbkdf2-sm3$i=100000$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(sm3, "Lantern#Field42"));
  EXPECT_FALSE(VerifyPassword(sm3, "Lantern#Field43"));
  EXPECT_NE(sm3, HashPasswordWith(PasswordAlgorithm::kPbkdf2Sm3, "Lantern#Field42"));  // salted
  const std::string argon = HashPasswordWith(PasswordAlgorithm::kArgon2id, "Lantern#Field42");
  EXPECT_TRUE(VerifyPassword(argon, "Lantern#Field42"));
  // A tampered SM3 hash does not verify.
  std::string tampered = sm3;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  EXPECT_FALSE(VerifyPassword(tampered, "Lantern#Field42"));
}

TEST(DataScope, CoversAndUnion) {
  domain::DataScope school{domain::ScopeKind::kOwnUnit, {"/1/11/"}};
  EXPECT_TRUE(school.Covers("/1/11/"));
  EXPECT_FALSE(school.Covers("/1/12/"));
  EXPECT_FALSE(school.Covers("/1/"));
  domain::DataScope bureau{domain::ScopeKind::kUnitAndBelow, {"/1/"}};
  EXPECT_TRUE(bureau.Covers("/1/12/"));
  EXPECT_FALSE(bureau.Covers("/10/"));  // a prefix of digits is not a parent
  const domain::DataScope all{domain::ScopeKind::kAll, {}};
  EXPECT_TRUE(all.Covers("/99/"));
  auto u = domain::DataScope::Union(school, domain::DataScope{domain::ScopeKind::kCustom, {"/5/"}});
  EXPECT_TRUE(u.Covers("/5/7/"));
  EXPECT_EQ(domain::DataScope::Union(school, all).kind, domain::ScopeKind::kAll);
}

// 三员 by permission: each administrator's own permissions form its area; a permission shared
// with another role belongs to none.
TEST(SeparationOfDuties, FollowsThePermissionsRolesHold) {
  const auto perms = [](std::string_view code) {
    return domain::FindBuiltinRole(code)->permissions;
  };
  EXPECT_EQ(domain::AdminAreaOf("user:write"), "system_admin");
  EXPECT_EQ(domain::AdminAreaOf("role:write"), "security_admin");
  EXPECT_EQ(domain::AdminAreaOf("audit:read"), "audit_admin");
  EXPECT_EQ(domain::AdminAreaOf("user:read"), "");     // the system and security administrators'
  EXPECT_EQ(domain::AdminAreaOf("school:write"), "");  // also the safety office's
  EXPECT_EQ(domain::AdminAreaOf("nothing:x"), "");
  EXPECT_TRUE(domain::CheckSeparationOfDuties({perms("system_admin"), perms("teacher")}) ==
              std::nullopt);
  EXPECT_TRUE(domain::CheckSeparationOfDuties({perms("system_admin"), perms("security_admin")})
                  .has_value());
  EXPECT_TRUE(domain::CheckSeparationOfDuties({{"audit:read", "user:read"}}) == std::nullopt);
  const auto mixed = domain::CheckSeparationOfDuties({{"audit:read", "user:write"}}, "permissions");
  ASSERT_TRUE(mixed.has_value());
  EXPECT_EQ(mixed->field, "permissions");
  EXPECT_NE(mixed->reason.find("审计管理员"), std::string::npos);
  EXPECT_EQ(domain::AdminAreasOf(domain::AllPermissions()).size(), 3u);
  EXPECT_TRUE(domain::HoldsAdministratorPermission({"school:read", "policy:read"}));
  EXPECT_FALSE(domain::HoldsAdministratorPermission({"school:read", "user:read"}));
}

TEST(Sessions, LastSeenIsWrittenOftenEnoughForTheIdleLimit) {
  domain::PasswordPolicy p;
  p.idle_minutes = 30;
  EXPECT_EQ(domain::SessionTouchInterval(p), std::chrono::seconds(60));
  p.idle_minutes = 4;
  EXPECT_EQ(domain::SessionTouchInterval(p), std::chrono::seconds(60));
  p.idle_minutes = 3;
  EXPECT_EQ(domain::SessionTouchInterval(p), std::chrono::seconds(45));
  p.idle_minutes = 1;
  EXPECT_EQ(domain::SessionTouchInterval(p), std::chrono::seconds(15));
}

TEST(Sessions, IdleAndAbsoluteLimits) {
  domain::PasswordPolicy p;
  const Instant t0{std::chrono::milliseconds(1796000000000)};
  domain::Session s;
  s.created_at = s.last_seen_at = t0;
  EXPECT_EQ(domain::EvaluateSession(s, t0 + 29min, p), domain::SessionState::kActive);
  EXPECT_EQ(domain::EvaluateSession(s, t0 + 30min, p), domain::SessionState::kIdleExpired);
  s.last_seen_at = t0 + 12h - 1min;
  EXPECT_EQ(domain::EvaluateSession(s, t0 + 12h, p), domain::SessionState::kAbsoluteExpired);
  s.ended_at = t0;
  EXPECT_EQ(domain::EvaluateSession(s, t0 + 1min, p), domain::SessionState::kEnded);
}

// A record is deleted only once it has stopped working for the whole retention period: ended,
// idle or past the absolute limit 30 days ago, to the millisecond.
TEST(Sessions, PurgeCutoffsLeaveEveryLiveSessionAlone) {
  domain::PasswordPolicy p;  // 30 minutes idle, 12 hours absolute
  const Instant now{std::chrono::milliseconds(1796000000000)};
  const auto c = domain::SessionPurgeAt(now, p);
  EXPECT_EQ(c.ended_before, now - 720h);
  EXPECT_EQ(c.token_before, now - 720h);
  EXPECT_EQ(c.last_seen_before, now - 720h - 30min);
  EXPECT_EQ(c.created_before, now - 720h - 12h);
  p.idle_minutes = 5;
  p.absolute_hours = 2;
  const auto d = domain::SessionPurgeAt(now, p);
  EXPECT_EQ(d.last_seen_before, now - 720h - 5min);
  EXPECT_EQ(d.created_before, now - 720h - 2h);
  // A session last seen just before the cutoff had expired 30 days before now; one seen at the
  // cutoff had only just expired then.
  domain::Session s;
  s.created_at = s.last_seen_at = d.last_seen_before - 1ms;
  EXPECT_EQ(domain::EvaluateSession(s, now - 720h - 1ms, p), domain::SessionState::kIdleExpired);
  s.created_at = d.created_before - 1ms;
  s.last_seen_at = now - 720h - 1min;
  EXPECT_EQ(domain::EvaluateSession(s, now - 720h - 1ms, p),
            domain::SessionState::kAbsoluteExpired);
}

class SessionStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::FreshDatabase>(GetParam());
    XA_REQUIRE_DB(*db_);
    store_ = testing::OpenStore(db_->url());
    ASSERT_NE(store_, nullptr);
    services_ = std::make_unique<app::Services>(app::Services{*store_, clock_});
    passwords_ = testing::SeedDemoAccounts(*services_, 5);
    ASSERT_FALSE(passwords_.empty());
  }
  Result<app::LoginResult> LoginAs(const std::string& user, const std::string& password,
                                   const std::string& source = "10.0.0.1") {
    return app::Login(*services_, throttle_, user, password, source, "test", "req");
  }

  std::unique_ptr<testing::FreshDatabase> db_;
  std::unique_ptr<storage::SqlStore> store_;
  FixedClock clock_{Instant{std::chrono::milliseconds(1796000000000)}};
  std::unique_ptr<app::Services> services_;
  app::LoginThrottle throttle_;
  std::map<std::string, std::string> passwords_;
};

TEST_P(SessionStore, IdleTimeoutEndsTheSession) {
  auto login = LoginAs("inspector", passwords_["inspector"]);
  ASSERT_TRUE(login.ok());
  clock_.Advance(29min);
  ASSERT_TRUE(app::Authenticate(*services_, login->session_token).ok());  // touches last_seen
  clock_.Advance(29min);
  ASSERT_TRUE(app::Authenticate(*services_, login->session_token).ok());
  clock_.Advance(30min);
  auto expired = app::Authenticate(*services_, login->session_token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(expired.error().details.at(0).field, "session_expired");
  // Once ended it stays ended, even if the clock were wound back.
  clock_.Advance(-30min);
  EXPECT_FALSE(app::Authenticate(*services_, login->session_token).ok());
}

// The idle limit counts from the last request, also when it is shorter than the interval at
// which last_seen is written.
TEST_P(SessionStore, ARequestEveryTenSecondsKeepsAOneMinuteIdleSessionAlive) {
  auto policy = app::GetPolicy(*services_);
  ASSERT_TRUE(policy.ok());
  policy->idle_minutes = 1;
  auto saved = app::UpdatePolicy(*services_, app::RequestContext{}, *policy);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  auto login = LoginAs("inspector", passwords_["inspector"]);
  ASSERT_TRUE(login.ok());
  for (int i = 0; i < 30; ++i) {
    clock_.Advance(10s);
    auto r = app::Authenticate(*services_, login->session_token);
    ASSERT_TRUE(r.ok()) << "after " << (i + 1) * 10 << " s: " << r.error().message;
  }
  clock_.Advance(59s);
  EXPECT_TRUE(app::Authenticate(*services_, login->session_token).ok());
  clock_.Advance(60s);
  EXPECT_FALSE(app::Authenticate(*services_, login->session_token).ok());
}

TEST_P(SessionStore, AbsoluteLimitEndsAnActiveSession) {
  auto login = LoginAs("inspector", passwords_["inspector"]);
  ASSERT_TRUE(login.ok());
  // Active just inside the idle limit, for just under 12 hours…
  for (int i = 0; i < 24; ++i) {
    clock_.Advance(29min + 59s);
    ASSERT_TRUE(app::Authenticate(*services_, login->session_token).ok()) << i;
  }
  // …then one more minute: not idle, but past the absolute limit.
  clock_.Advance(1min);
  auto r = app::Authenticate(*services_, login->session_token);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "session_expired");
}

// The daily clean-up deletes session and token records 30 days after they stopped working, and
// nothing younger; what it deleted is one audit record.
TEST_P(SessionStore, StaleSessionsAndTokensArePurgedAfterThirtyDays) {
  std::int64_t user = 0;
  const Instant t0 = clock_.Now();
  const auto session = [&](const std::string& id, Instant created, Instant seen) {
    domain::Session x;
    x.id_hash = id;
    x.user_id = user;
    x.csrf_token = "c";
    x.created_at = created;
    x.last_seen_at = seen;
    x.source = "10.0.0.1";
    x.user_agent = "test";
    return x;
  };
  ASSERT_TRUE(store_
                  ->Write([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto u, tx.users().FindByUsername("inspector"));
                    user = u->id;
                    XA_TRY(tx.users().InsertSession(session("ended", t0, t0)));
                    XA_TRY(tx.users().EndSession("ended", t0));
                    XA_TRY(tx.users().InsertSession(session("idle", t0, t0)));
                    // Seen until just before the absolute limit: it expires at t0 + 12 h.
                    XA_TRY(tx.users().InsertSession(session("long", t0, t0 + 11h + 59min)));
                    XA_TRY(tx.users().InsertSession(session("fresh", t0 + 720h, t0 + 720h)));
                    for (const auto& [name, expires] :
                         {std::pair{"revoked", t0 + 2400h}, std::pair{"expired", t0}}) {
                      domain::ApiToken tok;
                      tok.user_id = user;
                      tok.name = name;
                      tok.token_hash = name;
                      tok.created_at = FormatInstant(t0 - 24h);
                      tok.expires_at = FormatInstant(expires);
                      XA_TRY(tx.users().InsertToken(tok));
                      if (std::string(name) == "revoked") {
                        XA_TRY(tx.users().RevokeToken(user, tok.id, FormatInstant(t0)));
                      }
                    }
                    return {};
                  })
                  .ok());
  const auto left = [&]() {
    std::vector<std::string> out;
    EXPECT_TRUE(store_
                    ->Read([&](domain::Tx& tx) -> Status {
                      for (const char* id : {"ended", "idle", "long", "fresh"}) {
                        XA_ASSIGN_OR_RETURN(auto f, tx.users().FindSession(id));
                        if (f) out.emplace_back(id);
                      }
                      for (const char* t : {"revoked", "expired"}) {
                        XA_ASSIGN_OR_RETURN(auto f, tx.users().FindTokenByHash(t));
                        if (f) out.emplace_back(t);
                      }
                      return {};
                    })
                    .ok());
    std::string joined;
    for (const auto& x : out) joined += x + " ";
    return joined;
  };
  const auto purge_at = [&](Instant at) {
    clock_.Set(at);
    auto r = app::PurgeStaleSessions(*services_, app::RequestContext{});
    EXPECT_TRUE(r.ok());
    return r.ok() ? std::to_string(r->sessions) + "/" + std::to_string(r->tokens) : "error";
  };
  EXPECT_EQ(purge_at(t0 + 720h), "0/0");
  EXPECT_EQ(left(), "ended idle long fresh revoked expired ");
  EXPECT_EQ(purge_at(t0 + 720h + 1ms), "1/2");  // ended, and both tokens
  EXPECT_EQ(left(), "idle long fresh ");
  EXPECT_EQ(purge_at(t0 + 720h + 30min), "0/0");
  EXPECT_EQ(purge_at(t0 + 720h + 30min + 1ms), "1/0");  // idle since t0
  EXPECT_EQ(purge_at(t0 + 720h + 12h), "0/0");
  EXPECT_EQ(purge_at(t0 + 720h + 12h + 1ms), "1/0");  // past the absolute limit at t0 + 12 h
  EXPECT_EQ(left(), "fresh ");
  std::int64_t audited = 0;
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    domain::AuditFilter f;
                    f.action = "session.purge";
                    XA_ASSIGN_OR_RETURN(auto page, tx.audit().Search(f));
                    audited = page.total;
                    return {};
                  })
                  .ok());
  EXPECT_EQ(audited, 3);
}

TEST_P(SessionStore, LockLastsThirtyMinutes) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(LoginAs("safety_office", "Wrong#Passw0rd9").ok());
  auto locked = LoginAs("safety_office", passwords_["safety_office"]);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().details.at(0).field, "locked");
  clock_.Advance(29min);
  EXPECT_FALSE(LoginAs("safety_office", passwords_["safety_office"]).ok());
  clock_.Advance(1min);
  EXPECT_TRUE(LoginAs("safety_office", passwords_["safety_office"]).ok());
}

// Failures from one address stop that address only: the person logs in from another. Failures
// from many addresses together lock the account, until the security administrator unlocks it.
TEST_P(SessionStore, OneAddressCannotLockAnAccountForEveryone) {
  for (int i = 0; i < 5; ++i) (void)LoginAs("auditor", "Wrong#Passw0rd9", "198.51.100.7");
  auto here = LoginAs("auditor", passwords_["auditor"], "198.51.100.7");
  ASSERT_FALSE(here.ok());
  EXPECT_EQ(here.error().details.at(0).field, "locked");
  EXPECT_TRUE(LoginAs("auditor", passwords_["auditor"], "10.0.0.1").ok());
  // A name that is no account answers the same way, address by address.
  for (int i = 0; i < 5; ++i) (void)LoginAs("no_such_one", "Wrong#Passw0rd9", "198.51.100.7");
  auto unknown = LoginAs("no_such_one", passwords_["auditor"], "198.51.100.7");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, here.error().message);
  auto elsewhere = LoginAs("no_such_one", "Wrong#Passw0rd9", "10.0.0.1");
  EXPECT_EQ(elsewhere.error().details.at(0).field, "credentials");

  // Four addresses, five failures each: twenty, and the account itself is locked.
  for (int a = 1; a <= 4; ++a) {
    for (int i = 0; i < 5; ++i) {
      (void)LoginAs("inspector", "Wrong#Passw0rd9", "203.0.113." + std::to_string(a));
    }
  }
  auto fifth = LoginAs("inspector", passwords_["inspector"], "203.0.113.5");
  ASSERT_FALSE(fifth.ok());
  EXPECT_EQ(fifth.error().details.at(0).field, "locked");
  // Nineteen would not have: another account, three addresses and four more failures.
  for (int a = 1; a <= 3; ++a) {
    for (int i = 0; i < 5; ++i) {
      (void)LoginAs("safety_office", "Wrong#Passw0rd9", "203.0.114." + std::to_string(a));
    }
  }
  for (int i = 0; i < 4; ++i) (void)LoginAs("safety_office", "Wrong#Passw0rd9", "203.0.114.4");
  EXPECT_TRUE(LoginAs("safety_office", passwords_["safety_office"], "203.0.114.5").ok());

  auto sec = LoginAs("secadmin", passwords_["secadmin"]);
  ASSERT_TRUE(sec.ok());
  app::RequestContext ctx;
  ctx.principal = sec->principal;
  ctx.actor = "secadmin";
  auto inspector = LoginAs("inspector", passwords_["inspector"], "203.0.113.5");
  ASSERT_FALSE(inspector.ok());
  std::int64_t inspector_id = 0;
  ASSERT_TRUE(store_
                  ->Read([&](domain::Tx& tx) -> Status {
                    XA_ASSIGN_OR_RETURN(auto u, tx.users().FindByUsername("inspector"));
                    inspector_id = u->id;
                    return {};
                  })
                  .ok());
  auto unlocked = app::UnlockUser(*services_, ctx, throttle_, inspector_id);
  ASSERT_TRUE(unlocked.ok()) << unlocked.error().message;
  EXPECT_FALSE(unlocked->locked_until.has_value());
  // The account and every address are open again.
  EXPECT_TRUE(LoginAs("inspector", passwords_["inspector"], "203.0.113.1").ok());
}

TEST_P(SessionStore, AddressRateLimit) {
  for (int i = 0; i < 20; ++i) (void)LoginAs("nobody", "x", "10.9.9.9");
  auto limited = LoginAs("inspector", passwords_["inspector"], "10.9.9.9");
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.error().details.at(0).field, "rate_limited");
  EXPECT_TRUE(LoginAs("inspector", passwords_["inspector"], "10.9.9.10").ok());
  clock_.Advance(61s);
  EXPECT_TRUE(LoginAs("inspector", passwords_["inspector"], "10.9.9.9").ok());
}

TEST_P(SessionStore, PasswordExpiryForcesAChange) {
  auto login = LoginAs("inspector", passwords_["inspector"]);
  ASSERT_TRUE(login.ok());
  EXPECT_FALSE(login->principal.must_change_password);
  clock_.Advance(std::chrono::days(91));
  auto again = LoginAs("inspector", passwords_["inspector"]);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->principal.must_change_password);
}

// A signature's password is checked before the write transaction; if the password changes in
// between, the write refuses instead of recording a signature made with the old one.
TEST_P(SessionStore, ASignatureCheckedBeforeAPasswordChangeIsRefused) {
  auto login = LoginAs("inspector", passwords_["inspector"]);
  ASSERT_TRUE(login.ok());
  const auto ctx = app::ContextFor(login->principal, "10.0.0.1", "req");
  auto signer = app::VerifySigner(*services_, ctx, passwords_["inspector"], "");
  ASSERT_TRUE(signer.ok()) << signer.error().message;
  EXPECT_EQ(signer->method, "password");
  auto wrong = app::VerifySigner(*services_, ctx, "Wrong#Passw0rd9", "");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().details.at(0).field, "password");

  app::SignRequest req{"report", "7", "confirm", "本人确认", "", ""};
  auto sign = [&] {
    Result<domain::Signature> out = domain::Signature{};
    auto st = services_->store.Write([&](domain::Tx& tx) -> Status {
      XA_ASSIGN_OR_RETURN(auto sig, app::SignInTx(*services_, ctx, tx, req, *signer));
      out = sig;
      return {};
    });
    if (!st.ok()) return Result<domain::Signature>(std::move(st).error());
    return out;
  };
  auto first = sign();
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->username, "inspector");
  EXPECT_GT(first->id, 0);

  ASSERT_TRUE(
      app::ChangePassword(*services_, ctx, passwords_["inspector"], "Blue#Harbor2026xq").ok());
  auto stale = sign();
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(stale.error().details.at(0).field, "password");
}

INSTANTIATE_TEST_SUITE_P(Stores, SessionStore, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace xiaoan
