#include "features/fields/field_input.h"

#include <boost/json/serialize.hpp>

#include "common/random.h"
#include "features/fields/field_options.h"
#include "features/naming.h"
#include "features/tables/table_storage.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "store/store_error.h"

namespace tessera::features {

FieldDef fieldFromJson(const boost::json::value& body, const std::string& prefix) {
  http::JsonObjectReader reader(body, {"name", "type", "options", "description"});
  FieldDef field;
  field.name = reader.requiredString("name", kMaxNameLength);
  const std::string typeName = reader.requiredString("type", 40);
  const auto type = parseFieldType(typeName);
  if (!type) {
    throw http::badRequest("invalid_field", "Field '" + prefix + "type' must be one of " +
                                                allFieldTypeNames() + "; got '" + typeName + "'.");
  }
  field.type = *type;
  field.description = reader.optionalText("description", 20000).value_or("");
  const auto* options = body.as_object().if_contains("options");
  field.options = normalizeOptions(field.type, options ? *options : boost::json::value());
  return field;
}

void insertField(store::Session& session, const std::string& tableId, FieldDef& field) {
  field.id = newId("fld");
  const UnixMillis now = nowMillis();
  if (field.position == 0) {
    field.position = session
                         .query(
                             "SELECT COALESCE(MAX(position), 0) + 1 FROM fields_meta"
                             " WHERE table_id = ?",
                             {tableId})[0]
                         .integer(0);
  }
  try {
    session.execute(
        "INSERT INTO fields_meta (id, table_id, name, name_key, description, type, options,"
        " is_primary, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {field.id, tableId, field.name, nameKey(field.name), field.description,
         std::string(fieldTypeName(field.type)), boost::json::serialize(field.options),
         std::int64_t{field.isPrimary ? 1 : 0}, field.position, now, now});
  } catch (const store::StoreError& error) {
    if (error.kind() != store::StoreError::Kind::UniqueViolation) throw;
    throw http::conflict("field_name_taken",
                         "This table already has a field named '" + field.name + "'.");
  }
  addFieldColumn(session, tableId, field);
  touchTableSchema(session, tableId);
}

}  // namespace tessera::features
