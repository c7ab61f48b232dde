// The SQL that formulas compile to, word by word, for each backend: typed
// values and their conversions, arithmetic that never raises (a result
// beyond ±1e308 is blank, one below 1e-300 in magnitude is 0, on both
// backends alike), text and date parts. Every formula value is one of:
// a number (DOUBLE PRECISION), text (TEXT), a boolean (INTEGER 0/1) or a
// date (BIGINT Unix milliseconds, UTC); NULL is blank. The helper
// functions named tessera_* are registered by the SQLite connection and
// created by a PostgreSQL migration (store/formula_helpers.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace tessera::features {

enum class FormulaType { Number, Text, Boolean, Date };

std::string_view formulaTypeName(FormulaType type);
std::optional<FormulaType> parseFormulaType(std::string_view name);
// The SQL type of a value of the type: DOUBLE PRECISION, TEXT, INTEGER, BIGINT.
std::string_view formulaSqlType(FormulaType type);

// A compiled piece of a formula. `blank` marks BLANK() and ERROR(), which
// take the type their context needs.
struct TypedSql {
  std::string sql;
  FormulaType type = FormulaType::Text;
  bool blank = false;
};

class FormulaSql {
 public:
  explicit FormulaSql(store::SqlDialect dialect) : dialect_(dialect) {}

  std::string numberLiteral(double value) const;
  std::string textLiteral(std::string_view text) const;
  std::string nullOf(FormulaType type) const;

  // Arithmetic on non-null numbers.
  std::string add(const std::string& a, const std::string& b) const;
  std::string subtract(const std::string& a, const std::string& b) const;
  std::string multiply(const std::string& a, const std::string& b) const;
  std::string divide(const std::string& a, const std::string& b) const;
  std::string power(const std::string& base, const std::string& exponent) const;
  // a - b * TRUNC(a / b): the remainder with the sign of `a`; blank for b = 0.
  std::string modulo(const std::string& a, const std::string& b) const;

  // The least (or greatest) of `values` that are not NULL; NULL when all are.
  std::string extreme(const std::vector<std::string>& values, bool greatest) const;

  // A number as a whole count for text positions and lengths: truncated
  // toward zero, kept within ±1e9, as INTEGER; blank is 0.
  std::string count(const std::string& number) const;
  // Milliseconds (a double) as a date, rounded down; blank outside the
  // dates formulas have, 0001-01-01 to 9999-12-31T23:59:59.999Z.
  std::string dateFromMillis(const std::string& millis) const;

  // Text: the number with at most 15 significant digits after rounding
  // to 10 decimal places, no trailing zeros; blank for magnitudes of 1e15
  // and more.
  std::string numberText(const std::string& number) const;
  // Text: "2026-11-27T19:23:22.123Z".
  std::string dateText(const std::string& date) const;
  // `text` with ASCII letters lowered or raised (only ASCII, on both).
  std::string lower(const std::string& text) const;
  std::string upper(const std::string& text) const;
  // 1-based position of `needle` in `haystack`, 0 when absent.
  std::string position(const std::string& haystack, const std::string& needle) const;
  // `text` compared byte by byte (PostgreSQL's collation set aside).
  std::string bytewise(const std::string& text) const;
  // `number` (non-negative, whole) as text, zero-padded to `width`.
  std::string padded(const std::string& number, int width) const;

  // Calendar parts of a date, UTC, as INTEGER.
  std::string year(const std::string& date) const;
  std::string month(const std::string& date) const;
  std::string day(const std::string& date) const;
  // Milliseconds since the date's midnight (UTC), as BIGINT.
  std::string millisOfDay(const std::string& date) const;
  // The date's month's first millisecond, as BIGINT.
  std::string startOfMonth(const std::string& date) const;
  // `date` moved by `months` (INTEGER), the day of the month kept or, past
  // the month's end, its last day. A double. REQUIRES: the month moved to
  // is within 0001-01..9999-12.
  std::string addMonths(const std::string& date, const std::string& months) const;
  // Now and the start of today (UTC), as BIGINT milliseconds.
  std::string now() const;

  // Whether the portable pattern (formula_regex.h; an SQL literal) matches
  // part of `text` (not NULL), as a condition: RE2 on SQLite, ~ on
  // PostgreSQL.
  std::string regexMatch(const std::string& text, const std::string& pattern) const;
  // The number `text` writes ("1,200.5", " -3e2 "), or NULL when it writes
  // none or one a double cannot hold: tessera_value on both backends
  // (store/sqlite/formula_helpers.h, migration 12 on PostgreSQL).
  std::string numberFromText(const std::string& text) const;

  // `a` IS NOT DISTINCT FROM `b`, as a condition.
  std::string same(const std::string& a, const std::string& b) const;

  // Field values that are not a plain column, as text. Both are
  // subqueries, which an index expression cannot hold.
  // The names of a multiple select column (a JSON array) joined by ", ".
  std::string joinedNames(const std::string& column) const;
  // The name of the user whose id a column holds.
  std::string userName(const std::string& column) const;
  // The values of a lookup column (a JSON array of values of `kind`), each
  // as text (as TEXT() writes it), joined by ", " in the array's order.
  std::string joinedValues(const std::string& column, FormulaType kind) const;
  // The names of the users whose ids a column holds (a JSON array), joined
  // by ", " in the array's order.
  std::string joinedUserNames(const std::string& column) const;

 private:
  std::string pick(std::string sqlite, std::string postgres) const;
  std::string timestamp(const std::string& date) const;  // PostgreSQL only

  store::SqlDialect dialect_;
};

}  // namespace tessera::features
