// The OAuth authorization code flow driven as an app and its user would,
// over HTTP: register the app, approve it as a signed-in user (what the
// consent page sends), exchange the code with its PKCE verifier. The
// verifier and challenge are RFC 7636 Appendix B's.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "support/http_client.h"

namespace tessera::testing {

constexpr const char* kPkceVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr const char* kPkceChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
constexpr const char* kAppRedirect = "http://127.0.0.1:4711/callback";

// POST /oauth/register for an app named `name` redirecting to
// kAppRedirect; expects 201 and returns its client id.
std::string registerApp(const HttpClient& client, const std::string& name);

// The code `user` gets by approving `clientId` for `scopes` on every space
// and base, through MCP and the REST API, for 7 days; expects 200.
// `choices` replaces any of those ("spaceIds", "baseIds", "resources",
// "lifetimeDays").
std::string approveApp(const HttpClient& client, const BrowserUser& user,
                       const std::string& clientId, const boost::json::array& scopes,
                       const boost::json::object& choices = {});

// approveApp, then exchangeCode; expects 200 and returns the access token.
std::string connectApp(const HttpClient& client, const BrowserUser& user,
                       const std::string& clientId, const boost::json::array& scopes,
                       const boost::json::object& choices = {});

// POST /oauth/token exchanging `code` with kPkceVerifier: the answer as it
// comes.
HttpResult exchangeCode(const HttpClient& client, const std::string& clientId,
                        const std::string& code, const std::string& verifier = kPkceVerifier);

// The value of query parameter `name` in `url`; "" when absent.
std::string queryParam(const std::string& url, const std::string& name);

}  // namespace tessera::testing
