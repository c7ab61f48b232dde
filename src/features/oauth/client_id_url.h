// Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-
// document, used by the MCP authorization specification): a client that
// has no registration here names itself by the https URL of a JSON
// document describing it. This file holds which client ids are such URLs,
// which URLs may be one, and what the fetched document must say.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "features/oauth/oauth_input.h"

namespace tessera::features {

// Whether the client id is a URL (https:// or http://) rather than the id
// of a registered client.
bool isClientIdUrl(std::string_view clientId);

// Why `url` cannot name a client, for a person; nullopt when it can. It
// must be an https URL with a host and a path other than "/", without
// user, fragment or "." and ".." segments; plain http and loopback hosts
// only when `allowLoopback` (tests, development).
std::optional<std::string> clientIdUrlProblem(std::string_view url, bool allowLoopback);

// The client a fetched document describes. The document must be a JSON
// object whose "client_id" is exactly `url`, for a public client (no
// secret; token_endpoint_auth_method "none" when given), with redirect
// URIs as a registration has them; "client_name" defaults to the URL's
// host. Throws ApiError 400 invalid_client_metadata or
// invalid_redirect_uri naming what is wrong.
ClientRegistrationInput clientFromDocument(std::string_view document, std::string_view url);

}  // namespace tessera::features
