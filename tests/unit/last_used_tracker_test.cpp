#include "auth/last_used_tracker.h"

#include <gtest/gtest.h>

#include "user_database.h"

namespace tessera::auth {
namespace {

class LastUsedTrackerTest : public ::testing::Test {
 protected:
  LastUsedTrackerTest() {
    database.write([](store::Session& session) {
      session.execute(
          "INSERT INTO access_tokens (id, user_id, name, description, scopes, space_ids,"
          " base_ids, secret_hash, created_at, updated_at)"
          " VALUES ('tok1', 'usr1', 't', '', '[]', '[]', '[]', 'h', 0, 0)");
    });
  }

  std::optional<std::int64_t> storedLastUse() {
    return database.read([](store::Session& session) {
      return session.query("SELECT last_used_at FROM access_tokens WHERE id = 'tok1'")[0]
          .optionalInteger(0);
    });
  }

  void setWritesFail(bool fail) {
    database.write([&](store::Session& session) {
      session.execute(fail ? "CREATE TRIGGER refuse BEFORE UPDATE ON access_tokens"
                             " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                           : "DROP TRIGGER refuse");
    });
  }

  testing::UserDatabase fixture;
  store::SqliteDatabase& database = fixture.database;
};

TEST_F(LastUsedTrackerTest, AFlushWritesTheUseAndEmptiesTheBacklog) {
  LastUsedTracker tracker(database);
  tracker.record("tok1", "192.0.2.1");
  EXPECT_EQ(tracker.backlog().uses, 1u);
  tracker.flush();
  EXPECT_EQ(tracker.backlog().uses, 0u);
  EXPECT_TRUE(storedLastUse());
}

TEST_F(LastUsedTrackerTest, AFailedFlushKeepsTheUsesForTheNextOne) {
  LastUsedTracker tracker(database);
  tracker.record("tok1", "192.0.2.1");
  setWritesFail(true);
  EXPECT_ANY_THROW(tracker.flush());
  ASSERT_TRUE(tracker.pending("tok1"));
  EXPECT_EQ(tracker.pending("tok1")->ip, "192.0.2.1");
  EXPECT_FALSE(storedLastUse());

  setWritesFail(false);
  tracker.flush();
  EXPECT_EQ(tracker.backlog().uses, 0u);
  EXPECT_TRUE(storedLastUse());
}

}  // namespace
}  // namespace tessera::auth
