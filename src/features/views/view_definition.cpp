#include "features/views/view_definition.h"

#include <boost/json/array.hpp>

#include "features/query/record_filter.h"
#include "features/query/record_query.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

// A copy of a valid filter whose conditions name fields by id.
boost::json::value withFieldIds(const TableSchema& schema, const boost::json::value& filter) {
  if (!filter.is_object()) return filter;
  boost::json::object copy = filter.as_object();
  if (auto* set = copy.if_contains("filterSet"); set && set->is_array()) {
    for (auto& item : set->as_array()) item = withFieldIds(schema, item);
  } else if (auto* key = copy.if_contains("fieldId"); key && key->is_string()) {
    if (const FieldDef* field = schema.field(key->as_string(), true)) *key = field->id;
  }
  return copy;
}

boost::json::array fieldIdList(const TableSchema& schema, const boost::json::value& value,
                               const std::string& name) {
  if (!value.is_array()) {
    throw http::badRequest("invalid_field", "Field '" + name + "' must be an array of field ids.");
  }
  boost::json::array ids;
  for (const auto& item : value.as_array()) {
    const FieldDef* field = item.is_string() ? schema.field(item.as_string(), true) : nullptr;
    if (!field) {
      throw http::badRequest("invalid_field",
                             "Field '" + name + "' names a field this table does not have.");
    }
    ids.push_back(boost::json::value(field->id));
  }
  return ids;
}

// Drops conditions on `fieldId`; returns false when nothing is left.
bool pruneFilter(boost::json::value& filter, const std::string& fieldId) {
  auto* object = filter.if_object();
  if (!object) return false;
  if (auto* set = object->if_contains("filterSet"); set && set->is_array()) {
    boost::json::array kept;
    for (auto& item : set->as_array()) {
      if (pruneFilter(item, fieldId)) kept.push_back(item);
    }
    *set = std::move(kept);
    return true;
  }
  const auto* key = object->if_contains("fieldId");
  return !(key && key->is_string() && key->as_string() == fieldId);
}

void eraseId(boost::json::value& list, const std::string& fieldId) {
  if (!list.is_array()) return;
  boost::json::array kept;
  for (const auto& item : list.as_array()) {
    const bool matches = item.is_string()
                             ? item.as_string() == fieldId
                             : item.is_object() && item.as_object().contains("fieldId") &&
                                   item.at("fieldId") == boost::json::value(fieldId);
    if (!matches) kept.push_back(item);
  }
  list = std::move(kept);
}

}  // namespace

void applyViewChanges(const TableSchema& schema, boost::json::object& definition,
                      const boost::json::object& changes) {
  if (const auto* filter = changes.if_contains("filter")) {
    compileFilter(schema, *filter);  // validates; throws invalid_filter
    definition["filter"] = withFieldIds(schema, *filter);
  }
  if (const auto* sort = changes.if_contains("sort")) {
    boost::json::array normalized;
    for (const SortKey& key : parseSort(schema, *sort)) {
      normalized.push_back(boost::json::object{{"fieldId", key.field->id},
                                               {"order", key.descending ? "desc" : "asc"}});
    }
    definition["sort"] = std::move(normalized);
  }
  if (const auto* hidden = changes.if_contains("hiddenFieldIds")) {
    boost::json::array ids = fieldIdList(schema, *hidden, "hiddenFieldIds");
    for (const auto& id : ids) {
      if (id.as_string() == schema.primaryField().id) {
        throw http::badRequest("invalid_field", "The primary field cannot be hidden.");
      }
    }
    definition["hiddenFieldIds"] = std::move(ids);
  }
  if (const auto* order = changes.if_contains("fieldOrder")) {
    definition["fieldOrder"] = fieldIdList(schema, *order, "fieldOrder");
  }
}

void forgetFilterAndSort(boost::json::object& definition, const std::string& fieldId) {
  if (auto* filter = definition.if_contains("filter"); filter && !filter->is_null()) {
    pruneFilter(*filter, fieldId);
  }
  if (auto* sort = definition.if_contains("sort")) eraseId(*sort, fieldId);
}

void forgetField(boost::json::object& definition, const std::string& fieldId) {
  forgetFilterAndSort(definition, fieldId);
  for (const char* list : {"hiddenFieldIds", "fieldOrder"}) {
    if (auto* value = definition.if_contains(list)) eraseId(*value, fieldId);
  }
}

}  // namespace tessera::features
