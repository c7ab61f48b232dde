// The abuse catalogue: each hostile input gets its clear error, never a
// 5xx, and the server keeps serving.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

class AbuseTest : public ::testing::Test {
 protected:
  AbuseTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    table = createTable(
        client, workspace,
        {{"name", "T"},
         {"fields",
          {{{"name", "Name"}, {"type", "singleLineText"}}, {{"name", "N"}, {"type", "number"}}}}});
    records = "/api/table/" + std::string(table.at("id").as_string()) + "/record";
  }

  HttpResult postRaw(const std::string& body) {
    Headers headers = workspace.owner.headers();
    headers.emplace_back("Content-Type", "application/json");
    return client.request("POST", records, body, headers);
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  boost::json::value table;
  std::string records;
};

TEST_F(AbuseTest, UnknownMethodsAre405WithAllow) {
  const HttpResult result = client.request("BREW", "/healthz");
  EXPECT_EQ(result.status, 405);
  EXPECT_EQ(result.header("allow"), "GET");
}

TEST_F(AbuseTest, HugeNumbersAreRefusedByField) {
  const HttpResult huge = postRaw(R"({"records":[{"fields":{"N":1e400}}]})");
  EXPECT_EQ(huge.status, 400) << huge.body;
  const HttpResult longInteger =
      postRaw(R"({"records":[{"fields":{"N":123456789012345678901234567890}}]})");
  EXPECT_LT(longInteger.status, 500) << longInteger.body;
}

TEST_F(AbuseTest, NulBytesInNamesAndCellsAreRefused) {
  EXPECT_EQ(postRaw(R"({"records":[{"fields":{"Name":"a\u0000b"}}]})").errorCode(), "invalid_cell");
  EXPECT_EQ(
      client
          .json("POST", "/api/space", {{"name", std::string("a\0b", 3)}}, workspace.owner.headers())
          .errorCode(),
      "invalid_field");
}

TEST_F(AbuseTest, AThousandLevelFilterIsRefusedClearly) {
  std::string filter;
  for (int i = 0; i < 1000; ++i) filter += "{\"filterSet\":[";
  for (int i = 0; i < 1000; ++i) filter += "]}";
  // In a URL it is longer than the 16 KiB limit on the request head.
  const HttpResult inUrl = client.request("GET", records + "?filter=" + urlEncode(filter), "",
                                          workspace.owner.headers());
  EXPECT_EQ(inUrl.status, 431);
  EXPECT_EQ(inUrl.errorCode(), "header_too_large");
  // In a body (a view's filter) it is deeper than JSON bodies may nest.
  Headers headers = workspace.owner.headers();
  headers.emplace_back("Content-Type", "application/json");
  const HttpResult inBody =
      client.request("POST", "/api/table/" + std::string(table.at("id").as_string()) + "/view",
                     "{\"name\":\"deep\",\"filter\":" + filter + "}", headers);
  EXPECT_EQ(inBody.status, 400);
  EXPECT_EQ(inBody.errorCode(), "invalid_json");
  EXPECT_EQ(client.request("GET", "/healthz").status, 200);
}

// The documented limits (docs/api.md, "Limits"): reaching one is a clear
// 409 limit_reached, and nothing is made.
TEST_F(AbuseTest, FieldsAndViewsStopAtTheirLimits) {
  const std::string tableId(table.at("id").as_string());
  const auto fieldsNamed = [](int count) {
    boost::json::array fields;
    for (int i = 0; i < count; ++i) {
      fields.push_back({{"name", "F" + std::to_string(i)}, {"type", "number"}});
    }
    return fields;
  };
  const std::string tables = "/api/base/" + workspace.baseId + "/table";
  const HttpResult tooWide = client.json(
      "POST", tables, {{"name", "Wide"}, {"fields", fieldsNamed(501)}}, workspace.owner.headers());
  EXPECT_EQ(tooWide.status, 400) << tooWide.body;
  EXPECT_NE(tooWide.body.find("1 to 500 field"), std::string::npos) << tooWide.body;
  const HttpResult wide = client.json(
      "POST", tables, {{"name", "Wide"}, {"fields", fieldsNamed(500)}}, workspace.owner.headers());
  ASSERT_EQ(wide.status, 201) << wide.body;
  const HttpResult oneMore =
      client.json("POST", "/api/table/" + std::string(wide.json().at("id").as_string()) + "/field",
                  {{"name", "Extra"}, {"type", "number"}}, workspace.owner.headers());
  EXPECT_EQ(oneMore.status, 409);
  EXPECT_EQ(oneMore.errorCode(), "limit_reached") << oneMore.body;
  EXPECT_NE(oneMore.body.find("at most 500 fields"), std::string::npos) << oneMore.body;

  const std::string views = "/api/table/" + tableId + "/view";
  for (int i = 1; i < 200; ++i) {  // the table's first view counts
    ASSERT_EQ(
        client.json("POST", views, {{"name", "V" + std::to_string(i)}}, workspace.owner.headers())
            .status,
        201);
  }
  const HttpResult view201 =
      client.json("POST", views, {{"name", "One too many"}}, workspace.owner.headers());
  EXPECT_EQ(view201.status, 409);
  EXPECT_EQ(view201.errorCode(), "limit_reached");
  EXPECT_EQ(client.request("GET", views, "", workspace.owner.headers())
                .json()
                .at("views")
                .as_array()
                .size(),
            200u);
}

TEST_F(AbuseTest, TablesAndBasesStopAtTheirLimits) {
  const std::string tables = "/api/base/" + workspace.baseId + "/table";
  for (int i = 1; i < 500; ++i) {  // the fixture's table counts
    ASSERT_EQ(
        client.json("POST", tables, {{"name", "T" + std::to_string(i)}}, workspace.owner.headers())
            .status,
        201);
  }
  EXPECT_EQ(client.json("POST", tables, {{"name", "Extra"}}, workspace.owner.headers()).errorCode(),
            "limit_reached");
  const auto newBase = [&](const std::string& name) {
    return client.json("POST", "/api/base", {{"spaceId", workspace.spaceId}, {"name", name}},
                       workspace.owner.headers());
  };
  for (int i = 1; i < 500; ++i) {  // the workspace's base counts
    ASSERT_EQ(newBase("B" + std::to_string(i)).status, 201);
  }
  EXPECT_EQ(newBase("Extra").errorCode(), "limit_reached");
}

TEST_F(AbuseTest, AFilterOnAnotherTablesFieldIsRefused) {
  const auto other = createTable(client, workspace, {{"name", "Other"}});
  const std::string foreignField(other.at("fields").at(0).at("id").as_string());
  const std::string filter =
      R"({"filterSet":[{"fieldId":")" + foreignField + R"(","operator":"isEmpty"}]})";
  const HttpResult result = client.request("GET", records + "?filter=" + urlEncode(filter), "",
                                           workspace.owner.headers());
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(result.errorCode(), "invalid_filter");
}

TEST_F(AbuseTest, RequestSmugglingShapesAreRefused) {
  const std::string both = client.raw(
      "POST /api/auth/signin HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: "
      "chunked\r\n\r\n"
      "0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(both.rfind("HTTP/1.1 400", 0), 0u) << both;
  EXPECT_EQ(both.find("HTTP/1.1 200"), std::string::npos)
      << "no smuggled second request is answered";
}

}  // namespace
}  // namespace tessera::testing
