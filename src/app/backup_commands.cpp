// `tessera backup` and `tessera restore`: SQLite files through SQLite's
// online backup API (store/sqlite/sqlite_backup.h); PostgreSQL has its own
// tools, which these commands name.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "app/commands.h"
#include "app/database_url.h"
#include "app/open_database.h"
#include "store/migrations.h"
#include "store/sqlite/serving_lock.h"
#include "store/sqlite/sqlite_backup.h"

namespace tessera::app {
namespace {

constexpr int kUsePostgresTools = 2;

// The SQLite file of `config`, or nullopt after telling the operator to
// use PostgreSQL's own tool.
std::optional<std::string> sqliteFileOr(const Config& config, const std::string& postgresTool) {
  const DatabaseUrl url = parseDatabaseUrl(config.database, config.dataDir);
  switch (url.backend) {
    case DatabaseUrl::Backend::Sqlite:
      return url.location;
    case DatabaseUrl::Backend::Postgres:
      std::cerr << "tessera: this instance is on PostgreSQL; use " << postgresTool
                << " (docs/operations.md, \"Backups\")" << std::endl;
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

int runBackup(const Config& config, const std::string& toFile) {
  const auto file = sqliteFileOr(config, "pg_dump --format=custom --file=FILE URL");
  if (!file) return kUsePostgresTools;
  const store::BackupSummary summary = store::backupSqliteFile(*file, toFile);
  std::cout << "backed up " << *file << " to " << toFile << " (" << summary.bytes
            << " bytes, schema " << summary.schemaVersion << ")" << std::endl;
  return 0;
}

int runRestore(const Config& config, const std::string& fromFile) {
  const auto file = sqliteFileOr(config, "pg_restore --clean --dbname=URL FILE");
  if (!file) return kUsePostgresTools;
  const std::filesystem::path path(*file);
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  const store::BackupSummary summary = [&] {
    const store::ServingLock noServer(*file, store::ServingLock::Mode::Exclusive);
    return store::restoreSqliteFile(fromFile, *file, store::allMigrations().back().version);
  }();
  // A backup from an older Tessera is brought up to this one's schema.
  openDatabase(config)->close();
  std::cout << "restored " << *file << " from " << fromFile << " (" << summary.bytes
            << " bytes, schema " << summary.schemaVersion << ")" << std::endl;
  return 0;
}

}  // namespace tessera::app
