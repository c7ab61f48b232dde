// Dynamic Client Registration as the operator controls it, on both
// backends: turned off (--disable-oauth-registration: 403
// registration_disabled, and the authorization server's metadata no
// longer names the endpoint) and limited per client address
// (--oauth-registrations-per-minute: 429 with Retry-After).
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

}  // namespace
}  // namespace tessera::testing
