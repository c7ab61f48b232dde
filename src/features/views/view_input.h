// The view bodies read into typed inputs: what the routes hand to
// ViewService. The definition keys stay JSON: only the table's schema can
// judge a filter or a sort, and applyViewChanges (view_definition.h) does.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

namespace tessera::features {

struct ViewInput {
  std::optional<std::string> name;  // always set for a new view
  // The "filter", "sort", "hiddenFieldIds" and "fieldOrder" keys the body
  // gave, and only those.
  boost::json::object definitionChanges;
};

// {"name", "type": "grid", "filter", "sort", "hiddenFieldIds",
// "fieldOrder"}; the name is required. Throws ApiError 400.
ViewInput newViewFromBody(const boost::json::value& body);
// {"name", "filter", "sort", "hiddenFieldIds", "fieldOrder"}. Throws
// ApiError 400.
ViewInput viewChangesFromBody(const boost::json::value& body);

}  // namespace tessera::features
