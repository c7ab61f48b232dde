// Every filter operator on every field type it fits, against records with
// known values; operators that do not fit a type are refused with 400.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <ctime>
#include <set>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

using Titles = std::set<std::string>;

std::string dayFromNow(int days) {
  const std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

class FiltersTest : public ::testing::Test {
 protected:
  FiltersTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    table = createTable(client, workspace, boost::json::parse(R"({"name":"Tasks","fields":[
      {"name":"Title","type":"singleLineText"},
      {"name":"Notes","type":"longText"},
      {"name":"Points","type":"number","options":{"precision":1}},
      {"name":"Done","type":"checkbox"},
      {"name":"Due","type":"date"},
      {"name":"Status","type":"singleSelect","options":{"choices":[{"name":"New"},{"name":"Doing"},{"name":"Done"}]}},
      {"name":"Tags","type":"multipleSelect","options":{"choices":[{"name":"red"},{"name":"blue"},{"name":"green"}]}},
      {"name":"Email","type":"email"},
      {"name":"Site","type":"url"},
      {"name":"Stars","type":"rating"},
      {"name":"No","type":"autoNumber"},
      {"name":"Created","type":"createdTime"},
      {"name":"Author","type":"createdBy"}]})"));
    tableId = std::string(table.at("id").as_string());
    boost::json::array rows = {
        {{"Title", "Alpha"},
         {"Notes", "first note"},
         {"Points", 1},
         {"Done", true},
         {"Due", dayFromNow(-100)},
         {"Status", "New"},
         {"Tags", {"red"}},
         {"Email", "a@x.io"},
         {"Site", "https://a.example"},
         {"Stars", 1}},
        {{"Title", "Beta"},
         {"Notes", "Second NOTE"},
         {"Points", 5.5},
         {"Done", false},
         {"Due", dayFromNow(-10)},
         {"Status", "Doing"},
         {"Tags", {"red", "blue"}},
         {"Email", "b@x.io"},
         {"Stars", 3}},
        {{"Title", "Gamma"},
         {"Points", 10},
         {"Due", dayFromNow(10)},
         {"Status", "Done"},
         {"Tags", {"blue", "green"}},
         {"Site", "https://c.example"},
         {"Stars", 5}},
        {{"Title", "Delta"}},
    };
    createRecords(client, workspace.owner, tableId, rows);
  }

  HttpResult query(const boost::json::value& filter) {
    return client.request(
        "GET",
        "/api/table/" + tableId + "/record?filter=" + urlEncode(boost::json::serialize(filter)), "",
        workspace.owner.headers());
  }

  Titles titles(const boost::json::value& filter) {
    const HttpResult result = query(filter);
    EXPECT_EQ(result.status, 200) << boost::json::serialize(filter) << " " << result.body;
    Titles found;
    if (result.status != 200) return found;
    const boost::json::value body = result.json();
    for (const auto& record : body.at("records").as_array()) {
      found.insert(std::string(record.at("fields").at("Title").as_string()));
    }
    return found;
  }

  static boost::json::value where(const std::string& field, const std::string& op,
                                  const boost::json::value& value = nullptr) {
    boost::json::object condition{{"fieldId", field}, {"operator", op}};
    if (!value.is_null()) condition["value"] = value;
    return {{"conjunction", "and"}, {"filterSet", boost::json::array{condition}}};
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  boost::json::value table;
  std::string tableId;
};

TEST_F(FiltersTest, EveryOperatorOnEveryTypeItFits) {
  const std::string userId = workspace.owner.id;
  const struct {
    std::string field, op;
    boost::json::value value;
    Titles expected;
  } cases[] = {
      {"Title", "is", "Beta", {"Beta"}},
      {"Title", "isNot", "Beta", {"Alpha", "Gamma", "Delta"}},
      {"Title", "contains", "TA", {"Beta", "Delta"}},
      {"Title", "doesNotContain", "ta", {"Alpha", "Gamma"}},
      {"Title", "isAnyOf", {"Alpha", "Gamma"}, {"Alpha", "Gamma"}},
      {"Title", "isNoneOf", {"Alpha"}, {"Beta", "Gamma", "Delta"}},
      {"Notes", "isEmpty", nullptr, {"Gamma", "Delta"}},
      {"Notes", "isNotEmpty", nullptr, {"Alpha", "Beta"}},
      {"Notes", "contains", "note", {"Alpha", "Beta"}},
      {"Points", "is", 5.5, {"Beta"}},
      {"Points", "isNot", 5.5, {"Alpha", "Gamma", "Delta"}},
      {"Points", "isGreater", 1, {"Beta", "Gamma"}},
      {"Points", "isGreaterEqual", 1, {"Alpha", "Beta", "Gamma"}},
      {"Points", "isLess", 10, {"Alpha", "Beta"}},
      {"Points", "isLessEqual", 10, {"Alpha", "Beta", "Gamma"}},
      {"Points", "isEmpty", nullptr, {"Delta"}},
      {"Points", "isNotEmpty", nullptr, {"Alpha", "Beta", "Gamma"}},
      {"Done", "is", true, {"Alpha"}},
      {"Done", "is", false, {"Beta", "Gamma", "Delta"}},
      {"Due", "is", boost::json::value(dayFromNow(-10)), {"Beta"}},
      {"Due", "isNot", boost::json::value(dayFromNow(-10)), {"Alpha", "Gamma", "Delta"}},
      {"Due", "isGreater", boost::json::value(dayFromNow(-10)), {"Gamma"}},
      {"Due", "isGreaterEqual", boost::json::value(dayFromNow(-10)), {"Beta", "Gamma"}},
      {"Due", "isLess", boost::json::value(dayFromNow(-10)), {"Alpha"}},
      {"Due", "isLessEqual", boost::json::value(dayFromNow(-10)), {"Alpha", "Beta"}},
      {"Due", "isEmpty", nullptr, {"Delta"}},
      {"Due", "isNotEmpty", nullptr, {"Alpha", "Beta", "Gamma"}},
      {"Due", "isWithIn", "pastYear", {"Alpha", "Beta"}},
      {"Due", "isWithIn", "nextMonth", {"Gamma"}},
      {"Due", "isWithIn", {{"mode", "pastNumberOfDays"}, {"numberOfDays", 50}}, {"Beta"}},
      {"Status", "is", "Doing", {"Beta"}},
      {"Status", "is", "doing", {"Beta"}},
      {"Status", "isNot", "Doing", {"Alpha", "Gamma", "Delta"}},
      {"Status", "isAnyOf", {"New", "Done"}, {"Alpha", "Gamma"}},
      {"Status", "isNoneOf", {"New"}, {"Beta", "Gamma", "Delta"}},
      {"Status", "isEmpty", nullptr, {"Delta"}},
      {"Status", "isNotEmpty", nullptr, {"Alpha", "Beta", "Gamma"}},
      {"Tags", "hasAnyOf", {"blue"}, {"Beta", "Gamma"}},
      {"Tags", "hasAnyOf", {"red", "green"}, {"Alpha", "Beta", "Gamma"}},
      {"Tags", "hasAllOf", {"red", "blue"}, {"Beta"}},
      {"Tags", "isNoneOf", {"red"}, {"Gamma", "Delta"}},
      {"Tags", "isEmpty", nullptr, {"Delta"}},
      {"Tags", "isNotEmpty", nullptr, {"Alpha", "Beta", "Gamma"}},
      {"Email", "is", "a@x.io", {"Alpha"}},
      {"Email", "contains", "x.io", {"Alpha", "Beta"}},
      {"Email", "isEmpty", nullptr, {"Gamma", "Delta"}},
      {"Site", "isNotEmpty", nullptr, {"Alpha", "Gamma"}},
      {"Site", "contains", "c.example", {"Gamma"}},
      {"Stars", "is", 5, {"Gamma"}},
      {"Stars", "isGreater", 2, {"Beta", "Gamma"}},
      {"Stars", "isEmpty", nullptr, {"Delta"}},
      {"No", "is", 2, {"Beta"}},
      {"No", "isLess", 3, {"Alpha", "Beta"}},
      {"No", "isGreaterEqual", 3, {"Gamma", "Delta"}},
      {"Created", "isWithIn", "pastWeek", {"Alpha", "Beta", "Gamma", "Delta"}},
      {"Created", "isLess", "2000-01-01", {}},
      {"Author", "is", boost::json::value(userId), {"Alpha", "Beta", "Gamma", "Delta"}},
      {"Author", "isNot", boost::json::value(userId), {}},
      {"Author", "isAnyOf", {boost::json::value(userId)}, {"Alpha", "Beta", "Gamma", "Delta"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(titles(where(c.field, c.op, c.value)), c.expected)
        << c.field << " " << c.op << " " << boost::json::serialize(c.value);
  }
}

TEST_F(FiltersTest, GroupsNestWithAndAndOr) {
  const auto filter = boost::json::parse(R"({"conjunction":"or","filterSet":[
      {"fieldId":"Title","operator":"is","value":"Alpha"},
      {"conjunction":"and","filterSet":[
        {"fieldId":"Points","operator":"isGreater","value":1},
        {"fieldId":"Status","operator":"is","value":"Done"}]}]})");
  EXPECT_EQ(titles(filter), (Titles{"Alpha", "Gamma"}));
  // Field ids work as well as names.
  EXPECT_EQ(titles(where(fieldId(table, "Title"), "is", "Beta")), Titles{"Beta"});
}

TEST_F(FiltersTest, CountUsesTheSameFilter) {
  const HttpResult count =
      client.request("GET",
                     "/api/table/" + tableId + "/record/count?filter=" +
                         urlEncode(boost::json::serialize(where("Tags", "hasAnyOf", {"blue"}))),
                     "", workspace.owner.headers());
  ASSERT_EQ(count.status, 200) << count.body;
  EXPECT_EQ(count.json().at("count").as_int64(), 2);
}

TEST_F(FiltersTest, OperatorsThatDoNotFitAreRefusedByName) {
  const struct {
    std::string field, op;
    boost::json::value value;
  } cases[] = {
      {"Done", "contains", "x"},       {"Tags", "is", "red"},
      {"Points", "contains", "1"},     {"Due", "hasAnyOf", {"x"}},
      {"Status", "is", "Nonexistent"}, {"Points", "is", "five"},
      {"Missing", "is", "x"},          {"Title", "isAnyOf", "not-an-array"},
      {"Due", "is", "yesterday"},      {"Due", "isWithIn", "someday"},
      {"Title", "bogusOperator", "x"},
  };
  for (const auto& c : cases) {
    const HttpResult result = query(where(c.field, c.op, c.value));
    EXPECT_EQ(result.status, 400) << c.field << " " << c.op << " " << result.body;
    EXPECT_EQ(result.errorCode(), "invalid_filter") << result.body;
  }
  EXPECT_EQ(query(boost::json::parse(R"({"conjunction":"xor","filterSet":[]})")).status, 400);
}

TEST_F(FiltersTest, DeeplyNestedFiltersAreRefusedClearly) {
  boost::json::value filter = where("Title", "is", "Alpha");
  for (int i = 0; i < 20; ++i) {
    filter = boost::json::object{{"conjunction", "and"}, {"filterSet", boost::json::array{filter}}};
  }
  const HttpResult result = query(filter);
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(result.errorCode(), "invalid_filter");
  const std::string notJson = client
                                  .request("GET", "/api/table/" + tableId + "/record?filter=%7B",
                                           "", workspace.owner.headers())
                                  .errorCode();
  EXPECT_EQ(notJson, "invalid_json");
}

}  // namespace
}  // namespace tessera::testing
