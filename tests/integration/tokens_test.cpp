// Personal access tokens, sentence by sentence of the token documentation:
// create (shown once), use with curl's Authorization header, list with
// created / last used / expiry, refresh (old value dead at once), delete,
// expiry, missing scope, restriction; and that no token value ever reaches
// a log, the database or an answer other than create and refresh.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

// An RFC 3339 time `seconds` from now.
std::string inSeconds(long seconds) {
  const std::time_t t = std::time(nullptr) + seconds;
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::string inDays(int days) { return inSeconds(86400L * days); }

Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

class TokensTest : public ::testing::Test {
 protected:
  TokensTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    table = createTable(client, workspace, {{"name", "Tasks"}});
    records = "/api/table/" + std::string(table.at("id").as_string()) + "/record";
    createRecords(client, workspace.owner, std::string(table.at("id").as_string()),
                  {{{"Name", "one"}}});
  }

  HttpResult create(boost::json::object body) {
    if (!body.contains("expiresAt")) body["expiresAt"] = inDays(30);
    return client.json("POST", "/api/access-token", body, workspace.owner.headers());
  }
  std::string createToken(boost::json::object body, std::string* id = nullptr) {
    const HttpResult result = create(std::move(body));
    EXPECT_EQ(result.status, 201) << result.body;
    if (id) *id = std::string(result.json().at("id").as_string());
    return std::string(result.json().at("token").as_string());
  }

  TestServer server{{"--max-token-lifetime-days", "90"}};
  HttpClient client{server.port()};
  Workspace workspace;
  boost::json::value table;
  std::string records;
};

TEST_F(TokensTest, CreateShowsTheValueOnceAndTheDocumentedCurlLineWorks) {
  const HttpResult created = create({{"name", "MCP Server"}, {"scopes", {"read"}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto json = created.json();
  const std::string token(json.at("token").as_string());
  EXPECT_EQ(token.rfind("tsr_pat_", 0), 0u);
  EXPECT_EQ(token.size(), 58u);
  // curl "http://127.0.0.1:8080/api/table/{tableId}/record" -H "Authorization: Bearer $TOKEN"
  const HttpResult used = client.request("GET", records, "", bearer(token));
  ASSERT_EQ(used.status, 200) << used.body;
  EXPECT_EQ(used.json().at("records").as_array().size(), 1u);
  EXPECT_EQ(used.header("tessera-token-expires"), std::string(json.at("expiresAt").as_string()));

  const std::string id(json.at("id").as_string());
  for (const std::string& path : {std::string("/api/access-token"), "/api/access-token/" + id}) {
    const HttpResult read = client.request("GET", path, "", workspace.owner.headers());
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.body.find(token), std::string::npos) << "the value is shown once";
    EXPECT_EQ(read.body.find(token.substr(20, 32)), std::string::npos);
  }
}

TEST_F(TokensTest, TheListShowsNameCreatedLastUsedAndExpiry) {
  std::string id;
  const std::string token = createToken({{"name", "CI/CD Pipeline"}, {"scopes", {"read"}}}, &id);
  auto listed = client.request("GET", "/api/access-token", "", workspace.owner.headers()).json();
  auto entry = listed.at("tokens").at(0);
  EXPECT_EQ(entry.at("name").as_string(), "CI/CD Pipeline");
  EXPECT_EQ(entry.at("valuePrefix").as_string(), token.substr(0, 20))
      << "the public start of the value, and not one character of the secret";
  EXPECT_FALSE(entry.at("createdAt").as_string().empty());
  EXPECT_TRUE(entry.at("lastUsedAt").is_null());
  EXPECT_FALSE(entry.at("expired").as_bool());
  ASSERT_EQ(client.request("GET", records, "", bearer(token)).status, 200);
  listed = client.request("GET", "/api/access-token", "", workspace.owner.headers()).json();
  entry = listed.at("tokens").at(0);
  EXPECT_FALSE(entry.at("lastUsedAt").is_null()) << "last use is visible at once";
  EXPECT_EQ(entry.at("lastUsedIp").as_string(), "127.0.0.1");
}

TEST_F(TokensTest, RefreshKillsTheOldValueAtOnceAndKeepsTheRest) {
  std::string id;
  const std::string old = createToken({{"name", "Refresh me"}, {"scopes", {"read", "write"}}}, &id);
  const HttpResult refreshed =
      client.request("POST", "/api/access-token/" + id + "/refresh", "", workspace.owner.headers());
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  const std::string fresh(refreshed.json().at("token").as_string());
  EXPECT_NE(fresh, old);
  EXPECT_EQ(refreshed.json().at("id").as_string(), id);
  EXPECT_EQ(refreshed.json().at("name").as_string(), "Refresh me");
  const HttpResult oldUse = client.request("GET", records, "", bearer(old));
  EXPECT_EQ(oldUse.status, 401);
  EXPECT_EQ(oldUse.errorCode(), "token_refreshed");
  EXPECT_NE(oldUse.header("www-authenticate").find("error=\"invalid_token\""), std::string::npos);
  EXPECT_EQ(client.request("GET", records, "", bearer(fresh)).status, 200);
}

TEST_F(TokensTest, DeleteKillsTheTokenAtOnce) {
  std::string id;
  const std::string token = createToken({{"name", "Doomed"}, {"scopes", {"read"}}}, &id);
  ASSERT_EQ(
      client.request("DELETE", "/api/access-token/" + id, "", workspace.owner.headers()).status,
      204);
  const HttpResult after = client.request("GET", records, "", bearer(token));
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.errorCode(), "token_revoked");
  EXPECT_TRUE(client.request("GET", "/api/access-token", "", workspace.owner.headers())
                  .json()
                  .at("tokens")
                  .as_array()
                  .empty());
}

TEST_F(TokensTest, AnExpiredTokenIs401SayingWhen) {
  const std::string token =
      createToken({{"name", "Short"}, {"scopes", {"read"}}, {"expiresAt", inSeconds(2)}});
  EXPECT_EQ(client.request("GET", records, "", bearer(token)).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2600));
  const HttpResult expired = client.request("GET", records, "", bearer(token));
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.errorCode(), "token_expired");
  EXPECT_NE(expired.json().at("message").as_string().find("expired on"), std::string::npos);
  const auto listed =
      client.request("GET", "/api/access-token", "", workspace.owner.headers()).json();
  EXPECT_TRUE(listed.at("tokens").at(0).at("expired").as_bool());
}

TEST_F(TokensTest, AMissingScopeIs403NamingIt) {
  const std::string token = createToken({{"name", "Reader"}, {"scopes", {"read"}}});
  const HttpResult write =
      client.json("POST", records, {{"records", {{{"fields", {{"Name", "x"}}}}}}}, bearer(token));
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(write.errorCode(), "insufficient_scope");
  EXPECT_NE(write.header("www-authenticate").find("scope=\"record:create\""), std::string::npos);
  const std::string writer =
      createToken({{"name", "Writer"}, {"scopes", {"read", "record:create"}}});
  EXPECT_EQ(
      client.json("POST", records, {{"records", {{{"fields", {{"Name", "x"}}}}}}}, bearer(writer))
          .status,
      201);
}

TEST_F(TokensTest, RestrictionToAnotherBaseIs403AndListsShowOnlyWhatItMaySee) {
  const auto other =
      client
          .json("POST", "/api/base", {{"spaceId", workspace.spaceId}, {"name", "Other"}},
                workspace.owner.headers())
          .json();
  const std::string otherBase(other.at("id").as_string());
  const std::string restricted =
      createToken({{"name", "Other only"}, {"scopes", {"full_access"}}, {"baseIds", {otherBase}}});
  const HttpResult refused = client.request("GET", records, "", bearer(restricted));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.errorCode(), "resource_not_allowed");
  const auto bases = client.request("GET", "/api/base", "", bearer(restricted)).json();
  ASSERT_EQ(bases.at("bases").as_array().size(), 1u);
  EXPECT_EQ(bases.at("bases").at(0).at("id").as_string(), otherBase);
  EXPECT_TRUE(client.request("GET", "/api/space", "", bearer(restricted))
                  .json()
                  .at("spaces")
                  .as_array()
                  .empty());
  const HttpResult newSpace =
      client.json("POST", "/api/space", {{"name", "Nope"}}, bearer(restricted));
  EXPECT_EQ(newSpace.status, 403);
  EXPECT_EQ(newSpace.errorCode(), "resource_not_allowed");

  const std::string spaceWide =
      createToken({{"name", "Space"}, {"scopes", {"read"}}, {"spaceIds", {workspace.spaceId}}});
  EXPECT_EQ(client.request("GET", records, "", bearer(spaceWide)).status, 200);
  // A base created after the token, inside its space, is covered.
  const auto later =
      client
          .json("POST", "/api/base", {{"spaceId", workspace.spaceId}, {"name", "Later"}},
                workspace.owner.headers())
          .json();
  EXPECT_EQ(client
                .request("GET", "/api/base/" + std::string(later.at("id").as_string()), "",
                         bearer(spaceWide))
                .status,
            200);
}

TEST_F(TokensTest, CreationRefusesBadInputWithClearErrors) {
  const struct {
    boost::json::object body;
    std::string code;
  } cases[] = {
      {{{"scopes", {"read"}}}, "missing_field"},
      {{{"name", ""}, {"scopes", {"read"}}}, "invalid_field"},
      {{{"name", std::string(101, 'x')}, {"scopes", {"read"}}}, "invalid_field"},
      {{{"name", "x"}, {"scopes", boost::json::array()}}, "invalid_scope"},
      {{{"name", "x"}, {"scopes", {"records:write"}}}, "invalid_scope"},
      {{{"name", "x"}, {"scopes", {"read"}}, {"expiresAt", "2020-01-01"}}, "invalid_expiry"},
      {{{"name", "x"}, {"scopes", {"read"}}, {"expiresAt", inDays(120)}}, "invalid_expiry"},
      {{{"name", "x"}, {"scopes", {"read"}}, {"expiresAt", "soon"}}, "invalid_expiry"},
      {{{"name", "x"}, {"scopes", {"read"}}, {"expiresAt", nullptr}}, "invalid_expiry"},
      {{{"name", "x"},
        {"scopes", {"read"}},
        {"spaceIds", {"spcNotMine"}},
        {"expiresAt", inDays(1)}},
       "invalid_resource"},
      {{{"name", "x"}, {"scopes", {"read"}}, {"token", "mine"}}, "unknown_field"},
  };
  for (const auto& c : cases) {
    const HttpResult result =
        client.json("POST", "/api/access-token", c.body, workspace.owner.headers());
    EXPECT_EQ(result.status, 400) << boost::json::serialize(c.body) << " " << result.body;
    EXPECT_EQ(result.errorCode(), c.code) << result.body;
  }
  const HttpResult unknown = client.json(
      "POST", "/api/access-token", {{"name", "x"}, {"scopes", {"nope"}}, {"expiresAt", inDays(1)}},
      workspace.owner.headers());
  EXPECT_NE(unknown.json().at("message").as_string().find("full_access"), std::string::npos)
      << "the error lists the valid scopes";
}

TEST_F(TokensTest, TokensCannotManageTokensButMayDescribeThemselves) {
  std::string id;
  const std::string token = createToken({{"name", "Self"}, {"scopes", {"full_access"}}}, &id);
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/api/access-token"},
           {"POST", "/api/access-token"},
           {"GET", "/api/access-token/" + id},
           {"DELETE", "/api/access-token/" + id},
           {"POST", "/api/access-token/" + id + "/refresh"}}) {
    const HttpResult result = client.request(method, path, "", bearer(token));
    EXPECT_EQ(result.status, 403) << method << " " << path;
    EXPECT_EQ(result.errorCode(), "token_cannot_manage_tokens");
  }
  const HttpResult self = client.request("GET", "/api/auth/token", "", bearer(token));
  ASSERT_EQ(self.status, 200) << self.body;
  EXPECT_TRUE(self.json().at("active").as_bool());
  EXPECT_EQ(self.json().at("id").as_string(), id);
  EXPECT_EQ(self.json().at("user").at("email").as_string(), "ada@example.com");
  EXPECT_EQ(self.body.find(token), std::string::npos);
  const auto scopes = client.request("GET", "/api/access-token/scopes", "", bearer(token)).json();
  EXPECT_EQ(scopes.at("presets").as_array().size(), 4u);
}

TEST_F(TokensTest, EveryKindOfBadTokenGetsItsOwnReason) {
  const std::string token = createToken({{"name", "Real"}, {"scopes", {"read"}}});
  std::string mistyped = token;
  mistyped[20] = mistyped[20] == 'a' ? 'b' : 'a';
  const HttpResult malformed = client.request("GET", records, "", bearer(mistyped));
  EXPECT_EQ(malformed.errorCode(), "token_malformed");
  const HttpResult none = client.request("GET", records);
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.header("www-authenticate"), "Bearer realm=\"tessera\"");
  const HttpResult inUrl = client.request("GET", records + "?access_token=" + token);
  EXPECT_EQ(inUrl.status, 400);
  EXPECT_EQ(inUrl.errorCode(), "token_in_url");
  for (const char* prefix : {"tsr_oat_", "tsr_ort_"}) {  // the OAuth kinds, under any name
    const HttpResult oauthInUrl =
        client.request("GET", records + "?key=" + prefix + token.substr(8));
    EXPECT_EQ(oauthInUrl.errorCode(), "token_in_url") << prefix;
  }
}

TEST_F(TokensTest, ARoleChangeReachesEveryTokenOnTheNextRequest) {
  const BrowserUser bob = signUp(client, "bob@example.com");
  ASSERT_EQ(client
                .json("POST", "/api/space/" + workspace.spaceId + "/collaborator",
                      {{"email", "bob@example.com"}, {"role", "editor"}}, workspace.owner.headers())
                .status,
            201);
  const HttpResult created = client.json(
      "POST", "/api/access-token",
      {{"name", "Bob"}, {"scopes", {"full_access"}}, {"expiresAt", inDays(5)}}, bob.headers());
  const std::string token(created.json().at("token").as_string());
  const boost::json::value write = {{"records", {{{"fields", {{"Name", "by bob"}}}}}}};
  EXPECT_EQ(client.json("POST", records, write, bearer(token)).status, 201);
  ASSERT_EQ(client
                .json("PATCH", "/api/space/" + workspace.spaceId + "/collaborator/" + bob.id,
                      {{"role", "viewer"}}, workspace.owner.headers())
                .status,
            200);
  const HttpResult demoted = client.json("POST", records, write, bearer(token));
  EXPECT_EQ(demoted.status, 403);
  EXPECT_EQ(demoted.errorCode(), "role_forbids");
  ASSERT_EQ(client
                .request("DELETE", "/api/space/" + workspace.spaceId + "/collaborator/" + bob.id,
                         "", workspace.owner.headers())
                .status,
            204);
  EXPECT_EQ(client.request("GET", records, "", bearer(token)).status, 404);
}

TEST_F(TokensTest, ADisabledUsersTokensAndSessionsStopAtOnce) {
  const std::string token = createToken({{"name", "Owner's"}, {"scopes", {"read"}}});
  ASSERT_EQ(client.request("GET", records, "", bearer(token)).status, 200);
  std::string output;
  ASSERT_EQ(runTessera(onDatabaseOf(server, {"user", "disable", "--email", "ada@example.com"}), "",
                       output),
            0)
      << output;
  const HttpResult tokenUse = client.request("GET", records, "", bearer(token));
  EXPECT_EQ(tokenUse.status, 401);
  EXPECT_EQ(tokenUse.errorCode(), "token_revoked");
  EXPECT_EQ(client.request("GET", "/api/auth/user", "", workspace.owner.headers()).status, 401);
  const HttpResult signIn =
      client.json("POST", "/api/auth/signin",
                  {{"email", "ada@example.com"}, {"password", "correct horse battery"}});
  EXPECT_EQ(signIn.status, 403);
  EXPECT_EQ(signIn.errorCode(), "account_disabled");
  ASSERT_EQ(runTessera(onDatabaseOf(server, {"user", "enable", "--email", "ada@example.com"}), "",
                       output),
            0);
  EXPECT_EQ(client.request("GET", records, "", bearer(token)).status, 200);
}

// A command run on the database file by another path (a symlink to the
// file, or to its folder) reaches the same cache counter as the server: the
// disabled user's cached token stopped working only after about 30 s.
TEST_F(TokensTest, ACommandByAnotherPathToTheFileStopsTokensAtOnce) {
  if (server.database().onPostgres()) GTEST_SKIP() << "a SQLite file's paths";
  const std::string token = createToken({{"name", "Owner's"}, {"scopes", {"read"}}});
  ASSERT_EQ(client.request("GET", records, "", bearer(token)).status, 200);
  const std::filesystem::path aliases = server.dataDir().parent_path() / "aliases";
  std::filesystem::create_directories(aliases);
  std::filesystem::create_symlink(server.dataDir() / "tessera.db", aliases / "alias.db");
  std::filesystem::create_directory_symlink(server.dataDir(), aliases / "folder");
  std::string output;
  ASSERT_EQ(runTessera({"user", "disable", "--email", "ada@example.com", "--database",
                        "sqlite:" + (aliases / "alias.db").string()},
                       "", output),
            0)
      << output;
  EXPECT_EQ(client.request("GET", records, "", bearer(token)).status, 401);
  ASSERT_EQ(runTessera({"user", "enable", "--email", "ada@example.com", "--database",
                        "sqlite:" + (aliases / "folder" / "tessera.db").string()},
                       "", output),
            0)
      << output;
  EXPECT_EQ(client.request("GET", records, "", bearer(token)).status, 200);
}

TEST_F(TokensTest, LeakedTokensAreRevokedWithoutSayingWhich) {
  std::string id;
  const std::string token = createToken({{"name", "Leaky"}, {"scopes", {"read"}}}, &id);
  const HttpResult report = client.json("POST", "/api/access-token/revoke-leaked",
                                        {{"tokens", {token, "tsr_pat_garbage", "hello"}}});
  EXPECT_EQ(report.status, 202);
  EXPECT_EQ(client.request("GET", records, "", bearer(token)).errorCode(), "token_revoked");
  EXPECT_TRUE(client.request("GET", "/api/access-token", "", workspace.owner.headers())
                  .json()
                  .at("tokens")
                  .as_array()
                  .empty());
  const auto events =
      client.request("GET", "/api/access-token/" + id + "/events", "", workspace.owner.headers())
          .json();
  bool seen = false;
  for (const auto& event : events.at("events").as_array()) {
    seen = seen || event.at("event").as_string() == "token.leak_revoked";
  }
  EXPECT_TRUE(seen) << "the owner sees it in the token's history";
}

TEST_F(TokensTest, LeakReportsAreLimitedPerAddress) {
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    const HttpResult report =
        client.json("POST", "/api/access-token/revoke-leaked", {{"tokens", {"tsr_pat_x"}}});
    if (report.status == 429) {
      ++limited;
      EXPECT_FALSE(report.header("retry-after").empty());
    } else {
      EXPECT_EQ(report.status, 202);
    }
  }
  EXPECT_EQ(limited, 2) << "10 reports a minute per address";
}

TEST_F(TokensTest, ATokenInAFormBodyIsRefused) {
  const std::string token = createToken({{"name", "Form"}, {"scopes", {"read"}}});
  const HttpResult result = client.request("POST", "/api/auth/signin", "access_token=" + token,
                                           {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(result.errorCode(), "token_in_url");
  EXPECT_EQ(server.logText().find(token), std::string::npos);
}

TEST_F(TokensTest, TheHistoryRecordsChangesAndFailedUses) {
  std::string id;
  const std::string token = createToken({{"name", "Watched"}, {"scopes", {"read"}}}, &id);
  client.json("PATCH", "/api/access-token/" + id, {{"name", "Watched 2"}},
              workspace.owner.headers());
  client.request("POST", "/api/access-token/" + id + "/refresh", "", workspace.owner.headers());
  client.request("GET", records, "", bearer(token));  // the old value: a failed use
  const auto events =
      client.request("GET", "/api/access-token/" + id + "/events", "", workspace.owner.headers())
          .json();
  std::set<std::string> kinds;
  for (const auto& event : events.at("events").as_array())
    kinds.emplace(event.at("event").as_string());
  EXPECT_EQ(kinds, (std::set<std::string>{"token.created", "token.updated", "token.refreshed",
                                          "token.auth_failed"}));
}

TEST_F(TokensTest, UserAgentsOfAnyBytesAreAuditedNotRefused) {
  // 301 bytes ending in an é: cut at 300 bytes it ended in half a
  // character, which PostgreSQL refused with a 500.
  Headers headers = workspace.owner.headers();
  headers.emplace_back("User-Agent", std::string(299, 'a') + "\xC3\xA9");
  const HttpResult created =
      client.json("POST", "/api/access-token",
                  {{"name", "Agent"}, {"scopes", {"read"}}, {"expiresAt", inDays(30)}}, headers);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id(created.json().at("id").as_string());
  const std::string token(created.json().at("token").as_string());
  client.request("POST", "/api/access-token/" + id + "/refresh", "", workspace.owner.headers());
  // Failed uses in one batch: one with a user agent that is not UTF-8 must
  // not hide the other.
  client.request("GET", records, "",
                 {{"Authorization", "Bearer " + token}, {"User-Agent", "evil\xFF"}});
  client.request("GET", records, "",
                 {{"Authorization", "Bearer " + token}, {"User-Agent", "curl"}});
  const auto events =
      client.request("GET", "/api/access-token/" + id + "/events", "", workspace.owner.headers())
          .json();
  std::multiset<std::string> failedAgents;
  std::string createdAgent;
  for (const auto& event : events.at("events").as_array()) {
    const std::string agent(event.at("userAgent").as_string());
    if (event.at("event") == "token.auth_failed") failedAgents.insert(agent);
    if (event.at("event") == "token.created") createdAgent = agent;
  }
  EXPECT_EQ(failedAgents, (std::multiset<std::string>{"curl", "evil\xEF\xBF\xBD"}));
  EXPECT_EQ(createdAgent, std::string(299, 'a'));
}

TEST_F(TokensTest, NoTokenValueReachesTheLogOrTheDatabase) {
  std::string id;
  const std::string token = createToken({{"name", "Secret"}, {"scopes", {"read"}}}, &id);
  client.request("GET", records, "", bearer(token));
  client.request("GET", records + "?access_token=" + token);
  const std::string refreshed(
      client.request("POST", "/api/access-token/" + id + "/refresh", "", workspace.owner.headers())
          .json()
          .at("token")
          .as_string());
  client.request("GET", records, "", bearer(token));
  ASSERT_EQ(server.stop(), 0);
  const std::string secretOld = token.substr(20, 32), secretNew = refreshed.substr(20, 32);
  const std::string files = server.logText() + server.database().dump();
  for (const std::string& secret : {token, refreshed, secretOld, secretNew}) {
    EXPECT_EQ(files.find(secret), std::string::npos) << "a token value was stored or logged";
  }
}

TEST_F(TokensTest, LastUseSurvivesAGracefulRestart) {
  const std::string token = createToken({{"name", "Used"}, {"scopes", {"read"}}});
  ASSERT_EQ(client.request("GET", records, "", bearer(token)).status, 200);
  ASSERT_EQ(server.stop(), 0);
  server.restart();
  HttpClient again(server.port());
  const HttpResult signIn =
      again.json("POST", "/api/auth/signin",
                 {{"email", "ada@example.com"}, {"password", "correct horse battery"}});
  const BrowserUser ada = browserUserFrom(signIn);
  const auto listed = again.request("GET", "/api/access-token", "", ada.headers()).json();
  EXPECT_FALSE(listed.at("tokens").at(0).at("lastUsedAt").is_null());
}

TEST(TokenLastUseTest, ASigkillLosesAtMostTheFlushInterval) {
  TestServer server({"--last-used-flush-seconds", "1"});
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const HttpResult created =
      client.json("POST", "/api/access-token",
                  {{"name", "Killed"}, {"scopes", {"read"}}, {"expiresAt", inDays(3)}},
                  workspace.owner.headers());
  const std::string token(created.json().at("token").as_string());
  ASSERT_EQ(client.request("GET", "/api/space", "", bearer(token)).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1600));  // one flush
  server.sendSignal(SIGKILL);
  EXPECT_EQ(server.waitForExit(), -SIGKILL);
  server.restart();
  HttpClient again(server.port());
  const BrowserUser ada = browserUserFrom(
      again.json("POST", "/api/auth/signin",
                 {{"email", "ada@example.com"}, {"password", "correct horse battery"}}));
  const auto listed = again.request("GET", "/api/access-token", "", ada.headers()).json();
  EXPECT_FALSE(listed.at("tokens").at(0).at("lastUsedAt").is_null());
}

TEST(BadTokenFloodTest, TenThousandBadTokensFromOneAddressAreSlowedAndOthersAreNot) {
  // The default limit: 100 failed token authentications a minute per address.
  TestServer server({"--trusted-proxies", "127.0.0.1"});
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const HttpResult created =
      client.json("POST", "/api/access-token",
                  {{"name", "good"}, {"scopes", {"read"}}, {"expiresAt", inDays(1)}},
                  workspace.owner.headers());
  const std::string good(created.json().at("token").as_string());
  const auto from = [](const std::string& token, const std::string& address) {
    return Headers{{"Authorization", "Bearer " + token}, {"X-Forwarded-For", address}};
  };
  std::map<int, int> statuses;
  HttpResult last;
  for (int i = 0; i < 10000; ++i) {
    last = client.request("GET", "/api/space", "",
                          from("tsr_pat_bad" + std::to_string(i), "198.51.100.1"));
    ++statuses[last.status];
    if (i % 1000 == 0) {
      EXPECT_EQ(client.request("GET", "/api/space", "", from(good, "198.51.100.2")).status, 200)
          << "a valid user elsewhere is unaffected during the flood";
    }
  }
  EXPECT_EQ(statuses[401], 100);
  EXPECT_EQ(statuses[429], 9900);
  EXPECT_EQ(statuses.size(), 2u);
  EXPECT_EQ(last.errorCode(), "too_many_requests");
  EXPECT_FALSE(last.header("retry-after").empty());
  EXPECT_EQ(client.request("GET", "/api/space", "", from(good, "198.51.100.2")).status, 200)
      << "a valid user elsewhere is unaffected";
  EXPECT_EQ(client.request("GET", "/api/space", "", workspace.owner.headers()).status, 200)
      << "browser sessions are unaffected";
}

TEST(TokenClientAddressTest, BehindATrustedProxyTheForwardedAddressIsRecorded) {
  for (const bool trusted : {true, false}) {
    TestServer server(trusted ? std::vector<std::string>{"--trusted-proxies", "127.0.0.1"}
                              : std::vector<std::string>{});
    HttpClient client(server.port());
    const Workspace workspace = makeWorkspace(client, "ada@example.com");
    const HttpResult created =
        client.json("POST", "/api/access-token",
                    {{"name", "proxied"}, {"scopes", {"read"}}, {"expiresAt", inDays(1)}},
                    workspace.owner.headers());
    Headers headers = bearer(std::string(created.json().at("token").as_string()));
    headers.emplace_back("X-Forwarded-For", "203.0.113.7");
    ASSERT_EQ(client.request("GET", "/api/space", "", headers).status, 200);
    const auto listed =
        client.request("GET", "/api/access-token", "", workspace.owner.headers()).json();
    EXPECT_EQ(listed.at("tokens").at(0).at("lastUsedIp").as_string(),
              trusted ? "203.0.113.7" : "127.0.0.1");
  }
}

TEST_F(TokensTest, AfterARefreshAnswerNoRequestWithTheOldValueIsEverAccepted) {
  std::string id;
  const std::string old = createToken({{"name", "Hot"}, {"scopes", {"read"}}}, &id);
  std::atomic<bool> refreshAnswered{false};
  std::atomic<bool> stop{false};
  std::atomic<int> acceptedAfter{0}, checkedAfter{0};
  std::vector<std::thread> users;
  for (int t = 0; t < 8; ++t) {
    users.emplace_back([&] {
      while (!stop) {
        const bool after = refreshAnswered;  // read before sending
        const int status = client.request("GET", records, "", bearer(old)).status;
        if (after) {
          ++checkedAfter;
          if (status == 200) ++acceptedAfter;
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const HttpResult refreshed =
      client.request("POST", "/api/access-token/" + id + "/refresh", "", workspace.owner.headers());
  refreshAnswered = true;
  ASSERT_EQ(refreshed.status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  for (auto& thread : users) thread.join();
  EXPECT_GT(checkedAfter.load(), 0);
  EXPECT_EQ(acceptedAfter.load(), 0);
}

}  // namespace
}  // namespace tessera::testing
