// The syntax tree of a formula and the error a formula can be refused
// with. Field references hold field ids, never names, so renaming a field
// keeps every formula that uses it working.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tessera::features {

struct FormulaNode {
  enum class Kind { Number, Text, Field, Call, Negate, Binary };
  Kind kind = Kind::Number;
  std::size_t position = 1;  // 1-based character position in the formula text
  double number = 0;         // Number
  // Text: the literal; Field: the field id; Call: the function name in
  // upper case; Binary: the operator ("+", "<=", "&", ...).
  std::string text;
  std::vector<FormulaNode> children;  // Call: arguments; Negate: 1; Binary: 2
};

// Why a formula was refused, at the character where the trouble starts.
struct FormulaError {
  std::size_t position = 1;
  std::string message;  // a sentence ending in " at <position>."
};

// Limits that keep a formula's parsing and its SQL small.
inline constexpr std::size_t kMaxFormulaLength = 10000;      // characters of text
inline constexpr std::size_t kMaxFormulaDepth = 64;          // nesting of calls, parentheses, signs
inline constexpr std::size_t kMaxFormulaTreeDepth = 256;     // operations inside each other
inline constexpr std::size_t kMaxFormulaSqlLength = 500000;  // bytes of compiled SQL

}  // namespace tessera::features
