// Several stateless nodes on one PostgreSQL, behind haproxy: revocation,
// role changes and schema changes through one node hold on the other at
// once, though each node caches tokens, roles and schemas (migration 15)
// and prepares its statements, last-use times from both
// merge, browser sessions work through either node, restarting a node
// loses nothing; and PostgreSQL stopped under load gives 503 and recovers.
// Each test starts its own throw-away cluster (scripts/test-postgres.sh).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

#include "support/files.h"
#include "support/http_client.h"
#include "support/metric_sample.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

using namespace std::chrono_literals;

std::string readFirstLine(const std::filesystem::path& path) {
  const std::string text = readFile(path);
  return text.substr(0, text.find('\n'));
}

// A PostgreSQL cluster of this test's own, with one database for Tessera.
class PrivatePostgres {
 public:
  PrivatePostgres() : dir_(makeTempDir("tessera-cluster-pg")) {
    script("start");
    const std::string server = readFirstLine(dir_ / "url");
    url_ = server.substr(0, server.rfind('/') + 1) + "postgres";
  }
  ~PrivatePostgres() { script("stop"); }
  const std::string& url() const { return url_; }
  void halt() { script("halt"); }
  void resume() { script("resume"); }

 private:
  void script(const std::string& action) {
    const std::string command = std::string(TESSERA_SOURCE_DIR) + "/scripts/test-postgres.sh " +
                                action + " " + dir_.string();
    if (std::system(command.c_str()) != 0) throw std::runtime_error(command + " failed");
  }
  std::filesystem::path dir_;
  std::string url_;
};

// haproxy in front of two nodes, round-robin, retrying on the other node
// when one refuses connections.
class LoadBalancer {
 public:
  LoadBalancer(std::uint16_t a, std::uint16_t b) : dir_(makeTempDir("tessera-haproxy")) {
    // Below Linux's ephemeral range (32768+), where outgoing connections
    // take their ports.
    port_ = static_cast<std::uint16_t>(std::uniform_int_distribution(20000, 32000)(random_));
    std::ofstream(dir_ / "haproxy.cfg")
        << "global\n  maxconn 500\n"
        << "defaults\n  mode http\n  timeout connect 1s\n  timeout client 30s\n"
        << "  timeout server 30s\n  retries 3\n  option redispatch\n"
        << "frontend web\n  bind 127.0.0.1:" << port_ << "\n  default_backend nodes\n"
        << "backend nodes\n  balance roundrobin\n  option httpchk GET /readyz\n"
        << "  server a 127.0.0.1:" << a << " check inter 300 fall 1 rise 1\n"
        << "  server b 127.0.0.1:" << b << " check inter 300 fall 1 rise 1\n";
    const std::string command =
        "haproxy -D -q -f " + (dir_ / "haproxy.cfg").string() + " -p " + (dir_ / "pid").string();
    if (std::system(command.c_str()) != 0) throw std::runtime_error("haproxy did not start");
    std::this_thread::sleep_for(500ms);
  }
  ~LoadBalancer() {
    kill(std::stoi(readFirstLine(dir_ / "pid")), SIGTERM);
    std::filesystem::remove_all(dir_);
  }
  std::uint16_t port() const { return port_; }

 private:
  std::random_device random_;
  std::filesystem::path dir_;
  std::uint16_t port_ = 0;
};

Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

class ClusterTest : public ::testing::Test {
 protected:
  PrivatePostgres postgres;
  TestServer nodeA{{"--database", postgres.url(), "--last-used-flush-seconds", "1"}};
  TestServer nodeB{{"--database", postgres.url(), "--last-used-flush-seconds", "1"}};
  HttpClient a{nodeA.port()};
  HttpClient b{nodeB.port()};

  static std::string membersOf(const Workspace& workspace) {
    return "/api/space/" + workspace.spaceId + "/collaborator";
  }
  // Grace, signed up through A and added to the workspace's space as `role`.
  BrowserUser addGrace(const Workspace& workspace, const char* role) {
    const BrowserUser grace = signUp(a, "grace@example.com");
    EXPECT_EQ(a.json("POST", membersOf(workspace), {{"email", "grace@example.com"}, {"role", role}},
                     workspace.owner.headers())
                  .status,
              201);
    return grace;
  }
};

TEST_F(ClusterTest, RevocationThroughOneNodeHoldsOnTheOtherAtOnce) {
  const Workspace workspace = makeWorkspace(a, "ada@example.com");
  const auto created = createToken(a, workspace.owner, {"read"});
  const std::string id(created.at("id").as_string());
  const std::string first(created.at("token").as_string());
  const std::string path = "/api/base/" + workspace.baseId;
  EXPECT_EQ(b.request("GET", path, "", bearer(first)).status, 200);

  const HttpResult refreshed =
      a.request("POST", "/api/access-token/" + id + "/refresh", "", workspace.owner.headers());
  ASSERT_EQ(refreshed.status, 200);
  const std::string second(refreshed.json().at("token").as_string());
  const HttpResult old = b.request("GET", path, "", bearer(first));
  EXPECT_EQ(old.status, 401);
  EXPECT_EQ(old.errorCode(), "token_refreshed");
  EXPECT_EQ(b.request("GET", path, "", bearer(second)).status, 200);

  ASSERT_EQ(b.request("DELETE", "/api/access-token/" + id, "", workspace.owner.headers()).status,
            204);
  const HttpResult deleted = a.request("GET", path, "", bearer(second));
  EXPECT_EQ(deleted.status, 401);
  EXPECT_EQ(deleted.errorCode(), "token_revoked");
}

TEST_F(ClusterTest, RoleChangesThroughOneNodeHoldOnTheOtherAtOnce) {
  const Workspace workspace = makeWorkspace(a, "ada@example.com");
  const BrowserUser grace = addGrace(workspace, "editor");
  const std::string members = membersOf(workspace);
  const std::string token(createToken(b, grace, {"read", "write"}).at("token").as_string());
  const std::string space = "/api/space/" + workspace.spaceId;
  ASSERT_EQ(b.request("GET", space, "", bearer(token)).status, 200);  // B now caches the role

  ASSERT_EQ(
      a.json("PATCH", members + "/" + grace.id, {{"role", "viewer"}}, workspace.owner.headers())
          .status,
      200);
  const HttpResult renamed = b.json("PATCH", space, {{"name", "Mine"}}, bearer(token));
  EXPECT_EQ(renamed.status, 403) << renamed.body;
  ASSERT_EQ(b.request("GET", space, "", bearer(token)).status, 200);

  ASSERT_EQ(a.request("DELETE", members + "/" + grace.id, "", workspace.owner.headers()).status,
            204);
  EXPECT_EQ(b.request("GET", space, "", bearer(token)).status, 404);
}

// Node B caches the table's schema and has prepared its statements; each
// change through A is in B's very next answer.
TEST_F(ClusterTest, SchemaChangesThroughOneNodeAreSeenOnTheOtherAtOnce) {
  const Workspace workspace = makeWorkspace(a, "ada@example.com");
  const auto table = createTable(a, workspace,
                                 {{"name", "T"},
                                  {"fields",
                                   {{{"name", "Name"}, {"type", "singleLineText"}},
                                    {{"name", "Amount"}, {"type", "singleLineText"}}}}});
  const std::string tableId(table.at("id").as_string());
  const std::string recordId(
      createRecords(a, workspace.owner, tableId, {{{"Name", "a"}, {"Amount", "12"}}})
          .at(0)
          .at("id")
          .as_string());
  const std::string token(createToken(a, workspace.owner, {"read"}).at("token").as_string());
  const std::string record = "/api/table/" + tableId + "/record/" + recordId;
  const std::string fields = "/api/table/" + tableId + "/field/";
  const auto fieldsOnB = [&] {
    const HttpResult read = b.request("GET", record, "", bearer(token));
    EXPECT_EQ(read.status, 200) << read.body;
    return read.status == 200 ? read.json().at("fields").as_object() : boost::json::object{};
  };
  EXPECT_EQ(fieldsOnB().at("Amount"), boost::json::value("12"));

  ASSERT_EQ(a.json("PATCH", fields + fieldId(table, "Amount"), {{"type", "number"}},
                   workspace.owner.headers())
                .status,
            200);
  EXPECT_EQ(fieldsOnB().at("Amount"), boost::json::value(12));

  ASSERT_EQ(a.json("PATCH", fields + fieldId(table, "Name"), {{"name", "Title"}},
                   workspace.owner.headers())
                .status,
            200);
  EXPECT_EQ(fieldsOnB().at("Title"), boost::json::value("a"));

  ASSERT_EQ(postField(a, workspace.owner, tableId, {{"name", "Size"}, {"type", "number"}}).status,
            201);
  ASSERT_EQ(patchRecord(a, workspace.owner, tableId, recordId, {{"Size", 3}}).status, 200);
  EXPECT_EQ(fieldsOnB().at("Size"), boost::json::value(3));

  ASSERT_EQ(a.request("DELETE", fields + fieldIdOf(a, workspace.owner, tableId, "Size"), "",
                      workspace.owner.headers())
                .status,
            200);
  EXPECT_FALSE(fieldsOnB().contains("Size"));
}

// Node B has seen Grace as a viewer when A makes her an editor: B's next
// write, refused on what B had cached, runs again and is done once; the
// same through an MCP tool call, whose API requests run inside the MCP
// request.
TEST_F(ClusterTest, WritesAndMcpToolCallsThroughOneNodeSeeARoleChangeOnTheOtherOnce) {
  const Workspace workspace = makeWorkspace(a, "ada@example.com");
  const BrowserUser grace = addGrace(workspace, "viewer");
  const std::string members = membersOf(workspace);
  const auto table = createTable(a, workspace, {{"name", "T"}});
  const std::string records = "/api/table/" + std::string(table.at("id").as_string()) + "/record";
  const Headers graceToken =
      bearer(std::string(createToken(b, grace, {"read", "write"}).at("token").as_string()));
  const auto recordCount = [&] {
    return a.request("GET", records, "", workspace.owner.headers())
        .json()
        .at("records")
        .as_array()
        .size();
  };
  const auto setRole = [&](const char* role) {
    ASSERT_EQ(a.json("PATCH", members + "/" + grace.id, {{"role", role}}, workspace.owner.headers())
                  .status,
              200);
  };
  const boost::json::value oneRecord = {{"records", {{{"fields", {{"Name", "x"}}}}}}};
  ASSERT_EQ(b.json("POST", records, oneRecord, graceToken).status, 403);  // B caches "viewer"

  setRole("editor");
  const HttpResult created = b.json("POST", records, oneRecord, graceToken);
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(recordCount(), 1u);

  Headers mcpHeaders = graceToken;
  mcpHeaders.emplace_back("Accept", "application/json, text/event-stream");
  const auto createThroughMcp = [&] {
    const HttpResult answer = b.json(
        "POST", "/mcp",
        {{"jsonrpc", "2.0"},
         {"id", 1},
         {"method", "tools/call"},
         {"params",
          {{"name", "create_records"},
           {"arguments", {{"tableId", table.at("id")}, {"records", oneRecord.at("records")}}}}}},
        mcpHeaders);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.status == 200 && !answer.json().at("result").at("isError").as_bool();
  };
  setRole("viewer");
  EXPECT_FALSE(createThroughMcp());
  EXPECT_EQ(recordCount(), 1u);
  setRole("editor");
  EXPECT_TRUE(createThroughMcp());
  EXPECT_EQ(recordCount(), 2u);
  // Each role change made B's next request run again.
  EXPECT_GE(metricSample(b.request("GET", "/metrics").body, "tessera_requests_run_again_total"), 3);
}

TEST_F(ClusterTest, LastUseTimesFromBothNodesMerge) {
  const Workspace workspace = makeWorkspace(a, "ada@example.com");
  const auto created = createToken(a, workspace.owner, {"read"});
  const std::string token(created.at("token").as_string());
  const std::string id(created.at("id").as_string());
  const auto lastUsed = [&] {
    return a.request("GET", "/api/access-token/" + id, "", workspace.owner.headers())
        .json()
        .at("lastUsedAt");
  };
  ASSERT_EQ(b.request("GET", "/api/space", "", bearer(token)).status, 200);
  std::this_thread::sleep_for(50ms);
  ASSERT_EQ(a.request("GET", "/api/space", "", bearer(token)).status, 200);
  std::this_thread::sleep_for(2500ms);  // both nodes flush every second
  const auto afterBoth = lastUsed();
  ASSERT_TRUE(afterBoth.is_string());

  // A later use on B moves it forward; A's older time never moves it back.
  std::this_thread::sleep_for(50ms);
  ASSERT_EQ(b.request("GET", "/api/space", "", bearer(token)).status, 200);
  std::this_thread::sleep_for(2500ms);
  const auto afterB = lastUsed();
  EXPECT_GT(std::string(afterB.as_string()), std::string(afterBoth.as_string()));
}

TEST_F(ClusterTest, SessionsWorkThroughEitherNodeAndARestartLosesNothing) {
  LoadBalancer balancer(nodeA.port(), nodeB.port());
  HttpClient front(balancer.port());
  const Workspace workspace = makeWorkspace(front, "ada@example.com");
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(front.request("GET", "/api/auth/user", "", workspace.owner.headers()).status, 200);
    EXPECT_EQ(front
                  .json("POST", "/api/space", {{"name", "S" + std::to_string(i)}},
                        workspace.owner.headers())
                  .status,
              201);
  }
  // The one browser session was accepted by both nodes.
  EXPECT_NE(nodeA.logText().find("user_id=" + workspace.owner.id), std::string::npos);
  EXPECT_NE(nodeB.logText().find("user_id=" + workspace.owner.id), std::string::npos);

  ASSERT_EQ(nodeA.stop(), 0);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(front
                  .json("POST", "/api/space", {{"name", "T" + std::to_string(i)}},
                        workspace.owner.headers())
                  .status,
              201);
  }
  nodeA.restart();
  HttpClient again(nodeA.port());
  const auto spaces = again.request("GET", "/api/space", "", workspace.owner.headers()).json();
  EXPECT_EQ(spaces.at("spaces").as_array().size(), 21u);  // the workspace's, S0-9 and T0-9
}

TEST(PostgresFaultTest, StoppedUnderLoadTheServerAnswers503AndRecoversByItself) {
  PrivatePostgres postgres;
  TestServer node({"--database", postgres.url()});
  HttpClient client(node.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  std::atomic<bool> stop = false;
  std::atomic<int> ok = 0, unavailable = 0, other = 0;
  std::vector<std::thread> load;
  for (int i = 0; i < 4; ++i) {
    load.emplace_back([&] {
      while (!stop) {
        const HttpResult result =
            client.request("GET", "/api/space", "", workspace.owner.headers());
        if (result.status == 200) {
          ++ok;
        } else if (result.status == 503 && result.errorCode() == "database_unavailable" &&
                   result.header("retry-after") == "1") {
          ++unavailable;
        } else {
          ++other;
        }
      }
    });
  }
  std::this_thread::sleep_for(500ms);
  postgres.halt();
  std::this_thread::sleep_for(1500ms);
  const int okWhileDown = ok;
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(ok, okWhileDown) << "nothing can succeed without the database";
  EXPECT_EQ(client.request("GET", "/healthz").status, 200)
      << "liveness: the process is alive, and restarting it would not bring the database back";
  const HttpResult notReady = client.request("GET", "/readyz");
  EXPECT_EQ(notReady.status, 503) << "the balancer sees the node is not ready";
  EXPECT_EQ(notReady.errorCode(), "database_unavailable");
  postgres.resume();
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  const int okBefore = ok;
  while (ok < okBefore + 20 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
  }
  stop = true;
  for (auto& thread : load) thread.join();
  EXPECT_GT(unavailable, 0);
  EXPECT_EQ(other, 0) << "every failure is a 503 database_unavailable";
  EXPECT_GE(ok, okBefore + 20) << "the server recovers by itself";
  EXPECT_EQ(client.request("GET", "/healthz").status, 200);
  EXPECT_EQ(client.request("GET", "/readyz").status, 200);
}

}  // namespace
}  // namespace tessera::testing

namespace tessera::testing {
namespace {

TEST(MigrateCopyTest, ASqliteInstanceMovesOntoPostgresWithNothingLost) {
  PrivatePostgres postgres;
  TestServer sqlite;
  HttpClient before(sqlite.port());
  const Workspace workspace = makeWorkspace(before, "ada@example.com");
  const auto table = createTable(before, workspace,
                                 {{"name", "Parts"},
                                  {"fields",
                                   {{{"name", "Part"}, {"type", "singleLineText"}},
                                    {{"name", "Qty"}, {"type", "number"}},
                                    {{"name", "Gone"}, {"type", "checkbox"}},
                                    {{"name", "Tags"}, {"type", "multipleSelect"}}}}});
  const std::string tableId(table.at("id").as_string());
  createRecords(
      before, workspace.owner, tableId,
      {{{"Part", "bolt"}, {"Qty", 3.5}, {"Tags", "a, b"}}, {{"Part", "nut"}, {"Qty", 7}}});
  // Schema history SQLite must carry over: a renamed and a deleted column.
  ASSERT_EQ(before
                .json("PATCH", "/api/table/" + tableId + "/field/" + fieldId(table, "Qty"),
                      {{"name", "Quantity"}}, workspace.owner.headers())
                .status,
            200);
  ASSERT_EQ(before
                .request("DELETE", "/api/table/" + tableId + "/field/" + fieldId(table, "Gone"), "",
                         workspace.owner.headers())
                .status,
            200);
  // Links carry over: the junction table comes after the user table its
  // keys reference.
  ASSERT_EQ(
      postField(before, workspace.owner, tableId,
                {{"name", "Fits"}, {"type", "link"}, {"options", {{"linkedTableId", tableId}}}})
          .status,
      201);
  const auto parts =
      before.request("GET", "/api/table/" + tableId + "/record", "", workspace.owner.headers())
          .json()
          .at("records");
  ASSERT_EQ(
      patchRecord(before, workspace.owner, tableId, std::string(parts.at(0).at("id").as_string()),
                  {{"Fits", boost::json::array{parts.at(1).at("id")}}})
          .status,
      200);
  const std::string value(
      createToken(before, workspace.owner, {"read", "write"}).at("token").as_string());
  const std::string records = "/api/table/" + tableId + "/record";
  const auto original =
      before.request("GET", records, "", {{"Authorization", "Bearer " + value}}).json();
  ASSERT_EQ(sqlite.stop(), 0);

  std::string output;
  ASSERT_EQ(runTessera(onDatabaseOf(sqlite, {"migrate", "--copy-to", postgres.url()}), "", output),
            0)
      << output;
  EXPECT_EQ(runTessera(onDatabaseOf(sqlite, {"migrate", "--copy-to", postgres.url()}), "", output),
            1);
  EXPECT_NE(output.find("already has users"), std::string::npos) << output;

  TestServer moved({"--database", postgres.url()});
  HttpClient after(moved.port());
  const Headers bearer = {{"Authorization", "Bearer " + value}};
  EXPECT_EQ(after.request("GET", records, "", bearer).json(), original);
  const HttpResult signIn =
      after.json("POST", "/api/auth/signin",
                 {{"email", "ada@example.com"}, {"password", "correct horse battery"}});
  EXPECT_EQ(signIn.status, 200);
  const HttpResult added =
      after.json("POST", records,
                 {{"records", {{{"fields", {{"Part", "washer"}, {"Quantity", 1}}}}}}}, bearer);
  EXPECT_EQ(added.status, 201) << added.body;
  const auto filtered = after.request(
      "GET",
      records + "?filter=" +
          urlEncode(R"({"filterSet":[{"fieldId":"Quantity","operator":"isGreater","value":3}]})"),
      "", bearer);
  EXPECT_EQ(filtered.json().at("records").as_array().size(), 2u) << filtered.body;
  const auto linked = after.request(
      "GET",
      records +
          "?filter=" + urlEncode(R"({"filterSet":[{"fieldId":"Fits","operator":"isNotEmpty"}]})"),
      "", bearer);
  EXPECT_EQ(linked.json().at("records").as_array().size(), 1u) << linked.body;
  EXPECT_EQ(moved.logText().find("computed the linked values"), std::string::npos)
      << "the copied link cells are in the current form: nothing is refilled";
}

}  // namespace
}  // namespace tessera::testing

namespace tessera::testing {
namespace {

TEST(MigrateCopyTest, NodesStartingTogetherApplyMigrationsOnce) {
  PrivatePostgres postgres;
  std::vector<std::thread> nodes;
  std::array<int, 4> status{};
  std::array<std::string, 4> output;
  for (std::size_t i = 0; i < status.size(); ++i) {
    nodes.emplace_back([&, i] {
      status[i] = runTessera({"migrate", "--database", postgres.url()}, "", output[i]);
    });
  }
  for (auto& node : nodes) node.join();
  for (std::size_t i = 0; i < status.size(); ++i) EXPECT_EQ(status[i], 0) << output[i];
  TestServer node({"--database", postgres.url()});
  EXPECT_EQ(HttpClient(node.port()).request("GET", "/healthz").status, 200);
}

}  // namespace
}  // namespace tessera::testing
