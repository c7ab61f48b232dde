#include "mcp/tools.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace tessera::mcp {
namespace {

// An input schema: unknown arguments are refused.
boost::json::object objectSchema(boost::json::object properties,
                                 std::initializer_list<std::string_view> required = {}) {
  boost::json::array requiredList;
  for (std::string_view name : required) requiredList.emplace_back(name);
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(requiredList)},
          {"additionalProperties", false}};
}

// An output schema: the API's answers may carry more keys than listed.
boost::json::object resultSchema(boost::json::object properties) {
  return {{"type", "object"}, {"properties", std::move(properties)}};
}

const boost::json::object kId = {{"type", "string"}, {"pattern", "^[A-Za-z0-9]{1,64}$"}};
const boost::json::object kAnyObject = {{"type", "object"}};
const boost::json::object kAnyArray = {{"type", "array"}, {"items", {{"type", "object"}}}};

// An id argument, checked so it can go into a path.
std::string idArgument(const boost::json::object& arguments, std::string_view name) {
  const auto* value = arguments.if_contains(name);
  if (!value || !value->is_string() || value->as_string().empty() ||
      value->as_string().size() > 64) {
    throw ToolFailure("Argument '" + std::string(name) + "' is required: the id of the object.");
  }
  for (const char c : value->as_string()) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      throw ToolFailure("Argument '" + std::string(name) + "' must be an id (letters and digits).");
    }
  }
  return std::string(value->as_string());
}

std::string encode(std::string_view value) {
  return boost::urls::encode(value, boost::urls::unreserved_chars);
}

// The request body: the given arguments among `keys`, as they are.
boost::json::object pick(const boost::json::object& arguments,
                         std::initializer_list<std::string_view> keys) {
  boost::json::object body;
  for (std::string_view key : keys) {
    if (const auto* value = arguments.if_contains(key)) body[key] = *value;
  }
  return body;
}

// Calls the API; an error answer becomes a ToolFailure with its message.
boost::json::value request(ApiClient& api, const std::string& method, const std::string& target,
                           const boost::json::value& body = nullptr) {
  const ApiResponse response = api.call(method, target, body);
  if (response.status >= 400) {
    std::string message = "Tessera answered " + std::to_string(response.status);
    if (const auto* object = response.body.if_object()) {
      if (const auto* code = object->if_contains("code"))
        message += " " + std::string(code->as_string());
      if (const auto* text = object->if_contains("message"))
        message += ": " + std::string(text->as_string());
    }
    throw ToolFailure(message);
  }
  return response.body;
}

// About 25,000 tokens of text: larger pages are shrunk (see pagedRecords).
constexpr std::size_t kMaxResultChars = 100000;

std::string listQuery(const boost::json::object& arguments, std::int64_t take);

// A page of records that fits in kMaxResultChars: when the asked page is
// too large, fewer records are returned, with nextCursor for the rest.
boost::json::value pagedRecords(ApiClient& api, const std::string& tableId,
                                const boost::json::object& arguments) {
  std::int64_t take = 100;
  if (const auto* asked = arguments.if_contains("take"); asked && asked->is_int64())
    take = asked->as_int64();
  while (true) {
    boost::json::value page =
        request(api, "GET", "/api/table/" + tableId + "/record" + listQuery(arguments, take));
    if (boost::json::serialize(page).size() <= kMaxResultChars || take <= 1) {
      if (take < 100) {
        page.as_object()["note"] =
            "Only " + std::to_string(take) +
            " records fit in one answer; pass nextCursor as cursor for more.";
      }
      return page;
    }
    take /= 2;
  }
}

std::string listQuery(const boost::json::object& arguments, std::int64_t take) {
  std::string query;
  const auto add = [&query](std::string_view key, const std::string& value) {
    query += (query.empty() ? "?" : "&") + std::string(key) + "=" + encode(value);
  };
  if (const auto* filter = arguments.if_contains("filter"))
    add("filter", boost::json::serialize(*filter));
  if (const auto* orderBy = arguments.if_contains("orderBy"))
    add("orderBy", boost::json::serialize(*orderBy));
  if (const auto* viewId = arguments.if_contains("viewId"); viewId && viewId->is_string()) {
    add("viewId", std::string(viewId->as_string()));
  }
  if (const auto* cursor = arguments.if_contains("cursor"); cursor && cursor->is_string()) {
    add("cursor", std::string(cursor->as_string()));
  }
  if (const auto* search = arguments.if_contains("search"); search && search->is_string()) {
    add("search", std::string(search->as_string()));
  }
  add("take", std::to_string(take));
  if (const auto* fields = arguments.if_contains("fields"); fields && fields->is_array()) {
    for (const auto& field : fields->as_array()) {
      if (field.is_string()) add("projection", std::string(field.as_string()));
    }
  }
  return query;
}

std::vector<Tool> buildTools() {
  std::vector<Tool> tools;
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
                   "The fields (names, types, options) and views of a table.",
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
       "Create up to 1000 records in a table, all or nothing. Keys of 'fields' are field "
       "names; set typecast to convert text values.",
       objectSchema({{"tableId", kId},
                     {"records",
                      {{"type", "array"},
                       {"maxItems", 1000},
                       {"items", objectSchema({{"fields", kAnyObject}}, {"fields"})}}},
                     {"typecast", {{"type", "boolean"}}}},
                    {"tableId", "records"}),
       resultSchema({{"records", kAnyArray}}),
       false,
       false,
       false,
       {"record:create"},
       [](const boost::json::object& arguments, ApiClient& api) {
         return request(api, "POST", "/api/table/" + idArgument(arguments, "tableId") + "/record",
                        pick(arguments, {"records", "typecast"}));
       }});
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
       "Change fields of up to 1000 records, all or nothing: records is [{id, fields}].",
       objectSchema(
           {{"tableId", kId},
            {"records",
             {{"type", "array"},
              {"maxItems", 1000},
              {"items", objectSchema({{"id", kId}, {"fields", kAnyObject}}, {"id", "fields"})}}},
            {"typecast", {{"type", "boolean"}}}},
           {"tableId", "records"}),
       resultSchema({{"records", kAnyArray}}),
       false,
       false,
       true,
       {"record:update"},
       [](const boost::json::object& arguments, ApiClient& api) {
         return request(api, "PATCH", "/api/table/" + idArgument(arguments, "tableId") + "/record",
                        pick(arguments, {"records", "typecast"}));
       }});
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
       "field). Field types: singleLineText, longText, number, checkbox, date, singleSelect, "
       "multipleSelect, email, url, rating, autoNumber, createdTime, lastModifiedTime, "
       "createdBy, lastModifiedBy.",
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
                   "Add a field to a table.",
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
       "Rename a field or change its type or options; a new type converts existing values and "
       "reports how many could not be kept.",
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
  tools.push_back({"delete_field",
                   "Delete a field",
                   "Delete a field and its values (not the primary field).",
                   objectSchema({{"tableId", kId}, {"fieldId", kId}}, {"tableId", "fieldId"}),
                   resultSchema({{"deleted", {{"type", "boolean"}}}}),
                   false,
                   true,
                   true,
                   {"field:delete"},
                   [](const boost::json::object& arguments, ApiClient& api) {
                     request(api, "DELETE",
                             "/api/table/" + idArgument(arguments, "tableId") + "/field/" +
                                 idArgument(arguments, "fieldId"));
                     return boost::json::value{{"deleted", true}};
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
  return tools;
}

}  // namespace

const std::vector<Tool>& allTools() {
  static const std::vector<Tool> tools = buildTools();
  return tools;
}

boost::json::value describeTool(const Tool& tool) {
  return {{"name", tool.name},
          {"title", tool.title},
          {"description", tool.description},
          {"inputSchema", tool.inputSchema},
          {"outputSchema", tool.outputSchema},
          {"annotations",
           {{"title", tool.title},
            {"readOnlyHint", tool.readOnly},
            {"destructiveHint", tool.destructive},
            {"idempotentHint", tool.idempotent},
            {"openWorldHint", false}}}};
}

}  // namespace tessera::mcp
