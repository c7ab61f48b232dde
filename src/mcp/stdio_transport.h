// The stdio transport of `tessera mcp`: one JSON-RPC message per line on
// stdin (CRLF accepted), one per line on stdout, flushed after each; logs
// go to stderr. Returns when stdin closes.
#pragma once

#include <istream>
#include <ostream>

#include "mcp/mcp_server.h"

namespace tessera::mcp {

void serveStdio(McpServer& server, std::istream& in, std::ostream& out);

}  // namespace tessera::mcp
