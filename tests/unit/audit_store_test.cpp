#include "audit/audit_store.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "user_database.h"

namespace tessera::audit {
namespace {

TEST(AuditStoreTest, ATokensEventsComeBackNewestFirstAndBounded) {
  testing::UserDatabase db;
  db.database.write([](store::Session& session) {
    insertAuditEvent(session, 10, {"token.created", "usr1", "tok1", "10.0.0.1", "curl", {}});
    insertAuditEvent(session, 30,
                     {"token.auth_failed",
                      "",
                      "tok1",
                      "10.0.0.9",
                      std::string(400, 'a'),
                      {{"reason", "token_expired"}}});
    insertAuditEvent(session, 20, {"token.updated", "usr1", "tok1", "10.0.0.1", "", {}});
    insertAuditEvent(session, 40, {"token.created", "usr1", "tok2", "10.0.0.1", "", {}});
  });
  db.database.read([](store::Session& session) {
    const auto events = loadTokenEvents(session, "tok1", 10);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].event, "token.auth_failed");
    EXPECT_EQ(events[0].userAgent.size(), 300u) << "user agents are cut";
    EXPECT_EQ(boost::json::parse(events[0].detail).at("reason").as_string(), "token_expired");
    EXPECT_EQ(events[1].at, 20);
    EXPECT_EQ(events[2].event, "token.created");
    EXPECT_EQ(loadTokenEvents(session, "tok1", 2).size(), 2u);
  });
}

}  // namespace
}  // namespace tessera::audit
