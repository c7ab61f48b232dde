// OAuth access tokens on a running server, on both backends: a token acts
// with its grant on the resource it was issued for (the REST API or /mcp),
// is refused on the other with its own reason, and so are a revoked grant
// and an expired token (that a revocation is seen through the cache at
// once is tested in unit/oauth_token_verifier_test.cpp). The tokens are written straight into the
// database (support/planted_oauth_token.h) until the endpoints that issue
// them exist.
#include <gtest/gtest.h>

#include "support/planted_oauth_token.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

class OAuthBearerTest : public ::testing::Test {
 protected:
  OAuthBearerTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    bases = "/api/space/" + workspace.spaceId + "/base";
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  std::string bases;
};

TEST_F(OAuthBearerTest, AnApiTokenReadsWithItsGrantAndCannotWriteBeyondIt) {
  const std::string token = plantOAuthAccessToken(server, {workspace.owner.id, {"read"}, {"api"}});
  const HttpResult listed = client.request("GET", bases, "", bearer(token));
  EXPECT_EQ(listed.status, 200) << listed.body;
  const HttpResult created = client.json(
      "POST", "/api/base", {{"spaceId", workspace.spaceId}, {"name", "More"}}, bearer(token));
  EXPECT_EQ(created.status, 403) << created.body;
  EXPECT_EQ(created.errorCode(), "insufficient_scope");
}

TEST_F(OAuthBearerTest, ATokenIsRefusedOnTheResourceItWasNotIssuedFor) {
  const std::string forMcp = plantOAuthAccessToken(server, {workspace.owner.id, {"read"}, {"mcp"}});
  const HttpResult onApi = client.request("GET", bases, "", bearer(forMcp));
  EXPECT_EQ(onApi.status, 401);
  EXPECT_EQ(onApi.errorCode(), "token_wrong_resource");
  EXPECT_NE(onApi.header("www-authenticate").find("error=\"invalid_token\""), std::string::npos);
  std::string refresh = forMcp;
  refresh.replace(0, 8, "tsr_ort_");  // the checksum no longer fits: malformed
  EXPECT_EQ(client.request("GET", bases, "", bearer(refresh)).errorCode(), "token_malformed");
}

TEST_F(OAuthBearerTest, ARevokedGrantOrAnExpiredTokenIsRefused) {
  const std::string token = plantOAuthAccessToken(server, {workspace.owner.id, {"read"}, {"api"}});
  revokePlantedGrants(server);  // before the server saw the token: nothing cached
  const HttpResult refused = client.request("GET", bases, "", bearer(token));
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.errorCode(), "token_revoked");
  const std::string expired =
      plantOAuthAccessToken(server, {workspace.owner.id, {"read"}, {"api"}, -1});
  EXPECT_EQ(client.request("GET", bases, "", bearer(expired)).errorCode(), "token_expired");
}

}  // namespace
}  // namespace tessera::testing
