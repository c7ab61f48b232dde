// An HTTP request as the rest of Tessera sees it: plain strings, no Beast
// types, so feature code compiles without the networking headers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tessera::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // path as sent (percent-encoded), without the query
  std::string query;   // raw query string, without '?'
  HeaderList headers;  // as received
  std::string body;
  std::string clientIp;  // the client: the TCP peer, or X-Forwarded-For from a trusted proxy
  // The client's connection is HTTPS: TLS to this server, or to a trusted
  // proxy that says so (X-Forwarded-Proto).
  bool https = false;
  // Made by the MCP server on behalf of a /mcp request (never set from the
  // network): its token is being used on the /mcp resource, whatever API
  // path the tool calls.
  bool throughMcp = false;

  // Case-insensitive header lookup; empty when absent.
  std::string_view header(std::string_view name) const;
  bool hasHeader(std::string_view name) const;
  // Value of the named cookie from the Cookie header, if sent.
  std::optional<std::string> cookie(std::string_view name) const;
};

}  // namespace tessera::http
