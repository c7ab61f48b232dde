// The SQL functions compiled formulas call on SQLite (features/formula/
// formula_sql.h), registered on every connection: tessera_num(x) is x
// when it is a finite number of magnitude at most 1e308, 0 when its
// magnitude is below 1e-300, and NULL otherwise; tessera_date(x) is x
// (milliseconds) rounded down to a BIGINT when it is within 0001-01-01 and
// 9999-12-31T23:59:59.999Z, and NULL otherwise; tessera_regex(text,
// pattern) is 1 when RE2 finds the pattern in the text (`.` matching a new
// line too), else 0; tessera_value(text) is the number the text writes
// (blanks at its ends and commas dropped), NULL when it writes none or one
// a double cannot hold. PostgreSQL gets the same behaviour from the
// functions of migrations 9 and 12 and, for patterns, its ~ operator on
// the portable patterns of features/formula/formula_regex.h.
#pragma once

struct sqlite3;

namespace tessera::store {

// Registers the helpers on `db`; throws StoreError if SQLite refuses.
void registerFormulaHelpers(sqlite3* db);

}  // namespace tessera::store
