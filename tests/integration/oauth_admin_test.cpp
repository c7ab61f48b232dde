// The instance admin's control of OAuth, on both backends: every grant
// on the instance (filtered by user or app) with its user; revoking any
// grant (its tokens stop at once and its owner's history says who); every
// app with its decision and live grants; blocking an app (its grants end
// at once, consent is refused) and un-blocking it; and, on a server that
// connects only allowed apps, consent refused until the admin allows the
// app. A user reads their own grant's history, nobody else's.
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "support/oauth_flow.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

class OAuthAdminTest : public ::testing::Test {
 protected:
  explicit OAuthAdminTest(std::vector<std::string> serverArgs = {})
      : server(std::move(serverArgs)),
        client(server.port()),
        admin(signUp(client, "admin@example.com")),  // the first user: instance admin
        ada(signUp(client, "ada@example.com")) {}

  // `user` connects the app; returns its access token.
  std::string connect(const BrowserUser& user, const std::string& clientId) {
    return connectApp(client, user, clientId, {"read"});
  }

  boost::json::array grants(const std::string& query = "") const {
    const HttpResult listed =
        client.request("GET", "/api/admin/oauth/grants" + query, "", admin.headers());
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.json().at("grants").as_array();
  }

  HttpResult setStatus(const std::string& clientId, const std::string& status) const {
    return client.json("PATCH", "/api/admin/oauth/clients/" + urlEncode(clientId),
                       {{"status", status}}, admin.headers());
  }

  bool works(const std::string& access) const {
    return client.request("GET", "/api/space", "", bearer(access)).status == 200;
  }

  TestServer server;
  HttpClient client;
  BrowserUser admin;
  BrowserUser ada;
};

TEST_F(OAuthAdminTest, TheAdminSeesEveryGrantAndRevokesAny) {
  const std::string agent = registerApp(client, "Agent");
  const std::string other = registerApp(client, "Other");
  const std::string adaToken = connect(ada, agent);
  connect(admin, other);

  const boost::json::array all = grants();
  ASSERT_EQ(all.size(), 2u) << boost::json::serialize(all);
  const boost::json::array ofAda = grants("?userId=" + ada.id);
  ASSERT_EQ(ofAda.size(), 1u);
  EXPECT_EQ(ofAda[0].at("user").at("email").as_string(), "ada@example.com");
  EXPECT_EQ(ofAda[0].at("client").at("name").as_string(), "Agent");
  EXPECT_EQ(grants("?clientId=" + other).size(), 1u);
  EXPECT_EQ(
      client.request("GET", "/api/admin/oauth/grants?user=x", "", admin.headers()).errorCode(),
      "unknown_parameter");

  const std::string grantId(ofAda[0].at("id").as_string());
  EXPECT_TRUE(works(adaToken));
  const HttpResult revoked =
      client.request("DELETE", "/api/admin/oauth/grants/" + grantId, "", admin.headers());
  EXPECT_EQ(revoked.status, 204) << revoked.body;
  const HttpResult refused = client.request("GET", "/api/space", "", bearer(adaToken));
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.errorCode(), "token_revoked");
  EXPECT_EQ(
      client.request("DELETE", "/api/admin/oauth/grants/" + grantId, "", admin.headers()).status,
      204)
      << "revoking again changes nothing";
  EXPECT_EQ(client.request("DELETE", "/api/admin/oauth/grants/grtnothere", "", admin.headers())
                .errorCode(),
            "grant_not_found");

  // Ada's history of the grant says the admin ended it.
  const HttpResult history =
      client.request("GET", "/api/oauth/grants/" + grantId + "/events", "", ada.headers());
  ASSERT_EQ(history.status, 200) << history.body;
  const std::string events = history.body;
  EXPECT_NE(events.find("oauth.revoked"), std::string::npos) << events;
  EXPECT_NE(events.find("\"by\":\"admin\""), std::string::npos) << events;
  EXPECT_NE(events.find("oauth.granted"), std::string::npos) << events;
  EXPECT_EQ(client.request("GET", "/api/oauth/grants/" + grantId + "/events", "", admin.headers())
                .errorCode(),
            "grant_not_found")
      << "another user's grant has no history for you";
}

TEST_F(OAuthAdminTest, BlockingAnAppEndsItsGrantsAndRefusesConsent) {
  const std::string agent = registerApp(client, "Agent");
  const std::string access = connect(ada, agent);

  const HttpResult clients = client.request("GET", "/api/admin/oauth/clients", "", admin.headers());
  ASSERT_EQ(clients.status, 200) << clients.body;
  const boost::json::value all = clients.json();
  const boost::json::value& listed = all.at("clients").at(0);
  EXPECT_EQ(listed.at("id").as_string(), agent);
  EXPECT_EQ(listed.at("status").as_string(), "unreviewed");
  EXPECT_EQ(listed.at("liveGrants").as_int64(), 1);
  EXPECT_FALSE(listed.at("verified").as_bool());

  const HttpResult blocked = setStatus(agent, "blocked");
  ASSERT_EQ(blocked.status, 200) << blocked.body;
  EXPECT_EQ(blocked.json().at("status").as_string(), "blocked");
  EXPECT_EQ(blocked.json().at("liveGrants").as_int64(), 0);
  EXPECT_EQ(client.request("GET", "/api/space", "", bearer(access)).errorCode(), "token_revoked");
  EXPECT_EQ(client
                .json("POST", "/api/oauth/authorize",
                      {{"clientId", agent},
                       {"redirectUri", kAppRedirect},
                       {"codeChallenge", kPkceChallenge},
                       {"scopes", {"read"}},
                       {"resources", {"api"}}},
                      ada.headers())
                .errorCode(),
            "client_blocked");

  EXPECT_EQ(setStatus(agent, "unreviewed").status, 200);
  EXPECT_TRUE(works(connect(ada, agent))) << "un-blocked, it can be connected again";

  EXPECT_EQ(setStatus(agent, "trusted").errorCode(), "invalid_field");
  EXPECT_EQ(setStatus("https://agent.example/client.json", "blocked").errorCode(),
            "client_not_found");
}

class OAuthAllowListTest : public OAuthAdminTest {
 protected:
  OAuthAllowListTest() : OAuthAdminTest({"--oauth-allowed-clients-only"}) {}
};

TEST_F(OAuthAllowListTest, OnlyAllowedAppsCanBeConnected) {
  const std::string agent = registerApp(client, "Agent");
  const HttpResult refused = client.json("POST", "/api/oauth/authorize",
                                         {{"clientId", agent},
                                          {"redirectUri", kAppRedirect},
                                          {"codeChallenge", kPkceChallenge},
                                          {"scopes", {"read"}},
                                          {"resources", {"api"}}},
                                         ada.headers());
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.errorCode(), "client_not_allowed");
  EXPECT_EQ(setStatus(agent, "allowed").json().at("status").as_string(), "allowed");
  EXPECT_TRUE(works(connect(ada, agent)));
}

}  // namespace
}  // namespace tessera::testing
