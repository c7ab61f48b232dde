// Lookup and rollup fields: their options as stored and as the API shows
// them, and the plan (LookupPlan in table_schema.h) each gets when its
// table's schema is loaded: the SQL that reads the looked-up field of the
// linked records (a rollup: one aggregate of it), or why it cannot be read
// (a field it goes through was deleted, a circular chain of lookups, a
// type it cannot look up or roll up yet).
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

struct StoredLookup {
  std::string linkFieldId;    // a link field of the same table
  std::string lookupFieldId;  // a field of the table it links to
};
StoredLookup readStoredLookup(const boost::json::object& options);

// What kind of value a field holds, as formulas type them; nullopt for a
// multiple select (a JSON array), a link, a lookup, or a rollup that is
// not planned or gives a list. REQUIRES: a formula is planned.
std::optional<FormulaType> valueKind(const FieldDef& field);

// A table with its links and formulas planned, not its lookups; nullopt
// when there is no such table.
using TableLoader = std::function<std::optional<TableSchema>(const std::string& tableId)>;

// Sets FieldDef::lookup of every lookup and rollup field of `schema`, loading the
// tables a lookup reads through `load`. REQUIRES: the links and formulas
// of `schema` are planned.
void planLookupFields(TableSchema& schema, const TableLoader& load, store::SqlDialect dialect);

// The stored options ({"linkFieldId", "lookupFieldId"}, a rollup's
// "function" and "separator") with "result": {"type"} (a lookup's: the
// looked-up field's type; a rollup's: number, text, boolean or date, or
// the looked-up type for arrayUnique and arrayCompact) once planned, and
// "error" when broken.
boost::json::object lookupOptionsJson(const FieldDef& field);

}  // namespace tessera::features
