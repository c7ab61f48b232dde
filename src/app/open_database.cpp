#include "app/open_database.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <stdexcept>

#include "app/database_url.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"

namespace tessera::app {

std::unique_ptr<store::Database> openDatabase(const Config& config) {
  const DatabaseUrl url = parseDatabaseUrl(config.database, config.dataDir);
  if (url.backend == DatabaseUrl::Backend::Postgres) {
    throw std::runtime_error(
        "PostgreSQL is not supported by this version of Tessera yet; use SQLite (the default).");
  }
  const std::filesystem::path file(url.location);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  auto database = std::make_unique<store::SqliteDatabase>(url.location);
  const int applied = store::migrate(*database);
  if (applied > 0) spdlog::info("applied {} schema migration(s)", applied);
  return database;
}

}  // namespace tessera::app
