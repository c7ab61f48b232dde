// Keyset pagination: cursors walk every record exactly once, in default
// and sorted orders (empty cells last; several keys in mixed directions,
// given by orderBy or by a view), across inserts and deletes made between
// pages and with skip; bad or mismatched cursors are refused.
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <optional>
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

  // The names of the 250 records in the order "Rank ascending (empty cells
  // last), then Name descending", worked out here from what was created.
  static std::vector<std::string> rankThenNameDescending() {
    struct Expected {
      std::optional<int> rank;
      std::string name;
    };
    std::vector<Expected> all;
    for (int i = 0; i < 250; ++i) {
      all.push_back(
          {i % 7 != 0 ? std::optional<int>(i % 13) : std::nullopt, "r" + std::to_string(i)});
    }
    std::sort(all.begin(), all.end(), [](const Expected& a, const Expected& b) {
      if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
      if (a.rank != b.rank) return *a.rank < *b.rank;
      return a.name > b.name;
    });
    std::vector<std::string> names;
    for (const Expected& e : all) names.push_back(e.name);
    return names;
  }

  static std::vector<std::string> namesOf(const std::vector<boost::json::value>& records) {
    std::vector<std::string> names;
    for (const auto& record : records) {
      names.emplace_back(record.at("fields").at("Name").as_string());
    }
    return names;
  }

  static constexpr const char* kRankThenName =
      R"([{"fieldId":"Rank","order":"asc"},{"fieldId":"Name","order":"desc"}])";

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

TEST_F(PaginationTest, SeveralKeysInMixedDirectionsWalkInTheFullOrder) {
  const auto seen = walk("&orderBy=" + urlEncode(kRankThenName));
  EXPECT_EQ(namesOf(seen), rankThenNameDescending());
}

TEST_F(PaginationTest, AViewSortIsWalkedInItsOrderAndItsIndexComesAndGoes) {
  const std::string tableId(table.at("id").as_string());
  const HttpResult view =
      client.json("POST", "/api/table/" + tableId + "/view",
                  {{"name", "By rank"}, {"sort", boost::json::parse(kRankThenName)}},
                  workspace.owner.headers());
  ASSERT_EQ(view.status, 201) << view.body;
  const std::string viewId(view.json().at("id").as_string());
  EXPECT_EQ(namesOf(walk("&viewId=" + viewId)), rankThenNameDescending());

  // The fields a view sorts by can still be retyped and deleted (their
  // index goes first), and the view keeps working with what is left.
  const std::string fields = "/api/table/" + tableId + "/field/";
  const HttpResult retyped = client.json("PATCH", fields + fieldId(table, "Rank"),
                                         {{"type", "singleLineText"}}, workspace.owner.headers());
  EXPECT_EQ(retyped.status, 200) << retyped.body;
  EXPECT_EQ(walk("&viewId=" + viewId).size(), 250u);
  const HttpResult deleted =
      client.request("DELETE", fields + fieldId(table, "Rank"), "", workspace.owner.headers());
  EXPECT_EQ(deleted.status, 200) << deleted.body;
  const auto byName = namesOf(walk("&viewId=" + viewId));
  ASSERT_EQ(byName.size(), 250u);
  EXPECT_TRUE(std::is_sorted(byName.rbegin(), byName.rend())) << "Name descending";
  EXPECT_EQ(client
                .request("DELETE", "/api/table/" + tableId + "/view/" + viewId, "",
                         workspace.owner.headers())
                .status,
            204);
}

TEST_F(PaginationTest, SkipAfterACursorCountsAcrossTheSortGroups) {
  const std::string sorted = "&orderBy=" + urlEncode(kRankThenName);
  const auto first =
      client.request("GET", records + "?take=30" + sorted, "", workspace.owner.headers()).json();
  const std::string cursor(first.at("nextCursor").as_string());
  const auto expected = rankThenNameDescending();
  for (const int skip : {0, 3, 45, 200, 219, 220, 400}) {
    const auto page = client
                          .request("GET",
                                   records + "?take=10&skip=" + std::to_string(skip) + sorted +
                                       "&cursor=" + cursor,
                                   "", workspace.owner.headers())
                          .json();
    std::vector<boost::json::value> got(page.at("records").as_array().begin(),
                                        page.at("records").as_array().end());
    const auto from = std::min<std::size_t>(30 + skip, expected.size());
    const auto to = std::min<std::size_t>(from + 10, expected.size());
    EXPECT_EQ(namesOf(got),
              std::vector<std::string>(expected.begin() + from, expected.begin() + to))
        << "skip " << skip;
  }
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

std::string base64Url(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.pop_back();  // the terminating NUL
  return out;
}

std::string fromBase64Url(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                    text.size(), nullptr, &length, nullptr,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(length);
  return out;
}

// A cursor of a sort over every kind of column (text, real, big and small
// integers), each of its values replaced by each JSON value that could be
// sent: the answer is the page or 400 invalid_cursor, never a 5xx (on
// PostgreSQL a string cast to a number, or an integer out of INTEGER's
// range, was a 500).
TEST(TamperedCursorTest, EveryMutatedCursorValueIsAPageOrA400) {
  TestServer server;
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const auto table = createTable(client, workspace, boost::json::parse(R"({"name":"T","fields":[
      {"name":"Name","type":"singleLineText"},{"name":"Points","type":"number"},
      {"name":"Due","type":"date"},{"name":"Done","type":"checkbox"},
      {"name":"Stars","type":"rating"},{"name":"Made","type":"createdTime"}]})"));
  const std::string tableId(table.at("id").as_string());
  boost::json::array rows;
  for (int i = 0; i < 6; ++i) {
    rows.push_back({{"Name", "n" + std::to_string(i)},
                    {"Points", i * 1.5},
                    {"Due", "2026-0" + std::to_string(i + 1) + "-01"},
                    {"Done", i % 2 == 0},
                    {"Stars", i % 5}});
  }
  createRecords(client, workspace.owner, tableId, rows);
  const std::string sorted =
      "/api/table/" + tableId + "/record?take=2&orderBy=" +
      urlEncode(R"([{"fieldId":"Name"},{"fieldId":"Points"},{"fieldId":"Due"},)"
                R"({"fieldId":"Done"},{"fieldId":"Stars","order":"desc"},{"fieldId":"Made"}])");
  const auto first = client.request("GET", sorted, "", workspace.owner.headers()).json();
  const boost::json::value cursor =
      boost::json::parse(fromBase64Url(std::string(first.at("nextCursor").as_string())));
  const std::size_t parts = cursor.at("v").as_array().size();
  ASSERT_EQ(parts, 13u);
  const boost::json::array replacements =
      boost::json::parse(
          R"(["x", "", "2026-01-01", 0, 1, -1, 2147483648, -2147483649, 4611686018427387904,
          18446744073709551615, 1.5, -1e300, null, true, [], {}])")
          .as_array();
  int pages = 0;
  for (std::size_t i = 0; i < parts; ++i) {
    for (const boost::json::value& replacement : replacements) {
      boost::json::value mutated = cursor;
      mutated.at("v").as_array()[i] = replacement;
      const HttpResult result =
          client.request("GET", sorted + "&cursor=" + base64Url(boost::json::serialize(mutated)),
                         "", workspace.owner.headers());
      const std::string what = "value " + std::to_string(i) +
                               " := " + boost::json::serialize(replacement) + ": " + result.body;
      if (result.status == 200) {
        ++pages;
      } else {
        EXPECT_EQ(result.status, 400) << what;
        EXPECT_EQ(result.errorCode(), "invalid_cursor") << what;
      }
    }
  }
  EXPECT_GT(pages, 0) << "values of the right type are still taken";
}

TEST_F(PaginationTest, SkipAndTakeStillWork) {
  const auto page =
      client.request("GET", records + "?take=5&skip=10", "", workspace.owner.headers()).json();
  ASSERT_EQ(page.at("records").as_array().size(), 5u);
  EXPECT_EQ(page.at("records").at(0).at("fields").at("Name").as_string(), "r10");
}

}  // namespace
}  // namespace tessera::testing
