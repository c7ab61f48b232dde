// How MCP tools reach Tessera: through the REST API with the user's token,
// so the server's one policy decides every access. Over HTTP for
// `tessera mcp`; in-process for /mcp inside the server.
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace tessera::mcp {

struct ApiResponse {
  int status = 0;
  boost::json::value body;  // parsed JSON (null when there is none)
};

class ApiClient {
 public:
  virtual ~ApiClient() = default;
  // `target` is a path with its query string; `body` null for none.
  virtual ApiResponse call(const std::string& method, const std::string& target,
                           const boost::json::value& body) = 0;
};

}  // namespace tessera::mcp
