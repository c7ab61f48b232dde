// The Streamable HTTP MCP transport at /mcp: a bearer token is required,
// JSON answers, 202 for notifications, Origin checked against the server's
// own origin, MCP-Protocol-Version validated; the tools act through the
// same policy as the REST API.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <ctime>
#include <set>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

class McpHttpTest : public ::testing::Test {
 protected:
  McpHttpTest() : workspace(makeWorkspace(client, "ada@example.com")) {}

  std::string token(boost::json::array scopes) {
    const std::time_t inADay = std::time(nullptr) + 86400;
    char expiry[32];
    std::strftime(expiry, sizeof expiry, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&inADay));
    return std::string(client
                           .json("POST", "/api/access-token",
                                 {{"name", "mcp"}, {"scopes", scopes}, {"expiresAt", expiry}},
                                 workspace.owner.headers())
                           .json()
                           .at("token")
                           .as_string());
  }

  HttpResult post(const boost::json::value& message, Headers headers) {
    headers.emplace_back("Accept", "application/json, text/event-stream");
    return client.json("POST", "/mcp", message, headers);
  }

  TestServer server{{"--public-url", "http://tessera.test:8080"}};
  HttpClient client{server.port()};
  Workspace workspace;
};

TEST_F(McpHttpTest, ATokenCanInitializeListAndCallTools) {
  const Headers bearer = {{"Authorization", "Bearer " + token({"read"})}};
  const HttpResult init = post({{"jsonrpc", "2.0"},
                                {"id", 1},
                                {"method", "initialize"},
                                {"params",
                                 {{"protocolVersion", "2025-11-25"},
                                  {"capabilities", boost::json::object()},
                                  {"clientInfo", {{"name", "t"}, {"version", "1"}}}}}},
                               bearer);
  ASSERT_EQ(init.status, 200) << init.body;
  EXPECT_EQ(init.json().at("result").at("protocolVersion").as_string(), "2025-11-25");
  const HttpResult notification =
      post({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}}, bearer);
  EXPECT_EQ(notification.status, 202);
  const HttpResult tools = post({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "tools/list"}}, bearer);
  std::set<std::string> names;
  const boost::json::value listed = tools.json();
  for (const auto& tool : listed.at("result").at("tools").as_array())
    names.emplace(tool.at("name").as_string());
  EXPECT_TRUE(names.contains("list_spaces"));
  EXPECT_FALSE(names.contains("create_records"));
  const HttpResult spaces =
      post({{"jsonrpc", "2.0"},
            {"id", 3},
            {"method", "tools/call"},
            {"params", {{"name", "list_spaces"}, {"arguments", boost::json::object()}}}},
           bearer);
  EXPECT_EQ(
      spaces.json().at("result").at("structuredContent").at("spaces").at(0).at("id").as_string(),
      workspace.spaceId);
  const HttpResult refused = post(
      {{"jsonrpc", "2.0"},
       {"id", 4},
       {"method", "tools/call"},
       {"params",
        {{"name", "create_table"}, {"arguments", {{"baseId", workspace.baseId}, {"name", "x"}}}}}},
      bearer);
  EXPECT_TRUE(refused.json().at("result").at("isError").as_bool());
  EXPECT_NE(std::string(refused.json().at("result").at("content").at(0).at("text").as_string())
                .find("table:create"),
            std::string::npos);
}

TEST_F(McpHttpTest, TheTransportRefusesWhatItMust) {
  const boost::json::value ping = {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "ping"}};
  const HttpResult noToken = post(ping, {});
  EXPECT_EQ(noToken.status, 401);
  EXPECT_FALSE(noToken.header("www-authenticate").empty());
  EXPECT_EQ(post(ping, workspace.owner.headers()).status, 401) << "a browser session is not enough";
  const Headers bearer = {{"Authorization", "Bearer " + token({"read"})}};
  Headers evil = bearer;
  evil.emplace_back("Origin", "http://evil.example");
  const HttpResult rebinding = post(ping, evil);
  EXPECT_EQ(rebinding.status, 403);
  EXPECT_EQ(rebinding.errorCode(), "origin_not_allowed");
  Headers own = bearer;
  own.emplace_back("Origin", "http://tessera.test:8080");
  EXPECT_EQ(post(ping, own).status, 200);
  Headers loopback = bearer;
  loopback.emplace_back("Origin", "http://localhost:3000");
  EXPECT_EQ(post(ping, loopback).status, 403)
      << "a non-loopback server accepts only its own origin";
  Headers oldVersion = bearer;
  oldVersion.emplace_back("MCP-Protocol-Version", "1999-01-01");
  EXPECT_EQ(post(ping, oldVersion).status, 400);
  EXPECT_EQ(client.request("GET", "/mcp", "", bearer).status, 405);
  const HttpResult batch =
      client.request("POST", "/mcp", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]",
                     {{"Authorization", bearer[0].second}, {"Content-Type", "application/json"}});
  EXPECT_EQ(batch.json().at("error").at("code").as_int64(), -32600);
}

}  // namespace
}  // namespace tessera::testing
