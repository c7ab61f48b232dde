// Every formula function and operator, evaluated by the database (SQLite,
// or PostgreSQL under postgres.formula.*), against the value it must give:
// one table of cases, the same expectations on both backends.
#include <gtest/gtest.h>

#include "common/clock.h"
#include "features/formula/formula_functions.h"
#include "formula/formula_database.h"

namespace tessera::testing {
namespace {

struct Case {
  const char* formula;
  const char* expected;  // as describeValue writes it
  const char* record = "rec1";
};

// rec1: Price 12.5, Name "Widget", Done, Due 2026-02-28T13:45:30.250Z (a
// Saturday); rec0: every field blank.
const Case kCases[] = {
    // Operators
    {"1 + 2 * 3", "7"},
    {"(1 + 2) * 3", "9"},
    {"10 / 4", "2.5"},
    {"7 % 3", "1"},
    {"-7 % 3", "-1"},
    {"1 / 0", "blank"},
    {"-{Price}", "-12.5"},
    {"{Price} * 2", "25"},
    {"{Nothing} + 1", "1"},
    {"{Price} + 1", "1", "rec0"},
    {"\"a\" & 1 & TRUE()", "\"a1true\""},
    {"{Name} & ' costs ' & {Price}", "\"Widget costs 12.5\""},
    {"{Name} & \"x\"", "\"x\"", "rec0"},
    {"1 = 1", "1"},
    {"\"b\" > \"a\"", "1"},
    {"\"B\" < \"a\"", "1"},
    {"2 != 3", "1"},
    {"2 <> 2", "0"},
    {"{Nothing} = BLANK()", "1"},
    {"{Price} = BLANK()", "0"},
    {"{No name} = \"\"", "1"},
    {"{Due} = {Due}", "1"},
    {"{No date} = {No date}", "1"},
    {"{Due} != {No date}", "1"},
    {"1e308 * 10", "blank"},
    {"1e308 + 1e308", "blank"},
    {"1e-200 * 1e-200", "0"},
    {"1e300 / 1e-100", "blank"},
    // Text
    {"CONCATENATE('a', {Nothing}, 'b')", "\"ab\""},
    {"LEFT('hello', 2)", "\"he\""},
    {"LEFT('hello', 0)", "blank"},
    {"LEFT('h\xC3\xA9llo', 2)", "\"h\xC3\xA9\""},
    {"RIGHT('hello', 3)", "\"llo\""},
    {"RIGHT('hi', 5)", "\"hi\""},
    {"MID('hello', 2, 3)", "\"ell\""},
    {"LEN('h\xC3\xA9llo')", "5"},
    {"LEN({No name})", "0"},
    {"VALUE('1,200.50')", "1200.5"},
    {"VALUE(' -3e2 ')", "-300"},
    {"VALUE('.5') + VALUE('5.')", "5.5"},
    {"VALUE({Price} & '')", "12.5"},
    {"VALUE({Name})", "blank"},
    {"VALUE('12abc')", "blank"},
    {"VALUE('')", "blank"},
    {"VALUE({No name})", "blank", "rec0"},
    {"VALUE('1e999')", "blank"},
    {"VALUE('1e-400')", "blank"},
    {"VALUE('1e-310')", "0"},
    {"VALUE('2e308')", "blank"},
    {"VALUE('Infinity')", "blank"},
    {"LOWER('ABC \xC3\x89')", "\"abc \xC3\x89\""},
    {"UPPER('abc')", "\"ABC\""},
    {"TRIM('  x  ')", "\"x\""},
    {"SUBSTITUTE('a-b-c', '-', '+')", "\"a+b+c\""},
    {"FIND('l', 'hello')", "3"},
    {"FIND('z', 'hello')", "0"},
    {"FIND('l', 'hello', 4)", "4"},
    {"SEARCH('L', 'hello')", "3"},
    {"SEARCH('z', 'hello')", "blank"},
    {"REPLACE('hello', 2, 3, 'EY')", "\"hEYo\""},
    {R"(REGEX_MATCH('abc123', '\\d+'))", "1"},
    {R"(REGEX_MATCH('abc', '^\\d'))", "0"},
    {R"(REGEX_MATCH({Name}, '^W[a-z]+t$'))", "1"},
    {R"(REGEX_MATCH({Name}, 'x'))", "0", "rec0"},
    {R"(REGEX_MATCH({Name}, '^$'))", "1", "rec0"},
    {R"(REGEX_MATCH('a\nb', 'a.b'))", "1"},
    {R"(REGEX_MATCH('Zoë', '^Zo.$'))", "1"},
    {R"(REGEX_MATCH('Zoë', '[à-ÿ]'))", "1"},
    {R"(REGEX_MATCH('a.b', 'a\\.b'))", "1"},
    {R"(REGEX_MATCH('axb', 'a\\.b'))", "0"},
    {R"(REGEX_MATCH('aaa', '^a{2,3}$'))", "1"},
    {R"(REGEX_MATCH('aaaa', '^a{2,3}$'))", "0"},
    {R"(REGEX_MATCH('aaaa', '^a{2,}$'))", "1"},
    {R"(REGEX_MATCH('cat', '^(?:dog|cat)$'))", "1"},
    {R"(REGEX_MATCH('x-y', '[\\-]'))", "1"},
    {R"(REGEX_MATCH('a]b', '[\\]]'))", "1"},
    {R"(REGEX_MATCH('A', 'a'))", "0"},
    {R"(REGEX_MATCH('tab\there', '\\s'))", "1"},
    {R"(REGEX_MATCH('é', '\\w'))", "0"},
    {R"(REGEX_MATCH('a{b', 'a\\{b'))", "1"},
    {R"(REGEX_MATCH('ab', 'a|'))", "1"},
    {R"(REGEX_MATCH('x', '[^0-9]'))", "1"},
    {"T(1)", "blank"},
    {"T('x')", "\"x\""},
    {"RECORD_ID()", "\"rec1\""},
    {"1 / 3 & ''", "\"0.3333333333\""},
    {"0.1 + 0.2 & ''", "\"0.3\""},
    {"2.50 & ''", "\"2.5\""},
    {"-0.00005 & ''", "\"-0.00005\""},
    {"123456.789 & ''", "\"123456.789\""},
    {"-42 & ''", "\"-42\""},
    {"1e15 & ''", "blank"},
    {"{Done} & ''", "\"true\""},
    {"'a\\'b\\\\c'", "\"a'b\\c\""},
    // Numbers
    {"ROUND(2.5)", "3"},
    {"ROUND(-2.5)", "-3"},
    {"ROUND(1.005, 2)", "1.01"},
    {"ROUND(1234.5678, -2)", "1200"},
    {"ROUND({Nothing})", "blank"},
    {"ROUNDUP(2.31, 1)", "2.4"},
    {"ROUNDUP(2.3, 1)", "2.3"},
    {"ROUNDDOWN(2.39, 1)", "2.3"},
    {"ROUNDDOWN(-2.39, 1)", "-2.3"},
    {"INT(-2.5)", "-3"},
    {"CEILING(2.1)", "3"},
    {"CEILING(7, 5)", "10"},
    {"FLOOR(7, 5)", "5"},
    {"FLOOR(-2.5)", "-3"},
    {"ABS(-3)", "3"},
    {"SQRT(16)", "4"},
    {"SQRT(-1)", "blank"},
    {"MOD(10, 3)", "1"},
    {"MOD(10, 0)", "blank"},
    {"POWER(2, 10)", "1024"},
    {"POWER(-2, 3)", "-8"},
    {"POWER(10, 400)", "blank"},
    {"POWER(-8, 0.5)", "blank"},
    {"POWER(0, -1)", "blank"},
    {"POWER(0.1, 400)", "0"},
    {"SUM(1, 2, {Nothing})", "3"},
    {"AVERAGE(1, 2, {Nothing})", "1.5"},
    {"MIN(3, {Nothing}, 1)", "1"},
    {"MAX(3, {Nothing}, 1)", "3"},
    {"MIN({Nothing}, {Nothing})", "blank"},
    {"MAX(5)", "5"},
    {"COUNT(1, 'a', {Nothing})", "1"},
    {"COUNTA(1, 'a', {Nothing})", "2"},
    {"COUNTALL(1, 'a', {Nothing})", "3"},
    // Logic
    {"IF({Price} > 10, 'big', 'small')", "\"big\""},
    {"IF(0, 1)", "blank"},
    {"IF(1, 2, 'x')", "\"2\""},
    {"IF({Done}, 1, 0)", "1"},
    {"IF({Done}, 'y', 'n')", "\"n\"", "rec0"},
    {"IF(TRUE, BLANK(), 3)", "blank"},
    {"SWITCH({Name}, 'Gadget', 1, 'Widget', 2, 0)", "2"},
    {"SWITCH(5, 1, 'a')", "blank"},
    {"AND(1, {Done})", "1"},
    {"AND(1, {Nothing})", "0"},
    {"OR(0, 'x')", "1"},
    {"XOR(1, 1, 1)", "1"},
    {"NOT({Done})", "0"},
    {"TRUE", "1"},
    {"FALSE()", "0"},
    {"ISBLANK({No name})", "1"},
    {"ISBLANK('')", "1"},
    {"IS_EMPTY({Price})", "0"},
    {"ISERROR(1 / 0)", "1"},
    {"IFERROR(1 / 0, -1)", "-1"},
    {"ERROR()", "blank"},
    // Dates
    {"YEAR({Due})", "2026"},
    {"MONTH({Due})", "2"},
    {"DAY({Due})", "28"},
    {"HOUR({Due})", "13"},
    {"MINUTE({Due})", "45"},
    {"SECOND({Due})", "30"},
    {"WEEKDAY({Due})", "6"},
    {"YEAR({No date})", "blank"},
    {"DATETIME_FORMAT({Due})", "\"2026-02-28T13:45:30.250Z\""},
    {"DATETIME_FORMAT({Due}, 'YYYY-MM-DD HH:mm')", "\"2026-02-28 13:45\""},
    {"DATETIME_FORMAT({Due}, 'dddd, MMMM D, YY [at] h:mm A')",
     "\"Saturday, February 28, 26 at 1:45 PM\""},
    {"DATETIME_FORMAT({Due}, 'ddd MMM Q SSS x X d')",
     "\"Sat Feb 1 250 1772286330250 1772286330 6\""},
    {"DATETIME_FORMAT({No date}, 'YYYY')", "blank"},
    {"DATETIME_FORMAT(DATEADD({Due}, 1, 'days'))", "\"2026-03-01T13:45:30.250Z\""},
    {"DATETIME_FORMAT(DATEADD({Due}, -90, 'minutes'))", "\"2026-02-28T12:15:30.250Z\""},
    {"DATETIME_FORMAT(DATEADD({Due}, 1, 'month'))", "\"2026-03-28T13:45:30.250Z\""},
    {"DATETIME_FORMAT(DATEADD(DATEADD({Due}, -28, 'd'), 1, 'M'))", "\"2026-02-28T13:45:30.250Z\""},
    {"DATETIME_FORMAT(DATEADD({Due}, -2, 'years'))", "\"2024-02-28T13:45:30.250Z\""},
    {"DATETIME_FORMAT(DATEADD({Due}, 4, 'quarters'))", "\"2027-02-28T13:45:30.250Z\""},
    {"DATEADD({Due}, 100000, 'years')", "blank"},
    {"DATEADD({Due}, -3000, 'years')", "blank"},
    {"DATEADD({Due}, 1e300, 'days')", "blank"},
    {"DATETIME_DIFF({Due}, DATEADD({Due}, -3, 'days'), 'days')", "3"},
    {"DATETIME_DIFF(DATEADD({Due}, -90, 'minutes'), {Due}, 'hours')", "-1"},
    {"DATETIME_DIFF({Due}, DATEADD({Due}, -1, 'minute'))", "60"},
    {"DATETIME_DIFF({Due}, DATEADD({Due}, -28, 'days'), 'months')", "0"},
    {"DATETIME_DIFF({Due}, DATEADD({Due}, -13, 'months'), 'years')", "1"},
    {"DATETIME_DIFF(DATEADD({Due}, -13, 'months'), {Due}, 'months')", "-13"},
    {"IS_BEFORE(DATEADD({Due}, -1, 'days'), {Due})", "1"},
    {"IS_AFTER({No date}, {Due})", "0"},
    {"IS_SAME({Due}, {Due})", "1"},
    {"CREATED_TIME()", "1700000000000"},
    {"LAST_MODIFIED_TIME()", "1700000500000"},
};

class FormulaFunctionsTest : public ::testing::Test {
 protected:
  FormulaFunctionsTest() {
    database.insert("rec1", 12.5, std::string("Widget"), std::int64_t{1},
                    std::int64_t{1772286330250});
    database.insert("rec0", nullptr, nullptr, nullptr, nullptr);
  }

  std::string valueOf(const std::string& formula, const std::string& record) {
    const auto compiled = database.compile(formula);
    if (const auto* error = std::get_if<features::FormulaError>(&compiled)) {
      return "error: " + error->message;
    }
    return describeValue(
        database.evaluate(std::get<features::CompiledFormula>(compiled).sql, record));
  }

  FormulaDatabase database;
};

TEST_F(FormulaFunctionsTest, EveryCaseGivesItsValue) {
  for (const Case& c : kCases) {
    EXPECT_EQ(valueOf(c.formula, c.record), c.expected) << c.formula;
  }
}

TEST_F(FormulaFunctionsTest, NowAndTodayAreTheDatabaseClock) {
  const auto now = std::get<std::int64_t>(database.evaluate(
      std::get<features::CompiledFormula>(database.compile("NOW()")).sql, "rec1"));
  EXPECT_LT(std::abs(now - nowMillis()), 60'000);
  const auto compiledToday = std::get<features::CompiledFormula>(database.compile("TODAY()"));
  EXPECT_TRUE(compiledToday.usesNow);
  const auto today = std::get<std::int64_t>(database.evaluate(compiledToday.sql, "rec1"));
  EXPECT_EQ(today % kMillisPerDay, 0);
  EXPECT_LE(today, now);
  EXPECT_GT(today + kMillisPerDay, now);
}

TEST_F(FormulaFunctionsTest, ResultTypesAreInferred) {
  using features::FormulaType;
  const std::pair<const char*, FormulaType> expectations[] = {
      {"{Price} * 2", FormulaType::Number},
      {"{Name} & 1", FormulaType::Text},
      {"{Price} > 1", FormulaType::Boolean},
      {"DATEADD({Due}, 1, 'day')", FormulaType::Date},
      {"IF({Done}, 1, TRUE())", FormulaType::Number},
      {"IF({Done}, 1, 'x')", FormulaType::Text},
      {"IF({Done}, {Due})", FormulaType::Date},
      {"BLANK()", FormulaType::Text},
      {"LEN({Name})", FormulaType::Number},
      {"NOT(1)", FormulaType::Boolean},
  };
  for (const auto& [formula, type] : expectations) {
    const auto compiled = database.compile(formula);
    ASSERT_TRUE(std::holds_alternative<features::CompiledFormula>(compiled)) << formula;
    EXPECT_EQ(std::get<features::CompiledFormula>(compiled).type, type) << formula;
  }
}

TEST_F(FormulaFunctionsTest, ReferencedFieldsAreListedOnce) {
  const auto compiled =
      std::get<features::CompiledFormula>(database.compile("{Price} + {price} + LEN({Name})"));
  EXPECT_EQ(compiled.fieldIds, (std::vector<std::string>{"fldPrice", "fldName"}));
  EXPECT_FALSE(compiled.usesNow);
}

TEST_F(FormulaFunctionsTest, TheCatalogueHasOverFortyFunctions) {
  EXPECT_GE(features::allFormulaFunctions().size(), 40u);
  for (const auto& function : features::allFormulaFunctions()) {
    // Each is reachable by name and documented.
    EXPECT_EQ(features::findFormulaFunction(function.name), &function);
    EXPECT_FALSE(function.description.empty()) << function.name;
  }
}

}  // namespace
}  // namespace tessera::testing
