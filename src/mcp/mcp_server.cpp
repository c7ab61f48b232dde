#include "mcp/mcp_server.h"

#include <spdlog/spdlog.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "mcp/tools.h"

namespace tessera::mcp {
namespace {

constexpr std::string_view kSupportedVersions[] = {"2024-11-05", "2025-03-26", "2025-06-18",
                                                   "2025-11-25"};

boost::json::value serverInfo() { return {{"name", "tessera"}, {"version", "0.1.0"}}; }

boost::json::value capabilities() {
  return {{"tools", {{"listChanged", false}}}, {"logging", boost::json::object()}};
}

boost::json::value toolError(const std::string& message) {
  return {{"content", {{{"type", "text"}, {"text", message}}}}, {"isError", true}};
}

// Checks the arguments against the tool's input schema: required keys
// present, no unknown keys. Returns what is wrong, or "".
std::string argumentProblem(const Tool& tool, const boost::json::object& arguments) {
  const auto& properties = tool.inputSchema.at("properties").as_object();
  for (const auto& required : tool.inputSchema.at("required").as_array()) {
    if (!arguments.contains(required.as_string())) {
      return "Argument '" + std::string(required.as_string()) + "' is required by " + tool.name +
             ".";
    }
  }
  for (const auto& entry : arguments) {
    if (!properties.contains(entry.key())) {
      return "Unknown argument '" + std::string(entry.key()) + "' for " + tool.name + ".";
    }
  }
  return "";
}

}  // namespace

McpServer::McpServer(ApiClient& api, std::string credentialProblem)
    : api_(api), credentialProblem_(std::move(credentialProblem)) {}

std::optional<boost::json::value> McpServer::handle(std::string_view text) {
  Parsed parsed = parseMessage(text);
  if (auto* error = std::get_if<boost::json::value>(&parsed)) return *error;
  const RpcMessage& message = std::get<RpcMessage>(parsed);
  if (message.method.empty()) return std::nullopt;  // a response from the client: nothing to do
  if (!message.id) {
    // Notifications (initialized, cancelled, ...) need no answer.
    return std::nullopt;
  }
  try {
    return resultResponse(*message.id, dispatch(message));
  } catch (const RpcError& error) {
    return errorResponse(*message.id, error.code, error.message);
  } catch (const std::exception& error) {
    spdlog::error("mcp: {} failed: {}", message.method, error.what());
    return errorResponse(*message.id, kInternalError,
                         "Internal error while handling " + message.method + ".");
  }
}

boost::json::value McpServer::dispatch(const RpcMessage& message) {
  const std::string& method = message.method;
  if (method == "initialize") return initialize(message.params);
  if (method == "ping") return boost::json::object();
  if (method == "logging/setLevel") return boost::json::object();
  if (method == "server/discover") {
    boost::json::array versions;
    for (std::string_view version : kSupportedVersions) versions.emplace_back(version);
    return {{"supportedVersions", versions},
            {"capabilities", capabilities()},
            {"serverInfo", serverInfo()}};
  }
  if (method == "tools/list") return listTools(message.params);
  if (method == "tools/call") return callTool(message.params);
  throw RpcError{kMethodNotFound, "Method not found: " + method};
}

boost::json::value McpServer::initialize(const boost::json::object& params) const {
  std::string version(kNewestProtocolVersion);
  if (const auto* asked = params.if_contains("protocolVersion"); asked && asked->is_string()) {
    for (std::string_view supported : kSupportedVersions) {
      if (asked->as_string() == supported) version = std::string(supported);
    }
  }
  return {{"protocolVersion", version},
          {"capabilities", capabilities()},
          {"serverInfo", serverInfo()},
          {"instructions",
           "Tools act on Tessera with the personal access token this server was started with; "
           "only the tools its scopes allow are listed."}};
}

const std::set<std::string>& McpServer::grantedActions() {
  if (granted_) return *granted_;
  std::set<std::string> granted;
  if (credentialProblem_.empty()) {
    const ApiResponse self = api_.call("GET", "/api/auth/token", nullptr);
    const ApiResponse catalogue = api_.call("GET", "/api/access-token/scopes", nullptr);
    if (self.status == 200 && catalogue.status == 200) {
      for (const auto& scope : self.body.at("scopes").as_array()) {
        granted.emplace(scope.as_string());
        for (const auto& preset : catalogue.body.at("presets").as_array()) {
          if (preset.at("name") != scope) continue;
          for (const auto& action : preset.at("actions").as_array())
            granted.emplace(action.as_string());
        }
      }
      granted_ = std::move(granted);
      return *granted_;
    }
    spdlog::warn("mcp: the token was refused ({}); only whoami is listed", self.status);
  }
  static const std::set<std::string> kNone;
  return kNone;
}

boost::json::value McpServer::listTools(const boost::json::object& /*params*/) {
  const std::set<std::string>& granted = grantedActions();
  boost::json::array tools;
  for (const Tool& tool : allTools()) {
    bool allowed = true;
    for (const std::string& action : tool.requiredActions)
      allowed = allowed && granted.contains(action);
    if (allowed) tools.push_back(describeTool(tool));
  }
  return {{"tools", std::move(tools)}};
}

boost::json::value McpServer::callTool(const boost::json::object& params) {
  const auto* name = params.if_contains("name");
  if (!name || !name->is_string())
    throw RpcError{kInvalidParams, "tools/call needs a tool 'name'."};
  const Tool* tool = nullptr;
  for (const Tool& candidate : allTools()) {
    if (candidate.name == name->as_string()) tool = &candidate;
  }
  if (!tool) throw RpcError{kInvalidParams, "Unknown tool: " + std::string(name->as_string())};
  static const boost::json::object kNoArguments;
  const auto* arguments = params.if_contains("arguments");
  if (arguments && !arguments->is_object())
    throw RpcError{kInvalidParams, "'arguments' must be an object."};
  if (!credentialProblem_.empty()) return toolError(credentialProblem_);
  const boost::json::object& given = arguments ? arguments->as_object() : kNoArguments;
  if (const std::string problem = argumentProblem(*tool, given); !problem.empty())
    return toolError(problem);
  try {
    boost::json::value result = tool->run(given, api_);
    const std::string text = boost::json::serialize(result);
    return {{"content", {{{"type", "text"}, {"text", text}}}},
            {"structuredContent", std::move(result)},
            {"isError", false}};
  } catch (const ToolFailure& failure) {
    return toolError(failure.what());
  }
}

}  // namespace tessera::mcp
