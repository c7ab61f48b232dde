// The differential test of formulas: random formulas, generated from the
// grammar (numbers, text and conditions nested inside each other), are
// computed by the database over random rows that include blanks, and each
// value must equal what a small evaluator written here from the rules of
// docs/formulas.md gives. Run on SQLite and on PostgreSQL (postgres.formula.*),
// so both backends agree with the rules and with each other.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "formula/formula_database.h"

namespace tessera::testing {
namespace {

struct Row {
  std::string id;
  std::optional<double> price;
  std::string name;  // "" is blank, as in a text field
  std::optional<bool> done;
};

// A value as the rules define it. Text "" is blank; a number or a boolean
// may be blank (a boolean field's empty cell), which as a condition is false.
struct Value {
  std::optional<double> number;
  std::string text;
  std::optional<bool> condition;

  bool holds() const { return condition.value_or(false); }
};

using Eval = std::function<Value(const Row&)>;

enum class Kind { Number, Text, Condition };

struct Expr {
  std::string text;
  Eval eval;
};

double orZero(const Value& value) { return value.number.value_or(0); }

std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::string firstCharacters(const std::string& text, std::size_t count) {
  std::size_t end = 0;
  for (std::size_t seen = 0; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && seen++ == count) break;
  }
  return text.substr(0, end);
}

std::string asciiCase(std::string text, bool upper) {
  for (char& c : text) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// ROUND as docs/formulas.md defines it: halves away from zero, with the
// same nudge for binary fractions that the SQL uses.
double roundTo(double x, int places) {
  if (std::fabs(x) >= 1e15) return x;
  const double scale = std::pow(10.0, places);
  const double magnitude = std::floor(std::fabs(x) * scale * (1 + 4e-15) + 0.5) / scale;
  return x < 0 ? -magnitude : magnitude;
}

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : random_(seed) {}

  Expr make(Kind kind, int depth) {
    if (depth == 0 || pick(4) == 0) return leaf(kind);
    switch (kind) {
      case Kind::Number:
        return number(depth - 1);
      case Kind::Text:
        return text(depth - 1);
      case Kind::Condition:
        return condition(depth - 1);
    }
    return leaf(kind);
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  Expr leaf(Kind kind) {
    switch (kind) {
      case Kind::Number: {
        static const double kLiterals[] = {0, 1, 2.5, -4, 10, 0.25};
        switch (pick(3)) {
          case 0:
            return {"{Price}", [](const Row& row) { return Value{row.price, "", false}; }};
          case 1:
            return {"{Nothing}", [](const Row&) { return Value{std::nullopt, "", false}; }};
          default: {
            const double literal = kLiterals[pick(6)];
            std::string written = std::to_string(literal);
            written.erase(written.find_last_not_of('0') + 1);
            if (written.back() == '.') written.pop_back();
            // A negative literal is a sign and a number: parenthesised.
            if (literal < 0) written = "(" + written + ")";
            return {written, [literal](const Row&) { return Value{literal, "", false}; }};
          }
        }
      }
      case Kind::Text: {
        static const char* kLiterals[] = {"a", "Tea", "", " b ", "zoë"};
        switch (pick(3)) {
          case 0:
            return {"{Name}", [](const Row& row) { return Value{std::nullopt, row.name, false}; }};
          case 1:
            return {"{No name}", [](const Row&) { return Value{std::nullopt, "", false}; }};
          default: {
            const std::string literal = kLiterals[pick(5)];
            return {"\"" + literal + "\"", [literal](const Row&) {
                      return Value{std::nullopt, literal, false};
                    }};
          }
        }
      }
      case Kind::Condition:
        if (pick(2) == 0) {
          return {"{Done}", [](const Row& row) { return Value{std::nullopt, "", row.done}; }};
        }
        return pick(2) ? Expr{"TRUE()",
                              [](const Row&) {
                                return Value{std::nullopt, "", true};
                              }}
                       : Expr{"FALSE", [](const Row&) {
                                return Value{std::nullopt, "", false};
                              }};
    }
    return {};
  }

  Expr number(int depth) {
    auto a = make(Kind::Number, depth), b = make(Kind::Number, depth);
    const auto num = [](double x) { return Value{x, "", false}; };
    switch (pick(10)) {
      case 0:
        return {"(" + a.text + " + " + b.text + ")",
                [=](const Row& r) { return num(orZero(a.eval(r)) + orZero(b.eval(r))); }};
      case 1:
        return {"(" + a.text + " - " + b.text + ")",
                [=](const Row& r) { return num(orZero(a.eval(r)) - orZero(b.eval(r))); }};
      case 2:
        return {"(" + a.text + " * " + b.text + ")",
                [=](const Row& r) { return num(orZero(a.eval(r)) * orZero(b.eval(r))); }};
      case 3:
        return {"-" + a.text, [=](const Row& r) { return num(-orZero(a.eval(r))); }};
      case 4: {
        const int places = pick(3);
        return {"ROUND(" + a.text + ", " + std::to_string(places) + ")", [=](const Row& r) {
                  const Value x = a.eval(r);
                  return x.number ? num(roundTo(*x.number, places)) : Value{};
                }};
      }
      case 5:
        return {"ABS(" + a.text + ")", [=](const Row& r) {
                  const Value x = a.eval(r);
                  return x.number ? num(std::fabs(*x.number)) : Value{};
                }};
      case 6:
      case 7: {
        const bool greatest = pick(2);
        return {std::string(greatest ? "MAX(" : "MIN(") + a.text + ", " + b.text + ")",
                [=](const Row& r) {
                  const Value x = a.eval(r), y = b.eval(r);
                  if (!x.number) return y;
                  if (!y.number) return x;
                  return num(greatest ? std::max(*x.number, *y.number)
                                      : std::min(*x.number, *y.number));
                }};
      }
      case 8: {
        auto t = make(Kind::Text, depth);
        return {"LEN(" + t.text + ")",
                [=](const Row& r) { return num(static_cast<double>(characters(t.eval(r).text))); }};
      }
      default: {
        auto c = make(Kind::Condition, depth);
        return {"IF(" + c.text + ", " + a.text + ", " + b.text + ")",
                [=](const Row& r) { return c.eval(r).holds() ? a.eval(r) : b.eval(r); }};
      }
    }
  }

  Expr text(int depth) {
    auto a = make(Kind::Text, depth), b = make(Kind::Text, depth);
    const auto str = [](std::string s) { return Value{std::nullopt, std::move(s), false}; };
    switch (pick(6)) {
      case 0:
        return {"(" + a.text + " & " + b.text + ")",
                [=](const Row& r) { return str(a.eval(r).text + b.eval(r).text); }};
      case 1:
      case 2: {
        const bool upper = pick(2);
        return {std::string(upper ? "UPPER(" : "LOWER(") + a.text + ")",
                [=](const Row& r) { return str(asciiCase(a.eval(r).text, upper)); }};
      }
      case 3: {
        const int count = pick(4);
        return {"LEFT(" + a.text + ", " + std::to_string(count) + ")",
                [=](const Row& r) { return str(firstCharacters(a.eval(r).text, count)); }};
      }
      case 4:
        return {"TRIM(" + a.text + ")", [=](const Row& r) {
                  std::string s = a.eval(r).text;
                  s.erase(0, s.find_first_not_of(' '));
                  s.erase(s.find_last_not_of(' ') + 1);
                  return str(s);
                }};
      default: {
        auto c = make(Kind::Condition, depth);
        return {"IF(" + c.text + ", " + a.text + ", " + b.text + ")",
                [=](const Row& r) { return c.eval(r).holds() ? a.eval(r) : b.eval(r); }};
      }
    }
  }

  Expr condition(int depth) {
    const auto is = [](bool b) { return Value{std::nullopt, "", b}; };
    switch (pick(6)) {
      case 0: {
        auto a = make(Kind::Number, depth), b = make(Kind::Number, depth);
        static const char* kOps[] = {"=", "!=", "<", ">", "<=", ">="};
        const int op = pick(6);
        return {"(" + a.text + " " + kOps[op] + " " + b.text + ")", [=](const Row& r) {
                  const double x = orZero(a.eval(r)), y = orZero(b.eval(r));
                  const bool results[] = {x == y, x != y, x<y, x> y, x <= y, x >= y};
                  return is(results[op]);
                }};
      }
      case 1: {
        auto a = make(Kind::Text, depth), b = make(Kind::Text, depth);
        const bool equal = pick(2);
        return {"(" + a.text + (equal ? " = " : " < ") + b.text + ")", [=](const Row& r) {
                  const std::string x = a.eval(r).text, y = b.eval(r).text;
                  return is(equal ? x == y : x < y);
                }};
      }
      case 2:
      case 3: {
        auto a = make(Kind::Condition, depth), b = make(Kind::Condition, depth);
        const bool both = pick(2);
        return {std::string(both ? "AND(" : "OR(") + a.text + ", " + b.text + ")",
                [=](const Row& r) {
                  const bool x = a.eval(r).holds(), y = b.eval(r).holds();
                  return is(both ? x && y : x || y);
                }};
      }
      case 4: {
        auto a = make(Kind::Condition, depth);
        return {"NOT(" + a.text + ")", [=](const Row& r) { return is(!a.eval(r).holds()); }};
      }
      default: {
        if (pick(2)) {
          auto a = make(Kind::Number, depth);
          return {"ISBLANK(" + a.text + ")",
                  [=](const Row& r) { return is(!a.eval(r).number.has_value()); }};
        }
        auto a = make(Kind::Text, depth);
        return {"ISBLANK(" + a.text + ")",
                [=](const Row& r) { return is(a.eval(r).text.empty()); }};
      }
    }
  }

  std::mt19937 random_;
};

// What the database gave, as the expected value would be described.
std::string expected(Kind kind, const Value& value) {
  switch (kind) {
    case Kind::Number:
      return value.number ? describeValue(*value.number + 0.0) : "blank";  // -0 is 0
    case Kind::Text:
      return value.text.empty() ? "blank" : "\"" + value.text + "\"";
    case Kind::Condition:
      return value.condition ? (*value.condition ? "1" : "0") : "blank";
  }
  return "";
}

std::string actual(Kind kind, const store::SqlValue& value) {
  if (kind == Kind::Number) {
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      return describeValue(static_cast<double>(*integer));
    }
    if (const auto* real = std::get_if<double>(&value)) return describeValue(*real + 0.0);
  }
  return describeValue(value);
}

TEST(FormulaDifferentialTest, RandomFormulasGiveWhatTheRulesSayOnEveryRow) {
  FormulaDatabase database;
  std::mt19937 random(20261201);
  const std::vector<std::optional<double>> prices = {std::nullopt, 0, 2.5, -3, 7, 1000.25};
  const std::vector<std::string> names = {"", "apple", "Tea", " b ", "Zoë", "a"};
  const std::vector<std::optional<bool>> dones = {std::nullopt, false, true};
  std::vector<Row> rows;
  for (int i = 0; i < 12; ++i) {
    Row row{"rec" + std::to_string(10 + i), prices[random() % prices.size()],
            names[random() % names.size()], dones[random() % dones.size()]};
    database.insert(row.id, row.price ? store::SqlValue(*row.price) : store::SqlValue(nullptr),
                    row.name.empty() ? store::SqlValue(nullptr) : store::SqlValue(row.name),
                    row.done ? store::SqlValue(std::int64_t{*row.done}) : store::SqlValue(nullptr),
                    nullptr);
    rows.push_back(row);
  }

  int compared = 0;
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    Generator generator(seed);
    const Kind kind = static_cast<Kind>(seed % 3);
    const Expr formula = generator.make(kind, 4);
    const auto compiled = database.compile(formula.text);
    ASSERT_TRUE(std::holds_alternative<features::CompiledFormula>(compiled))
        << formula.text << ": " << std::get<features::FormulaError>(compiled).message;
    const std::string& sql = std::get<features::CompiledFormula>(compiled).sql;
    for (const Row& row : rows) {
      const std::string want = expected(kind, formula.eval(row));
      const std::string got = actual(kind, database.evaluate(sql, row.id));
      EXPECT_EQ(got, want) << formula.text << " on " << row.id << " (Price "
                           << (row.price ? describeValue(*row.price) : "blank") << ", Name \""
                           << row.name << "\", Done "
                           << (row.done ? (*row.done ? "true" : "false") : "blank") << ")";
      ++compared;
    }
    if (::testing::Test::HasFailure()) break;  // the first formula that differs is enough
  }
  EXPECT_EQ(compared, 300 * 12);
}

}  // namespace
}  // namespace tessera::testing
