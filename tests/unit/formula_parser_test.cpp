// The formula parser and compiler's refusals, with their positions, and
// the rewriting of references between names and ids. (The values formulas
// compute are tested with the database, in tests/formula.)
#include <gtest/gtest.h>

#include "common/ascii.h"
#include "features/formula/formula_compiler.h"
#include "features/formula/formula_parser.h"

namespace tessera::features {
namespace {

const std::vector<FormulaField> kFields = {
    {"fldPrice", "Price", FormulaType::Number, "t.price"},
    {"fldName", "Name", FormulaType::Text, "t.name"},
    {"fldDue", "Due", FormulaType::Date, "t.due"},
    {"fldOdd", "a}b\\c", FormulaType::Text, "t.odd"},
};

std::optional<std::string> idOf(std::string_view name) {
  for (const auto& field : kFields) {
    if (lowerAscii(field.name) == lowerAscii(name)) return field.id;
  }
  return std::nullopt;
}

std::optional<std::string> nameOf(std::string_view id) {
  for (const auto& field : kFields) {
    if (field.id == id) return field.name;
  }
  return std::nullopt;
}

// The error of `formula`, or "" when it compiles (on both backends).
std::string errorOf(const std::string& formula) {
  const auto parsed = parseFormula(formula, idOf);
  if (const auto* error = std::get_if<FormulaError>(&parsed)) return error->message;
  std::string message;
  for (const auto dialect : {store::SqlDialect::Sqlite, store::SqlDialect::Postgres}) {
    const FormulaScope scope{dialect,
                             [](std::string_view id) -> const FormulaField* {
                               for (const auto& field : kFields) {
                                 if (field.id == id) return &field;
                               }
                               return nullptr;
                             },
                             "t.", std::nullopt};
    const auto compiled = compileFormula(std::get<FormulaNode>(parsed), scope);
    const std::string error = std::holds_alternative<FormulaError>(compiled)
                                  ? std::get<FormulaError>(compiled).message
                                  : "";
    if (dialect == store::SqlDialect::Sqlite) message = error;
    EXPECT_EQ(error, message) << "the backends disagree on " << formula;
  }
  return message;
}

TEST(FormulaParserTest, RefusalsSayWhatAndWhere) {
  const std::pair<std::string, std::string> cases[] = {
      {"{Prce} * 2", "Unknown field {Prce} at 1."},
      {"1 + {Prce}", "Unknown field {Prce} at 5."},
      {"IF(1)", "IF expects 2 or 3 arguments, not 1 at 1."},
      {"LEN()", "LEN expects 1 argument, not 0 at 1."},
      {"TODAY(1)", "TODAY expects no arguments, not 1 at 1."},
      {"FOO(1)", "Unknown function FOO at 1."},
      {"1 +", "Expected a value, not the end of the formula at 4."},
      {"1 2", "Expected an operator or the end of the formula, not '2' at 3."},
      {"\"abc", "This text is not closed with \" at 1."},
      {"{Price", "This field reference is not closed with } at 1."},
      {"", "The formula is empty at 1."},
      {"1 # 2", "Unexpected character '#' at 3."},
      {"\xC3\xA9\xC3\xA9 # 2", "Unexpected character '\xC3\xA9' at 1."},
      {"'\xC3\xA9' # 2", "Unexpected character '#' at 5."},
      {"Price * 2",
       "Expected '(' after the function name Price (a field is written in braces: {Price}) at 1."},
      {"IF(1, 2",
       "Expected ',' or ')' in the arguments of IF (opened at 1), not the end of the "
       "formula at 8."},
      {"{Due} + 1", "Expected a number here, not a date at 1."},
      {"{Due} = 1", "A date can only be compared with another date, not a number at 7."},
      {"DATEADD({Due}, 1, 'fortnights')",
       "Unknown unit \"fortnights\": use milliseconds, seconds, minutes, hours, days, weeks, "
       "months, quarters or years at 19."},
      {"DATEADD({Due}, 1, {Name})", "The unit must be written as text in quotes at 19."},
      {"DATETIME_FORMAT({Due}, 'YYYY-k')",
       "Unknown date format letter 'k'; put text in [brackets] at 24."},
      {"DATETIME_FORMAT({Due}, '[at')", "The format has a '[' without ']' at 24."},
      {"1e999", "The number 1e999 is too large at 1."},
      {"REGEX_MATCH({Name}, {Name})", "The pattern must be written as text in quotes at 21."},
      {"REGEX_MATCH({Name}, '(?i)a')",
       "The pattern cannot be used: Only (...) and (?:...) groups are supported, not flags or "
       "look-arounds (character 2 of the pattern) at 21."},
      {std::string("'a\0b'", 5), "Text may not hold the character NUL at 3."},
  };
  for (const auto& [formula, message] : cases) EXPECT_EQ(errorOf(formula), message) << formula;
}

TEST(FormulaParserTest, LimitsKeepParsingAndSqlSmall) {
  EXPECT_EQ(errorOf(std::string(70, '(') + "1" + std::string(70, ')')),
            "The formula nests deeper than 64 levels at 65.");
  std::string chain = "1";
  for (int i = 0; i < 300; ++i) chain += "+1";
  EXPECT_EQ(errorOf(chain), "The formula has more than 256 operations inside each other at 1.");
  std::string repeated = "{Price}";
  for (int i = 0; i < 12; ++i) repeated = "ROUND(" + repeated + ", {Price})";
  // Refused where the SQL grows too long: at the fifth ROUND from the inside.
  EXPECT_EQ(errorOf(repeated),
            "The formula is too complex to compute (it repeats the fields or formulas it uses too "
            "often) at 43.");
  EXPECT_EQ(errorOf(std::string(10001, ' ') + "1"),
            "The formula is longer than 10000 characters at 1.");
  EXPECT_EQ(errorOf("ROUND(ROUND({Price}, 1), 1) & LEFT({Name}, 2)"), "");
}

TEST(FormulaParserTest, ReferencesAreStoredByIdAndShownByName) {
  const std::string written = "IF({price} > 1, {Name}, {a\\}b\\\\c}) & \"{Name}\"";
  ASSERT_EQ(errorOf(written), "");
  const std::string stored = rewriteFieldReferences(written, idOf);
  EXPECT_EQ(stored, "IF({fldPrice} > 1, {fldName}, {fldOdd}) & \"{Name}\"");
  EXPECT_EQ(rewriteFieldReferences(stored, nameOf),
            "IF({Price} > 1, {Name}, {a\\}b\\\\c}) & \"{Name}\"");
  // A reference to a field that is gone stays as it was stored.
  EXPECT_EQ(rewriteFieldReferences("{fldGone} + 1", nameOf), "{fldGone} + 1");
}

TEST(FormulaParserTest, OperatorsBindAsInSpreadsheets) {
  const auto parsed = parseFormula("1 + 2 * 3 & 4 = 5", idOf);
  const auto& root = std::get<FormulaNode>(parsed);
  ASSERT_EQ(root.text, "=");
  EXPECT_EQ(root.children[0].text, "&");
  EXPECT_EQ(root.children[0].children[0].text, "+");
  EXPECT_EQ(root.children[0].children[0].children[1].text, "*");
  EXPECT_EQ(root.children[0].children[0].children[1].position, 7u);
}

}  // namespace
}  // namespace tessera::features
