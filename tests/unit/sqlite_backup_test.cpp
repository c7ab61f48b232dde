#include "store/sqlite/sqlite_backup.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"
#include "store/store_error.h"
#include "temp_dir.h"

namespace tessera::store {
namespace {

int latest() { return allMigrations().back().version; }

std::int64_t usersIn(const std::string& path) {
  SqliteDatabase database(path);
  return database.read(
      [](Session& session) { return session.query("SELECT count(*) FROM users")[0].integer(0); });
}

void addUser(const std::string& path, const std::string& id) {
  SqliteDatabase database(path);
  database.write([&](Session& session) {
    session.execute(
        "INSERT INTO users (id, email, email_key, name, password_hash, is_admin, created_at)"
        " VALUES (?, ?, ?, 'U', 'x', 0, 0)",
        {id, id + "@b.co", id + "@b.co"});
  });
}

class SqliteBackupTest : public ::testing::Test {
 protected:
  SqliteBackupTest() {
    SqliteDatabase database(live);
    migrate(database);
  }
  testing::TempDir dir;
  std::string live = dir.file("tessera.db");
  std::string backup = dir.file("backup.db");
};

TEST_F(SqliteBackupTest, ABackupRestoresWhatItHeld) {
  addUser(live, "usr1");
  const BackupSummary summary = backupSqliteFile(live, backup);
  EXPECT_EQ(summary.schemaVersion, latest());
  EXPECT_GT(summary.bytes, 0);
  EXPECT_FALSE(std::filesystem::exists(backup + ".partial"));
  addUser(live, "usr2");
  ASSERT_EQ(usersIn(live), 2);
  const auto before = SqliteDatabase(live).writeGeneration();
  restoreSqliteFile(backup, live, latest());
  EXPECT_EQ(usersIn(live), 1);
  EXPECT_GT(SqliteDatabase(live).writeGeneration(), before) << "caches must not trust old reads";
}

TEST_F(SqliteBackupTest, AnExistingFileIsNeverOverwritten) {
  backupSqliteFile(live, backup);
  const auto size = std::filesystem::file_size(backup);
  EXPECT_THROW(backupSqliteFile(live, backup), StoreError);
  EXPECT_EQ(std::filesystem::file_size(backup), size);
}

TEST_F(SqliteBackupTest, ABackupFromANewerTesseraIsRefusedAndNothingChanges) {
  addUser(live, "usr1");
  backupSqliteFile(live, backup);
  addUser(live, "usr2");
  try {
    restoreSqliteFile(backup, live, latest() - 1);
    ADD_FAILURE() << "restored a newer schema";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("newer Tessera"), std::string::npos) << error.what();
  }
  EXPECT_EQ(usersIn(live), 2);
}

TEST_F(SqliteBackupTest, ASqliteFileThatIsNotTesseraIsRefused) {
  { SqliteDatabase other(dir.file("other.db")); }
  EXPECT_THROW(restoreSqliteFile(dir.file("other.db"), live, latest()), StoreError);
  EXPECT_THROW(backupSqliteFile(dir.file("other.db"), backup), StoreError);
  EXPECT_FALSE(std::filesystem::exists(backup)) << "no half-made backup is left";
}

}  // namespace
}  // namespace tessera::store
