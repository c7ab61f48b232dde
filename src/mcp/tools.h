// The MCP tools: each with a name, a description, JSON schemas for its
// input and output, truthful hints, the token actions it needs (a token
// without them does not see the tool), and its implementation over the
// REST API.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "mcp/api_client.h"

namespace tessera::mcp {

// A failure to report to the model as an isError result.
class ToolFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Tool {
  std::string name;
  std::string title;
  std::string description;
  boost::json::object inputSchema;
  boost::json::object outputSchema;
  bool readOnly = true;
  bool destructive = false;
  bool idempotent = true;
  std::vector<std::string> requiredActions;
  // Returns the structured result; throws ToolFailure.
  std::function<boost::json::value(const boost::json::object& arguments, ApiClient& api)> run;
};

const std::vector<Tool>& allTools();

// The tool's MCP description for tools/list.
boost::json::value describeTool(const Tool& tool);

}  // namespace tessera::mcp
