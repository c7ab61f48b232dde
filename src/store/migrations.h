// Numbered schema migrations, applied in order at start-up. A database that
// was migrated by a newer Tessera is refused rather than misread.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace tessera::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // portable SQL, several statements allowed
  // Run after `sql` on PostgreSQL only: what SQLite gets otherwise (the
  // formula helper functions, which the SQLite connection registers).
  std::string postgresSql = {};
};

// Every migration Tessera knows, in version order.
const std::vector<Migration>& allMigrations();

// Applies each migration not yet recorded in `schema_migrations`, one
// transaction each. Returns how many were applied. Throws StoreError if the
// database records a version this build does not know.
int migrate(Database& database, const std::vector<Migration>& migrations = allMigrations());

}  // namespace tessera::store
