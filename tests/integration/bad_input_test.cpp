// Every route the server registers (as `tessera routes` lists them) is sent
// a set of malformed and hostile inputs by a signed-in owner and by a
// token; none may answer with a 5xx, and every error has the one shape.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <ctime>
#include <filesystem>
#include <regex>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

TEST(BadInputTest, NoRouteAnswersAClientMistakeWithA5xx) {
  TestServer server;
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const auto table = createTable(
      client, workspace,
      {{"name", "T"},
       {"fields",
        {{{"name", "Name"}, {"type", "singleLineText"}}, {{"name", "N"}, {"type", "number"}}}}});
  const std::string tableId(table.at("id").as_string());
  const auto records = createRecords(client, workspace.owner, tableId, {{{"Name", "x"}}});
  const std::time_t inAWeek = std::time(nullptr) + 7 * 86400;
  char expiry[32];
  std::strftime(expiry, sizeof expiry, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&inAWeek));
  const auto created =
      client.json("POST", "/api/access-token",
                  {{"name", "t"}, {"scopes", {"full_access"}}, {"expiresAt", expiry}},
                  workspace.owner.headers());
  ASSERT_EQ(created.status, 201) << created.body;
  const Headers viaToken = {
      {"Authorization", "Bearer " + std::string(created.json().at("token").as_string())}};
  const std::map<std::string, std::string> ids = {
      {"spaceId", workspace.spaceId},
      {"baseId", workspace.baseId},
      {"tableId", tableId},
      {"fieldId", std::string(table.at("fields").at(1).at("id").as_string())},
      {"recordId", std::string(records[0].at("id").as_string())},
      {"viewId", std::string(table.at("views").at(0).at("id").as_string())},
      {"userId", workspace.owner.id},
      {"tokenId", "tokNope00000"}};

  std::string output;
  const auto dir = server.dataDir().parent_path() / "routes";
  ASSERT_EQ(runTessera({"routes", "--data-dir", dir.string()}, "", output), 0) << output;
  const auto routes = boost::json::parse(output.substr(output.find('[')));
  std::filesystem::remove_all(dir);

  const std::vector<std::pair<std::string, std::string>> bodies = {
      {"application/json", "{"},
      {"application/json", "[]"},
      {"application/json", "{}"},
      {"application/json", "null"},
      {"application/json", R"({"name":12,"records":"x","fields":[1],"scopes":{},"filter":7})"},
      {"application/json",
       R"({"records":[{"fields":{"N":"NaN","Name":{"a":1}}}],"typecast":"yes"})"},
      {"application/json", R"({"name":"\u0000","type":"number","options":{"precision":-1}})"},
      {"application/json", std::string(70, '[') + std::string(70, ']')},
      {"application/json", R"({"name":")" + std::string(5000, 'x') + R"("})"},
      {"application/json", "{\"name\":\"\xff\xfe\"}"},
      {"text/plain", "hello"},
      {"", ""},
  };
  const std::vector<std::string> queries = {"",
                                            "?take=-1",
                                            "?filter=%7B%22filterSet%22%3A1%7D",
                                            "?orderBy=x",
                                            "?cursor=%00",
                                            "?projection=",
                                            "?recordIds=",
                                            "?viewId=nope",
                                            "?unknown=1"};
  int requests = 0;
  for (const auto& route : routes.as_array()) {
    const std::string method(route.at("method").as_string());
    std::string path(route.at("path").as_string());
    if (path == "/api/auth/signout") continue;  // would end the session the test uses
    for (const auto& [name, id] : ids) {
      path = std::regex_replace(path, std::regex("\\{" + name + "\\}"), id);
    }
    for (const auto& [contentType, body] : bodies) {
      for (const std::string& query : queries) {
        Headers headers = requests % 2 == 0 ? workspace.owner.headers() : viaToken;
        if (!contentType.empty()) headers.emplace_back("Content-Type", contentType);
        const HttpResult result = client.request(method, path + query, body, headers);
        ++requests;
        ASSERT_LT(result.status, 500)
            << method << " " << path << query << " " << body.substr(0, 80) << " -> " << result.body;
        if (result.status >= 400) {
          ASSERT_FALSE(result.errorCode().empty()) << method << " " << path << ": " << result.body;
        }
      }
    }
  }
  std::cout << "bad-input requests: " << requests << "\n";
  EXPECT_EQ(server.logText().find("internal_error"), std::string::npos);
}

}  // namespace
}  // namespace tessera::testing
