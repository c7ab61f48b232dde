// A view's sort index is built in the background: saving the view never
// waits for the build, and on PostgreSQL writes to the table go on while
// the index is built concurrently (another session's uncommitted write
// holds the build back); once built, the index is there and valid.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <boost/json/parse.hpp>
#include <memory>

#include "support/sort_indexes.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

void run(PGconn* connection, const std::string& sql) {
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection, sql.c_str()), &PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  ASSERT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
      << sql << ": " << PQerrorMessage(connection);
}

TEST(SortIndexBuildTest, SavingAViewNeverWaitsForItsIndexAndWritesGoOn) {
  TestServer server;
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const auto table = createTable(client, workspace, boost::json::parse(R"({"name":"T","fields":[
      {"name":"Name","type":"singleLineText"},{"name":"Rank","type":"number"}]})"));
  const std::string tableId(table.at("id").as_string());
  createRecords(client, workspace.owner, tableId, {{{"Name", "a"}, {"Rank", 1}}});

  // On PostgreSQL another session writes to the table and does not commit
  // yet: a plain CREATE INDEX would wait for it, and every write to the
  // table behind it.
  Connection other(nullptr, &PQfinish);
  if (server.database().onPostgres()) {
    other.reset(PQconnectdb(server.database().url().c_str()));
    ASSERT_EQ(PQstatus(other.get()), CONNECTION_OK);
    run(other.get(), "BEGIN");
    run(other.get(), "LOCK TABLE \"t_" + tableId + "\" IN ROW EXCLUSIVE MODE");
  }

  const HttpResult view = client.json(
      "POST", "/api/table/" + tableId + "/view",
      {{"name", "By rank"}, {"sort", boost::json::parse(R"([{"fieldId":"Rank","order":"desc"}])")}},
      workspace.owner.headers());
  EXPECT_EQ(view.status, 201) << view.body;
  const auto written = client.json("POST", "/api/table/" + tableId + "/record",
                                   {{"records", {{{"fields", {{"Name", "b"}, {"Rank", 2}}}}}}},
                                   workspace.owner.headers());
  EXPECT_EQ(written.status, 201) << "writes go on while the index waits to be built";

  if (other) run(other.get(), "COMMIT");
  EXPECT_EQ(waitForBuiltSortIndexes(server, tableId, 1), "1\n")
      << "the index is built (once the other session is done)";
  const HttpResult page = client.request(
      "GET",
      "/api/table/" + tableId + "/record?viewId=" + std::string(view.json().at("id").as_string()),
      "", workspace.owner.headers());
  EXPECT_EQ(page.json().at("records").at(0).at("fields").at("Name"), "b");
}

}  // namespace
}  // namespace tessera::testing
