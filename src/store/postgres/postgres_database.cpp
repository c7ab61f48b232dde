#include "store/postgres/postgres_database.h"

#include <chrono>
#include <random>
#include <thread>

#include "store/postgres/postgres_connection.h"
#include "store/store_error.h"

namespace tessera::store {
namespace {

// A write that keeps losing races gives up after this many tries.
constexpr int kMaxWriteAttempts = 20;

// Outside a transaction: CONCURRENTLY refuses one.
void dropConcurrently(PostgresConnection& connection, std::string_view index) {
  connection.executeScript("DROP INDEX CONCURRENTLY IF EXISTS " + std::string(index));
}

constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

// The request served on this thread (beginRequest) and the read
// transaction its reads share, open from its first read to its end or to
// its next write.
struct RequestPin {
  const PostgresDatabase* database = nullptr;
  int depth = 0;  // nested requests (an MCP tool call's API requests) share it
  // Until the request writes or finds the generation moved, it may go
  // ahead on the generation the node last saw (beginRequest).
  bool mayAssume = true;
  // The generation it went ahead on, until a read transaction has checked
  // it; carried to the next one if the transaction ends before.
  std::optional<std::uint64_t> assumed;
  std::unique_ptr<PostgresConnection> reading;
};
thread_local RequestPin pinned;

// The connection was lost while a transaction's work ran, before its
// COMMIT was sent.
struct LostBeforeCommit : StoreError {
  explicit LostBeforeCommit(const StoreError& error) : StoreError(error) {}
};

void backOff(int attempt) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const int ceiling = 1 << std::min(attempt, 7);  // up to ~128 ms
  std::this_thread::sleep_for(std::chrono::milliseconds(random() % ceiling + 1));
}

}  // namespace

PostgresDatabase::PostgresDatabase(std::string url) : url_(std::move(url)) { give(take()); }

PostgresDatabase::~PostgresDatabase() { close(); }

void PostgresDatabase::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  idle_.clear();
}

std::unique_ptr<PostgresConnection> PostgresDatabase::take() {
  {
    std::lock_guard lock(mutex_);
    if (closed_) throw StoreError(StoreError::Kind::Unavailable, "database is closed");
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
  }
  return std::make_unique<PostgresConnection>(url_, &plansChanged_);
}

DatabaseStats PostgresDatabase::stats() {
  std::lock_guard lock(mutex_);
  return {0, idle_.size(), writeRetries_.load(), requestsRunAgain_.load()};
}

void PostgresDatabase::dropIdle() {
  std::lock_guard lock(mutex_);
  idle_.clear();
}

void PostgresDatabase::give(std::unique_ptr<PostgresConnection> connection) {
  if (!connection->healthy()) return;  // a lost connection is dropped, not reused
  std::lock_guard lock(mutex_);
  if (!closed_) idle_.push_back(std::move(connection));
}

void PostgresDatabase::runTransaction(Access access, const Work& work) {
  try {
    runOn(take(), access, work);
  } catch (const LostBeforeCommit&) {
    // After PostgreSQL restarts, every pooled connection is dead: drop them
    // all and try once on a new one before telling the client. No COMMIT
    // was sent, so nothing of `work` is durable and running it again
    // changes nothing twice. (A COMMIT whose answer is lost is not retried.)
    dropIdle();
    runOn(std::make_unique<PostgresConnection>(url_, &plansChanged_), access, work);
  }
}

void PostgresDatabase::runOn(std::unique_ptr<PostgresConnection> connection, Access access,
                             const Work& work) {
  connection->beginWithFirstStatement(
      access == Access::Read ? kBeginRead : "BEGIN ISOLATION LEVEL SERIALIZABLE");
  const auto abandon = [&] {
    connection->rollback();
    give(std::move(connection));
  };
  try {
    work(*connection);
  } catch (const StoreError& error) {
    abandon();
    if (error.kind() == StoreError::Kind::Unavailable) throw LostBeforeCommit(error);
    throw;
  } catch (...) {
    abandon();
    throw;
  }
  try {
    connection->commit(access == Access::Read ? PostgresConnection::Answer::Collect
                                              : PostgresConnection::Answer::Await);
  } catch (...) {
    abandon();
    throw;
  }
  give(std::move(connection));
}

void PostgresDatabase::buildIndex(std::string_view name, std::string_view table,
                                  std::string_view columns) {
  const std::string index(name);
  // Outside a transaction (CONCURRENTLY refuses one), on a connection of
  // its own for the whole build.
  PostgresConnection connection(url_);
  const Rows invalid = connection.query(
      "SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(?) AND NOT indisvalid", {index});
  if (!invalid.empty()) dropConcurrently(connection, index);
  try {
    connection.executeScript("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + index + " ON " +
                             std::string(table) + " (" + std::string(columns) + ")");
  } catch (const StoreError&) {
    // A failed concurrent build leaves an invalid index behind.
    if (connection.healthy()) {
      try {
        dropConcurrently(connection, index);
      } catch (const StoreError&) {
        // Dropped before the next build instead (above).
      }
    }
    throw;
  }
}

void PostgresDatabase::dropIndex(std::string_view name) {
  PostgresConnection connection(url_);  // CONCURRENTLY refuses a transaction
  dropConcurrently(connection, name);
}

void PostgresDatabase::withMigrationLock(const std::function<void()>& run) {
  // An arbitrary constant that names "Tessera's schema" among advisory locks.
  constexpr const char* kLock = "SELECT pg_advisory_lock(7305227421)";
  constexpr const char* kUnlock = "SELECT pg_advisory_unlock(7305227421)";
  PostgresConnection holder(url_);
  holder.executeScript(kLock);
  try {
    run();
  } catch (...) {
    holder.executeScript(kUnlock);
    throw;
  }
  holder.executeScript(kUnlock);
}

void PostgresDatabase::readWith(const Work& work) {
  if (pinned.database == this) return readInRequest(work);
  try {
    runTransaction(Access::Read, work);
  } catch (const StoreError& error) {
    // A prepared statement's plan no longer held (PostgresConnection::
    // checkPlan): every connection of this node now prepares again, so
    // the read succeeds on its next try.
    if (error.kind() != StoreError::Kind::Conflict) throw;
    runTransaction(Access::Read, work);
  }
}

void PostgresDatabase::openPinnedRead() {
  pinned.reading = take();
  pinned.reading->beginWithFirstStatement(kBeginRead);
  if (pinned.assumed) pinned.reading->assumeGeneration(*pinned.assumed);
}

void PostgresDatabase::readInRequest(const Work& work) {
  for (int attempt = 1;; ++attempt) {
    if (!pinned.reading) openPinnedRead();
    try {
      work(*pinned.reading);
      if (!pinned.reading->generationAssumed()) pinned.assumed.reset();
      return;
    } catch (const GenerationMoved&) {
      abandonAssumedGeneration();
      throw;
    } catch (const StoreError& error) {
      // The transaction failed; the request's next read opens another
      // (which checks the generation if this one had not yet).
      if (!pinned.reading->generationAssumed()) pinned.assumed.reset();
      endPinnedRead(Ending::RollBack);
      // Once more on a dead pooled connection (PostgreSQL restarted), as
      // runTransaction does, or after a plan that no longer held (see
      // readWith).
      const StoreError::Kind kind = error.kind();
      if (attempt > 1 ||
          (kind != StoreError::Kind::Unavailable && kind != StoreError::Kind::Conflict)) {
        throw;
      }
      if (kind == StoreError::Kind::Unavailable) dropIdle();
    }
  }
}

void PostgresDatabase::endPinnedRead(Ending ending) noexcept {
  std::unique_ptr<PostgresConnection> connection = std::move(pinned.reading);
  if (!connection) return;
  switch (ending) {
    case Ending::Commit:
      try {
        connection->commit(PostgresConnection::Answer::Collect);
      } catch (const StoreError&) {
        return;  // the connection is dropped, not reused
      }
      break;
    case Ending::RollBack:
      connection->rollback();
      break;
  }
  give(std::move(connection));
}

void PostgresDatabase::writeWith(const Work& work) {
  // Nothing is written on an assumed generation. What the request reads
  // after this write must see it: the snapshot of its reads ends here (and
  // again after the write, in case `work` read outside its own
  // transaction), and with it the generation read in it.
  const bool inRequest = pinned.database == this;
  if (inRequest) {
    confirmRequest();
    endPinnedRead(Ending::Commit);
    pinned.mayAssume = false;
  }
  try {
    for (int attempt = 1;; ++attempt) {
      try {
        runTransaction(Access::Write, work);
        break;
      } catch (const StoreError& error) {
        if (error.kind() != StoreError::Kind::Conflict || attempt == kMaxWriteAttempts) throw;
        ++writeRetries_;
        backOff(attempt);
      }
    }
  } catch (...) {
    if (inRequest) endPinnedRead(Ending::Commit);
    throw;
  }
  if (inRequest) endPinnedRead(Ending::Commit);
}

bool PostgresDatabase::beginRequest() {
  if (pinned.database == this) {
    ++pinned.depth;
    return false;
  }
  pinned = {this, 1, true, std::nullopt, nullptr};
  return true;
}

void PostgresDatabase::endRequest() {
  if (pinned.database != this || --pinned.depth > 0) return;
  endPinnedRead(Ending::Commit);
  pinned = {};
}

void PostgresDatabase::confirmRequest() {
  if (pinned.database != this || !pinned.assumed) return;
  if (!pinned.reading) openPinnedRead();
  try {
    pinned.reading->confirmGeneration();
    pinned.assumed.reset();
  } catch (const GenerationMoved&) {
    abandonAssumedGeneration();
    throw;
  } catch (const StoreError&) {
    endPinnedRead(Ending::RollBack);
    throw;
  }
}

void PostgresDatabase::abandonAssumedGeneration() {
  if (const auto actual = pinned.reading->snapshotGeneration()) noteGeneration(*actual);
  endPinnedRead(Ending::RollBack);
  pinned.assumed.reset();
  pinned.mayAssume = false;
  ++requestsRunAgain_;
}

void PostgresDatabase::noteGeneration(std::uint64_t generation) {
  auto seen = lastGeneration_.load();
  const auto value = static_cast<std::int64_t>(generation);
  while (seen < value && !lastGeneration_.compare_exchange_weak(seen, value)) {
  }
}

std::optional<std::uint64_t> PostgresDatabase::writeGeneration() {
  if (pinned.database == this) {
    if (pinned.assumed) {
      // Still to be checked; what the request decided on it stands or
      // falls with it.
      if (!pinned.reading) openPinnedRead();
      return pinned.assumed;
    }
    if (pinned.reading) {
      if (const auto known = pinned.reading->snapshotGeneration()) return known;
    } else if (const std::int64_t last = lastGeneration_.load(); pinned.mayAssume && last >= 0) {
      // No round trip now: checked with the request's first statement.
      pinned.assumed = static_cast<std::uint64_t>(last);
      openPinnedRead();
      return pinned.assumed;
    }
  }
  const std::uint64_t generation = read([](Session& session) {
    const auto value = static_cast<std::uint64_t>(
        session.query(PostgresConnection::kReadGeneration).at(0).integer(0));
    // Every session of this backend is a PostgresConnection.
    static_cast<PostgresConnection&>(session).rememberGeneration(value);
    return value;
  });
  noteGeneration(generation);
  return generation;
}

}  // namespace tessera::store
