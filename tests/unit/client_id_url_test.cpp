// Client ID Metadata Documents: which URLs may name a client, and what a
// fetched document must say (features/oauth/client_id_url.h).
#include "features/oauth/client_id_url.h"

#include <gtest/gtest.h>

#include "http/api_error.h"

namespace tessera::features {
namespace {

constexpr const char* kUrl = "https://agent.example/oauth/client.json";

std::string refusalOf(const std::string& document) {
  try {
    clientFromDocument(document, kUrl);
  } catch (const http::ApiError& error) {
    return error.code() + ": " + error.what();
  }
  return "accepted";
}

TEST(ClientIdUrlTest, OnlyUrlsNameMetadataDocuments) {
  EXPECT_TRUE(isClientIdUrl(kUrl));
  EXPECT_TRUE(isClientIdUrl("http://127.0.0.1:9/c.json"));
  EXPECT_FALSE(isClientIdUrl("dcr_abc"));
  EXPECT_FALSE(isClientIdUrl("ftp://agent.example/c.json"));
}

TEST(ClientIdUrlTest, AcceptsAnHttpsUrlWithAPath) {
  EXPECT_EQ(clientIdUrlProblem(kUrl, false), std::nullopt);
  EXPECT_EQ(clientIdUrlProblem("https://agent.example:8443/c?v=2", false), std::nullopt);
}

TEST(ClientIdUrlTest, RefusesWhatCannotNameAClient) {
  EXPECT_EQ(clientIdUrlProblem("http://agent.example/c.json", false), "it must be an https URL");
  EXPECT_EQ(clientIdUrlProblem("https://agent.example/", false),
            "it must have a path (not just \"/\")");
  EXPECT_EQ(clientIdUrlProblem("https://agent.example", false),
            "it must have a path (not just \"/\")");
  EXPECT_EQ(clientIdUrlProblem("https://me:pw@agent.example/c.json", false),
            "it must have no user name, password or fragment");
  EXPECT_EQ(clientIdUrlProblem("https://agent.example/c.json#x", false),
            "it must have no user name, password or fragment");
  EXPECT_EQ(clientIdUrlProblem("https://agent.example/a/../c.json", false),
            "its path must have no \".\" or \"..\" segment");
  EXPECT_EQ(clientIdUrlProblem("not a url", false), "it is not an absolute URL with a host");
}

TEST(ClientIdUrlTest, LoopbackOnlyWhenAllowedAndThenHttpToo) {
  EXPECT_TRUE(clientIdUrlProblem("https://127.0.0.1:9/c.json", false).has_value());
  EXPECT_TRUE(clientIdUrlProblem("http://localhost:9/c.json", false).has_value());
  EXPECT_EQ(clientIdUrlProblem("https://127.0.0.1:9/c.json", true), std::nullopt);
  EXPECT_EQ(clientIdUrlProblem("http://[::1]:9/c.json", true), std::nullopt);
  EXPECT_EQ(clientIdUrlProblem("http://agent.example/c.json", true), "it must be an https URL");
}

TEST(ClientIdUrlTest, ReadsAPublicClientNamedByItsDocument) {
  const ClientRegistrationInput client = clientFromDocument(
      R"({"client_id":"https://agent.example/oauth/client.json","client_name":"Agent",
          "redirect_uris":["https://agent.example/cb"],"logo_uri":"https://agent.example/l.png",
          "token_endpoint_auth_method":"none"})",
      kUrl);
  EXPECT_EQ(client.name, "Agent");
  EXPECT_EQ(client.redirectUris, std::vector<std::string>{"https://agent.example/cb"});
  EXPECT_EQ(client.logoUri, "https://agent.example/l.png");
}

TEST(ClientIdUrlTest, TheNameDefaultsToTheHost) {
  EXPECT_EQ(clientFromDocument(R"({"client_id":"https://agent.example/oauth/client.json",
                                   "redirect_uris":["https://agent.example/cb"]})",
                               kUrl)
                .name,
            "agent.example");
}

TEST(ClientIdUrlTest, RefusesWrongDocuments) {
  EXPECT_EQ(refusalOf("[1]"), "invalid_client_metadata: The app's metadata document at " +
                                  std::string(kUrl) + " is not a JSON object.");
  EXPECT_EQ(refusalOf("{not json"), "invalid_client_metadata: The app's metadata document at " +
                                        std::string(kUrl) + " is not a JSON object.");
  EXPECT_EQ(
      refusalOf(
          R"({"client_id":"https://other.example/c.json","redirect_uris":["https://a.example/cb"]})"),
      "invalid_client_metadata: The app's metadata document must name itself: its "
      "'client_id' must be exactly " +
          std::string(kUrl) + ".");
  EXPECT_EQ(refusalOf(R"({"client_id":"https://agent.example/oauth/client.json","client_secret":"s",
                         "redirect_uris":["https://a.example/cb"]})"),
            "invalid_client_metadata: A metadata document describes a public client and holds "
            "no secret.");
  EXPECT_EQ(refusalOf(R"({"client_id":"https://agent.example/oauth/client.json",
                         "token_endpoint_auth_method":"client_secret_basic",
                         "redirect_uris":["https://a.example/cb"]})")
                .substr(0, 24),
            "invalid_client_metadata:");
  EXPECT_EQ(refusalOf(R"({"client_id":"https://agent.example/oauth/client.json",
                         "redirect_uris":["http://evil.example/cb"]})")
                .substr(0, 21),
            "invalid_redirect_uri:");
}

}  // namespace
}  // namespace tessera::features
