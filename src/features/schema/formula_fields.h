// Formula fields of a table: planning each one from its stored expression
// (compiled by features/formula for the backend in use, every time the
// table's schema is loaded, so a formula follows the fields it uses), and
// translating a formula between the names people write and the field ids
// it is stored with.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "features/formula/formula_syntax.h"
#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// Sets FieldDef::formula of every formula field of `schema`. A formula that
// cannot be computed (a field it uses was deleted, a circular reference, a
// type that no longer fits) is planned broken: its value is blank and its
// plan says why. The formulas of the fields `written` names are planned
// from that text, as a person wrote it (references by name or id), so
// that the positions of their errors are in that text.
void planFormulaFields(TableSchema& schema, store::SqlDialect dialect,
                       const std::map<std::string, std::string>& written = {});

// The stored form of a formula a person wrote: each {Field name} (or
// {fldId}) becomes {fldId}. Or the first error, with its position: bad
// syntax, or a field `schema` does not have.
std::variant<std::string, FormulaError> storedFormula(const TableSchema& schema,
                                                      std::string_view text);

// The formula fields that use `fieldId`, directly or through other
// formulas. REQUIRES: `schema` was planned.
std::vector<std::string> formulasUsing(const TableSchema& schema, const std::string& fieldId);

}  // namespace tessera::features
