#include "features/formula/formula_sql.h"

#include <charconv>

namespace tessera::features {
namespace {

std::string wrap(const std::string& sql) { return "(" + sql + ")"; }

}  // namespace

std::string_view formulaTypeName(FormulaType type) {
  switch (type) {
    case FormulaType::Number:
      return "number";
    case FormulaType::Text:
      return "text";
    case FormulaType::Boolean:
      return "boolean";
    case FormulaType::Date:
      return "date";
  }
  return "text";
}

std::optional<FormulaType> parseFormulaType(std::string_view name) {
  for (const FormulaType type :
       {FormulaType::Number, FormulaType::Text, FormulaType::Boolean, FormulaType::Date}) {
    if (formulaTypeName(type) == name) return type;
  }
  return std::nullopt;
}

std::string_view formulaSqlType(FormulaType type) {
  switch (type) {
    case FormulaType::Number:
      return "DOUBLE PRECISION";
    case FormulaType::Text:
      return "TEXT";
    case FormulaType::Boolean:
      return "INTEGER";
    case FormulaType::Date:
      return "BIGINT";
  }
  return "TEXT";
}

std::string FormulaSql::pick(std::string sqlite, std::string postgres) const {
  switch (dialect_) {
    case store::SqlDialect::Sqlite:
      return sqlite;
    case store::SqlDialect::Postgres:
      return postgres;
  }
  return sqlite;
}

std::string FormulaSql::numberLiteral(double value) const {
  char buffer[40];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return "CAST(" + std::string(buffer, result.ptr) + " AS DOUBLE PRECISION)";
}

std::string FormulaSql::textLiteral(std::string_view text) const {
  std::string literal = "'";
  for (const char c : text) {
    if (c == '\'') literal += '\'';
    literal += c;
  }
  return literal + "'";
}

std::string FormulaSql::nullOf(FormulaType type) const {
  return "CAST(NULL AS " + std::string(formulaSqlType(type)) + ")";
}

std::string FormulaSql::add(const std::string& a, const std::string& b) const {
  return pick("tessera_num(" + wrap(a) + " + " + wrap(b) + ")",
              "tessera_add(" + a + ", " + b + ")");
}

std::string FormulaSql::subtract(const std::string& a, const std::string& b) const {
  return pick("tessera_num(" + wrap(a) + " - " + wrap(b) + ")",
              "tessera_add(" + a + ", -" + wrap(b) + ")");
}

std::string FormulaSql::multiply(const std::string& a, const std::string& b) const {
  return pick("tessera_num(" + wrap(a) + " * " + wrap(b) + ")",
              "tessera_mul(" + a + ", " + b + ")");
}

std::string FormulaSql::divide(const std::string& a, const std::string& b) const {
  return pick("tessera_num(" + wrap(a) + " / " + wrap(b) + ")",
              "tessera_div(" + a + ", " + b + ")");
}

std::string FormulaSql::power(const std::string& base, const std::string& exponent) const {
  return pick("tessera_num(POWER(" + base + ", " + exponent + "))",
              "tessera_pow(" + base + ", " + exponent + ")");
}

std::string FormulaSql::modulo(const std::string& a, const std::string& b) const {
  return "(" + wrap(a) + " - " + wrap(b) + " * TRUNC(" + divide(a, b) + "))";
}

std::string FormulaSql::extreme(const std::vector<std::string>& values, bool greatest) const {
  if (values.size() == 1) return values.front();
  std::string all;
  for (const std::string& value : values) all += (all.empty() ? "" : ", ") + value;
  // SQLite's min() and max() are NULL when any argument is; each argument
  // in turn falls back on the others, which leaves out exactly the NULLs.
  std::string rotations;
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::string rotation = values[i];
    for (std::size_t j = 0; j < values.size(); ++j) {
      if (j != i) rotation += ", " + values[j];
    }
    rotations += (i ? ", " : "") + ("COALESCE(" + rotation + ")");
  }
  return pick(std::string(greatest ? "max(" : "min(") + rotations + ")",
              std::string(greatest ? "GREATEST(" : "LEAST(") + all + ")");
}

std::string FormulaSql::count(const std::string& number) const {
  const std::string n = "COALESCE(" + number + ", 0)";
  return "CAST(CASE WHEN " + n + " > 1e9 THEN 1e9 WHEN " + n + " < -1e9 THEN -1e9 ELSE TRUNC(" + n +
         ") END AS INTEGER)";
}

std::string FormulaSql::dateFromMillis(const std::string& millis) const {
  return "tessera_date(" + millis + ")";
}

std::string FormulaSql::numberText(const std::string& number) const {
  const std::string x = wrap(number);
  const std::string r = "(CASE WHEN " + x + " < 0 THEN -FLOOR(-" + x +
                        " * 1e10 + 0.5) ELSE FLOOR(" + x + " * 1e10 + 0.5) END / 1e10)";
  const std::string fraction = pick("CASE WHEN ABS(" + r + ") >= 0.0001 THEN printf('%.15g', " + r +
                                        ") ELSE rtrim(printf('%.10f', " + r + "), '0') END",
                                    "rtrim(CAST(CAST(" + r + " AS NUMERIC) AS TEXT), '0')");
  return "CASE WHEN " + x + " IS NULL OR ABS(" + x + ") >= 1e15 THEN NULL WHEN " + r + " = FLOOR(" +
         r + ") THEN CAST(CAST(" + r + " AS BIGINT) AS TEXT) ELSE " + fraction + " END";
}

std::string FormulaSql::padded(const std::string& number, int width) const {
  const std::string w = std::to_string(width);
  return pick("printf('%0" + w + "d', " + number + ")",
              "lpad(CAST(" + number + " AS TEXT), " + w + ", '0')");
}

std::string FormulaSql::dateText(const std::string& date) const {
  const std::string d = wrap(date);
  const std::string msOfDay = millisOfDay(date);
  // PostgreSQL's to_char() is not IMMUTABLE, so it could not be indexed:
  // the text is put together from parts there.
  return pick("strftime('%Y-%m-%dT%H:%M:%fZ', " + d + " / 1000.0, 'unixepoch')",
              "CASE WHEN " + d + " IS NOT NULL THEN " + padded(year(date), 4) + " || '-' || " +
                  padded(month(date), 2) + " || '-' || " + padded(day(date), 2) + " || 'T' || " +
                  padded(msOfDay + " / 3600000", 2) + " || ':' || " +
                  padded(msOfDay + " / 60000 % 60", 2) + " || ':' || " +
                  padded(msOfDay + " / 1000 % 60", 2) + " || '.' || " +
                  padded(msOfDay + " % 1000", 3) + " || 'Z' END");
}

std::string FormulaSql::lower(const std::string& text) const {
  return pick("lower(" + text + ")", "lower(" + wrap(text) + " COLLATE \"C\")");
}

std::string FormulaSql::upper(const std::string& text) const {
  return pick("upper(" + text + ")", "upper(" + wrap(text) + " COLLATE \"C\")");
}

std::string FormulaSql::position(const std::string& haystack, const std::string& needle) const {
  return pick("instr(" + haystack + ", " + needle + ")",
              "strpos(" + haystack + ", " + needle + ")");
}

std::string FormulaSql::bytewise(const std::string& text) const {
  return pick(text, wrap(text) + " COLLATE \"C\"");
}

std::string FormulaSql::timestamp(const std::string& date) const {
  return "(to_timestamp(" + wrap(date) + " / 1000.0) AT TIME ZONE 'UTC')";
}

std::string FormulaSql::year(const std::string& date) const {
  // PostgreSQL counts 1 BC as year -1; SQLite (and ISO 8601) as 0.
  const std::string extracted = "CAST(EXTRACT(YEAR FROM " + timestamp(date) + ") AS INTEGER)";
  return pick(
      "CAST(strftime('%Y', " + wrap(date) + " / 1000.0, 'unixepoch') AS INTEGER)",
      "(CASE WHEN " + extracted + " < 0 THEN " + extracted + " + 1 ELSE " + extracted + " END)");
}

std::string FormulaSql::month(const std::string& date) const {
  return pick("CAST(strftime('%m', " + wrap(date) + " / 1000.0, 'unixepoch') AS INTEGER)",
              "CAST(EXTRACT(MONTH FROM " + timestamp(date) + ") AS INTEGER)");
}

std::string FormulaSql::day(const std::string& date) const {
  return pick("CAST(strftime('%d', " + wrap(date) + " / 1000.0, 'unixepoch') AS INTEGER)",
              "CAST(EXTRACT(DAY FROM " + timestamp(date) + ") AS INTEGER)");
}

std::string FormulaSql::millisOfDay(const std::string& date) const {
  return "((" + wrap(date) + " % 86400000 + 86400000) % 86400000)";
}

std::string FormulaSql::startOfMonth(const std::string& date) const {
  return pick(
      "(CAST(strftime('%s', " + wrap(date) +
          " / 1000.0, 'unixepoch', 'start of month') AS INTEGER) * 1000)",
      "(CAST(EXTRACT(EPOCH FROM date_trunc('month', " + timestamp(date) + ")) AS BIGINT) * 1000)");
}

std::string FormulaSql::addMonths(const std::string& date, const std::string& months) const {
  const std::string d = wrap(date);
  const auto monthStart = [&](const std::string& shift) {
    return "CAST(strftime('%s', " + d + " / 1000.0, 'unixepoch', 'start of month', CAST(" + shift +
           " AS TEXT) || ' months') AS INTEGER)";
  };
  const std::string target = monthStart(months);
  const std::string daysInTarget =
      "((" + monthStart(wrap(months) + " + 1") + " - " + target + ") / 86400)";
  const std::string msOfDay = millisOfDay(date);
  return pick("(" + target + " * 1000.0 + min(" + day(date) + " - 1, " + daysInTarget +
                  " - 1) * 86400000.0 + " + msOfDay + ")",
              "CAST(EXTRACT(EPOCH FROM " + timestamp(date) + " + make_interval(months => " +
                  months + ")) * 1000 AS DOUBLE PRECISION)");
}

std::string FormulaSql::now() const {
  return pick(
      "(CAST(strftime('%s', 'now') AS INTEGER) * 1000 + CAST(substr(strftime('%f', 'now'), 4) AS "
      "INTEGER))",
      "CAST(FLOOR(EXTRACT(EPOCH FROM statement_timestamp()) * 1000) AS BIGINT)");
}

std::string FormulaSql::same(const std::string& a, const std::string& b) const {
  return pick(wrap(a) + " IS " + wrap(b), wrap(a) + " IS NOT DISTINCT FROM " + wrap(b));
}

std::string FormulaSql::regexMatch(const std::string& text, const std::string& pattern) const {
  return pick("(tessera_regex(" + text + ", " + pattern + ") = 1)",
              "(" + text + " ~ " + pattern + ")");
}

std::string FormulaSql::numberFromText(const std::string& text) const {
  return "tessera_value(" + text + ")";
}

std::string FormulaSql::joinedNames(const std::string& column) const {
  return pick("(SELECT group_concat(value, ', ') FROM json_each(" + column + "))",
              "(SELECT string_agg(e.name, ', ' ORDER BY e.n) FROM jsonb_array_elements_text(CAST(" +
                  column + " AS jsonb)) WITH ORDINALITY AS e(name, n))");
}

std::string FormulaSql::joinedValues(const std::string& column, FormulaType kind) const {
  // Each element: json_each's value on SQLite, its text on PostgreSQL.
  const auto element = [&](const char* postgresType) {
    return pick("e.value", "CAST(e.v AS " + std::string(postgresType) + ")");
  };
  std::string text = pick("e.value", "e.v");
  switch (kind) {
    case FormulaType::Number:
      text = numberText(element("DOUBLE PRECISION"));
      break;
    case FormulaType::Date:
      text = dateText(element("BIGINT"));
      break;
    case FormulaType::Boolean:
      text = "CASE WHEN " + element("INTEGER") + " <> 0 THEN 'true' ELSE 'false' END";
      break;
    case FormulaType::Text:
      break;
  }
  return pick("(SELECT group_concat(" + text + ", ', ') FROM json_each(" + column + ") e)",
              "(SELECT string_agg(" + text +
                  ", ', ' ORDER BY e.n) FROM jsonb_array_elements_text(CAST(" + column +
                  " AS jsonb)) WITH ORDINALITY AS e(v, n))");
}

std::string FormulaSql::joinedUserNames(const std::string& column) const {
  return pick(
      "(SELECT group_concat(l.name, ', ') FROM (SELECT COALESCE(u.name, '') AS name "
      "FROM json_each(" +
          column + ") e LEFT JOIN users u ON u.id = e.value ORDER BY e.key) l)",
      "(SELECT string_agg(COALESCE(u.name, ''), ', ' ORDER BY e.n) FROM "
      "jsonb_array_elements_text(CAST(" +
          column + " AS jsonb)) WITH ORDINALITY AS e(v, n) LEFT JOIN users u ON u.id = e.v)");
}

std::string FormulaSql::userName(const std::string& column) const {
  return "(SELECT u.name FROM users u WHERE u.id = " + column + ")";
}

}  // namespace tessera::features
