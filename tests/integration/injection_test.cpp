// SQL injection attempts through every place user text reaches a query:
// table, field, view and choice names, cell values, filter values and keys,
// sort keys, search, projection, cursors and path ids. Each is stored or
// refused as data, never executed, and never causes a 500.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

const std::vector<std::string> kPayloads = {
    "x\"; DROP TABLE users; --",
    "'; DELETE FROM spaces; --",
    "\" OR 1=1 --",
    "a%' OR '1'='1",
    "f_x\" TEXT); DROP TABLE browser_sessions; --",
    "]); SELECT * FROM users; --",
};

TEST(InjectionTest, HostileTextIsOnlyEverData) {
  TestServer server;
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const auto& headers = workspace.owner.headers();
  for (std::size_t i = 0; i < kPayloads.size(); ++i) {
    const std::string& evil = kPayloads[i];
    SCOPED_TRACE(evil);
    const boost::json::value table =
        createTable(client, workspace,
                    {{"name", evil + std::to_string(i)},
                     {"fields",
                      {{{"name", evil}, {"type", "singleLineText"}},
                       {{"name", evil + "2"},
                        {"type", "singleSelect"},
                        {"options", {{"choices", {{{"name", evil}}}}}}}}}});
    const std::string tableId(table.at("id").as_string());
    const std::string records = "/api/table/" + tableId + "/record";
    createRecords(client, workspace.owner, tableId, {{{evil, evil}, {evil + "2", evil}}});

    const boost::json::value filter = {
        {"filterSet", {{{"fieldId", evil}, {"operator", "contains"}, {"value", evil}}}}};
    const auto found = client.request(
        "GET", records + "?filter=" + urlEncode(boost::json::serialize(filter)), "", headers);
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_EQ(found.json().at("records").as_array().size(), 1u);

    for (const std::string& query : std::vector<std::string>{
             "?search=" + urlEncode(evil),
             "?orderBy=" +
                 urlEncode(boost::json::serialize(boost::json::value{{{"fieldId", evil}}})),
             "?projection=" + urlEncode(evil)}) {
      const HttpResult result = client.request("GET", records + query, "", headers);
      EXPECT_EQ(result.status, 200) << query << " " << result.body;
    }
    for (const std::string& query : std::vector<std::string>{
             "?orderBy=" +
                 urlEncode(boost::json::serialize(boost::json::value{{{"fieldId", evil + "x"}}})),
             "?filter=" + urlEncode("{\"filterSet\":[{\"fieldId\":\"" + evil +
                                    "x\",\"operator\":\"is\",\"value\":1}]}"),
             "?cursor=" + urlEncode(evil), "?projection=" + urlEncode(evil + "x")}) {
      const HttpResult result = client.request("GET", records + query, "", headers);
      EXPECT_EQ(result.status, 400) << query << " " << result.body;
    }
    const HttpResult view = client.json("POST", "/api/table/" + tableId + "/view",
                                        {{"name", evil}, {"sort", {{{"fieldId", evil}}}}}, headers);
    EXPECT_EQ(view.status, 201) << view.body;
    EXPECT_EQ(
        client.request("GET", "/api/table/" + urlEncode(evil) + "/record", "", headers).status,
        404);
  }
  // Everything is still there.
  EXPECT_EQ(client.request("GET", "/api/auth/user", "", headers).status, 200);
  const auto tables =
      client.request("GET", "/api/base/" + workspace.baseId + "/table", "", headers).json();
  EXPECT_EQ(tables.at("tables").as_array().size(), kPayloads.size());
  EXPECT_EQ(server.logText().find("internal_error"), std::string::npos);
}

}  // namespace
}  // namespace tessera::testing
