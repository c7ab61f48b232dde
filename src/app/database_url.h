// Parses the --database setting: empty (a SQLite file in the data
// directory), "sqlite:PATH", or "postgres://..." / "postgresql://...".
#pragma once

#include <string>

namespace tessera::app {

struct DatabaseUrl {
  enum class Backend { Sqlite, Postgres };
  Backend backend = Backend::Sqlite;
  std::string location;  // file path for SQLite, the URL for PostgreSQL
};

// Throws std::invalid_argument with a message for the operator.
DatabaseUrl parseDatabaseUrl(const std::string& setting, const std::string& dataDir);

// The setting with any password replaced by "***", fit for printing.
std::string maskDatabaseUrl(const std::string& setting);

}  // namespace tessera::app
