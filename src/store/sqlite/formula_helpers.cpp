#include "store/sqlite/formula_helpers.h"

#include <sqlite3.h>

#include <cmath>

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

struct Helper {
  const char* name;
  void (*function)(sqlite3_context*, int, sqlite3_value**);
};

}  // namespace

void registerFormulaHelpers(sqlite3* db) {
  for (const Helper& helper :
       {Helper{"tessera_num", finiteNumber}, Helper{"tessera_date", dateFromMillis}}) {
    // Deterministic and innocuous: usable in indexes on formula values.
    const int code = sqlite3_create_function_v2(
        db, helper.name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
        helper.function, nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
      throw StoreError(StoreError::Kind::Other,
                       std::string("cannot register formula functions: ") + sqlite3_errstr(code));
    }
  }
}

}  // namespace tessera::store
