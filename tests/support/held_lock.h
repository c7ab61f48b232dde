// A lock that another client of a test's database holds until release()
// (or the end of its scope): a transaction on a SQLite file, or statements
// in a PostgreSQL session. For tests of what the server does while it
// waits for the database.
#pragma once

#include <libpq-fe.h>
#include <sqlite3.h>

#include <string>
#include <vector>

namespace tessera::testing {

class HeldLock {
 public:
  // Opens the SQLite file `file` and runs `begin` (BEGIN IMMEDIATE or
  // EXCLUSIVE); release() commits.
  static HeldLock onSqlite(const std::string& file, const std::string& begin);
  // Connects to `url` and runs `take` in order; release() runs `give`.
  static HeldLock onPostgres(const std::string& url, const std::vector<std::string>& take,
                             std::string give);

  HeldLock(HeldLock&& other) noexcept;
  HeldLock& operator=(HeldLock&&) = delete;
  ~HeldLock();

  void release();

 private:
  HeldLock() = default;
  void runOnPostgres(const std::string& sql);

  PGconn* postgres_ = nullptr;
  std::string give_;
  sqlite3* sqlite_ = nullptr;
};

}  // namespace tessera::testing
