#include "store/generation_cache.h"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_database.h"
#include "temp_dir.h"

namespace tessera::store {
namespace {

TEST(GenerationCacheTest, AValueIsFoundOnlyAtTheGenerationItWasReadAt) {
  GenerationCache<int> cache(10);
  cache.store("a", 1, 5);
  EXPECT_EQ(cache.find("a", 5), 1);
  EXPECT_FALSE(cache.find("a", 6));
  EXPECT_FALSE(cache.find("b", 5));
}

TEST(GenerationCacheTest, AValueReadBeforeANewerOneIsNotKept) {
  GenerationCache<int> cache(10);
  cache.store("a", 2, 7);
  cache.store("a", 1, 6);  // read before the write that made generation 7
  EXPECT_EQ(cache.find("a", 7), 2);
  cache.store("b", 3, 8);  // a newer generation forgets the older values
  EXPECT_FALSE(cache.find("a", 8));
  EXPECT_EQ(cache.find("b", 8), 3);
}

TEST(GenerationCacheTest, AFullCacheStartsAgain) {
  GenerationCache<int> cache(2);
  cache.store("a", 1, 1);
  cache.store("b", 2, 1);
  cache.store("c", 3, 1);
  EXPECT_FALSE(cache.find("a", 1));
  EXPECT_EQ(cache.find("c", 1), 3);
}

TEST(WriteGenerationTest, RowChangesByAnyOpenerOfTheFileAdvanceIt) {
  testing::TempDir dir;
  SqliteDatabase server(dir.file("g.db"));
  SqliteDatabase command(dir.file("g.db"));  // as `tessera user disable` opens it
  server.write([](Session& session) { session.execute("CREATE TABLE t (x INTEGER)"); });
  const auto before = server.writeGeneration();
  ASSERT_TRUE(before);
  server.write([](Session& session) { session.execute("INSERT INTO t VALUES (0)"); });
  const auto afterOwnWrite = server.writeGeneration();
  EXPECT_GT(*afterOwnWrite, *before);
  command.write([](Session& session) { session.execute("INSERT INTO t VALUES (1)"); });
  EXPECT_GT(*server.writeGeneration(), *afterOwnWrite);
  EXPECT_EQ(server.writeGeneration(), command.writeGeneration());
}

TEST(WriteGenerationTest, WritesToTablesNoCacheReadsLeaveItAlone) {
  testing::TempDir dir;
  SqliteDatabase database(dir.file("g.db"));
  database.write([](Session& session) {
    for (const char* table : {"audit_events", "fields_meta", "views_meta", "t_tbl1", "users"}) {
      session.execute(std::string("CREATE TABLE ") + table + " (x INTEGER)");
    }
  });
  const auto before = database.writeGeneration();
  database.write([](Session& session) {
    session.execute("INSERT INTO audit_events VALUES (1)");  // a bad-token flood's events
    session.execute("INSERT INTO t_tbl1 VALUES (1)");        // records
    session.execute("UPDATE fields_meta SET x = 2");
    session.execute("DELETE FROM views_meta WHERE x = 1");
  });
  EXPECT_EQ(database.writeGeneration(), before);
  database.write([](Session& session) { session.execute("INSERT INTO users VALUES (1)"); });
  EXPECT_GT(*database.writeGeneration(), *before);
}

}  // namespace
}  // namespace tessera::store
