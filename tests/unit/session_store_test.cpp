#include "auth/session_store.h"

#include <gtest/gtest.h>

#include <thread>

#include "auth/digest.h"
#include "user_database.h"

namespace tessera::auth {
namespace {

class SessionStoreTest : public ::testing::Test {
 protected:
  IssuedSession issue(const SessionStore& sessions) {
    return database.write(
        [&](store::Session& session) { return sessions.create(session, "usr1"); });
  }

  testing::UserDatabase fixture;
  store::SqliteDatabase& database = fixture.database;
};

TEST_F(SessionStoreTest, FindsALiveSessionAndStoresOnlyDigests) {
  SessionStore sessions(database, {});
  const IssuedSession issued = issue(sessions);
  EXPECT_GE(issued.secret.size(), 43u);
  const auto found = sessions.find(issued.secret);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->userId, "usr1");
  EXPECT_EQ(found->csrfHash, sha256Hex(issued.csrfToken));
  const auto stored = database.read([](store::Session& session) {
    return session.query("SELECT secret_hash, csrf_hash FROM browser_sessions");
  });
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_NE(stored[0].text(0), issued.secret);
  EXPECT_NE(stored[0].text(1), issued.csrfToken);
  EXPECT_FALSE(sessions.find(issued.secret.substr(1) + "x"));
}

TEST_F(SessionStoreTest, IdleSessionsExpire) {
  SessionStore sessions(database, {std::chrono::seconds(1), std::chrono::seconds(60)});
  const IssuedSession issued = issue(sessions);
  EXPECT_TRUE(sessions.find(issued.secret));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_FALSE(sessions.find(issued.secret));
}

TEST_F(SessionStoreTest, SessionsEndAtTheirLifetimeEvenWhenUsed) {
  SessionStore sessions(database, {std::chrono::seconds(60), std::chrono::seconds(1)});
  const IssuedSession issued = issue(sessions);
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    EXPECT_TRUE(sessions.find(issued.secret)) << i;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_FALSE(sessions.find(issued.secret));
}

TEST_F(SessionStoreTest, RevokedSessionsAreGone) {
  SessionStore sessions(database, {});
  const IssuedSession issued = issue(sessions);
  sessions.revoke(sha256Hex(issued.secret));
  EXPECT_FALSE(sessions.find(issued.secret));
}

}  // namespace
}  // namespace tessera::auth
