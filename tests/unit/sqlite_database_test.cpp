#include "store/sqlite/sqlite_database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "store/migrations.h"
#include "store/store_error.h"
#include "temp_dir.h"

namespace tessera::store {
namespace {

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  SqliteDatabaseTest() : database(std::make_unique<SqliteDatabase>(dir.file("test.db"))) {
    database->write([](Session& session) {
      session.executeScript("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
    });
  }

  std::int64_t count() {
    return database->read(
        [](Session& session) { return session.query("SELECT COUNT(*) FROM items")[0].integer(0); });
  }

  testing::TempDir dir;
  std::unique_ptr<SqliteDatabase> database;
};

TEST_F(SqliteDatabaseTest, WritesAreVisibleToLaterReads) {
  database->write([](Session& session) {
    session.execute("INSERT INTO items (name) VALUES (?)", {std::string("a")});
  });
  const auto name = database->read(
      [](Session& session) { return session.query("SELECT name FROM items")[0].text(0); });
  EXPECT_EQ(name, "a");
}

TEST_F(SqliteDatabaseTest, ValuesRoundTripWithTheirTypes) {
  const Rows rows = database->read([](Session& session) {
    return session.query("SELECT ?, ?, ?, ?",
                         {std::int64_t{1} << 40, 2.5, std::string("x\0y", 3), nullptr});
  });
  EXPECT_EQ(rows[0].integer(0), std::int64_t{1} << 40);
  EXPECT_DOUBLE_EQ(rows[0].real(1), 2.5);
  EXPECT_EQ(rows[0].text(2), std::string("x\0y", 3));
  EXPECT_TRUE(rows[0].isNull(3));
}

TEST_F(SqliteDatabaseTest, AFailingWriteUndoesOnlyItselfAndRethrows) {
  EXPECT_THROW(database->write([](Session& session) {
    session.execute("INSERT INTO items (name) VALUES ('half')");
    throw std::runtime_error("changed my mind");
  }),
               std::runtime_error);
  EXPECT_EQ(count(), 0);
}

TEST_F(SqliteDatabaseTest, ADoubleQuotedNameIsAColumnNeverAString) {
  // An index on a column that is gone is refused, not built on the text
  // "missing" (which later breaks every ALTER TABLE of the table).
  EXPECT_THROW(database->write([](Session& session) {
    session.executeScript("CREATE INDEX i_missing ON items (\"missing\")");
  }),
               StoreError);
  EXPECT_THROW(database->read(
                   [](Session& session) { return session.query("SELECT \"missing\" FROM items"); }),
               StoreError);
  EXPECT_NO_THROW(database->write(
      [](Session& session) { session.executeScript("ALTER TABLE items ADD COLUMN extra TEXT"); }));
}

TEST_F(SqliteDatabaseTest, UniqueViolationsAreReportedAsSuch) {
  database->write(
      [](Session& session) { session.execute("INSERT INTO items (name) VALUES ('a')"); });
  try {
    database->write(
        [](Session& session) { session.execute("INSERT INTO items (name) VALUES ('a')"); });
    FAIL() << "duplicate accepted";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::UniqueViolation);
  }
}

TEST_F(SqliteDatabaseTest, ConcurrentWritersAreAllCommittedIndependently) {
  constexpr int kThreads = 8;
  constexpr int kWritesEach = 200;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesEach; ++i) {
        try {
          database->write([&](Session& session) {
            session.execute("INSERT INTO items (name) VALUES (?)",
                            {std::to_string(t) + "-" + std::to_string(i)});
            // Every tenth write of thread 0 fails: it must not take the
            // rest of its batch down with it.
            if (t == 0 && i % 10 == 0) throw std::runtime_error("planned");
          });
        } catch (const std::runtime_error&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), kWritesEach / 10);
  EXPECT_EQ(count(), kThreads * kWritesEach - kWritesEach / 10);
}

TEST_F(SqliteDatabaseTest, CloseFinishesQueuedWritesAndTheyPersist) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      database->write([&](Session& session) {
        session.execute("INSERT INTO items (name) VALUES (?)", {std::to_string(t)});
      });
    });
  }
  for (auto& thread : threads) thread.join();
  database->close();
  database = std::make_unique<SqliteDatabase>(dir.file("test.db"));
  EXPECT_EQ(count(), 4);
}

TEST_F(SqliteDatabaseTest, WritesAfterCloseAreRefused) {
  database->close();
  try {
    database->write([](Session&) {});
    FAIL();
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::Unavailable);
  }
}

TEST(MigrationsTest, ApplyOnceAndRefuseANewerSchema) {
  testing::TempDir dir;
  SqliteDatabase database(dir.file("m.db"));
  const std::vector<Migration> first = {{1, "one", "CREATE TABLE a (x INTEGER)"}};
  EXPECT_EQ(migrate(database, first), 1);
  EXPECT_EQ(migrate(database, first), 0);
  const std::vector<Migration> both = {first[0], {2, "two", "CREATE TABLE b (y INTEGER)"}};
  EXPECT_EQ(migrate(database, both), 1);
  EXPECT_THROW(migrate(database, first), StoreError);
}

TEST(MigrationsTest, TheRealSchemaAppliesToAFreshDatabase) {
  testing::TempDir dir;
  SqliteDatabase database(dir.file("real.db"));
  EXPECT_EQ(migrate(database), static_cast<int>(allMigrations().size()));
  const auto tables = database.read([](Session& session) {
    return session.query("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")[0].integer(0);
  });
  EXPECT_GE(tables, 6);
}

TEST(MigrationsTest, ForeignKeysAreEnforced) {
  testing::TempDir dir;
  SqliteDatabase database(dir.file("fk.db"));
  migrate(database);
  try {
    database.write([](Session& session) {
      session.execute(
          "INSERT INTO bases (id, space_id, name, created_by, created_at, updated_at)"
          " VALUES ('bse1', 'spc-missing', 'x', 'usr-missing', 0, 0)");
    });
    FAIL() << "dangling base accepted";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::ForeignKeyViolation);
  }
}

TEST(SqliteDatabasePathsTest, EveryPathToTheFileSharesOneGeneration) {
  testing::TempDir dir;
  SqliteDatabase server(dir.file("tessera.db"));
  std::filesystem::create_symlink(dir.file("tessera.db"), dir.file("alias.db"));
  std::filesystem::create_directory_symlink(dir.file(""), dir.file("folder"));
  for (const std::string& other : {dir.file("alias.db"), dir.file("folder") + "/tessera.db"}) {
    SqliteDatabase command(other);
    const auto before = server.writeGeneration();
    command.write([](Session& session) {
      session.executeScript("CREATE TABLE IF NOT EXISTS users (id TEXT)");
      session.execute("INSERT INTO users VALUES ('u')");
    });
    EXPECT_GT(server.writeGeneration(), before) << other;
  }
}

TEST(SqliteDatabasePathsTest, AFileWithASecondHardLinkIsRefused) {
  testing::TempDir dir;
  { SqliteDatabase first(dir.file("tessera.db")); }
  std::filesystem::create_hard_link(dir.file("tessera.db"), dir.file("other.db"));
  try {
    SqliteDatabase second(dir.file("other.db"));
    ADD_FAILURE() << "opened a file with two names";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("hard link"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace tessera::store
