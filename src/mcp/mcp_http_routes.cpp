#include "mcp/mcp_http_routes.h"

#include <boost/algorithm/string/predicate.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include "http/api_error.h"
#include "mcp/in_process_api_client.h"
#include "mcp/mcp_server.h"
#include "mcp/protocol_versions.h"

namespace tessera::mcp {
namespace {

bool isLoopbackOrigin(std::string_view origin) {
  auto url = boost::urls::parse_absolute_uri(origin);
  if (!url) return false;
  const std::string_view host = url->encoded_host();
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

// The server's own origin may call /mcp from a browser; a server serving
// loopback also accepts other loopback origins (local tools), never a
// foreign name that resolves to it (DNS rebinding).
bool originAllowed(std::string_view origin, const std::string& ownOrigin) {
  if (origin.empty() || origin == ownOrigin) return true;
  return isLoopbackOrigin(ownOrigin) && isLoopbackOrigin(origin);
}

void checkHeaders(const http::Request& request, const std::string& ownOrigin) {
  const std::string_view origin = request.header("origin");
  if (!originAllowed(origin, ownOrigin)) {
    throw http::forbidden("origin_not_allowed", "Requests to /mcp from the web origin " +
                                                    std::string(origin) + " are refused; only " +
                                                    ownOrigin + " may call it from a browser.");
  }
  const std::string_view version = request.header("mcp-protocol-version");
  if (!version.empty() && !isSupportedProtocolVersion(version)) {
    throw http::badRequest("unsupported_protocol_version",
                           "MCP-Protocol-Version " + std::string(version) +
                               " is not supported; use one of " + supportedProtocolVersionList() +
                               ".");
  }
  if (!boost::algorithm::icontains(request.header("content-type"), "application/json")) {
    throw http::ApiError(415, "unsupported_media_type",
                         "MCP messages are JSON: send Content-Type: application/json.");
  }
}

}  // namespace

void registerMcpRoutes(http::Router& router, http::RequestHandler& pipeline,
                       std::string ownOrigin) {
  router.add("POST", "/mcp", access::tokenOnly(), [&pipeline, ownOrigin](auto& ctx) {
    checkHeaders(ctx.request, ownOrigin);
    std::string_view header = ctx.request.header("authorization");
    const std::string token(header.substr(header.find(' ') + 1));
    InProcessApiClient api(pipeline, token, ctx.request.clientIp);
    McpServer server(api, "");
    const auto answer = server.handle(ctx.request.body);
    if (!answer) {
      http::Response accepted;
      accepted.status = 202;
      return accepted;
    }
    return http::Response::json(200, *answer);
  });
}

}  // namespace tessera::mcp
