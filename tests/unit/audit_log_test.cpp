#include "audit/audit_log.h"

#include <gtest/gtest.h>

#include "user_database.h"

namespace tessera::audit {
namespace {

std::size_t eventsOf(store::Database& database, const std::string& tokenId) {
  return database.read(
      [&](store::Session& session) { return loadTokenEvents(session, tokenId, 20000).size(); });
}

TEST(AuditLogTest, BufferedEventsAreWrittenAtTheFlushInOneGo) {
  testing::UserDatabase db;
  AuditLog log(db.database);
  for (int i = 0; i < 3; ++i) {
    log.recordLater({"token.auth_failed", "", "tok1", "10.0.0.1", "curl", {{"reason", "x"}}});
  }
  EXPECT_EQ(eventsOf(db.database, "tok1"), 0u) << "nothing written before the flush";
  log.flush();
  EXPECT_EQ(eventsOf(db.database, "tok1"), 3u);
  log.flush();
  EXPECT_EQ(eventsOf(db.database, "tok1"), 3u) << "each event is written once";
}

TEST(AuditLogTest, AnEventOfAChangeIsWrittenInTheChangesTransaction) {
  testing::UserDatabase db;
  db.database.write([](store::Session& session) {
    AuditLog::record(session, {"token.created", "usr1", "tok2", "10.0.0.1", "", {}});
  });
  const boost::json::value events = db.database.read(
      [](store::Session& session) { return AuditLog::eventsOfToken(session, "tok2"); });
  ASSERT_EQ(events.at("events").as_array().size(), 1u);
  EXPECT_EQ(events.at("events").at(0).at("event").as_string(), "token.created");
  EXPECT_TRUE(events.at("events").at(0).at("at").as_string().ends_with("Z"));
}

}  // namespace
}  // namespace tessera::audit
