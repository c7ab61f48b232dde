#include "features/tokens/token_store.h"

#include <gtest/gtest.h>

#include "user_database.h"

namespace tessera::features {
namespace {

TokenRecord token(std::string id, UnixMillis createdAt) {
  TokenRecord record;
  record.id = std::move(id);
  record.userId = "usr1";
  record.name = "CI";
  record.scopes = {"read", "record:create"};
  record.spaceIds = {"spc1"};
  record.createdAt = createdAt;
  record.lifetimeMillis = 1000;
  record.expiresAt = createdAt + 1000;
  return record;
}

TEST(TokenStoreTest, TokensAreReadBackNewestFirstWithTheirLists) {
  testing::UserDatabase db;
  db.database.write([](store::Session& session) {
    insertToken(session, token("tokOld", 10), "hashOld");
    insertToken(session, token("tokNew", 20), "hashNew");
  });
  db.database.read([](store::Session& session) {
    const auto all = loadTokens(session, "usr1");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, "tokNew");
    EXPECT_EQ(all[0].scopes, (std::vector<std::string>{"read", "record:create"}));
    EXPECT_EQ(all[0].spaceIds, std::vector<std::string>{"spc1"});
    EXPECT_EQ(all[0].expiresAt, 1020);
    EXPECT_FALSE(loadToken(session, "usrOther", "tokNew")) << "only the owner's";
    EXPECT_EQ(liveTokenOwner(session, "tokNew", "hashNew"), "usr1");
    EXPECT_EQ(liveTokenOwner(session, "tokNew", "hashOld"), std::nullopt);
  });
}

TEST(TokenStoreTest, ARevokedTokenIsGoneButStillBelongsToItsOwner) {
  testing::UserDatabase db;
  db.database.write([](store::Session& session) {
    insertToken(session, token("tok1", 10), "hash1");
    revokeToken(session, "tok1");
  });
  db.database.read([](store::Session& session) {
    EXPECT_FALSE(loadToken(session, "usr1", "tok1"));
    EXPECT_TRUE(loadTokens(session, "usr1").empty());
    EXPECT_EQ(liveTokenOwner(session, "tok1", "hash1"), std::nullopt);
    EXPECT_TRUE(tokenBelongsTo(session, "tok1", "usr1")) << "its history stays readable";
    EXPECT_FALSE(tokenBelongsTo(session, "tok1", "usr2"));
  });
}

TEST(TokenStoreTest, MetadataAndSecretChangeApart) {
  testing::UserDatabase db;
  TokenRecord record = token("tok1", 10);
  db.database.write([&](store::Session& session) {
    insertToken(session, record, "hash1");
    record.name = "Deploy";
    record.baseIds = {"bse9"};
    updateTokenMetadata(session, record);
    record.expiresAt = 5000;
    replaceTokenSecret(session, record, "hash2");
  });
  db.database.read([](store::Session& session) {
    const auto stored = loadToken(session, "usr1", "tok1");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->name, "Deploy");
    EXPECT_EQ(stored->baseIds, std::vector<std::string>{"bse9"});
    EXPECT_EQ(stored->expiresAt, 5000);
    EXPECT_EQ(liveTokenOwner(session, "tok1", "hash2"), "usr1");
    EXPECT_EQ(liveTokenOwner(session, "tok1", "hash1"), std::nullopt) << "the old secret is dead";
  });
}

}  // namespace
}  // namespace tessera::features
