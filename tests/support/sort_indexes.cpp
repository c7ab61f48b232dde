#include "support/sort_indexes.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace tessera::testing {

std::string builtSortIndexes(const TestServer& server, const std::string& tableId) {
  if (server.database().onPostgres()) {
    return server.database().query(
        "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        " WHERE c.relname LIKE 'i_" +
        tableId + "_s_%' AND i.indisvalid");
  }
  sqlite3* db = nullptr;
  sqlite3_open_v2((server.dataDir() / "tessera.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  std::string count;
  const std::string sql =
      "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'i_" + tableId +
      "_s_%'";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    count = std::to_string(sqlite3_column_int(statement, 0)) + "\n";
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return count;
}

std::string waitForBuiltSortIndexes(const TestServer& server, const std::string& tableId,
                                    int count) {
  const std::string wanted = std::to_string(count) + "\n";
  std::string built = builtSortIndexes(server, tableId);
  for (int i = 0; i < 200 && built != wanted; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    built = builtSortIndexes(server, tableId);
  }
  return built;
}

}  // namespace tessera::testing
