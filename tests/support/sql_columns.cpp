#include "support/sql_columns.h"

#include <sqlite3.h>

#include <sstream>
#include <stdexcept>

namespace tessera::testing {

std::map<std::string, std::string> sqlColumns(const TestServer& server,
                                              const std::string& physicalTable) {
  std::map<std::string, std::string> columns;
  if (server.database().onPostgres()) {
    std::istringstream lines(server.database().query(
        "SELECT column_name, upper(data_type) FROM information_schema.columns WHERE table_name = "
        "'" +
        physicalTable + "'"));
    for (std::string line; std::getline(lines, line);) {
      columns[line.substr(0, line.find('|'))] = line.substr(line.find('|') + 1);
    }
    return columns;
  }
  sqlite3* db = nullptr;
  sqlite3_open_v2((server.dataDir() / "tessera.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  const std::string sql = "PRAGMA table_info(\"" + physicalTable + "\")";
  sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
  while (sqlite3_step(statement) == SQLITE_ROW) {
    columns[reinterpret_cast<const char*>(sqlite3_column_text(statement, 1))] =
        reinterpret_cast<const char*>(sqlite3_column_text(statement, 2));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return columns;
}

void executeBehindTheServer(const TestServer& server, const std::string& sql) {
  if (server.database().onPostgres()) {
    server.database().query(sql);
    return;
  }
  sqlite3* db = nullptr;
  sqlite3_open((server.dataDir() / "tessera.db").c_str(), &db);
  char* error = nullptr;
  const int status = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (status != SQLITE_OK) throw std::runtime_error("SQLite: " + message);
}

}  // namespace tessera::testing
