// Splits a formula's text into tokens: numbers, "text" or 'text' literals
// (a backslash escapes the next character; \n and \t are a new line and a
// tab), {field} references (a backslash escapes } and itself), names,
// operators and punctuation. Positions count characters,
// not bytes, from 1.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "features/formula/formula_syntax.h"

namespace tessera::features {

struct FormulaToken {
  enum class Kind { Number, Text, Field, Name, Operator, OpenParen, CloseParen, Comma, End };
  Kind kind = Kind::End;
  std::size_t position = 1;                // characters from 1
  std::size_t byteBegin = 0, byteEnd = 0;  // the token's bytes in the text
  std::string
      text;  // Text: the unescaped literal; Field: the unescaped key; Name, Operator: as written
  double number = 0;
};

// The tokens of `text`, ending with an End token; or the first error
// (an unclosed literal or reference, a character that starts no token).
std::variant<std::vector<FormulaToken>, FormulaError> tokenizeFormula(std::string_view text);

// `{key}` with `}` and `\` escaped, as a reference is written.
std::string writeFieldReference(std::string_view key);

}  // namespace tessera::features
