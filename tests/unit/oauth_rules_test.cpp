// The small rules under the OAuth endpoints: PKCE S256 (RFC 7636, with its
// Appendix B example), which redirect URIs may be registered and how a
// requested one matches (RFC 8252 loopback ports), and which resource a
// resource indicator names (RFC 8707).
#include <gtest/gtest.h>

#include "auth/pkce.h"
#include "features/oauth/oauth_input.h"
#include "features/oauth/redirect_uri.h"

namespace tessera::features {
namespace {

TEST(OAuthRulesTest, PkceS256FollowsTheRfcExample) {
  const std::string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  const std::string challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  EXPECT_TRUE(auth::isWellFormedCodeVerifier(verifier));
  EXPECT_TRUE(auth::isWellFormedS256Challenge(challenge));
  EXPECT_TRUE(auth::codeVerifierMatches(verifier, challenge));
  EXPECT_FALSE(auth::codeVerifierMatches(verifier + "x", challenge));
  EXPECT_FALSE(auth::codeVerifierMatches(verifier, verifier)) << "plain is never accepted";
  EXPECT_FALSE(auth::isWellFormedCodeVerifier(std::string(42, 'a'))) << "too short";
  EXPECT_FALSE(auth::isWellFormedCodeVerifier(std::string(129, 'a'))) << "too long";
  EXPECT_FALSE(auth::isWellFormedCodeVerifier(std::string(42, 'a') + "+"));
  EXPECT_FALSE(auth::isWellFormedS256Challenge(challenge + "A"));
  EXPECT_FALSE(auth::isWellFormedS256Challenge(std::string(43, '*')));
}

TEST(OAuthRulesTest, RedirectUrisAreHttpsOrLoopbackAndMatchExactly) {
  EXPECT_TRUE(isAcceptableRedirectUri("https://app.example/cb"));
  EXPECT_TRUE(isAcceptableRedirectUri("http://127.0.0.1:33418/cb"));
  EXPECT_TRUE(isAcceptableRedirectUri("http://[::1]/cb"));
  EXPECT_TRUE(isAcceptableRedirectUri("http://localhost:8080/cb"));
  EXPECT_FALSE(isAcceptableRedirectUri("http://app.example/cb"));
  EXPECT_FALSE(isAcceptableRedirectUri("https://app.example/cb#frag"));
  EXPECT_FALSE(isAcceptableRedirectUri("javascript:alert(1)"));
  EXPECT_FALSE(isAcceptableRedirectUri("/relative"));

  EXPECT_TRUE(redirectUriMatches("https://app.example/cb", "https://app.example/cb"));
  EXPECT_FALSE(redirectUriMatches("https://app.example/cb", "https://app.example/cb/"));
  EXPECT_FALSE(redirectUriMatches("https://app.example/cb", "https://app.example:444/cb"))
      << "only loopback URIs may change port";
  EXPECT_FALSE(redirectUriMatches("https://app.example/cb", "https://app.example.evil/cb"));
  EXPECT_TRUE(redirectUriMatches("http://127.0.0.1/cb", "http://127.0.0.1:5123/cb"));
  EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/cb", "http://127.0.0.1:5123/other"));
  EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/cb", "http://localhost:5123/cb"));
  EXPECT_FALSE(redirectUriMatches("http://127.0.0.1/cb", "http://evil@127.0.0.1:5123/cb"));
}

TEST(OAuthRulesTest, TheCodeAndStateAreAddedToTheRedirectQuery) {
  EXPECT_EQ(withQueryParams("https://app.example/cb", {{"code", "abc"}, {"state", "a b&c"}}),
            "https://app.example/cb?code=abc&state=a%20b%26c");
  EXPECT_EQ(withQueryParams("https://app.example/cb?x=1", {{"code", "abc"}}),
            "https://app.example/cb?x=1&code=abc");
}

TEST(OAuthRulesTest, AResourceIndicatorNamesMcpTheApiOrTheWholeServer) {
  using Names = std::vector<std::string>;
  EXPECT_EQ(resourceNamesOf("https://tessera.example/mcp"), Names{"mcp"});
  EXPECT_EQ(resourceNamesOf("http://127.0.0.1:8080/api"), Names{"api"});
  EXPECT_EQ(resourceNamesOf("https://tessera.example"), (Names{"mcp", "api"}));
  EXPECT_EQ(resourceNamesOf("https://tessera.example/"), (Names{"mcp", "api"}));
  EXPECT_EQ(resourceNamesOf("https://tessera.example/other"), Names{});
  EXPECT_EQ(resourceNamesOf("/mcp"), Names{}) << "an absolute URI";
  EXPECT_EQ(resourceNamesOf("https://tessera.example/mcp#x"), Names{});
  EXPECT_EQ(resourceNamesOf("https://tessera.example/mcp?x=1"), Names{});
}

}  // namespace
}  // namespace tessera::features
