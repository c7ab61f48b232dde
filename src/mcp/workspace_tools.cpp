// MCP tools for finding your way: who am I, spaces, bases, tables.
#include <boost/json/array.hpp>

#include "mcp/tool_support.h"

namespace tessera::mcp {

void addWorkspaceTools(std::vector<Tool>& tools) {
  tools.push_back({"whoami",
                   "Who am I",
                   "Describe the token in use: its user, name, scopes, restriction and expiry.",
                   objectSchema({}),
                   resultSchema({{"user", kAnyObject}, {"scopes", {{"type", "array"}}}}),
                   true,
                   false,
                   true,
                   {},
                   [](const boost::json::object&, ApiClient& api) {
                     return request(api, "GET", "/api/auth/token");
                   }});
  tools.push_back({"list_spaces",
                   "List spaces",
                   "List the spaces this token can reach.",
                   objectSchema({}),
                   resultSchema({{"spaces", kAnyArray}}),
                   true,
                   false,
                   true,
                   {"space:read"},
                   [](const boost::json::object&, ApiClient& api) {
                     return request(api, "GET", "/api/space");
                   }});
  tools.push_back({"list_bases",
                   "List bases",
                   "List the bases this token can reach, or those of one space.",
                   objectSchema({{"spaceId", kId}}),
                   resultSchema({{"bases", kAnyArray}}),
                   true,
                   false,
                   true,
                   {"base:read"},
                   [](const boost::json::object& arguments, ApiClient& api) {
                     if (arguments.contains("spaceId")) {
                       return request(api, "GET",
                                      "/api/space/" + idArgument(arguments, "spaceId") + "/base");
                     }
                     return request(api, "GET", "/api/base");
                   }});
  tools.push_back({"list_tables",
                   "List tables",
                   "List the tables of a base with their fields and views.",
                   objectSchema({{"baseId", kId}}, {"baseId"}),
                   resultSchema({{"tables", kAnyArray}}),
                   true,
                   false,
                   true,
                   {"table:read"},
                   [](const boost::json::object& arguments, ApiClient& api) {
                     return request(api, "GET",
                                    "/api/base/" + idArgument(arguments, "baseId") + "/table");
                   }});
  tools.push_back({"describe_table",
                   "Describe a table",
                   "The fields (names, types, options) and views of a table. A formula field's "
                   "options show its expression (fields by name), result.type and, when a field "
                   "it used was deleted, error; its cells then read {\"error\": \"#ERROR!\"}. "
                   "A link field's options show the table it links to (linkedTableId, "
                   "linkedTableName), its relationship and its symmetric field "
                   "(symmetricFieldId, null for a one-way link).",
                   objectSchema({{"tableId", kId}}, {"tableId"}),
                   resultSchema({{"fields", kAnyArray}, {"views", kAnyArray}}),
                   true,
                   false,
                   true,
                   {"field:read", "view:read"},
                   [](const boost::json::object& arguments, ApiClient& api) {
                     const std::string table = "/api/table/" + idArgument(arguments, "tableId");
                     return boost::json::value{
                         {"fields", request(api, "GET", table + "/field").at("fields")},
                         {"views", request(api, "GET", table + "/view").at("views")}};
                   }});
}

}  // namespace tessera::mcp
