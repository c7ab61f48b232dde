// One SQLite connection with a bounded cache of prepared statements. It is the
// Session that SqliteDatabase hands to feature code. Not thread-safe: a
// connection is used by one thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/database.h"
#include "store/sqlite/statement_cache.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tessera::store {

class SqliteConnection final : public Session {
 public:
  // Opens (creating if needed) the file at `path` with WAL, foreign keys
  // and a busy timeout. `readOnly` opens it for reading only.
  SqliteConnection(const std::string& path, bool readOnly, StatementCacheLimits cacheLimits = {});
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Rows query(std::string_view sql, std::span<const SqlValue> params) override;
  std::int64_t execute(std::string_view sql, std::span<const SqlValue> params) override;
  void executeScript(std::string_view sql) override;
  SqlDialect dialect() const override { return SqlDialect::Sqlite; }
  void queryEach(std::string_view sql, std::span<const SqlValue> params,
                 const std::function<void(const Row&)>& onRow) override;
  using Session::execute;
  using Session::query;

  // Calls `onRowChange(table)` for every row a statement on this
  // connection inserts, updates or deletes (sqlite3_update_hook: not for
  // DDL, nor for a DELETE without WHERE, which SQLite may do by truncation).
  void watchRowChanges(std::function<void(std::string_view table)> onRowChange);

  const StatementCache& statements() const { return statements_; }

 private:
  sqlite3_stmt* prepare(std::string_view sql);
  void bind(sqlite3_stmt* statement, std::span<const SqlValue> params);
  // Steps `statement`: true with a row ready, false when done; a failure throws.
  bool nextRow(sqlite3_stmt* statement);
  [[noreturn]] void fail(int code, std::string_view what);

  sqlite3* db_ = nullptr;
  StatementCache statements_;
  std::function<void(std::string_view)> onRowChange_;
};

}  // namespace tessera::store
