// The I/O threads never wait on the database: a slow request (a sort of
// 1,000,000 rows that no index serves) runs on a pool thread, and /healthz
// and a token GET on other connections are answered while it runs, even
// with a single I/O thread. A pool whose queue is full answers 503
// overloaded with Retry-After instead of queueing without end, while what
// needs no database (liveness, a malformed token's refusal, the app's
// pages) is still answered. On both backends.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <string>
#include <thread>

#include "support/http_client.h"
#include "support/sql_columns.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

constexpr int kBigRows = 1000000;

Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

// A table "Big" of kBigRows records with a number "Qty" in no index (the
// rows are written behind the server, as one statement), and a record of
// another table to GET by token; made once for the suite.
class IoThreadsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server.emplace(std::vector<std::string>{"--threads", "1", "--read-threads", "2",
                                            "--max-queued-requests", "1"});
    client.emplace(server->port());
    workspace = makeWorkspace(*client, "ada@example.com");
    const boost::json::value big = createTable(*client, workspace, boost::json::parse(R"({
      "name": "Big", "fields": [{"name": "Qty", "type": "number"}]})"));
    bigTable = std::string(big.at("id").as_string());
    const std::string qty = "\"f_" + fieldId(big, "Qty") + "\"";
    executeBehindTheServer(
        *server,
        "INSERT INTO \"t_" + bigTable +
            "\" (__id, __seq, __created_at, __updated_at, __created_by, __updated_by, "
            "__version, " +
            qty + ") WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
            std::to_string(kBigRows) + ") SELECT 'rec' || i, i, 0, 0, '" + workspace.owner.id +
            "', '" + workspace.owner.id + "', 1, ((i % 100003) * 7919) % 1000003 FROM n");
    const boost::json::value small = createTable(*client, workspace, boost::json::parse(R"({
      "name": "Small", "fields": [{"name": "Name", "type": "singleLineText"}]})"));
    const std::string smallTable(small.at("id").as_string());
    const boost::json::array created =
        createRecords(*client, workspace.owner, smallTable, {boost::json::object{{"Name", "one"}}});
    recordPath =
        "/api/table/" + smallTable + "/record/" + std::string(created.at(0).at("id").as_string());
    token = std::string(createToken(*client, workspace.owner, {"read"}).at("token").as_string());
  }

  static void TearDownTestSuite() {
    client.reset();
    server.reset();
  }

  // A page of Big sorted by Qty, 50,000 rows in: every row read, and
  // 50,005 of them kept in order.
  static std::string slowPath() {
    return "/api/table/" + bigTable + "/record?take=5&skip=50000&orderBy=" +
           urlEncode(R"([{"fieldId":"Qty","order":"desc"}])");
  }

  // Sends the slow list on its own connection; `done` turns true when it
  // is answered.
  static std::future<HttpResult> startSlowList(std::atomic<bool>& done) {
    return std::async(std::launch::async, [&done] {
      HttpResult answer = HttpClient(server->port()).request("GET", slowPath(), "", bearer(token));
      done = true;
      return answer;
    });
  }

  static inline std::optional<TestServer> server;
  static inline std::optional<HttpClient> client;
  static inline Workspace workspace;
  static inline std::string bigTable;
  static inline std::string recordPath;
  static inline std::string token;
};

TEST_F(IoThreadsTest, HealthAndATokenGetAreAnsweredWhileASlowSortRuns) {
  std::atomic<bool> slowDone{false};
  const auto slowStarted = std::chrono::steady_clock::now();
  auto slow = startSlowList(slowDone);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the sort has begun
  // Pairs of /healthz and a token GET, one after the other, until the sort
  // is answered; count those answered while it still ran.
  int answeredDuringSort = 0;
  double slowestMs = 0;
  for (int i = 0; i < 10000 && !slowDone; ++i) {
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(client->request("GET", "/healthz").status, 200);
    const HttpResult record = client->request("GET", recordPath, "", bearer(token));
    EXPECT_EQ(record.status, 200) << record.body;
    if (slowDone) break;
    ++answeredDuringSort;
    slowestMs = std::max(slowestMs, std::chrono::duration<double, std::milli>(
                                        std::chrono::steady_clock::now() - started)
                                        .count());
  }
  EXPECT_GE(answeredDuringSort, 3)
      << "requests on other connections waited for the sort (one I/O thread)";
  RecordProperty("slowest_health_and_token_get_ms", std::to_string(slowestMs));
  const HttpResult sorted = slow.get();
  RecordProperty("slow_sort_ms", std::to_string(std::chrono::duration<double, std::milli>(
                                                    std::chrono::steady_clock::now() - slowStarted)
                                                    .count()));
  ASSERT_EQ(sorted.status, 200) << sorted.body;
  const boost::json::value page = sorted.json();
  const auto& records = page.at("records").as_array();
  ASSERT_EQ(records.size(), 5u);
  for (std::size_t i = 1; i < records.size(); ++i) {
    EXPECT_GE(records.at(i - 1).at("fields").at("Qty").to_number<double>(),
              records.at(i).at("fields").at("Qty").to_number<double>());
  }
}

TEST_F(IoThreadsTest, AFullQueueIsAnsweredOverloadedAndLosesNothing) {
  // Two read threads: two sorts run, a third waits (the one place in the
  // queue), a fourth is refused.
  std::atomic<bool> firstDone{false}, secondDone{false}, thirdDone{false};
  auto first = startSlowList(firstDone);
  auto second = startSlowList(secondDone);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto third = startSlowList(thirdDone);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const HttpResult refused = client->request("GET", recordPath, "", bearer(token));
  EXPECT_FALSE(firstDone || secondDone) << "the sorts ended before the queue could fill";
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.errorCode(), "overloaded");
  EXPECT_EQ(refused.header("retry-after"), "1");
  // What needs no database is answered on the I/O thread all the same.
  EXPECT_EQ(client->request("GET", "/healthz").status, 200);
  EXPECT_EQ(client->request("GET", recordPath, "", bearer("tsr_pat_nope")).errorCode(),
            "token_malformed");
  EXPECT_EQ(client->request("GET", "/").status, 200);
  for (auto* answer : {&first, &second, &third}) EXPECT_EQ(answer->get().status, 200);
  EXPECT_EQ(client->request("GET", recordPath, "", bearer(token)).status, 200);
}

}  // namespace
}  // namespace tessera::testing
