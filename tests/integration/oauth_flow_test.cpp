// The OAuth 2.1 authorization code flow on a running server, on both
// backends, driven as a client would: register (RFC 7591), the user's
// consent (what the consent page sends), the code exchanged with its PKCE
// verifier (the example of RFC 7636 Appendix B), tokens used, refreshed
// (rotated) and revoked; and each refusal with its exact error: PKCE
// plain, missing or wrong; a redirect URI not registered; a code reused
// (the tokens it gave are revoked) or expired; a refresh token reused (the
// grant is revoked); a disabled account; a resource the grant does not
// cover. A leak report of an OAuth token ends its grant.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include "support/oauth_flow.h"
#include "support/planted_oauth_token.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

class OAuthFlowTest : public ::testing::Test {
 protected:
  OAuthFlowTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    const HttpResult registered = client.json(
        "POST", "/oauth/register",
        {{"client_name", "Agent"}, {"redirect_uris", {kAppRedirect, "https://agent.example/cb"}}});
    EXPECT_EQ(registered.status, 201) << registered.body;
    clientId = std::string(registered.json().at("client_id").as_string());
    bases = "/api/space/" + workspace.spaceId + "/base";
  }

  boost::json::object consentBody() const {
    return {{"clientId", clientId},
            {"redirectUri", kAppRedirect},
            {"codeChallenge", kPkceChallenge},
            {"codeChallengeMethod", "S256"},
            {"state", "xyz 1"},
            {"scopes", {"read"}},
            {"resources", {"api"}},
            {"lifetimeDays", 7}};
  }

  HttpResult consent(const boost::json::object& body) const {
    return client.json("POST", "/api/oauth/authorize", body, workspace.owner.headers());
  }

  // The code of an approved consent.
  std::string approve(boost::json::object body) const {
    const HttpResult approved = consent(body);
    EXPECT_EQ(approved.status, 200) << approved.body;
    return queryParam(std::string(approved.json().at("redirectTo").as_string()), "code");
  }

  HttpResult token(const std::string& form) const {
    return client.request("POST", "/oauth/token", form,
                          {{"Content-Type", "application/x-www-form-urlencoded"}});
  }

  HttpResult exchange(const std::string& code, const std::string& verifier = kPkceVerifier) const {
    return exchangeCode(client, clientId, code, verifier);
  }

  HttpResult refresh(const std::string& refreshToken) const {
    return token("grant_type=refresh_token&refresh_token=" + refreshToken +
                 "&client_id=" + urlEncode(clientId));
  }

  static std::string field(const HttpResult& result, const char* name) {
    return std::string(result.json().at(name).as_string());
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  std::string clientId;
  std::string bases;
};

TEST_F(OAuthFlowTest, ACodeBecomesTokensThatActWithTheGrantAndRefreshRotates) {
  const HttpResult approved = consent(consentBody());
  ASSERT_EQ(approved.status, 200) << approved.body;
  const std::string redirectTo(approved.json().at("redirectTo").as_string());
  EXPECT_TRUE(redirectTo.starts_with(std::string(kAppRedirect) + "?code=")) << redirectTo;
  EXPECT_EQ(queryParam(redirectTo, "state"), "xyz 1");

  const HttpResult issued = exchange(queryParam(redirectTo, "code"));
  ASSERT_EQ(issued.status, 200) << issued.body;
  EXPECT_EQ(field(issued, "token_type"), "Bearer");
  EXPECT_EQ(issued.json().at("expires_in").as_int64(), 3600);
  EXPECT_EQ(field(issued, "scope"), "read");
  const std::string access = field(issued, "access_token");
  const std::string refreshToken = field(issued, "refresh_token");
  EXPECT_TRUE(access.starts_with("tsr_oat_"));
  EXPECT_TRUE(refreshToken.starts_with("tsr_ort_"));
  EXPECT_EQ(issued.header("cache-control"), "no-store");

  EXPECT_EQ(client.request("GET", bases, "", bearer(access)).status, 200);
  const HttpResult self = client.request("GET", "/api/auth/token", "", bearer(access));
  ASSERT_EQ(self.status, 200) << self.body;
  EXPECT_EQ(self.json().at("kind").as_string(), "oauth");
  EXPECT_EQ(self.json().at("clientId").as_string(), clientId);
  EXPECT_EQ(boost::json::serialize(self.json().at("scopes")), R"(["read"])");
  EXPECT_EQ(self.body.find(access), std::string::npos);
  const HttpResult write = client.json(
      "POST", "/api/base", {{"spaceId", workspace.spaceId}, {"name", "B"}}, bearer(access));
  EXPECT_EQ(write.errorCode(), "insufficient_scope") << "no more than the consent's scopes";
  EXPECT_EQ(client.request("POST", "/mcp", "{}", bearer(access)).errorCode(),
            "token_wrong_resource");

  const HttpResult rotated = refresh(refreshToken);
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  const std::string newAccess = field(rotated, "access_token");
  EXPECT_NE(field(rotated, "refresh_token"), refreshToken);
  EXPECT_EQ(client.request("GET", bases, "", bearer(newAccess)).status, 200);

  const HttpResult reused = refresh(refreshToken);
  EXPECT_EQ(reused.status, 400);
  EXPECT_EQ(field(reused, "error"), "invalid_grant");
  EXPECT_EQ(client.request("GET", bases, "", bearer(newAccess)).errorCode(), "token_revoked")
      << "a reused refresh token revokes the whole grant";
  EXPECT_EQ(refresh(field(rotated, "refresh_token")).status, 400);
}

TEST_F(OAuthFlowTest, TheConsentPageIsToldWhoAsksForWhatAndWhereDenyGoes) {
  const std::string request =
      "/api/oauth/authorize?response_type=code&client_id=" + urlEncode(clientId) +
      "&redirect_uri=" + urlEncode(kAppRedirect) + "&code_challenge=" + kPkceChallenge +
      "&code_challenge_method=S256&state=s1&scope=" + urlEncode("read write nonsense") +
      "&resource=" + urlEncode("http://127.0.0.1/mcp") + "&prompt=consent";
  const HttpResult described = client.request("GET", request, "", workspace.owner.headers());
  ASSERT_EQ(described.status, 200) << described.body;
  const auto& json = described.json();
  EXPECT_EQ(json.at("client").at("name").as_string(), "Agent");
  EXPECT_FALSE(json.at("client").at("verified").as_bool()) << "self-registered";
  EXPECT_EQ(json.at("redirectHost").as_string(), "127.0.0.1:4711");
  EXPECT_EQ(boost::json::serialize(json.at("scopes")), R"(["read","write"])")
      << "unknown scopes are not offered";
  EXPECT_EQ(boost::json::serialize(json.at("resources")), R"(["mcp"])");
  EXPECT_FALSE(json.as_object().contains("problem"));
  const std::string denyTo(json.at("denyTo").as_string());
  EXPECT_EQ(queryParam(denyTo, "error"), "access_denied");
  EXPECT_EQ(queryParam(denyTo, "state"), "s1");

  const HttpResult plain =
      client.request("GET",
                     "/api/oauth/authorize?response_type=code&client_id=" + urlEncode(clientId) +
                         "&redirect_uri=" + urlEncode(kAppRedirect) +
                         "&code_challenge=" + kPkceVerifier + "&code_challenge_method=plain",
                     "", workspace.owner.headers());
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_TRUE(plain.json().as_object().contains("problem"));
  EXPECT_EQ(queryParam(std::string(plain.json().at("denyTo").as_string()), "error"),
            "invalid_request");

  const HttpResult elsewhere =
      client.request("GET",
                     "/api/oauth/authorize?response_type=code&client_id=" + urlEncode(clientId) +
                         "&redirect_uri=" + urlEncode("https://attacker.example/cb"),
                     "", workspace.owner.headers());
  EXPECT_EQ(elsewhere.errorCode(), "invalid_redirect_uri") << "never sent there, not even to deny";
}

TEST_F(OAuthFlowTest, AClientDiscoversEverythingFromTheChallengeOfMcp) {
  const HttpResult challenged =
      client.json("POST", "/mcp", {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "ping"}});
  ASSERT_EQ(challenged.status, 401);
  const std::string challenge = challenged.header("www-authenticate");
  const std::string marker = "resource_metadata=\"";
  const auto at = challenge.find(marker);
  ASSERT_NE(at, std::string::npos) << challenge;
  EXPECT_TRUE(challenge.starts_with("Bearer realm=\"tessera\"")) << "today's challenge stays";
  const std::string metadataUrl = challenge.substr(
      at + marker.size(), challenge.find('"', at + marker.size()) - at - marker.size());
  const std::string origin = "http://127.0.0.1:" + std::to_string(server.port());
  ASSERT_EQ(metadataUrl, origin + "/.well-known/oauth-protected-resource/mcp");

  const auto resource = client.request("GET", "/.well-known/oauth-protected-resource/mcp").json();
  EXPECT_EQ(resource.at("resource").as_string(), origin + "/mcp");
  EXPECT_EQ(resource.at("bearer_methods_supported").at(0).as_string(), "header");
  const std::string issuer(resource.at("authorization_servers").at(0).as_string());
  EXPECT_EQ(issuer, origin);
  EXPECT_EQ(client.request("GET", "/.well-known/oauth-protected-resource/api")
                .json()
                .at("resource")
                .as_string(),
            origin + "/api");

  for (const char* path :
       {"/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"}) {
    const HttpResult found = client.request("GET", path);
    ASSERT_EQ(found.status, 200) << path;
    const auto& server_ = found.json();
    EXPECT_EQ(server_.at("issuer").as_string(), issuer);
    EXPECT_EQ(server_.at("authorization_endpoint").as_string(), origin + "/oauth/authorize");
    EXPECT_EQ(server_.at("token_endpoint").as_string(), origin + "/oauth/token");
    EXPECT_EQ(server_.at("registration_endpoint").as_string(), origin + "/oauth/register");
    EXPECT_EQ(boost::json::serialize(server_.at("code_challenge_methods_supported")), R"(["S256"])")
        << "plain is not offered";
  }
  const HttpResult apiChallenge = client.request("GET", bases);
  EXPECT_EQ(apiChallenge.header("www-authenticate"), "Bearer realm=\"tessera\"")
      << "the REST API's challenge is unchanged";
}

TEST_F(OAuthFlowTest, ACodeWorksOnceAndItsReuseRevokesWhatItGave) {
  const std::string code = approve(consentBody());
  const HttpResult first = exchange(code);
  ASSERT_EQ(first.status, 200) << first.body;
  const HttpResult second = exchange(code);
  EXPECT_EQ(second.status, 400);
  EXPECT_EQ(field(second, "error"), "invalid_grant");
  EXPECT_EQ(client.request("GET", bases, "", bearer(field(first, "access_token"))).errorCode(),
            "token_revoked");
  EXPECT_EQ(field(exchange("not-a-code"), "error"), "invalid_grant");
}

TEST_F(OAuthFlowTest, ACodeOlderThanAMinuteIsRefused) {
  const std::string code = approve(consentBody());
  expireOAuthCodes(server);
  const HttpResult late = exchange(code);
  EXPECT_EQ(late.status, 400);
  EXPECT_EQ(field(late, "error"), "invalid_grant");
  EXPECT_NE(late.body.find("expired"), std::string::npos) << late.body;
}

TEST_F(OAuthFlowTest, ADisabledAccountsAppStopsAndCannotRefreshUntilEnabled) {
  const HttpResult issued = exchange(approve(consentBody()));
  ASSERT_EQ(issued.status, 200) << issued.body;
  const std::string access = field(issued, "access_token");
  std::string output;
  ASSERT_EQ(runTessera(onDatabaseOf(server, {"user", "disable", "--email", "ada@example.com"}), "",
                       output),
            0)
      << output;
  EXPECT_EQ(client.request("GET", bases, "", bearer(access)).errorCode(), "token_revoked");
  const HttpResult refused = refresh(field(issued, "refresh_token"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(field(refused, "error"), "invalid_grant");
  EXPECT_NE(refused.body.find("disabled"), std::string::npos) << refused.body;

  ASSERT_EQ(runTessera(onDatabaseOf(server, {"user", "enable", "--email", "ada@example.com"}), "",
                       output),
            0);
  const HttpResult renewed = refresh(field(issued, "refresh_token"));
  EXPECT_EQ(renewed.status, 200) << "a refused refresh spends nothing: " << renewed.body;
}

TEST_F(OAuthFlowTest, AReportedLeakOfAnOAuthTokenEndsItsGrant) {
  const HttpResult issued = exchange(approve(consentBody()));
  ASSERT_EQ(issued.status, 200) << issued.body;
  const std::string access = field(issued, "access_token");
  ASSERT_EQ(client.request("GET", bases, "", bearer(access)).status, 200);
  const HttpResult reported = client.json("POST", "/api/access-token/revoke-leaked",
                                          {{"tokens", {field(issued, "refresh_token")}}});
  EXPECT_EQ(reported.status, 202) << reported.body;
  EXPECT_EQ(client.request("GET", bases, "", bearer(access)).errorCode(), "token_revoked")
      << "a leaked refresh token ends the access tokens of its grant too";
  EXPECT_EQ(field(refresh(field(issued, "refresh_token")), "error"), "invalid_grant");

  const HttpResult listed =
      client.request("GET", "/api/oauth/grants", "", workspace.owner.headers());
  EXPECT_EQ(listed.json().at("grants").as_array().size(), 0u);
}

TEST_F(OAuthFlowTest, PkceAndTheRedirectUriAreHeldToTheLetter) {
  boost::json::object plain = consentBody();
  plain["codeChallengeMethod"] = "plain";
  EXPECT_EQ(consent(plain).errorCode(), "invalid_request");
  boost::json::object badChallenge = consentBody();
  badChallenge["codeChallenge"] = kPkceVerifier + std::string("x");
  EXPECT_EQ(consent(badChallenge).errorCode(), "invalid_request");
  boost::json::object elsewhere = consentBody();
  elsewhere["redirectUri"] = "https://attacker.example/cb";
  EXPECT_EQ(consent(elsewhere).errorCode(), "invalid_redirect_uri");
  boost::json::object otherPort = consentBody();
  otherPort["redirectUri"] = "http://127.0.0.1:5000/callback";
  EXPECT_EQ(consent(otherPort).status, 200) << "a loopback redirect may use any port";

  const HttpResult missing =
      token("grant_type=authorization_code&code=" + approve(consentBody()) +
            "&client_id=" + urlEncode(clientId) + "&redirect_uri=" + urlEncode(kAppRedirect));
  EXPECT_EQ(field(missing, "error"), "invalid_request");
  EXPECT_EQ(field(exchange(approve(consentBody()), std::string(43, 'a')), "error"), "invalid_grant")
      << "a wrong verifier";
  const HttpResult wrongRedirect =
      token("grant_type=authorization_code&code=" + approve(consentBody()) + "&client_id=" +
            urlEncode(clientId) + "&redirect_uri=" + urlEncode("https://agent.example/cb") +
            "&code_verifier=" + kPkceVerifier);
  EXPECT_EQ(field(wrongRedirect, "error"), "invalid_grant");
  const HttpResult otherResource =
      token("grant_type=authorization_code&code=" + approve(consentBody()) +
            "&client_id=" + urlEncode(clientId) + "&redirect_uri=" + urlEncode(kAppRedirect) +
            "&code_verifier=" + kPkceVerifier + "&resource=" + urlEncode("http://127.0.0.1/mcp"));
  EXPECT_EQ(field(otherResource, "error"), "invalid_target");
}

TEST_F(OAuthFlowTest, TheServersOwnOriginIsAResourceThatMeansBoth) {
  const std::string origin = "http://127.0.0.1:" + std::to_string(server.port());
  const HttpResult described =
      client.request("GET",
                     "/api/oauth/authorize?client_id=" + urlEncode(clientId) +
                         "&redirect_uri=" + urlEncode(kAppRedirect) +
                         "&response_type=code&code_challenge=" + kPkceChallenge +
                         "&code_challenge_method=S256&resource=" + urlEncode(origin),
                     "", workspace.owner.headers());
  ASSERT_EQ(described.status, 200) << described.body;
  EXPECT_EQ(boost::json::serialize(described.json().at("resources")), R"(["mcp","api"])");

  const auto exchangeFor = [&](const boost::json::array& resources) {
    boost::json::object body = consentBody();
    body["resources"] = resources;
    return token("grant_type=authorization_code&code=" + approve(body) +
                 "&client_id=" + urlEncode(clientId) + "&redirect_uri=" + urlEncode(kAppRedirect) +
                 "&code_verifier=" + kPkceVerifier + "&resource=" + urlEncode(origin));
  };
  EXPECT_EQ(field(exchangeFor({"api"}), "error"), "invalid_target")
      << "the whole server, but the user approved only the REST API";
  EXPECT_EQ(exchangeFor({"mcp", "api"}).status, 200);
}

TEST_F(OAuthFlowTest, RevokingATokenEndsItsGrantAtOnce) {
  const HttpResult issued = exchange(approve(consentBody()));
  ASSERT_EQ(issued.status, 200) << issued.body;
  const std::string access = field(issued, "access_token");
  ASSERT_EQ(client.request("GET", bases, "", bearer(access)).status, 200);
  const HttpResult revoked =
      client.request("POST", "/oauth/revoke", "token=" + field(issued, "refresh_token"),
                     {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(client.request("GET", bases, "", bearer(access)).errorCode(), "token_revoked");
  EXPECT_EQ(client
                .request("POST", "/oauth/revoke", "token=unknown",
                         {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            200)
      << "RFC 7009: an unknown token is no error";
}

TEST_F(OAuthFlowTest, ConnectedAppsListsTheGrantAndRevokingItEndsItsTokens) {
  boost::json::object restricted = consentBody();
  restricted["baseIds"] = {workspace.baseId};
  const HttpResult issued = exchange(approve(restricted));
  ASSERT_EQ(issued.status, 200) << issued.body;
  const std::string access = field(issued, "access_token");
  ASSERT_EQ(
      client.request("GET", "/api/base/" + workspace.baseId + "/table", "", bearer(access)).status,
      200);

  const HttpResult listed =
      client.request("GET", "/api/oauth/grants", "", workspace.owner.headers());
  ASSERT_EQ(listed.status, 200) << listed.body;
  const boost::json::value listing = listed.json();
  const auto& grants = listing.at("grants").as_array();
  ASSERT_EQ(grants.size(), 1u);
  const auto& grant = grants.at(0);
  EXPECT_EQ(grant.at("client").at("name").as_string(), "Agent");
  EXPECT_EQ(boost::json::serialize(grant.at("scopes")), R"(["read"])");
  EXPECT_EQ(boost::json::serialize(grant.at("resources")), R"(["api"])");
  EXPECT_EQ(grant.at("bases").at(0).at("id").as_string(), workspace.baseId);
  EXPECT_FALSE(grant.at("lastUsedAt").is_null()) << "the use just made";
  EXPECT_FALSE(grant.at("expiresAt").is_null());
  EXPECT_EQ(listed.body.find("tsr_"), std::string::npos) << "no token value is listed";
  EXPECT_EQ(client.request("GET", "/api/oauth/grants", "", bearer(access)).errorCode(),
            "token_cannot_manage_tokens");

  const std::string grantPath = "/api/oauth/grants/" + std::string(grant.at("id").as_string());
  EXPECT_EQ(client.request("DELETE", grantPath, "", workspace.owner.headers()).status, 204);
  EXPECT_EQ(client.request("GET", "/api/base/" + workspace.baseId + "/table", "", bearer(access))
                .errorCode(),
            "token_revoked");
  EXPECT_EQ(refresh(field(issued, "refresh_token")).status, 400);
  EXPECT_TRUE(client.request("GET", "/api/oauth/grants", "", workspace.owner.headers())
                  .json()
                  .at("grants")
                  .as_array()
                  .empty());
  const Workspace other = makeWorkspace(client, "eve@example.com");
  EXPECT_EQ(client.request("DELETE", grantPath, "", other.owner.headers()).errorCode(),
            "grant_not_found")
      << "another user's grant is not even said to exist";
}

TEST_F(OAuthFlowTest, BadRequestsGetTheRfcErrors) {
  const HttpResult httpRedirect =
      client.json("POST", "/oauth/register",
                  {{"client_name", "X"}, {"redirect_uris", {"http://agent.example/cb"}}});
  EXPECT_EQ(httpRedirect.status, 400);
  EXPECT_EQ(field(httpRedirect, "error"), "invalid_redirect_uri");
  EXPECT_EQ(
      field(client.json("POST", "/oauth/register", {{"redirect_uris", {kAppRedirect}}}), "error"),
      "invalid_client_metadata");
  EXPECT_EQ(field(token("grant_type=password&username=a"), "error"), "unsupported_grant_type");
  EXPECT_EQ(
      field(client.request("POST", "/oauth/token", "{}", {{"Content-Type", "application/json"}}),
            "error"),
      "invalid_request");
  boost::json::object unknownClient = consentBody();
  unknownClient["clientId"] = "dcr_nobody";
  EXPECT_EQ(consent(unknownClient).errorCode(), "unknown_client");
  Headers noCsrf{{"Cookie", workspace.owner.cookieHeader}};
  EXPECT_EQ(client.json("POST", "/api/oauth/authorize", consentBody(), noCsrf).errorCode(),
            "csrf_failed")
      << "the consent needs the page's CSRF value";
}

}  // namespace
}  // namespace tessera::testing
