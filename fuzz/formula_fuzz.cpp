// Fuzzes the formula parser and compiler: any text is parsed and, when it
// parses, compiled for SQLite and for PostgreSQL, or refused with a
// position inside the text. Compiled SQL holds every text literal quoted
// (an even number of quotes: user text never becomes SQL) and stays within
// the size limit; the stored form of the references reads back to the same.
#include <algorithm>

#include "common/ascii.h"
#include "features/formula/formula_compiler.h"
#include "features/formula/formula_parser.h"
#include "fuzz_support.h"

using namespace tessera;
using features::FormulaType;

namespace {

const std::vector<features::FormulaField> kFields = {
    {"fldPrice", "Price", FormulaType::Number, "t.price"},
    {"fldName", "Name", FormulaType::Text, "t.name"},
    {"fldDone", "Done", FormulaType::Boolean, "t.done"},
    {"fldDue", "Due", FormulaType::Date, "t.due"},
};

std::optional<std::string> idOf(std::string_view key) {
  for (const auto& field : kFields) {
    if (lowerAscii(field.name) == lowerAscii(key) || field.id == key) return field.id;
  }
  return std::nullopt;
}

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::asText(data, size);
  const auto parsed = features::parseFormula(input, idOf);
  if (const auto* error = std::get_if<features::FormulaError>(&parsed)) {
    if (error->position < 1 || error->position > characters(input) + 1) {
      fuzz::fail("an error position outside the text: " + error->message, input);
    }
    return 0;
  }
  const std::string stored = features::rewriteFieldReferences(input, idOf);
  if (!std::holds_alternative<features::FormulaNode>(features::parseFormula(stored, idOf))) {
    fuzz::fail("the stored form does not parse: " + stored, input);
  }
  for (const auto dialect : {store::SqlDialect::Sqlite, store::SqlDialect::Postgres}) {
    const features::FormulaScope scope{dialect,
                                       [](std::string_view id) -> const features::FormulaField* {
                                         for (const auto& field : kFields) {
                                           if (field.id == id) return &field;
                                         }
                                         return nullptr;
                                       },
                                       "t.", std::nullopt};
    const auto compiled = features::compileFormula(std::get<features::FormulaNode>(parsed), scope);
    if (const auto* formula = std::get_if<features::CompiledFormula>(&compiled)) {
      if (formula->sql.size() > features::kMaxFormulaSqlLength) {
        fuzz::fail("compiled SQL over the limit", input);
      }
      if (std::count(formula->sql.begin(), formula->sql.end(), '\'') % 2 != 0) {
        fuzz::fail("an odd number of quotes in: " + formula->sql, input);
      }
    }
  }
  return 0;
}
