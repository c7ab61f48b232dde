// What a test can see of the physical SQL tables in a test server's
// database (SQLite file or PostgreSQL), read behind the server's back, and
// changes made there as an older build would have made them.
#pragma once

#include <map>
#include <string>

#include "support/test_server.h"

namespace tessera::testing {

// The column types of the SQL table `physicalTable` (e.g. "t_tbl..." or
// "l_fld..."); empty when there is no such table.
std::map<std::string, std::string> sqlColumns(const TestServer& server,
                                              const std::string& physicalTable);

// Runs `sql` (statements that return nothing) on the server's database.
// REQUIRES: the server is stopped, or does not hold the database locked.
void executeBehindTheServer(const TestServer& server, const std::string& sql);

}  // namespace tessera::testing
