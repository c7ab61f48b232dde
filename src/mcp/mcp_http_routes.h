// The Streamable HTTP transport at POST /mcp: JSON responses, 202 for
// notifications, a bearer token required, the Origin header checked
// against the server's own origin (DNS-rebinding protection), and
// MCP-Protocol-Version validated. Stateless: no session, nothing keyed by
// JSON-RPC id.
#pragma once

#include <string>

#include "http/request_handler.h"
#include "http/router.h"

namespace tessera::mcp {

// `ownOrigin` like "https://tessera.example.com" (from --public-url).
void registerMcpRoutes(http::Router& router, http::RequestHandler& pipeline, std::string ownOrigin);

}  // namespace tessera::mcp
