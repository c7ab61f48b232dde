#include "features/formula/formula_compiler.h"

#include <algorithm>

#include "features/formula/formula_functions.h"
#include "features/formula/formula_lexer.h"

namespace tessera::features {
namespace {

// Thrown inside the compiler only; compileFormula returns it as a value.
struct CompileFailure {
  FormulaError error;
};

std::string argumentCountText(const FormulaFunction& function) {
  const auto plural = [](std::size_t n) {
    return std::to_string(n) + (n == 1 ? " argument" : " arguments");
  };
  if (function.maxArguments == kAnyNumberOfArguments) {
    return "at least " + plural(function.minArguments);
  }
  if (function.minArguments == function.maxArguments) {
    return function.minArguments == 0 ? "no arguments" : plural(function.minArguments);
  }
  if (function.maxArguments == function.minArguments + 1) {
    return std::to_string(function.minArguments) + " or " + plural(function.maxArguments);
  }
  return std::to_string(function.minArguments) + " to " + plural(function.maxArguments);
}

std::string describe(const TypedSql& value) {
  return value.blank ? "blank" : "a " + std::string(formulaTypeName(value.type));
}

}  // namespace

FormulaCompiler::FormulaCompiler(const FormulaScope& scope) : scope_(scope), sql_(scope.dialect) {}

void FormulaCompiler::fail(const FormulaNode& node, const std::string& message) {
  throw CompileFailure{{node.position, message + " at " + std::to_string(node.position) + "."}};
}

TypedSql FormulaCompiler::value(const FormulaNode& node) {
  TypedSql result = build(node);
  // Checked at every node, so that repeated parts cannot grow the SQL
  // beyond a few times the limit before the formula is refused.
  if (result.sql.size() > kMaxFormulaSqlLength) {
    fail(node,
         "The formula is too complex to compute (it repeats the fields or formulas it uses "
         "too often)");
  }
  return result;
}

TypedSql FormulaCompiler::build(const FormulaNode& node) {
  switch (node.kind) {
    case FormulaNode::Kind::Number:
      return {sql_.numberLiteral(node.number), FormulaType::Number};
    case FormulaNode::Kind::Text:
      return {sql_.textLiteral(node.text), FormulaType::Text};
    case FormulaNode::Kind::Field:
      return field(node);
    case FormulaNode::Kind::Negate:
      return {"(-" + numberOrZero(node.children.at(0)) + ")", FormulaType::Number};
    case FormulaNode::Kind::Binary:
      return binary(node);
    case FormulaNode::Kind::Call:
      return call(node);
  }
  fail(node, "Unknown expression");
}

TypedSql FormulaCompiler::field(const FormulaNode& node) {
  const FormulaField* field = scope_.field ? scope_.field(node.text) : nullptr;
  if (!field) fail(node, "The field " + writeFieldReference(node.text) + " no longer exists");
  if (std::find(fieldIds_.begin(), fieldIds_.end(), field->id) == fieldIds_.end()) {
    fieldIds_.push_back(field->id);
  }
  return {"(" + field->sql + ")", field->type};
}

TypedSql FormulaCompiler::binary(const FormulaNode& node) {
  const FormulaNode& left = node.children.at(0);
  const FormulaNode& right = node.children.at(1);
  const std::string& op = node.text;
  if (op == "&") {
    return {"(" + textOrEmpty(left) + " || " + textOrEmpty(right) + ")", FormulaType::Text};
  }
  if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%") {
    const std::string a = numberOrZero(left), b = numberOrZero(right);
    const std::string sql = op == "+"   ? sql_.add(a, b)
                            : op == "-" ? sql_.subtract(a, b)
                            : op == "*" ? sql_.multiply(a, b)
                            : op == "/" ? sql_.divide(a, b)
                                        : sql_.modulo(a, b);
    return {sql, FormulaType::Number};
  }
  return {booleanOf(compare(op, value(left), value(right), node)), FormulaType::Boolean};
}

TypedSql FormulaCompiler::call(const FormulaNode& node) {
  const FormulaFunction* function = findFormulaFunction(node.text);
  if (!function) fail(node, "Unknown function " + node.text);
  const std::size_t given = node.children.size();
  if (given < function->minArguments || given > function->maxArguments) {
    fail(node, std::string(function->name) + " expects " + argumentCountText(*function) + ", not " +
                   std::to_string(given));
  }
  return function->compile(*this, node);
}

std::string FormulaCompiler::convert(const TypedSql& value, FormulaType type,
                                     const FormulaNode& node) {
  if (value.blank) return sql_.nullOf(type);
  if (value.type == type) return value.sql;
  switch (type) {
    case FormulaType::Number:
      if (value.type == FormulaType::Boolean) return "CAST(" + value.sql + " AS DOUBLE PRECISION)";
      break;
    case FormulaType::Text:
      switch (value.type) {
        case FormulaType::Number:
          return sql_.numberText(value.sql);
        case FormulaType::Boolean:
          return "(CASE " + value.sql + " WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)";
        case FormulaType::Date:
          return sql_.dateText(value.sql);
        case FormulaType::Text:
          return value.sql;
      }
      break;
    case FormulaType::Boolean:
      return booleanOf(conditionOf(value));
    case FormulaType::Date:
      break;
  }
  fail(node, "Expected " + std::string(type == FormulaType::Number ? "a number" : "a date") +
                 " here, not " + describe(value));
}

std::string FormulaCompiler::number(const FormulaNode& node) {
  return convert(value(node), FormulaType::Number, node);
}

std::string FormulaCompiler::numberOrZero(const FormulaNode& node) {
  return "COALESCE(" + number(node) + ", 0)";
}

std::string FormulaCompiler::text(const FormulaNode& node) {
  return convert(value(node), FormulaType::Text, node);
}

std::string FormulaCompiler::textOrEmpty(const FormulaNode& node) {
  return "COALESCE(" + text(node) + ", '')";
}

std::string FormulaCompiler::date(const FormulaNode& node) {
  return convert(value(node), FormulaType::Date, node);
}

std::string FormulaCompiler::condition(const FormulaNode& node) { return conditionOf(value(node)); }

FormulaType FormulaCompiler::commonType(const std::vector<TypedSql>& values) {
  std::vector<FormulaType> types;
  for (const TypedSql& value : values) {
    if (!value.blank) types.push_back(value.type);
  }
  if (types.empty()) return FormulaType::Text;
  const auto all = [&](auto predicate) {
    return std::all_of(types.begin(), types.end(), predicate);
  };
  if (all([&](FormulaType type) { return type == types.front(); })) return types.front();
  if (all([](FormulaType type) {
        return type == FormulaType::Number || type == FormulaType::Boolean;
      })) {
    return FormulaType::Number;
  }
  return FormulaType::Text;
}

std::string FormulaCompiler::isBlank(const TypedSql& value) const {
  if (value.blank) return "TRUE";
  if (value.type == FormulaType::Text) return "(COALESCE(" + value.sql + ", '') = '')";
  return "(" + value.sql + " IS NULL)";
}

std::string FormulaCompiler::conditionOf(const TypedSql& value) const {
  if (value.blank) return "FALSE";
  switch (value.type) {
    case FormulaType::Number:
    case FormulaType::Boolean:
      return "(COALESCE(" + value.sql + ", 0) <> 0)";
    case FormulaType::Text:
      return "(COALESCE(" + value.sql + ", '') <> '')";
    case FormulaType::Date:
      return "(" + value.sql + " IS NOT NULL)";
  }
  return "FALSE";
}

std::string FormulaCompiler::booleanOf(const std::string& predicate) {
  return "(CASE WHEN " + predicate + " THEN 1 ELSE 0 END)";
}

std::string FormulaCompiler::compare(std::string_view op, const TypedSql& a, const TypedSql& b,
                                     const FormulaNode& node) {
  const bool equality = op == "=" || op == "!=";
  if (a.blank || b.blank) {
    if (!equality) return "FALSE";
    const std::string blank = a.blank && b.blank ? "TRUE" : isBlank(a.blank ? b : a);
    return op == "=" ? blank : "(NOT " + blank + ")";
  }
  const std::string sqlOp = op == "!=" ? "<>" : std::string(op);
  if (a.type == FormulaType::Date || b.type == FormulaType::Date) {
    if (a.type != b.type) {
      fail(node, "A date can only be compared with another date, not " +
                     describe(a.type == FormulaType::Date ? b : a));
    }
    if (equality) {
      const std::string same = "(" + sql_.same(a.sql, b.sql) + ")";
      return op == "=" ? same : "(NOT " + same + ")";
    }
    return "COALESCE(" + a.sql + " " + sqlOp + " " + b.sql + ", FALSE)";
  }
  if (a.type == FormulaType::Text || b.type == FormulaType::Text) {
    return "(" + sql_.bytewise("COALESCE(" + convert(a, FormulaType::Text, node) + ", '')") + " " +
           sqlOp + " " +
           sql_.bytewise("COALESCE(" + convert(b, FormulaType::Text, node) + ", '')") + ")";
  }
  return "(COALESCE(" + convert(a, FormulaType::Number, node) + ", 0) " + sqlOp + " COALESCE(" +
         convert(b, FormulaType::Number, node) + ", 0))";
}

std::string FormulaCompiler::literalText(const FormulaNode& node, std::string_view what) {
  if (node.kind != FormulaNode::Kind::Text) {
    fail(node, "The " + std::string(what) + " must be written as text in quotes");
  }
  return node.text;
}

std::string FormulaCompiler::recordColumn(std::string_view column) const {
  return scope_.recordQualifier + std::string(column);
}

std::variant<CompiledFormula, FormulaError> compileFormula(const FormulaNode& root,
                                                           const FormulaScope& scope) {
  try {
    FormulaCompiler compiler(scope);
    TypedSql result = compiler.value(root);
    if (scope.resultType && !result.blank) {
      result = {compiler.convert(result, *scope.resultType, root), *scope.resultType};
    }
    CompiledFormula compiled;
    compiled.type = result.blank ? scope.resultType.value_or(FormulaType::Text) : result.type;
    // Empty text is blank, as it is in a text field.
    compiled.sql = result.blank                         ? compiler.sql().nullOf(compiled.type)
                   : compiled.type == FormulaType::Text ? "NULLIF(" + result.sql + ", '')"
                                                        : result.sql;
    compiled.fieldIds = compiler.fieldIds();
    compiled.usesNow = compiler.usesNow();
    return compiled;
  } catch (const CompileFailure& failure) {
    return failure.error;
  }
}

}  // namespace tessera::features
