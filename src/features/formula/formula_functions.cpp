#include "features/formula/formula_functions.h"

#include "features/formula/formula_families.h"

#include <algorithm>

namespace tessera::features {
namespace {

std::vector<FormulaFunction> catalogue() {
  std::vector<FormulaFunction> all;
  for (auto family : {formula_families::textFunctions, formula_families::numberFunctions,
                      formula_families::logicFunctions, formula_families::dateFunctions}) {
    const auto functions = family();
    all.insert(all.end(), functions.begin(), functions.end());
  }
  std::sort(all.begin(), all.end(),
            [](const FormulaFunction& a, const FormulaFunction& b) { return a.name < b.name; });
  return all;
}

}  // namespace

std::span<const FormulaFunction> allFormulaFunctions() {
  static const std::vector<FormulaFunction> functions = catalogue();
  return functions;
}

const FormulaFunction* findFormulaFunction(std::string_view upperName) {
  const auto functions = allFormulaFunctions();
  const auto found = std::lower_bound(
      functions.begin(), functions.end(), upperName,
      [](const FormulaFunction& function, std::string_view name) { return function.name < name; });
  return found != functions.end() && found->name == upperName ? &*found : nullptr;
}

}  // namespace tessera::features
