// JSON-RPC 2.0 messages for MCP: parsing one message (batches are refused),
// and building results and errors.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <variant>

namespace tessera::mcp {

// Standard JSON-RPC error codes.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
// MCP 2026-07-28: the request's protocol version is not supported.
inline constexpr int kUnsupportedProtocolVersion = -32022;

struct RpcMessage {
  std::optional<boost::json::value> id;  // absent for notifications
  std::string method;
  boost::json::object params;
};

// A message the server answers, or an error response to send back as is.
using Parsed = std::variant<RpcMessage, boost::json::value>;

// Parses one message (a JSON object). Responses from the peer (no method)
// yield an RpcMessage with an empty method, which callers ignore.
Parsed parseMessage(std::string_view text);

boost::json::value resultResponse(const boost::json::value& id, boost::json::value result);
boost::json::value errorResponse(const boost::json::value& id, int code,
                                 const std::string& message);

// Thrown by method handlers to answer with a JSON-RPC error.
struct RpcError {
  int code;
  std::string message;
};

}  // namespace tessera::mcp
