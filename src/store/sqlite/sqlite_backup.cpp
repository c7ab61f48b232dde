#include "store/sqlite/sqlite_backup.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "store/sqlite/shared_counter.h"
#include "store/sqlite/sqlite_database.h"
#include "store/store_error.h"

namespace tessera::store {
namespace {

using Handle = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw StoreError(StoreError::Kind::Other,
                   what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Handle open(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  Handle handle(db, &sqlite3_close);
  if (code != SQLITE_OK) fail(db, "cannot open " + path);
  sqlite3_busy_timeout(db, 5000);
  return handle;
}

// The single value of a one-row query, as text.
std::string scalar(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    fail(db, "cannot run " + sql);
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> finalize(statement, &sqlite3_finalize);
  const int code = sqlite3_step(statement);
  if (code != SQLITE_ROW) fail(db, "cannot run " + sql);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  return text ? text : "";
}

// Copies every page of `from` into `to` in one step (one read transaction
// on `from`, one write transaction on `to`).
void copyPages(sqlite3* from, sqlite3* to, const std::string& what) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (!backup) fail(to, what);
  const int code = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (code != SQLITE_DONE) fail(to, what);
}

// The summary of a sound Tessera database, or StoreError saying why `db`
// (read from `path`) is not one.
BackupSummary check(sqlite3* db, const std::string& path) {
  std::string integrity;
  try {
    integrity = scalar(db, "PRAGMA integrity_check");
  } catch (const StoreError& error) {
    throw StoreError(StoreError::Kind::Other,
                     path + " is not a Tessera database (" + error.what() + ")");
  }
  if (integrity != "ok") {
    throw StoreError(StoreError::Kind::Other, path + " is damaged: " + integrity);
  }
  if (scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'schema_migrations'") != "1") {
    throw StoreError(StoreError::Kind::Other, path + " is not a Tessera database");
  }
  BackupSummary summary;
  summary.schemaVersion =
      std::stoi(scalar(db, "SELECT coalesce(max(version), 0) FROM schema_migrations"));
  summary.bytes =
      std::stoll(scalar(db, "PRAGMA page_count")) * std::stoll(scalar(db, "PRAGMA page_size"));
  return summary;
}

}  // namespace

BackupSummary backupSqliteFile(const std::string& databasePath, const std::string& toFile) {
  if (std::filesystem::exists(toFile)) {
    throw StoreError(StoreError::Kind::Other,
                     toFile + " exists already; name a new file (nothing was written)");
  }
  if (!std::filesystem::exists(databasePath)) {
    throw StoreError(StoreError::Kind::Other, "no database at " + databasePath);
  }
  const std::string partial = toFile + ".partial";
  std::filesystem::remove(partial);
  try {
    const Handle source = open(databasePath, SQLITE_OPEN_READONLY);
    const Handle copy = open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    copyPages(source.get(), copy.get(), "backup of " + databasePath + " failed");
    // One file that needs no -wal beside it.
    if (sqlite3_exec(copy.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
      fail(copy.get(), "cannot finish " + partial);
    }
    const BackupSummary summary = check(copy.get(), databasePath);
    std::filesystem::rename(partial, toFile);
    return summary;
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
}

BackupSummary restoreSqliteFile(const std::string& fromFile, const std::string& databasePath,
                                int maxSchemaVersion) {
  if (!std::filesystem::exists(fromFile)) {
    throw StoreError(StoreError::Kind::Other, "no backup at " + fromFile);
  }
  const Handle backup = open(fromFile, SQLITE_OPEN_READONLY);
  const BackupSummary summary = check(backup.get(), fromFile);
  if (summary.schemaVersion > maxSchemaVersion) {
    throw StoreError(StoreError::Kind::Other,
                     fromFile + " was written by a newer Tessera (schema " +
                         std::to_string(summary.schemaVersion) + ", this one knows " +
                         std::to_string(maxSchemaVersion) + ")");
  }
  const Handle target = open(databasePath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  copyPages(backup.get(), target.get(), "restore into " + databasePath + " failed");
  // Caches keyed by the counter (in any process) must not trust what they
  // read before the restore.
  SharedCounter(generationCounterPath(databasePath)).increment();
  return summary;
}

}  // namespace tessera::store
