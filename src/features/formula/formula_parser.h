// Parses a formula's text into a syntax tree, resolving each {field}
// reference to a field id, and rewrites the references of a formula's text
// (names to ids for storing it, ids to names for showing it).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "features/formula/formula_syntax.h"

namespace tessera::features {

// The id of the field a reference's key (as written between the braces)
// names, or nullopt when there is none.
using FieldResolver = std::function<std::optional<std::string>(std::string_view key)>;

// The tree of `text`; or the first error, with its position: bad syntax,
// an unknown field, a formula longer than kMaxFormulaLength or nested
// deeper than kMaxFormulaDepth. Function names are checked by the compiler.
std::variant<FormulaNode, FormulaError> parseFormula(std::string_view text,
                                                     const FieldResolver& resolve);

// `text` with each {key} reference replaced by {rename(key)}, everything
// else kept as written; references rename() gives nullopt for are kept.
// `text` must tokenize (REQUIRES: parseFormula accepted it or a text
// written by this function).
std::string rewriteFieldReferences(std::string_view text, const FieldResolver& rename);

}  // namespace tessera::features
