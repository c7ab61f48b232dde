// Builds the sort indexes of tables in the background, on one thread, so
// that saving a view returns at once and no request holds the database
// while an index over a large table is built (on PostgreSQL concurrently,
// with writes going on; on SQLite as one write that others queue behind).
// A view's pages use its index from the moment it exists: until then they
// are sorted per request. It drops, too, the indexes no view wants any
// more (after a view change or deletion), after each build as well, so an
// index whose sort went during its build goes with it; a field change
// drops the indexes on its column itself (sort_index_store.h). A build
// that lost a deadlock (to a field change on the same table) is tried
// again.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "store/database.h"

namespace tessera::features {

class SortIndexBuilder {
 public:
  // `onFailure` is told of each build that failed (the table may have
  // gone), with the reason; the builder goes on with the next.
  SortIndexBuilder(store::Database& database, std::function<void(const std::string&)> onFailure);
  ~SortIndexBuilder();
  SortIndexBuilder(const SortIndexBuilder&) = delete;
  SortIndexBuilder& operator=(const SortIndexBuilder&) = delete;

  // Builds the missing sort indexes of the table, soon. Thread-safe.
  void schedule(const std::string& tableId);
  // Schedules every table that has views (at start-up: builds that a
  // shutdown cut short, and views saved by an older Tessera).
  void scheduleEveryTable();
  // Returns once nothing is scheduled or building.
  void waitUntilIdle();
  // Finishes the build in progress, forgets the rest (scheduleEveryTable
  // finds them at the next start) and joins. Idempotent.
  void stop();

 private:
  void run();
  void buildWithRetries(const std::string& tableId);
  void build(const std::string& tableId);
  // Waits `pause`; true when stop() was called meanwhile.
  bool stoppedWithin(std::chrono::milliseconds pause);

  store::Database& database_;
  const std::function<void(const std::string&)> onFailure_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::set<std::string> scheduled_;
  bool building_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tessera::features
