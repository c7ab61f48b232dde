// What the MCP tools share: JSON schema builders, argument checks, calls
// to the REST API that turn refusals into tool errors, and record pages
// kept small enough for a model to read.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <initializer_list>
#include <string>
#include <string_view>

#include "mcp/api_client.h"
#include "mcp/tools.h"

namespace tessera::mcp {

inline const boost::json::object kId = {{"type", "string"}, {"pattern", "^[A-Za-z0-9]{1,64}$"}};
inline const boost::json::object kAnyObject = {{"type", "object"}};
inline const boost::json::object kAnyArray = {{"type", "array"}, {"items", {{"type", "object"}}}};

// An input schema: unknown arguments are refused.
boost::json::object objectSchema(boost::json::object properties,
                                 std::initializer_list<std::string_view> required = {});
// An output schema: the API's answers may carry more keys than listed.
boost::json::object resultSchema(boost::json::object properties);

// An id argument, checked so it can go into a path. Throws ToolFailure.
std::string idArgument(const boost::json::object& arguments, std::string_view name);
// The request body: the given arguments among `keys`, as they are.
boost::json::object pick(const boost::json::object& arguments,
                         std::initializer_list<std::string_view> keys);
// Calls the API; an error answer becomes a ToolFailure with its message.
boost::json::value request(ApiClient& api, const std::string& method, const std::string& target,
                           const boost::json::value& body = nullptr);
// A page of records small enough for a model (about 25,000 tokens): when
// the asked page is too large, fewer records come back, with nextCursor.
boost::json::value pagedRecords(ApiClient& api, const std::string& tableId,
                                const boost::json::object& arguments);

// The tools of each domain, appended to `tools`.
void addWorkspaceTools(std::vector<Tool>& tools);
void addRecordTools(std::vector<Tool>& tools);
void addSchemaTools(std::vector<Tool>& tools);

}  // namespace tessera::mcp
