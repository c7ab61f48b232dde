// `tessera backup` and `tessera restore`: a backup taken while records are
// being written is a sound database holding a consistent moment; restore
// is refused while the server runs, and afterwards the server serves
// exactly what the backup held. On PostgreSQL both name PostgreSQL's tools.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

// One value read from the SQLite file at `path` (read-only).
std::string queryFile(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

std::int64_t countRecords(const HttpClient& client, const Headers& headers,
                          const std::string& tableId) {
  const HttpResult result =
      client.request("GET", "/api/table/" + tableId + "/record/count", "", headers);
  EXPECT_EQ(result.status, 200) << result.body;
  return result.json().at("count").as_int64();
}

TEST(BackupTest, ABackupUnderWriteLoadRestoresToAnEqualDatabase) {
  TestServer server;
  if (server.database().onPostgres()) GTEST_SKIP() << "SQLite files; see PostgresTools below";
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const std::string tableId(createTable(client, workspace, {{"name", "Log"}}).at("id").as_string());
  createRecords(client, workspace.owner, tableId, {{{"Name", "first"}}});

  std::atomic<bool> stop = false;
  std::atomic<int> written = 0;
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&] {
      while (!stop) {
        createRecords(client, workspace.owner, tableId, {{{"Name", "load"}}, {{"Name", "load"}}});
        written += 2;
      }
    });
  }
  while (written < 40) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const std::string backup = (server.dataDir().parent_path() / "backup.db").string();
  std::string output;
  const int status = runTessera(onDatabaseOf(server, {"backup", "--to", backup}), "", output);
  const int writtenDuringBackup = written;
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  stop = true;
  for (std::thread& writer : writers) writer.join();
  ASSERT_EQ(status, 0) << output;
  EXPECT_NE(output.find("backed up"), std::string::npos) << output;

  // A sound, self-contained file holding a moment between two commits:
  // records come in pairs, one transaction each.
  EXPECT_FALSE(std::filesystem::exists(backup + "-wal"));
  EXPECT_EQ(queryFile(backup, "PRAGMA integrity_check"), "ok");
  const std::int64_t inBackup = std::stoll(queryFile(backup, "SELECT count(*) FROM t_" + tableId));
  EXPECT_EQ((inBackup - 1) % 2, 0) << inBackup;
  EXPECT_GE(inBackup, 41);
  EXPECT_LE(inBackup, 1 + writtenDuringBackup + 4);
  const std::int64_t atTheEnd = countRecords(client, workspace.owner.headers(), tableId);
  EXPECT_GT(atTheEnd, inBackup) << "the server kept writing";

  // A second backup to the same name is refused; the first is untouched.
  EXPECT_NE(runTessera(onDatabaseOf(server, {"backup", "--to", backup}), "", output), 0);
  EXPECT_NE(output.find("exists"), std::string::npos) << output;

  // Not while the server runs.
  EXPECT_NE(runTessera(onDatabaseOf(server, {"restore", "--from", backup}), "", output), 0);
  EXPECT_NE(output.find("server is running"), std::string::npos) << output;
  EXPECT_EQ(countRecords(client, workspace.owner.headers(), tableId), atTheEnd);

  ASSERT_EQ(server.stop(), 0);
  ASSERT_EQ(runTessera(onDatabaseOf(server, {"restore", "--from", backup}), "", output), 0)
      << output;
  server.restart();
  HttpClient restarted(server.port());
  // The session cookie was in the backup too: the same user, the same
  // records, exactly as many as the backup held.
  EXPECT_EQ(countRecords(restarted, workspace.owner.headers(), tableId), inBackup);
  EXPECT_EQ(queryFile((server.dataDir() / "tessera.db").string(), "PRAGMA integrity_check"), "ok");
}

TEST(BackupTest, WhatIsNotATesseraBackupIsRefusedAndNothingChanges) {
  TestServer server;
  if (server.database().onPostgres()) GTEST_SKIP() << "SQLite files";
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  ASSERT_EQ(server.stop(), 0);
  const std::string notABackup = (server.dataDir() / "notes.txt").string();
  { std::ofstream(notABackup) << "not a database"; }
  std::string output;
  EXPECT_EQ(runTessera(onDatabaseOf(server, {"restore", "--from", notABackup}), "", output), 1);
  EXPECT_NE(output.find("not a Tessera database"), std::string::npos) << output;
  EXPECT_EQ(
      runTessera(onDatabaseOf(server, {"restore", "--from", notABackup + ".missing"}), "", output),
      1);
  EXPECT_NE(output.find("no backup at"), std::string::npos) << output;
  server.restart();
  EXPECT_EQ(
      HttpClient(server.port()).request("GET", "/api/space", "", workspace.owner.headers()).status,
      200);
}

TEST(BackupTest, OnPostgresTheCommandsNamePostgresTools) {
  TestServer server;
  if (!server.database().onPostgres()) GTEST_SKIP() << "PostgreSQL";
  std::string output;
  EXPECT_EQ(runTessera(onDatabaseOf(server, {"backup", "--to", "/tmp/never-written"}), "", output),
            2);
  EXPECT_NE(output.find("pg_dump"), std::string::npos) << output;
  EXPECT_EQ(runTessera(onDatabaseOf(server, {"restore", "--from", "/tmp/never-read"}), "", output),
            2);
  EXPECT_NE(output.find("pg_restore"), std::string::npos) << output;
  EXPECT_FALSE(std::filesystem::exists("/tmp/never-written"));
}

}  // namespace
}  // namespace tessera::testing
