// Where a test server keeps its data. By default a SQLite file in the
// server's own temporary folder. When TESSERA_TEST_POSTGRES names a file
// holding a PostgreSQL server URL (written by scripts/test-postgres.sh),
// each TestDatabase is a fresh database on that server, dropped at the end,
// so the same tests run on both backends.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tessera::testing {

class TestDatabase {
 public:
  explicit TestDatabase(const std::filesystem::path& dataDir);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  bool onPostgres() const { return !url_.empty(); }
  // The postgres:// URL of this database (empty on SQLite).
  const std::string& url() const { return url_; }
  // The tessera command-line options that select this database.
  std::vector<std::string> args() const;
  // A query's result as text, rows on lines and cells joined by '|'
  // (PostgreSQL only): for tests that look at what is stored.
  std::string query(const std::string& sql) const;
  // Every byte of the database in a form a test can search (pg_dump's SQL,
  // or the SQLite files).
  std::string dump() const;

 private:
  std::filesystem::path dataDir_;
  std::string serverUrl_;  // the maintenance database, for CREATE/DROP
  std::string name_;
  std::string url_;
};

}  // namespace tessera::testing
