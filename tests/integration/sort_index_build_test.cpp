// A view's sort index is built in the background: saving the view never
// waits for the build, and on PostgreSQL writes to the table go on while
// the index is built concurrently (another session's uncommitted write
// holds the build back); once built, the index is there and valid.
// Deleting a view never waits for a build either: its index goes after,
// in the background too.
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

class SortIndexBuildTest : public ::testing::Test {
 protected:
  SortIndexBuildTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    const auto table = createTable(client, workspace, boost::json::parse(R"({"name":"T","fields":[
      {"name":"Name","type":"singleLineText"},{"name":"Rank","type":"number"}]})"));
    tableId = std::string(table.at("id").as_string());
    views = "/api/table/" + tableId + "/view";
  }

  // On PostgreSQL another session writes to the table and does not commit
  // yet (until `other` commits): a plain CREATE INDEX would wait for it,
  // and every write to the table behind it. Nothing on SQLite.
  void holdTheTableWithAnOpenWrite() {
    if (!server.database().onPostgres()) return;
    other.reset(PQconnectdb(server.database().url().c_str()));
    ASSERT_EQ(PQstatus(other.get()), CONNECTION_OK);
    run(other.get(), "BEGIN");
    run(other.get(), "LOCK TABLE \"t_" + tableId + "\" IN ROW EXCLUSIVE MODE");
  }
  void commitTheOpenWrite() {
    if (other) run(other.get(), "COMMIT");
  }

  HttpResult addView(const std::string& name, const char* sort) {
    return client.json("POST", views, {{"name", name}, {"sort", boost::json::parse(sort)}},
                       workspace.owner.headers());
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  std::string tableId;
  std::string views;
  Connection other{nullptr, &PQfinish};
};

TEST_F(SortIndexBuildTest, SavingAViewNeverWaitsForItsIndexAndWritesGoOn) {
  createRecords(client, workspace.owner, tableId, {{{"Name", "a"}, {"Rank", 1}}});
  holdTheTableWithAnOpenWrite();
  const HttpResult view = addView("By rank", R"([{"fieldId":"Rank","order":"desc"}])");
  EXPECT_EQ(view.status, 201) << view.body;
  const auto written = client.json("POST", "/api/table/" + tableId + "/record",
                                   {{"records", {{{"fields", {{"Name", "b"}, {"Rank", 2}}}}}}},
                                   workspace.owner.headers());
  EXPECT_EQ(written.status, 201) << "writes go on while the index waits to be built";

  commitTheOpenWrite();
  EXPECT_EQ(waitForBuiltSortIndexes(server, tableId, 1), "1\n")
      << "the index is built (once the other session is done)";
  const HttpResult page = client.request(
      "GET",
      "/api/table/" + tableId + "/record?viewId=" + std::string(view.json().at("id").as_string()),
      "", workspace.owner.headers());
  EXPECT_EQ(page.json().at("records").at(0).at("fields").at("Name"), "b");
}

// The view's index is being built (on PostgreSQL, held back by another
// session's open write) when the view is deleted: the deletion answers at
// once, and the index goes once the build is over.
TEST_F(SortIndexBuildTest, DeletingAViewNeverWaitsForItsIndexAndTheIndexGoesAfter) {
  createRecords(client, workspace.owner, tableId, {{{"Name", "a"}, {"Rank", 1}}});
  holdTheTableWithAnOpenWrite();
  const HttpResult view = addView("By rank", R"([{"fieldId":"Rank","order":"desc"}])");
  ASSERT_EQ(view.status, 201) << view.body;
  const HttpResult deleted =
      client.request("DELETE", views + "/" + std::string(view.json().at("id").as_string()), "",
                     workspace.owner.headers());
  EXPECT_EQ(deleted.status, 204) << deleted.body << server.logText();

  commitTheOpenWrite();
  EXPECT_EQ(waitForBuiltSortIndexes(server, tableId, 0), "0\n");
  EXPECT_EQ(server.logText().find("sort index"), std::string::npos) << server.logText();
}

// Views with sorts come and go faster than their indexes are built: every
// change answers, no build fails, and no index is left behind.
TEST_F(SortIndexBuildTest, ViewsComingAndGoingLeaveNoIndexBehindAndNoBuildFails) {
  boost::json::array rows;
  for (int i = 0; i < 200; ++i)
    rows.push_back({{"Name", "r" + std::to_string(i)}, {"Rank", i % 9}});
  createRecords(client, workspace.owner, tableId, rows);

  for (int i = 0; i < 30; ++i) {
    const char* sort = i % 3 == 0   ? R"([{"fieldId":"Rank","order":"desc"}])"
                       : i % 3 == 1 ? R"([{"fieldId":"Name"}])"
                                    : R"([{"fieldId":"Rank"},{"fieldId":"Name","order":"desc"}])";
    const HttpResult view = addView("V" + std::to_string(i), sort);
    ASSERT_EQ(view.status, 201) << view.body;
    const std::string viewPath = views + "/" + std::string(view.json().at("id").as_string());
    if (i % 2 == 1) {  // a changed sort, too
      const HttpResult changed =
          client.json("PATCH", viewPath, {{"sort", boost::json::parse(R"([{"fieldId":"Name"}])")}},
                      workspace.owner.headers());
      ASSERT_EQ(changed.status, 200) << changed.body << server.logText();
    }
    const HttpResult deleted = client.request("DELETE", viewPath, "", workspace.owner.headers());
    ASSERT_EQ(deleted.status, 204) << deleted.body << server.logText();
  }
  EXPECT_EQ(waitForBuiltSortIndexes(server, tableId, 0), "0\n");
  EXPECT_EQ(server.logText().find("sort index"), std::string::npos) << server.logText();
}

}  // namespace
}  // namespace tessera::testing
