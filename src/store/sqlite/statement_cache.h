// The prepared statements of one SQLite connection, kept by SQL text so a
// repeated query skips parsing and planning. Bounded: the SQL of a record
// list follows the request's shape (filters, `isAnyOf` lengths, sorts), so
// a client could otherwise grow it without limit. When a new statement
// would pass the count or memory limit, the least recently used statements
// that are not running are finalized. Not thread-safe, like its connection.
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace tessera::store {

struct StatementCacheLimits {
  std::size_t maxStatements = 200;
  // Measured with SQLITE_STMTSTATUS_MEMUSED, SQLite's own estimate.
  std::size_t maxBytes = 2 * 1024 * 1024;
};

class StatementCache {
 public:
  explicit StatementCache(StatementCacheLimits limits = {});
  ~StatementCache();
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The statement cached for `sql`, or nullptr; a hit becomes the most
  // recently used.
  sqlite3_stmt* find(std::string_view sql);
  // Takes ownership of `statement`, prepared from `sql` (not cached yet),
  // then evicts what is over the limits. A statement that is running
  // (stepped and not reset, as the outer query while a row callback runs
  // another) is never evicted, nor is the one just added.
  void add(std::string_view sql, sqlite3_stmt* statement);
  // Finalizes every statement; required before the connection closes.
  void clear();

  std::size_t size() const { return entries_.size(); }
  std::size_t bytes() const { return bytes_; }

 private:
  struct Entry {
    std::string sql;
    sqlite3_stmt* statement;
    std::size_t bytes;
  };
  using Entries = std::list<Entry>;  // most recently used first

  void evictOverLimits();

  StatementCacheLimits limits_;
  Entries entries_;
  std::unordered_map<std::string_view, Entries::iterator> bySql_;
  std::size_t bytes_ = 0;
};

}  // namespace tessera::store
