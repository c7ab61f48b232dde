// MCP tools for schemas: tables, fields and views.
#include <boost/json/array.hpp>

#include "features/schema/field_type.h"
#include "mcp/tool_support.h"

namespace tessera::mcp {

namespace {

// How to write a formula field, for the tools that create or change one.
constexpr const char* kFormulaHelp =
    " A formula field (type formula) is computed by the server from the record's other fields: "
    "options {\"expression\": \"{Price} * {Qty}\"} with fields named in braces, operators + - "
    "* / % & = != < > <= >= and functions such as IF, SWITCH, ROUND, CONCATENATE, DATEADD, "
    "DATETIME_FORMAT (list_formula_functions lists them all); add \"resultType\" (number, text, "
    "boolean, date) to force the result's type. A formula that cannot be computed is refused with "
    "the position of the trouble; check_formula tries one without saving it.";

// How to write a link field, for the tools that create or change one.
constexpr const char* kLinkHelp =
    " A link field (type link) links records to records of another table of the same base (or "
    "of its own table): options {\"linkedTableId\": \"tbl...\", \"relationship\": \"manyMany\" "
    "(default) | \"manyOne\" (each record links to one at most) | \"oneMany\" | \"oneOne\"}. "
    "It is two-way unless \"oneWay\": true: the linked table gets a symmetric field (named after "
    "this table, or \"symmetricFieldName\") that always shows the other side. A lookup field "
    "(type lookup) shows a field of the linked records: options {\"linkFieldId\": <a link field "
    "of this table>, \"lookupFieldId\": <a field of the linked table>}. A rollup field (type "
    "rollup) aggregates it: the same options and \"function\": sum, average, min, max, count, "
    "countAll, countUnique, and, or, concatenate (\"separator\"), arrayUnique or arrayCompact. "
    "A lookup may look up any field: a formula, a lookup, a rollup, a link or a user. Records can "
    "be sorted by a rollup or a lookup (of text by its text, of numbers or dates by its first "
    "value), and filtered by a lookup's values one by one ({\"operator\": \"isGreater\"} on a "
    "lookup of numbers: any value greater). A formula can use a rollup that gives one value "
    "({Total budget} > 1000) "
    "and a lookup (or a rollup giving a list), as its values joined by \", \" (FIND(\"Apollo\", "
    "{Project names})). Lookups of lookups are flattened into one list, which rollups "
    "aggregate.";

}  // namespace

void addSchemaTools(std::vector<Tool>& tools) {
  const boost::json::object fieldDefinition = {{"type", "object"},
                                               {"properties",
                                                {{"name", {{"type", "string"}}},
                                                 {"type", {{"type", "string"}}},
                                                 {"options", kAnyObject},
                                                 {"description", {{"type", "string"}}}}},
                                               {"required", {"name", "type"}}};
  tools.push_back(
      {"create_table",
       "Create a table",
       "Create a table in a base, optionally with its first fields (the first is the primary "
       "field). Field types: " +
           features::allFieldTypeNames() + ".",
       objectSchema({{"baseId", kId},
                     {"name", {{"type", "string"}}},
                     {"description", {{"type", "string"}}},
                     {"fields", {{"type", "array"}, {"items", fieldDefinition}}}},
                    {"baseId", "name"}),
       resultSchema({{"id", {{"type", "string"}}}, {"fields", kAnyArray}}),
       false,
       false,
       false,
       {"table:create"},
       [](const boost::json::object& arguments, ApiClient& api) {
         const boost::json::object body = pick(arguments, {"name", "description", "fields"});
         return request(api, "POST", "/api/base/" + idArgument(arguments, "baseId") + "/table",
                        body);
       }});
  tools.push_back({"update_table",
                   "Update a table",
                   "Rename or describe a table.",
                   objectSchema({{"baseId", kId},
                                 {"tableId", kId},
                                 {"name", {{"type", "string"}}},
                                 {"description", {{"type", "string"}}}},
                                {"baseId", "tableId"}),
                   resultSchema({{"id", {{"type", "string"}}}}),
                   false,
                   false,
                   true,
                   {"table:update"},
                   [](const boost::json::object& arguments, ApiClient& api) {
                     const boost::json::object body = pick(arguments, {"name", "description"});
                     return request(api, "PATCH",
                                    "/api/base/" + idArgument(arguments, "baseId") + "/table/" +
                                        idArgument(arguments, "tableId"),
                                    body);
                   }});
  tools.push_back({"create_field",
                   "Create a field",
                   std::string("Add a field to a table. Field types: ") +
                       features::allFieldTypeNames() + "." + kFormulaHelp + kLinkHelp,
                   objectSchema({{"tableId", kId},
                                 {"name", {{"type", "string"}}},
                                 {"type", {{"type", "string"}}},
                                 {"options", kAnyObject},
                                 {"description", {{"type", "string"}}}},
                                {"tableId", "name", "type"}),
                   resultSchema({{"id", {{"type", "string"}}}}),
                   false,
                   false,
                   false,
                   {"field:create"},
                   [](const boost::json::object& arguments, ApiClient& api) {
                     const boost::json::object body =
                         pick(arguments, {"name", "type", "options", "description"});
                     return request(api, "POST",
                                    "/api/table/" + idArgument(arguments, "tableId") + "/field",
                                    body);
                   }});
  tools.push_back(
      {"update_field",
       "Update a field",
       std::string("Rename a field or change its type or options; a new type converts existing "
                   "values and reports how many could not be kept (a formula turned into a stored "
                   "type keeps its computed values); a link may change its relationship when its "
                   "links fit the new one, and become one-way (\"oneWay\": true deletes its "
                   "symmetric field; the links stay) or two-way again (\"oneWay\": false, "
                   "optionally \"symmetricFieldName\").") +
           kFormulaHelp,
       objectSchema({{"tableId", kId},
                     {"fieldId", kId},
                     {"name", {{"type", "string"}}},
                     {"type", {{"type", "string"}}},
                     {"options", kAnyObject},
                     {"description", {{"type", "string"}}}},
                    {"tableId", "fieldId"}),
       resultSchema({{"id", {{"type", "string"}}}}),
       false,
       false,
       true,
       {"field:update"},
       [](const boost::json::object& arguments, ApiClient& api) {
         const boost::json::object body =
             pick(arguments, {"name", "type", "options", "description"});
         return request(api, "PATCH",
                        "/api/table/" + idArgument(arguments, "tableId") + "/field/" +
                            idArgument(arguments, "fieldId"),
                        body);
       }});
  tools.push_back(
      {"delete_field",
       "Delete a field",
       "Delete a field and its values (not the primary field); a link's symmetric "
       "field goes with it (alsoDeletedFields). The server keeps them in its trash "
       "for a while (7 days unless set otherwise): restore_field brings them back "
       "with every value.",
       objectSchema({{"tableId", kId}, {"fieldId", kId}}, {"tableId", "fieldId"}),
       resultSchema({{"deleted", {{"type", "boolean"}}}, {"alsoDeletedFields", kAnyArray}}),
       false,
       true,
       true,
       {"field:delete"},
       [](const boost::json::object& arguments, ApiClient& api) {
         return request(api, "DELETE",
                        "/api/table/" + idArgument(arguments, "tableId") + "/field/" +
                            idArgument(arguments, "fieldId"));
       }});
  tools.push_back({"restore_field",
                   "Restore a deleted field",
                   "Bring back a field deleted from this table, with every record's value, from "
                   "the server's trash (under 'Name (restored)' if its name was taken since).",
                   objectSchema({{"tableId", kId}, {"fieldId", kId}}, {"tableId", "fieldId"}),
                   resultSchema({{"id", {{"type", "string"}}}}),
                   false,
                   false,
                   true,
                   {"field:create"},
                   [](const boost::json::object& arguments, ApiClient& api) {
                     return request(api, "POST",
                                    "/api/table/" + idArgument(arguments, "tableId") + "/field/" +
                                        idArgument(arguments, "fieldId") + "/restore");
                   }});
  tools.push_back(
      {"check_formula",
       "Check a formula",
       "Try a formula against a table without saving anything: whether it can be computed, its "
       "result type (number, text, boolean, date) and the fields it uses, or the error with the "
       "character position where it goes wrong (e.g. 'Unknown field {Prce} at 7.'). Pass fieldId "
       "when changing an existing formula field.",
       objectSchema({{"tableId", kId},
                     {"expression", {{"type", "string"}}},
                     {"resultType", {{"enum", {"number", "text", "boolean", "date"}}}},
                     {"fieldId", kId}},
                    {"tableId", "expression"}),
       resultSchema({{"valid", {{"type", "boolean"}}},
                     {"result", kAnyObject},
                     {"referencedFieldIds", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                     {"error", kAnyObject}}),
       true,
       false,
       true,
       {"field:read"},
       [](const boost::json::object& arguments, ApiClient& api) {
         const boost::json::object body = pick(arguments, {"expression", "resultType", "fieldId"});
         return request(api, "POST",
                        "/api/table/" + idArgument(arguments, "tableId") + "/formula/check", body);
       }});
  tools.push_back({"list_formula_functions",
                   "List formula functions",
                   "Every function a formula can call, with its signature and what it does.",
                   objectSchema({}, {}),
                   resultSchema({{"functions", kAnyArray}}),
                   true,
                   false,
                   true,
                   {"field:read"},
                   [](const boost::json::object&, ApiClient& api) {
                     return request(api, "GET", "/api/formula/function");
                   }});
  tools.push_back({"list_views",
                   "List views",
                   "List the views of a table.",
                   objectSchema({{"tableId", kId}}, {"tableId"}),
                   resultSchema({{"views", kAnyArray}}),
                   true,
                   false,
                   true,
                   {"view:read"},
                   [](const boost::json::object& arguments, ApiClient& api) {
                     return request(api, "GET",
                                    "/api/table/" + idArgument(arguments, "tableId") + "/view");
                   }});
  tools.push_back(
      {"create_view",
       "Create a view",
       "Save a grid view with a filter, a sort and hidden fields.",
       objectSchema({{"tableId", kId},
                     {"name", {{"type", "string"}}},
                     {"filter", kAnyObject},
                     {"sort", kAnyArray},
                     {"hiddenFieldIds", {{"type", "array"}, {"items", {{"type", "string"}}}}}},
                    {"tableId", "name"}),
       resultSchema({{"id", {{"type", "string"}}}}),
       false,
       false,
       false,
       {"view:create"},
       [](const boost::json::object& arguments, ApiClient& api) {
         const boost::json::object body =
             pick(arguments, {"name", "filter", "sort", "hiddenFieldIds"});
         return request(api, "POST", "/api/table/" + idArgument(arguments, "tableId") + "/view",
                        body);
       }});
}

}  // namespace tessera::mcp
