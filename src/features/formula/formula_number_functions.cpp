// Number functions: ROUND, ROUNDUP, ROUNDDOWN, INT, CEILING, FLOOR, ABS,
// SQRT, MOD, POWER, SUM, AVERAGE, MIN, MAX, COUNT, COUNTA, COUNTALL.
// Blank arguments count as 0 where a number is needed, and are left out by
// AVERAGE, MIN, MAX and the counts.
#include <algorithm>
#include <cmath>

#include "features/formula/formula_families.h"

namespace tessera::features::formula_families {
namespace {

// 10 to the power of the decimal places to round at (within -15..15, 0
// when left out): a literal when the places are.
std::string scaleOf(C& c, const Node& node) {
  if (node.children.size() < 2) return c.sql().numberLiteral(1);
  if (node.children[1].kind == FormulaNode::Kind::Number) {
    const double places = std::trunc(std::clamp(node.children[1].number, -15.0, 15.0));
    return c.sql().numberLiteral(std::pow(10.0, places));
  }
  const std::string d = c.sql().count(c.number(node.children[1]));
  return "POWER(" + c.sql().numberLiteral(10) + ", (CASE WHEN " + d + " > 15 THEN 15 WHEN " + d +
         " < -15 THEN -15 ELSE " + d + " END))";
}

// `x` rounded at `digits` decimal places by `step` (FLOOR or CEIL) applied
// to its magnitude, scaled and nudged by `nudge` (so that 2.3 * 10, which
// is 22.999999999999996, counts as the 23 it stands for). Magnitudes of
// 1e15 and more have no decimals left to round.
TypedSql rounded(C& c, const Node& node, std::string_view step, std::string_view nudge,
                 std::string_view add) {
  const std::string x = "(" + c.number(node.children.at(0)) + ")";
  const std::string scale = scaleOf(c, node);
  const std::string magnitude = "(" + std::string(step) + "(ABS(" + x + ") * " + scale + " * " +
                                std::string(nudge) + std::string(add) + ") / " + scale + ")";
  return numberOf("(CASE WHEN ABS(" + x + ") >= 1e15 THEN " + x + " WHEN " + x + " < 0 THEN -" +
                  magnitude + " ELSE " + magnitude + " END)");
}

TypedSql round(C& c, const Node& node) {
  return rounded(c, node, "FLOOR", "(1 + 4e-15)", " + 0.5");
}
TypedSql roundUp(C& c, const Node& node) { return rounded(c, node, "CEIL", "(1 - 4e-15)", ""); }
TypedSql roundDown(C& c, const Node& node) { return rounded(c, node, "FLOOR", "(1 + 4e-15)", ""); }

TypedSql integer(C& c, const Node& node) {
  return numberOf("FLOOR(" + c.number(node.children.at(0)) + ")");
}

// CEILING and FLOOR: to a multiple of the significance (1 when left out).
TypedSql toMultiple(C& c, const Node& node, std::string_view step) {
  const std::string x = c.number(node.children.at(0));
  if (node.children.size() < 2) return numberOf(std::string(step) + "(" + x + ")");
  const std::string significance = c.number(node.children[1]);
  return numberOf(c.sql().multiply(std::string(step) + "(" + c.sql().divide(x, significance) + ")",
                                   significance));
}

TypedSql ceiling(C& c, const Node& node) { return toMultiple(c, node, "CEIL"); }
TypedSql floor(C& c, const Node& node) { return toMultiple(c, node, "FLOOR"); }

TypedSql absolute(C& c, const Node& node) {
  return numberOf("ABS(" + c.number(node.children.at(0)) + ")");
}

TypedSql squareRoot(C& c, const Node& node) {
  const std::string x = "(" + c.number(node.children.at(0)) + ")";
  return numberOf("(CASE WHEN " + x + " < 0 THEN NULL ELSE SQRT(" + x + ") END)");
}

TypedSql modulo(C& c, const Node& node) {
  return numberOf(
      c.sql().modulo(c.numberOrZero(node.children.at(0)), c.numberOrZero(node.children.at(1))));
}

TypedSql power(C& c, const Node& node) {
  return numberOf(
      c.sql().power(c.numberOrZero(node.children.at(0)), c.numberOrZero(node.children.at(1))));
}

TypedSql sum(C& c, const Node& node) {
  std::string total = c.numberOrZero(node.children.at(0));
  for (std::size_t i = 1; i < node.children.size(); ++i) {
    total = c.sql().add(total, c.numberOrZero(node.children[i]));
  }
  return numberOf(total);
}

// "(CASE WHEN a IS NULL THEN 0 ELSE 1 END + ...)" over the arguments that
// `counts` accepts.
std::string nonBlankCount(C& c, const Node& node, bool (*counts)(const TypedSql&)) {
  std::string total;
  for (const Node& argument : node.children) {
    const TypedSql value = c.value(argument);
    total += total.empty() ? "(" : " + ";
    total += counts(value) ? "(CASE WHEN " + c.isBlank(value) + " THEN 0 ELSE 1 END)" : "0";
  }
  return total + ")";
}

bool isNumber(const TypedSql& value) {
  return !value.blank && (value.type == FormulaType::Number || value.type == FormulaType::Boolean);
}
bool isAnything(const TypedSql&) { return true; }

TypedSql average(C& c, const Node& node) {
  std::string total;
  for (const Node& argument : node.children) {
    total = total.empty() ? c.numberOrZero(argument) : c.sql().add(total, c.numberOrZero(argument));
  }
  return numberOf(c.sql().divide(
      total, "CAST(" + nonBlankCount(c, node, isAnything) + " AS DOUBLE PRECISION)"));
}

TypedSql extreme(C& c, const Node& node, bool greatest) {
  std::vector<std::string> values;
  for (const Node& argument : node.children) values.push_back(c.number(argument));
  return numberOf(c.sql().extreme(values, greatest));
}

TypedSql minimum(C& c, const Node& node) { return extreme(c, node, false); }
TypedSql maximum(C& c, const Node& node) { return extreme(c, node, true); }

TypedSql countNumbers(C& c, const Node& node) {
  return numberOf("CAST(" + nonBlankCount(c, node, isNumber) + " AS DOUBLE PRECISION)");
}

TypedSql countValues(C& c, const Node& node) {
  return numberOf("CAST(" + nonBlankCount(c, node, isAnything) + " AS DOUBLE PRECISION)");
}

TypedSql countAll(C& c, const Node& node) {
  for (const Node& argument : node.children) c.value(argument);  // checked like the others
  return numberOf(c.sql().numberLiteral(static_cast<double>(node.children.size())));
}

}  // namespace

std::vector<FormulaFunction> numberFunctions() {
  return {
      {"ROUND", "ROUND(number, [places])", "Rounded to places decimals, halves away from zero.", 1,
       2, round},
      {"ROUNDUP", "ROUNDUP(number, [places])", "Rounded away from zero to places decimals.", 1, 2,
       roundUp},
      {"ROUNDDOWN", "ROUNDDOWN(number, [places])", "Rounded toward zero to places decimals.", 1, 2,
       roundDown},
      {"INT", "INT(number)", "The greatest whole number not above number.", 1, 1, integer},
      {"CEILING", "CEILING(number, [significance])",
       "The least multiple of significance (1) not below number.", 1, 2, ceiling},
      {"FLOOR", "FLOOR(number, [significance])",
       "The greatest multiple of significance (1) not above number.", 1, 2, floor},
      {"ABS", "ABS(number)", "The number without its sign.", 1, 1, absolute},
      {"SQRT", "SQRT(number)", "The square root; blank for a negative number.", 1, 1, squareRoot},
      {"MOD", "MOD(number, divisor)", "The remainder, with the sign of number.", 2, 2, modulo},
      {"POWER", "POWER(base, exponent)", "base raised to exponent.", 2, 2, power},
      {"SUM", "SUM(number, ...)", "The sum.", 1, kAnyNumberOfArguments, sum},
      {"AVERAGE", "AVERAGE(number, ...)", "The mean of the values that are not blank.", 1,
       kAnyNumberOfArguments, average},
      {"MIN", "MIN(number, ...)", "The least value that is not blank.", 1, kAnyNumberOfArguments,
       minimum},
      {"MAX", "MAX(number, ...)", "The greatest value that is not blank.", 1, kAnyNumberOfArguments,
       maximum},
      {"COUNT", "COUNT(value, ...)", "How many arguments are numbers that are not blank.", 1,
       kAnyNumberOfArguments, countNumbers},
      {"COUNTA", "COUNTA(value, ...)", "How many arguments are not blank.", 1,
       kAnyNumberOfArguments, countValues},
      {"COUNTALL", "COUNTALL(value, ...)", "How many arguments there are, blank or not.", 1,
       kAnyNumberOfArguments, countAll},
  };
}

}  // namespace tessera::features::formula_families
