#include "store/sqlite/formula_helpers.h"

#include <re2/re2.h>
#include <sqlite3.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "store/store_error.h"

namespace tessera::store {
namespace {

void finiteNumber(sqlite3_context* context, int, sqlite3_value** arguments) {
  const int type = sqlite3_value_type(arguments[0]);
  if (type != SQLITE_INTEGER && type != SQLITE_FLOAT) {
    sqlite3_result_null(context);
    return;
  }
  const double value = sqlite3_value_double(arguments[0]);
  if (!std::isfinite(value) || std::fabs(value) > 1e308) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_double(context, std::fabs(value) < 1e-300 ? 0.0 : value);
  }
}

// The earliest and latest dates of formulas (features/formula/formula_sql.h).
constexpr double kMinDate = -62135596800000.0, kMaxDate = 253402300799999.0;

void dateFromMillis(sqlite3_context* context, int, sqlite3_value** arguments) {
  const int type = sqlite3_value_type(arguments[0]);
  const double millis = sqlite3_value_double(arguments[0]);
  if ((type != SQLITE_INTEGER && type != SQLITE_FLOAT) || !(millis >= kMinDate) ||
      !(millis <= kMaxDate)) {
    sqlite3_result_null(context);
    return;
  }
  sqlite3_result_int64(context, static_cast<sqlite3_int64>(std::floor(millis)));
}

void deleteRegex(void* regex) { delete static_cast<RE2*>(regex); }

// tessera_regex(text, pattern): 1 when the pattern matches part of the
// text, else 0; NULL for a NULL argument. The pattern is compiled once per
// statement (SQLite keeps it with the constant argument).
void regexMatch(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (sqlite3_value_type(arguments[0]) == SQLITE_NULL ||
      sqlite3_value_type(arguments[1]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(arguments[0]));
  const std::string_view subject(text, sqlite3_value_bytes(arguments[0]));
  if (const auto* kept = static_cast<const RE2*>(sqlite3_get_auxdata(context, 1))) {
    sqlite3_result_int(context, RE2::PartialMatch(subject, *kept) ? 1 : 0);
    return;
  }
  const auto* pattern = reinterpret_cast<const char*>(sqlite3_value_text(arguments[1]));
  RE2::Options options;
  options.set_dot_nl(true);  // as PostgreSQL's . does
  options.set_log_errors(false);
  auto regex =
      std::make_unique<RE2>(std::string_view(pattern, sqlite3_value_bytes(arguments[1])), options);
  if (!regex->ok()) {
    sqlite3_result_error(context, "tessera_regex: the pattern is not valid", -1);
    return;
  }
  sqlite3_result_int(context, RE2::PartialMatch(subject, *regex) ? 1 : 0);
  sqlite3_set_auxdata(context, 1, regex.release(), deleteRegex);
}

// Whether `s` is [+-](digits[.digits] | .digits)[(e|E)[+-]digits]: what
// tessera_value reads on PostgreSQL (its regular expression).
bool isDecimal(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > from;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const bool whole = digits();
  bool fraction = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    fraction = digits();
  }
  if (!whole && !fraction) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

// tessera_value(text): the number the text writes, read as PostgreSQL's
// tessera_value reads it (migration 12): blanks (space, tab, line breaks)
// at either end and every comma dropped, then a decimal number; NULL for
// anything else and for what a double cannot hold (as PostgreSQL refuses
// it), and as tessera_num makes a result (0 below 1e-300).
void numberFromText(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_value_text(arguments[0]));
  std::string_view given(bytes, static_cast<std::size_t>(sqlite3_value_bytes(arguments[0])));
  constexpr std::string_view kBlanks = " \t\n\r";
  const std::size_t first = given.find_first_not_of(kBlanks);
  given = first == std::string_view::npos
              ? std::string_view()
              : given.substr(first, given.find_last_not_of(kBlanks) - first + 1);
  std::string text;
  for (const char c : given) {
    if (c != ',') text += c;
  }
  if (!isDecimal(text)) {
    sqlite3_result_null(context);
    return;
  }
  errno = 0;
  const double value = std::strtod(text.c_str(), nullptr);
  if ((errno == ERANGE && (value == 0.0 || std::isinf(value))) || !std::isfinite(value) ||
      std::fabs(value) > 1e308) {
    sqlite3_result_null(context);
    return;
  }
  sqlite3_result_double(context, std::fabs(value) < 1e-300 ? 0.0 : value);
}

struct Helper {
  const char* name;
  int arguments;
  void (*function)(sqlite3_context*, int, sqlite3_value**);
};

}  // namespace

void registerFormulaHelpers(sqlite3* db) {
  for (const Helper& helper :
       {Helper{"tessera_num", 1, finiteNumber}, Helper{"tessera_date", 1, dateFromMillis},
        Helper{"tessera_regex", 2, regexMatch}, Helper{"tessera_value", 1, numberFromText}}) {
    // Deterministic and innocuous: usable in indexes on formula values.
    const int code = sqlite3_create_function_v2(
        db, helper.name, helper.arguments, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
        nullptr, helper.function, nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
      throw StoreError(StoreError::Kind::Other,
                       std::string("cannot register formula functions: ") + sqlite3_errstr(code));
    }
  }
}

}  // namespace tessera::store
