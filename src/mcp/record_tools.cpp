// MCP tools for records: list, search, get, create, update, delete.
#include <boost/json/array.hpp>

#include "mcp/tool_support.h"

namespace tessera::mcp {
namespace {

// How link cells are written, for the tools that write records.
constexpr const char* kLinkCellHelp =
    " A link field's cell is written as an array of ids of records of the linked table "
    "([\"rec...\"]; [] or null unlinks them all) and read as [{\"id\", \"title\"}]; the "
    "symmetric field in the linked table follows. With typecast, records may also be named by "
    "their titles (the linked table's primary field): [\"Apollo\", \"Gemini\"] or "
    "\"Apollo, Gemini\"; a title that names no record is refused.";

}  // namespace

namespace {

// The input of create_records and update_records: a table and up to 1000
// records shaped as `item`, with optional typecast.
boost::json::object recordBatchInput(boost::json::object item) {
  return objectSchema(
      {{"tableId", kId},
       {"records", {{"type", "array"}, {"maxItems", 1000}, {"items", std::move(item)}}},
       {"typecast", {{"type", "boolean"}}}},
      {"tableId", "records"});
}

// Sends a batch of records with `method` to the table's record collection.
auto sendRecords(std::string method) {
  return [method](const boost::json::object& arguments, ApiClient& api) {
    return request(api, method, "/api/table/" + idArgument(arguments, "tableId") + "/record",
                   pick(arguments, {"records", "typecast"}));
  };
}

}  // namespace

void addRecordTools(std::vector<Tool>& tools) {
  tools.push_back(
      {"list_records",
       "List records",
       "List records of a table, with an optional filter, sort, view, field list and page "
       "size; pass nextCursor back as cursor for the next page.",
       objectSchema({{"tableId", kId},
                     {"filter", kAnyObject},
                     {"orderBy", kAnyArray},
                     {"viewId", kId},
                     {"fields", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                     {"take", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}}},
                     {"cursor", {{"type", "string"}}}},
                    {"tableId"}),
       resultSchema({{"records", kAnyArray},
                     {"nextCursor", {{"type", boost::json::array{"string", "null"}}}}}),
       true,
       false,
       true,
       {"record:read"},
       [](const boost::json::object& arguments, ApiClient& api) {
         return pagedRecords(api, idArgument(arguments, "tableId"), arguments);
       }});
  tools.push_back({"get_record",
                   "Get a record",
                   "Read one record.",
                   objectSchema({{"tableId", kId}, {"recordId", kId}}, {"tableId", "recordId"}),
                   resultSchema({{"id", {{"type", "string"}}}, {"fields", kAnyObject}}),
                   true,
                   false,
                   true,
                   {"record:read"},
                   [](const boost::json::object& arguments, ApiClient& api) {
                     return request(api, "GET",
                                    "/api/table/" + idArgument(arguments, "tableId") + "/record/" +
                                        idArgument(arguments, "recordId"));
                   }});
  tools.push_back(
      {"create_records",
       "Create records",
       std::string("Create up to 1000 records in a table, all or nothing. Keys of 'fields' are "
                   "field names; set typecast to convert text values.") +
           kLinkCellHelp,
       recordBatchInput(objectSchema({{"fields", kAnyObject}}, {"fields"})),
       resultSchema({{"records", kAnyArray}}),
       false,
       false,
       false,
       {"record:create"},
       sendRecords("POST")});
  tools.push_back(
      {"search_records",
       "Search records",
       "Find records whose text fields contain the given text (case-insensitive).",
       objectSchema({{"tableId", kId},
                     {"search", {{"type", "string"}, {"minLength", 1}, {"maxLength", 1000}}},
                     {"take", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}}},
                     {"cursor", {{"type", "string"}}}},
                    {"tableId", "search"}),
       resultSchema({{"records", kAnyArray},
                     {"nextCursor", {{"type", boost::json::array{"string", "null"}}}}}),
       true,
       false,
       true,
       {"record:read"},
       [](const boost::json::object& arguments, ApiClient& api) {
         return pagedRecords(api, idArgument(arguments, "tableId"), arguments);
       }});
  tools.push_back(
      {"update_records",
       "Update records",
       std::string(
           "Change fields of up to 1000 records, all or nothing: records is [{id, fields}].") +
           kLinkCellHelp,
       recordBatchInput(objectSchema({{"id", kId}, {"fields", kAnyObject}}, {"id", "fields"})),
       resultSchema({{"records", kAnyArray}}),
       false,
       false,
       true,
       {"record:update"},
       sendRecords("PATCH")});
  tools.push_back(
      {"delete_records",
       "Delete records",
       "Delete up to 1000 records by id, all or nothing.",
       objectSchema({{"tableId", kId},
                     {"recordIds",
                      {{"type", "array"}, {"minItems", 1}, {"maxItems", 1000}, {"items", kId}}}},
                    {"tableId", "recordIds"}),
       resultSchema({{"records", kAnyArray}}),
       false,
       true,
       true,
       {"record:delete"},
       [](const boost::json::object& arguments, ApiClient& api) {
         std::string ids;
         const auto* list = arguments.if_contains("recordIds");
         if (!list || !list->is_array() || list->as_array().empty()) {
           throw ToolFailure("Argument 'recordIds' must list the ids to delete.");
         }
         for (const auto& id : list->as_array()) {
           boost::json::object one{{"id", id}};
           ids += (ids.empty() ? "" : ",") + idArgument(one, "id");
         }
         return request(
             api, "DELETE",
             "/api/table/" + idArgument(arguments, "tableId") + "/record?recordIds=" + ids);
       }});
}

}  // namespace tessera::mcp
