#include "features/fields/field_service.h"

#include <boost/json/array.hpp>

#include "features/fields/field_conversion.h"
#include "features/fields/field_input.h"
#include "features/limits.h"
#include "features/schema/field_options.h"
#include "features/schema/schema_json.h"
#include "features/schema/schema_store.h"
#include "features/schema/user_table_store.h"
#include "features/views/sort_index_store.h"
#include "features/views/view_definition.h"
#include "features/views/view_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

const FieldDef& requireField(const TableSchema& schema, const std::string& fieldId) {
  const FieldDef* field = schema.field(fieldId, false);
  if (!field) throw http::ApiError(404, "field_not_found", "This table has no such field.");
  return *field;
}

void saveField(store::Session& session, const std::string& tableId, const FieldDef& field) {
  updateFieldRow(session, field, nowMillis());
  touchTableSchema(session, tableId);
}

}  // namespace

boost::json::value FieldService::list(const std::string& tableId) {
  return database_.read([&](store::Session& session) {
    boost::json::array fields;
    for (const FieldDef& field : requireTableSchema(session, tableId).fields) {
      fields.push_back(fieldToJson(field));
    }
    return boost::json::value{{"fields", std::move(fields)}};
  });
}

boost::json::value FieldService::get(const std::string& tableId, const std::string& fieldId) {
  return database_.read([&](store::Session& session) {
    return fieldToJson(requireField(requireTableSchema(session, tableId), fieldId));
  });
}

boost::json::value FieldService::create(const std::string& tableId, FieldDef field) {
  return database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    requireRoom(schema.fields.size(), 1, kMaxFieldsPerTable, "table", "fields");
    insertField(session, tableId, field);
    return fieldToJson(field);
  });
}

boost::json::value FieldService::update(const std::string& tableId, const std::string& fieldId,
                                        const FieldChangesInput& changes) {
  boost::json::value updated = database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    const FieldDef& current = requireField(schema, fieldId);
    FieldDef changed = current;
    if (changes.name) changed.name = *changes.name;
    if (changes.description) changed.description = *changes.description;
    if (changes.type) changed.type = *changes.type;
    if (changed.isPrimary && isComputed(changed.type)) {
      throw http::badRequest("primary_field", "The primary field cannot be a computed type.");
    }
    const bool typeChanged = changed.type != current.type;
    if (changes.options || typeChanged) {
      changed.options =
          normalizeOptions(changed.type, changes.options.value_or(boost::json::value()));
    }
    boost::json::object result;
    const std::vector<ViewDef> sortingViews = viewsSortedBy(loadViews(session, tableId), fieldId);
    if (typeChanged) {
      // The sort indexes on the old column go with it, and are rebuilt on
      // the new one.
      dropSortIndexes(session, schema, sortingViews, {});
      const ConversionReport report = convertField(session, schema, current, changed);
      result["conversion"] = {{"converted", report.converted}, {"failed", report.failed}};
    }
    saveField(session, tableId, changed);
    boost::json::object json = fieldToJson(changed).as_object();
    for (auto& entry : result) json[entry.key()] = entry.value();
    return boost::json::value(std::move(json));
  });
  sortIndexes_.schedule(tableId);  // rebuilt on a retyped column
  return updated;
}

void FieldService::remove(const std::string& tableId, const std::string& fieldId) {
  database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    const FieldDef& field = requireField(schema, fieldId);
    if (field.isPrimary) {
      throw http::badRequest("primary_field",
                             "The primary field cannot be deleted; rename or retype it instead.");
    }
    const std::vector<ViewDef> before = loadViews(session, tableId);
    for (ViewDef view : before) {
      forgetField(view.definition, fieldId);
      updateView(session, view);
    }
    const std::vector<ViewDef> after = loadViews(session, tableId);
    dropSortIndexes(session, schema, before, after);
    dropFieldColumn(session, tableId, field);
    deleteFieldRow(session, fieldId);
    touchTableSchema(session, tableId);
  });
  sortIndexes_.schedule(tableId);  // a sort past the limit may get its index now
}

}  // namespace tessera::features
