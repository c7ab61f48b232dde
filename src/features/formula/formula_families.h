// What the four files of formula functions share, inside the catalogue:
// the list each one hands to formula_functions.cpp, and the short names
// their code is written with.
#pragma once

#include <string>
#include <vector>

#include "features/formula/formula_functions.h"

namespace tessera::features::formula_families {

using Node = FormulaNode;
using C = FormulaCompiler;

inline TypedSql numberOf(std::string sql) { return {std::move(sql), FormulaType::Number}; }
inline TypedSql textOf(std::string sql) { return {std::move(sql), FormulaType::Text}; }
inline TypedSql dateOf(std::string sql) { return {std::move(sql), FormulaType::Date}; }
// A boolean value (1 or 0) from an SQL predicate.
inline TypedSql booleanValue(const std::string& predicate) {
  return {C::booleanOf(predicate), FormulaType::Boolean};
}

std::vector<FormulaFunction> textFunctions();
std::vector<FormulaFunction> numberFunctions();
std::vector<FormulaFunction> logicFunctions();
std::vector<FormulaFunction> dateFunctions();

}  // namespace tessera::features::formula_families
