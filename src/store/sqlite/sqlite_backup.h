// Copies of a SQLite database made with SQLite's online backup API
// (`tessera backup` and `tessera restore`): a consistent snapshot taken
// while the server goes on writing, and the way back.
#pragma once

#include <cstdint>
#include <string>

namespace tessera::store {

struct BackupSummary {
  std::int64_t bytes = 0;  // of the database copied
  int schemaVersion = 0;   // the highest migration it records
};

// Writes a consistent copy of the database at `databasePath` to the new
// file `toFile`: one read transaction copies every page (in WAL mode the
// server's writers are not blocked), the copy is a single self-contained
// file (rollback journal) that passes PRAGMA integrity_check, and it is
// written beside `toFile` and renamed into place, so `toFile` is complete
// or absent. Throws StoreError when `toFile` exists, when the source is
// not a Tessera database, or on I/O errors.
BackupSummary backupSqliteFile(const std::string& databasePath, const std::string& toFile);

// Checks `fromFile` (PRAGMA integrity_check, a Tessera schema no newer
// than `maxSchemaVersion`), then replaces the database at `databasePath`
// with it in one write transaction, and advances the file's cache counter.
// REQUIRES: no server uses `databasePath` (ServingLock, Exclusive).
// Throws StoreError saying what is wrong with `fromFile`, leaving
// `databasePath` as it was.
BackupSummary restoreSqliteFile(const std::string& fromFile, const std::string& databasePath,
                                int maxSchemaVersion);

}  // namespace tessera::store
