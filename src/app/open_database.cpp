#include "app/open_database.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "app/database_url.h"
#include "store/migrations.h"
#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace tessera::app {

std::unique_ptr<store::Database> openDatabase(const Config& config) {
  const DatabaseUrl url = parseDatabaseUrl(config.database, config.dataDir);
  std::unique_ptr<store::Database> database;
  int applied = 0;
  if (url.backend == DatabaseUrl::Backend::Postgres) {
    auto postgres = std::make_unique<store::PostgresDatabase>(url.location);
    postgres->withMigrationLock([&] { applied = store::migrate(*postgres); });
    database = std::move(postgres);
  } else {
    const std::filesystem::path file(url.location);
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    database = std::make_unique<store::SqliteDatabase>(url.location);
    applied = store::migrate(*database);
  }
  if (applied > 0) spdlog::info("applied {} schema migration(s)", applied);
  return database;
}

}  // namespace tessera::app
