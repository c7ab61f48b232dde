// The field bodies read into typed inputs ({"name","type","options",
// "description"}), and the insertion of a new field (its metadata row and
// column), shared by table creation and the field endpoints.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// Throws ApiError 400 naming the problem. `prefix` locates the definition
// in messages (e.g. "fields[2]." when creating a table).
FieldDef fieldFromJson(const boost::json::value& body, const std::string& prefix);

// The first fields of a new table from its "fields" array (null when
// absent: one "Name" text field). The first becomes the primary field and
// may not be computed. Throws ApiError 400 naming the definition.
std::vector<FieldDef> initialFieldsFromBody(const boost::json::value& fields);

// Each field set only when the body names it.
struct FieldChangesInput {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<FieldType> type;
  std::optional<boost::json::value> options;  // checked against the field's type by the service
};

// Throws ApiError 400 naming the problem.
FieldChangesInput fieldChangesFromBody(const boost::json::value& body);

// A formula to try out: POST .../formula/check {"expression",
// "resultType"?, "fieldId"?}.
struct FormulaTrialInput {
  boost::json::object options;  // normalized formula options
  std::optional<std::string> fieldId;
};

// Throws ApiError 400 naming the problem.
FormulaTrialInput formulaTrialFromBody(const boost::json::value& body);

// Inserts the metadata row of `field` (its id is assigned here unless it
// has one) and adds its column. Throws ApiError 409 field_name_taken.
void insertField(store::Session& session, const std::string& tableId, FieldDef& field);

}  // namespace tessera::features
