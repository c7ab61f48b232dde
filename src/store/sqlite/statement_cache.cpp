#include "store/sqlite/statement_cache.h"

#include <sqlite3.h>

namespace tessera::store {

StatementCache::StatementCache(StatementCacheLimits limits) : limits_(limits) {}

StatementCache::~StatementCache() { clear(); }

sqlite3_stmt* StatementCache::find(std::string_view sql) {
  const auto found = bySql_.find(sql);
  if (found == bySql_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->statement;
}

void StatementCache::add(std::string_view sql, sqlite3_stmt* statement) {
  const auto bytes =
      static_cast<std::size_t>(sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_MEMUSED, 0));
  entries_.push_front(Entry{std::string(sql), statement, bytes});
  bySql_.emplace(entries_.front().sql, entries_.begin());
  bytes_ += bytes;
  evictOverLimits();
}

void StatementCache::evictOverLimits() {
  auto candidate = entries_.end();
  while ((entries_.size() > limits_.maxStatements || bytes_ > limits_.maxBytes) &&
         candidate != std::next(entries_.begin())) {
    --candidate;
    if (sqlite3_stmt_busy(candidate->statement)) continue;
    bySql_.erase(candidate->sql);
    bytes_ -= candidate->bytes;
    sqlite3_finalize(candidate->statement);
    candidate = entries_.erase(candidate);
  }
}

void StatementCache::clear() {
  for (const Entry& entry : entries_) sqlite3_finalize(entry.statement);
  bySql_.clear();
  entries_.clear();
  bytes_ = 0;
}

}  // namespace tessera::store
