#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include "auth/digest.h"
#include "auth/token_format.h"
#include "features/tokens/token_store.h"
#include "user_database.h"

namespace tessera::auth {
namespace {

class AuthenticatorTest : public ::testing::Test {
 protected:
  AuthenticatorTest() {
    issued = db.database.write(
        [&](store::Session& session) { return sessions.create(session, "usr1"); });
    features::TokenRecord record;
    record.id = newTokenId();
    record.userId = "usr1";
    record.name = "CI";
    record.scopes = {"read"};
    record.createdAt = nowMillis();
    record.expiresAt = record.createdAt + kMillisPerDay;
    const std::string secret = newTokenSecret();
    token = makeToken(TokenKind::Personal, record.id, secret);
    db.database.write([&](store::Session& session) {
      features::insertToken(session, record, sha256Hex(secret));
    });
  }

  http::Request request(std::string method, http::HeaderList headers) {
    http::Request made;
    made.method = std::move(method);
    made.headers = std::move(headers);
    made.clientIp = "10.0.0.5";
    return made;
  }

  std::string cookies(const std::string& csrf) {
    return std::string(kSessionCookie) + "=" + issued.secret + "; " + std::string(kCsrfCookie) +
           "=" + csrf;
  }

  // The refusal code, or "session" / "token" / "nobody" for who was found.
  std::string who(const http::Request& candidate) {
    auto outcome = authenticator.authenticate(candidate);
    if (auto* refusal = std::get_if<http::ApiError>(&outcome)) return refusal->code();
    if (auto* found = std::get_if<Authentication>(&outcome)) {
      EXPECT_EQ(found->principal.userId, "usr1");
      return found->browserSession ? "session" : "token";
    }
    return "nobody";
  }

  testing::UserDatabase db;
  SessionStore sessions{db.database, {}};
  LastUsedTracker lastUsed{db.database};
  audit::AuditLog audit{db.database};
  TokenVerifier tokens{db.database, lastUsed, audit};
  AttemptLimiter badTokens{3, std::chrono::seconds(60)};
  Authenticator authenticator{sessions, tokens, badTokens};
  IssuedSession issued;
  std::string token;
};

TEST_F(AuthenticatorTest, ACookieOrABearerTokenSaysWhoAndTheTokenWins) {
  EXPECT_EQ(who(request("GET", {})), "nobody");
  EXPECT_EQ(who(request("GET", {{"Cookie", cookies("x")}})), "session");
  EXPECT_EQ(who(request("GET", {{"Authorization", "Bearer " + token}})), "token");
  EXPECT_EQ(who(request("GET", {{"authorization", "bearer  " + token + " "}})), "token")
      << "the scheme ignores case and spaces around the token are dropped";
  EXPECT_EQ(who(request("GET", {{"Cookie", cookies("x")}, {"Authorization", "Bearer " + token}})),
            "token");
  EXPECT_EQ(who(request("GET", {{"Cookie", std::string(kSessionCookie) + "=gone"}})),
            "session_expired");
  EXPECT_EQ(who(request("GET", {{"Authorization", "Basic dXNlcjpwYXNz"}})), "token_malformed");
}

TEST_F(AuthenticatorTest, ADeadSessionCookieIsNoCredentialWhereAnyoneMayCall) {
  const http::Request stale = request("POST", {{"Cookie", std::string(kSessionCookie) + "=gone"}});
  const auto outcome = authenticator.authenticate(stale, Authenticator::DeadSession::Ignore);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(outcome))
      << "signing in again with an ended session's cookie in the browser works";
  const auto badToken =
      authenticator.authenticate(request("POST", {{"Authorization", "Bearer tsr_pat_nope"}}),
                                 Authenticator::DeadSession::Ignore);
  EXPECT_TRUE(std::holds_alternative<http::ApiError>(badToken)) << "a bad token is still refused";
}

TEST_F(AuthenticatorTest, AnAddressSendingBadTokensIsHeldOffBeforeItsTokenIsRead) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(who(request("GET", {{"Authorization", "Bearer tsr_pat_nope"}})), "token_malformed");
  }
  EXPECT_EQ(who(request("GET", {{"Authorization", "Bearer " + token}})), "too_many_requests");
  http::Request elsewhere = request("GET", {{"Authorization", "Bearer " + token}});
  elsewhere.clientIp = "10.0.0.6";
  EXPECT_EQ(who(elsewhere), "token");
}

TEST_F(AuthenticatorTest, WhatTheShapeRefusesIsRefusedWithoutALookupAndCounted) {
  const auto atOnce = [&](http::HeaderList headers) {
    auto refusal = authenticator.refuseWithoutLookup(request("GET", std::move(headers)));
    return refusal ? refusal->code() : "look it up";
  };
  EXPECT_EQ(atOnce({}), "look it up");
  EXPECT_EQ(atOnce({{"Cookie", cookies("x")}}), "look it up");
  EXPECT_EQ(atOnce({{"Authorization", "Bearer " + token}}), "look it up");
  const std::string unknown = makeToken(TokenKind::Personal, newTokenId(), newTokenSecret());
  EXPECT_EQ(atOnce({{"Authorization", "Bearer " + unknown}}), "look it up")
      << "only the store knows a well-formed token is unknown";
  EXPECT_EQ(atOnce({{"Authorization", "Basic dXNlcjpwYXNz"}}), "token_malformed");
  EXPECT_EQ(atOnce({{"Authorization", "Bearer tsr_pat_nope"}}), "token_malformed");
  const std::string refresh = makeToken(TokenKind::OAuthRefresh, newTokenId(), newTokenSecret());
  EXPECT_EQ(atOnce({{"Authorization", "Bearer " + refresh}}), "token_wrong_kind");
  EXPECT_EQ(atOnce({{"Authorization", "Bearer " + token + "x"}}), "token_malformed");
  EXPECT_EQ(atOnce({{"Authorization", "Bearer " + token}}), "too_many_requests")
      << "the refusals above count against the address like authenticate()'s";
}

TEST_F(AuthenticatorTest, ChangesMadeWithACookieNeedTheMatchingCsrfToken) {
  const auto check = [&](const http::Request& candidate) {
    auto outcome = authenticator.authenticate(candidate);
    const auto refusal = authenticator.checkCsrf(candidate, std::get<Authentication>(outcome));
    return refusal ? refusal->code() : std::string("ok");
  };
  const std::string csrf = issued.csrfToken;
  EXPECT_EQ(check(request("GET", {{"Cookie", cookies(csrf)}})), "ok") << "reads need none";
  EXPECT_EQ(check(request("POST", {{"Cookie", cookies(csrf)}, {"X-CSRF-Token", csrf}})), "ok");
  EXPECT_EQ(check(request("POST", {{"Cookie", cookies(csrf)}})), "csrf_failed");
  EXPECT_EQ(check(request("DELETE", {{"Cookie", cookies(csrf)}, {"X-CSRF-Token", "other"}})),
            "csrf_failed");
  EXPECT_EQ(check(request("POST", {{"Cookie", cookies("forged")}, {"X-CSRF-Token", "forged"}})),
            "csrf_failed")
      << "cookie and header agreeing is not enough: the token is bound to the session";
  EXPECT_EQ(check(request("POST", {{"Authorization", "Bearer " + token}})), "ok")
      << "a bearer token is not sent by a browser on its own";
}

}  // namespace
}  // namespace tessera::auth
