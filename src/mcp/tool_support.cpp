#include "mcp/tool_support.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace tessera::mcp {
namespace {

// About 25,000 tokens of text: larger pages are shrunk (see pagedRecords).
constexpr std::size_t kMaxResultChars = 100000;

std::string encode(std::string_view value) {
  return boost::urls::encode(value, boost::urls::unreserved_chars);
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

}  // namespace

// An input schema: unknown arguments are refused.
boost::json::object objectSchema(boost::json::object properties,
                                 std::initializer_list<std::string_view> required) {
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
                           const boost::json::value& body) {
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

}  // namespace tessera::mcp
