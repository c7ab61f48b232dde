// The catalogue of formula functions: each one's name, how many arguments
// it takes, how it reads in the docs and the editor, and how it compiles.
// The functions live in one file per family (formula_families.h).
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <string_view>

#include "features/formula/formula_compiler.h"

namespace tessera::features {

inline constexpr std::size_t kAnyNumberOfArguments = std::numeric_limits<std::size_t>::max();

struct FormulaFunction {
  std::string_view name;       // upper case
  std::string_view signature;  // e.g. "IF(condition, value if true, [value if false])"
  std::string_view description;
  std::size_t minArguments;
  std::size_t maxArguments;
  // REQUIRES: node is a call of this function with an allowed number of
  // arguments. Throws what FormulaCompiler::fail throws.
  TypedSql (*compile)(FormulaCompiler& compiler, const FormulaNode& node);
};

// The function named `upperName`, or nullptr.
const FormulaFunction* findFormulaFunction(std::string_view upperName);
// Every function, in alphabetical order.
std::span<const FormulaFunction> allFormulaFunctions();

}  // namespace tessera::features
