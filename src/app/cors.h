// Cross-origin access for the endpoints a browser-based OAuth or MCP client
// calls from its own origin: the discovery documents, /oauth/register,
// /oauth/token, /oauth/revoke and /mcp. They take no cookie (a client's
// own tokens, or nothing), so any origin may call them
// ("Access-Control-Allow-Origin: *", never with credentials). Every other
// route stays same-origin: the web app's session cookie must not be
// usable from elsewhere.
#pragma once

#include <optional>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace tessera::app {

bool isCrossOriginPath(std::string_view path);

// The answer to a CORS preflight (OPTIONS with
// Access-Control-Request-Method) of a cross-origin path; nullopt for any
// other request.
std::optional<http::Response> corsPreflight(const http::Request& request);

// Adds Access-Control-Allow-Origin (and the headers a client may read) to
// an answer on a cross-origin path.
void addCorsHeaders(http::Response& response, std::string_view path);

}  // namespace tessera::app
