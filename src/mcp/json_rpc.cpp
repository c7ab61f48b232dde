#include "mcp/json_rpc.h"

#include <boost/json/parse.hpp>

namespace tessera::mcp {

Parsed parseMessage(std::string_view text) {
  boost::system::error_code error;
  boost::json::parse_options options;
  options.max_depth = 64;
  boost::json::value value = boost::json::parse(text, error, {}, options);
  if (error) return errorResponse(nullptr, kParseError, "Parse error: the message is not JSON.");
  if (value.is_array()) {
    return errorResponse(nullptr, kInvalidRequest,
                         "Batches are not supported; send one message at a time.");
  }
  auto* object = value.if_object();
  const auto* version = object ? object->if_contains("jsonrpc") : nullptr;
  if (!object || !version || *version != "2.0") {
    return errorResponse(nullptr, kInvalidRequest,
                         "Invalid request: a JSON-RPC 2.0 object is expected.");
  }
  RpcMessage message;
  if (const auto* id = object->if_contains("id")) {
    if (!id->is_string() && !id->is_int64() && !id->is_uint64()) {
      return errorResponse(nullptr, kInvalidRequest,
                           "Invalid request: id must be a string or an integer.");
    }
    message.id = *id;
  }
  if (const auto* method = object->if_contains("method")) {
    if (!method->is_string()) {
      return errorResponse(message.id.value_or(nullptr), kInvalidRequest,
                           "Invalid request: method must be a string.");
    }
    message.method = std::string(method->as_string());
  }
  if (const auto* params = object->if_contains("params")) {
    if (!params->is_object()) {
      return errorResponse(message.id.value_or(nullptr), kInvalidParams,
                           "params must be an object.");
    }
    message.params = params->as_object();
  }
  return message;
}

boost::json::value resultResponse(const boost::json::value& id, boost::json::value result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

boost::json::value errorResponse(const boost::json::value& id, int code,
                                 const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

}  // namespace tessera::mcp
