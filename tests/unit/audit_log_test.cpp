#include "audit/audit_log.h"

#include <gtest/gtest.h>

#include "store/store_error.h"
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

// Makes the database refuse audit events whose user agent is `agent`, as
// PostgreSQL refuses text that is not UTF-8.
void refuseUserAgent(store::Database& database, const std::string& agent) {
  database.write([&](store::Session& session) {
    session.executeScript(
        "CREATE TRIGGER refuse BEFORE INSERT ON audit_events WHEN NEW.user_agent = '" + agent +
        "' BEGIN SELECT RAISE(ABORT, 'refused'); END");
  });
}

void stopRefusing(store::Database& database) {
  database.write([](store::Session& session) { session.executeScript("DROP TRIGGER refuse"); });
}

AuditEvent failedAuthentication(const std::string& tokenId, const std::string& agent) {
  return {"token.auth_failed", "", tokenId, "10.0.0.1", agent, {{"reason", "x"}}};
}

TEST(AuditLogTest, OneRefusedEventDoesNotSinkTheOthers) {
  testing::UserDatabase db;
  AuditLog log(db.database);
  refuseUserAgent(db.database, "poison");
  log.recordLater(failedAuthentication("tok1", "curl"));
  log.recordLater(failedAuthentication("tok1", "poison"));
  log.recordLater(failedAuthentication("tok1", "wget"));
  EXPECT_THROW(log.flush(), store::StoreError);
  EXPECT_EQ(eventsOf(db.database, "tok1"), 2u) << "the two good events are written";
  // The refused event is tried again at later flushes, then given up.
  EXPECT_THROW(log.flush(), store::StoreError);
  EXPECT_THROW(log.flush(), store::StoreError);
  EXPECT_NO_THROW(log.flush()) << "dropped after three refusals";
  stopRefusing(db.database);
  log.flush();
  EXPECT_EQ(eventsOf(db.database, "tok1"), 2u);
}

TEST(AuditLogTest, AFailedFlushKeepsItsEventsForTheNext) {
  testing::UserDatabase db;
  AuditLog log(db.database);
  refuseUserAgent(db.database, "curl");
  log.recordLater(failedAuthentication("tok1", "curl"));
  log.recordLater(failedAuthentication("tok1", "curl"));
  EXPECT_THROW(log.flush(), store::StoreError);
  EXPECT_EQ(eventsOf(db.database, "tok1"), 0u);
  log.recordLater(failedAuthentication("tok1", "wget"));
  stopRefusing(db.database);
  log.flush();
  EXPECT_EQ(eventsOf(db.database, "tok1"), 3u) << "nothing of the failed flush was lost";
}

TEST(AuditLogTest, ClientTextIsStoredAsValidUtf8CutAtACharacter) {
  testing::UserDatabase db;
  AuditLog log(db.database);
  log.recordLater(failedAuthentication("tok1", "evil\xFF"));
  log.recordLater(failedAuthentication("tok2", std::string(299, 'a') + "\xC3\xA9"));
  log.flush();
  const auto agentOf = [&](const std::string& tokenId) {
    return db.database.read([&](store::Session& session) {
      return loadTokenEvents(session, tokenId, 1).at(0).userAgent;
    });
  };
  EXPECT_EQ(agentOf("tok1"), "evil\xEF\xBF\xBD");
  EXPECT_EQ(agentOf("tok2"), std::string(299, 'a'));
}

}  // namespace
}  // namespace tessera::audit
