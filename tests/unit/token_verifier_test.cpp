#include "auth/token_verifier.h"

#include <gtest/gtest.h>

#include "auth/digest.h"
#include "auth/token_format.h"
#include "features/tokens/token_store.h"
#include "features/users/user_store.h"
#include "verifier_harness.h"

namespace tessera::auth {
namespace {

class TokenVerifierTest : public ::testing::Test, public testing::VerifierHarness {
 protected:
  TokenVerifierTest() {
    request.clientIp = "10.0.0.7";
    token.id = newTokenId();
    token.userId = "usr1";
    token.name = "CI";
    token.scopes = {"read"};
    token.baseIds = {"bse1"};
    token.createdAt = nowMillis();
    token.expiresAt = token.createdAt + kMillisPerDay;
    const std::string secret = newTokenSecret();
    value = makeToken(TokenKind::Personal, token.id, secret);
    db.database.write(
        [&](store::Session& session) { features::insertToken(session, token, sha256Hex(secret)); });
  }

  features::TokenRecord token;
  std::string value;
};

TEST_F(TokenVerifierTest, AValidTokenActsForItsUserWithItsGrant) {
  const auto outcome = verifier.verify(value, request);
  const auto* principal = std::get_if<access::Principal>(&outcome);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->userId, "usr1");
  ASSERT_TRUE(principal->token);
  EXPECT_EQ(principal->token->id, token.id);
  EXPECT_EQ(principal->token->baseIds, std::vector<std::string>{"bse1"});
  EXPECT_TRUE(principal->token->scopes.allows(access::Action::RecordRead));
  EXPECT_FALSE(principal->token->scopes.allows(access::Action::RecordCreate));
  EXPECT_EQ(principal->token->expiresAt, token.expiresAt);
}

TEST_F(TokenVerifierTest, EachKindOfBadTokenSaysWhatIsWrong) {
  EXPECT_EQ(verdict("tsr_pat_short"), "token_malformed");
  std::string mistyped = value;
  mistyped[20] = mistyped[20] == 'a' ? 'b' : 'a';
  EXPECT_EQ(verdict(mistyped), "token_malformed") << "the checksum catches a typo";
  EXPECT_EQ(verdict(makeToken(TokenKind::Personal, newTokenId(), newTokenSecret())),
            "token_unknown");
  EXPECT_EQ(verdict(makeToken(TokenKind::Personal, token.id, newTokenSecret())), "token_unknown")
      << "a wrong secret for a real id says no more than an unknown token";
}

TEST_F(TokenVerifierTest, RefreshDeleteAndADisabledAccountAreSeenAtOnceThroughTheCache) {
  EXPECT_EQ(verdict(value), "accepted");
  EXPECT_EQ(verdict(value), "accepted") << "now from the cache";
  const std::string secret = newTokenSecret();
  db.database.write([&](store::Session& session) {
    features::replaceTokenSecret(session, token, sha256Hex(secret));
  });
  EXPECT_EQ(verdict(value), "token_refreshed");
  const std::string fresh = makeToken(TokenKind::Personal, token.id, secret);
  EXPECT_EQ(verdict(fresh), "accepted");
  db.database.write(
      [](store::Session& session) { features::setUserDisabled(session, "a@b.co", true); });
  EXPECT_EQ(verdict(fresh), "token_revoked");
  db.database.write([&](store::Session& session) {
    features::setUserDisabled(session, "a@b.co", false);
    features::revokeToken(session, token.id);
  });
  EXPECT_EQ(verdict(fresh), "token_revoked");
}

TEST_F(TokenVerifierTest, AnExpiredTokenIsRefusedSayingWhen) {
  features::TokenRecord old = token;
  old.id = newTokenId();
  old.expiresAt = nowMillis() - 1000;
  const std::string secret = newTokenSecret();
  db.database.write(
      [&](store::Session& session) { features::insertToken(session, old, sha256Hex(secret)); });
  const auto outcome = verifier.verify(makeToken(TokenKind::Personal, old.id, secret), request);
  const auto* refusal = std::get_if<http::ApiError>(&outcome);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->code(), "token_expired");
  EXPECT_NE(std::string(refusal->what()).find(formatRfc3339(*old.expiresAt).substr(0, 10)),
            std::string::npos);
}

TEST_F(TokenVerifierTest, FailuresReachTheAuditLogAndUsesTheLastUsedTime) {
  EXPECT_EQ(verdict(makeToken(TokenKind::Personal, token.id, newTokenSecret())), "token_unknown");
  EXPECT_EQ(verdict(value), "accepted");
  audit.flush();
  lastUsed.flush();
  db.database.read([&](store::Session& session) {
    const auto events = audit::loadTokenEvents(session, token.id, 10);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].event, "token.auth_failed");
    EXPECT_EQ(events[0].ip, "10.0.0.7");
    const auto stored = features::loadToken(session, "usr1", token.id);
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->lastUsedAt);
    EXPECT_EQ(stored->lastUsedIp, "10.0.0.7");
  });
}

}  // namespace
}  // namespace tessera::auth
