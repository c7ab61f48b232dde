// `tessera mcp` over stdio, as a client runs it: TESSERA_API_TOKEN and
// TESSERA_URL in the environment, one JSON-RPC message per line. stdout
// carries only protocol messages; the token's scopes decide which tools
// are listed; API refusals come back as tool errors.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

std::string line(const boost::json::value& message) {
  return boost::json::serialize(message) + "\r\n";
}

boost::json::value call(int id, const std::string& method, boost::json::object params = {}) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

class McpStdioTest : public ::testing::Test {
 protected:
  McpStdioTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    table = createTable(client, workspace, {{"name", "Notes"}});
    createRecords(client, workspace.owner, tableId(), {{{"Name", "first"}}});
  }

  std::string tableId() const { return std::string(table.at("id").as_string()); }

  std::string token(boost::json::array scopes) {
    const std::time_t inADay = std::time(nullptr) + 86400;
    char expiry[32];
    std::strftime(expiry, sizeof expiry, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&inADay));
    const auto created = client.json("POST", "/api/access-token",
                                     {{"name", "mcp"}, {"scopes", scopes}, {"expiresAt", expiry}},
                                     workspace.owner.headers());
    return std::string(created.json().at("token").as_string());
  }

  // Runs `tessera mcp` with `messages` on stdin; returns the parsed stdout
  // lines keyed by id.
  std::map<std::int64_t, boost::json::value> session(
      const std::string& tokenValue, const std::vector<boost::json::value>& messages,
      std::string* stderrText = nullptr) {
    std::string input;
    for (const auto& message : messages) input += line(message);
    std::string out, err;
    const int status =
        runTesseraApart({"mcp"},
                        {"TESSERA_API_TOKEN=" + tokenValue,
                         "TESSERA_URL=http://127.0.0.1:" + std::to_string(server.port())},
                        input, out, err);
    EXPECT_EQ(status, 0) << err;
    if (stderrText) *stderrText = err;
    std::map<std::int64_t, boost::json::value> answers;
    std::istringstream lines(out);
    std::string text;
    while (std::getline(lines, text)) {
      boost::system::error_code error;
      const auto parsed = boost::json::parse(text, error);
      EXPECT_FALSE(error) << "stdout must hold only protocol messages: " << text;
      if (error) continue;
      const auto& id = parsed.at("id");
      answers[id.is_int64() ? id.as_int64() : -1] = parsed;
    }
    return answers;
  }

  static std::set<std::string> toolNames(const boost::json::value& answer) {
    std::set<std::string> names;
    for (const auto& tool : answer.at("result").at("tools").as_array())
      names.emplace(tool.at("name").as_string());
    return names;
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  boost::json::value table;
};

TEST_F(McpStdioTest, InitializeNegotiatesTheVersion) {
  auto answers =
      session(token({"read"}), {call(1, "initialize",
                                     {{"protocolVersion", "2025-06-18"},
                                      {"capabilities", boost::json::object()},
                                      {"clientInfo", {{"name", "test"}, {"version", "1"}}}}),
                                {{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}},
                                call(2, "initialize", {{"protocolVersion", "1999-01-01"}}),
                                call(3, "ping")});
  EXPECT_EQ(answers[1].at("result").at("protocolVersion").as_string(), "2025-06-18");
  EXPECT_EQ(answers[1].at("result").at("serverInfo").at("name").as_string(), "tessera");
  EXPECT_EQ(answers[2].at("result").at("protocolVersion").as_string(), "2025-11-25");
  EXPECT_TRUE(answers[3].at("result").as_object().empty());
  EXPECT_EQ(answers.size(), 3u) << "notifications get no answer";
}

TEST_F(McpStdioTest, ToolsListShowsOnlyWhatTheScopesAllow) {
  const auto readOnly = toolNames(session(token({"read"}), {call(1, "tools/list")})[1]);
  EXPECT_TRUE(readOnly.contains("list_records"));
  EXPECT_FALSE(readOnly.contains("create_records")) << "a Read token sees no write tool";
  const auto readWrite = toolNames(session(token({"read", "write"}), {call(1, "tools/list")})[1]);
  EXPECT_TRUE(readWrite.contains("create_records"));
  const auto writeOnly = toolNames(session(token({"write"}), {call(1, "tools/list")})[1]);
  EXPECT_FALSE(writeOnly.contains("list_records"));
  const auto full = session(token({"full_access"}), {call(1, "tools/list")})[1];
  for (const auto& tool : full.at("result").at("tools").as_array()) {
    const std::string name(tool.at("name").as_string());
    EXPECT_TRUE(std::regex_match(name, std::regex("^[a-z0-9_]{1,64}$"))) << name;
    EXPECT_TRUE(tool.as_object().contains("inputSchema"));
    EXPECT_TRUE(tool.as_object().contains("outputSchema"));
    EXPECT_TRUE(tool.at("annotations").as_object().contains("readOnlyHint"));
  }
}

TEST_F(McpStdioTest, ToolsReadAndWriteRecordsThroughTheApi) {
  boost::json::object createArguments{{"tableId", tableId()}};
  createArguments["records"] =
      boost::json::array{boost::json::object{{"fields", {{"Name", "from mcp"}}}}};
  auto answers = session(
      token({"read", "write"}),
      {call(1, "tools/call", {{"name", "list_records"}, {"arguments", {{"tableId", tableId()}}}}),
       call(2, "tools/call", {{"name", "create_records"}, {"arguments", createArguments}}),
       call(3, "tools/call", {{"name", "whoami"}})});
  const auto& listed = answers[1].at("result");
  EXPECT_FALSE(listed.at("isError").as_bool());
  EXPECT_EQ(listed.at("structuredContent").at("records").at(0).at("fields").at("Name").as_string(),
            "first");
  EXPECT_EQ(boost::json::parse(listed.at("content").at(0).at("text").as_string()),
            listed.at("structuredContent"))
      << "the text copy matches the structured result";
  EXPECT_FALSE(answers[2].at("result").at("isError").as_bool())
      << boost::json::serialize(answers[2]);
  EXPECT_EQ(answers[3].at("result").at("structuredContent").at("user").at("email").as_string(),
            "ada@example.com");
  const auto records = client.request("GET", "/api/table/" + tableId() + "/record/count", "",
                                      workspace.owner.headers());
  EXPECT_EQ(records.json().at("count").as_int64(), 2);
}

TEST_F(McpStdioTest, RefusalsAndBadArgumentsAreToolErrorsWithTheApisMessage) {
  auto answers = session(
      token({"read"}),
      {call(1, "tools/call",
            {{"name", "create_records"},
             {"arguments", {{"tableId", tableId()}, {"records", boost::json::array()}}}}),
       call(2, "tools/call", {{"name", "get_record"}, {"arguments", {{"tableId", "../../etc"}}}}),
       call(3, "tools/call", {{"name", "no_such_tool"}}), call(4, "resources/nothing")});
  EXPECT_TRUE(answers[1].at("result").at("isError").as_bool());
  EXPECT_NE(std::string(answers[1].at("result").at("content").at(0).at("text").as_string())
                .find("record:create"),
            std::string::npos);
  EXPECT_TRUE(answers[2].at("result").at("isError").as_bool());
  EXPECT_EQ(answers[3].at("error").at("code").as_int64(), -32602);
  EXPECT_EQ(answers[4].at("error").at("code").as_int64(), -32601);
}

TEST_F(McpStdioTest, EveryToolWorksWithAFullAccessToken) {
  const std::string full = token({"full_access"});
  const std::string recordId(
      client.request("GET", "/api/table/" + tableId() + "/record", "", workspace.owner.headers())
          .json()
          .at("records")
          .at(0)
          .at("id")
          .as_string());
  const auto tool = [](int id, const std::string& name, boost::json::object arguments) {
    return call(id, "tools/call", {{"name", name}, {"arguments", std::move(arguments)}});
  };
  boost::json::object update{{"tableId", tableId()}};
  update["records"] =
      boost::json::array{boost::json::object{{"id", recordId}, {"fields", {{"Name", "renamed"}}}}};
  boost::json::object newTable{{"baseId", workspace.baseId}, {"name", "Second"}};
  newTable["fields"] =
      boost::json::array{boost::json::object{{"name", "Title"}, {"type", "singleLineText"}}};
  auto first = session(
      full,
      {
          tool(1, "list_spaces", {}), tool(2, "list_bases", {{"spaceId", workspace.spaceId}}),
          tool(3, "list_tables", {{"baseId", workspace.baseId}}),
          tool(4, "describe_table", {{"tableId", tableId()}}),
          tool(5, "create_field", {{"tableId", tableId()}, {"name", "Size"}, {"type", "number"}}),
          tool(6, "list_views", {{"tableId", tableId()}}),
          tool(7, "create_view", {{"tableId", tableId()}, {"name", "Mine"}}),
          tool(8, "search_records", {{"tableId", tableId()}, {"search", "first"}}),
          tool(9, "update_records", update),
          tool(10, "update_table",
               {{"baseId", workspace.baseId}, {"tableId", tableId()}, {"name", "Notes 2"}}),
          tool(11, "create_table", newTable),
          tool(12, "get_record", {{"tableId", tableId()}, {"recordId", recordId}}),
          tool(13, "list_records", {{"tableId", tableId()}}),  // missing nothing
          tool(14, "create_field", {{"tableId", tableId()}}),  // missing name and type
          tool(15, "check_formula", {{"tableId", tableId()}, {"expression", "LEN({Name})"}}),
          tool(16, "list_formula_functions", {}),
      });
  for (int id : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16}) {
    EXPECT_FALSE(first[id].at("result").at("isError").as_bool())
        << id << " " << boost::json::serialize(first[id]);
    EXPECT_TRUE(first[id].at("result").as_object().contains("structuredContent")) << id;
  }
  EXPECT_EQ(first[8].at("result").at("structuredContent").at("records").as_array().size(), 1u);
  EXPECT_EQ(first[12].at("result").at("structuredContent").at("fields").at("Name").as_string(),
            "renamed");
  EXPECT_TRUE(first[15].at("result").at("structuredContent").at("valid").as_bool());
  EXPECT_TRUE(first[14].at("result").at("isError").as_bool());
  EXPECT_NE(
      std::string(first[14].at("result").at("content").at(0).at("text").as_string()).find("'name'"),
      std::string::npos);

  const auto fields =
      client.request("GET", "/api/table/" + tableId() + "/field", "", workspace.owner.headers())
          .json();
  std::string sizeField;
  for (const auto& field : fields.at("fields").as_array()) {
    if (field.at("name") == "Size") sizeField = std::string(field.at("id").as_string());
  }
  ASSERT_FALSE(sizeField.empty());
  boost::json::object remove{{"tableId", tableId()}};
  remove["recordIds"] = boost::json::array{boost::json::value(recordId)};
  auto second =
      session(full, {
                        tool(1, "update_field",
                             {{"tableId", tableId()}, {"fieldId", sizeField}, {"name", "Weight"}}),
                        tool(2, "delete_field", {{"tableId", tableId()}, {"fieldId", sizeField}}),
                        tool(3, "restore_field", {{"tableId", tableId()}, {"fieldId", sizeField}}),
                        tool(4, "delete_records", remove),
                    });
  for (int id = 1; id <= 4; ++id) {
    EXPECT_FALSE(second[id].at("result").at("isError").as_bool())
        << id << " " << boost::json::serialize(second[id]);
  }
  EXPECT_EQ(client
                .request("GET", "/api/table/" + tableId() + "/record/count", "",
                         workspace.owner.headers())
                .json()
                .at("count")
                .as_int64(),
            0);
  const auto listed = toolNames(session(full, {call(1, "tools/list")})[1]);
  EXPECT_EQ(listed.size(), 21u) << "every tool is listed for full access";
}

TEST_F(McpStdioTest, AMissingOrMalformedTokenIsExplainedNotACrash) {
  for (const std::string bad : {"", "not-a-token"}) {
    std::string err;
    auto answers =
        session(bad, {call(1, "tools/call", {{"name", "whoami"}}), call(2, "tools/list")}, &err);
    EXPECT_TRUE(answers[1].at("result").at("isError").as_bool());
    EXPECT_NE(err.find("TESSERA_API_TOKEN"), std::string::npos) << err;
    EXPECT_EQ(toolNames(answers[2]).size(), 1u) << "only whoami, which explains the problem";
  }
}

TEST_F(McpStdioTest, TableSchemasAreResources) {
  auto answers =
      session(token({"read"}),
              {call(1, "resources/list"),
               call(2, "resources/read", {{"uri", "tessera://table/" + tableId() + "/schema"}}),
               call(3, "resources/read", {{"uri", "tessera://table/tblNope/schema"}}),
               call(4, "tools/list", {{"cursor", "garbage"}})});
  const auto& resources = answers[1].at("result").at("resources").as_array();
  ASSERT_EQ(resources.size(), 1u);
  EXPECT_EQ(resources[0].at("uri").as_string(), "tessera://table/" + tableId() + "/schema");
  const auto schema =
      boost::json::parse(answers[2].at("result").at("contents").at(0).at("text").as_string());
  EXPECT_EQ(schema.at("fields").at(0).at("name").as_string(), "Name");
  EXPECT_TRUE(answers[3].as_object().contains("error"));
  EXPECT_EQ(answers[4].at("error").at("code").as_int64(), -32602);
  const auto writeOnly = session(token({"write"}), {call(1, "resources/list")});
  EXPECT_TRUE(writeOnly.at(1).at("result").at("resources").as_array().empty());
}

TEST_F(McpStdioTest, TheTokenCanComeFromAFile) {
  const auto file = server.dataDir().parent_path() / "token.txt";
  {
    std::ofstream out(file);
    out << token({"read"}) << "\n";
  }
  std::string out, err;
  runTesseraApart({"mcp"},
                  {"TESSERA_API_TOKEN_FILE=" + file.string(),
                   "TESSERA_URL=http://127.0.0.1:" + std::to_string(server.port())},
                  line(call(1, "tools/call", {{"name", "whoami"}})), out, err);
  const auto answer = boost::json::parse(out);
  EXPECT_FALSE(answer.at("result").at("isError").as_bool()) << out << err;
}

TEST_F(McpStdioTest, LargePagesShrinkToStayReadableAndPointToTheRest) {
  boost::json::array rows;
  for (int i = 0; i < 40; ++i)
    rows.push_back(boost::json::object{{"Name", std::string(9000, 'a' + i % 26)}});
  createRecords(client, workspace.owner, tableId(), rows);
  auto answers = session(
      token({"read"}),
      {call(1, "tools/call", {{"name", "list_records"}, {"arguments", {{"tableId", tableId()}}}})});
  const auto& result = answers[1].at("result");
  EXPECT_LE(result.at("content").at(0).at("text").as_string().size(), 100000u);
  const auto& page = result.at("structuredContent");
  EXPECT_LT(page.at("records").as_array().size(), 41u);
  EXPECT_TRUE(page.at("nextCursor").is_string()) << "the answer says how to get the rest";
  EXPECT_TRUE(page.as_object().contains("note"));
}

TEST_F(McpStdioTest, TheStatelessRevisionWorksPerRequest) {
  const boost::json::object meta{
      {"io.modelcontextprotocol/protocolVersion", "2026-07-28"},
      {"io.modelcontextprotocol/clientCapabilities", boost::json::object()}};
  auto answers = session(
      token({"read"}),
      {call(1, "server/discover"), call(2, "tools/list", {{"_meta", meta}}),
       call(3, "tools/call",
            {{"name", "list_spaces"}, {"arguments", boost::json::object()}, {"_meta", meta}}),
       call(4, "tools/list",
            {{"_meta",
              {{"io.modelcontextprotocol/protocolVersion", "2099-01-01"},
               {"io.modelcontextprotocol/clientCapabilities", boost::json::object()}}}}),
       call(5, "tools/list",
            {{"_meta", {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"}}}}),
       call(6, "initialize", {{"protocolVersion", "2026-07-28"}})});
  const auto& discovered = answers[1].at("result");
  bool stateless = false;
  for (const auto& version : discovered.at("supportedVersions").as_array())
    stateless = stateless || version == "2026-07-28";
  EXPECT_TRUE(stateless);
  EXPECT_EQ(discovered.at("resultType").as_string(), "complete");
  EXPECT_EQ(answers[2].at("result").at("resultType").as_string(), "complete");
  EXPECT_EQ(answers[2].at("result").at("cacheScope").as_string(), "private");
  EXPECT_FALSE(answers[3].at("result").at("isError").as_bool());
  EXPECT_EQ(answers[3].at("result").at("resultType").as_string(), "complete");
  EXPECT_EQ(answers[4].at("error").at("code").as_int64(), -32022);
  EXPECT_EQ(answers[5].at("error").at("code").as_int64(), -32602)
      << "clientCapabilities are required";
  EXPECT_EQ(answers[6].at("result").at("protocolVersion").as_string(), "2025-11-25")
      << "the handshake era does not claim the stateless revision";
}

TEST_F(McpStdioTest, BatchesAndGarbageGetJsonRpcErrors) {
  std::string out, err;
  runTesseraApart({"mcp"}, {"TESSERA_API_TOKEN=" + token({"read"})},
                  "[{\"jsonrpc\":\"2.0\"}]\nnot json\n\n", out, err);
  std::istringstream lines(out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(boost::json::parse(first).at("error").at("code").as_int64(), -32600);
  EXPECT_EQ(boost::json::parse(second).at("error").at("code").as_int64(), -32700);
}

}  // namespace
}  // namespace tessera::testing
