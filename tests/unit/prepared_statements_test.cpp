#include "store/postgres/prepared_statements.h"

#include <gtest/gtest.h>

#include <set>

namespace tessera::store {
namespace {

TEST(PreparedStatementsTest, AStatementIsFoundUnderTheNameItWasPreparedWith) {
  PreparedStatements statements(4);
  EXPECT_EQ(statements.find("SELECT 1"), nullptr);
  PreparedStatements::Reservation reservation = statements.reserve();
  EXPECT_TRUE(reservation.evicted.empty());
  const std::string name = reservation.name;
  statements.add("SELECT 1", std::move(reservation.name));
  ASSERT_NE(statements.find("SELECT 1"), nullptr);
  EXPECT_EQ(*statements.find("SELECT 1"), name);
  EXPECT_EQ(statements.find("SELECT 2"), nullptr);
}

TEST(PreparedStatementsTest, NamesAreNeverReused) {
  PreparedStatements statements(2);
  std::set<std::string> names;
  for (int i = 0; i < 50; ++i) {
    PreparedStatements::Reservation reservation = statements.reserve();
    EXPECT_TRUE(names.insert(reservation.name).second) << reservation.name;
    statements.add("SELECT " + std::to_string(i), std::move(reservation.name));
  }
}

TEST(PreparedStatementsTest, TheLeastRecentlyUsedAreEvictedToStayWithinTheLimit) {
  PreparedStatements statements(3);
  for (const char* sql : {"a", "b", "c"}) {
    PreparedStatements::Reservation reservation = statements.reserve();
    EXPECT_TRUE(reservation.evicted.empty());
    statements.add(sql, std::move(reservation.name));
  }
  const std::string nameOfB = *statements.find("b");
  ASSERT_NE(statements.find("a"), nullptr);  // now c is the least recently used

  PreparedStatements::Reservation forD = statements.reserve();
  ASSERT_EQ(forD.evicted.size(), 1u);
  EXPECT_EQ(statements.find("c"), nullptr);
  statements.add("d", std::move(forD.name));
  EXPECT_EQ(statements.size(), 3u);

  PreparedStatements::Reservation forE = statements.reserve();
  ASSERT_EQ(forE.evicted.size(), 1u);
  EXPECT_EQ(forE.evicted[0], nameOfB);  // b was used before a and d
  EXPECT_EQ(statements.find("b"), nullptr);
  EXPECT_NE(statements.find("a"), nullptr);
  EXPECT_NE(statements.find("d"), nullptr);
}

TEST(PreparedStatementsTest, AReservationThatIsNeverAddedLeavesRoomAndNoEntry) {
  PreparedStatements statements(1);
  statements.add("a", statements.reserve().name);
  PreparedStatements::Reservation failed = statements.reserve();  // its PREPARE failed
  EXPECT_EQ(failed.evicted.size(), 1u);
  EXPECT_EQ(statements.size(), 0u);
  EXPECT_TRUE(statements.reserve().evicted.empty());
}

TEST(PreparedStatementsTest, ForgettingAllAsksOnceForAllToBeDeallocated) {
  PreparedStatements statements(8);
  statements.add("a", statements.reserve().name);
  statements.add("b", statements.reserve().name);
  statements.forgetAll();
  EXPECT_EQ(statements.size(), 0u);
  EXPECT_EQ(statements.find("a"), nullptr);
  PreparedStatements::Reservation next = statements.reserve();
  EXPECT_TRUE(next.deallocateAll);
  EXPECT_TRUE(next.evicted.empty());
  statements.add("a", std::move(next.name));
  EXPECT_FALSE(statements.reserve().deallocateAll);
}

}  // namespace
}  // namespace tessera::store
