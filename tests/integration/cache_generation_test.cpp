// What lets PostgreSQL nodes cache tokens and roles (migration 15): every
// table a cache may read carries the trigger that advances the cache
// generation; a change of access advances it, a use of a token does not.
// And record numbers come from a sequence there (migration 16), so inserts
// into one table from many connections at once all succeed, each with a
// number of its own. The number tests run on both backends.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <future>
#include <set>
#include <thread>

#include "support/http_client.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

std::int64_t generation(const TestServer& server) {
  return std::stoll(server.database().query("SELECT value FROM cache_generation"));
}

TEST(CacheGenerationTest, EveryTableACacheMayReadAdvancesTheGeneration) {
  TestServer server;
  if (!server.database().onPostgres()) GTEST_SKIP() << "SQLite counts every write but a few";
  // Tables no cache reads: record tables and their link junctions (t_,
  // l_), field and view metadata, the audit log and bookkeeping.
  const std::string uncovered = server.database().query(
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
      " WHERE n.nspname = current_schema() AND c.relkind = 'r'"
      " AND c.relname NOT LIKE 't\\_%' AND c.relname NOT LIKE 'l\\_%'"
      " AND c.relname NOT IN ('fields_meta', 'views_meta', 'audit_events', 'schema_migrations',"
      "                       'materialised_format', 'cache_generation')"
      " AND NOT EXISTS (SELECT 1 FROM pg_trigger t"
      "                 WHERE t.tgrelid = c.oid AND t.tgname = 'cache_changed')"
      " ORDER BY 1");
  EXPECT_EQ(uncovered, "") << "a table a cache may read has no cache_changed trigger";
}

TEST(CacheGenerationTest, AccessChangesAdvanceItAndTokenUsesDoNot) {
  TestServer server({"--last-used-flush-seconds", "1"});
  if (!server.database().onPostgres()) GTEST_SKIP() << "the counter is a row on PostgreSQL";
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const auto before = generation(server);
  const auto created = createToken(client, workspace.owner, {"read"});
  const auto afterCreate = generation(server);
  EXPECT_GT(afterCreate, before);

  const std::string token(created.at("token").as_string());
  const Headers bearer = {{"Authorization", "Bearer " + token}};
  ASSERT_EQ(client.request("GET", "/api/space", "", bearer).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // the last use is flushed
  ASSERT_NE(server.database().query("SELECT last_used_at FROM access_tokens"), "");
  const boost::json::value table = createTable(
      client, workspace,
      boost::json::parse(R"({"name":"Parts","fields":[{"name":"Name","type":"singleLineText"}]})"));
  const auto afterTable = generation(server);
  EXPECT_GT(afterTable, afterCreate) << "a new table changes what roles reach";
  createRecords(client, workspace.owner, std::string(table.at("id").as_string()),
                {{{"Name", "bolt"}}});
  EXPECT_EQ(generation(server), afterTable) << "records and last uses leave the caches alone";

  const std::string id(created.at("id").as_string());
  ASSERT_EQ(
      client.request("DELETE", "/api/access-token/" + id, "", workspace.owner.headers()).status,
      204);
  EXPECT_GT(generation(server), afterTable);
  EXPECT_EQ(client.request("GET", "/api/space", "", bearer).status, 401);
}

TEST(RecordNumberTest, InsertsFromManyConnectionsAtOnceAllSucceedWithNumbersOfTheirOwn) {
  TestServer server;
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const boost::json::value table =
      createTable(client, workspace, boost::json::parse(R"({"name":"Parts","fields":[
        {"name":"Name","type":"singleLineText"},{"name":"Number","type":"autoNumber"}]})"));
  const std::string tableId(table.at("id").as_string());
  const std::string path = "/api/table/" + tableId + "/record";
  constexpr int kWriters = 8, kEach = 10;
  std::vector<std::future<int>> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.push_back(std::async(std::launch::async, [&, w] {
      HttpClient own(server.port());
      int created = 0;
      for (int i = 0; i < kEach; ++i) {
        boost::json::object fields, record, body;
        fields["Name"] = "part " + std::to_string(w * kEach + i);
        record["fields"] = fields;
        body["records"] = boost::json::array{record};
        const HttpResult result = own.json("POST", path, body, workspace.owner.headers());
        EXPECT_EQ(result.status, 201) << result.body;
        created += result.status == 201 ? 1 : 0;
      }
      return created;
    }));
  }
  int created = 0;
  for (auto& writer : writers) created += writer.get();
  EXPECT_EQ(created, kWriters * kEach);

  const HttpResult list = client.request("GET", path + "?take=1000", "", workspace.owner.headers());
  ASSERT_EQ(list.status, 200) << list.body;
  std::set<std::int64_t> numbers;
  const boost::json::value answer = list.json();
  for (const auto& record : answer.at("records").as_array()) {
    numbers.insert(record.at("fields").at("Number").as_int64());
  }
  EXPECT_EQ(numbers.size(), static_cast<std::size_t>(kWriters * kEach)) << "a number was repeated";
}

}  // namespace
}  // namespace tessera::testing
