#include "store/sqlite/formula_helpers.h"

#include <re2/re2.h>
#include <sqlite3.h>

#include <cmath>
#include <memory>
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

struct Helper {
  const char* name;
  int arguments;
  void (*function)(sqlite3_context*, int, sqlite3_value**);
};

}  // namespace

void registerFormulaHelpers(sqlite3* db) {
  for (const Helper& helper :
       {Helper{"tessera_num", 1, finiteNumber}, Helper{"tessera_date", 1, dateFromMillis},
        Helper{"tessera_regex", 2, regexMatch}}) {
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
