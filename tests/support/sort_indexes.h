// What a test server's database holds of view sort indexes, read straight
// from the database (pg_index, or sqlite_master), for tests of when they
// are built and dropped.
#pragma once

#include <string>

#include "support/test_server.h"

namespace tessera::testing {

// How many finished (on PostgreSQL: valid) sort indexes the table has, as
// "<n>\n".
std::string builtSortIndexes(const TestServer& server, const std::string& tableId);

// Waits up to 10 s for the table to have `count` built sort indexes (the
// builder runs in the background); returns builtSortIndexes then.
std::string waitForBuiltSortIndexes(const TestServer& server, const std::string& tableId,
                                    int count);

}  // namespace tessera::testing
