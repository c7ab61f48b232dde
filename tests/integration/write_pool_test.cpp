// Requests that may write are served on the write pool (--write-threads):
// while one waits for the database, the I/O thread goes on serving reads.
// On both backends: another client holds the write lock a new space needs
// (SQLite: the file's write lock; PostgreSQL: a lock on the spaces table).
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "support/held_lock.h"
#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

// The lock that keeps `server` from adding a space, held until release().
HeldLock spaceWriteLock(const TestServer& server) {
  if (server.database().onPostgres()) {
    // Reads of the table go on; inserts wait.
    return HeldLock::onPostgres(server.database().url(),
                                {"BEGIN", "LOCK TABLE spaces IN EXCLUSIVE MODE"}, "COMMIT");
  }
  return HeldLock::onSqlite((server.dataDir() / "tessera.db").string(), "BEGIN IMMEDIATE");
}

TEST(WritePoolTest, AReadIsServedWhileAWriteWaitsForTheDatabase) {
  // One I/O thread: without the pool, the waiting write would hold it.
  TestServer server({"--threads", "1", "--write-threads", "2"});
  HttpClient client(server.port());
  const BrowserUser user = signUp(client, "ada@example.com");
  ASSERT_EQ(client.json("POST", "/api/space", {{"name", "First"}}, user.headers()).status, 201);

  HeldLock lock = spaceWriteLock(server);
  std::atomic<bool> writeAnswered{false};
  auto write = std::async(std::launch::async, [&] {
    HttpClient writer(server.port());
    const int status =
        writer.json("POST", "/api/space", {{"name", "Second"}}, user.headers()).status;
    writeAnswered = true;
    return status;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the write is waiting

  const HttpResult read = client.request("GET", "/api/space", "", user.headers());
  EXPECT_EQ(read.status, 200) << read.body;
  EXPECT_FALSE(writeAnswered) << "the read was answered only after the write";
  const boost::json::value spaces = read.json();
  EXPECT_EQ(spaces.at("spaces").as_array().size(), 1u);

  lock.release();
  EXPECT_EQ(write.get(), 201) << server.logText();
  const boost::json::value after = client.request("GET", "/api/space", "", user.headers()).json();
  EXPECT_EQ(after.at("spaces").as_array().size(), 2u);
}

}  // namespace
}  // namespace tessera::testing
