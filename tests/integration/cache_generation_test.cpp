// What lets PostgreSQL nodes cache tokens and roles (migration 15): every
// table a cache may read carries the trigger that advances the cache
// generation; a change of access advances it, a use of a token does not.
// And record numbers come from a sequence there (migration 16), so inserts
// into one table from many connections at once all succeed, each with a
// number of its own; concurrent writes that conflict are run again and
// counted in /metrics. The record tests run on both backends.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <future>
#include <set>
#include <thread>

#include "support/http_client.h"
#include "support/metric_sample.h"
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

// Creates `perPost` records with each of `each` POSTs from each of
// `writers` connections at once; returns how many POSTs were answered 201.
int postFromManyConnections(TestServer& server, const std::string& path, const Workspace& workspace,
                            int writers, int each, int perPost) {
  std::vector<std::future<int>> posting;
  for (int w = 0; w < writers; ++w) {
    posting.push_back(std::async(std::launch::async, [&, w] {
      HttpClient own(server.port());
      int created = 0;
      for (int i = 0; i < each; ++i) {
        boost::json::array records;
        for (int r = 0; r < perPost; ++r) {
          boost::json::object fields, record;
          fields["Name"] = "part " + std::to_string(((w * each) + i) * perPost + r);
          record["fields"] = fields;
          records.push_back(record);
        }
        const HttpResult result = own.json("POST", path, boost::json::object{{"records", records}},
                                           workspace.owner.headers());
        EXPECT_EQ(result.status, 201) << result.body;
        created += result.status == 201 ? 1 : 0;
      }
      return created;
    }));
  }
  int created = 0;
  for (auto& writer : posting) created += writer.get();
  return created;
}

class RecordNumberTest : public ::testing::Test {
 protected:
  RecordNumberTest() : client(server.port()), workspace(makeWorkspace(client, "ada@example.com")) {
    const boost::json::value table =
        createTable(client, workspace, boost::json::parse(R"({"name":"Parts","fields":[
          {"name":"Name","type":"singleLineText"},{"name":"Number","type":"autoNumber"}]})"));
    path = "/api/table/" + std::string(table.at("id").as_string()) + "/record";
  }

  // The distinct record numbers of the table's first `take` records.
  std::set<std::int64_t> numbers(int take) {
    const HttpResult list = client.request("GET", path + "?take=" + std::to_string(take), "",
                                           workspace.owner.headers());
    EXPECT_EQ(list.status, 200) << list.body;
    std::set<std::int64_t> seen;
    const boost::json::value answer = list.json();
    for (const auto& record : answer.at("records").as_array()) {
      seen.insert(record.at("fields").at("Number").as_int64());
    }
    return seen;
  }

  TestServer server;
  HttpClient client;
  Workspace workspace;
  std::string path;
};

TEST_F(RecordNumberTest, InsertsFromManyConnectionsAtOnceAllSucceedWithNumbersOfTheirOwn) {
  constexpr int kWriters = 8, kEach = 10;
  EXPECT_EQ(postFromManyConnections(server, path, workspace, kWriters, kEach, 1), kWriters * kEach);
  EXPECT_EQ(numbers(1000).size(), static_cast<std::size_t>(kWriters * kEach))
      << "a number was repeated";
}

// On PostgreSQL, a bulk write that read its 1,000 rows back for its answer
// took predicate locks on most of the table's index, so concurrent bulk
// writes to one table conflicted and ran again; they answer from
// INSERT ... RETURNING now and do not conflict at all.
TEST_F(RecordNumberTest, BulkInsertsFromManyConnectionsAtOnceAllSucceedWithoutConflicts) {
  constexpr int kWriters = 8, kEach = 2, kPerPost = 1000;
  EXPECT_EQ(postFromManyConnections(server, path, workspace, kWriters, kEach, kPerPost),
            kWriters * kEach);
  const HttpResult count = client.request("GET", path + "/count", "", workspace.owner.headers());
  ASSERT_EQ(count.status, 200) << count.body;
  EXPECT_EQ(count.json().at("count").as_int64(), kWriters * kEach * kPerPost);
  EXPECT_EQ(numbers(1000).size(), 1000u);
  EXPECT_EQ(
      metricSample(client.request("GET", "/metrics").body, "tessera_database_write_retries_total"),
      0);
}

TEST_F(RecordNumberTest, ConcurrentUpdatesOfOneRecordAllApplyAndTheirConflictsAreCounted) {
  const HttpResult created =
      client.json("POST", path, boost::json::parse(R"({"records":[{"fields":{}}]})"),
                  workspace.owner.headers());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string record =
      path + "/" + std::string(created.json().at("records").at(0).at("id").as_string());
  constexpr int kWriters = 8, kEach = 10;
  std::vector<std::future<void>> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.push_back(std::async(std::launch::async, [&, w] {
      HttpClient own(server.port());
      for (int i = 0; i < kEach; ++i) {
        boost::json::object fields{{"Name", "writer " + std::to_string(w)}};
        const HttpResult result = own.json("PATCH", record, boost::json::object{{"fields", fields}},
                                           workspace.owner.headers());
        EXPECT_EQ(result.status, 200) << result.body;
      }
    }));
  }
  for (auto& writer : writers) writer.get();
  const HttpResult read = client.request("GET", record, "", workspace.owner.headers());
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json().at("version").as_int64(), 1 + kWriters * kEach) << "an update was lost";
  const double retries =
      metricSample(client.request("GET", "/metrics").body, "tessera_database_write_retries_total");
  if (server.database().onPostgres()) {
    EXPECT_GT(retries, 0) << "SERIALIZABLE updates of one row from 8 connections conflict";
  } else {
    EXPECT_EQ(retries, 0) << "SQLite's one writer never conflicts";
  }
}

}  // namespace
}  // namespace tessera::testing
