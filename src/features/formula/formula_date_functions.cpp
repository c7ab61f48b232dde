// Date functions: TODAY, NOW, DATEADD, DATETIME_DIFF, DATETIME_FORMAT,
// YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, WEEKDAY, IS_BEFORE, IS_AFTER,
// IS_SAME, CREATED_TIME, LAST_MODIFIED_TIME. Dates are UTC; units and
// formats are written as text in quotes.
#include <array>

#include "common/ascii.h"
#include "features/formula/formula_families.h"

namespace tessera::features::formula_families {
namespace {

struct UnitName {
  std::string_view longName;   // also plural with "s", any case
  std::string_view shortName;  // exact case, as moment.js writes it
  std::int64_t millis;         // 0 for calendar units
  int months;
};

constexpr UnitName kSeconds{"second", "s", 1000, 0};  // DATETIME_DIFF's default

constexpr std::array kUnits = {
    UnitName{"millisecond", "ms", 1, 0}, kSeconds,
    UnitName{"minute", "m", 60000, 0},   UnitName{"hour", "h", 3600000, 0},
    UnitName{"day", "d", 86400000, 0},   UnitName{"week", "w", 604800000, 0},
    UnitName{"month", "M", 0, 1},        UnitName{"quarter", "Q", 0, 3},
    UnitName{"year", "y", 0, 12},
};

const UnitName& unitOf(C& c, const Node& node) {
  const std::string written = c.literalText(node, "unit");
  const std::string lowered = lowerAscii(written);
  for (const UnitName& unit : kUnits) {
    if (written == unit.shortName || lowered == unit.longName ||
        lowered == std::string(unit.longName) + "s") {
      return unit;
    }
  }
  C::fail(node, "Unknown unit \"" + written +
                    "\": use milliseconds, seconds, minutes, hours, days, weeks, months, "
                    "quarters or years");
}

// A whole number within ±limit (a double).
std::string wholeWithin(const std::string& x, std::string_view limit) {
  const std::string l(limit);
  return "(CASE WHEN " + x + " > " + l + " THEN " + l + " WHEN " + x + " < -" + l + " THEN -" + l +
         " ELSE TRUNC(" + x + ") END)";
}

TypedSql dateAdd(C& c, const Node& node) {
  const std::string date = "(" + c.date(node.children.at(0)) + ")";
  const std::string count = c.numberOrZero(node.children.at(1));
  const UnitName& unit = unitOf(c, node.children.at(2));
  if (unit.millis > 0) {
    return dateOf(c.sql().dateFromMillis("CAST(" + date + " AS DOUBLE PRECISION) + " +
                                         wholeWithin(count, "1e15") + " * " +
                                         std::to_string(unit.millis)));
  }
  // Whole months within the dates a formula has (0001-01 to 9999-12):
  // checked before the move, which PostgreSQL could not make outside them.
  const std::string months =
      "CAST(" +
      wholeWithin(wholeWithin(count, "120000") + " * " + std::to_string(unit.months), "120000") +
      " AS INTEGER)";
  const std::string target =
      "(" + c.sql().year(date) + " * 12 + " + c.sql().month(date) + " - 1 + " + months + ")";
  return dateOf("(CASE WHEN " + target + " BETWEEN 12 AND 119999 THEN " +
                c.sql().dateFromMillis(c.sql().addMonths(date, months)) + " END)");
}

TypedSql dateDiff(C& c, const Node& node) {
  const std::string a = "(" + c.date(node.children.at(0)) + ")";
  const std::string b = "(" + c.date(node.children.at(1)) + ")";
  const UnitName& unit = node.children.size() > 2 ? unitOf(c, node.children[2]) : kSeconds;
  if (unit.millis > 0) {
    return numberOf("CAST((" + a + " - " + b + ") / " + std::to_string(unit.millis) +
                    " AS DOUBLE PRECISION)");
  }
  const FormulaSql& sql = c.sql();
  const std::string months = "((" + sql.year(a) + " - " + sql.year(b) + ") * 12 + " + sql.month(a) +
                             " - " + sql.month(b) + ")";
  const std::string intoA = "(" + a + " - " + sql.startOfMonth(a) + ")";
  const std::string intoB = "(" + b + " - " + sql.startOfMonth(b) + ")";
  // Whole months: one fewer when the later date is less far into its month.
  const std::string whole = "(CASE WHEN " + months + " > 0 AND " + intoA + " < " + intoB +
                            " THEN " + months + " - 1 WHEN " + months + " < 0 AND " + intoA +
                            " > " + intoB + " THEN " + months + " + 1 ELSE " + months + " END)";
  return numberOf("CAST(" + whole + " / " + std::to_string(unit.months) + " AS DOUBLE PRECISION)");
}

std::string caseOf(const std::string& number, std::initializer_list<std::string_view> names,
                   int first) {
  std::string sql = "(CASE " + number;
  int value = first;
  for (const std::string_view name : names) {
    sql += " WHEN " + std::to_string(value++) + " THEN '" + std::string(name) + "'";
  }
  return sql + " END)";
}

std::string weekdayNumber(const FormulaSql& sql, const std::string& date) {
  // 1970-01-01, day 0, was a Thursday (4); Sunday is 0.
  const std::string days = "((" + date + " - " + sql.millisOfDay(date) + ") / 86400000)";
  return "((" + days + " % 7 + 7 + 4) % 7)";
}

// The SQL text of one DATETIME_FORMAT token (as moment.js spells it), or
// empty when `token` is not one.
std::string formatToken(const FormulaSql& sql, const std::string& date, std::string_view token) {
  const std::string ms = sql.millisOfDay(date);
  const std::string hour = "(" + ms + " / 3600000)";
  const auto text = [](const std::string& number) { return "CAST(" + number + " AS TEXT)"; };
  if (token == "YYYY") return sql.padded(sql.year(date), 4);
  if (token == "YY") return sql.padded("(" + sql.year(date) + " % 100)", 2);
  if (token == "Q") return text("((" + sql.month(date) + " + 2) / 3)");
  if (token == "MMMM") {
    return caseOf(sql.month(date),
                  {"January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"},
                  1);
  }
  if (token == "MMM") {
    return caseOf(
        sql.month(date),
        {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}, 1);
  }
  if (token == "MM") return sql.padded(sql.month(date), 2);
  if (token == "M") return text(sql.month(date));
  if (token == "DD") return sql.padded(sql.day(date), 2);
  if (token == "D") return text(sql.day(date));
  if (token == "dddd") {
    return caseOf(weekdayNumber(sql, date),
                  {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
                  0);
  }
  if (token == "ddd") {
    return caseOf(weekdayNumber(sql, date), {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}, 0);
  }
  if (token == "d") return text(weekdayNumber(sql, date));
  if (token == "HH") return sql.padded(hour, 2);
  if (token == "H") return text(hour);
  if (token == "hh") return sql.padded("((" + hour + " + 11) % 12 + 1)", 2);
  if (token == "h") return text("((" + hour + " + 11) % 12 + 1)");
  if (token == "mm") return sql.padded("(" + ms + " / 60000 % 60)", 2);
  if (token == "m") return text("(" + ms + " / 60000 % 60)");
  if (token == "ss") return sql.padded("(" + ms + " / 1000 % 60)", 2);
  if (token == "s") return text("(" + ms + " / 1000 % 60)");
  if (token == "SSS") return sql.padded("(" + ms + " % 1000)", 3);
  if (token == "A") return "(CASE WHEN " + hour + " < 12 THEN 'AM' ELSE 'PM' END)";
  if (token == "a") return "(CASE WHEN " + hour + " < 12 THEN 'am' ELSE 'pm' END)";
  if (token == "x") return text(date);
  if (token == "X") return text("((" + date + " - (" + date + " % 1000 + 1000) % 1000) / 1000)");
  if (token == "Z") return "'+00:00'";
  if (token == "ZZ") return "'+0000'";
  return "";
}

bool isLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

TypedSql dateFormat(C& c, const Node& node) {
  const std::string date = "(" + c.date(node.children.at(0)) + ")";
  if (node.children.size() < 2) return textOf(c.sql().dateText(date));
  const std::string format = c.literalText(node.children[1], "format");
  std::string sql;
  std::string literal;
  const auto flushLiteral = [&] {
    if (literal.empty()) return;
    sql += (sql.empty() ? "" : " || ") + c.sql().textLiteral(literal);
    literal.clear();
  };
  for (std::size_t i = 0; i < format.size();) {
    if (format[i] == '[') {  // [text] is written as it is
      const std::size_t close = format.find(']', i);
      if (close == std::string::npos) C::fail(node.children[1], "The format has a '[' without ']'");
      literal += format.substr(i + 1, close - i - 1);
      i = close + 1;
      continue;
    }
    if (!isLetter(format[i])) {
      literal += format[i++];
      continue;
    }
    std::size_t end = i;
    while (end < format.size() && format[end] == format[i]) ++end;
    // The longest token that this run of one letter starts with.
    std::size_t length = end - i;
    std::string part;
    while (length > 0 && (part = formatToken(c.sql(), date, format.substr(i, length))).empty()) {
      --length;
    }
    if (part.empty()) {
      C::fail(node.children[1], "Unknown date format letter '" + std::string(1, format[i]) +
                                    "'; put text in [brackets]");
    }
    flushLiteral();
    sql += (sql.empty() ? "" : " || ") + part;
    i += length;
  }
  flushLiteral();
  if (sql.empty()) sql = "''";
  return textOf("(CASE WHEN " + date + " IS NOT NULL THEN " + sql + " END)");
}

TypedSql part(C& c, const Node& node,
              std::string (*extract)(const FormulaSql&, const std::string&)) {
  const std::string date = "(" + c.date(node.children.at(0)) + ")";
  return numberOf("CAST(" + extract(c.sql(), date) + " AS DOUBLE PRECISION)");
}

TypedSql year(C& c, const Node& node) {
  return part(c, node, [](const FormulaSql& sql, const std::string& d) { return sql.year(d); });
}
TypedSql month(C& c, const Node& node) {
  return part(c, node, [](const FormulaSql& sql, const std::string& d) { return sql.month(d); });
}
TypedSql day(C& c, const Node& node) {
  return part(c, node, [](const FormulaSql& sql, const std::string& d) { return sql.day(d); });
}
TypedSql hour(C& c, const Node& node) {
  return part(c, node, [](const FormulaSql& sql, const std::string& d) {
    return "(" + sql.millisOfDay(d) + " / 3600000)";
  });
}
TypedSql minute(C& c, const Node& node) {
  return part(c, node, [](const FormulaSql& sql, const std::string& d) {
    return "(" + sql.millisOfDay(d) + " / 60000 % 60)";
  });
}
TypedSql second(C& c, const Node& node) {
  return part(c, node, [](const FormulaSql& sql, const std::string& d) {
    return "(" + sql.millisOfDay(d) + " / 1000 % 60)";
  });
}
TypedSql weekday(C& c, const Node& node) {
  return part(c, node, [](const FormulaSql& sql, const std::string& d) {
    return "(CASE WHEN " + d + " IS NOT NULL THEN " + weekdayNumber(sql, d) + " END)";
  });
}

TypedSql compareDates(C& c, const Node& node, std::string_view op) {
  const TypedSql a{c.date(node.children.at(0)), FormulaType::Date};
  const TypedSql b{c.date(node.children.at(1)), FormulaType::Date};
  return {C::booleanOf(c.compare(op, a, b, node)), FormulaType::Boolean};
}

TypedSql isBefore(C& c, const Node& node) { return compareDates(c, node, "<"); }
TypedSql isAfter(C& c, const Node& node) { return compareDates(c, node, ">"); }
TypedSql isSame(C& c, const Node& node) { return compareDates(c, node, "="); }

TypedSql now(C& c, const Node&) {
  c.markUsesNow();
  return dateOf(c.sql().now());
}

TypedSql today(C& c, const Node&) {
  c.markUsesNow();
  const std::string now = c.sql().now();
  return dateOf("(" + now + " - " + c.sql().millisOfDay(now) + ")");
}

TypedSql createdTime(C& c, const Node&) { return dateOf(c.recordColumn("__created_at")); }
TypedSql modifiedTime(C& c, const Node&) { return dateOf(c.recordColumn("__updated_at")); }

}  // namespace

std::vector<FormulaFunction> dateFunctions() {
  return {
      {"TODAY", "TODAY()", "Midnight (UTC) of the current day.", 0, 0, today},
      {"NOW", "NOW()", "The current date and time.", 0, 0, now},
      {"DATEADD", "DATEADD(date, count, 'unit')",
       "The date moved by count whole units (days, months, ...).", 3, 3, dateAdd},
      {"DATETIME_DIFF", "DATETIME_DIFF(date1, date2, ['unit'])",
       "date1 - date2 in whole units (seconds by default), toward zero.", 2, 3, dateDiff},
      {"DATETIME_FORMAT", "DATETIME_FORMAT(date, ['format'])",
       "The date as text, e.g. 'YYYY-MM-DD HH:mm' (ISO 8601 by default).", 1, 2, dateFormat},
      {"YEAR", "YEAR(date)", "The year.", 1, 1, year},
      {"MONTH", "MONTH(date)", "The month, 1 to 12.", 1, 1, month},
      {"DAY", "DAY(date)", "The day of the month, 1 to 31.", 1, 1, day},
      {"HOUR", "HOUR(date)", "The hour, 0 to 23.", 1, 1, hour},
      {"MINUTE", "MINUTE(date)", "The minute, 0 to 59.", 1, 1, minute},
      {"SECOND", "SECOND(date)", "The second, 0 to 59.", 1, 1, second},
      {"WEEKDAY", "WEEKDAY(date)", "The day of the week, 0 (Sunday) to 6.", 1, 1, weekday},
      {"IS_BEFORE", "IS_BEFORE(date1, date2)", "True when date1 is earlier than date2.", 2, 2,
       isBefore},
      {"IS_AFTER", "IS_AFTER(date1, date2)", "True when date1 is later than date2.", 2, 2, isAfter},
      {"IS_SAME", "IS_SAME(date1, date2)", "True when both are the same moment (or both blank).", 2,
       2, isSame},
      {"CREATED_TIME", "CREATED_TIME()", "When the record was created.", 0, 0, createdTime},
      {"LAST_MODIFIED_TIME", "LAST_MODIFIED_TIME()", "When the record was last changed.", 0, 0,
       modifiedTime},
  };
}

}  // namespace tessera::features::formula_families
