// The OAuth endpoints' requests read into typed inputs: the consent the
// web app sends (JSON), the token and revocation requests clients send
// (application/x-www-form-urlencoded, RFC 6749) and client registrations
// (RFC 7591). Each reader throws ApiError 400 whose code is the OAuth
// error (invalid_request, unsupported_grant_type, invalid_target,
// invalid_client_metadata, invalid_redirect_uri) or, for the consent, the
// API's own codes; none reads the database.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "features/oauth/oauth_store.h"

namespace tessera::features {

// GET /api/oauth/authorize: the authorization request an app sent the
// browser with (GET /oauth/authorize?...), for the consent page to show.
struct AuthorizationRequestInput {
  std::string clientId;
  std::string redirectUri;
  std::string responseType;
  std::string codeChallenge;
  std::string codeChallengeMethod;
  std::optional<std::string> state;
  std::vector<std::string> scopes;     // the "scope" parameter, split at spaces
  std::vector<std::string> resources;  // "mcp"/"api" named by the "resource" parameters
};
// The query of the authorization request. Parameters it does not know
// are ignored (RFC 6749 §3.1); only a missing client_id or redirect_uri
// is refused here (400 invalid_request): the rest the consent page shows.
AuthorizationRequestInput authorizationRequestFromQuery(std::string_view query);

// POST /api/oauth/authorize: what the user approved on the consent page.
struct ConsentInput {
  std::string clientId;
  std::string redirectUri;
  std::string codeChallenge;  // S256 only
  std::optional<std::string> state;
  std::vector<std::string> scopes;
  std::vector<std::string> spaceIds;
  std::vector<std::string> baseIds;
  std::vector<std::string> resources;  // "mcp" and/or "api"
  int lifetimeDays = 30;
};
ConsentInput consentFromBody(const boost::json::value& body);

// grant_type=authorization_code
struct CodeExchangeInput {
  std::string code;
  std::string redirectUri;
  std::string clientId;
  std::string codeVerifier;
  // The resources the "resource" parameter names ("mcp", "api", or both
  // for the server's own origin); empty when it was not sent.
  std::vector<std::string> resources;
};
// grant_type=refresh_token
struct RefreshInput {
  std::string refreshToken;
  std::string clientId;
  std::vector<std::string> resources;  // as in CodeExchangeInput
};
using TokenRequest = std::variant<CodeExchangeInput, RefreshInput>;
// The form body of POST /oauth/token. Parameters it does not know are
// ignored (RFC 6749 §3.2).
TokenRequest tokenRequestFromForm(std::string_view body);

// POST /oauth/revoke (RFC 7009): the token, and the client when it says.
struct RevokeInput {
  std::string token;
  std::optional<std::string> clientId;
};
RevokeInput revokeRequestFromForm(std::string_view body);

// POST /oauth/register (RFC 7591), for a public client.
struct ClientRegistrationInput {
  std::string name;
  std::vector<std::string> redirectUris;
  std::optional<std::string> logoUri;
  std::optional<std::string> clientUri;
};
ClientRegistrationInput registrationFromBody(const boost::json::value& body);

// GET /api/admin/oauth/grants?userId=...&clientId=... (both optional).
GrantFilter grantFilterFromQuery(std::string_view query);

// PATCH /api/admin/oauth/clients/{clientId}: {"status": "allowed",
// "blocked" or "unreviewed"}; 400 invalid_field otherwise.
ClientStatus clientStatusFromBody(const boost::json::value& body);

// The resource names an RFC 8707 resource URI stands for: {"mcp"} or
// {"api"} for an absolute URI whose path is /mcp or /api, both for one
// with no path (the whole server, as the root protected-resource metadata
// names it); empty for anything else.
std::vector<std::string> resourceNamesOf(std::string_view uri);

}  // namespace tessera::features
