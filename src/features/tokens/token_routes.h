// HTTP mapping of personal access tokens: /api/access-token[...] and
// /api/auth/token (a token describing itself).
#pragma once

#include "features/tokens/token_service.h"
#include "http/router.h"

namespace tessera::features {

void registerTokenRoutes(http::Router& router, TokenService& tokens);

// Where a request came from, for the audit log.
ClientInfo clientOf(const http::RequestContext& ctx);

}  // namespace tessera::features
