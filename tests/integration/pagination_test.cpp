// Keyset pagination: cursors walk every record exactly once, in default
// and sorted orders (empty cells last), across inserts and deletes made
// between pages; bad or mismatched cursors are refused.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

class PaginationTest : public ::testing::Test {
 protected:
  PaginationTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    table = createTable(client, workspace, boost::json::parse(R"({"name":"Rows","fields":[
        {"name":"Name","type":"singleLineText"},{"name":"Rank","type":"number"}]})"));
    records = "/api/table/" + std::string(table.at("id").as_string()) + "/record";
    boost::json::array rows;
    for (int i = 0; i < 250; ++i) {
      boost::json::object fields{{"Name", "r" + std::to_string(i)}};
      if (i % 7 != 0) fields["Rank"] = i % 13;  // ties and empty cells
      rows.push_back(fields);
    }
    createRecords(client, workspace.owner, std::string(table.at("id").as_string()), rows);
  }

  // Walks all pages; `between` runs after each page.
  std::vector<boost::json::value> walk(const std::string& extra,
                                       const std::function<void(int)>& between = {}) {
    std::vector<boost::json::value> seen;
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
      const HttpResult result = client.request(
          "GET", records + "?take=40" + extra + (cursor.empty() ? "" : "&cursor=" + cursor), "",
          workspace.owner.headers());
      EXPECT_EQ(result.status, 200) << result.body;
      const auto body = result.json();
      for (const auto& record : body.at("records").as_array()) seen.push_back(record);
      if (body.at("nextCursor").is_null()) break;
      cursor = std::string(body.at("nextCursor").as_string());
      if (between) between(page);
    }
    return seen;
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  boost::json::value table;
  std::string records;
};

TEST_F(PaginationTest, DefaultOrderVisitsEveryRecordOnceInCreationOrder) {
  const auto seen = walk("");
  ASSERT_EQ(seen.size(), 250u);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].at("fields").at("Name").as_string(), "r" + std::to_string(i));
  }
}

TEST_F(PaginationTest, SortedPagesFollowTheSortWithEmptyCellsLast) {
  const std::string orderBy = "&orderBy=" + urlEncode(R"([{"fieldId":"Rank","order":"desc"}])");
  const auto seen = walk(orderBy);
  ASSERT_EQ(seen.size(), 250u);
  std::set<std::string> ids;
  bool inEmptyTail = false;
  double previous = 1e9;
  for (const auto& record : seen) {
    ids.insert(std::string(record.at("id").as_string()));
    const auto& fields = record.at("fields").as_object();
    if (!fields.contains("Rank")) {
      inEmptyTail = true;
      continue;
    }
    EXPECT_FALSE(inEmptyTail) << "a value after an empty cell";
    const double rank = fields.at("Rank").to_number<double>();
    EXPECT_LE(rank, previous);
    previous = rank;
  }
  EXPECT_EQ(ids.size(), 250u) << "no record twice, none missed";
}

TEST_F(PaginationTest, InsertsAndDeletesBetweenPagesDoNotShiftTheWalk) {
  std::vector<std::string> deleted;
  const auto seen = walk("", [&](int page) {
    if (page != 1) return;
    // Delete an early record (already seen) and a later one (not yet seen),
    // and add one at the end.
    const auto first =
        client.request("GET", records + "?take=1", "", workspace.owner.headers()).json();
    const std::string early(first.at("records").at(0).at("id").as_string());
    const auto later =
        client.request("GET", records + "?take=1&skip=200", "", workspace.owner.headers()).json();
    const std::string late(later.at("records").at(0).at("id").as_string());
    client.request("DELETE", records + "?recordIds=" + early + "," + late, "",
                   workspace.owner.headers());
    deleted = {early, late};
    createRecords(client, workspace.owner, std::string(table.at("id").as_string()),
                  {{{"Name", "added"}}});
  });
  std::set<std::string> names;
  for (const auto& record : seen)
    names.insert(std::string(record.at("fields").at("Name").as_string()));
  EXPECT_EQ(seen.size(), 250u) << "249 originals seen or deleted after being seen, plus 1 added";
  EXPECT_EQ(names.size(), seen.size()) << "nothing twice";
  EXPECT_TRUE(names.contains("added"));
  EXPECT_FALSE(names.contains("r200"));
}

TEST_F(PaginationTest, BadCursorsAreRefused) {
  const auto first =
      client.request("GET", records + "?take=10", "", workspace.owner.headers()).json();
  const std::string cursor(first.at("nextCursor").as_string());
  const std::string sorted = "&orderBy=" + urlEncode(R"([{"fieldId":"Rank"}])");
  for (const std::string& query : std::vector<std::string>{
           "?cursor=garbage!!", "?cursor=" + cursor + sorted, "?cursor=eyJvIjoiIiwidiI6WyJ4Il19"}) {
    const HttpResult result = client.request("GET", records + query, "", workspace.owner.headers());
    EXPECT_EQ(result.status, 400) << query << " " << result.body;
    EXPECT_EQ(result.errorCode(), "invalid_cursor") << result.body;
  }
}

TEST_F(PaginationTest, SkipAndTakeStillWork) {
  const auto page =
      client.request("GET", records + "?take=5&skip=10", "", workspace.owner.headers()).json();
  ASSERT_EQ(page.at("records").as_array().size(), 5u);
  EXPECT_EQ(page.at("records").at(0).at("fields").at("Name").as_string(), "r10");
}

}  // namespace
}  // namespace tessera::testing
