#include "auth/credential_store.h"

#include <gtest/gtest.h>

#include "features/tokens/token_store.h"
#include "features/users/user_store.h"
#include "user_database.h"

namespace tessera::auth {
namespace {

class CredentialStoreTest : public ::testing::Test {
 protected:
  CredentialStoreTest() {
    db.database.write([](store::Session& session) {
      features::TokenRecord token;
      token.id = "tok1";
      token.userId = "usr1";
      token.name = "CI";
      token.scopes = {"write"};
      token.baseIds = {"bse1", "bse2"};
      token.createdAt = 10;
      token.expiresAt = 500;
      features::insertToken(session, token, "hash1");
      features::replaceTokenSecret(session, token, "hash2");
    });
  }

  std::optional<StoredCredential> load(const std::string& id) {
    return db.database.read([&](store::Session& session) { return loadCredential(session, id); });
  }

  testing::UserDatabase db;
};

TEST_F(CredentialStoreTest, TheTokenComesWithItsGrantAndItsOwnersState) {
  const auto credential = load("tok1");
  ASSERT_TRUE(credential);
  EXPECT_EQ(credential->userId, "usr1");
  EXPECT_EQ(credential->scopes, std::vector<std::string>{"write"});
  EXPECT_EQ(credential->baseIds, (std::vector<std::string>{"bse1", "bse2"}));
  EXPECT_EQ(credential->secretHash, "hash2");
  EXPECT_EQ(credential->expiresAt, 500);
  EXPECT_FALSE(credential->revokedAt);
  EXPECT_FALSE(credential->userIsAdmin);
  EXPECT_FALSE(credential->userDisabled);
  EXPECT_FALSE(load("tokNone"));

  db.database.write([](store::Session& session) {
    features::setUserDisabled(session, "a@b.co", true);
    features::revokeToken(session, "tok1");
  });
  const auto revoked = load("tok1");
  ASSERT_TRUE(revoked) << "a deleted token is still found, to say so";
  EXPECT_TRUE(revoked->revokedAt);
  EXPECT_TRUE(revoked->userDisabled);
}

TEST_F(CredentialStoreTest, ARefreshedSecretIsKnownAsRetired) {
  db.database.read([](store::Session& session) {
    EXPECT_TRUE(isRetiredSecret(session, "tok1", "hash1"));
    EXPECT_FALSE(isRetiredSecret(session, "tok1", "hash2"));
    EXPECT_FALSE(isRetiredSecret(session, "tokOther", "hash1"));
  });
}

TEST_F(CredentialStoreTest, AUseIsRecordedOnlyWhenItIsTheLatest) {
  db.database.write([](store::Session& session) {
    recordTokenUse(session, "tok1", 200, "10.0.0.2");
    recordTokenUse(session, "tok1", 100, "10.0.0.1");
  });
  const auto token = db.database.read(
      [](store::Session& session) { return features::loadToken(session, "usr1", "tok1"); });
  ASSERT_TRUE(token);
  EXPECT_EQ(token->lastUsedAt, 200);
  EXPECT_EQ(token->lastUsedIp, "10.0.0.2");
}

}  // namespace
}  // namespace tessera::auth
