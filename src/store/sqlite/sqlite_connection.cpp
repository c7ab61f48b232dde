#include "store/sqlite/sqlite_connection.h"

#include "store/sqlite/formula_helpers.h"

#include <sqlite3.h>

#include "store/store_error.h"

namespace tessera::store {
namespace {

constexpr int kBusyTimeoutMillis = 5000;

StoreError::Kind kindOf(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return StoreError::Kind::UniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return StoreError::Kind::ForeignKeyViolation;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
      return StoreError::Kind::Unavailable;
    default:
      return StoreError::Kind::Other;
  }
}

// Resets a statement when leaving scope so a cached statement never holds
// a read lock past its use.
struct StatementReset {
  sqlite3_stmt* statement;
  ~StatementReset() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};

// Reads a column of the current row into `into`, reusing the text's buffer
// when `into` holds text already.
void readColumn(sqlite3_stmt* statement, int column, SqlValue& into) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      into = static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
      return;
    case SQLITE_FLOAT:
      into = sqlite3_column_double(statement, column);
      return;
    case SQLITE_NULL:
      into = nullptr;
      return;
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      const auto length = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
      if (auto* existing = std::get_if<std::string>(&into)) {
        existing->assign(text, length);
      } else {
        into = std::string(text, length);
      }
    }
  }
}

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, bool readOnly,
                                   StatementCacheLimits cacheLimits)
    : statements_(cacheLimits) {
  const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(StoreError::Kind::Unavailable, "cannot open " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  // A double-quoted name is an identifier, never a string: without this, an
  // index built on a column that a concurrent change just dropped would be
  // accepted as an index on the constant "f_...", and break every later
  // ALTER TABLE of its table (sort indexes are built in the background).
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_busy_timeout(db_, kBusyTimeoutMillis);
  if (!readOnly) {
    // FULL: a commit is on disk before write() returns, so nothing that was
    // acknowledged is lost even when the machine loses power.
    executeScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
  }
  executeScript("PRAGMA foreign_keys=ON;");
  registerFormulaHelpers(db_);
}

SqliteConnection::~SqliteConnection() {
  statements_.clear();
  sqlite3_close(db_);
}

void SqliteConnection::fail(int code, std::string_view what) {
  throw StoreError(kindOf(code), std::string(what) + ": " + sqlite3_errmsg(db_));
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql) {
  if (sqlite3_stmt* cached = statements_.find(sql)) return cached;
  sqlite3_stmt* statement = nullptr;
  const int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (code != SQLITE_OK) fail(code, "prepare failed");
  statements_.add(sql, statement);
  return statement;
}

void SqliteConnection::bind(sqlite3_stmt* statement, std::span<const SqlValue> params) {
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement)) {
    throw StoreError(StoreError::Kind::Other, "wrong number of bound parameters");
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    int code = SQLITE_OK;
    if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
      code = sqlite3_bind_int64(statement, index, *integer);
    } else if (const auto* real = std::get_if<double>(&params[i])) {
      code = sqlite3_bind_double(statement, index, *real);
    } else if (const auto* text = std::get_if<std::string>(&params[i])) {
      // Not copied: `params` outlives the statement's run, and
      // StatementReset clears the bindings before the caller gets control
      // back (a bulk insert binds 10,000 values; copying them was 6% of
      // the writer's time).
      code = sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()),
                               SQLITE_STATIC);
    } else {
      code = sqlite3_bind_null(statement, index);
    }
    if (code != SQLITE_OK) fail(code, "bind failed");
  }
}

void SqliteConnection::watchRowChanges(std::function<void(std::string_view)> onRowChange) {
  onRowChange_ = std::move(onRowChange);
  sqlite3_update_hook(
      db_,
      [](void* self, int, const char*, const char* table, sqlite3_int64) {
        static_cast<SqliteConnection*>(self)->onRowChange_(table);
      },
      this);
}

bool SqliteConnection::nextRow(sqlite3_stmt* statement) {
  const int code = sqlite3_step(statement);
  if (code == SQLITE_ROW) return true;
  if (code != SQLITE_DONE) fail(code, "query failed");
  return false;
}

Rows SqliteConnection::query(std::string_view sql, std::span<const SqlValue> params) {
  sqlite3_stmt* statement = prepare(sql);
  StatementReset reset{statement};
  bind(statement, params);
  const auto columns = static_cast<std::size_t>(sqlite3_column_count(statement));
  Rows rows;
  // Each row read into its own cells and moved: a bulk insert returns
  // 1,000 rows, and copying them was 4% of the writer's time.
  while (nextRow(statement)) {
    Row& row = rows.emplace_back(std::vector<SqlValue>(columns));
    for (std::size_t column = 0; column < columns; ++column) {
      readColumn(statement, static_cast<int>(column), row.cell(column));
    }
  }
  return rows;
}

void SqliteConnection::queryEach(std::string_view sql, std::span<const SqlValue> params,
                                 const std::function<void(const Row&)>& onRow) {
  sqlite3_stmt* statement = prepare(sql);
  StatementReset reset{statement};
  bind(statement, params);
  const int columns = sqlite3_column_count(statement);
  Row row(std::vector<SqlValue>(static_cast<std::size_t>(columns)));
  while (nextRow(statement)) {
    for (int column = 0; column < columns; ++column) {
      readColumn(statement, column, row.cell(static_cast<std::size_t>(column)));
    }
    onRow(row);
  }
}

std::int64_t SqliteConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
  sqlite3_stmt* statement = prepare(sql);
  StatementReset reset{statement};
  bind(statement, params);
  int code;
  while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
  }
  if (code != SQLITE_DONE) fail(code, "statement failed");
  return sqlite3_changes64(db_);
}

void SqliteConnection::executeScript(std::string_view sql) {
  const std::string text(sql);
  char* error = nullptr;
  const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errstr(code);
    sqlite3_free(error);
    throw StoreError(kindOf(code), "script failed: " + message);
  }
}

}  // namespace tessera::store
