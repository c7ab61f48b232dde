#include "features/views/view_input.h"

#include "features/naming.h"
#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxViewTypeLength = 20;

boost::json::object definitionKeys(const boost::json::object& body) {
  boost::json::object changes;
  for (const char* key : {"filter", "sort", "hiddenFieldIds", "fieldOrder"}) {
    if (const auto* value = body.if_contains(key)) changes[key] = *value;
  }
  return changes;
}

}  // namespace

ViewInput newViewFromBody(const boost::json::value& body) {
  http::JsonObjectReader reader(body,
                                {"name", "type", "filter", "sort", "hiddenFieldIds", "fieldOrder"});
  ViewInput input{reader.requiredString("name", kMaxNameLength), {}};
  if (const auto type = reader.optionalString("type", kMaxViewTypeLength);
      type && *type != "grid") {
    throw http::badRequest("invalid_field", "Field 'type' must be \"grid\".");
  }
  input.definitionChanges = definitionKeys(body.as_object());
  return input;
}

ViewInput viewChangesFromBody(const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"name", "filter", "sort", "hiddenFieldIds", "fieldOrder"});
  return {reader.optionalString("name", kMaxNameLength), definitionKeys(body.as_object())};
}

}  // namespace tessera::features
