// The MCP server, independent of transport: the lifecycle (initialize
// with version negotiation, ping, logging/setLevel, server/discover),
// tools/list showing only the tools the token's scopes allow, and
// tools/call. Stateless per message: nothing is keyed by JSON-RPC id.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "mcp/api_client.h"
#include "mcp/json_rpc.h"
#include "mcp/protocol_versions.h"

namespace tessera::mcp {

class McpServer {
 public:
  // `credentialProblem`: why no usable token was given (empty when one
  // was); tools then answer with that message as an error.
  McpServer(ApiClient& api, std::string credentialProblem);

  // The response to one message, or nullopt for notifications.
  std::optional<boost::json::value> handle(std::string_view message);

 private:
  boost::json::value dispatch(const RpcMessage& message);
  boost::json::value initialize(const boost::json::object& params) const;
  boost::json::value listTools(const boost::json::object& params);
  boost::json::value callTool(const boost::json::object& params);
  boost::json::value listResources(const boost::json::object& params);
  boost::json::value readResource(const boost::json::object& params);
  // The actions the token grants, asked of the server once.
  const std::set<std::string>& grantedActions();

  ApiClient& api_;
  std::string credentialProblem_;
  std::optional<std::set<std::string>> granted_;
};

}  // namespace tessera::mcp
