#include "support/held_lock.h"

#include <gtest/gtest.h>

#include <utility>

namespace tessera::testing {

HeldLock HeldLock::onSqlite(const std::string& file, const std::string& begin) {
  HeldLock lock;
  EXPECT_EQ(sqlite3_open(file.c_str(), &lock.sqlite_), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(lock.sqlite_, begin.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(lock.sqlite_);
  return lock;
}

HeldLock HeldLock::onPostgres(const std::string& url, const std::vector<std::string>& take,
                              std::string give) {
  HeldLock lock;
  lock.postgres_ = PQconnectdb(url.c_str());
  for (const std::string& sql : take) lock.runOnPostgres(sql);
  lock.give_ = std::move(give);
  return lock;
}

HeldLock::HeldLock(HeldLock&& other) noexcept
    : postgres_(std::exchange(other.postgres_, nullptr)),
      give_(std::move(other.give_)),
      sqlite_(std::exchange(other.sqlite_, nullptr)) {}

HeldLock::~HeldLock() { release(); }

void HeldLock::release() {
  if (postgres_) runOnPostgres(give_);
  PQfinish(postgres_);
  postgres_ = nullptr;
  if (sqlite_) sqlite3_exec(sqlite_, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(sqlite_);
  sqlite_ = nullptr;
}

void HeldLock::runOnPostgres(const std::string& sql) {
  PGresult* result = PQexec(postgres_, sql.c_str());
  const ExecStatusType status = PQresultStatus(result);
  EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
      << sql << ": " << PQerrorMessage(postgres_);
  PQclear(result);
}

}  // namespace tessera::testing
