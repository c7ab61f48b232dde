// Checks a formula against the table it is written for: the formula of a
// formula field being created or changed (stored by field ids once it
// passes), and a formula an editor or an agent tries out before saving.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// `field` is a formula field of `schema`'s table, new (its id not among
// schema.fields) or changed. Its options.expression, as a person wrote it
// ({Field name} or {fldId} references), becomes the stored form ({fldId})
// and field.formula its plan. Throws ApiError 400 invalid_formula with
// the position when it cannot be computed (syntax, an unknown field or
// function, types, a circular reference).
void checkFormulaField(const TableSchema& schema, FieldDef& field, store::SqlDialect dialect);

// Checks the formula fields of a table being created, whose fields have
// their ids: each formula, as written, is put in its stored form and
// planned. Throws ApiError 400 invalid_formula naming the first that
// cannot be computed.
void checkInitialFormulas(TableSchema& table, store::SqlDialect dialect);

// What checking a formula field's options (normalizeOptions) in the table
// finds: {"valid": true, "result": {"type"}, "referencedFieldIds"} or
// {"valid": false, "error": {"message", "position"}}. `fieldId` names the
// field being edited, so that references to it count as circular; throws
// ApiError 404 field_not_found when the table has no such field.
boost::json::value tryFormula(const TableSchema& schema, const boost::json::object& options,
                              const std::optional<std::string>& fieldId, store::SqlDialect dialect);

}  // namespace tessera::features
