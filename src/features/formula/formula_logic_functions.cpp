// Logic functions: IF, SWITCH, AND, OR, XOR, NOT, TRUE, FALSE, BLANK,
// ISBLANK, IS_EMPTY, ERROR, ISERROR, IFERROR, and RECORD_ID. Tessera has
// no separate error value: what has no answer (a division by zero, the
// square root of a negative number, a date out of range) is blank, so
// ERROR() is blank and ISERROR and IFERROR test for blank.
#include "features/formula/formula_families.h"

namespace tessera::features::formula_families {
namespace {

// CASE WHEN <conditions[i]> THEN <results[i]> ... ELSE <otherwise> END
// with the results in their common type.
TypedSql choice(C& c, const Node& node, const std::vector<std::string>& conditions,
                const std::vector<TypedSql>& results, const TypedSql& otherwise) {
  std::vector<TypedSql> all = results;
  all.push_back(otherwise);
  const FormulaType type = C::commonType(all);
  bool blank = true;
  for (const TypedSql& value : all) blank = blank && value.blank;
  if (blank) return {"NULL", FormulaType::Text, true};
  std::string sql = "(CASE";
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    sql += " WHEN " + conditions[i] + " THEN " + c.convert(results[i], type, node);
  }
  return {sql + " ELSE " + c.convert(otherwise, type, node) + " END)", type};
}

const TypedSql kBlank{"NULL", FormulaType::Text, true};

TypedSql ifFunction(C& c, const Node& node) {
  const std::string condition = c.condition(node.children.at(0));
  const TypedSql then = c.value(node.children.at(1));
  const TypedSql otherwise = node.children.size() > 2 ? c.value(node.children[2]) : kBlank;
  return choice(c, node, {condition}, {then}, otherwise);
}

TypedSql switchFunction(C& c, const Node& node) {
  const TypedSql subject = c.value(node.children.at(0));
  std::vector<std::string> conditions;
  std::vector<TypedSql> results;
  std::size_t i = 1;
  for (; i + 1 < node.children.size(); i += 2) {
    conditions.push_back(c.compare("=", subject, c.value(node.children[i]), node.children[i]));
    results.push_back(c.value(node.children[i + 1]));
  }
  const TypedSql otherwise = i < node.children.size() ? c.value(node.children[i]) : kBlank;
  return choice(c, node, conditions, results, otherwise);
}

TypedSql joined(C& c, const Node& node, std::string_view joiner) {
  std::string sql = "(";
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    sql += (i ? std::string(joiner) : "") + c.condition(node.children[i]);
  }
  return booleanValue(sql + ")");
}

TypedSql andFunction(C& c, const Node& node) { return joined(c, node, " AND "); }
TypedSql orFunction(C& c, const Node& node) { return joined(c, node, " OR "); }

TypedSql xorFunction(C& c, const Node& node) {
  std::string trues = "(";
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    trues += (i ? " + " : "") + C::booleanOf(c.condition(node.children[i]));
  }
  return booleanValue(trues + ") % 2 = 1");
}

TypedSql notFunction(C& c, const Node& node) {
  return booleanValue("NOT " + c.condition(node.children.at(0)));
}

TypedSql trueFunction(C&, const Node&) { return {"1", FormulaType::Boolean}; }
TypedSql falseFunction(C&, const Node&) { return {"0", FormulaType::Boolean}; }
TypedSql blankFunction(C&, const Node&) { return kBlank; }

TypedSql isBlankFunction(C& c, const Node& node) {
  return booleanValue(c.isBlank(c.value(node.children.at(0))));
}

TypedSql ifErrorFunction(C& c, const Node& node) {
  const TypedSql value = c.value(node.children.at(0));
  return choice(c, node, {"NOT " + c.isBlank(value)}, {value}, c.value(node.children.at(1)));
}

TypedSql recordId(C& c, const Node&) { return {c.recordColumn("__id"), FormulaType::Text}; }

}  // namespace

std::vector<FormulaFunction> logicFunctions() {
  return {
      {"IF", "IF(condition, value if true, [value if false])",
       "One value or the other; blank when the condition fails and no other is given.", 2, 3,
       ifFunction},
      {"SWITCH", "SWITCH(value, pattern, result, ..., [default])",
       "The result of the first pattern equal to value, else the default (or blank).", 3,
       kAnyNumberOfArguments, switchFunction},
      {"AND", "AND(condition, ...)", "True when every condition is.", 1, kAnyNumberOfArguments,
       andFunction},
      {"OR", "OR(condition, ...)", "True when any condition is.", 1, kAnyNumberOfArguments,
       orFunction},
      {"XOR", "XOR(condition, ...)", "True when an odd number of conditions are.", 1,
       kAnyNumberOfArguments, xorFunction},
      {"NOT", "NOT(condition)", "True when the condition is not.", 1, 1, notFunction},
      {"TRUE", "TRUE()", "True (1).", 0, 0, trueFunction},
      {"FALSE", "FALSE()", "False (0).", 0, 0, falseFunction},
      {"BLANK", "BLANK()", "A blank value.", 0, 0, blankFunction},
      {"ERROR", "ERROR()", "A blank value (errors are blank in Tessera).", 0, 0, blankFunction},
      {"ISBLANK", "ISBLANK(value)", "True when the value is blank (or empty text).", 1, 1,
       isBlankFunction},
      {"IS_EMPTY", "IS_EMPTY(value)", "The same as ISBLANK.", 1, 1, isBlankFunction},
      {"ISERROR", "ISERROR(value)", "True when the value is blank, which is what an error gives.",
       1, 1, isBlankFunction},
      {"IFERROR", "IFERROR(value, fallback)", "The value, or the fallback when it is blank.", 2, 2,
       ifErrorFunction},
      {"RECORD_ID", "RECORD_ID()", "The record's id (rec...).", 0, 0, recordId},
  };
}

}  // namespace tessera::features::formula_families
