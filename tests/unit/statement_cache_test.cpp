#include "store/sqlite/statement_cache.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "store/sqlite/sqlite_connection.h"
#include "temp_dir.h"

namespace tessera::store {
namespace {

// A query of `length` bound values, distinct SQL for each length, as a
// filter's `isAnyOf` list makes.
std::string listQuery(int length) {
  std::string sql = "SELECT 1 WHERE 1 IN (";
  for (int i = 0; i < length; ++i) sql += i == 0 ? "?" : ",?";
  return sql + ")";
}

std::vector<SqlValue> ones(int length) {
  return std::vector<SqlValue>(static_cast<std::size_t>(length), SqlValue{std::int64_t{1}});
}

class StatementCacheTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
};

TEST_F(StatementCacheTest, ThousandsOfShapesStayWithinTheCountLimit) {
  SqliteConnection connection(dir.file("a.db"), false, {.maxStatements = 50, .maxBytes = 1 << 30});
  for (int length = 1; length <= 2000; ++length) {
    EXPECT_EQ(connection.query(listQuery(length), ones(length)).size(), 1u);
  }
  EXPECT_EQ(connection.statements().size(), 50u);
}

TEST_F(StatementCacheTest, LargeStatementsStayWithinTheMemoryLimit) {
  constexpr std::size_t kLimit = 256 * 1024;
  SqliteConnection connection(dir.file("a.db"), false, {.maxStatements = 1000, .maxBytes = kLimit});
  for (int length = 500; length < 700; ++length) connection.query(listQuery(length), ones(length));
  EXPECT_LE(connection.statements().bytes(), kLimit);
  EXPECT_GT(connection.statements().size(), 1u);
}

TEST_F(StatementCacheTest, TheLeastRecentlyUsedStatementGoesFirst) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  {
    StatementCache cache({.maxStatements = 3, .maxBytes = 1 << 30});
    const auto prepare = [&](const std::string& sql) {
      sqlite3_stmt* statement = nullptr;
      EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK);
      cache.add(sql, statement);
    };
    prepare("SELECT 1");
    prepare("SELECT 2");
    prepare("SELECT 3");
    EXPECT_NE(cache.find("SELECT 1"), nullptr);  // now the most recent
    prepare("SELECT 4");                         // evicts SELECT 2, the oldest use
    EXPECT_EQ(cache.find("SELECT 2"), nullptr);
    EXPECT_NE(cache.find("SELECT 1"), nullptr);
    EXPECT_NE(cache.find("SELECT 3"), nullptr);
    EXPECT_NE(cache.find("SELECT 4"), nullptr);
    EXPECT_EQ(cache.size(), 3u);
  }
  sqlite3_close(db);
}

TEST_F(StatementCacheTest, AStatementStillRunningIsNeverEvicted) {
  SqliteConnection connection(dir.file("a.db"), false, {.maxStatements = 1, .maxBytes = 1 << 30});
  connection.executeScript("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);");
  std::vector<std::int64_t> seen;
  // Each row's callback prepares other statements, which must not finalize
  // the outer one while it is stepping.
  connection.queryEach("SELECT n FROM t ORDER BY n", {}, [&](const Row& row) {
    seen.push_back(row.integer(0));
    for (int length = 1; length <= 5; ++length) connection.query(listQuery(length), ones(length));
  });
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2, 3}));
}

}  // namespace
}  // namespace tessera::store
