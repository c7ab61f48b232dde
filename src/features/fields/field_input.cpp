#include "features/fields/field_input.h"

#include "features/limits.h"

#include "common/random.h"
#include "features/naming.h"
#include "features/schema/field_options.h"
#include "features/schema/schema_store.h"
#include "features/schema/user_table_store.h"
#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxTypeNameLength = 40;
constexpr std::size_t kMaxFieldDescriptionLength = 20000;
constexpr std::size_t kMaxIdLength = 64;

}  // namespace

FieldDef fieldFromJson(const boost::json::value& body, const std::string& prefix) {
  http::JsonObjectReader reader(body, {"name", "type", "options", "description"});
  FieldDef field;
  field.name = reader.requiredString("name", kMaxNameLength);
  const std::string typeName = reader.requiredString("type", kMaxTypeNameLength);
  const auto type = parseFieldType(typeName);
  if (!type) {
    throw http::badRequest("invalid_field", "Field '" + prefix + "type' must be one of " +
                                                allFieldTypeNames() + "; got '" + typeName + "'.");
  }
  field.type = *type;
  field.description = reader.optionalText("description", kMaxFieldDescriptionLength).value_or("");
  const auto* options = body.as_object().if_contains("options");
  field.options = normalizeOptions(field.type, options ? *options : boost::json::value());
  return field;
}

FieldChangesInput fieldChangesFromBody(const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"name", "description", "type", "options"});
  FieldChangesInput changes;
  changes.name = reader.optionalString("name", kMaxNameLength);
  changes.description = reader.optionalText("description", kMaxFieldDescriptionLength);
  if (const auto typeName = reader.optionalString("type", kMaxTypeNameLength)) {
    changes.type = parseFieldType(*typeName);
    if (!changes.type) {
      throw http::badRequest("invalid_field",
                             "Field 'type' must be one of " + allFieldTypeNames() + ".");
    }
  }
  if (const auto* options = body.as_object().if_contains("options")) changes.options = *options;
  return changes;
}

FormulaTrialInput formulaTrialFromBody(const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"expression", "resultType", "fieldId"});
  FormulaTrialInput trial;
  trial.fieldId = reader.optionalString("fieldId", kMaxIdLength);
  boost::json::object options;
  for (const std::string_view key : {"expression", "resultType"}) {
    if (const auto* value = body.as_object().if_contains(key)) options[key] = *value;
  }
  trial.options = normalizeOptions(FieldType::Formula, options);
  return trial;
}

std::vector<FieldDef> initialFieldsFromBody(const boost::json::value& fields) {
  std::vector<FieldDef> defs;
  if (fields.is_null()) {
    defs.push_back(FieldDef{
        "", "Name", "", FieldType::SingleLineText, {}, true, 1, nullptr, nullptr, nullptr});
    return defs;
  }
  if (!fields.is_array() || fields.as_array().empty() ||
      fields.as_array().size() > kMaxFieldsPerTable) {
    throw http::badRequest("invalid_field", "Field 'fields' must be an array of 1 to " +
                                                std::to_string(kMaxFieldsPerTable) +
                                                " field definitions.");
  }
  for (std::size_t i = 0; i < fields.as_array().size(); ++i) {
    FieldDef field = fieldFromJson(fields.as_array()[i], "fields[" + std::to_string(i) + "].");
    field.position = static_cast<std::int64_t>(i + 1);
    defs.push_back(std::move(field));
  }
  if (isComputed(defs[0].type) || defs[0].type == FieldType::Link) {
    throw http::badRequest(
        "invalid_field",
        "The first field becomes the primary field and cannot be computed or a link.");
  }
  defs[0].isPrimary = true;
  return defs;
}

void insertField(store::Session& session, const std::string& tableId, FieldDef& field) {
  if (field.id.empty()) field.id = newId("fld");
  insertFieldRow(session, tableId, field, nowMillis());
  addFieldColumn(session, tableId, field);
  touchTableSchema(session, tableId);
}

}  // namespace tessera::features
