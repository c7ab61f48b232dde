// Moves a SQLite instance onto PostgreSQL (`tessera migrate --copy-to`):
// every row of every Tessera table, and every user table with its indexes,
// in one target transaction. The target must hold no users yet.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "store/database.h"

namespace tessera::store {

// Copies `source` (a SQLite database, schema up to date) into `target`
// (schema up to date, empty). Returns the number of rows copied per table.
// Throws std::runtime_error when the target is not empty.
std::map<std::string, std::int64_t> copySqliteDatabase(store::Database& source,
                                                       store::Database& target);

}  // namespace tessera::store
