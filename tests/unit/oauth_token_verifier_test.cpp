// OAuth access tokens (tsr_oat_) through the same verifier as personal
// access tokens: they act with their grant, only on the resource they were
// issued for, and a revoked grant, an expired token, a disabled user or a
// refresh token sent as a bearer token is refused with its own reason.
#include <gtest/gtest.h>

#include "auth/digest.h"
#include "auth/oauth_credential_store.h"
#include "auth/token_format.h"
#include "auth/token_verifier.h"
#include "features/oauth/oauth_store.h"
#include "features/users/user_store.h"
#include "verifier_harness.h"

namespace tessera::auth {
namespace {

constexpr UnixMillis kHour = kMillisPerDay / 24;

class OAuthTokenVerifierTest : public ::testing::Test, public testing::VerifierHarness {
 protected:
  OAuthTokenVerifierTest() {
    request.clientIp = "10.0.0.8";
    request.path = "/mcp";
    grant.id = features::newGrantId();
    grant.userId = "usr1";
    grant.clientId = "https://agent.example/client.json";
    grant.scopes = {"read"};
    grant.baseIds = {"bse1"};
    grant.resources = {std::string(kMcpResource)};
    grant.createdAt = nowMillis();
    grant.expiresAt = grant.createdAt + 30 * kMillisPerDay;
    db.database.write([&](store::Session& session) {
      features::insertClient(session, {grant.clientId,
                                       features::OAuthClientKind::MetadataDocument,
                                       "Agent",
                                       std::nullopt,
                                       std::nullopt,
                                       {"http://127.0.0.1/callback"},
                                       grant.createdAt});
      features::insertGrant(session, grant);
    });
    access = issue(TokenKind::OAuthAccess, grant.id, kHour);
  }

  // A token of `kind` under the grant `grantId`, valid for `lifetime`.
  std::string issue(TokenKind kind, const std::string& grantId, UnixMillis lifetime) {
    const std::string id = newTokenId();
    const std::string secret = newTokenSecret();
    db.database.write([&](store::Session& session) {
      features::insertOAuthToken(session, id, grantId, kind, sha256Hex(secret), nowMillis(),
                                 nowMillis() + lifetime);
    });
    return makeToken(kind, id, secret);
  }

  // The verdict on `candidate` sent to `path`.
  std::string verdictOn(std::string_view candidate, const std::string& path = "/mcp") {
    request.path = path;
    return verdict(candidate);
  }

  features::OAuthGrant grant;
  std::string access;
};

TEST_F(OAuthTokenVerifierTest, AnAccessTokenActsForItsUserWithItsGrant) {
  const auto outcome = verifier.verify(access, request);
  const auto* principal = std::get_if<access::Principal>(&outcome);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->userId, "usr1");
  ASSERT_TRUE(principal->token);
  EXPECT_EQ(principal->token->id, grant.id);
  EXPECT_EQ(principal->token->clientId, grant.clientId);
  EXPECT_EQ(principal->token->name, "Agent");
  EXPECT_EQ(principal->token->baseIds, std::vector<std::string>{"bse1"});
  EXPECT_TRUE(principal->token->scopes.allows(access::Action::RecordRead));
  EXPECT_FALSE(principal->token->scopes.allows(access::Action::RecordCreate));
  ASSERT_TRUE(principal->token->expiresAt);
  EXPECT_LE(*principal->token->expiresAt, nowMillis() + kHour);
}

TEST_F(OAuthTokenVerifierTest, ATokenWorksOnlyOnTheResourceItWasIssuedFor) {
  EXPECT_EQ(verdictOn(access, "/mcp"), "accepted");
  EXPECT_EQ(verdictOn(access, "/api/base/bse1/table"), "token_wrong_resource");
  EXPECT_EQ(verdictOn(access, "/mcp"), "accepted") << "and again from the cache";
  EXPECT_EQ(verdictOn(access, "/api/auth/token"), "token_wrong_resource") << "cached, still bound";

  features::OAuthGrant both = grant;
  both.id = features::newGrantId();
  both.resources = {std::string(kMcpResource), std::string(kApiResource)};
  db.database.write([&](store::Session& session) { features::insertGrant(session, both); });
  const std::string forBoth = issue(TokenKind::OAuthAccess, both.id, kHour);
  EXPECT_EQ(verdictOn(forBoth, "/mcp"), "accepted");
  EXPECT_EQ(verdictOn(forBoth, "/api/base/bse1/table"), "accepted");
}

TEST_F(OAuthTokenVerifierTest, EachRefusalSaysWhatIsWrong) {
  EXPECT_EQ(verdictOn(issue(TokenKind::OAuthRefresh, grant.id, kMillisPerDay)), "token_wrong_kind")
      << "a refresh token is no bearer token";
  EXPECT_EQ(verdictOn(issue(TokenKind::OAuthAccess, grant.id, -1)), "token_expired");
  EXPECT_EQ(verdictOn(makeToken(TokenKind::OAuthAccess, newTokenId(), newTokenSecret())),
            "token_unknown");
  const std::string otherSecret = makeToken(
      TokenKind::OAuthAccess, access.substr(kTokenPrefixLength, kTokenIdLength), newTokenSecret());
  EXPECT_EQ(verdictOn(otherSecret), "token_unknown") << "the id with another secret";
  std::string personalShape = access;
  personalShape.replace(0, kTokenPrefixLength, "tsr_pat_");
  EXPECT_EQ(verdictOn(personalShape), "token_malformed") << "the kind is under the checksum";
}

TEST_F(OAuthTokenVerifierTest, RevokingTheGrantOrDisablingTheUserEndsItsTokensAtOnce) {
  EXPECT_EQ(verdictOn(access), "accepted");  // now cached
  db.database.write([&](store::Session& session) {
    EXPECT_TRUE(auth::revokeGrant(session, grant.id, nowMillis(), "user"));
    EXPECT_FALSE(auth::revokeGrant(session, grant.id, nowMillis(), "user")) << "once";
  });
  EXPECT_EQ(verdictOn(access), "token_revoked");

  features::OAuthGrant second = grant;
  second.id = features::newGrantId();
  db.database.write([&](store::Session& session) { features::insertGrant(session, second); });
  const std::string token = issue(TokenKind::OAuthAccess, second.id, kHour);
  EXPECT_EQ(verdictOn(token), "accepted");
  db.database.write(
      [&](store::Session& session) { features::setUserDisabled(session, "a@b.co", true); });
  EXPECT_EQ(verdictOn(token), "token_revoked");
}

TEST_F(OAuthTokenVerifierTest, ItsUseIsRecordedOnTheGrant) {
  request.clientIp = "192.0.2.44";
  ASSERT_EQ(verdictOn(access), "accepted");
  lastUsed.flush();
  const auto used = db.database.read([&](store::Session& session) {
    return session.query("SELECT last_used_at, last_used_ip FROM oauth_grants WHERE id = ?",
                         {grant.id});
  });
  ASSERT_EQ(used.size(), 1u);
  EXPECT_FALSE(used[0].isNull(0));
  EXPECT_EQ(used[0].text(1), "192.0.2.44");
}

}  // namespace
}  // namespace tessera::auth
