// Compiles a formula's syntax tree to one SQL expression of the backend in
// use, with its result type inferred, so that the database computes it:
// in the select list, and in filters, sorts and indexes like a column.
// Function calls are compiled by the catalogue (formula_functions.h),
// which uses the conversions this class offers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "features/formula/formula_sql.h"
#include "features/formula/formula_syntax.h"

namespace tessera::features {

// A field a formula may reference, with the SQL of its value in the
// formula's representation (formula_sql.h).
struct FormulaField {
  std::string id;
  std::string name;
  FormulaType type = FormulaType::Text;
  std::string sql;
};

struct FormulaScope {
  store::SqlDialect dialect = store::SqlDialect::Sqlite;
  // The field with this id, or nullptr when the table has none.
  std::function<const FormulaField*(std::string_view id)> field;
  // Put before the record's system columns (__id, __created_at, ...).
  std::string recordQualifier = "t.";
  // The type the result is converted to, when set (else it is inferred).
  std::optional<FormulaType> resultType;
};

struct CompiledFormula {
  std::string sql;
  FormulaType type = FormulaType::Text;
  std::vector<std::string> fieldIds;  // the fields it references, each once
  bool usesNow = false;               // NOW() or TODAY(): not deterministic, never indexed
};

// The SQL of `root`; or the first error, with its position: an unknown
// function, a wrong number or type of arguments, a deleted field, a result
// that cannot be converted to scope.resultType, SQL longer than
// kMaxFormulaSqlLength.
std::variant<CompiledFormula, FormulaError> compileFormula(const FormulaNode& root,
                                                           const FormulaScope& scope);

class FormulaCompiler {
 public:
  explicit FormulaCompiler(const FormulaScope& scope);

  TypedSql value(const FormulaNode& node);
  // A node's value converted; errors name the node when it cannot be.
  std::string number(const FormulaNode& node);  // nullable
  std::string numberOrZero(const FormulaNode& node);
  std::string text(const FormulaNode& node);  // nullable
  std::string textOrEmpty(const FormulaNode& node);
  std::string date(const FormulaNode& node);       // nullable
  std::string condition(const FormulaNode& node);  // a predicate, never NULL
  std::string convert(const TypedSql& value, FormulaType type, const FormulaNode& node);
  // The one type values of several branches share: equal types stay,
  // booleans join numbers, anything else joins as text; blanks join any.
  static FormulaType commonType(const std::vector<TypedSql>& values);

  // TRUE when `value` is blank (for text also when it is "").
  std::string isBlank(const TypedSql& value) const;
  std::string conditionOf(const TypedSql& value) const;
  static std::string booleanOf(const std::string& predicate);
  // `a op b` for =, !=, <, >, <=, >= as a predicate.
  std::string compare(std::string_view op, const TypedSql& a, const TypedSql& b,
                      const FormulaNode& node);

  // The text of a literal argument (a unit or a format).
  std::string literalText(const FormulaNode& node, std::string_view what);
  std::string recordColumn(std::string_view column) const;
  void markUsesNow() { usesNow_ = true; }
  bool usesNow() const { return usesNow_; }
  const std::vector<std::string>& fieldIds() const { return fieldIds_; }
  const FormulaSql& sql() const { return sql_; }

  [[noreturn]] static void fail(const FormulaNode& node, const std::string& message);

 private:
  TypedSql build(const FormulaNode& node);
  TypedSql binary(const FormulaNode& node);
  TypedSql call(const FormulaNode& node);
  TypedSql field(const FormulaNode& node);

  const FormulaScope& scope_;
  FormulaSql sql_;
  std::vector<std::string> fieldIds_;
  bool usesNow_ = false;
};

}  // namespace tessera::features
