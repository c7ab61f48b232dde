// Crash safety: while clients stream writes (records, token creations,
// refreshes and deletions), the server is killed with SIGKILL. After a
// restart every write that was acknowledged is there, nothing half-written
// is, and SQLite's integrity check passes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <atomic>
#include <ctime>
#include <mutex>
#include <set>
#include <thread>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

std::string integrityCheck(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr);
  std::string result;
  if (sqlite3_step(statement) == SQLITE_ROW) {
    result = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return result;
}

TEST(CrashSafetyTest, EveryAcknowledgedWriteSurvivesSigkill) {
  TestServer server;
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const auto table = createTable(client, workspace, {{"name", "Ledger"}});
  const std::string records = "/api/table/" + std::string(table.at("id").as_string()) + "/record";
  const std::time_t later = std::time(nullptr) + 86400;
  char expiry[32];
  std::strftime(expiry, sizeof expiry, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&later));

  std::mutex mutex;
  std::set<std::string> acknowledgedRecords, liveTokens, deletedTokens;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        try {
          if (t < 3) {
            const HttpResult result = client.json(
                "POST", records,
                {{"records",
                  {{{"fields", {{"Name", std::to_string(t) + "-" + std::to_string(i)}}}}}}},
                workspace.owner.headers());
            if (result.status == 201) {
              std::lock_guard lock(mutex);
              acknowledgedRecords.emplace(result.json().at("records").at(0).at("id").as_string());
            }
            continue;
          }
          // Token traffic: create, refresh, sometimes delete.
          const HttpResult created = client.json(
              "POST", "/api/access-token",
              {{"name", "t" + std::to_string(i)}, {"scopes", {"read"}}, {"expiresAt", expiry}},
              workspace.owner.headers());
          if (created.status != 201) continue;
          const std::string id(created.json().at("id").as_string());
          client.request("POST", "/api/access-token/" + id + "/refresh", "",
                         workspace.owner.headers());
          if (i % 2 == 0 &&
              client.request("DELETE", "/api/access-token/" + id, "", workspace.owner.headers())
                      .status == 204) {
            std::lock_guard lock(mutex);
            deletedTokens.insert(id);
          } else {
            std::lock_guard lock(mutex);
            liveTokens.insert(id);
          }
        } catch (const std::exception&) {
          // The server died mid-request: that write was not acknowledged.
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  server.sendSignal(SIGKILL);
  EXPECT_EQ(server.waitForExit(), -SIGKILL);
  stop = true;
  for (auto& writer : writers) writer.join();
  ASSERT_GT(acknowledgedRecords.size(), 20u) << "the writers must have been writing";

  // PostgreSQL recovers its own files; a killed client cannot corrupt them.
  if (!server.database().onPostgres()) {
    EXPECT_EQ(integrityCheck(server.dataDir() / "tessera.db"), "ok");
  }
  server.restart();
  HttpClient again(server.port());
  const BrowserUser ada = browserUserFrom(
      again.json("POST", "/api/auth/signin",
                 {{"email", "ada@example.com"}, {"password", "correct horse battery"}}));
  std::set<std::string> present;
  std::string cursor;
  while (true) {
    const auto page =
        again
            .request("GET", records + "?take=1000" + (cursor.empty() ? "" : "&cursor=" + cursor),
                     "", ada.headers())
            .json();
    for (const auto& record : page.at("records").as_array())
      present.emplace(record.at("id").as_string());
    if (page.at("nextCursor").is_null()) break;
    cursor = std::string(page.at("nextCursor").as_string());
  }
  for (const std::string& id : acknowledgedRecords)
    EXPECT_TRUE(present.contains(id)) << "lost record " << id;
  std::set<std::string> listed;
  const auto tokens = again.request("GET", "/api/access-token", "", ada.headers()).json();
  for (const auto& token : tokens.at("tokens").as_array())
    listed.emplace(token.at("id").as_string());
  for (const std::string& id : liveTokens) EXPECT_TRUE(listed.contains(id)) << "lost token " << id;
  for (const std::string& id : deletedTokens)
    EXPECT_FALSE(listed.contains(id)) << "deleted token back " << id;
}

}  // namespace
}  // namespace tessera::testing
