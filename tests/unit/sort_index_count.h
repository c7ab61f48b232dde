// How many view-sort indexes a table has in a SQLite test database, for
// the unit tests of the sort indexes and their builder.
#pragma once

#include <cstddef>
#include <string>

#include "store/database.h"

namespace tessera::testing {

inline std::size_t sortIndexCount(store::Database& database, const std::string& tableId) {
  return database.read([&](store::Session& session) {
    return static_cast<std::size_t>(
        session
            .query("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE ?",
                   {"i_" + tableId + "_s_%"})
            .at(0)
            .integer(0));
  });
}

}  // namespace tessera::testing
