// Dynamic Client Registration as the operator controls it, on both
// backends: turned off (--disable-oauth-registration: 403
// registration_disabled, and the authorization server's metadata no
// longer names the endpoint) and limited per client address
// (--oauth-registrations-per-minute: 429 with Retry-After). And the
// cross-origin access a browser-based client needs for the OAuth
// endpoints and /mcp, and no other route gets.
#include <gtest/gtest.h>

#include <boost/json/object.hpp>

#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

const boost::json::object kRegistration{{"client_name", "Agent"},
                                        {"redirect_uris", {"http://127.0.0.1:4711/callback"}}};

TEST(OAuthRegistrationTest, AnOperatorCanTurnRegistrationOff) {
  TestServer server({"--disable-oauth-registration"});
  HttpClient client(server.port());
  const HttpResult refused = client.json("POST", "/oauth/register", kRegistration);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.json().at("error").as_string(), "registration_disabled");
  EXPECT_NE(refused.body.find("client metadata document"), std::string::npos) << refused.body;

  const HttpResult metadata = client.request("GET", "/.well-known/oauth-authorization-server");
  ASSERT_EQ(metadata.status, 200);
  EXPECT_FALSE(metadata.json().as_object().contains("registration_endpoint")) << metadata.body;
  EXPECT_TRUE(metadata.json().at("client_id_metadata_document_supported").as_bool());
}

TEST(OAuthRegistrationTest, RegistrationIsOpenAndNamedByDefault) {
  TestServer server;
  HttpClient client(server.port());
  EXPECT_EQ(client.json("POST", "/oauth/register", kRegistration).status, 201);
  const HttpResult metadata = client.request("GET", "/.well-known/oauth-authorization-server");
  EXPECT_TRUE(metadata.json().at("registration_endpoint").as_string().ends_with("/oauth/register"));
}

TEST(OAuthRegistrationTest, RegistrationsAreLimitedPerAddress) {
  TestServer server({"--oauth-registrations-per-minute", "2"});
  HttpClient client(server.port());
  EXPECT_EQ(client.json("POST", "/oauth/register", kRegistration).status, 201);
  EXPECT_EQ(client.json("POST", "/oauth/register", kRegistration).status, 201);
  const HttpResult limited = client.json("POST", "/oauth/register", kRegistration);
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_EQ(limited.json().at("error").as_string(), "too_many_requests");
  EXPECT_FALSE(limited.header("retry-after").empty());
}

TEST(OAuthRegistrationTest, BrowserClientsMayCallTheOAuthEndpointsAndMcpFromElsewhere) {
  TestServer server;
  HttpClient client(server.port());
  const Headers preflight{{"Origin", "https://agent.example"},
                          {"Access-Control-Request-Method", "POST"},
                          {"Access-Control-Request-Headers", "authorization, content-type"}};
  for (const char* path : {"/oauth/token", "/oauth/register", "/oauth/revoke", "/mcp",
                           "/.well-known/oauth-authorization-server"}) {
    const HttpResult answered = client.request("OPTIONS", path, "", preflight);
    EXPECT_EQ(answered.status, 204) << path << " " << answered.body;
    EXPECT_EQ(answered.header("access-control-allow-origin"), "*") << path;
    EXPECT_NE(answered.header("access-control-allow-headers").find("Authorization"),
              std::string::npos)
        << path;
  }
  const HttpResult metadata = client.request("GET", "/.well-known/oauth-protected-resource/mcp", "",
                                             {{"Origin", "https://agent.example"}});
  EXPECT_EQ(metadata.header("access-control-allow-origin"), "*");
  const HttpResult challenge =
      client.request("POST", "/mcp", "{}", {{"Origin", "https://a.example"}});
  EXPECT_EQ(challenge.status, 401);
  EXPECT_EQ(challenge.header("access-control-allow-origin"), "*");
  EXPECT_NE(challenge.header("access-control-expose-headers").find("WWW-Authenticate"),
            std::string::npos)
      << "a browser client must read the challenge to discover the server";

  const HttpResult api =
      client.request("GET", "/api/space", "", {{"Origin", "https://agent.example"}});
  EXPECT_TRUE(api.header("access-control-allow-origin").empty()) << "the API stays same-origin";
  EXPECT_NE(client.request("OPTIONS", "/api/space", "", preflight).status, 204);
}

}  // namespace
}  // namespace tessera::testing
