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
