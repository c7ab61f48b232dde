#include "mcp/mcp_server.h"

#include <spdlog/spdlog.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "mcp/tools.h"

namespace tessera::mcp {
namespace {

boost::json::value serverInfo() { return {{"name", "tessera"}, {"version", "0.1.0"}}; }

constexpr std::string_view kVersionKey = "io.modelcontextprotocol/protocolVersion";
constexpr std::string_view kCapabilitiesKey = "io.modelcontextprotocol/clientCapabilities";

// The request's stateless-era version from params._meta, if it names one.
// Throws RpcError for a version or _meta this server cannot accept.
std::optional<std::string> statelessVersion(const boost::json::object& params) {
  const auto* meta = params.if_contains("_meta");
  const auto* version =
      meta && meta->is_object() ? meta->as_object().if_contains(kVersionKey) : nullptr;
  if (!version) return std::nullopt;
  if (!version->is_string() || version->as_string() != kStatelessProtocolVersion) {
    throw RpcError{kUnsupportedProtocolVersion,
                   "Unsupported protocol version; this server speaks " +
                       std::string(kStatelessProtocolVersion) + " per request, or " +
                       std::string(kHandshakeProtocolVersions.front()) + " to " +
                       std::string(kNewestProtocolVersion) + " through initialize."};
  }
  const auto* capabilities = meta->as_object().if_contains(kCapabilitiesKey);
  if (!capabilities || !capabilities->is_object()) {
    throw RpcError{kInvalidParams,
                   "_meta must carry " + std::string(kCapabilitiesKey) + " (an object)."};
  }
  return std::string(version->as_string());
}

boost::json::value capabilities() {
  return {{"tools", {{"listChanged", false}}},
          {"resources", {{"listChanged", false}, {"subscribe", false}}},
          {"logging", boost::json::object()}};
}

constexpr std::string_view kSchemaUriPrefix = "tessera://table/";
constexpr std::string_view kSchemaUriSuffix = "/schema";
constexpr std::size_t kPageSize = 50;

// The offset a list cursor stands for (cursors are opaque to clients).
std::size_t offsetOf(const boost::json::object& params) {
  const auto* cursor = params.if_contains("cursor");
  if (!cursor || cursor->is_null()) return 0;
  const auto* text = cursor->if_string();
  if (!text || text->size() < 2 || !text->starts_with("o"))
    throw RpcError{kInvalidParams, "Invalid cursor."};
  try {
    return std::stoul(std::string(text->subview(1)));
  } catch (const std::exception&) {
    throw RpcError{kInvalidParams, "Invalid cursor."};
  }
}

// One page of `items` from `offset`, with nextCursor when more remain.
boost::json::value page(const char* key, const boost::json::array& items, std::size_t offset) {
  boost::json::array slice;
  for (std::size_t i = offset; i < items.size() && i < offset + kPageSize; ++i)
    slice.push_back(items[i]);
  boost::json::object result{{key, std::move(slice)}};
  if (offset + kPageSize < items.size())
    result["nextCursor"] = "o" + std::to_string(offset + kPageSize);
  return result;
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
    const bool stateless = statelessVersion(message.params).has_value();
    boost::json::value result = dispatch(message);
    if (stateless && result.is_object()) {
      // Stateless-era results say what they are, and lists how long a
      // client may cache them (they depend on the token: private, briefly).
      auto& object = result.as_object();
      object["resultType"] = "complete";
      if (message.method.ends_with("/list")) {
        object["ttlMs"] = 0;
        object["cacheScope"] = "private";
      }
    }
    return resultResponse(*message.id, std::move(result));
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
    for (std::string_view version : kHandshakeProtocolVersions) versions.emplace_back(version);
    versions.emplace_back(kStatelessProtocolVersion);
    return {{"supportedVersions", versions},
            {"capabilities", capabilities()},
            {"serverInfo", serverInfo()},
            {"instructions",
             "Tessera tables through a personal access token; tools follow its scopes."},
            {"_meta", {{"io.modelcontextprotocol/serverInfo", serverInfo()}}},
            {"resultType", "complete"},
            {"ttlMs", 3600000},
            {"cacheScope", "public"}};
  }
  if (method == "tools/list") return listTools(message.params);
  if (method == "tools/call") return callTool(message.params);
  if (method == "resources/list") return listResources(message.params);
  if (method == "resources/read") return readResource(message.params);
  if (method == "resources/templates/list") {
    return {{"resourceTemplates",
             {{{"uriTemplate", "tessera://table/{tableId}/schema"},
               {"name", "table schema"},
               {"description", "The fields and views of a table"},
               {"mimeType", "application/json"}}}}};
  }
  throw RpcError{kMethodNotFound, "Method not found: " + method};
}

boost::json::value McpServer::initialize(const boost::json::object& params) const {
  std::string version(kNewestProtocolVersion);
  if (const auto* asked = params.if_contains("protocolVersion"); asked && asked->is_string()) {
    for (std::string_view supported : kHandshakeProtocolVersions) {
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

boost::json::value McpServer::listTools(const boost::json::object& params) {
  const std::size_t offset = offsetOf(params);
  const std::set<std::string>& granted = grantedActions();
  boost::json::array tools;
  for (const Tool& tool : allTools()) {
    bool allowed = true;
    for (const std::string& action : tool.requiredActions)
      allowed = allowed && granted.contains(action);
    if (allowed) tools.push_back(describeTool(tool));
  }
  return page("tools", tools, offset);
}

boost::json::value McpServer::listResources(const boost::json::object& params) {
  const std::size_t offset = offsetOf(params);
  boost::json::array resources;
  const std::set<std::string>& granted = grantedActions();
  if (granted.contains("base:read") && granted.contains("table:read")) {
    const ApiResponse bases = api_.call("GET", "/api/base", nullptr);
    if (bases.status == 200) {
      for (const auto& base : bases.body.at("bases").as_array()) {
        const std::string baseId(base.at("id").as_string());
        const ApiResponse tables = api_.call("GET", "/api/base/" + baseId + "/table", nullptr);
        if (tables.status != 200) continue;
        for (const auto& table : tables.body.at("tables").as_array()) {
          resources.push_back(boost::json::object{
              {"uri", std::string(kSchemaUriPrefix) + std::string(table.at("id").as_string()) +
                          std::string(kSchemaUriSuffix)},
              {"name", std::string(base.at("name").as_string()) + " / " +
                           std::string(table.at("name").as_string())},
              {"description", "Fields and views of the table"},
              {"mimeType", "application/json"}});
        }
      }
    }
  }
  return page("resources", resources, offset);
}

boost::json::value McpServer::readResource(const boost::json::object& params) {
  const auto* uri = params.if_contains("uri");
  const std::string_view text = uri && uri->is_string() ? std::string_view(uri->as_string()) : "";
  if (!text.starts_with(kSchemaUriPrefix) || !text.ends_with(kSchemaUriSuffix)) {
    throw RpcError{kInvalidParams, "Unknown resource; use tessera://table/{tableId}/schema."};
  }
  const std::string tableId(text.substr(
      kSchemaUriPrefix.size(), text.size() - kSchemaUriPrefix.size() - kSchemaUriSuffix.size()));
  for (const char c : tableId) {
    if (!std::isalnum(static_cast<unsigned char>(c)))
      throw RpcError{kInvalidParams, "Invalid table id."};
  }
  const ApiResponse fields = api_.call("GET", "/api/table/" + tableId + "/field", nullptr);
  const ApiResponse views = api_.call("GET", "/api/table/" + tableId + "/view", nullptr);
  if (fields.status != 200 || views.status != 200) {
    throw RpcError{-32002,
                   "Resource not found or not allowed for this token: " + std::string(text)};
  }
  const boost::json::value schema{{"tableId", tableId},
                                  {"fields", fields.body.at("fields")},
                                  {"views", views.body.at("views")}};
  return {{"contents",
           {{{"uri", std::string(text)},
             {"mimeType", "application/json"},
             {"text", boost::json::serialize(schema)}}}}};
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
