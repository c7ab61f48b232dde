#include "app/cors.h"

namespace tessera::app {

bool isCrossOriginPath(std::string_view path) {
  return path.starts_with("/.well-known/oauth-") || path == "/.well-known/openid-configuration" ||
         path == "/oauth/register" || path == "/oauth/token" || path == "/oauth/revoke" ||
         path == "/mcp";
}

std::optional<http::Response> corsPreflight(const http::Request& request) {
  if (request.method != "OPTIONS" || !isCrossOriginPath(request.path) ||
      !request.hasHeader("access-control-request-method")) {
    return std::nullopt;
  }
  http::Response response = http::Response::noContent();
  response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
  response.setHeader("Access-Control-Allow-Headers",
                     "Authorization, Content-Type, Accept, Mcp-Session-Id, MCP-Protocol-Version, "
                     "Last-Event-ID");
  response.setHeader("Access-Control-Max-Age", "600");
  addCorsHeaders(response, request.path);
  return response;
}

void addCorsHeaders(http::Response& response, std::string_view path) {
  if (!isCrossOriginPath(path)) return;
  response.setHeader("Access-Control-Allow-Origin", "*");
  response.setHeader("Access-Control-Expose-Headers",
                     "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version, Retry-After");
}

}  // namespace tessera::app
