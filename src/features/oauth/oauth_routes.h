// HTTP mapping of OAuth: the endpoints clients call, which answer errors
// the RFC 6749 way ({"error","error_description"}, with Tessera's
// {"status","code","message"} too) — POST /oauth/register (RFC 7591),
// POST /oauth/token, POST /oauth/revoke (RFC 7009) — and the one the
// consent page calls with the user's session: POST /api/oauth/authorize.
#pragma once

#include "features/oauth/oauth_service.h"
#include "http/router.h"

namespace tessera::features {

void registerOAuthRoutes(http::Router& router, OAuthService& oauth);

}  // namespace tessera::features
