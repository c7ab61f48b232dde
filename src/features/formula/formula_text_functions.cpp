// Text functions: CONCATENATE, LEFT, RIGHT, MID, LEN, LOWER, UPPER, TRIM,
// SUBSTITUTE, FIND, SEARCH, REPLACE, T, REGEX_MATCH, VALUE. Positions count
// characters from 1.
#include "features/formula/formula_families.h"
#include "features/formula/formula_regex.h"

namespace tessera::features::formula_families {
namespace {

TypedSql concatenate(C& c, const Node& node) {
  std::string sql = "(";
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    sql += (i ? " || " : "") + c.textOrEmpty(node.children[i]);
  }
  return textOf(sql + ")");
}

TypedSql left(C& c, const Node& node) {
  const std::string n = c.sql().count(c.number(node.children.at(1)));
  return textOf("(CASE WHEN " + n + " <= 0 THEN '' ELSE substr(" + c.textOrEmpty(node.children[0]) +
                ", 1, " + n + ") END)");
}

TypedSql right(C& c, const Node& node) {
  const std::string s = c.textOrEmpty(node.children[0]);
  const std::string n = c.sql().count(c.number(node.children.at(1)));
  return textOf("(CASE WHEN " + n + " <= 0 THEN '' WHEN " + n + " >= length(" + s + ") THEN " + s +
                " ELSE substr(" + s + ", length(" + s + ") - " + n + " + 1) END)");
}

TypedSql mid(C& c, const Node& node) {
  const std::string start = c.sql().count(c.number(node.children.at(1)));
  const std::string length = c.sql().count(c.number(node.children.at(2)));
  return textOf("(CASE WHEN " + start + " < 1 OR " + length + " <= 0 THEN '' ELSE substr(" +
                c.textOrEmpty(node.children[0]) + ", " + start + ", " + length + ") END)");
}

TypedSql len(C& c, const Node& node) {
  return numberOf("CAST(length(" + c.textOrEmpty(node.children.at(0)) + ") AS DOUBLE PRECISION)");
}

TypedSql lower(C& c, const Node& node) {
  return textOf(c.sql().lower(c.text(node.children.at(0))));
}

TypedSql upper(C& c, const Node& node) {
  return textOf(c.sql().upper(c.text(node.children.at(0))));
}

TypedSql trim(C& c, const Node& node) {
  return textOf("trim(" + c.text(node.children.at(0)) + ")");
}

TypedSql substitute(C& c, const Node& node) {
  return textOf("replace(" + c.text(node.children.at(0)) + ", " + c.textOrEmpty(node.children[1]) +
                ", " + c.textOrEmpty(node.children.at(2)) + ")");
}

// The 1-based position of `needle` in `haystack` from `start` on, or 0.
std::string positionFrom(C& c, const Node& node, bool ignoreCase) {
  std::string needle = c.textOrEmpty(node.children.at(0));
  std::string haystack = c.textOrEmpty(node.children.at(1));
  if (ignoreCase) {
    needle = c.sql().lower(needle);
    haystack = c.sql().lower(haystack);
  }
  if (node.children.size() < 3) return c.sql().position(haystack, needle);
  const std::string start = "(CASE WHEN " + c.sql().count(c.number(node.children[2])) +
                            " < 1 THEN 1 ELSE " + c.sql().count(c.number(node.children[2])) +
                            " END)";
  const std::string found = c.sql().position("substr(" + haystack + ", " + start + ")", needle);
  return "(CASE WHEN " + found + " = 0 THEN 0 ELSE " + found + " + " + start + " - 1 END)";
}

TypedSql find(C& c, const Node& node) {
  return numberOf("CAST(" + positionFrom(c, node, false) + " AS DOUBLE PRECISION)");
}

TypedSql search(C& c, const Node& node) {
  return numberOf("CAST(NULLIF(" + positionFrom(c, node, true) + ", 0) AS DOUBLE PRECISION)");
}

TypedSql replace(C& c, const Node& node) {
  const std::string s = c.textOrEmpty(node.children.at(0));
  const std::string start = "(CASE WHEN " + c.sql().count(c.number(node.children.at(1))) +
                            " < 1 THEN 1 ELSE " + c.sql().count(c.number(node.children[1])) +
                            " END)";
  const std::string length = "(CASE WHEN " + c.sql().count(c.number(node.children.at(2))) +
                             " < 0 THEN 0 ELSE " + c.sql().count(c.number(node.children[2])) +
                             " END)";
  return textOf("(substr(" + s + ", 1, " + start + " - 1) || " +
                c.textOrEmpty(node.children.at(3)) + " || substr(" + s + ", " + start + " + " +
                length + "))");
}

TypedSql textOnly(C& c, const Node& node) {
  const TypedSql value = c.value(node.children.at(0));
  return textOf(value.type == FormulaType::Text && !value.blank ? value.sql : "CAST(NULL AS TEXT)");
}

// The pattern is a literal, checked and rewritten here (formula_regex.h),
// so that both backends read it alike; a blank text is matched as "".
TypedSql regexMatch(C& c, const Node& node) {
  const Node& patternNode = node.children.at(1);
  const auto pattern = portableRegex(c.literalText(patternNode, "pattern"));
  if (const auto* error = std::get_if<RegexError>(&pattern)) {
    C::fail(patternNode, "The pattern cannot be used: " + error->message + " (character " +
                             std::to_string(error->position) + " of the pattern)");
  }
  return booleanValue(c.sql().regexMatch(c.textOrEmpty(node.children.at(0)),
                                         c.sql().textLiteral(std::get<std::string>(pattern))));
}

TypedSql value(C& c, const Node& node) {
  return numberOf(c.sql().numberFromText(c.textOrEmpty(node.children.at(0))));
}

}  // namespace

std::vector<FormulaFunction> textFunctions() {
  return {
      {"CONCATENATE", "CONCATENATE(text, ...)", "Joins its arguments into one text.", 1,
       kAnyNumberOfArguments, concatenate},
      {"LEFT", "LEFT(text, count)", "The first count characters.", 2, 2, left},
      {"RIGHT", "RIGHT(text, count)", "The last count characters.", 2, 2, right},
      {"MID", "MID(text, start, count)", "count characters from position start (from 1).", 3, 3,
       mid},
      {"LEN", "LEN(text)", "The number of characters.", 1, 1, len},
      {"LOWER", "LOWER(text)", "The text with A-Z made lowercase.", 1, 1, lower},
      {"UPPER", "UPPER(text)", "The text with a-z made uppercase.", 1, 1, upper},
      {"TRIM", "TRIM(text)", "The text without spaces at its start and end.", 1, 1, trim},
      {"SUBSTITUTE", "SUBSTITUTE(text, old, new)", "Every occurrence of old replaced by new.", 3, 3,
       substitute},
      {"FIND", "FIND(needle, text, [start])",
       "The position of needle in text (case matters), or 0.", 2, 3, find},
      {"SEARCH", "SEARCH(needle, text, [start])",
       "The position of needle in text ignoring case, or blank.", 2, 3, search},
      {"REPLACE", "REPLACE(text, start, count, new)",
       "count characters from position start replaced by new.", 4, 4, replace},
      {"T", "T(value)", "The value when it is text, else blank.", 1, 1, textOnly},
      {"VALUE", "VALUE(text)",
       "The number the text writes (\"1,200.50\" is 1200.5, \"-3e2\" is -300), or blank.", 1, 1,
       value},
      {"REGEX_MATCH", "REGEX_MATCH(text, \"pattern\")",
       "True when the regular expression (written in quotes) matches part of the text.", 2, 2,
       regexMatch},
  };
}

}  // namespace tessera::features::formula_families
