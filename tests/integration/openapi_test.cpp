// The OpenAPI document served at /api/openapi.json describes exactly the
// routes the server registers (as `tessera routes` lists them), with the
// permission each needs, its path parameters, a summary and responses.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <filesystem>
#include <regex>
#include <set>

#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

TEST(OpenApiTest, TheDocumentDescribesEveryRegisteredRouteAndNothingElse) {
  TestServer server;
  HttpClient client(server.port());
  const HttpResult served = client.request("GET", "/api/openapi.json");
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.header("content-type"), "application/json");
  const auto document = served.json();
  EXPECT_EQ(document.at("openapi").as_string(), "3.1.0");

  std::string output;
  const auto dir = server.dataDir().parent_path() / "routes";
  ASSERT_EQ(runTessera({"routes", "--data-dir", dir.string()}, "", output), 0) << output;
  const auto routes = boost::json::parse(output.substr(output.find('[')));

  std::set<std::string> registered, documented;
  for (const auto& route : routes.as_array()) {
    const std::string method(route.at("method").as_string());
    const std::string path(route.at("path").as_string());
    registered.insert(method + " " + path);
    const auto* item = document.at("paths").as_object().if_contains(path);
    ASSERT_TRUE(item) << "undocumented path " << path;
    std::string lower = method;
    for (char& c : lower) c = static_cast<char>(std::tolower(c));
    const auto* operation = item->as_object().if_contains(lower);
    ASSERT_TRUE(operation) << "undocumented " << method << " " << path;
    EXPECT_FALSE(operation->at("summary").as_string().empty());
    EXPECT_FALSE(operation->at("responses").as_object().empty());
    if (const auto* action = route.as_object().if_contains("action")) {
      const std::string requirement(action->as_string());
      EXPECT_NE(std::string(operation->at("description").as_string()).find(requirement),
                std::string::npos)
          << method << " " << path << " should say it requires " << requirement;
    }
    std::set<std::string> pathParams, declared;
    const std::regex braces("\\{(\\w+)\\}");
    for (std::sregex_iterator it(path.begin(), path.end(), braces), end; it != end; ++it) {
      pathParams.insert((*it)[1]);
    }
    for (const auto& parameter : operation->at("parameters").as_array()) {
      if (parameter.at("in").as_string() == "path") {
        declared.insert(std::string(parameter.at("name").as_string()));
      }
    }
    EXPECT_EQ(pathParams, declared) << method << " " << path;
  }
  for (const auto& [path, item] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(std::toupper(c));
      documented.insert(upper + " " + std::string(path));
    }
  }
  EXPECT_EQ(documented, registered);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tessera::testing
