#include "features/fields/field_service.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "features/fields/field_conversion.h"
#include "features/fields/field_input.h"
#include "features/fields/field_options.h"
#include "features/naming.h"
#include "features/tables/schema_json.h"
#include "features/tables/table_storage.h"
#include "features/views/view_definition.h"
#include "features/views/view_sort_indexes.h"
#include "features/views/view_store.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "store/store_error.h"

namespace tessera::features {
namespace {

const FieldDef& requireField(const TableSchema& schema, const std::string& fieldId) {
  const FieldDef* field = schema.field(fieldId, false);
  if (!field) throw http::ApiError(404, "field_not_found", "This table has no such field.");
  return *field;
}

void saveField(store::Session& session, const std::string& tableId, const FieldDef& field) {
  try {
    session.execute(
        "UPDATE fields_meta SET name = ?, name_key = ?, description = ?, type = ?, options = ?,"
        " updated_at = ? WHERE id = ?",
        {field.name, nameKey(field.name), field.description, std::string(fieldTypeName(field.type)),
         boost::json::serialize(field.options), nowMillis(), field.id});
  } catch (const store::StoreError& error) {
    if (error.kind() != store::StoreError::Kind::UniqueViolation) throw;
    throw http::conflict("field_name_taken",
                         "This table already has a field named '" + field.name + "'.");
  }
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

boost::json::value FieldService::create(const std::string& tableId,
                                        const boost::json::value& body) {
  FieldDef field = fieldFromJson(body, "");
  return database_.write([&](store::Session& session) {
    requireTableSchema(session, tableId);
    insertField(session, tableId, field);
    return fieldToJson(field);
  });
}

boost::json::value FieldService::update(const std::string& tableId, const std::string& fieldId,
                                        const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"name", "description", "type", "options"});
  const auto name = reader.optionalString("name", kMaxNameLength);
  const auto description = reader.optionalText("description", 20000);
  const auto typeName = reader.optionalString("type", 40);
  const auto* options = body.as_object().if_contains("options");
  return database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    const FieldDef& current = requireField(schema, fieldId);
    FieldDef changed = current;
    if (name) changed.name = *name;
    if (description) changed.description = *description;
    if (typeName) {
      const auto type = parseFieldType(*typeName);
      if (!type) {
        throw http::badRequest("invalid_field",
                               "Field 'type' must be one of " + allFieldTypeNames() + ".");
      }
      changed.type = *type;
    }
    if (changed.isPrimary && isComputed(changed.type)) {
      throw http::badRequest("primary_field", "The primary field cannot be a computed type.");
    }
    const bool typeChanged = changed.type != current.type;
    if (options || typeChanged) {
      changed.options = normalizeOptions(changed.type, options ? *options : boost::json::value());
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
    if (typeChanged) {
      createSortIndexes(session, requireTableSchema(session, tableId), sortingViews);
    }
    boost::json::object json = fieldToJson(changed).as_object();
    for (auto& entry : result) json[entry.key()] = entry.value();
    return boost::json::value(std::move(json));
  });
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
    session.execute("DELETE FROM fields_meta WHERE id = ?", {fieldId});
    touchTableSchema(session, tableId);
    createSortIndexes(session, requireTableSchema(session, tableId), after);
  });
}

}  // namespace tessera::features
